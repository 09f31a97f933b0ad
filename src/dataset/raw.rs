//! The dataset as written in JSON, before it is checked.
//!
//! Every field is a [`Field`], so reading never fails on a wrong type or a
//! missing field; [`super::check`] turns these loose records into the checked
//! [`super::Dataset`] and reports each mistake with its JSON path. The JSON
//! Schema in `assets/plan-dataset.schema.json` is generated from these types.

use schemars::JsonSchema;
use serde::Deserialize;
use smol_str::SmolStr;

use super::field::{Field, Kind, Shape, object_shape};
use super::stream::{NodeList, PlanList};

/// A whole dataset document.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(title = "Plan Explorer dataset", deny_unknown_fields)]
pub struct RawDataset {
    /// The format's version; this program reads version 1.
    pub schema_version: Field<i64>,
    /// The dataset's title, shown in the app's top bar.
    pub title: Field<String>,
    /// The dataset's date, `YYYY-MM-DD`.
    pub edition: Field<String>,
    /// One paragraph about the dataset.
    pub description: Option<Field<String>>,
    /// The source documents.
    pub sources: Field<Vec<Field<RawSource>>>,
    /// The responsible bodies.
    pub units: Field<Vec<Field<RawUnit>>>,
    /// Topics that measures are tagged with.
    pub themes: Field<Vec<Field<RawTheme>>>,
    /// The districts nodes name, each once however the documents spell
    /// it. Without this table, each spelling a node uses is a district.
    pub districts: Option<Field<Vec<Field<RawDistrict>>>>,
    /// The plans and their trees of measures.
    pub plans: Field<PlanList>,
    /// Figures by year.
    pub series: Field<Vec<Field<RawSeries>>>,
    /// Fund allocations.
    pub funds: Field<Vec<Field<RawFund>>>,
    /// Numeric targets of the plans.
    pub targets: Field<Vec<Field<RawTarget>>>,
    /// Exchange rates that the documents state.
    pub exchange_rates: Field<Vec<Field<RawExchangeRate>>>,
    /// Facts the documents state as of a date rather than for a year.
    pub facts: Option<Field<Vec<Field<RawFact>>>>,
}

/// A source document.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawSource {
    /// Unique among sources.
    pub id: Field<SmolStr>,
    /// The document's title.
    pub title: Field<String>,
    /// Who published it.
    pub publisher: Field<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the document gives it.
    pub date: Option<Field<String>>,
    /// How the date was found when the document does not print it.
    pub date_note: Option<Field<String>>,
    /// How far the document can be trusted, in the curator's words (an
    /// unattributed commentary, machine-translation traces, a date that
    /// may not be the issue date); shown wherever its figures appear.
    pub reliability: Option<Field<String>>,
    /// The same note in the curator's Chinese, shown in Chinese instead of
    /// the English. (The curator's own words in either language, not a
    /// translation of a document.)
    pub reliability_zh: Option<Field<String>>,
    /// File name of the document's text.
    pub file: Option<Field<String>>,
    /// Where the document is published.
    pub url: Option<Field<String>>,
    /// The day the text was taken from `url` or `file`, `YYYY-MM-DD`.
    pub retrieved: Option<Field<String>>,
    /// The language of the text, a BCP 47 tag such as `en` or `zh`.
    pub language: Option<Field<String>>,
    /// `true` when the text is the document as first published; `false`
    /// when it is a translation (`translated_by` says whose).
    pub original: Option<Field<bool>>,
    /// Who made the translation, when the text is one.
    pub translated_by: Option<Field<String>>,
    /// The document's whole text as published, which every quote citing
    /// this source must occur in.
    pub text: Option<Field<String>>,
    /// The SHA-256 of `text`'s UTF-8 bytes, as 64 hexadecimal digits.
    pub sha256: Option<Field<String>>,
}

/// A responsible body.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawUnit {
    /// Unique among units.
    pub id: Field<SmolStr>,
    /// English name.
    pub name: Field<String>,
    /// Chinese name, where a document gives it.
    pub name_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub name_zh_translation: Option<Field<String>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
}

/// A district of Shanghai that nodes name.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawDistrict {
    /// Unique among districts.
    pub id: Field<SmolStr>,
    /// English name, as the district filter shows it.
    pub name: Field<String>,
    /// Chinese name, where a document gives it.
    pub name_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub name_zh_translation: Option<Field<String>>,
    /// Other spellings the documents use ("Pudong" for "Pudong New Area");
    /// a node may name the district by its id, its name or any of these.
    pub aliases: Option<Field<Vec<Field<String>>>>,
}

