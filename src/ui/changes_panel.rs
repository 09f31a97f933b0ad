//! The change summary after loading a new edition: counts, then each
//! change with its old -> new details (changes in place first); an entry still in the dataset is
//! one click from its item.

use super::{AppState, Command};
use crate::view::diff::{ChangeKind, RecordKind};

/// Draws the panel's content.
pub fn ui(state: &AppState, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    let Some(changes) = &state.changes else {
        return;
    };
    // The buttons come first so a long summary never pushes them away.
    ui.horizontal(|ui| {
        if ui.button("Close").clicked() {
            commands.push(Command::DismissChanges);
        }
        ui.strong(format!(
            "What changed (edition {} -> {})",
            changes.old_edition, changes.new_edition
        ));
    });
    ui.add(egui::Label::new(changes.summary()).wrap());
    egui::ScrollArea::vertical()
        .max_height(180.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // What changed in place first (old -> new), then what went,
            // then what is new: the first are the easiest to miss.
            let ordered = [ChangeKind::Changed, ChangeKind::Removed, ChangeKind::Added]
                .into_iter()
                .flat_map(|kind| changes.changes.iter().filter(move |c| c.kind == kind));
            for change in ordered {
                ui.horizontal_wrapped(|ui| {
                    let (mark, color) = match change.kind {
                        ChangeKind::Added => ("+ added", ui.visuals().text_color()),
                        ChangeKind::Removed => ("− removed", ui.visuals().error_fg_color),
                        ChangeKind::Changed => ("~ changed", ui.visuals().warn_fg_color),
                    };
                    ui.colored_label(color, mark);
                    ui.weak(match change.record {
                        RecordKind::Plan => "plan",
                        RecordKind::Measure => "measure",
                        RecordKind::Figure => "figure",
                        RecordKind::Fund => "fund",
                        RecordKind::Target => "target",
                    });
                    match change.item {
                        Some(item) => {
                            if ui.link(&change.label).clicked() {
                                commands.push(Command::Select(item));
                            }
                        }
                        None => {
                            ui.label(&change.label);
                        }
                    }
                    for detail in &change.details {
                        ui.weak(detail);
                    }
                });
            }
        });
}
