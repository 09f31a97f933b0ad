//! The editors' Chinese translations: a field of their own beside the
//! Chinese a document prints, one for every title of the built-in dataset,
//! marked 〔译〕 wherever the app, its exports and its briefings show one,
//! searched, compared between editions, and listed (never proved) by
//! `validate --sources`.

use crate::common;

use std::process::Command;

use plan_explorer::dataset::{Dataset, Named, Zh};
use plan_explorer::i18n::Lang;
use plan_explorer::view::{self, TRANSLATION_MARK};

use crate::common::data;

/// Every named record of the dataset, with what it is, for messages.
fn every_name(data: &Dataset) -> Vec<(String, &dyn Named)> {
    let mut all: Vec<(String, &dyn Named)> = Vec::new();
    all.extend(
        data.plans
            .iter()
            .map(|r| (format!("plan {}", r.id), r as &dyn Named)),
    );
    all.extend(
        data.nodes
            .iter()
            .map(|r| (format!("node {}", r.id), r as &dyn Named)),
    );
    all.extend(
        data.units
            .iter()
            .map(|r| (format!("unit {}", r.id), r as &dyn Named)),
    );
    all.extend(
        data.themes
            .iter()
            .map(|r| (format!("theme {}", r.id), r as &dyn Named)),
    );
    all.extend(
        data.districts
            .iter()
            .map(|r| (format!("district {}", r.id), r as &dyn Named)),
    );
    all.extend(
        data.series
            .iter()
            .map(|r| (format!("series {}", r.id), r as &dyn Named)),
    );
    all.extend(
        data.funds
            .iter()
            .map(|r| (format!("fund {}", r.id), r as &dyn Named)),
    );
    all.extend(
        data.targets
            .iter()
            .map(|r| (format!("target {}", r.id), r as &dyn Named)),
    );
    all.extend(
        data.facts
            .iter()
            .map(|r| (format!("fact {}", r.id), r as &dyn Named)),
    );
    all
}

#[test]
fn every_title_of_the_built_in_dataset_has_chinese_printed_or_translated_never_both() {
    let data = data();
    let all = every_name(&data);
    assert!(all.len() > 200, "{}", all.len());
    let missing: Vec<&String> = all
        .iter()
        .filter(|(_, r)| r.zh().is_none())
        .map(|(what, _)| what)
        .collect();
    assert!(missing.is_empty(), "no Chinese for {missing:?}");
    let both: Vec<&String> = all
        .iter()
        .filter(|(_, r)| r.printed_zh().is_some() && r.translated_zh().is_some())
        .map(|(what, _)| what)
        .collect();
    // Only a unit's printed abbreviation has the full name beside it.
    assert_eq!(
        both,
        ["unit mc-sci-tech", "unit mc-econ-info"],
        "printed and translated"
    );
    // Most titles are translations: the documents are in English.
    let translated = all
        .iter()
        .filter(|(_, r)| matches!(r.zh(), Some(Zh::Translated(_))))
        .count();
    assert!(translated > 190, "{translated}");
    // Translations are words, without the mark the app adds.
    for (what, r) in &all {
        if let Some(t) = r.translated_zh() {
            assert!(
                !t.contains(TRANSLATION_MARK) && !t.trim().is_empty(),
                "{what}: {t}"
            );
        }
    }
}

#[test]
fn chinese_shows_a_translation_marked_and_printed_chinese_as_printed() {
    let data = data();
    let translated = data
        .nodes
        .iter()
        .find(|n| n.title_zh.is_none())
        .expect("a translated node");
    let printed = data
        .nodes
        .iter()
        .find(|n| n.title_zh.is_some())
        .expect("a node with printed Chinese");
    let t = translated
        .title_zh_translation
        .as_deref()
        .expect("translated");
    assert_eq!(
        view::localized_title(Lang::Zh, translated),
        format!("{t}〔译〕")
    );
    assert_eq!(
        view::localized_title(Lang::Zh, printed),
        printed.title_zh.as_deref().expect("printed")
    );
    // English shows the English, and names only with the printed Chinese.
    assert_eq!(
        view::localized_title(Lang::En, translated),
        translated.title
    );
    let unit = data
        .units
        .iter()
        .find(|u| u.name_zh.is_none())
        .expect("a translated unit");
    assert_eq!(view::localized_name(Lang::En, unit), unit.name);
    assert!(view::localized_name(Lang::Zh, unit).ends_with(TRANSLATION_MARK));
    let printed_unit = data
        .units
        .iter()
        .find(|u| u.name_zh.is_some())
        .expect("a unit with printed Chinese");
    assert_eq!(
        view::localized_name(Lang::En, printed_unit),
        format!(
            "{} ({})",
            printed_unit.name,
            printed_unit.name_zh.as_deref().expect("printed")
        )
    );
    // Districts too, as the filter and details name them.
    let pudong = view::district_name(Lang::Zh, &data, "Pudong");
    assert!(pudong.starts_with("浦东新区"), "{pudong}");
    assert!(pudong.ends_with(TRANSLATION_MARK), "{pudong}");
}

