//! What the server shows right now, shared by the HTTP handlers and the site thread:
//! the static files, the pages rendered since the last change, the error page of a
//! broken edit, and the way to ask the site thread for a page not rendered yet.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock, mpsc};

use bytes::Bytes;
use tokio::sync::{broadcast, oneshot};

use super::site::Message;
use crate::session::Statics;

/// What browsers listening for reloads are told.
#[derive(Debug, Clone, Copy)]
pub enum Signal {
    /// The site changed: reload. Counts rebuilds.
    Reload(u64),
    /// The server is shutting down: close the stream.
    Stop,
}

/// What an output path holds in the current site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The file's contents.
    File(Bytes),
    /// The site has no such file.
    Missing,
    /// The file's template failed: an error page saying why.
    Broken(Bytes),
}

#[derive(Default)]
struct Current {
    version: u64,
    statics: Arc<Statics>,
    error_page: Option<Bytes>,
    /// Files rendered since the last change, by output path.
    rendered: HashMap<String, Answer>,
}

/// State shared by the HTTP handlers and the site thread.
pub struct Shared {
    base_path: String,
    current: RwLock<Current>,
    signals: broadcast::Sender<Signal>,
    site: mpsc::Sender<Message>,
}

impl Shared {
    /// Nothing served yet, under `base_path` (`/` or `/sub-path/`); pages are asked of `site`.
    pub fn new(base_path: String, site: mpsc::Sender<Message>) -> Shared {
        Shared {
            base_path,
            current: RwLock::default(),
            signals: broadcast::channel(16).0,
            site,
        }
    }

    /// The path the site is mounted at.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// Serves a new version of the site from now on: `statics`, every page
    /// rendered afresh, and `error_page` (if the latest save is broken) in
    /// place of every page. Tells every tab to reload; returns the version.
    pub fn publish(&self, statics: Arc<Statics>, error_page: Option<String>) -> u64 {
        let version = {
            let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
            current.version += 1;
            current.statics = statics;
            current.error_page = error_page.map(Bytes::from);
            current.rendered.clear();
            current.version
        };
        // No tab listening is fine.
        let _ = self.signals.send(Signal::Reload(version));
        version
    }

    /// Keeps what `path` holds in site `version`, unless a newer version is out.
    pub fn remember(&self, version: u64, path: &str, answer: &Answer) {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        if current.version == version {
            current.rendered.insert(path.to_string(), answer.clone());
        }
    }

    /// Closes every reload stream, so the server can finish its connections.
    pub fn stop(&self) {
        let _ = self.signals.send(Signal::Stop);
    }

    /// A new listener for reloads.
    pub fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.signals.subscribe()
    }

    /// What the site holds at an output path: a static file, a page already
    /// rendered, or else whatever the site thread renders for it now.
    pub async fn file(&self, path: &str) -> Answer {
        if let Some(known) = self.known(path) {
            return known;
        }
        let (reply, answer) = oneshot::channel();
        if self.site.send(Message::Fetch(path.to_string(), reply)).is_err() {
            return Answer::Missing;
        }
        answer.await.unwrap_or(Answer::Missing)
    }

    fn known(&self, path: &str) -> Option<Answer> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(bytes) = current.statics.get(path) {
            return Some(Answer::File(bytes.clone()));
        }
        current.rendered.get(path).cloned()
    }

    /// The error page, while the latest edit is broken.
    pub fn error_page(&self) -> Option<Bytes> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.error_page.clone()
    }
}
