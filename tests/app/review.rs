//! Issue 24, item 4: a plan document reviewed in the window. File > Import
//! document… drafts seed 002 and opens its review ("0 of 46 reviewed");
//! Enter accepts and moves on, Delete rejects a node with its children, e
//! puts the keyboard in the title (Enter applies the edit), and the draft
//! on disk follows each decision; a fresh window on the same dataset
//! offers to resume; Save as new edition writes a valid edition that
//! loads and shows what changed; a document that cannot be read, and a
//! draft that cannot be resumed, say why. In English and Chinese.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui_kittest::kittest::Queryable as _;
use plan_explorer::i18n::Lang;
use plan_explorer::ui::{AppState, Dialog, ReviewCommand, SessionCommand};
use serde_json::Value;

use crate::common;

/// The seed the tests import.
const SEED: &str = "002_af999207d67a3295.txt";

/// A folder of the test's own holding a copy of seed 002 (the draft is
/// kept beside it, never in the shared seeds).
fn folder_with_seed() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let document = dir.path().join(SEED);
    std::fs::copy(common::seeds().join(SEED), &document).expect("the seed copies");
    (dir, document)
}

/// The built-in dataset written to `dir`, as a dataset from a file.
fn dataset_in(dir: &Path) -> PathBuf {
    let path = dir.join("plans.json");
    std::fs::write(&path, plan_explorer::dataset::EMBEDDED_JSON).expect("writes");
    path
}

/// The window on `state` in `lang`, settled.
fn window(mut state: AppState, lang: Lang) -> common::Window {
    state.session.system_lang = lang;
    common::window(state)
}

/// Waits for the import running and draws what it brought.
fn imported(harness: &mut common::Window) {
    assert!(
        harness.state_mut().finish_importing(Duration::from_mins(1)),
        "the import ends"
    );
    harness.run();
}

/// File > Import document…, the path typed, Import.
fn import_with_menu(harness: &mut common::Window, document: &Path, lang: Lang) {
    let (file, import, button) = match lang {
        Lang::En => ("File", "Import document…", "Import"),
        Lang::Zh => ("文件", "导入文件…", "导入"),
    };
    harness.get_by_label(file).click();
    harness.run();
    harness.get_by_label(import).click();
    harness.run();
    assert!(matches!(harness.state().dialog, Some(Dialog::Import(_))));
    let path = match lang {
        Lang::En => "Path:",
        Lang::Zh => "路径：",
    };
    harness.get_by_label(path).focus();
    harness
        .get_by_label(path)
        .type_text(document.to_str().expect("UTF-8"));
    harness.run();
    harness.get_by_label(button).click();
    // The status line's spinner turns while the document is drafted.
    harness.run_steps(2);
    imported(harness);
}

/// Imports `document` as a command would (the menu is tested once).
fn import(harness: &mut common::Window, document: &Path) {
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Import {
            document: document.to_owned(),
            replace: false,
        }));
    imported(harness);
}

/// The draft on disk.
fn draft_on_disk(harness: &common::Window) -> Value {
    let review = harness.state().review.as_ref().expect("a review is open");
    serde_json::from_str(&std::fs::read_to_string(&review.draft).expect("the draft is there"))
        .expect("JSON")
}

/// A node of the draft's JSON by title, wherever it is in the tree.
fn node_titled<'a>(json: &'a Value, title: &str) -> Option<&'a Value> {
    fn within<'a>(nodes: &'a Value, title: &str) -> Option<&'a Value> {
        nodes.as_array()?.iter().find_map(|node| {
            if node["title"] == title {
                Some(node)
            } else {
                within(&node["children"], title)
            }
        })
    }
    json["plans"]
        .as_array()?
        .iter()
        .find_map(|plan| within(&plan["nodes"], title))
}

/// The label of the record shown, as its queue row says it.
fn current_row(harness: &common::Window) -> String {
    let state = harness.state();
    let review = state.review.as_ref().expect("a review is open");
    let rows = review.rows(state.session.lang());
    let at = review.current_index(&rows).expect("a record is shown");
    rows[at].line(state.session.lang())
}

