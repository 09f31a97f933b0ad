//! Searching the documents themselves, as a user does: choose "in the
//! documents", type, read the matches with their context, and open one.

use egui_kittest::kittest::Queryable as _;
use plan_explorer::i18n::Lang;
use plan_explorer::ui::AppState;
use plan_explorer::ui::state::SearchScope;

fn harness() -> crate::common::Window {
    crate::common::window(AppState::open(None).expect("the built-in dataset opens"))
}

/// Switches the search box to the documents through its scope menu.
fn search_the_documents(harness: &mut crate::common::Window, scope: &str, choice: &str) {
    harness
        .get_by_role_and_label(egui::Role::ComboBox, scope)
        .click();
    harness.run();
    harness.get_by_label(choice).click();
    harness.run();
}

#[test]
fn a_search_in_the_documents_lists_matches_with_context_and_opens_the_document() {
    let mut harness = harness();
    search_the_documents(&mut harness, "Search where", "in the documents");
    assert_eq!(
        harness.state().session.doc_search.scope,
        SearchScope::Documents
    );
    harness.get_by_label("Search:").focus();
    harness.get_by_label("Search:").type_text("brain-computer");
    harness.run();
    let search = &harness.state().session.doc_search.result;
    assert!(search.count >= 2, "{search:?}");
    assert!(
        harness.query_by_label_contains("matches in").is_some(),
        "the count is shown"
    );
    // A match that no record quotes says so; one that is quoted names the
    // records. The built-in dataset leaves some mentions unquoted.
    let everything = plan_explorer::view::doc_search::DocSearch::new(
        &harness.state().doc.dataset,
        &harness.state().doc.proof,
        "Shanghai",
    );
    let all: Vec<_> = everything
        .documents
        .iter()
        .flat_map(|d| &d.matches)
        .collect();
    assert!(all.iter().any(|m| m.quoted_by.is_empty()));
    assert!(all.iter().any(|m| !m.quoted_by.is_empty()));

    // The tree is not filtered by words typed for the documents.
    assert!(!harness.state().doc.filter.is_active());

    // A match read aloud carries its context and whether it is quoted;
    // clicking it opens the document at the match.
    let first = search.documents[0].matches[0].clone();
    let label = format!("{}{}{}", first.before, first.matched, first.after);
    harness.get_by_label_contains(&label).click();
    harness.run();
    assert_eq!(harness.state().session.source, Some(first.spot.clone()));
    let range = first.spot.range.clone().expect("a range");
    let text = harness
        .state()
        .doc
        .proof
        .text(first.spot.source)
        .expect("the text")
        .text
        .clone();
    assert!(text[range].eq_ignore_ascii_case("brain-computer"));
}

#[test]
fn switching_back_to_the_records_takes_the_words_along() {
    let mut harness = harness();
    search_the_documents(&mut harness, "Search where", "in the documents");
    harness.get_by_label("Search:").focus();
    harness.get_by_label("Search:").type_text("vaccination");
    harness.run();
    search_the_documents(&mut harness, "Search where", "in the records");
    assert_eq!(harness.state().doc.filter.query, "vaccination");
    assert_eq!(harness.state().doc.tree.match_count, 1);
}

#[test]
fn words_no_document_holds_say_so_in_chinese_too() {
    let mut state = AppState::open(None).expect("opens");
    state.session.settings.lang = Some(Lang::Zh);
    let mut harness = crate::common::window(state);
    search_the_documents(&mut harness, "搜索范围", "在文件中");
    harness.get_by_label("搜索：").focus();
    harness.get_by_label("搜索：").type_text("zzzqqq");
    harness.run();
    assert!(harness.query_by_label("文件中没有这些字词。").is_some());
}
