//! The source viewer as data: a document's facts, its text cut into blocks
//! to lay out, what each block shows (plain, quoted by some record, the
//! passage shown, the words that differ from a quote not found), the
//! quoted passages in document order for next and previous, the records
//! quoting a passage, and which blocks a scrolled view has on screen.
//!
//! Nothing here draws: the window's viewer (`ui::source_viewer`) lays out
//! only the blocks [`Heights::visible`] names, so a text of many megabytes
//! costs what is on screen.

use std::ops::Range;

use crate::dataset::proof::{Passage, Proof, Quoting, SourceText, Spot};
use crate::dataset::{Dataset, ProblemKind, SourceIx, abbreviate};
use crate::i18n::{Lang, T, fill, tr};
use crate::selection::Item;

/// The longest block laid out as one, in bytes: a longer paragraph is cut
/// at a space or a punctuation mark before this.
pub const MAX_BLOCK_BYTES: usize = 2_000;

/// The most characters of a passage a label quotes.
pub const EXCERPT_CHARS: usize = 240;

/// The facts about a document shown above its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The document's title.
    pub title: String,
    /// Labelled facts in order: publisher, date (or how it was found),
    /// language and whether the text is the original, the day retrieved.
    pub facts: Vec<(&'static str, String)>,
    /// Where it is published.
    pub url: Option<String>,
}

/// The facts about `source`, worded in `lang`.
pub fn header(dataset: &Dataset, source: SourceIx, lang: Lang) -> Header {
    let Some(doc) = dataset.sources.get(source.index()) else {
        return Header {
            title: String::new(),
            facts: Vec::new(),
            url: None,
        };
    };
    let mut facts = vec![(tr(lang, T::SourcePublisher), doc.publisher.clone())];
    // A date the document prints; else how the editors dated it.
    match (&doc.date, &doc.date_note) {
        (Some(date), _) => facts.push((tr(lang, T::SourceDate), date.clone())),
        (None, Some(note)) => facts.push((tr(lang, T::SourceDate), note.clone())),
        (None, None) => facts.push((tr(lang, T::SourceDate), tr(lang, T::Undated).to_owned())),
    }
    let language = doc.language.as_deref().map(|tag| language_name(tag, lang));
    let version = match (doc.original, &doc.translated_by) {
        (Some(true), _) => Some(tr(lang, T::SourceOriginal).to_owned()),
        (Some(false), Some(by)) => Some(fill(lang, T::SourceTranslationBy, &[by])),
        (Some(false), None) => Some(tr(lang, T::SourceTranslation).to_owned()),
        (None, _) => None,
    };
    let language = match (language, version) {
        (Some(language), Some(version)) => Some(format!("{language}, {version}")),
        (language, version) => language.or(version),
    };
    if let Some(language) = language {
        facts.push((tr(lang, T::SourceLanguage), language));
    }
    if let Some(retrieved) = &doc.retrieved {
        facts.push((tr(lang, T::SourceRetrieved), retrieved.clone()));
    }
    Header {
        title: doc.title.clone(),
        facts,
        url: doc.url.clone(),
    }
}

/// A language tag's name in `lang`: English and Chinese by name, any other
/// tag as written.
fn language_name(tag: &str, lang: Lang) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    if primary.eq_ignore_ascii_case("en") {
        tr(lang, T::LanguageEnglish).to_owned()
    } else if primary.eq_ignore_ascii_case("zh") {
        tr(lang, T::LanguageChinese).to_owned()
    } else {
        tag.to_owned()
    }
}

/// Whether a block may be cut after `c`: after the end of a sentence
/// first, else after a space or other punctuation.
fn break_rank(c: char) -> u8 {
    match c {
        '.' | '!' | '?' | ';' | '。' | '！' | '？' | '；' => 2,
        c if c.is_whitespace() => 1,
        ',' | ':' | ')' | '，' | '、' | '：' | '）' | '」' | '》' => 1,
        _ => 0,
    }
}

