//! `plan-explorer diff OLD NEW`, run as a user would.

use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs `plan-explorer diff` with `args`.
fn run(args: &[&str]) -> Output {
    crate::common::run_command("diff", args)
}

fn file(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8")
}

#[test]
fn the_earlier_edition_to_the_current_one_is_a_true_summary() {
    let old = file("data/editions/shanghai_plans-2025-12-31.json");
    let new = file("data/shanghai_plans.json");
    let output = run(&[arg(&old), arg(&new)]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    let first = text.lines().next().expect("a summary line");
    assert!(
        first.ends_with(
            "(edition 2026-02-07): plans: 3 added, 0 removed, 1 changed; measures: 50 added, \
             0 removed, 0 changed; figures: 17 added, 0 removed, 2 changed; funds: 6 added, 0 \
             removed, 1 changed; targets: 15 added, 0 removed, 0 changed"
        ),
        "{first}"
    );
    assert!(text.contains(
        "~ fund fund-future-industry: Future Industry Fund\n    name: \"15-billion-yuan fund for \
         future-oriented industries\" -> \"Future Industry Fund\"\n"
    ));
    assert!(text.contains("+ plan fyp15-industry: "), "{text}");
    // A figure whose caveat was added or reworded is a change, as a value
    // or a status change is: the 1.8 trillion gained one, the 33.4% share's
    // grew.
    assert!(
        text.contains(
            "~ figure pioneer-output-2024: Combined industrial output of the three pioneering \
             industries (AI, biomedicine, integrated circuits), 2024\n    caveat added: “Cannot be \
             industrial output in the statistical sense"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "~ figure pioneer-gdp-share-2024: Three pioneering industries' contribution to \
             Shanghai's GDP, 2024\n    caveat changed: “The 2021 and 2024 points may not measure \
             the same thing."
        ),
        "{text}"
    );
    // Backwards, additions become removals.
    let output = run(&[arg(&new), arg(&old)]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("- plan fyp15-industry: "), "{text}");
    assert!(
        text.contains("    caveat removed (it said: “Cannot be industrial output"),
        "{text}"
    );
    assert!(
        text.contains("funds: 0 added, 6 removed, 1 changed"),
        "{text}"
    );
}

#[test]
fn an_edition_against_itself_has_no_changes_and_json_lists_them() {
    let new = file("data/shanghai_plans.json");
    let output = run(&[arg(&new), arg(&new)]);
    assert!(
        String::from_utf8_lossy(&output.stdout)
            .trim_end()
            .ends_with(": no changes")
    );
    let old = file("data/editions/shanghai_plans-2025-12-31.json");
    let output = run(&[arg(&old), arg(&new), "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let changed: Vec<&serde_json::Value> = json["changes"]
        .as_array()
        .expect("a list")
        .iter()
        .filter(|c| c["kind"] == "changed")
        .collect();
    // The frontier plan gains src-003's announcement, two figures their
    // caveats, and the fund its name.
    assert_eq!(changed.len(), 4);
    assert_eq!(changed[0]["record"], "plan");
    assert_eq!(changed[0]["id"], "frontier-tech");
    assert_eq!(changed[1]["id"], "pioneer-output-2024");
    assert!(
        changed[1]["details"][0]
            .as_str()
            .is_some_and(|d| d.starts_with("caveat added: “Cannot be industrial output")),
        "{}",
        changed[1]
    );
    assert_eq!(changed[2]["id"], "pioneer-gdp-share-2024");
    assert!(
        changed[2]["details"][0]
            .as_str()
            .is_some_and(|d| d.starts_with("caveat changed: ")),
        "{}",
        changed[2]
    );
    let changed = &changed[3..];
    assert_eq!(changed[0]["record"], "fund");
    assert_eq!(changed[0]["id"], "fund-future-industry");
    assert_eq!(
        changed[0]["details"][0],
        "name: \"15-billion-yuan fund for future-oriented industries\" -> \"Future Industry Fund\""
    );
    assert_eq!(json["old_edition"], "2025-12-31");
}

#[test]
fn a_bad_or_missing_file_is_named_with_its_exit_status() {
    let good = file("data/shanghai_plans.json");
    let bad = file("tests/fixtures/bad/syntax_error.json");
    let output = run(&[arg(&good), arg(&bad)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("syntax_error.json"));
    let output = run(&[arg(&good), "/no/such.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such.json"));
}
