//! A saved view as data: what the window shows (the dataset edition, the
//! chart, the search and filters, the selection, the hidden series, the
//! scale, the language and amount convention, the annotations) as a small
//! JSON file a colleague can be sent, documented by a JSON Schema
//! (`assets/plan-view.schema.json`, generated from [`ViewFile`]).
//!
//! Everything is named by id, so a view saved on one edition reopens on
//! another: [`resolve`] takes what the dataset on screen still has, says
//! what no longer exists, and compares the figures the view showed (a
//! snapshot of each one's value, status and caveat is kept in the file)
//! with the same figures now, in the words of the dataset's diff.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::annotations::{Annotation, Fault};
use super::diff::{Detail, Field, Value};
use crate::dataset::{Dataset, FigureRef, FundLevel, IoReason, Quantity, QuantityUnit, Status};
use crate::i18n::Lang;
use crate::selection::Item;
use crate::view::amount::Convention;
use crate::view::charts::{ChartId, LegendKey, TargetColumn};
use crate::view::themes::ThemeOrder;
use crate::view::tree::TreeFilter;

/// What the `format` field of every view file says.
pub const FORMAT: &str = "plan-explorer-view";
/// The newest format version this build reads and writes. Version 2 added
/// notes on a map's cells (`cell_note`); a view is written in the oldest
/// version that holds what it has ([`version_for`]), so a view without one
/// stays readable, without a word, by builds that read only version 1, and
/// one with one tells such a build it is newer rather than malformed.
pub const VERSION: u32 = 2;

/// The oldest format version that holds `annotations`.
pub fn version_for(annotations: &[Annotation]) -> u32 {
    if annotations
        .iter()
        .any(|a| matches!(a, Annotation::CellNote { .. }))
    {
        2
    } else {
        1
    }
}
/// The largest view file read: a view is a few kilobytes.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// A view as its file holds it; see the module's documentation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Plan Explorer view")]
pub struct ViewFile {
    /// Always "plan-explorer-view".
    pub format: String,
    /// The format's version; a newer one than the app knows is read as far
    /// as it can be.
    pub version: u32,
    /// The view's name, as the Views menu lists it.
    pub name: String,
    /// The dataset the view was saved on.
    pub dataset: DatasetRef,
    /// The chart.
    pub chart: ChartKey,
    /// The search words and the facets.
    #[serde(default)]
    pub filter: FilterIds,
    /// The plans and measures open in the tree.
    #[serde(default)]
    pub open: OpenIds,
    /// What is selected, if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected: Option<SelectedId>,
    /// The legend entries hidden.
    #[serde(default)]
    pub hidden: HiddenIds,
    /// The scales and orders of the charts.
    #[serde(default)]
    pub scale: Scale,
    /// The language of the interface and the pictures.
    pub lang: LangKey,
    /// How amounts of yuan are written.
    pub amounts: AmountsKey,
    /// The chart's annotations, in the user's own words.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// The figures the view showed as they were when it was saved, so a
    /// newer edition can say what changed in them.
    #[serde(default)]
    pub figures: Vec<FigureSnapshot>,
}

/// The dataset a view was saved on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DatasetRef {
    /// The dataset's title.
    pub title: String,
    /// Its edition (a date).
    pub edition: String,
    /// The file it was loaded from, if it was one; absent for the built-in
    /// dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
}

/// The search and facets, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct FilterIds {
    /// The search words.
    pub query: String,
    /// Plans shown; empty for all.
    pub plans: Vec<SmolStr>,
    /// Responsible units; empty for any.
    pub units: Vec<SmolStr>,
    /// Themes; empty for any.
    pub themes: Vec<SmolStr>,
    /// Districts, as the dataset spells them; empty for any.
    pub districts: Vec<String>,
}

/// What is open in the tree, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct OpenIds {
    /// Open plans.
    pub plans: Vec<SmolStr>,
    /// Open chapters and measures.
    pub nodes: Vec<SmolStr>,
}

/// The selection, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SelectedId {
    /// A plan.
    Plan(SmolStr),
    /// A chapter, measure or item.
    Node(SmolStr),
    /// A series, point, fund, target or fact.
    Figure(SmolStr),
}

