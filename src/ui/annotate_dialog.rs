//! The Annotate dialog: a note on the selected mark (on a map: on the cell
//! last clicked, right-clicked or reached by the keyboard), a span of
//! years, or a reference line at a value (typed in the chart axis's own
//! unit, e.g. trillion yuan), with the user's words. Opened from the chart's menu
//! (right click), the Views panel, or Ctrl+M.

use super::{Commands, PanelContext, SessionCommand};
use crate::chart::axis::ValueScale;
use crate::dataset::FigureRef;
use crate::i18n::{T, fill, tr};
use crate::view::annotations::{Annotation, Cell};
use crate::view::charts::ChartId;

/// What kind of annotation the dialog makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A note on the selected mark.
    Note,
    /// A span of years.
    Span,
    /// A reference line.
    Line,
}

/// The Annotate dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotateDialog {
    /// The chart annotated.
    pub chart: ChartId,
    /// The kind.
    pub kind: Kind,
    /// The mark a note goes on, if a figure is selected.
    pub figure: Option<FigureRef>,
    /// On a map, the cell a note goes on, if one was chosen.
    pub cell: Option<Cell>,
    /// The user's words.
    pub text: String,
    /// A span's first and last years.
    pub years: (i32, i32),
    /// A line's value as typed, in the axis's unit.
    pub value: String,
    /// Whether the dialog has given the keyboard to its first field (once,
    /// when it opens: the chart that had it gives it up).
    pub focused: bool,
}

/// A fresh dialog for the chart on screen: a note on the selected mark if
/// one is selected, else a span of the 15th Five-Year Plan's years.
pub fn dialog(cx: &PanelContext<'_>) -> super::Dialog {
    let chart = cx.session.settings.chart;
    let is_map = chart.map_rows().is_some();
    // A map's notes go on cells, a chart's on figures.
    let figure = super::charts_panel::selected_figure(cx).filter(|_| !is_map);
    let cell = chosen_cell(cx, chart);
    super::Dialog::Annotate(AnnotateDialog {
        chart,
        // The first kind the chart takes: a chart without years (the
        // funds) offers its reference line, not a span it cannot draw; a
        // map takes only notes.
        kind: if figure.is_some() || is_map {
            Kind::Note
        } else if has_years(chart) || !has_values(chart) {
            Kind::Span
        } else {
            Kind::Line
        },
        figure,
        cell,
        text: String::new(),
        years: (2026, 2030),
        value: String::new(),
        focused: false,
    })
}

/// The cell of `chart` (a map) last chosen, if it is still in the dataset.
fn chosen_cell(cx: &PanelContext<'_>, chart: ChartId) -> Option<Cell> {
    let (on, row, plan) = cx.session.chosen_cell.as_ref()?;
    let data = &cx.doc.dataset;
    (*on == chart).then_some(())?;
    Some(Cell {
        row: row.key(data)?,
        plan: data.plan_by_id(plan)?,
    })
}

/// Whether the chart has a value axis a reference line can stand on.
fn has_values(chart: ChartId) -> bool {
    matches!(
        chart,
        ChartId::IndustrialOutput | ChartId::GdpShare | ChartId::Funds
    )
}

/// Whether the chart has years a span can cover.
fn has_years(chart: ChartId) -> bool {
    matches!(
        chart,
        ChartId::IndustrialOutput | ChartId::GdpShare | ChartId::Timeline
    )
}

/// The chart's value scale, as its axis writes it.
fn scale(cx: &PanelContext<'_>, chart: ChartId) -> Option<ValueScale> {
    let rows = crate::view::table::chart_rows(
        &cx.doc.dataset,
        chart,
        &std::collections::BTreeSet::new(),
        cx.session.lang(),
    );
    let unit = rows.first()?.unit;
    let max = rows.iter().map(|r| r.value).fold(0.0, f64::max);
    Some(ValueScale::of(unit, max, cx.session.convention()))
}

