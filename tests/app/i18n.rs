//! The interface in English and Simplified Chinese: every key of the table
//! has both, the switch works in the window and is remembered, amounts and
//! dataset fields follow the language.

use egui_kittest::kittest::Queryable as _;
use plan_explorer::i18n::{Lang, T};
use plan_explorer::selection::Item;
use plan_explorer::ui::{AppState, Settings};
use plan_explorer::view::amount::Convention;

/// Keys whose Chinese text is the English one on purpose.
const SAME_IN_BOTH: &[T] = &[
    // The name of the international convention, shown beside "亿元" in
    // both languages as the alternative it is.
    T::BillionYuan,
];

/// Removes the editors' translations, leaving what the documents print:
/// for tests of how the window shows names with no Chinese at all.
fn without_translations(json: &mut serde_json::Value) {
    match json {
        serde_json::Value::Object(map) => {
            map.retain(|key, _| !key.ends_with("_translation"));
            map.values_mut().for_each(without_translations);
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(without_translations),
        _ => {}
    }
}

fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn every_key_has_english_and_chinese_with_the_same_places() {
    for &key in T::ALL {
        let (en, zh) = (key.en(), key.zh());
        assert!(!en.trim().is_empty(), "{key:?} has no English");
        assert!(!zh.trim().is_empty(), "{key:?} has no Chinese");
        if SAME_IN_BOTH.contains(&key) {
            assert_eq!(en, zh, "{key:?}");
        } else {
            assert!(has_han(zh), "{key:?}: {zh:?} is not Chinese");
            assert!(!has_han(en), "{key:?}: {en:?} is not English");
        }
        assert_eq!(
            en.matches("{}").count(),
            zh.matches("{}").count(),
            "{key:?}: the places to fill differ"
        );
    }
}

fn harness(state: AppState) -> crate::common::Window {
    let mut harness = crate::common::app(crate::common::builder(), state);
    harness.run_steps(2);
    harness
}

#[test]
fn the_top_bar_switches_to_chinese_and_back() {
    let mut harness = harness(AppState::open(None).expect("opens"));
    assert!(harness.query_by_label("Search:").is_some());
    harness.get_by_label("简体中文").click();
    harness.run_steps(2);
    assert_eq!(harness.state().session.lang(), Lang::Zh);
    // Found through AccessKit, as a screen reader would.
    for label in [
        "搜索：",
        "措施",
        "工业产值",
        "资金配置",
        "详情",
        "文件",
        "视图",
    ] {
        assert!(harness.query_by_label(label).is_some(), "{label} missing");
    }
    assert!(harness.query_by_label("Search:").is_none());
    // The chart's names have no Chinese in the documents: they are the
    // editors' translations, and the chart says what their mark means.
    assert!(
        harness
            .query_by_label_contains("〔译〕表示编者对原文件英文名称的中文翻译")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("在数据集中没有中文名称")
            .is_none()
    );
    // Amounts follow the language, as the user has not chosen.
    assert_eq!(harness.state().session.convention(), Convention::Chinese);
    // Entries the dataset has only in English are marked; those with a
    // Chinese title show it.
    // Searching in Chinese finds the Chinese titles.
    harness.get_by_label("搜索：").focus();
    harness.get_by_label("搜索：").type_text("一键通");
    harness.run_steps(2);
    assert_eq!(harness.state().doc.tree.match_count, 1);
    assert!(
        harness
            .query_all_by_label_contains("为老服务一键通")
            .next()
            .is_some()
    );
    // Its plan has no Chinese title in the documents: the editors'
    // translation shows, marked, and nothing is left in English.
    assert!(
        harness
            .query_all_by_label_contains("银发经济发展举措（2026年2月7日报道的新闻发布会）〔译〕")
            .next()
            .is_some()
    );
    assert!(harness.query_all_by_label("英").next().is_none());
    harness.get_by_label("清除筛选").click();
    harness.run_steps(2);

    harness.get_by_label("English").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Search:").is_some());
    assert_eq!(
        harness.state().session.convention(),
        Convention::International
    );
}

#[test]
fn a_chosen_convention_stays_when_the_language_changes() {
    let mut harness = harness(AppState::open(None).expect("opens"));
    harness.get_by_label("亿元").click();
    harness.run_steps(1);
    harness.get_by_label("简体中文").click();
    harness.run_steps(1);
    harness.get_by_label("English").click();
    harness.run_steps(1);
    assert_eq!(harness.state().session.convention(), Convention::Chinese);
}

#[test]
fn the_language_is_remembered_and_otherwise_follows_the_system() {
    let mut state = AppState::open(None).expect("opens");
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    let settings = state.settings();
    assert_eq!(settings.lang, Some(Lang::Zh));
    // The window's own start-up: a chosen language beats the system's.
    let ctx = egui::Context::default();
    let start = |settings: &Settings, system: Lang| {
        plan_explorer::ui::startup::starting_state(None, settings, system, &ctx).expect("opens")
    };
    let restarted = start(&settings, Lang::En);
    assert_eq!(restarted.session.lang(), Lang::Zh);
    assert_eq!(restarted.session.convention(), Convention::Chinese);
    // Nothing chosen: the system's locale decides, either way, and the
    // amounts follow the language.
    for (system, convention) in [
        (Lang::Zh, Convention::Chinese),
        (Lang::En, Convention::International),
    ] {
        let fresh = start(&Settings::default(), system);
        assert_eq!(fresh.session.lang(), system);
        assert_eq!(fresh.session.convention(), convention);
        assert_eq!(fresh.settings().lang, None, "not written as a choice");
    }
    // What the system says comes from the locale.
    assert_eq!(Lang::from_locale("zh-CN"), Lang::Zh);
    assert_eq!(Lang::from_locale("en-US"), Lang::En);
}

#[test]
fn picture_titles_footers_and_change_summaries_follow_the_language() {
    use plan_explorer::view::charts::ChartId;
    use plan_explorer::view::table;
    let data = plan_explorer::dataset::load_embedded()
        .dataset
        .expect("valid");
    let hidden = std::collections::BTreeSet::new();
    let rows = table::chart_rows(&data, ChartId::GdpShare, &hidden, Lang::Zh);
    let page = plan_explorer::chart::Page::of(
        plan_explorer::chart::Preset::Slide,
        plan_explorer::chart::Paper::Light,
    );
    let subtitle = |lang| {
        let view = plan_explorer::chart::ChartView::new(&data, ChartId::GdpShare, &hidden, lang);
        plan_explorer::chart::scene(&view, &page)
            .texts()
            .filter(|t| t.role == plan_explorer::chart::scene::Role::Subtitle)
            .map(|t| t.text.clone())
            .collect::<String>()
    };
    assert_eq!(
        subtitle(Lang::Zh),
        "百分比。圆点为文件所载数据；虚线连接相隔多年的数据，其间无数据。"
    );
    let footer = table::source_footer(&data, &rows, Lang::Zh);
    assert!(footer.starts_with("来源："), "{footer}");
    assert!(
        footer.contains("（未注明日期）") || footer.contains("(未注明日期)"),
        "{footer}"
    );
    let old = plan_explorer::dataset::load_file(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/editions/shanghai_plans-2025-12-31.json"
    )))
    .expect("reads")
    .dataset
    .expect("valid");
    let summary = plan_explorer::view::diff::compare(&old, &data).summary(Lang::Zh);
    assert!(
        summary.contains("资金：新增 6，删除 0，修改 1"),
        "{summary}"
    );
    assert_eq!(
        subtitle(Lang::En),
        "Percent. Points are figures the documents state; dashed lines join figures across \
         years without data."
    );
}

