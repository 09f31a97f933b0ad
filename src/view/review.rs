//! A review of an imported draft as data: the queue's rows (the plan, its
//! nodes indented by depth with their numbering, the units, the figures),
//! what has become of each (pending, edited, accepted, rejected), moving
//! through them, the progress in words, the fields of the record shown
//! with their values as text and back, and where each record stands in
//! the document.
//!
//! The draft's JSON says which records are reviewed; what it cannot say
//! (that a record was edited, that one was rejected and where it stood)
//! is kept in [`Decisions`], written beside the draft with it.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::dataset::proof::{Proof, Quoting};
use crate::dataset::{FigureRef, NodeKind, SourceIx};
use crate::i18n::{Lang, T, fill, tr};
use crate::import::review::{Kind, Review};
use crate::view::source::Place;

/// A record of the draft: its kind and id.
pub type Key = (Kind, String);

/// What has become of a record in the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Status {
    /// Not looked at yet.
    Pending,
    /// Edited, not yet accepted.
    Edited,
    /// Accepted: reviewed, as drafted or as edited.
    Accepted {
        /// Whether it was edited first.
        edited: bool,
    },
    /// Taken out of the draft.
    Rejected,
    /// Merged into a record the dataset already has.
    Merged,
}

impl Status {
    /// The status in a word or two, in `lang`.
    pub fn word(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                Self::Pending => T::ReviewPending,
                Self::Edited => T::ReviewEdited,
                Self::Accepted { edited: false } => T::ReviewAccepted,
                Self::Accepted { edited: true } => T::ReviewAcceptedEdited,
                Self::Rejected => T::ReviewRejected,
                Self::Merged => T::ReviewMerged,
            },
        )
    }

    /// Whether the record has left the queue (rejected or merged).
    pub fn is_gone(self) -> bool {
        matches!(self, Self::Rejected | Self::Merged)
    }

    /// Whether a decision is still to be made (pending or edited).
    pub fn is_open(self) -> bool {
        matches!(self, Self::Pending | Self::Edited)
    }
}

/// One row of the queue.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    /// The record's kind.
    pub kind: Kind,
    /// The record's id.
    pub id: String,
    /// How far it is indented: 0 for the plan, units and figures, 1 for a
    /// chapter, 2 for a measure, 3 for an item.
    pub depth: u16,
    /// What it is called: a node's numbering and title, else the kind and
    /// the name.
    pub label: String,
    /// What has become of it.
    pub status: Status,
}

impl Row {
    /// The row's record.
    pub fn key(&self) -> Key {
        (self.kind, self.id.clone())
    }

    /// The row as one line: its label and status ("1. Title · pending").
    pub fn line(&self, lang: Lang) -> String {
        format!("{} · {}", self.label, self.status.word(lang))
    }
}

/// What the window remembers of the decisions beyond the draft's JSON: the
/// records edited, and the rows rejected where they stood. It is kept
/// beside the draft ([`crate::import::decisions_path`]), so a review taken
/// up again shows them as they were.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Decisions {
    /// The records edited in this review.
    pub edited: BTreeSet<Key>,
    /// The rows rejected, each with its place in the queue as shown when
    /// it was rejected, in the order they were.
    pub rejected: Vec<(usize, Row)>,
}

impl Decisions {
    /// Notes that the row at `at` of `rows` (the queue as shown) is
    /// rejected, with the rows under it (a node's children go with it).
    pub fn reject(&mut self, rows: &[Row], at: usize) {
        self.set_aside(rows, at, Status::Rejected);
    }

    /// Notes that the row at `at` was merged into an existing record.
    pub fn merge(&mut self, rows: &[Row], at: usize) {
        self.set_aside(rows, at, Status::Merged);
    }

