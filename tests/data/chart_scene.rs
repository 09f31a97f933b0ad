//! The chart pictures as data, before any pixel is drawn: at every page
//! size, in both languages and both themes, for the built-in dataset and
//! for a synthetic one with many series, funds and targets and long names,
//! no two labels overlap, no label covers a data mark, nothing leaves the
//! page, no text is smaller than 1% of the width, and the title is at least
//! 2.2% of it.

use std::collections::BTreeSet;

use plan_explorer::chart::scene::{Role, Scene, Target};
use plan_explorer::chart::{self, ChartView, Page, Paper, Preset};
use plan_explorer::dataset::Dataset;
use plan_explorer::i18n::Lang;
use plan_explorer::view::charts::{ChartId, TargetColumn};

fn builtin() -> Dataset {
    plan_explorer::dataset::load_embedded()
        .dataset
        .expect("the built-in dataset is valid")
}

/// The synthetic dataset with every series, fund and target given a long
/// name of mixed words, some Chinese.
fn crowded() -> Dataset {
    let text = plan_explorer::synth::generate(plan_explorer::synth::SynthOptions {
        measures: 300,
        seed: 7,
    });
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let long = |i: usize| {
        format!(
            "Combined output of the integrated circuits, biomedicine and artificial \
             intelligence industries 人工智能 number {i} in the city's plan"
        )
    };
    for (i, s) in json["series"]
        .as_array_mut()
        .expect("series")
        .iter_mut()
        .enumerate()
    {
        s["title"] = long(i).into();
    }
    for (i, f) in json["funds"]
        .as_array_mut()
        .expect("funds")
        .iter_mut()
        .enumerate()
    {
        f["name"] = long(i).into();
    }
    for (i, t) in json["targets"]
        .as_array_mut()
        .expect("targets")
        .iter_mut()
        .enumerate()
    {
        t["metric"] = long(i).into();
    }
    plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("the crowded dataset is valid")
}

fn pages() -> Vec<Page> {
    let mut pages = Vec::new();
    for theme in [Paper::Light, Paper::Dark] {
        for preset in [Preset::Slide, Preset::HalfPage, Preset::Square] {
            pages.push(Page::of(preset, theme));
        }
    }
    for (w, h) in [
        (1600.0, 1000.0),
        (400.0, 900.0),
        (2000.0, 600.0),
        (240.0, 240.0),
    ] {
        pages.push(Page::custom(w, h, Paper::Light).expect("a valid page"));
    }
    pages
}

fn problems(scene: &Scene) -> Vec<String> {
    let mut out = Vec::new();
    for (a, b) in scene.overlapping_texts() {
        out.push(format!("\"{a}\" overlaps \"{b}\""));
    }
    for text in scene.texts_over_marks() {
        out.push(format!("\"{text}\" covers a mark"));
    }
    let page = scene.page();
    for text in scene.texts() {
        if !page.contains(&text.bounds()) {
            out.push(format!(
                "\"{}\" leaves the page: {:?}",
                text.text,
                text.bounds()
            ));
        }
        if text.size < scene.width * 0.01 - 1e-3 {
            out.push(format!(
                "\"{}\" is {} pt, under 1% of {}",
                text.text, text.size, scene.width
            ));
        }
        if text.role == Role::Title && text.size < scene.width * 0.022 - 1e-3 {
            out.push(format!(
                "the title is {} pt, under 2.2% of {}",
                text.size, scene.width
            ));
        }
    }
    for mark in scene.marks() {
        if !page.contains(&mark.shape.bounds()) {
            out.push(format!("a mark leaves the page: {:?}", mark.shape.bounds()));
        }
    }
    out.extend(hit_problems(scene));
    out
}

/// What is wrong with a scene's hit regions: a box off the page, or two
/// boxes sharing area where their marks do not (timeline marks may touch
/// where they are drawn touching; their boxes are their marks').
fn hit_problems(scene: &Scene) -> Vec<String> {
    let mut out = Vec::new();
    let page = scene.page();
    for hit in &scene.hits {
        if !page.contains(&hit.bounds) {
            out.push(format!(
                "{:?} leaves the page: {:?}",
                hit.target, hit.bounds
            ));
        }
    }
    for (i, a) in scene.hits.iter().enumerate() {
        for b in &scene.hits[i + 1..] {
            // Marks of a timeline, or points of two lines, may touch: they
            // stand where their dates and values put them.
            let both_marks = matches!(
                (a.target, b.target),
                (Target::TimelineMark(_), Target::TimelineMark(_))
                    | (
                        Target::Figure(plan_explorer::dataset::FigureRef::Point(..)),
                        Target::Figure(plan_explorer::dataset::FigureRef::Point(..))
                    )
            );
            // Neighbours touch; a rounding error is no overlap.
            if a.bounds.grown(-0.01).overlaps(&b.bounds) && !both_marks {
                out.push(format!("{:?} and {:?} overlap", a.target, b.target));
            }
        }
    }
    // Every target is named once.
    let mut targets: Vec<String> = scene
        .hits
        .iter()
        .map(|h| format!("{:?}", h.target))
        .collect();
    let count = targets.len();
    targets.sort();
    targets.dedup();
    if targets.len() != count {
        out.push("a target has two boxes".to_owned());
    }
    out
}

