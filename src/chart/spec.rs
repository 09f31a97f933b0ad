//! What a chart picture is drawn from: a narrow, read-only view that the
//! window and the command line each build from their own state, and the
//! page it is drawn on (size, theme).

use std::collections::{BTreeSet, HashSet};

use super::scene::Rgb;
use crate::dataset::{Dataset, FigureRef, NodeIx};
use crate::i18n::Lang;
use crate::view::amount::Convention;
use crate::view::charts::{ChartId, LegendKey, TargetColumn};
use crate::view::themes::ThemeOrder;

/// Everything a chart's picture depends on, besides the page.
#[derive(Clone, Copy, Debug)]
pub struct ChartView<'a> {
    /// The dataset.
    pub dataset: &'a Dataset,
    /// Which chart.
    pub chart: ChartId,
    /// Legend entries the user hid.
    pub hidden: &'a BTreeSet<LegendKey>,
    /// How amounts of yuan are written.
    pub convention: Convention,
    /// Fund bars on a logarithmic scale.
    pub log_scale: bool,
    /// The targets' order: column and ascending.
    pub order: (TargetColumn, bool),
    /// The picture's language.
    pub lang: Lang,
    /// Figures to stand out (a briefing's selection); the others are drawn
    /// pale. `None` or empty: every figure as usual.
    pub highlight: Option<&'a HashSet<FigureRef>>,
    /// Measures to stand out in the theme map (a briefing's selection): a
    /// cell holding none of them is drawn pale.
    pub highlight_nodes: Option<&'a HashSet<NodeIx>>,
    /// The theme map's row order.
    pub theme_order: ThemeOrder,
    /// The user's annotations of the chart.
    pub annotations: &'a [crate::view::annotations::Annotation],
}

impl ChartView<'_> {
    /// Whether `figure` is drawn pale because something else is highlighted.
    /// A point stands out with its series, and a series with any point.
    pub fn is_dimmed(&self, figure: FigureRef) -> bool {
        let Some(set) = self.highlight.filter(|s| !s.is_empty()) else {
            return false;
        };
        match figure {
            FigureRef::Point(s, _) => {
                !set.contains(&figure) && !set.contains(&FigureRef::Series(s))
            }
            FigureRef::Series(s) => {
                !set.contains(&figure)
                    && !set
                        .iter()
                        .any(|f| matches!(f, FigureRef::Point(series, _) if *series == s))
            }
            FigureRef::Fund(_) | FigureRef::Target(_) | FigureRef::Fact(_) => {
                !set.contains(&figure)
            }
        }
    }
}

impl<'a> ChartView<'a> {
    /// A view of `chart` with nothing hidden, the language's own amounts,
    /// linear bars and targets by deadline.
    pub fn new(
        dataset: &'a Dataset,
        chart: ChartId,
        hidden: &'a BTreeSet<LegendKey>,
        lang: Lang,
    ) -> Self {
        Self {
            dataset,
            chart,
            hidden,
            convention: Convention::of_language(lang),
            log_scale: false,
            order: (TargetColumn::Deadline, true),
            lang,
            highlight: None,
            highlight_nodes: None,
            theme_order: ThemeOrder::Total,
            annotations: &[],
        }
    }
}

impl<'a> ChartView<'a> {
    /// The chart of a saved view, fitted to `dataset` (see
    /// [`crate::view::saved::resolve`]): its chart, hidden entries, scales,
    /// language, amounts and annotations.
    pub fn of_view(dataset: &'a Dataset, view: &'a crate::view::saved::Resolved) -> Self {
        Self {
            convention: view.convention,
            log_scale: view.funds_log,
            order: view.targets_sort,
            theme_order: view.theme_order,
            annotations: &view.annotations,
            ..Self::new(dataset, view.chart, &view.hidden, view.lang)
        }
    }
}

/// Light or dark page.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Paper {
    /// Dark text on white: for print and most slides.
    #[default]
    Light,
    /// Light text on near-black: for dark slides.
    Dark,
}

/// The colours of a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ink {
    /// The page.
    pub background: Rgb,
    /// Titles and the main text.
    pub text: Rgb,
    /// Subtitles, tick labels and table text.
    pub muted: Rgb,
    /// The footer.
    pub faint: Rgb,
    /// Gridlines and rules.
    pub grid: Rgb,
    /// The zero line.
    pub axis: Rgb,
}

impl Paper {
    /// The theme's colours. Each text colour keeps a contrast of at least
    /// 4.5:1 with the page (tested).
    pub fn ink(self) -> Ink {
        match self {
            Self::Light => Ink {
                background: Rgb(0xff, 0xff, 0xff),
                text: Rgb(0x1d, 0x1d, 0x1d),
                muted: Rgb(0x4a, 0x4a, 0x4a),
                faint: Rgb(0x6b, 0x6b, 0x6b),
                grid: Rgb(0xe2, 0xe2, 0xe2),
                axis: Rgb(0x88, 0x88, 0x88),
            },
            Self::Dark => Ink {
                background: Rgb(0x16, 0x18, 0x1b),
                text: Rgb(0xf0, 0xf0, 0xf0),
                muted: Rgb(0xc4, 0xc4, 0xc4),
                faint: Rgb(0xa2, 0xa2, 0xa2),
                grid: Rgb(0x33, 0x36, 0x3a),
                axis: Rgb(0x80, 0x80, 0x80),
            },
        }
    }

