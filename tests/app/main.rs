//! The window, in one test binary: the app built as users start it
//! (`App::new` through `egui_kittest`), driven by clicks and keys and read
//! back through AccessKit, its pictures, and its state after each step.

#[path = "../common/mod.rs"]
mod common;

mod accessibility;
mod annotations;
mod app_state;
mod briefing;
mod cell_notes;
mod chart_keys;
mod check_draft;
mod cross_plan;
mod disk_full;
mod doc_search;
mod extremes;
mod facts;
mod file_picker;
mod fonts;
mod i18n;
mod kept_notes;
mod kept_presentation;
mod loading;
mod plans_only;
mod presentation;
mod review;
mod saved_views;
mod settings;
mod snapshots;
mod source_viewer;
mod ui_story;
mod user_actions;
