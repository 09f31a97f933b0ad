//! The briefing as a PDF: A4 pages with a running header and page numbers,
//! a cover, a contents page whose entries link to their pages, each plan and
//! its measures in tree order, the charts drawn as vectors by the chart
//! scene, and the sources with every quote used, each in the sentence
//! around it (the quote in bold) where the source carries its text, and
//! the source's URL as a link. Plans and their chapters are the document's
//! outline (bookmarks); each quote links to its source's entry. Text is
//! set in the bundled fonts, embedded and subset by krilla, so it can be
//! selected and searched in English and Chinese.

use std::collections::BTreeMap;
use std::ops::Range;

use krilla::action::LinkAction;
use krilla::annotation::{LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{Point, Rect, Size, Transform};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::paint::Fill;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla_svg::SurfaceExt as _;
use std::num::NonZeroU16;

use super::{Briefing, BriefingError, step};
use crate::chart::scene::Rgb;
use crate::chart::{Page as ChartPage, Paper, fonts};
use crate::dataset::{Dataset, NodeKind, SourceIx};
use crate::i18n::{self, Lang, T, tr};
use crate::job::Progress;
use crate::view::amount::Convention;

/// Why a briefing's PDF could not be written.
///
/// Its English is its `Display`; `src/i18n/writers.rs` words it in each
/// language.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// A bundled font did not load (a bug in the build).
    Fonts,
    /// A chart could not be drawn.
    Chart(#[from] crate::chart::RenderError),
    /// The charts' page size was refused (a bug: it is fixed).
    Page(crate::chart::PageError),
    /// krilla could not write the document, in its words.
    Write(String),
}

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 64.0;
const TOP: f32 = 78.0;
const BOTTOM: f32 = 770.0;
const BODY: f32 = 10.5;
const LINE: f32 = 1.45;

const TEXT: Rgb = Rgb(0x1d, 0x1d, 0x1d);
const MUTED: Rgb = Rgb(0x4a, 0x4a, 0x4a);
const QUOTE: Rgb = Rgb(0x2b, 0x4a, 0x6b);
/// Caveats: a dark amber, 7:1 on white.
const CAVEAT: Rgb = Rgb(0x9a, 0x34, 0x12);

/// The block of the running header and page numbers: artifacts, not part
/// of the document's structure.
const FURNITURE: usize = usize::MAX;

/// One thing drawn on a page.
enum Op {
    Text {
        x: f32,
        y: f32,
        text: String,
        size: f32,
        bold: bool,
        color: Rgb,
        /// The logical block (heading, paragraph, quote) it belongs to.
        block: usize,
    },
    Chart {
        scene: Box<crate::chart::Scene>,
        x: f32,
        y: f32,
        block: usize,
    },
}

/// What a block of the document is, for the PDF's tags (its structure for
/// screen readers and reflow).
#[derive(Clone, Debug)]
enum Block {
    Heading(u16, String),
    Paragraph,
    Quote,
    Figure(String),
}

/// A place in the document: page index and the y of its top.
type Place = (usize, f32);

/// An entry of the outline and the contents.
struct Mark {
    title: String,
    level: u8,
    place: Place,
}

/// Lays the briefing out page by page before anything is written, so the
/// contents and the links know where everything landed.
struct Layout {
    lang: Lang,
    pages: Vec<Vec<Op>>,
    y: f32,
    marks: Vec<Mark>,
    sources: BTreeMap<SourceIx, Place>,
    /// Links from a quote (page, rectangle) to its source's entry.
    links: Vec<(usize, Rect, SourceIx)>,
    /// Links from a contents line (page, rectangle) to a page.
    page_links: Vec<(usize, Rect, usize)>,
    /// Links from a measure's heading (page, rectangle) to its figures.
    jumps: Vec<(usize, Rect, Place)>,
    /// Links from a URL (page, rectangle) out of the document.
    web: Vec<(usize, Rect, String)>,
    /// The document's blocks in reading order.
    blocks: Vec<Block>,
}

impl Layout {
    fn page(&self) -> usize {
        self.pages.len() - 1
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn need(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Sets `text` wrapped to the text width less `indent`, breaking across
    /// pages between lines. Returns the place of its first line and the box
    /// of all its lines on that page.
    fn paragraph(&mut self, text: &str, style: Style) -> (Place, Rect) {
        let width = PAGE_W - 2.0 * MARGIN_X - style.indent;
        let lines = fonts::wrap(text, width, style.size, style.bold, self.lang)
            .into_iter()
            .map(|line| vec![(line, style.bold)])
            .collect();
        self.set_lines(lines, style)
    }

    /// Sets `text` as [`Self::paragraph`] does, its bytes `mark` in bold.
    fn marked_paragraph(&mut self, text: &str, mark: Range<usize>, style: Style) -> (Place, Rect) {
        let width = PAGE_W - 2.0 * MARGIN_X - style.indent;
        // Measured in bold throughout, so a line holding bold words fits.
        let lines = fonts::wrap(text, width, style.size, true, self.lang);
        // Wrapping keeps every character but white space, in order, so the
        // marked words are found again in the lines by counting the rest.
        let kept = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        let from = text.get(..mark.start).map_or(0, kept);
        let to = text.get(..mark.end).map_or(from, kept);
        let mut seen = 0;
        let mut bold = false;
        let lines = lines
            .into_iter()
            .map(|line| {
                let mut runs: Vec<(String, bool)> = Vec::new();
                for c in line.chars() {
                    // White space is bold only between bold words.
                    if c.is_whitespace() {
                        bold = bold && (from..to).contains(&seen);
                    } else {
                        bold = (from..to).contains(&seen);
                        seen += 1;
                    }
                    match runs.last_mut() {
                        Some((run, b)) if *b == bold => run.push(c),
                        _ => runs.push((c.to_string(), bold)),
                    }
                }
                runs
            })
            .collect();
        self.set_lines(lines, style)
    }

    /// Sets lines already wrapped, each a list of runs (text, bold).
    fn set_lines(&mut self, lines: Vec<Vec<(String, bool)>>, style: Style) -> (Place, Rect) {
        let step = style.size * LINE;
        let block = self.blocks.len();
        self.blocks.push(style.block);
        self.y += style.before;
        // Keep a heading with the two lines after it.
        self.need(step * (lines.len().min(2) as f32 + style.keep));
        let first = (self.page(), self.y);
        let mut bottom = self.y;
        for line in lines {
            self.need(step);
            let baseline = self.y + style.size * 0.9;
            let mut x = MARGIN_X + style.indent;
            // A line of one weight is set whole. Where weights change, the
            // runs are placed by their widths without kerning, which the
            // PDF applies: set word by word, the difference is spread over
            // the spaces instead of gathering before the bold words.
            let mixed = line.len() > 1;
            for (run, bold) in line {
                let pieces: Vec<&str> = if mixed {
                    run.split_inclusive(' ').collect()
                } else {
                    vec![run.as_str()]
                };
                for text in pieces {
                    let advance = fonts::text_width(text, style.size, bold, self.lang);
                    self.push(Op::Text {
                        x,
                        y: baseline,
                        text: text.to_owned(),
                        size: style.size,
                        bold,
                        color: style.color,
                        block,
                    });
                    x += advance;
                }
            }
            self.y += step;
            if self.page() == first.0 {
                bottom = self.y;
            }
        }
        self.y += style.after;
        let rect = Rect::from_ltrb(MARGIN_X + style.indent, first.1, PAGE_W - MARGIN_X, bottom)
            .unwrap_or_else(fallback_rect);
        (first, rect)
    }

    fn heading(&mut self, text: &str, level: u8, outline: bool) -> (Place, Rect) {
        let (size, before) = match level {
            1 => (18.0, 6.0),
            2 => (14.0, 10.0),
            3 => (11.5, 8.0),
            _ => (BODY, 6.0),
        };
        let (place, rect) = self.paragraph(
            text,
            Style {
                size,
                bold: true,
                color: TEXT,
                indent: 0.0,
                before,
                after: 3.0,
                keep: 2.0,
                block: Block::Heading(u16::from(level), text.to_owned()),
            },
        );
        if outline {
            self.marks.push(Mark {
                title: text.to_owned(),
                level,
                place,
            });
        }
        (place, rect)
    }
}

/// A rectangle that always exists, for the impossible case.
fn fallback_rect() -> Rect {
    #[expect(
        clippy::unwrap_used,
        reason = "A 1x1 box at the origin is a valid rectangle."
    )]
    Rect::from_xywh(0.0, 0.0, 1.0, 1.0).unwrap()
}

/// How a paragraph is set.
#[derive(Clone)]
struct Style {
    size: f32,
    bold: bool,
    color: Rgb,
    indent: f32,
    before: f32,
    after: f32,
    /// Lines of what follows that must fit on the same page.
    keep: f32,
    /// What the paragraph is, for the tags.
    block: Block,
}

fn body(color: Rgb, indent: f32) -> Style {
    Style {
        size: BODY,
        bold: false,
        color,
        indent,
        before: 0.0,
        after: 4.0,
        keep: 0.0,
        // Quotes are set in their own colour, and tagged as quotes.
        block: if color == QUOTE {
            Block::Quote
        } else {
            Block::Paragraph
        },
    }
}

/// The bundled fonts as krilla's.
struct Faces {
    latin: [Font; 2],
    cjk: [Font; 2],
}

impl Faces {
    fn new() -> Result<Self, PdfError> {
        let font = |data: &'static [u8]| {
            Font::new(krilla::Data::from(data.to_vec()), 0).ok_or(PdfError::Fonts)
        };
        Ok(Self {
            latin: [font(fonts::LATIN_REGULAR)?, font(fonts::LATIN_BOLD)?],
            cjk: [font(fonts::CJK_REGULAR)?, font(fonts::CJK_BOLD)?],
        })
    }

    /// The Chinese or the Latin face.
    fn face(&self, cjk: bool, bold: bool) -> Font {
        let weight = usize::from(bold);
        if cjk {
            self.cjk[weight].clone()
        } else {
            self.latin[weight].clone()
        }
    }
}

