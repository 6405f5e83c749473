//! `archive.lock` as `check` and `build` read it: for each cited address,
//! the archived copy `claimtrail archive` found, the status the original
//! answered with, and whether each quote citing it was found in the copy
//! (quotes are known by the sha256 of their text as written).
//!
//! The load stage reads the file as text ([`crate::load::LockText`]);
//! [`crate::archive_lock`] gives its shape (the types `archive` writes);
//! this module checks it, with a located error for anything malformed, and
//! indexes it by address and quote. Keys it does not use (`error`, the body
//! and text hashes, `offset`) and keys a later claimtrail adds are ignored.
//! docs/evidence.md describes the format.

use std::collections::HashMap;

use time::Date;

use crate::archive_lock::{ArchiveLock, LOCK_VERSION, LockEntry, quote_sha256};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::links::check_web_url;
use crate::load::{ARCHIVE_LOCK_FILE, LockText};
use locate::{Place, Problem, locate};

mod locate;

/// The archived copy `archive` found for an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capture {
    /// Its address (absolute http or https).
    pub url: String,
    /// The day it was captured, when the archive says.
    pub date: Option<Date>,
}

/// What `claimtrail archive` last recorded about a cited address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    /// The archived copy, if one was found.
    pub capture: Option<Capture>,
    /// The day (UTC) `archive` last refreshed the record.
    pub checked: Date,
    /// The HTTP status the original answered with that day, if it answered.
    pub status: Option<u16>,
}

impl Archived {
    /// Whether the original answered with a success (2xx) when last checked.
    pub fn original_is_live(&self) -> bool {
        self.status
            .is_some_and(|status| (200..300).contains(&status))
    }
}

/// What `archive` found when it looked for a quote in the archived copy.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteFinding {
    /// The quote is in the copy (after normalising spaces, quotes and dashes).
    Found,
    /// The quote is not in the copy.
    NotFound {
        /// The passage of the copy most like the quote, if any.
        nearest: Option<String>,
        /// How alike the two are, from 0 to 1.
        similarity: Option<f64>,
    },
}

/// A quote's check against the archived copy of the address it cites.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedQuote {
    /// Found or not.
    pub finding: QuoteFinding,
    /// The day (UTC) `archive` checked it.
    pub checked: Date,
    /// The day the copy it was checked against was captured, when known.
    pub captured: Option<Date>,
}

/// What the lock file says about a quote citing an address.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum QuoteLookup {
    /// Nothing: the address has no entry, or its entry checked no quote.
    Unchecked,
    /// The address was checked on `checked`, but not this quote as written:
    /// it changed (or was added) since.
    Changed {
        /// When the address's entry was last refreshed.
        checked: Date,
    },
    /// The quote as written was checked.
    Checked(CheckedQuote),
}

/// One address's record.
#[derive(Debug, Clone)]
struct Record {
    archived: Archived,
    /// Findings by the sha256 (lowercase hex) of the quote as written.
    quotes: HashMap<String, QuoteFinding>,
}

/// The lock file's records, by cited address; empty when the site has none.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArchiveRecords {
    records: HashMap<String, Record>,
}

impl ArchiveRecords {
    /// Whether there is no record at all (the site has no lock file, say).
    pub(crate) fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// What `archive` recorded about `url`, if anything.
    pub(crate) fn archived(&self, url: &str) -> Option<&Archived> {
        self.records.get(url).map(|record| &record.archived)
    }

    /// What the lock says about `quote` citing `url`.
    pub(crate) fn quote(&self, url: &str, quote: &str) -> QuoteLookup {
        let Some(record) = self.records.get(url) else {
            return QuoteLookup::Unchecked;
        };
        let archived = &record.archived;
        match record.quotes.get(&quote_sha256(quote)) {
            Some(finding) => QuoteLookup::Checked(CheckedQuote {
                finding: finding.clone(),
                checked: archived.checked,
                captured: archived.capture.as_ref().and_then(|c| c.date),
            }),
            // Without a copy (or any quote checked), nothing could be compared.
            None if archived.capture.is_none() && record.quotes.is_empty() => {
                QuoteLookup::Unchecked
            }
            None => QuoteLookup::Changed {
                checked: archived.checked,
            },
        }
    }
}

