//! The data layer: the dataset format, loading, checking and indexing.
//!
//! Nothing here knows about the user interface. Loading goes in three steps,
//! like ripgrep's arguments: bytes are read with their own clear errors
//! ([`ReadError`]), parsed into loose raw types that never fail on a wrong
//! type ([`raw`]), then checked into an indexed [`Dataset`] ([`check`]) with
//! every problem reported at once.

mod check;
pub mod diff;
pub mod field;
pub mod folded;
mod io_reason;
mod kinds;
mod model;
pub mod nearest;
mod problem;
mod progress;
pub mod proof;
mod quantity;
pub mod quotes;
pub mod raw;
mod stream;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use check::{MAX_PROBLEMS, PLAUSIBLE_YEARS, SUPPORTED_SCHEMA_VERSIONS};
pub use io_reason::{IoKind, IoReason};
pub use kinds::{DateForm, Expected, Found, JsonNumber, ProblemKind, RecordKind, SyntaxReason};
pub use model::{
    Caveat, Citation, Dataset, District, ExchangeRate, Fact, FactIx, FigureRef, Fund, FundIx,
    FundLevel, Named, Node, NodeIx, NodeKind, Plan, PlanIx, Point, QuantityUnit, Review, Series,
    SeriesIx, Source, SourceIx, Status, Summary, TRANSLATION_MARK, Target, TargetIx, Theme,
    ThemeIx, Unit, UnitIx, Zh, zh_shown,
};
pub use problem::{Problem, Severity, abbreviate};
pub use progress::Phase;
pub use quantity::Quantity;

use crate::job::Progress;

/// The default dataset, built into the program.
pub const EMBEDDED_JSON: &str = include_str!("../../data/shanghai_plans.json");

/// The name shown for the embedded dataset where a file name would be.
pub const EMBEDDED_NAME: &str = "<embedded dataset>";

/// The largest dataset file accepted, in bytes (256 MiB).
///
/// Loading needs a few times the file's size in memory; this keeps a wrong
/// file (a video, a disk image) from exhausting it.
pub const MAX_DATASET_BYTES: u64 = 256 * 1024 * 1024;

/// Why a file could not be read as text at all.
///
/// Its English is its `Display`; `src/i18n/problems.rs` words it in each
/// language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Nothing exists at the path.
    NotFound(PathBuf),
    /// The path is a folder.
    IsDirectory(PathBuf),
    /// The path is a named pipe, a socket or a device: reading it could
    /// wait forever (a pipe nobody writes to) or never end (`/dev/zero`),
    /// so it is refused before it is opened.
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is instead.
        kind: SpecialFile,
    },
    /// The load was cancelled before it finished.
    Cancelled(PathBuf),
    /// The file is larger than [`MAX_DATASET_BYTES`] (or the given limit).
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file has no content.
    Empty(PathBuf),
    /// The bytes are not UTF-8 text.
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The encoding the bytes most likely are in ("GB18030",
        /// "windows-1252"), when one decodes them: what to save them from.
        likely: Option<&'static str>,
        /// The first invalid byte.
        byte: u8,
        /// 1-based line of the invalid byte.
        line: usize,
        /// 1-based column (in characters) of the invalid byte.
        column: usize,
    },
    /// Any other I/O failure, such as a permission error.
    Io {
        /// The file.
        path: PathBuf,
        /// Why the system refused.
        reason: IoReason,
    },
}

impl ReadError {
    /// The problem with a file's content as a [`Problem`], worded without
    /// the path (which the caller shows) and located where possible; `None`
    /// when the file itself could not be read.
    pub fn content_problem(&self) -> Option<Problem> {
        match self {
            Self::TooLarge { size, limit, .. } => Some(Problem::error(
                "",
                ProblemKind::FileTooLarge {
                    size: *size,
                    limit: *limit,
                },
            )),
            Self::Empty(_) => Some(Problem::error("", ProblemKind::FileEmpty)),
            Self::NotUtf8 {
                byte,
                line,
                column,
                likely,
                ..
            } => Some(Problem::at(
                *line,
                *column,
                ProblemKind::NotUtf8 {
                    byte: *byte,
                    likely: *likely,
                },
            )),
            Self::NotFound(_)
            | Self::IsDirectory(_)
            | Self::NotRegular { .. }
            | Self::Cancelled(_)
            | Self::Io { .. } => None,
        }
    }
}

