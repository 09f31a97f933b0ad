//! The embedded default dataset holds what the issue asks of it, exactly as
//! the documents state it.

use plan_explorer::dataset::{self, Dataset, FigureRef, FundLevel, NodeKind, QuantityUnit, Status};

fn data() -> Dataset {
    let loaded = dataset::load_embedded();
    // No problem but the warnings its caveats explain.
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| !p.is_error() && p.message().ends_with("its caveat says why")),
        "{:#?}",
        loaded.problems
    );
    loaded.dataset.expect("the embedded dataset is valid")
}

fn point(data: &Dataset, id: &str) -> (QuantityUnit, dataset::Point) {
    let Some(FigureRef::Point(s, p)) = data.figure_by_id(id) else {
        panic!("no point {id}");
    };
    let series = &data.series[s.index()];
    (series.unit, series.points[p as usize].clone())
}

fn points_of(data: &Dataset, series_id: &str) -> Vec<(i32, f64, Status, bool)> {
    let Some(FigureRef::Series(s)) = data.figure_by_id(series_id) else {
        panic!("no series {series_id}");
    };
    data.series[s.index()]
        .points
        .iter()
        .map(|p| (p.year, p.value, p.status, p.approximate))
        .collect()
}

#[test]
fn the_medical_ai_plan_is_whole_with_its_units() {
    let data = data();
    let plan_ix = data.plan_by_id("medical-ai-2025").expect("plan");
    let plan = &data.plans[plan_ix.index()];
    assert_eq!((plan.start_year, plan.end_year), (Some(2025), 2027));
    let chapters: Vec<&str> = plan
        .roots
        .iter()
        .map(|&n| data.node(n))
        .filter(|n| n.kind == NodeKind::Chapter)
        .filter_map(|n| n.numbering.as_deref())
        .collect();
    assert_eq!(chapters, ["I", "II", "III", "IV", "V"]);

    let numbered = |numbering: &str| {
        data.nodes
            .iter()
            .find(|n| n.plan == plan_ix && n.numbering.as_deref() == Some(numbering))
            .unwrap_or_else(|| panic!("no node numbered {numbering}"))
    };
    // Measures per chapter, as printed: I.1-3, II.1-4, III.1-6, IV.1-2, V.1-3.
    for (chapter, measures) in [("I", 3), ("II", 4), ("III", 6), ("IV", 2), ("V", 3)] {
        assert_eq!(
            numbered(chapter).children.len(),
            measures,
            "chapter {chapter}"
        );
    }
    // Items under chapter III's sections: 6, 2, 5, 3, 2, 3.
    for (section, items) in [(1, 6), (2, 2), (3, 5), (4, 3), (5, 2), (6, 3)] {
        assert_eq!(numbered(&format!("III.{section}")).children.len(), items);
    }
    // Every measure and item carries the units of its "(Responsible units: ...)" line.
    for node in data.nodes.iter().filter(|n| n.plan == plan_ix) {
        if node.kind != NodeKind::Chapter && node.children.is_empty() {
            assert!(!node.units.is_empty(), "{} has no units", node.id);
        }
    }
    let item = numbered("III.1.(2)");
    assert_eq!(item.title, "Auxiliary diagnosis in testing and examination");
    let health = data.unit_by_id(&data.units[item.units[0].index()].id);
    assert!(
        data.units[health.expect("unit").index()]
            .name
            .contains("Commission of Health")
    );
    let v2 = numbered("V.2");
    assert_eq!(v2.units.len(), 5, "V.2 names five units");
}

#[test]
fn the_gdp_share_series_is_7_5_about_in_2021_and_33_4_in_2024() {
    let data = data();
    let share = points_of(&data, "pioneer-gdp-share");
    assert_eq!(
        share,
        [
            (2021, 7.5, Status::Actual, true),
            (2024, 33.4, Status::Actual, false)
        ]
    );
    let (unit, p2024) = point(&data, "pioneer-gdp-share-2024");
    assert_eq!(unit, QuantityUnit::Percent);
    assert!(p2024.citations[0].quote.contains("33.4 percent"));
    assert!(
        p2024
            .note
            .as_deref()
            .unwrap_or_default()
            .to_lowercase()
            .contains("last year"),
        "the resolved year says how"
    );
}

#[test]
fn gdp_output_and_manufacturing_shares_are_as_stated() {
    let data = data();
    assert_eq!(
        points_of(&data, "gdp"),
        [
            (2024, 5.39e12, Status::Actual, false),
            (2025, 5.67e12, Status::Actual, false)
        ]
    );
    assert_eq!(
        points_of(&data, "pioneer-output"),
        [(2024, 1.8e12, Status::Actual, false)]
    );
    let shares = |id| {
        points_of(&data, id)
            .into_iter()
            .map(|p| p.1)
            .collect::<Vec<_>>()
    };
    assert_eq!(shares("strategic-emerging-mfg-share"), [40.0, 45.0]);
    assert_eq!(shares("pioneer-mfg-share"), [7.8, 12.4]);
    assert_eq!(
        points_of(&data, "future-industries-output"),
        [(2030, 5e11, Status::Target, true)]
    );
    let growth = points_of(&data, "gdp-growth");
    assert!(growth.contains(&(2026, 5.0, Status::Target, true)));
    assert!(growth.contains(&(2025, 5.4, Status::Actual, false)));
}

