//! What changed between two editions of a dataset: plans, measures,
//! figures, funds and targets added, removed or changed (old -> new, a
//! figure's value, status and caveat among the fields), matched by id. The app's change summary and `plan-explorer diff` show
//! the same list.

use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::{
    Dataset, FigureRef, FundIx, FundLevel, Named, NodeIx, PlanIx, SeriesIx, Status, TargetIx,
};
use crate::dataset::{Quantity, zh_shown};
use crate::selection::Item;

/// How a record changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Only in the new edition.
    Added,
    /// Only in the old edition.
    Removed,
    /// In both, with different content.
    Changed,
}

/// What kind of record changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    /// A plan.
    Plan,
    /// A chapter, measure or item of a plan.
    Measure,
    /// A point of a series.
    Figure,
    /// A fund.
    Fund,
    /// A target.
    Target,
}

/// One change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// Plan, measure, figure, fund or target.
    pub record: RecordKind,
    /// The record's id.
    pub id: String,
    /// Its title or name (the new one where it changed).
    pub label: String,
    /// Its Chinese title or name, where the dataset has one (an editors'
    /// translation marked 〔译〕).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_zh: Option<String>,
    /// For a change, each field that changed, old -> new; written out in
    /// the interface's language and an amount convention when shown (in
    /// JSON, as English text in the international convention).
    #[serde(skip)]
    pub details: Vec<Detail>,
    /// The record in the new edition, to select; `None` when removed.
    #[serde(skip)]
    pub item: Option<Item>,
}

/// Every change, plans first, then measures, figures, funds, targets.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Changes {
    /// The old edition's date.
    pub old_edition: String,
    /// The new edition's date.
    pub new_edition: String,
    /// The changes.
    pub changes: Vec<Change>,
}

impl Changes {
    /// How many changes of a kind and record.
    pub fn count(&self, kind: ChangeKind, record: RecordKind) -> usize {
        self.counts().count(kind, record)
    }

    /// How many changes of each kind and record.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for change in &self.changes {
            counts.0[change.record as usize][change.kind as usize] += 1;
        }
        counts
    }
}

/// How many records of each kind were added, removed and changed: what the
/// summary line says, without the changes themselves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts([[usize; 3]; 5]);

impl Counts {
    /// How many changes of a kind and record.
    pub fn count(&self, kind: ChangeKind, record: RecordKind) -> usize {
        self.0[record as usize][kind as usize]
    }
}

