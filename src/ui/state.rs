//! The window's state, in two halves: the [`Document`] (one dataset and
//! what points into it) and the [`Session`] (preferences and what only the
//! window shows), with the open dialog and the work running in the background
//! beside them.
//!
//! Panels see the state through a [`PanelContext`]: read-only, one frame
//! long. They change it only by sending [`super::Command`]s. The open
//! dialog alone is drawn with the right to edit it, since what the user
//! types into it is its own state; what it is for (open this file, export
//! that) it sends as commands too.

use std::path::Path;

use super::briefing_dialog;
use super::dialogs::Dialog;
use super::document::Document;
use super::loading::LoadJob;
use super::messages::{Banner, LoadProblems, Note};
use super::settings::Settings;
use crate::dataset::Dataset;
use crate::i18n::Lang;
use crate::view::amount::Convention;
use crate::view::charts::TargetColumn;

/// How many recent files are remembered.
pub const RECENT_FILES: usize = 8;

/// Which of the bottom area's tabs is in front, when both are open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BottomTab {
    /// Why the last file did not load.
    #[default]
    Problems,
    /// What changed with the last load.
    Changes,
}

/// Preferences and what only the window shows; see the module's
/// documentation.
#[derive(Debug)]
pub struct Session {
    /// What is remembered between runs: the chart, the theme, the recent
    /// files, and the language and amount convention if the user chose.
    pub settings: Settings,
    /// The system's language, followed where the user chose none.
    pub system_lang: Lang,
    /// Whether the fund bars use a logarithmic scale (the default: the
    /// amounts span eight orders of magnitude).
    pub funds_log_scale: bool,
    /// The targets' order: the column, and whether ascending.
    pub targets_sort: (TargetColumn, bool),
    /// The theme map's row order.
    pub theme_order: crate::view::themes::ThemeOrder,
    /// Charts shown as tables.
    pub show_table: bool,
    /// A problem to show above everything (e.g. a file that did not load
    /// at start-up).
    pub banner: Option<Banner>,
    /// Why the last file did not load, while the user has not closed it.
    pub problems: Option<LoadProblems>,
    /// The document (by generation) whose proof's problems the user
    /// closed; another document's are shown again.
    pub proof_problems_closed: Option<u64>,
    /// The bottom area's tab in front, when problems and changes are both
    /// open.
    pub bottom_tab: BottomTab,
    /// What the last export or copy did, for the Export dialog.
    pub export_message: Option<Note>,
    /// The last thing done or failed, for the status line.
    pub status: Option<Note>,
    /// Where the search box searches, and the last search in the
    /// documents.
    pub doc_search: DocSearchState,
    /// The source document open in the source viewer, at a passage.
    pub source: Option<crate::dataset::proof::Spot>,
    /// Whether Browse may open the platform's file dialog. Only the real
    /// window sets it: in tests a native dialog would block the run.
    pub native_dialogs: bool,
    /// A review under way found beside the dataset (or remembered), offered
    /// to be resumed.
    pub resume_offer: Option<super::import_job::Found>,
    /// Each chart's annotations, in the user's words; by id, so they hold
    /// whatever the document.
    pub annotations: std::collections::BTreeMap<
        crate::view::charts::ChartId,
        Vec<crate::view::annotations::Annotation>,
    >,
    /// The Views panel: whether it is open, and the last view opened.
    pub views: super::views::ViewsState,
    /// Where the annotations are kept between runs, per dataset; none in
    /// tests that do not ask for it.
    pub kept_notes: Option<super::views::KeptNotes>,
    /// The files whose last load failed this session, which File > Recent
    /// marks as not loading.
    pub failed_loads: std::collections::BTreeSet<std::path::PathBuf>,
    /// The "Check a draft" panel: the draft and its last check.
    pub check: super::check::CheckState,
    /// The presentation being built, and shown.
    pub presentation: super::present::PresentationState,
    /// Where the presentation being built is kept between runs; none in
    /// tests that do not ask for it.
    pub kept_deck: Option<super::present_kept::KeptDeck>,
    /// The map's cell last clicked, right-clicked or reached by the
    /// keyboard, by ids (so it holds whatever the document), for a note on
    /// it: the map, the row and the plan's id.
    pub chosen_cell: Option<(
        crate::view::charts::ChartId,
        crate::view::annotations::CellRow,
        smol_str::SmolStr,
    )>,
}

impl Default for Session {
    fn default() -> Self {
        Self {
            settings: Settings::default(),
            system_lang: Lang::En,
            funds_log_scale: true,
            targets_sort: (TargetColumn::Deadline, true),
            theme_order: crate::view::themes::ThemeOrder::Total,
            show_table: false,
            banner: None,
            problems: None,
            doc_search: DocSearchState::default(),
            proof_problems_closed: None,
            source: None,
            bottom_tab: BottomTab::default(),
            export_message: None,
            status: None,
            native_dialogs: false,
            resume_offer: None,
            annotations: std::collections::BTreeMap::new(),
            views: super::views::ViewsState::default(),
            kept_notes: None,
            failed_loads: std::collections::BTreeSet::new(),
            check: super::check::CheckState::default(),
            presentation: super::present::PresentationState::default(),
            kept_deck: None,
            chosen_cell: None,
        }
    }
}

impl Session {
    /// The interface's language: the user's choice, else the system's.
    pub fn lang(&self) -> Lang {
        self.settings.lang.unwrap_or(self.system_lang)
    }

