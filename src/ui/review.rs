//! A draft under review in the window ([`ReviewSession`]): the draft, the
//! file it is kept in, the document's passages proven against it, what
//! was decided, the record shown. [`ReviewCommand`]s carry out the
//! decisions; after each the draft is written to its file at once
//! (atomically), so closing the window mid-review loses nothing.
//! Saving writes a new edition and loads it as any dataset loads.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::Value;

use super::import_job::Task;
use super::loading::Trigger;
use super::messages::Note;
use super::state::AppState;
use crate::dataset::SourceIx;
use crate::dataset::proof::{Proof, SourceText};
use crate::i18n::Lang;
use crate::import::review::{Review, ReviewError};
use crate::view::review::{self as model, Decisions, Key, Row};
use crate::view::source::Place;

/// The queue as shown in a language, for a generation of the review.
type ShownRows = (Lang, u64, Arc<[Row]>);

/// A draft under review; see the module's documentation.
#[derive(Debug)]
pub struct ReviewSession {
    /// The draft: its JSON and the dataset it loads as.
    pub review: Review,
    /// The file the draft is kept in.
    pub draft: PathBuf,
    /// The document the draft was made from, in the draft's dataset.
    pub source: Option<SourceIx>,
    /// The draft's quotes proven: where each record stands in the
    /// document.
    pub proof: Proof,
    /// What the draft's JSON does not say: edits and rejections.
    pub decisions: Decisions,
    /// The record shown.
    pub current: Option<Key>,
    /// Goes up with each decision.
    pub generation: u64,
    /// Why the last decision was not made or not kept, shown in the
    /// review until the next one.
    pub message: Option<Note>,
    /// The queue as last shown, in a language, for a generation.
    rows: Mutex<Option<ShownRows>>,
}

impl ReviewSession {
    /// A session on `review`, kept in `draft`, on its first record still
    /// to be decided.
    pub fn new(review: Review, draft: PathBuf) -> Self {
        Self::with_decisions(review, draft, Decisions::default())
    }

    /// A session on a draft taken up again: the edits and rejections kept
    /// beside it come back (none if that file is missing or unreadable:
    /// the draft itself holds every decision that counts).
    pub fn resumed(review: Review, draft: PathBuf) -> Self {
        let decisions = std::fs::read(crate::import::decisions_path(&draft))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Self::with_decisions(review, draft, decisions)
    }

    fn with_decisions(review: Review, draft: PathBuf, decisions: Decisions) -> Self {
        let proof = prove(&review);
        let source = review.document();
        let mut session = Self {
            review,
            draft,
            source,
            proof,
            decisions,
            current: None,
            generation: 0,
            message: None,
            rows: Mutex::new(None),
        };
        let rows = session.rows(Lang::En);
        session.current = model::first_open(&rows).map(|i| rows[i].key());
        session
    }

    /// The queue as shown in `lang`.
    pub fn rows(&self, lang: Lang) -> Arc<[Row]> {
        let mut cached = self.rows.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((l, g, rows)) = cached.as_ref()
            && *l == lang
            && *g == self.generation
        {
            return Arc::clone(rows);
        }
        let rows: Arc<[Row]> = model::rows(&self.review, &self.decisions, lang).into();
        *cached = Some((lang, self.generation, Arc::clone(&rows)));
        rows
    }

    /// Where the record shown is in the queue.
    pub fn current_index(&self, rows: &[Row]) -> Option<usize> {
        self.current
            .as_ref()
            .and_then(|key| model::index_of(rows, key))
    }

    /// Reviewed of all.
    pub fn progress(&self) -> (usize, usize) {
        self.review.progress()
    }

    /// The document's text, as the draft carries it.
    pub fn text(&self) -> Option<&SourceText> {
        self.proof.text(self.source?)
    }

    /// Where the record shown stands in the document.
    pub fn place(&self) -> Place {
        match (&self.current, self.source) {
            (Some(key), Some(source)) => model::place_of(&self.review, &self.proof, source, key),
            _ => Place::default(),
        }
    }

