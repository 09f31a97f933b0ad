//! Each chart in words, for screen readers: what it shows, its range and
//! its latest or largest values, in the interface's language. Pure text
//! from the same view-models the charts are drawn from; tested as text.

use crate::dataset::Dataset;
use crate::i18n::{Lang, T, fill};
use crate::view::amount::{Convention, flagged};
use crate::view::charts::{
    ChartId, LineSeries, fund_bars, gdp_share, industrial_output, target_rows,
};

/// How many series, bars, rows or cells a description names before
/// "and N more".
const NAMED: usize = 4;

/// `chart` of `data` described in `lang`, amounts in `convention`.
pub fn chart_description(
    data: &Dataset,
    chart: ChartId,
    lang: Lang,
    convention: Convention,
) -> String {
    match chart {
        ChartId::IndustrialOutput => lines(&industrial_output(data, lang), lang, convention),
        ChartId::GdpShare => lines(&gdp_share(data, lang), lang, convention),
        ChartId::Funds => funds(data, lang, convention),
        ChartId::Targets => targets(data, lang, convention),
        ChartId::Themes => themes(data, &crate::view::themes::ThemeMatrix::new(data), lang),
        ChartId::Units => themes(data, &crate::view::themes::ThemeMatrix::units(data), lang),
        ChartId::Timeline => timeline(data, &crate::view::timeline::Timeline::new(data), lang),
    }
}

/// Joins `parts` as the language lists things, the rest counted.
fn listed(lang: Lang, parts: Vec<String>) -> String {
    let more = parts.len().saturating_sub(NAMED);
    let mut shown: Vec<String> = parts.into_iter().take(NAMED).collect();
    if more > 0 {
        shown.push(fill(lang, T::AndMore, &[&more]));
    }
    shown.join(if lang == Lang::Zh { "；" } else { "; " })
}

fn lines(series: &[LineSeries], lang: Lang, convention: Convention) -> String {
    let years: Vec<i32> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.year))
        .collect();
    let (Some(first), Some(last)) = (years.iter().min(), years.iter().max()) else {
        return crate::i18n::tr(lang, T::NothingToShow).to_owned();
    };
    let latest = series
        .iter()
        .filter_map(|s| {
            let p = s.points.last()?;
            let value = p.value_text(s.unit, convention);
            let status = crate::view::charts::status_label(lang, p.status);
            Some(fill(
                lang,
                T::DescribeLatest,
                &[&s.title, &value, &p.year, &status],
            ))
        })
        .collect();
    fill(
        lang,
        T::DescribeLines,
        &[&series.len(), first, last, &listed(lang, latest)],
    )
}

fn funds(data: &Dataset, lang: Lang, convention: Convention) -> String {
    let (bars, _) = fund_bars(data, lang);
    let named = bars
        .iter()
        .map(|b| {
            let amount = flagged(
                b.amount_yuan,
                crate::dataset::QuantityUnit::Yuan,
                b.approximate,
                b.lower_bound,
                convention,
            );
            format!("{} {amount}", b.name)
        })
        .collect();
    let mut words = fill(lang, T::DescribeFunds, &[&bars.len(), &listed(lang, named)]);
    // An amount probably wrong as printed is said apart, as it is drawn.
    let doubtful: Vec<String> = crate::view::charts::likely_wrong_funds(data, lang)
        .iter()
        .map(|b| format!("{}: {}", b.name, b.value_text(convention)))
        .collect();
    if !doubtful.is_empty() {
        words.push(' ');
        words.push_str(&fill(
            lang,
            T::NotOnScaleLikelyWrong,
            &[&listed(lang, doubtful)],
        ));
    }
    words
}

fn targets(data: &Dataset, lang: Lang, convention: Convention) -> String {
    let rows = target_rows(
        data,
        crate::view::charts::TargetColumn::Deadline,
        true,
        lang,
    );
    let deadlines: Vec<i32> = rows.iter().filter_map(|r| r.deadline_year).collect();
    let named = rows
        .iter()
        .map(|r| {
            let value = r.quantity().text(convention);
            match r.deadline_year {
                Some(year) => format!("{} {value} ({year})", r.metric),
                None => format!("{} {value}", r.metric),
            }
        })
        .collect();
    fill(
        lang,
        T::DescribeTargets,
        &[
            &rows.len(),
            &deadlines
                .iter()
                .min()
                .map_or_else(String::new, ToString::to_string),
            &deadlines
                .iter()
                .max()
                .map_or_else(String::new, ToString::to_string),
            &listed(lang, named),
        ],
    )
}

/// The theme map (or the unit map) in words, from a matrix already built.
pub fn themes(data: &Dataset, matrix: &crate::view::themes::ThemeMatrix, lang: Lang) -> String {
    let order = matrix.order(crate::view::themes::ThemeOrder::Total);
    let named = order
        .iter()
        .map(|&r| &matrix.rows[r])
        .filter(|r| r.total > 0)
        .map(|r| {
            let name = crate::view::themes::row_name(data, r.key, lang);
            format!("{name} {}", r.total)
        })
        .collect();
    let words = match matrix.rows_are {
        crate::view::themes::MapRows::Themes => T::DescribeThemes,
        crate::view::themes::MapRows::Units => T::DescribeUnits,
    };
    fill(
        lang,
        words,
        &[
            &matrix.rows.len(),
            &matrix.plans.len(),
            &listed(lang, named),
        ],
    )
}

/// The timeline in words, from one already built.
pub fn timeline(data: &Dataset, timeline: &crate::view::timeline::Timeline, lang: Lang) -> String {
    let deadlines: Vec<&str> = timeline
        .marks
        .iter()
        .filter(|m| m.kind == crate::view::timeline::MarkKind::Target)
        .map(|m| m.date.as_str())
        .collect();
    let targets: usize = timeline
        .marks
        .iter()
        .filter(|m| m.kind == crate::view::timeline::MarkKind::Target)
        .map(|m| m.figures.len())
        .sum();
    fill(
        lang,
        T::DescribeTimeline,
        &[
            &data.plans.len(),
            &timeline.span.0,
            &timeline.span.1,
            &targets,
            &deadlines.iter().min().copied().unwrap_or("—"),
            &data.edition,
        ],
    )
}
