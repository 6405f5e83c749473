//! Reviewing a pull request: `claimtrail diff`, which says what a change
//! does to the tracker (claims added and removed, verdicts changed, evidence,
//! quotes and values edited) from the parsed content of two revisions, and
//! `check --base`, which adds the rules that need the base revision
//! ([`rules`]). Git is read through [`provenance`](crate::provenance); the
//! comparison is its [`compare_content`](crate::provenance::compare_content).

use std::path::Path;

use crate::assemble::status_ids;
use crate::doc::{ClaimDoc, Doc};
use crate::error::Error;
use crate::load::{Kind, RELEASES_FOLDER, RawFile};
use crate::pipeline::{Checked, check_observing, load_site, settings};
use crate::provenance::{self, Change, FileChange, FileVersion, Repo, compare_versions};

mod locate;
mod machine;
mod markdown;
mod released;
mod report;
pub mod rules;

pub use report::{Entry, Review, UnreadableFile};

/// The output formats of `claimtrail diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    /// A headline and sections, for a pull request's job summary.
    Markdown,
    /// One object, documented in docs/review.md, for scripts.
    Json,
    /// GitHub workflow commands: a notice on each changed line.
    Github,
}

impl Review {
    /// The review in `format`.
    pub fn render(&self, format: DiffFormat) -> String {
        match format {
            DiffFormat::Markdown => markdown::markdown(self),
            DiffFormat::Json => machine::json(self),
            DiffFormat::Github => machine::github(self),
        }
    }
}

/// Compares the content of the site at `root` at revision `base` with
/// revision `head`, or with the files on disk when `head` is `None`.
pub fn diff(root: &Path, base: &str, head: Option<&str>) -> Result<Review, Error> {
    let loaded = load_site(root)?;
    let (config, _) = settings(&loaded.site);
    let statuses = status_ids(config.as_ref());
    let statuses: Vec<&str> = statuses.iter().map(String::as_str).collect();
    let repo = open(root, "diff")?;
    let (before, unreadable_before) = base_content(&repo, base, head)?;
    let (after, unreadable_after) = match head {
        Some(head) => versions_at(&repo, head)?,
        None => {
            let refused = (loaded.content.problems.iter()).map(|problem| problem.0.file.as_str());
            let unreadable = provenance::unreadable_on_disk(root, refused);
            (loaded.content.files, unreadable)
        }
    };
    let unreadable = (unreadable_before, unreadable_after);
    let mut changes = provenance::compare_content(&before, &after, unreadable, &statuses);
    let unreadable = report::unreadable_files(&mut changes);
    Ok(Review {
        base: base.to_string(),
        head: head.map(str::to_string),
        entries: locate::entries(changes, &before, &after, &statuses),
        unreadable,
    })
}

/// `check` of the site at `root` (drafts included in neither), plus the
/// rules that compare it with revision `base`: see [`rules`].
pub fn check_against(root: &Path, base: &str) -> Result<Checked, Error> {
    let repo = open(root, "check --base")?;
    let from = base_commit(&repo, base, None)?;
    let (before, _) = versions_at(&repo, &from.to_string())?;
    let base_releases = (repo.folders_at(from, RELEASES_FOLDER))
        .map_err(|error| Error::Usage(format!("cannot read the releases of `{base}`: {error}")))?;
    let mut after = Vec::new();
    let mut checked = check_observing(root, false, |file, _| {
        if file.kind == Kind::Claim {
            after.push(file.clone());
        }
    })?;
    // The status ids only decide which problems parsing reports, and those
    // are `check`'s (already run above): the documents read the same.
    let parse = |files: &[RawFile]| -> Vec<FileVersion> {
        (files.iter())
            .filter(|file| file.kind == Kind::Claim)
            .map(|file| FileVersion::parse(file, &[]))
            .collect()
    };
    let (base_versions, head_versions) = (parse(&before), parse(&after));
    let (base_claims, head_claims) = (claims(&base_versions), claims(&head_versions));
    let renames = renames(compare_versions(base_versions, head_versions));
    let mut found = rules::history_rules(&base_claims, &head_claims, &renames);
    let released = released::released_addresses(root);
    found.extend(released::release_rules(
        &released.addresses,
        &base_claims,
        &head_claims,
    ));
    released::add_sources(&released, &found, &mut checked.diagnostics);
    found.extend(released::deleted_releases(&base_releases, root, base));
    for file in &after {
        if found.iter().any(|d| d.file == file.path) {
            checked.diagnostics.add_source(&file.path, &file.text);
        }
    }
    checked.diagnostics.extend(found);
    if checked.diagnostics.has_errors() {
        checked.site = None;
    }
    Ok(checked)
}

