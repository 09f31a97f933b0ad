//! PDFs with a text layer: each page's glyphs with their places, made into
//! lines here, then into paragraphs by [`super::repair`].
//!
//! # Which PDF reader, and why
//!
//! Compared on seed 002 written as .docx and printed by `LibreOffice` 7.4
//! (9 pages: justified, hyphenated, a running head, page numbers), a
//! Chinese plan printed the same way, and a 295-page PDF of the five
//! seeds 18 times over (1.1 MB), against poppler's `pdftotext`:
//!
//! | reader | seed 002 words right¹ | Chinese | 295 pages² | mutated files³ | crates added⁴ |
//! |---|---|---|---|---|---|
//! | `pdf-extract` 0.12 (lopdf) | 98.8% | all characters, `“”` out of place⁵ | 1.1-1.4 s | 35 panics, 0 hangs | ~30 |
//! | `pdf_oxide` 0.3.78 | 98.8% (joins "wet-lab" to "wetlab") | all characters | 1.0-1.2 s | 0 panics, 0 hangs | ~63 |
//! | `lopdf` 0.42 alone (`extract_text`) | 92%: "Intel - ligence", no positions | all characters | 0.44-0.58 s | 0 panics | ~25 |
//! | poppler (`pdftotext` 22) | 98.8% (joins "wet-lab" too) | all characters | 0.96-1.01 s | (C library) | system libraries |
//!
//! ¹ Words equal to the seed's after the running heads and page numbers
//! (which every reader keeps) are set aside. ² Median of three runs on
//! the shared 2-core machine, release builds. ³ 150 copies of the seed's
//! PDF with 1 to 20 random bytes changed, each given 10 s. ⁴ New crates in
//! this project's tree. ⁵ pdf-extract's own plain-text writer follows the
//! content stream, where `LibreOffice` draws a line's Western glyphs after
//! its Chinese ones; placed by position here, they are in order.
//!
//! `pdf-extract` is used, through its `OutputDev` hook, which hands over
//! every glyph with its text matrix, width and size: that is what tells a
//! line broken at the page's width from a paragraph's end, and a
//! line-end hyphen from a word's own. Its text is as right as poppler's
//! and `pdf_oxide`'s, its speed within 1.5x of `pdftotext`, and it adds half
//! the crates `pdf_oxide` does (`pdf_oxide`'s one crate is 34,000 lines in its
//! main file and took most of a 30-minute release build here; its 0.3
//! line has had 78 releases). Against it: its font code panics on damaged
//! fonts, where `pdf_oxide` did not; so each page is read apart and a panic
//! costs only that page (named in a [`Note::PagesUnreadable`]), and the
//! whole read runs on its own thread with a deadline, so a document that
//! made it loop would be given up ([`ReadDocError::Timeout`]). `pdf_oxide`
//! also maps predefined Chinese `CMaps` (`UniGB-UCS2-H`) and TrueType fonts
//! without a `ToUnicode` map, which pdf-extract does not: a PDF of that
//! kind gives [`ReadDocError::UnmappedText`] here (as it does, in
//! effect, in every reader when the fonts are subset Type 1 or TrueType
//! with their own codes, as `LibreOffice` writes them). Poppler's library
//! was set aside for being C in the app's process on hostile files, and a
//! system dependency on every platform the app ships to.
//!
//! Replacement text (`/ActualText`), which poppler reads and pdf-extract
//! does not, is put where pdf-extract finds it first ([`super::pdf_actual`]):
//! `LibreOffice` relies on it when it prints Chinese without a Chinese font.

use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::encoding::is_cjk;
use super::repair::{self, Line, Page};
use super::{DocKind, Note, ReadDocError};
use crate::dataset::ReadError;
use crate::job::Progress;

/// A PDF's text, page count and title.
pub(super) struct Pdf {
    pub text: String,
    pub pages: usize,
    pub title: Option<String>,
}

/// What the reader's thread sends back.
struct Extracted {
    /// Whether every font that draws text has codes of its own and no map
    /// to Unicode ([`fonts_unmapped`]).
    fonts_unmapped: bool,
    pages: Vec<Page>,
    title: Option<String>,
    unreadable: Vec<usize>,
    mapped: usize,
    unmapped: usize,
}

/// Why the reader's thread stopped without pages.
enum Failure {
    Encrypted,
    Bad(String),
    Stopped,
}

