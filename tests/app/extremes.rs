//! Extremes a real dataset can reach: a tree nested 40 levels deep.

use egui_kittest::kittest::Queryable as _;
use plan_explorer::ui::AppState;

/// Forty levels deep, every row opened: the deepest row's title starts
/// within the tree panel (the indent is capped), and a screen reader still
/// hears its real level.
#[test]
fn a_tree_forty_levels_deep_keeps_its_deepest_title_in_the_panel() {
    deepest_title_in_the_panel(40);
}

/// The deepest tree the parser takes (tests/data/hostile.rs finds the
/// limit the same way) is drawn too, its deepest row in the panel.
#[test]
fn the_deepest_tree_the_parser_takes_is_drawn_with_its_deepest_title_in_the_panel() {
    let deepest = (40..400)
        .find(|&depth| {
            plan_explorer::dataset::load_str(&crate::common::deep_dataset(depth))
                .dataset
                .is_none()
        })
        .expect("some depth is refused")
        - 1;
    deepest_title_in_the_panel(deepest);
}

/// A tree `depth` levels deep opened, its deepest item selected: the row
/// is in the tree panel, at its level.
fn deepest_title_in_the_panel(depth: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deep.json");
    std::fs::write(&path, crate::common::deep_dataset(depth)).expect("writes");
    let mut state = AppState::open(Some(&path)).expect("opens");
    assert_eq!(state.doc.path.as_deref(), Some(path.as_path()), "it loads");
    // Selected, so the tree opens down to it and scrolls it into view.
    let leaf = state.doc.dataset.node_by_id("leaf").expect("the leaf");
    state.apply(plan_explorer::ui::DocCommand::Select(
        plan_explorer::selection::Item::Node(leaf),
    ));
    let mut harness = crate::common::window(state);
    harness.run();
    let panel = harness.get_by_label("Expand all").rect();
    let leaf = harness
        .query_all_by_label_contains("The deepest item")
        .find(|n| {
            egui_kittest::kittest::NodeT::accesskit_node(n).role()
                == egui::accesskit::Role::TreeItem
        })
        .expect("the deepest row in the tree");
    let rect = leaf.rect();
    // The tree panel is a few hundred points wide; 40 levels at 16 points
    // were 640 points, off its edge.
    assert!(
        rect.min.x < panel.max.x + 60.0,
        "the deepest title starts at x = {}, the panel's buttons end at {}",
        rect.min.x,
        panel.max.x
    );
    let level = egui_kittest::kittest::NodeT::accesskit_node(&leaf)
        .data()
        .level();
    assert_eq!(
        level,
        Some(depth + 2),
        "the plan, {depth} levels and the item"
    );
}

/// A text field at the limit (a megabyte) is handled in the window:
/// search finds a word at its end, and the details panel shows it. One
/// over 100 MB is refused with the field's path, and the dataset on
/// screen stays.
#[test]
fn a_megabyte_text_is_searched_and_shown_and_100_mb_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.json");
    let mut text = "Lorem ipsum dolor sit amet. ".repeat(1024 * 1024 / 28 - 1);
    text.push_str("zanzibarian");
    std::fs::write(&big, crate::common::minimal_with_text(&text)).expect("writes");
    let mut state = AppState::open(Some(&big)).expect("opens");
    assert_eq!(state.doc.path.as_deref(), Some(big.as_path()), "it loads");
    let measure = state.doc.dataset.node_by_id("m-1").expect("the measure");
    state.apply(plan_explorer::ui::DocCommand::Select(
        plan_explorer::selection::Item::Node(measure),
    ));
    let mut harness = crate::common::window(state);
    // The details panel shows the text's start, and says how much more
    // there is (laying out a megabyte each frame stalled the window).
    let texts = crate::common::painted_texts(&harness);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Lorem ipsum dolor sit amet.") && t.len() <= 50_000),
        "the details show the text's start"
    );
    let note = format!(
        "Showing the first 50000 of this text's {} characters.",
        text.chars().count()
    );
    assert!(texts.contains(&note), "the details say how much is shown");
    harness.get_by_label("Search:").focus();
    harness.event(egui::Event::Text("zanzibarian".to_owned()));
    harness.run();
    assert!(
        harness
            .state()
            .doc
            .tree
            .rows
            .iter()
            .any(|r| r.item == plan_explorer::selection::Item::Node(measure)),
        "the search keeps the measure whose text ends with the word"
    );

    let huge = dir.path().join("huge.json");
    let text = "Lorem ipsum dolor sit amet. ".repeat(100 * 1024 * 1024 / 28);
    std::fs::write(&huge, crate::common::minimal_with_text(&text)).expect("writes");
    let mut state = AppState::open(Some(&big)).expect("opens");
    state.load(&huge);
    assert_eq!(state.doc.path.as_deref(), Some(big.as_path()), "unchanged");
    let problems = format!("{:?}", state.session.problems);
    assert!(
        problems.contains("plans[0].nodes[0].children[0].text"),
        "{problems}"
    );
}
