//! Briefings: the selection as data, then as a PDF read back with poppler
//! (`pdftotext`, `pdfinfo`, `pdffonts`, `pdftohtml` for the outline;
//! poppler-utils, installed by `.ci/run`) and as a Word document unzipped.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output};

use plan_explorer::briefing::{self, BriefingError, Options};
use plan_explorer::i18n::Lang;
use plan_explorer::view::amount::Convention;
use plan_explorer::view::charts::ChartId;
use plan_explorer::view::tree::TreeFilter;

use crate::common::data;

fn options(lang: Lang) -> Options {
    Options {
        lang,
        convention: Convention::of_language(lang),
        charts: None,
        date: (2026, 12, 1),
        annotations: std::collections::BTreeMap::new(),
    }
}

#[test]
fn the_whole_dataset_is_every_plan_and_node_in_tree_order() {
    let data = data();
    let made = briefing::build(&data, &TreeFilter::default(), &options(Lang::En)).expect("builds");
    assert_eq!(made.plans.len(), data.plans.len());
    let nodes: usize = made.plans.iter().map(|p| p.nodes.len()).sum();
    assert_eq!(nodes, data.nodes.len());
    // Tree order: the plans in the dataset's order, and within each, its
    // nodes depth first, each after its parent and siblings in the order
    // the document gives them.
    let plans: Vec<_> = made.plans.iter().map(|p| p.plan).collect();
    let expected_plans: Vec<_> = (0..data.plans.len())
        .map(|i| plan_explorer::dataset::PlanIx(u32::try_from(i).expect("few plans")))
        .collect();
    assert_eq!(plans, expected_plans);
    for plan in &made.plans {
        let mut expected = Vec::new();
        let mut stack: Vec<_> = data.plans[plan.plan.index()]
            .roots
            .iter()
            .rev()
            .copied()
            .collect();
        while let Some(node) = stack.pop() {
            expected.push(node);
            stack.extend(data.node(node).children.iter().rev().copied());
        }
        let order: Vec<_> = plan.nodes.iter().map(|n| n.node).collect();
        assert_eq!(order, expected, "plan {:?}", plan.plan);
    }
    assert!(
        made.cover
            .iter()
            .any(|l| l == "Selection: the whole dataset")
    );
    // Every chart carries a figure of the whole dataset.
    assert_eq!(made.charts, ChartId::ALL.to_vec());
    // The sources list every quote once, with where it is used.
    let quotes: usize = made.sources.iter().map(|s| s.quotes.len()).sum();
    assert!(quotes > 20, "{quotes}");
    assert!(
        made.sources
            .iter()
            .all(|s| s.quotes.iter().all(|q| !q.places.is_empty()))
    );
}

#[test]
fn a_filter_selects_its_matches_with_their_ancestors_and_an_empty_one_nothing() {
    let data = data();
    let filter = TreeFilter {
        query: "vaccin".to_owned(),
        ..TreeFilter::default()
    };
    let made = briefing::build(&data, &filter, &options(Lang::En)).expect("builds");
    assert_eq!(made.plans.len(), 1);
    let headings: Vec<&str> = made.plans[0]
        .nodes
        .iter()
        .map(|n| n.heading.as_str())
        .collect();
    assert!(
        headings
            .iter()
            .any(|h| h.contains("Whole-cycle smart vaccination")),
        "{headings:?}"
    );
    // The chapter above the match comes first.
    assert!(headings[0].starts_with("III "), "{headings:?}");
    assert!(made.cover.iter().any(|l| l.contains("search “vaccin”")));
    // The measures quote no figure, yet the sources section names the
    // document their text comes from (it was an empty heading).
    let sources: Vec<&str> = made.sources.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        sources,
        [
            "Working Plan of Shanghai Municipality for the Development of Medical Artificial Intelligence (2025-2027)"
        ]
    );
    // No figure is tied to these measures: none of the figures' charts,
    // but the theme map, the unit map and the timeline, which place
    // measures and plans.
    assert_eq!(
        made.charts,
        [ChartId::Themes, ChartId::Units, ChartId::Timeline]
    );
    let none = TreeFilter {
        query: "no such words anywhere".to_owned(),
        ..TreeFilter::default()
    };
    assert!(matches!(
        briefing::build(&data, &none, &options(Lang::En)),
        Err(BriefingError::Empty)
    ));
}

