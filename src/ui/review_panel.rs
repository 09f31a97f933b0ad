//! The review in the window, in place of the tree, charts and details: on
//! the left the document's name, the progress ("34 of 52 reviewed"), Save
//! as new edition and Close, and the queue (the plan, its nodes indented
//! with their numbering, the units, the figures), each row saying what has
//! become of it; on the right the record shown, its fields editable, with
//! Accept, Reject and Apply edit, and under it the document with every
//! proposal shaded and the record shown highlighted and scrolled to (the
//! source viewer's own drawing).
//!
//! Keys, when no text field has the keyboard: Enter accepts and moves on,
//! Delete rejects, Up and Down move, e puts the keyboard in the first
//! field (where Enter applies the edit and Esc leaves the field).

use super::review::{ReviewCommand, ReviewSession};
use super::source_viewer::{TextView, document_text_ui};
use super::{Commands, PanelContext, SessionCommand};
use crate::dataset::proof::Spot;
use crate::i18n::{Lang, T, fill, tr};
use crate::import::review::{CONVERTIBLE, Kind};
use crate::view::review::{self as model, FieldError, FieldKind, Key, Row, Status};

/// What the form holds between frames: the texts typed for one record as
/// the draft stood, why they could not be read back, and whether the
/// first field should take the keyboard.
#[derive(Clone, Debug, Default)]
struct Form {
    /// The review's generation and the record the texts are for.
    key: Option<(u64, Key)>,
    /// One text per field.
    texts: Vec<String>,
    /// The field that could not be read back, and why.
    error: Option<(&'static str, FieldError)>,
    /// Put the keyboard in the first field next frame.
    focus_first: bool,
}

/// Where the form is kept.
fn form_id() -> egui::Id {
    egui::Id::unique("review_form")
}

/// The form for the record shown: as typed, or afresh from the draft when
/// the record or the draft changed.
fn form(ctx: &egui::Context, review: &ReviewSession) -> Form {
    let key = review.current.clone().map(|k| (review.generation, k));
    let kept: Option<Form> = ctx.data(|d| d.get_temp(form_id()));
    match kept {
        Some(form) if form.key == key => form,
        kept => Form {
            key,
            texts: review.fields().into_iter().map(|f| f.value).collect(),
            error: None,
            // A request for the keyboard made before the record changed
            // holds for the new one.
            focus_first: kept.is_some_and(|f| f.focus_first),
        },
    }
}

fn store(ctx: &egui::Context, form: Form) {
    ctx.data_mut(|d| d.insert_temp(form_id(), form));
}

/// Enter, Delete, Up, Down and e while the review is shown, taken before
/// the panels are drawn. Not while a text field has the keyboard (nor
/// the frame after, as egui lets go of a field as Esc arrives) or a
/// dialog is open.
pub fn keys(cx: &PanelContext<'_>, ctx: &egui::Context, commands: &mut Commands) {
    let id = egui::Id::unique("review_typing");
    let typing_now = ctx.egui_wants_keyboard_input();
    let typing_before = ctx.data_mut(|d| {
        let before = d.get_temp::<bool>(id).unwrap_or(false);
        d.insert_temp(id, typing_now);
        before
    });
    let Some(review) = cx.review else {
        return;
    };
    if cx.dialog_open || typing_now || typing_before {
        return;
    }
    let none = egui::Modifiers::NONE;
    let (enter, delete, up, down, edit, kind) = ctx.input_mut(|input| {
        // Arrows pressed faster than frames are drawn all count.
        let keys = (
            input.consume_key(none, egui::Key::Enter),
            input.consume_key(none, egui::Key::Delete),
            input.count_and_consume_key(none, egui::Key::ArrowUp),
            input.count_and_consume_key(none, egui::Key::ArrowDown),
            input.consume_key(none, egui::Key::E),
            (
                input.consume_key(none, egui::Key::K),
                input.consume_key(none, egui::Key::M),
                input.consume_key(none, egui::Key::Q),
            ),
        );
        // The letters were keys for the review, not text to type.
        input.events.retain(|e| {
            !matches!(e, egui::Event::Text(t)
                if (keys.4 && t == "e") || (keys.5.0 && t == "k") || (keys.5.1 && t == "m")
                    || (keys.5.2 && t == "q"))
        });
        keys
    });
    let (kind, merge, quote) = kind;
    let lang = cx.session.lang();
    let rows = review.rows(lang);
    let at = review.current_index(&rows);
    if up != down {
        let (times, down) = (up.abs_diff(down), down > up);
        let mut to = at;
        for _ in 0..times {
            match model::step(&rows, to, down) {
                Some(next) => to = Some(next),
                None => break,
            }
        }
        if let Some(to) = to.filter(|&to| Some(to) != at) {
            commands.push(SessionCommand::Review(ReviewCommand::Select(
                rows[to].key(),
            )));
        }
        return;
    }
    let Some(key) = at
        .filter(|&i| !rows[i].status.is_gone())
        .map(|i| rows[i].key())
    else {
        return;
    };
    if enter {
        accept(ctx, review, key, commands);
    } else if delete {
        commands.push(SessionCommand::Review(ReviewCommand::Reject(key)));
    } else if edit {
        let mut form = form(ctx, review);
        form.focus_first = true;
        store(ctx, form);
    } else if kind && let Some(to) = next_kind(key.0) {
        commands.push(SessionCommand::Review(ReviewCommand::ChangeKind(key, to)));
    } else if merge {
        ctx.data_mut(|d| d.insert_temp(merge_focus_id(), true));
    } else if quote && has_quote(key.0) {
        let words = super::selection::selected(ctx).unwrap_or_default();
        commands.push(SessionCommand::Review(ReviewCommand::SetQuote(key, words)));
    }
}

/// Whether records of `kind` have a quote a selection can replace.
fn has_quote(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Target | Kind::Fact | Kind::Point | Kind::Fund | Kind::ExchangeRate
    )
}

