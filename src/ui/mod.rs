//! The explorer window: the tree of measures on the left, charts in the
//! middle, details of the selection on the right, a top bar with the
//! dataset's title, search and filters.
//!
//! The state is in two halves ([`state`]): the document (one dataset and
//! what points into it, built off the window's thread when a file loads:
//! [`loading`]) and the session (preferences, window-only state). Each
//! panel is its own module with one job; it reads a [`PanelContext`] and
//! sends [`Command`]s (to the document or the session), which
//! [`AppState::apply`] carries out in one place ([`commands`]); a dialog
//! edits its own state ([`dialogs`]). [`frame`] lays the panels out each
//! frame, [`startup`] opens the window, [`settings`] is what is remembered
//! between runs.

mod annotate_dialog;
pub mod briefing_dialog;
mod changes_panel;
mod chart_keys;
mod chart_table;
mod charts_panel;
pub mod check;
mod check_panel;
pub mod commands;
mod details_panel;
pub mod dialogs;
mod doc_search_panel;
pub mod document;
pub mod export;
pub mod file_picker;
pub mod focus;
mod frame;
mod funds_chart;
pub mod import_job;
pub mod loading;
mod messages;
mod plot_notes;
pub mod present;
pub mod present_kept;
mod present_panel;
mod present_slide;
mod problems_panel;
pub mod review;
pub mod review_dialogs;
mod review_panel;
mod scene_painter;
mod screenshot;
pub mod selection;
pub mod settings;
pub mod settings_file;
mod source_viewer;
pub mod startup;
pub mod state;
pub mod style;
mod targets_chart;
mod themes_chart;
mod timeline_chart;
mod top_bar;
mod tree_panel;
pub mod views;
mod views_panel;

pub use annotate_dialog::{AnnotateDialog, Kind as AnnotationKind};
pub use commands::{Command, Commands, DocCommand, ExportRequest, SessionCommand};
pub use dialogs::{Dialog, ExportDialog, OpenDialog};
pub use document::{Carry, Document};
pub use loading::{LoadJob, Trigger};
pub use messages::{Banner, Failure, LoadProblem, LoadProblems, Note};
pub use review::{ReviewCommand, ReviewSession};
pub use settings::Settings;
pub use startup::{App, run};
pub use state::{AppState, BottomTab, PanelContext, RECENT_FILES, Session};
