//! `cargo bench --bench check`: checking a 50-page draft (about 150 KB of
//! text: the seed articles one after another, over and over) against the
//! built-in dataset and synthetic ones of 2,500, 5,000 and 10,000
//! measures, in one run, as `plan-explorer check` does it: index the
//! dataset's figures, read every figure of the draft, match each to the
//! records, search the sources for those no record has.
//!
//! Baseline in the same run: reading the draft's figures alone
//! (`import::figures::every_figure`), which the check cannot do without;
//! the ratio says what matching adds. The growth table sets each synthetic
//! dataset against the smallest: its size (the dataset file's bytes; the
//! synthetic datasets have 250 figures at every size, their measures and
//! source texts grow) and the check's time, as ratios. The time should
//! grow no faster than the size.
//!
//! `--test` (as `cargo test --benches -- --test`) checks a 15 KB draft
//! once against the built-in dataset and synthetic ones of 250 and 500
//! measures.

use std::hint::black_box;

use plan_explorer::check::Checker;
use plan_explorer::dataset::{self, proof};
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

/// One dataset's row: its figures, the time to index them and to check
/// the draft against them.
struct Run {
    name: String,
    /// The dataset file's size in bytes.
    bytes: usize,
    figures: usize,
    claims: usize,
    index: std::time::Duration,
    check: std::time::Duration,
}

fn run(name: String, json: &str, text: &str, samples: usize) -> Run {
    let data = &dataset::load_str(json).dataset.expect("the dataset loads");
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
        let report = checker.check(black_box(text)).expect("within the limit");
        claims = report.claims.len();
        black_box(report);
    });
    Run {
        name,
        bytes: json.len(),
        figures,
        claims,
        index,
        check,
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let (bytes, sizes, samples): (usize, &[usize], usize) = if quick {
        (15_000, &[250, 500], 1)
    } else {
        (150_000, &[2_500, 5_000, 10_000], 7)
    };
    let text = draft(bytes);
    let baseline = time(samples, || {
        black_box(figures::every_figure(black_box(&text), DocLang::En));
    });
    let mut runs = vec![run(
        "built-in".to_owned(),
        dataset::EMBEDDED_JSON,
        &text,
        samples,
    )];
    for &measures in sizes {
        let json = plan_explorer::synth::generate(plan_explorer::synth::SynthOptions {
            measures,
            seed: 1,
        });
        runs.push(run(
            format!("{measures} measures (synthetic)"),
            &json,
            &text,
            samples,
        ));
    }
    let mut table = common::Table::new(&[
        "dataset",
        "dataset KB",
        "figures",
        "draft KB",
        "claims",
        "index ms",
        "check ms",
        "read figures ms (baseline)",
        "check / baseline",
        "µs per claim",
    ]);
    for r in &runs {
        let per_claim = r.check.as_secs_f64() * 1e6 / r.claims.max(1) as f64;
        table.row(vec![
            r.name.clone(),
            format!("{}", r.bytes / 1000),
            r.figures.to_string(),
            format!("{}", text.len() / 1000),
            r.claims.to_string(),
            ms(r.index),
            ms(r.check),
            ms(baseline),
            format!("{:.2}x", r.check.as_secs_f64() / baseline.as_secs_f64()),
            format!("{per_claim:.0}"),
        ]);
    }
    println!("Checking a draft ({})", common::measured_on());
    table.print();
    // The growth: each synthetic dataset against the smallest, its size
    // (the dataset file's bytes: its measures and their sources' texts;
    // the synthetic datasets have 250 figures at every size) and the time to check the same draft, as ratios. Time
    // growing no faster than size keeps "time ratio / size ratio" at or
    // under 1.
    let first = &runs[1];
    let mut growth = common::Table::new(&[
        "dataset",
        "dataset KB",
        "size ratio",
        "check time ratio",
        "index time ratio",
        "check ratio / size ratio",
    ]);
    for r in &runs[1..] {
        let size = r.bytes as f64 / first.bytes.max(1) as f64;
        let check = r.check.as_secs_f64() / first.check.as_secs_f64();
        let index = r.index.as_secs_f64() / first.index.as_secs_f64();
        growth.row(vec![
            r.name.clone(),
            format!("{}", r.bytes / 1000),
            format!("{size:.2}x"),
            format!("{check:.2}x"),
            format!("{index:.2}x"),
            format!("{:.2}", check / size),
        ]);
    }
    println!();
    println!(
        "Growth with the dataset (against {}, the same draft)",
        first.name
    );
    growth.print();
}
