//! Fonts and colours shared by every panel, and the visuals of both
//! themes with every text colour at 4.5:1 or more on its backgrounds.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use crate::chart::fonts;
use crate::dataset::{FundLevel, Status};

/// The family of bold text: the exports' bold faces.
pub const BOLD: &str = "bold";
/// The family of text the exports set in the Chinese face (a run with a
/// character the Latin face lacks, as [`fonts::needs_cjk`] says).
pub const CJK: &str = "cjk";
/// [`CJK`] in bold.
pub const CJK_BOLD: &str = "cjk-bold";

/// The bundled faces by the names the families list them by, as
/// [`fonts`] holds them: Noto Sans and Noto Sans CJK SC, regular and bold,
/// and Droid Sans Fallback.
const FACES: [(&str, &[u8]); 5] = [
    ("noto-sans", fonts::LATIN_REGULAR),
    ("noto-sans-bold", fonts::LATIN_BOLD),
    ("noto-sans-cjk", fonts::CJK_REGULAR),
    ("noto-sans-cjk-bold", fonts::CJK_BOLD),
    ("droid-sans-fallback", fonts::FALLBACK),
];

/// Sets up a context for the window: the fonts (see [`install_fonts`]) and
/// both themes' visuals, with every text colour at 4.5:1 or more. Done once,
/// when the app is made (`App::new`): setting a style each frame would cost
/// a repaint.
pub fn install(ctx: &egui::Context) {
    install_fonts(ctx);
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        ctx.set_visuals_of(theme, visuals(theme));
    }
}

/// The window's fonts (see [`font_definitions`]).
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// The window's fonts: the faces the exports embed, in the order the
/// exports measure text with them (`chart::fonts`), so text measured for a
/// picture is the text painted on screen. The proportional family is Noto
/// Sans, then Noto Sans CJK SC, then Droid Sans Fallback; [`BOLD`] the same
/// in bold; [`CJK`] and [`CJK_BOLD`] put the Chinese face first, as the
/// exports set a run with hanzi in it. egui's Hack comes after them for
/// the few symbols none has (the tree's ▸ and ▾), then egui's icon and
/// emoji fonts; Hack, then the same chain, is the monospace family.
pub fn font_definitions() -> FontDefinitions {
    let mut definitions = FontDefinitions::default();
    let egui_fonts = definitions
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    // egui's last resorts (its icons and emoji): all its proportional
    // family holds but its Latin face.
    let last_resorts: Vec<String> = egui_fonts
        .into_iter()
        .filter(|name| name != "Ubuntu-Light")
        .collect();
    definitions.font_data.remove("Ubuntu-Light");
    for (name, data) in FACES {
        definitions
            .font_data
            .insert(name.to_owned(), FontData::from_static(data).into());
    }
    let chain = |faces: &[&str]| -> Vec<String> {
        faces
            .iter()
            .copied()
            .chain(["droid-sans-fallback", "Hack"])
            .map(str::to_owned)
            .chain(last_resorts.iter().cloned())
            .collect()
    };
    definitions.families = [
        (
            FontFamily::Proportional,
            chain(&["noto-sans", "noto-sans-cjk"]),
        ),
        (
            FontFamily::Name(BOLD.into()),
            chain(&["noto-sans-bold", "noto-sans-cjk-bold"]),
        ),
        (
            FontFamily::Name(CJK.into()),
            chain(&["noto-sans-cjk", "noto-sans"]),
        ),
        (
            FontFamily::Name(CJK_BOLD.into()),
            chain(&["noto-sans-cjk-bold", "noto-sans-bold"]),
        ),
        (FontFamily::Monospace, {
            let mut monospace = vec!["Hack".to_owned()];
            monospace.extend(
                chain(&["noto-sans", "noto-sans-cjk"])
                    .into_iter()
                    .filter(|name| name != "Hack"),
            );
            monospace
        }),
    ]
    .into_iter()
    .collect();
    definitions
}

/// The family text is set in as the exports set it: bold or not, and in
/// the Chinese face if it [`fonts::needs_cjk`].
pub fn family(text: &str, bold: bool) -> FontFamily {
    match (fonts::needs_cjk(text), bold) {
        (false, false) => FontFamily::Proportional,
        (false, true) => FontFamily::Name(BOLD.into()),
        (true, false) => FontFamily::Name(CJK.into()),
        (true, true) => FontFamily::Name(CJK_BOLD.into()),
    }
}

/// The Okabe-Ito palette (the chart pictures' own, `chart::spec::PALETTE`),
/// as egui's colours.
pub const PALETTE: [Color32; 7] = {
    const fn egui(c: crate::chart::scene::Rgb) -> Color32 {
        Color32::from_rgb(c.0, c.1, c.2)
    }
    let p = crate::chart::spec::PALETTE;
    [
        egui(p[0]),
        egui(p[1]),
        egui(p[2]),
        egui(p[3]),
        egui(p[4]),
        egui(p[5]),
        egui(p[6]),
    ]
};

