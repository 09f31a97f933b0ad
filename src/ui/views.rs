//! Saved views in the window: what is on screen captured as a view file
//! and written, a view file read and shown by ids, and what was said about
//! the last one for the Views panel. The view as data is
//! [`crate::view::saved`]'s.

use std::path::{Path, PathBuf};

use super::SessionCommand;
use super::messages::{Failure, Note};
use super::settings::ViewEntry;
use super::state::AppState;
use crate::view::kept::{self, Kept, KeptError, Said};
use crate::view::saved::{self, Resolved, ViewError, ViewFile, ViewNote};

/// How many views the menu remembers.
pub const REMEMBERED_VIEWS: usize = 30;

/// The Views panel's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewsState {
    /// Whether the panel is open.
    pub panel: bool,
    /// The last view opened (or that failed to open), with what was said
    /// about it.
    pub last: Option<OpenedView>,
}

/// The last view opened, or that failed to open, as the Views panel tells
/// it.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedView {
    /// Its file.
    pub path: PathBuf,
    /// Its name, once read.
    pub name: Option<String>,
    /// Why it could not be read at all (nothing on screen changed then).
    pub error: Option<ViewError>,
    /// What was said on opening it: problems first, then the edition and
    /// what changed in its figures.
    pub notes: Vec<ViewNote>,
    /// What was on screen before it opened, to go back to.
    pub before: Option<Box<ViewFile>>,
    /// Every chart's annotations before it opened (the view replaces its
    /// chart's): Back puts them all back, and they are kept between runs
    /// while the view is on screen, so none is lost.
    pub annotations_before: kept::ChartNotes,
}

impl AppState {
    /// Carries out a command about views and annotations; any other is
    /// left alone.
    pub(super) fn apply_views(&mut self, command: SessionCommand) {
        match command {
            SessionCommand::OpenSaveViewDialog => {
                let dialog = super::views_panel::save_dialog(&self.panel_context());
                self.dialog = Some(dialog);
            }
            SessionCommand::OpenViewDialog => {
                self.dialog = Some(super::dialogs::open_view_dialog());
            }
            SessionCommand::SaveView {
                name,
                path,
                replace,
            } => self.save_view(&name, &path, replace),
            SessionCommand::OpenView(path) => self.open_view(&path),
            SessionCommand::ViewBack => self.view_back(),
            SessionCommand::ForgetView(path) => self.forget_view(&path),
            SessionCommand::ShowViewsPanel(on) => self.session.views.panel = on,
            SessionCommand::OpenAnnotateDialog => {
                let dialog = super::annotate_dialog::dialog(&self.panel_context());
                self.dialog = Some(dialog);
            }
            SessionCommand::ChooseCell(chart, row, plan) => {
                self.session.chosen_cell = Some((chart, row, plan));
            }
            SessionCommand::Annotate(chart, annotation) => {
                self.session
                    .annotations
                    .entry(chart)
                    .or_default()
                    .push(annotation);
            }
            SessionCommand::RemoveAnnotation(chart, index) => {
                if let Some(list) = self.session.annotations.get_mut(&chart)
                    && index < list.len()
                {
                    list.remove(index);
                }
            }
            _ => {}
        }
        self.keep_annotations();
    }

    /// What is on screen as a view called `name`.
    pub fn capture_view(&self, name: &str) -> ViewFile {
        let session = &self.session;
        let chart = session.settings.chart;
        let open: Vec<_> = self.doc.expansion.items().collect();
        saved::capture(
            name,
            &saved::Shown {
                dataset: &self.doc.dataset,
                file: self.doc.path.as_deref(),
                chart,
                filter: &self.doc.filter,
                open: &open,
                selected: self.doc.selected(),
                hidden: &self.doc.hidden,
                funds_log: session.funds_log_scale,
                targets_sort: session.targets_sort,
                theme_order: session.theme_order,
                lang: session.lang(),
                convention: session.convention(),
                annotations: session.annotations_of(chart),
            },
        )
    }

    /// Writes what is on screen as a view called `name` to `path`; an
    /// existing file only with the user's agreement (the dialog asks).
    pub fn save_view(&mut self, name: &str, path: &Path, replace: bool) {
        let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        if path.exists() && !replace {
            if let Some(super::Dialog::SaveView(dialog)) = &mut self.dialog {
                dialog.confirm_replace = true;
            }
            return;
        }
        let text = self.capture_view(name).to_json();
        let written = crate::output::write(path, text.as_bytes(), replace);
        match written {
            Ok(()) => {
                self.remember_view(name.trim(), path);
                self.session.status = Some(Note::ViewSaved {
                    name: name.trim().to_owned(),
                    path: path.clone(),
                });
                self.dialog = None;
            }
            Err(error) => {
                let note = Note::ViewNotSaved(Failure::Write(error));
                if let Some(super::Dialog::SaveView(dialog)) = &mut self.dialog {
                    dialog.confirm_replace = false;
                    dialog.message = Some(note.clone());
                }
                self.session.status = Some(note);
            }
        }
    }

