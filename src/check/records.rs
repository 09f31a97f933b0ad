//! The dataset's figures as a claim is matched against them: each with
//! its value, unit, year, qualifier and caveat, and the words of its
//! title (English and Chinese), its quotes and its measures' themes,
//! indexed by word so a claim is compared only with the records sharing
//! a word with it.

use std::collections::{HashMap, HashSet};

use super::words::{PLACES, words};
use crate::dataset::{Dataset, FigureRef, Named as _, NodeIx, Quantity, SeriesIx};

/// A figure of the dataset with a number.
#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// Its place among the records.
    pub at: usize,
    /// The record.
    pub figure: FigureRef,
    /// Its value as the dataset states it.
    pub quantity: Quantity,
    /// The year it is for, its deadline, or the year it is as of.
    pub year: Option<i32>,
    /// The main quote's words, for telling records of one quote apart.
    pub quote: String,
    /// The idf of its English title's words, summed, and of its Chinese
    /// title's: a claim names one or the other.
    title_weight: [f32; 2],
    /// The places its words name.
    places: HashSet<u32>,
    /// The words of its title (English and Chinese) and main quote, for
    /// telling what a count counts.
    pub own_words: HashSet<String>,
}

/// The figures of a dataset, indexed by the words of their titles and
/// quotes.
#[derive(Debug, Default)]
pub(super) struct Records {
    pub entries: Vec<Entry>,
    vocabulary: HashMap<String, u32>,
    /// Each word's weight: rarer words say more.
    idf: Vec<f32>,
    /// Word to the entries whose title has it, in English or Chinese
    /// (a word of both is in the English title only).
    in_title: HashMap<u32, Vec<(u32, u8)>>,
    /// Word to the entries whose quotes, themes or title have it.
    in_text: HashMap<u32, Vec<u32>>,
    /// The words naming places.
    places: HashSet<u32>,
}

/// How a claim's words compare with one record's.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Score {
    /// The share of the record's title (by weight) the claim's words name.
    pub title: f32,
    /// The share of the claim's words (by weight) the record's words have.
    pub text: f32,
}

impl Score {
    /// One number: the title and the quotes count alike.
    pub fn total(self) -> f32 {
        0.5 * self.title + 0.5 * self.text
    }
}

