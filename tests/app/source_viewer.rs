//! Issue 23, item 3: every quote one click from its place in the document.
//! A quote clicked in the details opens the source viewer at its passage,
//! read back through AccessKit ("Passage 49 of 58: …"); n and p walk the
//! quoted passages, Esc closes, a record quoting the passage is a click from
//! being selected, a shaded passage a click from being the one shown; the
//! problems panel opens the passage nearest to a quote not found; a new
//! edition keeps the document open by its id. In English and Chinese.

use crate::common;

use egui_kittest::kittest::Queryable as _;
use plan_explorer::dataset::proof::Spot;
use plan_explorer::dataset::{Dataset, FigureRef};
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::{AppState, DocCommand, SessionCommand};
use plan_explorer::view::source;

/// The fact "over 37.6% aged 60 or above", as the details quote it.
const QUOTE: &str = "With over 37.6% of its registered population aged 60 or above";

fn elderly(data: &Dataset) -> FigureRef {
    data.figure_by_id("fact-elderly-share").expect("the fact")
}

/// The window on the built-in dataset in `lang`, the fact selected.
fn fact_selected(lang: Lang) -> common::Window {
    let mut state = AppState::open(None).expect("opens");
    state.session.system_lang = lang;
    let fact = elderly(&state.doc.dataset);
    state.apply(DocCommand::Select(Item::Figure(fact)));
    common::window(state)
}

/// The passage the viewer shows, as its label says it.
fn passage_label(harness: &common::Window) -> String {
    let state = harness.state();
    let spot = state.session.source.as_ref().expect("the viewer is open");
    let text = state.doc.proof.text(spot.source).expect("a text");
    let place = source::place(&state.doc.dataset, &state.doc.proof, spot);
    source::passage_label(text, &place, state.session.lang())
}

/// Which quoted passage is shown, and of how many.
fn current(harness: &common::Window) -> (Option<usize>, usize) {
    let state = harness.state();
    let spot = state.session.source.as_ref().expect("the viewer is open");
    let text = state.doc.proof.text(spot.source).expect("a text");
    let place = source::place(&state.doc.dataset, &state.doc.proof, spot);
    (place.current, text.passages.len())
}

/// Opens the fact's quote from the details panel.
fn open_the_quote(harness: &mut common::Window) {
    harness.get_by_label(&format!("“{QUOTE}”")).click();
    harness.run();
}

#[test]
fn clicking_a_quote_in_the_details_shows_its_passage_highlighted_in_the_document() {
    let mut harness = fact_selected(Lang::En);
    assert!(harness.state().session.source.is_none());
    open_the_quote(&mut harness);
    let (current, count) = current(&harness);
    let current = current.expect("the quote is a passage of its document");
    // Screen readers hear the passage with its place.
    let label = format!("Passage {} of {count}: “{QUOTE}”", current + 1);
    assert!(harness.query_by_label(&label).is_some(), "{label}");
    assert_eq!(passage_label(&harness), label);
    // The document's title and publisher are above it; the charts gave
    // way.
    assert!(
        harness
            .query_by_label(
                "Shanghai Charts Bold Course for ‘New Quality Productive Forces’: AI, Robotics, \
                 and Future Industries Set for Major Boost"
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Publisher: not stated (byline: Eliza Wong)")
            .is_some()
    );
    assert!(harness.query_by_label("Industrial output").is_none());
    // The passage's block is laid out (it is scrolled to) and painted with
    // the passage's own shade under its words.
    assert!(
        harness
            .query_by_label_contains(&format!("{QUOTE}, Shanghai faces demographic challenges"))
            .is_some()
    );
    let current_shades = [egui::Theme::Light, egui::Theme::Dark]
        .map(|theme| plan_explorer::ui::style::passage_shades(&theme.default_visuals()).current);
    let highlighted: Vec<String> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::Text(text) => Some(text.galley.clone()),
            _ => None,
        })
        .flat_map(|galley| {
            galley
                .job
                .sections
                .iter()
                .filter(|s| current_shades.contains(&s.format.background))
                .map(|s| galley.job.text[s.byte_range.start.0..s.byte_range.end.0].to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(highlighted, [QUOTE]);
}

#[test]
fn n_and_p_walk_the_quoted_passages_and_esc_closes() {
    let mut harness = fact_selected(Lang::En);
    open_the_quote(&mut harness);
    let (Some(first), count) = current(&harness) else {
        panic!("a passage");
    };
    let selected = harness.state().doc.selected();
    harness.key_press(egui::Key::N);
    harness.run();
    assert_eq!(current(&harness).0, Some(first + 1));
    let label = passage_label(&harness);
    assert!(
        label.starts_with(&format!("Passage {} of {count}: ", first + 2)),
        "{label}"
    );
    assert!(harness.query_by_label(&label).is_some());
    // n was the viewer's, not a letter typed to the tree.
    assert_eq!(harness.state().doc.selected(), selected);
    harness.key_press(egui::Key::P);
    harness.key_press(egui::Key::P);
    harness.run();
    assert_eq!(current(&harness).0, Some(first - 1));
    // The buttons do the same.
    harness.get_by_label("Next ›").click();
    harness.run();
    assert_eq!(current(&harness).0, Some(first));
    // Esc in the search field leaves the field; the next Esc closes.
    harness.get_by_label("Search:").focus();
    harness.run();
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().session.source.is_some(), "still open");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().session.source.is_none(), "closed");
    assert!(
        harness.query_by_label("Industrial output").is_some(),
        "the charts are back"
    );
}

