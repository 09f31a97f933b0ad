//! One test per check of the loader, each with a small bad fixture from
//! `tests/fixtures/bad/` and assertions on the message and where it is.

use crate::common;

use plan_explorer::dataset::{self, Loaded, Problem, ReadError, Severity};

use crate::common::fixture;

fn load(name: &str) -> Loaded {
    dataset::load_file(&fixture(name)).expect("fixture is readable")
}

/// The problems as `path: message` strings, errors and warnings alike.
fn described(loaded: &Loaded) -> Vec<String> {
    loaded
        .problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message()))
        .collect()
}

/// The load refused the dataset with exactly the `expected` problems, in
/// any order: none missing and none spurious (a check that fires on a
/// neighbour's mistake is a bug too).
fn assert_invalid_with(loaded: &Loaded, expected: &[&str]) {
    assert!(
        loaded.dataset.is_none(),
        "an invalid dataset is not returned"
    );
    let mut got = described(loaded);
    got.sort();
    let mut expected: Vec<String> = expected.iter().map(|&e| e.to_owned()).collect();
    expected.sort();
    assert_eq!(got, expected, "the problems, exactly");
}

#[test]
fn the_minimal_fixture_is_valid_and_indexed() {
    let loaded = load("minimal.json");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let data = loaded.dataset.expect("valid");
    let measure = data.node_by_id("m-1").expect("indexed by id");
    let chapter = data.node_by_id("ch-1").expect("indexed by id");
    assert_eq!(data.node(measure).parent, Some(chapter));
    assert_eq!(data.node(chapter).children, vec![measure]);
    let unit = data.unit_by_id("sh-health").expect("unit");
    assert_eq!(data.units[unit.index()].nodes, vec![measure]);
    let theme = data.theme_by_id("ai").expect("theme");
    assert_eq!(data.themes[theme.index()].nodes, vec![measure]);
    let fund = data.figure_by_id("fund").expect("figure");
    assert_eq!(data.figure_measures(fund), &[measure]);
    assert!(data.node(measure).figures.contains(&fund));
    assert_eq!(
        data.node_json_path(measure),
        "plans[0].nodes[0].children[0]"
    );
}

#[test]
fn a_syntax_error_gives_its_line_and_column() {
    let loaded = load("bad/syntax_error.json");
    assert!(loaded.dataset.is_none());
    assert_eq!(loaded.problems.len(), 1);
    let problem = &loaded.problems[0];
    assert_eq!((problem.line, problem.column), (Some(5), Some(1)));
    assert_eq!(problem.message(), "invalid JSON: trailing comma");
}

#[test]
fn a_truncated_file_says_it_ends_too_early_and_where() {
    let loaded = load("bad/truncated.json");
    assert_eq!(loaded.problems.len(), 1, "{:?}", described(&loaded));
    let problem = &loaded.problems[0];
    assert_eq!((problem.line, problem.column), (Some(11), Some(8)));
    assert!(
        problem.message().starts_with("the file ends too early"),
        "{}",
        problem.message()
    );
}

#[test]
fn an_unsupported_schema_version_is_named() {
    assert_invalid_with(
        &load("bad/unsupported_version.json"),
        &["schema_version: unsupported schema_version 2: this program reads version 1"],
    );
}

#[test]
fn every_missing_required_field_is_reported_at_once() {
    assert_invalid_with(
        &load("bad/missing_fields.json"),
        &[
            "title: missing required field",
            "plans[0].nodes[0].children[0].id: missing required field",
            "series[0].points[0].quote: missing required field",
        ],
    );
}

#[test]
fn every_wrong_type_is_reported_at_once_with_what_was_found() {
    assert_invalid_with(
        &load("bad/wrong_types.json"),
        &[
            "plans[0].nodes[0].children[0].units: expected an array, found the string \"sh-health\"",
            "series[0].points[0].year: expected a whole number, found the number 2024.5",
            "series[0].points[0].value: expected a number, found the string \"33.4\"",
            "funds[0].level: expected one of \"national\", \"municipal\", \"district\", \
             \"social_capital\", \"mixed\", found the string \"city\"",
        ],
    );
}

#[test]
fn duplicate_ids_are_reported_per_kind_and_across_figures() {
    assert_invalid_with(
        &load("bad/duplicate_ids.json"),
        &[
            "units[1].id: duplicate unit id \"sh-health\"",
            "plans[0].nodes[0].children[1].id: duplicate node id \"m-1\"",
            "funds[0].id: duplicate figure id \"share-2024\"",
        ],
    );
}

