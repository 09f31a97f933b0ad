//! A PDF's lines made back into paragraphs: running heads, footers and
//! page numbers dropped, lines broken at the page's width joined, and
//! words hyphenated at a line's end made whole.
//!
//! It works on lines with their place on the page (where they start and
//! end, their baseline, their type size), which is what tells a line that
//! ended because its paragraph did from one that ran out of room: the
//! first word of the next line would have fitted at the end of a short
//! one. A larger gap above a line, a change of type size, or a numbered
//! line after one that ends a sentence also start a paragraph.

use std::collections::{HashMap, HashSet};

use super::Note;
use super::encoding::is_cjk;

/// A line of text on a page, in PDF points, y growing downwards.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Line {
    pub text: String,
    /// Where the first character starts.
    pub x0: f32,
    /// Where the last character ends.
    pub x1: f32,
    /// The baseline.
    pub y: f32,
    /// The type size.
    pub size: f32,
}

/// A page's lines in reading order.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Page {
    pub lines: Vec<Line>,
}

/// How many lines at each end of a page are looked at for running heads,
/// footers and page numbers.
const EDGE_LINES: usize = 2;

/// The pages' text as paragraphs, one a line; see the module's
/// documentation.
pub(super) fn paragraphs(mut pages: Vec<Page>, notes: &mut Vec<Note>) -> String {
    drop_furniture(&mut pages, notes);
    let lines: Vec<(usize, Line)> = pages
        .into_iter()
        .enumerate()
        .flat_map(|(page, p)| p.lines.into_iter().map(move |l| (page, l)))
        .filter(|(_, l)| !l.text.trim().is_empty())
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let layout = Layout::of(lines.iter().map(|(_, l)| l));
    let vocabulary = Vocabulary::of(lines.iter().map(|(_, l)| l.text.as_str()));
    let mut out = String::new();
    let (mut joined, mut hyphens) = (0usize, 0usize);
    for (i, (page, line)) in lines.iter().enumerate() {
        let text = line.text.trim();
        let Some((previous_page, previous)) = i.checked_sub(1).map(|p| &lines[p]) else {
            out.push_str(text);
            continue;
        };
        if layout.breaks(previous, line, previous_page == page) {
            out.push('\n');
            out.push_str(text);
            continue;
        }
        joined += 1;
        if let Some(kept) = hyphenated(&out, text, &vocabulary) {
            hyphens += usize::from(!kept);
            if !kept {
                // The hyphen was the line's last character (and a soft
                // hyphen, if that is how it was written).
                out.pop();
            }
            out.push_str(text);
        } else {
            if needs_space(&out, text) {
                out.push(' ');
            }
            out.push_str(text);
        }
    }
    if joined > 0 {
        notes.push(Note::LinesJoined { count: joined });
    }
    if hyphens > 0 {
        notes.push(Note::HyphensJoined { count: hyphens });
    }
    out
}

/// The document's layout: its usual line spacing and right margin.
struct Layout {
    /// The usual distance between baselines, for each type size (rounded).
    spacing: HashMap<i32, f32>,
    /// The right edge of full lines: where most long lines end.
    right: f32,
    /// The left edge of most lines.
    left: f32,
}

