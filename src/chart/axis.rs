//! The value axes, for the pictures and the window's zoomable plots
//! alike: how values are scaled and their unit named once ("Trillion
//! yuan"), the nice step between ticks, the ticks, and their text. The
//! window's `egui_plot` axes ask these for their marks and labels, so a tick
//! reads the same on screen and on paper.

use crate::dataset::QuantityUnit;
use crate::i18n::{Lang, T, tr};
use crate::view::amount::{self, Convention};
pub use crate::view::charts::nice_step;

/// How a value axis writes its values: divided by a power of ten, with the
/// unit named once (in a picture's subtitle, beside the window's axis) and
/// not on every tick.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueScale {
    /// What every value is divided by before it is written.
    pub divisor: f64,
    /// The unit of the divided values, capitalized: "Trillion yuan".
    unit: String,
    /// Whether the values are percentages (the top tick says so with "%").
    pub percent: bool,
}

impl ValueScale {
    /// The scale for values in `unit` up to `max`: yuan divided by the
    /// largest of a trillion, billion or million (亿 and 万 in the Chinese
    /// convention) that `max` reaches; other units as they are.
    pub fn of(unit: QuantityUnit, max: f64, convention: Convention) -> Self {
        match unit {
            QuantityUnit::Yuan => {
                let steps: &[f64] = match convention {
                    Convention::International => &[1e12, 1e9, 1e6],
                    Convention::Chinese => &[1e12, 1e8, 1e4],
                };
                let divisor = steps.iter().copied().find(|s| max >= *s).unwrap_or(1.0);
                // "1 trillion yuan" / "1万亿元" without its 1: the unit's name.
                let named = amount::yuan(divisor, convention);
                let name = named.trim_start_matches(['1', ',', '0']).trim_start();
                Self {
                    divisor,
                    unit: capitalized(if name.is_empty() { "yuan" } else { name }),
                    percent: false,
                }
            }
            other => Self {
                divisor: 1.0,
                unit: capitalized(crate::view::table::unit_name(other)),
                percent: matches!(other, QuantityUnit::Percent | QuantityUnit::PercentYoy),
            },
        }
    }

    /// The unit's name, as the axis is headed in `lang`: "Trillion yuan",
    /// "Percent" (百分比).
    pub fn name(&self, lang: Lang) -> String {
        if self.percent && lang == Lang::Zh {
            tr(lang, T::UnitPercent).to_owned()
        } else if self.percent {
            "Percent".to_owned()
        } else {
            self.unit.clone()
        }
    }