#[test]
fn every_problem_the_bad_fixtures_raise_reads_in_chinese() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("lists") {
        let path = entry.expect("entry").path();
        let problems = match plan_explorer::dataset::load_file(&path) {
            Ok(loaded) => loaded.problems,
            Err(error) => error.content_problem().into_iter().collect(),
        };
        for problem in problems {
            seen += 1;
            let zh = problem.kind.text(Lang::Zh);
            assert!(
                has_han(&zh),
                "{}: no Chinese for {:?}: {zh}",
                path.display(),
                problem.message()
            );
        }
    }
    assert!(seen > 30, "only {seen} problems");
}

#[test]
fn the_problems_panel_speaks_chinese_in_chinese_mode() {
    let mut state = AppState::open(None).expect("opens");
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    let bad = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad/dangling_refs.json");
    state.apply(plan_explorer::ui::SessionCommand::OpenFile(bad));
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    let problems = state.session.problems.as_ref().expect("problems");
    let lang = state.session.lang();
    assert!(
        problems.lines(lang).iter().all(|l| l.contains(": 错误：")),
        "{:?}",
        problems.lines(lang)
    );
    assert!(
        problems
            .lines(lang)
            .iter()
            .any(|l| l.contains("未知的单位“sh-hlth”")),
        "{:?}",
        problems.lines(lang)
    );
    let status = state
        .session
        .status
        .as_ref()
        .map(|note| note.text(lang))
        .unwrap_or_default();
    assert!(status.contains("未能载入"), "{status}");
}

