//! A number read as a figure: an amount (its scale, its currency, the
//! dollars in brackets beside it), a percentage or percentage points, a
//! density per 10,000 workers, a share written as a fraction, or a count
//! of the noun after it.

use std::ops::Range;

use super::phrase::{Phrase, noun_after, phrase_after, zh_noun_after, zh_noun_before};
use super::{Reading, qualifier_after, qualifier_before};
use crate::import::figures::FigureUnit;
use crate::import::figures::Qualifier;
use crate::import::figures::numbers::{Form, Number, numbers};
use crate::import::figures::text::{
    chars_before, is_han, skip_space, starts_with_word, word_after, word_before,
};

/// Words after a number that make it a length of time, an age or a
/// measure the dataset has no unit for.
const NOT_COUNTED: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "day",
    "days",
    "week",
    "weeks",
    "hour",
    "hours",
    "minute",
    "minutes",
    "min",
    "mins",
    "second",
    "seconds",
    "decade",
    "decades",
    "quarter",
    "quarters",
    "time",
    "times",
    "o'clock",
    "am",
    "pm",
    "percent",
    "per",
    "cent",
    "point",
    "points",
    "km",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "square",
    "sq",
    "hectares",
    "mu",
    "tons",
    "tonnes",
    "gw",
    "mw",
    "kw",
    "kwh",
    "gb",
    "tb",
    "degrees",
    "storeys",
    "floors",
    "stories",
    "pages",
    "yuan",
    "dollars",
    "rmb",
    "usd",
    "billion",
    "million",
    "trillion",
    "thousand",
    "hundred",
    "of",
    "or",
    "and",
    "to",
    "in",
    "by",
    "at",
    "on",
    "for",
    "is",
    "are",
    "was",
    "were",
    "will",
    "has",
    "have",
    "had",
    "the",
    "a",
    "an",
];

/// Nouns that count parts of the text itself ("four advantages", "three
/// aspects"), not things a reader would chart.
const ENUMERATION_HEADS: &[&str] = &[
    "advantages",
    "aspects",
    "respects",
    "ways",
    "dimensions",
    "directions",
    "principles",
    "pillars",
    "priorities",
    "types",
    "kinds",
    "categories",
    "characteristics",
    "features",
    "steps",
    "stages",
    "phases",
    "levels",
    "sides",
    "prongs",
    "elements",
    "requirements",
    "mechanisms",
];

/// Chinese classifiers that make a number a count of the noun after.
pub(super) const CLASSIFIERS: &[char] = &[
    '个', '家', '项', '座', '条', '所', '台', '件', '款', '名', '位', '种', '批', '处', '支', '套',
    '户', '张', '部', '只', '艘', '架', '辆', '栋', '间', '片', '场', '人', '家', '类',
];

/// Chinese characters after a number that make it a length of time, an
/// age, a multiple, an ordinal or a date.
const ZH_NOT_COUNTED: &[char] = &[
    '年', '月', '日', '天', '周', '岁', '倍', '届', '期', '次', '号', '时', '分', '秒', '层', '级',
    '代', '轮',
];

/// A currency printed before `at` ("US$", "$", "RMB", "¥"), and where it
/// starts.
fn currency_before(s: &str, at: usize) -> Option<(FigureUnit, usize)> {
    let head = s[..at].trim_end_matches(' ');
    for (sign, unit) in [
        ("US$", FigureUnit::UsDollars),
        ("USD", FigureUnit::UsDollars),
        ("$", FigureUnit::UsDollars),
        ("RMB", FigureUnit::Yuan),
        ("CNY", FigureUnit::Yuan),
        ("¥", FigureUnit::Yuan),
        ("￥", FigureUnit::Yuan),
    ] {
        if head.ends_with(sign) {
            // A sign glued to the number, or a code with one space.
            let spaced = head.len() < at;
            if spaced && sign.chars().all(|c| !c.is_ascii_alphabetic()) {
                continue;
            }
            return Some((unit, head.len() - sign.len()));
        }
    }
    None
}

