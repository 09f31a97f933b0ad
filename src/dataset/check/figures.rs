//! The rules for series and their points, funds, targets and exchange
//! rates, and the ids figures share.

use super::Checker;
use crate::dataset::field::Field;
use crate::dataset::kinds::{DateForm, ProblemKind, RecordKind};
use crate::dataset::model::{
    ExchangeRate, Fact, FigureRef, Fund, PlanIx, Point, QuantityUnit, Series, SeriesIx, SmolStr,
    Status, Target,
};
use crate::dataset::raw::{RawExchangeRate, RawFact, RawFund, RawPoint, RawSeries, RawTarget};

impl Checker {
    pub(super) fn series(
        &mut self,
        raw: RawSeries,
        series_ix: SeriesIx,
        point_ids: &mut Vec<(SmolStr, String, FigureRef)>,
    ) -> Series {
        let id = self.id(raw.id);
        let title = self.text(raw.title, "title");
        let (title_zh, title_zh_translation) =
            self.chinese(raw.title_zh, raw.title_zh_translation, "title_zh");
        let unit = self.take(raw.unit, "unit");
        let note = self.optional_text(raw.note, "note");
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, RecordKind::Node);
        let review = self.review(raw.imported, raw.reviewed);
        let mut points = self.each(raw.points, "points", |c, point, _| {
            let path = c.path.render();
            (c.point(point, unit), path)
        });
        // Points are kept in year order; their figure refs are made after
        // sorting, so they point at the right place.
        points.sort_by_key(|(point, _)| point.year);
        let mut sorted = Vec::with_capacity(points.len());
        for (p, (point, path)) in points.into_iter().enumerate() {
            let figure = FigureRef::Point(series_ix, u32::try_from(p).unwrap_or(u32::MAX));
            point_ids.push((point.id.clone(), path, figure));
            sorted.push(point);
        }
        Series {
            id: id.unwrap_or_default(),
            title,
            title_zh,
            title_zh_translation,
            unit: unit.unwrap_or(QuantityUnit::Count),
            note,
            measures,
            points: sorted,
            review,
        }
    }

    pub(super) fn point(&mut self, raw: RawPoint, unit: Option<QuantityUnit>) -> Point {
        let id = self.id(raw.id);
        let year = self
            .take(raw.year, "year")
            .and_then(|y| self.year(y, "year"));
        let value = self.take(raw.value, "value");
        if let (Some(value), Some(unit)) = (value, unit) {
            self.check_value(value, unit, "value");
        }
        let status = self.take(raw.status, "status").unwrap_or(Status::Actual);
        let approximate = self.flag(raw.approximate, "approximate");
        let lower_bound = self.optional_flag(raw.lower_bound, "lower_bound");
        let upper_bound = self.optional_flag(raw.upper_bound, "upper_bound");
        let citations = self.citations(raw.source, raw.quote, raw.also);
        let note = self.optional_text(raw.note, "note");
        let caveat = self.caveat(raw.caveat, id.as_ref());
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, RecordKind::Node);
        let review = self.review(raw.imported, raw.reviewed);
        Point {
            id: id.unwrap_or_default(),
            year: year.unwrap_or_default(),
            value: value.unwrap_or_default(),
            status,
            approximate,
            lower_bound,
            upper_bound,
            citations,
            note,
            caveat,
            measures,
            review,
        }
    }

    /// Checks a value against what its unit allows.
    pub(super) fn check_value(&mut self, value: f64, unit: QuantityUnit, key: &str) {
        let problem = if value.is_finite() {
            match unit {
                QuantityUnit::Percent if !(0.0..=100.0).contains(&value) => {
                    Some(ProblemKind::ShareOutOfRange { value })
                }
                QuantityUnit::PercentYoy if value <= -100.0 => {
                    Some(ProblemKind::GrowthRateTooLow { value })
                }
                QuantityUnit::Yuan | QuantityUnit::Per10kWorkers | QuantityUnit::SquareMetres
                    if value < 0.0 =>
                {
                    Some(ProblemKind::Negative { value })
                }
                QuantityUnit::Count if value < 0.0 || value.fract() != 0.0 => {
                    Some(ProblemKind::CountNotWhole { value })
                }
                _ => None,
            }
        } else {
            Some(ProblemKind::NotFinite { value })
        };
        if let Some(kind) = problem {
            self.error(self.path.with_key(key), kind);
        }
    }

    pub(super) fn fund(&mut self, raw: RawFund) -> Fund {
        let id = self.id(raw.id);
        let name = self.text(raw.name, "name");
        let (name_zh, name_zh_translation) =
            self.chinese(raw.name_zh, raw.name_zh_translation, "name_zh");
        let amount_yuan = self.take_optional(raw.amount_yuan, "amount_yuan");
        if let Some(amount) = amount_yuan {
            self.check_value(amount, QuantityUnit::Yuan, "amount_yuan");
        }
        let lower_bound = self.flag(raw.lower_bound, "lower_bound");
        let approximate = self.flag(raw.approximate, "approximate");
        let level = self.take(raw.level, "level");
        let level_inferred = self.optional_flag(raw.level_inferred, "level_inferred");
        let purpose = self.text(raw.purpose, "purpose");
        let citations = self.citations(raw.source, raw.quote, raw.also);
        let note = self.optional_text(raw.note, "note");
        let caveat = self.caveat(raw.caveat, id.as_ref());
        self.parts(raw.parts, id.as_ref());
        let per_recipient = self.optional_flag(raw.per_recipient, "per_recipient");
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, RecordKind::Node);
        let review = self.review(raw.imported, raw.reviewed);
        Fund {
            id: id.unwrap_or_default(),
            name,
            name_zh,
            name_zh_translation,
            amount_yuan,
            lower_bound,
            approximate,
            level: level.unwrap_or(crate::dataset::model::FundLevel::Mixed),
            level_inferred,
            purpose,
            citations,
            note,
            caveat,
            parts: Vec::new(),
            per_recipient,
            measures,
            review,
        }
    }

    pub(super) fn target(&mut self, raw: RawTarget) -> Target {
        let id = self.id(raw.id);
        let metric = self.text(raw.metric, "metric");
        let (metric_zh, metric_zh_translation) =
            self.chinese(raw.metric_zh, raw.metric_zh_translation, "metric_zh");
        let value = self.take(raw.value, "value");
        let unit = self.take(raw.unit, "unit");
        if let (Some(value), Some(unit)) = (value, unit) {
            self.check_value(value, unit, "value");
        }
        let deadline_year = self
            .take_optional(raw.deadline_year, "deadline_year")
            .and_then(|y| self.year(y, "deadline_year"));
        let plan_id = self.reference(raw.plan, "plan");
        let plan = if plan_id.is_empty() {
            None
        } else {
            self.resolve(|i| &i.plans, &plan_id, Some("plan"), RecordKind::Plan)
        };
        let approximate = self.flag(raw.approximate, "approximate");
        let lower_bound = self.optional_flag(raw.lower_bound, "lower_bound");
        let upper_bound = self.optional_flag(raw.upper_bound, "upper_bound");
        let citations = self.citations(raw.source, raw.quote, raw.also);
        let note = self.optional_text(raw.note, "note");
        let caveat = self.caveat(raw.caveat, id.as_ref());
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, RecordKind::Node);
        let review = self.review(raw.imported, raw.reviewed);
        Target {
            id: id.unwrap_or_default(),
            metric,
            metric_zh,
            metric_zh_translation,
            value: value.unwrap_or_default(),
            unit: unit.unwrap_or(QuantityUnit::Count),
            deadline_year,
            plan: plan.unwrap_or(PlanIx(0)),
            approximate,
            lower_bound,
            upper_bound,
            citations,
            note,
            caveat,
            measures,
            review,
        }
    }

    pub(super) fn fact(&mut self, raw: RawFact) -> Fact {
        let id = self.id(raw.id);
        let title = self.text(raw.title, "title");
        let (title_zh, title_zh_translation) =
            self.chinese(raw.title_zh, raw.title_zh_translation, "title_zh");
        let value = self.take_optional(raw.value, "value");
        let unit = self.take_optional(raw.unit, "unit");
        let value = match (value, unit) {
            (Some(value), Some(unit)) => {
                self.check_value(value, unit, "value");
                Some((value, unit))
            }
            (Some(_), None) => {
                self.error(self.path.with_key("unit"), ProblemKind::ValueWithoutUnit);
                None
            }
            (None, Some(_)) => {
                self.report(crate::dataset::Problem::warning(
                    self.path.with_key("unit"),
                    ProblemKind::UnitWithoutValue,
                ));
                None
            }
            (None, None) => None,
        };
        let as_of = self.text(raw.as_of, "as_of");
        if !as_of.is_empty() && !super::is_partial_date(&as_of) {
            self.error(
                self.path.with_key("as_of"),
                ProblemKind::BadDate {
                    form: DateForm::YearMonthOrDay,
                    found: as_of.clone(),
                },
            );
        }
        let as_of_note = self.optional_text(raw.as_of_note, "as_of_note");
        let approximate = self.optional_flag(raw.approximate, "approximate");
        let lower_bound = self.optional_flag(raw.lower_bound, "lower_bound");
        let upper_bound = self.optional_flag(raw.upper_bound, "upper_bound");
        let citations = self.citations(raw.source, raw.quote, raw.also);
        let note = self.optional_text(raw.note, "note");
        let caveat = self.caveat(raw.caveat, id.as_ref());
        let measures = self.optional_refs(raw.measures, "measures", |i| &i.nodes, RecordKind::Node);
        let review = self.review(raw.imported, raw.reviewed);
        Fact {
            id: id.unwrap_or_default(),
            title,
            title_zh,
            title_zh_translation,
            value,
            as_of,
            as_of_note,
            approximate,
            lower_bound,
            upper_bound,
            citations,
            note,
            caveat,
            measures,
            review,
        }
    }

    pub(super) fn exchange_rate(&mut self, raw: RawExchangeRate, position: usize) -> ExchangeRate {
        let id = self.id(raw.id);
        if let Some(id) = &id {
            self.register(
                |i| &mut i.exchange_rates,
                id.clone(),
                position,
                RecordKind::ExchangeRate,
                |p| p.with_key("id"),
            );
        }
        let currency = self.text(raw.currency, "currency");
        let amount = |checker: &mut Self, field: Field<f64>, key: &str| {
            let value = checker.take(field, key);
            match value {
                Some(v) if v.is_finite() && v > 0.0 => v,
                Some(v) => {
                    checker.error(
                        checker.path.with_key(key),
                        ProblemKind::AmountNotPositive { value: v },
                    );
                    1.0
                }
                None => 1.0,
            }
        };
        let yuan_amount = amount(self, raw.yuan_amount, "yuan_amount");
        let foreign_amount = amount(self, raw.foreign_amount, "foreign_amount");
        let citation = self.citation(raw.source, raw.quote);
        let note = self.optional_text(raw.note, "note");
        let review = self.review(raw.imported, raw.reviewed);
        ExchangeRate {
            id: id.unwrap_or_default(),
            currency,
            yuan_amount,
            foreign_amount,
            citation,
            note,
            review,
        }
    }

    pub(super) fn register_series_ids(
        &mut self,
        series: &[Series],
        point_ids: Vec<(SmolStr, String, FigureRef)>,
    ) {
        self.register_ids_of(
            series,
            "series",
            |i| FigureRef::Series(SeriesIx::at(i)),
            |s| &s.id,
        );
        for (id, path, figure) in point_ids {
            if id.is_empty() {
                continue;
            }
            self.register(
                |i| &mut i.figures,
                id,
                figure,
                RecordKind::Figure,
                |_| format!("{path}.id"),
            );
        }
    }

    /// Registers the ids of a table of figures, with the path of each.
    pub(super) fn register_ids_of<T>(
        &mut self,
        table: &[T],
        key: &str,
        figure: impl Fn(usize) -> FigureRef,
        id_of: impl Fn(&T) -> &SmolStr,
    ) {
        for (i, record) in table.iter().enumerate() {
            let id = id_of(record);
            if id.is_empty() {
                continue;
            }
            self.register(
                |i| &mut i.figures,
                id.clone(),
                figure(i),
                RecordKind::Figure,
                |_| format!("{key}[{i}].id"),
            );
        }
    }
}
