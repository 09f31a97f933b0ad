//! The tree view-model, tested as data: search, facets, counts, expansion,
//! keyboard navigation, on the real dataset.

use plan_explorer::dataset::{self, Dataset, NodeIx};
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::synth::{SynthOptions, generate};
use plan_explorer::view::tree::{
    Expansion, SearchIndex, TreeAction, TreeData, TreeFilter, TreeKey, highlight_ranges,
    key_action, row_label, type_ahead,
};

use crate::common::data;

fn labels(data: &Dataset, tree: &TreeData) -> Vec<String> {
    tree.rows
        .iter()
        .map(|r| row_label(data, r, Lang::En))
        .collect()
}

fn node(data: &Dataset, id: &str) -> NodeIx {
    data.node_by_id(id)
        .unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn closed_the_tree_shows_the_plans_with_their_child_counts() {
    let data = data();
    let tree = TreeData::new(
        &data,
        &SearchIndex::new(&data),
        &TreeFilter::default(),
        &Expansion::default(),
    );
    assert_eq!(tree.rows.len(), data.plans.len());
    let medical = tree
        .rows
        .iter()
        .find(|r| row_label(&data, r, Lang::En).starts_with("Working Plan of Shanghai"))
        .expect("the medical AI plan");
    assert!(!medical.expanded);
    // The plan's top level: a preamble and chapters I-V.
    assert_eq!(medical.child_count, medical.visible_children);
    assert!(medical.child_count >= 5);
}

#[test]
fn searching_keeps_the_path_to_each_match_and_marks_the_matches() {
    let data = data();
    let search = SearchIndex::new(&data);
    let filter = TreeFilter {
        query: "LAPAROSCOPIC".into(),
        ..TreeFilter::default()
    };
    let tree = TreeData::new(&data, &search, &filter, &Expansion::default());
    assert_eq!(tree.match_count, 1);
    let labels = labels(&data, &tree);
    // Plan > chapter III > measure III.1 > item III.1.(3), opened.
    assert_eq!(labels.len(), 4, "{labels:#?}");
    assert!(labels[1].starts_with("III "));
    assert!(labels[2].starts_with("III.1 "));
    assert!(labels[3].starts_with("III.1.(3) Auxiliary application of intelligent surgery"));
    let matched: Vec<bool> = tree.rows.iter().map(|r| r.is_match).collect();
    assert_eq!(matched, [false, false, false, true]);
    assert!(tree.rows[..3].iter().all(|r| r.expanded));
}

#[test]
fn search_finds_unit_names_and_chinese_text() {
    let data = data();
    let search = SearchIndex::new(&data);
    let by_unit = search.matching("healthcare security administration");
    let unit_nodes = by_unit.iter().filter(|&&m| m).count();
    let unit = data.unit_by_id("m-healthcare-security").map_or_else(
        || {
            data.units
                .iter()
                .find(|u| u.name.contains("Healthcare Security"))
                .expect("the unit")
                .nodes
                .len()
        },
        |u| data.units[u.index()].nodes.len(),
    );
    assert_eq!(unit_nodes, unit);
    assert!(search.matching("银发经济").iter().any(|&m| m));
    assert!(search.matching("模速空间").iter().any(|&m| m));
    assert_eq!(
        search
            .matching("no such words anywhere")
            .iter()
            .filter(|&&m| m)
            .count(),
        0
    );
}

#[test]
fn facets_combine_and_their_counts_ignore_their_own_choice() {
    let data = data();
    let search = SearchIndex::new(&data);
    let health = data
        .units
        .iter()
        .position(|u| u.name.contains("Commission of Health"))
        .expect("the health commission");
    let health = plan_explorer::dataset::UnitIx(u32::try_from(health).expect("small"));
    let mut filter = TreeFilter::default();
    filter.units.insert(health);
    let by_unit = TreeData::new(&data, &search, &filter, &Expansion::default());
    assert_eq!(by_unit.match_count, data.units[health.index()].nodes.len());

    // Adding a theme narrows further; the unit counts still show what each
    // unit would give with that theme.
    let medical_ai = data.theme_by_id("medical-ai").expect("theme");
    filter.themes.insert(medical_ai);
    let both = TreeData::new(&data, &search, &filter, &Expansion::default());
    assert!(both.match_count <= by_unit.match_count);
    assert!(both.match_count > 0);
    let with_theme = data.themes[medical_ai.index()]
        .nodes
        .iter()
        .filter(|&&n| data.node(n).units.contains(&health))
        .count();
    assert_eq!(both.match_count, with_theme);
    assert_eq!(both.counts.unit(health), with_theme);

    filter.clear();
    assert!(!filter.is_active());
}

#[test]
fn expansion_opens_one_node_a_subtree_or_everything() {
    let data = data();
    let search = SearchIndex::new(&data);
    let filter = TreeFilter::default();
    let plan = data.plan_by_id("medical-ai-2025").expect("plan");
    let mut expansion = Expansion::default();
    expansion.set(Item::Plan(plan), true);
    let one = TreeData::new(&data, &search, &filter, &expansion);
    assert_eq!(
        one.rows.len(),
        data.plans.len() + data.plans[plan.index()].roots.len()
    );
    expansion.set_subtree(&data, Item::Plan(plan), true);
    let subtree = TreeData::new(&data, &search, &filter, &expansion);
    let plan_nodes = data.nodes.iter().filter(|n| n.plan == plan).count();
    assert_eq!(subtree.rows.len(), data.plans.len() + plan_nodes);
    expansion.set_all(&data, true);
    let all = TreeData::new(&data, &search, &filter, &expansion);
    assert_eq!(all.rows.len(), data.plans.len() + data.nodes.len());
    expansion.set_all(&data, false);
    let none = TreeData::new(&data, &search, &filter, &expansion);
    assert_eq!(none.rows.len(), data.plans.len());
}

#[test]
fn revealing_a_node_opens_its_ancestors_so_its_row_exists() {
    let data = data();
    let search = SearchIndex::new(&data);
    let target = node(
        &data,
        &data
            .nodes
            .iter()
            .find(|n| n.numbering.as_deref() == Some("III.1.(2)"))
            .expect("III.1.(2)")
            .id,
    );
    let mut expansion = Expansion::default();
    let before = TreeData::new(&data, &search, &TreeFilter::default(), &expansion);
    assert_eq!(before.row_of(Item::Node(target)), None);
    expansion.reveal(&data, target);
    let after = TreeData::new(&data, &search, &TreeFilter::default(), &expansion);
    assert!(after.row_of(Item::Node(target)).is_some());
}

#[test]
fn arrows_home_end_and_type_ahead_move_through_the_rows() {
    let data = data();
    let search = SearchIndex::new(&data);
    let mut expansion = Expansion::default();
    let filter = TreeFilter::default();
    let tree = TreeData::new(&data, &search, &filter, &expansion);
    let first = tree.rows[0].item;
    assert_eq!(
        key_action(&data, &tree, None, TreeKey::Down),
        TreeAction::Select(first)
    );
    assert_eq!(
        key_action(&data, &tree, Some(first), TreeKey::Down),
        TreeAction::Select(tree.rows[1].item)
    );
    assert_eq!(
        key_action(&data, &tree, Some(first), TreeKey::End),
        TreeAction::Select(tree.rows[tree.rows.len() - 1].item)
    );
    // Right opens a closed plan; once open, Right goes to its first child
    // and Left from there goes back to the plan.
    assert_eq!(
        key_action(&data, &tree, Some(first), TreeKey::Right),
        TreeAction::SetOpen(first, true)
    );
    expansion.set(first, true);
    let tree = TreeData::new(&data, &search, &filter, &expansion);
    let child = tree.rows[1].item;
    assert_eq!(
        key_action(&data, &tree, Some(first), TreeKey::Right),
        TreeAction::Select(child)
    );
    assert_eq!(
        key_action(&data, &tree, Some(child), TreeKey::Left),
        TreeAction::Select(first)
    );
    assert_eq!(
        key_action(&data, &tree, Some(first), TreeKey::Left),
        TreeAction::SetOpen(first, false)
    );

    // Type-ahead finds rows by title or by numbering.
    expansion.set_all(&data, true);
    let tree = TreeData::new(&data, &search, &filter, &expansion);
    let row = type_ahead(&data, &tree, None, "auxiliary diag", Lang::En).expect("a row");
    assert!(row_label(&data, &tree.rows[row], Lang::En).starts_with("III.1.(2)"));
    let row = type_ahead(&data, &tree, None, "III.1.(2)", Lang::En).expect("a row");
    assert!(row_label(&data, &tree.rows[row], Lang::En).contains("Auxiliary diagnosis"));
    assert_eq!(type_ahead(&data, &tree, None, "zzz", Lang::En), None);
}

#[test]
fn highlights_map_back_to_the_original_text() {
    let found = highlight_ranges("Brain-Computer Interface", "computer");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0], 6..14);
    assert_eq!(highlight_ranges("AI + AI", "ai"), [0..2, 5..7]);
    assert_eq!(
        highlight_ranges("银发经济 and 银发", "银发"),
        [0..6, 17..23]
    );
    assert_eq!(
        highlight_ranges("anything", "  "),
        Vec::<std::ops::Range<usize>>::new()
    );
}

