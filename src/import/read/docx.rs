//! Word documents (.docx): the paragraphs of `word/document.xml` in order,
//! those in tables and text boxes too, with tracked changes applied
//! (insertions kept, deletions dropped) and automatic numbering written
//! out as printed (see [`super::numbering`]).
//!
//! Read with `zip` and `quick-xml` rather than docx-rs's reader, which the
//! app already builds for writing briefings: its reader unpacks every part
//! whole with no limit (a zip bomb would be unpacked), panics on some
//! malformed input (it unwraps as it parses), and gives the numbering
//! definitions without the counters, so the printed numbers would still
//! have to be rebuilt here. Parts are streamed from the zip through a
//! reader that stops at a budget of unpacked bytes, so nothing larger
//! than the budget is ever held, and a bomb is refused as soon as it
//! passes it.

use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::numbering::{Abstract, Instance, Level, Numbering};
use super::{Note, ReadDocError};
use crate::dataset::ReadError;
use crate::job::Progress;

/// The namespace of `WordprocessingML`, transitional and strict.
const W: [&[u8]; 2] = [
    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Markup compatibility: `mc:AlternateContent`, `mc:Choice`, `mc:Fallback`.
const MC: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The most bytes unpacked from a document, whatever its size.
const MAX_UNPACKED: u64 = 512 * 1024 * 1024;
/// The least unpacked bytes allowed, however small the file.
const MIN_UNPACKED: u64 = 32 * 1024 * 1024;
/// Unpacked bytes allowed per byte of the file: text XML packs some 10 to
/// 30 times, a bomb thousands of times.
const UNPACKED_PER_BYTE: u64 = 64;

/// A Word document's text and title.
pub(super) struct Word {
    pub text: String,
    pub title: Option<String>,
}

/// Reads a .docx's text; see the module's documentation.
pub(super) fn read(
    file: &Path,
    bytes: &[u8],
    progress: &Progress,
    notes: &mut Vec<Note>,
) -> Result<Word, ReadDocError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| zip_error(file, &error))?;
    let mut budget = Budget {
        left: (bytes.len() as u64)
            .saturating_mul(UNPACKED_PER_BYTE)
            .clamp(MIN_UNPACKED, MAX_UNPACKED),
        limit: 0,
    };
    budget.limit = budget.left;
    let main = main_part(file, &mut zip, &mut budget)?;
    let mut numbering = Numbering::default();
    let mut styles = Styles::default();
    if let Some(part) = open(file, &mut zip, "word/styles.xml", &mut budget)? {
        styles = read_styles(file, part)?;
    }
    if let Some(part) = open(file, &mut zip, "word/numbering.xml", &mut budget)? {
        read_numbering(file, part, &mut numbering)?;
    }
    numbering.style_nums.clone_from(&styles.lists);
    let title = match open(file, &mut zip, "docProps/core.xml", &mut budget)? {
        Some(part) => read_title(file, part)?,
        None => None,
    };
    let Some(part) = open(file, &mut zip, &main, &mut budget)? else {
        return Err(ReadDocError::MissingPart {
            file: file.into(),
            part: main,
        });
    };
    let mut body = Body::new(&styles, &mut numbering);
    body.read(file, part, progress)?;
    let (insertions, deletions) = (body.insertions, body.deletions);
    let text = body.out;
    if insertions + deletions > 0 {
        notes.push(Note::TrackedChanges {
            insertions,
            deletions,
        });
    }
    if numbering.written > 0 {
        notes.push(Note::NumbersRebuilt {
            paragraphs: numbering.written,
        });
    }
    Ok(Word { text, title })
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// What is left of the bytes the reader may unpack, shared by every part.
struct Budget {
    left: u64,
    limit: u64,
}

/// A part being unpacked, counting its bytes against the budget.
/// A part's bytes as they are unpacked, counted.
type Unpacked<'z, 'a> = BufReader<Limited<zip::read::ZipFile<'z, Cursor<&'a [u8]>>>>;

