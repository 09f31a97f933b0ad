//! The window's state and commands, as a user's story, without a display.

use std::path::Path;

use plan_explorer::dataset::{self, FigureRef};
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::{AppState, DocCommand};
use plan_explorer::view::charts::{ChartId, highlighted};
use plan_explorer::view::tree::TreeFilter;

fn state() -> AppState {
    AppState::open(None).expect("the built-in dataset opens")
}

#[test]
fn it_opens_on_the_built_in_dataset_with_the_plans_closed() {
    let state = state();
    assert_eq!(state.doc.tree.rows.len(), state.doc.dataset.plans.len());
    assert_eq!(state.session.settings.chart, ChartId::IndustrialOutput);
    assert!(state.session.banner.is_none());
}

#[test]
fn selecting_a_measure_reveals_it_and_lights_its_figures_in_the_charts() {
    let mut state = state();
    let fund = state
        .doc
        .dataset
        .figure_by_id("fund-future-industry")
        .expect("fund");
    let measure = state.doc.dataset.figure_measures(fund)[0];
    let scrolls = state.doc.scroll_request;
    state.apply(DocCommand::Select(Item::Node(measure)));
    assert!(
        state.doc.tree.row_of(Item::Node(measure)).is_some(),
        "revealed in the tree"
    );
    assert!(
        state.doc.scroll_request > scrolls,
        "the tree is asked to scroll to it"
    );
    assert!(highlighted(&state.doc.dataset, state.doc.selected()).contains(&fund));
}

#[test]
fn clicking_a_chart_point_selects_it_and_its_measures_are_one_click_away() {
    let mut state = state();
    let point = state
        .doc
        .dataset
        .figure_by_id("future-industries-output-2030")
        .or_else(|| {
            state
                .doc
                .dataset
                .figure_by_id("future-industries-output")
                .and_then(|series| {
                    let FigureRef::Series(s) = series else {
                        return None;
                    };
                    Some(FigureRef::Point(s, 0))
                })
        })
        .expect("the 2030 future-industries point");
    state.apply(DocCommand::Select(Item::Figure(point)));
    let measures = Item::Figure(point).linked_nodes(&state.doc.dataset);
    assert!(!measures.is_empty(), "the 2030 goal belongs to a measure");
    state.apply(DocCommand::Select(Item::Node(measures[0])));
    assert!(state.doc.tree.row_of(Item::Node(measures[0])).is_some());
    // Back returns to the point, forward to the measure.
    state.apply(DocCommand::Back);
    assert_eq!(state.doc.selected(), Some(Item::Figure(point)));
    state.apply(DocCommand::Forward);
    assert_eq!(state.doc.selected(), Some(Item::Node(measures[0])));
}

#[test]
fn searching_narrows_the_tree_and_clearing_restores_it() {
    let mut state = state();
    let before = state.doc.tree.rows.len();
    state.apply(DocCommand::SetFilter(TreeFilter {
        query: "vaccination".into(),
        ..TreeFilter::default()
    }));
    assert_eq!(state.doc.tree.match_count, 1);
    assert!(state.doc.tree.rows.iter().any(|r| r.is_match));
    state.apply(DocCommand::SetFilter(TreeFilter::default()));
    assert_eq!(state.doc.tree.rows.len(), before);
}

#[test]
fn a_file_that_does_not_load_leaves_the_built_in_dataset_with_a_banner() {
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/syntax_error.json");
    let state = AppState::open(Some(&bad)).expect("falls back");
    let banner = state.session.banner.expect("a banner").text(Lang::En);
    assert!(
        banner.contains("syntax_error.json is not a valid dataset"),
        "{banner}"
    );
    assert!(banner.contains("line 5, column 1"), "{banner}");
    assert_eq!(
        state.doc.dataset.title,
        dataset::load_embedded().dataset.expect("valid").title
    );
    let missing = AppState::open(Some(Path::new("/no/such/file.json"))).expect("falls back");
    let banner = missing.session.banner.expect("a banner");
    assert!(
        banner.text(Lang::En).contains("no such file"),
        "{}",
        banner.text(Lang::En)
    );
    // An empty file is a problem with its content, as in the problems
    // panel, and reads in Chinese too.
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("empty.json");
    std::fs::write(&empty, "").expect("writes");
    let state = AppState::open(Some(&empty)).expect("falls back");
    let empty_banner = state.session.banner.expect("a banner");
    let english = empty_banner.text(Lang::En);
    let chinese = empty_banner.text(Lang::Zh);
    assert!(english.contains("the file is empty"), "{english}");
    assert!(chinese.contains("文件为空"), "{chinese}");
    // The banner is written when drawn: in Chinese once Chinese is chosen.
    let chinese = banner.text(Lang::Zh);
    assert!(
        chinese.contains("找不到文件：/no/such/file.json") && chinese.contains("内置数据集"),
        "{chinese}"
    );
}
