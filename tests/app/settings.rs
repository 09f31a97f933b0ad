//! Settings persist between runs, and a corrupt settings file falls back to
//! the defaults without stopping the app.

use std::collections::HashMap;
use std::path::Path;

use plan_explorer::i18n::Lang;
use plan_explorer::ui::{AppState, SessionCommand, Settings};
use plan_explorer::view::amount::Convention;
use plan_explorer::view::charts::ChartId;

use crate::common;
use egui_kittest::kittest::Queryable as _;

/// eframe's storage, in memory.
#[derive(Default)]
struct Memory(HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn settings_survive_a_restart() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.json");
    let edition =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/editions/shanghai_plans-2025-12-31.json");
    // Two files opened, the fixture last: the Recent list holds both.
    let mut state = AppState::open(Some(&edition)).expect("opens");
    state.load(&fixture);
    assert_eq!(state.doc.path.as_deref(), Some(fixture.as_path()));
    state.apply(SessionCommand::SetConvention(Convention::Chinese));
    state.apply(SessionCommand::ShowChart(ChartId::Funds));
    state.apply(SessionCommand::SetTheme(egui::ThemePreference::Light));
    let mut storage = Memory::default();
    state.settings().save(&mut storage);

    let settings = Settings::load(Some(&storage));
    assert_eq!(settings.convention, Some(Convention::Chinese));
    assert_eq!(settings.chart, ChartId::Funds);
    assert_eq!(settings.theme, egui::ThemePreference::Light);
    assert_eq!(settings.last_dataset.as_deref(), Some(fixture.as_path()));
    assert_eq!(settings.recent, vec![fixture.clone(), edition.clone()]);

    // The window's own start-up, with no file named: the last one reopens.
    let ctx = egui::Context::default();
    let mut restarted =
        plan_explorer::ui::startup::starting_state(None, &settings, Lang::En, &ctx).expect("opens");
    assert!(
        restarted.is_loading(),
        "the last dataset loads behind the built-in one"
    );
    assert!(restarted.finish_loading(std::time::Duration::from_mins(1)));
    assert_eq!(restarted.doc.dataset.title, "Minimal dataset");
    assert_eq!(restarted.doc.path.as_deref(), Some(fixture.as_path()));
    assert_eq!(restarted.session.settings.chart, ChartId::Funds);
    // The Recent list came back, most recent first, and File > Recent
    // shows it.
    assert_eq!(
        restarted.session.settings.recent,
        vec![fixture.clone(), edition.clone()]
    );
    assert_eq!(restarted.session.convention(), Convention::Chinese);
    assert_eq!(
        restarted.session.settings.theme,
        egui::ThemePreference::Light
    );
}

#[test]
fn a_file_named_at_start_up_wins_over_the_last_one() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.json");
    let edition =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/editions/shanghai_plans-2025-12-31.json");
    let settings = Settings {
        last_dataset: Some(fixture),
        ..Settings::default()
    };
    let ctx = egui::Context::default();
    let mut state =
        plan_explorer::ui::startup::starting_state(Some(&edition), &settings, Lang::En, &ctx)
            .expect("opens");
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    assert_eq!(state.doc.path.as_deref(), Some(edition.as_path()));
    // Nothing remembered and nothing named: the built-in dataset, no load.
    let state =
        plan_explorer::ui::startup::starting_state(None, &Settings::default(), Lang::En, &ctx)
            .expect("opens");
    assert!(!state.is_loading());
    assert_eq!(state.doc.path, None);
}

/// In eframe's storage, in memory; the file on disk is
/// `a_bad_settings_file_on_disk_gives_the_defaults_and_a_note_and_loses_nothing`.
#[test]
fn corrupt_or_missing_stored_settings_give_the_defaults() {
    let mut storage = Memory::default();
    storage
        .0
        .insert(Settings::KEY.to_owned(), "{ this is not ron ]".to_owned());
    assert_eq!(Settings::load(Some(&storage)), Settings::default());
    assert_eq!(
        Settings::load(Some(&Memory::default())),
        Settings::default()
    );
    assert_eq!(Settings::load(None), Settings::default());
}

