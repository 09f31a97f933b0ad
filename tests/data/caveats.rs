//! Caveats, totals and per-recipient amounts (issue 12, points 2 and 3):
//! read and checked, with their references resolved and a total whose
//! parts do not add up reported.

use crate::common;

use common::{messages, minimal};

use plan_explorer::dataset::{self, FigureRef, Loaded};
use serde_json::{Value, json};

fn fund(id: &str, amount: f64, lower_bound: bool) -> Value {
    json!({"id": id, "name": id, "amount_yuan": amount, "lower_bound": lower_bound,
           "approximate": false, "level": "municipal", "purpose": "p", "source": "doc",
           "quote": "a 15 billion-yuan fund"})
}

fn load(data: &Value) -> Loaded {
    dataset::load_str(&data.to_string())
}

/// The minimal dataset with a total of two funds.
fn with_total(total: f64, lower_bound: bool, caveat: Option<Value>) -> Value {
    let mut data = minimal();
    let mut sum = fund("sum", total, lower_bound);
    sum["parts"] = json!(["part-a", "part-b"]);
    if let Some(caveat) = caveat {
        sum["caveat"] = caveat;
    }
    data["funds"] = json!([
        fund("part-a", 60e9, false),
        fund("part-b", 22.5e9, false),
        sum
    ]);
    data
}

#[test]
fn a_total_whose_parts_add_up_is_quiet() {
    let loaded = load(&with_total(82.5e9, false, None));
    assert!(loaded.problems.is_empty(), "{:?}", messages(&loaded));
    let data = loaded.dataset.expect("valid");
    let parts: Vec<&str> = data.funds[2]
        .parts
        .iter()
        .map(|p| data.funds[p.index()].id.as_str())
        .collect();
    assert_eq!(parts, ["part-a", "part-b"]);
    // "Over 80 billion" holds too.
    assert!(load(&with_total(80e9, true, None)).problems.is_empty());
}

#[test]
fn a_total_whose_parts_do_not_add_up_is_a_warning_that_says_by_how_much() {
    let loaded = load(&with_total(825e9, true, None));
    assert!(loaded.dataset.is_some(), "a warning, not an error");
    assert_eq!(
        messages(&loaded),
        [
            "funds[2].parts: the parts (part-a, part-b) add up to 82.5 billion yuan, while the \
          fund states over 825 billion yuan; check the amounts, or say why in a caveat"
        ]
    );
    // A total smaller than its parts, too.
    let loaded = load(&with_total(50e9, false, None));
    assert_eq!(loaded.problems.len(), 1, "{:?}", messages(&loaded));
    // With a caveat, the warning says the caveat explains it.
    let caveat = json!({"text": "Likely a slip.", "conflicts": ["part-a", "part-b"]});
    let loaded = load(&with_total(825e9, true, Some(caveat)));
    assert!(
        messages(&loaded)[0].ends_with("its caveat says why"),
        "{:?}",
        messages(&loaded)
    );
}

#[test]
fn a_caveat_keeps_its_text_and_the_figures_it_conflicts_with() {
    let mut data = minimal();
    data["series"][0]["points"][0]["caveat"] =
        json!({"text": "May not measure the same thing.", "conflicts": ["fund", "factories"]});
    data["funds"][0]["per_recipient"] = json!(true);
    let loaded = load(&data);
    assert!(loaded.problems.is_empty(), "{:?}", messages(&loaded));
    let data = loaded.dataset.expect("valid");
    let point = data.figure_by_id("share-2024").expect("point");
    let caveat = data.figure_caveat(point).expect("a caveat");
    assert_eq!(caveat.text, "May not measure the same thing.");
    assert_eq!(
        caveat.conflicts,
        [
            data.figure_by_id("fund").expect("fund"),
            data.figure_by_id("factories").expect("target")
        ]
    );
    assert!(data.funds[0].per_recipient);
    assert!(
        data.figure_caveat(FigureRef::Fund(dataset::FundIx(0)))
            .is_none()
    );
}

