//! `cargo bench --bench load`: load + validate throughput and peak memory.
//!
//! For each synthetic dataset it times, in the same run and interleaved,
//! (a) parsing the bytes into `serde_json::Value` (the baseline) and (b)
//! `plan_explorer::dataset::load_str` (parse + check + index), and reports
//! the median of each, the throughput of (b) in MB/s, the ratio b/a, and the
//! peak heap memory of (b) as a multiple of the file's size. Ratios, not
//! absolute times, are what compare across these shared, noisy machines.
//!
//! Goals (from the dataset issue): ratio <= 1.5, throughput >= 150 MB/s,
//! peak memory <= 4x the file size.

// A counting global allocator needs `unsafe impl GlobalAlloc`; it only
// forwards to the system allocator and adds up sizes.
#![allow(unsafe_code)]
#![allow(missing_docs)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use plan_explorer::dataset;
use plan_explorer::synth::{SynthOptions, generate};

struct Counting;

/// Counting is switched on only while peak memory is measured, so the timed
/// rounds run at the system allocator's own speed.
static COUNTING: AtomicBool = AtomicBool::new(false);
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every method forwards to `System` with the same arguments; the
// counters are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() && COUNTING.load(Ordering::Relaxed) {
            let size = signed(layout.size());
            let now = CURRENT.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            CURRENT.fetch_sub(signed(layout.size()), Ordering::Relaxed);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() && COUNTING.load(Ordering::Relaxed) {
            CURRENT.fetch_sub(signed(layout.size()), Ordering::Relaxed);
            let now = CURRENT.fetch_add(signed(new_size), Ordering::Relaxed) + signed(new_size);
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        new
    }
}

/// Allocation sizes always fit in `isize` (a Rust allocation rule).
fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Peak heap bytes allocated by `f`, counting from zero; what `f` frees of
/// older allocations is not subtracted, so this never under-counts.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    CURRENT.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let out = f();
    COUNTING.store(false, Ordering::Relaxed);
    let peak = usize::try_from(PEAK.load(Ordering::Relaxed)).unwrap_or(0);
    (out, peak)
}

struct Row {
    name: String,
    bytes: usize,
    value_ms: f64,
    load_ms: f64,
    value_min_ms: f64,
    load_min_ms: f64,
    peak_bytes: usize,
}

fn measure(name: &str, text: &str, rounds: usize) -> Row {
    // Warm up both, then interleave so drift on a shared machine hits both.
    black_box(serde_json::from_str::<serde_json::Value>(text).ok());
    black_box(dataset::load_str(text).dataset.is_some());
    let mut value_times = Vec::with_capacity(rounds);
    let mut load_times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        let value = black_box(serde_json::from_str::<serde_json::Value>(text));
        value_times.push(start.elapsed());
        drop(value);

        let start = Instant::now();
        let loaded = black_box(dataset::load_str(text));
        load_times.push(start.elapsed());
        assert!(loaded.dataset.is_some(), "the benchmark dataset is valid");
        drop(loaded);
    }
    let (loaded, peak_bytes) = peak_of(|| dataset::load_str(text));
    drop(loaded);
    Row {
        name: name.to_owned(),
        bytes: text.len(),
        value_min_ms: value_times
            .iter()
            .min()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
            * 1e3,
        load_min_ms: load_times
            .iter()
            .min()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
            * 1e3,
        value_ms: median(value_times).as_secs_f64() * 1e3,
        load_ms: median(load_times).as_secs_f64() * 1e3,
        peak_bytes,
    }
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let cases = [
        ("default dataset", None, 200),
        ("10k measures", Some(10_000), 30),
        ("100k measures", Some(100_000), 9),
    ];
    println!(
        "{:<16} {:>9} {:>11} {:>10} {:>8} {:>8} {:>9}",
        "dataset", "MB", "Value ms", "load ms", "MB/s", "ratio", "peak/file"
    );
    for (name, measures, rounds) in cases {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let text = match measures {
            None => dataset::EMBEDDED_JSON.to_owned(),
            Some(measures) => generate(SynthOptions { measures, seed: 1 }),
        };
        let row = measure(name, &text, rounds);
        eprintln!(
            "  (min: value {:.3} ms, load {:.3} ms)",
            row.value_min_ms, row.load_min_ms
        );
        let mb = row.bytes as f64 / 1e6;
        println!(
            "{:<16} {:>9.2} {:>11.3} {:>10.3} {:>8.0} {:>8.2} {:>9.2}",
            row.name,
            mb,
            row.value_ms,
            row.load_ms,
            mb / (row.load_ms / 1e3),
            row.load_ms / row.value_ms,
            row.peak_bytes as f64 / row.bytes as f64,
        );
    }
    println!(
        "ratio = load / parse into serde_json::Value, same bytes, same run (median); \
         peak/file = peak heap during load / file size"
    );
}
