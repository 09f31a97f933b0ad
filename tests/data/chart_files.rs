//! The chart files as a reader gets them: the SVG parses and keeps its
//! title and values as text, the PDF's text can be extracted in English and
//! Chinese from embedded, subset fonts, the PNGs match approved pictures,
//! and `plan-explorer export` writes all of it with no graphics driver.
//!
//! The PDF checks read the files with poppler's `pdftotext` and `pdffonts`
//! (Debian's poppler-utils, installed by `.ci/run`).

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use plan_explorer::chart::{self, ChartView, FileOptions, Format, Page, Paper, Preset};
use plan_explorer::dataset::Dataset;
use plan_explorer::i18n::Lang;
use plan_explorer::view::charts::ChartId;

use crate::common::data;

fn bytes(data: &Dataset, chart: ChartId, lang: Lang, page: &Page, format: Format) -> Vec<u8> {
    let hidden = BTreeSet::new();
    let view = ChartView::new(data, chart, &hidden, lang);
    chart::file_bytes(&view, page, format, &FileOptions::default()).expect("writes")
}

fn slide() -> Page {
    Page::of(Preset::Slide, Paper::Light)
}

#[test]
fn the_svg_parses_and_keeps_its_title_and_values_as_text() {
    let data = data();
    for (lang, title, value) in [
        (
            Lang::En,
            "4 funds named in the plans, largest first",
            "60 billion yuan",
        ),
        (Lang::Zh, "规划提及的4项资金，按金额排序", "600亿元"),
    ] {
        let svg = String::from_utf8(bytes(&data, ChartId::Funds, lang, &slide(), Format::Svg))
            .expect("UTF-8");
        let options = resvg::usvg::Options::default();
        let tree = resvg::usvg::Tree::from_str(&svg, &options).expect("usvg reads it");
        assert!((tree.size().width() - 960.0).abs() < 0.01);
        // Text elements, not outlines: the words are in the file.
        assert!(svg.contains(&format!(">{title}</text>")), "{svg}");
        if lang == Lang::Zh {
            assert!(svg.contains("font-family=\"'Noto Sans CJK SC'"), "{svg}");
        }
        assert!(svg.contains(&format!(">{value}</text>")), "{svg}");
        assert!(svg.contains("font-family=\"'Noto Sans"), "{svg}");
    }
    // Outlined: the same picture with no text left in it.
    let hidden = BTreeSet::new();
    let view = ChartView::new(&data, ChartId::Funds, &hidden, Lang::En);
    let outlined = chart::file_bytes(
        &view,
        &slide(),
        Format::Svg,
        &FileOptions {
            outline_text: true,
            ..FileOptions::default()
        },
    )
    .expect("writes");
    let outlined = String::from_utf8(outlined).expect("UTF-8");
    assert!(!outlined.contains("<text"), "outlined text is paths");
    assert!(outlined.contains("<path"));
    assert!(!outlined.contains("60 billion yuan"));
}

fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} runs (apt-get install poppler-utils; scripts/test installs it): {e}")
    });
    assert!(
        output.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pdf_text_and_fonts(pdf: &[u8]) -> (String, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("chart.pdf");
    std::fs::write(&path, pdf).expect("writes");
    let p = path.as_os_str();
    let text = tool("pdftotext", &[p, "-".as_ref()]);
    let fonts = tool("pdffonts", &[p]);
    let info = tool("pdfinfo", &[p]);
    (text, fonts, info)
}

#[test]
fn the_pdf_text_can_be_extracted_in_english_and_chinese_from_embedded_subsets() {
    let data = data();
    let english = bytes(&data, ChartId::GdpShare, Lang::En, &slide(), Format::Pdf);
    let (text, fonts, info) = pdf_text_and_fonts(&english);
    assert!(text.contains("Three pioneering industries"), "{text}");
    assert!(text.contains("33.4%"), "{text}");
    assert!(text.contains("about 7.5%"), "{text}");
    assert!(
        info.contains("Title:") && info.contains("Three pioneering industries"),
        "{info}"
    );
    assert!(
        info.contains("Author:") && info.contains("Plan Explorer"),
        "{info}"
    );
    assert!(info.contains("CreationDate:"), "{info}");
    assert!(info.contains("960 x 540 pts"), "{info}");
    // The document's language, for screen readers and search.
    assert!(
        english.windows(9).any(|w| w == b"/Lang(en)"),
        "no /Lang(en)"
    );

    let chinese = bytes(&data, ChartId::Funds, Lang::Zh, &slide(), Format::Pdf);
    let (text, fonts_zh, _) = pdf_text_and_fonts(&chinese);
    assert!(text.contains("规划提及的4项资金"), "{text}");
    assert!(text.contains("600亿元"), "{text}");
    assert!(chinese.len() < 1_000_000, "{} bytes", chinese.len());
    assert!(
        chinese.windows(14).any(|w| w == b"/Lang(zh-Hans)"),
        "no /Lang(zh-Hans)"
    );

    // Every font is embedded and a subset (named ABCDEF+Name).
    for listing in [&fonts, &fonts_zh] {
        let rows: Vec<&str> = listing.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{listing}");
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            assert!(columns[0].contains('+'), "not a subset: {row}");
            assert!(row.contains(" yes yes "), "not embedded and subset: {row}");
        }
    }
    assert!(fonts_zh.contains("NotoSansCJKsc"), "{fonts_zh}");
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/export")
}