struct Part<'z, 'a> {
    name: String,
    reader: NsReader<Unpacked<'z, 'a>>,
    buffer: Vec<u8>,
    /// The budget left before this part, to settle after it.
    budget: &'z mut Budget,
}

/// A reader that fails once more than `left` bytes have come through.
struct Limited<R> {
    inner: R,
    left: u64,
    read: u64,
    over: bool,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.left {
            self.over = true;
            return Err(std::io::Error::other("unpacked size over the limit"));
        }
        Ok(n)
    }
}

impl Drop for Part<'_, '_> {
    fn drop(&mut self) {
        let read = self.reader.get_ref().get_ref().read;
        self.budget.left = self.budget.left.saturating_sub(read);
    }
}

/// Opens the part `name` for reading, or `None` if the zip has no such
/// part.
fn open<'z, 'a>(
    file: &Path,
    zip: &'z mut Zip<'a>,
    name: &str,
    budget: &'z mut Budget,
) -> Result<Option<Part<'z, 'a>>, ReadDocError> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let entry = zip
        .by_index(index)
        .map_err(|error| zip_error(file, &error))?;
    // The size an entry declares may lie; the limit is kept while reading
    // too, but an honest bomb is refused before a byte is unpacked.
    if entry.size() > budget.left {
        return Err(ReadDocError::ZipBomb {
            file: file.into(),
            part: name.to_owned(),
            limit: budget.limit,
        });
    }
    let limited = Limited {
        inner: entry,
        left: budget.left,
        read: 0,
        over: false,
    };
    let mut reader = NsReader::from_reader(BufReader::with_capacity(64 * 1024, limited));
    reader.config_mut().trim_text(false);
    Ok(Some(Part {
        name: name.to_owned(),
        reader,
        buffer: Vec::new(),
        budget,
    }))
}

/// The main document part: `word/document.xml`, or where the package's
/// relationships say it is.
fn main_part(file: &Path, zip: &mut Zip<'_>, budget: &mut Budget) -> Result<String, ReadDocError> {
    const DEFAULT: &str = "word/document.xml";
    if zip.index_for_name(DEFAULT).is_some() {
        return Ok(DEFAULT.to_owned());
    }
    let Some(mut part) = open(file, zip, "_rels/.rels", budget)? else {
        // No relationships: most likely not a Word document at all.
        return Err(ReadDocError::MissingPart {
            file: file.into(),
            part: DEFAULT.to_owned(),
        });
    };
    let mut target = None;
    while let Some(event) = part.next(file)? {
        if let XmlEvent::Start(e) = event
            && e.local_name().as_ref() == b"Relationship"
            && attribute(&e, b"Type").is_some_and(|t| t.ends_with("/officeDocument"))
        {
            target = attribute(&e, b"Target");
        }
    }
    target
        .map(|t| t.trim_start_matches('/').to_owned())
        .ok_or_else(|| ReadDocError::MissingPart {
            file: file.into(),
            part: DEFAULT.to_owned(),
        })
}

/// Why the zip could not be read: not a zip at all, encrypted, or damaged.
fn zip_error(file: &Path, error: &zip::result::ZipError) -> ReadDocError {
    use zip::result::ZipError;
    match error {
        ZipError::InvalidArchive(message) if message.contains("end of central directory") => {
            ReadDocError::NotZip { file: file.into() }
        }
        ZipError::UnsupportedArchive(message) if message.contains("assword") => {
            ReadDocError::Encrypted {
                file: file.into(),
                kind: super::DocKind::Docx,
            }
        }
        error => ReadDocError::BadZip {
            file: file.into(),
            message: error.to_string(),
        },
    }
}

