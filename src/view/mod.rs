//! Pure view-models: what the panels show, computed from the dataset and
//! tested as plain data. Nothing here draws; the UI only renders these.

pub mod amount;
pub mod charts;
pub mod tree;
