//! Checking a draft (a speech, a briefing) against the data: every figure
//! it states, read by the import's figure recognizer, matched to the
//! dataset's records by its subject (the words around it against each
//! record's title, quotes and themes), its year and its unit (yuan
//! amounts in any scale, US dollars at a rate a document states, percent
//! and percent year on year alike), and given one [`Verdict`].
//!
//! A claim agrees only with a record whose subject it names; a number
//! that equals a record's but is about something else is `unknown`, so a
//! draft the data does not cover is never passed as agreeing.

pub mod draft;
mod records;
pub mod reviewed;
mod scope;
mod words;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use crate::dataset::proof::Proof;
use crate::dataset::{Dataset, FigureRef, QuantityUnit};
use crate::import::figures::{self, FigureUnit, Proposal, Qualifier};
use crate::import::to_json::DocLang;
use crate::view::documents;
use records::{Entry, Records};
pub use records::{citation_list, value_of};
use scope::Extents;
pub use scope::Scope;

/// The most bytes of text a draft may have (4 MiB, some 1,300 pages);
/// longer, it is refused with a message, not checked for minutes.
pub const MAX_DRAFT_BYTES: usize = 4 * 1024 * 1024;

/// The least score a record's subject needs to be a claim's.
const SUBJECT_MIN: f32 = 0.45;

/// Records within this score of the best are as likely as it.
const MARGIN: f32 = 0.12;

/// How many passages of the sources an `unknown` claim lists.
const MAX_HITS: usize = 5;

/// What the check says of a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// It agrees with the record, its quote and its source.
    Agrees,
    /// It differs from the record in value, year, unit or scope.
    Differs,
    /// It agrees, but leaves out the record's "over" or "about".
    DropsQualifier,
    /// It agrees, but the record carries a caveat the draft does not
    /// mention.
    DropsCaveat,
    /// No record matches.
    Unknown,
    /// Several records fit.
    Ambiguous,
}

impl Verdict {
    /// Every verdict, in the order a summary lists them.
    pub const ALL: [Self; 6] = [
        Self::Agrees,
        Self::Differs,
        Self::DropsQualifier,
        Self::DropsCaveat,
        Self::Ambiguous,
        Self::Unknown,
    ];

    /// Whether the claim needs changing: it differs or drops something.
    pub fn is_problem(self) -> bool {
        matches!(
            self,
            Self::Differs | Self::DropsQualifier | Self::DropsCaveat
        )
    }

    /// The name `--json` gives it.
    pub fn json_name(self) -> &'static str {
        match self {
            Self::Agrees => "agrees",
            Self::Differs => "differs",
            Self::DropsQualifier => "drops_qualifier",
            Self::DropsCaveat => "drops_caveat",
            Self::Unknown => "unknown",
            Self::Ambiguous => "ambiguous",
        }
    }
}

/// How a claim differs from its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Difference {
    /// Another value.
    Value,
    /// The same value for another year.
    Year,
    /// The same number in another unit.
    Unit,
    /// The record's value, unit and year, said of another extent of
    /// subject (a part for the whole, the nation for the city…).
    Scope,
}

/// A place in a source that an `unknown` claim's words occur at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceHit {
    /// The document and the passage.
    pub spot: crate::dataset::proof::Spot,
    /// The source's id.
    pub source_id: String,
    /// The words around it, the match in [brackets].
    pub context: String,
}

/// The sources' passages found for a figure (as written, and its
/// number), by figure.
type Searched = HashMap<(String, String), Vec<SourceHit>>;

/// A claim as the scope's search reads it: the draft, the figure, the
/// words around it and its count's noun.
struct ClaimAt<'t> {
    text: &'t str,
    p: &'t Proposal,
    context: &'t str,
    words: &'t HashSet<String>,
    noun: Option<&'t str>,
}