#[test]
fn unit_and_theme_names_show_in_chinese_or_are_marked_english() {
    let mut state = AppState::open(None).expect("opens");
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    let node = state
        .doc
        .dataset
        .node_by_id("medai-1-1")
        .expect("the measure");
    state.apply(plan_explorer::ui::DocCommand::Select(
        plan_explorer::selection::Item::Node(node),
    ));
    let mut harness = harness(state);
    // The Chinese name the documents give, alone.
    assert!(
        harness
            .query_all_by_label_contains("上海市经济信息化委")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("Municipal Commission of Economy and Informatization")
            .next()
            .is_none()
    );
    // A unit the documents name only in English (the Municipal Commission
    // of Health): the editors' translation, marked.
    assert!(
        harness
            .query_all_by_label_contains("上海市卫生健康委员会〔译〕")
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_all_by_label_contains("Municipal Commission of Health")
            .next()
            .is_none()
    );
    harness.run_steps(1);
    drop(harness);

    // Without a translation: English, marked.
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    without_translations(&mut json);
    let data = plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid");
    let mut state = AppState::new(data);
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    let node = state
        .doc
        .dataset
        .node_by_id("medai-1-1")
        .expect("the measure");
    state.apply(plan_explorer::ui::DocCommand::Select(
        plan_explorer::selection::Item::Node(node),
    ));
    let mut harness = self::harness(state);
    assert!(
        harness
            .query_all_by_label_contains("Municipal Commission of Health〔英〕")
            .next()
            .is_some()
    );
    harness.run_steps(1);
}

#[test]
fn the_change_details_are_written_in_chinese_with_chinese_amounts() {
    // An edition in which a fund's level and amount, a point's status and
    // a target's deadline changed.
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    json["funds"][0]["level"] = "municipal".into();
    json["funds"][0]["amount_yuan"] = 50_000_000_000_i64.into();
    json["series"][0]["points"][0]["status"] = "estimate".into();
    json["targets"][0]
        .as_object_mut()
        .expect("an object")
        .remove("deadline_year");
    let new = plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid");
    let old = plan_explorer::dataset::load_embedded()
        .dataset
        .expect("valid");

    let changes = plan_explorer::view::diff::compare(&old, &new);
    let details: Vec<String> = changes
        .changes
        .iter()
        .flat_map(|c| {
            c.details
                .iter()
                .map(|d| d.text(Convention::Chinese, Lang::Zh))
        })
        .collect();
    for expected in [
        "级别：由“国家级”改为“市级”",
        "金额：由“600亿元”改为“500亿元”",
        "状态：由“实际”改为“估计”",
        "期限：由“2027”改为“未说明”",
    ] {
        assert!(
            details.iter().any(|d| d == expected),
            "{expected} not in {details:?}"
        );
    }
    assert!(
        details
            .iter()
            .all(|d| !d.contains("national") && !d.contains("not stated")),
        "{details:?}"
    );
}