/// Hidden legend entries, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct HiddenIds {
    /// Series hidden in the line charts.
    pub series: Vec<SmolStr>,
    /// Fund levels hidden in the funds chart.
    pub levels: Vec<FundLevel>,
}

/// Scales and orders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Scale {
    /// Fund bars on a logarithmic scale.
    pub funds_log: bool,
    /// The targets' order.
    pub targets_by: SortKey,
    /// Targets in ascending order.
    pub targets_ascending: bool,
    /// The theme map's rows: most measures first, or the dataset's order.
    pub themes_by: ThemeOrderKey,
}

impl Default for Scale {
    fn default() -> Self {
        Self {
            funds_log: true,
            targets_by: SortKey::Deadline,
            targets_ascending: true,
            themes_by: ThemeOrderKey::Total,
        }
    }
}

/// Declares a key of the file: its JSON names and the app's value it
/// stands for, both ways.
macro_rules! key_enum {
    ($(#[$meta:meta])* $name:ident => $app:ty { $($(#[$vmeta:meta])* $variant:ident = $text:literal => $value:path),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)*
        }

        impl $name {
            /// The app's value.
            pub fn value(self) -> $app {
                match self {
                    $(Self::$variant => $value,)*
                }
            }

            /// The key of the app's value.
            pub fn of(value: $app) -> Self {
                match value {
                    $($value => Self::$variant,)*
                }
            }
        }
    };
}

key_enum!(
    /// A chart, by the id the command line uses.
    ChartKey => ChartId {
        /// GDP and output in yuan.
        IndustrialOutput = "industrial-output" => ChartId::IndustrialOutput,
        /// Shares in percent.
        GdpShare = "gdp-share" => ChartId::GdpShare,
        /// Funds as bars.
        Funds = "funds" => ChartId::Funds,
        /// The targets.
        Targets = "targets" => ChartId::Targets,
        /// Themes by plans.
        Themes = "themes" => ChartId::Themes,
        /// Responsible units by plans.
        Units = "units" => ChartId::Units,
        /// The timeline.
        Timeline = "timeline" => ChartId::Timeline,
    }
);

key_enum!(
    /// A language.
    LangKey => Lang {
        /// English.
        En = "en" => Lang::En,
        /// Simplified Chinese.
        Zh = "zh" => Lang::Zh,
    }
);

key_enum!(
    /// How amounts of yuan are written.
    AmountsKey => Convention {
        /// Billion and trillion yuan.
        International = "international" => Convention::International,
        /// 亿元 and 万亿元.
        Chinese = "chinese" => Convention::Chinese,
    }
);

key_enum!(
    /// A column of the targets to sort by.
    SortKey => TargetColumn {
        /// What is measured.
        Metric = "metric" => TargetColumn::Metric,
        /// The value.
        Value = "value" => TargetColumn::Value,
        /// The deadline.
        Deadline = "deadline" => TargetColumn::Deadline,
        /// The plan.
        Plan = "plan" => TargetColumn::Plan,
    }
);

key_enum!(
    /// The theme map's row order.
    ThemeOrderKey => ThemeOrder {
        /// Most measures first.
        Total = "total" => ThemeOrder::Total,
        /// As the dataset lists them.
        Dataset = "dataset" => ThemeOrder::Dataset,
    }
);

/// A figure as the view showed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FigureSnapshot {
    /// The figure's id.
    pub id: SmolStr,
    /// Its value in `unit`; absent where none is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The value's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<QuantityUnit>,
    /// The document says "about".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// The document says "over".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub over: bool,
    /// The document says "nearly" or "under".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub under: bool,
    /// A point's status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The figure's caveat, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<String>,
}

impl FigureSnapshot {
    /// `figure` of `data` as it is now.
    pub fn of(data: &Dataset, figure: FigureRef) -> Self {
        let quantity = quantity_of(data, figure);
        Self {
            id: data.figure_id(figure).into(),
            value: quantity.map(|q| q.value),
            unit: quantity.map(|q| q.unit),
            approximate: quantity.is_some_and(|q| q.approximate),
            over: quantity.is_some_and(|q| q.lower_bound),
            under: quantity.is_some_and(|q| q.upper_bound),
            status: match figure {
                FigureRef::Point(s, p) => Some(data.series[s.index()].points[p as usize].status),
                _ => None,
            },
            caveat: data.figure_caveat(figure).map(|c| c.text.clone()),
        }
    }