/// How far a pixel's channel may differ from the approved picture's and
/// still count as the same: the rasteriser is deterministic on one
/// machine; this absorbs rounding between CPUs.
const CHANNEL_TOLERANCE: u8 = 24;

/// How many pixels may differ by more than that. One changed digit in a
/// label changes a few hundred (proven by
/// `a_changed_digit_in_a_label_fails_the_golden_comparison`).
const MAX_DIFFERING_PIXELS: usize = 40;

/// Compares a picture with its approved copy: the same size, and at most
/// [`MAX_DIFFERING_PIXELS`] pixels differing by more than
/// [`CHANNEL_TOLERANCE`]. Gives how many differ when over.
fn compare_with_golden(name: &str, png: &[u8]) -> Result<(), usize> {
    let path = golden_dir().join(format!("{name}.png"));
    let dir = tempfile::tempdir().expect("temp dir");
    let new = dir.path().join("new.png");
    std::fs::write(&new, png).expect("writes");
    let (w, h, pixels) = common::decode(&new);
    let (gw, gh, golden) = common::decode(&path);
    assert_eq!((w, h), (gw, gh), "{name}: size");
    let differing = pixels
        .iter()
        .zip(&golden)
        .filter(|(a, b)| {
            a.iter()
                .zip(b.iter())
                .any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE)
        })
        .count();
    if differing > MAX_DIFFERING_PIXELS {
        Err(differing)
    } else {
        Ok(())
    }
}

/// Checks a picture against its approved copy (see
/// [`compare_with_golden`]). `UPDATE_SNAPSHOTS=1` (or `true`, `yes`)
/// writes the approved copy instead (look at it before committing).
fn matches_golden(name: &str, png: &[u8]) {
    let path = golden_dir().join(format!("{name}.png"));
    if common::update_from_env("UPDATE_SNAPSHOTS") {
        std::fs::create_dir_all(golden_dir()).expect("folder");
        std::fs::write(&path, png).expect("writes the golden picture");
        return;
    }
    if let Err(differing) = compare_with_golden(name, png) {
        let kept = golden_dir().join(format!("{name}.new.png"));
        let _ = std::fs::write(&kept, png);
        panic!(
            "{name}: {differing} pixels differ from the approved picture (at most \
             {MAX_DIFFERING_PIXELS} may); the new one is {}",
            kept.display()
        );
    }
}

/// The approved picture of `chart` for `data`, as the golden tests render
/// it.
fn golden_png(data: &Dataset, chart: ChartId, lang: Lang, preset: Preset, theme: Paper) -> Vec<u8> {
    let hidden = BTreeSet::new();
    let view = ChartView::new(data, chart, &hidden, lang);
    chart::file_bytes(
        &view,
        &Page::of(preset, theme),
        Format::Png,
        &FileOptions {
            scale: 1.0,
            ..FileOptions::default()
        },
    )
    .expect("writes")
}

/// The golden comparison is tight enough to see one digit: the GDP share
/// chart with one figure's label changed by a digit (33.4% to 33.5%)
/// fails it, while the same chart passes.
#[test]
fn a_changed_digit_in_a_label_fails_the_golden_comparison() {
    let data = data();
    let name = "gdp-share-en-light-slide";
    let same = golden_png(
        &data,
        ChartId::GdpShare,
        Lang::En,
        Preset::Slide,
        Paper::Light,
    );
    assert_eq!(compare_with_golden(name, &same), Ok(()));
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    let mut changed = 0;
    for series in json["series"].as_array_mut().expect("series") {
        for point in series["points"].as_array_mut().expect("points") {
            if point["value"]
                .as_f64()
                .is_some_and(|v| (v - 33.4).abs() < 1e-9)
            {
                point["value"] = serde_json::json!(33.5);
                changed += 1;
            }
        }
    }
    assert_eq!(changed, 1, "one figure of 33.4");
    let loaded = plan_explorer::dataset::load_str(&json.to_string());
    let other = loaded.dataset.expect("still valid");
    let png = golden_png(
        &other,
        ChartId::GdpShare,
        Lang::En,
        Preset::Slide,
        Paper::Light,
    );
    let result = compare_with_golden(name, &png);
    assert!(result.is_err(), "a changed digit passed: {result:?}");
}