/// A colour of the chart pictures as egui's.
fn egui_color(c: crate::chart::scene::Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// The colour of the `i`-th series: the pictures' own.
pub fn series_color(i: usize) -> Color32 {
    egui_color(crate::chart::spec::series_color(i))
}

/// The colour of a fund level: the pictures' own.
pub fn level_color(level: FundLevel) -> Color32 {
    egui_color(crate::chart::spec::level_color(level))
}

/// How a point's status is drawn: actual solid, target outlined, estimate
/// faded.
pub fn status_style(status: Status, color: Color32) -> (Color32, bool) {
    match status {
        Status::Actual => (color, true),
        Status::Target => (color, false),
        Status::Estimate => (color.gamma_multiply(0.45), true),
    }
}

/// Why something the user asked for failed, in the theme's error colour,
/// wrapped to the width it has: the dialogs' and panels' one way to say it.
pub fn error_line(ui: &mut egui::Ui, text: impl Into<String>) {
    ui.add(egui::Label::new(egui::RichText::new(text).color(ui.visuals().error_fg_color)).wrap());
}

/// `text` on one line no wider than `width`, ending in "…" where cut.
pub fn one_line(
    painter: &egui::Painter,
    text: &str,
    font: egui::FontId,
    color: egui::Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, color);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    painter.layout_job(job)
}

/// The contrast ratio of a text colour on a background (WCAG 2: 1 to 21);
/// a see-through text colour counts as drawn over the background.
pub fn contrast(text: Color32, background: Color32) -> f32 {
    let rgb = |c: Color32| crate::chart::scene::Rgb(c.r(), c.g(), c.b());
    rgb(over(text, background)).contrast(rgb(background))
}

/// `color` drawn over the opaque `background` (egui's colours are
/// premultiplied).
pub fn over(color: Color32, background: Color32) -> Color32 {
    let keep = 1.0 - f32::from(color.a()) / 255.0;
    let channel = |c: u8, b: u8| {
        let value = f32::from(c) + f32::from(b) * keep;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "Within 0..=255 by construction."
        )]
        let value = value.round().clamp(0.0, 255.0) as u8;
        value
    };
    Color32::from_rgb(
        channel(color.r(), background.r()),
        channel(color.g(), background.g()),
        channel(color.b(), background.b()),
    )
}

/// `color` made fit to be text on `background`: kept where it reads at
/// 4.5:1, else moved towards black or white (whichever `background`
/// contrasts with more) until it does.
pub fn text_on(color: Color32, background: Color32) -> Color32 {
    let towards = if contrast(Color32::BLACK, background) > contrast(Color32::WHITE, background) {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    if contrast(color, background) >= 4.5 {
        return color;
    }
    let color = over(color, background);
    let mut out = color;
    let mut step = 0.0;
    while contrast(out, background) < 4.5 && step < 1.0 {
        step += 0.05;
        out = color.lerp_to_gamma(towards, step);
    }
    out
}

/// The opaque backgrounds text is drawn on in `visuals`: panels, windows,
/// text fields and plots. (The faint stripes are a see-through tint over
/// a panel, not a background of their own.)
pub fn backgrounds(visuals: &egui::Visuals) -> [Color32; 4] {
    [
        visuals.panel_fill,
        visuals.window_fill,
        visuals.text_edit_bg_color(),
        visuals.extreme_bg_color,
    ]
}

/// A text colour that reads at 4.5:1 on every one of `backgrounds`.
fn on_all(color: Color32, backgrounds: &[Color32]) -> Color32 {
    backgrounds.iter().fold(color, |c, &bg| text_on(c, bg))
}

/// egui's visuals for `theme`, with the weak text, links, warnings and
/// errors made to read at 4.5:1 on every background (egui's own weak
/// text does not in the light theme).
pub fn visuals(theme: egui::Theme) -> egui::Visuals {
    let mut visuals = theme.default_visuals();
    let backgrounds = backgrounds(&visuals);
    visuals.weak_text_color = Some(on_all(visuals.weak_text_color(), &backgrounds));
    visuals.hyperlink_color = on_all(visuals.hyperlink_color, &backgrounds);
    visuals.warn_fg_color = on_all(visuals.warn_fg_color, &backgrounds);
    visuals.error_fg_color = on_all(visuals.error_fg_color, &backgrounds);
    // The body text only where egui's own would not read (it does in
    // both themes today): an override changes every widget's text.
    let text = visuals.text_color();
    if backgrounds.iter().any(|&bg| contrast(text, bg) < 4.5) {
        visuals.override_text_color = Some(on_all(text, &backgrounds));
    }
    visuals
}

/// The backgrounds the source viewer lays under its text: passages some
/// record quotes, the passage shown, and its words that differ from a
/// quote not found. Pale in the light theme and deep in the dark one, so
/// the body text reads on each at 4.5:1 or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassageShades {
    /// A passage some record quotes.
    pub quoted: Color32,
    /// The next one along: passages side by side alternate.
    pub quoted_other: Color32,
    /// The passage shown.
    pub current: Color32,
    /// A word of the passage shown that differs from the quote.
    pub marked: Color32,
}

/// The source viewer's backgrounds for `visuals`' theme.
pub fn passage_shades(visuals: &egui::Visuals) -> PassageShades {
    if visuals.dark_mode {
        PassageShades {
            quoted: Color32::from_rgb(38, 52, 70),
            quoted_other: Color32::from_rgb(30, 62, 60),
            current: Color32::from_rgb(96, 74, 10),
            marked: Color32::from_rgb(128, 36, 36),
        }
    } else {
        PassageShades {
            quoted: Color32::from_rgb(212, 226, 245),
            quoted_other: Color32::from_rgb(206, 236, 220),
            current: Color32::from_rgb(240, 184, 40),
            marked: Color32::from_rgb(255, 178, 160),
        }
    }
}
