//! The charts as data: which figures each chart shows, in what order, and
//! which are highlighted for a selection. The chart panel only draws these.

use crate::i18n::{Lang, T, tr};
use std::collections::HashSet;

use crate::dataset::{Dataset, FigureRef, FundLevel, PlanIx, QuantityUnit, SeriesIx, Status};
use crate::selection::Item;

/// The charts, with the ids the command line uses.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum ChartId {
    /// GDP and output figures in yuan by year.
    #[default]
    IndustrialOutput,
    /// Shares of GDP and of manufacturing, in percent.
    GdpShare,
    /// Fund allocations as sorted bars.
    Funds,
    /// The plans' numeric targets.
    Targets,
    /// Themes by plans: how many measures of each plan carry each theme.
    Themes,
    /// Responsible units by plans: how many measures of each plan each unit
    /// is responsible for.
    Units,
    /// Plans' periods, targets' deadlines, facts' and funds' dates.
    Timeline,
}

impl ChartId {
    /// Every chart, in the order the app shows them.
    pub const ALL: [Self; 7] = [
        Self::IndustrialOutput,
        Self::GdpShare,
        Self::Funds,
        Self::Targets,
        Self::Themes,
        Self::Units,
        Self::Timeline,
    ];

    /// The id used on the command line and in settings.
    pub fn id(self) -> &'static str {
        match self {
            Self::IndustrialOutput => "industrial-output",
            Self::GdpShare => "gdp-share",
            Self::Funds => "funds",
            Self::Targets => "targets",
            Self::Themes => "themes",
            Self::Units => "units",
            Self::Timeline => "timeline",
        }
    }

    /// The chart with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|chart| chart.id() == id)
    }

    /// The rows of a map chart (the theme map, the unit map); `None` for
    /// the other charts.
    pub fn map_rows(self) -> Option<crate::view::themes::MapRows> {
        match self {
            Self::Themes => Some(crate::view::themes::MapRows::Themes),
            Self::Units => Some(crate::view::themes::MapRows::Units),
            _ => None,
        }
    }
}

/// One value on a line chart.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "Each flag is a word of the document (about, over, nearly) or a caveat mark, drawn apart."
)]
pub struct PlotPoint {
    /// The point, for hover and selection.
    pub figure: FigureRef,
    /// Its year.
    pub year: i32,
    /// Its value in the series' unit.
    pub value: f64,
    /// Actual, target or estimate: drawn differently.
    pub status: Status,
    /// The document says "about".
    pub approximate: bool,
    /// The document says "over".
    pub lower_bound: bool,
    /// The document says "nearly" or "under".
    pub upper_bound: bool,
    /// It carries a caveat: marked wherever it is drawn.
    pub caveat: bool,
}

impl PlotPoint {
    /// The point's value as every chart writes it beside the point (its
    /// series' end label, its value label), in the window and on paper:
    /// "about 5.4%", marked ⚠ if it carries a caveat.
    pub fn value_text(&self, unit: QuantityUnit, convention: super::amount::Convention) -> String {
        super::marked(
            self.caveat,
            super::amount::qualified(
                self.value,
                unit,
                super::amount::Qualifier {
                    approximate: self.approximate,
                    lower_bound: self.lower_bound,
                    upper_bound: self.upper_bound,
                },
                convention,
            ),
        )
    }
}

/// A line between two consecutive points of a series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Connection {
    /// The earlier point, as (year, value).
    pub from: (i32, f64),
    /// The later point.
    pub to: (i32, f64),
    /// The years between have no data: the line is only a straight
    /// connection, to be drawn dashed and labelled so, never as data.
    pub spans_missing_years: bool,
}

/// A series as a line chart shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct LineSeries {
    /// The series, for the legend and selection.
    pub figure: FigureRef,
    /// Its title.
    pub title: String,
    /// The unit of its values.
    pub unit: QuantityUnit,
    /// Its points by year.
    pub points: Vec<PlotPoint>,
    /// Lines between consecutive points.
    pub connections: Vec<Connection>,
}

