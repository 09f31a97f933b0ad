//! What panels ask for ([`Command`]) and the one place it is carried out
//! ([`AppState::apply`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::dialogs::Dialog;
use super::document::Carry;
use super::loading::{LoadJob, Outcome, Trigger};
use super::messages::{Failure, LoadProblem, LoadProblems, Note};
use super::review::ReviewCommand;
use super::state::{AppState, BottomTab, SearchScope};
use super::{briefing_dialog, dialogs, export};
use crate::i18n::Lang;
use crate::selection::Item;
use crate::view::amount::Convention;
use crate::view::charts::{ChartId, LegendKey, TargetColumn};
use crate::view::doc_search::DocSearch;
use crate::view::tree::TreeFilter;

/// Something a panel asks the app to do: a change to the document on
/// screen, or to the session around it. The two are told apart by type, so
/// a frame drops the document commands made before a load swapped the
/// document, and carries out the others.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A change to the document the command was made on.
    Doc(DocCommand),
    /// A change to the session (preferences, dialogs, files, background
    /// work), whatever document is on screen.
    Session(SessionCommand),
}

/// A change to the document on screen: it points into the dataset (an
/// item, a filter, a legend entry) or its history, so it means nothing for
/// another document.
#[derive(Clone, Debug, PartialEq)]
pub enum DocCommand {
    /// Select an item (and reveal it in the tree if it is a node).
    Select(Item),
    /// Go back in the selection history.
    Back,
    /// Go forward in the selection history.
    Forward,
    /// Open or close one plan or node.
    SetOpen(Item, bool),
    /// Open or close a plan or node and everything below it.
    SetSubtreeOpen(Item, bool),
    /// Open or close everything.
    SetAllOpen(bool),
    /// Replace the filter (search and facets).
    SetFilter(TreeFilter),
    /// Hide a legend entry's series or bars, or show them again.
    ToggleLegend(LegendKey),
}

/// A change to the session: preferences, dialogs, files and background
/// work. None points into the dataset, so it holds whatever the document.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionCommand {
    /// Show another chart.
    ShowChart(ChartId),
    /// Write amounts in another convention.
    SetConvention(Convention),
    /// Follow the system's theme, or force light or dark.
    SetTheme(egui::ThemePreference),
    /// Draw the fund bars on a logarithmic scale, or not.
    SetFundsLogScale(bool),
    /// Sort the targets by a column, ascending or not.
    SortTargets(TargetColumn, bool),
    /// Order the theme map's rows.
    SortThemes(crate::view::themes::ThemeOrder),
    /// Show the charts as tables, or as charts.
    ShowAsTable(bool),
    /// Load a dataset file; it replaces the one on screen only if valid.
    OpenFile(PathBuf),
    /// Load the open file again.
    Reload,
    /// Stop the load in progress; the dataset on screen stays.
    CancelLoad,
    /// Bring a tab of the bottom area to the front.
    ShowBottomTab(BottomTab),
    /// Open the Open dataset dialog.
    OpenDatasetDialog,
    /// Close the dialog: its edits are dropped.
    CloseDialog,
    /// Forget what the last export or briefing said: the user changed the
    /// dialog since.
    ClearDialogMessage,
    /// Open the Export dialog for the chart on screen.
    OpenExportDialog,
    /// Open the Export briefing dialog.
    OpenBriefingDialog,
    /// Write a briefing on a worker thread.
    WriteBriefing(briefing_dialog::BriefingRequest),
    /// Stop the briefing being written.
    CancelBriefing,
    /// Close the banner.
    DismissBanner,
    /// Close the problems panel.
    DismissProblems,
    /// Close the change summary.
    DismissChanges,
    /// Write a chart's picture or data (see [`ExportRequest`]).
    Export(ExportRequest),
    /// Put a chart's picture on the clipboard.
    CopyImage(ChartId, export::ImageOptions),
    /// Show the interface in another language.
    SetLang(Lang),
    /// Open a source document at a passage, in the source viewer.
    OpenSource(crate::dataset::proof::Spot),
    /// Close the source viewer.
    CloseSource,
    /// Search the records or the documents; the words typed go along.
    SetSearchScope(super::state::SearchScope),
    /// Search the documents' texts for these words.
    SearchDocuments(String),
    /// Open the Import document dialog.
    OpenImportDialog,
    /// Stop the import running.
    CancelImport,
    /// Import a document, review a draft, save it (see [`ReviewCommand`]).
    Review(ReviewCommand),
    /// Open the Save view dialog.
    OpenSaveViewDialog,
    /// Open the Open view file dialog.
    OpenViewDialog,
    /// Write what is on screen as a view.
    SaveView {
        /// The view's name.
        name: String,
        /// Its file.
        path: PathBuf,
        /// Replace the file if it exists (the user agreed).
        replace: bool,
    },
    /// Show a saved view on the dataset on screen.
    OpenView(PathBuf),
    /// Go back to what was on screen before the last view opened.
    ViewBack,
    /// Take a view off the Views menu (its file stays).
    ForgetView(PathBuf),
    /// Show or hide the Views panel.
    ShowViewsPanel(bool),
    /// Open the Annotate dialog for the chart on screen.
    OpenAnnotateDialog,
    /// Choose a map's cell (clicked, right-clicked or reached by the
    /// keyboard) for a note on it: the map, the row, the plan's id.
    ChooseCell(
        ChartId,
        crate::view::annotations::CellRow,
        smol_str::SmolStr,
    ),
    /// Add an annotation to a chart.
    Annotate(ChartId, crate::view::annotations::Annotation),
    /// Remove a chart's annotation, by its place in the chart's list.
    RemoveAnnotation(ChartId, usize),
    /// Check a draft against the data (see [`super::check::CheckCommand`]).
    Check(super::check::CheckCommand),
    /// Build, save or show a presentation (see
    /// [`super::present::PresentCommand`]).
    Present(super::present::PresentCommand),
}

