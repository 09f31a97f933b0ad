//! The document's text as the figure reader walks it: sentences and their
//! clauses as byte ranges, and the words either side of a place. Nothing
//! here knows what a number is.

use std::ops::Range;

/// Words whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "No", "no", "NO", "Mr", "Mrs", "Ms", "Dr", "St", "Co", "Ltd", "Inc", "vs", "etc", "e.g", "i.e",
    "U.S", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Prof", "Gov", "Fig", "approx", "Art", "Vol", "pp",
];

/// The sentences of `text`, each a trimmed byte range: a line break ends
/// one, and so do "。", "！", "？", and ".", "!" or "?" before white space
/// (not after an abbreviation such as "No." or an initial, nor after a
/// paragraph's own number such as "1.").
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<Range<usize>>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        let stop = match c {
            '\n' | '。' | '！' | '？' => true,
            '.' | '!' | '?' => {
                let next = chars.peek().map(|&(_, n)| n);
                next.is_none_or(char::is_whitespace) && !no_stop_before(&text[start..at])
            }
            _ => false,
        };
        if stop {
            // Closing quotation marks and brackets stay with their sentence.
            let mut to = end;
            while let Some(&(i, n)) = chars.peek() {
                if matches!(n, '”' | '’' | '"' | '\'' | ')' | '）' | '」' | '』') {
                    to = i + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            push(start, to, &mut out);
            start = to;
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// Whether a full stop after `before` (the sentence so far) is part of an
/// abbreviation, an initial or a paragraph's number rather than the end.
fn no_stop_before(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '（')
        .next()
        .unwrap_or_default();
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // An initial ("J.") or a number or numeral opening the paragraph ("1.",
    // "II.").
    let single_capital = word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase());
    let opening_number = before.len() <= 12
        && before.trim() == word
        && !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'));
    single_capital || opening_number
}

/// The clauses of the sentence `sentence` (a range of `text`): pieces
/// between commas, semicolons and colons followed by white space (so
/// "10,000" stays whole), the Chinese "，；：、", and dashes set apart by
/// spaces or the long dash "—".
pub(super) fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[sentence.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    // Commas inside brackets ("(integrated circuits, biomedicine, and
    // AI)") part no clauses.
    let mut depth = 0usize;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        // A comma before a closing quotation mark: “around 5%,” building.
        let after_quote = s[at + c.len_utf8()..]
            .strip_prefix(['”', '’', '"', '\''])
            .is_some_and(|rest| rest.starts_with(char::is_whitespace));
        let boundary = match c {
            '，' | '；' | '：' | '、' | '—' => true,
            ',' | ';' | ':' => next.is_none_or(char::is_whitespace) || after_quote,
            '–' | '-' => s[..at].ends_with(' ') && next.is_none_or(char::is_whitespace) && at > 0,
            _ => false,
        };
        if boundary {
            out.push(sentence.start + start..sentence.start + at);
            start = at + c.len_utf8();
        }
    }
    out.push(sentence.start + start..sentence.end);
    out
}

/// Whether `c` belongs to a Latin word: letters, digits, and the hyphens
/// and apostrophes inside words.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '\'' | '’')
}

/// Whether `c` is a Chinese character (the unified ideographs).
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The Latin word ending at `at` (white space before `at` skipped), with
/// where it starts; `None` when something else comes first.
pub(super) fn word_before(s: &str, at: usize) -> Option<(usize, &str)> {
    let head = s[..at].trim_end_matches([' ', '\u{a0}', '\t']);
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some((start, &head[start..]))
}

/// The Latin word starting at `at` (white space skipped), with where it
/// ends.
pub(super) fn word_after(s: &str, at: usize) -> Option<(&str, usize)> {
    let rest = &s[at..];
    let lead = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\t']).len();
    let rest = &rest[lead..];
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    let word = rest[..len].trim_end_matches(['-', '\'', '’']);
    (!word.is_empty()).then(|| (word, at + lead + word.len()))
}

/// The `n` Latin words before `at`, lower-cased, nearest last.
pub(super) fn words_before(s: &str, at: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = at;
    while out.len() < n {
        let Some((start, word)) = word_before(s, at) else {
            break;
        };
        out.push(word.to_ascii_lowercase());
        at = start;
    }
    out.reverse();
    out
}

/// Whether `s[at..]` starts with `phrase`, ASCII case ignored, at the end
/// of a word (what follows is no letter or digit).
pub(super) fn starts_with_word(s: &str, at: usize, phrase: &str) -> bool {
    let rest = s.get(at..).unwrap_or_default();
    rest.len() >= phrase.len()
        && rest.is_char_boundary(phrase.len())
        && rest[..phrase.len()].eq_ignore_ascii_case(phrase)
        && !rest[phrase.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Whether `s[..at]` ends with `phrase`, ASCII case ignored, at the start
/// of a word, with only white space between.
pub(super) fn ends_with_word(s: &str, at: usize, phrase: &str) -> Option<usize> {
    let head = s[..at].trim_end_matches([' ', '\u{a0}', '\t']);
    if head.len() < phrase.len() || !head.is_char_boundary(head.len() - phrase.len()) {
        return None;
    }
    let start = head.len() - phrase.len();
    let fits = head[start..].eq_ignore_ascii_case(phrase)
        && !head[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    fits.then_some(start)
}

/// `at` moved past white space.
pub(super) fn skip_space(s: &str, at: usize) -> usize {
    let rest = &s[at..];
    at + rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\t']).len()
}

/// At most `n` characters of `s` before `at`.
pub(super) fn chars_before(s: &str, at: usize, n: usize) -> &str {
    let head = &s[..at];
    let start = head
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(at, |(i, _)| i);
    &head[start..]
}

#[cfg(test)]
mod tests {
    use super::{clauses, sentences, word_after, word_before};

    fn pieces(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].to_owned()).collect()
    }

    #[test]
    fn sentences_end_at_stops_but_not_at_numbers_or_abbreviations() {
        let text = "GDP grew 5.5 percent. See Hu Fu Ban Fa [2023] No. 8 for more.\n1. Market access. 到2027年，培育10家企业。产业规模达到1000亿元";
        assert_eq!(
            pieces(text, &sentences(text)),
            [
                "GDP grew 5.5 percent.",
                "See Hu Fu Ban Fa [2023] No. 8 for more.",
                "1. Market access.",
                "到2027年，培育10家企业。",
                "产业规模达到1000亿元"
            ]
        );
    }

    #[test]
    fn clauses_keep_grouped_digits_and_ranges() {
        let text = "600 units per 10,000 workers, in 2024 — 0.3 points; (2021-25)，研发";
        assert_eq!(
            pieces(text, &clauses(text, 0..text.len())),
            [
                "600 units per 10,000 workers",
                " in 2024 ",
                " 0.3 points",
                " (2021-25)",
                "研发"
            ]
        );
    }

    #[test]
    fn words_either_side() {
        let s = "cost per  100 yuan";
        assert_eq!(word_before(s, 10), Some((5, "per")));
        assert_eq!(word_after(s, 13), Some(("yuan", 18)));
    }
}
