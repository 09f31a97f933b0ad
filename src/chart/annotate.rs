//! The user's annotations laid out on a finished chart scene: a span of
//! years as a tinted band behind the data, a reference line at a value, a
//! note in a box joined to its mark by a leader line. On a map, a note on a
//! cell stands in the room kept at the table's right, the cell ringed and
//! the leader running along the line between two rows, where no count is
//! written, so it covers no cell's words.
//!
//! They are placed after the chart, in the room it leaves: a label or a
//! note never covers a data mark, a data line or another text, and its
//! leader crosses no text (the scene's overlap checks see them as text
//! runs of [`Role::Note`]). Placing them anew for each page size is what
//! makes them follow the chart when the page changes. What finds no room
//! is listed in [`Scene::left_out`], never drawn over the data.

mod cells;

use super::fonts;
use super::scene::{Anchor, Bounds, Filled, Item, Line, Role, Scene, Shape, Target, Text};
use super::spec::{ChartView, Ink, Page};
use crate::dataset::FigureRef;
use crate::i18n::Lang;
use crate::view::annotations::Annotation;

/// How one axis of a plot maps a number (a year, or a value in the
/// chart's unit) to a place on the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisMap {
    /// A number and its place.
    pub a: (f64, f32),
    /// Another number and its place.
    pub b: (f64, f32),
    /// Whether the numbers are placed by their logarithm.
    pub log: bool,
}

impl AxisMap {
    /// The place of `number`, if it has one (a log axis has none for zero
    /// or less).
    pub fn place(&self, number: f64) -> Option<f32> {
        let t = |v: f64| if self.log { v.log10() } else { v };
        if self.log && number <= 0.0 {
            return None;
        }
        let (a, b) = (t(self.a.0), t(self.b.0));
        if (b - a).abs() < f64::EPSILON {
            return Some(self.a.1);
        }
        let share = (t(number) - a) / (b - a);
        Some(self.a.1 + super::anatomy::to_f32(share) * (self.b.1 - self.a.1))
    }
}

/// Where a chart's years and values fall, for the annotations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotAxes {
    /// The plot's box: bands and lines stay inside it.
    pub area: Bounds,
    /// Years along x, where the chart has them.
    pub years: Option<AxisMap>,
    /// Whether the year axis is continuous (a year runs from its start to
    /// the next's, as in the timeline) rather than a point per year.
    pub continuous_years: bool,
    /// Values (in the chart's unit) along y, or along x for bars.
    pub values: Option<(AxisMap, bool)>,
}

impl PlotAxes {
    /// Values along y (line charts).
    pub fn vertical(values: AxisMap) -> Option<(AxisMap, bool)> {
        Some((values, false))
    }

    /// Values along x (bars).
    pub fn horizontal(values: AxisMap) -> Option<(AxisMap, bool)> {
        Some((values, true))
    }
}

/// Why an annotation is not drawn on a chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// The chart has no years (a span) or values (a line) to place it on.
    NoAxis(usize),
    /// The mark of a note is not drawn (hidden, or not in this chart).
    NoMark(usize),
    /// It lies outside the chart's range of years or values.
    OutOfRange(usize),
    /// No room was found that covers nothing.
    NoRoom(usize),
    /// A span or line is drawn, but its words found no room that covers
    /// nothing.
    NoRoomForWords(usize),
    /// A note's map cell is not drawn at this size: its row or its plan
    /// does not fit on the page.
    CellNotShown(usize),
}

impl LeftOut {
    /// The annotation's place in the chart's list, from 0.
    pub fn index(&self) -> usize {
        match *self {
            Self::NoAxis(i)
            | Self::NoMark(i)
            | Self::OutOfRange(i)
            | Self::NoRoom(i)
            | Self::NoRoomForWords(i)
            | Self::CellNotShown(i) => i,
        }
    }
}

