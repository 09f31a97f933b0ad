//! Guesses from a figure's wording: a share or a growth rate, target,
//! actual or estimate, a fund and its level, and the words that say what
//! is measured. Every guess is the editor's to correct; none changes the
//! value, unit or year read from the quote.

use std::ops::Range;

use super::read::{Reading, YearCue, YearMention};
use super::text::{chars_before, is_han, word_after, word_before, words_before};
use super::{FigureUnit, FundGuess};
use crate::dataset::{FundLevel, Status};
use crate::import::to_json::DocLang;

/// A figure read earlier in the sentence.
pub(super) struct Earlier {
    /// Its unit.
    pub unit: FigureUnit,
    /// What it measures.
    pub metric: String,
    /// Its words.
    pub core: Range<usize>,
}

/// A sentence as the guesses read it.
pub(super) struct Sentence<'a> {
    /// Its text.
    pub s: &'a str,
    /// Its clauses, in its bytes.
    pub clauses: &'a [Range<usize>],
    /// The document's language.
    pub lang: DocLang,
    /// The year of the date printed at the document's head, if any.
    pub document_year: Option<i32>,
}

impl Sentence<'_> {
    /// The clause holding `at`, or the whole sentence.
    /// At most [`WINDOW`] bytes either side of `at`, so a figure in a
    /// long clause costs no more than one in a short one.
    fn clause(&self, at: usize) -> Range<usize> {
        let i = self.clauses.partition_point(|c| c.end <= at);
        let clause = self
            .clauses
            .get(i)
            .filter(|c| c.start <= at)
            .cloned()
            .unwrap_or(0..self.s.len());
        within(self.s, clause, at)
    }
}

/// The most bytes the guesses read either side of a figure.
pub(super) const WINDOW: usize = 400;

/// `range` cut to at most [`WINDOW`] bytes either side of `at`, at word
/// boundaries.
pub(super) fn within(s: &str, range: Range<usize>, at: usize) -> Range<usize> {
    let mut start = range.start.max(at.saturating_sub(WINDOW));
    let mut end = range.end.min(at.saturating_add(WINDOW)).min(s.len());
    while !s.is_char_boundary(start) {
        start += 1;
    }
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    if start > range.start {
        // Not from the middle of a word.
        start = s[start..end]
            .find(char::is_whitespace)
            .map_or(start, |i| start + i);
    }
    start..end.max(start)
}

