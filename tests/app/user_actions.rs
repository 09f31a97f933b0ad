//! What users do with the mouse and the menus, in the window through
//! AccessKit (kittest): hovering and clicking a plot's point or bar, the
//! funds' log scale and "over" marks, the facet menus' counts, the tree's
//! mouse actions and type-ahead, File > Recent, and the Export dialog's
//! scale, theme and a folder that refuses writing.

use crate::common;

use common::{painted_texts, window_on};

use std::path::Path;

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use plan_explorer::dataset::FigureRef;
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::{Dialog, DocCommand, SessionCommand};
use plan_explorer::view::amount::Convention;
use plan_explorer::view::charts::{self, ChartId};
use plan_explorer::view::hover;

type Window = crate::common::Window;

/// Moves the pointer over `area` in steps of `step` points, row by row,
/// until a painted text is one of `texts`; returns where and which.
fn hover_until(
    harness: &mut Window,
    area: egui::Rect,
    step: f32,
    texts: &[String],
) -> Option<(egui::Pos2, usize)> {
    let mut y = area.top();
    while y <= area.bottom() {
        let mut x = area.left();
        while x <= area.right() {
            let at = egui::pos2(x, y);
            harness.event(egui::Event::PointerMoved(at));
            harness.step();
            let painted = painted_texts(harness);
            if let Some(found) = texts.iter().position(|t| painted.iter().any(|p| p == t)) {
                return Some((at, found));
            }
            x += step;
        }
        y += step;
    }
    None
}

/// Clicks over `area` in steps of 20 points until the selection changes;
/// returns where and what was selected.
fn click_until_selected(harness: &mut Window, area: egui::Rect) -> Option<(egui::Pos2, Item)> {
    let before = harness.state().doc.selected();
    let mut y = area.top() + 10.0;
    while y < area.bottom() {
        let mut x = area.left() + 10.0;
        while x < area.right() {
            let at = egui::pos2(x, y);
            press_at(harness, at, egui::PointerButton::Primary);
            harness.step();
            let now = harness.state().doc.selected();
            if now != before {
                return now.map(|item| (at, item));
            }
            x += 20.0;
        }
        y += 20.0;
    }
    None
}

/// Queues a click of `button` at `at` (the pointer moved there, pressed,
/// released) for the next frame.
fn press_at(harness: &Window, at: egui::Pos2, button: egui::PointerButton) {
    harness.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
}

fn click_at(harness: &mut Window, at: egui::Pos2, button: egui::PointerButton) {
    press_at(harness, at, button);
    harness.run();
}

fn plot_rect(harness: &Window, chart: ChartId) -> egui::Rect {
    let name = format!(
        "{} chart",
        plan_explorer::chart::chart_name(chart, Lang::En)
    );
    harness.get_by_label(&name).rect()
}

#[test]
fn hovering_a_plot_point_shows_its_text_and_clicking_it_selects_it() {
    let mut harness = window_on(ChartId::IndustrialOutput);
    let data = harness.state().doc.dataset.clone();
    let series = charts::industrial_output(&data, Lang::En);
    let points: Vec<FigureRef> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.figure))
        .collect();
    let texts: Vec<String> = points
        .iter()
        .map(|&f| hover::point(&data, f, Convention::International, Lang::En))
        .collect();
    let area = plot_rect(&harness, ChartId::IndustrialOutput);
    // A click within 16 points of a point selects it...
    let (clicked, item) =
        click_until_selected(&mut harness, area).expect("a click selects a point");
    let Item::Figure(point) = item else {
        panic!("a click on the plot selects a point, not {item:?}");
    };
    let found = points
        .iter()
        .position(|&p| p == point)
        .expect("one of the chart's points");
    // ...and just over it (within 5 points, as egui_plot hovers), its
    // hover text is shown: found by moving the pointer round the click.
    let near = egui::Rect::from_center_size(clicked, egui::vec2(34.0, 34.0));
    let (at, hovered) =
        hover_until(&mut harness, near, 3.0, &texts).expect("the point's hover text");
    assert_eq!(
        hovered, found,
        "the hover is the clicked point's: {}",
        texts[hovered]
    );
    assert!(
        texts[found].contains("Source:"),
        "the hover names the source: {}",
        texts[found]
    );
    // Clicking where the hover shows selects it too, from elsewhere.
    harness.state_mut().apply(DocCommand::Select(Item::Plan(
        plan_explorer::dataset::PlanIx(0),
    )));
    click_at(&mut harness, at, egui::PointerButton::Primary);
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Figure(points[found])),
        "the click selects the point hovered"
    );
    // Far from every point, a click selects nothing new.
    let before = harness.state().doc.selected();
    click_at(
        &mut harness,
        area.left_bottom() + egui::vec2(60.0, -30.0),
        egui::PointerButton::Primary,
    );
    assert_eq!(harness.state().doc.selected(), before);
}

