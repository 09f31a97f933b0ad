//! The change summary after loading a new edition: counts, then each
//! change with its old -> new details (changes in place first); an entry still in the dataset is
//! one click from its item.

use std::sync::Arc;

use super::{Commands, DocCommand, PanelContext, SessionCommand};
use crate::i18n::{T, fill, tr};
use crate::view::diff::{ChangeKind, RecordKind};

/// Draws the panel's content.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let Some(changes) = &cx.doc.changes else {
        return;
    };
    // The buttons come first so a long summary never pushes them away.
    ui.horizontal(|ui| {
        if ui.button(tr(lang, T::Close)).clicked() {
            commands.push(SessionCommand::DismissChanges);
        }
        ui.strong(fill(
            lang,
            T::WhatChanged,
            &[&changes.old_edition, &changes.new_edition],
        ));
    });
    ui.add(egui::Label::new(changes.summary(lang)).wrap());
    // What changed in place first (old -> new), then what went, then
    // what is new: the first are the easiest to miss. A new edition can
    // bring hundreds of thousands of changes, so the order is worked out
    // once per document and only the rows on screen are drawn.
    let order_id = egui::Id::unique("changes_order");
    let key = (cx.doc.generation, changes.changes.len());
    let cached: Option<(u64, usize, Arc<Vec<u32>>)> = ui.ctx().data(|d| d.get_temp(order_id));
    let order = match cached {
        Some((generation, len, order)) if (generation, len) == key => order,
        _ => {
            let order: Arc<Vec<u32>> = Arc::new(
                [ChangeKind::Changed, ChangeKind::Removed, ChangeKind::Added]
                    .into_iter()
                    .flat_map(|kind| {
                        changes
                            .changes
                            .iter()
                            .enumerate()
                            .filter(move |(_, c)| c.kind == kind)
                            .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
                    })
                    .collect(),
            );
            ui.ctx()
                .data_mut(|d| d.insert_temp(order_id, (key.0, key.1, Arc::clone(&order))));
            order
        }
    };
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, order.len(), |ui, range| {
            for &i in &order[range] {
                let Some(change) = changes.changes.get(i as usize) else {
                    continue;
                };
                change_row_ui(cx, ui, change, commands);
            }
        });
}

/// One change on one line: its mark, record, name (a link while the item
/// is in the dataset) and details, shortened to fit; the whole on hover.
fn change_row_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    change: &crate::view::diff::Change,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    ui.horizontal(|ui| {
        let (mark, color) = match change.kind {
            ChangeKind::Added => (tr(lang, T::ChangeAdded), ui.visuals().text_color()),
            ChangeKind::Removed => (tr(lang, T::ChangeRemoved), ui.visuals().error_fg_color),
            ChangeKind::Changed => (tr(lang, T::ChangeChanged), ui.visuals().warn_fg_color),
        };
        ui.colored_label(color, mark);
        ui.weak(tr(
            lang,
            match change.record {
                RecordKind::Plan => T::RecordPlan,
                RecordKind::Measure => T::RecordMeasure,
                RecordKind::Figure => T::RecordFigure,
                RecordKind::Fund => T::RecordFund,
                RecordKind::Target => T::RecordTarget,
            },
        ));
        match change.item {
            Some(item) => {
                if ui.link(change.shown_label(lang)).clicked() {
                    commands.push(DocCommand::Select(item));
                }
            }
            None => {
                ui.label(change.shown_label(lang));
            }
        }
        text_link_ui(cx, ui, change, commands);
        if !change.details.is_empty() {
            let details: Vec<String> = change
                .details
                .iter()
                .map(|d| d.text(cx.session.convention(), lang))
                .collect();
            let details = details.join("  ");
            ui.add(egui::Label::new(egui::RichText::new(&details).weak()).truncate())
                .on_hover_text(details);
        }
    });
}

/// For a measure whose text changed, a link to the new text in its
/// document, where the proof found it there.
fn text_link_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    change: &crate::view::diff::Change,
    commands: &mut Commands,
) {
    use crate::view::diff::Detail;
    let Some(crate::selection::Item::Node(node)) = change.item else {
        return;
    };
    if !change
        .details
        .iter()
        .any(|d| matches!(d, Detail::TextChanged | Detail::TextZhChanged))
    {
        return;
    }
    let data = cx.doc.dataset.node(node);
    let record = Some(crate::dataset::proof::Quoting::Node(node));
    let Some(spot) =
        crate::view::source::quote_spot(&cx.doc.proof, data.source, &data.text, record)
    else {
        return;
    };
    let lang = cx.session.lang();
    if ui
        .link(tr(lang, T::ChangeReadText))
        .on_hover_text(tr(lang, T::ReadInDocument))
        .clicked()
    {
        commands.push(SessionCommand::OpenSource(spot));
    }
}