#[test]
fn importing_seed_002_from_the_file_menu_opens_its_review_with_the_plan_first() {
    let (dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    import_with_menu(&mut harness, &document, Lang::En);
    // The built-in dataset has no file: the draft is kept beside the
    // document, as a dataset of its own.
    let draft = dir.path().join("002_af999207d67a3295.draft.json");
    assert_eq!(
        harness.state().review.as_ref().map(|r| r.draft.clone()),
        Some(draft.clone())
    );
    assert!(draft.is_file());
    assert!(harness.query_by_label("0 of 46 reviewed").is_some());
    assert!(
        harness
            .query_by_label(&format!("Review of {SEED}"))
            .is_some()
    );
    // The queue: the plan, then its nodes with their numbering; the tree
    // and the charts gave way.
    assert!(current_row(&harness).starts_with("plan · Working Plan of Shanghai Municipality"));
    assert!(harness.query_by_label("Preamble · pending").is_some());
    assert!(
        harness
            .query_by_label("I Enhancing the Capability of Original Innovation · pending")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("I.1 Deepening the frontier fundamental research · pending")
            .is_some()
    );
    assert!(harness.query_by_label("Industrial output").is_none());
    // The plan's fields, each named for screen readers.
    assert!(
        harness
            .get_by_label("Title")
            .value()
            .is_some_and(|v| v.starts_with("Working Plan of Shanghai"))
    );
    assert!(harness.query_by_label("Issuer").is_some());
    assert!(harness.query_by_label("Period").is_some());
}

#[test]
fn enter_accepts_and_moves_on_delete_rejects_e_edits_and_the_draft_keeps_each_decision() {
    let (_dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    import(&mut harness, &document);
    let today = plan_explorer::import::to_json::today();

    // Enter accepts the plan and moves on to the preamble.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label("1 of 46 reviewed").is_some());
    assert_eq!(current_row(&harness), "Preamble · pending");
    assert_eq!(
        draft_on_disk(&harness)["plans"][0]["reviewed"],
        today.as_str()
    );

    // Delete rejects it: out of the draft on disk, struck through in the
    // queue, and the next record shown.
    harness.key_press(egui::Key::Delete);
    harness.run();
    assert!(harness.query_by_label("1 of 45 reviewed").is_some());
    assert!(harness.query_by_label("Preamble · rejected").is_some());
    assert!(node_titled(&draft_on_disk(&harness), "Preamble").is_none());
    assert!(current_row(&harness).starts_with("I Enhancing the Capability"));

    // Down moves on without deciding; Up comes back (over the rejected
    // row to the plan).
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert!(current_row(&harness).starts_with("I.1 Deepening"));
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert!(current_row(&harness).starts_with("I Enhancing the Capability"));
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert!(current_row(&harness).starts_with("plan · "));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();

    // e puts the keyboard in the title; Enter there applies the edit.
    harness.key_press(egui::Key::E);
    harness.run();
    assert!(harness.get_by_label("Title").is_focused());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Title")
        .type_text("Original innovation");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(!harness.get_by_label("Title").is_focused());
    assert_eq!(current_row(&harness), "I Original innovation · edited");
    let json = draft_on_disk(&harness);
    let node = node_titled(&json, "Original innovation").expect("the edit is on disk");
    assert!(node.get("reviewed").is_none(), "edited, not yet accepted");

    // Enter accepts it as edited, and moves on.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(
        harness
            .query_by_label("I Original innovation · accepted, edited")
            .is_some()
    );
    assert!(harness.query_by_label("2 of 45 reviewed").is_some());
    let json = draft_on_disk(&harness);
    let node = node_titled(&json, "Original innovation").expect("the edit is on disk");
    assert_eq!(node["reviewed"], today.as_str());
    assert!(current_row(&harness).starts_with("I.1 Deepening"));
}

#[test]
fn a_field_that_would_break_the_draft_is_refused_and_the_record_stays_undecided() {
    let (_dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    import(&mut harness, &document);
    // The plan's period as words: the form says why it cannot be read.
    harness.get_by_label("Period").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Period").type_text("soon");
    harness.run();
    harness.get_by_label("Accept").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains(
                "Period cannot be read: “soon” is not a period such as 2025-2027"
            )
            .is_some()
    );
    assert!(harness.query_by_label("0 of 46 reviewed").is_some());
    // A blank title reads, but the draft would not load: refused, said,
    // and nothing on disk changed.
    harness.get_by_label("Period").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Period").type_text("2025-2027");
    harness.get_by_label("Title").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    harness.get_by_label("Apply edit").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("The edit was not made:")
            .is_some()
    );
    let json = draft_on_disk(&harness);
    assert!(
        json["plans"][0]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Working Plan")),
    );
    assert!(harness.query_by_label("0 of 46 reviewed").is_some());
}