/// Compares two editions.
#[expect(
    clippy::too_many_lines,
    reason = "One block per kind of record, each alike; splitting them would only scatter the list."
)]
pub fn compare(old: &Dataset, new: &Dataset) -> Changes {
    let mut changes = Vec::new();

    // Plans.
    diff_records(
        &mut changes,
        RecordKind::Plan,
        &old.plans,
        &new.plans,
        |p| p.id.to_string(),
        |p| (p.title.clone(), shown_zh(p)),
        |i| Item::Plan(PlanIx::at(i)),
        |a, b| {
            let mut d = Vec::new();
            on(&mut d, Field::Title, a, b, |r| text(&r.title));
            on(&mut d, Field::TitleZh, a, b, |r| maybe(r.title_zh.as_ref()));
            on(&mut d, Field::ZhTranslation, a, b, |r| {
                maybe(r.title_zh_translation.as_ref())
            });
            on(&mut d, Field::Period, a, b, |r| {
                Value::Text(period(r.start_year, r.end_year))
            });
            d
        },
    );
    // Measures (chapters, measures and items).
    let unit_names = |data: &Dataset, n: &crate::dataset::Node| -> Vec<String> {
        n.units
            .iter()
            .map(|u| data.units[u.index()].name.clone())
            .collect()
    };
    diff_records(
        &mut changes,
        RecordKind::Measure,
        &old.nodes,
        &new.nodes,
        |n| n.id.to_string(),
        |n| {
            let numbered = |title: &str| match &n.numbering {
                Some(numbering) => format!("{numbering} {title}"),
                None => title.to_owned(),
            };
            (numbered(&n.title), n.zh().map(|zh| numbered(&zh_shown(zh))))
        },
        |i| Item::Node(NodeIx::at(i)),
        |a, b| {
            let mut d = Vec::new();
            on(&mut d, Field::Title, a, b, |r| text(&r.title));
            on(&mut d, Field::TitleZh, a, b, |r| maybe(r.title_zh.as_ref()));
            on(&mut d, Field::ZhTranslation, a, b, |r| {
                maybe(r.title_zh_translation.as_ref())
            });
            on(&mut d, Field::Numbering, a, b, |r| {
                text(r.numbering.as_deref().unwrap_or(""))
            });
            if a.text != b.text {
                d.push(Detail::TextChanged);
            }
            if a.text_zh != b.text_zh {
                d.push(Detail::TextZhChanged);
            }
            field(
                &mut d,
                Field::Units,
                Value::Text(unit_names(old, a).join("; ")),
                Value::Text(unit_names(new, b).join("; ")),
            );
            d
        },
    );
    // Figures: points of series, keyed by point id; a series' titles are
    // compared with each of its points.
    let points = |data: &Dataset| -> Vec<PointRow> {
        data.series
            .iter()
            .enumerate()
            .flat_map(|(s, series)| {
                series
                    .points
                    .iter()
                    .enumerate()
                    .map(move |(p, point)| PointRow {
                        id: point.id.to_string(),
                        label: format!("{}, {}", series.title, point.year),
                        label_zh: shown_zh(series).map(|zh| format!("{zh}, {}", point.year)),
                        figure: FigureRef::Point(
                            SeriesIx::at(s),
                            u32::try_from(p).unwrap_or(u32::MAX),
                        ),
                        quantity: Quantity::of_point(series, point),
                        status: point.status,
                        title: series.title.clone(),
                        title_zh: series.title_zh.clone(),
                        title_zh_translation: series.title_zh_translation.clone(),
                        caveat: point.caveat.as_ref().map(|c| c.text.clone()),
                    })
            })
            .collect()
    };
    let (old_points, new_points) = (points(old), points(new));
    diff_records(
        &mut changes,
        RecordKind::Figure,
        &old_points,
        &new_points,
        |p| p.id.clone(),
        |p| (p.label.clone(), p.label_zh.clone()),
        |i| Item::Figure(new_points[i].figure),
        |a, b| {
            let mut d = Vec::new();
            on(&mut d, Field::Title, a, b, |r| text(&r.title));
            on(&mut d, Field::TitleZh, a, b, |r| maybe(r.title_zh.as_ref()));
            on(&mut d, Field::ZhTranslation, a, b, |r| {
                maybe(r.title_zh_translation.as_ref())
            });
            on(&mut d, Field::Value, a, b, |r| {
                Value::Quantity(Some(r.quantity))
            });
            on(&mut d, Field::Status, a, b, |r| Value::Status(r.status));
            on(&mut d, Field::Caveat, a, b, |r| maybe(r.caveat.as_ref()));
            d
        },
    );
    // Funds.
    diff_records(
        &mut changes,
        RecordKind::Fund,
        &old.funds,
        &new.funds,
        |f| f.id.to_string(),
        |f| (f.name.clone(), shown_zh(f)),
        |i| Item::Figure(FigureRef::Fund(FundIx::at(i))),
        |a, b| {
            let mut d = Vec::new();
            on(&mut d, Field::Name, a, b, |r| text(&r.name));
            on(&mut d, Field::NameZh, a, b, |r| maybe(r.name_zh.as_ref()));
            on(&mut d, Field::ZhTranslation, a, b, |r| {
                maybe(r.name_zh_translation.as_ref())
            });
            on(&mut d, Field::Amount, a, b, |r| {
                Value::Quantity(Quantity::of_fund(r))
            });
            on(&mut d, Field::Level, a, b, |r| Value::Level(r.level));
            on(&mut d, Field::PerRecipient, a, b, |r| {
                text(if r.per_recipient { "yes" } else { "no" })
            });
            on(&mut d, Field::Caveat, a, b, |r| caveat(r.caveat.as_ref()));
            d
        },
    );
    // Facts as of a date, counted with the figures.
    diff_records(
        &mut changes,
        RecordKind::Figure,
        &old.facts,
        &new.facts,
        |f| f.id.to_string(),
        |f| (f.title.clone(), shown_zh(f)),
        |i| Item::Figure(FigureRef::Fact(crate::dataset::FactIx::at(i))),
        |a, b| {
            let mut d = Vec::new();
            on(&mut d, Field::Title, a, b, |r| text(&r.title));
            on(&mut d, Field::TitleZh, a, b, |r| maybe(r.title_zh.as_ref()));
            on(&mut d, Field::ZhTranslation, a, b, |r| {
                maybe(r.title_zh_translation.as_ref())
            });
            on(&mut d, Field::Value, a, b, |r| {
                Value::Quantity(Quantity::of_fact(r))
            });
            on(&mut d, Field::AsOf, a, b, |r| text(&r.as_of));
            on(&mut d, Field::Caveat, a, b, |r| caveat(r.caveat.as_ref()));
            d
        },
    );
    // Targets.
    diff_records(
        &mut changes,
        RecordKind::Target,
        &old.targets,
        &new.targets,
        |t| t.id.to_string(),
        |t| (t.metric.clone(), shown_zh(t)),
        |i| Item::Figure(FigureRef::Target(TargetIx::at(i))),
        |a, b| {
            let mut d = Vec::new();
            on(&mut d, Field::Metric, a, b, |r| text(&r.metric));
            on(&mut d, Field::MetricZh, a, b, |r| {
                maybe(r.metric_zh.as_ref())
            });
            on(&mut d, Field::ZhTranslation, a, b, |r| {
                maybe(r.metric_zh_translation.as_ref())
            });
            on(&mut d, Field::Value, a, b, |r| {
                Value::Quantity(Some(Quantity::of_target(r)))
            });
            on(&mut d, Field::Deadline, a, b, |r| {
                Value::Year(r.deadline_year)
            });
            on(&mut d, Field::Caveat, a, b, |r| caveat(r.caveat.as_ref()));
            d
        },
    );
    Changes {
        old_edition: old.edition.clone(),
        new_edition: new.edition.clone(),
        changes,
    }
}