    fn set_aside(&mut self, rows: &[Row], at: usize, status: Status) {
        let Some(row) = rows.get(at) else {
            return;
        };
        let under = |r: &Row| match row.kind {
            Kind::Plan => r.kind == Kind::Node,
            Kind::Node => r.kind == Kind::Node && r.depth > row.depth,
            _ => false,
        };
        let mut taken = vec![(at, row.clone())];
        taken.extend(
            rows.iter()
                .enumerate()
                .skip(at + 1)
                .take_while(|(_, r)| under(r))
                .map(|(i, r)| (i, r.clone())),
        );
        for (i, mut row) in taken {
            if !row.status.is_gone() {
                row.status = status;
                self.rejected.push((i, row));
            }
        }
    }
}

/// The queue as shown: the draft's imported records in the order a
/// reviewer takes them, each with its status, and the rows rejected in
/// this review back where they stood.
pub fn rows(review: &Review, decisions: &Decisions, lang: Lang) -> Vec<Row> {
    let mut out: Vec<Row> = review
        .queue()
        .into_iter()
        .map(|entry| {
            let key = (entry.kind, entry.id);
            let edited = decisions.edited.contains(&key);
            let status = match (entry.reviewed, edited) {
                (true, edited) => Status::Accepted { edited },
                (false, true) => Status::Edited,
                (false, false) => Status::Pending,
            };
            let (depth, label) = describe(review, key.0, &key.1, lang);
            Row {
                kind: key.0,
                id: key.1,
                depth,
                label,
                status,
            }
        })
        .collect();
    let mut rejected: Vec<&(usize, Row)> = decisions.rejected.iter().collect();
    rejected.sort_by_key(|(at, _)| *at);
    for (at, row) in rejected {
        out.insert((*at).min(out.len()), row.clone());
    }
    out
}

/// A record's depth and label in `lang`.
fn describe(review: &Review, kind: Kind, id: &str, lang: Lang) -> (u16, String) {
    let data = review.dataset();
    let named = |what: T, name: String| (0, format!("{} · {name}", tr(lang, what)));
    match kind {
        Kind::Plan => match data.plan_by_id(id) {
            Some(plan) => named(
                T::RecordPlan,
                super::plan_title(lang, data, plan).into_owned(),
            ),
            None => named(T::RecordPlan, id.to_owned()),
        },
        Kind::Node => match data.node_by_id(id) {
            Some(node) => {
                let node = data.node(node);
                let title = super::localized_title(lang, node);
                let label = match &node.numbering {
                    Some(numbering) => format!("{numbering} {title}"),
                    None => title.into_owned(),
                };
                (node.depth + 1, label)
            }
            None => (1, id.to_owned()),
        },
        Kind::Unit => match data.unit_by_id(id) {
            Some(unit) => named(
                T::RecordUnit,
                super::localized_name(lang, &data.units[unit.index()]),
            ),
            None => named(T::RecordUnit, id.to_owned()),
        },
        Kind::ExchangeRate => match data.exchange_rates.iter().find(|r| r.id == id) {
            Some(rate) => named(
                T::RecordExchangeRate,
                format!(
                    "{} ({} = {})",
                    fill(lang, T::SourceExchangeRate, &[&rate.currency]),
                    rate.foreign_amount,
                    rate.yuan_amount
                ),
            ),
            None => named(T::RecordExchangeRate, id.to_owned()),
        },
        Kind::Series | Kind::Point | Kind::Fund | Kind::Target | Kind::Fact => {
            let what = kind_word(kind);
            match data.figure_by_id(id) {
                Some(figure) => named(what, super::figure_name(data, figure, lang)),
                None => named(what, id.to_owned()),
            }
        }
    }
}

/// The word for a kind of record.
fn kind_word(kind: Kind) -> T {
    match kind {
        Kind::Plan => T::RecordPlan,
        Kind::Node => T::RecordMeasure,
        Kind::Unit => T::RecordUnit,
        Kind::Series => T::RecordSeries,
        Kind::Point => T::RecordFigure,
        Kind::Fund => T::RecordFund,
        Kind::Target => T::RecordTarget,
        Kind::Fact => T::RecordFact,
        Kind::ExchangeRate => T::RecordExchangeRate,
    }
}

