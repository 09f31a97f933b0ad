//! The passage of a document nearest to words that are not in it, with the
//! words that differ marked: what `validate` shows beside a quote it could
//! not prove ("the document says 'over 〚825〛 billion yuan'").
//!
//! Words are runs of letters and digits; each Chinese character is a word of
//! its own, since Chinese puts no spaces between words. The search anchors
//! on runs of a few words of the quote found in the document, and keeps the
//! window around an anchor that shares the most words with the quote.

use std::ops::Range;

use super::folded::Folded;
use super::model::SmolStr;

/// The nearest passage to a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearest {
    /// The source's id.
    pub source: SmolStr,
    /// The passage, as the folded document reads.
    pub passage: String,
    /// The passage's words that the quote does not have, as byte ranges of
    /// `passage`, in order.
    pub marks: Vec<Range<usize>>,
    /// Where the passage is in the source's original text, in bytes.
    pub range: Range<usize>,
}

impl Nearest {
    /// The passage with each differing word between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.passage.len() + 8 * self.marks.len());
        let mut at = 0;
        for mark in &self.marks {
            out.push_str(&self.passage[at..mark.start]);
            out.push_str(open);
            out.push_str(&self.passage[mark.clone()]);
            out.push_str(close);
            at = mark.end;
        }
        out.push_str(&self.passage[at..]);
        out
    }
}

/// The most words of a quote compared; beyond them a quote is cut.
const MAX_WORDS: usize = 200;
/// How many words an anchor is.
const ANCHOR_WORDS: usize = 3;
/// The most anchors tried.
const MAX_ANCHORS: usize = 24;

/// Whether `c` is written without spaces between words (CJK scripts).
fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff)
}

