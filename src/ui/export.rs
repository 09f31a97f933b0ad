//! Chart files from the window: the chart view built from the window's
//! state, the options the Export dialog chooses, and the picture for the
//! clipboard and the dialog's preview. Everything is drawn by
//! [`crate::chart`], on the CPU, exactly as `plan-explorer export` draws it.

use super::PanelContext;
use super::messages::Failure;
use crate::chart::{self, ChartView, FileOptions, Format, Page, PageError, Paper, Preset};
use crate::view::charts::ChartId;

/// How to draw a picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageOptions {
    /// A preset size, or custom.
    pub preset: Preset,
    /// Width of a custom page, in points.
    pub width: f32,
    /// Height of a custom page, in points.
    pub height: f32,
    /// PNG pixels per point.
    pub scale: f32,
    /// Light or dark.
    pub theme: Paper,
    /// SVG glyphs outlined as paths.
    pub outline_text: bool,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            preset: Preset::Slide,
            width: 960.0,
            height: 540.0,
            scale: 2.0,
            theme: Paper::Light,
            outline_text: false,
        }
    }
}

impl ImageOptions {
    /// The page, checked.
    pub fn page(&self) -> Result<Page, PageError> {
        match self.preset {
            Preset::Custom => Page::custom(self.width, self.height, self.theme),
            preset => Ok(Page::of(preset, self.theme)),
        }
    }

    /// The writers' options.
    pub fn file_options(&self) -> FileOptions {
        FileOptions {
            scale: self.scale,
            outline_text: self.outline_text,
        }
    }

    /// The PNG's size in pixels, for the dialog to show.
    pub fn pixels(&self) -> Option<(u32, u32)> {
        let page = self.page().ok()?;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "Rounded and positive: exact."
        )]
        let size = (
            (page.width * self.scale).round() as u32,
            (page.height * self.scale).round() as u32,
        );
        Some(size)
    }
}

/// The chart as the window shows it: its hidden legend entries, amounts,
/// log scale, targets' order and language.
pub fn chart_view<'a>(cx: &PanelContext<'a>, chart: ChartId) -> ChartView<'a> {
    ChartView {
        dataset: &cx.doc.dataset,
        chart,
        hidden: &cx.doc.hidden,
        convention: cx.session.convention(),
        log_scale: cx.session.funds_log_scale,
        order: cx.session.targets_sort,
        lang: cx.session.lang(),
        highlight: None,
        highlight_nodes: None,
        theme_order: cx.session.theme_order,
        annotations: cx.session.annotations_of(chart),
    }
}

/// The bytes of a chart's file in `format`, as the window shows the chart.
pub fn chart_file(
    cx: &PanelContext<'_>,
    chart: ChartId,
    format: Format,
    image: &ImageOptions,
) -> Result<Vec<u8>, Failure> {
    let page = image.page()?;
    Ok(chart::file_bytes(
        &chart_view(cx, chart),
        &page,
        format,
        &image.file_options(),
    )?)
}

/// The chart's picture in pixels, for the clipboard and the preview.
pub fn chart_picture(
    cx: &PanelContext<'_>,
    chart: ChartId,
    image: &ImageOptions,
) -> Result<chart::render::Pixels, Failure> {
    let page = image.page()?;
    let scene = chart::scene(&chart_view(cx, chart), &page);
    Ok(chart::render::pixels(&scene, image.scale)?)
}

/// The picture as egui's image type.
pub fn color_image(picture: &chart::render::Pixels) -> egui::ColorImage {
    egui::ColorImage::from_rgba_unmultiplied(
        [picture.width as usize, picture.height as usize],
        &picture.rgba,
    )
}