/// A similarity from 0 to 1 as readers see it, a whole percentage: "72%".
pub(crate) fn percent(similarity: f64) -> String {
    format!("{:.0}%", similarity * 100.0)
}

/// The lock file the load stage found, read; its problems (errors, each
/// located, with the file's text to quote) go to `diagnostics`. A site
/// without one has no records.
pub(crate) fn read(found: &LockText, diagnostics: &mut Diagnostics) -> ArchiveRecords {
    match found {
        LockText::Absent => ArchiveRecords::default(),
        LockText::Unreadable(problem) => {
            let (problem, text) = &**problem;
            if let Some(text) = text {
                diagnostics.add_source(ARCHIVE_LOCK_FILE, text);
            }
            diagnostics.push(problem.clone());
            ArchiveRecords::default()
        }
        LockText::Text(text) => {
            let (records, problems) = parse(text);
            if !problems.is_empty() {
                diagnostics.add_source(ARCHIVE_LOCK_FILE, text);
                diagnostics.extend(problems);
            }
            records
        }
    }
}

/// Reads the lock file's `text`: its records, and every problem found. A
/// file that is not a lock file at all gives no records.
fn parse(text: &str) -> (ArchiveRecords, Vec<Diagnostic>) {
    let lock = match ArchiveLock::parse(text) {
        Ok(lock) => lock,
        Err(error) => {
            let message = format!("the lock file cannot be read: {}", error.message().trim());
            let problem = Diagnostic::error(ARCHIVE_LOCK_FILE, message)
                .at(error.span().unwrap_or(0..0))
                .hint("run `claimtrail archive` to write it again, or fix the line (a merge conflict, say)");
            return (ArchiveRecords::default(), vec![problem]);
        }
    };
    let mut problems = Vec::new();
    if lock.version != LOCK_VERSION {
        problems.push(Problem {
            place: Place::Version,
            message: format!(
                "the lock file is version {}; this claimtrail reads version {LOCK_VERSION}",
                lock.version
            ),
            hint: Some(
                "use the claimtrail that wrote it, or run `claimtrail archive` to write it again"
                    .into(),
            ),
        });
        return (ArchiveRecords::default(), locate(text, problems));
    }
    let mut records = ArchiveRecords::default();
    for (i, entry) in lock.entries.into_iter().enumerate() {
        let url = entry.url.clone();
        if records
            .records
            .insert(url, record(i, entry, &mut problems))
            .is_some()
        {
            problems.push(Problem {
                place: Place::Url(i),
                message: "a second entry for this address".into(),
                hint: Some(
                    "each address has one entry; run `claimtrail archive` to write the file again"
                        .into(),
                ),
            });
        }
    }
    (records, locate(text, problems))
}