#[test]
fn a_fresh_window_on_the_same_dataset_offers_to_resume_and_importing_again_asks() {
    let (dir, document) = folder_with_seed();
    let dataset = dataset_in(dir.path());
    let mut harness = window(AppState::open(Some(&dataset)).expect("opens"), Lang::En);
    import(&mut harness, &document);
    // Into a dataset from a file: the draft is kept beside it.
    let draft = dir.path().join("plans.draft-002_af999207d67a3295.json");
    assert!(draft.is_file());
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label("1 of 46 reviewed").is_some());
    // The window closes mid-review; the review is remembered for the next
    // start.
    assert_eq!(harness.state().settings().review_draft, Some(draft.clone()));
    drop(harness);

    let mut state = AppState::open(Some(&dataset)).expect("opens");
    assert!(state.finish_importing(Duration::from_mins(1)));
    let mut harness = window(state, Lang::En);
    let offer = format!("A review of {SEED} is under way: 1 of 46 reviewed.");
    assert!(harness.query_by_label(&offer).is_some(), "{offer}");
    harness.get_by_label("Resume").click();
    harness.run_steps(2);
    imported(&mut harness);
    assert!(harness.query_by_label(&offer).is_none());
    assert!(harness.query_by_label("1 of 46 reviewed").is_some());
    assert_eq!(current_row(&harness), "Preamble · pending");

    // Importing the document again never overwrites the draft unasked.
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Close));
    harness.run();
    import(&mut harness, &document);
    assert!(matches!(
        harness.state().dialog,
        Some(Dialog::DraftExists(_))
    ));
    assert!(
        harness
            .query_by_label_contains(&format!(
                "A review of {SEED} is under way (1 of 46 reviewed)."
            ))
            .is_some()
    );
    harness.get_by_label("Start again").click();
    harness.run_steps(2);
    imported(&mut harness);
    assert!(harness.query_by_label("0 of 46 reviewed").is_some());
}

#[test]
fn saving_writes_a_valid_edition_that_loads_and_shows_the_new_plan_among_what_changed() {
    let (dir, document) = folder_with_seed();
    let dataset = dataset_in(dir.path());
    let mut harness = window(AppState::open(Some(&dataset)).expect("opens"), Lang::En);
    import(&mut harness, &document);
    let draft = harness
        .state()
        .review
        .as_ref()
        .expect("a review")
        .draft
        .clone();
    for _ in 0..3 {
        harness.key_press(egui::Key::Enter);
        harness.run();
    }
    let today = plan_explorer::import::to_json::today();
    let edition = dir.path().join(format!("plans-{today}.json"));
    // Something is there already: saving asks before replacing it.
    std::fs::write(&edition, "{}").expect("writes");
    harness.get_by_label("Save as new edition…").click();
    harness.run();
    assert!(matches!(
        harness.state().dialog,
        Some(Dialog::SaveEdition(_))
    ));
    assert!(
        harness
            .query_by_label_contains("43 records are not reviewed yet")
            .is_some()
    );
    harness.get_by_label("Save").click();
    harness.run();
    let question = format!("{} exists. Replace it?", edition.display());
    assert!(harness.query_by_label(&question).is_some(), "{question}");
    harness.get_by_label("Replace").click();
    // The new edition loads behind the status line's progress.
    harness.run_steps(2);
    assert!(harness.state_mut().finish_loading(Duration::from_mins(1)));
    harness.run();

    // The new edition is on screen, loaded from its file, and valid.
    let state = harness.state();
    assert!(state.review.is_none());
    assert_eq!(state.doc.path.as_deref(), Some(edition.as_path()));
    assert_eq!(state.doc.dataset.edition, today);
    let loaded = plan_explorer::dataset::load_file(&edition).expect("reads");
    assert_eq!(
        loaded.errors().count(),
        0,
        "{:?}",
        common::messages(&loaded)
    );
    assert_eq!(loaded.dataset.expect("valid").summary().unreviewed, 43);
    // What changed lists the new plan; the draft is gone.
    let changes = state.doc.changes.as_ref().expect("what changed");
    assert!(
        changes.counts().summary(Lang::En).contains("1 added"),
        "{:?}",
        changes.counts()
    );
    assert!(!draft.exists());
    assert_eq!(state.settings().review_draft, None);
}

