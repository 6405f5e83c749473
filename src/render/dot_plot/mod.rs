//! The geometry of a claim's dot plot: the claimed amount and each piece of
//! evidence's reported amount on one horizontal scale. One value is a dot
//! (open for a strict bound, ringed when approximate), a bound adds an arrow
//! towards where the value may lie, a range is a bar from its low to its high
//! end. The scale is logarithmic when every number is positive and the
//! largest is more than [`LOG_SPAN`] times the smallest.

use super::number::{amount_in, number_in, with_unit};
use super::views::charts::{Arrow, DotPlot, DotRow, Tick, XSpan};
use crate::i18n::Translations;
use crate::model::Amount;
use crate::parse::Qualifier;

const PLOT_WIDTH: f64 = 400.0;
const LABEL_WIDTH: f64 = 150.0;
/// Room at each end of the scale, so an arrow from an end dot still shows.
const PLOT_PADDING: f64 = 24.0;
const ROW_HEIGHT: u32 = 24;
const MAX_LABEL_CHARS: usize = 19;
/// The length of a bound's arrow, in `viewBox` units.
const ARROW_LENGTH: f64 = 20.0;
/// Largest ratio of highest to lowest number drawn on a linear scale.
pub(crate) const LOG_SPAN: f64 = 100.0;
/// Most labels under a logarithmic axis.
const MAX_TICKS: usize = 6;
/// Rough width of one character of an axis label, in drawing units, to keep
/// labels from overlapping: phones draw labels at 14 units (so that the
/// scaled-down plot still shows them at 12 px or more), and an average
/// character is about 0.6 of the font size.
const CHAR_WIDTH: f64 = 8.5;
/// Units written right after the number (`35%`); others go after a space and
/// are too long to repeat under every tick.
const TIGHT_UNITS: [&str; 3] = ["%", "x", "×"];

/// One piece of evidence with a reported amount.
pub(crate) struct Reported {
    /// The name of its source, the row's label.
    pub source: String,
    /// What it reports.
    pub amount: Amount,
    /// Its stance, which colours its row.
    pub stance: String,
}

/// Lays out the claimed amount and each reported one. Returns `None` when no
/// evidence reports a value.
pub(crate) fn dot_plot(
    claimed: Amount,
    unit: &str,
    reported: &[Reported],
    t: &Translations,
) -> Option<DotPlot> {
    if reported.is_empty() {
        return None;
    }
    let all = || std::iter::once(&claimed).chain(reported.iter().map(|r| &r.amount));
    let scale = Scale::fitting(all().flat_map(|a| [a.low(), a.high()]));
    let mut rows = vec![row(
        0,
        &scale,
        t.text("plot_claimed"),
        &claimed,
        unit,
        "claimed",
        t,
    )];
    for (i, evidence) in reported.iter().enumerate() {
        let kind = evidence.stance.as_str();
        rows.push(row(
            i + 1,
            &scale,
            &evidence.source,
            &evidence.amount,
            unit,
            kind,
            t,
        ));
    }
    let axis_y = ROW_HEIGHT * rows.len() as u32 + 4;
    let tight = unit.is_empty() || TIGHT_UNITS.contains(&unit);
    let tick_unit = if tight { unit } else { "" };
    let unit_label = (!tight).then(|| unit.to_string());
    let notes = [
        unit_label.clone(),
        scale.is_log().then(|| t.text("plot_log_scale").to_string()),
    ];
    let axis_note = notes.into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let extra = if axis_note.is_empty() { 0 } else { 16 };
    Some(DotPlot {
        width: PLOT_WIDTH as u32,
        height: axis_y + 20 + extra,
        left: Scale::LEFT as u32,
        right: Scale::RIGHT as u32,
        axis_y,
        ticks: scale.ticks(tick_unit, t),
        rows,
        summary: summary(&claimed, reported, unit, scale.is_log(), t),
        log_scale: scale.is_log(),
        axis_note,
        middle: ((Scale::LEFT + Scale::RIGHT) / 2.0) as u32,
    })
}

