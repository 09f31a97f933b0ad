//! Start-up: the window's first state, the eframe application, and
//! `run`, which opens the window (or takes its screenshot and closes).

use std::path::Path;

use super::loading::Trigger;
use super::messages::{Banner, LoadProblem};
use super::settings::Settings;
use super::state::AppState;
use super::{screenshot, style};
use crate::dataset;
use crate::i18n::Lang;

impl AppState {
    /// The state for `plan-explorer [DATASET]`, loaded on this thread: the
    /// file if it loads, otherwise the built-in dataset with a banner
    /// saying why. (The window itself opens at once on the built-in
    /// dataset and loads the file behind it; see [`run`].)
    pub fn open(path: Option<&Path>) -> anyhow::Result<Self> {
        let mut state = Self::new(embedded()?);
        if let Some(path) = path {
            // The start-up load the window runs, waited for.
            state.start_load(path, Trigger::Startup);
            state.finish_loading(std::time::Duration::MAX);
        }
        Ok(state)
    }

    /// The built-in dataset on screen at once and, with `path`, the file
    /// loading behind it (`ctx` is woken when it is done); if it does not
    /// load, a banner says why.
    pub fn open_in_background(path: Option<&Path>, ctx: &egui::Context) -> anyhow::Result<Self> {
        let mut state = Self::new(embedded()?);
        state.set_wake(ctx);
        if let Some(path) = path {
            state.start_load(path, Trigger::Startup);
        }
        Ok(state)
    }
}

/// The built-in dataset.
fn embedded() -> anyhow::Result<dataset::Dataset> {
    dataset::load_embedded()
        .dataset
        .ok_or_else(|| anyhow::anyhow!("the built-in dataset is invalid"))
}

/// The banner for a file that did not load at start-up.
pub(super) fn banner(path: &Path, problems: &[LoadProblem]) -> Banner {
    let errors = problems.len();
    match problems.first() {
        Some(LoadProblem::Content(first)) => Banner::NotValid {
            path: path.to_owned(),
            errors,
            first: first.clone(),
        },
        Some(unreadable) => Banner::Unreadable(unreadable.clone()),
        // No problem at all cannot happen; said plainly if it ever does.
        None => Banner::DidNotLoad(path.to_owned()),
    }
}

/// The eframe application: the state, and what only the real window does
/// with it (saving settings, taking the `--screenshot-to` picture). Tests
/// build it as users start it (`egui_kittest`'s `build_eframe` with
/// [`App::new`]), and reach the state through it (it derefs to
/// [`AppState`]).
pub struct App {
    /// What the window shows.
    pub state: AppState,
    screenshot: Option<screenshot::Job>,
    persist: bool,
}

impl App {
    /// Sets up the context (fonts, both themes' visuals) and shows `state`;
    /// background work wakes this context when it has news.
    pub fn new(cc: &eframe::CreationContext<'_>, mut state: AppState) -> Self {
        style::install(&cc.egui_ctx);
        super::selection::install(&cc.egui_ctx);
        state.set_wake(&cc.egui_ctx);
        Self {
            state,
            screenshot: None,
            persist: true,
        }
    }
}

impl std::ops::Deref for App {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.state
    }
}

impl std::ops::DerefMut for App {
    fn deref_mut(&mut self) -> &mut AppState {
        &mut self.state
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

/// The application's id: the desktop entry's name (`plan-explorer.desktop`),
/// its icon's name, and what task bars group the window by (Wayland's app
/// id; X11's `WM_CLASS`).
pub const APP_ID: &str = "plan-explorer";

/// The window's icon: the 128-pixel PNG of `assets/icons`, built in. Not
/// the 256-pixel one: on X11 winit sends the icon as `_NET_WM_ICON` in one
/// request, and 256 x 256 pixels (256 KiB and 8 bytes) exceed the core
/// protocol's largest request (256 KiB less 4 bytes), so the property was
/// left with no data and task bars showed a blank icon.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/plan-explorer-128.png");

/// The window as it opens: title, application id, icon, sizes.
pub fn viewport() -> egui::ViewportBuilder {
    let builder = egui::ViewportBuilder::default()
        .with_title("Plan Explorer")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 500.0]);
    match icon(ICON_PNG) {
        Some(icon) => builder.with_icon(icon),
        None => builder,
    }
}

