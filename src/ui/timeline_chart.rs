//! The timeline in the window: the picture the exports draw
//! ([`crate::chart::timeline::window_scene`]: a row per plan with its
//! period, targets at their deadlines, facts and funds at their dates, the
//! edition as a dashed line), painted from its scene. The key and the
//! years stay at the top while the rows scroll. The scene's hit regions
//! are the marks and the plans: hovering a mark shows its figures with
//! their quotes; clicking selects one (clicking again moves to the next at
//! the same place).

use egui::{Rect, Sense, vec2};

use super::PanelContext;
use super::commands::{Commands, DocCommand};
use super::scene_painter::{self, Placement};
use crate::chart::Scene;
use crate::chart::scene::{Hit, Target};
use crate::dataset::FigureRef;
use crate::i18n::{T, tr};
use crate::selection::Item;
use crate::view::charts::ChartId;
use crate::view::marks::timeline_marks;
use crate::view::timeline::{Timeline, TimelineMark};

/// The window's body text size, in points, which the timeline's type
/// follows.
const BODY: f32 = 14.0;

/// The smallest box a mark is pointed at by, in points.
const POINTER_BOX: f32 = 16.0;

/// Draws the timeline: its progress lines, then the picture.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let timeline = &cx.doc.timeline;
    let view = super::export::chart_view(cx, ChartId::Timeline);
    for note in crate::chart::timeline::progress_notes(&view, &timeline.marks) {
        ui.weak(note);
    }
    let width = ui.available_width().max(200.0);
    let lit = crate::view::charts::highlighted(&cx.doc.dataset, cx.doc.selected());
    let paper = scene_painter::paper(ui);
    let mut scene = crate::chart::timeline::window_scene(&view, timeline, BODY, width, paper, &lit);
    // The user's annotations, placed as on paper.
    let page = crate::chart::Page {
        width: scene.width,
        height: scene.height,
        theme: paper,
    };
    crate::chart::annotate::place(&mut scene, &view, &page);
    super::plot_notes::remember_left_out(ui.ctx(), ChartId::Timeline, scene.left_out.clone());
    egui::ScrollArea::vertical()
        .id_salt("timeline")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // One stop for Tab: the arrows then move between the marks.
            let (rect, response) = ui.allocate_exact_size(
                vec2(scene.width, scene.height),
                Sense::focusable_noninteractive(),
            );
            super::chart_keys::name(&response, ChartId::Timeline, egui::Role::Image, lang);
            let placement = Placement::new(&scene, rect, viewport);
            placement.paint(ui.painter(), &scene);
            placement.label_notes(ui, &scene);
            placement.label_key(ui, &scene);
            let rows = Rows {
                cx,
                timeline,
                lit: &lit,
            };
            for (hit, rect) in placement.hits(&scene) {
                rows.hit(ui, hit, rect, commands);
            }
            rows.keys(ui, &response, &placement, &scene, commands);
        });
}

/// One frame's timeline, for what the pointer and the keys do.
struct Rows<'a> {
    cx: &'a PanelContext<'a>,
    timeline: &'a Timeline,
    lit: &'a std::collections::HashSet<FigureRef>,
}

