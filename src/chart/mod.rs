//! Charts as pictures, with no egui: each chart is laid out once as a
//! [`Scene`] for a page size, and the writers (SVG, PDF, PNG, the window's
//! preview) draw that scene, so every output is the same picture.
//!
//! - [`view`]: what a picture is drawn from (a narrow, read-only chart
//!   view), page sizes, themes and the palette.
//! - [`scene`]: the laid-out picture as data.
//! - [`axis`]: value axes (scale, unit, nice ticks, their text), shared
//!   with the window's plots.
//! - `frame`, `line`, `bars`, [`targets`], [`themes`], [`timeline`], `words`:
//!   the layout.
//! - [`fonts`]: the bundled typefaces and text measuring.
//! - [`svg`], [`render`]: the writers.

mod anatomy;
pub mod annotate;
pub mod axis;
mod bars;
pub mod fonts;
mod line;
pub mod render;
pub mod scene;
pub mod spec;
pub mod svg;
pub mod targets;
pub mod themes;
pub mod timeline;
mod words;

pub use anatomy::{Type, count_of, year_step};
pub use render::{PdfInfo, RenderError};
pub use scene::Scene;
pub use spec::{ChartView, Page, PageError, Paper, Preset};
pub use words::{chart_name, chart_sources};

use crate::view::charts::ChartId;

/// Lays out `view`'s chart on `page`.
pub fn scene(view: &ChartView, page: &Page) -> Scene {
    let mut scene = match view.chart {
        ChartId::IndustrialOutput | ChartId::GdpShare => line::scene(view, page),
        ChartId::Funds => bars::scene(view, page),
        ChartId::Targets => targets::scene(view, page),
        ChartId::Themes | ChartId::Units => themes::scene(view, page),
        ChartId::Timeline => timeline::scene(view, page),
    };
    annotate::place(&mut scene, view, page);
    scene
}

/// The chart's title: what it shows, made from the data. The window heads
/// its chart with it too.
pub fn title(view: &ChartView) -> String {
    match view.chart {
        ChartId::IndustrialOutput | ChartId::GdpShare => line::title_of(view),
        ChartId::Funds => bars::title_of(view),
        ChartId::Targets => targets::title_of(view),
        ChartId::Themes | ChartId::Units => themes::title_of(view),
        ChartId::Timeline => timeline::title_of(view),
    }
}

/// What an export writes.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Format {
    /// A picture in pixels.
    #[default]
    Png,
    /// A vector picture, text as text.
    Svg,
    /// A one-page PDF, fonts embedded.
    Pdf,
    /// The data behind the chart.
    Csv,
}

impl Format {
    /// Every format, in the order the dialog offers them.
    pub const ALL: [Self; 4] = [Self::Png, Self::Svg, Self::Pdf, Self::Csv];

    /// The file extension, which is also the id on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Pdf => "pdf",
            Self::Csv => "csv",
        }
    }

    /// The format a file name's extension names (any case).
    pub fn of_path(path: &std::path::Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::from_id(&extension)
    }

    /// The format with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.extension() == id)
    }

    /// Whether the format is a picture (not data).
    pub fn is_picture(self) -> bool {
        self != Self::Csv
    }
}

/// How a file is written besides its page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FileOptions {
    /// PNG pixels per point.
    pub scale: f32,
    /// SVG glyphs as paths instead of text.
    pub outline_text: bool,
}

impl Default for FileOptions {
    fn default() -> Self {
        Self {
            scale: 2.0,
            outline_text: false,
        }
    }
}

/// Why a chart's file could not be made.
///
/// Its English is its `Display`; `src/i18n/writers.rs` words it in each
/// language.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ExportError {
    /// Drawing or encoding failed.
    Render(#[from] RenderError),
    /// The CSV could not be written, in the csv writer's words.
    Csv(String),
}

impl From<csv::Error> for ExportError {
    fn from(error: csv::Error) -> Self {
        Self::Csv(error.to_string())
    }
}

/// The bytes of `view`'s chart as a file of `format`.
pub fn file_bytes(
    view: &ChartView,
    page: &Page,
    format: Format,
    options: &FileOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Csv => match view.chart {
            ChartId::Themes => crate::view::table::themes_csv(view.dataset, view.theme_order)?,
            ChartId::Units => crate::view::table::units_csv(view.dataset, view.theme_order)?,
            ChartId::Timeline => crate::view::table::timeline_csv(view.dataset, view.lang)?,
            _ => {
                let rows = crate::view::table::chart_rows_sorted(
                    view.dataset,
                    view.chart,
                    view.hidden,
                    view.order,
                    view.lang,
                );
                crate::view::table::csv_bytes(view.dataset, &rows)?
            }
        },
        Format::Svg => {
            let scene = scene(view, page);
            if options.outline_text {
                render::outlined_svg(&scene)?.into_bytes()
            } else {
                svg::text_svg(&scene).into_bytes()
            }
        }
        Format::Png => render::png(&scene(view, page), options.scale)?,
        Format::Pdf => {
            let info = PdfInfo {
                author: format!("{} · Plan Explorer", view.dataset.title),
                date: render::today(),
            };
            render::pdf(&scene(view, page), &info)?
        }
    })
}
