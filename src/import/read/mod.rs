//! Reading a plan document into its text: plain text in any of the
//! encodings Chinese government sites still use, a saved web page, Word
//! (.docx) and PDF with a text layer.
//!
//! The answer is a [`Document`]: the text as a reader would copy it, one
//! paragraph a line, with what the reader did on the way ([`Note`]s: the
//! page headers it dropped, the tracked changes it applied, ...). The
//! format is told by the file's first bytes, and by its name only where
//! the bytes do not say (a text file and a web page). Bytes are read as
//! `dataset` reads a dataset (no pipes or devices, a size limit, progress
//! and Cancel), and each format's reader has its own limits, so a zip bomb,
//! a 200 MB web page or a hostile PDF is refused in moments, each with a
//! [`ReadDocError`] that names the file and, where there is one, the part.

mod docx;
mod encoding;
mod html;
mod numbering;
mod pdf;
mod pdf_actual;
mod repair;
mod text;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use encoding::{Candidate, PREVIEW_CHARS, TextEncoding};
pub use text::LONG_PARAGRAPH_CHARS;

use crate::dataset::{self, ReadError};
use crate::job::Progress;

/// The largest document file read at all, in bytes (256 MiB); each
/// format has a lower limit of its own ([`DocKind::limit_bytes`]).
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// How long a PDF's text may take to come out before the reader gives up
/// ([`ReadDocError::Timeout`]), unless [`ReadOptions::deadline`] says
/// otherwise. A 300-page plan takes well under a second.
pub const PDF_DEADLINE: Duration = Duration::from_secs(20);

/// A document read into text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The text as a reader would copy it: one paragraph a line, blank
    /// lines between some, no white space at a line's ends.
    pub text: String,
    /// The format it was read as, with what the reader learnt of it.
    pub format: Format,
    /// The title the file names for itself (a web page's `<title>`, the
    /// Word or PDF document's title property), where it names one.
    pub title_hint: Option<String>,
    /// What the reader did or noticed on the way, in the order it did.
    pub notes: Vec<Note>,
}

impl Document {
    /// The paragraphs: the text's lines that are not blank.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.text.split('\n').filter(|l| !l.is_empty())
    }
}

/// The format a document was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text in this encoding.
    Text {
        /// The encoding the bytes were read in.
        encoding: TextEncoding,
    },
    /// A saved web page; its article's text.
    Html {
        /// The encoding the bytes were read in.
        encoding: TextEncoding,
    },
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF with a text layer.
    Pdf {
        /// Its number of pages.
        pages: usize,
    },
}

impl Format {
    /// The kind of format, without what was learnt.
    pub fn kind(self) -> DocKind {
        match self {
            Self::Text { .. } => DocKind::Text,
            Self::Html { .. } => DocKind::Html,
            Self::Docx => DocKind::Docx,
            Self::Pdf { .. } => DocKind::Pdf,
        }
    }
}

/// The formats the reader reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// Plain text (.txt).
    Text,
    /// A saved web page (.html, .htm).
    Html,
    /// Word (.docx).
    Docx,
    /// PDF.
    Pdf,
}

impl DocKind {
    /// The largest file of this format read, in bytes.
    ///
    /// A web page becomes a tree of a few times its size while it is read,
    /// so its limit is the lowest; a PDF's pages may carry pictures.
    pub fn limit_bytes(self) -> u64 {
        const MIB: u64 = 1024 * 1024;
        match self {
            Self::Text => 64 * MIB,
            Self::Html => 16 * MIB,
            Self::Docx => 128 * MIB,
            Self::Pdf => MAX_DOCUMENT_BYTES,
        }
    }

    /// The format a file name's extension names, if any.
    pub fn of_name(name: &Path) -> Option<Self> {
        let extension = name.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Self::Text),
            "html" | "htm" | "xhtml" | "shtml" => Some(Self::Html),
            "docx" | "docm" => Some(Self::Docx),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }
}

/// Files the reader recognises and does not read, each worded with what to
/// do instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    /// A Word 97-2003 document (.doc), or another OLE compound file.
    OldWord,
    /// A zip that is not a Word document (a spreadsheet, an e-book, ...).
    OtherZip,
    /// A picture: the text would need OCR.
    Image,
    /// Rich Text Format.
    Rtf,
}

