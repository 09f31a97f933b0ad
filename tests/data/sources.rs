//! Sources that carry their texts: proof without a folder, hashes, the one
//! folding rule, and texts that are odd or hostile.

use plan_explorer::dataset::{self, ProblemKind, Severity, proof};

use crate::common;

/// The minimal fixture with its document's text carried in the dataset,
/// and the text's hash when `hash` is set.
fn minimal_carrying(text: &str, hash: bool) -> serde_json::Value {
    let mut json = common::minimal();
    let source = &mut json["sources"][0];
    source["text"] = text.into();
    if hash {
        source["sha256"] = proof::sha256_hex(text).into();
    }
    source.as_object_mut().expect("a source").remove("file");
    json
}

/// The minimal fixture's document, as its file holds it.
fn document() -> String {
    std::fs::read_to_string(common::fixture("sources/doc.txt")).expect("the fixture's document")
}

fn proven(json: &serde_json::Value) -> (dataset::Dataset, proof::Proof) {
    let loaded = dataset::load_str(&json.to_string());
    let data = loaded.dataset.expect("structurally valid");
    let proof = proof::prove(&data, None, None).expect("not cancelled");
    (data, proof)
}

#[test]
fn a_carried_text_proves_every_quote_with_no_folder() {
    let (_, proof) = proven(&minimal_carrying(&document(), true));
    assert_eq!(proof.problems, vec![], "every quote is in the text");
    assert!(proof.proven > 0);
    assert_eq!(proof.unproven, 0);
    let text = proof.texts[0].as_ref().expect("the text is known");
    // Each passage is where its quote is, in the text as published.
    for passage in &text.passages {
        assert!(!passage.quoted_by.is_empty());
        assert!(text.text.is_char_boundary(passage.range.start));
    }
}

#[test]
fn a_quote_not_in_the_text_shows_the_nearest_passage_with_the_difference_marked() {
    let mut json = minimal_carrying(&document(), true);
    json["series"][0]["points"][0]["quote"] = "34.4 percent last year".into();
    let (_, proof) = proven(&json);
    assert_eq!(proof.problems.len(), 1, "{:?}", proof.problems);
    let problem = &proof.problems[0];
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(problem.path, "series[0].points[0].quote");
    assert_eq!(
        problem.message(),
        "not found verbatim in the source doc: \"34.4 percent last year\"; \
         the document says \"〚33.4〛 percent last year\""
    );
    let ProblemKind::NotVerbatim {
        nearest: Some(nearest),
        ..
    } = &problem.kind
    else {
        panic!("a nearest passage: {problem:?}");
    };
    assert_eq!(&document()[nearest.range.clone()], "33.4 percent last year");
    // The JSON report carries it for scripts.
    let json = serde_json::to_value(problem).expect("serialises");
    assert_eq!(json["nearest"]["differing"], serde_json::json!(["33.4"]));
    assert_eq!(json["code"], "not_verbatim");
}

#[test]
fn a_text_that_differs_from_its_hash_is_an_error_and_the_hash_form_is_checked() {
    let mut json = minimal_carrying(&document(), true);
    json["sources"][0]["text"] = format!("{} One sentence added.", document()).into();
    let (_, proof) = proven(&json);
    let mismatch: Vec<_> = proof
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::HashMismatch { .. }))
        .collect();
    assert_eq!(mismatch.len(), 1, "{:?}", proof.problems);
    assert_eq!(mismatch[0].path, "sources[0].sha256");
    assert!(mismatch[0].is_error());

    // Upper-case hex is the same hash.
    let mut json = minimal_carrying(&document(), true);
    let upper = proof::sha256_hex(&document()).to_ascii_uppercase();
    json["sources"][0]["sha256"] = upper.into();
    assert_eq!(proven(&json).1.problems, vec![]);

    for wrong in ["abc", "sha256:0123", &"g".repeat(64), &"0".repeat(65)] {
        let mut json = minimal_carrying(&document(), false);
        json["sources"][0]["sha256"] = wrong.into();
        let loaded = dataset::load_str(&json.to_string());
        let messages = common::messages(&loaded);
        assert!(
            messages.iter().any(|m| m
                .starts_with("sources[0].sha256: expected the SHA-256 as 64 hexadecimal digits")),
            "{wrong}: {messages:?}"
        );
    }
}

#[test]
fn line_breaks_and_unusual_spaces_in_the_text_compare_as_one_space() {
    // The document as a Windows file with non-breaking and full-width
    // spaces and typographic quotes: the quotes, written plainly, still
    // prove.
    let odd = document()
        .replace('\n', "\r\n")
        .replace("shall build", "shall\u{a0}build")
        .replace("billion-yuan fund", "billion-yuan\u{3000}fund");
    let (_, proof) = proven(&minimal_carrying(&odd, true));
    assert_eq!(proof.problems, vec![]);
    // The passage found is the original's, with its odd spaces.
    let text = proof.texts[0].as_ref().expect("text");
    assert!(
        text.passages
            .iter()
            .any(|p| text.text[p.range.clone()].contains('\u{a0}')),
        "a passage spans the non-breaking space"
    );
}

#[test]
fn two_sources_with_one_text_are_a_warning_naming_the_first() {
    let mut json = minimal_carrying(&document(), true);
    let mut twin = json["sources"][0].clone();
    twin["id"] = "doc-again".into();
    json["sources"].as_array_mut().expect("sources").push(twin);
    let (_, proof) = proven(&json);
    assert_eq!(proof.problems.len(), 1, "{:?}", proof.problems);
    assert_eq!(proof.problems[0].severity, Severity::Warning);
    assert_eq!(proof.problems[0].path, "sources[1].text");
    assert_eq!(
        proof.problems[0].message(),
        "the same text as source \"doc\""
    );
}