/// Runs `plan-explorer briefing` with `args`.
fn run(args: &[&str]) -> Output {
    crate::common::run_command("briefing", args)
}

/// Runs `plan-explorer briefing` and checks that it succeeded.
fn written(args: &[&str]) {
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} runs (apt-get install poppler-utils; scripts/test installs it): {e}")
    });
    assert!(
        output.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pdf_text(path: &Path) -> String {
    tool("pdftotext", &[path.as_os_str(), "-".as_ref()])
}

#[test]
fn a_plan_s_pdf_holds_its_measures_quotes_and_sources_and_not_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("future.pdf");
    written(&[
        "--plan",
        "future-industries",
        "--out",
        out.to_str().expect("UTF-8"),
    ]);
    let text = pdf_text(&out);
    assert!(
        text.contains("Action plan to boost the industries of the future"),
        "{text}"
    );
    assert!(text.contains("Research institutes of future industries"));
    // Not the other plans' measures.
    assert!(!text.contains("Whole-cycle smart vaccination"));
    assert!(!text.contains("Deepening the frontier fundamental research"));
    // The source's own words, and the sources section naming the document.
    assert!(
        text.contains("achieve a total output value of about 500 billion yuan"),
        "{text}"
    );
    assert!(text.contains("Sources"));
    assert!(text.contains("Shanghai unveils action plan to boost industries of the future"));
    assert!(text.contains("quoted for:"));
    // Page numbers and the running header.
    assert!(text.contains("Page 2 of "));
    // The outline holds the plan and its chapters.
    let xml = tool(
        "pdftohtml",
        &[
            "-xml".as_ref(),
            "-i".as_ref(),
            "-stdout".as_ref(),
            out.as_os_str(),
        ],
    );
    let outline = &xml[xml.find("<outline>").expect("an outline")..];
    assert!(
        outline.contains(">Action plan to boost the industries of the future</item>"),
        "{outline}"
    );
    assert!(outline.contains(">Sources</item>"));
    assert!(!outline.contains("Working Plan of Shanghai Municipality"));
    // Title and language set, fonts embedded subsets.
    let info = tool("pdfinfo", &[out.as_os_str()]);
    assert!(
        info.contains("Briefing: Shanghai industrial and medical-AI plans"),
        "{info}"
    );
    let bytes = std::fs::read(&out).expect("reads");
    assert!(bytes.windows(9).any(|w| w == b"/Lang(en)"));
    let fonts = tool("pdffonts", &[out.as_os_str()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    // Fonts are listed (an empty list passed before), each embedded and a
    // subset, the Latin and the Chinese faces among them.
    assert!(!rows.is_empty(), "pdffonts lists no fonts: {fonts}");
    for row in &rows {
        assert!(row.contains(" yes yes "), "not embedded and subset: {row}");
    }
    assert!(fonts.contains("NotoSans"), "{fonts}");
    // Internal links: the contents line "Sources" to the sources' page,
    // and a quote to its source's entry on that page.
    let sources_page = outline
        .split("<item page=\"")
        .find_map(|item| item.strip_suffix_part(">Sources</item>"))
        .expect("the outline's Sources entry");
    let link = format!("#{sources_page}\">Sources</a>");
    assert!(xml.contains(&link), "no contents link {link}");
    let quote_link = format!("#{sources_page}\">“achieve a total output value");
    assert!(
        xml.contains(&quote_link),
        "no link from the quote to its source"
    );
}

/// The page number before `tail` in an outline item (`3">Title</item>`).
trait PagePart {
    fn strip_suffix_part(&self, tail: &str) -> Option<String>;
}

impl PagePart for str {
    fn strip_suffix_part(&self, tail: &str) -> Option<String> {
        let end = self.find(tail)?;
        let head = &self[..end];
        head.strip_suffix('"').map(str::to_owned)
    }
}

#[test]
fn a_chinese_briefing_speaks_chinese_and_its_text_can_be_searched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("zh.pdf");
    written(&[
        "--lang",
        "zh",
        "--plan",
        "fyp15-industry",
        "--out",
        out.to_str().expect("UTF-8"),
    ]);
    let text = pdf_text(&out);
    assert!(
        text.contains("简报：Shanghai industrial and medical-AI plans"),
        "{text}"
    );
    assert!(text.contains("目录"), "{text}");
    assert!(text.contains("来源"), "{text}");
    assert!(text.contains("第 2 页"), "{text}");
    assert!(text.contains("细分赛道"), "{text}");
    let bytes = std::fs::read(&out).expect("reads");
    assert!(bytes.windows(14).any(|w| w == b"/Lang(zh-Hans)"));
}

fn docx_part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("opens");
    let mut archive = zip::ZipArchive::new(file).expect("a zip");
    let mut part = archive.by_name(name).expect("the part exists");
    let mut text = String::new();
    part.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

#[test]
fn the_word_document_has_heading_styles_quotes_footnotes_and_pictures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("all.docx");
    written(&["--out", out.to_str().expect("UTF-8")]);
    let document = docx_part(&out, "word/document.xml");
    let styles = docx_part(&out, "word/styles.xml");
    assert!(styles.contains("w:styleId=\"Heading1\""));
    assert!(
        styles.contains("<w:name w:val=\"heading 1\""),
        "Word's built-in heading name"
    );
    assert!(
        styles.contains("w:outlineLvl w:val=\"0\""),
        "the navigation pane's level"
    );
    // A plan is a Heading 1, a chapter a Heading 2, quotes are quotes.
    // Outside the table of contents, the plan's title is a Heading 1.
    let plan_title = "Action plan to boost the industries of the future";
    let heading_styles: Vec<&str> = document
        .match_indices(plan_title)
        .map(|(at, _)| {
            let before = &document[at.saturating_sub(300)..at];
            let style = before
                .rfind("w:pStyle w:val=\"")
                .map_or("", |i| &before[i + 16..]);
            style.split('"').next().unwrap_or("")
        })
        .collect();
    assert!(heading_styles.contains(&"Heading1"), "{heading_styles:?}");
    // Each heading level is a Word heading with its outline level (the
    // navigation pane's), and the document uses each: plans, chapters,
    // measures and items.
    for level in 1..=4 {
        let style = format!("w:styleId=\"Heading{level}\"");
        let at = styles.find(&style).unwrap_or_else(|| panic!("no {style}"));
        let rest = &styles[at..];
        let definition = &rest[..rest.find("</w:style>").expect("the style ends")];
        assert!(
            definition.contains(&format!("<w:name w:val=\"heading {level}\""))
                && definition.contains(&format!("w:outlineLvl w:val=\"{}\"", level - 1)),
            "{definition}"
        );
        assert!(
            document.contains(&format!("<w:pStyle w:val=\"Heading{level}\"")),
            "no paragraph in Heading{level}"
        );
    }
    // A chapter's title is a Heading 2, a measure's a Heading 3.
    let data = data();
    // The styles of the paragraphs the title is in (the contents list it
    // too, in its own style).
    let styles_of = |title: &str| -> Vec<String> {
        document
            .match_indices(&format!("{title}<"))
            .filter_map(|(at, _)| {
                let before = &document[at.saturating_sub(400)..at];
                let i = before.rfind("w:pStyle w:val=\"")?;
                Some(before[i + 16..].split('"').next().unwrap_or("").to_owned())
            })
            .collect()
    };
    let chapter = data
        .nodes
        .iter()
        .find(|n| n.kind == plan_explorer::dataset::NodeKind::Chapter && n.parent.is_none())
        .expect("a chapter");
    let styles = styles_of(&chapter.title);
    assert!(
        styles.iter().any(|s| s == "Heading2"),
        "{}: {styles:?}",
        chapter.title
    );
    let measure = data
        .nodes
        .iter()
        .find(|n| n.kind == plan_explorer::dataset::NodeKind::Measure && n.parent.is_some())
        .expect("a measure");
    let styles = styles_of(&measure.title);
    assert!(
        styles.iter().any(|s| s == "Heading3"),
        "{}: {styles:?}",
        measure.title
    );
    assert!(
        heading_styles.contains(&"ToC1"),
        "the table of contents lists it: {heading_styles:?}"
    );
    assert!(document.contains("Quote"));
    assert!(document.contains("achieve a total output value of about 500 billion yuan"));
    // Footnotes name the sources; the charts are pictures.
    let footnotes = docx_part(&out, "word/footnotes.xml");
    assert!(footnotes.contains("Shanghai unveils action plan to boost industries of the future"));
    let file = std::fs::File::open(&out).expect("opens");
    let archive = zip::ZipArchive::new(file).expect("a zip");
    let pictures = archive
        .file_names()
        .filter(|n| n.starts_with("word/media/") && n.to_ascii_lowercase().ends_with(".png"))
        .count();
    assert_eq!(pictures, ChartId::ALL.len(), "one picture per chart");
}