/// The claims among `versions`, as they read.
fn claims(versions: &[FileVersion]) -> Vec<ClaimDoc> {
    (versions.iter())
        .filter_map(|version| match &version.doc {
            Some(Doc::Claim(claim)) => Some((**claim).clone()),
            _ => None,
        })
        .collect()
}

/// The claims renamed between the two revisions compared in `changes`.
fn renames(changes: Vec<FileChange>) -> Vec<rules::Renamed> {
    (changes.into_iter())
        .flat_map(|file| file.changes)
        .filter_map(|change| match change {
            Change::Renamed { from, to, .. } => Some(rules::Renamed { from, to }),
            _ => None,
        })
        .collect()
}

/// The site's repository, or a usage error saying why `command` cannot read it.
fn open(root: &Path, command: &str) -> Result<Repo, Error> {
    provenance::open(root).map_err(|unavailable| {
        let needs = format!("`{command}` needs the site's git history, but {unavailable}");
        Error::Usage(match unavailable.hint() {
            Some(hint) => format!("{needs}; {hint}"),
            None => needs,
        })
    })
}

/// The content files a review compares from: those at [`base_commit`].
fn base_content(
    repo: &Repo,
    base: &str,
    head: Option<&str>,
) -> Result<(Vec<RawFile>, Vec<FileVersion>), Error> {
    versions_at(repo, &base_commit(repo, base, head)?.to_string())
}

/// The commit a review compares from: the merge base of `base` and `head`
/// (`HEAD` when comparing with the files on disk), as `git diff base...head`
/// and a pull request's diff do, so that what `base` gained since the branch
/// left it does not show reversed. When `base` is an ancestor of `head` (a
/// pull request's merge commit) that is `base` itself; when the two have no
/// common history, `base`, with a note on stderr.
fn base_commit(repo: &Repo, base: &str, head: Option<&str>) -> Result<gix::ObjectId, Error> {
    let head = head.unwrap_or("HEAD");
    let (base_id, head_id) = (commit_id(repo, base)?, commit_id(repo, head)?);
    let from = provenance::merge_base(&repo.repo, base_id, head_id).map_err(|error| {
        Error::Usage(format!(
            "cannot find the merge base of `{base}` and `{head}`: {error}"
        ))
    })?;
    Ok(from.unwrap_or_else(|| {
        eprintln!(
            "note: `{base}` and `{head}` have no history in common; comparing with `{base}` itself"
        );
        base_id
    }))
}

/// The commit `revision` names, or a usage error naming it.
fn commit_id(repo: &Repo, revision: &str) -> Result<gix::ObjectId, Error> {
    repo.commit_id(revision)
        .map_err(|error| revision_error(&error))
}

/// A usage error for a revision that cannot be read.
fn revision_error(error: &provenance::GitError) -> Error {
    Error::Usage(format!(
        "{error}; name a branch, tag or commit of this repository (for a pull request's base, fetch it first: `git fetch origin main`)"
    ))
}

/// The content files at `revision`, and those that cannot be read as text
/// ([`FileVersion::unreadable`]); or a usage error naming it.
fn versions_at(repo: &Repo, revision: &str) -> Result<(Vec<RawFile>, Vec<FileVersion>), Error> {
    repo.content_and_unreadable_at(revision)
        .map_err(|error| revision_error(&error))
}
