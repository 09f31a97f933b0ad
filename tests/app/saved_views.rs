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
            .query_by_label_contains("Changed: pioneer-gdp-share-2024: caveat changed:")
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
    harness.get_by_label_contains("Open view file…").click();
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

/// The window's status line in its language.
fn status(harness: &crate::common::Window) -> String {
    let state = harness.state();
    state
        .session
        .status
        .as_ref()
        .map(|note| note.text(state.session.lang()))
        .unwrap_or_default()
}

#[test]
fn by_keyboard_alone_a_view_is_saved_and_opened_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("kb.view.json");
    let mut state = english();
    state.apply(SessionCommand::ShowChart(ChartId::Funds));
    state.apply(SessionCommand::SetFundsLogScale(false));
    let mut harness = crate::common::window(state);
    // Ctrl+S: the name field has the keyboard; the file follows the name.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_steps(4);
    let Some(Dialog::SaveView(dialog)) = &mut harness.state_mut().dialog else {
        panic!("Ctrl+S opens the Save view dialog");
    };
    dialog.name.clear();
    dialog.path = out.display().to_string();
    dialog.path_typed = true;
    harness.run_steps(1);
    harness.event(egui::Event::Text("Linear funds".to_owned()));
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert!(harness.state().dialog.is_none(), "Enter saves");
    assert!(out.is_file());
    assert_eq!(
        status(&harness),
        format!("Saved the view “Linear funds” to {}.", out.display())
    );

    // Everything changes; Ctrl+Shift+O, the path, Enter: as it was.
    harness
        .state_mut()
        .apply(SessionCommand::ShowChart(ChartId::Timeline));
    harness
        .state_mut()
        .apply(SessionCommand::SetFundsLogScale(true));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::O);
    harness.run_steps(4);
    assert!(
        matches!(harness.state().dialog, Some(Dialog::OpenView(_))),
        "Ctrl+Shift+O opens a view file, not a dataset"
    );
    harness.event(egui::Event::Text(out.display().to_string()));
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run();
    let state = harness.state();
    assert_eq!(state.session.settings.chart, ChartId::Funds);
    assert!(!state.session.funds_log_scale);
    assert_eq!(status(&harness), "Opened the view “Linear funds”.");
}

#[test]
fn in_chinese_a_view_is_saved_from_the_views_menu_and_opened_from_it_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("zh.view.json");
    let mut state = english();
    state.apply(SessionCommand::SetLang(Lang::Zh));
    state.apply(SessionCommand::ShowChart(ChartId::Units));
    state.apply(SessionCommand::Annotate(
        ChartId::Units,
        Annotation::Span {
            from: 2026,
            to: 2030,
            label: "十五五".to_owned(),
        },
    ));
    let mut harness = crate::common::window(state);
    harness.get_by_label("视图集").click();
    harness.run_steps(2);
    harness.get_by_label_contains("保存视图…").click();
    harness.run_steps(4);
    let Some(Dialog::SaveView(dialog)) = &mut harness.state_mut().dialog else {
        panic!("the menu opens the Save view dialog");
    };
    dialog.name.clear();
    dialog.path = out.display().to_string();
    dialog.path_typed = true;
    harness.run_steps(1);
    harness.get_by_label("名称：").type_text("各单位任务");
    harness.run_steps(1);
    harness.get_by_label("保存").click();
    harness.run_steps(2);
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("\"name\": \"各单位任务\""), "{text}");
    assert!(text.contains("\"lang\": \"zh\""), "{text}");
    assert!(
        text.contains("十五五"),
        "the user's words as written: {text}"
    );

    // Another chart, the annotation removed; the menu names the view.
    harness
        .state_mut()
        .apply(SessionCommand::ShowChart(ChartId::Funds));
    harness
        .state_mut()
        .apply(SessionCommand::RemoveAnnotation(ChartId::Units, 0));
    harness.run();
    harness.get_by_label("视图集").click();
    harness.run_steps(2);
    harness.get_by_label("各单位任务").click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.session.settings.chart, ChartId::Units);
    assert_eq!(state.session.annotations_of(ChartId::Units).len(), 1);
    assert_eq!(status(&harness), "已打开视图“各单位任务”。");
    // The unit map has no years: the span is said to be left out, in
    // Chinese, under the chart's title.
    assert!(
        harness
            .query_by_label("标注 1（“十五五”）未画出：此图表没有可放置它的年份或数值。")
            .is_some()
    );
}

