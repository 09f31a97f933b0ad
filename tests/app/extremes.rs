//! Extremes a real dataset can reach: a tree nested 40 levels deep.

use egui_kittest::kittest::Queryable as _;
use plan_explorer::ui::AppState;

/// Forty levels deep, every row opened: the deepest row's title starts
/// within the tree panel (the indent is capped), and a screen reader still
/// hears its real level.
#[test]
fn a_tree_forty_levels_deep_keeps_its_deepest_title_in_the_panel() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deep.json");
    std::fs::write(&path, crate::common::deep_dataset(40)).expect("writes");
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
    assert_eq!(level, Some(42), "the plan, 40 levels and the item");
}
