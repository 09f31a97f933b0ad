//! The chart view-models, tested as data on the real dataset.

#![expect(
    clippy::float_cmp,
    reason = "The values come from exact JSON literals; exact equality is the point."
)]

use plan_explorer::dataset::{FigureRef, FundLevel, Status};
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::view::charts::{
    ChartId, TargetColumn, fund_bars, gdp_share, highlighted, industrial_output, target_rows,
};

use crate::common::data;

#[test]
fn chart_ids_round_trip() {
    for chart in ChartId::ALL {
        assert_eq!(ChartId::from_id(chart.id()), Some(chart));
    }
    assert_eq!(ChartId::from_id("pie"), None);
    let ids: Vec<&str> = ChartId::ALL.iter().map(|c| c.id()).collect();
    assert_eq!(
        ids,
        [
            "industrial-output",
            "gdp-share",
            "funds",
            "targets",
            "themes",
            "units",
            "timeline"
        ]
    );
}

#[test]
fn the_share_chart_marks_the_years_without_data_instead_of_inventing_them() {
    let data = data();
    let shares = gdp_share(&data, Lang::En);
    let pioneer = shares
        .iter()
        .find(|s| data.figure_id(s.figure) == "pioneer-gdp-share")
        .expect("the pioneering industries' share");
    let points: Vec<(i32, f64, bool)> = pioneer
        .points
        .iter()
        .map(|p| (p.year, p.value, p.approximate))
        .collect();
    assert_eq!(points, [(2021, 7.5, true), (2024, 33.4, false)]);
    assert_eq!(pioneer.connections.len(), 1);
    assert!(pioneer.connections[0].spans_missing_years);
    // The manufacturing shares are there too, to be toggled.
    assert!(
        shares
            .iter()
            .any(|s| data.figure_id(s.figure) == "pioneer-mfg-share")
    );
    assert!(
        shares
            .iter()
            .any(|s| data.figure_id(s.figure) == "strategic-emerging-mfg-share")
    );
}

#[test]
fn the_output_chart_holds_gdp_and_the_2030_target_with_their_status() {
    let data = data();
    let output = industrial_output(&data, Lang::En);
    let future = output
        .iter()
        .find(|s| data.figure_id(s.figure) == "future-industries-output")
        .expect("the future-industries target");
    assert_eq!(future.points[0].year, 2030);
    assert_eq!(future.points[0].status, Status::Target);
    let gdp = output
        .iter()
        .find(|s| data.figure_id(s.figure) == "gdp")
        .expect("GDP");
    assert_eq!(gdp.points.len(), 2);
    assert!(
        !gdp.connections[0].spans_missing_years,
        "2024 and 2025 are adjacent"
    );
}

#[test]
fn fund_bars_are_sorted_by_amount_and_keep_level_and_lower_bound() {
    let data = data();
    let (bars, without_amount) = fund_bars(&data, Lang::En);
    let amounts: Vec<f64> = bars.iter().map(|b| b.amount_yuan).collect();
    let mut sorted = amounts.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    assert_eq!(amounts, sorted);
    // The 825 billion is probably wrong as printed: not a bar, so the
    // largest is "over 100 billion yuan" of social capital.
    assert_eq!(bars[0].amount_yuan, 1e11);
    assert!(bars[0].lower_bound);
    assert!(bars.iter().any(|b| b.level == FundLevel::National));
    // The AI Youth Venture Fund states no amount: listed, not drawn.
    assert_eq!(without_amount.len(), 1);
    assert_eq!(data.figure_id(without_amount[0]), "fund-ai-youth-venture");
    // The 100,000-yuan subsidy is per institution: kept off the funds'
    // scale, in a group of its own.
    assert_eq!(bars.last().map(|b| b.amount_yuan), Some(1.5e10));
    assert!(bars.iter().all(|b| b.amount_yuan > 1e5));
    let apart = plan_explorer::view::charts::per_recipient_funds(&data, Lang::En);
    assert_eq!(apart.len(), 1);
    assert_eq!(data.figure_id(apart[0].figure), "fund-silver-tech-subsidy");
    // The doubtful total is apart, marked, and on no bar.
    let doubtful = plan_explorer::view::charts::likely_wrong_funds(&data, Lang::En);
    assert_eq!(doubtful.len(), 1);
    assert_eq!(data.figure_id(doubtful[0].figure), "fund-ai-capital-total");
    assert!(doubtful[0].caveat);
    assert!(bars.iter().all(|b| !b.caveat && b.amount_yuan < 8e11));
}

#[test]
fn targets_sort_by_any_column_with_missing_deadlines_last() {
    let data = data();
    let by_value = target_rows(&data, TargetColumn::Value, false, Lang::En);
    assert_eq!(by_value[0].value, 5e11);
    let by_deadline = target_rows(&data, TargetColumn::Deadline, true, Lang::En);
    assert_eq!(by_deadline[0].deadline_year, Some(2027));
    assert_eq!(by_deadline.last().and_then(|r| r.deadline_year), None);
    let by_deadline_down = target_rows(&data, TargetColumn::Deadline, false, Lang::En);
    assert_eq!(by_deadline_down[0].deadline_year, Some(2030));
    assert_eq!(by_deadline_down.last().and_then(|r| r.deadline_year), None);
    let by_metric = target_rows(&data, TargetColumn::Metric, true, Lang::En);
    let metrics: Vec<String> = by_metric.iter().map(|r| r.metric.to_lowercase()).collect();
    let mut sorted = metrics.clone();
    sorted.sort();
    assert_eq!(metrics, sorted);
}

