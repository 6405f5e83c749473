//! What `diff` and `check --base` say when they cannot compare: an unknown
//! revision, a folder outside git, a shallow clone. Each is a usage error
//! (exit code 2) with one clear line, never a crash.

use super::{Tracker, run_in};

/// Both commands with `revision` as the base, in `tracker`: each must fail
/// with exit code 2 and say `wanted` on stderr.
fn both_refuse(root: &std::path::Path, revision: &str, wanted: &str) {
    for args in [
        vec!["diff", revision, "HEAD"],
        vec!["check", "--base", revision],
    ] {
        let run = run_in(root, &args);
        assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
        assert!(run.stderr.contains(wanted), "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn an_unknown_revision_is_named() {
    let tracker = Tracker::new();
    both_refuse(
        tracker.root(),
        "no-such-branch",
        "cannot find the revision `no-such-branch`",
    );
    let run = tracker.run(&["diff", "main", "no-such-head"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr
            .contains("name a branch, tag or commit of this repository"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_site_outside_git_says_history_is_needed() {
    let tracker = Tracker::new();
    let copy = tempfile::tempdir().unwrap();
    crate::common::copy_tree(tracker.root(), copy.path());
    std::fs::remove_dir_all(copy.path().join(".git")).unwrap();
    both_refuse(copy.path(), "main", "the site is not in a git repository");
    both_refuse(copy.path(), "main", "needs the site's git history");
    both_refuse(
        copy.path(),
        "main",
        "run claimtrail in the site's git clone",
    );
    let run = run_in(copy.path(), &["diff", "main"]);
    assert!(!run.stderr.contains("fetch-depth"), "{}", run.stderr);
}

#[test]
fn a_shallow_clone_says_how_to_fetch_the_history() {
    let tracker = Tracker::new();
    tracker.edit(super::CLAIM_FILE, "twice as fast\"", "twice as fast!\"");
    tracker.commit("Reword");
    let clone = tempfile::tempdir().unwrap();
    let source = format!("file://{}", tracker.root().display());
    let target = clone.path().join("tracker");
    tracker.git(&[
        "clone",
        "--quiet",
        "--depth=1",
        "--branch=pr",
        &source,
        target.to_str().unwrap(),
    ]);
    both_refuse(&target, "HEAD", "the clone is shallow");
    both_refuse(&target, "HEAD", "fetch-depth: 0");
}
