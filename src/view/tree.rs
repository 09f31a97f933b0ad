//! The drill-down tree as data: the filtered, flattened rows the tree panel
//! draws, computed from the dataset, the filter and the expansion state.
//!
//! Built as rerun builds its blueprint tree: a pure [`TreeData`] computed
//! here and tested as plain data, then a thin function in the UI draws it
//! (only the rows on screen). Search runs over one lower-cased buffer of all
//! nodes' text with a SIMD substring search, so re-filtering 100,000
//! measures per keystroke stays within a few milliseconds.

use crate::dataset::Named;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::ops::Range;

use memchr::memmem;

use crate::dataset::{Dataset, NodeIx, PlanIx, ThemeIx, UnitIx};
use crate::i18n::Lang;
use crate::selection::Item;

/// What the tree needs of every node, laid out for re-filtering 100,000
/// nodes per keystroke: their searchable text folded to lower case in one
/// buffer, and their plan, parent, children, units, themes and districts in
/// small contiguous arrays (the dataset's nodes are large records whose
/// lists live elsewhere on the heap; walking them missed the cache at
/// every step).
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    haystack: String,
    /// Where each node's text starts in `haystack`, by node index, plus the
    /// end as a last entry.
    starts: Vec<usize>,
    /// Every district named, sorted; the facet counts index into it.
    districts: Vec<String>,
    /// Each node's districts, as indexes into `districts`.
    node_districts: Lists,
    /// Each node's plan, by node index.
    plan: Vec<u32>,
    /// Each node's parent's index, or `NO_PARENT`.
    parent: Vec<u32>,
    /// Each node's children.
    children: Lists,
    /// Each node's responsible units.
    units: Lists,
    /// Each node's themes.
    themes: Lists,
    /// The last query searched (folded) and what it matched: while typing,
    /// each query contains the one before, so only its matches need
    /// searching again.
    last: RefCell<Option<(String, Vec<bool>)>>,
}

/// Marks a top-level node in [`SearchIndex::parent`].
const NO_PARENT: u32 = u32::MAX;

/// One short list of indexes per node, all in one buffer: node `n`'s are
/// `items[starts[n]..starts[n + 1]]`.
#[derive(Clone, Debug, Default)]
struct Lists {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    fn new<I: IntoIterator<Item = u32>>(lists: impl ExactSizeIterator<Item = I>) -> Self {
        let mut starts = Vec::with_capacity(lists.len() + 1);
        let mut items = Vec::new();
        for list in lists {
            starts.push(index_u32(items.len()));
            items.extend(list);
        }
        starts.push(index_u32(items.len()));
        Self { starts, items }
    }

    fn of(&self, n: usize) -> &[u32] {
        &self.items[self.starts[n] as usize..self.starts[n + 1] as usize]
    }
}

/// Indexes fit in `u32`: the loader refuses files over 256 MiB, far fewer
/// than 2^32 records.
fn index_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Separates nodes in the haystack; it never occurs in a folded query.
const SEPARATOR: char = '\u{1}';

