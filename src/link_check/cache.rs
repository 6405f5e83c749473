//! The results file of `check --links` (`[links] cache`, by default
//! `.claimtrail/links-cache.toml`): when each cited link was last found live
//! or dead, so a run within `ttl_hours` asks nothing of its server.
//!
//! Only verdicts are kept: a link that could not be checked is tried again
//! on the next run. Links no longer cited are dropped. The file is TOML,
//! sorted by URL, and replaced whole (temporary file, then rename), so an
//! interrupted run leaves the previous file intact.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::macros::format_description;
use toml::value::Datetime;

use super::health::Health;

/// The format version this code writes and reads.
const VERSION: u32 = 1;

/// The first lines of the file.
const HEADER: &str = "# Written by `claimtrail check --links`: the last verdict on each cited link.\n# Safe to delete; links are checked again once `[links] ttl_hours` have passed.\n";

/// The file as TOML.
#[derive(Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    #[serde(default)]
    link: Vec<Record>,
}

/// One link's last verdict.
#[derive(Serialize, Deserialize)]
struct Record {
    url: String,
    checked: Datetime,
    status: u16,
    state: State,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum State {
    Live,
    Dead,
}

/// A verdict and when it was reached.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Verdict {
    checked: OffsetDateTime,
    health: Health,
}

/// The verdicts read from, and to be written to, the results file.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    verdicts: BTreeMap<String, Verdict>,
}

impl Cache {
    /// Reads the results file at `path`. A missing file is an empty cache;
    /// an unreadable one is also empty, with the reason why.
    pub(crate) fn read(path: &Path) -> (Cache, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return (Cache::default(), None);
            }
            Err(error) => return (Cache::default(), Some(error.to_string())),
        };
        match Cache::parse(&text) {
            Ok(cache) => (cache, None),
            Err(reason) => (Cache::default(), Some(reason)),
        }
    }

    fn parse(text: &str) -> Result<Cache, String> {
        let file: CacheFile = toml::from_str(text).map_err(|e| e.message().to_string())?;
        if file.version != VERSION {
            return Err(format!("it has version {}, not {VERSION}", file.version));
        }
        let verdicts = file
            .link
            .into_iter()
            .filter_map(|record| {
                let health = match record.state {
                    State::Live => Health::Live {
                        status: record.status,
                    },
                    State::Dead => Health::Dead {
                        status: record.status,
                    },
                };
                let checked = utc(&record.checked)?;
                Some((record.url, Verdict { checked, health }))
            })
            .collect();
        Ok(Cache { verdicts })
    }

    /// The verdict on `url` if it was reached less than `ttl` before `now`.
    pub(crate) fn fresh(&self, url: &str, now: OffsetDateTime, ttl: Duration) -> Option<&Health> {
        let verdict = self.verdicts.get(url)?;
        let age = now - verdict.checked;
        (!age.is_negative() && age < ttl).then_some(&verdict.health)
    }

    /// Records what a visit to `url` at `now` found; an unreachable link
    /// keeps no verdict.
    pub(crate) fn record(&mut self, url: &str, health: &Health, now: OffsetDateTime) {
        match health {
            Health::Live { .. } | Health::Dead { .. } => {
                let verdict = Verdict {
                    checked: now,
                    health: health.clone(),
                };
                self.verdicts.insert(url.to_string(), verdict);
            }
            Health::Unreachable { .. } => {
                self.verdicts.remove(url);
            }
        }
    }

    /// Forgets every link `cited` does not name.
    pub(crate) fn keep_only(&mut self, cited: impl Fn(&str) -> bool) {
        self.verdicts.retain(|url, _| cited(url));
    }

    /// The file's text: the header, then one `[[link]]` per verdict, by URL.
    fn to_text(&self) -> Result<String, String> {
        let link = self
            .verdicts
            .iter()
            .filter_map(|(url, verdict)| {
                let (state, status) = match verdict.health {
                    Health::Live { status } => (State::Live, status),
                    Health::Dead { status } => (State::Dead, status),
                    Health::Unreachable { .. } => return None,
                };
                let checked = toml_datetime(verdict.checked)?;
                Some(Record {
                    url: url.clone(),
                    checked,
                    status,
                    state,
                })
            })
            .collect();
        let file = CacheFile {
            version: VERSION,
            link,
        };
        let body = toml::to_string(&file).map_err(|e| e.to_string())?;
        Ok(format!("{HEADER}{body}"))
    }

    /// Replaces the file at `path` (and makes its folder) in one rename.
    pub(crate) fn write(&self, path: &Path) -> Result<(), String> {
        let text = self.to_text()?;
        let folder = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        let mut temporary = tempfile::NamedTempFile::new_in(&folder).map_err(|e| e.to_string())?;
        temporary
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string())?;
        temporary.persist(path).map_err(|e| e.error.to_string())?;
        Ok(())
    }
}

