//! The theme map and the unit map: themes (rows) or responsible units
//! (rows) by plans (columns), each cell the measures of one plan tagged
//! with the theme or owed by the unit, with row and column totals. Pure
//! data, built once per document (it does not depend on the language) and
//! tested as such.

use std::collections::HashSet;

use crate::dataset::{Dataset, FigureRef, Node, NodeIx, PlanIx, ThemeIx, UnitIx};
use crate::i18n::{Lang, T, fill, tr};
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

/// What a map's rows are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MapRows {
    /// Themes: the theme map.
    #[default]
    Themes,
    /// Responsible units: the unit map.
    Units,
}

/// The record a row stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// A theme's row.
    Theme(ThemeIx),
    /// A responsible unit's row.
    Unit(UnitIx),
}

/// One theme's (or unit's) row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeRow {
    /// The theme or unit.
    pub key: RowKey,
    /// Per plan (in the matrix's column order): its measures tagged with
    /// the theme (owed by the unit), in document order.
    pub cells: Vec<Vec<NodeIx>>,
    /// Per plan: the earliest deadline the plan gives for the cell's
    /// measures (their targets' deadline years); `None` where it gives none.
    pub deadlines: Vec<Option<i32>>,
    /// The row's measures, across plans.
    pub total: usize,
}

/// The theme map's (or unit map's) data; see the module's documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeMatrix {
    /// What the rows are.
    pub rows_are: MapRows,
    /// The plans, in the dataset's order: the columns.
    pub plans: Vec<PlanIx>,
    /// One row per theme, in the dataset's order.
    pub rows: Vec<ThemeRow>,
    /// Per plan: how many of its measures carry a theme (name a unit), each
    /// counted once however many they carry.
    pub column_totals: Vec<usize>,
    /// The measures that carry a theme (name a unit), each counted once.
    pub total: usize,
    /// The largest cell, for the shading's scale.
    pub max_cell: usize,
    /// Row indexes by total, most first (ties in dataset order).
    by_total: Vec<usize>,
}

impl ThemeMatrix {
    /// The matrix of `data`: every theme by every plan.
    pub fn new(data: &Dataset) -> Self {
        Self::of(data, MapRows::Themes)
    }

    /// The unit map of `data`: every responsible unit by every plan.
    pub fn units(data: &Dataset) -> Self {
        Self::of(data, MapRows::Units)
    }

    /// The map of `data` whose rows are `rows_are`.
    pub fn of(data: &Dataset, rows_are: MapRows) -> Self {
        let plans: Vec<PlanIx> = (0..data.plans.len()).map(PlanIx::at).collect();
        let row_of = |key: RowKey, nodes: &[NodeIx]| {
            let mut cells = vec![Vec::new(); plans.len()];
            for &node in nodes {
                cells[data.node(node).plan.index()].push(node);
            }
            ThemeRow {
                key,
                cells,
                deadlines: Vec::new(),
                total: 0,
            }
        };
        let mut rows: Vec<ThemeRow> = match rows_are {
            MapRows::Themes => data
                .themes
                .iter()
                .enumerate()
                .map(|(t, theme)| row_of(RowKey::Theme(ThemeIx::at(t)), &theme.nodes))
                .collect(),
            MapRows::Units => data
                .units
                .iter()
                .enumerate()
                .map(|(u, unit)| row_of(RowKey::Unit(UnitIx::at(u)), &unit.nodes))
                .collect(),
        };
        // A record lists each node once; keep document order in each cell.
        for row in &mut rows {
            for cell in &mut row.cells {
                cell.sort_unstable_by_key(|n| n.index());
                cell.dedup();
            }
            row.total = row.cells.iter().map(Vec::len).sum();
            row.deadlines = row
                .cells
                .iter()
                .map(|cell| cell.iter().filter_map(|&n| deadline(data, n)).min())
                .collect();
        }
        let mut column_totals = vec![0; plans.len()];
        let mut total = 0;
        for node in &data.nodes {
            let counted = match rows_are {
                MapRows::Themes => !node.themes.is_empty(),
                MapRows::Units => !node.units.is_empty(),
            };
            if counted {
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
            rows_are,
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

    /// The row indexes in `order` that have measures: the rows a map
    /// shows.
    pub fn shown(&self, order: ThemeOrder) -> Vec<usize> {
        self.order(order)
            .iter()
            .copied()
            .filter(|&r| self.rows[r].total > 0)
            .collect()
    }

    /// The measures of row `row` and column `column`.
    pub fn cell(&self, row: usize, column: usize) -> &[NodeIx] {
        self.rows
            .get(row)
            .and_then(|r| r.cells.get(column))
            .map_or(&[], Vec::as_slice)
    }

    /// The cells (row, column) a selection lights: a measure's own themes
    /// (units) in its plan; a plan's whole column; a figure's measures'
    /// cells.
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
                    let plan = node_data.plan.index();
                    match self.rows_are {
                        MapRows::Themes => {
                            out.extend(node_data.themes.iter().map(|t| (t.index(), plan)));
                        }
                        MapRows::Units => {
                            out.extend(node_data.units.iter().map(|u| (u.index(), plan)));
                        }
                    }
                }
            }
        }
        out
    }
}