    /// The record shown's fields.
    pub fn fields(&self) -> Vec<model::FieldRow> {
        self.current
            .as_ref()
            .map(|(kind, id)| model::fields(&self.review, *kind, id))
            .unwrap_or_default()
    }

    /// Writes the draft to its file, and the decisions beside it, each
    /// atomically.
    fn write(&mut self) {
        let bytes = crate::import::draft_bytes(self.review.json());
        if let Err(error) = crate::output::write_atomic(&self.draft, &bytes) {
            self.message = Some(Note::DraftNotWritten(error.into()));
            return;
        }
        // Decisions always serialise.
        let decisions = serde_json::to_vec(&self.decisions).unwrap_or_default();
        let path = crate::import::decisions_path(&self.draft);
        if let Err(error) = crate::output::write_atomic(&path, &decisions) {
            self.message = Some(Note::DraftNotWritten(error.into()));
        }
    }

    /// After a decision: the queue and, where texts changed, the proof
    /// made again; the draft written.
    fn decided(&mut self, texts_changed: bool) {
        self.generation += 1;
        self.message = None;
        if texts_changed {
            self.proof = prove(&self.review);
            self.source = self.review.document();
        }
        self.write();
    }
}

/// The draft's quotes proven against the texts it carries.
fn prove(review: &Review) -> Proof {
    crate::dataset::proof::prove(review.dataset(), None, None).unwrap_or_default()
}

/// What the review asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewCommand {
    /// Import a document: draft it and review the draft. With `replace`,
    /// over a draft already there (the user chose to start again).
    Import {
        /// The document.
        document: PathBuf,
        /// Start again over an existing draft.
        replace: bool,
    },
    /// Open a draft and review it.
    Resume(PathBuf),
    /// Show a record.
    Select(Key),
    /// Accept a record (reviewed today) with these fields set first (an
    /// edit not applied yet; none is refused quietly), then show the next
    /// one to decide.
    Accept(Key, Vec<(String, Value)>),
    /// Reject a record (a node with its children), then show the next.
    Reject(Key),
    /// Set fields of a record; it stays to be accepted.
    Edit(Key, Vec<(String, Value)>),
    /// Make a figure a target, a fact or a point (of a series of its own);
    /// it stays to be accepted.
    ChangeKind(Key, crate::import::review::Kind),
    /// Merge a proposal into a record the dataset has (a point into a
    /// series, a restated target, fact or fund as its citation), then show
    /// the next.
    Merge(Key, crate::import::review::MergeTarget),
    /// Make words selected in the document a figure's quote; it stays to
    /// be accepted.
    SetQuote(Key, String),
    /// Close the review; the draft stays.
    Close,
    /// Open the Save as new edition dialog.
    OpenSaveDialog,
    /// Write the draft as a new edition to `path` (over an existing file
    /// only with `replace`), then load it.
    Save {
        /// The file.
        path: PathBuf,
        /// Replace it if it exists (the user agreed).
        replace: bool,
    },
    /// Delete a draft that was offered.
    Discard(PathBuf),
    /// Close the offer to resume a draft.
    DismissOffer,
}

impl AppState {
    /// Carries out a review command.
    pub(super) fn apply_review(&mut self, command: ReviewCommand) {
        match command {
            ReviewCommand::Import { document, replace } => {
                self.start_import(&Task::Import { document, replace });
            }
            ReviewCommand::Resume(draft) => {
                self.session.resume_offer = None;
                self.start_import(&Task::Resume(draft));
            }
            ReviewCommand::Select(key) => {
                if let Some(review) = &mut self.review {
                    review.current = Some(key);
                }
            }
            ReviewCommand::Accept(key, changes) => self.accept(&key, changes),
            ReviewCommand::Reject(key) => self.reject(&key),
            ReviewCommand::Edit(key, changes) => self.edit(&key, changes),
            ReviewCommand::ChangeKind(key, to) => self.change_kind(&key, to),
            ReviewCommand::Merge(key, into) => self.merge(&key, &into),
            ReviewCommand::SetQuote(key, words) => self.set_quote(&key, &words),
            ReviewCommand::Close => {
                if let Some(review) = self.review.take() {
                    self.session.status = Some(Note::ReviewClosed(review.draft));
                }
            }
            ReviewCommand::OpenSaveDialog => {
                if let Some(review) = &self.review {
                    self.dialog = Some(super::review_dialogs::save_dialog(review));
                }
            }
            ReviewCommand::Save { path, replace } => self.save_edition(&path, replace),
            ReviewCommand::Discard(draft) => self.discard(&draft),
            ReviewCommand::DismissOffer => self.session.resume_offer = None,
        }
    }

