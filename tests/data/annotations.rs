//! Annotations in the chart scene, which every writer draws: the example
//! views laid out at every page size, theme and language with their notes,
//! spans and lines drawn, covering no data and no text, following the
//! chart as the page changes, the user's words untranslated and marked as
//! theirs in SVG and in the footer.

use std::path::Path;

use plan_explorer::chart::scene::{Item, Role, Scene, Shape};
use plan_explorer::chart::{self, ChartView, Page, Paper};
use plan_explorer::dataset::Dataset;
use plan_explorer::i18n::Lang;
use plan_explorer::view::annotations::Annotation;
use plan_explorer::view::charts::ChartId;
use plan_explorer::view::saved::{self, Resolved};

fn data() -> Dataset {
    plan_explorer::dataset::load_embedded()
        .dataset
        .expect("the built-in dataset is valid")
}

fn example(name: &str, data: &Dataset) -> Resolved {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name);
    let read = saved::read_file(&path).unwrap_or_else(|e| panic!("{e}"));
    saved::resolve(&read, data, &[])
}

const PAGES: [(f32, f32); 5] = [
    (960.0, 540.0),
    (510.0, 360.0),
    (600.0, 600.0),
    (1600.0, 1000.0),
    (420.0, 320.0),
];

/// What is wrong with a scene's annotations: overlaps (the scene's own
/// checks, which see the notes as text), notes off the page.
fn problems(scene: &Scene) -> Vec<String> {
    let mut out: Vec<String> = scene
        .overlapping_texts()
        .into_iter()
        .map(|(a, b)| format!("\"{a}\" overlaps \"{b}\""))
        .collect();
    out.extend(
        scene
            .texts_over_marks()
            .into_iter()
            .map(|t| format!("\"{t}\" covers a mark")),
    );
    for note in scene.notes() {
        if !scene.page().contains(&note.bounds()) {
            out.push(format!("\"{}\" leaves the page", note.text));
        }
    }
    if !scene.left_out.is_empty() {
        out.push(format!("left out: {:?}", scene.left_out));
    }
    out
}

#[test]
fn the_example_annotations_are_drawn_at_every_size_covering_nothing() {
    let data = data();
    let mut failures = Vec::new();
    for name in [
        "output-15th-fyp.view.json",
        "shares-zh.view.json",
        "health-commission-units.view.json",
    ] {
        let mut view = example(name, &data);
        let annotations = view.annotations.clone();
        every_picture(&data, &mut view, &PAGES, |at, scene| {
            for problem in problems(scene) {
                failures.push(format!("{name} {at}: {problem}"));
            }
            // Every note's words are there as the user wrote them
            // (wrapped, never translated), whatever the language.
            let notes: String = scene.notes().map(|t| t.text.as_str()).collect();
            for annotation in &annotations {
                let words: String = annotation.words().split_whitespace().collect();
                let drawn: String = notes.split_whitespace().collect();
                if !drawn.contains(&words) {
                    failures.push(format!(
                        "{name} {at}: \"{}\" not drawn in {notes:?}",
                        annotation.words()
                    ));
                }
            }
        });
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// `view` drawn in both languages on each of `pages` in both themes, each
/// picture handed to `check` with words saying which it is.
pub fn every_picture(
    data: &Dataset,
    view: &mut Resolved,
    pages: &[(f32, f32)],
    mut check: impl FnMut(&str, &Scene),
) {
    for lang in [Lang::En, Lang::Zh] {
        view.lang = lang;
        for &(width, height) in pages {
            for theme in [Paper::Light, Paper::Dark] {
                let page = Page {
                    width,
                    height,
                    theme,
                };
                let scene = chart::scene(&ChartView::of_view(data, view), &page);
                check(&format!("{lang:?} {width}x{height} {theme:?}"), &scene);
            }
        }
    }
}

/// The box of the note, its leader's ends, and the mark it points at.
fn note_geometry(
    scene: &Scene,
    data: &Dataset,
    figure: &str,
) -> (
    plan_explorer::chart::scene::Bounds,
    (f32, f32),
    plan_explorer::chart::scene::Bounds,
) {
    let figure = data.figure_by_id(figure).expect("the figure");
    let mark = scene
        .hit_of(plan_explorer::chart::scene::Target::Figure(figure))
        .expect("the mark is drawn")
        .bounds;
    // The note's box is the last outlined rectangle; its leader the line
    // drawn just before it.
    let (index, spot) = scene
        .items
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, item)| match item {
            Item::Shape(shape) if shape.stroke.is_some() && !shape.is_mark => match shape.shape {
                Shape::Rect(b) => Some((i, b)),
                _ => None,
            },
            _ => None,
        })
        .expect("a note box");
    let Item::Line(leader) = &scene.items[index - 1] else {
        panic!("a leader before the box");
    };
    (spot, leader.points[1], mark)
}