#[test]
fn a_repeated_key_in_one_object_is_located() {
    let loaded = load("bad/duplicate_key.json");
    assert_eq!(loaded.problems.len(), 1, "{:?}", described(&loaded));
    let problem = &loaded.problems[0];
    assert_eq!(
        problem.message(),
        "the key \"title\" appears twice in one object"
    );
    assert_eq!((problem.line, problem.column), (Some(4), Some(9)));
}

#[test]
fn dangling_references_name_the_missing_id() {
    assert_invalid_with(
        &load("bad/dangling_refs.json"),
        &[
            "plans[0].nodes[0].children[0].units[0]: unknown unit \"sh-hlth\"",
            "plans[0].nodes[0].children[0].themes[0]: unknown theme \"bci\"",
            "series[0].points[0].source: unknown source \"paper\"",
            "targets[0].plan: unknown plan \"nope\"",
            "funds[0].measures[0]: unknown node \"m-9\"",
        ],
    );
}

#[test]
fn amounts_must_be_finite_and_non_negative() {
    assert_invalid_with(
        &load("bad/bad_amounts.json"),
        &[
            "funds[0].amount_yuan: must not be negative, found -15000000000",
            "targets[0].value: a count must be a whole number of at least 0, found 2.5",
            "exchange_rates[0].foreign_amount: expected a positive amount, found 0",
        ],
    );
}

#[test]
fn an_infinite_number_is_refused_with_its_location() {
    let loaded = load("bad/huge_number.json");
    assert_eq!(loaded.problems.len(), 1, "{:?}", described(&loaded));
    let problem = &loaded.problems[0];
    assert_eq!(problem.message(), "invalid JSON: number out of range");
    assert_eq!((problem.line, problem.column), (Some(1), Some(53)));
}

#[test]
fn shares_must_lie_within_0_and_100() {
    assert_invalid_with(
        &load("bad/share_out_of_range.json"),
        &["series[0].points[0].value: a share must lie within 0-100 percent, found 133.4"],
    );
}

#[test]
fn years_must_be_plausible_and_periods_ordered() {
    assert_invalid_with(
        &load("bad/implausible_years.json"),
        &[
            "series[0].points[0].year: implausible year 20245: expected 1949 to 2100",
            "targets[0].deadline_year: implausible year 1800: expected 1949 to 2100",
            "plans[0].period: the period starts (2028) after it ends (2027)",
        ],
    );
}

#[test]
fn dates_must_be_real_dates() {
    assert_invalid_with(
        &load("bad/bad_dates.json"),
        &[
            "edition: expected a date as YYYY-MM-DD, found \"2026-13-01\"",
            "sources[0].date: expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"March 2025\"",
        ],
    );
}

#[test]
fn unknown_fields_are_warnings_with_their_path_and_the_data_still_loads() {
    let loaded = load("bad/unknown_fields.json");
    assert!(
        loaded.dataset.is_some(),
        "warnings do not make a dataset invalid"
    );
    let warnings: Vec<&Problem> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .collect();
    let paths: Vec<&str> = warnings.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "plans[0].nodes[0].children[0].responsible",
            "funds[0].qoute"
        ]
    );
    assert!(warnings[0].message().contains("unknown field"));
}

#[test]
fn a_document_that_is_not_an_object_says_what_it_is() {
    assert_invalid_with(
        &load("bad/not_an_object.json"),
        &[": expected a dataset object, found an array"],
    );
}

#[test]
fn a_missing_file_is_its_own_error() {
    let error = dataset::load_file(&fixture("bad/no_such_file.json")).expect_err("missing");
    assert!(matches!(error, ReadError::NotFound(_)));
    assert!(error.to_string().starts_with("no such file: "));
    assert!(error.to_string().ends_with("no_such_file.json"));
}

#[test]
fn a_folder_is_its_own_error() {
    let error = dataset::load_file(&fixture("bad")).expect_err("a folder");
    assert!(matches!(error, ReadError::IsDirectory(_)));
    assert!(
        error
            .to_string()
            .starts_with("expected a dataset file, found a folder")
    );
}

