//! What changed between two `content/` trees, as the history needs it: the
//! entries that are not folders, each with its path, and only those a
//! checkout could write. Any tree a pull request commits is diffed in time
//! and memory linear in its size: gix's own recorder keeps every folder
//! with its whole path, which for a tree nested 20,000 folders deep is
//! gigabytes.

use std::collections::VecDeque;

use gix::ObjectId;
use gix::bstr::{BStr, BString};
use gix::diff::tree::Visit;
use gix::diff::tree::visit;
use gix::objs::tree::EntryMode;

/// The longest path (relative to `content/`) a checkout can write: Linux's
/// `PATH_MAX`. A longer path can never be a file `load` reads, so it is not
/// followed, and building it would cost time and memory per folder.
pub(crate) const MAX_PATH_BYTES: usize = 4096;

/// Whether `name` can be a file or folder name in a checkout: `git fsck`
/// refuses the others (empty, `.`, `..`, a `/` or a NUL inside), which only a
/// hand-written tree object holds.
pub(crate) fn checkout_name(name: &[u8]) -> bool {
    !(name.is_empty() || name == b"." || name == b".." || name.contains(&b'/') || name.contains(&0))
}

/// A [`Visit`] delegate that records the changed entries that are not
/// folders, with their paths, skipping everything below a path a checkout
/// cannot write (see [`MAX_PATH_BYTES`], [`checkout_name`]).
#[derive(Default)]
pub(crate) struct FileChanges {
    /// The path of the entry being visited.
    path: Path,
    /// The paths of the folders queued for a visit, in order.
    queued: VecDeque<Path>,
    /// What changed.
    pub(crate) records: Vec<ChangedPath>,
}

/// A path whose entry changed, with its entry before and after the change
/// (`None` on a side where it is missing or a folder).
pub(crate) struct ChangedPath {
    /// The path, relative to the trees compared.
    pub(crate) path: BString,
    /// The entry before the change.
    pub(crate) before: Option<Entry>,
    /// The entry after it.
    pub(crate) after: Option<Entry>,
}

/// A tree entry that is not a folder: a file, a symbolic link or a submodule.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    /// Its object: the blob, or the submodule's commit.
    pub(crate) oid: ObjectId,
    /// Which of the three it is.
    pub(crate) mode: EntryMode,
}

impl Entry {
    /// The entry `oid` with `mode`, unless it is a folder.
    fn unless_folder(oid: ObjectId, mode: EntryMode) -> Option<Entry> {
        (!mode.is_tree()).then_some(Entry { oid, mode })
    }
}

/// A path being built, and how many of its last components were left out
/// (it is too long): while any is, nothing below it is recorded. Its names
/// are checked ([`Path::checkout_path`]) only when a change is recorded: a
/// diff of a large folder adds and takes off every name it compares.
#[derive(Default, Clone)]
struct Path {
    text: BString,
    /// The length of `text` before each name in it was added.
    starts: Vec<usize>,
    left_out: usize,
}

impl Path {
    /// Adds `name` to the path, or counts it left out.
    fn push(&mut self, name: &BStr) {
        let fits = self.text.len() + 1 + name.len() <= MAX_PATH_BYTES;
        if self.left_out > 0 || !fits {
            self.left_out += 1;
            return;
        }
        self.starts.push(self.text.len());
        if !self.text.is_empty() {
            self.text.push(b'/');
        }
        self.text.extend_from_slice(name);
    }

    /// Takes the last component off.
    fn pop(&mut self) {
        if self.left_out > 0 {
            self.left_out -= 1;
            return;
        }
        let start = self.starts.pop().unwrap_or(0);
        self.text.truncate(start);
    }

    /// Whether a checkout could write the path: nothing left out, and every
    /// name one a checkout can have (a name holding a `/` reads as two
    /// names, each of which must be one).
    fn checkout_path(&self) -> bool {
        self.left_out == 0 && self.text.split(|&b| b == b'/').all(checkout_name)
    }
}

impl Visit for FileChanges {
    fn pop_front_tracked_path_and_set_current(&mut self) {
        self.path = self.queued.pop_front().unwrap_or_default();
    }

    fn push_back_tracked_path_component(&mut self, component: &BStr) {
        self.path.push(component);
        self.queued.push_back(self.path.clone());
    }

    fn push_path_component(&mut self, component: &BStr) {
        self.path.push(component);
    }

    fn pop_path_component(&mut self) {
        self.path.pop();
    }

    fn visit(&mut self, change: visit::Change) -> visit::Action {
        let (before, after) = match change {
            visit::Change::Deletion {
                entry_mode, oid, ..
            } => (Entry::unless_folder(oid, entry_mode), None),
            visit::Change::Addition {
                entry_mode, oid, ..
            } => (None, Entry::unless_folder(oid, entry_mode)),
            visit::Change::Modification {
                previous_entry_mode,
                previous_oid,
                entry_mode,
                oid,
            } => (
                Entry::unless_folder(previous_oid, previous_entry_mode),
                Entry::unless_folder(oid, entry_mode),
            ),
        };
        if (before.is_some() || after.is_some()) && self.path.checkout_path() {
            let path = self.path.text.clone();
            self.records.push(ChangedPath {
                path,
                before,
                after,
            });
        }
        std::ops::ControlFlow::Continue(())
    }
}

#[cfg(test)]
mod tests {
    use gix::bstr::ByteSlice;

    use super::*;

    fn path(names: &[&[u8]]) -> Path {
        let mut path = Path::default();
        for name in names {
            path.push(name.as_bstr());
        }
        path
    }

    #[test]
    fn only_paths_a_checkout_can_write_are_recorded() {
        assert!(path(&[b"claims", b"2026", b"x.md"]).checkout_path());
        for odd in [&b".."[..], b".", b"", b"a\0b"] {
            assert!(!path(&[b"claims", odd, b"x.md"]).checkout_path(), "{odd:?}");
        }
        let long = vec![b'a'; MAX_PATH_BYTES];
        let mut too_long = path(&[b"claims", &long]);
        assert!(
            !too_long.checkout_path(),
            "a path over PATH_MAX is left out"
        );
        too_long.pop();
        assert!(
            too_long.checkout_path(),
            "and taking it off again restores it"
        );
        assert_eq!(too_long.text, "claims");

        let mut slashed = path(&[b"claims", b"a/b"]);
        slashed.pop();
        assert_eq!(slashed.text, "claims", "a name is taken off whole");
    }
}