#[test]
fn settings_written_by_earlier_versions_still_read() {
    // The convention written out, with a flag saying whether it was chosen,
    // as app.ron has always held it; a missing field takes its default.
    let mut storage = Memory::default();
    let old = "(convention:Chinese,chart:Funds,theme:Dark,last_dataset:None,\
               recent:[\"/data/plans.json\"],lang:Some(Zh),convention_chosen:true)";
    storage.0.insert(Settings::KEY.to_owned(), old.to_owned());
    let settings = Settings::load(Some(&storage));
    assert_eq!(settings.convention, Some(Convention::Chinese));
    assert_eq!(settings.chart, ChartId::Funds);
    assert_eq!(settings.theme, egui::ThemePreference::Dark);
    assert_eq!(settings.recent, vec![Path::new("/data/plans.json")]);
    assert_eq!(settings.lang, Some(Lang::Zh));
    let unchosen = "(convention:Chinese,chart:Funds)";
    storage
        .0
        .insert(Settings::KEY.to_owned(), unchosen.to_owned());
    let settings = Settings::load(Some(&storage));
    assert_eq!(settings.convention, None, "amounts follow the language");
    assert_eq!(settings.lang, None);
    // And what this version writes keeps that form, flag and all.
    let chosen = Settings {
        convention: Some(Convention::Chinese),
        ..Settings::default()
    };
    chosen.save(&mut storage);
    let written = &storage.0[Settings::KEY];
    assert!(written.contains("convention_chosen:true"), "{written}");
    assert_eq!(Settings::load(Some(&storage)), chosen);
}

#[test]
fn the_built_in_dataset_is_not_remembered_as_a_file() {
    let state = AppState::open(None).expect("opens");
    assert_eq!(state.settings().last_dataset, None);
}

/// The dataset opened last time is gone by the next start: deleted, moved
/// away, made invalid, a folder or a named pipe in its place. The window
/// opens the built-in dataset with a banner naming the file and what is
/// wrong, and File > Recent says what became of it.
#[test]
fn a_remembered_dataset_that_is_gone_opens_the_built_in_one_with_a_banner() {
    let dir = tempfile::tempdir().expect("temp dir");
    let invalid = dir.path().join("invalid.json");
    std::fs::write(&invalid, "{\"plans\": [").expect("writes");
    let folder = dir.path().join("folder.json");
    std::fs::create_dir(&folder).expect("creates");
    let fifo = dir.path().join("fifo.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let cases = [
        (
            dir.path().join("deleted.json"),
            "no longer there",
            "no such file",
        ),
        (invalid, "did not load", "is not a valid dataset"),
        (folder, "not a file", "folder"),
        (fifo, "not a file", "named pipe"),
    ];
    for (path, fate, banner) in cases {
        let settings = Settings {
            last_dataset: Some(path.clone()),
            recent: vec![path.clone()],
            ..Settings::default()
        };
        let ctx = egui::Context::default();
        let mut state = plan_explorer::ui::startup::starting_state(None, &settings, Lang::En, &ctx)
            .expect("opens");
        // A load that stalls would fail here, not hang the test.
        assert!(state.finish_loading(std::time::Duration::from_mins(1)));
        assert_eq!(
            state.doc.path,
            None,
            "{}: the built-in dataset",
            path.display()
        );
        let text = state
            .session
            .banner
            .as_ref()
            .unwrap_or_else(|| panic!("{}: a banner", path.display()))
            .text(Lang::En);
        assert!(text.contains(&path.display().to_string()), "{text}");
        assert!(text.contains(banner), "{}: {text}", path.display());
        assert!(text.ends_with("Showing the built-in dataset."), "{text}");
        let mut harness = common::window(state);
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Recent").hover();
        harness.run();
        let entry = format!("{} ({fate})", path.display());
        assert!(
            harness.query_by_label(&entry).is_some(),
            "File > Recent shows {entry:?}"
        );
    }
}

/// A good settings file as eframe writes it.
fn good_settings_file() -> String {
    let mut storage = Memory::default();
    Settings {
        chart: ChartId::Funds,
        ..Settings::default()
    }
    .save(&mut storage);
    ron::to_string(&storage.0).expect("RON")
}

