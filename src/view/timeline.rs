//! The timeline: each plan's period as a bar, its targets at their
//! deadlines, facts at the dates they hold as of, funds at the date of the
//! document that states them, and the dataset's edition as a "now" line.
//! A target whose number a series also carries (same unit, a target point
//! of the same value in the deadline's year) shows its progress: the
//! series' latest actual figure against it. Pure data, tested as such.
//!
//! Positions are in years on a continuous scale: 2026.0 is the start of
//! 2026, so a period 2026-2030 runs from 2026.0 to 2031.0 and a target "by
//! 2030" sits at 2031.0, the end of its year.

use crate::dataset::{Dataset, FigureRef, PlanIx, QuantityUnit, SeriesIx, Status, TargetIx};

/// What a mark stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkKind {
    /// Targets falling due (hollow diamonds).
    Target,
    /// Facts as of a date (dots).
    Fact,
    /// Funds, at the date of the document that states them (squares).
    Fund,
}

impl MarkKind {
    /// Where a kind of mark sits across its row, so facts and funds of the
    /// same date stay apart: -1 above the period's bar, 0 on it, 1 below.
    pub fn lane(self) -> f32 {
        match self {
            Self::Fact => -1.0,
            Self::Target => 0.0,
            Self::Fund => 1.0,
        }
    }
}

/// One row: a plan's period, or the row for figures tied to no plan.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    /// The plan; `None` for the figures no plan's measures hold.
    pub plan: Option<PlanIx>,
    /// Where the period starts; `None` where the plan gives no first year.
    pub start: Option<f64>,
    /// Where it ends (the end of its last year).
    pub end: Option<f64>,
    /// Its first and last years as the plan states them.
    pub years: (Option<i32>, Option<i32>),
    /// Targets of the plan with no deadline, which have no place here.
    pub undated_targets: Vec<FigureRef>,
}

/// A target's progress: the latest actual figure of the series that
/// carries the target's number.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetProgress {
    /// The series.
    pub series: SeriesIx,
    /// Its latest actual point, as (year, value), if it has one.
    pub latest: Option<(i32, f64)>,
    /// The latest as a share of the target (0.25 for a quarter of the way),
    /// for amounts and counts; `None` for rates and shares, where a ratio
    /// means nothing, and without an actual figure.
    pub share: Option<f64>,
}

/// Figures at one place on one row, drawn as one mark.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineMark {
    /// The row's index.
    pub row: usize,
    /// Where, in years.
    pub at: f64,
    /// The date as the data gives it: "2030", "2026-02", "2026-02-07".
    pub date: String,
    /// What it stands for.
    pub kind: MarkKind,
    /// The figures, in the dataset's order; never empty.
    pub figures: Vec<FigureRef>,
    /// For a single target with a matching series, its progress.
    pub progress: Option<TargetProgress>,
}

/// The timeline's data; see the module's documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// The rows, plans in the dataset's order, then the row for figures
    /// tied to no plan where there are any.
    pub rows: Vec<TimelineRow>,
    /// The marks, by row, then place, then kind.
    pub marks: Vec<TimelineMark>,
    /// The edition's date, in years, where it parses.
    pub now: Option<f64>,
    /// The first and last year the axis shows (whole years).
    pub span: (i32, i32),
}

/// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in years: the middle of what
/// it names (mid-year, mid-month, midday), so a date is drawn inside its
/// own year or month.
pub fn date_position(date: &str) -> Option<f64> {
    let mut parts = date.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let year = f64::from(year);
    Some(match (month, day) {
        (None, _) => year + 0.5,
        (Some(month), None) => year + (f64::from(month.clamp(1, 12)) - 0.5) / 12.0,
        (Some(month), Some(day)) => {
            year + (f64::from(month.clamp(1, 12)) - 1.0) / 12.0
                + (f64::from(day.clamp(1, 31)) - 0.5) / 365.0
        }
    })
}

