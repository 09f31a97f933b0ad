//! The theme map in the window: themes by plans, drawn from the document's
//! [`crate::view::themes::ThemeMatrix`]. Only the cells in view are drawn,
//! so a matrix of 200 themes by 50 plans scrolls as lightly as the
//! built-in one; the plans' headings and the themes' names stay in view
//! while it scrolls. Hovering a cell lists its measures and their units;
//! clicking it shows them in the tree (a heading: its plan or theme).

use std::collections::HashSet;

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, pos2, vec2};

use super::{Commands, DocCommand, PanelContext, SessionCommand};
use crate::chart::count_of;
use crate::i18n::{T, fill, tr};
use crate::view::charts::ChartId;
use crate::view::marks::theme_marks;
use crate::view::themes::{ThemeMatrix, ThemeOrder, cell_hover};
use crate::view::tree::TreeFilter;

/// The sizes of the grid, in points.
const ROW: f32 = 24.0;
const CELL: f32 = 76.0;
const HEADER: f32 = 58.0;
const TOTAL: f32 = 60.0;

/// Draws the theme map: its order buttons, then the grid.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let order = cx.session.theme_order;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, T::SortBy));
        for (label, this) in [
            (T::SortByTotal, ThemeOrder::Total),
            (T::SortAsListed, ThemeOrder::Dataset),
        ] {
            if ui
                .selectable_label(order == this, tr(lang, label))
                .clicked()
            {
                commands.push(SessionCommand::SortThemes(this));
            }
        }
    });
    let matrix = &cx.doc.themes;
    let rows: Vec<usize> = matrix
        .order(order)
        .iter()
        .copied()
        .filter(|&r| matrix.rows[r].total > 0)
        .collect();
    let name_width = (ui.available_width() * 0.3).clamp(120.0, 240.0);
    let content = vec2(
        name_width + matrix.plans.len() as f32 * CELL + TOTAL,
        HEADER + (rows.len() + 1) as f32 * ROW,
    );
    egui::ScrollArea::both()
        .id_salt("themes_grid")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // One stop for Tab: the arrows then move between the cells.
            let (rect, response) =
                ui.allocate_exact_size(content, Sense::focusable_noninteractive());
            super::chart_keys::name(&response, ChartId::Themes, egui::Role::Grid, lang);
            let grid = Grid::new(cx, ui, rect.min, viewport, rows, name_width);
            grid.cells(ui, commands);
            grid.names(ui, commands);
            grid.headings(ui, commands);
            grid.keys(ui, &response, commands);
        });
}

/// One frame's grid: what is in view and how it is drawn.
struct Grid<'a> {
    cx: &'a PanelContext<'a>,
    matrix: &'a ThemeMatrix,
    /// Row indexes of the matrix, in the order shown.
    rows: Vec<usize>,
    name_width: f32,
    /// The content's top-left corner on screen.
    origin: Pos2,
    /// The view, in content coordinates.
    viewport: Rect,
    /// Rows (of `rows`, the totals' row last) and columns in view.
    row_range: std::ops::Range<usize>,
    column_range: std::ops::Range<usize>,
    lit: HashSet<(usize, usize)>,
    strong: Color32,
    weak: Color32,
    background: Color32,
    accent: Color32,
    font: FontId,
    small: FontId,
}

impl<'a> Grid<'a> {
    fn new(
        cx: &'a PanelContext<'a>,
        ui: &egui::Ui,
        origin: Pos2,
        viewport: Rect,
        rows: Vec<usize>,
        name_width: f32,
    ) -> Self {
        let matrix = &cx.doc.themes;
        let columns = matrix.plans.len();
        let first_row = count_of((viewport.min.y - HEADER) / ROW);
        let last_row = (count_of((viewport.max.y - HEADER) / ROW) + 2).min(rows.len() + 1);
        let first_column = count_of((viewport.min.x - name_width) / CELL);
        let last_column = (count_of((viewport.max.x - name_width) / CELL) + 1).min(columns);
        let visuals = ui.visuals();
        Self {
            cx,
            matrix,
            rows,
            name_width,
            origin,
            viewport,
            row_range: first_row..last_row.max(first_row),
            column_range: first_column..last_column.max(first_column),
            lit: matrix.lit(&cx.doc.dataset, cx.doc.selected()),
            strong: visuals.strong_text_color(),
            weak: visuals.weak_text_color(),
            background: visuals.panel_fill,
            accent: visuals.selection.stroke.color,
            font: FontId::proportional(13.0),
            small: FontId::proportional(11.5),
        }
    }

    /// The left edge of the view on screen.
    fn left(&self) -> f32 {
        self.origin.x + self.viewport.min.x
    }

    /// The top edge of the view on screen.
    fn top(&self) -> f32 {
        self.origin.y + self.viewport.min.y
    }

    fn cell_rect(&self, i: usize, c: usize) -> Rect {
        Rect::from_min_size(
            self.origin + vec2(self.name_width + c as f32 * CELL, HEADER + i as f32 * ROW),
            vec2(CELL, ROW),
        )
    }

