//! A closed pipe: `plan-explorer import … | head` ends before the command
//! has said all it has to say. Every command that writes to standard
//! output stops quietly then, as ripgrep does (status 0, nothing on
//! standard error), where `println!` panicked with "failed printing to
//! stdout".
//!
//! The pipe's reading end is closed before the command starts, so every
//! write meets the closed pipe (a `head` that reads a line first leaves it
//! to chance whether a short output fits before the close).

use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `plan-explorer ARGS` writing into a pipe nobody reads, and checks
/// it ended quietly; `what` names the case in failures.
fn quiet_on_a_closed_pipe(what: &str, args: &[&str]) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.is_empty() && output.status.code() == Some(0),
        "{what}: {:?}, {stderr}",
        output.status
    );
}

/// `relative` under the crate, as text.
fn file(relative: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(relative)
        .to_str()
        .expect("UTF-8")
        .to_owned()
}

#[test]
fn every_command_that_writes_to_standard_output_stops_quietly_on_a_closed_pipe() {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = |name: &str| dir.path().join(name).to_str().expect("UTF-8").to_owned();
    let seed = |name: &str| {
        crate::common::seeds()
            .join(name)
            .to_str()
            .expect("UTF-8")
            .to_owned()
    };
    let earlier = file("data/editions/shanghai_plans-2025-12-31.json");
    let current = file("data/shanghai_plans.json");
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("validate", vec!["validate".into()]),
        ("validate --json", vec!["validate".into(), "--json".into()]),
        ("export --list", vec!["export".into(), "--list".into()]),
        (
            "export (its 'wrote' line)",
            vec![
                "export".into(),
                "--chart".into(),
                "funds".into(),
                "--out".into(),
                at("funds.svg"),
            ],
        ),
        (
            "diff",
            vec!["diff".into(), earlier.clone(), current.clone()],
        ),
        (
            "diff --json",
            vec!["diff".into(), "--json".into(), earlier, current],
        ),
        (
            "check",
            vec!["check".into(), seed("001_705510ce96c515c9.txt")],
        ),
        (
            "import",
            vec![
                "import".into(),
                seed("002_af999207d67a3295.txt"),
                "--out".into(),
                at("edition.json"),
            ],
        ),
        ("sources", vec!["sources".into()]),
        (
            "briefing (its 'wrote' line)",
            vec!["briefing".into(), "--out".into(), at("briefing.docx")],
        ),
        ("schema", vec!["schema".into()]),
        ("--help", vec!["--help".into()]),
        ("help", vec!["help".into()]),
        ("help export", vec!["help".into(), "export".into()]),
        ("export --help", vec!["export".into(), "--help".into()]),
        ("--version", vec!["--version".into()]),
    ];
    for (what, args) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        quiet_on_a_closed_pipe(what, &args);
    }
}

/// The same commands still say everything into a pipe that is read, and
/// a write that fails for another reason (a full disk under
/// `> report.txt`) is said, with status 2, not taken for a whole report.
#[test]
fn a_read_pipe_gets_everything_and_a_full_disk_under_a_redirect_is_said() {
    let output = crate::common::run_command("export", &["--list"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        text.lines().count(),
        plan_explorer::view::charts::ChartId::ALL.len(),
        "{text}"
    );
    // /dev/full: every write fails with ENOSPC, as on a full disk.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens");
    let output = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(["validate", "--json"])
        .stdout(full)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output") && stderr.contains("No space left"),
        "{stderr}"
    );
}