/// A topic measures are tagged with.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawTheme {
    /// Unique among themes.
    pub id: Field<SmolStr>,
    /// English name.
    pub name: Field<String>,
    /// Chinese name, where a document gives it.
    pub name_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub name_zh_translation: Option<Field<String>>,
}

/// The years a plan covers.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawPeriod {
    /// First year; null where the document gives none.
    pub start: Option<Field<i64>>,
    /// Last year.
    pub end: Field<i64>,
}

/// A plan and its tree of measures.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawPlan {
    /// Unique among plans.
    pub id: Field<SmolStr>,
    /// English title.
    pub title: Field<String>,
    /// Chinese title, where a document gives it.
    pub title_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub title_zh_translation: Option<Field<String>>,
    /// The years the plan covers.
    pub period: Field<RawPeriod>,
    /// The issuing body, as text.
    pub issuer: Field<String>,
    /// A source id.
    pub source: Field<SmolStr>,
    /// Anything the curator had to decide.
    pub note: Option<Field<String>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
    /// Chapters, measures and items.
    // Checked while they are parsed: see `stream`.
    pub nodes: Field<NodeList<false>>,
}

/// A chapter, measure or item.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawNode {
    /// Unique across all plans.
    pub id: Field<SmolStr>,
    /// Chapter, measure or item.
    pub kind: Field<NodeKind>,
    /// The numbering as printed, full path, e.g. `III.1.(2)`.
    pub numbering: Option<Field<String>>,
    /// The heading.
    pub title: Field<String>,
    /// The heading in Chinese, where the source gives it.
    pub title_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub title_zh_translation: Option<Field<String>>,
    /// The full text, verbatim from the source.
    pub text: Field<String>,
    /// The full text in Chinese, where the source gives it.
    pub text_zh: Option<Field<String>>,
    /// A source id, when it is not the plan's.
    pub source: Option<Field<SmolStr>>,
    /// Responsible unit ids.
    pub units: Field<Vec<Field<SmolStr>>>,
    /// The units are inferred from context (the paragraph around the
    /// sentence), not printed with it.
    pub units_inferred: Option<Field<bool>>,
    /// The lead units among `units`, where the document names one
    /// (牵头单位); the others support. Absent: the document names no lead.
    pub lead_units: Option<Field<Vec<Field<SmolStr>>>>,
    /// Theme ids.
    pub themes: Field<Vec<Field<SmolStr>>>,
    /// Districts the document names.
    pub districts: Field<Vec<Field<String>>>,
    /// Anything the curator had to decide.
    pub note: Option<Field<String>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
    /// Nodes below this one.
    // Checked while they are parsed: see `stream`.
    pub children: Field<NodeList<true>>,
}

/// Another document stating the same figure.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawCitation {
    /// A source id.
    pub source: Field<SmolStr>,
    /// The source's words, verbatim.
    pub quote: Field<String>,
}

/// What a figure owes its readers beyond its source's words: a doubt about
/// it (a likely slip in the document, two figures that may not measure the
/// same thing), shown as a warning mark wherever the figure appears.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawCaveat {
    /// What the reader should know, in the curator's words.
    pub text: Field<String>,
    /// The same in the curator's Chinese, shown in Chinese instead of the
    /// English. (The curator's own words in either language, not a
    /// translation of a document.)
    pub text_zh: Option<Field<String>>,
    /// Figure ids it conflicts with, if any.
    pub conflicts: Option<Field<Vec<Field<SmolStr>>>>,
    /// The figure is probably wrong as printed (a likely slip): charts
    /// keep it off their scale and show it apart with its caveat.
    pub likely_wrong: Option<Field<bool>>,
}

/// A figure by year.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawSeries {
    /// Unique among figures (series, points, funds, targets).
    pub id: Field<SmolStr>,
    /// What the series measures.
    pub title: Field<String>,
    /// The title in Chinese, only as a source document cited by the
    /// series' points writes it.
    pub title_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub title_zh_translation: Option<Field<String>>,
    /// The unit of every point.
    pub unit: Field<QuantityUnit>,
    /// Anything the curator had to decide.
    pub note: Option<Field<String>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
    /// Node ids the series belongs to.
    pub measures: Option<Field<Vec<Field<SmolStr>>>>,
    /// The values.
    pub points: Field<Vec<Field<RawPoint>>>,
}

