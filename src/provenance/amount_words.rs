//! An amount as a change record writes it (`over 100000`, `about 20 to
//! 25`: plain digits, English words, the same in `changes.json`, `diff` and
//! the history cache), and read back, so pages can word it in their language.

use crate::amount::{Amount, round_trip};
use crate::parse::{Qualifier, Vocabulary};

/// An amount as readers see it: `35`, `over 100000`, `about 20 to 25`.
pub(crate) fn amount_text(amount: Amount) -> String {
    match amount {
        Amount::Value {
            value,
            qualifier: Qualifier::Exact,
        } => round_trip(value),
        Amount::Value { value, qualifier } => {
            format!("{} {}", qualifier.as_str(), round_trip(value))
        }
        Amount::Range {
            min,
            max,
            approximate,
        } => {
            let about = if approximate { "about " } else { "" };
            format!("{about}{} to {}", round_trip(min), round_trip(max))
        }
    }
}

/// The amount [`amount_text`] wrote as `text`, so pages can show it in their
/// language with grouped digits (`over 100,000`); `None` for any other text.
pub(crate) fn amount_of_text(text: &str) -> Option<Amount> {
    let (approximate, plain) = match text.strip_prefix("about ") {
        Some(rest) if rest.contains(" to ") => (true, rest),
        _ => (false, text),
    };
    if let Some((min, max)) = plain.split_once(" to ") {
        let (min, max) = (min.parse().ok()?, max.parse().ok()?);
        return Some(Amount::Range {
            min,
            max,
            approximate,
        });
    }
    let (qualifier, number) = match text.split_once(' ') {
        Some((word, number)) => (Qualifier::parse(word)?, number),
        None => (Qualifier::Exact, text),
    };
    let value = number.parse().ok()?;
    Some(Amount::Value { value, qualifier })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_amount_text_reads_back_as_its_amount() {
        let value = |value, qualifier| Amount::Value { value, qualifier };
        let amounts = [
            value(35.0, Qualifier::Exact),
            value(100_000.0, Qualifier::Over),
            value(15e12, Qualifier::Over),
            value(2e25, Qualifier::AtLeast),
            value(1.5e-7, Qualifier::About),
            value(-3.5, Qualifier::AtMost),
            Amount::Range {
                min: 20.0,
                max: 25.0,
                approximate: true,
            },
            Amount::Range {
                min: 0.5,
                max: 2e16,
                approximate: false,
            },
        ];
        for amount in amounts {
            assert_eq!(amount_of_text(&amount_text(amount)), Some(amount));
        }
    }

    #[test]
    fn other_text_is_no_amount() {
        for text in [
            "",
            "over",
            "over many",
            "lots",
            "20 to",
            "about to 3",
            "sort-of 3",
        ] {
            assert_eq!(amount_of_text(text), None, "{text}");
        }
    }
}
