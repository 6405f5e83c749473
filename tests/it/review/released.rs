//! A released claim's address is kept and never reused: `check --base` also
//! reads the releases in `data/releases/<version>/claims.json`, so removing
//! an id at the base (or in an earlier pull request) does not free it.

use super::check_base::check_base;
use super::{CLAIM_FILE, Tracker};

/// A tracker whose claim was released as 1.0.0 and then removed on `main`.
fn released_then_removed() -> Tracker {
    let tracker = Tracker::new();
    tracker.on_base("Release 1.0.0", |base| {
        let run = base.run(&["release", "1.0.0"]);
        assert_eq!(run.code, Some(0), "{run:?}");
    });
    tracker.on_base("Remove the claim outright", |base| {
        std::fs::remove_file(base.root().join(CLAIM_FILE)).unwrap();
    });
    tracker
}

/// Another claim: its title, claimant and date all differ from the released one.
const OTHER: &str = "+++\ntitle = \"Example Press says the model costs less\"\ndate = 2026-05-20\nclaimant = \"example-press\"\nstatus = \"unverified\"\n\n[[appearances]]\nurl = \"https://example.org/press/costs\"\n+++\n";

#[test]
fn a_released_id_is_not_reused_after_the_base_removed_it() {
    let tracker = released_then_removed();
    tracker.write(CLAIM_FILE, OTHER);
    assert_eq!(tracker.run(&["check"]).code, Some(0), "plain check passes");
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(
        errors,
        [format!(
            "::error file={CLAIM_FILE},line=1,col=1,endLine=1,endColumn=1,title=claimtrail::`twice-as-fast` was released in 1.0.0 as the address of another claim: it now states a different claim (title, claimant and date all changed); a released address is never reused%0Ahint: give this claim a new id (rename its file), and keep the old claim's file under its own id"
        )]
    );
}

/// The line and column (from 1) of the released claim's `"id": "<id>"`
/// value in the release's `claims.json`, found in the file's text.
fn released_id_position(tracker: &Tracker, id: &str) -> (usize, usize) {
    let text =
        std::fs::read_to_string(tracker.root().join("data/releases/1.0.0/claims.json")).unwrap();
    let entry = format!("\"id\": \"{id}\"");
    let claims = text.find("\"claims\"").unwrap();
    let (line, found) = (text.lines().enumerate())
        .skip(text[..claims].lines().count())
        .find(|(_, line)| line.trim_start().starts_with(&entry))
        .unwrap();
    (line + 1, found.find(&format!("\"{id}\"")).unwrap() + 1)
}

#[test]
fn a_released_address_must_still_lead_somewhere() {
    let tracker = released_then_removed();
    let (line, col) = released_id_position(&tracker, "twice-as-fast");
    assert!(line > 1, "the claim's id is inside the claims array");
    let end = col + "\"twice-as-fast\"".len();
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(
        errors,
        [format!(
            "::error file=data/releases/1.0.0/claims.json,line={line},col={col},endLine={line},endColumn={end},title=claimtrail::the claim `twice-as-fast` was released in 1.0.0, and no claim keeps its address /claims/twice-as-fast/%0Ahint: keep the claim's file (a withdrawn claim keeps its page: change its status instead), or add `aliases = [\"twice-as-fast\"]` to the claim that replaced it"
        )],
        "the error points at the released claim's id"
    );
    let human = tracker.run(&["check", "--base", "main"]);
    assert!(
        (human.stdout.clone() + &human.stderr)
            .contains(&format!("data/releases/1.0.0/claims.json:{line}:{col}")),
        "{human:?}"
    );
    // The claim that replaced it takes the released id as an alias: kept.
    let replacement = OTHER.replace(
        "status = \"unverified\"\n",
        "status = \"unverified\"\naliases = [\"twice-as-fast\"]\n",
    );
    tracker.write("content/claims/costs-less.md", &replacement);
    assert_eq!(check_base(&tracker), (Some(0), Vec::new()));
}

#[test]
fn the_released_claim_itself_passes() {
    let tracker = Tracker::new();
    tracker.on_base("Release 1.0.0", |base| {
        assert_eq!(base.run(&["release", "1.0.0"]).code, Some(0));
    });
    // A new title and claimant with the same date is still the same claim
    // (the released date reads as the file's).
    tracker.edit(
        CLAIM_FILE,
        "answers twice as fast\"",
        "answers two times as fast\"",
    );
    tracker.edit(
        CLAIM_FILE,
        "claimant = \"example-lab-blog\"",
        "claimant = \"example-press\"",
    );
    assert_eq!(check_base(&tracker), (Some(0), Vec::new()));
    tracker.edit(
        CLAIM_FILE,
        "date = 2026-03-02\nclaimant",
        "date = 2026-03-03\nclaimant",
    );
    assert_eq!(check_base(&tracker).1.len(), 1, "now all three differ");
}

#[test]
fn a_removed_released_id_taken_again_must_be_the_released_claim() {
    // The same claimant, another claim: new title and date.
    let tracker = released_then_removed();
    let same_claimant = OTHER.replace(
        "claimant = \"example-press\"",
        "claimant = \"example-lab-blog\"",
    );
    tracker.write(CLAIM_FILE, &same_claimant);
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("::`twice-as-fast` was released in 1.0.0 as the address of another claim: it now states a different claim (title and date changed); a released address is never reused"),
        "{errors:#?}"
    );
    // Restoring the released claim, its title reworded, is no reuse.
    let restored = super::CLAIM.replace("answers twice as fast\"", "answers two times as fast\"");
    tracker.write(CLAIM_FILE, &restored);
    assert_eq!(check_base(&tracker), (Some(0), Vec::new()));
}

#[test]
fn a_release_of_the_base_cannot_be_deleted() {
    let tracker = Tracker::new();
    tracker.on_base("Release 1.0.0", |base| {
        let run = base.run(&["release", "1.0.0"]);
        assert_eq!(run.code, Some(0), "{run:?}");
    });
    assert_eq!(check_base(&tracker), (Some(0), Vec::new()));
    std::fs::remove_dir_all(tracker.root().join("data/releases/1.0.0")).unwrap();
    assert_eq!(
        tracker.run(&["check"]).code,
        Some(0),
        "plain check cannot know"
    );
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(
        errors,
        [
            "::error file=data/releases/1.0.0,title=claimtrail::the release `1.0.0` of `main` was deleted: a release is a permanent record%0Ahint: restore it: run `git checkout main -- data/releases/1.0.0` in the site's folder"
        ]
    );
    tracker.git(&["checkout", "main", "--", "data/releases/1.0.0"]);
    assert_eq!(
        check_base(&tracker),
        (Some(0), Vec::new()),
        "the hint's command restores it"
    );
}
