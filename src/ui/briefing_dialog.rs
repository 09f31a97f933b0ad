//! File > Export briefing…: the measures the tree shows (its search and
//! filters, or everything) written as a PDF or a Word document on a worker
//! thread, with a progress bar and Cancel, so the window keeps drawing while
//! a large briefing is written.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::dialogs::Dialog;
use super::messages::{Failure, Note};
use super::{AppState, Commands, PanelContext, SessionCommand};
use crate::briefing::{self, BriefingError, Format, Options};
use crate::i18n::{T, fill, tr};
use crate::job::{Job, Poll};
use crate::view::charts::ChartId;

/// The Export briefing dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefingDialog {
    /// Where to write; `.pdf` or `.docx`.
    pub path: String,
    /// The charts to include.
    pub charts: BTreeSet<ChartId>,
    /// Set when the file exists and the user must agree to replace it.
    pub confirm_replace: bool,
    /// The app's own picker for where to write, when Browse opened it.
    pub picker: Option<super::file_picker::Picker>,
}

/// What to write, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct BriefingRequest {
    /// The file.
    pub path: PathBuf,
    /// The charts to include.
    pub charts: Vec<ChartId>,
    /// Replace the file if it exists (the user agreed).
    pub replace: bool,
}

/// A briefing being written on a worker thread.
pub struct BriefingJob {
    /// The file it writes.
    pub path: PathBuf,
    /// The work, its progress and its Cancel.
    pub job: Job<Outcome>,
}

/// How a briefing's worker ended.
#[derive(Debug)]
pub enum Outcome {
    /// The file is written.
    Written,
    /// The user cancelled; nothing was written.
    Cancelled,
    /// Why it could not be written.
    Failed(Failure),
}

/// A fresh dialog: a file beside the dataset (or in the home folder) and
/// every chart.
pub fn dialog(state: &PanelContext<'_>) -> Dialog {
    let folder = state
        .doc
        .path
        .as_ref()
        .and_then(|p| p.parent())
        .map(PathBuf::from)
        .or_else(std::env::home_dir)
        .unwrap_or_default();
    let name = format!("briefing-{}.pdf", state.doc.dataset.edition);
    Dialog::Briefing(BriefingDialog {
        path: folder.join(name).display().to_string(),
        charts: ChartId::ALL.into_iter().collect(),
        confirm_replace: false,
        picker: None,
    })
}

/// What will be written: the tree's search and filters, or everything.
fn selection_text(state: &PanelContext<'_>) -> String {
    let lang = state.session.lang();
    // What the tree shows is what is written.
    let nodes = state
        .doc
        .tree
        .rows
        .iter()
        .filter(|r| matches!(r.item, crate::selection::Item::Node(_)))
        .count();
    if state.doc.filter.is_active() {
        let plans = state
            .doc
            .tree
            .rows
            .iter()
            .filter(|r| matches!(r.item, crate::selection::Item::Plan(_)))
            .count();
        fill(lang, T::BriefingSelectionFiltered, &[&nodes, &plans])
    } else {
        fill(
            lang,
            T::BriefingSelectionAll,
            &[&state.doc.dataset.nodes.len()],
        )
    }
}

/// The dialog's contents.
pub fn ui(
    state: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut BriefingDialog,
    commands: &mut Commands,
) {
    let lang = state.session.lang();
    ui.set_max_width(560.0);
    ui.add(egui::Label::new(tr(lang, T::BriefingIntro)).wrap());
    ui.add_space(6.0);
    ui.strong(selection_text(state));
    // What the last attempt said goes once the user changes anything.
    let confirming = dialog.confirm_replace;
    let mut edited = charts_ui(ui, &mut dialog.charts, lang);
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, T::FileColon));
        let field = ui
            .add(egui::TextEdit::singleline(&mut dialog.path).desired_width(400.0))
            .labelled_by(label.id);
        if field.changed() {
            dialog.confirm_replace = false;
            edited = true;
        }
        let file_name = super::file_picker::file_name_of(&dialog.path);
        let pick = move || {
            rfd::FileDialog::new()
                .add_filter(tr(lang, T::FilterPdf), &["pdf"])
                .add_filter("Word", &["docx"])
                .set_file_name(file_name.clone())
                .save_file()
        };
        let native = (state.session.native_dialogs && super::dialogs::native_dialog_available())
            .then_some(&pick as &dyn Fn() -> Option<PathBuf>);
        if super::file_picker::save_browse_ui(
            ui,
            native,
            &mut dialog.path,
            &mut dialog.picker,
            lang,
        ) {
            dialog.confirm_replace = false;
            edited = true;
        }
    });
    if let Some(picker) = &mut dialog.picker
        && super::file_picker::save_body_ui(ui, &mut dialog.path, picker, lang)
    {
        dialog.confirm_replace = false;
        edited = true;
    }
    if (edited || dialog.confirm_replace != confirming) && state.session.export_message.is_some() {
        commands.push(SessionCommand::ClearDialogMessage);
    }
    ui.separator();
    if let Some(job) = state.briefing {
        ui.label(tr(lang, T::BriefingWriting));
        ui.add(
            egui::ProgressBar::new(job.job.progress().fraction().unwrap_or(0.0)).show_percentage(),
        );
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CancelBriefing);
        }
        return;
    }
    let path = PathBuf::from(dialog.path.trim());
    let request = |replace| BriefingRequest {
        path: path.clone(),
        charts: ChartId::ALL
            .into_iter()
            .filter(|c| dialog.charts.contains(c))
            .collect(),
        replace,
    };
    // An existing file is replaced only when the user agrees.
    if dialog.confirm_replace {
        match super::dialogs::confirm_replace_ui(ui, &path, lang) {
            Some(true) => commands.push(SessionCommand::WriteBriefing(request(true))),
            Some(false) => dialog.confirm_replace = false,
            None => {}
        }
        return;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !dialog.path.trim().is_empty(),
                egui::Button::new(tr(lang, T::BriefingWrite)),
            )
            .clicked()
        {
            if path.exists() {
                dialog.confirm_replace = true;
            } else {
                commands.push(SessionCommand::WriteBriefing(request(false)));
            }
        }
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CloseDialog);
        }
    });
    if let Some(message) = &state.session.export_message {
        ui.weak(message.text(lang));
    }
}

