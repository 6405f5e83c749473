//! The content files on disk that `load` refuses (too large, not UTF-8
//! text, a symbolic link), as versions `claimtrail diff` can list when it
//! compares a revision with the working tree.

use std::path::Path;

use super::git::content_file;
use super::unreadable::{Unreadable, fingerprint};
use super::version::FileVersion;
use crate::load::{CONTENT_FOLDER, Kind, MAX_FILE_BYTES};

/// The content files among `paths` (relative to the site at `root`, as
/// `load` names the files it refused) that are too large, not UTF-8 text
/// or symbolic links, each once, sorted by path. Other paths are left out.
pub fn unreadable_on_disk<'a>(
    root: &Path,
    paths: impl IntoIterator<Item = &'a str>,
) -> Vec<FileVersion> {
    let mut paths: Vec<&str> = paths.into_iter().collect();
    paths.sort_unstable();
    paths.dedup();
    paths
        .into_iter()
        .filter_map(|path| on_disk(root, path))
        .collect()
}

/// The content file at `path` as a version that cannot be read, if it is one.
fn on_disk(root: &Path, path: &str) -> Option<FileVersion> {
    let relative = path.strip_prefix(CONTENT_FOLDER)?.strip_prefix('/')?;
    let (kind, id) = content_file(relative)?;
    let full = root.join(path);
    let metadata = std::fs::symlink_metadata(&full).ok()?;
    let named = (kind, path.to_string(), id);
    if metadata.is_symlink() {
        return link(&full, named);
    }
    if !metadata.is_file() {
        return None;
    }
    if metadata.len() > MAX_FILE_BYTES {
        // The size, as for a blob too large to read (see `git::read_content_file`).
        let version = FileVersion::unreadable(named, Unreadable::TooLarge, metadata.len());
        return Some(version);
    }
    let bytes = std::fs::read(&full).ok()?;
    let print = fingerprint(&bytes);
    String::from_utf8(bytes)
        .is_err()
        .then(|| FileVersion::unreadable(named, Unreadable::NotUtf8, print))
}

/// A symbolic link with a content file's name, as a version that cannot be
/// read ([`Unreadable::NotAFile`]; never followed). Its fingerprint is the
/// one the same link committed has (see `git::read_content_entry`): the
/// fingerprint of its blob's id, the hash of its target as git stores it.
fn link(full: &Path, named: (Kind, String, String)) -> Option<FileVersion> {
    let target = std::fs::read_link(full).ok()?;
    let bytes = target.as_os_str().as_encoded_bytes();
    let id = gix::objs::compute_hash(gix::hash::Kind::Sha1, gix::objs::Kind::Blob, bytes).ok()?;
    let print = fingerprint(id.as_bytes());
    Some(FileVersion::unreadable(named, Unreadable::NotAFile, print))
}
