//! The timeline on paper: one row per plan, its period a bar on a scale of
//! years; targets as hollow diamonds at their deadlines, facts as dots at
//! the dates they hold as of, funds as squares at the date of the document
//! stating them; the edition as a dashed "now" line. A key above the rows
//! names the marks; the footer says which targets have no deadline and how
//! far the targets with a matching series have come.

use std::collections::HashSet;
use std::hash::BuildHasher;

use super::anatomy::{ASCENT_EM, LINE, Layout, Type, Words};
use super::scene::{Anchor, Bounds, Filled, Frozen, Item, Line, Rgb, Role, Scene, Shape, Target};
use super::spec::{ChartView, PALETTE, Page, Paper};
use super::{fonts, words};
use crate::dataset::FigureRef;
use crate::i18n::{Lang, T, fill, tr};
use crate::view::timeline::{MarkKind, Timeline, TimelineMark};

/// The colour of each kind of mark, and of the periods' bars.
pub fn kind_color(kind: MarkKind) -> Rgb {
    match kind {
        MarkKind::Target => PALETTE[5],
        MarkKind::Fact => PALETTE[2],
        MarkKind::Fund => PALETTE[1],
    }
}

/// The periods' bars.
pub const PERIOD_COLOR: Rgb = PALETTE[4];

/// The title of the timeline: how many plans over which years.
pub fn title_of(view: &ChartView) -> String {
    title(view, &Timeline::new(view.dataset))
}

/// [`title_of`] from a timeline already built (the window keeps one).
pub fn title(view: &ChartView, timeline: &Timeline) -> String {
    let plans = timeline.rows.iter().filter(|r| r.plan.is_some()).count();
    fill(
        view.lang,
        T::TitleTimeline,
        &[&plans, &timeline.span.0, &timeline.span.1],
    )
}

/// A row's name: its plan's title, or the row for figures of no plan.
pub fn row_name(view: &ChartView, timeline: &Timeline, row: usize) -> String {
    match timeline.rows.get(row).and_then(|r| r.plan) {
        Some(plan) => crate::view::plan_title(view.lang, view.dataset, plan).into_owned(),
        None => tr(view.lang, T::NoPlanRow).to_owned(),
    }
}

/// A row's period as written: "2026–2030", "–2035" (start not stated).
pub fn period_text(lang: Lang, years: (Option<i32>, Option<i32>)) -> String {
    match years {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (None, Some(end)) => fill(lang, T::PeriodNoStart, &[&end]),
        _ => String::new(),
    }
}

/// The footer's sentences on one target's progress: "Shanghai GDP growth:
/// 5.4% in 2025, against about 5% by 2026".
pub fn progress_notes<'a>(
    view: &ChartView,
    marks: impl IntoIterator<Item = &'a TimelineMark>,
) -> Vec<String> {
    let lang = view.lang;
    let data = view.dataset;
    marks
        .into_iter()
        .filter_map(|mark| {
            let progress = mark.progress.as_ref()?;
            let FigureRef::Target(t) = mark.figures[0] else {
                return None;
            };
            let target = &data.targets[t.index()];
            let name = crate::view::localized_title(lang, target);
            let goal = crate::view::amount::of_target(target, view.convention);
            let deadline = mark.date.as_str();
            Some(match progress.latest {
                Some((year, value)) => {
                    let latest = crate::view::amount::value(value, target.unit, view.convention);
                    match progress.share {
                        Some(share) => fill(
                            lang,
                            T::ProgressShare,
                            &[&name, &latest, &year, &goal, &deadline, &percent(share)],
                        ),
                        None => fill(
                            lang,
                            T::ProgressAgainst,
                            &[&name, &latest, &year, &goal, &deadline],
                        ),
                    }
                }
                None => fill(lang, T::ProgressNone, &[&name, &goal, &deadline]),
            })
        })
        .collect()
}

