//! The one rule by which quotes, the documents and searches are compared:
//! runs of white space (spaces, tabs, line breaks, CR LF, non-breaking and
//! full-width spaces) count as one space, and typographic quote marks as
//! plain ones. Copying from a web page or a PDF changes both; nothing else
//! is forgiven.
//!
//! A [`Folded`] text keeps the way back to the original, so a passage found
//! in the folded text can be shown in the document as published.

/// Folds one character: typographic quote marks to plain ones.
fn fold_char(c: char) -> char {
    match c {
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}'
        | '\u{2033}' | '\u{ff02}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{ff07}' => '\'',
        other => other,
    }
}

/// Folds white space runs to one space and typographic quotes to plain ones,
/// dropping white space at either end.
pub fn normalize(text: &str) -> String {
    Folded::new(text).text
}

/// A text folded by [`normalize`]'s rule, with the way back to the
/// original's byte offsets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Where the shift between the two texts changes: from folded byte
    /// `.0` on, folded byte `f` is original byte `f - .0 + .1`. Sorted; a
    /// text with single spaces and plain quotes needs one entry.
    anchors: Vec<(usize, usize)>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Self {
        let mut out = String::with_capacity(text.len());
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        // The original offset of the white space run not yet written.
        let mut space_at: Option<usize> = None;
        let anchor = |anchors: &mut Vec<(usize, usize)>, folded: usize, original: usize| {
            let shifted = anchors
                .last()
                .is_some_and(|&(f, o)| original.wrapping_sub(o) == folded.wrapping_sub(f));
            if !shifted {
                anchors.push((folded, original));
            }
        };
        // Where the last character kept ends in the original.
        let mut kept_end = 0;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                space_at.get_or_insert(at);
                continue;
            }
            if let Some(space) = space_at.take()
                && !out.is_empty()
            {
                anchor(&mut anchors, out.len(), space);
                out.push(' ');
            }
            anchor(&mut anchors, out.len(), at);
            out.push(fold_char(c));
            kept_end = at + c.len_utf8();
        }
        if out.is_empty() {
            kept_end = text.len();
        }
        // The end, so a range reaching it ends after the last character
        // kept, before any trailing white space.
        anchor(&mut anchors, out.len(), kept_end);
        Self { text: out, anchors }
    }

    /// The original byte offset of folded byte `at`, a character boundary
    /// of the folded text or its end. Every folded character starts where
    /// the one before it ended (white space runs start there too), so the
    /// end of a range maps to the end of its last character.
    pub fn original(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(f, _)| f <= at);
        let (f, o) = self.anchors[i.saturating_sub(1)];
        o + (at.min(self.text.len()) - f)
    }

    /// The folded range `range` as a range of the original.
    pub fn original_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.original(range.start);
        start..self.original(range.end).max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::{Folded, normalize};

    #[test]
    fn normalize_folds_space_and_typographic_quotes_only() {
        assert_eq!(
            normalize("  the \u{201c}four-in-one\u{201d}\n\t model\u{2019}s  "),
            "the \"four-in-one\" model's"
        );
        assert_eq!(normalize("银发经济"), "银发经济");
        assert_ne!(normalize("5.39"), normalize("5,39"));
        assert_eq!(
            normalize("a\r\nb\u{a0}c\u{3000}d"),
            "a b c d",
            "CR LF, non-breaking and full-width spaces are white space"
        );
    }

    #[test]
    fn folded_ranges_lead_back_to_the_original() {
        let original = "  Over \u{201c}825\u{201d}\r\n\r\n billion\u{3000}yuan 银发经济 ";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "Over \"825\" billion yuan 银发经济");
        for word in [
            "Over",
            "\"825\"",
            "billion",
            "yuan",
            "银发经济",
            "825\" billion",
        ] {
            let at = folded
                .text
                .find(word)
                .expect("the word is in the folded text");
            let range = folded.original_range(at..at + word.len());
            assert_eq!(
                normalize(&original[range.clone()]),
                word,
                "{word}: {range:?} is {:?}",
                &original[range.clone()]
            );
        }
        let whole = folded.original_range(0..folded.text.len());
        assert_eq!(&original[whole], original.trim());
    }

    #[test]
    fn folded_empty_and_blank_texts() {
        for text in ["", "   \n "] {
            let folded = Folded::new(text);
            assert_eq!(folded.text, "");
            assert_eq!(folded.original_range(0..0), text.len()..text.len());
        }
    }
}
