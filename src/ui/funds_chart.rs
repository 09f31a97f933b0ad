//! The fund allocations in the window: horizontal bars by level, largest
//! on top, on a linear or log axis ([`crate::view::charts::FundsAxis`]),
//! "over" after a lower bound, the funds without a bar listed above; hover
//! shows a fund's source and quote, a click or Enter selects it.

use std::collections::HashSet;

use egui_plot::{Bar, BarChart, GridMark, Plot, PlotPoint, Text};

use super::charts_panel::{caveats_ui, chart_menu, legend_entry_ui, selected_figure};
use super::style::level_color;
use super::{Commands, DocCommand, PanelContext, SessionCommand, chart_keys, plot_notes};
use crate::dataset::{Dataset, FigureRef, FundLevel};
use crate::i18n::{Lang, T, fill, tr};
use crate::selection::Item;
use crate::view::amount::{self, Convention};
use crate::view::charts::{self, ChartId, LegendKey, fund_bars, level_label, visible_bars};
use crate::view::{hover, marks};

/// The funds not drawn as bars, above the plot: those whose documents
/// state no amount, and amounts per recipient (not a fund's size); each a
/// link to its details.
fn funds_apart_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    without_amount: &[FigureRef],
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let convention = cx.session.convention();
    // Funds whose documents state no amount are listed above the plot,
    // which takes all the height left below.
    // Each link on a line of its own: a link that wraps inside a
    // horizontal layout gets a second, nameless widget for its second
    // line, and Tab would stop on it.
    if !without_amount.is_empty() {
        ui.label(tr(lang, T::WithoutAmount));
        ui.indent("without_amount", |ui| {
            for &figure in without_amount {
                if let FigureRef::Fund(f) = figure
                    && ui
                        .link(crate::view::localized_title(lang, &data.funds[f.index()]))
                        .clicked()
                {
                    commands.push(DocCommand::Select(Item::Figure(figure)));
                }
            }
        });
    }
    // Amounts per recipient are not a fund's size: named apart, not drawn.
    let apart = visible_bars(
        crate::view::charts::per_recipient_funds(data, lang),
        &cx.doc.hidden,
    );
    if !apart.is_empty() {
        ui.label(fill(lang, T::NotOnThisScale, &[&""]).trim_end());
        ui.indent("not_on_this_scale", |ui| {
            for bar in &apart {
                let FigureRef::Fund(f) = bar.figure else {
                    continue;
                };
                let amount =
                    amount::of_fund(&data.funds[f.index()], convention, lang).unwrap_or_default();
                if ui.link(format!("{}: {amount}", bar.name)).clicked() {
                    commands.push(DocCommand::Select(Item::Figure(bar.figure)));
                }
            }
        });
    }
    // Amounts probably wrong as printed must not set the scale: named
    // apart, each with its caveat (shown under the links by caveats_ui).
    let doubtful = visible_bars(
        crate::view::charts::likely_wrong_funds(data, lang),
        &cx.doc.hidden,
    );
    if !doubtful.is_empty() {
        ui.label(fill(lang, T::NotOnScaleLikelyWrong, &[&""]).trim_end());
        ui.indent("likely_wrong", |ui| {
            for bar in &doubtful {
                let text =
                    egui::RichText::new(format!("{}: {}", bar.name, bar.value_text(convention)))
                        .color(ui.visuals().warn_fg_color);
                if ui.link(text).clicked() {
                    commands.push(DocCommand::Select(Item::Figure(bar.figure)));
                }
            }
        });
    }
}

