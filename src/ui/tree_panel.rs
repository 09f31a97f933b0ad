//! The tree panel: draws [`crate::view::tree::TreeData`], only the rows on
//! screen, and turns clicks and keys into commands.

use crate::dataset::Named;
use crate::i18n::{T, tr};
use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};

use super::{Commands, DocCommand, PanelContext};
use crate::selection::Item;
use crate::view::tree::{TreeAction, TreeKey, highlight_ranges, key_action, row_label, type_ahead};

/// The height of one row, in points.
const ROW_HEIGHT: f32 = 22.0;

/// How far each level of the tree is indented, in points.
const INDENT_PER_LEVEL: f32 = 16.0;

/// The deepest level indented further; deeper rows line up with it (12
/// levels are 192 points, and plans nest four or five deep).
const MAX_INDENT_LEVELS: usize = 12;

/// How long typed letters keep adding to a type-ahead prefix, in seconds.
const TYPE_AHEAD_SECONDS: f64 = 1.0;

/// Draws the tree panel.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    ui.horizontal(|ui| {
        ui.strong(tr(lang, T::Measures));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button(tr(lang, T::CollapseAll)).clicked() {
                commands.push(DocCommand::SetAllOpen(false));
            }
            if ui.small_button(tr(lang, T::ExpandAll)).clicked() {
                commands.push(DocCommand::SetAllOpen(true));
            }
        });
    });
    ui.separator();
    keyboard_ui(cx, ui, commands);
    if cx.doc.tree.rows.is_empty() {
        ui.label(tr(lang, T::NothingMatches));
        return;
    }

    let selected = cx.doc.selected();
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false, false]);
    // The rows drawn last frame; a selection already among them (clicked
    // there, say) is not scrolled to, so the tree does not jump.
    let shown_id = egui::Id::unique("tree_rows_shown");
    let shown: std::ops::Range<usize> = ui.ctx().data(|d| d.get_temp(shown_id)).unwrap_or(0..0);
    // Each document counts its requests to scroll; the last one served is
    // remembered here.
    let served_id = egui::Id::unique("tree_scroll_served");
    let request = (cx.doc.generation, cx.doc.scroll_request);
    let served: Option<(u64, u64)> = ui.ctx().data(|d| d.get_temp(served_id));
    if served != Some(request) {
        ui.ctx().data_mut(|d| d.insert_temp(served_id, request));
        if let Some(row) = selected.and_then(|item| cx.doc.tree.row_of(item)) {
            // Rows at the very edges may be only partly visible.
            let fully_shown = shown.start < row && row + 1 < shown.end;
            if !fully_shown {
                let spacing = ui.spacing().item_spacing.y;
                let offset = row as f32 * (ROW_HEIGHT + spacing) - ui.available_height() / 2.0;
                scroll = scroll.vertical_scroll_offset(offset.max(0.0));
            }
        }
    }
    let rows = cx.doc.tree.rows.len();
    scroll.show_rows(ui, ROW_HEIGHT, rows, |ui, range| {
        ui.ctx()
            .data_mut(|d| d.insert_temp(shown_id, range.clone()));
        for row_index in range {
            row_ui(cx, ui, row_index, selected, commands);
        }
    });
}

fn row_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    row_index: usize,
    selected: Option<Item>,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let row = &cx.doc.tree.rows[row_index];
    ui.horizontal(|ui| {
        ui.set_height(ROW_HEIGHT);
        // Indented by level up to a cap, so that a tree nested very deep
        // keeps its rows' titles in the panel; the level is still said to
        // screen readers (below) and shown by the numbering.
        ui.add_space(row.depth.min(MAX_INDENT_LEVELS) as f32 * INDENT_PER_LEVEL);
        if row.visible_children > 0 {
            let arrow = if row.expanded { "▾" } else { "▸" };
            let label = if row.expanded {
                tr(lang, T::Collapse)
            } else {
                tr(lang, T::Expand)
            };
            let toggle = ui.add(egui::Button::new(arrow).frame(false).small());
            // Named by what it does, not by its arrow glyph.
            toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
            if toggle.on_hover_text(label).clicked() {
                commands.push(DocCommand::SetOpen(row.item, !row.expanded));
            }
        } else {
            ui.add_space(18.0);
        }

        let (trailing, trailing_width) = trailing_chips(data, ui, row, lang);
        let spacing = ui.spacing().item_spacing.x;
        let title_width = (ui.available_width() - trailing_width - spacing).max(60.0);

        let label = row_label(data, row, lang);
        let job = highlighted_job(ui, &label, &cx.doc.filter.query, row.is_match);
        let response = ui
            .allocate_ui_with_layout(
                egui::vec2(title_width, ROW_HEIGHT),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| ui.add(egui::Button::selectable(selected == Some(row.item), job).truncate()),
            )
            .inner
            .on_hover_text(&label);
        // A screen reader hears a tree item, its level and whether it is
        // open.
        let (level, expanded) = (row.depth + 1, row.expanded);
        let has_children = row.visible_children > 0;
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_role(egui::accesskit::Role::TreeItem);
            node.set_level(level);
            if has_children {
                node.set_expanded(expanded);
            }
        });
        if response.clicked() {
            commands.push(DocCommand::Select(row.item));
        }
        if response.double_clicked() && row.visible_children > 0 {
            commands.push(DocCommand::SetOpen(row.item, !row.expanded));
        }
        response.context_menu(|ui| {
            if ui.button(tr(lang, T::ExpandSubtree)).clicked() {
                commands.push(DocCommand::SetSubtreeOpen(row.item, true));
                ui.close();
            }
            if ui.button(tr(lang, T::CollapseSubtree)).clicked() {
                commands.push(DocCommand::SetSubtreeOpen(row.item, false));
                ui.close();
            }
        });
        for (text, hover) in trailing {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(text)
                        .small()
                        .background_color(ui.visuals().faint_bg_color),
                )
                .selectable(false),
            )
            .on_hover_text(hover);
        }
    });
}

