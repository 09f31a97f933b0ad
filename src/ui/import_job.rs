//! Importing a document, and opening a draft, as a [`Job`]: the document
//! read, its plan drafted into the dataset on screen (or a dataset of its
//! own), the draft written beside it and proven against the document, all
//! off the window's thread. A draft already there for the document is
//! never overwritten unasked: the job comes back with it, for the window
//! to offer to resume it or start again.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::messages::Failure;
use super::review::ReviewSession;
use super::state::AppState;
use crate::dataset::{Dataset, IoReason, ReadError};
use crate::i18n::{Lang, T, fill, tr};
use crate::import::review::Review;
use crate::import::{self, DocumentError, DraftError};
use crate::job::{Job, Poll, Progress};

/// What an import job is asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Task {
    /// Draft `document`; with `replace`, over the draft already there.
    Import {
        /// The document.
        document: PathBuf,
        /// Start again over an existing draft (the user agreed).
        replace: bool,
    },
    /// Open a draft to review.
    Resume(PathBuf),
    /// Look at a draft found beside a dataset, to offer to resume it.
    Inspect(PathBuf),
}

/// A draft found, and how far its review has got.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The draft's file.
    pub draft: PathBuf,
    /// The document it was drafted from (its file name, else its title).
    pub document: String,
    /// Reviewed of all, or why the draft cannot be resumed.
    pub progress: Result<(usize, usize), DraftError>,
}

impl Found {
    /// A draft that loaded.
    pub fn of(draft: &Path, review: &Review) -> Self {
        Self {
            draft: draft.to_owned(),
            document: document_name(review),
            progress: Ok(review.progress()),
        }
    }

    /// A draft that did not load; named after its file.
    fn invalid(draft: &Path, error: DraftError) -> Self {
        Self {
            draft: draft.to_owned(),
            document: draft
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            progress: Err(error),
        }
    }
}

/// What a draft's document is called: the file it came from, else its
/// title.
pub fn document_name(review: &Review) -> String {
    let data = review.dataset();
    review
        .document()
        .and_then(|s| data.sources.get(s.index()))
        .map(|s| s.file.clone().unwrap_or_else(|| s.title.clone()))
        .unwrap_or_default()
}

/// How an import job ended.
#[derive(Debug)]
pub enum Outcome {
    /// A draft to review.
    Ready(Box<ReviewSession>),
    /// A draft of the document is there already: resume it or start again?
    Exists {
        /// The document asked for.
        document: PathBuf,
        /// The draft there.
        found: Found,
    },
    /// A draft found beside a dataset, to offer.
    Offer(Found),
    /// Why it could not be done.
    Failed(ImportFailure),
    /// The user cancelled.
    Cancelled,
}

/// Why an import or a draft could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportFailure {
    /// The document could not be read.
    Document(DocumentError),
    /// The dataset to add the plan to could not be read again.
    Dataset {
        /// Its file.
        path: PathBuf,
        /// Why it could not be read, where it could not.
        read: Option<ReadError>,
        /// Why its JSON could not be parsed, where it could not.
        message: String,
    },
    /// The draft does not load.
    Draft {
        /// Its file.
        path: PathBuf,
        /// Why.
        error: DraftError,
    },
    /// The draft could not be written.
    Write(Failure),
    /// The worker stopped without an answer.
    WorkerStopped,
    /// No thread could be started.
    NoThread {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        reason: IoReason,
    },
}

impl ImportFailure {
    /// Why, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Document(error) => error.text(lang),
            Self::Dataset {
                path,
                read,
                message,
            } => {
                let reason = read
                    .as_ref()
                    .map_or_else(|| message.clone(), |e| e.text(lang));
                fill(lang, T::DatasetNotReadable, &[&path.display(), &reason])
            }
            Self::Draft { path, error } => fill(
                lang,
                T::DraftNotValid,
                &[&path.display(), &draft_error(lang, error)],
            ),
            Self::Write(failure) => failure.text(lang),
            Self::WorkerStopped => tr(lang, T::ImportWorkerStopped).to_owned(),
            Self::NoThread { path, reason } => fill(
                lang,
                T::NoThreadToImport,
                &[&path.display(), &reason.text(lang)],
            ),
        }
    }
}

/// Why a draft cannot be resumed, in `lang`: the read error, or its first
/// problem and how many there are.
pub fn draft_error(lang: Lang, error: &DraftError) -> String {
    match error {
        DraftError::Read(error) => error.text(lang),
        DraftError::Invalid(problems) => match problems.first() {
            Some(first) if problems.len() > 1 => format!(
                "{} (+{})",
                super::messages::problem_text(lang, first),
                problems.len() - 1
            ),
            Some(first) => super::messages::problem_text(lang, first),
            None => tr(lang, T::ImportWorkerStopped).to_owned(),
        },
    }
}