fn line_series(dataset: &Dataset, unit: QuantityUnit, lang: Lang) -> Vec<LineSeries> {
    dataset
        .series
        .iter()
        .enumerate()
        .filter(|(_, series)| series.unit == unit && !series.points.is_empty())
        .map(|(s, series)| {
            let series_ix = SeriesIx(u32::try_from(s).unwrap_or(u32::MAX));
            let points: Vec<PlotPoint> = series
                .points
                .iter()
                .enumerate()
                .map(|(p, point)| PlotPoint {
                    figure: FigureRef::Point(series_ix, u32::try_from(p).unwrap_or(u32::MAX)),
                    year: point.year,
                    value: point.value,
                    status: point.status,
                    approximate: point.approximate,
                    lower_bound: point.lower_bound,
                    upper_bound: point.upper_bound,
                    caveat: point.caveat.is_some(),
                })
                .collect();
            let connections = points
                .windows(2)
                .map(|pair| Connection {
                    from: (pair[0].year, pair[0].value),
                    to: (pair[1].year, pair[1].value),
                    spans_missing_years: pair[1].year - pair[0].year > 1,
                })
                .collect();
            LineSeries {
                figure: FigureRef::Series(series_ix),
                title: crate::view::localized_title(lang, series).into_owned(),
                unit,
                points,
                connections,
            }
        })
        .collect()
}

/// The industrial-output chart: every series in yuan (GDP, output, the
/// future-industries target), in dataset order.
pub fn industrial_output(dataset: &Dataset, lang: Lang) -> Vec<LineSeries> {
    line_series(dataset, QuantityUnit::Yuan, lang)
}

/// The GDP-share chart: every share series (percent of a whole).
pub fn gdp_share(dataset: &Dataset, lang: Lang) -> Vec<LineSeries> {
    line_series(dataset, QuantityUnit::Percent, lang)
}

/// The nice step that cuts `span` into at most `steps` parts: 1, 2, 2.5
/// or 5 times a power of ten, the smallest that does.
pub fn nice_step(span: f64, steps: usize) -> f64 {
    let steps = steps.max(1) as f64;
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / steps;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0, 20.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| span / s <= steps)
        .unwrap_or(20.0 * power)
}

/// A fund as a bar.
#[derive(Clone, Debug, PartialEq)]
pub struct FundBar {
    /// The fund.
    pub figure: FigureRef,
    /// Its name.
    pub name: String,
    /// Its amount in yuan.
    pub amount_yuan: f64,
    /// Who provides it: the bar's colour.
    pub level: FundLevel,
    /// "over": the bar is a lower bound.
    pub lower_bound: bool,
    /// "about".
    pub approximate: bool,
    /// It carries a caveat: marked wherever it is drawn.
    pub caveat: bool,
}

impl FundBar {
    /// The fund's amount as every chart writes it beside its bar, in the
    /// window and on paper: "over 100 billion yuan", marked ⚠ if it
    /// carries a caveat.
    pub fn value_text(&self, convention: super::amount::Convention) -> String {
        super::marked(
            self.caveat,
            super::amount::flagged(
                self.amount_yuan,
                QuantityUnit::Yuan,
                self.approximate,
                self.lower_bound,
                convention,
            ),
        )
    }
}

/// Where the funds chart puts a fund with an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundGroup {
    /// A bar on the funds' scale.
    OnScale,
    /// An amount per recipient, not a fund's size: named apart.
    PerRecipient,
    /// An amount whose caveat says it is probably wrong as printed: named
    /// apart with its caveat, never on the scale (it would set it).
    LikelyWrong,
}

impl FundGroup {
    /// The group of `fund`.
    pub fn of(fund: &crate::dataset::Fund) -> Self {
        if fund.caveat.as_ref().is_some_and(|c| c.likely_wrong) {
            Self::LikelyWrong
        } else if fund.per_recipient {
            Self::PerRecipient
        } else {
            Self::OnScale
        }
    }
}

/// The funds chart: bars sorted by amount, largest first, named in the
/// interface's language where the dataset has the name, and the funds
/// whose documents state no amount (listed, not drawn).
///
/// Amounts per recipient (a subsidy per institution) are not a fund's size
/// and amounts whose caveat says they are probably wrong must not set the
/// scale: both are left off the bars; see [`per_recipient_funds`] and
/// [`likely_wrong_funds`].
pub fn fund_bars(dataset: &Dataset, lang: Lang) -> (Vec<FundBar>, Vec<FigureRef>) {
    fund_bars_where(dataset, lang, FundGroup::OnScale)
}

/// The funds whose amount is per recipient, as bars of their own group.
pub fn per_recipient_funds(dataset: &Dataset, lang: Lang) -> Vec<FundBar> {
    fund_bars_where(dataset, lang, FundGroup::PerRecipient).0
}