    fn quantity(&self) -> Option<Quantity> {
        Some(Quantity {
            value: self.value?,
            unit: self.unit?,
            approximate: self.approximate,
            lower_bound: self.over,
            upper_bound: self.under,
        })
    }

    /// What differs between this snapshot and `now`, as the diff words it:
    /// the value (as written in either convention), the status, the caveat.
    pub fn changes_to(&self, now: &Self) -> Vec<Detail> {
        let mut details = Vec::new();
        let (old, new) = (
            Value::Quantity(self.quantity()),
            Value::Quantity(now.quantity()),
        );
        if [Convention::International, Convention::Chinese]
            .into_iter()
            .any(|c| old.text(c, Lang::En) != new.text(c, Lang::En))
        {
            details.push(Detail::Field {
                field: Field::Value,
                old,
                new,
            });
        }
        if let (Some(old), Some(new)) = (self.status, now.status)
            && old != new
        {
            details.push(Detail::Field {
                field: Field::Status,
                old: Value::Status(old),
                new: Value::Status(new),
            });
        }
        if self.caveat != now.caveat {
            details.push(Detail::Field {
                field: Field::Caveat,
                old: Value::MaybeText(self.caveat.clone()),
                new: Value::MaybeText(now.caveat.clone()),
            });
        }
        details
    }
}

fn quantity_of(data: &Dataset, figure: FigureRef) -> Option<Quantity> {
    match figure {
        FigureRef::Series(_) => None,
        FigureRef::Point(s, p) => {
            let series = &data.series[s.index()];
            Some(Quantity::of_point(series, &series.points[p as usize]))
        }
        FigureRef::Fund(f) => Quantity::of_fund(&data.funds[f.index()]),
        FigureRef::Target(t) => Some(Quantity::of_target(&data.targets[t.index()])),
        FigureRef::Fact(f) => Quantity::of_fact(&data.facts[f.index()]),
    }
}

/// What the window shows, by index, for [`capture`]: the window fills it
/// from its document and session.
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    /// The dataset on screen.
    pub dataset: &'a Dataset,
    /// Its file, if it came from one.
    pub file: Option<&'a Path>,
    /// The chart.
    pub chart: ChartId,
    /// The search and facets.
    pub filter: &'a TreeFilter,
    /// Open plans and nodes.
    pub open: &'a [Item],
    /// The selection.
    pub selected: Option<Item>,
    /// Hidden legend entries.
    pub hidden: &'a BTreeSet<LegendKey>,
    /// Fund bars on a logarithmic scale.
    pub funds_log: bool,
    /// The targets' order.
    pub targets_sort: (TargetColumn, bool),
    /// The theme map's order.
    pub theme_order: ThemeOrder,
    /// The language.
    pub lang: Lang,
    /// The amount convention.
    pub convention: Convention,
    /// The chart's annotations.
    pub annotations: &'a [Annotation],
}

