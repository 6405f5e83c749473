//! A number the way AI claims state it: exact, qualified ("over 100,000",
//! "nearly 2 petabytes") or a range ("20 to 25"). Shared by the parsed files
//! (`crate::doc`) and the model, which re-exports it as `model::Amount`.

use crate::parse::vocabulary::Qualifier;

/// A number the way a claim or a document states it: one value, exact or
/// qualified ("over 100,000"), or a range ("20 to 25").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// One value, with how exactly it is stated.
    Value {
        /// The number as written (TOML integer or float, e.g. `2e25`).
        value: f64,
        /// "exact", "over", "nearly", …
        qualifier: Qualifier,
    },
    /// Every value from `min` to `max` (validation ensures `min < max`).
    Range {
        /// The low end.
        min: f64,
        /// The high end.
        max: f64,
        /// "about 20 to 25" rather than "20 to 25".
        approximate: bool,
    },
}

impl Amount {
    /// An exact value.
    pub fn exact(value: f64) -> Amount {
        Amount::Value {
            value,
            qualifier: Qualifier::Exact,
        }
    }

    /// The lowest number the amount names.
    pub fn low(&self) -> f64 {
        match *self {
            Amount::Value { value, .. } => value,
            Amount::Range { min, .. } => min,
        }
    }

    /// The highest number the amount names.
    pub fn high(&self) -> f64 {
        match *self {
            Amount::Value { value, .. } => value,
            Amount::Range { max, .. } => max,
        }
    }

    /// The one number a sort or a single dot stands for: the value, or the
    /// middle of a range.
    pub fn central(&self) -> f64 {
        // Halved first: the sum of two numbers near 1.8e308 is infinite.
        self.low() / 2.0 + self.high() / 2.0
    }
}

/// `value` as its shortest text that reads back as the same number: plain
/// digits from 10⁻⁴ up to 10¹⁵ (`35`, `22.5`, `0.0004`), exponent form
/// outside (`2e25`, `1.5e-7`), so no number is ever written with 27 digits.
pub(crate) fn round_trip(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude == 0.0 || (1e-4..1e15).contains(&magnitude) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}
