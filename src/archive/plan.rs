//! Which cited URLs a run visits: new ones, ones whose quotes changed since
//! their capture's text was checked, ones older than `max_age_days`, and with
//! `--save` ones that had no capture. The others keep their entry untouched.

use std::collections::BTreeSet;
use std::fmt;

use time::Duration;

use super::collect::CitedUrl;
use crate::archive_lock::{ArchiveLock, LockEntry, Timestamp, quote_sha256};

/// Why a URL is visited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// It has no entry yet.
    New,
    /// A quote citing it was added, changed or removed.
    QuotesChanged,
    /// Its entry is older than `max_age_days`.
    Stale,
    /// It had no capture, and `--save` may make one.
    NoCapture,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reason::New => "new",
            Reason::QuotesChanged => "quotes changed",
            Reason::Stale => "older than max_age_days",
            Reason::NoCapture => "no capture yet",
        })
    }
}

/// Why `cited` should be visited now, or `None` when its entry is current.
pub(crate) fn reason(
    cited: &CitedUrl,
    lock: &ArchiveLock,
    now: Timestamp,
    max_age_days: u32,
    saving: bool,
) -> Option<Reason> {
    let Some(entry) = lock.entry(&cited.url) else {
        return Some(Reason::New);
    };
    if now.0 - entry.checked.0 > Duration::days(i64::from(max_age_days)) {
        return Some(Reason::Stale);
    }
    if saving && entry.capture.is_none() {
        return Some(Reason::NoCapture);
    }
    // Quotes are checked only against a text; without one, new quotes change nothing.
    if entry.text_sha256.is_some() && quote_hashes(entry) != cited_hashes(cited) {
        return Some(Reason::QuotesChanged);
    }
    None
}

fn quote_hashes(entry: &LockEntry) -> BTreeSet<String> {
    entry
        .quotes
        .iter()
        .map(|quote| quote.sha256.clone())
        .collect()
}

fn cited_hashes(cited: &CitedUrl) -> BTreeSet<String> {
    cited
        .quotes
        .iter()
        .map(|quote| quote_sha256(quote))
        .collect()
}
