//! Proves that quotes are verbatim: each quote, and each node's text and
//! Chinese title or text, must occur in the text of its source document.
//! The editors' translations are not the documents' words, so nothing here
//! proves them: [`translations`] lists them instead.
//!
//! Differences of white space and of typographic quote marks are ignored,
//! since copying from a web page or a PDF changes both; nothing else is.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::{Dataset, Named, Problem, ProblemKind, SourceIx};

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

/// Folds white space runs to one space and typographic quotes to plain ones.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            in_space = true;
            continue;
        }
        if in_space && !out.is_empty() {
            out.push(' ');
        }
        in_space = false;
        out.push(match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}'
            | '\u{2033}' | '\u{ff02}' => '"',
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{ff07}' => '\'',
            other => other,
        });
    }
    out
}

/// Checks every quote and node text against the files in `dir`, returning a
/// problem for each that is not found (and for each source file that cannot
/// be read). An empty result means every quote was proven.
pub fn check_quotes(dataset: &Dataset, dir: &Path) -> Vec<Problem> {
    let mut problems = Vec::new();
    let texts = read_sources(dataset, dir, &mut problems);

    let check_in = |path: String, sources: &[SourceIx], quote: &str| {
        not_found(dataset, &texts, path, sources, quote)
    };
    // Each citation's quote, in its own source.
    let quotes = |figure: &str, citations: &[super::Citation]| -> Vec<Problem> {
        citations
            .iter()
            .enumerate()
            .filter_map(|(c, citation)| {
                check_in(
                    citation_path(figure, c),
                    &[citation.source],
                    &citation.quote,
                )
            })
            .collect()
    };
    problems.extend(printed_names(dataset, &check_in));
    // A figure's Chinese name: in any document the record cites.
    let cited = |citations: &[super::Citation]| -> Vec<SourceIx> {
        citations.iter().map(|c| c.source).collect()
    };

    for (s, series) in dataset.series.iter().enumerate() {
        for (p, point) in series.points.iter().enumerate() {
            problems.extend(quotes(
                &format!("series[{s}].points[{p}]"),
                &point.citations,
            ));
        }
        if let Some(title_zh) = &series.title_zh {
            let sources: Vec<SourceIx> = series
                .points
                .iter()
                .flat_map(|p| cited(&p.citations))
                .collect();
            if sources.is_empty() {
                problems.push(Problem::error(
                    format!("series[{s}].title_zh"),
                    ProblemKind::ChineseTitleUnprovable,
                ));
            } else {
                problems.extend(check_in(
                    format!("series[{s}].title_zh"),
                    &sources,
                    title_zh,
                ));
            }
        }
    }
    for (f, fund) in dataset.funds.iter().enumerate() {
        problems.extend(quotes(&format!("funds[{f}]"), &fund.citations));
        if let Some(name_zh) = &fund.name_zh {
            problems.extend(check_in(
                format!("funds[{f}].name_zh"),
                &cited(&fund.citations),
                name_zh,
            ));
        }
    }
    for (t, target) in dataset.targets.iter().enumerate() {
        problems.extend(quotes(&format!("targets[{t}]"), &target.citations));
        if let Some(metric_zh) = &target.metric_zh {
            problems.extend(check_in(
                format!("targets[{t}].metric_zh"),
                &cited(&target.citations),
                metric_zh,
            ));
        }
    }
    for (f, fact) in dataset.facts.iter().enumerate() {
        problems.extend(quotes(&format!("facts[{f}]"), &fact.citations));
        if let Some(title_zh) = &fact.title_zh {
            problems.extend(check_in(
                format!("facts[{f}].title_zh"),
                &cited(&fact.citations),
                title_zh,
            ));
        }
    }
    for (r, rate) in dataset.exchange_rates.iter().enumerate() {
        problems.extend(check_in(
            format!("exchange_rates[{r}].quote"),
            &[rate.citation.source],
            &rate.citation.quote,
        ));
    }
    problems.extend(node_texts(dataset, &check_in));
    problems
}

/// Looks for words in the given sources: a problem where none holds them.
type CheckIn<'a> = dyn Fn(String, &[SourceIx], &str) -> Option<Problem> + 'a;

/// Each node's text, and its Chinese title and text, in the node's source.
fn node_texts(dataset: &Dataset, check_in: &CheckIn<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (n, node) in dataset.nodes.iter().enumerate() {
        let path = dataset.node_json_path(super::NodeIx::at(n));
        problems.extend(check_in(format!("{path}.text"), &[node.source], &node.text));
        // Chinese names and texts come from the documents too, never from a
        // translation: each must occur in the node's source as written.
        if let Some(title_zh) = &node.title_zh {
            problems.extend(check_in(
                format!("{path}.title_zh"),
                &[node.source],
                title_zh,
            ));
        }
        if let Some(text_zh) = &node.text_zh {
            problems.extend(check_in(format!("{path}.text_zh"), &[node.source], text_zh));
        }
    }
    problems
}

