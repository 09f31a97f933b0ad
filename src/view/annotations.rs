//! A chart's annotations as data: a note attached to a mark or to a map's
//! cell, a highlighted span of years, a reference line at a value. They are
//! the user's own words: never translated, and marked as the user's in
//! exports. A note on a cell names it by ids (its theme's or unit's, its
//! plan's), so it holds whatever the edition. A view file carries them
//! ([`super::saved`]); the chart scene lays them out
//! ([`crate::chart::scene`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::dataset::{Dataset, FigureRef, PlanIx};
use crate::view::charts::ChartId;
use crate::view::themes::{MapRows, RowKey};

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
    /// A note attached to a cell of the theme map or the unit map (a row
    /// by a plan), drawn with a leader line from the note to the cell.
    CellNote {
        /// The cell's row: a theme (theme map) or a unit (unit map).
        row: CellRow,
        /// The id of the cell's plan (its column).
        plan: SmolStr,
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
            Self::Note { text, .. } | Self::CellNote { text, .. } => text,
            Self::Span { label, .. } | Self::Line { label, .. } => label,
        }
    }

    /// The figure a note points at in `data`, if it is a note and the
    /// figure exists.
    pub fn figure(&self, data: &Dataset) -> Option<FigureRef> {
        match self {
            Self::Note { figure, .. } => data.figure_by_id(figure),
            Self::CellNote { .. } | Self::Span { .. } | Self::Line { .. } => None,
        }
    }

    /// The cell a cell note points at in `data`, if it is a cell note and
    /// its row and plan exist.
    pub fn cell(&self, data: &Dataset) -> Option<Cell> {
        match self {
            Self::CellNote { row, plan, .. } => Some(Cell {
                row: row.key(data)?,
                plan: data.plan_by_id(plan)?,
            }),
            Self::Note { .. } | Self::Span { .. } | Self::Line { .. } => None,
        }
    }

    /// What is wrong with the annotation whatever the dataset, if anything.
    pub fn fault(&self) -> Option<Fault> {
        match self {
            Self::Note { text, .. } | Self::CellNote { text, .. } if text.trim().is_empty() => {
                Some(Fault::EmptyNote)
            }
            Self::Span { from, to, .. } if from > to => Some(Fault::SpanBackwards {
                from: *from,
                to: *to,
            }),
            Self::Line { value, .. } if !value.is_finite() => Some(Fault::NotANumber),
            _ => None,
        }
    }

    /// What is wrong with the annotation on `chart`, if anything: a note
    /// on a map's cell belongs on that map, a note on a figure on a chart
    /// of figures.
    pub fn fault_on(&self, chart: ChartId) -> Option<Fault> {
        let map = chart.map_rows();
        match self {
            Self::CellNote { row, .. } if map != Some(row.map()) => Some(Fault::CellOffItsMap {
                map: row.map(),
                chart,
            }),
            Self::Note { .. } if map.is_some() => Some(Fault::FigureOnMap { chart }),
            _ => self.fault(),
        }
    }
}

/// A cell's row in a view file: a theme by its id, or a responsible unit by
/// its id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CellRow {
    /// A theme's row of the theme map, by the theme's id.
    Theme(SmolStr),
    /// A responsible unit's row of the unit map, by the unit's id.
    Unit(SmolStr),
}

impl CellRow {
    /// The row of `key` in `data`, by id.
    pub fn of(data: &Dataset, key: RowKey) -> Self {
        match key {
            RowKey::Theme(t) => Self::Theme(data.themes[t.index()].id.clone()),
            RowKey::Unit(u) => Self::Unit(data.units[u.index()].id.clone()),
        }
    }

    /// The row in `data`, if it has the theme (unit).
    pub fn key(&self, data: &Dataset) -> Option<RowKey> {
        match self {
            Self::Theme(id) => data.theme_by_id(id).map(RowKey::Theme),
            Self::Unit(id) => data.unit_by_id(id).map(RowKey::Unit),
        }
    }

    /// The map whose row this is.
    pub fn map(&self) -> MapRows {
        match self {
            Self::Theme(_) => MapRows::Themes,
            Self::Unit(_) => MapRows::Units,
        }
    }

    /// The id as written.
    pub fn id(&self) -> &str {
        match self {
            Self::Theme(id) | Self::Unit(id) => id,
        }
    }
}

/// A map's cell in a dataset: its row (theme or unit) and its plan. A
/// matrix's row is its record's index, and its column the plan's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cell {
    /// The row.
    pub row: RowKey,
    /// The plan.
    pub plan: PlanIx,
}

impl Cell {
    /// The cell at the matrix's `row` and `column`.
    pub fn at(
        matrix: &crate::view::themes::ThemeMatrix,
        row: usize,
        column: usize,
    ) -> Option<Self> {
        Some(Self {
            row: matrix.rows.get(row)?.key,
            plan: *matrix.plans.get(column)?,
        })
    }

    /// The matrix's (row, column) of the cell, if the matrix has it.
    pub fn place(&self, matrix: &crate::view::themes::ThemeMatrix) -> Option<(usize, usize)> {
        let row = matrix.rows.iter().position(|r| r.key == self.row)?;
        let column = matrix.plans.iter().position(|&p| p == self.plan)?;
        Some((row, column))
    }

    /// The cell's row (theme or unit) and plan, named in `lang`.
    pub fn names(&self, data: &Dataset, lang: crate::i18n::Lang) -> (String, String) {
        (
            crate::view::themes::row_name(data, self.row, lang),
            crate::view::plan_title(lang, data, self.plan).into_owned(),
        )
    }

    /// A note on this cell with the user's `text`.
    pub fn note(&self, data: &Dataset, text: &str) -> Annotation {
        Annotation::CellNote {
            row: CellRow::of(data, self.row),
            plan: data.plans[self.plan.index()].id.clone(),
            text: text.to_owned(),
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
    /// A note on a map's cell, on a chart that is not that map.
    CellOffItsMap {
        /// The map the cell belongs to.
        map: MapRows,
        /// The chart it is on.
        chart: ChartId,
    },
    /// A note on a figure, on a map (which has cells, not figures).
    FigureOnMap {
        /// The map.
        chart: ChartId,
    },
}