    /// Opens the view file at `path` on the dataset on screen. A file that
    /// cannot be read changes nothing on screen; one that can is shown as
    /// far as the dataset has what it names, and the Views panel says what
    /// was left out or changed.
    pub fn open_view(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        match saved::read_file(&path) {
            Err(error) => {
                self.session.status = Some(Note::ViewNotOpened(error.clone()));
                self.session.views.last = Some(OpenedView {
                    path,
                    name: None,
                    error: Some(error),
                    notes: Vec::new(),
                    before: None,
                    annotations_before: kept::ChartNotes::new(),
                });
                self.session.views.panel = true;
            }
            Ok(read) => {
                let before = self.capture_view("");
                // A view opened over another: what the first replaced is
                // carried along, so Back and the kept notes still have it.
                let mut annotations_before = self.session.annotations.clone();
                if let Some(earlier) = &self.session.views.last {
                    merge_into(&mut annotations_before, &earlier.annotations_before);
                }
                let resolved = saved::resolve(&read, &self.doc.dataset, self.doc.districts());
                self.show_view(&resolved);
                self.remember_view(&resolved.name, &path);
                let count = resolved.notes.len();
                self.session.status = Some(Note::ViewOpened {
                    name: resolved.name.clone(),
                    notes: count,
                });
                if count > 0 {
                    self.session.views.panel = true;
                }
                self.session.views.last = Some(OpenedView {
                    path,
                    name: Some(resolved.name),
                    error: None,
                    notes: resolved.notes,
                    before: Some(Box::new(before)),
                    annotations_before,
                });
            }
        }
    }

    /// Goes back to what was on screen before the last view opened.
    pub fn view_back(&mut self) {
        let Some(opened) = self.session.views.last.as_mut() else {
            return;
        };
        let Some(before) = opened.before.take() else {
            return;
        };
        let annotations = std::mem::take(&mut opened.annotations_before);
        let read = saved::Read {
            view: *before,
            notes: Vec::new(),
        };
        let resolved = saved::resolve(&read, &self.doc.dataset, self.doc.districts());
        self.show_view(&resolved);
        // Every chart's annotations as they were, not only the chart's.
        self.session.annotations = annotations;
        self.session.views.last = None;
    }

    /// Puts a resolved view on screen: the document's part, then the
    /// session's (chart, scales, language, amounts, annotations).
    fn show_view(&mut self, view: &Resolved) {
        self.doc.apply_view(view);
        let session = &mut self.session;
        session.settings.chart = view.chart;
        session.funds_log_scale = view.funds_log;
        session.targets_sort = view.targets_sort;
        session.theme_order = view.theme_order;
        session.settings.lang = Some(view.lang);
        session.settings.convention = Some(view.convention);
        session
            .annotations
            .insert(view.chart, view.annotations.clone());
        // The chart is what a view shows: a document open in its place
        // gives way.
        session.source = None;
    }

    /// Puts a view first in the Views menu.
    fn remember_view(&mut self, name: &str, path: &Path) {
        let views = &mut self.session.settings.views;
        views.retain(|v| v.path != path);
        views.insert(
            0,
            ViewEntry {
                name: name.to_owned(),
                path: path.to_owned(),
            },
        );
        views.truncate(REMEMBERED_VIEWS);
    }

    /// Takes a view off the Views menu (its file stays).
    pub fn forget_view(&mut self, path: &Path) {
        self.session.settings.views.retain(|v| v.path != path);
    }
}

/// Adds to `charts` each of `more`'s annotations it does not have, after
/// its own.
fn merge_into(charts: &mut kept::ChartNotes, more: &kept::ChartNotes) {
    for (chart, list) in more {
        let shown = charts.entry(*chart).or_default();
        for annotation in list {
            if !shown.contains(annotation) {
                shown.push(annotation.clone());
            }
        }
    }
}

/// Where a view called `name` is saved by default: beside the dataset's
/// file, else in the working folder.
pub fn default_path(doc_path: Option<&Path>, name: &str) -> PathBuf {
    let folder = doc_path
        .and_then(Path::parent)
        .map_or_else(PathBuf::new, Path::to_path_buf);
    folder.join(saved::file_name(name))
}