#[test]
fn a_document_that_cannot_be_read_and_a_draft_that_cannot_be_resumed_say_why() {
    let (dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    // A damaged Word document (a zip cut short): the dialog says so on
    // the path given.
    let word = dir.path().join("plan.docx");
    std::fs::write(&word, b"PK\x03\x04").expect("writes");
    import(&mut harness, &word);
    assert!(matches!(harness.state().dialog, Some(Dialog::Import(_))));
    let said = format!("Could not import {}: ", word.display());
    // In the dialog, and in the status line.
    assert_eq!(harness.query_all_by_label_contains(&said).count(), 2);
    assert!(harness.state().review.is_none());
    // A document that is not there.
    harness.state_mut().dialog = None;
    import(&mut harness, &dir.path().join("missing.txt"));
    let missing = format!(
        "Could not import {}",
        dir.path().join("missing.txt").display()
    );
    assert_eq!(harness.query_all_by_label_contains(&missing).count(), 2);
    // A draft that is not a dataset: it cannot be resumed, only started
    // again.
    harness.state_mut().dialog = None;
    let draft = dir.path().join("002_af999207d67a3295.draft.json");
    std::fs::write(&draft, "{ not json").expect("writes");
    import(&mut harness, &document);
    assert!(
        harness
            .query_by_label_contains("cannot be resumed")
            .is_some()
    );
    assert!(harness.query_by_label("Resume").is_none());
    harness.get_by_label("Start again").click();
    harness.run_steps(2);
    imported(&mut harness);
    assert!(harness.query_by_label("0 of 46 reviewed").is_some());
}

#[test]
fn the_review_reads_in_chinese() {
    let (_dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::Zh);
    import_with_menu(&mut harness, &document, Lang::Zh);
    assert!(harness.query_by_label("已审阅 0 / 46").is_some());
    assert!(harness.query_by_label(&format!("审阅：{SEED}")).is_some());
    for label in [
        "接受",
        "否决",
        "应用修改",
        "另存为新版本…",
        "关闭审阅",
        "标题",
        "发布机构",
        "期限",
    ] {
        assert!(harness.query_by_label(label).is_some(), "{label}");
    }
    assert!(harness.query_by_label("序言 · 待审阅").is_none());
    assert!(harness.query_by_label("Preamble · 待审阅").is_some());
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label("已审阅 1 / 46").is_some());
    assert!(harness.query_by_label_contains("· 已接受").is_some());
}

#[test]
fn dropping_a_document_on_the_window_imports_it() {
    let (_dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    harness.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(document.clone()),
        mime: String::new(),
    });
    harness.step();
    let overlay = format!("Drop to import {}", document.display());
    assert!(common::painted_texts(&harness).contains(&overlay));
    harness.input_mut().hovered_files.clear();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(document)));
    harness.run_steps(2);
    imported(&mut harness);
    assert!(harness.query_by_label("0 of 46 reviewed").is_some());
}