impl Layout {
    fn of<'a>(lines: impl Iterator<Item = &'a Line> + Clone) -> Self {
        let mut gaps: HashMap<i32, Vec<f32>> = HashMap::new();
        let mut previous: Option<&Line> = None;
        for line in lines.clone() {
            if let Some(p) = previous {
                let gap = line.y - p.y;
                if gap > 0.0 && (line.size - p.size).abs() < 0.5 {
                    gaps.entry(size_key(line.size)).or_default().push(gap);
                }
            }
            previous = Some(line);
        }
        let spacing = gaps
            .into_iter()
            .map(|(size, mut g)| {
                g.sort_by(f32::total_cmp);
                // The smallest usual gap: lines within a paragraph.
                (size, g[g.len() / 4])
            })
            .collect();
        let mut rights: Vec<f32> = lines.clone().map(|l| l.x1).collect();
        rights.sort_by(f32::total_cmp);
        let mut lefts: Vec<f32> = lines.map(|l| l.x0).collect();
        lefts.sort_by(f32::total_cmp);
        Self {
            spacing,
            right: rights.get(rights.len() * 9 / 10).copied().unwrap_or(0.0),
            left: lefts.get(lefts.len() / 10).copied().unwrap_or(0.0),
        }
    }

    /// Whether `line` starts a new paragraph after `previous`.
    fn breaks(&self, previous: &Line, line: &Line, same_page: bool) -> bool {
        let size = previous.size.max(1.0);
        // A change of type size: a heading and its text.
        if (line.size - previous.size).abs() > previous.size * 0.15 {
            return true;
        }
        if same_page {
            let gap = line.y - previous.y;
            let usual = self
                .spacing
                .get(&size_key(line.size))
                .copied()
                .unwrap_or(size * 1.2);
            // A gap above the line: a paragraph's space before, or a line
            // that is not below the last at all (a new column or box).
            if gap > usual * 1.4 || gap < usual * 0.5 {
                return true;
            }
        }
        let text = previous.text.trim_end();
        let next = line.text.trim_start();
        // A short line, where the next line's first word would have fitted:
        // its paragraph ended.
        let first_word = next
            .chars()
            .take_while(|c| !c.is_whitespace())
            .take(if next.starts_with(is_cjk) { 1 } else { 40 })
            .count() as f32;
        let room = self.right - previous.x1;
        let char_width = (previous.x1 - previous.x0) / (text.chars().count().max(1) as f32);
        if room > (first_word + 1.0) * char_width.max(size * 0.3) && room > size * 1.5 {
            return true;
        }
        // A numbered line after one that ends a sentence.
        if ends_sentence(text) && starts_numbered(next) {
            return true;
        }
        // A line starting left of the text's margin while the one above
        // was indented is a new block; an indented line after a full one
        // that ends a sentence is a first line.
        line.x0 > self.left + size * 1.5
            && previous.x0 < line.x0 - size * 1.5
            && ends_sentence(text)
    }
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "Type sizes are a few hundred points at most."
)]
fn size_key(size: f32) -> i32 {
    // Sizes within half a point are one size.
    (size * 2.0).round() as i32
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with([
        '.', '。', ';', '；', ':', '：', ')', '）', '!', '！', '?', '？', '"', '”',
    ])
}

/// Whether a line starts with the number of a list item or heading as
/// plans print them: "1.", "(1)", "（一）", "一、", "I.", "第一章", "①".
pub(super) fn starts_numbered(text: &str) -> bool {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    match first {
        '(' | '（' => rest
            .find([')', '）'])
            .is_some_and(|end| end > 0 && end <= 12 && rest[..end].chars().all(is_numeral)),
        '①'..='⑳' | '⑴'..='⒇' | '⒈'..='⒛' => true,
        '第' => rest
            .chars()
            .take(4)
            .any(|c| matches!(c, '章' | '节' | '条' | '部')),
        c if is_numeral(c) => {
            let digits: String = text.chars().take_while(|&c| is_numeral(c)).collect();
            let mut after = text[digits.len()..].chars();
            digits.chars().count() <= 6
                && after
                    .next()
                    .is_some_and(|c| matches!(c, '.' | '．' | '、' | ')' | '）'))
                && !after.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '０'..='９' | 'Ⅰ'..='Ⅻ' | 'I' | 'V' | 'X')
        || "一二三四五六七八九十百零〇".contains(c)
}

/// The words of the document, to tell a line-end hyphen that is part of a
/// word ("AI-assisted") from one that only split it ("develop-ment").
struct Vocabulary {
    /// Words as printed, lower-cased: "ai-assisted", "development".
    words: HashSet<String>,
}

impl Vocabulary {
    fn of<'a>(lines: impl Iterator<Item = &'a str>) -> Self {
        let mut words = HashSet::new();
        let mut after_hyphen = false;
        for line in lines {
            let trimmed = line.trim();
            // The halves of a word hyphenated at a line's end are not
            // words: the last word of a line ending in a hyphen, and the
            // first of the line after it.
            let hyphen = trimmed.ends_with(['-', '\u{ad}', '\u{2010}']);
            let end = if hyphen {
                trimmed.rfind(char::is_whitespace).unwrap_or(0)
            } else {
                trimmed.len()
            };
            let start = if after_hyphen {
                trimmed.find(char::is_whitespace).unwrap_or(trimmed.len())
            } else {
                0
            };
            after_hyphen = hyphen;
            if start >= end {
                continue;
            }
            for word in trimmed[start..end].split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                let word = word.trim_matches('-');
                if !word.is_empty() {
                    words.insert(word.to_lowercase());
                }
            }
        }
        Self { words }
    }

    fn has(&self, word: &str) -> bool {
        self.words.contains(&word.to_lowercase())
    }
}

