//! A chart's annotations as data: a note attached to a mark, a highlighted
//! span of years, a reference line at a value. They are the user's own
//! words: never translated, and marked as the user's in exports. A view
//! file carries them ([`super::saved`]); the chart scene lays them out
//! ([`crate::chart::scene`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::dataset::{Dataset, FigureRef};

/// One annotation of a chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Annotation {
    /// A note attached to a mark (a point, bar, target row or timeline
    /// mark), drawn with a leader line from the note to the mark.
    Note {
        /// The id of the figure the note points at.
        figure: SmolStr,
        /// The user's words, shown as written in every language.
        text: String,
    },
    /// A highlighted span of years, both ends included (e.g. 2026-2030,
    /// the 15th Five-Year Plan period).
    Span {
        /// The first year.
        from: i32,
        /// The last year.
        to: i32,
        /// The user's words beside the span; may be empty.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        label: String,
    },
    /// A reference line at a value, in the chart's own unit (yuan for
    /// amounts, percent for shares).
    Line {
        /// Where the line is, in the chart's unit.
        value: f64,
        /// The user's words at the line's end; may be empty.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        label: String,
    },
}

impl Annotation {
    /// The user's words.
    pub fn words(&self) -> &str {
        match self {
            Self::Note { text, .. } => text,
            Self::Span { label, .. } | Self::Line { label, .. } => label,
        }
    }

    /// The figure a note points at in `data`, if it is a note and the
    /// figure exists.
    pub fn figure(&self, data: &Dataset) -> Option<FigureRef> {
        match self {
            Self::Note { figure, .. } => data.figure_by_id(figure),
            Self::Span { .. } | Self::Line { .. } => None,
        }
    }

    /// What is wrong with the annotation whatever the dataset, if anything.
    pub fn fault(&self) -> Option<Fault> {
        match self {
            Self::Note { text, .. } if text.trim().is_empty() => Some(Fault::EmptyNote),
            Self::Span { from, to, .. } if from > to => Some(Fault::SpanBackwards {
                from: *from,
                to: *to,
            }),
            Self::Line { value, .. } if !value.is_finite() => Some(Fault::NotANumber),
            _ => None,
        }
    }
}

/// Why an annotation cannot be drawn whatever the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// A note with no words.
    EmptyNote,
    /// A span whose first year comes after its last.
    SpanBackwards {
        /// The first year written.
        from: i32,
        /// The last year written.
        to: i32,
    },
    /// A reference line at no number.
    NotANumber,
}
