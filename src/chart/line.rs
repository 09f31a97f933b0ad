//! The two line charts (industrial output in yuan, shares in percent): the
//! x range fitted to the data, horizontal gridlines only, each series named
//! at its line's end where the names fit (a key above the plot where they
//! do not), values beside points where they find room, targets hollow.

use super::anatomy::{ASCENT_EM, LINE, Layout, Words, count_of, to_f32};
use super::annotate::{AxisMap, PlotAxes};
use super::axis::{ValueScale as Scale, nice_ticks_at_most};
use super::scene::{Anchor, Bounds, Filled, Item, Line, Rgb, Role, Scene, Shape, text_bounds};
use super::spec::{ChartView, Page, series_color};
use super::{fonts, words};
use crate::dataset::{QuantityUnit, Status};
use crate::i18n::{T, fill, tr};

use crate::view::charts::{ChartId, LineSeries, gdp_share, industrial_output, is_hidden};

/// The series shown, each with its colour: by place among all the chart's
/// series, so hiding one keeps the others' colours.
fn shown(view: &ChartView) -> Vec<(Rgb, LineSeries)> {
    let all = if view.chart == ChartId::IndustrialOutput {
        industrial_output(view.dataset, view.lang)
    } else {
        gdp_share(view.dataset, view.lang)
    };
    all.into_iter()
        .enumerate()
        .filter(|(_, s)| !is_hidden(s, view.hidden))
        .map(|(i, s)| (series_color(i), s))
        .collect()
}

/// The title of a line chart, as its picture and the window show it.
pub fn title_of(view: &ChartView) -> String {
    title(view, &shown(view))
}

/// The scene of a line chart.
pub fn scene(view: &ChartView, page: &Page) -> Scene {
    let lang = view.lang;
    let series = shown(view);
    let unit = series
        .first()
        .map_or(QuantityUnit::Percent, |(_, s)| s.unit);
    let max = series
        .iter()
        .flat_map(|(_, s)| &s.points)
        .map(|p| p.value)
        .fold(0.0_f64, f64::max);
    let scale = Scale::of(unit, max, view.convention);
    let words = Words {
        title: title(view, &series),
        subtitle: subtitle(view, &series, &scale),
        sources: words::sources(view),
        reliability: words::reliability(view),
        notes: words::annotations_note(view)
            .into_iter()
            .chain(words::english_names_note(
                view,
                series.iter().map(|(_, s)| s.figure),
            ))
            .chain(words::caveat_notes(
                view,
                series
                    .iter()
                    .flat_map(|(_, s)| s.points.iter().map(|p| p.figure)),
            ))
            .collect(),
        made_with: words::made_with(view),
    };
    let mut layout = Layout::new(page, lang, &words);
    if series.is_empty() {
        words::nothing_to_show(&mut layout, lang);
    } else {
        plot(&mut layout, view, &series, &scale);
    }
    layout.finish()
}

/// "2021–2024", or one year.
fn period(years: impl Iterator<Item = i32> + Clone) -> String {
    match (years.clone().min(), years.max()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    }
}

/// The title names the first series shown (the dataset's headline figure
/// for the chart) with its period, and counts the others.
fn title(view: &ChartView, series: &[(Rgb, LineSeries)]) -> String {
    let lang = view.lang;
    let Some((_, first)) = series.first() else {
        return words::chart_name(view.chart, lang).to_owned();
    };
    let years = period(first.points.iter().map(|p| p.year));
    if series.len() == 1 {
        fill(lang, T::TitleSeries, &[&first.title, &years])
    } else {
        fill(
            lang,
            T::TitleWithOthers,
            &[&first.title, &years, &(series.len() - 1)],
        )
    }
}

/// The unit, then how to read the marks: each explanation once, and only
/// where the chart has such a mark.
fn subtitle(view: &ChartView, series: &[(Rgb, LineSeries)], scale: &Scale) -> String {
    let lang = view.lang;
    let points = || series.iter().flat_map(|(_, s)| &s.points);
    let mut reading = vec![tr(lang, T::ReadPoints)];
    if points().any(|p| p.status == Status::Target) {
        reading.push(tr(lang, T::ReadHollow));
    }
    if points().any(|p| p.status == Status::Estimate) {
        reading.push(tr(lang, T::ReadPale));
    }
    if series
        .iter()
        .any(|(_, s)| s.connections.iter().any(|c| c.spans_missing_years))
    {
        reading.push(tr(lang, T::ReadDashed));
    }
    words::sentences(lang, &scale.name(lang), &reading)
}

