//! Pure view-models: what the panels show, computed from the dataset and
//! tested as plain data. Nothing here draws; the UI only renders these.

pub mod amount;
pub mod charts;
pub mod diff;
pub mod hover;
pub mod table;
pub mod tree;

/// A name with its Chinese form where the documents give one:
/// "Silver economy (银发经济)".
pub fn with_chinese(name: &str, name_zh: Option<&str>) -> String {
    match name_zh {
        Some(zh) => format!("{name} ({zh})"),
        None => name.to_owned(),
    }
}
