//! A presentation as data: an ordered list of saved views, one per slide,
//! as one small JSON file (`assets/plan-presentation.schema.json`,
//! generated from [`PresentationFile`]).
//!
//! Each slide is a whole view, embedded as its own `.view.json` holds it,
//! not a reference to a view file: a presentation is sent to a colleague
//! as one file, and it cannot lose a slide because a file beside it was
//! moved, renamed or changed since.
//!
//! A presentation is read as far as it can be: the file must be JSON and
//! say it is a presentation, but a slide that is not a view (malformed,
//! or from a newer format the app cannot read) is left out and said, with
//! the slide's number and the line and column in the file, and the other
//! slides open. [`resolve`] fits every slide to the dataset on screen, as
//! [`saved::resolve`] fits one view, and gathers what was said about each.
//!
//! A slide is drawn by [`slide_scene`]: the chart scene every writer
//! draws, laid out at the screen's size.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::saved::{self, Resolved, ViewError, ViewFile, ViewNote, strip_position};
use crate::chart::scene::{Anchor, Role, Scene, Text};
use crate::chart::{Page, Paper};
use crate::dataset::{Dataset, IoReason};
use crate::i18n::Lang;

/// What the `format` field of every presentation says.
pub const FORMAT: &str = "plan-explorer-presentation";
/// The format version this build writes, and the newest it reads.
pub const VERSION: u32 = 1;
/// The largest presentation file read: a view is a few kilobytes, and a
/// presentation a few dozen of them.
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// A presentation as its file holds it; see the module's documentation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Plan Explorer presentation")]
pub struct PresentationFile {
    /// Always "plan-explorer-presentation".
    pub format: String,
    /// The format's version; a newer one than the app knows is read as far
    /// as it can be.
    pub version: u32,
    /// The presentation's name.
    pub name: String,
    /// The slides in order, each a whole saved view (as a `.view.json`
    /// file holds it, see `plan-view.schema.json`).
    pub slides: Vec<ViewFile>,
}

impl PresentationFile {
    /// A presentation called `name` of `slides`, in order.
    pub fn new(name: &str, slides: Vec<ViewFile>) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            name: name.trim().to_owned(),
            slides,
        }
    }

    /// The file's text: pretty JSON with a final line break.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// Why a presentation file could not be read at all; what is on screen
/// stays as it is.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PresentationError {
    /// The file could not be read.
    #[error("cannot read the presentation {}: {}", path.display(), reason.text(Lang::En))]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        reason: IoReason,
    },
    /// The file is larger than any presentation.
    #[error("the presentation {} is too large to be a presentation ({bytes} bytes)", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The text is not JSON, or its outline (name, slides) is not a
    /// presentation's: where and why.
    #[error("the presentation {} is malformed at line {line}, column {column}: {message}", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// The field, as a JSON path, where one is known.
        field: String,
        /// The parser's words.
        message: String,
    },
    /// The JSON is not a Plan Explorer presentation.
    #[error("{} is not a Plan Explorer presentation: its \"format\" is not \"plan-explorer-presentation\"", path.display())]
    NotAPresentation {
        /// The file.
        path: PathBuf,
    },
}

/// Why a slide could not be read; it is left out, the others open.
#[derive(Clone, Debug, PartialEq)]
pub enum SlideFault {
    /// The slide is not a view: where in the file and why.
    Malformed {
        /// The line in the presentation's file, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// The field, as a JSON path from the file's top.
        field: String,
        /// The parser's words.
        message: String,
    },
    /// The slide's `format` is not a view's.
    NotAView,
    /// The slide is a view of a newer format this build cannot read.
    TooNew {
        /// The version in the slide.
        found: u64,
        /// Why it could not be read.
        message: String,
    },
}

/// Something said about a presentation on reading or opening it; none
/// stops it from opening.
#[derive(Clone, Debug, PartialEq)]
pub enum DeckNote {
    /// The file is from a newer version of the format; what this build
    /// knows of it is shown.
    NewerVersion {
        /// The version in the file.
        found: u64,
    },
    /// A slide could not be read and is left out.
    SlideLeftOut {
        /// Its place in the file, from 1.
        number: usize,
        /// Its name, where it could be read.
        name: Option<String>,
        /// What is wrong.
        fault: SlideFault,
    },
    /// Something said about a slide's view on reading or fitting it to the
    /// dataset on screen (a record gone, a figure changed).
    Slide {
        /// Its place in the file, from 1.
        number: usize,
        /// Its name.
        name: String,
        /// What was said.
        note: ViewNote,
    },
}

impl DeckNote {
    /// Whether the note says something went wrong (rather than a change in
    /// the data).
    pub fn is_problem(&self) -> bool {
        match self {
            Self::NewerVersion { .. } | Self::SlideLeftOut { .. } => true,
            Self::Slide { note, .. } => note.is_problem(),
        }
    }
}