#[test]
fn bad_references_and_bad_caveats_are_located() {
    let mut data = with_total(82.5e9, false, None);
    data["funds"][2]["parts"] = json!(["part-a", "nowhere", "share-2024", "sum"]);
    data["funds"][0]["caveat"] = json!({"text": 3, "conflicts": ["missing"]});
    data["funds"][1]["caveat"] = json!("not an object");
    let loaded = load(&data);
    assert!(loaded.dataset.is_none());
    let got = messages(&loaded);
    for wanted in [
        "funds[2].parts[1]: unknown figure \"nowhere\"",
        "funds[2].parts[2]: \"share-2024\" is not a fund; a fund's parts are funds",
        "funds[2].parts[3]: \"sum\" is the figure itself",
        "funds[0].caveat.text: expected a string, found the number 3",
        "funds[0].caveat.conflicts[0]: unknown figure \"missing\"",
    ] {
        assert!(
            got.iter().any(|g| g == wanted),
            "missing {wanted:?} in {got:#?}"
        );
    }
    assert!(
        got.iter()
            .any(|g| g.starts_with("funds[1].caveat: expected ")),
        "{got:#?}"
    );
}

#[test]
fn the_built_in_dataset_owes_its_caveats() {
    let loaded = dataset::load_embedded();
    // Its one warning is the 825-billion total, which its caveat explains.
    assert_eq!(
        messages(&loaded),
        [
            "funds[3].parts: the parts (fund-national-ai, fund-sh-ai-fof) add up to 82.5 billion \
          yuan, while the fund states over 825 billion yuan; its caveat says why"
        ]
    );
    let data = loaded.dataset.expect("valid");
    let total = data.figure_by_id("fund-ai-capital-total").expect("total");
    assert!(
        data.figure_caveat(total)
            .is_some_and(|c| c.conflicts.len() == 2)
    );
    let share = data.figure_by_id("pioneer-gdp-share-2024").expect("point");
    let caveat = data.figure_caveat(share).expect("the share's caveat");
    assert!(
        caveat.text.contains("may not measure the same thing"),
        "{}",
        caveat.text
    );
    let subsidy = data
        .funds
        .iter()
        .find(|f| f.id == "fund-silver-tech-subsidy")
        .expect("subsidy");
    assert!(subsidy.per_recipient);
    assert!(data.funds.iter().filter(|f| f.per_recipient).count() == 1);
}

#[test]
fn a_caveat_can_say_its_figure_is_probably_wrong_and_the_funds_chart_keeps_it_apart() {
    // Without the flag, the 825 billion sets the scale; with it, it does
    // not, and the chart names it apart with its caveat (issue 26, 1).
    let caveat = json!({"text": "Likely a slip for 82.5 billion.", "likely_wrong": true});
    let loaded = load(&with_total(825e9, true, Some(caveat)));
    let data = loaded.dataset.expect("valid");
    let sum = data.figure_by_id("sum").expect("sum");
    assert!(data.figure_likely_wrong(sum));
    assert!(!data.figure_likely_wrong(data.figure_by_id("part-a").expect("a")));
    let lang = plan_explorer::i18n::Lang::En;
    let (bars, _) = plan_explorer::view::charts::fund_bars(&data, lang);
    assert!(bars.iter().all(|b| b.figure != sum), "not a bar");
    let apart = plan_explorer::view::charts::likely_wrong_funds(&data, lang);
    assert_eq!(apart.iter().map(|b| b.figure).collect::<Vec<_>>(), [sum]);
    let axis = plan_explorer::view::charts::FundsAxis::new(&bars, false);
    assert!(
        axis.range.1 < 100e9,
        "the scale is the parts': {:?}",
        axis.range
    );
    // Every surface says it is probably wrong, not only "Caveat".
    let text = plan_explorer::view::caveat_text(lang, data.figure_caveat(sum).expect("caveat"));
    assert!(text.starts_with("⚠ Probably wrong as printed"), "{text}");
    // The CSV keeps it, marked.
    let rows = plan_explorer::view::table::chart_rows(
        &data,
        plan_explorer::view::charts::ChartId::Funds,
        &std::collections::BTreeSet::new(),
        lang,
    );
    let csv = String::from_utf8(plan_explorer::view::table::csv_bytes(&data, &rows).expect("csv"))
        .expect("UTF-8");
    let line = csv
        .lines()
        .find(|l| l.starts_with("sum,"))
        .expect("the total's row");
    assert!(line.contains(",yes,"), "{line}");
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.contains("likely_wrong"))
    );
    // A flag that is not a boolean is located.
    let bad = json!({"text": "x", "likely_wrong": "yes"});
    let got = messages(&load(&with_total(825e9, true, Some(bad))));
    assert!(
        got.iter()
            .any(|g| g.starts_with("funds[2].caveat.likely_wrong: expected")),
        "{got:#?}"
    );
}