/// One XML event as the readers here need it, owned so the part can be
/// read on while it is looked at.
enum XmlEvent {
    /// An element's start (`empty` for `<a/>`), in `WordprocessingML` or not.
    Start(BytesStart<'static>),
    Empty(BytesStart<'static>),
    End,
    Text(String),
}

impl Part<'_, '_> {
    /// The next event, or `None` at the end.
    fn next(&mut self, file: &Path) -> Result<Option<XmlEvent>, ReadDocError> {
        self.next_in(file).map(|e| e.map(|(_, e)| e))
    }

    /// The next event with whether its element is in `namespace` (W, MC or
    /// another).
    fn next_in(&mut self, file: &Path) -> Result<Option<(Ns, XmlEvent)>, ReadDocError> {
        loop {
            self.buffer.clear();
            let (ns, event) = match self.reader.read_resolved_event_into(&mut self.buffer) {
                Ok((ns, event)) => (Ns::of(&ns), event.into_owned()),
                Err(error) => return Err(self.xml_error(file, &error.to_string())),
            };
            let event = match event {
                Event::Start(e) => XmlEvent::Start(e),
                Event::Empty(e) => XmlEvent::Empty(e),
                Event::End(_) => XmlEvent::End,
                Event::Text(t) => XmlEvent::Text(
                    t.decode()
                        .map_err(|e| self.xml_error(file, &e.to_string()))?
                        .into_owned(),
                ),
                Event::CData(t) => {
                    XmlEvent::Text(String::from_utf8_lossy(&t.into_inner()).into_owned())
                }
                Event::GeneralRef(r) => {
                    let resolved = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        Ok(None) => r.decode().ok().and_then(|name| {
                            quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
                        }),
                        Err(_) => None,
                    };
                    XmlEvent::Text(resolved.unwrap_or_default())
                }
                Event::Eof => return Ok(None),
                _ => continue,
            };
            return Ok(Some((ns, event)));
        }
    }

    fn xml_error(&self, file: &Path, message: &str) -> ReadDocError {
        let limited = self.reader.get_ref().get_ref();
        if limited.over {
            return ReadDocError::ZipBomb {
                file: file.into(),
                part: self.name.clone(),
                limit: self.budget.limit,
            };
        }
        ReadDocError::BadXml {
            file: file.into(),
            part: self.name.clone(),
            offset: self.reader.error_position(),
            message: message.to_owned(),
        }
    }
}

/// Which namespace an element is in, as far as the readers care.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Other,
}

impl Ns {
    fn of(resolved: &ResolveResult<'_>) -> Self {
        match resolved {
            ResolveResult::Bound(ns) if W.contains(&ns.as_ref()) => Self::W,
            ResolveResult::Bound(ns) if ns.as_ref() == MC => Self::Mc,
            _ => Self::Other,
        }
    }
}

/// An attribute's value by its local name (`w:val` is `val`).
fn attribute(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| {
            // Parts are UTF-8, as Word and WPS write them.
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw)
                .map_or_else(|_| raw.to_string(), std::borrow::Cow::into_owned)
        })
}

/// `w:val`.
fn val(e: &BytesStart<'_>) -> Option<String> {
    attribute(e, b"val")
}

/// An on/off property (`w:vanish`, `w:isLgl`): on unless its `w:val` says
/// off.
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

fn number(e: &BytesStart<'_>) -> Option<u32> {
    val(e).and_then(|v| v.trim().parse().ok())
}

/// Skips the rest of an element whose start was just read.
fn skip(file: &Path, part: &mut Part<'_, '_>) -> Result<(), ReadDocError> {
    let mut depth = 1usize;
    while depth > 0 {
        match part.next(file)? {
            Some(XmlEvent::Start(_)) => depth += 1,
            Some(XmlEvent::End) => depth -= 1,
            Some(_) => {}
            None => return Ok(()),
        }
    }
    Ok(())
}

/// A paragraph style's own list and level, and the style it is based on.
type StyleNumbering = (Option<String>, Option<u32>, Option<String>);

/// Paragraph styles' numbering, and numbering styles' lists.
#[derive(Default)]
struct Styles {
    /// Paragraph style id to its own numbering (list, level) and the
    /// style it is based on.
    paragraph: HashMap<String, StyleNumbering>,
    /// The paragraph style used where a paragraph names none.
    default: Option<String>,
    /// Numbering style id to the list it holds.
    lists: HashMap<String, String>,
}

