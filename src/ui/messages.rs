//! Messages for the status line, the banner and the problems panel, kept
//! as what happened rather than as text, so that each reads in whichever
//! language is passed when it is drawn: switching language rewrites them
//! too.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::briefing::BriefingError;
use crate::chart::{ExportError, PageError, RenderError};
use crate::dataset::{self, IoReason, Problem, ReadError};
use crate::i18n::{Lang, T, fill, tr};
use crate::output::WriteError;
use crate::view::charts::ChartId;
use crate::view::diff::Counts;

/// What the status line says.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// Reload was asked for with the built-in dataset on screen.
    NoFileToReload,
    /// A file loaded, with how it differs from what was on screen.
    Loaded {
        /// The file.
        path: PathBuf,
        /// Its edition.
        edition: String,
        /// What changed.
        counts: Counts,
    },
    /// A file was opened with nothing to compare it with (at start-up).
    Opened {
        /// The file.
        path: PathBuf,
        /// Its edition.
        edition: String,
    },
    /// A file did not load; the problems panel says why.
    DidNotLoad {
        /// The file.
        path: PathBuf,
        /// How many problems.
        problems: usize,
    },
    /// Loading a file was cancelled; the dataset on screen stays.
    LoadCancelled(PathBuf),
    /// The watched file was deleted or moved away.
    FileGone(PathBuf),
    /// An export was written.
    Wrote(PathBuf),
    /// A briefing was cancelled before it was written.
    BriefingCancelled,
    /// An export, a copy or a briefing failed.
    ExportFailed(Failure),
    /// A chart's picture went to the clipboard.
    Copied {
        /// The chart.
        chart: ChartId,
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
    },
    /// A document could not be imported, or a draft opened.
    ImportFailed {
        /// The document or draft.
        path: PathBuf,
        /// Why.
        failure: super::import_job::ImportFailure,
    },
    /// What was wrong with the settings file at start-up.
    SettingsFile(super::settings_file::Trouble),
    /// An import was cancelled.
    ImportCancelled,
    /// A review opened.
    ReviewOpened {
        /// The document's name.
        document: String,
        /// Reviewed of all.
        progress: (usize, usize),
        /// Where its draft is kept.
        draft: PathBuf,
    },
    /// The review was closed; its draft is kept.
    ReviewClosed(PathBuf),
    /// The draft could not be written after a decision.
    DraftNotWritten(Failure),
    /// A decision could not be made.
    DecisionRefused(crate::import::review::ReviewError),
    /// An edit was refused: the draft would not load.
    EditRefused(crate::import::review::ReviewError),
    /// Selected words could not be a figure's quote.
    QuoteRefused(crate::import::review::QuoteError),
    /// A new edition was saved and its draft removed.
    EditionSaved(PathBuf),
    /// A draft could not be removed.
    DraftNotRemoved {
        /// The draft.
        draft: PathBuf,
        /// The system's reason.
        reason: IoReason,
    },
    /// A draft was discarded.
    DraftDiscarded(PathBuf),
    /// A view was saved.
    ViewSaved {
        /// Its name.
        name: String,
        /// Its file.
        path: PathBuf,
    },
    /// A view could not be saved.
    ViewNotSaved(Failure),
    /// A view opened, with how many things were said about it.
    ViewOpened {
        /// Its name.
        name: String,
        /// How many notes the Views panel lists.
        notes: usize,
    },
    /// A view could not be read; nothing on screen changed.
    ViewNotOpened(crate::view::saved::ViewError),
    /// What a presentation's work said.
    Presentation(super::present::PresentNote),
    /// What keeping the annotations between runs had to say.
    KeptNotes(crate::view::kept::Said),
}

