//! `plan-explorer export`, run as a user would: pictures (size, not blank,
//! a footer), CSV content, and every error case leaving no file behind.

use crate::common;

use common::decode;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `plan-explorer export` with `args`.
fn run(args: &[&str]) -> Output {
    crate::common::run_command("export", args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("lists")
        .map(|e| e.expect("entry").path())
        .collect()
}

#[test]
fn list_prints_the_chart_ids() {
    let output = run(&["--list"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "industrial-output\ngdp-share\nfunds\ntargets\nthemes\nunits\ntimeline\n"
    );
}

#[test]
fn a_picture_has_the_asked_size_is_not_blank_and_has_a_footer() {
    let dir = tempfile::tempdir().expect("temp dir");
    for chart in [
        "industrial-output",
        "gdp-share",
        "funds",
        "targets",
        "themes",
        "units",
        "timeline",
    ] {
        let out = dir.path().join(format!("{chart}.png"));
        let output = run(&[
            "--chart",
            chart,
            "--out",
            path_str(&out),
            "--width",
            "800",
            "--height",
            "500",
            "--scale",
            "2",
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{chart}: {}",
            stderr(&output)
        );
        let (width, height, pixels) = decode(&out);
        assert_eq!((width, height), (1600, 1000), "{chart}");
        let distinct: std::collections::HashSet<[u8; 3]> = pixels.iter().copied().collect();
        assert!(
            distinct.len() > 30,
            "{chart}: only {} colours",
            distinct.len()
        );
        // The footer: the bottom 50 points (100 pixel rows) hold the
        // source line, so many of their pixels differ from the background
        // (the band's commonest colour).
        let band = &pixels[(height as usize - 100) * width as usize..];
        let mut counts = std::collections::HashMap::new();
        for p in band {
            *counts.entry(*p).or_insert(0usize) += 1;
        }
        let background = counts
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(p, _)| *p)
            .expect("pixels");
        let inked = band
            .iter()
            .filter(|p| {
                p.iter()
                    .zip(background)
                    .map(|(&a, b)| u32::from(a.abs_diff(b)))
                    .sum::<u32>()
                    > 90
            })
            .count();
        assert!(inked > 500, "{chart}: {inked} inked footer pixels");
        // And the ink is the footer's words: every writer draws one scene,
        // so the same chart as SVG says where each line is. The dataset
        // and app line sits in the bottom 50 points, with the sources
        // above it.
        let svg_path = dir.path().join(format!("{chart}.svg"));
        let output = run(&[
            "--chart",
            chart,
            "--out",
            path_str(&svg_path),
            "--width",
            "800",
            "--height",
            "500",
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let svg = std::fs::read_to_string(&svg_path).expect("SVG");
        std::fs::remove_file(&svg_path).expect("removes");
        let y_of = |words: &str| -> Option<f64> {
            svg.split("<text ").skip(1).find_map(|element| {
                let (attributes, rest) = element.split_once('>')?;
                if !rest.split('<').next()?.contains(words) {
                    return None;
                }
                let y = attributes.split(" y=\"").nth(1)?.split('"').next()?;
                y.parse().ok()
            })
        };
        let made_with = y_of("· Plan Explorer").unwrap_or_else(|| panic!("{chart}: no app line"));
        assert!(
            made_with > 450.0,
            "{chart}: the app line at y = {made_with}"
        );
        let source = y_of("Source: ").unwrap_or_else(|| panic!("{chart}: no source line"));
        assert!(source < made_with, "{chart}: the sources above it");
    }
    // Nothing but the pictures: no temporary files.
    assert_eq!(files_in(dir.path()).len(), 7);
}

/// The map by responsible unit, from the command line: `--help` names it,
/// and it is written as CSV (a row per unit and plan, with the deadline),
/// SVG (its words as text, in either language) and PDF.
#[test]
fn the_unit_map_exports_as_csv_svg_and_pdf() {
    let help = run(&["--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("units (the map by responsible unit)"),
        "{help}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("units.csv");
    let output = run(&["--chart", "units", "--out", path_str(&csv)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&csv).expect("reads");
    let mut lines = text.lines();
    assert_eq!(
        lines
            .next()
            .expect("a header")
            .trim_start_matches('\u{feff}'),
        "unit,unit_zh,plan,measures,leads,earliest_deadline,measure_ids"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("Municipal Commission of Health,") && l.contains("(all plans)")),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.contains(",2030,")),
        "a deadline: {text}"
    );
    for (lang, words) in [("en", "Responsible unit"), ("zh", "责任单位")] {
        let svg = dir.path().join(format!("units-{lang}.svg"));
        let output = run(&["--chart", "units", "--lang", lang, "--out", path_str(&svg)]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let svg = std::fs::read_to_string(&svg).expect("reads");
        assert!(svg.contains(words), "{lang}: no {words}");
    }
    let pdf = dir.path().join("units.pdf");
    let output = run(&["--chart", "units", "--out", path_str(&pdf)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(&pdf).expect("reads");
    assert!(bytes.starts_with(b"%PDF"));
}

#[test]
fn a_dark_picture_is_dark() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("funds.png");
    let output = run(&[
        "--chart",
        "funds",
        "--out",
        path_str(&out),
        "--width",
        "400",
        "--height",
        "300",
        "--theme",
        "dark",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let (_, _, pixels) = decode(&out);
    let dark = pixels.iter().filter(|p| p.iter().all(|&c| c < 60)).count();
    assert!(
        dark > pixels.len() / 2,
        "{dark} of {} pixels dark",
        pixels.len()
    );
}

#[test]
fn csv_holds_the_2021_and_2024_gdp_share_rows_with_sources_and_quotes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("share.csv");
    let output = run(&["--chart", "gdp-share", "--out", path_str(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(&out).expect("reads");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "item",
            "year",
            "value",
            "unit",
            "status",
            "approximate",
            "lower_bound",
            "category",
            "source",
            "source_date",
            "quote",
            "per_recipient",
            "caveat",
            "upper_bound",
            "likely_wrong",
            "source_reliability"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let pioneer = |year: &str| {
        rows.iter()
            .find(|r| r[0].starts_with("Three pioneering industries") && &r[1] == year)
            .unwrap_or_else(|| panic!("the {year} row"))
            .clone()
    };
    let r2021 = pioneer("2021");
    assert_eq!(
        (&r2021[2], &r2021[3], &r2021[4], &r2021[5]),
        ("7.5", "percent", "actual", "yes")
    );
    assert!(
        r2021[10].contains("about 7.5 percent in 2021"),
        "{:?}",
        &r2021[10]
    );
    let r2024 = pioneer("2024");
    assert_eq!((&r2024[2], &r2024[5]), ("33.4", "no"));
    assert!(r2024[10].contains("33.4 percent"), "{:?}", &r2024[10]);
    assert_eq!(&r2024[9], "undated");
    // The 2024 share carries its caveat; the 2021 one has none.
    assert!(
        r2024[12].contains("may not measure the same thing"),
        "{:?}",
        &r2024[12]
    );
    assert_eq!(&r2021[12], "");
}

#[test]
fn csv_of_the_funds_marks_the_amount_per_recipient_and_the_doubtful_total() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("funds.csv");
    let output = run(&["--chart", "funds", "--out", path_str(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(&out).expect("reads");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let row = |start: &str| {
        rows.iter()
            .find(|r| r[0].starts_with(start))
            .unwrap_or_else(|| panic!("the {start} row"))
            .clone()
    };
    let subsidy = row("One-time subsidy");
    assert_eq!((&subsidy[2], &subsidy[11]), ("100000", "yes"));
    let total = row("National and municipal AI fund capital");
    assert_eq!(&total[11], "no");
    assert!(total[12].contains("82.5 billion yuan"), "{:?}", &total[12]);
    // The 825 billion is marked probably wrong; nothing else is.
    assert_eq!((&total[14], &subsidy[14]), ("yes", "no"));
    assert_eq!(rows.iter().filter(|r| &r[14] == "yes").count(), 1);
    // The subsidy comes after every fund on the scale, and the doubtful
    // total after it, as the chart names them apart.
    assert_eq!(
        rows.iter().rev().nth(1).map(|r| r[0].to_owned()),
        Some(subsidy[0].to_owned())
    );
    assert_eq!(
        rows.last().map(|r| r[0].to_owned()),
        Some(total[0].to_owned())
    );
}

#[test]
fn csv_keeps_chinese_text_and_exact_amounts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("targets.csv");
    let output = run(&["--chart", "targets", "--out", path_str(&out)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(std::fs::read(&out).expect("reads")).expect("UTF-8");
    assert!(text.contains("细分赛道"), "Chinese survives");
    let out = dir.path().join("funds.csv");
    let output = run(&["--chart", "funds", "--out", path_str(&out)]);
    assert_eq!(output.status.code(), Some(0));
    let text = std::fs::read_to_string(&out).expect("reads");
    assert!(
        text.contains("National AI Fund,,60000000000,yuan,allocation,no,no,National,"),
        "{text}"
    );
}

#[test]
fn a_bad_chart_id_names_the_charts_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.png");
    let output = run(&["--chart", "pie", "--out", path_str(&out)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "no chart \"pie\"; the charts are industrial-output, gdp-share, funds, targets"
        ),
        "{}",
        stderr(&output)
    );
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn unwritable_places_and_bad_names_give_a_clear_message_and_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no/such/folder/x.csv");
    let output = run(&["--chart", "funds", "--out", path_str(&missing)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("does not exist"),
        "{}",
        stderr(&output)
    );
    // Not even root may create files in /proc.
    let output = run(&["--chart", "funds", "--out", "/proc/plan-explorer-test.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot write /proc/plan-explorer-test.csv: "),
        "{}",
        stderr(&output)
    );
    // The reason is the system's, without the temporary file's name.
    assert!(
        stderr(&output).contains("(os error "),
        "{}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains(".part"), "{}", stderr(&output));
    let output = run(&[
        "--chart",
        "funds",
        "--out",
        path_str(&dir.path().join("x.txt")),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("must end in .png, .svg, .pdf or .csv"),
        "{}",
        stderr(&output)
    );
    let output = run(&[
        "--chart",
        "funds",
        "--out",
        path_str(&dir.path().join("x.png")),
        "--scale",
        "20",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("scale"), "{}", stderr(&output));
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("funds.csv");
    std::fs::write(&out, "keep me").expect("writes");
    let output = run(&["--chart", "funds", "--out", path_str(&out)]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("exists; pass --force"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&out).expect("reads"), "keep me");
    let output = run(&["--chart", "funds", "--out", path_str(&out), "--force"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .expect("reads")
            .contains("National AI Fund")
    );
}

#[test]
fn an_invalid_dataset_exits_1_and_a_missing_one_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.csv");
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/dangling_refs.json");
    let output = run(&[
        "--chart",
        "funds",
        "--out",
        path_str(&out),
        "--dataset",
        path_str(&bad),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not a valid dataset"),
        "{}",
        stderr(&output)
    );
    let output = run(&[
        "--chart",
        "funds",
        "--out",
        path_str(&out),
        "--dataset",
        "/no/such.json",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn another_dataset_can_be_exported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("funds.csv");
    let edition =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/editions/shanghai_plans-2025-12-31.json");
    let output = run(&[
        "--chart",
        "funds",
        "--out",
        path_str(&out),
        "--dataset",
        path_str(&edition),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&out).expect("reads");
    assert!(
        text.contains("15-billion-yuan fund for future-oriented industries"),
        "{text}"
    );
    assert!(!text.contains("National AI Fund"), "{text}");
}

#[test]
fn a_chinese_picture_is_written_and_its_amounts_follow_the_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("funds.png");
    let output = run(&[
        "--chart",
        "funds",
        "--out",
        path_str(&out),
        "--width",
        "600",
        "--height",
        "400",
        "--lang",
        "zh",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // The default scale is 2 pixels a point.
    let (width, height, zh) = decode(&out);
    assert_eq!((width, height), (1200, 800));
    // The picture itself changes with the language and with the amounts:
    // the same chart in English, and in Chinese with international amounts.
    let png = |name: &str, extra: &[&str]| {
        let path = dir.path().join(name);
        let mut args = vec![
            "--chart",
            "funds",
            "--out",
            path_str(&path),
            "--width",
            "600",
            "--height",
            "400",
        ];
        args.extend_from_slice(extra);
        let output = run(&args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        decode(&path).2
    };
    let differing = |a: &[[u8; 3]], b: &[[u8; 3]]| {
        assert_eq!(a.len(), b.len(), "same size");
        a.iter().zip(b).filter(|(a, b)| a != b).count() * 100 / a.len()
    };
    let en = png("funds-en.png", &["--lang", "en"]);
    assert!(
        differing(&zh, &en) >= 1,
        "the Chinese picture is not the English one"
    );
    let zh_international = png(
        "funds-zh-intl.png",
        &["--lang", "zh", "--amounts", "international"],
    );
    let changed = zh
        .iter()
        .zip(&zh_international)
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        changed > 500,
        "the amounts' labels changed: {changed} pixels"
    );
    assert!(
        differing(&zh_international, &en) >= 1,
        "still Chinese words with international amounts"
    );
    // The same chart as SVG: its words in Chinese, amounts in 亿元...
    let svg = dir.path().join("funds.svg");
    let output = run(&["--chart", "funds", "--out", path_str(&svg), "--lang", "zh"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&svg).expect("reads");
    assert!(text.contains("xml:lang=\"zh-Hans\""), "{text}");
    assert!(text.contains("规划提及的4项资金，按金额排序"), "{text}");
    assert!(text.contains("600亿元"), "{text}");
    // (The caveat's words are the curator's English, amounts and all.)
    assert!(!text.contains("60 billion yuan"), "{text}");
    // ...or in billions when asked.
    let international = dir.path().join("funds-intl.svg");
    let output = run(&[
        "--chart",
        "funds",
        "--out",
        path_str(&international),
        "--lang",
        "zh",
        "--amounts",
        "international",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(&international).expect("reads");
    assert!(text.contains("60 billion yuan"), "{text}");
    assert!(text.contains("规划提及的4项资金"), "{text}");
}

/// A valid dataset of plans only: `export --all` writes every chart, the
/// ones with no figures saying they have nothing to show, and a briefing
/// of it is written with its plan and no figures.
#[test]
fn export_all_and_a_briefing_of_plans_only_say_there_is_nothing_to_show() {
    let dataset = crate::common::fixture("plans_only.json");
    let dir = tempfile::tempdir().expect("temp dir");
    let output = run(&[
        "--all",
        "--dataset",
        dataset.to_str().expect("UTF-8"),
        "--out-dir",
        dir.path().to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for chart in ["industrial-output", "gdp-share", "funds", "targets"] {
        let pdf = dir.path().join(format!("{chart}.pdf"));
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs (scripts/test installs poppler-utils)");
        let text = String::from_utf8_lossy(&text.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains("Nothing to show"), "{chart}: {text}");
        let svg = std::fs::read_to_string(dir.path().join(format!("{chart}.svg"))).expect("SVG");
        assert!(svg.contains("Nothing to show"), "{chart}");
    }
    let briefing = dir.path().join("briefing.pdf");
    let output = crate::common::run_command(
        "briefing",
        &[
            "--dataset",
            dataset.to_str().expect("UTF-8"),
            "--out",
            briefing.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = Command::new("pdftotext")
        .arg(&briefing)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("0 figures") && text.contains("A measure"),
        "{text}"
    );
}

/// `export --help` names every chart id `--chart` takes (it named four of
/// the six).
#[test]
fn export_help_lists_every_chart_id() {
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let help = String::from_utf8_lossy(&output.stdout);
    let chart = help
        .split("--chart <ID>")
        .nth(1)
        .and_then(|rest| rest.split("--out <FILE>").next())
        .expect("the --chart option's help");
    for id in
        plan_explorer::view::charts::ChartId::ALL.map(plan_explorer::view::charts::ChartId::id)
    {
        assert!(chart.contains(id), "--chart's help lacks {id}: {chart}");
    }
}
