//! The charts panel: the chart tabs, each chart's title, words and table,
//! and the two line charts (industrial output, GDP share), drawn from
//! [`crate::view::charts`]; the funds, the targets, the theme map and the
//! timeline have a file each. Hovering shows the exact figure with its
//! source and quote; clicking selects it.

use crate::chart::axis::ValueScale;
use crate::dataset::Named;
use crate::i18n::{Lang, T, tr};
use std::collections::HashSet;

use egui_plot::{GridMark, HoverPosition, Line, LineStyle, Plot, PlotPoint, Points, Text};

use super::style::{series_color, status_style};
use super::{Commands, DocCommand, PanelContext, SessionCommand, chart_keys};
use crate::dataset::{Dataset, FigureRef, QuantityUnit, Status};
use crate::selection::Item;
use crate::view::amount::Convention;
use crate::view::charts::{
    ChartId, LegendKey, LineSeries, gdp_share, highlighted, industrial_output, is_hidden,
};
use crate::view::{hover, marks};

/// Draws the chart tabs and the chosen chart.
pub fn ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, commands: &mut Commands) {
    let lang = cx.session.lang();
    ui.horizontal_wrapped(|ui| {
        for chart in ChartId::ALL {
            if ui
                .selectable_label(
                    cx.session.settings.chart == chart,
                    crate::chart::chart_name(chart, lang),
                )
                .clicked()
            {
                commands.push(SessionCommand::ShowChart(chart));
            }
        }
        ui.separator();
        if ui
            .button(tr(lang, T::ExportButton))
            .on_hover_text(tr(lang, T::ExportButtonHint))
            .clicked()
        {
            commands.push(SessionCommand::OpenExportDialog);
        }
        if ui
            .button(tr(lang, T::AnnotateMenu))
            .on_hover_text("Ctrl+M")
            .clicked()
        {
            commands.push(SessionCommand::OpenAnnotateDialog);
        }
        let mut table = cx.session.show_table;
        if ui
            .checkbox(&mut table, tr(lang, T::ShowAsTable))
            .on_hover_text(tr(lang, T::ShowAsTableHint))
            .changed()
        {
            commands.push(SessionCommand::ShowAsTable(table));
        }
    });
    ui.separator();
    if cx.session.show_table {
        let view = super::export::chart_view(cx, cx.session.settings.chart);
        ui.strong(crate::chart::title(&view));
        super::chart_table::ui(cx, ui, cx.session.settings.chart, commands);
    } else {
        body_ui(cx, ui, cx.session.settings.chart, commands);
    }
}

