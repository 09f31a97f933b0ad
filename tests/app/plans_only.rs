//! A valid dataset of plans only: no series, funds, targets or facts.
//! Every chart in the window says it has nothing to show, rather than
//! panicking or drawing an empty frame.

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use plan_explorer::ui::{AppState, SessionCommand};
use plan_explorer::view::charts::ChartId;

#[test]
fn every_chart_of_a_dataset_of_plans_only_says_it_has_nothing_to_show() {
    let path = crate::common::fixture("plans_only.json");
    for chart in ChartId::ALL {
        let mut state = AppState::open(Some(&path)).expect("opens");
        assert_eq!(state.doc.path.as_deref(), Some(path.as_path()), "it loads");
        assert!(state.doc.dataset.series.is_empty() && state.doc.dataset.funds.is_empty());
        state.session.system_lang = plan_explorer::i18n::Lang::En;
        state.apply(SessionCommand::ShowChart(chart));
        // Drawn, with the keyboard on the chart too (its marks are read
        // then), and as a table.
        let mut harness = crate::common::window(state);
        harness.key_press(egui::Key::Tab);
        harness.run();
        let mut texts: Vec<String> = harness
            .query_all_by_label_contains("")
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        texts.extend(crate::common::painted_texts(&harness));
        let says_nothing = texts.iter().any(|t| t.starts_with("Nothing to show"));
        // The theme map, the unit map and the timeline have the plans
        // (and their measures' units) to show.
        let has_something = matches!(chart, ChartId::Themes | ChartId::Units | ChartId::Timeline);
        assert_eq!(says_nothing, !has_something, "{chart:?}: {texts:?}");
        harness.state_mut().apply(SessionCommand::ShowAsTable(true));
        harness.run();
    }
}