/// `time` as a TOML date-time in UTC, to the second: `2026-12-05T19:00:00Z`.
fn toml_datetime(time: OffsetDateTime) -> Option<Datetime> {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    let text = time.to_offset(time::UtcOffset::UTC).format(format).ok()?;
    text.parse().ok()
}

/// A TOML offset date-time as an instant; `None` for a local date or time.
fn utc(datetime: &Datetime) -> Option<OffsetDateTime> {
    let (date, clock, offset) = (datetime.date?, datetime.time?, datetime.offset?);
    let date = crate::fields::calendar_date(date.year, date.month, date.day)?;
    let second = clock.second.unwrap_or(0);
    let clock = time::Time::from_hms(clock.hour, clock.minute, second).ok()?;
    let minutes = match offset {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i32::from(minutes),
    };
    let offset = time::UtcOffset::from_whole_seconds(minutes * 60).ok()?;
    Some(date.with_time(clock).assume_offset(offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> OffsetDateTime {
        utc(&text.parse().unwrap()).unwrap()
    }

    const DAY: Duration = Duration::from_secs(24 * 3600);

    #[test]
    fn writes_sorted_verdicts_and_reads_them_back() {
        let now = at("2026-12-05T19:00:00Z");
        let mut cache = Cache::default();
        cache.record("https://b.test/", &Health::Dead { status: 410 }, now);
        cache.record("https://a.test/", &Health::Live { status: 200 }, now);
        let unreachable = Health::Unreachable {
            reason: "timed out".into(),
        };
        cache.record("https://c.test/", &unreachable, now);
        let text = cache.to_text().unwrap();
        assert_eq!(
            text,
            format!(
                "{HEADER}version = 1\n\n[[link]]\nurl = \"https://a.test/\"\nchecked = 2026-12-05T19:00:00Z\nstatus = 200\nstate = \"live\"\n\n[[link]]\nurl = \"https://b.test/\"\nchecked = 2026-12-05T19:00:00Z\nstatus = 410\nstate = \"dead\"\n"
            )
        );
        let read = Cache::parse(&text).unwrap();
        assert_eq!(read.verdicts, cache.verdicts);
    }

    #[test]
    fn a_verdict_holds_for_the_ttl_only() {
        let then = at("2026-12-05T19:00:00Z");
        let mut cache = Cache::default();
        cache.record("https://a.test/", &Health::Live { status: 200 }, then);
        let fresh = |now: &str| cache.fresh("https://a.test/", at(now), DAY).is_some();
        assert!(fresh("2026-12-05T19:00:00Z"));
        assert!(fresh("2026-12-06T18:59:59Z"));
        assert!(!fresh("2026-12-06T19:00:00Z"));
        // A verdict from the future (a clock set wrong) is not trusted.
        assert!(!fresh("2026-12-05T18:00:00Z"));
        assert!(
            cache
                .fresh("https://a.test/", then, Duration::ZERO)
                .is_none()
        );
        assert!(cache.fresh("https://other.test/", then, DAY).is_none());
    }

    #[test]
    fn an_unreachable_link_forgets_its_old_verdict() {
        let now = at("2026-12-05T19:00:00Z");
        let mut cache = Cache::default();
        cache.record("https://a.test/", &Health::Live { status: 200 }, now);
        let timed_out = Health::Unreachable {
            reason: "timed out".into(),
        };
        cache.record("https://a.test/", &timed_out, now);
        assert!(cache.verdicts.is_empty());
    }

    #[test]
    fn a_broken_or_foreign_file_is_an_empty_cache_with_a_reason() {
        assert!(
            Cache::parse("version = 2\n")
                .unwrap_err()
                .contains("version 2")
        );
        assert!(Cache::parse("[[link]\n").is_err());
        assert!(Cache::parse("version = 1\n[[link]]\nurl = 3\n").is_err());
        // An offset is read as the instant it names; a local time is skipped.
        let text = "version = 1\n[[link]]\nurl = \"https://a.test/\"\nchecked = 2026-12-05T20:00:00+01:00\nstatus = 200\nstate = \"live\"\n[[link]]\nurl = \"https://b.test/\"\nchecked = 2026-12-05T20:00:00\nstatus = 200\nstate = \"live\"\n";
        let cache = Cache::parse(text).unwrap();
        let now = at("2026-12-05T19:00:00Z");
        assert!(cache.fresh("https://a.test/", now, DAY).is_some());
        assert_eq!(cache.verdicts.len(), 1);
    }

    #[test]
    fn writes_atomically_into_a_new_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".claimtrail/links-cache.toml");
        let mut cache = Cache::default();
        let now = at("2026-12-05T19:00:00Z");
        cache.record("https://a.test/", &Health::Live { status: 200 }, now);
        cache.write(&path).unwrap();
        let (read, problem) = Cache::read(&path);
        assert_eq!(problem, None);
        assert_eq!(read.verdicts, cache.verdicts);
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
        let (empty, problem) = Cache::read(&dir.path().join("missing.toml"));
        assert!(empty.verdicts.is_empty() && problem.is_none());
    }
}
