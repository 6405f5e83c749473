//! An amount as the data files and templates get it: the numbers at full
//! precision, the qualifier word, and the text pages show.

use serde::Serialize;

use super::number;
use crate::i18n::Translations;
use crate::model::Amount;
use crate::parse::Qualifier;

/// An amount's fields, all `null` when there is no amount (a citation that
/// reports no value).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub(crate) struct AmountFields {
    /// The stated value, as a JSON number; `null` for a range.
    pub value: Option<f64>,
    /// How the value is stated (`exact`, `about`, `over`, …); a range is
    /// `exact` or `about`.
    pub qualifier: Option<Qualifier>,
    /// The low end of a range; `null` for one value.
    pub min: Option<f64>,
    /// The high end of a range; `null` for one value.
    pub max: Option<f64>,
    /// The amount with its unit as pages show it: `over 100,000 GB200 chips`.
    pub display: Option<String>,
}

impl AmountFields {
    /// The fields of `amount` in `unit`, or all `null` for no amount.
    pub(crate) fn of(amount: Option<&Amount>, unit: &str) -> AmountFields {
        AmountFields::of_in(amount, unit, None)
    }

    /// [`AmountFields::of`] with the text in the language of `t` (English
    /// for `None`, as the data files have it).
    pub(crate) fn of_in(
        amount: Option<&Amount>,
        unit: &str,
        t: Option<&Translations>,
    ) -> AmountFields {
        let Some(amount) = amount else {
            return AmountFields::default();
        };
        let display = Some(number::amount_in(amount, unit, t));
        match *amount {
            Amount::Value { value, qualifier } => AmountFields {
                value: Some(value),
                qualifier: Some(qualifier),
                display,
                ..AmountFields::default()
            },
            Amount::Range {
                min,
                max,
                approximate,
            } => AmountFields {
                qualifier: Some(if approximate {
                    Qualifier::About
                } else {
                    Qualifier::Exact
                }),
                min: Some(min),
                max: Some(max),
                display,
                ..AmountFields::default()
            },
        }
    }
}
