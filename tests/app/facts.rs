//! Issue 12, point 1: facts the documents state as of a date, with no year
//! of their own (138 registered AI models, 37.6% aged 60 or over), are
//! records of their own: read, checked, shown, written and compared.

use crate::common;

use common::{messages, minimal};

use egui_kittest::kittest::Queryable as _;
use plan_explorer::dataset::{self, FigureRef};
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::AppState;
use serde_json::json;

#[test]
fn the_built_in_dataset_states_the_facts_it_had_left_out() {
    let data = dataset::load_embedded().dataset.expect("valid");
    let fact = |id: &str| {
        let Some(FigureRef::Fact(f)) = data.figure_by_id(id) else {
            panic!("{id} is a fact");
        };
        data.facts[f.index()].clone()
    };
    let models = fact("fact-registered-ai-models");
    assert_eq!(models.value, Some((138.0, dataset::QuantityUnit::Count)));
    assert_eq!(models.as_of, "2026-02");
    assert!(models.as_of_note.is_some());
    let elderly = fact("fact-elderly-share");
    assert_eq!(elderly.value, Some((37.6, dataset::QuantityUnit::Percent)));
    assert!(elderly.lower_bound, "over 37.6%");
    assert!(fact("fact-computing-power-share").approximate, "nearly 10%");
    assert_eq!(
        fact("fact-gdp-growth-above-national-q1q3-2025").value,
        Some((0.3, dataset::QuantityUnit::PercentagePoints))
    );
    assert_eq!(fact("fact-first-public-corpus-platform").value, None);
    assert_eq!(data.facts.len(), 9);
    // Linked to their measures, both ways.
    let ai = data.node_by_id("ind-ai").expect("ind-ai");
    assert!(
        data.node(ai).figures.contains(
            &data
                .figure_by_id("fact-registered-ai-models")
                .expect("fact")
        )
    );
    // The measure the 3.6-yuan advantage belongs to no longer starts with a
    // dangling "this".
    let node = data
        .node_by_id("ind-business-environment")
        .expect("the node");
    assert!(
        data.node(node)
            .text
            .starts_with("Director Tang highlighted that the cost"),
        "{}",
        data.node(node).text
    );
}

#[test]
fn a_search_for_a_fact_finds_its_measure() {
    let data = dataset::load_embedded().dataset.expect("valid");
    let search = plan_explorer::view::tree::SearchIndex::new(&data);
    let matching = search.matching("computing power");
    let ai = data.node_by_id("ind-ai").expect("ind-ai");
    assert!(matching[ai.index()], "the fact's measure matches");
    // By its fact alone: its own words do not say "computing power".
    let node = data.node(ai);
    assert!(!format!("{} {}", node.title, node.text).contains("computing power"));
}

#[test]
fn a_fact_is_checked_like_every_figure() {
    let mut data = minimal();
    data["facts"] = json!([
        {"id": "f-1", "title": "A fact", "value": 138, "as_of": "2026-02",
         "source": "doc", "quote": "33.4 percent last year"},
        {"id": "f-2", "title": "Another", "value": 5, "unit": "count", "as_of": "February",
         "source": "nowhere", "quote": "q", "measures": ["m-9"]},
        {"id": "share-2024", "title": "A third", "as_of": "2026", "source": "doc", "quote": "q"}
    ]);
    let loaded = dataset::load_str(&data.to_string());
    assert!(loaded.dataset.is_none());
    let got = messages(&loaded);
    for wanted in [
        "facts[0].unit: a value needs its unit",
        "facts[1].as_of: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"February\"",
        "facts[1].source: unknown source \"nowhere\"",
        "facts[1].measures[0]: unknown node \"m-9\"",
    ] {
        assert!(
            got.iter().any(|g| g == wanted),
            "missing {wanted:?} in {got:#?}"
        );
    }
    assert!(
        got.iter().any(|g| g.contains("share-2024")),
        "a fact's id is unique among figures: {got:#?}"
    );
}