/// A share as a whole percentage: "36%".
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The footer's sentence on each plan's targets with no deadline.
fn undated_notes(view: &ChartView, timeline: &Timeline) -> Vec<String> {
    timeline
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.undated_targets.is_empty())
        .map(|(i, r)| {
            fill(
                view.lang,
                T::UndatedTargets,
                &[&row_name(view, timeline, i), &r.undated_targets.len()],
            )
        })
        .collect()
}

/// The scene of the timeline.
pub fn scene(view: &ChartView, page: &Page) -> Scene {
    let lang = view.lang;
    let timeline = Timeline::new(view.dataset);
    let figures: Vec<FigureRef> = timeline
        .marks
        .iter()
        .flat_map(|m| m.figures.iter().copied())
        .collect();
    let mut later = undated_notes(view, &timeline);
    if timeline
        .rows
        .iter()
        .any(|r| r.start.is_none() && r.end.is_some())
    {
        later.push(tr(lang, T::FaintBarNote).to_owned());
    }
    let mut notes: Vec<String> = words::annotations_note(view).into_iter().collect();
    let mut base_words = Words {
        title: title(view, &timeline),
        subtitle: words::sentences(lang, tr(lang, T::ReadTimeline), &[]),
        sources: words::sources(view),
        reliability: words::reliability(view),
        notes: notes.iter().chain(&later).cloned().collect(),
        made_with: words::made_with(view),
    };
    // A target's progress is labelled at its mark where there is room
    // (which depends on the width alone), and said in the footer where not.
    let probe = Rows::new(
        &Layout::new(page, lang, &base_words),
        view,
        &timeline,
        false,
    );
    let labelled: Vec<usize> = (0..timeline.rows.len())
        .flat_map(|r| probe.progress_labels(view, &timeline, r))
        .map(|placed| placed.mark)
        .collect();
    let unlabelled: Vec<&TimelineMark> = timeline
        .marks
        .iter()
        .enumerate()
        .filter(|(m, mark)| mark.progress.is_some() && !labelled.contains(m))
        .map(|(_, mark)| mark)
        .collect();
    notes.extend(progress_notes(view, unlabelled));
    notes.extend(later);
    notes.extend(words::english_names_note(view, figures.iter().copied()));
    notes.extend(words::caveat_notes(view, figures.iter().copied()));
    base_words.notes = notes;
    let (mut layout, shown) =
        words::fitting(page, lang, &base_words, timeline.rows.len(), |layout| {
            Rows::new(layout, view, &timeline, false).rows_that_fit(layout)
        });
    let rows = Rows::new(&layout, view, &timeline, false);
    if shown == 0 || rows.x1 <= rows.x0 {
        words::nothing_to_show(&mut layout, lang);
    } else {
        rows.draw(&mut layout, view, &timeline, shown, &Window::paper());
        layout.scene.axes = Some(rows.axes(&layout));
    }
    layout.finish()
}

/// How the window's timeline differs from the paper's: its years at the
/// top, kept in view with the key while the rows scroll, and the marks
/// linked to the selection ringed.
struct Window<'a> {
    /// The years above the rows rather than below.
    years_on_top: bool,
    /// Whether a figure's mark is ringed.
    ringed: Option<&'a dyn Fn(FigureRef) -> bool>,
}

impl Window<'_> {
    fn paper() -> Self {
        Self {
            years_on_top: false,
            ringed: None,
        }
    }
}

