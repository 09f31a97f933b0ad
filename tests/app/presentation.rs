//! Presentations as a user makes and gives them: saved views added to the
//! presentation from the Views panel, put in order, shown full screen with
//! F5 and stepped through with the keys, and Esc giving back the window
//! exactly as it was; the same in Chinese; an empty presentation said, not
//! shown; saved, reopened, and exported as one PDF from the window; a
//! damaged presentation opened as far as it goes, a file that is none
//! changing nothing.

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use plan_explorer::i18n::Lang;
use plan_explorer::ui::present::{FileAction, PresentCommand};
use plan_explorer::ui::{AppState, Dialog, DocCommand, SessionCommand};
use plan_explorer::view::charts::ChartId;
use plan_explorer::view::tree::TreeFilter;

use crate::common::{Window, painted_texts};

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name)
}

/// The window with the two example views saved (opened once, so the
/// Views panel lists them), then the officer's own screen: the targets, a
/// search and a selection, in `lang`.
fn officer(lang: Lang) -> AppState {
    let mut state = AppState::open(None).expect("the built-in dataset opens");
    state.session.system_lang = lang;
    state.apply(SessionCommand::OpenView(example(
        "output-15th-fyp.view.json",
    )));
    state.apply(SessionCommand::OpenView(example("shares-zh.view.json")));
    state.apply(SessionCommand::SetLang(lang));
    state.apply(SessionCommand::ShowChart(ChartId::Targets));
    state.apply(DocCommand::SetFilter(TreeFilter {
        query: "robot".to_owned(),
        ..TreeFilter::default()
    }));
    let gdp = state
        .doc
        .dataset
        .figure_by_id("gdp-2024")
        .expect("the figure is there");
    state.apply(DocCommand::Select(plan_explorer::selection::Item::Figure(
        gdp,
    )));
    state.apply(SessionCommand::ShowViewsPanel(true));
    state.session.status = None;
    state
}

/// Runs frames one by one and gathers the window commands they sent (the
/// last frame's output alone would miss them).
fn fullscreen_asked(harness: &mut Window, frames: usize) -> Vec<bool> {
    let mut asked = Vec::new();
    for _ in 0..frames {
        harness.step();
        for output in harness.output().viewport_output.values() {
            for command in &output.commands {
                if let egui::ViewportCommand::Fullscreen(on) = command {
                    asked.push(*on);
                }
            }
        }
    }
    asked
}

fn press(harness: &mut Window, key: Key) -> Option<usize> {
    harness.key_press(key);
    harness.run_steps(3);
    harness
        .state()
        .session
        .presentation
        .showing
        .map(|s| s.index)
}

/// What is on screen, as a saved view holds it, and the session's own.
fn screen(state: &AppState) -> (String, ChartId, Option<Lang>, bool) {
    (
        state.capture_view("").to_json(),
        state.session.settings.chart,
        state.session.settings.lang,
        state.session.views.panel,
    )
}

/// Every key of a presentation of two slides shown from the first, and a
/// click; ends on the second.
fn step_through(harness: &mut Window) {
    assert_eq!(press(harness, Key::ArrowRight), Some(1));
    let painted = painted_texts(harness);
    assert!(painted.iter().any(|t| t == "2 / 2"), "{painted:?}");
    assert!(
        painted
            .iter()
            .any(|t| t == "口径不同，不宜与2021年直接比较")
    );
    assert_eq!(press(harness, Key::ArrowRight), Some(1), "the last stays");
    assert_eq!(press(harness, Key::Home), Some(0));
    assert_eq!(press(harness, Key::End), Some(1));
    assert_eq!(press(harness, Key::PageUp), Some(0));
    assert_eq!(press(harness, Key::PageDown), Some(1));
    assert_eq!(press(harness, Key::ArrowLeft), Some(0));
    assert_eq!(press(harness, Key::Space), Some(1));
    assert_eq!(press(harness, Key::ArrowUp), Some(0));
    // A click goes on, a right click back.
    harness.get_by_label_contains("Slide 1 of 2").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .session
            .presentation
            .showing
            .map(|s| s.index),
        Some(1)
    );
}

