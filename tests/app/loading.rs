//! Loading updated datasets in the window, exporting from it, as a user
//! would (`egui_kittest` through `AccessKit`): the problems panel keeps what is
//! on screen, a file rewritten in chunks reloads once it settles, the
//! change summary leads to the changed items, and Export writes files.

use crate::common;

use std::path::{Path, PathBuf};

use common::painted_texts;
use egui_kittest::kittest::Queryable as _;
use plan_explorer::dataset::FigureRef;
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::{AppState, Dialog};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn edition() -> PathBuf {
    root().join("data/editions/shanghai_plans-2025-12-31.json")
}

fn current() -> PathBuf {
    root().join("data/shanghai_plans.json")
}

fn harness(state: AppState) -> crate::common::Window {
    let mut harness = crate::common::app(crate::common::builder(), state);
    harness.run_steps(2);
    harness
}

/// Waits for the load the last frames started, and draws its result.
fn loaded(harness: &mut crate::common::Window) {
    assert!(
        harness
            .state_mut()
            .finish_loading(std::time::Duration::from_mins(1)),
        "the load ends"
    );
    harness.run_steps(2);
}

fn open_with_dialog(harness: &mut crate::common::Window, path: &Path) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run_steps(2);
    assert!(matches!(harness.state().dialog, Some(Dialog::Open(_))));
    // The path field; the built-in dataset has no path, so it is empty.
    harness.get_by_label("Path:").focus();
    harness
        .get_by_label("Path:")
        .type_text(path.to_str().expect("UTF-8"));
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    harness.run_steps(3);
    loaded(harness);
}

#[test]
fn an_invalid_file_leaves_the_dataset_and_lists_its_problems() {
    let mut harness = harness(AppState::open(None).expect("opens"));
    let title = harness.state().doc.dataset.title.clone();
    let measures = harness.state().doc.dataset.nodes.len();
    let bad = root().join("tests/fixtures/bad/syntax_error.json");
    open_with_dialog(&mut harness, &bad);

    let state = harness.state();
    assert_eq!(
        state.doc.dataset.title, title,
        "the dataset on screen stays"
    );
    assert_eq!(state.doc.dataset.nodes.len(), measures);
    assert_eq!(state.doc.path, None);
    let problems = state
        .session
        .problems
        .as_ref()
        .expect("the problems panel is open");
    assert_eq!(problems.file, bad);
    // Each line names the file, line and column.
    let line = &problems.lines(Lang::En)[0];
    assert!(
        line.starts_with(&format!("{}:", bad.display())) && line.contains(": error: "),
        "{line}"
    );
    assert!(
        line.split(':')
            .nth(1)
            .is_some_and(|l| l.parse::<u32>().is_ok()),
        "{line}"
    );
    assert!(
        harness
            .query_by_label_contains("). The dataset on screen is unchanged.")
            .is_some()
    );
    // "Copy all" puts every line on the clipboard, as shown.
    let shown = problems.lines(Lang::En).join("\n");
    harness.get_by_label("Copy all").click();
    let mut copied = Vec::new();
    for _ in 0..2 {
        harness.step();
        copied.extend(
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .filter_map(|c| match c {
                    egui::OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                }),
        );
    }
    assert_eq!(copied.len(), 1, "one copy: {copied:?}");
    assert!(
        copied[0].contains(&shown),
        "the clipboard holds every line shown:\n{}\n---\n{shown}",
        copied[0]
    );
    // A missing file is a problem too, and still nothing is replaced.
    open_with_dialog(&mut harness, Path::new("/no/such/dataset.json"));
    let problems = harness.state().session.problems.as_ref().expect("open");
    assert!(
        problems.lines(Lang::En)[0].contains("/no/such/dataset.json"),
        "{:?}",
        problems.lines(Lang::En)
    );
    assert_eq!(harness.state().doc.dataset.title, title);
}

