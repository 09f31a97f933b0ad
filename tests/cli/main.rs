//! The command line as a user runs it, in one test binary: `validate`,
//! `diff`, `export`, `sources`, briefings' sources, the README's commands,
//! special files, the desktop entry, and the real window under Xvfb.

#[path = "../common/mod.rs"]
mod common;

mod briefing;
mod check;
mod closed_pipe;
mod desktop;
mod diff;
mod disk_full;
mod export;
mod flags;
mod import;
mod presentation;
mod readme;
mod sources;
mod special_files;
mod validate;
mod views;
mod window;
mod window_settings;
