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
    /// Labels under the axis: the smallest and largest number, one when all
    /// are equal, or powers of ten on a logarithmic scale.
    pub ticks: Vec<Tick>,
    /// The claimed amount first, then each piece of evidence's.
    pub rows: Vec<DotRow>,
    /// One sentence describing the plot, for screen readers and the
    /// caption: qualifiers and ranges in words, and "log scale" when it is.
    pub summary: String,
    /// True when the axis is logarithmic (numbers spanning more than 100×).
    pub log_scale: bool,
    /// A line under the ticks, empty when there is nothing to say: the unit
    /// when it is too long to repeat under every tick (`GB200 chips`; `%`,
    /// `x` and `×` go on the ticks), and `log scale` when it is.
    pub axis_note: String,
    /// x of the middle of the scale, where the note is centred.
    pub middle: u32,
}

/// A labelled point on an axis.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Tick {
    /// x of the label's centre.
    pub x: f64,
    /// The number, with its unit when the unit is `%`, `x` or `×`.
    pub label: String,
    /// The label's SVG `text-anchor`: `start` or `end` at the ends of the
    /// axis (so it stays inside the plot), else `middle`.
    pub anchor: String,
}

/// One value in a dot plot.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DotRow {
    /// y of the row's centre.
    pub y: u32,
    /// x of the dot (the middle of a range).
    pub x: f64,
    /// Who reports the value (shortened to fit).
    pub label: String,
    /// The amount with its qualifier and unit: `over 100,000 GB200 chips`.
    pub value_display: String,
    /// `claimed`, or the citation's stance.
    pub kind: String,
    /// For a range, the bar from its low to its high end (drawn instead of a dot).
    pub range: Option<XSpan>,
    /// For a bound (over, at least, nearly, under, at most), the arrow from
    /// the dot towards where the value may lie.
    pub arrow: Option<Arrow>,
    /// True for a strict bound (over, under, nearly): the dot is drawn open.
    pub open: bool,
    /// True for an approximate value or range (about).
    pub approximate: bool,
}

/// A stretch of the axis, from `x1` to `x2`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct XSpan {
    /// x of the low end.
    pub x1: f64,
    /// x of the high end.
    pub x2: f64,
    /// `x2 - x1`.
    pub width: f64,
}

/// A bound's arrow: a line from `x1` to `x2` on its row, and a head.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Arrow {
    /// x where the line starts, beside the dot.
    pub x1: f64,
    /// x of the arrow's tip.
    pub x2: f64,
    /// The head, as an SVG polygon's `points`.
    pub head: String,
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