/// What the reader did or noticed while reading a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// Bytes that do not decode in the encoding read were replaced by
    /// U+FFFD.
    Undecodable {
        /// The encoding read.
        encoding: TextEncoding,
        /// How many sequences were replaced.
        count: usize,
    },
    /// A paragraph is very long: the text has probably lost its line
    /// breaks.
    LongParagraph {
        /// Its length in characters.
        chars: usize,
    },
    /// A web page's article was taken from this element; the rest of the
    /// page (menus, footers, ...) was left out.
    ArticleFrom {
        /// The element, as `tag#id.class`.
        element: String,
        /// How many of the page's characters were left out.
        left_out_chars: usize,
    },
    /// A Word document's tracked changes were applied: insertions kept,
    /// deletions dropped.
    TrackedChanges {
        /// Insertions kept.
        insertions: usize,
        /// Deletions dropped.
        deletions: usize,
    },
    /// Automatic list numbers were written out as printed ("一、", "1.").
    NumbersRebuilt {
        /// How many paragraphs got one.
        paragraphs: usize,
    },
    /// Lines printed at the top or bottom of most pages (running heads,
    /// footers) were dropped.
    RepeatedLinesDropped {
        /// The lines, each once, as printed on the first page that has it.
        lines: Vec<String>,
    },
    /// Page numbers were dropped.
    PageNumbersDropped {
        /// How many.
        count: usize,
    },
    /// Lines broken at the page's width were joined into paragraphs.
    LinesJoined {
        /// How many line breaks were removed.
        count: usize,
    },
    /// Words hyphenated at a line's end were joined ("develop-" +
    /// "ment").
    HyphensJoined {
        /// How many.
        count: usize,
    },
    /// Some pages have no text (scanned pages, pictures): their words, if
    /// any, are missing.
    PagesWithoutText {
        /// The pages, from 1.
        pages: Vec<usize>,
    },
    /// Pages the PDF reader failed on (a damaged font, say): their text is
    /// missing.
    PagesUnreadable {
        /// The pages, from 1.
        pages: Vec<usize>,
    },
    /// Characters the PDF's fonts do not map to Unicode were dropped.
    UnmappedCharacters {
        /// How many.
        count: usize,
    },
}

/// Why a document could not be read.
///
/// Its English is its `Display`; `src/i18n/readers.rs` words it in each
/// language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadDocError {
    /// The file itself could not be read: missing, a folder, a pipe, too
    /// large, refused by the system, or cancelled.
    File(ReadError),
    /// The file is larger than its format's limit ([`DocKind::limit_bytes`]).
    TooLarge {
        /// The file.
        file: PathBuf,
        /// The format.
        kind: DocKind,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The document has no text at all (an empty file, a page with no
    /// article, a Word document with no paragraphs).
    Empty {
        /// The file.
        file: PathBuf,
    },
    /// A kind of file the reader recognises but does not read.
    Unsupported {
        /// The file.
        file: PathBuf,
        /// What it is.
        kind: Unsupported,
    },
    /// The bytes are not text in any encoding (NULs that are not UTF-16).
    NotText {
        /// The file.
        file: PathBuf,
    },
    /// The encoding could not be told for sure; these are the encodings
    /// that decode the bytes, the likeliest first. Read again with
    /// [`ReadOptions::encoding`] set to the one the user chooses.
    UnsureEncoding {
        /// The file.
        file: PathBuf,
        /// The encodings it may be in, each with a preview.
        candidates: Vec<Candidate>,
    },
    /// A .docx that is not a zip file at all.
    NotZip {
        /// The file.
        file: PathBuf,
    },
    /// A zip file that cannot be read (cut short, damaged).
    BadZip {
        /// The file.
        file: PathBuf,
        /// What the zip reader said.
        message: String,
    },
    /// A part of the zip unpacks to more than the reader allows: a zip
    /// bomb, or a document too large to be a plan.
    ZipBomb {
        /// The file.
        file: PathBuf,
        /// The part ("word/document.xml").
        part: String,
        /// The most bytes the reader would unpack.
        limit: u64,
    },
    /// A part a Word document must have is missing.
    MissingPart {
        /// The file.
        file: PathBuf,
        /// The part ("word/document.xml").
        part: String,
    },
    /// A part's XML is malformed.
    BadXml {
        /// The file.
        file: PathBuf,
        /// The part ("word/numbering.xml").
        part: String,
        /// The byte offset in the part where reading stopped.
        offset: u64,
        /// What the XML reader said.
        message: String,
    },
    /// The document is protected by a password.
    Encrypted {
        /// The file.
        file: PathBuf,
        /// Its format.
        kind: DocKind,
    },
    /// The PDF cannot be read: damaged, cut short, or not a PDF inside.
    BadPdf {
        /// The file.
        file: PathBuf,
        /// What the PDF reader said.
        message: String,
    },
    /// No page of the PDF has text: it is scanned, or pictures only. The
    /// app does not do OCR.
    NoTextLayer {
        /// The file.
        file: PathBuf,
        /// Its number of pages.
        pages: usize,
    },
    /// The PDF's text cannot be read as characters: its fonts do not map
    /// their glyphs to Unicode (no `ToUnicode` map).
    UnmappedText {
        /// The file.
        file: PathBuf,
        /// How many of the characters were unmapped.
        unmapped: usize,
        /// How many characters there were.
        total: usize,
    },
    /// Reading took longer than the deadline and was given up.
    Timeout {
        /// The file.
        file: PathBuf,
        /// The deadline, in seconds.
        seconds: u64,
    },
    /// The format's reader failed inside (a bug in it, met on this file).
    ReaderFailed {
        /// The file.
        file: PathBuf,
        /// The format.
        kind: DocKind,
    },
}

impl ReadDocError {
    /// The file the error is about.
    pub fn file(&self) -> &Path {
        match self {
            Self::File(error) => match error {
                ReadError::NotFound(path)
                | ReadError::IsDirectory(path)
                | ReadError::Cancelled(path)
                | ReadError::Empty(path)
                | ReadError::NotRegular { path, .. }
                | ReadError::TooLarge { path, .. }
                | ReadError::NotUtf8 { path, .. }
                | ReadError::Io { path, .. } => path,
            },
            Self::TooLarge { file, .. }
            | Self::Empty { file }
            | Self::Unsupported { file, .. }
            | Self::NotText { file }
            | Self::UnsureEncoding { file, .. }
            | Self::NotZip { file }
            | Self::BadZip { file, .. }
            | Self::ZipBomb { file, .. }
            | Self::MissingPart { file, .. }
            | Self::BadXml { file, .. }
            | Self::Encrypted { file, .. }
            | Self::BadPdf { file, .. }
            | Self::NoTextLayer { file, .. }
            | Self::UnmappedText { file, .. }
            | Self::Timeout { file, .. }
            | Self::ReaderFailed { file, .. } => file,
        }
    }
}

/// How to read a document, where the defaults will not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// Read a text or web page in this encoding, instead of the one
    /// detected or declared (the user's answer to
    /// [`ReadDocError::UnsureEncoding`]).
    pub encoding: Option<TextEncoding>,
    /// Give up on a PDF after this long ([`ReadDocError::Timeout`]).
    pub deadline: Duration,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            encoding: None,
            deadline: PDF_DEADLINE,
        }
    }
}

