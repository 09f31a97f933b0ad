//! Presentations as data: the example read and fitted, a presentation
//! written and read back, bad slides left out with the slide, the file and
//! the place in it named, and each slide's scene at screen sizes (title and
//! sources footer there, nothing overlapping, the counter clear of all of
//! it) in both themes.

use std::path::{Path, PathBuf};

use plan_explorer::chart::scene::{Role, Scene};
use plan_explorer::chart::{Page, Paper};
use plan_explorer::dataset::Dataset;
use plan_explorer::i18n::Lang;
use plan_explorer::view::amount::Convention;
use plan_explorer::view::charts::ChartId;
use plan_explorer::view::presentation::{
    self, DeckNote, PresentationError, PresentationFile, SlideFault,
};
use plan_explorer::view::saved::{self, Named, ViewNote};

fn builtin() -> Dataset {
    plan_explorer::dataset::load_embedded()
        .dataset
        .expect("the built-in dataset is valid")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name)
}

fn districts(data: &Dataset) -> Vec<String> {
    data.districts.iter().map(|d| d.name.clone()).collect()
}

#[test]
fn the_example_presentation_holds_the_example_views_in_order() {
    let deck = presentation::read_file(&example("meeting.presentation.json"))
        .expect("the example presentation reads");
    assert!(deck.notes.is_empty(), "{:?}", deck.notes);
    let views: Vec<_> = ["output-15th-fyp.view.json", "shares-zh.view.json"]
        .iter()
        .map(|name| saved::read_file(&example(name)).expect("the example view reads"))
        .map(|read| read.view)
        .collect();
    // Embedded as the view files hold them, so the two never drift apart.
    assert_eq!(deck.views(), views);
    assert_eq!(
        deck.slides.iter().map(|s| s.number).collect::<Vec<_>>(),
        [1, 2]
    );
    let data = builtin();
    let shown = presentation::resolve(&deck, &data, &districts(&data));
    assert_eq!(shown.slides.len(), 2);
    assert_eq!(shown.slides[0].chart, ChartId::IndustrialOutput);
    assert_eq!(shown.slides[1].chart, ChartId::GdpShare);
    assert_eq!(shown.slides[1].lang, Lang::Zh);
    assert!(
        shown.notes.iter().all(|n| !n.is_problem()),
        "{:?}",
        shown.notes
    );
}

#[test]
fn a_presentation_written_reads_back_the_same() {
    let first = saved::read_file(&example("output-15th-fyp.view.json")).expect("reads");
    let second = saved::read_file(&example("shares-zh.view.json")).expect("reads");
    let file = PresentationFile::new(
        "  Board meeting ",
        vec![second.view.clone(), first.view.clone()],
    );
    assert_eq!(file.name, "Board meeting");
    let text = file.to_json();
    assert!(text.ends_with("}\n"));
    let deck = presentation::parse(&text, Path::new("deck.presentation.json")).expect("reads");
    assert_eq!(deck.name, "Board meeting");
    assert_eq!(deck.views(), vec![second.view, first.view]);
    assert!(deck.notes.is_empty());
    assert_eq!(
        presentation::file_name("Board meeting"),
        "board-meeting.presentation.json"
    );
    assert_eq!(
        presentation::file_name("  "),
        "presentation.presentation.json"
    );
    // Only signs, no letter or digit: the fallback too (it gave
    // "view.presentation.json" while it was built from a view's name).
    assert_eq!(
        presentation::file_name("  /  "),
        "presentation.presentation.json"
    );
}

/// The example's text with its second slide's chart made unknown, a third
/// slide from a newer format that cannot be read, a fourth naming records
/// that no longer exist and a fifth that is no view.
fn damaged() -> String {
    let example = std::fs::read_to_string(example("meeting.presentation.json")).expect("reads");
    let mut json: serde_json::Value = serde_json::from_str(&example).expect("JSON");
    let slides = json["slides"].as_array_mut().expect("slides");
    slides[1]["chart"] = "pie".into();
    let mut newer = slides[0].clone();
    newer["version"] = 9.into();
    newer["chart"] = "radar".into();
    newer["name"] = "From the future".into();
    let mut gone = slides[0].clone();
    gone["name"] = "Gone records".into();
    gone["selected"] = serde_json::json!({ "figure": "no-such-figure" });
    gone["filter"]["plans"] = serde_json::json!(["no-such-plan"]);
    slides.push(newer);
    slides.push(gone);
    slides.push(serde_json::json!({ "format": "something-else" }));
    serde_json::to_string_pretty(&json).expect("JSON")
}