/// Lays out `view`'s annotations on its `scene`, drawn on `page`.
pub fn place(scene: &mut Scene, view: &ChartView, page: &Page) {
    if view.annotations.is_empty() {
        return;
    }
    let ink = page.theme.ink();
    let size = note_size(scene);
    Placer::new(scene, ink, size).place_all(view);
}

/// A plot drawn by another hand (the window's zoomable plots), as its
/// annotations must keep clear of it: in the plot's own points, its
/// top-left corner at (0, 0).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backdrop {
    /// The plot's width.
    pub width: f32,
    /// The plot's height.
    pub height: f32,
    /// Where years and values fall on it.
    pub axes: Option<PlotAxes>,
    /// Its data marks (points, bars), each with the figure it stands for.
    pub marks: Vec<(Bounds, FigureRef)>,
    /// Its texts' boxes (labels, values).
    pub texts: Vec<Bounds>,
    /// Its data lines' segments.
    pub lines: Vec<((f32, f32), (f32, f32))>,
}

/// The annotations of `view` laid out over `backdrop` by the rules they
/// follow on paper (nothing covered, what finds no room left out), in
/// `ink` at `size`: a scene holding only them, the backdrop's marks as its
/// hit regions.
pub fn over(backdrop: &Backdrop, view: &ChartView, ink: Ink, size: f32) -> Scene {
    let mut scene = Scene {
        width: backdrop.width,
        height: backdrop.height,
        background: ink.background,
        lang: view.lang,
        title: String::new(),
        items: Vec::new(),
        hits: backdrop
            .marks
            .iter()
            .map(|&(bounds, figure)| super::scene::Hit {
                bounds,
                target: Target::Figure(figure),
            })
            .collect(),
        frozen: super::scene::Frozen::default(),
        axes: backdrop.axes,
        left_out: Vec::new(),
        anchors: Vec::new(),
        cells: None,
    };
    if view.annotations.is_empty() {
        return scene;
    }
    let mut placer = Placer::new(&mut scene, ink, size);
    placer.taken.extend(backdrop.texts.iter().copied());
    placer
        .taken
        .extend(backdrop.marks.iter().map(|&(bounds, _)| bounds));
    placer.data_lines.extend(backdrop.lines.iter().copied());
    placer.place_all(view);
    scene
}

impl Placer<'_> {
    /// Places each of `view`'s annotations in turn, noting those left out.
    fn place_all(mut self, view: &ChartView) {
        for (i, annotation) in view.annotations.iter().enumerate() {
            let outcome = match annotation {
                Annotation::Span { from, to, label } => self.span(i, (*from, *to), label),
                Annotation::Line { value, label } => self.line(i, *value, label),
                Annotation::Note { text, .. } => match annotation.figure(view.dataset) {
                    Some(figure) => self.note(i, figure, text),
                    None => Err(LeftOut::NoMark(i)),
                },
                Annotation::CellNote { text, .. } => {
                    let table = self.scene.cells.as_ref().map(|m| m.table);
                    let cell = annotation.cell(view.dataset).and_then(|cell| {
                        let cells = &self.scene.cells.as_ref()?.cells;
                        cells.iter().find(|(c, _)| *c == cell).map(|&(_, b)| b)
                    });
                    match (cell, table) {
                        (Some(cell), Some(table)) => self.cell_note(i, cell, table, text),
                        // A map without the cell's row or plan in view.
                        (None, Some(_)) if annotation.cell(view.dataset).is_some() => {
                            Err(LeftOut::CellNotShown(i))
                        }
                        _ => Err(LeftOut::NoMark(i)),
                    }
                }
            };
            if let Err(left_out) = outcome {
                self.scene.left_out.push(left_out);
            }
        }
    }
}

/// The notes' type size: the chart's tick labels', else a fraction of the
/// page.
fn note_size(scene: &Scene) -> f32 {
    scene
        .texts()
        .filter(|t| matches!(t.role, Role::Tick | Role::Value | Role::Cell))
        .map(|t| t.size)
        .fold(None, |min: Option<f32>, s| {
            Some(min.map_or(s, |m| m.min(s)))
        })
        .unwrap_or(scene.width.min(scene.height) / 45.0)
}

