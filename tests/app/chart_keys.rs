//! The charts without a mouse, in the window through AccessKit: Tab
//! reaches each chart, the arrow keys move between its points, bars,
//! cells, marks or rows (and leave the tree alone), the focused mark
//! shows its hover text (and is the chart's value for a screen reader),
//! and Enter does what clicking the mark does.

use crate::common;

use common::window_on;

use egui::Key;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use plan_explorer::dataset::FigureRef;
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::view::charts::{self, ChartId};
use plan_explorer::view::hover;
use plan_explorer::view::marks;

type Window = crate::common::Window;

fn press(harness: &mut Window, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The label of the focused node, if one has the focus.
fn focused(harness: &Window) -> Option<String> {
    harness
        .query_all_by_label_contains("")
        .find(|n| n.accesskit_node().is_focused())
        .and_then(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
}

/// The value (what the focused mark's hover says) of the node `label`.
fn value_of(harness: &Window, label: &str) -> Option<String> {
    harness
        .query_all_by_label(label)
        .find_map(|n| n.accesskit_node().value())
}

/// Presses Tab until the node named `label` has the focus; panics after
/// 300 presses. Returns how many it took.
fn tab_to(harness: &mut Window, label: &str) -> usize {
    for presses in 1..=300 {
        press(harness, Key::Tab);
        if focused(harness).as_deref() == Some(label) {
            return presses;
        }
    }
    panic!("Tab never reached {label:?}");
}

fn chart_label(chart: ChartId) -> String {
    format!(
        "{} chart",
        plan_explorer::chart::chart_name(chart, Lang::En)
    )
}

/// Whether a label shown (the tooltip) is exactly `text`.
fn shows(harness: &Window, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

#[test]
fn a_line_charts_points_by_keyboard_hover_and_enter() {
    let mut harness = window_on(ChartId::IndustrialOutput);
    let label = chart_label(ChartId::IndustrialOutput);
    tab_to(&mut harness, &label);
    let (data, convention) = {
        let state = harness.state();
        (state.doc.dataset.clone(), state.session.convention())
    };
    let series = charts::industrial_output(&data, Lang::En);
    let grid = marks::line_marks(&series);
    let hover_of = |row, mark| {
        let figure = grid
            .get(marks::Cursor { row, mark })
            .expect("a point there");
        (figure, hover::point(&data, figure, convention, Lang::En))
    };
    // The first point of the first series, with its hover shown.
    let (_, first) = hover_of(0, 0);
    assert_eq!(value_of(&harness, &label).as_deref(), Some(first.as_str()));
    assert!(shows(&harness, &first), "the hover text is shown");
    // Right: the next point. Down: the nearest year of the next series.
    press(&mut harness, Key::ArrowRight);
    let right = grid.step(Some(marks::Cursor { row: 0, mark: 0 }), marks::Step::Right);
    let right = right.expect("a second mark");
    let (_, text) = hover_of(right.row, right.mark);
    assert_eq!(value_of(&harness, &label).as_deref(), Some(text.as_str()));
    press(&mut harness, Key::ArrowDown);
    let down = grid
        .step(Some(right), marks::Step::Down)
        .expect("a row below");
    assert_ne!(down, right, "the built-in chart has a second series");
    let (figure, text) = hover_of(down.row, down.mark);
    assert_eq!(value_of(&harness, &label).as_deref(), Some(text.as_str()));
    // The chart kept the focus, and the tree did not take the arrows.
    assert_eq!(focused(&harness).as_deref(), Some(label.as_str()));
    assert_eq!(harness.state().doc.selected(), None);
    // Enter selects the point, as a click does.
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().doc.selected(), Some(Item::Figure(figure)));
    assert!(matches!(figure, FigureRef::Point(..)));
    // The arrows go back to the tree once the chart lets go of the focus.
    press(&mut harness, Key::Escape);
    assert_ne!(focused(&harness).as_deref(), Some(label.as_str()));
}

#[test]
fn the_fund_bars_by_keyboard_largest_first() {
    let mut harness = window_on(ChartId::Funds);
    let label = chart_label(ChartId::Funds);
    tab_to(&mut harness, &label);
    let data = harness.state().doc.dataset.clone();
    let convention = harness.state().session.convention();
    let (bars, _) = charts::fund_bars(&data, Lang::En);
    assert!(bars.len() >= 2);
    let text = hover::fund(&data, bars[0].figure, convention, Lang::En);
    assert_eq!(value_of(&harness, &label).as_deref(), Some(text.as_str()));
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowUp);
    let text = hover::fund(&data, bars[1].figure, convention, Lang::En);
    assert_eq!(value_of(&harness, &label).as_deref(), Some(text.as_str()));
    assert!(shows(&harness, &text));
    press(&mut harness, Key::End);
    press(&mut harness, Key::Space);
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Figure(bars[1].figure)),
        "End stays on a one-bar row; Space selects as Enter does"
    );
}

