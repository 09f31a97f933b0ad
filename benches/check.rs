//! `cargo bench --bench check`: checking a 50-page draft (about 150 KB of
//! text: the seed articles one after another, over and over) against the
//! built-in dataset and against the 10,000-measure synthetic one, as
//! `plan-explorer check` does it: index the dataset's figures, read every
//! figure of the draft, match each to the records, search the sources for
//! those no record has.
//!
//! Baseline in the same run: reading the draft's figures alone
//! (`import::figures::every_figure`), which the check cannot do without;
//! the ratio says what matching adds. The time should grow no faster than
//! the dataset: the checker compares a claim only with the records that
//! share a word with it.
//!
//! `--test` (as `cargo test --benches -- --test`) checks a 15 KB draft
//! once against the built-in dataset and a 500-measure synthetic one.

use std::hint::black_box;

use plan_explorer::check::Checker;
use plan_explorer::dataset::{self, Dataset, proof};
use plan_explorer::import::figures;
use plan_explorer::import::to_json::DocLang;

mod common;

use common::{median_of as time, ms};

/// The seed articles' text, from the shared seeds (or the repository's
/// fixture where they are missing).
fn seeds() -> String {
    common::seed_texts().join("\n")
}

/// A draft of at least `bytes`: the seeds again and again.
fn draft(bytes: usize) -> String {
    let seeds = seeds();
    let mut out = String::new();
    while out.len() < bytes {
        out.push_str(&seeds);
        out.push('\n');
    }
    out
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let (bytes, measures, samples) = if quick {
        (15_000, 500, 1)
    } else {
        (150_000, 10_000, 7)
    };
    let text = draft(bytes);
    let synthetic =
        plan_explorer::synth::generate(plan_explorer::synth::SynthOptions { measures, seed: 1 });
    let datasets: Vec<(String, Dataset)> = vec![
        (
            "built-in".to_owned(),
            dataset::load_embedded()
                .dataset
                .expect("the built-in dataset loads"),
        ),
        (
            format!("{measures} measures (synthetic)"),
            dataset::load_str(&synthetic)
                .dataset
                .expect("the synthetic dataset loads"),
        ),
    ];
    let baseline = time(samples, || {
        black_box(figures::every_figure(black_box(&text), DocLang::En));
    });
    let mut table = common::Table::new(&[
        "dataset",
        "figures",
        "draft KB",
        "claims",
        "index ms",
        "check ms",
        "read figures ms (baseline)",
        "check / baseline",
        "µs per claim",
    ]);
    for (name, data) in &datasets {
        let proof = proof::prove(data, None, None).expect("not cancelled");
        let figures = data.series.iter().map(|s| s.points.len()).sum::<usize>()
            + data.funds.len()
            + data.targets.len()
            + data.facts.len();
        let index = time(samples, || {
            black_box(Checker::new(data, &proof));
        });
        let checker = Checker::new(data, &proof);
        let mut claims = 0;
        let check = time(samples, || {
            let report = checker.check(black_box(&text)).expect("within the limit");
            claims = report.claims.len();
            black_box(report);
        });
        let per_claim = check.as_secs_f64() * 1e6 / claims.max(1) as f64;
        table.row(vec![
            name.clone(),
            figures.to_string(),
            format!("{}", text.len() / 1000),
            claims.to_string(),
            ms(index),
            ms(check),
            ms(baseline),
            format!("{:.2}x", check.as_secs_f64() / baseline.as_secs_f64()),
            format!("{per_claim:.0}"),
        ]);
    }
    println!("Checking a draft ({})", common::measured_on());
    table.print();
}