fn with_translation(json: &mut serde_json::Value, key: &str, value: &str) {
    json["plans"][0][key] = value.into();
}

#[test]
fn a_translation_with_its_mark_is_an_error_and_one_beside_printed_chinese_a_warning() {
    let mut json = common::minimal();
    with_translation(&mut json, "title_zh_translation", "计划〔译〕");
    let loaded = plan_explorer::dataset::load_str(&json.to_string());
    let messages = common::messages(&loaded);
    assert_eq!(
        messages,
        [
            "plans[0].title_zh_translation: a translation must not carry its mark: \
          the app adds 〔译〕 wherever it shows one"
        ],
    );
    assert!(loaded.problems[0].is_error());

    let mut json = common::minimal();
    with_translation(&mut json, "title_zh", "计划");
    with_translation(&mut json, "title_zh_translation", "规划");
    let loaded = plan_explorer::dataset::load_str(&json.to_string());
    let data = loaded.dataset.as_ref().expect("still valid");
    assert_eq!(
        common::messages(&loaded),
        [
            "plans[0].title_zh_translation: never shown: `title_zh` holds the Chinese a \
          document prints, and that is shown instead"
        ],
    );
    assert_eq!(data.plans[0].zh(), Some(Zh::Printed("计划")));

    let mut json = common::minimal();
    with_translation(&mut json, "title_zh_translation", "规划");
    let loaded = plan_explorer::dataset::load_str(&json.to_string());
    assert!(
        loaded.problems.is_empty(),
        "{:?}",
        common::messages(&loaded)
    );
    let data = loaded.dataset.expect("valid");
    assert_eq!(data.plans[0].zh(), Some(Zh::Translated("规划")));
}

#[test]
fn validate_with_sources_lists_translations_and_proves_none_of_them() {
    let seeds = common::seeds();
    let output = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(["validate", "--json", "--sources"])
        .arg(&seeds)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let file = &report["files"][0];
    let listed = file["translations"].as_array().expect("a list");
    let data = data();
    let expected = every_name(&data)
        .iter()
        .filter(|(_, r)| r.translated_zh().is_some())
        .count();
    assert_eq!(listed.len(), expected);
    let first = &listed[0];
    assert_eq!(first["path"], "units[0].name_zh_translation");
    assert_eq!(first["english"], data.units[0].name.as_str());
    assert_eq!(
        first["translation"],
        data.units[0].name_zh_translation.as_deref().expect("one")
    );
    // Node translations are located like every node field.
    assert!(
        listed.iter().any(
            |t| t["path"].as_str().is_some_and(|p| p.starts_with("plans[")
                && p.contains("].nodes[")
                && p.ends_with(".title_zh_translation"))
        ),
        "{listed:?}"
    );
    // Nothing asks a document to prove an editor's words.
    let problems = file["problems"].as_array().expect("problems");
    assert!(
        problems
            .iter()
            .all(|p| !p["path"].as_str().unwrap_or("").ends_with("_translation")),
        "{problems:?}"
    );
    // And the text form says what they are.
    let text = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(["validate", "--sources"])
        .arg(&seeds)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(&format!(
            "<embedded dataset>: {expected} Chinese translations by the editors, not proved by the sources"
        )),
        "{text}"
    );
}

