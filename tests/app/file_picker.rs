//! The app's own file picker, for systems with no file dialog: a folder's
//! entries, places and completion as data against real folders, and the
//! picker in the Open dialog driven through AccessKit and the keyboard.

use crate::common;

use std::path::{Path, PathBuf};

use egui_kittest::kittest::Queryable as _;
use plan_explorer::folders::{complete, completions, list, places};
use plan_explorer::ui::{AppState, SessionCommand};
use plan_explorer::view::picker::{Filter, expand_home};

/// A folder with sub-folders, dataset files in two cases, another file,
/// a hidden file, a named pipe and links.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    for sub in ["b", "A", "sub", ".hidden"] {
        std::fs::create_dir(root.join(sub)).expect("mkdir");
    }
    let edition =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/editions/shanghai_plans-2025-12-31.json");
    std::fs::copy(&edition, root.join("sub/data.json")).expect("copies");
    for file in ["x.json", "Y.JSON", "notes.txt", ".secret.json"] {
        std::fs::write(root.join(file), "{}").expect("writes");
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("sub"), root.join("link")).expect("link");
        std::os::unix::fs::symlink(root.join("gone"), root.join("broken")).expect("link");
        let fifo = root.join("pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    }
    dir
}

fn names(dir: &Path, filter: Filter, hidden: bool) -> Vec<String> {
    list(dir, filter, hidden)
        .expect("lists")
        .into_iter()
        .map(|e| {
            if e.is_dir {
                format!("{}/", e.name)
            } else {
                e.name
            }
        })
        .collect()
}

#[test]
fn a_listing_has_folders_first_then_dataset_files_and_no_pipes() {
    let dir = folder();
    assert_eq!(
        names(dir.path(), Filter::Datasets, false),
        ["A/", "b/", "link/", "sub/", "x.json", "Y.JSON"]
    );
    assert_eq!(
        names(dir.path(), Filter::All, false),
        ["A/", "b/", "link/", "sub/", "notes.txt", "x.json", "Y.JSON"]
    );
    assert_eq!(
        names(dir.path(), Filter::Datasets, true),
        [
            ".hidden/",
            "A/",
            "b/",
            "link/",
            "sub/",
            ".secret.json",
            "x.json",
            "Y.JSON"
        ]
    );
    let entries = list(&dir.path().join("sub"), Filter::Datasets, false).expect("lists");
    assert!(entries[0].size.is_some_and(|s| s > 1000));
    let missing = dir.path().join("no such folder");
    let error = list(&missing, Filter::Datasets, false).expect_err("missing");
    assert!(
        error
            .to_string()
            .starts_with(&format!("cannot read the folder {}", missing.display()))
    );
}

#[test]
fn a_typed_path_completes_to_what_its_folder_holds() {
    let dir = folder();
    let root = format!("{}/", dir.path().display());
    assert_eq!(
        completions(&format!("{root}s"), None, Filter::Datasets),
        [format!("{root}sub/")]
    );
    assert_eq!(
        complete(&format!("{root}s"), None, Filter::Datasets),
        format!("{root}sub/")
    );
    // Two candidates share nothing more: the typed path stays.
    assert_eq!(
        complete(&format!("{root}x"), None, Filter::Datasets),
        format!("{root}x.json")
    );
    let both = completions(&root, None, Filter::Datasets);
    assert_eq!(both.len(), 6, "{both:?}");
    assert_eq!(complete(&root, None, Filter::Datasets), root);
    // A folder that does not exist completes to nothing.
    assert!(completions(&format!("{root}nothing/"), None, Filter::Datasets).is_empty());
    // `~` is the home folder.
    let home = dir.path();
    assert_eq!(
        expand_home("~/sub", Some(home)),
        format!("{}/sub", home.display())
    );
    assert_eq!(expand_home("~x", Some(home)), "~x");
    assert_eq!(
        complete("~/su", Some(home), Filter::Datasets),
        format!("{root}sub/")
    );
}

