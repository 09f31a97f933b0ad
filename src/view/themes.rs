//! The theme map: themes (rows) by plans (columns), each cell the measures
//! of one plan tagged with one theme, with row and column totals. Pure
//! data, built once per document (it does not depend on the language) and
//! tested as such.

use std::collections::HashSet;

use crate::dataset::{Dataset, NodeIx, PlanIx, ThemeIx};
use crate::i18n::{Lang, T, fill};
use crate::selection::Item;

/// How the matrix's rows are ordered.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ThemeOrder {
    /// Most measures first; ties in the dataset's order.
    #[default]
    Total,
    /// As the dataset lists the themes.
    Dataset,
}

/// One theme's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeRow {
    /// The theme.
    pub theme: ThemeIx,
    /// Per plan (in the matrix's column order): its measures tagged with
    /// the theme, in document order.
    pub cells: Vec<Vec<NodeIx>>,
    /// The measures tagged with the theme, across plans.
    pub total: usize,
}

/// The theme map's data; see the module's documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeMatrix {
    /// The plans, in the dataset's order: the columns.
    pub plans: Vec<PlanIx>,
    /// One row per theme, in the dataset's order.
    pub rows: Vec<ThemeRow>,
    /// Per plan: how many of its measures carry a theme, each counted once
    /// however many themes it carries.
    pub column_totals: Vec<usize>,
    /// The measures that carry a theme, each counted once.
    pub total: usize,
    /// The largest cell, for the shading's scale.
    pub max_cell: usize,
    /// Row indexes by total, most first (ties in dataset order).
    by_total: Vec<usize>,
}

impl ThemeMatrix {
    /// The matrix of `data`: every theme by every plan.
    pub fn new(data: &Dataset) -> Self {
        let plans: Vec<PlanIx> = (0..data.plans.len()).map(PlanIx::at).collect();
        let mut rows: Vec<ThemeRow> = data
            .themes
            .iter()
            .enumerate()
            .map(|(t, theme)| {
                let mut cells = vec![Vec::new(); plans.len()];
                for &node in &theme.nodes {
                    cells[data.node(node).plan.index()].push(node);
                }
                ThemeRow {
                    theme: ThemeIx::at(t),
                    cells,
                    total: theme.nodes.len(),
                }
            })
            .collect();
        // A theme lists each node once; keep document order in each cell.
        for row in &mut rows {
            for cell in &mut row.cells {
                cell.sort_unstable_by_key(|n| n.index());
                cell.dedup();
            }
            row.total = row.cells.iter().map(Vec::len).sum();
        }
        let mut column_totals = vec![0; plans.len()];
        let mut total = 0;
        for node in &data.nodes {
            if !node.themes.is_empty() {
                column_totals[node.plan.index()] += 1;
                total += 1;
            }
        }
        let max_cell = rows
            .iter()
            .flat_map(|r| r.cells.iter().map(Vec::len))
            .max()
            .unwrap_or(0);
        let mut by_total: Vec<usize> = (0..rows.len()).collect();
        by_total.sort_by_key(|&r| std::cmp::Reverse(rows[r].total));
        Self {
            plans,
            rows,
            column_totals,
            total,
            max_cell,
            by_total,
        }
    }

    /// The row indexes in `order`.
    pub fn order(&self, order: ThemeOrder) -> std::borrow::Cow<'_, [usize]> {
        match order {
            ThemeOrder::Total => std::borrow::Cow::Borrowed(&self.by_total),
            ThemeOrder::Dataset => (0..self.rows.len()).collect(),
        }
    }

    /// The measures of row `row` and column `column`.
    pub fn cell(&self, row: usize, column: usize) -> &[NodeIx] {
        self.rows
            .get(row)
            .and_then(|r| r.cells.get(column))
            .map_or(&[], Vec::as_slice)
    }

    /// The cells (row, column) a selection lights: a measure's own themes
    /// in its plan; a plan's whole column; a figure's measures' cells.
    pub fn lit(&self, data: &Dataset, selection: Option<Item>) -> HashSet<(usize, usize)> {
        let mut out = HashSet::new();
        let Some(selection) = selection else {
            return out;
        };
        match selection {
            Item::Plan(plan) => {
                for (r, row) in self.rows.iter().enumerate() {
                    if !row.cells[plan.index()].is_empty() {
                        out.insert((r, plan.index()));
                    }
                }
            }
            Item::Node(_) | Item::Figure(_) => {
                for node in selection.linked_nodes(data) {
                    let node_data = data.node(node);
                    for theme in &node_data.themes {
                        out.insert((theme.index(), node_data.plan.index()));
                    }
                }
            }
        }
        out
    }
}

/// How many of a cell's measures a hover lists before "and N more".
pub const HOVER_MEASURES: usize = 12;

/// A cell's hover text: theme and plan, the count, then each measure
/// (numbering, title) with its responsible units, up to
/// [`HOVER_MEASURES`].
pub fn cell_hover(
    data: &Dataset,
    matrix: &ThemeMatrix,
    row: usize,
    column: usize,
    lang: Lang,
) -> String {
    let Some(theme_row) = matrix.rows.get(row) else {
        return String::new();
    };
    let theme = crate::view::localized_name(lang, &data.themes[theme_row.theme.index()]);
    let plan = matrix.plans.get(column).copied().unwrap_or(PlanIx::at(0));
    let nodes = matrix.cell(row, column);
    let mut lines = vec![fill(
        lang,
        T::ThemeCellHover,
        &[
            &theme,
            &crate::view::plan_title(lang, data, plan),
            &nodes.len(),
        ],
    )];
    for &node in nodes.iter().take(HOVER_MEASURES) {
        let node = data.node(node);
        let title = crate::view::localized_title(lang, node);
        let heading = match &node.numbering {
            Some(numbering) => format!("{numbering} {title}"),
            None => title.into_owned(),
        };
        let units: Vec<String> = node
            .units
            .iter()
            .map(|u| crate::view::localized_name(lang, &data.units[u.index()]))
            .collect();
        if units.is_empty() {
            lines.push(format!("• {heading}"));
        } else {
            let join = if lang == Lang::Zh { "、" } else { "; " };
            lines.push(format!("• {heading} — {}", units.join(join)));
        }
    }
    if nodes.len() > HOVER_MEASURES {
        lines.push(fill(lang, T::AndMore, &[&(nodes.len() - HOVER_MEASURES)]));
    }
    lines.join("\n")
}
