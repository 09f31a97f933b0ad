//! The one rule by which quotes, the documents and searches are compared:
//! runs of white space (spaces, tabs, line breaks, CR LF, non-breaking and
//! full-width spaces) count as one space, and typographic quote marks as
//! plain ones. Copying from a web page or a PDF changes both; nothing else
//! is forgiven.
//!
//! A [`Folded`] text keeps the way back to the original, so a passage found
//! in the folded text can be shown in the document as published.

use std::borrow::Cow;

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

/// `text` folded by [`normalize`]'s rule, borrowed where folding leaves it
/// as it is (as it does most quotes), so that costs no copy.
pub fn normalized(text: &str) -> Cow<'_, str> {
    if is_folded(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(normalize(text))
    }
}

/// Whether folding leaves `text` as it is: no white space but single spaces
/// between other characters, no typographic quote marks.
fn is_folded(text: &str) -> bool {
    match text.chars().next() {
        None => true,
        Some(first) => {
            is_plain(first)
                && plain_run_end(text, first.len_utf8(), &mut Specials::new(text)) == text.len()
        }
    }
}

/// Whether folding keeps `c` as it is, wherever it stands.
fn is_plain(c: char) -> bool {
    !c.is_whitespace() && fold_char(c) == c
}

/// The lead bytes of every character but ASCII that is white space or a
/// typographic quote mark: U+0085, U+00A0, U+00AB, U+00BB (0xC2), U+1680
/// (0xE1), U+2000 to U+205F (0xE2), U+3000 (0xE3), U+FF02, U+FF07 (0xEF).
/// Other characters with these leads (a dash, Chinese punctuation) are
/// plain, and looked at one by one.
const SPECIAL_LEADS: [u8; 5] = [0xc2, 0xe1, 0xe2, 0xe3, 0xef];

/// A searcher for two spaces, built once.
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// The places in a text where folding may change something, found by
/// memchr's vectorised searches, since nearly all of a text is kept as it
/// is: ASCII white space but the space, two spaces, and the lead bytes of
/// [`SPECIAL_LEADS`]. Each search's last answer is kept until passed, so
/// each goes over the text once.
struct Specials<'a> {
    bytes: &'a [u8],
    /// Each search's next place (the text's length if none), at or after
    /// where it last looked.
    next: [usize; 5],
}

impl<'a> Specials<'a> {
    fn new(text: &'a str) -> Self {
        let mut specials = Self {
            bytes: text.as_bytes(),
            next: [0; 5],
        };
        for search in 0..specials.next.len() {
            specials.next[search] = specials.search(search, 0);
        }
        specials
    }

    /// Search `search` from `at`.
    fn search(&self, search: usize, at: usize) -> usize {
        let [c2, e1, e2, e3, ef] = SPECIAL_LEADS;
        let rest = &self.bytes[at..];
        let found = match search {
            0 => memchr::memchr3(b'\t', b'\n', b'\r', rest),
            1 => memchr::memchr2(0x0b, 0x0c, rest),
            2 => memchr::memchr3(c2, e1, e2, rest),
            3 => memchr::memchr2(e3, ef, rest),
            _ => DOUBLE_SPACE.find(rest),
        };
        found.map_or(self.bytes.len(), |found| at + found)
    }

    /// The first place at or after `at` where folding may change something;
    /// the text's length if none. `at` must not go back between calls.
    fn next(&mut self, at: usize) -> usize {
        let mut first = self.bytes.len();
        for search in 0..self.next.len() {
            if self.next[search] < at {
                self.next[search] = self.search(search, at);
            }
            first = first.min(self.next[search]);
        }
        first
    }
}

