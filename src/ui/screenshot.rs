//! `plan-explorer --screenshot-to FILE.png`: once the dataset is on screen,
//! the window is captured, written as a PNG, and closed.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Frames drawn before the capture: the first lays out and loads the fonts,
/// the next ones show the dataset settled.
const FRAMES_BEFORE_CAPTURE: u32 = 3;

/// How long to wait for the platform to hand over the pixels.
const TIMEOUT: Duration = Duration::from_mins(1);

/// What happened to the screenshot, read after the window has closed.
pub type Outcome = Arc<Mutex<Option<Result<PathBuf, String>>>>;

/// A screenshot to take of the window.
pub struct Job {
    path: PathBuf,
    frames: u32,
    requested: bool,
    started: Instant,
    image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    outcome: Outcome,
}

impl Job {
    /// A job writing to `path`, reporting to `outcome`.
    pub fn new(path: PathBuf, outcome: Outcome) -> Self {
        Self {
            path,
            frames: 0,
            requested: false,
            started: Instant::now(),
            image: Arc::default(),
            outcome,
        }
    }

    /// Called once per frame after the window is drawn.
    pub fn after_frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        // eframe only repaints on input; keep frames coming until done.
        ctx.request_repaint();
        let image = self
            .image
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(image) = image {
            let result = self.write(&image);
            self.finish(ctx, result);
        } else if self.started.elapsed() > TIMEOUT {
            self.finish(
                ctx,
                Err(format!(
                    "the window was not captured within {} s",
                    TIMEOUT.as_secs()
                )),
            );
        } else if !self.requested && self.frames >= FRAMES_BEFORE_CAPTURE {
            self.requested = true;
            let slot = Arc::clone(&self.image);
            let waker = ctx.clone();
            ctx.request_screenshot(move |image| {
                *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(image);
                waker.request_repaint();
            });
        }
    }

    fn write(&self, image: &egui::ColorImage) -> Result<PathBuf, String> {
        let [width, height] = image.size;
        let width = u32::try_from(width).map_err(|e| e.to_string())?;
        let height = u32::try_from(height).map_err(|e| e.to_string())?;
        let rgba: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(egui::Color32::to_srgba_unmultiplied)
            .collect();
        crate::output::png_bytes(&self.path, width, height, &rgba)
            .and_then(|png| crate::output::write_atomic(&self.path, &png))
            .map_err(|error| error.to_string())?;
        Ok(self.path.clone())
    }

    fn finish(&mut self, ctx: &egui::Context, result: Result<PathBuf, String>) {
        let mut outcome = self.outcome.lock().unwrap_or_else(PoisonError::into_inner);
        if outcome.is_none() {
            *outcome = Some(result);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
