//! Feeds arbitrary bytes to the dataset loader: it must never panic, never
//! hang, and always either return a dataset or say what is wrong.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan_explorer::dataset;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let loaded = dataset::load_str(&text);
    assert!(loaded.dataset.is_some() || loaded.errors().next().is_some());
    if let Some(data) = &loaded.dataset {
        // The indexes must be consistent with the tables they index.
        for (n, node) in data.nodes.iter().enumerate() {
            for &child in &node.children {
                assert_eq!(data.node(child).parent.map(|p| p.index()), Some(n));
            }
            let _ = data.node_json_path(dataset::NodeIx(u32::try_from(n).unwrap_or(0)));
        }
        let _ = data.summary();
    }
});
