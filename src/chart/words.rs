//! The words every chart picture shares: its sources, the edition line,
//! the note on names the dataset gives only in English, and sentences
//! joined as each language punctuates them.

use super::anatomy::{Layout, Words};
use super::scene::Role;
use super::spec::ChartView;
use super::spec::Page;
use crate::dataset::FigureRef;
use crate::i18n::{Lang, T, fill, tr};
use crate::view::charts::ChartId;
use crate::view::table;

/// "Source: …" with every document the chart's figures cite (for the
/// theme map and the timeline, the plans' documents too).
pub fn sources(view: &ChartView) -> String {
    table::sources_footer(view.dataset, &chart_sources(view), view.lang)
}

/// How long a source's reliability note may run in a picture's footer
/// (the whole note is in the details, the hover, the CSV and briefings).
const RELIABILITY_CHARS: usize = 150;

/// "⚠ Reliability of <source>: <note>" for each document the chart cites
/// that has a reliability note, shortened, for the footer.
pub fn reliability(view: &ChartView) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    chart_sources(view)
        .into_iter()
        .filter(|s| seen.insert(*s))
        .filter_map(|s| {
            let source = &view.dataset.sources[s.index()];
            let note = crate::view::reliability_words(view.lang, source)?;
            let title = crate::dataset::abbreviate(&source.title, 40, "…");
            let note = crate::dataset::abbreviate(note, RELIABILITY_CHARS, "…");
            Some(format!(
                "⚠ {}",
                fill(view.lang, T::SourceReliability, &[&title, &note])
            ))
        })
        .collect()
}

/// Every document the chart's figures cite (for the theme map and the
/// timeline, the plans' documents too), in order of first citation.
pub fn chart_sources(view: &ChartView) -> Vec<crate::dataset::SourceIx> {
    let rows =
        table::chart_rows_sorted(view.dataset, view.chart, view.hidden, view.order, view.lang);
    let mut sources = match view.chart {
        ChartId::Themes | ChartId::Units | ChartId::Timeline => {
            view.dataset.plans.iter().map(|p| p.source).collect()
        }
        _ => Vec::new(),
    };
    for source in table::sources(&rows) {
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    sources
}

/// In Chinese, a note when a theme shown is named by the editors'
/// translation (marked 〔译〕), or has no Chinese name at all.
pub fn translated_names_note(
    view: &ChartView,
    rows: impl IntoIterator<Item = crate::view::themes::RowKey>,
) -> Vec<String> {
    use crate::dataset::Named;
    use crate::view::themes::RowKey;
    let data = view.dataset;
    names_notes(
        view,
        rows.into_iter().map(|key| match key {
            RowKey::Theme(t) => data.themes[t.index()].zh(),
            RowKey::Unit(u) => data.units[u.index()].zh(),
        }),
    )
}

/// The notes on the Chinese of the names shown: one when some name has
/// none (shown in English), one when some is the editors' translation.
fn names_notes<'a>(
    view: &ChartView,
    names: impl IntoIterator<Item = Option<crate::dataset::Zh<'a>>>,
) -> Vec<String> {
    use crate::dataset::Zh;
    if view.lang != Lang::Zh {
        return Vec::new();
    }
    let (mut english_only, mut translated) = (false, false);
    for zh in names {
        match zh {
            None => english_only = true,
            Some(Zh::Translated(_)) => translated = true,
            Some(Zh::Printed(_)) => {}
        }
    }
    let note = |text| fill(Lang::Zh, T::NoteLabel, &[&tr(Lang::Zh, text)]);
    let mut notes = Vec::new();
    if english_only {
        notes.push(note(T::ChartNamesInEnglish));
    }
    if translated {
        notes.push(note(T::ChartNamesTranslated));
    }
    notes
}

/// The dataset's title and edition, and the app's name.
pub fn made_with(view: &ChartView) -> String {
    fill(
        view.lang,
        T::MadeWith,
        &[&view.dataset.title, &view.dataset.edition],
    )
}

