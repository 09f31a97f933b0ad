//! Saved views as data: captured, written, read back and fitted to the
//! same dataset, to a newer edition (what changed in its figures, what no
//! longer exists), and bad files (malformed, newer, not a view, notes on
//! hidden series, annotations that cannot be drawn).

use std::collections::BTreeSet;
use std::path::Path;

use plan_explorer::dataset::{Dataset, FigureRef};
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::view::amount::Convention;
use plan_explorer::view::annotations::Annotation;
use plan_explorer::view::charts::{ChartId, LegendKey, TargetColumn};
use plan_explorer::view::saved::{self, Named, ViewError, ViewNote};
use plan_explorer::view::themes::ThemeOrder;
use plan_explorer::view::tree::TreeFilter;

fn load(json: &str) -> Dataset {
    plan_explorer::dataset::load_str(json)
        .dataset
        .expect("the dataset is valid")
}

fn earlier_edition() -> Dataset {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/editions/shanghai_plans-2025-12-31.json");
    load(&std::fs::read_to_string(path).expect("the earlier edition is there"))
}

/// A view of `chart` on `data`, with a filter, an open plan, a selection,
/// one hidden series and `annotations`.
fn view_of(
    data: &Dataset,
    chart: ChartId,
    hidden: &BTreeSet<LegendKey>,
    annotations: &[Annotation],
) -> saved::ViewFile {
    let plan = data.plan_by_id(&data.plans[0].id).expect("a plan");
    let filter = TreeFilter {
        query: "industry".to_owned(),
        plans: [plan].into(),
        ..TreeFilter::default()
    };
    let open = [Item::Plan(plan)];
    saved::capture(
        "  My view ",
        &saved::Shown {
            dataset: data,
            file: None,
            chart,
            filter: &filter,
            open: &open,
            selected: data.figure_by_id("gdp-2024").map(Item::Figure),
            hidden,
            funds_log: false,
            targets_sort: (TargetColumn::Value, false),
            theme_order: ThemeOrder::Dataset,
            lang: Lang::Zh,
            convention: Convention::International,
            annotations,
        },
    )
}

fn read_back(view: &saved::ViewFile) -> saved::Read {
    saved::parse(&view.to_json(), Path::new("v.view.json")).expect("the view reads back")
}

#[test]
fn a_view_reopens_exactly_on_the_same_dataset() {
    let data = common_data();
    let hidden: BTreeSet<LegendKey> = [LegendKey::Series(series(&data, "pioneer-output"))].into();
    let annotations = [
        Annotation::Note {
            figure: "gdp-2024".into(),
            text: "Ceci n'est pas traduit".to_owned(),
        },
        Annotation::Span {
            from: 2026,
            to: 2030,
            label: "15th FYP".to_owned(),
        },
        Annotation::Line {
            value: 6.0e12,
            label: String::new(),
        },
    ];
    let view = view_of(&data, ChartId::IndustrialOutput, &hidden, &annotations);
    assert_eq!(view.name, "My view", "the name is kept trimmed");
    assert!(
        view.figures.iter().any(|f| f.id == "gdp-2024"),
        "the chart's figures are kept with their values: {:?}",
        view.figures
    );
    let resolved = saved::resolve(&read_back(&view), &data, &[]);
    assert_eq!(resolved.notes, Vec::<ViewNote>::new());
    assert_eq!(resolved.name, "My view");
    assert_eq!(resolved.chart, ChartId::IndustrialOutput);
    assert_eq!(resolved.filter.query, "industry");
    assert_eq!(resolved.filter.plans.len(), 1);
    assert_eq!(resolved.open.len(), 1);
    assert_eq!(
        resolved.selected,
        data.figure_by_id("gdp-2024").map(Item::Figure)
    );
    assert_eq!(resolved.hidden, hidden);
    assert!(!resolved.funds_log);
    assert_eq!(resolved.targets_sort, (TargetColumn::Value, false));
    assert_eq!(resolved.theme_order, ThemeOrder::Dataset);
    assert_eq!(resolved.lang, Lang::Zh);
    assert_eq!(resolved.convention, Convention::International);
    assert_eq!(resolved.annotations, annotations);
}

fn common_data() -> Dataset {
    plan_explorer::dataset::load_embedded()
        .dataset
        .expect("the built-in dataset is valid")
}

fn series(data: &Dataset, id: &str) -> plan_explorer::dataset::SeriesIx {
    match data.figure_by_id(id) {
        Some(FigureRef::Series(s)) => s,
        other => panic!("{id} is not a series: {other:?}"),
    }
}

