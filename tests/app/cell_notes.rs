//! A note on a map's cell as a user adds one: Tab to the unit map, the
//! arrows to a cell, Ctrl+M, the words typed, Ctrl+Enter; or a cell
//! right-clicked and "Note on this cell…" chosen from its menu. The dialog
//! names the cell; the note is in the chart's annotations (so in a view
//! saved from it), drawn in the window at the map's right, and in the
//! picture Export writes.

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use plan_explorer::i18n::Lang;
use plan_explorer::ui::{AnnotationKind, Dialog, SessionCommand};
use plan_explorer::view::annotations::{Annotation, Cell, CellRow};
use plan_explorer::view::charts::ChartId;
use plan_explorer::view::marks;

use crate::common::window_on;

#[test]
fn by_keyboard_a_cell_of_the_unit_map_is_chosen_noted_and_the_note_drawn() {
    let mut harness = window_on(ChartId::Units);
    crate::common::tab_to(&mut harness, "Units chart");
    // Two cells down from the first, as the map's keyboard grid has it.
    let (cell, row_name, plan_title) = {
        let state = harness.state();
        let matrix = &state.doc.units;
        let rows = matrix.shown(state.session.theme_order);
        let grid = marks::theme_marks(matrix, &rows);
        let cursor = grid.step(grid.first(), marks::Step::Down);
        let cursor = grid.step(cursor, marks::Step::Down);
        let (r, c) = grid.get(cursor.expect("a cell")).expect("a cell");
        let cell = Cell::at(matrix, r, c).expect("the cell");
        let (row, plan) = cell.names(&state.doc.dataset, Lang::En);
        (cell, row, plan)
    };
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    // Ctrl+M: the dialog names the cell, the words take the keyboard.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::M);
    harness.run_steps(4);
    let Some(Dialog::Annotate(dialog)) = &harness.state().dialog else {
        panic!("Ctrl+M opens the Annotate dialog");
    };
    assert_eq!(dialog.kind, AnnotationKind::Note);
    assert_eq!(
        dialog.cell,
        Some(cell),
        "the cell under the keyboard's cursor"
    );
    let on = format!("On the cell: {row_name} · {plan_title}");
    assert!(harness.query_by_label(&on).is_some(), "{on}");
    crate::common::type_and_add(&mut harness, "Ask for a progress report");
    assert!(
        harness.state().dialog.is_none(),
        "Ctrl+Enter adds and closes"
    );
    let data = harness.state().doc.dataset.clone();
    let expected = cell.note(&data, "Ask for a progress report");
    let Annotation::CellNote { row, .. } = &expected else {
        panic!("a cell note");
    };
    assert!(matches!(row, CellRow::Unit(_)), "named by the unit's id");
    assert_eq!(
        harness.state().session.annotations_of(ChartId::Units),
        [expected]
    );
    // Drawn in the window (its words are a label there) and in the
    // picture, covering nothing.
    // (Its words as the window wraps them, a label a line.)
    assert!(
        harness
            .query_all_by_label_contains("Ask for a")
            .next()
            .is_some(),
        "the note is drawn on the map in the window"
    );
    let scene = crate::common::slide_scene(&harness);
    assert!(scene.left_out.is_empty(), "{:?}", scene.left_out);
    assert_eq!(
        scene.notes().map(|t| t.text.as_str()).collect::<String>(),
        "Ask for a progress report"
    );
    assert!(scene.overlapping_texts().is_empty());
    // The Views panel names the cell.
    harness
        .state_mut()
        .apply(SessionCommand::ShowViewsPanel(true));
    harness.run();
    let described =
        format!("Note on the cell {row_name} · {plan_title}: “Ask for a progress report”");
    assert!(
        harness.query_by_label_contains(&described).is_some(),
        "{described}"
    );
}

#[test]
fn a_right_clicked_cell_takes_a_note_from_its_menu_in_chinese() {
    let mut harness = window_on(ChartId::Themes);
    harness.state_mut().apply(SessionCommand::SetLang(Lang::Zh));
    harness.run();
    let (cell, label, row_name, plan_title) = {
        let state = harness.state();
        let matrix = &state.doc.themes;
        let data = &state.doc.dataset;
        let theme = data.theme_by_id("medical-ai").expect("the theme");
        let r = matrix
            .rows
            .iter()
            .position(|row| row.key == plan_explorer::view::themes::RowKey::Theme(theme))
            .expect("the row");
        let plan = data.plan_by_id("medical-ai-2025").expect("the plan");
        let c = matrix
            .plans
            .iter()
            .position(|&p| p == plan)
            .expect("the column");
        let cell = Cell::at(matrix, r, c).expect("the cell");
        let (row, plan) = cell.names(data, Lang::Zh);
        let count = plan_explorer::chart::themes::cell_text(Lang::Zh, matrix, r, c);
        (cell, format!("{row} · {plan}: {count}"), row, plan)
    };
    harness.get_by_label(&label).click_secondary();
    harness.run_steps(3);
    // The menu's entry, with its shortcut.
    harness.get_by_label("为此单元格加注释… Ctrl+M").click();
    harness.run_steps(4);
    let Some(Dialog::Annotate(dialog)) = &harness.state().dialog else {
        panic!("the cell's menu opens the Annotate dialog");
    };
    assert_eq!(dialog.cell, Some(cell), "the cell right-clicked");
    let on = format!("标注单元格：{row_name} · {plan_title}");
    assert!(harness.query_by_label(&on).is_some(), "{on}");
    crate::common::type_and_add(&mut harness, "重点");
    let data = harness.state().doc.dataset.clone();
    assert_eq!(
        harness.state().session.annotations_of(ChartId::Themes),
        [cell.note(&data, "重点")]
    );
    assert!(
        harness.query_by_label("重点").is_some(),
        "drawn in the window"
    );
}

#[test]
fn with_no_cell_chosen_the_dialog_says_how_to_choose_one() {
    let mut harness = window_on(ChartId::Units);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::M);
    harness.run_steps(4);
    let Some(Dialog::Annotate(dialog)) = &harness.state().dialog else {
        panic!("Ctrl+M opens the Annotate dialog");
    };
    assert_eq!(dialog.cell, None);
    assert!(
        harness
            .query_by_label(
                "Choose a cell first (click it, or Tab to the map and move to it with the arrow keys)."
            )
            .is_some()
    );
    crate::common::type_and_add(&mut harness, "Nowhere");
    assert!(
        harness
            .state()
            .session
            .annotations_of(ChartId::Units)
            .is_empty(),
        "nothing is added without a cell"
    );
}
