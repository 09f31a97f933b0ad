//! A write from the window that fails part way, for real: saving a view
//! and saving an imported edition, each under a file size limit
//! (`RLIMIT_FSIZE`) with `SIGXFSZ` ignored, so that the write fails with
//! `EFBIG` as a full disk fails with `ENOSPC`. Each must say so clearly,
//! keep the earlier file as it was, leave no partial or temporary file,
//! and lose nothing on screen.
//!
//! A limit binds a whole process, so each test runs itself again in a
//! child: this test binary, run for that one test, with
//! `PLAN_EXPLORER_UNDER_LIMIT` naming its folder and `SIGXFSZ` ignored (a
//! shell's `trap`, which exec keeps). The child does what the user does,
//! lowers its own limit (util-linux's `prlimit`) just before the save,
//! checks that the limit bites, saves, and checks what the window says;
//! the parent checks that the child ran that one test and passed, and what
//! is on disk. Without the variable the test is the parent, so it is never
//! skipped.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use egui_kittest::kittest::Queryable as _;
use plan_explorer::i18n::Lang;
use plan_explorer::ui::{AppState, Dialog, ReviewCommand, SessionCommand};

use crate::common;

/// Names the child's folder; set only in the child.
const CHILD: &str = "PLAN_EXPLORER_UNDER_LIMIT";

/// What was in each target before the save.
const EARLIER: &str = "the earlier file, which must survive";

/// The folder the parent gave, when this is the child.
fn child_folder() -> Option<PathBuf> {
    std::env::var_os(CHILD).map(PathBuf::from)
}

/// Runs the test `name` of this binary again in a child, with `SIGXFSZ`
/// ignored and `dir` as its folder, and checks that it ran and passed.
fn run_child(name: &str, dir: &Path) {
    let output = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; exec \"$@\"")
        .arg("sh")
        .arg(std::env::current_exe().expect("this test binary"))
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, dir)
        .env("MESA_SHADER_CACHE_DISABLE", "true")
        .output()
        .expect("sh runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "the child failed:\n{said}");
    assert!(
        said.contains(&format!("test {name} ... ok")) && said.contains("1 passed"),
        "the child did not run {name}:\n{said}"
    );
}

/// Lowers this process's file size limit to `bytes` (soft and hard), and
/// checks that it bites: a file of twice as many cannot be written.
fn limit_files_to(bytes: u64, dir: &Path) {
    let status = Command::new("prlimit")
        .arg("--pid")
        .arg(std::process::id().to_string())
        .arg(format!("--fsize={bytes}:{bytes}"))
        .status()
        .expect("prlimit runs (util-linux)");
    assert!(status.success(), "prlimit set no limit");
    let probe = dir.join("probe");
    let written = std::fs::write(
        &probe,
        vec![b'x'; usize::try_from(bytes * 2).expect("small")],
    );
    let _ = std::fs::remove_file(&probe);
    let error = written.expect_err("the limit is real");
    assert_eq!(error.raw_os_error(), Some(27), "{error}: not EFBIG");
}

/// The status line's words.
fn status(harness: &common::Window) -> String {
    harness
        .state()
        .session
        .status
        .as_ref()
        .map(|note| note.text(Lang::En))
        .unwrap_or_default()
}

