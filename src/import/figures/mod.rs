//! Drafting figures from a document's text: every number a reader would
//! chart (amounts, percentages and percentage points, densities, counts
//! with their noun), each with its year or deadline where the sentence
//! gives one, its qualifier, a guess at its status and at the kind of
//! record it makes, and its quote: the shortest part of the sentence that
//! states it, as a byte range of the text.
//!
//! A proposal never invents. Its value, unit and year are read again from
//! its quote alone by [`check`], and a proposal the quote does not bear
//! out is dropped. Numbers that are not figures are left alone: document
//! numbers ("Hu Fu Ban Fa [2023] No. 8", "沪府办发〔2024〕21号"), names
//! ("2+(3+6)+(4+5)", "M0-type", "6G"), denominators ("per 10,000
//! people"), dates, ages, lengths of time, periods ("(2026-2030)"), a
//! paragraph's own number, and groups the text names ("the three
//! pioneering industries").

mod check;
mod guess;
mod numbers;
mod read;
mod text;

pub(crate) use text::is_han;

use std::ops::Range;

pub use check::{Unreadable, check, readable};

use crate::dataset::{FundLevel, QuantityUnit, Status};
use crate::import::to_json::DocLang;
use read::{Reading, Role, YearCue, YearMention, read_sentence};

/// A figure's unit as the document states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureUnit {
    /// Yuan (亿元 and 万亿元 converted).
    Yuan,
    /// US dollars, printed with no amount in yuan beside them.
    UsDollars,
    /// A share in percent.
    Percent,
    /// A growth rate in percent.
    PercentYoy,
    /// A count of the proposal's noun.
    Count,
    /// A density per 10,000 workers.
    Per10kWorkers,
    /// Percentage points.
    PercentagePoints,
}

impl FigureUnit {
    /// The dataset's unit; `None` for US dollars, which the dataset holds
    /// only as exchange rates.
    pub fn dataset(self) -> Option<QuantityUnit> {
        Some(match self {
            Self::Yuan => QuantityUnit::Yuan,
            Self::UsDollars => return None,
            Self::Percent => QuantityUnit::Percent,
            Self::PercentYoy => QuantityUnit::PercentYoy,
            Self::Count => QuantityUnit::Count,
            Self::Per10kWorkers => QuantityUnit::Per10kWorkers,
            Self::PercentagePoints => QuantityUnit::PercentagePoints,
        })
    }

    /// Whether two units read the same from a quote ("5%" is a share or a
    /// growth rate by its sentence, not by its sign).
    fn reads_as(self, other: Self) -> bool {
        let percent = |u| matches!(u, Self::Percent | Self::PercentYoy);
        self == other || (percent(self) && percent(other))
    }
}

/// What the document says about a figure's precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// "about", "around", "左右", "约".
    About,
    /// "nearly", "almost", "近".
    Nearly,
    /// "over", "more than", "surpassed", "超过", "多".
    Over,
    /// "at least", "以上", "不少于".
    AtLeast,
    /// "up to", "at most", "不超过".
    AtMost,
}

impl Qualifier {
    /// The value is approximate ("about", "nearly").
    pub fn approximate(self) -> bool {
        matches!(self, Self::About | Self::Nearly)
    }

    /// The value is a lower bound ("over", "at least").
    pub fn lower_bound(self) -> bool {
        matches!(self, Self::Over | Self::AtLeast)
    }

    /// The value is an upper bound ("nearly", "up to").
    pub fn upper_bound(self) -> bool {
        matches!(self, Self::Nearly | Self::AtMost)
    }
}

/// The kind of record a proposal would make.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureKind {
    /// A point of a series: a value for a year.
    Point,
    /// A fund.
    Fund,
    /// A target of the plan.
    Target,
    /// A fact as of a date.
    Fact,
}

/// What a fund proposal guesses beyond its amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundGuess {
    /// Its name, from the words printed with the amount.
    pub name: String,
    /// Who provides the money.
    pub level: FundLevel,
    /// The level is not printed but guessed (the city's, by default).
    pub level_inferred: bool,
    /// What it is for, where the sentence says ("to propel the sector").
    pub purpose: Option<String>,
    /// The amount is for each recipient (a subsidy), not the fund's size.
    pub per_recipient: bool,
}