/// One thing that changed in a record, kept as data so that it can be
/// written in any language and amount convention.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// A field went from one value to another.
    Field {
        /// Which field.
        field: Field,
        /// Its value in the old edition.
        old: Value,
        /// Its value in the new edition.
        new: Value,
    },
    /// A measure's text changed (too long to show both).
    TextChanged,
    /// A measure's Chinese text changed, was added or was removed.
    TextZhChanged,
}

/// A field of a record that can change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A plan's, measure's or series' title.
    Title,
    /// Its title in Chinese.
    TitleZh,
    /// The editors' Chinese translation of its title or name.
    ZhTranslation,
    /// A plan's period.
    Period,
    /// A measure's numbering.
    Numbering,
    /// A measure's responsible units.
    Units,
    /// A point's or target's value.
    Value,
    /// A point's status.
    Status,
    /// A fund's name.
    Name,
    /// A fund's name in Chinese.
    NameZh,
    /// A fund's amount.
    Amount,
    /// A fund's level.
    Level,
    /// A target's metric.
    Metric,
    /// A target's metric in Chinese.
    MetricZh,
    /// A target's deadline.
    Deadline,
    /// The date a fact holds as of.
    AsOf,
    /// Whether a fund's amount is per recipient.
    PerRecipient,
    /// A figure's caveat.
    Caveat,
}

/// A field's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text as the dataset writes it (titles, names, numbering, units,
    /// periods).
    Text(String),
    /// Text the dataset may leave out (a Chinese name); `None` where it
    /// does.
    MaybeText(Option<String>),
    /// An amount or other quantity; `None` where none is stated.
    Quantity(Option<Quantity>),
    /// A point's status.
    Status(Status),
    /// A fund's level.
    Level(FundLevel),
    /// A year; `None` where none is stated.
    Year(Option<i32>),
}

fn text(text: &str) -> Value {
    Value::Text(text.to_owned())
}

/// A record's Chinese label as shown: a translation marked 〔译〕.
fn shown_zh(record: &impl Named) -> Option<String> {
    record.zh().map(|zh| zh_shown(zh).into_owned())
}

fn maybe(text: Option<&String>) -> Value {
    Value::MaybeText(text.cloned())
}

/// What is compared of a point, with its series' titles.
struct PointRow {
    id: String,
    label: String,
    label_zh: Option<String>,
    figure: FigureRef,
    quantity: Quantity,
    status: Status,
    title: String,
    title_zh: Option<String>,
    title_zh_translation: Option<String>,
    caveat: Option<String>,
}

/// A record's caveat as compared: its words, or none.
fn caveat(caveat: Option<&crate::dataset::Caveat>) -> Value {
    maybe(caveat.map(|c| &c.text))
}

fn period(start: Option<i32>, end: i32) -> String {
    start.map_or_else(|| format!("?-{end}"), |start| format!("{start}-{end}"))
}

/// Adds `field`'s change between two versions of a record, each read by
/// `value`, when they differ.
fn on<R>(details: &mut Vec<Detail>, field: Field, a: &R, b: &R, value: impl Fn(&R) -> Value) {
    let (old, new) = (value(a), value(b));
    self::field(details, field, old, new);
}

/// Adds a field's change when the values differ.
fn field(details: &mut Vec<Detail>, field: Field, old: Value, new: Value) {
    if old != new {
        details.push(Detail::Field { field, old, new });
    }
}

/// Adds the added, removed and changed records of one kind, in the new
/// edition's order (removed ones in the old edition's order, after).
#[expect(
    clippy::too_many_arguments,
    reason = "Each closure is one aspect of a record."
)]
fn diff_records<T>(
    changes: &mut Vec<Change>,
    record: RecordKind,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> String,
    label: impl Fn(&T) -> (String, Option<String>),
    item: impl Fn(usize) -> Item,
    details: impl Fn(&T, &T) -> Vec<Detail>,
) {
    let old_by_id: HashMap<String, &T> = old.iter().map(|r| (id(r), r)).collect();
    let new_ids: std::collections::HashSet<String> = new.iter().map(&id).collect();
    for (i, r) in new.iter().enumerate() {
        let key = id(r);
        match old_by_id.get(&key) {
            None => changes.push(Change {
                kind: ChangeKind::Added,
                record,
                id: key,
                label: label(r).0,
                label_zh: label(r).1,
                details: Vec::new(),
                item: Some(item(i)),
            }),
            Some(before) => {
                let d = details(before, r);
                if !d.is_empty() {
                    changes.push(Change {
                        kind: ChangeKind::Changed,
                        record,
                        id: key,
                        label: label(r).0,
                        label_zh: label(r).1,
                        details: d,
                        item: Some(item(i)),
                    });
                }
            }
        }
    }
    for r in old {
        let key = id(r);
        if !new_ids.contains(&key) {
            changes.push(Change {
                kind: ChangeKind::Removed,
                record,
                id: key,
                label: label(r).0,
                label_zh: label(r).1,
                details: Vec::new(),
                item: None,
            });
        }
    }
}