/// What keeping the presentation being built between runs had to say.
#[derive(Clone, Debug, PartialEq)]
pub enum KeptSaid {
    /// The presentation being built when the window last closed was put
    /// back.
    Restored {
        /// Its name (empty if it was never saved).
        name: String,
        /// How many slides.
        slides: usize,
        /// How many problems were said (the Views panel lists them).
        problems: usize,
    },
    /// The kept presentation could not be read: none was put back, and
    /// the file is kept (under `kept_as` when it had to be moved aside).
    Unreadable {
        /// Why.
        error: PresentationError,
        /// Where the file now is, if it was moved aside.
        kept_as: Option<PathBuf>,
    },
    /// The presentation being built could not be kept for the next run:
    /// it stays on screen, and is tried again at the next change.
    NotWritten(crate::output::WriteError),
}

/// A slide read: its view, and its place in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct SlideRead {
    /// Its place in the file, from 1 (slides left out keep their numbers).
    pub number: usize,
    /// The view, with what was said on reading it.
    pub read: saved::Read,
}

/// A presentation read: its slides that could be read, and what was said.
#[derive(Clone, Debug, PartialEq)]
pub struct Deck {
    /// Its name.
    pub name: String,
    /// The slides read, in order.
    pub slides: Vec<SlideRead>,
    /// Said on reading: a newer format, the slides left out.
    pub notes: Vec<DeckNote>,
}

impl Deck {
    /// The slides' views, as a file would hold them again.
    pub fn views(&self) -> Vec<ViewFile> {
        self.slides.iter().map(|s| s.read.view.clone()).collect()
    }
}

/// Reads a presentation file.
pub fn read_file(path: &Path) -> Result<Deck, PresentationError> {
    let io = |error: &std::io::Error| PresentationError::Read {
        path: path.to_owned(),
        reason: IoReason::of(error),
    };
    let meta = std::fs::metadata(path).map_err(|e| io(&e))?;
    if meta.len() > MAX_BYTES {
        return Err(PresentationError::TooLarge {
            path: path.to_owned(),
            bytes: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| io(&e))?;
    let text = String::from_utf8_lossy(&bytes);
    parse(&text, path)
}

/// The outline of a presentation: each slide kept as its own text, so
/// that one slide's fault leaves the others readable.
#[derive(Deserialize)]
struct Outline<'a> {
    #[serde(default)]
    name: String,
    #[serde(borrow)]
    slides: Vec<&'a serde_json::value::RawValue>,
}

/// Reads a presentation from its text; `path` names it in messages.
pub fn parse(text: &str, path: &Path) -> Result<Deck, PresentationError> {
    let malformed = |error: &serde_json::Error, field: String| PresentationError::Malformed {
        path: path.to_owned(),
        line: error.line(),
        column: error.column(),
        field,
        message: strip_position(&error.to_string()),
    };
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| malformed(&e, String::new()))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Err(PresentationError::NotAPresentation {
            path: path.to_owned(),
        });
    }
    let found = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    let mut notes = Vec::new();
    if found > u64::from(VERSION) {
        notes.push(DeckNote::NewerVersion { found });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let outline: Outline<'_> =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let field = error.path().to_string();
            malformed(&error.into_inner(), field)
        })?;
    let mut slides = Vec::with_capacity(outline.slides.len());
    for (i, raw) in outline.slides.iter().enumerate() {
        let number = i + 1;
        let slide_text = raw.get();
        match saved::parse(slide_text, path) {
            Ok(read) => slides.push(SlideRead { number, read }),
            Err(error) => notes.push(DeckNote::SlideLeftOut {
                number,
                name: serde_json::from_str::<serde_json::Value>(slide_text)
                    .ok()
                    .and_then(|v| v.get("name")?.as_str().map(str::to_owned)),
                fault: slide_fault(text, slide_text, i, error),
            }),
        }
    }
    Ok(Deck {
        name: outline.name,
        slides,
        notes,
    })
}