/// The record of entry `i`; a capture that is not a web address is left
/// out, and a similarity outside 0..1 too, each with its problem.
fn record(i: usize, entry: LockEntry, problems: &mut Vec<Problem>) -> Record {
    let captured = entry.captured.map(|moment| moment.0.date());
    let capture = entry.capture.and_then(|url| match check_web_url(&url) {
        Ok(()) => Some(Capture {
            url,
            date: captured,
        }),
        Err(problem) => {
            problems.push(Problem {
                place: Place::Capture(i),
                message: format!("`capture` {}", problem.message),
                hint: Some(problem.hint),
            });
            None
        }
    });
    let mut quotes = HashMap::with_capacity(entry.quotes.len());
    for (j, quote) in entry.quotes.into_iter().enumerate() {
        let finding = if quote.found {
            QuoteFinding::Found
        } else {
            let similarity = quote.similarity.filter(|value| {
                let valid = (0.0..=1.0).contains(value);
                if !valid {
                    problems.push(Problem {
                        place: Place::Similarity(i, j),
                        message: format!("`similarity` is {value}; it must be between 0 and 1"),
                        hint: None,
                    });
                }
                valid
            });
            QuoteFinding::NotFound {
                nearest: quote.nearest,
                similarity,
            }
        };
        quotes.insert(quote.sha256.to_ascii_lowercase(), finding);
    }
    Record {
        archived: Archived {
            capture,
            checked: entry.checked.0.date(),
            status: entry.status,
        },
        quotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    const LOCK: &str = r#"# Written by `claimtrail archive`.
version = 1
future_key = "ignored"

[[entry]]
url = "https://example.org/a"
checked = 2026-12-05T19:00:00Z
status = 200
capture = "https://archive.example.org/web/20260512000000/https://example.org/a"
captured = 2026-05-12T00:00:00Z
body_sha256 = "00"

[[entry.quote]]
sha256 = "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824"
found = true
offset = 12

[[entry.quote]]
sha256 = "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7"
found = false
nearest = "the world"
similarity = 0.72

[[entry]]
url = "https://example.org/gone"
checked = 2026-12-05T19:00:00Z
status = 404
error = "the archive has no copy"
"#;

    fn day(year: i32, month: Month, day: u8) -> Date {
        Date::from_calendar_date(year, month, day).unwrap()
    }

    #[test]
    fn quotes_are_found_not_found_changed_or_unchecked() {
        let (lock, problems) = parse(LOCK);
        assert_eq!(problems, []);
        let checked = day(2026, Month::December, 5);
        let captured = Some(day(2026, Month::May, 12));
        let check = |finding| {
            QuoteLookup::Checked(CheckedQuote {
                finding,
                checked,
                captured,
            })
        };
        let a = "https://example.org/a";
        assert_eq!(lock.quote(a, "hello"), check(QuoteFinding::Found));
        let not_found = QuoteFinding::NotFound {
            nearest: Some("the world".into()),
            similarity: Some(0.72),
        };
        assert_eq!(lock.quote(a, "world"), check(not_found));
        assert_eq!(lock.quote(a, "hello!"), QuoteLookup::Changed { checked });
        let gone = "https://example.org/gone";
        assert_eq!(lock.quote(gone, "hello"), QuoteLookup::Unchecked);
        assert_eq!(
            lock.quote("https://example.org/b", "hello"),
            QuoteLookup::Unchecked
        );
        assert!(lock.archived(a).unwrap().original_is_live());
        let gone = lock.archived(gone).unwrap();
        assert_eq!((gone.status, gone.capture.is_none()), (Some(404), true));
        assert!(!gone.original_is_live());
    }

    fn lines_of(text: &str, problems: &[Diagnostic]) -> Vec<(usize, String)> {
        problems
            .iter()
            .map(|p| {
                let start = p.span.clone().unwrap().start;
                let line = crate::diagnostic::position_of(text, start).line;
                (line, p.message.clone())
            })
            .collect()
    }

    #[test]
    fn every_bad_entry_is_an_error_at_its_line() {
        let text = LOCK
            .replace("capture = \"https:", "capture = \"javascript:")
            .replace("similarity = 0.72", "similarity = 72")
            .replace(
                "url = \"https://example.org/gone\"",
                "url = \"https://example.org/a\"",
            );
        let (_, problems) = parse(&text);
        let found = lines_of(&text, &problems);
        assert_eq!(
            found,
            [
                (9, "`capture` uses the `javascript:` scheme; only http and https links are allowed".to_string()),
                (22, "`similarity` is 72; it must be between 0 and 1".to_string()),
                (25, "a second entry for this address".to_string()),
            ]
        );
    }

    #[test]
    fn a_malformed_file_is_one_located_error() {
        let text =
            "version = 1\n\n[[entry]]\nurl = \"https://example.org/a\"\nchecked = \"yesterday\"\n";
        let (lock, problems) = parse(text);
        assert!(lock.records.is_empty());
        let found = lines_of(text, &problems);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 5, "{found:?}");
        let conflict = "version = 1\n<<<<<<< HEAD\n";
        assert_eq!(lines_of(conflict, &parse(conflict).1)[0].0, 2);
        let later = "version = 2\n";
        assert_eq!(
            lines_of(later, &parse(later).1),
            [(
                1,
                "the lock file is version 2; this claimtrail reads version 1".to_string()
            )]
        );
    }
}
