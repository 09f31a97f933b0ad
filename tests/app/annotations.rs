//! Annotating a chart as a user does: a point selected, Ctrl+M, the words
//! typed, Add; a span and a reference line from the same dialog; the
//! window's picture of the chart (what Export writes) carries them.

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use plan_explorer::chart::annotate::LeftOut;
use plan_explorer::chart::scene::Role;
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::{AnnotationKind, AppState, Dialog, DocCommand, SessionCommand};
use plan_explorer::view::annotations::Annotation;
use plan_explorer::view::charts::ChartId;

use crate::common::window_on;

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
    let scene = crate::common::slide_scene(&harness);
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
    let scene = crate::common::slide_scene(&harness);
    assert!(
        scene
            .texts()
            .any(|t| t.role == Role::Note && t.text == "15th FYP")
    );
}

/// The window on the built-in dataset in `lang`, showing `chart` with
/// `annotations`.
fn annotated(lang: Lang, chart: ChartId, annotations: &[Annotation]) -> crate::common::Window {
    let mut state = AppState::open(None).expect("the built-in dataset opens");
    state.session.system_lang = lang;
    state.apply(SessionCommand::ShowChart(chart));
    for annotation in annotations {
        state.apply(SessionCommand::Annotate(chart, annotation.clone()));
    }
    crate::common::window(state)
}

fn note(figure: &str, text: &str) -> Annotation {
    Annotation::Note {
        figure: figure.into(),
        text: text.to_owned(),
    }
}

fn span(label: &str) -> Annotation {
    Annotation::Span {
        from: 2026,
        to: 2030,
        label: label.to_owned(),
    }
}

fn line(value: f64, label: &str) -> Annotation {
    Annotation::Line {
        value,
        label: label.to_owned(),
    }
}

#[test]
fn every_chart_in_the_window_draws_the_annotations_its_picture_draws_and_lists_the_rest() {
    // Each chart with a note on one of its marks, a span and a line; what a
    // chart has no place for (a span on the bars, anything on a map) is
    // left out on paper and said in the window.
    let cases = [
        (
            ChartId::IndustrialOutput,
            vec![
                note("gdp-2025", "Growth held"),
                span("15th FYP"),
                line(5e12, "5 trillion"),
            ],
        ),
        (
            ChartId::GdpShare,
            vec![
                note("pioneer-gdp-share-2024", "Not comparable"),
                span("15th FYP"),
                line(40.0, "Forty"),
            ],
        ),
        (
            ChartId::Funds,
            vec![
                note("fund-national-ai", "The largest national fund"),
                line(2e10, "20 billion"),
                span("15th FYP"),
            ],
        ),
        (
            ChartId::Targets,
            vec![
                note("t-medai-clinical-decision-coverage", "The one that matters"),
                span("15th FYP"),
            ],
        ),
        (
            ChartId::Timeline,
            vec![span("15th FYP"), note("t-fi-output-2030", "Due by 2030")],
        ),
        (ChartId::Themes, vec![span("15th FYP"), line(3.0, "Three")]),
        (ChartId::Units, vec![note("gdp-2025", "Not a unit")]),
    ];
    for (chart, annotations) in cases {
        let harness = annotated(Lang::En, chart, &annotations);
        let picture = crate::common::slide_scene(&harness);
        let drawn: Vec<&str> = picture.notes().map(|t| t.text.as_str()).collect();
        for text in &drawn {
            assert!(
                harness.query_by_label(text).is_some(),
                "{chart:?}: the picture draws “{text}”, the window does not"
            );
        }
        // What no page size changes (no axis, no mark) the window leaves
        // out too, and says so; room depends on the size.
        for left_out in picture
            .left_out
            .iter()
            .filter(|l| matches!(l, LeftOut::NoAxis(_) | LeftOut::NoMark(_)))
        {
            let number = left_out.index() + 1;
            assert!(
                harness
                    .query_by_label_contains(&format!("Annotation {number} "))
                    .is_some_and(|node| format!("{node:?}").contains("is not drawn")),
                "{chart:?}: the picture leaves annotation {number} out, the window does not say so"
            );
        }
        // Whatever has words is drawn or said to be left out.
        for (i, annotation) in annotations.iter().enumerate() {
            let words = annotation.words();
            let said = harness
                .query_by_label_contains(&format!("Annotation {} (“{words}”)", i + 1))
                .is_some();
            assert!(
                harness.query_by_label(words).is_some() || said,
                "{chart:?}: “{words}” is neither drawn nor listed as left out"
            );
        }
    }
}

