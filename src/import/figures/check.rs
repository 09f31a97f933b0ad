//! The check that a proposal invents nothing: its quote is the text at
//! its range, and the quote alone, read again, states its value in its
//! unit and names its year.

use super::read::{Role, read_sentence};
use super::{FigureUnit, Proposal};

/// What a proposal's quote does not bear out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// The quote is not the text at its range.
    NotTheText,
    /// No number in the quote has the value.
    Value,
    /// The value is there, but not in the unit.
    Unit,
    /// The quote names no such year.
    Year,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::NotTheText => "the quote is not the document's text at its place",
            Self::Value => "the quote states no such value",
            Self::Unit => "the quote states the value in another unit",
            Self::Year => "the quote names no such year",
        })
    }
}

/// Whether `quote` alone states `value` in the dataset's unit `unit`
/// (its id, as `percent`; any unit where `None`) and names `year` where
/// one is given: the test an editor's new quote must pass in a review.
pub fn readable(
    quote: &str,
    value: f64,
    unit: Option<&str>,
    year: Option<i32>,
) -> Result<(), Unreadable> {
    let roles = read_sentence(quote);
    let close = |v: f64| (v - value).abs() <= 1e-9 * v.abs().max(value.abs()).max(1.0);
    let units: Vec<FigureUnit> = roles
        .iter()
        .filter_map(|r| match r {
            Role::Figure(f) => Some((f.value, f.unit)),
            _ => None,
        })
        .filter(|(v, _)| close(*v))
        .map(|(_, u)| u)
        .collect();
    if units.is_empty() {
        return Err(Unreadable::Value);
    }
    if let Some(unit) = unit
        && !units
            .iter()
            .any(|u| u.dataset().is_some_and(|d| d.as_str() == unit))
    {
        return Err(Unreadable::Unit);
    }
    if let Some(year) = year
        && !roles
            .iter()
            .any(|r| matches!(r, Role::Year(y) if y.year == year))
    {
        return Err(Unreadable::Year);
    }
    Ok(())
}

/// Whether `proposal`'s value, unit and year are readable in its quote,
/// and its quote is `text` at its range.
pub fn check(proposal: &Proposal, text: &str) -> Result<(), Unreadable> {
    if text.get(proposal.range.clone()) != Some(proposal.quote.as_str()) {
        return Err(Unreadable::NotTheText);
    }
    let roles = read_sentence(&proposal.quote);
    let close = |value: f64| {
        (value - proposal.value).abs() <= 1e-9 * value.abs().max(proposal.value.abs()).max(1.0)
    };
    // Each figure of the quote, and the dollars printed beside an amount.
    let with_value: Vec<FigureUnit> = roles
        .iter()
        .filter_map(|r| match r {
            Role::Figure(f) => Some(f),
            _ => None,
        })
        .flat_map(|f| {
            let dollars = f.dollars.as_ref().map(|(v, _)| (*v, FigureUnit::UsDollars));
            std::iter::once((f.value, f.unit)).chain(dollars)
        })
        .filter(|(value, _)| close(*value))
        .map(|(_, unit)| unit)
        .collect();
    if with_value.is_empty() {
        return Err(Unreadable::Value);
    }
    if !with_value.iter().any(|u| u.reads_as(proposal.unit)) {
        return Err(Unreadable::Unit);
    }
    if let Some(year) = proposal.year
        && !roles
            .iter()
            .any(|r| matches!(r, Role::Year(y) if y.year == year))
    {
        return Err(Unreadable::Year);
    }
    Ok(())
}
