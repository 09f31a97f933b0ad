//! Annotations kept between runs outside any view: made in the window,
//! written beside the settings at once, put back at the next start, per
//! dataset; a reload whose ids changed keeps the notes that no longer
//! attach and names them; a notes file that cannot be read is never
//! written over.

use std::path::{Path, PathBuf};

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::{AppState, DocCommand, SessionCommand};
use plan_explorer::view::annotations::Annotation;
use plan_explorer::view::charts::ChartId;

const LOAD: std::time::Duration = std::time::Duration::from_mins(1);

/// The app on `dataset` (the built-in one for none) in `lang`, keeping
/// its annotations in `notes`, on the industrial output chart.
fn started(dataset: Option<&Path>, notes: &Path, lang: Lang) -> AppState {
    let mut state = AppState::open(dataset).expect("the dataset opens");
    state.session.system_lang = lang;
    state.apply(SessionCommand::ShowChart(ChartId::IndustrialOutput));
    state.keep_notes_in(notes.to_owned());
    state
}

/// The built-in dataset written to `dir` as `name`, with `from` replaced
/// by `to` throughout (an id renamed).
fn dataset_file(dir: &Path, name: &str, (from, to): (&str, &str)) -> PathBuf {
    let text = plan_explorer::dataset::EMBEDDED_JSON.replace(from, to);
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writes");
    path
}

#[test]
fn a_note_made_outside_a_view_is_written_at_once_and_comes_back_at_the_next_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("plan-explorer/notes.json");
    let mut state = started(None, &notes, Lang::En);
    let figure = state
        .doc
        .dataset
        .figure_by_id("gdp-2025")
        .expect("the point");
    state.apply(DocCommand::Select(Item::Figure(figure)));
    let mut harness = crate::common::window(state);
    // Ctrl+M, the words, Add: as a user does it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::M);
    harness.run_steps(4);
    harness.get_by_label("Words:").focus();
    harness.run_steps(1);
    harness.get_by_label("Words:").type_text("Growth held");
    harness.run_steps(1);
    harness.get_by_label("Add").click();
    harness.run();
    // On disk before the window closes: a crash loses nothing.
    let text = std::fs::read_to_string(&notes).expect("the notes file is written at once");
    assert!(text.contains("Growth held"), "{text}");
    drop(harness);

    // The next start puts it back, drawn on the chart.
    let state = started(None, &notes, Lang::En);
    assert_eq!(
        state.session.annotations_of(ChartId::IndustrialOutput),
        [Annotation::Note {
            figure: "gdp-2025".into(),
            text: "Growth held".to_owned(),
        }]
    );
    assert_eq!(
        crate::common::status(&state),
        "Annotations you made on this dataset put back: 1."
    );
    let harness = crate::common::window(state);
    assert!(
        harness.query_by_label("Growth held").is_some(),
        "the note is drawn"
    );
}