    /// A tick's text: the value (undivided) written with the decimals the
    /// step (undivided) needs; the top tick of a percentage axis (`top`)
    /// with "%".
    pub fn tick_label(&self, value: f64, step: f64, top: bool) -> String {
        let text = tick_text(value / self.divisor, step / self.divisor);
        if self.percent && top {
            format!("{text}%")
        } else {
            text
        }
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The ticks a nice step apart that lie between `low` and `high` (a
/// zoomable plot's visible range), at most `steps` parts of it each.
pub fn nice_ticks_between(low: f64, high: f64, steps: usize) -> (Vec<f64>, f64) {
    let step = nice_step(high - low, steps);
    let mut ticks = Vec::new();
    let mut value = (low / step).ceil() * step;
    while value <= high + step * 1e-9 && ticks.len() < 100 {
        ticks.push(if value.abs() < step * 1e-9 {
            0.0
        } else {
            value
        });
        value += step;
    }
    (ticks, step)
}

/// Nice tick values from 0 (or the lowest value, if negative) to at least
/// `max`: steps of 1, 2, 2.5 or 5 times a power of ten, at most `steps` of
/// them.
pub fn nice_ticks_at_most(min: f64, max: f64, steps: usize) -> Vec<f64> {
    let low = min.min(0.0);
    let high = if max > low { max } else { low + 1.0 };
    let step = nice_step(high - low, steps);
    let first = (low / step).floor() * step;
    let mut ticks = Vec::new();
    let mut value = first;
    while value < high + step * 0.999 {
        ticks.push(if value.abs() < step * 1e-9 {
            0.0
        } else {
            value
        });
        if value >= high {
            break;
        }
        value += step;
    }
    ticks
}

/// A tick value written briefly, with as many decimals as the step
/// between ticks needs: 2.5, 40, 1,000, 0.025; beyond ten million, as a
/// power of ten (1e12), which only a made-up dataset reaches after scaling.
pub fn tick_text(value: f64, step: f64) -> String {
    if value.abs() >= 1e7 {
        return format!("{value:e}");
    }
    let decimals = if step > 0.0 && step.is_finite() {
        // Digits after the point that the step has (2.5 needs one, 0.025
        // three), at most six.
        let mut decimals = 0usize;
        let mut scaled = step;
        while decimals < 6 && (scaled - scaled.round()).abs() > 1e-9 * scaled.abs().max(1.0) {
            scaled *= 10.0;
            decimals += 1;
        }
        decimals
    } else {
        2
    };
    let text = format!("{value:.decimals$}");
    if decimals == 0 && value.abs() >= 10_000.0 {
        group(&text)
    } else if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        // "-0.0" is 0.
        "0".to_owned()
    } else {
        text
    }
}

fn group(digits: &str) -> String {
    let (sign, digits) = digits
        .strip_prefix('-')
        .map_or(("", digits), |rest| ("-", rest));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice_and_cover_the_data() {
        assert_eq!(
            nice_ticks_at_most(0.0, 45.0, 5),
            vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0]
        );
        assert_eq!(nice_ticks_at_most(0.0, 5.67, 5), vec![0.0, 2.0, 4.0, 6.0]);
        let ticks = nice_ticks_at_most(0.0, 33.4, 5);
        assert_eq!(ticks.first(), Some(&0.0));
        assert!(ticks.last().is_some_and(|t| *t >= 33.4));
        assert!(ticks.len() <= 7);
        assert_eq!(nice_ticks_at_most(0.0, 45.0, 2), vec![0.0, 25.0, 50.0]);
        assert_eq!(tick_text(2.5, 2.5), "2.5");
        assert_eq!(tick_text(40.0, 10.0), "40");
        assert_eq!(tick_text(100_000.0, 50_000.0), "100,000");
        // Small steps keep their decimals: no two ticks read the same.
        let ticks = nice_ticks_at_most(0.0, 0.12, 5);
        let texts: Vec<String> = ticks
            .iter()
            .map(|t| tick_text(*t, ticks[1] - ticks[0]))
            .collect();
        let mut unique = texts.clone();
        unique.dedup();
        assert_eq!(texts, unique, "{texts:?}");
        assert_eq!(tick_text(0.075, 0.025), "0.075");
        assert_eq!(tick_text(1e100, 1e99), "1e100");
    }

    #[test]
    fn a_zoomed_range_gets_nice_ticks_inside_it_and_scaled_labels() {
        let (ticks, step) = nice_ticks_between(512.0, 1_390.0, 5);
        assert!((step - 200.0).abs() < 1e-9, "{step}");
        assert_eq!(ticks, vec![600.0, 800.0, 1_000.0, 1_200.0]);
        assert!((nice_step(0.0, 3) - 1.0).abs() < 1e-9);
        let yuan = ValueScale::of(QuantityUnit::Yuan, 2.3e12, Convention::International);
        assert_eq!(yuan.name(Lang::En), "Trillion yuan");
        assert_eq!(yuan.tick_label(1.5e12, 5e11, true), "1.5");
        let share = ValueScale::of(QuantityUnit::Percent, 40.0, Convention::International);
        assert_eq!(share.tick_label(40.0, 10.0, true), "40%");
        assert_eq!(share.tick_label(30.0, 10.0, false), "30");
    }
}
