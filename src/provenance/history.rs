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

use super::cache;
use super::chain::{Delta, ParsedDelta, first_parent_chain, read_chain};
use super::changeset::{FileChange, compare_versions_in};
use super::compare::Change;
use super::error::{GitError, git_error};
use super::evidence::DocumentInfo;
use super::gaps::take_broken;
use super::git::{Repo, Unavailable};
use super::record::{Record, Revision, kind_of_noun};
use super::stamp::Stamp;
use super::version::FileVersion;
use crate::load::Kind;

/// What the history says about the content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Every record ever committed, in the order they were entered.
    pub records: Vec<Record>,
    /// The newest commit that changed `content/`: the site's revision date.
    pub newest: Option<Stamp>,
    /// The current record of each kind and id (by kind first, so a lookup
    /// borrows the id: pages look records up thousands of times).
    current: HashMap<Kind, HashMap<String, usize>>,
}

impl History {
    /// The record of the current file of `kind` with `id`.
    pub fn record(&self, kind: Kind, id: &str) -> Option<&Record> {
        let index = self.current.get(&kind)?.get(id)?;
        self.records.get(*index)
    }

    /// Takes the walk's current record of each kind and id.
    fn follow(&mut self, current: HashMap<(Kind, String), usize>) {
        for ((kind, id), index) in current {
            self.current.entry(kind).or_default().insert(id, index);
        }
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
    if let Some(saved) = saved
        && saved_head.as_deref() != Some(saved.head.as_str())
    {
        cache::store(root, &saved);
    }
    Ok((history, commits))
}

/// Reads the whole history of `repo`'s content: see the module's description.
pub fn read_history(repo: &Repo, statuses: &[&str]) -> Result<History, GitError> {
    Ok(walk(repo, statuses, None)?.0)
}

/// Reads the history from where `saved` stopped, if that commit is on the
/// first-parent chain from `HEAD` and its `content/` tree is the one saved,
/// else from the start; with the state to
/// save for the next build and the number of commits read. A walk that ends
/// with a file that cannot be read (see [`Lineages::bridge`]) saves nothing:
/// the next build starts from the last saved state instead.
fn walk(
    repo: &Repo,
    statuses: &[&str],
    saved: Option<cache::Saved>,
) -> Result<(History, Option<cache::Saved>, usize), GitError> {
    let head = repo.repo.head_id().map_err(git_error)?.detach();
    let position = (saved.as_ref().and_then(cache::Saved::position))
        .filter(|&(commit, tree)| repo.content_tree(commit).is_ok_and(|t| t == tree));
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
    let gaps = !lineages.pending.is_empty();
    history.follow(lineages.current);
    let saved = (!gaps).then(|| cache::Saved::new(statuses, head, last_tree, state));
    Ok((history, saved, chain.len()))
}

/// The records being followed: which record each current path belongs to.
#[derive(Default)]
struct Lineages {
    /// Record index by current path.
    by_path: HashMap<String, usize>,
    /// Record index by kind and current id.
    current: HashMap<(Kind, String), usize>,
    /// What the site shows of each document, as of the commit being read.
    publishers: HashMap<String, DocumentInfo>,
    /// For each path whose file cannot be read now, its last readable
    /// version (under the path it had then).
    pending: HashMap<String, FileVersion>,
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
        let mut publishers: Vec<(String, DocumentInfo)> = (self.publishers.iter())
            .map(|(document, info)| (document.clone(), info.clone()))
            .collect();
        publishers.sort();
        let mut state = cache::State::of((&history.records, history.newest), by_path, current);
        state.publishers = publishers;
        state
    }

    /// The history and walk a saved state stands for.
    fn restore(state: cache::State) -> (History, Lineages) {
        let current = (state.current.into_iter())
            .filter_map(|(noun, id, i)| Some(((kind_of_noun(&noun)?, id), i)))
            .collect();
        let lineages = Lineages {
            by_path: state.by_path.into_iter().collect(),
            current,
            publishers: state.publishers.into_iter().collect(),
            pending: HashMap::new(),
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
            let (before, after) = self.bridge(before, after);
            let documents = self.documents_changed(&before, &after);
            for change in compare_versions_in(before, after, &self.publishers) {
                self.apply(history, &delta, change);
            }
            self.publishers_after(documents);
        }
    }

    /// The versions of one commit to compare, with the versions that cannot
    /// be read taken out as a gap: an unreadable version before the commit
    /// is replaced by the last readable version of its file (kept in
    /// `pending`), or left out when it never had one; an unreadable version
    /// after it is left out, its file's last readable version kept for the
    /// next commit that makes it readable again. So a file broken by one
    /// commit and mended by another is compared across both, and a
    /// revision nobody could build never shows as a change.
    fn bridge(
        &mut self,
        before: Vec<FileVersion>,
        after: Vec<FileVersion>,
    ) -> (Vec<FileVersion>, Vec<FileVersion>) {
        let old: Vec<(String, FileVersion)> = (before.into_iter())
            .filter_map(|version| match version.unreadable {
                None => Some((version.path.clone(), version)),
                Some(_) => {
                    let last = self.pending.remove(&version.path)?;
                    Some((version.path, last))
                }
            })
            .collect();
        let (readable, unreadable): (Vec<FileVersion>, Vec<FileVersion>) =
            after.into_iter().partition(|v| v.unreadable.is_none());
        let (old, taken) = take_broken(old, unreadable, &readable);
        self.pending.extend(taken);
        (old, readable)
    }

    /// The documents a commit's versions name, for [`Lineages::publishers_after`]:
    /// the ids before it, and each id and source after it.
    fn documents_changed(
        &self,
        before: &[FileVersion],
        after: &[FileVersion],
    ) -> (Vec<String>, Vec<(String, DocumentInfo)>) {
        let gone = (before.iter())
            .filter(|v| v.kind == Kind::Document)
            .map(|v| v.id.clone())
            .collect();
        let now = after
            .iter()
            .filter_map(FileVersion::document_info)
            .collect();
        (gone, now)
    }

    /// Updates the documents' publishers after a commit.
    fn publishers_after(&mut self, (gone, now): (Vec<String>, Vec<(String, DocumentInfo)>)) {
        for id in gone {
            self.publishers.remove(&id);
        }
        self.publishers.extend(now);
    }

    /// Adds one file's change in `delta` to its record.
    fn apply(&mut self, history: &mut History, delta: &Delta, change: FileChange) {
        let Some(kind) = kind_of_noun(&change.kind) else {
            return;
        };
        let old_path = change.previous_path.as_ref().unwrap_or(&change.path);
        let existing = self.by_path.remove(old_path);
        if change.is_silent_move() {
            // Nothing to record, but the record now lives at its new path.
            if let Some(index) = existing {
                self.by_path.insert(change.path, index);
            }
            return;
        }
        let removed = change.changes.contains(&Change::Removed);
        let index = match existing {
            Some(index) => index,
            None => {
                history.records.push(Record {
                    kind: kind.noun(),
                    id: change.id.clone(),
                    title: None,
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
        if change.title.is_some() {
            record.title = change.title;
        }
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
    let found = if let Some(rest) = subject.strip_prefix("Merge pull request #") {
        number(rest)
    } else {
        let inner = subject.strip_suffix(')')?;
        let start = inner.rfind("(#")?;
        let digits = &inner[start + 2..];
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| number(digits))
            .flatten()
    };
    // GitHub numbers pull requests from 1.
    found.filter(|&n| n > 0)
}

#[cfg(test)]
mod tests;