/// The language a user's words are set in: Chinese if any of them needs
/// the Chinese face.
fn words_lang(text: &str) -> Lang {
    if fonts::needs_cjk(text) {
        Lang::Zh
    } else {
        Lang::En
    }
}

struct Placer<'a> {
    scene: &'a mut Scene,
    ink: Ink,
    size: f32,
    /// What nothing may cover: text boxes, marks, notes' boxes.
    taken: Vec<Bounds>,
    /// The data lines' segments, which no note may cover.
    data_lines: Vec<((f32, f32), (f32, f32))>,
    /// Where notes may go: the plot, else the page inside its margins.
    room: Bounds,
    /// A map's table, which no note may stand on.
    table: Option<Bounds>,
}

impl<'a> Placer<'a> {
    fn new(scene: &'a mut Scene, ink: Ink, size: f32) -> Self {
        // On a map no note stands on the table and a leader runs only
        // between its rows or columns, clear of its counts: the texts well
        // inside it need not be measured (a large map has thousands).
        let inner = scene.cells.as_ref().map(|m| m.table.grown(-size * 2.0));
        let mut taken: Vec<Bounds> = scene
            .texts()
            .filter(|t| {
                !inner.is_some_and(|inner| {
                    inner.contains(&Bounds {
                        x0: t.x,
                        y0: t.y,
                        x1: t.x,
                        y1: t.y,
                    })
                })
            })
            .map(Text::bounds)
            .collect();
        taken.extend(scene.marks().map(|m| m.shape.bounds()));
        let mut data_lines = Vec::new();
        for item in &scene.items {
            if let Item::Line(line) = item
                && line.color != ink.grid
                && line.color != ink.axis
            {
                data_lines.extend(line.points.windows(2).map(|w| (w[0], w[1])));
            }
        }
        // The page inside a thin margin: the plot first, by the order of
        // the places tried, but a label may stand just outside it where
        // nothing else is.
        let margin = scene.width.min(scene.height) * 0.02;
        let room = Bounds {
            x0: margin,
            y0: margin,
            x1: scene.width - margin,
            y1: scene.height - margin,
        };
        let table = scene.cells.as_ref().map(|m| m.table);
        // In the window a map's names and headings stay in view over what
        // scrolls: no note may go under them.
        let room = if table.is_some() {
            Bounds {
                x0: room.x0.max(scene.frozen.left),
                y0: room.y0.max(scene.frozen.top + margin),
                ..room
            }
        } else {
            room
        };
        Self {
            scene,
            ink,
            size,
            taken,
            data_lines,
            room,
            table,
        }
    }

    /// Whether a box is free: inside the room, over no text, mark, data
    /// line or note.
    fn is_free(&self, bounds: &Bounds) -> bool {
        let padded = bounds.grown(self.size * 0.15);
        self.room.contains(bounds)
            && !self.table.is_some_and(|t| t.overlaps(&padded))
            && !self.taken.iter().any(|t| t.overlaps(&padded))
            && !self
                .data_lines
                .iter()
                .any(|(a, b)| padded.crosses_segment(*a, *b))
    }

    /// The first free place for a box of `width` by `height` among
    /// `corners` (top-left corners, in order of preference).
    fn first_free(
        &self,
        width: f32,
        height: f32,
        corners: impl IntoIterator<Item = (f32, f32)>,
    ) -> Option<Bounds> {
        corners
            .into_iter()
            .map(|(x, y)| Bounds {
                x0: x,
                y0: y,
                x1: x + width,
                y1: y + height,
            })
            .find(|b| self.is_free(b))
    }

    /// One line of the user's words at the top-left corner of `bounds`.
    fn words(&mut self, text: &str, bounds: Bounds, color: super::scene::Rgb) {
        self.scene.items.push(Item::Text(Text {
            x: bounds.x0,
            y: bounds.y0 + self.size * 0.88,
            text: text.to_owned(),
            size: self.size,
            bold: false,
            color,
            anchor: Anchor::Start,
            role: Role::Note,
            lang: words_lang(text),
        }));
        self.taken.push(bounds);
    }