/// A figure the draft states, and what the data says of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Where the figure is in the draft's text, in bytes: its qualifier,
    /// number and unit.
    pub range: Range<usize>,
    /// The figure as written.
    pub text: String,
    /// Where its number is in the draft's text, in bytes.
    pub number: Range<usize>,
    /// The words around it the recognizer read it from (its quote).
    pub context: Range<usize>,
    /// Its value in `unit` (yuan amounts in yuan).
    pub value: f64,
    /// Its unit.
    pub unit: FigureUnit,
    /// The year it is for, where the draft names one.
    pub year: Option<i32>,
    /// "about", "over"… as the draft writes it.
    pub qualifier: Option<Qualifier>,
    /// The verdict.
    pub verdict: Verdict,
    /// The records it was compared with: the one it agrees or differs
    /// with, or every one that fits.
    pub records: Vec<FigureRef>,
    /// For `differs`: in what.
    pub difference: Option<Difference>,
    /// For `differs` in scope: how.
    pub scope: Option<Scope>,
    /// For `unknown`: where the sources mention the figure.
    pub hits: Vec<SourceHit>,
}

/// A draft's claims and what the check noticed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Every figure, in the draft's order.
    pub claims: Vec<Claim>,
}

impl Claim {
    /// The figure `p` of `text`, no record matched yet.
    fn unknown(text: &str, p: &Proposal) -> Self {
        Self {
            range: p.core.clone(),
            text: text[p.core.clone()].to_owned(),
            number: p.number.clone(),
            context: p.range.clone(),
            value: p.value,
            unit: p.unit,
            year: p.year,
            qualifier: p.qualifier,
            verdict: Verdict::Unknown,
            records: Vec::new(),
            difference: None,
            scope: None,
            hits: Vec::new(),
        }
    }

    /// Makes the claim differ from `records` in scope.
    fn in_scope(&mut self, records: Vec<FigureRef>, scope: Scope) {
        self.verdict = Verdict::Differs;
        self.records = records;
        self.difference = Some(Difference::Scope);
        self.scope = Some(scope);
    }
}

impl Report {
    /// How many claims got `verdict`.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.claims.iter().filter(|c| c.verdict == verdict).count()
    }

    /// Whether a claim differs or drops something (exit status 1).
    pub fn has_problems(&self) -> bool {
        self.claims.iter().any(|c| c.verdict.is_problem())
    }
}

/// Why a draft cannot be checked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// The text is longer than [`MAX_DRAFT_BYTES`].
    #[error(
        "the draft is {size} bytes of text; a draft of at most {limit} bytes is checked (split it)"
    )]
    TooLong {
        /// Its size in bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

/// A dataset ready to check drafts against: its figures indexed by
/// their words, and its sources' texts for the search.
pub struct Checker<'a> {
    dataset: &'a Dataset,
    proof: &'a Proof,
    records: Records,
    extents: Extents,
}

impl<'a> Checker<'a> {
    /// Indexes `dataset`'s figures; `proof` holds its sources' texts.
    pub fn new(dataset: &'a Dataset, proof: &'a Proof) -> Self {
        let records = Records::new(dataset);
        let extents = Extents::new(dataset, &records.entries);
        Self {
            dataset,
            proof,
            records,
            extents,
        }
    }

