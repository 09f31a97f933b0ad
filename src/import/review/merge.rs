//! A proposal merged into a record the dataset already has: a point
//! becomes a new point of an existing series; a target, fact or fund the
//! document restates becomes a citation (`also`) of the existing one. The
//! proposal leaves the queue; the record it joins keeps its own words.

use serde_json::{Value, json};

use super::{Kind, Review, ReviewError, find_mut, load, remove_by_id, remove_point};

/// A record a proposal can be merged into: its kind, id and what it is
/// called (a series' or target's title, a fact's, a fund's name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeTarget {
    /// The existing record's kind (a series for a point).
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its title or name, in English.
    pub name: String,
}

impl Review {
    /// The records `kind`/`id` could be merged into: the series in its
    /// unit (for a point), or the targets, facts or funds of its kind (and
    /// unit) that are not proposals still to review; those sharing most
    /// words with it first.
    pub fn merge_targets(&self, kind: Kind, id: &str) -> Vec<MergeTarget> {
        let Some(record) = self.record(kind, id) else {
            return Vec::new();
        };
        let data = &self.dataset;
        // Proposals still pending are no records to merge into.
        let settled = |review: &crate::dataset::Review| !review.is_pending();
        let unit = |value: &Value| value.as_str().map(str::to_owned);
        let mut found: Vec<(MergeTarget, String)> = match kind {
            Kind::Point => {
                let own = self.json["series"].as_array().and_then(|list| {
                    list.iter().find(|s| {
                        s["points"]
                            .as_array()
                            .is_some_and(|p| p.iter().any(|p| p["id"].as_str() == Some(id)))
                    })
                });
                let own_unit = own.and_then(|s| unit(&s["unit"]));
                let own_id = own.and_then(|s| s["id"].as_str());
                let words = own.and_then(|s| s["title"].as_str()).unwrap_or_default();
                data.series
                    .iter()
                    .filter(|s| Some(s.id.as_str()) != own_id)
                    .filter(|s| own_unit.as_deref() == Some(s.unit.as_str()))
                    .filter(|s| !s.review.is_pending())
                    .map(|s| (target(Kind::Series, &s.id, &s.title), words.to_owned()))
                    .collect()
            }
            Kind::Target => data
                .targets
                .iter()
                .filter(|t| t.id != id && settled(&t.review))
                .filter(|t| unit(&record["unit"]).as_deref() == Some(t.unit.as_str()))
                .map(|t| (target(kind, &t.id, &t.metric), words(record, "metric")))
                .collect(),
            Kind::Fact => data
                .facts
                .iter()
                .filter(|f| f.id != id && settled(&f.review))
                .map(|f| (target(kind, &f.id, &f.title), words(record, "title")))
                .collect(),
            Kind::Fund => data
                .funds
                .iter()
                .filter(|f| f.id != id && settled(&f.review))
                .map(|f| (target(kind, &f.id, &f.name), words(record, "name")))
                .collect(),
            _ => Vec::new(),
        };
        found.sort_by_cached_key(|(t, words)| std::cmp::Reverse(shared_words(&t.name, words)));
        found.into_iter().map(|(t, _)| t).collect()
    }

    /// Merges the proposal `kind`/`id` into `into` (one of
    /// [`Self::merge_targets`]); refused, the draft unchanged, if the
    /// draft would not load (a year the series already has).
    pub fn merge(&mut self, kind: Kind, id: &str, into: &MergeTarget) -> Result<(), ReviewError> {
        let record = self
            .record(kind, id)
            .cloned()
            .ok_or_else(|| ReviewError::NoSuchRecord {
                kind,
                id: id.to_owned(),
            })?;
        let mut json = self.json.clone();
        let missing = || ReviewError::NoSuchRecord {
            kind: into.kind,
            id: into.id.clone(),
        };
        match (kind, into.kind) {
            (Kind::Point, Kind::Series) => {
                remove_point(&mut json["series"], id);
                drop_empty_series(&mut json);
                let series = find_mut(&mut json, Kind::Series, &into.id).ok_or_else(missing)?;
                if !series["points"].is_array() {
                    series["points"] = Value::Array(Vec::new());
                }
                if let Some(points) = series["points"].as_array_mut() {
                    points.push(record);
                }
            }
            (Kind::Target | Kind::Fact | Kind::Fund, to) if to == kind => {
                let list = match kind {
                    Kind::Target => "targets",
                    Kind::Fact => "facts",
                    _ => "funds",
                };
                remove_by_id(&mut json[list], id);
                let existing = find_mut(&mut json, kind, &into.id).ok_or_else(missing)?;
                let citation = json!({"source": record["source"], "quote": record["quote"]});
                if !existing["also"].is_array() {
                    existing["also"] = Value::Array(Vec::new());
                }
                if let Some(also) = existing["also"].as_array_mut() {
                    also.push(citation);
                }
            }
            _ => return Err(ReviewError::NotEditable("merge".to_owned())),
        }
        self.dataset = load(&json)?;
        self.json = json;
        Ok(())
    }
}

fn target(kind: Kind, id: &str, name: &str) -> MergeTarget {
    MergeTarget {
        kind,
        id: id.to_owned(),
        name: name.to_owned(),
    }
}

fn words(record: &Value, key: &str) -> String {
    record[key].as_str().unwrap_or_default().to_owned()
}

/// How many words (or, for Chinese, characters) `a` and `b` share.
fn shared_words(a: &str, b: &str) -> usize {
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .flat_map(|w| {
                if w.chars().any(|c| c > '\u{2e80}') {
                    w.chars().map(String::from).collect()
                } else {
                    vec![w.to_lowercase()]
                }
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let b = split(b);
    split(a).iter().filter(|w| b.contains(w)).count()
}

/// Drops the draft's series that have no point left.
fn drop_empty_series(json: &mut Value) {
    if let Some(list) = json["series"].as_array_mut() {
        list.retain(|s| {
            s["points"].as_array().is_none_or(|p| !p.is_empty()) || s.get("imported").is_none()
        });
    }
}