/// Draws one chart: the title the exported picture has (what is shown,
/// made from the data), its legend, key and plot (or the targets' cards).
fn body_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, chart: ChartId, commands: &mut Commands) {
    let lang = cx.session.lang();
    let lit = highlighted(&cx.doc.dataset, cx.doc.selected());
    let view = super::export::chart_view(cx, chart);
    let title = title_ui(cx, ui, chart, &view);
    // A screen reader reads the chart in words, under its title and on the
    // chart itself. Only when AccessKit is on: the words are made from the
    // whole chart.
    if ui.ctx().has_accesskit_node(title.id) {
        let data = &cx.doc.dataset;
        let words = match chart {
            ChartId::Themes => crate::view::describe::themes(data, &cx.doc.themes, lang),
            ChartId::Units => crate::view::describe::themes(data, &cx.doc.units, lang),
            ChartId::Timeline => crate::view::describe::timeline(data, &cx.doc.timeline, lang),
            _ => {
                crate::view::describe::chart_description(data, chart, lang, cx.session.convention())
            }
        };
        // The scale changes how the picture reads, so it is said too.
        let words = if chart == ChartId::Funds && cx.session.funds_log_scale {
            format!("{words} {}", crate::i18n::tr(lang, T::DescribeLogScale))
        } else {
            words
        };
        // On the chart's own node too, where Tab takes a screen reader.
        chart_keys::describe(ui.ctx(), chart, words.clone());
        ui.ctx()
            .accesskit_node_builder(title.id, |node| node.set_description(words));
    }
    let series = match chart {
        ChartId::IndustrialOutput => industrial_output(&cx.doc.dataset, cx.session.lang()),
        ChartId::GdpShare => gdp_share(&cx.doc.dataset, cx.session.lang()),
        ChartId::Funds
        | ChartId::Targets
        | ChartId::Themes
        | ChartId::Units
        | ChartId::Timeline => Vec::new(),
    };
    // In Chinese, names the dataset has only in English show in English,
    // and the chart says so once.
    if lang == Lang::Zh {
        let data = &cx.doc.dataset;
        let some_name_english = match chart {
            ChartId::IndustrialOutput | ChartId::GdpShare => {
                series.iter().any(|s| series_english_only(data, s))
            }
            ChartId::Funds => data.funds.iter().any(|f| f.zh().is_none()),
            ChartId::Targets => data.targets.iter().any(|t| t.zh().is_none()),
            ChartId::Themes => data.themes.iter().any(|t| t.zh().is_none()),
            ChartId::Units => data.units.iter().any(|u| u.zh().is_none()),
            ChartId::Timeline => data.plans.iter().any(|p| p.zh().is_none()),
        };
        if some_name_english {
            ui.weak(tr(lang, T::ChartNamesInEnglish));
        }
        let some_name_translated = match chart {
            ChartId::IndustrialOutput | ChartId::GdpShare => series.iter().any(|s| {
                matches!(s.figure, FigureRef::Series(ix)
                    if matches!(data.series[ix.index()].zh(), Some(crate::dataset::Zh::Translated(_))))
            }),
            ChartId::Funds => data.funds.iter().any(|f| matches!(f.zh(), Some(crate::dataset::Zh::Translated(_)))),
            ChartId::Targets => data.targets.iter().any(|t| matches!(t.zh(), Some(crate::dataset::Zh::Translated(_)))),
            ChartId::Themes => data.themes.iter().any(|t| matches!(t.zh(), Some(crate::dataset::Zh::Translated(_)))),
            ChartId::Units => data.units.iter().any(|u| matches!(u.zh(), Some(crate::dataset::Zh::Translated(_)))),
            ChartId::Timeline => data.plans.iter().any(|p| matches!(p.zh(), Some(crate::dataset::Zh::Translated(_)))),
        };
        if some_name_translated {
            ui.weak(tr(lang, T::ChartNamesTranslated));
        }
    }
    // A dataset without the chart's kind of figure (plans only, say) gets
    // the exports' empty-state words, not an empty plot.
    let data = &cx.doc.dataset;
    let empty = match chart {
        ChartId::IndustrialOutput | ChartId::GdpShare => series.is_empty(),
        ChartId::Funds => data.funds.is_empty(),
        ChartId::Targets => data.targets.is_empty(),
        ChartId::Themes => cx.doc.themes.rows.is_empty() || cx.doc.themes.plans.is_empty(),
        ChartId::Units => cx.doc.units.rows.is_empty() || cx.doc.units.plans.is_empty(),
        ChartId::Timeline => data.plans.is_empty(),
    };
    if empty {
        ui.add_space(ui.spacing().item_spacing.y * 4.0);
        ui.vertical_centered(|ui| ui.weak(tr(lang, T::NothingToShow)));
        return;
    }
    // The annotations the chart had no room for, as it was last painted.
    super::plot_notes::left_out_ui(cx, ui, chart);
    match chart {
        ChartId::IndustrialOutput => {
            line_chart_ui(cx, ui, "industrial_output", &series, &lit, commands);
        }
        ChartId::GdpShare => line_chart_ui(cx, ui, "gdp_share", &series, &lit, commands),
        ChartId::Funds => super::funds_chart::funds_chart_ui(cx, ui, &lit, commands),
        ChartId::Targets => super::targets_chart::targets_table_ui(cx, ui, &lit, commands),
        ChartId::Themes | ChartId::Units => super::themes_chart::ui(cx, ui, chart, commands),
        ChartId::Timeline => super::timeline_chart::ui(cx, ui, commands),
    }
}

