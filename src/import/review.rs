//! Reviewing an imported draft: the queue of imported records, each
//! accepted (marked `reviewed` today), edited, or rejected (taken out),
//! with the progress ("34 of 52 reviewed").
//!
//! The draft's JSON is the review's state: a decision changes the JSON and
//! the JSON is checked again, so what is reviewed is always a dataset that
//! loads, and a draft saved after every decision is a review that can be
//! closed at any moment and taken up again where it stood.

mod change_kind;
mod merge;
mod quote;

pub use change_kind::CONVERTIBLE;
pub use merge::MergeTarget;
pub use quote::QuoteError;
use serde_json::Value;

use crate::dataset::{self, Dataset, Problem};

/// The kinds of record an import drafts.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Kind {
    /// The plan's own fields.
    Plan,
    /// A chapter, measure or item.
    Node,
    /// A responsible unit.
    Unit,
    /// A series (its title and unit).
    Series,
    /// A point of a series.
    Point,
    /// A fund.
    Fund,
    /// A target.
    Target,
    /// A fact as of a date.
    Fact,
    /// An exchange rate the document states.
    ExchangeRate,
}

/// One imported record in the queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its kind.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Whether it has been reviewed.
    pub reviewed: bool,
}

/// Why a decision could not be made.
#[derive(Clone, Debug, thiserror::Error, PartialEq)]
pub enum ReviewError {
    /// No imported record has this id.
    #[error("no imported {kind:?} has the id {id:?}")]
    NoSuchRecord {
        /// The kind looked for.
        kind: Kind,
        /// The id.
        id: String,
    },
    /// The change would make the draft invalid; it was not made.
    #[error("the change would make the draft invalid: {}", .0.first().map(Problem::message).unwrap_or_default())]
    Invalid(Vec<Problem>),
    /// The field cannot be edited in a review (an id, a list of children).
    #[error("the field {0:?} cannot be edited here")]
    NotEditable(String),
}

/// A draft under review: its JSON and the dataset it loads as.
#[derive(Clone, Debug)]
pub struct Review {
    json: Value,
    dataset: Dataset,
}

impl Review {
    /// Starts reviewing `json`, a draft that must load as a dataset.
    pub fn new(json: Value) -> Result<Self, ReviewError> {
        let dataset = load(&json)?;
        Ok(Self { json, dataset })
    }

    /// The draft's JSON, to save.
    pub fn json(&self) -> &Value {
        &self.json
    }

    /// The draft as a dataset.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Every imported record of the draft's document, in the order a
    /// reviewer takes them: the plan, its nodes in document order, the
    /// units (those its nodes name, and any other not yet reviewed), then
    /// the figures citing its document (each series before its points,
    /// funds, targets, facts, exchange rates). Records an earlier import brought into the dataset
    /// from another document are not this draft's to review.
    pub fn queue(&self) -> Vec<Entry> {
        let data = &self.dataset;
        let document = self.document();
        let ours = |source: dataset::SourceIx| document.is_none_or(|d| d == source);
        let mut out = Vec::new();
        let mut push = |kind, id: &str, review: &dataset::Review| {
            if review.imported.is_some() {
                out.push(Entry {
                    kind,
                    id: id.to_owned(),
                    reviewed: review.reviewed.is_some(),
                });
            }
        };
        for plan in data.plans.iter().filter(|p| ours(p.source)) {
            push(Kind::Plan, &plan.id, &plan.review);
        }
        for node in &data.nodes {
            if ours(data.plans[node.plan.index()].source) {
                push(Kind::Node, &node.id, &node.review);
            }
        }
        let our_node = |n: &dataset::NodeIx| ours(data.plans[data.node(*n).plan.index()].source);
        for unit in &data.units {
            if unit.review.reviewed.is_none() || unit.nodes.iter().any(our_node) {
                push(Kind::Unit, &unit.id, &unit.review);
            }
        }
        // A figure is the draft's when its first citation is the
        // draft's document; a series, when one of its points is.
        let cites_ours =
            |citations: &[dataset::Citation]| citations.first().is_some_and(|c| ours(c.source));
        for series in &data.series {
            if series.points.iter().any(|p| cites_ours(&p.citations)) {
                push(Kind::Series, &series.id, &series.review);
            }
            for point in series.points.iter().filter(|p| cites_ours(&p.citations)) {
                push(Kind::Point, &point.id, &point.review);
            }
        }
        for fund in data.funds.iter().filter(|f| cites_ours(&f.citations)) {
            push(Kind::Fund, &fund.id, &fund.review);
        }
        for target in data.targets.iter().filter(|t| cites_ours(&t.citations)) {
            push(Kind::Target, &target.id, &target.review);
        }
        for fact in data.facts.iter().filter(|f| cites_ours(&f.citations)) {
            push(Kind::Fact, &fact.id, &fact.review);
        }
        for rate in data
            .exchange_rates
            .iter()
            .filter(|r| ours(r.citation.source))
        {
            push(Kind::ExchangeRate, &rate.id, &rate.review);
        }
        out
    }

