//! The checked dataset: every reference resolved, every value in range, and
//! indexes for the questions the app asks (by id, parent and children, unit
//! to measures, theme to measures, figure to measures and back).

use std::collections::HashMap;

use serde::Serialize;

use super::problem::JsonPath;
pub use smol_str::SmolStr;

pub use super::raw::{FundLevel, NodeKind, QuantityUnit, Status};

/// Declares a typed index into one of the dataset's tables.
macro_rules! index_type {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {
        $(
            $(#[$meta])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
            pub struct $name(pub u32);

            impl $name {
                /// The position in its table.
                pub fn index(self) -> usize {
                    self.0 as usize
                }

                /// The index of position `i`; tables never exceed `u32::MAX`
                /// entries because datasets are limited in size.
                pub(crate) fn at(i: usize) -> Self {
                    Self(u32::try_from(i).unwrap_or(u32::MAX))
                }
            }
        )*
    };
}

index_type!(
    /// A source in [`Dataset::sources`].
    SourceIx,
    /// A unit in [`Dataset::units`].
    UnitIx,
    /// A theme in [`Dataset::themes`].
    ThemeIx,
    /// A plan in [`Dataset::plans`].
    PlanIx,
    /// A node in [`Dataset::nodes`].
    NodeIx,
    /// A series in [`Dataset::series`].
    SeriesIx,
    /// A fund in [`Dataset::funds`].
    FundIx,
    /// A target in [`Dataset::targets`].
    TargetIx,
    /// A fact in [`Dataset::facts`].
    FactIx,
);

/// Anything with a number that can be selected: one of the dataset's figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum FigureRef {
    /// A whole series.
    Series(SeriesIx),
    /// One point of a series, by its position in the series.
    Point(SeriesIx, u32),
    /// A fund.
    Fund(FundIx),
    /// A target.
    Target(TargetIx),
    /// A fact as of a date.
    Fact(FactIx),
}

/// A source document.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Unique among sources.
    pub id: SmolStr,
    /// The document's title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// As the document gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    /// How the date was found when the document does not print it.
    pub date_note: Option<String>,
    /// How far the document can be trusted, in the curator's words.
    pub reliability: Option<String>,
    /// The same note in the curator's Chinese.
    pub reliability_zh: Option<String>,
    /// File name of the document's text.
    pub file: Option<String>,
    /// Where the document is published.
    pub url: Option<String>,
    /// The day the text was taken, `YYYY-MM-DD`.
    pub retrieved: Option<String>,
    /// The language of the text (a BCP 47 tag).
    pub language: Option<String>,
    /// Whether the text is the original (`Some(true)`) or a translation.
    pub original: Option<bool>,
    /// Who translated the text, when it is a translation.
    pub translated_by: Option<String>,
    /// The document's whole text, shared by every copy of the dataset.
    pub text: Option<std::sync::Arc<str>>,
    /// The SHA-256 the dataset states for `text`, lower-case hex.
    pub sha256: Option<String>,
}

/// Whether a record was drafted from a document by `import`, and whether
/// an editor has reviewed it since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    /// The day it was imported, `YYYY-MM-DD`.
    pub imported: Option<String>,
    /// The day it was reviewed, `YYYY-MM-DD`.
    pub reviewed: Option<String>,
}

impl Review {
    /// Imported and not yet reviewed.
    pub fn is_pending(&self) -> bool {
        self.imported.is_some() && self.reviewed.is_none()
    }
}

/// A responsible body.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Unique among units.
    pub id: SmolStr,
    /// English name.
    pub name: String,
    /// Chinese name, where a document gives it.
    pub name_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub name_zh_translation: Option<String>,
    /// The nodes this unit is responsible for, in document order.
    pub nodes: Vec<NodeIx>,
    /// Whether it was imported, and reviewed.
    pub review: Review,
}

/// A district of Shanghai.
#[derive(Clone, Debug, PartialEq)]
pub struct District {
    /// Unique among districts.
    pub id: SmolStr,
    /// English name: what nodes' `districts` hold.
    pub name: String,
    /// Chinese name, where a document gives it.
    pub name_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub name_zh_translation: Option<String>,
    /// Other spellings the documents use.
    pub aliases: Vec<String>,
}

