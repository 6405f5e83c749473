//! The site's git repository, read in process through gix: opening it (or
//! saying why its history cannot be read), the content files at a revision,
//! and what changed in `content/` between two trees. Nothing here writes to
//! the repository or touches the network.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::objs::TreeRefIter;
use gix::objs::tree::EntryMode;

use super::error::{GitError, git_error};
use super::tree_diff::{ChangedPath, FileChanges, MAX_PATH_BYTES, checkout_name};
use super::unreadable::{Unreadable, fingerprint};
use super::version::FileVersion;
use crate::load::{CONTENT_FOLDER, Kind, MAX_FILE_BYTES, RawFile};

/// Why the history was not read; the build goes on without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unavailable {
    /// The site is not inside a git repository (a tarball, a copy).
    NoRepository,
    /// A shallow clone: the history stops after a few commits.
    Shallow,
    /// The repository has no commit yet.
    NoCommits,
    /// The newest commit has no `content/` folder for this site.
    NotCommitted,
    /// The repository could not be read (the message says why).
    Unreadable(String),
}

impl fmt::Display for Unavailable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unavailable::NoRepository => write!(f, "the site is not in a git repository"),
            Unavailable::Shallow => write!(f, "the clone is shallow"),
            Unavailable::NoCommits => write!(f, "the repository has no commits yet"),
            Unavailable::NotCommitted => write!(f, "content/ is not committed yet"),
            Unavailable::Unreadable(message) => {
                write!(f, "the repository cannot be read: {message}")
            }
        }
    }
}

impl Unavailable {
    /// The one-line note `build` prints: why, and how to enable provenance.
    pub fn note(&self) -> String {
        match self.hint() {
            Some(hint) => format!(
                "provenance skipped: {self}; {hint} to show when claims were entered and changed"
            ),
            None => format!("provenance skipped: {self}"),
        }
    }

    /// What enables provenance in this case; none when the repository is
    /// unreadable (its message says why).
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Unavailable::Shallow => {
                Some("fetch the full history (`fetch-depth: 0`, or `git fetch --unshallow`)")
            }
            Unavailable::NoRepository => Some("run claimtrail in the site's git clone"),
            Unavailable::NoCommits | Unavailable::NotCommitted => Some("commit content/"),
            Unavailable::Unreadable(_) => None,
        }
    }
}

/// The repository holding a site, and where the site's `content/` is inside it.
pub struct Repo {
    /// The opened repository.
    pub(crate) repo: gix::Repository,
    /// `content/` of the site, relative to the repository's top folder.
    pub(crate) content: PathBuf,
}

/// How to open a [`Repo`] again, on any thread.
pub(crate) struct Opener {
    git_dir: PathBuf,
    options: gix::open::Options,
    content: PathBuf,
}

impl Opener {
    /// A new handle on the repository.
    pub(crate) fn open(&self) -> Result<Repo, GitError> {
        let mut repo = gix::open_opts(&self.git_dir, self.options.clone()).map_err(git_error)?;
        with_caches(&mut repo);
        Ok(Repo {
            repo,
            content: self.content.clone(),
        })
    }
}

/// The decoded objects each handle keeps in memory while the history is
/// read: consecutive commits share most trees, so each is inflated once, not
/// once per commit that has it.
const OBJECT_CACHE_BYTES: usize = 32 * 1024 * 1024;

/// The delta-cache memory of each handle. git stores most versions of a
/// large tree as deltas on one whole version; with claimtrail's gix-pack
/// (vendor/gix-pack) that whole version is inflated once and kept here.
const DELTA_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// Gives a handle its caches ([`OBJECT_CACHE_BYTES`], [`DELTA_CACHE_BYTES`]).
fn with_caches(repo: &mut gix::Repository) {
    repo.object_cache_size_if_unset(OBJECT_CACHE_BYTES);
    repo.objects.set_pack_cache(|| {
        Box::new(gix::odb::pack::cache::lru::StaticLinkedList::<64>::new(
            DELTA_CACHE_BYTES,
        ))
    });
}

/// Opens the repository that holds the site at `root`, refusing the cases
/// whose history would be wrong or missing (no repository, shallow, no commit).
pub fn open(root: &Path) -> Result<Repo, Unavailable> {
    let mut repo = gix::discover(root).map_err(|_| Unavailable::NoRepository)?;
    with_caches(&mut repo);
    let workdir = repo.workdir().ok_or(Unavailable::NoRepository)?;
    let canonical = |path: &Path| std::fs::canonicalize(path).map_err(unreadable);
    let site = canonical(root)?;
    let top = canonical(workdir)?;
    let inside = site
        .strip_prefix(&top)
        .map_err(|_| Unavailable::NoRepository)?;
    if repo.is_shallow().map_err(unreadable)? {
        return Err(Unavailable::Shallow);
    }
    if repo.head_id().is_err() {
        return Err(Unavailable::NoCommits);
    }
    Ok(Repo {
        content: inside.join(CONTENT_FOLDER),
        repo,
    })
}