/// The scale after a number ("billion", "bn", "亿", "万亿"), with its
/// multiplier and where it ends.
fn scale_after(s: &str, at: usize, n: &Number) -> Option<(f64, usize)> {
    let rest = &s[at..];
    for (zh, times) in [
        ("万亿", 1e12),
        ("千亿", 1e11),
        ("百亿", 1e10),
        ("亿", 1e8),
        ("千万", 1e7),
        ("百万", 1e6),
        ("万", 1e4),
    ] {
        if rest.starts_with(zh) {
            return Some((times, at + zh.len()));
        }
    }
    if matches!(n.form, Form::Digits { .. }) {
        for (glued, times) in [("bn", 1e9), ("tn", 1e12)] {
            if starts_with_word(s, at, glued) {
                return Some((times, at + glued.len()));
            }
        }
    }
    let from = if rest.starts_with('-') {
        at + 1
    } else {
        skip_space(s, at)
    };
    for (word, times) in [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("million", 1e6),
        ("thousand", 1e3),
    ] {
        if starts_with_word(s, from, word) {
            return Some((times, from + word.len()));
        }
    }
    None
}

/// A currency after a number and its scale ("yuan", "元", "-yuan", "US
/// dollars"), and where it ends, and whether it is joined by a hyphen.
fn currency_after(s: &str, at: usize) -> Option<(FigureUnit, usize, bool)> {
    let rest = &s[at..];
    if rest.starts_with('元') {
        return Some((FigureUnit::Yuan, at + '元'.len_utf8(), false));
    }
    if rest.starts_with("美元") {
        return Some((FigureUnit::UsDollars, at + "美元".len(), false));
    }
    let (from, hyphen) = if rest.starts_with('-') {
        (at + 1, true)
    } else {
        (skip_space(s, at), false)
    };
    for (word, unit) in [
        ("yuan", FigureUnit::Yuan),
        ("RMB", FigureUnit::Yuan),
        ("renminbi", FigureUnit::Yuan),
        ("US dollars", FigureUnit::UsDollars),
        ("dollars", FigureUnit::UsDollars),
        ("USD", FigureUnit::UsDollars),
    ] {
        if starts_with_word(s, from, word) {
            return Some((unit, from + word.len(), hyphen));
        }
    }
    None
}

/// A percent sign or word after a number, or percentage points, and
/// where it ends.
fn percent_after(s: &str, at: usize) -> Option<(FigureUnit, usize)> {
    let rest = &s[at..];
    for sign in ["%", "％"] {
        if rest.starts_with(sign) {
            return Some((FigureUnit::Percent, at + sign.len()));
        }
    }
    for zh in ["个百分点", "百分点"] {
        if rest.starts_with(zh) {
            return Some((FigureUnit::PercentagePoints, at + zh.len()));
        }
    }
    let from = if rest.starts_with('-') {
        at + 1
    } else {
        skip_space(s, at)
    };
    for (word, unit) in [
        ("percentage points", FigureUnit::PercentagePoints),
        ("percentage point", FigureUnit::PercentagePoints),
        ("percent", FigureUnit::Percent),
        ("per cent", FigureUnit::Percent),
    ] {
        if starts_with_word(s, from, word) {
            return Some((unit, from + word.len()));
        }
    }
    None
}

/// "units per 10,000 workers" after a number: the density's end.
fn per_10k_workers_after(s: &str, at: usize) -> Option<usize> {
    let mut from = at;
    // At most two words before "per": "units", "industrial robots".
    for _ in 0..3 {
        let next = skip_space(s, from);
        if starts_with_word(s, next, "per") {
            let after_per = skip_space(s, next + 3);
            let rest = &s[after_per..];
            let ten_thousand = ["10,000", "10 000", "10000", "ten thousand"]
                .into_iter()
                .find(|t| rest.starts_with(t))?;
            let mut end = after_per + ten_thousand.len();
            for _ in 0..2 {
                let (word, word_end) = word_after(s, end)?;
                end = word_end;
                if matches!(
                    word.to_ascii_lowercase().as_str(),
                    "workers" | "employees" | "worker" | "employee"
                ) {
                    return Some(end);
                }
            }
            return None;
        }
        let (_, word_end) = word_after(s, next)?;
        from = word_end;
    }
    None
}

