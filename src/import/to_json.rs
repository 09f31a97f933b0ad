//! A draft as dataset JSON: the new source carrying the document's text
//! and hash, the plan and its nodes, the units it names (the dataset's own,
//! or new ones), every record marked `imported` today and not yet
//! `reviewed`. Written either as a dataset of its own or added to an
//! existing dataset's JSON, which is otherwise left as it was.

mod figures;

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::draft::units::UnitMatch;
use super::draft::{Draft, DraftNote, PREAMBLE};
use crate::dataset::proof::sha256_hex;
use crate::dataset::{Dataset, NodeKind};

/// The document's language, which decides where the printed words go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocLang {
    /// English: titles and texts in `title` and `text`.
    En,
    /// Chinese: the printed Chinese in `title_zh` and `text_zh`, and, as
    /// the format needs a `title`, the same words there.
    Zh,
}

/// What the JSON needs beyond the draft.
#[derive(Clone, Debug)]
pub struct Imported<'a> {
    /// The document's text, as read.
    pub text: &'a str,
    /// The document's file name.
    pub file_name: &'a str,
    /// Its language.
    pub lang: DocLang,
    /// Today, `YYYY-MM-DD`.
    pub today: &'a str,
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    let (year, month, day) = crate::chart::render::today();
    format!("{year:04}-{month:02}-{day:02}")
}

/// A lower-case id from `words`: letters and digits joined by hyphens, at
/// most `max` characters, cut at a hyphen.
/// Whether `text` holds `words` by the quotes' rule
/// ([`crate::dataset::folded`]). Words with no white space or quote mark
/// are found in the text as it is, as folding changes nothing else: the
/// text is not copied (a folded copy of a long document, made for each
/// name looked for, was the largest part of the import's peak memory).
pub(crate) fn text_holds(text: &str, words: &str) -> bool {
    let words = crate::dataset::folded::normalized(words);
    let plain = |c: char| !c.is_whitespace() && !matches!(c, '"' | '\'');
    if words.chars().all(plain) {
        // Folding maps typographic quotes to plain ones and white space to
        // a space; `words` has neither, so a match is a match unfolded.
        return text.contains(words.as_ref());
    }
    crate::dataset::folded::normalize(text).contains(words.as_ref())
}

fn slug(words: &str, max: usize) -> String {
    let mut out = String::new();
    for word in words
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        if matches!(
            word.as_str(),
            "of" | "the" | "for" | "and" | "a" | "an" | "in" | "on" | "to"
        ) {
            continue;
        }
        if out.len() + word.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    out
}

/// An id not in `taken`, from `base`: `base`, `base-2`, `base-3`…; then
/// taken.
pub(crate) fn unique(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// Every id the dataset uses (ids are unique within each kind; the import
/// keeps them unique across kinds, which is simpler to read).
fn taken_ids(dataset: Option<&Dataset>) -> HashSet<String> {
    let Some(data) = dataset else {
        return HashSet::new();
    };
    let mut taken = HashSet::new();
    taken.extend(data.sources.iter().map(|s| s.id.to_string()));
    taken.extend(data.units.iter().map(|u| u.id.to_string()));
    taken.extend(data.plans.iter().map(|p| p.id.to_string()));
    taken.extend(data.nodes.iter().map(|n| n.id.to_string()));
    taken.extend(data.series.iter().map(|s| s.id.to_string()));
    taken.extend(
        data.series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| p.id.to_string()),
    );
    taken.extend(data.funds.iter().map(|f| f.id.to_string()));
    taken.extend(data.targets.iter().map(|t| t.id.to_string()));
    taken.extend(data.facts.iter().map(|f| f.id.to_string()));
    taken.extend(data.exchange_rates.iter().map(|r| r.id.to_string()));
    taken
}

/// The new records a draft adds: the source, the new units, the plan,
/// the figures.
struct Records {
    /// The new source; `None` where the dataset already has the document
    /// as a source (the same text), which the records cite instead.
    source: Option<Value>,
    /// The dataset's units the plan names, by index, in first use order.
    known_units: Vec<usize>,
    new_units: Vec<Value>,
    plan: Value,
    figures: figures::FigureJson,
}

/// The id of `data`'s source whose text is the document's (by its SHA-256
/// `hash`, as stated or as its text hashes), if there is one: importing a
/// document the dataset already holds cites it, not a copy of it.
fn same_text(data: &Dataset, hash: &str) -> Option<String> {
    data.sources
        .iter()
        .find(|source| {
            source.sha256.as_deref() == Some(hash)
                || source
                    .text
                    .as_deref()
                    .is_some_and(|t| sha256_hex(t) == hash)
        })
        .map(|source| source.id.to_string())
}

