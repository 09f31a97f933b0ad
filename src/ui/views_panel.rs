//! The Views menu, the Views panel and the Save view dialog: views saved
//! and opened (each a click from being shown again), what was said about
//! the last one opened (what no longer exists, what changed in its
//! figures), the chart's annotations with a Remove each.

use std::path::PathBuf;

use super::{Commands, PanelContext, SessionCommand};
use crate::i18n::{T, fill, tr};
use crate::view::annotations::Annotation;

/// The Save view dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveViewDialog {
    /// The view's name.
    pub name: String,
    /// Where to write.
    pub path: String,
    /// Whether the path was typed (else it follows the name).
    pub path_typed: bool,
    /// The file exists and the user must agree to replace it.
    pub confirm_replace: bool,
    /// Why the last try failed.
    pub message: Option<super::Note>,
}

/// A fresh Save view dialog: the chart's name as the view's, its file
/// beside the dataset.
pub fn save_dialog(cx: &PanelContext<'_>) -> super::Dialog {
    let lang = cx.session.lang();
    let name = crate::chart::chart_name(cx.session.settings.chart, lang).to_owned();
    let path = super::views::default_path(cx.doc.path.as_deref(), &name);
    super::Dialog::SaveView(SaveViewDialog {
        name,
        path: path.display().to_string(),
        path_typed: false,
        confirm_replace: false,
        message: None,
    })
}

/// The Save view dialog: name, file, Save and Cancel; asks before
/// replacing a file.
pub fn save_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut SaveViewDialog,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    ui.set_max_width(620.0);
    let before = (dialog.name.clone(), dialog.path.clone());
    egui::Grid::new("save_view_grid")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label(tr(lang, T::ViewName));
            let name = ui
                .add(egui::TextEdit::singleline(&mut dialog.name).desired_width(420.0))
                .labelled_by(label.id);
            if !name.has_focus() && before.0 == dialog.name && ui.memory(|m| m.focused().is_none())
            {
                name.request_focus();
            }
            ui.end_row();
            let label = ui.label(tr(lang, T::ViewFile));
            let path = ui
                .add(egui::TextEdit::singleline(&mut dialog.path).desired_width(420.0))
                .labelled_by(label.id);
            if path.changed() {
                dialog.path_typed = true;
            }
            ui.end_row();
        });
    // Until a file is typed, the file follows the name.
    if dialog.name != before.0 && !dialog.path_typed {
        let path = super::views::default_path(cx.doc.path.as_deref(), &dialog.name);
        dialog.path = path.display().to_string();
    }
    if (dialog.name.clone(), dialog.path.clone()) != before {
        dialog.confirm_replace = false;
        dialog.message = None;
    }
    if let Some(message) = &dialog.message {
        super::style::error_line(ui, message.text(lang));
    }
    let name_ok = !dialog.name.trim().is_empty();
    if !name_ok {
        ui.weak(tr(lang, T::ViewNameNeeded));
    }
    ui.separator();
    let path = PathBuf::from(dialog.path.trim());
    let save = |replace| SessionCommand::SaveView {
        name: dialog.name.trim().to_owned(),
        path: path.clone(),
        replace,
    };
    if dialog.confirm_replace {
        match super::dialogs::confirm_replace_ui(ui, &path, lang) {
            Some(true) => commands.push(save(true)),
            Some(false) => dialog.confirm_replace = false,
            None => {}
        }
        return;
    }
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        let ready = name_ok && !dialog.path.trim().is_empty();
        if (ui
            .add_enabled(ready, egui::Button::new(tr(lang, T::Save)))
            .clicked()
            || enter)
            && ready
        {
            commands.push(save(false));
        }
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CloseDialog);
        }
    });
}

/// The Views menu: save, open a file, the panel, then the views saved.
pub fn menu_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    ui.menu_button(tr(lang, T::Views), |ui| {
        if ui
            .add(egui::Button::new(tr(lang, T::SaveViewMenu)).shortcut_text("Ctrl+S"))
            .clicked()
        {
            commands.push(SessionCommand::OpenSaveViewDialog);
        }
        if ui
            .add(egui::Button::new(tr(lang, T::OpenViewMenu)).shortcut_text("Ctrl+Shift+O"))
            .clicked()
        {
            commands.push(SessionCommand::OpenViewDialog);
        }
        let mut panel = cx.session.views.panel;
        if ui
            .checkbox(&mut panel, tr(lang, T::ViewsPanelMenu))
            .changed()
        {
            commands.push(SessionCommand::ShowViewsPanel(panel));
        }
        ui.separator();
        super::present_panel::menu_ui(cx, ui, commands);
        ui.separator();
        if cx.session.settings.views.is_empty() {
            ui.weak(tr(lang, T::NoSavedViews));
        }
        for view in &cx.session.settings.views {
            if ui
                .button(&view.name)
                .on_hover_text(view.path.display().to_string())
                .clicked()
            {
                commands.push(SessionCommand::OpenView(view.path.clone()));
            }
        }
    });
}

