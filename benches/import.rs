//! `cargo bench --bench import`: importing a 300-page PDF plan as
//! `plan-explorer import` does (reading it into its text with
//! `import::read::read_document`: the glyphs, lines, running heads and
//! page numbers dropped, paragraphs joined, hyphens repaired; then
//! drafting it with `import::prepare`: the tree, units, figures and the
//! draft's JSON) against poppler's `pdftotext` on the same file, in the
//! same run; and the peak heap of the read and of the whole import as
//! multiples of the file's size.
//!
//! The PDF is written here, so the bench needs no `LibreOffice`: the five
//! seed documents' paragraphs over and over, wrapped at the width of an
//! A4 page in 10-point Helvetica (a standard font, not embedded), each
//! page with a running head and a page number, as a plan printed from
//! Word has. `pdftotext` is timed as a user runs it, from its start to its
//! end, writing its text to a file.
//!
//! Goals (issue 24): importing (extract and draft) at most 2x
//! `pdftotext`'s time, peak memory at most 4x the file.
//!
//! `--test` (CI's quick run) reads 20 pages once, and skips `pdftotext`
//! if it is not installed, saying so.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use plan_explorer::dataset::{self, Dataset};
use plan_explorer::import::{Prepared, prepare, read};
use plan_explorer::job::Progress;

mod common;

#[global_allocator]
static GLOBAL: common::counting::Counting = common::counting::Counting;

