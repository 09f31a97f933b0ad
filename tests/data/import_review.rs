//! Reviewing an imported draft: accept, edit, reject, and the progress.

use plan_explorer::import::draft::draft;
use plan_explorer::import::review::{Kind, Review, ReviewError};
use plan_explorer::import::to_json::{self, DocLang, Imported};

use crate::common;

fn seed_002_review() -> Review {
    let data = common::data();
    let text = std::fs::read_to_string(common::seeds().join("002_af999207d67a3295.txt"))
        .expect("seed 002");
    let drafted = draft(&text, &data.units);
    let imported = Imported {
        text: &text,
        file_name: "002.txt",
        lang: DocLang::En,
        today: "2026-12-04",
    };
    Review::new(to_json::new_dataset(&drafted, &imported, &data)).expect("the draft loads")
}

#[test]
fn accepting_every_record_reviews_the_draft() {
    let mut review = seed_002_review();
    assert_eq!(
        review.progress(),
        (0, 46),
        "a plan, 45 nodes; its units are known ones"
    );
    let queue = review.queue();
    assert_eq!(queue[0].kind, Kind::Plan);
    assert_eq!(queue[1].kind, Kind::Node);
    for entry in &queue {
        review
            .accept(entry.kind, &entry.id, "2026-12-05")
            .expect("accepted");
    }
    assert_eq!(review.progress(), (46, 46));
    assert_eq!(review.dataset().summary().unreviewed, 0);
    let plan = &review.json()["plans"][0];
    assert_eq!(plan["reviewed"], "2026-12-05");
    assert_eq!(plan["imported"], "2026-12-04");
}

#[test]
fn an_edit_is_kept_only_while_the_draft_stays_valid() {
    let mut review = seed_002_review();
    let node = review.queue()[2].id.clone();
    review
        .edit(Kind::Node, &node, "title", "A better title".into())
        .expect("edited");
    let ix = review.dataset().node_by_id(&node).expect("the node");
    assert_eq!(review.dataset().node(ix).title, "A better title");

    // A blank title would make the draft invalid: refused, nothing changed.
    let before = review.json().clone();
    let refused = review.edit(Kind::Node, &node, "title", "".into());
    assert!(
        matches!(refused, Err(ReviewError::Invalid(_))),
        "{refused:?}"
    );
    assert_eq!(review.json(), &before);
    // Ids and children are not edited in a review.
    assert_eq!(
        review.edit(Kind::Node, &node, "id", "x".into()),
        Err(ReviewError::NotEditable("id".to_owned()))
    );
    assert!(matches!(
        review.accept(Kind::Node, "no-such-node", "2026-12-05"),
        Err(ReviewError::NoSuchRecord { .. })
    ));
}

#[test]
fn rejecting_a_chapter_takes_its_measures_and_a_unit_leaves_its_nodes() {
    let mut review = seed_002_review();
    let (_, total) = review.progress();
    // Chapter III has 6 measures and 21 items.
    let chapter = review
        .dataset()
        .nodes
        .iter()
        .find(|n| n.numbering.as_deref() == Some("III"))
        .expect("chapter III")
        .id
        .to_string();
    review.reject(Kind::Node, &chapter).expect("rejected");
    assert_eq!(review.progress(), (0, total - 28));
    assert!(
        review.dataset().nodes.iter().all(|n| !n
            .numbering
            .as_deref()
            .unwrap_or("")
            .starts_with("III"))
    );

    // A unit taken out is taken out of the nodes that named it.
    let mut review = seed_002_review();
    review.reject(Kind::Unit, "mc-health").expect("rejected");
    let data = review.dataset();
    assert!(data.unit_by_id("mc-health").is_none());
    let first_measure = data
        .nodes
        .iter()
        .find(|n| n.numbering.as_deref() == Some("I.1"))
        .expect("I.1");
    let units: Vec<&str> = first_measure
        .units
        .iter()
        .map(|u| data.units[u.index()].id.as_str())
        .collect();
    assert_eq!(
        units,
        ["mc-sci-tech", "mc-econ-info"],
        "the Commission of Health is gone"
    );
}

