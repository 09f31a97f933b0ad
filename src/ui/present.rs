//! Presentations in the window: the presentation being built (views in
//! order, added from what is on screen or from saved views, removed and
//! moved), saved and opened as one file, exported as a PDF of a page per
//! slide or written as a briefing, and shown full screen a slide at a
//! time. The presentation as data is [`crate::view::presentation`]'s; the
//! slides are drawn by [`super::present_slide`], the panel and the file
//! dialog by [`super::present_panel`].
//!
//! Showing a presentation changes nothing of the document or the session
//! around it: each slide is drawn from its own view. So leaving gives back
//! exactly what was on screen (the selection, the chart, the filters), and
//! the window's full-screen state as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::briefing_dialog::{BriefingJob, Outcome};
use super::messages::{Failure, Note};
use super::state::AppState;
use crate::i18n::{Lang, T, fill, tr};
use crate::job::Job;
use crate::view::presentation::{self, DeckNote, PresentationError, PresentationFile};
use crate::view::saved::{self, ViewError, ViewFile};

/// The presentation being built, and the one being shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PresentationState {
    /// Its name (given when saved, or read from its file).
    pub name: String,
    /// The slides, in order, each a whole view.
    pub slides: Vec<ViewFile>,
    /// The file it was opened from or last saved to.
    pub path: Option<PathBuf>,
    /// The slide chosen in the list (where Present starts, what the
    /// arrows of the list move).
    pub cursor: Option<usize>,
    /// What was said on opening its file: slides left out, records gone,
    /// figures changed.
    pub notes: Vec<DeckNote>,
    /// The last presentation file that could not be opened, and why.
    pub error: Option<PresentationError>,
    /// The slide on screen while presenting.
    pub showing: Option<Showing>,
    /// The window's full-screen state to give back, once presenting ends.
    pub restore_fullscreen: Option<bool>,
}

/// A presentation on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Showing {
    /// The slide shown, from 0.
    pub index: usize,
    /// Whether the window was full screen before; `None` until the window
    /// has been asked to go full screen.
    pub was_fullscreen: Option<bool>,
}

/// A move between slides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The next slide (→, ↓, Page Down, Space, a click).
    Next,
    /// The previous slide (←, ↑, Page Up, Backspace, a right click).
    Previous,
    /// The first slide (Home).
    First,
    /// The last slide (End).
    Last,
}

/// What the presentation's file dialog does with its path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// Save the presentation.
    Save,
    /// Open a presentation.
    Open,
    /// Export it as one PDF, a page per slide.
    ExportPdf,
    /// Write it as a briefing (PDF or Word).
    Briefing,
}

/// What the Views panel's presentation and the slides ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum PresentCommand {
    /// Add what is on screen as the last slide.
    AddShown,
    /// Add a saved view's file as the last slide.
    AddView(PathBuf),
    /// Take a slide out.
    Remove(usize),
    /// Move a slide from one place to another.
    Move {
        /// Where it is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// Choose a slide in the list.
    Choose(usize),
    /// Start a new, empty presentation (the file, if any, stays).
    Clear,
    /// Show the presentation full screen from the first slide (F5), or
    /// from the slide chosen in the list (Shift+F5, a double click).
    Start {
        /// From the slide chosen rather than the first.
        from_chosen: bool,
    },
    /// Move between slides.
    Go(Step),
    /// Leave the presentation: what was on screen comes back.
    Stop,
    /// Open the file dialog for an action.
    OpenDialog(FileAction),
    /// Carry out a file action on a path; `replace` once the user agreed
    /// to replace an existing file.
    File {
        /// What to do.
        action: FileAction,
        /// The presentation's name (for Save).
        name: String,
        /// The file.
        path: PathBuf,
        /// Replace the file if it exists.
        replace: bool,
        /// The PDF's page: the window's theme when asked.
        paper: crate::chart::Paper,
    },
}

