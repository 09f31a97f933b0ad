//! The numbers in a sentence, as printed: digits (ASCII or full-width,
//! with thousands separators and decimals), English number words ("five",
//! "twenty-five", "a hundred", "two thousand"), fractions ("one-third",
//! "two-thirds", "half"), Chinese numerals ("五", "十五", "一百", "两千")
//! and the Chinese classes "百亿级", "千亿级", "万亿级". What each number is
//! (a figure, a year, a document number) is `read`'s question.

use std::ops::Range;

use super::text::is_word_char;

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// Digits: `plain` when they have no separator and no decimals (as a
    /// year has).
    Digits {
        /// No thousands separator, no decimal point.
        plain: bool,
        /// How many digits before any decimal point.
        whole_digits: usize,
    },
    /// English number words.
    Words,
    /// A fraction in words; its value is the fraction (0.333…).
    Fraction,
    /// Chinese numerals.
    Chinese,
    /// "千亿级": of the class of at least this many yuan.
    ChineseClass,
}

/// A number as printed.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Number {
    /// Where it is, in bytes of the text it was found in.
    pub range: Range<usize>,
    /// Its value.
    pub value: f64,
    /// How it is written.
    pub form: Form,
}

/// The value of an ASCII or full-width digit.
pub(super) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The numbers of `s`, in order.
pub(super) fn numbers(s: &str) -> Vec<Number> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < s.len() {
        let Some(c) = s[at..].chars().next() else {
            break;
        };
        let prev = s[..at].chars().next_back();
        let found = if digit(c).is_some() {
            digits(s, at)
        } else if c.is_ascii_alphabetic() && !prev.is_some_and(is_word_char) {
            words(s, at)
        } else if chinese_start(c) && prev.and_then(digit).is_none() {
            chinese(s, at)
        } else {
            None
        };
        match found {
            Some(number) => {
                at = number.range.end;
                out.push(number);
            }
            None => {
                // Past the whole Latin word, so no number is read from its
                // middle.
                at += if c.is_ascii_alphabetic() {
                    s[at..]
                        .find(|ch: char| !ch.is_ascii_alphanumeric())
                        .unwrap_or(s.len() - at)
                } else if chinese_start(c) {
                    // Past the whole run of numerals ("十四五" is a name).
                    s[at..]
                        .find(|ch: char| !(chinese_start(ch) || chinese_digit(ch).is_some()))
                        .unwrap_or(s.len() - at)
                } else {
                    c.len_utf8()
                };
            }
        }
    }
    out
}

/// Digits from `at`: "15", "1,000", "5.39", "１２".
fn digits(s: &str, at: usize) -> Option<Number> {
    let mut whole = String::new();
    let mut fraction = String::new();
    let mut end = at;
    let mut grouped = false;
    let mut in_fraction = false;
    for (i, c) in s[at..].char_indices() {
        if let Some(d) = digit(c) {
            let target = if in_fraction {
                &mut fraction
            } else {
                &mut whole
            };
            target.push(char::from_digit(d, 10).unwrap_or('0'));
            end = at + i + c.len_utf8();
            continue;
        }
        // A separator followed by exactly three digits; a decimal point
        // followed by a digit.
        let rest = &s[at + i + c.len_utf8()..];
        let digits_after = rest.chars().take_while(|&d| digit(d).is_some()).count();
        if c == ',' && !in_fraction && !whole.is_empty() && digits_after == 3 {
            grouped = true;
            continue;
        }
        if matches!(c, '.' | '．') && !in_fraction && digits_after > 0 {
            in_fraction = true;
            continue;
        }
        break;
    }
    let text = if fraction.is_empty() {
        whole.clone()
    } else {
        format!("{whole}.{fraction}")
    };
    let value: f64 = text.parse().ok()?;
    Some(Number {
        range: at..end,
        value,
        form: Form::Digits {
            plain: !grouped && fraction.is_empty(),
            whole_digits: whole.len(),
        },
    })
}

/// The English number words: units, teens, tens.
fn word_value(word: &str) -> Option<u32> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = word.to_ascii_lowercase();
    if let Some(v) = SMALL.iter().position(|w| *w == lower) {
        return u32::try_from(v).ok();
    }
    if let Some(t) = TENS.iter().position(|w| *w == lower) {
        return u32::try_from(t * 10 + 20).ok();
    }
    // "twenty-five"
    let (tens, unit) = lower.split_once('-')?;
    let t = TENS.iter().position(|w| *w == tens)?;
    let u = SMALL[1..10].iter().position(|w| *w == unit)?;
    u32::try_from(t * 10 + 20 + u + 1).ok()
}