    fn span(&mut self, i: usize, (from, to): (i32, i32), label: &str) -> Result<(), LeftOut> {
        let axes = self.scene.axes.ok_or(LeftOut::NoAxis(i))?;
        let years = axes.years.ok_or(LeftOut::NoAxis(i))?;
        let area = axes.area;
        // A point per year: half a year either side, so a one-year span
        // has a width; a continuous axis: from the first year's start to
        // the end of the last.
        let (start, end) = if axes.continuous_years {
            (f64::from(from), f64::from(to) + 1.0)
        } else {
            (f64::from(from) - 0.5, f64::from(to) + 0.5)
        };
        let (Some(x0), Some(x1)) = (years.place(start), years.place(end)) else {
            return Err(LeftOut::OutOfRange(i));
        };
        let (x0, x1) = (x0.min(x1).max(area.x0), x0.max(x1).min(area.x1));
        if x1 <= x0 {
            return Err(LeftOut::OutOfRange(i));
        }
        let band = Bounds {
            x0,
            y0: area.y0,
            x1,
            y1: area.y1,
        };
        // Behind everything else.
        self.scene.items.insert(
            0,
            Item::Shape(Filled {
                shape: Shape::Rect(band),
                fill: Some((self.ink.text, 0.07)),
                stroke: None,
                is_mark: false,
            }),
        );
        if label.is_empty() {
            return Ok(());
        }
        let width = fonts::text_width(label, self.size, false, words_lang(label));
        let height = self.size * 1.12;
        let step = self.size * 0.6;
        let rows = super::anatomy::count_of((band.y1 - band.y0 - height) / step);
        let corners = (0..=rows).flat_map(|r| {
            let y = band.y0 + step * 0.3 + r as f32 * step;
            [x0 + step * 0.4, x1 - width - step * 0.4].map(|x| (x, y))
        });
        let color = self.ink.muted;
        match self.first_free(width, height, corners) {
            Some(spot) => {
                self.words(label, spot, color);
                Ok(())
            }
            None => Err(LeftOut::NoRoomForWords(i)),
        }
    }

    fn line(&mut self, i: usize, value: f64, label: &str) -> Result<(), LeftOut> {
        let axes = self.scene.axes.ok_or(LeftOut::NoAxis(i))?;
        let (map, horizontal) = axes.values.ok_or(LeftOut::NoAxis(i))?;
        let area = axes.area;
        let at = map.place(value).ok_or(LeftOut::OutOfRange(i))?;
        let (a, b) = if horizontal {
            ((at, area.y0), (at, area.y1))
        } else {
            ((area.x0, at), (area.x1, at))
        };
        let inside = if horizontal {
            (area.x0..=area.x1).contains(&at)
        } else {
            (area.y0..=area.y1).contains(&at)
        };
        if !inside {
            return Err(LeftOut::OutOfRange(i));
        }
        // The line breaks where a text or a mark stands on it, so it
        // covers none.
        for (from, to) in self.gaps_for_texts(a, b, horizontal) {
            self.scene.items.push(Item::Line(Line {
                points: vec![from, to],
                width: self.size * 0.1,
                color: self.ink.muted,
                dash: Some((self.size * 0.5, self.size * 0.3)),
            }));
        }
        if label.is_empty() {
            return Ok(());
        }
        let width = fonts::text_width(label, self.size, false, words_lang(label));
        let height = self.size * 1.12;
        let gap = self.size * 0.3;
        let step = self.size * 0.8;
        let corners: Vec<(f32, f32)> = if horizontal {
            // Above the line's top end, below its foot, then beside it.
            let rows = super::anatomy::count_of((area.y1 - area.y0 - height) / step);
            [
                (at - width / 2.0, area.y0 - height - gap),
                (at - width / 2.0, area.y1 + gap),
            ]
            .into_iter()
            .chain((0..=rows).flat_map(|r| {
                let y = area.y0 + r as f32 * step;
                [(at + gap, y), (at - gap - width, y)]
            }))
            .collect()
        } else {
            let columns = super::anatomy::count_of((area.x1 - area.x0 - width) / step);
            (0..=columns)
                .flat_map(|c| {
                    let x = area.x1 - width - c as f32 * step;
                    [(x, at - gap - height), (x, at + gap)]
                })
                .collect()
        };
        let color = self.ink.muted;
        match self.first_free(width, height, corners) {
            Some(spot) => {
                self.words(label, spot, color);
                Ok(())
            }
            None => Err(LeftOut::NoRoomForWords(i)),
        }
    }