/// The text cut into blocks to lay out, as byte ranges in order: each line
/// its own block (white space at either end left out, blank lines
/// dropped), and a line longer than [`MAX_BLOCK_BYTES`] cut at the last
/// sentence end, else space or punctuation, in its second half; a run with
/// neither is cut at a character.
pub fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let mut from = start + lead;
        let end = from + trimmed.len();
        while end - from > MAX_BLOCK_BYTES {
            let cut = cut_at(text, from, from + MAX_BLOCK_BYTES);
            let piece = &text[from..cut];
            let kept = piece.trim_end().len();
            out.push(from..from + kept);
            from = cut + (text[cut..end].len() - text[cut..end].trim_start().len());
        }
        if from < end {
            out.push(from..end);
        }
    }
    out
}

/// Where to cut `text[from..limit]`: just after the best break in its
/// second half, else at the last character boundary before `limit`.
fn cut_at(text: &str, from: usize, limit: usize) -> usize {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut half = from + (limit - from) / 2;
    while !text.is_char_boundary(half) {
        half += 1;
    }
    let mut best: Option<(u8, usize)> = None;
    for (at, c) in text[half..limit].char_indices().rev() {
        let rank = break_rank(c);
        if rank == 0 {
            continue;
        }
        let after = half + at + c.len_utf8();
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, after));
            if rank == 2 {
                break;
            }
        }
    }
    best.map_or(limit.max(from + 1), |(_, after)| after)
}

/// Which block holds byte `at` of the text: the first block ending after
/// it (a byte between blocks belongs to the next).
pub fn block_of(blocks: &[Range<usize>], at: usize) -> Option<usize> {
    let i = blocks.partition_point(|b| b.end <= at);
    (i < blocks.len())
        .then_some(i)
        .or(blocks.len().checked_sub(1))
}

/// How wide a block's text is, in units of an average Latin letter: one
/// for each ASCII character, two for anything wider (Chinese takes a full
/// square).
pub fn width_units(text: &str) -> u32 {
    let units = text
        .chars()
        .map(|c| if c.is_ascii() { 1u64 } else { 2 })
        .sum::<u64>();
    u32::try_from(units).unwrap_or(u32::MAX)
}

/// What the viewer shows of a document: which passage, and which words
/// in it differ from a quote the document does not hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The passage shown highlighted, a byte range of the text.
    pub highlight: Option<Range<usize>>,
    /// Its index among the text's quoted passages, where it is one.
    pub current: Option<usize>,
    /// The words within the highlight that differ from a quote not found
    /// (the nearest passage of a problem), as byte ranges of the text.
    pub marks: Vec<Range<usize>>,
}

/// `range` cut to `text` and moved onto character boundaries; `None` when
/// nothing is left.
fn clamp(text: &str, range: &Range<usize>) -> Option<Range<usize>> {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start < end).then_some(start..end)
}

/// Where the viewer stands for `spot`: the highlight, the quoted passage it
/// is, and, when it is the nearest passage of a quote not found, the
/// differing words.
pub fn place(dataset: &Dataset, proof: &Proof, spot: &Spot) -> Place {
    let Some(text) = proof.text(spot.source) else {
        return Place::default();
    };
    let Some(highlight) = spot.range.as_ref().and_then(|r| clamp(&text.text, r)) else {
        return Place::default();
    };
    let first = text
        .passages
        .partition_point(|p| p.range.start < highlight.start);
    let current = text.passages[first..]
        .iter()
        .take_while(|p| p.range.start == highlight.start)
        .position(|p| p.range == highlight)
        .map(|i| first + i);
    let marks = differing_words(dataset, proof, spot.source, &highlight);
    Place {
        highlight: Some(highlight),
        current,
        marks,
    }
}

