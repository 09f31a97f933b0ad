//! The problems panel: why a file did not load (the dataset on screen
//! stays as it was), and the proof's problems of the dataset on screen
//! (quotes not found in their documents, texts whose hash differs), one
//! located line per problem, copyable. A quote not found whose document
//! has a passage near it is one click from that passage in the source
//! viewer, the differing words marked.
//!
//! Each problem is one line (the whole on hover), so only the lines in
//! view are laid out however many there are.

use std::path::PathBuf;
use std::sync::Arc;

use super::messages::located;
use super::{Commands, PanelContext, SessionCommand};
use crate::dataset::proof::Spot;
use crate::dataset::{Problem, ProblemKind};
use crate::i18n::{Lang, T, fill, tr};

/// The proof's problems of the document on screen, unless the user closed
/// them.
pub fn proof_problems<'a>(cx: &PanelContext<'a>) -> &'a [Problem] {
    if cx.session.proof_problems_closed == Some(cx.doc.generation) {
        return &[];
    }
    &cx.doc.proof.problems
}

/// Whether the panel has anything to show.
pub fn is_open(cx: &PanelContext<'_>) -> bool {
    cx.session.problems.is_some() || !proof_problems(cx).is_empty()
}

/// How many problems the panel lists.
pub fn count(cx: &PanelContext<'_>) -> usize {
    cx.session.problems.as_ref().map_or(0, |p| p.problems.len()) + proof_problems(cx).len()
}

/// One line of the panel.
enum Row<'a> {
    /// Why the file did not load: the heading.
    LoadHeading,
    /// Why the file did not load: one problem.
    Load(&'a str),
    /// The proof's problems: the heading.
    ProofHeading,
    /// One of the proof's problems, with the nearest passage to open.
    Proof(&'a str, Option<Spot>),
}

/// Draws the panel's content.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    // Written now, so a language switch rewrites them.
    let load_lines = cx.session.problems.as_ref().map(|p| p.lines(lang));
    let proof = proof_problems(cx);
    let proof_lines = proof_lines(cx, ui, lang);
    // The buttons come first so a long path never pushes them away.
    ui.horizontal(|ui| {
        if ui.button(tr(lang, T::Close)).clicked() {
            commands.push(SessionCommand::DismissProblems);
        }
        if ui.button(tr(lang, T::CopyAll)).clicked() {
            let all: Vec<&str> = load_lines
                .iter()
                .flat_map(|lines| lines.iter())
                .chain(proof_lines.iter())
                .map(String::as_str)
                .collect();
            ui.ctx().copy_text(all.join("\n"));
        }
    });
    let mut rows: Vec<Row<'_>> = Vec::new();
    if let Some(lines) = &load_lines {
        rows.push(Row::LoadHeading);
        rows.extend(lines.iter().map(|l| Row::Load(l)));
    }
    if !proof.is_empty() {
        rows.push(Row::ProofHeading);
        rows.extend(
            proof
                .iter()
                .zip(proof_lines.iter())
                .map(|(problem, line)| Row::Proof(line, nearest_spot(cx, problem))),
        );
    }
    let row_height = ui
        .spacing()
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Monospace));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in &rows[range] {
                row_ui(cx, ui, row, proof.len(), commands);
            }
        });
}

/// One line: a heading, or a problem (shortened to fit, the whole on
/// hover), with its nearest passage's button.
fn row_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    row: &Row<'_>,
    proof_count: usize,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let line = |ui: &mut egui::Ui, text: &str| {
        // A line cut short shows itself whole on hover.
        ui.add(
            egui::Label::new(egui::RichText::new(text).monospace())
                .truncate()
                .selectable(true),
        );
    };
    match row {
        Row::LoadHeading => {
            let Some(problems) = &cx.session.problems else {
                return;
            };
            let heading = fill(
                lang,
                T::DidNotLoad,
                &[&problems.file.display(), &problems.problems.len()],
            );
            // Cut short, it shows itself whole on hover.
            ui.add(
                egui::Label::new(egui::RichText::new(&heading).color(ui.visuals().error_fg_color))
                    .truncate(),
            );
        }
        Row::Load(text) => line(ui, text),
        Row::ProofHeading => {
            let heading = fill(
                lang,
                T::ProofProblems,
                &[&cx.doc.source_name(lang), &proof_count],
            );
            ui.add(
                egui::Label::new(egui::RichText::new(&heading).color(ui.visuals().warn_fg_color))
                    .truncate(),
            );
        }
        Row::Proof(text, spot) => {
            ui.horizontal(|ui| {
                if let Some(spot) = spot
                    && ui
                        .small_button(tr(lang, T::ShowNearest))
                        .on_hover_text(tr(lang, T::ShowNearestHint))
                        .clicked()
                {
                    commands.push(SessionCommand::OpenSource(spot.clone()));
                }
                line(ui, text);
            });
        }
    }
}

/// Where a quote not found has its nearest passage, if it has one in a
/// text the proof holds.
fn nearest_spot(cx: &PanelContext<'_>, problem: &Problem) -> Option<Spot> {
    let ProblemKind::NotVerbatim {
        nearest: Some(near),
        ..
    } = &problem.kind
    else {
        return None;
    };
    let source = cx.doc.dataset.source_by_id(&near.source)?;
    cx.doc.proof.text(source)?;
    Some(Spot {
        source,
        range: Some(near.range.clone()),
    })
}

/// Lines as written for a document (by generation) in a language.
type Written = ((u64, Lang), Arc<[String]>);

/// The proof's problems as lines naming the file, in `lang`: written once
/// per document and language, however many frames show them.
fn proof_lines(cx: &PanelContext<'_>, ui: &egui::Ui, lang: Lang) -> Arc<[String]> {
    let problems = proof_problems(cx);
    if problems.is_empty() {
        return Arc::from(Vec::new());
    }
    let id = egui::Id::unique("proof_problem_lines");
    let key = (cx.doc.generation, lang);
    let cached: Option<Written> = ui.ctx().data(|d| d.get_temp(id));
    if let Some((cached_key, lines)) = cached
        && cached_key == key
    {
        return lines;
    }
    let file = PathBuf::from(cx.doc.source_name(lang));
    let lines: Arc<[String]> = problems
        .iter()
        .map(|problem| located(lang, &file, problem))
        .collect();
    ui.ctx()
        .data_mut(|d| d.insert_temp(id, (key, Arc::clone(&lines))));
    lines
}
