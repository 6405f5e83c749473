//! What the server shows right now, shared by the HTTP handlers and the site
//! threads: the static files, the files rendered since the last change, the
//! error page of a broken edit, and the thread to ask for anything else.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock, mpsc};

use bytes::Bytes;
use tokio::sync::{broadcast, oneshot};

use crate::session::Statics;

/// A request for what an output path holds, with where to send the answer:
/// what [`Shared`] asks the thread of the current version of the site.
pub(super) type Fetch = (String, oneshot::Sender<Answer>);

/// What browsers listening for reloads are told.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Signal {
    /// The site changed: reload. Counts changes.
    Reload(u64),
    /// The server is shutting down: close the stream.
    Stop,
}

/// What an output path holds in the current site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Answer {
    /// The file's contents.
    File(Bytes),
    /// The site has no such file.
    Missing,
    /// The file's template failed: an error page saying why.
    Broken(Bytes),
}

#[derive(Default)]
struct Current {
    /// Counts published versions of the site.
    version: u64,
    /// Counts reloads (new versions and error pages).
    reloads: u64,
    statics: Arc<Statics>,
    error_page: Option<Bytes>,
    /// Files rendered from this version, by output path.
    rendered: HashMap<String, Answer>,
    /// The search index (`pagefind/...`), from this version or an earlier one.
    search: Arc<Statics>,
    /// The thread serving this version; none before the first good build.
    site: Option<mpsc::Sender<Fetch>>,
}

/// State shared by the HTTP handlers and the site threads.
pub(crate) struct Shared {
    base_path: String,
    current: RwLock<Current>,
    signals: broadcast::Sender<Signal>,
}

impl Shared {
    /// Nothing served yet, under `base_path` (`/` or `/sub-path/`).
    pub(crate) fn new(base_path: String) -> Shared {
        Shared {
            base_path,
            current: RwLock::default(),
            signals: broadcast::channel(16).0,
        }
    }

    /// The path the site is mounted at.
    pub(crate) fn base_path(&self) -> &str {
        &self.base_path
    }

    /// Serves a new version of the site from now on: `statics`, and every
    /// other file rendered afresh by the thread listening on `site`. Clears
    /// the error page and tells every tab to reload; returns the version.
    pub(crate) fn publish(&self, statics: Arc<Statics>, site: mpsc::Sender<Fetch>) -> u64 {
        self.update(|current| {
            current.version += 1;
            current.statics = statics;
            current.error_page = None;
            current.rendered.clear();
            // The previous version's thread ends once its last request is answered.
            current.site = Some(site);
            current.version
        })
    }

    /// Shows `page` in place of every page (keeping the last good version for
    /// other files) and tells every tab to reload.
    pub(crate) fn show_error(&self, page: String) {
        self.update(|current| current.error_page = Some(Bytes::from(page)));
    }

    fn update<R>(&self, change: impl FnOnce(&mut Current) -> R) -> R {
        let (result, reloads) = {
            let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
            let result = change(&mut current);
            current.reloads += 1;
            (result, current.reloads)
        };
        // No tab listening is fine.
        let _ = self.signals.send(Signal::Reload(reloads));
        result
    }

    /// Keeps what `path` holds in site `version`, unless a newer version is out.
    pub(crate) fn remember(&self, version: u64, path: &str, answer: &Answer) {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        if current.version == version {
            current.rendered.insert(path.to_string(), answer.clone());
        }
    }

    /// Serves `files` (the search index of site `version`) from now on, unless
    /// a newer version is out (its own index is on the way). No reload: the
    /// page a reader is on does not change.
    pub(crate) fn set_search(&self, version: u64, files: Vec<crate::render::OutputFile>) {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        if current.version == version {
            current.search = Arc::new(
                files
                    .into_iter()
                    .map(|file| (file.path, Bytes::from(file.bytes)))
                    .collect(),
            );
        }
    }

    /// Closes every reload stream, so the server can finish its connections.
    pub(crate) fn stop(&self) {
        let _ = self.signals.send(Signal::Stop);
    }

    /// A new listener for reloads.
    pub(crate) fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.signals.subscribe()
    }

    /// What the site holds at an output path: a static file, a file already
    /// rendered, or else whatever the site thread renders for it now.
    pub(crate) async fn file(&self, path: &str) -> Answer {
        let site = {
            let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
            if let Some(bytes) = current.statics.get(path).or(current.search.get(path)) {
                return Answer::File(bytes.clone());
            }
            if let Some(known) = current.rendered.get(path) {
                return known.clone();
            }
            current.site.clone()
        };
        let Some(site) = site else {
            return Answer::Missing;
        };
        let (reply, answer) = oneshot::channel();
        if site.send((path.to_string(), reply)).is_err() {
            return Answer::Missing;
        }
        drop(site);
        answer.await.unwrap_or(Answer::Missing)
    }

    /// The error page, while the latest edit is broken.
    pub(crate) fn error_page(&self) -> Option<Bytes> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.error_page.clone()
    }
}
