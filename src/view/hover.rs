//! The hover texts of figures: the exact value with its unit, year and
//! status, a US-dollar figure where a stated rate allows, and each source
//! with its date and the quote. Shared by the charts' hovers and tested as
//! text.

use crate::i18n::{Lang, T, fill, tr};
use std::fmt::Write as _;

use crate::dataset::{Citation, Dataset, FigureRef, QuantityUnit};
use crate::view::amount::{self, Convention};
use crate::view::charts::level_label;

/// The hover text of a point: value, year, status, source and quote.
pub fn point(data: &Dataset, figure: FigureRef, convention: Convention, lang: Lang) -> String {
    let FigureRef::Point(s, p) = figure else {
        return String::new();
    };
    let series = &data.series[s.index()];
    let point = &series.points[p as usize];
    let mut text = format!(
        "{}\n{}: {} ({})",
        crate::view::localized_title(lang, series),
        point.year,
        amount::of_point(series, point, convention),
        crate::view::charts::status_label(lang, point.status)
    );
    if series.unit == QuantityUnit::Yuan
        && let Some(usd) = amount::usd_equivalent(data, point.value)
    {
        text.push('\n');
        text.push_str(&usd);
    }
    caveat(&mut text, point.caveat.as_ref(), lang);
    sources_and_note(
        data,
        &mut text,
        &point.citations,
        point.note.as_deref(),
        lang,
    );
    text
}

/// Appends a figure's caveat, marked, right after its value.
fn caveat(text: &mut String, caveat: Option<&crate::dataset::Caveat>, lang: Lang) {
    if let Some(caveat) = caveat {
        text.push_str("\n\n");
        text.push_str(&crate::view::caveat_text(lang, caveat));
    }
}

/// Appends each citation's source (with its date) and quote, and the note.
fn sources_and_note(
    data: &Dataset,
    text: &mut String,
    citations: &[Citation],
    note: Option<&str>,
    lang: Lang,
) {
    for citation in citations {
        let source = &data.sources[citation.source.index()];
        // An undated source says why, shortened: its note can be long.
        let when = match (&source.date, &source.date_note) {
            (Some(printed), _) => format!(", {printed}"),
            (None, Some(note)) => format!(
                " ({}: {})",
                tr(lang, T::Undated),
                crate::dataset::abbreviate(note, 120, "…")
            ),
            (None, None) => format!(" ({})", tr(lang, T::Undated)),
        };
        let _ = write!(
            text,
            "\n\n{}: {}{when}\n“{}”",
            tr(lang, T::HoverSource),
            source.title,
            citation.quote
        );
        if let Some(note) = crate::view::reliability_words(lang, source) {
            let _ = write!(text, "\n⚠ {}: {note}", tr(lang, T::Reliability));
        }
    }
    if let Some(note) = note {
        let _ = write!(text, "\n\n{}: {note}", tr(lang, T::HoverNote));
    }
}

/// The hover text of a fund: name, level, amount (and in US dollars),
/// purpose, sources with quotes.
pub fn fund(data: &Dataset, figure: FigureRef, convention: Convention, lang: Lang) -> String {
    let FigureRef::Fund(f) = figure else {
        return String::new();
    };
    let fund = &data.funds[f.index()];
    let mut text = format!(
        "{}\n{}",
        crate::view::localized_title(lang, fund),
        level_label(lang, fund.level)
    );
    if let (Some(amount), Some(written)) =
        (fund.amount_yuan, amount::of_fund(fund, convention, lang))
    {
        let _ = write!(text, ": {written}");
        if let Some(usd) = amount::usd_equivalent(data, amount) {
            let _ = write!(text, "\n{usd}");
        }
    }
    if !fund.purpose.is_empty() {
        let _ = write!(text, "\n{}", fund.purpose);
    }
    caveat(&mut text, fund.caveat.as_ref(), lang);
    sources_and_note(data, &mut text, &fund.citations, fund.note.as_deref(), lang);
    text
}

/// The hover text of a target: metric, value, deadline, sources with
/// quotes.
pub fn target(data: &Dataset, figure: FigureRef, convention: Convention, lang: Lang) -> String {
    let FigureRef::Target(t) = figure else {
        return String::new();
    };
    let target = &data.targets[t.index()];
    let deadline = target.deadline_year.map_or_else(
        || tr(lang, T::NoDeadline).to_owned(),
        |y| fill(lang, T::ByYear, &[&y]),
    );
    let mut text = format!(
        "{}\n{} ({deadline}, {})",
        crate::view::localized_title(lang, target),
        amount::of_target(target, convention),
        tr(lang, T::StatusTarget)
    );
    caveat(&mut text, target.caveat.as_ref(), lang);
    sources_and_note(
        data,
        &mut text,
        &target.citations,
        target.note.as_deref(),
        lang,
    );
    text.push_str("\n\n");
    text.push_str(tr(lang, T::TargetHoverClick));
    text
}

/// The hover text of a fact: its line (title, value, as-of date), caveat,
/// sources with quotes.
pub fn fact(data: &Dataset, figure: FigureRef, convention: Convention, lang: Lang) -> String {
    let FigureRef::Fact(f) = figure else {
        return String::new();
    };
    let fact = &data.facts[f.index()];
    let mut text = crate::view::fact_line(fact, convention, lang);
    caveat(&mut text, fact.caveat.as_ref(), lang);
    sources_and_note(data, &mut text, &fact.citations, fact.note.as_deref(), lang);
    text
}

/// The hover text of any figure, as its own chart shows it.
pub fn figure(data: &Dataset, figure: FigureRef, convention: Convention, lang: Lang) -> String {
    match figure {
        FigureRef::Series(_) | FigureRef::Point(..) => point(data, figure, convention, lang),
        FigureRef::Fund(_) => fund(data, figure, convention, lang),
        FigureRef::Target(_) => target(data, figure, convention, lang),
        FigureRef::Fact(_) => self::fact(data, figure, convention, lang),
    }
}