#[test]
fn a_draft_is_kept_beside_the_dataset_it_goes_into_or_the_document() {
    use plan_explorer::import::draft_path;
    use std::path::Path;
    assert_eq!(
        draft_path(
            Some(Path::new("/d/plans.json")),
            Path::new("/docs/new plan.pdf")
        ),
        Path::new("/d/plans.draft-new plan.json")
    );
    assert_eq!(
        draft_path(None, Path::new("/docs/new plan.pdf")),
        Path::new("/docs/new plan.draft.json")
    );
}

#[test]
fn drafted_figures_join_the_queue_after_the_plan_and_can_be_rejected() {
    let data = common::data();
    let text = std::fs::read_to_string(common::seeds().join("004_673a45e4a74c7541.txt"))
        .expect("seed 004");
    let prepared =
        plan_explorer::import::prepare(text.clone(), "004.txt", None, None, &data, "2026-12-04");
    let mut review = Review::new(prepared.json).expect("the draft loads");
    let queue = review.queue();
    let targets: Vec<_> = queue.iter().filter(|e| e.kind == Kind::Target).collect();
    assert!(targets.len() >= 5, "seed 004 states targets: {queue:?}");
    let first_figure = queue
        .iter()
        .position(|e| {
            matches!(
                e.kind,
                Kind::Series | Kind::Point | Kind::Fund | Kind::Target | Kind::Fact
            )
        })
        .expect("figures");
    assert!(
        queue[..first_figure]
            .iter()
            .all(|e| matches!(e.kind, Kind::Plan | Kind::Node | Kind::Unit))
    );
    let (_, total) = review.progress();
    let target = targets[0].id.clone();
    review.reject(Kind::Target, &target).expect("rejected");
    assert_eq!(review.progress(), (0, total - 1));
    assert!(review.dataset().targets.iter().all(|t| t.id != target));
}

#[test]
fn a_chinese_plan_with_an_opening_paragraph_drafts_with_every_word_proven() {
    // The preamble's title is the draft's label "Preamble", which the
    // document does not print: it must not be offered as printed Chinese.
    let text = "上海市推进具身智能产业发展行动方案（2026—2028年）\n\
                为抢抓具身智能发展机遇，制定本方案。\n\
                一、发展目标\n\
                到2028年，培育10家左右龙头企业。\n";
    let data = common::data();
    let prepared = plan_explorer::import::prepare(
        text.to_owned(),
        "规划.txt",
        None,
        None,
        &data,
        "2026-12-04",
    );
    let review = Review::new(prepared.json).expect("the draft loads");
    let proof =
        plan_explorer::dataset::proof::prove(review.dataset(), None, None).expect("not cancelled");
    assert_eq!(proof.problems, vec![]);
    let preamble = &review.dataset().nodes[0];
    // The draft's label in the document's language; not printed, so no
    // printed Chinese title.
    assert_eq!(preamble.title, "前言");
    assert_eq!(preamble.title_zh, None);
    assert_eq!(
        preamble.text_zh.as_deref(),
        Some("为抢抓具身智能发展机遇，制定本方案。")
    );
}

