//! What readers see of `claimtrail archive`'s records: the archived copy
//! shown beside a document's link, a note when the original no longer
//! answers, and the check of a quote.

use super::format::{DateView, date_view};
use super::text_fragment::with_text_fragment;
use super::views::{CopyView, QuoteCheckView};
use crate::archive_records::percent;
use crate::i18n::Translations;
use crate::model::{Archived, CheckedQuote, QuoteFinding};

/// The archived copy readers are shown of what `written` and `archived`
/// describe, with the note when the original no longer answers.
pub(super) fn copy_view(
    written: Option<&str>,
    archived: Option<&Archived>,
    t: &Translations,
) -> CopyView {
    let (archive, archived_on) = shown_copy(written, archived);
    CopyView {
        archive,
        archived: archived_on,
        original_note: original_note(archived, t),
    }
}

/// The archived copy readers are shown, and when it was captured if known:
/// the copy written in the content wins (a person chose it), else the one
/// `claimtrail archive` found.
fn shown_copy(
    written: Option<&str>,
    archived: Option<&Archived>,
) -> (Option<String>, Option<DateView>) {
    let capture = archived.and_then(|a| a.capture.as_ref());
    match (written, capture) {
        (Some(written), Some(capture)) if written == capture.url => {
            (Some(capture.url.clone()), capture.date.map(date_view))
        }
        (Some(written), _) => (Some(written.to_string()), None),
        (None, Some(capture)) => (Some(capture.url.clone()), capture.date.map(date_view)),
        (None, None) => (None, None),
    }
}

/// "The original answered HTTP 404 when checked on December 5, 2026.", when
/// the original answered with anything but a success.
fn original_note(archived: Option<&Archived>, t: &Translations) -> Option<String> {
    let archived = archived?;
    let status = archived.status?;
    (!archived.original_is_live()).then(|| {
        let date = t.date(archived.checked);
        t.fill(
            "original_answered",
            &[("status", &status.to_string()), ("date", &date)],
        )
    })
}

/// The check of `quote`, cited from `url` whose record is `archived`: found
/// quotes link to their place in the original when it answered.
pub(super) fn quote_check_view(
    check: Option<&CheckedQuote>,
    (url, quote): (Option<&str>, Option<&str>),
    archived: Option<&Archived>,
    t: &Translations,
) -> Option<QuoteCheckView> {
    let check = check?;
    let copy = match check.captured {
        Some(day) => t.fill("in_archived_copy_of", &[("date", &t.date(day))]),
        None => t.text("in_archived_copy").to_string(),
    };
    Some(match &check.finding {
        QuoteFinding::Found => {
            let live = archived.is_some_and(Archived::original_is_live);
            QuoteCheckView {
                state: "found",
                text: t.fill("quote_found", &[("copy", &copy)]),
                nearest: None,
                similarity: None,
                fragment_url: live.then(|| with_text_fragment(url?, quote?)).flatten(),
            }
        }
        QuoteFinding::NotFound {
            nearest,
            similarity,
        } => QuoteCheckView {
            state: "not-found",
            text: t.fill("quote_not_found", &[("copy", &copy)]),
            nearest: nearest.clone(),
            similarity: similarity.map(percent),
            fragment_url: None,
        },
    })
}