/// A checkbox for each chart, on for those to include; whether one was
/// changed.
fn charts_ui(ui: &mut egui::Ui, charts: &mut BTreeSet<ChartId>, lang: crate::i18n::Lang) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, T::BriefingChartsColon));
        for chart in ChartId::ALL {
            let mut on = charts.contains(&chart);
            if ui
                .checkbox(&mut on, crate::chart::chart_name(chart, lang))
                .changed()
            {
                if on {
                    charts.insert(chart);
                } else {
                    charts.remove(&chart);
                }
                changed = true;
            }
        }
    });
    changed
}

/// Starts writing the briefing the request asks for; the window polls it.
pub fn start(state: &mut AppState, request: &BriefingRequest) {
    let path = std::path::absolute(&request.path).unwrap_or_else(|_| request.path.clone());
    let format = match Format::of_file(&path) {
        Ok(format) => format,
        Err(error) => {
            state.session.status = Some(Note::ExportFailed(error.into()));
            state
                .session
                .export_message
                .clone_from(&state.session.status);
            return;
        }
    };
    let dataset = state.doc.dataset.clone();
    let filter = state.doc.filter.clone();
    let options = Options {
        lang: state.session.lang(),
        convention: state.session.convention(),
        charts: Some(request.charts.clone()),
        date: crate::chart::render::today(),
        // The charts carry the user's annotations, as on screen.
        annotations: state.session.annotations.clone(),
    };
    let target = path.clone();
    let replace = request.replace;
    let spawned =
        Job::spawn(
            "write briefing",
            Arc::clone(&state.wake),
            move |progress| match briefing::bytes(&dataset, &filter, &options, format, progress) {
                Err(BriefingError::Cancelled) => Outcome::Cancelled,
                Err(other) => Outcome::Failed(other.into()),
                // A file that appeared since the user was asked is kept.
                Ok(bytes) => match crate::output::write(&target, &bytes, replace) {
                    Ok(()) => Outcome::Written,
                    Err(e) => Outcome::Failed(e.into()),
                },
            },
        );
    match spawned {
        Ok(job) => state.briefing_job = Some(BriefingJob { path, job }),
        Err(error) => {
            state.session.status = Some(Note::ExportFailed(Failure::NoThread {
                reason: crate::dataset::IoReason::of(&error),
                path,
            }));
            state
                .session
                .export_message
                .clone_from(&state.session.status);
        }
    }
}

/// Takes the finished briefing's result, if it has come. The job wakes the
/// window when it has news, so nothing here asks for frames.
pub fn poll(state: &mut AppState) {
    let Some(briefing) = &state.briefing_job else {
        return;
    };
    let outcome = match briefing.job.poll() {
        Poll::Running => return,
        Poll::Done(outcome) => outcome,
        Poll::Lost => Outcome::Failed(Failure::BriefingWorkerStopped),
    };
    let path = briefing.path.clone();
    state.briefing_job = None;
    match outcome {
        Outcome::Written => {
            state.session.status = Some(Note::Wrote(path));
            state.dialog = None;
        }
        Outcome::Cancelled => {
            state.session.status = Some(Note::BriefingCancelled);
            state
                .session
                .export_message
                .clone_from(&state.session.status);
        }
        Outcome::Failed(message) => {
            state.session.status = Some(Note::ExportFailed(message));
            state
                .session
                .export_message
                .clone_from(&state.session.status);
        }
    }
}