/// A path that is not a regular file, each with its own wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecialFile {
    /// A named pipe.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A character device such as `/dev/zero` or a terminal.
    CharDevice,
    /// A block device: a disk or a partition.
    BlockDevice,
    /// Anything else that is not a regular file.
    Other,
}

impl SpecialFile {
    /// What `file_type` is, if it is neither a regular file nor a folder.
    pub fn of(file_type: std::fs::FileType) -> Option<Self> {
        if file_type.is_file() || file_type.is_dir() {
            return None;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            if file_type.is_fifo() {
                return Some(Self::Fifo);
            }
            if file_type.is_socket() {
                return Some(Self::Socket);
            }
            if file_type.is_char_device() {
                return Some(Self::CharDevice);
            }
            if file_type.is_block_device() {
                return Some(Self::BlockDevice);
            }
        }
        Some(Self::Other)
    }
}

/// The result of loading: a dataset when there is no error, and every
/// problem found (warnings can come with a dataset).
#[derive(Debug)]
pub struct Loaded {
    /// The checked dataset, unless there was an error.
    pub dataset: Option<Dataset>,
    /// Every problem, errors and warnings, in the order found.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
}

/// How much is read at a time, so progress is seen and Cancel is heard.
const READ_CHUNK: usize = 1 << 20;

/// Reads a dataset file into text, with a clear error for each way it can
/// fail, and a size limit.
pub fn read_text(path: &Path, limit_bytes: u64) -> Result<String, ReadError> {
    read_text_with(path, limit_bytes, &Progress::default())
}

/// Like [`read_text`], counting the bytes read in `progress` and stopping
/// with [`ReadError::Cancelled`] once it is cancelled.
///
/// What the path is, is looked at before it is opened: a named pipe,
/// socket or device is refused ([`ReadError::NotRegular`]) instead of read.
pub fn read_text_with(
    path: &Path,
    limit_bytes: u64,
    progress: &Progress,
) -> Result<String, ReadError> {
    text_from_bytes(path, read_bytes_with(path, limit_bytes, progress)?)
}

/// The bytes of a regular file, refusing pipes, sockets and devices and
/// anything over `limit_bytes`, as [`read_text_with`] does.
pub fn read_bytes_with(
    path: &Path,
    limit_bytes: u64,
    progress: &Progress,
) -> Result<Vec<u8>, ReadError> {
    let io_error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound(path.to_owned()),
        _ => ReadError::Io {
            path: path.to_owned(),
            reason: IoReason::of(&source),
        },
    };
    let not_regular = |file_type: std::fs::FileType| {
        SpecialFile::of(file_type).map(|kind| ReadError::NotRegular {
            path: path.to_owned(),
            kind,
        })
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory(path.to_owned()));
    }
    if let Some(error) = not_regular(metadata.file_type()) {
        return Err(error);
    }
    if metadata.len() > limit_bytes {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            limit: limit_bytes,
        });
    }
    let file = open_without_waiting(path).map_err(io_error)?;
    // The path may have been swapped for a pipe since it was looked at;
    // opened without blocking, such a pipe is caught here, unread.
    if let Some(error) = file
        .metadata()
        .ok()
        .and_then(|m| not_regular(m.file_type()))
    {
        return Err(error);
    }
    progress.set_total(metadata.len());
    read_all(file, path, metadata.len(), limit_bytes, progress)
}

/// Reads all of `reader` (the file at `path`, of `size` bytes if known),
/// refusing anything over `limit_bytes`, counting in `progress` and
/// stopping with [`ReadError::Cancelled`] at the first chunk after it is
/// cancelled. A read that blocks (a stalled network share) is left to the
/// worker thread it runs on: the window has let go of the load already.
pub fn read_all(
    reader: impl std::io::Read,
    path: &Path,
    size: u64,
    limit_bytes: u64,
    progress: &Progress,
) -> Result<Vec<u8>, ReadError> {
    let io_error = |source: std::io::Error| ReadError::Io {
        path: path.to_owned(),
        reason: IoReason::of(&source),
    };
    Phase::Reading.enter(progress);
    // The size is checked again while reading, in case the file grows.
    let mut reader = std::io::Read::take(reader, limit_bytes.saturating_add(1));
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit_bytes)).unwrap_or(0));
    let mut chunk = vec![0; READ_CHUNK];
    loop {
        if progress.is_cancelled() {
            return Err(ReadError::Cancelled(path.to_owned()));
        }
        match std::io::Read::read(&mut reader, &mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&chunk[..n]);
                progress.add_done(n as u64);
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(io_error(error)),
        }
    }
    let size = bytes.len() as u64;
    if size > limit_bytes {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: limit_bytes,
        });
    }
    Ok(bytes)
}

