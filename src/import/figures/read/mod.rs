//! What each number of a sentence is: a figure (with its unit, its
//! qualifier, the noun it counts, the dollars printed beside it), a year
//! or period, or none of these (a document number, a date, a name such as
//! "6G" or "2+(3+6)", a denominator such as "per 10,000 people", a length
//! of time, an age, a paragraph's own number).

mod figure;
mod phrase;

use std::ops::Range;

use super::numbers::{Form, Number, numbers};
use super::text::{ends_with_word, skip_space, starts_with_word, word_after, word_before};
use super::{FigureUnit, Qualifier};
use figure::{CLASSIFIERS, figure};

/// How a year is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YearCue {
    /// "in 2024", "2024年", "a 2026 target": the year a value is for.
    In,
    /// "by 2027", "到2027年", "至2030年", "by the end of 2027": a deadline.
    By,
    /// "as of 2035": a deadline for a target, a date for a fact.
    AsOf,
    /// "(2026-2030)": a period; the year is its last.
    Period,
    /// "compared with 2020", "than 2020", "比2020年": a base year, never
    /// the year of a figure.
    Base,
}

/// A year the sentence names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct YearMention {
    /// The year's words, with the preposition before ("by 2030").
    pub range: Range<usize>,
    /// The year (a period's last).
    pub year: i32,
    /// How it is named.
    pub cue: YearCue,
}

/// A number read as a figure.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Reading {
    /// The figure's words: qualifier, number, unit, the noun counted, the
    /// other currency's amount in brackets.
    pub core: Range<usize>,
    /// The number itself.
    pub number: Range<usize>,
    /// The value in `unit` (yuan amounts in yuan, fractions in percent).
    pub value: f64,
    /// The unit; a percentage is `Percent` until its clause says growth.
    pub unit: FigureUnit,
    /// "about", "over", "nearly"…
    pub qualifier: Option<Qualifier>,
    /// The noun a count counts, or that an amount written as an adjective
    /// ("a 15-billion-yuan fund") stands before.
    pub noun: Option<Range<usize>>,
    /// The words after an amount's "in", "of" or "for" ("in social
    /// capital").
    pub tail: Option<Range<usize>>,
    /// The same amount in US dollars as printed beside it, and where.
    pub dollars: Option<(f64, Range<usize>)>,
    /// Written as an adjective: "a 15-billion-yuan fund", "25
    /// 100-billion-yuan sub-sectors".
    pub adjective: bool,
    /// A count after "the", "its" or "their": a group the text names ("the
    /// three pioneering industries"), not a figure.
    pub definite: bool,
}

/// What a number is.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Role {
    /// Not a figure or a year.
    Skip,
    /// A year or a period.
    Year(YearMention),
    /// A figure.
    Figure(Reading),
}

