//! The reviewed copy of a Word draft: the user's own document, unchanged
//! but for a Word comment anchored on each figure checked (its verdict,
//! the record's value and quote, the source).
//!
//! The package itself is edited, not rebuilt: every zip entry is copied
//! byte for byte (compressed data and all) but `word/document.xml`, where
//! `commentRangeStart`, `commentRangeEnd` and a `commentReference` run are
//! put around each figure (a run holding a figure with other words is
//! split in two or three runs of the same properties), `word/comments.xml`
//! (made, or added to), its relationship and its content type. Word, WPS
//! and `LibreOffice` show the comments in the margin.

use std::fmt::Write as _;
use std::io::{Cursor, Read as _, Write as _};
use std::ops::Range;

use quick_xml::escape::escape;
use quick_xml::events::Event;

/// A comment to anchor on a figure of the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The figure's words as the text read from the document has them
    /// ("5.39 trillion yuan"); the comment is anchored on their next
    /// occurrence after the note before.
    pub anchor: String,
    /// The number alone, looked for where the whole words are not found.
    pub number: String,
    /// The comment's text: one paragraph each.
    pub paragraphs: Vec<String>,
}

/// The reviewed copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reviewed {
    /// The .docx's bytes.
    pub bytes: Vec<u8>,
    /// How many notes were anchored.
    pub anchored: usize,
    /// The anchors not found in the document's runs (a figure in a text
    /// box Word keeps elsewhere, a field's result).
    pub missed: Vec<String>,
}

/// Why no reviewed copy could be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReviewedError {
    /// The draft is not a zip file (nor a Word document).
    #[error("not a Word document (.docx is a zip file)")]
    NotZip,
    /// The zip could not be read or written.
    #[error("the Word document's zip cannot be read or written: {0}")]
    Zip(String),
    /// A part Word needs is missing.
    #[error("the Word document has no {0}")]
    MissingPart(String),
    /// A part's XML is malformed.
    #[error("{part} is not well-formed XML at byte {offset}: {message}")]
    BadXml {
        /// The part.
        part: String,
        /// Where reading stopped.
        offset: u64,
        /// What the XML reader said.
        message: String,
    },
}

/// The most bytes a part is unpacked to (a zip bomb is refused).
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

const DOCUMENT: &str = "word/document.xml";
const COMMENTS: &str = "word/comments.xml";
const RELS: &str = "word/_rels/document.xml.rels";
const TYPES: &str = "[Content_Types].xml";
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const COMMENTS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `docx` with `notes` as comments by `author`, dated `date`
/// (`YYYY-MM-DDThh:mm:ssZ`).
pub fn reviewed(
    docx: &[u8],
    notes: &[Note],
    author: &str,
    date: &str,
) -> Result<Reviewed, ReviewedError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| match e {
        zip::result::ZipError::InvalidArchive(_) => ReviewedError::NotZip,
        e => ReviewedError::Zip(e.to_string()),
    })?;
    let document =
        part(&mut zip, DOCUMENT)?.ok_or_else(|| ReviewedError::MissingPart(DOCUMENT.into()))?;
    let old_comments = part(&mut zip, COMMENTS)?;
    // Ids above every annotation's (tracked changes, bookmarks, comments).
    let first_id = max_id(&document).max(old_comments.as_deref().map_or(0, max_id)) + 1;
    let scan = scan(&document)?;
    // Each note's place in the document's text, in order.
    let mut placed: Vec<(Range<usize>, &Note)> = Vec::new();
    let mut missed = Vec::new();
    let mut cursor = 0;
    for note in notes {
        let found = find_from(&scan.text, &note.anchor, cursor)
            .or_else(|| find_from(&scan.text, &note.number, cursor));
        match found {
            Some(range) => {
                cursor = range.end;
                placed.push((range, note));
            }
            None => missed.push(note.anchor.clone()),
        }
    }
    let ids: Vec<u32> = (0..placed.len())
        .map(|i| first_id + u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    let new_document = anchored(&document, &scan, &placed, &ids);
    let comments = comments_part(old_comments.as_deref(), &placed, &ids, author, date);
    let rels = part(&mut zip, RELS)?.ok_or_else(|| ReviewedError::MissingPart(RELS.into()))?;
    let rels = with_relationship(&rels);
    let types = part(&mut zip, TYPES)?.ok_or_else(|| ReviewedError::MissingPart(TYPES.into()))?;
    let types = with_content_type(&types);
    let bytes = repack(
        &mut zip,
        &[
            (DOCUMENT, new_document.into_bytes()),
            (COMMENTS, comments.into_bytes()),
            (RELS, rels.into_bytes()),
            (TYPES, types.into_bytes()),
        ],
    )?;
    Ok(Reviewed {
        bytes,
        anchored: placed.len(),
        missed,
    })
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// A part's text, or `None` where the package has no such part.
fn part(zip: &mut Zip<'_>, name: &str) -> Result<Option<String>, ReviewedError> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ReviewedError::Zip(e.to_string())),
    };
    let mut text = String::new();
    file.take(MAX_PART_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| ReviewedError::Zip(format!("{name}: {e}")))?;
    Ok(Some(text))
}