/// The words a proof's problem marks as differing, when `range` of
/// `source` is the nearest passage to a quote not found.
fn differing_words(
    dataset: &Dataset,
    proof: &Proof,
    source: SourceIx,
    range: &Range<usize>,
) -> Vec<Range<usize>> {
    let Some(text) = proof.text(source) else {
        return Vec::new();
    };
    let id = &dataset.sources[source.index()].id;
    let nearest = proof.problems.iter().find_map(|p| match &p.kind {
        ProblemKind::NotVerbatim {
            nearest: Some(near),
            ..
        } if near.source == *id && near.range == *range => Some(near),
        _ => None,
    });
    let Some(near) = nearest else {
        return Vec::new();
    };
    // The passage is a run of the folded text; where it starts there is
    // found again, so its marks lead back to the text as published.
    let folded = &text.folded;
    let start = memchr::memmem::find_iter(folded.text.as_bytes(), near.passage.as_bytes())
        .find(|&at| folded.original_range(at..at + near.passage.len()) == near.range);
    let Some(start) = start else {
        return Vec::new();
    };
    near.marks
        .iter()
        .map(|m| folded.original_range(start + m.start..start + m.end))
        .collect()
}

/// The quoted passage after the place shown: the next one in document
/// order, or the first starting after the highlight.
pub fn next(text: &SourceText, place: &Place) -> Option<usize> {
    let i = match (place.current, &place.highlight) {
        (Some(current), _) => current + 1,
        (None, Some(highlight)) => text
            .passages
            .partition_point(|p| p.range.start <= highlight.start),
        (None, None) => 0,
    };
    (i < text.passages.len()).then_some(i)
}

/// The quoted passage before the place shown: the one before in document
/// order, or the last starting before the highlight.
pub fn previous(text: &SourceText, place: &Place) -> Option<usize> {
    match (place.current, &place.highlight) {
        (Some(current), _) => current.checked_sub(1),
        (None, Some(highlight)) => text
            .passages
            .partition_point(|p| p.range.start < highlight.start)
            .checked_sub(1),
        (None, None) => None,
    }
}

/// How a stretch of a block is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shade {
    /// Text no record quotes.
    Plain,
    /// Quoted by some record: this passage (the shortest there).
    Quoted(usize),
    /// The passage shown.
    Current,
    /// A word of the passage shown that differs from the quote not found.
    Marked,
}

/// A stretch of a block shown one way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Its bytes in the text.
    pub range: Range<usize>,
    /// How it is shown.
    pub shade: Shade,
}

/// `block` of `text` cut where its shading changes: the passage shown,
/// its differing words, the other quoted passages, the plain text between.
pub fn sections(text: &SourceText, block: &Range<usize>, place: &Place) -> Vec<Section> {
    let quoted: Vec<(usize, &Passage)> = text.passages_in(block.clone()).collect();
    let inside = |r: &Range<usize>| r.start.max(block.start)..r.end.min(block.end);
    let mut cuts = vec![block.start, block.end];
    let mut add = |r: Range<usize>| {
        let r = inside(&r);
        if r.start < r.end {
            cuts.push(r.start);
            cuts.push(r.end);
        }
    };
    for (_, passage) in &quoted {
        add(passage.range.clone());
    }
    if let Some(highlight) = &place.highlight {
        add(highlight.clone());
    }
    for mark in &place.marks {
        add(mark.clone());
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Section> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let in_highlight = place
            .highlight
            .as_ref()
            .is_some_and(|h| h.start <= a && b <= h.end);
        let shade = if in_highlight {
            if place.marks.iter().any(|m| m.start <= a && b <= m.end) {
                Shade::Marked
            } else {
                Shade::Current
            }
        } else {
            quoted
                .iter()
                .filter(|(_, p)| p.range.start <= a && b <= p.range.end)
                .min_by_key(|(_, p)| p.range.len())
                .map_or(Shade::Plain, |(i, _)| Shade::Quoted(*i))
        };
        match out.last_mut() {
            Some(last) if last.shade == shade && last.range.end == a => last.range.end = b,
            _ => out.push(Section { range: a..b, shade }),
        }
    }
    out
}

/// A record quoting a passage, as the viewer lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoterRow {
    /// The record's id.
    pub id: String,
    /// What kind of record it is, in the interface's language.
    pub kind: &'static str,
    /// Its name in the interface's language.
    pub name: String,
    /// What selecting it selects, for records the app can select.
    pub item: Option<Item>,
}

