//! Numbers the way a careful science editor writes them: every significant
//! digit of the shortest form that reads back as the same number, grouped in
//! thousands (`100,000`, `0.0004`), millions to trillions in words
//! (`1.5 billion`), very large and very small numbers as powers of ten
//! (`2 × 10²⁵`), and the qualifier of an amount in words (`over 100,000`).
//! Never rounded to a silent zero, never 27 digits.

use fixed_decimal::{Decimal, FloatPrecision};
use icu_decimal::DecimalFormatter;
use icu_locale_core::locale;

use crate::i18n::Translations;
use crate::model::Amount;
use crate::parse::Qualifier;

thread_local! {
    /// English digit grouping, one per rendering thread (the formatter is not
    /// `Sync`); `None` only if the compiled data had no English, in which
    /// case digits are written ungrouped.
    static ENGLISH: Option<DecimalFormatter> =
        DecimalFormatter::try_new(locale!("en").into(), Default::default()).ok();
}

/// Numbers from 10^6 up to 10^15 are written with one of these words when
/// the scaled number has at most [`MAX_WORD_DECIMALS`] decimals.
const WORDS: [(i16, &str); 3] = [(12, "trillion"), (9, "billion"), (6, "million")];
/// `1.234 million` still reads as a number; `1.234567 million` does not.
const MAX_WORD_DECIMALS: i16 = 3;
/// The powers of ten from which numbers are written as `2 × 10²⁵`, above,
/// and below which as `1.5 × 10⁻⁷`.
const HUGE: i16 = 15;
const TINY: i16 = -4;
/// U+2212, the minus sign that typesetting uses (not the hyphen).
const MINUS: char = '\u{2212}';

/// `value` as readers see it: `35`, `22.5`, `100,000`, `0.0004`, `−3.5`,
/// `2 million`, `1,234,567`, `2 × 10²⁵`, `1.5 × 10⁻⁷`.
#[cfg(test)]
pub(crate) fn number(value: f64) -> String {
    number_in(value, None)
}

/// [`number`] in the language of `t` (its digits, separators and number
/// words); English for `None`.
pub(crate) fn number_in(value: f64, t: Option<&Translations>) -> String {
    let Ok(decimal) = Decimal::try_from_f64(value.abs(), FloatPrecision::RoundTrip) else {
        // Only infinities and NaN, which parsing refuses; say what they are.
        return format!("{value}");
    };
    let sign = if value < 0.0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    format!("{sign}{}", unsigned(decimal, t))
}

fn unsigned(decimal: Decimal, t: Option<&Translations>) -> String {
    if decimal.is_zero() {
        return grouped(&decimal, t);
    }
    let start = decimal.nonzero_magnitude_start();
    if !(TINY..HUGE).contains(&start) {
        return power_of_ten(decimal, start, t);
    }
    let word = WORDS.iter().find(|(power, _)| start >= *power);
    if let Some(&(power, word)) = word {
        let mut scaled = decimal.clone();
        shift(&mut scaled, -power);
        if -scaled.nonzero_magnitude_end() <= MAX_WORD_DECIMALS {
            let word = t.map_or(word, |t| t.text(word_key(word)));
            return format!("{} {word}", grouped(&scaled, t));
        }
    }
    grouped(&decimal, t)
}

/// The table key of a number word: `number_million`.
fn word_key(word: &str) -> &'static str {
    match word {
        "trillion" => "number_trillion",
        "billion" => "number_billion",
        _ => "number_million",
    }
}

/// `2 × 10²⁵` for a number whose first digit has magnitude `exponent`.
fn power_of_ten(mut mantissa: Decimal, exponent: i16, t: Option<&Translations>) -> String {
    shift(&mut mantissa, -exponent);
    format!("{} × 10{}", grouped(&mantissa, t), superscript(exponent))
}

/// Multiplies `decimal` by 10^`power`, keeping no zeros before its first
/// digit or after its last decimal (the shift leaves both).
fn shift(decimal: &mut Decimal, power: i16) {
    decimal.multiply_pow10(power);
    decimal.trim_start();
    decimal.trim_end();
}

/// `exponent` in superscript digits, with a superscript minus: `²⁵`, `⁻⁷`.
pub(crate) fn superscript(exponent: i16) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let sign = if exponent < 0 { "⁻" } else { "" };
    let digits = exponent.unsigned_abs().to_string();
    let digits = digits.chars().filter_map(|d| {
        let index = d.to_digit(10)?;
        DIGITS.get(index as usize).copied()
    });
    sign.chars().chain(digits).collect()
}

/// The digits of a non-negative `decimal`, grouped in thousands the way
/// the language of `t` groups them (`1,234.5`, `1.234,5`); English for `None`.
fn grouped(decimal: &Decimal, t: Option<&Translations>) -> String {
    if let Some(t) = t.filter(|t| t.language() != "en") {
        let formatter = DecimalFormatter::try_new(t.locale().into(), Default::default());
        return formatter.map_or_else(|_| decimal.to_string(), |f| f.format_to_string(decimal));
    }
    ENGLISH.with(|english| match english {
        Some(formatter) => formatter.format_to_string(decimal),
        None => decimal.to_string(),
    })
}

/// `number` followed by `unit` the way the unit is read: `%`, `x` and `×`
/// directly after the number (`35%`, `10x`), any other unit after a space
/// (`2 million tokens`), nothing for no unit.
pub(crate) fn with_unit(number: &str, unit: &str) -> String {
    match unit {
        "" => number.to_string(),
        "%" | "x" | "×" => format!("{number}{unit}"),
        _ => format!("{number} {unit}"),
    }
}

