//! The search "in the documents": every match of the words in the sources'
//! texts, in document order, each with its context and the records that
//! quote the passage it falls in, or none: where an editor sees what the
//! data left out.

use std::ops::Range;

use crate::dataset::Dataset;
use crate::dataset::folded::normalize;
use crate::dataset::proof::{Proof, Spot};
use crate::dataset::{SourceIx, abbreviate};

/// The most matches listed; past them the list says there are more.
pub const MAX_MATCHES: usize = 500;

/// How much text either side of a match is shown, in bytes of the
/// original (cut back to a character boundary).
const CONTEXT_BYTES: usize = 90;

/// One match, as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The document and the match's place in it, to open the viewer at.
    pub spot: Spot,
    /// The text before the match, white space folded, cut at a word.
    pub before: String,
    /// The matched words as the document writes them.
    pub matched: String,
    /// The text after the match.
    pub after: String,
    /// The ids of the records quoting a passage the match falls in or
    /// touches; empty when no record quotes it.
    pub quoted_by: Vec<String>,
}

/// One document's matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentMatches {
    /// The document.
    pub source: SourceIx,
    /// Its title.
    pub title: String,
    /// Its matches, in order.
    pub matches: Vec<Match>,
}

/// The result of a search in the documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocSearch {
    /// The words searched for.
    pub query: String,
    /// The documents with matches, in dataset order.
    pub documents: Vec<DocumentMatches>,
    /// How many matches are listed.
    pub count: usize,
    /// Whether there were more than [`MAX_MATCHES`].
    pub more: bool,
    /// How many documents carry no text to search.
    pub without_text: usize,
}

impl DocSearch {
    /// Searches the texts `proof` holds for `query`.
    pub fn new(dataset: &Dataset, proof: &Proof, query: &str) -> Self {
        let without_text = proof.texts.iter().filter(|t| t.is_none()).count();
        let mut out = Self {
            query: query.to_owned(),
            without_text,
            ..Self::default()
        };
        if normalize(query).is_empty() {
            return out;
        }
        let hits = proof.search(query, MAX_MATCHES + 1);
        out.more = hits.len() > MAX_MATCHES;
        for hit in hits.into_iter().take(MAX_MATCHES) {
            let Some(text) = proof.text(hit.source) else {
                continue;
            };
            let mut quoted_by: Vec<String> = hit
                .passages
                .iter()
                .flat_map(|&p| &text.passages[p].quoted_by)
                .map(|q| q.record.id(dataset).to_owned())
                .collect();
            quoted_by.sort_unstable();
            quoted_by.dedup();
            let (before, matched, after) = context(&text.text, hit.range.clone());
            let item = Match {
                spot: Spot {
                    source: hit.source,
                    range: Some(hit.range),
                },
                before,
                matched,
                after,
                quoted_by,
            };
            match out.documents.last_mut() {
                Some(last) if last.source == hit.source => last.matches.push(item),
                _ => out.documents.push(DocumentMatches {
                    source: hit.source,
                    title: dataset.sources[hit.source.index()].title.clone(),
                    matches: vec![item],
                }),
            }
            out.count += 1;
        }
        out
    }

    /// Whether a document search is asked for (the words are not blank).
    pub fn is_asked(&self) -> bool {
        !normalize(&self.query).is_empty()
    }
}

/// The text around `range`: before, the match, after, white space folded,
/// the ends cut at a space where there is one.
fn context(text: &str, range: Range<usize>) -> (String, String, String) {
    let mut start = range.start.saturating_sub(CONTEXT_BYTES);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (range.end + CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut before = fold_keeping_edges(&text[start..range.start]);
    if start > 0
        && let Some(space) = before.find(' ')
        && space + 1 < before.len()
    {
        before = format!("…{}", &before[space + 1..]);
    }
    let mut after = fold_keeping_edges(&text[range.end..end]);
    if end < text.len()
        && let Some(space) = after.rfind(' ')
        && space > 0
    {
        after = format!("{}…", &after[..space]);
    }
    let matched = abbreviate(&normalize(&text[range]), 200, "…");
    (before, matched, after)
}

/// Folds white space like [`normalize`] but keeps one space at either end
/// where the text has white space there, so the pieces join as words.
fn fold_keeping_edges(text: &str) -> String {
    let folded = normalize(text);
    if folded.is_empty() {
        return if text.is_empty() {
            String::new()
        } else {
            " ".to_owned()
        };
    }
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!("{lead}{folded}{trail}")
}

#[cfg(test)]
mod tests {
    use super::context;

    #[test]
    fn context_folds_space_and_cuts_at_words() {
        let text = format!(
            "{}The city will\n\nbuild   a platform for {} and more words here",
            "x ".repeat(60),
            "y ".repeat(60)
        );
        let at = text.find("platform").expect("there");
        let (before, matched, after) = context(&text, at..at + "platform".len());
        assert_eq!(matched, "platform");
        assert!(before.ends_with("The city will build a "), "{before:?}");
        assert!(before.starts_with('…'), "{before:?}");
        assert!(after.starts_with(" for y"), "{after:?}");
        assert!(after.ends_with('…'), "{after:?}");
    }
}
