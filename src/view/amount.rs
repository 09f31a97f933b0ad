//! Amounts of money as people write them: "5.39 trillion yuan" in the
//! international convention, "5.39万亿元" in the Chinese one, with "about"
//! and "over" where the document says so, and a US-dollar equivalent from
//! an exchange rate the documents state.

use crate::dataset::{Dataset, ExchangeRate, Fund, Point, QuantityUnit, Series, Target};

/// How large amounts of yuan are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Convention {
    /// Thousand, million, billion, trillion yuan.
    #[default]
    International,
    /// 万元 (10^4), 亿元 (10^8), 万亿元 (10^12).
    Chinese,
}

impl Convention {
    /// How a language writes amounts: billions in English, 亿元 in Chinese.
    pub fn of_language(lang: crate::i18n::Lang) -> Self {
        match lang {
            crate::i18n::Lang::En => Self::International,
            crate::i18n::Lang::Zh => Self::Chinese,
        }
    }
}

/// How sure a figure is, as the document words it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Qualifier {
    /// "about", "around", "nearly".
    pub approximate: bool,
    /// "over", "surpassed".
    pub lower_bound: bool,
    /// "nearly" (with `approximate`), "under", "up to".
    pub upper_bound: bool,
}

/// Writes a number with at most `decimals` decimals, dropping trailing
/// zeros: 5.390 -> "5.39", 60.0 -> "60".
fn trimmed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Writes a whole number with thousands separators: 100000 -> "100,000".
fn grouped(value: f64) -> String {
    let rounded = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, digit) in rounded.chars().enumerate() {
        if i > 0 && (rounded.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

/// An amount of yuan in the chosen convention, without qualifiers.
pub fn yuan(amount: f64, convention: Convention) -> String {
    let magnitude = amount.abs();
    match convention {
        Convention::International => {
            const SCALES: &[(f64, &str)] =
                &[(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
            for &(scale, word) in SCALES {
                if magnitude >= scale {
                    return format!("{} {word} yuan", trimmed(amount / scale, 2));
                }
            }
            // Small amounts keep their decimals: 3.6 yuan, not 4.
            if amount.fract() != 0.0 && magnitude < 1000.0 {
                return format!("{} yuan", trimmed(amount, 2));
            }
            format!("{} yuan", grouped(amount))
        }
        Convention::Chinese => {
            const SCALES: &[(f64, &str)] = &[(1e12, "万亿元"), (1e8, "亿元"), (1e4, "万元")];
            for &(scale, word) in SCALES {
                if magnitude >= scale {
                    return format!("{}{word}", trimmed(amount / scale, 2));
                }
            }
            format!("{}元", trimmed(amount, 2))
        }
    }
}

/// A value in its unit, e.g. "33.4%", "600 per 10,000 workers".
pub fn value(value: f64, unit: QuantityUnit, convention: Convention) -> String {
    match unit {
        QuantityUnit::Yuan => yuan(value, convention),
        QuantityUnit::Percent => format!("{}%", trimmed(value, 2)),
        // The Chinese convention writes the unit words in Chinese too.
        QuantityUnit::PercentYoy => match convention {
            Convention::International => format!("{}% year on year", trimmed(value, 2)),
            Convention::Chinese => format!("同比{}%", trimmed(value, 2)),
        },
        QuantityUnit::Count => grouped(value),
        QuantityUnit::Per10kWorkers => match convention {
            Convention::International => format!("{} per 10,000 workers", trimmed(value, 2)),
            Convention::Chinese => format!("{}（每万名工人）", trimmed(value, 2)),
        },
        QuantityUnit::PercentagePoints => match convention {
            Convention::International => format!("{} percentage points", trimmed(value, 2)),
            Convention::Chinese => format!("{}个百分点", trimmed(value, 2)),
        },
        QuantityUnit::SquareMetres => match convention {
            Convention::International if value.abs() >= 1e6 => {
                format!("{} million square metres", trimmed(value / 1e6, 2))
            }
            Convention::International => format!("{} square metres", grouped(value)),
            Convention::Chinese if value.abs() >= 1e4 => {
                format!("{}万平方米", trimmed(value / 1e4, 2))
            }
            Convention::Chinese => format!("{}平方米", trimmed(value, 2)),
        },
    }
}

/// A value with "about" / "over" (or 约 / 超过) as the document words it.
pub fn qualified(
    amount: f64,
    unit: QuantityUnit,
    qualifier: Qualifier,
    convention: Convention,
) -> String {
    // In Chinese a growth rate reads 同比约5%, the qualifier after 同比.
    let (lead, text) = match (unit, convention) {
        (QuantityUnit::PercentYoy, Convention::Chinese) => {
            ("同比", format!("{}%", trimmed(amount, 2)))
        }
        _ => ("", value(amount, unit, convention)),
    };
    if qualifier.upper_bound && !qualifier.lower_bound {
        // "nearly 10%" says both: close to the value, and under it.
        return match (convention, qualifier.approximate) {
            (Convention::International, true) => format!("nearly {text}"),
            (Convention::International, false) => format!("under {text}"),
            (Convention::Chinese, true) => format!("{lead}近{text}"),
            (Convention::Chinese, false) => format!("{lead}不到{text}"),
        };
    }
    match (convention, qualifier.lower_bound, qualifier.approximate) {
        (Convention::International, true, _) => format!("over {text}"),
        (Convention::International, false, true) => format!("about {text}"),
        (Convention::Chinese, true, _) => format!("{lead}超过{text}"),
        (Convention::Chinese, false, true) => format!("{lead}约{text}"),
        (_, false, false) => format!("{lead}{text}"),
    }
}

/// Like [`qualified`], from a record's `approximate` and `lower_bound`.
pub fn flagged(
    amount: f64,
    unit: QuantityUnit,
    approximate: bool,
    lower_bound: bool,
    convention: Convention,
) -> String {
    qualified(
        amount,
        unit,
        Qualifier {
            approximate,
            lower_bound,
            upper_bound: false,
        },
        convention,
    )
}

pub use crate::dataset::Quantity;

impl Quantity {
    /// The value with its qualifiers, in `convention`.
    pub fn text(self, convention: Convention) -> String {
        qualified(
            self.value,
            self.unit,
            Qualifier {
                approximate: self.approximate,
                lower_bound: self.lower_bound,
                upper_bound: self.upper_bound,
            },
            convention,
        )
    }
}

/// A point's value in its series' unit, with its qualifiers.
pub fn of_point(series: &Series, point: &Point, convention: Convention) -> String {
    Quantity::of_point(series, point).text(convention)
}

/// A target's value in its unit, with its qualifiers.
pub fn of_target(target: &Target, convention: Convention) -> String {
    Quantity::of_target(target).text(convention)
}

/// A fund's amount with its qualifiers, or `None` where none is stated.
///
/// An amount for each recipient says so ("100,000 yuan per recipient"), so
/// it is never read as a fund's size; "per recipient" is written in `lang`.
pub fn of_fund(fund: &Fund, convention: Convention, lang: crate::i18n::Lang) -> Option<String> {
    Quantity::of_fund(fund).map(|q| {
        let text = q.text(convention);
        if fund.per_recipient {
            crate::i18n::fill(lang, crate::i18n::T::PerRecipient, &[&text])
        } else {
            text
        }
    })
}

/// A fact's number with its qualifiers, if it has one.
pub fn of_fact(fact: &crate::dataset::Fact, convention: Convention) -> Option<String> {
    Quantity::of_fact(fact).map(|q| q.text(convention))
}

/// The rate to use for US dollars: the stated one whose yuan amount is
/// closest in size to `amount`, since rates drift with the documents' dates.
pub fn usd_rate(dataset: &Dataset, amount: f64) -> Option<&ExchangeRate> {
    dataset
        .exchange_rates
        .iter()
        .filter(|r| r.currency.eq_ignore_ascii_case("USD"))
        .min_by(|a, b| {
            let distance = |r: &ExchangeRate| (r.yuan_amount.ln() - amount.max(1.0).ln()).abs();
            distance(a).total_cmp(&distance(b))
        })
}

/// "≈ US$8.46 billion at 7.09 yuan per dollar (stated in <source title>)".
pub fn usd_equivalent(dataset: &Dataset, amount: f64) -> Option<String> {
    let rate = usd_rate(dataset, amount)?;
    let dollars = amount / rate.yuan_per_unit();
    let magnitude = dollars.abs();
    let text = if magnitude >= 1e12 {
        format!("{} trillion", trimmed(dollars / 1e12, 2))
    } else if magnitude >= 1e9 {
        format!("{} billion", trimmed(dollars / 1e9, 2))
    } else if magnitude >= 1e6 {
        format!("{} million", trimmed(dollars / 1e6, 2))
    } else {
        grouped(dollars)
    };
    let source = &dataset.sources[rate.citation.source.index()].title;
    Some(format!(
        "≈ US${text} at {} yuan per dollar (stated in {source})",
        trimmed(rate.yuan_per_unit(), 2)
    ))
}

#[cfg(test)]
mod small_amounts {
    use super::{Convention, yuan};

    #[test]
    fn small_amounts_keep_their_decimals() {
        assert_eq!(yuan(3.6, Convention::International), "3.6 yuan");
        assert_eq!(yuan(3.6, Convention::Chinese), "3.6元");
        assert_eq!(yuan(100_000.0, Convention::International), "100,000 yuan");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qualified_growth_rate_reads_naturally_in_chinese() {
        let about = Qualifier {
            approximate: true,
            lower_bound: false,
            ..Qualifier::default()
        };
        let over = Qualifier {
            approximate: false,
            lower_bound: true,
            ..Qualifier::default()
        };
        let plain = Qualifier {
            approximate: false,
            lower_bound: false,
            ..Qualifier::default()
        };
        let yoy = QuantityUnit::PercentYoy;
        assert_eq!(qualified(5.0, yoy, about, Convention::Chinese), "同比约5%");
        assert_eq!(qualified(5.0, yoy, over, Convention::Chinese), "同比超过5%");
        assert_eq!(qualified(5.0, yoy, plain, Convention::Chinese), "同比5%");
        assert_eq!(
            qualified(5.0, QuantityUnit::Percent, about, Convention::Chinese),
            "约5%"
        );
    }

    #[test]
    fn an_upper_bound_reads_nearly_or_under() {
        let nearly = Qualifier {
            approximate: true,
            upper_bound: true,
            ..Qualifier::default()
        };
        let under = Qualifier {
            upper_bound: true,
            ..Qualifier::default()
        };
        let percent = QuantityUnit::Percent;
        assert_eq!(
            qualified(10.0, percent, nearly, Convention::International),
            "nearly 10%"
        );
        assert_eq!(
            qualified(10.0, percent, nearly, Convention::Chinese),
            "近10%"
        );
        assert_eq!(
            qualified(10.0, percent, under, Convention::International),
            "under 10%"
        );
        assert_eq!(
            qualified(10.0, percent, under, Convention::Chinese),
            "不到10%"
        );
    }

    #[test]
    fn international_amounts_use_the_largest_fitting_word() {
        assert_eq!(
            yuan(5.39e12, Convention::International),
            "5.39 trillion yuan"
        );
        assert_eq!(yuan(6e10, Convention::International), "60 billion yuan");
        assert_eq!(
            yuan(2.25e10, Convention::International),
            "22.5 billion yuan"
        );
        assert_eq!(yuan(1e5, Convention::International), "100,000 yuan");
    }

    #[test]
    fn chinese_amounts_use_wan_yi_and_wanyi() {
        assert_eq!(yuan(5.39e12, Convention::Chinese), "5.39万亿元");
        assert_eq!(yuan(6e10, Convention::Chinese), "600亿元");
        assert_eq!(yuan(1.5e10, Convention::Chinese), "150亿元");
        assert_eq!(yuan(8.25e11, Convention::Chinese), "8250亿元");
        assert_eq!(yuan(1e5, Convention::Chinese), "10万元");
    }

    #[test]
    fn qualifiers_follow_the_documents_wording() {
        let over = Qualifier {
            lower_bound: true,
            approximate: false,
            ..Qualifier::default()
        };
        let about = Qualifier {
            lower_bound: false,
            approximate: true,
            ..Qualifier::default()
        };
        assert_eq!(
            qualified(1e11, QuantityUnit::Yuan, over, Convention::International),
            "over 100 billion yuan"
        );
        assert_eq!(
            qualified(1e11, QuantityUnit::Yuan, over, Convention::Chinese),
            "超过1000亿元"
        );
        assert_eq!(
            qualified(7.5, QuantityUnit::Percent, about, Convention::International),
            "about 7.5%"
        );
        assert_eq!(
            qualified(
                600.0,
                QuantityUnit::Per10kWorkers,
                Qualifier::default(),
                Convention::International
            ),
            "600 per 10,000 workers"
        );
    }

    #[test]
    fn dollars_come_from_a_stated_rate_with_its_source() {
        let data = crate::dataset::load_embedded().dataset.expect("valid");
        let text = usd_equivalent(&data, 5.39e12).expect("a stated USD rate");
        assert!(
            text.starts_with("≈ US$760 billion at 7.09 yuan per dollar"),
            "{text}"
        );
        // A smaller amount uses the rate stated beside a smaller amount.
        let text = usd_equivalent(&data, 5e11).expect("a stated USD rate");
        assert!(
            text.starts_with("≈ US$69.79 billion at 7.16 yuan per dollar"),
            "{text}"
        );
    }
}
