use super::{Checker, Verdict};
use crate::dataset::{Dataset, proof};

fn builtin() -> Dataset {
    crate::dataset::load_embedded()
        .dataset
        .expect("the built-in dataset loads")
}

fn checked(text: &str) -> Vec<(String, Verdict, Vec<String>)> {
    let data = builtin();
    let proof = proof::prove(&data, None, None).unwrap_or_default();
    let checker = Checker::new(&data, &proof);
    let report = checker.check(text).expect("a short draft is checked");
    report
        .claims
        .iter()
        .map(|c| {
            (
                c.text.clone(),
                c.verdict,
                c.records
                    .iter()
                    .map(|r| data.figure_id(*r).to_owned())
                    .collect(),
            )
        })
        .collect()
}

/// A claim as written, its verdict and its records' ids.
type Expected = (&'static str, Verdict, &'static [&'static str]);

/// Drafts that say the data's figures in their own words: scales,
/// 亿元, US dollars at a document's rate, Chinese, a dropped "over", a
/// point and the target it is, a value given for the wrong year, and a
/// share two records fit.
#[test]
fn paraphrases_are_matched_by_subject_year_and_unit() {
    let cases: &[(&str, &[Expected])] = &[
        (
            "In 2024 Shanghai's GDP was 5.39 trillion yuan. Shanghai's GDP was 53,900亿元 in \
             2024. Shanghai's GDP reached US$760 billion in 2024.",
            &[
                ("5.39 trillion yuan", Verdict::Agrees, &["gdp-2024"]),
                ("53,900亿元", Verdict::Agrees, &["gdp-2024"]),
                ("US$760 billion", Verdict::Agrees, &["gdp-2024"]),
            ],
        ),
        (
            "The city can draw on 825 billion yuan in national and municipal AI fund capital. \
             Its 2026 GDP growth target is 5%.",
            &[
                (
                    "825 billion yuan",
                    Verdict::DropsQualifier,
                    &["fund-ai-capital-total"],
                ),
                ("5%", Verdict::DropsQualifier, &["gdp-growth-2026"]),
            ],
        ),
        (
            "2024年上海市GDP达到5.39万亿元。2024年上海市GDP达到5.93万亿元。",
            &[
                ("5.39万亿元", Verdict::Agrees, &["gdp-2024"]),
                ("5.93万亿元", Verdict::Differs, &["gdp-2024"]),
            ],
        ),
        (
            "The three pioneering industries' output was 1.9 trillion yuan in 2024. The plan \
             aims for 500 advanced smart factories by 2030.",
            &[
                (
                    "1.9 trillion yuan",
                    Verdict::Differs,
                    &["pioneer-output-2024"],
                ),
                (
                    "500 advanced smart factories",
                    Verdict::Agrees,
                    &["t-ind-smart-factories"],
                ),
            ],
        ),
        (
            "Shanghai's GDP grew 5.4% in 2025, and its GDP was 5.39 trillion yuan in 2025.",
            &[
                ("5.4%", Verdict::Agrees, &["gdp-growth-2025"]),
                ("5.39 trillion yuan", Verdict::Differs, &["gdp-2025"]),
            ],
        ),
        (
            "Shanghai's strategic emerging manufacturing share was 50% in 2025. The \
             manufacturing share was 50% in 2025.",
            &[
                (
                    "50%",
                    Verdict::Differs,
                    &["strategic-emerging-mfg-share-2025"],
                ),
                (
                    "50%",
                    Verdict::Ambiguous,
                    &[
                        "pioneer-mfg-share-2025",
                        "strategic-emerging-mfg-share-2025",
                    ],
                ),
            ],
        ),
    ];
    for (draft, expected) in cases {
        let got = checked(draft);
        let got: Vec<(&str, Verdict, Vec<&str>)> = got
            .iter()
            .map(|(t, v, r)| {
                (
                    t.as_str(),
                    *v,
                    sorted(r.iter().map(String::as_str).collect()),
                )
            })
            .collect();
        let expected: Vec<(&str, Verdict, Vec<&str>)> = expected
            .iter()
            .map(|(t, v, r)| (*t, *v, sorted(r.to_vec())))
            .collect();
        assert_eq!(got, expected, "{draft}");
    }
}

/// Record ids in one order: those of one figure recorded twice (a point
/// and its target) come in either.
fn sorted(mut ids: Vec<&str>) -> Vec<&str> {
    ids.sort_unstable();
    ids
}