/// An [`Unavailable::Unreadable`] with the error's message.
fn unreadable(error: impl fmt::Display) -> Unavailable {
    Unavailable::Unreadable(error.to_string())
}

impl Repo {
    /// What opens another handle on this repository on another thread (a
    /// handle is bound to its thread, and its caches are its own).
    pub(crate) fn opener(&self) -> Opener {
        Opener {
            git_dir: self.repo.path().to_path_buf(),
            options: self.repo.open_options().clone(),
            content: self.content.clone(),
        }
    }

    /// The id of the commit `revision` names (`main`, `origin/main`, `HEAD~3`, a hash).
    pub fn commit_id(&self, revision: &str) -> Result<ObjectId, GitError> {
        super::revision::resolve(&self.repo, revision)
    }

    /// The id of the `content/` tree of `commit`, or `None` when that commit has none.
    pub(crate) fn content_tree(&self, commit: ObjectId) -> Result<Option<ObjectId>, GitError> {
        self.tree_at(commit, &self.content)
    }

    /// The id of the tree at `path` (relative to the repository's top) in
    /// `commit`, or `None` when that commit has no folder there.
    fn tree_at(&self, commit: ObjectId, path: &Path) -> Result<Option<ObjectId>, GitError> {
        let commit = self.repo.find_commit(commit).map_err(git_error)?;
        let mut tree = commit.tree().map_err(git_error)?;
        let entry = tree.peel_to_entry_by_path(path).map_err(git_error)?;
        Ok(entry
            .filter(|entry| entry.mode().is_tree())
            .map(|entry| entry.object_id()))
    }

    /// The names of the folders in `folder` (relative to the site, such as
    /// `data/releases`) at `commit`, sorted; none when it has no such folder.
    pub fn folders_at(&self, commit: ObjectId, folder: &str) -> Result<Vec<String>, GitError> {
        let site = self.content.parent().unwrap_or(Path::new(""));
        let Some(tree) = self.tree_at(commit, &site.join(folder))? else {
            return Ok(Vec::new());
        };
        let tree = self.repo.find_tree(tree).map_err(git_error)?;
        let decoded = tree.decode().map_err(git_error)?;
        let mut names: Vec<String> = (decoded.entries.iter())
            .filter(|entry| entry.mode.is_tree())
            .map(|entry| entry.filename.to_str_lossy().into_owned())
            .collect();
        names.sort();
        Ok(names)
    }

    /// The content files (`content/<kind>/**/*.md`) as they are at `revision`,
    /// sorted by kind and path like a load from disk. Files that are not
    /// UTF-8 text or are too large are left out, as `load` refuses them.
    pub fn content_at(&self, revision: &str) -> Result<Vec<RawFile>, GitError> {
        Ok(self.content_and_unreadable_at(revision)?.0)
    }

    /// [`Repo::content_at`], with the content files left out as versions
    /// that cannot be read ([`FileVersion::unreadable`]), sorted by path.
    pub fn content_and_unreadable_at(
        &self,
        revision: &str,
    ) -> Result<(Vec<RawFile>, Vec<FileVersion>), GitError> {
        let commit = self.commit_id(revision)?;
        let Some(tree) = self.content_tree(commit)? else {
            return Ok((Vec::new(), Vec::new()));
        };
        let mut blobs = Vec::new();
        self.collect_blobs(tree, &mut blobs)?;
        let (mut files, mut unreadable) = (Vec::new(), Vec::new());
        for (path, oid, mode) in blobs {
            match read_content_entry(&self.repo, &path, oid, mode)? {
                Some(ContentBlob::Text(file)) => files.push(file),
                Some(ContentBlob::Unreadable(version)) => unreadable.push(version),
                None => {}
            }
        }
        files.sort_by(|a, b| (a.kind, &a.path).cmp(&(b.kind, &b.path)));
        unreadable.sort_by(|a, b| a.path.cmp(&b.path));
        Ok((files, unreadable))
    }

    /// Every entry below `tree` that is not a folder (files, symbolic
    /// links, submodules), with its path relative to `content/` and its mode;
    /// only the paths a checkout can write (see [`checkout_name`],
    /// [`MAX_PATH_BYTES`]). Folders are read from a list, not by recursion:
    /// a tree nested 100,000 deep would overflow the stack.
    fn collect_blobs(
        &self,
        tree: ObjectId,
        out: &mut Vec<(String, ObjectId, EntryMode)>,
    ) -> Result<(), GitError> {
        let mut folders = vec![(tree, String::new())];
        while let Some((tree, prefix)) = folders.pop() {
            let tree = self.repo.find_tree(tree).map_err(git_error)?;
            let decoded = tree.decode().map_err(git_error)?;
            for entry in &decoded.entries {
                let path = format!("{prefix}{}", path_text(entry.filename));
                if !checkout_name(entry.filename) || path.len() > MAX_PATH_BYTES {
                    continue;
                }
                if entry.mode.is_tree() {
                    folders.push((entry.oid.to_owned(), format!("{path}/")));
                } else {
                    out.push((path, entry.oid.to_owned(), entry.mode));
                }
            }
        }
        Ok(())
    }