#[test]
fn hovering_a_fund_bar_shows_its_text_and_clicking_it_selects_it() {
    let mut harness = window_on(ChartId::Funds);
    let data = harness.state().doc.dataset.clone();
    let (bars, _) = charts::fund_bars(&data, Lang::En);
    let texts: Vec<String> = bars
        .iter()
        .map(|b| hover::fund(&data, b.figure, Convention::International, Lang::En))
        .collect();
    let area = plot_rect(&harness, ChartId::Funds);
    // The bars are tall enough to find in steps of 20 points.
    let (at, found) = hover_until(&mut harness, area, 20.0, &texts).expect("a bar's hover text");
    click_at(&mut harness, at, egui::PointerButton::Primary);
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Figure(bars[found].figure)),
        "the click selects the bar hovered"
    );
}

/// The funds chart's description, as a screen reader reads it.
fn funds_description(harness: &Window) -> String {
    harness
        .root()
        .children_recursive()
        .filter_map(|n| n.accesskit_node().description())
        .find(|d| d.starts_with("Bar chart of"))
        .expect("the funds chart's description")
}

#[test]
fn the_funds_log_scale_toggles_and_lower_bounds_read_over() {
    let mut harness = window_on(ChartId::Funds);
    let data = harness.state().doc.dataset.clone();
    let (bars, _) = charts::fund_bars(&data, Lang::En);
    let lower: Vec<&charts::FundBar> = bars.iter().filter(|b| b.lower_bound).collect();
    assert!(!lower.is_empty(), "the built-in funds hold a lower bound");
    let words = funds_description(&harness);
    for bar in &lower {
        assert!(
            words.contains(&format!("{} over ", bar.name)),
            "{} reads as a lower bound: {words}",
            bar.name
        );
    }
    for bar in bars.iter().filter(|b| !b.lower_bound) {
        assert!(
            !words.contains(&format!("{} over ", bar.name)),
            "{} is no lower bound: {words}",
            bar.name
        );
    }
    // The chart opens on the log scale; the toggle turns it off and on,
    // and the words say which. The axis' own labels show the scale drawn:
    // decades on the log scale, round steps of the range on the linear
    // one. The 825 billion, probably wrong as printed, is on neither: the
    // scale ends at the 100 billion of social capital.
    let axis = |harness: &Window| {
        let painted = painted_texts(harness);
        let has = |label: &str| painted.iter().any(|p| p == label);
        assert!(
            !has("1 trillion yuan") && !has("500 billion yuan"),
            "{painted:?}"
        );
        (
            has("1 billion yuan") && has("10 billion yuan") && has("100 billion yuan"),
            has("50 billion yuan") && !has("10 billion yuan"),
        )
    };
    assert!(harness.state().session.funds_log_scale);
    assert!(words.contains("logarithmic scale"), "{words}");
    assert_eq!(axis(&harness), (true, false), "decades on the log scale");
    harness.get_by_label("Logarithmic scale").click();
    harness.run();
    assert!(!harness.state().session.funds_log_scale);
    assert!(!funds_description(&harness).contains("logarithmic"));
    assert_eq!(
        axis(&harness),
        (false, true),
        "quarters on the linear scale"
    );
    harness.get_by_label("Logarithmic scale").click();
    harness.run();
    assert!(harness.state().session.funds_log_scale);
    assert!(funds_description(&harness).contains("logarithmic scale"));
    assert_eq!(axis(&harness), (true, false));
}

