//! A value as the dataset states it: the number, its unit, and whether
//! the document says "about" or "over". How it is written out (billions or
//! 亿元) is the view's business (`view::amount`).

use super::{Fact, Fund, Point, QuantityUnit, Series, Target};

/// A value as the dataset states it: the number, its unit and whether the
/// document says "about" or "over". Written out in a convention when shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    /// The number.
    pub value: f64,
    /// Its unit.
    pub unit: QuantityUnit,
    /// Whether the document says "about".
    pub approximate: bool,
    /// Whether the document says "over".
    pub lower_bound: bool,
    /// Whether the document says "nearly" or "under".
    pub upper_bound: bool,
}

impl Quantity {
    /// A point's value in its series' unit.
    pub fn of_point(series: &Series, point: &Point) -> Self {
        Self {
            value: point.value,
            unit: series.unit,
            approximate: point.approximate,
            lower_bound: point.lower_bound,
            upper_bound: point.upper_bound,
        }
    }

    /// A target's value in its unit.
    pub fn of_target(target: &Target) -> Self {
        Self {
            value: target.value,
            unit: target.unit,
            approximate: target.approximate,
            lower_bound: target.lower_bound,
            upper_bound: target.upper_bound,
        }
    }

    /// A fund's amount in yuan, or `None` where none is stated.
    pub fn of_fund(fund: &Fund) -> Option<Self> {
        fund.amount_yuan.map(|value| Self {
            value,
            unit: QuantityUnit::Yuan,
            approximate: fund.approximate,
            lower_bound: fund.lower_bound,
            upper_bound: false,
        })
    }

    /// A fact's number, if it has one.
    pub fn of_fact(fact: &Fact) -> Option<Self> {
        fact.value.map(|(value, unit)| Self {
            value,
            unit,
            approximate: fact.approximate,
            lower_bound: fact.lower_bound,
            upper_bound: fact.upper_bound,
        })
    }
}
