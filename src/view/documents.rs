//! The source documents as `plan-explorer sources` lists and searches
//! them: each source's size and how much of it the data quotes, and each
//! search match with its context and the records quoting it. Computed
//! from a dataset and its [`Proof`], tested as plain data.

use std::ops::Range;

use crate::dataset::proof::{Proof, SourceText};
use crate::dataset::{Dataset, SourceIx};

/// One source as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRow {
    /// The source.
    pub source: SourceIx,
    /// Characters (not bytes) of the text the dataset carries; `None`
    /// without one.
    pub characters: Option<usize>,
    /// How many records' words were found in the text: figures, nodes,
    /// plans and printed names, each counted once. `None` without a text.
    pub records: Option<usize>,
    /// Characters of the text inside a quoted passage, overlapping
    /// passages counted once. `None` without a text.
    pub quoted_characters: Option<usize>,
}

impl SourceRow {
    /// The share of the text that is quoted, from 0 to 1; `None` without a
    /// text, 0 for an empty one.
    pub fn quoted_share(&self) -> Option<f64> {
        let (Some(total), Some(quoted)) = (self.characters, self.quoted_characters) else {
            return None;
        };
        if total == 0 {
            return Some(0.0);
        }
        #[expect(
            clippy::cast_precision_loss,
            reason = "A share of a text's characters needs no more than f64's 52 bits."
        )]
        Some(quoted as f64 / total as f64)
    }
}

/// Every source of `dataset`, in dataset order, with what `proof` knows of
/// its text.
pub fn rows(dataset: &Dataset, proof: &Proof) -> Vec<SourceRow> {
    (0..dataset.sources.len())
        .map(|s| {
            let source = SourceIx::at(s);
            let text = proof.text(source);
            SourceRow {
                source,
                characters: text.map(|t| t.text.chars().count()),
                records: text.map(records_in),
                quoted_characters: text.map(quoted_characters),
            }
        })
        .collect()
}

/// How many distinct records quote `text`.
fn records_in(text: &SourceText) -> usize {
    let mut records: Vec<_> = text
        .passages
        .iter()
        .flat_map(|p| p.quoted_by.iter().map(|q| q.record))
        .collect();
    records.sort_unstable();
    records.dedup();
    records.len()
}

/// Characters of `text` inside the union of its passages.
pub fn quoted_characters(text: &SourceText) -> usize {
    // Passages are sorted by start, so overlapping ones merge as they come.
    let mut total = 0;
    let mut current: Option<Range<usize>> = None;
    for passage in &text.passages {
        let range = passage.range.clone();
        match &mut current {
            Some(open) if range.start <= open.end => open.end = open.end.max(range.end),
            _ => {
                if let Some(done) = current.replace(range) {
                    total += chars_in(&text.text, done);
                }
            }
        }
    }
    if let Some(done) = current {
        total += chars_in(&text.text, done);
    }
    total
}

/// Characters of `text[range]`, clamped to the text and its character
/// boundaries.
fn chars_in(text: &str, range: Range<usize>) -> usize {
    text.get(range).map_or(0, |s| s.chars().count())
}

/// One search match as the command line prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The document.
    pub source: SourceIx,
    /// Where, in bytes of the text as published.
    pub range: Range<usize>,
    /// Where it starts, in characters from the text's start.
    pub offset: usize,
    /// Up to [`CONTEXT_CHARS`] characters before it, white space folded,
    /// starting with "…" where the text goes on before.
    pub before: String,
    /// The words matched, white space folded.
    pub matched: String,
    /// Up to [`CONTEXT_CHARS`] characters after it, white space folded,
    /// ending with "…" where the text goes on.
    pub after: String,
    /// The ids of the records quoting a passage the match falls in or
    /// touches, in the passages' order, each once; empty where none does.
    pub quoted_by: Vec<String>,
}

/// How many characters of context a match shows on either side.
pub const CONTEXT_CHARS: usize = 60;

/// The matches of `query` in the documents, in document order, at most
/// `limit` (see [`Proof::search`] for how words are matched).
pub fn matches(dataset: &Dataset, proof: &Proof, query: &str, limit: usize) -> Vec<Match> {
    // Offsets in characters are counted on from the match before in the
    // same document, so a document is counted through once.
    let mut counted: Option<(SourceIx, usize, usize)> = None;
    proof
        .search(query, limit)
        .into_iter()
        .filter_map(|hit| {
            let text = proof.text(hit.source)?;
            let (from_byte, from_chars) = match counted {
                Some((source, byte, chars)) if source == hit.source && byte <= hit.range.start => {
                    (byte, chars)
                }
                _ => (0, 0),
            };
            let offset = from_chars + chars_in(&text.text, from_byte..hit.range.start);
            counted = Some((hit.source, hit.range.start, offset));
            let mut quoted_by: Vec<String> = Vec::new();
            for &p in &hit.passages {
                for quoter in text.passages.get(p).map_or(&[][..], |p| &p.quoted_by[..]) {
                    let id = quoter.record.id(dataset);
                    if !quoted_by.iter().any(|known| known == id) {
                        quoted_by.push(id.to_owned());
                    }
                }
            }
            let (before, after) = context(&text.text, hit.range.clone(), CONTEXT_CHARS);
            Some(Match {
                source: hit.source,
                matched: fold_spaces(text.text.get(hit.range.clone()).unwrap_or_default()),
                range: hit.range,
                offset,
                before,
                after,
                quoted_by,
            })
        })
        .collect()
}

