//! The theme map in the window: the picture the exports draw
//! ([`crate::chart::themes::WindowMap`]: every plan a column, every theme
//! with measures a row), painted from its scene. Only the rows in view
//! are laid out and painted, so a matrix of 200 themes by 50 plans scrolls
//! as lightly as the built-in one; the plans' headings and the themes'
//! names stay in view while it scrolls. The scene's hit regions are the
//! cells, names and headings: hovering a cell lists its measures and their
//! units; clicking it shows them in the tree (a heading: its plan or
//! theme). The unit map is drawn the same way, its rows the responsible
//! units, its cells giving the plan's deadline where it gives one. The cell
//! last clicked, right-clicked or reached by the keyboard is the one the
//! Annotate dialog (Ctrl+M, or the cell's menu) puts a note on; the notes
//! stand in room kept at the map's right, or below it in a narrow panel.

use egui::{Rect, Sense};

use super::PanelContext;
use super::commands::{Commands, DocCommand, SessionCommand};
use super::scene_painter::{self, Placement};
use crate::chart::scene::{Hit, Target};
use crate::chart::themes::WindowMap;
use crate::i18n::{T, fill, tr};
use crate::view::charts::ChartId;
use crate::view::marks::theme_marks;
use crate::view::themes::{RowKey, ThemeMatrix, ThemeOrder, cell_hover, row_name};
use crate::view::tree::TreeFilter;

/// The window's body text size, in points, which the map's type follows.
const BODY: f32 = 14.0;

