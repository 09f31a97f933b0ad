//! `plan-explorer check`: a draft's figures checked against the data,
//! as text and `--json`, the exit status, the reviewed Word copy (opened
//! by `LibreOffice`, its comments counted) and bad input, run as a user
//! would.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{fixture, run_command};

fn run(args: &[&str]) -> Output {
    run_command("check", args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn seed_001() -> PathBuf {
    crate::common::seeds().join("001_705510ce96c515c9.txt")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A draft file with `text`, named `name`, in a new folder.
fn draft(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join(name);
    std::fs::write(&file, text).expect("writes");
    (dir, file)
}

#[test]
fn seed_001_as_json_lists_every_claim_with_verdict_records_and_message() {
    let output = run(&[path(&seed_001()), "--json"]);
    // The 33.4% drops the record's caveat: something to fix, exit 1.
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let claims = json["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 10);
    for claim in claims {
        for key in ["text", "verdict", "records", "message"] {
            assert!(!claim[key].is_null(), "{key} in {claim}");
        }
    }
    let gdp = claims
        .iter()
        .find(|c| c["text"] == "5.39 trillion yuan ($760 billion)")
        .expect("the GDP claim");
    assert_eq!(gdp["verdict"], "agrees");
    assert_eq!(gdp["records"], serde_json::json!(["gdp-2024"]));
    let share = claims
        .iter()
        .find(|c| c["text"] == "33.4 percent")
        .expect("the share");
    assert_eq!(share["verdict"], "drops_caveat");
    assert!(
        share["message"]
            .as_str()
            .expect("text")
            .contains("rather than a share of value added"),
        "the caveat is shown: {share}"
    );
    assert_eq!(json["counts"]["agrees"], 8);
}

#[test]
fn exit_status_is_0_when_all_agree_1_when_one_differs() {
    let (_dir, good) = draft(
        "good.md",
        "# Briefing\n\nShanghai's GDP reached 5.39 trillion yuan in 2024.\n",
    );
    let output = run(&[path(&good)]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("agrees with gdp-2024"),
        "{}",
        stdout(&output)
    );

    let (_dir, bad) = draft(
        "bad.txt",
        "Shanghai's GDP reached 5.93 trillion yuan in 2024.\n",
    );
    let output = run(&[path(&bad)]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("differs")
            && text.contains("the data says 5.39 trillion yuan in 2024")
            && text.contains("the draft says “5.93 trillion yuan”"),
        "{text}"
    );
    // Located as an editor's link: FILE:LINE:COLUMN.
    assert!(text.contains("bad.txt:1:24: differs"), "{text}");
}

#[test]
fn chinese_messages_with_lang_zh() {
    let (_dir, file) = draft("zh.txt", "2024年上海市GDP达到5.93万亿元。\n");
    let output = run(&[path(&file), "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("不符") && text.contains("数据为2024年5.39万亿元"),
        "{text}"
    );
}

#[test]
fn no_figures_says_so_and_exits_0() {
    let (_dir, file) = draft(
        "words.txt",
        "Shanghai will keep building on its strengths in innovation.\n",
    );
    let output = run(&[path(&file)]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains("no figures found: nothing to check"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_10_mb_text_is_refused_with_a_message_not_checked_for_minutes() {
    let line = "Shanghai's GDP reached 5.39 trillion yuan in 2024, and more words follow here.\n";
    let text = line.repeat(10 * 1024 * 1024 / line.len() + 1);
    let (_dir, file) = draft("huge.txt", &text);
    let started = std::time::Instant::now();
    let output = run(&[path(&file)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("at most 4096 KiB is checked at once: split it"),
        "{}",
        stderr(&output)
    );
    assert!(started.elapsed().as_secs() < 30);
}

#[test]
fn bad_word_files_get_clear_messages() {
    let output = run(&[path(&fixture("check/not-a-zip.docx"))]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a zip package"),
        "{}",
        stderr(&output)
    );
    let output = run(&[path(&fixture("check/protected.docx"))]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("protected by a password"),
        "{}",
        stderr(&output)
    );
    let output = run(&[
        path(&seed_001()),
        "--out",
        "/tmp/never-written-by-check.docx",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--out writes a reviewed copy of a Word draft"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn tracked_changes_are_accepted_and_said() {
    // The fixture's editor deleted "1.8" and inserted "1.9".
    let output = run(&[path(&fixture("check/tracked.docx")), "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let notes = json["notes"].to_string();
    assert!(
        notes.contains("checked as it reads with its tracked changes accepted"),
        "{notes}"
    );
    let output_claim = json["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["records"] == serde_json::json!(["pioneer-output-2024"]))
        .expect("the output claim");
    assert_eq!(output_claim["text"], "1.9 trillion yuan");
    assert_eq!(output_claim["verdict"], "differs");
}

/// Every entry of a zip: name and uncompressed bytes.
fn entries(file: &Path) -> Vec<(String, Vec<u8>, u32)> {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).expect("opens")).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("an entry");
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).expect("reads");
            (entry.name().to_owned(), bytes, entry.crc32())
        })
        .collect()
}

#[test]
fn the_reviewed_docx_has_a_comment_on_each_figure_libreoffice_counts_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let original = fixture("check/seed001.docx");
    let before = std::fs::read(&original).expect("reads");
    let out = dir.path().join("reviewed.docx");
    let output = run(&[path(&original), "--out", path(&out)]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("wrote"), "{}", stdout(&output));
    // The original is never touched.
    assert_eq!(std::fs::read(&original).expect("reads"), before);
    // Every part but the four the comments need is as it was.
    let old = entries(&original);
    let new = entries(&out);
    let changed = [
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
    ];
    for (name, bytes, crc) in &old {
        let (_, new_bytes, new_crc) = new.iter().find(|(n, _, _)| n == name).expect("kept");
        if !changed.contains(&name.as_str()) {
            assert_eq!((bytes, crc), (new_bytes, new_crc), "{name} changed");
        }
    }
    assert_eq!(new.len(), old.len() + 1, "word/comments.xml is added");

    // `LibreOffice` opens it and finds ten comments, each with its range.
    let soffice = which("soffice");
    let converted = std::process::Command::new(soffice)
        .args([
            "--headless",
            "-env:UserInstallation=file:///tmp/plan-explorer-check-lo",
            "--convert-to",
            "fodt",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&out)
        .output()
        .expect("LibreOffice runs");
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let fodt =
        std::fs::read_to_string(dir.path().join("reviewed.fodt")).expect("LibreOffice wrote it");
    assert_eq!(
        fodt.matches("<office:annotation ").count() + fodt.matches("<office:annotation>").count(),
        10,
        "comments"
    );
    assert_eq!(
        fodt.matches("<office:annotation-end ").count(),
        10,
        "comment ranges"
    );
    assert!(
        fodt.contains("Plan Explorer: drops a caveat"),
        "the verdict is in the comment"
    );
    assert!(
        fodt.contains("agrees with gdp-2024"),
        "the record is in the comment"
    );
    // And the text reads as before.
    assert!(
        fodt.contains("5.39</text:span>") || fodt.contains("5.39"),
        "the figure is kept"
    );
}

/// The path of a program on `PATH`; the test fails (not skips) without it.
fn which(program: &str) -> PathBuf {
    std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(program))
                .find(|p| p.is_file())
        })
        .unwrap_or_else(|| panic!("this test opens the reviewed .docx with LibreOffice: install it ({program} is not on PATH)"))
}

#[test]
fn json_says_which_dimension_differs_value_or_scope_in_both_languages() {
    let (_dir, file) = draft(
        "scope.txt",
        "Shanghai's GDP reached 5.93 trillion yuan in 2024.\n\
         Shanghai's AI industry saw its industrial output reach 1.8 trillion yuan in 2024.\n",
    );
    for (lang, said) in [
        ("en", "the draft says it of AI alone"),
        ("zh", "草稿却用于人工智能一项"),
    ] {
        let output = run(&[path(&file), "--json", "--lang", lang]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let claims = json["claims"].as_array().expect("claims");
        assert_eq!(claims[0]["differs_in"], serde_json::json!(["value"]));
        assert_eq!(claims[1]["verdict"], "differs");
        assert_eq!(claims[1]["differs_in"], serde_json::json!(["scope"]));
        assert_eq!(
            claims[1]["records"],
            serde_json::json!(["pioneer-output-2024"])
        );
        let message = claims[1]["message"].as_str().expect("a message");
        assert!(message.contains(said), "{lang}: {message}");
    }
    // The text report says it too.
    let text = stdout(&run(&[path(&file)]));
    assert!(
        text.contains("scope.txt:2:56: differs: “1.8 trillion yuan”: the data gives 1.8 trillion yuan in 2024 for the three pioneering industries"),
        "{text}"
    );
}

/// A comment `LibreOffice` printed into a PDF: its page, where it is
/// anchored (x, and y from the top of the page) and its text.
struct PdfNote {
    page: u32,
    x: f32,
    top: f32,
    bottom: f32,
    text: String,
}

/// The text notes (comments) of the PDF at `file`.
fn pdf_notes(file: &Path) -> Vec<PdfNote> {
    let doc = lopdf::Document::load(file).expect("LibreOffice's PDF loads");
    let mut notes = Vec::new();
    for (number, page) in doc.get_pages() {
        let page = doc.get_dictionary(page).expect("a page");
        let height = page
            .get(b"MediaBox")
            .and_then(lopdf::Object::as_array)
            .expect("a media box")[3]
            .as_float()
            .expect("a number");
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        let (_, annots) = doc.dereference(annots).expect("annotations");
        for annot in annots.as_array().expect("a list") {
            let (_, annot) = doc.dereference(annot).expect("an annotation");
            let annot = annot.as_dict().expect("a dictionary");
            if annot.get(b"Subtype").and_then(lopdf::Object::as_name).ok() != Some(b"Text") {
                continue;
            }
            let rect: Vec<f32> = annot
                .get(b"Rect")
                .and_then(lopdf::Object::as_array)
                .expect("a place")
                .iter()
                .map(|n| n.as_float().expect("a number"))
                .collect();
            let bytes = annot
                .get(b"Contents")
                .and_then(lopdf::Object::as_str)
                .expect("a text");
            let text = match bytes.strip_prefix(&[0xfe, 0xff]) {
                Some(utf16) => String::from_utf16(
                    &utf16
                        .chunks(2)
                        .map(|c| u16::from_be_bytes([c[0], c[1]]))
                        .collect::<Vec<_>>(),
                )
                .expect("UTF-16"),
                None => String::from_utf8_lossy(bytes).into_owned(),
            };
            notes.push(PdfNote {
                page: number,
                x: rect[0],
                top: height - rect[3],
                bottom: height - rect[1],
                text,
            });
        }
    }
    notes
}

/// Each word of the PDF at `file` with its page and box (x from the left,
/// y from the top), as poppler's `pdftotext -bbox` reads them.
fn pdf_words(file: &Path) -> Vec<(u32, String, [f32; 4])> {
    let output = std::process::Command::new(which("pdftotext"))
        .arg("-bbox")
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let html = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut words = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let number = |key: &str| -> f32 {
            let at = rest.find(&format!("{key}=\"")).expect("a coordinate") + key.len() + 2;
            rest[at..]
                .split('"')
                .next()
                .expect("a value")
                .parse()
                .expect("a number")
        };
        let word = rest
            .split_once('>')
            .and_then(|(_, w)| w.split_once('<'))
            .map(|(w, _)| w.to_owned())
            .unwrap_or_default();
        words.push((
            page,
            word,
            [
                number("xMin"),
                number("yMin"),
                number("xMax"),
                number("yMax"),
            ],
        ));
    }
    words
}

/// `LibreOffice` 7.4 (the one installed) prints the reviewed copy's
/// comments to PDF as text notes anchored on each figure, not in the
/// margin: its PDF export has no `ExportNotesInMargin` option (added to
/// later versions; 7.4 takes it as it takes an unknown name, and its
/// libraries do not know the word). What it does print is tested: every
/// comment, on its figure's line, with the verdict, the record's value,
/// its quote and its source, in English and in Chinese.
#[test]
fn libreoffice_prints_each_comment_as_a_note_on_its_figure_in_both_languages() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let original = fixture("check/seed001.docx");
    for (lang, verdict, agrees) in [
        (
            "en",
            "Plan Explorer: agrees",
            "agrees with gdp-2024: 5.39 trillion yuan in 2024",
        ),
        (
            "zh",
            "Plan Explorer: 相符",
            "与 gdp-2024 相符：2024年5.39万亿元",
        ),
    ] {
        let out = dir.path().join(format!("reviewed-{lang}.docx"));
        let output = run(&[
            path(&original),
            "--lang",
            lang,
            "--out",
            path(&out),
            "--json",
        ]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let claims = json["claims"].as_array().expect("claims");
        let converted = std::process::Command::new(which("soffice"))
            .args([
                "--headless",
                // A profile of its own: two LibreOffice runs sharing one
                // (the count test's) wait on each other or fail.
                "-env:UserInstallation=file:///tmp/plan-explorer-check-lo-pdf",
                "--convert-to",
                r#"pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}"#,
                "--outdir",
            ])
            .arg(dir.path())
            .arg(&out)
            .output()
            .expect("LibreOffice runs");
        assert!(
            converted.status.success(),
            "{}",
            String::from_utf8_lossy(&converted.stderr)
        );
        let pdf = dir.path().join(format!("reviewed-{lang}.pdf"));
        let notes = pdf_notes(&pdf);
        let words = pdf_words(&pdf);
        assert_eq!(notes.len(), claims.len(), "{lang}: one note per figure");
        assert_eq!(notes.len(), 10);
        assert!(notes.iter().any(|n| n.text.starts_with(verdict)), "{lang}");
        assert!(notes.iter().any(|n| n.text.contains(agrees)), "{lang}");
        // Each claim has its note (LibreOffice lists a page's notes in
        // an order of its own): the claim's verdict and message, the
        // record's value, its quote and its source's title.
        for claim in claims {
            let message = claim["message"].as_str().expect("a message");
            let note = notes
                .iter()
                .find(|n| n.text.ends_with(message))
                .unwrap_or_else(|| panic!("{lang}: no note says {message}"));
            let verdict_line = note.text.lines().next().expect("a first line");
            assert!(
                verdict_line.starts_with("Plan Explorer: "),
                "{lang}: {verdict_line}"
            );
            assert!(
                message.contains('“') && message.contains("City ready to boost strategy")
                    || message.contains("Shanghai Charts Bold Course"),
                "{lang}: the quote and the source: {message}"
            );
            // Anchored at the end of the figure: right after its last
            // word, on that word's line.
            let figure = claim["text"].as_str().expect("a figure");
            let last = figure.split_whitespace().last().expect("a word");
            let on_line = words.iter().any(|(page, word, b)| {
                *page == note.page
                    && word.starts_with(last)
                    && b[1] < note.bottom
                    && b[3] > note.top
                    && note.x > b[0]
                    && note.x < b[2] + 3.0
            });
            assert!(
                on_line,
                "{lang}: the note for {figure} is not on its line: page {}, x {}, y {}-{}",
                note.page, note.x, note.top, note.bottom
            );
        }
    }
}