#[test]
fn the_built_in_825_billion_is_probably_wrong_and_off_every_scale() {
    let data = dataset::load_embedded().dataset.expect("valid");
    let total = data.figure_by_id("fund-ai-capital-total").expect("total");
    assert!(data.figure_likely_wrong(total));
    // It is the only figure so marked.
    let marked = data
        .funds
        .iter()
        .filter(|f| f.caveat.as_ref().is_some_and(|c| c.likely_wrong))
        .count()
        + data
            .series
            .iter()
            .flat_map(|s| &s.points)
            .filter(|p| p.caveat.as_ref().is_some_and(|c| c.likely_wrong))
            .count();
    assert_eq!(marked, 1);
    for lang in plan_explorer::i18n::Lang::ALL {
        let (bars, _) = plan_explorer::view::charts::fund_bars(&data, lang);
        assert!(bars.iter().all(|b| b.figure != total));
        let page = plan_explorer::chart::Page::of(
            plan_explorer::chart::Preset::Slide,
            plan_explorer::chart::Paper::Light,
        );
        let none = std::collections::BTreeSet::new();
        let view = plan_explorer::chart::ChartView::new(
            &data,
            plan_explorer::view::charts::ChartId::Funds,
            &none,
            lang,
        );
        let scene = plan_explorer::chart::scene(&view, &page);
        let footer: String = scene
            .texts()
            .filter(|t| t.role == plan_explorer::chart::scene::Role::Footer)
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let (apart, caveat) = match lang {
            plan_explorer::i18n::Lang::En => {
                ("Not on this scale (probably wrong", "Very likely a slip")
            }
            plan_explorer::i18n::Lang::Zh => {
                ("原文数字很可能有误，见注意事项", "Very likely a slip")
            }
        };
        assert!(footer.contains(apart), "{footer}");
        assert!(footer.contains(caveat), "{footer}");
        assert!(
            scene
                .texts()
                .filter(|t| t.role == plan_explorer::chart::scene::Role::Value)
                .all(|t| !t.text.contains("825") && !t.text.contains("8250")),
            "no bar is valued at 825 billion"
        );
    }
}

#[test]
fn the_1_8_trillion_is_caveated_and_linked_to_the_records_it_conflicts_with() {
    let data = dataset::load_embedded().dataset.expect("valid");
    let output = data.figure_by_id("pioneer-output-2024").expect("point");
    let caveat = data.figure_caveat(output).expect("a caveat");
    assert!(caveat.text.contains("12.4%") && caveat.text.contains("4.07 trillion"));
    assert!(
        caveat.text.contains("about 0.5 trillion"),
        "{}",
        caveat.text
    );
    assert!(
        !caveat.likely_wrong,
        "the figure is printed right, only not what its words say"
    );
    let ids: Vec<&str> = caveat
        .conflicts
        .iter()
        .map(|f| data.figure_id(*f))
        .collect();
    assert_eq!(
        ids,
        [
            "industrial-output-above-size-2025",
            "pioneer-mfg-share-2025"
        ]
    );
    // Its Chinese says scale (规模), not the defined statistic 工业总产值.
    for id in ["pioneer-output", "pioneer-output-growth-q1q3"] {
        let series = &data.series[match data.figure_by_id(id) {
            Some(FigureRef::Series(s)) => s.index(),
            _ => panic!("no series {id}"),
        }];
        let zh = series.title_zh_translation.as_deref().expect("translated");
        assert!(zh.contains("规模") && !zh.contains("工业总产值"), "{zh}");
    }
}