/// The word for a record's kind, a node's by its level.
pub fn record_kind(review: &Review, kind: Kind, id: &str, lang: Lang) -> &'static str {
    let word = match kind {
        Kind::Node => {
            let data = review.dataset();
            match data.node_by_id(id).map(|n| data.node(n).kind) {
                Some(NodeKind::Chapter) => T::KindChapter,
                Some(NodeKind::Item) => T::KindItem,
                _ => T::KindMeasure,
            }
        }
        other => kind_word(other),
    };
    tr(lang, word)
}

/// Where `key`'s row is in `rows`.
pub fn index_of(rows: &[Row], key: &Key) -> Option<usize> {
    rows.iter().position(|r| r.kind == key.0 && r.id == key.1)
}

/// The row one up (`down` false) or down from `from`, passing over
/// rejected rows; from nowhere, the first or last such row. `None` at
/// either end.
pub fn step(rows: &[Row], from: Option<usize>, down: bool) -> Option<usize> {
    let live = |i: &usize| !rows[*i].status.is_gone();
    match (from, down) {
        (None, true) => (0..rows.len()).find(live),
        (None, false) => (0..rows.len()).rev().find(live),
        (Some(at), true) => (at + 1..rows.len()).find(live),
        (Some(at), false) => (0..at.min(rows.len())).rev().find(live),
    }
}

/// The row to take up after a decision on the row at `at`: the next row
/// still to be decided after it, else the first before it; `None` when
/// every row is decided.
pub fn next_open(rows: &[Row], at: usize) -> Option<usize> {
    let open = |i: &usize| rows[*i].status.is_open();
    (at + 1..rows.len())
        .find(open)
        .or_else(|| (0..at.min(rows.len())).find(open))
}

/// The row a review starts on: the first still to be decided, else the
/// first.
pub fn first_open(rows: &[Row]) -> Option<usize> {
    rows.iter()
        .position(|r| r.status.is_open())
        .or_else(|| step(rows, None, true))
}

/// The progress in words: "34 of 52 reviewed", "已审阅 34 / 52".
pub fn progress_text(lang: Lang, (reviewed, total): (usize, usize)) -> String {
    fill(lang, T::ReviewProgress, &[&reviewed, &total])
}

/// What a field holds, which says how its text is read back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// A line of text.
    Line,
    /// A paragraph of text.
    Paragraph,
    /// A number.
    Number,
    /// A year.
    Year,
    /// A period, "2025-2027".
    Period,
    /// A list of ids, separated by commas.
    Ids,
    /// One of a few words.
    Choice(&'static [&'static str]),
}

/// The statuses a figure may have.
pub const STATUSES: &[&str] = &["target", "actual", "estimate"];

/// The units a target or fact may be in.
pub const UNITS: &[&str] = &["yuan", "percent", "percent_yoy", "count", "per_10k_workers"];

/// The levels a fund may be at.
pub const LEVELS: &[&str] = &[
    "national",
    "municipal",
    "district",
    "social_capital",
    "mixed",
];

/// One field of the record shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRow {
    /// The field's name in the JSON.
    pub field: &'static str,
    /// Its label.
    pub label: T,
    /// What it holds.
    pub kind: FieldKind,
    /// Its value as text (empty where it has none).
    pub value: String,
}

