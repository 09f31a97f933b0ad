//! The README's dataset example stays a valid dataset.

#[test]
fn the_readme_dataset_example_is_valid() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme.find("```json\n").expect("a JSON example") + "```json\n".len();
    let end = start + readme[start..].find("```").expect("the example's end");
    let loaded = plan_explorer::dataset::load_str(&readme[start..end]);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(loaded.dataset.is_some());
}