/// The view file of what `shown` shows, named `name`.
pub fn capture(name: &str, shown: &Shown<'_>) -> ViewFile {
    let data = shown.dataset;
    let filter = FilterIds {
        query: shown.filter.query.clone(),
        plans: shown
            .filter
            .plans
            .iter()
            .map(|p| data.plans[p.index()].id.clone())
            .collect(),
        units: shown
            .filter
            .units
            .iter()
            .map(|u| data.units[u.index()].id.clone())
            .collect(),
        themes: shown
            .filter
            .themes
            .iter()
            .map(|t| data.themes[t.index()].id.clone())
            .collect(),
        districts: shown.filter.districts.iter().cloned().collect(),
    };
    let mut open = OpenIds::default();
    for item in shown.open {
        match *item {
            Item::Plan(p) => open.plans.push(data.plans[p.index()].id.clone()),
            Item::Node(n) => open.nodes.push(data.node(n).id.clone()),
            Item::Figure(_) => {}
        }
    }
    open.plans.sort();
    open.nodes.sort();
    let mut hidden = HiddenIds::default();
    for key in shown.hidden {
        match *key {
            LegendKey::Series(s) => hidden.series.push(data.series[s.index()].id.clone()),
            LegendKey::Level(level) => hidden.levels.push(level),
        }
    }
    let selected = shown.selected.map(|item| match item {
        Item::Plan(p) => SelectedId::Plan(data.plans[p.index()].id.clone()),
        Item::Node(n) => SelectedId::Node(data.node(n).id.clone()),
        Item::Figure(f) => SelectedId::Figure(data.figure_id(f).into()),
    });
    ViewFile {
        format: FORMAT.to_owned(),
        version: version_for(shown.annotations),
        name: name.trim().to_owned(),
        dataset: DatasetRef {
            title: data.title.clone(),
            edition: data.edition.clone(),
            file: shown.file.map(Path::to_path_buf),
        },
        chart: ChartKey::of(shown.chart),
        filter,
        open,
        selected,
        hidden,
        scale: Scale {
            funds_log: shown.funds_log,
            targets_by: SortKey::of(shown.targets_sort.0),
            targets_ascending: shown.targets_sort.1,
            themes_by: ThemeOrderKey::of(shown.theme_order),
        },
        lang: LangKey::of(shown.lang),
        amounts: AmountsKey::of(shown.convention),
        annotations: shown.annotations.to_vec(),
        figures: shown_figures(shown)
            .into_iter()
            .map(|f| FigureSnapshot::of(data, f))
            .collect(),
    }
}

/// The figures a view names or draws: its chart's, the selection, the
/// notes' marks; each once, in that order.
fn shown_figures(shown: &Shown<'_>) -> Vec<FigureRef> {
    let data = shown.dataset;
    let mut figures: Vec<FigureRef> = super::table::chart_rows_sorted(
        data,
        shown.chart,
        shown.hidden,
        shown.targets_sort,
        shown.lang,
    )
    .into_iter()
    .map(|row| row.figure)
    .collect();
    if let Some(Item::Figure(f)) = shown.selected {
        figures.push(f);
    }
    figures.extend(shown.annotations.iter().filter_map(|a| a.figure(data)));
    let mut seen = std::collections::HashSet::new();
    figures.retain(|f| !matches!(f, FigureRef::Series(_)) && seen.insert(*f));
    figures
}

impl ViewFile {
    /// The file's text: pretty JSON with a final line break.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// Why a view file could not be read at all; the view on screen stays as
/// it is.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ViewError {
    /// The file could not be read.
    #[error("cannot read the view {}: {}", path.display(), reason.text(Lang::En))]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        reason: IoReason,
    },
    /// The file is larger than any view.
    #[error("the view {} is too large to be a view ({bytes} bytes)", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The text is not JSON, or not a view's: where and why.
    #[error("the view {} is malformed at line {line}, column {column}: {message}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// The field, as a JSON path, where one is known.
        field: String,
        /// The parser's words.
        message: String,
    },
    /// The JSON is not a Plan Explorer view.
    #[error("{} is not a Plan Explorer view: its \"format\" is not \"plan-explorer-view\"", path.display())]
    NotAView {
        /// The file.
        path: PathBuf,
    },
    /// A newer format whose content this build cannot read.
    #[error("the view {} is in format version {found}, newer than this Plan Explorer reads ({VERSION}), and could not be read: {message}", path.display())]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u64,
        /// Why it could not be read.
        message: String,
    },
}

/// A view file read, with what was said on reading it (a newer version
/// read as far as it goes).
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// The view.
    pub view: ViewFile,
    /// Said on reading.
    pub notes: Vec<ViewNote>,
}

