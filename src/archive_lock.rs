//! `archive.lock`: what `claimtrail archive` found for each cited URL (its
//! capture, the original's status, hashes, and whether each quote is in the
//! capture's text). `archive` writes it; `load` reads it for `check` and
//! `build`, which never touch the network.
//!
//! The file is TOML, one `[[entry]]` per URL sorted by `url`, each with its
//! `[[entry.quote]]`s sorted by `sha256`, so a rerun that finds nothing new
//! writes the same bytes and a pull request shows only what changed.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use toml::value::{Date, Datetime, Offset, Time};

/// The lock file's name, at the site root.
pub const LOCK_FILE: &str = "archive.lock";

/// The format version this claimtrail writes and reads.
pub const LOCK_VERSION: u32 = 1;

/// The comment at the top of the file.
const HEADER: &str =
    "# Written by `claimtrail archive`. Review changes in pull requests; do not edit by hand.\n";

/// The whole lock file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveLock {
    /// The format version ([`LOCK_VERSION`]).
    pub version: u32,
    /// One entry per cited URL, sorted by `url` when written.
    #[serde(default, rename = "entry")]
    pub entries: Vec<LockEntry>,
}

impl Default for ArchiveLock {
    fn default() -> Self {
        ArchiveLock {
            version: LOCK_VERSION,
            entries: Vec::new(),
        }
    }
}

/// What `archive` found for one cited URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LockEntry {
    /// The cited URL exactly as written in content.
    pub url: String,
    /// When `archive` last refreshed this entry (UTC).
    pub checked: Timestamp,
    /// The HTTP status of the original at `checked`, when it answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Why the original or the capture could not be fetched, or its text not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The address of the archived capture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capture: Option<String>,
    /// When the capture was made (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captured: Option<Timestamp>,
    /// sha256 (lowercase hex) of the capture's body bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_sha256: Option<String>,
    /// sha256 (lowercase hex) of the readable text extracted from the capture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_sha256: Option<String>,
    /// One per distinct quote citing the URL, sorted by `sha256`; none when
    /// no text could be extracted to check them against.
    #[serde(default, rename = "quote", skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<QuoteCheck>,
}

impl LockEntry {
    /// The check of `quote` (as the model holds it), if this entry has one.
    pub fn quote(&self, quote: &str) -> Option<&QuoteCheck> {
        let hash = quote_sha256(quote);
        self.quotes.iter().find(|check| check.sha256 == hash)
    }
}

/// Whether one quote was found in the capture's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteCheck {
    /// [`quote_sha256`] of the quote as written in content.
    pub sha256: String,
    /// Whether the normalised quote occurs in the normalised text.
    pub found: bool,
    /// When found: the char offset of the match in the extracted text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// When not found: the passage of the text most like the quote (normalised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nearest: Option<String>,
    /// When not found: how alike `nearest` and the quote are, 0 to 1, two decimals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
}

/// sha256 (lowercase hex) of a quote exactly as the model holds it.
pub fn quote_sha256(quote: &str) -> String {
    sha256_hex(quote.as_bytes())
}

/// sha256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl ArchiveLock {
    /// Parses the text of `archive.lock`; unknown keys are ignored (a newer
    /// claimtrail may add some).
    pub fn parse(text: &str) -> Result<ArchiveLock, toml::de::Error> {
        toml::from_str(text)
    }

    /// The entry for `url`, if any (entries must be sorted, as written and as parsed from a written file).
    pub fn entry(&self, url: &str) -> Option<&LockEntry> {
        self.entries
            .binary_search_by(|entry| entry.url.as_str().cmp(url))
            .ok()
            .map(|index| &self.entries[index])
    }

    /// Sorts entries by `url` and each entry's quotes by `sha256`.
    pub fn sort(&mut self) {
        self.entries.sort_by(|a, b| a.url.cmp(&b.url));
        for entry in &mut self.entries {
            entry.quotes.sort_by(|a, b| a.sha256.cmp(&b.sha256));
        }
    }

    /// The file's text: the header comment, then the sorted entries.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        let mut sorted = self.clone();
        sorted.sort();
        Ok(format!("{HEADER}{}", toml::to_string(&sorted)?))
    }
}

/// A moment in UTC, to the second, written as a TOML offset datetime
/// (`2026-12-05T19:00:00Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub OffsetDateTime);

impl Timestamp {
    /// The current moment, to the second.
    pub fn now() -> Timestamp {
        let now = OffsetDateTime::now_utc();
        Timestamp(now.replace_nanosecond(0).unwrap_or(now))
    }

    fn to_datetime(self) -> Datetime {
        let utc = self.0.to_offset(time::UtcOffset::UTC);
        Datetime {
            date: Some(Date {
                year: utc.year().clamp(0, 9999) as u16,
                month: utc.month() as u8,
                day: utc.day(),
            }),
            time: Some(Time {
                hour: utc.hour(),
                minute: utc.minute(),
                second: Some(utc.second()),
                nanosecond: None,
            }),
            offset: Some(Offset::Z),
        }
    }

    fn from_datetime(datetime: Datetime) -> Option<Timestamp> {
        let (date, clock) = (datetime.date?, datetime.time?);
        let month = time::Month::try_from(date.month).ok()?;
        let date = time::Date::from_calendar_date(i32::from(date.year), month, date.day).ok()?;
        let clock =
            time::Time::from_hms(clock.hour, clock.minute, clock.second.unwrap_or(0)).ok()?;
        let offset = match datetime.offset? {
            Offset::Z => time::UtcOffset::UTC,
            Offset::Custom { minutes } => {
                time::UtcOffset::from_whole_seconds(i32::from(minutes) * 60).ok()?
            }
        };
        let moment = time::PrimitiveDateTime::new(date, clock).assume_offset(offset);
        Some(Timestamp(moment.to_offset(time::UtcOffset::UTC)))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_datetime().fmt(f)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_datetime().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let datetime = Datetime::deserialize(deserializer)?;
        Timestamp::from_datetime(datetime).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{datetime}` is not a date and time with an offset, such as 2026-12-05T19:00:00Z"
            ))
        })
    }
}

#[cfg(test)]
mod tests;