/// Reads a PDF's text; see the module's documentation. The bytes are
/// moved to the reader's thread, which lets them go once they are parsed.
pub(super) fn read(
    file: &Path,
    bytes: Vec<u8>,
    deadline: Duration,
    progress: &Progress,
    notes: &mut Vec<Note>,
) -> Result<Pdf, ReadDocError> {
    let stop = Arc::new(AtomicBool::new(false));
    let pages_done = Arc::new(AtomicUsize::new(0));
    let (sender, receiver) = mpsc::channel();
    let (thread_stop, thread_pages) = (Arc::clone(&stop), Arc::clone(&pages_done));
    let spawned = std::thread::Builder::new()
        .name("pdf-reader".to_owned())
        .spawn(move || {
            let _ = sender.send(extract(bytes, &thread_stop, &thread_pages));
        });
    if spawned.is_err() {
        return Err(ReadDocError::ReaderFailed {
            file: file.into(),
            kind: DocKind::Pdf,
        });
    }
    let started = Instant::now();
    let mut counted = 0;
    let outcome = loop {
        match receiver.recv_timeout(Duration::from_millis(50)) {
            Ok(outcome) => break outcome,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(ReadDocError::ReaderFailed {
                    file: file.into(),
                    kind: DocKind::Pdf,
                });
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        let done = pages_done.load(Ordering::Relaxed);
        for _ in counted..done {
            progress.add_count();
        }
        counted = done;
        if progress.is_cancelled() {
            stop.store(true, Ordering::Relaxed);
            return Err(ReadDocError::File(ReadError::Cancelled(file.into())));
        }
        if started.elapsed() > deadline {
            // The thread stops at its next page; one looping inside a page
            // runs on, unseen, until the app ends.
            stop.store(true, Ordering::Relaxed);
            return Err(ReadDocError::Timeout {
                file: file.into(),
                seconds: deadline.as_secs(),
            });
        }
    };
    let extracted = match outcome {
        Ok(extracted) => extracted,
        Err(Failure::Encrypted) => {
            return Err(ReadDocError::Encrypted {
                file: file.into(),
                kind: DocKind::Pdf,
            });
        }
        Err(Failure::Bad(message)) => {
            return Err(ReadDocError::BadPdf {
                file: file.into(),
                message,
            });
        }
        Err(Failure::Stopped) => {
            return Err(ReadDocError::File(ReadError::Cancelled(file.into())));
        }
    };
    finish(file, extracted, notes)
}

/// The text from what the thread read, or why there is none.
fn finish(file: &Path, extracted: Extracted, notes: &mut Vec<Note>) -> Result<Pdf, ReadDocError> {
    let page_count = extracted.pages.len();
    if extracted.unreadable.len() == page_count && page_count > 0 {
        return Err(ReadDocError::ReaderFailed {
            file: file.into(),
            kind: DocKind::Pdf,
        });
    }
    let total = extracted.mapped + extracted.unmapped;
    if extracted.mapped == 0 && extracted.unmapped == 0 {
        return Err(ReadDocError::NoTextLayer {
            file: file.into(),
            pages: page_count,
        });
    }
    // Text most of whose glyphs map to nothing (or to control codes) is
    // not text a reader could copy; nor is text whose every font has codes
    // of its own and no map to Unicode (what comes out are other letters).
    if extracted.unmapped * 2 > total || extracted.fonts_unmapped {
        return Err(ReadDocError::UnmappedText {
            file: file.into(),
            unmapped: if extracted.fonts_unmapped {
                total
            } else {
                extracted.unmapped
            },
            total,
        });
    }
    if !extracted.unreadable.is_empty() {
        notes.push(Note::PagesUnreadable {
            pages: extracted.unreadable.clone(),
        });
    }
    let empty: Vec<usize> = extracted
        .pages
        .iter()
        .enumerate()
        .filter(|(i, p)| p.lines.is_empty() && !extracted.unreadable.contains(&(i + 1)))
        .map(|(i, _)| i + 1)
        .collect();
    if !empty.is_empty() {
        notes.push(Note::PagesWithoutText { pages: empty });
    }
    if extracted.unmapped > 0 {
        notes.push(Note::UnmappedCharacters {
            count: extracted.unmapped,
        });
    }
    Ok(Pdf {
        text: repair::paragraphs(extracted.pages, notes),
        pages: page_count,
        title: extracted.title,
    })
}

/// On the reader's thread: every page's lines, each page read apart so
/// that a panic in the PDF reader costs one page.
fn extract(
    bytes: Vec<u8>,
    stop: &AtomicBool,
    pages_done: &AtomicUsize,
) -> Result<Extracted, Failure> {
    let loaded = std::panic::catch_unwind(|| pdf_extract::Document::load_mem(&bytes));
    // The parsed document owns what it needs of the file: the file's
    // bytes would only add their size to the read's peak.
    drop(bytes);
    let mut document = match loaded {
        Ok(Ok(document)) => document,
        Ok(Err(error)) => return Err(Failure::Bad(error.to_string())),
        Err(_) => {
            return Err(Failure::Bad(
                "the PDF reader failed on its structure".to_owned(),
            ));
        }
    };
    if document.is_encrypted() {
        // Owner passwords only restrict printing and copying; a document
        // that opens without a password is read.
        if document.decrypt("").is_err() {
            return Err(Failure::Encrypted);
        }
    }
    // Replacement text first: what a span's glyphs stand for is its text.
    // Should the rewriting fail on a damaged file, the pages are read as
    // they are (each page's read is guarded on its own below).
    let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
        super::pdf_actual::apply(&mut document);
    }));
    let title = title(&document);
    let fonts_unmapped = fonts_unmapped(&document);
    let numbers: Vec<u32> = document.get_pages().keys().copied().collect();
    let mut collector = Collector::default();
    let mut pages = Vec::with_capacity(numbers.len());
    let mut unreadable = Vec::new();
    for (i, number) in numbers.into_iter().enumerate() {
        if stop.load(Ordering::Relaxed) {
            return Err(Failure::Stopped);
        }
        collector.glyphs.clear();
        collector.chars.clear();
        let read = std::panic::catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&document, &mut collector, number)
        }));
        if let Ok(Ok(())) = read {
            pages.push(collector.page());
        } else {
            unreadable.push(i + 1);
            pages.push(Page::default());
        }
        pages_done.fetch_add(1, Ordering::Relaxed);
    }
    Ok(Extracted {
        fonts_unmapped,
        pages,
        title,
        unreadable,
        mapped: collector.mapped,
        unmapped: collector.unmapped,
    })
}

