//! The theme map in the window: the picture the exports draw
//! ([`crate::chart::themes::WindowMap`]: every plan a column, every theme
//! with measures a row), painted from its scene. Only the rows in view
//! are laid out and painted, so a matrix of 200 themes by 50 plans scrolls
//! as lightly as the built-in one; the plans' headings and the themes'
//! names stay in view while it scrolls. The scene's hit regions are the
//! cells, names and headings: hovering a cell lists its measures and their
//! units; clicking it shows them in the tree (a heading: its plan or
//! theme).

use egui::{Rect, Sense};

use super::PanelContext;
use super::commands::{Commands, DocCommand, SessionCommand};
use super::scene_painter::{self, Placement};
use crate::chart::scene::{Hit, Target};
use crate::chart::themes::WindowMap;
use crate::i18n::{T, fill, tr};
use crate::view::charts::ChartId;
use crate::view::marks::theme_marks;
use crate::view::themes::{ThemeMatrix, ThemeOrder, cell_hover};
use crate::view::tree::TreeFilter;

/// The window's body text size, in points, which the map's type follows.
const BODY: f32 = 14.0;

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
    let view = super::export::chart_view(cx, ChartId::Themes);
    let paper = scene_painter::paper(ui);
    let map = WindowMap::new(&view, matrix, BODY, ui.available_width(), paper);
    let (width, height) = map.size();
    egui::ScrollArea::both()
        .id_salt("themes_grid")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // One stop for Tab: the arrows then move between the cells.
            let (rect, response) = ui
                .allocate_exact_size(egui::vec2(width, height), Sense::focusable_noninteractive());
            super::chart_keys::name(&response, ChartId::Themes, egui::Role::Grid, lang);
            let lit = matrix.lit(&cx.doc.dataset, cx.doc.selected());
            let shown = map.rows_between(viewport.min.y, viewport.max.y);
            let scene = map.scene(&view, matrix, shown, &lit);
            let placement = Placement::new(&scene, rect, viewport);
            placement.paint(ui.painter(), &scene);
            let grid = Grid {
                cx,
                matrix,
                map: &map,
                lit: &lit,
            };
            for (hit, rect) in placement.hits(&scene) {
                grid.hit(ui, hit, rect, commands);
            }
            grid.keys(ui, &response, &placement, commands);
        });
}

/// One frame's theme map, for what the pointer and the keys do.
struct Grid<'a> {
    cx: &'a PanelContext<'a>,
    matrix: &'a ThemeMatrix,
    map: &'a WindowMap,
    /// Cells (matrix row, column) linked to the selection.
    lit: &'a std::collections::HashSet<(usize, usize)>,
}

impl Grid<'_> {
    /// One hit region in view: named, hovered, clicked.
    fn hit(&self, ui: &egui::Ui, hit: &Hit, rect: Rect, commands: &mut Commands) {
        let data = &self.cx.doc.dataset;
        let lang = self.cx.session.lang();
        match hit.target {
            Target::ThemeCell { row, column } => {
                // Clicked, not a stop for Tab: the grid is one.
                let id = ui.scope_id().with(("theme_cell", row, column));
                let response = ui.interact(rect, id, Sense::CLICK);
                let lit = self.lit.contains(&(row, column));
                let label = self.cell_label(row, column);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, lit, &label)
                });
                let response = response.on_hover_ui(|ui| {
                    ui.label(cell_hover(data, self.matrix, row, column, lang));
                    ui.weak(tr(lang, T::ThemeCellClick));
                });
                if response.clicked() {
                    commands.push(self.cell_filter(row, column));
                }
            }
            Target::Theme(row) => {
                let theme = self.matrix.rows[row].theme;
                let name = crate::view::localized_name(lang, &data.themes[theme.index()]);
                let id = ui.scope_id().with(("theme_row", row));
                let response = ui.interact(rect, id, Sense::click());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                let hover = format!("{name}\n{}", tr(lang, T::ThemeRowClick));
                if response.on_hover_text(hover).clicked() {
                    commands.push(DocCommand::SetFilter(TreeFilter {
                        themes: [theme].into_iter().collect(),
                        ..TreeFilter::default()
                    }));
                }
            }
            Target::PlanColumn(column) => {
                let plan = self.matrix.plans[column];
                let title = crate::view::plan_title(lang, data, plan);
                let id = ui.scope_id().with(("theme_plan", column));
                let response = ui.interact(rect, id, Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, title.as_ref())
                });
                let count = fill(
                    lang,
                    T::ThemeColumnCount,
                    &[&self.matrix.column_totals[column]],
                );
                let hover = format!("{title}\n{count}\n{}", tr(lang, T::ThemePlanClick));
                if response.on_hover_text(hover).clicked() {
                    commands.push(DocCommand::SetFilter(TreeFilter {
                        plans: [plan].into_iter().collect(),
                        ..TreeFilter::default()
                    }));
                }
            }
            Target::Figure(_) | Target::TimelineMark(_) | Target::TimelineRow(_) => {}
        }
    }

    /// The keyboard's cursor: ringed, its hover shown, kept in view (clear
    /// of the names and headings); Enter does what a click on it does.
    fn keys(
        &self,
        ui: &egui::Ui,
        response: &egui::Response,
        placement: &Placement,
        commands: &mut Commands,
    ) {
        let order = self.map.order();
        let marks = || (theme_marks(self.matrix, order), None);
        let Some(keys) = super::chart_keys::handle(ui, response, marks) else {
            return;
        };
        let (r, c) = keys.mark;
        let Some(i) = order.iter().position(|&row| row == r) else {
            return;
        };
        let cell = placement.screen_rect(&self.map.cell_bounds(i, c));
        if keys.moved {
            let clear = Rect::from_min_max(cell.min - placement.frozen(), cell.max);
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