/// An import or a draft opening in the background.
#[derive(Debug)]
pub struct ImportJob {
    /// What it was asked to do.
    pub task: Task,
    /// The work, its progress and its Cancel.
    pub job: Job<Outcome>,
}

impl ImportJob {
    /// The file it works on (the document, or the draft).
    pub fn path(&self) -> &Path {
        match &self.task {
            Task::Import { document, .. } => document,
            Task::Resume(draft) | Task::Inspect(draft) => draft,
        }
    }

    /// What the status line says of it, in `lang`.
    pub fn status(&self, lang: Lang) -> String {
        let name = self.path().display();
        match self.task {
            Task::Import { .. } => fill(lang, T::Importing, &[&name]),
            Task::Resume(_) | Task::Inspect(_) => fill(lang, T::OpeningDraft, &[&name]),
        }
    }
}

/// What the worker needs of the dataset on screen.
struct Into {
    /// The dataset on screen.
    dataset: Arc<Dataset>,
    /// Its file, whose JSON the plan is added to; `None` for the built-in
    /// dataset, when the draft is a dataset of its own.
    path: Option<PathBuf>,
}

impl AppState {
    /// Starts `task` on a worker thread; a job already running is
    /// cancelled (an import asked for wins over a draft being looked at).
    pub fn start_import(&mut self, task: &Task) {
        if let Some(running) = self.import_job.take() {
            running.job.cancel();
        }
        let target = match task {
            Task::Import { document, .. } => {
                std::path::absolute(document).unwrap_or_else(|_| document.clone())
            }
            Task::Resume(draft) | Task::Inspect(draft) => {
                std::path::absolute(draft).unwrap_or_else(|_| draft.clone())
            }
        };
        let task = match task {
            Task::Import { replace, .. } => Task::Import {
                document: target.clone(),
                replace: *replace,
            },
            Task::Resume(_) => Task::Resume(target.clone()),
            Task::Inspect(_) => Task::Inspect(target.clone()),
        };
        let into = Into {
            dataset: Arc::clone(&self.doc.dataset),
            path: self.doc.path.clone(),
        };
        let worker_task = task.clone();
        match Job::spawn("import", Arc::clone(&self.wake), move |progress| {
            run(&worker_task, &into, progress)
        }) {
            Ok(job) => self.import_job = Some(ImportJob { task, job }),
            Err(error) => self.end_import(
                &task,
                Outcome::Failed(ImportFailure::NoThread {
                    path: target.clone(),
                    reason: IoReason::of(&error),
                }),
            ),
        }
    }

    /// Takes a finished import's outcome, if it has come.
    pub fn poll_import(&mut self) {
        let Some(job) = &self.import_job else {
            return;
        };
        let outcome = match job.job.poll() {
            Poll::Running => return,
            Poll::Done(outcome) => outcome,
            Poll::Lost => Outcome::Failed(ImportFailure::WorkerStopped),
        };
        if let Some(job) = self.import_job.take() {
            self.end_import(&job.task, outcome);
        }
    }

    /// Waits up to `timeout` for the import running and takes its outcome,
    /// as the next frame would (for tests and tools). Gives whether no
    /// import is running any more.
    pub fn finish_importing(&mut self, timeout: std::time::Duration) -> bool {
        let Some(job) = &self.import_job else {
            return true;
        };
        let outcome = match job.job.wait(timeout) {
            Poll::Running => return false,
            Poll::Done(outcome) => outcome,
            Poll::Lost => Outcome::Failed(ImportFailure::WorkerStopped),
        };
        if let Some(job) = self.import_job.take() {
            self.end_import(&job.task, outcome);
        }
        true
    }

    /// Stops the import running.
    pub fn cancel_import(&mut self) {
        if let Some(job) = self.import_job.take() {
            job.job.cancel();
            self.session.status = Some(super::Note::ImportCancelled);
        }
    }

    /// Puts the outcome of `task` on screen. A document that could not be
    /// imported is said in the Import dialog, opened again on its path.
    fn end_import(&mut self, task: &Task, outcome: Outcome) {
        match outcome {
            Outcome::Ready(review) => self.open_review(*review),
            Outcome::Exists { document, found } => {
                self.dialog = Some(super::Dialog::DraftExists(
                    super::review_dialogs::DraftExistsDialog { document, found },
                ));
            }
            Outcome::Offer(found) => {
                // A draft already under review is not offered.
                let reviewing = self.review.as_ref().is_some_and(|r| r.draft == found.draft);
                if !reviewing {
                    self.session.resume_offer = Some(found);
                }
            }
            Outcome::Failed(failure) => {
                let path = match task {
                    Task::Import { document, .. } => document.clone(),
                    Task::Resume(draft) | Task::Inspect(draft) => draft.clone(),
                };
                let note = super::Note::ImportFailed {
                    path: path.clone(),
                    failure,
                };
                if let Task::Import { document, .. } = task {
                    self.dialog = Some(super::Dialog::Import(super::OpenDialog {
                        path: document.display().to_string(),
                        picker: None,
                        message: Some(note.clone()),
                    }));
                }
                self.session.status = Some(note);
            }
            Outcome::Cancelled => {
                self.session.status = Some(super::Note::ImportCancelled);
            }
        }
    }

