//! Turns the loose [`RawDataset`] into a checked [`Dataset`], reporting every
//! problem with its JSON path.
//!
//! A broken record is still converted, with placeholders for its broken
//! fields, so that the records after it are checked too and references to it
//! are not reported a second time. Any error means no dataset is returned.

use std::collections::HashSet;
use std::hash::Hash;

use super::field::Field;
use super::kinds::{DateForm, ProblemKind, RecordKind};
use super::model::{
    Dataset, FactIx, FigureRef, FundIx, IdIndex, JsonPositions, Node, NodeIx, PlanIx, SeriesIx,
    SmolStr, SourceIx, TargetIx, ThemeIx, UnitIx,
};
use super::problem::{JsonPath, Problem};
use super::raw::RawDataset;

/// The format versions this program reads.
pub const SUPPORTED_SCHEMA_VERSIONS: &[i64] = &[1];

/// Years outside this range are taken to be typing mistakes.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i64> = 1949..=2100;

/// The longest id accepted, in bytes.
const MAX_ID_LEN: usize = 128;

/// The most problems kept for one file; past it they are only counted. A
/// broken file can hold millions (a list of nulls), and nobody reads past
/// the first screens of them.
pub const MAX_PROBLEMS: usize = 1000;

/// The longest one text field may be, in bytes: a measure's text runs to
/// a few thousand characters, so a megabyte is a paste gone wrong. Longer
/// texts are refused, not carried into the tree, the details panel, the
/// search and the briefings (a 100 MB text would stall each).
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// The longest a source's whole text may be, in bytes (a 300-page plan is
/// about 2 MB of UTF-8).
pub const MAX_SOURCE_TEXT_BYTES: usize = 32 << 20;

/// Above this many ids, duplicates in a list are found with a hash set
/// rather than by scanning, so a hostile list cannot take quadratic time.
const LINEAR_DEDUP_MAX: usize = 16;

mod caveats;
mod fields;
mod figures;
mod records;

/// Finishes checking a raw dataset whose nodes `checker` already checked
/// while it was parsed (see [`super::stream`]). `problems` holds what reading
/// found besides (unknown fields); they come first, and `warnings_dropped`
/// counts those it did not keep.
pub(super) fn check(
    raw: RawDataset,
    mut checker: Checker,
    problems: Vec<Problem>,
    warnings_dropped: usize,
) -> (Option<Dataset>, Vec<Problem>) {
    checker.dropped += warnings_dropped;
    let found_while_parsing = std::mem::take(&mut checker.problems);
    for problem in problems.into_iter().chain(found_while_parsing) {
        checker.report(problem);
    }
    let dataset = checker.dataset(raw);
    let has_error = checker.dropped_errors > 0 || checker.problems.iter().any(Problem::is_error);
    let mut problems = checker.problems;
    if checker.dropped > 0 {
        let summary = ProblemKind::MoreProblems {
            more: checker.dropped,
            errors: checker.dropped_errors,
        };
        problems.push(if checker.dropped_errors > 0 {
            Problem::error("", summary)
        } else {
            Problem::warning("", summary)
        });
    }
    (if has_error { None } else { Some(dataset) }, problems)
}

/// The checker's state; while a file is parsed it lives in a thread-local
/// so the node lists can reach it.
#[derive(Default)]
pub(super) struct Checker {
    /// The first [`MAX_PROBLEMS`] problems.
    problems: Vec<Problem>,
    /// How many problems were past the limit, and how many of those errors.
    dropped: usize,
    dropped_errors: usize,
    /// Where the checker is in the document.
    pub(super) path: JsonPath,
    index: IdIndex,
    /// The node arena, in document order.
    nodes: Vec<Node>,
    /// Where nodes and plans stood in their JSON arrays, for paths.
    pub(super) positions: JsonPositions,
    /// The nodes whose object is still being parsed, outermost first.
    open: Vec<NodeIx>,
    /// How many usable plans were parsed so far: the next plan's index.
    pub(super) plans_seen: usize,
    /// References from nodes, resolved once the whole file is read.
    pending: Vec<PendingRefs>,
    /// References from figures to figures (caveats' conflicts, funds'
    /// parts), resolved once every figure is known.
    pending_figures: Vec<PendingFigureRefs>,
    /// The kinds of record (nodes, plans, figures...) of which one was
    /// lost: not an object, or without a readable id. A reference of that
    /// kind that finds nothing may well point at the lost one, so it is not
    /// reported: the lost record's own problem is, and once it is mended a
    /// real dangling reference shows. Without this, one broken measure
    /// also reported every fund and series naming it.
    lost: std::collections::HashSet<RecordKind>,
}

