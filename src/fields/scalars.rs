//! Dates, numbers and booleans: the typed scalar values of a TOML table.

use time::Date;
use toml::de::DeValue;

use super::{Fields, Located};

impl<'t, 'i> Fields<'t, 'i> {
    /// A required TOML date (`2026-04-23`, no quotes, no time).
    pub(crate) fn required_date(&mut self, key: &str) -> Option<Located<Date>> {
        self.require(key, "2026-04-23")?;
        self.optional_date(key)
    }

    /// An optional TOML date; reports strings, times and impossible dates.
    pub(crate) fn optional_date(&mut self, key: &str) -> Option<Located<Date>> {
        let (value, span) = self.lookup(key)?;
        let DeValue::Datetime(datetime) = value else {
            self.wrong_type(key, "a date", value, span);
            return None;
        };
        let Some(date) = datetime.date.filter(|_| datetime.time.is_none()) else {
            let message = format!("{} must be a plain date like 2026-04-23", self.name(key));
            let hint = datetime
                .date
                .map(|d| format!("drop the time: `{key} = {d}`"));
            self.error(span, message, hint);
            return None;
        };
        match calendar_date(date.year, date.month, date.day) {
            Some(real) => Some(Located { value: real, span }),
            None => {
                let message = format!("{} is not a real date: {date}", self.name(key));
                let hint = Some(format!(
                    "{} has no day {}",
                    month_name(date.month),
                    date.day
                ));
                self.error(span, message, hint);
                None
            }
        }
    }

    /// An optional boolean.
    pub(crate) fn optional_bool(&mut self, key: &str) -> Option<bool> {
        let (value, span) = self.lookup(key)?;
        match value {
            DeValue::Boolean(flag) => Some(*flag),
            other => {
                self.wrong_type(key, "`true` or `false`", other, span);
                None
            }
        }
    }

    /// An optional number (integer or float, of any magnitude: integers too
    /// long for 64 bits are read as floats); reports other types, and
    /// infinities and NaN, which no claim states.
    pub(crate) fn optional_number(&mut self, key: &str) -> Option<Located<f64>> {
        let (value, span) = self.lookup(key)?;
        let number = match value {
            DeValue::Integer(int) => integer_value(int.as_str(), int.radix()),
            DeValue::Float(float) => float.as_str().parse::<f64>().ok(),
            _ => None,
        };
        match number {
            Some(value) if value.is_finite() => Some(Located { value, span }),
            Some(_) => {
                let message = format!(
                    "{} is not a finite number: `inf`, `nan` and numbers beyond about 1.8e308 cannot be shown or compared",
                    self.name(key)
                );
                let hint = "write the number the source states, such as `2e25`; for \"more than\", add `qualifier = \"over\"`";
                self.error(span, message, Some(hint.to_string()));
                None
            }
            None => {
                self.wrong_type(key, "a finite number", value, span);
                None
            }
        }
    }

    /// A required number.
    pub(crate) fn required_number(&mut self, key: &str) -> Option<Located<f64>> {
        self.require(key, "35")?;
        self.optional_number(key)
    }
}

/// The value of a TOML integer written in `radix`: exact up to 64 bits,
/// the nearest float beyond (TOML allows no more, but a claim may state more).
fn integer_value(digits: &str, radix: u32) -> Option<f64> {
    if let Ok(small) = i64::from_str_radix(digits, radix) {
        return Some(small as f64);
    }
    match radix {
        10 => digits.parse::<f64>().ok(),
        _ => u128::from_str_radix(digits, radix).ok().map(|n| n as f64),
    }
}

/// A real calendar date, or `None` for dates like February 30.
pub(crate) fn calendar_date(year: u16, month: u8, day: u8) -> Option<Date> {
    let month = time::Month::try_from(month).ok()?;
    Date::from_calendar_date(i32::from(year), month, day).ok()
}

fn month_name(month: u8) -> String {
    time::Month::try_from(month)
        .map(|m| m.to_string())
        .unwrap_or_else(|_| format!("month {month}"))
}
