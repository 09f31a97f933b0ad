//! Issue 12, point 5: districts have a table of their own, so one district
//! spelt two ways is one entry of the District filter; the five future
//! industrial clusters are five nodes; inferred units and fund levels say
//! so.

use crate::common;

use common::{messages, minimal};

use plan_explorer::dataset;
use plan_explorer::view::tree::{Expansion, SearchIndex, TreeData, TreeFilter};
use serde_json::json;

#[test]
fn a_district_spelt_two_ways_is_one_district() {
    let mut data = minimal();
    data["districts"] = json!([
        {"id": "pudong", "name": "Pudong New Area", "aliases": ["Pudong"]},
        {"id": "xuhui", "name": "Xuhui"}
    ]);
    let measure = &mut data["plans"][0]["nodes"][0]["children"][0];
    measure["districts"] = json!(["Pudong", "Pudong New Area", "xuhui"]);
    let loaded = dataset::load_str(&data.to_string());
    assert!(loaded.problems.is_empty(), "{:?}", messages(&loaded));
    let data = loaded.dataset.expect("valid");
    let node = data.node_by_id("m-1").expect("m-1");
    assert_eq!(data.node(node).districts, ["Pudong New Area", "Xuhui"]);
    assert_eq!(
        SearchIndex::new(&data).districts(),
        ["Pudong New Area", "Xuhui"]
    );
}

#[test]
fn an_unknown_or_doubly_used_spelling_is_located() {
    let mut data = minimal();
    data["districts"] = json!([
        {"id": "pudong", "name": "Pudong New Area", "aliases": ["Pudong"]},
        {"id": "other", "name": "Pudong"}
    ]);
    data["plans"][0]["nodes"][0]["children"][0]["districts"] = json!(["Lingang"]);
    let loaded = dataset::load_str(&data.to_string());
    assert!(loaded.dataset.is_none());
    let got = messages(&loaded);
    for wanted in [
        "districts[1].name: \"Pudong\" already names another district",
        "plans[0].nodes[0].children[0].districts[0]: unknown district \"Lingang\": add it to \
         the districts table, or as another district's alias",
    ] {
        assert!(
            got.iter().any(|g| g == wanted),
            "missing {wanted:?} in {got:#?}"
        );
    }
}

#[test]
fn without_a_table_each_spelling_is_a_district_as_before() {
    let loaded = dataset::load_str(&minimal().to_string());
    let data = loaded.dataset.expect("valid");
    assert!(data.districts.is_empty());
    assert_eq!(SearchIndex::new(&data).districts(), ["Pudong"]);
}

#[test]
fn the_built_in_dataset_has_one_pudong_five_clusters_and_says_what_is_inferred() {
    let data = dataset::load_embedded().dataset.expect("valid");
    let search = SearchIndex::new(&data);
    let districts = search.districts();
    assert!(
        districts.iter().any(|d| d == "Pudong New Area"),
        "{districts:?}"
    );
    assert!(!districts.iter().any(|d| d == "Pudong"), "{districts:?}");
    // Filtering by it finds both sentences that name it, however spelt.
    let filter = TreeFilter {
        districts: std::iter::once("Pudong New Area".to_owned()).collect(),
        ..TreeFilter::default()
    };
    let tree = TreeData::new(&data, &search, &filter, &Expansion::default());
    assert_eq!(
        tree.match_count, 3,
        "one sentence says Pudong New Area, two say Pudong"
    );
    // The five future industrial clusters are five items.
    let layout = data.node_by_id("fi-layout").expect("the layout");
    let clusters: Vec<&str> = data
        .node(layout)
        .children
        .iter()
        .map(|&c| data.node(c).id.as_str())
        .collect();
    assert_eq!(
        clusters,
        [
            "fi-layout-health",
            "fi-layout-intelligence",
            "fi-layout-energy",
            "fi-layout-space",
            "fi-layout-materials"
        ]
    );
    // Units read from context say so; those printed do not.
    let inferred = |id: &str| data.node(data.node_by_id(id).expect(id)).units_inferred;
    assert!(inferred("ft-bci-cluster") && inferred("ind-ai-funds"));
    assert!(!inferred("ft-four-in-one") && !inferred("ind-smart-factories"));
    let level_inferred = |id: &str| {
        data.funds
            .iter()
            .find(|f| f.id == id)
            .expect(id)
            .level_inferred
    };
    assert!(level_inferred("fund-ai-youth-venture"));
    assert!(!level_inferred("fund-national-ai"));
}

#[test]
fn a_briefing_takes_a_district_by_any_of_its_spellings_and_names_an_unknown_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |district: &str, out: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_plan-explorer"))
            .args([
                "briefing",
                "--chart",
                "none",
                "--district",
                district,
                "--out",
            ])
            .arg(dir.path().join(out))
            .output()
            .expect("runs")
    };
    let mut documents = Vec::new();
    for (spelling, out) in [
        ("Pudong", "alias.docx"),
        ("pudong", "id.docx"),
        ("Pudong New Area", "name.docx"),
    ] {
        let output = run(spelling, out);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{spelling}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let file = std::fs::File::open(dir.path().join(out)).expect("written");
        let mut archive = zip::ZipArchive::new(file).expect("a zip");
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("word/document.xml").expect("the document"),
            &mut xml,
        )
        .expect("reads");
        documents.push((spelling, xml));
    }
    // Each spelling selects the same measures: Pudong's, and only those.
    let data = plan_explorer::dataset::load_embedded()
        .dataset
        .expect("valid");
    let pudong: Vec<&str> = data
        .nodes
        .iter()
        .filter(|n| {
            n.districts
                .iter()
                .any(|d| d == "Pudong" || d == "Pudong New Area")
        })
        .map(|n| n.title.as_str())
        .collect();
    // Measures that name no district and hold none that do.
    let elsewhere: Vec<&str> = data
        .nodes
        .iter()
        .filter(|n| n.districts.is_empty() && n.children.is_empty())
        .map(|n| n.title.as_str())
        .filter(|title| title.len() > 12 && !pudong.iter().any(|p| p.contains(title)))
        .collect();
    assert!(
        !pudong.is_empty() && !elsewhere.is_empty(),
        "{pudong:?} {elsewhere:?}"
    );
    for (spelling, xml) in &documents {
        for title in &pudong {
            assert!(xml.contains(*title), "{spelling}: {title} missing");
        }
        for title in &elsewhere {
            assert!(!xml.contains(*title), "{spelling}: {title} is not Pudong's");
        }
    }
    assert!(documents.windows(2).all(|w| w[0].1.len() == w[1].1.len()));
    let output = run("Lingang", "none.docx");
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("no district \"Lingang\"") && said.contains("pudong"),
        "{said}"
    );
}