impl FieldRow {
    /// The label as the form shows it, "Title", "标题".
    pub fn label(&self, lang: Lang) -> String {
        let word = tr(lang, self.label);
        let mut chars = word.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// The fields of a record a reviewer checks, in the form's order, with
/// their values: a Chinese field only where the record has it; for a
/// figure, its kind shown first.
pub fn fields(review: &Review, kind: Kind, id: &str) -> Vec<FieldRow> {
    use FieldKind::{Choice, Ids, Line, Number, Paragraph, Period, Year};
    let Some(record) = review.record(kind, id) else {
        return Vec::new();
    };
    let always = |field, label, kind| Some((field, label, kind));
    let if_there = |field: &'static str, label, kind| {
        record.get(field).filter(|v| !v.is_null())?;
        Some((field, label, kind))
    };
    let wanted: Vec<Option<(&'static str, T, FieldKind)>> = match kind {
        Kind::Plan => vec![
            always("title", T::FieldTitle, Line),
            if_there("title_zh", T::FieldTitleZh, Line),
            always("issuer", T::FieldIssuer, Line),
            always("period", T::FieldPeriod, Period),
        ],
        Kind::Node => vec![
            always("title", T::FieldTitle, Line),
            if_there("title_zh", T::FieldTitleZh, Line),
            always("numbering", T::FieldNumbering, Line),
            always("text", T::FieldText, Paragraph),
            if_there("text_zh", T::FieldTextZh, Paragraph),
            always("units", T::FieldUnits, Ids),
        ],
        Kind::Unit => vec![
            always("name", T::FieldName, Line),
            if_there("name_zh", T::FieldNameZh, Line),
        ],
        Kind::Series => vec![
            always("title", T::FieldTitle, Line),
            if_there("title_zh", T::FieldTitleZh, Line),
        ],
        Kind::Point => vec![
            always("value", T::FieldValue, Number),
            always("year", T::FieldYear, Year),
            always("status", T::FieldStatus, Choice(STATUSES)),
            always("quote", T::FieldQuote, Paragraph),
        ],
        Kind::Fund => vec![
            always("name", T::FieldName, Line),
            always("amount_yuan", T::FieldAmount, Number),
            always("level", T::FieldLevel, Choice(LEVELS)),
            always("quote", T::FieldQuote, Paragraph),
        ],
        Kind::Target => vec![
            always("metric", T::FieldMetric, Line),
            always("value", T::FieldValue, Number),
            always("unit", T::FieldUnit, Choice(UNITS)),
            always("deadline_year", T::FieldDeadline, Year),
            always("quote", T::FieldQuote, Paragraph),
        ],
        Kind::Fact => vec![
            always("title", T::FieldTitle, Line),
            always("value", T::FieldValue, Number),
            always("unit", T::FieldUnit, Choice(UNITS)),
            always("as_of", T::FieldAsOf, Line),
            always("quote", T::FieldQuote, Paragraph),
        ],
        Kind::ExchangeRate => vec![
            always("foreign_amount", T::FieldValue, Number),
            always("yuan_amount", T::FieldAmount, Number),
            always("quote", T::FieldQuote, Paragraph),
        ],
    };
    wanted
        .into_iter()
        .flatten()
        .map(|(field, label, kind)| FieldRow {
            field,
            label,
            kind,
            value: value_text(kind, record.get(field).unwrap_or(&Value::Null)),
        })
        .collect()
}

/// A field's JSON value as the form writes it.
fn value_text(kind: FieldKind, value: &Value) -> String {
    match (kind, value) {
        (_, Value::Null) => String::new(),
        (_, Value::String(text)) => text.clone(),
        (FieldKind::Period, period) => match (period["start"].as_i64(), period["end"].as_i64()) {
            (Some(start), Some(end)) => format!("{start}-{end}"),
            // A period the document gives only the end of.
            (None, Some(end)) => end.to_string(),
            _ => period.to_string(),
        },
        (_, Value::Array(items)) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .map_or_else(|| item.to_string(), str::to_owned)
            })
            .collect::<Vec<_>>()
            .join(", "),
        (_, other) => other.to_string(),
    }
}

/// Why a field's text cannot be its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Not a number.
    NotANumber(String),
    /// Not a year.
    NotAYear(String),
    /// Not a period "2025-2027".
    NotAPeriod(String),
    /// Not one of the words the field takes.
    NotAChoice(String, &'static [&'static str]),
}

