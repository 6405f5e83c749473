//! The search index under `serve`, built in the background so that a reload
//! never waits for it.
//!
//! Every published version asks for an index; the indexer waits until no newer
//! version has arrived for [`QUIET`], indexes only the latest, and hands the
//! files to [`Shared`]. Until then the previous index (or none) is served.

use std::sync::{Arc, mpsc};
use std::time::Duration;

use super::state::Shared;
use crate::model::Site;

/// How long the site must stay unchanged before indexing starts: indexing a
/// large site takes seconds of CPU that a burst of saves should not pay for.
pub(super) const QUIET: Duration = Duration::from_secs(2);

/// Asks for indexes; dropping it ends the indexer thread.
#[derive(Clone)]
pub(super) struct Indexer {
    requests: mpsc::Sender<(u64, Arc<Site>)>,
}

impl Indexer {
    /// Starts the indexer thread, which gives its indexes to `shared`.
    pub(super) fn start(shared: Arc<Shared>) -> std::io::Result<Indexer> {
        let (requests, jobs) = mpsc::channel();
        std::thread::Builder::new()
            .name("claimtrail-search".into())
            .spawn(move || run(&jobs, &shared))?;
        Ok(Indexer { requests })
    }

    /// Asks for the index of `site`, published as `version`.
    pub(super) fn request(&self, version: u64, site: Arc<Site>) {
        // The indexer only stops when the server does.
        let _ = self.requests.send((version, site));
    }
}

fn run(jobs: &mpsc::Receiver<(u64, Arc<Site>)>, shared: &Shared) {
    while let Ok(mut latest) = jobs.recv() {
        loop {
            match jobs.recv_timeout(QUIET) {
                Ok(newer) => latest = newer,
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        let (version, site) = latest;
        match crate::search::index_files(&site) {
            Ok(files) => shared.set_search(version, files),
            Err(problem) => eprintln!("warning: search index not built: {}", problem.message),
        }
    }
}
