//! The briefing as a Word document (also read by WPS and LibreOffice): real
//! heading styles (Heading 1 to 4, with outline levels, so the navigation
//! pane and a table of contents work), the text as paragraphs, each quote in
//! the Quote style with its source (and its URL, where known) as a
//! footnote, the charts as pictures (drawn by the chart scene), the sources
//! as a list (each URL a link, each quote in its sentence where the source
//! carries its text), and a running header with page numbers in the footer.
//!
//! Written with docx-rs: the maintained Word writer for Rust (paragraph and
//! character styles, footnotes, headers and footers, pictures, a table of
//! contents field), with none of its image-decoding features, since the
//! pictures are PNGs made here.

use docx_rs::{
    AlignmentType, Docx, Footer, Footnote, Header, Hyperlink, HyperlinkType, NumPages, PageNum,
    Paragraph, Pic, Run, RunFonts, Style, StyleType, TableOfContents,
};

use super::{Briefing, BriefingError, step};
use crate::chart::{Page, Paper};
use crate::dataset::Dataset;
use crate::i18n::{Lang, T, fill, tr};
use crate::job::Progress;
use crate::view::amount::Convention;

/// Why a briefing's Word document could not be written.
///
/// Its English is its `Display`; `src/i18n/writers.rs` words it in each
/// language.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum DocxError {
    /// A chart could not be drawn.
    Chart(#[from] crate::chart::RenderError),
    /// The document could not be packed, in docx-rs's words.
    Pack(String),
}

/// The width of the text on an A4 page with 2.5 cm margins, in EMU.
const TEXT_WIDTH_EMU: u32 = 5_760_720;

fn styles(docx: Docx, lang: Lang) -> Docx {
    let east_asia = "Noto Sans CJK SC";
    let fonts = RunFonts::new()
        .ascii("Noto Sans")
        .hi_ansi("Noto Sans")
        .east_asia(match lang {
            Lang::En | Lang::Zh => east_asia,
        });
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(size)
            .bold()
            .color("1D1D1D")
            .outline_lvl(level)
    };
    docx.default_fonts(fonts)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(52)
                .bold(),
        )
        .add_style(heading("Heading1", "heading 1", 36, 0))
        .add_style(heading("Heading2", "heading 2", 28, 1))
        .add_style(heading("Heading3", "heading 3", 23, 2))
        .add_style(heading("Heading4", "heading 4", 21, 3))
        .add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .italic()
                .color("2B4A6B")
                .indent(Some(720), None, None, None),
        )
        .add_style(
            Style::new("Facts", StyleType::Paragraph)
                .name("Facts")
                .based_on("Normal")
                .size(18)
                .color("4A4A4A"),
        )
}

fn paragraph(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

/// Each plan, its facts, and its nodes with their figures and quotes (each
/// quote's source as a footnote).
fn plans(
    mut docx: Docx,
    dataset: &Dataset,
    briefing: &Briefing,
    progress: &Progress,
) -> Result<Docx, BriefingError> {
    let lang = briefing.lang;
    progress.add_total(briefing.plans.iter().map(|p| p.nodes.len() as u64).sum());
    for plan in &briefing.plans {
        docx = docx.add_paragraph(paragraph("Heading1", &plan.title));
        for fact in &plan.facts {
            docx = docx.add_paragraph(paragraph("Facts", fact));
        }
        for node in &plan.nodes {
            step(progress)?;
            let style = match (node.kind, node.depth) {
                (crate::dataset::NodeKind::Chapter, _) | (_, 0) => "Heading2",
                (crate::dataset::NodeKind::Measure, _) => "Heading3",
                (crate::dataset::NodeKind::Item, _) => "Heading4",
            };
            docx = docx.add_paragraph(paragraph(style, &node.heading));
            if !node.text.trim().is_empty() {
                docx = docx.add_paragraph(paragraph("Normal", &node.text));
            }
            for fact in &node.facts {
                docx = docx.add_paragraph(paragraph("Facts", fact));
            }
            for figure in &node.figures {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style("Normal")
                        .add_run(Run::new().add_text(&figure.line).bold()),
                );
                if let Some(caveat) = &figure.caveat {
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .style("Normal")
                            .add_run(Run::new().add_text(caveat).color("9A3412")),
                    );
                }
                for (source, quote) in &figure.quotes {
                    let source = &dataset.sources[source.index()];
                    let note =
                        Footnote::new().add_content(paragraph("Normal", &cited(source, lang)));
                    docx = docx.add_paragraph(
                        Paragraph::new()
                            .style("Quote")
                            .add_run(Run::new().add_text(format!("“{quote}”")))
                            .add_run(Run::new().add_footnote_reference(note)),
                    );
                }
            }
        }
    }
    Ok(docx)
}