    /// Shows a draft ready for review, and remembers it until it is saved
    /// or discarded.
    pub(super) fn open_review(&mut self, review: ReviewSession) {
        self.session.resume_offer = None;
        self.session.settings.review_draft = Some(review.draft.clone());
        self.session.status = Some(Note::ReviewOpened {
            document: super::import_job::document_name(&review.review),
            progress: review.progress(),
            draft: review.draft.clone(),
        });
        self.review = Some(review);
    }

    fn accept(&mut self, key: &Key, changes: Vec<(String, Value)>) {
        let lang = self.session.lang();
        self.review_moved_on();
        if !changes.is_empty() {
            let before = self.review.as_ref().map(|r| r.generation);
            self.edit(key, changes);
            // An edit refused leaves the record undecided.
            if self.review.as_ref().map(|r| r.generation) == before {
                return;
            }
        }
        let Some(review) = &mut self.review else {
            return;
        };
        let today = crate::import::to_json::today();
        if let Err(error) = review.review.accept(key.0, &key.1, &today) {
            review.message = Some(Note::DecisionRefused(error));
            return;
        }
        review.decided(false);
        let rows = review.rows(lang);
        let at = model::index_of(&rows, key).unwrap_or(0);
        review.current = model::next_open(&rows, at)
            .or_else(|| model::step(&rows, Some(at), true))
            .map(|i| rows[i].key())
            .or_else(|| Some(key.clone()));
    }

    fn reject(&mut self, key: &Key) {
        let lang = self.session.lang();
        self.review_moved_on();
        let Some(review) = &mut self.review else {
            return;
        };
        let before = review.rows(lang);
        let Some(at) = model::index_of(&before, key) else {
            return;
        };
        if let Err(error) = review.review.reject(key.0, &key.1) {
            review.message = Some(Note::DecisionRefused(error));
            return;
        }
        review.decisions.reject(&before, at);
        review.decided(true);
        let rows = review.rows(lang);
        review.current = model::next_open(&rows, at)
            .or_else(|| model::step(&rows, Some(at), true))
            .or_else(|| model::step(&rows, Some(at), false))
            .map(|i| rows[i].key());
    }

    /// A decision makes the status line's "Reviewing …: 0 of 46 reviewed"
    /// out of date: the review shows its progress itself.
    fn review_moved_on(&mut self) {
        if matches!(self.session.status, Some(Note::ReviewOpened { .. })) {
            self.session.status = None;
        }
    }

    fn edit(&mut self, key: &Key, changes: Vec<(String, Value)>) {
        self.review_moved_on();
        let Some(review) = &mut self.review else {
            return;
        };
        if changes.is_empty() {
            return;
        }
        match review.review.edit_fields(key.0, &key.1, changes) {
            Ok(()) => {
                review.decisions.edited.insert(key.clone());
                review.decided(true);
            }
            Err(error) => review.message = Some(Note::EditRefused(error)),
        }
    }

    fn set_quote(&mut self, key: &Key, words: &str) {
        self.review_moved_on();
        let Some(review) = &mut self.review else {
            return;
        };
        match review.review.set_quote(key.0, &key.1, words) {
            Ok(()) => {
                review.decisions.edited.insert(key.clone());
                review.decided(true);
            }
            Err(error) => review.message = Some(Note::QuoteRefused(error)),
        }
    }