/// The highest `w:id` in a part.
fn max_id(comments: &str) -> u32 {
    comments
        .match_indices(":id=\"")
        .filter_map(|(at, m)| {
            let rest = &comments[at + m.len()..];
            rest[..rest.find('"')?].parse::<u32>().ok()
        })
        .max()
        .unwrap_or(0)
}

/// `needle` in `haystack` from byte `from`, as a byte range.
fn find_from(haystack: &str, needle: &str, from: usize) -> Option<Range<usize>> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    haystack
        .get(from..)?
        .find(needle)
        .map(|at| from + at..from + at + needle.len())
}

/// A run of `document.xml` and the text of its `w:t` children.
#[derive(Debug)]
struct Run {
    /// The whole `<w:r>…</w:r>`, in bytes of the part.
    span: Range<usize>,
    /// Its start tag, as written.
    start_tag: Range<usize>,
    /// Its properties, as written (empty where it has none).
    properties: Range<usize>,
    /// Its children after the properties: text (decoded) or anything
    /// else (as written).
    children: Vec<Child>,
    /// Where its text starts in [`Scan::text`].
    text_at: usize,
    /// The length of its text, in bytes.
    text_len: usize,
    /// It holds runs of its own (a text box): never split.
    nested: bool,
}

#[derive(Debug)]
enum Child {
    Text(String),
    Raw(Range<usize>),
}

/// What the document's runs say.
#[derive(Debug, Default)]
struct Scan {
    /// The text of every run (deleted ones left out), a new line after
    /// each paragraph.
    text: String,
    runs: Vec<Run>,
    /// The namespace prefix of `w:` as the part writes it.
    prefix: String,
}