#[test]
fn a_view_with_gone_records_a_newer_version_and_a_note_on_a_hidden_series_opens_as_far_as_it_can() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("odd.view.json");
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples/output-15th-fyp.view.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example).expect("reads")).expect("JSON");
    json["version"] = 3.into();
    json["presentation_hints"] = serde_json::json!({"from": "a newer Plan Explorer"});
    json["open"]["plans"] = serde_json::json!(["future-industries", "plan-gone-since"]);
    json["selected"] = serde_json::json!({"figure": "figure-gone-since"});
    json["hidden"]["series"] = serde_json::json!(["gdp"]);
    json["annotations"].as_array_mut().expect("a list").push(
        serde_json::json!({"kind": "note", "figure": "gdp-2024", "text": "On a hidden line"}),
    );
    std::fs::write(&path, json.to_string()).expect("write");

    // The user's own notes, on this chart and another, before the view.
    let mine = Annotation::Line {
        value: 3e12,
        label: "Mine".to_owned(),
    };
    let theirs = Annotation::Span {
        from: 2024,
        to: 2025,
        label: "Also mine".to_owned(),
    };
    let mut state = english();
    state.keep_notes_in(dir.path().join("notes.json"));
    state.apply(SessionCommand::Annotate(
        ChartId::IndustrialOutput,
        mine.clone(),
    ));
    state.apply(SessionCommand::Annotate(ChartId::GdpShare, theirs.clone()));
    state.apply(SessionCommand::ShowChart(ChartId::GdpShare));
    let mut harness = crate::common::window(state);
    harness
        .state_mut()
        .apply(SessionCommand::OpenView(path.clone()));
    harness.run();
    let state = harness.state();
    // Shown as far as it goes: its chart, its plan that exists, its
    // annotations (the hidden line's note kept).
    assert_eq!(state.session.settings.chart, ChartId::IndustrialOutput);
    assert_eq!(
        state
            .session
            .annotations_of(ChartId::IndustrialOutput)
            .len(),
        4
    );
    assert!(state.session.views.panel, "the panel says what to know");
    for said in [
        "The view is in format version 3, newer than this Plan Explorer reads (2); what it knows of it is shown.",
        "No longer exists: the plan plan-gone-since.",
        "No longer exists: the figure figure-gone-since.",
        "The note on gdp-2024 is on gdp, which the view hides: it is kept, and drawn when gdp is shown again.",
    ] {
        assert!(
            harness.query_by_label_contains(said).is_some(),
            "the panel says “{said}”"
        );
    }
    // The user's own note on that chart is not lost: kept between runs
    // while the view is on screen, and back with Back.
    let kept = std::fs::read_to_string(dir.path().join("notes.json")).expect("kept");
    assert!(
        kept.contains("Mine") && kept.contains("Also mine"),
        "{kept}"
    );
    harness
        .get_by_label("Back to what was on screen before")
        .click();
    harness.run();
    let state = harness.state();
    assert_eq!(state.session.settings.chart, ChartId::GdpShare);
    assert_eq!(
        state.session.annotations_of(ChartId::IndustrialOutput),
        [mine]
    );
    assert_eq!(state.session.annotations_of(ChartId::GdpShare), [theirs]);
}

/// With the Views panel opened from its menu there are three side panels;
/// the tree and the views panel give way, so the charts keep nearly a third
/// of a 1280-pixel window (they had a fifth, and the line chart was cut at
/// the details' edge).
#[test]
fn the_views_panel_opened_from_the_menu_leaves_the_charts_room() {
    let mut harness = crate::common::window(english());
    harness.get_by_label("Views").click();
    harness.run();
    harness.get_by_label("Views panel").click();
    harness.run();
    assert!(harness.state().session.views.panel, "the panel is open");
    // The charts' column runs from the chart tabs to the details' heading.
    let charts = harness.get_by_label("Industrial output").rect().left();
    let details = harness.get_by_label("Details").rect().left();
    let share = (details - charts) / 1280.0;
    assert!(
        share >= 0.28,
        "the charts have {:.0}% of the width",
        share * 100.0
    );
    // The Views panel itself is on screen whole, right of the details.
    let close = harness.get_by_label("Close").rect();
    assert!(
        close.left() > details && close.right() <= 1280.0,
        "{close:?}"
    );
}