/// The briefing as PDF bytes. `dataset` and `convention` draw the charts.
pub fn write(
    dataset: &Dataset,
    briefing: &Briefing,
    convention: Convention,
    date: (u16, u8, u8),
    progress: &Progress,
) -> Result<Vec<u8>, BriefingError> {
    let lang = briefing.lang;
    let mut layout = Layout {
        lang,
        pages: Vec::new(),
        y: TOP,
        marks: Vec::new(),
        sources: BTreeMap::new(),
        links: Vec::new(),
        page_links: Vec::new(),
        jumps: Vec::new(),
        web: Vec::new(),
        blocks: Vec::new(),
    };
    cover(&mut layout, briefing);
    // The contents: one line for each plan, the charts and the sources,
    // on pages of their own, filled in once the rest is laid out.
    let entries = briefing.plans.len() + 2;
    let per_page = 40;
    let contents_first = layout.pages.len();
    for _ in 0..entries.div_ceil(per_page) {
        layout.new_page();
    }
    let nodes: usize = briefing.plans.iter().map(|p| p.nodes.len()).sum();
    progress.add_total(nodes as u64);
    plans(&mut layout, briefing, progress)?;
    charts(&mut layout, dataset, briefing, convention)?;
    sources(&mut layout, briefing);
    contents(&mut layout, contents_first, per_page);
    progress.add_total(layout.pages.len() as u64);
    render(&layout, briefing, date, progress)
}