/// A series' name at its line's end: its last value, then its title.
struct EndLabel {
    lines: Vec<String>,
    color: Rgb,
    /// The y of the last point, which the label wants to be centred on.
    wanted: f32,
    /// The last point.
    point: (f32, f32),
    top: f32,
    height: f32,
    /// Its type size.
    size: f32,
}

/// A straight segment between two points on the page.
type Segment = ((f32, f32), (f32, f32));

/// Where years and values fall on the page.
struct Axes {
    /// The plot's left and right edges.
    x0: f32,
    x1: f32,
    /// Room inside them, so the first and last points are not on the edge.
    pad: f32,
    first_year: i32,
    last_year: i32,
    /// The plot's top and bottom.
    top: f32,
    bottom: f32,
    /// The lowest and highest tick, in the scale's unit.
    low: f64,
    high: f64,
    divisor: f64,
}

impl Axes {
    /// Where years and values fall, for the annotations.
    fn plot_axes(&self) -> PlotAxes {
        PlotAxes {
            area: Bounds {
                x0: self.x0,
                y0: self.top,
                x1: self.x1,
                y1: self.bottom,
            },
            years: Some(AxisMap {
                a: (f64::from(self.first_year), self.x(self.first_year)),
                b: (f64::from(self.last_year), self.x(self.last_year)),
                log: false,
            }),
            continuous_years: false,
            values: PlotAxes::vertical(AxisMap {
                a: (self.low * self.divisor, self.bottom),
                b: (self.high * self.divisor, self.top),
                log: false,
            }),
        }
    }

    fn x(&self, year: i32) -> f32 {
        if self.last_year == self.first_year {
            f32::midpoint(self.x0, self.x1)
        } else {
            let t = (year - self.first_year) as f32 / (self.last_year - self.first_year) as f32;
            self.x0 + self.pad + t * (self.x1 - self.x0 - 2.0 * self.pad)
        }
    }

    fn y(&self, value: f64) -> f32 {
        let t = to_f32(
            (value / self.divisor - self.low) / (self.high - self.low).max(f64::MIN_POSITIVE),
        );
        self.bottom - t * (self.bottom - self.top)
    }
}

fn plot(layout: &mut Layout, view: &ChartView, series: &[(Rgb, LineSeries)], scale: &Scale) {
    let lang = view.lang;
    let size = layout.size;
    let area = layout.plot;
    let gap = size.base * 0.5;
    let radius = size.base * 0.3;

    let values = || series.iter().flat_map(|(_, s)| &s.points);
    let min = values().map(|p| p.value).fold(0.0_f64, f64::min) / scale.divisor;
    let max = values().map(|p| p.value).fold(0.0_f64, f64::max) / scale.divisor;
    // As many steps as the height gives room for, at most five.
    let room = area.y1 - area.y0 - size.small * 3.0;
    let steps = count_of(room / (size.small * 2.2)).clamp(1, 5);
    let ticks = nice_ticks_at_most(min, max, steps);
    let step = ticks.get(1).map_or(1.0, |second| second - ticks[0]);
    let tick_labels: Vec<String> = ticks
        .iter()
        .enumerate()
        .map(|(i, value)| {
            scale.tick_label(
                value * scale.divisor,
                step * scale.divisor,
                i + 1 == ticks.len(),
            )
        })
        .collect();
    // At most a fifth of the plot, whatever a made-up dataset's values.
    let axis_width = (tick_labels
        .iter()
        .map(|t| fonts::text_width(t, size.small, false, lang))
        .fold(0.0_f32, f32::max)
        + gap)
        .min((area.x1 - area.x0) * 0.2);

    let mut axes = Axes {
        x0: area.x0 + axis_width,
        x1: area.x1,
        pad: 0.0,
        // The years of the data, and of the user's spans, so a span of
        // years to come is on the chart.
        first_year: values()
            .map(|p| p.year)
            .chain(span_years(view))
            .min()
            .unwrap_or(0),
        last_year: values()
            .map(|p| p.year)
            .chain(span_years(view))
            .max()
            .unwrap_or(0),
        top: area.y0 + size.small * 0.6,
        bottom: area.y1 - size.small * (LINE + 0.4),
        low: ticks.first().copied().unwrap_or(0.0),
        high: ticks.last().copied().unwrap_or(1.0),
        divisor: scale.divisor,
    };
    // The series named at their lines' ends if the names fit beside the
    // plot, else in a key above it.
    let (mut labels, label_width) = end_label_blocks(layout, view, series, &axes);
    let direct = stack(&mut labels, area.y0, area.y1, size.small * 0.35);
    if direct {
        axes.x1 = area.x1 - label_width - gap;
    } else {
        // The key takes the top; the plot keeps at least a few lines.
        axes.top = (key(layout, series, area, lang) + size.small * 0.6)
            .min(axes.bottom - size.small * 3.0);
    }
    axes.pad = (axes.x1 - axes.x0) * 0.04 + radius;
    layout.scene.axes = Some(axes.plot_axes());

    grid(layout, &axes, &ticks, &tick_labels, lang);
    let (mut segments, points) = marks(layout, view, series, &axes, radius);
    if direct {
        for (label, (_, s)) in labels.iter_mut().zip(series) {
            if let Some(p) = s.points.last() {
                label.point = (axes.x(p.year), axes.y(p.value));
            }
        }
        end_labels(layout, &labels, axes.x1 + gap, radius, &mut segments);
    }
    let room = Bounds {
        x0: area.x0,
        y0: area.y0,
        x1: if direct { axes.x1 + gap * 0.5 } else { area.x1 },
        y1: axes.bottom,
    };
    value_labels(
        layout,
        view,
        series,
        &axes,
        (&segments, &points),
        &room,
        direct,
    );
}

