//! A figure's quote widened or narrowed by words selected in the
//! document: the selection must be the document's own words (by the
//! quotes' rule, [`crate::dataset::folded`]), and the record's value, unit
//! and year must still be readable in it
//! ([`crate::import::figures::readable`]).

use serde_json::Value;

use super::{Kind, Review, ReviewError, find_mut, load};
use crate::import::figures::{Unreadable, readable};

/// Why selected words cannot be a record's quote.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum QuoteError {
    /// Nothing was selected.
    #[error("no words are selected")]
    Empty,
    /// The words are not the document's (a selection across other text).
    #[error("the selected words are not in the document")]
    NotInDocument,
    /// The words do not state the record's value, unit or year.
    #[error("{0}")]
    Unreadable(Unreadable),
    /// The record is gone, or is no figure; or the draft would not load.
    #[error("{0}")]
    Review(#[from] ReviewError),
}

impl Review {
    /// Makes `words` (selected in the document) the quote of the figure
    /// `kind`/`id`; see the module's documentation. The record stays to
    /// be accepted.
    pub fn set_quote(&mut self, kind: Kind, id: &str, words: &str) -> Result<(), QuoteError> {
        let words = words.trim();
        if words.is_empty() {
            return Err(QuoteError::Empty);
        }
        let (value, unit, year) = self.reading(kind, id)?;
        let document = self
            .document()
            .and_then(|s| self.dataset.sources[s.index()].text.clone())
            .ok_or(QuoteError::NotInDocument)?;
        if !crate::import::to_json::text_holds(&document, words) {
            return Err(QuoteError::NotInDocument);
        }
        readable(words, value, unit.as_deref(), year).map_err(QuoteError::Unreadable)?;
        let mut json = self.json.clone();
        let record = find_mut(&mut json, kind, id).ok_or_else(|| ReviewError::NoSuchRecord {
            kind,
            id: id.to_owned(),
        })?;
        record["quote"] = words.into();
        self.dataset = load(&json)?;
        self.json = json;
        Ok(())
    }

    /// The value, unit id and year a figure's quote must state.
    fn reading(
        &self,
        kind: Kind,
        id: &str,
    ) -> Result<(f64, Option<String>, Option<i32>), ReviewError> {
        let missing = || ReviewError::NoSuchRecord {
            kind,
            id: id.to_owned(),
        };
        let record = self.record(kind, id).ok_or_else(missing)?;
        let number = |key: &str| record[key].as_f64();
        let text = |v: &Value| v.as_str().map(str::to_owned);
        let year = |v: &Value| {
            v.as_i64()
                .and_then(|y| i32::try_from(y).ok())
                .or_else(|| v.as_str()?.get(..4)?.parse().ok())
        };
        let reading = match kind {
            Kind::Target => (
                number("value"),
                text(&record["unit"]),
                year(&record["deadline_year"]),
            ),
            Kind::Fact => (number("value"), text(&record["unit"]), None),
            Kind::Fund => (number("amount_yuan"), Some("yuan".to_owned()), None),
            Kind::ExchangeRate => (number("yuan_amount"), Some("yuan".to_owned()), None),
            Kind::Point => {
                let series = self.json["series"].as_array().and_then(|list| {
                    list.iter().find(|s| {
                        s["points"]
                            .as_array()
                            .is_some_and(|p| p.iter().any(|p| p["id"].as_str() == Some(id)))
                    })
                });
                (
                    number("value"),
                    series.and_then(|s| text(&s["unit"])),
                    year(&record["year"]),
                )
            }
            _ => return Err(ReviewError::NotEditable("quote".to_owned())),
        };
        match reading {
            (Some(value), unit, year) => Ok((value, unit, year)),
            _ => Err(ReviewError::NotEditable("quote".to_owned())),
        }
    }
}