/// Draws the theme map (or, for [`ChartId::Units`], the unit map): its
/// order buttons, then the grid.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, chart: ChartId, commands: &mut Commands) {
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
    let matrix = if chart == ChartId::Units {
        &cx.doc.units
    } else {
        &cx.doc.themes
    };
    let view = super::export::chart_view(cx, chart);
    let paper = scene_painter::paper(ui);
    let map = WindowMap::new(&view, matrix, BODY, ui.available_width(), paper);
    let (width, height) = map.size();
    egui::ScrollArea::both()
        .id_salt((chart, "map_grid"))
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // One stop for Tab: the arrows then move between the cells.
            let (rect, response) = ui
                .allocate_exact_size(egui::vec2(width, height), Sense::focusable_noninteractive());
            super::chart_keys::name(&response, chart, egui::Role::Grid, lang);
            let lit = matrix.lit(&cx.doc.dataset, cx.doc.selected());
            let shown = map.rows_between(viewport.min.y, viewport.max.y);
            let mut scene = map.scene(&view, matrix, shown, &lit);
            // The user's annotations, placed as on paper: notes on cells
            // at the map's right or below it (a map has no years, values or
            // figure marks: other kinds are listed as left out).
            let page = crate::chart::Page {
                width: scene.width,
                height: scene.height,
                theme: paper,
            };
            crate::chart::annotate::place(&mut scene, &view, &page);
            super::plot_notes::remember_left_out(ui.ctx(), chart, scene.left_out.clone());
            let placement = Placement::new(&scene, rect, viewport);
            placement.paint(ui.painter(), &scene);
            placement.label_notes(ui, &scene);
            show_new_note(ui, chart, &view, &scene, &placement, viewport);
            let grid = Grid {
                cx,
                chart,
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

/// Scrolls a note just added (or the map's notes, when it is first shown
/// with them) into view, with its cell where both fit: the room for notes
/// is at the map's right or below it, which the panel may show only
/// scrolled to.
fn show_new_note(
    ui: &egui::Ui,
    chart: ChartId,
    view: &crate::chart::ChartView<'_>,
    scene: &crate::chart::scene::Scene,
    placement: &Placement,
    viewport: Rect,
) {
    let count = view.annotations.len();
    let seen_id = egui::Id::unique((chart, "map_notes_seen"));
    let seen: Option<usize> = ui.ctx().data(|d| d.get_temp(seen_id));
    ui.ctx().data_mut(|d| d.insert_temp(seen_id, count));
    if seen.is_some_and(|seen| count <= seen) {
        return;
    }
    let Some(last) = scene.notes().last() else {
        return;
    };
    // The note's last line, and the cell of the last note on a cell where
    // both fit in view (else the note: what was just written).
    let mut bounds = last.bounds();
    let note = bounds;
    let cell = view
        .annotations
        .iter()
        .rev()
        .find_map(|a| a.cell(view.dataset))
        .and_then(|cell| {
            let cells = &scene.cells.as_ref()?.cells;
            cells.iter().find(|(c, _)| *c == cell).map(|&(_, b)| b)
        });
    if let Some(cell) = cell {
        bounds = crate::chart::scene::Bounds {
            x0: bounds.x0.min(cell.x0),
            y0: bounds.y0.min(cell.y0),
            x1: bounds.x1.max(cell.x1),
            y1: bounds.y1.max(cell.y1),
        };
        let frozen = placement.frozen();
        if bounds.x1 - bounds.x0 + frozen.x > viewport.width()
            || bounds.y1 - bounds.y0 + frozen.y > viewport.height()
        {
            bounds = note;
        }
    }
    let rect = placement.screen_rect(&bounds.grown(last.size));
    // Clear of the names and headings that stay in view.
    ui.scroll_to_rect(
        egui::Rect::from_min_max(rect.min - placement.frozen(), rect.max),
        None,
    );
}

/// One frame's theme map, for what the pointer and the keys do.
struct Grid<'a> {
    cx: &'a PanelContext<'a>,
    /// The map: the theme map or the unit map.
    chart: ChartId,
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
                if response.clicked() || response.secondary_clicked() {
                    self.choose(row, column, commands);
                }
                let lang = self.cx.session.lang();
                response.context_menu(|ui| {
                    if ui
                        .add(
                            egui::Button::new(tr(lang, T::AnnotateThisCell))
                                .shortcut_text("Ctrl+M"),
                        )
                        .clicked()
                    {
                        self.choose(row, column, commands);
                        commands.push(SessionCommand::OpenAnnotateDialog);
                    }
                    if ui.button(tr(lang, T::ExportThisChart)).clicked() {
                        commands.push(SessionCommand::OpenExportDialog);
                    }
                });
            }
            Target::Theme(row) => {
                let key = self.matrix.rows[row].key;
                let name = row_name(data, key, lang);
                let id = ui.scope_id().with(("theme_row", row));
                let response = ui.interact(rect, id, Sense::click());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                let click = match key {
                    RowKey::Theme(_) => T::ThemeRowClick,
                    RowKey::Unit(_) => T::UnitRowClick,
                };
                let hover = format!("{name}\n{}", tr(lang, click));
                if response.on_hover_text(hover).clicked() {
                    commands.push(DocCommand::SetFilter(row_filter(key)));
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
                let words = match self.matrix.rows_are {
                    crate::view::themes::MapRows::Themes => T::ThemeColumnCount,
                    crate::view::themes::MapRows::Units => T::UnitColumnCount,
                };
                let count = fill(lang, words, &[&self.matrix.column_totals[column]]);
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
        // The cell under the keyboard's cursor is the one a note goes on.
        self.choose(r, c, commands);
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

    /// Makes the cell at the matrix's `r` and `c` the one a note goes on,
    /// unless it already is.
    fn choose(&self, r: usize, c: usize, commands: &mut Commands) {
        let data = &self.cx.doc.dataset;
        let Some(cell) = crate::view::annotations::Cell::at(self.matrix, r, c) else {
            return;
        };
        let row = crate::view::annotations::CellRow::of(data, cell.row);
        let plan = data.plans[cell.plan.index()].id.clone();
        let chosen = Some((self.chart, row, plan));
        if self.cx.session.chosen_cell != chosen
            && let Some((chart, row, plan)) = chosen
        {
            commands.push(SessionCommand::ChooseCell(chart, row, plan));
        }
    }

    /// What clicking a cell does: the tree shows its theme's (unit's)
    /// measures in its plan.
    fn cell_filter(&self, r: usize, c: usize) -> DocCommand {
        DocCommand::SetFilter(TreeFilter {
            plans: [self.matrix.plans[c]].into_iter().collect(),
            ..row_filter(self.matrix.rows[r].key)
        })
    }

    /// A cell's name for screen readers and tests: "Theme · Plan: N" (the
    /// unit map's with the deadline, where the plan gives one).
    fn cell_label(&self, row: usize, column: usize) -> String {
        let data = &self.cx.doc.dataset;
        let lang = self.cx.session.lang();
        let name = row_name(data, self.matrix.rows[row].key, lang);
        let plan = crate::view::plan_title(lang, data, self.matrix.plans[column]);
        let count = crate::chart::themes::cell_text(lang, self.matrix, row, column);
        format!("{name} · {plan}: {count}")
    }
}

/// The tree's filter to a row's theme or unit.
fn row_filter(key: RowKey) -> TreeFilter {
    match key {
        RowKey::Theme(theme) => TreeFilter {
            themes: [theme].into_iter().collect(),
            ..TreeFilter::default()
        },
        RowKey::Unit(unit) => TreeFilter {
            units: [unit].into_iter().collect(),
            ..TreeFilter::default()
        },
    }
}