/// The records quoting `passage`, each once, in file order.
pub fn quoters(dataset: &Dataset, passage: &Passage, lang: Lang) -> Vec<QuoterRow> {
    let mut seen: Vec<Quoting> = Vec::new();
    let mut out = Vec::new();
    for quoter in &passage.quoted_by {
        if seen.contains(&quoter.record) {
            continue;
        }
        seen.push(quoter.record);
        out.push(quoter_row(dataset, quoter.record, lang));
    }
    out
}

/// One record as the viewer lists it.
fn quoter_row(dataset: &Dataset, record: Quoting, lang: Lang) -> QuoterRow {
    use crate::dataset::{FigureRef, NodeKind};
    use crate::view::{figure_name, localized_name, localized_title, plan_title};
    let (kind, name, item) = match record {
        Quoting::Plan(plan) => (
            T::RecordPlan,
            plan_title(lang, dataset, plan).into_owned(),
            Some(Item::Plan(plan)),
        ),
        Quoting::Node(node) => {
            let data = dataset.node(node);
            let title = localized_title(lang, data);
            let name = match &data.numbering {
                Some(numbering) => format!("{numbering} {title}"),
                None => title.into_owned(),
            };
            let kind = match data.kind {
                NodeKind::Chapter => T::KindChapter,
                NodeKind::Measure => T::KindMeasure,
                NodeKind::Item => T::KindItem,
            };
            (kind, name, Some(Item::Node(node)))
        }
        Quoting::Figure(figure) => {
            let kind = match figure {
                FigureRef::Series(_) => T::RecordSeries,
                FigureRef::Point(..) => T::RecordFigure,
                FigureRef::Fund(_) => T::RecordFund,
                FigureRef::Target(_) => T::RecordTarget,
                FigureRef::Fact(_) => T::RecordFact,
            };
            (
                kind,
                figure_name(dataset, figure, lang),
                Some(Item::Figure(figure)),
            )
        }
        Quoting::Unit(u) => (T::RecordUnit, localized_name(lang, &dataset.units[u]), None),
        Quoting::Theme(t) => (
            T::RecordTheme,
            localized_name(lang, &dataset.themes[t]),
            None,
        ),
        Quoting::District(d) => (
            T::RecordDistrict,
            localized_name(lang, &dataset.districts[d]),
            None,
        ),
        Quoting::ExchangeRate(r) => {
            let rate = &dataset.exchange_rates[r];
            (
                T::RecordExchangeRate,
                fill(lang, T::SourceExchangeRate, &[&rate.currency]),
                None,
            )
        }
    };
    QuoterRow {
        id: record.id(dataset).to_owned(),
        kind: tr(lang, kind),
        name,
        item,
    }
}

/// The passage shown in words, for the label screen readers read: "Passage
/// 3 of 41: …", the nearest passage with its differing words in brackets,
/// or a passage no record quotes.
pub fn passage_label(text: &SourceText, place: &Place, lang: Lang) -> String {
    let Some(highlight) = &place.highlight else {
        return if text.passages.is_empty() {
            tr(lang, T::SourceNoPassages).to_owned()
        } else {
            fill(lang, T::SourcePassageCount, &[&text.passages.len()])
        };
    };
    let excerpt = excerpt(text, highlight, &place.marks);
    if !place.marks.is_empty() {
        return fill(lang, T::SourceNearest, &[&excerpt]);
    }
    match place.current {
        Some(i) => fill(
            lang,
            T::SourcePassageOf,
            &[&(i + 1), &text.passages.len(), &excerpt],
        ),
        None => fill(lang, T::SourceUnquoted, &[&excerpt]),
    }
}

/// `range` of the text in quotation marks, its white space folded, the
/// `marks` in 〚 〛, cut to [`EXCERPT_CHARS`].
fn excerpt(text: &SourceText, range: &Range<usize>, marks: &[Range<usize>]) -> String {
    let mut words = String::new();
    let mut at = range.start;
    for mark in marks {
        if mark.start < at || mark.end > range.end {
            continue;
        }
        words.push_str(&text.text[at..mark.start]);
        words.push('〚');
        words.push_str(&text.text[mark.clone()]);
        words.push('〛');
        at = mark.end;
    }
    words.push_str(&text.text[at..range.end]);
    // White space folded, the quotation marks as printed.
    let folded = words.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("“{}”", abbreviate(&folded, EXCERPT_CHARS, "…"))
}