impl Styles {
    /// The list and level a paragraph of `style` has from its style (or
    /// the styles it is based on).
    fn numbering(&self, style: Option<&str>) -> (Option<String>, Option<u32>) {
        let mut style = style.or(self.default.as_deref());
        let (mut num, mut ilvl) = (None, None);
        for _ in 0..16 {
            let Some((own_num, own_ilvl, based_on)) = style.and_then(|s| self.paragraph.get(s))
            else {
                break;
            };
            num = num.or_else(|| own_num.clone());
            ilvl = ilvl.or(*own_ilvl);
            if num.is_some() && ilvl.is_some() {
                break;
            }
            style = based_on.as_deref();
        }
        (num, ilvl)
    }
}

fn read_styles(file: &Path, mut part: Part<'_, '_>) -> Result<Styles, ReadDocError> {
    let mut styles = Styles::default();
    // The style being read: its id, type and whether it is the default;
    // and its own list, level and the style it is based on.
    let mut current: Option<(String, String, bool)> = None;
    let mut own: (Option<String>, Option<u32>, Option<String>) = (None, None, None);
    let mut depth = 0usize;
    let mut style_depth = 0usize;
    while let Some((ns, event)) = part.next_in(file)? {
        let (e, started) = match event {
            XmlEvent::Start(e) => (e, true),
            XmlEvent::Empty(e) => (e, false),
            XmlEvent::End => {
                if depth == style_depth
                    && let Some((id, kind, default)) = current.take()
                {
                    match kind.as_str() {
                        "paragraph" => {
                            if default {
                                styles.default = Some(id.clone());
                            }
                            styles.paragraph.insert(id, std::mem::take(&mut own));
                        }
                        "numbering" => {
                            if let Some(num) = own.0.take() {
                                styles.lists.insert(id, num);
                            }
                        }
                        _ => {}
                    }
                }
                depth = depth.saturating_sub(1);
                continue;
            }
            XmlEvent::Text(_) => continue,
        };
        if started {
            depth += 1;
        }
        if ns != Ns::W {
            continue;
        }
        match e.local_name().as_ref() {
            b"style" if started => {
                current = Some((
                    attribute(&e, b"styleId").unwrap_or_default(),
                    attribute(&e, b"type").unwrap_or_default(),
                    attribute(&e, b"default").is_some_and(|d| d == "1" || d == "true"),
                ));
                own = (None, None, None);
                style_depth = depth;
            }
            b"basedOn" => own.2 = val(&e),
            b"numId" => own.0 = val(&e),
            b"ilvl" => own.1 = number(&e),
            // Run, table and former properties hold no numbering.
            b"rPr" | b"tblPr" | b"trPr" | b"tcPr" | b"tblStylePr" | b"pPrChange" if started => {
                skip(file, &mut part)?;
                depth -= 1;
            }
            _ => {}
        }
    }
    Ok(styles)
}