    /// What changed between two `content/` trees (either may be missing): the
    /// entries that are not folders, as paths relative to `content/` (see
    /// [`FileChanges`]). Subtrees with the same id are skipped without being
    /// read, so the cost follows what changed.
    pub(crate) fn tree_changes(
        &self,
        before: Option<ObjectId>,
        after: Option<ObjectId>,
    ) -> Result<Vec<ChangedPath>, GitError> {
        let empty = Vec::new();
        let before_tree = before
            .map(|id| self.repo.find_tree(id))
            .transpose()
            .map_err(git_error)?;
        let after_tree = after
            .map(|id| self.repo.find_tree(id))
            .transpose()
            .map_err(git_error)?;
        let data = |tree: &Option<gix::Tree<'_>>| tree.as_ref().map_or(&empty, |t| &t.data).clone();
        let (before_data, after_data) = (data(&before_tree), data(&after_tree));
        let mut recorder = FileChanges::default();
        gix::diff::tree(
            TreeRefIter::from_bytes(&before_data, self.repo.object_hash()),
            TreeRefIter::from_bytes(&after_data, self.repo.object_hash()),
            gix::diff::tree::State::default(),
            &self.repo.objects,
            &mut recorder,
        )
        .map_err(git_error)?;
        Ok(recorder.records)
    }
}

/// A content file's blob: its text, or a version that cannot be read.
pub(crate) enum ContentBlob {
    /// UTF-8 text of an allowed size.
    Text(RawFile),
    /// Too large, not UTF-8 text, or not a file at all (as `load` refuses
    /// such files).
    Unreadable(FileVersion),
}

/// The entry at `path` (relative to `content/`) with object `oid` and
/// `mode`, or `None` when it is not a content file: a file is read (see
/// [`read_content_file`]); a symbolic link or a submodule with a content
/// file's name is a version that cannot be read ([`Unreadable::NotAFile`]),
/// never followed and never read.
pub(crate) fn read_content_entry(
    repo: &gix::Repository,
    path: &str,
    oid: ObjectId,
    mode: EntryMode,
) -> Result<Option<ContentBlob>, GitError> {
    if mode.is_blob() {
        return read_content_file(repo, path, oid);
    }
    let Some((kind, id)) = content_file(path).filter(|_| mode.is_link() || mode.is_commit()) else {
        return Ok(None);
    };
    let named = (kind, format!("{CONTENT_FOLDER}/{path}"), id);
    let print = fingerprint(oid.as_bytes());
    let version = FileVersion::unreadable(named, Unreadable::NotAFile, print);
    Ok(Some(ContentBlob::Unreadable(version)))
}

/// The content file at `path` (relative to `content/`) with blob `oid`, or
/// `None` when it is not a content file. A blob larger than
/// [`MAX_FILE_BYTES`] is never read: its header gives its size.
pub(crate) fn read_content_file(
    repo: &gix::Repository,
    path: &str,
    oid: ObjectId,
) -> Result<Option<ContentBlob>, GitError> {
    let Some((kind, id)) = content_file(path) else {
        return Ok(None);
    };
    let path = format!("{CONTENT_FOLDER}/{path}");
    let header = repo.find_header(oid).map_err(git_error)?;
    if header.size() > MAX_FILE_BYTES {
        let version =
            FileVersion::unreadable((kind, path, id), Unreadable::TooLarge, header.size());
        return Ok(Some(ContentBlob::Unreadable(version)));
    }
    let blob = repo.find_blob(oid).map_err(git_error)?;
    let text = match String::from_utf8(blob.detach().data) {
        Ok(text) => text,
        Err(error) => {
            let print = fingerprint(error.as_bytes());
            let version = FileVersion::unreadable((kind, path, id), Unreadable::NotUtf8, print);
            return Ok(Some(ContentBlob::Unreadable(version)));
        }
    };
    Ok(Some(ContentBlob::Text(RawFile {
        kind,
        path,
        id,
        text,
    })))
}

/// The kind and id of a content file at `path` (relative to `content/`):
/// a `.md` file below a kind's folder, no part of its path hidden.
pub(crate) fn content_file(path: &str) -> Option<(Kind, String)> {
    let mut parts = path.split('/');
    let kind = Kind::of_folder(parts.next()?)?;
    let rest: Vec<&str> = parts.collect();
    if rest.is_empty() || rest.iter().any(|part| part.starts_with('.')) {
        return None;
    }
    let id = rest.last()?.strip_suffix(".md")?;
    Some((kind, id.to_string()))
}

/// A name or path from a tree as text: itself when it is UTF-8, else with
/// each byte that is not UTF-8 written `\xNN`. A lossy conversion would make
/// `caf\xE9.md` and `caf\xE8.md` (both committed) one file, whose history
/// would then mix theirs. Such a name is never a valid id, so `check`
/// refuses it at the head; the history and `diff` still tell the files apart.
pub(crate) fn path_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let mut text = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for byte in chunk.invalid() {
            text.push_str(&format!("\\x{byte:02X}"));
        }
    }
    Cow::Owned(text)
}