/// The chart's title, with the sources' reliability beside it where there
/// is room for some of it, else below. A title too long for its line
/// wraps (in one unwrapped row, a title wider than the column widened the
/// column's content and laid the plot out under the details panel).
fn title_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    chart: ChartId,
    view: &crate::chart::ChartView<'_>,
) -> egui::Response {
    // The theme map and the timeline are titled from the document's own
    // (built once), not built again each frame.
    let text = match chart {
        ChartId::Themes => crate::chart::themes::title(view, &cx.doc.themes),
        ChartId::Units => crate::chart::themes::title(view, &cx.doc.units),
        ChartId::Timeline => crate::chart::timeline::title(view, &cx.doc.timeline),
        _ => crate::chart::title(view),
    };
    let title_width = egui::WidgetText::from(egui::RichText::new(&text).strong())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x;
    let row = |ui: &mut egui::Ui| {
        let title = ui.strong(&text);
        reliability_ui(cx, ui, view);
        title
    };
    if title_width + RELIABILITY_ROOM <= ui.available_width() {
        ui.horizontal(row).inner
    } else {
        ui.horizontal_wrapped(row).inner
    }
}

/// The least room, in points, worth giving the sources' reliability note
/// beside a chart's title (else it goes below).
const RELIABILITY_ROOM: f32 = 160.0;

/// How far the chart's documents can be trusted, where the dataset doubts
/// them: beside the title, on the line's room left, as the pictures'
/// footers say it; the whole notes on hover.
fn reliability_ui(cx: &PanelContext<'_>, ui: &mut egui::Ui, view: &crate::chart::ChartView<'_>) {
    let lang = cx.session.lang();
    // The theme map and the timeline show every plan's document (the
    // timeline every figure's too): not worked out again each frame.
    let sources = match view.chart {
        ChartId::Themes => cx.doc.dataset.plans.iter().map(|p| p.source).collect(),
        ChartId::Timeline => (0..cx.doc.dataset.sources.len())
            .map(crate::dataset::SourceIx::at)
            .collect(),
        _ => crate::chart::chart_sources(view),
    };
    let notes = crate::view::table::reliability_notes(&cx.doc.dataset, &sources, lang);
    if notes.is_empty() {
        return;
    }
    let stop = if lang == Lang::Zh { "；" } else { "; " };
    ui.add(
        egui::Label::new(
            egui::RichText::new(format!("⚠ {}", notes.join(stop)))
                .small()
                .color(ui.visuals().weak_text_color()),
        )
        .truncate(),
    )
    .on_hover_text(notes.join("\n\n"));
}

/// The chart's own menu (right click): export it. The plot is named for
/// screen readers (and tests) by its chart's title.
pub(super) fn chart_menu(
    response: &egui::Response,
    chart: ChartId,
    lang: Lang,
    commands: &mut Commands,
) {
    chart_keys::name(response, chart, egui::Role::Image, lang);
    response.context_menu(|ui| {
        if ui.button(tr(lang, T::ExportThisChart)).clicked() {
            commands.push(SessionCommand::OpenExportDialog);
        }
        if ui
            .add(egui::Button::new(tr(lang, T::AnnotateMenu)).shortcut_text("Ctrl+M"))
            .clicked()
        {
            commands.push(SessionCommand::OpenAnnotateDialog);
        }
    });
}