#[test]
fn a_chinese_word_document_speaks_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("zh.docx");
    written(&[
        "--lang",
        "zh",
        "--plan",
        "fyp15-industry",
        "--out",
        out.to_str().expect("UTF-8"),
    ]);
    let document = docx_part(&out, "word/document.xml");
    assert!(document.contains("简报：Shanghai industrial and medical-AI plans"));
    assert!(document.contains("目录"));
    assert!(document.contains("来源"));
    assert!(document.contains("细分赛道"));
    let styles = docx_part(&out, "word/styles.xml");
    assert!(
        styles.contains("Noto Sans CJK SC"),
        "an East Asian font is named"
    );
}

#[test]
fn an_empty_selection_says_so_and_an_unwritable_path_leaves_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("none.pdf");
    let output = run(&[
        "--search",
        "no such words anywhere",
        "--out",
        out.to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing matches the selection"));
    assert!(!out.exists());
    let output = run(&["--out", "/no/such/folder/b.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("does not exist"));
    let output = run(&[
        "--plan",
        "no-such-plan",
        "--out",
        out.to_str().expect("UTF-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("no plan \"no-such-plan\"; the plans are")
    );
    let output = run(&["--out", dir.path().join("b.txt").to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("must end in .pdf or .docx"));
    assert_eq!(std::fs::read_dir(dir.path()).expect("lists").count(), 0);
}

#[test]
fn a_cancelled_briefing_stops_and_writes_nothing() {
    let data = data();
    // Cancelled part way: once the worker has done some of its steps.
    let progress = std::sync::Arc::new(plan_explorer::job::Progress::default());
    let worker = {
        let (data, progress) = (data.clone(), std::sync::Arc::clone(&progress));
        std::thread::spawn(move || {
            briefing::bytes(
                &data,
                &TreeFilter::default(),
                &options(Lang::En),
                briefing::Format::Pdf,
                &progress,
            )
        })
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_mins(1);
    while progress.fraction().is_none_or(|f| f <= 0.0) {
        assert!(
            !worker.is_finished(),
            "it finished before it could be caught"
        );
        assert!(
            std::time::Instant::now() < deadline,
            "no progress in a minute"
        );
        std::thread::yield_now();
    }
    let at = progress.fraction().expect("a total");
    progress.cancel();
    let result = worker.join().expect("the worker ends");
    assert!(
        matches!(result, Err(BriefingError::Cancelled)),
        "cancelled at {:.0}%: {:?}",
        at * 100.0,
        result.map(|b| b.len())
    );
    assert!(at < 1.0, "caught part way: {at}");
    // Cancelled before it starts, too.
    let progress = plan_explorer::job::Progress::default();
    progress.cancel();
    let result = briefing::bytes(
        &data,
        &TreeFilter::default(),
        &options(Lang::En),
        briefing::Format::Pdf,
        &progress,
    );
    assert!(matches!(result, Err(BriefingError::Cancelled)));
    // Uncancelled, the same call finishes and its progress is complete.
    let progress = plan_explorer::job::Progress::default();
    let bytes = briefing::bytes(
        &data,
        &TreeFilter::default(),
        &options(Lang::En),
        briefing::Format::Pdf,
        &progress,
    )
    .expect("writes");
    assert!(bytes.starts_with(b"%PDF-"));
    assert!((progress.fraction().expect("a total") - 1.0).abs() < f32::EPSILON);
}

#[test]
fn a_briefing_wakes_the_window_when_it_has_news_without_frames_asking() {
    use plan_explorer::ui::briefing_dialog::{self, BriefingRequest};
    use plan_explorer::ui::{AppState, Note, SessionCommand};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("all.docx");
    // No frame is drawn while the worker writes: only its wakes reach the
    // context (the window used to ask for a frame every 50 ms instead).
    let ctx = egui::Context::default();
    let wakes = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&wakes);
    ctx.set_request_repaint_callback(move |_| {
        counted.fetch_add(1, Ordering::Relaxed);
    });
    let mut state = AppState::new(data());
    state.set_wake(&ctx);
    state.apply(SessionCommand::WriteBriefing(BriefingRequest {
        path: out.clone(),
        charts: Vec::new(),
        replace: false,
    }));
    let job = state.briefing_job.as_ref().expect("the briefing started");
    assert_eq!(job.job.name(), "write briefing");
    let started = std::time::Instant::now();
    while !(out.exists() && wakes.load(Ordering::Relaxed) > 0)
        && started.elapsed() < std::time::Duration::from_mins(2)
    {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(out.exists(), "the briefing was written");
    assert!(
        wakes.load(Ordering::Relaxed) > 0,
        "the worker woke the window"
    );
    // The wake at the end comes after the answer is sent: the next frame's
    // look at the job finds it done.
    let waited = std::time::Instant::now();
    while state.briefing_job.is_some() && waited.elapsed() < std::time::Duration::from_secs(30) {
        briefing_dialog::poll(&mut state);
        std::thread::yield_now();
    }
    assert!(matches!(state.session.status, Some(Note::Wrote(ref path)) if *path == out));
}

#[test]
fn the_window_writes_the_briefing_of_its_search_on_a_worker_thread() {
    use egui_kittest::kittest::Queryable as _;
    use plan_explorer::ui::{AppState, Dialog, DocCommand, SessionCommand};

    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("vaccines.pdf");
    let mut state = AppState::new(data());
    state.apply(DocCommand::SetFilter(TreeFilter {
        query: "vaccin".to_owned(),
        ..TreeFilter::default()
    }));
    let mut harness = crate::common::app(crate::common::builder(), state);
    harness.run_steps(2);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export briefing…").click();
    // A new window is sized on its first frame and shown on the next.
    harness.run_steps(4);
    assert!(
        harness
            .query_by_label_contains("The current search and filters:")
            .is_some(),
        "the dialog says what will be written"
    );
    let Some(Dialog::Briefing(dialog)) = &mut harness.state_mut().dialog else {
        panic!("File > Export briefing… opens the dialog");
    };
    dialog.path = out.display().to_string();
    harness.run_steps(1);
    harness.get_by_label("Write briefing").click();
    harness.run_steps(1);
    // The window keeps drawing while the worker writes.
    for _ in 0..400 {
        if harness.state().briefing_job.is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
        harness.run_steps(1);
    }
    assert!(
        harness.state().briefing_job.is_none(),
        "the briefing finished"
    );
    assert!(harness.state().dialog.is_none(), "the dialog closes");
    let text = pdf_text(&out);
    assert!(text.contains("Whole-cycle smart vaccination"), "{text}");
    assert!(!text.contains("Research institutes of future industries"));
    assert!(text.contains("search “vaccin”"));

    // Again to the same file: the dialog asks before replacing it.
    let before = std::fs::read(&out).expect("reads");
    harness
        .state_mut()
        .apply(SessionCommand::OpenBriefingDialog);
    harness.run_steps(4);
    let Some(Dialog::Briefing(dialog)) = &mut harness.state_mut().dialog else {
        panic!("the dialog opens again");
    };
    dialog.path = out.display().to_string();
    harness.run_steps(1);
    harness.get_by_label("Write briefing").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("exists. Replace it?")
            .is_some()
    );
    assert!(
        harness.state().briefing_job.is_none(),
        "nothing is written yet"
    );
    assert_eq!(std::fs::read(&out).expect("reads"), before);
}

#[test]
fn what_the_last_briefing_said_goes_once_the_dialog_is_changed() {
    use egui_kittest::kittest::Queryable as _;
    use plan_explorer::ui::{AppState, Note, SessionCommand};

    let mut harness = crate::common::app(crate::common::builder(), AppState::new(data()));
    harness
        .state_mut()
        .apply(SessionCommand::OpenBriefingDialog);
    harness.run_steps(4);
    harness.state_mut().session.export_message = Some(Note::BriefingCancelled);
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label("The briefing was cancelled; nothing was written.")
            .is_some()
    );
    // Editing the file's name is a change: the old message goes.
    harness.get_by_label("File:").focus();
    harness.get_by_label("File:").type_text("x");
    harness.run_steps(2);
    assert_eq!(harness.state().session.export_message, None);
    assert!(
        harness
            .query_by_label("The briefing was cancelled; nothing was written.")
            .is_none()
    );
}

#[test]
fn the_briefings_charts_carry_the_users_annotations_as_the_window_shows_them() {
    use plan_explorer::view::annotations::Annotation;
    use plan_explorer::view::charts::ChartId;
    let data = data();
    let mut options = options(Lang::En);
    options.charts = Some(vec![ChartId::IndustrialOutput]);
    options.annotations.insert(
        ChartId::IndustrialOutput,
        vec![
            Annotation::Note {
                figure: "gdp-2025".into(),
                text: "Growth held".to_owned(),
            },
            Annotation::Span {
                from: 2026,
                to: 2030,
                label: "15th FYP".to_owned(),
            },
        ],
    );
    let made = briefing::build(&data, &TreeFilter::default(), &options).expect("builds");
    let page = plan_explorer::chart::Page {
        width: 960.0,
        height: 540.0,
        theme: plan_explorer::chart::Paper::Light,
    };
    let scenes = briefing::chart_scenes(&data, &made, options.convention, &page);
    let notes: Vec<&str> = scenes
        .iter()
        .flat_map(|s| s.notes().map(|t| t.text.as_str()))
        .collect();
    assert_eq!(notes, ["Growth held", "15th FYP"]);
    // And in the PDF's text.
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("annotated.pdf");
    let bytes = briefing::bytes(
        &data,
        &TreeFilter::default(),
        &options,
        briefing::Format::Pdf,
        &plan_explorer::job::Progress::default(),
    )
    .expect("written");
    std::fs::write(&out, bytes).expect("writes");
    assert!(pdf_text(&out).contains("Growth held"));
}
