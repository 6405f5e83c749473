//! `diff` and `check --base` compare from the merge base of the base and the
//! head, as `git diff base...head` and a pull request's diff do: what the
//! base gained after the branch left it is not shown reversed.

use serde_json::Value;

use super::{CLAIM_FILE, Tracker};

/// A branch `pr` that adds a tag, while `main` then edits the quoted value.
fn base_moved_ahead() -> Tracker {
    let tracker = Tracker::new();
    tracker.edit(
        CLAIM_FILE,
        "status = \"unverified\"\n",
        "status = \"unverified\"\ntags = [\"speed\"]\n",
    );
    tracker.commit("Tag the claim");
    tracker.git(&["checkout", "--quiet", "main"]);
    tracker.edit(CLAIM_FILE, "We measured 1.4 times", "We measured 1.3 times");
    tracker.commit("Fix the press quote on main");
    tracker.git(&["checkout", "--quiet", "pr"]);
    tracker
}

/// The `change` (and `fields`) of every entry of `diff main [head] --format json`.
fn changes(tracker: &Tracker, head: Option<&str>) -> Vec<String> {
    let mut args = vec!["diff", "main"];
    args.extend(head);
    args.extend(["--format", "json"]);
    let run = tracker.run(&args);
    assert_eq!(run.code, Some(0), "{run:?}");
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    (report["changes"].as_array().unwrap().iter())
        .map(|change| format!("{} {}", change["change"], change["fields"]))
        .collect()
}

#[test]
fn a_base_that_moved_ahead_is_compared_from_the_merge_base() {
    let tracker = base_moved_ahead();
    let tags_only = vec!["\"edited\" [\"tags\"]".to_string()];
    assert_eq!(changes(&tracker, Some("HEAD")), tags_only, "not the quote");
    assert_eq!(changes(&tracker, None), tags_only, "the working tree too");
    // Once main is merged in, the base is an ancestor and nothing changes.
    tracker.git(&["merge", "--quiet", "--no-edit", "main"]);
    assert_eq!(changes(&tracker, Some("HEAD")), tags_only);
}

#[test]
fn check_base_reads_the_base_at_the_merge_base() {
    let tracker = base_moved_ahead();
    // `main` added a claim after the branch left it: the branch lacks it,
    // which compared with `main` itself would read as a removal.
    tracker.git(&["checkout", "--quiet", "main"]);
    tracker.write(
        "content/claims/second.md",
        &super::CLAIM.replace("twice", "thrice"),
    );
    tracker.commit("Add a second claim on main");
    tracker.git(&["checkout", "--quiet", "pr"]);
    let run = tracker.run(&["check", "--base", "main"]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn unrelated_histories_are_compared_with_the_base_and_say_so() {
    let tracker = Tracker::new();
    tracker.git(&["checkout", "--quiet", "--orphan", "other"]);
    tracker.commit("A history of its own");
    let run = tracker.run(&["diff", "main", "HEAD"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert_eq!(
        run.stderr,
        "note: `main` and `HEAD` have no history in common; comparing with `main` itself\n"
    );
    assert!(run.stdout.ends_with("no content changes.\n"), "{run:?}");
}