/// Opens a file for reading; on Unix without waiting, so a named pipe with
/// no writer cannot hold the open (reads of regular files are unaffected).
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Checks that bytes are non-empty UTF-8, locating the first bad byte.
/// UTF-16 (what Windows' editors call "Unicode"), with a byte-order mark
/// or told by its NULs, is decoded first; other bytes that are not UTF-8
/// are refused, naming the encoding they most likely are in (GB18030 from
/// a Chinese Windows, windows-1252 from an English one).
fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, ReadError> {
    let bytes = match utf16_text(&bytes) {
        Some(text) => text.into_bytes(),
        None => bytes,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty(path.to_owned()));
    }
    String::from_utf8(bytes).map_err(|error| {
        let likely = likely_encoding(error.as_bytes());
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        // The prefix before the bad byte is valid UTF-8 by definition.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ReadError::NotUtf8 {
            path: path.to_owned(),
            likely,
            byte: bytes[valid],
            line,
            column,
        }
    })
}

/// The text of UTF-16 bytes: little- or big-endian by the byte-order
/// mark, or, with none, by where the NULs of a JSON file's ASCII fall.
/// `None` for bytes that are not UTF-16, or do not decode as it (they are
/// then reported as not UTF-8).
fn utf16_text(bytes: &[u8]) -> Option<String> {
    use encoding_rs::{UTF_16BE, UTF_16LE};
    let (encoding, body) = match bytes {
        [0xff, 0xfe, rest @ ..] => (UTF_16LE, rest),
        [0xfe, 0xff, rest @ ..] => (UTF_16BE, rest),
        // A dataset opens with `{` or white space: ASCII, so one of each
        // of its first pairs of bytes is NUL.
        [a, 0, b, 0, ..] if a.is_ascii() && *a != 0 && b.is_ascii() => (UTF_16LE, bytes),
        [0, a, 0, b, ..] if a.is_ascii() && *a != 0 && b.is_ascii() => (UTF_16BE, bytes),
        _ => return None,
    };
    encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .map(std::borrow::Cow::into_owned)
}

/// The name of the encoding bytes that are not UTF-8 most likely are in,
/// by Mozilla's detector (chardetng, as the document import uses), when
/// they decode in it without a fault.
fn likely_encoding(bytes: &[u8]) -> Option<&'static str> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut guess = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    // GBK and GB2312 are parts of GB18030, the name Windows' own save
    // dialog uses for Chinese text.
    if guess == encoding_rs::GBK {
        guess = encoding_rs::GB18030;
    }
    guess
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|_| {
            if guess == encoding_rs::GB18030 {
                "GB18030"
            } else {
                guess.name()
            }
        })
}

/// Parses and checks dataset text. Never panics, whatever the input.
pub fn load_str(text: &str) -> Loaded {
    load_str_with(text, None).unwrap_or_else(|Cancelled| Loaded {
        dataset: None,
        problems: vec![Problem::error("", ProblemKind::Cancelled)],
    })
}

/// The load was cancelled (see [`Progress::cancel`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

/// Like [`load_str`], counting nodes in `progress`, and stopping early
/// once it is cancelled.
pub fn load_str_with(text: &str, progress: Option<&Arc<Progress>>) -> Result<Loaded, Cancelled> {
    let cancelled = || progress.as_ref().is_some_and(|p| p.is_cancelled());
    // A byte-order mark is left by some Windows editors; it is not JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut ignored = Vec::new();
    let mut ignored_dropped = 0;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // Nodes are checked while they are parsed; see `stream`.
    if let Some(progress) = &progress {
        Phase::Checking.enter(progress);
    }
    let (parsed, checker) =
        stream::with_checker(check::Checker::default(), progress.cloned(), || {
            serde_ignored::deserialize(&mut deserializer, |path| {
                // Past the limit the checker counts problems without keeping
                // them; these warnings need no more.
                if ignored.len() < MAX_PROBLEMS {
                    ignored.push(Problem::warning(
                        problem::path_from_ignored(&path),
                        ProblemKind::UnknownField,
                    ));
                } else {
                    ignored_dropped += 1;
                }
            })
            .and_then(|raw: field::Field<raw::RawDataset>| deserializer.end().map(|()| raw))
        });
    if cancelled() {
        return Err(Cancelled);
    }
    Ok(match parsed {
        Ok(field::Field::Ok(raw)) => {
            let (dataset, problems) = check::check(raw, checker, ignored, ignored_dropped);
            Loaded { dataset, problems }
        }
        Ok(field::Field::Missing) => Loaded {
            dataset: None,
            problems: vec![Problem::error(
                "",
                ProblemKind::NotADataset { found: Found::Null },
            )],
        },
        Ok(field::Field::Wrong(found)) => Loaded {
            dataset: None,
            problems: vec![Problem::error(
                "",
                ProblemKind::NotADataset { found: *found },
            )],
        },
        Err(error) => Loaded {
            dataset: None,
            problems: vec![parse_problem(text, &error)],
        },
    })
}