#[test]
fn the_theme_maps_cells_by_keyboard_filter_the_tree() {
    let mut harness = window_on(ChartId::Themes);
    let label = chart_label(ChartId::Themes);
    let presses = tab_to(&mut harness, &label);
    let state = harness.state();
    let matrix = state.doc.themes.clone();
    let (data, lang) = (state.doc.dataset.clone(), state.session.lang());
    let rows = matrix.shown(state.session.theme_order);
    let grid = marks::theme_marks(&matrix, &rows);
    // One stop for the whole grid: its hundreds of cells are not each a
    // stop for Tab.
    assert!(presses < 120, "{presses} presses of Tab");
    let cursor = grid.step(grid.first(), marks::Step::Right);
    let cursor = grid.step(cursor, marks::Step::Down).expect("a cell");
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowDown);
    let (r, c) = grid.get(cursor).expect("a cell");
    let text = plan_explorer::view::themes::cell_hover(&data, &matrix, r, c, lang);
    assert_eq!(value_of(&harness, &label).as_deref(), Some(text.as_str()));
    press(&mut harness, Key::Enter);
    let filter = &harness.state().doc.filter;
    assert_eq!(
        (
            filter
                .themes
                .iter()
                .map(|&t| plan_explorer::view::themes::RowKey::Theme(t))
                .collect::<Vec<_>>(),
            filter.plans.iter().copied().collect::<Vec<_>>()
        ),
        (vec![matrix.rows[r].key], vec![matrix.plans[c]]),
    );
}

/// The unit map by keyboard: one Tab stop, the arrows move between the
/// cells (the focused cell's value is its hover: the measures, who shares
/// them, their deadlines), Enter shows the unit's measures of that plan in
/// the tree.
#[test]
fn the_unit_maps_cells_by_keyboard_filter_the_tree_to_the_unit() {
    let mut harness = window_on(ChartId::Units);
    let label = chart_label(ChartId::Units);
    assert_eq!(label, "Units chart");
    tab_to(&mut harness, &label);
    let state = harness.state();
    let matrix = state.doc.units.clone();
    let (data, lang) = (state.doc.dataset.clone(), state.session.lang());
    let rows = matrix.shown(state.session.theme_order);
    let grid = marks::theme_marks(&matrix, &rows);
    let cursor = grid.step(grid.first(), marks::Step::Down);
    let cursor = grid.step(cursor, marks::Step::Down).expect("a cell");
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowDown);
    let (r, c) = grid.get(cursor).expect("a cell");
    let text = plan_explorer::view::themes::cell_hover(&data, &matrix, r, c, lang);
    assert!(text.contains(" measures"), "{text}");
    assert_eq!(value_of(&harness, &label).as_deref(), Some(text.as_str()));
    press(&mut harness, Key::Enter);
    let filter = &harness.state().doc.filter;
    let plan_explorer::view::themes::RowKey::Unit(unit) = matrix.rows[r].key else {
        panic!("a unit's row");
    };
    assert_eq!(
        (
            filter.units.iter().copied().collect::<Vec<_>>(),
            filter.plans.iter().copied().collect::<Vec<_>>(),
            filter.themes.len()
        ),
        (vec![unit], vec![matrix.plans[c]], 0)
    );
    assert_eq!(
        harness.state().doc.tree.match_count,
        matrix.cell(r, c).len(),
        "the tree shows the cell's measures"
    );
}

#[test]
fn the_timelines_marks_by_keyboard_select_their_figures() {
    let mut harness = window_on(ChartId::Timeline);
    let label = chart_label(ChartId::Timeline);
    tab_to(&mut harness, &label);
    let timeline = harness.state().doc.timeline.clone();
    let grid = marks::timeline_marks(&timeline);
    assert!(grid.rows() >= 2);
    let cursor = grid.step(grid.first(), marks::Step::Down).expect("a mark");
    press(&mut harness, Key::ArrowDown);
    let mark = &timeline.marks[grid.get(cursor).expect("a mark")];
    let data = harness.state().doc.dataset.clone();
    let convention = harness.state().session.convention();
    let first = hover::figure(&data, mark.figures[0], convention, Lang::En);
    let value = value_of(&harness, &label).expect("a value");
    assert!(value.starts_with(&first), "{value:?} / {first:?}");
    press(&mut harness, Key::Enter);
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Figure(mark.figures[0]))
    );
}

