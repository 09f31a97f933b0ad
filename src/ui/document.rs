//! The document: one dataset and everything that points into it (the
//! search index, the filter, what is open in the tree, the tree's rows,
//! the selection, hidden legend entries, the change summary).
//!
//! A document is built whole, off the window's thread when a file loads,
//! and replaces the one on screen in one move. What the user had chosen in
//! the old one is carried over by id ([`Carry`]), so a new edition opens
//! with the same measures open, selected and filtered where it still has
//! them.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use smol_str::SmolStr;

use crate::dataset::proof::Proof;
use crate::dataset::{Dataset, FigureRef, FundLevel};
use crate::i18n::{Lang, T, tr};
use crate::selection::{History, Item};
use crate::view::charts::LegendKey;
use crate::view::diff::Changes;
use crate::view::themes::ThemeMatrix;
use crate::view::timeline::Timeline;
use crate::view::tree::{Expansion, SearchIndex, TreeData, TreeFilter};

/// One dataset and what points into it; see the module's documentation.
#[derive(Debug)]
pub struct Document {
    /// The dataset; shared with a load in progress, which compares the new
    /// edition with it.
    pub dataset: Arc<Dataset>,
    /// The file it was loaded from; `None` for the built-in dataset.
    pub path: Option<PathBuf>,
    search: SearchIndex,
    /// The tree's search and facets.
    pub filter: TreeFilter,
    /// Which plans and nodes are open.
    pub expansion: Expansion,
    /// The tree's rows for the filter and expansion.
    pub tree: TreeData,
    /// What is selected, with back and forward.
    pub history: History,
    /// Legend entries the user has hidden.
    pub hidden: BTreeSet<LegendKey>,
    /// What changed with the load that made this document, while the user
    /// has not closed the summary.
    pub changes: Option<Changes>,
    /// Counts the documents shown; a command made against an earlier one
    /// is dropped rather than applied to the wrong records.
    pub generation: u64,
    /// Goes up each time the tree should scroll to the selection; the tree
    /// panel remembers the last one it scrolled for.
    pub scroll_request: u64,
    /// The theme map's data, built with the document (off the window's
    /// thread when a file loads), since it depends on the dataset alone.
    pub themes: ThemeMatrix,
    /// The unit map's data, likewise.
    pub units: ThemeMatrix,
    /// The timeline's data, likewise.
    pub timeline: Timeline,
    /// The sources' texts, where each quote stands in them, and the quotes
    /// not found; proven with the document (off the window's thread when a
    /// file loads).
    pub proof: Arc<Proof>,
}

impl Document {
    /// A document showing `dataset`, everything closed and nothing chosen.
    pub fn new(dataset: impl Into<Arc<Dataset>>, path: Option<PathBuf>) -> Self {
        let dataset = dataset.into();
        let search = SearchIndex::new(&dataset);
        let filter = TreeFilter::default();
        let expansion = Expansion::default();
        let tree = TreeData::new(&dataset, &search, &filter, &expansion);
        let themes = ThemeMatrix::new(&dataset);
        let units = ThemeMatrix::units(&dataset);
        let timeline = Timeline::new(&dataset);
        // Without a progress to cancel it, a proof always ends.
        let proof =
            Arc::new(crate::dataset::proof::prove(&dataset, None, None).unwrap_or_default());
        Self {
            dataset,
            path,
            search,
            filter,
            expansion,
            tree,
            history: History::default(),
            hidden: BTreeSet::new(),
            changes: None,
            generation: 0,
            scroll_request: 0,
            themes,
            units,
            timeline,
            proof,
        }
    }

    /// What is selected.
    pub fn selected(&self) -> Option<Item> {
        self.history.current()
    }

    /// Every district the dataset names, sorted, for the district filter
    /// (collected once, with the search index).
    pub fn districts(&self) -> &[String] {
        self.search.districts()
    }

    /// Where the dataset came from: its file, or the built-in dataset
    /// (named in `lang`).
    pub fn source_name(&self, lang: Lang) -> String {
        self.path.as_ref().map_or_else(
            || tr(lang, T::BuiltInDataset).to_owned(),
            |path| path.display().to_string(),
        )
    }

    /// Selects `item`, opening what it takes to show a node's row, and
    /// asks the tree to scroll to it. The caller refreshes the tree.
    pub fn select(&mut self, item: Item) {
        self.history.select(item);
        self.reveal(item);
    }

    /// Opens the ancestors of a node so its row exists, and asks the tree
    /// to scroll to it.
    pub fn reveal(&mut self, item: Item) {
        if let Item::Node(node) = item {
            self.expansion.reveal(&self.dataset, node);
        }
        self.scroll_request += 1;
    }