/// Qualifiers written before a number, longest first within a word.
const QUALIFIERS_BEFORE: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::Over),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("in excess of", Qualifier::Over),
    ("upwards of", Qualifier::Over),
    ("no more than", Qualifier::AtMost),
    ("not more than", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("less than", Qualifier::AtMost),
    ("fewer than", Qualifier::AtMost),
    ("close to", Qualifier::Nearly),
    ("approximately", Qualifier::About),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("over", Qualifier::Over),
    ("above", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("surpassed", Qualifier::Over),
    ("surpass", Qualifier::Over),
    ("surpasses", Qualifier::Over),
    ("exceed", Qualifier::Over),
    ("exceeds", Qualifier::Over),
    ("surpassing", Qualifier::Over),
    ("exceeded", Qualifier::Over),
    ("topped", Qualifier::Over),
];

/// Chinese qualifiers before a number.
const ZH_QUALIFIERS_BEFORE: &[(&str, Qualifier)] = &[
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("大约", Qualifier::About),
    ("接近", Qualifier::Nearly),
    ("将近", Qualifier::Nearly),
    ("超过", Qualifier::Over),
    ("突破", Qualifier::Over),
    ("至少", Qualifier::AtLeast),
    ("最多", Qualifier::AtMost),
    ("最高", Qualifier::AtMost),
    ("约", Qualifier::About),
    ("近", Qualifier::Nearly),
    ("逾", Qualifier::Over),
];

/// Chinese qualifiers after a number, its unit or its classifier.
const ZH_QUALIFIERS_AFTER: &[(&str, Qualifier)] = &[
    ("左右", Qualifier::About),
    ("上下", Qualifier::About),
    ("以上", Qualifier::AtLeast),
    ("以内", Qualifier::AtMost),
    ("以下", Qualifier::AtMost),
];

/// Qualifiers after an English figure.
const QUALIFIERS_AFTER: &[(&str, Qualifier)] = &[
    ("or more", Qualifier::AtLeast),
    ("or above", Qualifier::AtLeast),
    ("and above", Qualifier::AtLeast),
    ("or so", Qualifier::About),
];

/// Every number of the sentence `s` with what it is, in order. A number
/// inside a figure read before it (the "10,000" of "600 units per 10,000
/// workers", the dollars in "(US$69.79 billion)") is part of that figure.
pub(super) fn read_sentence(s: &str) -> Vec<Role> {
    let found = numbers(s);
    let mut out = Vec::new();
    let mut covered = 0;
    for (i, n) in found.iter().enumerate() {
        if n.range.start < covered {
            continue;
        }
        let (role, end) = read(s, &found, i);
        covered = end.max(n.range.end);
        out.push(role);
    }
    out
}

/// The character before `at` and the one at `at`.
fn neighbours(s: &str, range: &Range<usize>) -> (Option<char>, Option<char>) {
    (
        s[..range.start].chars().next_back(),
        s[range.end..].chars().next(),
    )
}

/// What the number `found[i]` is, and where what it covers ends.
fn read(s: &str, found: &[Number], i: usize) -> (Role, usize) {
    let n = &found[i];
    let skip = (Role::Skip, n.range.end);
    if not_a_figure(s, n) {
        return skip;
    }
    if let Some((mention, end)) = year(s, found, i) {
        return (Role::Year(mention), end);
    }
    match figure(s, n) {
        Some(reading) => {
            let end = reading.core.end;
            (Role::Figure(reading), end)
        }
        None => skip,
    }
}

/// Numbers that are parts of names, document numbers, dates, times, ages,
/// denominators or a paragraph's own numbering.
fn not_a_figure(s: &str, n: &Number) -> bool {
    let (prev, next) = neighbours(s, &n.range);
    let digits = matches!(n.form, Form::Digits { .. });
    let before = &s[..n.range.start];
    let after = &s[n.range.end..];
    // Glued to Latin letters ("6G", "15th", "M0"), or to "+" in a name
    // ("2+(3+6)").
    let glued = digits
        && (prev.is_some_and(|c| c.is_ascii_alphabetic())
            || next.is_some_and(|c| c.is_ascii_alphabetic())
                && !(after.starts_with("bn") || after.starts_with("tn")));
    let plus = prev == Some('+') || next == Some('+');
    // "COVID-19", "Su-27": a name's number after a hyphen.
    let named = prev == Some('-')
        && s[..n.range.start - 1]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphabetic());
    // "Line 14", "Article 5", "Phase 2": a number that names.
    let titled = word_before(s, n.range.start).is_some_and(|(_, w)| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "line"
                | "article"
                | "chapter"
                | "section"
                | "phase"
                | "item"
                | "level"
                | "grade"
                | "class"
                | "room"
                | "route"
                | "page"
                | "figure"
                | "table"
                | "annex"
                | "appendix"
                | "version"
                | "stage"
                | "batch"
        )
    });
    // "No. 8", "No.3", "第一", "21号", "[2023]", "〔2024〕".
    let document_number = before.trim_end().ends_with("No.")
        || ends_with_word(s, n.range.start, "No").is_some()
        || before.ends_with('第')
        || after.starts_with('号')
        || (matches!(prev, Some('[' | '〔' | '［' | '【'))
            && matches!(next, Some(']' | '〕' | '］' | '】')));
    // "1)", "(1)", and a sentence's opening "1." or "1、".
    let opening = before.trim().is_empty()
        && (after.starts_with(". ") || after.starts_with('、') || after.starts_with('．'));
    let enumerator = (next == Some(')') && !before.trim_end().ends_with('('))
        || (matches!(prev, Some('(' | '（'))
            && matches!(next, Some(')' | '）'))
            && n.value < 100.0)
        || opening;
    // "per 10,000 people", "每万人", "台/万人".
    let denominator = ["per", "every", "each"]
        .iter()
        .any(|w| ends_with_word(s, n.range.start, w).is_some())
        || before.ends_with('每')
        || prev == Some('/');
    // "February 7, 2026", "7 February"; "11月", "23日".
    let date = word_before(s, n.range.start).is_some_and(|(_, w)| is_month(w))
        || word_after(s, n.range.end).is_some_and(|(w, _)| is_month(w)) && !is_year_number(n)
        || (digits && (after.starts_with('月') || after.starts_with('日')));
    // "aged 60", "60 years old".
    let age = word_before(s, n.range.start)
        .is_some_and(|(_, w)| matches!(w.to_ascii_lowercase().as_str(), "aged" | "age" | "ages"));
    // "five-year", "two-way", "one-time", "3-year": a number joined to a
    // word that is not its scale or currency.
    let hyphenated = next == Some('-')
        && !is_year_number(n)
        && word_after(s, n.range.end + 1).is_none_or(|(w, _)| {
            !matches!(
                w.split('-')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase()
                    .as_str(),
                "billion" | "trillion" | "million" | "thousand" | "yuan" | "percent"
            )
        });
    glued
        || plus
        || named
        || titled
        || document_number
        || enumerator
        || denominator
        || date
        || age
        || hyphenated
}

