//! The committed JSON Schemas are current: each is what the Rust types
//! generate now, and each describes the files the app really reads (the
//! built-in dataset, its earlier edition, the fixtures, the example views),
//! checked with a small validator of the schema keywords the files use.

use std::path::Path;

use serde_json::Value;

/// Compares the committed schema at `relative` with `generated`, before
/// anything is written: a stale file fails, and only an explicit
/// `UPDATE_SCHEMA=1` rewrites it (then the run says so and passes).
fn committed_schema_matches(relative: &str, generated: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        assert!(
            crate::common::update_from_env("UPDATE_SCHEMA"),
            "{relative} is stale: run `UPDATE_SCHEMA=1 cargo test --test data schema` and \
             commit the result"
        );
        std::fs::write(&path, generated).expect("write the schema");
        eprintln!("{relative} updated: commit it");
    }
    serde_json::from_str(generated).expect("the schema is JSON")
}

/// What `value` at `at` breaks of `schema` (resolved in `root`): the
/// keywords schemars writes (`$ref`, `type`, `const`, `enum`, `oneOf`,
/// `anyOf`, `properties`, `required`, `additionalProperties`, `items`,
/// `minimum`). Unknown keywords (descriptions, formats) constrain nothing.
fn violations(root: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        let target = &root["$defs"][name];
        assert!(!target.is_null(), "{reference} is not defined");
        violations(root, target, value, at, out);
    }
    for alternatives in ["oneOf", "anyOf"] {
        if let Some(list) = schema.get(alternatives).and_then(Value::as_array) {
            let matching = list
                .iter()
                .filter(|alternative| {
                    let mut inner = Vec::new();
                    violations(root, alternative, value, at, &mut inner);
                    inner.is_empty()
                })
                .count();
            if matching == 0 || (alternatives == "oneOf" && matching > 1) {
                out.push(format!(
                    "{at}: {matching} of the {alternatives} match {value}"
                ));
            }
        }
    }
    if let Some(kind) = schema.get("type") {
        let kinds: Vec<&str> = match kind {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let fits = kinds.iter().any(|kind| match *kind {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            _ => false,
        });
        if !fits {
            out.push(format!("{at}: {value} is not of type {kinds:?}"));
            return;
        }
    }
    if let Some(constant) = schema.get("const")
        && constant != value
    {
        out.push(format!("{at}: {value} is not {constant}"));
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        out.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    if let (Some(minimum), Some(number)) = (
        schema.get("minimum").and_then(Value::as_f64),
        value.as_f64(),
    ) && number < minimum
    {
        out.push(format!("{at}: {number} is under {minimum}"));
    }
    if let Some(object) = value.as_object() {
        let properties = schema.get("properties").and_then(Value::as_object);
        for required in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !object.contains_key(required) {
                out.push(format!("{at}: the required field {required:?} is missing"));
            }
        }
        for (key, field) in object {
            let path = format!("{at}.{key}");
            match properties.and_then(|p| p.get(key)) {
                Some(property) => violations(root, property, field, &path, out),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    out.push(format!("{path}: a field the schema does not know"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (index, item) in array.iter().enumerate() {
            violations(root, items, item, &format!("{at}[{index}]"), out);
        }
    }
}

/// What `file` (under the crate) breaks of `schema`.
fn file_violations(schema: &Value, file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut out = Vec::new();
    violations(schema, schema, &value, file, &mut out);
    out
}

#[test]
fn the_committed_schema_is_current() {
    let schema = committed_schema_matches(
        "assets/plan-dataset.schema.json",
        &(plan_explorer::dataset::json_schema_text() + "\n"),
    );
    // It describes the datasets the app reads, field for field.
    for file in [
        "data/shanghai_plans.json",
        "data/editions/shanghai_plans-2025-12-31.json",
        "tests/fixtures/minimal.json",
        "tests/fixtures/plans_only.json",
    ] {
        let found = file_violations(&schema, file);
        assert!(found.is_empty(), "{found:#?}");
    }
    // And the check bites: a misspelt field, a missing one, a wrong type.
    let text =
        std::fs::read_to_string(plan_explorer_path("data/shanghai_plans.json")).expect("reads");
    let mut value: Value = serde_json::from_str(&text).expect("JSON");
    value["plans"][0]["titel"] = Value::from("misspelt");
    value["plans"][1]
        .as_object_mut()
        .expect("a plan")
        .remove("id");
    value["schema_version"] = Value::from("one");
    let mut found = Vec::new();
    violations(&schema, &schema, &value, "dataset", &mut found);
    let found = found.join("\n");
    for expected in [
        "dataset.plans[0].titel: a field the schema does not know",
        "dataset.plans[1]: the required field \"id\" is missing",
        "dataset.schema_version: \"one\" is not of type",
    ] {
        assert!(found.contains(expected), "{expected}\nin\n{found}");
    }
}

#[test]
fn the_committed_view_schema_is_current() {
    let schema = committed_schema_matches(
        "assets/plan-view.schema.json",
        &(plan_explorer::view::saved::json_schema_text() + "\n"),
    );
    for file in [
        "docs/examples/output-15th-fyp.view.json",
        "docs/examples/shares-zh.view.json",
        "docs/examples/health-commission-units.view.json",
    ] {
        let found = file_violations(&schema, file);
        assert!(found.is_empty(), "{found:#?}");
    }
}

/// `relative` under the crate.
fn plan_explorer_path(relative: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn the_committed_presentation_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/plan-presentation.schema.json");
    let generated = plan_explorer::view::presentation::json_schema_text() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "assets/plan-presentation.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test data schema` \
         and commit the result"
    );
}