#[test]
fn a_text_with_a_lone_surrogate_escape_is_a_located_syntax_error() {
    let json = minimal_carrying("placeholder", false).to_string();
    let json = json.replace("placeholder", "before \\ud800 after");
    let loaded = dataset::load_str(&json);
    assert!(loaded.dataset.is_none());
    let problem = &loaded.problems[0];
    assert!(
        problem.line.is_some() && problem.column.is_some(),
        "{problem:?}"
    );
    assert!(problem.is_error());
}

#[test]
fn provenance_fields_are_checked() {
    let mut json = minimal_carrying(&document(), true);
    let source = &mut json["sources"][0];
    source["retrieved"] = "2026-13-01".into();
    source["language"] = "English".into();
    source["original"] = true.into();
    source["translated_by"] = "Someone".into();
    let messages = common::messages(&dataset::load_str(&json.to_string()));
    for expected in [
        "sources[0].retrieved: expected a date as YYYY-MM-DD",
        "sources[0].language: expected a language tag",
        "sources[0].translated_by: \"translated_by\" names a translator",
    ] {
        assert!(
            messages.iter().any(|m| m.starts_with(expected)),
            "{expected}: {messages:?}"
        );
    }
    let mut json = minimal_carrying(&document(), true);
    let source = &mut json["sources"][0];
    source["retrieved"] = "2026-11-20".into();
    source["language"] = "zh-Hans-CN".into();
    source["original"] = false.into();
    source["translated_by"] = "The Bureau of Justice".into();
    let loaded = dataset::load_str(&json.to_string());
    assert_eq!(common::messages(&loaded), Vec::<String>::new());
    let source = &loaded.dataset.expect("valid").sources[0];
    assert_eq!(source.language.as_deref(), Some("zh-Hans-CN"));
    assert_eq!(source.original, Some(false));
}

#[test]
fn a_source_needs_a_file_a_url_or_its_text() {
    let mut json = common::minimal();
    json["sources"][0]
        .as_object_mut()
        .expect("a source")
        .remove("file");
    let messages = common::messages(&dataset::load_str(&json.to_string()));
    assert!(
        messages
            .iter()
            .any(|m| m.contains("a source needs a \"file\", a \"url\" or its \"text\"")),
        "{messages:?}"
    );
}

#[test]
fn quotes_in_no_order_are_all_found_in_a_long_text() {
    // A text of 40,000 numbered sentences, quoted backwards: each quote
    // lies behind the one before, so finding them one by one from the last
    // place would scan the text once per quote. They are all found, and
    // where they are.
    let sentences: Vec<String> = (0..40_000)
        .map(|i| format!("Sentence number {i} says something."))
        .collect();
    let text = sentences.join(" ");
    let quotes: Vec<&str> = sentences.iter().rev().map(String::as_str).collect();
    let found = proof::locate_all(&text, &quotes);
    for (quote, at) in quotes.iter().zip(&found) {
        let at = at.unwrap_or_else(|| panic!("{quote} not found"));
        assert_eq!(&text[at..at + quote.len()], *quote);
    }
    // Words that are nowhere are not found, in either way of looking.
    let missing = proof::locate_all(&text, &["Sentence number 40000 says", "no such words"]);
    assert_eq!(missing, vec![None, None]);
}

#[test]
fn the_built_in_dataset_carries_its_five_documents_and_proves_every_quote() {
    let data = common::data();
    assert_eq!(data.sources.len(), 5);
    for source in &data.sources {
        let text = source
            .text
            .as_deref()
            .expect("the built-in sources carry their texts");
        let file =
            std::fs::read_to_string(common::seeds().join(source.file.as_deref().expect("a file")))
                .expect("the seed");
        assert_eq!(
            text, file,
            "{}: the text is the document as published",
            source.id
        );
        assert_eq!(
            source.sha256.as_deref(),
            Some(proof::sha256_hex(text).as_str())
        );
        assert_eq!(source.language.as_deref(), Some("en"));
    }
    let proof = proof::prove(&data, None, None).expect("not cancelled");
    assert_eq!(proof.problems, vec![]);
    assert_eq!(proof.unproven, 0);
    assert!(proof.proven >= 146, "{}", proof.proven);
}

#[test]
fn a_search_of_the_documents_finds_matches_in_order_and_tells_quoted_from_not() {
    let data = common::data();
    let proof = proof::prove(&data, None, None).expect("not cancelled");
    let hits = proof.search("BRAIN-computer", 100);
    assert!(!hits.is_empty(), "case is ignored");
    for pair in hits.windows(2) {
        assert!(
            (pair[0].source, pair[0].range.start) < (pair[1].source, pair[1].range.start),
            "document order"
        );
    }
    let text = proof.text(hits[0].source).expect("text");
    assert!(text.text[hits[0].range.clone()].eq_ignore_ascii_case("brain-computer"));
    // Some passage the data quotes, and some it leaves out.
    let everything = proof.search("the", 10_000);
    assert!(everything.iter().any(|h| !h.passages.is_empty()));
    assert!(everything.iter().any(|h| h.passages.is_empty()));
    assert_eq!(proof.search("   ", 10), vec![]);
    assert_eq!(proof.search("the", 3).len(), 3, "at most the limit");
}
