//! A run of `claimtrail archive`: check the site, plan the visits, visit on
//! worker threads, and record each finished URL in the lock file.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use super::collect::{CitedUrl, collect, select};
use super::lock::{LockWriter, read_lock};
use super::plan::{Reason, reason};
use super::visit::{Visited, Visitor};
use super::wayback::SaveCredentials;
use crate::archive_lock::{ArchiveLock, LOCK_FILE, Timestamp};
use crate::error::Error;
use crate::model::Site;
use crate::net::{Client, NetSettings, for_each_parallel};

/// What `claimtrail archive` was asked to do.
#[derive(Debug, Clone)]
pub struct ArchiveOptions {
    /// The site folder (holding `site.toml`).
    pub root: PathBuf,
    /// Claim and document ids whose URLs to visit; every URL when empty.
    pub only: Vec<String>,
    /// How many URLs are visited at once.
    pub concurrency: usize,
    /// Only say what would be visited.
    pub dry_run: bool,
    /// Ask Save Page Now for a capture when none exists (`--save`).
    pub save: Option<SaveCredentials>,
}

/// Follows a run as it goes.
pub trait Progress {
    /// The run is about to visit `total` URLs.
    fn start(&mut self, total: usize);
    /// A URL was visited.
    fn visited(&mut self, visited: &Visited);
    /// Every visit is over.
    fn finish(&mut self);
}

/// The URLs a run would visit, and how many it leaves as they are.
#[derive(Debug)]
pub struct Plan {
    /// Every URL the site cites.
    pub cited: usize,
    /// The URLs `--only` selects (all of them without it).
    pub selected: usize,
    /// Whether `--only` narrowed the run.
    pub narrowed: bool,
    /// The URLs to visit, with why.
    pub visits: Vec<(CitedUrl, Reason)>,
    /// Entries of URLs no longer cited, dropped from the lock.
    pub dropped: usize,
}

/// What a run did.
#[derive(Debug)]
pub struct ArchiveReport {
    /// What it set out to do.
    pub plan: Plan,
    /// URLs whose entry was written.
    pub recorded: usize,
    /// URLs the archive could not be asked about, with why.
    pub failed: Vec<(String, String)>,
    /// URLs not visited because the run was interrupted.
    pub skipped: usize,
    /// HTTP requests sent.
    pub requests: u64,
    /// Wall time of the visits.
    pub elapsed: Duration,
}

/// Checks the site at `options.root` as `check` does, then works out what to visit.
pub fn plan(options: &ArchiveOptions) -> Result<(Site, ArchiveLock, Plan), Error> {
    let checked = crate::pipeline::check(&options.root, true)?;
    let Some(site) = checked.site else {
        return Err(Error::Content(checked.diagnostics));
    };
    let lock = read_lock(&options.root)?;
    let all = collect(&site);
    let cited: BTreeSet<&str> = all.iter().map(|c| c.url.as_str()).collect();
    let dropped = lock
        .entries
        .iter()
        .filter(|e| !cited.contains(e.url.as_str()))
        .count();
    let total = all.len();
    let selected =
        select(all, &options.only, &site).map_err(|problems| Error::Usage(problems.join("\n")))?;
    let selected_count = selected.len();
    let now = Timestamp::now();
    let max_age = site.config.archive.max_age_days;
    let saving = options.save.is_some();
    let visits = selected
        .into_iter()
        .filter_map(|cited| reason(&cited, &lock, now, max_age, saving).map(|why| (cited, why)))
        .collect();
    let plan = Plan {
        cited: total,
        selected: selected_count,
        narrowed: !options.only.is_empty(),
        visits,
        dropped,
    };
    Ok((site, lock, plan))
}

/// Runs `claimtrail archive`: visits what [`plan`] chose, writing the lock
/// file as URLs finish. `stop` (set on Ctrl-C) lets the visits under way
/// finish and starts no more.
pub fn archive(
    options: &ArchiveOptions,
    progress: &mut dyn Progress,
    stop: &AtomicBool,
) -> Result<ArchiveReport, Error> {
    let (site, lock, plan) = plan(options)?;
    let mut writer = LockWriter::new(&options.root, lock);
    let cited: BTreeSet<String> = collect(&site).into_iter().map(|c| c.url).collect();
    writer.retain(|url| cited.contains(url));
    let client = Client::new(NetSettings::from_config(&site.config.archive));
    let visitor = Visitor {
        client: &client,
        settings: &site.config.archive,
        save: options.save.as_ref(),
        stop,
    };
    let started = Instant::now();
    let (mut recorded, mut skipped, mut failed) = (0, 0, Vec::new());
    let mut write_error = None;
    let urls: Vec<&CitedUrl> = plan.visits.iter().map(|(cited, _)| cited).collect();
    progress.start(urls.len());
    for_each_parallel(
        urls,
        options.concurrency,
        |cited| visitor.visit(cited),
        |visited| {
            progress.visited(&visited);
            match visited {
                Visited::Recorded(entry) => match writer.record(*entry) {
                    Ok(()) => recorded += 1,
                    Err(error) => write_error = Some(error),
                },
                Visited::Failed { url, reason } => failed.push((url, reason)),
                Visited::Skipped => skipped += 1,
            }
        },
    );
    progress.finish();
    if let Some(error) = write_error {
        return Err(error);
    }
    writer.finish()?;
    Ok(ArchiveReport {
        plan,
        recorded,
        failed,
        skipped,
        requests: client.requests_sent(),
        elapsed: started.elapsed(),
    })
}

/// The lock file's path for `options`.
pub fn lock_path(options: &ArchiveOptions) -> PathBuf {
    options.root.join(LOCK_FILE)
}