fn cover(layout: &mut Layout, briefing: &Briefing) {
    layout.new_page();
    layout.y = 220.0;
    layout.paragraph(
        &briefing.title,
        Style {
            size: 26.0,
            bold: true,
            color: TEXT,
            indent: 0.0,
            before: 0.0,
            after: 18.0,
            keep: 0.0,
            block: Block::Heading(1, briefing.title.clone()),
        },
    );
    for line in &briefing.cover {
        layout.paragraph(
            line,
            Style {
                after: 6.0,
                ..body(MUTED, 0.0)
            },
        );
    }
}

fn plans(
    layout: &mut Layout,
    briefing: &Briefing,
    progress: &Progress,
) -> Result<(), BriefingError> {
    let lang = layout.lang;
    for plan in &briefing.plans {
        layout.new_page();
        layout.heading(&plan.title, 1, true);
        for fact in &plan.facts {
            layout.paragraph(
                fact,
                Style {
                    after: 1.0,
                    ..body(MUTED, 0.0)
                },
            );
        }
        for node in &plan.nodes {
            step(progress)?;
            let (level, outline) = match (node.kind, node.depth) {
                (NodeKind::Chapter, _) | (_, 0) => (2, true),
                (NodeKind::Measure, _) => (3, false),
                (NodeKind::Item, _) => (4, false),
            };
            let (heading, heading_rect) = layout.heading(&node.heading, level, outline);
            if !node.text.trim().is_empty() {
                layout.paragraph(&node.text, body(TEXT, 0.0));
            }
            for fact in &node.facts {
                layout.paragraph(
                    fact,
                    Style {
                        after: 1.0,
                        ..body(MUTED, 0.0)
                    },
                );
            }
            if !node.figures.is_empty() {
                let (figures, _) = layout.paragraph(
                    tr(lang, T::BriefingFigures),
                    Style {
                        bold: true,
                        before: 4.0,
                        after: 2.0,
                        keep: 1.0,
                        ..body(TEXT, 12.0)
                    },
                );
                // The measure's heading leads to its figures.
                layout.jumps.push((heading.0, heading_rect, figures));
            }
            for figure in &node.figures {
                layout.paragraph(
                    &figure.line,
                    Style {
                        after: 1.0,
                        ..body(TEXT, 12.0)
                    },
                );
                if let Some(caveat) = &figure.caveat {
                    layout.paragraph(
                        caveat,
                        Style {
                            after: 2.0,
                            ..body(CAVEAT, 12.0)
                        },
                    );
                }
                for (source, quote) in &figure.quotes {
                    let (place, rect) = layout.paragraph(
                        &format!("“{quote}”"),
                        Style {
                            after: 3.0,
                            ..body(QUOTE, 24.0)
                        },
                    );
                    layout.links.push((place.0, rect, *source));
                }
            }
        }
    }
    Ok(())
}

