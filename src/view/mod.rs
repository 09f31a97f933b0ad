//! Pure view-models: what the panels show, computed from the dataset and
//! tested as plain data. Nothing here draws; the UI only renders these.

pub mod amount;
pub mod annotations;
pub mod charts;
pub mod check;
pub mod describe;
pub mod diff;
pub mod doc_search;
pub mod documents;
pub mod hover;
pub mod kept;
pub mod marks;
pub mod picker;
pub mod presentation;
pub mod review;
pub mod saved;
pub mod source;
pub mod table;
pub mod themes;
pub mod timeline;
pub mod tree;

use std::borrow::Cow;

use crate::dataset::{Named, Zh};
pub use crate::dataset::{TRANSLATION_MARK, zh_shown};
use crate::i18n::Lang;

/// A name with the Chinese form a document prints, where there is one:
/// "Silver economy (银发经济)". Editors' translations are not added: they
/// are for readers of the Chinese interface.
pub fn with_chinese(name: &str, zh: Option<Zh<'_>>) -> String {
    match zh {
        Some(Zh::Printed(zh)) => format!("{name} ({zh})"),
        Some(Zh::Translated(_)) | None => name.to_owned(),
    }
}

/// A unit's, theme's or district's name as `lang` shows it: in English, the English name with the Chinese one a document prints;
/// in Chinese, the Chinese name (a translation marked 〔译〕), or the English
/// one marked 〔英〕 where there is none.
pub fn localized_name(lang: Lang, record: &impl Named) -> String {
    match (lang, record.zh()) {
        (Lang::En, zh) => with_chinese(record.english(), zh),
        // A printed abbreviation (上海市科委) with the full name the editors
        // give beside it (a unit's): both, the translation marked.
        (Lang::Zh, Some(Zh::Printed(printed))) if record.translated_zh().is_some() => format!(
            "{printed}（{}{TRANSLATION_MARK}）",
            record.translated_zh().unwrap_or_default()
        ),
        (Lang::Zh, Some(zh)) => zh_shown(zh).into_owned(),
        (Lang::Zh, None) => format!("{}〔英〕", record.english()),
    }
}

/// A title as `lang` shows it: in Chinese, the Chinese one where the
/// dataset has it (a translation marked 〔译〕), else the English one.
pub fn localized_title(lang: Lang, record: &impl Named) -> Cow<'_, str> {
    match (lang, record.zh()) {
        (Lang::Zh, Some(zh)) => zh_shown(zh),
        _ => Cow::Borrowed(record.english()),
    }
}

/// A district as a node or filter spells it, named as `lang` shows it
/// (through the district table where the dataset has one).
pub fn district_name(lang: Lang, data: &crate::dataset::Dataset, spelling: &str) -> String {
    match data.district_by_spelling(spelling) {
        Some(district) => localized_name(lang, district),
        None => spelling.to_owned(),
    }
}

/// Whether `lang` shows a record in English for want of a Chinese name.
pub fn english_only(lang: Lang, record: &impl Named) -> bool {
    lang == Lang::Zh && record.zh().is_none()
}

/// A plan's title as `lang` shows it.
pub fn plan_title(
    lang: Lang,
    data: &crate::dataset::Dataset,
    plan: crate::dataset::PlanIx,
) -> Cow<'_, str> {
    localized_title(lang, &data.plans[plan.index()])
}

/// A value or name, marked "⚠ " when its figure carries a caveat: the one
/// mark every surface uses.
pub fn marked(caveat: bool, text: String) -> String {
    if caveat { format!("⚠ {text}") } else { text }
}

/// A caveat as every surface shows it, in `lang`: "⚠ Caveat: …".
pub fn caveat_text(lang: Lang, caveat: &crate::dataset::Caveat) -> String {
    crate::i18n::fill(lang, caveat_key(caveat), &[&caveat_words(lang, caveat)])
}

/// A caveat's words in `lang`: the curator's Chinese in Chinese where the
/// dataset gives it, else the English.
pub fn caveat_words(lang: Lang, caveat: &crate::dataset::Caveat) -> &str {
    match (lang, &caveat.text_zh) {
        (Lang::Zh, Some(zh)) => zh,
        _ => &caveat.text,
    }
}

/// A source's reliability note in `lang`, if it has one: the curator's
/// Chinese in Chinese where the dataset gives it, else the English.
pub fn reliability_words(lang: Lang, source: &crate::dataset::Source) -> Option<&str> {
    match (lang, &source.reliability_zh) {
        (Lang::Zh, Some(zh)) => Some(zh),
        _ => source.reliability.as_deref(),
    }
}

/// How a caveat is marked: "⚠ Caveat", or, for a figure that is probably
/// wrong as printed, a mark that says so and that it is off the scales.
pub fn caveat_key(caveat: &crate::dataset::Caveat) -> crate::i18n::T {
    if caveat.likely_wrong {
        crate::i18n::T::CaveatLikelyWrong
    } else {
        crate::i18n::T::CaveatMark
    }
}

/// A figure's name in `lang`: a series' or fact's title, a point's series
/// and year ("GDP, 2024"), a fund's name, a target's metric.
pub fn figure_name(
    data: &crate::dataset::Dataset,
    figure: crate::dataset::FigureRef,
    lang: crate::i18n::Lang,
) -> String {
    use crate::dataset::FigureRef;
    match figure {
        FigureRef::Series(s) => {
            let series = &data.series[s.index()];
            localized_title(lang, series).into_owned()
        }
        FigureRef::Point(s, p) => {
            let series = &data.series[s.index()];
            let title = localized_title(lang, series);
            format!("{title}, {}", series.points[p as usize].year)
        }
        FigureRef::Fund(f) => {
            let fund = &data.funds[f.index()];
            localized_title(lang, fund).into_owned()
        }
        FigureRef::Target(t) => {
            let target = &data.targets[t.index()];
            localized_title(lang, target).into_owned()
        }
        FigureRef::Fact(f) => {
            let fact = &data.facts[f.index()];
            localized_title(lang, fact).into_owned()
        }
    }
}

/// How long a caveat may run in a chart's notes before it is shortened
/// (the whole text is in the details, the hover, the CSV and briefings).
const CAVEAT_CHARS: usize = 160;

/// A note for each of `figures` that carries a caveat, for a chart: "⚠
/// Caveat: name: its words", shortened to [`CAVEAT_CHARS`].
pub fn caveat_notes(
    data: &crate::dataset::Dataset,
    lang: crate::i18n::Lang,
    figures: impl IntoIterator<Item = crate::dataset::FigureRef>,
) -> Vec<String> {
    let mut notes = Vec::new();
    for figure in figures {
        let Some(caveat) = data.figure_caveat(figure) else {
            continue;
        };
        let name = figure_name(data, figure, lang);
        let text = crate::dataset::abbreviate(caveat_words(lang, caveat), CAVEAT_CHARS, "…");
        notes.push(crate::i18n::fill(
            lang,
            caveat_key(caveat),
            &[&format!("{name}: {text}")],
        ));
    }
    notes
}

/// A fact on one line, in `lang`: "Registered large AI models: 138 (as of
/// 2026-02)".
pub fn fact_line(
    fact: &crate::dataset::Fact,
    convention: amount::Convention,
    lang: crate::i18n::Lang,
) -> String {
    let title = localized_title(lang, fact);
    let as_of = crate::i18n::fill(lang, crate::i18n::T::AsOfDate, &[&fact.as_of]);
    match amount::of_fact(fact, convention) {
        Some(value) => format!("{title}: {value} ({as_of})"),
        None => format!("{title} ({as_of})"),
    }
}
