//! One cited URL, visited: the original's status, a capture, its text, and
//! each quote checked against it, made into a lock entry.

use std::sync::atomic::{AtomicBool, Ordering};

use super::collect::CitedUrl;
use super::extract::readable_text;
use super::normalise::normalise;
use super::quotes::check_quote;
use super::wayback::{Capture, LookupError, SaveCredentials, find_capture, save_capture};
use crate::archive_lock::{LockEntry, Timestamp, sha256_hex};
use crate::config::ArchiveSettings;
use crate::net::Client;

/// What a visit needs, shared by every worker.
pub(crate) struct Visitor<'a> {
    pub(crate) client: &'a Client,
    pub(crate) settings: &'a ArchiveSettings,
    pub(crate) save: Option<&'a SaveCredentials>,
    /// Set on Ctrl-C: URLs not yet started are skipped.
    pub(crate) stop: &'a AtomicBool,
}

/// How a visit ended.
#[derive(Debug)]
pub enum Visited {
    /// An entry for the lock (which may record that the original is gone or
    /// that no capture exists: those are findings).
    Recorded(Box<LockEntry>),
    /// The archive could not be asked or did not answer; nothing is recorded
    /// and the next run tries again.
    Failed {
        /// The URL.
        url: String,
        /// Why.
        reason: String,
    },
    /// Not started: the run was interrupted.
    Skipped,
}

impl Visitor<'_> {
    pub(crate) fn visit(&self, cited: &CitedUrl) -> Visited {
        if self.stop.load(Ordering::Relaxed) {
            return Visited::Skipped;
        }
        let checked = Timestamp::now();
        let mut problems = Vec::new();
        let status = match self.client.status(&cited.url) {
            Ok(answer) => Some(answer.status),
            Err(error) => {
                problems.push(format!("the original: {error}"));
                None
            }
        };
        let capture = match self.capture(cited, &mut problems) {
            Ok(capture) => capture,
            Err(reason) => {
                return Visited::Failed {
                    url: cited.url.clone(),
                    reason,
                };
            }
        };
        let mut entry = LockEntry {
            url: cited.url.clone(),
            checked,
            status,
            error: None,
            capture: capture.as_ref().map(|c| c.url.clone()),
            captured: capture.as_ref().map(|c| c.captured),
            body_sha256: None,
            text_sha256: None,
            quotes: Vec::new(),
        };
        if let Some(capture) = &capture
            && let Err(reason) = self.read_capture(capture, cited, &mut entry, &mut problems)
        {
            return Visited::Failed {
                url: cited.url.clone(),
                reason,
            };
        }
        entry.error = (!problems.is_empty()).then(|| problems.join("; "));
        Visited::Recorded(Box::new(entry))
    }

    /// The capture to read: found, or made with `--save`; `None` (with a
    /// problem noted) when there is none. `Err` when the archive did not answer.
    fn capture(
        &self,
        cited: &CitedUrl,
        problems: &mut Vec<String>,
    ) -> Result<Option<Capture>, String> {
        match find_capture(self.client, self.settings, &cited.url, cited.not_after()) {
            Ok(capture) => Ok(Some(capture)),
            Err(LookupError::Unavailable(why)) => Err(why),
            Err(LookupError::NoCapture) => match self.save {
                Some(credentials) => {
                    match save_capture(self.client, self.settings, &cited.url, credentials) {
                        Ok(capture) => Ok(Some(capture)),
                        Err(why) => {
                            problems.push(why);
                            Ok(None)
                        }
                    }
                }
                None => {
                    problems.push(
                        "no capture in the archive (`claimtrail archive --save` asks for one)"
                            .to_string(),
                    );
                    Ok(None)
                }
            },
        }
    }

    /// Fetches the capture's bytes into `entry`: hashes and quote checks.
    /// `Err` when the archive did not answer, so the URL is tried again later.
    fn read_capture(
        &self,
        capture: &Capture,
        cited: &CitedUrl,
        entry: &mut LockEntry,
        problems: &mut Vec<String>,
    ) -> Result<(), String> {
        let fetched = match self.client.get(&capture.raw) {
            Ok(fetched) if fetched.is_success() => fetched,
            Ok(fetched) if fetched.status >= 500 => {
                return Err(format!("the capture answered HTTP {}", fetched.status));
            }
            Ok(fetched) => {
                problems.push(format!("the capture answered HTTP {}", fetched.status));
                return Ok(());
            }
            Err(error) if error.is_transient() => return Err(format!("the capture: {error}")),
            Err(error) => {
                problems.push(format!("the capture: {error}"));
                return Ok(());
            }
        };
        entry.body_sha256 = Some(sha256_hex(&fetched.body));
        match readable_text(&fetched) {
            Ok(text) => {
                entry.text_sha256 = Some(sha256_hex(text.as_bytes()));
                let normal = normalise(&text);
                entry.quotes = cited
                    .quotes
                    .iter()
                    .map(|quote| check_quote(quote, &normal))
                    .collect();
            }
            Err(why) => problems.push(why),
        }
        Ok(())
    }
}