/// With the Views panel open, every chart stays within its column, from
/// 1280 down to 800 pixels across (the Views panel in the details' place
/// below 1200), in English and in Chinese: a long title
/// (the GDP share's) or the funds' scale hint no longer widens the
/// column's content, which laid the plot out under the details panel, cut
/// at its edge.
#[test]
fn with_the_views_panel_open_every_chart_stays_within_its_column() {
    use plan_explorer::ui::SessionCommand;
    for (width, lang) in [
        (1280.0, Lang::En),
        (1100.0, Lang::En),
        (1100.0, Lang::Zh),
        (900.0, Lang::En),
        (800.0, Lang::Zh),
    ] {
        let mut state = english();
        state.apply(SessionCommand::SetLang(lang));
        state.apply(SessionCommand::ShowViewsPanel(true));
        let mut harness = crate::common::app(
            crate::common::builder().with_size(egui::vec2(width, 800.0)),
            state,
        );
        harness.run();
        // The theme and unit maps are wider than the column by design, and
        // scroll within it; every other chart fits.
        let fitted = ChartId::ALL
            .into_iter()
            .filter(|chart| !matches!(chart, ChartId::Themes | ChartId::Units));
        for chart in fitted {
            harness.state_mut().apply(SessionCommand::ShowChart(chart));
            harness.run();
            // The column ends at the details' heading or, below 1200
            // points, at the Views panel that takes their place.
            let heading = plan_explorer::i18n::tr(lang, plan_explorer::i18n::T::Details);
            let presentation = plan_explorer::i18n::tr(lang, plan_explorer::i18n::T::Presentation);
            let details = harness.query_by_label(heading).map_or_else(
                || harness.get_by_label(presentation).rect().left(),
                |node| node.rect().left(),
            );
            assert_eq!(
                harness.query_by_label(heading).is_some(),
                width >= 1200.0,
                "{width} wide: the details show beside the Views panel only from 1200 points"
            );
            let name = plan_explorer::i18n::fill(
                lang,
                plan_explorer::i18n::T::ChartNamed,
                &[&plan_explorer::chart::chart_name(chart, lang)],
            );
            let plot = harness.get_by_label(&name).rect();
            assert!(
                plot.right() <= details + 1.0,
                "{width} wide, {lang:?}: {name} ends at {}, under the details from {details}",
                plot.right()
            );
        }
    }
}

/// At the narrowest window (800 points) and at 900, in both languages, the
/// amount convention's choices are on screen whole (they wrap to a row of
/// their own) and choosing one works; they were cut at the window's edge.
#[test]
fn the_amount_choices_are_reachable_at_the_narrowest_window() {
    use plan_explorer::ui::SessionCommand;
    use plan_explorer::view::amount::Convention;
    for (width, lang) in [(800.0, Lang::En), (900.0, Lang::En), (800.0, Lang::Zh)] {
        let mut state = english();
        state.apply(SessionCommand::SetLang(lang));
        let mut harness = crate::common::app(
            crate::common::builder().with_size(egui::vec2(width, 700.0)),
            state,
        );
        harness.run();
        let chinese = harness.get_by_label("亿元").rect();
        assert!(
            chinese.right() <= width && chinese.left() >= 0.0,
            "{width} wide, {lang:?}: 亿元 at {chinese:?}"
        );
        harness.get_by_label("亿元").click();
        harness.run();
        assert_eq!(harness.state().session.convention(), Convention::Chinese);
        let billion = plan_explorer::i18n::tr(lang, plan_explorer::i18n::T::BillionYuan);
        let rect = harness.get_by_label(billion).rect();
        assert!(rect.right() <= width, "{width} wide: {billion} at {rect:?}");
    }
}

/// The tree gives the Views panel room while it is open, and has its width
/// back when it closes (it stayed narrow: egui keeps a panel's last width).
#[test]
fn the_tree_has_its_width_back_when_the_views_panel_closes() {
    let mut harness = crate::common::window(english());
    let edge =
        |harness: &crate::common::Window| harness.get_by_label("Collapse all").rect().right();
    let wide = edge(&harness);
    harness.get_by_label("Views").click();
    harness.run();
    harness.get_by_label("Views panel").click();
    harness.run();
    let narrow = edge(&harness);
    assert!(
        narrow < wide - 40.0,
        "the tree gave room: {wide} -> {narrow}"
    );
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state().session.views.panel);
    let back = edge(&harness);
    assert!(
        (back - wide).abs() <= 2.0,
        "the tree's width is back: {wide} -> {narrow} -> {back}"
    );
}
