//! The explorer window: the tree of measures on the left, charts in the
//! middle, details of the selection on the right, a top bar with the
//! dataset's title, search and filters.
//!
//! Each panel is its own module with one job. Panels read the state and send
//! [`Command`]s; [`AppState::apply`] carries them out in one place.

pub mod briefing_dialog;
mod changes_panel;
mod charts_panel;
mod details_panel;
pub mod dialogs;
pub mod export;
mod note;
mod problems_panel;
mod screenshot;
pub mod style;
mod top_bar;
mod tree_panel;

use std::path::{Path, PathBuf};

use crate::dataset::{self, Dataset};
use crate::i18n::{self, Lang, T, fill, tr};
use crate::selection::{History, Item};
use crate::view::amount::Convention;
use crate::view::charts::{ChartId, LegendKey, TargetColumn};
use crate::view::tree::{Expansion, SearchIndex, TreeData, TreeFilter};
pub use note::{Banner, LoadProblem, LoadProblems, Note};

/// Something a panel asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Select an item (and reveal it in the tree if it is a node).
    Select(Item),
    /// Go back in the selection history.
    Back,
    /// Go forward in the selection history.
    Forward,
    /// Open or close one plan or node.
    SetOpen(Item, bool),
    /// Open or close a plan or node and everything below it.
    SetSubtreeOpen(Item, bool),
    /// Open or close everything.
    SetAllOpen(bool),
    /// Replace the filter (search and facets).
    SetFilter(TreeFilter),
    /// Show another chart.
    ShowChart(ChartId),
    /// Write amounts in another convention.
    SetConvention(Convention),
    /// Follow the system's theme, or force light or dark.
    SetTheme(egui::ThemePreference),
    /// Hide a legend entry's series or bars, or show them again.
    ToggleLegend(LegendKey),
    /// Draw the fund bars on a logarithmic scale, or not.
    SetFundsLogScale(bool),
    /// Sort the targets by a column, ascending or not.
    SortTargets(TargetColumn, bool),
    /// Load a dataset file; it replaces the one on screen only if valid.
    OpenFile(PathBuf),
    /// Load the open file again.
    Reload,
    /// Show a dialog, or close it with `None`.
    ShowDialog(Option<Dialog>),
    /// Open the Export dialog for the chart on screen.
    OpenExportDialog,
    /// Open the Export briefing dialog.
    OpenBriefingDialog,
    /// Write a briefing on a worker thread.
    WriteBriefing(briefing_dialog::BriefingRequest),
    /// Stop the briefing being written.
    CancelBriefing,
    /// Close the problems panel.
    DismissProblems,
    /// Close the change summary.
    DismissChanges,
    /// Write a chart's picture or data (see [`ExportRequest`]).
    Export(ExportRequest),
    /// Put a chart's picture on the clipboard.
    CopyImage(ChartId, export::ImageOptions),
    /// Show the interface in another language.
    SetLang(Lang),
}

impl Command {
    /// Whether the command holds indexes into the dataset it was made on.
    pub fn points_into_dataset(&self) -> bool {
        match self {
            Self::Select(_)
            | Self::SetOpen(..)
            | Self::SetSubtreeOpen(..)
            | Self::SetFilter(_)
            | Self::ToggleLegend(_) => true,
            Self::Back
            | Self::Forward
            | Self::SetAllOpen(_)
            | Self::ShowChart(_)
            | Self::SetConvention(_)
            | Self::SetTheme(_)
            | Self::SetFundsLogScale(_)
            | Self::SortTargets(..)
            | Self::OpenFile(_)
            | Self::Reload
            | Self::ShowDialog(_)
            | Self::OpenExportDialog
            | Self::OpenBriefingDialog
            | Self::WriteBriefing(_)
            | Self::CancelBriefing
            | Self::DismissProblems
            | Self::DismissChanges
            | Self::Export(_)
            | Self::CopyImage(..)
            | Self::SetLang(_) => false,
        }
    }
}

