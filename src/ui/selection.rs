//! The words selected in the window's text (a drag across the document's
//! labels), as egui reports them once a selection settles, kept so the
//! review can make them a figure's quote.

use egui::text_selection::LabelSelectionState;

/// Watches the selection: after egui's own label selection has run in a
/// pass, keeps the settled selection's text.
pub struct SelectionWatch;

fn id() -> egui::Id {
    egui::Id::unique("settled_text_selection")
}

impl egui::Plugin for SelectionWatch {
    fn debug_name(&self) -> &'static str {
        "SelectionWatch"
    }

    fn on_end_pass(&mut self, ui: &mut egui::Ui) {
        let settled = ui.ctx().output(|o| {
            o.commands.iter().rev().find_map(|c| match c {
                egui::OutputCommand::TextSelectionSettled(text) => Some(text.clone()),
                _ => None,
            })
        });
        if let Some(text) = settled {
            remember(ui.ctx(), text);
        }
    }
}

/// Installs the watch (once per context).
pub fn install(ctx: &egui::Context) {
    ctx.add_plugin(SelectionWatch);
}

/// Keeps `text` as the selection (the watch, or a test standing in for a
/// drag).
pub fn remember(ctx: &egui::Context, text: String) {
    ctx.data_mut(|d| d.insert_temp(id(), text));
}

/// The words selected, while a selection is on screen.
pub fn selected(ctx: &egui::Context) -> Option<String> {
    let showing = ctx.plugin::<LabelSelectionState>().lock().has_selection();
    let text = ctx.data(|d| d.get_temp::<String>(id()));
    if !showing {
        return None;
    }
    text.filter(|t| !t.trim().is_empty())
}