impl Records {
    /// Every figure of `dataset` with a number.
    pub fn new(dataset: &Dataset) -> Self {
        let mut records = Self::default();
        let mut df: Vec<u32> = Vec::new();
        let mut titles: Vec<[HashSet<u32>; 2]> = Vec::new();
        for figure in figures(dataset) {
            let Some((quantity, year)) = value_of(dataset, figure) else {
                continue;
            };
            let named = dataset.figure_named(figure);
            let mut title_zh = String::new();
            for zh in [named.printed_zh(), named.translated_zh()]
                .into_iter()
                .flatten()
            {
                title_zh.push(' ');
                title_zh.push_str(zh);
            }
            let mut text = format!("{} {title_zh}", named.english());
            let citations = citations(dataset, figure);
            for quote in &citations {
                text.push(' ');
                text.push_str(quote);
            }
            // The places a record names are those of its title and quotes:
            // a theme's description may name a place in passing ("a term
            // championed by Beijing") without the figure being about it.
            let places: HashSet<u32> = words(&text)
                .into_iter()
                .map(|w| records.word(&w, &mut df))
                .collect();
            for &node in dataset.figure_measures(figure) {
                push_themes(dataset, node, &mut text);
            }
            // A title's words in brackets are detail ("Industry leaders in
            // frontier sectors (CGT, BCI, …)"): a claim need not name them.
            let en: HashSet<u32> = words(&without_brackets(named.english()))
                .into_iter()
                .map(|w| records.word(&w, &mut df))
                .collect();
            let zh: HashSet<u32> = words(&title_zh)
                .into_iter()
                .map(|w| records.word(&w, &mut df))
                .filter(|w| !en.contains(w))
                .collect();
            let all: HashSet<u32> = words(&text)
                .into_iter()
                .map(|w| records.word(&w, &mut df))
                .collect();
            let at = u32::try_from(records.entries.len()).unwrap_or(u32::MAX);
            for &w in &all {
                df[w as usize] += 1;
                records.in_text.entry(w).or_default().push(at);
            }
            for (which, title) in [&en, &zh].into_iter().enumerate() {
                for &w in title {
                    records
                        .in_title
                        .entry(w)
                        .or_default()
                        .push((at, u8::from(which == 1)));
                }
            }
            records.entries.push(Entry {
                at: records.entries.len(),
                figure,
                quantity,
                year,
                own_words: words(&format!(
                    "{} {title_zh} {}",
                    named.english(),
                    citations.first().map_or("", String::as_str)
                ))
                .into_iter()
                .collect(),
                quote: citations.first().cloned().unwrap_or_default(),
                title_weight: [0.0; 2],
                // Narrowed to the places once the vocabulary is known.
                places,
            });
            titles.push([en, zh]);
        }
        let n = records.entries.len().max(1) as f32;
        records.idf = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f32).ln())
            .collect();
        records.places = PLACES
            .iter()
            .filter_map(|p| records.vocabulary.get(*p).copied())
            .collect();
        for (entry, title) in records.entries.iter_mut().zip(&titles) {
            for (weight, words) in entry.title_weight.iter_mut().zip(title) {
                *weight = words.iter().map(|&w| records.idf[w as usize]).sum();
            }
            entry.places.retain(|w| records.places.contains(w));
        }
        records
    }

    /// The id of `word`, added to the vocabulary if new.
    fn word(&mut self, word: &str, df: &mut Vec<u32>) -> u32 {
        if let Some(&id) = self.vocabulary.get(word) {
            return id;
        }
        let id = u32::try_from(df.len()).unwrap_or(u32::MAX);
        df.push(0);
        self.vocabulary.insert(word.to_owned(), id);
        id
    }

    /// The records sharing a word with `context`, each with its score,
    /// best first; records naming none of the places the claim names are
    /// left out.
    /// The words in `drop` are left out of the claim's.
    pub fn scored(&self, context: &str, drop: &HashSet<String>) -> Vec<(usize, Score)> {
        let mut known: Vec<u32> = Vec::new();
        let mut weight_all = 0.0_f32;
        let mut claim_places: Vec<u32> = Vec::new();
        let mut unknown_place = false;
        let mut seen: HashSet<String> = HashSet::new();
        // Unknown words weigh as much as the rarest known one.
        let rare = self.idf.iter().copied().fold(1.0_f32, f32::max);
        for word in words(context) {
            if drop.contains(&word) || !seen.insert(word.clone()) {
                continue;
            }
            if let Some(&id) = self.vocabulary.get(&word) {
                weight_all += self.idf[id as usize];
                if self.places.contains(&id) {
                    claim_places.push(id);
                }
                known.push(id);
            } else {
                weight_all += rare;
                unknown_place |= PLACES.contains(&word.as_str());
            }
        }
        if unknown_place {
            // A place no record names: the claim is about somewhere else.
            return Vec::new();
        }
        let mut title: HashMap<u32, [f32; 2]> = HashMap::new();
        let mut text: HashMap<u32, f32> = HashMap::new();
        for &w in &known {
            let idf = self.idf[w as usize];
            for &(e, which) in self.in_title.get(&w).map_or(&[][..], Vec::as_slice) {
                title.entry(e).or_default()[usize::from(which)] += idf;
            }
            for &e in self.in_text.get(&w).map_or(&[][..], Vec::as_slice) {
                *text.entry(e).or_default() += idf;
            }
        }
        let mut out: Vec<(usize, Score)> = text
            .into_iter()
            .filter(|(e, _)| {
                let entry = &self.entries[*e as usize];
                claim_places.iter().all(|p| entry.places.contains(p))
            })
            .map(|(e, shared)| {
                let entry = &self.entries[e as usize];
                let in_title = title.get(&e).copied().unwrap_or_default();
                let cover = |i: usize| {
                    if entry.title_weight[i] > 0.0 {
                        in_title[i] / entry.title_weight[i]
                    } else {
                        0.0
                    }
                };
                let score = Score {
                    title: cover(0).max(cover(1)),
                    text: if weight_all > 0.0 {
                        shared / weight_all
                    } else {
                        0.0
                    },
                };
                (e as usize, score)
            })
            .collect();
        out.sort_by(|a, b| b.1.total().total_cmp(&a.1.total()).then(a.0.cmp(&b.0)));
        out
    }
}

