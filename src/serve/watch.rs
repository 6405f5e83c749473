//! Watches the site's sources and tells the builder about each save.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::error::Error;
use crate::load::Area;

/// How long a burst of file events must be quiet before it counts as one save.
const DEBOUNCE: Duration = Duration::from_millis(50);

type Debouncer = notify_debouncer_full::Debouncer<
    notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// Watches a site's sources and tells the site thread what changed.
pub(super) struct Watcher {
    root: PathBuf,
    debouncer: Debouncer,
}

impl Watcher {
    /// Starts watching the site at `root`; each debounced batch of changes
    /// is sent to `changes` as one list of paths.
    pub(super) fn start(
        root: &Path,
        changes: mpsc::Sender<Vec<PathBuf>>,
    ) -> Result<Watcher, Error> {
        let filter_root = root.to_path_buf();
        let handler = move |result: DebounceEventResult| {
            let changed: Vec<PathBuf> = changed_paths(result)
                .into_iter()
                .filter(|path| is_watched(&filter_root, path))
                .collect();
            if !changed.is_empty() {
                // The builder is gone only when the server is stopping.
                let _ = changes.send(changed);
            }
        };
        let debouncer = new_debouncer(DEBOUNCE, None, handler)
            .map_err(|e| Error::Usage(format!("cannot watch the site for changes: {e}")))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            debouncer,
        };
        // The root itself, not recursively: site.toml, and folders created later.
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        for top in Area::ALL.map(|area| top_folder(area.path())) {
            let path = root.join(top);
            if path.is_dir() {
                watcher.watch(&path, RecursiveMode::Recursive)?;
            }
        }
        Ok(watcher)
    }

    /// Takes note of changed paths: a watched folder created after start is watched from now on.
    pub(super) fn notice(&mut self, changed: &[PathBuf]) {
        for path in changed {
            if path.parent() == Some(self.root.as_path()) && path.is_dir() {
                let _ = self.debouncer.watch(path, RecursiveMode::Recursive);
            }
        }
    }

    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> Result<(), Error> {
        self.debouncer
            .watch(path, mode)
            .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", path.display())))
    }
}

/// The paths a debounced batch changed; reads (ours included) are not changes.
fn changed_paths(result: DebounceEventResult) -> Vec<PathBuf> {
    match result {
        Ok(events) => events
            .into_iter()
            .filter(|event| !matches!(event.kind, EventKind::Access(_)))
            .flat_map(|event| event.event.paths)
            .collect(),
        Err(errors) => {
            for error in errors {
                eprintln!("warning: file watcher: {error}");
            }
            Vec::new()
        }
    }
}

/// Whether `path` is in one of the areas of the site the load stage reads.
fn is_watched(root: &Path, path: &Path) -> bool {
    path.strip_prefix(root)
        .is_ok_and(|relative| Area::of(relative).is_some())
}

/// The first name of an area's path: the folder (or file) to watch at the root.
fn top_folder(path: &str) -> &str {
    path.split('/').next().unwrap_or(path)
}