/// Whether `word` names a month.
fn is_month(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    crate::import::MONTHS
        .iter()
        .any(|m| *m == lower || (lower.len() == 3 && m.starts_with(&lower) && lower != "may"))
}

/// Four plain digits that can be a year.
fn is_year_number(n: &Number) -> bool {
    matches!(
        n.form,
        Form::Digits {
            plain: true,
            whole_digits: 4
        }
    ) && (1949.0..=2100.0).contains(&n.value)
}

/// A year or a period, with where it ends.
fn year(s: &str, found: &[Number], i: usize) -> Option<(YearMention, usize)> {
    let n = &found[i];
    if !is_year_number(n) {
        return None;
    }
    let after = &s[n.range.end..];
    // A year is never followed by a unit or a qualifier's numbers: "2000
    // yuan", "2000家".
    if after.starts_with(['%', '％', '元', '亿', '万'])
        || CLASSIFIERS.iter().any(|&c| after.starts_with(c))
        || word_after(s, n.range.end).is_some_and(|(w, _)| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "yuan" | "percent" | "billion" | "million" | "trillion" | "dollars"
            )
        })
    {
        return None;
    }
    // A qualifier before a year-like number makes it a count: "about
    // 2000 firms".
    if qualifier_before(s, n.range.start).is_some() {
        return None;
    }
    let year = whole(n.value);
    // A period: "2026-2030", "2021-25", "2025—2027年", "2026至2030年".
    let dash = after
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '–' | '—' | '~' | '至' | '到'));
    if let Some(dash) = dash
        && let Some(next) = found.get(i + 1)
        && next.range.start == n.range.end + dash.len_utf8()
        && matches!(
            next.form,
            Form::Digits {
                plain: true,
                whole_digits: 2 | 4
            }
        )
    {
        let end_year = if next.value < 100.0 {
            year / 100 * 100 + whole(next.value)
        } else {
            whole(next.value)
        };
        if end_year > year && end_year - year <= 30 {
            let mut end = next.range.end;
            if s[end..].starts_with('年') {
                end += '年'.len_utf8();
            }
            // The brackets around a period are part of it.
            let start = s[..n.range.start]
                .char_indices()
                .next_back()
                .filter(|&(_, c)| matches!(c, '(' | '（'))
                .map_or(n.range.start, |(i, _)| i);
            let close = s[end..].chars().next().filter(|c| matches!(c, ')' | '）'));
            let end = end + close.map_or(0, char::len_utf8);
            return Some((
                YearMention {
                    range: start..end,
                    year: end_year,
                    cue: YearCue::Period,
                },
                end,
            ));
        }
    }
    let mut end = n.range.end;
    if after.starts_with('年') {
        end += '年'.len_utf8();
        if s[end..].starts_with("底") || s[end..].starts_with("末") {
            end += "底".len();
        }
    }
    let (start, cue) = year_cue(s, n.range.start);
    Some((
        YearMention {
            range: start..end,
            year,
            cue,
        },
        end,
    ))
}