    fn merge(&mut self, key: &Key, into: &crate::import::review::MergeTarget) {
        let lang = self.session.lang();
        self.review_moved_on();
        let Some(review) = &mut self.review else {
            return;
        };
        let before = review.rows(lang);
        let Some(at) = model::index_of(&before, key) else {
            return;
        };
        if let Err(error) = review.review.merge(key.0, &key.1, into) {
            review.message = Some(Note::DecisionRefused(error));
            return;
        }
        review.decisions.merge(&before, at);
        review.decided(true);
        let rows = review.rows(lang);
        review.current = model::next_open(&rows, at)
            .or_else(|| model::step(&rows, Some(at), true))
            .or_else(|| model::step(&rows, Some(at), false))
            .map(|i| rows[i].key());
    }

    fn change_kind(&mut self, key: &Key, to: crate::import::review::Kind) {
        self.review_moved_on();
        let Some(review) = &mut self.review else {
            return;
        };
        match review.review.change_kind(key.0, &key.1, to) {
            Ok(new) => {
                review.decisions.edited.remove(key);
                review.decisions.edited.insert(new.clone());
                review.current = Some(new);
                review.decided(true);
            }
            Err(error) => review.message = Some(Note::EditRefused(error)),
        }
    }

    /// Writes the draft as a new edition, today's, to `path`; an existing
    /// file only with `replace` (else the dialog asks). Once written, the
    /// draft is removed and the new file loads as any dataset does, so the
    /// change summary shows the new plan.
    fn save_edition(&mut self, path: &Path, replace: bool) {
        let Some(review) = &self.review else {
            return;
        };
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        if path.exists() && !replace {
            if let Some(super::Dialog::SaveEdition(dialog)) = &mut self.dialog {
                dialog.confirm_replace = true;
            }
            return;
        }
        let mut json = review.review.json().clone();
        json["edition"] = crate::import::to_json::today().into();
        let bytes = crate::import::draft_bytes(&json);
        let written = crate::output::write(&path, &bytes, replace);
        if let Err(error) = written {
            let failure = Note::ExportFailed(error.into());
            if let Some(super::Dialog::SaveEdition(dialog)) = &mut self.dialog {
                dialog.confirm_replace = false;
                dialog.message = Some(failure.clone());
            }
            self.session.status = Some(failure);
            return;
        }
        let draft = review.draft.clone();
        self.review = None;
        self.dialog = None;
        self.forget_draft(&draft);
        remove_decisions(&draft);
        self.start_load(&path, Trigger::Open);
        self.session.status = Some(match std::fs::remove_file(&draft) {
            Ok(()) => Note::EditionSaved(path),
            Err(error) => Note::DraftNotRemoved {
                draft,
                reason: crate::dataset::IoReason::of(&error),
            },
        });
    }

    /// Deletes a draft the user chose to discard.
    fn discard(&mut self, draft: &Path) {
        self.session.resume_offer = None;
        self.forget_draft(draft);
        remove_decisions(draft);
        self.session.status = Some(match std::fs::remove_file(draft) {
            Ok(()) => Note::DraftDiscarded(draft.to_owned()),
            Err(error) => Note::DraftNotRemoved {
                draft: draft.to_owned(),
                reason: crate::dataset::IoReason::of(&error),
            },
        });
    }

    /// Forgets `draft` as the review to offer at the next start.
    fn forget_draft(&mut self, draft: &Path) {
        if self.session.settings.review_draft.as_deref() == Some(draft) {
            self.session.settings.review_draft = None;
        }
    }
}

/// Removes the decisions kept beside `draft`, which has gone (saved as an
/// edition, discarded) or is drafted anew. A file never written is no
/// failure; one that stays is harmless (a new review overwrites it).
pub(super) fn remove_decisions(draft: &Path) {
    let _ = std::fs::remove_file(crate::import::decisions_path(draft));
}

/// Why a decision was not made, in `lang`: the draft's first problem.
pub fn refusal(lang: Lang, error: &ReviewError) -> String {
    match error {
        ReviewError::Invalid(problems) => problems.first().map_or_else(
            || error.to_string(),
            |p| super::messages::problem_text(lang, p),
        ),
        other => other.to_string(),
    }
}
