//! One pass over the history of `content/`: for every claim, document,
//! source, entity and page, when it was entered, when it last changed, and
//! each change with its commit.
//!
//! The walk follows first parents from `HEAD`, oldest first, so a merged
//! pull request is one change dated and named by its merge commit (the
//! commits inside the branch are the branch's business). Only commits whose
//! `content/` tree differs from their parent's are looked at, and only the
//! files that differ are read and parsed (in parallel), so the cost follows
//! commits × changed files.

use std::collections::HashMap;

use gix::ObjectId;
use gix::bstr::ByteSlice;
use gix::diff::tree::recorder::Change as TreeChange;
use rayon::prelude::*;

use super::cache;
use super::changeset::{FileChange, FileVersion, compare_versions};
use super::compare::Change;
use super::error::{GitError, git_error};
use super::git::{Repo, Unavailable, content_file, read_content_file};
use super::record::{Record, Revision, kind_of_noun};
use super::stamp::Stamp;
use crate::load::{Kind, RawFile};

/// What the history says about the content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Every record ever committed, in the order they were entered.
    pub records: Vec<Record>,
    /// The newest commit that changed `content/`: the site's revision date.
    pub newest: Option<Stamp>,
    /// The current record of each kind and id.
    current: HashMap<(Kind, String), usize>,
}

impl History {
    /// The record of the current file of `kind` with `id`.
    pub fn record(&self, kind: Kind, id: &str) -> Option<&Record> {
        let index = self.current.get(&(kind, id.to_string()))?;
        self.records.get(*index)
    }
}

/// Reads the history of the site at `root`, or says why it cannot: the
/// commits since the last build's from the cache (see [`cache`]), else all.
/// With the number of commits read.
pub fn read(root: &std::path::Path, statuses: &[&str]) -> Result<(History, usize), Unavailable> {
    let repo = super::git::open(root)?;
    let saved = cache::load(root, statuses);
    let saved_head = saved.as_ref().map(|saved| saved.head.clone());
    let (history, saved, commits) =
        walk(&repo, statuses, saved).map_err(|e| Unavailable::Unreadable(e.0))?;
    if history.newest.is_none() {
        return Err(Unavailable::NotCommitted);
    }
    if saved_head.as_deref() != Some(saved.head.as_str()) {
        cache::store(root, &saved);
    }
    Ok((history, commits))
}

/// A commit whose `content/` changed, with the changed paths.
struct Delta {
    commit: ObjectId,
    time: Stamp,
    subject: String,
    changes: Vec<TreeChange>,
}

/// Reads the whole history of `repo`'s content: see the module's description.
pub fn read_history(repo: &Repo, statuses: &[&str]) -> Result<History, GitError> {
    Ok(walk(repo, statuses, None)?.0)
}

/// Reads the history from where `saved` stopped, if that commit is on the
/// first-parent chain from `HEAD`, else from the start; with the state to
/// save for the next build and the number of commits read.
fn walk(
    repo: &Repo,
    statuses: &[&str],
    saved: Option<cache::Saved>,
) -> Result<(History, cache::Saved, usize), GitError> {
    let head = repo.repo.head_id().map_err(git_error)?.detach();
    let position = saved.as_ref().and_then(cache::Saved::position);
    let (chain, resumed) = first_parent_chain(repo, head, position.map(|(commit, _)| commit))?;
    let (mut history, mut lineages, previous) = match (resumed, saved, position) {
        (true, Some(saved), Some((_, tree))) => {
            let (history, lineages) = Lineages::restore(saved.state);
            (history, lineages, tree)
        }
        _ => (History::default(), Lineages::default(), None),
    };
    let (deltas, last_tree) = read_chain(repo, &chain, previous, statuses)?;
    lineages.apply_all(&mut history, deltas);
    let state = lineages.state(&history);
    history.current = lineages.current;
    let saved = cache::Saved::new(statuses, head, last_tree, state);
    Ok((history, saved, chain.len()))
}