impl From<DocCommand> for Command {
    fn from(command: DocCommand) -> Self {
        Self::Doc(command)
    }
}

impl From<SessionCommand> for Command {
    fn from(command: SessionCommand) -> Self {
        Self::Session(command)
    }
}

/// The commands a frame collects while it is drawn, in order; they are
/// carried out after it.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    /// Adds a command, of either kind.
    pub fn push(&mut self, command: impl Into<Command>) {
        self.0.push(command.into());
    }
}

impl IntoIterator for Commands {
    type Item = Command;
    type IntoIter = std::vec::IntoIter<Command>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// What to export, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// Which chart.
    pub chart: ChartId,
    /// The file: `.png` for the picture, `.csv` for the data.
    pub path: PathBuf,
    /// Size, scale and theme of a picture.
    pub image: export::ImageOptions,
    /// Replace the file if it exists (the user agreed).
    pub replace: bool,
}

impl AppState {
    /// Carries out a command.
    pub fn apply(&mut self, command: impl Into<Command>) {
        match command.into() {
            Command::Doc(command) => apply_to_document(&mut self.doc, &command),
            Command::Session(command) => self.apply_to_session(command),
        }
    }

    /// Searches the records or the documents, taking the words typed along.
    fn set_search_scope(&mut self, scope: SearchScope) {
        if self.session.doc_search.scope == scope {
            return;
        }
        self.session.doc_search.scope = scope;
        match scope {
            SearchScope::Documents => {
                // The tree shows everything again: its words now search the
                // documents.
                let mut filter = self.doc.filter.clone();
                let query = std::mem::take(&mut filter.query);
                self.apply(DocCommand::SetFilter(filter));
                self.apply(SessionCommand::SearchDocuments(query));
            }
            SearchScope::Records => {
                let query = std::mem::take(&mut self.session.doc_search.result.query);
                self.session.doc_search.result = DocSearch::default();
                let mut filter = self.doc.filter.clone();
                filter.query = query;
                self.apply(DocCommand::SetFilter(filter));
            }
        }
    }