impl Timeline {
    /// The timeline of `data`.
    #[expect(
        clippy::too_many_lines,
        reason = "One pass per kind of figure, then the grouping and the span: one job, read top to bottom."
    )]
    pub fn new(data: &Dataset) -> Self {
        let mut rows: Vec<TimelineRow> = data
            .plans
            .iter()
            .enumerate()
            .map(|(p, plan)| TimelineRow {
                plan: Some(PlanIx::at(p)),
                start: plan.start_year.map(f64::from),
                end: Some(f64::from(plan.end_year) + 1.0),
                years: (plan.start_year, Some(plan.end_year)),
                undated_targets: plan
                    .targets
                    .iter()
                    .filter(|t| data.targets[t.index()].deadline_year.is_none())
                    .map(|&t| FigureRef::Target(t))
                    .collect(),
            })
            .collect();
        let other_row = rows.len();
        let mut other_used = false;
        // Every placed figure, as (row, at, date, kind, figure).
        let mut placed: Vec<(usize, f64, String, MarkKind, FigureRef)> = Vec::new();
        for (t, target) in data.targets.iter().enumerate() {
            if let Some(year) = target.deadline_year {
                placed.push((
                    target.plan.index(),
                    f64::from(year) + 1.0,
                    year.to_string(),
                    MarkKind::Target,
                    FigureRef::Target(TargetIx::at(t)),
                ));
            }
        }
        let mut row_of = |measures: &[crate::dataset::NodeIx]| {
            if let Some(&node) = measures.first() {
                data.node(node).plan.index()
            } else {
                other_used = true;
                other_row
            }
        };
        for (f, fact) in data.facts.iter().enumerate() {
            if let Some(at) = date_position(&fact.as_of) {
                placed.push((
                    row_of(&fact.measures),
                    at,
                    fact.as_of.clone(),
                    MarkKind::Fact,
                    FigureRef::Fact(crate::dataset::FactIx::at(f)),
                ));
            }
        }
        for (f, fund) in data.funds.iter().enumerate() {
            let Some(citation) = fund.citations.first() else {
                continue;
            };
            let Some(stated) = &data.sources[citation.source.index()].date else {
                continue;
            };
            if let Some(at) = date_position(stated) {
                placed.push((
                    row_of(&fund.measures),
                    at,
                    stated.clone(),
                    MarkKind::Fund,
                    FigureRef::Fund(crate::dataset::FundIx::at(f)),
                ));
            }
        }
        if other_used {
            rows.push(TimelineRow {
                plan: None,
                start: None,
                end: None,
                years: (None, None),
                undated_targets: Vec::new(),
            });
        }
        // Figures at one place on one row of one kind make one mark.
        placed.sort_by(|a, b| {
            (a.0, a.3)
                .cmp(&(b.0, b.3))
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        let mut marks: Vec<TimelineMark> = Vec::new();
        for (row, at, date, kind, figure) in placed {
            match marks.last_mut() {
                Some(last) if last.row == row && last.kind == kind && last.date == date => {
                    last.figures.push(figure);
                }
                _ => marks.push(TimelineMark {
                    row,
                    at,
                    date,
                    kind,
                    figures: vec![figure],
                    progress: None,
                }),
            }
        }
        for mark in &mut marks {
            if let [FigureRef::Target(t)] = mark.figures[..] {
                mark.progress = progress(data, t);
            }
        }
        marks.sort_by(|a, b| a.row.cmp(&b.row).then(a.at.total_cmp(&b.at)));
        let now = date_position(&data.edition);
        let mut low = f64::INFINITY;
        let mut high = f64::NEG_INFINITY;
        for row in &rows {
            for x in [row.start, row.end].into_iter().flatten() {
                low = low.min(x);
                high = high.max(x);
            }
        }
        for x in marks.iter().map(|m| m.at).chain(now) {
            low = low.min(x);
            high = high.max(x);
        }
        let span = if low.is_finite() && high.is_finite() {
            let first = whole_year(low.floor());
            (first, (whole_year(high.ceil()) - 1).max(first))
        } else {
            (2025, 2030)
        };
        Self {
            rows,
            marks,
            now,
            span,
        }
    }

    /// The marks of row `row`.
    pub fn marks_of(&self, row: usize) -> impl Iterator<Item = &TimelineMark> {
        self.marks.iter().filter(move |m| m.row == row)
    }

    /// The mark holding `figure`, if it is on the timeline.
    pub fn mark_of(&self, figure: FigureRef) -> Option<usize> {
        self.marks.iter().position(|m| m.figures.contains(&figure))
    }
}

/// A whole number of years: the dates come from four-digit years, so it
/// fits.
#[expect(
    clippy::cast_possible_truncation,
    reason = "the dates come from four-digit years, so a whole number of years fits"
)]
fn whole_year(year: f64) -> i32 {
    year.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32
}

/// The progress of target `t`: the series that carries its number (same
/// unit; a target point of the same value in the deadline's year), with
/// its latest actual point.
pub fn progress(data: &Dataset, t: TargetIx) -> Option<TargetProgress> {
    let target = &data.targets[t.index()];
    let deadline = target.deadline_year?;
    let (s, series) = data.series.iter().enumerate().find(|(_, series)| {
        series.unit == target.unit
            && series.points.iter().any(|p| {
                p.status == Status::Target
                    && p.year == deadline
                    && (p.value - target.value).abs() <= target.value.abs() * 1e-9
            })
    })?;
    let latest = series
        .points
        .iter()
        .filter(|p| p.status == Status::Actual && p.year <= deadline)
        .max_by_key(|p| p.year)
        .map(|p| (p.year, p.value));
    let ratio_means_something = matches!(
        target.unit,
        QuantityUnit::Yuan
            | QuantityUnit::Count
            | QuantityUnit::Per10kWorkers
            | QuantityUnit::SquareMetres
    );
    let share = match latest {
        Some((_, value)) if ratio_means_something && target.value != 0.0 => {
            Some(value / target.value)
        }
        _ => None,
    };
    Some(TargetProgress {
        series: SeriesIx::at(s),
        latest,
        share,
    })
}