#[test]
fn switching_language_rewrites_the_open_change_summary() {
    let edition = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/editions/shanghai_plans-2025-12-31.json");
    let current = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shanghai_plans.json");
    let mut state = AppState::open(Some(&edition)).expect("opens");
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::En));
    state.apply(plan_explorer::ui::SessionCommand::OpenFile(current));
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    let english = state
        .doc
        .changes
        .as_ref()
        .expect("open")
        .summary(state.session.lang());
    assert!(english.contains("funds: 6 added"), "{english}");
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    let changes = state.doc.changes.as_ref().expect("still open");
    let lang = state.session.lang();
    assert!(
        changes.summary(lang).contains("资金：新增 6"),
        "{}",
        changes.summary(lang)
    );
    assert!(
        changes.changes.iter().any(|c| c.details.iter().any(|d| d
            .text(state.session.convention(), lang)
            .starts_with("名称：由"))),
        "{:?}",
        changes.changes
    );
}

#[test]
fn switching_language_rewrites_the_status_line_and_the_open_problems() {
    let mut state = AppState::open(None).expect("opens");
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::En));
    let bad = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad/dangling_refs.json");
    state.apply(plan_explorer::ui::SessionCommand::OpenFile(bad));
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    state.apply(plan_explorer::ui::SessionCommand::OpenFile(
        "/no/such/plans.json".into(),
    ));
    assert!(state.finish_loading(std::time::Duration::from_mins(1)));
    let status = |state: &AppState| {
        state
            .session
            .status
            .as_ref()
            .map(|note| note.text(state.session.lang()))
    };
    assert!(
        status(&state).is_some_and(|s| s.contains("did not load")),
        "{:?}",
        status(&state)
    );
    let english = state
        .session
        .problems
        .as_ref()
        .expect("problems")
        .lines(state.session.lang());
    assert!(english[0].contains("no such file"), "{english:?}");

    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    assert!(
        status(&state).is_some_and(|s| s.contains("未能载入")),
        "{:?}",
        status(&state)
    );
    let chinese = state
        .session
        .problems
        .as_ref()
        .expect("problems")
        .lines(state.session.lang());
    assert!(chinese[0].contains("找不到文件"), "{chinese:?}");
}

#[test]
fn the_details_of_a_point_and_a_fund_give_status_and_level_in_chinese() {
    use plan_explorer::dataset::{FigureRef, FundIx, SeriesIx};
    use plan_explorer::selection::Item;
    let mut state = AppState::open(None).expect("opens");
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    let gdp = state
        .doc
        .dataset
        .series
        .iter()
        .position(|s| s.id == "gdp")
        .expect("the GDP series");
    state.apply(plan_explorer::ui::DocCommand::Select(Item::Figure(
        FigureRef::Point(SeriesIx(u32::try_from(gdp).expect("small")), 0),
    )));
    let mut harness = harness(state);
    assert!(
        harness.query_by_label("实际").is_some(),
        "status in Chinese"
    );
    assert!(harness.query_by_label("actual").is_none());
    harness
        .state_mut()
        .apply(plan_explorer::ui::DocCommand::Select(Item::Figure(
            FigureRef::Fund(FundIx(0)),
        )));
    harness.run_steps(2);
    assert!(
        harness.query_by_label("国家级").is_some(),
        "level in Chinese"
    );
}

