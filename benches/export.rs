//! `cargo bench --bench export`: time to export each chart as a picture at
//! 1600x1000 points, scale 2 (3200x2000 pixels), as the Export dialog and
//! `plan-explorer export` do: lay out with egui, render offscreen with wgpu
//! (on this machine Mesa's CPU Vulkan driver), read back, encode PNG.
//!
//! Baseline in the same run: the same pipeline for a plain egui page (a
//! heading and 40 labels) at the same size, so the ratio shows what the
//! charts add to the cost of any picture this size on this renderer.
//!
//! Goal (from the export issue): at most 300 ms per chart.

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use plan_explorer::ui::AppState;
use plan_explorer::ui::export::{ImageOptions, chart_picture};
use plan_explorer::view::charts::ChartId;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let samples = if quick { 1 } else { 7 };
    let options = ImageOptions {
        width: 1600,
        height: 1000,
        scale: 2.0,
        theme: egui::Theme::Light,
    };
    let state = AppState::open(None).expect("the built-in dataset opens");
    // The first picture also creates the wgpu device; the app pays that
    // once per run, so it is reported apart.
    let start = Instant::now();
    black_box(chart_picture(&state, ChartId::GdpShare, &options).expect("renders"));
    println!(
        "first picture (creates the wgpu device): {:.0} ms",
        start.elapsed().as_secs_f64() * 1e3
    );

    // Draws a picture, encodes it, and times both, as an export does.
    let time = |draw: &dyn Fn() -> plan_explorer::ui::export::Picture| {
        median(
            (0..samples)
                .map(|_| {
                    let start = Instant::now();
                    let picture = draw();
                    black_box(
                        plan_explorer::output::png_bytes(
                            std::path::Path::new("x.png"),
                            picture.width,
                            picture.height,
                            &picture.rgba,
                        )
                        .expect("encodes"),
                    );
                    start.elapsed()
                })
                .collect(),
        )
    };
    let baseline = time(&|| {
        plan_explorer::ui::export::page_picture(&options, |ui| {
            ui.heading("A plain page");
            for i in 0..40 {
                ui.label(format!("An ordinary line of text, number {i}."));
            }
        })
        .expect("renders")
    });
    println!("Export at 1600x1000, scale 2 (3200x2000 pixels), median of {samples}, PNG encoded:");
    println!(
        "  baseline (plain page)  {:7.1} ms",
        baseline.as_secs_f64() * 1e3
    );
    for chart in ChartId::ALL {
        let time = time(&|| chart_picture(&state, chart, &options).expect("renders"));
        println!(
            "  {:22} {:7.1} ms  ({:.2}x baseline; goal <= 300 ms)",
            chart.id(),
            time.as_secs_f64() * 1e3,
            time.as_secs_f64() / baseline.as_secs_f64()
        );
    }
}