/// Up to `chars` characters of `text` either side of `range`, white space
/// folded, with "…" where the text goes on.
fn context(text: &str, range: Range<usize>, chars: usize) -> (String, String) {
    let head = text.get(..range.start).unwrap_or_default();
    let start = head
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    let tail = text.get(range.end..).unwrap_or_default();
    let end = tail
        .char_indices()
        .nth(chars)
        .map_or(tail.len(), |(at, _)| at);
    let (mut head_kept, mut tail_kept) = (&head[start..], &tail[..end]);
    // Cut between words: a word the window cuts into is left out, unless
    // it is all the window holds (as in Chinese, without spaces).
    if head[..start].ends_with(|c: char| !c.is_whitespace())
        && let Some(space) = head_kept.find(char::is_whitespace)
    {
        head_kept = &head_kept[space..];
    }
    if tail[end..].starts_with(|c: char| !c.is_whitespace())
        && let Some(space) = tail_kept.rfind(char::is_whitespace)
    {
        tail_kept = &tail_kept[..space];
    }
    let mut before = fold_spaces(head_kept).trim_start().to_owned();
    if !head[..head.len() - head_kept.len()].trim().is_empty() {
        before.insert(0, '…');
    }
    let mut after = fold_spaces(tail_kept).trim_end().to_owned();
    if !tail[tail_kept.len()..].trim().is_empty() {
        after.push('…');
    }
    (before, after)
}

/// `text` with each run of white space (line breaks included) as one
/// space; the ends are kept, folded too.
pub fn fold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

/// The sentence around a quote, for a reader to see it in its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InContext {
    /// The sentence, white space folded, with "…" where it was cut short.
    pub text: String,
    /// Where the quote stands in `text`, in bytes.
    pub quote: Range<usize>,
}

/// The sentence around `range` of `text` (at most `max` bytes either side
/// of it), or `None` where the sentence is the quote and nothing more.
pub fn in_context(text: &SourceText, range: Range<usize>, max: usize) -> Option<InContext> {
    let around = text.sentence_around(range.clone(), max);
    // A sentence longer than `max` on one side is cut there; the sentence
    // found with twice the room tells.
    let wider = text.sentence_around(range.clone(), max.saturating_mul(2));
    let whole = &*text.text;
    let mut before = whole.get(around.start..range.start)?;
    let quote = whole.get(range.clone())?;
    let mut after = whole.get(range.end..around.end)?;
    // A sentence cut short is cut between words.
    if wider.start < around.start
        && let Some(space) = before.find(char::is_whitespace)
    {
        before = before[space..].trim_start();
    }
    if wider.end > around.end
        && let Some(space) = after.rfind(char::is_whitespace)
    {
        after = after[..space].trim_end();
    }
    if before.trim().is_empty() && after.trim().is_empty() {
        return None;
    }
    let mut out = String::new();
    if wider.start < around.start {
        out.push('…');
    }
    out.push_str(&fold_spaces(before));
    let start = out.len();
    out.push_str(fold_spaces(quote).trim());
    let end = out.len();
    out.push_str(&fold_spaces(after));
    if wider.end > around.end {
        out.push('…');
    }
    Some(InContext {
        text: out,
        quote: start..end,
    })
}

#[cfg(test)]
mod tests {
    use super::{context, fold_spaces};

    #[test]
    fn spaces_fold_to_one_and_context_says_where_the_text_goes_on() {
        assert_eq!(fold_spaces(" a \r\n\t b\u{3000}c "), " a b c ");
        let text = "One two three four five six seven";
        let at = text.find("four").expect("in the text");
        let (before, after) = context(text, at..at + 4, 6);
        assert_eq!(before, "…three ");
        assert_eq!(after, " five…");
        // A word the window cuts into is left out.
        let (before, after) = context(text, at..at + 4, 4);
        assert_eq!((before.as_str(), after.as_str()), ("…", "…"));
        let (before, after) = context(text, at..at + 4, 8);
        assert_eq!(before, "…three ");
        assert_eq!(after, " five…");
        let (before, after) = context(text, 0..3, 100);
        assert_eq!(
            (before.as_str(), after.as_str()),
            ("", " two three four five six seven")
        );
    }
}