    /// Builds the tree's rows again for the filter and expansion.
    pub fn refresh_tree(&mut self) {
        self.tree = TreeData::new(&self.dataset, &self.search, &self.filter, &self.expansion);
    }

    /// Shows what a saved view names that this dataset has: its filter,
    /// what is open, the hidden entries and the selection (selected as a
    /// click would, so Back returns to what was selected before).
    pub fn apply_view(&mut self, view: &crate::view::saved::Resolved) {
        self.filter = view.filter.clone();
        self.expansion = Expansion::default();
        for item in &view.open {
            self.expansion.set(*item, true);
        }
        self.hidden.clone_from(&view.hidden);
        if let Some(item) = view.selected {
            self.select(item);
        }
        self.refresh_tree();
    }

    /// What the user chose in this document, by id.
    pub fn carry(&self) -> Carry {
        let data = &self.dataset;
        let mut carry = Carry {
            query: self.filter.query.clone(),
            districts: self.filter.districts.clone(),
            ..Carry::default()
        };
        carry.plans = self
            .filter
            .plans
            .iter()
            .map(|p| data.plans[p.index()].id.clone())
            .collect();
        carry.units = self
            .filter
            .units
            .iter()
            .map(|u| data.units[u.index()].id.clone())
            .collect();
        carry.themes = self
            .filter
            .themes
            .iter()
            .map(|t| data.themes[t.index()].id.clone())
            .collect();
        for item in self.expansion.items() {
            match item {
                Item::Plan(p) => carry.open_plans.push(data.plans[p.index()].id.clone()),
                Item::Node(n) => carry.open_nodes.push(data.node(n).id.clone()),
                Item::Figure(_) => {}
            }
        }
        carry.open_plans.sort();
        carry.open_nodes.sort();
        for key in &self.hidden {
            carry.hidden.push(match *key {
                LegendKey::Series(s) => HiddenId::Series(data.series[s.index()].id.clone()),
                LegendKey::Level(level) => HiddenId::Level(level),
            });
        }
        carry.selected = match self.selected() {
            Some(Item::Node(n)) => Some(data.node(n).id.clone()),
            Some(Item::Plan(_) | Item::Figure(_)) | None => None,
        };
        carry
    }

    /// Takes over what `carry` names that this document's dataset has,
    /// and builds the tree once.
    pub fn take_over(&mut self, carry: &Carry) {
        let data = Arc::clone(&self.dataset);
        self.filter = TreeFilter {
            query: carry.query.clone(),
            plans: carry
                .plans
                .iter()
                .filter_map(|id| data.plan_by_id(id))
                .collect(),
            units: carry
                .units
                .iter()
                .filter_map(|id| data.unit_by_id(id))
                .collect(),
            themes: carry
                .themes
                .iter()
                .filter_map(|id| data.theme_by_id(id))
                .collect(),
            districts: carry
                .districts
                .iter()
                .filter(|d| self.search.districts().contains(d))
                .cloned()
                .collect(),
        };
        self.expansion = Expansion::default();
        for id in &carry.open_plans {
            if let Some(plan) = data.plan_by_id(id) {
                self.expansion.set(Item::Plan(plan), true);
            }
        }
        for id in &carry.open_nodes {
            if let Some(node) = data.node_by_id(id) {
                self.expansion.set(Item::Node(node), true);
            }
        }
        self.hidden = carry
            .hidden
            .iter()
            .filter_map(|hidden| match hidden {
                HiddenId::Series(id) => match data.figure_by_id(id) {
                    Some(FigureRef::Series(s)) => Some(LegendKey::Series(s)),
                    _ => None,
                },
                HiddenId::Level(level) => Some(LegendKey::Level(*level)),
            })
            .collect();
        self.history = History::default();
        if let Some(node) = carry.selected.as_ref().and_then(|id| data.node_by_id(id)) {
            self.select(Item::Node(node));
        }
        self.refresh_tree();
    }
}

/// What the user chose in a document, by id, so it survives a new edition
/// whose indexes differ.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Carry {
    /// The search words.
    pub query: String,
    /// The plans the filter shows.
    pub plans: Vec<SmolStr>,
    /// The units the filter asks for.
    pub units: Vec<SmolStr>,
    /// The themes the filter asks for.
    pub themes: Vec<SmolStr>,
    /// The districts the filter asks for.
    pub districts: BTreeSet<String>,
    /// Open plans.
    pub open_plans: Vec<SmolStr>,
    /// Open measures and items.
    pub open_nodes: Vec<SmolStr>,
    /// Hidden legend entries.
    pub hidden: Vec<HiddenId>,
    /// The selected measure or item.
    pub selected: Option<SmolStr>,
}

/// A hidden legend entry by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HiddenId {
    /// A series.
    Series(SmolStr),
    /// A fund level (the same in every edition).
    Level(FundLevel),
}