/// The first and last years of the user's spans.
fn span_years<'a>(view: &'a ChartView) -> impl Iterator<Item = i32> + 'a {
    view.annotations.iter().flat_map(|a| match a {
        crate::view::annotations::Annotation::Span { from, to, .. } if from <= to => {
            vec![*from, *to]
        }
        _ => Vec::new(),
    })
}

/// Each series' end label (its last value, then its title) wrapped to the
/// label column, wanting the height of its last point; and the column's
/// width, up to a third of the plot's.
fn end_label_blocks(
    layout: &Layout,
    view: &ChartView,
    series: &[(Rgb, LineSeries)],
    axes: &Axes,
) -> (Vec<EndLabel>, f32) {
    let lang = view.lang;
    let size = layout.size.small;
    let texts: Vec<String> = series
        .iter()
        .map(|(_, s)| {
            let value = s
                .points
                .last()
                .map_or(String::new(), |p| p.value_text(s.unit, view.convention));
            format!("{value}  {}", s.title)
        })
        .collect();
    let natural = texts
        .iter()
        .map(|t| fonts::text_width(t, size, false, lang))
        .fold(0.0_f32, f32::max);
    let width = natural.min((layout.plot.x1 - layout.plot.x0) * 0.32);
    let labels = series
        .iter()
        .zip(&texts)
        .map(|((color, s), text)| {
            let lines = fonts::clamp_lines(
                fonts::wrap(text, width, size, false, lang),
                4,
                width,
                size,
                false,
                lang,
            );
            let wanted = s.points.last().map_or(axes.bottom, |p| axes.y(p.value));
            EndLabel {
                height: lines.len() as f32 * size * LINE,
                lines,
                color: layout.theme.text_color(*color),
                wanted,
                point: (0.0, wanted),
                top: 0.0,
                size,
            }
        })
        .collect();
    (labels, width)
}

/// Horizontal gridlines with their values, and the years under the plot:
/// every one where they fit, else every second, fifth, tenth.
fn grid(
    layout: &mut Layout,
    axes: &Axes,
    ticks: &[f64],
    labels: &[String],
    lang: crate::i18n::Lang,
) {
    let size = layout.size;
    let ink = layout.ink;
    let gap = size.base * 0.5;
    for (value, label) in ticks.iter().zip(labels) {
        let y = axes.y(*value * axes.divisor);
        let zero = value.abs() < f64::EPSILON;
        layout.scene.items.push(Item::Line(Line {
            points: vec![(axes.x0, y), (axes.x1, y)],
            width: if zero {
                0.09 * size.base
            } else {
                0.06 * size.base
            },
            color: if zero { ink.axis } else { ink.grid },
            dash: None,
        }));
        layout.text(
            label,
            (axes.x0 - gap, y + 0.35 * size.small),
            size.small,
            false,
            ink.muted,
            Anchor::End,
            Role::Tick,
        );
    }
    let year_width = fonts::text_width("2030", size.small, false, lang) * 1.6;
    let span = (axes.last_year - axes.first_year).max(1);
    let spacing = (axes.x1 - axes.x0 - 2.0 * axes.pad) / span as f32;
    let step = super::year_step(f64::from(year_width / spacing));
    let mut year = axes.first_year;
    while year <= axes.last_year {
        layout.text(
            &year.to_string(),
            (axes.x(year), axes.bottom + size.small * (LINE + 0.1)),
            size.small,
            false,
            ink.muted,
            Anchor::Middle,
            Role::Tick,
        );
        year += step;
    }
}