/// A line chart of series by year.
#[expect(
    clippy::too_many_lines,
    reason = "the plot's set-up, its keyboard and its clicks read best together; it is a little over the line limit"
)]
fn line_chart_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    id: &str,
    series: &[LineSeries],
    lit: &HashSet<FigureRef>,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    let convention = cx.session.convention();
    let unit = series.first().map_or(QuantityUnit::Count, |s| s.unit);
    let strong = ui.visuals().strong_text_color();
    let plot_bg = ui.visuals().extreme_bg_color;
    // The legend sits above the plot, one series to a line (the names are
    // long; side by side, egui's wrapping left a blank line after a
    // two-line name), so no name is cut and no point is covered; each
    // entry hides or shows its series.
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        for (i, s) in series.iter().enumerate() {
            if let FigureRef::Series(ix) = s.figure {
                legend_entry_ui(
                    cx,
                    ui,
                    LegendKey::Series(ix),
                    series_color(i),
                    &s.title,
                    commands,
                );
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.weak(tr(lang, T::Key));
    });
    // Colours stay with their series when others are hidden.
    let (colors, shown): (Vec<egui::Color32>, Vec<LineSeries>) = series
        .iter()
        .enumerate()
        .filter(|(_, s)| !is_hidden(s, &cx.doc.hidden))
        .map(|(i, s)| (series_color(i), s.clone()))
        .unzip();
    let series = shown.as_slice();
    // The caveats of what is shown, as the exported picture has them.
    caveats_ui(
        cx,
        ui,
        series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.figure)),
        commands,
    );
    // For hover: which point is at (series title, year).
    let lookup: Vec<(String, i32, f64, FigureRef)> = series
        .iter()
        .flat_map(|s| {
            s.points
                .iter()
                .map(|p| (s.title.clone(), p.year, p.value, p.figure))
        })
        .collect();
    // Room above the data and to the right of the last year for the end
    // labels, so they are not cut.
    let max_value = lookup.iter().map(|l| l.2).fold(0.0, f64::max);
    let (min_year, max_year) = lookup.iter().fold((i32::MAX, i32::MIN), |(lo, hi), l| {
        (lo.min(l.1), hi.max(l.1))
    });
    // The values written as the pictures write them: divided by a power
    // of ten, the unit named once beside the axis, nice steps.
    let scale = ValueScale::of(unit, max_value, convention);
    let unit_name = scale.name(lang);
    // As the exported pictures: horizontal gridlines only.
    let plot = Plot::new(id)
        .show_grid([false, true])
        .include_y(max_value * 1.1)
        .include_x(f64::from(min_year) - 0.5)
        // Fitted to the data: half a year each side, room for end labels.
        .include_x(f64::from(max_year) + 0.6)
        .allow_scroll(false)
        .x_axis_label(tr(lang, T::AxisYear))
        .x_axis_formatter(|mark: GridMark, _| year_tick(mark.value))
        .y_axis_label(unit_name)
        .y_grid_spacer(value_spacer)
        .y_axis_formatter(move |mark: GridMark, range| value_tick(&scale, unit, mark, range))
        .x_grid_spacer(year_spacer)
        .include_y(0.0)
        .label_formatter(|hover: &HoverPosition<'_>| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => lookup
                .iter()
                .find(|(title, year, value, _)| {
                    title == plot_name
                        && (f64::from(*year) - position.x).abs() < 1e-9
                        && (*value - position.y).abs() <= f64::EPSILON * value.abs().max(1.0)
                })
                .map(|(_, _, _, figure)| hover::point(data, *figure, convention, lang)),
            HoverPosition::Elsewhere { .. } => None,
        });
    // The chart's spans and reference lines are in view.
    let mut plot = plot;
    for annotation in cx.session.annotations_of(cx.session.settings.chart) {
        match annotation {
            crate::view::annotations::Annotation::Span { from, to, .. } => {
                plot = plot
                    .include_x(f64::from(*from) - 0.5)
                    .include_x(f64::from(*to) + 0.6);
            }
            crate::view::annotations::Annotation::Line { value, .. } => {
                plot = plot.include_y(value * 1.05);
            }
            crate::view::annotations::Annotation::Note { .. }
            | crate::view::annotations::Annotation::CellNote { .. } => {}
        }
    }
    let response = plot.show(ui, |plot_ui| {
        draw_line_series(plot_ui, series, &colors, lit, (strong, plot_bg), convention);
        plot_ui.pointer_coordinate()
    });
    let view = super::export::chart_view(cx, cx.session.settings.chart);
    annotations_ui(ui, &view, &response.transform, series, convention);
    chart_menu(
        &response.response,
        cx.session.settings.chart,
        lang,
        commands,
    );
    // The keyboard: the arrows move between the points shown.
    let keys = chart_keys::handle(ui, &response.response, || {
        (marks::line_marks(series), selected_figure(cx))
    });
    if let Some(keys) = keys
        && let figure = keys.mark
        && let Some(&(_, year, value, _)) = lookup.iter().find(|l| l.3 == figure)
    {
        let at = response
            .transform
            .position_from_point(&PlotPoint::new(f64::from(year), value));
        let text = hover::point(data, figure, convention, lang);
        let mark = egui::Rect::from_center_size(at, egui::vec2(10.0, 10.0));
        chart_keys::show_focused(
            ui,
            &response.response,
            mark,
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
        && let Some(figure) = nearest_point(&response.transform, pointer, &lookup)
    {
        commands.push(DocCommand::Select(Item::Figure(figure)));
    }
}

/// The figure selected, if a figure is.
pub(super) fn selected_figure(cx: &PanelContext<'_>) -> Option<FigureRef> {
    match cx.doc.selected() {
        Some(Item::Figure(figure)) => Some(figure),
        _ => None,
    }
}

/// The point within 16 points of the pointer on screen, nearest first.
fn nearest_point(
    transform: &egui_plot::PlotTransform,
    pointer: PlotPoint,
    points: &[(String, i32, f64, FigureRef)],
) -> Option<FigureRef> {
    let screen = transform.position_from_point(&pointer);
    points
        .iter()
        .map(|(_, year, value, figure)| {
            let at = transform.position_from_point(&PlotPoint::new(f64::from(*year), *value));
            (at.distance(screen), *figure)
        })
        .filter(|(distance, _)| *distance < 16.0)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, figure)| figure)
}

