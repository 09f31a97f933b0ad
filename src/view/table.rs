//! The data behind a chart as rows: what a CSV export writes, and what an
//! exported picture names in its source footer. Pure data,
//! tested as such.

use crate::i18n::{Lang, T, fill, tr};
use std::collections::BTreeSet;

use crate::dataset::{Citation, Dataset, FigureRef, QuantityUnit, SourceIx};
use crate::view::charts::{
    ChartId, LegendKey, TargetColumn, fund_bars, gdp_share, industrial_output, level_label,
    target_rows, visible_bars, visible_series,
};

/// One figure of a chart, as a table row.
#[derive(Clone, Debug, PartialEq)]
pub struct DataRow {
    /// The figure, so a row leads back to its record.
    pub figure: FigureRef,
    /// The series, fund or target it belongs to.
    pub item: String,
    /// The year (a point's year, a target's deadline), if any.
    pub year: Option<i32>,
    /// The value in `unit` (yuan in full, not in billions).
    pub value: f64,
    /// The unit of `value`.
    pub unit: QuantityUnit,
    /// actual, target or estimate; "allocation" for a fund.
    pub status: String,
    /// The document says "about".
    pub approximate: bool,
    /// The document says "over".
    pub lower_bound: bool,
    /// The document says "nearly" or "under".
    pub upper_bound: bool,
    /// The fund's level or the target's plan; empty for points.
    pub category: String,
    /// Every citation: the sources and their verbatim quotes.
    pub citations: Vec<Citation>,
}

/// The rows a chart shows, in the chart's order, without what its legend
/// hides.
pub fn chart_rows(
    data: &Dataset,
    chart: ChartId,
    hidden: &BTreeSet<LegendKey>,
    lang: Lang,
) -> Vec<DataRow> {
    chart_rows_sorted(data, chart, hidden, (TargetColumn::Deadline, true), lang)
}

/// [`chart_rows`], with the targets in the order the screen shows them.
pub fn chart_rows_sorted(
    data: &Dataset,
    chart: ChartId,
    hidden: &BTreeSet<LegendKey>,
    (column, ascending): (TargetColumn, bool),
    lang: Lang,
) -> Vec<DataRow> {
    match chart {
        ChartId::IndustrialOutput | ChartId::GdpShare => {
            let series = if chart == ChartId::IndustrialOutput {
                industrial_output(data, lang)
            } else {
                gdp_share(data, lang)
            };
            visible_series(series, hidden)
                .iter()
                .flat_map(|s| {
                    s.points.iter().filter_map(|p| {
                        let FigureRef::Point(series, point) = p.figure else {
                            return None;
                        };
                        let record = &data.series[series.index()].points[point as usize];
                        Some(DataRow {
                            figure: p.figure,
                            item: s.title.clone(),
                            year: Some(p.year),
                            value: p.value,
                            unit: s.unit,
                            status: p.status.to_string(),
                            approximate: p.approximate,
                            lower_bound: p.lower_bound,
                            upper_bound: p.upper_bound,
                            category: String::new(),
                            citations: record.citations.clone(),
                        })
                    })
                })
                .collect()
        }
        // The bars, then the amounts the chart names apart: per recipient,
        // and probably wrong as printed.
        ChartId::Funds => visible_bars(fund_bars(data, lang).0, hidden)
            .into_iter()
            .chain(visible_bars(
                crate::view::charts::per_recipient_funds(data, lang),
                hidden,
            ))
            .chain(visible_bars(
                crate::view::charts::likely_wrong_funds(data, lang),
                hidden,
            ))
            .filter_map(|bar| {
                let FigureRef::Fund(f) = bar.figure else {
                    return None;
                };
                Some(DataRow {
                    figure: bar.figure,
                    item: bar.name,
                    year: None,
                    value: bar.amount_yuan,
                    unit: QuantityUnit::Yuan,
                    status: "allocation".to_owned(),
                    approximate: bar.approximate,
                    lower_bound: bar.lower_bound,
                    upper_bound: false,
                    category: level_label(lang, bar.level).to_owned(),
                    citations: data.funds[f.index()].citations.clone(),
                })
            })
            .collect(),
        ChartId::Targets => target_rows(data, column, ascending, lang)
            .into_iter()
            .filter_map(|row| {
                let FigureRef::Target(t) = row.figure else {
                    return None;
                };
                Some(DataRow {
                    figure: row.figure,
                    item: row.metric,
                    year: row.deadline_year,
                    value: row.value,
                    unit: row.unit,
                    status: "target".to_owned(),
                    approximate: row.approximate,
                    lower_bound: row.lower_bound,
                    upper_bound: row.upper_bound,
                    category: crate::view::plan_title(lang, data, row.plan).into_owned(),
                    citations: data.targets[t.index()].citations.clone(),
                })
            })
            .collect(),
        // The theme and unit maps count measures, not figures.
        ChartId::Themes | ChartId::Units => Vec::new(),
        ChartId::Timeline => timeline_rows(data, lang),
    }
}