/// The lines (dashed across years without data), then the points on top:
/// actual filled, targets hollow, estimates pale. Returns the segments
/// drawn and the points' boxes, which no label may cover.
fn marks(
    layout: &mut Layout,
    view: &ChartView,
    series: &[(Rgb, LineSeries)],
    axes: &Axes,
    radius: f32,
) -> (Vec<Segment>, Vec<Bounds>) {
    let size = layout.size;
    let background = layout.ink.background;
    let line_width = (0.15 * size.base).max(1.0);
    let mut segments = Vec::new();
    let theme = layout.theme;
    let paint = |figure, color: Rgb| {
        if view.is_dimmed(figure) {
            theme.pale(color)
        } else {
            color
        }
    };
    for (color, s) in series {
        let color = &paint(s.figure, *color);
        for c in &s.connections {
            let a = (axes.x(c.from.0), axes.y(c.from.1));
            let b = (axes.x(c.to.0), axes.y(c.to.1));
            segments.push((a, b));
            layout.scene.items.push(Item::Line(Line {
                points: vec![a, b],
                width: line_width,
                color: *color,
                dash: c
                    .spans_missing_years
                    .then_some((size.base * 0.45, size.base * 0.3)),
            }));
        }
    }
    let mut points = Vec::new();
    for (color, s) in series {
        for p in &s.points {
            let color = &paint(p.figure, *color);
            let (fill, stroke) = match p.status {
                Status::Actual => (Some((*color, 1.0)), None),
                Status::Target => (Some((background, 1.0)), Some((*color, line_width))),
                Status::Estimate => (Some((*color, 0.45)), None),
            };
            let shape = Shape::Circle {
                cx: axes.x(p.year),
                cy: axes.y(p.value),
                r: radius,
            };
            points.push(shape.bounds());
            // Where a note on the point points.
            layout.hit(shape.bounds(), super::scene::Target::Figure(p.figure));
            layout.scene.items.push(Item::Shape(Filled {
                shape,
                fill,
                stroke,
                is_mark: true,
            }));
        }
    }
    (segments, points)
}

/// Values beside points where they find room: each series' first point
/// (its last value is in its end label) or, with a key, both ends.
fn value_labels(
    layout: &mut Layout,
    view: &ChartView,
    series: &[(Rgb, LineSeries)],
    axes: &Axes,
    (segments, points): (&[Segment], &[Bounds]),
    room: &Bounds,
    direct: bool,
) {
    let size = layout.size.small;
    let radius = layout.size.base * 0.3;
    let mut taken: Vec<Bounds> = layout
        .scene
        .texts()
        .map(super::scene::Text::bounds)
        .collect();
    taken.extend(points.iter().map(|b| b.grown(radius * 0.3)));
    for (color, s) in series {
        let mut ends: Vec<&crate::view::charts::PlotPoint> = Vec::new();
        if s.points.len() > 1 || !direct {
            ends.extend(s.points.first());
        }
        if !direct && s.points.len() > 1 {
            ends.extend(s.points.last());
        }
        for p in ends {
            let text = p.value_text(s.unit, view.convention);
            let place = Placing {
                centre: (axes.x(p.year), axes.y(p.value)),
                radius,
                size,
                lang: view.lang,
            };
            if let Some(((x, y), anchor)) = place.find(&text, &taken, segments, room) {
                let width = fonts::text_width(&text, size, false, view.lang);
                taken.push(text_bounds(x, y, width, size, anchor));
                let color = layout.theme.text_color(*color);
                layout.text(&text, (x, y), size, false, color, anchor, Role::Value);
            }
        }
    }
}

/// Places the end labels' blocks near the heights they want without
/// overlapping, between `low` and `high`; false if they cannot all fit.
fn stack(labels: &mut [EndLabel], low: f32, high: f32, gap: f32) -> bool {
    let total: f32 = labels.iter().map(|l| l.height + gap).sum();
    if total > high - low {
        return false;
    }
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by(|a, b| labels[*a].wanted.total_cmp(&labels[*b].wanted));
    // Down from the top, each below the last...
    let mut floor = low;
    for &i in &order {
        let top = (labels[i].wanted - labels[i].height / 2.0).max(floor);
        labels[i].top = top;
        floor = top + labels[i].height + gap;
    }
    // ...then up from the bottom, each above the next.
    let mut ceiling = high;
    for &i in order.iter().rev() {
        let top = labels[i].top.min(ceiling - labels[i].height);
        labels[i].top = top;
        ceiling = top - gap;
    }
    labels.iter().all(|l| l.top >= low - 0.01)
}

