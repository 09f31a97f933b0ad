//! Every chart as a table, for whoever would rather read than look (and
//! for screen readers): the rows the CSV export writes, each figure a
//! button that selects it; the theme map as its non-empty cells, each a
//! button that shows its measures in the tree. Only the rows in view are
//! laid out.

use super::{Commands, DocCommand, PanelContext};
use crate::i18n::{T, tr};
use crate::selection::Item;
use crate::view::amount;
use crate::view::charts::ChartId;
use crate::view::tree::TreeFilter;

const ROW: f32 = 22.0;

/// Draws `chart` as a table.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, chart: ChartId, commands: &mut Commands) {
    let lang = cx.session.lang();
    if chart == ChartId::Themes || chart == ChartId::Units {
        themes_ui(cx, ui, chart, commands);
        return;
    }
    let data = &cx.doc.dataset;
    let rows = crate::view::table::chart_rows_sorted(
        data,
        chart,
        &cx.doc.hidden,
        cx.session.targets_sort,
        cx.session.lang(),
    );
    let selected = cx.doc.selected();
    header_ui(
        ui,
        &[
            tr(lang, T::ColumnFigure),
            tr(lang, T::Year),
            tr(lang, T::Value),
            tr(lang, T::ColumnCategory),
        ],
    );
    egui::ScrollArea::vertical()
        .id_salt("chart_table")
        .auto_shrink([false, false])
        .show_rows(ui, ROW, rows.len(), |ui, range| {
            for row in &rows[range] {
                ui.horizontal(|ui| {
                    let is_selected = selected == Some(Item::Figure(row.figure));
                    let name = crate::view::marked(
                        data.figure_caveat(row.figure).is_some(),
                        row.item.clone(),
                    );
                    if ui
                        .add_sized(
                            [260.0, ROW],
                            egui::Button::selectable(is_selected, name).truncate(),
                        )
                        .on_hover_text(crate::view::hover::figure(
                            data,
                            row.figure,
                            cx.session.convention(),
                            lang,
                        ))
                        .clicked()
                    {
                        commands.push(DocCommand::Select(Item::Figure(row.figure)));
                    }
                    cell_ui(
                        ui,
                        50.0,
                        &row.year.map(|y| y.to_string()).unwrap_or_default(),
                    );
                    let value = amount::qualified(
                        row.value,
                        row.unit,
                        amount::Qualifier {
                            approximate: row.approximate,
                            lower_bound: row.lower_bound,
                            upper_bound: row.upper_bound,
                        },
                        cx.session.convention(),
                    );
                    cell_ui(ui, 160.0, &value);
                    cell_ui(ui, 220.0, &row.category);
                });
            }
        });
}

/// The theme map (unit map) as its cells: theme (unit), plan, measures.
fn themes_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, chart: ChartId, commands: &mut Commands) {
    let matrix = if chart == ChartId::Units {
        &cx.doc.units
    } else {
        &cx.doc.themes
    };
    let data = &cx.doc.dataset;
    let lang = cx.session.lang();
    let cells: Vec<(usize, usize)> = matrix
        .order(cx.session.theme_order)
        .iter()
        .flat_map(|&r| (0..matrix.plans.len()).map(move |c| (r, c)))
        .filter(|&(r, c)| !matrix.cell(r, c).is_empty())
        .collect();
    header_ui(
        ui,
        &[
            tr(
                lang,
                if chart == ChartId::Units {
                    T::ColumnUnit
                } else {
                    T::ColumnTheme
                },
            ),
            tr(lang, T::ColumnPlanName),
            tr(lang, T::MeasuresCount),
        ],
    );
    egui::ScrollArea::vertical()
        .id_salt((chart, "map_table"))
        .auto_shrink([false, false])
        .show_rows(ui, ROW, cells.len(), |ui, range| {
            for &(r, c) in &cells[range] {
                let key = matrix.rows[r].key;
                let plan = matrix.plans[c];
                ui.horizontal(|ui| {
                    let name = crate::view::themes::row_name(data, key, lang);
                    if ui
                        .add_sized([220.0, ROW], egui::Button::new(name).truncate())
                        .on_hover_text(crate::view::themes::cell_hover(data, matrix, r, c, lang))
                        .clicked()
                    {
                        let mut filter = TreeFilter {
                            plans: [plan].into_iter().collect(),
                            ..TreeFilter::default()
                        };
                        match key {
                            crate::view::themes::RowKey::Theme(theme) => {
                                filter.themes.insert(theme);
                            }
                            crate::view::themes::RowKey::Unit(unit) => {
                                filter.units.insert(unit);
                            }
                        }
                        commands.push(DocCommand::SetFilter(filter));
                    }
                    cell_ui(ui, 300.0, &crate::view::plan_title(lang, data, plan));
                    cell_ui(
                        ui,
                        90.0,
                        &crate::chart::themes::cell_text(lang, matrix, r, c),
                    );
                });
            }
        });
}

fn header_ui(ui: &mut egui::Ui, names: &[&str]) {
    ui.horizontal(|ui| {
        for name in names {
            ui.strong(*name);
            ui.add_space(24.0);
        }
    });
    ui.separator();
}

fn cell_ui(ui: &mut egui::Ui, width: f32, text: &str) {
    ui.add_sized([width, ROW], egui::Label::new(text).truncate());
}
