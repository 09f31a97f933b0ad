//! Checking a draft against the data (issue 25's yardstick): a source the
//! dataset was built from agrees with it, figure by figure; one number
//! changed turns exactly that claim into `differs`; texts the data does
//! not cover are `unknown`, never a false `agrees`.

use plan_explorer::check::{Checker, Difference, Report, Scope, Verdict};
use plan_explorer::dataset::{Dataset, FigureRef, proof};
use plan_explorer::i18n::Lang;

use crate::common;

fn check(data: &Dataset, text: &str) -> Report {
    let proof = proof::prove(data, None, None).expect("not cancelled");
    Checker::new(data, &proof)
        .check(text)
        .expect("a short draft is checked")
}

/// The figures the dataset took from `source`: every record one of whose
/// citations quotes it.
fn figures_from(data: &Dataset, source: &str) -> Vec<String> {
    let source = data.source_by_id(source).expect("the source exists");
    let mut ids = Vec::new();
    for (s, series) in data.series.iter().enumerate() {
        for (p, point) in series.points.iter().enumerate() {
            if point.citations.iter().any(|c| c.source == source) {
                let figure = FigureRef::Point(
                    plan_explorer::dataset::SeriesIx(u32::try_from(s).expect("small")),
                    u32::try_from(p).expect("small"),
                );
                ids.push(data.figure_id(figure).to_owned());
            }
        }
    }
    let cites = |c: &[plan_explorer::dataset::Citation]| c.iter().any(|c| c.source == source);
    ids.extend(
        data.funds
            .iter()
            .filter(|f| cites(&f.citations) && f.amount_yuan.is_some())
            .map(|f| f.id.to_string()),
    );
    ids.extend(
        data.targets
            .iter()
            .filter(|t| cites(&t.citations))
            .map(|t| t.id.to_string()),
    );
    ids.extend(
        data.facts
            .iter()
            .filter(|f| cites(&f.citations) && f.value.is_some())
            .map(|f| f.id.to_string()),
    );
    ids
}

fn seed_001() -> String {
    std::fs::read_to_string(common::seeds().join("001_705510ce96c515c9.txt"))
        .expect("seed 001 reads")
}

fn record_ids(data: &Dataset, records: &[FigureRef]) -> Vec<String> {
    records
        .iter()
        .map(|r| data.figure_id(*r).to_owned())
        .collect()
}

#[test]
fn seed_001_agrees_with_every_figure_taken_from_it() {
    let data = common::data();
    let report = check(&data, &seed_001());
    let wanted = figures_from(&data, "src-001");
    assert!(wanted.len() >= 8, "seed 001 gave the dataset {wanted:?}");
    for id in &wanted {
        let claim = report
            .claims
            .iter()
            .find(|c| record_ids(&data, &c.records).contains(id))
            .unwrap_or_else(|| panic!("no claim of the draft is matched to {id}"));
        // The right verdict: agrees, or the qualifier or caveat the record
        // carries and the article does not print near it.
        // The 33.4% and the 1.8 trillion carry caveats the article does
        // not print.
        let expected = if id == "pioneer-gdp-share-2024" || id == "pioneer-output-2024" {
            Verdict::DropsCaveat
        } else {
            Verdict::Agrees
        };
        assert_eq!(claim.verdict, expected, "{id}: {claim:?}");
    }
    // Nothing in the article differs from the data.
    assert!(!report.has_problems() || report.claims.iter().all(|c| c.verdict != Verdict::Differs));
}

/// The number at `range` with its first digit changed (5.39 -> 6.39, 20
/// -> 30, 0.3 -> 1.3).
fn changed(text: &str, range: std::ops::Range<usize>) -> String {
    let number = &text[range.clone()];
    let at = number.find(|c: char| c.is_ascii_digit()).expect("a digit");
    let digit = number.as_bytes()[at] - b'0';
    let new = char::from(b'0' + (digit + 1) % 10);
    let mut out = text[..range.start + at].to_owned();
    out.push(new);
    out.push_str(&text[range.start + at + 1..]);
    out
}