#[test]
fn a_fund_with_a_chinese_name_shows_it_in_chinese() {
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    for fund in json["funds"].as_array_mut().expect("funds") {
        let name = fund["name"].as_str().expect("a name").to_owned();
        fund["name_zh"] = format!("基金 {name}").into();
    }
    let data = plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid");
    let (bars, _) = plan_explorer::view::charts::fund_bars(&data, Lang::Zh);
    assert!(bars.iter().all(|b| b.name.starts_with("基金 ")), "{bars:?}");

    // Every fund named in Chinese: the funds chart has no note to make.
    let mut state = AppState::new(data);
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    state.apply(plan_explorer::ui::SessionCommand::ShowChart(
        plan_explorer::view::charts::ChartId::Funds,
    ));
    let harness = harness(state);
    assert!(
        harness
            .query_by_label_contains("在数据集中没有中文名称")
            .is_none()
    );
    // The fund without an amount is listed by that name, on screen (above
    // the status line; below the plot it was pushed out of the window).
    let link = harness.get_by_label("基金 AI Youth Venture Fund").rect();
    assert!(link.bottom() < 770.0, "{link:?}");
}

#[test]
fn the_systems_reasons_for_a_failed_write_read_in_chinese() {
    use plan_explorer::dataset::IoReason;
    use plan_explorer::output::WriteError;
    for (path, code, chinese) in [
        (
            "/sys/x.png",
            13,
            "无法写入 /sys/x.png：权限不足（系统错误 13）",
        ),
        (
            "/media/usb/x.csv",
            28,
            "无法写入 /media/usb/x.csv：磁盘空间不足（系统错误 28）",
        ),
        (
            "/mnt/ro/x.png",
            30,
            "无法写入 /mnt/ro/x.png：只读文件系统（系统错误 30）",
        ),
    ] {
        let error = WriteError::Io {
            path: path.into(),
            reason: IoReason::of(&std::io::Error::from_raw_os_error(code)),
        };
        assert_eq!(error.text(Lang::Zh), chinese);
        // The window's note words it when drawn, in the language chosen.
        let note = plan_explorer::ui::Note::ExportFailed(error.into());
        let said = note.text(Lang::Zh);
        assert!(said.ends_with(chinese), "{said}");
    }
}

#[test]
fn series_and_targets_with_chinese_names_show_them_in_chinese() {
    // Without the documents' texts, the made-up Chinese names below are
    // not proven (nor listed as problems beside the chart).
    let mut json = crate::common::embedded_without_texts();
    without_translations(&mut json);
    for series in json["series"].as_array_mut().expect("series") {
        let title = series["title"].as_str().expect("a title").to_owned();
        series["title_zh"] = format!("系列 {title}").into();
    }
    json["targets"][0]["metric_zh"] = "目标甲".into();
    let data = plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid");
    let mut state = AppState::new(data);
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    let mut harness = harness(state);
    // Every series of the chart is named in Chinese: in the chart's title
    // and its legend, and no line about English names.
    assert_eq!(
        harness
            .query_all_by_label_contains("系列 Shanghai GDP")
            .count(),
        2
    );
    assert!(
        harness
            .query_by_label("系列 Shanghai GDP（2024–2025年），另有3个相关系列")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("在数据集中没有中文名称")
            .is_none()
    );
    // The targets: one has a Chinese metric, the others do not.
    harness
        .state_mut()
        .apply(plan_explorer::ui::SessionCommand::ShowChart(
            plan_explorer::view::charts::ChartId::Targets,
        ));
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("目标甲").is_some());
    assert!(
        harness
            .query_by_label_contains("在数据集中没有中文名称")
            .is_some()
    );
}

#[test]
fn chinese_names_are_compared_and_shown_in_the_change_summary() {
    let old = plan_explorer::dataset::load_embedded()
        .dataset
        .expect("valid");
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    json["funds"][0]["name_zh"] = "国家人工智能基金".into();
    // A change below what is shown is not a change.
    let value = json["series"][0]["points"][0]["value"]
        .as_f64()
        .expect("a number");
    json["series"][0]["points"][0]["value"] = (value + 1.0).into();
    let new = plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid");
    let changes = plan_explorer::view::diff::compare(&old, &new);
    assert_eq!(changes.changes.len(), 1, "{:?}", changes.changes);
    let change = &changes.changes[0];
    assert_eq!(change.id, "fund-national-ai");
    let label = change.shown_label(Lang::Zh).to_owned();
    let detail = change.details[0].text(Convention::Chinese, Lang::Zh);
    assert_eq!(label, "国家人工智能基金");
    assert_eq!(detail, "中文名称：由“未说明”改为“国家人工智能基金”");
    assert_eq!(change.shown_label(Lang::En), "National AI Fund");
}