/// Builds the new records, ids unique against `dataset`'s.
fn records(
    draft: &Draft,
    imported: &Imported<'_>,
    units_of: &Dataset,
    into: Option<&Dataset>,
) -> Records {
    let mut taken = taken_ids(into);
    let title = draft
        .plan
        .title
        .clone()
        .unwrap_or_else(|| imported.file_name.to_owned());
    let stem = imported
        .file_name
        .rsplit_once('.')
        .map_or(imported.file_name, |(stem, _)| stem);
    let hash = sha256_hex(imported.text);
    let reused = into.and_then(|data| same_text(data, &hash));
    let source_id = reused.clone().unwrap_or_else(|| {
        unique(
            &format!("src-{}", non_empty(slug(stem, 40), "import")),
            &mut taken,
        )
    });
    let mut source = json!({
        "id": source_id,
        "title": title,
        "publisher": draft.plan.byline.clone().or_else(|| draft.plan.issuer.clone())
            .unwrap_or_else(|| not_stated(imported.lang)),
        "file": imported.file_name,
        "retrieved": imported.today,
        "language": match imported.lang { DocLang::En => "en", DocLang::Zh => "zh" },
        "sha256": hash,
    });
    // The text itself is put in last ([`with_text`]), so that a caller
    // owning it can move it in rather than copy it.
    if let Some(date) = &draft.plan.date {
        source["date"] = date.clone().into();
    } else {
        source["date_note"] = "No date found in the text.".into();
    }

    let plan_id = unique(&non_empty(slug(&title, 48), "imported-plan"), &mut taken);
    // New units, one record per printed name.
    let mut known_units: Vec<usize> = Vec::new();
    let mut new_names: Vec<String> = Vec::new();
    let mut new_ids: Vec<String> = Vec::new();
    let mut unit_id = |unit: &UnitMatch, taken: &mut HashSet<String>| -> String {
        match unit {
            UnitMatch::Known(i) => {
                if !known_units.contains(i) {
                    known_units.push(*i);
                }
                units_of.units[*i].id.to_string()
            }
            UnitMatch::New(name) => {
                if let Some(at) = new_names.iter().position(|n| n == name) {
                    return new_ids[at].clone();
                }
                let base = non_empty(slug(name, 40), &format!("unit-{}", new_names.len() + 1));
                let id = unique(&base, taken);
                new_names.push(name.clone());
                new_ids.push(id.clone());
                id
            }
        }
    };
    let mut node_ids = Vec::with_capacity(draft.nodes.len());
    let nodes = nodes_json(
        draft,
        imported,
        &plan_id,
        &mut taken,
        &mut unit_id,
        &mut node_ids,
    );
    let new_units = new_names
        .iter()
        .zip(&new_ids)
        .map(|(name, id)| {
            let mut unit = json!({"id": id, "name": name, "imported": imported.today});
            if imported.lang == DocLang::Zh {
                unit["name_zh"] = name.clone().into();
            }
            unit
        })
        .collect();
    let mut plan = json!({
        "id": plan_id,
        "title": title,
        "period": period_json(draft, imported.today),
        "issuer": draft.plan.issuer.clone().or_else(|| draft.plan.byline.clone())
            .unwrap_or_else(|| not_stated(imported.lang)),
        "source": source_id,
        "note": plan_note(draft, imported.lang),
        "imported": imported.today,
    });
    // Moved in, not through `json!`, which would copy every node.
    plan["nodes"] = nodes;
    if imported.lang == DocLang::Zh {
        plan["title_zh"] = title.into();
    }
    let figures = figures::records_of(draft, imported, &source_id, &plan_id, &node_ids, &mut taken);
    Records {
        source: reused.is_none().then_some(source),
        known_units,
        new_units,
        plan,
        figures,
    }
}

fn non_empty(text: String, otherwise: &str) -> String {
    if text.is_empty() {
        otherwise.to_owned()
    } else {
        text
    }
}

/// The plan's period: as printed in the title, or else the years the text
/// names (the note says so).
fn period_json(draft: &Draft, today: &str) -> Value {
    if let Some((start, end)) = draft.plan.period {
        return json!({"start": start, "end": end});
    }
    let year = draft
        .plan
        .date
        .as_deref()
        .unwrap_or(today)
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(2025);
    json!({"end": year})
}