/// The dollars printed in brackets after a yuan amount: "(US$69.79
/// billion)", "($760 billion)", "（约100亿美元）". Returns the amount and
/// where the brackets end.
fn dollars_after(s: &str, at: usize) -> Option<(f64, Range<usize>)> {
    let open = skip_space(s, at);
    let rest = &s[open..];
    let opener = rest.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let inner_start = open + opener.len_utf8();
    let close = rest.find([')', '）'])?;
    let inner_end = open + close;
    let inner = &s[inner_start..inner_end];
    let found = numbers(inner);
    let n = found.first()?;
    let n = Number {
        range: n.range.start + inner_start..n.range.end + inner_start,
        value: n.value,
        form: n.form,
    };
    let reading = amount(s, &n)?;
    if reading.unit != FigureUnit::UsDollars || reading.core.end > inner_end {
        return None;
    }
    let end = inner_end + s[inner_end..].chars().next().map_or(0, char::len_utf8);
    Some((reading.value, open..end))
}

/// `value` times a power of ten, as its decimal digits say it ("4.07"
/// trillion is 4070000000000, not 4070000000000.0005).
fn scaled(value: f64, times: f64) -> f64 {
    let exponent = times.log10().round();
    format!("{value}e{exponent}")
        .parse()
        .unwrap_or(value * times)
}

/// The dollars after ", or about": "RMB 2.3 billion, or about US$320
/// million". Returns the amount and where it ends.
fn dollars_as_or(s: &str, at: usize) -> Option<(f64, Range<usize>)> {
    let rest = s[at..].strip_prefix(", or ")?;
    let mut from = at + ", or ".len();
    for word in ["about ", "around ", "roughly ", "some "] {
        if rest.starts_with(word) {
            from += word.len();
        }
    }
    let found = numbers(&s[from..s.floor_char_boundary(from + 40)]);
    let n = found.first()?;
    let n = Number {
        range: n.range.start + from..n.range.end + from,
        value: n.value,
        form: n.form,
    };
    let reading = amount(s, &n)?;
    (reading.unit == FigureUnit::UsDollars && reading.core.start <= from + 4)
        .then_some((reading.value, at..reading.core.end))
}

/// The number `n` as an amount of money, if a currency is printed with it.
fn amount(s: &str, n: &Number) -> Option<Reading> {
    let mut start = n.range.start;
    let mut value = n.value;
    let mut end = n.range.end;
    let mut qualifier = None;
    // "100多亿元", "100余万元".
    if let Some(more) = ["多", "余"].iter().find(|m| s[end..].starts_with(**m)) {
        qualifier = Some(Qualifier::Over);
        end += more.len();
    }
    if let Some((times, scale_end)) = scale_after(s, end, n) {
        value = scaled(value, times);
        end = scale_end;
    }
    let before = currency_before(s, n.range.start);
    let after = currency_after(s, end);
    let (unit, hyphen) = match (before, after) {
        (_, Some((unit, currency_end, hyphen))) => {
            end = currency_end;
            (unit, hyphen)
        }
        (Some((unit, sign_start)), None) => {
            start = sign_start;
            (unit, false)
        }
        (None, None) => return None,
    };
    if let Some((unit_before, sign_start)) = before
        && unit_before == unit
    {
        start = sign_start;
    }
    Some(Reading {
        core: start..end,
        number: n.range.clone(),
        value,
        unit,
        qualifier,
        noun: None,
        tail: None,
        dollars: None,
        adjective: hyphen,
        definite: false,
    })
}

/// The number `n` as a figure: an amount, a percentage, percentage
/// points, a density per 10,000 workers, or a count of a noun.
pub(super) fn figure(s: &str, n: &Number) -> Option<Reading> {
    let mut reading = match n.form {
        Form::Fraction => fraction(s, n)?,
        Form::ChineseClass => class(s, n),
        _ => amount(s, n)
            .map(|r| amount_context(s, r))
            .or_else(|| percentage(s, n))
            .or_else(|| density(s, n))
            .or_else(|| count(s, n))?,
    };
    // "3 to 5 industrial bases", "10%-15%": at most the larger.
    if let Some(start) = range_start(s, reading.core.start, reading.unit) {
        reading.qualifier = Some(Qualifier::AtMost);
        reading.core.start = start;
    }
    // The qualifier before the number (or its currency sign), or after.
    if reading.qualifier.is_none()
        && let Some((q, start)) = qualifier_before(s, reading.core.start)
    {
        reading.qualifier = Some(q);
        reading.core.start = start;
    }
    if reading.qualifier.is_none()
        && let Some((q, end)) = qualifier_after(s, reading.core.end)
    {
        reading.qualifier = Some(q);
        reading.core.end = end;
    }
    // "算力约占全国的10%": 约 before the verb qualifies the figure after it.
    if reading.qualifier.is_none() && zh_about_before_verb(s, reading.core.start) {
        reading.qualifier = Some(Qualifier::About);
    }
    Some(reading)
}