#[test]
fn selecting_a_measure_highlights_its_linked_figures() {
    let data = data();
    let fund = data.figure_by_id("fund-future-industry").expect("fund");
    let measure = data.figure_measures(fund)[0];
    let lit = highlighted(&data, Some(Item::Node(measure)));
    assert!(lit.contains(&fund));
    // Selecting a point lights its series as well.
    let point = data.figure_by_id("pioneer-gdp-share-2024").expect("point");
    let lit = highlighted(&data, Some(Item::Figure(point)));
    let FigureRef::Point(series, _) = point else {
        panic!("a point");
    };
    assert!(lit.contains(&FigureRef::Series(series)));
    assert!(highlighted(&data, None).is_empty());
}

mod hover {
    use super::data;
    use plan_explorer::dataset::FigureRef;
    use plan_explorer::i18n::Lang;
    use plan_explorer::view::amount::Convention;
    use plan_explorer::view::hover;

    fn fund(data: &plan_explorer::dataset::Dataset, id: &str) -> FigureRef {
        let f = data
            .funds
            .iter()
            .position(|f| f.id == id)
            .expect("the fund exists");
        FigureRef::Fund(plan_explorer::dataset::FundIx(
            u32::try_from(f).expect("small"),
        ))
    }

    #[test]
    fn a_fund_shows_its_level_amount_dollars_source_date_and_quote() {
        let data = data();
        let text = hover::fund(
            &data,
            fund(&data, "fund-national-ai"),
            Convention::International,
            Lang::En,
        );
        assert!(
            text.starts_with("National AI Fund\nNational: 60 billion yuan"),
            "{text}"
        );
        assert!(text.contains("US$"), "{text}");
        assert!(text.contains("\n\nSource: "), "{text}");
        let quote = &data.funds[0].citations[0].quote;
        assert!(text.contains(quote.as_str()), "{text}");
        let chinese = hover::fund(
            &data,
            fund(&data, "fund-national-ai"),
            Convention::Chinese,
            Lang::En,
        );
        assert!(chinese.contains("600亿元"), "{chinese}");
    }

    #[test]
    fn a_point_shows_year_value_status_and_an_undated_source_says_so() {
        let data = data();
        let (s, series) = data
            .series
            .iter()
            .enumerate()
            .find(|(_, s)| s.title.starts_with("Three pioneering industries"))
            .expect("the share series");
        let p = series
            .points
            .iter()
            .position(|p| p.year == 2024)
            .expect("2024");
        let figure = FigureRef::Point(
            plan_explorer::dataset::SeriesIx(u32::try_from(s).expect("small")),
            u32::try_from(p).expect("small"),
        );
        let text = hover::point(&data, figure, Convention::International, Lang::En);
        assert!(text.contains("2024: 33.4% (actual)"), "{text}");
        assert!(text.contains("Source: "), "{text}");
        // Its source, the 15th Five-Year Plan roadmap article, prints no
        // date; the hover says so, with the dataset's reason.
        let source = &data.sources[series.points[p].citations[0].source.index()];
        assert_eq!(source.date, None);
        assert!(text.contains("(undated: No date printed."), "{text}");
    }

    #[test]
    fn a_target_shows_value_deadline_and_source() {
        let data = data();
        let t = data
            .targets
            .iter()
            .position(|t| t.metric == "Advanced smart factories")
            .expect("the target");
        let figure = FigureRef::Target(plan_explorer::dataset::TargetIx(
            u32::try_from(t).expect("small"),
        ));
        let text = hover::target(&data, figure, Convention::International, Lang::En);
        assert!(
            text.starts_with("Advanced smart factories\n500 (by 2030, target)"),
            "{text}"
        );
        assert!(text.contains("Source: "), "{text}");
    }
}

mod table {
    use super::data;
    use plan_explorer::i18n::Lang;
    use plan_explorer::view::charts::{ChartId, LegendKey};
    use plan_explorer::view::table::{chart_rows, source_footer};

    #[test]
    fn the_footer_names_every_source_of_the_figures_shown_and_only_those() {
        let data = data();
        let rows = chart_rows(
            &data,
            ChartId::GdpShare,
            &std::collections::BTreeSet::new(),
            Lang::En,
        );
        assert_eq!(
            source_footer(&data, &rows, Lang::En),
            "Source: City ready to boost strategy for next five-year plan (undated); Shanghai \
             Charts Bold Course for ‘New Quality Productive Forces’: AI, Robotics, and Future \
             Industries Set for Major Boost (2026-02-07)"
        );
        // Hiding the series of one source drops that source.
        let pioneer = data
            .series
            .iter()
            .position(|s| s.title.starts_with("Three pioneering"))
            .expect("series");
        let hidden = [LegendKey::Series(plan_explorer::dataset::SeriesIx(
            u32::try_from(pioneer).expect("small"),
        ))]
        .into_iter()
        .collect();
        let rows = chart_rows(&data, ChartId::GdpShare, &hidden, Lang::En);
        assert!(rows.iter().all(|r| !r.item.starts_with("Three pioneering")));
        assert!(!source_footer(&data, &rows, Lang::En).contains("City ready"));
    }
}