fn charts(
    layout: &mut Layout,
    dataset: &Dataset,
    briefing: &Briefing,
    convention: Convention,
) -> Result<(), BriefingError> {
    if briefing.charts.is_empty() {
        return Ok(());
    }
    layout.new_page();
    layout.heading(tr(layout.lang, T::BriefingCharts), 1, true);
    let width = PAGE_W - 2.0 * MARGIN_X;
    let height = (width * 0.62).round();
    let page = ChartPage::custom(width, height, Paper::Light).map_err(PdfError::Page)?;
    for scene in super::chart_scenes(dataset, briefing, convention, &page) {
        layout.need(height + 12.0);
        let y = layout.y;
        let block = layout.blocks.len();
        layout.blocks.push(Block::Figure(scene.title.clone()));
        layout.push(Op::Chart {
            scene: Box::new(scene),
            x: MARGIN_X,
            y,
            block,
        });
        layout.y += height + 18.0;
    }
    Ok(())
}

fn sources(layout: &mut Layout, briefing: &Briefing) {
    let lang = layout.lang;
    layout.new_page();
    layout.heading(tr(lang, T::BriefingSources), 1, true);
    for source in &briefing.sources {
        let (place, _) = layout.heading(&source.title, 4, false);
        layout.sources.insert(source.source, place);
        layout.paragraph(
            &source.facts,
            Style {
                after: if source.url.is_some() { 1.0 } else { 3.0 },
                ..body(MUTED, 0.0)
            },
        );
        if let Some(url) = &source.url {
            let (place, rect) = layout.paragraph(
                url,
                Style {
                    after: 3.0,
                    ..body(QUOTE, 0.0)
                },
            );
            layout.web.push((place.0, rect, url.clone()));
        }
        for quote in &source.quotes {
            layout.paragraph(
                &format!("“{}”", quote.quote),
                Style {
                    after: 1.0,
                    ..body(QUOTE, 12.0)
                },
            );
            // The sentence around it, the quote in bold, so a reader sees
            // the words in their place.
            if let Some(context) = &quote.context {
                let label = tr(lang, T::BriefingInContext);
                let mark = label.len() + context.quote.start..label.len() + context.quote.end;
                layout.marked_paragraph(
                    &format!("{label}{}", context.text),
                    mark,
                    Style {
                        size: 9.0,
                        after: 1.0,
                        ..body(MUTED, 24.0)
                    },
                );
            }
            let list = quote
                .places
                .join(if lang == Lang::Zh { "；" } else { "; " });
            layout.paragraph(
                &i18n::fill(lang, T::BriefingQuotedIn, &[&list]),
                Style {
                    size: 8.5,
                    after: 4.0,
                    ..body(MUTED, 12.0)
                },
            );
        }
    }
}