/// Where the quoted passage `passage` of `source` is, as a place to open.
pub fn spot_of(text: &SourceText, source: SourceIx, passage: usize) -> Option<Spot> {
    text.passages.get(passage).map(|p| Spot {
        source,
        range: Some(p.range.clone()),
    })
}

/// Where a record's `quote` stands in `source`: the passage that record
/// was found quoting with these words, else the first place they occur;
/// `None` where the text is unknown or does not hold them.
pub fn quote_spot(
    proof: &Proof,
    source: SourceIx,
    quote: &str,
    record: Option<Quoting>,
) -> Option<Spot> {
    let text = proof.text(source)?;
    let wanted = crate::dataset::folded::normalize(quote);
    let own = record.and_then(|record| {
        text.passages.iter().find(|p| {
            p.quoted_by.iter().any(|q| q.record == record)
                && crate::dataset::folded::normalize(&text.text[p.range.clone()]) == wanted
        })
    });
    let range = match own {
        Some(passage) => passage.range.clone(),
        None => proof.locate(source, quote)?,
    };
    Some(Spot {
        source,
        range: Some(range),
    })
}

/// Where `spot`, a place in a document of `old`, is in `new`: the source
/// with the same id, at the same words where its text still holds them
/// (the same range when the text is unchanged), else at its start; `None`
/// when `new` has no source with that id.
pub fn carry_spot(old: (&Dataset, &Proof), new: (&Dataset, &Proof), spot: &Spot) -> Option<Spot> {
    let id = &old.0.sources.get(spot.source.index())?.id;
    let source = new.0.source_by_id(id)?;
    let words = old
        .1
        .text(spot.source)
        .zip(spot.range.as_ref())
        .and_then(|(text, range)| Some((text, clamp(&text.text, range)?)));
    let range = words.and_then(|(old_text, range)| {
        let new_text = new.1.text(source)?;
        if new_text.text == old_text.text {
            return Some(range);
        }
        new.1.locate(source, &old_text.text[range])
    });
    Some(Spot { source, range })
}

/// Each block's height on screen: estimated from its width in letters
/// until it has been laid out, then as measured; with the tops they add
/// up to, for the blocks in view and the place of any one.
#[derive(Clone, Debug, Default)]
pub struct Heights {
    /// Each block's width in letters ([`width_units`]).
    units: Vec<u32>,
    /// Each block's height: estimated, or measured.
    each: Vec<f32>,
    /// Whether each height was measured.
    measured: Vec<bool>,
    /// Where each block starts, and the total after the last.
    tops: Vec<f32>,
    /// The tops need adding up again.
    stale: bool,
    /// The width and sizes the estimates are for.
    metrics: Metrics,
}

/// What an estimate of a block's height is made from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Metrics {
    /// The width blocks wrap at, in points.
    pub width: f32,
    /// An average Latin letter's width, in points.
    pub letter: f32,
    /// A line's height, in points.
    pub line: f32,
    /// The space after each block, in points.
    pub gap: f32,
}

impl Metrics {
    /// The estimated height of a block `units` letters wide.
    pub fn estimate(&self, units: u32) -> f32 {
        let per_line = (self.width / self.letter.max(0.1)).floor().max(1.0);
        #[expect(
            clippy::cast_precision_loss,
            reason = "a block is at most a few thousand letters wide"
        )]
        let lines = (units as f32 / per_line).ceil().max(1.0);
        lines * self.line + self.gap
    }
}

impl Heights {
    /// Estimated heights for blocks `units` letters wide.
    pub fn new(units: Vec<u32>, metrics: Metrics) -> Self {
        let each = units.iter().map(|&u| metrics.estimate(u)).collect();
        let measured = vec![false; units.len()];
        let mut out = Self {
            units,
            each,
            measured,
            tops: Vec::new(),
            stale: true,
            metrics,
        };
        out.settle();
        out
    }

