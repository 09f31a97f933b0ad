//! The committed JSON Schema matches the Rust types.

use std::path::Path;

#[test]
fn the_committed_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/plan-dataset.schema.json");
    let generated = plan_explorer::dataset::json_schema_text() + "\n";
    if crate::common::update_from_env("UPDATE_SCHEMA") {
        std::fs::write(&path, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "assets/plan-dataset.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test schema` \
         and commit the result"
    );
}

#[test]
fn the_committed_view_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/plan-view.schema.json");
    let generated = plan_explorer::view::saved::json_schema_text() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write the schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "assets/plan-view.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test data schema` \
         and commit the result"
    );
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