    /// Carries out a command on the session.
    fn apply_to_session(&mut self, command: SessionCommand) {
        let session = &mut self.session;
        match command {
            SessionCommand::ShowChart(chart) => session.settings.chart = chart,
            // Amounts follow the language until a convention is chosen.
            SessionCommand::SetConvention(convention) => {
                session.settings.convention = Some(convention);
            }
            SessionCommand::SetLang(lang) => session.settings.lang = Some(lang),
            // A place in a source the document does not have (made
            // against another one) is not opened.
            SessionCommand::OpenSource(spot) => {
                if spot.source.index() < self.doc.dataset.sources.len() {
                    session.source = Some(spot);
                }
            }
            SessionCommand::CloseSource => session.source = None,
            SessionCommand::SetSearchScope(scope) => self.set_search_scope(scope),
            SessionCommand::SearchDocuments(query) => {
                session.doc_search.result =
                    DocSearch::new(&self.doc.dataset, &self.doc.proof, &query);
                session.doc_search.generation = self.doc.generation;
            }
            SessionCommand::SetTheme(theme) => session.settings.theme = theme,
            SessionCommand::SetFundsLogScale(on) => session.funds_log_scale = on,
            SessionCommand::SortTargets(column, ascending) => {
                session.targets_sort = (column, ascending);
            }
            SessionCommand::SortThemes(order) => session.theme_order = order,
            SessionCommand::ShowAsTable(on) => session.show_table = on,
            SessionCommand::OpenFile(path) => self.start_load(&path, Trigger::Open),
            // While a file loads, a reload waits for it to end.
            SessionCommand::Reload if self.load_job.is_some() => self.reload_pending = true,
            SessionCommand::Reload => match self.doc.path.clone() {
                Some(path) => self.start_load(&path, Trigger::Reload),
                None => self.session.status = Some(Note::NoFileToReload),
            },
            SessionCommand::CancelLoad => {
                self.reload_pending = false;
                if let Some(job) = self.load_job.take() {
                    job.cancel();
                    self.session.status = Some(Note::LoadCancelled(job.path.clone()));
                }
            }
            SessionCommand::ShowBottomTab(tab) => session.bottom_tab = tab,
            // A dialog opens fresh, without what the last one said.
            SessionCommand::OpenDatasetDialog => {
                session.export_message = None;
                self.dialog = Some(dialogs::open_dialog());
            }
            SessionCommand::OpenImportDialog => {
                session.export_message = None;
                self.dialog = Some(dialogs::import_dialog());
            }
            SessionCommand::Review(command) => self.apply_review(command),
            SessionCommand::Check(command) => self.apply_check(command),
            SessionCommand::Present(command) => self.apply_present(command),
            SessionCommand::CancelImport => self.cancel_import(),
            SessionCommand::OpenExportDialog => {
                let dialog = dialogs::export_dialog(&self.panel_context());
                self.session.export_message = None;
                self.dialog = Some(dialog);
            }
            SessionCommand::OpenBriefingDialog => {
                let dialog = briefing_dialog::dialog(&self.panel_context());
                self.session.export_message = None;
                self.dialog = Some(dialog);
            }
            SessionCommand::CloseDialog => self.dialog = None,
            SessionCommand::ClearDialogMessage => session.export_message = None,
            SessionCommand::WriteBriefing(request) => {
                if self.briefing_job.is_none() {
                    briefing_dialog::start(self, &request);
                }
            }
            SessionCommand::CancelBriefing => {
                if let Some(briefing) = &self.briefing_job {
                    briefing.job.cancel();
                }
            }
            SessionCommand::DismissBanner => session.banner = None,
            SessionCommand::DismissProblems => {
                session.problems = None;
                session.proof_problems_closed = Some(self.doc.generation);
                session.bottom_tab = BottomTab::Changes;
            }
            SessionCommand::DismissChanges => {
                self.doc.changes = None;
                session.bottom_tab = BottomTab::Problems;
            }
            SessionCommand::Export(request) => self.export(&request),
            command @ (SessionCommand::OpenSaveViewDialog
            | SessionCommand::OpenViewDialog
            | SessionCommand::SaveView { .. }
            | SessionCommand::OpenView(_)
            | SessionCommand::ViewBack
            | SessionCommand::ForgetView(_)
            | SessionCommand::ShowViewsPanel(_)
            | SessionCommand::OpenAnnotateDialog
            | SessionCommand::ChooseCell(..)
            | SessionCommand::Annotate(..)
            | SessionCommand::RemoveAnnotation(..)) => self.apply_views(command),
            SessionCommand::CopyImage(chart, options) => self.copy_image(chart, &options),
        }
    }

