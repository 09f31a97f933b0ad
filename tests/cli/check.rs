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
