//! The review's view-model as data (`view::review`): the queue's rows with
//! their depth, numbering and status, rejected rows kept where they stood,
//! moving over them, the next record to decide, the progress in both
//! languages, the fields of a record as text and back, where a record
//! stands in its document, and a draft's queue holding only its own
//! document's records.

use plan_explorer::i18n::Lang;
use plan_explorer::import::review::{Kind, Review};
use plan_explorer::import::to_json::{self, DocLang, Imported};
use plan_explorer::view::review::{
    self as model, Decisions, FieldError, FieldKind, Row, Status, changes, fields, first_open,
    next_open, progress_text, rows, step,
};

use crate::common;

fn seed(name: &str) -> String {
    std::fs::read_to_string(common::seeds().join(name)).expect("the seed reads")
}

/// Seed 002 drafted as a dataset of its own.
fn seed_002() -> Review {
    let data = common::data();
    let text = seed("002_af999207d67a3295.txt");
    let drafted = plan_explorer::import::draft::draft(&text, &data.units);
    let imported = Imported {
        text: &text,
        file_name: "002.txt",
        lang: DocLang::En,
        today: "2026-12-04",
    };
    Review::new(to_json::new_dataset(&drafted, &imported, &data)).expect("the draft loads")
}

fn labels(rows: &[Row]) -> Vec<String> {
    rows.iter().map(|r| r.line(Lang::En)).collect()
}

#[test]
fn the_queue_is_the_plan_then_its_nodes_indented_with_their_numbering() {
    let review = seed_002();
    let rows = rows(&review, &Decisions::default(), Lang::En);
    assert_eq!(rows.len(), 46);
    assert!(
        rows[0]
            .label
            .starts_with("plan · Working Plan of Shanghai Municipality")
    );
    assert_eq!((rows[0].kind, rows[0].depth), (Kind::Plan, 0));
    let at = |label: &str| {
        rows.iter()
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("{label} in {:?}", labels(&rows)))
    };
    assert_eq!(at("Preamble").depth, 1);
    assert_eq!(
        at("I Enhancing the Capability of Original Innovation").depth,
        1
    );
    assert_eq!(
        at("I.1 Deepening the frontier fundamental research").depth,
        2
    );
    assert_eq!(
        at("III.1.(1) The auxiliary decision-making system in clinical care").depth,
        3
    );
    assert!(rows.iter().all(|r| r.status == Status::Pending));
    assert_eq!(rows[1].line(Lang::Zh), "Preamble · 待审阅");
}

#[test]
fn a_rejected_chapter_keeps_its_place_with_its_children_and_moves_pass_over_them() {
    let mut review = seed_002();
    let mut decisions = Decisions::default();
    let before = rows(&review, &decisions, Lang::En);
    let chapter = before
        .iter()
        .position(|r| r.label.starts_with("I Enhancing"))
        .expect("chapter I");
    let key = before[chapter].key();
    review.reject(key.0, &key.1).expect("rejected");
    decisions.reject(&before, chapter);
    // The chapter and its three measures are out of the draft...
    assert_eq!(review.progress(), (0, 42));
    // ...and shown where they stood, rejected.
    let after = rows(&review, &decisions, Lang::En);
    assert_eq!(after.len(), before.len());
    for i in chapter..chapter + 4 {
        assert_eq!(after[i].status, Status::Rejected, "{}", after[i].label);
        assert_eq!(after[i].id, before[i].id);
    }
    assert_eq!(after[chapter + 4].label, "II Building Support Platforms");
    // Down from the preamble passes over them; so does Up from chapter II.
    assert_eq!(step(&after, Some(chapter - 1), true), Some(chapter + 4));
    assert_eq!(step(&after, Some(chapter + 4), false), Some(chapter - 1));
    assert_eq!(step(&after, None, true), Some(0));
    assert_eq!(step(&after, Some(after.len() - 1), true), None);
    // After the decision, the next record to decide is chapter II.
    assert_eq!(next_open(&after, chapter), Some(chapter + 4));
}

#[test]
fn accepting_moves_to_the_next_record_to_decide_and_the_progress_says_so() {
    let mut review = seed_002();
    let mut decisions = Decisions::default();
    let queue = review.queue();
    for entry in &queue[..3] {
        review
            .accept(entry.kind, &entry.id, "2026-12-05")
            .expect("accepted");
    }
    let edited = (queue[4].kind, queue[4].id.clone());
    review
        .edit(edited.0, &edited.1, "title", "A better title".into())
        .expect("edited");
    decisions.edited.insert(edited);
    let rows = rows(&review, &decisions, Lang::En);
    assert_eq!(rows[0].status, Status::Accepted { edited: false });
    assert_eq!(rows[4].status, Status::Edited);
    assert_eq!(rows[4].line(Lang::En), "I.2 A better title · edited");
    assert_eq!(first_open(&rows), Some(3));
    // From the last accepted, on to the next undecided; from the end,
    // back to the first undecided.
    assert_eq!(next_open(&rows, 2), Some(3));
    assert_eq!(next_open(&rows, 45), Some(3));
    assert_eq!(
        progress_text(Lang::En, review.progress()),
        "3 of 46 reviewed"
    );
    assert_eq!(progress_text(Lang::Zh, review.progress()), "已审阅 3 / 46");
    assert_eq!(
        Status::Accepted { edited: true }.word(Lang::Zh),
        "已修改并接受"
    );
}

