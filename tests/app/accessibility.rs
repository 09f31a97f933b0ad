//! The window for people who cannot rely on sight or a mouse: text
//! contrast computed from the colours (every text colour of both themes
//! reads at 4.5:1 or more on every background it is drawn on, and so does
//! each palette colour the charts write text in, once fitted), and the
//! tree as a screen reader hears it through AccessKit.

use crate::common;

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

#[test]
fn the_trees_rows_tell_a_screen_reader_their_level_and_whether_they_are_open() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let mut state = plan_explorer::ui::AppState::open(None).expect("opens");
    let node = state
        .doc
        .dataset
        .node_by_id("medai-1-1")
        .expect("a measure under a chapter");
    state.apply(plan_explorer::ui::DocCommand::Select(
        plan_explorer::selection::Item::Node(node),
    ));
    let harness = common::window(state);
    let item = |label: &str| {
        let node = harness
            .query_all_by_label_contains(label)
            .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TreeItem)
            .unwrap_or_else(|| panic!("a tree item {label}"));
        let data = node.accesskit_node();
        (data.level(), data.data().is_expanded())
    };
    // The plan, opened to show the selection: level 1, open.
    assert_eq!(item("Working Plan of Shanghai"), (Some(1), Some(true)));
    // Its chapter I, open; a closed plan is closed.
    assert_eq!(item("I Enhancing the Capability"), (Some(2), Some(true)));
    assert_eq!(item("Action plan to boost"), (Some(1), Some(false)));
    // The selected measure: level 3; an item with nothing below says
    // nothing of being open.
    let title = harness.state().doc.dataset.node(node).title.clone();
    assert_eq!(item(&title).0, Some(3));
    // The arrows are named by what they do.
    assert!(harness.query_all_by_label("Collapse").next().is_some());
    assert!(harness.query_all_by_label("Expand").next().is_some());
}

#[test]
fn each_chart_is_described_in_words_under_its_title() {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    use plan_explorer::view::charts::ChartId;
    let data = plan_explorer::dataset::load_embedded()
        .dataset
        .expect("valid");
    let en = |chart| {
        plan_explorer::view::describe::chart_description(
            &data,
            chart,
            plan_explorer::i18n::Lang::En,
            plan_explorer::view::amount::Convention::International,
        )
    };
    // From the data: counts, ranges and the latest or largest values.
    assert!(
        en(ChartId::IndustrialOutput).starts_with("Line chart of 4 series, 2024 to 2030. Latest: Shanghai GDP 5.67 trillion yuan in 2025 (actual)"),
        "{}",
        en(ChartId::IndustrialOutput)
    );
    // The 825 billion is probably wrong as printed: said apart, not as the
    // largest bar.
    assert!(
        en(ChartId::Funds).starts_with(
            "Bar chart of 4 funds, largest first: Social capital for AI over 100 billion yuan"
        ),
        "{}",
        en(ChartId::Funds)
    );
    assert!(
        en(ChartId::Funds).contains("Not on this scale (probably wrong as printed; see its caveat): National and municipal AI fund capital (aggregate): ⚠ over 825 billion yuan"),
        "{}",
        en(ChartId::Funds)
    );
    assert!(
        en(ChartId::Targets).starts_with("Table of 19 targets, deadlines 2027 to 2030"),
        "{}",
        en(ChartId::Targets)
    );
    assert!(
        en(ChartId::Themes)
            .starts_with("Matrix of 42 themes by 5 plans; the most measures: Medical AI 47"),
        "{}",
        en(ChartId::Themes)
    );
    assert!(
        en(ChartId::Timeline)
            .starts_with("Timeline of 5 plans, 2025 to 2035; 8 targets, the first due by 2027"),
        "{}",
        en(ChartId::Timeline)
    );
    let zh = plan_explorer::view::describe::chart_description(
        &data,
        ChartId::Themes,
        plan_explorer::i18n::Lang::Zh,
        plan_explorer::view::amount::Convention::Chinese,
    );
    assert!(
        zh.starts_with("矩阵，42个主题乘5项规划；措施最多的主题：医学人工智能〔译〕 47"),
        "{zh}"
    );

    // In the window, a screen reader finds it on the chart's title.
    for chart in ChartId::ALL {
        let mut state = plan_explorer::ui::AppState::open(None).expect("opens");
        state.apply(plan_explorer::ui::SessionCommand::ShowChart(chart));
        let harness = common::window(state);
        let described = harness
            .query_all_by_label_contains("")
            .filter_map(|n| n.accesskit_node().data().description().map(str::to_owned))
            .collect::<Vec<_>>();
        // The funds open on their log scale, which the words also say.
        let expected = if chart == ChartId::Funds {
            format!(
                "{} The amounts are drawn on a logarithmic scale.",
                en(chart)
            )
        } else {
            en(chart)
        };
        assert!(described.contains(&expected), "{chart:?}: {described:?}");
        // And on the chart's own node, where Tab takes a screen reader
        // (tests/cli/window.rs reads it through AT-SPI too).
        let name = format!(
            "{} chart",
            plan_explorer::chart::chart_name(chart, plan_explorer::i18n::Lang::En)
        );
        let node = harness.get_by_label(&name);
        assert_eq!(
            node.accesskit_node().data().description(),
            Some(expected.as_str()),
            "{chart:?}"
        );
    }
}