/// The year of a date printed near the head of the document ("February
/// 7, 2026", "March 07, 2025", "2024-11-23", "2024年11月23日").
pub(super) fn document_year(text: &str) -> Option<i32> {
    for line in text.lines().take(20) {
        for (at, _) in line.match_indices(|c: char| c.is_ascii_digit()) {
            if line[..at].ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let digits = line[at..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(&line[at..], |len| &line[at..at + len]);
            let Some(year) = digits.parse::<i32>().ok().filter(|_| digits.len() == 4) else {
                continue;
            };
            let after = &line[at + 4..];
            let dated = (after.starts_with('-')
                && after[1..].starts_with(|c: char| c.is_ascii_digit()))
                || (after.starts_with('年') && after.contains('月'))
                || has_month(chars_before(line, at, 16));
            if dated && (1949..=2100).contains(&year) {
                return Some(year);
            }
        }
    }
    None
}

/// Whether `text` names a month.
fn has_month(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    crate::import::MONTHS.iter().any(|m| lower.contains(m))
}

/// Words that make an amount a fund.
const FUND_WORDS: &[&str] = &[
    "fund",
    "funds",
    "funding",
    "subsidy",
    "subsidies",
    "grant",
    "grants",
    "capital",
    "award",
    "awards",
];

/// Chinese words that make an amount a fund.
const ZH_FUND_WORDS: &[&str] = &["基金", "资金", "补贴", "补助", "奖励", "资助", "奖补"];

/// Whether the amount is money set aside: a fund, capital, a subsidy, by
/// the words printed with it or just before it.
pub(super) fn is_fund(s: &str, r: &Reading) -> bool {
    if !matches!(r.unit, FigureUnit::Yuan | FigureUnit::UsDollars) {
        return false;
    }
    let mut words: Vec<String> = Vec::new();
    for range in [&r.noun, &r.tail].into_iter().flatten() {
        words.extend(s[range.clone()].split(' ').map(str::to_ascii_lowercase));
    }
    words.extend(words_before(s, r.core.start, 3));
    let zh_before = chars_before(s, r.core.start, 8);
    words.iter().any(|w| FUND_WORDS.contains(&w.as_str()))
        || ZH_FUND_WORDS.iter().any(|w| {
            zh_before.contains(w)
                || [&r.noun, &r.tail]
                    .into_iter()
                    .flatten()
                    .any(|t| s[t.clone()].contains(w))
        })
}

/// A percentage is a share unless its clause speaks of growth.
pub(super) fn percent_unit(sentence: &Sentence<'_>, r: &Reading) -> FigureUnit {
    if r.unit != FigureUnit::Percent || r.noun.is_some() {
        return r.unit;
    }
    let clause = &sentence.s[sentence.clause(r.number.start)];
    let lower = clause.to_ascii_lowercase();
    let share = [
        "share",
        "proportion",
        "ratio",
        "contribution",
        "coverage",
        "penetration",
        "percent of",
        "% of",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || ["占", "比重", "占比", "比例", "覆盖率", "渗透率", "贡献率"]
            .iter()
            .any(|w| clause.contains(w));
    // "up 12.5 percent": a change, read as growth.
    let up = word_before(sentence.s, r.core.start)
        .is_some_and(|(_, w)| matches!(w.to_ascii_lowercase().as_str(), "up" | "down"));
    let growth = up
        || [
            "growth",
            "grow",
            "grew",
            "grows",
            "growing",
            "year-on-year",
            "year on year",
            "yoy",
            "increase",
            "increased",
            "increasing",
        ]
        .iter()
        .any(|w| has_word(&lower, w))
        || ["增长", "增速", "同比", "年均"]
            .iter()
            .any(|w| clause.contains(w));
    if growth && !share {
        FigureUnit::PercentYoy
    } else {
        FigureUnit::Percent
    }
}

/// Whether `text` holds `word` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// Latin words that say a figure is aimed at.
const TARGET_WORDS: &[&str] = &[
    "will",
    "shall",
    "should",
    "must",
    "aim",
    "aims",
    "aiming",
    "target",
    "targets",
    "targeting",
    "targeted",
    "goal",
    "goals",
    "strive",
    "strives",
    "striving",
    "plans",
    "planned",
    "intend",
    "intends",
    "seek",
    "seeks",
    "envisages",
];

/// Latin words that say a figure has happened.
const ACTUAL_WORDS: &[&str] = &[
    "reached",
    "was",
    "were",
    "saw",
    "seen",
    "rose",
    "risen",
    "grew",
    "jumped",
    "surpassed",
    "exceeded",
    "hit",
    "totaled",
    "totalled",
    "stood",
    "recorded",
    "increased",
    "decreased",
    "fell",
    "dropped",
    "climbed",
    "declined",
    "amounted",
    "accounted",
    "achieved",
    "has",
    "have",
    "had",
    "already",
    "possesses",
    "launched",
    "reported",
    "last",
];

/// Latin words that say a figure is estimated or forecast.
const ESTIMATE_WORDS: &[&str] = &[
    "expected",
    "expects",
    "expect",
    "estimated",
    "estimate",
    "estimates",
    "forecast",
    "forecasts",
    "projected",
    "predicted",
    "anticipated",
    "likely",
];

/// Chinese words and the status they say.
const ZH_STATUS_WORDS: &[(&str, Status)] = &[
    ("预计", Status::Estimate),
    ("预期", Status::Estimate),
    ("有望", Status::Estimate),
    ("估计", Status::Estimate),
    ("力争", Status::Target),
    ("目标", Status::Target),
    ("计划", Status::Target),
    ("争取", Status::Target),
    ("确保", Status::Target),
    ("培育", Status::Target),
    ("打造", Status::Target),
    ("建设", Status::Target),
    ("建成", Status::Target),
    ("新增", Status::Target),
    ("引进", Status::Target),
    ("将", Status::Target),
    ("要", Status::Target),
    ("拟", Status::Target),
    ("已经", Status::Actual),
    ("已", Status::Actual),
    ("累计", Status::Actual),
    ("同比", Status::Actual),
    ("比上年", Status::Actual),
];

/// The status words in `s[range]`, each with where it is.
fn status_words(s: &str, range: Range<usize>) -> Vec<(usize, Status)> {
    let piece = &s[range.clone()];
    let mut out = Vec::new();
    let mut at = 0;
    while at < piece.len() {
        let Some(c) = piece[at..].chars().next() else {
            break;
        };
        if c.is_ascii_alphabetic() {
            let len = piece[at..]
                .find(|ch: char| !(ch.is_ascii_alphabetic() || ch == '\''))
                .unwrap_or(piece.len() - at);
            let word = piece[at..at + len].to_ascii_lowercase();
            let next = word_after(piece, at + len).map(|(w, _)| w.to_ascii_lowercase());
            // "aims to have", "will have": no past.
            let infinitive = matches!(word.as_str(), "have" | "has" | "had")
                && word_before(piece, at).is_some_and(|(_, w)| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "to" | "will" | "shall" | "would" | "should" | "must" | "may"
                    )
                });
            let status = if TARGET_WORDS.contains(&word.as_str())
                || (word == "plan" && next.as_deref() == Some("to"))
            {
                Some(Status::Target)
            } else if ESTIMATE_WORDS.contains(&word.as_str()) {
                Some(Status::Estimate)
            } else if ACTUAL_WORDS.contains(&word.as_str()) && !infinitive {
                Some(Status::Actual)
            } else if matches!(word.as_str(), "is" | "are")
                && next.as_deref().is_some_and(|w| {
                    w.ends_with("ing") && !matches!(w, "growing" | "expanding" | "rising")
                })
            {
                // "Shanghai is building five clusters": what it is doing.
                Some(Status::Target)
            } else {
                None
            };
            if let Some(status) = status {
                out.push((range.start + at, status));
            }
            at += len;
            continue;
        }
        if is_han(c)
            && let Some((word, status)) = ZH_STATUS_WORDS
                .iter()
                .find(|(w, _)| piece[at..].starts_with(w))
        {
            out.push((range.start + at, *status));
            at += word.len();
            continue;
        }
        at += c.len_utf8();
    }
    out
}

