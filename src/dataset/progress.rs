//! How far a load has got, shared between the thread that loads and the one
//! that shows it, and the flag that asks the load to stop.
//!
//! Everything is an atomic, so the window reads it each frame without a
//! lock and the loading thread never waits for the window.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

/// Where a load is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Waiting to start, or looking at what the path is.
    Opening,
    /// Reading bytes ([`Progress::bytes`] of [`Progress::total`]).
    Reading,
    /// Parsing and checking ([`Progress::nodes`] so far).
    Checking,
    /// Building the search index, the tree and the change summary.
    Indexing,
}

/// The progress of one load; see the module's documentation.
#[derive(Debug, Default)]
pub struct Progress {
    phase: AtomicU8,
    bytes: AtomicU64,
    total: AtomicU64,
    nodes: AtomicU64,
    cancelled: AtomicBool,
}

impl Progress {
    /// The phase the load is in.
    pub fn phase(&self) -> Phase {
        match self.phase.load(Ordering::Relaxed) {
            1 => Phase::Reading,
            2 => Phase::Checking,
            3 => Phase::Indexing,
            _ => Phase::Opening,
        }
    }

    /// Moves the load on to `phase`.
    pub fn set_phase(&self, phase: Phase) {
        let value = match phase {
            Phase::Opening => 0,
            Phase::Reading => 1,
            Phase::Checking => 2,
            Phase::Indexing => 3,
        };
        self.phase.store(value, Ordering::Relaxed);
    }

    /// Bytes read so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// The file's size as it was when reading began.
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// Measures and items checked so far.
    pub fn nodes(&self) -> u64 {
        self.nodes.load(Ordering::Relaxed)
    }

    /// The share of the bytes read, from 0 to 1, while reading a file of
    /// known size.
    pub fn fraction_read(&self) -> Option<f32> {
        let total = self.total();
        (total > 0).then(|| (self.bytes() as f32 / total as f32).clamp(0.0, 1.0))
    }

    /// Asks the load to stop at its next chance.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the load was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    pub(super) fn set_total(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub(super) fn add_bytes(&self, bytes: u64) {
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    pub(super) fn add_node(&self) {
        self.nodes.fetch_add(1, Ordering::Relaxed);
    }
}
