//! What changed between two editions, as the window and `plan-explorer
//! diff` show it: the comparison of the data layer ([`crate::dataset::diff`])
//! with changes below the shown precision left out, and each change worded
//! in a language and an amount convention.

use serde::Serialize;

use crate::dataset::Dataset;
pub use crate::dataset::diff::{
    Change, ChangeKind, Changes, Counts, Detail, Field, RecordKind, Value,
};
use crate::i18n::{Lang, T, fill, tr};
use crate::view::amount::Convention;
use crate::view::charts::{level_label, status_label};

/// Compares two editions as users read them: a quantity whose new value is
/// written as the old one in either convention ("1.23 billion" both times)
/// is not a change, and a record left with no change is not listed.
pub fn compare(old: &Dataset, new: &Dataset) -> Changes {
    let mut changes = crate::dataset::diff::compare(old, new);
    changes.changes.retain_mut(|change| {
        change.details.retain(reads_differently);
        change.kind != ChangeKind::Changed || !change.details.is_empty()
    });
    changes
}

/// Whether a detail reads differently: quantities as written, in either
/// convention; any other change always does.
fn reads_differently(detail: &Detail) -> bool {
    match detail {
        Detail::Field {
            old: old @ Value::Quantity(_),
            new: new @ Value::Quantity(_),
            ..
        } => [Convention::International, Convention::Chinese]
            .into_iter()
            .any(|c| old.text(c, Lang::En) != new.text(c, Lang::En)),
        _ => true,
    }
}

impl Change {
    /// The title or name in `lang`, where the dataset has it in Chinese.
    pub fn shown_label(&self, lang: Lang) -> &str {
        match (lang, &self.label_zh) {
            (Lang::Zh, Some(zh)) => zh,
            _ => &self.label,
        }
    }
}

impl Changes {
    /// One line in `lang`: "measures: 48 added, 0 removed, 2 changed;
    /// ...".
    pub fn summary(&self, lang: Lang) -> String {
        self.counts().summary(lang)
    }
}

impl Counts {
    /// One line in `lang`: "measures: 48 added, 0 removed, 2 changed;
    /// ...", or that nothing changed.
    pub fn summary(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        for (record, name) in [
            (RecordKind::Plan, T::Plans),
            (RecordKind::Measure, T::MeasuresLower),
            (RecordKind::Figure, T::Figures),
            (RecordKind::Fund, T::Funds),
            (RecordKind::Target, T::TargetsLower),
        ] {
            let [added, removed, changed] =
                [ChangeKind::Added, ChangeKind::Removed, ChangeKind::Changed]
                    .map(|kind| self.count(kind, record));
            if added + removed + changed > 0 {
                parts.push(fill(
                    lang,
                    T::SummaryPart,
                    &[&tr(lang, name), &added, &removed, &changed],
                ));
            }
        }
        if parts.is_empty() {
            return tr(lang, T::NoChanges).to_owned();
        }
        parts.join("; ")
    }
}

impl Detail {
    /// `field: "old" -> "new"` in `lang`, amounts in `convention`.
    pub fn text(&self, convention: Convention, lang: Lang) -> String {
        match self {
            Self::Field {
                field: Field::Caveat,
                old,
                new,
            } => caveat_change(old, new, lang),
            Self::Field { field, old, new } => fill(
                lang,
                T::FieldChange,
                &[
                    &field.label(lang),
                    &old.text(convention, lang),
                    &new.text(convention, lang),
                ],
            ),
            Self::TextChanged => tr(lang, T::TextChanged).to_owned(),
            Self::TextZhChanged => tr(lang, T::TextZhChanged).to_owned(),
        }
    }
}

/// A caveat added, removed or reworded, in `lang`, with its words.
fn caveat_change(old: &Value, new: &Value, lang: Lang) -> String {
    crate::i18n::caveat_change(caveat_words(old), caveat_words(new), lang)
}