    /// How amounts are written: the user's choice, else the language's
    /// (亿元 in Chinese, billions in English).
    pub fn convention(&self) -> Convention {
        self.settings
            .convention
            .unwrap_or_else(|| Convention::of_language(self.lang()))
    }

    /// The annotations of `chart`.
    pub fn annotations_of(
        &self,
        chart: crate::view::charts::ChartId,
    ) -> &[crate::view::annotations::Annotation] {
        self.annotations.get(&chart).map_or(&[], Vec::as_slice)
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        let recent = &mut self.settings.recent;
        recent.retain(|p| p != path);
        recent.insert(0, path.to_owned());
        recent.truncate(RECENT_FILES);
    }
}

/// Everything the window shows, apart from egui's own state.
pub struct AppState {
    /// The dataset on screen and what points into it.
    pub doc: Document,
    /// Preferences and window-only state.
    pub session: Session,
    /// The open dialog, if any, with what the user has typed and chosen in
    /// it; the frame draws it with the right to edit it.
    pub dialog: Option<Dialog>,
    /// A dataset loading on a worker thread.
    pub load_job: Option<LoadJob>,
    /// A briefing being written on a worker thread.
    pub briefing_job: Option<briefing_dialog::BriefingJob>,
    /// A document being imported, or a draft opened, on a worker thread.
    pub import_job: Option<super::import_job::ImportJob>,
    /// The draft under review, if one is: it takes the place of the tree,
    /// the charts and the details until it is saved or closed.
    pub review: Option<super::review::ReviewSession>,
    /// Watches the open file for changes.
    pub watch: Option<crate::watch::Watch>,
    /// Watch files by polling only, not by the system's events.
    pub polling_only: bool,
    /// A reload was asked for (or the file changed) while a load ran; it
    /// is carried out when that load ends.
    pub reload_pending: bool,
    /// A picture waiting to go to the clipboard (needs the context).
    pub(super) pending_copy: Option<egui::ColorImage>,
    /// Asks the window for a frame; called from worker threads when their
    /// work ends.
    pub(super) wake: Wake,
}

/// Asks the window for a frame, from any thread.
pub use crate::job::Wake;

impl AppState {
    /// A state showing `dataset`.
    pub fn new(dataset: Dataset) -> Self {
        Self::with_document(Document::new(dataset, None))
    }

    /// A state showing `doc`, with the default session.
    pub fn with_document(doc: Document) -> Self {
        Self {
            doc,
            session: Session::default(),
            dialog: None,
            load_job: None,
            briefing_job: None,
            import_job: None,
            review: None,
            watch: None,
            polling_only: false,
            reload_pending: false,
            pending_copy: None,
            wake: std::sync::Arc::new(|| {}),
        }
    }

    /// Lets worker threads ask `ctx` for a frame when they have news.
    pub fn set_wake(&mut self, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.wake = std::sync::Arc::new(move || ctx.request_repaint());
    }

    /// What panels see this frame.
    pub fn panel_context(&self) -> PanelContext<'_> {
        PanelContext {
            doc: &self.doc,
            session: &self.session,
            loading: self.load_job.as_ref(),
            briefing: self.briefing_job.as_ref(),
            importing: self.import_job.as_ref(),
            review: self.review.as_ref(),
            dialog_open: self.dialog.is_some(),
        }
    }

    /// What panels see this frame, and beside it the open dialog, which
    /// the frame draws with the right to edit it.
    pub fn panel_context_and_dialog(&mut self) -> (PanelContext<'_>, &mut Option<Dialog>) {
        let cx = PanelContext {
            doc: &self.doc,
            session: &self.session,
            loading: self.load_job.as_ref(),
            briefing: self.briefing_job.as_ref(),
            importing: self.import_job.as_ref(),
            review: self.review.as_ref(),
            dialog_open: self.dialog.is_some(),
        };
        (cx, &mut self.dialog)
    }

    /// Whether a dataset is loading.
    pub fn is_loading(&self) -> bool {
        self.load_job.is_some()
    }
}

/// What a panel sees of the state for one frame: the document, the
/// session, and the background work in progress, all read-only.
#[derive(Clone, Copy)]
pub struct PanelContext<'a> {
    /// The dataset on screen and what points into it.
    pub doc: &'a Document,
    /// Preferences and window-only state.
    pub session: &'a Session,
    /// A dataset loading, if one is.
    pub loading: Option<&'a LoadJob>,
    /// A briefing being written, if one is.
    pub briefing: Option<&'a briefing_dialog::BriefingJob>,
    /// A document being imported, or a draft opened, if one is.
    pub importing: Option<&'a super::import_job::ImportJob>,
    /// The draft under review, if one is.
    pub review: Option<&'a super::review::ReviewSession>,
    /// Whether a dialog is open (its keys are not the panels').
    pub dialog_open: bool,
}

/// Where the search box looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SearchScope {
    /// The records: the tree is filtered by the words.
    #[default]
    Records,
    /// The documents' texts: the matches are listed in place of the tree.
    Documents,
}

/// The search in the documents: its scope, and its result for the
/// document it was made on.
#[derive(Clone, Debug, Default)]
pub struct DocSearchState {
    /// Where the search box looks.
    pub scope: SearchScope,
    /// The matches of the words typed, for the document of `generation`.
    pub result: crate::view::doc_search::DocSearch,
    /// The document the result was made on.
    pub generation: u64,
}