/// Where the run of characters that folding keeps as they are, going on at
/// byte `from` of `text` after a plain character, ends: plain characters,
/// and single spaces between two of them. Always a character boundary.
fn plain_run_end(text: &str, from: usize, specials: &mut Specials<'_>) -> usize {
    let bytes = text.as_bytes();
    // The run ends at `at`, or before the space there is before it.
    let end = |at: usize| {
        if at > from && bytes[at - 1] == b' ' {
            at - 1
        } else {
            at
        }
    };
    let mut at = from;
    loop {
        let special = specials.next(at);
        let Some(&byte) = bytes.get(special) else {
            return end(bytes.len());
        };
        if byte.is_ascii() {
            // White space, or the first of two spaces.
            return end(special);
        }
        match text[special..].chars().next() {
            Some(c) if is_plain(c) => at = special + c.len_utf8(),
            _ => return end(special),
        }
    }
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
    /// Folds `text`. Runs of characters that folding keeps as they are
    /// (nearly all of a text) are copied whole, at one shift; the places
    /// between them are found by [`Specials`].
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
        let mut at = 0;
        let mut specials = Specials::new(text);
        while let Some(c) = text[at..].chars().next() {
            if c.is_whitespace() {
                space_at.get_or_insert(at);
                at += c.len_utf8();
                continue;
            }
            if let Some(space) = space_at.take()
                && !out.is_empty()
            {
                anchor(&mut anchors, out.len(), space);
                out.push(' ');
            }
            anchor(&mut anchors, out.len(), at);
            let folded = fold_char(c);
            if folded == c {
                let end = plain_run_end(text, at + c.len_utf8(), &mut specials);
                out.push_str(&text[at..end]);
                at = end;
            } else {
                out.push(folded);
                at += c.len_utf8();
            }
            kept_end = at;
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
    use std::borrow::Cow;

    use super::{Folded, SPECIAL_LEADS, fold_char, is_plain, normalize, normalized};

    /// Folding a character at a time, as it was first written: what the
    /// runs copied whole must agree with.
    fn one_by_one(text: &str) -> (String, Vec<usize>) {
        let mut out = String::new();
        // The original offset of each folded byte, and of the end.
        let mut original = Vec::new();
        let mut space_at = None;
        let mut kept_end = 0;
        for (at, c) in text.char_indices() {
            if c.is_whitespace() {
                space_at.get_or_insert(at);
                continue;
            }
            if let Some(space) = space_at.take()
                && !out.is_empty()
            {
                original.push(space);
                out.push(' ');
            }
            let folded = fold_char(c);
            original.extend((0..folded.len_utf8()).map(|i| at + i.min(c.len_utf8() - 1)));
            out.push(folded);
            kept_end = at + c.len_utf8();
        }
        original.push(if out.is_empty() { text.len() } else { kept_end });
        (out, original)
    }

    #[test]
    fn every_character_folding_changes_is_one_the_searches_stop_at() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(
                is_plain(c)
                    || c == ' '
                    || b"\t\n\x0b\x0c\r".contains(&lead)
                    || SPECIAL_LEADS.contains(&lead),
                "{c:?} ({:x})",
                u32::from(c)
            );
        }
    }

    #[test]
    fn runs_copied_whole_fold_as_characters_one_by_one() {
        let texts = [
            "plain words only",
            " lead and trail ",
            "a  b\t\tc\r\nd\u{a0}e\u{3000}f \u{3000} g",
            "\u{201c}quoted\u{201d} and \u{2018}single\u{2019} \u{ff02}x\u{ff02}",
            "银发经济 模速空间\n\n四位一体 \u{201c}人工智能\u{201d}",
            "control\u{1}char \u{7f}del \u{1c}sep",
            "x \u{201c}",
            "\u{201c} x",
            "",
            "   ",
            "é ü 1.5% 825\u{a0}billion",
            "a—b … c\u{2028}d\u{205f}e\u{ff07}f\u{ff08}g \u{1680}h\u{85}i ©",
        ];
        for text in texts {
            let folded = Folded::new(text);
            let (expected, original) = one_by_one(text);
            assert_eq!(folded.text, expected, "{text:?}");
            for (at, _) in folded.text.char_indices() {
                assert_eq!(folded.original(at), original[at], "{text:?} at {at}");
            }
            assert_eq!(
                folded.original(folded.text.len()),
                original[original.len() - 1],
                "{text:?} at the end"
            );
            match normalized(text) {
                Cow::Borrowed(same) => assert_eq!(same, expected, "{text:?} borrowed"),
                Cow::Owned(owned) => {
                    assert_eq!(owned, expected);
                    assert_ne!(owned, text, "{text:?} copied though folded already");
                }
            }
        }
    }

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