    /// How many imported records are reviewed, of how many.
    pub fn progress(&self) -> (usize, usize) {
        let queue = self.queue();
        (queue.iter().filter(|e| e.reviewed).count(), queue.len())
    }

    /// Accepts a record as drafted (or as edited): it is reviewed `today`.
    pub fn accept(&mut self, kind: Kind, id: &str, today: &str) -> Result<(), ReviewError> {
        self.change(kind, id, |record| {
            record["reviewed"] = today.into();
            Ok(())
        })
    }

    /// Sets a field of a record to `value` (a title, a text, a number, a
    /// year; `null` takes an optional field out); the record stays to be
    /// accepted.
    pub fn edit(
        &mut self,
        kind: Kind,
        id: &str,
        field: &str,
        value: Value,
    ) -> Result<(), ReviewError> {
        self.edit_fields(kind, id, vec![(field.to_owned(), value)])
    }

    /// Sets several fields of a record at once, as [`Self::edit`] sets
    /// one: all of them, or none if the draft would not load.
    pub fn edit_fields(
        &mut self,
        kind: Kind,
        id: &str,
        fields: Vec<(String, Value)>,
    ) -> Result<(), ReviewError> {
        if let Some((field, _)) = fields.iter().find(|(field, _)| {
            matches!(
                field.as_str(),
                "id" | "children" | "nodes" | "points" | "imported" | "reviewed"
            )
        }) {
            return Err(ReviewError::NotEditable(field.clone()));
        }
        self.change(kind, id, |record| {
            for (field, value) in fields {
                match (value, record.as_object_mut()) {
                    (Value::Null, Some(object)) => {
                        object.remove(&field);
                    }
                    (value, _) => record[field.as_str()] = value,
                }
            }
            Ok(())
        })
    }

    /// The record of `kind` with `id` as the draft's JSON holds it.
    pub fn record(&self, kind: Kind, id: &str) -> Option<&Value> {
        let json = &self.json;
        let by_id = |list: &'static str| -> Option<&Value> {
            json[list]
                .as_array()?
                .iter()
                .find(|r| r["id"].as_str() == Some(id))
        };
        match kind {
            Kind::Plan => by_id("plans"),
            Kind::Unit => by_id("units"),
            Kind::Series => by_id("series"),
            Kind::Fund => by_id("funds"),
            Kind::Target => by_id("targets"),
            Kind::Fact => by_id("facts"),
            Kind::ExchangeRate => by_id("exchange_rates"),
            Kind::Point => json["series"]
                .as_array()?
                .iter()
                .filter_map(|s| s["points"].as_array())
                .flatten()
                .find(|p| p["id"].as_str() == Some(id)),
            Kind::Node => json["plans"]
                .as_array()?
                .iter()
                .find_map(|plan| find_node_ref(&plan["nodes"], id)),
        }
    }

    /// The document the draft was made from: its last source, as an
    /// import adds its document after the dataset's own (and a dataset of
    /// its own has no other).
    pub fn document(&self) -> Option<dataset::SourceIx> {
        self.dataset
            .sources
            .len()
            .checked_sub(1)
            .map(dataset::SourceIx::at)
    }

    /// Takes a record out of the draft. A node goes with its children; a
    /// unit is taken out of the nodes that name it.
    pub fn reject(&mut self, kind: Kind, id: &str) -> Result<(), ReviewError> {
        let mut json = self.json.clone();
        let removed = match kind {
            Kind::Node => remove_node(&mut json["plans"], id),
            Kind::Unit => {
                let removed = remove_by_id(&mut json["units"], id);
                if removed {
                    forget_unit(&mut json["plans"], id);
                }
                removed
            }
            Kind::Plan => remove_by_id(&mut json["plans"], id),
            Kind::Series => remove_by_id(&mut json["series"], id),
            Kind::Point => remove_point(&mut json["series"], id),
            Kind::Fund => remove_by_id(&mut json["funds"], id),
            Kind::Target => remove_by_id(&mut json["targets"], id),
            Kind::Fact => remove_by_id(&mut json["facts"], id),
            Kind::ExchangeRate => remove_by_id(&mut json["exchange_rates"], id),
        };
        if !removed {
            return Err(ReviewError::NoSuchRecord {
                kind,
                id: id.to_owned(),
            });
        }
        self.dataset = load(&json)?;
        self.json = json;
        Ok(())
    }

    /// Applies `change` to the record's JSON, keeping it only if the draft
    /// still loads.
    fn change(
        &mut self,
        kind: Kind,
        id: &str,
        change: impl FnOnce(&mut Value) -> Result<(), ReviewError>,
    ) -> Result<(), ReviewError> {
        let mut json = self.json.clone();
        let record = find_mut(&mut json, kind, id).ok_or_else(|| ReviewError::NoSuchRecord {
            kind,
            id: id.to_owned(),
        })?;
        change(record)?;
        self.dataset = load(&json)?;
        self.json = json;
        Ok(())
    }
}