/// What the import decided, for the plan's note.
fn plan_note(draft: &Draft, lang: DocLang) -> String {
    let mut parts = vec![format!(
        "Drafted by plan-explorer import from the document's own numbering: {} chapters, {} measures, {} items.",
        draft.counts().0,
        draft.counts().1,
        draft.counts().2
    )];
    if draft.plan.period.is_none() {
        parts.push(
            "The title prints no period: the end year is the document's date (or the day of import), to be corrected."
                .to_owned(),
        );
    }
    if let Some(note) = &draft.plan.date_note {
        parts.push(format!("Date: {note}."));
    }
    if let Some(number) = &draft.plan.document_number {
        parts.push(format!("Document number: {number}."));
    }
    if draft
        .nodes
        .first()
        .is_some_and(|n| n.numbering.is_none() && n.title == PREAMBLE)
    {
        let label = match lang {
            DocLang::En => PREAMBLE,
            DocLang::Zh => "前言",
        };
        parts.push(format!("The text before the first numbered heading is the node '{label}', a label the document does not print."));
    }
    parts.extend(draft.notes.iter().map(describe));
    parts.join(" ")
}

/// A draft's note in a sentence.
pub fn describe(note: &DraftNote) -> String {
    match note {
        DraftNote::NoNumbering => {
            "The document has no numbering: each paragraph is a measure, its first sentence the title."
                .to_owned()
        }
        DraftNote::NumberJump {
            numbering,
            expected,
            found,
        } => format!("{numbering}: the document numbers it {found} where {expected} was due."),
        DraftNote::Unplaced { text, .. } => format!("Not placed in the tree: \"{text}\"."),
        DraftNote::ContentsSkipped { lines } => {
            format!("A contents block of {lines} lines before the body was left out.")
        }
        DraftNote::PageFrameSkipped { lines } => {
            let quoted: Vec<String> = lines.iter().map(|l| format!("\"{l}\"")).collect();
            format!(
                "Left out before the title as the web page's frame, not the plan: {}.",
                quoted.join(", ")
            )
        }
    }
}

/// The draft's nodes as nested JSON.
fn nodes_json(
    draft: &Draft,
    imported: &Imported<'_>,
    plan_id: &str,
    taken: &mut HashSet<String>,
    unit_id: &mut dyn FnMut(&UnitMatch, &mut HashSet<String>) -> String,
    ids: &mut Vec<String>,
) -> Value {
    // Each node's JSON, then children moved under their parents, last
    // first, so indexes stay valid.
    let mut built: Vec<Value> = Vec::with_capacity(draft.nodes.len());
    let mut counters: Vec<usize> = vec![0; draft.nodes.len() + 1];
    let mut paths: Vec<String> = Vec::with_capacity(draft.nodes.len());
    for node in &draft.nodes {
        let slot = node.parent.map_or(0, |p| p + 1);
        let preamble = node.parent.is_none() && node.numbering.is_none() && node.title == PREAMBLE;
        if !preamble {
            counters[slot] += 1;
        }
        let path = match node.parent {
            Some(p) => format!("{}-{}", paths[p], counters[slot]),
            None if preamble => "preamble".to_owned(),
            None => counters[slot].to_string(),
        };
        paths.push(path.clone());
        let id = unique(&format!("{plan_id}-{path}"), taken);
        ids.push(id.clone());
        let units: Vec<String> = node.units.iter().map(|u| unit_id(u, taken)).collect();
        let lead_units: Vec<String> = node.lead_units.iter().map(|u| unit_id(u, taken)).collect();
        let mut value = json!({
            "id": id,
            "kind": match node.kind {
                NodeKind::Chapter => "chapter",
                NodeKind::Measure => "measure",
                NodeKind::Item => "item",
            },
            "title": node_title(node, preamble, imported.lang),
            "text": node.text,
            "units": units,
            "themes": [],
            "districts": [],
            "imported": imported.today,
            "children": [],
        });
        // The lead units, only where the document labels them.
        if !lead_units.is_empty() {
            value["lead_units"] = json!(lead_units);
        }
        if let Some(numbering) = &node.numbering {
            value["numbering"] = numbering.clone().into();
        }
        if imported.lang == DocLang::Zh {
            // The preamble's title is the draft's label, not the document's
            // words: it has no printed Chinese.
            if !node.title.is_empty() && !preamble {
                value["title_zh"] = node.title.clone().into();
            }
            if !node.text.is_empty() {
                value["text_zh"] = node.text.clone().into();
            }
        }
        built.push(value);
    }
    for i in (0..draft.nodes.len()).rev() {
        if let Some(parent) = draft.nodes[i].parent {
            let child = std::mem::take(&mut built[i]);
            if let Some(children) = built[parent]["children"].as_array_mut() {
                children.insert(0, child);
            }
        }
    }
    Value::Array(
        built
            .into_iter()
            .zip(&draft.nodes)
            .filter(|(_, n)| n.parent.is_none())
            .map(|(v, _)| v)
            .collect(),
    )
}