/// An RGBA icon from PNG bytes; `None` if they do not decode (the window
/// then opens with the platform's default icon rather than not at all).
pub fn icon(png_bytes: &[u8]) -> Option<egui::IconData> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut buffer = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buffer).ok()?;
    let pixels = &buffer[..info.buffer_size()];
    let rgba = match info.color_type {
        png::ColorType::Rgba => pixels.to_vec(),
        png::ColorType::Rgb => pixels
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        _ => return None,
    };
    Some(egui::IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

/// What the window opens on: `path`'s dataset, or else the one opened last
/// time (`settings.last_dataset`), loading behind the built-in one, with the
/// remembered settings applied; where no language was chosen, `system`'s.
pub fn starting_state(
    path: Option<&Path>,
    settings: &Settings,
    system: Lang,
    ctx: &egui::Context,
) -> anyhow::Result<AppState> {
    let path = path.or(settings.last_dataset.as_deref());
    let mut state = AppState::open_in_background(path, ctx)?;
    state.apply_settings(settings, system);
    // A review under way when the window last closed is offered again
    // (one kept beside the dataset loading is offered when it loads).
    if let Some(draft) = &settings.review_draft {
        if draft.is_file() {
            state.start_import(&super::import_job::Task::Inspect(draft.clone()));
        } else {
            state.session.settings.review_draft = None;
        }
    }
    Ok(state)
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
    // The settings file is looked at (and mended where it can be) before
    // eframe reads it; not for a screenshot, which uses the defaults.
    let settings_trouble = if taking_screenshot {
        None
    } else {
        super::settings_file::path().and_then(|path| super::settings_file::prepare(&path))
    };
    let options = eframe::NativeOptions {
        viewport: viewport(),
        persist_window: !taking_screenshot,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Plan Explorer",
        options,
        Box::new(move |cc| {
            let Some(target) = screenshot_to else {
                let settings = Settings::load(cc.storage);
                let state =
                    starting_state(path.as_deref(), &settings, Lang::system(), &cc.egui_ctx)?;
                let mut app = App::new(cc, state);
                // Only the real window may block on the platform's dialogs.
                app.state.session.native_dialogs = true;
                // The user's annotations are kept between runs.
                if let Some(file) = super::views::kept_notes_path() {
                    app.state.keep_notes_in(file);
                }
                // And the presentation being built.
                if let Some(file) = super::present_kept::kept_presentation_path() {
                    app.state.keep_presentation_in(file);
                }
                if let Some(trouble) = settings_trouble {
                    app.state.session.status = Some(super::messages::Note::SettingsFile(trouble));
                }
                close_on_termination(&cc.egui_ctx);
                return Ok(Box::new(app));
            };
            // The defaults, which follow the system's language.
            let mut state = AppState::open(path.as_deref())?;
            state.apply_settings(&Settings::default(), Lang::system());
            let mut app = App::new(cc, state);
            app.state.session.native_dialogs = true;
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

/// Closes the window, as its close button does, when the app is asked to
/// end by a signal: SIGTERM (a desktop session logging out, `kill`),
/// SIGHUP (its terminal gone) or SIGINT (Ctrl+C where it was started). So
/// eframe saves the settings on the way out, as on any close; without
/// this, whatever changed since its last save (every 30 seconds) was lost.
/// A second signal ends the app at once, as it would have without this.
/// If the signals cannot be watched the app runs on with the defaults, and
/// says so on standard error.
#[cfg(unix)]
fn close_on_termination(ctx: &egui::Context) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(signals) => signals,
        Err(error) => {
            eprintln!(
                "plan-explorer: cannot watch for SIGTERM, so settings changed in the last 30 seconds are not saved when it comes: {error}"
            );
            return;
        }
    };
    let ctx = ctx.clone();
    let watch = std::thread::Builder::new()
        .name("termination".to_owned())
        .spawn(move || {
            let mut asked = false;
            for signal in signals.forever() {
                if asked {
                    // Ended now, as the signal's own default would.
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
                asked = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx.request_repaint();
            }
        });
    if let Err(error) = watch {
        eprintln!("plan-explorer: cannot watch for SIGTERM: {error}");
    }
}

/// Other systems end the app as they always have.
#[cfg(not(unix))]
fn close_on_termination(_ctx: &egui::Context) {}
