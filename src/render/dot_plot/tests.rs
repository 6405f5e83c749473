//! The dot plot's layout: scale choice, ticks, ranges and bounds, summary.

use super::*;
use crate::i18n::Translations;

fn exact(value: f64) -> Amount {
    Amount::Value {
        value,
        qualifier: Qualifier::Exact,
    }
}

fn evidence(source: &str, amount: Amount, stance: &str) -> Reported {
    Reported {
        source: source.into(),
        amount,
        stance: stance.into(),
    }
}

#[test]
fn a_linear_plot_spans_min_to_max() {
    let reported = vec![
        evidence("Acme Blog", exact(35.0), "supports"),
        evidence("Press", exact(22.5), "contradicts"),
    ];
    let plot = dot_plot(exact(35.0), "%", &reported, &Translations::default()).unwrap();
    assert_eq!(plot.rows.len(), 3);
    assert_eq!(plot.rows[0].x, f64::from(plot.right), "35 is the maximum");
    assert_eq!(plot.rows[2].x, f64::from(plot.left), "22.5 is the minimum");
    let ticks: Vec<(&str, &str)> = plot
        .ticks
        .iter()
        .map(|t| (t.label.as_str(), t.anchor.as_str()))
        .collect();
    assert_eq!(ticks, [("22.5%", "start"), ("35%", "end")]);
    assert!(!plot.log_scale);
    assert_eq!(plot.axis_note, "");
    assert_eq!(
        plot.summary,
        "Claimed 35%; 2 sources report values from 22.5% to 35%."
    );
    let same = dot_plot(exact(35.0), "%", &reported[..1], &Translations::default()).unwrap();
    assert_eq!(same.ticks.len(), 1, "one label when every value is equal");
    assert_eq!(same.summary, "Claimed 35%; 1 source reports 35%.");
    assert!(dot_plot(exact(1.0), "", &[], &Translations::default()).is_none());
}

#[test]
fn the_scale_is_logarithmic_exactly_when_positive_numbers_span_over_100_times() {
    let scale = |numbers: &[f64]| Scale::fitting(numbers.iter().copied()).is_log();
    assert!(!scale(&[1.0, 100.0]), "100× is still linear");
    assert!(scale(&[1.0, 100.000_001]));
    assert!(scale(&[0.0004, 2e25]));
    assert!(!scale(&[0.0, 1e6]), "zero has no logarithm");
    assert!(!scale(&[-1.0, 1e6]), "nor do negative numbers");
    assert!(!scale(&[5.0, 5.0]));
}

#[test]
fn log_ticks_are_labelled_powers_of_ten_that_do_not_crowd() {
    let reported = [evidence("Lab", exact(1e18), "neutral")];
    let plot = dot_plot(exact(2e25), "FLOP", &reported, &Translations::default()).unwrap();
    assert!(plot.log_scale);
    assert_eq!(plot.axis_note, "FLOP · log scale");
    let labels: Vec<&str> = plot.ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["1 × 10¹⁸", "1 × 10²¹", "1 × 10²⁴"]);
    assert!(plot.ticks.len() <= MAX_TICKS);
    let gaps: Vec<f64> = plot.ticks.windows(2).map(|w| w[1].x - w[0].x).collect();
    assert!(gaps.iter().all(|&gap| gap >= 8.0 * CHAR_WIDTH), "{gaps:?}");
    assert_eq!(
        plot.summary,
        "Claimed 2 × 10²⁵ FLOP; 1 source reports 1 × 10¹⁸ FLOP; log scale."
    );
    let wide = dot_plot(
        exact(1e30),
        "%",
        &[evidence("Lab", exact(1.0), "neutral")],
        &Translations::default(),
    );
    assert!(wide.unwrap().ticks.len() <= MAX_TICKS);
}

#[test]
fn ranges_are_bars_and_bounds_point_where_the_value_may_lie() {
    let reported = [
        evidence(
            "Press",
            Amount::Range {
                min: 20.0,
                max: 25.0,
                approximate: true,
            },
            "contradicts",
        ),
        evidence(
            "Blog",
            Amount::Value {
                value: 30.0,
                qualifier: Qualifier::Nearly,
            },
            "supports",
        ),
    ];
    let claimed = Amount::Value {
        value: 10.0,
        qualifier: Qualifier::AtLeast,
    };
    let plot = dot_plot(claimed, "%", &reported, &Translations::default()).unwrap();
    let arrow = plot.rows[0].arrow.as_ref().unwrap();
    assert!(arrow.x2 > plot.rows[0].x, "at least: the arrow points up");
    assert!(!plot.rows[0].open, "at least includes the value");
    let range = plot.rows[1].range.as_ref().unwrap();
    assert!(range.x1 < plot.rows[1].x && plot.rows[1].x < range.x2);
    assert_eq!(range.width, range.x2 - range.x1);
    assert!(plot.rows[1].approximate);
    let nearly = plot.rows[2].arrow.as_ref().unwrap();
    assert!(nearly.x2 < plot.rows[2].x, "nearly: the value is below");
    assert!(plot.rows[2].open);
    assert_eq!(
        plot.summary,
        "Claimed at least 10%; 2 sources report about 20 to 25% and nearly 30%."
    );
}
