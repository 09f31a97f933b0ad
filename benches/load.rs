//! `cargo bench --bench load`: load + validate throughput, the wait for a
//! file to open, and peak memory, printed as the README's Markdown table.
//!
//! For each dataset (the embedded one, and synthetic ones of 10k and 100k
//! measures) it compares, in the same run, (a) parsing the file's bytes into
//! `serde_json::Value`, the baseline, with (b) `dataset::load_str` (parse,
//! check and index) and (c) opening the file as the window does
//! (`ui::loading::load`, the worker's whole job: read the file, parse,
//! check, index, and build the document with its search index, tree,
//! charts' data and the proof of its quotes). It reports the medians, the
//! throughput of (a) and (b) in MB/s, the ratios b/a and c/a, and the peak
//! heap of (c), the file's text included, as a multiple of the file size.
//!
//! A second table compares `validate` without proof, (b), with (d)
//! `validate` with proof: (b), then `dataset::proof::prove` against the
//! texts the dataset carries (the synthetic datasets carry texts holding
//! their quotes). It reports the ratio d/b and the peak heap of each as
//! `validate` runs it (the text dropped once loaded, before the proof).
//!
//! Each sample runs in a fresh child process that reads the file and times
//! one operation. Measured in one process, every operation inherits the
//! allocator's free lists from the one before (freeing a large `Value`
//! leaves hundreds of thousands of small blocks that the next large
//! allocation must first consolidate), which made whichever operation came
//! second look up to three times slower. A fresh process is also what a user
//! gets: the app starts and loads a file. Samples alternate, so drift on a
//! shared machine affects all alike.
//!
//! It also reports a warm, steady-state figure measured in this process:
//! the same operation repeated (a reload), so each run inherits its own
//! kind's free lists. Both are printed; neither hides the other.
//!
//! Goals (from the dataset issue): ratio <= 1.5, throughput >= 150 MB/s,
//! peak memory <= 4x the file size; from the sources issue: validate with
//! proof <= 1.5x validate without, its peak memory <= 4x the file size.
//!
//! `--test` (CI's quick run) measures the built-in dataset and 1,000
//! measures, three samples each.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use std::sync::Arc;

use plan_explorer::dataset;
use plan_explorer::synth::{SynthOptions, generate};
use plan_explorer::ui::document::Carry;
use plan_explorer::ui::loading::{self, Outcome};

mod common;

#[global_allocator]
static GLOBAL: common::counting::Counting = common::counting::Counting;

/// The environment variable that makes this binary a child: `MODE:FILE`.
const CHILD: &str = "PLAN_EXPLORER_BENCH_CHILD";

/// Opens `file` as the window's worker does, to the document on screen.
fn open(file: &Path) -> Result<Box<plan_explorer::ui::document::Document>, String> {
    let progress = Arc::new(plan_explorer::job::Progress::default());
    match loading::load(file, &progress, &Carry::default(), None) {
        Outcome::Loaded { doc, .. } => Ok(doc),
        _ => Err(format!("{} did not open", file.display())),
    }
}

/// In a child: runs one operation on the file, prints its result. The
/// timed parse and load start from the text in memory (the baseline has no
/// file reading of its own); the open starts from the file.
fn child(spec: &str) -> Result<(), String> {
    let (mode, file) = spec.split_once(':').ok_or("bad child spec")?;
    let file = Path::new(file);
    match mode {
        "value" => {
            let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
            let start = Instant::now();
            let value = black_box(serde_json::from_str::<serde_json::Value>(&text));
            let ms = start.elapsed().as_secs_f64() * 1e3;
            value.map_err(|e| e.to_string())?;
            println!("{ms}");
        }
        "load" => {
            let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
            let start = Instant::now();
            let loaded = black_box(dataset::load_str(&text));
            let ms = start.elapsed().as_secs_f64() * 1e3;
            if loaded.dataset.is_none() {
                return Err(format!("invalid dataset: {:?}", loaded.problems.first()));
            }
            println!("{ms}");
        }
        "proof" => {
            let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
            let start = Instant::now();
            let done = black_box(validate(&text, true)?);
            let ms = start.elapsed().as_secs_f64() * 1e3;
            drop(done);
            println!("{ms}");
        }
        "open" => {
            let start = Instant::now();
            let doc = black_box(open(file)?);
            let ms = start.elapsed().as_secs_f64() * 1e3;
            drop(doc);
            println!("{ms}");
        }
        "peak" => {
            // Counted from before the file is read, so its text is part of
            // the peak, as it is in the app.
            common::counting::start();
            let doc = black_box(open(file)?);
            let peak = common::counting::stop();
            drop(doc);
            println!("{peak}");
        }
        "peak-load" | "peak-proof" => {
            // As `validate` goes: the file's text is dropped once loaded,
            // before the proof.
            common::counting::start();
            let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
            let loaded = black_box(validate(&text, false)?);
            drop(text);
            let proof = (mode == "peak-proof").then(|| {
                black_box(dataset::proof::prove(&loaded.0, None, None).expect("not cancelled"))
            });
            let peak = common::counting::stop();
            drop((loaded, proof));
            println!("{peak}");
        }
        _ => return Err(format!("unknown mode {mode}")),
    }
    Ok(())
}

