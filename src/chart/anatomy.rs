//! What every chart picture has around its plot: the type scale, the title
//! and subtitle above, the footer with sources, notes and the edition below,
//! and the helpers that set wrapped text.

use super::fonts;
use super::scene::{Anchor, Bounds, Item, Role, Scene, Text};
use super::spec::{Ink, Page, Paper};
use crate::i18n::Lang;

/// The type sizes of a page, in points, all relative to its size: the base
/// is 1.85% of the width (Our World in Data's 16 px on 850), less on a page
/// much wider than high, but never under 1.25% of the width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Type {
    /// Body text: labels, key.
    pub base: f32,
    /// The title: at least 2.2% of the width.
    pub title: f32,
    /// The subtitle.
    pub subtitle: f32,
    /// Tick labels and values.
    pub small: f32,
    /// The footer: the smallest text, at least 1.05% of the width.
    pub footer: f32,
}

impl Type {
    /// The sizes for a page.
    pub fn of(page: &Page) -> Self {
        let w = page.width;
        let base = (w * 0.0185).min(page.height * 0.032).max(w * 0.0125);
        Self {
            base,
            title: (base * 1.4).max(w * 0.022),
            subtitle: base * 0.95,
            small: (base * 0.86).max(w * 0.0108),
            footer: (base * 0.76).max(w * 0.0105),
        }
    }

    /// The sizes for the window, from its body text's size: there the
    /// picture is as wide as the panel, and its type is the interface's.
    pub fn window(body: f32) -> Self {
        Self {
            base: body,
            title: body * 1.4,
            subtitle: body * 0.95,
            small: body * 0.9,
            footer: body * 0.8,
        }
    }
}

/// A chart being laid out: the scene so far, its type and colours, and the
/// box left for the plot.
pub struct Layout {
    /// What has been drawn.
    pub scene: Scene,
    /// The type sizes.
    pub size: Type,
    /// The colours.
    pub ink: Ink,
    /// The theme, for colours made fit as text.
    pub theme: Paper,
    /// The box between the header and the footer.
    pub plot: Bounds,
}

/// The words around a chart.
#[derive(Clone)]
pub struct Words {
    /// What is shown, made from the data.
    pub title: String,
    /// Unit, period, how to read it.
    pub subtitle: String,
    /// The sources line.
    pub sources: String,
    /// Notes, each a sentence.
    pub notes: Vec<String>,
    /// The sources' reliability notes, shortened, after the notes.
    pub reliability: Vec<String>,
    /// The dataset, its edition and the app.
    pub made_with: String,
}

impl Layout {
    /// Lays out the header and footer and leaves the rest for the plot.
    pub fn new(page: &Page, lang: Lang, words: &Words) -> Self {
        let size = Type::of(page);
        let margin = (page.width.min(page.height) * 0.055).max(size.base);
        let mut layout = Self::bare(page, lang, &words.title, size, margin);
        let ink = layout.ink;
        let width = page.width - 2.0 * margin;
        // The header, top down.
        let mut y = margin;
        y = layout.paragraph(
            &words.title,
            (margin, y),
            width,
            size.title,
            true,
            Role::Title,
            2,
        );
        y += size.subtitle * 0.45;
        y = layout.paragraph(
            &words.subtitle,
            (margin, y),
            width,
            size.subtitle,
            false,
            Role::Subtitle,
            3,
        );
        // The footer, bottom up: the edition line, then sources and notes.
        let line = size.footer * 1.3;
        let bottom = page.height - margin * 0.75;
        let mut footer = vec![words.sources.clone()];
        footer.extend(words.notes.iter().cloned());
        footer.extend(words.reliability.iter().cloned());
        let mut lines: Vec<String> = Vec::new();
        for part in &footer {
            lines.extend(fonts::wrap(part, width, size.footer, false, lang));
        }
        // The footer may take at most a fifth of the page, or 30% when it
        // has more to say (caveats, sources' reliability notes).
        let share = if words.notes.len() + words.reliability.len() > 2 {
            0.3
        } else {
            0.2
        };
        let most = count_of(page.height * share / line).max(2);
        let lines = fonts::clamp_lines(lines, most, width, size.footer, false, lang);
        let made_with_y = bottom - DESCENT_EM * size.footer;
        let first = made_with_y - line * (lines.len() as f32 + 0.5);
        // In reading order: the sources and notes, then the edition.
        for (i, text) in lines.iter().enumerate() {
            layout.text(
                text,
                (margin, first + line * i as f32),
                size.footer,
                false,
                ink.muted,
                Anchor::Start,
                Role::Footer,
            );
        }
        let made_with = fonts::clamp_lines(
            vec![words.made_with.clone()],
            1,
            width,
            size.footer,
            false,
            lang,
        )
        .concat();
        layout.text(
            &made_with,
            (margin, made_with_y),
            size.footer,
            false,
            ink.faint,
            Anchor::Start,
            Role::Footer,
        );
        let footer_top = first - ASCENT_EM * size.footer;
        layout.plot = Bounds {
            x0: margin,
            y0: y + size.base * 1.2,
            x1: page.width - margin,
            y1: footer_top - size.base * 1.4,
        };
        layout
    }

