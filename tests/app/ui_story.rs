//! The window, driven as a user would through AccessKit with `egui_kittest`
//! (no GPU: these tests check behaviour, not pixels).

use egui_kittest::kittest::Queryable as _;
use plan_explorer::dataset::FigureRef;
use plan_explorer::selection::Item;
use plan_explorer::ui::AppState;
use plan_explorer::view::charts::ChartId;

/// The window on the built-in dataset, as it opens. The app's own fonts,
/// bundled CJK font included, are set up before the first frame: kittest
/// refuses a glyph no font has, so this also checks that every label can
/// render.
fn harness() -> crate::common::Window {
    crate::common::window(AppState::open(None).expect("the built-in dataset opens"))
}

#[test]
fn searching_finds_a_measure_and_clicking_it_shows_its_details() {
    let mut harness = harness();
    harness.get_by_label("Search:").focus();
    harness.get_by_label("Search:").type_text("vaccination");
    harness.run();
    assert_eq!(harness.state().doc.tree.match_count, 1);
    assert!(harness.query_by_label("1 matching").is_some());

    harness
        .get_by_label_contains("Whole-cycle smart vaccination")
        .click();
    harness.run();
    let Some(Item::Node(node)) = harness.state().doc.selected() else {
        panic!("a measure is selected");
    };
    let data = &harness.state().doc.dataset;
    assert_eq!(data.node(node).numbering.as_deref(), Some("III.3.(3)"));
    // The details panel names the responsible units and the source.
    assert!(harness.query_by_label("Responsible units:").is_some());
    assert!(
        harness
            .query_by_label_contains("Municipal Disease Control and Prevention Administration")
            .is_some()
    );
    assert!(harness.query_by_label("Source:").is_some());
}

#[test]
fn clearing_the_filters_brings_back_the_whole_tree() {
    let mut harness = harness();
    let plans = harness.state().doc.dataset.plans.len();
    harness.get_by_label("Search:").focus();
    harness.get_by_label("Search:").type_text("quantum");
    harness.run();
    assert!(harness.state().doc.filter.is_active());
    harness.get_by_label("Clear filters").click();
    harness.run();
    assert!(!harness.state().doc.filter.is_active());
    assert_eq!(harness.state().doc.tree.rows.len(), plans);
}

#[test]
fn the_chart_tabs_switch_and_a_target_row_selects_its_target() {
    let mut harness = harness();
    harness.get_by_label("Fund allocations").click();
    harness.run();
    assert_eq!(harness.state().session.settings.chart, ChartId::Funds);
    harness.get_by_label("Targets").click();
    harness.run();
    assert_eq!(harness.state().session.settings.chart, ChartId::Targets);

    harness.get_by_label_contains("smart factories").click();
    harness.run();
    let Some(Item::Figure(FigureRef::Target(target))) = harness.state().doc.selected() else {
        panic!("a target is selected");
    };
    assert_eq!(
        harness.state().doc.dataset.targets[target.index()].metric,
        "Advanced smart factories"
    );
    // Its measure is one click away in the details: the link selects it
    // and the tree shows it.
    let measures = harness
        .state()
        .doc
        .dataset
        .figure_measures(FigureRef::Target(target))
        .to_vec();
    assert!(!measures.is_empty(), "the target belongs to a measure");
    let measure = harness.state().doc.dataset.node(measures[0]).clone();
    let label = match &measure.numbering {
        Some(numbering) => format!("{numbering} {}", measure.title),
        None => measure.title.clone(),
    };
    assert!(
        harness
            .query_by_label(&format!("Linked measures ({})", measures.len()))
            .is_some()
    );
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Node(measures[0])),
        "the link selected its measure"
    );
    assert!(
        harness
            .state()
            .doc
            .tree
            .row_of(Item::Node(measures[0]))
            .is_some(),
        "and the tree shows it"
    );
}

#[test]
fn the_keyboard_opens_a_plan_and_walks_into_it() {
    let mut harness = harness();
    let plan_title = harness.state().doc.dataset.plans[1].title.clone();
    harness.get_by_label(&plan_title).click();
    harness.run();
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Plan(plan_explorer::dataset::PlanIx(1)))
    );
    // The row's button keeps focus after the click; arrows go to the tree.
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert!(harness.state().doc.tree.rows[1].expanded, "the plan opened");
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let first_child = harness.state().doc.dataset.plans[1].roots[0];
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Node(first_child))
    );
    // Alt+Left goes back to the plan.
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Plan(plan_explorer::dataset::PlanIx(1)))
    );
}

#[test]
fn ctrl_plus_and_minus_scale_the_text() {
    let mut harness = harness();
    let before = harness.ctx.zoom_factor();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    let bigger = harness.ctx.zoom_factor();
    assert!(bigger > before, "{before} -> {bigger}");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    harness.run();
    assert!(harness.ctx.zoom_factor() < bigger);
}