/// A unit of the dataset as JSON, for a new dataset that names it. Its
/// printed Chinese name comes along only if this document prints it too:
/// the new dataset carries no other document to prove it by.
fn unit_json(dataset: &Dataset, i: usize, text: &str) -> Value {
    let unit = &dataset.units[i];
    let mut value = Map::new();
    value.insert("id".into(), unit.id.to_string().into());
    value.insert("name".into(), unit.name.clone().into());
    if let Some(zh) = &unit.name_zh
        && text_holds(text, zh)
    {
        value.insert("name_zh".into(), zh.clone().into());
    }
    if let Some(zh) = &unit.name_zh_translation {
        value.insert("name_zh_translation".into(), zh.clone().into());
    }
    Value::Object(value)
}

/// A dataset of its own: the new plan, its source and the units it names
/// (matched against `units_of`, usually the built-in dataset).
pub fn new_dataset(draft: &Draft, imported: &Imported<'_>, units_of: &Dataset) -> Value {
    with_text(
        new_dataset_bare(draft, imported, units_of),
        imported.text.to_owned(),
    )
}

/// `json` (from [`new_dataset_bare`] or [`into_dataset_bare`]) with its
/// document's text: the last source's, which is the new one (or the one
/// of the dataset's with the same text, which keeps the text it has).
pub(crate) fn with_text(mut json: Value, text: String) -> Value {
    if let Some(source) = json["sources"]
        .as_array_mut()
        .and_then(|sources| sources.last_mut())
        .and_then(Value::as_object_mut)
        && !source.contains_key("text")
    {
        source.insert("text".to_owned(), Value::String(text));
    }
    json
}

/// [`new_dataset`] without the new source's text, for [`with_text`].
pub(crate) fn new_dataset_bare(
    draft: &Draft,
    imported: &Imported<'_>,
    units_of: &Dataset,
) -> Value {
    let records = records(draft, imported, units_of, None);
    let mut units: Vec<Value> = records
        .known_units
        .iter()
        .map(|&i| unit_json(units_of, i, imported.text))
        .collect();
    units.extend(records.new_units);
    let title = records.plan["title"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut dataset = json!({
        "schema_version": 1,
        "title": match imported.lang {
            DocLang::En => format!("Imported: {title}"),
            DocLang::Zh => format!("导入：{title}"),
        },
        "edition": imported.today,
        "description": format!("Drafted from {} by plan-explorer import; every record is unreviewed until an editor reviews it.", imported.file_name),
        "themes": [],
    });
    // The records are moved in: `json!` would copy each (the source's text
    // and every node among them), doubling the draft's peak memory.
    let figures = records.figures;
    for (key, value) in [
        (
            "sources",
            Value::Array(records.source.into_iter().collect()),
        ),
        ("units", Value::Array(units)),
        ("plans", Value::Array(vec![records.plan])),
        ("series", Value::Array(figures.series)),
        ("funds", Value::Array(figures.funds)),
        ("targets", Value::Array(figures.targets)),
        ("exchange_rates", Value::Array(figures.exchange_rates)),
        ("facts", Value::Array(figures.facts)),
    ] {
        dataset[key] = value;
    }
    dataset
}

/// `existing` (the dataset's JSON, as read) with the new plan, its source
/// and its new units added; everything else is as it was.
pub fn into_dataset(
    draft: &Draft,
    imported: &Imported<'_>,
    existing: &Dataset,
    json: Value,
) -> Value {
    with_text(
        into_dataset_bare(draft, imported, existing, json),
        imported.text.to_owned(),
    )
}

/// [`into_dataset`] without the new source's text, for [`with_text`].
pub(crate) fn into_dataset_bare(
    draft: &Draft,
    imported: &Imported<'_>,
    existing: &Dataset,
    mut json: Value,
) -> Value {
    let records = records(draft, imported, existing, Some(existing));
    if records.source.is_none() {
        // The document is already a source: it moves to the end of the
        // list, where a draft's document is
        // ([`crate::import::review::Review::document`]).
        let id = records.plan["source"].clone();
        if let Some(sources) = json["sources"].as_array_mut()
            && let Some(at) = sources.iter().position(|s| s["id"] == id)
        {
            let source = sources.remove(at);
            sources.push(source);
        }
    }
    let mut push = |key: &str, value: Value| {
        // `facts` is optional: a dataset without it gets it.
        if json[key].is_null() {
            json[key] = Value::Array(Vec::new());
        }
        if let Some(list) = json[key].as_array_mut() {
            list.push(value);
        }
    };
    if let Some(source) = records.source {
        push("sources", source);
    }
    for unit in records.new_units {
        push("units", unit);
    }
    push("plans", records.plan);
    let figures = records.figures;
    for (key, list) in [
        ("series", figures.series),
        ("funds", figures.funds),
        ("targets", figures.targets),
        ("facts", figures.facts),
        ("exchange_rates", figures.exchange_rates),
    ] {
        for record in list {
            push(key, record);
        }
    }
    json
}

/// How many figures of each kind a draft's JSON holds from its new source
/// (the last one listed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FigureCounts {
    /// Targets.
    pub targets: usize,
    /// Funds.
    pub funds: usize,
    /// Points of series.
    pub points: usize,
    /// The series they make.
    pub series: usize,
    /// Facts as of a date.
    pub facts: usize,
    /// Exchange rates.
    pub exchange_rates: usize,
}