/// The kind of record at a path, as `resolve` names kinds: the first key
/// says which list, and in a plan, a path going on into `nodes` is a node.
fn kind_at(path: &str) -> Option<RecordKind> {
    let list = path.split(['[', '.']).next()?;
    Some(match list {
        "plans" if path.contains(".nodes[") => RecordKind::Node,
        "plans" => RecordKind::Plan,
        "series" | "funds" | "targets" | "facts" => RecordKind::Figure,
        "units" => RecordKind::Unit,
        "themes" => RecordKind::Theme,
        "sources" => RecordKind::Source,
        "districts" => RecordKind::District,
        "exchange_rates" => RecordKind::ExchangeRate,
        _ => return None,
    })
}

impl Checker {
    /// Notes that the record at the current path is lost (see `lost`); a
    /// lost plan takes its measures with it.
    pub(super) fn lose_record_here(&mut self) {
        let path = self.path.render();
        if let Some(kind) = kind_at(&path) {
            self.lost.insert(kind);
            if kind == RecordKind::Plan {
                self.lost.insert(RecordKind::Node);
            }
        }
    }

    /// Whether a record of `kind` was lost.
    pub(super) fn lost(&self, kind: RecordKind) -> bool {
        self.lost.contains(&kind)
    }
}

/// Figure ids a figure names, each with its JSON path, until every figure
/// is known.
struct PendingFigureRefs {
    /// The id of the figure that names them.
    owner: SmolStr,
    kind: RefKind,
    ids: Vec<(String, SmolStr)>,
}

/// What a figure's list of figure ids means.
enum RefKind {
    /// Its caveat conflicts with them.
    Conflicts,
    /// It is their total.
    Parts,
}

/// Distinct items in insertion order. Short lists (nearly all) are scanned;
/// a long one switches to a hash set, so no list costs quadratic time.
struct Distinct<T> {
    items: Vec<T>,
    seen: Option<HashSet<T>>,
}

impl<T> Default for Distinct<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            seen: None,
        }
    }
}

impl<T: Copy + Eq + Hash> Distinct<T> {
    /// Adds `item` unless it is already there; says whether it was added.
    fn insert(&mut self, item: T) -> bool {
        let new = match &mut self.seen {
            Some(seen) => seen.insert(item),
            None if self.items.len() < LINEAR_DEDUP_MAX => !self.items.contains(&item),
            None => {
                let mut seen: HashSet<T> = self.items.iter().copied().collect();
                let new = seen.insert(item);
                self.seen = Some(seen);
                new
            }
        };
        if new {
            self.items.push(item);
        }
        new
    }
}

/// A node's references to units, themes and its source, kept as written
/// until every id is known (a file may list units after its plans).
struct PendingRefs {
    node: NodeIx,
    units: Field<Vec<Field<SmolStr>>>,
    lead_units: Option<Field<Vec<Field<SmolStr>>>>,
    themes: Field<Vec<Field<SmolStr>>>,
    source: Option<Field<SmolStr>>,
}

/// A node's place in the arena, reserved before the node is parsed.
#[derive(Clone, Copy, Debug)]
pub(super) struct NodeSlot {
    ix: NodeIx,
    path_depth: usize,
}

impl Checker {
    pub(super) fn dataset(&mut self, raw: RawDataset) -> Dataset {
        let schema_version = self.schema_version(raw.schema_version);
        let title = self.text(raw.title, "title");
        let edition = self.text(raw.edition, "edition");
        if !edition.is_empty() && !is_full_date(&edition) {
            self.error(
                "edition".to_owned(),
                ProblemKind::BadDate {
                    form: DateForm::Day,
                    found: edition.clone(),
                },
            );
        }
        let description = self.optional_text(raw.description, "description");

        // Records that others refer to come first, so references resolve.
        let sources = self.each(raw.sources, "sources", |c, r, i| {
            c.source(r, SourceIx::at(i))
        });
        let units = self.each(raw.units, "units", |c, r, i| c.unit(r, UnitIx::at(i)));
        let themes = self.each(raw.themes, "themes", |c, r, i| c.theme(r, ThemeIx::at(i)));

        let plans = self.each(raw.plans.map(|list| list.0), "plans", |c, plan, i| {
            c.plan(plan, PlanIx::at(i))
        });
        self.resolve_pending(&plans);
        let mut spellings = std::collections::HashMap::new();
        let districts = self.each_optional(raw.districts, "districts", |c, r, i| {
            c.district(r, &mut spellings, i)
        });
        self.resolve_districts(&districts, &spellings);
        let mut dataset = Dataset {
            schema_version,
            title,
            edition,
            description,
            sources,
            units,
            themes,
            districts,
            plans,
            nodes: Vec::new(),
            series: Vec::new(),
            funds: Vec::new(),
            targets: Vec::new(),
            exchange_rates: Vec::new(),
            facts: Vec::new(),
            index: IdIndex::default(),
            positions: JsonPositions::default(),
        };

        let mut point_ids = Vec::new();
        dataset.series = self.each(raw.series, "series", |c, s, i| {
            c.series(s, SeriesIx::at(i), &mut point_ids)
        });
        self.register_series_ids(&dataset.series, point_ids);
        dataset.funds = self.each(raw.funds, "funds", |c, f, _| c.fund(f));
        dataset.targets = self.each(raw.targets, "targets", |c, t, _| c.target(t));
        self.register_ids_of(
            &dataset.funds,
            "funds",
            |i| FigureRef::Fund(FundIx::at(i)),
            |f| &f.id,
        );
        self.register_ids_of(
            &dataset.targets,
            "targets",
            |i| FigureRef::Target(TargetIx::at(i)),
            |t| &t.id,
        );
        dataset.facts = self.each_optional(raw.facts, "facts", |c, f, _| c.fact(f));
        self.register_ids_of(
            &dataset.facts,
            "facts",
            |i| FigureRef::Fact(FactIx::at(i)),
            |f| &f.id,
        );
        self.resolve_figure_refs(&mut dataset);
        dataset.exchange_rates = self.each(raw.exchange_rates, "exchange_rates", |c, r, i| {
            c.exchange_rate(r, i)
        });

        dataset.nodes = std::mem::take(&mut self.nodes);
        dataset.positions = std::mem::take(&mut self.positions);
        link_back(&mut dataset);
        dataset.index = std::mem::take(&mut self.index);
        dataset
    }