    /// The box of `figure`'s mark: its own hit region, else the mark that
    /// stands for it with others (a timeline's).
    fn mark_of(&self, figure: FigureRef) -> Option<Bounds> {
        self.scene
            .hit_of(Target::Figure(figure))
            .map(|hit| hit.bounds)
            .or_else(|| {
                self.scene
                    .anchors
                    .iter()
                    .find(|(f, _)| *f == figure)
                    .map(|&(_, bounds)| bounds)
            })
    }

    fn note(&mut self, i: usize, figure: FigureRef, text: &str) -> Result<(), LeftOut> {
        let mark = self.mark_of(figure).ok_or(LeftOut::NoMark(i))?;
        let lang = words_lang(text);
        let max_width = ((self.room.x1 - self.room.x0) * 0.3).max(self.size * 8.0);
        let (lines, width, height) = self.note_lines(text, max_width);
        let (cx, cy) = (
            f32::midpoint(mark.x0, mark.x1),
            f32::midpoint(mark.y0, mark.y1),
        );
        // Rings round the mark, nearest first, eight directions each; then
        // anywhere in the room, scanned row by row.
        let mut corners = Vec::new();
        for ring in 1..=8 {
            let r = self.size * 1.6 * ring as f32;
            for (dx, dy) in [
                (1.0, -1.0),
                (-1.0, -1.0),
                (1.0, 1.0),
                (-1.0, 1.0),
                (0.0, -1.0),
                (0.0, 1.0),
                (1.0, 0.0),
                (-1.0, 0.0),
            ] {
                let x = cx + dx * r - width * (1.0 - dx) / 2.0;
                let y = cy + dy * r - height * (1.0 - dy) / 2.0;
                corners.push((x, y));
            }
        }
        let step = self.size;
        let columns = super::anatomy::count_of((self.room.x1 - self.room.x0 - width) / step);
        let rows = super::anatomy::count_of((self.room.y1 - self.room.y0 - height) / step);
        let mut far: Vec<(f32, f32)> = (0..=rows)
            .flat_map(|r| (0..=columns).map(move |c| (c as f32 * step, r as f32 * step)))
            .map(|(x, y)| (self.room.x0 + x, self.room.y0 + y))
            .collect();
        far.sort_by(|a, b| {
            let d = |p: &(f32, f32)| (p.0 + width / 2.0 - cx).hypot(p.1 + height / 2.0 - cy);
            d(a).total_cmp(&d(b))
        });
        corners.extend(far);
        let spot = corners
            .into_iter()
            .map(|(x, y)| Bounds {
                x0: x,
                y0: y,
                x1: x + width,
                y1: y + height,
            })
            .find(|b| self.is_free(b) && self.leader_is_clear(b, &mark))
            .ok_or(LeftOut::NoRoom(i))?;
        let (from, to) = leader(&spot, &mark);
        self.scene.items.push(Item::Line(Line {
            points: vec![from, to],
            width: self.size * 0.08,
            color: self.ink.muted,
            dash: None,
        }));
        self.note_box(spot, &lines, lang);
        self.data_lines.push((from, to));
        Ok(())
    }

