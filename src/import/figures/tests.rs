//! The check, and proposals read from short texts.

use std::fmt::Write as _;

use super::{FigureKind, FigureUnit, Proposal, Qualifier, Unreadable, check, propose};
use crate::dataset::Status;
use crate::import::to_json::DocLang;

fn one(text: &str, lang: DocLang) -> Proposal {
    let found = propose(text, lang);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().expect("one")
}

#[test]
fn the_check_reads_value_unit_and_year_from_the_quote_alone() {
    let text = "The goal is to achieve a total output value of about 500 billion yuan (US$69.79 billion) in the industries of the future by 2030.";
    let p = one(text, DocLang::En);
    assert_eq!(check(&p, text), Ok(()));
    assert_eq!(
        (p.value, p.unit, p.year),
        (500e9, FigureUnit::Yuan, Some(2030))
    );
    assert!(p.deadline);

    let wrong = |f: &dyn Fn(&mut Proposal)| {
        let mut p = p.clone();
        f(&mut p);
        check(&p, text)
    };
    assert_eq!(wrong(&|p| p.value = 50e9), Err(Unreadable::Value));
    assert_eq!(
        wrong(&|p| p.value = 69.79e9),
        Err(Unreadable::Unit),
        "the dollars are no yuan"
    );
    assert_eq!(
        wrong(&|p| p.unit = FigureUnit::Count),
        Err(Unreadable::Unit)
    );
    assert_eq!(wrong(&|p| p.year = Some(2035)), Err(Unreadable::Year));
    assert_eq!(wrong(&|p| p.range.start += 1), Err(Unreadable::NotTheText));
    // A quote cut before "billion" states 500, not 500 billion.
    assert_eq!(
        wrong(&|p| {
            let end = p.quote.find(" billion").expect("billion");
            p.quote.truncate(end);
            p.range.end = p.range.start + end;
        }),
        Err(Unreadable::Value)
    );
    // Nor is a year readable once cut off.
    assert_eq!(
        wrong(&|p| {
            let end = p.quote.find(" by 2030").expect("by");
            p.quote.truncate(end);
            p.range.end = p.range.start + end;
        }),
        Err(Unreadable::Year)
    );
}

#[test]
fn english_statuses_kinds_and_qualifiers() {
    let p = one(
        "More specific tasks have been set, including nurturing 20 industry leaders in these cutting-edge sectors by 2027.",
        DocLang::En,
    );
    assert_eq!(
        (p.kind, p.status, p.year, p.noun.as_deref()),
        (
            FigureKind::Target,
            Status::Target,
            Some(2027),
            Some("industry leaders")
        )
    );
    assert_eq!(
        p.quote,
        "including nurturing 20 industry leaders in these cutting-edge sectors by 2027"
    );

    let p = one(
        "In 2025, Shanghai’s scale-above-designated-size industrial output value surpassed 4.07 trillion yuan, a historical high.",
        DocLang::En,
    );
    assert_eq!(
        (p.kind, p.status, p.year, p.qualifier),
        (
            FigureKind::Point,
            Status::Actual,
            Some(2025),
            Some(Qualifier::Over)
        )
    );
    assert!(p.lower_bound() && !p.approximate());

    let p = one(
        "Shanghai plans to leverage the 60-billion-yuan National AI Fund.",
        DocLang::En,
    );
    assert_eq!(p.kind, FigureKind::Fund);
    let fund = p.fund.expect("fund");
    assert_eq!(fund.name, "National AI Fund");
    assert_eq!(fund.level, crate::dataset::FundLevel::National);

    let p = one(
        "The city possesses nearly 10% of the nation’s computing power.",
        DocLang::En,
    );
    assert_eq!(
        (p.unit, p.kind, p.qualifier),
        (
            FigureUnit::Percent,
            FigureKind::Fact,
            Some(Qualifier::Nearly)
        )
    );
    assert!(p.approximate());

    let p = one(
        "GDP output is expected to grow 5.2 percent in 2026.",
        DocLang::En,
    );
    assert_eq!(
        (p.unit, p.status, p.kind),
        (FigureUnit::PercentYoy, Status::Estimate, FigureKind::Point)
    );
}