    /// A layout with no header or footer, for the window, which shows the
    /// chart's title and words itself: the plot is the page less `margin`.
    pub fn bare(page: &Page, lang: Lang, title: &str, size: Type, margin: f32) -> Self {
        let ink = page.theme.ink();
        Self {
            scene: Scene {
                width: page.width,
                height: page.height,
                background: ink.background,
                lang,
                title: title.to_owned(),
                items: Vec::new(),
                hits: Vec::new(),
                frozen: super::scene::Frozen::default(),
                axes: None,
                left_out: Vec::new(),
                anchors: Vec::new(),
                cells: None,
            },
            size,
            ink,
            theme: page.theme,
            plot: Bounds {
                x0: margin,
                y0: margin,
                x1: page.width - margin,
                y1: page.height - margin,
            },
        }
    }

    /// Records that the box `bounds` stands for `target`.
    pub fn hit(&mut self, bounds: Bounds, target: super::scene::Target) {
        self.scene.hits.push(super::scene::Hit { bounds, target });
    }

    /// Adds one text run.
    #[expect(
        clippy::too_many_arguments,
        reason = "a text run's position, size, weight, colour and anchor are each its own input"
    )]
    pub fn text(
        &mut self,
        text: &str,
        (x, y): (f32, f32),
        size: f32,
        bold: bool,
        color: super::scene::Rgb,
        anchor: Anchor,
        role: Role,
    ) {
        if text.is_empty() {
            return;
        }
        let lang = self.scene.lang;
        self.scene.items.push(Item::Text(Text {
            x,
            y,
            text: text.to_owned(),
            size,
            bold,
            color,
            anchor,
            role,
            lang,
        }));
    }

    /// Sets `text` wrapped to `width` from the top-left corner `(x, top)`,
    /// at most `max_lines` lines; returns the y below the last line.
    #[expect(
        clippy::too_many_arguments,
        reason = "wrapped text's box, size, weight, colour and line limit are each its own input"
    )]
    pub fn paragraph(
        &mut self,
        text: &str,
        (x, top): (f32, f32),
        width: f32,
        size: f32,
        bold: bool,
        role: Role,
        max_lines: usize,
    ) -> f32 {
        let lang = self.scene.lang;
        let lines = fonts::clamp_lines(
            fonts::wrap(text, width, size, bold, lang),
            max_lines,
            width,
            size,
            bold,
            lang,
        );
        let color = if role == Role::Title {
            self.ink.text
        } else {
            self.ink.muted
        };
        let line = size * LINE;
        let mut y = top + ASCENT_EM * size;
        for text in &lines {
            self.text(text, (x, y), size, bold, color, Anchor::Start, role);
            y += line;
        }
        y - line + DESCENT_EM * size
    }

    /// The finished scene.
    pub fn finish(self) -> Scene {
        self.scene
    }
}

/// A fraction or a length computed in f64 (the data's precision), as the
/// f32 the layout works in. Values on a page are far inside f32's range,
/// so nothing is lost that a picture could show.
#[expect(
    clippy::cast_possible_truncation,
    reason = "values on a page are far inside f32's range, so nothing is lost that a picture could show"
)]
pub fn to_f32(value: f64) -> f32 {
    value as f32
}

/// How many whole things of a size fit: a non-negative length divided by
/// a positive one, rounded down; 0 for anything negative or not a number.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "rounded down from a non-negative finite quotient, so the cast is exact"
)]
pub fn count_of(ratio: f32) -> usize {
    if ratio.is_finite() && ratio > 0.0 {
        ratio.floor() as usize
    } else {
        0
    }
}

/// Line spacing, in ems.
pub const LINE: f32 = 1.28;
/// How far glyphs reach above the baseline, in ems (as `scene` measures).
pub const ASCENT_EM: f32 = 0.88;
/// How far glyphs reach below it.
pub const DESCENT_EM: f32 = 0.24;

/// The step between labelled years on a time axis: the smallest of 1, 2,
/// 5, 10, 20 or 50 years that is at least `min_years` (the years a label
/// needs room for), else 100. The pictures and the window's plots both
/// step their years so.
pub fn year_step(min_years: f64) -> i32 {
    [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|&step| f64::from(step) >= min_years)
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_grows_with_the_page_and_keeps_its_floors() {
        for (w, h) in [
            (960.0, 540.0),
            (510.0, 360.0),
            (600.0, 600.0),
            (1600.0, 400.0),
        ] {
            let page = Page {
                width: w,
                height: h,
                theme: Paper::Light,
            };
            let size = Type::of(&page);
            assert!(size.footer >= w * 0.01, "{w}x{h}: {size:?}");
            assert!(size.title >= w * 0.022, "{w}x{h}: {size:?}");
        }
    }
}
