//! Across the plans: the theme map (themes by plans, each cell the measures
//! of a plan with a theme) and the timeline (periods, deadlines, dated
//! figures, the edition), as data, as pictures and CSV, and in the window
//! through AccessKit.

use crate::common;

use std::collections::HashSet;

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use plan_explorer::dataset::{Dataset, FigureRef};
use plan_explorer::selection::Item;
use plan_explorer::ui::{AppState, DocCommand, SessionCommand};
use plan_explorer::view::charts::ChartId;
use plan_explorer::view::themes::{RowKey, ThemeMatrix, ThemeOrder, cell_hover};
use plan_explorer::view::timeline::{MarkKind, Timeline, date_position};

fn fig(data: &Dataset, id: &str) -> FigureRef {
    data.figure_by_id(id)
        .unwrap_or_else(|| panic!("the figure {id}"))
}

use crate::common::data;

#[test]
fn each_cell_counts_its_plans_measures_with_its_theme_and_the_totals_count_each_once() {
    let data = data();
    let matrix = ThemeMatrix::new(&data);
    assert_eq!(matrix.plans.len(), data.plans.len());
    assert_eq!(matrix.rows.len(), data.themes.len());
    for (r, row) in matrix.rows.iter().enumerate() {
        for (c, &plan) in matrix.plans.iter().enumerate() {
            let expected: Vec<_> = data
                .nodes
                .iter()
                .filter(|n| {
                    n.plan == plan && matches!(row.key, RowKey::Theme(t) if n.themes.contains(&t))
                })
                .map(|n| n.id.as_str())
                .collect();
            let got: Vec<_> = matrix
                .cell(r, c)
                .iter()
                .map(|&n| data.node(n).id.as_str())
                .collect();
            assert_eq!(got, expected, "{:?} in {}", row.key, plan.index());
        }
        let RowKey::Theme(theme) = row.key else {
            panic!("a theme's row");
        };
        assert_eq!(row.total, data.themes[theme.index()].nodes.len());
    }
    // A plan's total counts a measure with two themes once.
    for (c, &plan) in matrix.plans.iter().enumerate() {
        let with_theme = data
            .nodes
            .iter()
            .filter(|n| n.plan == plan && !n.themes.is_empty())
            .count();
        assert_eq!(matrix.column_totals[c], with_theme);
    }
    assert_eq!(
        matrix.total,
        data.nodes.iter().filter(|n| !n.themes.is_empty()).count()
    );
    // The Medical AI plan's 45 measures all carry the Medical AI theme.
    let medical = data.theme_by_id("medical-ai").expect("the theme").index();
    let plan = data
        .plan_by_id("medical-ai-2025")
        .expect("the plan")
        .index();
    assert_eq!(matrix.cell(medical, plan).len(), 45);
    assert_eq!(matrix.max_cell, 45);
}

#[test]
fn rows_sort_by_total_or_as_listed_and_a_selection_lights_its_cells() {
    let data = data();
    let matrix = ThemeMatrix::new(&data);
    let by_total = matrix.order(ThemeOrder::Total);
    let totals: Vec<usize> = by_total.iter().map(|&r| matrix.rows[r].total).collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
    let listed = matrix.order(ThemeOrder::Dataset);
    assert_eq!(listed.to_vec(), (0..matrix.rows.len()).collect::<Vec<_>>());
    // A measure lights one cell per theme, in its plan's column.
    let node = data
        .node_by_id("ind-silver-one-click")
        .expect("the measure");
    let lit = matrix.lit(&data, Some(Item::Node(node)));
    let expected: HashSet<(usize, usize)> = data
        .node(node)
        .themes
        .iter()
        .map(|t| (t.index(), data.node(node).plan.index()))
        .collect();
    assert_eq!(lit, expected);
    assert!(!lit.is_empty());
    // A plan lights its column's cells.
    let plan = data.plan_by_id("future-industries").expect("the plan");
    let lit = matrix.lit(&data, Some(Item::Plan(plan)));
    assert!(lit.iter().all(|&(_, c)| c == plan.index()));
    assert_eq!(
        lit.len(),
        matrix
            .rows
            .iter()
            .filter(|r| !r.cells[plan.index()].is_empty())
            .count()
    );
}