/// Fills the contents pages reserved after the cover.
fn contents(layout: &mut Layout, first: usize, per_page: usize) {
    let lang = layout.lang;
    let entries: Vec<(String, usize)> = layout
        .marks
        .iter()
        .filter(|m| m.level == 1)
        .map(|m| (m.title.clone(), m.place.0))
        .collect();
    let mut ops: Vec<(usize, Op)> = Vec::new();
    let title_y = TOP + 18.0;
    let contents_title = tr(lang, T::BriefingContents).to_owned();
    let heading = layout.blocks.len();
    layout
        .blocks
        .push(Block::Heading(1, contents_title.clone()));
    ops.push((
        first,
        Op::Text {
            x: MARGIN_X,
            y: title_y,
            text: contents_title,
            size: 18.0,
            bold: true,
            color: TEXT,
            block: heading,
        },
    ));
    for (i, (title, page)) in entries.iter().enumerate() {
        let block = layout.blocks.len();
        layout.blocks.push(Block::Paragraph);
        let on = first + i / per_page;
        let y = title_y + 30.0 + (i % per_page) as f32 * BODY * 1.6;
        let width = PAGE_W - 2.0 * MARGIN_X - 40.0;
        let text = fonts::clamp_lines(
            fonts::wrap(title, width, BODY, false, lang),
            1,
            width,
            BODY,
            false,
            lang,
        )
        .concat();
        ops.push((
            on,
            Op::Text {
                x: MARGIN_X,
                y,
                text,
                size: BODY,
                bold: false,
                color: TEXT,
                block,
            },
        ));
        let number = (page + 1).to_string();
        let number_x = PAGE_W - MARGIN_X - fonts::text_width(&number, BODY, false, lang);
        ops.push((
            on,
            Op::Text {
                x: number_x,
                y,
                text: number,
                size: BODY,
                bold: false,
                color: MUTED,
                block,
            },
        ));
        if let Some(rect) = Rect::from_ltrb(MARGIN_X, y - BODY, PAGE_W - MARGIN_X, y + 3.0) {
            layout.page_links.push((on, rect, *page));
        }
    }
    for (page, op) in ops {
        if let Some(ops) = layout.pages.get_mut(page) {
            ops.push(op);
        }
    }
}

fn fill(color: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}

