//! An earlier edition holds only what documents published by its date say:
//! every Chinese name, quote and node text in it occurs in one of its own
//! sources, none of which is dated after the edition, and no note leans on
//! a document it does not list.

use crate::common;

use std::path::{Path, PathBuf};

use plan_explorer::dataset::quotes::normalize;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn editions() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("data/editions"))
        .expect("data/editions")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
}

/// Every string in `value` with the key it sits under (the nearest named
/// key for strings in arrays), depth first. A caveat's words are the
/// curator's, not a quote: they come as `caveat.text`.
fn strings<'a>(value: &'a Value, key: &'a str, out: &mut Vec<(&'a str, &'a str)>) {
    match value {
        Value::String(text) => out.push((key, text)),
        Value::Array(items) => items.iter().for_each(|v| strings(v, key, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            let k = if key == "caveat" && k == "text" {
                "caveat.text"
            } else {
                k
            };
            strings(v, k, out);
        }),
        _ => {}
    }
}

/// The four-digit years (19xx, 20xx) a text names.
fn years_in(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
        .filter_map(|w| w.parse().ok())
}

#[test]
fn an_edition_says_only_what_its_own_earlier_sources_say() {
    let seeds = common::seeds();
    for path in editions() {
        let edition: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("reads")).expect("JSON");
        let date = edition["edition"].as_str().expect("an edition date");
        let sources = edition["sources"].as_array().expect("sources");
        let ids: Vec<&str> = sources.iter().filter_map(|s| s["id"].as_str()).collect();
        let mut texts = Vec::new();
        for source in sources {
            if let Some(published) = source["date"].as_str() {
                assert!(
                    published <= date,
                    "{}: source {} is dated {published}, after the edition's {date}",
                    path.display(),
                    source["id"]
                );
            } else {
                // An undated source is kept only with a note that places
                // it, and no year the note names is after the edition's.
                let note = source["date_note"].as_str().unwrap_or_else(|| {
                    panic!(
                        "{}: source {} has no date and no date_note placing it before {date}",
                        path.display(),
                        source["id"]
                    )
                });
                let latest = years_in(note).max().expect("the note names a year");
                assert!(
                    latest.to_string().as_str() <= &date[..4],
                    "{}: source {}'s date note names {latest}, after the edition's {date}",
                    path.display(),
                    source["id"]
                );
            }
            let file = source["file"].as_str().expect("a file");
            texts.push(normalize(
                &std::fs::read_to_string(seeds.join(file)).expect("the source text"),
            ));
        }
        let mut all = Vec::new();
        strings(&edition, "", &mut all);
        let mut checked = 0;
        let mut wrong = Vec::new();
        for (key, text) in all {
            if key.ends_with("_zh") || key == "quote" || key == "text" {
                let wanted = normalize(text);
                if !texts.iter().any(|t| t.contains(&wanted)) {
                    wrong.push(format!(
                        "{key} {text:?} is in none of the edition's own sources ({ids:?})"
                    ));
                }
                checked += 1;
            }
            // A note or issuer naming a source the edition does not list
            // leans on a document its readers cannot have had.
            for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
                if word.starts_with("src-") && !ids.contains(&word) {
                    wrong.push(format!(
                        "{key} {text:?} names {word}, which the edition does not list"
                    ));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{}:\n{}",
            path.display(),
            wrong.join("\n")
        );
        assert!(checked > 50, "only {checked} quotes and Chinese names");
    }
}

/// Every record with an id, by id: its English name and its translation.
fn translated<'a>(value: &'a Value, out: &mut Vec<(&'a str, &'a str, &'a str)>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| translated(v, out)),
        Value::Object(map) => {
            for key in ["name", "title", "metric"] {
                let translation = map.get(&format!("{key}_zh_translation"));
                if let (
                    Some(Value::String(id)),
                    Some(Value::String(english)),
                    Some(Value::String(zh)),
                ) = (map.get("id"), map.get(key), translation)
                {
                    out.push((id, english, zh));
                }
            }
            map.values().for_each(|v| translated(v, out));
        }
        _ => {}
    }
}

#[test]
fn an_editions_translations_follow_its_own_english() {
    let current: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("data/shanghai_plans.json")).expect("reads"),
    )
    .expect("JSON");
    let mut now = Vec::new();
    translated(&current, &mut now);
    for path in editions() {
        let edition: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("reads")).expect("JSON");
        let mut then = Vec::new();
        translated(&edition, &mut then);
        assert!(!then.is_empty(), "{}: no translations", path.display());
        // Where the edition words a record's English otherwise (a name only
        // a later document gives, replaced), the translation of the later
        // English must not stay behind.
        for (id, english, zh) in &then {
            for (_, later_english, later_zh) in now.iter().filter(|(i, ..)| i == id) {
                if later_english != english {
                    assert_ne!(
                        zh,
                        later_zh,
                        "{}: {id} is \"{english}\" here but keeps the translation of \"{later_english}\"",
                        path.display()
                    );
                }
            }
        }
    }
}