/// Each message of a slide left out names the slide and the file, in both
/// languages; the malformed one (the first) says where.
fn messages_name_the_slide_and_the_file(
    left_out: &[&DeckNote],
    path: &Path,
    line: usize,
    column: usize,
) {
    // Each message names the slide and the file, in both languages.
    for lang in Lang::ALL {
        for note in left_out {
            let words = note.text(lang, Convention::International, path);
            assert!(words.contains("/tmp/deck.presentation.json"), "{words}");
        }
    }
    let en = left_out[0].text(Lang::En, Convention::International, path);
    assert!(
        en.starts_with("Slide 2 (“先导产业占比”) of /tmp/deck.presentation.json is left out:")
            && en.contains(&format!("line {line}, column {column}"))
            && en.contains("slides[1].chart"),
        "{en}"
    );
    let zh = left_out[1].text(Lang::Zh, Convention::International, path);
    assert!(
        zh.contains("第 3 张幻灯片") && zh.contains("版本为 9"),
        "{zh}"
    );
}

#[test]
fn bad_slides_are_left_out_and_said_with_the_slide_the_file_and_the_place() {
    let path = Path::new("/tmp/deck.presentation.json");
    let text = damaged();
    let deck = presentation::parse(&text, path).expect("the presentation itself reads");
    // The good and the gone-records slides open; the others are said.
    assert_eq!(
        deck.slides.iter().map(|s| s.number).collect::<Vec<_>>(),
        [1, 4]
    );
    let left_out: Vec<&DeckNote> = deck
        .notes
        .iter()
        .filter(|n| matches!(n, DeckNote::SlideLeftOut { .. }))
        .collect();
    assert_eq!(left_out.len(), 3, "{:?}", deck.notes);
    // The malformed slide: its line and column are the file's, at "pie".
    let DeckNote::SlideLeftOut {
        number: 2,
        name: Some(name),
        fault:
            SlideFault::Malformed {
                line,
                column,
                field,
                ..
            },
    } = left_out[0]
    else {
        panic!("slide 2 is malformed: {:?}", left_out[0]);
    };
    assert_eq!(name, "先导产业占比");
    assert_eq!(field, "slides[1].chart");
    let at_line = text.lines().nth(line - 1).expect("the line is in the file");
    assert!(at_line.contains("\"pie\""), "line {line}: {at_line}");
    assert!(
        *column > at_line.find("pie").expect("pie") && *column <= at_line.len() + 1,
        "column {column} of {at_line}"
    );
    assert!(matches!(
        left_out[1],
        DeckNote::SlideLeftOut {
            number: 3,
            fault: SlideFault::TooNew { found: 9, .. },
            ..
        }
    ));
    assert!(matches!(
        left_out[2],
        DeckNote::SlideLeftOut {
            number: 5,
            name: None,
            fault: SlideFault::NotAView,
        }
    ));
    messages_name_the_slide_and_the_file(&left_out, path, *line, *column);
    // Fitted to the dataset: the records gone are said for slide 4, which
    // still shows.
    let data = builtin();
    let shown = presentation::resolve(&deck, &data, &districts(&data));
    assert_eq!(shown.slides.len(), 2);
    assert!(shown.slides[1].selected.is_none());
    let gone: Vec<_> = shown
        .notes
        .iter()
        .filter_map(|n| match n {
            DeckNote::Slide {
                number: 4,
                note: ViewNote::Gone { what, id },
                ..
            } => Some((*what, id.as_str())),
            _ => None,
        })
        .collect();
    assert!(gone.contains(&(Named::Plan, "no-such-plan")), "{gone:?}");
    assert!(
        gone.contains(&(Named::Figure, "no-such-figure")),
        "{gone:?}"
    );
    // Problems come first.
    let first_other = shown.notes.iter().position(|n| !n.is_problem());
    let last_problem = shown.notes.iter().rposition(DeckNote::is_problem);
    if let (Some(first_other), Some(last_problem)) = (first_other, last_problem) {
        assert!(last_problem < first_other, "{:?}", shown.notes);
    }
    let said = shown
        .notes
        .iter()
        .find(|n| matches!(n, DeckNote::Slide { number: 4, .. }))
        .expect("slide 4 is said")
        .text(Lang::En, Convention::International, path);
    assert!(
        said.starts_with(
            "Slide 4 (“Gone records”) of /tmp/deck.presentation.json: No longer exists"
        ),
        "{said}"
    );
}