/// Reads a view file.
pub fn read_file(path: &Path) -> Result<Read, ViewError> {
    let io = |error: &std::io::Error| ViewError::Read {
        path: path.to_owned(),
        reason: IoReason::of(error),
    };
    let meta = std::fs::metadata(path).map_err(|e| io(&e))?;
    if meta.len() > MAX_BYTES {
        return Err(ViewError::TooLarge {
            path: path.to_owned(),
            bytes: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| io(&e))?;
    let text = String::from_utf8_lossy(&bytes);
    parse(&text, path)
}

/// Reads a view from its text; `path` names it in messages.
pub fn parse(text: &str, path: &Path) -> Result<Read, ViewError> {
    let malformed = |error: &serde_json::Error, field: String| ViewError::Malformed {
        path: path.to_owned(),
        line: error.line(),
        column: error.column(),
        field,
        message: strip_position(&error.to_string()),
    };
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| malformed(&e, String::new()))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(ViewError::NotAView {
            path: path.to_owned(),
        });
    }
    let found = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    let newer = found > u64::from(VERSION);
    let mut notes = Vec::new();
    if newer {
        notes.push(ViewNote::NewerVersion { found });
    }
    // Read again from the text, so that an error names its line and column.
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let view: ViewFile = match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(view) => view,
        Err(error) => {
            let field = error.path().to_string();
            let inner = error.into_inner();
            if newer {
                return Err(ViewError::TooNew {
                    path: path.to_owned(),
                    found,
                    message: strip_position(&inner.to_string()),
                });
            }
            return Err(malformed(&inner, field));
        }
    };
    Ok(Read { view, notes })
}

/// `serde_json`'s message without its " at line L column C", which the
/// error says in its own fields.
pub(crate) fn strip_position(message: &str) -> String {
    message
        .find(" at line ")
        .map_or(message, |at| &message[..at])
        .to_owned()
}

/// What a record the view names is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// A plan.
    Plan,
    /// A responsible unit.
    Unit,
    /// A theme.
    Theme,
    /// A district.
    District,
    /// A chapter, measure or item.
    Node,
    /// A series.
    Series,
    /// A point, fund, target or fact.
    Figure,
}

/// Something said about a view on reading or reopening it; none stops it
/// from opening.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewNote {
    /// The file is from a newer version of the format; what this build
    /// knows of it is shown.
    NewerVersion {
        /// The version in the file.
        found: u64,
    },
    /// Saved on another dataset (by title).
    OtherDataset {
        /// The title it was saved on.
        saved: String,
    },
    /// Saved on another edition.
    OtherEdition {
        /// The edition it was saved on.
        saved: String,
        /// The edition on screen.
        shown: String,
    },
    /// A record the view names is not in the dataset on screen.
    Gone {
        /// What it was.
        what: Named,
        /// Its id.
        id: String,
    },
    /// A figure the view showed changed since it was saved.
    Changed {
        /// The figure's id.
        id: String,
        /// What changed, old and new.
        details: Vec<Detail>,
    },
    /// A note points at a mark whose series the view hides: it is kept,
    /// and drawn once the series is shown.
    NoteOnHidden {
        /// The note's figure.
        figure: String,
        /// The series hidden.
        series: String,
    },
    /// A note on a map's cell whose row (theme, unit) or plan the dataset
    /// no longer has: it is left out.
    CellGone {
        /// What no longer exists: a theme, a unit or a plan.
        what: Named,
        /// Its id.
        id: String,
        /// The note's words.
        text: String,
    },
    /// An annotation that cannot be drawn; it is left out.
    BadAnnotation {
        /// Its place in the file's list, from 1.
        number: usize,
        /// What is wrong.
        fault: Fault,
    },
}

impl ViewNote {
    /// Whether the note says something went wrong (rather than a change in
    /// the data).
    pub fn is_problem(&self) -> bool {
        !matches!(self, Self::Changed { .. } | Self::OtherEdition { .. })
    }
}

/// A view made to fit the dataset on screen: what it names that the
/// dataset has, by index, and everything said about the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The view's name.
    pub name: String,
    /// The chart.
    pub chart: ChartId,
    /// The search and facets the dataset has (districts as written).
    pub filter: TreeFilter,
    /// Open plans and nodes.
    pub open: Vec<Item>,
    /// The selection, if it still exists.
    pub selected: Option<Item>,
    /// Hidden legend entries.
    pub hidden: BTreeSet<LegendKey>,
    /// Fund bars on a logarithmic scale.
    pub funds_log: bool,
    /// The targets' order.
    pub targets_sort: (TargetColumn, bool),
    /// The theme map's order.
    pub theme_order: ThemeOrder,
    /// The language.
    pub lang: Lang,
    /// The amount convention.
    pub convention: Convention,
    /// The annotations that can be drawn, notes on hidden series included
    /// (they show again with their series).
    pub annotations: Vec<Annotation>,
    /// What was said on reading and fitting it, problems first.
    pub notes: Vec<ViewNote>,
}