#[test]
fn a_cells_hover_lists_its_measures_with_their_units() {
    let data = data();
    let matrix = ThemeMatrix::new(&data);
    let elderly = data.theme_by_id("elderly-care").expect("the theme").index();
    let plan = data.plan_by_id("fyp15-industry").expect("the plan").index();
    let text = cell_hover(&data, &matrix, elderly, plan, plan_explorer::i18n::Lang::En);
    let lines: Vec<&str> = text.lines().collect();
    let count = matrix.cell(elderly, plan).len();
    assert!(lines[0].ends_with(&format!("{count} measures")), "{text}");
    assert_eq!(lines.len(), 1 + count, "{text}");
    assert!(text.contains("One-click elderly service"), "{text}");
    assert!(text.contains("Shanghai Civil Affairs Bureau"), "{text}");
}

#[test]
fn the_timeline_places_periods_deadlines_facts_funds_and_the_edition() {
    let data = data();
    let timeline = Timeline::new(&data);
    // A row per plan, then one for the fact no plan's measure holds.
    assert_eq!(timeline.rows.len(), data.plans.len() + 1);
    assert!(timeline.rows.last().is_some_and(|r| r.plan.is_none()));
    let row_of = |id: &str| {
        let plan = data.plan_by_id(id).expect("the plan");
        timeline
            .rows
            .iter()
            .position(|r| r.plan == Some(plan))
            .expect("a row")
    };
    let industry = &timeline.rows[row_of("fyp15-industry")];
    assert_eq!((industry.start, industry.end), (Some(2026.0), Some(2031.0)));
    let future = &timeline.rows[row_of("future-industries")];
    assert_eq!((future.start, future.end), (None, Some(2036.0)));
    assert_eq!(future.undated_targets.len(), 11);
    // The 500-billion target sits at the end of 2030, with its progress:
    // the series that carries it has no actual figure yet.
    let output = fig(&data, "t-fi-output-2030");
    let mark = &timeline.marks[timeline.mark_of(output).expect("placed")];
    assert_eq!(
        (mark.at, mark.kind, mark.date.as_str()),
        (2031.0, MarkKind::Target, "2030")
    );
    let progress = mark.progress.as_ref().expect("a matching series");
    assert_eq!(
        data.series[progress.series.index()].id,
        "future-industries-output"
    );
    assert_eq!((progress.latest, progress.share), (None, None));
    // The city's 2026 growth target is a point of its series, not a plan's
    // target (issue 26): the timeline places no target for it.
    assert!(data.figure_by_id("t-gdp-growth-2026").is_none());
    // A target no series carries has no progress.
    let factories = fig(&data, "t-ind-smart-factories");
    let mark = &timeline.marks[timeline.mark_of(factories).expect("placed")];
    assert_eq!(
        mark.figures.len(),
        3,
        "three targets fall due in 2030 in that plan"
    );
    assert!(mark.progress.is_none());
    // Facts as of 2026-02, on their measures' plan's row; funds at their
    // document's date.
    let models = fig(&data, "fact-registered-ai-models");
    let mark = &timeline.marks[timeline.mark_of(models).expect("placed")];
    assert_eq!((mark.kind, mark.date.as_str()), (MarkKind::Fact, "2026-02"));
    assert!((mark.at - (2026.0 + 1.5 / 12.0)).abs() < 1e-9);
    assert_eq!(mark.row, row_of("fyp15-industry"));
    let fund = fig(&data, "fund-national-ai");
    let mark = &timeline.marks[timeline.mark_of(fund).expect("placed")];
    assert_eq!(
        (mark.kind, mark.date.as_str()),
        (MarkKind::Fund, "2026-02-07")
    );
    // The edition is "now"; the span covers every period.
    assert_eq!(timeline.now, date_position("2026-02-07"));
    assert_eq!(timeline.span, (2025, 2035));
}