/// Each printed Chinese name of a unit, theme or district, in any document,
/// since they belong to no one document; a plan's, in its own.
fn printed_names(dataset: &Dataset, check_in: &CheckIn<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let every: Vec<SourceIx> = (0..dataset.sources.len()).map(SourceIx::at).collect();
    let names = [
        (
            "units",
            dataset
                .units
                .iter()
                .map(|u| u.name_zh.as_ref())
                .collect::<Vec<_>>(),
        ),
        (
            "themes",
            dataset.themes.iter().map(|t| t.name_zh.as_ref()).collect(),
        ),
        (
            "districts",
            dataset
                .districts
                .iter()
                .map(|d| d.name_zh.as_ref())
                .collect(),
        ),
    ];
    for (kind, names) in names {
        for (i, name_zh) in names.into_iter().enumerate() {
            if let Some(name_zh) = name_zh {
                problems.extend(check_in(format!("{kind}[{i}].name_zh"), &every, name_zh));
            }
        }
    }
    for (i, plan) in dataset.plans.iter().enumerate() {
        if let Some(title_zh) = &plan.title_zh {
            problems.extend(check_in(
                format!("plans[{i}].title_zh"),
                &[plan.source],
                title_zh,
            ));
        }
    }
    problems
}

/// Each source's text, normalised; `None` for a source without a file or
/// whose file cannot be read (each reported in `problems`).
fn read_sources(
    dataset: &Dataset,
    dir: &Path,
    problems: &mut Vec<Problem>,
) -> HashMap<SourceIx, Option<String>> {
    let mut texts: HashMap<SourceIx, Option<String>> = HashMap::new();
    for (i, source) in dataset.sources.iter().enumerate() {
        let ix = SourceIx::at(i);
        let text = match &source.file {
            None => {
                problems.push(Problem::warning(
                    format!("sources[{i}]"),
                    ProblemKind::SourceWithoutFile {
                        id: source.id.clone(),
                    },
                ));
                None
            }
            Some(file) => {
                let path = dir.join(file);
                let progress = crate::job::Progress::default();
                match super::read_bytes_with(&path, super::MAX_DATASET_BYTES, &progress) {
                    Ok(bytes) => Some(normalize(&String::from_utf8_lossy(&bytes))),
                    Err(error) => {
                        problems.push(Problem::error(
                            format!("sources[{i}].file"),
                            ProblemKind::SourceUnreadable(Box::new(error)),
                        ));
                        None
                    }
                }
            }
        };
        texts.insert(ix, text);
    }
    texts
}

/// The problem when `quote` occurs in none of `sources` (for a Chinese
/// name: any document its record cites). Sources that cannot be read are
/// already reported; when none can be, nothing is checked.
fn not_found(
    dataset: &Dataset,
    texts: &HashMap<SourceIx, Option<String>>,
    path: String,
    sources: &[SourceIx],
    quote: &str,
) -> Option<Problem> {
    let readable: Vec<(SourceIx, &String)> = sources
        .iter()
        .filter_map(|s| match texts.get(s) {
            Some(Some(text)) => Some((*s, text)),
            _ => None,
        })
        .collect();
    let wanted = normalize(quote);
    // A source that cannot be read may hold it: that source is reported
    // on its own, and the quote is not called missing.
    let unreadable = sources
        .iter()
        .any(|s| !matches!(texts.get(s), Some(Some(_))));
    if unreadable || wanted.is_empty() || readable.iter().any(|(_, text)| text.contains(&wanted)) {
        return None;
    }
    let mut files: Vec<&str> = readable
        .iter()
        .map(|(s, _)| {
            dataset.sources[s.index()]
                .file
                .as_deref()
                .unwrap_or_default()
        })
        .collect();
    files.sort_unstable();
    files.dedup();
    Some(Problem::error(
        path,
        ProblemKind::NotVerbatim {
            files: files.into_iter().map(str::to_owned).collect(),
            quote: super::abbreviate(quote, 80, "..."),
        },
    ))
}

/// The path of a figure's main quote (`.quote`) or of its `also` citations.
fn citation_path(figure: &str, citation: usize) -> String {
    if citation == 0 {
        format!("{figure}.quote")
    } else {
        format!("{figure}.also[{}].quote", citation - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalize_folds_space_and_typographic_quotes_only() {
        assert_eq!(
            normalize("  the \u{201c}four-in-one\u{201d}\n\t model\u{2019}s  "),
            "the \"four-in-one\" model's"
        );
        assert_eq!(normalize("银发经济"), "银发经济");
        assert_ne!(normalize("5.39"), normalize("5,39"));
    }
}