/// The number in a label ending "(N)".
fn count_in(label: &str) -> usize {
    let open = label.rfind('(').expect("a count");
    label[open + 1..label.len() - 1]
        .parse()
        .expect("a whole number")
}

/// Opens the facet menu `menu` and, for each of its first `take` values,
/// checks that the count it shows is the number of matches choosing it
/// gives (on top of the filter already set), then puts the filter back.
fn counts_are_kept(harness: &mut Window, menu: &str, take: usize) -> usize {
    let before = harness.state().doc.filter.clone();
    let mut checked = 0;
    for k in 0..take {
        harness.get_by_label(menu).click();
        harness.run();
        let labels: Vec<String> = harness
            .query_all_by_role(egui::accesskit::Role::CheckBox)
            .filter_map(|n| n.accesskit_node().label())
            .filter(|l| l.ends_with(')'))
            .collect();
        let Some(label) = labels.get(k) else {
            break;
        };
        let promised = count_in(label);
        harness.get_by_label(label).click();
        harness.run();
        assert_eq!(
            harness.state().doc.tree.match_count,
            promised,
            "{menu} {label}: the menu promised {promised}"
        );
        assert!(
            harness
                .query_by_label(&format!("{promised} matching"))
                .is_some(),
            "{menu} {label}: \"{promised} matching\" is shown"
        );
        checked += 1;
        harness.key_press(egui::Key::Escape);
        harness
            .state_mut()
            .apply(DocCommand::SetFilter(before.clone()));
        harness.run();
    }
    checked
}

#[test]
fn a_facet_value_counts_what_choosing_it_shows() {
    let mut harness = window_on(ChartId::IndustrialOutput);
    let mut checked = 0;
    for menu in ["Plan ▾", "Unit ▾", "Theme ▾", "District ▾"] {
        checked += counts_are_kept(&mut harness, menu, 3);
    }
    // With a search, the counts are those of the search's matches with
    // the value chosen.
    harness.state_mut().apply(DocCommand::SetFilter(
        plan_explorer::view::tree::TreeFilter {
            query: "clinical".to_owned(),
            ..Default::default()
        },
    ));
    harness.run();
    let searched = harness.state().doc.tree.match_count;
    assert!(searched > 0, "the search finds something");
    for menu in ["Plan ▾", "Unit ▾", "Theme ▾", "District ▾"] {
        checked += counts_are_kept(&mut harness, menu, 3);
    }
    assert_eq!(
        checked, 24,
        "three values of each menu, with and without the search"
    );
}

fn plan_row(harness: &Window, plan: usize) -> String {
    harness.state().doc.dataset.plans[plan].title.clone()
}

fn is_open(harness: &Window, item: Item) -> bool {
    let tree = &harness.state().doc.tree;
    tree.row_of(item).is_some_and(|r| tree.rows[r].expanded)
}

