//! `plan-explorer briefing` and the sources' texts: in the PDF's sources
//! section each quote stands in its sentence, marked; the Word footnotes
//! give a source's URL where the dataset knows it.

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use crate::common::{fixture, run_command};

/// Writes a briefing with `args` into `dir` as `name`, and returns its path.
fn written(dir: &Path, name: &str, args: &[&str]) -> std::path::PathBuf {
    let out = dir.join(name);
    let mut all = args.to_vec();
    all.extend(["--out", out.to_str().expect("UTF-8")]);
    let output = run_command("briefing", &all);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
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

/// The PDF's text with each run of white space (line breaks too) as one
/// space.
fn pdf_text(path: &Path) -> String {
    tool("pdftotext", &[path.as_os_str(), "-".as_ref()])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
fn the_pdf_s_sources_show_each_quote_in_its_sentence_with_the_quote_in_bold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = written(
        dir.path(),
        "future.pdf",
        &["--plan", "future-industries", "--chart", "none"],
    );
    let text = pdf_text(&out);
    assert!(
        text.contains(
            "“achieve a total output value of about 500 billion yuan (US$69.79 billion) in the \
             industries of the future by 2030” In context: The goal of Shanghai's action plan is \
             to achieve a total output value of about 500 billion yuan (US$69.79 billion) in the \
             industries of the future by 2030. quoted for:"
        ),
        "{text}"
    );
    // The quote within the sentence is set in bold, the rest not.
    let xml = tool(
        "pdftohtml",
        &[
            "-xml".as_ref(),
            "-i".as_ref(),
            "-stdout".as_ref(),
            out.as_os_str(),
        ],
    );
    assert!(
        xml.contains(">In context: To nurture independent innovation in core technologies, "),
        "{xml}"
    );
    assert!(
        xml.contains("<b>establish about five future technology colleges</b>"),
        "{xml}"
    );

    // In Chinese, the same sentence under its Chinese label.
    let out = written(
        dir.path(),
        "future-zh.pdf",
        &[
            "--plan",
            "future-industries",
            "--chart",
            "none",
            "--lang",
            "zh",
        ],
    );
    let text = pdf_text(&out);
    assert!(
        text.contains("原文语境： The goal of Shanghai's action plan is to achieve")
            || text.contains("原文语境：The goal of Shanghai's action plan is to achieve"),
        "{text}"
    );
}

#[test]
fn the_pdf_gives_a_source_s_url_as_a_link_and_each_quote_s_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = fixture("carried_text.json");
    let out = written(
        dir.path(),
        "minimal.pdf",
        &[
            "--dataset",
            data.to_str().expect("UTF-8"),
            "--chart",
            "none",
        ],
    );
    let text = pdf_text(&out);
    assert!(
        text.contains(
            "A document Published by Someone · 2025-03-07 https://example.org/plans/doc.html"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "“a 15 billion-yuan fund” In context: Shanghai has set up a 15 billion-yuan fund, \
             and plans 500 advanced smart factories. quoted for: I.1 A measure"
        ),
        "{text}"
    );
    let links = tool("pdfinfo", &["-url".as_ref(), out.as_os_str()]);
    assert!(
        links.contains("https://example.org/plans/doc.html"),
        "{links}"
    );
}

#[test]
fn word_footnotes_give_the_source_s_url_where_known() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = fixture("carried_text.json");
    let out = written(
        dir.path(),
        "minimal.docx",
        &[
            "--dataset",
            data.to_str().expect("UTF-8"),
            "--chart",
            "none",
        ],
    );
    let footnotes = docx_part(&out, "word/footnotes.xml");
    assert!(
        footnotes.contains("A document (2025-03-07), at https://example.org/plans/doc.html"),
        "{footnotes}"
    );
    // The sources section links the URL and sets each quote in its
    // sentence, the quote in bold.
    let rels = docx_part(&out, "word/_rels/document.xml.rels");
    assert!(
        rels.contains("Target=\"https://example.org/plans/doc.html\" TargetMode=\"External\""),
        "{rels}"
    );
    let document = docx_part(&out, "word/document.xml");
    assert!(document.contains("<w:hyperlink r:id=\""), "{document}");
    assert!(
        document.contains(
            "<w:t xml:space=\"preserve\">Shanghai has set up </w:t></w:r><w:r><w:rPr><w:b />"
        ),
        "{document}"
    );
    // In Chinese too; a dataset without URLs names the source alone.
    let out = written(
        dir.path(),
        "minimal-zh.docx",
        &[
            "--dataset",
            data.to_str().expect("UTF-8"),
            "--chart",
            "none",
            "--lang",
            "zh",
        ],
    );
    let footnotes = docx_part(&out, "word/footnotes.xml");
    assert!(
        footnotes.contains("A document (2025-03-07)，网址：https://example.org/plans/doc.html"),
        "{footnotes}"
    );
    assert!(docx_part(&out, "word/document.xml").contains("原文语境："));
    let out = written(
        dir.path(),
        "built-in.docx",
        &["--plan", "future-industries", "--chart", "none"],
    );
    let footnotes = docx_part(&out, "word/footnotes.xml");
    assert!(
        footnotes.contains("Shanghai unveils action plan to boost industries of the future"),
        "{footnotes}"
    );
    assert!(!footnotes.contains("), at http"), "{footnotes}");
}