#[test]
fn opening_a_newer_edition_shows_what_changed_each_a_click_from_its_item() {
    let mut harness = harness(AppState::open(Some(&edition())).expect("opens"));
    assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");
    open_with_dialog(&mut harness, &current());
    let state = harness.state();
    assert_eq!(state.doc.dataset.edition, "2026-02-07");
    let changes = state
        .doc
        .changes
        .as_ref()
        .expect("the change summary is open");
    assert!(
        changes
            .summary(Lang::En)
            .contains("funds: 6 added, 0 removed, 1 changed"),
        "{}",
        changes.summary(Lang::En)
    );
    assert!(harness.query_by_label_contains("What changed").is_some());
    // The summary opens tall enough to read: its heading sits in the
    // window's lower half, not squeezed into the last few lines.
    let heading = harness.get_by_label_contains("What changed").rect();
    assert!(
        (400.0..560.0).contains(&heading.top()),
        "the summary's heading is at {heading:?}"
    );
    // The renamed fund, old -> new, one click from the fund.
    assert!(
        harness
            .query_by_label_contains(
                "name: \"15-billion-yuan fund for future-oriented industries\" -> \"Future Industry Fund\""
            )
            .is_some()
    );
    harness.get_by_label("Future Industry Fund").click();
    harness.run_steps(2);
    let Some(Item::Figure(FigureRef::Fund(fund))) = harness.state().doc.selected() else {
        panic!("the fund is selected");
    };
    assert_eq!(
        harness.state().doc.dataset.funds[fund.index()].id,
        "fund-future-industry"
    );
    // The file is in the recent list.
    assert_eq!(
        harness.state().session.settings.recent.first(),
        Some(&current())
    );
}

#[test]
fn a_file_rewritten_in_chunks_reloads_once_it_settles_and_never_reports_half_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plans.json");
    std::fs::copy(edition(), &file).expect("copies");
    let mut harness = harness(AppState::open(Some(&file)).expect("opens"));
    assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");

    // The new edition arrives in three chunks, a quarter of a second
    // apart (each kittest step is a quarter of a second).
    let new = std::fs::read(current()).expect("reads");
    let third = new.len() / 3;
    std::fs::write(&file, &new[..third]).expect("writes");
    for (start, end) in [(third, 2 * third), (2 * third, new.len())] {
        harness.run_steps(1);
        assert!(
            harness.state().session.problems.is_none(),
            "half a file is not reported"
        );
        assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");
        let mut handle = std::fs::OpenOptions::new()
            .append(true)
            .open(&file)
            .expect("opens");
        std::io::Write::write_all(&mut handle, &new[start..end]).expect("appends");
    }
    // Settling takes a second; then it reloads, once.
    harness.run_steps(8);
    loaded(&mut harness);
    let state = harness.state();
    assert!(
        state.session.problems.is_none(),
        "{:?}",
        state.session.problems
    );
    assert_eq!(state.doc.dataset.edition, "2026-02-07");
    assert!(state.doc.changes.is_some());
}

#[test]
fn a_broken_rewrite_is_reported_after_it_settles_and_the_old_data_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plans.json");
    std::fs::copy(edition(), &file).expect("copies");
    let mut harness = harness(AppState::open(Some(&file)).expect("opens"));
    std::fs::write(&file, "{ \"schema_version\": 1, ").expect("writes");
    harness.run_steps(2);
    assert!(
        harness.state().session.problems.is_none(),
        "not while it may still be written"
    );
    harness.run_steps(8);
    loaded(&mut harness);
    assert!(
        harness.state().session.problems.is_some(),
        "reported once settled"
    );
    assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");
}

#[test]
fn ctrl_r_reloads_the_open_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plans.json");
    std::fs::copy(edition(), &file).expect("copies");
    let mut state = AppState::open(Some(&file)).expect("opens");
    // No automatic reload here: only the key.
    state.watch = None;
    let mut harness = harness(state);
    std::fs::copy(current(), &file).expect("copies");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::R);
    harness.run_steps(2);
    loaded(&mut harness);
    assert_eq!(harness.state().doc.dataset.edition, "2026-02-07");
}

fn set_export_path(harness: &mut crate::common::Window, path: &Path) {
    let Some(Dialog::Export(dialog)) = &mut harness.state_mut().dialog else {
        panic!("the export dialog is open");
    };
    dialog.path = path.display().to_string();
    harness.run_steps(1);
}

