//! Reading the previous `archive.lock` and writing the new one as entries
//! finish: the whole file each time, to a temporary file renamed over the
//! old, so the lock on disk is always complete and valid.
//!
//! Writing the whole file after every URL would be quadratic for a big lock,
//! so a write is skipped while less than [`WRITE_SPACING`] times the last
//! write's duration has passed: a small lock is written after every URL, a
//! big one spends at most about 5% of the run writing. [`LockWriter::finish`]
//! writes whatever is left.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::archive_lock::{ArchiveLock, LOCK_FILE, LOCK_VERSION, LockEntry};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::load::{LockText, read_lock_text};

/// How many times its own duration must pass between two writes.
const WRITE_SPACING: u32 = 20;

/// The lock at `root`, read through the load stage as `check` reads it:
/// empty when there is none; an error (located in the file) when it cannot
/// be read, so a damaged lock is never overwritten.
pub(crate) fn read_lock(root: &Path) -> Result<ArchiveLock, Error> {
    let text = match read_lock_text(root) {
        LockText::Absent => return Ok(ArchiveLock::default()),
        LockText::Text(text) => text,
        LockText::Unreadable(problem) => {
            let (problem, text) = *problem;
            let mut diagnostics = Diagnostics::new();
            if let Some(text) = text {
                diagnostics.add_source(LOCK_FILE, &text);
            }
            diagnostics.push(problem);
            return Err(Error::Content(diagnostics));
        }
    };
    let problem = match ArchiveLock::parse(&text) {
        Ok(lock) if lock.version <= LOCK_VERSION => return Ok(lock),
        Ok(lock) => Diagnostic::error(
            LOCK_FILE,
            format!(
                "{LOCK_FILE} has format version {}; this claimtrail reads version {LOCK_VERSION}",
                lock.version
            ),
        )
        .hint("upgrade claimtrail"),
        Err(error) => {
            let located = Diagnostic::error(
                LOCK_FILE,
                format!("{LOCK_FILE} cannot be read: {}", error.message().trim()),
            );
            match error.span() {
                Some(span) => located.at(span),
                None => located,
            }
            .hint(format!("fix the file, or delete it to archive every URL again; `claimtrail archive` never overwrites a damaged {LOCK_FILE}"))
        }
    };
    let mut diagnostics = Diagnostics::new();
    diagnostics.add_source(LOCK_FILE, &text);
    diagnostics.push(problem);
    Err(Error::Content(diagnostics))
}

/// The lock being updated by a run.
pub(crate) struct LockWriter {
    root: PathBuf,
    entries: BTreeMap<String, LockEntry>,
    /// Entries changed since the last write.
    unsaved: usize,
    last_write: Option<(Instant, Duration)>,
}

impl LockWriter {
    pub(crate) fn new(root: &Path, lock: ArchiveLock) -> LockWriter {
        let entries = lock
            .entries
            .into_iter()
            .map(|entry| (entry.url.clone(), entry))
            .collect();
        LockWriter {
            root: root.to_path_buf(),
            entries,
            unsaved: 0,
            last_write: None,
        }
    }

    /// Drops the entries of URLs `keep` rejects (no longer cited).
    pub(crate) fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        let before = self.entries.len();
        self.entries.retain(|url, _| keep(url));
        self.unsaved += before - self.entries.len();
    }

    /// Records `entry`, writing the file unless the last write was too recent.
    pub(crate) fn record(&mut self, entry: LockEntry) -> Result<(), Error> {
        self.entries.insert(entry.url.clone(), entry);
        self.unsaved += 1;
        let due = self
            .last_write
            .is_none_or(|(at, took)| at.elapsed() >= took * WRITE_SPACING);
        if due { self.write() } else { Ok(()) }
    }

    /// Writes what is not yet on disk.
    pub(crate) fn finish(&mut self) -> Result<(), Error> {
        if self.unsaved > 0 {
            self.write()
        } else {
            Ok(())
        }
    }

    fn write(&mut self) -> Result<(), Error> {
        let started = Instant::now();
        let lock = ArchiveLock {
            version: LOCK_VERSION,
            entries: self.entries.values().cloned().collect(),
        };
        let text = lock
            .to_toml()
            .map_err(|error| Error::Usage(format!("{LOCK_FILE} could not be written: {error}")))?;
        let path = self.root.join(LOCK_FILE);
        write_atomically(&self.root, &path, text.as_bytes())
            .map_err(|error| Error::io(&path, error))?;
        self.unsaved = 0;
        self.last_write = Some((Instant::now(), started.elapsed()));
        Ok(())
    }
}

/// Writes `bytes` to a temporary file in `folder`, flushes it to disk, then renames it to `path`.
fn write_atomically(folder: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = tempfile::Builder::new()
        .prefix(".archive.lock.")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|error| error.error)?;
    Ok(())
}
