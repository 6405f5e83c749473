//! `claimtrail diff` on files it cannot compare: a claim whose frontmatter
//! no longer parses is reported as such (not as a verdict changed to
//! nothing), a file that is not UTF-8 text is listed rather than left out,
//! and a claimant's own citation moved to the appearances is no change.

use serde_json::{Value, json};

use super::{CLAIM_FILE, Tracker};

/// `diff` with `args` (after `diff`), which must succeed.
fn diff(tracker: &Tracker, args: &[&str]) -> String {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    let run = tracker.run(&all);
    assert_eq!(run.code, Some(0), "{run:?}");
    run.stdout
}

#[test]
fn a_claim_that_no_longer_parses_is_reported_as_such() {
    let tracker = Tracker::new();
    tracker.edit(
        CLAIM_FILE,
        "status = \"unverified\"\n\n",
        "status = unverified\n\n",
    );
    let markdown = diff(&tracker, &["main"]);
    assert_eq!(
        markdown,
        "## Content changes\n\nFrom `main` to the working tree: **1 file cannot be read**.\n\n\
         ### Cannot be read\n\n\
         - claim `twice-as-fast` (`content/claims/twice-as-fast.md`), changed: the file does not parse: run `claimtrail check`\n"
    );
    let report: Value =
        serde_json::from_str(&diff(&tracker, &["main", "--format", "json"])).unwrap();
    assert_eq!(report["changes"], json!([]), "no verdict changed to null");
    assert_eq!(report["counts"]["files_unreadable"], 1);
    assert_eq!(report["counts"]["verdicts_changed"], 0);
    assert_eq!(
        report["unreadable"],
        json!([{
            "kind": "claim",
            "id": "twice-as-fast",
            "file": CLAIM_FILE,
            "added": false,
            "reason": "does_not_parse",
        }])
    );
}

#[test]
fn a_file_that_is_not_utf8_is_listed_committed_or_not() {
    let tracker = Tracker::new();
    let path = tracker.root().join("content/claims/bad-bytes.md");
    std::fs::write(&path, b"+++\ntitle = \"bad \xff bytes\"\n+++\n").unwrap();
    let line = "- claim `bad-bytes` (`content/claims/bad-bytes.md`), added: the file is not UTF-8 text, so it cannot be read\n";
    assert!(
        diff(&tracker, &["main"]).ends_with(line),
        "the working tree"
    );
    tracker.commit("Bad bytes");
    let markdown = diff(&tracker, &["main", "HEAD"]);
    assert!(markdown.contains("**1 file cannot be read**"), "{markdown}");
    assert!(markdown.ends_with(line), "{markdown}");
    assert_eq!(
        diff(&tracker, &["main", "HEAD", "--format", "github"]),
        "::warning file=content/claims/bad-bytes.md,title=claim bad-bytes::added: the file is not UTF-8 text, so it cannot be read\n"
    );

    // Changed to bad bytes, from a claim that read.
    let claim = tracker.root().join(CLAIM_FILE);
    let mut bytes = std::fs::read(&claim).unwrap();
    bytes.extend_from_slice(b"\xfe\n");
    std::fs::write(&claim, bytes).unwrap();
    let report: Value =
        serde_json::from_str(&diff(&tracker, &["main", "--format", "json"])).unwrap();
    assert_eq!(report["counts"]["files_unreadable"], 2);
    assert_eq!(report["unreadable"][1]["id"], "twice-as-fast");
    assert_eq!(report["unreadable"][1]["added"], false);
    assert_eq!(report["unreadable"][1]["reason"], "not_utf8");
    assert_eq!(report["changes"], json!([]), "not reported removed");
}

#[test]
fn the_claimants_own_citation_moved_to_the_appearances_is_no_change() {
    let tracker = Tracker::new();
    // The base claim's appearance (by its claimant, example-lab-blog),
    // written the old way: a supporting citation, read as an appearance.
    tracker.on_base("Appearance as a citation", |tracker| {
        tracker.edit(
            CLAIM_FILE,
            "[[appearances]]\nurl",
            "[[citations]]\nsource = \"example-lab-blog\"\nstance = \"supports\"\nurl",
        );
    });
    tracker.edit(
        CLAIM_FILE,
        "[[citations]]\nsource = \"example-lab-blog\"\nstance = \"supports\"\nurl",
        "[[appearances]]\nurl",
    );
    tracker.commit("Write it as an appearance");
    assert_eq!(
        diff(&tracker, &["main", "HEAD"]),
        "## Content changes\n\nFrom `main` to `HEAD`: no content changes.\n"
    );
    // Its quote edited in the same move: only the quote shows.
    tracker.edit(
        CLAIM_FILE,
        "answers twice as fast.\"",
        "answers 2x as fast.\"",
    );
    let report: Value =
        serde_json::from_str(&diff(&tracker, &["main", "--format", "json"])).unwrap();
    let changes: Vec<&Value> = report["changes"].as_array().unwrap().iter().collect();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0]["change"], "quote_edited");
    assert_eq!(changes[0]["evidence"], "https://example.org/blog/launch");
}