/// The funds whose amount is probably wrong as printed (their caveat says
/// so), as bars of their own group, shown apart with their caveats.
pub fn likely_wrong_funds(dataset: &Dataset, lang: Lang) -> Vec<FundBar> {
    fund_bars_where(dataset, lang, FundGroup::LikelyWrong).0
}

/// The bars of the funds of `group`, largest first, and every fund with
/// no amount (whatever its group), in dataset order.
fn fund_bars_where(
    dataset: &Dataset,
    lang: Lang,
    group: FundGroup,
) -> (Vec<FundBar>, Vec<FigureRef>) {
    let mut bars = Vec::new();
    let mut without_amount = Vec::new();
    for (f, fund) in dataset.funds.iter().enumerate() {
        let figure = FigureRef::Fund(crate::dataset::FundIx(u32::try_from(f).unwrap_or(u32::MAX)));
        match fund.amount_yuan {
            Some(amount_yuan) if FundGroup::of(fund) == group => bars.push(FundBar {
                figure,
                name: crate::view::localized_title(lang, fund).into_owned(),
                amount_yuan,
                level: fund.level,
                lower_bound: fund.lower_bound,
                approximate: fund.approximate,
                caveat: fund.caveat.is_some(),
            }),
            Some(_) => {}
            None => without_amount.push(figure),
        }
    }
    bars.sort_by(|a, b| b.amount_yuan.total_cmp(&a.amount_yuan));
    (bars, without_amount)
}

/// A column of the targets table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TargetColumn {
    /// What is measured.
    #[default]
    Metric,
    /// The value.
    Value,
    /// The deadline year.
    Deadline,
    /// The plan's title.
    Plan,
}

/// A target as a row of the targets table.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetRow {
    /// The target.
    pub figure: FigureRef,
    /// What is measured.
    pub metric: String,
    /// The target value.
    pub value: f64,
    /// Its unit.
    pub unit: QuantityUnit,
    /// The year by which, where given.
    pub deadline_year: Option<i32>,
    /// The plan that sets it.
    pub plan: PlanIx,
    /// "about".
    pub approximate: bool,
    /// "over".
    pub lower_bound: bool,
    /// "nearly", "under".
    pub upper_bound: bool,
}

impl TargetRow {
    /// The target's value with its qualifiers.
    pub fn quantity(&self) -> crate::dataset::Quantity {
        crate::dataset::Quantity {
            value: self.value,
            unit: self.unit,
            approximate: self.approximate,
            lower_bound: self.lower_bound,
            upper_bound: self.upper_bound,
        }
    }
}

/// The targets table, sorted by `column`; rows without a deadline sort
/// last either way, and ties keep dataset order.
pub fn target_rows(
    dataset: &Dataset,
    column: TargetColumn,
    ascending: bool,
    lang: Lang,
) -> Vec<TargetRow> {
    let mut rows: Vec<TargetRow> = dataset
        .targets
        .iter()
        .enumerate()
        .map(|(t, target)| TargetRow {
            figure: FigureRef::Target(crate::dataset::TargetIx(
                u32::try_from(t).unwrap_or(u32::MAX),
            )),
            metric: crate::view::localized_title(lang, target).into_owned(),
            value: target.value,
            unit: target.unit,
            deadline_year: target.deadline_year,
            plan: target.plan,
            approximate: target.approximate,
            lower_bound: target.lower_bound,
            upper_bound: target.upper_bound,
        })
        .collect();
    // The plan's title as shown, so the order follows what is read.
    let plan_title =
        |row: &TargetRow| crate::view::plan_title(lang, dataset, row.plan).to_lowercase();
    rows.sort_by(|a, b| {
        let order = match column {
            TargetColumn::Metric => a.metric.to_lowercase().cmp(&b.metric.to_lowercase()),
            TargetColumn::Value => a.value.total_cmp(&b.value),
            TargetColumn::Deadline => match (a.deadline_year, b.deadline_year) {
                (Some(x), Some(y)) => x.cmp(&y),
                // Without a deadline sorts last in both directions.
                (Some(_), None) => return std::cmp::Ordering::Less,
                (None, Some(_)) => return std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
            TargetColumn::Plan => plan_title(a).cmp(&plan_title(b)),
        };
        if ascending { order } else { order.reverse() }
    });
    rows
}

/// An entry of a chart's legend, which the user can hide or show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LegendKey {
    /// A line series.
    Series(SeriesIx),
    /// The fund bars of one level.
    Level(FundLevel),
}