/// The timeline in the window, as wide as its panel and as tall as its
/// rows: the key and the years at the top (they stay in view while the
/// rows scroll, [`Scene::frozen`]), every row, the marks linked to
/// `ringed` ringed.
pub fn window_scene<S: BuildHasher>(
    view: &ChartView,
    timeline: &Timeline,
    body: f32,
    width: f32,
    paper: Paper,
    ringed: &HashSet<FigureRef, S>,
) -> Scene {
    let ringed = |figure: FigureRef| ringed.contains(&figure);
    let size = Type::window(body);
    let margin = size.small * 0.5;
    let probe = Page {
        width,
        height: 1000.0,
        theme: paper,
    };
    let probe = Layout::bare(&probe, view.lang, "", size, margin);
    let rows = Rows::new(&probe, view, timeline, true);
    let height = 2.0 * margin + rows.years_top() + rows.heights.iter().sum::<f32>();
    let page = Page {
        width,
        height,
        theme: paper,
    };
    let mut layout = Layout::bare(&page, view.lang, &title(view, timeline), size, margin);
    let window = Window {
        years_on_top: true,
        ringed: Some(&ringed),
    };
    if rows.x1 > rows.x0 {
        rows.draw(&mut layout, view, timeline, timeline.rows.len(), &window);
        layout.scene.axes = Some(rows.axes(&layout));
    }
    layout.scene.frozen = Frozen {
        left: 0.0,
        top: margin + rows.years_top(),
    };
    layout.finish()
}

/// A label placed beside a mark.
struct Placed {
    /// The mark's index in the timeline.
    mark: usize,
    text: String,
    x: f32,
    anchor: Anchor,
}

/// A target's progress as a label beside its mark: "5.4% in 2025" (with
/// the share of the target where it means something), or "no actual
/// figure yet".
pub fn progress_label(view: &ChartView, mark: &TimelineMark) -> Option<String> {
    let progress = mark.progress.as_ref()?;
    let FigureRef::Target(t) = mark.figures[0] else {
        return None;
    };
    // A growth rate's label is short: the chart is not about its unit.
    let unit = match view.dataset.targets[t.index()].unit {
        crate::dataset::QuantityUnit::PercentYoy => crate::dataset::QuantityUnit::Percent,
        unit => unit,
    };
    Some(match (progress.latest, progress.share) {
        (Some((year, value)), Some(share)) => fill(
            view.lang,
            T::ProgressLabelShare,
            &[
                &crate::view::amount::value(value, unit, view.convention),
                &year,
                &percent(share),
            ],
        ),
        (Some((year, value)), None) => fill(
            view.lang,
            T::ProgressLabel,
            &[
                &crate::view::amount::value(value, unit, view.convention),
                &year,
            ],
        ),
        (None, _) => tr(view.lang, T::ProgressLabelNone).to_owned(),
    })
}

/// A period as the picture's names' column writes it: "2026–2030", or
/// "…–2035" where the plan states no first year (the footer says so).
fn period_short(years: (Option<i32>, Option<i32>)) -> String {
    match years {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (None, Some(end)) => format!("…–{end}"),
        _ => String::new(),
    }
}

/// The geometry: the names' column, the scale, the rows' height.
struct Rows {
    text: f32,
    name_width: f32,
    /// Each name over its period in words, on two lines (the window, where
    /// the column is narrow), rather than both on one line (paper).
    stacked: bool,
    /// The scale's left and right ends, in points.
    x0: f32,
    x1: f32,
    /// Years at the ends.
    from: f64,
    to: f64,
    /// Each row's height: taller where a progress label sits above the bar.
    heights: Vec<f32>,
    key_height: f32,
    /// The key's entries, wrapped into lines.
    key: Vec<Vec<(KeyMark, String, f32)>>,
}

/// A key entry's symbol.
#[derive(Clone, Copy)]
enum KeyMark {
    Period,
    Kind(MarkKind),
    Now,
}

