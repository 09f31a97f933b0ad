//! The documents as data: a quote's sentence, the list's counts and the
//! search's matches, from `tests/fixtures/carried_text.json` (the minimal
//! dataset whose source carries its text) and the built-in dataset.

use plan_explorer::dataset::proof::{Proof, prove};
use plan_explorer::dataset::{Dataset, load_file};
use plan_explorer::view::documents;

fn carried() -> (Dataset, Proof) {
    let data = load_file(&crate::common::fixture("carried_text.json"))
        .expect("reads")
        .dataset
        .expect("valid");
    let proof = prove(&data, None, None).expect("not cancelled");
    (data, proof)
}

/// The byte range of `words` in source 0's text.
fn range_of(proof: &Proof, words: &str) -> std::ops::Range<usize> {
    let text = proof.texts[0].as_ref().expect("a text");
    let at = text.text.find(words).expect("in the text");
    at..at + words.len()
}

#[test]
fn the_sentence_around_a_quote_runs_past_wide_characters_to_its_end() {
    let (_, proof) = carried();
    let text = proof.texts[0].as_ref().expect("a text");
    // The sentence goes on past 银发经济 (three bytes a character).
    let quote = range_of(&proof, "silver");
    assert_eq!(
        &text.text[text.sentence_around(quote.clone(), 200)],
        "The silver economy (银发经济) grows."
    );
    // At most `max` bytes either side, on character boundaries.
    for max in 0..40 {
        let cut = text.sentence_around(quote.clone(), max);
        assert!(cut.start <= quote.start && cut.end >= quote.end);
        assert!(text.text.get(cut).is_some(), "{max}");
    }
    // A line break ends a sentence, as in texts set a paragraph a line.
    let quote = range_of(&proof, "We shall build");
    assert_eq!(
        &text.text[text.sentence_around(quote, 200)],
        "We shall build a “four-in-one”"
    );
}

#[test]
fn a_quote_in_context_is_its_sentence_folded_with_the_quote_marked() {
    let (_, proof) = carried();
    let text = proof.texts[0].as_ref().expect("a text");
    let context = documents::in_context(text, range_of(&proof, "silver economy"), 200)
        .expect("the sentence says more");
    assert_eq!(context.text, "The silver economy (银发经济) grows.");
    assert_eq!(&context.text[context.quote.clone()], "silver economy");
    let context = documents::in_context(text, range_of(&proof, "33.4 percent"), 200)
        .expect("the sentence says more");
    assert_eq!(context.text, "The share was 33.4 percent last year.");
    // Cut short, between words, it says so.
    let context = documents::in_context(text, range_of(&proof, "银发经济"), 4)
        .expect("the sentence says more");
    assert_eq!(context.text, "…(银发经济)…");
    assert_eq!(&context.text[context.quote], "银发经济");
    // A quote that is its whole sentence has no more to show.
    let whole = range_of(&proof, "GDP reached 5.39 trillion yuan ($760 billion).");
    assert_eq!(documents::in_context(text, whole, 200), None);
}

#[test]
fn rows_count_characters_records_and_the_quoted_share_of_each_text() {
    let (data, proof) = carried();
    let rows = documents::rows(&data, &proof);
    assert_eq!(rows.len(), 2);
    let text = data.sources[0].text.as_deref().expect("a text");
    assert_eq!(rows[0].characters, Some(text.chars().count()));
    // The measure, the point, the fund, the target and the exchange rate.
    assert_eq!(rows[0].records, Some(5));
    let quoted = rows[0].quoted_characters.expect("counted");
    let share = rows[0].quoted_share().expect("a share");
    assert!((share - quoted as f64 / text.chars().count() as f64).abs() < 1e-12);
    assert!(
        quoted < text.chars().count(),
        "\"A document.\" is quoted by none"
    );
    assert_eq!(rows[1].characters, None);
    assert_eq!(rows[1].quoted_share(), None);
}

#[test]
fn matches_give_character_offsets_context_and_the_records_quoting_them() {
    let (data, proof) = carried();
    let found = documents::matches(&data, &proof, "YUAN", 10);
    assert_eq!(found.len(), 2, "{found:?}");
    let text = data.sources[0].text.as_deref().expect("a text");
    for m in &found {
        assert_eq!(m.offset, text[..m.range.start].chars().count());
        assert_eq!(m.matched, "yuan");
    }
    assert_eq!(found[0].quoted_by, ["fund"]);
    assert_eq!(found[1].quoted_by, ["usd"]);
    assert!(found[1].before.starts_with('…'), "{:?}", found[1]);
    assert_eq!(
        found[1].after,
        " ($760 billion). The silver economy (银发经济) grows."
    );
    // The built-in documents: the limit is kept, in document order.
    let data = crate::common::data();
    let proof = prove(&data, None, None).expect("not cancelled");
    let found = documents::matches(&data, &proof, "the", 7);
    assert_eq!(found.len(), 7);
    assert!(
        found
            .windows(2)
            .all(|w| w[0].range.start < w[1].range.start)
    );
}
