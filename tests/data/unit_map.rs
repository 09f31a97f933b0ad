//! Issue 27, point 4: the map by responsible unit. Lead units are a field
//! of their own (checked: known ids, each among the node's units), never
//! guessed; the unit map counts each unit's measures per plan, lists them
//! lead first with the plan's deadlines, and is a chart like the others
//! (scene, CSV, words).

use std::collections::BTreeSet;

use crate::common::{messages, minimal};

use plan_explorer::chart::{self, ChartView, Page, Paper, Preset};
use plan_explorer::dataset::{self, Dataset, UnitIx};
use plan_explorer::i18n::Lang;
use plan_explorer::view::charts::ChartId;
use plan_explorer::view::themes::{MapRows, RowKey, ThemeMatrix, ThemeOrder, cell_hover};
use serde_json::json;

fn builtin() -> Dataset {
    dataset::load_embedded().dataset.expect("valid")
}

/// The minimal dataset with a second unit, the measure naming both and
/// `lead` as its lead units.
fn with_lead(lead: serde_json::Value) -> serde_json::Value {
    let mut data = minimal();
    data["units"] = json!([
        {"id": "sh-health", "name": "Municipal Commission of Health"},
        {"id": "sh-data", "name": "Municipal Data Bureau", "name_zh": "市数据局"}
    ]);
    let measure = &mut data["plans"][0]["nodes"][0]["children"][0];
    measure["units"] = json!(["sh-health", "sh-data"]);
    measure["lead_units"] = lead;
    data
}

#[test]
fn a_lead_unit_comes_first_and_is_marked_only_where_the_document_names_it() {
    let loaded = dataset::load_str(&with_lead(json!(["sh-data"])).to_string());
    assert!(loaded.problems.is_empty(), "{:?}", messages(&loaded));
    let data = loaded.dataset.expect("valid");
    let node = data.node(data.node_by_id("m-1").expect("m-1"));
    assert_eq!(node.units, [UnitIx(0), UnitIx(1)]);
    assert_eq!(node.lead_units, [UnitIx(1)]);
    assert_eq!(node.units_lead_first(), [UnitIx(1), UnitIx(0)]);
    // The details panel and the briefing name them so.
    assert_eq!(
        plan_explorer::view::themes::units_line(&data, node, Lang::En),
        "Municipal Data Bureau (市数据局) (lead); Municipal Commission of Health"
    );
    let matrix = ThemeMatrix::units(&data);
    // The theme-map-like hover of the health row: the data bureau leads.
    let health = cell_hover(&data, &matrix, 0, 0, Lang::En);
    assert!(
        health.contains("A measure — with Municipal Data Bureau (市数据局) (lead)"),
        "{health}"
    );
    let bureau = cell_hover(&data, &matrix, 1, 0, Lang::Zh);
    assert!(bureau.contains("（牵头）"), "{bureau}");

    // Without the field, no unit is called the lead, whatever its place.
    let mut plain = with_lead(json!(null));
    plain["plans"][0]["nodes"][0]["children"][0]
        .as_object_mut()
        .expect("an object")
        .remove("lead_units");
    let data = dataset::load_str(&plain.to_string())
        .dataset
        .expect("valid");
    let node = data.node(data.node_by_id("m-1").expect("m-1"));
    assert!(node.lead_units.is_empty());
    assert_eq!(node.units_lead_first(), node.units);
    let matrix = ThemeMatrix::units(&data);
    for lang in Lang::ALL {
        for row in 0..2 {
            let hover = cell_hover(&data, &matrix, row, 0, lang);
            assert!(
                !hover.contains("lead") && !hover.contains("牵头"),
                "{hover}"
            );
        }
    }
}

