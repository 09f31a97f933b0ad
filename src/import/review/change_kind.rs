//! A figure's kind changed in a review: a target, a fact as of a date, or
//! a point of a series (a series of its own), each the others with the
//! same words. Value, unit, year, quote, citations, qualifiers, node and
//! the day imported come along; what the new kind needs and the old did
//! not say is filled as the import would (a target's plan is the draft's
//! new plan, a point's status follows the old kind).

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{Kind, Review, ReviewError, load, remove_by_id, remove_point};
use crate::import::to_json::unique;

/// The figure kinds a review can turn into one another, in the order the
/// form offers them.
pub const CONVERTIBLE: [Kind; 3] = [Kind::Target, Kind::Fact, Kind::Point];

/// Fields every figure kind carries alike.
const SHARED: [&str; 9] = [
    "value",
    "approximate",
    "lower_bound",
    "source",
    "quote",
    "also",
    "measures",
    "imported",
    "note",
];

/// What a figure says, whatever its kind.
struct Figure {
    shared: Map<String, Value>,
    /// Its metric (a target's), title (a fact's) or its series' title.
    name: Value,
    name_zh: Option<Value>,
    unit: Value,
    year: Option<i64>,
    status: Value,
}

impl Review {
    /// Turns the figure `id` of `kind` into a figure of kind `to` (see
    /// the module's documentation); its key afterwards. Refused, with the
    /// draft unchanged, for records that are not such figures or when the
    /// draft would not load (a unit the new kind does not take).
    pub fn change_kind(
        &mut self,
        kind: Kind,
        id: &str,
        to: Kind,
    ) -> Result<(Kind, String), ReviewError> {
        if !CONVERTIBLE.contains(&kind) || !CONVERTIBLE.contains(&to) {
            return Err(ReviewError::NotEditable("kind".to_owned()));
        }
        if kind == to {
            return Ok((kind, id.to_owned()));
        }
        let figure = self
            .figure(kind, id)
            .ok_or_else(|| ReviewError::NoSuchRecord {
                kind,
                id: id.to_owned(),
            })?;
        let mut json = self.json.clone();
        let removed = match kind {
            Kind::Target => remove_by_id(&mut json["targets"], id),
            Kind::Fact => remove_by_id(&mut json["facts"], id),
            _ => remove_point(&mut json["series"], id),
        };
        if !removed {
            return Err(ReviewError::NoSuchRecord {
                kind,
                id: id.to_owned(),
            });
        }
        if kind == Kind::Point {
            // A series of the draft's left with no point goes with it.
            if let Some(list) = json["series"].as_array_mut() {
                list.retain(|s| {
                    s["points"].as_array().is_none_or(|p| !p.is_empty())
                        || s.get("imported").is_none()
                });
            }
        }
        let mut taken = ids(&json);
        let new_id = unique(id, &mut taken);
        let mut record = Value::Object(figure.shared);
        record["id"] = new_id.clone().into();
        let year = figure.year;
        match to {
            Kind::Target => {
                record["metric"] = figure.name;
                if let Some(zh) = figure.name_zh {
                    record["metric_zh"] = zh;
                }
                record["unit"] = figure.unit;
                record["deadline_year"] = year.map_or(Value::Null, Value::from);
                record["plan"] = self.new_plan().into();
                push(&mut json, "targets", record);
            }
            Kind::Fact => {
                record["title"] = figure.name;
                if let Some(zh) = figure.name_zh {
                    record["title_zh"] = zh;
                }
                record["unit"] = figure.unit;
                record["as_of"] = year.map_or_else(
                    || {
                        self.json["edition"]
                            .as_str()
                            .unwrap_or("2025")
                            .get(..4)
                            .unwrap_or("2025")
                            .into()
                    },
                    |y| y.to_string().into(),
                );
                push(&mut json, "facts", record);
            }
            _ => {
                record["year"] = year.unwrap_or(2025).into();
                record["status"] = figure.status;
                let series_id = unique(&format!("series-{new_id}"), &mut taken);
                let mut series = Map::new();
                series.insert("id".into(), series_id.into());
                series.insert("title".into(), figure.name);
                if let Some(zh) = figure.name_zh {
                    series.insert("title_zh".into(), zh);
                }
                series.insert("unit".into(), figure.unit);
                if let Some(day) = record.get("imported").cloned() {
                    series.insert("imported".into(), day);
                }
                series.insert("points".into(), Value::Array(vec![record]));
                push(&mut json, "series", Value::Object(series));
            }
        }
        self.dataset = load(&json)?;
        self.json = json;
        Ok((to, new_id))
    }

    /// What the figure says, read from its JSON.
    fn figure(&self, kind: Kind, id: &str) -> Option<Figure> {
        let record = self.record(kind, id)?.as_object()?;
        let shared: Map<String, Value> = SHARED
            .iter()
            .filter_map(|&k| Some((k.to_owned(), record.get(k)?.clone())))
            .collect();
        let get = |key: &str| record.get(key).cloned();
        let year_of = |v: Option<Value>| {
            v.and_then(|v| {
                v.as_i64()
                    .or_else(|| v.as_str()?.get(..4)?.parse::<i64>().ok())
            })
        };
        Some(match kind {
            Kind::Target => Figure {
                shared,
                name: get("metric")?,
                name_zh: get("metric_zh"),
                unit: get("unit")?,
                year: year_of(get("deadline_year")),
                status: "target".into(),
            },
            Kind::Fact => Figure {
                shared,
                name: get("title")?,
                name_zh: get("title_zh"),
                unit: get("unit").unwrap_or(Value::Null),
                year: year_of(get("as_of")),
                status: "actual".into(),
            },
            _ => {
                let series = self.json["series"].as_array()?.iter().find(|s| {
                    s["points"]
                        .as_array()
                        .is_some_and(|p| p.iter().any(|p| p["id"].as_str() == Some(id)))
                })?;
                Figure {
                    shared,
                    name: series.get("title")?.clone(),
                    name_zh: series.get("title_zh").cloned(),
                    unit: series.get("unit")?.clone(),
                    year: year_of(get("year")),
                    status: get("status").unwrap_or_else(|| "actual".into()),
                }
            }
        })
    }

    /// The draft's new plan: the last plan citing its document.
    fn new_plan(&self) -> String {
        let document = self
            .document()
            .map(|s| self.dataset.sources[s.index()].id.to_string());
        self.json["plans"]
            .as_array()
            .and_then(|plans| {
                plans
                    .iter()
                    .rev()
                    .find(|p| p["source"].as_str() == document.as_deref())
                    .or_else(|| plans.last())
            })
            .and_then(|p| p["id"].as_str())
            .unwrap_or_default()
            .to_owned()
    }
}

/// Every id the draft's figures and plans use, so a new one stays apart.
fn ids(json: &Value) -> HashSet<String> {
    let mut out = HashSet::new();
    for list in ["targets", "facts", "funds", "series", "exchange_rates"] {
        for record in json[list].as_array().into_iter().flatten() {
            if let Some(id) = record["id"].as_str() {
                out.insert(id.to_owned());
            }
            for point in record["points"].as_array().into_iter().flatten() {
                if let Some(id) = point["id"].as_str() {
                    out.insert(id.to_owned());
                }
            }
        }
    }
    out
}

/// Adds `record` to the list `key`, made if missing.
fn push(json: &mut Value, key: &str, record: Value) {
    if !json[key].is_array() {
        json[key] = Value::Array(Vec::new());
    }
    if let Some(list) = json[key].as_array_mut() {
        list.push(record);
    }
}