/// A topic nodes are tagged with.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Unique among themes.
    pub id: SmolStr,
    /// English name.
    pub name: String,
    /// Chinese name, where a document gives it.
    pub name_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub name_zh_translation: Option<String>,
    /// The nodes tagged with this theme, in document order.
    pub nodes: Vec<NodeIx>,
}

/// A plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Unique among plans.
    pub id: SmolStr,
    /// English title.
    pub title: String,
    /// Chinese title, where a document gives it.
    pub title_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub title_zh_translation: Option<String>,
    /// First year covered, where the document gives one.
    pub start_year: Option<i32>,
    /// Last year covered.
    pub end_year: i32,
    /// The issuing body.
    pub issuer: String,
    /// The plan's document.
    pub source: SourceIx,
    /// Anything the curator had to decide.
    pub note: Option<String>,
    /// The top-level nodes (usually chapters).
    pub roots: Vec<NodeIx>,
    /// The targets this plan sets.
    pub targets: Vec<TargetIx>,
    /// Whether it was imported, and reviewed.
    pub review: Review,
}

/// A chapter, measure or item.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Unique across all plans.
    pub id: SmolStr,
    /// Chapter, measure or item.
    pub kind: NodeKind,
    /// The numbering as printed, e.g. `III.1.(2)`.
    pub numbering: Option<String>,
    /// The heading.
    pub title: String,
    /// The heading in Chinese, where the source gives it.
    pub title_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub title_zh_translation: Option<String>,
    /// The full text, verbatim.
    pub text: String,
    /// The full text in Chinese, where the source gives it.
    pub text_zh: Option<String>,
    /// The node's document (the plan's unless the node names another).
    pub source: SourceIx,
    /// Responsible units.
    pub units: Vec<UnitIx>,
    /// The units are inferred from context, not printed with the text.
    pub units_inferred: bool,
    /// The lead units (each among `units`), where the document names one;
    /// empty when it names none, never guessed.
    pub lead_units: Vec<UnitIx>,
    /// Themes.
    pub themes: Vec<ThemeIx>,
    /// Districts the document names.
    pub districts: Vec<String>,
    /// Anything the curator had to decide.
    pub note: Option<String>,
    /// The plan the node belongs to.
    pub plan: PlanIx,
    /// The node above, if any.
    pub parent: Option<NodeIx>,
    /// The nodes below, in document order.
    pub children: Vec<NodeIx>,
    /// 0 for a plan's top-level nodes.
    pub depth: u16,
    /// The figures linked to this node.
    pub figures: Vec<FigureRef>,
    /// Whether it was imported, and reviewed.
    pub review: Review,
}

/// A source and the words of it that state a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    /// The document.
    pub source: SourceIx,
    /// Its words, verbatim.
    pub quote: String,
}

/// A figure by year.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Unique among figures.
    pub id: SmolStr,
    /// What it measures.
    pub title: String,
    /// Its title in Chinese, where a document gives it.
    pub title_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub title_zh_translation: Option<String>,
    /// The unit of every point.
    pub unit: QuantityUnit,
    /// Anything the curator had to decide.
    pub note: Option<String>,
    /// Nodes the series belongs to.
    pub measures: Vec<NodeIx>,
    /// Whether it was imported, and reviewed.
    pub review: Review,
    /// The values, sorted by year.
    pub points: Vec<Point>,
}

/// A doubt a figure owes its readers (see [`super::raw::RawCaveat`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caveat {
    /// What the reader should know, in the curator's words.
    pub text: String,
    /// The same in the curator's Chinese, where the dataset gives it.
    pub text_zh: Option<String>,
    /// The figures it conflicts with.
    pub conflicts: Vec<FigureRef>,
    /// The figure is probably wrong as printed: charts keep it off their
    /// scale and show it apart with this caveat.
    pub likely_wrong: bool,
}