#[test]
fn a_record_quoting_the_passage_is_one_click_from_being_selected() {
    let mut state = AppState::open(None).expect("opens");
    state.session.system_lang = Lang::En;
    let fact = elderly(&state.doc.dataset);
    let FigureRef::Fact(f) = fact else {
        panic!("a fact");
    };
    let citation = state.doc.dataset.facts[f.index()].citations[0].clone();
    let spot = source::quote_spot(&state.doc.proof, citation.source, &citation.quote, None)
        .expect("found");
    state.apply(SessionCommand::OpenSource(spot));
    let mut harness = common::window(state);
    assert_eq!(harness.state().doc.selected(), None);
    assert!(harness.query_by_label("Quoted by:").is_some());
    harness
        .get_by_label("fact · Share of Shanghai's registered population aged 60 or above")
        .click();
    harness.run();
    assert_eq!(harness.state().doc.selected(), Some(Item::Figure(fact)));
    // The details show it, the document stays open.
    assert!(harness.state().session.source.is_some());
    assert!(harness.query_by_label(&format!("“{QUOTE}”")).is_some());
}

#[test]
fn the_viewer_speaks_chinese() {
    let mut harness = fact_selected(Lang::Zh);
    open_the_quote(&mut harness);
    let (Some(current), count) = current(&harness) else {
        panic!("a passage");
    };
    let label = format!("第 {} 处引文（共 {count} 处）：“{QUOTE}”", current + 1);
    assert!(harness.query_by_label(&label).is_some(), "{label}");
    for words in ["引用者：", "‹ 上一处", "下一处 ›", "关闭"] {
        assert!(harness.query_by_label(words).is_some(), "{words}");
    }
    assert!(harness.query_by_label_contains("发布者：").is_some());
    assert!(harness.query_by_label_contains("语言：英文").is_some());
    assert!(harness.query_by_label_contains("事实 · ").is_some());
}

/// The minimal dataset with its document's text, a line of which is a
/// whole quote, and a target quoting "520" where the document says "500",
/// written to a file.
fn wrong_quote_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut json = common::minimal();
    json["sources"][0]["text"] = serde_json::Value::from(
        "A document\n\nWe shall build a \u{201c}four-in-one\u{201d} platform.\n33.4 percent last year\n\
         The city set up a 15 billion-yuan fund for future industries. By 2030 it will have \
         500 advanced smart factories across the districts.\n\
         GDP reached 5.39 trillion yuan ($760 billion) in 2024.",
    );
    json["targets"][0]["quote"] =
        serde_json::Value::from("it will have 520 advanced smart factories across");
    let path = dir.join("wrong-quote.json");
    std::fs::write(&path, json.to_string()).expect("writes");
    path
}

