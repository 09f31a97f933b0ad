//! The presentation being built is kept between runs, as the annotations
//! are: written beside the settings (`presentation.json`, the format of a
//! saved presentation) after every change to its slides or name, removed
//! when it is emptied, and put back when the window next opens. So
//! closing the window, or a session ending it, loses no slide the user had
//! not saved to a file of their own.
//!
//! A kept file that cannot be read is never written over: a malformed one
//! is moved aside first, and said; one the system will not let the app
//! read is left where it is, and nothing is kept this run.

use std::path::PathBuf;

use super::messages::Note;
use super::present::{PresentNote, PresentationState};
use super::state::AppState;
use crate::view::presentation::{self, KeptSaid, PresentationError, PresentationFile};
use crate::view::saved::ViewFile;

/// Where the presentation being built is kept, and what the file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptDeck {
    /// The file.
    pub file: PathBuf,
    /// The name and slides the file holds (none when it is not there).
    pub written: Option<(String, Vec<ViewFile>)>,
    /// Whether the file may be written (not when it could not be read and
    /// is still there).
    pub writable: bool,
}

/// Where the window keeps the presentation being built between runs:
/// beside its settings.
pub fn kept_presentation_path() -> Option<PathBuf> {
    super::settings_file::path().map(|settings| settings.with_file_name("presentation.json"))
}

impl AppState {
    /// Keeps the presentation being built in `file` from now on, and puts
    /// back the one kept there, if any, unless one is already being built.
    pub fn keep_presentation_in(&mut self, file: PathBuf) {
        let mut kept = KeptDeck {
            file: PathBuf::new(),
            written: None,
            writable: true,
        };
        match std::fs::symlink_metadata(&file) {
            // Not there (its folder may be missing, or not a folder).
            Err(error)
                if matches!(
                    error.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) => {}
            _ => match presentation::read_file(&file) {
                Ok(deck) => {
                    let views = deck.views();
                    kept.written = Some((deck.name.clone(), views.clone()));
                    if self.session.presentation.slides.is_empty() && !views.is_empty() {
                        let shown =
                            presentation::resolve(&deck, &self.doc.dataset, self.doc.districts());
                        let problems = shown.notes.iter().filter(|n| n.is_problem()).count();
                        self.session.presentation = PresentationState {
                            name: deck.name.clone(),
                            cursor: Some(0),
                            slides: views,
                            notes: shown.notes,
                            ..PresentationState::default()
                        };
                        self.session.status =
                            Some(Note::Presentation(PresentNote::Kept(KeptSaid::Restored {
                                name: deck.name,
                                slides: deck.slides.len(),
                                problems,
                            })));
                    }
                }
                Err(error @ PresentationError::Read { .. }) => {
                    kept.writable = false;
                    self.session.status = Some(Note::Presentation(PresentNote::Kept(
                        KeptSaid::Unreadable {
                            error,
                            kept_as: None,
                        },
                    )));
                }
                Err(error) => {
                    let aside = file.with_extension("json.corrupt");
                    let moved = std::fs::rename(&file, &aside).is_ok();
                    kept.writable = moved;
                    self.session.status = Some(Note::Presentation(PresentNote::Kept(
                        KeptSaid::Unreadable {
                            error,
                            kept_as: moved.then_some(aside),
                        },
                    )));
                }
            },
        }
        kept.file = file;
        self.session.kept_deck = Some(kept);
        self.keep_presentation();
    }

    /// Writes the presentation being built to its kept file if its name or
    /// slides changed since the last write (an empty one removes the
    /// file). A write that fails is said; the slides stay on screen and
    /// the write is tried again at the next change.
    pub(super) fn keep_presentation(&mut self) {
        let deck = &self.session.presentation;
        let Some(kept) = &mut self.session.kept_deck else {
            return;
        };
        let now = (!deck.slides.is_empty()).then(|| (deck.name.clone(), deck.slides.clone()));
        if !kept.writable || kept.written == now {
            return;
        }
        let done = match &now {
            None => match std::fs::remove_file(&kept.file) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    Err(crate::output::WriteError::Io {
                        path: kept.file.clone(),
                        reason: crate::dataset::IoReason::of(&error),
                    })
                }
                _ => Ok(()),
            },
            Some((name, slides)) => {
                if let Some(folder) = kept.file.parent() {
                    let _ = std::fs::create_dir_all(folder);
                }
                let text = PresentationFile::new(name, slides.clone()).to_json();
                crate::output::write_atomic(&kept.file, text.as_bytes())
            }
        };
        match done {
            Ok(()) => kept.written = now,
            Err(error) => {
                self.session.status = Some(Note::Presentation(PresentNote::Kept(
                    KeptSaid::NotWritten(error),
                )));
            }
        }
    }
}
