//! Geometry for the two charts, drawn as SVG by the templates at build time:
//! a claim's spread of reported values, and claims per month by status.

use super::format::{format_with_unit, month_label};
use super::views::StatusView;
pub(super) use super::views::charts::DotPlot;
use super::views::charts::{DotRow, MonthBar, MonthChart, Segment, Tick};
use crate::index::MonthCounts;

const PLOT_WIDTH: f64 = 400.0;
const LABEL_WIDTH: f64 = 150.0;
const PLOT_PADDING: f64 = 14.0;
const ROW_HEIGHT: u32 = 24;
const MAX_LABEL_CHARS: usize = 22;

/// Lays out the claimed value and each source's reported value.
/// Returns `None` when no source reports a value.
pub(super) fn dot_plot(
    claimed: f64,
    unit: &str,
    reported: &[(String, f64, String)],
) -> Option<DotPlot> {
    if reported.is_empty() {
        return None;
    }
    let values = std::iter::once(claimed).chain(reported.iter().map(|r| r.1));
    let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (left, right) = (LABEL_WIDTH + PLOT_PADDING, PLOT_WIDTH - PLOT_PADDING);
    let scale = |v: f64| {
        if max > min {
            left + (v - min) / (max - min) * (right - left)
        } else {
            (left + right) / 2.0
        }
    };
    let mut rows = vec![row(0, scale(claimed), "Claimed", claimed, unit, "claimed")];
    for (i, (source, value, stance)) in reported.iter().enumerate() {
        rows.push(row(i + 1, scale(*value), source, *value, unit, stance));
    }
    let axis_y = ROW_HEIGHT * rows.len() as u32 + 4;
    let ticks = if max > min {
        vec![
            Tick {
                x: left,
                label: format_with_unit(min, unit),
            },
            Tick {
                x: right,
                label: format_with_unit(max, unit),
            },
        ]
    } else {
        vec![Tick {
            x: scale(min),
            label: format_with_unit(min, unit),
        }]
    };
    let (low, high) = reported
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r.1), hi.max(r.1))
        });
    let summary = match reported.len() {
        1 => format!(
            "Claimed {}; 1 source reports {}.",
            format_with_unit(claimed, unit),
            format_with_unit(low, unit)
        ),
        n => format!(
            "Claimed {}; {n} sources report values from {} to {}.",
            format_with_unit(claimed, unit),
            format_with_unit(low, unit),
            format_with_unit(high, unit)
        ),
    };
    Some(DotPlot {
        width: PLOT_WIDTH as u32,
        height: axis_y + 20,
        left: left as u32,
        right: right as u32,
        axis_y,
        ticks,
        rows,
        summary,
    })
}

fn row(index: usize, x: f64, label: &str, value: f64, unit: &str, kind: &str) -> DotRow {
    let label = if label.chars().count() > MAX_LABEL_CHARS {
        let short: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        format!("{short}…")
    } else {
        label.to_string()
    };
    DotRow {
        y: ROW_HEIGHT * index as u32 + ROW_HEIGHT / 2 + 2,
        x: (x * 10.0).round() / 10.0,
        label,
        value_display: format_with_unit(value, unit),
        kind: kind.to_string(),
    }
}

const CHART_WIDTH: f64 = 640.0;
const CHART_HEIGHT: f64 = 180.0;
const CHART_LEFT: f64 = 36.0;
const CHART_BOTTOM: f64 = 24.0;
const CHART_TOP: f64 = 8.0;

/// Months a chart has room for at full bar width: fewer months keep that
/// width, centred, so a young site's one month is not one slab.
const FULL_WIDTH_MONTHS: usize = 12;