/// The fund allocations as horizontal bars, largest at the top.
#[expect(
    clippy::too_many_lines,
    reason = "The plot's set-up, its keyboard and its clicks read best together; it is a little over the line limit."
)]
pub(super) fn funds_chart_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    lit: &HashSet<FigureRef>,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let convention = cx.session.convention();
    let (bars, without_amount) = fund_bars(data, lang);
    let strong = ui.visuals().strong_text_color();
    ui.horizontal_wrapped(|ui| {
        for level in LEVELS {
            if bars.iter().any(|b| b.level == level) {
                let key = LegendKey::Level(level);
                legend_entry_ui(
                    cx,
                    ui,
                    key,
                    level_color(level),
                    level_label(lang, level),
                    commands,
                );
            }
        }
    });
    let bars = visible_bars(bars, &cx.doc.hidden);
    let log_scale = cx.session.funds_log_scale;
    // Wrapped, so the hint never widens the column past its panel.
    ui.horizontal_wrapped(|ui| {
        let mut on = log_scale;
        ui.checkbox(&mut on, tr(lang, T::LogScale))
            .on_hover_text(tr(lang, T::LogScaleHint));
        if on != log_scale {
            commands.push(SessionCommand::SetFundsLogScale(on));
        }
        ui.weak(tr(lang, T::OverMark));
    });
    funds_apart_ui(cx, ui, &without_amount, commands);
    let doubtful = visible_bars(
        crate::view::charts::likely_wrong_funds(data, lang),
        &cx.doc.hidden,
    );
    caveats_ui(
        cx,
        ui,
        bars.iter().chain(&doubtful).map(|b| b.figure),
        commands,
    );
    let axis = charts::FundsAxis::new(&bars, log_scale);
    let origin = axis.origin;
    let count = bars.len();
    // Each bar's name is written above it rather than on the axis, so the
    // bars keep the plot's whole width however long the names are.
    let plot = Plot::new("funds")
        .allow_scroll(false)
        .x_grid_spacer(move |input| {
            if log_scale {
                decade_spacer(&input)
            } else {
                let (min, max) = input.bounds;
                egui_plot::uniform_grid_spacer(move |_| charts::FundsAxis::linear_steps(max - min))(
                    input,
                )
            }
        })
        .x_axis_formatter(move |mark: GridMark, _| {
            charts::FundsAxis::tick_label(mark.value, log_scale, convention)
        })
        .show_axes([true, false])
        .show_grid([true, false])
        // A little room left of the first tick, so its label is not cut,
        // and right of the longest bar for its "over" mark.
        .include_x(axis.range.0)
        .include_x(axis.range.1)
        .include_y(-0.5)
        .include_y(count as f64 - 0.2)
        .show_y(false);
    let response = plot.show(ui, |plot_ui| {
        let style = BarStyle {
            strong,
            convention,
            lang,
        };
        draw_fund_bars(plot_ui, data, &bars, &axis, lit, &style);
        plot_ui.pointer_coordinate()
    });
    annotations_ui(cx, ui, &response.transform, &bars, &axis);
    chart_menu(
        &response.response,
        cx.session.settings.chart,
        lang,
        commands,
    );
    // The keyboard: the arrows move between the bars, the largest first.
    let keys = chart_keys::handle(ui, &response.response, || {
        (marks::bar_marks(&bars), selected_figure(cx))
    });
    if let Some(keys) = keys
        && let figure = keys.mark
        && let Some(i) = bars.iter().position(|b| b.figure == figure)
    {
        let y = axis.height(i);
        let start = response
            .transform
            .position_from_point(&PlotPoint::new(origin, y - 0.25));
        let end = response
            .transform
            .position_from_point(&PlotPoint::new(axis.ends[i], y + 0.25));
        let text = hover::fund(data, figure, convention, lang);
        let bar = egui::Rect::from_two_pos(start, end);
        chart_keys::show_focused(
            ui,
            &response.response,
            bar,
            &text,
            tr(lang, T::MarkKeysSelect),
            lang,
        );
        if keys.activated {
            commands.push(DocCommand::Select(Item::Figure(figure)));
        }
    }
    if !keys.is_some_and(|k| k.activated)
        && response.response.clicked()
        && let Some(pointer) = response.inner
        && let Some(bar) = axis.bar_at(pointer.x, pointer.y).and_then(|i| bars.get(i))
    {
        commands.push(DocCommand::Select(Item::Figure(bar.figure)));
    }
}