impl Rows {
    fn new(layout: &Layout, view: &ChartView, timeline: &Timeline, stacked: bool) -> Self {
        let lang = view.lang;
        let text = layout.size.small;
        let area = layout.plot;
        let width = area.x1 - area.x0;
        let names = (0..timeline.rows.len())
            .map(|r| fonts::text_width(&row_name(view, timeline, r), text, false, lang))
            .fold(0.0, f32::max);
        let name_width = names.min(width * 0.32);
        let x0 = area.x0 + name_width + text;
        let x1 = area.x1 - text * 0.8;
        let from = f64::from(timeline.span.0);
        let to = f64::from(timeline.span.1) + 1.0;
        // The key, wrapped to the plot's width.
        let swatch = text * 1.6;
        let gap = layout.size.base * 0.5;
        let mut entries: Vec<(KeyMark, String)> =
            vec![(KeyMark::Period, tr(lang, T::KeyPeriod).to_owned())];
        for kind in [MarkKind::Target, MarkKind::Fact, MarkKind::Fund] {
            if timeline.marks.iter().any(|m| m.kind == kind) {
                let label = match kind {
                    MarkKind::Target => T::KeyTarget,
                    MarkKind::Fact => T::KeyFact,
                    MarkKind::Fund => T::KeyFund,
                };
                entries.push((KeyMark::Kind(kind), tr(lang, label).to_owned()));
            }
        }
        if let Some(now) = timeline.now.filter(|n| (from..=to).contains(n)) {
            let _ = now;
            entries.push((
                KeyMark::Now,
                fill(lang, T::KeyEdition, &[&view.dataset.edition]),
            ));
        }
        let mut key: Vec<Vec<(KeyMark, String, f32)>> = vec![Vec::new()];
        let mut x = 0.0;
        for (mark, label) in entries {
            let label = fonts::clamp_lines(vec![label], 1, width - swatch - gap, text, false, lang)
                .concat();
            let w = swatch + gap * 0.5 + fonts::text_width(&label, text, false, lang);
            if x > 0.0 && x + w > width {
                key.push(Vec::new());
                x = 0.0;
            }
            if let Some(line) = key.last_mut() {
                line.push((mark, label, x));
            }
            x += w + gap * 1.5;
        }
        let key_height = key.len() as f32 * text * LINE + text * 0.6;
        // Stacked, a row holds its name and period over each other.
        let least = if stacked {
            text * (2.0 * LINE + 0.5)
        } else {
            0.0
        };
        Self {
            text,
            name_width,
            stacked,
            x0,
            x1,
            from,
            to,
            heights: (0..timeline.rows.len())
                .map(|r| {
                    let one = if timeline.marks_of(r).any(|m| m.progress.is_some()) {
                        text * 2.9
                    } else {
                        text * (LINE + 0.75)
                    };
                    one.max(least)
                })
                .collect(),
            key_height,
            key,
        }
    }

    /// Where years fall, for the annotations: the scale under the key.
    fn axes(&self, layout: &Layout) -> super::annotate::PlotAxes {
        super::annotate::PlotAxes {
            area: super::scene::Bounds {
                x0: self.x0,
                y0: layout.plot.y0 + self.key_height,
                x1: self.x1,
                y1: layout.plot.y1,
            },
            years: Some(super::annotate::AxisMap {
                a: (self.from, self.x0),
                b: (self.to, self.x1),
                log: false,
            }),
            continuous_years: true,
            values: None,
        }
    }