#[test]
fn a_note_on_a_fund_bar_is_drawn_in_the_window_clear_of_the_bars_and_their_names() {
    let harness = annotated(
        Lang::En,
        ChartId::Funds,
        &[
            note("fund-national-ai", "The largest national fund"),
            line(2e10, "20 billion"),
            span("15th FYP"),
        ],
    );
    let note = harness.get_by_label("The largest national fund");
    let line_label = harness.get_by_label("20 billion");
    let note_box = note.rect();
    let line_box = line_label.rect();
    assert!(!note_box.intersects(line_box), "the two labels overlap");
    // Nothing the chart wrote is under the note: no bar's name and
    // amount (painted by the plot, "name  ·  amount"), no "over".
    let bar_labels: Vec<(String, egui::Rect)> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some((
                text.galley.text().to_owned(),
                text.galley.rect.translate(text.pos.to_vec2()),
            )),
            _ => None,
        })
        .filter(|(text, _)| text.contains("  ·  ") || text == "over")
        .collect();
    assert!(
        bar_labels.len() >= 4,
        "the bars' names are painted: {bar_labels:?}"
    );
    for (text, rect) in &bar_labels {
        assert!(!rect.intersects(note_box), "the note covers “{text}”");
    }
    assert!(
        harness
            .query_by_label(
                "Annotation 3 (“15th FYP”) is not drawn: this chart has no years or values to place it on."
            )
            .is_some()
    );
}

#[test]
fn in_chinese_the_window_draws_the_users_words_as_written_and_says_what_is_left_out_in_chinese() {
    let harness = annotated(
        Lang::Zh,
        ChartId::Funds,
        &[note("fund-national-ai", "国家级最大基金"), span("十五五")],
    );
    assert!(harness.query_by_label("国家级最大基金").is_some());
    assert!(
        harness
            .query_by_label("标注 2（“十五五”）未画出：此图表没有可放置它的年份或数值。")
            .is_some()
    );
}

#[test]
fn by_keyboard_alone_a_bar_is_chosen_noted_and_the_note_drawn_in_the_window() {
    let mut harness = annotated(Lang::En, ChartId::Funds, &[]);
    // Tab to the chart, an arrow to its first bar, Enter selects it.
    crate::common::tab_to(&mut harness, "Fund allocations chart");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let Some(Item::Figure(figure)) = harness.state().doc.selected() else {
        panic!("Enter selects the bar");
    };
    let id = harness.state().doc.dataset.figure_id(figure).to_owned();
    // Ctrl+M: the words take the keyboard; Ctrl+Enter adds.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::M);
    harness.run_steps(4);
    crate::common::type_and_add(&mut harness, "Chosen by keyboard");
    assert!(
        harness.state().dialog.is_none(),
        "Ctrl+Enter adds and closes"
    );
    assert_eq!(
        harness.state().session.annotations_of(ChartId::Funds),
        [note(&id, "Chosen by keyboard")]
    );
    assert!(
        harness.query_by_label("Chosen by keyboard").is_some(),
        "the note is drawn on the bars in the window"
    );
}

#[test]
fn in_chinese_a_reference_line_on_the_funds_is_typed_in_its_axis_unit_and_drawn() {
    // Amounts in 亿元, as the Chinese window writes them: "200" is 200 亿元.
    let mut harness = annotated(Lang::Zh, ChartId::Funds, &[]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::M);
    harness.run_steps(4);
    let Some(Dialog::Annotate(dialog)) = &harness.state().dialog else {
        panic!("Ctrl+M opens the dialog");
    };
    assert_eq!(
        dialog.kind,
        AnnotationKind::Line,
        "the funds have no years: the dialog offers a line"
    );
    // The value field has the keyboard, then Tab to the words.
    harness.event(egui::Event::Text("200".to_owned()));
    harness.run_steps(1);
    harness.key_press(Key::Tab);
    harness.run_steps(1);
    crate::common::type_and_add(&mut harness, "两百亿元");
    assert_eq!(
        harness.state().session.annotations_of(ChartId::Funds),
        [line(2e10, "两百亿元")]
    );
    assert!(
        harness.query_by_label("两百亿元").is_some(),
        "drawn in the window"
    );
}

#[test]
fn a_note_on_a_target_points_at_its_timeline_mark_in_the_picture_and_the_window() {
    let harness = annotated(
        Lang::En,
        ChartId::Timeline,
        &[note("t-fi-output-2030", "Due by 2030")],
    );
    let picture = crate::common::slide_scene(&harness);
    assert_eq!(
        picture.notes().map(|t| t.text.as_str()).collect::<Vec<_>>(),
        ["Due by 2030"],
        "left out: {:?}",
        picture.left_out
    );
    assert!(harness.query_by_label("Due by 2030").is_some());
}