/// `text` without its parts in brackets.
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every figure that can carry a number: points, funds, targets, facts.
fn figures(dataset: &Dataset) -> impl Iterator<Item = FigureRef> + '_ {
    let points = dataset.series.iter().enumerate().flat_map(|(s, series)| {
        (0..series.points.len())
            .map(move |p| FigureRef::Point(SeriesIx::at(s), u32::try_from(p).unwrap_or(u32::MAX)))
    });
    let funds = (0..dataset.funds.len()).map(|f| FigureRef::Fund(crate::dataset::FundIx::at(f)));
    let targets =
        (0..dataset.targets.len()).map(|t| FigureRef::Target(crate::dataset::TargetIx::at(t)));
    let facts = (0..dataset.facts.len()).map(|f| FigureRef::Fact(crate::dataset::FactIx::at(f)));
    points.chain(funds).chain(targets).chain(facts)
}

/// A figure's value and year, if it has a value.
pub fn value_of(dataset: &Dataset, figure: FigureRef) -> Option<(Quantity, Option<i32>)> {
    match figure {
        FigureRef::Series(_) => None,
        FigureRef::Point(s, p) => {
            let series = &dataset.series[s.index()];
            let point = series.points.get(p as usize)?;
            Some((Quantity::of_point(series, point), Some(point.year)))
        }
        FigureRef::Fund(f) => Quantity::of_fund(&dataset.funds[f.index()]).map(|q| (q, None)),
        FigureRef::Target(t) => {
            let target = &dataset.targets[t.index()];
            Some((Quantity::of_target(target), target.deadline_year))
        }
        FigureRef::Fact(f) => {
            let fact = &dataset.facts[f.index()];
            let year = fact.as_of.get(..4).and_then(|y| y.parse().ok());
            Quantity::of_fact(fact).map(|q| (q, year))
        }
    }
}

/// A figure's citations: where it is stated, the main one first.
pub fn citation_list(dataset: &Dataset, figure: FigureRef) -> &[crate::dataset::Citation] {
    match figure {
        FigureRef::Series(_) => &[],
        FigureRef::Point(s, p) => dataset.series[s.index()]
            .points
            .get(p as usize)
            .map_or(&[][..], |p| &p.citations),
        FigureRef::Fund(f) => &dataset.funds[f.index()].citations,
        FigureRef::Target(t) => &dataset.targets[t.index()].citations,
        FigureRef::Fact(f) => &dataset.facts[f.index()].citations,
    }
}

/// The quotes of a figure's citations.
fn citations(dataset: &Dataset, figure: FigureRef) -> Vec<String> {
    citation_list(dataset, figure)
        .iter()
        .map(|c| c.quote.clone())
        .collect()
}

/// The names of a node's themes, and of its plan's title, added to `text`.
fn push_themes(dataset: &Dataset, node: NodeIx, text: &mut String) {
    let node = dataset.node(node);
    for &theme in &node.themes {
        let theme = &dataset.themes[theme.index()];
        text.push(' ');
        text.push_str(&theme.name);
        if let Some(zh) = theme.zh() {
            text.push(' ');
            text.push_str(zh.text());
        }
    }
    let plan = &dataset.plans[node.plan.index()];
    text.push(' ');
    text.push_str(&plan.title);
}
