//! `plan-explorer sources`: the list, `--search`, `--show`, `--json` and
//! `--dataset`, run as a user would.

use std::process::Output;

use crate::common::{fixture, run_command};

/// Runs `plan-explorer sources` with `args`.
fn run(args: &[&str]) -> Output {
    run_command("sources", args)
}

/// `tests/fixtures/carried_text.json`: the minimal dataset whose source
/// `doc` carries its text (and a URL), and a source `notes` without one.
fn carried() -> String {
    fixture("carried_text.json")
        .to_str()
        .expect("UTF-8")
        .to_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// The fixture's carried text, as the file states it.
fn carried_text() -> String {
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(carried()).expect("reads")).expect("JSON");
    data["sources"][0]["text"]
        .as_str()
        .expect("a text")
        .to_owned()
}

#[test]
fn the_list_shows_each_source_with_its_size_records_and_share_quoted() {
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "a header and the five sources: {text}");
    assert!(lines[0].starts_with("ID "), "{text}");
    for column in ["DATE", "CHARACTERS", "RECORDS", "QUOTED", "TITLE"] {
        assert!(lines[0].contains(column), "{text}");
    }
    // Aligned: every row's share ends where the header's column does.
    let quoted_end = lines[0].find("QUOTED").expect("the column") + "QUOTED".len();
    for line in &lines[1..] {
        assert_eq!(&line[quoted_end - 1..quoted_end], "%", "{text}");
    }
    assert!(lines[1].starts_with("src-000  undated "), "{text}");
    assert!(
        lines[3].starts_with("src-002  2025-03-07      21,449 "),
        "{text}"
    );

    // The fixture: one source with its text, one without.
    let output = run(&["--dataset", &carried()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let chars = carried_text().chars().count();
    assert!(chars < carried_text().len(), "the text has wide characters");
    let doc = text.lines().nth(1).expect("doc's line");
    assert!(doc.starts_with("doc "), "{text}");
    assert!(
        doc.contains(&format!(" {chars} ")),
        "characters, not bytes: {text}"
    );
    assert!(doc.contains(" 5 "), "five records quote it: {text}");
    assert!(doc.ends_with("%  A document"), "{text}");
    let notes = text.lines().nth(2).expect("notes' line");
    assert!(notes.contains("undated"), "{text}");
    assert!(notes.contains("no text"), "{text}");
}

#[test]
fn the_list_as_json_has_every_field_for_every_source() {
    let list = json(&run(&["--json"]));
    let list = list.as_array().expect("an array");
    assert_eq!(list.len(), 5);
    for row in list {
        for field in [
            "id",
            "title",
            "date",
            "characters",
            "records",
            "quoted_characters",
            "quoted_share",
        ] {
            assert!(row.get(field).is_some(), "{field} in {row}");
        }
        let share = row["quoted_share"].as_f64().expect("a share");
        assert!(share > 0.0 && share <= 1.0, "{row}");
    }
    assert_eq!(list[0]["date"], serde_json::Value::Null);
    assert_eq!(list[2]["date"], "2025-03-07");
    assert_eq!(list[2]["characters"], 21_449);

    let list = json(&run(&["--json", "--dataset", &carried()]));
    let doc = &list[0];
    assert_eq!(doc["id"], "doc");
    assert_eq!(doc["characters"], carried_text().chars().count());
    assert_eq!(doc["records"], 5);
    // "A document." is quoted by no record: less than the whole is quoted.
    let quoted = doc["quoted_characters"].as_u64().expect("a count");
    assert!(quoted > 100 && quoted < 258, "{doc}");
    let notes = &list[1];
    assert_eq!(notes["id"], "notes");
    assert_eq!(notes["characters"], serde_json::Value::Null);
    assert_eq!(notes["records"], serde_json::Value::Null);
    assert_eq!(notes["quoted_share"], serde_json::Value::Null);
}

#[test]
fn a_search_prints_each_match_in_context_with_the_records_quoting_it() {
    let output = run(&[
        "--dataset",
        &carried(),
        "--search",
        "\"four-in-one\"",
        "platform",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(
        text,
        "doc:29: A document. We shall build a [“four-in-one” platform]. The share was 33.4 \
         percent last year. Shanghai has set up…\n    quoted by m-1\n1 match in 1 document\n",
        "the words may be several arguments; quote marks and the line break folded"
    );
    // A passage no record quotes says so.
    let output = run(&["--dataset", &carried(), "--search", "SHANGHAI has"]);
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "doc:94: …platform. The share was 33.4 percent last year. [Shanghai has] set up"
        ),
        "{text}"
    );
    assert!(text.contains("\n    not quoted by any record\n"), "{text}");

    // The built-in documents: one target and one figure quote the second.
    let output = run(&["--search", "smart factories"]);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("src-003:1591: …"), "{text}");
    assert!(
        lines[0].contains(" 500 advanced [smart factories] and "),
        "{text}"
    );
    assert_eq!(lines[1], "    quoted by t-ind-smart-factories");
    assert_eq!(
        lines[3],
        "    quoted by t-ind-smart-factories, ind-smart-factories"
    );
    assert_eq!(lines[4], "2 matches in 1 document");
}

