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
    // Kept as printed, and marked probably wrong (issue 26, 1).
    assert!(total.caveat.as_ref().is_some_and(|c| c.likely_wrong));
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

fn target(data: &Dataset, id: &str) -> dataset::Target {
    let Some(FigureRef::Target(t)) = data.figure_by_id(id) else {
        panic!("no target {id}");
    };
    data.targets[t.index()].clone()
}

fn fact(data: &Dataset, id: &str) -> dataset::Fact {
    let Some(FigureRef::Fact(f)) = data.figure_by_id(id) else {
        panic!("no fact {id}");
    };
    data.facts[f.index()].clone()
}

#[test]
fn no_value_is_more_precise_than_its_words() {
    let data = data();
    // "tackling about a hundred core components, launching a hundred
    // high-end products": "about" governs the whole list.
    for id in ["t-fi-high-end-products", "t-fi-high-tech-enterprises"] {
        assert!(target(&data, id).approximate, "{id} is about");
    }
    // "over one-third", "reportedly": a lower bound of one third, with a
    // caveat for the hearsay.
    let returnees = fact(&data, "fact-returnees-share");
    let (value, unit) = returnees.value.expect("a value");
    assert_eq!(unit, QuantityUnit::Percent);
    assert!((value - 100.0 / 3.0).abs() < 1e-9, "{value}");
    assert!(returnees.lower_bound && !returnees.upper_bound);
    assert!(
        returnees
            .caveat
            .as_ref()
            .is_some_and(|c| c.text.contains("'reportedly'") && !c.likely_wrong)
    );
    // "nearly 10%": close to, and under.
    let computing = fact(&data, "fact-computing-power-share");
    assert!(computing.upper_bound && computing.approximate && !computing.lower_bound);
    let convention = plan_explorer::view::amount::Convention::International;
    assert_eq!(
        plan_explorer::view::amount::of_fact(&computing, convention).as_deref(),
        Some("nearly 10%")
    );
    assert_eq!(
        plan_explorer::view::amount::of_fact(
            &computing,
            plan_explorer::view::amount::Convention::Chinese
        )
        .as_deref(),
        Some("近10%")
    );
    // "100-billion-yuan sub-sectors": at least 100 billion each.
    let subsectors = target(&data, "t-ind-100bn-subsectors");
    assert!(subsectors.metric.contains("at least 100 billion yuan each"));
    assert!((subsectors.value - 25.0).abs() < f64::EPSILON);
    // Facts dated by the article's month say it is the report's date.
    let by_month: Vec<_> = data.facts.iter().filter(|f| f.as_of == "2026-02").collect();
    assert!(by_month.len() >= 6);
    for f in by_month {
        let note = f.as_of_note.as_deref().unwrap_or_default();
        assert!(
            note.starts_with("The date of the report, not of the measurement"),
            "{}: {note}",
            f.id
        );
    }
}

#[test]
fn the_citys_2026_gdp_target_is_one_point_of_its_series_and_no_plans_target() {
    let data = data();
    assert!(data.figure_by_id("t-gdp-growth-2026").is_none());
    let (_, point) = point(&data, "gdp-growth-2026");
    assert_eq!(
        (point.value, point.status, point.approximate),
        (5.0, Status::Target, true)
    );
    assert!(
        point
            .note
            .as_deref()
            .unwrap_or_default()
            .contains("not of any plan")
    );
    // No plan's target is the city's GDP target again.
    let quote = &point.citations[0].quote;
    assert!(
        data.targets
            .iter()
            .all(|t| t.citations.iter().all(|c| &c.quote != quote)),
        "the GDP target is recorded once"
    );
    assert!(data.targets.iter().all(|t| !t.metric.contains("GDP")));
    let industry = data.plan_by_id("fyp15-industry").expect("plan");
    assert!(
        data.plans[industry.index()]
            .targets
            .iter()
            .all(|t| { data.targets[t.index()].unit != QuantityUnit::PercentYoy })
    );
}

