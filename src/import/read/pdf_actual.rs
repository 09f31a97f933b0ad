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

use std::collections::HashMap;

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::encoding::is_cjk;

/// The font's name in each page's resources.
const FONT: &[u8] = b"PlanExplorerActualText";

/// The font's glyphs: each distinct text and width a span draws, by the
/// code the font draws it with (from 1). A document printed without its
/// fonts has a span per character, so a long one has far more spans than
/// a two-byte code can number, but only as many glyphs as characters.
#[derive(Default)]
struct Glyphs {
    texts: Vec<String>,
    /// Each code's width, in thousandths of the text size.
    widths: Vec<f32>,
    /// The code of each text and width (its bits) already drawn.
    codes: HashMap<(String, u32), u16>,
}

impl Glyphs {
    /// The code drawing `text` at `width`, new if need be; `None` once
    /// every two-byte code is taken.
    fn code(&mut self, text: String, width: f32) -> Option<u16> {
        let key = (text, width.to_bits());
        if let Some(&code) = self.codes.get(&key) {
            return Some(code);
        }
        let code = u16::try_from(self.texts.len() + 1).ok()?;
        self.texts.push(key.0.clone());
        self.widths.push(width);
        self.codes.insert(key, code);
        Some(code)
    }
}

/// Rewrites every page whose content has replacement text. A page whose
/// content does not decode is left as it is, for the reader to judge.
pub(super) fn apply(document: &mut Document) {
    let pages: Vec<ObjectId> = document.get_pages().values().copied().collect();
    let font_id = document.new_object_id();
    let mut glyphs = Glyphs::default();
    for page in pages {
        // Most pages have none: their content is searched, not parsed.
        let Ok(bytes) = document.get_page_content(page) else {
            continue;
        };
        if memchr::memmem::find(&bytes, b"ActualText").is_none() {
            continue;
        }
        let Ok(content) = Content::decode(&bytes) else {
            continue;
        };
        let Some(operations) = rewrite(document, page, content.operations, &mut glyphs) else {
            continue;
        };
        let encoded = Content { operations }.encode();
        if let Ok(bytes) = encoded
            && document.change_page_content(page, bytes).is_ok()
        {
            add_font_resource(document, page, font_id);
        }
    }
    if glyphs.texts.is_empty() {
        return;
    }
    let to_unicode = document.add_object(Stream::new(Dictionary::new(), to_unicode(&glyphs.texts)));
    let widths: Vec<Object> = glyphs.widths.iter().map(|&w| Object::Real(w)).collect();
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
}

/// The page's operations with each replacement-text span's glyphs drawn
/// as one glyph of the font made here; `None` where none was (a span that
/// finds no code left is left as it was).
fn rewrite(
    document: &Document,
    page: ObjectId,
    operations: Vec<Operation>,
    glyphs: &mut Glyphs,
) -> Option<Vec<Operation>> {
    if !operations.iter().any(|op| actual_text(op).is_some()) {
        return None;
    }
    let mut replaced = false;
    let fonts = document.get_page_fonts(page).unwrap_or_default();
    let mut out = Vec::with_capacity(operations.len());
    // The font the page has set (its name and size), to set back after
    // a span's glyph.
    let mut font: Option<Vec<Object>> = None;
    // Inside a span: its text, the marked content opened within it, and
    // its own operations, kept should no code be left for it.
    let mut span: Option<(String, usize, Vec<Operation>)> = None;
    let mut width = 0.0;
    for op in operations {
        match (op.operator.as_str(), span.as_mut()) {
            ("BDC" | "BMC", Some((_, depth, _))) => {
                *depth += 1;
                out.push(op);
            }
            ("BDC", None) if actual_text(&op).is_some() => {
                span = Some((actual_text(&op).unwrap_or_default(), 0, Vec::new()));
                width = 0.0;
                out.push(op);
            }
            ("EMC", Some((_, depth, _))) if *depth > 0 => {
                *depth -= 1;
                out.push(op);
            }
            ("EMC", Some(_)) => {
                let Some((text, _, own)) = span.take() else {
                    continue;
                };
                let width = if width > 0.0 {
                    width
                } else {
                    fallback_width(&text)
                };
                if text.is_empty() {
                    // Replacement text of nothing: the glyphs stand for
                    // no text.
                    replaced = true;
                } else if let Some(code) = glyphs.code(text, width) {
                    draw(&mut out, code, font.as_ref());
                    replaced = true;
                } else {
                    out.extend(own);
                }
                out.push(op);
            }
            ("Tf", _) => {
                font = Some(op.operands.clone());
                out.push(op);
            }
            ("Tj" | "TJ" | "'" | "\"", Some((_, _, own))) => {
                // The glyphs' advance, kept for the glyph drawn instead.
                let dict = font
                    .as_ref()
                    .and_then(|f| f.first())
                    .and_then(|name| name.as_name().ok())
                    .and_then(|name| fonts.get(name));
                width += advance(document, dict.copied(), &op);
                own.push(op.clone());
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
    replaced.then_some(out)
}

/// Draws `code` of the font made here, then sets the page's font back.
fn draw(out: &mut Vec<Operation>, code: u16, font: Option<&Vec<Object>>) {
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
    // Codes from 1, as `Glyphs` gives them (never past two bytes).
    let codes: Vec<(usize, &String)> = texts.iter().enumerate().map(|(i, t)| (i + 1, t)).collect();
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