/// For a line ending in a hyphen after a letter, followed by a line
/// starting with a letter: `Some(true)` to keep the hyphen (a compound
/// broken at its hyphen), `Some(false)` to drop it (a word hyphenated to
/// fit). `None` when the line does not end so.
fn hyphenated(before: &str, next: &str, vocabulary: &Vocabulary) -> Option<bool> {
    let soft = before.ends_with('\u{ad}');
    let stem = before.strip_suffix(['-', '\u{ad}', '\u{2010}'])?;
    let head: String = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    if head.is_empty() || tail.is_empty() || head.chars().any(is_cjk) {
        return None;
    }
    if soft {
        return Some(false);
    }
    // A word already hyphenated before the break ("organ-on-a-") goes on
    // as a compound; and hyphenation leaves at least two letters on a
    // line, so a lone letter before the hyphen is a word of its own.
    let chained = stem[..stem.len() - head.len()].ends_with('-');
    if chained || head.chars().count() < 2 {
        return Some(true);
    }
    let compound = format!("{head}-{tail}");
    let whole = format!("{head}{tail}");
    Some(if vocabulary.has(&compound) {
        true
    } else if vocabulary.has(&whole) {
        false
    } else if tail.starts_with(char::is_uppercase) {
        // "Sino-\nAmerican", "AI-\nEnabled": a capital after the break is
        // a word of its own.
        true
    } else if compound_head(&head) && !is_suffix(&tail) {
        // "well-known", "high-quality", "long-term": a word that makes
        // compounds, then a word rather than a word's ending.
        true
    } else {
        // Both halves words of their own elsewhere ("brain", "computer"):
        // a compound; a fragment ("ment", "tion") is not a word.
        head.chars().count() > 1
            && tail.chars().count() > 2
            && vocabulary.has(&head)
            && vocabulary.has(&tail)
    })
}

/// Words that plans join to others with a hyphen, and that hyphenation
/// does not cut off a longer word (unlike "pre", "inter", "con").
fn compound_head(head: &str) -> bool {
    const HEADS: [&str; 28] = [
        "well", "high", "low", "long", "short", "large", "small", "self", "cross", "full", "real",
        "world", "first", "second", "third", "cutting", "state", "city", "top", "wide", "mid",
        "half", "all", "open", "end", "two", "three", "multi",
    ];
    HEADS.contains(&head.to_lowercase().as_str())
}

/// Endings hyphenation leaves on a line of their own ("high-est",
/// "well-ness"), which are not words.
fn is_suffix(tail: &str) -> bool {
    const SUFFIXES: [&str; 16] = [
        "ness", "ment", "est", "er", "ers", "ly", "ing", "ed", "ity", "tion", "sion", "ance",
        "ence", "ful", "less", "ship",
    ];
    SUFFIXES.contains(&tail.to_lowercase().as_str())
}