/// One value of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Unique among figures.
    pub id: SmolStr,
    /// The year the value is for.
    pub year: i32,
    /// The value in the series' unit.
    pub value: f64,
    /// Actual, target or estimate.
    pub status: Status,
    /// The document says "about".
    pub approximate: bool,
    /// The document says "over".
    pub lower_bound: bool,
    /// The document says "nearly" or "under": an upper bound.
    pub upper_bound: bool,
    /// The first citation is the main one; never empty.
    pub citations: Vec<Citation>,
    /// E.g. how the year was resolved.
    pub note: Option<String>,
    /// A doubt shown beside the value.
    pub caveat: Option<Caveat>,
    /// Whether it was imported, and reviewed.
    pub review: Review,
    /// Nodes the value belongs to.
    pub measures: Vec<NodeIx>,
}

/// A fund allocation.
#[expect(
    clippy::struct_excessive_bools,
    reason = "Independent flags of what the document says, each with its own meaning."
)]
#[derive(Clone, Debug, PartialEq)]
pub struct Fund {
    /// Unique among figures.
    pub id: SmolStr,
    /// English name.
    pub name: String,
    /// Chinese name, where a document gives it.
    pub name_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub name_zh_translation: Option<String>,
    /// The amount in yuan, where the document states one.
    pub amount_yuan: Option<f64>,
    /// The document says "over".
    pub lower_bound: bool,
    /// The document says "about".
    pub approximate: bool,
    /// Who provides the money.
    pub level: FundLevel,
    /// The level is inferred from context, not stated.
    pub level_inferred: bool,
    /// What it is for.
    pub purpose: String,
    /// The first citation is the main one; never empty.
    pub citations: Vec<Citation>,
    /// Anything the curator had to decide.
    pub note: Option<String>,
    /// A doubt shown beside the amount.
    pub caveat: Option<Caveat>,
    /// The funds it is the total of.
    pub parts: Vec<FundIx>,
    /// The amount is for each recipient, not the fund's size.
    pub per_recipient: bool,
    /// Whether it was imported, and reviewed.
    pub review: Review,
    /// Nodes the fund belongs to.
    pub measures: Vec<NodeIx>,
}

/// A numeric target of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// Unique among figures.
    pub id: SmolStr,
    /// What is counted or measured.
    pub metric: String,
    /// The metric in Chinese, where a document gives it.
    pub metric_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub metric_zh_translation: Option<String>,
    /// The target value in `unit`.
    pub value: f64,
    /// The unit of the value.
    pub unit: QuantityUnit,
    /// The year by which it is to be met, where the document gives one.
    pub deadline_year: Option<i32>,
    /// The plan that sets it.
    pub plan: PlanIx,
    /// The document says "about".
    pub approximate: bool,
    /// The document says "over".
    pub lower_bound: bool,
    /// The document says "nearly" or "under": an upper bound.
    pub upper_bound: bool,
    /// The first citation is the main one; never empty.
    pub citations: Vec<Citation>,
    /// Anything the curator had to decide.
    pub note: Option<String>,
    /// A doubt shown beside the target.
    pub caveat: Option<Caveat>,
    /// Whether it was imported, and reviewed.
    pub review: Review,
    /// Nodes the target belongs to.
    pub measures: Vec<NodeIx>,
}

/// A fact a document states as of a date (see [`super::raw::RawFact`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Unique among figures.
    pub id: SmolStr,
    /// What it is about.
    pub title: String,
    /// Its title in Chinese, where a document gives it.
    pub title_zh: Option<String>,
    /// The editors' Chinese translation, where no document prints one.
    pub title_zh_translation: Option<String>,
    /// The number and its unit, if the fact has one.
    pub value: Option<(f64, QuantityUnit)>,
    /// When it holds: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub as_of: String,
    /// How `as_of` was resolved.
    pub as_of_note: Option<String>,
    /// The document says "about".
    pub approximate: bool,
    /// The document says "over".
    pub lower_bound: bool,
    /// The document says "nearly" or "under": an upper bound.
    pub upper_bound: bool,
    /// The first citation is the main one; never empty.
    pub citations: Vec<Citation>,
    /// Anything the curator had to decide.
    pub note: Option<String>,
    /// A doubt shown beside the fact.
    pub caveat: Option<Caveat>,
    /// Whether it was imported, and reviewed.
    pub review: Review,
    /// Nodes the fact belongs to.
    pub measures: Vec<NodeIx>,
}