#[test]
fn the_33_4_percent_caveat_is_worded_as_an_inference() {
    let data = dataset::load_embedded().dataset.expect("valid");
    let share = data.figure_by_id("pioneer-gdp-share-2024").expect("point");
    let text = &data.figure_caveat(share).expect("caveat").text;
    assert!(
        text.contains("33.4% equals 1.8 / 5.39 trillion yuan"),
        "{text}"
    );
    assert!(text.contains("suggests output divided by GDP"), "{text}");
    assert!(text.contains("may be defined differently"), "{text}");
    assert!(text.contains("Only src-003 gives"), "{text}");
    assert!(text.contains("editors' reading"), "{text}");
    // No longer stated as fact.
    assert!(!text.contains("33.4% is the three"), "{text}");
    assert!(!text.contains("not a share of GDP"), "{text}");
}

#[test]
fn sources_carry_reliability_notes_shown_wherever_their_figures_are() {
    let data = dataset::load_embedded().dataset.expect("valid");
    let note = |id: &str| {
        data.sources[data.source_by_id(id).expect("source").index()]
            .reliability
            .clone()
            .unwrap_or_default()
    };
    assert!(note("src-003").contains("investor-oriented blog post"));
    assert!(note("src-003").contains("hard攻坚 stage"));
    assert!(note("src-003").contains("825 billion"));
    assert!(note("src-000").contains("Undated and unattributed"));
    assert!(note("src-000").contains("'roadmap'"));
    assert!(note("src-004").contains("about 500 billion yuan by 2030"));
    assert!(note("src-004").contains("do not present them as new"));
    assert!(note("src-002").contains("date of the English text"));
    let lang = plan_explorer::i18n::Lang::En;
    let convention = plan_explorer::view::amount::Convention::International;
    // The hover of a figure from src-003.
    let fund = data.figure_by_id("fund-national-ai").expect("fund");
    let hover = plan_explorer::view::hover::fund(&data, fund, convention, lang);
    assert!(
        hover.contains("⚠ Reliability: An investor-oriented blog post"),
        "{hover}"
    );
    // The CSV of the funds chart.
    let rows = plan_explorer::view::table::chart_rows(
        &data,
        plan_explorer::view::charts::ChartId::Funds,
        &std::collections::BTreeSet::new(),
        lang,
    );
    let csv = String::from_utf8(plan_explorer::view::table::csv_bytes(&data, &rows).expect("csv"))
        .expect("UTF-8");
    let mut reader = csv::Reader::from_reader(&csv.as_bytes()[3..]);
    let headers = reader.headers().expect("headers").clone();
    let column = headers
        .iter()
        .position(|h| h == "source_reliability")
        .expect("column");
    let national = reader
        .records()
        .map(|r| r.expect("row"))
        .find(|r| r[0].starts_with("National AI Fund"))
        .expect("row");
    assert!(
        national[column].starts_with("src-003: An investor-oriented"),
        "{:?}",
        &national[column]
    );
    // The chart's footer, in both languages, in every picture.
    for (lang, words) in [
        (
            plan_explorer::i18n::Lang::En,
            "⚠ Reliability of Shanghai Charts Bold Course",
        ),
        (
            plan_explorer::i18n::Lang::Zh,
            "⚠ 来源可靠性（Shanghai Charts Bold Course",
        ),
    ] {
        let hidden = std::collections::BTreeSet::new();
        let view = plan_explorer::chart::ChartView::new(
            &data,
            plan_explorer::view::charts::ChartId::Funds,
            &hidden,
            lang,
        );
        for preset in [
            plan_explorer::chart::Preset::Slide,
            plan_explorer::chart::Preset::Square,
        ] {
            let page = plan_explorer::chart::Page::of(preset, plan_explorer::chart::Paper::Light);
            let footer: Vec<String> = plan_explorer::chart::scene(&view, &page)
                .texts()
                .filter(|t| t.role == plan_explorer::chart::scene::Role::Footer)
                .map(|t| t.text.clone())
                .collect();
            assert!(footer.iter().any(|t| t.starts_with(words)), "{footer:#?}");
        }
    }
    // A briefing's list of sources.
    let options = plan_explorer::briefing::Options {
        lang,
        convention,
        charts: None,
        date: (2026, 12, 1),
        annotations: std::collections::BTreeMap::new(),
    };
    let briefing = plan_explorer::briefing::build(
        &data,
        &plan_explorer::view::tree::TreeFilter::default(),
        &options,
    )
    .expect("builds");
    let src003 = briefing
        .sources
        .iter()
        .find(|s| s.source == data.source_by_id("src-003").expect("src-003"))
        .expect("src-003 listed");
    assert!(
        src003.facts.contains("⚠ Reliability: An investor-oriented"),
        "{}",
        src003.facts
    );
}