    pub(super) fn schema_version(&mut self, field: Field<i64>) -> u32 {
        match field {
            Field::Ok(version) if SUPPORTED_SCHEMA_VERSIONS.contains(&version) => {
                u32::try_from(version).unwrap_or_default()
            }
            Field::Ok(version) => {
                self.error(
                    "schema_version".to_owned(),
                    ProblemKind::UnsupportedSchemaVersion {
                        version,
                        supported: SUPPORTED_SCHEMA_VERSIONS,
                    },
                );
                0
            }
            other => {
                self.take(other, "schema_version");
                0
            }
        }
    }
}

/// Fills the back-references: a unit's and a theme's nodes, a node's
/// figures, a plan's targets.
fn link_back(dataset: &mut Dataset) {
    for (n, node) in dataset.nodes.iter().enumerate() {
        for unit in &node.units {
            dataset.units[unit.index()].nodes.push(NodeIx::at(n));
        }
        for theme in &node.themes {
            dataset.themes[theme.index()].nodes.push(NodeIx::at(n));
        }
    }
    let mut link = |figure: FigureRef, measures: &[NodeIx]| {
        for node in measures {
            dataset.nodes[node.index()].figures.push(figure);
        }
    };
    for (s, series) in dataset.series.iter().enumerate() {
        link(FigureRef::Series(SeriesIx::at(s)), &series.measures);
        for (p, point) in series.points.iter().enumerate() {
            let p = u32::try_from(p).unwrap_or(u32::MAX);
            link(FigureRef::Point(SeriesIx::at(s), p), &point.measures);
        }
    }
    for (f, fund) in dataset.funds.iter().enumerate() {
        link(FigureRef::Fund(FundIx::at(f)), &fund.measures);
    }
    for (f, fact) in dataset.facts.iter().enumerate() {
        link(FigureRef::Fact(FactIx::at(f)), &fact.measures);
    }
    for (t, target) in dataset.targets.iter().enumerate() {
        link(FigureRef::Target(TargetIx::at(t)), &target.measures);
        if let Some(plan) = dataset.plans.get_mut(target.plan.index()) {
            plan.targets.push(TargetIx::at(t));
        }
    }
}

/// What is wrong with an id's spelling, if anything.
fn id_spelling_problem(id: &SmolStr) -> Option<ProblemKind> {
    if id.is_empty() {
        return Some(ProblemKind::IdEmpty);
    }
    if id.len() > MAX_ID_LEN {
        return Some(ProblemKind::IdTooLong { max: MAX_ID_LEN });
    }
    let bad = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')));
    bad.map(|character| ProblemKind::IdCharacter {
        id: id.clone(),
        character,
    })
}

/// `YYYY-MM-DD` with a real month and day.
fn is_full_date(text: &str) -> bool {
    text.len() == 10 && is_partial_date(text)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
fn is_partial_date(text: &str) -> bool {
    let mut parts = text.split('-');
    let year_ok = parts
        .next()
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    let month = parts.next();
    let day = parts.next();
    if !year_ok || parts.next().is_some() {
        return false;
    }
    let number = |part: &str, max: u32| {
        part.len() == 2 && part.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    match (month, day) {
        (None, None) => true,
        (Some(m), None) => number(m, 12),
        (Some(m), Some(d)) => number(m, 12) && number(d, 31),
        (None, Some(_)) => false,
    }
}