/// Draws the end labels at `x`, each with a thin leader from its last point
/// when the point is not level with it or not at the plot's right edge.
fn end_labels(
    layout: &mut Layout,
    labels: &[EndLabel],
    x: f32,
    radius: f32,
    segments: &mut Vec<Segment>,
) {
    for label in labels {
        let size = label.size;
        let centre = label.top + label.height / 2.0;
        let (px, py) = label.point;
        if (centre - py).abs() > size * 0.4 || x - px > radius * 4.0 {
            let from = (px + radius * 1.6, py);
            let to = (x - size * 0.35, centre);
            segments.push((from, to));
            layout.scene.items.push(Item::Line(Line {
                points: vec![from, to],
                width: (size * 0.06).max(0.6),
                color: label.color,
                dash: None,
            }));
        }
        for (i, line) in label.lines.iter().enumerate() {
            let y = label.top + ASCENT_EM * size + i as f32 * size * LINE;
            layout.text(
                line,
                (x, y),
                size,
                false,
                label.color,
                Anchor::Start,
                Role::Label,
            );
        }
    }
}

/// Sets a key above the plot: a line swatch and each series' name, flowed
/// in rows. Returns the y below it.
fn key(
    layout: &mut Layout,
    series: &[(Rgb, LineSeries)],
    area: Bounds,
    lang: crate::i18n::Lang,
) -> f32 {
    let size = layout.size.small;
    let swatch = size * 1.4;
    let gap = size * 0.5;
    let space = size * 1.2;
    let width = area.x1 - area.x0;
    let mut x = area.x0;
    let mut y = area.y0 + ASCENT_EM * size;
    for (color, s) in series {
        // One line, shortened to the key's width.
        let name = fonts::clamp_lines(
            vec![s.title.clone()],
            1,
            width - swatch - gap,
            size,
            false,
            lang,
        )
        .concat();
        let entry = swatch + gap + fonts::text_width(&name, size, false, lang);
        if x > area.x0 && x + entry > area.x1 {
            x = area.x0;
            y += size * LINE;
        }
        let mid = y - size * 0.32;
        layout.scene.items.push(Item::Line(Line {
            points: vec![(x, mid), (x + swatch, mid)],
            width: (0.15 * layout.size.base).max(1.0),
            color: *color,
            dash: None,
        }));
        let color = layout.theme.text_color(*color);
        layout.text(
            &name,
            (x + swatch + gap, y),
            size,
            false,
            color,
            Anchor::Start,
            Role::Key,
        );
        x += entry + space;
    }
    y + size * 0.4
}

/// A value label looking for its place beside a point.
struct Placing {
    centre: (f32, f32),
    radius: f32,
    size: f32,
    lang: crate::i18n::Lang,
}

impl Placing {
    /// The first place beside the point where the label covers no other
    /// text, mark or line and stays in `room`: above, below, right, left,
    /// then beside the corners (for a point near the plot's edge).
    fn find(
        &self,
        text: &str,
        taken: &[Bounds],
        segments: &[Segment],
        room: &Bounds,
    ) -> Option<((f32, f32), Anchor)> {
        let (cx, cy) = self.centre;
        let (radius, size) = (self.radius, self.size);
        let width = fonts::text_width(text, size, false, self.lang);
        let gap = radius + size * 0.3;
        let (above, below) = (cy - gap - 0.24 * size, cy + gap + ASCENT_EM * size);
        let candidates = [
            ((cx, above), Anchor::Middle),
            ((cx, below), Anchor::Middle),
            ((cx + gap, cy + 0.32 * size), Anchor::Start),
            ((cx - gap, cy + 0.32 * size), Anchor::End),
            ((cx - radius, below), Anchor::Start),
            ((cx - radius, above), Anchor::Start),
            ((cx + radius, below), Anchor::End),
            ((cx + radius, above), Anchor::End),
        ];
        candidates.into_iter().find(|((x, y), anchor)| {
            let bounds = text_bounds(*x, *y, width, size, *anchor);
            let padded = bounds.grown(size * 0.1);
            room.contains(&bounds)
                && !taken.iter().any(|t| t.overlaps(&padded))
                && !segments.iter().any(|(a, b)| padded.crosses_segment(*a, *b))
        })
    }
}
