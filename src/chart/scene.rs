//! A chart laid out for one size, in points: text runs, lines, rectangles
//! and circles. Every writer (SVG, PDF, PNG, the window's preview) draws
//! this and nothing else, so they all give the same picture; the tests read
//! it as data (what overlaps, what leaves the page, how small the type is).

use crate::dataset::FigureRef;
use crate::i18n::Lang;

/// A colour, as sRGB bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// This colour moved `amount` (0 to 1) of the way towards `other`.
    #[must_use]
    pub fn mix(self, other: Self, amount: f32) -> Self {
        let channel = |a: u8, b: u8| {
            let value = f32::from(a) + (f32::from(b) - f32::from(a)) * amount.clamp(0.0, 1.0);
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "Rounded and clamped to a byte, so the cast is exact."
            )]
            let byte = value.round().clamp(0.0, 255.0) as u8;
            byte
        };
        Self(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }

    /// Relative luminance (WCAG 2), 0 for black to 1 for white.
    pub fn luminance(self) -> f32 {
        let linear = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The WCAG contrast ratio between two colours, 1 to 21.
    pub fn contrast(self, other: Self) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// An axis-aligned box: `x0 <= x1`, `y0 <= y1`, y growing downwards.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl Bounds {
    /// Whether the two boxes share any area.
    pub fn overlaps(&self, other: &Self) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Whether `other` lies wholly inside this box.
    pub fn contains(&self, other: &Self) -> bool {
        other.x0 >= self.x0 && other.x1 <= self.x1 && other.y0 >= self.y0 && other.y1 <= self.y1
    }

    /// This box grown by `margin` on every side.
    #[must_use]
    pub fn grown(&self, margin: f32) -> Self {
        Self {
            x0: self.x0 - margin,
            y0: self.y0 - margin,
            x1: self.x1 + margin,
            y1: self.y1 + margin,
        }
    }

    /// Whether the segment from `a` to `b` passes through the box
    /// (Liang-Barsky clipping).
    pub fn crosses_segment(&self, a: (f32, f32), b: (f32, f32)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut t0 = 0.0_f32;
        let mut t1 = 1.0_f32;
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// Where a text run sits relative to its `x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left end.
    Start,
    /// `x` is the middle.
    Middle,
    /// `x` is the right end.
    End,
}

/// What a text run is for, so tests and writers can tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The title, which says what is shown.
    Title,
    /// Unit, period and how to read the chart.
    Subtitle,
    /// A tick label on an axis.
    Tick,
    /// A value at a point or a bar.
    Value,
    /// A series' or bar's name at its mark.
    Label,
    /// An entry of the key (legend).
    Key,
    /// A column heading or cell of a table-like chart.
    Cell,
    /// Sources, notes and the edition, below the chart.
    Footer,
    /// The user's own words: a note, a span's or a line's label. Never
    /// translated; marked as the user's in every writer.
    Note,
}

/// One line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// The anchor's x.
    pub x: f32,
    /// The baseline's y.
    pub y: f32,
    /// The words.
    pub text: String,
    /// Size in points.
    pub size: f32,
    /// Bold or regular.
    pub bold: bool,
    /// Its colour.
    pub color: Rgb,
    /// Where `x` is.
    pub anchor: Anchor,
    /// What it is for.
    pub role: Role,
    /// The language it is set in (the picture's, or the text's own).
    pub lang: Lang,
}

/// How far glyphs reach above the baseline, in ems (Noto Sans's capitals
/// and CJK's ideographs).
const ASCENT: f32 = 0.88;
/// How far glyphs reach below the baseline, in ems.
const DESCENT: f32 = 0.24;

impl Text {
    /// The width of the run, measured with the bundled fonts.
    pub fn width(&self) -> f32 {
        super::fonts::text_width(&self.text, self.size, self.bold, self.lang)
    }