/// Target, actual or estimate: a deadline makes a target; else the status
/// words of the figure's own clause (the nearest before it, or any after
/// it); else a year before the document's own is past; else the nearest
/// status word earlier in the sentence; else actual.
pub(super) fn status(sentence: &Sentence<'_>, r: &Reading, year: Option<&YearMention>) -> Status {
    if year.is_some_and(|y| y.cue == YearCue::By) {
        return Status::Target;
    }
    let clause = sentence.clause(r.number.start);
    let own = status_words(sentence.s, clause.clone());
    let before = own.iter().rfind(|(at, _)| *at < r.core.start);
    let after = own.iter().find(|(at, _)| *at >= r.core.end);
    if let Some((_, status)) = before.or(after) {
        return *status;
    }
    if let (Some(year), Some(document)) = (year, sentence.document_year)
        && year.cue == YearCue::In
        && year.year < document
    {
        return Status::Actual;
    }
    let earlier = status_words(
        sentence.s,
        within(sentence.s, 0..clause.start, clause.start),
    );
    if let Some((_, status)) = earlier.last() {
        return *status;
    }
    if let (Some(year), Some(document)) = (year, sentence.document_year)
        && year.year > document
    {
        return Status::Target;
    }
    Status::Actual
}

/// Verbs between what is measured and the figure: "GDP reached 5.39
/// trillion", "output jump 8.5 percent".
const SUBJECT_VERBS: &[&str] = &[
    "reached",
    "reach",
    "reaching",
    "was",
    "were",
    "is",
    "are",
    "be",
    "grew",
    "grow",
    "grows",
    "growing",
    "rose",
    "risen",
    "rise",
    "rises",
    "jump",
    "jumped",
    "jumps",
    "surpassed",
    "exceeded",
    "hit",
    "hitting",
    "totaled",
    "totalled",
    "stood",
    "increased",
    "increase",
    "decreased",
    "fell",
    "dropped",
    "climbed",
    "achieve",
    "achieved",
    "achieving",
    "accounted",
    "amounted",
    "topped",
    "expanded",
    "remained",
    "remains",
    "exceed",
    "exceeds",
    "surpass",
    "surpasses",
    "fall",
    "falls",
    "decline",
    "declines",
    "drop",
    "drops",
    "reduce",
    "reduced",
    "cut",
    "total",
    "totals",
];

