//! What `archive.lock` says: for each cited address, the archived copy
//! `claimtrail archive` found, the status the original answered with, and
//! whether each quote citing it was found in the copy (quotes are known by
//! the sha256 of their text as written).
//!
//! The load stage reads the file as text ([`crate::load::LockText`]); this
//! module reads that text into an [`ArchiveLock`], with a located error for
//! anything malformed. Keys it does not use (`error`, the body and text
//! hashes, `offset`) and keys a later claimtrail adds are ignored.
//! docs/evidence.md describes the format.

use std::collections::HashMap;
use std::ops::Range;

use serde::Deserialize;
use sha2::{Digest, Sha256};
use time::{Date, Month};
use toml::Spanned;
use toml::value::Datetime;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::links::check_web_url;
use crate::load::{ARCHIVE_LOCK_FILE, LockText};

/// The version of the lock file's format this claimtrail reads.
pub(crate) const LOCK_VERSION: u32 = 1;

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
    /// The day `archive` last refreshed the record.
    pub checked: Date,
    /// The HTTP status the original answered with that day, if it answered.
    pub status: Option<u16>,
}

impl Archived {
    /// Whether the original answered with a success (2xx) when last checked.
    pub fn original_is_live(&self) -> bool {
        self.status.is_some_and(|status| (200..300).contains(&status))
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
pub struct QuoteCheck {
    /// Found or not.
    pub finding: QuoteFinding,
    /// The day `archive` checked it.
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
    Checked(QuoteCheck),
}

/// One address's record.
#[derive(Debug, Clone)]
struct Entry {
    archived: Archived,
    /// Findings by the sha256 (lowercase hex) of the quote as written.
    quotes: HashMap<String, QuoteFinding>,
}

/// The lock file, by cited address; empty when the site has none.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArchiveLock {
    entries: HashMap<String, Entry>,
}

impl ArchiveLock {
    /// What `archive` recorded about `url`, if anything.
    pub(crate) fn archived(&self, url: &str) -> Option<&Archived> {
        self.entries.get(url).map(|entry| &entry.archived)
    }

    /// What the lock says about `quote` citing `url`.
    pub(crate) fn quote(&self, url: &str, quote: &str) -> QuoteLookup {
        let Some(entry) = self.entries.get(url) else {
            return QuoteLookup::Unchecked;
        };
        let archived = &entry.archived;
        match entry.quotes.get(&quote_sha256(quote)) {
            Some(finding) => QuoteLookup::Checked(QuoteCheck {
                finding: finding.clone(),
                checked: archived.checked,
                captured: archived.capture.as_ref().and_then(|c| c.date),
            }),
            // Without a copy (or any quote checked), nothing could be compared.
            None if archived.capture.is_none() && entry.quotes.is_empty() => {
                QuoteLookup::Unchecked
            }
            None => QuoteLookup::Changed {
                checked: archived.checked,
            },
        }
    }
}

/// The sha256 of `quote` exactly as written, in lowercase hex: how the lock
/// file knows a quote.
pub(crate) fn quote_sha256(quote: &str) -> String {
    let digest = Sha256::digest(quote.as_bytes());
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A similarity from 0 to 1 as readers see it, a whole percentage: "72%".
pub(crate) fn percent(similarity: f64) -> String {
    format!("{:.0}%", similarity * 100.0)
}

#[derive(Deserialize)]
struct LockFile {
    version: Spanned<u32>,
    #[serde(default)]
    entry: Vec<EntryFile>,
}

#[derive(Deserialize)]
struct EntryFile {
    url: Spanned<String>,
    checked: Spanned<Datetime>,
    status: Option<u16>,
    capture: Option<Spanned<String>>,
    captured: Option<Spanned<Datetime>>,
    #[serde(default)]
    quote: Vec<QuoteFile>,
}

#[derive(Deserialize)]
struct QuoteFile {
    sha256: String,
    found: bool,
    nearest: Option<String>,
    similarity: Option<Spanned<f64>>,
}

/// The lock file the load stage found, read; its problems (errors, each
/// located, with the file's text to quote) go to `diagnostics`. A site
/// without one has an empty lock.
pub(crate) fn read(found: &LockText, diagnostics: &mut Diagnostics) -> ArchiveLock {
    match found {
        LockText::Absent => ArchiveLock::default(),
        LockText::Unreadable(problem) => {
            let (problem, text) = &**problem;
            if let Some(text) = text {
                diagnostics.add_source(ARCHIVE_LOCK_FILE, text);
            }
            diagnostics.push(problem.clone());
            ArchiveLock::default()
        }
        LockText::Text(text) => {
            let (lock, problems) = parse(text);
            if !problems.is_empty() {
                diagnostics.add_source(ARCHIVE_LOCK_FILE, text);
                diagnostics.extend(problems);
            }
            lock
        }
    }
}

/// Reads the lock file's `text`: the lock, and every problem found. A file
/// that is not a lock file at all gives an empty lock.
fn parse(text: &str) -> (ArchiveLock, Vec<Diagnostic>) {
    let file: LockFile = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            let message = format!("the lock file cannot be read: {}", error.message().trim());
            let problem = located(message, error.span().unwrap_or(0..0))
                .hint("run `claimtrail archive` to write it again, or fix the line (a merge conflict, say)");
            return (ArchiveLock::default(), vec![problem]);
        }
    };
    let mut problems = Vec::new();
    if *file.version.get_ref() != LOCK_VERSION {
        let message = format!(
            "the lock file is version {}; this claimtrail reads version {LOCK_VERSION}",
            file.version.get_ref()
        );
        problems.push(
            located(message, file.version.span())
                .hint("use the claimtrail that wrote it, or run `claimtrail archive` to write it again"),
        );
        return (ArchiveLock::default(), problems);
    }
    let mut lock = ArchiveLock::default();
    for entry in file.entry {
        let url = entry.url.get_ref().clone();
        let url_span = entry.url.span();
        let Some(read) = read_entry(entry, &mut problems) else {
            continue;
        };
        if lock.entries.insert(url.clone(), read).is_some() {
            problems.push(
                located(format!("a second entry for `{url}`"), url_span)
                    .hint("each address has one entry; run `claimtrail archive` to write the file again"),
            );
        }
    }
    (lock, problems)
}

