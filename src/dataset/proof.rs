//! Proof that quotes are verbatim, and where each stands in its document.
//!
//! Every quote, node text and printed Chinese name must occur in the text
//! of its source: the text the dataset carries (`sources[].text`) or, for a
//! source without one, its file in a folder given by `validate --sources`.
//! Texts are compared by [`super::folded`]'s one rule. Each quote found
//! becomes a [`Passage`] of its source, a range of the text as published
//! with the records that quote it; the source viewer shades them and the
//! document search tells quoted passages from the rest.
//!
//! Passages are found when the dataset is proven, not stored in the file:
//! the range follows from the text and the quote, so storing it would say
//! the same thing twice and go stale whenever a text is corrected.
//!
//! Quotes are looked for in the order the file lists them, each from where
//! the one before it was found, since a dataset follows its documents: a
//! dataset in document order is proven in one pass over each text. Once a
//! text has been scanned eight times over, the rest of its quotes are found
//! together in one more pass ([`aho_corasick`]), so a dataset in no order at
//! all costs a bounded number of passes, not one per quote.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use sha2::{Digest as _, Sha256};

use super::folded::{Folded, normalize, normalized};
use super::nearest::nearest;
use super::{
    Citation, Dataset, FigureRef, NodeIx, PlanIx, Problem, ProblemKind, SourceIx, abbreviate,
};
use crate::job::Progress;

/// A record that quotes a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quoting {
    /// A plan's Chinese title.
    Plan(PlanIx),
    /// A node's text or Chinese words.
    Node(NodeIx),
    /// A figure's quote or Chinese name.
    Figure(FigureRef),
    /// A unit's printed Chinese name, by position.
    Unit(usize),
    /// A theme's printed Chinese name, by position.
    Theme(usize),
    /// A district's printed Chinese name, by position.
    District(usize),
    /// An exchange rate's quote, by position.
    ExchangeRate(usize),
}

impl Quoting {
    /// The record's id, as the dataset spells it.
    pub fn id(self, dataset: &Dataset) -> &str {
        match self {
            Self::Plan(p) => &dataset.plans[p.index()].id,
            Self::Node(n) => &dataset.node(n).id,
            Self::Figure(f) => dataset.figure_id(f),
            Self::Unit(u) => &dataset.units[u].id,
            Self::Theme(t) => &dataset.themes[t].id,
            Self::District(d) => &dataset.districts[d].name,
            Self::ExchangeRate(r) => &dataset.exchange_rates[r].id,
        }
    }
}

/// Which of a record's fields holds the words a document must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A node's text.
    Text,
    /// A Chinese title: a plan's, a node's, a series', a fact's.
    TitleZh,
    /// A node's Chinese text.
    TextZh,
    /// A printed Chinese name: a unit's, a theme's, a district's, a fund's.
    NameZh,
    /// A target's Chinese metric.
    MetricZh,
    /// A quote: 0 is the figure's (or exchange rate's) own, `n` its
    /// `also[n - 1]`'s.
    Quote(u32),
}

impl Field {
    /// The field's key in the record.
    fn key(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::TitleZh => "title_zh",
            Self::TextZh => "text_zh",
            Self::NameZh => "name_zh",
            Self::MetricZh => "metric_zh",
            Self::Quote(_) => "quote",
        }
    }
}

/// One record's words in a document: the record and its field, a few
/// bytes; the JSON path is written out only when asked for (a problem, a
/// list of quoting records), not for every quote proven.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoter {
    /// The record.
    pub record: Quoting,
    /// The field holding the words.
    pub field: Field,
}

