//! Importing a plan document: reading its text, and drafting the plan, its
//! units and figures from it for an editor to review.

pub mod draft;
pub mod figures;
pub mod to_json;

/// The document's language, which decides where the printed words go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocLang {
    /// English: titles and texts in `title` and `text`.
    En,
    /// Chinese: the printed Chinese in `title_zh` and `text_zh`, and, as
    /// the format needs a `title`, the same words there.
    Zh,
}