#[test]
fn the_medical_ai_plans_three_full_coverage_targets_are_data() {
    let data = data();
    let plan = data.plan_by_id("medical-ai-2025").expect("plan");
    let targets: Vec<(String, Option<&str>)> = data.plans[plan.index()]
        .targets
        .iter()
        .map(|t| {
            let t = &data.targets[t.index()];
            assert_eq!(
                (t.unit, t.deadline_year),
                (QuantityUnit::Percent, Some(2027))
            );
            assert!((t.value - 100.0).abs() < f64::EPSILON, "full coverage");
            assert!(
                t.citations[0].quote.contains("full"),
                "{}",
                t.citations[0].quote
            );
            let numbering = t
                .measures
                .first()
                .map(|m| data.node(*m).numbering.as_deref());
            (t.id.to_string(), numbering.flatten())
        })
        .collect();
    assert_eq!(
        targets,
        [
            (
                "t-medai-clinical-decision-coverage".to_owned(),
                Some("III.1.(1)")
            ),
            (
                "t-medai-rehabilitation-coverage".to_owned(),
                Some("III.1.(5)")
            ),
            (
                "t-medai-child-health-coverage".to_owned(),
                Some("III.3.(5)")
            ),
        ]
    );
    // Its note no longer says it has no quantified targets.
    let note = data.plans[plan.index()].note.as_deref().unwrap_or_default();
    assert!(!note.contains("no quantified targets"), "{note}");
    assert!(note.contains("three full-coverage targets"), "{note}");
}

#[test]
fn the_15_measures_and_the_millions_of_square_metres_are_data() {
    let data = data();
    let measures = fact(&data, "fact-frontier-measures");
    assert_eq!(measures.value, Some((15.0, QuantityUnit::Count)));
    assert_eq!(measures.as_of, "2025-10");
    assert_eq!(
        measures.citations[0].quote,
        "In late October, the city rolled out 15 measures"
    );
    assert_eq!(
        data.source_by_id("src-001"),
        Some(measures.citations[0].source)
    );
    let space = fact(&data, "fact-model-spaces-area");
    assert_eq!(space.value, Some((1e6, QuantityUnit::SquareMetres)));
    assert!(space.lower_bound, "millions: a lower bound");
    let convention = plan_explorer::view::amount::Convention::International;
    assert_eq!(
        plan_explorer::view::amount::of_fact(&space, convention).as_deref(),
        Some("over 1 million square metres")
    );
    assert_eq!(
        plan_explorer::view::amount::of_fact(
            &space,
            plan_explorer::view::amount::Convention::Chinese
        )
        .as_deref(),
        Some("超过100万平方米")
    );
}

#[test]
fn no_plan_looks_more_official_than_its_documents_make_it() {
    let data = data();
    let plan = |id: &str| data.plans[data.plan_by_id(id).expect("plan").index()].clone();
    // No document gives the future-industries plan an official title: its
    // Chinese is descriptive and says so, and its note says it.
    let future = plan("future-industries");
    let zh = future.title_zh_translation.as_deref().expect("translated");
    assert!(!zh.contains("打造未来产业创新高地"), "{zh}");
    assert!(zh.contains("描述"), "{zh}");
    assert!(
        future
            .note
            .as_deref()
            .unwrap_or_default()
            .contains("not an official document title")
    );
    // frontier-tech: the two announcements apart, in its title, its
    // Chinese and its two groups of nodes with their own dates.
    let frontier = plan("frontier-tech");
    assert!(
        frontier.title.contains("(October 2025)")
            && frontier.title.contains("(reported February 2026)")
    );
    let zh = frontier
        .title_zh_translation
        .as_deref()
        .expect("translated");
    assert!(!zh.contains("若干措施"), "no official-sounding title: {zh}");
    assert!(
        zh.contains("2025年10月") && zh.contains("2026年2月"),
        "{zh}"
    );
    let roots: Vec<(&str, dataset::SourceIx)> = frontier
        .roots
        .iter()
        .map(|n| (data.node(*n).id.as_str(), data.node(*n).source))
        .collect();
    assert_eq!(
        roots,
        [
            (
                "ft-late-2025",
                data.source_by_id("src-001").expect("src-001")
            ),
            (
                "ft-mechanism",
                data.source_by_id("src-003").expect("src-003")
            ),
        ]
    );
    // The services roadmap prints no unit: the one recorded is inferred.
    let services = plan("fyp15-services");
    for n in &services.roots {
        let node = data.node(*n);
        assert!(node.units.is_empty() || node.units_inferred, "{}", node.id);
    }
    // The notes and the Chinese agree: 2026-02-07 is the article's date,
    // not the press conference's.
    let industry = plan("fyp15-industry");
    assert!(
        industry
            .note
            .as_deref()
            .unwrap_or_default()
            .contains("does not print the date of the press conference itself")
    );
    let mechanism = data.node(data.node_by_id("ft-mechanism").expect("node"));
    assert!(
        mechanism
            .note
            .as_deref()
            .unwrap_or_default()
            .contains("does not print the date of the press conference itself")
    );
    for zh in [
        industry.title_zh_translation.as_deref().unwrap_or_default(),
        mechanism
            .title_zh_translation
            .as_deref()
            .unwrap_or_default(),
    ] {
        assert!(zh.contains("2026年2月7日报道的新闻发布会"), "{zh}");
        assert!(!zh.contains("2026年2月7日新闻发布会"), "{zh}");
    }
}