/// Draws one page's text and charts, with the running header and the page
/// number on every page but the cover.
fn draw_page(
    surface: &mut krilla::surface::Surface<'_>,
    faces: &Faces,
    ops: &[Op],
    (index, total): (usize, usize),
    briefing: &Briefing,
    tags: &mut Tags,
) -> Result<(), PdfError> {
    let lang = briefing.lang;
    let mut furniture = Vec::new();
    if index > 0 {
        let number = i18n::fill(lang, T::BriefingPage, &[&(index + 1), &total]);
        let width = fonts::text_width(&number, 8.0, false, lang);
        furniture.push(Op::Text {
            x: MARGIN_X,
            y: 44.0,
            text: briefing.title.clone(),
            size: 8.0,
            bold: false,
            color: MUTED,
            block: FURNITURE,
        });
        furniture.push(Op::Text {
            x: (PAGE_W - width) / 2.0,
            y: PAGE_H - 36.0,
            text: number,
            size: 8.0,
            bold: false,
            color: MUTED,
            block: FURNITURE,
        });
    }
    for op in furniture.iter().chain(ops) {
        match op {
            Op::Text {
                x,
                y,
                text,
                size,
                bold,
                color,
                block,
            } => {
                let tag = if *block == FURNITURE {
                    let kind = if *y > PAGE_H / 2.0 {
                        ArtifactType::PageNumber
                    } else {
                        ArtifactType::Header
                    };
                    ContentTag::Artifact(Artifact::new(kind, None))
                } else {
                    ContentTag::Span(SpanTag::empty())
                };
                let id = surface.start_tagged(tag);
                surface.set_fill(Some(fill(*color)));
                // One face per run: a character only the other face has
                // (⚠ in Chinese text) is set in that one.
                let mut at = *x;
                for (run, cjk) in fonts::face_runs(text) {
                    surface.draw_text(
                        Point::from_xy(at, *y),
                        faces.face(cjk, *bold),
                        *size,
                        run,
                        false,
                        TextDirection::Auto,
                    );
                    at += fonts::run_width(run, *size, *bold, cjk);
                }
                surface.end_tagged();
                if *block != FURNITURE {
                    tags.note(*block, (index, *y), id);
                }
            }
            Op::Chart { scene, x, y, block } => {
                let tree = crate::chart::render::tree(scene)?;
                let size = Size::from_wh(scene.width, scene.height)
                    .ok_or_else(|| PdfError::Write("chart size".into()))?;
                let id = surface.start_tagged(ContentTag::Other);
                surface.push_transform(&Transform::from_translate(*x, *y));
                // The chart's own text is part of the figure, not spans of
                // the document's text.
                let settings = krilla_svg::SvgSettings::default();
                surface.draw_svg(&tree, size, settings);
                surface.pop();
                surface.end_tagged();
                tags.note(*block, (index, *y), id);
            }
        }
    }
    Ok(())
}

/// The tagged content of each block, and where the block starts, gathered
/// while the pages are drawn.
#[derive(Default)]
struct Tags {
    blocks: BTreeMap<usize, ((usize, f32), Vec<Identifier>)>,
}

impl Tags {
    fn note(&mut self, block: usize, at: (usize, f32), id: Identifier) {
        self.blocks
            .entry(block)
            .or_insert_with(|| (at, Vec::new()))
            .1
            .push(id);
    }