#[test]
fn changing_one_number_of_seed_001_makes_exactly_that_claim_differ() {
    let data = common::data();
    let text = seed_001();
    let original = check(&data, &text);
    let matched: Vec<usize> = original
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.records.is_empty())
        .map(|(i, _)| i)
        .collect();
    assert!(matched.len() >= 8);
    for &i in &matched {
        let claim = &original.claims[i];
        let draft = changed(&text, claim.number.clone());
        let report = check(&data, &draft);
        assert_eq!(report.claims.len(), original.claims.len(), "{}", claim.text);
        for (j, (before, after)) in original.claims.iter().zip(&report.claims).enumerate() {
            if j == i {
                assert_eq!(
                    after.verdict,
                    Verdict::Differs,
                    "{} changed to {}: {after:?}",
                    before.text,
                    after.text
                );
                assert_eq!(after.records, before.records, "{}", before.text);
                assert_eq!(
                    after.difference,
                    Some(Difference::Value),
                    "{} changed to {}: the value differs",
                    before.text,
                    after.text
                );
            } else {
                assert_eq!(
                    after.verdict, before.verdict,
                    "{} changed, {} moved: {after:?}",
                    claim.text, before.text
                );
            }
        }
    }
}

/// Drafts of texts the data does not cover, each with what it checks.
const NOT_IN_THE_DATA: &[(&str, &str)] = &[
    (
        "the data's very numbers, about other things: a sports budget, \
         stadiums, cyclists",
        "The city's sports budget was 15 billion yuan this year, and 20 new stadiums \
         will open by 2027. About 33.4 percent of commuters now cycle to work.",
    ),
    (
        "another city's GDP, once with Shanghai's own value and year",
        "Beijing's GDP reached 5.39 trillion yuan in 2024. Shenzhen's GDP reached \
         3.68 trillion yuan in 2024, up 5.8 percent.",
    ),
    (
        "topics no record is about: the port, tourism, housing",
        "Shanghai's port handled 51.5 million containers in 2024. The city welcomed \
         6.7 million foreign visitors, and 120,000 new homes were finished.",
    ),
    (
        "a national figure beside Shanghai's words",
        "China's national GDP grew by 5.0 percent in 2024, while the national \
         average wage rose 2.8 percent.",
    ),
    (
        "Chinese: another city's output, and tourism",
        "2024年，深圳市地区生产总值达3.68万亿元，同比增长5.8%。上海市全年接待入境游客670万人次。",
    ),
];

#[test]
fn texts_not_in_the_data_are_unknown_never_agrees() {
    let data = common::data();
    for (what, draft) in NOT_IN_THE_DATA {
        let report = check(&data, draft);
        assert!(
            !report.claims.is_empty(),
            "{what}: no figure read in {draft}"
        );
        for claim in &report.claims {
            assert_eq!(
                claim.verdict,
                Verdict::Unknown,
                "{what}: {} got {:?} with {:?}",
                claim.text,
                claim.verdict,
                record_ids(&data, &claim.records)
            );
        }
    }
}

/// A draft stating one of the data's figures of another extent: what it
/// checks, the draft, the claim (as written) that must differ in scope,
/// the record it is, and what the message must say in English and in
/// Chinese. Every draft has a control claim that agrees, and must still.
struct ScopeCase {
    what: &'static str,
    draft: &'static str,
    claim: &'static str,
    record: &'static str,
    scope: fn(&Scope) -> bool,
    en: &'static [&'static str],
    zh: &'static [&'static str],
}

const CONTROL: &str = " In 2024 Shanghai's GDP was 5.39 trillion yuan.";