/// The presentation built in the Views panel: the two saved views added
/// with +, what is on screen added, then put in order and the last taken
/// out again.
fn build(harness: &mut Window) {
    // The saved views, newest first: the shares, then the output. Each +
    // adds one as the last slide.
    let plus = harness.get_all_by_label("+").count();
    assert_eq!(plus, 2, "a + beside each saved view");
    harness.get_all_by_label("+").next().expect("+").click();
    harness.run();
    harness.get_all_by_label("+").nth(1).expect("+").click();
    harness.run();
    harness.get_by_label("Add what is on screen").click();
    harness.run();
    let names = |h: &Window| -> Vec<String> {
        h.state()
            .session
            .presentation
            .slides
            .iter()
            .map(|v| v.name.clone())
            .collect()
    };
    assert_eq!(
        names(harness),
        [
            "先导产业占比",
            "Output and the 15th Five-Year Plan",
            "Targets"
        ]
    );
    // Put the output first (↓ of slide 1), and take the third out again.
    harness.get_all_by_label("↓").next().expect("↓").click();
    harness.run();
    harness
        .get_all_by_label("×")
        .nth(2)
        .expect("× of slide 3")
        .click();
    harness.run();
    assert_eq!(
        names(harness),
        ["Output and the 15th Five-Year Plan", "先导产业占比"]
    );
}