#[test]
fn export_from_the_app_writes_the_picture_asks_before_replacing_and_copies() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("share.png");
    let mut harness = harness(AppState::open(None).expect("opens"));
    harness.get_by_label("GDP share").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    let Some(Dialog::Export(dialog)) = &harness.state().dialog else {
        panic!("Ctrl+E opens the export dialog");
    };
    assert_eq!(dialog.chart, plan_explorer::view::charts::ChartId::GdpShare);
    assert!(
        dialog.path.ends_with("gdp-share-2026-02-07.png"),
        "{}",
        dialog.path
    );
    set_export_path(&mut harness, &out);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    let bytes = std::fs::read(&out).expect("the picture is written");
    assert!(bytes.starts_with(b"\x89PNG"));
    assert!(harness.state().dialog.is_none(), "the dialog closes");
    assert!(
        harness
            .state()
            .session
            .status
            .as_ref()
            .map(|note| note.text(Lang::En))
            .unwrap_or_default()
            .starts_with("Wrote ")
    );

    // Again to the same file: the dialog asks first.
    harness.get_by_label("Export…").click();
    harness.run_steps(2);
    set_export_path(&mut harness, &out);
    std::fs::write(&out, b"keep?").expect("writes");
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("exists. Replace it?")
            .is_some()
    );
    assert_eq!(
        std::fs::read(&out).expect("reads"),
        b"keep?",
        "not yet replaced"
    );
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    assert!(std::fs::read(&out).expect("reads").starts_with(b"\x89PNG"));

    // Copy image: the picture goes to the clipboard.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    harness.get_by_label("Copy image").click();
    let mut copied = None;
    for _ in 0..4 {
        harness.step();
        copied = copied.or_else(|| {
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .find_map(|c| match c {
                    egui::OutputCommand::CopyImage(image) => Some(image.clone()),
                    _ => None,
                })
        });
    }
    // The slide preset at the default 2 pixels a point, and the same
    // picture as the PNG the dialog wrote with the same settings, pixel
    // for pixel (not only its size).
    let copied = copied.expect("a picture on the clipboard");
    assert_eq!(copied.size, [1920, 1080]);
    let (width, height, written) = common::decode(&out);
    assert_eq!((width, height), (1920, 1080));
    let differing = copied
        .pixels
        .iter()
        .zip(&written)
        .filter(|(c, w)| {
            let [r, g, b, _] = c.to_srgba_unmultiplied();
            [r, g, b]
                .iter()
                .zip(w.iter())
                .any(|(a, b)| a.abs_diff(*b) > 2)
        })
        .count();
    assert_eq!(differing, 0, "the copied picture differs from the PNG");

    // CSV from the same dialog.
    let csv = dir.path().join("share.csv");
    set_export_path(&mut harness, &csv);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    assert!(
        std::fs::read_to_string(&csv)
            .expect("written")
            .contains("33.4")
    );
}

#[test]
fn the_export_dialog_previews_the_chosen_size_and_writes_a_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(AppState::open(None).expect("opens"));
    harness.get_by_label("GDP share").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    harness.get_by_label("Half A4 page (510x360)").click();
    harness.run_steps(1);
    // The preview shows exactly the picture that will be written: an image
    // named by its title.
    assert!(
        harness
            .query_by_role_and_label(
                egui::accesskit::Role::Image,
                "Three pioneering industries' contribution to Shanghai's GDP, 2021–2024, \
                 with 2 related series"
            )
            .is_some(),
        "the preview is named by the picture's title"
    );
    // Choosing a format sets the file's extension.
    harness.get_by_label("PDF").click();
    harness.run_steps(2);
    let Some(Dialog::Export(dialog)) = &harness.state().dialog else {
        panic!("the dialog stays open");
    };
    assert!(
        dialog.path.ends_with("gdp-share-2026-02-07.pdf"),
        "{}",
        dialog.path
    );
    assert_eq!(dialog.image.preset, plan_explorer::chart::Preset::HalfPage);
    let pdf = dir.path().join("share.pdf");
    set_export_path(&mut harness, &pdf);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF"));
    assert!(harness.state().dialog.is_none(), "the dialog closes");
    let text = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs (poppler-utils; scripts/test installs it)");
    let info = String::from_utf8_lossy(&text.stdout);
    assert!(info.contains("510 x 360 pts"), "{info}");
}

