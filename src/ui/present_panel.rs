//! The presentation in the Views panel (its slides in order, each with
//! Move up, Move down and Remove; Add what is on screen; Present; the file
//! actions) and the dialog that saves, opens, exports or briefs it.

use std::path::PathBuf;

use super::present::{FileAction, PresentCommand};
use super::{Commands, PanelContext, SessionCommand};
use crate::i18n::{T, fill, tr};

/// The presentation's file dialog: a path (and a name, to save) for one
/// action.
#[derive(Clone, Debug, PartialEq)]
pub struct PresentationDialog {
    /// What the dialog does.
    pub action: FileAction,
    /// The presentation's name (for Save).
    pub name: String,
    /// The file.
    pub path: String,
    /// The file exists and the user must agree to replace it.
    pub confirm_replace: bool,
    /// Why the last try failed.
    pub message: Option<super::Note>,
}

/// A fresh dialog for `action`: the presentation's file, else one named
/// after it beside the presentation, else beside the dataset, else in the
/// home folder.
pub fn file_dialog(cx: &PanelContext<'_>, action: FileAction) -> super::Dialog {
    let deck = &cx.session.presentation;
    let lang = cx.session.lang();
    let name = if deck.name.is_empty() {
        tr(lang, T::PresentationDefaultName).to_owned()
    } else {
        deck.name.clone()
    };
    let folder = deck
        .path
        .as_deref()
        .or(cx.doc.path.as_deref())
        .and_then(std::path::Path::parent)
        .map(std::path::Path::to_path_buf)
        // The built-in dataset has no folder: the home folder, not
        // wherever the app happened to be started.
        .or_else(std::env::home_dir)
        .unwrap_or_default();
    let file = crate::view::presentation::file_name(&name);
    let stem = file.trim_end_matches(".presentation.json");
    let path = match action {
        FileAction::Save => deck.path.clone().unwrap_or_else(|| folder.join(&file)),
        FileAction::Open => PathBuf::new(),
        FileAction::ExportPdf => folder.join(format!("{stem}.pdf")),
        FileAction::Briefing => folder.join(format!("{stem}-briefing.pdf")),
    };
    super::Dialog::Presentation(PresentationDialog {
        action,
        name,
        path: if path.as_os_str().is_empty() {
            String::new()
        } else {
            path.display().to_string()
        },
        confirm_replace: false,
        message: None,
    })
}

/// The dialog's title.
pub fn title(dialog: &PresentationDialog, lang: crate::i18n::Lang) -> &'static str {
    tr(
        lang,
        match dialog.action {
            FileAction::Save => T::SavePresentationTitle,
            FileAction::Open => T::OpenPresentationTitle,
            FileAction::ExportPdf => T::ExportPresentationTitle,
            FileAction::Briefing => T::PresentationBriefingTitle,
        },
    )
}

/// The dialog: name (to save) and file, the action and Cancel; asks
/// before replacing a file.
pub fn dialog_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut PresentationDialog,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    ui.set_max_width(620.0);
    ui.add(
        egui::Label::new(tr(
            lang,
            match dialog.action {
                FileAction::Save | FileAction::Open => T::PresentationFileIntro,
                FileAction::ExportPdf => T::PresentationPdfIntro,
                FileAction::Briefing => T::PresentationBriefingIntro,
            },
        ))
        .wrap(),
    );
    let before = (dialog.name.clone(), dialog.path.clone());
    egui::Grid::new("presentation_file_grid")
        .num_columns(2)
        .show(ui, |ui| {
            if dialog.action == FileAction::Save {
                let label = ui.label(tr(lang, T::ViewName));
                ui.add(egui::TextEdit::singleline(&mut dialog.name).desired_width(420.0))
                    .labelled_by(label.id);
                ui.end_row();
            }
            let label = ui.label(tr(lang, T::ViewFile));
            let path = ui
                .add(egui::TextEdit::singleline(&mut dialog.path).desired_width(420.0))
                .labelled_by(label.id);
            if dialog.action == FileAction::Open && ui.memory(|m| m.focused().is_none()) {
                path.request_focus();
            }
            ui.end_row();
        });
    if (dialog.name.clone(), dialog.path.clone()) != before {
        dialog.confirm_replace = false;
        dialog.message = None;
    }
    if let Some(message) = &dialog.message {
        super::style::error_line(ui, message.text(lang));
    }
    ui.separator();
    let path = PathBuf::from(dialog.path.trim());
    let paper = super::scene_painter::paper(ui);
    let command = |replace| {
        SessionCommand::Present(PresentCommand::File {
            action: dialog.action,
            name: dialog.name.trim().to_owned(),
            path: path.clone(),
            replace,
            paper,
        })
    };
    if dialog.confirm_replace {
        match super::dialogs::confirm_replace_ui(ui, &path, lang) {
            Some(true) => commands.push(command(true)),
            Some(false) => dialog.confirm_replace = false,
            None => {}
        }
        return;
    }
    if cx.briefing.is_some() {
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new());
            ui.label(tr(lang, T::PresentationWriting));
            if ui.button(tr(lang, T::Cancel)).clicked() {
                commands.push(SessionCommand::CancelBriefing);
            }
        });
        return;
    }
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        let ready = !dialog.path.trim().is_empty()
            && (dialog.action != FileAction::Save || !dialog.name.trim().is_empty());
        let label = tr(
            lang,
            match dialog.action {
                FileAction::Save => T::Save,
                FileAction::Open => T::OpenButton,
                FileAction::ExportPdf | FileAction::Briefing => T::WriteButton,
            },
        );
        if (ui.add_enabled(ready, egui::Button::new(label)).clicked() || enter) && ready {
            commands.push(command(false));
        }
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CloseDialog);
        }
    });
}