impl Quoter {
    /// The JSON path of the field holding the words, e.g.
    /// `plans[0].nodes[2].text` or `funds[3].also[0].quote`.
    pub fn path(self, dataset: &Dataset) -> String {
        let record = match self.record {
            Quoting::Plan(p) => format!("plans[{}]", p.index()),
            Quoting::Node(n) => dataset.node_json_path(n),
            Quoting::Figure(FigureRef::Series(s)) => format!("series[{}]", s.index()),
            Quoting::Figure(FigureRef::Point(s, p)) => {
                format!("series[{}].points[{p}]", s.index())
            }
            Quoting::Figure(FigureRef::Fund(f)) => format!("funds[{}]", f.index()),
            Quoting::Figure(FigureRef::Target(t)) => format!("targets[{}]", t.index()),
            Quoting::Figure(FigureRef::Fact(f)) => format!("facts[{}]", f.index()),
            Quoting::Unit(u) => format!("units[{u}]"),
            Quoting::Theme(t) => format!("themes[{t}]"),
            Quoting::District(d) => format!("districts[{d}]"),
            Quoting::ExchangeRate(r) => format!("exchange_rates[{r}]"),
        };
        match self.field {
            Field::Quote(also @ 1..) => format!("{record}.also[{}].quote", also - 1),
            field => format!("{record}.{}", field.key()),
        }
    }
}

/// A place in a source's text: the document, and the passage (a byte range
/// of the text as published) to show, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spot {
    /// The document.
    pub source: SourceIx,
    /// The passage to show highlighted; `None` opens the document at its
    /// start.
    pub range: Option<Range<usize>>,
}

/// A passage of a document that the data quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Where it is in the text as published, in bytes.
    pub range: Range<usize>,
    /// The records quoting exactly this passage, in file order.
    pub quoted_by: Vec<Quoter>,
}

/// Where a source's text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFrom {
    /// The dataset carries it.
    Dataset,
    /// A file in the folder given.
    Folder,
}

/// A source's text, folded for comparison, and the passages quoted.
#[derive(Debug)]
pub struct SourceText {
    /// The text as published.
    pub text: Arc<str>,
    /// Where it came from.
    pub from: TextFrom,
    /// The text folded by the one rule.
    pub folded: Folded,
    /// The passages the data quotes, by start (then end).
    pub passages: Vec<Passage>,
    /// The folded text in lower case (ASCII only, so offsets stay), made
    /// on the first search.
    lower: OnceLock<String>,
}

impl SourceText {
    fn new(text: Arc<str>, from: TextFrom) -> Self {
        let folded = Folded::new(&text);
        Self {
            text,
            from,
            folded,
            passages: Vec::new(),
            lower: OnceLock::new(),
        }
    }

    /// The passages overlapping `range` of the original text.
    pub fn passages_in(&self, range: Range<usize>) -> impl Iterator<Item = (usize, &Passage)> {
        // Passages are sorted by start; one may start long before and still
        // reach into the range, so the scan starts at the first whose start
        // is past the longest passage's reach.
        self.passages
            .iter()
            .enumerate()
            .skip_while(move |(_, p)| p.range.end <= range.start && p.range.start < range.start)
            .take_while(move |(_, p)| p.range.start < range.end)
            .filter(move |(_, p)| p.range.end > range.start)
    }

    /// The passage at `at` (an original byte offset), the shortest where
    /// passages overlap.
    pub fn passage_at(&self, at: usize) -> Option<usize> {
        self.passages_in(at..at + 1)
            .min_by_key(|(_, p)| p.range.len())
            .map(|(i, _)| i)
    }

    /// The sentence around `range` of the original text: from the end of
    /// the sentence before to the end of this one, at most `max` bytes each
    /// side.
    pub fn sentence_around(&self, range: Range<usize>, max: usize) -> Range<usize> {
        let text = &*self.text;
        let is_end = |c: char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '；' | '\n');
        let floor = range.start.saturating_sub(max);
        let mut start = range.start.min(text.len());
        for (at, c) in text[..start].char_indices().rev() {
            if at < floor {
                break;
            }
            if is_end(c) {
                break;
            }
            start = at;
        }
        let ceiling = range.end.saturating_add(max).min(text.len());
        let from = range.end.min(text.len());
        let mut end = from;
        // Offsets count from where the scan began, not from `end`, which
        // moves on with it.
        for (at, c) in text[from..].char_indices() {
            let at = from + at;
            if at >= ceiling {
                break;
            }
            end = at + c.len_utf8();
            if is_end(c) {
                break;
            }
        }
        // Trim the white space either side.
        let inner = &text[start..end];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        start + lead..(end - trail).max(start + lead)
    }
}

