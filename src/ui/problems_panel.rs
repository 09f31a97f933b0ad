//! The problems panel: why a file did not load, one line per problem with
//! the file, line and column or JSON path, selectable and copyable. The
//! dataset on screen stays as it was.

use super::{Commands, PanelContext, SessionCommand};
use crate::i18n::{T, fill, tr};

/// Draws the panel's content.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let Some(problems) = &cx.session.problems else {
        return;
    };
    // Written now, so a language switch rewrites them.
    let lines = problems.lines(lang);
    // The buttons come first so a long path never pushes them away.
    ui.horizontal(|ui| {
        if ui.button(tr(lang, T::Close)).clicked() {
            commands.push(SessionCommand::DismissProblems);
        }
        if ui.button(tr(lang, T::CopyAll)).clicked() {
            ui.ctx().copy_text(lines.join("\n"));
        }
    });
    ui.add(
        egui::Label::new(
            egui::RichText::new(fill(
                lang,
                T::DidNotLoad,
                &[&problems.file.display(), &lines.len()],
            ))
            .color(ui.visuals().error_fg_color),
        )
        .wrap(),
    );
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for line in lines.iter() {
                ui.add(egui::Label::new(egui::RichText::new(line).monospace()).selectable(true));
            }
        });
}