#[test]
fn a_view_from_the_earlier_edition_says_what_changed_on_the_newer() {
    let old = earlier_edition();
    let new = common_data();
    let view = view_of(&old, ChartId::GdpShare, &BTreeSet::new(), &[]);
    let resolved = saved::resolve(&read_back(&view), &new, &[]);
    let texts: Vec<String> = resolved
        .notes
        .iter()
        .map(|n| n.text(Lang::En, Convention::International))
        .collect();
    assert!(
        texts.contains(&format!(
            "Saved on edition {}, shown on edition {}.",
            old.edition, new.edition
        )),
        "{texts:#?}"
    );
    // The 2024 share's caveat grew between the two editions.
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Changed: pioneer-gdp-share-2024: caveat changed: “The 2021")),
        "{texts:#?}"
    );
    // In Chinese too, the ids and the words of the diff.
    let zh = resolved
        .notes
        .iter()
        .map(|n| n.text(Lang::Zh, Convention::Chinese))
        .collect::<Vec<_>>();
    assert!(
        zh.iter()
            .any(|t| t.starts_with("有变化：pioneer-gdp-share-2024：说明")),
        "{zh:#?}"
    );
}

#[test]
fn a_changed_value_and_status_and_a_removed_figure_are_each_said() {
    let data = common_data();
    let view = view_of(&data, ChartId::IndustrialOutput, &BTreeSet::new(), &[]);
    // The next edition: GDP 2024 revised and estimated, 2025's dropped.
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    json["edition"] = "2026-06-30".into();
    let gdp = json["series"]
        .as_array_mut()
        .expect("series")
        .iter_mut()
        .find(|s| s["id"] == "gdp")
        .expect("the GDP series");
    let points = gdp["points"].as_array_mut().expect("points");
    points[0]["value"] = 5.41e12.into();
    points[0]["status"] = "estimate".into();
    points.retain(|p| p["id"] != "gdp-2025");
    let newer = load(&json.to_string());
    let resolved = saved::resolve(&read_back(&view), &newer, &[]);
    let texts: Vec<String> = resolved
        .notes
        .iter()
        .map(|n| n.text(Lang::En, Convention::International))
        .collect();
    assert!(
        texts.contains(&"No longer exists: the figure gdp-2025.".to_owned()),
        "{texts:#?}"
    );
    let changed = texts
        .iter()
        .find(|t| t.starts_with("Changed: gdp-2024"))
        .unwrap_or_else(|| panic!("{texts:#?}"));
    assert!(
        changed.contains("value:") && changed.contains("5.39") && changed.contains("5.41"),
        "{changed}"
    );
    assert!(changed.contains("status:"), "{changed}");
    // The problem comes before the news.
    let gone = texts.iter().position(|t| t.starts_with("No longer"));
    let news = texts.iter().position(|t| t.starts_with("Changed"));
    assert!(gone < news, "{texts:#?}");
}

#[test]
fn records_the_dataset_no_longer_has_are_left_out_and_named() {
    let data = common_data();
    let view = view_of(&data, ChartId::IndustrialOutput, &BTreeSet::new(), &[]);
    let mut json: serde_json::Value = serde_json::from_str(&view.to_json()).expect("JSON");
    json["filter"]["plans"] = serde_json::json!(["no-such-plan"]);
    json["filter"]["units"] = serde_json::json!(["no-such-unit"]);
    json["open"]["nodes"] = serde_json::json!(["no-such-node"]);
    json["selected"] = serde_json::json!({ "node": "gone-measure" });
    json["hidden"]["series"] = serde_json::json!(["gone-series"]);
    json["annotations"] =
        serde_json::json!([{ "kind": "note", "figure": "gone-point", "text": "x" }]);
    let read = saved::parse(&json.to_string(), Path::new("v.json")).expect("reads");
    let resolved = saved::resolve(&read, &data, &[]);
    let gone: Vec<(Named, String)> = resolved
        .notes
        .iter()
        .filter_map(|n| match n {
            ViewNote::Gone { what, id } => Some((*what, id.clone())),
            _ => None,
        })
        .collect();
    for expected in [
        (Named::Plan, "no-such-plan"),
        (Named::Unit, "no-such-unit"),
        (Named::Node, "no-such-node"),
        (Named::Node, "gone-measure"),
        (Named::Series, "gone-series"),
        (Named::Figure, "gone-point"),
    ] {
        assert!(
            gone.contains(&(expected.0, expected.1.to_owned())),
            "{expected:?} in {gone:?}"
        );
    }
    // What still exists opens: the search words, the chart.
    assert_eq!(resolved.filter.query, "industry");
    assert!(resolved.filter.plans.is_empty());
    assert_eq!(resolved.selected, None);
    assert!(resolved.annotations.is_empty());
}