    /// The box the run's glyphs occupy.
    pub fn bounds(&self) -> Bounds {
        let width = self.width();
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - width / 2.0,
            Anchor::End => self.x - width,
        };
        Bounds {
            x0,
            y0: self.y - ASCENT * self.size,
            x1: x0 + width,
            y1: self.y + DESCENT * self.size,
        }
    }
}

/// The box of a text run that would be set at (`x`, `y`), before making it.
pub fn text_bounds(x: f32, y: f32, width: f32, size: f32, anchor: Anchor) -> Bounds {
    let x0 = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    Bounds {
        x0,
        y0: y - ASCENT * size,
        x1: x0 + width,
        y1: y + DESCENT * size,
    }
}

/// A line through points.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The points, in order.
    pub points: Vec<(f32, f32)>,
    /// Stroke width in points.
    pub width: f32,
    /// Its colour.
    pub color: Rgb,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<(f32, f32)>,
}

/// A filled or outlined shape: rectangle, circle or closed polygon.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle.
    Rect(Bounds),
    /// A circle: centre and radius.
    Circle {
        /// Centre x.
        cx: f32,
        /// Centre y.
        cy: f32,
        /// Radius.
        r: f32,
    },
    /// A closed polygon.
    Polygon(Vec<(f32, f32)>),
}

impl Shape {
    /// The shape's bounding box.
    pub fn bounds(&self) -> Bounds {
        match self {
            Self::Rect(bounds) => *bounds,
            Self::Circle { cx, cy, r } => Bounds {
                x0: cx - r,
                y0: cy - r,
                x1: cx + r,
                y1: cy + r,
            },
            Self::Polygon(points) => {
                let mut bounds = Bounds {
                    x0: f32::INFINITY,
                    y0: f32::INFINITY,
                    x1: f32::NEG_INFINITY,
                    y1: f32::NEG_INFINITY,
                };
                for &(x, y) in points {
                    bounds.x0 = bounds.x0.min(x);
                    bounds.y0 = bounds.y0.min(y);
                    bounds.x1 = bounds.x1.max(x);
                    bounds.y1 = bounds.y1.max(y);
                }
                bounds
            }
        }
    }
}

/// A shape with its paint.
#[derive(Clone, Debug, PartialEq)]
pub struct Filled {
    /// The geometry.
    pub shape: Shape,
    /// Fill colour and opacity (0 to 1), if filled.
    pub fill: Option<(Rgb, f32)>,
    /// Outline colour and width, if outlined.
    pub stroke: Option<(Rgb, f32)>,
    /// A data mark (point, bar, target), which no label may cover; a swatch
    /// or a background is not.
    pub is_mark: bool,
}

/// Anything drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A text run.
    Text(Text),
    /// A line.
    Line(Line),
    /// A shape.
    Shape(Filled),
}

/// What a mark of a picture stands for, so that a pointer or the keyboard
/// on it reaches the data behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A figure: a point, a fund, a target, a fact.
    Figure(FigureRef),
    /// A theme-map cell: the matrix's row and the plan's column.
    ThemeCell {
        /// The row of `crate::view::themes::ThemeMatrix::rows`.
        row: usize,
        /// The column of `crate::view::themes::ThemeMatrix::plans`.
        column: usize,
    },
    /// A theme's name in the theme map: the matrix's row.
    Theme(usize),
    /// A plan's heading in the theme map: its column.
    PlanColumn(usize),
    /// A timeline mark: its index in `crate::view::timeline::Timeline::marks`.
    TimelineMark(usize),
    /// A timeline row's name: the row.
    TimelineRow(usize),
}

/// The box of a mark and what it stands for: where a pointer on the
/// picture finds the data, and where the keyboard's cursor is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// The box, in the scene's points.
    pub bounds: Bounds,
    /// What the mark stands for.
    pub target: Target,
}

/// The parts of a picture that stay in view while the rest scrolls under
/// them (the window's theme map and timeline): everything left of `left`
/// and everything above `top`. Zero on paper, where nothing scrolls.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Frozen {
    /// The width of the column that stays at the left.
    pub left: f32,
    /// The height of the band that stays at the top.
    pub top: f32,
}