/// A unit's name without the words every unit shares.
fn short_unit_name(name: &str) -> String {
    let short = name
        .trim_start_matches("the ")
        .trim_start_matches("Shanghai ")
        .trim_start_matches("Municipal ");
    crate::dataset::abbreviate(short, 28, "…")
}

/// The row's label with the search's matches highlighted.
fn highlighted_job(ui: &egui::Ui, text: &str, query: &str, is_match: bool) -> LayoutJob {
    let font = FontId::proportional(14.0);
    let normal = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let hit = TextFormat {
        font_id: font,
        color: ui.visuals().strong_text_color(),
        background: Color32::from_rgba_unmultiplied(0xE6, 0x9F, 0x00, 0x60),
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    let ranges = if is_match {
        highlight_ranges(text, query)
    } else {
        Vec::new()
    };
    let mut at = 0;
    for range in ranges {
        job.append(&text[at..range.start], 0.0, normal.clone());
        job.append(&text[range.clone()], 0.0, hit.clone());
        at = range.end;
    }
    job.append(&text[at..], 0.0, normal);
    job
}

/// The tree's meaning of a key, if it has one.
fn tree_key(key: egui::Key) -> Option<TreeKey> {
    match key {
        egui::Key::ArrowUp => Some(TreeKey::Up),
        egui::Key::ArrowDown => Some(TreeKey::Down),
        egui::Key::Home => Some(TreeKey::Home),
        egui::Key::End => Some(TreeKey::End),
        egui::Key::ArrowRight => Some(TreeKey::Right),
        egui::Key::ArrowLeft => Some(TreeKey::Left),
        _ => None,
    }
}

/// Arrows, Home/End, Enter and type-ahead, when no text field has focus.
///
/// Several presses can arrive in one frame (key repeat, a fast typist).
/// Each must be judged on the tree the one before it made, so they are
/// queued and one is turned into a command per frame, the next frame
/// following at once; egui's `consume_key` would count them as one.
fn keyboard_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let ctx = ui.ctx().clone();
    let queue_id = egui::Id::unique("tree_key_queue");
    // Keys belong to a focused widget (a text field, a chart), or to an
    // open dialog (its buttons), never to the tree behind it.
    if ctx.egui_wants_keyboard_input() || cx.dialog_open {
        ctx.data_mut(|d| d.remove_temp::<Vec<egui::Key>>(queue_id));
        return;
    }
    let mut queue: Vec<egui::Key> = ctx.data(|d| d.get_temp(queue_id)).unwrap_or_default();
    ctx.input_mut(|input| {
        input.events.retain(|event| match event {
            egui::Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } if modifiers.is_none() && (tree_key(*key).is_some() || *key == egui::Key::Enter) => {
                queue.push(*key);
                false
            }
            _ => true,
        });
    });
    if !queue.is_empty() {
        let key = queue.remove(0);
        let doc = cx.doc;
        let command = match tree_key(key) {
            Some(tree_key) => match key_action(&doc.dataset, &doc.tree, doc.selected(), tree_key) {
                TreeAction::Select(item) => Some(DocCommand::Select(item)),
                TreeAction::SetOpen(item, open) => Some(DocCommand::SetOpen(item, open)),
                TreeAction::None => None,
            },
            // Enter opens or closes the selected row.
            None => doc
                .selected()
                .and_then(|item| doc.tree.row_of(item))
                .map(|row| &doc.tree.rows[row])
                .filter(|row| row.visible_children > 0)
                .map(|row| DocCommand::SetOpen(row.item, !row.expanded)),
        };
        if let Some(command) = command {
            commands.push(command);
        }
        if !queue.is_empty() {
            ctx.request_repaint();
        }
    }
    ctx.data_mut(|d| d.insert_temp(queue_id, queue));
    type_ahead_ui(cx, &ctx, commands);
}

