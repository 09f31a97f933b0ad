//! The README's dataset example stays a valid dataset.

#[test]
fn the_readme_dataset_example_is_valid() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme.find("```json\n").expect("a JSON example") + "```json\n".len();
    let end = start + readme[start..].find("```").expect("the example's end");
    let loaded = plan_explorer::dataset::load_str(&readme[start..end]);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(loaded.dataset.is_some());
}

/// Every `--example`, `--bench` and `--test` target and every subcommand
/// the README names exists, so its commands work from a fresh clone.
#[test]
fn every_target_and_subcommand_the_readme_names_exists() {
    use clap::CommandFactory as _;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let words: Vec<&str> = readme
        .split(|c: char| c.is_whitespace() || c == '`')
        .filter(|w| !w.is_empty())
        .collect();
    let mut named = 0;
    for (i, pair) in words.windows(2).enumerate() {
        let folder = match pair[0] {
            "--example" => "examples",
            "--bench" => "benches",
            // After `--`, `--test` is the bench binary's quick mode.
            "--test" if i == 0 || words[i - 1] != "--" => "tests",
            _ => continue,
        };
        // A target is a file, or a folder with its `main.rs`.
        let file = root.join(folder).join(format!("{}.rs", pair[1]));
        let main = root.join(folder).join(pair[1]).join("main.rs");
        assert!(
            file.is_file() || main.is_file(),
            "the README names {} {}",
            pair[0],
            pair[1]
        );
        named += 1;
    }
    assert!(named >= 5, "only {named} targets found in the README");
    let cli = plan_explorer::cli::Cli::command();
    let subcommands: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).collect();
    let mut commands = 0;
    for pair in words.windows(2) {
        if pair[0] != "plan-explorer" {
            continue;
        }
        let next = pair[1];
        // A subcommand is a plain lower-case word; the rest are files,
        // options and placeholders.
        if next.starts_with(|c: char| c.is_ascii_lowercase())
            && next.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        {
            assert!(
                subcommands.contains(&next),
                "the README runs `plan-explorer {next}`, which is not a command ({subcommands:?})"
            );
            commands += 1;
        }
    }
    assert!(
        commands >= 5,
        "only {commands} subcommands found in the README"
    );
}

/// The README's sample `validate` session is what the program prints, line
/// for line, counts and all: each `$ plan-explorer validate ...` in it is
/// run (its files from `tests/fixtures/bad/`) and its output compared.
#[test]
fn the_readme_validate_sample_is_what_validate_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let start = readme
        .find("```text\n$ plan-explorer validate")
        .expect("the validate sample")
        + "```text\n".len();
    let end = start + readme[start..].find("```").expect("the sample's end");
    let mut sessions: Vec<(String, Vec<String>)> = Vec::new();
    for line in readme[start..end].lines() {
        if let Some(command) = line.strip_prefix("$ ") {
            sessions.push((command.to_owned(), Vec::new()));
        } else if !line.is_empty() {
            let (_, printed) = sessions.last_mut().expect("output after a command");
            printed.push(line.to_owned());
        }
    }
    assert_eq!(sessions.len(), 2, "two commands in the sample");
    for (command, printed) in sessions {
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
            .args(&args)
            .current_dir(root.join("tests/fixtures/bad"))
            .env("LANG", "en_US.UTF-8")
            .env("LC_ALL", "en_US.UTF-8")
            .output()
            .expect("runs");
        let actual: Vec<String> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_owned)
            .collect();
        assert_eq!(actual, printed, "`{command}` prints what the README shows");
    }
}

/// The README's test command is `scripts/test`, which exists, can be run,
/// and ends in `cargo test` (so it runs what `cargo test` runs).
#[test]
fn the_readme_test_command_is_the_script_that_runs_cargo_test() {
    use std::os::unix::fs::PermissionsExt as _;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    assert!(
        readme.contains("\nscripts/test "),
        "the README shows scripts/test"
    );
    let script = root.join("scripts/test");
    let mode = std::fs::metadata(&script)
        .expect("scripts/test")
        .permissions()
        .mode();
    assert!(mode & 0o111 != 0, "scripts/test is executable");
    let text = std::fs::read_to_string(&script).expect("reads");
    assert!(
        text.contains("exec cargo test \"$@\""),
        "it runs cargo test"
    );
    let ci = std::fs::read_to_string(root.join(".ci/run")).expect(".ci/run");
    assert!(
        ci.contains("\nscripts/test\n"),
        "CI runs the README's command"
    );
}

/// The README's sample `check` run is what the program prints, line for
/// line, run from the repository's root.
#[test]
fn the_readme_check_sample_is_what_check_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let start = readme
        .find("```text\n$ plan-explorer check")
        .expect("the check sample")
        + "```text\n".len();
    let end = start + readme[start..].find("```").expect("the sample's end");
    let mut lines = readme[start..end].lines();
    let command = lines
        .next()
        .and_then(|l| l.strip_prefix("$ "))
        .expect("a command");
    let printed: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(&args)
        .current_dir(root)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let actual: Vec<&str> = stdout.lines().collect();
    assert_eq!(actual, printed, "`{command}` prints what the README shows");
    assert_eq!(output.status.code(), Some(1), "a figure differs: exit 1");
}

/// `.ci/run` clears the update variables before any test runs and ends
/// with `scripts/clean-tree`, which fails when the run changed a tracked
/// file or left a new one: shown on a repository of the test's own.
#[test]
fn ci_guards_the_tree_against_a_test_that_writes_what_it_should_only_read() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let ci = std::fs::read_to_string(root.join(".ci/run")).expect(".ci/run");
    let unset = ci
        .find("\nunset UPDATE_SNAPSHOTS UPDATE_SCHEMA\n")
        .expect(".ci/run unsets both update variables");
    let tests = ci.find("\nscripts/test\n").expect(".ci/run runs the tests");
    let guard = ci
        .rfind("\nscripts/clean-tree\n")
        .expect(".ci/run runs the guard");
    assert!(unset < tests && tests < guard, "in that order");
    assert_eq!(
        ci[guard..].trim(),
        "scripts/clean-tree",
        "the guard ends it"
    );

    let repo = tempfile::tempdir().expect("temp dir");
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@t"])
            .args(args)
            .current_dir(repo.path())
            .stdout(std::process::Stdio::null())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    let guard = || {
        std::process::Command::new(root.join("scripts/clean-tree"))
            .current_dir(repo.path())
            .output()
            .expect("the guard runs")
    };
    git(&["init", "-q"]);
    std::fs::write(repo.path().join("approved.png"), "approved").expect("writes");
    git(&["add", "approved.png"]);
    git(&["commit", "-q", "-m", "approved"]);
    assert!(guard().status.success(), "a clean tree passes");
    // A test that rewrote an approved picture.
    std::fs::write(repo.path().join("approved.png"), "rewritten").expect("writes");
    let output = guard();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("approved.png"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("a test wrote a file"));
    git(&["checkout", "-q", "approved.png"]);
    // A test that left a file behind.
    std::fs::write(repo.path().join("left.part"), "").expect("writes");
    let output = guard();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("?? left.part"));
}