#[test]
fn a_caveat_added_removed_or_reworded_on_a_fund_target_or_fact_is_a_change() {
    use plan_explorer::view::diff::{ChangeKind, Detail, Field, compare};
    let old = common::data();
    let mut new = old.clone();
    let caveat = |text: &str| dataset::Caveat {
        text: text.to_owned(),
        text_zh: None,
        conflicts: Vec::new(),
        likely_wrong: false,
    };
    // A fund's caveat reworded (or added), a target's added, a fact's
    // removed (or added where it had none).
    new.funds[0].caveat = Some(caveat("Reworded for the new edition."));
    new.targets[0].caveat = Some(caveat("Added in the new edition."));
    let fact_had_one = old.facts[0].caveat.is_some();
    new.facts[0].caveat = if fact_had_one {
        None
    } else {
        Some(caveat("Added to a fact."))
    };
    let changes = compare(&old, &new);
    for id in [
        old.funds[0].id.as_str(),
        old.targets[0].id.as_str(),
        old.facts[0].id.as_str(),
    ] {
        let change = changes
            .changes
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id} is listed as changed"));
        assert_eq!(change.kind, ChangeKind::Changed);
        assert!(
            change.details.iter().any(|d| matches!(
                d,
                Detail::Field {
                    field: Field::Caveat,
                    ..
                }
            )),
            "{id}: {:?}",
            change.details
        );
    }
    let target = changes
        .changes
        .iter()
        .find(|c| c.id == old.targets[0].id.as_str())
        .expect("listed");
    assert_eq!(
        target.details[0].text(
            plan_explorer::view::amount::Convention::International,
            plan_explorer::i18n::Lang::Zh
        ),
        "新增说明：“Added in the new edition.”"
    );
    // The same caveat again is no change.
    assert!(compare(&old, &old.clone()).changes.is_empty());
}

/// The curator's notes speak the reader's language: every caveat and every
/// source's reliability note in the built-in dataset has the curator's
/// Chinese, and a Chinese picture shows it where an English one shows the
/// English (the share chart's caveat in its notes, the blog's reliability
/// note in its footer).
#[test]
fn the_curators_notes_are_in_chinese_on_a_chinese_picture() {
    use plan_explorer::chart::{self, ChartView, Page, Paper, Preset};
    use plan_explorer::i18n::Lang;
    use plan_explorer::view::charts::ChartId;
    let data = common::data();
    let chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let caveats = data
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| (&p.id, &p.caveat)))
        .chain(data.funds.iter().map(|f| (&f.id, &f.caveat)))
        .chain(data.targets.iter().map(|t| (&t.id, &t.caveat)))
        .chain(data.facts.iter().map(|f| (&f.id, &f.caveat)))
        .filter_map(|(id, caveat)| Some((id, caveat.as_ref()?)))
        .collect::<Vec<_>>();
    assert!(
        caveats.len() >= 4,
        "the built-in caveats: {}",
        caveats.len()
    );
    for (id, caveat) in &caveats {
        let zh = caveat.text_zh.as_deref().unwrap_or_default();
        assert!(chinese(zh), "{id}'s caveat has its Chinese: {zh:?}");
    }
    for source in data.sources.iter().filter(|s| s.reliability.is_some()) {
        let zh = source.reliability_zh.as_deref().unwrap_or_default();
        assert!(
            chinese(zh),
            "{}'s reliability note has its Chinese",
            source.id
        );
    }

    let hidden = std::collections::BTreeSet::new();
    let page = Page::of(Preset::Slide, Paper::Light);
    let picture = |lang| {
        let view = ChartView::new(&data, ChartId::GdpShare, &hidden, lang);
        chart::scene(&view, &page)
            .texts()
            .map(|t| t.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (en, zh) = (picture(Lang::En), picture(Lang::Zh));
    for (english, chinese) in [
        ("may not measure the same thing", "口径可能不同"),
        ("investor-oriented blog post", "面向投资者的博客文章"),
    ] {
        assert!(en.contains(english) && !en.contains(chinese), "{en}");
        assert!(zh.contains(chinese) && !zh.contains(english), "{zh}");
    }
}