impl SearchIndex {
    /// Indexes the numbering, title, text and responsible units' names (in
    /// English and Chinese, the editors' translations included) of every node, and the titles of the facts it
    /// holds, so a search for a fact finds its measure.
    pub fn new(dataset: &Dataset) -> Self {
        let mut haystack = String::new();
        let mut starts = Vec::with_capacity(dataset.nodes.len() + 1);
        for node in &dataset.nodes {
            starts.push(haystack.len());
            let mut push = |text: &str| {
                fold_into(&mut haystack, text);
                haystack.push('\n');
            };
            if let Some(numbering) = &node.numbering {
                push(numbering);
            }
            push(&node.title);
            push(&node.text);
            // Chinese as the window shows it: printed, or the editors'
            // translation, so what a reader sees in Chinese is found.
            if let Some(zh) = node.zh() {
                push(zh.text());
            }
            if let Some(text_zh) = &node.text_zh {
                push(text_zh);
            }
            for unit in &node.units {
                let unit = &dataset.units[unit.index()];
                push(&unit.name);
                if let Some(zh) = unit.zh() {
                    push(zh.text());
                }
            }
            for figure in &node.figures {
                if let crate::dataset::FigureRef::Fact(f) = figure {
                    let fact = &dataset.facts[f.index()];
                    push(&fact.title);
                    if let Some(zh) = fact.zh() {
                        push(zh.text());
                    }
                }
            }
            haystack.push(SEPARATOR);
        }
        starts.push(haystack.len());

        let districts: BTreeSet<&String> =
            dataset.nodes.iter().flat_map(|n| &n.districts).collect();
        let districts: Vec<String> = districts.into_iter().cloned().collect();
        let node_districts = Lists::new(dataset.nodes.iter().map(|node| {
            node.districts
                .iter()
                .filter_map(|d| districts.binary_search(d).ok())
                .map(index_u32)
                .collect::<Vec<_>>()
        }));
        let nodes = &dataset.nodes;
        Self {
            haystack,
            starts,
            districts,
            node_districts,
            plan: nodes.iter().map(|n| n.plan.0).collect(),
            parent: nodes
                .iter()
                .map(|n| n.parent.map_or(NO_PARENT, |p| p.0))
                .collect(),
            children: Lists::new(nodes.iter().map(|n| n.children.iter().map(|c| c.0))),
            units: Lists::new(nodes.iter().map(|n| n.units.iter().map(|u| u.0))),
            themes: Lists::new(nodes.iter().map(|n| n.themes.iter().map(|t| t.0))),
            last: RefCell::new(None),
        }
    }

    /// Every district the dataset names, sorted.
    pub fn districts(&self) -> &[String] {
        &self.districts
    }

    /// Which nodes contain `query` (case-insensitively), by node index.
    /// An empty query matches every node.
    pub fn matching(&self, query: &str) -> Vec<bool> {
        let count = self.starts.len().saturating_sub(1);
        let needle = fold(query.trim());
        if needle.is_empty() {
            return vec![true; count];
        }
        let mut last = self.last.borrow_mut();
        let found = match last.as_ref() {
            Some((previous, found)) if *previous == needle => found.clone(),
            // Whatever contains the new query contains the previous one.
            // Searching node by node costs more per node than one pass over
            // the whole text, so this pays only while the candidates are
            // few (measured at 100k nodes: 2 ms instead of 4.5 when a
            // tenth are left, 9 ms instead of 6 when most are).
            Some((previous, found))
                if needle.contains(previous.as_str())
                    && found.iter().filter(|&&f| f).count() * 4 <= count =>
            {
                self.narrow(&needle, found)
            }
            _ => self.scan(&needle),
        };
        *last = Some((needle, found.clone()));
        found
    }

    /// Which of the `candidates` contain `needle`.
    fn narrow(&self, needle: &str, candidates: &[bool]) -> Vec<bool> {
        let finder = memmem::Finder::new(needle.as_bytes());
        let bytes = self.haystack.as_bytes();
        candidates
            .iter()
            .enumerate()
            .map(|(n, &candidate)| {
                candidate
                    && finder
                        .find(&bytes[self.starts[n]..self.starts[n + 1]])
                        .is_some()
            })
            .collect()
    }

    /// Which nodes contain `needle`, searching the whole haystack.
    fn scan(&self, needle: &str) -> Vec<bool> {
        let count = self.starts.len().saturating_sub(1);
        let mut found = vec![false; count];
        let finder = memmem::Finder::new(needle.as_bytes());
        let bytes = self.haystack.as_bytes();
        let mut from = 0;
        let mut node = 0;
        while let Some(at) = finder.find(&bytes[from..]) {
            let position = from + at;
            // The node holding this match: walk forward from the last one.
            // Matches come in order, so the walk over all of them passes
            // each node once, which beats a binary search per match when
            // a short query matches nearly every node.
            while self.starts[node + 1] <= position {
                node += 1;
            }
            found[node] = true;
            // One match per node is enough; go on from the next node.
            node += 1;
            from = self.starts[node];
        }
        found
    }
}