#[test]
fn a_figures_linked_measures_read_in_chinese_and_none_is_said_plainly() {
    use plan_explorer::dataset::{FigureRef, FundIx, SeriesIx};
    use plan_explorer::selection::Item;
    let mut json: serde_json::Value =
        serde_json::from_str(plan_explorer::dataset::EMBEDDED_JSON).expect("JSON");
    json["funds"][0]["measures"] = serde_json::json!(["ind-silver-one-click"]);
    let data = plan_explorer::dataset::load_str(&json.to_string())
        .dataset
        .expect("valid");
    let share = data
        .series
        .iter()
        .position(|s| s.id == "pioneer-gdp-share")
        .expect("the share series");
    let mut state = AppState::new(data);
    state.apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    state.apply(plan_explorer::ui::DocCommand::Select(Item::Figure(
        FigureRef::Fund(FundIx(0)),
    )));
    let mut harness = harness(state);
    assert!(
        harness
            .query_all_by_label("为老服务一键通")
            .next()
            .is_some(),
        "the linked measure by its Chinese title"
    );
    // A figure no measure cites says so.
    harness
        .state_mut()
        .apply(plan_explorer::ui::DocCommand::Select(Item::Figure(
            FigureRef::Point(SeriesIx(u32::try_from(share).expect("small")), 0),
        )));
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("没有与此数据关联的措施")
            .is_some()
    );
}

#[test]
fn the_details_of_a_figure_say_how_far_its_source_can_be_trusted_and_link_its_conflicts() {
    // Issue 26: the 1.8 trillion's caveat, its links to the records it
    // conflicts with, and src-001 has no reliability note while src-003
    // has one, in both languages.
    let data = plan_explorer::dataset::load_embedded()
        .dataset
        .expect("valid");
    let output = data.figure_by_id("pioneer-output-2024").expect("point");
    let fund = data.figure_by_id("fund-national-ai").expect("fund");
    let state = AppState::new(data);
    let mut harness = harness(state);
    harness
        .state_mut()
        .apply(plan_explorer::ui::DocCommand::Select(Item::Figure(output)));
    harness.run_steps(2);
    assert!(
        harness
            .query_all_by_label_contains("Cannot be industrial output in the statistical sense")
            .next()
            .is_some()
    );
    // Each conflicting record is a link that selects it.
    assert!(
        harness
            .query_all_by_label_contains(
                "↔ Industrial output value of enterprises above designated size"
            )
            .next()
            .is_some()
    );
    harness
        .get_by_label_contains("↔ Manufacturing share of the three leading industries")
        .click();
    harness.run_steps(2);
    let mfg = harness
        .state()
        .doc
        .dataset
        .figure_by_id("pioneer-mfg-share-2025")
        .expect("point");
    assert_eq!(harness.state().doc.selected(), Some(Item::Figure(mfg)));
    harness
        .state_mut()
        .apply(plan_explorer::ui::DocCommand::Select(Item::Figure(fund)));
    harness.run_steps(2);
    assert!(
        harness
            .query_all_by_label_contains("⚠ Reliability: An investor-oriented blog post")
            .next()
            .is_some()
    );
    harness
        .state_mut()
        .apply(plan_explorer::ui::SessionCommand::SetLang(Lang::Zh));
    harness.run_steps(2);
    assert!(
        harness
            .query_all_by_label_contains("⚠ 来源可靠性：面向投资者的博客文章")
            .next()
            .is_some()
    );
}