    /// Starts loading `path` on a worker thread (a load already running is
    /// cancelled); the window keeps drawing and [`Self::poll_load`] takes
    /// the result. A reload asked for while a file is loading waits for
    /// that load to end.
    pub fn start_load(&mut self, path: &Path, trigger: Trigger) {
        // A reload (asked for, or a change on disk) waits for the load
        // running, and is carried out once it ends.
        if self.load_job.is_some() && trigger != Trigger::Open {
            self.reload_pending = true;
            return;
        }
        // Another file opened: the load running is cancelled and gone, so
        // nothing on screen speaks of it even if the new one cannot start.
        if let Some(job) = self.load_job.take() {
            job.cancel();
        }
        let old = (trigger != Trigger::Startup).then(|| Arc::clone(&self.doc.dataset));
        let carry = self.doc.carry();
        match LoadJob::start(path, trigger, carry.clone(), old, Arc::clone(&self.wake)) {
            Ok(job) => self.load_job = Some(job),
            Err(error) => {
                // No thread to load on: said as a load that failed, in the
                // banner at start-up and in the problems panel otherwise.
                let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
                let problem = LoadProblem::NoThread {
                    path: path.clone(),
                    reason: crate::dataset::IoReason::of(&error),
                };
                self.end_load(&path, trigger, &carry, Outcome::Failed(vec![problem]));
            }
        }
    }

    /// Opens `path` from `reader` on a worker thread, as File > Open does
    /// from the file: a stream opened elsewhere (the tests give a reader
    /// that stalls, as a network share can, to cancel with Escape). A load
    /// already running is cancelled.
    pub fn start_load_reading(&mut self, path: &Path, reader: impl std::io::Read + Send + 'static) {
        if let Some(job) = self.load_job.take() {
            job.cancel();
        }
        let carry = self.doc.carry();
        match LoadJob::start_reading(
            path,
            reader,
            Trigger::Open,
            carry.clone(),
            Arc::clone(&self.wake),
        ) {
            Ok(job) => self.load_job = Some(job),
            Err(error) => {
                let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
                let problem = LoadProblem::NoThread {
                    path: path.clone(),
                    reason: crate::dataset::IoReason::of(&error),
                };
                self.end_load(&path, Trigger::Open, &carry, Outcome::Failed(vec![problem]));
            }
        }
    }

    /// Loads `path` and waits for it: the same work as a load from the
    /// window, on this thread (for tests and tools). A load running on a
    /// worker is cancelled first, so its older result never lands.
    pub fn load(&mut self, path: &Path) {
        if let Some(job) = self.load_job.take() {
            job.cancel();
        }
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let progress = Arc::default();
        let carry = self.doc.carry();
        let outcome = super::loading::load(&path, &progress, &carry, Some(&self.doc.dataset));
        self.finish_load(&path, &carry, outcome);
    }

    /// Waits up to `timeout` for the load in progress and puts its result
    /// on screen, as the next frame would (for tests and tools). Gives
    /// whether that load ended (a reload it held back may start then).
    pub fn finish_loading(&mut self, timeout: std::time::Duration) -> bool {
        let Some(outcome) = self.load_job.as_ref().and_then(|job| job.wait(timeout)) else {
            return self.load_job.is_none();
        };
        self.take_outcome(outcome);
        true
    }

    /// Takes a finished load's result, if it has come. Gives whether the
    /// document changed.
    pub fn poll_load(&mut self) -> bool {
        let Some(outcome) = self.load_job.as_ref().and_then(LoadJob::poll) else {
            return false;
        };
        self.take_outcome(outcome)
    }