/// Lower-cases text for matching (Chinese is unchanged).
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

fn fold_into(out: &mut String, text: &str) {
    for c in text.chars() {
        if c == SEPARATOR {
            continue;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Where `query` occurs in `text`, case-insensitively, as byte ranges of
/// `text`, for highlighting a row's title.
pub fn highlight_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = fold(query.trim()).chars().collect();
    if needle.is_empty() {
        return Vec::new();
    }
    // Fold character by character, remembering where each folded character
    // came from, so ranges map back even where folding changes lengths.
    let mut folded = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            folded.push((lower, at, at + c.len_utf8()));
        }
    }
    let mut ranges = Vec::new();
    let mut i = 0;
    while i + needle.len() <= folded.len() {
        if folded[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((c, _, _), n)| c == n)
        {
            let start = folded[i].1;
            let end = folded[i + needle.len() - 1].2;
            ranges.push(start..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    ranges
}

/// What narrows the tree: a search and facets. Within a facet any chosen
/// value will do; across facets all must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreeFilter {
    /// Text to find in numbering, titles, texts and unit names.
    pub query: String,
    /// Plans to show; empty for all.
    pub plans: BTreeSet<PlanIx>,
    /// Responsible units; empty for any.
    pub units: BTreeSet<UnitIx>,
    /// Themes; empty for any.
    pub themes: BTreeSet<ThemeIx>,
    /// Districts; empty for any.
    pub districts: BTreeSet<String>,
}

impl TreeFilter {
    /// Whether anything narrows the tree.
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty()
            || !self.plans.is_empty()
            || !self.units.is_empty()
            || !self.themes.is_empty()
            || !self.districts.is_empty()
    }

    /// Clears the search and every facet.
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// Which plans and nodes are expanded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expansion {
    open: HashSet<Item>,
}

impl Expansion {
    /// Every open plan and node, in no order.
    pub fn items(&self) -> impl Iterator<Item = Item> + '_ {
        self.open.iter().copied()
    }

    /// Whether `item` shows its children.
    pub fn is_open(&self, item: Item) -> bool {
        self.open.contains(&item)
    }

    /// Opens or closes one plan or node.
    pub fn set(&mut self, item: Item, open: bool) {
        if open {
            self.open.insert(item);
        } else {
            self.open.remove(&item);
        }
    }

    /// Opens or closes `item` and everything below it.
    pub fn set_subtree(&mut self, dataset: &Dataset, item: Item, open: bool) {
        let mut stack = vec![item];
        while let Some(item) = stack.pop() {
            self.set(item, open);
            match item {
                Item::Plan(plan) => stack.extend(
                    dataset.plans[plan.index()]
                        .roots
                        .iter()
                        .map(|&n| Item::Node(n)),
                ),
                Item::Node(node) => {
                    stack.extend(dataset.node(node).children.iter().map(|&n| Item::Node(n)));
                }
                Item::Figure(_) => {}
            }
        }
    }

    /// Opens or closes every plan and node.
    pub fn set_all(&mut self, dataset: &Dataset, open: bool) {
        if open {
            self.open = (0..dataset.plans.len())
                .map(|p| Item::Plan(PlanIx(u32::try_from(p).unwrap_or(u32::MAX))))
                .chain(
                    (0..dataset.nodes.len())
                        .map(|n| Item::Node(NodeIx(u32::try_from(n).unwrap_or(u32::MAX)))),
                )
                .collect();
        } else {
            self.open.clear();
        }
    }

    /// Opens every ancestor of `node` (and its plan), so it can be shown.
    pub fn reveal(&mut self, dataset: &Dataset, node: NodeIx) {
        self.set(Item::Plan(dataset.node(node).plan), true);
        let mut current = dataset.node(node).parent;
        while let Some(parent) = current {
            self.set(Item::Node(parent), true);
            current = dataset.node(parent).parent;
        }
    }
}