/// Whether the document has fonts and every one is a subset (its name
/// tagged `ABCDEF+`) with no `ToUnicode` map and no encoding by name or
/// by glyph names: its codes are its own, so no reader can tell which
/// characters it draws (a Chinese PDF whose fonts lack the map, say).
fn fonts_unmapped(document: &pdf_extract::Document) -> bool {
    let mut fonts = 0usize;
    for object in document.objects.values() {
        let Ok(dict) = object.as_dict() else {
            continue;
        };
        let is_font = dict
            .get(b"Type")
            .ok()
            .and_then(|t| t.as_name().ok())
            .is_some_and(|t| t == b"Font");
        let subtype = dict.get(b"Subtype").ok().and_then(|t| t.as_name().ok());
        // A composite font's descendant is judged through its parent.
        if !is_font || subtype == Some(b"CIDFontType0") || subtype == Some(b"CIDFontType2") {
            continue;
        }
        fonts += 1;
        let subset = dict
            .get(b"BaseFont")
            .ok()
            .and_then(|n| n.as_name().ok())
            .is_some_and(|n| {
                n.len() > 7 && n[6] == b'+' && n[..6].iter().all(u8::is_ascii_uppercase)
            });
        let mapped = dict.has(b"ToUnicode")
            || match dict.get(b"Encoding") {
                // A named encoding (WinAnsi, a predefined CMap) maps codes.
                Ok(pdf_extract::Object::Name(_)) => subtype != Some(b"Type0"),
                Ok(pdf_extract::Object::Reference(_) | pdf_extract::Object::Dictionary(_)) => true,
                _ => false,
            };
        if mapped || !subset {
            return false;
        }
    }
    fonts > 0
}

