//! Timing helpers shared by the benches (a folder of its own, so Cargo does
//! not take it for a bench). Each bench uses some of them.
#![expect(dead_code, reason = "each bench uses some of the shared helpers")]

pub mod counting;

use std::time::{Duration, Instant};

/// The middle of `samples`.
pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The median time of `samples` runs of `work`.
pub fn median_of(samples: usize, mut work: impl FnMut()) -> Duration {
    median(
        (0..samples)
            .map(|_| {
                let start = Instant::now();
                work();
                start.elapsed()
            })
            .collect(),
    )
}

/// A duration in milliseconds with one decimal: "12.3 ms".
pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// What a table was measured on, for the line above it: "Measured at
/// commit 1a2b3c4 on 2026-12-02, 2 cores". Uncommitted changes to what the
/// figures depend on (the code, the benches, the built-in data, the
/// lockfile) are said, since such figures belong to no commit; an edit to
/// the README, where the tables go, is not.
pub fn measured_on() -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let commit = git(&["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "unknown".to_owned());
    let dirty = git(&[
        "status",
        "--porcelain",
        "--untracked-files=no",
        "--",
        "src",
        "benches",
        "data",
        "assets",
        "Cargo.toml",
        "Cargo.lock",
    ])
    .is_some_and(|s| !s.is_empty());
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZeroUsize::get);
    format!(
        "Measured at commit {commit}{} on {}, {cores} cores.",
        if dirty {
            " (with uncommitted changes)"
        } else {
            ""
        },
        today()
    )
}

/// Today's date in UTC as YYYY-MM-DD.
pub fn today() -> String {
    let (year, month, day) = plan_explorer::chart::render::today();
    format!("{year:04}-{month:02}-{day:02}")
}

/// A Markdown table, printed as the README shows it: the first column
/// left-aligned, the others right-aligned (they hold numbers).
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headings.
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|&h| h.to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (as many cells as headings).
    pub fn row(&mut self, cells: Vec<String>) {
        assert_eq!(cells.len(), self.header.len(), "a row's cells: {cells:?}");
        self.rows.push(cells);
    }

    /// Prints the table, a blank line before and after.
    pub fn print(&self) {
        let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
        let rule: Vec<String> = (0..self.header.len())
            .map(|i| if i == 0 { "---" } else { "---:" }.to_owned())
            .collect();
        println!();
        println!("{}", line(&self.header));
        println!("{}", line(&rule));
        for row in &self.rows {
            println!("{}", line(row));
        }
        println!();
    }
}

/// The texts of the seed articles: the shared seeds beside the repository,
/// in name order, or the repository's own fixture of seed 002 where they
/// are missing.
pub fn seed_texts() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("tests/fixtures/import/seed002.txt")];
    if let Ok(entries) = std::fs::read_dir(root.join("../shared/seeds")) {
        let mut seeds: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        seeds.sort();
        files = seeds;
    }
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}
