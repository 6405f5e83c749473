//! Sites whose history cannot be read build as before, with one note.

use super::pages::built;
use super::repo::GitSite;
use crate::common::{self, page, read};

/// How each note ends: what it enables.
const WHAT: &str = " to show when claims were entered and changed";

/// Asserts the site built without any provenance output.
fn assert_no_provenance(root: &std::path::Path) {
    assert!(!root.join("public/changes").exists());
    assert!(!root.join("public/changes.json").exists());
    let html = page(root, "claims/acme-model-2-cost/index.html");
    assert!(common::html::texts(&html, ".provenance").is_empty());
    assert!(common::html::texts(&html, ".changes").is_empty());
    assert!(!read(root, "public/data/index.html").contains("changes.json"));
}

#[test]
fn a_site_outside_git_builds_with_a_note() {
    let dir = common::site(&[]);
    let site = GitSite { dir };
    let note = built(&site).unwrap();
    assert_eq!(
        note,
        format!(
            "provenance skipped: the site is not in a git repository; run claimtrail in the site's git clone{WHAT}"
        )
    );
    assert_no_provenance(site.root());
}

#[test]
fn a_repository_without_commits_builds_with_a_note() {
    let site = GitSite::new();
    let note = built(&site).unwrap();
    assert_eq!(
        note,
        format!("provenance skipped: the repository has no commits yet; commit content/{WHAT}")
    );
    assert_no_provenance(site.root());
}

#[test]
fn a_shallow_clone_builds_with_a_note() {
    let origin = super::repo::scripted();
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", origin.root().display());
    let target = clone.path().join("site");
    origin.git(
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            &url,
            target.to_str().unwrap(),
        ],
        "2026-07-01T00:00:00Z",
    );
    let site = GitSite { dir: clone };
    let root = site.root().join("site");
    let report = claimtrail::build(&claimtrail::BuildOptions {
        search: false,
        ..common::options(&root)
    })
    .unwrap();
    assert_eq!(
        report.provenance_skipped.unwrap(),
        format!(
            "provenance skipped: the clone is shallow; fetch the full history (`fetch-depth: 0`, or `git fetch --unshallow`){WHAT}"
        )
    );
    assert!(!root.join("public/changes.json").exists());
}

#[test]
fn content_not_committed_yet_builds_with_a_note() {
    let site = GitSite::new();
    std::fs::write(site.root().join("README.md"), "A tracker.\n").unwrap();
    site.git(&["add", "README.md"], "2026-05-01T00:00:00Z");
    site.git(&["commit", "-q", "-m", "Start"], "2026-05-01T00:00:00Z");
    let note = built(&site).unwrap();
    assert_eq!(
        note,
        format!("provenance skipped: content/ is not committed yet; commit content/{WHAT}")
    );
    assert_no_provenance(site.root());
}

#[test]
fn an_unreadable_repository_gives_its_message_and_no_hint() {
    let unreadable = claimtrail::provenance::Unavailable::Unreadable("bad object".into());
    assert_eq!(
        unreadable.note(),
        "provenance skipped: the repository cannot be read: bad object"
    );
}
