//! Pure view-models: what the panels show, computed from the dataset and
//! tested as plain data. Nothing here draws; the UI only renders these.

pub mod amount;
pub mod charts;
pub mod diff;
pub mod hover;
pub mod table;
pub mod tree;

/// A name with its Chinese form where the documents give one:
/// "Silver economy (银发经济)".
pub fn with_chinese(name: &str, name_zh: Option<&str>) -> String {
    match name_zh {
        Some(zh) => format!("{name} ({zh})"),
        None => name.to_owned(),
    }
}

/// A unit's or theme's name as the interface's language shows it: in
/// English, the English name with the Chinese one where the documents give
/// it; in Chinese, the Chinese name, or the English one marked 〔英〕 where
/// there is none.
pub fn localized_name(name: &str, name_zh: Option<&str>) -> String {
    match (crate::i18n::lang(), name_zh) {
        (crate::i18n::Lang::En, _) => with_chinese(name, name_zh),
        (crate::i18n::Lang::Zh, Some(zh)) => zh.to_owned(),
        (crate::i18n::Lang::Zh, None) => format!("{name}〔英〕"),
    }
}

/// A title as the interface's language shows it: the Chinese one in
/// Chinese where the dataset has it, else the English one.
pub fn localized_title<'a>(title: &'a str, title_zh: Option<&'a str>) -> &'a str {
    localized_title_in(crate::i18n::lang(), title, title_zh)
}

/// [`localized_title`] in the given language.
pub fn localized_title_in<'a>(
    lang: crate::i18n::Lang,
    title: &'a str,
    title_zh: Option<&'a str>,
) -> &'a str {
    match (lang, title_zh) {
        (crate::i18n::Lang::Zh, Some(zh)) => zh,
        _ => title,
    }
}

/// A plan's title as the interface's language shows it.
pub fn plan_title(data: &crate::dataset::Dataset, plan: crate::dataset::PlanIx) -> &str {
    plan_title_in(crate::i18n::lang(), data, plan)
}

/// [`plan_title`] in the given language.
pub fn plan_title_in(
    lang: crate::i18n::Lang,
    data: &crate::dataset::Dataset,
    plan: crate::dataset::PlanIx,
) -> &str {
    let plan = &data.plans[plan.index()];
    localized_title_in(lang, &plan.title, plan.title_zh.as_deref())
}

/// A value or name, marked "⚠ " when its figure carries a caveat: the one
/// mark every surface uses.
pub fn marked(caveat: bool, text: String) -> String {
    if caveat { format!("⚠ {text}") } else { text }
}

/// A caveat as every surface shows it: "⚠ Caveat: …".
pub fn caveat_text(caveat: &crate::dataset::Caveat) -> String {
    crate::i18n::fill(crate::i18n::T::CaveatMark, &[&caveat.text])
}

/// A figure's name in `lang`: a series' or fact's title, a point's series
/// and year ("GDP, 2024"), a fund's name, a target's metric.
pub fn figure_name_in(
    data: &crate::dataset::Dataset,
    figure: crate::dataset::FigureRef,
    lang: crate::i18n::Lang,
) -> String {
    use crate::dataset::FigureRef;
    match figure {
        FigureRef::Series(s) => {
            let series = &data.series[s.index()];
            localized_title_in(lang, &series.title, series.title_zh.as_deref()).to_owned()
        }
        FigureRef::Point(s, p) => {
            let series = &data.series[s.index()];
            let title = localized_title_in(lang, &series.title, series.title_zh.as_deref());
            format!("{title}, {}", series.points[p as usize].year)
        }
        FigureRef::Fund(f) => {
            let fund = &data.funds[f.index()];
            localized_title_in(lang, &fund.name, fund.name_zh.as_deref()).to_owned()
        }
        FigureRef::Target(t) => {
            let target = &data.targets[t.index()];
            localized_title_in(lang, &target.metric, target.metric_zh.as_deref()).to_owned()
        }
        FigureRef::Fact(f) => {
            let fact = &data.facts[f.index()];
            localized_title_in(lang, &fact.title, fact.title_zh.as_deref()).to_owned()
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
        let name = figure_name_in(data, figure, lang);
        let text = crate::dataset::abbreviate(&caveat.text, CAVEAT_CHARS, "…");
        notes.push(crate::i18n::fill_in(
            lang,
            crate::i18n::T::CaveatMark,
            &[&format!("{name}: {text}")],
        ));
    }
    notes
}

/// A fact on one line, in the interface's language: "Registered large AI
/// models: 138 (as of 2026-02)".
pub fn fact_line(fact: &crate::dataset::Fact, convention: amount::Convention) -> String {
    fact_line_in(fact, convention, crate::i18n::lang())
}

/// [`fact_line`] in `lang`.
pub fn fact_line_in(
    fact: &crate::dataset::Fact,
    convention: amount::Convention,
    lang: crate::i18n::Lang,
) -> String {
    let title = localized_title_in(lang, &fact.title, fact.title_zh.as_deref());
    let as_of = crate::i18n::fill_in(lang, crate::i18n::T::AsOfDate, &[&fact.as_of]);
    match amount::of_fact(fact, convention) {
        Some(value) => format!("{title}: {value} ({as_of})"),
        None => format!("{title} ({as_of})"),
    }
}