/// The document's title from its information dictionary.
fn title(document: &pdf_extract::Document) -> Option<String> {
    let info = document.trailer.get(b"Info").ok()?;
    let info = match info {
        pdf_extract::Object::Reference(id) => document.get_object(*id).ok()?,
        other => other,
    };
    let bytes = info.as_dict().ok()?.get(b"Title").ok()?.as_str().ok()?;
    let text = if let Some(utf16) = bytes.strip_prefix(b"\xfe\xff") {
        encoding_rs::UTF_16BE
            .decode_without_bom_handling(utf16)
            .0
            .into_owned()
    } else {
        // PDFDocEncoding agrees with Latin-1 for the letters titles use.
        bytes.iter().map(|&b| char::from(b)).collect()
    };
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// A glyph on the page: where its text is in the page's buffer
/// ([`Collector::chars`]), where it starts, its advance, baseline and
/// size, in points from the page's top left. Its text is kept in one
/// buffer a page, not a `String` a glyph: a page has thousands.
#[derive(Clone, Copy, Debug)]
struct Glyph {
    start: u32,
    end: u32,
    x: f32,
    width: f32,
    y: f32,
    size: f32,
    /// A space the PDF draws: it separates, and is not kept as a glyph.
    space: bool,
}

impl Glyph {
    /// Its text, from the page's buffer.
    fn text(self, chars: &str) -> &str {
        chars
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// Collects a page's glyphs as pdf-extract hands them over.
#[derive(Default)]
struct Collector {
    glyphs: Vec<Glyph>,
    /// The page's glyphs' text, one after another.
    chars: String,
    /// The page's height, to turn PDF's upward y into a downward one.
    height: f64,
    mapped: usize,
    unmapped: usize,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.glyphs.clear();
        self.chars.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    #[expect(
        clippy::cast_possible_truncation,
        reason = "Points on a page fit an f32 many times over."
    )]
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // Rotated text (a watermark, a stamp, a sideways table heading)
        // is not the plan's running text.
        if trm.m12.abs() > trm.m11.abs() * 0.01 || trm.m21.abs() > trm.m22.abs() * 0.01 {
            return Ok(());
        }
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = (font_size * scale) as f32;
        let space = text.chars().all(char::is_whitespace) && !text.is_empty();
        if !space {
            // A glyph with no Unicode, or one mapped to a control code
            // (fonts whose codes are their own), is not text.
            if text.is_empty() || text.chars().any(char::is_control) {
                self.unmapped += 1;
                return Ok(());
            }
            self.mapped += 1;
        }
        let start = u32::try_from(self.chars.len()).unwrap_or(u32::MAX);
        self.chars.push_str(text);
        self.glyphs.push(Glyph {
            start,
            end: u32::try_from(self.chars.len()).unwrap_or(u32::MAX),
            x: trm.m31 as f32,
            width: (width * font_size * scale) as f32,
            y: (self.height - trm.m32) as f32,
            size: if size.is_finite() && size > 0.0 {
                size
            } else {
                10.0
            },
            space,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

impl Collector {
    /// The page's glyphs as lines: glyphs on one baseline (within a third
    /// of their size) are a line, read left to right; lines top to bottom.
    fn page(&mut self) -> Page {
        let glyphs = &mut self.glyphs;
        glyphs.retain(|g| g.x.is_finite() && g.y.is_finite());
        glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
        let mut lines = Vec::new();
        let mut first = 0;
        for i in 0..glyphs.len() {
            let (top, glyph) = (glyphs[first], glyphs[i]);
            if i > first && (glyph.y - top.y).abs() > top.size.max(glyph.size) * 0.35 {
                lines.extend(line(&mut glyphs[first..i], &self.chars));
                first = i;
            }
        }
        let end = glyphs.len();
        lines.extend(line(&mut glyphs[first..end], &self.chars));
        glyphs.clear();
        self.chars.clear();
        Page { lines }
    }
}

/// One line's glyphs, in any order, as a [`Line`]; `None` if it has no
/// text.
fn line(glyphs: &mut [Glyph], chars: &str) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut text = String::new();
    let mut end = f32::NEG_INFINITY;
    let mut x0 = None;
    let mut x1 = 0.0f32;
    let mut sizes = Vec::new();
    let mut spaced = false;
    let mut last: Option<(char, f32)> = None;
    for &glyph in &*glyphs {
        let glyph_text = glyph.text(chars);
        if glyph.space {
            spaced = !text.is_empty();
            end = end.max(glyph.x + glyph.width);
            continue;
        }
        let first = glyph_text.chars().next().unwrap_or(' ');
        // The same glyph drawn twice in one place (bold made by
        // overprinting) is one.
        if let Some((c, x)) = last
            && c == first
            && (glyph.x - x).abs() < glyph.size * 0.1
        {
            continue;
        }
        if let Some((previous, _)) = last {
            let gap = glyph.x - end;
            let cjk = is_cjk(previous) || is_cjk(first);
            let needed = if cjk { 0.6 } else { 0.2 } * glyph.size;
            if (spaced && !cjk) || gap > needed {
                text.push(' ');
            }
        }
        text.push_str(glyph_text);
        spaced = false;
        x0.get_or_insert(glyph.x);
        end = glyph.x + glyph.width;
        x1 = end;
        sizes.push(glyph.size);
        last = Some((glyph_text.chars().next_back().unwrap_or(first), glyph.x));
    }
    let x0 = x0?;
    sizes.sort_by(f32::total_cmp);
    let y = glyphs.iter().find(|g| !g.space).map_or(0.0, |g| g.y);
    Some(Line {
        text,
        x0,
        x1,
        y,
        size: sizes[sizes.len() / 2],
    })
}