/// A slide's view error as the slide's fault, its line and column moved
/// from the slide's text to the file's and its field named from the
/// file's top.
fn slide_fault(text: &str, slide_text: &str, index: usize, error: ViewError) -> SlideFault {
    match error {
        ViewError::Malformed {
            line,
            column,
            field,
            message,
            ..
        } => {
            // The slide's text is a slice of the file's: where it starts
            // gives the line and column in the file.
            let offset = (slide_text.as_ptr() as usize)
                .checked_sub(text.as_ptr() as usize)
                .filter(|o| *o <= text.len())
                .unwrap_or(0);
            let before = &text[..offset];
            let start_line = before.matches('\n').count() + 1;
            let start_column = before.rfind('\n').map_or(offset, |n| offset - n - 1) + 1;
            let (line, column) = if line <= 1 {
                (start_line, start_column + column.saturating_sub(1))
            } else {
                (start_line + line - 1, column)
            };
            let field = if field.is_empty() || field == "." {
                format!("slides[{index}]")
            } else {
                format!("slides[{index}].{field}")
            };
            SlideFault::Malformed {
                line,
                column,
                field,
                message,
            }
        }
        ViewError::TooNew { found, message, .. } => SlideFault::TooNew { found, message },
        // A slide's text is in hand, never read from a file: it cannot
        // fail to be read or be too large; only its format can be wrong.
        ViewError::NotAView { .. } | ViewError::Read { .. } | ViewError::TooLarge { .. } => {
            SlideFault::NotAView
        }
    }
}

/// A presentation fitted to the dataset on screen: each slide's view
/// resolved, and everything said, problems first.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The slides, in order.
    pub slides: Vec<Resolved>,
    /// What was said on reading and fitting them, problems first.
    pub notes: Vec<DeckNote>,
}

/// Fits every slide of `deck` to `data`; `districts` are the spellings the
/// dataset's search knows.
pub fn resolve(deck: &Deck, data: &Dataset, districts: &[String]) -> Shown {
    let mut notes = deck.notes.clone();
    let mut slides = Vec::with_capacity(deck.slides.len());
    for slide in &deck.slides {
        let resolved = saved::resolve(&slide.read, data, districts);
        notes.extend(resolved.notes.iter().map(|note| DeckNote::Slide {
            number: slide.number,
            name: resolved.name.clone(),
            note: note.clone(),
        }));
        slides.push(resolved);
    }
    notes.sort_by_key(|n| !n.is_problem());
    Shown { slides, notes }
}

/// The page a slide is laid out on for a screen of `width` by `height`
/// points: the screen's size, or where the screen is outside the sizes a
/// chart can be laid out at (240 to 4000 points a side, no more than four
/// times as wide as high), the nearest of the same shape, which the window
/// shows centred.
pub fn slide_page(width: f32, height: f32, theme: Paper) -> Page {
    use crate::chart::spec::{MAX_SIDE, MIN_SIDE};
    let side = |s: f32| {
        if s.is_finite() && s > 0.0 {
            s
        } else {
            MIN_SIDE
        }
    };
    let (mut width, mut height) = (side(width), side(height));
    let down = (MAX_SIDE / width).min(MAX_SIDE / height).min(1.0);
    (width, height) = (width * down, height * down);
    let up = (MIN_SIDE / width).max(MIN_SIDE / height).max(1.0);
    (width, height) = (width * up, height * up);
    let width = width.clamp(MIN_SIDE, MAX_SIDE);
    let height = height
        .clamp(MIN_SIDE, MAX_SIDE)
        .max(width / 4.0)
        .min(width * 4.0);
    Page::custom(width, height, theme).unwrap_or(Page {
        width,
        height,
        theme,
    })
}

/// A slide: the chart scene of its view at the page's size, the same
/// scene the SVG, PDF and PNG writers draw, with its title, its sources
/// footer and its annotations.
pub fn slide_scene(data: &Dataset, view: &Resolved, page: &Page) -> Scene {
    crate::chart::scene(&crate::chart::ChartView::of_view(data, view), page)
}

/// Where the slide counter ("3 / 7") goes on a slide: at the right of the
/// band below the footer, which the chart's layout leaves empty (its
/// margin), in the footer's colour, in `lang`'s type.
pub fn counter(scene: &Scene, page: &Page, number: usize, count: usize, lang: Lang) -> Text {
    let margin = (page.width.min(page.height) * 0.055).max(crate::chart::Type::of(page).base);
    let size = (margin * 0.3).max(9.0);
    Text {
        x: page.width - margin,
        y: page.height - margin * 0.12,
        text: format!("{number} / {count}"),
        size,
        bold: false,
        color: page.theme.ink().faint,
        anchor: Anchor::End,
        role: Role::Footer,
        lang: if scene.lang == Lang::Zh {
            Lang::Zh
        } else {
            lang
        },
    }
}

/// The JSON Schema of presentation files, generated from
/// [`PresentationFile`].
pub fn json_schema() -> serde_json::Value {
    schemars::schema_for!(PresentationFile).to_value()
}

/// The JSON Schema as committed in `assets/plan-presentation.schema.json`.
pub fn json_schema_text() -> String {
    serde_json::to_string_pretty(&json_schema()).unwrap_or_default()
}

/// A file name for a presentation called `name`: its letters and digits,
/// the rest as dashes, with `.presentation.json`.
pub fn file_name(name: &str) -> String {
    saved::file_name_as(name, "presentation", "presentation.json")
}