/// The earlier edition as a dataset.
fn earlier() -> plan_explorer::dataset::Dataset {
    let path = editions().remove(0);
    let loaded = plan_explorer::dataset::load_str(&std::fs::read_to_string(&path).expect("reads"));
    assert!(
        loaded.problems.iter().all(|p| !p.is_error()),
        "{:#?}",
        loaded.problems
    );
    loaded.dataset.expect("the edition is valid")
}

#[test]
fn an_editions_translations_and_reliability_notes_are_the_current_ones_where_its_english_is() {
    // The tool that makes the edition (tools/make_earlier_edition.py)
    // copies the current records: a Chinese fix or a source's reliability
    // note made since must be in the edition too (issue 26).
    let current: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("data/shanghai_plans.json")).expect("reads"),
    )
    .expect("JSON");
    let mut now = Vec::new();
    translated(&current, &mut now);
    for path in editions() {
        let edition: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("reads")).expect("JSON");
        let mut then = Vec::new();
        translated(&edition, &mut then);
        for (id, english, zh) in &then {
            for (_, later_english, later_zh) in now.iter().filter(|(i, ..)| i == id) {
                if later_english == english {
                    assert_eq!(
                        zh,
                        later_zh,
                        "{}: {id} keeps an old translation; run tools/make_earlier_edition.py",
                        path.display()
                    );
                }
            }
        }
        for source in edition["sources"].as_array().expect("sources") {
            let later = current["sources"]
                .as_array()
                .expect("sources")
                .iter()
                .find(|s| s["id"] == source["id"])
                .expect("the same source now");
            assert_eq!(
                source["reliability"], later["reliability"],
                "{}",
                source["id"]
            );
            // No text: `validate --sources` reads it from the seeds.
            assert!(source.get("text").is_none(), "{}", source["id"]);
        }
    }
}

#[test]
fn the_earlier_edition_caveats_only_what_its_own_documents_show() {
    let data = earlier();
    // The 33.4% caveat, worded as an inference from src-001 alone.
    let share = data.figure_by_id("pioneer-gdp-share-2024").expect("point");
    let text = &data.figure_caveat(share).expect("caveat").text;
    assert!(
        text.contains("33.4% equals 1.8 / 5.39 trillion yuan"),
        "{text}"
    );
    assert!(text.contains("may be defined differently"), "{text}");
    // The 1.8 trillion's caveat rests on src-003 (2026): not here; its
    // Chinese says 规模 all the same.
    let output = data.figure_by_id("pioneer-output-2024").expect("point");
    assert!(data.figure_caveat(output).is_none());
    let Some(plan_explorer::dataset::FigureRef::Series(s)) = data.figure_by_id("pioneer-output")
    else {
        panic!("no series");
    };
    let series = &data.series[s.index()];
    assert!(
        series
            .title_zh_translation
            .as_deref()
            .is_some_and(|z| z.contains("规模"))
    );
    assert!(
        series
            .note
            .as_deref()
            .is_some_and(|n| !n.contains("caveat"))
    );
    // The city's GDP target is no plan's target here either.
    assert!(data.figure_by_id("t-gdp-growth-2026").is_none());
}

#[test]
fn the_earlier_edition_uses_no_term_or_name_of_a_later_document() {
    let data = earlier();
    // src-001 says "silicon-based optoelectronics"; "silicon photonics"
    // is src-003's (2026).
    let theme = &data.themes[data
        .theme_by_id("silicon-photonics")
        .expect("theme")
        .index()];
    assert_eq!(theme.name, "Silicon-based optoelectronics");
    assert_eq!(theme.name_zh_translation.as_deref(), Some("硅基光电子"));
    // No fund, node or plan is named by src-003's names.
    let mut names: Vec<String> = data.funds.iter().map(|f| f.name.clone()).collect();
    names.extend(data.nodes.iter().map(|n| n.title.clone()));
    names.extend(data.plans.iter().map(|p| p.title.clone()));
    names.extend(data.themes.iter().map(|t| t.name.clone()));
    for name in &names {
        for later in [
            "Future Industry Fund",
            "AI Fund",
            "Fund of Funds",
            "photonics",
            "cultivation mechanism",
        ] {
            assert!(!name.contains(later), "{name:?} uses src-003's {later:?}");
        }
    }
    // The frontier plan is src-001's alone, in both languages.
    let plan = &data.plans[data.plan_by_id("frontier-tech").expect("plan").index()];
    assert!(!plan.title.contains("2026"), "{}", plan.title);
    assert!(
        plan.title_zh_translation
            .as_deref()
            .is_some_and(|z| !z.contains("2026")),
        "{:?}",
        plan.title_zh_translation
    );
    // The Chinese fixes reached it too.
    let gdp = data.figure_by_id("gdp").expect("series");
    assert!(matches!(gdp, plan_explorer::dataset::FigureRef::Series(s)
        if data.series[s.index()].title_zh_translation.as_deref() == Some("上海市地区生产总值")));
}