/// What a presentation's work said, for the status line.
#[derive(Clone, Debug, PartialEq)]
pub enum PresentNote {
    /// There is nothing to show.
    Empty,
    /// A slide was added.
    Added {
        /// The view's name.
        name: String,
        /// How many slides there are now.
        count: usize,
    },
    /// A saved view could not be read to be added.
    NotAdded(ViewError),
    /// The presentation was saved.
    Saved(PathBuf),
    /// It could not be saved.
    NotSaved(Failure),
    /// A presentation was opened.
    Opened {
        /// Its name.
        name: String,
        /// How many slides opened.
        slides: usize,
        /// How many problems were said.
        problems: usize,
    },
    /// A presentation could not be opened; nothing changed.
    NotOpened(PresentationError),
    /// What keeping the presentation between runs had to say.
    Kept(presentation::KeptSaid),
}

impl PresentNote {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Empty => tr(lang, T::PresentationEmpty).to_owned(),
            Self::Added { name, count } => fill(lang, T::SlideAdded, &[name, count]),
            Self::NotAdded(error) => fill(lang, T::SlideNotAdded, &[&error.text(lang)]),
            Self::Saved(path) => fill(lang, T::PresentationSaved, &[&path.display()]),
            Self::NotSaved(failure) => fill(lang, T::PresentationNotSaved, &[&failure.text(lang)]),
            Self::Opened {
                name,
                slides,
                problems: 0,
            } => fill(lang, T::PresentationOpened, &[name, slides]),
            Self::Opened {
                name,
                slides,
                problems,
            } => fill(
                lang,
                T::PresentationOpenedWithProblems,
                &[name, slides, problems],
            ),
            Self::NotOpened(error) => error.text(lang),
            Self::Kept(said) => said.text(lang),
        }
    }
}

impl PresentationState {
    /// Whether a presentation is on screen.
    pub fn is_showing(&self) -> bool {
        self.showing.is_some()
    }
}

impl AppState {
    /// Carries out a presentation's command.
    pub(super) fn apply_present(&mut self, command: PresentCommand) {
        self.apply_present_command(command);
        // Every change to the slides or the name is kept for the next run.
        self.keep_presentation();
    }

    fn apply_present_command(&mut self, command: PresentCommand) {
        match command {
            PresentCommand::AddShown => {
                let lang = self.session.lang();
                let name = crate::chart::chart_name(self.session.settings.chart, lang);
                let view = self.capture_view(name);
                self.add_slide(view);
            }
            PresentCommand::AddView(path) => match saved::read_file(&path) {
                Ok(read) => self.add_slide(read.view),
                Err(error) => self.say(PresentNote::NotAdded(error)),
            },
            PresentCommand::Remove(index) => {
                let deck = &mut self.session.presentation;
                if index < deck.slides.len() {
                    deck.slides.remove(index);
                    deck.cursor = deck
                        .cursor
                        .filter(|_| !deck.slides.is_empty())
                        .map(|c| c.min(deck.slides.len() - 1));
                }
            }
            PresentCommand::Move { from, to } => {
                let deck = &mut self.session.presentation;
                if from < deck.slides.len() && to < deck.slides.len() {
                    let slide = deck.slides.remove(from);
                    deck.slides.insert(to, slide);
                    deck.cursor = Some(to);
                }
            }
            PresentCommand::Choose(index) => {
                let deck = &mut self.session.presentation;
                deck.cursor = (index < deck.slides.len()).then_some(index);
            }
            PresentCommand::Clear => {
                self.session.presentation = PresentationState {
                    restore_fullscreen: self.session.presentation.restore_fullscreen,
                    ..PresentationState::default()
                };
            }
            PresentCommand::Start { from_chosen } => self.start_presenting(from_chosen),
            PresentCommand::Go(step) => self.go(step),
            PresentCommand::Stop => {
                let deck = &mut self.session.presentation;
                if let Some(showing) = deck.showing.take() {
                    deck.cursor = Some(showing.index);
                    deck.restore_fullscreen = Some(showing.was_fullscreen.unwrap_or(false));
                }
            }
            PresentCommand::OpenDialog(action) => {
                self.dialog = Some(super::present_panel::file_dialog(
                    &self.panel_context(),
                    action,
                ));
            }
            PresentCommand::File {
                action,
                name,
                path,
                replace,
                paper,
            } => self.file_action(action, &name, &path, replace, paper),
        }
    }

