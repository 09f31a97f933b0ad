//! The search "in the documents": every match of the words in the sources'
//! texts, in document order, each with its context and the records that
//! quote the passage it falls in, or none: where an editor sees what the
//! data left out.

use super::documents;
use crate::dataset::folded::normalize;
use crate::dataset::proof::{Proof, Spot};
use crate::dataset::{Dataset, SourceIx};

/// The most matches listed; past them the list says there are more.
pub const MAX_MATCHES: usize = 500;

/// One match, as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The document and the match's place in it, to open the viewer at.
    pub spot: Spot,
    /// The text before the match, white space folded, cut at a word (see
    /// [`documents::matches`]).
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
        let found = documents::matches(dataset, proof, query, MAX_MATCHES + 1);
        out.more = found.len() > MAX_MATCHES;
        for hit in found.into_iter().take(MAX_MATCHES) {
            let item = Match {
                spot: Spot {
                    source: hit.source,
                    range: Some(hit.range),
                },
                before: hit.before,
                matched: hit.matched,
                after: hit.after,
                quoted_by: hit.quoted_by,
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