impl Note {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::NoFileToReload => tr(lang, T::NoFileToReloadStatus).to_owned(),
            Self::Loaded {
                path,
                edition,
                counts,
            } => fill(
                lang,
                T::Loaded,
                &[&path.display(), edition, &counts.summary(lang)],
            ),
            Self::Opened { path, edition } => fill(lang, T::Opened, &[&path.display(), edition]),
            Self::DidNotLoad { path, problems } => {
                fill(lang, T::DidNotLoadStatus, &[&path.display(), problems])
            }
            Self::LoadCancelled(path) => fill(lang, T::LoadCancelled, &[&path.display()]),
            Self::FileGone(path) => fill(lang, T::FileGone, &[&path.display()]),
            Self::Wrote(path) => fill(lang, T::Wrote, &[&path.display()]),
            Self::ViewSaved { name, path } => {
                fill(lang, T::ViewSavedStatus, &[name, &path.display()])
            }
            Self::ViewNotSaved(failure) => fill(lang, T::ViewNotSaved, &[&failure.text(lang)]),
            Self::ViewOpened { name, notes: 0 } => fill(lang, T::ViewOpenedStatus, &[name]),
            Self::ViewOpened { name, notes } => fill(lang, T::ViewOpenedWithNotes, &[name, notes]),
            Self::ViewNotOpened(error) => fill(lang, T::ViewNotOpened, &[&error.text(lang)]),
            Self::Presentation(note) => note.text(lang),
            Self::KeptNotes(said) => said.text(lang),
            Self::BriefingCancelled => tr(lang, T::BriefingCancelled).to_owned(),
            Self::ExportFailed(failure) => fill(lang, T::ExportFailed, &[&failure.text(lang)]),
            Self::Copied {
                chart,
                width,
                height,
            } => fill(
                lang,
                T::Copied,
                &[&crate::chart::chart_name(*chart, lang), width, height],
            ),
            Self::SettingsFile(trouble) => settings_trouble_text(trouble, lang),
            Self::ImportFailed { path, failure } => fill(
                lang,
                T::ImportFailed,
                &[&path.display(), &failure.text(lang)],
            ),
            Self::ImportCancelled => tr(lang, T::ImportCancelled).to_owned(),
            Self::ReviewOpened {
                document,
                progress,
                draft,
            } => fill(
                lang,
                T::ReviewOpened,
                &[
                    document,
                    &crate::view::review::progress_text(lang, *progress),
                    &draft.display(),
                ],
            ),
            Self::ReviewClosed(draft) => fill(lang, T::ReviewClosed, &[&draft.display()]),
            Self::DraftNotWritten(failure) => {
                fill(lang, T::DraftNotWritten, &[&failure.text(lang)])
            }
            Self::DecisionRefused(error) => fill(
                lang,
                T::DecisionRefused,
                &[&super::review::refusal(lang, error)],
            ),
            Self::EditRefused(error) => fill(
                lang,
                T::EditRefused,
                &[&super::review::refusal(lang, error)],
            ),
            Self::QuoteRefused(error) => {
                use crate::import::figures::Unreadable;
                use crate::import::review::QuoteError;
                let why = match error {
                    QuoteError::Empty => tr(lang, T::QuoteEmpty).to_owned(),
                    QuoteError::NotInDocument => tr(lang, T::QuoteNotInDocument).to_owned(),
                    QuoteError::Unreadable(Unreadable::Value | Unreadable::NotTheText) => {
                        tr(lang, T::QuoteNoValue).to_owned()
                    }
                    QuoteError::Unreadable(Unreadable::Unit) => tr(lang, T::QuoteNoUnit).to_owned(),
                    QuoteError::Unreadable(Unreadable::Year) => tr(lang, T::QuoteNoYear).to_owned(),
                    QuoteError::Review(error) => super::review::refusal(lang, error),
                };
                fill(lang, T::QuoteRefused, &[&why])
            }
            Self::EditionSaved(path) => fill(lang, T::EditionSaved, &[&path.display()]),
            Self::DraftNotRemoved { draft, reason } => fill(
                lang,
                T::DraftNotRemoved,
                &[&draft.display(), &reason.text(lang)],
            ),
            Self::DraftDiscarded(draft) => fill(lang, T::DraftDiscarded, &[&draft.display()]),
        }
    }
}

/// Why an export, a copy or a briefing failed: the writers' errors, kept
/// as values and worded in the language chosen when drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// The page size was refused.
    Page(PageError),
    /// The chart's file could not be made.
    Export(ExportError),
    /// The chart's picture could not be drawn.
    Render(RenderError),
    /// The file could not be written.
    Write(WriteError),
    /// The briefing could not be made.
    Briefing(BriefingError),
    /// The briefing's worker stopped without an answer.
    BriefingWorkerStopped,
    /// No thread could be started to write the file.
    NoThread {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        reason: IoReason,
    },
}

impl Failure {
    /// Why, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Page(error) => error.text(lang),
            Self::Export(error) => error.text(lang),
            Self::Render(error) => error.text(lang),
            Self::Write(error) => error.text(lang),
            Self::Briefing(error) => error.text(lang),
            Self::BriefingWorkerStopped => tr(lang, T::BriefingWorkerStopped).to_owned(),
            Self::NoThread { path, reason } => fill(
                lang,
                T::NoThreadToWrite,
                &[&path.display(), &reason.text(lang)],
            ),
        }
    }
}

/// Each writer's error is a failure.
macro_rules! failure_from {
    ($($variant:ident($error:ty)),*) => {
        $(impl From<$error> for Failure {
            fn from(error: $error) -> Self {
                Self::$variant(error)
            }
        })*
    };
}

failure_from!(
    Page(PageError),
    Export(ExportError),
    Render(RenderError),
    Write(WriteError),
    Briefing(BriefingError)
);

/// One reason a file did not load.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// A problem with its content, located where possible.
    Content(Problem),
    /// The file could not be read at all (missing, a folder, no
    /// permission).
    Read(ReadError),
    /// The worker loading the file stopped without an answer.
    WorkerStopped(PathBuf),
    /// No thread could be started to load the file.
    NoThread {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        reason: IoReason,
    },
}