    fn take_outcome(&mut self, outcome: Outcome) -> bool {
        let Some(job) = self.load_job.take() else {
            return false;
        };
        self.end_load(&job.path, job.trigger, &job.carry, outcome)
    }

    /// Puts the outcome of a load of `path` on screen, and starts the
    /// reload that waited for it, if one did. Gives whether the document
    /// changed.
    fn end_load(&mut self, path: &Path, trigger: Trigger, carry: &Carry, outcome: Outcome) -> bool {
        // File > Recent says which files did not load.
        match &outcome {
            Outcome::Failed(_) => {
                self.session.failed_loads.insert(path.to_owned());
            }
            Outcome::Loaded { .. } => {
                self.session.failed_loads.remove(path);
            }
            Outcome::Cancelled => {}
        }
        // At start-up, a file that does not load is said once, in the
        // banner over the built-in dataset (as `AppState::open` does).
        let changed = if trigger == Trigger::Startup
            && let Outcome::Failed(problems) = &outcome
        {
            self.session.banner = Some(super::startup::banner(path, problems));
            false
        } else {
            // A note about the settings file or the kept presentation,
            // given at start-up, outlasts the start-up load's "Opened": it
            // says something the user must not miss (that changes will not
            // be kept, that the slides are back).
            let settings_note = self.session.status.clone().filter(|note| {
                trigger == Trigger::Startup
                    && matches!(
                        note,
                        Note::SettingsFile(_)
                            | Note::Presentation(super::present::PresentNote::Kept(_))
                    )
            });
            let changed = self.finish_load(path, carry, outcome);
            if settings_note.is_some() {
                self.session.status = settings_note;
            }
            changed
        };
        // A reload asked for while this load ran (a change on disk, say)
        // is carried out now.
        if std::mem::take(&mut self.reload_pending)
            && let Some(path) = self.doc.path.clone()
        {
            self.start_load(&path, Trigger::Reload);
        }
        changed
    }

    /// Puts a load's outcome on screen. A valid dataset replaces the
    /// document (the change summary says what changed); anything else
    /// leaves it as it is and lists the problems.
    fn finish_load(
        &mut self,
        path: &Path,
        carry: &super::document::Carry,
        outcome: Outcome,
    ) -> bool {
        match outcome {
            Outcome::Cancelled => {
                self.session.status = Some(Note::LoadCancelled(path.to_owned()));
                false
            }
            Outcome::Failed(problems) => {
                self.session.status = Some(Note::DidNotLoad {
                    path: path.to_owned(),
                    problems: problems.len(),
                });
                self.session.problems = Some(LoadProblems::new(path.to_owned(), problems));
                self.session.bottom_tab = BottomTab::Problems;
                false
            }
            Outcome::Loaded { mut doc, stamp } => {
                // Choices made while the file loaded are taken over too.
                let now = self.doc.carry();
                if &now != carry {
                    doc.take_over(&now);
                }
                doc.generation = self.doc.generation + 1;
                let edition = doc.dataset.edition.clone();
                self.session.status = Some(match &doc.changes {
                    Some(changes) => Note::Loaded {
                        path: path.to_owned(),
                        edition,
                        counts: changes.counts(),
                    },
                    None => Note::Opened {
                        path: path.to_owned(),
                        edition,
                    },
                });
                // The viewer's place is carried to the new document by
                // the source's id, never by an index into the old one.
                self.session.source = self.session.source.take().and_then(|spot| {
                    crate::view::source::carry_spot(
                        (&self.doc.dataset, &self.doc.proof),
                        (&doc.dataset, &doc.proof),
                        &spot,
                    )
                });
                let proof_problems = !doc.proof.problems.is_empty();
                // The old document may be large: it is freed off the
                // window's thread.
                let old = std::mem::replace(&mut self.doc, *doc);
                self.annotations_follow_document(old.path.as_deref());
                let _ = std::thread::Builder::new()
                    .name("free old dataset".to_owned())
                    .spawn(move || drop(old));
                self.session.problems = None;
                self.session.banner = None;
                // The new document's quotes not found come first: they
                // are what to mend.
                self.session.bottom_tab = if proof_problems {
                    BottomTab::Problems
                } else {
                    BottomTab::Changes
                };
                self.session.remember(path);
                self.watch_file(path, stamp);
                // A review under way beside the dataset is offered.
                self.look_for_drafts(path);
                true
            }
        }
    }