/// Fractions in words, with their value.
const FRACTIONS: &[(&str, f64)] = &[
    ("one-third", 1.0 / 3.0),
    ("one third", 1.0 / 3.0),
    ("a third", 1.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("two thirds", 2.0 / 3.0),
    ("one-quarter", 0.25),
    ("three-quarters", 0.75),
    ("one-fifth", 0.2),
    ("one fifth", 0.2),
    ("a fifth", 0.2),
    ("two-fifths", 0.4),
    ("one-half", 0.5),
    ("one half", 0.5),
    ("half", 0.5),
];

/// The Latin word at `at` and where it ends.
fn latin_word(s: &str, at: usize) -> (&str, usize) {
    let rest = &s[at..];
    let len = rest
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .unwrap_or(rest.len());
    let word = rest[..len].trim_end_matches('-');
    (word, at + word.len())
}

/// Number words from `at`: "five", "twenty-five", "a hundred", "two
/// thousand", "one-third".
fn words(s: &str, at: usize) -> Option<Number> {
    for (phrase, value) in FRACTIONS {
        if super::text::starts_with_word(s, at, phrase) {
            return Some(Number {
                range: at..at + phrase.len(),
                value: *value,
                form: Form::Fraction,
            });
        }
    }
    let (word, mut end) = latin_word(s, at);
    let lower = word.to_ascii_lowercase();
    let mut value = if lower == "a" || lower == "an" {
        // "a hundred", "a thousand", "a dozen" only.
        let next = super::text::skip_space(s, end);
        let (scale, scale_end) = latin_word(s, next);
        let v = match scale.to_ascii_lowercase().as_str() {
            "hundred" => 100,
            "thousand" => 1_000,
            "dozen" => 12,
            _ => return None,
        };
        end = scale_end;
        v
    } else {
        word_value(word)?
    };
    // "five hundred", "two thousand", "twenty thousand".
    for (scale, times) in [("hundred", 100), ("thousand", 1_000)] {
        let next = super::text::skip_space(s, end);
        let (w, w_end) = latin_word(s, next);
        if w.eq_ignore_ascii_case(scale) && value < 1_000 {
            value *= times;
            end = w_end;
        }
    }
    Some(Number {
        range: at..end,
        value: f64::from(value),
        form: Form::Words,
    })
}

/// Whether a Chinese numeral can start at `c` ("百", "千", "万" and "亿"
/// only follow another numeral, but for the classes "千亿级").
fn chinese_start(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '两'
            | '百'
            | '千'
            | '万'
    )
}

/// The value of a Chinese digit.
fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Chinese numerals from `at` ("十五", "一百", "两千"), or a class
/// ("千亿级"). Two digits in a row ("十四五") are a name, not a number.
fn chinese(s: &str, at: usize) -> Option<Number> {
    for (class, value) in [("百亿级", 1e10), ("千亿级", 1e11), ("万亿级", 1e12)] {
        if s[at..].starts_with(class) {
            return Some(Number {
                range: at..at + class.len(),
                value,
                form: Form::ChineseClass,
            });
        }
    }
    let (mut total, mut section, mut number) = (0u64, 0u64, 0u64);
    let mut last_digit = false;
    let mut end = at;
    let mut any_digit = false;
    for (i, c) in s[at..].char_indices() {
        if let Some(d) = chinese_digit(c) {
            if last_digit && !(number == 0 && d != 0) {
                return None;
            }
            number = d;
            last_digit = true;
            any_digit = true;
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1_000,
                _ => break,
            };
            if i == 0 && unit != 10 {
                return None;
            }
            section += if number == 0 { 1 } else { number } * unit;
            number = 0;
            last_digit = false;
            any_digit = true;
        }
        end = at + i + c.len_utf8();
    }
    total += section + number;
    (any_digit && end > at).then_some(Number {
        range: at..end,
        value: total as f64,
        form: Form::Chinese,
    })
}

#[cfg(test)]
mod tests {
    use super::{Form, numbers};

    fn values(s: &str) -> Vec<(String, f64)> {
        numbers(s)
            .into_iter()
            .map(|n| (s[n.range].to_owned(), n.value))
            .collect()
    }

    #[test]
    fn digits_words_fractions_and_numerals() {
        assert_eq!(
            values("5.39 trillion, 100,000-yuan, １２％ and 2026-2030"),
            [
                ("5.39".to_owned(), 5.39),
                ("100,000".to_owned(), 100_000.0),
                ("１２".to_owned(), 12.0),
                ("2026".to_owned(), 2026.0),
                ("2030".to_owned(), 2030.0)
            ]
        );
        assert_eq!(
            values("about a hundred core components, twenty-five parks, five hundred firms"),
            [
                ("a hundred".to_owned(), 100.0),
                ("twenty-five".to_owned(), 25.0),
                ("five hundred".to_owned(), 500.0)
            ]
        );
        let third = numbers("over one-third of returnees");
        assert_eq!(third.len(), 1);
        assert_eq!(third[0].form, Form::Fraction);
        assert_eq!(
            values("培育十五个、一百项、两千家，“十四五”，千亿级集群"),
            [
                ("十五".to_owned(), 15.0),
                ("一百".to_owned(), 100.0),
                ("两千".to_owned(), 2000.0),
                ("千亿级".to_owned(), 1e11)
            ]
        );
        assert!(values("someone, often, done").is_empty());
    }
}