/// The PDF's outline (its bookmarks) as poppler reads it
/// (`pdftohtml -xml`): each entry's depth (1 at the top) and title, in
/// order.
fn pdf_outline(path: &Path) -> Vec<(usize, String)> {
    let xml = tool(
        "pdftohtml",
        &[
            "-xml".as_ref(),
            "-stdout".as_ref(),
            "-i".as_ref(),
            "-q".as_ref(),
            path.as_os_str(),
        ],
    );
    let mut entries = Vec::new();
    let mut depth = 0_usize;
    let mut rest = xml.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<outline>") {
            depth += 1;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("</outline>") {
            depth -= 1;
            rest = after;
        } else if rest.starts_with("<item ") {
            let open = rest.find('>').expect("a whole tag") + 1;
            let close = rest.find("</item>").expect("a closed item");
            let title = rest[open..close]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            entries.push((depth, title));
            rest = &rest[close..];
        } else {
            rest = &rest[1..];
        }
    }
    assert_eq!(depth, 0, "the outline's elements are balanced");
    entries
}

/// The Word document's paragraphs in order: each one's style (empty for
/// none) and its text.
fn docx_paragraphs(path: &Path) -> Vec<(String, String)> {
    let xml = docx_part(path, "word/document.xml");
    xml.split("<w:p>")
        .flat_map(|part| part.split("<w:p "))
        .skip(1)
        .map(|paragraph| {
            let paragraph = paragraph.split("</w:p>").next().unwrap_or_default();
            let style = paragraph
                .split("<w:pStyle w:val=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_default()
                .to_owned();
            let text: String = paragraph
                .split("<w:t")
                .skip(1)
                .filter_map(|run| run.split_once('>').map(|(_, rest)| rest))
                .filter_map(|rest| rest.split("</w:t>").next())
                .collect();
            (style, text)
        })
        .collect()
}

/// A tree 40 levels deep in a briefing, parsed back as a reader's tools
/// read it. The PDF's outline is capped at plans over their top-level
/// chapters (its bookmarks stay two deep, not forty), with the charts and
/// sources beside the plans; the Word headings are capped at its four
/// heading styles (a plan, its top-level nodes, measures, items), so the
/// navigation pane stays usable. No node is lost: all 41 are in both
/// documents' text, in the tree's order.
#[test]
fn a_briefing_of_a_tree_forty_levels_deep_caps_its_headings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dataset = dir.path().join("deep.json");
    std::fs::write(&dataset, crate::common::deep_dataset(40)).expect("writes");
    let dataset = dataset.to_str().expect("UTF-8");
    // The nodes in the tree's order: "39. Level 39" outermost, down to the
    // item at the bottom.
    let mut nodes: Vec<String> = (0..40).rev().map(|l| format!("{l}. Level {l}")).collect();
    nodes.push("The deepest item".to_owned());

    let pdf = written(dir.path(), "deep.pdf", &["--dataset", dataset]);
    let outline = pdf_outline(&pdf);
    assert_eq!(
        outline,
        [
            (1, "A deep plan".to_owned()),
            (2, "39. Level 39".to_owned()),
            (1, "Charts".to_owned()),
            (1, "Sources".to_owned()),
        ]
    );
    let text = pdf_text(&pdf);
    let mut from = 0;
    for node in &nodes {
        let at = text[from..]
            .find(node.as_str())
            .unwrap_or_else(|| panic!("{node:?} is lost from the PDF, or out of order"));
        from += at + node.len();
    }
    assert!(text.contains("The deepest item At the bottom."), "{text}");

    let docx = written(dir.path(), "deep.docx", &["--dataset", dataset]);
    let headings: Vec<(usize, String)> = docx_paragraphs(&docx)
        .into_iter()
        .filter_map(|(style, text)| {
            let level = style.strip_prefix("Heading")?.parse().ok()?;
            Some((level, text))
        })
        .collect();
    let mut expected = vec![
        (1, "Contents".to_owned()),
        (1, "A deep plan".to_owned()),
        (2, nodes[0].clone()),
    ];
    expected.extend(nodes[1..40].iter().map(|node| (3, node.clone())));
    expected.push((4, "The deepest item".to_owned()));
    expected.push((1, "Charts".to_owned()));
    expected.push((1, "Sources".to_owned()));
    // The one source, titled "t", under Sources.
    expected.push((4, "t".to_owned()));
    assert_eq!(headings, expected);
}
