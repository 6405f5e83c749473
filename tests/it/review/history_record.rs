//! `[[history]]` entries are a public record: a verdict change needs an entry
//! that is genuinely added, and `check --base` and `diff` agree on which
//! entries are new.

use serde_json::Value;

use super::check_base::check_base;
use super::diff::refute;
use super::{CLAIM_FILE, Tracker};

/// A tracker whose base (`main`) refuted the claim with a noted entry.
fn refuted_at_the_base() -> Tracker {
    let tracker = Tracker::new();
    tracker.on_base("Refute the claim", |base| {
        refute(base, Some(Some("The press benchmark contradicts it.")));
    });
    tracker
}

#[test]
fn rewriting_the_last_entry_is_not_a_new_entry() {
    let tracker = refuted_at_the_base();
    // The verdict flips again, and the old entry's status is rewritten to match.
    let text = std::fs::read_to_string(tracker.root().join(CLAIM_FILE)).unwrap();
    tracker.write(
        CLAIM_FILE,
        &text.replace("status = \"refuted\"", "status = \"supported\""),
    );
    assert_eq!(tracker.run(&["check"]).code, Some(0), "plain check passes");
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(errors.len(), 2, "{errors:#?}");
    // The edited entry's `status` is on line 25 (the new entry of `refute`).
    assert!(
        errors[0].starts_with(&format!(
            "::error file={CLAIM_FILE},line=5,col=10,endLine=5,endColumn=21,title=claimtrail::the verdict changed from `refuted` to `supported` without a new [[history]] entry%0A"
        )),
        "{errors:#?}"
    );
    assert!(
        errors[1].starts_with(&format!(
            "::error file={CLAIM_FILE},line=25,col=10,endLine=25,endColumn=21,title=claimtrail::a [[history]] entry of the base revision was changed: history entries are a public record; add a new entry instead%0Ahint: restore the entry of 2026-06-01 (`status = \"refuted\"` and its note)"
        )),
        "{errors:#?}"
    );
    // `diff` reads the same: the verdict change has no history note.
    let run = tracker.run(&["diff", "main", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let verdict = &report["changes"][0];
    assert_eq!(verdict["change"], "verdict");
    assert_eq!(verdict["to"], "supported");
    assert_eq!(verdict["note"], Value::Null, "{verdict}");
}

#[test]
fn editing_an_old_note_is_an_error_at_its_entry() {
    let tracker = refuted_at_the_base();
    tracker.edit(
        CLAIM_FILE,
        "note = \"Entered from the launch post.\"",
        "note = \"Entered from a press release.\"",
    );
    let (code, errors) = check_base(&tracker);
    assert_eq!(code, Some(1));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with(&format!(
            "::error file={CLAIM_FILE},line=21,col=10,endLine=21,endColumn=22,title=claimtrail::a [[history]] entry of the base revision was changed:"
        )),
        "{errors:#?}"
    );
}

#[test]
fn an_appended_entry_with_a_note_passes() {
    let tracker = refuted_at_the_base();
    tracker.edit(
        CLAIM_FILE,
        "status = \"refuted\"\n\n",
        "status = \"supported\"\n\n",
    );
    tracker.edit(
        CLAIM_FILE,
        "\n+++",
        "\n[[history]]\ndate = 2026-06-20\nstatus = \"supported\"\nnote = \"A rerun confirmed it.\"\n+++",
    );
    assert_eq!(check_base(&tracker), (Some(0), Vec::new()));
    let run = tracker.run(&["diff", "main", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["changes"][0]["note"], "A rerun confirmed it.");
}