/// Words that may stand between such a verb and the figure.
const VERB_LINKS: &[&str] = &[
    "by", "to", "at", "from", "up", "for", "of", "already", "still", "only", "just", "now",
];

/// Words before a subject that are not part of it: "while", "helping",
/// "saw their…".
const SUBJECT_OPENERS: &[&str] = &[
    "while",
    "whereas",
    "helping",
    "and",
    "with",
    "saw",
    "seen",
    "see",
    "have",
    "has",
    "had",
    "that",
    "which",
    "when",
    "where",
    "including",
    "compared",
    "but",
    "if",
    "already",
];

/// Determiners dropped from the start of a metric.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this",
];

/// Chinese verbs between what is measured and the figure.
const ZH_VERBS: &[&str] = &[
    "达到", "超过", "突破", "增长", "提高", "提升", "降低", "下降", "保持", "实现", "累计", "新增",
    "完成", "形成", "建成", "培育", "打造", "建设", "引进", "投入", "设立", "达", "为", "是", "占",
];

/// What is measured, as a title to start from: the noun a count counts;
/// what a share is of; the words before "of" ("a total output value of
/// about 500 billion yuan"); the subject of the verb before the figure;
/// else what the figure before it in the sentence measured; else the
/// words of its clause.
pub(super) fn metric(
    sentence: &Sentence<'_>,
    r: &Reading,
    unit: FigureUnit,
    earlier: &[Earlier],
) -> String {
    let s = sentence.s;
    let english = sentence.lang == DocLang::En;
    if let Some(noun) = &r.noun {
        let noun = s[noun.clone()].trim_matches(['"', '“', '”']);
        return match unit {
            FigureUnit::Percent if english => format!("Share of {}", strip_determiner(noun)),
            _ => capitalized(noun),
        };
    }
    let clause = sentence.clause(r.number.start);
    let found = if s[clause.clone()].contains(is_han) && !s[clause.start..r.core.start].is_ascii() {
        zh_subject(s, clause.start, r.core.start)
    } else {
        of_phrase(s, r.core.start).or_else(|| subject(s, clause.start, r.core.start))
    };
    // The subject, else the words after an amount's "in" ("$1 trillion in
    // investment").
    let tail = r
        .tail
        .as_ref()
        .map(|t| strip_determiner(&s[t.clone()]).to_owned());
    if let Some(found) = found.or(tail).filter(|f| !f.is_empty()) {
        return capitalized(&found);
    }
    // What the figure just before it in its clause measured ("from 40% to
    // 45%", "rise by 3 percentage points to about 20%"), else the last
    // figure in the sentence in the same unit, else (for a rise "up 12.5
    // percent") the growth of the figure before.
    let in_clause = earlier
        .last()
        .filter(|e| e.core.start >= clause.start && e.core.end <= r.core.start);
    if let Some(before) = in_clause.or_else(|| {
        earlier
            .iter()
            .rev()
            .take(20)
            .find(|e| e.unit.reads_as(unit))
    }) {
        return before.metric.clone();
    }
    if unit == FigureUnit::PercentYoy
        && let Some(before) = earlier.last()
    {
        return if english {
            format!("{} growth", before.metric)
        } else {
            format!("{}增速", before.metric)
        };
    }
    let after = s[r.core.end..clause.end.max(r.core.end)].trim();
    let words = if after.is_empty() {
        s[clause].trim()
    } else {
        after
    };
    if words.contains(|c: char| c.is_alphabetic()) {
        capitalized(&crate::dataset::abbreviate(words, 80, "…"))
    } else {
        capitalized(&crate::dataset::abbreviate(&s[r.core.clone()], 80, "…"))
    }
}