/// The button that makes the words selected in the document the figure's
/// quote (also q), or a line saying how.
fn quote_ui(ui: &mut egui::Ui, key: &Key, lang: Lang, commands: &mut Commands) {
    if !has_quote(key.0) {
        return;
    }
    match super::selection::selected(ui.ctx()) {
        Some(words) => {
            if ui
                .button(tr(lang, T::ReviewUseSelection))
                .on_hover_text(tr(lang, T::ReviewUseSelectionHint))
                .clicked()
            {
                commands.push(SessionCommand::Review(ReviewCommand::SetQuote(
                    key.clone(),
                    words,
                )));
            }
        }
        None => {
            ui.weak(tr(lang, T::ReviewSelectToQuote));
        }
    }
}

fn merge_focus_id() -> egui::Id {
    egui::Id::unique("review_merge_focus")
}

/// The records the proposal can be merged into, a button each (the
/// likeliest first, at most five); m puts the keyboard on the first.
fn merge_ui(
    ui: &mut egui::Ui,
    review: &ReviewSession,
    key: &Key,
    lang: Lang,
    commands: &mut Commands,
) {
    let offered = review.review.merge_targets(key.0, &key.1);
    if offered.is_empty() {
        return;
    }
    let focus = ui
        .ctx()
        .data_mut(|d| d.remove_temp::<bool>(merge_focus_id()))
        .unwrap_or(false);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, T::ReviewMergeInto))
            .on_hover_text(tr(lang, T::ReviewMergeHint));
        for (i, into) in offered.into_iter().take(5).enumerate() {
            let button = ui
                .button(&into.name)
                .on_hover_text(tr(lang, T::ReviewMergeHint));
            if i == 0 && focus {
                button.request_focus();
            }
            if button.clicked() {
                commands.push(SessionCommand::Review(ReviewCommand::Merge(
                    key.clone(),
                    into,
                )));
            }
        }
    });
}

/// The kind `k` turns a figure of `kind` into: the next of
/// [`CONVERTIBLE`]; `None` for records that are not such figures.
fn next_kind(kind: Kind) -> Option<Kind> {
    let at = CONVERTIBLE.iter().position(|&k| k == kind)?;
    Some(CONVERTIBLE[(at + 1) % CONVERTIBLE.len()])
}

/// A figure's kind, as buttons: the one it is, and the others it can be
/// made (also by k).
fn kind_ui(ui: &mut egui::Ui, key: &Key, lang: Lang, commands: &mut Commands) {
    if !CONVERTIBLE.contains(&key.0) {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(tr(lang, T::ReviewKind));
        for to in CONVERTIBLE {
            let word = match to {
                Kind::Target => T::RecordTarget,
                Kind::Fact => T::RecordFact,
                _ => T::RecordPoint,
            };
            if ui
                .selectable_label(key.0 == to, tr(lang, word))
                .on_hover_text(tr(lang, T::ReviewKindHint))
                .clicked()
                && key.0 != to
            {
                commands.push(SessionCommand::Review(ReviewCommand::ChangeKind(
                    key.clone(),
                    to,
                )));
            }
        }
    });
}