/// One value of a series.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawPoint {
    /// Unique among figures.
    pub id: Field<SmolStr>,
    /// The year the value is for.
    pub year: Field<i64>,
    /// The value, in the series' unit.
    pub value: Field<f64>,
    /// Actual, target or estimate.
    pub status: Field<Status>,
    /// The document says "about", "around" or "nearly".
    pub approximate: Field<bool>,
    /// The document says "over" or "surpassed".
    pub lower_bound: Option<Field<bool>>,
    /// The document says "nearly", "under" or "up to": the value is an
    /// upper bound.
    pub upper_bound: Option<Field<bool>>,
    /// A source id.
    pub source: Field<SmolStr>,
    /// The source's words that state the value, verbatim.
    pub quote: Field<String>,
    /// More documents stating the same value.
    pub also: Option<Field<Vec<Field<RawCitation>>>>,
    /// E.g. how a year was resolved from "last year".
    pub note: Option<Field<String>>,
    /// A doubt the reader must see beside the value.
    pub caveat: Option<Field<RawCaveat>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
    /// Node ids the value belongs to.
    pub measures: Option<Field<Vec<Field<SmolStr>>>>,
}

/// A fund allocation.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawFund {
    /// Unique among figures.
    pub id: Field<SmolStr>,
    /// English name.
    pub name: Field<String>,
    /// Chinese name, where a document gives it.
    pub name_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub name_zh_translation: Option<Field<String>>,
    /// The amount in yuan; null where the document states none.
    pub amount_yuan: Option<Field<f64>>,
    /// The document says "over".
    pub lower_bound: Field<bool>,
    /// The document says "about".
    pub approximate: Field<bool>,
    /// Who provides the money.
    pub level: Field<FundLevel>,
    /// The level is inferred from context, not stated.
    pub level_inferred: Option<Field<bool>>,
    /// What the fund is for.
    pub purpose: Field<String>,
    /// A source id.
    pub source: Field<SmolStr>,
    /// The source's words that state the fund, verbatim.
    pub quote: Field<String>,
    /// More documents stating the same fund.
    pub also: Option<Field<Vec<Field<RawCitation>>>>,
    /// Anything the curator had to decide.
    pub note: Option<Field<String>>,
    /// A doubt the reader must see beside the amount.
    pub caveat: Option<Field<RawCaveat>>,
    /// The fund is the total of these funds (ids); `validate` warns when
    /// their amounts do not add up to it.
    pub parts: Option<Field<Vec<Field<SmolStr>>>>,
    /// The amount is for each recipient (a subsidy per institution), not
    /// the fund's size; it is kept off the funds' scale.
    pub per_recipient: Option<Field<bool>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
    /// Node ids the fund belongs to.
    pub measures: Option<Field<Vec<Field<SmolStr>>>>,
}

/// A numeric target of a plan.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawTarget {
    /// Unique among figures.
    pub id: Field<SmolStr>,
    /// What is counted or measured.
    pub metric: Field<String>,
    /// The metric in Chinese, only as the target's source document writes
    /// it.
    pub metric_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub metric_zh_translation: Option<Field<String>>,
    /// The target value, in `unit`.
    pub value: Field<f64>,
    /// The unit of `value`.
    pub unit: Field<QuantityUnit>,
    /// The year by which it is to be met; null where the document gives none.
    pub deadline_year: Option<Field<i64>>,
    /// A plan id.
    pub plan: Field<SmolStr>,
    /// The document says "about".
    pub approximate: Field<bool>,
    /// The document says "over".
    pub lower_bound: Option<Field<bool>>,
    /// The document says "nearly", "under" or "up to": the value is an
    /// upper bound.
    pub upper_bound: Option<Field<bool>>,
    /// A source id.
    pub source: Field<SmolStr>,
    /// The source's words that state the target, verbatim.
    pub quote: Field<String>,
    /// More documents stating the same target.
    pub also: Option<Field<Vec<Field<RawCitation>>>>,
    /// Anything the curator had to decide.
    pub note: Option<Field<String>>,
    /// A doubt the reader must see beside the target.
    pub caveat: Option<Field<RawCaveat>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
    /// Node ids the target belongs to.
    pub measures: Option<Field<Vec<Field<SmolStr>>>>,
}

