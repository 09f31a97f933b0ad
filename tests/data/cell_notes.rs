//! Notes on a map's cells as data: in a view file (format version 2, only
//! when a view has one), laid out on the theme map and the unit map at
//! every page size (the cell ringed, the note right of the table, its
//! leader along the line between two rows, covering no cell, no count and
//! no other text), followed when the page changes, and said when the cell's
//! row or plan no longer exists, or when the note is on the wrong chart.

use std::collections::BTreeSet;
use std::path::Path;

use plan_explorer::chart::scene::{Bounds, Item, Role, Scene, Shape};
use plan_explorer::chart::{self, ChartView, Page, Paper};
use plan_explorer::dataset::Dataset;
use plan_explorer::i18n::Lang;
use plan_explorer::view::amount::Convention;
use plan_explorer::view::annotations::{Annotation, Cell, CellRow, Fault};
use plan_explorer::view::charts::ChartId;
use plan_explorer::view::kept::{self, ChartNotes};
use plan_explorer::view::saved::{self, Named, Resolved, ViewNote};
use plan_explorer::view::themes::ThemeOrder;
use plan_explorer::view::tree::TreeFilter;

fn data() -> Dataset {
    plan_explorer::dataset::load_embedded()
        .dataset
        .expect("the built-in dataset is valid")
}

fn earlier_edition() -> Dataset {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/editions/shanghai_plans-2025-12-31.json");
    plan_explorer::dataset::load_str(&std::fs::read_to_string(path).expect("the edition"))
        .dataset
        .expect("the earlier edition is valid")
}

fn cell_note(row: CellRow, plan: &str, text: &str) -> Annotation {
    Annotation::CellNote {
        row,
        plan: plan.into(),
        text: text.to_owned(),
    }
}

/// A view of `chart` on `data` with `annotations`, as the window saves it.
fn view_of(data: &Dataset, chart: ChartId, annotations: &[Annotation]) -> saved::ViewFile {
    saved::capture(
        "Cells",
        &saved::Shown {
            dataset: data,
            file: None,
            chart,
            filter: &TreeFilter::default(),
            open: &[],
            selected: None,
            hidden: &BTreeSet::new(),
            funds_log: true,
            targets_sort: (plan_explorer::view::charts::TargetColumn::Deadline, true),
            theme_order: ThemeOrder::Total,
            lang: Lang::En,
            convention: Convention::International,
            annotations,
        },
    )
}

fn reopen(view: &saved::ViewFile, data: &Dataset) -> Resolved {
    let read = saved::parse(&view.to_json(), Path::new("v.view.json")).expect("reads back");
    saved::resolve(&read, data, &[])
}

/// `view` drawn on a light page of `width` by `height` points.
fn light_scene(data: &Dataset, view: &Resolved, width: f32, height: f32) -> Scene {
    let page = Page {
        width,
        height,
        theme: Paper::Light,
    };
    chart::scene(&ChartView::of_view(data, view), &page)
}

const PAGES: [(f32, f32); 6] = [
    (960.0, 540.0),
    (510.0, 360.0),
    (600.0, 600.0),
    (1600.0, 1000.0),
    (1280.0, 720.0),
    (420.0, 320.0),
];

/// The note's parts in `scene`: the ring round the cell, the leader, the
/// box, each as drawn (the last note drawn).
struct Drawn {
    ring: Bounds,
    leader: ((f32, f32), (f32, f32)),
    spot: Bounds,
}

