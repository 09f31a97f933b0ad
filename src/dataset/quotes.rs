//! Proves that quotes are verbatim: each quote, and each node's text and
//! Chinese title or text, must occur in the text of its source document.
//! The editors' translations are not the documents' words, so nothing here
//! proves them: [`translations`] lists them instead.
//!
//! The proof itself is [`super::proof`]'s; this is the `--sources` folder's
//! way into it.

use std::path::Path;

use serde::Serialize;

use super::{Dataset, Named, Problem};

/// One of the editors' Chinese translations, as `validate --sources` lists
/// them: where it is, what it translates, and its words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Translation {
    /// The JSON path of the translation field.
    pub path: String,
    /// The English it translates, as the documents print it.
    pub english: String,
    /// The editors' Chinese.
    pub translation: String,
}

/// Every editors' translation in the dataset, in file order by record kind.
pub fn translations(dataset: &Dataset) -> Vec<Translation> {
    let mut out = Vec::new();
    let mut list = |path: String, key: &str, record: &dyn Named| {
        if let Some(translation) = record.translated_zh() {
            out.push(Translation {
                path: format!("{path}.{key}"),
                english: record.english().to_owned(),
                translation: translation.to_owned(),
            });
        }
    };
    for (i, unit) in dataset.units.iter().enumerate() {
        list(format!("units[{i}]"), "name_zh_translation", unit);
    }
    for (i, theme) in dataset.themes.iter().enumerate() {
        list(format!("themes[{i}]"), "name_zh_translation", theme);
    }
    for (i, district) in dataset.districts.iter().enumerate() {
        list(format!("districts[{i}]"), "name_zh_translation", district);
    }
    for (i, plan) in dataset.plans.iter().enumerate() {
        list(format!("plans[{i}]"), "title_zh_translation", plan);
    }
    for (n, node) in dataset.nodes.iter().enumerate() {
        let path = dataset.node_json_path(super::NodeIx::at(n));
        list(path, "title_zh_translation", node);
    }
    for (i, series) in dataset.series.iter().enumerate() {
        list(format!("series[{i}]"), "title_zh_translation", series);
    }
    for (i, fund) in dataset.funds.iter().enumerate() {
        list(format!("funds[{i}]"), "name_zh_translation", fund);
    }
    for (i, target) in dataset.targets.iter().enumerate() {
        list(format!("targets[{i}]"), "metric_zh_translation", target);
    }
    for (i, fact) in dataset.facts.iter().enumerate() {
        list(format!("facts[{i}]"), "title_zh_translation", fact);
    }
    out
}

pub use super::folded::normalize;

/// Checks every quote and node text against the texts the dataset carries
/// and, for sources without one, the files in `dir`, returning a problem
/// for each that is not found (and for each source file that cannot be
/// read). An empty result means every quote was proven.
pub fn check_quotes(dataset: &Dataset, dir: &Path) -> Vec<Problem> {
    super::proof::prove(dataset, Some(dir), None)
        .map(|proof| proof.problems)
        .unwrap_or_default()
}