/// The figures the timeline places, as rows: targets at their deadlines,
/// facts with a number, funds with an amount.
fn timeline_rows(data: &Dataset, lang: Lang) -> Vec<DataRow> {
    let timeline = crate::view::timeline::Timeline::new(data);
    let mut rows = Vec::new();
    for mark in &timeline.marks {
        let category = timeline.rows[mark.row]
            .plan
            .map(|p| crate::view::plan_title(lang, data, p).into_owned())
            .unwrap_or_default();
        for &figure in &mark.figures {
            let (value, unit, (approximate, lower_bound, upper_bound), citations) = match figure {
                FigureRef::Target(t) => {
                    let t = &data.targets[t.index()];
                    (
                        Some(t.value),
                        t.unit,
                        (t.approximate, t.lower_bound, t.upper_bound),
                        &t.citations,
                    )
                }
                FigureRef::Fact(f) => {
                    let f = &data.facts[f.index()];
                    let (value, unit) = f
                        .value
                        .map_or((None, QuantityUnit::Count), |(v, u)| (Some(v), u));
                    (
                        value,
                        unit,
                        (f.approximate, f.lower_bound, f.upper_bound),
                        &f.citations,
                    )
                }
                FigureRef::Fund(f) => {
                    let f = &data.funds[f.index()];
                    (
                        f.amount_yuan,
                        QuantityUnit::Yuan,
                        (f.approximate, f.lower_bound, false),
                        &f.citations,
                    )
                }
                FigureRef::Series(_) | FigureRef::Point(..) => continue,
            };
            let Some(value) = value else { continue };
            rows.push(DataRow {
                figure,
                item: crate::view::figure_name(data, figure, lang),
                year: mark.date.get(..4).and_then(|y| y.parse().ok()),
                value,
                unit,
                status: mark_status(mark),
                approximate,
                lower_bound,
                upper_bound,
                category: category.clone(),
                citations: citations.clone(),
            });
        }
    }
    rows
}

/// A timeline mark's kind and date, as its CSV rows write them.
fn mark_status(mark: &crate::view::timeline::TimelineMark) -> String {
    use crate::view::timeline::MarkKind;
    match mark.kind {
        MarkKind::Target => format!("target by {}", mark.date),
        MarkKind::Fact => format!("fact as of {}", mark.date),
        MarkKind::Fund => format!("fund stated {}", mark.date),
    }
}

