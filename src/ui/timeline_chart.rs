//! The timeline in the window, drawn from the document's
//! [`crate::view::timeline::Timeline`]: a row per plan with its period,
//! targets at their deadlines, facts and funds at their dates, the edition
//! as a dashed line. The years stay at the top while the rows scroll.
//! Hovering a mark shows its figures with their quotes; clicking selects
//! one (clicking again moves to the next at the same place).

use egui::{Align2, Color32, FontId, Rect, Sense, Shape, Stroke, pos2, vec2};

use super::{Commands, DocCommand, PanelContext};
use crate::chart::count_of;
use crate::chart::timeline::{PERIOD_COLOR, kind_color, period_text};
use crate::dataset::FigureRef;
use crate::i18n::{Lang, T, tr};
use crate::selection::Item;
use crate::view::charts::ChartId;
use crate::view::marks::timeline_marks;
use crate::view::timeline::{MarkKind, Timeline, TimelineMark};

const ROW: f32 = 40.0;
const AXIS: f32 = 22.0;

/// Draws the timeline: its key and progress lines, then the rows.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let timeline = &cx.doc.timeline;
    let view = super::export::chart_view(cx, crate::view::charts::ChartId::Timeline);
    key_ui(ui, timeline, &cx.doc.dataset.edition, lang);
    for note in crate::chart::timeline::progress_notes(&view, &timeline.marks) {
        ui.weak(note);
    }
    let width = ui.available_width().max(200.0);
    let content = vec2(width, AXIS + timeline.rows.len() as f32 * ROW + 6.0);
    egui::ScrollArea::vertical()
        .id_salt("timeline")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // One stop for Tab: the arrows then move between the marks.
            let (rect, response) =
                ui.allocate_exact_size(content, Sense::focusable_noninteractive());
            super::chart_keys::name(&response, ChartId::Timeline, egui::Role::Image, lang);
            let rows = Rows::new(cx, ui, rect, viewport);
            rows.grid(ui);
            for r in rows.range.clone() {
                rows.row(ui, &view, r, commands);
            }
            rows.now_and_years(ui);
            rows.keys(ui, &response, commands);
        });
}

/// One frame's rows: the scale, what is in view, the colours.
struct Rows<'a> {
    cx: &'a PanelContext<'a>,
    timeline: &'a Timeline,
    rect: Rect,
    viewport: Rect,
    name_width: f32,
    /// The scale's ends on screen, and in years.
    x0: f32,
    x1: f32,
    from: f64,
    to: f64,
    /// Rows in view.
    range: std::ops::Range<usize>,
    lit: std::collections::HashSet<FigureRef>,
    strong: Color32,
    weak: Color32,
    background: Color32,
    grid: Color32,
}

impl<'a> Rows<'a> {
    fn new(cx: &'a PanelContext<'a>, ui: &egui::Ui, rect: Rect, viewport: Rect) -> Self {
        let timeline = &cx.doc.timeline;
        let name_width = (rect.width() * 0.3).clamp(110.0, 260.0);
        let first = count_of((viewport.min.y - AXIS) / ROW);
        let last = (count_of((viewport.max.y - AXIS) / ROW) + 2).min(timeline.rows.len());
        let visuals = ui.visuals();
        Self {
            cx,
            timeline,
            rect,
            viewport,
            name_width,
            x0: rect.min.x + name_width + 8.0,
            x1: rect.max.x - 10.0,
            from: f64::from(timeline.span.0),
            to: f64::from(timeline.span.1) + 1.0,
            range: first..last.max(first),
            lit: crate::view::charts::highlighted(&cx.doc.dataset, cx.doc.selected()),
            strong: visuals.strong_text_color(),
            weak: visuals.weak_text_color(),
            background: visuals.panel_fill,
            grid: visuals.widgets.noninteractive.bg_stroke.color,
        }
    }

    /// Where a year is on screen.
    fn x(&self, year: f64) -> f32 {
        let share = (year - self.from) / (self.to - self.from);
        self.x0 + (self.x1 - self.x0) * f64_to_f32(share)
    }

    fn top(&self) -> f32 {
        self.rect.min.y + AXIS
    }

    /// How many years the scale spans.
    fn years(&self) -> usize {
        usize::try_from(self.timeline.span.1 - self.timeline.span.0 + 1).unwrap_or(1)
    }

    /// A line at the start of each year.
    fn grid(&self, ui: &egui::Ui) {
        for i in 0..=self.years() {
            let x = self.x(self.from + i as f64);
            let line = [pos2(x, self.top()), pos2(x, self.rect.max.y)];
            ui.painter().line_segment(line, Stroke::new(1.0, self.grid));
        }
    }

