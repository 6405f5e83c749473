//! What the server shows right now: the last good site, or the error page of a broken edit.

use std::sync::{Arc, PoisonError, RwLock};

use bytes::Bytes;
use tokio::sync::broadcast;

use crate::session::SiteFiles;

/// What browsers listening for reloads are told.
#[derive(Debug, Clone, Copy)]
pub enum Signal {
    /// The site changed: reload. Counts rebuilds.
    Reload(u64),
    /// The server is shutting down: close the stream.
    Stop,
}

#[derive(Default)]
struct Current {
    site: Arc<SiteFiles>,
    error_page: Option<Bytes>,
    version: u64,
}

/// State shared by the HTTP handlers and the rebuild thread.
pub struct Shared {
    base_path: String,
    current: RwLock<Current>,
    signals: broadcast::Sender<Signal>,
}

impl Shared {
    /// Nothing served yet, under `base_path` (`/` or `/sub-path/`).
    pub fn new(base_path: String) -> Shared {
        Shared {
            base_path,
            current: RwLock::default(),
            signals: broadcast::channel(16).0,
        }
    }

    /// The path the site is mounted at.
    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// Serves `site` from now on and tells every tab to reload.
    pub fn publish(&self, site: SiteFiles) {
        self.update(|current| {
            current.site = Arc::new(site);
            current.error_page = None;
        });
    }

    /// Shows `page` in place of the site's pages (keeping its other files) and reloads.
    pub fn show_error(&self, page: String) {
        self.update(|current| current.error_page = Some(Bytes::from(page)));
    }

    fn update(&self, change: impl FnOnce(&mut Current)) {
        let version = {
            let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
            change(&mut current);
            current.version += 1;
            current.version
        };
        // No tab listening is fine.
        let _ = self.signals.send(Signal::Reload(version));
    }

    /// Closes every reload stream, so the server can finish its connections.
    pub fn stop(&self) {
        let _ = self.signals.send(Signal::Stop);
    }

    /// A new listener for reloads.
    pub fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.signals.subscribe()
    }

    /// The file at an output path, if the site has it.
    pub fn file(&self, path: &str) -> Option<Bytes> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.site.get(path).cloned()
    }

    /// The error page, while the latest edit is broken.
    pub fn error_page(&self) -> Option<Bytes> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        current.error_page.clone()
    }
}