impl FieldError {
    /// Why, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::NotANumber(text) => fill(lang, T::ReviewNotANumber, &[text]),
            Self::NotAYear(text) => fill(lang, T::ReviewNotAYear, &[text]),
            Self::NotAPeriod(text) => fill(lang, T::ReviewNotAPeriod, &[text]),
            Self::NotAChoice(text, choices) => {
                fill(lang, T::ReviewNotAChoice, &[text, &choices.join(", ")])
            }
        }
    }
}

/// The value the text typed into a field of `kind` stands for; an empty
/// field is no value (`null`, which takes an optional field out).
pub fn parse_field(kind: FieldKind, text: &str) -> Result<Value, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(match kind {
            FieldKind::Ids => Value::Array(Vec::new()),
            _ => Value::Null,
        });
    }
    match kind {
        FieldKind::Line | FieldKind::Paragraph => Ok(text.into()),
        FieldKind::Number => {
            // Thousands separators as people type them.
            let plain: String = text
                .chars()
                .filter(|c| !matches!(c, ',' | '，' | '_' | ' '))
                .collect();
            // Whole numbers stay whole in the JSON.
            if let Ok(whole) = plain.parse::<i64>() {
                return Ok(Value::from(whole));
            }
            plain
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| FieldError::NotANumber(text.to_owned()))
        }
        FieldKind::Year => text
            .parse::<i64>()
            .ok()
            .filter(|y| (1000..=9999).contains(y))
            .map(Value::from)
            .ok_or_else(|| FieldError::NotAYear(text.to_owned())),
        FieldKind::Period => {
            let years: Vec<&str> = text
                .split(['-', '–', '—', '至', '~'])
                .map(str::trim)
                .collect();
            match years.as_slice() {
                [start, end] => match (start.parse::<i64>(), end.parse::<i64>()) {
                    (Ok(start), Ok(end)) => Ok(serde_json::json!({ "start": start, "end": end })),
                    _ => Err(FieldError::NotAPeriod(text.to_owned())),
                },
                // Only the end, as some documents give it.
                [end] => end
                    .parse::<i64>()
                    .map(|end| serde_json::json!({ "end": end }))
                    .map_err(|_| FieldError::NotAPeriod(text.to_owned())),
                _ => Err(FieldError::NotAPeriod(text.to_owned())),
            }
        }
        FieldKind::Ids => Ok(Value::Array(
            text.split([',', '，', '、', ';', '；'])
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(Value::from)
                .collect(),
        )),
        FieldKind::Choice(choices) => choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(text))
            .map(|c| Value::from(*c))
            .ok_or_else(|| FieldError::NotAChoice(text.to_owned(), choices)),
    }
}

/// The fields whose text differs from their value, read back: the changes
/// an edit makes, or the first field that cannot be read with why.
pub fn changes(
    fields: &[FieldRow],
    texts: &[String],
) -> Result<Vec<(String, Value)>, (&'static str, FieldError)> {
    let mut out = Vec::new();
    for (row, text) in fields.iter().zip(texts) {
        if text.trim() == row.value.trim() {
            continue;
        }
        let value = parse_field(row.kind, text).map_err(|e| (row.field, e))?;
        // Written another way, the same value ("a, b," for "a, b").
        if parse_field(row.kind, &row.value).is_ok_and(|was| was == value) {
            continue;
        }
        out.push((row.field.to_owned(), value));
    }
    Ok(out)
}