/// A file dropped on the window.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_review_under_way_when_the_window_closed_is_offered_at_the_next_start_and_discard_deletes_it() {
    let (dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    import(&mut harness, &document);
    for _ in 0..2 {
        harness.key_press(egui::Key::Enter);
        harness.run();
    }
    // What the window remembers as it closes.
    let settings = harness.state().settings();
    drop(harness);
    let draft = dir.path().join("002_af999207d67a3295.draft.json");
    assert_eq!(settings.review_draft.as_deref(), Some(draft.as_path()));

    let ctx = egui::Context::default();
    let mut state =
        plan_explorer::ui::startup::starting_state(None, &settings, Lang::En, &ctx).expect("opens");
    assert!(state.finish_importing(Duration::from_mins(1)));
    let offer = state
        .session
        .resume_offer
        .clone()
        .expect("the review is offered");
    assert_eq!(offer.progress, Ok((2, 46)));
    let mut harness = window(state, Lang::En);
    let text = format!("A review of {SEED} is under way: 2 of 46 reviewed.");
    assert!(harness.query_by_label(&text).is_some(), "{text}");
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!draft.exists(), "discarding deletes the draft");
    assert!(harness.query_by_label(&text).is_none());
    assert_eq!(harness.state().settings().review_draft, None);
}

#[test]
fn esc_leaves_the_field_and_its_edit_so_enter_accepts_the_record_as_drafted() {
    let (_dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    import(&mut harness, &document);
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(current_row(&harness), "Preamble · pending");
    harness.key_press(egui::Key::E);
    harness.run();
    harness.get_by_label("Title").type_text(" (changed)");
    harness.run();
    assert_eq!(
        harness.get_by_label("Title").value().as_deref(),
        Some("Preamble (changed)")
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.get_by_label("Title").is_focused());
    assert_eq!(
        harness.get_by_label("Title").value().as_deref(),
        Some("Preamble")
    );
    // The review is still there (Esc did not close anything), and Enter
    // accepts the record as drafted.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label("Preamble · accepted").is_some());
    assert!(node_titled(&draft_on_disk(&harness), "Preamble").is_some());
}

/// The texts painted on the shade of the record shown.
fn highlighted(harness: &common::Window) -> Vec<String> {
    let shades = [egui::Theme::Light, egui::Theme::Dark]
        .map(|theme| plan_explorer::ui::style::passage_shades(&theme.default_visuals()).current);
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some(text.galley.clone()),
            _ => None,
        })
        .flat_map(|galley| {
            galley
                .job
                .sections
                .iter()
                .filter(|s| shades.contains(&s.format.background))
                .map(|s| galley.job.text[s.byte_range.start.0..s.byte_range.end.0].to_owned())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_review_resumed_far_into_the_document_shows_its_record_highlighted_in_view() {
    let (_dir, document) = folder_with_seed();
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    import(&mut harness, &document);
    // The plan and its first forty nodes accepted.
    let keys: Vec<_> = {
        let state = harness.state();
        let review = state.review.as_ref().expect("a review");
        review
            .rows(Lang::En)
            .iter()
            .take(41)
            .map(plan_explorer::view::review::Row::key)
            .collect()
    };
    for key in keys {
        harness
            .state_mut()
            .apply(SessionCommand::Review(ReviewCommand::Accept(
                key,
                Vec::new(),
            )));
    }
    let draft = harness
        .state()
        .review
        .as_ref()
        .expect("a review")
        .draft
        .clone();
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Close));
    harness.run();
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Resume(draft)));
    imported(&mut harness);
    assert!(harness.query_by_label("41 of 46 reviewed").is_some());
    let shown = current_row(&harness);
    assert!(
        shown.starts_with("IV.2 Strengthening the cultivation of business entities"),
        "{shown}"
    );
    // The document opened at it: its heading and text are on screen,
    // highlighted.
    let highlighted = highlighted(&harness);
    assert!(
        highlighted
            .iter()
            .any(|t| t.starts_with("Strengthening the cultivation of business entities")),
        "{highlighted:?}"
    );
}

