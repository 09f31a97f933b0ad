//! `export --view` and `briefing --views` as users run them: the example
//! views drawn in every format with their annotations, a briefing of views
//! in their order, and bad view files refused with what and where.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::run_command;

/// The example view `name` changed by `alter`, written into `dir` as
/// `gone.view.json`.
fn altered_example(
    name: &str,
    dir: &Path,
    alter: impl FnOnce(&mut serde_json::Value),
) -> std::path::PathBuf {
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example(name)).expect("read")).expect("JSON");
    alter(&mut json);
    let path = dir.join("gone.view.json");
    std::fs::write(&path, json.to_string()).expect("write");
    path
}

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
    // it goes, and says what is gone (in its language, English here).
    let gone = altered_example("output-15th-fyp.view.json", dir.path(), |json| {
        json["annotations"][0]["figure"] = "gone-point".into();
        json["version"] = 3.into();
    });
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

/// A Chinese view whose record is gone and whose line lies off its scale:
/// `export --view` says both in the view's language, the one its picture
/// is drawn in; a briefing of it says them in the briefing's `--lang`.
#[test]
fn what_a_view_leaves_out_is_said_in_its_language_or_the_briefings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(example("shares-zh.view.json")).expect("example");
    let mut view: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    view["selected"] = serde_json::json!({ "figure": "no-such-figure" });
    view["annotations"][1]["value"] = serde_json::json!(4000.0);
    let path = dir.path().join("gone.view.json");
    std::fs::write(&path, view.to_string()).expect("written");
    let view_arg = path.to_str().expect("UTF-8");
    let svg = dir.path().join("gone.svg");
    let stderr = ok(
        &["--view", view_arg, "--out", svg.to_str().expect("UTF-8")],
        "export",
    );
    assert!(stderr.contains("no-such-figure"), "{stderr}");
    assert!(stderr.contains("标注 2（“40%”）未画出："), "{stderr}");
    assert!(
        !stderr.contains("is not drawn") && !stderr.contains("no longer"),
        "nothing said in English: {stderr}"
    );
    let pdf = dir.path().join("gone.pdf");
    let stderr = ok(
        &[
            "--views",
            view_arg,
            "--lang",
            "en",
            "--out",
            pdf.to_str().expect("UTF-8"),
        ],
        "briefing",
    );
    assert!(stderr.contains("no-such-figure"), "{stderr}");
    assert!(
        !stderr
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '（'),
        "said in English, the briefing's language: {stderr}"
    );
}

#[test]
fn the_unit_map_example_draws_its_cell_note_in_every_picture_and_the_briefing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let view = example("health-commission-units.view.json");
    let words = "25 measures, the first due in 2027: ask for a progress report";
    for ext in ["svg", "png", "pdf"] {
        let path = dir.path().join(format!("units.{ext}"));
        let stderr = ok(
            &["--view", &view, "--out", path.to_str().expect("UTF-8")],
            "export",
        );
        assert!(stderr.is_empty(), "the note finds room: {stderr}");
        assert!(path.is_file(), "{ext} written");
    }
    // SVG: the words, marked as the user's, beside the map's counts.
    let svg = std::fs::read_to_string(dir.path().join("units.svg")).expect("SVG");
    assert!(svg.contains("class=\"user-note\""), "marked as the user's");
    // The note's lines, in order, are the words as written.
    let drawn: String = svg
        .split("class=\"user-note\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('>').and_then(|(_, t)| t.split_once('<')))
        .map(|(text, _)| text)
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(drawn, words, "the words as written");
    assert!(svg.contains("25 · 2027"), "the cell's count and deadline");
    let pdf = pdf_text(&dir.path().join("units.pdf"));
    assert!(pdf.contains(words), "{pdf}");
    assert!(pdf.contains("user's annotations"), "{pdf}");
    let (width, height, _) = crate::common::decode(&dir.path().join("units.png"));
    assert_eq!((width, height), (1920, 1080));
    // A briefing of the view carries the note too.
    let briefing = dir.path().join("briefing.pdf");
    ok(
        &["--views", &view, "--out", briefing.to_str().expect("UTF-8")],
        "briefing",
    );
    let text = pdf_text(&briefing);
    assert!(text.contains("progress report"), "{text}");
}

#[test]
fn a_cell_note_on_a_plan_the_dataset_lacks_is_said_and_the_map_still_drawn() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gone = altered_example("health-commission-units.view.json", dir.path(), |json| {
        json["annotations"][0]["plan"] = "plan-of-2040".into();
    });
    let out = dir.path().join("units.svg");
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
        stderr.contains(
            "The note “25 measures, the first due in 2027: ask for a progress report” on a map's cell is left out: the plan plan-of-2040 no longer exists."
        ),
        "{stderr}"
    );
    let svg = std::fs::read_to_string(&out).expect("SVG");
    assert!(!svg.contains("user-note"), "no note drawn");
    assert!(svg.contains("responsible units across"), "the map is drawn");
}
