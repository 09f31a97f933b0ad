//! What the app remembers between runs, and how it maps onto the session.

use std::path::PathBuf;

use super::state::AppState;
use crate::i18n::Lang;
use crate::view::amount::Convention;
use crate::view::charts::ChartId;

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
        let session = &mut self.session;
        session.lang = settings.lang.unwrap_or(system);
        session.lang_chosen = settings.lang.is_some();
        session.convention_chosen = settings.convention_chosen;
        session.convention = if settings.convention_chosen {
            settings.convention
        } else {
            Convention::of_language(session.lang)
        };
        session.chart = settings.chart;
        session.theme = settings.theme;
        session.recent.clone_from(&settings.recent);
        if let Some(path) = self.doc.path.clone() {
            session.remember(&path);
        }
    }

    /// The settings to remember.
    pub fn settings(&self) -> Settings {
        let session = &self.session;
        Settings {
            convention: session.convention,
            chart: session.chart,
            theme: session.theme,
            // While the start-up load runs, its file is still the last one.
            last_dataset: self
                .load_job
                .as_ref()
                .filter(|job| job.trigger == super::loading::Trigger::Startup)
                .map(|job| job.path.clone())
                .or_else(|| self.doc.path.clone()),
            recent: session.recent.clone(),
            lang: session.lang_chosen.then_some(session.lang),
            convention_chosen: session.convention_chosen,
        }
    }
}
