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

/// Every string value in `value`, nested anywhere.
fn strings<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                out.push(key);
                strings(v, out);
            }
        }
        _ => {}
    }
}

/// The README's "Chinese text renders everywhere": every character of
/// every interface string (English and Chinese) and of every text in the
/// built-in dataset and its earlier edition (source texts too) has a glyph
/// in the faces the window and the exports use, so none shows as a box.
#[test]
fn every_character_of_the_interface_and_the_datasets_has_a_glyph_in_the_bundled_fonts() {
    let definitions = style::font_definitions();
    let parsed: Vec<ttf_parser::Face<'_>> = faces(&definitions, &FontFamily::Proportional)
        .into_iter()
        .map(|data| ttf_parser::Face::parse(data, 0).expect("a font"))
        .collect();
    assert!(parsed.len() >= 3, "Latin, CJK and the fallback");
    let mut texts: Vec<String> = Vec::new();
    for key in plan_explorer::i18n::T::ALL {
        texts.push(key.en().to_owned());
        texts.push(key.zh().to_owned());
    }
    let edition = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/editions/shanghai_plans-2025-12-31.json"
    ))
    .expect("reads");
    for json in [plan_explorer::dataset::EMBEDDED_JSON, edition.as_str()] {
        let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
        let mut found = Vec::new();
        strings(&value, &mut found);
        texts.extend(found.into_iter().map(str::to_owned));
    }
    let mut missing: std::collections::BTreeSet<char> = std::collections::BTreeSet::new();
    let mut checked: std::collections::BTreeSet<char> = std::collections::BTreeSet::new();
    for c in texts.iter().flat_map(|t| t.chars()) {
        if c.is_control() || !checked.insert(c) {
            continue;
        }
        if !parsed.iter().any(|face| face.glyph_index(c).is_some()) {
            missing.insert(c);
        }
    }
    assert!(checked.len() > 500, "only {} characters", checked.len());
    assert!(
        missing.is_empty(),
        "no glyph for {}",
        missing
            .iter()
            .map(|c| format!("{c:?} U+{:04X}", u32::from(*c)))
            .collect::<Vec<_>>()
            .join(", ")
    );
}