/// Fund bars whose level the legend has not hidden.
pub fn visible_bars(
    bars: Vec<FundBar>,
    hidden: &std::collections::BTreeSet<LegendKey>,
) -> Vec<FundBar> {
    bars.into_iter()
        .filter(|bar| !hidden.contains(&LegendKey::Level(bar.level)))
        .collect()
}

/// Line series that the legend has not hidden.
pub fn visible_series(
    series: Vec<LineSeries>,
    hidden: &std::collections::BTreeSet<LegendKey>,
) -> Vec<LineSeries> {
    series
        .into_iter()
        .filter(|s| !is_hidden(s, hidden))
        .collect()
}

/// Whether the legend has hidden a series.
pub fn is_hidden(series: &LineSeries, hidden: &std::collections::BTreeSet<LegendKey>) -> bool {
    matches!(series.figure, FigureRef::Series(ix) if hidden.contains(&LegendKey::Series(ix)))
}

/// The figures to highlight for a selection: those linked to it, and for a
/// linked series all its points (and for a linked point its series).
pub fn highlighted(dataset: &Dataset, selection: Option<Item>) -> HashSet<FigureRef> {
    let Some(selection) = selection else {
        return HashSet::new();
    };
    let mut out = HashSet::new();
    for figure in selection.linked_figures(dataset) {
        out.insert(figure);
        match figure {
            FigureRef::Series(s) => {
                for p in 0..dataset.series[s.index()].points.len() {
                    out.insert(FigureRef::Point(s, u32::try_from(p).unwrap_or(u32::MAX)));
                }
            }
            FigureRef::Point(s, _) => {
                out.insert(FigureRef::Series(s));
            }
            FigureRef::Fund(_) | FigureRef::Target(_) | FigureRef::Fact(_) => {}
        }
    }
    out
}

/// A level's label for legends, in `lang`.
pub fn level_label(lang: Lang, level: FundLevel) -> &'static str {
    tr(
        lang,
        match level {
            FundLevel::National => T::LevelNational,
            FundLevel::Municipal => T::LevelMunicipal,
            FundLevel::District => T::LevelDistrict,
            FundLevel::SocialCapital => T::LevelSocial,
            FundLevel::Mixed => T::LevelMixed,
        },
    )
}

/// A status in `lang`.
pub fn status_label(lang: Lang, status: Status) -> &'static str {
    tr(
        lang,
        match status {
            Status::Actual => T::StatusActual,
            Status::Target => T::StatusTarget,
            Status::Estimate => T::StatusEstimate,
        },
    )
}

/// Where the fund bars sit on the funds chart's value axis, as the window
/// draws them: on a linear scale from 0, or on a log scale (the axis holds
/// the logarithm of the amount) from a decade below the smallest bar, as
/// the exported picture's does. Bar `i` (largest first) is drawn at height
/// `count - 1 - i`, so the largest is on top. Pure, so the scale and the
/// "over" marks are tested as data.
#[derive(Clone, Debug, PartialEq)]
pub struct FundsAxis {
    /// Whether the axis is logarithmic.
    pub log_scale: bool,
    /// Where every bar starts on the axis.
    pub origin: f64,
    /// Each bar's end on the axis, in the bars' order.
    pub ends: Vec<f64>,
    /// The bars that are lower bounds, each with its "over" mark drawn
    /// just after its end: (bar, where on the axis).
    pub over_marks: Vec<(usize, f64)>,
    /// The axis' shown range: a little room before the origin for its
    /// first label, and after the longest bar for its "over" mark.
    pub range: (f64, f64),
}

impl FundsAxis {
    /// The axis for `bars` (largest first).
    pub fn new(bars: &[FundBar], log_scale: bool) -> Self {
        let at = |amount: f64| Self::position(amount, log_scale);
        let origin = if log_scale {
            Self::first_decade(bars)
        } else {
            0.0
        };
        let ends: Vec<f64> = bars.iter().map(|b| at(b.amount_yuan)).collect();
        let over_marks = bars
            .iter()
            .enumerate()
            .filter(|(_, b)| b.lower_bound)
            .map(|(i, _)| (i, ends[i]))
            .collect();
        let longest = ends.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let longest = if longest.is_finite() { longest } else { 1.0 };
        let range = if log_scale {
            (origin - 0.12, longest + 0.8)
        } else {
            (origin, longest * 1.15)
        };
        Self {
            log_scale,
            origin,
            ends,
            over_marks,
            range,
        }
    }

