//! Importing a plan document: [`read`] takes a text file, a saved web
//! page, a Word document or a PDF to its text, one paragraph a line;
//! [`draft`] drafts the plan, its units and figures from that text, for an
//! editor to review ([`review`]).

pub mod draft;
pub mod figures;
pub mod read;
pub mod review;
pub mod to_json;

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::dataset::Dataset;
use draft::Draft;
use to_json::{DocLang, Imported};

/// The months' English names in lower case, as the header, the figures'
/// dates and their guesses look for them.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A document drafted, and the draft as dataset JSON.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The draft.
    pub draft: Draft,
    /// The dataset JSON: a dataset of its own, or `into`'s with the plan
    /// added.
    pub json: Value,
}

/// Whether most of `text`'s letters are Chinese.
pub fn mostly_chinese(text: &str) -> bool {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for c in text.chars().take(200_000) {
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            cjk += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    cjk > latin / 3
}

/// Drafts `text` (the document `file_name`) into JSON: added to `into`'s
/// dataset (as loaded, and its JSON as read) or a dataset of its own whose
/// units are matched against `units_of`'s. The language, when not given,
/// is Chinese when most of the letters are. The text is moved into the
/// JSON as the new source's text, not copied (a long document's text is a
/// good part of the import's memory).
pub fn prepare(
    text: String,
    file_name: &str,
    lang: Option<DocLang>,
    into: Option<(&Dataset, Value)>,
    units_of: &Dataset,
    today: &str,
) -> Prepared {
    let lang = lang.unwrap_or(if mostly_chinese(&text) {
        DocLang::Zh
    } else {
        DocLang::En
    });
    let units = into
        .as_ref()
        .map_or(&units_of.units, |(data, _)| &data.units);
    let drafted = draft::draft(&text, units);
    let imported = Imported {
        text: &text,
        file_name,
        lang,
        today,
    };
    let bare = match into {
        Some((data, json)) => to_json::into_dataset_bare(&drafted, &imported, data, json),
        None => to_json::new_dataset_bare(&drafted, &imported, units_of),
    };
    Prepared {
        draft: drafted,
        json: to_json::with_text(bare, text),
    }
}

/// Where the draft of `document` is kept while it is reviewed: beside the
/// dataset it goes into (`plans.json` → `plans.draft-DOC.json`), or beside
/// the document for a dataset of its own (`DOC.draft.json`).
pub fn draft_path(dataset: Option<&Path>, document: &Path) -> PathBuf {
    let stem = |path: &Path| {
        path.file_stem().map_or_else(
            || "document".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    };
    match dataset {
        Some(dataset) => {
            dataset.with_file_name(format!("{}.draft-{}.json", stem(dataset), stem(document)))
        }
        None => document.with_file_name(format!("{}.draft.json", stem(document))),
    }
}

/// Where a review keeps what the draft's JSON cannot say (the records
/// edited, the rows rejected and where they stood), beside the draft:
/// `plans.draft-DOC.json` → `plans.draft-DOC.decisions`. No draft is
/// listed by that name ([`drafts_beside`] takes `.json` files).
pub fn decisions_path(draft: &Path) -> PathBuf {
    draft.with_extension("decisions")
}

/// The document formats an import reads, by file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// Plain text (`.txt`).
    Text,
    /// A Word document (`.docx`).
    Word,
    /// A PDF with a text layer (`.pdf`).
    Pdf,
    /// A saved web page (`.html`, `.htm`).
    Html,
}

impl DocumentKind {
    /// The kind `path`'s extension names; `None` for anything else (a
    /// dataset's `.json`, say).
    pub fn of_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Self::Text),
            "docx" => Some(Self::Word),
            "pdf" => Some(Self::Pdf),
            "html" | "htm" => Some(Self::Html),
            _ => None,
        }
    }

    /// The extensions a file dialog offers for documents.
    pub const EXTENSIONS: [&str; 5] = ["txt", "docx", "pdf", "html", "htm"];
}

/// Why a document's text could not be had: [`read::ReadDocError`], which
/// says what and where (the file, the part of a Word document, the page of
/// a PDF) in both languages.
pub type DocumentError = read::ReadDocError;

/// The text of the document at `path` (plain text in any encoding read
/// can tell, a web page, a Word document or a PDF), read with `progress`,
/// which hears Cancel.
pub fn read_document(
    path: &Path,
    progress: &crate::job::Progress,
) -> Result<String, DocumentError> {
    read::read_document(path, progress).map(|document| document.text)
}

/// The drafts kept beside `dataset` (`plans.draft-*.json`, as
/// [`draft_path`] names them), in name order; none where the folder
/// cannot be read.
pub fn drafts_beside(dataset: &Path) -> Vec<PathBuf> {
    let (Some(folder), Some(stem)) = (dataset.parent(), dataset.file_stem()) else {
        return Vec::new();
    };
    let prefix = format!("{}.draft-", stem.to_string_lossy());
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.starts_with(&prefix)
                && Path::new(&name)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                && entry.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|entry| dataset.with_file_name(entry.file_name()))
        .collect();
    found.sort();
    found
}

/// Where a reviewed draft is saved by default: a new file beside the
/// draft named after the dataset it went into and `day` (`plans.draft-DOC.json`
/// → `plans-DAY.json`), or after the document for a dataset of its own
/// (`DOC.draft.json` → `DOC-DAY.json`).
pub fn edition_path(draft: &Path, day: &str) -> PathBuf {
    let name = draft
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = name.split_once(".draft").map_or_else(
        || name.trim_end_matches(".json").to_owned(),
        |(base, _)| base.to_owned(),
    );
    let base = if base.is_empty() { "dataset" } else { &base };
    draft.with_file_name(format!("{base}-{day}.json"))
}

/// A draft's JSON as saved: pretty, with a final line break.
pub fn draft_bytes(json: &Value) -> Vec<u8> {
    // A `Value` always serialises.
    let mut bytes = serde_json::to_vec_pretty(json).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Reads a draft back: its JSON, which must load as a dataset without
/// errors (the problems say why not, located in the file).
pub fn read_draft(path: &Path) -> Result<review::Review, DraftError> {
    let text = crate::dataset::read_text(path, crate::dataset::MAX_DATASET_BYTES)
        .map_err(DraftError::Read)?;
    let loaded = crate::dataset::load_str(&text);
    let errors: Vec<crate::dataset::Problem> = loaded.errors().cloned().collect();
    if !errors.is_empty() || loaded.dataset.is_none() {
        return Err(DraftError::Invalid(errors));
    }
    // It parsed as a dataset, so it parses as JSON.
    let json: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|_| DraftError::Invalid(Vec::new()))?;
    review::Review::new(json).map_err(|error| match error {
        review::ReviewError::Invalid(problems) => DraftError::Invalid(problems),
        _ => DraftError::Invalid(Vec::new()),
    })
}

/// Why a draft could not be taken up again.
#[derive(Debug, thiserror::Error, Clone, PartialEq)]
pub enum DraftError {
    /// The file could not be read.
    #[error("{0}")]
    Read(crate::dataset::ReadError),
    /// It does not load as a dataset: the problems say why.
    #[error("the draft is not a valid dataset: {}", .0.first().map(crate::dataset::Problem::message).unwrap_or_default())]
    Invalid(Vec<crate::dataset::Problem>),
}