fn drawn(scene: &Scene) -> Drawn {
    // The ring, then the leader, then the box, then the words.
    let shapes: Vec<(usize, Bounds, bool)> = scene
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Item::Shape(shape) if shape.stroke.is_some() && !shape.is_mark => match shape.shape {
                Shape::Rect(b) => Some((i, b, shape.fill.is_none())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let &(box_at, spot, _) = shapes.last().expect("a note's box");
    let Item::Line(leader) = &scene.items[box_at - 1] else {
        panic!("a leader before the box");
    };
    let &(_, ring, unfilled) = shapes
        .iter()
        .rev()
        .find(|(i, _, _)| *i == box_at - 2)
        .expect("a ring before the leader");
    assert!(unfilled, "the ring covers nothing: it is an outline");
    Drawn {
        ring,
        leader: (leader.points[0], leader.points[1]),
        spot,
    }
}

/// What is wrong with a cell note on `scene` pointing at the cell `cell`
/// (its box): every rule the issue sets, as words.
fn problems(scene: &Scene, cell: Bounds) -> Vec<String> {
    let mut out: Vec<String> = scene
        .overlapping_texts()
        .into_iter()
        .map(|(a, b)| format!("\"{a}\" overlaps \"{b}\""))
        .collect();
    if !scene.left_out.is_empty() {
        out.push(format!("left out: {:?}", scene.left_out));
        return out;
    }
    let note = drawn(scene);
    let table = scene.cells.as_ref().expect("a map's cells").table;
    if note.spot.overlaps(&table) {
        out.push(format!(
            "the note {:?} stands on the table {table:?}",
            note.spot
        ));
    }
    if !scene.page().contains(&note.spot) {
        out.push("the note leaves the page".to_owned());
    }
    if note.ring != cell {
        out.push(format!("the ring {:?} is not the cell {cell:?}", note.ring));
    }
    // Along a row's line from the box's side to the cell's right edge, or
    // along a column's line from the box's top to the cell's foot.
    let ((x0, y0), (x1, y1)) = note.leader;
    let near = |a: f32, b: f32| (a - b).abs() < 1e-3;
    let along_row = near(y0, y1)
        && (near(y0, cell.y0) || near(y0, cell.y1))
        && near(x0, note.spot.x0)
        && near(x1, cell.x1);
    let along_column = near(x0, x1)
        && (near(x0, cell.x0) || near(x0, cell.x1))
        && near(y0, note.spot.y0)
        && near(y1, cell.y1);
    if !along_row && !along_column {
        out.push(format!(
            "the leader {:?} does not run along the cell's row or column line from the box {:?}",
            note.leader, note.spot
        ));
    }
    // No text but the note's own under the box or across the leader.
    for text in scene.texts().filter(|t| t.role != Role::Note) {
        let bounds = text.bounds();
        if bounds.overlaps(&note.spot) {
            out.push(format!("the note covers \"{}\"", text.text));
        }
        if bounds.crosses_segment(note.leader.0, note.leader.1) && !cell.contains(&bounds) {
            out.push(format!("the leader crosses \"{}\"", text.text));
        }
    }
    out
}

/// The box of `cell` in the scene.
fn cell_box(scene: &Scene, cell: Cell) -> Bounds {
    scene
        .cells
        .as_ref()
        .and_then(|m| m.cells.iter().find(|(c, _)| *c == cell))
        .map(|&(_, b)| b)
        .expect("the noted cell is laid out")
}

#[test]
fn a_cell_note_is_drawn_on_both_maps_at_every_size_covering_nothing() {
    let data = data();
    let notes = [
        (
            ChartId::Units,
            cell_note(
                CellRow::Unit("mc-health".into()),
                "medical-ai-2025",
                "25 measures, the first due in 2027",
            ),
        ),
        (
            ChartId::Units,
            cell_note(
                CellRow::Unit("mc-sci-tech".into()),
                "frontier-tech",
                "科委的前沿技术措施",
            ),
        ),
        (
            ChartId::Themes,
            cell_note(
                CellRow::Theme("medical-ai".into()),
                "medical-ai-2025",
                "The plan's heart",
            ),
        ),
    ];
    let mut failures = Vec::new();
    for (chart, note) in &notes {
        let cell = note.cell(&data).expect("the cell exists");
        let mut view = reopen(&view_of(&data, *chart, std::slice::from_ref(note)), &data);
        assert!(view.notes.is_empty(), "{:?}", view.notes);
        crate::annotations::every_picture(&data, &mut view, &PAGES, |at, scene| {
            let at = format!("{chart:?} {at}");
            if !scene.left_out.is_empty() {
                failures.push(format!("{at}: left out {:?}", scene.left_out));
                return;
            }
            for problem in problems(scene, cell_box(scene, cell)) {
                failures.push(format!("{at}: {problem}"));
            }
            let words: String = scene.notes().map(|t| t.text.as_str()).collect();
            let squeezed = |s: &str| s.split_whitespace().collect::<String>();
            if squeezed(&words) != squeezed(note.words()) {
                failures.push(format!("{at}: the words drawn are {words:?}"));
            }
        });
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_cell_note_follows_its_cell_when_the_page_changes() {
    let data = data();
    let note = cell_note(
        CellRow::Unit("mc-health".into()),
        "medical-ai-2025",
        "Progress report due",
    );
    let cell = note.cell(&data).expect("the cell");
    let view = reopen(&view_of(&data, ChartId::Units, &[note]), &data);
    let mut seen = Vec::new();
    for (width, height) in [(960.0, 540.0), (1600.0, 1000.0), (510.0, 360.0)] {
        let scene = light_scene(&data, &view, width, height);
        let cell = cell_box(&scene, cell);
        let note = drawn(&scene);
        // Beside the cell's row or below its column, joined to it.
        assert!(
            problems(&scene, cell).is_empty(),
            "{:?}",
            problems(&scene, cell)
        );
        let beside = note.spot.y0 <= cell.y1 && note.spot.y1 >= cell.y0 && note.spot.x0 > cell.x1;
        let below = note.spot.x0 <= cell.x1 && note.spot.x1 >= cell.x0 && note.spot.y0 > cell.y1;
        assert!(beside || below, "{width}x{height}");
        seen.push(cell);
    }
    assert!(
        seen.windows(2).all(|w| w[0] != w[1]),
        "the cell moves with the page, and the note with it: {seen:?}"
    );
}

#[test]
fn a_map_keeps_no_room_for_notes_it_does_not_have() {
    // Without a note on a cell the map is drawn as before: its rules
    // reach the plot's right edge.
    let data = data();
    let view = reopen(&view_of(&data, ChartId::Units, &[]), &data);
    let scene = light_scene(&data, &view, 960.0, 540.0);
    assert!(scene.cells.is_none());
    let with = reopen(
        &view_of(
            &data,
            ChartId::Units,
            &[cell_note(
                CellRow::Unit("mc-health".into()),
                "medical-ai-2025",
                "x",
            )],
        ),
        &data,
    );
    let noted = light_scene(&data, &with, 960.0, 540.0);
    let rule_end = |scene: &Scene| {
        scene
            .items
            .iter()
            .find_map(|item| match item {
                Item::Line(line)
                    if line.points.len() == 2
                        && (line.points[0].1 - line.points[1].1).abs() < 1e-3 =>
                {
                    Some(line.points[1].0)
                }
                _ => None,
            })
            .expect("the heading's rule")
    };
    assert!(
        rule_end(&noted) < rule_end(&scene) - 50.0,
        "room kept at the right"
    );
}

#[test]
fn a_noted_row_is_drawn_even_where_its_rank_would_cut_it() {
    // The Municipal Commission of Education has one measure: last but one
    // by total, cut on a slide; a note on its cell brings it in.
    let data = data();
    let note = cell_note(
        CellRow::Unit("mc-education".into()),
        "medical-ai-2025",
        "One measure",
    );
    let cell = note.cell(&data).expect("the cell");
    let view = reopen(&view_of(&data, ChartId::Units, &[note]), &data);
    let scene = light_scene(&data, &view, 960.0, 540.0);
    assert!(scene.left_out.is_empty(), "{:?}", scene.left_out);
    let cell = cell_box(&scene, cell);
    assert!(
        problems(&scene, cell).is_empty(),
        "{:?}",
        problems(&scene, cell)
    );
    let footer: String = scene
        .texts()
        .filter(|t| t.role == Role::Footer)
        .map(|t| t.text.clone())
        .collect();
    assert!(footer.contains("13 more not shown"), "{footer}");
}

#[test]
fn a_cell_note_where_its_plan_does_not_fit_is_said_not_drawn() {
    // In Chinese a slide's unit map has no room for the fifth plan once
    // room is kept for a note: the note says so, and draws nothing.
    let data = data();
    let note = cell_note(
        CellRow::Unit("mc-econ-info".into()),
        "fyp15-industry",
        "到2030年",
    );
    let mut view = reopen(&view_of(&data, ChartId::Units, &[note]), &data);
    view.lang = Lang::Zh;
    let scene = light_scene(&data, &view, 510.0, 360.0);
    assert_eq!(
        scene.left_out,
        [plan_explorer::chart::annotate::LeftOut::CellNotShown(0)]
    );
    assert_eq!(scene.notes().count(), 0);
    let said = scene.left_out[0].text(Lang::En, "到2030年");
    assert!(said.contains("does not fit at this size"), "{said}");
    assert!(
        scene.left_out[0]
            .text(Lang::Zh, "到2030年")
            .contains("放不下")
    );
}

#[test]
fn a_view_with_a_cell_note_is_version_2_and_one_without_stays_version_1() {
    let data = data();
    let note = cell_note(CellRow::Theme("ai".into()), "fyp15-industry", "AI");
    let with = view_of(&data, ChartId::Themes, std::slice::from_ref(&note));
    assert_eq!(with.version, 2);
    let json = with.to_json();
    assert!(json.contains("\"kind\": \"cell_note\""), "{json}");
    assert!(json.contains("\"theme\": \"ai\""), "{json}");
    let without = view_of(&data, ChartId::Themes, &[]);
    assert_eq!(without.version, 1, "older builds read it without a word");
    // Read back, the note is the same, and nothing is said.
    let resolved = reopen(&with, &data);
    assert_eq!(resolved.annotations, [note]);
    assert!(resolved.notes.is_empty(), "{:?}", resolved.notes);
}

#[test]
fn an_older_reader_is_told_a_cell_note_is_newer_not_malformed() {
    // What a build that reads version 1 does with a version 2 file: the
    // same reading as this build's of a version 3 file with a kind of
    // annotation it does not know.
    let data = data();
    let view = view_of(
        &data,
        ChartId::Units,
        &[cell_note(
            CellRow::Unit("mc-health".into()),
            "medical-ai-2025",
            "x",
        )],
    );
    let mut json: serde_json::Value = serde_json::from_str(&view.to_json()).expect("JSON");
    json["version"] = 3.into();
    json["annotations"][0]["kind"] = "cell_sticker".into();
    let error = saved::parse(&json.to_string(), Path::new("v.view.json")).expect_err("unknown");
    let text = error.text(Lang::En);
    assert!(
        text.contains("format version 3, newer than this Plan Explorer reads (2)"),
        "{text}"
    );
    assert!(text.contains("cell_sticker"), "{text}");
}

#[test]
fn a_cell_note_saved_on_the_earlier_edition_reopens_on_the_newer_by_ids() {
    let (old, new) = (earlier_edition(), data());
    let note = cell_note(
        CellRow::Unit("mc-health".into()),
        "medical-ai-2025",
        "Still here",
    );
    let view = view_of(&old, ChartId::Units, std::slice::from_ref(&note));
    let resolved = reopen(&view, &new);
    assert_eq!(resolved.annotations, std::slice::from_ref(&note));
    assert!(
        resolved.notes.iter().all(|n| !n.is_problem()),
        "{:?}",
        resolved.notes
    );
    let scene = light_scene(&new, &resolved, 960.0, 540.0);
    assert!(scene.left_out.is_empty(), "{:?}", scene.left_out);
    let cell = cell_box(&scene, note.cell(&new).expect("the cell"));
    assert!(problems(&scene, cell).is_empty());
}

#[test]
fn a_cell_note_whose_row_or_plan_is_gone_is_said_and_the_view_opens() {
    let (new, old) = (data(), earlier_edition());
    let notes = [
        // The Shanghai Municipal Government is no unit of the earlier
        // edition; the 15th Five-Year Plan's industry measures no plan.
        cell_note(
            CellRow::Unit("sh-gov".into()),
            "fyp15-services",
            "The city's own",
        ),
        cell_note(
            CellRow::Unit("mc-econ-info".into()),
            "fyp15-industry",
            "Due by 2030",
        ),
        cell_note(CellRow::Unit("mc-health".into()), "medical-ai-2025", "Kept"),
    ];
    let view = view_of(&new, ChartId::Units, &notes);
    let resolved = reopen(&view, &old);
    assert_eq!(resolved.chart, ChartId::Units, "the view opens");
    assert_eq!(resolved.annotations, [notes[2].clone()]);
    let said: Vec<&ViewNote> = resolved
        .notes
        .iter()
        .filter(|n| matches!(n, ViewNote::CellGone { .. }))
        .collect();
    assert_eq!(
        said,
        [
            &ViewNote::CellGone {
                what: Named::Unit,
                id: "sh-gov".to_owned(),
                text: "The city's own".to_owned(),
            },
            &ViewNote::CellGone {
                what: Named::Plan,
                id: "fyp15-industry".to_owned(),
                text: "Due by 2030".to_owned(),
            },
        ]
    );
    let en = said[0].text(Lang::En, Convention::International);
    assert_eq!(
        en,
        "The note “The city's own” on a map's cell is left out: the responsible unit sh-gov no longer exists."
    );
    let zh = said[1].text(Lang::Zh, Convention::Chinese);
    assert!(zh.contains("规划 fyp15-industry 已不存在"), "{zh}");
}

#[test]
fn a_note_on_the_wrong_kind_of_chart_is_said() {
    let data = data();
    let on_cell = cell_note(CellRow::Unit("mc-health".into()), "medical-ai-2025", "x");
    let on_theme = cell_note(CellRow::Theme("ai".into()), "medical-ai-2025", "y");
    let on_figure = Annotation::Note {
        figure: "gdp-2024".into(),
        text: "z".to_owned(),
    };
    // A cell note on a chart of figures, and on the other map.
    let resolved = reopen(
        &view_of(&data, ChartId::Targets, std::slice::from_ref(&on_cell)),
        &data,
    );
    assert!(resolved.annotations.is_empty());
    assert_eq!(
        resolved.notes[0].text(Lang::En, Convention::International),
        "Annotation 1 is left out: a note on a cell of the “Units” map, on the “Targets” chart, which has no such cells."
    );
    let resolved = reopen(
        &view_of(&data, ChartId::Units, &[on_theme, on_figure]),
        &data,
    );
    assert!(resolved.annotations.is_empty());
    let said: Vec<String> = resolved
        .notes
        .iter()
        .map(|n| n.text(Lang::Zh, Convention::Chinese))
        .collect();
    assert!(said[0].contains("“主题分布”图单元格"), "{said:?}");
    assert!(said[1].contains("只有单元格"), "{said:?}");
    assert_eq!(
        on_cell.fault_on(ChartId::Themes),
        Some(Fault::CellOffItsMap {
            map: plan_explorer::view::themes::MapRows::Units,
            chart: ChartId::Themes,
        })
    );
}

#[test]
fn kept_cell_notes_read_back_and_say_when_they_no_longer_attach() {
    let (new, old) = (data(), earlier_edition());
    let mut charts = ChartNotes::new();
    charts.insert(
        ChartId::Units,
        vec![
            cell_note(CellRow::Unit("sh-gov".into()), "fyp15-services", "Gone"),
            cell_note(CellRow::Unit("mc-health".into()), "medical-ai-2025", "Here"),
        ],
    );
    let mut notes = kept::Kept::default();
    assert!(notes.set(None, &charts));
    let json = notes.to_json();
    assert!(json.contains("\"version\": 2"), "{json}");
    let read = kept::Kept::parse(&json, Path::new("notes.json")).expect("reads back");
    assert_eq!(read.of(None), Some(&charts));
    assert!(kept::detached(&charts, &new).is_empty());
    let detached = kept::detached(&charts, &old);
    assert_eq!(
        detached,
        [kept::Detached {
            chart: ChartId::Units,
            what: Named::Unit,
            id: "sh-gov".to_owned(),
            text: "Gone".to_owned(),
        }]
    );
    assert_eq!(
        detached[0].text(Lang::En),
        "The note “Gone” no longer attaches: this dataset has no responsible unit sh-gov. It is kept, not drawn."
    );
    assert!(detached[0].text(Lang::Zh).contains("责任单位 sh-gov"));
    // Without a cell note the file stays at version 1.
    let mut plain = kept::Kept::default();
    let mut charts = ChartNotes::new();
    charts.insert(
        ChartId::Funds,
        vec![Annotation::Line {
            value: 1.0,
            label: String::new(),
        }],
    );
    plain.set(None, &charts);
    assert!(plain.to_json().contains("\"version\": 1"));
}