    /// One row: its name and period, its bar, its marks.
    fn row(
        &self,
        ui: &egui::Ui,
        view: &crate::chart::ChartView,
        r: usize,
        commands: &mut Commands,
    ) {
        let painter = ui.painter();
        let row = &self.timeline.rows[r];
        let row_top = self.top() + r as f32 * ROW;
        let centre = row_top + ROW / 2.0;
        let name = crate::chart::timeline::row_name(view, self.timeline, r);
        let name_rect =
            Rect::from_min_size(pos2(self.rect.min.x, row_top), vec2(self.name_width, ROW));
        let font = FontId::proportional(13.0);
        let galley =
            super::style::one_line(painter, &name, font, self.strong, self.name_width - 4.0);
        let at = pos2(self.rect.min.x + 2.0, centre - galley.size().y);
        painter
            .with_clip_rect(name_rect)
            .galley(at, galley, self.strong);
        let period = period_text(self.cx.session.lang(), row.years);
        let at = pos2(self.rect.min.x + 2.0, centre + 1.0);
        painter.text(
            at,
            Align2::LEFT_TOP,
            period,
            FontId::proportional(11.0),
            self.weak,
        );
        let selected = self.cx.doc.selected();
        if let Some(plan) = row.plan {
            let response = ui.interact(
                name_rect,
                ui.scope_id().with(("timeline_plan", r)),
                Sense::click(),
            );
            let is_selected = selected == Some(Item::Plan(plan));
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, &name)
            });
            if response.on_hover_text(&name).clicked() {
                commands.push(DocCommand::Select(Item::Plan(plan)));
            }
        }
        if let Some(end) = row.end {
            let start = row.start.unwrap_or(self.from).max(self.from);
            let bar = Rect::from_min_max(
                pos2(self.x(start), centre - 5.0),
                pos2(self.x(end.min(self.to)), centre + 5.0),
            );
            // A period with no stated start is drawn faint.
            let color = to_color(PERIOD_COLOR);
            let color = if row.start.is_some() {
                color
            } else {
                color.gamma_multiply(0.45)
            };
            painter.rect_filled(bar, 3.0, color);
        }
        for (m, mark) in self
            .timeline
            .marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.row == r)
        {
            self.mark(ui, m, mark, self.mark_centre(mark), commands);
        }
    }

    /// Where a mark is drawn: at its date, in its kind's lane of its row.
    fn mark_centre(&self, mark: &TimelineMark) -> egui::Pos2 {
        let centre = self.top() + mark.row as f32 * ROW + ROW / 2.0;
        pos2(self.x(mark.at), centre + mark.kind.lane() * 10.0)
    }

    /// The keyboard's cursor: ringed, its hover shown, kept in view (clear
    /// of the years at the top); Enter does what a click on it does.
    fn keys(&self, ui: &egui::Ui, response: &egui::Response, commands: &mut Commands) {
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
        let at = Rect::from_center_size(self.mark_centre(mark), vec2(14.0, 14.0));
        if keys.moved {
            let clear = Rect::from_min_max(at.min - vec2(0.0, AXIS), at.max);
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

    /// One mark: drawn, named, hovered, clicked.
    fn mark(
        &self,
        ui: &egui::Ui,
        m: usize,
        mark: &TimelineMark,
        centre: egui::Pos2,
        commands: &mut Commands,
    ) {
        let lang = self.cx.session.lang();
        let lit = mark.figures.iter().any(|f| self.lit.contains(f));
        draw_mark(
            ui.painter(),
            mark,
            centre,
            self.background,
            lit.then_some(self.strong),
        );
        let hit = Rect::from_center_size(centre, vec2(16.0, 16.0));
        // Clicked, not a stop for Tab: the rows are one.
        let response = ui.interact(hit, ui.scope_id().with(("timeline_mark", m)), Sense::CLICK);
        let label = mark_label(self.cx, mark);
        response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, lit, &label));
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
            let figure = next_figure(mark, self.cx.doc.selected());
            commands.push(DocCommand::Select(Item::Figure(figure)));
        }
    }

    /// The edition's line, and the years kept at the top of the view.
    fn now_and_years(&self, ui: &egui::Ui) {
        let painter = ui.painter();
        if let Some(now) = self
            .timeline
            .now
            .filter(|n| (self.from..=self.to).contains(n))
        {
            let x = self.x(now);
            let line = [pos2(x, self.top()), pos2(x, self.rect.max.y)];
            painter.extend(Shape::dashed_line(
                &line,
                Stroke::new(1.5, self.strong),
                5.0,
                3.0,
            ));
        }
        let top = self.rect.min.y + self.viewport.min.y;
        let band = Rect::from_min_max(
            pos2(self.rect.min.x, top),
            pos2(self.rect.max.x, top + AXIS),
        );
        painter.rect_filled(band, 0.0, self.background);
        let years = self.years();
        let every = (1..=years.max(1))
            .find(|&step| 38.0 * (years / step) as f32 <= self.x1 - self.x0)
            .unwrap_or(1);
        for i in (0..years).step_by(every) {
            let year = self.timeline.span.0 + i32::try_from(i).unwrap_or(0);
            let at = pos2(self.x(self.from + i as f64 + 0.5), top + AXIS / 2.0);
            painter.text(
                at,
                Align2::CENTER_CENTER,
                year,
                FontId::proportional(11.0),
                self.weak,
            );
        }
    }
}