#[test]
fn a_view_saved_from_the_window_that_fails_part_way_keeps_the_earlier_file() {
    let name = "disk_full::a_view_saved_from_the_window_that_fails_part_way_keeps_the_earlier_file";
    let Some(dir) = child_folder() else {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("board.view.json"), EARLIER).expect("writes");
        run_child(name, dir.path());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("board.view.json")).expect("kept"),
            EARLIER
        );
        assert_eq!(common::names(dir.path()), ["board.view.json"]);
        return;
    };
    let out = dir.join("board.view.json");
    let mut state = AppState::open(None).expect("opens");
    state.session.system_lang = Lang::En;
    let mut harness = common::window(state);
    // Ctrl+S, a name, the file that is there already.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(4);
    let Some(Dialog::SaveView(dialog)) = &mut harness.state_mut().dialog else {
        panic!("Ctrl+S opens the Save view dialog");
    };
    dialog.name = "Board meeting".to_owned();
    dialog.path = out.display().to_string();
    dialog.path_typed = true;
    harness.run_steps(1);
    // A view is over a kilobyte; the earlier file is under 512 bytes.
    limit_files_to(512, &dir);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    let said = status(&harness);
    assert!(
        said.contains(&out.display().to_string()) && said.contains("File too large"),
        "{said}"
    );
    // The dialog stays open with the same words, the name and path kept
    // for another try.
    let Some(Dialog::SaveView(dialog)) = &harness.state().dialog else {
        panic!("the dialog stays open");
    };
    assert_eq!(dialog.name, "Board meeting");
    assert!(
        dialog
            .message
            .as_ref()
            .is_some_and(|m| m.text(Lang::En) == said),
        "{:?}",
        dialog.message
    );
    // Said in the dialog and in the status line.
    assert_eq!(
        harness
            .query_all_by_label_contains("File too large")
            .count(),
        2
    );
    // Not remembered as a saved view.
    assert!(harness.state().session.settings.views.is_empty());
}

#[test]
fn an_edition_saved_from_the_review_that_fails_part_way_keeps_the_earlier_file() {
    let name =
        "disk_full::an_edition_saved_from_the_review_that_fails_part_way_keeps_the_earlier_file";
    let today = plan_explorer::import::to_json::today();
    let edition_name = format!("plans-{today}.json");
    let seed = "002_af999207d67a3295.txt";
    let Some(dir) = child_folder() else {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("plans.json"),
            plan_explorer::dataset::EMBEDDED_JSON,
        )
        .expect("writes");
        std::fs::copy(common::seeds().join(seed), dir.path().join(seed)).expect("copies");
        std::fs::write(dir.path().join(&edition_name), EARLIER).expect("writes");
        let before = common::names(dir.path());
        run_child(name, dir.path());
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&edition_name)).expect("kept"),
            EARLIER
        );
        // The draft the import wrote (and its decisions) is still there,
        // and nothing else was added: no partial or temporary file.
        let after = common::names(dir.path());
        let added: Vec<&String> = after.iter().filter(|n| !before.contains(n)).collect();
        assert_eq!(
            added,
            [
                "plans.draft-002_af999207d67a3295.decisions",
                "plans.draft-002_af999207d67a3295.json"
            ],
            "{after:?}"
        );
        return;
    };
    let mut state = AppState::open(Some(&dir.join("plans.json"))).expect("opens");
    state.session.system_lang = Lang::En;
    let mut harness = common::window(state);
    harness
        .state_mut()
        .apply(SessionCommand::Review(ReviewCommand::Import {
            document: dir.join(seed),
            replace: false,
        }));
    assert!(harness.state_mut().finish_importing(Duration::from_mins(1)));
    harness.run();
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
    // The edition is the whole dataset, far over 64 KiB.
    limit_files_to(64 * 1024, &dir);
    harness.get_by_label("Save as new edition…").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    let edition = dir.join(&edition_name);
    let said = status(&harness);
    assert!(
        said.contains(&edition.display().to_string()) && said.contains("File too large"),
        "{said}"
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("File too large")
            .count(),
        2
    );
    // Nothing lost: the review and its draft are as they were, and the
    // dataset on screen is the one opened.
    let state = harness.state();
    assert!(matches!(state.dialog, Some(Dialog::SaveEdition(_))));
    let review = state.review.as_ref().expect("the review stays open");
    assert_eq!(review.draft, draft);
    assert!(draft.exists());
    assert_eq!(
        state.doc.path.as_deref(),
        Some(dir.join("plans.json").as_path())
    );
}