#[test]
fn a_printed_chinese_name_no_document_holds_is_reported_but_a_translation_is_not() {
    let seeds = common::seeds();
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    json["units"][0]["name_zh"] = "不在任何文件中的名称".into();
    json["themes"][0]["name_zh_translation"] = "也不在任何文件中".into();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("data.json");
    std::fs::write(&file, json.to_string()).expect("writes");
    let output = Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
        .args(["validate", "--json", "--sources"])
        .arg(&seeds)
        .arg(&file)
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let paths: Vec<&str> = report["files"][0]["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter(|p| p["severity"] == "error")
        .filter_map(|p| p["path"].as_str())
        .collect();
    assert_eq!(paths, ["units[0].name_zh"], "{report}");
}

#[test]
fn search_finds_a_measure_by_its_translated_title() {
    let data = data();
    let search = plan_explorer::view::tree::SearchIndex::new(&data);
    let node = data
        .nodes
        .iter()
        .position(|n| n.title_zh.is_none() && n.text_zh.is_none())
        .expect("a translated node");
    let words = data.nodes[node]
        .title_zh_translation
        .as_deref()
        .expect("translated");
    assert!(search.matching(words)[node]);
}

#[test]
fn a_changed_translation_is_a_change_of_its_own_field() {
    let old = data();
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    json["funds"][0]["name_zh_translation"] = "新的译名".into();
    let new = plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid");
    let changes = plan_explorer::view::diff::compare(&old, &new);
    assert_eq!(changes.changes.len(), 1, "{changes:?}");
    let change = &changes.changes[0];
    assert_eq!(change.label_zh.as_deref(), Some("新的译名〔译〕"));
    assert!(
        matches!(
            &change.details[..],
            [plan_explorer::view::diff::Detail::Field {
                field: plan_explorer::view::diff::Field::ZhTranslation,
                ..
            }]
        ),
        "{:?}",
        change.details
    );
}

#[test]
fn a_chinese_briefing_marks_translations_and_says_what_the_mark_means() {
    let data = data();
    let options = plan_explorer::briefing::Options {
        lang: Lang::Zh,
        convention: plan_explorer::view::amount::Convention::of_language(Lang::Zh),
        charts: None,
        date: (2026, 12, 1),
        annotations: std::collections::BTreeMap::new(),
    };
    let made = plan_explorer::briefing::build(
        &data,
        &plan_explorer::view::tree::TreeFilter::default(),
        &options,
    )
    .expect("builds");
    let plan = &made.plans[0];
    let t = data.plans[plan.plan.index()]
        .title_zh_translation
        .as_deref()
        .expect("translated");
    assert_eq!(plan.title, format!("{t}〔译〕"));
    assert!(
        made.cover.iter().any(|l| l.starts_with("〔译〕表示编者")),
        "{:?}",
        made.cover
    );
    // English briefings carry no translation and no such line.
    let english = plan_explorer::briefing::build(
        &data,
        &plan_explorer::view::tree::TreeFilter::default(),
        &plan_explorer::briefing::Options {
            lang: Lang::En,
            convention: plan_explorer::view::amount::Convention::of_language(Lang::En),
            ..options
        },
    )
    .expect("builds");
    assert!(english.cover.iter().all(|l| !l.contains(TRANSLATION_MARK)));
    assert!(
        english
            .plans
            .iter()
            .all(|p| !p.title.contains(TRANSLATION_MARK))
    );
}

#[test]
fn chinese_exports_mark_translated_names_in_csv_and_pictures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
            .arg("export")
            .args(args)
            .output()
            .expect("runs")
    };
    let csv = dir.path().join("funds.csv");
    let output = run(&[
        "--chart",
        "funds",
        "--lang",
        "zh",
        "--out",
        csv.to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(&csv).expect("reads");
    let data = data();
    let fund = &data.funds[0];
    let t = fund.name_zh_translation.as_deref().expect("translated");
    assert!(text.contains(&format!("{t}〔译〕")), "{text}");

    let svg = dir.path().join("funds.svg");
    let output = run(&[
        "--chart",
        "funds",
        "--lang",
        "zh",
        "--out",
        svg.to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(&svg).expect("reads");
    assert!(text.contains(TRANSLATION_MARK), "no mark in the picture");
    assert!(text.contains("〔译〕表示编者"), "no note on the mark");
}