#[test]
fn a_search_as_json_gives_each_match_s_place_context_and_records() {
    let found = json(&run(&["--json", "--search", "diaspora"]));
    assert_eq!(
        found,
        serde_json::json!([{
            "source": "src-003",
            "offset": 13_175,
            "before": "…civilization and the diverse Chinese communities of the ",
            "match": "diaspora",
            "after": ".",
            "quoted_by": [],
        }])
    );
    let found = json(&run(&[
        "--json",
        "--dataset",
        &carried(),
        "--search",
        "fund",
    ]));
    let found = found.as_array().expect("an array");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["quoted_by"], serde_json::json!(["fund"]));
    // The offset counts characters: the text before it has wide ones.
    let text = carried_text();
    let byte = text.find("fund,").expect("in the text");
    assert_eq!(found[0]["offset"], text[..byte].chars().count());
    assert_ne!(found[0]["offset"], byte);
}

#[test]
fn a_search_that_finds_nothing_says_so_and_succeeds() {
    let output = run(&["--search", "no such words anywhere"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "no match for \"no such words anywhere\" in 5 source texts\n"
    );
    assert_eq!(
        json(&run(&["--json", "--search", "zzzq"])),
        serde_json::json!([])
    );
    // Blank words are a usage error; a dataset with no text to search
    // cannot answer.
    assert_eq!(run(&["--search", " "]).status.code(), Some(2));
    let minimal = fixture("minimal.json");
    let output = run(&[
        "--dataset",
        minimal.to_str().expect("UTF-8"),
        "--search",
        "fund",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no source in this dataset carries its text"));
}

#[test]
fn show_prints_the_text_byte_for_byte() {
    let output = run(&["--dataset", &carried(), "--show", "doc"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), carried_text());
    // The built-in text hashes to the SHA-256 the dataset states.
    let output = run(&["--show", "src-002"]);
    let text = stdout(&output);
    let data = crate::common::data();
    assert_eq!(
        Some(plan_explorer::dataset::proof::sha256_hex(&text)),
        data.sources[2].sha256
    );
    let shown = json(&run(&["--show", "doc", "--json", "--dataset", &carried()]));
    assert_eq!(shown["id"], "doc");
    assert_eq!(shown["url"], "https://example.org/plans/doc.html");
    assert_eq!(shown["text"], carried_text());
    assert_eq!(shown["characters"], carried_text().chars().count());
}

#[test]
fn show_names_the_known_ids_for_an_unknown_one_and_says_when_there_is_no_text() {
    let output = run(&["--dataset", &carried(), "--show", "docs"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stderr(&output),
        "plan-explorer sources: no source \"docs\"; the sources are doc, notes\n"
    );
    let output = run(&["--dataset", &carried(), "--show", "notes"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).contains("the source \"notes\" carries no text in this dataset"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_dataset_that_does_not_load_gets_validate_s_located_problems() {
    let bad = fixture("bad/dangling_refs.json");
    let bad = bad.to_str().expect("UTF-8");
    let validate = run_command("validate", &[bad]);
    for args in [vec!["--dataset", bad], vec!["--dataset", bad, "--json"]] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(1));
        assert!(output.stdout.is_empty());
        assert_eq!(stderr(&output), stdout(&validate));
    }
    let syntax = fixture("bad/syntax_error.json");
    let output = run(&["--dataset", syntax.to_str().expect("UTF-8"), "--show", "x"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("syntax_error.json:5:1: error: invalid JSON"));
    // A file that cannot be read is an I/O error, worded as validate does.
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.json");
    let missing = missing.to_str().expect("UTF-8");
    let output = run(&["--dataset", missing]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        stdout(&run_command("validate", &[missing]))
    );
}

/// The README's `sources` sample is what the program prints, and every
/// `plan-explorer sources` command it shows runs and succeeds.
#[test]
fn the_readme_s_sources_commands_work_and_print_what_it_shows() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let start = readme
        .find("```text\n$ plan-explorer sources")
        .expect("the sources sample")
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
    let command = |line: &str| -> Output {
        let args: Vec<&str> = line.split_whitespace().skip(1).collect();
        std::process::Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
            .args(&args)
            .current_dir(root)
            .output()
            .expect("runs")
    };
    for (line, printed) in sessions {
        let output = command(&line);
        let actual: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
        assert_eq!(actual, printed, "`{line}` prints what the README shows");
    }
    // Every other `plan-explorer sources` line runs (up to a pipe or a
    // comment) and succeeds.
    let mut ran = 0;
    for line in readme.lines() {
        let line = line.split(['#', '|']).next().unwrap_or_default().trim();
        if line.starts_with("plan-explorer sources") {
            let output = command(line);
            assert_eq!(
                output.status.code(),
                Some(0),
                "`{line}`: {}",
                stderr(&output)
            );
            assert!(!output.stdout.is_empty(), "`{line}` prints nothing");
            ran += 1;
        }
    }
    assert!(ran >= 4, "only {ran} commands found");
}