#[test]
fn an_empty_file_is_its_own_error() {
    let error = dataset::load_file(&fixture("bad/empty.json")).expect_err("empty");
    assert!(matches!(error, ReadError::Empty(_)));
    let problem = error.content_problem().expect("a content problem");
    assert_eq!(problem.message(), "the file is empty");
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    let error = dataset::load_file(&fixture("bad/not_utf8.json")).expect_err("not UTF-8");
    let problem = error.content_problem().expect("a content problem");
    assert_eq!(
        problem.message(),
        "the file is not UTF-8 text: invalid byte 0xe9; it reads as windows-1252: save it as UTF-8"
    );
    assert_eq!((problem.line, problem.column), (Some(1), Some(15)));
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.json");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: one byte over the real limit, without writing 256 MiB.
    file.set_len(dataset::MAX_DATASET_BYTES + 1)
        .expect("set length");
    let error = dataset::load_file(&path).expect_err("too large");
    assert!(matches!(
        error,
        ReadError::TooLarge { size, limit, .. }
            if size == dataset::MAX_DATASET_BYTES + 1 && limit == dataset::MAX_DATASET_BYTES
    ));
    assert!(
        error
            .content_problem()
            .expect("a content problem")
            .message()
            .contains("over the limit of 268435456 bytes")
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = std::fs::read_to_string(fixture("minimal.json")).expect("read");
    let loaded = dataset::load_str(&format!("\u{feff}{text}"));
    assert!(loaded.dataset.is_some(), "{:?}", loaded.problems);
}

#[test]
fn quotes_are_proven_against_their_source_text() {
    let sources = fixture("sources");
    let good = load("minimal.json").dataset.expect("valid");
    // The source file uses typographic quotes and other line breaks; those
    // differences are allowed.
    assert_eq!(dataset::quotes::check_quotes(&good, &sources), vec![]);

    let bad = load("bad/quote_not_in_source.json")
        .dataset
        .expect("structurally valid");
    let problems = dataset::quotes::check_quotes(&bad, &sources);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "series[0].points[0].quote");
    assert_eq!(
        problems[0].message(),
        "not found verbatim in the source doc.txt: \"34.4 percent last year\"; \
         the document says \"〚33.4〛 percent last year\""
    );
}

#[test]
fn a_missing_source_file_is_reported_when_proving_quotes() {
    let good = load("minimal.json").dataset.expect("valid");
    let problems = dataset::quotes::check_quotes(&good, &fixture("bad"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "sources[0].file");
    assert!(
        problems[0]
            .message()
            .starts_with("cannot read the source text")
    );
}

/// Nodes are checked while they are parsed (see `dataset::stream`); these
/// pin down what that must not change.
mod while_parsing {
    use super::*;
    use serde_json::{Value, json};

    fn minimal() -> Value {
        serde_json::from_str(&std::fs::read_to_string(fixture("minimal.json")).expect("read"))
            .expect("JSON")
    }

    fn node(id: &str, children: &Value) -> Value {
        json!({"id": id, "kind": "item", "title": id, "text": "", "units": ["sh-health"],
               "themes": [], "districts": [], "children": children})
    }

    fn load_value(value: &Value) -> Loaded {
        dataset::load_str(&serde_json::to_string(value).expect("serialise"))
    }

    #[test]
    fn units_and_sources_listed_after_the_plans_still_resolve() {
        let mut reordered = serde_json::Map::new();
        let original = minimal();
        let object = original.as_object().expect("object");
        reordered.insert("plans".into(), object["plans"].clone());
        for (key, value) in object {
            reordered.insert(key.clone(), value.clone());
        }
        let loaded = load_value(&Value::Object(reordered));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let data = loaded.dataset.expect("valid");
        let measure = data.node_by_id("m-1").expect("node");
        assert_eq!(data.node(measure).units.len(), 1);
    }

    #[test]
    fn the_arena_is_in_document_order_with_parents_and_depths() {
        let mut value = minimal();
        value["plans"][0]["nodes"] = json!([
            node(
                "a",
                &json!([
                    node("a1", &json!([node("a1x", &json!([]))])),
                    node("a2", &json!([]))
                ])
            ),
            // The fixture's figures link to "m-1".
            node("m-1", &json!([])),
        ]);
        let data = load_value(&value).dataset.expect("valid");
        let ids: Vec<&str> = data.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a", "a1", "a1x", "a2", "m-1"]);
        let depths: Vec<u16> = data.nodes.iter().map(|n| n.depth).collect();
        assert_eq!(depths, [0, 1, 2, 1, 0]);
        let a1x = data.node_by_id("a1x").expect("node");
        let names: Vec<&str> = data
            .ancestry(a1x)
            .iter()
            .map(|&n| data.node(n).id.as_str())
            .collect();
        assert_eq!(names, ["a", "a1", "a1x"]);
        assert_eq!(data.plans[0].roots.len(), 2);
    }

    #[test]
    fn problems_deep_in_a_tree_and_after_a_broken_sibling_have_exact_paths() {
        let mut value = minimal();
        let mut deep = node("deep", &json!([]));
        deep["title"] = json!(7);
        deep["units"] = json!(["sh-hlth"]);
        value["plans"][0]["nodes"] = json!([node(
            "a",
            &json!([null, "not a node", node("b", &json!([deep]))])
        ),]);
        let loaded = load_value(&value);
        assert_invalid_with(
            &loaded,
            &[
                "plans[0].nodes[0].children[0]: null is not allowed here",
                "plans[0].nodes[0].children[1]: expected an object, found the string \"not a node\"",
                "plans[0].nodes[0].children[2].children[0].title: expected a string, found the number 7",
                "plans[0].nodes[0].children[2].children[0].units[0]: unknown unit \"sh-hlth\"",
            ],
        );
    }

    #[test]
    fn nodes_belong_to_the_right_plan_after_a_broken_plan() {
        let mut value = minimal();
        let good = value["plans"][0].clone();
        let mut second = good.clone();
        second["id"] = json!("plan-2");
        second["nodes"] = json!([node("only-in-2", &json!([]))]);
        value["plans"] = json!([good, second]);
        let data = load_value(&value).dataset.expect("valid");
        let only = data.node_by_id("only-in-2").expect("node");
        assert_eq!(data.plans[data.node(only).plan.index()].id, "plan-2");

        // With a broken first element, the error names it, and the node in
        // the next plan is still reported at its own path.
        value["plans"] = json!([42, value["plans"][1].clone()]);
        value["plans"][1]["nodes"][0]["units"] = json!(["nope"]);
        assert_invalid_with(
            &load_value(&value),
            &[
                "plans[0]: expected an object, found the number 42",
                "plans[1].nodes[0].units[0]: unknown unit \"nope\"",
            ],
        );
    }
}

#[test]
fn duplicate_exchange_rate_ids_are_reported_like_any_other() {
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("minimal.json")).expect("read"))
            .expect("JSON");
    let rate = value["exchange_rates"][0].clone();
    value["exchange_rates"] = serde_json::json!([rate.clone(), rate]);
    assert_invalid_with(
        &dataset::load_str(&value.to_string()),
        &["exchange_rates[1].id: duplicate exchange rate id \"usd\""],
    );
}