    /// The cells' part of the view, below the headings and right of the
    /// names, where a cell may be clicked.
    fn body(&self) -> Rect {
        Rect::from_min_max(
            pos2(self.left() + self.name_width, self.top() + HEADER),
            self.origin + self.viewport.max.to_vec2(),
        )
    }

    /// The cells in view, each row's total, and the plans' totals.
    fn cells(&self, ui: &egui::Ui, commands: &mut Commands) {
        let painter = ui.painter();
        let body = self.body();
        let columns = self.matrix.plans.len();
        for i in self.row_range.clone() {
            let Some(&r) = self.rows.get(i) else {
                // The totals' row, each measure once.
                for c in self.column_range.clone() {
                    let centre = self.cell_rect(i, c).center();
                    let total = self.matrix.column_totals[c];
                    painter.text(
                        centre,
                        Align2::CENTER_CENTER,
                        total,
                        self.font.clone(),
                        self.weak,
                    );
                }
                let centre = self.cell_rect(i, columns).min + vec2(TOTAL / 2.0, ROW / 2.0);
                let total = self.matrix.total;
                painter.text(
                    centre,
                    Align2::CENTER_CENTER,
                    total,
                    self.font.clone(),
                    self.weak,
                );
                continue;
            };
            let row = &self.matrix.rows[r];
            for c in self.column_range.clone() {
                let count = row.cells[c].len();
                if count == 0 {
                    continue;
                }
                let rect = self.cell_rect(i, c).shrink(1.0);
                let share = count as f32 / self.matrix.max_cell.max(1) as f32;
                let fill = self
                    .background
                    .lerp_to_gamma(self.accent, 0.12 + 0.38 * share);
                painter.rect_filled(rect, 2.0, fill);
                let lit = self.lit.contains(&(r, c));
                if lit {
                    let stroke = Stroke::new(2.0, self.strong);
                    painter.rect_stroke(rect, 2.0, stroke, StrokeKind::Inside);
                }
                painter.text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    count,
                    self.font.clone(),
                    self.strong,
                );
                let hit = rect.intersect(body);
                if !hit.is_positive() {
                    continue;
                }
                // Clicked, not a stop for Tab: the grid is one.
                let id = ui.scope_id().with(("theme_cell", r, c));
                let response = ui.interact(hit, id, Sense::CLICK);
                let label = self.cell_label(r, c);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, lit, &label)
                });
                let data = &self.cx.doc.dataset;
                let lang = self.cx.session.lang();
                let response = response.on_hover_ui(|ui| {
                    ui.label(cell_hover(data, self.matrix, r, c, lang));
                    ui.weak(tr(lang, T::ThemeCellClick));
                });
                if response.clicked() {
                    commands.push(self.cell_filter(r, c));
                }
            }
            let centre = self.cell_rect(i, columns).min + vec2(TOTAL / 2.0, ROW / 2.0);
            painter.text(
                centre,
                Align2::CENTER_CENTER,
                row.total,
                self.font.clone(),
                self.strong,
            );
        }
    }

    /// The keyboard's cursor: ringed, its hover shown, kept in view (clear
    /// of the names and headings); Enter does what a click on it does.
    fn keys(&self, ui: &egui::Ui, response: &egui::Response, commands: &mut Commands) {
        let marks = || (theme_marks(self.matrix, &self.rows), None);
        let Some(keys) = super::chart_keys::handle(ui, response, marks) else {
            return;
        };
        let (r, c) = keys.mark;
        let Some(i) = self.rows.iter().position(|&row| row == r) else {
            return;
        };
        let cell = self.cell_rect(i, c);
        if keys.moved {
            let clear = Rect::from_min_max(cell.min - vec2(self.name_width, HEADER), cell.max);
            ui.scroll_to_rect(clear, None);
        }
        let lang = self.cx.session.lang();
        let text = cell_hover(&self.cx.doc.dataset, self.matrix, r, c, lang);
        super::chart_keys::show_focused(
            ui,
            response,
            cell,
            &text,
            tr(lang, T::MarkKeysFilter),
            lang,
        );
        if keys.activated {
            commands.push(self.cell_filter(r, c));
        }
    }

    /// What clicking a cell does: the tree shows its theme's measures in
    /// its plan.
    fn cell_filter(&self, r: usize, c: usize) -> DocCommand {
        DocCommand::SetFilter(TreeFilter {
            themes: [self.matrix.rows[r].theme].into_iter().collect(),
            plans: [self.matrix.plans[c]].into_iter().collect(),
            ..TreeFilter::default()
        })
    }

    /// The themes' names, kept at the left of the view.
    fn names(&self, ui: &egui::Ui, commands: &mut Commands) {
        let left = self.left();
        let names = Rect::from_min_max(
            pos2(left, self.top() + HEADER),
            pos2(left + self.name_width, self.origin.y + self.viewport.max.y),
        );
        ui.painter().rect_filled(names, 0.0, self.background);
        let painter = ui.painter().with_clip_rect(names);
        let data = &self.cx.doc.dataset;
        let lang = self.cx.session.lang();
        for i in self.row_range.clone() {
            let y = self.origin.y + HEADER + i as f32 * ROW;
            let Some(&r) = self.rows.get(i) else {
                let at = pos2(left + 4.0, y + ROW / 2.0);
                let label = tr(lang, T::MeasuresWithATheme);
                painter.text(at, Align2::LEFT_CENTER, label, self.font.clone(), self.weak);
                continue;
            };
            let theme = self.matrix.rows[r].theme;
            let rect = Rect::from_min_size(pos2(left, y), vec2(self.name_width - 6.0, ROW));
            let name = crate::view::localized_name(lang, &data.themes[theme.index()]);
            let galley = super::style::one_line(
                &painter,
                &name,
                self.font.clone(),
                self.strong,
                rect.width() - 4.0,
            );
            let at = pos2(rect.min.x + 4.0, rect.center().y - galley.size().y / 2.0);
            painter.galley(at, galley, self.strong);
            let hit = rect.intersect(names);
            if !hit.is_positive() {
                continue;
            }
            let response = ui.interact(hit, ui.scope_id().with(("theme_row", r)), Sense::click());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            let hover = format!("{name}\n{}", tr(lang, T::ThemeRowClick));
            if response.on_hover_text(hover).clicked() {
                commands.push(DocCommand::SetFilter(TreeFilter {
                    themes: [theme].into_iter().collect(),
                    ..TreeFilter::default()
                }));
            }
        }
    }

    /// The plans' headings, kept at the top of the view.
    fn headings(&self, ui: &egui::Ui, commands: &mut Commands) {
        let (left, top) = (self.left(), self.top());
        let right = self.origin.x + self.viewport.max.x;
        let header = Rect::from_min_max(pos2(left, top), pos2(right, top + HEADER));
        let painter = ui.painter();
        painter.rect_filled(header, 0.0, self.background);
        let rule = [pos2(left, header.max.y), pos2(right, header.max.y)];
        painter.line_segment(rule, Stroke::new(1.0, self.weak));
        let heads = Rect::from_min_max(pos2(left + self.name_width, top), header.max);
        let heads_painter = painter.with_clip_rect(heads);
        let data = &self.cx.doc.dataset;
        let lang = self.cx.session.lang();
        for c in self.column_range.clone() {
            let plan = self.matrix.plans[c];
            let title = crate::view::plan_title(lang, data, plan);
            let x = self.origin.x + self.name_width + c as f32 * CELL;
            let rect = Rect::from_min_size(pos2(x, top), vec2(CELL, HEADER));
            // At most three lines of the title; the hover has it whole.
            let mut galley = painter.layout(
                title.to_string(),
                self.small.clone(),
                self.strong,
                CELL - 6.0,
            );
            if galley.rows.len() > 3 {
                let short = crate::dataset::abbreviate(&title, 24, "…");
                galley = painter.layout(short, self.small.clone(), self.strong, CELL - 6.0);
            }
            let at = pos2(rect.min.x + 3.0, rect.max.y - galley.size().y - 3.0);
            heads_painter.galley(at, galley, self.strong);
            let hit = rect.intersect(heads);
            if !hit.is_positive() {
                continue;
            }
            let response = ui.interact(hit, ui.scope_id().with(("theme_plan", c)), Sense::click());
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, title.as_ref())
            });
            let count = fill(lang, T::ThemeColumnCount, &[&self.matrix.column_totals[c]]);
            let hover = format!("{title}\n{count}\n{}", tr(lang, T::ThemePlanClick));
            if response.on_hover_text(hover).clicked() {
                commands.push(DocCommand::SetFilter(TreeFilter {
                    plans: [plan].into_iter().collect(),
                    ..TreeFilter::default()
                }));
            }
        }
        let x = self.origin.x + self.name_width + self.matrix.plans.len() as f32 * CELL;
        let at = pos2(x + TOTAL / 2.0, header.max.y - 10.0);
        if heads.contains(at) {
            let label = tr(lang, T::ColumnTotal);
            heads_painter.text(
                at,
                Align2::CENTER_CENTER,
                label,
                self.small.clone(),
                self.strong,
            );
        }
        let corner = Rect::from_min_size(pos2(left, top), vec2(self.name_width, HEADER));
        painter.rect_filled(corner, 0.0, self.background);
        let at = pos2(left + 4.0, corner.max.y - 10.0);
        let label = tr(lang, T::ColumnTheme);
        painter.text(
            at,
            Align2::LEFT_CENTER,
            label,
            self.small.clone(),
            self.strong,
        );
    }

    /// A cell's name for screen readers and tests: "Theme · Plan: N".
    fn cell_label(&self, row: usize, column: usize) -> String {
        let data = &self.cx.doc.dataset;
        let lang = self.cx.session.lang();
        let theme = self.matrix.rows[row].theme;
        let theme = crate::view::localized_name(lang, &data.themes[theme.index()]);
        let plan = crate::view::plan_title(lang, data, self.matrix.plans[column]);
        format!("{theme} · {plan}: {}", self.matrix.cell(row, column).len())
    }
}