#[test]
fn edit_and_reject_marks_come_back_when_the_review_is_resumed() {
    let (dir, document) = folder_with_seed();
    let dataset = dataset_in(dir.path());
    let mut harness = window(AppState::open(Some(&dataset)).expect("opens"), Lang::En);
    import(&mut harness, &document);
    // The plan accepted, the preamble rejected, chapter I edited.
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.key_press(egui::Key::Delete);
    harness.run();
    harness.key_press(egui::Key::E);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Title")
        .type_text("Original innovation");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(current_row(&harness), "I Original innovation · edited");
    let draft = harness
        .state()
        .review
        .as_ref()
        .expect("a review")
        .draft
        .clone();
    let decisions = plan_explorer::import::decisions_path(&draft);
    assert!(
        decisions.is_file(),
        "the marks are written beside the draft"
    );
    drop(harness);

    // A fresh window resumes the draft: the marks are as they were.
    let mut state = AppState::open(Some(&dataset)).expect("opens");
    assert!(state.finish_importing(Duration::from_mins(1)));
    let mut harness = window(state, Lang::En);
    harness.get_by_label("Resume").click();
    harness.run_steps(2);
    imported(&mut harness);
    assert!(harness.query_by_label("1 of 45 reviewed").is_some());
    assert!(
        harness
            .query_by_label("I Original innovation · edited")
            .is_some()
    );
    // Up from the edited chapter passes over the rejected preamble.
    let edited = node_titled(&draft_on_disk(&harness), "Original innovation").expect("there")["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Select((
            plan_explorer::import::review::Kind::Node,
            edited,
        ))));
    harness.run();
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert!(current_row(&harness).starts_with("plan · "));
    assert!(harness.query_by_label("Preamble · rejected").is_some());

    // Starting again over the draft starts with no marks.
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Close));
    harness.run();
    import(&mut harness, &document);
    harness.get_by_label("Start again").click();
    harness.run_steps(2);
    imported(&mut harness);
    assert!(harness.query_by_label("0 of 46 reviewed").is_some());
    assert!(harness.query_by_label("Preamble · rejected").is_none());
    assert!(
        !decisions.exists() || {
            let kept: plan_explorer::view::review::Decisions =
                serde_json::from_slice(&std::fs::read(&decisions).expect("reads")).expect("JSON");
            kept == plan_explorer::view::review::Decisions::default()
        }
    );
}

#[test]
fn k_and_the_kind_buttons_change_a_figures_kind_and_the_draft_keeps_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let document = dir.path().join("004_673a45e4a74c7541.txt");
    std::fs::copy(common::seeds().join("004_673a45e4a74c7541.txt"), &document)
        .expect("the seed copies");
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    import(&mut harness, &document);
    let target = {
        let review = harness.state().review.as_ref().expect("a review");
        review
            .review
            .queue()
            .into_iter()
            .find(|e| e.kind == plan_explorer::import::review::Kind::Target)
            .expect("a target")
            .id
    };
    let metric = draft_on_disk(&harness)["targets"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == target.as_str()))
        .expect("on disk")["metric"]
        .clone();
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Select((
            plan_explorer::import::review::Kind::Target,
            target.clone(),
        ))));
    harness.run();
    assert!(harness.query_by_label("Kind (k):").is_some());

    // k makes the target a fact: shown as edited, on disk among the facts.
    harness.key_press(egui::Key::K);
    harness.run();
    let shown = current_row(&harness);
    assert!(shown.starts_with("fact · "), "{shown}");
    assert!(shown.ends_with("· edited"), "{shown}");
    let json = draft_on_disk(&harness);
    assert!(
        json["targets"]
            .as_array()
            .is_none_or(|t| t.iter().all(|t| t["id"] != target.as_str()))
    );
    let fact = json["facts"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["id"] == target.as_str()))
        .expect("a fact on disk");
    assert_eq!(fact["title"], metric);

    // The button makes it a point of a series of its own.
    harness.get_by_label("series point").click();
    harness.run();
    let shown = current_row(&harness);
    assert!(
        shown.starts_with("series point · ") || shown.starts_with("figure · "),
        "{shown}"
    );
    let json = draft_on_disk(&harness);
    assert!(json["series"].as_array().is_some_and(|s| s.iter().any(|s| {
        s["title"] == metric
            && s["points"]
                .as_array()
                .is_some_and(|p| p.iter().any(|p| p["id"] == target.as_str()))
    })));
}