#[test]
fn the_same_figure_stated_twice_is_one_proposal() {
    let text = "The plan targets 500 advanced smart factories.\nIt will focus on building 500 advanced smart factories and more.";
    let found = propose(text, DocLang::En);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].restated.len(), 1);
    assert_eq!(
        &text[found[0].restated[0].clone()],
        "It will focus on building 500 advanced smart factories"
    );
}

#[test]
fn long_and_hostile_texts_are_read_in_time_without_panicking() {
    // One long line of figures and years with no full stop.
    let line = |times: usize| {
        let mut line = String::new();
        for i in 0..times {
            let _ = write!(
                line,
                "about {i} centers and {i}% growth in 2024 by 2030 at 5.{i} trillion yuan ($1 billion) "
            );
        }
        line
    };
    // The same with commas, runs of digits, abbreviations, brackets,
    // Chinese numerals, full-width digits, quotation marks and dashes.
    let texts = [
        line(1_000).replace(' ', ", "),
        "No. 1. ".repeat(5_000),
        "9".repeat(50_000) + " yuan",
        "（".repeat(5_000) + &"十四五".repeat(5_000),
        "到2027年，培育10家以上领军企业，".repeat(1_000),
        "１２％".repeat(2_000),
        "a hundred ".repeat(5_000),
        "“".repeat(5_000) + "around 5%",
        "-".repeat(5_000) + "5",
    ];
    for text in &texts {
        for lang in [DocLang::En, DocLang::Zh] {
            for p in propose(text, lang) {
                assert_eq!(check(&p, text), Ok(()));
                assert!(p.value.is_finite());
            }
        }
    }
    // Four times the figures take about four times as long, not sixteen.
    let timed = |text: &str| {
        let started = std::time::Instant::now();
        let found = propose(text, DocLang::En).len();
        (started.elapsed(), found)
    };
    let (short, found_short) = timed(&line(500));
    let (long, found_long) = timed(&line(2_000));
    assert!(
        found_long > 3 * found_short,
        "{found_short} then {found_long}"
    );
    assert!(
        long < short * 8,
        "{short:?} for 500 repeats, {long:?} for 2000: more than linear"
    );
}

#[test]
fn chinese_counts_are_proposed_with_the_noun_before_the_number() {
    // A plan's targets as Chinese plans word them: the noun, a qualifier,
    // the number and its classifier at the clause's end.
    let text = "到2028年，培育千亿级产业集群1个，建成起降点超过１５０个。\
                在医疗急救等领域开展示范，①开通航线不少于50条；②年飞行架次超过10万。";
    let found: Vec<(f64, Option<Qualifier>, Option<String>, String)> = propose(text, DocLang::Zh)
        .into_iter()
        .map(|p| (p.value, p.qualifier, p.noun, p.quote))
        .collect();
    assert_eq!(
        found,
        [
            (
                1.0,
                None,
                Some("千亿级产业集群".to_owned()),
                "到2028年，培育千亿级产业集群1个".to_owned()
            ),
            (
                150.0,
                Some(Qualifier::Over),
                Some("起降点".to_owned()),
                "到2028年，培育千亿级产业集群1个，建成起降点超过１５０个".to_owned()
            ),
            (
                50.0,
                Some(Qualifier::AtLeast),
                Some("航线".to_owned()),
                "开通航线不少于50条".to_owned()
            ),
            (
                100_000.0,
                Some(Qualifier::Over),
                Some("年飞行架次".to_owned()),
                "年飞行架次超过10万".to_owned()
            ),
        ]
    );
    // "In each of five new towns, at least ten": the five are where, the
    // ten is the figure.
    let each = one("到2027年，在五个新城各建成不少于十个起降点。", DocLang::Zh);
    assert_eq!(
        (each.value, each.qualifier, each.year),
        (10.0, Some(Qualifier::AtLeast), Some(2027))
    );
    // "一个", "一批" are "a", "a number of": no count.
    assert!(propose("建设一批创新平台，打造一个示范区。", DocLang::Zh).is_empty());
}