#[test]
fn a_lead_unit_that_is_unknown_or_not_responsible_is_located() {
    let mut data = with_lead(json!(["sh-nobody"]));
    data["plans"][0]["nodes"][0]["children"][0]["units"] = json!(["sh-health"]);
    let loaded = dataset::load_str(&data.to_string());
    let got = messages(&loaded);
    assert!(
        got.iter()
            .any(|g| g == "plans[0].nodes[0].children[0].lead_units[0]: unknown unit \"sh-nobody\""),
        "{got:#?}"
    );
    let mut data = with_lead(json!(["sh-data"]));
    data["plans"][0]["nodes"][0]["children"][0]["units"] = json!(["sh-health"]);
    let loaded = dataset::load_str(&data.to_string());
    assert!(loaded.dataset.is_none(), "an error, not a warning");
    let got = messages(&loaded);
    assert!(
        got.iter().any(|g| g
            == "plans[0].nodes[0].children[0].lead_units: lead unit \"sh-data\" is not among the node's \"units\""),
        "{got:#?}"
    );
    let problem = loaded
        .problems
        .iter()
        .find(|p| p.kind.code() == "lead_not_responsible")
        .expect("its code");
    assert_eq!(
        problem.kind.text(Lang::Zh),
        "牵头单位“sh-data”不在该条目的“units”之中"
    );
}

#[test]
fn the_built_in_documents_name_no_lead_unit_so_none_is_guessed() {
    let data = builtin();
    assert!(data.nodes.iter().all(|n| n.lead_units.is_empty()));
}

/// The counts, worked out from the nodes rather than from the units' lists.
#[test]
fn the_unit_map_counts_each_units_measures_per_plan() {
    let data = builtin();
    let matrix = ThemeMatrix::units(&data);
    assert_eq!(matrix.rows_are, MapRows::Units);
    assert_eq!(matrix.rows.len(), data.units.len());
    assert_eq!(matrix.plans.len(), data.plans.len());
    let mut nonempty = 0;
    for (r, row) in matrix.rows.iter().enumerate() {
        let RowKey::Unit(unit) = row.key else {
            panic!("a unit's row");
        };
        assert_eq!(unit.index(), r);
        for (c, cell) in row.cells.iter().enumerate() {
            let want: Vec<usize> = data
                .nodes
                .iter()
                .enumerate()
                .filter(|(_, n)| n.plan.index() == c && n.units.contains(&unit))
                .map(|(i, _)| i)
                .collect();
            let got: Vec<usize> = cell.iter().map(|n| n.index()).collect();
            assert_eq!(got, want, "unit {r} plan {c}");
            nonempty += usize::from(!cell.is_empty());
        }
        assert_eq!(row.total, row.cells.iter().map(Vec::len).sum::<usize>());
    }
    assert!(nonempty > 5, "the built-in map has cells: {nonempty}");
    for (c, &total) in matrix.column_totals.iter().enumerate() {
        let want = data
            .nodes
            .iter()
            .filter(|n| n.plan.index() == c && !n.units.is_empty())
            .count();
        assert_eq!(total, want);
    }
    // By total, most first.
    let order = matrix.order(ThemeOrder::Total);
    assert!(
        order
            .windows(2)
            .all(|w| matrix.rows[w[0]].total >= matrix.rows[w[1]].total)
    );
}