/// Whether the clause before `at` says "about" before its verb: 约占,
/// 约为, 约达, 大约占 (at most twelve characters back).
fn zh_about_before_verb(s: &str, at: usize) -> bool {
    let head = chars_before(s, at, 12);
    let clause = head
        .rfind(['，', '。', '；', '：', ',', ';'])
        .map_or(head, |i| &head[i..]);
    ["约占", "约为", "约达"].iter().any(|w| clause.contains(w))
}

/// Where a range "3 to 5", "10%-15%", "3至5" starts, when the number at
/// `at` is its end ("from 40% to 45%" is a change, not a range).
fn range_start(s: &str, at: usize, unit: FigureUnit) -> Option<usize> {
    let head = s[..at].trim_end_matches(' ');
    let before_joint = if let Some(rest) = head
        .strip_suffix(" to")
        .or_else(|| head.strip_suffix('-'))
        .or_else(|| head.strip_suffix('–'))
        .or_else(|| head.strip_suffix('~'))
        .or_else(|| head.strip_suffix('至'))
        .or_else(|| head.strip_suffix('到'))
    {
        let rest = rest.trim_end_matches(' ');
        // A count's range is of plain numbers, a percentage's of
        // percentages.
        let percent = rest.ends_with(['%', '％']);
        let fits = match unit {
            FigureUnit::Count => !percent,
            FigureUnit::Percent => percent,
            _ => false,
        };
        if !fits {
            return None;
        }
        rest.trim_end_matches(['%', '％'])
    } else {
        return None;
    };
    let tail = chars_before(before_joint, before_joint.len(), 24);
    let offset = before_joint.len() - tail.len();
    let last = numbers(tail).pop()?;
    if last.range.end + offset != before_joint.len() {
        return None;
    }
    let start = offset + last.range.start;
    let from = word_before(s, start).is_some_and(|(_, w)| w.eq_ignore_ascii_case("from"));
    (!from).then_some(start)
}

/// "one-third of", "half of": a share in percent.
fn fraction(s: &str, n: &Number) -> Option<Reading> {
    let (of, of_end) = word_after(s, n.range.end)?;
    let ordinal_before = word_before(s, n.range.start).is_some_and(|(_, w)| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "first"
                | "second"
                | "third"
                | "last"
                | "past"
                | "next"
                | "the"
                | "each"
                | "every"
                | "per"
        )
    });
    if !of.eq_ignore_ascii_case("of") || ordinal_before {
        return None;
    }
    let noun = phrase_after(s, of_end, Phrase::Of);
    Some(Reading {
        core: n.range.start..noun.as_ref().map_or(of_end, |r| r.end),
        number: n.range.clone(),
        value: (n.value * 1000.0).round() / 10.0,
        unit: FigureUnit::Percent,
        qualifier: None,
        noun,
        tail: None,
        dollars: None,
        adjective: false,
        definite: false,
    })
}

/// "千亿级": at least so many yuan, unless a count of such things comes
/// before ("3个千亿级产业集群", read as the count).
fn class(s: &str, n: &Number) -> Reading {
    let after = &s[n.range.end..];
    let noun = zh_noun_after(s, n.range.end);
    Reading {
        core: n.range.start..noun.as_ref().map_or(n.range.end, |r| r.end),
        number: n.range.clone(),
        value: n.value,
        unit: FigureUnit::Yuan,
        qualifier: Some(Qualifier::AtLeast),
        noun,
        tail: None,
        dollars: None,
        adjective: !after.is_empty() && after.starts_with(is_han),
        definite: false,
    }
}

