//! A PDF's replacement text (`/ActualText`) put where the reader finds it.
//!
//! A marked-content span `/Span <</ActualText (…)>> BDC … EMC` says which
//! text the glyphs inside it stand for. `LibreOffice` writes one round every
//! character it draws with a font that lacks it (a Chinese plan printed
//! where no Chinese font is installed: each character is the same blank
//! glyph, whose code maps to one character), and other writers use them
//! for ligatures. Poppler reads the span's text; pdf-extract reads the
//! glyphs. So before a page is read, each span's glyphs are replaced by
//! one glyph of a font made here, whose map to Unicode gives the span's
//! text and whose width is the glyphs' own, so the text after it stays in
//! place.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::encoding::is_cjk;

/// The font's name in each page's resources.
const FONT: &[u8] = b"PlanExplorerActualText";

/// Each span's text, by the code the font draws it with (from 1).
#[derive(Default)]
struct Spans {
    texts: Vec<String>,
    /// Each code's width, in thousandths of the text size.
    widths: Vec<f32>,
}

/// Rewrites every page whose content has replacement text; returns how
/// many spans were replaced. A page whose content does not decode is left
/// as it is, for the reader to judge.
pub(super) fn apply(document: &mut Document) -> usize {
    let pages: Vec<ObjectId> = document.get_pages().values().copied().collect();
    let font_id = document.new_object_id();
    let mut spans = Spans::default();
    for page in pages {
        // Most pages have none: their content is searched, not parsed.
        let has_spans = document
            .get_page_content(page)
            .is_ok_and(|bytes| memchr::memmem::find(&bytes, b"ActualText").is_some());
        if !has_spans {
            continue;
        }
        let Ok(content) = document.get_and_decode_page_content(page) else {
            continue;
        };
        let before = spans.texts.len();
        let Some(operations) = rewrite(document, page, content.operations, &mut spans) else {
            continue;
        };
        if spans.texts.len() == before {
            continue;
        }
        let encoded = Content { operations }.encode();
        if let Ok(bytes) = encoded
            && document.change_page_content(page, bytes).is_ok()
        {
            add_font_resource(document, page, font_id);
        }
    }
    if spans.texts.is_empty() {
        return 0;
    }
    let count = spans.texts.len();
    let to_unicode = document.add_object(Stream::new(Dictionary::new(), to_unicode(&spans.texts)));
    let widths: Vec<Object> = spans.widths.iter().map(|&w| Object::Real(w)).collect();
    let descriptor = Dictionary::from_iter([
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", Object::Name(FONT.to_vec())),
        ("Flags", Object::Integer(4)),
    ]);
    let cid_font = Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
        ("BaseFont", Object::Name(FONT.to_vec())),
        ("FontDescriptor", Object::Dictionary(descriptor)),
        ("DW", Object::Integer(1000)),
        (
            "W",
            Object::Array(vec![Object::Integer(1), Object::Array(widths)]),
        ),
    ]);
    let font = Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", Object::Name(FONT.to_vec())),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(cid_font)]),
        ),
        ("ToUnicode", Object::Reference(to_unicode)),
    ]);
    document.objects.insert(font_id, Object::Dictionary(font));
    count
}

/// The page's operations with each replacement-text span's glyphs drawn
/// as one glyph of the font made here; `None` where the page has none.
fn rewrite(
    document: &Document,
    page: ObjectId,
    operations: Vec<Operation>,
    spans: &mut Spans,
) -> Option<Vec<Operation>> {
    if !operations.iter().any(|op| actual_text(op).is_some()) {
        return None;
    }
    let fonts = document.get_page_fonts(page).unwrap_or_default();
    let mut out = Vec::with_capacity(operations.len());
    // The font the page has set (its name and size), to set back after
    // a span's glyph.
    let mut font: Option<Vec<Object>> = None;
    // Inside a span: its text (None once drawn), and the marked content
    // opened within it.
    let mut span: Option<(Option<String>, usize)> = None;
    let mut width = 0.0;
    for op in operations {
        match (op.operator.as_str(), span.as_mut()) {
            ("BDC" | "BMC", Some((_, depth))) => {
                *depth += 1;
                out.push(op);
            }
            ("BDC", None) if actual_text(&op).is_some() => {
                span = Some((actual_text(&op), 0));
                width = 0.0;
                out.push(op);
            }
            ("EMC", Some((text, depth))) => {
                if *depth == 0 {
                    if let Some(text) = text.take()
                        && !text.is_empty()
                    {
                        draw(&mut out, &mut spans.texts, text, font.as_ref());
                        spans.widths.push(if width > 0.0 {
                            width
                        } else {
                            fallback_width(spans.texts.last().map_or("", String::as_str))
                        });
                    }
                    span = None;
                } else {
                    *depth -= 1;
                }
                out.push(op);
            }
            ("Tf", _) => {
                font = Some(op.operands.clone());
                out.push(op);
            }
            ("Tj" | "TJ" | "'" | "\"", Some(_)) => {
                // The glyphs' advance, kept for the glyph drawn instead.
                let dict = font
                    .as_ref()
                    .and_then(|f| f.first())
                    .and_then(|name| name.as_name().ok())
                    .and_then(|name| fonts.get(name));
                width += advance(document, dict.copied(), &op);
                // "'" and '"' move to the next line before they draw.
                match op.operator.as_str() {
                    "'" => out.push(Operation::new("T*", vec![])),
                    "\"" => {
                        let mut operands = op.operands.into_iter();
                        if let (Some(aw), Some(ac)) = (operands.next(), operands.next()) {
                            out.push(Operation::new("Tw", vec![aw]));
                            out.push(Operation::new("Tc", vec![ac]));
                        }
                        out.push(Operation::new("T*", vec![]));
                    }
                    _ => {}
                }
            }
            _ => out.push(op),
        }
    }
    Some(out)
}