/// The proof of a dataset's quotes.
#[derive(Debug, Default)]
pub struct Proof {
    /// Each source's text, by source index; `None` where none is known.
    pub texts: Vec<Option<SourceText>>,
    /// What is wrong: quotes not found, hashes that differ, files that
    /// cannot be read.
    pub problems: Vec<Problem>,
    /// How many quotes were found in their documents.
    pub proven: usize,
    /// How many could not be looked for, their documents' texts unknown.
    pub unproven: usize,
}

/// The most "nearest passage" searches one proof makes; past them, a quote
/// not found is reported without one.
pub const MAX_NEAREST: usize = 200;

/// What a quote must be found in.
enum Within {
    /// Its one source.
    One(SourceIx),
    /// Any of these.
    Any(Vec<SourceIx>),
}

impl Within {
    /// The sources, as a list.
    fn sources(&self) -> &[SourceIx] {
        match self {
            Self::One(source) => std::slice::from_ref(source),
            Self::Any(list) => list,
        }
    }
}

/// One field's words to find.
struct Wanted<'a> {
    quoter: Quoter,
    within: Within,
    words: &'a str,
}

impl Proof {
    /// The text of `source`, if known.
    pub fn text(&self, source: SourceIx) -> Option<&SourceText> {
        self.texts.get(source.index()).and_then(Option::as_ref)
    }

    /// Where `quote` stands in `source`: the passage quoted by the field at
    /// `path`, or else the first place the words occur.
    pub fn locate(&self, source: SourceIx, quote: &str) -> Option<Range<usize>> {
        let text = self.text(source)?;
        let wanted = normalize(quote);
        if wanted.is_empty() {
            return None;
        }
        let found = memchr::memmem::find(text.folded.text.as_bytes(), wanted.as_bytes())?;
        Some(text.folded.original_range(found..found + wanted.len()))
    }

    /// Every match of `query` in the documents, in document order (sources
    /// in dataset order), ASCII letters matched without regard to case; at
    /// most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let wanted = normalize(query).to_ascii_lowercase();
        let mut hits = Vec::new();
        if wanted.is_empty() {
            return hits;
        }
        for (s, text) in self.texts.iter().enumerate() {
            let Some(text) = text else { continue };
            let lower = text
                .lower
                .get_or_init(|| text.folded.text.to_ascii_lowercase());
            for found in memchr::memmem::find_iter(lower.as_bytes(), wanted.as_bytes()) {
                if hits.len() >= limit {
                    return hits;
                }
                let range = text.folded.original_range(found..found + wanted.len());
                let quoted = text.passages_in(range.clone()).map(|(i, _)| i).collect();
                hits.push(Hit {
                    source: SourceIx::at(s),
                    range,
                    passages: quoted,
                });
            }
        }
        hits
    }
}

/// One match of a document search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The document.
    pub source: SourceIx,
    /// Where, in the text as published.
    pub range: Range<usize>,
    /// The quoted passages it falls in or touches (indexes into the
    /// source's passages); empty where no record quotes it.
    pub passages: Vec<usize>,
}

/// Proves `dataset`'s quotes against the texts it carries and, for sources
/// without one, the files in `folder`. Returns `None` once `progress` is
/// cancelled.
pub fn prove(
    dataset: &Dataset,
    folder: Option<&Path>,
    progress: Option<&Progress>,
) -> Option<Proof> {
    let cancelled = || progress.is_some_and(Progress::is_cancelled);
    let mut proof = Proof::default();
    let texts = checked_texts(dataset, folder, &mut proof.problems);
    if cancelled() {
        return None;
    }
    // A series' Chinese title is proven by the documents its points cite;
    // without points there are none. Said only when proof is being asked
    // for (some text is known).
    if texts.iter().any(Option::is_some) || folder.is_some() {
        for (s, series) in dataset.series.iter().enumerate() {
            if series.title_zh.is_some() && series.points.iter().all(|p| p.citations.is_empty()) {
                proof.problems.push(Problem::error(
                    format!("series[{s}].title_zh"),
                    ProblemKind::ChineseTitleUnprovable,
                ));
            }
        }
    }
    let wanted = wanted(dataset);
    // Most quotes are folded already: those are borrowed, not copied.
    let words: Vec<Cow<'_, str>> = wanted.iter().map(|w| normalized(w.words)).collect();
    let found = find(&texts, &wanted, &words, &cancelled)?;
    proof.texts = texts;
    report(dataset, &mut proof, wanted, &words, &found);
    Some(proof)
}