#[test]
fn a_figures_kind_changes_between_target_fact_and_point_keeping_its_words() {
    let data = common::data();
    let text = std::fs::read_to_string(common::seeds().join("004_673a45e4a74c7541.txt"))
        .expect("seed 004");
    let prepared = plan_explorer::import::prepare(text, "004.txt", None, None, &data, "2026-12-04");
    let mut review = Review::new(prepared.json).expect("the draft loads");
    let (_, total) = review.progress();
    let target = review
        .queue()
        .into_iter()
        .find(|e| e.kind == Kind::Target)
        .expect("a target")
        .id;
    let before = review.record(Kind::Target, &target).expect("there").clone();

    // A target becomes a fact as of its year: the same words, value, unit.
    let fact = review
        .change_kind(Kind::Target, &target, Kind::Fact)
        .expect("a fact now");
    assert_eq!(fact.0, Kind::Fact);
    let record = review.record(fact.0, &fact.1).expect("the fact").clone();
    assert!(review.record(Kind::Target, &target).is_none());
    for field in ["quote", "value", "unit", "source", "imported", "measures"] {
        assert_eq!(record[field], before[field], "{field}");
    }
    assert_eq!(record["title"], before["metric"]);
    assert_eq!(
        record["as_of"].as_str(),
        before["deadline_year"]
            .as_i64()
            .map(|y| y.to_string())
            .as_deref()
    );
    assert!(
        review
            .queue()
            .iter()
            .any(|e| (e.kind, &e.id) == (fact.0, &fact.1))
    );
    assert_eq!(review.progress(), (0, total), "one record still");

    // The fact becomes a point of a series of its own, then a target again,
    // and the emptied series goes.
    let series_before = review.json()["series"].as_array().map_or(0, Vec::len);
    let point = review
        .change_kind(fact.0, &fact.1, Kind::Point)
        .expect("a point now");
    assert_eq!(
        review.json()["series"].as_array().map_or(0, Vec::len),
        series_before + 1
    );
    assert_eq!(
        review.record(point.0, &point.1).expect("the point")["quote"],
        before["quote"]
    );
    let again = review
        .change_kind(point.0, &point.1, Kind::Target)
        .expect("a target again");
    assert_eq!(
        review.json()["series"].as_array().map_or(0, Vec::len),
        series_before
    );
    let record = review.record(again.0, &again.1).expect("the target");
    for field in ["quote", "value", "unit", "deadline_year", "metric", "plan"] {
        assert_eq!(record[field], before[field], "{field}");
    }
    assert_eq!(review.progress(), (0, total));
}

#[test]
fn a_kind_that_cannot_be_changed_is_refused_and_nothing_changes() {
    let mut review = seed_002_review();
    let node = review.queue()[1].id.clone();
    let before = review.json().clone();
    assert!(matches!(
        review.change_kind(Kind::Node, &node, Kind::Fact),
        Err(ReviewError::NotEditable(_))
    ));
    assert!(matches!(
        review.change_kind(Kind::Target, "no-such-target", Kind::Fact),
        Err(ReviewError::NoSuchRecord { .. })
    ));
    assert_eq!(review.json(), &before);
}

#[test]
fn a_restated_target_merges_into_the_datasets_own_and_a_point_joins_a_series() {
    let data = common::data();
    let text = std::fs::read_to_string(common::seeds().join("004_673a45e4a74c7541.txt"))
        .expect("seed 004");
    let json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    let prepared = plan_explorer::import::prepare(
        text,
        "004.txt",
        None,
        Some((&data, json)),
        &data,
        "2026-12-04",
    );
    let mut review = Review::new(prepared.json).expect("the draft loads");
    let (_, total) = review.progress();
    let proposal = review
        .queue()
        .into_iter()
        .find(|e| e.kind == Kind::Target)
        .expect("a target proposed")
        .id;
    let quote = review.record(Kind::Target, &proposal).expect("there")["quote"].clone();
    // The dataset's own targets from seed 004 are offered, the likeliest
    // (sharing most words) first; the draft's other proposals are not.
    let offered = review.merge_targets(Kind::Target, &proposal);
    assert!(!offered.is_empty());
    assert!(
        offered
            .iter()
            .all(|t| data.targets.iter().any(|d| d.id == t.id))
    );
    let into = offered[0].clone();
    review
        .merge(Kind::Target, &proposal, &into)
        .expect("merged");
    assert!(review.record(Kind::Target, &proposal).is_none());
    let merged = review
        .record(Kind::Target, &into.id)
        .expect("the dataset's target");
    assert!(
        merged["also"]
            .as_array()
            .is_some_and(|also| also.iter().any(|c| c["quote"] == quote)),
        "{merged}"
    );
    assert_eq!(review.progress(), (0, total - 1));
}

