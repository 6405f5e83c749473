//! Finding a capture of a URL in a Wayback-style archive: the CDX API for
//! the newest capture not after a date, the availability API otherwise, and
//! Save Page Now to make one (only when asked).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use time::Date;
use time::macros::format_description;

use crate::archive_lock::Timestamp;
use crate::config::ArchiveSettings;
use crate::net::Client;

/// One capture of a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Capture {
    /// Where readers see it: `<replay><timestamp>/<url>`.
    pub(crate) url: String,
    /// The archived bytes as first received: `<replay><timestamp>id_/<url>`.
    pub(crate) raw: String,
    /// When it was made.
    pub(crate) captured: Timestamp,
}

/// Why no capture was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LookupError {
    /// The archive has none.
    NoCapture,
    /// The archive could not be asked (network, rate limit, a broken answer).
    Unavailable(String),
}

/// The capture of `url` closest to and not after `not_after` (the newest
/// when there is no date); failing that, the one the availability API
/// calls closest.
pub(crate) fn find_capture(
    client: &Client,
    settings: &ArchiveSettings,
    url: &str,
    not_after: Option<Date>,
) -> Result<Capture, LookupError> {
    let from_cdx = newest_in_cdx(client, settings, url, not_after);
    let timestamp = match from_cdx {
        Ok(Some(timestamp)) => timestamp,
        Ok(None) | Err(_) => match closest_available(client, settings, url, not_after) {
            Ok(Some(timestamp)) => timestamp,
            Ok(None) => return Err(LookupError::NoCapture),
            Err(error) => {
                let cdx = from_cdx
                    .err()
                    .map(|e| format!("; the CDX API: {e}"))
                    .unwrap_or_default();
                return Err(LookupError::Unavailable(format!(
                    "the availability API: {error}{cdx}"
                )));
            }
        },
    };
    capture_at(settings, url, &timestamp).ok_or_else(|| {
        LookupError::Unavailable(format!(
            "the archive gave a malformed timestamp `{timestamp}`"
        ))
    })
}

/// The timestamp of the newest 2xx capture not after `not_after`, from the CDX API.
fn newest_in_cdx(
    client: &Client,
    settings: &ArchiveSettings,
    url: &str,
    not_after: Option<Date>,
) -> Result<Option<String>, String> {
    let mut query = format!(
        "{}?url={}&output=json&fl=timestamp,statuscode&filter=statuscode:2..&limit=-1",
        settings.cdx,
        encode(url)
    );
    if let Some(date) = not_after {
        query.push_str(&format!("&to={}235959", compact(date)));
    }
    let answer = client.get(&query).map_err(|e| e.to_string())?;
    if !answer.is_success() {
        return Err(format!("HTTP {}", answer.status));
    }
    if answer.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let rows: Vec<Vec<String>> =
        serde_json::from_slice(&answer.body).map_err(|e| format!("unreadable answer ({e})"))?;
    let limit = not_after.map(|date| format!("{}235959", compact(date)));
    // The first row names the fields; the newest capture not after the date wins.
    Ok(rows
        .iter()
        .skip(1)
        .filter_map(|row| row.first())
        .filter(|stamp| {
            limit
                .as_ref()
                .is_none_or(|limit| stamp.as_str() <= limit.as_str())
        })
        .max()
        .cloned())
}

#[derive(Deserialize)]
struct Availability {
    #[serde(default)]
    archived_snapshots: Snapshots,
}

#[derive(Deserialize, Default)]
struct Snapshots {
    closest: Option<Closest>,
}

#[derive(Deserialize)]
struct Closest {
    #[serde(default)]
    available: bool,
    timestamp: String,
}

/// The timestamp of the capture the availability API calls closest to `near`.
fn closest_available(
    client: &Client,
    settings: &ArchiveSettings,
    url: &str,
    near: Option<Date>,
) -> Result<Option<String>, String> {
    let mut query = format!("{}?url={}", settings.availability, encode(url));
    if let Some(date) = near {
        query.push_str(&format!("&timestamp={}", compact(date)));
    }
    let answer = client.get(&query).map_err(|e| e.to_string())?;
    if !answer.is_success() {
        return Err(format!("HTTP {}", answer.status));
    }
    let found: Availability =
        serde_json::from_slice(&answer.body).map_err(|e| format!("unreadable answer ({e})"))?;
    Ok(found
        .archived_snapshots
        .closest
        .filter(|closest| closest.available)
        .map(|closest| closest.timestamp))
}