#[test]
fn an_export_to_a_missing_folder_says_why_and_keeps_the_dialog() {
    let mut harness = harness(AppState::open(None).expect("opens"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    set_export_path(&mut harness, Path::new("/no/such/folder/x.png"));
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    let status = harness
        .state()
        .session
        .status
        .as_ref()
        .map(|note| note.text(Lang::En))
        .unwrap_or_default();
    assert!(status.contains("does not exist"), "{status}");
    assert!(
        harness.state().dialog.is_some(),
        "the dialog stays for another try"
    );
}

/// A file as the windowing system hands it over when dropped.
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
fn dragging_a_file_over_the_window_says_what_will_load_and_dropping_opens_it() {
    let mut harness = harness(AppState::open(None).expect("opens"));
    harness.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(edition()),
        mime: String::new(),
    });
    harness.step();
    let overlay = format!("Drop to open {}", edition().display());
    assert!(
        painted_texts(&harness).contains(&overlay),
        "{:?}",
        painted_texts(&harness)
    );
    harness.input_mut().hovered_files.clear();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(edition())));
    harness.run_steps(2);
    loaded(&mut harness);
    assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");
    assert!(
        !painted_texts(&harness).contains(&overlay),
        "the overlay goes"
    );
}

#[test]
fn a_charts_own_menu_offers_export() {
    let mut harness = harness(AppState::open(None).expect("opens"));
    harness.get_by_label("Fund allocations").click();
    harness.run_steps(1);
    // Right click in the plot, below its legend and key.
    harness.hover_at(egui::pos2(660.0, 500.0));
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(660.0, 500.0),
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(660.0, 500.0),
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(2);
    harness.get_by_label("Export this chart…").click();
    harness.run_steps(2);
    let Some(Dialog::Export(dialog)) = &harness.state().dialog else {
        panic!("the export dialog is open");
    };
    assert_eq!(dialog.chart, plan_explorer::view::charts::ChartId::Funds);
}

#[test]
fn keys_do_not_move_the_tree_behind_an_open_dialog() {
    let mut harness = harness(AppState::open(None).expect("opens"));
    let plan = plan_explorer::dataset::PlanIx(0);
    harness
        .state_mut()
        .apply(plan_explorer::ui::DocCommand::Select(Item::Plan(plan)));
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    assert!(harness.state().dialog.is_some());
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::End);
    harness.run_steps(2);
    assert_eq!(harness.state().doc.selected(), Some(Item::Plan(plan)));
    // Ctrl+E again keeps the dialog as it is, not a fresh one.
    let Some(Dialog::Export(dialog)) = &mut harness.state_mut().dialog else {
        panic!("open");
    };
    dialog.path = "/tmp/kept.png".to_owned();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    let Some(Dialog::Export(dialog)) = &harness.state().dialog else {
        panic!("still open");
    };
    assert_eq!(dialog.path, "/tmp/kept.png");
}

#[test]
fn a_reload_keeps_the_search_the_open_entries_and_an_open_dialog() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plans.json");
    std::fs::copy(edition(), &file).expect("copies");
    let mut state = AppState::open(Some(&file)).expect("opens");
    state.watch = None;
    let mut harness = harness(state);
    harness.get_by_label("Search:").focus();
    harness.get_by_label("Search:").type_text("vaccination");
    harness.run_steps(2);
    let plan_title = harness.state().doc.dataset.plans[0].title.clone();
    // An open entry, found again by id in the new edition.
    let node = plan_explorer::dataset::NodeIx(0);
    let node_id = harness.state().doc.dataset.node(node).id.clone();
    harness
        .state_mut()
        .apply(plan_explorer::ui::DocCommand::SetOpen(
            Item::Node(node),
            true,
        ));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    std::fs::copy(current(), &file).expect("copies");
    harness
        .state_mut()
        .apply(plan_explorer::ui::SessionCommand::Reload);
    loaded(&mut harness);
    let state = harness.state();
    assert_eq!(state.doc.dataset.edition, "2026-02-07");
    assert_eq!(state.doc.filter.query, "vaccination");
    assert!(matches!(state.dialog, Some(Dialog::Export(_))));
    let again = state.doc.dataset.node_by_id(&node_id).expect("still there");
    assert!(state.doc.expansion.is_open(Item::Node(again)));
    assert!(
        state
            .doc
            .dataset
            .plans
            .iter()
            .any(|p| p.title == plan_title)
    );
}