#[test]
fn dates_are_placed_in_the_middle_of_what_they_name() {
    assert_eq!(date_position("2030"), Some(2030.5));
    assert_eq!(date_position("2026-02"), Some(2026.0 + 1.5 / 12.0));
    let day = date_position("2026-02-07").expect("a date");
    assert!((day - (2026.0 + 1.0 / 12.0 + 6.5 / 365.0)).abs() < 1e-9);
    assert_eq!(date_position("soon"), None);
    assert_eq!(date_position("2026-xx"), None);
}

/// Runs `plan-explorer export` with `args`.
fn run(args: &[&str]) -> std::process::Output {
    crate::common::run_command("export", args)
}

#[test]
fn both_charts_export_as_csv_and_pictures_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("themes.csv");
    let output = run(&["--chart", "themes", "--out", csv.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let bytes = std::fs::read(&csv).expect("reads");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let medical = rows
        .iter()
        .find(|r| &r[0] == "Medical AI" && r[2].starts_with("Working Plan"))
        .expect("the Medical AI cell");
    assert_eq!(&medical[3], "45");
    assert_eq!(medical[4].split(' ').count(), 45);
    let total = rows
        .iter()
        .find(|r| &r[0] == "(any theme)" && r[2].starts_with("Working Plan"))
        .expect("the plan's total");
    assert_eq!(&total[3], "45");

    let csv = dir.path().join("timeline.csv");
    let output = run(&["--chart", "timeline", "--out", csv.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let bytes = std::fs::read(&csv).expect("reads");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let periods = rows.iter().filter(|r| &r[1] == "period").count();
    assert_eq!(periods, 5);
    // The 500-billion output target has a matching series, with no
    // actual figure yet.
    let output = rows
        .iter()
        .find(|r| {
            &r[1] == "target"
                && r[3].starts_with("Total output value of the industries of the future")
        })
        .expect("the output target");
    assert_eq!((&output[8], &output[9]), ("", ""));
    let facts = rows.iter().filter(|r| &r[1] == "fact").count();
    assert_eq!(facts, 9, "every fact has a date");

    for chart in ["themes", "timeline"] {
        for lang in ["en", "zh"] {
            let svg = dir.path().join(format!("{chart}-{lang}.svg"));
            let output = run(&[
                "--chart",
                chart,
                "--lang",
                lang,
                "--out",
                svg.to_str().expect("UTF-8"),
            ]);
            assert_eq!(output.status.code(), Some(0), "{output:?}");
            let text = std::fs::read_to_string(&svg).expect("reads");
            let title = if lang == "en" {
                if chart == "themes" {
                    "42 themes across 5 plans"
                } else {
                    "5 plans from 2025 to 2035"
                }
            } else if chart == "themes" {
                "42个主题分布于5项规划"
            } else {
                "5项规划（2025—2035年）"
            };
            assert!(text.contains(title), "{chart} {lang}: no title {title}");
        }
    }
}

fn harness(state: AppState) -> crate::common::Window {
    common::window(state)
}

#[test]
fn clicking_a_theme_cell_shows_its_measures_in_the_tree() {
    let mut state = AppState::open(None).expect("opens");
    state.apply(SessionCommand::ShowChart(ChartId::Themes));
    let mut harness = harness(state);
    let cell = "Medical AI · Working Plan of Shanghai Municipality for the Development of \
                Medical Artificial Intelligence (2025-2027): 45";
    harness.get_by_label(cell).click();
    harness.run();
    let state = harness.state();
    let data = &state.doc.dataset;
    let theme = data.theme_by_id("medical-ai").expect("the theme");
    let plan = data.plan_by_id("medical-ai-2025").expect("the plan");
    assert_eq!(
        state.doc.filter.themes.iter().copied().collect::<Vec<_>>(),
        [theme]
    );
    assert_eq!(
        state.doc.filter.plans.iter().copied().collect::<Vec<_>>(),
        [plan]
    );
    assert_eq!(state.doc.tree.match_count, 45);
    // Sorting as listed is a button, and remembered in the session.
    harness.get_by_label("As listed").click();
    harness.run();
    assert_eq!(harness.state().session.theme_order, ThemeOrder::Dataset);
}

#[test]
fn a_selected_measure_lights_its_cells_and_a_timeline_mark_selects_its_figure() {
    let mut state = AppState::open(None).expect("opens");
    let node = state
        .doc
        .dataset
        .node_by_id("ind-silver-one-click")
        .expect("the measure");
    state.apply(DocCommand::Select(Item::Node(node)));
    state.apply(SessionCommand::ShowChart(ChartId::Themes));
    let mut harness = harness(state);
    let lit = harness
        .query_all_by_label_contains("Elderly care · 15th Five-Year Plan measures")
        .next()
        .expect("the Elderly care cell of the plan");
    assert!(
        lit.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True),
        "the cell is lit"
    );
    let unlit = harness
        .query_all_by_label_contains("Medical AI · Working Plan")
        .next()
        .expect("another cell");
    assert!(unlit.accesskit_node().toggled() != Some(egui::accesskit::Toggled::True));

    harness
        .state_mut()
        .apply(SessionCommand::ShowChart(ChartId::Timeline));
    harness.run();
    harness
        .get_by_label("Total output value of the industries of the future · 2030")
        .click();
    harness.run();
    let target = fig(&harness.state().doc.dataset, "t-fi-output-2030");
    assert_eq!(harness.state().doc.selected(), Some(Item::Figure(target)));
    // Three targets at one place: a click selects the first, the next
    // click the second.
    let group = "Advanced smart factories; Industrial robot application density; \
                 Sub-sectors (细分赛道) of at least 100 billion yuan each · 2030";
    harness.get_by_label(group).click();
    harness.run();
    let first = harness.state().doc.selected();
    harness.get_by_label(group).click();
    harness.run();
    let second = harness.state().doc.selected();
    assert_ne!(first, second);
    let density = fig(&harness.state().doc.dataset, "t-ind-robot-density");
    assert_eq!(second, Some(Item::Figure(density)));
    // The edition's line and the progress line are there to read.
    assert!(harness.query_by_label("Edition 2026-02-07").is_some());
    assert!(
        harness
            .query_by_label_contains(
                "Progress, Total output value of the industries of the future: no actual figure yet"
            )
            .is_some()
    );
}

#[test]
fn a_matrix_of_200_themes_by_50_plans_scrolls_and_keeps_its_headings_in_view() {
    let text = plan_explorer::synth::generate_shaped(
        plan_explorer::synth::SynthOptions {
            measures: 10_000,
            seed: 3,
        },
        plan_explorer::synth::Shape {
            plans: Some(50),
            themes: 200,
        },
    );
    let data = plan_explorer::dataset::load_str(&text)
        .dataset
        .expect("the wide synthetic dataset is valid");
    assert_eq!(
        (data.plans.len(), data.themes.len(), data.nodes.len()),
        (50, 200, 10_000)
    );
    let mut state = AppState::new(data);
    state.apply(SessionCommand::ShowChart(ChartId::Themes));
    state.apply(SessionCommand::SortThemes(ThemeOrder::Dataset));
    let mut harness = harness(state);
    // Only what is in view is drawn: the first plan's heading (beside its
    // row in the tree) and the first theme are there, the 150th theme not.
    let plan_0 =
        |harness: &crate::common::Window| harness.query_all_by_label("Synthetic plan 0").count();
    assert_eq!(plan_0(&harness), 2);
    assert!(harness.query_by_label("Theme 0").is_some());
    assert!(harness.query_by_label("Theme 150").is_none());
    // Scroll a long way down over the grid.
    let over_grid = harness.get_by_label("Theme 0").rect().center();
    for _ in 0..30 {
        harness
            .input_mut()
            .events
            .push(egui::Event::PointerMoved(over_grid));
        harness.input_mut().events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    // The hover's tooltip fades in over a few frames.
    harness.run_steps(8);
    // The top rows have gone by; the plans' headings are still in view.
    assert!(harness.query_by_label("Theme 0").is_none());
    assert_eq!(plan_0(&harness), 2);
    // ... and on screen, above the rows.
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    for heading in harness.query_all_by_label("Synthetic plan 0") {
        assert!(screen.contains_rect(heading.rect()), "{:?}", heading.rect());
    }
    let heading_bottom = harness
        .query_all_by_label("Synthetic plan 0")
        .map(|n| n.rect().bottom())
        .fold(0.0, f32::max);
    let first_row_top = (100..200)
        .filter_map(|t| {
            harness
                .query_by_label(&format!("Theme {t}"))
                .map(|n| n.rect().top())
        })
        .fold(f32::INFINITY, f32::min);
    assert!(
        heading_bottom <= first_row_top + 1.0,
        "{heading_bottom} {first_row_top}"
    );
    assert!(
        (100..200).any(|t| harness.query_by_label(&format!("Theme {t}")).is_some()),
        "a theme far down is in view"
    );
}

/// The unit map, as a bureau reads it: a chart in the picker, its cells
/// named "unit · plan: count (· deadline)"; a click shows the unit's
/// measures of the plan in the tree; in Chinese its words are Chinese.
#[test]
fn clicking_a_unit_cell_shows_the_units_measures_in_the_tree_in_either_language() {
    let mut state = AppState::open(None).expect("opens");
    state.session.system_lang = plan_explorer::i18n::Lang::En;
    let mut harness = harness(state);
    harness.get_by_label("Units").click();
    harness.run();
    assert_eq!(harness.state().session.settings.chart, ChartId::Units);
    let state = harness.state();
    let data = state.doc.dataset.clone();
    let matrix = state.doc.units.clone();
    // The unit with the most measures, in its fullest plan.
    let r = matrix.order(ThemeOrder::Total)[0];
    let c = (0..matrix.plans.len())
        .max_by_key(|&c| matrix.cell(r, c).len())
        .expect("a plan");
    let RowKey::Unit(unit) = matrix.rows[r].key else {
        panic!("a unit's row");
    };
    let lang = plan_explorer::i18n::Lang::En;
    let name = plan_explorer::view::localized_name(lang, &data.units[unit.index()]);
    let plan = plan_explorer::view::plan_title(lang, &data, matrix.plans[c]);
    let count = plan_explorer::chart::themes::cell_text(lang, &matrix, r, c);
    let label = format!("{name} · {plan}: {count}");
    harness.get_by_label(&label).click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        state.doc.filter.units.iter().copied().collect::<Vec<_>>(),
        [unit]
    );
    assert_eq!(
        state.doc.filter.plans.iter().copied().collect::<Vec<_>>(),
        [matrix.plans[c]]
    );
    assert_eq!(state.doc.tree.match_count, matrix.cell(r, c).len());
    // Clicking the unit's name shows all its measures.
    harness.get_by_label(&name).click();
    harness.run();
    let state = harness.state();
    assert!(state.doc.filter.plans.is_empty());
    assert_eq!(state.doc.tree.match_count, matrix.rows[r].total);

    harness
        .state_mut()
        .apply(SessionCommand::SetLang(plan_explorer::i18n::Lang::Zh));
    harness.run();
    let texts = common::painted_texts(&harness);
    assert!(texts.iter().any(|t| t == "责任单位"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t == "有责任单位的措施"),
        "the totals' row in Chinese"
    );
    assert!(harness.query_all_by_label("责任单位").next().is_some());
}