/// Where the user's annotations are kept between runs, and what is kept.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptNotes {
    /// The notes file.
    pub file: PathBuf,
    /// Every dataset's annotations.
    pub kept: Kept,
    /// Whether the file may be written (not when it could not be read and
    /// is still there).
    pub writable: bool,
    /// Whether what is kept has changes the file does not have yet (its
    /// last write failed).
    pub unwritten: bool,
}

/// Where the window keeps the user's annotations between runs: beside its
/// settings.
pub fn kept_notes_path() -> Option<PathBuf> {
    super::settings_file::path().map(|settings| settings.with_file_name("notes.json"))
}

impl AppState {
    /// Keeps the annotations between runs in `file` from now on, and puts
    /// back those kept for the dataset on screen. A file that cannot be
    /// read is never written over: a malformed or newer one is moved aside
    /// first, and said.
    pub fn keep_notes_in(&mut self, file: PathBuf) {
        let (kept, trouble, writable) = match Kept::read(&file) {
            Ok(kept) => (kept, None, true),
            Err(error @ KeptError::Read { .. }) => (
                Kept::default(),
                Some(Said::Unreadable {
                    error,
                    kept_as: None,
                }),
                false,
            ),
            Err(error) => {
                let aside = match &error {
                    KeptError::TooNew { found, .. } => {
                        file.with_extension(format!("json.v{found}"))
                    }
                    _ => file.with_extension("json.corrupt"),
                };
                let moved = std::fs::rename(&file, &aside).is_ok();
                let said = Said::Unreadable {
                    error,
                    kept_as: moved.then_some(aside),
                };
                (Kept::default(), Some(said), moved)
            }
        };
        // What is on screen already (a view opened before) is not thrown
        // away: kept notes are put back only where there are some.
        let on_screen = self.doc.path.clone();
        let restored = kept.of(on_screen.as_deref()).cloned();
        self.session.kept_notes = Some(KeptNotes {
            file,
            kept,
            writable,
            unwritten: false,
        });
        if let Some(charts) = restored {
            self.session.annotations = charts;
            self.say_restored();
        }
        if let Some(trouble) = trouble {
            self.session.status = Some(Note::KeptNotes(trouble));
        }
        self.keep_annotations();
    }

    /// Keeps the annotations on screen as the dataset's, writing the notes
    /// file if they changed. A write that fails is said; the annotations
    /// stay on screen and are written at the next change.
    pub(super) fn keep_annotations(&mut self) {
        let key = self.doc.path.clone();
        let Some(kept) = &mut self.session.kept_notes else {
            return;
        };
        // While a view is on screen, the annotations it replaced are kept
        // too (after its own), so that closing the window loses none.
        let mut charts = self.session.annotations.clone();
        if let Some(opened) = &self.session.views.last {
            merge_into(&mut charts, &opened.annotations_before);
        }
        let changed = kept.kept.set(key.as_deref(), &charts);
        if !(changed || kept.unwritten) || !kept.writable {
            return;
        }
        if let Some(folder) = kept.file.parent() {
            let _ = std::fs::create_dir_all(folder);
        }
        let written = crate::output::write_atomic(&kept.file, kept.kept.to_json().as_bytes());
        // Tried again at the next change.
        kept.unwritten = written.is_err();
        if let Err(error) = written {
            self.session.status = Some(Note::KeptNotes(Said::NotWritten(error)));
        }
    }

    /// After another document came on screen (`before` was the file of the
    /// one it replaced): another dataset's annotations are put back, a
    /// reload keeps those on screen; either way the notes that no longer
    /// attach are named in the Views panel.
    pub(super) fn annotations_follow_document(&mut self, before: Option<&Path>) {
        let now = self.doc.path.clone();
        let Some(kept) = &mut self.session.kept_notes else {
            return;
        };
        if before != now.as_deref() {
            // The old dataset's are kept under its name (they already are,
            // after every change); the new one's come back.
            if kept.kept.set(before, &self.session.annotations) {
                kept.unwritten = true;
            }
            self.session.annotations = kept.kept.of(now.as_deref()).cloned().unwrap_or_default();
        }
        if !kept::detached(&self.session.annotations, &self.doc.dataset).is_empty() {
            self.session.views.panel = true;
        }
        self.keep_annotations();
    }

    /// Says the kept annotations were put back, and opens the Views panel
    /// where some notes no longer attach.
    fn say_restored(&mut self) {
        let count = self.session.annotations.values().map(Vec::len).sum();
        let detached = kept::detached(&self.session.annotations, &self.doc.dataset);
        if !detached.is_empty() {
            self.session.views.panel = true;
        }
        self.session.status = Some(Note::KeptNotes(Said::Restored { count, detached }));
    }
}
