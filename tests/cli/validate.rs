//! The `plan-explorer validate` and `schema` commands, run as a user would.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::fixture;

use crate::common::run;

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn seeds() -> PathBuf {
    common::seeds()
}

#[test]
fn with_no_file_it_checks_the_embedded_dataset_and_prints_the_counts() {
    let output = run(&["validate"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("<embedded dataset>: valid: 5 plans, "),
        "{text}"
    );
    for counted in [
        "measures", "units", "series", "points", "funds", "targets", "sources",
    ] {
        assert!(text.contains(counted), "{counted} missing from {text}");
    }
}

#[test]
fn the_embedded_dataset_quotes_are_all_verbatim_in_the_seed_documents() {
    // CI and developers always have shared/ beside the project; `seeds()`
    // says so loudly rather than skip in silence.
    let seeds = seeds();
    let output = run(&["validate", "--sources", seeds.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    // Its only warnings are those its caveats explain.
    for line in stdout(&output)
        .lines()
        .filter(|l| l.contains(": warning: "))
    {
        assert!(line.ends_with("its caveat says why"), "{line}");
    }
}

#[test]
fn an_invalid_file_exits_1_and_lists_each_problem_with_file_and_path() {
    let file = fixture("bad/dangling_refs.json");
    let name = file.to_str().expect("UTF-8 path");
    let output = run(&["validate", name]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(&format!("{name}: invalid: 5 errors")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{name}: error: plans[0].nodes[0].children[0].units[0]: unknown unit \"sh-hlth\""
        )),
        "{text}"
    );
}

#[test]
fn a_syntax_error_is_printed_as_file_line_column() {
    let file = fixture("bad/syntax_error.json");
    let name = file.to_str().expect("UTF-8 path");
    let output = run(&["validate", name]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains(&format!("{name}:5:1: error: invalid JSON: trailing comma")),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_missing_file_exits_2_but_the_other_files_are_still_checked() {
    let missing = fixture("bad/no_such_file.json");
    let good = fixture("minimal.json");
    let output = run(&[
        "validate",
        missing.to_str().expect("UTF-8 path"),
        good.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(text.contains("error: no such file: "), "{text}");
    assert!(text.contains("minimal.json: valid: 1 plans"), "{text}");
}

#[test]
fn a_folder_exits_2() {
    let output = run(&["validate", fixture("bad").to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("expected a dataset file, found a folder"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["validate", "--no-such-flag"]).status.code(), Some(2));
    // (A bare word would be taken for a dataset and open the window.)
    assert_eq!(run(&["--no-such-flag"]).status.code(), Some(2));
    let not_a_folder = fixture("minimal.json");
    let output = run(&[
        "validate",
        "--sources",
        not_a_folder.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--sources expects a folder"));
}

#[test]
fn a_quote_not_in_its_source_makes_the_file_invalid_with_sources() {
    let file = fixture("bad/quote_not_in_source.json");
    let sources = fixture("sources");
    let args = [
        "validate",
        "--sources",
        sources.to_str().expect("UTF-8 path"),
        file.to_str().expect("UTF-8 path"),
    ];
    let output = run(&args);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output)
            .contains("error: series[0].points[0].quote: not found verbatim in the source doc.txt"),
        "{}",
        stdout(&output)
    );
    // Without --sources the same file is valid: quotes are only checked on request.
    assert_eq!(run(&["validate", args[3]]).status.code(), Some(0));
}

#[test]
fn json_output_is_the_same_report_as_data() {
    let bad = fixture("bad/wrong_types.json");
    let good = fixture("minimal.json");
    let output = run(&[
        "validate",
        "--json",
        bad.to_str().expect("UTF-8 path"),
        good.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["valid"], false);
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["valid"], false);
    assert_eq!(files[0]["problems"].as_array().expect("problems").len(), 4);
    assert_eq!(files[0]["problems"][0]["severity"], "error");
    assert_eq!(
        files[0]["problems"][0]["path"],
        "plans[0].nodes[0].children[0].units"
    );
    // Each problem has its kind's stable code beside the English message.
    assert_eq!(files[0]["problems"][0]["code"], "wrong_type");
    assert_eq!(
        files[0]["problems"][0]["message"],
        "expected an array, found the string \"sh-health\""
    );
    let keys: Vec<&str> = files[0]["problems"][0]
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    // (A `Value` keeps its keys sorted.)
    assert_eq!(keys, ["code", "message", "path", "severity"]);
    assert_eq!(files[1]["valid"], true);
    assert_eq!(files[1]["summary"]["measures"], 2);

    let syntax = fixture("bad/syntax_error.json");
    let output = run(&["validate", "--json", syntax.to_str().expect("UTF-8 path")]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["files"][0]["problems"][0]["line"], 5);
    assert_eq!(report["files"][0]["problems"][0]["column"], 1);
    assert_eq!(report["files"][0]["problems"][0]["code"], "invalid_json");
    assert_eq!(
        report["files"][0]["problems"][0]["message"],
        "invalid JSON: trailing comma"
    );
}

#[test]
fn the_schema_command_prints_the_committed_schema() {
    let output = run(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/plan-dataset.schema.json"),
        )
        .expect("committed schema"),
    )
    .expect("JSON");
    assert_eq!(printed, committed);
}

/// A 100 MB string field (a paste gone wrong): `validate` and `briefing`
/// refuse it at once with the field's path and the limit, rather than
/// carrying it into a briefing of thousands of pages.
#[test]
fn a_100_mb_text_field_is_refused_naming_the_field_and_the_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.json");
    let text = "Lorem ipsum dolor sit amet. ".repeat(100 * 1024 * 1024 / 28);
    std::fs::write(&path, crate::common::minimal_with_text(&text)).expect("writes");
    let path = path.to_str().expect("UTF-8");
    let expected = format!(
        "plans[0].nodes[0].children[0].text: the text is {} bytes long, over the limit of 1048576 bytes for one field",
        text.len()
    );
    let output = crate::common::run(&["validate", path]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains(&expected), "{stdout}");
    let out = dir.path().join("briefing.pdf");
    let output = crate::common::run(&[
        "briefing",
        "--dataset",
        path,
        "--out",
        out.to_str().expect("UTF-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the text is"), "{stderr}");
    assert!(!out.exists());
}