    /// Where `amount` sits on an axis: its logarithm on the log scale
    /// (amounts under 1 yuan at 0), the amount itself otherwise.
    pub fn position(amount: f64, log_scale: bool) -> f64 {
        if log_scale {
            amount.max(1.0).log10()
        } else {
            amount
        }
    }

    /// Where `amount` sits on this axis.
    pub fn at(&self, amount: f64) -> f64 {
        Self::position(amount, self.log_scale)
    }

    /// The amount at `value` on an axis (for its labels): the inverse of
    /// [`Self::position`].
    pub fn amount_at(value: f64, log_scale: bool) -> f64 {
        if log_scale { 10f64.powf(value) } else { value }
    }

    /// Where the log scale starts, as a power of ten, in the window and the
    /// pictures alike: the decade of the smallest bar, or the one below it
    /// when that bar sits close to its decade (within a factor of 2), so
    /// the smallest bar is still seen as a bar; never below 1 yuan, and 0
    /// with no bar at all.
    pub fn first_decade(bars: &[FundBar]) -> f64 {
        let smallest = bars
            .iter()
            .map(|b| b.amount_yuan)
            .filter(|a| *a > 0.0)
            .fold(f64::INFINITY, f64::min);
        if !smallest.is_finite() {
            return 0.0;
        }
        let power = smallest.log10();
        let mut decade = power.floor();
        if power - decade < 0.3 {
            decade -= 1.0;
        }
        decade.max(0.0)
    }

    /// A tick's text at `value` on an axis: the amount in yuan, "1 billion
    /// yuan"; on the log scale only at whole decades (nothing between).
    /// The window's fund axis and the pictures' decades write them so.
    pub fn tick_label(
        value: f64,
        log_scale: bool,
        convention: super::amount::Convention,
    ) -> String {
        if log_scale && value.fract() != 0.0 {
            return String::new();
        }
        super::amount::yuan(Self::amount_at(value, log_scale), convention)
    }

    /// The amount at `value` on this axis.
    pub fn amount(&self, value: f64) -> f64 {
        Self::amount_at(value, self.log_scale)
    }

    /// The linear axis' grid steps for a shown range of `span` (large,
    /// medium, small): the large step a round amount (1, 2, 2.5 or 5 times
    /// a power of ten) that cuts the range into at most four parts, so each
    /// of its labels ("250 billion yuan") has room; egui's plain decades
    /// left only "0 yuan" on a range up to 950 billion.
    pub fn linear_steps(span: f64) -> [f64; 3] {
        if !(span.is_finite() && span > 0.0) {
            return [1.0, 0.5, 0.1];
        }
        let large = nice_step(span, 4);
        [large, large / 2.0, large / 10.0]
    }

    /// The height bar `i` is drawn at.
    pub fn height(&self, i: usize) -> f64 {
        self.ends.len().saturating_sub(i + 1) as f64
    }

    /// The bar whose row holds the plot point (`x` along the axis, `y` the
    /// height), if the point is not past the bar's end: a bar's row is its
    /// own and its name's, written above it.
    pub fn bar_at(&self, x: f64, y: f64) -> Option<usize> {
        let count = self.ends.len();
        let i = (count as f64 - 1.0 - y).round();
        if !(0.0..count as f64).contains(&i) {
            return None;
        }
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "Whole and within 0..count, so the cast is exact."
        )]
        let i = i as usize;
        (x <= self.ends[i]).then_some(i)
    }
}

#[cfg(test)]
#[expect(
    clippy::float_cmp,
    reason = "the axis' values compared exactly are exact by construction: 0, whole decades, and amounts the linear axis passes through untouched"
)]
mod tests {
    use super::*;

    fn bar(amount_yuan: f64, lower_bound: bool) -> FundBar {
        FundBar {
            figure: FigureRef::Fund(crate::dataset::FundIx(0)),
            name: String::new(),
            amount_yuan,
            level: FundLevel::Municipal,
            lower_bound,
            approximate: false,
            caveat: false,
        }
    }

