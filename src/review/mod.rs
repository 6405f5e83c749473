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
use crate::load::{Kind, RawFile};
use crate::pipeline::{Checked, check_observing, load_site, settings};
use crate::provenance::{self, Change, FileChange, FileVersion, Repo, compare_versions};

mod locate;
mod machine;
mod markdown;
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
    let (before, unreadable_before) = versions_at(&repo, base)?;
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
    let before = content_at(&repo, base)?;
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
    let found = rules::history_rules(&base_claims, &head_claims, &renames);
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
        Error::Usage(format!(
            "`{command}` needs the site's git history, but {unavailable}; run it in a clone with the full history (`git fetch --unshallow`, or `fetch-depth: 0` in a GitHub workflow)"
        ))
    })
}

/// The content files at `revision`, or a usage error naming it.
fn content_at(repo: &Repo, revision: &str) -> Result<Vec<RawFile>, Error> {
    Ok(versions_at(repo, revision)?.0)
}

/// The content files at `revision`, and those that cannot be read as text
/// ([`FileVersion::unreadable`]); or a usage error naming it.
fn versions_at(repo: &Repo, revision: &str) -> Result<(Vec<RawFile>, Vec<FileVersion>), Error> {
    repo.content_and_unreadable_at(revision).map_err(|error| {
        Error::Usage(format!(
            "{error}; name a branch, tag or commit of this repository (for a pull request's base, fetch it first: `git fetch origin main`)"
        ))
    })
}