/// A position on screen from a share of the scale (always within a few
/// thousand points, so the narrowing loses nothing that shows).
#[expect(
    clippy::cast_possible_truncation,
    reason = "a share of the scale on screen is within a few thousand points, so the narrowing loses nothing that shows"
)]
fn f64_to_f32(value: f64) -> f32 {
    value as f32
}

/// The key above the rows: what each mark means.
fn key_ui(ui: &mut egui::Ui, timeline: &Timeline, edition: &str, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        let swatch = |ui: &mut egui::Ui, draw: &dyn Fn(&egui::Painter, egui::Pos2)| {
            let (rect, _) = ui.allocate_exact_size(vec2(18.0, 14.0), Sense::hover());
            draw(ui.painter(), rect.center());
        };
        let background = ui.visuals().panel_fill;
        swatch(ui, &|p, c| {
            p.rect_filled(
                Rect::from_center_size(c, vec2(16.0, 8.0)),
                3.0,
                to_color(PERIOD_COLOR),
            );
        });
        ui.label(tr(lang, T::KeyPeriod));
        for (kind, label) in [
            (MarkKind::Target, T::KeyTarget),
            (MarkKind::Fact, T::KeyFact),
            (MarkKind::Fund, T::KeyFund),
        ] {
            if timeline.marks.iter().any(|m| m.kind == kind) {
                swatch(ui, &|p, c| symbol(p, kind, c, 5.0, background, None));
                ui.label(tr(lang, label));
            }
        }
        if timeline.now.is_some() {
            let strong = ui.visuals().strong_text_color();
            swatch(ui, &|p, c| {
                p.extend(Shape::dashed_line(
                    &[c - vec2(0.0, 7.0), c + vec2(0.0, 7.0)],
                    Stroke::new(1.5, strong),
                    3.0,
                    2.0,
                ));
            });
            ui.label(crate::i18n::fill(lang, T::KeyEdition, &[&edition]));
        }
    });
}

fn to_color(rgb: crate::chart::scene::Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

fn draw_mark(
    painter: &egui::Painter,
    mark: &TimelineMark,
    centre: egui::Pos2,
    background: Color32,
    ring: Option<Color32>,
) {
    let r = if mark.figures.len() > 1 { 7.0 } else { 5.5 };
    if let Some(ring) = ring {
        painter.circle_stroke(centre, r + 4.0, Stroke::new(2.0, ring));
    }
    symbol(painter, mark.kind, centre, r, background, None);
    if mark.figures.len() > 1 {
        painter.text(
            centre + vec2(r + 2.0, -r - 2.0),
            Align2::LEFT_BOTTOM,
            mark.figures.len(),
            FontId::proportional(10.0),
            super::style::text_on(to_color(kind_color(mark.kind)), background),
        );
    }
}

fn symbol(
    painter: &egui::Painter,
    kind: MarkKind,
    c: egui::Pos2,
    r: f32,
    background: Color32,
    _ring: Option<Color32>,
) {
    let color = to_color(kind_color(kind));
    match kind {
        MarkKind::Target => {
            let d = r * 1.2;
            painter.add(Shape::convex_polygon(
                vec![
                    c - vec2(0.0, d),
                    c + vec2(d, 0.0),
                    c + vec2(0.0, d),
                    c - vec2(d, 0.0),
                ],
                background,
                Stroke::new(2.0, color),
            ));
        }
        MarkKind::Fact => {
            painter.circle(c, r, color, Stroke::new(1.0, background));
        }
        MarkKind::Fund => {
            painter.rect_filled(
                Rect::from_center_size(c, vec2(r * 1.8, r * 1.8)),
                1.0,
                color,
            );
        }
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