/// Where the chart carries the user's annotations, a note saying they
/// are the user's, not the dataset's.
pub fn annotations_note(view: &ChartView) -> Option<String> {
    (!view.annotations.is_empty()).then(|| tr(view.lang, T::AnnotationsAreTheUsers).to_owned())
}

/// In Chinese, a note when a figure shown has no Chinese name, and one
/// when a name shown is the editors' translation (marked 〔译〕).
pub fn english_names_note(
    view: &ChartView,
    figures: impl IntoIterator<Item = FigureRef>,
) -> Vec<String> {
    let data = view.dataset;
    names_notes(view, figures.into_iter().map(|f| data.figure_named(f).zh()))
}

/// A value label, marked "⚠ " when its figure carries a caveat.
pub fn marked(view: &ChartView, figure: FigureRef, text: String) -> String {
    crate::view::marked(view.dataset.figure_caveat(figure).is_some(), text)
}

/// A note for each figure shown that carries a caveat (see
/// [`crate::view::caveat_notes`]).
pub fn caveat_notes(view: &ChartView, figures: impl IntoIterator<Item = FigureRef>) -> Vec<String> {
    crate::view::caveat_notes(view.dataset, view.lang, figures)
}

/// The chart's short name (its tab's).
pub fn chart_name(chart: ChartId, lang: Lang) -> &'static str {
    tr(
        lang,
        match chart {
            ChartId::IndustrialOutput => T::IndustrialOutput,
            ChartId::GdpShare => T::GdpShare,
            ChartId::Funds => T::FundAllocations,
            ChartId::Targets => T::Targets,
            ChartId::Themes => T::ThemesChart,
            ChartId::Units => T::UnitsChart,
            ChartId::Timeline => T::TimelineChart,
        },
    )
}

/// `lead`, then `parts` joined as one sentence: "Percent. Points are …;
/// hollow points are targets." or "百分比。圆点为…；空心圆点为目标值。"
pub fn sentences(lang: Lang, lead: &str, parts: &[&str]) -> String {
    let (stop, join) = match lang {
        Lang::En => (". ", "; "),
        Lang::Zh => ("。", "；"),
    };
    let mut out = lead.to_owned();
    if !parts.is_empty() {
        out.push_str(stop);
        // A sentence starts with a capital.
        let joined = parts.join(join);
        let mut chars = joined.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out.push_str(stop.trim_end());
    out
}

/// Says in the plot's middle that nothing is shown.
pub fn nothing_to_show(layout: &mut Layout, lang: Lang) {
    let area = layout.plot;
    let size = layout.size.base;
    layout.paragraph(
        tr(lang, T::NothingToShow),
        (area.x0, f32::midpoint(area.y0, area.y1) - size),
        area.x1 - area.x0,
        size,
        false,
        Role::Subtitle,
        3,
    );
}

/// Lays the page out for a chart of `total` rows of which `fit` says how
/// many fit, and says in the footer how many are left out. The note goes
/// first among the notes (a long footer is cut from its end), and the
/// layout is repeated until the count it states is the count left out.
/// Returns the layout and how many rows to draw.
pub fn fitting(
    page: &Page,
    lang: Lang,
    words: &Words,
    total: usize,
    fit: impl Fn(&Layout) -> usize,
) -> (Layout, usize) {
    let mut layout = Layout::new(page, lang, words);
    let mut shown = fit(&layout).min(total);
    if shown >= total {
        return (layout, total);
    }
    // A longer footer leaves fewer rows, so a few rounds settle it.
    for _ in 0..4 {
        let mut noted = words.clone();
        noted
            .notes
            .insert(0, fill(lang, T::MoreNotShown, &[&(total - shown)]));
        layout = Layout::new(page, lang, &noted);
        let now = fit(&layout).min(total);
        if now >= shown {
            return (layout, shown);
        }
        shown = now;
    }
    // Still shrinking: draw nothing rather than contradict the note.
    (layout, 0)
}
