//! The chart views: the geometry of a claim's dot plot and of the claims-per-month
//! chart, as templates see them. [`crate::render`]'s `charts` module lays them out.

use serde::Serialize;

use super::StatusView;

/// A dot plot: one row per value, all on one horizontal scale.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DotPlot {
    /// Width of the SVG's `viewBox`, in its user units.
    pub width: u32,
    /// Height of the SVG's `viewBox`, in its user units.
    pub height: u32,
    /// x of the scale's left end.
    pub left: u32,
    /// x of the scale's right end.
    pub right: u32,
    /// y of the axis line.
    pub axis_y: u32,
    /// Labels under the axis: the smallest and largest value, or one when all are equal.
    pub ticks: Vec<Tick>,
    /// The claimed value first, then each citation's.
    pub rows: Vec<DotRow>,
    /// One sentence describing the plot, for screen readers.
    pub summary: String,
}

/// A labelled point on an axis.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Tick {
    /// x of the label's centre.
    pub x: f64,
    /// The value with its unit.
    pub label: String,
}

/// One value in a dot plot.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DotRow {
    /// y of the row's centre.
    pub y: u32,
    /// x of the dot.
    pub x: f64,
    /// Who reports the value (shortened to fit).
    pub label: String,
    /// The value with its unit.
    pub value_display: String,
    /// `claimed`, or the citation's stance.
    pub kind: String,
}

/// Claims per month as stacked bars.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MonthChart {
    /// Width of the SVG's `viewBox`, in its user units.
    pub width: u32,
    /// Height of the SVG's `viewBox`, in its user units.
    pub height: u32,
    /// x where bars start.
    pub left: u32,
    /// y of the baseline.
    pub baseline: u32,
    /// The tallest bar's total.
    pub max: usize,
    /// One bar per month, oldest first.
    pub bars: Vec<MonthBar>,
}

/// One month's bar.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct MonthBar {
    /// `April 2026`.
    pub label: String,
    /// Axis label shown under the bar (the year at each January and at the first bar), or empty.
    pub tick: String,
    /// x of the bar's left edge, in `viewBox` units.
    pub x: f64,
    /// The bar's width, in `viewBox` units.
    pub width: f64,
    /// How many claims were made that month, all statuses together.
    pub total: usize,
    /// Claims that month per status, in status order (zeros included), for a data table.
    pub counts: Vec<usize>,
    /// Stacked segments, bottom first, in status order.
    pub segments: Vec<Segment>,
}

/// One status's part of a bar.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Segment {
    /// The status this segment counts.
    pub status: StatusView,
    /// Claims with it that month.
    pub count: usize,
    /// y of the segment's top edge, in `viewBox` units (y grows downwards).
    pub y: f64,
    /// The segment's height, in `viewBox` units.
    pub height: f64,
}
