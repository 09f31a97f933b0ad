//! The data layer: the dataset format, loading, checking and indexing.
//!
//! Nothing here knows about the user interface. Loading goes in three steps,
//! like ripgrep's arguments: bytes are read with their own clear errors
//! ([`ReadError`]), parsed into loose raw types that never fail on a wrong
//! type ([`raw`]), then checked into an indexed [`Dataset`] ([`check`]) with
//! every problem reported at once.

mod check;
pub mod field;
mod model;
mod problem;
pub mod quotes;
pub mod raw;
mod stream;

use std::path::{Path, PathBuf};

pub use check::{MAX_PROBLEMS, PLAUSIBLE_YEARS, SUPPORTED_SCHEMA_VERSIONS};
pub use model::{
    Citation, Dataset, ExchangeRate, FigureRef, Fund, FundIx, FundLevel, Node, NodeIx, NodeKind,
    Plan, PlanIx, Point, QuantityUnit, Series, SeriesIx, Source, SourceIx, Status, Summary, Target,
    TargetIx, Theme, ThemeIx, Unit, UnitIx,
};
pub use problem::{Problem, Severity, abbreviate};

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
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Nothing exists at the path.
    #[error("no such file: {}", .0.display())]
    NotFound(PathBuf),
    /// The path is a folder.
    #[error("expected a dataset file, found a folder: {}", .0.display())]
    IsDirectory(PathBuf),
    /// The file is larger than [`MAX_DATASET_BYTES`] (or the given limit).
    #[error("the file is {size} bytes, over the limit of {limit} bytes: {}", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file has no content.
    #[error("the file is empty: {}", .0.display())]
    Empty(PathBuf),
    /// The bytes are not UTF-8 text.
    #[error(
        "the file is not UTF-8 text: invalid byte 0x{byte:02x} at line {line}, column {column}: {}",
        .path.display()
    )]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The first invalid byte.
        byte: u8,
        /// 1-based line of the invalid byte.
        line: usize,
        /// 1-based column (in characters) of the invalid byte.
        column: usize,
    },
    /// Any other I/O failure, such as a permission error.
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
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
                format!("the file is {size} bytes, over the limit of {limit} bytes"),
            )),
            Self::Empty(_) => Some(Problem::error("", "the file is empty")),
            Self::NotUtf8 {
                byte, line, column, ..
            } => Some(Problem::at(
                *line,
                *column,
                format!("the file is not UTF-8 text: invalid byte 0x{byte:02x}"),
            )),
            Self::NotFound(_) | Self::IsDirectory(_) | Self::Io { .. } => None,
        }
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

/// Reads a dataset file into text, with a clear error for each way it can
/// fail, and a size limit.
pub fn read_text(path: &Path, limit_bytes: u64) -> Result<String, ReadError> {
    let io_error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound(path.to_owned()),
        _ => ReadError::Io {
            path: path.to_owned(),
            source,
        },
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory(path.to_owned()));
    }
    if metadata.len() > limit_bytes {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            limit: limit_bytes,
        });
    }
    // The size is checked again while reading, in case the file grows or is
    // not a regular file whose length is known.
    let file = std::fs::File::open(path).map_err(io_error)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, limit_bytes.saturating_add(1)),
        &mut bytes,
    )
    .map_err(io_error)?;
    let size = bytes.len() as u64;
    if size > limit_bytes {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: limit_bytes,
        });
    }
    text_from_bytes(path, bytes)
}

/// Checks that bytes are non-empty UTF-8, locating the first bad byte.
fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty(path.to_owned()));
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.as_bytes();
        // The prefix before the bad byte is valid UTF-8 by definition.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ReadError::NotUtf8 {
            path: path.to_owned(),
            byte: bytes[valid],
            line,
            column,
        }
    })
}

/// Parses and checks dataset text. Never panics, whatever the input.
pub fn load_str(text: &str) -> Loaded {
    // A byte-order mark is left by some Windows editors; it is not JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut ignored = Vec::new();
    let mut ignored_dropped = 0;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // Nodes are checked while they are parsed; see `stream`.
    let (parsed, checker) = stream::with_checker(check::Checker::default(), || {
        serde_ignored::deserialize(&mut deserializer, |path| {
            // Past the limit the checker counts problems without keeping
            // them; these warnings need no more.
            if ignored.len() < MAX_PROBLEMS {
                ignored.push(Problem::warning(
                    problem::path_from_ignored(&path),
                    "unknown field (ignored); check its spelling",
                ));
            } else {
                ignored_dropped += 1;
            }
        })
        .and_then(|raw: field::Field<raw::RawDataset>| deserializer.end().map(|()| raw))
    });
    match parsed {
        Ok(field::Field::Ok(raw)) => {
            let (dataset, problems) = check::check(raw, checker, ignored, ignored_dropped);
            Loaded { dataset, problems }
        }
        Ok(field::Field::Missing) => Loaded {
            dataset: None,
            problems: vec![Problem::error("", "expected a dataset object, found null")],
        },
        Ok(field::Field::Wrong(found)) => Loaded {
            dataset: None,
            problems: vec![Problem::error(
                "",
                format!("expected a dataset object, found {found}"),
            )],
        },
        Err(error) => Loaded {
            dataset: None,
            problems: vec![parse_problem(text, &error)],
        },
    }
}

/// Describes an error that stopped parsing: a syntax error, or one of the
/// few structural ones the lenient types cannot absorb (a repeated key).
fn parse_problem(text: &str, error: &serde_json::Error) -> Problem {
    let mut problem = Problem::at(error.line(), error.column(), syntax_message(error));
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

/// The message of a `serde_json` error without its " at line L column C".
fn syntax_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => &full,
    };
    match error.classify() {
        serde_json::error::Category::Eof => format!("the file ends too early: {message}"),
        serde_json::error::Category::Syntax => format!("invalid JSON: {message}"),
        _ => match message
            .strip_prefix("duplicate field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            Some(key) => format!("the key \"{key}\" appears twice in one object"),
            None => message.to_owned(),
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
