//! The history kept between builds, in `.claimtrail/history.json` under the
//! site: what one pass read up to a commit, so the next build reads only the
//! commits made since. It is a cache: a missing, unreadable or outdated file
//! (another claimtrail version, other statuses, a history rewritten so that
//! its commit is no longer on the first-parent chain) is ignored and the whole
//! history is read again, and a file that cannot be written is not an error.
//! The history it gives is the one a full pass gives, so the output does not
//! depend on it.

use std::path::{Path, PathBuf};

use gix::ObjectId;
use serde::{Deserialize, Serialize};

use super::evidence::DocumentInfo;
use super::record::Record;
use super::stamp::Stamp;

/// The cache file, relative to the site folder.
pub(super) const CACHE_FILE: &str = ".claimtrail/history.json";

/// Changes whenever the file's shape or the history's meaning changes.
const FORMAT: u32 = 4;

/// What a pass had read, and up to where.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Saved {
    format: u32,
    generator: String,
    statuses: Vec<String>,
    /// The last commit read (the `HEAD` of that build).
    pub head: String,
    /// That commit's `content/` tree, the one the next commit is compared with.
    pub tree: Option<String>,
    /// The records and the walk's state after that commit.
    pub state: State,
}

/// The walk's state: the history so far and which record each path and id is.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct State {
    pub records: Vec<Record>,
    pub newest: Option<Stamp>,
    /// Record index by current path.
    pub by_path: Vec<(String, usize)>,
    /// Record index by kind noun and current id.
    pub current: Vec<(String, String, usize)>,
    /// What the site shows of each document, by document id.
    #[serde(default)]
    pub publishers: Vec<(String, DocumentInfo)>,
}

impl Saved {
    /// The state saved after `head`, for a walk that read `statuses`.
    pub(super) fn new(
        statuses: &[&str],
        head: ObjectId,
        tree: Option<ObjectId>,
        state: State,
    ) -> Saved {
        Saved {
            format: FORMAT,
            generator: env!("CARGO_PKG_VERSION").to_string(),
            statuses: statuses.iter().map(|s| s.to_string()).collect(),
            head: head.to_string(),
            tree: tree.map(|t| t.to_string()),
            state,
        }
    }

    /// The commit and tree the saved walk stopped at.
    pub(super) fn position(&self) -> Option<(ObjectId, Option<ObjectId>)> {
        let head = ObjectId::from_hex(self.head.as_bytes()).ok()?;
        let tree = match &self.tree {
            Some(tree) => Some(ObjectId::from_hex(tree.as_bytes()).ok()?),
            None => None,
        };
        Some((head, tree))
    }
}

/// The cache file of the site at `root`.
pub(super) fn path(root: &Path) -> PathBuf {
    root.join(CACHE_FILE)
}

/// The saved walk at `root`, if there is a usable one for `statuses`: a
/// plain file (see [`plain`]) that parses, of this claimtrail's format and
/// statuses, whose indexes all name one of its records.
pub(super) fn load(root: &Path, statuses: &[&str]) -> Option<Saved> {
    let file = path(root);
    if !plain(&file) {
        return None;
    }
    let text = std::fs::read(file).ok()?;
    let saved: Saved = serde_json::from_slice(&text).ok()?;
    let same_statuses = saved
        .statuses
        .iter()
        .map(String::as_str)
        .eq(statuses.iter().copied());
    (saved.format == FORMAT
        && saved.generator == env!("CARGO_PKG_VERSION")
        && same_statuses
        && saved.state.indexes_in_range())
    .then_some(saved)
}

/// Whether `file` (the cache file) and its folder are what
/// claimtrail writes: a plain folder and, if the file is there, a regular
/// file. A symbolic link committed in their place (`.claimtrail ->
/// ~/.ssh`, `history.json -> /dev/zero`) is neither read, which could
/// never end, nor written through, which would write outside the site.
fn plain(file: &Path) -> bool {
    let kind = |path: &Path| std::fs::symlink_metadata(path).map(|m| m.file_type());
    let folder_ok = (file.parent()).is_none_or(|folder| kind(folder).map_or(true, |k| k.is_dir()));
    folder_ok && kind(file).map_or(true, |kind| kind.is_file())
}

/// Writes `saved` for the next build, replacing the file in one step; a
/// failure only costs the next build a full pass. Nothing is written
/// through a symbolic link (see [`plain`]).
pub(super) fn store(root: &Path, saved: &Saved) {
    let file = path(root);
    let Some(folder) = file.parent() else { return };
    if !plain(&file) {
        return;
    }
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(folder)?;
        // One write of the whole text: the file is megabytes of small values.
        let text = serde_json::to_vec(saved)?;
        let mut temporary = tempfile::NamedTempFile::new_in(folder)?;
        std::io::Write::write_all(&mut temporary, &text)?;
        temporary.persist(&file).map_err(|e| e.error)?;
        Ok(())
    };
    let _ = write();
}

impl State {
    /// Whether every record index the state holds names one of its records
    /// (a file edited by hand, or by a pull request, may say anything).
    fn indexes_in_range(&self) -> bool {
        let count = self.records.len();
        (self.by_path.iter().map(|(_, i)| i))
            .chain(self.current.iter().map(|(_, _, i)| i))
            .all(|&i| i < count)
    }

    /// The state of a finished walk.
    pub(super) fn of(
        history: (&[Record], Option<Stamp>),
        by_path: Vec<(String, usize)>,
        current: Vec<(String, String, usize)>,
    ) -> State {
        State {
            records: history.0.to_vec(),
            newest: history.1,
            by_path,
            current,
            publishers: Vec::new(),
        }
    }
}
