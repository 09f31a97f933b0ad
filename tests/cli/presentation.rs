//! `export --presentation` and `briefing --presentation` as users run
//! them: the example presentation as one PDF with a slide-shaped page per
//! slide (read back with pdfinfo and pdftotext), as a briefing in PDF and
//! Word, and bad presentations said slide by slide.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::run_command;

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name)
        .display()
        .to_string()
}

fn run(command: &str, args: &[&str]) -> (Option<i32>, String) {
    let output = run_command(command, args);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn pdfinfo(path: &Path, first: usize, last: usize) -> String {
    let output = Command::new("pdfinfo")
        .args(["-f", &first.to_string(), "-l", &last.to_string()])
        .arg(path)
        .output()
        .expect("pdfinfo runs (poppler-utils)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn page_text(path: &Path, page: usize) -> String {
    let output = Command::new("pdftotext")
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("UTF-8")
}

#[test]
fn a_presentation_exports_as_one_pdf_with_a_slide_per_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deck: PathBuf = dir.path().join("deck.pdf");
    let presentation = example("meeting.presentation.json");
    let (status, stderr) = run(
        "export",
        &["--presentation", &presentation, "--out", utf8(&deck)],
    );
    assert_eq!(status, Some(0), "{stderr}");
    assert!(
        stderr.is_empty(),
        "nothing to say about the example: {stderr}"
    );
    let info = pdfinfo(&deck, 1, 2);
    assert!(info.contains("Pages:           2"), "{info}");
    assert!(
        info.contains("Title:           Output and shares for the leadership meeting"),
        "{info}"
    );
    // Every page a landscape 16:9 slide.
    assert_eq!(info.matches("size:  960 x 540 pts").count(), 2, "{info}");
    // Each page is its slide: title, annotations and sources, in order and
    // in the slide's own language.
    let first = page_text(&deck, 1);
    assert!(first.contains("Shanghai GDP"), "{first}");
    assert!(
        first.contains("The goal for 2030: half a trillion yuan"),
        "{first}"
    );
    assert!(first.contains("Source"), "{first}");
    let second = page_text(&deck, 2);
    assert!(second.contains("口径不同"), "{second}");
    assert!(second.contains("来源"), "{second}");
    assert!(!second.contains("The goal for 2030"), "{second}");

    // Another page size and the dark theme; an existing file is kept
    // without --force.
    let (status, stderr) = run(
        "export",
        &["--presentation", &presentation, "--out", utf8(&deck)],
    );
    assert_eq!(status, Some(2));
    assert!(stderr.contains("exists; pass --force"), "{stderr}");
    let (status, stderr) = run(
        "export",
        &[
            "--presentation",
            &presentation,
            "--out",
            utf8(&deck),
            "--width",
            "1280",
            "--height",
            "720",
            "--theme",
            "dark",
            "--force",
        ],
    );
    assert_eq!(status, Some(0), "{stderr}");
    let info = pdfinfo(&deck, 1, 2);
    assert_eq!(info.matches("size:  1280 x 720 pts").count(), 2, "{info}");
    // Only a PDF holds a page per slide.
    let (status, stderr) = run(
        "export",
        &[
            "--presentation",
            &presentation,
            "--out",
            utf8(&dir.path().join("deck.png")),
        ],
    );
    assert_eq!(status, Some(2));
    assert!(stderr.contains("one PDF, a page per slide"), "{stderr}");
}

#[test]
fn a_presentation_is_written_as_a_briefing_of_its_views_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for ext in ["pdf", "docx"] {
        let out = dir.path().join(format!("brief.{ext}"));
        let (status, stderr) = run(
            "briefing",
            &[
                "--presentation",
                &example("meeting.presentation.json"),
                "--out",
                utf8(&out),
            ],
        );
        assert_eq!(status, Some(0), "{stderr}");
        assert!(out.is_file());
    }
    let output = Command::new("pdftotext")
        .arg(dir.path().join("brief.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("“Output and the 15th Five-Year Plan”, “先导产业占比”"),
        "the cover names the slides' views in order: {text}"
    );
    let en = text
        .find("The goal for 2030: half a trillion yuan")
        .expect("the first slide's note");
    let zh = text.find("口径不同").expect("the second slide's note");
    assert!(en < zh, "in the presentation's order");
}

#[test]
fn a_damaged_presentation_exports_what_it_can_and_says_each_slide() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(example("meeting.presentation.json")).expect("the example");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    json["slides"][1]["chart"] = "pie".into();
    json["slides"][0]["selected"] = serde_json::json!({ "figure": "no-such-figure" });
    let path = dir.path().join("damaged.presentation.json");
    std::fs::write(&path, serde_json::to_string_pretty(&json).expect("JSON")).expect("write");
    let deck = dir.path().join("deck.pdf");
    let (status, stderr) = run(
        "export",
        &["--presentation", utf8(&path), "--out", utf8(&deck)],
    );
    assert_eq!(status, Some(0), "{stderr}");
    let name = path.display().to_string();
    assert!(
        stderr.contains(&format!("Slide 2 (“先导产业占比”) of {name} is left out"))
            && stderr.contains("(field slides[1].chart)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "Slide 1 (“Output and the 15th Five-Year Plan”) of {name}: No longer exists: the figure no-such-figure."
        )),
        "{stderr}"
    );
    assert!(pdfinfo(&deck, 1, 1).contains("Pages:           1"));

    // No slide left: an error, and no file.
    json["slides"] = serde_json::json!([]);
    std::fs::write(&path, json.to_string()).expect("write");
    let empty = dir.path().join("empty.pdf");
    let (status, stderr) = run(
        "export",
        &["--presentation", utf8(&path), "--out", utf8(&empty)],
    );
    assert_eq!(status, Some(1));
    assert!(
        stderr.contains("has no slide that can be shown"),
        "{stderr}"
    );
    assert!(!empty.exists());
    // Not a presentation at all.
    let (status, stderr) = run(
        "briefing",
        &[
            "--presentation",
            &example("shares-zh.view.json"),
            "--out",
            utf8(&dir.path().join("b.pdf")),
        ],
    );
    assert_eq!(status, Some(1));
    assert!(
        stderr.contains("is not a Plan Explorer presentation"),
        "{stderr}"
    );
}

