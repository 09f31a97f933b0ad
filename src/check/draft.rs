//! A draft as the check reads it: a text or Markdown file, or a Word
//! document (its text with tracked changes accepted, and its bytes kept
//! for the reviewed copy).

use std::path::Path;

use crate::dataset::{self, ReadError};
use crate::i18n::Lang;
use crate::import::read::{self, DocKind, Note, ReadDocError};
use crate::job::Progress;

/// A draft read for checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Its text, one paragraph a line.
    pub text: String,
    /// The Word document's bytes, for the reviewed copy; `None` for text.
    pub docx: Option<Vec<u8>>,
    /// What the reader did on the way (tracked changes accepted…).
    pub notes: Vec<Note>,
}

impl Draft {
    /// A draft pasted or typed: its text alone.
    pub fn of_text(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            docx: None,
            notes: Vec::new(),
        }
    }

    /// The tracked changes accepted, if the Word document had any.
    pub fn tracked_changes(&self) -> Option<(usize, usize)> {
        self.notes.iter().find_map(|n| match n {
            Note::TrackedChanges {
                insertions,
                deletions,
            } => Some((*insertions, *deletions)),
            _ => None,
        })
    }

    /// What the reader did, worded in `lang`, the tracked changes said
    /// plainly: the text checked is the one with the changes accepted.
    pub fn notes_text(&self, lang: Lang) -> Vec<String> {
        self.notes
            .iter()
            .map(|n| match n {
                Note::TrackedChanges { .. } => {
                    let what = n.text(lang);
                    match lang {
                        Lang::En => format!("{what}: the draft was checked as it reads with its tracked changes accepted"),
                        Lang::Zh => format!("{what}：按接受修订后的文字检查"),
                    }
                }
                n => n.text(lang),
            })
            .collect()
    }
}

/// Reads the draft at `path`: .txt, .md (as text) or .docx.
pub fn read_draft(path: &Path, progress: &Progress) -> Result<Draft, ReadDocError> {
    let limit = DocKind::of_name(path).map_or(DocKind::Text.limit_bytes(), DocKind::limit_bytes);
    let bytes = dataset::read_bytes_with(path, limit, progress).map_err(|error| match error {
        ReadError::TooLarge { path, size, limit } => ReadDocError::TooLarge {
            kind: DocKind::of_name(&path).unwrap_or(DocKind::Text),
            file: path,
            size,
            limit,
        },
        error => ReadDocError::File(error),
    })?;
    let name = path.to_string_lossy();
    let document = read::read_bytes(&name, &bytes)?;
    let docx = (document.format.kind() == DocKind::Docx).then_some(bytes);
    Ok(Draft {
        text: document.text,
        docx,
        notes: document.notes,
    })
}
