//! The source viewer as data (`view::source`): a document's facts, its text
//! in blocks, each block's shading, the passage shown and its neighbours,
//! the records quoting it, and the blocks a scrolled view lays out, which
//! stay few for a text of twenty megabytes.

use crate::common;

use plan_explorer::dataset::proof::{Proof, Quoting, Spot, prove};
use plan_explorer::dataset::{Dataset, FigureRef, SourceIx};
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::view::source::{
    self, Heights, MAX_BLOCK_BYTES, Metrics, Place, Shade, blocks, carry_spot, quote_spot,
};

fn proven(data: &Dataset) -> Proof {
    prove(data, None, None).expect("a proof without a progress ends")
}

/// The built-in dataset's fact "over 37.6% aged 60 or above": its source
/// and where the proof found its quote.
fn elderly(data: &Dataset, proof: &Proof) -> (FigureRef, Spot) {
    let figure = data.figure_by_id("fact-elderly-share").expect("the fact");
    let FigureRef::Fact(f) = figure else {
        panic!("a fact");
    };
    let citation = &data.facts[f.index()].citations[0];
    let spot = quote_spot(
        proof,
        citation.source,
        &citation.quote,
        Some(Quoting::Figure(figure)),
    )
    .expect("the quote is in its document");
    (figure, spot)
}

/// The minimal dataset with a text, a line of which is a whole quote, and
/// a target quoting "520" where the document says "500".
fn with_wrong_quote() -> serde_json::Value {
    let mut json = common::minimal();
    json["sources"][0]["text"] = serde_json::Value::from(
        "A document\n\nWe shall build a \u{201c}four-in-one\u{201d} platform.\n33.4 percent last year\n\
         The city set up a 15 billion-yuan fund for future industries. By 2030 it will have \
         500 advanced smart factories across the districts.\n\
         GDP reached 5.39 trillion yuan ($760 billion) in 2024.",
    );
    json["targets"][0]["quote"] =
        serde_json::Value::from("it will have 520 advanced smart factories across");
    json
}

fn load(json: &serde_json::Value) -> Dataset {
    plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid")
}