    /// How many blocks.
    pub fn len(&self) -> usize {
        self.each.len()
    }

    /// Whether there are no blocks.
    pub fn is_empty(&self) -> bool {
        self.each.is_empty()
    }

    /// Estimates again for new metrics (a wider or narrower view, another
    /// text size): every measured height is forgotten. Gives whether the
    /// metrics changed.
    pub fn set_metrics(&mut self, metrics: Metrics) -> bool {
        if metrics == self.metrics {
            return false;
        }
        self.metrics = metrics;
        for (h, &u) in self.each.iter_mut().zip(&self.units) {
            *h = metrics.estimate(u);
        }
        self.measured.fill(false);
        self.stale = true;
        self.settle();
        true
    }

    /// Whether block `i` has been measured.
    pub fn is_measured(&self, i: usize) -> bool {
        self.measured.get(i).copied().unwrap_or(false)
    }

    /// Records block `i`'s height as laid out; the tops are added up again
    /// at [`Self::settle`].
    pub fn measure(&mut self, i: usize, height: f32) {
        if let (Some(h), Some(m)) = (self.each.get_mut(i), self.measured.get_mut(i)) {
            if !*m || (*h - height).abs() > 0.5 {
                self.stale = true;
            }
            *h = height;
            *m = true;
        }
    }

    /// Adds the tops up again after heights were measured.
    pub fn settle(&mut self) {
        if !self.stale {
            return;
        }
        self.tops.clear();
        self.tops.reserve(self.each.len() + 1);
        let mut y = 0.0;
        self.tops.push(y);
        for h in &self.each {
            y += h;
            self.tops.push(y);
        }
        self.stale = false;
    }

    /// The height of every block together.
    pub fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Where block `i` starts.
    pub fn top(&self, i: usize) -> f32 {
        self.tops.get(i).copied().unwrap_or_else(|| self.total())
    }

    /// Block `i`'s height.
    pub fn height(&self, i: usize) -> f32 {
        self.each.get(i).copied().unwrap_or(0.0)
    }

    /// The blocks that meet the view from `top` to `bottom`.
    pub fn visible(&self, top: f32, bottom: f32) -> Range<usize> {
        let n = self.each.len();
        // The first block ending below the top, and the first starting at
        // or below the bottom.
        let first = self.tops[1..].partition_point(|&end| end <= top).min(n);
        let last = self.tops[..n].partition_point(|&start| start < bottom);
        first..last.max(first)
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_BLOCK_BYTES, blocks, cut_at};

    #[test]
    fn a_cut_falls_after_a_sentence_end_in_the_second_half() {
        let text = "One two. Three four five six";
        assert_eq!(&text[..cut_at(text, 0, 14)], "One two.");
        // A space in the second half, when no sentence ends there.
        assert_eq!(&text[..cut_at(text, 0, 20)], "One two. Three four ");
        // Without a break in the second half, at the limit.
        let text = "abcdefghijklmnopqrstuvwxyz";
        assert_eq!(cut_at(text, 0, 10), 10);
    }

    #[test]
    fn lines_are_blocks_and_blank_lines_are_dropped() {
        let text = "  Title\r\n\r\nFirst paragraph.\nSecond.  \n";
        let cut: Vec<&str> = blocks(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(cut, ["Title", "First paragraph.", "Second."]);
        let chinese = "第一章\n\n到2027年，打造10个以上高质量数据集。";
        assert_eq!(blocks(chinese).len(), 2);
        // Long lines of three-byte characters are cut on their boundaries,
        // wherever the middle of a stretch falls.
        for skew in 0..3 {
            let long = "a".repeat(skew) + &"规划人工智能产业".repeat(400);
            let cut = blocks(&long);
            assert!(cut.len() > 2, "{skew}");
            assert_eq!(
                cut.iter().map(std::ops::Range::len).sum::<usize>(),
                long.len()
            );
        }
        assert!(blocks(&"x".repeat(3 * MAX_BLOCK_BYTES)).len() >= 3);
    }
}