#[test]
fn places_are_home_its_usual_folders_the_recent_files_folders_and_the_root() {
    let dir = folder();
    std::fs::create_dir(dir.path().join("Documents")).expect("mkdir");
    let recent = vec![
        dir.path().join("sub/data.json"),
        dir.path().join("sub/other.json"),
        dir.path().join("A/z.json"),
    ];
    let found = places(Some(dir.path()), &recent, "Home");
    let paths: Vec<PathBuf> = found.iter().map(|p| p.path.clone()).collect();
    assert_eq!(
        paths,
        [
            dir.path().to_owned(),
            dir.path().join("Documents"),
            dir.path().join("sub"),
            dir.path().join("A"),
            PathBuf::from("/"),
        ]
    );
    assert_eq!(found[0].name, "Home");
}

fn harness() -> crate::common::Window {
    // Tests never show a native dialog: Browse opens the app's picker.
    let state = AppState::open(None).expect("opens");
    assert!(!state.session.native_dialogs);
    common::window(state)
}

#[test]
fn browse_opens_the_apps_picker_where_a_click_opens_a_folder_and_chooses_a_file() {
    let dir = folder();
    let mut harness = harness();
    harness.state_mut().apply(SessionCommand::OpenDatasetDialog);
    harness.run();
    harness
        .get_by_label("Path:")
        .type_text(&dir.path().display().to_string());
    harness.run();
    harness.get_by_label("Browse…").click();
    harness.run();
    // The picker lists the typed folder, with the places beside it.
    assert!(harness.query_by_label("sub/").is_some());
    assert!(
        harness.query_by_label("notes.txt").is_none(),
        "datasets only"
    );
    assert!(harness.query_by_label("Home").is_some());
    // A folder opens at a click.
    harness.get_by_label("sub/").click_accesskit();
    harness.run();
    harness.run();
    let data = dir.path().join("sub/data.json");
    harness.get_by_label_contains("data.json").click_accesskit();
    harness.run();
    assert_eq!(
        plan_explorer::ui::dialogs::typed_path(harness.state()),
        Some(data.display().to_string()),
        "a click puts the file's path in the field"
    );
    // Open, as after typing the path. (A double click opens it too; kittest
    // cannot time one, so that was tried in the real window under Xvfb.)
    harness.get_by_label("Open").click_accesskit();
    // The load wakes the window with its progress, so the frames are
    // stepped rather than run until they settle.
    harness.run_steps(2);
    assert!(harness.state().dialog.is_none());
    assert!(
        harness
            .state_mut()
            .finish_loading(std::time::Duration::from_secs(30))
    );
    assert_eq!(harness.state().doc.path.as_deref(), Some(data.as_path()));
    assert_eq!(harness.state().doc.dataset.edition, "2025-12-31");
}

#[test]
fn the_keyboard_completes_moves_and_opens_in_the_picker() {
    let dir = folder();
    let mut harness = harness();
    harness.state_mut().apply(SessionCommand::OpenDatasetDialog);
    harness.run();
    harness.get_by_label("Browse…").click();
    harness.run();
    // Tab completes the typed path and opens the folder it names.
    let typed = format!("{}/su", dir.path().display());
    harness.get_by_label("Path:").focus();
    harness.get_by_label("Path:").type_text(&typed);
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    let sub = format!("{}/sub/", dir.path().display());
    assert_eq!(
        plan_explorer::ui::dialogs::typed_path(harness.state()),
        Some(sub)
    );
    assert!(harness.query_by_label_contains("data.json").is_some());
    // Down selects the file (its path goes into the field), Enter opens it.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let data = dir.path().join("sub/data.json");
    assert_eq!(
        plan_explorer::ui::dialogs::typed_path(harness.state()),
        Some(data.display().to_string())
    );
    harness.key_press(egui::Key::Enter);
    // The load wakes the window with its progress: frames are stepped.
    harness.run_steps(2);
    assert!(harness.state().dialog.is_none());
    assert!(
        harness
            .state_mut()
            .finish_loading(std::time::Duration::from_secs(30))
    );
    assert_eq!(harness.state().doc.path.as_deref(), Some(data.as_path()));
}