/// A caveat's words, if it has some.
fn caveat_words(value: &Value) -> Option<&str> {
    match value {
        Value::Text(text) | Value::MaybeText(Some(text)) => Some(text.as_str()),
        _ => None,
    }
}

impl Field {
    /// The field's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        tr(
            lang,
            match self {
                Self::Title => T::FieldTitle,
                Self::TitleZh => T::FieldTitleZh,
                Self::ZhTranslation => T::FieldZhTranslation,
                Self::Period => T::FieldPeriod,
                Self::Numbering => T::FieldNumbering,
                Self::Units => T::FieldUnits,
                Self::Value => T::FieldValue,
                Self::Status => T::FieldStatus,
                Self::Name => T::FieldName,
                Self::NameZh => T::FieldNameZh,
                Self::Amount => T::FieldAmount,
                Self::Level => T::FieldLevel,
                Self::Metric => T::FieldMetric,
                Self::MetricZh => T::FieldMetricZh,
                Self::Deadline => T::FieldDeadline,
                Self::AsOf => T::FieldAsOf,
                Self::PerRecipient => T::FieldPerRecipient,
                Self::Caveat => T::FieldCaveat,
            },
        )
    }
}

impl Value {
    /// The value in `lang`, amounts in `convention`.
    pub fn text(&self, convention: Convention, lang: Lang) -> String {
        match self {
            Self::Text(text) | Self::MaybeText(Some(text)) => text.clone(),
            Self::MaybeText(None) | Self::Year(None) => tr(lang, T::NotStated).to_owned(),
            Self::Quantity(Some(q)) => q.text(convention),
            Self::Quantity(None) => tr(lang, T::NoAmount).to_owned(),
            Self::Status(status) => status_label(lang, *status).to_owned(),
            Self::Level(level) => level_label(lang, *level).to_owned(),
            Self::Year(Some(year)) => year.to_string(),
        }
    }
}

/// The changes as `plan-explorer diff --json` gives them: each change with
/// its details as English text in the international convention.
#[derive(Serialize)]
pub struct Json<'a> {
    old_edition: &'a str,
    new_edition: &'a str,
    changes: Vec<JsonChange<'a>>,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    #[serde(flatten)]
    change: &'a Change,
    details: Vec<String>,
}

impl<'a> Json<'a> {
    /// The JSON form of `changes`.
    pub fn of(changes: &'a Changes) -> Self {
        Self {
            old_edition: &changes.old_edition,
            new_edition: &changes.new_edition,
            changes: changes
                .changes
                .iter()
                .map(|change| JsonChange {
                    change,
                    details: change
                        .details
                        .iter()
                        .map(|d| d.text(Convention::International, Lang::En))
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_below_the_shown_precision_is_data_but_not_shown() {
        let old = crate::dataset::load_embedded()
            .dataset
            .expect("the built-in dataset is valid");
        let (fund, amount) = old
            .funds
            .iter()
            .enumerate()
            .find_map(|(i, f)| f.amount_yuan.filter(|a| *a >= 1e9).map(|a| (i, a)))
            .expect("a fund of a billion yuan or more");
        let changed = |by: f64| {
            let mut new = old.clone();
            new.funds[fund].amount_yuan = Some(amount + by);
            new
        };
        let id = old.funds[fund].id.to_string();
        let listed = |changes: &Changes| changes.changes.iter().any(|c| c.id == id);
        // One yuan more: the data layer sees it, nobody reading could.
        let tiny = changed(1.0);
        assert!(listed(&crate::dataset::diff::compare(&old, &tiny)));
        assert!(!listed(&compare(&old, &tiny)));
        // Double the amount reads differently, and is shown.
        let large = changed(amount);
        let shown = compare(&old, &large);
        let change = shown.changes.iter().find(|c| c.id == id).expect("listed");
        assert!(matches!(
            change.details.as_slice(),
            [Detail::Field {
                field: Field::Amount,
                ..
            }]
        ));
    }
}
