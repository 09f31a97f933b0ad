//! The checker's field helpers: taking a field or reporting why not, texts,
//! ids, years, lists of records and references.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

use super::{
    Checker, Distinct, MAX_PROBLEMS, MAX_TEXT_BYTES, PLAUSIBLE_YEARS, id_spelling_problem,
};
use crate::dataset::field::{Field, Shape};
use crate::dataset::kinds::{ProblemKind, RecordKind};
use crate::dataset::model::{IdIndex, SmolStr};
use crate::dataset::problem::{JsonPath, Problem};

impl Checker {
    /// Keeps a problem, or only counts it past [`MAX_PROBLEMS`].
    pub(super) fn report(&mut self, problem: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.dropped += 1;
            self.dropped_errors += usize::from(problem.is_error());
        }
    }

    /// Reports an error at `path`.
    pub(super) fn error(&mut self, path: String, kind: ProblemKind) {
        self.report(Problem::error(path, kind));
    }

    /// Reports a missing or mistyped field and gives back its value, if any.
    pub(super) fn take<T: Shape>(&mut self, field: Field<T>, key: &str) -> Option<T> {
        match field {
            Field::Ok(value) => Some(value),
            Field::Missing => {
                self.error(self.path.with_key(key), ProblemKind::MissingField);
                None
            }
            Field::Wrong(found) => {
                self.error(
                    self.path.with_key(key),
                    ProblemKind::WrongType {
                        expected: T::expected(),
                        found: *found,
                    },
                );
                None
            }
        }
    }

    /// Like [`Self::take`], for a field that may be absent or null.
    pub(super) fn take_optional<T: Shape>(
        &mut self,
        field: Option<Field<T>>,
        key: &str,
    ) -> Option<T> {
        match field {
            None | Some(Field::Missing) => None,
            Some(field) => self.take(field, key),
        }
    }

    /// A required string (text or id) that must not be blank.
    pub(super) fn non_blank<T: Shape + AsRef<str> + Default>(
        &mut self,
        field: Field<T>,
        key: &str,
    ) -> T {
        match self.take(field, key) {
            Some(value) if value.as_ref().trim().is_empty() => {
                self.error(self.path.with_key(key), ProblemKind::Blank);
                value
            }
            Some(value) => value,
            None => T::default(),
        }
    }

    pub(super) fn text(&mut self, field: Field<String>, key: &str) -> String {
        let text = self.non_blank(field, key);
        self.within(text, key, MAX_TEXT_BYTES)
    }

    /// `text` if it is within `limit` bytes; else an error, and nothing
    /// kept of it.
    fn within(&mut self, text: String, key: &str, limit: usize) -> String {
        if text.len() <= limit {
            return text;
        }
        self.error(
            self.path.with_key(key),
            ProblemKind::TextTooLong {
                bytes: text.len(),
                limit,
            },
        );
        String::new()
    }

    /// A required reference to another record's id.
    pub(super) fn reference(&mut self, field: Field<SmolStr>, key: &str) -> SmolStr {
        self.non_blank(field, key)
    }

    /// A required string that may be empty (a heading's text).
    pub(super) fn text_or_empty(&mut self, field: Field<String>, key: &str) -> String {
        let text = self.take(field, key).unwrap_or_default();
        self.within(text, key, MAX_TEXT_BYTES)
    }

    /// An optional string; blank counts as absent.
    pub(super) fn optional_text(
        &mut self,
        field: Option<Field<String>>,
        key: &str,
    ) -> Option<String> {
        self.optional_text_within(field, key, MAX_TEXT_BYTES)
    }

    /// Like [`Self::optional_text`], with another limit (a source's whole
    /// text).
    pub(super) fn optional_text_within(
        &mut self,
        field: Option<Field<String>>,
        key: &str,
        limit: usize,
    ) -> Option<String> {
        self.take_optional(field, key)
            .filter(|text| !text.trim().is_empty())
            .map(|text| self.within(text, key, limit))
    }

    /// A record's Chinese: the words a document prints (`key`, e.g.
    /// `title_zh`) and the editors' translation (`key` + `_translation`).
    pub(super) fn chinese(
        &mut self,
        printed: Option<Field<String>>,
        translation: Option<Field<String>>,
        key: &str,
    ) -> (Option<String>, Option<String>) {
        let printed = self.optional_text(printed, key);
        let translation =
            self.translation(translation, &format!("{key}_translation"), printed.as_ref());
        (printed, translation)
    }

    /// A unit's Chinese names: a printed name may be an abbreviation
    /// (上海市科委), and the editors' translation beside it is the full
    /// official name, shown after it (上海市科委（上海市科学技术委员会〔译〕）),
    /// so no warning says it is never shown.
    pub(super) fn unit_chinese(
        &mut self,
        printed: Option<Field<String>>,
        translation: Option<Field<String>>,
    ) -> (Option<String>, Option<String>) {
        let printed = self.optional_text(printed, "name_zh");
        let translation = self.translation(translation, "name_zh_translation", None);
        (printed, translation)
    }

    /// An editors' translation (`key` is e.g. `title_zh_translation`): a
    /// text of its own, which the mark 〔译〕 is added to when shown, so it
    /// must not carry one; beside a Chinese name a document prints, it is
    /// never shown, and a warning says so.
    pub(super) fn translation(
        &mut self,
        field: Option<Field<String>>,
        key: &str,
        printed: Option<&String>,
    ) -> Option<String> {
        let translation = self.optional_text(field, key)?;
        let path = self.path.with_key(key);
        if translation.contains("〔译〕") {
            self.error(path, ProblemKind::TranslationMarked);
        } else if printed.is_some() {
            let printed_key = key.trim_end_matches("_translation");
            self.report(Problem::warning(
                path,
                ProblemKind::TranslationNeverShown {
                    printed_key: printed_key.to_owned(),
                },
            ));
        }
        Some(translation)
    }

    pub(super) fn flag(&mut self, field: Field<bool>, key: &str) -> bool {
        self.take(field, key).unwrap_or(false)
    }

    pub(super) fn optional_flag(&mut self, field: Option<Field<bool>>, key: &str) -> bool {
        self.take_optional(field, key).unwrap_or(false)
    }

    /// A required id with a valid spelling.
    pub(super) fn id(&mut self, field: Field<SmolStr>) -> Option<SmolStr> {
        let Some(id) = self.take(field, "id") else {
            self.lose_record_here();
            return None;
        };
        if let Some(kind) = id_spelling_problem(&id) {
            self.error(self.path.with_key("id"), kind);
            self.lose_record_here();
            return None;
        }
        Some(id)
    }

    /// A year within the plausible range.
    pub(super) fn year(&mut self, value: i64, key: &str) -> Option<i32> {
        if PLAUSIBLE_YEARS.contains(&value) {
            i32::try_from(value).ok()
        } else {
            self.error(
                self.path.with_key(key),
                ProblemKind::ImplausibleYear {
                    year: value,
                    min: *PLAUSIBLE_YEARS.start(),
                    max: *PLAUSIBLE_YEARS.end(),
                },
            );
            None
        }
    }

    /// Registers an id in one of the id maps, reporting a duplicate at the
    /// path `path` gives (called only then).
    pub(super) fn register<Ix: Copy>(
        &mut self,
        map_of: impl FnOnce(&mut IdIndex) -> &mut HashMap<SmolStr, Ix>,
        id: SmolStr,
        ix: Ix,
        record: RecordKind,
        path: impl FnOnce(&JsonPath) -> String,
    ) {
        match map_of(&mut self.index).entry(id) {
            Entry::Occupied(entry) => {
                let kind = ProblemKind::DuplicateId {
                    record,
                    id: entry.key().clone(),
                };
                let path = path(&self.path);
                self.report(Problem::error(path, kind));
            }
            Entry::Vacant(entry) => {
                entry.insert(ix);
            }
        }
    }

    /// Walks an array field, calling `each` on every usable element with the
    /// path pointing at it and the position its result will have.
    pub(super) fn each<R: Shape, T>(
        &mut self,
        field: Field<Vec<Field<R>>>,
        key: &'static str,
        mut each: impl FnMut(&mut Self, R, usize) -> T,
    ) -> Vec<T> {
        let Some(items) = self.take(field, key) else {
            return Vec::new();
        };
        // The lists of records are the document's own (and a series'
        // points); a list of ids elsewhere holds no records to lose.
        let records = self.path.is_root() || key == "points";
        let outer = self.path.key(key);
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let inner = self.path.index(i);
            match item {
                Field::Ok(item) => {
                    let position = out.len();
                    out.push(each(self, item, position));
                }
                Field::Missing => {
                    self.error(self.path.render(), ProblemKind::NullElement);
                    if records {
                        self.lose_record_here();
                    }
                }
                Field::Wrong(found) => {
                    self.error(
                        self.path.render(),
                        ProblemKind::WrongType {
                            expected: R::expected(),
                            found: *found,
                        },
                    );
                    if records {
                        self.lose_record_here();
                    }
                }
            }
            self.path.truncate(inner);
        }
        self.path.truncate(outer);
        out
    }

    /// Like [`Self::each`], for an optional array.
    pub(super) fn each_optional<R: Shape, T>(
        &mut self,
        field: Option<Field<Vec<Field<R>>>>,
        key: &'static str,
        each: impl FnMut(&mut Self, R, usize) -> T,
    ) -> Vec<T> {
        match field {
            None | Some(Field::Missing) => Vec::new(),
            Some(field) => self.each(field, key, each),
        }
    }

    /// Resolves a list of ids on the spot; a dangling id is reported with
    /// its path (built only then) and dropped.
    pub(super) fn refs<Ix: Copy + Eq + Hash>(
        &mut self,
        field: Field<Vec<Field<SmolStr>>>,
        key: &'static str,
        map_of: impl Fn(&IdIndex) -> &HashMap<SmolStr, Ix>,
        record: RecordKind,
    ) -> Vec<Ix> {
        let mut out = Distinct::default();
        self.each(field, key, |checker, id: SmolStr, _| {
            let Some(ix) = checker.resolve(&map_of, &id, None, record) else {
                return;
            };
            if !out.insert(ix) {
                let path = checker.path.render();
                checker.report(Problem::warning(
                    path,
                    ProblemKind::ListedTwice { record, id },
                ));
            }
        });
        out.items
    }

    /// Like [`Self::refs`], for an optional list.
    pub(super) fn optional_refs<Ix: Copy + Eq + Hash>(
        &mut self,
        field: Option<Field<Vec<Field<SmolStr>>>>,
        key: &'static str,
        map_of: impl Fn(&IdIndex) -> &HashMap<SmolStr, Ix>,
        record: RecordKind,
    ) -> Vec<Ix> {
        match field {
            None | Some(Field::Missing) => Vec::new(),
            Some(field) => self.refs(field, key, map_of, record),
        }
    }

    /// Resolves one id, reporting a dangling reference at the current path
    /// (or at its `key`, when given).
    pub(super) fn resolve<Ix: Copy>(
        &mut self,
        map_of: impl Fn(&IdIndex) -> &HashMap<SmolStr, Ix>,
        id: &str,
        key: Option<&str>,
        record: RecordKind,
    ) -> Option<Ix> {
        let found = map_of(&self.index).get(id).copied();
        if found.is_none() && !self.lost(record) {
            let path = match key {
                Some(key) => self.path.with_key(key),
                None => self.path.render(),
            };
            self.error(
                path,
                ProblemKind::Unknown {
                    record,
                    id: id.into(),
                },
            );
        }
        found
    }
}