/// A cell's deadline is the earliest its measures' targets give; the hover
/// says each measure's.
#[test]
fn a_deadline_shows_where_the_plan_gives_one() {
    let data = builtin();
    let matrix = ThemeMatrix::units(&data);
    let mut seen = 0;
    for (r, row) in matrix.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let years: Vec<i32> = cell
                .iter()
                .flat_map(|&n| data.node(n).figures.iter())
                .filter_map(|f| match f {
                    plan_explorer::dataset::FigureRef::Target(t) => {
                        data.targets[t.index()].deadline_year
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(row.deadlines[c], years.iter().min().copied());
            if let Some(year) = row.deadlines[c] {
                seen += 1;
                let hover = cell_hover(&data, &matrix, r, c, Lang::En);
                assert!(hover.contains(&format!("by {year}")), "{hover}");
                let text = chart::themes::cell_text(Lang::Zh, &matrix, r, c);
                assert_eq!(text, format!("{} · {year}年", cell.len()));
            } else {
                assert_eq!(
                    chart::themes::cell_text(Lang::En, &matrix, r, c),
                    cell.len().to_string()
                );
            }
        }
    }
    assert!(seen > 0, "some built-in cell has a deadline");
}

#[test]
fn a_selected_measure_lights_its_units_cells() {
    let data = builtin();
    let matrix = ThemeMatrix::units(&data);
    let (ix, node) = data
        .nodes
        .iter()
        .enumerate()
        .find(|(_, n)| n.units.len() > 1)
        .expect("a measure with two units");
    let lit = matrix.lit(
        &data,
        Some(plan_explorer::selection::Item::Node(
            plan_explorer::dataset::NodeIx(u32::try_from(ix).expect("small")),
        )),
    );
    let want: std::collections::HashSet<(usize, usize)> = node
        .units
        .iter()
        .map(|u| (u.index(), node.plan.index()))
        .collect();
    assert_eq!(lit, want);
}

#[test]
fn the_unit_map_is_a_chart_scene_csv_and_words_in_both_languages() {
    let data = builtin();
    let hidden = BTreeSet::new();
    let page = Page::of(Preset::Slide, Paper::Light);
    let matrix = ThemeMatrix::units(&data);
    let en = chart::scene(
        &ChartView::new(&data, ChartId::Units, &hidden, Lang::En),
        &page,
    );
    assert!(
        en.title.contains("responsible units across"),
        "{}",
        en.title
    );
    let texts: Vec<&str> = en.texts().map(|t| t.text.as_str()).collect();
    assert!(texts.contains(&"Responsible unit"), "{texts:?}");
    assert!(texts.contains(&"Measures with a unit"), "{texts:?}");
    let cells = en
        .hits
        .iter()
        .filter(|h| matches!(h.target, chart::scene::Target::ThemeCell { .. }))
        .count();
    assert!(cells > 5, "{cells} cells");
    let zh = chart::scene(
        &ChartView::new(&data, ChartId::Units, &hidden, Lang::Zh),
        &page,
    );
    assert!(zh.title.contains("个责任单位"), "{}", zh.title);
    assert!(zh.texts().any(|t| t.text == "责任单位"));
    // The CSV: a row per unit and plan with measures, with its deadline.
    let csv = plan_explorer::view::table::units_csv(&data, ThemeOrder::Total).expect("csv");
    let csv = String::from_utf8(csv).expect("UTF-8");
    let mut lines = csv.lines();
    assert_eq!(
        lines
            .next()
            .expect("a header")
            .trim_start_matches('\u{feff}'),
        "unit,unit_zh,plan,measures,leads,earliest_deadline,measure_ids"
    );
    let cell_rows = csv
        .lines()
        .filter(|l| !l.contains("(all plans)") && !l.starts_with("(any unit)"))
        .count()
        - 1;
    let nonempty: usize = matrix
        .rows
        .iter()
        .map(|r| r.cells.iter().filter(|c| !c.is_empty()).count())
        .sum();
    assert_eq!(cell_rows, nonempty);
    assert!(csv.lines().any(|l| l.contains(",2030,")), "a deadline");
    // The words a screen reader hears.
    let words = plan_explorer::view::describe::chart_description(
        &data,
        ChartId::Units,
        Lang::En,
        plan_explorer::view::amount::Convention::International,
    );
    assert!(
        words.starts_with(&format!(
            "Matrix of {} responsible units by {} plans",
            data.units.len(),
            data.plans.len()
        )),
        "{words}"
    );
    // The keyboard's marks: every cell with a measure, a row per unit
    // with any.
    let order = matrix.order(ThemeOrder::Total);
    let marks = plan_explorer::view::marks::theme_marks(&matrix, &order);
    assert_eq!(
        marks.rows(),
        matrix.rows.iter().filter(|r| r.total > 0).count()
    );
    for (r, row) in matrix.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            assert_eq!(marks.find((r, c)).is_some(), !cell.is_empty(), "{r} {c}");
        }
    }
}