/// An exchange rate a document states.
#[derive(Clone, Debug, PartialEq)]
pub struct ExchangeRate {
    /// Unique among exchange rates.
    pub id: SmolStr,
    /// The other currency, e.g. `USD`.
    pub currency: String,
    /// The amount in yuan the document prints.
    pub yuan_amount: f64,
    /// The same amount in the other currency.
    pub foreign_amount: f64,
    /// Where it is stated.
    pub citation: Citation,
    /// Anything the curator had to decide.
    pub note: Option<String>,
    /// Whether it was imported, and reviewed.
    pub review: Review,
}

impl ExchangeRate {
    /// Yuan per unit of the other currency.
    pub fn yuan_per_unit(&self) -> f64 {
        self.yuan_amount / self.foreign_amount
    }
}

/// The counts `validate` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Plans.
    pub plans: usize,
    /// Nodes of every kind (chapters, measures, items).
    pub measures: usize,
    /// Responsible units.
    pub units: usize,
    /// Series.
    pub series: usize,
    /// Points across all series.
    pub points: usize,
    /// Funds.
    pub funds: usize,
    /// Targets.
    pub targets: usize,
    /// Facts as of a date.
    pub facts: usize,
    /// Source documents.
    pub sources: usize,
    /// Records imported from a document and not yet reviewed.
    pub unreviewed: usize,
}

/// A checked dataset with its indexes.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The format version it was read from.
    pub schema_version: u32,
    /// The dataset's title.
    pub title: String,
    /// The dataset's date.
    pub edition: String,
    /// One paragraph about the dataset.
    pub description: Option<String>,
    /// The documents.
    pub sources: Vec<Source>,
    /// The responsible bodies.
    pub units: Vec<Unit>,
    /// The topics.
    pub themes: Vec<Theme>,
    /// The districts table, if the dataset has one; nodes' `districts`
    /// hold these names.
    pub districts: Vec<District>,
    /// The plans.
    pub plans: Vec<Plan>,
    /// Every node of every plan, in document order (depth first).
    pub nodes: Vec<Node>,
    /// Figures by year.
    pub series: Vec<Series>,
    /// Fund allocations.
    pub funds: Vec<Fund>,
    /// Numeric targets.
    pub targets: Vec<Target>,
    /// Exchange rates the documents state.
    pub exchange_rates: Vec<ExchangeRate>,
    /// Facts as of a date.
    pub facts: Vec<Fact>,
    pub(crate) index: IdIndex,
    pub(crate) positions: JsonPositions,
}

/// Where plans and nodes stood in their JSON arrays, recorded while
/// parsing, so a node's JSON path needs no search.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct JsonPositions {
    /// Each node's position among its siblings, by node index.
    pub nodes: Vec<u32>,
    /// Each usable plan's position in `plans`, by plan index.
    pub plans: Vec<u32>,
}

impl JsonPositions {
    /// The JSON path of a node of `nodes`, e.g. `plans[0].nodes[2].children[1]`.
    pub fn node_path(&self, nodes: &[Node], ix: NodeIx) -> JsonPath {
        let mut chain = vec![ix];
        while let Some(parent) = nodes[chain[chain.len() - 1].index()].parent {
            chain.push(parent);
        }
        let mut path = JsonPath::default();
        path.key("plans");
        let plan = nodes[ix.index()].plan.index();
        path.index(self.plans.get(plan).copied().unwrap_or_default() as usize);
        for (depth, node) in chain.iter().rev().enumerate() {
            path.key(if depth == 0 { "nodes" } else { "children" });
            path.index(self.nodes.get(node.index()).copied().unwrap_or_default() as usize);
        }
        path
    }
}

/// Lookups by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct IdIndex {
    pub sources: HashMap<SmolStr, SourceIx>,
    pub units: HashMap<SmolStr, UnitIx>,
    pub themes: HashMap<SmolStr, ThemeIx>,
    pub plans: HashMap<SmolStr, PlanIx>,
    pub nodes: HashMap<SmolStr, NodeIx>,
    pub figures: HashMap<SmolStr, FigureRef>,
    pub exchange_rates: HashMap<SmolStr, usize>,
}

impl Node {
    /// The responsible units, the lead units first (in the order the
    /// document names them), then the others in their order.
    pub fn units_lead_first(&self) -> Vec<UnitIx> {
        let mut out = self.lead_units.clone();
        out.extend(self.units.iter().filter(|u| !self.lead_units.contains(u)));
        out
    }