impl Rows<'_> {
    /// One hit region in view: named, hovered, clicked.
    fn hit(&self, ui: &egui::Ui, hit: &Hit, rect: Rect, commands: &mut Commands) {
        let lang = self.cx.session.lang();
        let selected = self.cx.doc.selected();
        match hit.target {
            Target::TimelineMark(m) => {
                let Some(mark) = self.timeline.marks.get(m) else {
                    return;
                };
                let lit = mark.figures.iter().any(|f| self.lit.contains(f));
                let rect = scene_painter::at_least(rect, POINTER_BOX);
                // Clicked, not a stop for Tab: the rows are one.
                let id = ui.scope_id().with(("timeline_mark", m));
                let response = ui.interact(rect, id, Sense::CLICK);
                let label = mark_label(self.cx, mark);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, lit, &label)
                });
                let response = response.on_hover_ui(|ui| {
                    for (i, text) in self.hover_texts(mark).into_iter().enumerate() {
                        if i > 0 {
                            ui.separator();
                        }
                        ui.label(text);
                    }
                    if mark.figures.len() > 1 {
                        ui.weak(tr(lang, T::TimelineNextHint));
                    }
                });
                if response.clicked() {
                    let figure = next_figure(mark, selected);
                    commands.push(DocCommand::Select(Item::Figure(figure)));
                }
            }
            Target::TimelineRow(r) => {
                let Some(plan) = self.timeline.rows.get(r).and_then(|row| row.plan) else {
                    return;
                };
                let name = crate::view::plan_title(lang, &self.cx.doc.dataset, plan);
                let id = ui.scope_id().with(("timeline_plan", r));
                let response = ui.interact(rect, id, Sense::click());
                let is_selected = selected == Some(Item::Plan(plan));
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &name)
                });
                if response.on_hover_text(name.as_ref()).clicked() {
                    commands.push(DocCommand::Select(Item::Plan(plan)));
                }
            }
            Target::Figure(_)
            | Target::ThemeCell { .. }
            | Target::Theme(_)
            | Target::PlanColumn(_) => {}
        }
    }

    /// The keyboard's cursor: ringed, its hover shown, kept in view (clear
    /// of the key and years at the top); Enter does what a click on it
    /// does.
    fn keys(
        &self,
        ui: &egui::Ui,
        response: &egui::Response,
        placement: &Placement,
        scene: &Scene,
        commands: &mut Commands,
    ) {
        let marks = || {
            let selected = match self.cx.doc.selected() {
                Some(Item::Figure(f)) => self
                    .timeline
                    .marks
                    .iter()
                    .position(|m| m.figures.contains(&f)),
                _ => None,
            };
            (timeline_marks(self.timeline), selected)
        };
        let Some(keys) = super::chart_keys::handle(ui, response, marks) else {
            return;
        };
        let Some(mark) = self.timeline.marks.get(keys.mark) else {
            return;
        };
        let Some(mark_box) = scene.hit_of(Target::TimelineMark(keys.mark)) else {
            return;
        };
        let at = scene_painter::at_least(placement.screen_rect(&mark_box.bounds), 14.0);
        if keys.moved {
            let clear = Rect::from_min_max(at.min - placement.frozen(), at.max);
            ui.scroll_to_rect(clear, None);
        }
        let text = self.hover_texts(mark);
        let hint = if mark.figures.len() > 1 {
            T::MarkKeysNext
        } else {
            T::MarkKeysSelect
        };
        let lang = self.cx.session.lang();
        super::chart_keys::show_focused(ui, response, at, &text.join("\n\n"), tr(lang, hint), lang);
        if keys.activated {
            let figure = next_figure(mark, self.cx.doc.selected());
            commands.push(DocCommand::Select(Item::Figure(figure)));
        }
    }

    /// What hovering a mark shows: each of its figures with its quote.
    fn hover_texts(&self, mark: &TimelineMark) -> Vec<String> {
        let (data, convention) = (&self.cx.doc.dataset, self.cx.session.convention());
        mark.figures
            .iter()
            .map(|&f| crate::view::hover::figure(data, f, convention, self.cx.session.lang()))
            .collect()
    }
}

/// A mark's name for screen readers and tests: its figures and date.
fn mark_label(cx: &PanelContext<'_>, mark: &TimelineMark) -> String {
    let names: Vec<String> = mark
        .figures
        .iter()
        .map(|&f| crate::view::figure_name(&cx.doc.dataset, f, cx.session.lang()))
        .collect();
    format!("{} · {}", names.join("; "), mark.date)
}

/// The figure a click on `mark` selects: its first, or the one after the
/// figure of it already selected.
fn next_figure(mark: &TimelineMark, selected: Option<Item>) -> FigureRef {
    let at = match selected {
        Some(Item::Figure(f)) => mark.figures.iter().position(|&g| g == f),
        _ => None,
    };
    match at {
        Some(i) => mark.figures[(i + 1) % mark.figures.len()],
        None => mark.figures[0],
    }
}
