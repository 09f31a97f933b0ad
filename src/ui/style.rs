//! Fonts and colours shared by every panel.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use crate::dataset::{FundLevel, Status};

/// Droid Sans Fallback (Apache 2.0, `assets/fonts/`): egui's own fonts have
/// no CJK glyphs and a fresh machine has no CJK system font.
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf");

/// The exported charts' Noto Sans, which carries the warning sign of a
/// figure's caveat (merged in by `tools/subset_fonts.py`).
const SYMBOLS_FONT: &[u8] = crate::chart::fonts::LATIN_REGULAR;

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

/// The Okabe-Ito palette (the chart pictures' own, `chart::view::PALETTE`),
/// as egui's colours.
pub const PALETTE: [Color32; 7] = {
    const fn egui(c: crate::chart::scene::Rgb) -> Color32 {
        Color32::from_rgb(c.0, c.1, c.2)
    }
    let p = crate::chart::view::PALETTE;
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