    /// The dataset checked against.
    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    /// Checks every figure `text` states.
    pub fn check(&self, text: &str) -> Result<Report, DraftError> {
        if text.len() > MAX_DRAFT_BYTES {
            return Err(DraftError::TooLong {
                size: text.len(),
                limit: MAX_DRAFT_BYTES,
            });
        }
        let lang = if crate::import::mostly_chinese(text) {
            DocLang::Zh
        } else {
            DocLang::En
        };
        // The sources are searched once for each figure as written: a
        // long draft states the same figure again and again.
        let mut searched = HashMap::new();
        let proposals = figures::every_figure(text, lang);
        let claims = proposals
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // "..., up from about 7.5% in 2021": the figure before, in
                // the same sentence, names what this one is of.
                let before = i
                    .checked_sub(1)
                    .and_then(|j| proposals.get(j))
                    .filter(|before| compared_with(text, before, p));
                self.claim(text, p, before, &mut searched)
            })
            .collect();
        Ok(Report { claims })
    }

    /// The verdict on one figure.
    fn claim(
        &self,
        text: &str,
        p: &Proposal,
        before: Option<&Proposal>,
        searched: &mut Searched,
    ) -> Claim {
        let mut claim = Claim::unknown(text, p);
        // A figure compared with the one before is of its subject: its
        // own words ("up from about", "较…大幅提高") name none.
        let context = Self::context(text, before.unwrap_or(p));
        let claim_words: HashSet<String> = words::words(&context).into_iter().collect();
        let noun = p.noun.as_deref().filter(|_| p.unit == FigureUnit::Count);
        let candidates = self.candidates(text, p, &context, &HashSet::new());
        let claim_at = ClaimAt {
            text,
            p,
            context: &context,
            words: &claim_words,
            noun,
        };
        let tolerance = tolerance(text, p);
        let unit_fits = |e: &Entry| self.value_in(e, p).is_some();
        let agrees = |e: &Entry| {
            self.value_in(e, p)
                .is_some_and(|v| (v - e.quantity.value).abs() <= tolerance * self.scale(e, p))
        };
        let year_fits = |e: &Entry| match (p.year, e.year) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        // Where the claim's subject is only inferred (the city's figure
        // said of the nation), a record's year must be the claim's.
        let year_stated = |e: &Entry| match (p.year, e.year) {
            (Some(a), Some(b)) => a == b,
            (_, None) => true,
            (None, Some(_)) => false,
        };
        // The claim agrees with a record of its subject, year and value.
        let agreeing: Vec<&(&Entry, f32)> = candidates
            .iter()
            .filter(|(e, _)| agrees(e) && year_fits(e))
            .collect();
        if let Some(&&(best, best_score)) = agreeing.first() {
            let rivals = rivals(&agreeing, best, best_score);
            if !rivals.is_empty() {
                claim.verdict = Verdict::Ambiguous;
                claim.records = std::iter::once(best.figure)
                    .chain(rivals.iter().map(|e| e.figure))
                    .collect();
                return claim;
            }
            // The record's figure said of another extent, or the draft's
            // words naming another record of another value.
            let other = |e: &Entry| year_fits(e) && unit_fits(e) && !agrees(e);
            if let Some(scope) = self.scope_of(&claim_at, best, best_score, &candidates, &other) {
                let mut records = vec![best.figure];
                if let Scope::Other(named) = scope {
                    records.push(named);
                }
                claim.in_scope(records, scope);
                return claim;
            }
            // The same figure recorded twice (a point and the target it
            // is) is one agreement, both listed.
            claim.records = agreeing
                .iter()
                .filter(|(e, _)| e.quote == best.quote)
                .map(|(e, _)| e.figure)
                .collect();
            claim.verdict = self.agreement(text, p, best);
            return claim;
        }
        let stated = |e: &Entry| agrees(e) && year_stated(e);
        if let Some((record, scope)) = self.scope_elsewhere(&claim_at, &candidates, &stated) {
            claim.in_scope(vec![record], scope);
            return claim;
        }
        // Else it differs from the record of its subject: the one of its
        // year where it names one.
        let same_year: Vec<&(&Entry, f32)> = candidates
            .iter()
            .filter(|(e, _)| p.year.is_some() && e.year == p.year)
            .collect();
        let pool: Vec<&(&Entry, f32)> = if same_year.is_empty() {
            candidates.iter().collect()
        } else {
            same_year
        };
        let pool: Vec<&(&Entry, f32)> = pool
            .into_iter()
            .filter(|(e, _)| unit_fits(e) || same_number(e, p))
            .collect();
        if let Some(&&(best, best_score)) = pool.first() {
            let rivals = rivals(&pool, best, best_score);
            if rivals.is_empty() {
                claim.verdict = Verdict::Differs;
                claim.records = vec![best.figure];
                claim.difference = Some(if !unit_fits(best) {
                    Difference::Unit
                } else if agrees(best) {
                    Difference::Year
                } else {
                    Difference::Value
                });
            } else {
                claim.verdict = Verdict::Ambiguous;
                claim.records = std::iter::once(best.figure)
                    .chain(rivals.iter().map(|e| e.figure))
                    .collect();
            }
            return claim;
        }
        claim.hits = self.hits(text, p, searched);
        claim
    }

    /// The verdict on a claim that agrees with `best`: whether it drops
    /// the record's qualifier or caveat.
    fn agreement(&self, text: &str, p: &Proposal, best: &Entry) -> Verdict {
        if qualifier_dropped(best, p.qualifier) {
            Verdict::DropsQualifier
        } else if self
            .dataset
            .figure_caveat(best.figure)
            // Mentioned in either language the dataset words it in.
            .is_some_and(|c| {
                std::iter::once(&c.text)
                    .chain(&c.text_zh)
                    .all(|caveat| !caveat_mentioned(text, p.range.clone(), caveat))
            })
        {
            Verdict::DropsCaveat
        } else {
            Verdict::Agrees
        }
    }

    /// How a claim that agrees with `best` in value, unit and year differs
    /// from it in scope: it names another extent, or its words name
    /// another record (`other` says which may be) much better.
    fn scope_of(
        &self,
        claim: &ClaimAt<'_>,
        best: &Entry,
        best_score: f32,
        candidates: &[(&Entry, f32)],
        other: &dyn Fn(&Entry) -> bool,
    ) -> Option<Scope> {
        self.extents
            .conflict(best.at, best, claim.words, claim.context, claim.noun)
            .or_else(|| {
                // The draft names the other record only where it says
                // something of it that the record it agrees with does not
                // ("the Future Industry Fund", not just "the industries of
                // the future", which both share).
                let named_apart = |e: &Entry| {
                    e.own_words
                        .iter()
                        .any(|w| claim.words.contains(w) && !best.own_words.contains(w))
                };
                candidates
                    .iter()
                    .find(|(e, rank)| {
                        *rank > best_score + MARGIN
                            && e.quote != best.quote
                            && other(e)
                            && named_apart(e)
                    })
                    .map(|(e, _)| Scope::Other(e.figure))
            })
            .or_else(|| {
                // The number's own clause names a group ("the three
                // pioneering industries' output grew 5.5 percent") and the
                // record is not of it, while a record of the group is.
                let clause = &claim.text[clause_around(claim.text, claim.p.core.clone())];
                let clause_words: HashSet<String> = words::words(clause).into_iter().collect();
                let group = self.extents.group_named(&clause_words, clause)?;
                if self.extents.group_of(best.at) == Some(group) {
                    return None;
                }
                candidates
                    .iter()
                    .find(|(e, _)| self.extents.group_of(e.at) == Some(group) && other(e))
                    .map(|(e, _)| Scope::Other(e.figure))
            })
    }

    /// The record whose value, unit and year a claim states of another
    /// extent than the record's, where its subject words found none: a
    /// claim naming the nation or a district may state the city's
    /// figure (found with that place left out), one naming a member of a
    /// group the group's (found with the group's words added). `stated`
    /// says whether a record's value and year are the claim's.
    fn scope_elsewhere(
        &self,
        claim: &ClaimAt<'_>,
        candidates: &[(&Entry, f32)],
        stated: &dyn Fn(&Entry) -> bool,
    ) -> Option<(FigureRef, Scope)> {
        let found = |core: Vec<(&Entry, f32)>| {
            let agreeing: Vec<&(&Entry, f32)> = core.iter().filter(|(e, _)| stated(e)).collect();
            let &&(best, best_score) = agreeing.first()?;
            if !rivals(&agreeing, best, best_score).is_empty() {
                return None;
            }
            self.extents
                .conflict(best.at, best, claim.words, claim.context, claim.noun)
                .map(|scope| (best.figure, scope))
        };
        // Not where a record of the claim's subject names the place too
        // (the National AI Fund is no city's figure said of the nation).
        let places = self.extents.places_in(claim.words);
        let place_named = candidates.iter().any(|(e, _)| {
            self.value_in(e, claim.p).is_some() && places.iter().any(|w| e.own_words.contains(w))
        });
        if !places.is_empty() && !place_named {
            let core = self.candidates(claim.text, claim.p, claim.context, &places);
            if let Some(hit) = found(core) {
                return Some(hit);
            }
        }
        for group in self.extents.groups_of_members(claim.words, claim.context) {
            let wider = format!("{} {group}", claim.context);
            let core = self.candidates(claim.text, claim.p, &wider, &HashSet::new());
            if let Some(hit @ (_, Scope::Member { .. })) = found(core) {
                return Some(hit);
            }
        }
        None
    }

    /// The records whose subject the claim names, best first, each with
    /// its rank: the words around the figure, those of its own clause,
    /// and how much of the record's quote the draft repeats.
    /// The words in `drop` are left out of the claim's.
    fn candidates(
        &self,
        text: &str,
        p: &Proposal,
        context: &str,
        drop: &HashSet<String>,
    ) -> Vec<(&Entry, f32)> {
        let clause = clause_around(text, p.core.clone());
        let noun_words = p.noun.as_deref().map(words::words).unwrap_or_default();
        // The words of the number's own clause rank the records that
        // the whole quote finds ("Shanghai's GDP grow by 5.5 percent"
        // and "output jump 8.5 percent" in one sentence).
        let near: HashMap<usize, f32> = self
            .records
            .scored(&text[clause], drop)
            .into_iter()
            .map(|(e, score)| (e, score.total()))
            .collect();
        let context_words = plain_words(context);
        let mut candidates: Vec<(&Entry, f32)> = self
            .records
            .scored(context, drop)
            .into_iter()
            .filter(|(_, score)| score.total() >= SUBJECT_MIN)
            .map(|(e, score)| {
                let entry = &self.records.entries[e];
                let rank = score.total()
                    + near.get(&e).copied().unwrap_or_default()
                    + 0.5 * likeness(&context_words, &entry.quote);
                (entry, rank)
            })
            .filter(|(entry, _)| noun_fits(entry, p.unit, &noun_words))
            .collect();
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
        candidates
    }

    /// The words a claim's subject is read from: its quote, its metric and
    /// noun, and the places its clause names.
    fn context(text: &str, p: &Proposal) -> String {
        let mut context = text[p.range.clone()].to_owned();
        for extra in [Some(&p.metric), p.noun.as_ref()].into_iter().flatten() {
            context.push(' ');
            context.push_str(extra);
        }
        // A place named anywhere in the figure's clause ("Beijing's GDP
        // reached ...") rules out records of other places, even where the
        // figure's quote starts after it.
        let clause = clause_around(text, p.core.clone());
        for word in words::words(&text[clause]) {
            if words::PLACES.contains(&word.as_str()) {
                context.push(' ');
                context.push_str(&word);
            }
        }
        context
    }

    /// The claim's value in the record's unit, or `None` where the units
    /// do not compare (US dollars are changed into yuan at the rate a
    /// document states).
    fn value_in(&self, entry: &Entry, p: &Proposal) -> Option<f64> {
        let record = entry.quantity.unit;
        match (p.unit, record) {
            (FigureUnit::UsDollars, QuantityUnit::Yuan) => {
                let rate = crate::view::amount::usd_rate(self.dataset, p.value * 7.0)?;
                Some(p.value * rate.yuan_per_unit())
            }
            (
                FigureUnit::Percent | FigureUnit::PercentYoy,
                QuantityUnit::Percent | QuantityUnit::PercentYoy,
            ) => Some(p.value),
            (unit, record) if unit.dataset() == Some(record) => Some(p.value),
            _ => None,
        }
    }

    /// The factor the tolerance (in the claim's unit) is multiplied by to
    /// be in the record's: the exchange rate for dollars.
    fn scale(&self, entry: &Entry, p: &Proposal) -> f64 {
        if p.unit == FigureUnit::UsDollars && entry.quantity.unit == QuantityUnit::Yuan {
            crate::view::amount::usd_rate(self.dataset, p.value * 7.0)
                .map_or(1.0, crate::dataset::ExchangeRate::yuan_per_unit)
        } else {
            1.0
        }
    }

    /// Where the sources state the figure as written, or else its
    /// number: for an editor to see what the data left out.
    /// `searched` keeps what was found for each figure as written.
    fn hits(&self, text: &str, p: &Proposal, searched: &mut Searched) -> Vec<SourceHit> {
        let core = text[p.core.clone()].trim();
        let number = text[p.number.clone()].trim();
        searched
            .entry((core.to_owned(), number.to_owned()))
            .or_insert_with(|| self.search(core, number))
            .clone()
    }

    /// Where the sources state `core`, or else `number`.
    fn search(&self, core: &str, number: &str) -> Vec<SourceHit> {
        let mut found = documents::matches(self.dataset, self.proof, core, MAX_HITS);
        if found.is_empty() && number.chars().count() >= 2 {
            found = documents::matches(self.dataset, self.proof, number, MAX_HITS);
        }
        found
            .into_iter()
            .map(|m| SourceHit {
                source_id: self.dataset.sources[m.source.index()].id.to_string(),
                context: format!("{}[{}]{}", m.before, m.matched, m.after),
                spot: crate::dataset::proof::Spot {
                    source: m.source,
                    range: Some(m.range),
                },
            })
            .collect()
    }
}

