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
    assert!(text.contains("figures: none found"), "{text}");

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

/// Imports `document` (with `extra` arguments) into a draft in `dir`,
/// checks the import and `validate` both succeed without a warning, and
/// returns the draft and what import printed.
fn import_and_validate(
    dir: &std::path::Path,
    document: &std::path::Path,
    extra: &[&str],
) -> (dataset::Dataset, String) {
    let out = dir.join(format!(
        "{}.draft.json",
        document.file_stem().expect("a name").to_string_lossy()
    ));
    let mut args = vec![
        "import",
        document.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
        "--today",
        "2026-12-04",
    ];
    args.extend_from_slice(extra);
    let output = run(&args);
    let printed = said(&output);
    assert_eq!(output.status.code(), Some(0), "{printed}");
    let output = run(&["validate", out.to_str().expect("utf-8")]);
    let validated = said(&output);
    assert_eq!(output.status.code(), Some(0), "{validated}");
    assert!(validated.contains("quotes proven verbatim"), "{validated}");
    let draft = dataset::load_file(&out)
        .expect("reads")
        .dataset
        .expect("valid");
    (draft, format!("{printed}{validated}"))
}

#[test]
fn importing_seeds_001_003_004_drafts_their_figures_into_a_valid_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (seed, figures) in [
        (
            "001_705510ce96c515c9.txt",
            "figures: 1 target, 1 fund, 5 series points in 5 series, 3 facts, 1 exchange rate",
        ),
        (
            "003_90d55a4ebb278d6c.txt",
            "figures: 4 targets, 6 funds, 4 series points in 4 series, 9 facts",
        ),
        (
            "004_673a45e4a74c7541.txt",
            "figures: 12 targets, 1 exchange rate",
        ),
    ] {
        let (draft, said) = import_and_validate(dir.path(), &common::seeds().join(seed), &[]);
        assert!(said.contains(figures), "{seed}: {said}");
        assert!(!said.contains("warning"), "{seed}: {said}");
        // Every figure cites the document, is imported today and awaits
        // review; validate counts them with the plan, nodes and units.
        let source = draft.sources[0].id.clone();
        let mut figures = 0;
        let mut check = |review: &dataset::Review, citations: &[dataset::Citation]| {
            figures += 1;
            assert_eq!(review.imported.as_deref(), Some("2026-12-04"));
            assert!(review.is_pending());
            assert_eq!(draft.sources[citations[0].source.index()].id, source);
        };
        for series in &draft.series {
            for point in &series.points {
                check(&point.review, &point.citations);
            }
        }
        for fund in &draft.funds {
            check(&fund.review, &fund.citations);
        }
        for target in &draft.targets {
            check(&target.review, &target.citations);
            assert_eq!(target.plan.index(), 0, "the new plan's target");
        }
        for fact in &draft.facts {
            check(&fact.review, &fact.citations);
        }
        // The exchange rates the dollars in brackets state are imported
        // records like the rest.
        for rate in &draft.exchange_rates {
            check(&rate.review, std::slice::from_ref(&rate.citation));
        }
        assert!(figures > 0, "{seed}");
        let summary = draft.summary();
        assert_eq!(
            summary.unreviewed,
            summary.plans + summary.measures + summary.units + summary.series + figures,
            "{seed}"
        );
        assert!(said.contains(&format!(
            "{} records imported and not yet reviewed",
            summary.unreviewed
        )));
    }
}

#[test]
fn figures_drafted_into_a_dataset_keep_its_ids_apart_and_link_their_measures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let built_in =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shanghai_plans.json");
    let seed = common::seeds().join("004_673a45e4a74c7541.txt");
    let (draft, said) = import_and_validate(
        dir.path(),
        &seed,
        &["--into", built_in.to_str().expect("utf-8")],
    );
    assert!(
        said.contains("figures: 12 targets, 1 exchange rate"),
        "{said}"
    );
    let before = common::data();
    assert_eq!(draft.targets.len(), before.targets.len() + 12);
    // Seed 004 is already the dataset's source src-004: the draft cites
    // it (moved last, as a draft's document is), with no copy beside it.
    assert!(
        said.contains("source: the dataset's src-004 has the same text; the draft cites it"),
        "{said}"
    );
    assert!(!said.contains("the same text as source"), "{said}");
    assert_eq!(draft.sources.len(), before.sources.len());
    assert_eq!(draft.sources.last().map(|s| s.id.as_str()), Some("src-004"));
    let plan = draft.plans.last().expect("the new plan");
    assert_eq!(draft.sources[plan.source.index()].id, "src-004");
    let plan = draft.plans.len() - 1;
    let new: Vec<_> = draft
        .targets
        .iter()
        .filter(|t| t.plan.index() == plan)
        .collect();
    assert_eq!(new.len(), 12);
    // Each target is linked to the paragraph that states it.
    for target in &new {
        assert_eq!(target.measures.len(), 1, "{}", target.id);
        let node = draft.node(target.measures[0]);
        assert!(
            node.text.contains(&target.citations[0].quote)
                || target.citations[0].quote.contains(&node.text),
            "{}: {}",
            target.id,
            node.text
        );
    }
}