#[test]
fn the_tree_by_mouse_double_click_arrow_subtree_and_collapse_all() {
    let mut harness = window_on(ChartId::IndustrialOutput);
    let plan = Item::Plan(plan_explorer::dataset::PlanIx(0));
    let title = plan_row(&harness, 0);
    // A double-click opens a row, another closes it. (Left to kittest, the
    // frames of the two clicks are 0.75 s apart, more than egui's 0.3 s for
    // a double-click, so the two frames' times are set, 0.1 s apart; egui
    // keeps a time once given, so the times stay as set.)
    for open in [true, false] {
        let row = harness
            .get_by_role_and_label(egui::accesskit::Role::TreeItem, &title)
            .rect()
            .center();
        let start = harness.ctx.input(|i| i.time) + 1.0;
        for click in 0..2 {
            harness.input_mut().time = Some(start + 0.1 * f64::from(click));
            press_at(&harness, row, egui::PointerButton::Primary);
            harness.step();
        }
        harness.run();
        assert_eq!(is_open(&harness, plan), open, "double-click, open {open}");
    }
    // The arrow opens it, and closes it.
    harness
        .query_all_by_label("Expand")
        .next()
        .expect("an arrow")
        .click();
    harness.run();
    assert!(
        is_open(&harness, plan),
        "the first arrow opens the first plan"
    );
    harness
        .query_all_by_label("Collapse")
        .next()
        .expect("its arrow")
        .click();
    harness.run();
    assert!(!is_open(&harness, plan));
    // Right-click: the whole subtree opens, every node under the plan.
    harness
        .get_by_role_and_label(egui::accesskit::Role::TreeItem, &title)
        .click_secondary();
    harness.run();
    harness.get_by_label("Expand subtree").click();
    harness.run();
    let state = harness.state();
    let roots = state.doc.dataset.plans[0].roots.clone();
    let mut under = roots.clone();
    let mut all = Vec::new();
    while let Some(node) = under.pop() {
        all.push(node);
        under.extend(state.doc.dataset.node(node).children.iter().copied());
    }
    for &node in &all {
        let row = state
            .doc
            .tree
            .row_of(Item::Node(node))
            .expect("every node under the plan is shown");
        let has_children = !state.doc.dataset.node(node).children.is_empty();
        assert_eq!(state.doc.tree.rows[row].expanded, has_children);
    }
    // Collapse all: the plans alone.
    harness.get_by_label("Collapse all").click();
    harness.run();
    assert_eq!(
        harness.state().doc.tree.rows.len(),
        harness.state().doc.dataset.plans.len()
    );
}

#[test]
fn typing_in_the_tree_selects_the_next_row_that_starts_so() {
    let mut harness = window_on(ChartId::IndustrialOutput);
    let titles: Vec<String> = harness
        .state()
        .doc
        .dataset
        .plans
        .iter()
        .map(|p| p.title.clone())
        .collect();
    // Select the first plan, then type the start of another's title.
    harness.get_by_label(&titles[0]).click();
    harness.run();
    let target = titles
        .iter()
        .position(|t| !t.starts_with(&titles[0][..3]))
        .expect("a plan starting otherwise");
    let prefix: String = titles[target].chars().take(4).collect();
    let expected = titles
        .iter()
        .position(|t| t.starts_with(&prefix))
        .expect("the prefix fits a plan");
    harness.event(egui::Event::Text(prefix.clone()));
    harness.run();
    assert_eq!(
        harness.state().doc.selected(),
        Some(Item::Plan(plan_explorer::dataset::PlanIx(
            u32::try_from(expected).expect("few plans")
        ))),
        "typing {prefix:?} selects the plan starting so"
    );
}