#[test]
fn the_targets_rows_by_keyboard_show_their_hover_and_select() {
    let mut harness = window_on(ChartId::Targets);
    let label = chart_label(ChartId::Targets);
    tab_to(&mut harness, &label);
    let state = harness.state();
    let data = state.doc.dataset.clone();
    let (column, ascending) = state.session.targets_sort;
    let convention = state.session.convention();
    let rows = charts::target_rows(&data, column, ascending, Lang::En);
    assert!(rows.len() >= 2);
    // Every target is reached by the arrows, its hover shown and read.
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            press(&mut harness, Key::ArrowDown);
        }
        let text = hover::target(&data, row.figure, convention, Lang::En);
        assert_eq!(value_of(&harness, &label).as_deref(), Some(text.as_str()));
        assert!(shows(&harness, &text), "row {i}: the hover text is shown");
    }
    // Up walks back, a row at a time.
    for _ in 2..rows.len() {
        press(&mut harness, Key::ArrowUp);
    }
    let text = hover::target(&data, rows[1].figure, convention, Lang::En);
    assert_eq!(value_of(&harness, &label).as_deref(), Some(text.as_str()));
    // The table kept the focus, and the tree did not take the arrows.
    assert_eq!(focused(&harness).as_deref(), Some(label.as_str()));
    assert_eq!(harness.state().doc.selected(), None, "the tree left it");
    press(&mut harness, Key::Enter);
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Figure(rows[1].figure))
    );
}

#[test]
fn tab_goes_round_the_whole_window_and_every_stop_has_a_name() {
    // The fact cards in the details panel once dropped the focus, so Tab
    // never got past the tree; a link wrapping in a row once added a
    // nameless stop.
    for chart in [ChartId::Funds, ChartId::IndustrialOutput] {
        let mut harness = window_on(chart);
        let mut stops = Vec::new();
        for _ in 0..200 {
            press(&mut harness, Key::Tab);
            let stop = harness
                .root()
                .children_recursive()
                .find(|n| n.accesskit_node().is_focused())
                .map(|n| {
                    let node = n.accesskit_node();
                    node.label().or_else(|| node.value()).unwrap_or_default()
                });
            let Some(stop) = stop else {
                panic!("{chart:?}: nothing has the focus after {stops:?}");
            };
            assert!(
                !stop.trim().is_empty(),
                "{chart:?}: a nameless stop after {stops:?}"
            );
            if stops.first() == Some(&stop) {
                break;
            }
            stops.push(stop);
        }
        assert_eq!(stops.first().map(String::as_str), Some("File"));
        for expected in [
            "Collapse all".to_owned(),
            chart_label(chart),
            "Show as table".to_owned(),
        ] {
            assert!(
                stops.contains(&expected),
                "{chart:?}: {expected} not in {stops:?}"
            );
        }
    }
}

/// The pixel at `p` (in points; the harness draws one pixel a point).
fn at(p: egui::Pos2) -> (u32, u32) {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a point on the harness' screen is a small non-negative whole pixel"
    )]
    let at = (p.x.round() as u32, p.y.round() as u32);
    at
}

#[test]
fn the_keyboard_focus_is_ringed_and_a_click_hides_the_ring() {
    // egui shows nothing on a focused frameless button, such as the menu
    // bar's, and only underlines a focused link: Tab must show where it is.
    let mut harness = window_on(ChartId::IndustrialOutput);
    let before = harness.render().expect("renders");
    assert_eq!(plan_explorer::ui::focus::ring_rect(&harness.ctx), None);
    press(&mut harness, Key::Tab);
    assert_eq!(focused(&harness).as_deref(), Some("File"));
    let ring = plan_explorer::ui::focus::ring_rect(&harness.ctx).expect("a ring round File");
    let file = harness.get_by_label("File").rect();
    assert!(
        ring.contains_rect(file) && ring.expand(-4.0).area() < file.area(),
        "the ring {ring:?} is round File {file:?}"
    );
    // It is painted: the left edge, two points out, turned the selection
    // colour.
    let after = harness.render().expect("renders");
    let (x, y) = at(egui::pos2(ring.min.x - 2.0, ring.center().y));
    let colour = harness.ctx.global_style().visuals.selection.stroke.color;
    assert_ne!(before.get_pixel(x, y), after.get_pixel(x, y));
    let painted = after.get_pixel(x, y).0;
    let near = |a: u8, b: u8| a.abs_diff(b) <= 40;
    assert!(
        near(painted[0], colour.r())
            && near(painted[1], colour.g())
            && near(painted[2], colour.b()),
        "the ring's pixel {painted:?} is the selection colour {colour:?}"
    );
    // It follows the focus round the window, every stop but the charts
    // (whose focused mark has its own ring).
    let label = chart_label(ChartId::IndustrialOutput);
    for _ in 0..60 {
        press(&mut harness, Key::Tab);
        let stop = focused(&harness).unwrap_or_default();
        let ring = plan_explorer::ui::focus::ring_rect(&harness.ctx);
        if stop == label {
            assert_eq!(ring, None, "the chart draws its own cue");
        } else {
            assert!(ring.is_some(), "no ring round {stop:?}");
        }
    }
    // A click hides it.
    harness.get_by_label("Collapse all").click();
    harness.run();
    assert_eq!(plan_explorer::ui::focus::ring_rect(&harness.ctx), None);
}