/// The words of `text` as byte ranges: letter-and-digit runs (with the
/// points and commas inside numbers), and each ideograph alone.
pub fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_ideograph(c) {
            if let Some(s) = start.take() {
                out.push(s..at);
            }
            out.push(at..at + c.len_utf8());
        } else if c.is_alphanumeric()
            || ((c == '.' || c == ',' || c == '%')
                && start.is_some()
                && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit()))
        {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push(s..at);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// The passage of `folded` nearest to the (folded) `quote`, or `None` when
/// no run of a few of its words is in the document at all.
pub fn nearest(source: &SmolStr, folded: &Folded, quote: &str) -> Option<Nearest> {
    let text = folded.text.as_str();
    let mut quote_words = words(quote);
    quote_words.truncate(MAX_WORDS);
    if quote_words.is_empty() {
        return None;
    }
    let anchor_len = ANCHOR_WORDS.min(quote_words.len());
    // Anchors: a run of words of the quote, found in the document, places
    // the quote's start where it would be if the run were in place.
    let mut starts: Vec<usize> = Vec::new();
    let step = (quote_words.len() / MAX_ANCHORS).max(1);
    for first in (0..=quote_words.len() - anchor_len).step_by(step) {
        let span = quote_words[first].start..quote_words[first + anchor_len - 1].end;
        if let Some(found) = memchr::memmem::find(text.as_bytes(), quote[span.clone()].as_bytes()) {
            let start = found.saturating_sub(span.start - quote_words[0].start);
            if !starts.contains(&start) {
                starts.push(start);
            }
        }
    }
    let wanted: Vec<&str> = quote_words.iter().map(|w| &quote[w.clone()]).collect();
    let mut best: Option<(usize, Range<usize>, Vec<Range<usize>>)> = None;
    for start in starts {
        let window = window_at(text, start, quote.len());
        let passage_words = words(&text[window.clone()]);
        let mut found: Vec<&str> = passage_words
            .iter()
            .map(|w| &text[window.start + w.start..window.start + w.end])
            .collect();
        found.truncate(MAX_WORDS + wanted.len() / 4);
        let pairs = common(&wanted, &found);
        let shared = pairs.iter().flatten().count();
        if best.as_ref().is_none_or(|(s, _, _)| shared > *s) {
            // The passage runs from its first shared word to its last,
            // widened by as many words as the quote has before its first
            // shared word and after its last, so a differing first or last
            // word is shown; unshared words are marked.
            let (Some(first), Some(last)) = (
                pairs.iter().position(Option::is_some),
                pairs.iter().rposition(Option::is_some),
            ) else {
                continue;
            };
            let before = pairs[first].unwrap_or(0);
            let after = wanted.len() - 1 - pairs[last].unwrap_or(wanted.len() - 1);
            let first = first.saturating_sub(before);
            let last = (last + after).min(found.len() - 1);
            let (a, b) = (&passage_words[first], &passage_words[last]);
            let span = window.start + a.start..window.start + b.end;
            let marks = passage_words[first..=last]
                .iter()
                .zip(&pairs[first..=last])
                .filter(|(_, pair)| pair.is_none())
                .map(|(w, _)| w.start - a.start..w.end - a.start)
                .collect();
            best = Some((shared, span, marks));
        }
    }
    let (shared, span, marks) = best?;
    // Fewer than two in three of the quote's words: not the same passage.
    if shared * 3 < wanted.len() * 2 {
        return None;
    }
    Some(Nearest {
        source: source.clone(),
        passage: text[span.clone()].to_owned(),
        marks,
        range: folded.original_range(span),
    })
}

/// A window of `text` from `start`, a little longer than `len`, on
/// character boundaries.
fn window_at(text: &str, start: usize, len: usize) -> Range<usize> {
    let mut start = start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len + len / 4 + 8).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// For each word of `found`, the word of `wanted` it is paired with in a
/// longest common subsequence of the two, if any.
fn common(wanted: &[&str], found: &[&str]) -> Vec<Option<usize>> {
    let (n, m) = (wanted.len(), found.len());
    // lengths[i][j]: the longest common subsequence of wanted[i..], found[j..].
    let mut lengths = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[at(i, j)] = if wanted[i] == found[j] {
                lengths[at(i + 1, j + 1)] + 1
            } else {
                lengths[at(i + 1, j)].max(lengths[at(i, j + 1)])
            };
        }
    }
    let mut pairs = vec![None; m];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if wanted[i] == found[j] {
            pairs[j] = Some(i);
            i += 1;
            j += 1;
        } else if lengths[at(i + 1, j)] >= lengths[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::{Folded, nearest, words};

    #[test]
    fn words_split_latin_runs_numbers_and_each_ideograph() {
        let text = "over 825.5 billion yuan, 1,000 人工智能+";
        let split: Vec<&str> = words(text).into_iter().map(|w| &text[w]).collect();
        assert_eq!(
            split,
            [
                "over", "825.5", "billion", "yuan", "1,000", "人", "工", "智", "能"
            ]
        );
    }

    #[test]
    fn nearest_marks_the_words_the_document_has_instead() {
        let document = "The city invested heavily. Its output reached over 825 billion yuan \
                        in 2024, a record. Other words follow here.";
        let folded = Folded::new(document);
        let found = nearest(
            &"src-1".into(),
            &folded,
            "reached over 852 billion yuan in 2024",
        )
        .expect("a nearest passage");
        assert_eq!(found.passage, "reached over 825 billion yuan in 2024");
        assert_eq!(
            found.marked("[", "]"),
            "reached over [825] billion yuan in 2024"
        );
        assert_eq!(&document[found.range.clone()], found.passage);
        // A differing first word is shown, not trimmed away.
        let found = nearest(&"src-1".into(), &folded, "852 billion yuan in 2024").expect("near");
        assert_eq!(found.marked("[", "]"), "[825] billion yuan in 2024");
    }

    #[test]
    fn nearest_in_chinese_text() {
        let document = "到2027年，打造10个以上高质量数据集，形成一批创新产品。";
        let folded = Folded::new(document);
        let found = nearest(&"src".into(), &folded, "打造20个以上高质量数据集").expect("near");
        assert_eq!(found.marked("[", "]"), "打造[10]个以上高质量数据集");
    }

    #[test]
    fn nothing_near_words_the_document_lacks() {
        let folded = Folded::new("Entirely different words stand in this document.");
        assert_eq!(
            nearest(&"s".into(), &folded, "nothing of the quote is here"),
            None
        );
    }
}
