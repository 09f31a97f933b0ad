//! Pictures of the window at a fixed size, rendered with wgpu on the CPU
//! (Mesa's lavapipe or llvmpipe), compared with `tests/snapshots/*.png`.
//! After a deliberate change of look, `UPDATE_SNAPSHOTS=1 cargo test --test
//! snapshots` writes new pictures; look at them before committing.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use plan_explorer::ui::{AppState, DocCommand, SessionCommand};
use plan_explorer::view::amount::Convention;
use plan_explorer::view::charts::ChartId;

fn harness(theme: egui::Theme, state: AppState) -> crate::common::Window {
    let mut harness = crate::common::app(
        Harness::builder()
            .with_size(egui::vec2(1100.0, 680.0))
            .with_theme(theme),
        state,
    );
    // What the operating system says; the app follows it by default.
    harness.input_mut().system_theme = Some(theme);
    harness.run();
    harness
}

fn built_in() -> AppState {
    AppState::open(None).expect("the built-in dataset opens")
}

#[test]
fn opening_view_follows_a_dark_system_theme() {
    let mut harness = harness(egui::Theme::Dark, built_in());
    harness.snapshot("open_dark");
}

#[test]
fn gdp_share_in_a_light_system_theme() {
    let mut state = built_in();
    state.apply(SessionCommand::ShowChart(ChartId::GdpShare));
    let mut harness = harness(egui::Theme::Light, state);
    harness.snapshot("gdp_share_light");
}

#[test]
fn funds_in_chinese_units_with_a_measure_selected() {
    // Chinese text: amounts in 亿元 and the units' Chinese names in the
    // details panel.
    let mut state = built_in();
    state.apply(SessionCommand::ShowChart(ChartId::Funds));
    state.apply(SessionCommand::SetConvention(Convention::Chinese));
    let mut harness = harness(egui::Theme::Light, state);
    harness.get_by_label("Search:").focus();
    harness.get_by_label("Search:").type_text("vaccination");
    harness.run();
    harness
        .get_by_label_contains("Whole-cycle smart vaccination")
        .click();
    harness.run();
    harness.snapshot("funds_chinese_selected");
}

#[test]
fn targets_table_sorted_by_value() {
    let mut state = built_in();
    state.apply(SessionCommand::ShowChart(ChartId::Targets));
    let mut harness = harness(egui::Theme::Dark, state);
    harness.get_by_label("Value").click();
    harness.run();
    harness.snapshot("targets_by_value");
}

#[test]
fn the_interface_in_chinese_with_a_chinese_titled_measure_selected() {
    let mut state = built_in();
    state.apply(SessionCommand::SetLang(plan_explorer::i18n::Lang::Zh));
    let silver = state
        .doc
        .dataset
        .node_by_id("ind-silver-one-click")
        .expect("the node");
    state.apply(DocCommand::Select(plan_explorer::selection::Item::Node(
        silver,
    )));
    let mut harness = harness(egui::Theme::Light, state);
    harness.snapshot("chinese_interface");
}

#[test]
fn the_theme_map_with_a_measure_selected() {
    let mut state = built_in();
    let node = state
        .doc
        .dataset
        .node_by_id("ind-silver-one-click")
        .expect("the measure");
    state.apply(DocCommand::Select(plan_explorer::selection::Item::Node(
        node,
    )));
    state.apply(SessionCommand::ShowChart(ChartId::Themes));
    let mut harness = harness(egui::Theme::Light, state);
    harness.snapshot("themes_light");
}

#[test]
fn the_unit_map_with_a_note_on_a_cell_in_the_dark() {
    // The example view: a note on the health commission's cell of the
    // medical-AI plan, at the map's right, scrolled into view.
    let mut state = built_in();
    state.session.system_lang = plan_explorer::i18n::Lang::En;
    state.apply(SessionCommand::OpenView(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/examples/health-commission-units.view.json"),
    ));
    let mut harness = harness(egui::Theme::Dark, state);
    harness.run();
    assert!(
        harness.query_by_label_contains("25 measures").is_some(),
        "the note is in view: {:?}",
        crate::common::painted_texts(&harness)
            .iter()
            .filter(|t| t.contains("measures"))
            .collect::<Vec<_>>()
    );
    harness.snapshot("units_cell_note_dark");
}

#[test]
fn the_timeline_in_the_dark() {
    let mut state = built_in();
    state.apply(SessionCommand::ShowChart(ChartId::Timeline));
    let mut harness = harness(egui::Theme::Dark, state);
    harness.snapshot("timeline_dark");
}

/// The example presentation: `docs/examples/meeting.presentation.json`.
fn with_example_presentation() -> AppState {
    let mut state = built_in();
    state.session.system_lang = plan_explorer::i18n::Lang::En;
    state.open_presentation(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs/examples/meeting.presentation.json"),
    );
    state
}

#[test]
fn the_views_panel_with_a_presentation_in_a_dark_theme() {
    let mut harness = harness(egui::Theme::Dark, with_example_presentation());
    harness.snapshot("presentation_panel_dark");
}

#[test]
fn a_slide_fills_the_window_in_a_light_theme() {
    let mut harness = harness(egui::Theme::Light, with_example_presentation());
    harness.key_press(egui::Key::F5);
    harness.run();
    harness.snapshot("presentation_slide_light");
}