#[test]
fn a_file_that_is_no_presentation_says_what_and_where() {
    let path = Path::new("p.json");
    let cases = [
        "{ \"format\": \"plan-explorer-presentation\", ",
        "{ \"format\": \"plan-explorer-view\", \"slides\": [] }",
        "{ \"format\": \"plan-explorer-presentation\", \"version\": 1, \"name\": \"x\",\n  \"slides\": 3 }",
    ];
    let errors: Vec<PresentationError> = cases
        .iter()
        .map(|text| presentation::parse(text, path).expect_err("not a presentation"))
        .collect();
    assert!(matches!(
        errors[0],
        PresentationError::Malformed { line: 1, .. }
    ));
    assert!(matches!(
        errors[1],
        PresentationError::NotAPresentation { .. }
    ));
    let PresentationError::Malformed { line, field, .. } = &errors[2] else {
        panic!("{:?}", errors[2]);
    };
    assert_eq!((*line, field.as_str()), (2, "slides"));
    for error in &errors {
        assert!(error.text(Lang::Zh).contains("p.json"));
        assert!(error.to_string().contains("p.json"));
    }
    // A newer presentation is read as far as it goes, and said.
    let newer = "{ \"format\": \"plan-explorer-presentation\", \"version\": 4, \"name\": \"n\", \"slides\": [], \"music\": \"on\" }";
    let deck = presentation::parse(newer, path).expect("reads");
    assert_eq!(deck.notes, [DeckNote::NewerVersion { found: 4 }]);
    assert!(deck.slides.is_empty());
}

/// What is wrong with a slide's scene: overlaps, text off the page or over
/// a mark, no title or no sources footer, a counter that touches anything.
fn slide_problems(scene: &Scene, page: &Page, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for (a, b) in scene.overlapping_texts() {
        out.push(format!("\"{a}\" overlaps \"{b}\""));
    }
    for text in scene.texts_over_marks() {
        out.push(format!("\"{text}\" covers a mark"));
    }
    for text in scene.texts() {
        if !scene.page().contains(&text.bounds()) {
            out.push(format!("\"{}\" leaves the page", text.text));
        }
    }
    if !scene
        .texts()
        .any(|t| t.role == Role::Title && !t.text.is_empty())
    {
        out.push("no title".to_owned());
    }
    let footer: String = scene
        .texts()
        .filter(|t| t.role == Role::Footer)
        .map(|t| t.text.as_str())
        .collect();
    if !(footer.contains("Source") || footer.contains("来源")) {
        out.push(format!("no sources in the footer: {footer}"));
    }
    let counter = presentation::counter(scene, page, 12, 12, lang);
    let bounds = counter.bounds();
    if !scene.page().contains(&bounds) {
        out.push("the counter leaves the page".to_owned());
    }
    for text in scene.texts() {
        if text.bounds().overlaps(&bounds) {
            out.push(format!("the counter overlaps \"{}\"", text.text));
        }
    }
    for mark in scene.marks() {
        if mark.shape.bounds().overlaps(&bounds) {
            out.push("the counter covers a mark".to_owned());
        }
    }
    out
}

const SCREENS: [(f32, f32); 4] = [
    (1280.0, 720.0),
    (1366.0, 768.0),
    (1920.0, 1080.0),
    (3840.0, 2160.0),
];