/// The dialogs.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Open a dataset: a path field, Browse, the recent files.
    Open(OpenDialog),
    /// Export a chart.
    Export(ExportDialog),
    /// Export a briefing.
    Briefing(briefing_dialog::BriefingDialog),
}

/// The Open dialog's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenDialog {
    /// The path typed or chosen.
    pub path: String,
}

/// The Export dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    /// Which chart.
    pub chart: ChartId,
    /// Where to write; the extension chooses PNG or CSV.
    pub path: String,
    /// Size, scale and theme of a picture.
    pub image: export::ImageOptions,
    /// Whether the picture follows the window's theme (else light).
    pub current_theme: bool,
    /// Set when the file exists and the user must agree to replace it.
    pub confirm_replace: bool,
}

/// What to export, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportRequest {
    /// Which chart.
    pub chart: ChartId,
    /// The file: `.png` for the picture, `.csv` for the data.
    pub path: PathBuf,
    /// Size, scale and theme of a picture.
    pub image: export::ImageOptions,
    /// Replace the file if it exists (the user agreed).
    pub replace: bool,
}

/// What the app remembers between runs. Missing or unreadable values fall
/// back to the defaults, so a corrupt settings file never stops the app.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// How amounts are written.
    pub convention: Convention,
    /// The chart shown.
    pub chart: ChartId,
    /// Light, dark, or following the system (the default).
    pub theme: egui::ThemePreference,
    /// The dataset file last opened, if it was a file.
    pub last_dataset: Option<PathBuf>,
    /// Dataset files opened, most recent first.
    pub recent: Vec<PathBuf>,
    /// The interface's language; `None` follows the system's locale.
    pub lang: Option<Lang>,
    /// Whether `convention` was the user's choice (else amounts follow
    /// the language).
    pub convention_chosen: bool,
}

/// How many recent files are remembered.
pub const RECENT_FILES: usize = 8;

impl Settings {
    /// The key under which eframe stores them.
    pub const KEY: &'static str = "plan_explorer_settings";

    /// The stored settings, or the defaults where there are none or they
    /// cannot be read.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        storage
            .and_then(|storage| eframe::get_value(storage, Self::KEY))
            .unwrap_or_default()
    }

    /// Stores the settings.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Self::KEY, self);
    }
}

/// Everything the window shows, apart from egui's own state.
// Independent flags of the window's state, each with its own meaning.
#[allow(clippy::struct_excessive_bools)]
pub struct AppState {
    /// The dataset on screen.
    pub dataset: Dataset,
    /// The file it was loaded from; `None` for the built-in dataset.
    pub dataset_path: Option<PathBuf>,
    /// Where it came from, for the top bar.
    /// A problem to show above everything (e.g. a file that did not load).
    pub banner: Option<Banner>,
    search: SearchIndex,
    /// The tree's search and facets.
    pub filter: TreeFilter,
    /// Which plans and nodes are open.
    pub expansion: Expansion,
    /// What is selected, with back and forward.
    pub history: History,
    /// The chart shown.
    pub chart: ChartId,
    /// How amounts are written.
    pub convention: Convention,
    /// Light, dark, or following the system.
    pub theme: egui::ThemePreference,
    /// Legend entries the user has hidden.
    pub hidden: std::collections::BTreeSet<LegendKey>,
    /// Whether the fund bars use a logarithmic scale (the default: the
    /// amounts span eight orders of magnitude).
    pub funds_log_scale: bool,
    /// The targets' order: the column, and whether ascending.
    pub targets_sort: (TargetColumn, bool),
    /// Why the last file did not load, while the user has not closed it.
    pub problems: Option<LoadProblems>,
    /// What changed with the last load, while the user has not closed it.
    pub changes: Option<crate::view::diff::Changes>,
    /// Dataset files opened, most recent first.
    pub recent: Vec<PathBuf>,
    /// The open dialog, if any.
    pub dialog: Option<Dialog>,
    /// What the last export or copy did, for the Export dialog.
    pub export_message: Option<Note>,
    /// The last thing done or failed, for the status line.
    pub status: Option<Note>,
    /// Watches the open file for changes.
    pub watch: Option<crate::watch::FileWatch>,
    /// A picture waiting to go to the clipboard (needs the context).
    pending_copy: Option<egui::ColorImage>,
    /// A briefing being written on a worker thread.
    pub briefing_job: Option<briefing_dialog::Job>,
    /// The interface's language.
    pub lang: Lang,
    /// Whether the user chose the language (else it follows the system).
    pub lang_chosen: bool,
    /// Whether the user chose the amount convention (else it follows the
    /// language: 亿元 in Chinese, billions in English).
    pub convention_chosen: bool,
    /// Counts the datasets shown; a command made against an earlier one is
    /// dropped rather than applied to the wrong records.
    pub generation: u64,
    /// Whether Browse may open the platform's file dialog. Only the real
    /// window sets it: in tests a native dialog would block the run.
    pub native_dialogs: bool,
    /// The tree's rows for the current filter and expansion.
    pub tree: TreeData,
    /// Set when the tree view should scroll to the selection.
    pub scroll_to_selection: bool,
}