#[test]
fn the_problems_panel_lists_quotes_not_found_and_opens_the_nearest_passage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = wrong_quote_file(dir.path());
    let mut state = AppState::open(Some(&path)).expect("opens");
    state.session.system_lang = Lang::En;
    assert_eq!(state.doc.path.as_deref(), Some(path.as_path()), "it loads");
    let mut harness = common::window(state);
    // Each line with its path and message.
    assert!(
        harness
            .query_by_label_contains(
                "error: targets[0].quote: not found verbatim in the source doc.txt"
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("error: themes[1].name_zh")
            .is_some()
    );
    harness.get_by_label("Nearest passage").click();
    harness.run();
    let spot = harness
        .state()
        .session
        .source
        .clone()
        .expect("the viewer is open");
    let text = harness.state().doc.proof.text(spot.source).expect("text");
    assert_eq!(
        &text.text[spot.range.clone().expect("a range")],
        "it will have 500 advanced smart factories across"
    );
    assert!(
        harness
            .query_by_label(
                "The nearest passage, the words that differ from the quote in 〚 〛: \
                 “it will have 〚500〛 advanced smart factories across”"
            )
            .is_some()
    );
    // In Chinese.
    harness.state_mut().session.settings.lang = Some(Lang::Zh);
    harness.run();
    assert!(harness.query_by_label("最接近的段落").is_some());
    assert!(
        harness
            .query_by_label_contains("错误：targets[0].quote")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("最接近的段落，与引文不同的词标于 〚 〛 中：“it will have 〚500〛 advanced smart factories across”")
            .is_some()
    );
    // Closed, they stay closed for this document.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().session.source.is_none());
    harness.get_by_label("关闭").click();
    harness.run();
    assert!(harness.query_by_label("最接近的段落").is_none());
}

#[test]
fn clicking_a_shaded_passage_makes_it_the_one_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = wrong_quote_file(dir.path());
    let mut state = AppState::open(Some(&path)).expect("opens");
    state.session.system_lang = Lang::En;
    state.apply(SessionCommand::OpenSource(Spot {
        source: plan_explorer::dataset::SourceIx(0),
        range: None,
    }));
    let mut harness = common::window(state);
    // The line that is all one quote: a click anywhere on it.
    harness.get_by_label("33.4 percent last year").click();
    harness.run();
    let spot = harness.state().session.source.clone().expect("open");
    let text = harness.state().doc.proof.text(spot.source).expect("text");
    assert_eq!(
        &text.text[spot.range.clone().expect("a passage")],
        "33.4 percent last year"
    );
    assert!(
        harness
            .query_by_label_contains("of 4: “33.4 percent last year”")
            .is_some()
    );
}

#[test]
fn a_new_edition_keeps_the_document_open_by_its_id_or_closes_it() {
    let mut harness = fact_selected(Lang::En);
    open_the_quote(&mut harness);
    let before = harness.state().session.source.clone().expect("open");
    let id = harness.state().doc.dataset.sources[before.source.index()]
        .id
        .clone();
    let dir = tempfile::tempdir().expect("temp dir");
    // The same dataset with its sources in the other order: the source
    // has another index, and the viewer follows it.
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    json["sources"].as_array_mut().expect("sources").reverse();
    let reversed = dir.path().join("reversed.json");
    std::fs::write(&reversed, json.to_string()).expect("writes");
    harness.state_mut().load(&reversed);
    harness.run();
    let after = harness.state().session.source.clone().expect("still open");
    assert_ne!(after.source, before.source);
    assert_eq!(
        harness.state().doc.dataset.sources[after.source.index()].id,
        id
    );
    assert_eq!(after.range, before.range);
    assert!(
        harness
            .query_by_label_contains(&format!(": “{QUOTE}”"))
            .is_some()
    );
    // A dataset without that source: the viewer closes.
    let gone = dir.path().join("gone.json");
    let renamed =
        plan_explorer::dataset::EMBEDDED_JSON.replace(&format!("\"{id}\""), "\"src-renamed\"");
    std::fs::write(&gone, renamed).expect("writes");
    harness.state_mut().load(&gone);
    harness.run();
    assert_eq!(
        harness.state().doc.path.as_deref(),
        Some(gone.as_path()),
        "it loaded"
    );
    assert!(harness.state().session.source.is_none());
    assert!(harness.query_by_label("Industrial output").is_some());
}

