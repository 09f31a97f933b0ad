//! `cargo bench --bench briefing`: a whole briefing as PDF and as Word, for
//! the built-in dataset and a 10,000-measure synthetic one, as `plan-explorer
//! briefing` writes it (select, lay out, draw the charts, write).
//!
//! Baseline in the same run: loading the same dataset from its JSON (parse,
//! check, index), so the ratio says how many loads a briefing costs.
//!
//! Goals (issue 10): the built-in dataset as PDF in under 1 s; the
//! 10,000-measure dataset within 10 s.
//!
//! `--test` (as `cargo bench -- --test` or CI's quick run) writes each once.

use std::hint::black_box;
use std::time::Duration;

use plan_explorer::briefing::{self, Format, Options};
use plan_explorer::i18n::Lang;
use plan_explorer::job::Progress;
use plan_explorer::view::amount::Convention;
use plan_explorer::view::tree::TreeFilter;

mod common;

use common::{median_of as time, ms};

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    // The quick run (CI, in the test profile) only proves the bench works.
    let measures = if quick { 500 } else { 10_000 };
    let synthetic =
        plan_explorer::synth::generate(plan_explorer::synth::SynthOptions { measures, seed: 1 });
    let synthetic_name = format!("{}k measures", measures / 1000);
    let synthetic_name = if measures < 1000 {
        format!("{measures} measures")
    } else {
        synthetic_name
    };
    let cases = [
        (
            "built-in",
            plan_explorer::dataset::EMBEDDED_JSON.to_owned(),
            if quick { 1 } else { 5 },
        ),
        (
            synthetic_name.as_str(),
            synthetic,
            if quick { 1 } else { 3 },
        ),
    ];
    let options = Options {
        lang: Lang::En,
        convention: Convention::International,
        charts: None,
        date: (2026, 12, 1),
        annotations: std::collections::BTreeMap::new(),
    };
    println!("{}\n", common::measured_on());
    println!("| dataset | load (baseline) | PDF | PDF vs load | Word | Word vs load | PDF pages |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, json, samples) in cases {
        let load = time(samples, || {
            black_box(plan_explorer::dataset::load_str(&json));
        });
        let data = plan_explorer::dataset::load_str(&json)
            .dataset
            .expect("the dataset is valid");
        let mut pages = 0;
        let pdf = time(samples, || {
            let bytes = briefing::bytes(
                &data,
                &TreeFilter::default(),
                &options,
                Format::Pdf,
                &Progress::default(),
            )
            .expect("writes");
            pages = String::from_utf8_lossy(&bytes)
                .matches("/Type /Page\n")
                .count()
                + String::from_utf8_lossy(&bytes)
                    .matches("/Type/Page/")
                    .count();
            black_box(bytes);
        });
        let docx = time(samples, || {
            black_box(
                briefing::bytes(
                    &data,
                    &TreeFilter::default(),
                    &options,
                    Format::Docx,
                    &Progress::default(),
                )
                .expect("writes"),
            );
        });
        let ratio = |d: Duration| d.as_secs_f64() / load.as_secs_f64();
        println!(
            "| {name} | {} | {} | {:.1}x | {} | {:.1}x | {} |",
            ms(load),
            ms(pdf),
            ratio(pdf),
            ms(docx),
            ratio(docx),
            if pages > 0 {
                pages.to_string()
            } else {
                "?".to_owned()
            }
        );
    }
}
