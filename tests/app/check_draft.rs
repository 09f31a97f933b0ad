//! Checking a draft in the window, as a user does: open the panel with
//! Ctrl+K, paste a draft, press Check, read the verdicts, click a record
//! (it is selected, its source opens); a Word draft opened from a file
//! gets its reviewed copy saved beside it; in Chinese too.

use egui_kittest::kittest::Queryable as _;
use plan_explorer::check::Verdict;
use plan_explorer::i18n::Lang;
use plan_explorer::selection::Item;
use plan_explorer::ui::check::CheckCommand;
use plan_explorer::ui::{AppState, SessionCommand};

fn harness() -> crate::common::Window {
    crate::common::window(AppState::open(None).expect("the built-in dataset opens"))
}

#[test]
fn paste_check_and_follow_a_claim_to_its_record_and_source() {
    let mut harness = harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    assert!(harness.state().session.check.open, "Ctrl+K opens the panel");
    harness.get_by_label("Draft text").focus();
    harness.get_by_label("Draft text").type_text(
        "Shanghai's GDP reached 5.93 trillion yuan in 2024. Each product wins a 100,000-yuan subsidy.",
    );
    harness.run();
    harness.get_by_label("Check").click();
    harness.run();
    let (_, report) = harness
        .state()
        .session
        .check
        .checked
        .clone()
        .expect("checked");
    let verdicts: Vec<Verdict> = report.claims.iter().map(|c| c.verdict).collect();
    assert_eq!(verdicts, [Verdict::Differs, Verdict::Unknown]);
    assert!(
        harness
            .query_by_label_contains("2 figures: 1 differs, 1 unknown")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("the data says 5.39 trillion yuan in 2024")
            .is_some()
    );
    // The record's id is a link: it selects the record.
    harness.get_by_label("gdp-2024").click();
    harness.run();
    let gdp = harness
        .state()
        .doc
        .dataset
        .figure_by_id("gdp-2024")
        .expect("exists");
    assert_eq!(harness.state().doc.selected(), Some(Item::Figure(gdp)));
    // Beside it, its place in the source.
    harness.get_by_label("↗").click();
    harness.run();
    let spot = harness
        .state()
        .session
        .source
        .clone()
        .expect("the source viewer opens");
    let text = harness.state().doc.proof.text(spot.source).expect("a text");
    assert!(text.text[spot.range.expect("a passage")].contains("5.39 trillion yuan"));
}

#[test]
fn a_word_draft_opened_from_a_file_is_saved_with_comments_in_chinese() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let draft = dir.path().join("briefing.docx");
    std::fs::copy(crate::common::fixture("check/tracked.docx"), &draft).expect("copies");
    let mut harness = harness();
    harness.state_mut().apply(SessionCommand::SetLang(Lang::Zh));
    harness
        .state_mut()
        .apply(SessionCommand::Check(CheckCommand::OpenFile(draft.clone())));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("按接受修订后的文字检查")
            .is_some(),
        "tracked changes said"
    );
    assert!(harness.query_by_label_contains("共 10 个数字").is_some());
    // The verdicts and what the data says, in Chinese: the editor's 1.9
    // trillion differs from the record's 1.8.
    assert!(
        harness
            .query_by_label_contains("数据为2024年1.8万亿元（pioneer-output-2024）")
            .is_some(),
        "the Chinese message of the claim that differs"
    );
    harness.get_by_label("保存审阅副本 .docx").click();
    harness.run();
    let saved = dir.path().join("briefing-reviewed.docx");
    assert!(saved.is_file(), "saved beside the draft");
    assert!(
        harness
            .query_by_label_contains("已保存审阅副本，共 10 条批注")
            .is_some()
    );
    // Its comments are in Chinese: each verdict and what the data says.
    let comments = {
        use std::io::Read as _;
        let mut zip =
            zip::ZipArchive::new(std::fs::File::open(&saved).expect("opens")).expect("a zip");
        let mut xml = String::new();
        zip.by_name("word/comments.xml")
            .expect("comments")
            .read_to_string(&mut xml)
            .expect("reads");
        xml
    };
    assert_eq!(comments.matches("<w:comment ").count(), 10);
    assert!(comments.contains("Plan Explorer: 相符"), "{comments}");
    assert!(comments.contains("Plan Explorer: 不符"), "{comments}");
    assert!(
        comments.contains("与 gdp-2024 相符：2024年5.39万亿元"),
        "{comments}"
    );
    // Saved again: a new name, nothing replaced.
    harness.get_by_label("保存审阅副本 .docx").click();
    harness.run();
    assert!(dir.path().join("briefing-reviewed-2.docx").is_file());
    assert_eq!(
        std::fs::read(&draft).expect("reads"),
        std::fs::read(crate::common::fixture("check/tracked.docx")).expect("reads"),
        "the draft itself is untouched"
    );
}