const SCOPE_CASES: &[ScopeCase] = &[
    ScopeCase {
        what: "a part for the whole: one pioneering industry's output for the three's",
        draft: "Shanghai's AI industry saw its industrial output reach 1.8 trillion yuan in 2024.",
        claim: "1.8 trillion yuan",
        record: "pioneer-output-2024",
        scope: |s| matches!(s, Scope::Member { member_en, .. } if member_en == "AI"),
        en: &[
            "the data gives 1.8 trillion yuan in 2024 for the three pioneering industries",
            "together",
            "the draft says it of AI alone",
        ],
        zh: &["三大先导产业", "合计", "人工智能一项"],
    },
    ScopeCase {
        what: "a part for the whole: one industry's share of GDP for the three's 33.4%",
        draft: "The integrated circuit industry's contribution to Shanghai's GDP was 33.4 \
                percent in 2024.",
        claim: "33.4 percent",
        record: "pioneer-gdp-share-2024",
        scope: |s| matches!(s, Scope::Member { member_en, .. } if member_en == "integrated circuits"),
        en: &[
            "the data gives 33.4% in 2024 for the three pioneering industries",
            "the draft says it of integrated circuits alone",
        ],
        zh: &["集成电路一项"],
    },
    ScopeCase {
        what: "a part for the whole, in Chinese: AI's scale for the three industries'",
        draft: "2024年，人工智能产业规模达到1.8万亿元。",
        claim: "1.8万亿元",
        record: "pioneer-output-2024",
        scope: |s| matches!(s, Scope::Member { member_zh, .. } if member_zh == "人工智能"),
        en: &["the draft says it of AI alone"],
        zh: &[
            "数据中2024年1.8万亿元是三大先导产业",
            "草稿却用于人工智能一项",
        ],
    },
    ScopeCase {
        what: "the nation for the city: China's GDP given Shanghai's value and year",
        draft: "China's GDP reached 5.39 trillion yuan in 2024.",
        claim: "5.39 trillion yuan",
        record: "gdp-2024",
        scope: |s| matches!(s, Scope::Nation { written } if written == "China"),
        en: &[
            "for Shanghai",
            "the draft says it of “China”, the whole country",
        ],
        zh: &["上海市", "“China”（全国）"],
    },
    ScopeCase {
        what: "the nation for the city: national growth given the city's 5.5%",
        draft: "National GDP grew by 5.5 percent in the first three quarters of 2025.",
        claim: "5.5 percent",
        record: "gdp-growth-q1q3-2025",
        scope: |s| matches!(s, Scope::Nation { .. }),
        en: &["the whole country"],
        zh: &["全国"],
    },
    ScopeCase {
        what: "the nation for the city, in Chinese: 全国",
        draft: "2024年全国GDP达到5.39万亿元。",
        claim: "5.39万亿元",
        record: "gdp-2024",
        scope: |s| matches!(s, Scope::Nation { written } if written == "全国"),
        en: &["the whole country"],
        zh: &["上海市", "全国"],
    },
    ScopeCase {
        what: "one district for the city: Changning given the city's GDP",
        draft: "Changning's GDP reached 5.39 trillion yuan in 2024.",
        claim: "5.39 trillion yuan",
        record: "gdp-2024",
        scope: |s| matches!(s, Scope::District { en, .. } if en == "Changning"),
        en: &[
            "for the whole city",
            "the draft says it of Changning, one district",
        ],
        zh: &["全市", "长宁区，一个区"],
    },
    ScopeCase {
        what: "one district for the city, in Chinese: 浦东新区",
        draft: "2024年浦东新区GDP达到5.39万亿元。",
        claim: "5.39万亿元",
        record: "gdp-2024",
        scope: |s| matches!(s, Scope::District { .. }),
        en: &["one district"],
        zh: &["浦东新区，一个区"],
    },
    ScopeCase {
        what: "one fund's amount for another's: the Future Industry Fund's 15 billion said \
               of the Shanghai AI Fund of Funds",
        draft: "The Shanghai AI Fund of Funds has 15 billion yuan.",
        claim: "15 billion yuan",
        record: "fund-future-industry",
        scope: |s| matches!(s, Scope::Other(_)),
        en: &[
            "the data gives 15 billion yuan for “Future Industry Fund”",
            "the draft says it of “Shanghai AI Fund of Funds”, which the data gives as 22.5 \
             billion yuan (fund-sh-ai-fof)",
        ],
        zh: &["未来产业基金", "上海人工智能产业母基金", "225亿元"],
    },
    ScopeCase {
        what: "the whole economy's figure for a group's: the city's 5.5% GDP growth said of \
               the three pioneering industries' output, which grew 8.5%",
        draft: "The three pioneering industries' output grew 5.5 percent in the first three \
                quarters of 2025.",
        claim: "5.5 percent",
        record: "gdp-growth-q1q3-2025",
        scope: |s| matches!(s, Scope::Other(_)),
        en: &[
            "the data gives 5.5% year on year in 2025 for “Shanghai GDP growth, first three \
             quarters”",
            "which the data gives as 8.5% year on year in 2025 \
             (pioneer-output-growth-q1q3-2025)",
        ],
        zh: &["三大先导产业规模合计增速"],
    },
    ScopeCase {
        what: "a target's sector for another: smart factories counted as hospitals",
        draft: "The plan aims for 500 advanced smart hospitals by 2030.",
        claim: "500 advanced smart hospitals",
        record: "t-ind-smart-factories",
        scope: |s| matches!(s, Scope::Noun { written } if written.contains("hospitals")),
        en: &[
            "for “Advanced smart factories”",
            "the draft says it of “advanced smart hospitals”",
        ],
        zh: &["先进级智能工厂"],
    },
];