#[test]
fn saved_views_become_a_presentation_shown_full_screen_and_esc_gives_the_window_back() {
    let mut harness = crate::common::window(officer(Lang::En));
    let before = screen(harness.state());
    assert!(
        harness.query_by_label_contains("No slides yet").is_some(),
        "the panel says how to begin"
    );
    build(&mut harness);
    harness.get_by_label("2. 先导产业占比").click();
    harness.run();
    assert_eq!(harness.state().session.presentation.cursor, Some(1));

    // F5: full screen from the first slide, whichever is chosen.
    harness.key_press(Key::F5);
    let asked = fullscreen_asked(&mut harness, 4);
    assert_eq!(asked, [true], "the window is asked to go full screen once");
    assert_eq!(
        harness
            .state()
            .session
            .presentation
            .showing
            .map(|s| s.index),
        Some(0)
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Slide 1 of 2: Shanghai GDP")
            .is_some()
    );
    let painted = painted_texts(&harness);
    assert!(
        painted.iter().any(|t| t == "1 / 2"),
        "the counter: {painted:?}"
    );
    assert!(
        painted
            .iter()
            .any(|t| t == "The goal for 2030: half a trillion yuan"),
        "the view's note is drawn"
    );
    assert!(
        painted.iter().any(|t| t.starts_with("Source")),
        "the sources footer is drawn"
    );
    // Nothing of the window is drawn: the slide fills it.
    assert!(harness.query_by_label("Measures").is_none());

    step_through(&mut harness);

    // Esc: the window as it was, not full screen.
    harness.key_press(Key::Escape);
    let asked = fullscreen_asked(&mut harness, 4);
    assert_eq!(asked, [false], "the window is given back as it was");
    harness.run();
    assert!(harness.state().session.presentation.showing.is_none());
    assert_eq!(
        screen(harness.state()),
        before,
        "everything on screen is back"
    );
    assert!(harness.query_by_label("Measures").is_some());
    // Shift+F5 starts from the slide chosen (the last shown).
    harness.key_press_modifiers(egui::Modifiers::SHIFT, Key::F5);
    harness.run();
    assert_eq!(
        harness
            .state()
            .session
            .presentation
            .showing
            .map(|s| s.index),
        Some(1)
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(screen(harness.state()), before);
}

#[test]
fn in_chinese_an_empty_presentation_is_said_and_a_slide_is_shown_and_left() {
    let mut harness = crate::common::window(officer(Lang::Zh));
    let before = screen(harness.state());
    // Nothing to show: said in the status line, nothing goes full screen.
    harness.key_press(Key::F5);
    let asked = fullscreen_asked(&mut harness, 3);
    assert!(asked.is_empty());
    assert!(harness.state().session.presentation.showing.is_none());
    assert!(
        harness
            .query_by_label_contains("演示中没有幻灯片")
            .is_some(),
        "the status line says why"
    );
    harness.get_by_label("添加当前画面").click();
    harness.run();
    assert_eq!(harness.state().session.presentation.slides[0].name, "目标");
    harness.get_by_label("放映").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("第 1 张，共 1 张")
            .is_some(),
        "the slide is named in Chinese"
    );
    assert!(painted_texts(&harness).iter().any(|t| t == "1 / 1"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().session.presentation.showing.is_none());
    let after = screen(harness.state());
    assert_eq!(after.0, before.0);
    assert_eq!(after.1, before.1);
    assert_eq!(after.2, Some(Lang::Zh));
}

/// Saving over the presentation's file asks first: Keep it keeps the file,
/// Replace writes the slides as they are now. Ends with the file holding
/// the slides in their first order.
fn saved_again_asks_first(harness: &mut Window, file: &Path) {
    // Saved again over it: the dialog asks first, and Keep it keeps it.
    let first = std::fs::read_to_string(file).expect("written");
    harness
        .state_mut()
        .apply(SessionCommand::Present(PresentCommand::Move {
            from: 1,
            to: 0,
        }));
    harness.get_by_label("Save presentation…").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Keep it").click();
    harness.run();
    assert_eq!(std::fs::read_to_string(file).expect("kept"), first);
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Replace").click();
    harness.run();
    assert!(harness.state().dialog.is_none());
    assert_ne!(std::fs::read_to_string(file).expect("replaced"), first);
    harness
        .state_mut()
        .apply(SessionCommand::Present(PresentCommand::Move {
            from: 1,
            to: 0,
        }));
    harness.get_by_label("Save presentation…").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Replace").click();
    harness.run();
}

#[test]
fn a_presentation_is_saved_reopened_and_exported_as_one_pdf_from_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("board.presentation.json");
    let pdf = dir.path().join("board.pdf");
    let mut state = officer(Lang::En);
    state.apply(SessionCommand::Present(PresentCommand::AddView(example(
        "output-15th-fyp.view.json",
    ))));
    state.apply(SessionCommand::Present(PresentCommand::AddView(example(
        "shares-zh.view.json",
    ))));
    let mut harness = crate::common::window(state);
    harness.get_by_label("Save presentation…").click();
    harness.run();
    let Some(Dialog::Presentation(dialog)) = &mut harness.state_mut().dialog else {
        panic!("the dialog opens");
    };
    assert_eq!(dialog.name, "Presentation");
    dialog.name = "Board meeting".to_owned();
    dialog.path = file.display().to_string();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.state().dialog.is_none());
    saved_again_asks_first(&mut harness, &file);
    let deck = plan_explorer::view::presentation::read_file(&file).expect("written and read");
    assert_eq!(deck.name, "Board meeting");
    assert_eq!(deck.slides.len(), 2);
    assert_eq!(
        deck.views(),
        harness.state().session.presentation.slides,
        "the slides embedded as they are"
    );

    // A new presentation, then the saved one opened again.
    harness.get_by_label("New presentation").click();
    harness.run();
    assert!(harness.state().session.presentation.slides.is_empty());
    harness.get_by_label("Open presentation…").click();
    harness.run();
    harness
        .get_by_label("File:")
        .type_text(&file.display().to_string());
    harness.run();
    // Enter opens (the saved views have Open buttons too).
    harness.key_press(Key::Enter);
    harness.run();
    let presentation = &harness.state().session.presentation;
    assert_eq!(presentation.slides, deck.views());
    assert_eq!(presentation.name, "Board meeting");

    // Exported as one PDF, a 16:9 page per slide.
    harness.get_by_label("Export as PDF…").click();
    harness.run();
    let Some(Dialog::Presentation(dialog)) = &mut harness.state_mut().dialog else {
        panic!("the dialog opens");
    };
    assert!(
        dialog.path.ends_with("board-meeting.pdf"),
        "{}",
        dialog.path
    );
    dialog.path = pdf.display().to_string();
    harness.run();
    harness.get_by_label("Write").click();
    harness.run_steps(2);
    assert!(
        harness.state().briefing_job.is_some(),
        "written on a worker"
    );
    let waited = std::time::Instant::now();
    while harness.state().briefing_job.is_some()
        && waited.elapsed() < std::time::Duration::from_mins(1)
    {
        std::thread::sleep(std::time::Duration::from_millis(50));
        // The dialog's spinner keeps asking for frames while it writes.
        harness.run_steps(1);
    }
    harness.run();
    assert!(pdf.is_file(), "{:?}", harness.state().session.status);
    let info = std::process::Command::new("pdfinfo")
        .args(["-f", "1", "-l", "2"])
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           2"), "{info}");
    assert!(info.contains("Title:           Board meeting"), "{info}");
    assert_eq!(info.matches("size:  960 x 540 pts").count(), 2, "{info}");
}