    fn say(&mut self, note: PresentNote) {
        self.session.status = Some(Note::Presentation(note));
    }

    fn add_slide(&mut self, view: ViewFile) {
        let deck = &mut self.session.presentation;
        let name = view.name.clone();
        deck.slides.push(view);
        deck.cursor = Some(deck.slides.len() - 1);
        let count = deck.slides.len();
        self.session.views.panel = true;
        self.say(PresentNote::Added { name, count });
    }

    /// Shows the presentation full screen from the first slide or the one
    /// chosen; an empty one says so and changes nothing.
    fn start_presenting(&mut self, from_chosen: bool) {
        let deck = &mut self.session.presentation;
        if deck.slides.is_empty() {
            self.session.views.panel = true;
            self.say(PresentNote::Empty);
            return;
        }
        if deck.showing.is_none() {
            let index = deck
                .cursor
                .filter(|_| from_chosen)
                .unwrap_or(0)
                .min(deck.slides.len() - 1);
            deck.showing = Some(Showing {
                index,
                was_fullscreen: None,
            });
            // A dialog open behind the slides would take their keys.
            self.dialog = None;
        }
    }

    fn go(&mut self, step: Step) {
        let deck = &mut self.session.presentation;
        let last = deck.slides.len().saturating_sub(1);
        if let Some(showing) = &mut deck.showing {
            showing.index = match step {
                Step::Next => (showing.index + 1).min(last),
                Step::Previous => showing.index.saturating_sub(1),
                Step::First => 0,
                Step::Last => last,
            };
        }
    }

    /// The presentation as its file would hold it.
    pub fn presentation_file(&self, name: &str) -> PresentationFile {
        PresentationFile::new(name, self.session.presentation.slides.clone())
    }