/// The earliest deadline the plan gives for a measure: the deadline years
/// of the targets it belongs to; `None` where none gives one.
pub fn deadline(data: &Dataset, node: NodeIx) -> Option<i32> {
    data.node(node)
        .figures
        .iter()
        .filter_map(|f| match f {
            FigureRef::Target(t) => data.targets[t.index()].deadline_year,
            _ => None,
        })
        .min()
}

/// A row's name in `lang`: the theme's or the unit's.
pub fn row_name(data: &Dataset, key: RowKey, lang: Lang) -> String {
    match key {
        RowKey::Theme(t) => crate::view::localized_name(lang, &data.themes[t.index()]),
        RowKey::Unit(u) => crate::view::localized_name(lang, &data.units[u.index()]),
    }
}

/// A measure's responsible units in `lang`, the lead units first and
/// marked as such (only where the document names them), joined.
pub fn units_line(data: &Dataset, node: &Node, lang: Lang) -> String {
    let units: Vec<String> = node
        .units_lead_first()
        .into_iter()
        .map(|u| unit_name(data, node, u, lang))
        .collect();
    let join = if lang == Lang::Zh { "、" } else { "; " };
    units.join(join)
}

/// A unit's name in `lang`, marked where it leads `node`'s work.
fn unit_name(data: &Dataset, node: &Node, unit: UnitIx, lang: Lang) -> String {
    let name = crate::view::localized_name(lang, &data.units[unit.index()]);
    if node.leads(unit) {
        fill(lang, T::LeadUnitMark, &[&name])
    } else {
        name
    }
}

/// How many of a cell's measures a hover lists before "and N more".
pub const HOVER_MEASURES: usize = 12;

/// A cell's hover text: theme (unit) and plan, the count, then each
/// measure (numbering, title) with its responsible units (lead first) and,
/// where the plan gives one, its deadline, up to [`HOVER_MEASURES`].
pub fn cell_hover(
    data: &Dataset,
    matrix: &ThemeMatrix,
    row: usize,
    column: usize,
    lang: Lang,
) -> String {
    let Some(map_row) = matrix.rows.get(row) else {
        return String::new();
    };
    let name = row_name(data, map_row.key, lang);
    let plan = matrix.plans.get(column).copied().unwrap_or(PlanIx::at(0));
    let nodes = matrix.cell(row, column);
    let head = match matrix.rows_are {
        MapRows::Themes => T::ThemeCellHover,
        MapRows::Units => T::UnitCellHover,
    };
    let mut lines = vec![fill(
        lang,
        head,
        &[
            &name,
            &crate::view::plan_title(lang, data, plan),
            &nodes.len(),
        ],
    )];
    for &ix in nodes.iter().take(HOVER_MEASURES) {
        let node = data.node(ix);
        let title = crate::view::localized_title(lang, node);
        let mut line = match &node.numbering {
            Some(numbering) => format!("• {numbering} {title}"),
            None => format!("• {title}"),
        };
        match map_row.key {
            RowKey::Theme(_) => {
                let units = units_line(data, node, lang);
                if !units.is_empty() {
                    line.push_str(" — ");
                    line.push_str(&units);
                }
            }
            // The row's own unit goes without saying: whether it leads,
            // and who shares the measure, lead units first.
            RowKey::Unit(unit) => {
                if node.leads(unit) {
                    line.push_str(tr(lang, T::UnitLeads));
                }
                let others: Vec<String> = node
                    .units_lead_first()
                    .into_iter()
                    .filter(|&u| u != unit)
                    .map(|u| unit_name(data, node, u, lang))
                    .collect();
                if !others.is_empty() {
                    let join = if lang == Lang::Zh { "、" } else { "; " };
                    line.push_str(&fill(lang, T::UnitsWith, &[&others.join(join)]));
                }
            }
        }
        if let Some(year) = deadline(data, ix) {
            line.push_str(&fill(lang, T::MeasureDeadline, &[&year]));
        }
        lines.push(line);
    }
    if nodes.len() > HOVER_MEASURES {
        lines.push(fill(lang, T::AndMore, &[&(nodes.len() - HOVER_MEASURES)]));
    }
    lines.join("\n")
}