impl AppState {
    /// A state showing `dataset`.
    pub fn new(dataset: Dataset) -> Self {
        let search = SearchIndex::new(&dataset);
        let filter = TreeFilter::default();
        let expansion = Expansion::default();
        let tree = TreeData::new(&dataset, &search, &filter, &expansion);
        Self {
            dataset,
            dataset_path: None,
            banner: None,
            search,
            filter,
            expansion,
            history: History::default(),
            chart: ChartId::IndustrialOutput,
            convention: Convention::International,
            theme: egui::ThemePreference::System,
            hidden: std::collections::BTreeSet::new(),
            funds_log_scale: true,
            targets_sort: (TargetColumn::Deadline, true),
            problems: None,
            changes: None,
            recent: Vec::new(),
            dialog: None,
            export_message: None,
            status: None,
            watch: None,
            pending_copy: None,
            briefing_job: None,
            native_dialogs: false,
            generation: 0,
            lang: Lang::En,
            lang_chosen: false,
            convention_chosen: false,
            tree,
            scroll_to_selection: false,
        }
    }

    /// The state for the command line's `plan-explorer [DATASET]`: the file
    /// if it loads, otherwise the built-in dataset with a banner saying why.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Self> {
        let embedded = || {
            dataset::load_embedded()
                .dataset
                .ok_or_else(|| anyhow::anyhow!("the built-in dataset is invalid"))
        };
        let Some(path) = path else {
            return Ok(Self::new(embedded()?));
        };
        // As `load` does: a full path to remember, and the file's stamp
        // taken before reading it, so a write during the read is not missed.
        let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let stamp = crate::watch::stamp(path);
        let banner = match dataset::load_file(path) {
            Ok(dataset::Loaded {
                dataset: Some(data),
                ..
            }) => {
                let mut state = Self::new(data);
                state.dataset_path = Some(path.to_owned());
                state.watch = Some(crate::watch::FileWatch::new(path.to_owned(), stamp));
                return Ok(state);
            }
            Ok(loaded) => match loaded.errors().next() {
                Some(first) => Banner::NotValid {
                    path: path.to_owned(),
                    errors: loaded.errors().count(),
                    first: first.clone(),
                },
                // No dataset and no error cannot happen; said plainly if
                // it ever does.
                None => Banner::Unreadable(format!("{} did not load", path.display())),
            },
            // An empty, oversized or non-UTF-8 file is a problem with its
            // content, worded as the problems panel words it.
            Err(error) => match error.content_problem() {
                Some(problem) => Banner::NotValid {
                    path: path.to_owned(),
                    errors: 1,
                    first: problem,
                },
                None => Banner::Unreadable(error.to_string()),
            },
        };
        let mut state = Self::new(embedded()?);
        state.banner = Some(banner);
        Ok(state)
    }

    /// Takes over remembered settings (the dataset itself is chosen by
    /// [`Self::open`]).
    pub fn apply_settings(&mut self, settings: &Settings) {
        self.lang = settings.lang.unwrap_or_else(Lang::system);
        self.lang_chosen = settings.lang.is_some();
        self.convention_chosen = settings.convention_chosen;
        self.convention = if settings.convention_chosen {
            settings.convention
        } else {
            Convention::of_language(self.lang)
        };
        self.chart = settings.chart;
        self.theme = settings.theme;
        self.recent.clone_from(&settings.recent);
        if let Some(path) = self.dataset_path.clone() {
            self.remember(&path);
        }
    }

    /// The settings to remember.
    pub fn settings(&self) -> Settings {
        Settings {
            convention: self.convention,
            chart: self.chart,
            theme: self.theme,
            last_dataset: self.dataset_path.clone(),
            recent: self.recent.clone(),
            lang: self.lang_chosen.then_some(self.lang),
            convention_chosen: self.convention_chosen,
        }
    }

    /// Every district the dataset names, sorted, for the district filter
    /// (collected once, with the search index).
    pub fn districts(&self) -> &[String] {
        self.search.districts()
    }

    /// What is selected.
    pub fn selected(&self) -> Option<Item> {
        self.history.current()
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: Command) {
        let mut tree_changed = false;
        match command {
            Command::Select(item) => {
                self.history.select(item);
                tree_changed = self.reveal(item);
                self.scroll_to_selection = true;
            }
            Command::Back => {
                if let Some(item) = self.history.back() {
                    tree_changed = self.reveal(item);
                    self.scroll_to_selection = true;
                }
            }
            Command::Forward => {
                if let Some(item) = self.history.forward() {
                    tree_changed = self.reveal(item);
                    self.scroll_to_selection = true;
                }
            }
            Command::SetOpen(item, open) => {
                self.expansion.set(item, open);
                tree_changed = true;
            }
            Command::SetSubtreeOpen(item, open) => {
                self.expansion.set_subtree(&self.dataset, item, open);
                tree_changed = true;
            }
            Command::SetAllOpen(open) => {
                self.expansion.set_all(&self.dataset, open);
                tree_changed = true;
            }
            Command::SetFilter(filter) => {
                self.filter = filter;
                tree_changed = true;
            }
            Command::ShowChart(chart) => self.chart = chart,
            Command::SetConvention(convention) => {
                self.convention = convention;
                self.convention_chosen = true;
            }
            Command::SetLang(lang) => self.set_lang(lang),
            Command::SetTheme(theme) => self.theme = theme,
            Command::SetFundsLogScale(on) => self.funds_log_scale = on,
            Command::SortTargets(column, ascending) => self.targets_sort = (column, ascending),
            Command::OpenFile(path) => {
                self.load(&path);
                tree_changed = false;
            }
            Command::Reload => {
                if let Some(path) = self.dataset_path.clone() {
                    self.load(&path);
                } else {
                    self.status = Some(Note::NoFileToReload);
                }
            }
            Command::ShowDialog(dialog) => {
                if !matches!(self.dialog, Some(Dialog::Export(_))) {
                    self.export_message = None;
                }
                self.dialog = dialog;
            }
            Command::OpenExportDialog => {
                self.export_message = None;
                self.dialog = Some(dialogs::export_dialog(self));
            }
            Command::OpenBriefingDialog => {
                self.export_message = None;
                self.dialog = Some(briefing_dialog::dialog(self));
            }
            Command::WriteBriefing(request) => {
                if self.briefing_job.is_none() {
                    briefing_dialog::start(self, &request);
                }
            }
            Command::CancelBriefing => {
                if let Some(job) = &self.briefing_job {
                    job.progress.cancel();
                }
            }
            Command::DismissProblems => self.problems = None,
            Command::DismissChanges => self.changes = None,
            Command::Export(request) => self.export(&request),
            Command::CopyImage(chart, options) => self.copy_image(chart, &options),
            Command::ToggleLegend(key) => {
                if !self.hidden.remove(&key) {
                    self.hidden.insert(key);
                }
            }
        }
        if tree_changed {
            self.refresh_tree();
        }
    }

    /// Loads `path`. A valid dataset replaces the one on screen (the change
    /// summary says what changed); anything else leaves the screen as it
    /// is and lists the problems.
    pub fn load(&mut self, path: &Path) {
        // Relative to where the app started: remembered as a full path,
        // so the recent list works from anywhere.
        let path = &std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        // Taken before reading, so a write that lands during the read is
        // seen as a change and loaded next.
        let stamp = crate::watch::stamp(path);
        let loaded = match dataset::load_file(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                let problem = match error.content_problem() {
                    Some(problem) => LoadProblem::Content(problem),
                    None => LoadProblem::Read(error.to_string()),
                };
                self.fail_load(path, vec![problem]);
                return;
            }
        };
        let Some(data) = loaded
            .dataset
            .filter(|_| loaded.problems.iter().all(|p| !p.is_error()))
        else {
            let lines = loaded
                .problems
                .iter()
                .filter(|p| p.is_error())
                .map(|p| LoadProblem::Content(p.clone()))
                .collect();
            self.fail_load(path, lines);
            return;
        };
        let changes = crate::view::diff::compare(&self.dataset, &data);
        let selected_id = self.selected().and_then(|item| match item {
            Item::Node(n) => Some(self.dataset.node(n).id.clone()),
            Item::Plan(_) | Item::Figure(_) => None,
        });
        let mut next = Self::new(data);
        next.dataset_path = Some(path.to_owned());
        next.watch = Some(crate::watch::FileWatch::new(path.to_owned(), stamp));
        // What the user chose stays; what pointed into the old dataset goes.
        next.chart = self.chart;
        next.convention = self.convention;
        next.theme = self.theme;
        next.funds_log_scale = self.funds_log_scale;
        next.targets_sort = self.targets_sort;
        next.recent = std::mem::take(&mut self.recent);
        next.native_dialogs = self.native_dialogs;
        next.generation = self.generation + 1;
        // The user's work stays: an open dialog, the search words, the
        // hidden fund levels, and what was open in the tree (by id).
        next.dialog = self.dialog.take();
        next.export_message = self.export_message.take();
        next.filter.query = std::mem::take(&mut self.filter.query);
        next.hidden = self
            .hidden
            .iter()
            .copied()
            .filter(|key| matches!(key, LegendKey::Level(_)))
            .collect();
        for (p, plan) in self.dataset.plans.iter().enumerate() {
            let old = Item::Plan(crate::dataset::PlanIx::at(p));
            if self.expansion.is_open(old)
                && let Some(q) = next.dataset.plans.iter().position(|n| n.id == plan.id)
            {
                next.expansion
                    .set(Item::Plan(crate::dataset::PlanIx::at(q)), true);
            }
        }
        for (n, node) in self.dataset.nodes.iter().enumerate() {
            if self
                .expansion
                .is_open(Item::Node(crate::dataset::NodeIx::at(n)))
                && let Some(new) = next.dataset.node_by_id(&node.id)
            {
                next.expansion.set(Item::Node(new), true);
            }
        }
        next.refresh_tree();
        next.lang = self.lang;
        next.lang_chosen = self.lang_chosen;
        next.convention_chosen = self.convention_chosen;
        next.remember(path);
        next.status = Some(Note::Loaded {
            path: path.to_owned(),
            edition: next.dataset.edition.clone(),
            counts: changes.counts(),
        });
        next.changes = Some(changes);
        *self = next;
        // The same measure stays selected if the new edition has it.
        if let Some(node) = selected_id.and_then(|id| self.dataset.node_by_id(&id)) {
            self.apply(Command::Select(Item::Node(node)));
        }
    }

    fn fail_load(&mut self, path: &Path, problems: Vec<LoadProblem>) {
        self.status = Some(Note::DidNotLoad {
            path: path.to_owned(),
            problems: problems.len(),
        });
        self.problems = Some(LoadProblems::new(path.to_owned(), problems));
    }

    /// Where the dataset on screen came from: its file, or the built-in
    /// dataset.
    pub fn source_name(&self) -> String {
        self.dataset_path.as_ref().map_or_else(
            || tr(T::BuiltInDataset).to_owned(),
            |path| path.display().to_string(),
        )
    }

    /// Puts `path` first in the recent files.
    fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(RECENT_FILES);
    }

    /// Writes a chart's picture or data, atomically; an existing file only
    /// with the user's agreement (the Export dialog asks).
    fn export(&mut self, request: &ExportRequest) {
        // The full path, so the status line says exactly where it went.
        let path = &std::path::absolute(&request.path).unwrap_or_else(|_| request.path.clone());
        if path.exists() && !request.replace {
            if let Some(Dialog::Export(dialog)) = &mut self.dialog {
                dialog.confirm_replace = true;
            }
            return;
        }
        let result = crate::output::format_of(path)
            .map_err(|e| e.to_string())
            .and_then(|format| export::chart_file(self, request.chart, format, &request.image))
            .and_then(|bytes| {
                // Without the user's agreement, a file that appeared since
                // the check is kept.
                let written = if request.replace {
                    crate::output::write_atomic(path, &bytes)
                } else {
                    crate::output::write_new(path, &bytes)
                };
                written.map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => {
                self.status = Some(Note::Wrote(path.clone()));
                self.dialog = None;
            }
            Err(message) => {
                self.status = Some(Note::ExportFailed(message));
                self.export_message.clone_from(&self.status);
                if let Some(Dialog::Export(dialog)) = &mut self.dialog {
                    dialog.confirm_replace = false;
                }
            }
        }
    }

    /// Draws a chart's picture for the clipboard; the next frame hands it
    /// over (that needs the context).
    fn copy_image(&mut self, chart: ChartId, options: &export::ImageOptions) {
        match export::chart_picture(self, chart, options) {
            Ok(picture) => {
                self.pending_copy = Some(export::color_image(&picture));
                self.status = Some(Note::Copied {
                    chart,
                    width: picture.width,
                    height: picture.height,
                });
                self.export_message.clone_from(&self.status);
            }
            Err(error) => {
                self.status = Some(Note::ExportFailed(error));
                self.export_message.clone_from(&self.status);
            }
        }
    }

    /// Shows the interface in `lang`; amounts follow unless chosen.
    fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        self.lang_chosen = true;
        i18n::set(lang);
        // Amounts follow the language unless the user chose.
        if !self.convention_chosen {
            self.convention = Convention::of_language(lang);
        }
    }

    /// Opens the ancestors of a selected node so its row exists; says
    /// whether the tree must be recomputed.
    fn reveal(&mut self, item: Item) -> bool {
        match item {
            Item::Node(node) => {
                self.expansion.reveal(&self.dataset, node);
                true
            }
            Item::Plan(_) | Item::Figure(_) => false,
        }
    }

    fn refresh_tree(&mut self) {
        self.tree = TreeData::new(&self.dataset, &self.search, &self.filter, &self.expansion);
    }

    /// Draws the whole window and carries out what the user asked.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        // egui follows the system's theme by default; a forced choice is
        // applied here so it also holds on the first frame after a restart.
        // This frame was laid out with the old style, so one more is drawn
        // at once with the new one.
        if ui.ctx().options(|o| o.theme_preference) != self.theme {
            ui.ctx().set_theme(self.theme);
            ui.ctx().request_repaint();
        }
        i18n::set(self.lang);
        briefing_dialog::poll(self, ui.ctx());
        let mut commands = Vec::new();
        keyboard_shortcuts(self, ui.ctx(), &mut commands);
        if let Some(image) = self.pending_copy.take() {
            ui.ctx().copy_image(image);
        }
        egui::Panel::top("menu_bar").show(ui, |ui| top_bar::menu_ui(self, ui, &mut commands));
        egui::Panel::top("top_bar").show(ui, |ui| top_bar::ui(self, ui, &mut commands));
        if let Some(banner) = self.banner.clone() {
            egui::Panel::top("banner").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, banner.text());
                    if ui.button(tr(T::Dismiss)).clicked() {
                        self.banner = None;
                    }
                });
            });
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let status = self
                    .status
                    .as_ref()
                    .map_or_else(|| tr(T::Ready).to_owned(), Note::text);
                ui.add(egui::Label::new(egui::RichText::new(&status).small()).truncate())
                    .on_hover_text(status);
            });
        });
        // The problems and the change summary open tall enough to read a
        // dozen lines; each takes at most half of the height left, so with
        // both open the charts keep a quarter of it.
        let bottom = |id: &'static str, height: f32| {
            egui::Panel::bottom(id)
                .resizable(true)
                .default_size(260.0_f32.min(height * 0.4))
                .size_range(80.0..=(height * 0.5).max(80.0))
        };
        if self.problems.is_some() {
            bottom("problems", ui.available_height())
                .show(ui, |ui| problems_panel::ui(self, ui, &mut commands));
        }
        if self.changes.is_some() {
            bottom("changes", ui.available_height())
                .show(ui, |ui| changes_panel::ui(self, ui, &mut commands));
        }
        // The side panels give way on a narrow window, so the charts keep
        // at least about 40% of the width.
        let width = ui.available_width();
        egui::Panel::left("tree")
            .resizable(true)
            .default_size((width * 0.25).max(380.0_f32.min(width * 0.3)))
            .size_range(200.0..=(width * 0.35).max(200.0))
            .show(ui, |ui| tree_panel::ui(self, ui, &mut commands));
        egui::Panel::right("details")
            .resizable(true)
            .default_size(340.0_f32.min(width * 0.27))
            .size_range(200.0..=(width * 0.3).max(200.0))
            .show(ui, |ui| details_panel::ui(self, ui, &mut commands));
        egui::CentralPanel::default().show(ui, |ui| charts_panel::ui(self, ui, &mut commands));
        dialogs::ui(self, ui.ctx(), &mut commands);
        drop_overlay(ui.ctx());
        // Loads come last, so the clicks of this frame act on the dataset
        // they were made on; any made after a load are dropped.
        files_dropped(ui.ctx(), &mut commands);
        self.watch_file(ui.ctx(), &mut commands);
        let generation = self.generation;
        for command in commands {
            if self.generation != generation && command.points_into_dataset() {
                continue;
            }
            self.apply(command);
        }
    }

    /// Looks at the open file now and then; once a change has settled, it
    /// is reloaded (and if it is broken, the problems panel says so while
    /// the dataset on screen stays).
    fn watch_file(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(watch) = &mut self.watch else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if watch.due(now) {
            let stamp = crate::watch::stamp(&watch.path);
            if watch.poll(now, stamp) {
                commands.push(Command::Reload);
            }
        }
        // Keep looking while the window is idle.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            crate::watch::POLL_SECONDS,
        ));
    }
}