/// A count's noun is one of the record's words ("20 industry leaders"
/// is no count of "pioneering areas").
fn noun_fits(entry: &Entry, unit: FigureUnit, noun: &[String]) -> bool {
    if unit != FigureUnit::Count || noun.is_empty() {
        return true;
    }
    noun.iter().any(|w| entry.own_words.contains(w))
}

/// The other records of `pool` as likely as `best` (within [`MARGIN`] of
/// its rank), not the same figure recorded twice (one quote).
fn rivals<'e>(pool: &[&(&'e Entry, f32)], best: &Entry, best_rank: f32) -> Vec<&'e Entry> {
    pool.iter()
        .filter(|(e, rank)| {
            e.figure != best.figure && rank + MARGIN >= best_rank && e.quote != best.quote
        })
        .map(|(e, _)| *e)
        .collect()
}

/// The number of `p` and a record's are the same in different units
/// ("33.4 percentage points" for a record's "33.4%").
fn same_number(entry: &Entry, p: &Proposal) -> bool {
    (entry.quantity.value - p.value).abs() <= 1e-9 * p.value.abs().max(1.0)
}

/// How far a record's value may be from the claim's, in the claim's
/// unit: half the last digit the draft prints ("5.4 trillion" is any of
/// 5.35 to 5.45 trillion), or 1% for a number in words ("one-third").
fn tolerance(text: &str, p: &Proposal) -> f64 {
    let number = &text[p.number.clone()];
    let digits: String = number
        .chars()
        .filter_map(|c| match c {
            '0'..='9' | '.' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '．' => Some('.'),
            _ => None,
        })
        .collect();
    let printed: Option<f64> = digits.parse().ok().filter(|v: &f64| *v > 0.0);
    match printed {
        Some(printed) => {
            let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
            let scale = p.value / printed;
            let step = 10f64.powi(-i32::try_from(decimals).unwrap_or(0));
            0.5 * step * scale * (1.0 + 1e-9)
        }
        None => 0.01 * p.value.abs(),
    }
}