#[test]
fn escape_leaves_the_path_field_first_and_closes_the_dialog_second() {
    let mut harness = harness(AppState::open(None).expect("opens"));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run_steps(2);
    harness.get_by_label("Path:").focus();
    harness.get_by_label("Path:").type_text("/tmp/half-typed");
    harness.run_steps(1);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    let Some(Dialog::Open(dialog)) = &harness.state().dialog else {
        panic!("the dialog stays, with what was typed");
    };
    assert_eq!(dialog.path, "/tmp/half-typed");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().dialog.is_none());
}

#[test]
fn with_problems_and_changes_open_the_chart_keeps_half_the_middle_column() {
    let mut harness = harness(AppState::open(Some(&edition())).expect("opens"));
    open_with_dialog(&mut harness, &current());
    let bad = root().join("tests/fixtures/bad/syntax_error.json");
    open_with_dialog(&mut harness, &bad);
    assert!(harness.state().session.problems.is_some());
    assert!(harness.state().doc.changes.is_some());
    // One bottom area, a tab each.
    assert!(harness.query_by_label("Problems (1)").is_some());
    let top = harness.get_by_label("Measures").rect().top();
    let bottom = harness
        .get_by_label_contains("); the dataset on screen is unchanged.")
        .rect()
        .top();
    // The chart: from its tab to the bottom of its plot (title, legend
    // and plot).
    let tab = harness.get_by_label("Industrial output").rect();
    let plot = harness
        .get_by_role_and_label(egui::Role::Image, "Industrial output chart")
        .rect();
    let chart = plot.bottom() - tab.top();
    assert!(
        chart >= 0.5 * (bottom - top),
        "the chart is {chart} of the middle column's {} points",
        bottom - top
    );
    assert!(
        plot.height() >= 150.0,
        "the plot is {} points tall",
        plot.height()
    );
    // The other tab brings the change summary forward.
    harness.get_by_label_contains("Changes (").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("What changed").is_some());
}

#[test]
fn a_named_pipe_or_a_device_is_refused_at_once_with_its_own_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.json");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let mut harness = harness(AppState::open(None).expect("opens"));
    let title = harness.state().doc.dataset.title.clone();
    for (path, words) in [
        (fifo.as_path(), "named pipe (FIFO)"),
        (Path::new("/dev/zero"), "a device (such as /dev/zero)"),
    ] {
        open_with_dialog(&mut harness, path);
        let problems = harness.state().session.problems.as_ref().expect("listed");
        assert!(
            problems.lines(Lang::En)[0].contains(words),
            "{:?}",
            problems.lines(Lang::En)
        );
        assert_eq!(harness.state().doc.dataset.title, title);
    }
}

#[test]
fn a_large_file_loads_behind_a_progress_bar_and_cancel_keeps_the_data_on_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.json");
    let text = plan_explorer::synth::generate(plan_explorer::synth::SynthOptions {
        measures: 20_000,
        seed: 3,
    });
    std::fs::write(&big, text).expect("writes");
    let mut harness = harness(AppState::open(None).expect("opens"));
    let title = harness.state().doc.dataset.title.clone();
    harness
        .state_mut()
        .apply(plan_explorer::ui::SessionCommand::OpenFile(big.clone()));
    harness.run_steps(1);
    // The window keeps drawing while the worker reads and checks.
    assert!(harness.state().is_loading());
    assert!(harness.query_by_label("Cancel").is_some());
    assert_eq!(harness.state().doc.dataset.title, title);
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().is_loading());
    assert_eq!(harness.state().doc.dataset.title, title, "nothing replaced");
    assert!(
        harness
            .query_by_label_contains("was cancelled; the dataset on screen is unchanged.")
            .is_some()
    );
    // And without Cancel it arrives.
    harness
        .state_mut()
        .apply(plan_explorer::ui::SessionCommand::OpenFile(big));
    loaded(&mut harness);
    assert_eq!(harness.state().doc.dataset.nodes.len(), 20_000);
}