    /// A note's box at `spot` and its lines of words.
    /// `text` wrapped to `max_width`, at most four lines (the last cut
    /// with "…" where there is more), with its box's width and height.
    fn note_lines(&self, text: &str, max_width: f32) -> (Vec<String>, f32, f32) {
        let lang = words_lang(text);
        let pad = self.size * 0.35;
        let lines = fonts::clamp_lines(
            fonts::wrap(text, max_width, self.size, false, lang),
            4,
            max_width,
            self.size,
            false,
            lang,
        );
        let width = lines
            .iter()
            .map(|l| fonts::text_width(l, self.size, false, lang))
            .fold(0.0_f32, f32::max)
            + 2.0 * pad;
        let height = lines.len() as f32 * self.size * 1.2 + 2.0 * pad;
        (lines, width, height)
    }

    fn note_box(&mut self, spot: Bounds, lines: &[String], lang: Lang) {
        let pad = self.size * 0.35;
        let line_height = self.size * 1.2;
        self.scene.items.push(Item::Shape(Filled {
            shape: Shape::Rect(spot),
            fill: Some((self.ink.background, 0.92)),
            stroke: Some((self.ink.muted, self.size * 0.06)),
            is_mark: false,
        }));
        let color = self.ink.text;
        for (n, line) in lines.iter().enumerate() {
            let top = spot.y0 + pad + n as f32 * line_height;
            self.scene.items.push(Item::Text(Text {
                x: spot.x0 + pad,
                y: top + self.size * 0.95,
                text: line.clone(),
                size: self.size,
                bold: false,
                color,
                anchor: Anchor::Start,
                role: Role::Note,
                lang,
            }));
        }
        self.taken.push(spot);
    }

    /// The pieces of the straight line from `a` to `b` (upright when
    /// `upright`) that cross no text.
    fn gaps_for_texts(
        &self,
        a: (f32, f32),
        b: (f32, f32),
        upright: bool,
    ) -> Vec<((f32, f32), (f32, f32))> {
        let gap = self.size * 0.2;
        // The stretches along the line that texts stand on.
        let mut blocked: Vec<(f32, f32)> = self
            .taken
            .iter()
            .map(|t| t.grown(gap))
            .filter(|t| t.crosses_segment(a, b))
            .map(|t| if upright { (t.y0, t.y1) } else { (t.x0, t.x1) })
            .collect();
        blocked.sort_by(|x, y| x.0.total_cmp(&y.0));
        let (start, end) = if upright { (a.1, b.1) } else { (a.0, b.0) };
        let at = |v: f32| if upright { (a.0, v) } else { (v, a.1) };
        let mut pieces = Vec::new();
        let mut from = start;
        for (x0, x1) in blocked {
            if x0 > from {
                pieces.push((at(from), at(x0.min(end))));
            }
            from = from.max(x1);
        }
        if from < end {
            pieces.push((at(from), at(end)));
        }
        pieces
    }

    /// Whether the leader from `spot` to `mark` crosses no text or mark
    /// other than its own (a label touching the mark counts: the leader
    /// must not cross it either).
    fn leader_is_clear(&self, spot: &Bounds, mark: &Bounds) -> bool {
        let (from, to) = leader(spot, mark);
        self.taken
            .iter()
            .filter(|t| !mark.grown(0.5).contains(t))
            .all(|t| !t.crosses_segment(from, to))
    }
}

/// The leader's ends: the box's point nearest the mark's centre, and the
/// mark's point nearest that.
fn leader(spot: &Bounds, mark: &Bounds) -> ((f32, f32), (f32, f32)) {
    let (cx, cy) = (
        f32::midpoint(mark.x0, mark.x1),
        f32::midpoint(mark.y0, mark.y1),
    );
    let from = (cx.clamp(spot.x0, spot.x1), cy.clamp(spot.y0, spot.y1));
    // Stop at the mark's box, at its point nearest the note, so the line
    // points at it without covering it (a long bar's edge, not its
    // middle).
    let to = (
        from.0.clamp(mark.x0, mark.x1),
        from.1.clamp(mark.y0, mark.y1),
    );
    (from, to)
}