/// One row of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeRow {
    /// The plan or node.
    pub item: Item,
    /// 0 for plans, 1 for their top-level nodes, and so on.
    pub depth: usize,
    /// How many children it has in the whole dataset.
    pub child_count: usize,
    /// How many of them are shown under the current filter.
    pub visible_children: usize,
    /// Whether its children are shown now.
    pub expanded: bool,
    /// Whether it matches the filter itself (not only kept as an ancestor
    /// of a match).
    pub is_match: bool,
}

/// How many nodes each facet value would show, given the search and the
/// other facets.
///
/// Counted into vectors indexed like the dataset's plans, units and themes
/// (and the index's districts): 100,000 nodes are counted per keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    plans: Vec<usize>,
    units: Vec<usize>,
    themes: Vec<usize>,
    districts: BTreeMap<String, usize>,
}

impl FacetCounts {
    /// Matching nodes in a plan.
    pub fn plan(&self, plan: PlanIx) -> usize {
        self.plans.get(plan.index()).copied().unwrap_or(0)
    }

    /// Matching nodes naming a responsible unit.
    pub fn unit(&self, unit: UnitIx) -> usize {
        self.units.get(unit.index()).copied().unwrap_or(0)
    }

    /// Matching nodes with a theme.
    pub fn theme(&self, theme: ThemeIx) -> usize {
        self.themes.get(theme.index()).copied().unwrap_or(0)
    }

    /// Matching nodes in a district.
    pub fn district(&self, district: &str) -> usize {
        self.districts.get(district).copied().unwrap_or(0)
    }
}

/// The tree as the panel draws it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreeData {
    /// The visible rows, top to bottom.
    pub rows: Vec<TreeRow>,
    /// How many nodes match the filter themselves.
    pub match_count: usize,
    /// Counts for the facet menus.
    pub counts: FacetCounts,
}

impl TreeData {
    /// Computes the rows. With an active filter, every match is shown with
    /// its ancestors, opened; without one, the expansion state decides.
    pub fn new(
        dataset: &Dataset,
        search: &SearchIndex,
        filter: &TreeFilter,
        expansion: &Expansion,
    ) -> Self {
        let text_match = search.matching(&filter.query);
        let (matches, counts) = facet_matches(dataset, search, filter, &text_match);
        let match_count = matches.iter().filter(|&&m| m).count();

        // A node is shown if it matches or something below it does. Nodes
        // are in document order, so children come after their parent and a
        // reverse pass sees every child before its parent.
        let mut shown = matches.clone();
        for n in (0..dataset.nodes.len()).rev() {
            let parent = search.parent[n];
            if shown[n] && parent != NO_PARENT {
                shown[parent as usize] = true;
            }
        }

        let active = filter.is_active();
        // With a filter, every shown node gets a row (a short query shows
        // nearly all of them), so room is made once; without one, the
        // expansion decides and the rows are usually few.
        let mut rows = if active {
            Vec::with_capacity(shown.iter().filter(|&&s| s).count() + dataset.plans.len())
        } else {
            Vec::new()
        };
        for (p, plan) in dataset.plans.iter().enumerate() {
            let plan_ix = PlanIx(u32::try_from(p).unwrap_or(u32::MAX));
            if !filter.plans.is_empty() && !filter.plans.contains(&plan_ix) {
                continue;
            }
            let visible_children = plan.roots.iter().filter(|r| shown[r.index()]).count();
            if active && visible_children == 0 {
                continue;
            }
            let expanded =
                (active || expansion.is_open(Item::Plan(plan_ix))) && visible_children > 0;
            rows.push(TreeRow {
                item: Item::Plan(plan_ix),
                depth: 0,
                child_count: plan.roots.len(),
                visible_children,
                expanded,
                is_match: false,
            });
            if expanded {
                push_nodes(
                    search,
                    &plan.roots,
                    1,
                    &shown,
                    &matches,
                    active,
                    expansion,
                    &mut rows,
                );
            }
        }
        Self {
            rows,
            match_count,
            counts,
        }
    }

    /// The row showing `item`, if it is visible.
    pub fn row_of(&self, item: Item) -> Option<usize> {
        self.rows.iter().position(|row| row.item == item)
    }
}