    /// A mark's colour drawn pale, for figures outside a highlight.
    pub fn pale(self, color: Rgb) -> Rgb {
        color.mix(self.ink().background, 0.72)
    }

    /// A mark's colour made fit to be text on this page: kept where it
    /// already reads at 4.5:1, else moved towards the text colour until
    /// it does.
    pub fn text_color(self, color: Rgb) -> Rgb {
        let ink = self.ink();
        let mut out = color;
        let mut step = 0.0;
        while out.contrast(ink.background) < 4.5 && step < 1.0 {
            step += 0.05;
            out = color.mix(ink.text, step);
        }
        out
    }
}

/// The Okabe-Ito palette: distinguishable with the common colour-vision
/// deficiencies and in grey-scale print. The window uses it too.
pub const PALETTE: [Rgb; 7] = [
    Rgb(0x00, 0x72, 0xB2), // blue
    Rgb(0xE6, 0x9F, 0x00), // orange
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0x56, 0xB4, 0xE9), // sky blue
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0xF0, 0xE4, 0x42), // yellow
];

/// The colour of the `i`-th series of a chart.
pub fn series_color(i: usize) -> Rgb {
    PALETTE[i % PALETTE.len()]
}

/// The colour of a fund level.
pub fn level_color(level: crate::dataset::FundLevel) -> Rgb {
    use crate::dataset::FundLevel;
    match level {
        FundLevel::National => PALETTE[0],
        FundLevel::Municipal => PALETTE[1],
        FundLevel::District => PALETTE[2],
        FundLevel::SocialCapital => PALETTE[3],
        FundLevel::Mixed => PALETTE[4],
    }
}

/// The page sizes offered, in points (1/72 inch).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Preset {
    /// A 16:9 slide, 960x540.
    #[default]
    Slide,
    /// Half an A4 page at text width, 510x360.
    HalfPage,
    /// A square for social posts and two-column layouts, 600x600.
    Square,
    /// A size of the user's own.
    Custom,
}

impl Preset {
    /// Every preset, in the order the dialog shows them.
    pub const ALL: [Self; 4] = [Self::Slide, Self::HalfPage, Self::Square, Self::Custom];

    /// The id on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Self::Slide => "slide",
            Self::HalfPage => "half-page",
            Self::Square => "square",
            Self::Custom => "custom",
        }
    }

    /// The preset with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The size in points, or `None` for custom.
    pub fn size(self) -> Option<(f32, f32)> {
        match self {
            Self::Slide => Some((960.0, 540.0)),
            Self::HalfPage => Some((510.0, 360.0)),
            Self::Square => Some((600.0, 600.0)),
            Self::Custom => None,
        }
    }
}

/// The page a chart is laid out on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// Light or dark.
    pub theme: Paper,
}

/// Why a page size was refused.
///
/// Its English is its `Display`; `src/i18n/writers.rs` words it in each
/// language.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum PageError {
    /// The width is outside [`MIN_SIDE`] to [`MAX_SIDE`].
    Width {
        /// The width asked for, in points.
        width: f32,
    },
    /// The height is outside [`MIN_SIDE`] to [`MAX_SIDE`].
    Height {
        /// The height asked for, in points.
        height: f32,
    },
    /// One side is over four times the other.
    TooNarrow {
        /// The width asked for, in points.
        width: f32,
        /// The height asked for, in points.
        height: f32,
    },
}

/// The smallest page a chart can be laid out on, in points.
pub const MIN_SIDE: f32 = 240.0;
/// The largest page side, in points.
pub const MAX_SIDE: f32 = 4000.0;

impl Page {
    /// A page of a preset's size.
    pub fn of(preset: Preset, theme: Paper) -> Self {
        let (width, height) = preset.size().unwrap_or((960.0, 540.0));
        Self {
            width,
            height,
            theme,
        }
    }

    /// A page of any size, checked: each side between 240 and 4000 points,
    /// and no more than four times as wide as high or high as wide.
    pub fn custom(width: f32, height: f32, theme: Paper) -> Result<Self, PageError> {
        if !width.is_finite() || !(MIN_SIDE..=MAX_SIDE).contains(&width) {
            return Err(PageError::Width { width });
        }
        if !height.is_finite() || !(MIN_SIDE..=MAX_SIDE).contains(&height) {
            return Err(PageError::Height { height });
        }
        if width / height > 4.0 || height / width > 4.0 {
            return Err(PageError::TooNarrow { width, height });
        }
        Ok(Self {
            width,
            height,
            theme,
        })
    }
}
