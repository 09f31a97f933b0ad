//! Timing helpers shared by the benches (a folder of its own, so Cargo does
//! not take it for a bench).

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