/// Draws series: connections (dashed and labelled across missing years),
/// points by status, rings around linked points, end labels.
fn draw_line_series(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    series: &[LineSeries],
    colors: &[egui::Color32],
    lit: &HashSet<FigureRef>,
    (strong, background): (egui::Color32, egui::Color32),
    convention: Convention,
) {
    let last_year = last_year_of(series);
    for (s, &color) in series.iter().zip(colors) {
        for connection in &s.connections {
            let points = vec![
                [f64::from(connection.from.0), connection.from.1],
                [f64::from(connection.to.0), connection.to.1],
            ];
            let mut line = Line::new(s.title.clone(), points).color(color).width(2.0);
            if connection.spans_missing_years {
                line = line.style(LineStyle::dashed_loose());
                // Explained once, in the key above the plot, not on every
                // dashed segment (as the exported pictures do).
            }
            plot_ui.line(line);
        }
        for status in [Status::Actual, Status::Target, Status::Estimate] {
            let (color, filled) = status_style(status, color);
            let values: Vec<[f64; 2]> = s
                .points
                .iter()
                .filter(|p| p.status == status)
                .map(|p| [f64::from(p.year), p.value])
                .collect();
            if values.is_empty() {
                continue;
            }
            plot_ui.points(
                Points::new(s.title.clone(), values)
                    .color(color)
                    .filled(filled)
                    .radius(5.0),
            );
        }
        // Linked to the selection: a larger ring around the point.
        let lit_points: Vec<[f64; 2]> = s
            .points
            .iter()
            .filter(|p| lit.contains(&p.figure))
            .map(|p| [f64::from(p.year), p.value])
            .collect();
        if !lit_points.is_empty() {
            plot_ui.points(
                // No name: a ring is not a series of its own in the legend.
                Points::new("", lit_points)
                    .color(strong)
                    .filled(false)
                    .radius(10.0),
            );
        }
        // The value labels in the series' colour, made to read on the plot.
        let text = super::style::text_on(color, background);
        label_ends(plot_ui, s, text, last_year, convention);
    }
}

