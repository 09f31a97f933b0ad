//! The words after a figure: the noun a count counts, what a share is
//! of, the words after an amount's "in", and a Chinese noun after its
//! classifier.

use std::ops::Range;

use crate::import::figures::text::{is_han, is_word_char, skip_space, word_after, word_before};

/// Words that end the noun after a number.
const NOUN_STOP: &[&str] = &[
    "to",
    "in",
    "for",
    "by",
    "with",
    "that",
    "which",
    "who",
    "whose",
    "and",
    "or",
    "as",
    "from",
    "of",
    "on",
    "at",
    "per",
    "across",
    "through",
    "into",
    "under",
    "over",
    "than",
    "while",
    "during",
    "including",
    "such",
    "via",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "will",
    "would",
    "should",
    "can",
    "could",
    "has",
    "have",
    "had",
    "this",
    "these",
    "those",
    "its",
    "their",
    "each",
    "every",
    "between",
    "among",
    "within",
    "before",
    "after",
    "since",
    "until",
    "both",
    "but",
    "also",
    "so",
    "if",
    "when",
    "where",
    "not",
    "no",
    "the",
    "a",
    "an",
    "by",
    "reportedly",
    "respectively",
    "last",
    "next",
    "every",
];

/// Which words a phrase after a figure may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phrase {
    /// The noun a count counts, or an amount stands before: up to six
    /// words, "of" only inside a name ("Fund of Funds").
    Noun,
    /// What a share is of, after "of": a determiner first allowed.
    Of,
    /// The words after an amount's "in", "of" or "for": a determiner
    /// first, and "and" and "of" inside, allowed ("national and municipal
    /// AI fund capital").
    Tail,
}

/// The English phrase after `at`: words (a quoted phrase counts as one)
/// up to a word such as "to", "in" or "and", or punctuation. Returns its
/// range.
pub(super) fn noun_after(s: &str, at: usize) -> Option<Range<usize>> {
    phrase_after(s, at, Phrase::Noun)
}

/// See [`noun_after`].
pub(super) fn phrase_after(s: &str, at: usize, kind: Phrase) -> Option<Range<usize>> {
    let mut at = skip_space(s, at);
    let start = at;
    let mut end = at;
    let most = if kind == Phrase::Noun { 6 } else { 8 };
    let mut previous_capital = false;
    // The last word taken, for "take-off and landing sites", and whether
    // "and" joined it: the plural after it ends the noun.
    let mut previous_word = String::new();
    let mut joined = false;
    let mut head_reached = false;
    for count in 0..most {
        let rest = &s[at..];
        let Some(first) = rest.chars().next() else {
            break;
        };
        let word_end = if matches!(first, '“' | '"' | '‘') {
            let close = match first {
                '“' => '”',
                '‘' => '’',
                other => other,
            };
            let inner = &rest[first.len_utf8()..];
            let Some(len) = inner.find(close) else {
                break;
            };
            previous_capital = false;
            at + first.len_utf8() + len + close.len_utf8()
        } else {
            let len = rest
                .char_indices()
                .find(|&(_, c)| !(is_word_char(c) || is_han(c)))
                .map_or(rest.len(), |(i, _)| i);
            let word = rest[..len].trim_end_matches(['-', '\'', '’']);
            let lower = word.to_ascii_lowercase();
            let next_capital = word_after(s, at + word.len())
                .is_some_and(|(w, _)| w.starts_with(|c: char| c.is_ascii_uppercase()));
            // "three new parks opened last year": a verb after the noun.
            let verb = count > 0 && lower.ends_with("ed") && !lower.contains('-');
            let allowed = !verb
                && match lower.as_str() {
                    "the" | "its" | "their" | "a" | "an" => kind != Phrase::Noun && count == 0,
                    "and" => {
                        count > 0
                            && (kind == Phrase::Tail
                                || (kind == Phrase::Noun
                                    && !is_plural(&previous_word)
                                    && plural_within(s, at + word.len(), 3)))
                    }
                    "of" => {
                        count > 0 && (kind == Phrase::Tail || (previous_capital && next_capital))
                    }
                    other => !NOUN_STOP.contains(&other),
                };
            // The first word is a word, or a name such as "5G", not a
            // number.
            let first_fits = word.starts_with(|c: char| c.is_alphabetic())
                || (word.contains(|c: char| c.is_ascii_alphabetic()) && !word.contains('-'));
            // Nor is any later word a bare number: that is the next
            // figure ("three pioneering industries made up 33.4% of GDP"
            // took "33" into the noun, and the 33.4% was never read).
            let number = word.chars().all(|c| c.is_ascii_digit() || c == ',');
            if word.is_empty() || !allowed || (end == start && !first_fits) || number {
                break;
            }
            previous_capital = word.starts_with(|c: char| c.is_ascii_uppercase());
            if kind == Phrase::Noun && lower == "and" {
                joined = true;
            } else if joined && is_plural(&lower) {
                head_reached = true;
            }
            previous_word = lower;
            at + word.len()
        };
        end = word_end;
        let next = &s[end..];
        if head_reached
            || !(next.starts_with(' ') && next[1..].starts_with(|c: char| !c.is_whitespace()))
        {
            break;
        }
        at = end + 1;
    }
    // A phrase does not end on "and" or "of".
    let mut range = start..end;
    while let Some((word_start, word)) = word_before(s, range.end)
        && word_start >= range.start
        && matches!(word.to_ascii_lowercase().as_str(), "and" | "of" | "the")
    {
        range.end = s[..word_start].trim_end().len();
    }
    (range.end > range.start).then_some(range)
}