/// Whether two lines joined need a space between them: not where either
/// side is Chinese, and not after a dash or slash that joins.
fn needs_space(before: &str, next: &str) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), next.chars().next()) else {
        return false;
    };
    !(is_cjk(last) || is_cjk(first) || matches!(last, '/' | '—' | '–'))
}

/// Drops what pages repeat at their top and bottom (running heads,
/// footers, their page numbers) and lone page numbers there.
fn drop_furniture(pages: &mut [Page], notes: &mut Vec<Note>) {
    // How many pages have each line, with its digits masked, at their top
    // and at their bottom.
    let mut seen: [HashMap<String, usize>; 2] = [HashMap::new(), HashMap::new()];
    for page in pages.iter() {
        for (edge, counts) in seen.iter_mut().enumerate() {
            let on_page: HashSet<String> = edge_lines(&page.lines, edge == 1)
                .map(|l| masked(&l.text))
                .collect();
            for key in on_page {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let with_text = pages.iter().filter(|p| !p.lines.is_empty()).count();
    let repeated = |bottom: bool, key: &str| {
        let count = seen[usize::from(bottom)].get(key).copied().unwrap_or(0);
        with_text >= 2 && count * 2 > with_text && count >= 2
    };
    let mut dropped_lines: Vec<String> = Vec::new();
    let mut page_numbers = 0usize;
    for page in pages.iter_mut() {
        let n = page.lines.len();
        let mut keep = vec![true; n];
        for (i, line) in page.lines.iter().enumerate() {
            let (top, bottom) = (i < EDGE_LINES, i + EDGE_LINES >= n);
            if !top && !bottom {
                continue;
            }
            let key = masked(&line.text);
            if is_page_number(&line.text) {
                keep[i] = false;
                page_numbers += 1;
            } else if (top && repeated(false, &key)) || (bottom && repeated(true, &key)) {
                keep[i] = false;
                if is_page_number_phrase(&line.text) {
                    page_numbers += 1;
                } else if !dropped_lines.iter().any(|d| masked(d) == key) {
                    dropped_lines.push(line.text.trim().to_owned());
                }
            }
        }
        let mut flags = keep.into_iter();
        page.lines.retain(|_| flags.next().unwrap_or(true));
    }
    if !dropped_lines.is_empty() {
        notes.push(Note::RepeatedLinesDropped {
            lines: dropped_lines,
        });
    }
    if page_numbers > 0 {
        notes.push(Note::PageNumbersDropped {
            count: page_numbers,
        });
    }
}

/// A page's first lines, or its last.
fn edge_lines(lines: &[Line], bottom: bool) -> impl Iterator<Item = &Line> {
    let n = lines.len();
    let range = if bottom {
        n.saturating_sub(EDGE_LINES)..n
    } else {
        0..n.min(EDGE_LINES)
    };
    lines[range].iter()
}

/// A line with its digits masked and spaces squeezed, so "Page 3" and
/// "Page 4" are one line.
fn masked(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            word.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c }),
        );
    }
    out
}

/// A line that is only a page number: "3", "- 3 -", "— 3 —", "Page 3",
/// "Page 3 of 9", "3 / 9", "第 3 页", "第3页 共9页", "iv".
pub(super) fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '·' | ' '));
    if t.is_empty() {
        return false;
    }
    if t.chars().all(|c| c.is_ascii_digit()) {
        return t.len() <= 4;
    }
    if t.len() <= 6 && t.chars().all(|c| "ivxlc".contains(c)) {
        return true;
    }
    is_page_number_phrase(t)
}