    /// Whether `unit` leads this node's work.
    pub fn leads(&self, unit: UnitIx) -> bool {
        self.lead_units.contains(&unit)
    }
}

impl Dataset {
    /// The counts of each kind of record.
    pub fn summary(&self) -> Summary {
        Summary {
            plans: self.plans.len(),
            measures: self.nodes.len(),
            units: self.units.len(),
            series: self.series.len(),
            points: self.series.iter().map(|s| s.points.len()).sum(),
            funds: self.funds.len(),
            targets: self.targets.len(),
            facts: self.facts.len(),
            sources: self.sources.len(),
            unreviewed: self.plans.iter().filter(|p| p.review.is_pending()).count()
                + self.nodes.iter().filter(|n| n.review.is_pending()).count()
                + self.units.iter().filter(|u| u.review.is_pending()).count()
                + self.series.iter().filter(|s| s.review.is_pending()).count()
                + self
                    .series
                    .iter()
                    .flat_map(|s| &s.points)
                    .filter(|p| p.review.is_pending())
                    .count()
                + self.funds.iter().filter(|f| f.review.is_pending()).count()
                + self
                    .targets
                    .iter()
                    .filter(|t| t.review.is_pending())
                    .count()
                + self.facts.iter().filter(|f| f.review.is_pending()).count()
                + self
                    .exchange_rates
                    .iter()
                    .filter(|r| r.review.is_pending())
                    .count(),
        }
    }

    /// A node by its index.
    pub fn node(&self, ix: NodeIx) -> &Node {
        &self.nodes[ix.index()]
    }

    /// A node by its id.
    pub fn node_by_id(&self, id: &str) -> Option<NodeIx> {
        self.index.nodes.get(id).copied()
    }

    /// A unit by its id.
    pub fn unit_by_id(&self, id: &str) -> Option<UnitIx> {
        self.index.units.get(id).copied()
    }

    /// A theme by its id.
    pub fn theme_by_id(&self, id: &str) -> Option<ThemeIx> {
        self.index.themes.get(id).copied()
    }

    /// The district of the table that `spelling` names: its id, name or
    /// one of its aliases.
    pub fn district_by_spelling(&self, spelling: &str) -> Option<&District> {
        self.districts.iter().find(|d| {
            d.id == spelling || d.name == spelling || d.aliases.iter().any(|a| a == spelling)
        })
    }

    /// A plan by its id.
    pub fn plan_by_id(&self, id: &str) -> Option<PlanIx> {
        self.index.plans.get(id).copied()
    }

    /// A source by its id.
    pub fn source_by_id(&self, id: &str) -> Option<SourceIx> {
        self.index.sources.get(id).copied()
    }

    /// A figure (series, point, fund or target) by its id.
    pub fn figure_by_id(&self, id: &str) -> Option<FigureRef> {
        self.index.figures.get(id).copied()
    }

    /// A figure's caveat, if it has one (a whole series has none of its
    /// own; its points may).
    pub fn figure_caveat(&self, figure: FigureRef) -> Option<&Caveat> {
        match figure {
            FigureRef::Series(_) => None,
            FigureRef::Point(s, p) => self.series[s.index()].points[p as usize].caveat.as_ref(),
            FigureRef::Fund(f) => self.funds[f.index()].caveat.as_ref(),
            FigureRef::Target(t) => self.targets[t.index()].caveat.as_ref(),
            FigureRef::Fact(f) => self.facts[f.index()].caveat.as_ref(),
        }
    }

    /// Whether a figure's caveat says it is probably wrong as printed:
    /// charts keep such a figure off their scale.
    pub fn figure_likely_wrong(&self, figure: FigureRef) -> bool {
        self.figure_caveat(figure).is_some_and(|c| c.likely_wrong)
    }

    /// A figure's record as a name: its series, fund, target or fact.
    pub fn figure_named(&self, figure: FigureRef) -> &dyn Named {
        match figure {
            FigureRef::Series(s) | FigureRef::Point(s, _) => &self.series[s.index()],
            FigureRef::Fund(f) => &self.funds[f.index()],
            FigureRef::Target(t) => &self.targets[t.index()],
            FigureRef::Fact(f) => &self.facts[f.index()],
        }
    }