#[test]
fn show_as_table_lists_each_charts_figures_and_a_row_selects_its_figure() {
    use egui_kittest::kittest::Queryable as _;
    use plan_explorer::view::charts::ChartId;
    let mut harness = common::window(plan_explorer::ui::AppState::open(None).expect("opens"));
    harness.get_by_label("Show as table").click();
    harness.run();
    assert!(harness.state().session.show_table);
    // The industrial output's points, each with its value.
    assert!(harness.query_by_label("5.67 trillion yuan").is_some());
    // Shanghai GDP has a row for each of its two points.
    assert_eq!(harness.query_all_by_label("Shanghai GDP").count(), 2);
    harness
        .query_all_by_label("Shanghai GDP")
        .next()
        .expect("a row")
        .click();
    harness.run();
    let selected = harness.state().doc.selected();
    assert!(
        matches!(
            selected,
            Some(plan_explorer::selection::Item::Figure(
                plan_explorer::dataset::FigureRef::Point(..)
            ))
        ),
        "{selected:?}"
    );
    // The funds, largest first.
    harness
        .state_mut()
        .apply(plan_explorer::ui::SessionCommand::ShowChart(ChartId::Funds));
    harness.run();
    assert!(harness.query_by_label("over 100 billion yuan").is_some());
    // The 825 billion is a row of its own, after the bars'.
    assert!(
        harness
            .query_all_by_label_contains("over 825 billion yuan")
            .next()
            .is_some()
    );
    // The theme map as its cells: a row filters the tree.
    harness
        .state_mut()
        .apply(plan_explorer::ui::SessionCommand::ShowChart(
            ChartId::Themes,
        ));
    harness.run();
    harness.get_by_label("Public health").click();
    harness.run();
    let filter = &harness.state().doc.filter;
    assert_eq!((filter.themes.len(), filter.plans.len()), (1, 1));
    // And back to the chart.
    harness.get_by_label("Show as table").click();
    harness.run();
    assert!(!harness.state().session.show_table);
}

#[test]
fn the_source_viewers_shades_stand_apart_and_its_text_reads_on_each() {
    use plan_explorer::ui::style::passage_shades;
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        let v = visuals(theme);
        let s = passage_shades(&v);
        let shades = [s.quoted, s.quoted_other, s.current, s.marked];
        for (i, &shade) in shades.iter().enumerate() {
            // Seen against the panel the text lies on.
            assert!(
                contrast(shade, v.panel_fill) >= 1.15,
                "{theme:?} shade {i} {shade:?} on the panel: {:.2}",
                contrast(shade, v.panel_fill)
            );
            // The viewer writes on each in the body colour, fitted.
            let ink = text_on(v.text_color(), shade);
            assert!(contrast(ink, shade) >= 4.5, "{theme:?} {shade:?}");
        }
        // The passage shown stands out from the quoted ones round it by
        // lightness, not by hue alone. (Quoted passages side by side
        // alternate in hue: a help, not the only cue, as each is also
        // named on hover.)
        assert!(contrast(s.current, s.quoted) >= 1.3, "{theme:?}");
        assert!(contrast(s.current, s.quoted_other) >= 1.3, "{theme:?}");
    }
}