/// The settings file on disk (eframe's `app.ron`), corrupt, cut short,
/// unreadable or read-only, as the window finds it before eframe reads it:
/// a good copy is kept, a damaged file is restored from it or else set
/// aside (never overwritten on exit), and each case says so.
#[test]
fn a_bad_settings_file_on_disk_gives_the_defaults_and_a_note_and_loses_nothing() {
    use plan_explorer::ui::settings_file::{Trouble, prepare};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("app.ron");
    let good = good_settings_file();

    // No file yet: nothing to say.
    assert_eq!(prepare(&path), None);

    // A good file is kept as the last good copy.
    std::fs::write(&path, &good).expect("writes");
    assert_eq!(prepare(&path), None);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("app.ron.bak")).expect("a copy"),
        good
    );

    // Cut short part way (a full disk on exit): the good copy comes back,
    // and eframe then reads the settings the user had.
    std::fs::write(&path, &good[..good.len() / 2]).expect("writes");
    assert_eq!(
        prepare(&path),
        Some(Trouble::Restored { path: path.clone() })
    );
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), good);
    let restored: HashMap<String, String> =
        ron::from_str(&std::fs::read_to_string(&path).expect("reads")).expect("RON");
    let storage = Memory(restored);
    assert_eq!(Settings::load(Some(&storage)).chart, ChartId::Funds);

    // Corrupt with no good copy: set aside, not overwritten on exit.
    std::fs::remove_file(dir.path().join("app.ron.bak")).expect("removes");
    let corrupt = "{ this is not ron ]";
    std::fs::write(&path, corrupt).expect("writes");
    let kept = dir.path().join("app.ron.corrupt");
    assert_eq!(
        prepare(&path),
        Some(Trouble::Corrupt {
            path: path.clone(),
            kept: kept.clone()
        })
    );
    assert!(!path.exists());
    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), corrupt);

    // Unreadable (a folder where the file belongs reads as an error for
    // any user, root too): left as it is.
    std::fs::create_dir(&path).expect("creates");
    assert!(matches!(prepare(&path), Some(Trouble::Unreadable { .. })));
    assert!(path.is_dir());
    std::fs::remove_dir(&path).expect("removes");

    // Read-only: read, and the user told that changes will not be kept.
    std::fs::write(&path, &good).expect("writes");
    let mut permissions = std::fs::metadata(&path).expect("stat").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).expect("chmod");
    assert_eq!(
        prepare(&path),
        Some(Trouble::ReadOnly { path: path.clone() })
    );
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), good);
}

/// Where, scanning along the window's middle from the left, the pointer
/// first turns into a resize arrow: the tree panel's right edge.
fn tree_panel_edge(harness: &mut common::Window) -> f32 {
    for x in (200..900).step_by(4) {
        #[expect(clippy::cast_precision_loss, reason = "small pixel numbers")]
        let at = egui::pos2(x as f32, 400.0);
        harness.event(egui::Event::PointerMoved(at));
        harness.run();
        let icon = harness.output().platform_output.cursor_icon;
        if matches!(
            icon,
            egui::CursorIcon::ResizeHorizontal
                | egui::CursorIcon::ResizeColumn
                | egui::CursorIcon::ResizeEast
                | egui::CursorIcon::ResizeWest
        ) {
            return at.x;
        }
    }
    panic!("no resize edge found");
}

/// The README's "panel sizes persist between runs": the tree panel
/// dragged wider, the window's memory saved as eframe saves it (RON, in
/// its storage) and given to a new window, which opens with the panel as
/// wide.
#[test]
fn a_panel_dragged_wider_is_as_wide_after_a_restart() {
    let mut harness = common::window(AppState::open(None).expect("opens"));
    let edge = tree_panel_edge(&mut harness);
    let press = |harness: &mut common::Window, x: f32, pressed: bool| {
        harness.event(egui::Event::PointerButton {
            pos: egui::pos2(x, 400.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    };
    press(&mut harness, edge, true);
    for step in 1..=10 {
        #[expect(clippy::cast_precision_loss, reason = "small pixel numbers")]
        let x = edge + 12.0 * step as f32;
        harness.event(egui::Event::PointerMoved(egui::pos2(x, 400.0)));
        harness.run();
    }
    press(&mut harness, edge + 120.0, false);
    harness.event(egui::Event::PointerMoved(egui::pos2(5.0, 5.0)));
    harness.run();
    let wider = tree_panel_edge(&mut harness);
    // (The panel stops at its largest size, short of the whole drag.)
    assert!(wider > edge + 30.0, "dragged from {edge} to {wider}");
    // eframe keeps the window's memory as RON under its own key.
    let saved = ron::to_string(&harness.ctx.memory(Clone::clone)).expect("RON");
    let mut restarted = common::window(AppState::open(None).expect("opens"));
    assert!(
        (tree_panel_edge(&mut restarted) - edge).abs() < 6.0,
        "a new window starts at the default"
    );
    let mut restarted = common::window(AppState::open(None).expect("opens"));
    restarted
        .ctx
        .memory_mut(|memory| *memory = ron::from_str(&saved).expect("reads"));
    restarted.run();
    let again = tree_panel_edge(&mut restarted);
    assert!(
        (again - wider).abs() < 5.0,
        "after the restart at {again}, before at {wider}"
    );
}