/// The units a field of ids names, as `lang` shows them, in the field's
/// order ("Municipal Commission of Economy and Informatization; …"); an id
/// the draft has no unit for is said as such.
pub fn unit_names(review: &Review, ids: &str, lang: Lang) -> String {
    let data = review.dataset();
    let Ok(Value::Array(ids)) = parse_field(FieldKind::Ids, ids) else {
        return String::new();
    };
    ids.iter()
        .filter_map(Value::as_str)
        .map(|id| match data.unit_by_id(id) {
            Some(unit) => super::localized_name(lang, &data.units[unit.index()]),
            None => fill(lang, T::ReviewNoSuchUnit, &[&id]),
        })
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::En => "; ",
            Lang::Zh => "；",
        })
}

/// The record a proof names, as the queue keys it (a series has no row).
pub fn key_of(review: &Review, record: Quoting) -> Option<Key> {
    let data = review.dataset();
    let kind = match record {
        Quoting::Plan(_) => Kind::Plan,
        Quoting::Node(_) => Kind::Node,
        Quoting::Unit(_) => Kind::Unit,
        Quoting::Figure(FigureRef::Series(_)) => Kind::Series,
        Quoting::Figure(FigureRef::Point(..)) => Kind::Point,
        Quoting::Figure(FigureRef::Fund(_)) => Kind::Fund,
        Quoting::Figure(FigureRef::Target(_)) => Kind::Target,
        Quoting::Figure(FigureRef::Fact(_)) => Kind::Fact,
        Quoting::ExchangeRate(_) => Kind::ExchangeRate,
        _ => return None,
    };
    Some((kind, record.id(data).to_owned()))
}

/// What the proof calls `key`'s record.
fn quoting_of(review: &Review, key: &Key) -> Option<Quoting> {
    let data = review.dataset();
    let id = key.1.as_str();
    Some(match key.0 {
        Kind::Plan => Quoting::Plan(data.plan_by_id(id)?),
        Kind::Node => Quoting::Node(data.node_by_id(id)?),
        Kind::Unit => Quoting::Unit(data.unit_by_id(id)?.index()),
        Kind::Series | Kind::Point | Kind::Fund | Kind::Target | Kind::Fact => {
            Quoting::Figure(data.figure_by_id(id)?)
        }
        Kind::ExchangeRate => {
            Quoting::ExchangeRate(data.exchange_rates.iter().position(|r| r.id == id)?)
        }
    })
}

/// The most bytes a record's passages may span to be highlighted as one
/// (a heading and its text); farther apart, the longest is.
const SPAN_BYTES: usize = 4_000;

/// Where `key`'s record stands in the document `source`: the passages it
/// quotes (a node's heading and text, a figure's quote, a printed Chinese
/// name) as one highlight where they are close, else the longest; where
/// it quotes none, the first place its title or name occurs; with the
/// passage's index where the highlight is one. Nothing where the document
/// does not hold its words.
pub fn place_of(review: &Review, proof: &Proof, source: SourceIx, key: &Key) -> Place {
    let Some(text) = proof.text(source) else {
        return Place::default();
    };
    let record = quoting_of(review, key);
    let own: Vec<usize> = record.map_or_else(Vec::new, |record| {
        (0..text.passages.len())
            .filter(|&i| {
                text.passages[i]
                    .quoted_by
                    .iter()
                    .any(|q| q.record == record)
            })
            .collect()
    });
    let span = own
        .first()
        .zip(own.last())
        .map(|(&first, &last)| text.passages[first].range.start..text.passages[last].range.end);
    let highlight = match span {
        Some(span) if own.len() == 1 || span.len() <= SPAN_BYTES => Some(span),
        _ => own
            .iter()
            .max_by_key(|&&i| text.passages[i].range.len())
            .map(|&i| text.passages[i].range.clone()),
    };
    // A heading the document prints just before a node's text (English
    // titles are not quoted, so they are not passages) goes with it.
    let highlight = highlight.map(|h| {
        let title = review
            .record(key.0, &key.1)
            .and_then(|r| r["title"].as_str());
        let mut from = h.start.saturating_sub(SPAN_BYTES / 8);
        while !text.text.is_char_boundary(from) {
            from -= 1;
        }
        match title.filter(|t| !t.is_empty() && key.0 == Kind::Node) {
            Some(title) => rfind_loosely(&text.text[from..h.start], title)
                .map_or(h.clone(), |at| from + at..h.end),
            None => h,
        }
    });
    let highlight = highlight.or_else(|| {
        let words = review.record(key.0, &key.1).and_then(|record| {
            ["title_zh", "title", "name_zh", "name", "metric"]
                .iter()
                .find_map(|field| record[*field].as_str())
                .map(str::to_owned)
        })?;
        proof.locate(source, &words)
    });
    Place {
        current: highlight
            .as_ref()
            .and_then(|h| text.passages.iter().position(|p| p.range == *h)),
        highlight,
        marks: Vec::new(),
    }
}