#[test]
fn scrolling_up_over_blocks_not_yet_laid_out_moves_the_text_by_what_the_wheel_asks() {
    // Paragraphs of every length, so the heights estimated before they
    // are laid out are all a little wrong; the quote near the end.
    let mut json = common::minimal();
    let mut text = String::new();
    for n in 0..400 {
        text.push_str(&"Words of a paragraph, long or short. ".repeat(1 + (n * 7) % 23));
        text.push('\n');
    }
    // Every other quote of the dataset is there too: nothing unproven, so
    // no problems panel takes the height.
    text.push_str(
        "We shall build a \"four-in-one\" platform. 33.4 percent last year; \
         a 15 billion-yuan fund; 5.39 trillion yuan ($760 billion).\n",
    );
    text.push_str("By 2030 there will be 500 advanced smart factories.\n");
    text.push_str(&"More words after it. ".repeat(400));
    json["sources"][0]["text"] = serde_json::Value::from(text);
    json["themes"][1]
        .as_object_mut()
        .expect("a theme")
        .remove("name_zh");
    let data = plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid");
    let mut state = AppState::new(data);
    state.session.system_lang = Lang::En;
    let spot = source::quote_spot(
        &state.doc.proof,
        plan_explorer::dataset::SourceIx(0),
        "500 advanced smart factories",
        None,
    )
    .expect("found");
    state.apply(SessionCommand::OpenSource(spot));
    let mut harness = common::window(state);
    let last = "By 2030 there will be 500 advanced smart factories.";
    assert!(harness.state().doc.proof.problems.is_empty());
    let before = harness.get_by_label(last).rect();
    for _ in 0..6 {
        harness
            .input_mut()
            .events
            .push(egui::Event::PointerMoved(before.center()));
        harness.input_mut().events.push(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 40.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(10);
    let after = harness.get_by_label(last).rect();
    assert!(
        (after.top() - before.top() - 240.0).abs() < 1.0,
        "moved {} for 240 asked",
        after.top() - before.top()
    );
}

/// The node `id` in a dataset's JSON, wherever it is in its plan's tree.
fn node_mut<'a>(json: &'a mut serde_json::Value, id: &str) -> Option<&'a mut serde_json::Value> {
    match json {
        serde_json::Value::Object(map) if map.get("id").is_some_and(|v| v == id) => Some(json),
        serde_json::Value::Object(map) => map.values_mut().find_map(|v| node_mut(v, id)),
        serde_json::Value::Array(list) => list.iter_mut().find_map(|v| node_mut(v, id)),
        _ => None,
    }
}

#[test]
fn a_measure_whose_text_changed_is_one_click_from_its_new_text_in_the_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The earlier edition words the measure otherwise.
    let mut old: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    let node = node_mut(&mut old, "ind-business-environment").expect("the measure");
    node["text"] = serde_json::Value::from("Earlier words for this measure.");
    old["edition"] = serde_json::Value::from("2026-01-01");
    let old_file = dir.path().join("old.json");
    std::fs::write(&old_file, old.to_string()).expect("writes");
    let new_file = dir.path().join("new.json");
    std::fs::write(&new_file, plan_explorer::dataset::EMBEDDED_JSON).expect("writes");
    let mut state = AppState::open(Some(&old_file)).expect("opens");
    state.session.system_lang = Lang::En;
    state.load(&new_file);
    let mut harness = common::window(state);
    harness.get_by_label("the text in its document").click();
    harness.run();
    let state = harness.state();
    let spot = state.session.source.clone().expect("the viewer is open");
    let measure = state
        .doc
        .dataset
        .node_by_id("ind-business-environment")
        .expect("the measure");
    let text = state.doc.proof.text(spot.source).expect("text");
    assert_eq!(
        plan_explorer::dataset::folded::normalize(&text.text[spot.range.expect("a passage")]),
        plan_explorer::dataset::folded::normalize(&state.doc.dataset.node(measure).text)
    );
}

#[test]
fn a_measures_text_in_the_details_opens_its_passage() {
    let mut state = AppState::open(None).expect("opens");
    state.session.system_lang = Lang::En;
    let measure = state
        .doc
        .dataset
        .node_by_id("ind-business-environment")
        .expect("the measure");
    state.apply(DocCommand::Select(Item::Node(measure)));
    let words = state.doc.dataset.node(measure).text.clone();
    let mut harness = common::window(state);
    harness.get_by_label(&words).click();
    harness.run();
    let label = passage_label(&harness);
    assert!(label.starts_with("Passage "), "{label}");
    assert!(
        label.contains("Director Tang highlighted that the cost"),
        "{label}"
    );
    assert!(harness.query_by_label(&label).is_some());
}