#[test]
fn m_and_space_merge_a_restated_target_into_the_datasets_own() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let document = dir.path().join("004_673a45e4a74c7541.txt");
    std::fs::copy(common::seeds().join("004_673a45e4a74c7541.txt"), &document)
        .expect("the seed copies");
    let dataset = dataset_in(dir.path());
    let mut harness = window(AppState::open(Some(&dataset)).expect("opens"), Lang::En);
    import(&mut harness, &document);
    let (target, into, total) = {
        let review = harness.state().review.as_ref().expect("a review");
        let target = review
            .review
            .queue()
            .into_iter()
            .find(|e| e.kind == plan_explorer::import::review::Kind::Target)
            .expect("a target")
            .id;
        let into = review
            .review
            .merge_targets(plan_explorer::import::review::Kind::Target, &target)[0]
            .clone();
        (target, into, review.progress().1)
    };
    let quote = draft_on_disk(&harness)["targets"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == target.as_str()))
        .expect("on disk")["quote"]
        .clone();
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Select((
            plan_explorer::import::review::Kind::Target,
            target.clone(),
        ))));
    harness.run();
    assert!(
        harness
            .query_by_label("Merge into (m, then Space):")
            .is_some()
    );
    assert!(harness.query_by_label(&into.name).is_some());

    // m puts the keyboard on the likeliest record; Space merges.
    harness.key_press(egui::Key::M);
    harness.run();
    assert!(harness.get_by_label(&into.name).is_focused());
    harness.key_press(egui::Key::Space);
    harness.run();
    assert!(
        harness
            .query_by_label(&format!("0 of {} reviewed", total - 1))
            .is_some()
    );
    let json = draft_on_disk(&harness);
    let targets = json["targets"].as_array().expect("targets");
    assert!(targets.iter().all(|t| t["id"] != target.as_str()));
    let merged = targets
        .iter()
        .find(|t| t["id"] == into.id.as_str())
        .expect("the dataset's target");
    assert!(
        merged["also"]
            .as_array()
            .is_some_and(|a| a.iter().any(|c| c["quote"] == quote))
    );
    let rows = {
        let review = harness.state().review.as_ref().expect("a review");
        review.rows(Lang::En)
    };
    assert!(
        rows.iter()
            .any(|r| r.id == target && r.line(Lang::En).ends_with("· merged"))
    );
}

#[test]
fn selected_words_become_a_figures_quote_or_a_clear_message_says_why_not() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let document = dir.path().join("004_673a45e4a74c7541.txt");
    std::fs::copy(common::seeds().join("004_673a45e4a74c7541.txt"), &document)
        .expect("the seed copies");
    let text = std::fs::read_to_string(&document).expect("reads");
    let mut harness = window(AppState::open(None).expect("opens"), Lang::En);
    import(&mut harness, &document);
    let target = {
        let review = harness.state().review.as_ref().expect("a review");
        review
            .review
            .queue()
            .into_iter()
            .find(|e| e.kind == plan_explorer::import::review::Kind::Target)
            .expect("a target")
            .id
    };
    let key = (plan_explorer::import::review::Kind::Target, target.clone());
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Select(key.clone())));
    harness.run();
    assert!(
        harness
            .query_by_label(
                "Select words in the document, then press q, to widen or narrow the quote."
            )
            .is_some()
    );
    let quote = draft_on_disk(&harness)["targets"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == target.as_str()))
        .expect("on disk")["quote"]
        .as_str()
        .expect("a quote")
        .to_owned();
    // Words without the figure's number: refused, said, nothing changed.
    let first_digit = quote.find(|c: char| c.is_ascii_digit()).expect("a number");
    let words = quote[..first_digit].trim().to_owned();
    assert!(!words.is_empty(), "{quote}");
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::SetQuote(
            key.clone(),
            words,
        )));
    harness.run();
    assert!(
        harness
            .query_by_label(
                "The quote was not changed: the selected words do not state the figure's value."
            )
            .is_some()
    );
    // The whole paragraph: taken, the record edited, the draft on disk.
    let paragraph = text
        .lines()
        .find(|l| l.contains(&quote))
        .expect("its paragraph")
        .trim()
        .to_owned();
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::SetQuote(
            key,
            paragraph.clone(),
        )));
    harness.run();
    assert!(current_row(&harness).ends_with("· edited"));
    let on_disk = draft_on_disk(&harness)["targets"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == target.as_str()))
        .expect("on disk")["quote"]
        .clone();
    assert_eq!(on_disk, paragraph.as_str());
}
