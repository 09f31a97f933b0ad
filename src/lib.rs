//! Plan Explorer: Shanghai's industrial and medical-AI plans as data.
//!
//! - [`dataset`]: the format, loading, checking and indexing; no UI.
//! - [`synth`]: deterministic synthetic datasets of any size, for tests and
//!   benchmarks.
//! - [`cli`]: the command line.

pub mod cli;
pub mod dataset;
pub mod synth;
