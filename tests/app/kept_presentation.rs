//! The presentation being built is kept between runs without being saved:
//! slides added, moved and removed are in `presentation.json` beside the
//! settings after each change, and back at the next start with a note;
//! an emptied one leaves no file; a damaged file is moved aside and said,
//! never written over; a file that cannot be written is said, and the
//! slides stay on screen.

use std::path::{Path, PathBuf};

use plan_explorer::i18n::Lang;
use plan_explorer::ui::present::PresentCommand;
use plan_explorer::ui::{AppState, SessionCommand};
use plan_explorer::view::charts::ChartId;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name)
}

/// The window as the real one starts: the built-in dataset in `lang`, the
/// presentation kept in `file`.
fn started(file: &Path, lang: Lang) -> AppState {
    let mut state = AppState::open(None).expect("the built-in dataset opens");
    state.session.system_lang = lang;
    state.keep_presentation_in(file.to_owned());
    state
}

fn present(state: &mut AppState, command: PresentCommand) {
    state.apply(SessionCommand::Present(command));
}

fn names(state: &AppState) -> Vec<String> {
    let slides = &state.session.presentation.slides;
    slides.iter().map(|view| view.name.clone()).collect()
}

#[test]
fn slides_built_and_never_saved_come_back_at_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plan-explorer/presentation.json");
    let mut state = started(&file, Lang::En);
    assert!(!file.exists(), "nothing to keep yet");
    // The user adds what is on screen and a saved view, and puts the
    // saved view first; each change is written at once.
    state.apply(SessionCommand::ShowChart(ChartId::Funds));
    present(&mut state, PresentCommand::AddShown);
    assert!(file.is_file(), "the first slide is kept at once");
    present(
        &mut state,
        PresentCommand::AddView(example("shares-zh.view.json")),
    );
    present(&mut state, PresentCommand::Move { from: 1, to: 0 });
    let built = names(&state);
    assert_eq!(built.len(), 2);
    assert_eq!(built[0], "先导产业占比");
    drop(state);

    // The next start: the same slides in the same order, and said.
    let state = started(&file, Lang::En);
    assert_eq!(names(&state), built);
    assert_eq!(
        state.session.presentation.slides[1].chart,
        plan_explorer::view::saved::ChartKey::of(ChartId::Funds)
    );
    let said = crate::common::status(&state);
    assert!(
        said == "The presentation you were building is back: 2 slides (in the Views panel).",
        "{said}"
    );

    // Taking the slides out leaves no file to come back.
    let mut state = state;
    present(&mut state, PresentCommand::Remove(0));
    present(&mut state, PresentCommand::Remove(0));
    assert!(!file.exists(), "an empty presentation is not kept");
    let state = started(&file, Lang::Zh);
    assert!(state.session.presentation.slides.is_empty());
}

#[test]
fn a_damaged_kept_presentation_is_moved_aside_and_said_and_the_new_one_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("presentation.json");
    std::fs::write(
        &file,
        "{\"format\": \"plan-explorer-presentation\", \"slides\": [",
    )
    .expect("writes");
    let mut state = started(&file, Lang::Zh);
    assert!(state.session.presentation.slides.is_empty());
    let aside = dir.path().join("presentation.json.corrupt");
    assert_eq!(
        std::fs::read_to_string(&aside).expect("moved aside"),
        "{\"format\": \"plan-explorer-presentation\", \"slides\": [",
        "the damaged file is kept as it was"
    );
    let said = crate::common::status(&state);
    assert!(
        said.starts_with("未能恢复您上次正在制作的演示")
            && said.contains("presentation.json.corrupt"),
        "{said}"
    );
    present(&mut state, PresentCommand::AddShown);
    assert!(file.is_file(), "the new presentation is kept in its place");
}

#[test]
fn a_kept_file_that_cannot_be_written_is_said_and_the_slides_stay() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The settings folder is a file: nothing can be written under it.
    let blocker = dir.path().join("plan-explorer");
    std::fs::write(&blocker, "").expect("writes");
    let mut state = started(&blocker.join("presentation.json"), Lang::En);
    present(&mut state, PresentCommand::AddShown);
    assert_eq!(state.session.presentation.slides.len(), 1);
    let said = crate::common::status(&state);
    assert!(
        said.starts_with("The presentation could not be kept for the next run")
            && said.contains("presentation.json"),
        "{said}"
    );
}