#[test]
fn a_large_synthetic_tree_filters_to_the_same_rows_as_a_plain_scan() {
    let text = generate(SynthOptions {
        measures: 5_000,
        seed: 3,
    });
    let data = dataset::load_str(&text).dataset.expect("valid");
    let search = SearchIndex::new(&data);
    let found = search.matching("Quantum Therapy");
    for (n, node) in data.nodes.iter().enumerate() {
        // Fields are searched separately: a match never spans two of them.
        let plain = format!("{}\n{}", node.title, node.text)
            .to_lowercase()
            .contains("quantum therapy");
        // The index also holds unit names, which never contain these words.
        assert_eq!(found[n], plain, "node {}", node.id);
    }
}

/// Whether `n` or a node below it matches.
fn keep(
    data: &Dataset,
    n: NodeIx,
    matches: &dyn Fn(&plan_explorer::dataset::Node) -> bool,
) -> bool {
    matches(data.node(n))
        || data
            .node(n)
            .children
            .iter()
            .any(|&c| keep(data, c, matches))
}
/// Appends the kept nodes under `nodes`, depth first.
fn walk(
    data: &Dataset,
    nodes: &[NodeIx],
    matches: &dyn Fn(&plan_explorer::dataset::Node) -> bool,
    out: &mut Vec<Item>,
) {
    for &n in nodes {
        if keep(data, n, matches) {
            out.push(Item::Node(n));
            walk(data, &data.node(n).children, matches, out);
        }
    }
}