    /// The nodes a figure is linked to.
    pub fn figure_measures(&self, figure: FigureRef) -> &[NodeIx] {
        match figure {
            FigureRef::Series(s) => &self.series[s.index()].measures,
            FigureRef::Point(s, p) => &self.series[s.index()].points[p as usize].measures,
            FigureRef::Fund(f) => &self.funds[f.index()].measures,
            FigureRef::Target(t) => &self.targets[t.index()].measures,
            FigureRef::Fact(f) => &self.facts[f.index()].measures,
        }
    }

    /// The id of a figure.
    pub fn figure_id(&self, figure: FigureRef) -> &str {
        match figure {
            FigureRef::Series(s) => &self.series[s.index()].id,
            FigureRef::Point(s, p) => &self.series[s.index()].points[p as usize].id,
            FigureRef::Fund(f) => &self.funds[f.index()].id,
            FigureRef::Target(t) => &self.targets[t.index()].id,
            FigureRef::Fact(f) => &self.facts[f.index()].id,
        }
    }

    /// The path from a plan's top-level node down to `ix`, inclusive.
    pub fn ancestry(&self, ix: NodeIx) -> Vec<NodeIx> {
        let mut path = vec![ix];
        let mut current = ix;
        while let Some(parent) = self.node(current).parent {
            path.push(parent);
            current = parent;
        }
        path.reverse();
        path
    }

    /// The JSON path of a node in its file, e.g. `plans[0].nodes[2].children[1]`.
    pub fn node_json_path(&self, ix: NodeIx) -> String {
        self.positions.node_path(&self.nodes, ix).render()
    }
}

/// The mark on every editors' translation shown.
pub const TRANSLATION_MARK: &str = "〔译〕";

/// Chinese words as shown: a translation carries [`TRANSLATION_MARK`].
pub fn zh_shown(zh: Zh<'_>) -> std::borrow::Cow<'_, str> {
    match zh {
        Zh::Printed(text) => std::borrow::Cow::Borrowed(text),
        Zh::Translated(text) => std::borrow::Cow::Owned(format!("{text}{TRANSLATION_MARK}")),
    }
}

/// A record's Chinese name as the interface shows it: words a document
/// prints, or else the editors' translation, never the one for the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zh<'a> {
    /// Words a document prints.
    Printed(&'a str),
    /// The editors' translation of the English (shown marked 〔译〕).
    Translated(&'a str),
}

impl<'a> Zh<'a> {
    /// The Chinese words, unmarked.
    pub fn text(self) -> &'a str {
        match self {
            Zh::Printed(text) | Zh::Translated(text) => text,
        }
    }
}

/// A record with an English name and perhaps a Chinese one: plans, nodes,
/// units, themes, districts, series, funds, targets and facts.
pub trait Named {
    /// The English name or title, as the documents print it.
    fn english(&self) -> &str;
    /// The Chinese name a document prints.
    fn printed_zh(&self) -> Option<&str>;
    /// The editors' Chinese translation.
    fn translated_zh(&self) -> Option<&str>;
    /// The Chinese name to show: the printed one, else the translation.
    fn zh(&self) -> Option<Zh<'_>> {
        self.printed_zh()
            .map(Zh::Printed)
            .or_else(|| self.translated_zh().map(Zh::Translated))
    }
}

macro_rules! named {
    ($($record:ty => $name:ident, $zh:ident, $translation:ident;)*) => {$(
        impl Named for $record {
            fn english(&self) -> &str {
                &self.$name
            }
            fn printed_zh(&self) -> Option<&str> {
                self.$zh.as_deref()
            }
            fn translated_zh(&self) -> Option<&str> {
                self.$translation.as_deref()
            }
        }
    )*};
}

named! {
    Unit => name, name_zh, name_zh_translation;
    District => name, name_zh, name_zh_translation;
    Theme => name, name_zh, name_zh_translation;
    Plan => title, title_zh, title_zh_translation;
    Node => title, title_zh, title_zh_translation;
    Series => title, title_zh, title_zh_translation;
    Fund => name, name_zh, name_zh_translation;
    Target => metric, metric_zh, metric_zh_translation;
    Fact => title, title_zh, title_zh_translation;
}