/// `validate` in the library: `dataset::load_str`, then, if `proof`, the
/// proof of every quote against the texts the dataset carries (no
/// folder). Returns what was made, to be dropped outside the time.
fn validate(
    text: &str,
    proof: bool,
) -> Result<(dataset::Dataset, Option<dataset::proof::Proof>), String> {
    let loaded = dataset::load_str(text);
    let Some(data) = loaded.dataset else {
        return Err(format!("invalid dataset: {:?}", loaded.problems.first()));
    };
    let proof = proof.then(|| dataset::proof::prove(&data, None, None).expect("not cancelled"));
    if let Some(problem) = proof
        .as_ref()
        .and_then(|p| p.problems.iter().find(|p| p.is_error()))
    {
        return Err(format!("a quote not proven: {problem:?}"));
    }
    Ok((data, proof))
}

/// Runs one child and parses the number it prints.
fn run_child(mode: &str, file: &Path) -> f64 {
    let exe = std::env::current_exe().expect("the bench knows its own path");
    let output = Command::new(exe)
        .env(CHILD, format!("{mode}:{}", file.display()))
        .output()
        .expect("the child runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    stdout.trim().parse().unwrap_or_else(|_| {
        panic!(
            "child {mode} failed: {stdout} {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

/// Steady-state medians in this process: each operation repeated after a
/// warm-up run of its own kind: `Value`, load, open, load + proof.
fn warm(text: &str, file: &Path, samples: usize) -> (f64, f64, f64, f64) {
    let time = |f: &dyn Fn()| {
        f();
        let runs: Vec<f64> = (0..samples)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        median(runs)
    };
    let value = time(&|| drop(black_box(serde_json::from_str::<serde_json::Value>(text))));
    let load = time(&|| drop(black_box(dataset::load_str(text))));
    let open = time(&|| drop(black_box(open(file).expect("the dataset opens"))));
    let proof = time(&|| drop(black_box(validate(text, true).expect("the dataset proves"))));
    (value, load, open, proof)
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Medians of `Value`, load, open, and load + proof, in ms.
type Medians = (f64, f64, f64, f64);

/// One dataset's figures.
struct Figures {
    cold: Medians,
    warm: Medians,
    /// The open's peak heap, in bytes.
    peak_open: f64,
    /// `validate`'s peak heap without and with proof, in bytes.
    peak_validate: (f64, f64),
}

/// Measures the dataset `text`, written to `file`: `samples` of each
/// operation in alternating children, then warm in this process.
fn measure(text: &str, file: &Path, samples: usize) -> Figures {
    let mut value_ms = Vec::with_capacity(samples);
    let mut load_ms = Vec::with_capacity(samples);
    let mut open_ms = Vec::with_capacity(samples);
    let mut proof_ms = Vec::with_capacity(samples);
    for _ in 0..samples {
        value_ms.push(run_child("value", file));
        load_ms.push(run_child("load", file));
        open_ms.push(run_child("open", file));
        proof_ms.push(run_child("proof", file));
    }
    Figures {
        peak_open: run_child("peak", file),
        peak_validate: (run_child("peak-load", file), run_child("peak-proof", file)),
        cold: (
            median(value_ms),
            median(load_ms),
            median(open_ms),
            median(proof_ms),
        ),
        warm: warm(text, file, samples),
    }
}

/// The dataset's rows of both tables, cold and warm.
fn add_rows(
    name: &str,
    bytes: usize,
    figures: &Figures,
    table: &mut common::Table,
    proof_table: &mut common::Table,
) {
    let mb = bytes as f64 / 1e6;
    let of_file = |peak: f64| format!("{:.2}", peak / bytes as f64);
    for (kind, (_, load, _, proof), peaks) in [
        ("cold", figures.cold, Some(figures.peak_validate)),
        ("warm", figures.warm, None),
    ] {
        let (without, with) = peaks.map_or_else(Default::default, |(without, with)| {
            (of_file(without), of_file(with))
        });
        proof_table.row(vec![
            format!("{name}, {kind}"),
            format!("{mb:.2}"),
            format!("{load:.2}"),
            format!("{proof:.2}"),
            format!("{:.2}", proof / load),
            "1.5".to_owned(),
            without,
            with,
            if peaks.is_some() { "4" } else { "" }.to_owned(),
        ]);
    }
    for (kind, (value, load, open, _), peak) in [
        ("cold", figures.cold, Some(figures.peak_open)),
        ("warm", figures.warm, None),
    ] {
        table.row(vec![
            format!("{name}, {kind}"),
            format!("{mb:.2}"),
            format!("{value:.2}"),
            format!("{load:.2}"),
            format!("{:.2}", load / value),
            format!("{:.0}", mb / (value / 1e3)),
            format!("{:.0}", mb / (load / 1e3)),
            format!("{open:.2}"),
            format!("{:.2}", open / value),
            peak.map_or_else(String::new, of_file),
        ]);
    }
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        if let Err(error) = child(&spec) {
            eprintln!("{error}");
            std::process::exit(1);
        }
        return;
    }
    let quick = std::env::args().any(|a| a == "--test");
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let dir = std::env::temp_dir().join(format!("plan-explorer-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let cases: &[(&str, Option<usize>, usize)] = if quick {
        &[("built-in", None, 3), ("1k measures", Some(1_000), 3)]
    } else {
        &[
            ("built-in", None, 31),
            ("10k measures", Some(10_000), 21),
            ("100k measures", Some(100_000), 11),
        ]
    };
    let mut proof_table = common::Table::new(&[
        "dataset",
        "MB",
        "validate ms (no proof)",
        "validate + proof ms",
        "with / without proof",
        "goal",
        "peak heap / file, no proof",
        "peak heap / file, with proof",
        "goal",
    ]);
    let mut table = common::Table::new(&[
        "dataset",
        "MB",
        "`Value` ms (baseline)",
        "load ms",
        "load / `Value`",
        "`Value` MB/s",
        "load MB/s",
        "open ms",
        "open / `Value`",
        "peak heap / file",
    ]);
    for &(name, measures, samples) in cases {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let text = match measures {
            None => dataset::EMBEDDED_JSON.to_owned(),
            Some(measures) => generate(SynthOptions { measures, seed: 1 }),
        };
        let file = dir.join(format!("{}.json", name.replace(' ', "-")));
        std::fs::write(&file, &text).expect("write the dataset");
        let figures = measure(&text, &file, samples);
        add_rows(name, text.len(), &figures, &mut table, &mut proof_table);
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("{}", common::measured_on());
    table.print();
    println!(
        "Cold: medians of alternating samples, each in a fresh process; warm: medians of \
         repeated runs in one process (a reload). `Value`: parsing the text into \
         serde_json::Value; load: parse, check and index the text (`dataset::load_str`); \
         open: what the window waits for, from the file to the document on screen (read, \
         load, search index, tree, theme map, timeline and the proof of the quotes); peak \
         heap: during the open, the file's text included."
    );
    proof_table.print();
    println!(
        "`validate` without proof: `dataset::load_str`; with proof: that, then \
         `dataset::proof::prove` against the texts the dataset carries (every quote, node text \
         and printed Chinese name found in its document). Medians as above, cold and warm; \
         peak heap: `validate`'s, the file's text included while it loads (dropped before the \
         proof, as `validate` does), as a multiple of the file's size."
    );
}