/// Loads `json` as a dataset: a draft with errors is refused.
fn load(json: &Value) -> Result<Dataset, ReviewError> {
    let loaded = dataset::load_str(&json.to_string());
    let errors: Vec<Problem> = loaded.errors().cloned().collect();
    match loaded.dataset {
        Some(data) if errors.is_empty() => Ok(data),
        _ => Err(ReviewError::Invalid(errors)),
    }
}

/// The record of `kind` with `id` in the draft's JSON.
fn find_mut<'a>(json: &'a mut Value, kind: Kind, id: &str) -> Option<&'a mut Value> {
    let by_id = |list: &'a mut Value| -> Option<&'a mut Value> {
        list.as_array_mut()?
            .iter_mut()
            .find(|r| r["id"].as_str() == Some(id))
    };
    match kind {
        Kind::Plan => by_id(&mut json["plans"]),
        Kind::Unit => by_id(&mut json["units"]),
        Kind::Series => by_id(&mut json["series"]),
        Kind::Fund => by_id(&mut json["funds"]),
        Kind::Target => by_id(&mut json["targets"]),
        Kind::Fact => by_id(&mut json["facts"]),
        Kind::ExchangeRate => by_id(&mut json["exchange_rates"]),
        Kind::Point => json["series"]
            .as_array_mut()?
            .iter_mut()
            .filter_map(|s| s["points"].as_array_mut())
            .flatten()
            .find(|p| p["id"].as_str() == Some(id)),
        Kind::Node => json["plans"]
            .as_array_mut()?
            .iter_mut()
            .find_map(|plan| find_node(&mut plan["nodes"], id)),
    }
}

/// A node by id in a list of nodes and their children.
fn find_node<'a>(nodes: &'a mut Value, id: &str) -> Option<&'a mut Value> {
    for node in nodes.as_array_mut()? {
        if node["id"].as_str() == Some(id) {
            return Some(node);
        }
        if let Some(found) = find_node(&mut node["children"], id) {
            return Some(found);
        }
    }
    None
}

/// A node by id in a list of nodes and their children, to read.
fn find_node_ref<'a>(nodes: &'a Value, id: &str) -> Option<&'a Value> {
    for node in nodes.as_array()? {
        if node["id"].as_str() == Some(id) {
            return Some(node);
        }
        if let Some(found) = find_node_ref(&node["children"], id) {
            return Some(found);
        }
    }
    None
}

/// Removes the record with `id` from a list; whether it was there.
fn remove_by_id(list: &mut Value, id: &str) -> bool {
    let Some(items) = list.as_array_mut() else {
        return false;
    };
    let before = items.len();
    items.retain(|r| r["id"].as_str() != Some(id));
    items.len() != before
}

/// Removes a node (with its children) from whichever plan holds it.
fn remove_node(plans: &mut Value, id: &str) -> bool {
    fn within(nodes: &mut Value, id: &str) -> bool {
        if remove_by_id(nodes, id) {
            return true;
        }
        nodes
            .as_array_mut()
            .is_some_and(|list| list.iter_mut().any(|n| within(&mut n["children"], id)))
    }
    plans
        .as_array_mut()
        .is_some_and(|list| list.iter_mut().any(|p| within(&mut p["nodes"], id)))
}

/// Removes a point from whichever series holds it.
fn remove_point(series: &mut Value, id: &str) -> bool {
    series
        .as_array_mut()
        .is_some_and(|list| list.iter_mut().any(|s| remove_by_id(&mut s["points"], id)))
}

/// Takes a unit out of every node's `units`.
fn forget_unit(plans: &mut Value, id: &str) {
    fn within(nodes: &mut Value, id: &str) {
        let Some(list) = nodes.as_array_mut() else {
            return;
        };
        for node in list {
            if let Some(units) = node["units"].as_array_mut() {
                units.retain(|u| u.as_str() != Some(id));
            }
            within(&mut node["children"], id);
        }
    }
    if let Some(list) = plans.as_array_mut() {
        for plan in list {
            within(&mut plan["nodes"], id);
        }
    }
}
