//! Fonts and colours shared by every panel, and the visuals of both
//! themes with every text colour at 4.5:1 or more on its backgrounds.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use crate::dataset::{FundLevel, Status};

/// Droid Sans Fallback (Apache 2.0, `assets/fonts/`): egui's own fonts have
/// no CJK glyphs and a fresh machine has no CJK system font.
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// The exported charts' Noto Sans, which carries the warning sign of a
/// figure's caveat (merged in by `tools/subset_fonts.py`).
const SYMBOLS_FONT: &[u8] = crate::chart::fonts::LATIN_REGULAR;

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

/// egui's fonts first (for Latin text), then the CJK font as a fallback in
/// every family, so Chinese renders everywhere, then Noto Sans for the
/// caveats' warning sign. egui's monospace font, Hack, also backs the
/// proportional family: it has the arrows, triangles and circles the
/// interface uses, which neither Ubuntu-Light nor the CJK font has.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("cjk".to_owned(), FontData::from_static(CJK_FONT).into());
    fonts.font_data.insert(
        "symbols".to_owned(),
        FontData::from_static(SYMBOLS_FONT).into(),
    );
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    if fonts.font_data.contains_key("Hack") && !proportional.iter().any(|f| f == "Hack") {
        proportional.push("Hack".to_owned());
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .extend(["cjk".to_owned(), "symbols".to_owned()]);
    }
    ctx.set_fonts(fonts);
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

/// The colour of the `i`-th series.
pub fn series_color(i: usize) -> Color32 {
    PALETTE[i % PALETTE.len()]
}

/// The colour of a fund level.
pub fn level_color(level: FundLevel) -> Color32 {
    match level {
        FundLevel::National => PALETTE[0],
        FundLevel::Municipal => PALETTE[1],
        FundLevel::District => PALETTE[2],
        FundLevel::SocialCapital => PALETTE[3],
        FundLevel::Mixed => PALETTE[4],
    }
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
