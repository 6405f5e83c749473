//! Revisions as `claimtrail diff` and `check --base` take them: a branch,
//! tag or remote branch (`main`, `origin/main`, `v1.0`), `HEAD`, a commit
//! hash (full or at least 4 hex digits), each optionally followed by `~N`
//! or `^` (first parents). A small subset of git's syntax, enough for
//! reviewing a pull request, without gix's revision-parsing feature; and
//! the merge base of two commits, which a review compares from.

use gix::ObjectId;

use super::error::{GitError, git_error};

/// The commit `revision` names in `repo`.
pub(crate) fn resolve(repo: &gix::Repository, revision: &str) -> Result<ObjectId, GitError> {
    let cut = revision.find(['~', '^']).unwrap_or(revision.len());
    let (name, ancestry) = revision.split_at(cut);
    let mut commit = named_commit(repo, name)?;
    for generations in first_parent_steps(ancestry, revision)? {
        for _ in 0..generations {
            let found = repo.find_commit(commit).map_err(git_error)?;
            commit = found
                .parent_ids()
                .next()
                .map(|id| id.detach())
                .ok_or_else(|| {
                    GitError(format!("`{revision}` goes back further than the history"))
                })?;
        }
    }
    Ok(commit)
}

/// The steps of `~N` and `^` suffixes, each a number of first-parent generations.
fn first_parent_steps(ancestry: &str, revision: &str) -> Result<Vec<u32>, GitError> {
    let invalid = || {
        GitError(format!(
            "cannot read the revision `{revision}`: use NAME, NAME~N or NAME^"
        ))
    };
    let mut steps = Vec::new();
    let mut rest = ancestry;
    while let Some(marker) = rest.chars().next() {
        rest = &rest[1..];
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(digits);
        rest = after;
        let count = if number.is_empty() {
            1
        } else {
            number.parse().map_err(|_| invalid())?
        };
        match (marker, count) {
            ('~', count) | ('^', count @ 0..=1) => steps.push(count),
            _ => return Err(invalid()),
        }
    }
    Ok(steps)
}

/// The commit a reference name or a hash names.
fn named_commit(repo: &gix::Repository, name: &str) -> Result<ObjectId, GitError> {
    let not_found = || GitError(format!("cannot find the revision `{name}`"));
    if name.is_empty() {
        return Err(not_found());
    }
    if let Ok(Some(mut reference)) = repo.try_find_reference(name) {
        let id = reference.peel_to_id().map_err(git_error)?;
        return peel_to_commit(repo, id.detach(), name);
    }
    if name.len() >= 4 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
        let prefix = gix::hash::Prefix::from_hex(name).map_err(|_| not_found())?;
        return match repo
            .objects
            .lookup_prefix(prefix, None)
            .map_err(git_error)?
        {
            Some(Ok(id)) => peel_to_commit(repo, id, name),
            Some(Err(())) => Err(GitError(format!(
                "the hash `{name}` is ambiguous: give more digits"
            ))),
            None => Err(not_found()),
        };
    }
    Err(not_found())
}

/// `id` if it is a commit, or the commit an annotated tag points at.
fn peel_to_commit(repo: &gix::Repository, id: ObjectId, name: &str) -> Result<ObjectId, GitError> {
    let object = repo.find_object(id).map_err(git_error)?;
    let commit = object
        .peel_to_commit()
        .map_err(|_| GitError(format!("`{name}` is not a commit")))?;
    Ok(commit.id)
}

/// The best common ancestor of the commits `base` and `head`, as `git
/// merge-base` finds it (`base` itself when it is an ancestor of `head`), or
/// `None` when their histories have none in common.
pub(crate) fn merge_base(
    repo: &gix::Repository,
    base: ObjectId,
    head: ObjectId,
) -> Result<Option<ObjectId>, GitError> {
    let commit_graph = repo.commit_graph_if_enabled().map_err(git_error)?;
    let mut graph = repo.revision_graph(commit_graph.as_ref());
    let bases = gix_revision::merge_base(base, &[head], &mut graph).map_err(git_error)?;
    Ok(bases.map(|bases| *bases.first()))
}