/// Where numbers go across the plot.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Scale {
    /// Every number is the same: one point in the middle.
    Point(f64),
    /// Evenly from `min` to `max`.
    Linear { min: f64, max: f64 },
    /// Evenly by powers of ten, from `log10(min)` to `log10(max)`.
    Log { low: f64, high: f64 },
}

impl Scale {
    const LEFT: f64 = LABEL_WIDTH + PLOT_PADDING;
    const RIGHT: f64 = PLOT_WIDTH - PLOT_PADDING;

    /// The scale for `numbers`: logarithmic when all are positive and span
    /// more than [`LOG_SPAN`] times, else linear.
    fn fitting(numbers: impl Iterator<Item = f64>) -> Scale {
        let (min, max) = numbers.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        if min >= max {
            Scale::Point(min)
        } else if min > 0.0 && max / min > LOG_SPAN {
            Scale::Log {
                low: min.log10(),
                high: max.log10(),
            }
        } else {
            Scale::Linear { min, max }
        }
    }

    fn is_log(&self) -> bool {
        matches!(self, Scale::Log { .. })
    }

    /// The x of `value`.
    fn x(&self, value: f64) -> f64 {
        let share = match *self {
            Scale::Point(_) => 0.5,
            // Halved first: `max - min` of two numbers near ±1.8e308 is
            // infinite, and would put every dot at NaN.
            Scale::Linear { min, max } => (value / 2.0 - min / 2.0) / (max / 2.0 - min / 2.0),
            Scale::Log { low, high } => (value.log10() - low) / (high - low),
        };
        round(Self::LEFT + share * (Self::RIGHT - Self::LEFT))
    }

    /// Labels under the axis: both ends of a linear scale, the one value of
    /// a point, powers of ten (at most [`MAX_TICKS`], none overlapping) on a
    /// logarithmic scale.
    fn ticks(&self, unit: &str, t: &Translations) -> Vec<Tick> {
        let values = match *self {
            Scale::Point(value) => vec![value],
            Scale::Linear { min, max } => vec![min, max],
            Scale::Log { low, high } => self.powers_of_ten(low, high, unit),
        };
        values
            .into_iter()
            .map(|value| {
                let x = self.x(value);
                let anchor = if x - Self::LEFT < 30.0 && values_at_ends(self) {
                    "start"
                } else if Self::RIGHT - x < 30.0 && values_at_ends(self) {
                    "end"
                } else {
                    "middle"
                };
                Tick {
                    x,
                    label: with_unit(&number_in(value, Some(t)), unit),
                    anchor: anchor.to_string(),
                }
            })
            .collect()
    }

    /// Every `step`-th power of ten from `10^low` to `10^high`, the step the
    /// smallest that keeps labels apart and their number at most [`MAX_TICKS`].
    fn powers_of_ten(&self, low: f64, high: f64, unit: &str) -> Vec<f64> {
        let first = low.ceil() as i32;
        let last = high.floor() as i32;
        let power = |e: i32| format!("1e{e}").parse::<f64>().unwrap_or(f64::NAN);
        let decade = (Self::RIGHT - Self::LEFT) / (high - low);
        let widest = (first..=last)
            .map(|e| with_unit(&number_in(power(e), None), unit).chars().count())
            .max()
            .unwrap_or(0) as f64
            * CHAR_WIDTH;
        let count = |step: i32| ((last - first) / step + 1) as usize;
        let step = (1..)
            .find(|&step| {
                count(step) <= MAX_TICKS && decade * f64::from(step) >= widest + CHAR_WIDTH / 2.0
            })
            .unwrap_or(1);
        (first..=last)
            .step_by(step as usize)
            .map(power)
            .filter(|v| v.is_finite())
            .collect()
    }
}