#[test]
fn a_figure_said_of_another_extent_differs_in_scope_and_the_message_says_which() {
    let data = common::data();
    for case in SCOPE_CASES {
        let draft = format!("{}{CONTROL}", case.draft);
        let report = check(&data, &draft);
        assert_eq!(report.claims.len(), 2, "{}: {:?}", case.what, report.claims);
        let (claim, control) = (&report.claims[0], &report.claims[1]);
        assert_eq!(claim.text, case.claim, "{}", case.what);
        assert_eq!(
            (claim.verdict, claim.difference),
            (Verdict::Differs, Some(Difference::Scope)),
            "{}: {claim:?}",
            case.what
        );
        assert_eq!(
            record_ids(&data, &claim.records)
                .first()
                .map(String::as_str),
            Some(case.record),
            "{}",
            case.what
        );
        let scope = claim.scope.as_ref().expect("the scope is said");
        assert!((case.scope)(scope), "{}: {scope:?}", case.what);
        for (lang, wanted) in [(Lang::En, case.en), (Lang::Zh, case.zh)] {
            let message = claim.message(&data, lang);
            for part in wanted {
                assert!(
                    message.contains(part),
                    "{} ({lang:?}): {part} in {message}",
                    case.what
                );
            }
        }
        // Only that claim: the control still agrees.
        assert_eq!(
            control.verdict,
            Verdict::Agrees,
            "{}: {control:?}",
            case.what
        );
    }
}

/// The record's own subject, with the same numbers: no scope to differ in.
#[test]
fn the_same_figures_of_their_own_subject_agree_or_drop_a_caveat() {
    let data = common::data();
    for (draft, record) in [
        (
            "The three pioneering industries of AI, biomedicine and integrated circuits saw their \
             combined industrial output reach 1.8 trillion yuan in 2024.",
            "pioneer-output-2024",
        ),
        (
            "Shanghai's GDP reached 5.39 trillion yuan in 2024.",
            "gdp-2024",
        ),
        ("2024年上海市GDP达到5.39万亿元。", "gdp-2024"),
        (
            "Shanghai has a 15 billion yuan Future Industry Fund.",
            "fund-future-industry",
        ),
        (
            "The plan aims for 500 advanced smart factories by 2030.",
            "t-ind-smart-factories",
        ),
        (
            "China's national GDP grew 5.0 percent; Shanghai's GDP was 0.3 percentage points \
             higher than the national average in the first three quarters of 2025.",
            "fact-gdp-growth-above-national-q1q3-2025",
        ),
    ] {
        let report = check(&data, draft);
        let claim = report
            .claims
            .iter()
            .find(|c| record_ids(&data, &c.records).iter().any(|r| r == record))
            .unwrap_or_else(|| panic!("{record} not matched in {draft}: {report:?}"));
        assert!(
            matches!(claim.verdict, Verdict::Agrees | Verdict::DropsCaveat),
            "{draft}: {claim:?}"
        );
        assert!(
            report
                .claims
                .iter()
                .all(|c| c.difference != Some(Difference::Scope)),
            "{draft}: {report:?}"
        );
    }
}