/// Draws `text` as the next code of the font made here, then sets the
/// page's font back.
fn draw(
    out: &mut Vec<Operation>,
    texts: &mut Vec<String>,
    text: String,
    font: Option<&Vec<Object>>,
) {
    texts.push(text);
    let code = u16::try_from(texts.len()).unwrap_or(u16::MAX);
    let size = font
        .and_then(|f| f.get(1))
        .cloned()
        .unwrap_or(Object::Integer(1));
    out.push(Operation::new(
        "Tf",
        vec![Object::Name(FONT.to_vec()), size],
    ));
    out.push(Operation::new(
        "Tj",
        vec![Object::String(
            code.to_be_bytes().to_vec(),
            StringFormat::Hexadecimal,
        )],
    ));
    if let Some(font) = font {
        out.push(Operation::new("Tf", font.clone()));
    }
}

/// A width for a span whose glyphs' widths are not known: a Chinese
/// character's em, half of it for others.
fn fallback_width(text: &str) -> f32 {
    text.chars()
        .map(|c| if is_cjk(c) { 1000.0 } else { 500.0 })
        .sum()
}

/// The advance of a text operation's glyphs in a simple font, in
/// thousandths of the text size (its `Widths`); 0 where not known.
fn advance(document: &Document, font: Option<&Dictionary>, op: &Operation) -> f32 {
    let Some(font) = font else {
        return 0.0;
    };
    let first = font.get(b"FirstChar").ok().and_then(|o| o.as_i64().ok());
    let widths = font.get(b"Widths").ok().and_then(|o| match o {
        Object::Reference(id) => document.get_object(*id).ok(),
        other => Some(other),
    });
    let (Some(first), Some(Ok(widths))) = (first, widths.map(Object::as_array)) else {
        return 0.0;
    };
    let of_bytes = |bytes: &[u8]| -> f32 {
        bytes
            .iter()
            .filter_map(|&b| usize::try_from(i64::from(b) - first).ok())
            .filter_map(|i| widths.get(i))
            .filter_map(|w| w.as_float().ok())
            .sum()
    };
    op.operands
        .iter()
        .map(|operand| match operand {
            Object::String(bytes, _) => of_bytes(bytes),
            Object::Array(parts) => parts
                .iter()
                .map(|p| match p {
                    Object::String(bytes, _) => of_bytes(bytes),
                    // A TJ adjustment moves back by thousandths.
                    other => -other.as_float().unwrap_or(0.0),
                })
                .sum(),
            _ => 0.0,
        })
        .sum()
}

/// The replacement text a `BDC` operation opens, if it opens one.
fn actual_text(op: &Operation) -> Option<String> {
    if op.operator != "BDC" {
        return None;
    }
    let Some(Object::Dictionary(properties)) = op.operands.get(1) else {
        return None;
    };
    let bytes = properties.get(b"ActualText").ok()?.as_str().ok()?;
    Some(text_string(bytes))
}

/// A PDF text string: UTF-16 with its byte-order mark, else
/// `PDFDocEncoding`, which agrees with Latin-1 for the letters it holds.
fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(b"\xfe\xff") {
        encoding_rs::UTF_16BE
            .decode_without_bom_handling(utf16)
            .0
            .into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

/// The map from the font's codes to the spans' texts.
fn to_unicode(texts: &[String]) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /PlanExplorer-ActualText def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let codes: Vec<(usize, &String)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (i + 1, t))
        .take(usize::from(u16::MAX))
        .collect();
    // At most 100 mappings a block, as the format asks.
    for block in codes.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for (code, text) in block {
            let _ = write!(out, "<{code:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(out, "{unit:04X}");
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

/// Gives `page` resources of its own that name the font made here, the
/// rest as it had them (inherited or shared ones are copied, not changed).
fn add_font_resource(document: &mut Document, page: ObjectId, font_id: ObjectId) {
    let deref = |document: &Document, object: &Object| -> Option<Dictionary> {
        match object {
            Object::Reference(id) => document.get_dictionary(*id).ok().cloned(),
            Object::Dictionary(dict) => Some(dict.clone()),
            _ => None,
        }
    };
    // The page's resources, or the nearest ancestor's.
    let mut resources = None;
    let mut node = Some(page);
    let mut hops = 0;
    while let Some(id) = node
        && hops < 64
    {
        let Ok(dict) = document.get_dictionary(id) else {
            break;
        };
        if let Ok(found) = dict.get(b"Resources") {
            resources = deref(document, found);
            break;
        }
        node = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok());
        hops += 1;
    }
    let mut resources = resources.unwrap_or_default();
    let mut fonts = resources
        .get(b"Font")
        .ok()
        .and_then(|f| deref(document, f))
        .unwrap_or_default();
    fonts.set(FONT, Object::Reference(font_id));
    resources.set("Font", Object::Dictionary(fonts));
    if let Ok(dict) = document.get_dictionary_mut(page) {
        dict.set("Resources", Object::Dictionary(resources));
    }
}