/// A whole chart picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// The page colour.
    pub background: Rgb,
    /// The picture's language.
    pub lang: Lang,
    /// The title as one string (for file metadata).
    pub title: String,
    /// What is drawn, back to front.
    pub items: Vec<Item>,
    /// The boxes of the marks a pointer or the keyboard can reach.
    pub hits: Vec<Hit>,
    /// What stays in view while the picture scrolls (nothing on paper).
    pub frozen: Frozen,
    /// Where the plot's years and values fall, for the annotations; `None`
    /// for a chart with neither.
    pub axes: Option<super::annotate::PlotAxes>,
    /// The annotations not drawn, and why (no room, no mark, no axis).
    pub left_out: Vec<super::annotate::LeftOut>,
    /// Where a note on a figure points when the figure has no hit region
    /// of its own: a timeline mark stands for all the figures of its date.
    pub anchors: Vec<(FigureRef, Bounds)>,
    /// A map's cells that notes point at, and the table no note may
    /// stand on; `None` for a chart that is not a map.
    pub cells: Option<MapCells>,
}

/// Where notes on a map's cells point, and what they keep off.
#[derive(Clone, Debug, PartialEq)]
pub struct MapCells {
    /// The table: names, cells, totals. No note stands on it, empty cells
    /// included (an empty cell says "none").
    pub table: Bounds,
    /// The cells the notes point at, with their boxes: those drawn (on
    /// paper) or laid out (in the window, in view or not).
    pub cells: Vec<(crate::view::annotations::Cell, Bounds)>,
}

impl Scene {
    /// Every text run.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.items.iter().filter_map(|item| match item {
            Item::Text(text) => Some(text),
            _ => None,
        })
    }

    /// Every data mark (points, bars, target marks).
    pub fn marks(&self) -> impl Iterator<Item = &Filled> {
        self.items.iter().filter_map(|item| match item {
            Item::Shape(shape) if shape.is_mark => Some(shape),
            _ => None,
        })
    }

    /// The first hit region under `(x, y)`, front first.
    pub fn hit_at(&self, x: f32, y: f32) -> Option<&Hit> {
        let point = Bounds {
            x0: x,
            y0: y,
            x1: x,
            y1: y,
        };
        self.hits
            .iter()
            .rev()
            .find(|hit| hit.bounds.contains(&point))
    }

    /// The hit region of `target`, if it is drawn.
    pub fn hit_of(&self, target: Target) -> Option<&Hit> {
        self.hits.iter().find(|hit| hit.target == target)
    }

    /// The whole page as a box.
    pub fn page(&self) -> Bounds {
        Bounds {
            x0: 0.0,
            y0: 0.0,
            x1: self.width,
            y1: self.height,
        }
    }

    /// Pairs of text runs whose boxes overlap, for tests and checks.
    pub fn overlapping_texts(&self) -> Vec<(String, String)> {
        let texts: Vec<(&Text, Bounds)> = self.texts().map(|t| (t, t.bounds())).collect();
        let mut out = Vec::new();
        for (i, (a, box_a)) in texts.iter().enumerate() {
            for (b, box_b) in &texts[i + 1..] {
                if box_a.overlaps(box_b) {
                    out.push((a.text.clone(), b.text.clone()));
                }
            }
        }
        out
    }

    /// The user's notes and labels: text runs of [`Role::Note`].
    pub fn notes(&self) -> impl Iterator<Item = &Text> {
        self.texts().filter(|t| t.role == Role::Note)
    }

    /// Text runs that cover a data mark.
    pub fn texts_over_marks(&self) -> Vec<String> {
        let marks: Vec<Bounds> = self.marks().map(|m| m.shape.bounds()).collect();
        self.texts()
            .filter(|t| {
                let bounds = t.bounds();
                marks.iter().any(|m| m.overlaps(&bounds))
            })
            .map(|t| t.text.clone())
            .collect()
    }
}