#[test]
fn a_chinese_plan_imports_with_its_figures_in_its_own_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let document = dir.path().join("未来产业行动方案.txt");
    std::fs::write(
        &document,
        "上海市促进未来产业发展行动方案\n一、总体目标\n到2027年，培育10家以上领军企业，产业规模达到1000亿元左右，研发投入强度提高2个百分点。\n二、重点任务\n（一）设立规模100亿元的未来产业基金。（责任单位：市发展改革委、市财政局）\n",
    )
    .expect("write");
    let (draft, said) = import_and_validate(dir.path(), &document, &["--lang", "zh"]);
    assert!(said.contains("figures: 3 targets, 1 fund"), "{said}");
    let metrics: Vec<_> = draft
        .targets
        .iter()
        .map(|t| {
            (
                t.metric.as_str(),
                t.metric_zh.as_deref(),
                t.value,
                t.deadline_year,
            )
        })
        .collect();
    assert_eq!(
        metrics,
        [
            ("领军企业", Some("领军企业"), 10.0, Some(2027)),
            ("产业规模", Some("产业规模"), 1e11, Some(2027)),
            ("研发投入强度", Some("研发投入强度"), 2.0, Some(2027)),
        ]
    );
    assert!(draft.targets[0].lower_bound && draft.targets[1].approximate);
    assert_eq!(draft.funds[0].name_zh.as_deref(), Some("未来产业基金"));
    assert_eq!(draft.funds[0].amount_yuan, Some(1e10));
}

/// A Chinese document's draft names in Chinese what the importer labels
/// (the text before the first numbered heading, an issuer the text does
/// not name, a rise read as the growth of the figure before it, the
/// draft's own title); an English one keeps its English labels.
#[test]
fn a_chinese_plan_s_draft_labels_are_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let document = dir.path().join("方案.txt");
    std::fs::write(
        &document,
        "上海市加快发展未来产业行动方案\n本方案旨在推动全市未来产业高质量发展。到2027年，未来产业产值达到5000亿元，增长15%。\n一、总体目标\n（一）培育先导产业。到2030年，建设15个创新中心。（责任单位：市经济信息化委）\n二、重点任务\n（一）加强协同。\n",
    )
    .expect("write");
    let out = dir.path().join("draft.json");
    let output = run(&[
        "import",
        document.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("reads")).expect("JSON");
    assert_eq!(json["title"], "导入：上海市加快发展未来产业行动方案");
    let plan = &json["plans"][0];
    assert_eq!(plan["issuer"], "文中未注明");
    assert_eq!(json["sources"][0]["publisher"], "文中未注明");
    assert_eq!(plan["nodes"][0]["title"], "前言");
    assert!(
        plan["note"]
            .as_str()
            .expect("a note")
            .contains("the node '前言'"),
        "{}",
        plan["note"]
    );
    let metrics: Vec<&str> = json["targets"]
        .as_array()
        .expect("targets")
        .iter()
        .map(|t| t["metric"].as_str().expect("a metric"))
        .collect();
    assert!(metrics.contains(&"未来产业产值增速"), "{metrics:?}");
    // None of the English labels is left.
    let text = std::fs::read_to_string(&out).expect("reads");
    for english in [
        "Preamble",
        "not stated in the text",
        " growth\"",
        "Imported: ",
        "(untitled)",
    ] {
        assert!(!text.contains(english), "{english} in the Chinese draft");
    }

    // The same plan in English keeps its English labels.
    let document = dir.path().join("plan.txt");
    std::fs::write(
        &document,
        "Action plan for future industries\nThe plan drives the city's future industries. By 2027 their output will reach 500 billion yuan, up 15 percent.\n1. Goals\n(1) Build 15 innovation centres by 2030.\n",
    )
    .expect("write");
    let out = dir.path().join("draft-en.json");
    let output = run(&[
        "import",
        document.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("reads")).expect("JSON");
    assert_eq!(json["plans"][0]["nodes"][0]["title"], "Preamble");
    assert_eq!(json["plans"][0]["issuer"], "not stated in the text");
    assert!(
        json["title"]
            .as_str()
            .expect("a title")
            .starts_with("Imported: ")
    );
}