/// The first-parent chain from `head`, oldest first, stopping short of
/// `stop` when it is on the chain (then `true`: the walk resumes there).
fn first_parent_chain(
    repo: &Repo,
    head: ObjectId,
    stop: Option<ObjectId>,
) -> Result<(Vec<ObjectId>, bool), GitError> {
    let mut chain = Vec::new();
    let mut resumed = false;
    for info in repo
        .repo
        .rev_walk([head])
        .first_parent_only()
        .all()
        .map_err(git_error)?
    {
        let id = info.map_err(git_error)?.id;
        if Some(id) == stop {
            resumed = true;
            break;
        }
        chain.push(id);
    }
    chain.reverse();
    Ok((chain, resumed))
}

/// A delta with the before and after versions of its changed content files.
type ParsedDelta = (Delta, Sides);

/// Chains shorter than this are read on the calling thread: a new handle
/// on the repository costs more than a few commits.
const PARALLEL_FROM: usize = 256;

/// The commits of `chain` that changed `content/` (compared with `previous`,
/// the tree before the chain's first commit), each with its changed files
/// parsed, and the last commit's tree. A long chain is read in parallel
/// runs (see [`read_runs`]), a few per thread so that they even out.
fn read_chain(
    repo: &Repo,
    chain: &[ObjectId],
    previous: Option<ObjectId>,
    statuses: &[&str],
) -> Result<(Vec<ParsedDelta>, Option<ObjectId>), GitError> {
    let run_length = if chain.len() < PARALLEL_FROM {
        chain.len()
    } else {
        chain.len().div_ceil(4 * rayon::current_num_threads())
    };
    read_runs(repo, chain, previous, statuses, run_length)
}

/// [`read_chain`] with the chain cut into runs of `run_length` commits, read
/// in parallel, each by its own handle on the repository and starting from
/// the tree of the commit before it. The runs are joined in order, so the
/// result is the one a single pass gives.
fn read_runs(
    repo: &Repo,
    chain: &[ObjectId],
    previous: Option<ObjectId>,
    statuses: &[&str],
    run_length: usize,
) -> Result<(Vec<ParsedDelta>, Option<ObjectId>), GitError> {
    if run_length >= chain.len() {
        let (deltas, last) = content_deltas(repo, chain, previous)?;
        return Ok((parse_versions(repo, deltas, statuses)?, last));
    }
    let starts: Vec<usize> = (0..chain.len()).step_by(run_length.max(1)).collect();
    let opener = repo.opener();
    let runs = starts
        .par_iter()
        .map(|&start| {
            let repo = opener.open()?;
            let before = match start.checked_sub(1) {
                Some(last) => repo.content_tree(chain[last])?,
                None => previous,
            };
            let run = &chain[start..chain.len().min(start + run_length)];
            let (deltas, last) = content_deltas(&repo, run, before)?;
            Ok((parse_versions(&repo, deltas, statuses)?, last))
        })
        .collect::<Result<Vec<_>, GitError>>()?;
    let last = runs.last().map_or(previous, |(_, last)| *last);
    Ok((
        runs.into_iter().flat_map(|(deltas, _)| deltas).collect(),
        last,
    ))
}

/// The commits of `chain` that changed `content/` (compared with `previous`,
/// the tree before the chain's first commit), and the last commit's tree.
fn content_deltas(
    repo: &Repo,
    chain: &[ObjectId],
    mut previous: Option<ObjectId>,
) -> Result<(Vec<Delta>, Option<ObjectId>), GitError> {
    let mut deltas = Vec::new();
    for &commit in chain {
        let tree = repo.content_tree(commit)?;
        if tree != previous {
            let (time, subject) = commit_details(repo, commit)?;
            deltas.push(Delta {
                commit,
                time,
                subject,
                changes: repo.tree_changes(previous, tree)?,
            });
        }
        previous = tree;
    }
    Ok((deltas, previous))
}

/// A commit's committer time and subject line.
fn commit_details(repo: &Repo, id: ObjectId) -> Result<(Stamp, String), GitError> {
    let commit = repo.repo.find_commit(id).map_err(git_error)?;
    let time = commit.time().map_err(git_error)?;
    let message = commit.message_raw_sloppy();
    let subject = message
        .lines()
        .map(|line| line.to_str_lossy().trim().to_string())
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    Ok((Stamp::new(time.seconds, time.offset), subject))
}