#[test]
fn a_deleted_file_is_said_to_be_gone_the_data_stays_and_it_reloads_when_back() {
    for polling in [false, true] {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("plans.json");
        std::fs::copy(edition(), &file).expect("copies");
        let mut state = AppState::open(Some(&file)).expect("opens");
        // By the system's events (the default), and by polling.
        state.watch = Some(plan_explorer::watch::Watch::new(
            file.clone(),
            plan_explorer::watch::stamp(&file),
            polling,
            || {},
        ));
        let mut harness = harness(state);
        std::fs::remove_file(&file).expect("deletes");
        let gone = "was deleted or moved; the data on screen stays";
        run_until(&mut harness, |h| h.query_by_label_contains(gone).is_some());
        assert!(harness.state().session.problems.is_none(), "not a problem");
        assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");
        std::fs::copy(current(), &file).expect("comes back");
        run_until(&mut harness, |h| {
            h.state().is_loading() || h.state().doc.dataset.edition == "2026-02-07"
        });
        loaded(&mut harness);
        assert_eq!(
            harness.state().doc.dataset.edition,
            "2026-02-07",
            "polling: {polling}"
        );
    }
}

/// Draws frames, with real time passing for the watching threads, until
/// `done` holds (at most ten seconds).
fn run_until(harness: &mut crate::common::Window, done: impl Fn(&crate::common::Window) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !done(harness) {
        assert!(std::time::Instant::now() < deadline, "waited ten seconds");
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_steps(1);
    }
}

/// A reader that stalls in `read` as a network share can: it blocks
/// until the test sends bytes, or ends when the sender is dropped.
struct Stalling {
    next: std::sync::mpsc::Receiver<Vec<u8>>,
    pending: Vec<u8>,
}

impl std::io::Read for Stalling {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            match self.next.recv() {
                Ok(bytes) => self.pending = bytes,
                Err(std::sync::mpsc::RecvError) => return Ok(0),
            }
        }
        let n = buffer.len().min(self.pending.len());
        buffer[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

/// A load whose read really stalls (blocked inside `read`, after its
/// first bytes): the status line says it is reading, Escape cancels it at
/// once, the dataset on screen stays, and when the read later resumes
/// with a whole valid dataset, nothing of it lands.
#[test]
fn escape_cancels_a_load_whose_read_has_stalled_and_nothing_of_it_lands() {
    let state = AppState::open(Some(&edition())).expect("opens");
    let mut harness = harness(state);
    let (send, next) = std::sync::mpsc::channel();
    let bytes = std::fs::read(current()).expect("reads");
    let (first, rest) = bytes.split_at(4096);
    send.send(first.to_vec()).expect("sends");
    let share = Path::new("/mnt/share/plans.json");
    harness.state_mut().start_load_reading(
        share,
        Stalling {
            next,
            pending: Vec::new(),
        },
    );
    // The worker reads the first bytes and blocks in the next read.
    run_until(&mut harness, |h| {
        h.state()
            .load_job
            .as_ref()
            .is_some_and(|job| job.progress().done() >= 4096)
    });
    harness.run_steps(2);
    assert!(harness.state().is_loading(), "still reading");
    assert!(
        harness
            .query_by_label_contains("Loading /mnt/share/plans.json")
            .is_some(),
        "the status line says what is loading"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().is_loading(), "Escape let go of the load");
    assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");
    assert!(
        harness
            .query_by_label_contains("Loading /mnt/share/plans.json was cancelled")
            .is_some(),
        "the status line says it was cancelled"
    );
    // The share wakes up with the rest of a valid, newer dataset: the
    // worker reads it and stops, and the window never takes it.
    send.send(rest.to_vec()).expect("the worker still reads");
    drop(send);
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_steps(1);
    }
    assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");
    assert_eq!(
        harness.state().doc.path.as_deref(),
        Some(edition().as_path())
    );
}

