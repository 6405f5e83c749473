//! Reading an amount the way a claim states it, shared by `[quantity]` and a
//! citation's reported value: `value`, or `min` and `max` for a range, with an
//! optional `qualifier` ("over", "nearly", "about", …).

use std::ops::Range;

use super::{Qualifier, check_choice};
use crate::amount::Amount;
use crate::fields::{Fields, Located};

/// Whether the table must state an amount (`[quantity]`) or may leave it out
/// (a citation that reports no value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Needed {
    /// Missing `value` (and range) is an error.
    Required,
    /// No `value`, `min`, `max` or `qualifier`: no amount, no error.
    Optional,
}

/// The amount in `fields`, or `None` when there is none or it is wrong
/// (every problem reported, located at the key to change).
pub(super) fn read_amount(fields: &mut Fields, needed: Needed) -> Option<Amount> {
    let value = fields.optional_number("value");
    let min = fields.optional_number("min");
    let max = fields.optional_number("max");
    let qualifier = read_qualifier(fields);
    let range_span = fields.span_of("min").or_else(|| fields.span_of("max"));
    if let (Some(_), Some(span)) = (fields.span_of("value"), range_span.clone()) {
        both_forms(fields, span);
        return None;
    }
    if range_span.is_some() {
        return read_range(fields, min, max, qualifier);
    }
    if !fields.has("value") {
        match (needed, qualifier) {
            (Needed::Required, _) => {
                fields.required_number("value");
            }
            (Needed::Optional, Some((_, span))) => qualifier_alone(fields, span),
            (Needed::Optional, None) => {}
        }
        return None;
    }
    Some(Amount::Value {
        value: value?.value,
        qualifier: qualifier.map_or(Qualifier::Exact, |(q, _)| q),
    })
}

/// The `qualifier`, with where it is written, if given; a word outside the
/// list is reported (with the word it probably means) and reads as `exact`.
fn read_qualifier(fields: &mut Fields) -> Option<(Qualifier, Range<usize>)> {
    let span = fields.span_of("qualifier")?;
    let word = fields.optional_str("qualifier");
    Some((check_choice::<Qualifier>(fields, "qualifier", word), span))
}

fn read_range(
    fields: &mut Fields,
    min: Option<Located<f64>>,
    max: Option<Located<f64>>,
    qualifier: Option<(Qualifier, Range<usize>)>,
) -> Option<Amount> {
    let approximate = match qualifier {
        None | Some((Qualifier::Exact, _)) => false,
        Some((Qualifier::About, _)) => true,
        Some((bound, span)) => {
            bound_on_range(fields, bound, span);
            return None;
        }
    };
    let (min, max) = match (fields.span_of("min"), fields.span_of("max")) {
        (Some(_), Some(_)) => (min?, max?),
        (Some(span), None) => return half_range(fields, "min", span),
        (None, Some(span)) => return half_range(fields, "max", span),
        (None, None) => return None,
    };
    if min.value >= max.value {
        unordered_range(fields, &min, &max);
        return None;
    }
    Some(Amount::Range {
        min: min.value,
        max: max.value,
        approximate,
    })
}

fn both_forms(fields: &mut Fields, span: Range<usize>) {
    fields.error(
        span,
        "`value` and `min`/`max` are both given: an amount is one value or a range, not both"
            .into(),
        Some("keep `value` for one number, or `min` and `max` for a range".into()),
    );
}

fn qualifier_alone(fields: &mut Fields, span: Range<usize>) {
    fields.error(
        span,
        "`qualifier` says how exact a value is, but there is no `value`".into(),
        Some("add the `value` it qualifies, or remove `qualifier`".into()),
    );
}

fn half_range(fields: &mut Fields, given: &str, span: Range<usize>) -> Option<Amount> {
    let (missing, bound) = if given == "min" {
        ("max", "at-least")
    } else {
        ("min", "at-most")
    };
    fields.error(
        span,
        format!("`{given}` without `{missing}`: a range needs both ends"),
        Some(format!(
            "add `{missing} = …`, or for an open-ended amount write `value = …` with `qualifier = \"{bound}\"`"
        )),
    );
    None
}

fn unordered_range(fields: &mut Fields, min: &Located<f64>, max: &Located<f64>) {
    let (low, high) = (
        crate::amount::round_trip(min.value),
        crate::amount::round_trip(max.value),
    );
    let hint = if min.value == max.value {
        format!("a single number is written `value = {low}`")
    } else {
        format!("swap them: `min = {high}`, `max = {low}`")
    };
    fields.error(
        max.span.clone(),
        format!("`min` ({low}) must be less than `max` ({high})"),
        Some(hint),
    );
}

fn bound_on_range(fields: &mut Fields, bound: Qualifier, span: Range<usize>) {
    fields.error(
        span,
        format!(
            "a range can be `exact` or `about`, not `{}`: its ends already bound it",
            bound.as_str()
        ),
        Some(
            "remove `qualifier` or write `qualifier = \"about\"`; for an open-ended amount write one `value` instead of `min` and `max`"
                .into(),
        ),
    );
}
