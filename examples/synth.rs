//! Writes a deterministic synthetic dataset of any size.
//!
//! `cargo run --release --example synth -- --measures 100000 --out big.json`
//!
//! The same options always give the same bytes. The data is made up (it says
//! so in its description) and valid, and its sources carry texts holding
//! every quote, so `validate` proves them all; use it to try the app or the
//! validator at scale.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Parser;
use plan_explorer::synth::{SynthOptions, generate};

/// Write a synthetic plan dataset.
#[derive(Debug, Parser)]
struct Args {
    /// How many nodes (chapters, measures and items) in all.
    #[arg(long, default_value_t = 10_000)]
    measures: usize,
    /// The seed of the pseudo-random choices.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the JSON.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let text = generate(SynthOptions {
        measures: args.measures,
        seed: args.seed,
    });
    std::fs::write(&args.out, &text)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    println!(
        "wrote {} measures ({} bytes) to {}",
        args.measures,
        text.len(),
        args.out.display()
    );
    Ok(())
}