/// Accepts `key`'s record with what the form holds (an edit not applied
/// yet goes with it); a field that cannot be read back stops it, and the
/// form says why.
fn accept(ctx: &egui::Context, review: &ReviewSession, key: Key, commands: &mut Commands) {
    let mut form = form(ctx, review);
    match model::changes(&review.fields(), &form.texts) {
        Ok(changes) => {
            commands.push(SessionCommand::Review(ReviewCommand::Accept(key, changes)));
        }
        Err(error) => {
            form.error = Some(error);
            store(ctx, form);
        }
    }
}

/// Draws the review in the space below the top bars.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let Some(review) = cx.review else {
        return;
    };
    let width = ui.available_width();
    egui::Panel::left("review_queue")
        .resizable(true)
        .default_size((width * 0.36).max(280.0_f32.min(width * 0.5)))
        .size_range(240.0_f32.min(width * 0.4)..=(width * 0.6).max(240.0))
        .show(ui, |ui| queue_side_ui(cx, review, ui, commands));
    egui::CentralPanel::default().show(ui, |ui| {
        record_ui(cx, review, ui, commands);
        ui.separator();
        document_ui(cx, review, ui, commands);
    });
}

/// The document's name, the progress, Save and Close, the keys, what went
/// wrong last, and the queue.
fn queue_side_ui(
    cx: &PanelContext<'_>,
    review: &ReviewSession,
    ui: &mut egui::Ui,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let name = super::import_job::document_name(&review.review);
    ui.add(
        egui::Label::new(egui::RichText::new(fill(lang, T::ReviewOf, &[&name])).strong()).wrap(),
    );
    let (reviewed, total) = review.progress();
    ui.horizontal(|ui| {
        ui.label(model::progress_text(lang, (reviewed, total)));
        #[expect(
            clippy::cast_precision_loss,
            reason = "a share of a few thousand records"
        )]
        let share = if total == 0 {
            1.0
        } else {
            reviewed as f32 / total as f32
        };
        ui.add(egui::ProgressBar::new(share).desired_width(120.0));
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr(lang, T::SaveEditionMenu)).clicked() {
            commands.push(SessionCommand::Review(ReviewCommand::OpenSaveDialog));
        }
        if ui
            .button(tr(lang, T::ReviewClose))
            .on_hover_text(tr(lang, T::ReviewCloseHint))
            .clicked()
        {
            commands.push(SessionCommand::Review(ReviewCommand::Close));
        }
    });
    let draft = fill(lang, T::ReviewDraftAt, &[&review.draft.display()]);
    ui.add(egui::Label::new(egui::RichText::new(&draft).small().weak()).truncate())
        .on_hover_text(draft);
    ui.add(egui::Label::new(egui::RichText::new(tr(lang, T::ReviewKeys)).small().weak()).wrap());
    if reviewed == total && total > 0 {
        ui.add(egui::Label::new(tr(lang, T::ReviewDone)).wrap());
    }
    ui.separator();
    queue_ui(cx, review, ui, commands);
}

/// The queue, only the rows in view laid out; the row shown kept in view
/// as the keys move it.
fn queue_ui(
    cx: &PanelContext<'_>,
    review: &ReviewSession,
    ui: &mut egui::Ui,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let rows = review.rows(lang);
    if rows.is_empty() {
        ui.weak(tr(lang, T::ReviewNoRecord));
        return;
    }
    let current = review.current_index(&rows);
    let row_height = ui.spacing().interact_size.y;
    let step = row_height + ui.spacing().item_spacing.y;
    // The row shown, when it moved since the last frame, is brought into
    // view (the rows out of view are not laid out, so it is placed by
    // its number).
    let follow_id = egui::Id::unique("review_queue_follow");
    let (last_current, last_offset, view_height): (Option<usize>, f32, f32) = ui
        .ctx()
        .data(|d| d.get_temp(follow_id))
        .unwrap_or((None, 0.0, 0.0));
    let mut area = egui::ScrollArea::vertical()
        .id_salt("review_queue_rows")
        .auto_shrink([false, false]);
    if current != last_current
        && let Some(i) = current
    {
        #[expect(clippy::cast_precision_loss, reason = "row numbers are small")]
        let top = i as f32 * step;
        if top < last_offset || top + step > last_offset + view_height {
            area = area.vertical_scroll_offset((top - view_height / 3.0).max(0.0));
        }
    }
    let output = area.show_rows(ui, row_height, rows.len(), |ui, range| {
        for i in range {
            let row = &rows[i];
            if row_ui(ui, row, current == Some(i), lang).clicked() {
                commands.push(SessionCommand::Review(ReviewCommand::Select(row.key())));
            }
        }
    });
    let state = (
        current,
        output.state.clamped_offset().y,
        output.inner_rect.height(),
    );
    ui.ctx().data_mut(|d| d.insert_temp(follow_id, state));
}