#[expect(
    clippy::too_many_lines,
    reason = "One pass over numbering.xml, each element's arm in one match."
)]
fn read_numbering(
    file: &Path,
    mut part: Part<'_, '_>,
    numbering: &mut Numbering,
) -> Result<(), ReadDocError> {
    // Where the reader is: in an abstract list, in a list instance, in a
    // level (of either), in a level override.
    let mut abstract_id: Option<String> = None;
    let mut num_id: Option<String> = None;
    let mut level: Option<(u32, Level)> = None;
    let mut override_level: Option<u32> = None;
    let mut depth = 0usize;
    let mut level_depth = 0usize;
    while let Some((ns, event)) = part.next_in(file)? {
        let (e, started) = match event {
            XmlEvent::Start(e) => (e, true),
            XmlEvent::Empty(e) => (e, false),
            XmlEvent::End => {
                if depth == level_depth
                    && let Some((ilvl, finished)) = level.take()
                {
                    store_level(
                        numbering,
                        abstract_id.as_ref(),
                        num_id.as_ref(),
                        override_level,
                        ilvl,
                        finished,
                    );
                }
                depth = depth.saturating_sub(1);
                continue;
            }
            XmlEvent::Text(_) => continue,
        };
        if started {
            depth += 1;
        }
        // Word 2010 puts formats older readers do not know in mc:Choice,
        // with a plain one in mc:Fallback: the fallback is read.
        if ns == Ns::Mc && e.local_name().as_ref() == b"Choice" {
            if started {
                skip(file, &mut part)?;
                depth -= 1;
            }
            continue;
        }
        if ns != Ns::W {
            continue;
        }
        match e.local_name().as_ref() {
            b"abstractNum" => {
                let id = attribute(&e, b"abstractNumId").unwrap_or_default();
                numbering.abstracts.insert(id.clone(), Abstract::default());
                (abstract_id, num_id) = (Some(id), None);
            }
            b"num" => {
                let id = attribute(&e, b"numId").unwrap_or_default();
                numbering.instances.insert(id.clone(), Instance::default());
                (abstract_id, num_id) = (None, Some(id));
            }
            b"abstractNumId" => {
                if let Some(instance) = num_id.as_ref().and_then(|n| numbering.instances.get_mut(n))
                {
                    instance.abstract_id = val(&e).unwrap_or_default();
                }
            }
            b"lvlOverride" => override_level = attribute(&e, b"ilvl").and_then(|v| v.parse().ok()),
            b"startOverride" => {
                if let (Some(n), Some(ilvl)) = (&num_id, override_level)
                    && let Some(instance) = numbering.instances.get_mut(n)
                {
                    instance.overrides.entry(ilvl).or_default().0 = number(&e);
                }
            }
            b"numStyleLink" => {
                if let Some(found) = abstract_id
                    .as_ref()
                    .and_then(|a| numbering.abstracts.get_mut(a))
                {
                    found.style_link = val(&e);
                }
            }
            b"lvl" => {
                let ilvl = attribute(&e, b"ilvl")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let defaults = Level {
                    start: 1,
                    format: "decimal".to_owned(),
                    suffix: "tab".to_owned(),
                    ..Level::default()
                };
                level = Some((ilvl, defaults));
                level_depth = depth;
                if !started && let Some((ilvl, finished)) = level.take() {
                    store_level(
                        numbering,
                        abstract_id.as_ref(),
                        num_id.as_ref(),
                        override_level,
                        ilvl,
                        finished,
                    );
                }
            }
            name => {
                if let Some((_, level)) = level.as_mut() {
                    match name {
                        b"start" => level.start = number(&e).unwrap_or(1),
                        b"numFmt" => level.format = val(&e).unwrap_or_default(),
                        b"lvlText" => level.text = val(&e).unwrap_or_default(),
                        b"suff" => level.suffix = val(&e).unwrap_or_default(),
                        b"lvlRestart" => level.restart = number(&e),
                        b"isLgl" => level.legal = on(&e),
                        b"pStyle" => level.style = val(&e),
                        _ => {}
                    }
                }
            }
        }
    }
    Ok(())
}

/// Files a level just read under its abstract list, or as an instance's
/// override.
fn store_level(
    numbering: &mut Numbering,
    abstract_id: Option<&String>,
    num_id: Option<&String>,
    override_level: Option<u32>,
    ilvl: u32,
    level: Level,
) {
    if let Some(found) = abstract_id.and_then(|a| numbering.abstracts.get_mut(a)) {
        found.levels.insert(ilvl, level);
    } else if let Some(instance) = num_id.and_then(|n| numbering.instances.get_mut(n)) {
        let ilvl = override_level.unwrap_or(ilvl);
        instance.overrides.entry(ilvl).or_default().1 = Some(level);
    }
}

/// The title in `docProps/core.xml` (`dc:title`).
fn read_title(file: &Path, mut part: Part<'_, '_>) -> Result<Option<String>, ReadDocError> {
    let mut in_title = false;
    let mut title = String::new();
    while let Some(event) = part.next(file)? {
        match event {
            XmlEvent::Start(e) if e.local_name().as_ref() == b"title" => in_title = true,
            XmlEvent::End if in_title => break,
            XmlEvent::Text(t) if in_title => title.push_str(&t),
            _ => {}
        }
    }
    Ok(Some(title.trim().to_owned()).filter(|t| !t.is_empty()))
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    num_id: Option<String>,
    ilvl: Option<u32>,
    style: Option<String>,
    /// Its mark is a tracked deletion: it runs on into the next one.
    mark_deleted: bool,
}