/// Appends the rows for `nodes` (siblings) and, where open, their children.
#[expect(
    clippy::too_many_arguments,
    reason = "Each is a separate input of one walk."
)]
fn push_nodes(
    search: &SearchIndex,
    nodes: &[NodeIx],
    depth: usize,
    shown: &[bool],
    matches: &[bool],
    active: bool,
    expansion: &Expansion,
    rows: &mut Vec<TreeRow>,
) {
    // An explicit stack rather than recursion: depth is bounded by the
    // parser, but a stack costs nothing and cannot overflow.
    let mut stack: Vec<(u32, usize)> = nodes.iter().rev().map(|&n| (n.0, depth)).collect();
    while let Some((n, depth)) = stack.pop() {
        let index = n as usize;
        if !shown[index] {
            continue;
        }
        let children = search.children.of(index);
        let visible_children = children.iter().filter(|&&c| shown[c as usize]).count();
        let item = Item::Node(NodeIx(n));
        let expanded = visible_children > 0 && (active || expansion.is_open(item));
        rows.push(TreeRow {
            item,
            depth,
            child_count: children.len(),
            visible_children,
            expanded,
            is_match: active && matches[index],
        });
        if expanded {
            stack.extend(children.iter().rev().map(|&c| (c, depth + 1)));
        }
    }
}

/// Which nodes pass the search and every facet, and the facet counts.
fn facet_matches(
    dataset: &Dataset,
    search: &SearchIndex,
    filter: &TreeFilter,
    text_match: &[bool],
) -> (Vec<bool>, FacetCounts) {
    let mut matches = vec![false; dataset.nodes.len()];
    let mut plans = vec![0; dataset.plans.len()];
    let mut units = vec![0; dataset.units.len()];
    let mut themes = vec![0; dataset.themes.len()];
    let mut districts = vec![0; search.districts.len()];
    // The chosen districts as indexes, so nodes are tested without
    // comparing strings.
    let chosen_districts: Vec<bool> = search
        .districts
        .iter()
        .map(|d| filter.districts.contains(d))
        .collect();
    // The chosen plans, units and themes as flags by index, likewise.
    let flags = |len: usize, chosen: &dyn Fn(u32) -> bool| -> Vec<bool> {
        (0..len).map(|i| chosen(index_u32(i))).collect()
    };
    let chosen_plans = flags(dataset.plans.len(), &|i| filter.plans.contains(&PlanIx(i)));
    let chosen_units = flags(dataset.units.len(), &|i| filter.units.contains(&UnitIx(i)));
    let chosen_themes = flags(dataset.themes.len(), &|i| {
        filter.themes.contains(&ThemeIx(i))
    });
    for n in 0..dataset.nodes.len() {
        if !text_match[n] {
            continue;
        }
        let plan = search.plan[n] as usize;
        let node_units = search.units.of(n);
        let node_themes = search.themes.of(n);
        let node_districts = search.node_districts.of(n);
        let plan_ok = filter.plans.is_empty() || chosen_plans[plan];
        let unit_ok =
            filter.units.is_empty() || node_units.iter().any(|&u| chosen_units[u as usize]);
        let theme_ok =
            filter.themes.is_empty() || node_themes.iter().any(|&t| chosen_themes[t as usize]);
        let district_ok = filter.districts.is_empty()
            || node_districts.iter().any(|&d| chosen_districts[d as usize]);
        matches[n] = plan_ok && unit_ok && theme_ok && district_ok;
        // A facet's counts say what choosing a value would show, so they
        // apply every filter but that facet's own.
        if unit_ok && theme_ok && district_ok {
            plans[plan] += 1;
        }
        if plan_ok && theme_ok && district_ok {
            for &unit in node_units {
                units[unit as usize] += 1;
            }
        }
        if plan_ok && unit_ok && district_ok {
            for &theme in node_themes {
                themes[theme as usize] += 1;
            }
        }
        if plan_ok && unit_ok && theme_ok {
            for &district in node_districts {
                districts[district as usize] += 1;
            }
        }
    }
    let districts = search
        .districts
        .iter()
        .zip(districts)
        .filter(|(_, count)| *count > 0)
        .map(|(name, count)| (name.clone(), count))
        .collect();
    let counts = FacetCounts {
        plans,
        units,
        themes,
        districts,
    };
    (matches, counts)
}