#[test]
fn a_malformed_view_says_where() {
    let error = saved::parse(
        "{\n  \"format\": \"plan-explorer-view\",\n  \"version\": 1,\n  \"name\": 3\n}",
        Path::new("bad.view.json"),
    )
    .expect_err("a name must be text");
    let ViewError::Malformed {
        line,
        column,
        field,
        ..
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!((*line, *column, field.as_str()), (4, 11, "name"));
    let text = error.text(Lang::En);
    assert!(
        text.contains("bad.view.json")
            && text.contains("line 4, column 11")
            && text.contains("name"),
        "{text}"
    );
    assert!(error.text(Lang::Zh).contains("第 4 行第 11 列"));
    // Not JSON at all.
    let error = saved::parse("{\"format\": ", Path::new("cut.json")).expect_err("cut off");
    assert!(
        matches!(error, ViewError::Malformed { line: 1, .. }),
        "{error:?}"
    );
    // JSON, but not a view.
    let error =
        saved::parse("{\"title\": \"a dataset\"}", Path::new("data.json")).expect_err("not a view");
    assert!(matches!(error, ViewError::NotAView { .. }), "{error:?}");
}

#[test]
fn a_newer_version_opens_as_far_as_it_can_or_says_why_not() {
    let data = common_data();
    let view = view_of(&data, ChartId::Funds, &BTreeSet::new(), &[]);
    let mut json: serde_json::Value = serde_json::from_str(&view.to_json()).expect("JSON");
    json["version"] = 7.into();
    json["something_new"] = serde_json::json!({ "a": 1 });
    let read = saved::parse(&json.to_string(), Path::new("new.json")).expect("readable parts");
    assert_eq!(read.notes, vec![ViewNote::NewerVersion { found: 7 }]);
    let resolved = saved::resolve(&read, &data, &[]);
    assert_eq!(resolved.chart, ChartId::Funds);
    assert!(
        resolved.notes[0]
            .text(Lang::En, Convention::International)
            .contains("format version 7, newer than this Plan Explorer reads (2)")
    );
    // A newer file whose chart this build does not know cannot be shown.
    json["chart"] = "a-chart-of-2030".into();
    let error = saved::parse(&json.to_string(), Path::new("new.json")).expect_err("unknown chart");
    assert!(
        matches!(error, ViewError::TooNew { found: 7, .. }),
        "{error:?}"
    );
    assert!(error.text(Lang::En).contains("new.json"));
}

#[test]
fn a_note_on_a_hidden_series_is_kept_and_said() {
    let data = common_data();
    let hidden: BTreeSet<LegendKey> = [LegendKey::Series(series(&data, "gdp"))].into();
    let note = Annotation::Note {
        figure: "gdp-2024".into(),
        text: "Look here".to_owned(),
    };
    let view = view_of(
        &data,
        ChartId::IndustrialOutput,
        &hidden,
        std::slice::from_ref(&note),
    );
    let resolved = saved::resolve(&read_back(&view), &data, &[]);
    assert_eq!(
        resolved.notes,
        vec![ViewNote::NoteOnHidden {
            figure: "gdp-2024".to_owned(),
            series: "gdp".to_owned(),
        }]
    );
    assert_eq!(resolved.annotations, vec![note], "the note is kept");
    assert!(
        resolved.notes[0]
            .text(Lang::Zh, Convention::Chinese)
            .contains("gdp-2024")
    );
}

#[test]
fn annotations_that_cannot_be_drawn_are_left_out_and_said() {
    let data = common_data();
    let view = view_of(
        &data,
        ChartId::IndustrialOutput,
        &BTreeSet::new(),
        &[
            Annotation::Span {
                from: 2030,
                to: 2026,
                label: String::new(),
            },
            Annotation::Note {
                figure: "gdp-2024".into(),
                text: "  ".to_owned(),
            },
        ],
    );
    let resolved = saved::resolve(&read_back(&view), &data, &[]);
    let texts: Vec<String> = resolved
        .notes
        .iter()
        .map(|n| n.text(Lang::En, Convention::International))
        .collect();
    assert_eq!(
        texts,
        [
            "Annotation 1 is left out: a span from 2030 to 2026 ends before it starts.",
            "Annotation 2 is left out: a note with no words."
        ]
    );
    assert!(resolved.annotations.is_empty());
}

#[test]
fn the_example_views_read_and_open_cleanly_on_the_built_in_dataset() {
    let data = common_data();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples");
    let mut kinds = BTreeSet::new();
    let mut count = 0;
    for entry in std::fs::read_dir(&folder).expect("docs/examples") {
        let path = entry.expect("entry").path();
        if !path.to_string_lossy().ends_with(".view.json") {
            continue;
        }
        count += 1;
        let read = saved::read_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let resolved = saved::resolve(&read, &data, &[]);
        assert!(
            resolved.notes.is_empty(),
            "{}: {:?}",
            path.display(),
            resolved.notes
        );
        for annotation in &resolved.annotations {
            kinds.insert(match annotation {
                Annotation::Note { .. } => "note",
                Annotation::Span { .. } => "span",
                Annotation::Line { .. } => "line",
                Annotation::CellNote { .. } => "cell note",
            });
        }
    }
    assert!(count >= 3, "at least three example views");
    assert_eq!(kinds.len(), 4, "each kind of annotation: {kinds:?}");
}

#[test]
fn a_view_file_name_is_made_from_its_name() {
    assert_eq!(
        saved::file_name("GDP & the 15th FYP"),
        "gdp-the-15th-fyp.view.json"
    );
    assert_eq!(saved::file_name("工业产值"), "工业产值.view.json");
    assert_eq!(saved::file_name("  /  "), "view.view.json");
}