/// The imported figures of `json` that cite its last source.
pub fn figure_counts(json: &Value) -> FigureCounts {
    let Some(source) = json["sources"]
        .as_array()
        .and_then(|s| s.last())
        .and_then(|s| s["id"].as_str())
    else {
        return FigureCounts::default();
    };
    // Imported records only: a document the dataset already held is
    // cited by its own records too.
    let cites = |record: &Value| {
        record["source"].as_str() == Some(source) && record.get("imported").is_some()
    };
    let count = |key: &str| {
        json[key]
            .as_array()
            .map_or(0, |list| list.iter().filter(|r| cites(r)).count())
    };
    let series = json["series"].as_array().map_or(&[][..], Vec::as_slice);
    let points = |s: &Value| {
        s["points"]
            .as_array()
            .map_or(0, |points| points.iter().filter(|p| cites(p)).count())
    };
    FigureCounts {
        targets: count("targets"),
        funds: count("funds"),
        points: series.iter().map(points).sum(),
        series: series.iter().filter(|s| points(s) > 0).count(),
        facts: count("facts"),
        exchange_rates: count("exchange_rates"),
    }
}

/// What a plan's issuer or a source's publisher is called where the text
/// names none, in the document's language.
fn not_stated(lang: DocLang) -> String {
    match lang {
        DocLang::En => "not stated in the text",
        DocLang::Zh => "文中未注明",
    }
    .to_owned()
}

/// A node's title, or the label the importer gives where the document
/// prints none (the preamble, an untitled heading), in the document's
/// language.
fn node_title(node: &super::draft::DraftNode, preamble: bool, lang: DocLang) -> String {
    match (lang, preamble, node.title.is_empty()) {
        (DocLang::Zh, true, _) => "前言".to_owned(),
        (DocLang::Zh, false, true) => "（无标题）".to_owned(),
        (DocLang::En, false, true) => "(untitled)".to_owned(),
        _ => node.title.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::{slug, text_holds, today};

    /// The unfolded search answers as folding both would, on every kind
    /// of words: plain, with quotes, with white space.
    #[test]
    fn text_holds_answers_as_folding_would() {
        let text = "由市经济信息化委牵头\n“人工智能＋”行动\nthe  Municipal\u{a0}Commission";
        for (words, held) in [
            ("市经济信息化委", true),
            ("市科委", false),
            ("\"人工智能＋\"", true),
            ("“人工智能＋”", true),
            ("the Municipal Commission", true),
            ("牵头 “人工", true),
            ("牵头“人工", false),
        ] {
            let folded = crate::dataset::folded::normalize(text)
                .contains(&crate::dataset::folded::normalize(words));
            assert_eq!(folded, held, "{words}");
            assert_eq!(text_holds(text, words), held, "{words}");
        }
    }

    #[test]
    fn today_is_a_day() {
        let day = today();
        assert_eq!(day.len(), 10);
        assert!(day.starts_with("20"), "{day}");
    }

    #[test]
    fn slugs_are_short_ids() {
        assert_eq!(
            slug(
                "Working Plan of Shanghai Municipality for the Development (2025-2027)",
                30
            ),
            "working-plan-shanghai"
        );
        assert_eq!(slug("上海市", 30), "");
    }
}