/// Before and after versions of one delta's changed content files.
type Sides = (Vec<FileVersion>, Vec<FileVersion>);

/// A delta's changed content files as read: before (some taken from an
/// earlier delta) and after.
type DeltaTexts = (Vec<Version<RawFile>>, Vec<RawFile>);

/// A file version of a delta, to be parsed or taken from an earlier delta.
enum Version<T> {
    /// Read (or, after parsing, parsed) for this delta.
    Own(T),
    /// The version an earlier delta of the run left at the same path: its
    /// delta's index and its place among that delta's after versions.
    Earlier(usize, usize),
}

/// Reads every changed file of every delta, then parses them all in
/// parallel (a run of a long chain is already on its own thread). A file's
/// version before a change is usually the one an earlier delta made: that
/// one is neither read nor parsed again.
fn parse_versions(
    repo: &Repo,
    deltas: Vec<Delta>,
    statuses: &[&str],
) -> Result<Vec<ParsedDelta>, GitError> {
    let texts = read_versions(repo, &deltas)?;
    let parsed: Vec<(Vec<Version<FileVersion>>, Vec<FileVersion>)> = texts
        .into_par_iter()
        .map(|(before, after)| {
            let before = (before.into_iter())
                .map(|version| match version {
                    Version::Own(file) => Version::Own(FileVersion::parse(&file, statuses)),
                    Version::Earlier(delta, at) => Version::Earlier(delta, at),
                })
                .collect();
            let after = (after.iter())
                .map(|file| FileVersion::parse(file, statuses))
                .collect();
            (before, after)
        })
        .collect();
    let mut sides: Vec<Sides> = Vec::with_capacity(parsed.len());
    for (before, after) in parsed {
        let before = (before.into_iter())
            .map(|version| match version {
                Version::Own(parsed) => Ok(parsed),
                Version::Earlier(delta, at) => (sides.get(delta))
                    .and_then(|(_, after)| after.get(at))
                    .cloned()
                    .ok_or_else(|| GitError("a file version went missing".into())),
            })
            .collect::<Result<Vec<FileVersion>, GitError>>()?;
        sides.push((before, after));
    }
    Ok(deltas.into_iter().zip(sides).collect())
}

/// The texts of every delta's changed content files, before and after;
/// a before version that an earlier delta left at the same path (the same
/// blob) is marked [`Version::Earlier`] instead of being read again.
fn read_versions(repo: &Repo, deltas: &[Delta]) -> Result<Vec<DeltaTexts>, GitError> {
    let mut left: HashMap<Blob<'_>, (usize, usize)> = HashMap::new();
    let mut texts = Vec::with_capacity(deltas.len());
    for (index, delta) in deltas.iter().enumerate() {
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for change in &delta.changes {
            let (was, is) = blobs(change);
            if let Some(blob) = was {
                match left.remove(&blob) {
                    Some((earlier, at)) if earlier < index => {
                        before.push(Version::Earlier(earlier, at));
                    }
                    _ => before.extend(content_version(repo, blob.0, blob.1)?.map(Version::Own)),
                }
            }
            if let Some(blob) = is
                && let Some(file) = content_version(repo, blob.0, blob.1)?
            {
                left.insert(blob, (index, after.len()));
                after.push(file);
            }
        }
        texts.push((before, after));
    }
    Ok(texts)
}

/// A file's path (relative to `content/`) and blob id.
type Blob<'a> = (&'a [u8], ObjectId);

/// A changed path's blob before and after the change (files only).
fn blobs(change: &TreeChange) -> (Option<Blob<'_>>, Option<Blob<'_>>) {
    match change {
        TreeChange::Addition {
            entry_mode,
            oid,
            path,
            ..
        } if entry_mode.is_blob() => (None, Some((path.as_bytes(), *oid))),
        TreeChange::Deletion {
            entry_mode,
            oid,
            path,
            ..
        } if entry_mode.is_blob() => (Some((path.as_bytes(), *oid)), None),
        TreeChange::Modification {
            previous_entry_mode,
            previous_oid,
            entry_mode,
            oid,
            path,
        } => (
            previous_entry_mode
                .is_blob()
                .then_some((path.as_bytes(), *previous_oid)),
            entry_mode.is_blob().then_some((path.as_bytes(), *oid)),
        ),
        _ => (None, None),
    }
}