/// Letters typed within a second form a prefix; the next row it fits is
/// selected.
fn type_ahead_ui(cx: &PanelContext<'_>, ctx: &egui::Context, commands: &mut Commands) {
    let doc = cx.doc;
    let typed: String = ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Text(text) => Some(text.clone()),
                _ => None,
            })
            .collect()
    });
    if typed.is_empty() {
        return;
    }
    let now = ctx.input(|i| i.time);
    let id = egui::Id::unique("tree_type_ahead");
    let (mut prefix, last): (String, f64) = ctx
        .data(|d| d.get_temp(id))
        .unwrap_or((String::new(), f64::NEG_INFINITY));
    if now - last > TYPE_AHEAD_SECONDS {
        prefix.clear();
    }
    prefix.push_str(&typed);
    let from = doc.selected().and_then(|item| doc.tree.row_of(item));
    // A first letter moves on to the next row that fits; a longer prefix
    // may stay on the current row, so the search starts just before it.
    let search_from = if prefix.chars().count() > 1 {
        from.and_then(|f| f.checked_sub(1))
    } else {
        from
    };
    if let Some(row) = type_ahead(
        &doc.dataset,
        &doc.tree,
        search_from,
        &prefix,
        cx.session.lang(),
    ) {
        commands.push(DocCommand::Select(doc.tree.rows[row].item));
    }
    ctx.data_mut(|d| d.insert_temp(id, (prefix, now)));
}

/// Whether an entry has no Chinese title in the dataset.
fn english_only(data: &crate::dataset::Dataset, item: Item) -> bool {
    match item {
        Item::Plan(plan) => data.plans[plan.index()].zh().is_none(),
        Item::Node(node) => data.node(node).zh().is_none(),
        Item::Figure(_) => false,
    }
}

/// What follows a row's title: the child count and the unit chips that
/// fit in 40% of the row (the title gets the rest and is shortened, never
/// pushed out of view; units that do not fit become "+N"), and in Chinese
/// a mark on entries the dataset has only in English. With their width.
fn trailing_chips(
    data: &crate::dataset::Dataset,
    ui: &egui::Ui,
    row: &crate::view::tree::TreeRow,
    lang: crate::i18n::Lang,
) -> (Vec<(String, String)>, f32) {
    let small = egui::TextStyle::Small.resolve(ui.style());
    let spacing = ui.spacing().item_spacing.x;
    let width_of = |text: &str| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), small.clone(), egui::Color32::WHITE)
            .size()
            .x
            + spacing
            + 4.0
    };
    let budget = ui.available_width() * 0.4;
    let mut trailing: Vec<(String, String)> = Vec::new();
    let mut trailing_width = 0.0;
    if row.child_count > 0 {
        let count = format!("({})", row.child_count);
        trailing_width += width_of(&count);
        trailing.push((count, tr(lang, T::EntriesBelow).to_owned()));
    }
    if let Item::Node(node) = row.item {
        // The lead units first, where the document names them.
        let units = &data.node(node).units_lead_first();
        let mut shown = 0;
        for unit in units {
            let unit = &data.units[unit.index()];
            let chip = match (lang, unit.zh()) {
                (crate::i18n::Lang::Zh, Some(zh @ crate::dataset::Zh::Printed(_))) => {
                    crate::dataset::abbreviate(zh.text(), 12, "…")
                }
                // The mark stays whole when a translation is shortened.
                (crate::i18n::Lang::Zh, Some(zh @ crate::dataset::Zh::Translated(_))) => format!(
                    "{}{}",
                    crate::dataset::abbreviate(zh.text(), 9, "…"),
                    crate::view::TRANSLATION_MARK
                ),
                _ => short_unit_name(&unit.name),
            };
            // Keep room for a "+N" chip after the last one that fits.
            if trailing_width + width_of(&chip) + width_of("+9") > budget {
                break;
            }
            trailing_width += width_of(&chip);
            trailing.push((chip, unit.name.clone()));
            shown += 1;
        }
        if shown < units.len() {
            let rest: Vec<&str> = units[shown..]
                .iter()
                .map(|u| data.units[u.index()].name.as_str())
                .collect();
            let more = format!("+{}", units.len() - shown);
            trailing_width += width_of(&more);
            trailing.push((more, rest.join("\n")));
        }
    }
    // In Chinese, an entry the dataset has only in English is marked.
    if lang == crate::i18n::Lang::Zh && english_only(data, row.item) {
        let chip = tr(lang, T::EnglishOnly).to_owned();
        trailing_width += width_of(&chip);
        trailing.insert(0, (chip, tr(lang, T::EnglishOnlyHint).to_owned()));
    }
    (trailing, trailing_width)
}
