//! Checking a draft against the data (issue 25's yardstick): a source the
//! dataset was built from agrees with it, figure by figure; one number
//! changed turns exactly that claim into `differs`; texts the data does
//! not cover are `unknown`, never a false `agrees`.

use plan_explorer::check::{Checker, Report, Verdict};
use plan_explorer::dataset::{Dataset, FigureRef, proof};

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