    /// Offers to resume the drafts kept beside `dataset` (the first of
    /// them), unless one is under review or an import is running.
    pub(super) fn look_for_drafts(&mut self, dataset: &Path) {
        if self.import_job.is_some() {
            return;
        }
        let drafts = import::drafts_beside(dataset);
        let reviewing = |d: &PathBuf| self.review.as_ref().is_some_and(|r| &r.draft == d);
        if let Some(draft) = drafts.into_iter().find(|d| !reviewing(d)) {
            self.start_import(&Task::Inspect(draft));
        }
    }
}

/// The worker's whole job.
fn run(task: &Task, into: &Into, progress: &Arc<Progress>) -> Outcome {
    match task {
        Task::Import { document, replace } => import_document(document, *replace, into, progress),
        Task::Resume(draft) => match import::read_draft(draft) {
            Ok(review) => Outcome::Ready(Box::new(ReviewSession::resumed(review, draft.clone()))),
            Err(error) => Outcome::Failed(ImportFailure::Draft {
                path: draft.clone(),
                error,
            }),
        },
        Task::Inspect(draft) => Outcome::Offer(match import::read_draft(draft) {
            Ok(review) => Found::of(draft, &review),
            Err(error) => Found::invalid(draft, error),
        }),
    }
}

/// Drafts `document` into the dataset on screen, writes the draft, and
/// opens it; or finds the draft already there.
fn import_document(
    document: &Path,
    replace: bool,
    into: &Into,
    progress: &Arc<Progress>,
) -> Outcome {
    let draft = import::draft_path(into.path.as_deref(), document);
    if !replace && draft.exists() {
        let found = match import::read_draft(&draft) {
            Ok(review) => Found::of(&draft, &review),
            Err(error) => Found::invalid(&draft, error),
        };
        return Outcome::Exists {
            document: document.to_owned(),
            found,
        };
    }
    let text = match import::read_document(document, progress) {
        Ok(text) => text,
        Err(DocumentError::File(ReadError::Cancelled(_))) => return Outcome::Cancelled,
        Err(error) => return Outcome::Failed(ImportFailure::Document(error)),
    };
    if progress.is_cancelled() {
        return Outcome::Cancelled;
    }
    // The dataset's JSON as it is on disk, the plan added to it.
    let json = match &into.path {
        Some(path) => match dataset_json(path) {
            Ok(json) => Some(json),
            Err((read, message)) => {
                return Outcome::Failed(ImportFailure::Dataset {
                    path: path.clone(),
                    read,
                    message,
                });
            }
        },
        None => None,
    };
    let file_name = document.file_name().map_or_else(
        || "document.txt".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let today = crate::import::to_json::today();
    let prepared = import::prepare(
        text,
        &file_name,
        None,
        json.map(|json| (into.dataset.as_ref(), json)),
        &into.dataset,
        &today,
    );
    let review = match Review::new(prepared.json) {
        Ok(review) => review,
        Err(crate::import::review::ReviewError::Invalid(problems)) => {
            return Outcome::Failed(ImportFailure::Draft {
                path: draft,
                error: DraftError::Invalid(problems),
            });
        }
        Err(_) => return Outcome::Failed(ImportFailure::WorkerStopped),
    };
    if progress.is_cancelled() {
        return Outcome::Cancelled;
    }
    let bytes = import::draft_bytes(review.json());
    // Without the user's word, a draft that appeared meanwhile is kept.
    let written = crate::output::write(&draft, &bytes, replace);
    if let Err(error) = written {
        return Outcome::Failed(ImportFailure::Write(error.into()));
    }
    // A review started again over an old draft starts with no decisions.
    super::review::remove_decisions(&draft);
    Outcome::Ready(Box::new(ReviewSession::new(review, draft)))
}

/// A dataset file's JSON, as read; or why it could not be read, or
/// parsed.
fn dataset_json(path: &Path) -> Result<serde_json::Value, (Option<ReadError>, String)> {
    let text = crate::dataset::read_text(path, crate::dataset::MAX_DATASET_BYTES)
        .map_err(|e| (Some(e), String::new()))?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| (None, e.to_string()))
}
