//! Plan Explorer: Shanghai's industrial and medical-AI plans as data.
//!
//! - [`dataset`]: the format, loading, checking and indexing; no UI.
//! - [`selection`]: the one selection type shared by every view.
//! - [`view`]: pure view-models (the tree, chart series), tested as data.
//! - [`synth`]: deterministic synthetic datasets of any size, for tests and
//!   benchmarks.
//! - [`i18n`]: the interface's words in English and Chinese.
//! - [`job`]: long work on a named background thread, with progress,
//!   Cancel, and a wake for the window when there is news.
//! - [`output`]: atomic file writes and PNG encoding.
//! - [`ui`]: the explorer window, one panel per module.
//! - [`watch`]: noticing that the open file changed and settled.
//! - [`cli`]: the command line.

pub mod briefing;
pub mod chart;
pub mod cli;
pub mod dataset;
pub mod i18n;
pub mod job;
pub mod output;
pub mod selection;
pub mod synth;
pub mod ui;
pub mod view;
pub mod watch;