/// Asks Save Page Now for a capture of `url`, then polls its job until it is done.
pub(crate) fn save_capture(
    client: &Client,
    settings: &ArchiveSettings,
    url: &str,
    credentials: &SaveCredentials,
) -> Result<Capture, String> {
    let authorization = format!("LOW {}:{}", credentials.access, credentials.secret);
    let headers = [
        ("Accept", "application/json"),
        ("Authorization", authorization.as_str()),
    ];
    let started = client
        .post_form(&settings.save, &[("url", url)], &headers)
        .map_err(|e| format!("Save Page Now: {e}"))?;
    let job: SaveJob = serde_json::from_slice(&started.body).map_err(|_| {
        format!(
            "Save Page Now answered HTTP {} without a job",
            started.status
        )
    })?;
    let status_url = format!(
        "{}/status/{}",
        settings.save.trim_end_matches('/'),
        encode(&job.job_id)
    );
    for poll in 0..SAVE_POLLS {
        if poll > 0 {
            std::thread::sleep(SAVE_POLL_INTERVAL);
        }
        let answer = client
            .get_with_headers(&status_url, &headers)
            .map_err(|e| format!("Save Page Now: {e}"))?;
        let status: SaveStatus = serde_json::from_slice(&answer.body)
            .map_err(|_| format!("Save Page Now's status answered HTTP {}", answer.status))?;
        match (status.status.as_str(), status.timestamp) {
            ("success", Some(timestamp)) => {
                return capture_at(settings, url, &timestamp).ok_or_else(|| {
                    format!("Save Page Now gave a malformed timestamp `{timestamp}`")
                });
            }
            ("pending", _) => {}
            (other, _) => {
                let why = status.message.unwrap_or_else(|| other.to_string());
                return Err(format!("Save Page Now failed: {why}"));
            }
        }
    }
    Err("Save Page Now did not finish in time".to_string())
}

/// How often and how long a Save Page Now job is polled.
const SAVE_POLLS: u32 = 12;
const SAVE_POLL_INTERVAL: std::time::Duration = std::time::Duration::from_secs(5);

/// Save Page Now's keys, from the environment only.
#[derive(Clone)]
pub struct SaveCredentials {
    /// The access key (`CLAIMTRAIL_SPN_ACCESS`).
    pub access: String,
    /// The secret key (`CLAIMTRAIL_SPN_SECRET`).
    pub secret: String,
}

impl std::fmt::Debug for SaveCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SaveCredentials(…)")
    }
}

#[derive(Deserialize)]
struct SaveJob {
    job_id: String,
}

#[derive(Deserialize)]
struct SaveStatus {
    status: String,
    timestamp: Option<String>,
    message: Option<String>,
}

/// The capture of `url` made at `timestamp` (14 digits, `YYYYMMDDhhmmss`).
fn capture_at(settings: &ArchiveSettings, url: &str, timestamp: &str) -> Option<Capture> {
    let captured = parse_timestamp(timestamp)?;
    Some(Capture {
        url: format!("{}{timestamp}/{url}", settings.replay),
        raw: format!("{}{timestamp}id_/{url}", settings.replay),
        captured,
    })
}

/// A Wayback timestamp (`YYYYMMDDhhmmss`, UTC).
fn parse_timestamp(timestamp: &str) -> Option<Timestamp> {
    if timestamp.len() != 14 || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let format = format_description!("[year][month][day][hour][minute][second]");
    let moment = time::PrimitiveDateTime::parse(timestamp, format).ok()?;
    Some(Timestamp(moment.assume_utc()))
}

/// `YYYYMMDD`.
fn compact(date: Date) -> String {
    format!(
        "{:04}{:02}{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Everything but RFC 3986's unreserved characters, for query values and path segments.
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn encode(text: &str) -> String {
    utf8_percent_encode(text, RESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wayback_timestamps_are_read_in_utc() {
        let stamp = parse_timestamp("20260512093000").unwrap();
        assert_eq!(stamp.to_string(), "2026-05-12T09:30:00Z");
        assert!(parse_timestamp("2026051209300").is_none());
        assert!(parse_timestamp("20261312093000").is_none());
    }

    #[test]
    fn capture_addresses_use_the_replay_prefix() {
        let settings = ArchiveSettings::defaults("https://example.org/");
        let capture = capture_at(&settings, "https://example.org/a?b=1", "20260512000000").unwrap();
        assert_eq!(
            capture.url,
            "https://web.archive.org/web/20260512000000/https://example.org/a?b=1"
        );
        assert_eq!(
            capture.raw,
            "https://web.archive.org/web/20260512000000id_/https://example.org/a?b=1"
        );
    }
}