/// Where a read is, as the stage of its [`Progress`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Looking at what the path is.
    Opening,
    /// Reading bytes ([`Progress::done`] of [`Progress::total`]).
    Reading,
    /// Taking the text out ([`Progress::count`] pages or parts so far).
    Extracting,
}

impl Stage {
    /// The stage a read reporting to `progress` is in.
    pub fn of(progress: &Progress) -> Self {
        match progress.stage() {
            1 => Self::Reading,
            2 => Self::Extracting,
            _ => Self::Opening,
        }
    }

    /// Moves the read reporting to `progress` on to this stage.
    pub fn enter(self, progress: &Progress) {
        progress.set_stage(match self {
            Self::Opening => 0,
            Self::Reading => 1,
            Self::Extracting => 2,
        });
    }
}

/// Reads the document at `path` into text, counting bytes and pages in
/// `progress` and stopping when it is cancelled.
pub fn read_document(path: &Path, progress: &Progress) -> Result<Document, ReadDocError> {
    read_document_with(path, &ReadOptions::default(), progress)
}

/// Like [`read_document`], with `options`.
pub fn read_document_with(
    path: &Path,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<Document, ReadDocError> {
    Stage::Opening.enter(progress);
    // The name's format sets the limit before a byte is read, so a 200 MB
    // web page is refused at once; the contents' format is checked again.
    let limit = DocKind::of_name(path).map_or(MAX_DOCUMENT_BYTES, DocKind::limit_bytes);
    let bytes = dataset::read_bytes_with(path, limit, progress).map_err(|error| match error {
        ReadError::TooLarge { path, size, limit } => match DocKind::of_name(&path) {
            Some(kind) => ReadDocError::TooLarge {
                file: path,
                kind,
                size,
                limit,
            },
            None => ReadDocError::File(ReadError::TooLarge { path, size, limit }),
        },
        error => ReadDocError::File(error),
    })?;
    Stage::Extracting.enter(progress);
    // The bytes are handed over, so a PDF's reader can own them without a
    // copy and let them go once they are parsed.
    read(path, Cow::Owned(bytes), options, progress)
}

/// Reads a document from its bytes; `name` is its file name, which
/// tells a text from a web page where the bytes do not, and names it in
/// errors.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Document, ReadDocError> {
    read_bytes_with(name, bytes, &ReadOptions::default())
}