#[test]
fn the_export_dialogs_picker_moves_the_file_to_the_folder_chosen_keeping_its_name() {
    let dir = folder();
    let mut harness = harness();
    harness.state_mut().apply(SessionCommand::OpenExportDialog);
    harness.run();
    let name = |state: &AppState| match &state.dialog {
        Some(plan_explorer::ui::Dialog::Export(export)) => export.path.clone(),
        _ => panic!("the export dialog is open"),
    };
    let before = name(harness.state());
    let file_name = Path::new(&before).file_name().expect("a name").to_owned();
    // Start in the temporary folder: type it as the path's folder.
    let typed = dir.path().join(&file_name).display().to_string();
    if let Some(plan_explorer::ui::Dialog::Export(export)) = &mut harness.state_mut().dialog {
        export.path = typed;
    }
    harness.run();
    harness.get_by_label("Browse…").click_accesskit();
    harness.run();
    // Every file shows here, not only datasets.
    assert!(harness.query_by_label_contains("notes.txt").is_some());
    harness.get_by_label("A/").click_accesskit();
    harness.run();
    assert_eq!(
        name(harness.state()),
        dir.path().join("A").join(&file_name).display().to_string()
    );
}

/// Symbolic links that loop (`a -> b -> a`, `me -> me`) and a link to its
/// own folder: as the dataset path, in a folder the picker lists, and under
/// Tab completion. Each gives an answer at once, never a hang or a crash.
#[cfg(unix)]
#[test]
fn symlink_loops_are_refused_as_a_dataset_left_out_of_listings_and_never_completed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::os::unix::fs::symlink(root.join("loop-b.json"), root.join("loop-a.json")).expect("link");
    std::os::unix::fs::symlink(root.join("loop-a.json"), root.join("loop-b.json")).expect("link");
    std::os::unix::fs::symlink(root.join("me.json"), root.join("me.json")).expect("link");
    std::os::unix::fs::symlink(root, root.join("here")).expect("link");
    std::fs::write(root.join("real.json"), "{}").expect("writes");

    // The picker lists the link to its folder as a folder (opening it is
    // one level, like any folder), and leaves the loops out.
    assert_eq!(names(root, Filter::Datasets, false), ["here/", "real.json"]);
    // Tab completion offers none of the loops, and stops at them.
    let typed = format!("{}/loop", root.display());
    assert!(completions(&typed, None, Filter::Datasets).is_empty());
    assert_eq!(complete(&typed, None, Filter::Datasets), typed);
    let typed = format!("{}/here/here/here/m", root.display());
    assert!(completions(&typed, None, Filter::Datasets).is_empty());

    // Opened as the dataset: refused with the system's reason, naming
    // the file; the dataset on screen stays.
    for name in ["loop-a.json", "me.json"] {
        let path = root.join(name);
        let mut state = AppState::open(None).expect("opens");
        let before = state.doc.dataset.title.clone();
        state.load(&path);
        assert_eq!(state.doc.dataset.title, before);
        let problems = state.session.problems.as_ref().expect("problems shown");
        let text = format!("{problems:?}");
        assert!(
            text.contains("symbolic links") || text.contains("os error 40"),
            "{name}: {text}"
        );
        assert!(text.contains(name), "{text}");
    }
    // And at start-up, as the remembered dataset: the built-in one with a
    // banner.
    let settings = plan_explorer::ui::Settings {
        last_dataset: Some(root.join("loop-a.json")),
        ..plan_explorer::ui::Settings::default()
    };
    let ctx = egui::Context::default();
    let mut state = plan_explorer::ui::startup::starting_state(
        None,
        &settings,
        plan_explorer::i18n::Lang::En,
        &ctx,
    )
    .expect("opens");
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    let banner = state.session.banner.as_ref().expect("a banner");
    assert!(
        banner
            .text(plan_explorer::i18n::Lang::En)
            .contains("Too many levels of symbolic links"),
        "{banner:?}"
    );
}