/// The unit map as CSV: one row per responsible unit and plan with any
/// measure, in `order`, with the count, how many of them the unit leads
/// (where the document names a lead), the earliest deadline the plan gives
/// for them, and the measures' ids (each marked `*` where the unit leads
/// it); then each unit's total and each plan's (each measure counted
/// once), marked as totals.
pub fn units_csv(
    data: &Dataset,
    order: crate::view::themes::ThemeOrder,
) -> Result<Vec<u8>, csv::Error> {
    let matrix = crate::view::themes::ThemeMatrix::units(data);
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record([
        "unit",
        "unit_zh",
        "plan",
        "measures",
        "leads",
        "earliest_deadline",
        "measure_ids",
    ])?;
    let zh = |unit: &crate::dataset::Unit| {
        use crate::dataset::Named;
        unit.zh()
            .map(|z| crate::view::zh_shown(z).into_owned())
            .unwrap_or_default()
    };
    for &r in matrix.order(order).iter() {
        let row = &matrix.rows[r];
        let crate::view::themes::RowKey::Unit(ix) = row.key else {
            continue;
        };
        let unit = &data.units[ix.index()];
        for (c, nodes) in row.cells.iter().enumerate() {
            if nodes.is_empty() {
                continue;
            }
            let ids: Vec<String> = nodes
                .iter()
                .map(|n| {
                    let node = data.node(*n);
                    if node.leads(ix) {
                        format!("{}*", node.id)
                    } else {
                        node.id.to_string()
                    }
                })
                .collect();
            let leads = nodes.iter().filter(|n| data.node(**n).leads(ix)).count();
            let deadline = row.deadlines[c].map(|y| y.to_string()).unwrap_or_default();
            writer.write_record([
                &*cell(&unit.name),
                &*cell(&zh(unit)),
                &*cell(&data.plans[matrix.plans[c].index()].title),
                &nodes.len().to_string(),
                &leads.to_string(),
                &deadline,
                &ids.join(" "),
            ])?;
        }
        writer.write_record([
            &*cell(&unit.name),
            &*cell(&zh(unit)),
            "(all plans)",
            &row.total.to_string(),
            "",
            "",
            "",
        ])?;
    }
    for (c, &plan) in matrix.plans.iter().enumerate() {
        writer.write_record([
            "(any unit)",
            "",
            &*cell(&data.plans[plan.index()].title),
            &matrix.column_totals[c].to_string(),
            "",
            "",
            "",
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

/// The theme map as CSV: one row per theme and plan with any measure, in
/// `order`, with the count and the measures' ids; then each theme's total
/// and each plan's (each measure counted once), marked as totals.
pub fn themes_csv(
    data: &Dataset,
    order: crate::view::themes::ThemeOrder,
) -> Result<Vec<u8>, csv::Error> {
    let matrix = crate::view::themes::ThemeMatrix::new(data);
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(["theme", "theme_zh", "plan", "measures", "measure_ids"])?;
    let zh = |theme: &crate::dataset::Theme| {
        use crate::dataset::Named;
        theme
            .zh()
            .map(|z| crate::view::zh_shown(z).into_owned())
            .unwrap_or_default()
    };
    for &r in matrix.order(order).iter() {
        let row = &matrix.rows[r];
        let crate::view::themes::RowKey::Theme(theme) = row.key else {
            continue;
        };
        let theme = &data.themes[theme.index()];
        for (c, nodes) in row.cells.iter().enumerate() {
            if nodes.is_empty() {
                continue;
            }
            let ids: Vec<&str> = nodes.iter().map(|n| data.node(*n).id.as_str()).collect();
            writer.write_record([
                &*cell(&theme.name),
                &*cell(&zh(theme)),
                &*cell(&data.plans[matrix.plans[c].index()].title),
                &nodes.len().to_string(),
                &ids.join(" "),
            ])?;
        }
        writer.write_record([
            &*cell(&theme.name),
            &*cell(&zh(theme)),
            "(all plans)",
            &row.total.to_string(),
            "",
        ])?;
    }
    for (c, &plan) in matrix.plans.iter().enumerate() {
        writer.write_record([
            "(any theme)",
            "",
            &*cell(&data.plans[plan.index()].title),
            &matrix.column_totals[c].to_string(),
            "",
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

#[expect(
    clippy::too_many_lines,
    reason = "One record per period, then per figure, each field in its column."
)]
/// The timeline as CSV: each plan's period, then every mark's figures
/// (kind, date, name, value, progress for a target with a matching series,
/// source and quote), in the timeline's order.
pub fn timeline_csv(data: &Dataset, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    use crate::view::timeline::{MarkKind, Timeline};
    let timeline = Timeline::new(data);
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record([
        "plan",
        "kind",
        "date",
        "item",
        "value",
        "unit",
        "approximate",
        "lower_bound",
        "latest_actual",
        "latest_actual_year",
        "share_of_target",
        "source",
        "source_date",
        "quote",
        "caveat",
        "upper_bound",
        "likely_wrong",
        "source_reliability",
    ])?;
    let yes = |b: bool| if b { "yes" } else { "no" };
    let plan_name = |row: usize| {
        timeline.rows[row]
            .plan
            .map(|p| data.plans[p.index()].title.clone())
            .unwrap_or_default()
    };
    for (r, row) in timeline.rows.iter().enumerate() {
        let Some(plan) = row.plan else { continue };
        let source = &data.sources[data.plans[plan.index()].source.index()];
        let period = match row.years {
            (Some(a), Some(b)) => format!("{a}-{b}"),
            (None, Some(b)) => format!("-{b}"),
            _ => String::new(),
        };
        writer.write_record([
            &*cell(&plan_name(r)),
            "period",
            &period,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            &*cell(&source.title),
            source.date.as_deref().unwrap_or("undated"),
            "",
            "",
            "",
            "",
            &*cell(source.reliability.as_deref().unwrap_or_default()),
        ])?;
    }
    for mark in &timeline.marks {
        for &figure in &mark.figures {
            let (value, unit, (approximate, lower_bound, upper_bound), citation) = match figure {
                FigureRef::Target(t) => {
                    let t = &data.targets[t.index()];
                    (
                        Some(t.value),
                        Some(t.unit),
                        (t.approximate, t.lower_bound, t.upper_bound),
                        t.citations.first(),
                    )
                }
                FigureRef::Fact(f) => {
                    let f = &data.facts[f.index()];
                    (
                        f.value.map(|v| v.0),
                        f.value.map(|v| v.1),
                        (f.approximate, f.lower_bound, f.upper_bound),
                        f.citations.first(),
                    )
                }
                FigureRef::Fund(f) => {
                    let f = &data.funds[f.index()];
                    (
                        f.amount_yuan,
                        Some(QuantityUnit::Yuan),
                        (f.approximate, f.lower_bound, false),
                        f.citations.first(),
                    )
                }
                FigureRef::Series(_) | FigureRef::Point(..) => continue,
            };
            let kind = match mark.kind {
                MarkKind::Target => "target",
                MarkKind::Fact => "fact",
                MarkKind::Fund => "fund",
            };
            let progress = mark.progress.as_ref();
            let latest = progress.and_then(|p| p.latest);
            let (source, source_date, quote) = citation.map_or_else(
                || (String::new(), String::new(), String::new()),
                |c| {
                    let s = &data.sources[c.source.index()];
                    (
                        s.title.clone(),
                        s.date.clone().unwrap_or_else(|| "undated".to_owned()),
                        c.quote.clone(),
                    )
                },
            );
            writer.write_record([
                &*cell(&plan_name(mark.row)),
                kind,
                &mark.date,
                &*cell(&crate::view::figure_name(data, figure, lang)),
                &value.map(number).unwrap_or_default(),
                unit.map(unit_name).unwrap_or_default(),
                yes(approximate),
                yes(lower_bound),
                &latest.map(|l| number(l.1)).unwrap_or_default(),
                &latest.map(|l| l.0.to_string()).unwrap_or_default(),
                &progress
                    .and_then(|p| p.share)
                    .map(|s| format!("{s:.4}"))
                    .unwrap_or_default(),
                &*cell(&source),
                &source_date,
                &*cell(&quote),
                &*cell(data.figure_caveat(figure).map_or("", |c| c.text.as_str())),
                yes(upper_bound),
                yes(data.figure_likely_wrong(figure)),
                &*cell(&citation.map_or_else(String::new, |c| {
                    reliability_cell(data, std::slice::from_ref(c))
                })),
            ])?;
        }
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

/// The sources the rows cite, each once, in order of first citation.
pub fn sources(rows: &[DataRow]) -> Vec<SourceIx> {
    let mut seen = BTreeSet::new();
    rows.iter()
        .flat_map(|row| &row.citations)
        .map(|c| c.source)
        .filter(|s| seen.insert(*s))
        .collect()
}

/// A unit's name in a table or a subtitle.
pub fn unit_name(unit: QuantityUnit) -> &'static str {
    match unit {
        QuantityUnit::Yuan => "yuan",
        QuantityUnit::Percent => "percent",
        QuantityUnit::PercentYoy => "percent, year on year",
        QuantityUnit::Count => "count",
        QuantityUnit::Per10kWorkers => "per 10,000 workers",
        QuantityUnit::PercentagePoints => "percentage points",
        QuantityUnit::SquareMetres => "square metres",
    }
}

/// A source's date as the document gives it, or "undated".
pub fn source_date(source: &crate::dataset::Source, lang: Lang) -> &str {
    source.date.as_deref().unwrap_or(tr(lang, T::Undated))
}

/// A source's title with its date: "City ready … (2026-02-07)".
pub fn source_with_date(source: &crate::dataset::Source, lang: Lang) -> String {
    format!("{} ({})", source.title, source_date(source, lang))
}

/// The footer of a picture: every source the rows cite, with its date.
pub fn source_footer(data: &Dataset, rows: &[DataRow], lang: Lang) -> String {
    sources_footer(data, &sources(rows), lang)
}

/// A note for each of `sources` whose reliability the dataset doubts:
/// "Reliability of <title>: <note>", the title shortened.
pub fn reliability_notes(data: &Dataset, sources: &[SourceIx], lang: Lang) -> Vec<String> {
    let mut seen = BTreeSet::new();
    sources
        .iter()
        .filter(|s| seen.insert(**s))
        .map(|s| &data.sources[s.index()])
        .filter_map(|source| {
            let note = crate::view::reliability_words(lang, source)?;
            let title = crate::dataset::abbreviate(&source.title, 60, "…");
            Some(fill(lang, T::SourceReliability, &[&title, &note]))
        })
        .collect()
}

/// The footer of a picture naming `sources`, each with its date.
pub fn sources_footer(data: &Dataset, sources: &[SourceIx], lang: Lang) -> String {
    let names: Vec<String> = sources
        .iter()
        .map(|s| source_with_date(&data.sources[s.index()], lang))
        .collect();
    if names.is_empty() {
        tr(lang, T::FooterNoSource).to_owned()
    } else {
        fill(lang, T::FooterSource, &[&names.join("; ")])
    }
}

/// The rows as CSV: UTF-8 with a byte-order mark, which Excel needs to read
/// Chinese text correctly and `LibreOffice` accepts; one row per figure, its
/// citations joined with " | ".
pub fn csv_bytes(data: &Dataset, rows: &[DataRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record([
        "item",
        "year",
        "value",
        "unit",
        "status",
        "approximate",
        "lower_bound",
        "category",
        "source",
        "source_date",
        "quote",
        "per_recipient",
        "caveat",
        "upper_bound",
        "likely_wrong",
        "source_reliability",
    ])?;
    for row in rows {
        let join = |f: &dyn Fn(&Citation) -> String| {
            row.citations.iter().map(f).collect::<Vec<_>>().join(" | ")
        };
        let source = join(&|c| data.sources[c.source.index()].title.clone());
        let dates = join(&|c| {
            data.sources[c.source.index()]
                .date
                .clone()
                .unwrap_or_else(|| "undated".to_owned())
        });
        let quote = join(&|c| c.quote.clone());
        writer.write_record([
            &*cell(&row.item),
            &row.year.map(|y| y.to_string()).unwrap_or_default(),
            &number(row.value),
            unit_name(row.unit),
            &row.status,
            if row.approximate { "yes" } else { "no" },
            if row.lower_bound { "yes" } else { "no" },
            &cell(&row.category),
            &cell(&source),
            &dates,
            &cell(&quote),
            if per_recipient(data, row.figure) {
                "yes"
            } else {
                "no"
            },
            &cell(
                data.figure_caveat(row.figure)
                    .map_or("", |c| c.text.as_str()),
            ),
            if row.upper_bound { "yes" } else { "no" },
            if data.figure_likely_wrong(row.figure) {
                "yes"
            } else {
                "no"
            },
            &cell(&reliability_cell(data, &row.citations)),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))
}

/// The reliability notes of the sources `citations` cite, each once, as
/// "<source id>: <note>" joined with " | ".
fn reliability_cell(data: &Dataset, citations: &[Citation]) -> String {
    let mut seen = BTreeSet::new();
    citations
        .iter()
        .filter(|c| seen.insert(c.source))
        .filter_map(|c| {
            let source = &data.sources[c.source.index()];
            let note = source.reliability.as_ref()?;
            Some(format!("{}: {note}", source.id))
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Whether a row's amount is for each recipient, not a fund's size.
fn per_recipient(data: &Dataset, figure: FigureRef) -> bool {
    matches!(figure, FigureRef::Fund(f) if data.funds[f.index()].per_recipient)
}

/// A text cell that a spreadsheet will not run as a formula: one starting
/// with `=`, `+`, `-` or `@` gets a leading apostrophe, which Excel and
/// `LibreOffice` hide and read as "this is text".
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A value as plain digits (no exponent), which spreadsheets read as a
/// number: 5390000000000, 33.4.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e18 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_that_look_like_formulas_are_kept_as_text() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("-5"), "'-5");
        assert_eq!(cell("National AI Fund"), "National AI Fund");
    }
}
