//! Dates as readers see them, shared by the pages, the data files and the
//! search records so that all three print a date the same way.

use serde::Serialize;
use time::Date;
use time::macros::format_description;

/// A date as ISO text and as readers see it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DateView {
    /// `2026-04-23`
    pub iso: String,
    /// `April 23, 2026`
    pub display: String,
    /// `2026`
    pub year: i32,
}

/// A date as ISO and display text.
pub(crate) fn date_view(date: Date) -> DateView {
    let display = date
        .format(format_description!(
            "[month repr:long] [day padding:none], [year]"
        ))
        .unwrap_or_else(|_| date.to_string());
    DateView {
        iso: date.to_string(),
        display,
        year: date.year(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_written_out_with_its_iso_form_and_year() {
        let date = Date::from_calendar_date(2026, time::Month::April, 3).unwrap();
        let view = date_view(date);
        assert_eq!(view.display, "April 3, 2026");
        assert_eq!(view.iso, "2026-04-03");
        assert_eq!(view.year, 2026);
    }
}
