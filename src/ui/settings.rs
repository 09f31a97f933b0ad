//! What the app remembers between runs. The session holds it as it is
//! ([`super::Session::settings`]); what follows from it (the language and
//! the amount convention in effect) is derived there.

use std::path::PathBuf;

use super::state::AppState;
use crate::i18n::Lang;
use crate::view::amount::Convention;
use crate::view::charts::ChartId;

/// What the app remembers between runs. Missing or unreadable values fall
/// back to the defaults, so a corrupt settings file never stops the app.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(from = "Stored", into = "Stored")]
pub struct Settings {
    /// How amounts are written, if the user chose; `None` follows the
    /// language (亿元 in Chinese, billions in English).
    pub convention: Option<Convention>,
    /// The chart shown.
    pub chart: ChartId,
    /// Light, dark, or following the system (the default).
    pub theme: egui::ThemePreference,
    /// The dataset file last opened, if it was a file.
    pub last_dataset: Option<PathBuf>,
    /// Dataset files opened, most recent first.
    pub recent: Vec<PathBuf>,
    /// The interface's language, if the user chose; `None` follows the
    /// system's locale.
    pub lang: Option<Lang>,
    /// The draft of a review under way, offered again at the next start.
    pub review_draft: Option<PathBuf>,
    /// The views saved or opened, most recent first.
    pub views: Vec<ViewEntry>,
}

/// A saved view in the Views menu: its name and its file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ViewEntry {
    /// The view's name.
    pub name: String,
    /// Its file.
    pub path: PathBuf,
}

/// The settings as app.ron has always held them: the convention written
/// out with a flag saying whether it was chosen. Files written before the
/// convention became an `Option` read the same, and older versions of the
/// app read what this one writes.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Stored {
    convention: Convention,
    chart: ChartId,
    theme: egui::ThemePreference,
    last_dataset: Option<PathBuf>,
    recent: Vec<PathBuf>,
    lang: Option<Lang>,
    convention_chosen: bool,
    review_draft: Option<PathBuf>,
    views: Vec<ViewEntry>,
}

impl From<Stored> for Settings {
    fn from(stored: Stored) -> Self {
        Self {
            convention: stored.convention_chosen.then_some(stored.convention),
            chart: stored.chart,
            theme: stored.theme,
            last_dataset: stored.last_dataset,
            recent: stored.recent,
            lang: stored.lang,
            review_draft: stored.review_draft,
            views: stored.views,
        }
    }
}

impl From<Settings> for Stored {
    fn from(settings: Settings) -> Self {
        Self {
            // Unchosen, the value is not read back (the flag says so).
            convention: settings.convention.unwrap_or_default(),
            convention_chosen: settings.convention.is_some(),
            chart: settings.chart,
            theme: settings.theme,
            last_dataset: settings.last_dataset,
            recent: settings.recent,
            lang: settings.lang,
            review_draft: settings.review_draft,
            views: settings.views,
        }
    }
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

impl AppState {
    /// Takes over remembered settings (the dataset itself is chosen by
    /// [`Self::open`]). Where no language was chosen, `system`'s (the
    /// window passes [`Lang::system`], the locale it runs in).
    pub fn apply_settings(&mut self, settings: &Settings, system: Lang) {
        self.session.settings = settings.clone();
        self.session.system_lang = system;
        if let Some(path) = self.doc.path.clone() {
            self.session.remember(&path);
        }
    }

    /// The settings to remember: the session's, with the dataset on screen
    /// (or loading at start-up) as the last one.
    pub fn settings(&self) -> Settings {
        Settings {
            // While the start-up load runs, its file is still the last one.
            last_dataset: self
                .load_job
                .as_ref()
                .filter(|job| job.trigger == super::loading::Trigger::Startup)
                .map(|job| job.path.clone())
                .or_else(|| self.doc.path.clone()),
            ..self.session.settings.clone()
        }
    }
}