/// Each slide's problems are said in the language the slide is drawn in:
/// the English slide's in English, the Chinese slide's in Chinese.
#[test]
fn each_slide_is_spoken_of_in_its_own_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(example("meeting.presentation.json")).expect("the example");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    json["slides"][0]["selected"] = serde_json::json!({ "figure": "gone-en" });
    json["slides"][1]["selected"] = serde_json::json!({ "figure": "gone-zh" });
    json["slides"][1]["annotations"][1]["value"] = serde_json::json!(4000.0);
    let path = dir.path().join("mixed.presentation.json");
    std::fs::write(&path, json.to_string()).expect("write");
    let deck = dir.path().join("deck.pdf");
    let (status, stderr) = run(
        "export",
        &["--presentation", utf8(&path), "--out", utf8(&deck)],
    );
    assert_eq!(status, Some(0), "{stderr}");
    let name = path.display().to_string();
    let line = |needle: &str| -> &str {
        stderr
            .lines()
            .find(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("{needle} is said: {stderr}"))
    };
    assert!(
        line("gone-en").starts_with(&format!(
            "Slide 1 (“Output and the 15th Five-Year Plan”) of {name}: No longer exists"
        )),
        "{stderr}"
    );
    assert!(
        line("gone-zh").starts_with(&format!(
            "{name} 的第 2 张幻灯片（“先导产业占比”）：已不存在"
        )),
        "{stderr}"
    );
    assert!(
        line("40%").starts_with(&format!("{name} 的第 2 张幻灯片：标注 2（“40%”）未画出：")),
        "{stderr}"
    );
}
