//! The "Check a draft" panel, in the tree's place while it is open: a box
//! to paste a draft into (or a file opened), Check, and the claims with
//! their verdicts, each a click away from its record (in the details) and
//! its place in the source (in the viewer); Save reviewed .docx for a
//! Word draft.

use super::check::CheckCommand;
use super::{Commands, DocCommand, PanelContext, SessionCommand};
use crate::check::Verdict;
use crate::i18n::{Lang, T, fill, tr};
use crate::selection::Item;
use crate::view::check::{CheckView, ClaimRow};

/// Draws the panel.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    let check = &cx.session.check;
    ui.horizontal(|ui| {
        ui.heading(tr(lang, T::CheckDraft));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr(lang, T::CheckClose)).clicked() {
                commands.push(SessionCommand::Check(CheckCommand::Close));
            }
        });
    });
    ui.add(egui::Label::new(tr(lang, T::CheckIntro)).wrap());
    if let Some((path, _)) = &check.file {
        ui.weak(fill(lang, T::CheckFromFile, &[&path.display()]));
    }
    // The box: edits go back as commands, so the panel stays read-only.
    let mut text = check.text.clone();
    let label = ui.label(tr(lang, T::CheckDraftText));
    let response = egui::ScrollArea::vertical()
        .id_salt("check_text")
        .max_height(ui.available_height() * 0.3)
        .show(ui, |ui| {
            ui.add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
        })
        .inner;
    if response.changed() {
        commands.push(SessionCommand::Check(CheckCommand::SetText(text)));
    }
    buttons_ui(cx, ui, &response, commands);
    if let Some(message) = &check.message {
        let color = if matches!(message, super::check::CheckMessage::Saved(..)) {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().warn_fg_color
        };
        ui.add(egui::Label::new(egui::RichText::new(message.text(lang)).color(color)).wrap());
    }
    if let Some((_, draft)) = &check.file
        && draft.text == check.text
    {
        for note in draft.notes_text(lang) {
            ui.add(egui::Label::new(egui::RichText::new(note).weak()).wrap());
        }
    }
    let Some((checked_text, report)) = &check.checked else {
        return;
    };
    ui.separator();
    if *checked_text != check.text {
        ui.colored_label(ui.visuals().warn_fg_color, tr(lang, T::CheckStale));
    }
    if check.generation != cx.doc.generation {
        ui.colored_label(ui.visuals().warn_fg_color, tr(lang, T::CheckOtherData));
        return;
    }
    if report.claims.is_empty() {
        ui.label(tr(lang, T::CheckNoFigures));
        return;
    }
    let view = CheckView::new(&cx.doc.dataset, &cx.doc.proof, checked_text, report, lang);
    let counts: Vec<String> = view
        .counts
        .iter()
        .map(|(v, n)| format!("{n} {}", v.text(lang)))
        .collect();
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    ui.strong(fill(
        lang,
        T::CheckFigures,
        &[&view.rows.len(), &counts.join(sep)],
    ));
    egui::ScrollArea::vertical()
        .id_salt("check_claims")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, row) in view.rows.iter().enumerate() {
                ui.push_id(i, |ui| row_ui(ui, row, lang, commands));
                ui.separator();
            }
        });
}

/// Check, Open file… and Save reviewed .docx.
fn buttons_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    response: &egui::Response,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let check = &cx.session.check;
    ui.horizontal_wrapped(|ui| {
        let run = ui
            .add_enabled(
                !check.text.trim().is_empty(),
                egui::Button::new(tr(lang, T::CheckRun)),
            )
            .clicked();
        let ctrl_enter = response.has_focus()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
        if run || ctrl_enter {
            commands.push(SessionCommand::Check(CheckCommand::Run));
        }
        if ui.button(tr(lang, T::CheckOpenFile)).clicked() {
            commands.push(SessionCommand::Check(CheckCommand::OpenFileDialog));
        }
        let can_save = check.docx().is_some() && check.checked.is_some();
        let save = ui
            .add_enabled(can_save, egui::Button::new(tr(lang, T::CheckSaveReviewed)))
            .on_hover_text(tr(lang, T::CheckSaveReviewedHint))
            .on_disabled_hover_text(tr(lang, T::CheckSaveOnlyWord));
        if save.clicked() {
            commands.push(SessionCommand::Check(CheckCommand::SaveReviewed));
        }
    });
}

/// The colour of a verdict's badge.
fn verdict_color(ui: &egui::Ui, verdict: Verdict) -> egui::Color32 {
    let visuals = ui.visuals();
    match verdict {
        Verdict::Agrees => {
            if visuals.dark_mode {
                egui::Color32::from_rgb(110, 200, 120)
            } else {
                egui::Color32::from_rgb(30, 120, 50)
            }
        }
        Verdict::Differs => visuals.error_fg_color,
        Verdict::DropsQualifier | Verdict::DropsCaveat | Verdict::Ambiguous => {
            visuals.warn_fg_color
        }
        Verdict::Unknown => visuals.weak_text_color(),
    }
}

/// One claim: its verdict, the figure, where it is, what the data says,
/// and the links to the record and the source.
fn row_ui(ui: &mut egui::Ui, row: &ClaimRow, lang: Lang, commands: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(row.verdict.text(lang))
                .strong()
                .color(verdict_color(ui, row.verdict)),
        );
        ui.label(egui::RichText::new(format!("“{}”", row.text)).strong());
        ui.weak(fill(lang, T::CheckLineColumn, &[&row.line, &row.column]));
    });
    ui.add(egui::Label::new(&row.message).wrap());
    ui.horizontal_wrapped(|ui| {
        for (figure, id, spot) in &row.records {
            if ui
                .link(id)
                .on_hover_text(fill(lang, T::CheckShowRecord, &[id]))
                .clicked()
            {
                commands.push(DocCommand::Select(Item::Figure(*figure)));
            }
            if let Some(spot) = spot
                && ui
                    .small_button("↗")
                    .on_hover_text(tr(lang, T::CheckShowSource))
                    .clicked()
            {
                commands.push(DocCommand::Select(Item::Figure(*figure)));
                commands.push(SessionCommand::OpenSource(spot.clone()));
            }
        }
    });
    for (context, spot) in &row.hits {
        if ui
            .add(
                egui::Button::new(egui::RichText::new(context).small())
                    .frame(false)
                    .wrap(),
            )
            .on_hover_text(tr(lang, T::CheckShowSource))
            .clicked()
        {
            commands.push(SessionCommand::OpenSource(spot.clone()));
        }
    }
}
