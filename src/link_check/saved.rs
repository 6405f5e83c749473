//! The verdicts cache of one run: read at the start, saved every few seconds
//! while links are visited, and saved once more at the end with only the
//! links still cited. Problems with the file are warnings: the run goes on.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::cache::Cache;
use super::cited::CitedUrls;
use super::health::Health;
use crate::config::LinkSettings;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// How often verdicts found so far are saved during a long run, so an
/// interrupted run keeps most of its work.
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// The cache, where it lives, and the run's clock.
pub(crate) struct SavedVerdicts {
    cache: Cache,
    /// The file on disk.
    path: PathBuf,
    /// The file as `[links] cache` names it, for diagnostics.
    name: String,
    ttl: Duration,
    /// When the run started: verdicts are recorded as of then.
    now: OffsetDateTime,
    last_saved: Instant,
}

impl SavedVerdicts {
    /// Reads the cache `settings` name under `root`; a file that cannot be
    /// read is a warning and an empty cache.
    pub(crate) fn open(
        root: &Path,
        settings: &LinkSettings,
        diagnostics: &mut Diagnostics,
    ) -> SavedVerdicts {
        let path = root.join(&settings.cache);
        let (cache, unreadable) = Cache::read(&path);
        if let Some(reason) = unreadable {
            let message =
                format!("the link cache could not be read ({reason}); every link is checked again");
            let hint = "it is rewritten at the end of this run; deleting it is safe";
            diagnostics.push(Diagnostic::warning(&settings.cache, message).hint(hint));
        }
        SavedVerdicts {
            cache,
            path,
            name: settings.cache.clone(),
            ttl: settings.ttl,
            now: OffsetDateTime::now_utc(),
            last_saved: Instant::now(),
        }
    }

    /// The verdict on `url`, if one was reached within the TTL.
    pub(crate) fn fresh(&self, url: &str) -> Option<&Health> {
        self.cache.fresh(url, self.now, self.ttl)
    }

    /// Records a visit's verdict, saving the file when the last save is
    /// [`SAVE_EVERY`] old (a failure here is reported by [`Self::close`]).
    pub(crate) fn record(&mut self, url: &str, health: &Health) {
        self.cache.record(url, health, self.now);
        if self.last_saved.elapsed() >= SAVE_EVERY {
            let _ = self.cache.write(&self.path);
            self.last_saved = Instant::now();
        }
    }

    /// Saves the verdicts on the links `cited` still names.
    pub(crate) fn close(mut self, cited: &CitedUrls, diagnostics: &mut Diagnostics) {
        self.cache.keep_only(|url| cited.contains(url));
        if let Err(reason) = self.cache.write(&self.path) {
            let message = format!("the link cache could not be saved: {reason}");
            let hint = "the next run checks every link again";
            diagnostics.push(Diagnostic::warning(&self.name, message).hint(hint));
        }
    }
}