/// An amount's noun (when written as an adjective), the words after its
/// "in", "of" or "for", and the dollars in brackets after it.
fn amount_context(s: &str, mut r: Reading) -> Reading {
    if r.unit == FigureUnit::Yuan
        && let Some((dollars, range)) =
            dollars_after(s, r.core.end).or_else(|| dollars_as_or(s, r.core.end))
    {
        r.dollars = Some((dollars, range.clone()));
        r.core.end = range.end;
    }
    if r.adjective {
        r.noun = noun_after(s, r.core.end);
        if let Some(noun) = &r.noun {
            r.core.end = noun.end;
        }
    } else if let Some((word, end)) = word_after(s, r.core.end)
        && matches!(word.to_ascii_lowercase().as_str(), "in" | "of" | "for")
    {
        r.tail = phrase_after(s, end, Phrase::Tail);
    } else if r.core.end < s.len() && s[r.core.end..].starts_with(is_han) {
        // "100亿元的未来产业基金": the noun after "的".
        let from = r.core.end
            + s[r.core.end..]
                .strip_prefix('的')
                .map_or(0, |_| '的'.len_utf8());
        r.tail = zh_noun_after(s, from);
    }
    r
}

/// A percentage ("5.4%", "8.5 percent", "百分之十", "１２％") or percentage
/// points.
fn percentage(s: &str, n: &Number) -> Option<Reading> {
    // "五成": five tenths.
    let tenths = s[n.range.end..].starts_with('成') && n.value <= 10.0;
    let (unit, end) = percent_after(s, n.range.end)
        .or_else(|| {
            s[..n.range.start]
                .ends_with("百分之")
                .then_some((FigureUnit::Percent, n.range.end))
        })
        .or_else(|| tenths.then_some((FigureUnit::Percent, n.range.end + '成'.len_utf8())))?;
    let value = if tenths { n.value * 10.0 } else { n.value };
    let start = if s[..n.range.start].ends_with("百分之") {
        n.range.start - "百分之".len()
    } else {
        n.range.start
    };
    // "10% of the nation's computing power": what it is a share of.
    let noun = if tenths {
        zh_noun_after(s, end)
    } else {
        word_after(s, end)
            .filter(|(w, _)| w.eq_ignore_ascii_case("of"))
            .and_then(|(_, of_end)| phrase_after(s, of_end, Phrase::Of))
    };
    Some(Reading {
        core: start..noun.as_ref().map_or(end, |n| n.end),
        number: n.range.clone(),
        value,
        unit,
        qualifier: None,
        noun,
        tail: None,
        dollars: None,
        adjective: false,
        definite: false,
    })
}

/// "600 units per 10,000 workers", "每万名工人600台".
fn density(s: &str, n: &Number) -> Option<Reading> {
    let zh = [
        "每万名工人",
        "每万名产业工人",
        "每万名制造业工人",
        "每万名职工",
        "每万名员工",
    ]
    .into_iter()
    .find(|w| s[..n.range.start].ends_with(w));
    let (start, end) = if let Some(zh) = zh {
        let after = s[n.range.end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '台' | '套'));
        (
            n.range.start - zh.len(),
            n.range.end + after.map_or(0, char::len_utf8),
        )
    } else {
        (n.range.start, per_10k_workers_after(s, n.range.end)?)
    };
    Some(Reading {
        core: start..end,
        number: n.range.clone(),
        value: n.value,
        unit: FigureUnit::Per10kWorkers,
        qualifier: None,
        noun: None,
        tail: None,
        dollars: None,
        adjective: false,
        definite: false,
    })
}

/// A count and its noun: "about 15 innovation centers", "a hundred
/// high-end products", "10家以上领军企业", "五个", "10万名".
fn count(s: &str, n: &Number) -> Option<Reading> {
    // "1.5 million people": a count with its scale.
    let english_scale = scale_after(s, n.range.end, n).filter(|(_, end)| {
        s[n.range.end..*end]
            .trim_start_matches([' ', '-'])
            .starts_with(|c: char| c.is_ascii_alphabetic())
    });
    let (value, noun_from) = match english_scale {
        Some((times, end)) => (scaled(n.value, times), end),
        None => (n.value, n.range.end),
    };
    if value < 1.0 || value.fract() != 0.0 {
        return None;
    }
    let after = &s[n.range.end..];
    let han_next = after.chars().next().is_some_and(is_han);
    let mut value = value;
    let mut qualifier = None;
    // The noun, and the figure's words: from the number, or from the noun
    // where it comes first.
    let (noun, core) = if han_next || matches!(n.form, Form::Chinese) {
        zh_count(s, n, &mut value, &mut qualifier)?
    } else {
        if value < 2.0 {
            return None;
        }
        let noun = noun_after(s, noun_from)?;
        // "30 beds per 10,000 people": a rate the dataset has no unit for.
        if word_after(s, noun.end).is_some_and(|(w, _)| w.eq_ignore_ascii_case("per")) {
            return None;
        }
        let words: Vec<String> = s[noun.clone()]
            .split(' ')
            .map(str::to_ascii_lowercase)
            .collect();
        let first = words.first()?;
        let head = words.last()?;
        if NOT_COUNTED.contains(&first.as_str()) || ENUMERATION_HEADS.contains(&head.as_str()) {
            return None;
        }
        let core = n.range.start..noun.end;
        (noun, core)
    };
    let definite = word_before(s, n.range.start).is_some_and(|(_, w)| {
        let w = w.to_ascii_lowercase();
        matches!(
            w.as_str(),
            "the" | "its" | "their" | "these" | "those" | "our" | "his" | "her" | "top"
        ) || w.ends_with("'s")
            || w.ends_with("’s")
    });
    Some(Reading {
        core,
        number: n.range.clone(),
        value,
        unit: FigureUnit::Count,
        qualifier,
        noun: Some(noun),
        tail: None,
        dollars: None,
        adjective: false,
        definite,
    })
}