/// The way a briefing puts the headline figures, as a user wrote it in the
/// window: the 33.4% after "the three pioneering industries made up" (its
/// "33" was taken into the count's noun, so the figure was never read),
/// and a figure compared with the one before it ("up from about 7.5% in
/// 2021": its own words name no subject, and it was `unknown`). Each now
/// meets its record; the same in Chinese; and a figure after "from" that
/// is of something else is not given the figure before's subject.
#[test]
fn a_figure_after_a_counted_subject_and_one_compared_with_it_are_both_checked() {
    let data = common::data();
    for (draft, expected) in [
        (
            "The three pioneering industries made up 33.4% of GDP in 2024, up from about 7.5% in 2021.",
            &[
                ("33.4", "pioneer-gdp-share-2024"),
                ("7.5", "pioneer-gdp-share-2021"),
            ][..],
        ),
        (
            "The three pioneering industries made up 33.4% of GDP in 2024, compared with about 7.5% in 2021.",
            &[
                ("33.4", "pioneer-gdp-share-2024"),
                ("7.5", "pioneer-gdp-share-2021"),
            ][..],
        ),
        (
            "三大先导产业占全市生产总值的比重为33.4%（2024年），较2021年的约7.5%大幅提高。",
            &[
                ("33.4", "pioneer-gdp-share-2024"),
                ("7.5", "pioneer-gdp-share-2021"),
            ][..],
        ),
    ] {
        let report = check(&data, draft);
        for (number, record) in expected {
            let claim = report
                .claims
                .iter()
                .find(|c| draft[c.number.clone()] == **number)
                .unwrap_or_else(|| panic!("{number} not read in {draft}: {report:?}"));
            assert_eq!(
                record_ids(&data, &claim.records),
                [*record],
                "{draft}: {claim:?}"
            );
            assert!(
                matches!(
                    claim.verdict,
                    Verdict::Agrees | Verdict::DropsCaveat | Verdict::DropsQualifier
                ),
                "{draft}: {claim:?}"
            );
        }
    }
    // "From" naming another measure's figure does not lend it the 33.4%'s
    // subject: the GDP in yuan is not a share.
    let report = check(
        &data,
        "The three pioneering industries made up 33.4% of GDP in 2024, from a GDP of 5.39 trillion yuan.",
    );
    let gdp = report
        .claims
        .iter()
        .find(|c| (c.value - 5.39e12).abs() < 1.0)
        .unwrap_or_else(|| panic!("{report:?}"));
    assert_eq!(record_ids(&data, &gdp.records), ["gdp-2024"], "{gdp:?}");
}

