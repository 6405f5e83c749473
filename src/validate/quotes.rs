//! The quotes `claimtrail archive` checked against the archived copy of
//! their document: a warning at each quote that changed since it was
//! checked, and at each the copy does not hold.

use std::collections::HashMap;

use super::Docs;
use crate::archive_records::{ArchiveRecords, CheckedQuote, QuoteFinding, QuoteLookup, percent};
use crate::dates::date_view;
use crate::diagnostic::{Code, Diagnostic};
use crate::doc::DocumentRef;
use crate::fields::Located;

/// How many characters of a nearest passage a warning quotes.
const NEAREST_CHARS: usize = 80;

/// A warning for every quote of every claim that the lock file says changed
/// since it was checked, or was not found in the archived copy.
pub(crate) fn check_quotes(docs: &Docs, lock: &ArchiveRecords) -> Vec<Diagnostic> {
    if lock.is_empty() {
        return Vec::new();
    }
    let document_urls: HashMap<&str, &str> = docs
        .documents
        .iter()
        .filter_map(|d| Some((d.id.as_str(), d.url.as_ref()?.value.as_str())))
        .collect();
    let mut out = Vec::new();
    for claim in &docs.claims {
        let appearances = claim.appearances.iter().map(|a| (&a.origin, &a.quote));
        let citations = claim.citations.iter().map(|c| (&c.origin, &c.quote));
        for (origin, quote) in appearances.chain(citations) {
            if let (Some(url), Some(quote)) = (url_of(origin, &document_urls), quote) {
                out.extend(quote_warning(
                    &claim.file,
                    quote,
                    lock.quote(url, &quote.value),
                ));
            }
        }
    }
    out
}

/// The address `origin` cites: its document's (from `document_urls`, by id) or its own.
fn url_of<'a>(origin: &'a DocumentRef, document_urls: &HashMap<&str, &'a str>) -> Option<&'a str> {
    match &origin.document {
        Some(id) => document_urls.get(id.value.as_str()).copied(),
        None => origin.url.as_ref().map(|url| url.value.as_str()),
    }
}

/// The warning for `quote` in `file`, given what the lock says about it.
fn quote_warning(file: &str, quote: &Located<String>, lookup: QuoteLookup) -> Option<Diagnostic> {
    let warning = match lookup {
        QuoteLookup::Unchecked => return None,
        QuoteLookup::Changed { checked } => Diagnostic::warning(
            file,
            format!(
                "this quote changed since it was checked on {}; run `claimtrail archive`",
                date_view(checked).display
            ),
        )
        .code(Code::QuoteChanged)
        .hint("`claimtrail archive` checks each quote as written against the archived copy of its document"),
        QuoteLookup::Checked(check) => Diagnostic::warning(file, not_found(&check)?)
            .code(Code::QuoteNotFound)
            .hint("correct the quote to match the document word for word, or correct the document's address"),
    };
    Some(warning.at(quote.span.clone()))
}

/// "this quote was not found in the archived copy of May 12, 2026 (nearest
/// passage: “…”, 72% similar)", for a quote that was not found.
fn not_found(check: &CheckedQuote) -> Option<String> {
    let QuoteFinding::NotFound {
        nearest,
        similarity,
    } = &check.finding
    else {
        return None;
    };
    let copy = match check.captured {
        Some(day) => format!("the archived copy of {}", date_view(day).display),
        None => "the archived copy".to_string(),
    };
    let nearest = nearest.as_deref().map(|passage| {
        let similar = similarity.map_or_else(String::new, |s| format!(", {} similar", percent(s)));
        format!(" (nearest passage: “{}”{similar})", shortened(passage))
    });
    Some(format!(
        "this quote was not found in {copy}{}",
        nearest.unwrap_or_default()
    ))
}

/// `passage` on one line, cut after [`NEAREST_CHARS`] characters with `…`.
fn shortened(passage: &str) -> String {
    let words = passage.split_whitespace().collect::<Vec<_>>().join(" ");
    match words.char_indices().nth(NEAREST_CHARS) {
        Some((cut, _)) => format!("{}…", words[..cut].trim_end()),
        None => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::{Date, Month};

    fn check(nearest: Option<&str>, similarity: Option<f64>, captured: bool) -> CheckedQuote {
        let may_12 = Date::from_calendar_date(2026, Month::May, 12).unwrap();
        CheckedQuote {
            finding: QuoteFinding::NotFound {
                nearest: nearest.map(str::to_string),
                similarity,
            },
            checked: may_12,
            captured: captured.then_some(may_12),
        }
    }

    #[test]
    fn a_quote_not_found_names_the_copy_and_the_nearest_passage() {
        assert_eq!(
            not_found(&check(Some("the  nearest\npassage"), Some(0.72), true)).unwrap(),
            "this quote was not found in the archived copy of May 12, 2026 (nearest passage: “the nearest passage”, 72% similar)"
        );
        assert_eq!(
            not_found(&check(None, None, false)).unwrap(),
            "this quote was not found in the archived copy"
        );
        let long = "word ".repeat(40);
        let message = not_found(&check(Some(&long), None, false)).unwrap();
        assert!(message.ends_with("word…”)"), "{message}");
        assert!(message.chars().count() < 160, "{message}");
    }
}