/// The status line's words for a read that is slow, by how long it has
/// run (the real stalled read is
/// `escape_cancels_a_load_whose_read_has_stalled_and_nothing_of_it_lands`).
#[test]
fn the_status_line_says_still_reading_once_a_read_has_taken_a_few_seconds() {
    use plan_explorer::dataset::Phase;
    use plan_explorer::job::Progress;
    use plan_explorer::ui::loading::{STILL_READING_AFTER, status_line};
    let path = Path::new("/mnt/share/plans.json");
    let progress = Progress::default();
    Phase::Reading.enter(&progress);
    let soon = status_line(path, &progress, std::time::Duration::from_secs(1), Lang::En).0;
    assert!(
        soon.starts_with("Loading /mnt/share/plans.json: "),
        "{soon}"
    );
    let late = status_line(path, &progress, STILL_READING_AFTER, Lang::En).0;
    assert!(
        late.starts_with("Still reading /mnt/share/plans.json (")
            && late.contains("Cancel keeps the dataset on screen"),
        "{late}"
    );
    Phase::Checking.enter(&progress);
    let checking = status_line(path, &progress, STILL_READING_AFTER * 2, Lang::En).0;
    assert!(checking.starts_with("Checking "), "{checking}");
}

#[test]
fn at_start_up_the_file_opens_with_no_change_summary_and_is_remembered_while_it_loads() {
    let ctx = egui::Context::default();
    let mut state = AppState::open_in_background(Some(&edition()), &ctx).expect("opens");
    assert!(state.is_loading());
    // Closed now, the window would still remember the file.
    assert_eq!(state.settings().last_dataset, Some(edition()));
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    assert_eq!(state.doc.path, Some(edition()));
    assert!(
        state.doc.changes.is_none(),
        "nothing to compare with at start-up"
    );
    let synchronous = AppState::open(Some(&edition())).expect("opens");
    assert!(synchronous.doc.changes.is_none());
    assert!(
        synchronous
            .session
            .status
            .as_ref()
            .map(|note| note.text(Lang::En))
            .is_some_and(|s| s.starts_with("Opened ")),
        "{:?}",
        synchronous.session.status
    );
}

#[test]
fn a_reload_asked_for_while_a_file_loads_follows_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plans.json");
    std::fs::copy(edition(), &file).expect("copies");
    let mut state = AppState::open(Some(&file)).expect("opens");
    state.apply(plan_explorer::ui::SessionCommand::OpenFile(file.clone()));
    // The file changes while it loads, and a reload is asked for.
    std::fs::copy(current(), &file).expect("copies");
    state.apply(plan_explorer::ui::SessionCommand::Reload);
    assert!(state.reload_pending);
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    // The first load is done; the reload it held back has started.
    assert!(state.is_loading(), "the reload follows");
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    assert_eq!(state.doc.dataset.edition, "2026-02-07");
}

#[test]
fn a_figure_whose_caveat_changed_is_listed_in_the_changes_in_both_languages() {
    for (lang, added, changed) in [
        (
            Lang::En,
            "caveat added: “Cannot be industrial output",
            "caveat changed: “The 2021 and 2024 points",
        ),
        (
            Lang::Zh,
            "新增说明：“Cannot be industrial output",
            "说明由“The 2021 and 2024 points",
        ),
    ] {
        let mut state = AppState::open(Some(&edition())).expect("opens");
        state.session.system_lang = lang;
        state.apply(plan_explorer::ui::SessionCommand::OpenFile(current()));
        assert!(state.finish_loading(std::time::Duration::from_mins(1)));
        let harness = crate::common::window(state);
        let changes = harness.state().doc.changes.clone().expect("compared");
        assert!(
            changes.summary(lang).contains(match lang {
                Lang::En => "figures: 17 added, 0 removed, 2 changed",
                Lang::Zh => "数据：新增 17，删除 0，修改 2",
            }),
            "{}",
            changes.summary(lang)
        );
        // Each as a line of the changes panel, in the language on screen.
        assert!(
            harness.query_by_label_contains(added).is_some(),
            "{lang:?}: the caveat added is listed"
        );
        assert!(
            harness.query_by_label_contains(changed).is_some(),
            "{lang:?}: the caveat reworded is listed"
        );
    }
}