/// The body being read into paragraphs.
struct Body<'a> {
    styles: &'a Styles,
    numbering: &'a mut Numbering,
    out: String,
    /// Paragraphs open, the innermost last (a text box's paragraphs sit
    /// inside a run of their anchor's).
    open: Vec<Paragraph>,
    /// Text carried over from a paragraph whose mark was deleted.
    carried: String,
    insertions: usize,
    deletions: usize,
}

impl<'a> Body<'a> {
    fn new(styles: &'a Styles, numbering: &'a mut Numbering) -> Self {
        Self {
            styles,
            numbering,
            out: String::new(),
            open: Vec::new(),
            carried: String::new(),
            insertions: 0,
            deletions: 0,
        }
    }

    fn read(
        &mut self,
        file: &Path,
        mut part: Part<'_, '_>,
        progress: &Progress,
    ) -> Result<(), ReadDocError> {
        // Outside paragraphs there is no text: tables, rows, cells,
        // sections and content controls are walked through to the
        // paragraphs they hold.
        while let Some((ns, event)) = part.next_in(file)? {
            let (XmlEvent::Start(e) | XmlEvent::Empty(e)) = &event else {
                continue;
            };
            let started = matches!(event, XmlEvent::Start(_));
            let local = e.local_name();
            match (ns, local.as_ref()) {
                (Ns::Mc, b"Fallback") if started => skip(file, &mut part)?,
                (Ns::W, b"p") => {
                    if progress.is_cancelled() {
                        return Err(ReadDocError::File(ReadError::Cancelled(file.into())));
                    }
                    self.open.push(Paragraph::default());
                    if started {
                        self.read_paragraph(file, &mut part, progress)?;
                    } else {
                        self.close_paragraph();
                    }
                }
                _ => {}
            }
        }
        // Text left over from a deleted last mark.
        if !self.carried.is_empty() {
            let carried = std::mem::take(&mut self.carried);
            self.line(&carried);
        }
        Ok(())
    }