#[test]
fn a_point_proposal_joins_an_existing_series_of_its_unit() {
    // A short plan of our own stating a year of the city's GDP, which the
    // built-in dataset has as a series in yuan.
    let data = common::data();
    let text = "Shanghai economic brief\n\n1. Growth\nShanghai's GDP reached 5.67 trillion yuan in 2025.\n";
    let json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    let prepared = plan_explorer::import::prepare(
        text.to_owned(),
        "brief.txt",
        None,
        Some((&data, json)),
        &data,
        "2026-12-04",
    );
    let mut review = Review::new(prepared.json).expect("the draft loads");
    let entry = review
        .queue()
        .into_iter()
        .find(|e| matches!(e.kind, Kind::Point | Kind::Fact | Kind::Target))
        .expect("the GDP figure proposed");
    let (_, point) = review
        .change_kind(entry.kind, &entry.id, Kind::Point)
        .expect("made a point");
    let offered = review.merge_targets(Kind::Point, &point);
    let gdp = offered
        .iter()
        .find(|t| t.id == "gdp")
        .unwrap_or_else(|| panic!("the GDP series offered: {offered:?}"));
    review.merge(Kind::Point, &point, gdp).expect("merged");
    let series = review.record(Kind::Series, "gdp").expect("the series");
    assert!(
        series["points"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["id"] == point.as_str())),
        "{series}"
    );
    assert!(review.record(Kind::Point, &point).is_some());
}

#[test]
fn a_quote_widens_or_narrows_to_words_of_the_document_that_still_state_the_figure() {
    use plan_explorer::import::figures::Unreadable;
    use plan_explorer::import::review::QuoteError;
    let data = common::data();
    let text = std::fs::read_to_string(common::seeds().join("004_673a45e4a74c7541.txt"))
        .expect("seed 004");
    let prepared =
        plan_explorer::import::prepare(text.clone(), "004.txt", None, None, &data, "2026-12-04");
    let mut review = Review::new(prepared.json).expect("the draft loads");
    let target = review
        .queue()
        .into_iter()
        .find(|e| e.kind == Kind::Target)
        .expect("a target")
        .id;
    let quote = review.record(Kind::Target, &target).expect("there")["quote"]
        .as_str()
        .expect("a quote")
        .to_owned();
    // Widened to the whole paragraph that holds it.
    let paragraph = text
        .lines()
        .find(|l| l.contains(&quote))
        .expect("the quote's paragraph")
        .trim()
        .to_owned();
    assert!(paragraph.len() > quote.len());
    review
        .set_quote(Kind::Target, &target, &paragraph)
        .expect("widened");
    assert_eq!(
        review.record(Kind::Target, &target).expect("there")["quote"],
        paragraph.as_str()
    );

    // Narrowed to words without the number: refused, the quote as it was.
    let before = review.json().clone();
    let first = quote.find(|c: char| c.is_ascii_digit()).expect("a number");
    let last = quote.rfind(|c: char| c.is_ascii_digit()).expect("a number");
    let (before_number, after_number) = (quote[..first].trim(), quote[last + 1..].trim());
    let words = if before_number.len() > after_number.len() {
        before_number
    } else {
        after_number
    };
    assert!(!words.is_empty() && text.contains(words), "{quote}");
    assert_eq!(
        review.set_quote(Kind::Target, &target, words),
        Err(QuoteError::Unreadable(Unreadable::Value))
    );
    // Words the document does not hold, and nothing, are refused too.
    assert_eq!(
        review.set_quote(Kind::Target, &target, "by 2099 there will be 7 moons"),
        Err(QuoteError::NotInDocument)
    );
    assert_eq!(
        review.set_quote(Kind::Target, &target, "  "),
        Err(QuoteError::Empty)
    );
    assert_eq!(review.json(), &before);
    // Narrowed back to the drafted quote: accepted.
    review
        .set_quote(Kind::Target, &target, &quote)
        .expect("narrowed");
}