/// The dialog.
pub fn ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut AnnotateDialog,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    ui.set_max_width(520.0);
    let is_map = dialog.chart.map_rows().is_some();
    ui.label(fill(
        lang,
        if is_map {
            T::AnnotateIntroMap
        } else {
            T::AnnotateIntro
        },
        &[&crate::chart::chart_name(dialog.chart, lang)],
    ));
    let has_values = has_values(dialog.chart);
    let has_years = has_years(dialog.chart);
    ui.horizontal(|ui| {
        if is_map {
            ui.add_enabled_ui(dialog.cell.is_some(), |ui| {
                ui.radio_value(&mut dialog.kind, Kind::Note, tr(lang, T::AnnotateCell));
            });
        } else {
            ui.add_enabled_ui(dialog.figure.is_some(), |ui| {
                ui.radio_value(&mut dialog.kind, Kind::Note, tr(lang, T::AnnotateNote));
            });
        }
        ui.add_enabled_ui(has_years, |ui| {
            ui.radio_value(&mut dialog.kind, Kind::Span, tr(lang, T::AnnotateSpan));
        });
        ui.add_enabled_ui(has_values, |ui| {
            ui.radio_value(&mut dialog.kind, Kind::Line, tr(lang, T::AnnotateLine));
        });
    });
    let annotation = kind_ui(cx, ui, dialog);
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, T::AnnotateWords));
        let words = ui
            .add(
                egui::TextEdit::multiline(&mut dialog.text)
                    .desired_rows(2)
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
        // The words are what is typed first (Ctrl+M, type, Ctrl+Enter):
        // the field takes the keyboard when the dialog opens.
        if !dialog.focused {
            words.request_focus();
            dialog.focused = true;
        }
    });
    // Ctrl+Enter adds, from the words' field or anywhere in the dialog.
    let add_by_keys = ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
    ui.weak(tr(lang, T::AnnotateWordsHint));
    ui.separator();
    ui.horizontal(|ui| {
        let add = ui
            .add_enabled(
                annotation.is_some(),
                egui::Button::new(tr(lang, T::AnnotateAdd)),
            )
            .on_hover_text("Ctrl+Enter");
        if (add.clicked() || add_by_keys)
            && let Some(annotation) = annotation
        {
            commands.push(SessionCommand::Annotate(dialog.chart, annotation));
            commands.push(SessionCommand::CloseDialog);
        }
        if ui.button(tr(lang, T::Cancel)).clicked() {
            commands.push(SessionCommand::CloseDialog);
        }
    });
}

/// The fields of the kind chosen; the annotation they make, once they
/// make one.
fn kind_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    dialog: &mut AnnotateDialog,
) -> Option<Annotation> {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let scale = scale(cx, dialog.chart);
    let mut annotation = None;
    match dialog.kind {
        Kind::Note if dialog.chart.map_rows().is_some() => match dialog.cell {
            Some(cell) => {
                let (row, plan) = cell.names(data, lang);
                ui.label(fill(lang, T::AnnotateCellOn, &[&row, &plan]));
                if !dialog.text.trim().is_empty() {
                    annotation = Some(cell.note(data, dialog.text.trim()));
                }
            }
            None => {
                ui.weak(tr(lang, T::AnnotateChooseCellFirst));
            }
        },
        Kind::Note => match dialog.figure {
            Some(figure) => {
                ui.label(fill(
                    lang,
                    T::AnnotateOn,
                    &[&crate::view::figure_name(data, figure, lang)],
                ));
                if !dialog.text.trim().is_empty() {
                    annotation = Some(Annotation::Note {
                        figure: data.figure_id(figure).into(),
                        text: dialog.text.trim().to_owned(),
                    });
                }
            }
            None => {
                ui.weak(tr(lang, T::AnnotateSelectFirst));
            }
        },
        Kind::Span => {
            ui.horizontal(|ui| {
                ui.label(tr(lang, T::AnnotateFrom));
                ui.add(egui::DragValue::new(&mut dialog.years.0).range(1900..=2100));
                ui.label(tr(lang, T::AnnotateTo));
                ui.add(egui::DragValue::new(&mut dialog.years.1).range(1900..=2100));
            });
            if dialog.years.0 <= dialog.years.1 {
                annotation = Some(Annotation::Span {
                    from: dialog.years.0,
                    to: dialog.years.1,
                    label: dialog.text.trim().to_owned(),
                });
            } else {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    crate::view::annotations::Fault::SpanBackwards {
                        from: dialog.years.0,
                        to: dialog.years.1,
                    }
                    .text(lang),
                );
            }
        }
        Kind::Line => {
            let unit = scale.as_ref().map_or_else(String::new, |s| s.name(lang));
            ui.horizontal(|ui| {
                let label = ui.label(fill(lang, T::AnnotateValue, &[&unit]));
                let value = ui
                    .add(egui::TextEdit::singleline(&mut dialog.value).desired_width(120.0))
                    .labelled_by(label.id);
                // A line needs its value first: typed before the words.
                if !dialog.focused {
                    value.request_focus();
                    dialog.focused = true;
                }
            });
            let typed = dialog.value.trim().replace(',', "");
            match (typed.parse::<f64>(), &scale) {
                (Ok(value), Some(scale)) if value.is_finite() => {
                    annotation = Some(Annotation::Line {
                        value: value * scale.divisor,
                        label: dialog.text.trim().to_owned(),
                    });
                }
                _ if typed.is_empty() => {}
                _ => {
                    ui.colored_label(ui.visuals().error_fg_color, tr(lang, T::AnnotateNotANumber));
                }
            }
        }
    }
    annotation
}