/// An amount with its unit as readers see it: `35%`, `over 100,000 GB200
/// chips`, `nearly 2 petabytes`, `20 to 25%`, `about 20 to 25%`.
#[cfg(test)]
pub(crate) fn amount(amount: &Amount, unit: &str) -> String {
    amount_in(amount, unit, None)
}

/// [`amount`] in the language of `t`; English for `None`.
pub(crate) fn amount_in(amount: &Amount, unit: &str, t: Option<&Translations>) -> String {
    let qualifier_words = |qualifier: Qualifier| match t {
        Some(t) if qualifier != Qualifier::Exact => t
            .text(&format!("qualifier_{}", qualifier.as_str()))
            .to_string(),
        _ => qualifier.words().to_string(),
    };
    let (words, numbers) = match *amount {
        Amount::Value { value, qualifier } => (qualifier_words(qualifier), number_in(value, t)),
        Amount::Range {
            min,
            max,
            approximate,
        } => {
            let words = qualifier_words(if approximate {
                Qualifier::About
            } else {
                Qualifier::Exact
            });
            let (low, high) = (number_in(min, t), number_in(max, t));
            let range = match t {
                Some(t) => t.fill("number_range", &[("low", &low), ("high", &high)]),
                None => format!("{low} to {high}"),
            };
            (words, range)
        }
    };
    let stated = with_unit(&numbers, unit);
    if words.is_empty() {
        stated
    } else {
        format!("{words} {stated}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_every_significant_digit_and_no_more() {
        let table: &[(f64, &str)] = &[
            (35.0, "35"),
            (22.5, "22.5"),
            (100_000.0, "100,000"),
            (0.0004, "0.0004"),
            (0.00012, "0.00012"),
            (0.0001, "0.0001"),
            (-3.5, "−3.5"),
            (0.0, "0"),
            (1234.5, "1,234.5"),
            (999_999.0, "999,999"),
            (2e6, "2 million"),
            (15e12, "15 trillion"),
            (1.5e9, "1.5 billion"),
            (1.234e6, "1.234 million"),
            (1_234_567.0, "1,234,567"),
            (2_500_000.5, "2,500,000.5"),
            (999e12, "999 trillion"),
            (2e25, "2 × 10²⁵"),
            (1e15, "1 × 10¹⁵"),
            (1.5e-7, "1.5 × 10⁻⁷"),
            (5e-5, "5 × 10⁻⁵"),
            (-2e25, "−2 × 10²⁵"),
            (-2e6, "−2 million"),
            (1.2345678901234567e30, "1.2345678901234567 × 10³⁰"),
            (0.1 + 0.2, "0.30000000000000004"),
        ];
        for &(value, text) in table {
            assert_eq!(number(value), text, "{value:e}");
        }
    }

    #[test]
    fn superscripts_cover_every_digit_and_the_minus() {
        assert_eq!(superscript(12345), "¹²³⁴⁵");
        assert_eq!(superscript(-7), "⁻⁷");
        assert_eq!(superscript(0), "⁰");
        assert_eq!(superscript(-306), "⁻³⁰⁶");
        assert_eq!(superscript(6789), "⁶⁷⁸⁹");
    }

    #[test]
    fn amounts_say_their_qualifier_and_range_in_words() {
        let value = |value, qualifier| Amount::Value { value, qualifier };
        let table: &[(Amount, &str, &str)] = &[
            (value(35.0, Qualifier::Exact), "%", "35%"),
            (value(35.0, Qualifier::About), "%", "about 35%"),
            (
                value(100_000.0, Qualifier::Over),
                "GB200 chips",
                "over 100,000 GB200 chips",
            ),
            (
                value(2.0, Qualifier::Nearly),
                "petabytes",
                "nearly 2 petabytes",
            ),
            (value(10.0, Qualifier::AtLeast), "x", "at least 10x"),
            (value(5.0, Qualifier::AtMost), "×", "at most 5×"),
            (value(1.0, Qualifier::Under), "", "under 1"),
            (
                value(0.0004, Qualifier::Exact),
                "USD per token",
                "0.0004 USD per token",
            ),
            (value(2e25, Qualifier::Exact), "FLOP", "2 × 10²⁵ FLOP"),
            (
                value(15e12, Qualifier::Over),
                "tokens",
                "over 15 trillion tokens",
            ),
            (
                Amount::Range {
                    min: 20.0,
                    max: 25.0,
                    approximate: false,
                },
                "%",
                "20 to 25%",
            ),
            (
                Amount::Range {
                    min: 20.0,
                    max: 25.0,
                    approximate: true,
                },
                "%",
                "about 20 to 25%",
            ),
            (
                Amount::Range {
                    min: -3.5,
                    max: 2e6,
                    approximate: false,
                },
                "tokens",
                "−3.5 to 2 million tokens",
            ),
        ];
        for (stated, unit, text) in table {
            assert_eq!(amount(stated, unit), *text);
        }
    }

    #[test]
    fn numbers_follow_the_language() {
        let de = Translations::for_language("de", None, &mut crate::diagnostic::Diagnostics::new());
        assert_eq!(number_in(1234.5, Some(&de)), "1.234,5");
        assert_eq!(number_in(2e6, Some(&de)), "2 Millionen");
        let range = Amount::Range {
            min: 20.0,
            max: 25.5,
            approximate: true,
        };
        assert_eq!(amount_in(&range, "%", Some(&de)), "etwa 20 bis 25,5%");
        let en = Translations::default();
        assert_eq!(amount_in(&range, "%", Some(&en)), "about 20 to 25.5%");
        assert_eq!(amount_in(&range, "%", None), "about 20 to 25.5%");
    }
}