/// The Views panel: the last view opened and what was said about it, the
/// chart's annotations, the views saved.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let convention = cx.session.convention();
    ui.horizontal(|ui| {
        ui.heading(tr(lang, T::Views));
        if ui.button(tr(lang, T::Close)).clicked() {
            commands.push(SessionCommand::ShowViewsPanel(false));
        }
    });
    egui::ScrollArea::vertical().show(ui, |ui| {
        if let Some(opened) = &cx.session.views.last {
            ui.separator();
            let name = opened
                .name
                .clone()
                .unwrap_or_else(|| opened.path.display().to_string());
            ui.strong(fill(lang, T::LastViewOpened, &[&name]))
                .on_hover_text(opened.path.display().to_string());
            if let Some(error) = &opened.error {
                super::style::error_line(ui, error.text(lang));
            } else if opened.notes.is_empty() {
                ui.label(tr(lang, T::ViewOpenedClean));
            } else {
                ui.label(tr(lang, T::ViewNotesHeading));
                for note in &opened.notes {
                    let text = note.text(lang, convention);
                    let label = if note.is_problem() {
                        egui::RichText::new(format!("• {text}")).color(ui.visuals().warn_fg_color)
                    } else {
                        egui::RichText::new(format!("• {text}"))
                    };
                    ui.add(egui::Label::new(label).wrap());
                }
            }
            if opened.before.is_some() && ui.button(tr(lang, T::BackToBefore)).clicked() {
                commands.push(SessionCommand::ViewBack);
            }
        }
        ui.separator();
        super::present_panel::ui(cx, ui, commands);
        ui.separator();
        annotations_ui(cx, ui, commands);
        ui.separator();
        ui.strong(tr(lang, T::SavedViews));
        ui.horizontal(|ui| {
            if ui.button(tr(lang, T::SaveViewMenu)).clicked() {
                commands.push(SessionCommand::OpenSaveViewDialog);
            }
            if ui.button(tr(lang, T::OpenViewMenu)).clicked() {
                commands.push(SessionCommand::OpenViewDialog);
            }
        });
        if cx.session.settings.views.is_empty() {
            ui.weak(tr(lang, T::NoSavedViews));
        }
        for view in &cx.session.settings.views {
            ui.horizontal(|ui| {
                if ui
                    .button(tr(lang, T::OpenThisView))
                    .on_hover_text(view.path.display().to_string())
                    .clicked()
                {
                    commands.push(SessionCommand::OpenView(view.path.clone()));
                }
                super::present_panel::add_view_button(ui, lang, &view.path, commands);
                if ui
                    .small_button("×")
                    .on_hover_text(tr(lang, T::ForgetView))
                    .clicked()
                {
                    commands.push(SessionCommand::ForgetView(view.path.clone()));
                }
                ui.label(&view.name)
                    .on_hover_text(view.path.display().to_string());
            });
        }
    });
}

/// The chart's annotations, each with Remove.
fn annotations_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let chart = cx.session.settings.chart;
    ui.horizontal(|ui| {
        ui.strong(tr(lang, T::Annotations));
        if ui.button(tr(lang, T::AnnotateMenu)).clicked() {
            commands.push(SessionCommand::OpenAnnotateDialog);
        }
    });
    let annotations = cx.session.annotations_of(chart);
    if annotations.is_empty() {
        ui.weak(tr(lang, T::NoAnnotations));
    }
    for (i, annotation) in annotations.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.small_button(tr(lang, T::RemoveAnnotation)).clicked() {
                commands.push(SessionCommand::RemoveAnnotation(chart, i));
            }
            ui.add(egui::Label::new(describe(annotation, &cx.doc.dataset, lang)).wrap());
        });
        // A note kept from before whose figure this dataset lacks.
        if let Some(detached) = crate::view::kept::detached(
            &std::iter::once((chart, vec![annotation.clone()])).collect(),
            &cx.doc.dataset,
        )
        .pop()
        {
            let warn = ui.visuals().warn_fg_color;
            ui.add(egui::Label::new(egui::RichText::new(detached.text(lang)).color(warn)).wrap());
        }
    }
    // Those on the other charts too, so none goes unsaid.
    for detached in crate::view::kept::detached(&cx.session.annotations, &cx.doc.dataset)
        .into_iter()
        .filter(|d| d.chart != chart)
    {
        let on = crate::chart::chart_name(detached.chart, lang);
        let text = format!("{on}: {}", detached.text(lang));
        let warn = ui.visuals().warn_fg_color;
        ui.add(egui::Label::new(egui::RichText::new(text).color(warn)).wrap());
    }
}

/// An annotation in a line, in `lang`: what it is on, and the user's
/// words as written.
pub fn describe(
    annotation: &Annotation,
    data: &crate::dataset::Dataset,
    lang: crate::i18n::Lang,
) -> String {
    match annotation {
        Annotation::Note { figure, text } => fill(lang, T::DescribeNote, &[figure, text]),
        Annotation::CellNote { row, plan, text } => {
            // Named where the dataset has the cell, by its ids where not.
            let (row, plan) = annotation.cell(data).map_or_else(
                || (row.id().to_owned(), plan.to_string()),
                |cell| cell.names(data, lang),
            );
            fill(lang, T::DescribeCellNote, &[&row, &plan, text])
        }
        Annotation::Span { from, to, label } => fill(lang, T::DescribeSpan, &[from, to, label]),
        Annotation::Line { value, label } => fill(lang, T::DescribeLine, &[value, label]),
    }
}
