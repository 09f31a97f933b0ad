//! Proves that quotes are verbatim: each quote, and each node's text and
//! Chinese title or text, must occur in the text of its source document.
//!
//! Differences of white space and of typographic quote marks are ignored,
//! since copying from a web page or a PDF changes both; nothing else is.

use std::collections::HashMap;
use std::path::Path;

use super::{Dataset, Problem, SourceIx};

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
    let mut texts: HashMap<SourceIx, Option<String>> = HashMap::new();
    for (i, source) in dataset.sources.iter().enumerate() {
        let ix = SourceIx::at(i);
        let text = match &source.file {
            None => {
                problems.push(Problem::warning(
                    format!("sources[{i}]"),
                    format!(
                        "source \"{}\" has no file, so its quotes cannot be checked",
                        source.id
                    ),
                ));
                None
            }
            Some(file) => {
                let path = dir.join(file);
                match std::fs::read(&path) {
                    Ok(bytes) => Some(normalize(&String::from_utf8_lossy(&bytes))),
                    Err(error) => {
                        problems.push(Problem::error(
                            format!("sources[{i}].file"),
                            format!("cannot read the source text: {error}: {}", path.display()),
                        ));
                        None
                    }
                }
            }
        };
        texts.insert(ix, text);
    }

    let mut check = |path: String, source: SourceIx, quote: &str| {
        let Some(Some(text)) = texts.get(&source) else {
            return;
        };
        let wanted = normalize(quote);
        if !wanted.is_empty() && !text.contains(&wanted) {
            let file = dataset.sources[source.index()]
                .file
                .as_deref()
                .unwrap_or_default();
            problems.push(Problem::error(
                path,
                format!(
                    "not found verbatim in the source {file}: \"{}\"",
                    super::abbreviate(quote, 80, "...")
                ),
            ));
        }
    };

    for (s, series) in dataset.series.iter().enumerate() {
        for (p, point) in series.points.iter().enumerate() {
            for (c, citation) in point.citations.iter().enumerate() {
                check(
                    citation_path(&format!("series[{s}].points[{p}]"), c),
                    citation.source,
                    &citation.quote,
                );
            }
        }
    }
    for (f, fund) in dataset.funds.iter().enumerate() {
        for (c, citation) in fund.citations.iter().enumerate() {
            check(
                citation_path(&format!("funds[{f}]"), c),
                citation.source,
                &citation.quote,
            );
        }
    }
    for (t, target) in dataset.targets.iter().enumerate() {
        for (c, citation) in target.citations.iter().enumerate() {
            check(
                citation_path(&format!("targets[{t}]"), c),
                citation.source,
                &citation.quote,
            );
        }
    }
    for (r, rate) in dataset.exchange_rates.iter().enumerate() {
        check(
            format!("exchange_rates[{r}].quote"),
            rate.citation.source,
            &rate.citation.quote,
        );
    }
    for (n, node) in dataset.nodes.iter().enumerate() {
        let path = dataset.node_json_path(super::NodeIx::at(n));
        check(format!("{path}.text"), node.source, &node.text);
        // Chinese names and texts come from the documents too, never from a
        // translation: each must occur in the node's source as written.
        if let Some(title_zh) = &node.title_zh {
            check(format!("{path}.title_zh"), node.source, title_zh);
        }
        if let Some(text_zh) = &node.text_zh {
            check(format!("{path}.text_zh"), node.source, text_zh);
        }
    }
    problems
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
