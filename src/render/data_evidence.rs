//! The open data's fields for what `claimtrail archive` recorded:
//! `archived` (the capture it found) and `quote_check` (a quote's check),
//! shared by claims.json and documents.json. Documented in docs/data.md.

use serde::Serialize;

use crate::model::{Archived, CheckedQuote, QuoteFinding};

/// `archived`: the archived copy `claimtrail archive` found.
#[derive(Serialize)]
pub(super) struct CaptureData<'a> {
    url: &'a str,
    /// The day it was captured (`YYYY-MM-DD`), when known.
    date: Option<String>,
}

/// `quote_check`: a quote's check against the archived copy.
#[derive(Serialize)]
pub(super) struct QuoteCheckData<'a> {
    /// `found` or `not-found`.
    state: &'static str,
    /// The day it was checked (`YYYY-MM-DD`).
    checked: String,
    /// For a quote not found: how alike the nearest passage is, from 0 to 1.
    similarity: Option<f64>,
    /// For a quote not found: the passage of the copy most like it.
    nearest: Option<&'a str>,
}

/// The capture of an address's record, if it has one.
pub(super) fn capture(archived: Option<&Archived>) -> Option<CaptureData<'_>> {
    let capture = archived?.capture.as_ref()?;
    Some(CaptureData {
        url: &capture.url,
        date: capture.date.map(|d| d.to_string()),
    })
}

/// A quote's check, if it has one.
pub(super) fn quote_check(check: Option<&CheckedQuote>) -> Option<QuoteCheckData<'_>> {
    let check = check?;
    let (state, similarity, nearest) = match &check.finding {
        QuoteFinding::Found => ("found", None, None),
        QuoteFinding::NotFound {
            nearest,
            similarity,
        } => ("not-found", *similarity, nearest.as_deref()),
    };
    Some(QuoteCheckData {
        state,
        checked: check.checked.to_string(),
        similarity,
        nearest,
    })
}