/// Lays out monthly counts (oldest month first) as stacked bars in `statuses` order.
pub(super) fn month_chart(months: &[MonthCounts], statuses: &[StatusView]) -> Option<MonthChart> {
    let max = months.iter().map(|m| m.2.values().sum::<usize>()).max()?;
    let plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    let plot_width = CHART_WIDTH - CHART_LEFT;
    let slot = plot_width / months.len().max(FULL_WIDTH_MONTHS) as f64;
    let start = CHART_LEFT + (plot_width - slot * months.len() as f64) / 2.0;
    let baseline = CHART_HEIGHT - CHART_BOTTOM;
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let bars = months
        .iter()
        .enumerate()
        .map(|(i, (year, month, counts))| {
            let mut top = baseline;
            let segments = statuses
                .iter()
                .filter_map(|status| {
                    let count = *counts.get(status.id.as_str())?;
                    let height = count as f64 / max as f64 * plot_height;
                    top -= height;
                    Some(Segment {
                        status: status.clone(),
                        count,
                        y: round(top),
                        height: round(height),
                    })
                })
                .collect();
            let tick = if i == 0 || *month == 1 {
                year.to_string()
            } else {
                String::new()
            };
            MonthBar {
                label: month_label(*year, *month),
                tick,
                x: round(start + i as f64 * slot + slot * 0.1),
                width: round(slot * 0.8),
                total: counts.values().sum(),
                counts: statuses
                    .iter()
                    .map(|s| counts.get(s.id.as_str()).copied().unwrap_or(0))
                    .collect(),
                segments,
            }
        })
        .collect();
    Some(MonthChart {
        width: CHART_WIDTH as u32,
        height: CHART_HEIGHT as u32,
        left: CHART_LEFT as u32,
        baseline: baseline as u32,
        max,
        bars,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn dot_plot_spans_min_to_max() {
        let reported = vec![
            ("Acme Blog".to_string(), 35.0, "supports".to_string()),
            ("Press".to_string(), 22.5, "contradicts".to_string()),
        ];
        let plot = dot_plot(35.0, "%", &reported).unwrap();
        assert_eq!(plot.rows.len(), 3);
        assert_eq!(
            plot.rows[0].x,
            f64::from(plot.right),
            "the claimed 35 is the maximum"
        );
        assert_eq!(plot.rows[2].x, f64::from(plot.left), "22.5 is the minimum");
        let ticks: Vec<&str> = plot.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ticks, ["22.5%", "35%"]);
        assert_eq!(
            plot.summary,
            "Claimed 35%; 2 sources report values from 22.5% to 35%."
        );
        let same = dot_plot(35.0, "%", &reported[..1]).unwrap();
        assert_eq!(same.ticks.len(), 1, "one label when every value is equal");
        assert_eq!(same.summary, "Claimed 35%; 1 source reports 35%.");
        assert!(dot_plot(1.0, "", &[]).is_none());
    }

    #[test]
    fn a_short_history_spans_its_own_months_centred() {
        let one = vec![(2026, 3, BTreeMap::from([("supported", 2)]))];
        let chart = month_chart(&one, &[]).unwrap();
        assert_eq!(chart.bars.len(), 1, "no empty months before it");
        let bar = &chart.bars[0];
        assert_eq!(bar.tick, "2026");
        let full_width = (CHART_WIDTH - CHART_LEFT) / FULL_WIDTH_MONTHS as f64 * 0.8;
        assert!((bar.width - full_width).abs() < 0.1, "{}", bar.width);
        let middle = bar.x + bar.width / 2.0;
        let plot_middle = (CHART_LEFT + CHART_WIDTH) / 2.0;
        assert!((middle - plot_middle).abs() < 0.1, "centred: {middle}");
    }

    #[test]
    fn month_chart_stacks_in_status_order() {
        let status = |id: &str| StatusView {
            id: id.into(),
            label: id.into(),
            color: "#000".into(),
            text_color: "#fff".into(),
            description: String::new(),
            url: String::new(),
        };
        let months = vec![
            (2025, 12, BTreeMap::from([("supported", 1), ("refuted", 1)])),
            (2026, 1, BTreeMap::new()),
            (2026, 2, BTreeMap::from([("supported", 4)])),
        ];
        let chart = month_chart(&months, &[status("supported"), status("refuted")]).unwrap();
        assert_eq!(chart.max, 4);
        let totals: Vec<usize> = chart.bars.iter().map(|b| b.total).collect();
        assert_eq!(totals, [2, 0, 4]);
        let ticks: Vec<&str> = chart.bars.iter().map(|b| b.tick.as_str()).collect();
        assert_eq!(ticks, ["2025", "2026", ""]);
        assert_eq!(
            chart.bars[2].segments[0].height, 148.0,
            "the tallest bar fills the plot"
        );
        assert_eq!(
            chart.bars[0].segments[1].status.id, "refuted",
            "stacked in status order"
        );
    }
}
