//! The targets in the window: the table the exports draw
//! ([`crate::chart::targets::window_scene`]: a row per target with its
//! deadline, what it measures, its value and its plan), painted from its
//! scene, sorted by the column buttons above it. The headings stay in view
//! while the rows scroll. Each row is its target's hit region: hovering it
//! shows the target with its quote, and a click selects it. The table is
//! one stop for Tab; the arrows then move between the rows, and Enter
//! selects the row under the cursor.

use std::collections::{HashMap, HashSet};

use egui::{Rect, Sense, vec2};

use super::charts_panel::caveats_ui;
use super::scene_painter::{self, Placement};
use super::{Commands, DocCommand, PanelContext, SessionCommand, chart_keys};
use crate::chart::Scene;
use crate::chart::scene::{Hit, Target};
use crate::dataset::FigureRef;
use crate::i18n::{T, fill, tr};
use crate::selection::Item;
use crate::view::charts::{self, ChartId, TargetColumn, TargetRow};
use crate::view::marks::target_marks;
use crate::view::{hover, marked};

/// The window's body text size, in points, which the table's type follows.
const BODY: f32 = 14.0;

/// Draws the targets: the sort buttons, the caveats, then the table.
/// `lit` holds the figures linked to the selection, which stand out.
pub(super) fn targets_table_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    lit: &HashSet<FigureRef>,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let (column, ascending) = cx.session.targets_sort;
    sort_buttons_ui(cx, ui, commands);
    ui.separator();
    let rows = charts::target_rows(data, column, ascending, lang);
    caveats_ui(cx, ui, rows.iter().map(|r| r.figure), commands);
    let mut marked = lit.clone();
    if let Some(Item::Figure(figure)) = cx.doc.selected() {
        marked.insert(figure);
    }
    let view = super::export::chart_view(cx, ChartId::Targets);
    let width = ui.available_width().max(200.0);
    let paper = scene_painter::paper(ui);
    let mut scene = crate::chart::targets::window_scene(&view, &rows, BODY, width, paper, &marked);
    // The user's annotations, placed as on paper.
    let page = crate::chart::Page {
        width: scene.width,
        height: scene.height,
        theme: paper,
    };
    crate::chart::annotate::place(&mut scene, &view, &page);
    super::plot_notes::remember_left_out(ui.ctx(), ChartId::Targets, scene.left_out.clone());
    egui::ScrollArea::vertical()
        .id_salt("targets")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            // One stop for Tab: the arrows then move between the rows.
            let (rect, response) = ui.allocate_exact_size(
                vec2(scene.width, scene.height),
                Sense::focusable_noninteractive(),
            );
            chart_keys::name(&response, ChartId::Targets, egui::Role::Table, lang);
            let placement = Placement::new(&scene, rect, viewport);
            placement.paint(ui.painter(), &scene);
            placement.label_notes(ui, &scene);
            let table = Table {
                cx,
                rows: &rows,
                index: rows
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.figure, i))
                    .collect(),
                marked: &marked,
            };
            for (hit, rect) in placement.hits(&scene) {
                table.hit(ui, hit, rect, commands);
            }
            table.keys(ui, &response, &placement, &scene, commands);
        });
}

/// The buttons that sort the table by a column; the column sorted by
/// shows its direction, and a second click reverses it.
fn sort_buttons_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let (column, ascending) = cx.session.targets_sort;
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, T::SortBy));
        for (header, this) in [
            (tr(lang, T::Target), TargetColumn::Metric),
            (tr(lang, T::Value), TargetColumn::Value),
            (tr(lang, T::Deadline), TargetColumn::Deadline),
            (tr(lang, T::PlanLabel), TargetColumn::Plan),
        ] {
            let arrow = match (column == this, ascending) {
                (true, true) => " ▲",
                (true, false) => " ▼",
                (false, _) => "",
            };
            if ui
                .selectable_label(column == this, format!("{header}{arrow}"))
                .on_hover_text(tr(lang, T::SortHint))
                .clicked()
            {
                let sort = if column == this {
                    (column, !ascending)
                } else {
                    (this, true)
                };
                commands.push(SessionCommand::SortTargets(sort.0, sort.1));
            }
        }
    });
}

/// One frame's table, for what the pointer and the keys do.
struct Table<'a> {
    cx: &'a PanelContext<'a>,
    rows: &'a [TargetRow],
    /// Each row's place, by its figure.
    index: HashMap<FigureRef, usize>,
    /// The figures whose rows stand out.
    marked: &'a HashSet<FigureRef>,
}

impl Table<'_> {
    /// One hit region in view: named, hovered, clicked.
    fn hit(&self, ui: &egui::Ui, hit: &Hit, rect: Rect, commands: &mut Commands) {
        let Target::Figure(figure) = hit.target else {
            return;
        };
        let Some(row) = self.index.get(&figure).and_then(|&i| self.rows.get(i)) else {
            return;
        };
        // Clicked, not a stop for Tab: the table is one.
        let id = ui.scope_id().with(("target_row", figure));
        let response = ui.interact(rect, id, Sense::CLICK);
        let label = self.row_label(row);
        let selected = self.marked.contains(&figure);
        response
            .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
        if response.on_hover_text(self.hover_text(figure)).clicked() {
            commands.push(DocCommand::Select(Item::Figure(figure)));
        }
    }

    /// The keyboard's cursor: ringed, its hover shown, kept in view (clear
    /// of the headings); Enter selects its target, as a click does.
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
                Some(Item::Figure(f)) if self.index.contains_key(&f) => Some(f),
                _ => None,
            };
            (target_marks(self.rows), selected)
        };
        let Some(keys) = chart_keys::handle(ui, response, marks) else {
            return;
        };
        let Some(row_box) = scene.hit_of(Target::Figure(keys.mark)) else {
            return;
        };
        let at = placement.screen_rect(&row_box.bounds);
        if keys.moved {
            let clear = Rect::from_min_max(at.min - placement.frozen(), at.max);
            ui.scroll_to_rect(clear, None);
        }
        let lang = self.cx.session.lang();
        let text = self.hover_text(keys.mark);
        chart_keys::show_focused(ui, response, at, &text, tr(lang, T::MarkKeysSelect), lang);
        if keys.activated {
            commands.push(DocCommand::Select(Item::Figure(keys.mark)));
        }
    }

    /// What hovering a row shows: the target with its quote.
    fn hover_text(&self, figure: FigureRef) -> String {
        let lang = self.cx.session.lang();
        hover::target(
            &self.cx.doc.dataset,
            figure,
            self.cx.session.convention(),
            lang,
        )
    }

    /// A row's name for screen readers and tests, as a row reads: "Future
    /// industrial clusters: 5, no deadline stated · Action plan …".
    fn row_label(&self, row: &TargetRow) -> String {
        let lang = self.cx.session.lang();
        let data = &self.cx.doc.dataset;
        let value = marked(
            data.figure_caveat(row.figure).is_some(),
            row.quantity().text(self.cx.session.convention()),
        );
        let deadline = row.deadline_year.map_or_else(
            || tr(lang, T::NoDeadline).to_owned(),
            |y| fill(lang, T::ByYear, &[&y]),
        );
        let plan = crate::view::plan_title(lang, data, row.plan);
        format!("{}: {value}, {deadline} · {plan}", row.metric)
    }
}