#[test]
fn a_note_points_at_its_mark_and_follows_it_when_the_page_changes() {
    let data = data();
    let mut view = example("output-15th-fyp.view.json", &data);
    view.annotations
        .retain(|a| matches!(a, Annotation::Note { .. }));
    for (width, height) in PAGES {
        let page = Page {
            width,
            height,
            theme: Paper::Light,
        };
        let scene = chart::scene(&ChartView::of_view(&data, &view), &page);
        let (spot, tip, mark) = note_geometry(&scene, &data, "future-industries-output-2030");
        // The leader ends at the mark's edge.
        let centre = (
            f32::midpoint(mark.x0, mark.x1),
            f32::midpoint(mark.y0, mark.y1),
        );
        let reach = (tip.0 - centre.0).hypot(tip.1 - centre.1);
        assert!(
            reach <= (mark.x1 - mark.x0).max(mark.y1 - mark.y0) + 1.5,
            "{width}x{height}: the leader stops {reach} from the mark's centre"
        );
        // The box stays near its mark, whatever the size: within a third
        // of the page's diagonal.
        let box_centre = (
            f32::midpoint(spot.x0, spot.x1),
            f32::midpoint(spot.y0, spot.y1),
        );
        let distance = (box_centre.0 - centre.0).hypot(box_centre.1 - centre.1);
        assert!(
            distance < width.hypot(height) / 3.0,
            "{width}x{height}: the note is {distance} from its mark"
        );
        // It covers no line of the data.
        assert!(
            !spot.overlaps(&mark),
            "{width}x{height}: the note covers its mark"
        );
    }
}

#[test]
fn the_users_words_are_marked_as_theirs_in_svg_and_in_the_footer() {
    let data = data();
    let view = example("shares-zh.view.json", &data);
    let page = Page {
        width: 960.0,
        height: 540.0,
        theme: Paper::Light,
    };
    let chart_view = ChartView::of_view(&data, &view);
    let svg = String::from_utf8(
        chart::file_bytes(
            &chart_view,
            &page,
            chart::Format::Svg,
            &chart::FileOptions::default(),
        )
        .expect("SVG"),
    )
    .expect("UTF-8");
    assert!(
        svg.contains("class=\"user-note\" data-author=\"user\" xml:lang=\"zh-Hans\""),
        "{svg}"
    );
    let scene = chart::scene(&chart_view, &page);
    let footer: String = scene
        .texts()
        .filter(|t| t.role == Role::Footer)
        .map(|t| t.text.as_str())
        .collect();
    assert!(footer.contains("用户所加标注"), "{footer}");
    // Without annotations, no such words.
    let plain = ChartView::new(&data, ChartId::GdpShare, &view.hidden, Lang::Zh);
    let footer: String = chart::scene(&plain, &page)
        .texts()
        .filter(|t| t.role == Role::Footer)
        .map(|t| t.text.as_str())
        .collect();
    assert!(!footer.contains("用户所加标注"), "{footer}");
}

#[test]
fn spans_and_lines_go_where_the_chart_has_years_and_values() {
    let data = data();
    let hidden = std::collections::BTreeSet::new();
    let page = Page {
        width: 960.0,
        height: 540.0,
        theme: Paper::Light,
    };
    let annotations = [
        Annotation::Span {
            from: 2026,
            to: 2030,
            label: "15th FYP".to_owned(),
        },
        Annotation::Line {
            value: 5.0e10,
            label: "fifty billion".to_owned(),
        },
    ];
    // The timeline has years: the span is drawn, the line has no values
    // to stand on and is left out, said.
    let timeline = ChartView {
        annotations: &annotations,
        ..ChartView::new(&data, ChartId::Timeline, &hidden, Lang::En)
    };
    let scene = chart::scene(&timeline, &page);
    assert!(scene.notes().any(|t| t.text == "15th FYP"));
    assert_eq!(
        scene.left_out,
        [chart::annotate::LeftOut::NoAxis(1)],
        "the line has no value axis on the timeline"
    );
    assert!(
        problems_but_left_out(&scene).is_empty(),
        "{:?}",
        problems_but_left_out(&scene)
    );
    // The funds have values (on a log scale too): the line is drawn,
    // upright, and the span has no years.
    for log_scale in [false, true] {
        let funds = ChartView {
            annotations: &annotations,
            log_scale,
            ..ChartView::new(&data, ChartId::Funds, &hidden, Lang::En)
        };
        let scene = chart::scene(&funds, &page);
        assert!(
            scene.notes().any(|t| t.text == "fifty billion"),
            "log={log_scale}: {:?}",
            scene.left_out
        );
        let upright = scene.items.iter().any(|item| match item {
            Item::Line(line) => {
                line.dash.is_some()
                    && line.points.len() == 2
                    && (line.points[0].0 - line.points[1].0).abs() < 1e-3
            }
            _ => false,
        });
        assert!(upright, "log={log_scale}: a dashed upright line");
        assert_eq!(scene.left_out, [chart::annotate::LeftOut::NoAxis(0)]);
        assert!(
            problems_but_left_out(&scene).is_empty(),
            "{:?}",
            problems_but_left_out(&scene)
        );
    }
}

fn problems_but_left_out(scene: &Scene) -> Vec<String> {
    problems(scene)
        .into_iter()
        .filter(|p| !p.starts_with("left out"))
        .collect()
}