#[test]
fn a_damaged_presentation_opens_as_far_as_it_goes_and_a_file_that_is_none_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(example("meeting.presentation.json")).expect("reads");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    json["slides"][1]["chart"] = "pie".into();
    json["slides"][0]["filter"]["plans"] = serde_json::json!(["no-such-plan"]);
    let damaged = dir.path().join("damaged.presentation.json");
    std::fs::write(&damaged, serde_json::to_string_pretty(&json).expect("JSON")).expect("write");

    let mut state = officer(Lang::En);
    state.apply(SessionCommand::Present(PresentCommand::AddShown));
    let mut harness = crate::common::window(state);
    let before = screen(harness.state());
    let slides = harness.state().session.presentation.slides.clone();
    // A view file is no presentation: nothing changes, and it is said.
    harness
        .state_mut()
        .apply(SessionCommand::Present(PresentCommand::File {
            action: FileAction::Open,
            name: String::new(),
            path: example("shares-zh.view.json"),
            replace: false,
            paper: plan_explorer::chart::Paper::Light,
        }));
    harness.run();
    assert_eq!(harness.state().session.presentation.slides, slides);
    assert_eq!(screen(harness.state()), before);
    assert_eq!(
        harness
            .query_all_by_label_contains("is not a Plan Explorer presentation")
            .count(),
        2,
        "said in the panel and the status line"
    );
    // The damaged one: the good slide opens; the panel names the slide
    // left out and the record gone, with the file.
    harness
        .state_mut()
        .apply(SessionCommand::Present(PresentCommand::File {
            action: FileAction::Open,
            name: String::new(),
            path: damaged.clone(),
            replace: false,
            paper: plan_explorer::chart::Paper::Light,
        }));
    harness.run();
    assert_eq!(harness.state().session.presentation.slides.len(), 1);
    let name = damaged.display().to_string();
    assert!(
        harness
            .query_by_label_contains(&format!("Slide 2 (“先导产业占比”) of {name} is left out"))
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(&format!(
                "Slide 1 (“Output and the 15th Five-Year Plan”) of {name}: No longer exists: the plan no-such-plan."
            ))
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("(slides: 1; problems: 2,")
            .is_some(),
        "the status line counts them"
    );
    assert_eq!(screen(harness.state()), before, "the screen is as it was");
}

/// The colours of the rectangles painted in the last frame.
fn painted_fills(harness: &Window) -> Vec<egui::Color32> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Rect(rect) => Some(rect.fill),
            _ => None,
        })
        .collect()
}

#[test]
fn a_slide_follows_the_windows_theme() {
    use plan_explorer::chart::Paper;
    for (theme, paper) in [
        (egui::ThemePreference::Dark, Paper::Dark),
        (egui::ThemePreference::Light, Paper::Light),
    ] {
        let mut state = officer(Lang::En);
        state.apply(SessionCommand::SetTheme(theme));
        state.apply(SessionCommand::Present(PresentCommand::AddShown));
        let mut harness = crate::common::window(state);
        harness.key_press(Key::F5);
        harness.run();
        let page = paper.ink().background;
        let page = egui::Color32::from_rgb(page.0, page.1, page.2);
        let other = match paper {
            Paper::Dark => Paper::Light,
            Paper::Light => Paper::Dark,
        }
        .ink()
        .background;
        let other = egui::Color32::from_rgb(other.0, other.1, other.2);
        let fills = painted_fills(&harness);
        assert!(fills.contains(&page), "{theme:?}: the page is {paper:?}'s");
        assert!(
            !fills.contains(&other),
            "{theme:?}: nothing of the other page"
        );
    }
}
