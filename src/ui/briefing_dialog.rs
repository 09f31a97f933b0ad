//! File > Export briefing…: the measures the tree shows (its search and
//! filters, or everything) written as a PDF or a Word document on a worker
//! thread, with a progress bar and Cancel, so the window keeps drawing while
//! a large briefing is written.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use super::note::{Failure, Note};
use super::{AppState, Command, Dialog, PanelContext};
use crate::briefing::{self, BriefingError, Format, Options, Progress};
use crate::i18n::{T, fill, tr};
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
pub struct Job {
    /// How far it has got; Cancel sets its flag.
    pub progress: Arc<Progress>,
    /// The file it writes.
    pub path: PathBuf,
    receiver: Receiver<Outcome>,
}

/// How a briefing's worker ended.
enum Outcome {
    Written,
    Cancelled,
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
        fill(T::BriefingSelectionFiltered, &[&nodes, &plans])
    } else {
        fill(T::BriefingSelectionAll, &[&state.doc.dataset.nodes.len()])
    }
}

/// The dialog's contents.
pub fn ui(
    state: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut BriefingDialog,
    commands: &mut Vec<Command>,
) {
    ui.set_max_width(560.0);
    ui.add(egui::Label::new(tr(T::BriefingIntro)).wrap());
    ui.add_space(6.0);
    ui.strong(selection_text(state));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(T::BriefingChartsColon));
        for chart in ChartId::ALL {
            let mut on = dialog.charts.contains(&chart);
            if ui
                .checkbox(
                    &mut on,
                    crate::chart::chart_name(chart, crate::i18n::lang()),
                )
                .changed()
            {
                if on {
                    dialog.charts.insert(chart);
                } else {
                    dialog.charts.remove(&chart);
                }
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(tr(T::FileColon));
        let field = ui
            .add(egui::TextEdit::singleline(&mut dialog.path).desired_width(400.0))
            .labelled_by(label.id);
        if field.changed() {
            dialog.confirm_replace = false;
        }
        let file_name = super::file_picker::file_name_of(&dialog.path);
        let pick = move || {
            rfd::FileDialog::new()
                .add_filter(tr(T::FilterPdf), &["pdf"])
                .add_filter("Word", &["docx"])
                .set_file_name(file_name.clone())
                .save_file()
        };
        let native = (state.session.native_dialogs && super::dialogs::native_dialog_available())
            .then_some(&pick as &dyn Fn() -> Option<PathBuf>);
        if super::file_picker::save_browse(ui, native, &mut dialog.path, &mut dialog.picker) {
            dialog.confirm_replace = false;
        }
    });
    if let Some(picker) = &mut dialog.picker
        && super::file_picker::save_body(ui, &mut dialog.path, picker)
    {
        dialog.confirm_replace = false;
    }
    ui.separator();
    if let Some(job) = state.briefing {
        ui.label(tr(T::BriefingWriting));
        ui.add(egui::ProgressBar::new(job.progress.fraction()).show_percentage());
        if ui.button(tr(T::Cancel)).clicked() {
            commands.push(Command::CancelBriefing);
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
        match super::dialogs::confirm_replace_ui(ui, &path) {
            Some(true) => commands.push(Command::WriteBriefing(request(true))),
            Some(false) => dialog.confirm_replace = false,
            None => {}
        }
        return;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !dialog.path.trim().is_empty(),
                egui::Button::new(tr(T::BriefingWrite)),
            )
            .clicked()
        {
            if path.exists() {
                dialog.confirm_replace = true;
            } else {
                commands.push(Command::WriteBriefing(request(false)));
            }
        }
        if ui.button(tr(T::Cancel)).clicked() {
            commands.push(Command::ShowDialog(None));
        }
    });
    if let Some(message) = &state.session.export_message {
        ui.weak(message.text());
    }
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
        lang: state.session.lang,
        convention: state.session.convention,
        charts: Some(request.charts.clone()),
        date: crate::chart::render::today(),
    };
    let progress = Arc::new(Progress::default());
    let (sender, receiver) = std::sync::mpsc::channel();
    let worker_progress = Arc::clone(&progress);
    let target = path.clone();
    let replace = request.replace;
    std::thread::spawn(move || {
        let outcome = match briefing::bytes(&dataset, &filter, &options, format, &worker_progress) {
            Err(BriefingError::Cancelled) => Outcome::Cancelled,
            Err(other) => Outcome::Failed(other.into()),
            Ok(bytes) => match if replace {
                crate::output::write_atomic(&target, &bytes)
            } else {
                // A file that appeared since the user was asked is kept.
                crate::output::write_new(&target, &bytes)
            } {
                Ok(()) => Outcome::Written,
                Err(e) => Outcome::Failed(e.into()),
            },
        };
        // The window may have gone; then nobody needs the answer.
        let _ = sender.send(outcome);
    });
    state.briefing_job = Some(Job {
        progress,
        path,
        receiver,
    });
}

/// Takes the finished briefing's result, if it has come, and keeps the
/// window drawing while it has not.
pub fn poll(state: &mut AppState, ctx: &egui::Context) {
    let Some(job) = &state.briefing_job else {
        return;
    };
    match job.receiver.try_recv() {
        Err(TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        Ok(outcome) => {
            let path = job.path.clone();
            state.briefing_job = None;
            match outcome {
                Outcome::Written => {
                    state.session.status = Some(Note::Wrote(path));
                    state.session.dialog = None;
                }
                Outcome::Cancelled => {
                    state.session.status = Some(Note::BriefingCancelled);
                    state
                        .session
                        .export_message
                        .clone_from(&state.session.status);
                }
                Outcome::Failed(failure) => {
                    state.session.status = Some(Note::ExportFailed(failure));
                    state
                        .session
                        .export_message
                        .clone_from(&state.session.status);
                }
            }
        }
        Err(TryRecvError::Disconnected) => {
            state.briefing_job = None;
            state.session.status = Some(Note::ExportFailed(Failure::BriefingWorkerStopped));
        }
    }
}
