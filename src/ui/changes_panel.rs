//! The change summary after loading a new edition: counts, then each
//! change with its old -> new details (changes in place first); an entry still in the dataset is
//! one click from its item.

use super::{Command, PanelContext};
use crate::i18n::{T, fill, tr};
use crate::view::diff::{ChangeKind, RecordKind};

/// Draws the panel's content.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let Some(changes) = &cx.doc.changes else {
        return;
    };
    // The buttons come first so a long summary never pushes them away.
    ui.horizontal(|ui| {
        if ui.button(tr(T::Close)).clicked() {
            commands.push(Command::DismissChanges);
        }
        ui.strong(fill(
            T::WhatChanged,
            &[&changes.old_edition, &changes.new_edition],
        ));
    });
    ui.add(egui::Label::new(changes.summary()).wrap());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // What changed in place first (old -> new), then what went,
            // then what is new: the first are the easiest to miss.
            let ordered = [ChangeKind::Changed, ChangeKind::Removed, ChangeKind::Added]
                .into_iter()
                .flat_map(|kind| changes.changes.iter().filter(move |c| c.kind == kind));
            for change in ordered {
                ui.horizontal_wrapped(|ui| {
                    let (mark, color) = match change.kind {
                        ChangeKind::Added => (tr(T::ChangeAdded), ui.visuals().text_color()),
                        ChangeKind::Removed => (tr(T::ChangeRemoved), ui.visuals().error_fg_color),
                        ChangeKind::Changed => (tr(T::ChangeChanged), ui.visuals().warn_fg_color),
                    };
                    ui.colored_label(color, mark);
                    ui.weak(tr(match change.record {
                        RecordKind::Plan => T::RecordPlan,
                        RecordKind::Measure => T::RecordMeasure,
                        RecordKind::Figure => T::RecordFigure,
                        RecordKind::Fund => T::RecordFund,
                        RecordKind::Target => T::RecordTarget,
                    }));
                    match change.item {
                        Some(item) => {
                            if ui.link(change.shown_label()).clicked() {
                                commands.push(Command::Select(item));
                            }
                        }
                        None => {
                            ui.label(change.shown_label());
                        }
                    }
                    for detail in &change.details {
                        ui.weak(detail.text(cx.session.convention));
                    }
                });
            }
        });
}
