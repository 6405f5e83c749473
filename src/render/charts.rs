//! Geometry for the two charts, drawn as SVG by the templates at build time:
//! a claim's spread of reported values (laid out by `dot_plot`), and claims
//! per month by status.

pub(super) use super::dot_plot::{Reported, dot_plot};
use super::views::StatusView;
pub(super) use super::views::charts::DotPlot;
use super::views::charts::{MonthBar, MonthChart, Segment};
use crate::index::MonthCounts;

const CHART_WIDTH: f64 = 640.0;
const CHART_HEIGHT: f64 = 180.0;
const CHART_LEFT: f64 = 36.0;
const CHART_BOTTOM: f64 = 24.0;
const CHART_TOP: f64 = 8.0;

/// Months a chart has room for at full bar width: fewer months keep that
/// width, centred, so a young site's one month is not one slab.
const FULL_WIDTH_MONTHS: usize = 12;

/// Lays out monthly counts (oldest month first) as stacked bars in `statuses` order.
pub(super) fn month_chart(
    months: &[MonthCounts],
    statuses: &[StatusView],
    t: &crate::i18n::Translations,
) -> Option<MonthChart> {
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
                label: t.month_label(*year, *month),
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
    fn a_short_history_spans_its_own_months_centred() {
        let one = vec![(2026, 3, BTreeMap::from([("supported", 2)]))];
        let chart = month_chart(&one, &[], &Default::default()).unwrap();
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
        let chart = month_chart(
            &months,
            &[status("supported"), status("refuted")],
            &Default::default(),
        )
        .unwrap();
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
