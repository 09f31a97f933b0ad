//! The README's options, each run end to end and checked for its effect:
//! briefing's `--unit`, `--theme`, `--amounts`, `--dataset` and `--force`,
//! and export's `--log-scale` and `--outline-text`.

use std::io::Read as _;
use std::path::Path;

use plan_explorer::dataset::Dataset;

use crate::common::run_command;

fn data() -> Dataset {
    plan_explorer::dataset::load_embedded()
        .dataset
        .expect("valid")
}

/// Writes a Word briefing with `args` and gives its document's XML.
fn briefing_xml(dir: &Path, name: &str, args: &[&str]) -> String {
    let out = dir.join(name);
    let mut all = args.to_vec();
    all.extend(["--chart", "none", "--out", out.to_str().expect("UTF-8")]);
    let output = run_command("briefing", &all);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut archive =
        zip::ZipArchive::new(std::fs::File::open(&out).expect("written")).expect("zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("the document")
        .read_to_string(&mut xml)
        .expect("reads");
    xml
}

/// The titles of the measures (leaves) that `keep` picks and of those it
/// does not.
fn leaves_split(
    data: &Dataset,
    keep: impl Fn(&plan_explorer::dataset::Node) -> bool,
) -> (Vec<String>, Vec<String>) {
    let leaves = data
        .nodes
        .iter()
        .filter(|n| n.children.is_empty() && n.title.len() > 12);
    let (kept, left): (Vec<_>, Vec<_>) = leaves.partition(|n| keep(n));
    // As Word's XML writes them.
    let xml = |n: &&plan_explorer::dataset::Node| {
        n.title
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let kept: Vec<String> = kept.iter().map(xml).collect();
    let left = left
        .iter()
        .map(xml)
        .filter(|t| !kept.iter().any(|k| k.contains(t.as_str())))
        .collect();
    (kept, left)
}

#[test]
fn briefing_unit_and_theme_select_their_measures_and_only_those() {
    let data = data();
    let dir = tempfile::tempdir().expect("temp dir");
    let unit = data.unit_by_id("mc-health").expect("the unit");
    let xml = briefing_xml(dir.path(), "unit.docx", &["--unit", "mc-health"]);
    let (kept, left) = leaves_split(&data, |n| n.units.contains(&unit));
    assert!(!kept.is_empty() && !left.is_empty());
    for title in &kept {
        assert!(xml.contains(title.as_str()), "--unit: {title} missing");
    }
    for title in &left {
        assert!(
            !xml.contains(title.as_str()),
            "--unit: {title} is not the unit's"
        );
    }
    let theme = data.theme_by_id("future-industries").expect("the theme");
    let xml = briefing_xml(dir.path(), "theme.docx", &["--theme", "future-industries"]);
    let (kept, left) = leaves_split(&data, |n| n.themes.contains(&theme));
    assert!(!kept.is_empty() && !left.is_empty());
    for title in &kept {
        assert!(xml.contains(title.as_str()), "--theme: {title} missing");
    }
    for title in &left {
        assert!(
            !xml.contains(title.as_str()),
            "--theme: {title} is not the theme's"
        );
    }
}

#[test]
fn briefing_amounts_writes_the_english_briefing_in_yi_yuan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = ["--theme", "future-industries", "--lang", "en"];
    let billions = briefing_xml(dir.path(), "billions.docx", &args);
    let mut chinese_args = args.to_vec();
    chinese_args.extend(["--amounts", "chinese"]);
    let yi = briefing_xml(dir.path(), "yi.docx", &chinese_args);
    assert!(
        billions.contains("500 billion yuan"),
        "by default, billions"
    );
    assert!(!billions.contains("亿"));
    assert!(yi.contains("5000亿") || yi.contains("5,000亿"), "in 亿元");
    // (Quotes stay verbatim, "500 billion yuan" among them.)
}

#[test]
fn briefing_dataset_and_force_read_that_file_and_replace_only_when_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dataset = crate::common::fixture("minimal.json");
    let dataset = dataset.to_str().expect("UTF-8");
    let xml = briefing_xml(dir.path(), "minimal.docx", &["--dataset", dataset]);
    assert!(xml.contains("Minimal dataset") && xml.contains("A measure"));
    assert!(!xml.contains("Shanghai"), "the built-in dataset's words");
    // The same file again: refused without --force, the file kept.
    let out = dir.path().join("minimal.docx");
    let before = std::fs::read(&out).expect("reads");
    let again = ["--dataset", dataset, "--out", out.to_str().expect("UTF-8")];
    let output = run_command("briefing", &again);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--force"));
    assert_eq!(std::fs::read(&out).expect("reads"), before);
    // With --force, replaced by a briefing of the built-in dataset.
    let forced = [
        "--out",
        out.to_str().expect("UTF-8"),
        "--force",
        "--chart",
        "none",
    ];
    let output = run_command("briefing", &forced);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_ne!(std::fs::read(&out).expect("reads"), before);
}

/// The texts of an SVG's text elements.
fn svg_texts(svg: &str) -> Vec<&str> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|e| {
            e.split_once('>')
                .and_then(|(_, rest)| rest.split('<').next())
        })
        .collect()
}

#[test]
fn export_log_scale_and_outline_text_change_the_picture_as_they_say() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        let mut args = vec!["--chart", "funds", "--out", out.to_str().expect("UTF-8")];
        args.extend(extra);
        let output = run_command("export", &args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read_to_string(&out).expect("SVG")
    };
    let linear = write("linear.svg", &[]);
    let log = write("log.svg", &["--log-scale"]);
    // The log scale's axis steps by ten, and the subtitle says so.
    let log_texts = svg_texts(&log);
    for tick in ["1 billion yuan", "10 billion yuan", "100 billion yuan"] {
        assert!(
            log_texts.contains(&tick),
            "--log-scale: no {tick}: {log_texts:?}"
        );
        assert!(!svg_texts(&linear).contains(&tick), "linear has {tick}");
    }
    assert!(log.contains("logarithmic scale"));
    assert!(!linear.contains("logarithmic scale"));
    // Outlined: no text elements left, the words as paths.
    let outlined = write("outlined.svg", &["--outline-text"]);
    assert!(!linear.is_empty() && linear.contains("<text"));
    assert!(!outlined.contains("<text"), "--outline-text left text");
    assert!(outlined.matches("<path").count() > linear.matches("<path").count());
    assert!(!outlined.contains("billion yuan"));
}
