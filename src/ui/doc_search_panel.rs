//! The matches of a search in the documents, listed in place of the tree:
//! each with its context, the records quoting it or a note that none does,
//! and a click away from its place in the document.

use egui::text::LayoutJob;
use egui::{FontId, TextFormat};

use super::{Commands, PanelContext, SessionCommand};
use crate::i18n::{T, fill, tr};
use crate::view::doc_search::{DocSearch, MAX_MATCHES, Match};

/// Draws the list.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let search: &DocSearch = &cx.session.doc_search.result;
    ui.strong(tr(lang, T::InTheDocuments));
    if search.count == 0 {
        ui.label(tr(lang, T::NoDocumentMatches));
    } else {
        ui.label(fill(
            lang,
            T::DocumentMatches,
            &[&search.count, &search.documents.len()],
        ));
    }
    if search.more {
        ui.label(fill(lang, T::MoreMatches, &[&MAX_MATCHES]));
    }
    if search.without_text > 0 {
        ui.weak(fill(lang, T::DocumentsWithoutText, &[&search.without_text]));
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for document in &search.documents {
                ui.add(egui::Label::new(egui::RichText::new(&document.title).strong()).wrap());
                for found in &document.matches {
                    match_ui(cx, ui, found, commands);
                }
                ui.add_space(6.0);
            }
        });
}

/// One match: its context as a button that opens the document there, and
/// who quotes it.
fn match_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, found: &Match, commands: &mut Commands) {
    let lang = cx.session.lang();
    let body = ui.style().text_styles[&egui::TextStyle::Body].clone();
    let plain = TextFormat {
        font_id: body.clone(),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let strong = TextFormat {
        font_id: FontId::new(body.size, crate::ui::style::family(&found.matched, true)),
        color: ui.visuals().strong_text_color(),
        background: ui.visuals().selection.bg_fill.gamma_multiply(0.5),
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    job.append(&found.before, 0.0, plain.clone());
    job.append(&found.matched, 0.0, strong);
    job.append(&found.after, 0.0, plain);
    job.wrap.max_width = ui.available_width();
    let quoted = !found.quoted_by.is_empty();
    let note = if quoted {
        fill(lang, T::QuotedBy, &[&found.quoted_by.join(", ")])
    } else {
        tr(lang, T::NotQuoted).to_owned()
    };
    let button = ui
        .add(egui::Button::new(job).frame(false).wrap())
        .on_hover_text(tr(lang, T::OpenInDocument));
    // Read aloud as the words and whether any record quotes them.
    let spoken = format!("{}{}{}. {note}", found.before, found.matched, found.after);
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
    if button.clicked() {
        commands.push(SessionCommand::OpenSource(found.spot.clone()));
    }
    let color = if quoted {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().warn_fg_color
    };
    ui.label(egui::RichText::new(note).small().color(color));
    ui.add_space(4.0);
}