/// Describes an error that stopped parsing: a syntax error, or one of the
/// few structural ones the lenient types cannot absorb (a repeated key).
fn parse_problem(text: &str, error: &serde_json::Error) -> Problem {
    let mut problem = Problem::at(error.line(), error.column(), syntax_kind(error));
    if error.classify() == serde_json::error::Category::Data {
        // Only now pay for path tracking, to say where the problem is.
        let mut deserializer = serde_json::Deserializer::from_str(text);
        if let Err(error) =
            serde_path_to_error::deserialize::<_, raw::RawDataset>(&mut deserializer)
        {
            problem.path = problem::path_from_serde(error.path());
        }
    }
    problem
}

/// What a `serde_json` error says, classified once here from its message
/// without the " at line L column C".
fn syntax_kind(error: &serde_json::Error) -> ProblemKind {
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => &full,
    };
    match error.classify() {
        serde_json::error::Category::Eof => ProblemKind::EndsEarly(SyntaxReason::of(message)),
        serde_json::error::Category::Syntax => ProblemKind::InvalidJson(SyntaxReason::of(message)),
        _ => match message
            .strip_prefix("duplicate field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            Some(key) => ProblemKind::DuplicateKey {
                key: key.to_owned(),
            },
            None => ProblemKind::Unparsed {
                message: message.to_owned(),
            },
        },
    }
}

/// Reads, parses and checks a dataset file.
pub fn load_file(path: &Path) -> Result<Loaded, ReadError> {
    load_file_with_limit(path, MAX_DATASET_BYTES)
}

/// Like [`load_file`] with another size limit.
pub fn load_file_with_limit(path: &Path, limit_bytes: u64) -> Result<Loaded, ReadError> {
    let text = read_text(path, limit_bytes)?;
    Ok(load_str(&text))
}

/// Like [`load_file_with_limit`], reporting to `progress` and stopping with
/// [`ReadError::Cancelled`] once it is cancelled.
pub fn load_file_with(
    path: &Path,
    limit_bytes: u64,
    progress: &Arc<Progress>,
) -> Result<Loaded, ReadError> {
    let text = read_text_with(path, limit_bytes, progress)?;
    load_str_with(&text, Some(progress)).map_err(|Cancelled| ReadError::Cancelled(path.to_owned()))
}

/// Like [`load_file_with`], reading from `reader` in place of the file
/// at `path` (which only names it): a stream the caller opened.
pub fn load_reader_with(
    reader: impl std::io::Read,
    path: &Path,
    limit_bytes: u64,
    progress: &Arc<Progress>,
) -> Result<Loaded, ReadError> {
    let bytes = read_all(reader, path, 0, limit_bytes, progress)?;
    let text = text_from_bytes(path, bytes)?;
    load_str_with(&text, Some(progress)).map_err(|Cancelled| ReadError::Cancelled(path.to_owned()))
}

/// The embedded default dataset.
///
/// The embedded file is checked by the test suite, so an error here means a
/// broken build; it is still returned, not unwrapped.
pub fn load_embedded() -> Loaded {
    load_str(EMBEDDED_JSON)
}

/// The JSON Schema of the dataset format, generated from the raw types.
pub fn json_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(raw::RawDataset);
    schema.to_value()
}

/// The JSON Schema as the text committed in `assets/plan-dataset.schema.json`.
pub fn json_schema_text() -> String {
    // Serialising a `Value` cannot fail: its keys are always strings.
    serde_json::to_string_pretty(&json_schema()).unwrap_or_default()
}