/// Alt+Left / Alt+Right walk the selection history; Ctrl+O opens, Ctrl+R
/// reloads, Ctrl+E exports.
fn keyboard_shortcuts(state: &AppState, ctx: &egui::Context, commands: &mut Vec<Command>) {
    // While a text field has the keyboard, Alt+arrows are the field's
    // (word moves on macOS); while a dialog is open, its edits are kept.
    let typing = ctx.egui_wants_keyboard_input();
    let dialog_open = state.dialog.is_some();
    ctx.input_mut(|input| {
        if !typing {
            if input.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::ALT,
                egui::Key::ArrowLeft,
            )) {
                commands.push(Command::Back);
            }
            if input.consume_shortcut(&egui::KeyboardShortcut::new(
                egui::Modifiers::ALT,
                egui::Key::ArrowRight,
            )) {
                commands.push(Command::Forward);
            }
        }
        if dialog_open {
            return;
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::O) {
            commands.push(Command::ShowDialog(Some(dialogs::open_dialog())));
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::R) {
            commands.push(Command::Reload);
        }
        if input.consume_key(egui::Modifiers::COMMAND, egui::Key::E) {
            commands.push(Command::OpenExportDialog);
        }
    });
}

/// A file dropped on the window is opened.
fn files_dropped(ctx: &egui::Context, commands: &mut Vec<Command>) {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    if let Some(path) = dropped.first().map(|f| f.path().to_path_buf()) {
        commands.push(Command::OpenFile(path));
    }
}