    #[expect(
        clippy::cast_possible_truncation,
        reason = "A share of the scale: between 0 and 1, so the narrowing loses nothing that shows."
    )]
    fn x(&self, year: f64) -> f32 {
        let share = ((year - self.from) / (self.to - self.from)) as f32;
        self.x0 + (self.x1 - self.x0) * share
    }

    /// Key, rows, then the year axis below them.
    fn rows_that_fit(&self, layout: &Layout) -> usize {
        let room = layout.plot.y1 - layout.plot.y0 - self.key_height - self.text * 1.8;
        let mut used = 0.0;
        for (r, height) in self.heights.iter().enumerate() {
            used += height;
            if used > room {
                return r;
            }
        }
        self.heights.len()
    }

    /// The height of the key and, in the window, the years above the rows.
    fn years_top(&self) -> f32 {
        self.key_height + self.text * 1.8
    }

    fn draw(
        &self,
        layout: &mut Layout,
        view: &ChartView,
        timeline: &Timeline,
        shown: usize,
        window: &Window,
    ) {
        let ink = layout.ink;
        let text = self.text;
        let area = layout.plot;
        self.draw_key(layout);
        let top = if window.years_on_top {
            area.y0 + self.years_top()
        } else {
            area.y0 + self.key_height
        };
        let bottom = top + self.heights[..shown].iter().sum::<f32>();
        // The years' baseline: under the rows on paper, over them in the
        // window.
        let years_y = if window.years_on_top {
            top - text * (1.8 - 0.4 - ASCENT_EM)
        } else {
            bottom + text * (0.4 + ASCENT_EM)
        };
        self.draw_years(layout, timeline, (top, bottom), years_y);
        let lit = view.highlight.filter(|s| !s.is_empty());
        for r in 0..shown {
            let row = &timeline.rows[r];
            let row_top = top + self.heights[..r].iter().sum::<f32>();
            // A taller row keeps its bar low, under its labels; stacked, the
            // bar runs between the name and the period.
            let low = if self.stacked {
                self.text * 1.3
            } else {
                self.text * (LINE + 0.75) * 0.5
            };
            let centre = row_top + self.heights[r] - low;
            self.draw_name(layout, view, timeline, r, centre);
            if row.plan.is_some() {
                layout.hit(
                    Bounds {
                        x0: area.x0,
                        y0: row_top,
                        x1: area.x0 + self.name_width,
                        y1: row_top + self.heights[r],
                    },
                    Target::TimelineRow(r),
                );
            }
            if let Some(end) = row.end {
                let start = row.start.unwrap_or(self.from);
                let (a, b) = (self.x(start.max(self.from)), self.x(end.min(self.to)));
                let half = text * 0.22;
                // A period with no stated start fades in from the left.
                let color = PERIOD_COLOR.mix(ink.background, 0.35);
                layout.scene.items.push(Item::Shape(Filled {
                    shape: Shape::Rect(Bounds {
                        x0: a,
                        y0: centre - half,
                        x1: b,
                        y1: centre + half,
                    }),
                    fill: Some((color, if row.start.is_some() { 1.0 } else { 0.45 })),
                    stroke: None,
                    is_mark: true,
                }));
            }
            for (m, mark) in timeline
                .marks
                .iter()
                .enumerate()
                .filter(|(_, m)| m.row == r)
            {
                let dimmed = lit.is_some_and(|set| !mark.figures.iter().any(|f| set.contains(f)));
                let ringed = window
                    .ringed
                    .is_some_and(|ringed| mark.figures.iter().any(|&f| ringed(f)));
                let y = centre + mark.kind.lane() * text * 0.5;
                self.draw_mark(layout, (m, mark), y, dimmed, ringed);
            }
            for label in self.progress_labels(view, timeline, r) {
                layout.text(
                    &label.text,
                    (label.x, centre - text * 0.48),
                    text,
                    false,
                    ink.muted,
                    label.anchor,
                    Role::Value,
                );
            }
        }
        if let Some(now) = timeline.now.filter(|n| (self.from..=self.to).contains(n)) {
            let x = self.x(now);
            layout.scene.items.push(Item::Line(Line {
                points: vec![(x, top - text * 0.2), (x, bottom)],
                width: 0.1 * layout.size.base,
                color: ink.text,
                dash: Some((text * 0.35, text * 0.25)),
            }));
        }
    }

    /// Year gridlines at each year's start from `top` to `bottom`, labels
    /// at each year's middle on the baseline `y`, as many as fit.
    fn draw_years(
        &self,
        layout: &mut Layout,
        timeline: &Timeline,
        (top, bottom): (f32, f32),
        years_y: f32,
    ) {
        let lang = layout.scene.lang;
        let ink = layout.ink;
        let text = self.text;
        let years = usize::try_from(timeline.span.1 - timeline.span.0 + 1).unwrap_or(1);
        let label_width = fonts::text_width("2030", text, false, lang) * 1.6;
        let every = (1..=years.max(1))
            .find(|&step| label_width * (years / step) as f32 <= (self.x1 - self.x0))
            .unwrap_or(years.max(1));
        for i in 0..=years {
            let year = self.from + i as f64;
            let x = self.x(year);
            layout.scene.items.push(Item::Line(Line {
                points: vec![(x, top), (x, bottom)],
                width: 0.04 * layout.size.base,
                color: ink.grid,
                dash: None,
            }));
            if i < years && i % every == 0 {
                let label = format!("{}", timeline.span.0 + i32::try_from(i).unwrap_or(0));
                layout.text(
                    &label,
                    (self.x(year + 0.5), years_y),
                    text,
                    false,
                    ink.muted,
                    Anchor::Middle,
                    Role::Tick,
                );
            }
        }
    }

    /// A row's name, shortened to leave room for its period at the
    /// column's right.
    fn draw_name(
        &self,
        layout: &mut Layout,
        view: &ChartView,
        timeline: &Timeline,
        r: usize,
        centre: f32,
    ) {
        let lang = view.lang;
        let text = self.text;
        let ink = layout.ink;
        let area = layout.plot;
        if self.stacked {
            // The name over its period in words, the two lines centred on
            // the bar, each cut to the column.
            let first = centre + text * (0.32 - 0.5 * LINE);
            let lines = [
                (row_name(view, timeline, r), first, ink.text),
                (
                    period_text(lang, timeline.rows[r].years),
                    first + text * LINE,
                    ink.muted,
                ),
            ];
            for (words, y, colour) in lines {
                let cut =
                    fonts::clamp_lines(vec![words], 1, self.name_width, text, false, lang).concat();
                layout.text(
                    &cut,
                    (area.x0, y),
                    text,
                    false,
                    colour,
                    Anchor::Start,
                    Role::Label,
                );
            }
            return;
        }
        let y = centre + text * 0.32;
        let period = period_short(timeline.rows[r].years);
        let period_width = fonts::text_width(&period, text, false, lang);
        let room = (self.name_width - period_width - text * 0.6).max(text);
        let name = fonts::clamp_lines(
            vec![row_name(view, timeline, r)],
            1,
            room,
            text,
            false,
            lang,
        )
        .concat();
        let name_end = area.x0 + fonts::text_width(&name, text, false, lang);
        layout.text(
            &name,
            (area.x0, y),
            text,
            false,
            ink.text,
            Anchor::Start,
            Role::Label,
        );
        let period_x = area.x0 + self.name_width;
        if period_x - period_width > name_end + text * 0.3 {
            layout.text(
                &period,
                (period_x, y),
                text,
                false,
                ink.muted,
                Anchor::End,
                Role::Label,
            );
        }
    }

    /// The progress labels of a row's targets that fit beside their marks:
    /// right of the mark if the room to the next mark allows, else left.
    fn progress_labels(&self, view: &ChartView, timeline: &Timeline, r: usize) -> Vec<Placed> {
        let text = self.text;
        let marks: Vec<(usize, &TimelineMark)> = timeline
            .marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.row == r)
            .collect();
        let mut out = Vec::new();
        for (i, &(index, mark)) in marks.iter().enumerate() {
            let Some(label) = progress_label(view, mark) else {
                continue;
            };
            let width = fonts::text_width(&label, text, false, view.lang);
            let x = self.x(mark.at);
            let pad = text * 0.75;
            let next = marks.get(i + 1).map_or(self.x1, |m| self.x(m.1.at) - pad);
            let previous = if i == 0 {
                self.x0
            } else {
                self.x(marks[i - 1].1.at) + pad
            };
            if x + pad + width <= next {
                out.push(Placed {
                    mark: index,
                    text: label,
                    x: x + pad,
                    anchor: Anchor::Start,
                });
            } else if x - pad - width >= previous {
                out.push(Placed {
                    mark: index,
                    text: label,
                    x: x - pad,
                    anchor: Anchor::End,
                });
            }
        }
        out
    }

    fn draw_mark(
        &self,
        layout: &mut Layout,
        (m, mark): (usize, &TimelineMark),
        centre: f32,
        dimmed: bool,
        ringed: bool,
    ) {
        let x = self.x(mark.at);
        let color = kind_color(mark.kind);
        let color = if dimmed {
            layout.theme.pale(color)
        } else {
            color
        };
        let background = layout.ink.background;
        // Several figures at one place: a larger mark.
        let r = self.text * if mark.figures.len() > 1 { 0.5 } else { 0.38 };
        let shape = symbol(
            KeyMark::Kind(mark.kind),
            (x, centre),
            r,
            color,
            background,
            self.text,
        );
        let bounds = shape.shape.bounds();
        layout.scene.items.push(Item::Shape(shape));
        if ringed {
            layout.scene.items.push(Item::Shape(Filled {
                shape: Shape::Circle {
                    cx: x,
                    cy: centre,
                    r: r * 1.15 + self.text * 0.3,
                },
                fill: None,
                stroke: Some((layout.ink.text, self.text * 0.14)),
                is_mark: false,
            }));
        }
        layout.hit(bounds, Target::TimelineMark(m));
        // A note on any of the mark's figures points at the mark.
        layout
            .scene
            .anchors
            .extend(mark.figures.iter().map(|&figure| (figure, bounds)));
    }

    fn draw_key(&self, layout: &mut Layout) {
        let text = self.text;
        let ink = layout.ink;
        let area = layout.plot;
        for (l, line) in self.key.iter().enumerate() {
            let y = area.y0 + ASCENT_EM * text + l as f32 * text * LINE;
            for (mark, label, dx) in line {
                let x = area.x0 + dx;
                let centre = (x + text * 0.8, y - text * 0.33);
                match mark {
                    KeyMark::Now => layout.scene.items.push(Item::Line(Line {
                        points: vec![(centre.0, y - text * 0.8), (centre.0, y + text * 0.1)],
                        width: 0.1 * layout.size.base,
                        color: ink.text,
                        dash: Some((text * 0.2, text * 0.15)),
                    })),
                    mark => layout.scene.items.push(Item::Shape(symbol(
                        *mark,
                        centre,
                        text * 0.36,
                        match mark {
                            KeyMark::Kind(kind) => kind_color(*kind),
                            _ => PERIOD_COLOR.mix(ink.background, 0.35),
                        },
                        ink.background,
                        text,
                    ))),
                }
                layout.text(
                    label,
                    (x + text * 1.6 + layout.size.base * 0.25, y),
                    text,
                    false,
                    ink.text,
                    Anchor::Start,
                    Role::Key,
                );
            }
        }
    }
}

