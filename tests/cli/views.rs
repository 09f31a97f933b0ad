//! `export --view` and `briefing --views` as users run them: the example
//! views drawn in every format with their annotations, a briefing of views
//! in their order, and bad view files refused with what and where.

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

fn ok(args: &[&str], command: &str) -> String {
    let output = run_command(command, args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils; scripts/test installs it)");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn an_example_view_exports_in_every_format_with_its_annotations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let view = example("output-15th-fyp.view.json");
    let out = |ext: &str| -> PathBuf { dir.path().join(format!("view.{ext}")) };
    for ext in ["svg", "png", "pdf", "csv"] {
        let path = out(ext);
        let stderr = ok(
            &["--view", &view, "--out", path.to_str().expect("UTF-8")],
            "export",
        );
        assert!(
            stderr.is_empty(),
            "nothing to say about the example: {stderr}"
        );
        assert!(path.is_file(), "{ext} written");
    }
    let svg = std::fs::read_to_string(out("svg")).expect("SVG");
    assert!(
        svg.contains("class=\"user-note\""),
        "the note is marked as the user's"
    );
    assert!(svg.contains("The goal for 2030: half a trillion yuan"));
    assert!(svg.contains("15th Five-Year Plan"));
    assert!(svg.contains("5 trillion yuan"));
    let pdf = pdf_text(&out("pdf"));
    assert!(
        pdf.contains("The goal for 2030: half a trillion yuan"),
        "{pdf}"
    );
    assert!(pdf.contains("user's annotations"), "{pdf}");
    let (_, height, _) = crate::common::decode(&out("png"));
    assert_eq!(height, 1080, "a slide at twice its points");
    let csv = std::fs::read_to_string(out("csv")).expect("CSV");
    assert!(csv.contains("Shanghai GDP,2024,5390000000000"), "{csv}");
}

#[test]
fn the_chinese_view_is_drawn_in_chinese_with_the_users_words_untranslated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shares.svg");
    ok(
        &[
            "--view",
            &example("shares-zh.view.json"),
            "--out",
            path.to_str().expect("UTF-8"),
        ],
        "export",
    );
    let svg = std::fs::read_to_string(&path).expect("SVG");
    assert!(svg.contains("xml:lang=\"zh-Hans\""));
    assert!(svg.contains("口径不同，不宜与2021年直接比较"));
}

#[test]
fn a_briefing_of_views_has_their_charts_in_their_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for ext in ["pdf", "docx"] {
        let path = dir.path().join(format!("views.{ext}"));
        ok(
            &[
                "--views",
                &example("shares-zh.view.json"),
                &example("output-15th-fyp.view.json"),
                "--out",
                path.to_str().expect("UTF-8"),
            ],
            "briefing",
        );
        assert!(path.is_file());
    }
    let text = pdf_text(&dir.path().join("views.pdf"));
    assert!(
        text.contains("the saved views “先导产业占比”, “Output and the 15th Five-Year Plan”"),
        "the cover names the views"
    );
    let zh = text.find("口径不同").expect("the first view's note");
    let en = text
        .find("The goal for 2030: half a trillion yuan")
        .expect("the second view's note");
    assert!(zh < en, "in the order given");
}

#[test]
fn a_bad_view_is_refused_saying_what_and_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.view.json");
    std::fs::write(
        &bad,
        "{\n  \"format\": \"plan-explorer-view\",\n  \"version\": 1,\n  \"name\": \"x\",\n  \"chart\": \"pie\"\n}",
    )
    .expect("write");
    let out = dir.path().join("out.svg");
    let output = run_command(
        "export",
        &[
            "--view",
            bad.to_str().expect("UTF-8"),
            "--out",
            out.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.view.json is malformed at line 5") && stderr.contains("pie"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing written");
    // A view naming records the dataset no longer has is drawn as far as
    // it goes, and says what is gone.
    let mut json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(example("shares-zh.view.json")).expect("read"),
    )
    .expect("JSON");
    json["annotations"][0]["figure"] = "gone-point".into();
    json["version"] = 3.into();
    let gone = dir.path().join("gone.view.json");
    std::fs::write(&gone, json.to_string()).expect("write");
    let stderr = ok(
        &[
            "--view",
            gone.to_str().expect("UTF-8"),
            "--out",
            out.to_str().expect("UTF-8"),
        ],
        "export",
    );
    assert!(
        stderr.contains("No longer exists: the figure gone-point."),
        "{stderr}"
    );
    assert!(stderr.contains("format version 3, newer"), "{stderr}");
    assert!(out.is_file());
}
