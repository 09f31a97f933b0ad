//! Plan Explorer: Shanghai's industrial and medical-AI plans as data.
//!
//! - [`dataset`]: the format, loading, checking and indexing, and comparing
//!   editions; no UI.
//! - [`selection`]: the one selection type shared by every view.
//! - [`view`]: pure view-models (the tree, chart series, the change list,
//!   the file picker), tested as data.
//! - [`chart`]: charts as pictures: one laid-out scene per chart, written
//!   as SVG, PDF and PNG.
//! - [`briefing`]: a briefing of the selection, written as PDF or Word.
//! - [`check`]: a draft checked against the data, every figure with a
//!   verdict, and the reviewed copy of a Word draft.
//! - [`import`]: a plan document (text, web page, Word, PDF) read into its
//!   text and drafted into data for an editor to review.
//! - [`i18n`]: the interface's words in English and Chinese, in the
//!   language each caller passes.
//! - [`job`]: long work on a named background thread, with progress,
//!   Cancel, and a wake for the window when there is news.
//! - [`output`]: atomic file writes and PNG encoding.
//! - [`folders`]: reading folders for the app's own file picker.
//! - [`synth`]: deterministic synthetic datasets of any size, for tests and
//!   benchmarks.
//! - [`watch`]: noticing that the open file changed and settled.
//! - [`ui`]: the explorer window, one panel per module.
//! - [`cli`]: the command line.

pub mod briefing;
pub mod chart;
pub mod check;
pub mod cli;
pub mod dataset;
pub mod folders;
pub mod i18n;
pub mod import;
pub mod job;
pub mod output;
pub mod selection;
pub mod synth;
pub mod ui;
pub mod view;
pub mod watch;