    fn file_action(
        &mut self,
        action: FileAction,
        name: &str,
        path: &Path,
        replace: bool,
        paper: crate::chart::Paper,
    ) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        if action == FileAction::Open {
            self.open_presentation(&path);
            return;
        }
        if self.session.presentation.slides.is_empty() {
            self.say(PresentNote::Empty);
            return;
        }
        if path.exists() && !replace {
            if let Some(super::Dialog::Presentation(dialog)) = &mut self.dialog {
                dialog.confirm_replace = true;
            }
            return;
        }
        match action {
            FileAction::Save => self.save_presentation(name, &path, replace),
            FileAction::ExportPdf | FileAction::Briefing => {
                self.write_presentation(action, &path, replace, paper);
            }
            FileAction::Open => {}
        }
    }

    fn save_presentation(&mut self, name: &str, path: &Path, replace: bool) {
        let text = self.presentation_file(name).to_json();
        let written = crate::output::write(path, text.as_bytes(), replace);
        match written {
            Ok(()) => {
                let deck = &mut self.session.presentation;
                name.trim().clone_into(&mut deck.name);
                deck.path = Some(path.to_owned());
                self.say(PresentNote::Saved(path.to_owned()));
                self.dialog = None;
            }
            Err(error) => {
                let note = PresentNote::NotSaved(Failure::Write(error));
                if let Some(super::Dialog::Presentation(dialog)) = &mut self.dialog {
                    dialog.confirm_replace = false;
                    dialog.message = Some(Note::Presentation(note.clone()));
                }
                self.say(note);
            }
        }
    }

    /// Opens a presentation file in place of the one being built. A file
    /// that cannot be read changes nothing; one that can is opened as far
    /// as it goes, and the Views panel says what was left out or changed.
    pub fn open_presentation(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let deck = match presentation::read_file(&path) {
            Ok(deck) => deck,
            Err(error) => {
                self.session.presentation.error = Some(error.clone());
                self.session.views.panel = true;
                if let Some(super::Dialog::Presentation(dialog)) = &mut self.dialog {
                    dialog.message =
                        Some(Note::Presentation(PresentNote::NotOpened(error.clone())));
                }
                self.say(PresentNote::NotOpened(error));
                return;
            }
        };
        let shown = presentation::resolve(&deck, &self.doc.dataset, self.doc.districts());
        let problems = shown.notes.iter().filter(|n| n.is_problem()).count();
        let slides = deck.slides.len();
        self.session.presentation = PresentationState {
            name: deck.name.clone(),
            slides: deck.views(),
            path: Some(path),
            cursor: (slides > 0).then_some(0),
            notes: shown.notes,
            error: None,
            showing: None,
            restore_fullscreen: self.session.presentation.restore_fullscreen,
        };
        self.session.views.panel = true;
        self.dialog = None;
        self.say(PresentNote::Opened {
            name: deck.name,
            slides,
            problems,
        });
    }

    /// Writes the presentation as one PDF (a 16:9 slide per page, in the
    /// window's theme) or as a briefing, on a worker thread; the status
    /// line says when it is written.
    fn write_presentation(
        &mut self,
        action: FileAction,
        path: &Path,
        replace: bool,
        paper: crate::chart::Paper,
    ) {
        let dataset = self.doc.dataset.clone();
        let districts = self.doc.districts().to_vec();
        let deck = presentation::Deck {
            name: self.session.presentation.name.clone(),
            slides: self
                .session
                .presentation
                .slides
                .iter()
                .enumerate()
                .map(|(i, view)| presentation::SlideRead {
                    number: i + 1,
                    read: saved::Read {
                        view: view.clone(),
                        notes: Vec::new(),
                    },
                })
                .collect(),
            notes: Vec::new(),
        };
        let lang = self.session.lang();
        let convention = self.session.convention();
        let briefing_format = crate::briefing::Format::of_path(path);
        if action == FileAction::Briefing && briefing_format.is_none() {
            let error = crate::briefing::BriefingError::Extension(path.to_owned());
            self.session.status = Some(Note::ExportFailed(error.into()));
            return;
        }
        let target = path.to_owned();
        let title = if deck.name.is_empty() {
            dataset.title.clone()
        } else {
            deck.name.clone()
        };
        let work = move |progress: &Arc<crate::job::Progress>| {
            let shown = presentation::resolve(&deck, &dataset, &districts);
            let briefing = briefing_format.filter(|_| action == FileAction::Briefing);
            let bytes = if let Some(format) = briefing {
                let options = crate::briefing::Options {
                    lang,
                    convention,
                    charts: None,
                    // Each slide's view carries its own annotations.
                    annotations: std::collections::BTreeMap::default(),
                    date: crate::chart::render::today(),
                };
                crate::briefing::bytes_of_views(&dataset, &shown.slides, &options, format, progress)
                    .map_err(Failure::from)
            } else {
                pdf_bytes(&dataset, &shown.slides, paper, &title)
            };
            match bytes {
                Err(Failure::Briefing(crate::briefing::BriefingError::Cancelled)) => {
                    Outcome::Cancelled
                }
                Err(failure) => Outcome::Failed(failure),
                Ok(bytes) => match crate::output::write(&target, &bytes, replace) {
                    Ok(()) => Outcome::Written,
                    Err(e) => Outcome::Failed(e.into()),
                },
            }
        };
        match Job::spawn("write presentation", Arc::clone(&self.wake), work) {
            Ok(job) => {
                self.briefing_job = Some(BriefingJob {
                    path: path.to_owned(),
                    job,
                });
            }
            Err(error) => {
                self.session.status = Some(Note::ExportFailed(Failure::NoThread {
                    reason: crate::dataset::IoReason::of(&error),
                    path: path.to_owned(),
                }));
            }
        }
    }
}

/// The slides as one PDF, a 16:9 page each, on `paper`.
fn pdf_bytes(
    dataset: &crate::dataset::Dataset,
    slides: &[saved::Resolved],
    paper: crate::chart::Paper,
    title: &str,
) -> Result<Vec<u8>, Failure> {
    let page = crate::chart::Page::of(crate::chart::Preset::Slide, paper);
    let scenes: Vec<_> = slides
        .iter()
        .map(|view| presentation::slide_scene(dataset, view, &page))
        .collect();
    let info = crate::chart::PdfInfo {
        author: format!("{} · Plan Explorer", dataset.title),
        date: crate::chart::render::today(),
    };
    crate::chart::render::pdf_pages(&scenes, title, &info).map_err(Failure::from)
}