/// A figure proposed for review.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// Where the quote is in the text, in bytes.
    pub range: Range<usize>,
    /// The quote, verbatim: the shortest part of the sentence that states
    /// the value, its unit, its noun and its year.
    pub quote: String,
    /// Where the number itself is, in bytes.
    pub number: Range<usize>,
    /// Where the figure's own words are, in bytes: its qualifier, number,
    /// unit, the noun counted and the dollars in brackets ("about 7.5
    /// percent", "5.39 trillion yuan ($760 billion)").
    pub core: Range<usize>,
    /// The value in `unit` (yuan amounts in yuan; fractions in percent).
    pub value: f64,
    /// The unit.
    pub unit: FigureUnit,
    /// The year the value is for, or its deadline, where the sentence
    /// names one.
    pub year: Option<i32>,
    /// The year is a deadline ("by 2027", "到2027年", a period's end).
    pub deadline: bool,
    /// "about", "over", "nearly"…
    pub qualifier: Option<Qualifier>,
    /// Target, actual or estimate, from the wording.
    pub status: Status,
    /// The record it would make.
    pub kind: FigureKind,
    /// For a count, the noun counted ("innovation centers").
    pub noun: Option<String>,
    /// What is measured, in the document's words, as a title to start from.
    pub metric: String,
    /// The same amount in US dollars, printed beside it.
    pub dollars: Option<f64>,
    /// For a fund: its name, level, purpose.
    pub fund: Option<FundGuess>,
    /// Other places the document states the same figure (a summary and
    /// the body), each a byte range.
    pub restated: Vec<Range<usize>>,
}

impl Proposal {
    /// Whether the document says "about" or "nearly".
    pub fn approximate(&self) -> bool {
        self.qualifier.is_some_and(Qualifier::approximate)
    }

    /// Whether the document says "over" or "at least".
    pub fn lower_bound(&self) -> bool {
        self.qualifier.is_some_and(Qualifier::lower_bound)
    }
}

/// The year of a date printed at the head of `text` ("February 7, 2026",
/// "2024年11月23日"), which a fact with no date of its own is as of.
pub fn document_year(text: &str) -> Option<i32> {
    guess::document_year(text)
}

/// Every figure of `text` a reader would chart, in document order, each
/// checked against its quote; the same figure stated twice is one
/// proposal, its other places in `restated`.
pub fn propose(text: &str, lang: DocLang) -> Vec<Proposal> {
    merge_restatements(every_figure(text, lang))
}

/// Every figure of `text`, in document order, each place it is stated
/// its own proposal (a draft's claims: each is checked where it stands).
pub fn every_figure(text: &str, lang: DocLang) -> Vec<Proposal> {
    let document_year = guess::document_year(text);
    let mut out: Vec<Proposal> = Vec::new();
    for sentence in text::sentences(text) {
        let s = &text[sentence.clone()];
        let clauses: Vec<Range<usize>> = text::clauses(text, sentence.clone())
            .into_iter()
            .map(|c| c.start - sentence.start..c.end - sentence.start)
            .collect();
        let roles = read_sentence(s);
        let years: Vec<&YearMention> = roles
            .iter()
            .filter_map(|r| match r {
                Role::Year(y) => Some(y),
                _ => None,
            })
            .collect();
        let mut earlier: Vec<guess::Earlier> = Vec::new();
        for role in &roles {
            let Role::Figure(reading) = role else {
                continue;
            };
            let sentence_view = guess::Sentence {
                s,
                clauses: &clauses,
                lang,
                document_year,
            };
            let Some(local) = proposal(&sentence_view, reading, &years, &earlier) else {
                continue;
            };
            earlier.push(guess::Earlier {
                unit: local.unit,
                metric: local.metric.clone(),
                core: reading.core.clone(),
            });
            let proposal = shifted(local, sentence.start);
            // What the quote does not bear out is not proposed.
            if check(&proposal, text).is_ok() {
                out.push(proposal);
            }
        }
    }
    out
}

/// A proposal's ranges moved from the sentence's bytes to the text's.
fn shifted(mut p: Proposal, by: usize) -> Proposal {
    p.range = p.range.start + by..p.range.end + by;
    p.number = p.number.start + by..p.number.end + by;
    p.core = p.core.start + by..p.core.end + by;
    p
}

/// The clause of `clauses` holding `at`.
fn clause_of(clauses: &[Range<usize>], at: usize) -> Option<usize> {
    let i = clauses.partition_point(|c| c.end <= at);
    clauses.get(i).filter(|c| c.start <= at).map(|_| i)
}

/// The most bytes between a figure and the year it takes from its
/// sentence, so a quote stays a sentence's part.
const MAX_YEAR_DISTANCE: usize = 400;