/// A line's end labels: its last value beside its point and, where it has
/// more than one, its first value under its point; each with where it is
/// plotted and how it is anchored there.
fn end_labels(
    s: &LineSeries,
    last_year: i32,
    convention: Convention,
) -> Vec<(PlotPoint, String, egui::Align2)> {
    let mut labels = Vec::new();
    // The last value, labelled: to the right of the point, or above
    // and to its left at the chart's last year, where a label to the
    // right would run out of the plot on a narrow window.
    if let Some(last) = s.points.last() {
        let value = last.value_text(s.unit, convention);
        let (text, anchor) = if last.year >= last_year {
            (format!("{value} "), egui::Align2::RIGHT_BOTTOM)
        } else {
            (format!("  {value}"), egui::Align2::LEFT_BOTTOM)
        };
        labels.push((
            PlotPoint::new(f64::from(last.year), last.value),
            text,
            anchor,
        ));
    }
    // The first value too, where the series has more than one: under
    // its point (the new line keeps it clear of the marker), so both
    // ends of a line read without hovering.
    if let [first, _, ..] = s.points.as_slice() {
        let value = first.value_text(s.unit, convention);
        labels.push((
            PlotPoint::new(f64::from(first.year), first.value),
            format!("\n{value}"),
            egui::Align2::CENTER_TOP,
        ));
    }
    labels
}

/// Writes a line's end labels ([`end_labels`]).
fn label_ends(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    s: &LineSeries,
    color: egui::Color32,
    last_year: i32,
    convention: Convention,
) {
    for (at, text, anchor) in end_labels(s, last_year, convention) {
        // An empty name keeps labels out of the legend.
        plot_ui.text(Text::new("", at, text).anchor(anchor).color(color));
    }
}

/// The last year any of `series` reaches.
fn last_year_of(series: &[LineSeries]) -> i32 {
    series
        .iter()
        .filter_map(|s| s.points.last().map(|p| p.year))
        .max()
        .unwrap_or(i32::MAX)
}

/// The caveats of the figures shown, one line each in the warning colour,
/// above the plot; a click selects the figure (its details say it all).
pub(super) fn caveats_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    figures: impl IntoIterator<Item = FigureRef>,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let data = &cx.doc.dataset;
    for figure in figures {
        let Some(note) = crate::view::caveat_notes(data, lang, [figure]).pop() else {
            continue;
        };
        let text = egui::RichText::new(note)
            .small()
            .color(ui.visuals().warn_fg_color);
        // One line each, so the plot keeps its height: the whole caveat is
        // on hover and in the details a click opens.
        if ui
            .add(
                egui::Label::new(text)
                    .truncate()
                    .sense(egui::Sense::click()),
            )
            .on_hover_text(
                data.figure_caveat(figure)
                    .map_or("", |c| crate::view::caveat_words(lang, c)),
            )
            .clicked()
        {
            commands.push(DocCommand::Select(Item::Figure(figure)));
        }
    }
}

/// One legend entry: a coloured mark and the name, dimmed and struck
/// through while hidden; a click hides or shows what it names.
pub(super) fn legend_entry_ui(
    cx: &PanelContext<'_>,
    ui: &mut egui::Ui,
    key: LegendKey,
    color: egui::Color32,
    name: &str,
    commands: &mut Commands,
) {
    let lang = cx.session.lang();
    let hidden = cx.doc.hidden.contains(&key);
    let mut text = egui::text::LayoutJob::default();
    let mark_color = if hidden {
        ui.visuals().weak_text_color()
    } else {
        color
    };
    text.append(
        "● ",
        0.0,
        egui::TextFormat::simple(egui::FontId::default(), mark_color),
    );
    let mut format = egui::TextFormat::simple(egui::FontId::default(), ui.visuals().text_color());
    if hidden {
        format.color = ui.visuals().weak_text_color();
        format.strikethrough = egui::Stroke::new(1.0, format.color);
    }
    text.append(name, 0.0, format);
    let tip = if hidden {
        tr(lang, T::HiddenClickToShow)
    } else {
        tr(lang, T::ClickToHide)
    };
    if ui
        .add(egui::Button::new(text).frame(false))
        .on_hover_text(tip)
        .clicked()
    {
        commands.push(DocCommand::ToggleLegend(key));
    }
}