    /// The document's structure in reading order (page, then height): a
    /// heading, paragraph, quote or figure for each block.
    fn tree(self, blocks: &[Block]) -> TagTree {
        let mut entries: Vec<_> = self.blocks.into_iter().collect();
        entries.sort_by(|(_, (a, _)), (_, (b, _))| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut tree = TagTree::new();
        for (block, (_, ids)) in entries {
            let kind: TagKind = match blocks.get(block) {
                Some(Block::Heading(level, title)) => Tag::Hn(
                    NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
                    Some(title.clone()),
                )
                .into(),
                Some(Block::Quote) => Tag::BlockQuote.into(),
                Some(Block::Figure(alt)) => Tag::Figure(Some(alt.clone())).into(),
                Some(Block::Paragraph) | None => Tag::P.into(),
            };
            let mut group = TagGroup::new(kind);
            for id in ids {
                group.push(id);
            }
            tree.push(group);
        }
        tree
    }
}

/// The links that start on page `index`: quotes to their sources, contents
/// lines to their pages, measures' headings to their figures, URLs out of
/// the document.
fn links_on(layout: &Layout, index: usize) -> Vec<LinkAnnotation> {
    let link = |rect: Rect, page: usize, y: f32| {
        let destination = XyzDestination::new(page, Point::from_xy(MARGIN_X, y));
        LinkAnnotation::new(rect, Target::Destination(destination.into()))
    };
    let quotes = layout
        .links
        .iter()
        .filter(|(on, ..)| *on == index)
        .filter_map(|(_, rect, source)| {
            let (page, y) = layout.sources.get(source)?;
            Some(link(*rect, *page, *y))
        });
    let contents = layout
        .page_links
        .iter()
        .filter(|(on, ..)| *on == index)
        .map(|(_, rect, page)| link(*rect, *page, TOP));
    let jumps = layout
        .jumps
        .iter()
        .filter(|(on, ..)| *on == index)
        .map(|(_, rect, (page, y))| link(*rect, *page, *y));
    let web = layout
        .web
        .iter()
        .filter(|(on, ..)| *on == index)
        .map(|(_, rect, url)| {
            LinkAnnotation::new(*rect, Target::Action(LinkAction::new(url.clone()).into()))
        });
    quotes.chain(contents).chain(jumps).chain(web).collect()
}

fn render(
    layout: &Layout,
    briefing: &Briefing,
    date: (u16, u8, u8),
    progress: &Progress,
) -> Result<Vec<u8>, BriefingError> {
    let faces = Faces::new()?;
    let total = layout.pages.len();
    let size = Size::from_wh(PAGE_W, PAGE_H).ok_or_else(|| PdfError::Write("page size".into()))?;
    let mut document = krilla::Document::new();
    let mut tags = Tags::default();
    for (index, ops) in layout.pages.iter().enumerate() {
        step(progress)?;
        let mut page = document.start_page_with(krilla::page::PageSettings::new(size));
        let mut surface = page.surface();
        draw_page(
            &mut surface,
            &faces,
            ops,
            (index, total),
            briefing,
            &mut tags,
        )?;
        surface.finish();
        for link in links_on(layout, index) {
            page.add_annotation(link.into());
        }
        page.finish();
    }
    document.set_outline(outline(layout));
    document.set_tag_tree(tags.tree(&layout.blocks));
    let (year, month, day) = date;
    let language = match briefing.lang {
        Lang::En => "en",
        Lang::Zh => "zh-Hans",
    };
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(briefing.title.clone())
            .authors(vec!["Plan Explorer".to_owned()])
            .creator("Plan Explorer".to_owned())
            .language(language.to_owned())
            .creation_date(krilla::metadata::DateTime::new(year).month(month).day(day)),
    );
    let bytes = document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    Ok(bytes)
}

/// Plans (and the charts and sources) at the top, chapters below them.
fn outline(layout: &Layout) -> Outline {
    let mut outline = Outline::new();
    let mut current: Option<OutlineNode> = None;
    for mark in &layout.marks {
        let destination = XyzDestination::new(mark.place.0, Point::from_xy(MARGIN_X, mark.place.1));
        let node = OutlineNode::new(mark.title.clone(), destination);
        if mark.level == 1 {
            if let Some(done) = current.take() {
                outline.push_child(done);
            }
            current = Some(node);
        } else if let Some(parent) = current.as_mut() {
            parent.push_child(node);
        }
    }
    if let Some(done) = current {
        outline.push_child(done);
    }
    outline
}