/// Reads the runs of `document.xml`.
#[expect(
    clippy::too_many_lines,
    reason = "One pass over the part's events; its state (open runs, skipped elements) is shared by every arm."
)]
fn scan(xml: &str) -> Result<Scan, ReviewedError> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Scan {
        prefix: String::new(),
        ..Scan::default()
    };
    // Open runs: their index and the depth of their start tag.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut in_t = false;
    // Inside a deletion, a Fallback or field code: the depth it began at.
    let mut skipping: Option<usize> = None;
    // Inside the current run's properties, or another child: where it
    // began and at what depth.
    let mut in_props: Option<usize> = None;
    let mut child: Option<(usize, usize)> = None;
    let mut depth = 0usize;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| ReviewedError::BadXml {
            part: DOCUMENT.into(),
            offset: reader.buffer_position(),
            message: e.to_string(),
        })?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let run_child = |depth: usize, open: &[(usize, usize)]| {
            open.last().is_some_and(|&(_, d)| d + 1 == depth)
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                if skipping.is_some() {
                    continue;
                }
                match e.local_name().as_ref() {
                    b"del" | b"moveFrom" | b"Fallback" | b"instrText" | b"delText" => {
                        skipping = Some(depth);
                    }
                    b"r" if is_run(&e, &mut out.prefix) => {
                        if let Some(&(outer, _)) = open.last() {
                            out.runs[outer].nested = true;
                        }
                        open.push((out.runs.len(), depth));
                        out.runs.push(Run {
                            span: before..before,
                            start_tag: before..after,
                            properties: after..after,
                            children: Vec::new(),
                            text_at: out.text.len(),
                            text_len: 0,
                            nested: false,
                        });
                    }
                    _ if in_props.is_some() || !run_child(depth, &open) => {}
                    b"rPr" if out.runs[open.last().map_or(0, |o| o.0)].children.is_empty() => {
                        in_props = Some(depth);
                        if let Some(&(r, _)) = open.last() {
                            out.runs[r].properties = before..before;
                        }
                    }
                    b"t" => {
                        in_t = true;
                        if let Some(&(r, _)) = open.last() {
                            out.runs[r].children.push(Child::Text(String::new()));
                        }
                    }
                    _ if child.is_none() => child = Some((before, depth)),
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if skipping.is_some() || in_props.is_some() || child.is_some() {
                    continue;
                }
                if run_child(depth + 1, &open)
                    && let Some(&(r, _)) = open.last()
                {
                    match e.local_name().as_ref() {
                        b"rPr" => out.runs[r].properties = before..after,
                        local => {
                            out.runs[r].children.push(Child::Raw(before..after));
                            if local == b"tab" {
                                out.text.push('\t');
                                out.runs[r].text_len += 1;
                            }
                        }
                    }
                }
            }
            Event::Text(_) | Event::GeneralRef(_) | Event::CData(_)
                if in_t && skipping.is_none() =>
            {
                let text = event_text(&event);
                if let Some(&(r, _)) = open.last()
                    && let Some(Child::Text(t)) = out.runs[r].children.last_mut()
                {
                    t.push_str(&text);
                    out.runs[r].text_len += text.len();
                    out.text.push_str(&text);
                }
            }
            Event::End(e) => {
                let ended = depth;
                depth = depth.saturating_sub(1);
                if let Some(at) = skipping {
                    if at == ended {
                        skipping = None;
                    }
                    continue;
                }
                if in_props == Some(ended) {
                    in_props = None;
                    if let Some(&(r, _)) = open.last() {
                        out.runs[r].properties.end = after;
                    }
                    continue;
                }
                if let Some((start, at)) = child
                    && at == ended
                {
                    if let Some(&(r, _)) = open.last() {
                        out.runs[r].children.push(Child::Raw(start..after));
                    }
                    child = None;
                    continue;
                }
                match e.local_name().as_ref() {
                    b"t" if in_t => in_t = false,
                    b"r" if open.last().is_some_and(|&(_, d)| d == ended) => {
                        if let Some((r, _)) = open.pop() {
                            out.runs[r].span.end = after;
                        }
                    }
                    b"p" => out.text.push('\n'),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if out.prefix.is_empty() {
        "w".clone_into(&mut out.prefix);
    }
    Ok(out)
}

/// The text of a text event of `w:t`, entities resolved.
fn event_text(event: &Event<'_>) -> String {
    match event {
        Event::Text(t) => t
            .decode()
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default(),
        Event::CData(t) => String::from_utf8_lossy(t).into_owned(),
        Event::GeneralRef(r) => match r.resolve_char_ref() {
            Ok(Some(c)) => c.to_string(),
            _ => r
                .decode()
                .ok()
                .and_then(|n| quick_xml::escape::resolve_predefined_entity(&n).map(str::to_owned))
                .unwrap_or_default(),
        },
        _ => String::new(),
    }
}

/// Whether an element is a `WordprocessingML` run, `PREFIX:r`; the
/// prefix is learnt from the first run.
fn is_run(e: &quick_xml::events::BytesStart<'_>, prefix: &mut String) -> bool {
    if e.local_name().as_ref() != b"r" {
        return false;
    }
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let p = name.split_once(':').map_or("", |(p, _)| p);
    if prefix.is_empty() {
        p.clone_into(prefix);
    }
    p == prefix
}

/// Where a cut falls: before a run, after it, or inside its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Before,
    After,
    Inside,
}

/// The document with each placed note's range marked and referenced.
fn anchored(xml: &str, scan: &Scan, placed: &[(Range<usize>, &Note)], ids: &[u32]) -> String {
    let w = &scan.prefix;
    // Runs with text, in the text's order.
    let runs: Vec<&Run> = scan.runs.iter().filter(|r| r.text_len > 0).collect();
    // Per run: XML before it, after it, and cuts inside it.
    let mut before: Vec<String> = vec![String::new(); runs.len()];
    let mut after: Vec<String> = vec![String::new(); runs.len()];
    let mut inside: Vec<Vec<(usize, String)>> = vec![Vec::new(); runs.len()];
    for ((range, _), id) in placed.iter().zip(ids) {
        let start = format!("<{w}:commentRangeStart {w}:id=\"{id}\"/>");
        let end = format!(
            "<{w}:commentRangeEnd {w}:id=\"{id}\"/><{w}:r><{w}:commentReference {w}:id=\"{id}\"/></{w}:r>"
        );
        // The start in the run holding its first character; the end in
        // the run holding its last.
        let first = runs.partition_point(|r| r.text_at + r.text_len <= range.start);
        let last = runs.partition_point(|r| r.text_at + r.text_len < range.end);
        let (Some(r1), Some(r2)) = (runs.get(first), runs.get(last)) else {
            continue;
        };
        let place = |run: &Run, at: usize, is_end: bool| {
            if at <= run.text_at && !is_end {
                Place::Before
            } else if at >= run.text_at + run.text_len && is_end {
                Place::After
            } else if run.nested {
                if is_end { Place::After } else { Place::Before }
            } else {
                Place::Inside
            }
        };
        match place(r1, range.start, false) {
            Place::Before => before[first].push_str(&start),
            Place::After => after[first].push_str(&start),
            Place::Inside => inside[first].push((range.start, start)),
        }
        match place(r2, range.end, true) {
            Place::Before => before[last].push_str(&end),
            Place::After => after[last].push_str(&end),
            Place::Inside => inside[last].push((range.end, end)),
        }
    }
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        if before[i].is_empty() && after[i].is_empty() && inside[i].is_empty() {
            continue;
        }
        if run.nested {
            edits.push((run.span.start, run.span.start, before[i].clone()));
            edits.push((run.span.end, run.span.end, after[i].clone()));
            continue;
        }
        let mut body = std::mem::take(&mut before[i]);
        if inside[i].is_empty() {
            body.push_str(&xml[run.span.clone()]);
        } else {
            inside[i].sort_by_key(|c| c.0);
            body.push_str(&split_run(xml, run, &inside[i], w));
        }
        body.push_str(&after[i]);
        edits.push((run.span.start, run.span.end, body));
    }
    edits.sort_by_key(|e| (e.0, e.1));
    let mut out = String::with_capacity(xml.len() + edits.len() * 128);
    let mut at = 0;
    for (start, end, text) in edits {
        if start < at {
            continue;
        }
        out.push_str(&xml[at..start]);
        out.push_str(&text);
        at = end;
    }
    out.push_str(&xml[at..]);
    out
}