/// Each source's text, its hash checked against the one stated and
/// against the texts before it; problems for texts that differ from their
/// hash or cannot be read.
fn checked_texts(
    dataset: &Dataset,
    folder: Option<&Path>,
    problems: &mut Vec<Problem>,
) -> Vec<Option<SourceText>> {
    let mut hashes: HashMap<[u8; 32], SourceIx> = HashMap::new();
    let mut out = Vec::with_capacity(dataset.sources.len());
    for (i, (source, loaded)) in dataset
        .sources
        .iter()
        .zip(texts(dataset, folder))
        .enumerate()
    {
        match loaded {
            Loaded::Text(text) => {
                let actual: [u8; 32] = Sha256::digest(text.text.as_bytes()).into();
                let hex = hex(&actual);
                if let Some(stated) = &source.sha256
                    && stated.len() == 64
                    && !stated.eq_ignore_ascii_case(&hex)
                {
                    problems.push(Problem::error(
                        format!("sources[{i}].sha256"),
                        ProblemKind::HashMismatch {
                            stated: stated.clone(),
                            actual: hex,
                        },
                    ));
                }
                if let Some(other) = hashes.insert(actual, SourceIx::at(i)) {
                    problems.push(Problem::warning(
                        format!("sources[{i}].text"),
                        ProblemKind::SameText {
                            other: dataset.sources[other.index()].id.clone(),
                        },
                    ));
                }
                out.push(Some(text));
                continue;
            }
            Loaded::Unreadable(error) => problems.push(Problem::error(
                format!("sources[{i}].file"),
                ProblemKind::SourceUnreadable(Box::new(error)),
            )),
            Loaded::None if folder.is_some() => problems.push(Problem::warning(
                format!("sources[{i}]"),
                ProblemKind::SourceWithoutFile {
                    id: source.id.clone(),
                },
            )),
            Loaded::None => {}
        }
        out.push(None);
    }
    out
}

/// What became of one wanted field's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Nothing to look for: the words are blank.
    Blank,
    /// Not looked for: a source that may hold them has no known text.
    Unknown,
    /// Looked for and not found.
    Missing,
    /// Found in this source at this folded offset.
    Found(SourceIx, usize),
}