    /// Reads a paragraph whose start was just read, up to its end.
    #[expect(
        clippy::too_many_lines,
        reason = "One pass over a paragraph, each element's arm in one match."
    )]
    fn read_paragraph(
        &mut self,
        file: &Path,
        part: &mut Part<'_, '_>,
        progress: &Progress,
    ) -> Result<(), ReadDocError> {
        let mut depth = 1usize;
        // The depth at which each of these was entered, if inside it.
        let mut ppr: Option<usize> = None;
        let mut rpr: Option<usize> = None;
        let mut text: Option<usize> = None;
        let mut hidden = false;
        while depth > 0 {
            let Some((ns, event)) = part.next_in(file)? else {
                break;
            };
            let (e, started) = match event {
                XmlEvent::Text(t) => {
                    if text.is_some() && !hidden {
                        self.push(&t);
                    }
                    continue;
                }
                XmlEvent::End => {
                    for inside in [&mut ppr, &mut rpr, &mut text] {
                        if *inside == Some(depth) {
                            *inside = None;
                        }
                    }
                    depth -= 1;
                    continue;
                }
                XmlEvent::Start(e) => (e, true),
                XmlEvent::Empty(e) => (e, false),
            };
            if started {
                depth += 1;
            }
            let local = e.local_name();
            let local = local.as_ref();
            if ns == Ns::Mc {
                if local == b"Fallback" && started {
                    skip(file, part)?;
                    depth -= 1;
                }
                continue;
            }
            if ns != Ns::W {
                continue;
            }
            match local {
                // A paragraph inside this one: a text box's.
                b"p" => {
                    self.open.push(Paragraph::default());
                    if started {
                        self.read_paragraph(file, part, progress)?;
                        depth -= 1;
                    } else {
                        self.close_paragraph();
                    }
                }
                b"pPr" if started => ppr = Some(depth),
                b"rPr" if started => rpr = Some(depth),
                // Former properties, kept for review, are not in effect.
                b"pPrChange" | b"rPrChange" | b"sectPr" | b"tabs" | b"instrText" | b"delText"
                | b"delInstrText"
                    if started =>
                {
                    skip(file, part)?;
                    depth -= 1;
                }
                b"numId" if ppr.is_some() && rpr.is_none() => {
                    if let Some(p) = self.open.last_mut() {
                        p.num_id = val(&e);
                    }
                }
                b"ilvl" if ppr.is_some() && rpr.is_none() => {
                    if let Some(p) = self.open.last_mut() {
                        p.ilvl = number(&e);
                    }
                }
                b"pStyle" if ppr.is_some() => {
                    if let Some(p) = self.open.last_mut() {
                        p.style = val(&e);
                    }
                }
                // In the paragraph mark's run properties, a deletion means
                // the mark was deleted: this paragraph joins the next.
                b"del" | b"moveFrom" if rpr.is_some() => {
                    if ppr.is_some()
                        && let Some(p) = self.open.last_mut()
                    {
                        p.mark_deleted = true;
                    }
                    if started {
                        skip(file, part)?;
                        depth -= 1;
                    }
                }
                b"ins" | b"moveTo" if rpr.is_some() && started => {
                    skip(file, part)?;
                    depth -= 1;
                }
                b"ins" | b"moveTo" if rpr.is_some() => {}
                b"vanish" | b"specVanish" if rpr.is_some() && ppr.is_none() => hidden = on(&e),
                // A deleted run, or a run moved away: dropped.
                b"del" | b"moveFrom" => {
                    self.deletions += 1;
                    if started {
                        skip(file, part)?;
                        depth -= 1;
                    }
                }
                b"ins" | b"moveTo" => self.insertions += 1,
                b"r" => hidden = false,
                b"t" if started => text = Some(depth),
                b"tab" | b"ptab" if ppr.is_none() && !hidden => self.push("\t"),
                b"br" | b"cr" if ppr.is_none() && !hidden => self.push("\n"),
                b"noBreakHyphen" if !hidden => self.push("-"),
                b"sym" if !hidden => {
                    let c = attribute(&e, b"char")
                        .and_then(|c| u32::from_str_radix(&c, 16).ok())
                        .and_then(char::from_u32)
                        .filter(|c| !('\u{e000}'..='\u{f8ff}').contains(c));
                    if let Some(c) = c {
                        self.push(&c.to_string());
                    }
                }
                _ => {}
            }
        }
        self.close_paragraph();
        progress.add_count();
        Ok(())
    }

    /// Adds text to the innermost open paragraph.
    fn push(&mut self, text: &str) {
        if let Some(p) = self.open.last_mut() {
            p.text.push_str(text);
        }
    }

    /// Ends the innermost open paragraph: its number written before it,
    /// or its text carried into the next if its mark was deleted.
    fn close_paragraph(&mut self) {
        let Some(p) = self.open.pop() else {
            return;
        };
        let (style_num, style_ilvl) = self.styles.numbering(p.style.as_deref());
        let num_id = p.num_id.clone().or(style_num);
        let number = num_id.as_deref().filter(|n| *n != "0").and_then(|num_id| {
            let ilvl = p
                .ilvl
                .or(style_ilvl)
                .or_else(|| {
                    p.style
                        .as_deref()
                        .and_then(|s| self.numbering.level_of_style(num_id, s))
                })
                .unwrap_or(0);
            self.numbering.next(num_id, ilvl)
        });
        let mut text = std::mem::take(&mut self.carried);
        if p.mark_deleted {
            text.push_str(&p.text);
            self.carried = text;
            return;
        }
        if text.trim().is_empty() && p.text.trim().is_empty() {
            return;
        }
        if let Some(number) = number {
            text.insert_str(0, &number);
        }
        text.push_str(&p.text);
        self.line(&text);
    }

    fn line(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text);
    }
}
