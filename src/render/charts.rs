//! Geometry for the two charts, drawn as SVG by the templates at build time:
//! a claim's spread of reported values (laid out by `dot_plot`), and claims
//! per month by status.

use std::collections::BTreeMap;

pub(super) use super::dot_plot::{Reported, dot_plot};
use super::format::month_label;
use super::views::StatusView;
pub(super) use super::views::charts::DotPlot;
use super::views::charts::{MonthBar, MonthChart, Segment};
use crate::index::MonthCounts;

const CHART_WIDTH: f64 = 640.0;
const CHART_HEIGHT: f64 = 180.0;
const CHART_LEFT: f64 = 36.0;
const CHART_BOTTOM: f64 = 24.0;
const CHART_TOP: f64 = 8.0;

/// Fewest months a chart spans, so a young site's bars keep a sensible width.
const MIN_MONTHS: usize = 12;

/// Pads `months` (oldest first) with empty months before the first, up to [`MIN_MONTHS`].
pub(super) fn pad_months(mut months: Vec<MonthCounts<'_>>) -> Vec<MonthCounts<'_>> {
    while let Some(&(year, month, _)) = months.first().filter(|_| months.len() < MIN_MONTHS) {
        let earlier = if month == 1 {
            (year - 1, 12)
        } else {
            (year, month - 1)
        };
        months.insert(0, (earlier.0, earlier.1, BTreeMap::new()));
    }
    months
}

/// Lays out monthly counts (oldest month first) as stacked bars in `statuses` order.
pub(super) fn month_chart(months: &[MonthCounts], statuses: &[StatusView]) -> Option<MonthChart> {
    let max = months.iter().map(|m| m.2.values().sum::<usize>()).max()?;
    let plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    let slot = (CHART_WIDTH - CHART_LEFT) / months.len() as f64;
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
                x: round(CHART_LEFT + i as f64 * slot + slot * 0.1),
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
    use super::*;

    #[test]
    fn short_histories_are_padded_to_a_year() {
        let months = pad_months(vec![(2026, 3, BTreeMap::from([("supported", 2)]))]);
        assert_eq!(months.len(), 12);
        assert_eq!((months[0].0, months[0].1), (2025, 4));
        assert_eq!((months[11].0, months[11].1), (2026, 3));
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
