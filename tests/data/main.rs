//! The data layer and what it writes, in one test binary: loading and
//! checking datasets (good, bad and hostile), the built-in dataset and its
//! editions, the view-models as data, chart scenes and the files drawn from
//! them.

#[path = "../common/mod.rs"]
mod common;

mod annotations;
mod caveats;
mod cell_notes;
mod chart_files;
mod chart_scene;
mod chart_view;
mod check_draft;
mod checks;
mod default_dataset;
mod districts;
mod documents;
mod editions;
mod encodings;
mod hostile;
mod import_draft;
mod import_figures;
mod import_read;
mod import_review;
mod plans_only;
mod presentation;
mod review_view;
mod saved_views;
mod schema;
mod source_view;
mod sources;
mod translations;
mod tree_view;
mod unit_map;