/// Fits `read` to `data`; `districts` are the spellings the dataset's
/// search knows.
pub fn resolve(read: &Read, data: &Dataset, districts: &[String]) -> Resolved {
    let view = &read.view;
    let mut notes = read.notes.clone();
    if view.dataset.title != data.title {
        notes.push(ViewNote::OtherDataset {
            saved: view.dataset.title.clone(),
        });
    }
    let filter = resolve_filter(&view.filter, data, districts, &mut notes);
    let (open, selected) = resolve_tree(view, data, &mut notes);
    let mut hidden = BTreeSet::new();
    for id in &view.hidden.series {
        match data.figure_by_id(id) {
            Some(FigureRef::Series(s)) => drop(hidden.insert(LegendKey::Series(s))),
            _ => notes.push(gone(Named::Series, id)),
        }
    }
    hidden.extend(view.hidden.levels.iter().map(|l| LegendKey::Level(*l)));
    // The figures the view showed, compared with the same figures now.
    for snapshot in &view.figures {
        notes.push(match data.figure_by_id(&snapshot.id) {
            Some(figure) => {
                let details = snapshot.changes_to(&FigureSnapshot::of(data, figure));
                if details.is_empty() {
                    continue;
                }
                ViewNote::Changed {
                    id: snapshot.id.to_string(),
                    details,
                }
            }
            None => gone(Named::Figure, &snapshot.id),
        });
    }
    let annotations = resolve_annotations(
        &view.annotations,
        view.chart.value(),
        data,
        &hidden,
        &mut notes,
    );
    if view.dataset.edition != data.edition {
        notes.push(ViewNote::OtherEdition {
            saved: view.dataset.edition.clone(),
            shown: data.edition.clone(),
        });
    }
    // Problems first, then the edition and what changed in the figures.
    notes.sort_by_key(|n| !n.is_problem());
    Resolved {
        name: view.name.clone(),
        chart: view.chart.value(),
        filter,
        open,
        selected,
        hidden,
        funds_log: view.scale.funds_log,
        targets_sort: (view.scale.targets_by.value(), view.scale.targets_ascending),
        theme_order: view.scale.themes_by.value(),
        lang: view.lang.value(),
        convention: view.amounts.value(),
        annotations,
        notes,
    }
}

fn gone(what: Named, id: &str) -> ViewNote {
    ViewNote::Gone {
        what,
        id: id.to_owned(),
    }
}

/// The search and facets the dataset has.
fn resolve_filter(
    ids: &FilterIds,
    data: &Dataset,
    districts: &[String],
    notes: &mut Vec<ViewNote>,
) -> TreeFilter {
    let mut filter = TreeFilter {
        query: ids.query.clone(),
        ..TreeFilter::default()
    };
    for id in &ids.plans {
        match data.plan_by_id(id) {
            Some(p) => drop(filter.plans.insert(p)),
            None => notes.push(gone(Named::Plan, id)),
        }
    }
    for id in &ids.units {
        match data.unit_by_id(id) {
            Some(u) => drop(filter.units.insert(u)),
            None => notes.push(gone(Named::Unit, id)),
        }
    }
    for id in &ids.themes {
        match data.theme_by_id(id) {
            Some(t) => drop(filter.themes.insert(t)),
            None => notes.push(gone(Named::Theme, id)),
        }
    }
    for district in &ids.districts {
        if districts.contains(district) {
            filter.districts.insert(district.clone());
        } else {
            notes.push(gone(Named::District, district));
        }
    }
    filter
}