/// Looks for every wanted field's (folded) `words` in its sources' texts,
/// a source at a time; `None` once `cancelled`.
fn find(
    texts: &[Option<SourceText>],
    wanted: &[Wanted<'_>],
    words: &[Cow<'_, str>],
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Outcome>> {
    let mut outcomes = vec![Outcome::Missing; wanted.len()];
    let mut batches: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for (w, want) in wanted.iter().enumerate() {
        let within = want.within.sources();
        if words[w].is_empty() {
            outcomes[w] = Outcome::Blank;
        } else if within.iter().any(|s| texts[s.index()].is_none()) {
            // A source whose text is unknown may hold the words: they are
            // not called missing, only not proven.
            outcomes[w] = Outcome::Unknown;
        } else {
            for s in within {
                batches[s.index()].push(w);
            }
        }
    }
    for (s, batch) in batches.iter_mut().enumerate() {
        let Some(text) = &texts[s] else { continue };
        // Words that may be in any of several sources and were found in
        // one before this are not looked for again.
        batch.retain(|&w| outcomes[w] == Outcome::Missing);
        let quotes: Vec<&str> = batch.iter().map(|&w| &*words[w]).collect();
        let places = locate_all(&text.folded.text, &quotes);
        for (&w, place) in batch.iter().zip(places) {
            if let Some(at) = place
                && outcomes[w] == Outcome::Missing
            {
                outcomes[w] = Outcome::Found(SourceIx::at(s), at);
            }
        }
        if cancelled() {
            return None;
        }
    }
    Some(outcomes)
}

/// Records the passages found in each source's text, and a problem for
/// each field whose words are missing, with the nearest passage.
fn report(
    dataset: &Dataset,
    proof: &mut Proof,
    wanted: Vec<Wanted<'_>>,
    words: &[Cow<'_, str>],
    outcomes: &[Outcome],
) {
    let mut nearest_left = MAX_NEAREST;
    let mut spots: Vec<Vec<(Range<usize>, Quoter)>> = vec![Vec::new(); dataset.sources.len()];
    for ((want, words), outcome) in wanted.into_iter().zip(words).zip(outcomes) {
        match *outcome {
            Outcome::Blank => {}
            Outcome::Unknown => proof.unproven += 1,
            Outcome::Found(s, at) => {
                proof.proven += 1;
                if let Some(text) = &proof.texts[s.index()] {
                    let range = text.folded.original_range(at..at + words.len());
                    spots[s.index()].push((range, want.quoter));
                }
            }
            Outcome::Missing => {
                let within = want.within.sources();
                let near = within.first().and_then(|&s| {
                    let text = proof.texts[s.index()].as_ref()?;
                    nearest_left = nearest_left.checked_sub(1)?;
                    nearest(&dataset.sources[s.index()].id, &text.folded, words)
                });
                let mut files: Vec<String> = within
                    .iter()
                    .map(|s| {
                        let source = &dataset.sources[s.index()];
                        source.file.clone().unwrap_or_else(|| source.id.to_string())
                    })
                    .collect();
                files.sort_unstable();
                files.dedup();
                proof.problems.push(Problem::error(
                    want.quoter.path(dataset),
                    ProblemKind::NotVerbatim {
                        files,
                        quote: abbreviate(want.words, 80, "..."),
                        nearest: near.map(Box::new),
                    },
                ));
            }
        }
    }
    for (text, spots) in proof.texts.iter_mut().zip(spots) {
        if let Some(text) = text {
            text.passages = passages(spots);
        }
    }
}

/// A source's text as far as it could be had.
enum Loaded {
    Text(SourceText),
    Unreadable(super::ReadError),
    None,
}

/// Each source's text: carried, or read from `folder`.
fn texts(dataset: &Dataset, folder: Option<&Path>) -> Vec<Loaded> {
    dataset
        .sources
        .iter()
        .map(|source| {
            if let Some(text) = &source.text {
                return Loaded::Text(SourceText::new(text.clone(), TextFrom::Dataset));
            }
            let (Some(folder), Some(file)) = (folder, &source.file) else {
                return Loaded::None;
            };
            let progress = Progress::default();
            match super::read_bytes_with(&folder.join(file), super::MAX_DATASET_BYTES, &progress) {
                Ok(bytes) => Loaded::Text(SourceText::new(
                    Arc::from(String::from_utf8_lossy(&bytes).as_ref()),
                    TextFrom::Folder,
                )),
                Err(error) => Loaded::Unreadable(error),
            }
        })
        .collect()
}

/// Lower-case hexadecimal.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// The SHA-256 of `text` in lower-case hexadecimal, as `sources[].sha256`
/// states it.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Sorts the found quotes by place and merges the ones at the same place.
fn passages(mut spots: Vec<(Range<usize>, Quoter)>) -> Vec<Passage> {
    spots.sort_by_key(|(range, _)| (range.start, range.end));
    let mut out: Vec<Passage> = Vec::new();
    for (range, quoter) in spots {
        match out.last_mut() {
            Some(last) if last.range == range => last.quoted_by.push(quoter),
            _ => out.push(Passage {
                range,
                quoted_by: vec![quoter],
            }),
        }
    }
    out
}

/// How many times over a text is scanned quote by quote before the rest of
/// its quotes are found in one pass.
const SCANS_BEFORE_ONE_PASS: usize = 8;

/// Where each of `quotes` first occurs in `text` (folded byte offsets),
/// each looked for from where the one before was found.
pub fn locate_all(text: &str, quotes: &[&str]) -> Vec<Option<usize>> {
    let bytes = text.as_bytes();
    let budget =
        SCANS_BEFORE_ONE_PASS * bytes.len() + quotes.iter().map(|q| q.len()).sum::<usize>();
    let mut scanned = 0usize;
    let mut cursor = 0usize;
    let mut out = vec![None; quotes.len()];
    let mut rest: Vec<usize> = Vec::new();
    for (q, quote) in quotes.iter().enumerate() {
        if scanned > budget {
            rest.push(q);
            continue;
        }
        let needle = quote.as_bytes();
        let ahead = find_first(&bytes[cursor..], needle).map(|at| cursor + at);
        let at = if let Some(at) = ahead {
            scanned += at - cursor + needle.len();
            Some(at)
        } else {
            scanned += bytes.len() - cursor;
            // Behind the cursor, up to where a match could still end.
            let end = (cursor + needle.len()).min(bytes.len());
            scanned += end;
            find_first(&bytes[..end], needle)
        };
        if let Some(at) = at {
            cursor = at;
        }
        out[q] = at;
    }
    if !rest.is_empty() {
        one_pass(text, quotes, &rest, &mut out);
    }
    out
}

/// How far ahead of the cursor a quote is first looked for by its first
/// byte alone, each place compared whole: about two paragraphs.
const NEAR: usize = 1024;
/// The bytes of a quote looked for next; each place they are found is
/// then compared whole.
const HEAD: usize = 32;
/// How many places of a quote's head may turn out not to be the quote
/// before the quote is looked for whole.
const FALSE_HEADS: usize = 16;

/// Where `needle` first occurs in `haystack`: `memmem::find`'s answer.
/// A searcher costs time in the needle's length to build, more than a
/// search costs where the quote is just ahead, as it is in a dataset that
/// follows its document. So the first `NEAR` bytes are looked at by the
/// needle's first byte; then a long needle's first bytes are looked for,
/// and each place compared whole. A head that recurs without the rest
/// (boilerplate) hands over to a searcher for the whole needle, so no
/// text costs more than that searcher would plus a few comparisons.
fn find_first(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    let near = haystack.len().min(NEAR);
    if let Some(at) =
        memchr::memchr_iter(first, &haystack[..near]).find(|&at| haystack[at..].starts_with(needle))
    {
        return Some(at);
    }
    // Not starting in the first `near` bytes.
    let mut from = near;
    if needle.len() <= HEAD {
        return memchr::memmem::find(&haystack[from..], needle).map(|at| from + at);
    }
    let head = memchr::memmem::Finder::new(&needle[..HEAD]);
    for _ in 0..FALSE_HEADS {
        let at = from + head.find(&haystack[from..])?;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    memchr::memmem::find(&haystack[from..], needle).map(|at| from + at)
}

/// Finds the quotes `rest` in one pass over `text`.
fn one_pass(text: &str, quotes: &[&str], rest: &[usize], out: &mut [Option<usize>]) {
    // The same words wanted twice are one pattern.
    let mut patterns: Vec<&str> = Vec::new();
    let mut of_pattern: HashMap<&str, usize> = HashMap::new();
    let mut wanting: Vec<Vec<usize>> = Vec::new();
    for &q in rest {
        let p = *of_pattern.entry(quotes[q]).or_insert_with(|| {
            patterns.push(quotes[q]);
            wanting.push(Vec::new());
            patterns.len() - 1
        });
        wanting[p].push(q);
    }
    let Ok(automaton) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
    else {
        // Too many patterns for the automaton: each is looked for alone.
        for &q in rest {
            out[q] = memchr::memmem::find(text.as_bytes(), quotes[q].as_bytes());
        }
        return;
    };
    let mut left = patterns.len();
    let mut seen = vec![false; patterns.len()];
    for found in automaton.find_overlapping_iter(text) {
        let p = found.pattern().as_usize();
        if !seen[p] {
            seen[p] = true;
            for &q in &wanting[p] {
                out[q] = Some(found.start());
            }
            left -= 1;
            if left == 0 {
                break;
            }
        }
    }
}

/// Gathers the fields whose words must occur in a document.
#[derive(Default)]
struct Gather<'a> {
    out: Vec<Wanted<'a>>,
}

impl<'a> Gather<'a> {
    fn push(&mut self, record: Quoting, field: Field, within: Within, words: &'a str) {
        self.out.push(Wanted {
            quoter: Quoter { record, field },
            within,
            words,
        });
    }

    /// A figure's quotes, each in its own source.
    fn citations(&mut self, record: Quoting, citations: &'a [Citation]) {
        for (c, citation) in citations.iter().enumerate() {
            let field = Field::Quote(u32::try_from(c).unwrap_or(u32::MAX));
            self.push(record, field, Within::One(citation.source), &citation.quote);
        }
    }

    /// A figure's Chinese name: in any document the figure cites.
    fn name_zh(&mut self, record: Quoting, field: Field, cited: Vec<SourceIx>, name: &'a str) {
        let mut cited = cited;
        cited.sort_unstable();
        cited.dedup();
        self.push(record, field, Within::Any(cited), name);
    }
}

/// The sources a figure's citations name.
fn cited(citations: &[Citation]) -> Vec<SourceIx> {
    citations.iter().map(|c| c.source).collect()
}

/// Every field whose words must occur in a document, in file order by
/// record kind.
fn wanted(dataset: &Dataset) -> Vec<Wanted<'_>> {
    let mut g = Gather::default();
    let every: Vec<SourceIx> = (0..dataset.sources.len()).map(SourceIx::at).collect();
    // Printed Chinese names of units, themes and districts belong to no one
    // document: any may print them.
    for (i, unit) in dataset.units.iter().enumerate() {
        if let Some(name) = &unit.name_zh {
            let within = Within::Any(every.clone());
            g.push(Quoting::Unit(i), Field::NameZh, within, name);
        }
    }
    for (i, theme) in dataset.themes.iter().enumerate() {
        if let Some(name) = &theme.name_zh {
            let within = Within::Any(every.clone());
            g.push(Quoting::Theme(i), Field::NameZh, within, name);
        }
    }
    for (i, district) in dataset.districts.iter().enumerate() {
        if let Some(name) = &district.name_zh {
            let within = Within::Any(every.clone());
            g.push(Quoting::District(i), Field::NameZh, within, name);
        }
    }
    for (i, plan) in dataset.plans.iter().enumerate() {
        if let Some(title) = &plan.title_zh {
            let record = Quoting::Plan(PlanIx::at(i));
            g.push(record, Field::TitleZh, Within::One(plan.source), title);
        }
    }
    figures(dataset, &mut g);
    // Each node's text, and its Chinese title and text, in the node's
    // source: Chinese comes from the documents, never from a translation.
    for (n, node) in dataset.nodes.iter().enumerate() {
        let record = Quoting::Node(NodeIx::at(n));
        let within = || Within::One(node.source);
        g.push(record, Field::Text, within(), &node.text);
        if let Some(title) = &node.title_zh {
            g.push(record, Field::TitleZh, within(), title);
        }
        if let Some(text) = &node.text_zh {
            g.push(record, Field::TextZh, within(), text);
        }
    }
    g.out
}

/// The figures' quotes, each in its own source, and their Chinese names,
/// in any document the figure cites.
fn figures<'a>(dataset: &'a Dataset, g: &mut Gather<'a>) {
    for (s, series) in dataset.series.iter().enumerate() {
        let ix = super::SeriesIx::at(s);
        for (p, point) in series.points.iter().enumerate() {
            let record =
                Quoting::Figure(FigureRef::Point(ix, u32::try_from(p).unwrap_or(u32::MAX)));
            g.citations(record, &point.citations);
        }
        if let Some(title) = &series.title_zh {
            let sources: Vec<SourceIx> = series
                .points
                .iter()
                .flat_map(|p| cited(&p.citations))
                .collect();
            // A series without points has nothing to prove its title by:
            // the checker reports that.
            if !sources.is_empty() {
                let record = Quoting::Figure(FigureRef::Series(ix));
                g.name_zh(record, Field::TitleZh, sources, title);
            }
        }
    }
    for (f, fund) in dataset.funds.iter().enumerate() {
        let record = Quoting::Figure(FigureRef::Fund(super::FundIx::at(f)));
        g.citations(record, &fund.citations);
        if let Some(name) = &fund.name_zh {
            g.name_zh(record, Field::NameZh, cited(&fund.citations), name);
        }
    }
    for (t, target) in dataset.targets.iter().enumerate() {
        let record = Quoting::Figure(FigureRef::Target(super::TargetIx::at(t)));
        g.citations(record, &target.citations);
        if let Some(metric) = &target.metric_zh {
            g.name_zh(record, Field::MetricZh, cited(&target.citations), metric);
        }
    }
    for (f, fact) in dataset.facts.iter().enumerate() {
        let record = Quoting::Figure(FigureRef::Fact(super::FactIx::at(f)));
        g.citations(record, &fact.citations);
        if let Some(title) = &fact.title_zh {
            g.name_zh(record, Field::TitleZh, cited(&fact.citations), title);
        }
    }
    for (r, rate) in dataset.exchange_rates.iter().enumerate() {
        g.push(
            Quoting::ExchangeRate(r),
            Field::Quote(0),
            Within::One(rate.citation.source),
            &rate.citation.quote,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::{FALSE_HEADS, HEAD, NEAR, find_first, wanted};

    /// The JSON pointer of a JSON path: `a[0].b` is `/a/0/b`.
    fn pointer(path: &str) -> String {
        path.split('.')
            .flat_map(|part| part.split('['))
            .fold(String::new(), |mut out, key| {
                out.push('/');
                out.push_str(key.trim_end_matches(']'));
                out
            })
    }

    #[test]
    fn each_wanted_field_names_the_path_of_its_words() {
        let dataset = super::super::load_embedded().dataset.expect("valid");
        let json: serde_json::Value =
            serde_json::from_str(super::super::EMBEDDED_JSON).expect("JSON");
        let wanted = wanted(&dataset);
        assert!(
            wanted
                .iter()
                .any(|w| w.quoter.path(&dataset).contains(".also["))
        );
        for want in &wanted {
            let path = want.quoter.path(&dataset);
            assert_eq!(
                json.pointer(&pointer(&path)).and_then(|v| v.as_str()),
                Some(want.words),
                "{path}"
            );
        }
    }

    #[test]
    fn every_search_hit_has_its_sentence() {
        let dataset = super::super::load_embedded().dataset.expect("valid");
        let proof = super::prove(&dataset, None, None).expect("proven");
        // Each keystroke of a search, as the document search runs it.
        for phrase in ["artificial intelligence", "人工智能"] {
            let ends = phrase.char_indices().skip(1).map(|(at, _)| at);
            for end in ends.chain([phrase.len()]) {
                for hit in proof.search(&phrase[..end], 200) {
                    let text = proof.text(hit.source).expect("a text");
                    let sentence = text.sentence_around(hit.range.clone(), 160);
                    assert!(sentence.start <= hit.range.start && hit.range.end <= sentence.end);
                    assert!(text.text.get(sentence).is_some());
                }
            }
        }
    }

    #[test]
    fn a_sentence_ends_at_its_full_stop_past_wide_characters() {
        let text = super::SourceText::new(
            std::sync::Arc::from("First. The plan — “bold” — 2026–2030 ends here. Next."),
            super::TextFrom::Dataset,
        );
        let at = text.text.find("plan").expect("there");
        let sentence = text.sentence_around(at..at + 4, 160);
        assert_eq!(
            &text.text[sentence],
            "The plan — “bold” — 2026–2030 ends here."
        );
    }

    #[test]
    fn a_quote_found_by_its_head_is_where_memmem_finds_it() {
        let quote = "the plan shall build a platform for clinical data, and a model industry";
        assert!(quote.len() > HEAD);
        let head = &quote[..HEAD];
        let mut texts = vec![
            String::new(),
            quote.to_owned(),
            format!("before {quote} after {quote}"),
            format!("{head} {head}{quote}"),
            format!("{head}x{}", &quote[..quote.len() - 1]),
        ];
        // A head that recurs without the rest, more times than are
        // compared, before and without the quote.
        let boilerplate = format!("{head}, and no more. ").repeat(FALSE_HEADS * 2);
        texts.push(format!("{boilerplate}{quote}"));
        texts.push(boilerplate.clone());
        // Beyond the bytes looked at by the first byte alone, and across
        // where they end.
        let far = "x".repeat(NEAR);
        for shift in [0, 1, quote.len() / 2, quote.len()] {
            texts.push(format!("{}{quote} {quote}", &far[shift..]));
            texts.push(format!("{}{boilerplate}{quote}", &far[shift..]));
        }
        for text in &texts {
            for needle in [quote, head, &quote[1..], "absent words", "x", ""] {
                assert_eq!(
                    find_first(text.as_bytes(), needle.as_bytes()),
                    memchr::memmem::find(text.as_bytes(), needle.as_bytes()),
                    "{needle:?} in {text:?}"
                );
            }
        }
    }
}
