//! Hostile and random input: the loader must answer, never panic or hang.

use plan_explorer::dataset;
use plan_explorer::synth::{SynthOptions, generate};

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    for open in ["[", "{\"a\":", "{\"plans\":[{\"nodes\":[{\"children\":"] {
        let text = open.repeat(100_000);
        let loaded = dataset::load_str(&text);
        assert!(loaded.dataset.is_none());
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    }
}

/// Drawn in the tree by tests/app/extremes.rs, and written as a briefing
/// by tests/cli/briefing.rs (`a_briefing_of_a_tree_forty_levels_deep_...`).
/// The deepest tree the parser takes (found, not assumed: each depth is
/// loaded until one is refused) loads whole and indexes every level; one
/// level more is refused with one clear problem, not a panic. The limit
/// is well past the 40 levels the app promises (drawn in
/// tests/app/extremes.rs, at 40 and at this limit).
#[test]
fn deeply_nested_nodes_within_the_parser_limit_load() {
    let refused = (40..400)
        .find(|&depth| {
            dataset::load_str(&crate::common::deep_dataset(depth))
                .dataset
                .is_none()
        })
        .expect("some depth is refused");
    let deepest = refused - 1;
    assert!(deepest >= 40, "only {deepest} levels load");
    let data = dataset::load_str(&crate::common::deep_dataset(deepest))
        .dataset
        .expect("the deepest the parser takes loads");
    let leaf = data.node_by_id("leaf").expect("leaf");
    assert_eq!(data.ancestry(leaf).len(), deepest + 1);
    assert_eq!(usize::from(data.node(leaf).depth), deepest);
    let loaded = dataset::load_str(&crate::common::deep_dataset(refused));
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    let said = loaded.problems[0].to_string();
    assert!(said.contains("recursion limit exceeded"), "{said}");
    assert!(said.contains("column"), "located: {said}");
}

/// Truncating a valid dataset at every few bytes, and flipping bytes, must
/// always give an answer; most of them problems.
#[test]
fn every_prefix_and_corruption_of_a_valid_dataset_gives_an_answer() {
    let text = generate(SynthOptions {
        measures: 30,
        seed: 11,
    });
    let bytes = text.as_bytes();
    for cut in (0..bytes.len()).step_by(97) {
        let prefix = String::from_utf8_lossy(&bytes[..cut]);
        let loaded = dataset::load_str(&prefix);
        assert!(loaded.dataset.is_none() || cut == bytes.len());
        assert!(!loaded.problems.is_empty());
    }
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..300 {
        let mut corrupted = bytes.to_vec();
        for _ in 0..4 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let at = usize::try_from(state % corrupted.len() as u64).unwrap_or(0);
            let replacements = b"{}[],:\"0-e.x \\";
            corrupted[at] =
                replacements[usize::try_from(state >> 58).unwrap_or(0) % replacements.len()];
        }
        let loaded = dataset::load_str(&String::from_utf8_lossy(&corrupted));
        // Either it is still valid, or it says why not.
        assert!(loaded.dataset.is_some() || loaded.errors().next().is_some());
    }
}

/// The smallest valid document with these plans' nodes and these units.
fn document(nodes: &str, units: &str) -> String {
    format!(
        r#"{{"schema_version":1,"title":"t","edition":"2026-01-01","sources":[{{"id":"s","title":"t","publisher":"p","file":"f.txt"}}],"units":[{units}],"themes":[],"plans":[{{"id":"p","title":"t","period":{{"start":2025,"end":2026}},"issuer":"i","source":"s","nodes":[{nodes}]}}],"series":[],"funds":[],"targets":[],"exchange_rates":[]}}"#
    )
}

#[test]
fn millions_of_problems_are_counted_not_kept() {
    let nulls = vec!["null"; 200_000].join(",");
    let loaded = dataset::load_str(&document(&nulls, ""));
    assert!(loaded.dataset.is_none());
    assert_eq!(loaded.problems.len(), dataset::MAX_PROBLEMS + 1);
    assert_eq!(
        loaded.problems[0].path, "plans[0].nodes[0]",
        "the first problems are kept in order"
    );
    let summary = loaded.problems.last().expect("a summary");
    assert_eq!(
        summary.message(),
        format!(
            "{} more problems not shown ({} of them errors); fix the ones above first",
            200_000 - dataset::MAX_PROBLEMS,
            200_000 - dataset::MAX_PROBLEMS
        )
    );
}

/// Its speed is the load bench's (`cargo bench --bench load`), not a timed
/// test's; here, that a huge list is checked at all and its one repeat is
/// found where it is.
#[test]
fn a_node_naming_very_many_distinct_units_is_checked_and_its_one_repeat_found() {
    // With a scan for duplicates this list would take ~10^10 comparisons.
    const UNITS: usize = 100_000;
    let units: Vec<String> = (0..UNITS)
        .map(|u| format!(r#"{{"id":"u{u}","name":"Unit {u}"}}"#))
        .collect();
    let refs: Vec<String> = (0..UNITS).map(|u| format!(r#""u{u}""#)).collect();
    let node = format!(
        r#"{{"id":"n","kind":"item","title":"t","text":"","units":[{}, "u7"],"themes":[],"districts":[],"children":[]}}"#,
        refs.join(",")
    );
    let loaded = dataset::load_str(&document(&node, &units.join(",")));
    let data = loaded
        .dataset
        .expect("valid: a repeated unit is only a warning");
    assert_eq!(data.nodes[0].units.len(), UNITS);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].path, "plans[0].nodes[0].units[100000]");
    assert_eq!(loaded.problems[0].message(), "unit \"u7\" is listed twice");
}