#[test]
fn the_funds_are_as_stated_with_the_future_industry_fund_citing_both_documents() {
    let data = data();
    let fund = |id: &str| {
        let Some(FigureRef::Fund(f)) = data.figure_by_id(id) else {
            panic!("no fund {id}");
        };
        data.funds[f.index()].clone()
    };
    let national = fund("fund-national-ai");
    assert_eq!(
        (national.amount_yuan, national.level),
        (Some(6e10), FundLevel::National)
    );
    assert_eq!(fund("fund-sh-ai-fof").amount_yuan, Some(2.25e10));
    let social = fund("fund-ai-social-capital");
    assert_eq!(
        (social.amount_yuan, social.lower_bound, social.level),
        (Some(1e11), true, FundLevel::SocialCapital)
    );
    let total = fund("fund-ai-capital-total");
    assert_eq!(
        (total.amount_yuan, total.lower_bound),
        (Some(8.25e11), true)
    );
    let future = fund("fund-future-industry");
    assert_eq!(future.amount_yuan, Some(1.5e10));
    let documents: std::collections::BTreeSet<_> =
        future.citations.iter().map(|c| c.source).collect();
    assert_eq!(documents.len(), 2, "one record citing both documents");
    assert_eq!(fund("fund-silver-tech-subsidy").amount_yuan, Some(1e5));
    assert_eq!(fund("fund-ai-youth-venture").amount_yuan, None);
}

#[test]
fn the_targets_include_every_count_the_action_plan_sets() {
    let data = data();
    let values: Vec<(f64, QuantityUnit)> = data.targets.iter().map(|t| (t.value, t.unit)).collect();
    for expected in [
        (5e11, QuantityUnit::Yuan),
        (5.0, QuantityUnit::Count),
        (15.0, QuantityUnit::Count),
        (100.0, QuantityUnit::Count),
        (1000.0, QuantityUnit::Count),
        (20.0, QuantityUnit::Count),
        (500.0, QuantityUnit::Count),
        (600.0, QuantityUnit::Per10kWorkers),
        (25.0, QuantityUnit::Count),
    ] {
        assert!(values.contains(&expected), "{expected:?} missing");
    }
}

#[test]
fn every_figure_has_a_source_and_a_quote_and_every_vague_one_is_marked() {
    let data = data();
    // Every kind of figure: series points, funds, targets and facts, each
    // with its id, whether it is marked approximate, and its citations.
    let figures: Vec<(&str, bool, &[plan_explorer::dataset::Citation])> = data
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|p| (p.id.as_str(), p.approximate, p.citations.as_slice()))
        .chain(
            data.funds
                .iter()
                .map(|f| (f.id.as_str(), f.approximate, f.citations.as_slice())),
        )
        .chain(
            data.targets
                .iter()
                .map(|t| (t.id.as_str(), t.approximate, t.citations.as_slice())),
        )
        .chain(
            data.facts
                .iter()
                .map(|f| (f.id.as_str(), f.approximate, f.citations.as_slice())),
        )
        .collect();
    assert!(!data.facts.is_empty() && !data.funds.is_empty() && !data.targets.is_empty());
    for (id, approximate, citations) in figures {
        assert!(!citations.is_empty(), "{id} has no citation");
        for citation in citations {
            assert!(!citation.quote.trim().is_empty(), "{id}: an empty quote");
            assert!(
                citation.source.index() < data.sources.len(),
                "{id}: no source"
            );
        }
        // A quote saying "about", "around" or "approximately" (or 约, 近,
        // 左右) belongs to a figure marked approximate.
        let quote = citations[0].quote.to_lowercase();
        let vague = ["about ", "around ", "approximately ", "约", "左右"]
            .iter()
            .any(|word| quote.contains(word));
        if vague {
            assert!(approximate, "{id} says {quote:?} but is exact");
        }
    }
}

#[test]
fn the_stated_exchange_rates_are_data() {
    let data = data();
    assert_eq!(data.exchange_rates.len(), 2);
    let rate = data
        .exchange_rates
        .iter()
        .find(|r| (r.yuan_amount - 5.39e12).abs() < 1.0)
        .expect("5.39 trillion yuan ($760 billion)");
    assert_eq!(rate.currency, "USD");
    assert!((rate.yuan_per_unit() - 7.092).abs() < 0.001);
}

#[test]
fn chinese_names_from_the_documents_are_kept() {
    let data = data();
    let silver = data.theme_by_id("silver-economy").expect("theme");
    assert_eq!(
        data.themes[silver.index()].name_zh.as_deref(),
        Some("银发经济")
    );
    let all_text: Vec<String> = data
        .nodes
        .iter()
        .map(|n| format!("{} {}", n.title, n.text))
        .collect();
    let all_text = all_text.join("\n");
    for name in ["模速空间", "四位一体", "银发经济"] {
        assert!(all_text.contains(name), "{name} missing");
    }
}