/// Whether the record says "over" or "about" and the draft does not say
/// the same.
fn qualifier_dropped(entry: &Entry, qualifier: Option<Qualifier>) -> bool {
    let q = entry.quantity;
    let lower = qualifier.is_some_and(Qualifier::lower_bound);
    let approximate = qualifier.is_some_and(Qualifier::approximate);
    (q.lower_bound && !lower) || (q.approximate && !approximate && !lower)
}

/// The least share of a caveat's words the draft must have near a claim
/// for the caveat to count as mentioned.
const CAVEAT_SHARE: f32 = 0.3;

/// The share of a quote's words (every word, "last year" too, numbers
/// left out) that `context` has: a draft quoting a source word for word
/// names the very record.
fn likeness(context: &HashSet<String>, quote: &str) -> f32 {
    let quote = plain_words(quote);
    if quote.is_empty() {
        return 0.0;
    }
    quote.iter().filter(|w| context.contains(*w)).count() as f32 / quote.len() as f32
}

/// Every word of `text` in lower case, numbers left out.
fn plain_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// The clause around `core`: from the stop or comma before it to the one
/// after it.
fn clause_around(text: &str, core: Range<usize>) -> Range<usize> {
    let is_break = |c: char| {
        matches!(
            c,
            ',' | ';' | ':' | '—' | '(' | ')' | '，' | '；' | '：' | '、' | '（' | '）'
        )
    };
    let start = text[..core.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_break(c) || is_stop(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[core.end..]
        .char_indices()
        .find(|&(i, c)| is_break(c) || is_stop(text, core.end + i, c))
        .map_or(text.len(), |(i, _)| core.end + i);
    start..end
}

/// Whether the draft mentions the caveat near the claim: in its sentence
/// or the next, a good share of the caveat's words.
fn caveat_mentioned(text: &str, context: Range<usize>, caveat: &str) -> bool {
    let end = sentence_end(text, sentence_end(text, context.end));
    let start = sentence_start(text, context.start);
    let near: HashSet<String> = words::words(&text[start..end]).into_iter().collect();
    let wanted: HashSet<String> = words::words(caveat).into_iter().collect();
    if wanted.is_empty() {
        return true;
    }
    let found = wanted.iter().filter(|w| near.contains(*w)).count();
    found >= 3 && found as f32 >= CAVEAT_SHARE * wanted.len() as f32
}

/// Whether the character at `at` ends a sentence (a full stop between
/// digits is a decimal point).
fn is_stop(text: &str, at: usize, c: char) -> bool {
    match c {
        '。' | '\n' | '!' | '?' | '！' | '？' => true,
        '.' => !text[at + 1..].starts_with(|d: char| d.is_ascii_digit()),
        _ => false,
    }
}

/// Whether `p` is compared with `before`, the figure just before it in the
/// same sentence, in the same unit: "33.4% of GDP in 2024, up from about
/// 7.5% in 2021", "较2021年的7.5%". Such a figure's own words name no
/// subject; it is of what the figure before is of.
fn compared_with(text: &str, before: &Proposal, p: &Proposal) -> bool {
    const CUES: &[&str] = &[
        "up from",
        "down from",
        "rising from",
        "rose from",
        "falling from",
        "fell from",
        "from",
        "compared with",
        "compared to",
        "against",
        "versus",
        "vs",
        "较",
        "比",
        "相比",
        "高于",
        "低于",
    ];
    let Some(between) = text.get(before.core.end..p.core.start) else {
        return false;
    };
    // The words that open this figure's clause ("in 2024, up from about").
    let clause = between
        .rfind([',', '，', ';', '；'])
        .map_or(between, |at| &between[at..]);
    let lower = clause.to_lowercase();
    let words = lower.trim_start_matches(|c: char| c.is_whitespace() || ",，;；".contains(c));
    before.unit == p.unit
        && sentence_end(text, before.core.end) >= p.core.end
        && CUES.iter().any(|cue| {
            words.starts_with(cue)
                && !words[cue.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
}

/// The end of the sentence at `from`, past its stop.
fn sentence_end(text: &str, from: usize) -> usize {
    let from = from.min(text.len());
    text[from..]
        .char_indices()
        .find(|&(i, c)| is_stop(text, from + i, c))
        .map_or(text.len(), |(i, c)| from + i + c.len_utf8())
}

/// The start of the sentence holding `at`.
fn sentence_start(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_stop(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests;