/// Years as whole numbers, and nothing between them.
fn year_tick(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        String::new()
    }
}

/// Grid marks on whole years only, far enough apart that `egui_plot` draws
/// their labels (it drops labels closer than 60 points).
#[expect(
    clippy::needless_pass_by_value,
    reason = "egui_plot's spacer signature takes the input by value."
)]
fn year_spacer(input: egui_plot::GridInput) -> Vec<GridMark> {
    // `base_step_size` spans egui_plot's minimum grid spacing of 8 points,
    // so 9 of it is about 72 points.
    let minimum = input.base_step_size * 9.0;
    let step = f64::from(crate::chart::year_step(minimum));
    let (min, max) = input.bounds;
    let mut marks = Vec::new();
    let mut year = (min / step).ceil() * step;
    while year <= max && marks.len() < 200 {
        marks.push(GridMark {
            value: year,
            step_size: step,
        });
        year += step;
    }
    marks
}

/// Grid marks a nice step apart (as the pictures step their values),
/// at least about 40 points apart and at most five steps in view.
#[expect(
    clippy::needless_pass_by_value,
    reason = "egui_plot's spacer signature takes the input by value."
)]
fn value_spacer(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    // `base_step_size` spans 8 points, so 5 of it is 40 points.
    let room = (max - min) / (input.base_step_size * 5.0);
    let steps = [5u8, 4, 3, 2]
        .into_iter()
        .find(|&n| room >= f64::from(n))
        .map_or(1, usize::from);
    let (ticks, step) = crate::chart::axis::nice_ticks_between(min, max, steps);
    ticks
        .into_iter()
        .map(|value| GridMark {
            value,
            step_size: step,
        })
        .collect()
}

/// A value axis tick as the pictures write it ([`ValueScale::tick_label`]):
/// the top one in view of a percentage axis with "%"; none below zero for
/// amounts of yuan, which are never negative.
fn value_tick(
    scale: &ValueScale,
    unit: QuantityUnit,
    mark: GridMark,
    range: &std::ops::RangeInclusive<f64>,
) -> String {
    if mark.value < 0.0 && unit == QuantityUnit::Yuan {
        return String::new();
    }
    let top = mark.value + mark.step_size > *range.end();
    scale.tick_label(mark.value, mark.step_size, top)
}

/// Whether a line's series has no Chinese title.
fn series_english_only(data: &Dataset, line: &LineSeries) -> bool {
    match line.figure {
        FigureRef::Series(s) => data.series[s.index()].zh().is_none(),
        FigureRef::Point(..) | FigureRef::Fund(_) | FigureRef::Target(_) | FigureRef::Fact(_) => {
            true
        }
    }
}

/// The chart's annotations over a line chart on screen, placed clear of
/// its points, lines and value labels by the rules they follow on paper.
fn annotations_ui(
    ui: &egui::Ui,
    view: &crate::chart::ChartView,
    transform: &egui_plot::PlotTransform,
    series: &[LineSeries],
    convention: Convention,
) {
    if view.annotations.is_empty() {
        return;
    }
    let mut overlay =
        super::plot_notes::Overlay::new(transform, true, super::plot_notes::Values::Up);
    let small = egui::TextStyle::Small;
    let last_year = last_year_of(series);
    for s in series {
        for p in &s.points {
            let at = overlay.at(f64::from(p.year), p.value);
            overlay.mark(
                egui::Rect::from_center_size(at, egui::vec2(12.0, 12.0)),
                p.figure,
            );
        }
        for c in &s.connections {
            let a = overlay.at(f64::from(c.from.0), c.from.1);
            let b = overlay.at(f64::from(c.to.0), c.to.1);
            overlay.line(a, b);
        }
        for (at, text, anchor) in end_labels(s, last_year, convention) {
            let size = super::plot_notes::text_size(ui, &text, &small);
            let at = overlay.at(at.x, at.y);
            overlay.text(super::plot_notes::text_rect(at, anchor, size));
        }
    }
    overlay.paint(ui, view);
}
