//! Turns the loose [`RawDataset`] into a checked [`Dataset`], reporting every
//! problem with its JSON path.
//!
//! A broken record is still converted, with placeholders for its broken
//! fields, so that the records after it are checked too and references to it
//! are not reported a second time. Any error means no dataset is returned.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::field::{Field, Shape};
use super::model::{
    Citation, Dataset, ExchangeRate, FigureRef, Fund, FundIx, IdIndex, JsonPositions, Node, NodeIx,
    NodeKind, Plan, PlanIx, Point, QuantityUnit, Series, SeriesIx, SmolStr, Source, SourceIx,
    Status, Target, TargetIx, Theme, ThemeIx, Unit, UnitIx,
};
use super::problem::{JsonPath, Problem};
use super::raw::{
    RawCitation, RawDataset, RawExchangeRate, RawFund, RawNode, RawPlan, RawPoint, RawSeries,
    RawSource, RawTarget, RawTheme, RawUnit,
};

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

/// Above this many ids, duplicates in a list are found with a hash set
/// rather than by scanning, so a hostile list cannot take quadratic time.
const LINEAR_DEDUP_MAX: usize = 16;

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
        let summary = format!(
            "{} more problems not shown ({} of them errors); fix the ones above first",
            checker.dropped, checker.dropped_errors
        );
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
    /// Keeps a problem, or only counts it past [`MAX_PROBLEMS`].
    fn report(&mut self, problem: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.dropped += 1;
            self.dropped_errors += usize::from(problem.is_error());
        }
    }

    fn error(&mut self, path: String, message: impl Into<String>) {
        self.report(Problem::error(path, message));
    }

    /// Reports a missing or mistyped field and gives back its value, if any.
    fn take<T: Shape>(&mut self, field: Field<T>, key: &str) -> Option<T> {
        match field {
            Field::Ok(value) => Some(value),
            Field::Missing => {
                self.error(self.path.with_key(key), "missing required field");
                None
            }
            Field::Wrong(found) => {
                self.error(
                    self.path.with_key(key),
                    format!("expected {}, found {found}", T::expected()),
                );
                None
            }
        }
    }

    /// Like [`Self::take`], for a field that may be absent or null.
    fn take_optional<T: Shape>(&mut self, field: Option<Field<T>>, key: &str) -> Option<T> {
        match field {
            None | Some(Field::Missing) => None,
            Some(field) => self.take(field, key),
        }
    }

    /// A required string (text or id) that must not be blank.
    fn non_blank<T: Shape + AsRef<str> + Default>(&mut self, field: Field<T>, key: &str) -> T {
        match self.take(field, key) {
            Some(value) if value.as_ref().trim().is_empty() => {
                self.error(self.path.with_key(key), "must not be empty");
                value
            }
            Some(value) => value,
            None => T::default(),
        }
    }

    fn text(&mut self, field: Field<String>, key: &str) -> String {
        self.non_blank(field, key)
    }

    /// A required reference to another record's id.
    fn reference(&mut self, field: Field<SmolStr>, key: &str) -> SmolStr {
        self.non_blank(field, key)
    }

    /// A required string that may be empty (a heading's text).
    fn text_or_empty(&mut self, field: Field<String>, key: &str) -> String {
        self.take(field, key).unwrap_or_default()
    }

    /// An optional string; blank counts as absent.
    fn optional_text(&mut self, field: Option<Field<String>>, key: &str) -> Option<String> {
        self.take_optional(field, key)
            .filter(|text| !text.trim().is_empty())
    }

    fn flag(&mut self, field: Field<bool>, key: &str) -> bool {
        self.take(field, key).unwrap_or(false)
    }

    fn optional_flag(&mut self, field: Option<Field<bool>>, key: &str) -> bool {
        self.take_optional(field, key).unwrap_or(false)
    }

    /// A required id with a valid spelling.
    fn id(&mut self, field: Field<SmolStr>) -> Option<SmolStr> {
        let id = self.take(field, "id")?;
        if let Some(message) = id_spelling_problem(&id) {
            self.error(self.path.with_key("id"), message);
            return None;
        }
        Some(id)
    }

    /// A year within the plausible range.
    fn year(&mut self, value: i64, key: &str) -> Option<i32> {
        if PLAUSIBLE_YEARS.contains(&value) {
            i32::try_from(value).ok()
        } else {
            self.error(
                self.path.with_key(key),
                format!(
                    "implausible year {value}: expected {} to {}",
                    PLAUSIBLE_YEARS.start(),
                    PLAUSIBLE_YEARS.end()
                ),
            );
            None
        }
    }

    /// Registers an id in one of the id maps, reporting a duplicate at the
    /// path `path` gives (called only then).
    fn register<Ix: Copy>(
        &mut self,
        map_of: impl FnOnce(&mut IdIndex) -> &mut HashMap<SmolStr, Ix>,
        id: SmolStr,
        ix: Ix,
        what: &str,
        path: impl FnOnce(&JsonPath) -> String,
    ) {
        match map_of(&mut self.index).entry(id) {
            Entry::Occupied(entry) => {
                let message = format!("duplicate {what} id \"{}\"", entry.key());
                let path = path(&self.path);
                self.report(Problem::error(path, message));
            }
            Entry::Vacant(entry) => {
                entry.insert(ix);
            }
        }
    }

    /// Walks an array field, calling `each` on every usable element with the
    /// path pointing at it and the position its result will have.
    fn each<R: Shape, T>(
        &mut self,
        field: Field<Vec<Field<R>>>,
        key: &'static str,
        mut each: impl FnMut(&mut Self, R, usize) -> T,
    ) -> Vec<T> {
        let Some(items) = self.take(field, key) else {
            return Vec::new();
        };
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
                    self.error(self.path.render(), "null is not allowed here");
                }
                Field::Wrong(found) => self.error(
                    self.path.render(),
                    format!("expected {}, found {found}", R::expected()),
                ),
            }
            self.path.truncate(inner);
        }
        self.path.truncate(outer);
        out
    }

    /// Like [`Self::each`], for an optional array.
    fn each_optional<R: Shape, T>(
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
    fn refs<Ix: Copy + Eq + Hash>(
        &mut self,
        field: Field<Vec<Field<SmolStr>>>,
        key: &'static str,
        map_of: impl Fn(&IdIndex) -> &HashMap<SmolStr, Ix>,
        what: &str,
    ) -> Vec<Ix> {
        let mut out = Distinct::default();
        self.each(field, key, |checker, id, _| {
            let Some(ix) = checker.resolve(&map_of, &id, None, what) else {
                return;
            };
            if !out.insert(ix) {
                let path = checker.path.render();
                checker.report(Problem::warning(
                    path,
                    format!("{what} \"{id}\" is listed twice"),
                ));
            }
        });
        out.items
    }

    /// Like [`Self::refs`], for an optional list.
    fn optional_refs<Ix: Copy + Eq + Hash>(
        &mut self,
        field: Option<Field<Vec<Field<SmolStr>>>>,
        key: &'static str,
        map_of: impl Fn(&IdIndex) -> &HashMap<SmolStr, Ix>,
        what: &str,
    ) -> Vec<Ix> {
        match field {
            None | Some(Field::Missing) => Vec::new(),
            Some(field) => self.refs(field, key, map_of, what),
        }
    }

    /// Resolves one id, reporting a dangling reference at the current path
    /// (or at its `key`, when given).
    fn resolve<Ix: Copy>(
        &mut self,
        map_of: impl Fn(&IdIndex) -> &HashMap<SmolStr, Ix>,
        id: &str,
        key: Option<&str>,
        what: &str,
    ) -> Option<Ix> {
        let found = map_of(&self.index).get(id).copied();
        if found.is_none() {
            let path = match key {
                Some(key) => self.path.with_key(key),
                None => self.path.render(),
            };
            self.error(path, format!("unknown {what} \"{id}\""));
        }
        found
    }

    fn dataset(&mut self, raw: RawDataset) -> Dataset {
        let schema_version = self.schema_version(raw.schema_version);
        let title = self.text(raw.title, "title");
        let edition = self.text(raw.edition, "edition");
        if !edition.is_empty() && !is_full_date(&edition) {
            self.error(
                "edition".to_owned(),
                format!("expected a date as YYYY-MM-DD, found \"{edition}\""),
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
        let mut dataset = Dataset {
            schema_version,
            title,
            edition,
            description,
            sources,
            units,
            themes,
            plans,
            nodes: Vec::new(),
            series: Vec::new(),
            funds: Vec::new(),
            targets: Vec::new(),
            exchange_rates: Vec::new(),
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
        dataset.exchange_rates = self.each(raw.exchange_rates, "exchange_rates", |c, r, i| {
            c.exchange_rate(r, i)
        });

        dataset.nodes = std::mem::take(&mut self.nodes);
        dataset.positions = std::mem::take(&mut self.positions);
        link_back(&mut dataset);
        dataset.index = std::mem::take(&mut self.index);
        dataset
    }

    fn schema_version(&mut self, field: Field<i64>) -> u32 {
        match field {
            Field::Ok(version) if SUPPORTED_SCHEMA_VERSIONS.contains(&version) => {
                u32::try_from(version).unwrap_or_default()
            }
            Field::Ok(version) => {
                self.error(
                    "schema_version".to_owned(),
                    format!(
                        "unsupported schema_version {version}: this program reads version {}",
                        join_numbers(SUPPORTED_SCHEMA_VERSIONS)
                    ),
                );
                0
            }
            other => {
                self.take(other, "schema_version");
                0
            }
        }
    }

    fn source(&mut self, raw: RawSource, ix: SourceIx) -> Source {
        let id = self.id(raw.id);
        let title = self.text(raw.title, "title");
        let publisher = self.text(raw.publisher, "publisher");
        let date = self.optional_text(raw.date, "date");
        if let Some(date) = &date
            && !is_partial_date(date)
        {
            self.error(
                self.path.with_key("date"),
                format!("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"{date}\""),
            );
        }
        let date_note = self.optional_text(raw.date_note, "date_note");
        let file = self.optional_text(raw.file, "file");
        if let Some(file) = &file
            && (file.contains('/') || file.contains('\\') || file == "..")
        {
            self.error(
                self.path.with_key("file"),
                format!("expected a plain file name, found \"{file}\""),
            );
        }
        let url = self.optional_text(raw.url, "url");
        if file.is_none() && url.is_none() {
            self.error(self.path.render(), "a source needs a \"file\" or a \"url\"");
        }
        if let Some(id) = &id {
            self.register(
                |i| &mut i.sources,
                id.clone(),
                ix,
                "source",
                |p| p.with_key("id"),
            );
        }
        Source {
            id: id.unwrap_or_default(),
            title,
            publisher,
            date,
            date_note,
            file,
            url,
        }
    }

    fn unit(&mut self, raw: RawUnit, ix: UnitIx) -> Unit {
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.units,
                id.clone(),
                ix,
                "unit",
                |p| p.with_key("id"),
            );
        }
        Unit {
            id: id.unwrap_or_default(),
            name: self.text(raw.name, "name"),
            name_zh: self.optional_text(raw.name_zh, "name_zh"),
            nodes: Vec::new(),
        }
    }

    fn theme(&mut self, raw: RawTheme, ix: ThemeIx) -> Theme {
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.themes,
                id.clone(),
                ix,
                "theme",
                |p| p.with_key("id"),
            );
        }
        Theme {
            id: id.unwrap_or_default(),
            name: self.text(raw.name, "name"),
            name_zh: self.optional_text(raw.name_zh, "name_zh"),
            nodes: Vec::new(),
        }
    }

    fn plan(&mut self, raw: RawPlan, plan_ix: PlanIx) -> Plan {
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.plans,
                id.clone(),
                plan_ix,
                "plan",
                |p| p.with_key("id"),
            );
        }
        let title = self.text(raw.title, "title");
        let title_zh = self.optional_text(raw.title_zh, "title_zh");
        let (start_year, end_year) = self.period(raw.period);
        let issuer = self.text(raw.issuer, "issuer");
        let source_id = self.reference(raw.source, "source");
        let source = if source_id.is_empty() {
            None
        } else {
            self.resolve(|i| &i.sources, &source_id, Some("source"), "source")
        };
        let note = self.optional_text(raw.note, "note");
        let source = source.unwrap_or(SourceIx(0));
        let roots = self
            .take(raw.nodes, "nodes")
            .map(|list| list.0)
            .unwrap_or_default();
        Plan {
            id: id.unwrap_or_default(),
            title,
            title_zh,
            start_year,
            end_year,
            issuer,
            source,
            note,
            roots,
            targets: Vec::new(),
        }
    }

    fn period(&mut self, field: Field<super::raw::RawPeriod>) -> (Option<i32>, i32) {
        let Some(period) = self.take(field, "period") else {
            return (None, 0);
        };
        let outer = self.path.key("period");
        let start = self
            .take_optional(period.start, "start")
            .and_then(|y| self.year(y, "start"));
        let end = self
            .take(period.end, "end")
            .and_then(|y| self.year(y, "end"));
        if let (Some(start), Some(end)) = (start, end)
            && start > end
        {
            self.error(
                self.path.render(),
                format!("the period starts ({start}) after it ends ({end})"),
            );
        }
        self.path.truncate(outer);
        (start, end.unwrap_or_default())
    }

    /// Reserves the arena slot of the node about to be parsed at `position`
    /// of the current list, and moves the path to it.
    pub(super) fn reserve_node(&mut self, position: usize) -> NodeSlot {
        let path_depth = self.path.index(position);
        let ix = NodeIx::at(self.nodes.len());
        let parent = self.open.last().copied();
        let depth = u16::try_from(self.open.len()).unwrap_or(u16::MAX);
        self.nodes.push(Node {
            id: SmolStr::default(),
            kind: NodeKind::Item,
            numbering: None,
            title: String::new(),
            title_zh: None,
            text: String::new(),
            text_zh: None,
            source: SourceIx(0),
            units: Vec::new(),
            themes: Vec::new(),
            districts: Vec::new(),
            note: None,
            plan: PlanIx::at(self.plans_seen),
            parent,
            children: Vec::new(),
            depth,
            figures: Vec::new(),
        });
        self.positions
            .nodes
            .push(u32::try_from(position).unwrap_or(u32::MAX));
        self.open.push(ix);
        NodeSlot { ix, path_depth }
    }

    /// Gives back a slot that got no node (the end of the list, or an
    /// element that is not a node). Nothing was added to the arena after it.
    pub(super) fn release_node(&mut self, slot: NodeSlot) {
        self.open.pop();
        self.nodes.truncate(slot.ix.index());
        self.positions.nodes.truncate(slot.ix.index());
        self.path.truncate(slot.path_depth);
    }

    /// Checks a node just parsed into its slot; its children are already
    /// checked. Returns its index, or `None` (with a problem reported) when
    /// the element is not a node.
    pub(super) fn finish_node(
        &mut self,
        slot: NodeSlot,
        element: Field<RawNode>,
    ) -> Option<NodeIx> {
        let raw = match element {
            Field::Ok(raw) => raw,
            Field::Missing => {
                self.error(self.path.render(), "null is not allowed here");
                self.release_node(slot);
                return None;
            }
            Field::Wrong(found) => {
                self.error(
                    self.path.render(),
                    format!("expected an object, found {found}"),
                );
                self.release_node(slot);
                return None;
            }
        };
        self.open.pop();
        let ix = slot.ix;
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.nodes,
                id.clone(),
                ix,
                "node",
                |p| p.with_key("id"),
            );
        }
        let kind = self.take(raw.kind, "kind").unwrap_or(NodeKind::Item);
        let numbering = self.optional_text(raw.numbering, "numbering");
        let title = self.text(raw.title, "title");
        let title_zh = self.optional_text(raw.title_zh, "title_zh");
        let text = self.text_or_empty(raw.text, "text");
        let text_zh = self.optional_text(raw.text_zh, "text_zh");
        let districts = self.each(raw.districts, "districts", |_, d, _| d);
        let note = self.optional_text(raw.note, "note");
        let children = self
            .take(raw.children, "children")
            .map(|list| list.0)
            .unwrap_or_default();
        let slot_node = &mut self.nodes[ix.index()];
        slot_node.id = id.unwrap_or_default();
        slot_node.kind = kind;
        slot_node.numbering = numbering;
        slot_node.title = title;
        slot_node.title_zh = title_zh;
        slot_node.text = text;
        slot_node.text_zh = text_zh;
        slot_node.districts = districts;
        slot_node.note = note;
        slot_node.children = children;
        self.pending.push(PendingRefs {
            node: ix,
            units: raw.units,
            themes: raw.themes,
            source: raw.source,
        });
        self.path.truncate(slot.path_depth);
        Some(ix)
    }

    /// Resolves the nodes' references now that every id is known. A node
    /// whose references all resolve costs a few lookups; only a node with a
    /// problem has its path worked out, to report it.
    fn resolve_pending(&mut self, plans: &[Plan]) {
        for pending in std::mem::take(&mut self.pending) {
            let ix = pending.node;
            let plan_source = plans
                .get(self.nodes[ix.index()].plan.index())
                .map_or(SourceIx(0), |plan| plan.source);
            let source = match &pending.source {
                None | Some(Field::Missing) => Some(plan_source),
                Some(Field::Ok(id)) => self.index.sources.get(id).copied(),
                Some(Field::Wrong(_)) => None,
            };
            let fast = (
                self.resolve_quietly(&pending.units, |i| &i.units),
                self.resolve_quietly(&pending.themes, |i| &i.themes),
                source,
            );
            let (units, themes, source) = match fast {
                (Some(units), Some(themes), Some(source)) => (units, themes, source),
                _ => self.resolve_reporting(pending, plan_source),
            };
            let node = &mut self.nodes[ix.index()];
            node.units = units;
            node.themes = themes;
            node.source = source;
        }
    }

    /// Resolves a list of ids if every one is well-formed, known and listed
    /// once; `None` sends the node to [`Self::resolve_reporting`].
    fn resolve_quietly<Ix: Copy + Eq + Hash>(
        &self,
        field: &Field<Vec<Field<SmolStr>>>,
        map_of: impl Fn(&IdIndex) -> &HashMap<SmolStr, Ix>,
    ) -> Option<Vec<Ix>> {
        let Field::Ok(ids) = field else {
            return None;
        };
        let map = map_of(&self.index);
        let mut out = Distinct::default();
        for id in ids {
            let ix = map.get(id.ok()?).copied()?;
            if !out.insert(ix) {
                return None;
            }
        }
        Some(out.items)
    }

    /// Resolves a node's references the slow way, with the node's path set,
    /// so every problem is reported where it is.
    fn resolve_reporting(
        &mut self,
        pending: PendingRefs,
        plan_source: SourceIx,
    ) -> (Vec<UnitIx>, Vec<ThemeIx>, SourceIx) {
        let node_path = self.positions.node_path(&self.nodes, pending.node);
        let saved = std::mem::replace(&mut self.path, node_path);
        let units = self.refs(pending.units, "units", |i| &i.units, "unit");
        let themes = self.refs(pending.themes, "themes", |i| &i.themes, "theme");
        let source = match self.take_optional(pending.source, "source") {
            Some(id) => self
                .resolve(|i| &i.sources, &id, Some("source"), "source")
                .unwrap_or(plan_source),
            None => plan_source,
        };
        self.path = saved;
        (units, themes, source)
    }

    /// The main citation and any `also` citations of a figure.
    fn citations(
        &mut self,
        source: Field<SmolStr>,
        quote: Field<String>,
        also: Option<Field<Vec<Field<RawCitation>>>>,
    ) -> Vec<Citation> {
        let mut citations = vec![self.citation(source, quote)];
        citations.extend(
            self.each_optional(also, "also", |c, raw, _| c.citation(raw.source, raw.quote)),
        );
        citations
    }

    fn citation(&mut self, source: Field<SmolStr>, quote: Field<String>) -> Citation {
        let source_id = self.reference(source, "source");
        let source = if source_id.is_empty() {
            SourceIx(0)
        } else {
            self.resolve(|i| &i.sources, &source_id, Some("source"), "source")
                .unwrap_or(SourceIx(0))
        };
        Citation {
            source,
            quote: self.text(quote, "quote"),
        }
    }

    fn series(
        &mut self,
        raw: RawSeries,
        series_ix: SeriesIx,
        point_ids: &mut Vec<(SmolStr, String, FigureRef)>,
    ) -> Series {
        let id = self.id(raw.id);
        let title = self.text(raw.title, "title");
        let title_zh = self.optional_text(raw.title_zh, "title_zh");
        let unit = self.take(raw.unit, "unit");
        let note = self.optional_text(raw.note, "note");
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, "node");
        let mut points = self.each(raw.points, "points", |c, point, _| {
            let path = c.path.render();
            (c.point(point, unit), path)
        });
        // Points are kept in year order; their figure refs are made after
        // sorting, so they point at the right place.
        points.sort_by_key(|(point, _)| point.year);
        let mut sorted = Vec::with_capacity(points.len());
        for (p, (point, path)) in points.into_iter().enumerate() {
            let figure = FigureRef::Point(series_ix, u32::try_from(p).unwrap_or(u32::MAX));
            point_ids.push((point.id.clone(), path, figure));
            sorted.push(point);
        }
        Series {
            id: id.unwrap_or_default(),
            title,
            title_zh,
            unit: unit.unwrap_or(QuantityUnit::Count),
            note,
            measures,
            points: sorted,
        }
    }

    fn point(&mut self, raw: RawPoint, unit: Option<QuantityUnit>) -> Point {
        let id = self.id(raw.id);
        let year = self
            .take(raw.year, "year")
            .and_then(|y| self.year(y, "year"));
        let value = self.take(raw.value, "value");
        if let (Some(value), Some(unit)) = (value, unit) {
            self.check_value(value, unit, "value");
        }
        let status = self.take(raw.status, "status").unwrap_or(Status::Actual);
        let approximate = self.flag(raw.approximate, "approximate");
        let lower_bound = self.optional_flag(raw.lower_bound, "lower_bound");
        let citations = self.citations(raw.source, raw.quote, raw.also);
        let note = self.optional_text(raw.note, "note");
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, "node");
        Point {
            id: id.unwrap_or_default(),
            year: year.unwrap_or_default(),
            value: value.unwrap_or_default(),
            status,
            approximate,
            lower_bound,
            citations,
            note,
            measures,
        }
    }

    /// Checks a value against what its unit allows.
    fn check_value(&mut self, value: f64, unit: QuantityUnit, key: &str) {
        let problem = if value.is_finite() {
            match unit {
                QuantityUnit::Percent if !(0.0..=100.0).contains(&value) => Some(format!(
                    "a share must lie within 0-100 percent, found {value}"
                )),
                QuantityUnit::PercentYoy if value <= -100.0 => Some(format!(
                    "a growth rate must be above -100 percent, found {value}"
                )),
                QuantityUnit::Yuan | QuantityUnit::Per10kWorkers if value < 0.0 => {
                    Some(format!("must not be negative, found {value}"))
                }
                QuantityUnit::Count if value < 0.0 || value.fract() != 0.0 => Some(format!(
                    "a count must be a whole number of at least 0, found {value}"
                )),
                _ => None,
            }
        } else {
            Some(format!("expected a finite number, found {value}"))
        };
        if let Some(message) = problem {
            self.error(self.path.with_key(key), message);
        }
    }

    fn fund(&mut self, raw: RawFund) -> Fund {
        let id = self.id(raw.id);
        let name = self.text(raw.name, "name");
        let name_zh = self.optional_text(raw.name_zh, "name_zh");
        let amount_yuan = self.take_optional(raw.amount_yuan, "amount_yuan");
        if let Some(amount) = amount_yuan {
            self.check_value(amount, QuantityUnit::Yuan, "amount_yuan");
        }
        let lower_bound = self.flag(raw.lower_bound, "lower_bound");
        let approximate = self.flag(raw.approximate, "approximate");
        let level = self.take(raw.level, "level");
        let purpose = self.text(raw.purpose, "purpose");
        let citations = self.citations(raw.source, raw.quote, raw.also);
        let note = self.optional_text(raw.note, "note");
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, "node");
        Fund {
            id: id.unwrap_or_default(),
            name,
            name_zh,
            amount_yuan,
            lower_bound,
            approximate,
            level: level.unwrap_or(super::model::FundLevel::Mixed),
            purpose,
            citations,
            note,
            measures,
        }
    }

    fn target(&mut self, raw: RawTarget) -> Target {
        let id = self.id(raw.id);
        let metric = self.text(raw.metric, "metric");
        let metric_zh = self.optional_text(raw.metric_zh, "metric_zh");
        let value = self.take(raw.value, "value");
        let unit = self.take(raw.unit, "unit");
        if let (Some(value), Some(unit)) = (value, unit) {
            self.check_value(value, unit, "value");
        }
        let deadline_year = self
            .take_optional(raw.deadline_year, "deadline_year")
            .and_then(|y| self.year(y, "deadline_year"));
        let plan_id = self.reference(raw.plan, "plan");
        let plan = if plan_id.is_empty() {
            None
        } else {
            self.resolve(|i| &i.plans, &plan_id, Some("plan"), "plan")
        };
        let approximate = self.flag(raw.approximate, "approximate");
        let lower_bound = self.optional_flag(raw.lower_bound, "lower_bound");
        let citations = self.citations(raw.source, raw.quote, raw.also);
        let note = self.optional_text(raw.note, "note");
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, "node");
        Target {
            id: id.unwrap_or_default(),
            metric,
            metric_zh,
            value: value.unwrap_or_default(),
            unit: unit.unwrap_or(QuantityUnit::Count),
            deadline_year,
            plan: plan.unwrap_or(PlanIx(0)),
            approximate,
            lower_bound,
            citations,
            note,
            measures,
        }
    }

    fn exchange_rate(&mut self, raw: RawExchangeRate, position: usize) -> ExchangeRate {
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.exchange_rates,
                id.clone(),
                position,
                "exchange rate",
                |p| p.with_key("id"),
            );
        }
        let currency = self.text(raw.currency, "currency");
        let amount = |checker: &mut Self, field: Field<f64>, key: &str| {
            let value = checker.take(field, key);
            match value {
                Some(v) if v.is_finite() && v > 0.0 => v,
                Some(v) => {
                    checker.error(
                        checker.path.with_key(key),
                        format!("expected a positive amount, found {v}"),
                    );
                    1.0
                }
                None => 1.0,
            }
        };
        let yuan_amount = amount(self, raw.yuan_amount, "yuan_amount");
        let foreign_amount = amount(self, raw.foreign_amount, "foreign_amount");
        let citation = self.citation(raw.source, raw.quote);
        ExchangeRate {
            id: id.unwrap_or_default(),
            currency,
            yuan_amount,
            foreign_amount,
            citation,
            note: self.optional_text(raw.note, "note"),
        }
    }

    fn register_series_ids(
        &mut self,
        series: &[Series],
        point_ids: Vec<(SmolStr, String, FigureRef)>,
    ) {
        self.register_ids_of(
            series,
            "series",
            |i| FigureRef::Series(SeriesIx::at(i)),
            |s| &s.id,
        );
        for (id, path, figure) in point_ids {
            if id.is_empty() {
                continue;
            }
            self.register(
                |i| &mut i.figures,
                id,
                figure,
                "figure",
                |_| format!("{path}.id"),
            );
        }
    }

    /// Registers the ids of a table of figures, with the path of each.
    fn register_ids_of<T>(
        &mut self,
        table: &[T],
        key: &str,
        figure: impl Fn(usize) -> FigureRef,
        id_of: impl Fn(&T) -> &SmolStr,
    ) {
        for (i, record) in table.iter().enumerate() {
            let id = id_of(record);
            if id.is_empty() {
                continue;
            }
            self.register(
                |i| &mut i.figures,
                id.clone(),
                figure(i),
                "figure",
                |_| format!("{key}[{i}].id"),
            );
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
    for (t, target) in dataset.targets.iter().enumerate() {
        link(FigureRef::Target(TargetIx::at(t)), &target.measures);
        if let Some(plan) = dataset.plans.get_mut(target.plan.index()) {
            plan.targets.push(TargetIx::at(t));
        }
    }
}

fn join_numbers(numbers: &[i64]) -> String {
    numbers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What is wrong with an id's spelling, if anything.
fn id_spelling_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("an id must not be empty".to_owned());
    }
    if id.len() > MAX_ID_LEN {
        return Some(format!("an id must be at most {MAX_ID_LEN} bytes long"));
    }
    let bad = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')));
    bad.map(|c| format!("id \"{id}\" contains {c:?}: use ASCII letters, digits, '-', '_' and '.'"))
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
