//! A chart with the keyboard: Tab reaches it (one stop per chart), the
//! arrow keys, Home and End move a cursor between its marks (as
//! [`crate::view::marks`] decides), Enter or Space does what a click on
//! the mark does, and the mark under the cursor is ringed and shows its
//! hover text, which screen readers read as the chart's value.

use egui::{Key, Modifiers, Rect, Response};

use crate::i18n::{Lang, T, fill, tr};
use crate::view::charts::ChartId;
use crate::view::marks::{Cursor, MarkGrid, Step};

/// What the keys did to a focused chart this frame.
#[derive(Clone, Copy, Debug)]
pub struct Keys<T> {
    /// The mark under the cursor.
    pub mark: T,
    /// The cursor moved this frame (scroll it into view).
    pub moved: bool,
    /// Enter or Space was pressed: do what clicking the mark does.
    pub activated: bool,
}

/// Names a chart's focusable widget for screen readers (and tests) by its
/// chart's title, in the role it plays, and gives it the chart's words
/// (set by [`describe`] this frame) as its description: the node a screen
/// reader reaches by Tab is the chart, so the words must be on it, not
/// only on the title before it.
pub fn name(response: &Response, chart: ChartId, role: egui::Role, lang: Lang) {
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            role,
            true,
            fill(
                lang,
                T::ChartNamed,
                &[&crate::chart::chart_name(chart, lang)],
            ),
        )
    });
    let ctx = &response.ctx;
    if ctx.has_accesskit_node(response.id) {
        let words = ctx.data(|d| d.get_temp::<String>(description_id(chart)));
        if let Some(words) = words {
            ctx.accesskit_node_builder(response.id, |node| node.set_description(words));
        }
    }
}

/// Keeps `chart`'s words for this frame, for [`name`] to put on the
/// chart's node when the chart is drawn.
pub fn describe(ctx: &egui::Context, chart: ChartId, words: String) {
    ctx.data_mut(|d| d.insert_temp(description_id(chart), words));
}

/// Where [`describe`] keeps a chart's words.
fn description_id(chart: ChartId) -> egui::Id {
    egui::Id::unique(("chart description", chart))
}

/// Reads the keys for the chart whose focusable widget is `response`:
/// `None` when it has not the focus or no mark. `marks` gives the chart's
/// marks and the selected one, if the chart has it; it is called only
/// while the chart has the focus, so a large chart builds no grid in the
/// frames it has not. The cursor is kept per chart, so Tab away and back
/// returns to the same mark; it starts on the selected mark, or the first.
pub fn handle<T: Copy + PartialEq>(
    ui: &egui::Ui,
    response: &Response,
    marks: impl FnOnce() -> (MarkGrid<T>, Option<T>),
) -> Option<Keys<T>> {
    if !response.has_focus() {
        return None;
    }
    let (grid, selected) = marks();
    if grid.is_empty() {
        return None;
    }
    let ctx = ui.ctx();
    ctx.memory_mut(|m| {
        m.set_focus_lock_filter(
            response.id,
            egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..egui::EventFilter::default()
            },
        );
    });
    let cursor_id = response.id.with("mark_cursor");
    let stored: Option<Cursor> = ctx.data(|d| d.get_temp(cursor_id));
    let mut cursor = stored
        .and_then(|c| grid.clamp(c))
        .or_else(|| selected.and_then(|s| grid.find(s)));
    let steps = ui.input_mut(|input| {
        let mut steps = Vec::new();
        for (key, step) in [
            (Key::ArrowLeft, Step::Left),
            (Key::ArrowRight, Step::Right),
            (Key::ArrowUp, Step::Up),
            (Key::ArrowDown, Step::Down),
            (Key::Home, Step::Home),
            (Key::End, Step::End),
        ] {
            let count = input.count_and_consume_key(Modifiers::NONE, key);
            steps.extend(std::iter::repeat_n(step, count));
        }
        steps
    });
    // egui would otherwise move the focus to the next widget that way.
    if !steps.is_empty() {
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
    let before = cursor;
    for step in steps {
        cursor = grid.step(cursor, step);
    }
    let cursor = cursor.or_else(|| grid.first())?;
    ctx.data_mut(|d| d.insert_temp(cursor_id, cursor));
    let activated = ui.input_mut(|input| {
        input.consume_key(Modifiers::NONE, Key::Enter)
            | input.consume_key(Modifiers::NONE, Key::Space)
    });
    Some(Keys {
        mark: grid.get(cursor)?,
        moved: before != Some(cursor),
        activated,
    })
}

/// Rings the focused mark (`at`, on screen), frames the chart as focused,
/// and shows the mark's hover text beside it; the same words become the
/// chart's value for screen readers.
pub fn show_focused(
    ui: &egui::Ui,
    response: &Response,
    at: Rect,
    text: &str,
    hint: &str,
    lang: Lang,
) {
    super::focus::draws_own_ring(ui.ctx(), response.id);
    let stroke = ui.visuals().selection.stroke;
    let frame = response.rect.intersect(ui.clip_rect());
    ui.painter()
        .rect_stroke(frame, 2.0, stroke, egui::StrokeKind::Inside);
    let ring = egui::Stroke::new(2.5, ui.visuals().strong_text_color());
    ui.painter()
        .rect_stroke(at.expand(3.0), 3.0, ring, egui::StrokeKind::Outside);
    egui::Tooltip::always_open(ui.ctx().clone(), response.layer_id, response.id, at)
        .accessible_name(tr(lang, T::FocusedMark))
        .show(|ui| {
            ui.label(text);
            ui.weak(hint);
        });
    if ui.ctx().has_accesskit_node(response.id) {
        let value = text.to_owned();
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_value(value));
    }
}