/// The colour a status is written in.
fn status_color(visuals: &egui::Visuals, status: Status) -> egui::Color32 {
    match status {
        Status::Pending | Status::Merged => visuals.weak_text_color(),
        Status::Edited => visuals.warn_fg_color,
        Status::Accepted { .. } if visuals.dark_mode => egui::Color32::from_rgb(0x7c, 0xd3, 0x8c),
        Status::Accepted { .. } => egui::Color32::from_rgb(0x1a, 0x6e, 0x32),
        Status::Rejected => visuals.error_fg_color,
    }
}

/// One row: indented by depth, its label cut to fit and its status at
/// the right, a rejected one struck through. Screen readers hear both in
/// one ("1. Title · pending").
fn row_ui(ui: &mut egui::Ui, row: &Row, selected: bool, lang: Lang) -> egui::Response {
    ui.horizontal(|ui| {
        ui.add_space(f32::from(row.depth) * 14.0);
        let visuals = ui.visuals().clone();
        let status = egui::RichText::new(row.status.word(lang))
            .small()
            .color(status_color(&visuals, row.status));
        let status_width = {
            let galley = egui::WidgetText::from(status.clone()).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Small,
            );
            galley.size().x + ui.spacing().item_spacing.x * 2.0
        };
        let mut label = egui::RichText::new(&row.label);
        if row.status.is_gone() {
            label = label.strikethrough().color(visuals.weak_text_color());
        }
        let width = (ui.available_width() - status_width).max(40.0);
        let response = ui
            .scope(|ui| {
                ui.set_max_width(width);
                ui.add(egui::Button::selectable(selected, label).truncate())
            })
            .inner;
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(status);
        });
        let line = row.line(lang);
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_label(line.clone()));
        response.on_hover_text(line)
    })
    .inner
}

/// The record shown: what it is, its fields, Accept, Reject, Apply edit.
fn record_ui(
    cx: &PanelContext<'_>,
    review: &ReviewSession,
    ui: &mut egui::Ui,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let rows = review.rows(lang);
    let Some(at) = review.current_index(&rows) else {
        ui.weak(tr(lang, T::ReviewNoRecord));
        return;
    };
    let row = &rows[at];
    let key = row.key();
    ui.horizontal_wrapped(|ui| {
        // A node's kind by its level; other rows name their kind.
        if key.0 == crate::import::review::Kind::Node {
            ui.weak(model::record_kind(&review.review, key.0, &key.1, lang));
        }
        ui.strong(&row.label);
        ui.colored_label(
            status_color(ui.visuals(), row.status),
            row.status.word(lang),
        );
    });
    if row.status.is_gone() {
        return;
    }
    kind_ui(ui, &key, lang, commands);
    merge_ui(ui, review, &key, lang, commands);
    quote_ui(ui, &key, lang, commands);
    let fields = review.fields();
    let mut form = form(ui.ctx(), review);
    form.texts.resize(fields.len(), String::new());
    let mut apply = fields_ui(ui, review, &fields, &mut form, lang);
    if let Some((field, error)) = &form.error {
        let label = fields
            .iter()
            .find(|f| f.field == *field)
            .map_or_else(|| (*field).to_owned(), |f| f.label(lang));
        ui.colored_label(
            ui.visuals().error_fg_color,
            fill(lang, T::ReviewFieldRefused, &[&label, &error.text(lang)]),
        );
    }
    let changes = model::changes(&fields, &form.texts);
    ui.horizontal(|ui| {
        if ui
            .button(tr(lang, T::ReviewAccept))
            .on_hover_text(tr(lang, T::ReviewAcceptHint))
            .clicked()
        {
            match &changes {
                Ok(changes) => commands.push(SessionCommand::Review(ReviewCommand::Accept(
                    key.clone(),
                    changes.clone(),
                ))),
                Err(error) => form.error = Some(error.clone()),
            }
        }
        if ui
            .button(tr(lang, T::ReviewReject))
            .on_hover_text(tr(lang, T::ReviewRejectHint))
            .clicked()
        {
            commands.push(SessionCommand::Review(ReviewCommand::Reject(key.clone())));
        }
        let edited = changes.as_ref().map_or(true, |c| !c.is_empty());
        if ui
            .add_enabled(edited, egui::Button::new(tr(lang, T::ReviewApply)))
            .on_hover_text(tr(lang, T::ReviewApplyHint))
            .clicked()
        {
            apply = true;
        }
    });
    // Why the last decision was not made, or not kept, by the buttons that
    // made it.
    if let Some(message) = &review.message {
        super::style::error_line(ui, message.text(lang));
    }
    if apply {
        match changes {
            Ok(changes) if !changes.is_empty() => {
                form.error = None;
                commands.push(SessionCommand::Review(ReviewCommand::Edit(key, changes)));
            }
            Ok(_) => {}
            Err(error) => form.error = Some(error),
        }
    }
    store(ui.ctx(), form);
}