/// The year a figure is for: one in its own clause (the nearest), or the
/// last one named before it in the sentence (not a period).
fn year_of<'a>(
    s: &str,
    clauses: &[Range<usize>],
    reading: &Reading,
    years: &[&'a YearMention],
) -> Option<&'a YearMention> {
    let own = clause_of(clauses, reading.number.start);
    let distance = |y: &YearMention| {
        if y.range.start >= reading.core.end {
            y.range.start - reading.core.end
        } else {
            reading.core.start.saturating_sub(y.range.end)
        }
    };
    // The years near the figure only (they are in order).
    let from = years.partition_point(|y| y.range.end + MAX_YEAR_DISTANCE < reading.core.start);
    let to = years.partition_point(|y| y.range.start <= reading.core.end + MAX_YEAR_DISTANCE);
    // A base year ("compared with 2020") is no figure's year, unless the
    // figure is the base year's own ("较2021年的约7.5%": 2021's 7.5%).
    let near = &years[from..to.max(from)];
    let near: Vec<&YearMention> = near
        .iter()
        .copied()
        .filter(|y| {
            y.cue != YearCue::Base
                || s.get(y.range.end..reading.core.start)
                    .is_some_and(|between| between.trim() == "的")
        })
        .collect();
    near.iter()
        .filter(|y| clause_of(clauses, y.range.start) == own)
        .min_by_key(|y| distance(y))
        .or_else(|| {
            near.iter()
                .rfind(|y| y.range.end <= reading.core.start && y.cue != YearCue::Period)
        })
        .filter(|y| distance(y) <= MAX_YEAR_DISTANCE)
        .copied()
}

/// The proposal for one reading of a sentence, in the sentence's bytes;
/// `None` for a count of a group the text names, or an amount written as
/// an adjective that is no fund ("25 100-billion-yuan sub-sectors").
fn proposal(
    sentence: &guess::Sentence<'_>,
    reading: &Reading,
    years: &[&YearMention],
    earlier: &[guess::Earlier],
) -> Option<Proposal> {
    let s = sentence.s;
    // A count of a group the text names; a number too large to be one.
    // "Per 10,000 people, the city aims to have 30 charging piles": a
    // density the dataset has no unit for.
    let per_head = s.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("per "));
    if (reading.unit == FigureUnit::Count && (reading.definite || per_head))
        || !reading.value.is_finite()
        || reading.value.abs() > MAX_VALUE
    {
        return None;
    }
    let fund = guess::is_fund(s, reading);
    // An amount written as an adjective, or "each", describes something
    // else ("enterprises with an output value of over 10 billion yuan
    // each"), unless it is a fund.
    let each =
        text::word_after(s, reading.core.end).is_some_and(|(w, _)| w.eq_ignore_ascii_case("each"));
    if (reading.adjective || each) && !fund {
        return None;
    }
    let year = year_of(s, sentence.clauses, reading, years);
    let unit = guess::percent_unit(sentence, reading);
    let status = guess::status(sentence, reading, year);
    let deadline = year.is_some_and(|y| {
        y.cue == YearCue::By || (status == Status::Target && y.cue != YearCue::In)
    });
    let kind = if fund && matches!(unit, FigureUnit::Yuan | FigureUnit::UsDollars) {
        FigureKind::Fund
    } else if status == Status::Target {
        FigureKind::Target
    } else if year.is_some()
        && !matches!(unit, FigureUnit::PercentagePoints | FigureUnit::UsDollars)
    {
        FigureKind::Point
    } else {
        FigureKind::Fact
    };
    let range = quote_range(sentence, reading, year, kind == FigureKind::Fund, earlier);
    let noun = (unit == FigureUnit::Count)
        .then(|| reading.noun.as_ref().map(|n| s[n.clone()].to_owned()))
        .flatten();
    let fund = (kind == FigureKind::Fund).then(|| guess::fund(sentence, reading));
    let metric = match &fund {
        Some(fund) => fund.name.clone(),
        None => guess::metric(sentence, reading, unit, earlier),
    };
    Some(Proposal {
        quote: s[range.clone()].to_owned(),
        range,
        number: reading.number.clone(),
        core: reading.core.clone(),
        value: reading.value,
        unit,
        year: year.map(|y| y.year),
        deadline,
        qualifier: reading.qualifier,
        status,
        kind,
        noun,
        metric,
        dollars: reading.dollars.as_ref().map(|(v, _)| *v),
        fund,
        restated: Vec::new(),
    })
}

/// Values past this (a thousand trillion trillion) are no figure a plan
/// states, but runs of digits.
const MAX_VALUE: f64 = 1e27;

/// The most bytes a quote reaches back before its figure.
const MAX_LEAD: usize = 240;

/// Words that open a clause but not the statement: "and forming…".
const LEADING_JOINS: &[&str] = &["and ", "or ", "but ", "then ", "also "];