#[test]
fn each_dataset_keeps_its_own_notes_and_a_reload_whose_ids_changed_names_those_that_no_longer_attach()
 {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.json");
    let plans = dataset_file(dir.path(), "plans.json", ("", ""));
    let other = dataset_file(dir.path(), "other.json", ("", ""));
    let note = Annotation::Note {
        figure: "gdp-2025".into(),
        text: "Growth held".to_owned(),
    };
    let span = Annotation::Span {
        from: 2026,
        to: 2030,
        label: "15th FYP".to_owned(),
    };
    let mut state = started(Some(&plans), &notes, Lang::En);
    state.apply(SessionCommand::Annotate(
        ChartId::IndustrialOutput,
        note.clone(),
    ));
    state.apply(SessionCommand::Annotate(
        ChartId::IndustrialOutput,
        span.clone(),
    ));

    // Another dataset: its own notes (none yet), then one of its own.
    state.apply(SessionCommand::OpenFile(other.clone()));
    assert!(state.finish_loading(LOAD));
    assert!(
        state
            .session
            .annotations_of(ChartId::IndustrialOutput)
            .is_empty()
    );
    let theirs = Annotation::Line {
        value: 5e12,
        label: "Theirs".to_owned(),
    };
    state.apply(SessionCommand::Annotate(
        ChartId::IndustrialOutput,
        theirs.clone(),
    ));

    // Back to the first: its notes come back; the other's stay with it.
    state.apply(SessionCommand::OpenFile(plans.clone()));
    assert!(state.finish_loading(LOAD));
    assert_eq!(
        state.session.annotations_of(ChartId::IndustrialOutput),
        [note.clone(), span.clone()]
    );

    // The file changes under the window: the point's id is renamed. The
    // reload keeps the note, and the Views panel says it no longer
    // attaches.
    dataset_file(
        dir.path(),
        "plans.json",
        ("\"gdp-2025\"", "\"gdp-2025-final\""),
    );
    state.apply(SessionCommand::Reload);
    assert!(state.finish_loading(LOAD));
    assert!(state.doc.dataset.figure_by_id("gdp-2025").is_none());
    assert_eq!(
        state.session.annotations_of(ChartId::IndustrialOutput),
        [note.clone(), span.clone()],
        "nothing the user made is dropped"
    );
    assert!(state.session.views.panel, "the Views panel opens to say so");
    let harness = crate::common::window(state);
    let said = "The note “Growth held” no longer attaches: this dataset has no figure gdp-2025. It is kept, not drawn.";
    assert!(harness.query_by_label(said).is_some());
    assert!(
        harness
            .query_by_label_contains("Annotation 1 (“Growth held”) is not drawn")
            .is_some()
    );
    drop(harness);

    // The next start on that file: both kept, the note named again.
    let state = started(Some(&plans), &notes, Lang::En);
    assert_eq!(
        state.session.annotations_of(ChartId::IndustrialOutput),
        [note, span]
    );
    assert_eq!(
        crate::common::status(&state),
        "Annotations you made on this dataset put back: 2; notes that no longer attach: 1 (the Views panel names them)."
    );
    let state = started(Some(&other), &notes, Lang::En);
    assert_eq!(
        state.session.annotations_of(ChartId::IndustrialOutput),
        [theirs]
    );
}

#[test]
fn a_notes_file_that_cannot_be_read_is_moved_aside_and_said_in_both_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, "{\"format\": \"plan-explorer-notes\",\n \"vers").expect("writes");
    let state = started(None, &notes, Lang::Zh);
    let aside = dir.path().join("notes.json.corrupt");
    assert!(aside.is_file(), "the file is kept under another name");
    let said = crate::common::status(&state);
    assert!(said.starts_with("未恢复任何标注：保存在"), "{said}");
    assert!(said.contains("第 2 行"), "{said}");
    assert!(said.contains("notes.json.corrupt"), "{said}");
    let mut state = state;
    state.apply(SessionCommand::Annotate(
        ChartId::IndustrialOutput,
        Annotation::Span {
            from: 2026,
            to: 2030,
            label: "十五五".to_owned(),
        },
    ));
    // New notes are kept in a new file; the old one is untouched.
    assert!(
        std::fs::read_to_string(&notes)
            .expect("a new file")
            .contains("十五五")
    );
    assert!(
        std::fs::read_to_string(&aside)
            .expect("kept")
            .ends_with("\"vers")
    );

    // One from a newer Plan Explorer is kept too, by its version.
    std::fs::write(
        &notes,
        r#"{"format": "plan-explorer-notes", "version": 7, "datasets": []}"#,
    )
    .expect("writes");
    let state = started(None, &notes, Lang::En);
    assert!(dir.path().join("notes.json.v7").is_file());
    assert!(
        crate::common::status(&state)
            .contains("are in version 7, newer than this Plan Explorer reads (2)"),
        "{}",
        crate::common::status(&state)
    );
}