    #[test]
    fn the_linear_axis_starts_at_zero_and_ends_each_bar_at_its_amount() {
        let bars = [bar(8.25e11, true), bar(1.5e10, false), bar(1e9, false)];
        let axis = FundsAxis::new(&bars, false);
        assert_eq!(axis.origin, 0.0);
        assert_eq!(axis.ends, vec![8.25e11, 1.5e10, 1e9]);
        assert_eq!(axis.range, (0.0, 8.25e11 * 1.15));
        assert_eq!(axis.amount(axis.at(1.5e10)), 1.5e10);
    }

    #[test]
    fn the_log_scale_starts_a_decade_below_a_smallest_bar_near_its_decade_only() {
        // 1.5 billion is within a factor of 2 of 10^9: one decade lower.
        assert_eq!(FundsAxis::first_decade(&[bar(1.5e9, false)]), 8.0);
        // 3 billion is a bar of its own above 10^9.
        assert_eq!(FundsAxis::first_decade(&[bar(3e9, false)]), 9.0);
        assert_eq!(FundsAxis::new(&[bar(3e9, false)], true).origin, 9.0);
        // No bar, or none above nothing: the axis starts at 1 yuan.
        assert_eq!(FundsAxis::first_decade(&[]), 0.0);
        assert_eq!(FundsAxis::first_decade(&[bar(0.0, false)]), 0.0);
    }

    #[test]
    fn the_log_axis_holds_logarithms_from_a_decade_below_the_smallest_bar() {
        let bars = [bar(8.25e11, true), bar(1.5e10, false), bar(1e9, false)];
        let axis = FundsAxis::new(&bars, true);
        // 1e9 is 10^9: the axis starts at 10^8.
        assert_eq!(axis.origin, 8.0);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(axis.ends[0], 8.25e11_f64.log10()));
        assert!(close(axis.ends[2], 9.0));
        assert!((axis.amount(axis.at(1.5e10)) / 1.5e10 - 1.0).abs() < 1e-12);
        assert!(close(axis.range.0, 7.88) && close(axis.range.1, 8.25e11_f64.log10() + 0.8));
        // An amount under 1 yuan sits at 0, and the origin never goes
        // below it.
        let tiny = FundsAxis::new(&[bar(0.5, false)], true);
        assert_eq!((tiny.origin, tiny.ends[0]), (0.0, 0.0));
    }

    #[test]
    fn over_marks_follow_only_the_lower_bounds_on_either_scale() {
        let bars = [bar(8.25e11, true), bar(1.5e10, false), bar(1e9, true)];
        for log_scale in [false, true] {
            let axis = FundsAxis::new(&bars, log_scale);
            assert_eq!(
                axis.over_marks,
                vec![(0, axis.ends[0]), (2, axis.ends[2])],
                "log scale {log_scale}"
            );
        }
    }

    #[test]
    fn the_linear_steps_are_round_and_cut_the_range_in_at_most_four() {
        // The built-in funds: up to 825 billion, shown to about 950.
        assert_eq!(FundsAxis::linear_steps(9.5e11), [2.5e11, 1.25e11, 2.5e10]);
        assert_eq!(FundsAxis::linear_steps(100.0), [25.0, 12.5, 2.5]);
        assert_eq!(FundsAxis::linear_steps(4.0), [1.0, 0.5, 0.1]);
        assert_eq!(FundsAxis::linear_steps(7.0), [2.0, 1.0, 0.2]);
        for span in [1.0, 3.3, 17.0, 9.9e9, 1.2e13] {
            let [large, ..] = FundsAxis::linear_steps(span);
            assert!(span / large <= 4.0 && span / large > 1.0, "{span}: {large}");
        }
        assert_eq!(FundsAxis::linear_steps(0.0), [1.0, 0.5, 0.1]);
    }

    #[test]
    fn the_largest_bar_is_on_top_and_a_point_finds_its_row() {
        let bars = [bar(100.0, false), bar(50.0, false), bar(10.0, false)];
        let axis = FundsAxis::new(&bars, false);
        assert_eq!((axis.height(0), axis.height(2)), (2.0, 0.0));
        assert_eq!(axis.bar_at(40.0, 2.1), Some(0));
        assert_eq!(axis.bar_at(40.0, 1.0), Some(1));
        // Past the bar's end, or off the rows: nothing.
        assert_eq!(axis.bar_at(40.0, 0.0), None);
        assert_eq!(axis.bar_at(5.0, -0.6), None);
        assert_eq!(axis.bar_at(5.0, 2.6), None);
        let none = FundsAxis::new(&[], true);
        assert_eq!((none.origin, none.bar_at(1.0, 0.0)), (0.0, None));
    }
}