impl LoadProblem {
    /// The reason in `lang`; a problem with the content as a line naming
    /// `file`.
    pub fn text(&self, lang: Lang, file: &Path) -> String {
        match self {
            Self::Content(problem) => located(lang, file, problem),
            Self::Read(error) => error.text(lang),
            Self::WorkerStopped(path) => fill(lang, T::WorkerStopped, &[&path.display()]),
            Self::NoThread { path, reason } => fill(
                lang,
                T::NoThreadToLoad,
                &[&path.display(), &reason.text(lang)],
            ),
        }
    }
}

/// Why a file did not load, for the problems panel.
#[derive(Clone, Debug)]
pub struct LoadProblems {
    /// The file.
    pub file: PathBuf,
    /// Each problem.
    pub problems: Vec<LoadProblem>,
    /// The lines as last written, and in which language: up to a thousand
    /// problems are not translated again on every frame.
    written: RefCell<Option<(Lang, Rc<[String]>)>>,
}

impl PartialEq for LoadProblems {
    fn eq(&self, other: &Self) -> bool {
        self.file == other.file && self.problems == other.problems
    }
}

impl LoadProblems {
    /// The problems with `file`.
    pub fn new(file: PathBuf, problems: Vec<LoadProblem>) -> Self {
        Self {
            file,
            problems,
            written: RefCell::new(None),
        }
    }

    /// One line per problem in `lang`: `file:line:column: error: message`,
    /// or with the JSON path.
    pub fn lines(&self, lang: Lang) -> Rc<[String]> {
        let mut written = self.written.borrow_mut();
        if let Some((written_in, lines)) = written.as_ref()
            && *written_in == lang
        {
            return Rc::clone(lines);
        }
        let lines: Rc<[String]> = self
            .problems
            .iter()
            .map(|problem| problem.text(lang, &self.file))
            .collect();
        *written = Some((lang, Rc::clone(&lines)));
        lines
    }
}

/// Why the file named on the command line is not on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Banner {
    /// It loaded with errors: how many, and the first.
    NotValid {
        /// The file.
        path: PathBuf,
        /// How many errors.
        errors: usize,
        /// The first error.
        first: Problem,
    },
    /// It could not be read.
    Unreadable(LoadProblem),
    /// It did not load, for no reason known.
    DidNotLoad(PathBuf),
}

impl Banner {
    /// The banner in `lang`, ending with what is shown instead.
    pub fn text(&self, lang: Lang) -> String {
        let problem = match self {
            Self::NotValid {
                path,
                errors,
                first,
            } => fill(
                lang,
                T::NotValidDataset,
                &[&path.display(), errors, &problem_text(lang, first)],
            ),
            Self::Unreadable(problem) => problem.text(lang, Path::new("")),
            Self::DidNotLoad(path) => fill(lang, T::FileDidNotLoad, &[&path.display()]),
        };
        format!("{problem} {}", tr(lang, T::ShowingBuiltIn))
    }
}

/// A problem without its file, in `lang`: `error: line 5, column 1:
/// message`.
pub fn problem_text(lang: Lang, problem: &dataset::Problem) -> String {
    if lang == Lang::En {
        return problem.to_string();
    }
    let severity = if problem.is_error() {
        tr(lang, T::SeverityError)
    } else {
        tr(lang, T::SeverityWarning)
    };
    let place = match (problem.line, problem.column) {
        (Some(line), Some(column)) => fill(lang, T::LineColumn, &[&line, &column]),
        _ => String::new(),
    };
    let path = if problem.path.is_empty() {
        String::new()
    } else {
        format!("{}：", problem.path)
    };
    format!("{severity}{place}{path}{}", problem.kind.text(Lang::Zh))
}

/// A problem as one line naming the file, in `lang`: `file:line:column:
/// error: message` (`错误：` and the message in Chinese where the loader's
/// wording is known).
pub fn located(lang: Lang, file: &Path, problem: &dataset::Problem) -> String {
    let file = file.display().to_string();
    if lang == Lang::En {
        return problem.located_in(&file);
    }
    // As `Problem::located_in` does: the line and column go with the file.
    match (problem.line, problem.column) {
        (Some(line), Some(column)) => {
            let mut unlocated = problem.clone();
            unlocated.line = None;
            unlocated.column = None;
            format!("{file}:{line}:{column}: {}", problem_text(lang, &unlocated))
        }
        _ => format!("{file}: {}", problem_text(lang, problem)),
    }
}

/// What was wrong with the settings file, in `lang`.
fn settings_trouble_text(trouble: &super::settings_file::Trouble, lang: Lang) -> String {
    use super::settings_file::Trouble;
    match trouble {
        Trouble::Restored { path } => fill(lang, T::SettingsRestored, &[&path.display()]),
        Trouble::Corrupt { path, kept } => fill(
            lang,
            T::SettingsCorrupt,
            &[&path.display(), &kept.display()],
        ),
        Trouble::Unreadable { path, reason } => fill(
            lang,
            T::SettingsUnreadable,
            &[&path.display(), &reason.text(lang)],
        ),
        Trouble::ReadOnly { path } => fill(lang, T::SettingsReadOnly, &[&path.display()]),
    }
}
