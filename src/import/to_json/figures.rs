//! Figure proposals as dataset records: targets of the new plan, funds,
//! points of new series (one per metric and unit), facts as of a date,
//! and the exchange rates a yuan amount's dollars in brackets state. Each
//! record cites the new source with its quote (and its restatements as
//! `also`), says "about" and "over" as the document does, is linked to the
//! node whose text holds the quote, and is marked imported today.

use std::collections::HashSet;

use serde_json::{Value, json};

use super::{DocLang, Imported, slug, unique};
use crate::dataset::folded::normalize;
use crate::dataset::{FundLevel, Status};
use crate::import::draft::Draft;
use crate::import::figures::{FigureKind, FigureUnit, Proposal, Qualifier};

/// The records, by table.
#[derive(Debug, Default)]
pub(super) struct FigureJson {
    pub series: Vec<Value>,
    pub funds: Vec<Value>,
    pub targets: Vec<Value>,
    pub facts: Vec<Value>,
    pub exchange_rates: Vec<Value>,
}

/// What the records need beyond the proposals.
struct Context<'a> {
    /// The document's text.
    pub text: &'a str,
    /// Its language.
    pub lang: DocLang,
    /// The new source's id.
    pub source: &'a str,
    /// The new plan's id.
    pub plan: &'a str,
    /// The document's date (`YYYY-MM-DD`, or `YYYY` from a date printed
    /// at its head), if it prints one.
    pub date: Option<String>,
    /// Today.
    pub today: &'a str,
    /// The drafted nodes, in document order: id, where its paragraphs
    /// are, and its title and text. A node's words are folded by the
    /// quotes' rule only when a proposal asks (a copy of every node's text
    /// held at once would add most of the document to the import's peak).
    pub nodes: Vec<(&'a str, std::ops::Range<usize>, &'a str, &'a str)>,
}

impl Context<'_> {
    /// The node whose paragraphs hold the proposal's place, if its title
    /// or text holds the quote (the nodes' places are in order and apart).
    fn node_of(&self, p: &Proposal) -> Option<&str> {
        let after = self
            .nodes
            .partition_point(|(_, range, _, _)| range.start <= p.range.start);
        let (id, range, title, text) = self.nodes.get(after.checked_sub(1)?)?;
        (range.end >= p.range.end
            && format!("{title} {}", normalize(text)).contains(&normalize(&p.quote)))
        .then_some(*id)
    }

    /// A name as the record writes it, and, for a Chinese document, the
    /// same words as its printed Chinese (when the text holds them).
    fn names(&self, record: &mut Value, english_key: &str, zh_key: &str, words: &str) {
        record[english_key] = words.into();
        if self.lang == DocLang::Zh && super::text_holds(self.text, words) {
            record[zh_key] = words.into();
        }
    }

    /// The fields every record shares: its citation (and restatements),
    /// "about" and "over", its node, the day imported, a note.
    fn common(&self, record: &mut Value, p: &Proposal) {
        record["approximate"] = p.approximate().into();
        record["lower_bound"] = p.lower_bound().into();
        record["source"] = self.source.into();
        record["quote"] = p.quote.clone().into();
        let also: Vec<Value> = p
            .restated
            .iter()
            .filter_map(|range| self.text.get(range.clone()))
            .map(|quote| json!({"source": self.source, "quote": quote}))
            .collect();
        if !also.is_empty() {
            record["also"] = also.into();
        }
        if let Some(node) = self.node_of(p) {
            record["measures"] = json!([node]);
        }
        record["imported"] = self.today.into();
        record["note"] = note(p).into();
    }
}

/// What the import guessed, for the editor.
fn note(p: &Proposal) -> String {
    let mut parts = vec![if p.kind == FigureKind::Fund {
        "Drafted by plan-explorer import: the fund's name, level and purpose are guessed from the wording.".to_owned()
    } else {
        format!(
            "Drafted by plan-explorer import: the status ({}) and kind are guessed from the wording.",
            p.status
        )
    }];
    if p.qualifier.is_some_and(Qualifier::upper_bound) && !p.approximate() {
        parts.push("The document gives it as an upper bound (\"up to\").".to_owned());
    }
    if p.qualifier == Some(Qualifier::Nearly) {
        parts.push("The document says \"nearly\": the value is an upper bound.".to_owned());
    }
    parts.join(" ")
}

/// The figures of `imported`'s text as records citing `source`, targets
/// of `plan`, each linked to the node (of `node_ids`, the draft's in
/// order) whose words hold its quote; ids unique against `taken`.
pub(super) fn records_of(
    draft: &Draft,
    imported: &Imported<'_>,
    source: &str,
    plan: &str,
    node_ids: &[String],
    taken: &mut HashSet<String>,
) -> FigureJson {
    let proposals = crate::import::figures::propose(imported.text, imported.lang);
    let context = Context {
        text: imported.text,
        lang: imported.lang,
        source,
        plan,
        date: draft.plan.date.clone().or_else(|| {
            crate::import::figures::document_year(imported.text).map(|y| y.to_string())
        }),
        today: imported.today,
        nodes: draft
            .nodes
            .iter()
            .zip(node_ids)
            .map(|(node, id)| {
                (
                    id.as_str(),
                    node.range.clone(),
                    node.title.as_str(),
                    node.text.as_str(),
                )
            })
            .collect(),
    };
    figures_json(&proposals, &context, taken)
}