/// A Chinese count: its noun and the figure's words, with `value`
/// scaled by 万, 千 or 百 and `qualifier` set from 多, 余, 以上 or a
/// qualifier between the noun and the number. The noun comes after the
/// classifier ("10家以上领军企业"), or, where the classifier ends the
/// clause, before the number ("建成起降点超过150个", "产业集群1个",
/// "年飞行架次超过10万"). One is a count only in digits with its noun
/// before: "一个", "一批" say "a", "a number of".
fn zh_count(
    s: &str,
    n: &Number,
    value: &mut f64,
    qualifier: &mut Option<Qualifier>,
) -> Option<(Range<usize>, Range<usize>)> {
    let mut at = n.range.end;
    if let Some(more) = ["多", "余"].iter().find(|m| s[at..].starts_with(**m)) {
        *qualifier = Some(Qualifier::Over);
        at += more.len();
    }
    let mut scaled_by_word = false;
    for (zh, times) in [("万", 1e4), ("千", 1e3), ("百", 1e2)] {
        if s[at..].starts_with(zh) && matches!(n.form, Form::Digits { .. }) {
            *value = scaled(*value, times);
            at += zh.len();
            scaled_by_word = true;
        }
    }
    let clause_ends = |at: usize| {
        s[at..]
            .chars()
            .next()
            .is_none_or(|c| !(is_han(c) || c.is_ascii_alphanumeric()))
    };
    // The noun before the number (and a qualifier between them).
    let noun_before = || {
        let (before, head_end) = qualifier_before(s, n.range.start)
            .map_or((None, n.range.start), |(q, head_end)| (Some(q), head_end));
        Some((zh_noun_before(s, head_end)?, before))
    };
    let digits = matches!(n.form, Form::Digits { .. });
    // "年飞行架次超过10万": the scale ends the clause, the noun before.
    if scaled_by_word && clause_ends(at) {
        let (noun, before) = noun_before()?;
        *qualifier = qualifier.or(before);
        let core = noun.start..at;
        return Some((noun, core));
    }
    let c = s[at..].chars().next()?;
    if ZH_NOT_COUNTED.contains(&c) || !CLASSIFIERS.contains(&c) {
        return None;
    }
    at += c.len_utf8();
    if let Some((q, end)) = qualifier_after(s, at) {
        *qualifier = Some(q);
        at = end;
    }
    if clause_ends(at)
        && (digits || *value >= 2.0)
        && let Some((noun, before)) = noun_before()
    {
        *qualifier = qualifier.or(before);
        let core = noun.start..at;
        return Some((noun, core));
    }
    // "一批", "一个": "a number of", not a count.
    if *value < 2.0 {
        return None;
    }
    let noun = zh_noun_after(s, at).or_else(|| (c == '人').then(|| at - c.len_utf8()..at))?;
    // "四位一体": a name, not four of anything; "五个新城各建成十个起降点":
    // each of the five builds ten, the five are where, not what.
    if s[noun.clone()].starts_with(|ch: char| "一二三四五六七八九十两".contains(ch))
        || s[noun.end..].starts_with(['各', '每'])
    {
        return None;
    }
    let core = n.range.start..noun.end;
    Some((noun, core))
}