/// The record's fields, each a text field named by its label; gives
/// whether Enter in one asked for the edit to be applied.
fn fields_ui(
    ui: &mut egui::Ui,
    review: &ReviewSession,
    fields: &[model::FieldRow],
    form: &mut Form,
    lang: Lang,
) -> bool {
    let mut apply = false;
    let mut revert = false;
    egui::ScrollArea::vertical()
        .id_salt("review_form")
        .max_height(ui.available_height() * 0.4)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("review_fields")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    for (i, (field, text)) in fields.iter().zip(&mut form.texts).enumerate() {
                        let label = ui.label(field.label(lang));
                        let width = ui.available_width().max(200.0);
                        let edit = match field.kind {
                            FieldKind::Paragraph => egui::TextEdit::multiline(text)
                                .desired_rows(3)
                                .return_key(None),
                            _ => egui::TextEdit::singleline(text),
                        };
                        let edit = match field.kind {
                            FieldKind::Choice(choices) => edit.hint_text(choices.join(", ")),
                            FieldKind::Period => edit.hint_text("2025-2027"),
                            _ => edit,
                        };
                        let response = ui
                            .add(
                                edit.id_salt(("review_field", field.field))
                                    .desired_width(width),
                            )
                            .labelled_by(label.id);
                        if i == 0 && form.focus_first {
                            response.request_focus();
                            form.focus_first = false;
                        }
                        // Esc leaves the field, and the edit not applied
                        // with it: the form shows the record as it is.
                        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                            revert = true;
                        }
                        // Enter applies: a line gives up the keyboard by
                        // itself; a paragraph is made to.
                        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if field.kind == FieldKind::Paragraph && response.has_focus() && enter {
                            response.surrender_focus();
                            apply = true;
                        } else if response.lost_focus() && enter {
                            apply = true;
                        }
                        ui.end_row();
                        // The units by name, as the ids typed name them.
                        if field.kind == FieldKind::Ids && !text.trim().is_empty() {
                            ui.label("");
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(model::unit_names(
                                        &review.review,
                                        text,
                                        lang,
                                    ))
                                    .small()
                                    .weak(),
                                )
                                .wrap(),
                            );
                            ui.end_row();
                        }
                    }
                });
        });
    if revert {
        form.texts = fields.iter().map(|f| f.value.clone()).collect();
        form.error = None;
    }
    apply
}

/// The document, every proposal shaded, the record shown highlighted and
/// scrolled to; a click on a proposal shows its record.
fn document_ui(
    cx: &PanelContext<'_>,
    review: &ReviewSession,
    ui: &mut egui::Ui,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let (Some(text), Some(source)) = (review.text(), review.source) else {
        ui.label(tr(lang, T::SourceNoText));
        return;
    };
    let place = review.place();
    if place.highlight.is_none() && review.current.is_some() {
        ui.weak(tr(lang, T::ReviewNoPlace));
    }
    let spot = Spot {
        source,
        range: place.highlight.clone(),
    };
    let rows = review.rows(lang);
    let hover = |i: usize| {
        let names: Vec<&str> = text.passages[i]
            .quoted_by
            .iter()
            .filter_map(|q| model::key_of(&review.review, q.record))
            .filter_map(|key| model::index_of(&rows, &key))
            .map(|i| rows[i].label.as_str())
            .collect();
        fill(lang, T::SourceQuotedHover, &[&names.join("; ")])
    };
    // The text stays laid out across decisions: only its shading changes.
    let key = {
        use std::hash::{Hash as _, Hasher as _};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        review.draft.hash(&mut hasher);
        text.text.len().hash(&mut hasher);
        hasher.finish()
    };
    let view = TextView {
        id: egui::Id::unique("review_document_layout"),
        key: (key, source),
        text,
        spot: &spot,
        place: &place,
        hover: &hover,
    };
    if let Some(passage) = document_text_ui(ui, &view)
        && let Some(i) =
            model::row_of_passage(&review.review, &review.proof, source, passage, &rows)
    {
        commands.push(SessionCommand::Review(ReviewCommand::Select(rows[i].key())));
    }
}