/// `text` with its first letter a capital.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` without a leading "the", "its"…
fn strip_determiner(text: &str) -> &str {
    for d in DETERMINERS {
        if text.len() > d.len()
            && text.is_char_boundary(d.len())
            && text[..d.len()].eq_ignore_ascii_case(d)
            && let Some(rest) = text[d.len()..].strip_prefix(' ')
        {
            return rest;
        }
    }
    text
}

/// Whether the words before the figure are "… of": "a total output value
/// of about 500 billion" gives "total output value" (years left out).
pub(super) fn has_of_phrase(s: &str, at: usize) -> bool {
    of_phrase(s, at).is_some()
}

/// See [`has_of_phrase`].
fn of_phrase(s: &str, at: usize) -> Option<String> {
    let at = s[..at].trim_end_matches([' ', '“', '"', '‘']).len();
    let (of_start, of) = word_before(s, at)?;
    if !of.eq_ignore_ascii_case("of") {
        return None;
    }
    let mut words = Vec::new();
    let mut at = of_start;
    while words.len() < 6 {
        let Some((start, word)) = word_before(s, at) else {
            break;
        };
        let lower = word.to_ascii_lowercase();
        if DETERMINERS.contains(&lower.as_str())
            || SUBJECT_VERBS.contains(&lower.as_str())
            || SUBJECT_OPENERS.contains(&lower.as_str())
        {
            break;
        }
        if !(word.len() == 4 && word.parse::<i32>().is_ok()) {
            words.push(word);
        }
        at = start;
    }
    words.reverse();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The subject of the verb before the figure: "While Shanghai's GDP
/// reached 5.39 trillion yuan" gives "Shanghai's GDP".
fn subject(s: &str, clause_start: usize, at: usize) -> Option<String> {
    // Back over "by", "to"… to the verb, which may be the qualifier
    // itself ("surpassed 4.07 trillion").
    let mut at = s[..at].trim_end_matches([' ', '“', '"', '‘']).len();
    let mut verb_start = word_after(s, at)
        .filter(|(w, _)| SUBJECT_VERBS.contains(&w.to_ascii_lowercase().as_str()))
        .map(|_| at);
    for _ in 0..4 {
        if verb_start.is_some() {
            break;
        }
        let (start, word) = word_before(s, at).filter(|(start, _)| *start >= clause_start)?;
        let lower = word.to_ascii_lowercase();
        if SUBJECT_VERBS.contains(&lower.as_str()) {
            verb_start = Some(start);
            break;
        }
        if !VERB_LINKS.contains(&lower.as_str()) {
            return None;
        }
        at = start;
    }
    let verb_start = verb_start?;
    // Auxiliaries before the verb: "has risen".
    let mut end = verb_start;
    while let Some((start, word)) = word_before(s, end)
        && matches!(
            word.to_ascii_lowercase().as_str(),
            "has" | "have" | "had" | "is" | "are" | "was" | "already" | "will"
        )
        && start >= clause_start
    {
        end = start;
    }
    let head = &s[clause_start..end];
    let mut words: Vec<&str> = head.split_whitespace().collect();
    // From the last opener on ("…saw their combined industrial output").
    if let Some(last) = words.iter().rposition(|w| {
        let lower = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        SUBJECT_OPENERS.contains(&lower.as_str())
    }) {
        words.drain(..=last);
    }
    let start = words.len().saturating_sub(14);
    let text = words[start..].join(" ");
    let text = text.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
    (!text.is_empty()).then(|| strip_determiner(text).to_owned())
}

/// The Chinese subject before the verb before the figure: "产业规模达到1000
/// 亿元" gives "产业规模".
fn zh_subject(s: &str, clause_start: usize, at: usize) -> Option<String> {
    let head = &s[clause_start..at];
    let (verb_at, _) = ZH_VERBS
        .iter()
        .filter_map(|v| head.rfind(v).map(|i| (i, v)))
        .max_by_key(|(i, _)| *i)?;
    let mut subject = head[..verb_at].trim();
    // A paragraph's own number: "（一）".
    if let Some(rest) = subject.strip_prefix('（')
        && let Some((inner, after)) = rest.split_once('）')
        && inner.chars().count() <= 3
    {
        subject = after;
    }
    for lead in ["力争", "全市", "预计", "其中", "同时"] {
        subject = subject.strip_prefix(lead).unwrap_or(subject);
    }
    (!subject.is_empty()).then(|| subject.to_owned())
}

/// Whether two metrics are much the same words (half or more of the
/// longer's words, or of its characters for Chinese, in common).
pub(super) fn similar(a: &str, b: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        if t.contains(is_han) {
            t.chars().filter(|c| is_han(*c)).map(String::from).collect()
        } else {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(str::to_ascii_lowercase)
                .collect()
        }
    };
    let (a, b) = (words(a), words(b));
    let longer = a.len().max(b.len());
    if longer == 0 {
        return true;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    common * 2 >= longer
}

/// A fund's name, level, purpose and whether it is per recipient.
pub(super) fn fund(sentence: &Sentence<'_>, r: &Reading) -> FundGuess {
    let s = sentence.s;
    let named = r
        .noun
        .as_ref()
        .or(r.tail.as_ref())
        .map(|n| s[n.clone()].to_owned());
    let generic = named.as_deref().is_none_or(|n| {
        if n.contains(is_han) {
            n.chars().count() < 3
        } else {
            n.split(' ').count() < 2
        }
    });
    let name = if generic {
        // From the fund word before it: "grant up to 5 million yuan".
        let start = word_before(s, r.core.start)
            .filter(|(_, w)| FUND_WORDS.contains(&w.to_ascii_lowercase().as_str()))
            .map_or(r.core.start, |(start, _)| start);
        s[start..r.tail.as_ref().map_or(r.core.end, |t| t.end)].to_owned()
    } else {
        named.clone().unwrap_or_default()
    };
    let around = format!(
        "{} {}",
        words_before(s, r.core.start, 3).join(" "),
        s[r.core.start..r.tail.as_ref().map_or(r.core.end, |t| t.end)].to_ascii_lowercase()
    );
    let national = around.contains("national") || around.contains("国家");
    let municipal = ["municipal", "shanghai", "city", "市级", "全市"]
        .iter()
        .any(|w| around.contains(&w.to_ascii_lowercase()));
    let (level, inferred) = if around.contains("social capital")
        || around.contains("private")
        || around.contains("社会资本")
    {
        (FundLevel::SocialCapital, false)
    } else if national && municipal {
        (FundLevel::Mixed, false)
    } else if national {
        (FundLevel::National, false)
    } else if around.contains("district") || around.contains("区级") {
        (FundLevel::District, false)
    } else {
        (FundLevel::Municipal, !municipal)
    };
    let per_recipient = [
        "subsidy",
        "subsidies",
        "grant",
        "award",
        "reward",
        "补贴",
        "奖励",
        "资助",
        "补助",
    ]
    .iter()
    .any(|w| around.contains(w))
        || ["per", "each", "one-time"]
            .iter()
            .any(|w| has_word(&around, w))
        || word_after(s, r.tail.as_ref().map_or(r.core.end, |t| t.end))
            .is_some_and(|(w, _)| w.eq_ignore_ascii_case("each"));
    let purpose_from = r.tail.as_ref().map_or(r.core.end, |t| t.end);
    let clause = sentence.clause(r.number.start);
    let purpose = word_after(s, purpose_from)
        .filter(|(w, _)| matches!(w.to_ascii_lowercase().as_str(), "to" | "for"))
        .map(|(_, end)| {
            s[end..clause.end.max(end)]
                .trim()
                .trim_end_matches(['.', ',', ';'])
                .to_owned()
        })
        .filter(|p| !p.is_empty());
    FundGuess {
        name: capitalized(&name),
        level,
        level_inferred: inferred,
        purpose,
        per_recipient,
    }
}