/// The seeds' paragraphs, from the repository's fixture and the shared
/// seeds where they are (the fixture alone otherwise).
fn paragraphs() -> Vec<String> {
    common::seed_texts()
        .iter()
        .flat_map(|t| {
            t.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A paragraph's lines at about 95 characters.
fn wrap(paragraph: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in paragraph.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.len() + word.len() > 95 {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// A PDF literal string in `WinAnsiEncoding`.
fn literal(text: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut out = b"(".to_vec();
    for &b in bytes.iter() {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// A PDF of `pages` pages of the seeds' text; see the module's
/// documentation.
fn plan_pdf(pages: usize) -> Vec<u8> {
    const LINES_PER_PAGE: usize = 58;
    let source = paragraphs();
    let mut page_lines: Vec<Vec<String>> = vec![Vec::new()];
    'fill: for paragraph in source.iter().cycle() {
        for line in wrap(paragraph)
            .into_iter()
            .chain(std::iter::once(String::new()))
        {
            if page_lines.last().is_some_and(|p| p.len() >= LINES_PER_PAGE) {
                if page_lines.len() == pages {
                    break 'fill;
                }
                page_lines.push(Vec::new());
            }
            page_lines.last_mut().expect("a page").push(line);
        }
    }
    // Objects: 1 catalog, 2 pages, 3 font, then a page and its content
    // for each page.
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let mut kids = String::new();
    for i in 0..pages {
        let _ = write!(kids, "{} 0 R ", 4 + 2 * i);
    }
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{kids}] /Count {pages} >>").into_bytes());
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    for (i, lines) in page_lines.iter().enumerate() {
        let mut content = Vec::new();
        let line_at = |content: &mut Vec<u8>, x: u32, y: u32, text: &str| {
            content.extend(format!("BT /F1 10 Tf {x} {y} Td ").as_bytes());
            content.extend(literal(text));
            content.extend(b" Tj ET\n");
        };
        line_at(
            &mut content,
            72,
            806,
            "Shanghai plans: Medical Artificial Intelligence",
        );
        for (n, line) in lines.iter().enumerate() {
            if !line.is_empty() {
                let y = 780 - 12 * u32::try_from(n).expect("few lines");
                line_at(&mut content, 72, y, line);
            }
        }
        line_at(&mut content, 290, 40, &format!("- {} -", i + 1));
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend(&content);
        stream.extend(b"\nendstream");
        objects.push(stream);
    }
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(object);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    pdf.extend(table.as_bytes());
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// The median time of `samples` runs of `pdftotext` on `file`, or `None`
/// if it is not installed.
fn pdftotext(file: &Path, out: &Path, samples: usize) -> Option<Duration> {
    let run = || {
        Command::new("pdftotext")
            .arg(file)
            .arg(out)
            .status()
            .ok()
            .filter(std::process::ExitStatus::success)
    };
    run()?;
    Some(common::median_of(samples, || {
        black_box(run());
    }))
}

/// One import as the command line does it without `--into`: the document
/// read, then drafted (tree, units matched against `built_in`'s, figures)
/// into the draft's JSON.
fn import(file: &Path, built_in: &Dataset) -> (read::Document, Prepared) {
    let mut document = read::read_document(file, &Progress::default()).expect("the plan reads");
    // The text moves into the draft, as the command line's does.
    let text = std::mem::take(&mut document.text);
    let prepared = prepare(text, "plan.pdf", None, None, built_in, "2026-12-04");
    (document, prepared)
}

fn main() {
    let quick = std::env::args().any(|a| a == "--test");
    let (pages, samples) = if quick { (20, 1) } else { (300, 7) };
    let dir =
        std::env::temp_dir().join(format!("plan-explorer-bench-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("plan.pdf");
    let pdf = plan_pdf(pages);
    std::fs::write(&file, &pdf).expect("write the PDF");
    let size = pdf.len();
    drop(pdf);
    let built_in = dataset::load_embedded()
        .dataset
        .expect("the built-in dataset loads");

    let document = read::read_document(&file, &Progress::default()).expect("the plan reads");
    assert_eq!(document.format, read::Format::Pdf { pages });
    let paragraphs = document.paragraphs().count();
    let text = document.text;
    let nodes = import(&file, &built_in).1.draft.nodes.len();

    let read_time = common::median_of(samples, || {
        black_box(read::read_document(&file, &Progress::default()).expect("the plan reads"));
    });
    let draft_time = common::median_of(samples, || {
        black_box(prepare(
            text.clone(),
            "plan.pdf",
            None,
            None,
            &built_in,
            "2026-12-04",
        ));
    });
    let import_time = common::median_of(samples, || {
        black_box(import(&file, &built_in));
    });

    // Peaks: of the read alone, and of the whole import (the read's
    // document kept while it is drafted, as the command line does).
    common::counting::start();
    let document = black_box(read::read_document(&file, &Progress::default()));
    let read_peak = common::counting::stop() as f64;
    drop(document);
    common::counting::start();
    let imported = black_box(import(&file, &built_in));
    let import_peak = common::counting::stop() as f64;
    drop(imported);

    let poppler = pdftotext(&file, &dir.join("plan.txt"), samples);
    let _ = std::fs::remove_dir_all(&dir);

    println!("{}", common::measured_on());
    let mut table = common::Table::new(&[
        "PDF",
        "MB",
        "paragraphs",
        "nodes",
        "`pdftotext` ms",
        "read ms",
        "draft ms",
        "import ms",
        "import / `pdftotext`",
        "peak heap / file (read)",
        "peak heap / file (import)",
    ]);
    let mb = size as f64 / 1e6;
    let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1e3);
    table.row(vec![
        format!("{pages} pages"),
        format!("{mb:.2}"),
        paragraphs.to_string(),
        nodes.to_string(),
        poppler.map_or_else(|| "-".to_owned(), ms),
        ms(read_time),
        ms(draft_time),
        ms(import_time),
        poppler.map_or_else(
            || "-".to_owned(),
            |p| format!("{:.2}", import_time.as_secs_f64() / p.as_secs_f64()),
        ),
        format!("{:.2}", read_peak / size as f64),
        format!("{:.2}", import_peak / size as f64),
    ]);
    table.print();
    if poppler.is_none() {
        println!(
            "pdftotext is not installed (Debian: poppler-utils), so there is no ratio; \
             scripts/test installs it."
        );
    }
    println!(
        "Medians of {samples} runs in one process. read: `import::read::read_document` on the \
         file (glyphs, lines, running heads and page numbers dropped, paragraphs and hyphens \
         repaired), on its own thread as in the app; draft: `import::prepare` on its text (the \
         tree, units matched against the built-in dataset's, figures, the draft's JSON); \
         import: both, as `plan-explorer import` does; `pdftotext`: poppler's tool as a user \
         runs it, writing its text to a file. Peak heap: the most in use at once during one \
         read, and during one import, the file's bytes included. \
         Goals: import / `pdftotext` <= 2, peak heap / file <= 4."
    );
}
