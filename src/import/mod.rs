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
/// is Chinese when most of the letters are.
pub fn prepare(
    text: &str,
    file_name: &str,
    lang: Option<DocLang>,
    into: Option<(&Dataset, Value)>,
    units_of: &Dataset,
    today: &str,
) -> Prepared {
    let lang = lang.unwrap_or(if mostly_chinese(text) {
        DocLang::Zh
    } else {
        DocLang::En
    });
    let units = into
        .as_ref()
        .map_or(&units_of.units, |(data, _)| &data.units);
    let drafted = draft::draft(text, units);
    let imported = Imported {
        text,
        file_name,
        lang,
        today,
    };
    let json = match into {
        Some((data, json)) => to_json::into_dataset(&drafted, &imported, data, json),
        None => to_json::new_dataset(&drafted, &imported, units_of),
    };
    Prepared {
        draft: drafted,
        json,
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
