//! Text contrast in the window, computed from the colours: every text
//! colour of both themes' visuals reads at 4.5:1 or more on every
//! background it is drawn on, and so does each palette colour the charts
//! write text in, once fitted.

use plan_explorer::ui::style::{
    PALETTE, backgrounds, contrast, level_color, series_color, text_on, visuals,
};

#[test]
fn every_text_colour_of_both_themes_reads_at_4_5_to_1_on_every_background() {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let v = visuals(theme);
        let texts = [
            ("text", v.text_color()),
            ("weak", v.weak_text_color()),
            ("strong", v.strong_text_color()),
            ("link", v.hyperlink_color),
            ("warning", v.warn_fg_color),
            ("error", v.error_fg_color),
        ];
        for (name, color) in texts {
            for background in backgrounds(&v) {
                let ratio = contrast(color, background);
                assert!(
                    ratio >= 4.5,
                    "{theme:?} {name} {color:?} on {background:?}: {ratio:.2}"
                );
            }
        }
    }
}

#[test]
fn egui_s_own_light_weak_text_would_not_pass_so_the_fit_is_needed() {
    // What the fitting above is for: egui's default weak text in the
    // light theme is under 4.5:1 on its panels.
    let default = egui::Theme::Light.default_visuals();
    let worst = backgrounds(&default)
        .into_iter()
        .map(|bg| contrast(default.weak_text_color(), bg))
        .fold(f32::INFINITY, f32::min);
    assert!(worst < 4.5, "{worst}");
}

#[test]
fn palette_colours_used_as_text_are_fitted_to_the_plot_background() {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let v = visuals(theme);
        let plot = v.extreme_bg_color;
        let colors = PALETTE
            .iter()
            .copied()
            .chain((0..7).map(series_color))
            .chain(
                [
                    plan_explorer::dataset::FundLevel::National,
                    plan_explorer::dataset::FundLevel::Municipal,
                    plan_explorer::dataset::FundLevel::SocialCapital,
                ]
                .map(level_color),
            );
        for color in colors {
            let fitted = text_on(color, plot);
            assert!(
                contrast(fitted, plot) >= 4.5,
                "{theme:?} {color:?} -> {fitted:?}"
            );
        }
        // A colour that already reads is left as it is.
        assert_eq!(text_on(v.strong_text_color(), plot), v.strong_text_color());
    }
}