/// The quote: from the start of the figure's clause (or past a figure
/// before it in the clause, when its own words say what it is: a count,
/// "a density of 600 units"), or from the start of its year's clause if
/// the year comes first; to the end of its words (and of its year, if
/// later; and of a fund's words after "in", "of" or "for").
fn quote_range(
    sentence: &guess::Sentence<'_>,
    reading: &Reading,
    year: Option<&YearMention>,
    fund: bool,
    earlier: &[guess::Earlier],
) -> Range<usize> {
    let s = sentence.s;
    let clause = clause_of(sentence.clauses, reading.number.start)
        .map_or(reading.core.start..reading.core.end, |c| {
            sentence.clauses[c].clone()
        });
    let mut start = clause.start.min(reading.core.start);
    let self_described =
        reading.unit == FigureUnit::Count || fund || guess::has_of_phrase(s, reading.core.start);
    if self_described
        && let Some(before) = earlier
            .last()
            .filter(|e| e.core.end <= reading.core.start && e.core.start >= clause.start)
    {
        start = before.core.end;
    }
    // Not too far back: at most some fourteen words before the figure.
    if reading.core.start - start > MAX_LEAD {
        let mut at = reading.core.start;
        for _ in 0..14 {
            match text::word_before(s, at) {
                Some((word_start, _)) if word_start >= start => at = word_start,
                _ => break,
            }
        }
        start = at;
    }
    let mut end = reading.core.end;
    if fund && let Some(tail) = &reading.tail {
        end = end.max(tail.end);
    }
    if let Some(year) = year {
        if year.range.start < start {
            start = clause_of(sentence.clauses, year.range.start)
                .map_or(year.range.start, |c| sentence.clauses[c].start);
        }
        end = end.max(year.range.end);
    }
    start = trimmed_start(s, start, reading.core.start);
    // A quotation opened in the quote is closed in it: “around 5%,”.
    let quote = &s[start..end];
    if quote.matches('“').count() > quote.matches('”').count()
        && let Some(at) = s[end..].find('”').filter(|&at| at <= 2)
    {
        end += at + '”'.len_utf8();
    }
    let trimmed = s[start..end].trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    start..start + trimmed.len()
}

/// `start` moved past white space, bullets, closing quotation marks and
/// joining words ("and forming…"), never past `limit`.
fn trimmed_start(s: &str, mut start: usize, limit: usize) -> usize {
    // A paragraph's own number: "（一）", "1.".
    if start == 0
        && let Some(found) = crate::import::draft::markers::marker(&s[..limit])
        && found.len <= limit
    {
        start = found.len;
    }
    loop {
        let rest = &s[start..limit];
        let trimmed = rest.trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '–' | '—' | '-' | '•' | '·' | '，' | ',' | '、' | '”' | '’' | '；' | ';'
                )
                // A run-in item's circled number: "①开通航线…".
                || ('①'..='⑳').contains(&c)
        });
        let mut next = start + rest.len() - trimmed.len();
        if let Some(join) = LEADING_JOINS.iter().find(|j| {
            trimmed.len() >= j.len()
                && trimmed
                    .get(..j.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(j))
        }) {
            next += join.len();
        }
        if next == start {
            return start;
        }
        start = next;
    }
}

/// The same figure stated again later (same value, unit and year, much
/// the same words) is one proposal with another place.
fn merge_restatements(proposals: Vec<Proposal>) -> Vec<Proposal> {
    // Proposals by value and kind of unit, so each is compared with a few.
    let mut by_value: std::collections::HashMap<(u64, bool), Vec<usize>> =
        std::collections::HashMap::new();
    let mut out: Vec<Proposal> = Vec::new();
    for p in proposals {
        let percent = matches!(p.unit, FigureUnit::Percent | FigureUnit::PercentYoy);
        let key = (p.value.to_bits(), percent);
        let candidates = by_value.entry(key).or_default();
        let same = candidates
            .iter()
            .rev()
            .take(MERGE_CANDIDATES)
            .copied()
            .find(|&i| {
                let q = &out[i];
                q.unit.reads_as(p.unit)
                    && (q.year == p.year || q.year.is_none() || p.year.is_none())
                    && guess::similar(&q.metric, &p.metric)
            });
        if let Some(i) = same {
            out[i].restated.push(p.range);
        } else {
            candidates.push(out.len());
            out.push(p);
        }
    }
    out
}

/// How many earlier proposals of the same value a proposal is compared
/// with for a restatement.
const MERGE_CANDIDATES: usize = 50;

#[cfg(test)]
mod tests;