/// A whole number of at most four plain digits as an `i32`.
#[expect(
    clippy::cast_possible_truncation,
    reason = "called only on plain digits of at most four, so the value is a small whole number"
)]
fn whole(value: f64) -> i32 {
    value as i32
}

/// The preposition before a year, and where it starts.
fn year_cue(s: &str, at: usize) -> (usize, YearCue) {
    for zh in ["比", "较"] {
        if s[..at].ends_with(zh) {
            return (at - zh.len(), YearCue::Base);
        }
    }
    for zh in ["到", "至", "截至"] {
        if s[..at].ends_with(zh) {
            let cue = if zh == "截至" {
                YearCue::AsOf
            } else {
                YearCue::By
            };
            return (at - zh.len(), cue);
        }
    }
    for (phrase, cue) in [
        ("by the end of", YearCue::By),
        ("by end-", YearCue::By),
        ("by", YearCue::By),
        ("until", YearCue::By),
        ("till", YearCue::By),
        ("before", YearCue::By),
        ("as of", YearCue::AsOf),
        ("compared with", YearCue::Base),
        ("compared to", YearCue::Base),
        ("relative to", YearCue::Base),
        ("than", YearCue::Base),
        ("from", YearCue::Base),
        ("in", YearCue::In),
        ("for", YearCue::In),
        ("of", YearCue::In),
    ] {
        if let Some(start) = ends_with_word(s, at, phrase) {
            return (start, cue);
        }
    }
    (at, YearCue::In)
}

/// The qualifier written before `at` (quotation marks and spaces
/// between allowed), and where it starts.
pub(super) fn qualifier_before(s: &str, at: usize) -> Option<(Qualifier, usize)> {
    let head = s[..at].trim_end_matches([' ', '\u{a0}', '“', '"', '‘', '\'']);
    for (zh, q) in ZH_QUALIFIERS_BEFORE {
        if head.ends_with(zh) {
            return Some((*q, head.len() - zh.len()));
        }
    }
    QUALIFIERS_BEFORE
        .iter()
        .find_map(|(phrase, q)| ends_with_word(head, head.len(), phrase).map(|start| (*q, start)))
}

/// The qualifier written after `at`, and where it ends.
pub(super) fn qualifier_after(s: &str, at: usize) -> Option<(Qualifier, usize)> {
    for (zh, q) in ZH_QUALIFIERS_AFTER {
        if s[at..].starts_with(zh) {
            return Some((*q, at + zh.len()));
        }
    }
    let from = skip_space(s, at);
    QUALIFIERS_AFTER.iter().find_map(|(phrase, q)| {
        starts_with_word(s, from, phrase).then_some((*q, from + phrase.len()))
    })
}

#[cfg(test)]
mod tests;