/// Only the values kittest accepts ask for an update; `0` and the like
/// compare, and a value that means nothing is refused.
#[test]
fn update_variables_act_only_on_1_true_or_yes() {
    use common::update_requested;
    for yes in ["1", "true", "yes", "on"] {
        assert!(update_requested("UPDATE_SNAPSHOTS", Some(yes)), "{yes}");
    }
    for no in ["0", "false", "no", "off"] {
        assert!(!update_requested("UPDATE_SCHEMA", Some(no)), "{no}");
    }
    assert!(!update_requested("UPDATE_SCHEMA", None));
    let refused = std::panic::catch_unwind(|| update_requested("UPDATE_SCHEMA", Some("please")));
    assert!(refused.is_err(), "an unknown value is refused");
}

#[test]
fn the_pictures_match_the_approved_ones() {
    let data = data();
    let cases = [
        (
            "gdp-share-en-light-slide",
            ChartId::GdpShare,
            Lang::En,
            Preset::Slide,
            Paper::Light,
        ),
        (
            "industrial-output-zh-light-half-page",
            ChartId::IndustrialOutput,
            Lang::Zh,
            Preset::HalfPage,
            Paper::Light,
        ),
        (
            "funds-en-dark-square",
            ChartId::Funds,
            Lang::En,
            Preset::Square,
            Paper::Dark,
        ),
        (
            "targets-zh-light-slide",
            ChartId::Targets,
            Lang::Zh,
            Preset::Slide,
            Paper::Light,
        ),
        (
            "themes-en-light-slide",
            ChartId::Themes,
            Lang::En,
            Preset::Slide,
            Paper::Light,
        ),
        (
            "timeline-zh-dark-slide",
            ChartId::Timeline,
            Lang::Zh,
            Preset::Slide,
            Paper::Dark,
        ),
    ];
    for (name, chart, lang, preset, theme) in cases {
        let png = golden_png(&data, chart, lang, preset, theme);
        matches_golden(name, &png);
    }
}

/// A folder holding libraries of the names the GPU stack loads, each an
/// empty file: a program that tried to use Vulkan, EGL or OpenGL would find
/// these first and fail.
fn broken_graphics_libraries() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "libvulkan.so.1",
        "libvulkan.so",
        "libEGL.so.1",
        "libEGL.so",
        "libGL.so.1",
        "libGLX.so.0",
    ] {
        std::fs::write(dir.path().join(name), b"").expect("writes");
    }
    dir
}

#[test]
fn export_runs_with_vulkan_and_egl_unavailable_and_all_writes_every_format() {
    let broken = broken_graphics_libraries();
    let out = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(["export", "--all", "--out-dir"])
        .arg(out.path())
        .env("LD_LIBRARY_PATH", broken.path())
        .env("VK_ICD_FILENAMES", "/nonexistent/icd.json")
        .env("VK_DRIVER_FILES", "/nonexistent/icd.json")
        .env("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/egl.json")
        .env("LIBGL_DRIVERS_PATH", "/nonexistent")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = ChartId::ALL
        .iter()
        .flat_map(|c| ["csv", "pdf", "png", "svg"].map(|e| format!("{}.{e}", c.id())))
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    let (w, h, _) = common::decode(&out.path().join("funds.png"));
    assert_eq!((w, h), (1920, 1080), "the slide at 2 pixels a point");
    assert!(
        std::fs::read(out.path().join("targets.pdf"))
            .expect("reads")
            .starts_with(b"%PDF-")
    );

    // A second run without --force writes nothing and names the first file.
    let again = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(["export", "--all", "--out-dir"])
        .arg(out.path())
        .output()
        .expect("runs");
    assert_eq!(again.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("industrial-output.png exists; pass --force")
    );
}

/// Runs `plan-explorer export ARGS --out OUT`.
fn export(args: &[&str], out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .arg("export")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("runs")
}

#[test]
fn width_and_height_are_points_and_scale_gives_the_pixels() {
    let out = tempfile::tempdir().expect("temp dir");
    let png = out.path().join("share.png");
    let output = export(
        &[
            "--chart",
            "gdp-share",
            "--width",
            "1600",
            "--height",
            "1000",
            "--scale",
            "2",
        ],
        &png,
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (w, h, _) = common::decode(&png);
    assert_eq!((w, h), (3200, 2000));
    // --format wins over the extension; a preset sets the page.
    let named = out.path().join("share.data");
    let output = export(
        &["--chart", "funds", "--format", "svg", "--size", "half-page"],
        &named,
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let svg = std::fs::read_to_string(&named).expect("reads");
    assert!(
        svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 510 360\""),
        "{svg}"
    );
    // A page too small says so and writes nothing.
    let small = out.path().join("small.png");
    let output = export(
        &["--chart", "funds", "--width", "100", "--height", "1000"],
        &small,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("the width must be between 240 and 4000 points, not 100")
    );
    assert!(!small.exists());
}
