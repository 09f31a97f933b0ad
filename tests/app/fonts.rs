//! The window's typefaces are the ones the exports embed, so a text
//! measured for a picture (`chart::fonts`) is as wide on screen.

use egui::{FontFamily, FontId};
use plan_explorer::chart::fonts;
use plan_explorer::i18n::Lang;
use plan_explorer::ui::style;
use plan_explorer::view::charts::ChartId;

use crate::common;

/// The bytes of the faces a family lists, in its order.
fn faces(definitions: &egui::FontDefinitions, family: &FontFamily) -> Vec<&'static [u8]> {
    let bundled = [
        fonts::LATIN_REGULAR,
        fonts::LATIN_BOLD,
        fonts::CJK_REGULAR,
        fonts::CJK_BOLD,
        fonts::FALLBACK,
    ];
    definitions.families[family]
        .iter()
        .filter_map(|name| {
            let data: &[u8] = (*definitions.font_data[name].font).as_ref();
            bundled.into_iter().find(|face| *face == data)
        })
        .collect()
}

#[test]
fn the_window_sets_its_text_in_the_faces_the_exports_embed() {
    let definitions = style::font_definitions();
    let family = |name: &str| FontFamily::Name(name.into());
    // Each family begins with the bundled faces, in the order
    // `chart::fonts` measures with them.
    for (family, expected) in [
        (
            FontFamily::Proportional,
            [fonts::LATIN_REGULAR, fonts::CJK_REGULAR, fonts::FALLBACK],
        ),
        (
            family(style::BOLD),
            [fonts::LATIN_BOLD, fonts::CJK_BOLD, fonts::FALLBACK],
        ),
        (
            family(style::CJK),
            [fonts::CJK_REGULAR, fonts::LATIN_REGULAR, fonts::FALLBACK],
        ),
        (
            family(style::CJK_BOLD),
            [fonts::CJK_BOLD, fonts::LATIN_BOLD, fonts::FALLBACK],
        ),
    ] {
        let names = &definitions.families[&family];
        assert_eq!(faces(&definitions, &family), expected, "{family:?}");
        // Nothing comes before them.
        let first: &[u8] = (*definitions.font_data[&names[0]].font).as_ref();
        assert!(first == expected[0], "{family:?} begins with {names:?}");
        assert!(names.iter().all(|name| name != "Ubuntu-Light"), "{names:?}");
    }
    // Monospace text keeps egui's Hack, then the same faces.
    let monospace = &definitions.families[&FontFamily::Monospace];
    assert_eq!(monospace[0], "Hack");
    assert_eq!(
        faces(&definitions, &FontFamily::Monospace),
        [fonts::LATIN_REGULAR, fonts::CJK_REGULAR, fonts::FALLBACK]
    );
    // And the window is made with them.
    let window = common::window_on(ChartId::Themes);
    window.ctx.fonts(|f| {
        assert!(
            f.definitions()
                .families
                .contains_key(&family(style::CJK_BOLD))
        );
    });
}

/// The width of `text` as egui lays it out in the family the window's
/// chart painter sets it in.
fn laid_out(ctx: &egui::Context, text: &str, size: f32, bold: bool) -> f32 {
    let mut width = 0.0;
    ctx.run_ui(egui::RawInput::default(), |ui| {
        let font = FontId::new(size, style::family(text, bold));
        width = ui
            .painter()
            .layout_no_wrap(text.to_owned(), font, egui::Color32::BLACK)
            .size()
            .x;
    })
    .textures_delta
    .clear();
    width
}

#[test]
fn text_measured_for_a_picture_is_as_wide_in_the_window() {
    let ctx = egui::Context::default();
    style::install(&ctx);
    let texts = [
        "Shanghai GDP (billion yuan)",
        "Artificial intelligence, integrated circuits, biomedicine",
        "until 2035 (start not stated)",
        "⚠ Caveat: target “over” 1 trillion — see source",
        "上海市促进人工智能产业发展条例",
        "规模以上工业总产值〔译〕 2024–2025年",
        "⚠ 注意：82.5 billion",
        "GDP 5.4% ‘quoted’ → 2035",
    ];
    for text in texts {
        for size in [10.0, 12.0, 14.0, 18.0] {
            for bold in [false, true] {
                let measured = fonts::text_width(text, size, bold, Lang::En);
                let painted = laid_out(&ctx, text, size, bold);
                let off = (painted - measured).abs() / measured;
                assert!(
                    off < 0.01,
                    "{text:?} at {size} (bold {bold}): measured {measured}, laid out {painted}"
                );
            }
        }
    }
}
