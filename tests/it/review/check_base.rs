//! `check --base`: the rules that need the base revision, each an error at
//! the line to fix, with a hint; plain `check` does not know them.

use super::diff::{refute, rename};
use super::{CLAIM, CLAIM_FILE, Tracker};

/// `check --base main --format github`: its exit code and the errors it printed.
pub(super) fn check_base(tracker: &Tracker) -> (Option<i32>, Vec<String>) {
    let run = tracker.run(&["check", "--base", "main", "--format", "github"]);
    let errors = (run.stdout.lines())
        .filter(|line| line.starts_with("::error"))
        .map(str::to_string)
        .collect();
    (run.code, errors)
}

/// The one error of `check --base main`, which must fail with it alone.
fn one_error(tracker: &Tracker) -> String {
    let (code, mut errors) = check_base(tracker);
    assert_eq!(code, Some(1));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.remove(0)
}

/// `check --base main` fails with one error, which starts with `prefix`.
fn one_error_starting(tracker: &Tracker, prefix: &str) {
    let error = one_error(tracker);
    assert!(error.starts_with(prefix), "{error}");
}

/// Plain `check` passes: the problem is only visible against the base.
fn plain_check_passes(tracker: &Tracker) {
    let run = tracker.run(&["check"]);
    assert_eq!(run.code, Some(0), "{run:?}");
}

#[test]
fn a_verdict_change_needs_a_history_entry_with_a_note() {
    let tracker = Tracker::new();
    // A base claim without history: plain `check` asks for none.
    tracker.on_base("No history yet", |base| {
        let history = &CLAIM[CLAIM.find("[[history]]").unwrap()..CLAIM.find("+++\nWhat").unwrap()];
        base.edit(CLAIM_FILE, history, "");
    });
    refute(&tracker, None);
    plain_check_passes(&tracker);
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(
        errors,
        [format!(
            "::error file={CLAIM_FILE},line=5,col=10,endLine=5,endColumn=19,title=claimtrail::the verdict changed from `unverified` to `refuted` without a new [[history]] entry%0Ahint: add a [[history]] entry with `date`, `status = \"refuted\"` and a `note` saying why the verdict changed"
        )]
    );
}

#[test]
fn a_history_entry_without_a_note_is_not_enough() {
    let tracker = Tracker::new();
    refute(&tracker, Some(None));
    plain_check_passes(&tracker);
    let error = one_error(&tracker);
    assert!(
        error.starts_with(&format!("::error file={CLAIM_FILE},line=5,")),
        "{error}"
    );
    assert!(
        error.contains("the verdict changed from `unverified` to `refuted`, but its [[history]] entry has no note"),
        "{error}"
    );
}

#[test]
fn a_verdict_change_that_plain_check_reports_is_reported_once() {
    let tracker = Tracker::new();
    refute(&tracker, None);
    let error = one_error(&tracker);
    assert!(
        error.contains("`status` is `refuted`, but the last history entry says `unverified`"),
        "{error}"
    );
}

#[test]
fn a_verdict_change_with_a_note_passes() {
    let tracker = Tracker::new();
    refute(&tracker, Some(Some("The press benchmark contradicts it.")));
    let (code, errors) = check_base(&tracker);
    assert_eq!((code, errors), (Some(0), Vec::new()));
}

#[test]
fn a_rename_must_keep_the_old_address_as_an_alias() {
    let tracker = Tracker::new();
    rename(&tracker, false);
    plain_check_passes(&tracker);
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(
        errors,
        [
            "::error file=content/claims/faster.md,line=1,col=1,endLine=1,endColumn=1,title=claimtrail::the claim `twice-as-fast` is now `faster`, and its old address /claims/twice-as-fast/ is not kept%0Ahint: add `aliases = [\"twice-as-fast\"]` to content/claims/faster.md (or add \"twice-as-fast\" to its aliases)"
        ]
    );

    let kept = Tracker::new();
    rename(&kept, true);
    assert_eq!(check_base(&kept), (Some(0), Vec::new()));
}

#[test]
fn a_removed_claim_names_its_lost_address() {
    let tracker = Tracker::new();
    std::fs::remove_file(tracker.root().join(CLAIM_FILE)).unwrap();
    one_error_starting(
        &tracker,
        &format!(
            "::error file={CLAIM_FILE},title=claimtrail::the claim `twice-as-fast` was removed, and no claim keeps its address /claims/twice-as-fast/%0Ahint: "
        ),
    );
}

#[test]
fn a_published_id_is_not_reused_for_another_claim() {
    let tracker = Tracker::new();
    rename(&tracker, false);
    let other = "+++\ntitle = \"Example Press says the model costs less\"\ndate = 2026-05-20\nclaimant = \"example-press\"\nstatus = \"unverified\"\n\n[[appearances]]\nurl = \"https://example.org/press/costs\"\n+++\n";
    tracker.write(CLAIM_FILE, other);
    plain_check_passes(&tracker);
    one_error_starting(
        &tracker,
        &format!(
            "::error file={CLAIM_FILE},line=1,col=1,endLine=1,endColumn=1,title=claimtrail::`twice-as-fast` was published as the address of another claim: it now states a different claim (title, claimant and date all changed); a published address is never reused%0Ahint: give this claim a new id"
        ),
    );
}

#[test]
fn a_dropped_alias_is_a_lost_address() {
    let tracker = Tracker::new();
    tracker.on_base("Keep an old address", |base| {
        let aliased = "status = \"unverified\"\naliases = [\"faster-answers\"]\n";
        base.edit(CLAIM_FILE, "status = \"unverified\"\n", aliased);
    });
    tracker.edit(CLAIM_FILE, "aliases = [\"faster-answers\"]\n", "");
    plain_check_passes(&tracker);
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(
        errors,
        [format!(
            "::error file={CLAIM_FILE},line=1,col=1,endLine=1,endColumn=1,title=claimtrail::the former id `faster-answers` of the claim `twice-as-fast` was dropped from its aliases, so /claims/faster-answers/ no longer leads to it%0Ahint: add `aliases = [\"faster-answers\"]` to {CLAIM_FILE} (or add \"faster-answers\" to its aliases)"
        )]
    );
}

#[test]
fn a_draft_at_the_base_was_never_published_and_may_go() {
    let tracker = Tracker::new();
    tracker.on_base("Start a draft", |base| {
        let draft = CLAIM.replace(
            "status = \"unverified\"\n",
            "status = \"unverified\"\ndraft = true\n",
        );
        base.write("content/claims/draft-claim.md", &draft);
    });
    std::fs::remove_file(tracker.root().join("content/claims/draft-claim.md")).unwrap();
    assert_eq!(check_base(&tracker), (Some(0), Vec::new()));
    std::fs::remove_file(tracker.root().join(CLAIM_FILE)).unwrap();
    assert_eq!(
        check_base(&tracker).1.len(),
        1,
        "the published claim may not go"
    );
}
