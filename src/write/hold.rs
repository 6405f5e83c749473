//! Which staging folders belong to a running build, and what happens to the
//! ones a killed build left behind.
//!
//! A build holds an exclusive lock on its staging folder's marker file for as
//! long as it writes. The system drops the lock when the process ends, however
//! it ends, so a marked staging folder that nobody holds was left by a build
//! that was killed (Ctrl-C included): the next build of the same output takes
//! it as its spare tree, or removes it when there already is one.

use std::fs::{self, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{MARKER, MARKER_TEXT, is_output_folder, keep_as_spare, output_name};
use crate::error::Error;

/// How many random characters end a staging folder's name.
pub(super) const RANDOM_CHARS: usize = 6;

/// The marker's name while it is written, before it is locked.
pub(super) const DRAFT: &str = ".claimtrail-output.new";

/// A build's lock on the marker of a folder it writes; released on drop.
pub(super) struct Hold {
    _marker: fs::File,
    /// False where the file system has no locks: such a folder is never
    /// taken for abandoned.
    locked: bool,
}

/// Locks the marker of `folder`, or `None` when there is none or another
/// build holds it.
pub(super) fn hold(folder: &Path) -> Option<Hold> {
    if !is_output_folder(folder) {
        return None;
    }
    let marker = fs::File::open(folder.join(MARKER)).ok()?;
    let locked = try_lock(&marker)?;
    Some(Hold {
        _marker: marker,
        locked,
    })
}

/// Marks the new, empty `folder` as claimtrail's and holds it. The marker is
/// made under another name, locked, then renamed, so no other build sees the
/// marker unlocked.
pub(super) fn mark_and_hold(folder: &Path) -> Result<Hold, Error> {
    let draft = folder.join(DRAFT);
    let mut file = fs::File::create(&draft).map_err(|e| Error::io(&draft, e))?;
    // A file just made cannot be held by another build.
    let locked = try_lock(&file).unwrap_or(false);
    file.write_all(MARKER_TEXT.as_bytes())
        .map_err(|e| Error::io(&draft, e))?;
    let marker = folder.join(MARKER);
    fs::rename(&draft, &marker).map_err(|e| Error::io(&marker, e))?;
    Ok(Hold {
        _marker: file,
        locked,
    })
}

/// The start of the names of `output`'s staging folders, beside it.
pub(super) fn staging_prefix(output: &Path) -> String {
    format!(".claimtrail-staging-{}-", output_name(output))
}

/// Takes over the staging folders of `output` that killed builds left in
/// `parent`: the first becomes the spare when there is none, the others are
/// removed. Folders without the marker, or held by a running build, are left
/// alone.
pub(super) fn reclaim_abandoned(parent: &Path, output: &Path) {
    for folder in abandoned(parent, output) {
        if let Some(hold) = hold(&folder)
            && hold.locked
        {
            keep_as_spare(folder, output);
        } else if holds_only_an_abandoned_draft(&folder) {
            let _ = fs::remove_dir_all(&folder);
        }
    }
}

/// Whether `folder` holds nothing but a marker draft that no build holds:
/// what a build killed while marking a new staging folder leaves.
fn holds_only_an_abandoned_draft(folder: &Path) -> bool {
    let Ok(entries) = fs::read_dir(folder) else {
        return false;
    };
    let names: Vec<_> = entries.flatten().map(|entry| entry.file_name()).collect();
    if names != [DRAFT] {
        return false;
    }
    fs::File::open(folder.join(DRAFT)).is_ok_and(|draft| try_lock(&draft) == Some(true))
}

/// Locks `file`: `None` when another build holds it, else whether it is now
/// locked (false where the file system has no locks).
fn try_lock(file: &fs::File) -> Option<bool> {
    match file.try_lock() {
        Ok(()) => Some(true),
        Err(TryLockError::WouldBlock) => None,
        Err(TryLockError::Error(_)) => Some(false),
    }
}

/// The folders in `parent` named like `output`'s staging folders.
fn abandoned(parent: &Path, output: &Path) -> Vec<PathBuf> {
    let prefix = staging_prefix(output);
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
        .filter(|entry| {
            entry.file_name().to_str().is_some_and(|name| {
                name.strip_prefix(&prefix).is_some_and(|random| {
                    random.len() == RANDOM_CHARS
                        && random.chars().all(|c| c.is_ascii_alphanumeric())
                })
            })
        })
        .map(|entry| entry.path())
        .collect();
    folders.sort();
    folders
}
