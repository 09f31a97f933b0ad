//! The targets in the window: a sortable list of cards, each a figure the
//! plans aim at, by deadline, plan or value; a card is a Tab stop and
//! shows its hover when focused, and a click or Enter selects it.

use std::collections::HashSet;

use super::charts_panel::caveats_ui;
use super::{Commands, DocCommand, PanelContext, SessionCommand, chart_keys};
use crate::dataset::FigureRef;
use crate::i18n::{T, fill, tr};
use crate::selection::Item;
use crate::view::amount;
use crate::view::charts::{self, TargetColumn};
use crate::view::{hover, marked};

/// The targets as a sortable list of cards: the value first, then what it
/// measures, then the deadline and the plan. Every line wraps, so nothing
/// is cut at any width.
pub(super) fn targets_table_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    lit: &HashSet<FigureRef>,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let (column, ascending) = cx.session.targets_sort;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, T::SortBy));
        for (header, this) in [
            (tr(lang, T::Target), TargetColumn::Metric),
            (tr(lang, T::Value), TargetColumn::Value),
            (tr(lang, T::Deadline), TargetColumn::Deadline),
            (tr(lang, T::PlanLabel), TargetColumn::Plan),
        ] {
            let arrow = match (column == this, ascending) {
                (true, true) => " ▲",
                (true, false) => " ▼",
                (false, _) => "",
            };
            if ui
                .selectable_label(column == this, format!("{header}{arrow}"))
                .on_hover_text(tr(lang, T::SortHint))
                .clicked()
            {
                let sort = if column == this {
                    (column, !ascending)
                } else {
                    (this, true)
                };
                commands.push(SessionCommand::SortTargets(sort.0, sort.1));
            }
        }
    });
    ui.separator();
    let rows = charts::target_rows(data, column, ascending, lang);
    caveats_ui(cx, ui, rows.iter().map(|r| r.figure), commands);
    let cards = |ui: &mut egui::Ui| {
        for row in &rows {
            let selected =
                cx.doc.selected() == Some(Item::Figure(row.figure)) || lit.contains(&row.figure);
            ui.horizontal_wrapped(|ui| {
                ui.strong(marked(
                    data.figure_caveat(row.figure).is_some(),
                    amount::flagged(
                        row.value,
                        row.unit,
                        row.approximate,
                        row.lower_bound,
                        cx.session.convention(),
                    ),
                ));
                let text = hover::target(data, row.figure, cx.session.convention(), lang);
                let response = ui
                    .add(egui::Button::selectable(selected, row.metric.as_str()).wrap())
                    .on_hover_text(&text);
                // Each card is a stop for Tab, and the arrows move between
                // them (egui's own focus moves); the focused one shows its
                // hover, and Enter selects it, as a click does.
                if response.has_focus() {
                    if response.gained_focus() {
                        response.scroll_to_me(None);
                    }
                    let hint = tr(lang, T::MarkKeysSelect);
                    chart_keys::show_focused(ui, &response, response.rect, &text, hint, lang);
                }
                if response.clicked() {
                    commands.push(DocCommand::Select(Item::Figure(row.figure)));
                }
            });
            let deadline = row.deadline_year.map_or_else(
                || tr(lang, T::NoDeadline).to_owned(),
                |y| fill(lang, T::ByYear, &[&y]),
            );
            ui.weak(format!(
                "{deadline}  ·  {}",
                crate::view::plan_title(lang, data, row.plan)
            ));
            ui.add_space(6.0);
        }
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, cards);
}