    /// Watches `path` (whose version `stamp` is on screen) for changes.
    fn watch_file(&mut self, path: &Path, stamp: crate::watch::Stamp) {
        let wake = self.wake.clone();
        self.watch = Some(crate::watch::Watch::new(
            path.to_owned(),
            stamp,
            self.polling_only,
            move || wake(),
        ));
    }

    /// Writes a chart's picture or data, atomically; an existing file only
    /// with the user's agreement (the Export dialog asks).
    fn export(&mut self, request: &ExportRequest) {
        // The full path, so the status line says exactly where it went.
        let path = &std::path::absolute(&request.path).unwrap_or_else(|_| request.path.clone());
        if path.exists() && !request.replace {
            if let Some(Dialog::Export(dialog)) = &mut self.dialog {
                dialog.confirm_replace = true;
            }
            return;
        }
        let result = crate::output::format_of(path)
            .map_err(Failure::from)
            .and_then(|format| {
                export::chart_file(&self.panel_context(), request.chart, format, &request.image)
            })
            .and_then(|bytes| {
                // Without the user's agreement, a file that appeared since
                // the check is kept.
                let written = crate::output::write(path, &bytes, request.replace);
                written.map_err(Failure::from)
            });
        let session = &mut self.session;
        match result {
            Ok(()) => {
                session.status = Some(Note::Wrote(path.clone()));
                self.dialog = None;
            }
            Err(failure) => {
                session.status = Some(Note::ExportFailed(failure));
                session.export_message.clone_from(&session.status);
                if let Some(Dialog::Export(dialog)) = &mut self.dialog {
                    dialog.confirm_replace = false;
                }
            }
        }
    }

    /// Draws a chart's picture for the clipboard; the next frame hands it
    /// over (that needs the context).
    fn copy_image(&mut self, chart: ChartId, options: &export::ImageOptions) {
        let picture = export::chart_picture(&self.panel_context(), chart, options);
        let session = &mut self.session;
        match picture {
            Ok(picture) => {
                self.pending_copy = Some(export::color_image(&picture));
                session.status = Some(Note::Copied {
                    chart,
                    width: picture.width,
                    height: picture.height,
                });
            }
            Err(error) => session.status = Some(Note::ExportFailed(error)),
        }
        session.export_message.clone_from(&session.status);
    }
}

/// Carries out a command on the document, rebuilding the tree once if
/// it changed.
fn apply_to_document(doc: &mut super::document::Document, command: &DocCommand) {
    let tree_changed = match command {
        DocCommand::Select(item) => {
            doc.select(*item);
            matches!(item, Item::Node(_))
        }
        DocCommand::Back | DocCommand::Forward => {
            let item = if *command == DocCommand::Back {
                doc.history.back()
            } else {
                doc.history.forward()
            };
            item.is_some_and(|item| {
                doc.reveal(item);
                matches!(item, Item::Node(_))
            })
        }
        DocCommand::SetOpen(item, open) => {
            doc.expansion.set(*item, *open);
            true
        }
        DocCommand::SetSubtreeOpen(item, open) => {
            doc.expansion.set_subtree(&doc.dataset, *item, *open);
            true
        }
        DocCommand::SetAllOpen(open) => {
            doc.expansion.set_all(&doc.dataset, *open);
            true
        }
        DocCommand::SetFilter(filter) => {
            doc.filter = filter.clone();
            true
        }
        DocCommand::ToggleLegend(key) => {
            if !doc.hidden.remove(key) {
                doc.hidden.insert(*key);
            }
            false
        }
    };
    if tree_changed {
        doc.refresh_tree();
    }
}
