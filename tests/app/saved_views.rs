//! Saved views as a user keeps them: the chart set up, saved from the
//! Views menu under a name, everything changed, and the view opened again
//! from the menu exactly as it was; a view of an earlier edition opened on
//! a newer one, saying what changed; bad files that change nothing on
//! screen.

use std::collections::BTreeSet;

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use plan_explorer::dataset::FigureRef;
use plan_explorer::i18n::Lang;
use plan_explorer::ui::{AppState, Dialog, DocCommand, SessionCommand};
use plan_explorer::view::amount::Convention;
use plan_explorer::view::annotations::Annotation;
use plan_explorer::view::charts::{ChartId, LegendKey};
use plan_explorer::view::tree::TreeFilter;

fn english() -> AppState {
    let mut state = AppState::open(None).expect("the built-in dataset opens");
    state.session.system_lang = Lang::En;
    state
}

#[test]
fn a_view_saved_from_the_menu_reopens_exactly_after_everything_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("board.view.json");
    let mut state = english();
    // The chart as the officer wants it: shares, one series hidden, a
    // search, a note and a reference line, amounts in 亿元.
    state.apply(SessionCommand::ShowChart(ChartId::GdpShare));
    let Some(FigureRef::Series(series)) = state.doc.dataset.figure_by_id("pioneer-mfg-share")
    else {
        panic!("the series is there");
    };
    state.apply(DocCommand::ToggleLegend(LegendKey::Series(series)));
    state.apply(DocCommand::SetFilter(TreeFilter {
        query: "robot".to_owned(),
        ..TreeFilter::default()
    }));
    state.apply(SessionCommand::SetConvention(Convention::Chinese));
    let note = Annotation::Note {
        figure: "pioneer-gdp-share-2024".into(),
        text: "Not comparable with 2021".to_owned(),
    };
    state.apply(SessionCommand::Annotate(ChartId::GdpShare, note.clone()));
    let mut harness = crate::common::window(state);

    // Ctrl+S opens Save view, named after the chart.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_steps(4);
    let Some(Dialog::SaveView(dialog)) = &mut harness.state_mut().dialog else {
        panic!("Ctrl+S opens the Save view dialog");
    };
    assert!(!dialog.name.is_empty(), "a name is offered");
    dialog.name.clear();
    harness.run_steps(1);
    harness.get_by_label("Name:").type_text("Board meeting");
    harness.run_steps(1);
    let Some(Dialog::SaveView(dialog)) = &mut harness.state_mut().dialog else {
        panic!("the dialog stays open while typing");
    };
    assert_eq!(dialog.name, "Board meeting");
    assert!(
        dialog.path.ends_with("board-meeting.view.json"),
        "the file follows the name: {}",
        dialog.path
    );
    dialog.path = out.display().to_string();
    dialog.path_typed = true;
    harness.run_steps(1);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    assert!(harness.state().dialog.is_none(), "the dialog closes");
    let text = std::fs::read_to_string(&out).expect("the view is written");
    assert!(text.contains("\"name\": \"Board meeting\""), "{text}");
    assert!(text.contains("Not comparable with 2021"), "{text}");

    // Everything changes.
    {
        let state = harness.state_mut();
        state.apply(SessionCommand::ShowChart(ChartId::Funds));
        state.apply(DocCommand::SetFilter(TreeFilter::default()));
        state.apply(DocCommand::ToggleLegend(LegendKey::Series(series)));
        state.apply(SessionCommand::SetConvention(Convention::International));
        state.apply(SessionCommand::RemoveAnnotation(ChartId::GdpShare, 0));
    }
    harness.run();

    // Views > Board meeting brings it all back.
    harness.get_by_label("Views").click();
    harness.run_steps(2);
    harness.get_by_label("Board meeting").click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.session.settings.chart, ChartId::GdpShare);
    assert_eq!(state.doc.filter.query, "robot");
    assert_eq!(
        state.doc.hidden,
        BTreeSet::from([LegendKey::Series(series)])
    );
    assert_eq!(state.session.convention(), Convention::Chinese);
    assert_eq!(state.session.annotations_of(ChartId::GdpShare), [note]);
    assert!(
        state
            .session
            .status
            .as_ref()
            .is_some_and(|s| s.text(Lang::En) == "Opened the view “Board meeting”."),
        "{:?}",
        state.session.status
    );
}

#[test]
fn a_view_of_the_earlier_edition_says_in_the_panel_what_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("old.view.json");
    let earlier = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/editions/shanghai_plans-2025-12-31.json");
    let mut old = english();
    old.load(&earlier);
    old.apply(SessionCommand::ShowChart(ChartId::GdpShare));
    std::fs::write(&path, old.capture_view("Shares, December").to_json()).expect("write");

    let mut harness = crate::common::window(english());
    harness.state_mut().open_view(&path);
    harness.run();
    assert!(harness.state().session.views.panel, "the panel opens");
    assert!(
        harness
            .query_by_label_contains("Saved on edition 2025-12-31, shown on edition 2026-02-07.")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Changed: pioneer-gdp-share-2024: caveat:")
            .is_some()
    );
    // In Chinese, the panel says it in Chinese.
    harness.state_mut().apply(SessionCommand::SetLang(Lang::Zh));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("保存于 2025-12-31 版，现显示于 2026-02-07 版。")
            .is_some()
    );
}

#[test]
fn a_malformed_view_changes_nothing_on_screen_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.view.json");
    std::fs::write(
        &path,
        "{\n  \"format\": \"plan-explorer-view\",\n  \"version\": 1,\n  \"chart\": \"funds\",\n  oops\n}",
    )
    .expect("write");
    let mut state = english();
    state.apply(SessionCommand::ShowChart(ChartId::Targets));
    state.apply(DocCommand::SetFilter(TreeFilter {
        query: "vaccin".to_owned(),
        ..TreeFilter::default()
    }));
    let mut harness = crate::common::window(state);
    // Views > Open view file…, the path typed, Enter.
    harness.get_by_label("Views").click();
    harness.run_steps(2);
    harness.get_by_label("Open view file…").click();
    harness.run_steps(4);
    harness
        .get_by_label("Path:")
        .type_text(&path.display().to_string());
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run();
    let state = harness.state();
    assert_eq!(state.session.settings.chart, ChartId::Targets);
    assert_eq!(state.doc.filter.query, "vaccin");
    // The panel and the status line say where.
    assert_eq!(
        harness
            .query_all_by_label_contains("is malformed at line 5, column 3")
            .count(),
        2
    );
}

#[test]
fn back_returns_to_what_was_on_screen_before_the_view() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("funds.view.json");
    let mut other = english();
    other.apply(SessionCommand::ShowChart(ChartId::Funds));
    other.apply(DocCommand::SetFilter(TreeFilter {
        query: "fund".to_owned(),
        ..TreeFilter::default()
    }));
    std::fs::write(&path, other.capture_view("Funds").to_json()).expect("write");
    let mut state = english();
    state.apply(SessionCommand::ShowChart(ChartId::Timeline));
    state.apply(DocCommand::SetFilter(TreeFilter {
        query: "quantum".to_owned(),
        ..TreeFilter::default()
    }));
    state.apply(SessionCommand::ShowViewsPanel(true));
    let mut harness = crate::common::window(state);
    harness.state_mut().open_view(&path);
    harness.run();
    assert_eq!(harness.state().session.settings.chart, ChartId::Funds);
    harness
        .get_by_label("Back to what was on screen before")
        .click();
    harness.run();
    assert_eq!(harness.state().session.settings.chart, ChartId::Timeline);
    assert_eq!(harness.state().doc.filter.query, "quantum");
}