#[test]
fn a_records_fields_are_text_and_only_those_changed_are_read_back() {
    let review = seed_002();
    let queue = review.queue();
    let node = queue
        .iter()
        .find(|e| {
            let data = review.dataset();
            data.node_by_id(&e.id)
                .is_some_and(|n| data.node(n).numbering.as_deref() == Some("I.1"))
        })
        .expect("I.1");
    let form = fields(&review, Kind::Node, &node.id);
    let names: Vec<&str> = form.iter().map(|f| f.field).collect();
    assert_eq!(names, ["title", "numbering", "text", "units"]);
    assert_eq!(form[0].label(Lang::En), "Title");
    assert_eq!(form[3].label(Lang::Zh), "责任单位");
    assert_eq!(form[0].value, "Deepening the frontier fundamental research");
    assert_eq!(form[3].kind, FieldKind::Ids);
    // The units by name.
    let names = model::unit_names(&review, &form[3].value, Lang::En);
    assert!(names.contains("Municipal"), "{names}");
    assert!(model::unit_names(&review, "nobody", Lang::En).contains("no unit has the id"));

    let mut texts: Vec<String> = form.iter().map(|f| f.value.clone()).collect();
    assert_eq!(changes(&form, &texts), Ok(Vec::new()));
    texts[0] = "Frontier research".to_owned();
    texts[3] = format!("{}, ", form[3].value);
    assert_eq!(
        changes(&form, &texts),
        Ok(vec![("title".to_owned(), "Frontier research".into())]),
        "a trailing comma leaves the units as they were"
    );
    let plan = &queue[0];
    let form = fields(&review, Kind::Plan, &plan.id);
    let period = form
        .iter()
        .position(|f| f.field == "period")
        .expect("period");
    assert_eq!(form[period].value, "2025-2027");
    let mut texts: Vec<String> = form.iter().map(|f| f.value.clone()).collect();
    texts[period] = "soon".to_owned();
    assert_eq!(
        changes(&form, &texts),
        Err(("period", FieldError::NotAPeriod("soon".to_owned())))
    );
    assert_eq!(
        FieldError::NotAPeriod("soon".to_owned()).text(Lang::En),
        "“soon” is not a period such as 2025-2027"
    );
}

#[test]
fn each_record_stands_where_its_words_are_in_the_document() {
    let review = seed_002();
    let proof =
        plan_explorer::dataset::proof::prove(review.dataset(), None, None).expect("a proof");
    let source = review.document().expect("the document");
    let text = &proof.text(source).expect("its text").text;
    let rows = rows(&review, &Decisions::default(), Lang::En);
    // A node's heading and text, highlighted as one.
    let measure = rows
        .iter()
        .find(|r| r.label.starts_with("I.1 "))
        .expect("I.1");
    let place = model::place_of(&review, &proof, source, &measure.key());
    let range = place.highlight.clone().expect("found");
    let highlight = &text[range.clone()];
    assert!(
        highlight.starts_with("Deepening the frontier fundamental research"),
        "the heading printed before the text goes with it: {highlight}"
    );
    assert!(
        highlight.ends_with("theoretical achievements."),
        "{highlight}"
    );
    // The plan by its title.
    let place = model::place_of(&review, &proof, source, &rows[0].key());
    assert!(text[place.highlight.expect("found")].starts_with("Working Plan of Shanghai"));
    // A click on a passage leads back to its row.
    let passage = proof
        .text(source)
        .and_then(|t| t.passage_at(range.end - 5))
        .expect("the text is a passage");
    let row = model::row_of_passage(&review, &proof, source, passage, &rows).expect("a row");
    assert_eq!(rows[row].id, measure.id);
}

#[test]
fn a_draft_into_a_dataset_reviews_only_its_own_documents_records() {
    // Seed 004 imported and saved into the built-in dataset, then seed 002
    // imported into that: the queue is seed 002's alone.
    let data = common::data();
    let json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    let first = plan_explorer::import::prepare(
        seed("004_673a45e4a74c7541.txt"),
        "004.txt",
        None,
        Some((&data, json)),
        &data,
        "2026-12-01",
    );
    let mut earlier = Review::new(first.json).expect("loads");
    let earlier_queue = earlier.queue();
    assert!(!earlier_queue.is_empty());
    for entry in &earlier_queue {
        earlier
            .accept(entry.kind, &entry.id, "2026-12-02")
            .expect("accepted");
    }
    let saved = earlier.dataset().clone();
    let second = plan_explorer::import::prepare(
        seed("002_af999207d67a3295.txt"),
        "002.txt",
        None,
        Some((&saved, earlier.json().clone())),
        &saved,
        "2026-12-04",
    );
    let review = Review::new(second.json).expect("loads");
    assert_eq!(review.progress(), (0, 46));
    // Seed 002 is already the dataset's source (the same text): the draft's
    // document is that source, not a copy named after the import.
    let source = review.document().expect("the document");
    assert_eq!(
        review.dataset().sources[source.index()].file.as_deref(),
        Some("002_af999207d67a3295.txt")
    );
    assert_eq!(review.dataset().sources.len(), saved.sources.len());
}
