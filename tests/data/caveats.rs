//! Caveats, totals and per-recipient amounts (issue 12, points 2 and 3):
//! read and checked, with their references resolved and a total whose
//! parts do not add up reported.

use crate::common;

use common::{messages, minimal};

use plan_explorer::dataset::{self, FigureRef, Loaded};
use serde_json::{Value, json};

fn fund(id: &str, amount: f64, lower_bound: bool) -> Value {
    json!({"id": id, "name": id, "amount_yuan": amount, "lower_bound": lower_bound,
           "approximate": false, "level": "municipal", "purpose": "p", "source": "doc",
           "quote": "a 15 billion-yuan fund"})
}

fn load(data: &Value) -> Loaded {
    dataset::load_str(&data.to_string())
}

/// The minimal dataset with a total of two funds.
fn with_total(total: f64, lower_bound: bool, caveat: Option<Value>) -> Value {
    let mut data = minimal();
    let mut sum = fund("sum", total, lower_bound);
    sum["parts"] = json!(["part-a", "part-b"]);
    if let Some(caveat) = caveat {
        sum["caveat"] = caveat;
    }
    data["funds"] = json!([
        fund("part-a", 60e9, false),
        fund("part-b", 22.5e9, false),
        sum
    ]);
    data
}

#[test]
fn a_total_whose_parts_add_up_is_quiet() {
    let loaded = load(&with_total(82.5e9, false, None));
    assert!(loaded.problems.is_empty(), "{:?}", messages(&loaded));
    let data = loaded.dataset.expect("valid");
    let parts: Vec<&str> = data.funds[2]
        .parts
        .iter()
        .map(|p| data.funds[p.index()].id.as_str())
        .collect();
    assert_eq!(parts, ["part-a", "part-b"]);
    // "Over 80 billion" holds too.
    assert!(load(&with_total(80e9, true, None)).problems.is_empty());
}

#[test]
fn a_total_whose_parts_do_not_add_up_is_a_warning_that_says_by_how_much() {
    let loaded = load(&with_total(825e9, true, None));
    assert!(loaded.dataset.is_some(), "a warning, not an error");
    assert_eq!(
        messages(&loaded),
        [
            "funds[2].parts: the parts (part-a, part-b) add up to 82.5 billion yuan, while the \
          fund states over 825 billion yuan; check the amounts, or say why in a caveat"
        ]
    );
    // A total smaller than its parts, too.
    let loaded = load(&with_total(50e9, false, None));
    assert_eq!(loaded.problems.len(), 1, "{:?}", messages(&loaded));
    // With a caveat, the warning says the caveat explains it.
    let caveat = json!({"text": "Likely a slip.", "conflicts": ["part-a", "part-b"]});
    let loaded = load(&with_total(825e9, true, Some(caveat)));
    assert!(
        messages(&loaded)[0].ends_with("its caveat says why"),
        "{:?}",
        messages(&loaded)
    );
}

#[test]
fn a_caveat_keeps_its_text_and_the_figures_it_conflicts_with() {
    let mut data = minimal();
    data["series"][0]["points"][0]["caveat"] =
        json!({"text": "May not measure the same thing.", "conflicts": ["fund", "factories"]});
    data["funds"][0]["per_recipient"] = json!(true);
    let loaded = load(&data);
    assert!(loaded.problems.is_empty(), "{:?}", messages(&loaded));
    let data = loaded.dataset.expect("valid");
    let point = data.figure_by_id("share-2024").expect("point");
    let caveat = data.figure_caveat(point).expect("a caveat");
    assert_eq!(caveat.text, "May not measure the same thing.");
    assert_eq!(
        caveat.conflicts,
        [
            data.figure_by_id("fund").expect("fund"),
            data.figure_by_id("factories").expect("target")
        ]
    );
    assert!(data.funds[0].per_recipient);
    assert!(
        data.figure_caveat(FigureRef::Fund(dataset::FundIx(0)))
            .is_none()
    );
}

#[test]
fn bad_references_and_bad_caveats_are_located() {
    let mut data = with_total(82.5e9, false, None);
    data["funds"][2]["parts"] = json!(["part-a", "nowhere", "share-2024", "sum"]);
    data["funds"][0]["caveat"] = json!({"text": 3, "conflicts": ["missing"]});
    data["funds"][1]["caveat"] = json!("not an object");
    let loaded = load(&data);
    assert!(loaded.dataset.is_none());
    let got = messages(&loaded);
    for wanted in [
        "funds[2].parts[1]: unknown figure \"nowhere\"",
        "funds[2].parts[2]: \"share-2024\" is not a fund; a fund's parts are funds",
        "funds[2].parts[3]: \"sum\" is the figure itself",
        "funds[0].caveat.text: expected a string, found the number 3",
        "funds[0].caveat.conflicts[0]: unknown figure \"missing\"",
    ] {
        assert!(
            got.iter().any(|g| g == wanted),
            "missing {wanted:?} in {got:#?}"
        );
    }
    assert!(
        got.iter()
            .any(|g| g.starts_with("funds[1].caveat: expected ")),
        "{got:#?}"
    );
}

#[test]
fn the_built_in_dataset_owes_its_caveats() {
    let loaded = dataset::load_embedded();
    // Its one warning is the 825-billion total, which its caveat explains.
    assert_eq!(
        messages(&loaded),
        [
            "funds[3].parts: the parts (fund-national-ai, fund-sh-ai-fof) add up to 82.5 billion \
          yuan, while the fund states over 825 billion yuan; its caveat says why"
        ]
    );
    let data = loaded.dataset.expect("valid");
    let total = data.figure_by_id("fund-ai-capital-total").expect("total");
    assert!(
        data.figure_caveat(total)
            .is_some_and(|c| c.conflicts.len() == 2)
    );
    let share = data.figure_by_id("pioneer-gdp-share-2024").expect("point");
    let caveat = data.figure_caveat(share).expect("the share's caveat");
    assert!(
        caveat.text.contains("may not measure the same thing"),
        "{}",
        caveat.text
    );
    let subsidy = data
        .funds
        .iter()
        .find(|f| f.id == "fund-silver-tech-subsidy")
        .expect("subsidy");
    assert!(subsidy.per_recipient);
    assert!(data.funds.iter().filter(|f| f.per_recipient).count() == 1);
}