/// A source as a footnote cites it: its title and date, and its URL where
/// known. The URL is text, not a link: docx-rs gives footnotes no
/// relationships of their own, which an external link needs.
fn cited(source: &crate::dataset::Source, lang: Lang) -> String {
    let named = crate::view::table::source_with_date(source, lang);
    match &source.url {
        Some(url) => fill(lang, T::BriefingCitedAt, &[&named, url]),
        None => named,
    }
}

/// The sources section: each source's title, facts and URL (a link), then
/// each quote used, in its sentence where the source carries its text, and
/// the measures it is quoted for.
fn sources(mut docx: Docx, briefing: &Briefing) -> Docx {
    let lang = briefing.lang;
    docx = docx.add_paragraph(paragraph("Heading1", tr(lang, T::BriefingSources)));
    for source in &briefing.sources {
        docx = docx
            .add_paragraph(paragraph("Heading4", &source.title))
            .add_paragraph(paragraph("Facts", &source.facts));
        if let Some(url) = &source.url {
            docx = docx.add_paragraph(
                Paragraph::new().style("Facts").add_hyperlink(
                    Hyperlink::new(url, HyperlinkType::External)
                        .add_run(Run::new().add_text(url).color("2B4A6B").underline("single")),
                ),
            );
        }
        for quote in &source.quotes {
            docx = docx.add_paragraph(paragraph("Quote", &format!("“{}”", quote.quote)));
            if let Some(context) = &quote.context {
                let text = &context.text;
                let (before, marked, after) = (
                    text.get(..context.quote.start).unwrap_or_default(),
                    text.get(context.quote.clone()).unwrap_or_default(),
                    text.get(context.quote.end..).unwrap_or_default(),
                );
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .style("Facts")
                        .indent(Some(720), None, None, None)
                        .add_run(Run::new().add_text(tr(lang, T::BriefingInContext)))
                        .add_run(Run::new().add_text(before))
                        .add_run(Run::new().add_text(marked).bold())
                        .add_run(Run::new().add_text(after)),
                );
            }
            let list = quote
                .places
                .join(if lang == Lang::Zh { "；" } else { "; " });
            docx = docx.add_paragraph(paragraph(
                "Facts",
                &fill(lang, T::BriefingQuotedIn, &[&list]),
            ));
        }
    }
    docx
}

/// The charts as pictures at three pixels a point, each with its title.
fn charts(
    mut docx: Docx,
    dataset: &Dataset,
    briefing: &Briefing,
    convention: Convention,
) -> Result<Docx, DocxError> {
    let lang = briefing.lang;
    if !briefing.charts.is_empty() {
        docx = docx.add_paragraph(paragraph("Heading1", tr(lang, T::BriefingCharts)));
        let page = Page::of(crate::chart::Preset::HalfPage, Paper::Light);
        for scene in super::chart_scenes(dataset, briefing, convention, &page) {
            let pixels = crate::chart::render::pixels(&scene, 3.0)?;
            let png = crate::chart::render::png(&scene, 3.0)?;
            let height = u32::try_from(
                u64::from(TEXT_WIDTH_EMU) * u64::from(pixels.height)
                    / u64::from(pixels.width.max(1)),
            )
            .unwrap_or(TEXT_WIDTH_EMU);
            let pic = Pic::new_with_dimensions(png, pixels.width, pixels.height)
                .size(TEXT_WIDTH_EMU, height);
            docx = docx
                .add_paragraph(
                    Paragraph::new()
                        .style("Normal")
                        .add_run(Run::new().add_image(pic)),
                )
                .add_paragraph(paragraph("Facts", &scene.title));
        }
    }
    Ok(docx)
}

/// The briefing as the bytes of a `.docx` file.
pub fn write(
    dataset: &Dataset,
    briefing: &Briefing,
    convention: Convention,
    progress: &Progress,
) -> Result<Vec<u8>, BriefingError> {
    let lang = briefing.lang;
    let header = Header::new().add_paragraph(paragraph("Facts", &briefing.title));
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Facts")
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" / "))
            .add_num_pages(NumPages::new()),
    );
    let mut docx = styles(Docx::new(), lang)
        .header(header)
        .footer(footer)
        .add_paragraph(paragraph("Title", &briefing.title));
    for line in &briefing.cover {
        docx = docx.add_paragraph(paragraph("Facts", line));
    }
    docx = docx
        .add_paragraph(paragraph("Heading1", tr(lang, T::BriefingContents)))
        .add_table_of_contents(
            TableOfContents::new()
                .heading_styles_range(1, 2)
                .alias(tr(lang, T::BriefingContents))
                .auto(),
        );
    docx = plans(docx, dataset, briefing, progress)?;
    docx = charts(docx, dataset, briefing, convention)?;
    docx = sources(docx, briefing);
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| DocxError::Pack(e.to_string()))?;
    Ok(bytes.into_inner())
}