/// "Page 3", "Page 3 of 9", "3 / 9", "第 3 页", "第3页 共9页", "- 3 -".
fn is_page_number_phrase(text: &str) -> bool {
    let squeezed: String = text
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '·' | ' '))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let masked: String = squeezed
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    let mut shape = String::new();
    for c in masked.chars() {
        if !(c == '#' && shape.ends_with('#')) {
            shape.push(c);
        }
    }
    matches!(
        shape.as_str(),
        "page#" | "page#of#" | "#/#" | "#of#" | "第#页" | "第#页共#页" | "共#页第#页" | "p.#" | "#"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of lines at 12 pt, 14 pt apart, from the left margin at 72,
    /// each `(text, right edge)`.
    fn page(lines: &[(&str, f32)]) -> Page {
        Page {
            lines: lines
                .iter()
                .enumerate()
                .map(|(i, (text, x1))| Line {
                    text: (*text).to_owned(),
                    x0: 72.0,
                    x1: *x1,
                    y: 72.0 + 14.0 * i as f32,
                    size: 12.0,
                })
                .collect(),
        }
    }

    #[test]
    fn lines_broken_at_the_width_are_joined_and_short_ones_end_paragraphs() {
        let pages = vec![page(&[
            ("The plan is to develop-", 520.0),
            ("ment of AI-assisted diagnosis in the brain-", 520.0),
            ("computer interface field, and the brain science and", 520.0),
            ("computer vision.", 200.0),
            ("1. Next paragraph starts here and runs to the", 520.0),
            ("end.", 100.0),
        ])];
        let mut notes = Vec::new();
        let text = paragraphs(pages, &mut notes);
        assert_eq!(
            text,
            "The plan is to development of AI-assisted diagnosis in the brain-computer interface field, \
             and the brain science and computer vision.\n1. Next paragraph starts here and runs to the end."
        );
        assert!(notes.contains(&Note::HyphensJoined { count: 1 }));
    }

    #[test]
    fn chinese_lines_join_without_spaces() {
        let pages = vec![page(&[
            (
                "（一）深化前沿基础研究。聚焦认知智能、强化学习等前沿领域拓展",
                520.0,
            ),
            ("人工智能研究布局。", 180.0),
            ("（二）推动算法突破。", 200.0),
        ])];
        let text = paragraphs(pages, &mut Vec::new());
        assert_eq!(
            text,
            "（一）深化前沿基础研究。聚焦认知智能、强化学习等前沿领域拓展人工智能研究布局。\n（二）推动算法突破。"
        );
    }

    #[test]
    fn running_heads_and_page_numbers_are_dropped() {
        let words = ["one", "two", "three"];
        let body = |n: usize| {
            let text = format!("Body text of page {} that runs to the", words[n - 1]);
            let end = format!("end of line {}.", words[n - 1]);
            let number = format!("- {n} -");
            page(&[
                ("Medical AI Working Plan", 300.0),
                (&text, 520.0),
                (&end, 200.0),
                (&number, 310.0),
            ])
        };
        let mut notes = Vec::new();
        let text = paragraphs((1..=3).map(body).collect(), &mut notes);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            [
                "Body text of page one that runs to the end of line one.",
                "Body text of page two that runs to the end of line two.",
                "Body text of page three that runs to the end of line three."
            ]
        );
        assert!(notes.contains(&Note::PageNumbersDropped { count: 3 }));
        assert!(notes.contains(&Note::RepeatedLinesDropped {
            lines: vec!["Medical AI Working Plan".to_owned()]
        }));
    }

    #[test]
    fn numbers_of_lists_and_pages() {
        for numbered in [
            "1. Text",
            "(3) Text",
            "（一）文本",
            "一、总体要求",
            "II. Title",
            "第二章 总则",
            "① 内容",
            "１２．内容",
        ] {
            assert!(starts_numbered(numbered), "{numbered}");
        }
        for not in ["2025 was", "1.5 billion", "(including", "Item"] {
            assert!(!starts_numbered(not), "{not}");
        }
        for number in [
            "3",
            "- 3 -",
            "— 12 —",
            "Page 3",
            "Page 3 of 9",
            "3 / 9",
            "第 3 页",
            "iv",
        ] {
            assert!(is_page_number(number), "{number}");
        }
        for not in ["2025年", "Page three", "I. Title", "100 million"] {
            assert!(!is_page_number(not), "{not}");
        }
    }
}