/// The rows a filter should give, worked out the slow, obvious way: test
/// every node's fields, then walk the whole tree keeping nodes that match
/// or have a match below them.
fn reference_rows(data: &Dataset, filter: &TreeFilter) -> Vec<Item> {
    let query = filter.query.trim().to_lowercase();
    let matches = |node: &plan_explorer::dataset::Node| {
        let units: Vec<String> = node
            .units
            .iter()
            .map(|u| data.units[u.index()].name.to_lowercase())
            .collect();
        let text_ok = query.is_empty()
            || node.title.to_lowercase().contains(&query)
            || node.text.to_lowercase().contains(&query)
            || node
                .numbering
                .as_deref()
                .is_some_and(|n| n.to_lowercase().contains(&query))
            || units.iter().any(|u| u.contains(&query));
        text_ok
            && (filter.plans.is_empty() || filter.plans.contains(&node.plan))
            && (filter.units.is_empty() || node.units.iter().any(|u| filter.units.contains(u)))
            && (filter.themes.is_empty() || node.themes.iter().any(|t| filter.themes.contains(t)))
            && (filter.districts.is_empty()
                || node.districts.iter().any(|d| filter.districts.contains(d)))
    };
    let mut out = Vec::new();
    for (p, plan) in data.plans.iter().enumerate() {
        let ix = plan_explorer::dataset::PlanIx(u32::try_from(p).expect("small"));
        if !filter.plans.is_empty() && !filter.plans.contains(&ix) {
            continue;
        }
        let mut below = Vec::new();
        walk(data, &plan.roots, &matches, &mut below);
        if !below.is_empty() {
            out.push(Item::Plan(ix));
            out.extend(below);
        }
    }
    out
}

#[test]
fn filtered_rows_equal_a_plain_walk_for_dense_and_sparse_searches_and_facets() {
    let text = generate(SynthOptions {
        measures: 3_000,
        seed: 11,
    });
    let data = dataset::load_str(&text).dataset.expect("valid");
    let search = SearchIndex::new(&data);
    let unit = plan_explorer::dataset::UnitIx(3);
    let theme = plan_explorer::dataset::ThemeIx(2);
    let district = data.nodes.iter().find_map(|n| n.districts.first().cloned());
    let mut filters = Vec::new();
    // A one-letter query matches nearly every node; the others fewer.
    for query in ["c", "clinical", "model platform", "zzz", ""] {
        filters.push(TreeFilter {
            query: query.to_owned(),
            ..TreeFilter::default()
        });
        let mut faceted = TreeFilter {
            query: query.to_owned(),
            ..TreeFilter::default()
        };
        faceted.units.insert(unit);
        faceted.themes.insert(theme);
        filters.push(faceted.clone());
        if let Some(district) = &district {
            faceted.units.clear();
            faceted.districts.insert(district.clone());
            faceted.plans.insert(plan_explorer::dataset::PlanIx(0));
            filters.push(faceted);
        }
    }
    for filter in filters.iter().filter(|f| f.is_active()) {
        let tree = TreeData::new(&data, &search, filter, &Expansion::default());
        let rows: Vec<Item> = tree.rows.iter().map(|r| r.item).collect();
        assert_eq!(rows, reference_rows(&data, filter), "{filter:?}");
    }
}

#[test]
fn typing_narrows_from_the_previous_matches_and_finds_what_a_fresh_search_finds() {
    let text = generate(SynthOptions {
        measures: 3_000,
        seed: 5,
    });
    let data = dataset::load_str(&text).dataset.expect("valid");
    let typing = SearchIndex::new(&data);
    // Typed a letter at a time, with a deletion, a retyped word, a query
    // that matches nothing and then grows, a case change and a space.
    let mut queries: Vec<String> = Vec::new();
    for phrase in [
        "clinical model",
        "zzz",
        "innovation cluster",
        "Quantum Therapy",
    ] {
        for end in 1..=phrase.len() {
            queries.push(phrase[..end].to_owned());
        }
        queries.push(phrase[..phrase.len() / 2].to_owned());
        queries.push(phrase.to_uppercase());
        queries.push(format!(" {phrase} "));
    }
    for query in &queries {
        let fresh = SearchIndex::new(&data).matching(query);
        assert_eq!(typing.matching(query), fresh, "after typing {query:?}");
    }
}