/// Whether an English word looks plural: "sites", "centers", not
/// "business" or "its".
fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

/// Whether a plural noun comes within `most` words after `at`, each a
/// word a noun may hold: "and landing sites" joins "take-off" to the noun
/// it shares, where "and 20 institutes" or "and will" do not.
fn plural_within(s: &str, at: usize, most: usize) -> bool {
    let mut at = at;
    for _ in 0..most {
        let Some((word, end)) = word_after(s, at) else {
            return false;
        };
        let lower = word.to_ascii_lowercase();
        if NOUN_STOP.contains(&lower.as_str()) || !word.starts_with(|c: char| c.is_alphabetic()) {
            return false;
        }
        if is_plural(&lower) {
            return true;
        }
        at = end;
    }
    false
}

/// The Chinese noun after a classifier: Chinese characters and Latin
/// letters up to punctuation, "等", "和", "与", "及", "的", "各" or "每",
/// or digits after a Chinese character (the next figure: "产业集群1个"),
/// at most twenty characters.
pub(super) fn zh_noun_after(s: &str, at: usize) -> Option<Range<usize>> {
    let mut end = at;
    let mut previous: Option<char> = None;
    for (count, (i, c)) in s[at..].char_indices().enumerate() {
        let stop = ends_zh_noun(c)
            || matches!(c, '各' | '每')
            || (c.is_ascii_digit() && previous.is_some_and(is_han))
            || count >= 20;
        if stop {
            break;
        }
        previous = Some(c);
        end = at + i + c.len_utf8();
    }
    (end > at).then_some(at..end)
}

/// Whether `c` ends a Chinese noun, after it or before it: punctuation
/// or a space, or a conjunction or particle (等, 和, 与, 及, 的, 或).
fn ends_zh_noun(c: char) -> bool {
    !(is_han(c) || c.is_ascii_alphanumeric() || c == '-')
        || matches!(c, '等' | '和' | '与' | '及' | '的' | '或')
}

/// Verbs a Chinese count's noun follows ("建成起降点超过150个", "开通航线
/// 不少于50条"): the noun starts after the last of them.
const ZH_VERBS: &[&str] = &[
    "建成", "建设", "新建", "开通", "培育", "新增", "打造", "形成", "引进", "建立", "布局", "集聚",
    "实现", "推出", "推动", "支持", "覆盖", "开展", "设立", "认定", "发展", "吸引", "培养", "落地",
    "部署", "创建", "招引", "孵化", "制定", "完成", "服务", "改造", "投用", "累计", "拥有",
];

/// Words between a Chinese count's noun and its number ("起降点数量达到
/// 150个"), not part of the noun.
const ZH_LINKS: &[&str] = &["达到", "达", "为", "共", "累计"];

/// The Chinese noun before a number whose classifier ends the clause
/// ("建成起降点超过150个", where `at` is the qualifier's start): the
/// Chinese characters and Latin letters back to punctuation or a
/// conjunction, at most twelve, after the last verb and before any
/// linking word; at least two characters.
pub(super) fn zh_noun_before(s: &str, at: usize) -> Option<Range<usize>> {
    let mut start = at;
    for (count, (i, c)) in s[..at].char_indices().rev().enumerate() {
        let stop = ends_zh_noun(c) || c == '在' || count >= 12;
        if stop {
            break;
        }
        start = i;
    }
    let mut end = at;
    while let Some(link) = ZH_LINKS.iter().find(|l| s[start..end].ends_with(**l)) {
        end -= link.len();
    }
    if let Some(verb_end) = ZH_VERBS
        .iter()
        .filter_map(|v| s[start..end].rfind(v).map(|i| start + i + v.len()))
        .max()
    {
        start = verb_end;
    }
    (s[start..end].chars().count() >= 2).then_some(start..end)
}