#[test]
fn file_recent_lists_the_files_opened_and_opens_one() {
    let mut harness = window_on(ChartId::IndustrialOutput);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Recent").hover();
    harness.run();
    assert!(harness.query_by_label("No files opened yet").is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.json");
    harness.state_mut().session.remember(&fixture);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Recent").hover();
    harness.run();
    harness.get_by_label(&fixture.display().to_string()).click();
    // The load wakes the window when it ends: frames are stepped.
    harness.run_steps(2);
    assert!(
        harness
            .state_mut()
            .finish_loading(std::time::Duration::from_mins(1))
    );
    harness.run();
    assert_eq!(harness.state().doc.path.as_deref(), Some(fixture.as_path()));
    assert_eq!(harness.state().doc.dataset.title, "Minimal dataset");
}

fn export_dialog(harness: &mut Window) -> plan_explorer::ui::ExportDialog {
    match &harness.state().dialog {
        Some(Dialog::Export(dialog)) => dialog.clone(),
        other => panic!("the Export dialog is open: {other:?}"),
    }
}

fn set_path(harness: &mut Window, path: &Path) {
    if let Some(Dialog::Export(dialog)) = &mut harness.state_mut().dialog {
        dialog.path = path.display().to_string();
    }
    harness.run();
}

#[test]
fn the_export_dialog_writes_the_scale_and_theme_chosen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window_on(ChartId::GdpShare);
    harness
        .state_mut()
        .apply(SessionCommand::SetTheme(egui::ThemePreference::Dark));
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    // Slide (960x540 points) at 1x, in the window's (dark) theme.
    harness.get_by_label("1x").click();
    harness.run();
    harness.get_by_label("As the window").click();
    harness.run();
    let png = dir.path().join("share.png");
    set_path(&mut harness, &png);
    assert!((export_dialog(&mut harness).image.scale - 1.0).abs() < f32::EPSILON);
    harness.get_by_label("Export").click();
    harness.run();
    let (width, height, pixels) = common::decode(&png);
    assert_eq!((width, height), (960, 540), "1x: a pixel a point");
    let dark = pixels
        .iter()
        .filter(|p| p.iter().map(|&c| u32::from(c)).sum::<u32>() < 150)
        .count();
    assert!(
        dark * 2 > pixels.len(),
        "the dark theme's picture is mostly dark"
    );
    // Again at 2x, light.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    harness.get_by_label("2x").click();
    harness.run();
    harness.get_by_label("Light").click();
    harness.run();
    let light = dir.path().join("share-2x.png");
    set_path(&mut harness, &light);
    harness.get_by_label("Export").click();
    harness.run();
    let (width, height, pixels) = common::decode(&light);
    assert_eq!((width, height), (1920, 1080));
    let bright = pixels
        .iter()
        .filter(|p| p.iter().map(|&c| u32::from(c)).sum::<u32>() > 600)
        .count();
    assert!(
        bright * 2 > pixels.len(),
        "the light picture is mostly light"
    );
}

#[test]
fn a_folder_that_refuses_writing_says_so_and_keeps_the_dialog() {
    // Root may write into a read-only folder, so where the tests run as
    // root the refusing folder is /sys (sysfs takes no new files).
    let dir = tempfile::tempdir().expect("temp dir");
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    let mut permissions = std::fs::metadata(&locked).expect("stat").permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o555);
    std::fs::set_permissions(&locked, permissions).expect("chmod");
    let refusing = if std::fs::write(locked.join("probe"), b"").is_ok() {
        Path::new("/sys").to_owned()
    } else {
        locked.clone()
    };
    let target = refusing.join("chart.png");
    let mut harness = window_on(ChartId::GdpShare);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    set_path(&mut harness, &target);
    harness.get_by_label("Export").click();
    harness.run();
    assert!(!target.exists(), "nothing is written");
    let said = harness
        .state()
        .session
        .export_message
        .as_ref()
        .map(|note| note.text(Lang::En))
        .expect("the dialog says what happened");
    assert!(
        said.contains(&refusing.display().to_string())
            || said.contains(&target.display().to_string()),
        "the message names where: {said}"
    );
    // The reason is the system's own, whatever it is here: permission
    // denied, or a read-only file system (/sys in a container).
    let reason = std::fs::File::create(&target).expect_err("the folder refuses");
    let reason = reason.to_string();
    let reason = reason.split(" (os error").next().unwrap_or(&reason);
    assert!(
        said.contains(reason),
        "the message says why ({reason}): {said}"
    );
    assert!(
        matches!(harness.state().dialog, Some(Dialog::Export(_))),
        "the dialog stays, with its choices"
    );
    assert!(
        harness.query_all_by_label_contains(&said).next().is_some(),
        "and shows it"
    );
}