/// Whether a scale's ticks may sit at its very ends (so their labels should
/// not hang over them).
fn values_at_ends(scale: &Scale) -> bool {
    !matches!(scale, Scale::Point(_))
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn row(
    index: usize,
    scale: &Scale,
    label: &str,
    stated: &Amount,
    unit: &str,
    kind: &str,
    t: &Translations,
) -> DotRow {
    let y = ROW_HEIGHT * index as u32 + ROW_HEIGHT / 2 + 2;
    let label = if label.chars().count() > MAX_LABEL_CHARS {
        let short: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        format!("{short}…")
    } else {
        label.to_string()
    };
    let mut row = DotRow {
        y,
        x: scale.x(stated.central()),
        label,
        value_display: amount_in(stated, unit, Some(t)),
        kind: kind.to_string(),
        range: None,
        arrow: None,
        open: false,
        approximate: false,
    };
    match *stated {
        Amount::Range {
            min,
            max,
            approximate,
        } => {
            let (x1, x2) = (scale.x(min), scale.x(max));
            row.range = Some(XSpan {
                x1,
                x2,
                width: round(x2 - x1),
            });
            row.approximate = approximate;
        }
        Amount::Value { qualifier, .. } => {
            row.approximate = qualifier == Qualifier::About;
            row.open = matches!(
                qualifier,
                Qualifier::Over | Qualifier::Under | Qualifier::Nearly
            );
            row.arrow = direction(qualifier).map(|towards| arrow(row.x, y, towards));
        }
    }
    row
}

/// Which way a bound's value may lie: `1.0` above, `-1.0` below.
fn direction(qualifier: Qualifier) -> Option<f64> {
    match qualifier {
        Qualifier::Over | Qualifier::AtLeast => Some(1.0),
        Qualifier::Under | Qualifier::AtMost | Qualifier::Nearly => Some(-1.0),
        Qualifier::Exact | Qualifier::About => None,
    }
}

/// An arrow from the dot at `x` towards `towards` (±1), its head a triangle.
fn arrow(x: f64, y: u32, towards: f64) -> Arrow {
    let (start, tip) = (round(x + towards * 7.0), round(x + towards * ARROW_LENGTH));
    let back = round(tip - towards * 6.0);
    let y = f64::from(y);
    Arrow {
        x1: start,
        x2: tip,
        head: format!("{tip},{y} {back},{} {back},{}", y - 4.0, y + 4.0),
    }
}

/// One sentence for screen readers and the caption: the claimed amount, what
/// the evidence reports, and the scale when it is logarithmic.
fn summary(
    claimed: &Amount,
    reported: &[Reported],
    unit: &str,
    log: bool,
    t: &Translations,
) -> String {
    let amount = |a: &Amount| amount_in(a, unit, Some(t));
    let number = |n: f64| number_in(n, Some(t));
    let claimed = amount(claimed);
    let evidence = match reported {
        [one] => t.fill("plot_one", &[("value", &amount(&one.amount))]),
        many if many.iter().all(is_exact) || many.len() > 5 => {
            let low = many
                .iter()
                .map(|r| r.amount.low())
                .fold(f64::INFINITY, f64::min);
            let high = many
                .iter()
                .map(|r| r.amount.high())
                .fold(f64::NEG_INFINITY, f64::max);
            let key = if many.iter().all(is_exact) {
                "plot_range"
            } else {
                "plot_range_bounds"
            };
            t.fill(
                key,
                &[
                    ("n", &many.len().to_string()),
                    ("low", &with_unit(&number(low), unit)),
                    ("high", &with_unit(&number(high), unit)),
                ],
            )
        }
        many => {
            let stated: Vec<String> = many.iter().map(|r| amount(&r.amount)).collect();
            let (last, rest) = stated
                .split_last()
                .map_or(("", &[][..]), |(l, r)| (l.as_str(), r));
            t.fill(
                "plot_list",
                &[
                    ("n", &many.len().to_string()),
                    ("list", &rest.join(", ")),
                    ("last", last),
                ],
            )
        }
    };
    let key = if log {
        "plot_summary_log"
    } else {
        "plot_summary"
    };
    t.fill(key, &[("claimed", &claimed), ("evidence", &evidence)])
}

fn is_exact(reported: &Reported) -> bool {
    matches!(
        reported.amount,
        Amount::Value {
            qualifier: Qualifier::Exact,
            ..
        }
    )
}

#[cfg(test)]
mod tests;