#[test]
fn keys_pressed_within_one_frame_each_act_in_turn() {
    // A burst of keys (key repeat, a fast typist) can arrive in one frame.
    // kittest delivers its queued keys spread over frames, so this feeds
    // egui one frame holding all of them.
    let ctx = egui::Context::default();
    plan_explorer::ui::style::install(&ctx);
    let mut state = AppState::open(None).expect("the built-in dataset opens");
    let frame = |events: Vec<egui::Event>| egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        events,
        ..egui::RawInput::default()
    };
    // No renderer here, so each frame's texture updates are dropped.
    let run = |state: &mut AppState, events| {
        ctx.run_ui(frame(events), |ui| state.ui(ui))
            .textures_delta
            .clear();
    };
    run(&mut state, Vec::new());
    run(&mut state, Vec::new());
    state.apply(plan_explorer::ui::DocCommand::Select(Item::Plan(
        plan_explorer::dataset::PlanIx(0),
    )));
    let press = |key| egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    // Open the plan, then three rows down: the third top-level entry.
    let keys = vec![
        press(egui::Key::ArrowRight),
        press(egui::Key::ArrowDown),
        press(egui::Key::ArrowDown),
        press(egui::Key::ArrowDown),
    ];
    run(&mut state, keys);
    // One press acts per frame, each on the tree the one before made; the
    // frames after it carry on with the rest.
    for _ in 0..4 {
        run(&mut state, Vec::new());
    }
    let third = state.doc.dataset.plans[0].roots[2];
    assert_eq!(state.doc.selected(), Some(Item::Node(third)));
}

#[test]
fn the_view_menu_forces_a_theme_and_follows_the_system_again() {
    let mut harness = harness();
    assert_eq!(
        harness.state().session.settings.theme,
        egui::ThemePreference::System
    );
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Light").click();
    harness.run();
    assert_eq!(
        harness.state().session.settings.theme,
        egui::ThemePreference::Light
    );
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    assert!(!harness.ctx.global_style().visuals.dark_mode);

    // A choice closes the menu, as menus do.
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Follow the system").click();
    harness.run();
    assert_eq!(
        harness.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::System
    );
}

#[test]
fn a_legend_entry_hides_and_shows_its_series() {
    let mut harness = harness();
    harness.get_by_label("GDP share").click();
    harness.run();
    let data = &harness.state().doc.dataset;
    let (ix, title) = data
        .series
        .iter()
        .enumerate()
        .find(|(_, s)| s.title.contains("manufacturing"))
        .map(|(i, s)| (i, s.title.clone()))
        .expect("a manufacturing share series");
    let key = plan_explorer::view::charts::LegendKey::Series(plan_explorer::dataset::SeriesIx(
        u32::try_from(ix).expect("small"),
    ));
    harness.get_by_label_contains(&title).click();
    harness.run();
    assert!(harness.state().doc.hidden.contains(&key));
    harness.get_by_label_contains(&title).click();
    harness.run();
    assert!(!harness.state().doc.hidden.contains(&key));

    // Fund levels toggle the same way.
    harness.get_by_label("Fund allocations").click();
    harness.run();
    harness.get_by_label("● National").click();
    harness.run();
    assert!(
        harness
            .state()
            .doc
            .hidden
            .contains(&plan_explorer::view::charts::LegendKey::Level(
                plan_explorer::dataset::FundLevel::National
            ))
    );
}

#[test]
fn the_theme_follows_the_system_by_default() {
    for (theme, other) in [
        (egui::Theme::Light, egui::Theme::Dark),
        (egui::Theme::Dark, egui::Theme::Light),
    ] {
        // The harness starts in the other theme, so only the app's own
        // choice (follow the system) can bring the system's about.
        let mut harness = crate::common::app(
            crate::common::builder().with_theme(other),
            AppState::open(None).expect("opens"),
        );
        // What the operating system says.
        harness.input_mut().system_theme = Some(theme);
        harness.run();
        assert_eq!(harness.ctx.theme(), theme);
        assert_eq!(
            harness.ctx.global_style().visuals.dark_mode,
            theme == egui::Theme::Dark
        );
    }
}

#[test]
fn clicking_a_visible_row_does_not_scroll_the_tree() {
    let mut harness = harness();
    harness.get_by_label("Expand all").click();
    harness.run();
    // A row below the middle of the panel: centring it would move it up.
    let row = 20;
    let Item::Node(node) = harness.state().doc.tree.rows[row].item else {
        panic!("row {row} is a node");
    };
    let title = harness.state().doc.dataset.node(node).title.clone();
    let before = harness.get_by_label_contains(&title).rect();
    assert!(
        before.top() > 450.0,
        "the row is low in the panel: {before:?}"
    );
    harness.get_by_label_contains(&title).click();
    harness.run();
    assert_eq!(harness.state().doc.selected(), Some(Item::Node(node)));
    // The title is now also in the details panel; the tree's is leftmost.
    let after = harness
        .query_all_by_label_contains(&title)
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("the row is still there");
    assert!(
        (after.top() - before.top()).abs() < 1.0,
        "{before:?} -> {after:?}"
    );
}

#[test]
fn a_selection_out_of_view_is_scrolled_to() {
    let mut harness = harness();
    harness.get_by_label("Expand all").click();
    harness.run();
    let last = harness.state().doc.tree.rows.len() - 1;
    let Item::Node(node) = harness.state().doc.tree.rows[last].item else {
        panic!("the last row is a node");
    };
    // Selected from elsewhere (a chart's linked measure, say).
    harness
        .state_mut()
        .apply(plan_explorer::ui::DocCommand::Select(Item::Node(node)));
    // The scroll is animated over several frames.
    harness.run_steps(20);
    let title = harness.state().doc.dataset.node(node).title.clone();
    let rect = harness
        .query_all_by_label_contains(&title)
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("the row is drawn");
    assert!(rect.top() > 60.0 && rect.bottom() < 800.0, "{rect:?}");
}