fn check(data: &Dataset, name: &str) {
    let hidden = BTreeSet::new();
    let mut failures = Vec::new();
    for page in pages() {
        for lang in Lang::ALL {
            for chart in ChartId::ALL {
                for log_scale in [false, true] {
                    if log_scale && chart != ChartId::Funds {
                        continue;
                    }
                    let view = ChartView {
                        log_scale,
                        ..ChartView::new(data, chart, &hidden, lang)
                    };
                    let scene = chart::scene(&view, &page);
                    assert!(scene.texts().count() > 3, "{name} {chart:?}: almost empty");
                    for problem in problems(&scene) {
                        failures.push(format!(
                            "{name} {} {}x{} {:?} {lang:?} log={log_scale}: {problem}",
                            chart.id(),
                            page.width,
                            page.height,
                            page.theme
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_built_in_charts_have_no_overlaps_at_any_size_in_either_language() {
    check(&builtin(), "built-in");
}

#[test]
fn a_crowded_dataset_with_long_names_has_no_overlaps_either() {
    check(&crowded(), "crowded");
}

#[test]
fn the_checks_catch_an_overlap_when_there_is_one() {
    // A scene with a label moved onto another must fail the same checks.
    let data = builtin();
    let hidden = BTreeSet::new();
    let view = ChartView::new(&data, ChartId::GdpShare, &hidden, Lang::En);
    let mut scene = chart::scene(&view, &Page::of(Preset::Slide, Paper::Light));
    assert!(problems(&scene).is_empty());
    let labels: Vec<usize> = scene
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| matches!(item, chart::scene::Item::Text(t) if t.role == Role::Label))
        .map(|(i, _)| i)
        .collect();
    let (first, second) = (labels[0], labels[1]);
    let (x, y) = match &scene.items[first] {
        chart::scene::Item::Text(t) => (t.x, t.y),
        _ => unreachable!(),
    };
    if let chart::scene::Item::Text(t) = &mut scene.items[second] {
        t.x = x;
        t.y = y;
    }
    assert!(!problems(&scene).is_empty());
}

fn texts(scene: &Scene, role: Role) -> String {
    scene
        .texts()
        .filter(|t| t.role == role)
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn titles_say_what_is_shown_and_the_footer_names_sources_and_edition() {
    let data = builtin();
    let hidden = BTreeSet::new();
    let page = Page::of(Preset::Slide, Paper::Light);
    let scene = |chart, lang| chart::scene(&ChartView::new(&data, chart, &hidden, lang), &page);

    let share = scene(ChartId::GdpShare, Lang::En);
    assert_eq!(
        share.title,
        "Three pioneering industries' contribution to Shanghai's GDP, 2021–2024, with 2 related series"
    );
    let footer = texts(&share, Role::Footer);
    assert!(
        footer.starts_with("Source: City ready to boost strategy"),
        "{footer}"
    );
    assert!(
        footer.contains("(edition 2026-02-07) · Plan Explorer"),
        "{footer}"
    );
    // The dashed line is explained once, in the subtitle, not per segment.
    let all: Vec<&str> = share.texts().map(|t| t.text.as_str()).collect();
    assert_eq!(all.iter().filter(|t| t.contains("dashed")).count(), 1);
    // The values at both ends: the last in the end label, the first beside
    // its point.
    assert!(texts(&share, Role::Label).contains("33.4% Three pioneering"));
    assert!(texts(&share, Role::Value).contains("about 7.5%"));

    let output = scene(ChartId::IndustrialOutput, Lang::En);
    assert!(texts(&output, Role::Subtitle).starts_with("Trillion yuan."));
    // No tick repeats the unit the subtitle names.
    assert!(!texts(&output, Role::Tick).contains("yuan"));
    // The x axis runs from the first figure to the last target, no further.
    let ticks = texts(&output, Role::Tick);
    assert!(ticks.contains("2024") && ticks.contains("2030"), "{ticks}");
    assert!(
        !ticks.contains("2031") && !ticks.contains("2023"),
        "{ticks}"
    );

    // Four bars: of the seven funds, one states no amount, one is an
    // amount per recipient and one is probably wrong as printed (the 825
    // billion), both named apart.
    let funds = scene(ChartId::Funds, Lang::Zh);
    assert_eq!(funds.title, "规划提及的4项资金，按金额排序");
    assert!(
        texts(&funds, Role::Footer).contains("未计入此刻度"),
        "{}",
        texts(&funds, Role::Footer)
    );
    // The 825 billion (8250亿元) is probably wrong as printed: no bar's
    // value, named apart in the footer with its caveat, and the largest
    // bar is the 100 billion of social capital.
    assert!(!texts(&funds, Role::Value).contains("8250亿元"));
    assert!(texts(&funds, Role::Value).contains("超过1000亿元"));
    let footer = texts(&funds, Role::Footer);
    assert!(
        footer.contains("未计入此刻度（原文数字很可能有误，见注意事项）"),
        "{footer}"
    );
    assert!(footer.contains("⚠ 超过8250亿元"), "{footer}");
    // With its caveat (the curator's words, in English).
    assert!(footer.contains("Very likely a slip"), "{footer}");

    assert!(texts(&funds, Role::Key).contains("国家级"));

    let targets = scene(ChartId::Targets, Lang::En);
    assert_eq!(targets.title, "19 numeric targets set by 4 plans");
    // No window controls in the picture.
    assert!(targets.texts().all(|t| !t.text.contains("Sort by")));
}

#[test]
fn hidden_series_leave_the_picture_and_the_targets_follow_the_order_asked() {
    let data = builtin();
    let page = Page::of(Preset::Slide, Paper::Light);
    let series = plan_explorer::view::charts::gdp_share(&data, Lang::En);
    let hidden: BTreeSet<_> = [plan_explorer::view::charts::LegendKey::Series(
        match series[0].figure {
            plan_explorer::dataset::FigureRef::Series(ix) => ix,
            _ => unreachable!(),
        },
    )]
    .into_iter()
    .collect();
    let scene = chart::scene(
        &ChartView::new(&data, ChartId::GdpShare, &hidden, Lang::En),
        &page,
    );
    assert!(!texts(&scene, Role::Label).contains("Three pioneering"));
    assert!(
        scene.title.starts_with("Share of strategic emerging"),
        "{}",
        scene.title
    );

    let none = BTreeSet::new();
    let by_value = ChartView {
        order: (TargetColumn::Value, false),
        ..ChartView::new(&data, ChartId::Targets, &none, Lang::En)
    };
    let scene = chart::scene(&by_value, &page);
    let first_value = scene
        .texts()
        .find(|t| t.role == Role::Value)
        .map(|t| t.text.clone());
    // By value as written, across units: the 500 billion yuan target first.
    assert_eq!(first_value.as_deref(), Some("about 500 billion yuan"));
    assert!(texts(&scene, Role::Subtitle).contains("ordered by value"));
}

#[test]
fn text_colours_read_at_4_5_to_1_on_both_themes() {
    let data = builtin();
    let hidden = BTreeSet::new();
    for theme in [Paper::Light, Paper::Dark] {
        let page = Page::of(Preset::Slide, theme);
        for chart in ChartId::ALL {
            let scene = chart::scene(&ChartView::new(&data, chart, &hidden, Lang::En), &page);
            for text in scene.texts() {
                let contrast = text.color.contrast(scene.background);
                assert!(
                    contrast >= 4.5,
                    "{:?} \"{}\": {contrast:.2}",
                    theme,
                    text.text
                );
            }
        }
    }
}

#[test]
fn a_highlight_keeps_its_figures_coloured_and_draws_the_others_pale() {
    use plan_explorer::chart::scene::{Item, Shape};
    use plan_explorer::chart::spec::{PALETTE, series_color};
    use plan_explorer::dataset::FigureRef;
    let data = builtin();
    let hidden = BTreeSet::new();
    let page = Page::of(Preset::Slide, Paper::Light);
    let series = plan_explorer::view::charts::gdp_share(&data, Lang::En);
    // The pioneer GDP share's 2024 point alone.
    let point = series[0].points[1].figure;
    let highlight: std::collections::HashSet<FigureRef> = [point].into_iter().collect();
    let view = ChartView {
        highlight: Some(&highlight),
        ..ChartView::new(&data, ChartId::GdpShare, &hidden, Lang::En)
    };
    let scene = chart::scene(&view, &page);
    let fills: Vec<_> = scene
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Shape(s) if s.is_mark && matches!(s.shape, Shape::Circle { .. }) => {
                s.fill.map(|(c, _)| c)
            }
            _ => None,
        })
        .collect();
    // Its series keeps its colour; the other two series are pale.
    assert!(fills.contains(&series_color(0)), "{fills:?}");
    assert!(!fills.contains(&series_color(1)), "{fills:?}");
    assert!(!fills.contains(&series_color(2)), "{fills:?}");
    assert!(fills.contains(&Paper::Light.pale(PALETTE[1])));
    // Nothing highlighted: every series in its colour.
    let plain = chart::scene(
        &ChartView::new(&data, ChartId::GdpShare, &hidden, Lang::En),
        &page,
    );
    let plain_fills: Vec<_> = plain
        .marks()
        .filter_map(|m| m.fill.map(|(c, _)| c))
        .collect();
    assert!(plain_fills.contains(&series_color(1)));
}

/// The marks of the charts the window paints from their scene each have a
/// box (a timeline mark and plan; a target's row), the box of a drawn mark
/// is where the mark is, and the window's own layout of the timeline
/// (every row, the years kept in view) keeps the paper's rules.
#[test]
fn every_mark_has_a_box_where_it_is_drawn_on_paper_and_in_the_window() {
    use plan_explorer::chart::timeline;
    use plan_explorer::view::timeline::Timeline;
    let data = builtin();
    let hidden = BTreeSet::new();
    let page = Page::of(Preset::Slide, Paper::Light);
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        // Paper: the targets, one box a row, each a figure.
        let view = ChartView::new(&data, ChartId::Targets, &hidden, lang);
        let scene = chart::scene(&view, &page);
        let rows = scene
            .hits
            .iter()
            .filter(|h| matches!(h.target, Target::Figure(_)))
            .count();
        assert!(rows >= 3, "{lang:?}: {rows} target rows with boxes");
        // Paper: every timeline mark shown has a box that is its mark's.
        let view = ChartView::new(&data, ChartId::Timeline, &hidden, lang);
        let scene = chart::scene(&view, &page);
        let marks: Vec<_> = scene.marks().map(|m| m.shape.bounds()).collect();
        let boxes: Vec<_> = scene
            .hits
            .iter()
            .filter(|h| matches!(h.target, Target::TimelineMark(_)))
            .collect();
        assert!(!boxes.is_empty());
        for hit in &boxes {
            assert!(
                marks.contains(&hit.bounds),
                "{:?} is no mark's box",
                hit.target
            );
        }
        // The window's timeline: every mark, every plan.
        let line = Timeline::new(&data);
        for width in [500.0, 900.0, 1400.0] {
            for paper in [Paper::Light, Paper::Dark] {
                let ringed = std::collections::HashSet::new();
                let scene = timeline::window_scene(&view, &line, 14.0, width, paper, &ringed);
                for m in 0..line.marks.len() {
                    if scene.hit_of(Target::TimelineMark(m)).is_none() {
                        failures.push(format!("window {width}: timeline mark {m} has no box"));
                    }
                }
                for problem in hit_problems(&scene) {
                    failures.push(format!("window timeline {width} {lang:?}: {problem}"));
                }
                for (a, b) in scene.overlapping_texts() {
                    failures.push(format!(
                        "window timeline {width} {lang:?}: {a} overlaps {b}"
                    ));
                }
                for text in scene.texts_over_marks() {
                    failures.push(format!(
                        "window timeline {width} {lang:?}: {text} covers a mark"
                    ));
                }
                assert!(scene.frozen.top > 0.0);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The window's theme map: each cell with measures, each theme and each
/// plan has its box, the cells in the body, the names and headings frozen;
/// only the rows asked for are laid out.
#[test]
fn the_window_theme_map_has_a_box_for_every_cell_and_heading() {
    use plan_explorer::chart::themes;
    use plan_explorer::view::themes::ThemeMatrix;
    let data = builtin();
    let hidden = BTreeSet::new();
    let mut failures = Vec::new();
    // The unit map is drawn by the same grid: it is checked the same way.
    for (chart, lang) in [ChartId::Themes, ChartId::Units]
        .into_iter()
        .flat_map(|chart| Lang::ALL.into_iter().map(move |lang| (chart, lang)))
    {
        let view = ChartView::new(&data, chart, &hidden, lang);
        let matrix = ThemeMatrix::of(&data, chart.map_rows().expect("a map"));
        for width in [500.0, 1400.0] {
            let map = themes::WindowMap::new(&view, &matrix, 14.0, width, Paper::Light);
            let all = 0..map.order().len() + 1;
            let ringed = std::collections::HashSet::new();
            let scene = map.scene(&view, &matrix, all, &ringed);
            let frozen = scene.frozen;
            for (i, &r) in map.order().iter().enumerate() {
                let theme = scene.hit_of(Target::Theme(r)).expect("a theme's box");
                assert!(theme.bounds.x1 <= frozen.left + 1e-3);
                for c in 0..matrix.plans.len() {
                    let hit = scene.hit_of(Target::ThemeCell { row: r, column: c });
                    assert_eq!(hit.is_some(), !matrix.rows[r].cells[c].is_empty());
                    if let Some(hit) = hit {
                        let want = map.cell_bounds(i, c);
                        let near = |a: f32, b: f32| (a - b).abs() < 0.01;
                        assert!(
                            near(hit.bounds.x0, want.x0)
                                && near(hit.bounds.y0, want.y0)
                                && near(hit.bounds.x1, want.x1)
                                && near(hit.bounds.y1, want.y1),
                            "{:?} / {want:?}",
                            hit.bounds
                        );
                        assert!(
                            hit.bounds.x0 >= frozen.left - 1e-3
                                && hit.bounds.y0 >= frozen.top - 1e-3
                        );
                    }
                }
            }
            for c in 0..matrix.plans.len() {
                let plan = scene.hit_of(Target::PlanColumn(c)).expect("a plan's box");
                assert!(plan.bounds.y1 <= frozen.top + 1e-3);
            }
            for problem in hit_problems(&scene) {
                failures.push(format!("window {chart:?} {width} {lang:?}: {problem}"));
            }
            for (a, b) in scene.overlapping_texts() {
                failures.push(format!(
                    "window {chart:?} {width} {lang:?}: {a} overlaps {b}"
                ));
            }
            // Only the rows asked for are laid out.
            let few = map.scene(&view, &matrix, 2..5, &ringed);
            let themes = few
                .hits
                .iter()
                .filter(|h| matches!(h.target, Target::Theme(_)))
                .count();
            assert_eq!(themes, 3);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The window's targets table: every target a row with its box, in the
/// order asked, under the headings kept in view; nothing cut, nothing
/// overlapping, nothing off the page, at a narrow and a wide panel, for
/// the built-in dataset and one of long names.
#[test]
fn the_window_targets_table_has_every_row_whole_with_its_box() {
    use plan_explorer::chart::targets;
    use plan_explorer::dataset::FigureRef;
    use plan_explorer::view::charts::target_rows;
    let hidden = BTreeSet::new();
    let mut failures = Vec::new();
    for (name, data) in [("built-in", builtin()), ("crowded", crowded())] {
        for lang in Lang::ALL {
            let view = ChartView::new(&data, ChartId::Targets, &hidden, lang);
            let rows = target_rows(&data, TargetColumn::Value, false, lang);
            let marked: std::collections::HashSet<FigureRef> =
                rows.iter().take(2).map(|r| r.figure).collect();
            for width in [400.0, 1000.0] {
                let at = format!("{name} {width} {lang:?}");
                let scene = targets::window_scene(&view, &rows, 14.0, width, Paper::Dark, &marked);
                let mut above = scene.frozen.top - 1e-3;
                for row in &rows {
                    let Some(hit) = scene.hit_of(Target::Figure(row.figure)) else {
                        failures.push(format!("{at}: {:?} has no box", row.figure));
                        continue;
                    };
                    if hit.bounds.y0 < above {
                        failures.push(format!("{at}: {:?} out of order", row.figure));
                    }
                    above = hit.bounds.y1 - 1e-3;
                }
                let page = scene.page();
                for text in scene.texts() {
                    if text.text.ends_with('…') {
                        failures.push(format!("{at}: \"{}\" is cut", text.text));
                    }
                    if !page.contains(&text.bounds()) {
                        failures.push(format!("{at}: \"{}\" leaves the page", text.text));
                    }
                }
                for (a, b) in scene.overlapping_texts() {
                    failures.push(format!("{at}: {a} overlaps {b}"));
                }
                for problem in hit_problems(&scene) {
                    failures.push(format!("{at}: {problem}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