#[test]
fn with_nothing_selected_the_details_show_the_key_facts_and_a_card_leads_to_one() {
    let mut harness = crate::common::app(
        crate::common::builder(),
        AppState::open(None).expect("opens"),
    );
    harness.run_steps(2);
    assert!(harness.query_by_label("Key facts (9)").is_some());
    harness.get_by_label("138").click();
    harness.run_steps(2);
    let data = harness.state().doc.dataset.clone();
    let Some(Item::Figure(figure)) = harness.state().doc.selected() else {
        panic!("a fact is selected");
    };
    assert_eq!(data.figure_id(figure), "fact-registered-ai-models");
    assert!(
        harness
            .query_by_label_contains("2026-02 (The date of the report, not of the measurement")
            .is_some()
    );
}

#[test]
fn a_briefing_of_a_measure_writes_its_facts() {
    let data = dataset::load_embedded().dataset.expect("valid");
    let filter = plan_explorer::view::tree::TreeFilter {
        query: "Artificial intelligence".to_owned(),
        ..Default::default()
    };
    let options = plan_explorer::briefing::Options {
        lang: plan_explorer::i18n::Lang::En,
        convention: plan_explorer::view::amount::Convention::International,
        charts: Some(Vec::new()),
        date: (2026, 12, 2),
        annotations: std::collections::BTreeMap::new(),
    };
    let briefing = plan_explorer::briefing::build(&data, &filter, &options).expect("a briefing");
    let lines: Vec<&str> = briefing
        .plans
        .iter()
        .flat_map(|p| &p.nodes)
        .flat_map(|n| &n.figures)
        .map(|f| f.line.as_str())
        .collect();
    assert!(
        lines.contains(
            &"Registered large-scale AI models launched in Shanghai: 138 (as of 2026-02)"
        ),
        "{lines:#?}"
    );
}

#[test]
fn a_fact_restated_at_a_new_date_is_a_change() {
    let old = dataset::load_embedded().dataset.expect("valid");
    let text =
        dataset::EMBEDDED_JSON.replacen("\"as_of\": \"2025-09\"", "\"as_of\": \"2025-12\"", 1);
    assert_ne!(text, dataset::EMBEDDED_JSON);
    let new = dataset::load_str(&text).dataset.expect("valid");
    let changes = plan_explorer::view::diff::compare(&old, &new);
    assert!(
        changes
            .summary(Lang::En)
            .contains("figures: 0 added, 0 removed, 1 changed"),
        "{}",
        changes.summary(Lang::En)
    );
}

#[test]
fn a_changed_fact_is_in_the_change_summary() {
    let old = dataset::load_embedded().dataset.expect("valid");
    let text = dataset::EMBEDDED_JSON.replace("\"value\": 138,", "\"value\": 150,");
    let new = dataset::load_str(&text).dataset.expect("valid");
    let changes = plan_explorer::view::diff::compare(&old, &new);
    assert!(
        changes
            .summary(Lang::En)
            .contains("figures: 0 added, 0 removed, 1 changed"),
        "{}",
        changes.summary(Lang::En)
    );
}

#[test]
fn a_fact_card_s_words_open_in_their_document() {
    let mut harness = common::window(AppState::open(None).expect("opens"));
    let data = harness.state().doc.dataset.clone();
    let fact = &data.facts[0];
    let name = plan_explorer::view::localized_title(Lang::En, fact);
    harness
        .get_by_label(&format!("Its words in the document: {name}"))
        .click();
    harness.run();
    let spot = harness
        .state()
        .session
        .source
        .clone()
        .expect("the viewer is open");
    let citation = &fact.citations[0];
    assert_eq!(spot.source, citation.source);
    let text = harness
        .state()
        .doc
        .proof
        .text(spot.source)
        .expect("the text")
        .text
        .clone();
    let range = spot.range.expect("at the quote");
    assert_eq!(
        dataset::folded::normalize(&text[range]),
        dataset::folded::normalize(&citation.quote)
    );
}