/// A mark's shape at `(x, y)` with half-size `r`.
fn symbol(
    mark: KeyMark,
    (x, y): (f32, f32),
    r: f32,
    color: Rgb,
    background: Rgb,
    text: f32,
) -> Filled {
    let stroke = (text * 0.11).max(0.8);
    match mark {
        KeyMark::Kind(MarkKind::Target) => Filled {
            shape: Shape::Polygon(vec![
                (x, y - r * 1.15),
                (x + r * 1.15, y),
                (x, y + r * 1.15),
                (x - r * 1.15, y),
            ]),
            fill: Some((background, 1.0)),
            stroke: Some((color, stroke)),
            is_mark: true,
        },
        KeyMark::Kind(MarkKind::Fact) => Filled {
            shape: Shape::Circle { cx: x, cy: y, r },
            fill: Some((color, 1.0)),
            stroke: Some((background, stroke * 0.6)),
            is_mark: true,
        },
        KeyMark::Kind(MarkKind::Fund) => Filled {
            shape: Shape::Rect(Bounds {
                x0: x - r * 0.9,
                y0: y - r * 0.9,
                x1: x + r * 0.9,
                y1: y + r * 0.9,
            }),
            fill: Some((color, 1.0)),
            stroke: Some((background, stroke * 0.6)),
            is_mark: true,
        },
        KeyMark::Period | KeyMark::Now => Filled {
            shape: Shape::Rect(Bounds {
                x0: x - r * 2.0,
                y0: y - r * 0.75,
                x1: x + r * 2.0,
                y1: y + r * 0.75,
            }),
            fill: Some((color, 1.0)),
            stroke: None,
            is_mark: true,
        },
    }
}