#[test]
fn a_documents_header_names_its_publisher_date_language_and_translation() {
    let data = common::data();
    let plan = data.source_by_id("src-002").expect("src-002");
    let header = source::header(&data, plan, Lang::En);
    assert!(
        header
            .title
            .starts_with("Working Plan of Shanghai Municipality")
    );
    let fact = |label: &str| {
        header
            .facts
            .iter()
            .find(|(l, _)| *l == label)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(fact("Date").as_deref(), Some("2025-03-07"));
    assert_eq!(
        fact("Publisher").as_deref(),
        Some("Shanghai Municipal Bureau of Justice")
    );
    let language = fact("Language").expect("a language");
    assert!(
        language.starts_with("English, a translation (not stated"),
        "{language}"
    );
    // Undated: how the editors dated it instead.
    let undated = data.source_by_id("src-000").expect("src-000");
    let header = source::header(&data, undated, Lang::Zh);
    let how_dated = &header
        .facts
        .iter()
        .find(|(l, _)| *l == "日期")
        .expect("日期")
        .1;
    assert!(how_dated.starts_with("No date printed"), "{how_dated}");
}

#[test]
fn the_text_is_cut_at_lines_and_long_lines_at_a_break() {
    let text = "Title\n\n  A paragraph.  \r\n".to_owned()
        + &"Words and more words, then a sentence ends. ".repeat(200);
    let cut = blocks(&text);
    assert_eq!(&text[cut[0].clone()], "Title");
    assert_eq!(&text[cut[1].clone()], "A paragraph.");
    for block in &cut[2..] {
        assert!(block.len() <= MAX_BLOCK_BYTES, "{}", block.len());
        assert!(
            text[block.clone()].ends_with("ends."),
            "cut after a sentence: {:?}",
            &text[block.clone()]
        );
    }
    // Nothing but white space is left out.
    let kept: String = cut.iter().map(|b| &text[b.clone()]).collect();
    let strip = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(strip(&kept), strip(&text));
}

#[test]
fn a_twenty_megabyte_text_lays_out_only_the_blocks_in_view() {
    // Lines of every length, Chinese among them, and a run of 3 MB with
    // neither a line break nor a space.
    let mut text = String::new();
    let mut n = 0usize;
    while text.len() < 17_000_000 {
        n += 1;
        text.push_str(&"规划".repeat(n % 50));
        text.push_str(&"Measure text, with words. ".repeat(n % 300));
        text.push('\n');
    }
    text.push_str(&"x".repeat(3_000_000));
    let cut = blocks(&text);
    assert!(cut.iter().all(|b| b.len() <= MAX_BLOCK_BYTES));
    assert!(cut.windows(2).all(|w| w[0].end <= w[1].start), "in order");
    let units: Vec<u32> = cut
        .iter()
        .map(|b| source::width_units(&text[b.clone()]))
        .collect();
    let metrics = Metrics {
        width: 540.0,
        letter: 7.0,
        line: 18.0,
        gap: 8.0,
    };
    let mut heights = Heights::new(units, metrics);
    assert_eq!(heights.len(), cut.len());
    // A view 700 points high meets a few dozen blocks at most, wherever
    // it is scrolled.
    let total = heights.total();
    assert!(total > 1_000_000.0, "{total}");
    for top in [0.0, total / 3.0, total / 2.0, total - 700.0] {
        let visible = heights.visible(top, top + 700.0);
        assert!(
            !visible.is_empty() && visible.len() < 60,
            "{top}: {visible:?}"
        );
        // The first block in view reaches into it; the last starts in it.
        assert!(heights.top(visible.start) <= top);
        assert!(heights.top(visible.start + 1) > top);
        assert!(heights.top(visible.end - 1) < top + 700.0);
    }
    // A block measured shorter than estimated moves the ones after it.
    let visible = heights.visible(0.0, 700.0);
    let (after, estimated) = (heights.top(visible.end), heights.height(0));
    heights.measure(0, 10.0);
    heights.settle();
    assert!(heights.is_measured(0));
    assert!((heights.top(1) - 10.0).abs() < 0.01);
    assert!((heights.top(visible.end) - (after - estimated + 10.0)).abs() < 0.5);
    // The blocks of the passage shown are found by halving, not by a walk.
    let middle = cut[cut.len() / 2].clone();
    assert_eq!(
        source::block_of(&cut, middle.start + 1),
        Some(cut.len() / 2)
    );
    // Another width estimates again and forgets what was measured.
    heights.set_metrics(Metrics {
        width: 300.0,
        ..metrics
    });
    assert!(!heights.is_measured(0));
    assert!(heights.total() > total);
}

#[test]
fn the_passage_shown_is_highlighted_and_the_others_shaded() {
    let data = common::data();
    let proof = proven(&data);
    let (figure, spot) = elderly(&data, &proof);
    let text = proof.text(spot.source).expect("the text");
    let place = source::place(&data, &proof, &spot);
    let current = place.current.expect("the quote is a quoted passage");
    let range = spot.range.clone().expect("a range");
    assert_eq!(
        &text.text[range.clone()],
        "With over 37.6% of its registered population aged 60 or above"
    );
    // Its block: the passage shown, then plain text and the other quoted
    // passages, covering the block without a gap.
    let cut = blocks(&text.text);
    let block = cut[source::block_of(&cut, range.start).expect("a block")].clone();
    let sections = source::sections(text, &block, &place);
    assert_eq!(sections[0].range, range);
    assert_eq!(sections[0].shade, Shade::Current);
    assert!(
        sections
            .iter()
            .any(|s| matches!(s.shade, Shade::Quoted(_))
                && &text.text[s.range.clone()] == "银发经济"),
        "{sections:?}"
    );
    assert_eq!(sections.first().map(|s| s.range.start), Some(block.start));
    assert_eq!(sections.last().map(|s| s.range.end), Some(block.end));
    assert!(
        sections
            .windows(2)
            .all(|w| w[0].range.end == w[1].range.start)
    );
    // Said for screen readers with its place among the passages.
    let label = source::passage_label(text, &place, Lang::En);
    assert_eq!(
        label,
        format!(
            "Passage {} of {}: “With over 37.6% of its registered population aged 60 or above”",
            current + 1,
            text.passages.len()
        )
    );
    // The records quoting it, the fact first, each selectable.
    let quoters = source::quoters(&data, &text.passages[current], Lang::En);
    assert_eq!(quoters[0].id, "fact-elderly-share");
    assert_eq!(quoters[0].kind, "fact");
    assert_eq!(quoters[0].item, Some(Item::Figure(figure)));
    // Next and previous walk the passages in document order.
    assert_eq!(source::next(text, &place), Some(current + 1));
    assert_eq!(source::previous(text, &place), Some(current - 1));
    let last = Place {
        current: Some(text.passages.len() - 1),
        ..place.clone()
    };
    assert_eq!(source::next(text, &last), None);
}

#[test]
fn a_place_no_record_quotes_goes_on_to_the_passages_around_it() {
    let data = common::data();
    let proof = proven(&data);
    let (_, spot) = elderly(&data, &proof);
    let text = proof.text(spot.source).expect("text");
    let current = source::place(&data, &proof, &spot)
        .current
        .expect("a passage");
    // Two words inside the passage: not itself a passage.
    let range = spot.range.clone().expect("range");
    let inside = Spot {
        source: spot.source,
        range: Some(range.start + 5..range.start + 14),
    };
    let place = source::place(&data, &proof, &inside);
    assert_eq!(place.current, None);
    assert_eq!(source::next(text, &place), Some(current + 1));
    assert_eq!(source::previous(text, &place), Some(current));
    assert_eq!(
        source::passage_label(text, &place, Lang::En),
        "A passage no record quotes: “over 37.6”"
    );
    // A range past the text or inside a character is brought back onto it,
    // never a panic.
    for range in [usize::MAX - 3..usize::MAX, 3..3, 1..2] {
        let place = source::place(
            &data,
            &proof,
            &Spot {
                source: spot.source,
                range: Some(range),
            },
        );
        let _ = source::passage_label(text, &place, Lang::Zh);
    }
    // Opened at its start: n goes to the first passage.
    let start = Spot {
        source: spot.source,
        range: None,
    };
    let place = source::place(&data, &proof, &start);
    assert_eq!(source::next(text, &place), Some(0));
    assert_eq!(
        source::passage_label(text, &place, Lang::En),
        format!(
            "{} passages quoted; n goes to the first.",
            text.passages.len()
        )
    );
}

#[test]
fn the_nearest_passage_to_a_quote_not_found_marks_the_differing_words() {
    let data = load(&with_wrong_quote());
    let proof = proven(&data);
    let nearest = proof
        .problems
        .iter()
        .find_map(|p| match &p.kind {
            plan_explorer::dataset::ProblemKind::NotVerbatim {
                nearest: Some(near),
                ..
            } => Some(near.clone()),
            _ => None,
        })
        .expect("a quote not found with a nearest passage");
    let spot = Spot {
        source: SourceIx(0),
        range: Some(nearest.range.clone()),
    };
    let text = proof.text(spot.source).expect("text");
    let place = source::place(&data, &proof, &spot);
    let marked: Vec<&str> = place.marks.iter().map(|m| &text.text[m.clone()]).collect();
    assert_eq!(marked, ["500"]);
    let cut = blocks(&text.text);
    let block = cut[source::block_of(&cut, nearest.range.start).expect("block")].clone();
    let sections = source::sections(text, &block, &place);
    let shown: Vec<(&str, Shade)> = sections
        .iter()
        .filter(|s| s.shade == Shade::Marked || s.shade == Shade::Current)
        .map(|s| (&text.text[s.range.clone()], s.shade))
        .collect();
    assert_eq!(
        shown,
        [
            ("it will have ", Shade::Current),
            ("500", Shade::Marked),
            (" advanced smart factories across", Shade::Current)
        ]
    );
    assert_eq!(
        source::passage_label(text, &place, Lang::En),
        "The nearest passage, the words that differ from the quote in 〚 〛: \
         “it will have 〚500〛 advanced smart factories across”"
    );
}

#[test]
fn a_place_is_carried_to_a_new_edition_by_the_sources_id() {
    let data = common::data();
    let proof = proven(&data);
    let (_, spot) = elderly(&data, &proof);
    let id = data.sources[spot.source.index()].id.clone();
    // The same sources in the other order: another index, the same words.
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    json["sources"].as_array_mut().expect("sources").reverse();
    let reversed = load(&json);
    let reversed_proof = proven(&reversed);
    let carried = carry_spot((&data, &proof), (&reversed, &reversed_proof), &spot)
        .expect("the source is still there");
    assert_ne!(carried.source, spot.source);
    assert_eq!(reversed.sources[carried.source.index()].id, id);
    assert_eq!(carried.range, spot.range);
    // A text that changed before the passage: the same words, found again.
    let source = json["sources"]
        .as_array_mut()
        .expect("sources")
        .iter_mut()
        .find(|s| s["id"] == id.as_str())
        .expect("the source");
    let text = source["text"].as_str().expect("text").to_owned();
    source["text"] = serde_json::Value::from(format!("A new first line.\n{text}"));
    source.as_object_mut().expect("object").remove("sha256");
    let edited = load(&json);
    let edited_proof = proven(&edited);
    let carried =
        carry_spot((&data, &proof), (&edited, &edited_proof), &spot).expect("still there");
    let range = carried.range.expect("found again");
    assert_eq!(
        &edited_proof.text(carried.source).expect("text").text[range],
        "With over 37.6% of its registered population aged 60 or above"
    );
    // A source gone: nothing to show.
    let minimal = load(&common::minimal());
    assert_eq!(
        carry_spot((&data, &proof), (&minimal, &proven(&minimal)), &spot),
        None
    );
}