#[test]
fn the_chinese_renderings_flagged_by_the_audit_are_fixed() {
    use plan_explorer::dataset::{Named, Zh};
    let data = data();
    let node_zh = |id: &str| data.node(data.node_by_id(id).expect("node")).zh();
    let series_zh = |id: &str| match data.figure_by_id(id) {
        Some(FigureRef::Series(s)) => data.series[s.index()].zh(),
        _ => panic!("no series {id}"),
    };
    // Fragments become whole titles, the editors'.
    assert_eq!(
        node_zh("ind-100bn-subsectors"),
        Some(Zh::Translated("25个千亿级细分赛道"))
    );
    assert!(
        matches!(node_zh("ft-stage-rd"), Some(Zh::Translated(t)) if t.starts_with("研发攻坚期"))
    );
    // Statistical terms.
    for id in ["gdp", "gdp-growth", "gdp-growth-q1q3", "pioneer-gdp-share"] {
        let zh = series_zh(id).expect("Chinese").text();
        assert!(
            zh.contains("地区生产总值") && !zh.contains("GDP"),
            "{id}: {zh}"
        );
    }
    let fact = fact(&data, "fact-gdp-growth-above-national-q1q3-2025");
    assert!(fact.zh().expect("Chinese").text().contains("地区生产总值"));
    assert_eq!(
        series_zh("industrial-value-added-growth"),
        Some(Zh::Translated("规模以上工业增加值增速"))
    );
    assert_eq!(
        series_zh("strategic-emerging-mfg-share"),
        Some(Zh::Translated("战略性新兴产业制造业产值占比"))
    );
    let ratio = series_zh("pioneer-gdp-share").expect("Chinese").text();
    assert!(
        ratio.ends_with("之比") && !ratio.contains("贡献"),
        "{ratio}"
    );
    // Faithfulness.
    assert!(
        matches!(node_zh("ft-bci-cluster"), Some(Zh::Translated(t)) if t.starts_with("全国首个"))
    );
    assert!(matches!(node_zh("ft-four-in-one-1"), Some(Zh::Translated(t)) if !t.contains("专职")));
    assert_eq!(
        node_zh("medai-3"),
        Some(Zh::Translated("打造全方位应用场景"))
    );
    // Printed abbreviations keep their form and gain the full name.
    for (id, printed, full) in [
        ("mc-sci-tech", "上海市科委", "上海市科学技术委员会"),
        (
            "mc-econ-info",
            "上海市经济信息化委",
            "上海市经济和信息化委员会",
        ),
    ] {
        let unit = &data.units[data.unit_by_id(id).expect("unit").index()];
        assert_eq!(unit.zh(), Some(Zh::Printed(printed)));
        assert_eq!(unit.translated_zh(), Some(full));
        assert_eq!(
            plan_explorer::view::localized_name(plan_explorer::i18n::Lang::Zh, unit),
            format!("{printed}（{full}〔译〕）")
        );
    }
    // New quality productive forces, a theme of the three documents
    // that name it.
    let theme = &data.themes[data
        .theme_by_id("new-quality-productive-forces")
        .expect("theme")
        .index()];
    assert_eq!(theme.zh(), Some(Zh::Translated("新质生产力")));
    let sources: std::collections::BTreeSet<&str> = theme
        .nodes
        .iter()
        .map(|n| data.sources[data.node(*n).source.index()].id.as_str())
        .collect();
    assert_eq!(
        sources.into_iter().collect::<Vec<_>>(),
        ["src-000", "src-001", "src-003"]
    );
}