/// A run cut at `cuts` (offsets in the document's text, inside the
/// run's text), each cut's XML between the pieces, each piece a run of
/// the same properties.
fn split_run(xml: &str, run: &Run, cuts: &[(usize, String)], w: &str) -> String {
    let open = format!(
        "{}{}",
        &xml[run.start_tag.clone()],
        &xml[run.properties.clone()]
    );
    let close = format!("</{w}:r>");
    let mut out = open.clone();
    let mut offset = run.text_at;
    let mut cut = 0;
    for child in &run.children {
        match child {
            Child::Raw(range) => {
                out.push_str(&xml[range.clone()]);
                if xml[range.clone()].contains(":tab") {
                    offset += 1;
                }
            }
            Child::Text(text) => {
                let mut from = 0;
                while cut < cuts.len() && cuts[cut].0 < offset + text.len() {
                    let at = cuts[cut].0.saturating_sub(offset).min(text.len());
                    if at > from && text.is_char_boundary(at) && text.is_char_boundary(from) {
                        push_text(&mut out, &text[from..at], w);
                        from = at;
                    }
                    out.push_str(&close);
                    out.push_str(&cuts[cut].1);
                    out.push_str(&open);
                    cut += 1;
                }
                if from < text.len() {
                    push_text(&mut out, &text[from..], w);
                }
                offset += text.len();
            }
        }
    }
    out.push_str(&close);
    out
}

fn push_text(out: &mut String, text: &str, w: &str) {
    let _ = write!(
        out,
        "<{w}:t xml:space=\"preserve\">{}</{w}:t>",
        escape(text)
    );
}

