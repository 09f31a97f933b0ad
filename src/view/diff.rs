//! What changed between two editions of a dataset: plans, measures,
//! figures, funds and targets added, removed or changed (old -> new),
//! matched by id. The app's change summary and `plan-explorer diff` show
//! the same list.

use crate::i18n::{T, fill, tr};
use std::collections::HashMap;

use serde::Serialize;

use crate::dataset::{Dataset, FigureRef, FundIx, NodeIx, PlanIx, SeriesIx, TargetIx};
use crate::selection::Item;
use crate::view::amount::{self, Convention};
use crate::view::charts::{level_label, status_label};

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
    /// For a change, each field as `field: old -> new`.
    pub details: Vec<String>,
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

    /// One line: "measures: 48 added, 0 removed, 2 changed; ...".
    pub fn summary(&self) -> String {
        self.counts().summary()
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

    /// One line in the interface's language: "measures: 48 added, 0
    /// removed, 2 changed; ...", or that nothing changed.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        for (record, name) in [
            (RecordKind::Plan, T::Plans),
            (RecordKind::Measure, T::MeasuresLower),
            (RecordKind::Figure, T::Figures),
            (RecordKind::Fund, T::Funds),
            (RecordKind::Target, T::TargetsLower),
        ] {
            let [added, removed, changed] =
                [ChangeKind::Added, ChangeKind::Removed, ChangeKind::Changed]
                    .map(|kind| self.count(kind, record));
            if added + removed + changed > 0 {
                parts.push(fill(
                    T::SummaryPart,
                    &[&tr(name), &added, &removed, &changed],
                ));
            }
        }
        if parts.is_empty() {
            return tr(T::NoChanges).to_owned();
        }
        parts.join("; ")
    }
}

/// Compares two editions, writing amounts in `convention` and every word
/// in the interface's language.
// One block per kind of record, each alike; splitting them would only
// scatter the list.
#[allow(clippy::too_many_lines)]
pub fn compare(old: &Dataset, new: &Dataset, convention: Convention) -> Changes {
    let mut changes = Vec::new();

    // Plans.
    diff_records(
        &mut changes,
        RecordKind::Plan,
        &old.plans,
        &new.plans,
        |p| p.id.to_string(),
        |p| p.title.clone(),
        |i| Item::Plan(PlanIx::at(i)),
        |a, b| {
            let mut d = Vec::new();
            field(&mut d, tr(T::FieldTitle), &a.title, &b.title);
            field(
                &mut d,
                tr(T::FieldPeriod),
                &period(a.start_year, a.end_year),
                &period(b.start_year, b.end_year),
            );
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
        |n| match &n.numbering {
            Some(numbering) => format!("{numbering} {}", n.title),
            None => n.title.clone(),
        },
        |i| Item::Node(NodeIx::at(i)),
        |a, b| {
            let mut d = Vec::new();
            field(&mut d, tr(T::FieldTitle), &a.title, &b.title);
            field(
                &mut d,
                tr(T::FieldNumbering),
                a.numbering.as_deref().unwrap_or(""),
                b.numbering.as_deref().unwrap_or(""),
            );
            if a.text != b.text {
                d.push(tr(T::TextChanged).to_owned());
            }
            field(
                &mut d,
                tr(T::FieldUnits),
                &unit_names(old, a).join("; "),
                &unit_names(new, b).join("; "),
            );
            d
        },
    );
    // Figures: points of series, keyed by point id.
    let points = |data: &Dataset| -> Vec<(String, String, FigureRef, PointView)> {
        data.series
            .iter()
            .enumerate()
            .flat_map(|(s, series)| {
                series.points.iter().enumerate().map(move |(p, point)| {
                    (
                        point.id.to_string(),
                        format!("{}, {}", series.title, point.year),
                        FigureRef::Point(SeriesIx::at(s), u32::try_from(p).unwrap_or(u32::MAX)),
                        PointView {
                            text: amount::of_point(series, point, convention),
                            status: status_label(point.status).to_owned(),
                        },
                    )
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
        |p| p.0.clone(),
        |p| p.1.clone(),
        |i| Item::Figure(new_points[i].2),
        |a, b| {
            let mut d = Vec::new();
            field(&mut d, tr(T::FieldValue), &a.3.text, &b.3.text);
            field(&mut d, tr(T::FieldStatus), &a.3.status, &b.3.status);
            d
        },
    );
    // Funds.
    let fund_amount = |f: &crate::dataset::Fund| {
        amount::of_fund(f, convention).unwrap_or_else(|| tr(T::NoAmount).to_owned())
    };
    diff_records(
        &mut changes,
        RecordKind::Fund,
        &old.funds,
        &new.funds,
        |f| f.id.to_string(),
        |f| f.name.clone(),
        |i| Item::Figure(FigureRef::Fund(FundIx::at(i))),
        |a, b| {
            let mut d = Vec::new();
            field(&mut d, tr(T::FieldName), &a.name, &b.name);
            field(&mut d, tr(T::FieldAmount), &fund_amount(a), &fund_amount(b));
            field(
                &mut d,
                tr(T::FieldLevel),
                level_label(a.level),
                level_label(b.level),
            );
            d
        },
    );
    // Targets.
    let target_value = |t: &crate::dataset::Target| amount::of_target(t, convention);
    let deadline = |t: &crate::dataset::Target| {
        t.deadline_year
            .map_or_else(|| tr(T::NotStated).to_owned(), |y| y.to_string())
    };
    diff_records(
        &mut changes,
        RecordKind::Target,
        &old.targets,
        &new.targets,
        |t| t.id.to_string(),
        |t| t.metric.clone(),
        |i| Item::Figure(FigureRef::Target(TargetIx::at(i))),
        |a, b| {
            let mut d = Vec::new();
            field(&mut d, tr(T::FieldMetric), &a.metric, &b.metric);
            field(
                &mut d,
                tr(T::FieldValue),
                &target_value(a),
                &target_value(b),
            );
            field(&mut d, tr(T::FieldDeadline), &deadline(a), &deadline(b));
            d
        },
    );
    Changes {
        old_edition: old.edition.clone(),
        new_edition: new.edition.clone(),
        changes,
    }
}

/// What is compared of a point.
struct PointView {
    text: String,
    status: String,
}

fn period(start: Option<i32>, end: i32) -> String {
    start.map_or_else(|| format!("?-{end}"), |start| format!("{start}-{end}"))
}

/// Adds `name: "old" -> "new"` when they differ.
fn field(details: &mut Vec<String>, name: &str, old: &str, new: &str) {
    if old != new {
        details.push(fill(T::FieldChange, &[&name, &old, &new]));
    }
}

/// Adds the added, removed and changed records of one kind, in the new
/// edition's order (removed ones in the old edition's order, after).
#[allow(clippy::too_many_arguments)] // Each closure is one aspect of a record.
fn diff_records<T>(
    changes: &mut Vec<Change>,
    record: RecordKind,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> String,
    label: impl Fn(&T) -> String,
    item: impl Fn(usize) -> Item,
    details: impl Fn(&T, &T) -> Vec<String>,
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
                label: label(r),
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
                        label: label(r),
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
                label: label(r),
                details: Vec::new(),
                item: None,
            });
        }
    }
}