#[test]
fn chinese_names_of_figures_must_occur_in_a_document_the_record_cites() {
    let seeds = common::seeds();
    let mut json: serde_json::Value = serde_json::from_str(dataset::EMBEDDED_JSON).expect("JSON");
    // The National AI Fund cites the document that names 上海市科委; the
    // other two names are in no document.
    assert_eq!(json["funds"][0]["id"], "fund-national-ai");
    json["funds"][0]["name_zh"] = "上海市科委".into();
    json["series"][0]["title_zh"] = "上海生产总值".into();
    json["targets"][0]["metric_zh"] = "未来产业总产值".into();
    let data = dataset::load_str(&json.to_string()).dataset.expect("valid");
    let problems = dataset::quotes::check_quotes(&data, &seeds);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["series[0].title_zh", "targets[0].metric_zh"],
        "{problems:?}"
    );
    assert!(
        problems[0].message().starts_with("not found verbatim in "),
        "{}",
        problems[0].message()
    );
}

#[test]
fn a_chinese_title_with_nothing_to_prove_it_against_is_an_error_and_an_unreadable_source_is_not_blamed()
 {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = common::seeds();
    let mut json = common::embedded_without_texts();
    // A copy of the documents without the one the National AI Fund cites.
    for source in json["sources"].as_array().expect("sources") {
        let file = source["file"].as_str().expect("a file");
        if source["id"] != "src-003" {
            std::fs::copy(seeds.join(file), dir.path().join(file)).expect("copies");
        }
    }
    json["funds"][0]["name_zh"] = "国家人工智能基金".into();
    json["series"]
        .as_array_mut()
        .expect("series")
        .push(serde_json::json!({
            "id": "s-empty", "title": "Nothing yet", "title_zh": "暂无",
            "unit": "count", "points": []
        }));
    let data = dataset::load_str(&json.to_string()).dataset.expect("valid");
    let problems = dataset::quotes::check_quotes(&data, dir.path());
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    // The missing document is reported once; the fund's Chinese name,
    // which it might hold, is not called missing; the empty series'
    // title has no document at all.
    assert_eq!(
        paths.iter().filter(|&&p| p == "sources[3].file").count(),
        1,
        "{problems:?}"
    );
    assert!(!paths.contains(&"funds[0].name_zh"), "{problems:?}");
    let empty = problems
        .iter()
        .find(|p| p.path.ends_with("].title_zh"))
        .expect("the empty series' title is reported");
    assert_eq!(empty.severity, Severity::Error);
    assert!(empty.message().contains("no points"), "{}", empty.message());
}
