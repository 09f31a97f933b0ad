//! A valid dataset of plans only (no series, funds, targets or facts):
//! each chart's view-model and scene are empty without a panic, and the
//! funds axis of no bars has no arithmetic that underflows (mended in
//! commit a5ee610: `FundsAxis::height` took one from the bar count).

use plan_explorer::view::charts::{ChartId, FundsAxis, fund_bars};

fn plans_only() -> plan_explorer::dataset::Dataset {
    let loaded = plan_explorer::dataset::load_file(&crate::common::fixture("plans_only.json"))
        .expect("reads");
    let problems = crate::common::messages(&loaded);
    let dataset = loaded.dataset.expect("valid");
    assert!(
        problems.iter().all(|p| !p.contains("error")),
        "{problems:?}"
    );
    assert!(dataset.series.is_empty() && dataset.funds.is_empty());
    assert!(dataset.targets.is_empty() && dataset.facts.is_empty());
    assert!(!dataset.plans.is_empty());
    dataset
}

/// The regression test for a5ee610: with no bars, `height` computed
/// `0 - 1 - i` in `usize`, which panics in a debug build.
#[test]
fn the_funds_axis_of_no_bars_has_heights_and_no_bar_anywhere() {
    let data = plans_only();
    let (bars, _) = fund_bars(&data, plan_explorer::i18n::Lang::En);
    assert!(bars.is_empty());
    for log_scale in [true, false] {
        let axis = FundsAxis::new(&bars, log_scale);
        assert!(axis.height(0).abs() < f64::EPSILON);
        assert!(axis.height(3).abs() < f64::EPSILON);
        assert_eq!(axis.bar_at(0.0, 0.0), None);
        assert_eq!(axis.bar_at(1.0, -1.0), None);
    }
}

#[test]
fn every_chart_of_plans_only_is_described_without_a_panic() {
    let data = plans_only();
    for chart in ChartId::ALL {
        let description = plan_explorer::view::describe::chart_description(
            &data,
            chart,
            plan_explorer::i18n::Lang::En,
            plan_explorer::view::amount::Convention::International,
        );
        assert!(!description.is_empty(), "{chart:?}");
    }
}
