//! The review's dialogs and offers: a draft of the document to import is
//! there already (resume it, or start again); Save as new edition (a new
//! file, an existing one only after asking); and, above the window, the
//! offer to resume a review under way ("Resume / Discard / Later").

use std::path::PathBuf;

use super::import_job::{Found, draft_error};
use super::review::{ReviewCommand, ReviewSession};
use super::{Commands, PanelContext, SessionCommand};
use crate::i18n::{Lang, T, fill, tr};
use crate::view::review::progress_text;

/// A draft of the document is there already.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftExistsDialog {
    /// The document asked for.
    pub document: PathBuf,
    /// The draft there, and how far its review has got.
    pub found: Found,
}

/// The Save as new edition dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveEditionDialog {
    /// Where to write.
    pub path: String,
    /// The file exists and the user must agree to replace it.
    pub confirm_replace: bool,
    /// The app's own picker for where to write, when Browse opened it.
    pub picker: Option<super::file_picker::Picker>,
    /// Why the last try failed.
    pub message: Option<super::Note>,
}

/// A fresh Save as new edition dialog: a new file named after the dataset
/// and today, beside the draft.
pub fn save_dialog(review: &ReviewSession) -> super::Dialog {
    let today = crate::import::to_json::today();
    super::Dialog::SaveEdition(SaveEditionDialog {
        path: crate::import::edition_path(&review.draft, &today)
            .display()
            .to_string(),
        confirm_replace: false,
        picker: None,
        message: None,
    })
}

/// How far a found draft's review has got, or why it cannot be resumed.
fn found_text(lang: Lang, found: &Found, valid: T, invalid: T) -> String {
    match &found.progress {
        Ok(progress) => fill(
            lang,
            valid,
            &[
                &found.document,
                &progress_text(lang, *progress),
                &found.draft.display(),
            ],
        ),
        Err(error) => fill(
            lang,
            invalid,
            &[
                &found.document,
                &found.draft.display(),
                &draft_error(lang, error),
            ],
        ),
    }
}

/// A draft of the document is there: Resume (when it loads), Start
/// again, Cancel.
pub fn draft_exists_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &DraftExistsDialog,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    ui.set_max_width(560.0);
    ui.add(
        egui::Label::new(found_text(
            lang,
            &dialog.found,
            T::DraftExists,
            T::DraftExistsInvalid,
        ))
        .wrap(),
    );
    ui.separator();
    ui.horizontal(|ui| {
        if dialog.found.progress.is_ok() {
            let resume = ui
                .button(tr(lang, T::ResumeReview))
                .on_hover_text(tr(lang, T::ResumeReviewHint));
            // The choice that loses nothing has the keyboard first.
            if !ui.ctx().memory(|m| m.focused().is_some()) {
                resume.request_focus();
            }
            if resume.clicked() {
                commands.push(SessionCommand::CloseDialog);
                commands.push(SessionCommand::Review(ReviewCommand::Resume(
                    dialog.found.draft.clone(),
                )));
            }
        }
        if ui
            .button(tr(lang, T::StartAgain))
            .on_hover_text(tr(lang, T::StartAgainHint))
            .clicked()
        {
            commands.push(SessionCommand::CloseDialog);
            commands.push(SessionCommand::Review(ReviewCommand::Import {
                document: dialog.document.clone(),
                replace: true,
            }));
        }
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CloseDialog);
        }
    });
}

/// Save as new edition: what it writes, the records still unreviewed, the
/// file (Browse where there is a file dialog, the app's picker where
/// not), Save (asking before replacing a file), Cancel.
pub fn save_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut SaveEditionDialog,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    ui.set_max_width(620.0);
    let today = crate::import::to_json::today();
    ui.add(egui::Label::new(fill(lang, T::SaveEditionIntro, &[&today])).wrap());
    if let Some(review) = cx.review {
        let (reviewed, total) = review.progress();
        if reviewed < total {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                fill(lang, T::SaveEditionPending, &[&(total - reviewed)]),
            );
        }
    }
    let before = dialog.path.clone();
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, T::FileColon));
        ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(420.0))
            .labelled_by(label.id);
        let file_name = super::file_picker::file_name_of(&dialog.path);
        let pick = move || {
            rfd::FileDialog::new()
                .add_filter(tr(lang, T::FilterDataset), &["json"])
                .set_file_name(file_name.clone())
                .save_file()
        };
        let native = (cx.session.native_dialogs && super::dialogs::native_dialog_available())
            .then_some(&pick as &dyn Fn() -> Option<PathBuf>);
        super::file_picker::save_browse_ui(ui, native, &mut dialog.path, &mut dialog.picker, lang);
    });
    if let Some(picker) = &mut dialog.picker {
        super::file_picker::save_body_ui(ui, &mut dialog.path, picker, lang);
    }
    // "Replace?" was asked of one file; another asks again.
    if dialog.path != before {
        dialog.confirm_replace = false;
        dialog.message = None;
    }
    if let Some(message) = &dialog.message {
        super::style::error_line(ui, message.text(lang));
    }
    ui.separator();
    let path = PathBuf::from(dialog.path.trim());
    let save = |replace| {
        SessionCommand::Review(ReviewCommand::Save {
            path: path.clone(),
            replace,
        })
    };
    if dialog.confirm_replace {
        match super::dialogs::confirm_replace_ui(ui, &path, lang) {
            Some(true) => commands.push(save(true)),
            Some(false) => dialog.confirm_replace = false,
            None => {}
        }
        return;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !dialog.path.trim().is_empty(),
                egui::Button::new(tr(lang, T::SaveButton)),
            )
            .clicked()
        {
            commands.push(save(false));
        }
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CloseDialog);
        }
    });
}

/// The offer to resume a review under way, above the window: what it is
/// and how far it has got, Resume (when the draft loads), Discard, Later.
pub fn offer_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let Some(found) = &cx.session.resume_offer else {
        return;
    };
    let lang = cx.session.lang();
    ui.horizontal_wrapped(|ui| {
        ui.label(found_text(
            lang,
            found,
            T::ResumeOffer,
            T::ResumeOfferInvalid,
        ));
        if found.progress.is_ok()
            && ui
                .button(tr(lang, T::ResumeReview))
                .on_hover_text(tr(lang, T::ResumeReviewHint))
                .clicked()
        {
            commands.push(SessionCommand::Review(ReviewCommand::Resume(
                found.draft.clone(),
            )));
        }
        if ui
            .button(tr(lang, T::DiscardDraft))
            .on_hover_text(fill(lang, T::DiscardDraftHint, &[&found.draft.display()]))
            .clicked()
        {
            commands.push(SessionCommand::Review(ReviewCommand::Discard(
                found.draft.clone(),
            )));
        }
        if ui.button(tr(lang, T::Later)).clicked() {
            commands.push(SessionCommand::Review(ReviewCommand::DismissOffer));
        }
    });
}
