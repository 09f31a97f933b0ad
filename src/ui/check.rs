//! The "Check a draft" work of the window: the draft pasted or opened,
//! its last check, and the reviewed copy saved beside a Word draft. The
//! panel ([`super::check_panel`]) sends [`CheckCommand`]s; they are
//! carried out here.

use std::path::{Path, PathBuf};

use super::state::AppState;
use crate::check::draft::{Draft, read_draft};
use crate::check::{Checker, DraftError, Report, reviewed};
use crate::i18n::Lang;
use crate::import::read::ReadDocError;

/// What the user asks of the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckCommand {
    /// Show the panel.
    Open,
    /// Hide it (the draft and its check are kept).
    Close,
    /// The text in the box changed.
    SetText(String),
    /// Check the text in the box.
    Run,
    /// Read a draft file and check it.
    OpenFile(PathBuf),
    /// Open the dialog that picks a draft file.
    OpenFileDialog,
    /// Save the reviewed copy of the Word draft beside it.
    SaveReviewed,
}

/// The panel's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckState {
    /// Whether the panel is shown.
    pub open: bool,
    /// The text in the box.
    pub text: String,
    /// The draft file read, if the text came from one, with its bytes
    /// (for a Word draft) and the reader's notes.
    pub file: Option<(PathBuf, Draft)>,
    /// The last check: the text checked and its report.
    pub checked: Option<(String, Report)>,
    /// The document (by generation) the check was made against.
    pub generation: u64,
    /// What the last action said.
    pub message: Option<CheckMessage>,
}

/// What the panel says about the last action.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckMessage {
    /// The draft file could not be read.
    Unreadable(ReadDocError),
    /// The draft is too long.
    TooLong(DraftError),
    /// The reviewed copy was written here, with so many comments.
    Saved(PathBuf, usize),
    /// The reviewed copy could not be made or written.
    SaveFailed(String),
}

impl CheckMessage {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Unreadable(e), _) => e.text(lang),
            (Self::TooLong(e), _) => e.text(lang),
            (Self::Saved(path, n), Lang::En) => {
                format!("Saved the reviewed copy, {n} comments: {}", path.display())
            }
            (Self::Saved(path, n), Lang::Zh) => {
                format!("已保存审阅副本，共 {n} 条批注：{}", path.display())
            }
            (Self::SaveFailed(why), Lang::En) => format!("The reviewed copy was not saved: {why}"),
            (Self::SaveFailed(why), Lang::Zh) => format!("未能保存审阅副本：{why}"),
        }
    }
}

impl CheckState {
    /// The draft's Word bytes, when the text in the box is still the
    /// Word draft's (a reviewed copy can be made).
    pub fn docx(&self) -> Option<(&Path, &[u8])> {
        let (path, draft) = self.file.as_ref()?;
        let bytes = draft.docx.as_deref()?;
        (draft.text == self.text).then_some((path.as_path(), bytes))
    }
}

impl AppState {
    /// Carries out a check command.
    pub(super) fn apply_check(&mut self, command: CheckCommand) {
        match command {
            CheckCommand::Open => self.session.check.open = true,
            CheckCommand::Close => self.session.check.open = false,
            CheckCommand::SetText(text) => self.session.check.text = text,
            CheckCommand::Run => self.run_check(),
            CheckCommand::OpenFile(path) => {
                let check = &mut self.session.check;
                check.open = true;
                match read_draft(&path, &crate::job::Progress::default()) {
                    Ok(draft) => {
                        check.text.clone_from(&draft.text);
                        check.file = Some((path, draft));
                        self.run_check();
                    }
                    Err(error) => check.message = Some(CheckMessage::Unreadable(error)),
                }
            }
            CheckCommand::OpenFileDialog => {
                self.session.export_message = None;
                self.dialog = Some(super::dialogs::check_dialog());
            }
            CheckCommand::SaveReviewed => self.save_reviewed(),
        }
    }

    /// Checks the text in the box against the document on screen.
    fn run_check(&mut self) {
        let checker = Checker::new(&self.doc.dataset, &self.doc.proof);
        let check = &mut self.session.check;
        check.message = None;
        match checker.check(&check.text) {
            Ok(report) => {
                check.checked = Some((check.text.clone(), report));
                check.generation = self.doc.generation;
            }
            Err(error) => {
                check.checked = None;
                check.message = Some(CheckMessage::TooLong(error));
            }
        }
    }

    /// Writes the reviewed copy beside the Word draft, under a new name.
    fn save_reviewed(&mut self) {
        let lang = self.session.lang();
        let check = &self.session.check;
        let (Some((path, bytes)), Some((text, report))) = (check.docx(), &check.checked) else {
            return;
        };
        let notes = reviewed::notes(report, text, &self.doc.dataset, lang);
        let date = crate::import::to_json::today();
        let out = reviewed_path(path);
        let message = match reviewed::reviewed(
            bytes,
            &notes,
            "Plan Explorer",
            &format!("{date}T00:00:00Z"),
        ) {
            Ok(copy) => match crate::output::write_new(&out, &copy.bytes) {
                Ok(()) => CheckMessage::Saved(out, copy.anchored),
                Err(error) => CheckMessage::SaveFailed(format!("{error}")),
            },
            Err(error) => CheckMessage::SaveFailed(error.to_string()),
        };
        self.session.check.message = Some(message);
    }
}

/// A new file beside `draft` for its reviewed copy: `NAME-reviewed.docx`,
/// or `NAME-reviewed-2.docx` and on where that exists (nothing is
/// replaced).
pub fn reviewed_path(draft: &Path) -> PathBuf {
    let stem = draft
        .file_stem()
        .map_or_else(|| "draft".to_owned(), |s| s.to_string_lossy().into_owned());
    let folder = draft.parent().unwrap_or_else(|| Path::new("."));
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}-reviewed.docx")
        } else {
            format!("{stem}-reviewed-{n}.docx")
        };
        let path = folder.join(name);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}