/// A fact a document states as of a date ("138 registered large AI
/// models"), with no year of its own to chart it by; or a fact with no
/// number at all ("the country's first public corpus service platform").
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawFact {
    /// Unique among figures.
    pub id: Field<SmolStr>,
    /// What the fact is about.
    pub title: Field<String>,
    /// The title in Chinese, only as the fact's source document writes it.
    pub title_zh: Option<Field<String>>,
    /// The editors' Chinese translation of the English, where no document
    /// prints a Chinese form; shown marked 〔译〕 and never taken for the
    /// documents' words.
    pub title_zh_translation: Option<Field<String>>,
    /// The number, in `unit`; null or absent for a fact with none.
    pub value: Option<Field<f64>>,
    /// The unit of `value`; required with a value.
    pub unit: Option<Field<QuantityUnit>>,
    /// When it holds: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, resolved from the
    /// document (its date, "the first three quarters").
    pub as_of: Field<String>,
    /// How `as_of` was resolved.
    pub as_of_note: Option<Field<String>>,
    /// The document says "about", "nearly".
    pub approximate: Option<Field<bool>>,
    /// The document says "over".
    pub lower_bound: Option<Field<bool>>,
    /// The document says "nearly", "under" or "up to": the value is an
    /// upper bound.
    pub upper_bound: Option<Field<bool>>,
    /// A source id.
    pub source: Field<SmolStr>,
    /// The source's words that state the fact, verbatim.
    pub quote: Field<String>,
    /// More documents stating the same fact.
    pub also: Option<Field<Vec<Field<RawCitation>>>>,
    /// Anything the curator had to decide.
    pub note: Option<Field<String>>,
    /// A doubt the reader must see beside the fact.
    pub caveat: Option<Field<RawCaveat>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
    /// Node ids the fact belongs to.
    pub measures: Option<Field<Vec<Field<SmolStr>>>>,
}

/// An exchange rate that a document states, as the pair of amounts it prints.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawExchangeRate {
    /// Unique among exchange rates.
    pub id: Field<SmolStr>,
    /// The other currency, e.g. `USD`.
    pub currency: Field<String>,
    /// The amount in yuan the document prints.
    pub yuan_amount: Field<f64>,
    /// The same amount in the other currency.
    pub foreign_amount: Field<f64>,
    /// A source id.
    pub source: Field<SmolStr>,
    /// The source's words that state both amounts, verbatim.
    pub quote: Field<String>,
    /// Anything the curator had to decide.
    pub note: Option<Field<String>>,
    /// The day the record was drafted from a document by `import`,
    /// `YYYY-MM-DD`.
    pub imported: Option<Field<String>>,
    /// The day an editor reviewed the imported record, `YYYY-MM-DD`; an
    /// imported record without it is unreviewed.
    pub reviewed: Option<Field<String>>,
}

object_shape!(
    RawDataset,
    RawSource,
    RawUnit,
    RawDistrict,
    RawTheme,
    RawPeriod,
    RawPlan,
    RawNode,
    RawCitation,
    RawCaveat,
    RawSeries,
    RawPoint,
    RawFund,
    RawTarget,
    RawFact,
    RawExchangeRate,
);

/// Declares a string enum: its JSON names, `as_str`, and its [`Shape`].
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &[Self] = &[$(Self::$variant),*];

            /// Every value's JSON name, in declaration order.
            pub const NAMES: &[&str] = &[$($text),*];

            /// The name used in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }
        }

        impl Shape for $name {
            const KIND: Kind = Kind::Scalar;
            fn expected() -> super::Expected {
                super::Expected::OneOf(Self::NAMES)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// Where a node sits in a plan.
    NodeKind {
        /// A chapter of a plan.
        Chapter = "chapter",
        /// A numbered measure.
        Measure = "measure",
        /// An item of a measure.
        Item = "item",
    }
);

string_enum!(
    /// Whether a value happened, is aimed at, or is estimated.
    Status {
        /// A reported value.
        Actual = "actual",
        /// A goal.
        Target = "target",
        /// An estimate or forecast.
        Estimate = "estimate",
    }
);

string_enum!(
    /// Who provides a fund's money.
    FundLevel {
        /// The national government.
        National = "national",
        /// The city government.
        Municipal = "municipal",
        /// A district government.
        District = "district",
        /// Private or social capital.
        SocialCapital = "social_capital",
        /// An aggregate of several levels.
        Mixed = "mixed",
    }
);

string_enum!(
    /// The unit of a series or target; it also says which checks apply.
    QuantityUnit {
        /// An amount of money in yuan; never negative.
        Yuan = "yuan",
        /// A share in percent; within 0-100.
        Percent = "percent",
        /// A year-on-year growth rate in percent.
        PercentYoy = "percent_yoy",
        /// A count of things; never negative.
        Count = "count",
        /// A density per 10,000 workers; never negative.
        Per10kWorkers = "per_10k_workers",
        /// A difference of two rates, in percentage points.
        PercentagePoints = "percentage_points",
        /// An area in square metres; never negative.
        SquareMetres = "square_metres",
    }
);
