//! `plan-explorer import`, as an editor runs it on a new plan document.

use plan_explorer::dataset;

use crate::common::{self, run};

fn seed_002() -> std::path::PathBuf {
    common::seeds().join("002_af999207d67a3295.txt")
}

fn said(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn importing_seed_002_writes_a_valid_draft_of_the_built_in_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("draft.json");
    let output = run(&[
        "import",
        seed_002().to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
        "--today",
        "2026-12-04",
    ]);
    let text = said(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("nodes: 6 chapters, 18 measures, 21 items"),
        "{text}"
    );
    assert!(text.contains("units: 15 matched, 0 new"), "{text}");

    // The draft validates, its quotes proven against the text it carries,
    // and says how many records await review.
    let output = run(&["validate", out.to_str().expect("utf-8")]);
    let text = said(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("46 records imported and not yet reviewed"),
        "{text}"
    );

    // Node for node, the built-in plan: numbering, titles, texts, units.
    let draft = dataset::load_file(&out)
        .expect("reads")
        .dataset
        .expect("valid");
    let built_in = common::data();
    let plan = |data: &dataset::Dataset,
                source_text: &str|
     -> Vec<(Option<String>, String, String, Vec<String>)> {
        let plan = data
            .plans
            .iter()
            .find(|p| data.sources[p.source.index()].text.as_deref() == Some(source_text))
            .expect("the plan");
        let mut out = Vec::new();
        let mut stack: Vec<_> = plan.roots.iter().rev().copied().collect();
        while let Some(ix) = stack.pop() {
            let node = data.node(ix);
            out.push((
                node.numbering.clone(),
                node.title.clone(),
                node.text.clone(),
                node.units
                    .iter()
                    .map(|u| data.units[u.index()].id.to_string())
                    .collect(),
            ));
            stack.extend(node.children.iter().rev().copied());
        }
        out
    };
    let seed = std::fs::read_to_string(seed_002()).expect("seed");
    assert_eq!(plan(&draft, &seed), plan(&built_in, &seed));
    assert!(
        draft
            .nodes
            .iter()
            .all(|n| n.review.imported.as_deref() == Some("2026-12-04"))
    );
    assert!(draft.nodes.iter().all(|n| n.review.reviewed.is_none()));
    let source = &draft.sources[0];
    assert_eq!(
        source.sha256.as_deref(),
        Some(dataset::proof::sha256_hex(&seed).as_str())
    );
    assert_eq!(source.date.as_deref(), Some("2025-03-07"));
}

#[test]
fn importing_into_a_dataset_adds_the_plan_and_keeps_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("next.json");
    let into = common::fixture("minimal.json");
    let output = run(&[
        "import",
        seed_002().to_str().expect("utf-8"),
        "--into",
        into.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let before = dataset::load_file(&into)
        .expect("reads")
        .dataset
        .expect("valid");
    let after = dataset::load_file(&out)
        .expect("reads")
        .dataset
        .expect("valid");
    assert_eq!(after.plans.len(), before.plans.len() + 1);
    assert_eq!(after.plans[0], before.plans[0], "the old plan is as it was");
    // The minimal dataset knows one unit; the plan names others, proposed
    // as new units.
    assert!(after.units.len() > before.units.len());
    assert!(
        after
            .units
            .iter()
            .skip(before.units.len())
            .all(|u| u.review.is_pending())
    );
}

#[test]
fn an_existing_draft_is_not_replaced_without_force_and_a_missing_document_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("draft.json");
    std::fs::write(&out, "keep me").expect("write");
    let output = run(&[
        "import",
        seed_002().to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(said(&output).contains("--force"), "{}", said(&output));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep me");

    let missing = dir.path().join("no-such-plan.txt");
    let output = run(&[
        "import",
        missing.to_str().expect("utf-8"),
        "--out",
        dir.path().join("other.json").to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        said(&output).contains("no-such-plan.txt"),
        "{}",
        said(&output)
    );
}

#[test]
fn the_readme_import_sample_is_what_import_and_validate_print() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let start = readme
        .find("```text\n$ plan-explorer import")
        .expect("the import sample")
        + "```text\n".len();
    let end = start + readme[start..].find("```").expect("its end");
    let sample = &readme[start..end];
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("draft.json");
    let out_name = out.to_str().expect("utf-8");
    let mut printed = String::new();
    for command in sample
        .lines()
        .filter_map(|l| l.strip_prefix("$ plan-explorer "))
    {
        let args: Vec<String> = command
            .split_whitespace()
            .map(|a| match a {
                "draft.json" => out_name.to_owned(),
                "../shared/seeds/002_af999207d67a3295.txt" => seed_002().display().to_string(),
                other => other.to_owned(),
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{command}: {}",
            said(&output)
        );
        printed.push_str("$ plan-explorer ");
        printed.push_str(command);
        printed.push('\n');
        printed.push_str(
            &String::from_utf8_lossy(&output.stdout)
                .replace(out_name, "draft.json")
                .replace(
                    &seed_002().display().to_string(),
                    "../shared/seeds/002_af999207d67a3295.txt",
                ),
        );
    }
    assert_eq!(printed, sample);
}

#[test]
fn seed_002_as_word_web_page_and_pdf_imports_to_the_same_plan_as_its_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let nodes_of = |file: &str| -> Vec<(Option<String>, String, String, Vec<String>)> {
        let out = dir.path().join(format!("{file}.json"));
        let output = run(&[
            "import",
            common::fixture(&format!("import/{file}"))
                .to_str()
                .expect("utf-8"),
            "--out",
            out.to_str().expect("utf-8"),
        ]);
        assert_eq!(output.status.code(), Some(0), "{file}: {}", said(&output));
        let data = dataset::load_file(&out)
            .expect("reads")
            .dataset
            .unwrap_or_else(|| panic!("{file}: the draft is valid"));
        data.nodes
            .iter()
            .map(|n| {
                (
                    n.numbering.clone(),
                    n.title.clone(),
                    n.text.clone(),
                    n.units
                        .iter()
                        .map(|u| data.units[u.index()].id.to_string())
                        .collect(),
                )
            })
            .collect()
    };
    let from_text = nodes_of("seed002.txt");
    assert_eq!(from_text.len(), 45);
    for file in ["seed002.docx", "seed002.html", "seed002.pdf"] {
        let nodes = nodes_of(file);
        for (i, (got, want)) in nodes.iter().zip(&from_text).enumerate() {
            assert_eq!(got, want, "{file}: node {i}");
        }
        assert_eq!(nodes.len(), from_text.len(), "{file}");
    }
}
