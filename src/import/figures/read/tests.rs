//! What numbers are, read from short sentences.

use super::{Role, YearCue, read_sentence};
use crate::import::figures::{FigureUnit, Qualifier};

/// (value, unit, qualifier, core) of each figure, and the years.
fn figures(s: &str) -> Vec<(f64, FigureUnit, Option<Qualifier>, String)> {
    read_sentence(s)
        .into_iter()
        .filter_map(|r| match r {
            Role::Figure(f) => Some((f.value, f.unit, f.qualifier, s[f.core].to_owned())),
            _ => None,
        })
        .collect()
}

fn years(s: &str) -> Vec<(i32, YearCue, String)> {
    read_sentence(s)
        .into_iter()
        .filter_map(|r| match r {
            Role::Year(y) => Some((y.year, y.cue, s[y.range].to_owned())),
            _ => None,
        })
        .collect()
}

#[test]
fn amounts_with_their_scale_currency_and_dollars() {
    assert_eq!(
        figures("Shanghai's GDP reached 5.39 trillion yuan ($760 billion) in 2024"),
        [(
            5.39e12,
            FigureUnit::Yuan,
            None,
            "5.39 trillion yuan ($760 billion)".to_owned()
        )]
    );
    assert_eq!(
        figures("a one-time 100,000-yuan subsidy for institutions"),
        [(
            100_000.0,
            FigureUnit::Yuan,
            None,
            "100,000-yuan subsidy".to_owned()
        )]
    );
    assert_eq!(
        figures("over 825 billion yuan in capital"),
        [(
            825e9,
            FigureUnit::Yuan,
            Some(Qualifier::Over),
            "over 825 billion yuan".to_owned()
        )]
    );
    assert_eq!(
        figures("产业规模达到1000亿元左右"),
        [(
            1e11,
            FigureUnit::Yuan,
            Some(Qualifier::About),
            "1000亿元左右".to_owned()
        )]
    );
    assert_eq!(figures("a $1 trillion plan")[0].1, FigureUnit::UsDollars);
}

#[test]
fn percentages_points_densities_and_counts() {
    assert_eq!(
        figures("a 2026 GDP growth target of “around 5%,”")[0],
        (
            5.0,
            FigureUnit::Percent,
            Some(Qualifier::About),
            "around 5%".to_owned()
        )
    );
    assert_eq!(
        figures("0.3 percentage points higher")[0].1,
        FigureUnit::PercentagePoints
    );
    assert_eq!(
        figures("a density of 600 units per 10,000 workers")[0],
        (
            600.0,
            FigureUnit::Per10kWorkers,
            None,
            "600 units per 10,000 workers".to_owned()
        )
    );
    assert_eq!(
        figures("forming about a hundred \"Chinese standards\" to promote")[0],
        (
            100.0,
            FigureUnit::Count,
            Some(Qualifier::About),
            "about a hundred \"Chinese standards\"".to_owned()
        )
    );
    assert_eq!(
        figures("到2027年，培育10家以上领军企业，研发投入强度提高2个百分点"),
        [
            (
                10.0,
                FigureUnit::Count,
                Some(Qualifier::AtLeast),
                "10家以上领军企业".to_owned()
            ),
            (
                2.0,
                FigureUnit::PercentagePoints,
                None,
                "2个百分点".to_owned()
            )
        ]
    );
    assert_eq!(
        figures("over one-third of overseas returnees")[0]
            .0
            .to_string(),
        "33.3",
        "a fraction is a share in percent, to one decimal"
    );
    assert_eq!(
        figures("cultivate 25 distinct 100-billion-yuan细分赛道 (sub-sectors)"),
        [(
            25.0,
            FigureUnit::Count,
            None,
            "25 distinct 100-billion-yuan细分赛道".to_owned()
        )],
        "the amount is part of the count's noun"
    );
}

#[test]
fn numbers_that_are_not_figures() {
    for s in [
        "Hu Fu Ban Fa [2023] No. 8",
        "JDPG G [2024] No.3",
        "the '2+(3+6)+(4+5)' industrial system",
        "M0-type land and 6G networks",
        "30 beds per 10,000 people",
        "February 7, 2026",
        "7 mins read",
        "the 15th Five-Year Plan (2026-2030)",
        "Over the past five years",
        "During the first three quarters of 2025",
        "aged 60 or above",
        "a two-way channel and a one-time fix in a five-year plan",
        "1) Dedicated teams; 2) task lists",
        "沪府办发〔2024〕21号",
        "“十四五”时期，第一批，用3年时间",
        "from four self-identified advantages",
        "Metro Line 14 opened after the COVID-19 pandemic, as Article 5 says",
    ] {
        assert!(figures(s).is_empty(), "{s}: {:?}", figures(s));
    }
    assert!(
        read_sentence("the three pioneering industries")
            .into_iter()
            .all(|r| !matches!(r, Role::Figure(f) if !f.definite)),
        "a group the text names"
    );
}

#[test]
fn years_periods_and_deadlines() {
    assert_eq!(
        years("nurturing 20 leaders by 2027, clusters as of 2035, in 2024"),
        [
            (2027, YearCue::By, "by 2027".to_owned()),
            (2035, YearCue::AsOf, "as of 2035".to_owned()),
            (2024, YearCue::In, "in 2024".to_owned())
        ]
    );
    assert_eq!(
        years("during the period (2026-2030) and (2021-25)"),
        [
            (2030, YearCue::Period, "(2026-2030)".to_owned()),
            (2025, YearCue::Period, "(2021-25)".to_owned())
        ]
    );
    assert_eq!(
        years("到2027年，至2030年底"),
        [
            (2027, YearCue::By, "到2027年".to_owned()),
            (2030, YearCue::By, "至2030年底".to_owned())
        ]
    );
}

#[test]
fn counts_with_a_scale_or_a_name_for_noun() {
    assert_eq!(
        figures("serve 1.5 million people and build 80,000 5G base stations"),
        [
            (
                1.5e6,
                FigureUnit::Count,
                None,
                "1.5 million people".to_owned()
            ),
            (
                80_000.0,
                FigureUnit::Count,
                None,
                "80,000 5G base stations".to_owned()
            )
        ]
    );
}

#[test]
fn a_count_s_noun_may_share_its_head_across_and() {
    // "take-off and landing sites" are one kind of site; "companies and
    // 20 institutes" are two counts.
    let cores = |s: &str| -> Vec<String> { figures(s).into_iter().map(|f| f.3).collect() };
    assert_eq!(
        cores("with more than 150 take-off and landing sites built"),
        ["more than 150 take-off and landing sites"]
    );
    assert_eq!(
        cores("build 10 research and development centers"),
        ["10 research and development centers"]
    );
    assert_eq!(
        cores("attract 150 companies and 20 institutes"),
        ["150 companies", "20 institutes"]
    );
    assert_eq!(cores("open 50 routes and will build more"), ["50 routes"]);
}

#[test]
fn chinese_about_before_the_verb_qualifies_the_figure() {
    // "about 10% of the nation's": 约 stands before 占, not the number.
    assert_eq!(
        figures("算力约占全国的10%"),
        [(
            10.0,
            FigureUnit::Percent,
            Some(Qualifier::About),
            "10%".to_owned()
        )]
    );
    // Another clause's 约 does not.
    let other = figures("约占一半，其余为10%");
    assert_eq!(
        other
            .iter()
            .find(|f| f.1 == FigureUnit::Percent)
            .map(|f| f.2),
        Some(None),
        "{other:?}"
    );
}