/// Where `needle` last occurs in `haystack`, any white space (a
/// no-break space, a line break) matching any other: a byte offset of
/// `haystack`.
fn rfind_loosely(haystack: &str, needle: &str) -> Option<usize> {
    let plain = |c: char| if c.is_whitespace() { ' ' } else { c };
    let needle: String = needle.chars().map(plain).collect();
    let mut loose = String::with_capacity(haystack.len());
    let mut starts = Vec::with_capacity(haystack.len());
    for (at, c) in haystack.char_indices() {
        let c = plain(c);
        for _ in 0..c.len_utf8() {
            starts.push(at);
        }
        loose.push(c);
    }
    loose.rfind(&needle).map(|at| starts[at])
}

/// The row a click on passage `passage` of `source` leads to: the first
/// record quoting it that the queue holds.
pub fn row_of_passage(
    review: &Review,
    proof: &Proof,
    source: SourceIx,
    passage: usize,
    rows: &[Row],
) -> Option<usize> {
    let passage = proof.text(source)?.passages.get(passage)?;
    passage
        .quoted_by
        .iter()
        .filter_map(|q| key_of(review, q.record))
        .find_map(|key| index_of(rows, &key))
}

#[cfg(test)]
mod tests {
    use super::{FieldError, FieldKind, LEVELS, parse_field, rfind_loosely};
    use serde_json::json;

    #[test]
    fn a_heading_is_found_whatever_its_spaces() {
        let text = "(2) Intelligent\u{a0}professional governance. We shall";
        let at = rfind_loosely(text, "Intelligent professional governance");
        assert_eq!(at, Some(4));
        assert_eq!(rfind_loosely("统筹 用好", "统筹 用好"), Some(0));
        assert_eq!(rfind_loosely(text, "Missing"), None);
    }

    #[test]
    fn fields_read_back_as_their_kind() {
        assert_eq!(parse_field(FieldKind::Number, "1,200"), Ok(json!(1200)));
        assert_eq!(parse_field(FieldKind::Number, "2.5"), Ok(json!(2.5)));
        assert_eq!(
            parse_field(FieldKind::Number, "many"),
            Err(FieldError::NotANumber("many".to_owned()))
        );
        assert_eq!(parse_field(FieldKind::Year, " 2027 "), Ok(json!(2027)));
        assert!(parse_field(FieldKind::Year, "27").is_err());
        assert_eq!(
            parse_field(FieldKind::Period, "2025–2027"),
            Ok(json!({"start": 2025, "end": 2027}))
        );
        assert_eq!(
            parse_field(FieldKind::Period, "2026"),
            Ok(json!({"end": 2026}))
        );
        assert_eq!(
            parse_field(FieldKind::Ids, "a, b，c"),
            Ok(json!(["a", "b", "c"]))
        );
        assert_eq!(parse_field(FieldKind::Ids, ""), Ok(json!([])));
        assert_eq!(parse_field(FieldKind::Line, "  "), Ok(json!(null)));
        assert_eq!(
            parse_field(FieldKind::Choice(LEVELS), "Municipal"),
            Ok(json!("municipal"))
        );
    }
}