#[test]
fn each_slide_is_the_chart_scene_at_the_screen_size_with_nothing_overlapping() {
    let data = builtin();
    let deck = presentation::read_file(&example("meeting.presentation.json")).expect("reads");
    let shown = presentation::resolve(&deck, &data, &districts(&data));
    let mut failures = Vec::new();
    for (width, height) in SCREENS {
        for theme in [Paper::Light, Paper::Dark] {
            let page = presentation::slide_page(width, height, theme);
            assert_eq!((page.width, page.height), (width, height));
            for (i, view) in shown.slides.iter().enumerate() {
                let scene = presentation::slide_scene(&data, view, &page);
                assert_eq!((scene.width, scene.height), (width, height));
                assert_eq!(scene.background, theme.ink().background);
                // The same scene the chart writers draw, the view's
                // annotations on it.
                let same = plan_explorer::chart::scene(
                    &plan_explorer::chart::ChartView::of_view(&data, view),
                    &page,
                );
                assert_eq!(scene, same);
                assert!(scene.left_out.is_empty(), "{:?}", scene.left_out);
                assert_eq!(scene.notes().count(), view.annotations.len());
                for lang in Lang::ALL {
                    for problem in slide_problems(&scene, &page, lang) {
                        failures.push(format!(
                            "slide {} {width}x{height} {theme:?}: {problem}",
                            i + 1
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_chart_makes_a_slide_at_screen_sizes_in_both_languages_and_themes() {
    let data = builtin();
    let base = saved::read_file(&example("output-15th-fyp.view.json")).expect("reads");
    let mut failures = Vec::new();
    for chart in ChartId::ALL {
        for lang in Lang::ALL {
            let mut read = base.clone();
            read.view.chart = saved::ChartKey::of(chart);
            read.view.lang = saved::LangKey::of(lang);
            let view = saved::resolve(&read, &data, &districts(&data));
            for (width, height) in SCREENS {
                for theme in [Paper::Light, Paper::Dark] {
                    let page = presentation::slide_page(width, height, theme);
                    let scene = presentation::slide_scene(&data, &view, &page);
                    for problem in slide_problems(&scene, &page, lang) {
                        failures.push(format!(
                            "{} {lang:?} {width}x{height} {theme:?}: {problem}",
                            chart.id()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn screens_outside_a_page_size_get_the_nearest_page() {
    let near = |page: Page, (width, height): (f32, f32)| {
        assert!(
            (page.width - width).abs() < 0.01 && (page.height - height).abs() < 0.01,
            "{page:?} is not {width}x{height}"
        );
    };
    near(
        presentation::slide_page(8000.0, 4500.0, Paper::Dark),
        (4000.0, 2250.0),
    );
    near(
        presentation::slide_page(100.0, 50.0, Paper::Light),
        (480.0, 240.0),
    );
    near(
        presentation::slide_page(3000.0, 300.0, Paper::Light),
        (3000.0, 750.0),
    );
    let page = presentation::slide_page(f32::NAN, 600.0, Paper::Light);
    assert!(page.width.is_finite());
}

#[test]
fn a_slide_of_a_newer_view_format_that_reads_opens_and_is_said() {
    let text = std::fs::read_to_string(example("meeting.presentation.json")).expect("reads");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    json["slides"][0]["version"] = 3.into();
    json["slides"][0]["transition"] = "fade".into();
    let path = Path::new("newer.presentation.json");
    let deck = presentation::parse(&json.to_string(), path).expect("reads");
    assert_eq!(deck.slides.len(), 2, "both slides open");
    let data = builtin();
    let shown = presentation::resolve(&deck, &data, &districts(&data));
    let note = shown
        .notes
        .iter()
        .find(|n| {
            matches!(
                n,
                DeckNote::Slide {
                    number: 1,
                    note: ViewNote::NewerVersion { found: 3 },
                    ..
                }
            )
        })
        .expect("the newer slide is said");
    assert!(note.is_problem());
    let zh = note.text(Lang::Zh, Convention::Chinese, path);
    assert!(
        zh.starts_with("newer.presentation.json 的第 1 张幻灯片") && zh.contains("格式版本为 3"),
        "{zh}"
    );
}
