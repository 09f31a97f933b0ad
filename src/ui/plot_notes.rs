//! The user's annotations in the window. Over the zoomable plots (the two
//! line charts, the funds) they are laid out by the rules they follow on
//! paper ([`crate::chart::annotate::over`]): the plot's marks, labels and
//! lines are handed over as what nothing may cover, and the annotations'
//! own scene is painted on top. The charts painted from a scene (targets,
//! timeline, theme and unit maps) place them in that scene. Either way,
//! what finds no room is not drawn over the data but listed under the
//! chart's title, in words ([`left_out_ui`]).

use egui::{Pos2, Rect};
use egui_plot::{PlotPoint, PlotTransform};

use super::PanelContext;
use super::scene_painter::{self, Placement};
use crate::chart::ChartView;
use crate::chart::annotate::{AxisMap, Backdrop, LeftOut, PlotAxes};
use crate::chart::scene::Bounds;
use crate::dataset::FigureRef;
use crate::view::charts::ChartId;

/// Where a plot's values run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Values {
    /// Up the plot, as plotted (the line charts).
    Up,
    /// Along the plot, as plotted (the funds on a linear scale).
    Along,
    /// Along the plot, plotted as their logarithm (the funds on a log
    /// scale).
    AlongLog,
}

/// A plot on screen as its annotations must keep clear of it.
pub struct Overlay<'t> {
    transform: &'t PlotTransform,
    backdrop: Backdrop,
}

impl<'t> Overlay<'t> {
    /// The plot drawn with `transform`, with years along it when
    /// `years_along` and its values running as `values`.
    pub fn new(transform: &'t PlotTransform, years_along: bool, values: Values) -> Self {
        let frame = *transform.frame();
        let bounds = transform.bounds();
        let (min, max) = (bounds.min(), bounds.max());
        let place = |point: PlotPoint| {
            let at = transform.position_from_point(&point);
            (at.x - frame.min.x, at.y - frame.min.y)
        };
        let along = |log: bool| AxisMap {
            a: (unlog(min[0], log), place(PlotPoint::new(min[0], min[1])).0),
            b: (unlog(max[0], log), place(PlotPoint::new(max[0], min[1])).0),
            log,
        };
        let values = match values {
            Values::Up => PlotAxes::vertical(AxisMap {
                a: (min[1], place(PlotPoint::new(min[0], min[1])).1),
                b: (max[1], place(PlotPoint::new(min[0], max[1])).1),
                log: false,
            }),
            Values::Along => PlotAxes::horizontal(along(false)),
            Values::AlongLog => PlotAxes::horizontal(along(true)),
        };
        let axes = PlotAxes {
            area: Bounds {
                x0: 0.0,
                y0: 0.0,
                x1: frame.width(),
                y1: frame.height(),
            },
            years: years_along.then(|| along(false)),
            continuous_years: false,
            values,
        };
        Self {
            transform,
            backdrop: Backdrop {
                width: frame.width(),
                height: frame.height(),
                axes: Some(axes),
                ..Backdrop::default()
            },
        }
    }

    /// A point of the plot on screen.
    pub fn at(&self, x: f64, y: f64) -> Pos2 {
        self.transform.position_from_point(&PlotPoint::new(x, y))
    }

    fn local(&self, rect: Rect) -> Bounds {
        let origin = self.transform.frame().min;
        Bounds {
            x0: rect.min.x - origin.x,
            y0: rect.min.y - origin.y,
            x1: rect.max.x - origin.x,
            y1: rect.max.y - origin.y,
        }
    }

    /// A data mark on screen, standing for `figure`.
    pub fn mark(&mut self, rect: Rect, figure: FigureRef) {
        let bounds = self.local(rect);
        self.backdrop.marks.push((bounds, figure));
    }

    /// A text on screen.
    pub fn text(&mut self, rect: Rect) {
        let bounds = self.local(rect);
        self.backdrop.texts.push(bounds);
    }

    /// A data line's segment on screen.
    pub fn line(&mut self, a: Pos2, b: Pos2) {
        let origin = self.transform.frame().min;
        self.backdrop.lines.push((
            (a.x - origin.x, a.y - origin.y),
            (b.x - origin.x, b.y - origin.y),
        ));
    }

    /// Places `view`'s annotations clear of everything handed over, paints
    /// them over the plot, and keeps what was left out for the line under
    /// the chart's title.
    pub fn paint(self, ui: &egui::Ui, view: &ChartView) {
        if view.annotations.is_empty() {
            return;
        }
        let size = egui::TextStyle::Body.resolve(ui.style()).size;
        let ink = scene_painter::paper(ui).ink();
        let scene = crate::chart::annotate::over(&self.backdrop, view, ink, size);
        let frame = *self.transform.frame();
        let placement =
            Placement::new(&scene, frame, Rect::from_min_size(Pos2::ZERO, frame.size()));
        placement.paint_over(&ui.painter_at(frame), &scene);
        placement.label_notes(ui, &scene);
        remember_left_out(ui.ctx(), view.chart, scene.left_out);
    }
}

/// A number plotted as itself, or as its logarithm when `log`.
fn unlog(plotted: f64, log: bool) -> f64 {
    if log { 10_f64.powf(plotted) } else { plotted }
}

/// The screen box of a text of `size` placed at `at` by `anchor`.
pub fn text_rect(at: Pos2, anchor: egui::Align2, size: egui::Vec2) -> Rect {
    anchor.anchor_size(at, size)
}

/// The size a text takes in `style` on screen.
pub fn text_size(ui: &egui::Ui, text: &str, style: &egui::TextStyle) -> egui::Vec2 {
    let font = style.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE)
        .size()
}

fn memory_id(chart: ChartId) -> egui::Id {
    egui::Id::unique(("annotations_left_out", chart))
}

/// Keeps what a chart's annotations left out as it was last painted.
pub fn remember_left_out(ctx: &egui::Context, chart: ChartId, left_out: Vec<LeftOut>) {
    ctx.data_mut(|data| data.insert_temp(memory_id(chart), left_out));
}

/// The annotations the chart left out when last painted, each in a line
/// saying why, in the warning colour; nothing when all were drawn.
pub fn left_out_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, chart: ChartId) {
    let annotations = cx.session.annotations_of(chart);
    if annotations.is_empty() {
        return;
    }
    let left_out: Vec<LeftOut> = ui
        .ctx()
        .data(|data| data.get_temp(memory_id(chart)))
        .unwrap_or_default();
    let lang = cx.session.lang();
    for item in left_out {
        let Some(annotation) = annotations.get(item.index()) else {
            continue;
        };
        let text = item.text(lang, annotation.words());
        ui.add(
            egui::Label::new(
                egui::RichText::new(text)
                    .small()
                    .color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
}