/// One `[[entry]]`, or `None` when it cannot be used (its problems are in `problems`).
fn read_entry(entry: EntryFile, problems: &mut Vec<Diagnostic>) -> Option<Entry> {
    let checked = day(&entry.checked, "checked", problems);
    let captured = entry
        .captured
        .as_ref()
        .and_then(|captured| day(captured, "captured", problems));
    let capture = match entry.capture {
        Some(capture) => match check_web_url(capture.get_ref()) {
            Ok(()) => Some(Capture {
                url: capture.into_inner(),
                date: captured,
            }),
            Err(problem) => {
                let message = format!("`capture` {}", problem.message);
                problems.push(located(message, capture.span()).hint(problem.hint));
                None
            }
        },
        None => None,
    };
    let quotes = entry
        .quote
        .into_iter()
        .map(|quote| (quote.sha256.to_ascii_lowercase(), finding(quote, problems)))
        .collect();
    Some(Entry {
        archived: Archived {
            capture,
            checked: checked?,
            status: entry.status,
        },
        quotes,
    })
}

/// A quote's finding; a similarity outside 0..1 is a problem and left out.
fn finding(quote: QuoteFile, problems: &mut Vec<Diagnostic>) -> QuoteFinding {
    if quote.found {
        return QuoteFinding::Found;
    }
    let similarity = quote.similarity.and_then(|similarity| {
        let value = *similarity.get_ref();
        if (0.0..=1.0).contains(&value) {
            return Some(value);
        }
        let message = format!("`similarity` is {value}; it must be between 0 and 1");
        problems.push(located(message, similarity.span()));
        None
    });
    QuoteFinding::NotFound {
        nearest: quote.nearest,
        similarity,
    }
}

/// The day of a TOML date-time `value` of `key`, which must have a valid date.
fn day(value: &Spanned<Datetime>, key: &str, problems: &mut Vec<Diagnostic>) -> Option<Date> {
    let date = value.get_ref().date.and_then(|date| {
        let month = Month::try_from(date.month).ok()?;
        Date::from_calendar_date(i32::from(date.year), month, date.day).ok()
    });
    if date.is_none() {
        let message = format!("`{key}` must be a date-time such as 2026-05-12T00:00:00Z");
        problems.push(located(message, value.span()));
    }
    date
}

/// An error in the lock file at the byte range `span`.
fn located(message: String, span: Range<usize>) -> Diagnostic {
    Diagnostic::error(ARCHIVE_LOCK_FILE, message).at(span)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_quote_hash_is_the_sha256_of_the_text_as_written() {
        assert_eq!(
            quote_sha256("hello"),
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
    }

    #[test]
    fn quotes_are_found_not_found_changed_or_unchecked() {
        let (lock, problems) = parse(LOCK);
        assert_eq!(problems, []);
        let checked = day(2026, Month::December, 5);
        let captured = Some(day(2026, Month::May, 12));
        let check = |finding| QuoteLookup::Checked(QuoteCheck {
            finding,
            checked,
            captured,
        });
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
        assert_eq!(lock.quote("https://example.org/b", "hello"), QuoteLookup::Unchecked);
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
                (25, "a second entry for `https://example.org/a`".to_string()),
            ]
        );
    }

    #[test]
    fn a_malformed_file_is_one_located_error() {
        let text = "version = 1\n\n[[entry]]\nurl = \"https://example.org/a\"\nchecked = \"yesterday\"\n";
        let (lock, problems) = parse(text);
        assert!(lock.entries.is_empty());
        let found = lines_of(text, &problems);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 5, "{found:?}");
        let conflict = "version = 1\n<<<<<<< HEAD\n";
        assert_eq!(lines_of(conflict, &parse(conflict).1)[0].0, 2);
        let later = "version = 2\n";
        assert_eq!(
            lines_of(later, &parse(later).1),
            [(1, "the lock file is version 2; this claimtrail reads version 1".to_string())]
        );
    }
}