/// The comments part: the old one with the new comments added, or a new
/// one.
fn comments_part(
    old: Option<&str>,
    placed: &[(Range<usize>, &Note)],
    ids: &[u32],
    author: &str,
    date: &str,
) -> String {
    let mut comments = String::new();
    let author = escape(author);
    for ((_, note), id) in placed.iter().zip(ids) {
        let _ = write!(
            comments,
            "<w:comment w:id=\"{id}\" w:author=\"{author}\" w:date=\"{date}\" w:initials=\"PE\">"
        );
        for paragraph in &note.paragraphs {
            comments.push_str("<w:p><w:r><w:t xml:space=\"preserve\">");
            comments.push_str(&escape(paragraph));
            comments.push_str("</w:t></w:r></w:p>");
        }
        comments.push_str("</w:comment>");
    }
    if let Some(old) = old
        && let Some(at) = old.rfind("</")
    {
        // The new comments declare `w` themselves, whatever the old part
        // calls it.
        let declared = comments.replace("<w:comment ", &format!("<w:comment xmlns:w=\"{W_NS}\" "));
        return format!("{}{declared}{}", &old[..at], &old[at..]);
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W_NS}\">{comments}</w:comments>"
    )
}

/// The document's relationships with one to the comments, unless there
/// is one.
fn with_relationship(rels: &str) -> String {
    if rels.contains(COMMENTS_REL) {
        return rels.to_owned();
    }
    let mut id = "rIdPlanExplorerComments".to_owned();
    while rels.contains(&format!("\"{id}\"")) {
        id.push('1');
    }
    let line =
        format!("<Relationship Id=\"{id}\" Type=\"{COMMENTS_REL}\" Target=\"comments.xml\"/>");
    match rels.rfind("</Relationships>") {
        Some(at) => format!("{}{line}{}", &rels[..at], &rels[at..]),
        None => rels.to_owned(),
    }
}

/// The content types with the comments part's, unless it is there.
fn with_content_type(types: &str) -> String {
    if types.contains("/word/comments.xml") {
        return types.to_owned();
    }
    let line =
        format!("<Override PartName=\"/word/comments.xml\" ContentType=\"{COMMENTS_TYPE}\"/>");
    match types.rfind("</Types>") {
        Some(at) => format!("{}{line}{}", &types[..at], &types[at..]),
        None => types.to_owned(),
    }
}

/// The package again: every entry copied as it is (its compressed bytes),
/// but `changed`'s, written anew; the comments part added if new.
fn repack(zip: &mut Zip<'_>, changed: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, ReviewedError> {
    let error = |e: zip::result::ZipError| ReviewedError::Zip(e.to_string());
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut written: Vec<&str> = Vec::new();
    for i in 0..zip.len() {
        let file = zip.by_index_raw(i).map_err(error)?;
        let name = file.name().to_owned();
        if let Some((name, bytes)) = changed.iter().find(|(n, _)| *n == name) {
            drop(file);
            writer.start_file(*name, options).map_err(error)?;
            writer
                .write_all(bytes)
                .map_err(|e| ReviewedError::Zip(e.to_string()))?;
            written.push(name);
        } else {
            writer.raw_copy_file(file).map_err(error)?;
        }
    }
    for (name, bytes) in changed {
        if !written.contains(name) {
            writer.start_file(*name, options).map_err(error)?;
            writer
                .write_all(bytes)
                .map_err(|e| ReviewedError::Zip(e.to_string()))?;
        }
    }
    Ok(writer.finish().map_err(error)?.into_inner())
}

/// The comments for a checked draft: one per claim, its verdict and what
/// the data says, in `lang`.
pub fn notes(
    report: &super::Report,
    text: &str,
    dataset: &crate::dataset::Dataset,
    lang: crate::i18n::Lang,
) -> Vec<Note> {
    report
        .claims
        .iter()
        .map(|claim| Note {
            anchor: claim.text.clone(),
            number: text
                .get(claim.number.clone())
                .unwrap_or_default()
                .to_owned(),
            paragraphs: vec![
                format!("Plan Explorer: {}", claim.verdict.text(lang)),
                claim.message(dataset, lang),
            ],
        })
        .collect()
}
