//! `cargo bench --bench export`: each chart in each format, drawn as
//! `plan-explorer export` draws it (lay out the scene, write SVG; read it
//! back with usvg; rasterise with resvg for PNG, write with krilla for PDF).
//!
//! Baseline in the same run: matplotlib (Agg, on the CPU) drawing the same
//! line chart at the same size, 3200x2000 pixels
//! (`benches/baseline/matplotlib_line.py`), where Python has matplotlib;
//! otherwise the bench says so and prints no ratio.
//!
//! Goals (issue 9): the PNG at 3200x2000 at most 0.3x matplotlib's time;
//! SVG and PDF each under 20 ms per chart; all charts in all formats in
//! both languages within 2 s.
//!
//! `--test` (as `cargo bench -- --test` or CI's quick run) draws each once.

use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::Duration;

use plan_explorer::chart::{self, ChartView, FileOptions, Format, Page, Paper, Preset};
use plan_explorer::i18n::Lang;
use plan_explorer::view::charts::ChartId;

mod common;

use common::ms;

/// The median of `samples` runs of `work`, after one run to warm up.
fn time(samples: usize, mut work: impl FnMut()) -> Duration {
    work();
    common::median_of(samples, work)
}

fn matplotlib(samples: usize) -> Option<Duration> {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/baseline/matplotlib_line.py"
    );
    let output = std::process::Command::new("python3")
        .arg(script)
        .arg(samples.to_string())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let seconds: f64 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs_f64(seconds))
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let samples = if quick { 1 } else { 7 };
    let data = plan_explorer::dataset::load_embedded()
        .dataset
        .expect("the built-in dataset is valid");
    let hidden = BTreeSet::new();
    let slide = Page::of(Preset::Slide, Paper::Light);
    let options = FileOptions::default();

    println!(
        "{} Built-in dataset, slide (960x540 points; PNG at 2x), median of {samples}:\n",
        common::measured_on()
    );
    println!("| chart | language | scene | SVG | PDF | PNG (1920x1080) |");
    println!("|---|---|---:|---:|---:|---:|");
    for (chart, lang) in ChartId::ALL
        .into_iter()
        .flat_map(|c| Lang::ALL.map(|l| (c, l)))
    {
        let view = ChartView::new(&data, chart, &hidden, lang);
        let scene = time(samples, || {
            black_box(chart::scene(&view, &slide));
        });
        let mut cells = vec![ms(scene)];
        for format in [Format::Svg, Format::Pdf, Format::Png] {
            let t = time(samples, || {
                black_box(chart::file_bytes(&view, &slide, format, &options).expect("writes"));
            });
            cells.push(ms(t));
        }
        let lang = match lang {
            Lang::En => "en",
            Lang::Zh => "zh",
        };
        println!("| {} | {lang} | {} |", chart.id(), cells.join(" | "));
    }

    // The PNG at 3200x2000 against matplotlib drawing the same line chart.
    let big = Page::custom(1600.0, 1000.0, Paper::Light).expect("a valid page");
    let view = ChartView::new(&data, ChartId::GdpShare, &hidden, Lang::En);
    let ours = time(samples, || {
        black_box(chart::file_bytes(&view, &big, Format::Png, &options).expect("writes"));
    });
    println!();
    println!("| GDP-share line chart as PNG, 3200x2000 | median | ratio | goal |");
    println!("|---|---:|---:|---:|");
    // The quick run proves the bench works; it does not start Python.
    let baseline = if quick {
        None
    } else {
        matplotlib(samples.max(3))
    };
    if let Some(baseline) = baseline {
        println!(
            "| matplotlib (Agg), baseline | {} | 1.00x | |",
            ms(baseline)
        );
        println!(
            "| Plan Explorer (resvg) | {} | {:.2}x | at most 0.3x |",
            ms(ours),
            ours.as_secs_f64() / baseline.as_secs_f64()
        );
    } else {
        println!(
            "| matplotlib (Agg), baseline | not run (quick run, or no python3 with matplotlib) | | |"
        );
        println!("| Plan Explorer (resvg) | {} | | at most 0.3x |", ms(ours));
    }

    // Everything: every chart in every format in both languages.
    let all = time(samples.min(3), || {
        for lang in Lang::ALL {
            for chart in ChartId::ALL {
                let view = ChartView::new(&data, chart, &hidden, lang);
                for format in Format::ALL {
                    black_box(chart::file_bytes(&view, &slide, format, &options).expect("writes"));
                }
            }
        }
    });
    println!(
        "\nAll {} files ({} charts, {} formats, {} languages): {} (goal: within 2 s)",
        ChartId::ALL.len() * Format::ALL.len() * Lang::ALL.len(),
        ChartId::ALL.len(),
        Format::ALL.len(),
        Lang::ALL.len(),
        ms(all)
    );
}