/// The chart's annotations over the bars, placed clear of the bars and
/// their names, values and "over" marks by the rules they follow on paper.
fn annotations_ui(
    cx: &PanelContext<'_>,
    ui: &egui::Ui,
    transform: &egui_plot::PlotTransform,
    bars: &[charts::FundBar],
    axis: &charts::FundsAxis,
) {
    let view = super::export::chart_view(cx, ChartId::Funds);
    if view.annotations.is_empty() {
        return;
    }
    let lang = cx.session.lang();
    let convention = cx.session.convention();
    let values = if axis.log_scale {
        plot_notes::Values::AlongLog
    } else {
        plot_notes::Values::Along
    };
    let mut overlay = plot_notes::Overlay::new(transform, false, values);
    for (i, b) in bars.iter().enumerate() {
        let y = axis.height(i);
        let bar = egui::Rect::from_two_pos(
            overlay.at(axis.origin, y - 0.25),
            overlay.at(axis.ends[i], y + 0.25),
        );
        overlay.mark(bar, b.figure);
        let name = label_of(b, convention);
        let size = plot_notes::text_size(ui, &name, &egui::TextStyle::Body);
        let at = overlay.at(axis.origin, y + 0.28);
        overlay.text(plot_notes::text_rect(at, egui::Align2::LEFT_BOTTOM, size));
    }
    for &(i, at) in &axis.over_marks {
        let size = plot_notes::text_size(ui, tr(lang, T::Over), &egui::TextStyle::Small);
        let at = overlay.at(at, axis.height(i));
        overlay.text(plot_notes::text_rect(at, egui::Align2::LEFT_CENTER, size));
    }
    overlay.paint(ui, &view);
}

/// A bar's name and amount, written above it.
fn label_of(bar: &charts::FundBar, convention: Convention) -> String {
    format!("{}  ·  {}", bar.name, bar.value_text(convention))
}

/// How the fund bars are drawn.
struct BarStyle {
    strong: egui::Color32,
    convention: Convention,
    lang: Lang,
}

/// Draws the fund bars coloured by level, a stroke on linked ones, and
/// "over" marks after lower bounds.
fn draw_fund_bars(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    data: &Dataset,
    bars: &[charts::FundBar],
    axis: &charts::FundsAxis,
    lit: &HashSet<FigureRef>,
    style: &BarStyle,
) {
    let BarStyle {
        strong,
        convention,
        lang,
    } = *style;
    let origin = axis.origin;
    for level in LEVELS {
        let level_bars: Vec<Bar> = bars
            .iter()
            .enumerate()
            .filter(|(_, b)| b.level == level)
            .map(|(i, b)| {
                // The bar's name is what its hover shows.
                let mut bar = Bar::new(axis.height(i), axis.ends[i] - origin)
                    .base_offset(origin)
                    .name(hover::fund(data, b.figure, convention, lang))
                    .fill(level_color(level))
                    .width(0.5);
                if lit.contains(&b.figure) {
                    bar = bar.stroke(egui::Stroke::new(3.0, strong));
                }
                bar
            })
            .collect();
        if level_bars.is_empty() {
            continue;
        }
        plot_ui.bar_chart(
            BarChart::new(level_label(lang, level), level_bars)
                .horizontal()
                .color(level_color(level))
                .element_formatter(Box::new(|bar: &Bar, _: &BarChart| bar.name.clone())),
        );
    }
    for (i, b) in bars.iter().enumerate() {
        plot_ui.text(
            Text::new(
                "",
                PlotPoint::new(origin, axis.height(i) + 0.28),
                egui::RichText::new(label_of(b, convention))
                    .text_style(egui::TextStyle::Body)
                    .color(strong),
            )
            .anchor(egui::Align2::LEFT_BOTTOM),
        );
    }
    for &(i, at) in &axis.over_marks {
        plot_ui.text(
            Text::new("", PlotPoint::new(at, axis.height(i)), tr(lang, T::Over))
                .anchor(egui::Align2::LEFT_CENTER),
        );
    }
}

/// Grid marks on the log scale: one per power of ten, labelled every third
/// (1 yuan, 1,000 yuan, 1 million yuan...), so labels never crowd.
fn decade_spacer(input: &egui_plot::GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let mut marks = Vec::new();
    let mut power = min.ceil();
    while power <= max && marks.len() < 64 {
        // egui_plot labels the marks with the largest step size first.
        let step_size = if power.rem_euclid(3.0) == 0.0 {
            3.0
        } else {
            1.0
        };
        marks.push(GridMark {
            value: power,
            step_size,
        });
        power += 1.0;
    }
    marks
}

/// The fund levels in the legend's order.
const LEVELS: [FundLevel; 5] = [
    FundLevel::National,
    FundLevel::Municipal,
    FundLevel::District,
    FundLevel::SocialCapital,
    FundLevel::Mixed,
];
