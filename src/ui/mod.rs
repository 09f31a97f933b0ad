//! The explorer window: the tree of measures on the left, charts in the
//! middle, details of the selection on the right, a top bar with the
//! dataset's title, search and filters.
//!
//! Each panel is its own module with one job. Panels read the state and send
//! [`Command`]s; [`AppState::apply`] carries them out in one place.

mod charts_panel;
mod details_panel;
pub mod export;
mod screenshot;
pub mod style;
mod top_bar;
mod tree_panel;

use std::path::{Path, PathBuf};

use crate::dataset::{self, Dataset};
use crate::selection::{History, Item};
use crate::view::amount::Convention;
use crate::view::charts::{ChartId, LegendKey, TargetColumn};
use crate::view::tree::{Expansion, SearchIndex, TreeData, TreeFilter};

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
}

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
pub struct AppState {
    /// The dataset on screen.
    pub dataset: Dataset,
    /// The file it was loaded from; `None` for the built-in dataset.
    pub dataset_path: Option<PathBuf>,
    /// Where it came from, for the top bar.
    pub source_name: String,
    /// A problem to show above everything (e.g. a file that did not load).
    pub banner: Option<String>,
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
    /// The tree's rows for the current filter and expansion.
    pub tree: TreeData,
    /// Set when the tree view should scroll to the selection.
    pub scroll_to_selection: bool,
}

impl AppState {
    /// A state showing `dataset`.
    pub fn new(dataset: Dataset, source_name: String) -> Self {
        let search = SearchIndex::new(&dataset);
        let filter = TreeFilter::default();
        let expansion = Expansion::default();
        let tree = TreeData::new(&dataset, &search, &filter, &expansion);
        Self {
            dataset,
            dataset_path: None,
            source_name,
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
            return Ok(Self::new(embedded()?, "built-in dataset".to_owned()));
        };
        let problem = match dataset::load_file(path) {
            Ok(dataset::Loaded {
                dataset: Some(data),
                ..
            }) => {
                let mut state = Self::new(data, path.display().to_string());
                state.dataset_path = Some(path.to_owned());
                return Ok(state);
            }
            Ok(loaded) => {
                let first = loaded
                    .errors()
                    .next()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                format!(
                    "{} is not a valid dataset ({} problems; the first: {first}). \
                     Run `plan-explorer validate` on it for the full list.",
                    path.display(),
                    loaded.errors().count()
                )
            }
            Err(error) => error.to_string(),
        };
        let mut state = Self::new(embedded()?, "built-in dataset".to_owned());
        state.banner = Some(format!("{problem} Showing the built-in dataset."));
        Ok(state)
    }

    /// Takes over remembered settings (the dataset itself is chosen by
    /// [`Self::open`]).
    pub fn apply_settings(&mut self, settings: &Settings) {
        self.convention = settings.convention;
        self.chart = settings.chart;
        self.theme = settings.theme;
    }

    /// The settings to remember.
    pub fn settings(&self) -> Settings {
        Settings {
            convention: self.convention,
            chart: self.chart,
            theme: self.theme,
            last_dataset: self.dataset_path.clone(),
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
            Command::SetConvention(convention) => self.convention = convention,
            Command::SetTheme(theme) => self.theme = theme,
            Command::SetFundsLogScale(on) => self.funds_log_scale = on,
            Command::SortTargets(column, ascending) => self.targets_sort = (column, ascending),
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
        let mut commands = Vec::new();
        keyboard_shortcuts(ui.ctx(), &mut commands);
        egui::Panel::top("menu_bar").show(ui, |ui| top_bar::menu_ui(self, ui, &mut commands));
        egui::Panel::top("top_bar").show(ui, |ui| top_bar::ui(self, ui, &mut commands));
        if let Some(banner) = self.banner.clone() {
            egui::Panel::top("banner").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(ui.visuals().warn_fg_color, banner);
                    if ui.button("Dismiss").clicked() {
                        self.banner = None;
                    }
                });
            });
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
        for command in commands {
            self.apply(command);
        }
    }
}

/// Alt+Left / Alt+Right walk the selection history.
fn keyboard_shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
    ctx.input_mut(|input| {
        if input.consume_key(egui::Modifiers::ALT, egui::Key::ArrowLeft) {
            commands.push(Command::Back);
        }
        if input.consume_key(egui::Modifiers::ALT, egui::Key::ArrowRight) {
            commands.push(Command::Forward);
        }
    });
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
    pub fn new(cc: &eframe::CreationContext<'_>, state: AppState) -> Self {
        style::install_fonts(&cc.egui_ctx);
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
