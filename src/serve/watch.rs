//! Watches the site's sources and rebuilds the in-memory site after each save.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::state::Shared;
use crate::Error;
use crate::session::Session;

/// How long a burst of file events must be quiet before it counts as one save.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// What is watched under the site root.
const WATCHED: [&str; 4] = ["site.toml", "content", "templates", "static"];

/// Starts watching `session`'s site on a thread of its own; every change
/// rebuilds and publishes the site (or its error page) to `shared`.
pub fn start(session: Session, shared: Arc<Shared>) -> Result<(), Error> {
    let (sender, events) = mpsc::channel();
    let mut debouncer = new_debouncer(DEBOUNCE, None, sender)
        .map_err(|e| Error::Usage(format!("cannot watch the site for changes: {e}")))?;
    let root = session.root().to_path_buf();
    // The root itself, not recursively: site.toml, and folders created later.
    watch(&mut debouncer, &root, RecursiveMode::NonRecursive)?;
    for folder in &WATCHED[1..] {
        let path = root.join(folder);
        if path.is_dir() {
            watch(&mut debouncer, &path, RecursiveMode::Recursive)?;
        }
    }
    std::thread::Builder::new()
        .name("claimtrail-watch".into())
        .spawn(move || {
            rebuild_loop(session, &shared, &events, |path| {
                // A watched folder created after start: watch it from now on.
                let _ = debouncer.watch(path, RecursiveMode::Recursive);
            })
        })
        .map_err(|e| Error::Usage(format!("cannot start the file watcher: {e}")))?;
    Ok(())
}

fn watch(
    debouncer: &mut notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    path: &Path,
    mode: RecursiveMode,
) -> Result<(), Error> {
    debouncer
        .watch(path, mode)
        .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", path.display())))
}

fn rebuild_loop(
    mut session: Session,
    shared: &Shared,
    events: &mpsc::Receiver<DebounceEventResult>,
    mut watch_new_folder: impl FnMut(&Path),
) {
    let root = session.root().to_path_buf();
    while let Ok(first) = events.recv() {
        // Saves that arrived during the last rebuild are handled by one rebuild.
        let batches = std::iter::once(first).chain(events.try_iter());
        let changed: Vec<PathBuf> = batches
            .flat_map(changed_paths)
            .filter(|path| is_watched(&root, path))
            .collect();
        if changed.is_empty() {
            continue;
        }
        for path in &changed {
            if path.parent() == Some(root.as_path()) && path.is_dir() {
                watch_new_folder(path);
            }
        }
        let started = Instant::now();
        if let Err(error) = session.update(&changed) {
            eprintln!("error: {error}");
            continue;
        }
        super::publish(shared, session.build(), started);
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

fn is_watched(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    matches!(
        relative.components().next(),
        Some(Component::Normal(name)) if WATCHED.iter().any(|w| name == *w)
    )
}