/// The content file at `path` (relative to `content/`), if it is one.
fn content_version(repo: &Repo, path: &[u8], oid: ObjectId) -> Result<Option<RawFile>, GitError> {
    let path = path.to_str_lossy();
    if content_file(&path).is_none() {
        return Ok(None);
    }
    read_content_file(&repo.repo, &path, oid)
}

/// The records being followed: which record each current path belongs to.
#[derive(Default)]
struct Lineages {
    /// Record index by current path.
    by_path: HashMap<String, usize>,
    /// Record index by kind and current id.
    current: HashMap<(Kind, String), usize>,
}

impl Lineages {
    /// The walk's state, for the cache; sorted, so the same walk saves the same file.
    fn state(&self, history: &History) -> cache::State {
        let mut by_path: Vec<(String, usize)> = self
            .by_path
            .iter()
            .map(|(path, &i)| (path.clone(), i))
            .collect();
        by_path.sort();
        let mut current: Vec<(String, String, usize)> = (self.current.iter())
            .map(|((kind, id), &i)| (kind.noun().to_string(), id.clone(), i))
            .collect();
        current.sort();
        cache::State::of((&history.records, history.newest), by_path, current)
    }

    /// The history and walk a saved state stands for.
    fn restore(state: cache::State) -> (History, Lineages) {
        let current = (state.current.into_iter())
            .filter_map(|(noun, id, i)| Some(((kind_of_noun(&noun)?, id), i)))
            .collect();
        let lineages = Lineages {
            by_path: state.by_path.into_iter().collect(),
            current,
        };
        let history = History {
            records: state.records,
            newest: state.newest,
            current: HashMap::new(),
        };
        (history, lineages)
    }

    /// Adds every delta's changes, in order, to their records.
    fn apply_all(&mut self, history: &mut History, deltas: Vec<ParsedDelta>) {
        for (delta, (before, after)) in deltas {
            history.newest = Some(delta.time);
            for change in compare_versions(before, after) {
                self.apply(history, &delta, change);
            }
        }
    }

    /// Adds one file's change in `delta` to its record.
    fn apply(&mut self, history: &mut History, delta: &Delta, change: FileChange) {
        let Some(kind) = kind_of_noun(&change.kind) else {
            return;
        };
        let old_path = change.previous_path.as_ref().unwrap_or(&change.path);
        let existing = self.by_path.remove(old_path);
        let removed = change.changes.contains(&Change::Removed);
        let index = match existing {
            Some(index) => index,
            None => {
                history.records.push(Record {
                    kind: kind.noun(),
                    id: change.id.clone(),
                    removed: false,
                    entered: delta.time,
                    last_changed: delta.time,
                    revisions: Vec::new(),
                });
                history.records.len() - 1
            }
        };
        let Some(record) = history.records.get_mut(index) else {
            return;
        };
        self.current.remove(&(kind, record.id.clone()));
        record.id.clone_from(&change.id);
        record.removed = removed;
        record.last_changed = delta.time;
        record.revisions.push(Revision {
            commit: delta.commit.to_string(),
            time: delta.time,
            subject: delta.subject.clone(),
            pull_request: pull_request(&delta.subject),
            changes: change.changes,
        });
        if !removed {
            self.by_path.insert(change.path, index);
            self.current.insert((kind, change.id), index);
        }
    }
}

/// The pull request a commit subject names: GitHub's merge commits
/// (`Merge pull request #12 from …`) and squash merges (`Title (#12)`).
pub fn pull_request(subject: &str) -> Option<u64> {
    let number = |digits: &str| -> Option<u64> {
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        digits.get(..end).filter(|d| !d.is_empty())?.parse().ok()
    };
    if let Some(rest) = subject.strip_prefix("Merge pull request #") {
        return number(rest);
    }
    let inner = subject.strip_suffix(')')?;
    let start = inner.rfind("(#")?;
    let digits = &inner[start + 2..];
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| number(digits))
        .flatten()
}

#[cfg(test)]
mod tests;