/// What is open in the tree, and the selection, that the dataset has.
fn resolve_tree(
    view: &ViewFile,
    data: &Dataset,
    notes: &mut Vec<ViewNote>,
) -> (Vec<Item>, Option<Item>) {
    let mut open = Vec::new();
    for id in &view.open.plans {
        match data.plan_by_id(id) {
            Some(p) => open.push(Item::Plan(p)),
            None => notes.push(gone(Named::Plan, id)),
        }
    }
    for id in &view.open.nodes {
        match data.node_by_id(id) {
            Some(n) => open.push(Item::Node(n)),
            None => notes.push(gone(Named::Node, id)),
        }
    }
    let selected = match &view.selected {
        None => None,
        Some(SelectedId::Plan(id)) => data.plan_by_id(id).map(Item::Plan).or_else(|| {
            notes.push(gone(Named::Plan, id));
            None
        }),
        Some(SelectedId::Node(id)) => data.node_by_id(id).map(Item::Node).or_else(|| {
            notes.push(gone(Named::Node, id));
            None
        }),
        Some(SelectedId::Figure(id)) => data.figure_by_id(id).map(Item::Figure).or_else(|| {
            notes.push(gone(Named::Figure, id));
            None
        }),
    };
    (open, selected)
}

/// The annotations that can be drawn (notes on hidden marks kept, and
/// said); the others left out, and said.
fn resolve_annotations(
    annotations: &[Annotation],
    chart: ChartId,
    data: &Dataset,
    hidden: &BTreeSet<LegendKey>,
    notes: &mut Vec<ViewNote>,
) -> Vec<Annotation> {
    let mut kept = Vec::new();
    for (i, annotation) in annotations.iter().enumerate() {
        if let Some(fault) = annotation.fault_on(chart) {
            notes.push(ViewNote::BadAnnotation {
                number: i + 1,
                fault,
            });
            continue;
        }
        if let Some(gone) = cell_gone(annotation, data) {
            notes.push(gone);
            continue;
        }
        if let Annotation::Note { figure: id, .. } = annotation {
            let hidden_under = match data.figure_by_id(id) {
                None => {
                    // Said once, whether or not the snapshot named it too.
                    let note = gone(Named::Figure, id);
                    if !notes.contains(&note) {
                        notes.push(note);
                    }
                    continue;
                }
                Some(FigureRef::Point(s, _) | FigureRef::Series(s))
                    if hidden.contains(&LegendKey::Series(s)) =>
                {
                    Some(data.series[s.index()].id.to_string())
                }
                Some(FigureRef::Fund(f))
                    if hidden.contains(&LegendKey::Level(data.funds[f.index()].level)) =>
                {
                    Some(data.funds[f.index()].level.as_str().to_owned())
                }
                Some(_) => None,
            };
            if let Some(series) = hidden_under {
                notes.push(ViewNote::NoteOnHidden {
                    figure: id.to_string(),
                    series,
                });
            }
        }
        kept.push(annotation.clone());
    }
    kept
}

/// What a note on a map's cell names that `data` no longer has (its row
/// first, then its plan), if anything.
pub fn cell_gone(annotation: &Annotation, data: &Dataset) -> Option<ViewNote> {
    let Annotation::CellNote { row, plan, text } = annotation else {
        return None;
    };
    let (what, id) = if row.key(data).is_none() {
        let what = match row {
            super::annotations::CellRow::Theme(_) => Named::Theme,
            super::annotations::CellRow::Unit(_) => Named::Unit,
        };
        (what, row.id())
    } else if data.plan_by_id(plan).is_none() {
        (Named::Plan, plan.as_str())
    } else {
        return None;
    };
    Some(ViewNote::CellGone {
        what,
        id: id.to_owned(),
        text: text.clone(),
    })
}

/// The JSON Schema of view files, generated from [`ViewFile`].
pub fn json_schema() -> serde_json::Value {
    schemars::schema_for!(ViewFile).to_value()
}

/// The JSON Schema as committed in `assets/plan-view.schema.json`.
pub fn json_schema_text() -> String {
    serde_json::to_string_pretty(&json_schema()).unwrap_or_default()
}

/// A file name for a view called `name`: its letters and digits, the rest
/// as dashes, with `.view.json`.
pub fn file_name(name: &str) -> String {
    file_name_as(name, "view", "view.json")
}

/// A file name for `name`: its letters and digits, lower-cased, the rest
/// as single dashes, then `.extension`; `fallback` where no letter or
/// digit is left. Views and presentations are named alike.
pub(crate) fn file_name_as(name: &str, fallback: &str, extension: &str) -> String {
    let mut slug = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let stem = if slug.is_empty() { fallback } else { slug };
    format!("{stem}.{extension}")
}
