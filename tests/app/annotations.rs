//! Annotating a chart as a user does: a point selected, Ctrl+M, the words
//! typed, Add; a span and a reference line from the same dialog; the
//! window's picture of the chart (what Export writes) carries them.

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use plan_explorer::chart::scene::Role;
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::{AnnotationKind, AppState, Dialog, DocCommand, SessionCommand};
use plan_explorer::view::annotations::Annotation;
use plan_explorer::view::charts::ChartId;

fn window_on(chart: ChartId) -> crate::common::Window {
    let mut state = AppState::open(None).expect("the built-in dataset opens");
    state.session.system_lang = Lang::En;
    state.apply(SessionCommand::ShowChart(chart));
    crate::common::window(state)
}

fn the_scene(harness: &crate::common::Window) -> plan_explorer::chart::Scene {
    let state = harness.state();
    let cx = state.panel_context();
    let view = plan_explorer::ui::export::chart_view(&cx, state.session.settings.chart);
    plan_explorer::chart::scene(
        &view,
        &plan_explorer::chart::Page {
            width: 960.0,
            height: 540.0,
            theme: plan_explorer::chart::Paper::Light,
        },
    )
}

#[test]
fn a_note_on_the_selected_point_is_added_with_ctrl_m_and_drawn_in_the_picture() {
    let mut harness = window_on(ChartId::IndustrialOutput);
    let figure = harness
        .state()
        .doc
        .dataset
        .figure_by_id("gdp-2025")
        .expect("the point");
    harness
        .state_mut()
        .apply(DocCommand::Select(Item::Figure(figure)));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::M);
    harness.run_steps(4);
    let Some(Dialog::Annotate(dialog)) = &harness.state().dialog else {
        panic!("Ctrl+M opens the Annotate dialog");
    };
    assert_eq!(dialog.kind, AnnotationKind::Note, "a note on the selection");
    assert!(harness.query_by_label("On: Shanghai GDP, 2025").is_some());
    harness.get_by_label("Words:").focus();
    harness.run_steps(1);
    harness
        .get_by_label("Words:")
        .type_text("Growth held at 5.4%");
    harness.run_steps(1);
    harness.get_by_label("Add").click();
    harness.run();
    assert!(harness.state().dialog.is_none());
    assert_eq!(
        harness
            .state()
            .session
            .annotations_of(ChartId::IndustrialOutput),
        [Annotation::Note {
            figure: "gdp-2025".into(),
            text: "Growth held at 5.4%".to_owned(),
        }]
    );
    let scene = the_scene(&harness);
    assert_eq!(
        scene.notes().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        ["Growth held at 5.4%"]
    );
    assert!(scene.overlapping_texts().is_empty());
    // The Views panel lists it, and Remove takes it away.
    harness
        .state_mut()
        .apply(SessionCommand::ShowViewsPanel(true));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Note on gdp-2025: “Growth held at 5.4%”")
            .is_some()
    );
    harness.get_by_label("Remove").click();
    harness.run();
    assert!(
        harness
            .state()
            .session
            .annotations_of(ChartId::IndustrialOutput)
            .is_empty()
    );
}

#[test]
fn a_span_and_a_reference_line_come_from_the_chart_button() {
    let mut harness = window_on(ChartId::GdpShare);
    // Nothing selected: the dialog offers a span first.
    harness.get_by_label("Annotate…").click();
    harness.run_steps(4);
    let Some(Dialog::Annotate(dialog)) = &mut harness.state_mut().dialog else {
        panic!("the button opens the dialog");
    };
    assert_eq!(dialog.kind, AnnotationKind::Span);
    assert_eq!(dialog.years, (2026, 2030));
    harness.get_by_label("Words:").focus();
    harness.run_steps(1);
    harness.get_by_label("Words:").type_text("15th FYP");
    harness.run_steps(1);
    harness.get_by_label("Add").click();
    harness.run();
    // A reference line at 40 (percent, as the axis reads).
    harness.get_by_label("Annotate…").click();
    harness.run_steps(4);
    harness.get_by_label("Reference line").click();
    harness.run_steps(1);
    harness.get_by_label("Value (Percent):").focus();
    harness.run_steps(1);
    harness.get_by_label("Value (Percent):").type_text("40");
    harness.run_steps(1);
    harness.get_by_label("Add").click();
    harness.run();
    let annotations = harness
        .state()
        .session
        .annotations_of(ChartId::GdpShare)
        .to_vec();
    assert_eq!(
        annotations,
        [
            Annotation::Span {
                from: 2026,
                to: 2030,
                label: "15th FYP".to_owned()
            },
            Annotation::Line {
                value: 40.0,
                label: String::new()
            }
        ]
    );
    let scene = the_scene(&harness);
    assert!(
        scene
            .texts()
            .any(|t| t.role == Role::Note && t.text == "15th FYP")
    );
}