/// "By 2030 the industries of the future should reach 500 billion yuan"
/// was said to give the figure to the Future Industry Fund, whose title
/// shares the draft's words "future" and "industry": a draft names another
/// record only by words that record has and the agreeing one lacks ("the
/// Future Industry Fund holds 500 billion yuan" still differs, from the
/// fund's 15 billion).
#[test]
fn words_two_records_share_do_not_give_a_figure_to_the_other() {
    let data = common::data();
    let report = check(
        &data,
        "By 2030 the industries of the future should reach 500 billion yuan.",
    );
    let [claim] = report.claims.as_slice() else {
        panic!("one figure: {report:?}");
    };
    // The point and the target it is, both listed.
    assert_eq!(
        record_ids(&data, &claim.records),
        ["future-industries-output-2030", "t-fi-output-2030"],
        "{claim:?}"
    );
    assert_eq!(claim.verdict, Verdict::DropsQualifier, "{claim:?}");
    assert_eq!(claim.scope, None, "{claim:?}");

    let report = check(&data, "The Future Industry Fund holds 500 billion yuan.");
    let [claim] = report.claims.as_slice() else {
        panic!("one figure: {report:?}");
    };
    assert_eq!(claim.verdict, Verdict::Differs, "{claim:?}");
    assert_eq!(
        record_ids(&data, &claim.records),
        ["fund-future-industry"],
        "{claim:?}"
    );
}

/// A Chinese draft is told the caveat it drops in the curator's Chinese,
/// and a Chinese draft that gives the caveat in Chinese does not drop it.
#[test]
fn a_caveat_is_said_and_found_in_the_drafts_language() {
    let data = common::data();
    let bare = "2024年，三大先导产业占全市生产总值的比重为33.4%。";
    let report = check(&data, bare);
    let [claim] = report.claims.as_slice() else {
        panic!("one figure: {report:?}");
    };
    assert_eq!(claim.verdict, Verdict::DropsCaveat, "{claim:?}");
    let message = claim.message(&data, Lang::Zh);
    assert!(message.contains("口径可能不同"), "{message}");
    assert!(!message.contains("may not measure"), "{message}");

    let careful = "2024年，三大先导产业占全市生产总值的比重为33.4%。需要注意，2021年和2024年两个数据的口径可能不同，33.4%是产值与生产总值之比，而非增加值占比。";
    let report = check(&data, careful);
    let claim = report
        .claims
        .iter()
        .find(|c| careful[c.number.clone()] == *"33.4")
        .unwrap_or_else(|| panic!("{report:?}"));
    assert_eq!(claim.verdict, Verdict::Agrees, "{claim:?}");
}

/// How a Chinese briefing says the plans' amounts: an industry's 规模
/// (scale) for its output, 达到 (reach) between subject and figure. Each
/// meets its record (the future industries' 5000亿元 was unknown); a
/// fund's 规模 is still the fund's.
#[test]
fn chinese_amounts_as_briefings_word_them_meet_their_records() {
    let data = common::data();
    // 约占 ("accounts for about") qualifies the share: the data's "nearly
    // 10%" is approximate too, so no qualifier is dropped.
    let report = check(&data, "上海算力约占全国的10%。");
    let [claim] = report.claims.as_slice() else {
        panic!("one figure: {report:?}");
    };
    assert_eq!(claim.verdict, Verdict::Agrees, "{claim:?}");
    for (draft, record) in [
        (
            "未来产业规模到2030年达到约5000亿元。",
            "future-industries-output-2030",
        ),
        (
            "到2030年，未来产业规模达到5000亿元左右。",
            "future-industries-output-2030",
        ),
        ("上海人工智能产业母基金规模为225亿元。", "fund-sh-ai-fof"),
        (
            "2024年三大先导产业规模达到1.8万亿元。",
            "pioneer-output-2024",
        ),
        // 约 (about) joins words: no pair 力约 or 约占 to dilute the match.
        ("算力约占全国近10%。", "fact-computing-power-share"),
        // A count with its noun before the number, as Chinese puts it.
        ("上海已上线备案大模型138个。", "fact-registered-ai-models"),
    ] {
        let report = check(&data, draft);
        let [claim] = report.claims.as_slice() else {
            panic!("one figure in {draft}: {report:?}");
        };
        assert!(
            record_ids(&data, &claim.records)
                .first()
                .map(String::as_str)
                == Some(record),
            "{draft}: {claim:?}"
        );
        assert!(
            matches!(
                claim.verdict,
                Verdict::Agrees | Verdict::DropsCaveat | Verdict::DropsQualifier
            ),
            "{draft}: {claim:?}"
        );
    }
}