/// A key the tree reacts to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeKey {
    /// The row above.
    Up,
    /// The row below.
    Down,
    /// The first row.
    Home,
    /// The last row.
    End,
    /// Open the row, or go to its first child if it is open.
    Right,
    /// Close the row, or go to its parent if it is closed.
    Left,
}

/// What a key press does to the tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeAction {
    /// Select this row's item.
    Select(Item),
    /// Open or close this item.
    SetOpen(Item, bool),
    /// Nothing to do.
    None,
}

/// The action for `key` with `selected` as the current selection.
pub fn key_action(
    dataset: &Dataset,
    tree: &TreeData,
    selected: Option<Item>,
    key: TreeKey,
) -> TreeAction {
    let Some(last) = tree.rows.len().checked_sub(1) else {
        return TreeAction::None;
    };
    let current = selected.and_then(|item| tree.row_of(item));
    let select = |row: usize| TreeAction::Select(tree.rows[row].item);
    match (key, current) {
        (TreeKey::Home, _)
        | (TreeKey::Down | TreeKey::Up | TreeKey::Right | TreeKey::Left, None) => select(0),
        (TreeKey::End, _) => select(last),
        (TreeKey::Down, Some(row)) => select((row + 1).min(last)),
        (TreeKey::Up, Some(row)) => select(row.saturating_sub(1)),
        (TreeKey::Right, Some(row)) => {
            let row_data = &tree.rows[row];
            if row_data.visible_children == 0 {
                TreeAction::None
            } else if row_data.expanded {
                select(row + 1)
            } else {
                TreeAction::SetOpen(row_data.item, true)
            }
        }
        (TreeKey::Left, Some(row)) => {
            let row_data = &tree.rows[row];
            if row_data.expanded {
                TreeAction::SetOpen(row_data.item, false)
            } else {
                match row_data.item {
                    Item::Node(node) => match dataset.node(node).parent {
                        Some(parent) => TreeAction::Select(Item::Node(parent)),
                        None => TreeAction::Select(Item::Plan(dataset.node(node).plan)),
                    },
                    Item::Plan(_) | Item::Figure(_) => TreeAction::None,
                }
            }
        }
    }
}

/// Type-ahead: the first row after `from` (wrapping) whose label in `lang`
/// or title starts with `prefix`, case-insensitively (so both "III.1" and
/// "aux" find "III.1.(2) Auxiliary diagnosis ...").
pub fn type_ahead(
    dataset: &Dataset,
    tree: &TreeData,
    from: Option<usize>,
    prefix: &str,
    lang: Lang,
) -> Option<usize> {
    let prefix = fold(prefix);
    if prefix.is_empty() || tree.rows.is_empty() {
        return None;
    }
    let start = from.map_or(0, |f| f + 1);
    (0..tree.rows.len())
        .map(|i| (start + i) % tree.rows.len())
        .find(|&row| {
            let row = &tree.rows[row];
            let title = match row.item {
                Item::Node(node) => fold(&dataset.node(node).title),
                Item::Plan(_) | Item::Figure(_) => String::new(),
            };
            title.starts_with(&prefix) || fold(&row_label(dataset, row, lang)).starts_with(&prefix)
        })
}

/// The text a row shows in `lang`: numbering and title, or a plan's title.
pub fn row_label(dataset: &Dataset, row: &TreeRow, lang: Lang) -> String {
    match row.item {
        Item::Plan(plan) => {
            let plan = &dataset.plans[plan.index()];
            super::localized_title(lang, plan).into_owned()
        }
        Item::Node(node) => {
            let node = dataset.node(node);
            let title = super::localized_title(lang, node);
            match &node.numbering {
                Some(numbering) => format!("{numbering} {title}"),
                None => title.into_owned(),
            }
        }
        Item::Figure(figure) => dataset.figure_id(figure).to_owned(),
    }
}