/// While a file is dragged over the window, says what will load.
fn drop_overlay(ctx: &egui::Context) {
    let hovered = ctx.input(|i| i.raw.hovered_files.clone());
    let Some(file) = hovered.first() else {
        return;
    };
    let name = file
        .path
        .as_ref()
        .map_or_else(|| "the file".to_owned(), |p| p.display().to_string());
    let text = fill(T::DropToOpen, &[&name]);
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(180));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}

/// The eframe application.
pub struct App {
    /// What the window shows.
    pub state: AppState,
    screenshot: Option<screenshot::Job>,
    persist: bool,
}

impl App {
    /// Sets up fonts and shows `state`.
    pub fn new(cc: &eframe::CreationContext<'_>, mut state: AppState) -> Self {
        style::install_fonts(&cc.egui_ctx);
        state.native_dialogs = true;
        Self {
            state,
            screenshot: None,
            persist: true,
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.state.ui(ui);
        if let Some(job) = &mut self.screenshot {
            job.after_frame(ui.ctx());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            self.state.settings().save(storage);
        }
    }
}

/// Opens the window on `path`'s dataset, or else the one opened last time,
/// or else the built-in one. Settings and panel sizes persist between runs.
///
/// With `screenshot_to`, the window instead opens on `path` or the built-in
/// dataset with default settings (so the picture does not depend on the
/// last session), is written to that PNG file once shown, and closes.
pub fn run(path: Option<&Path>, screenshot_to: Option<&Path>) -> anyhow::Result<()> {
    let path = path.map(Path::to_owned);
    let screenshot_to = screenshot_to.map(Path::to_owned);
    let outcome = screenshot::Outcome::default();
    let for_app = std::sync::Arc::clone(&outcome);
    let taking_screenshot = screenshot_to.is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Plan Explorer")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        persist_window: !taking_screenshot,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Plan Explorer",
        options,
        Box::new(move |cc| {
            let Some(target) = screenshot_to else {
                let settings = Settings::load(cc.storage);
                // Messages made while opening speak the user's language.
                i18n::set(settings.lang.unwrap_or_else(Lang::system));
                let path = path.or_else(|| settings.last_dataset.clone());
                let mut state = AppState::open(path.as_deref())?;
                state.apply_settings(&settings);
                return Ok(Box::new(App::new(cc, state)));
            };
            let mut app = App::new(cc, AppState::open(path.as_deref())?);
            app.persist = false;
            app.screenshot = Some(screenshot::Job::new(target, for_app));
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))?;
    if !taking_screenshot {
        return Ok(());
    }
    let outcome = outcome
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take();
    match outcome {
        Some(Ok(_)) => Ok(()),
        Some(Err(message)) => Err(anyhow::anyhow!(message)),
        None => Err(anyhow::anyhow!(
            "the window closed before the screenshot was taken"
        )),
    }
}