fn push(commands: &mut Commands, command: PresentCommand) {
    commands.push(SessionCommand::Present(command));
}

/// The presentation's part of the Views panel.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let convention = cx.session.convention();
    let deck = &cx.session.presentation;
    ui.strong(tr(lang, T::Presentation));
    // Long names wrap or are cut short: the panel keeps its width.
    if !deck.name.is_empty() {
        ui.add(egui::Label::new(format!("“{}”", deck.name)).wrap());
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(
                !deck.slides.is_empty(),
                egui::Button::new(tr(lang, T::PresentButton)),
            )
            .on_hover_text(tr(lang, T::PresentHint))
            .clicked()
        {
            push(commands, PresentCommand::Start { from_chosen: false });
            ui.ctx().request_repaint();
        }
        if ui.button(tr(lang, T::AddShownSlide)).clicked() {
            push(commands, PresentCommand::AddShown);
        }
    });
    if deck.slides.is_empty() {
        ui.weak(tr(lang, T::NoSlides));
    }
    slides_ui(cx, ui, commands);
    ui.horizontal_wrapped(|ui| {
        for (action, text) in [
            (FileAction::Save, T::SavePresentationMenu),
            (FileAction::Open, T::OpenPresentationMenu),
            (FileAction::ExportPdf, T::ExportPresentationMenu),
            (FileAction::Briefing, T::PresentationBriefingMenu),
        ] {
            let needs_slides = action != FileAction::Open;
            if ui
                .add_enabled(
                    !needs_slides || !deck.slides.is_empty(),
                    egui::Button::new(tr(lang, text)),
                )
                .clicked()
            {
                push(commands, PresentCommand::OpenDialog(action));
            }
        }
        if !deck.slides.is_empty() && ui.button(tr(lang, T::NewPresentation)).clicked() {
            push(commands, PresentCommand::Clear);
        }
    });
    if let Some(error) = &deck.error {
        super::style::error_line(ui, error.text(lang));
    }
    if !deck.notes.is_empty() {
        let path = deck.path.clone().unwrap_or_default();
        ui.label(tr(lang, T::PresentationNotesHeading));
        for note in &deck.notes {
            let text = format!("• {}", note.text(lang, convention, &path));
            let text = if note.is_problem() {
                egui::RichText::new(text).color(ui.visuals().warn_fg_color)
            } else {
                egui::RichText::new(text)
            };
            ui.add(egui::Label::new(text).wrap());
        }
    }
}

/// A saved view's "add as a slide" button, beside its Open in the panel.
pub fn add_view_button(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    path: &std::path::Path,
    commands: &mut Commands,
) {
    if ui
        .small_button("+")
        .on_hover_text(tr(lang, T::AddViewSlide))
        .clicked()
    {
        push(commands, PresentCommand::AddView(path.to_owned()));
    }
}

/// The Views menu's presentation entries: Present, Open presentation.
pub fn menu_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let slides = cx.session.presentation.slides.len();
    if ui
        .add_enabled(
            slides > 0,
            egui::Button::new(fill(lang, T::PresentMenu, &[&slides])).shortcut_text("F5"),
        )
        .clicked()
    {
        push(commands, PresentCommand::Start { from_chosen: false });
        ui.ctx().request_repaint();
    }
    if ui.button(tr(lang, T::OpenPresentationMenu)).clicked() {
        push(commands, PresentCommand::OpenDialog(FileAction::Open));
    }
}

/// The slides in order, each with Move up, Move down and Remove, and its
/// name to choose it (a double click presents from it).
fn slides_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let deck = &cx.session.presentation;
    let count = deck.slides.len();
    // The buttons first, so they stand in one column whatever the names.
    for (i, view) in deck.slides.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(i > 0, egui::Button::new("↑").small())
                .on_hover_text(fill(lang, T::MoveSlideUp, &[&(i + 1)]))
                .clicked()
            {
                push(commands, PresentCommand::Move { from: i, to: i - 1 });
            }
            if ui
                .add_enabled(i + 1 < count, egui::Button::new("↓").small())
                .on_hover_text(fill(lang, T::MoveSlideDown, &[&(i + 1)]))
                .clicked()
            {
                push(commands, PresentCommand::Move { from: i, to: i + 1 });
            }
            if ui
                .small_button("×")
                .on_hover_text(fill(lang, T::RemoveSlide, &[&(i + 1)]))
                .clicked()
            {
                push(commands, PresentCommand::Remove(i));
            }
            let chosen = deck.cursor == Some(i);
            let row = ui
                .add(
                    egui::Button::selectable(chosen, format!("{}. {}", i + 1, view.name))
                        .truncate(),
                )
                .on_hover_text(fill(
                    lang,
                    T::SlideRowHint,
                    &[&crate::chart::chart_name(view.chart.value(), lang)],
                ));
            if row.double_clicked() {
                push(commands, PresentCommand::Choose(i));
                push(commands, PresentCommand::Start { from_chosen: true });
                ui.ctx().request_repaint();
            } else if row.clicked() {
                push(commands, PresentCommand::Choose(i));
            }
        });
    }
}