/// The proposals as records, ids unique against `taken`.
fn figures_json(
    proposals: &[Proposal],
    cx: &Context<'_>,
    taken: &mut HashSet<String>,
) -> FigureJson {
    let mut out = FigureJson::default();
    // Series by metric and unit, each with the years it has.
    let mut series_keys: Vec<(String, FigureUnit, Vec<i32>)> = Vec::new();
    for p in proposals {
        let unit = p.unit.dataset();
        match (p.kind, unit, p.year) {
            (FigureKind::Fund, _, _) => out.funds.push(fund(p, cx, taken)),
            (FigureKind::Target, Some(unit), _) => {
                let mut record = json!({"id": ""});
                let id = unique(&base("t", &p.metric, "target"), taken);
                record["id"] = id.into();
                cx.names(&mut record, "metric", "metric_zh", &p.metric);
                record["value"] = p.value.into();
                record["unit"] = unit.as_str().into();
                record["deadline_year"] = p.year.map_or(Value::Null, Value::from);
                record["plan"] = cx.plan.into();
                cx.common(&mut record, p);
                out.targets.push(record);
            }
            (FigureKind::Point, Some(unit), Some(year)) => {
                let key = p.metric.to_lowercase();
                let at = series_keys
                    .iter()
                    .position(|(k, u, years)| *k == key && *u == p.unit && !years.contains(&year));
                let at = at.unwrap_or_else(|| {
                    let id = unique(&base("", &p.metric, "series"), taken);
                    let mut series = json!({"id": id, "unit": unit.as_str(), "imported": cx.today, "points": []});
                    cx.names(&mut series, "title", "title_zh", &p.metric);
                    out.series.push(series);
                    series_keys.push((key, p.unit, Vec::new()));
                    out.series.len() - 1
                });
                series_keys[at].2.push(year);
                let series_id = out.series[at]["id"].as_str().unwrap_or("series").to_owned();
                let mut point = json!({
                    "id": unique(&format!("{series_id}-{year}"), taken),
                    "year": year,
                    "value": p.value,
                    "status": p.status.as_str(),
                });
                cx.common(&mut point, p);
                if let Some(points) = out.series[at]["points"].as_array_mut() {
                    points.push(point);
                }
            }
            _ => out.facts.push(fact(p, cx, taken)),
        }
        if let Some(dollars) = p.dollars
            && p.unit == FigureUnit::Yuan
        {
            out.exchange_rates.push(json!({
                "id": unique(&base("fx", &p.metric, "rate"), taken),
                "currency": "USD",
                "yuan_amount": p.value,
                "foreign_amount": dollars,
                "source": cx.source,
                "quote": p.quote,
                "imported": cx.today,
                "note": "Drafted by plan-explorer import from the dollars printed beside the amount; the document gives no date for the conversion, and '$' alone is read as US dollars.",
            }));
        }
    }
    out
}

/// An id from a prefix and words: "t-future-technology-colleges"; for
/// words with no Latin letters, the prefix and `otherwise`.
fn base(prefix: &str, words: &str, otherwise: &str) -> String {
    let words = slug(words, 40);
    match (prefix.is_empty(), words.is_empty()) {
        (_, true) if prefix.is_empty() => otherwise.to_owned(),
        (_, true) => format!("{prefix}-{otherwise}"),
        (true, false) => words,
        (false, false) => format!("{prefix}-{words}"),
    }
}

/// A fund record.
fn fund(p: &Proposal, cx: &Context<'_>, taken: &mut HashSet<String>) -> Value {
    let guess = p
        .fund
        .clone()
        .unwrap_or_else(|| crate::import::figures::FundGuess {
            name: p.metric.clone(),
            level: FundLevel::Municipal,
            level_inferred: true,
            purpose: None,
            per_recipient: false,
        });
    let mut record = json!({"id": unique(&base("fund", &guess.name, "fund"), taken)});
    cx.names(&mut record, "name", "name_zh", &guess.name);
    record["amount_yuan"] = if p.unit == FigureUnit::Yuan {
        p.value.into()
    } else {
        Value::Null
    };
    record["level"] = guess.level.as_str().into();
    if guess.level_inferred {
        record["level_inferred"] = true.into();
    }
    record["purpose"] = guess
        .purpose
        .unwrap_or_else(|| "Not stated beside the amount; see the quote.".to_owned())
        .into();
    if guess.per_recipient {
        record["per_recipient"] = true.into();
    }
    cx.common(&mut record, p);
    if p.unit == FigureUnit::UsDollars {
        record["note"] = format!(
            "{} The document states US${} and no amount in yuan.",
            note(p),
            p.value
        )
        .into();
    }
    record
}

/// A fact record: as of the year the sentence names, else the
/// document's date, else the day of import (the note says which).
fn fact(p: &Proposal, cx: &Context<'_>, taken: &mut HashSet<String>) -> Value {
    let mut record = json!({"id": unique(&base("fact", &p.metric, "fact"), taken)});
    cx.names(&mut record, "title", "title_zh", &p.metric);
    if let Some(unit) = p.unit.dataset() {
        record["value"] = p.value.into();
        record["unit"] = unit.as_str().into();
    }
    let (as_of, how) = match (p.year, &cx.date) {
        (Some(year), _) => (year.to_string(), "the year the sentence names"),
        (None, Some(date)) => (
            date.clone(),
            "the document's date: the sentence names no date of its own",
        ),
        (None, None) => (
            cx.today.to_owned(),
            "the day of import: neither the sentence nor the document gives a date; to be corrected",
        ),
    };
    record["as_of"] = as_of.into();
    record["as_of_note"] = format!("Drafted by plan-explorer import: {how}.").into();
    cx.common(&mut record, p);
    if p.unit == FigureUnit::UsDollars {
        record["note"] = format!(
            "{} The document states US${} and no amount in yuan; the dataset holds yuan.",
            note(p),
            p.value
        )
        .into();
    }
    if p.status == Status::Estimate {
        record["note"] = format!("{} The document gives it as an estimate.", note(p)).into();
    }
    record
}