/// Like [`read_bytes`], with `options`.
pub fn read_bytes_with(
    name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Document, ReadDocError> {
    read(
        Path::new(name),
        Cow::Borrowed(bytes),
        options,
        &Progress::default(),
    )
}

/// What the first bytes say a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sniffed {
    Kind(DocKind),
    Unsupported(Unsupported),
    /// A password-protected Office document: an OLE file holding the
    /// encrypted package.
    Ole,
    /// Nothing telling: text or a web page, as the name says.
    Unknown,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    const OLE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
    // A PDF's header may follow some junk; readers look in the first KiB.
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        Sniffed::Kind(DocKind::Pdf)
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Sniffed::Kind(DocKind::Docx)
    } else if bytes.starts_with(OLE) {
        Sniffed::Ole
    } else if bytes.starts_with(b"{\\rtf") {
        Sniffed::Unsupported(Unsupported::Rtf)
    } else if [
        b"\x89PNG".as_slice(),
        b"\xff\xd8\xff",
        b"GIF8",
        b"II*\0",
        b"MM\0*",
    ]
    .iter()
    .any(|magic| bytes.starts_with(magic))
    {
        Sniffed::Unsupported(Unsupported::Image)
    } else {
        Sniffed::Unknown
    }
}

/// Whether text looks like a web page: its first tag is `<!DOCTYPE html`,
/// `<html`, `<head`, or it has a `<body` or `<p>` early on.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<meta "]
        .iter()
        .any(|tag| memchr::memmem::find(&lower, tag.as_bytes()).is_some())
}

fn read(
    file: &Path,
    owned: Cow<'_, [u8]>,
    options: &ReadOptions,
    progress: &Progress,
) -> Result<Document, ReadDocError> {
    let bytes: &[u8] = &owned;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadDocError::Empty { file: file.into() });
    }
    let named = DocKind::of_name(file);
    let kind = match sniff(bytes) {
        Sniffed::Kind(kind) => kind,
        Sniffed::Unsupported(kind) => {
            return Err(ReadDocError::Unsupported {
                file: file.into(),
                kind,
            });
        }
        Sniffed::Ole => {
            // Word saves a .docx with a password as an OLE file; a .doc is
            // one by nature.
            return Err(if named == Some(DocKind::Docx) {
                ReadDocError::Encrypted {
                    file: file.into(),
                    kind: DocKind::Docx,
                }
            } else {
                ReadDocError::Unsupported {
                    file: file.into(),
                    kind: Unsupported::OldWord,
                }
            });
        }
        Sniffed::Unknown => match named {
            Some(DocKind::Docx) => return Err(ReadDocError::NotZip { file: file.into() }),
            Some(DocKind::Pdf) => {
                return Err(ReadDocError::BadPdf {
                    file: file.into(),
                    message: "no %PDF- header".to_owned(),
                });
            }
            Some(named @ (DocKind::Html | DocKind::Text)) => named,
            None if looks_like_html(bytes) => DocKind::Html,
            None => DocKind::Text,
        },
    };
    let size = bytes.len() as u64;
    if size > kind.limit_bytes() {
        return Err(ReadDocError::TooLarge {
            file: file.into(),
            kind,
            size,
            limit: kind.limit_bytes(),
        });
    }
    let mut notes = Vec::new();
    let (raw, format, title_hint) = match kind {
        DocKind::Text => {
            let (text, encoding) = text::decode(file, bytes, options.encoding, &mut notes)?;
            (text, Format::Text { encoding }, None)
        }
        DocKind::Html => {
            let page = html::read(file, bytes, options.encoding, &mut notes)?;
            (
                page.text,
                Format::Html {
                    encoding: page.encoding,
                },
                page.title,
            )
        }
        DocKind::Docx => {
            let word = docx::read(file, bytes, progress, &mut notes)?;
            (word.text, Format::Docx, word.title)
        }
        DocKind::Pdf => {
            let pdf = pdf::read(
                file,
                owned.into_owned(),
                options.deadline,
                progress,
                &mut notes,
            )?;
            (pdf.text, Format::Pdf { pages: pdf.pages }, pdf.title)
        }
    };
    let text = text::paragraphs(&raw, &mut notes);
    if text.is_empty() {
        return Err(ReadDocError::Empty { file: file.into() });
    }
    Ok(Document {
        text,
        format,
        title_hint: title_hint
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty()),
        notes,
    })
}
