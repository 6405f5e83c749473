//! `claimtrail diff`: each kind of change a pull request makes, with its
//! Markdown and JSON pinned.

use serde_json::{Value, json};

use super::{CLAIM, CLAIM_FILE, Tracker};

/// A second claim, added by a pull request.
const NEW_CLAIM: &str = r#"+++
title = "Example Press says the model costs less to run"
date = 2026-05-20
claimant = "example-press"
status = "unverified"

[[appearances]]
url = "https://example.org/press/costs"
quote = "It costs less to run."
+++
"#;

/// `diff main HEAD` in `format`, which must succeed.
fn diff(tracker: &Tracker, format: &str) -> String {
    let run = tracker.run(&["diff", "main", "HEAD", "--format", format]);
    assert_eq!(run.code, Some(0), "{run:?}");
    run.stdout
}

/// The JSON report's changes, and its counts that are not zero.
fn changes_and_counts(tracker: &Tracker) -> (Value, Value) {
    let report: Value = serde_json::from_str(&diff(tracker, "json")).unwrap();
    assert_eq!(report["format"], 1);
    assert_eq!(report["base"], "main");
    assert_eq!(report["head"], "HEAD");
    let counts = report["counts"].as_object().unwrap();
    assert_eq!(counts.len(), 23, "every count, zero or not: {counts:?}");
    let counted: serde_json::Map<String, Value> = (counts.iter())
        .filter(|(_, n)| **n != 0)
        .map(|(k, n)| (k.clone(), n.clone()))
        .collect();
    (report["changes"].clone(), Value::Object(counted))
}

/// The JSON fields every change of the one claim shares.
fn claim_change(line: usize, change: Value) -> Value {
    let mut object = json!({
        "kind": "claim",
        "id": "twice-as-fast",
        "file": CLAIM_FILE,
        "line": line,
        "title": "Example Lab says its model answers twice as fast",
    });
    let fields = object.as_object_mut().unwrap();
    fields.extend(change.as_object().unwrap().clone());
    object
}

/// Changes the claim's verdict to `refuted`, with a `[[history]]` entry
/// (whose note is `note`) when `entry` is given.
pub fn refute(tracker: &Tracker, entry: Option<Option<&str>>) {
    tracker.edit(
        CLAIM_FILE,
        "status = \"unverified\"\n\n",
        "status = \"refuted\"\n\n",
    );
    if let Some(note) = entry {
        let note = note.map_or(String::new(), |note| format!("note = \"{note}\"\n"));
        let added = format!("\n[[history]]\ndate = 2026-06-01\nstatus = \"refuted\"\n{note}+++");
        tracker.edit(CLAIM_FILE, "\n+++", &added);
    }
}

#[test]
fn a_new_claim_is_listed_with_its_title() {
    let tracker = Tracker::new();
    tracker.write("content/claims/cheaper.md", NEW_CLAIM);
    tracker.commit("Add a claim");
    assert_eq!(
        diff(&tracker, "markdown"),
        "## Content changes\n\nFrom `main` to `HEAD`: **1 claim added**.\n\n\
         ### Added\n\n\
         - claim `cheaper`: Example Press says the model costs less to run\n"
    );
    let (changes, counts) = changes_and_counts(&tracker);
    assert_eq!(counts, json!({"claims_added": 1}));
    assert_eq!(
        changes,
        json!([{
            "kind": "claim", "id": "cheaper", "file": "content/claims/cheaper.md", "line": 1,
            "title": "Example Press says the model costs less to run", "change": "added",
        }])
    );
    assert_eq!(
        diff(&tracker, "github"),
        "::notice file=content/claims/cheaper.md,line=1,title=claim cheaper::claim added\n"
    );
}

#[test]
fn a_verdict_change_shows_its_history_note() {
    let tracker = Tracker::new();
    refute(&tracker, Some(Some("The press benchmark contradicts it.")));
    tracker.commit("Refute the claim");
    assert_eq!(
        diff(&tracker, "markdown"),
        "## Content changes\n\nFrom `main` to `HEAD`: **1 verdict changed, 1 other edit**.\n\n\
         ### Verdicts changed\n\n\
         - claim `twice-as-fast`: **unverified** → **refuted** (note: The press benchmark contradicts it\\.)\n\n\
         ### Other edits\n\n\
         - claim `twice-as-fast`: `history`\n"
    );
    let (changes, counts) = changes_and_counts(&tracker);
    assert_eq!(counts, json!({"verdicts_changed": 1, "other_edits": 1}));
    let verdict = json!({"change": "verdict", "from": "unverified", "to": "refuted",
        "note": "The press benchmark contradicts it."});
    let edited = json!({"change": "edited", "fields": ["history"]});
    assert_eq!(
        changes,
        json!([claim_change(5, verdict), claim_change(1, edited)])
    );
    assert!(
        diff(&tracker, "github").starts_with(
            "::notice file=content/claims/twice-as-fast.md,line=5,title=claim twice-as-fast::verdict changed from unverified to refuted (The press benchmark contradicts it.)\n"
        )
    );
}

#[test]
fn a_verdict_change_without_a_note_says_so() {
    let tracker = Tracker::new();
    refute(&tracker, None);
    tracker.commit("Refute the claim, no note");
    assert_eq!(
        diff(&tracker, "markdown"),
        "## Content changes\n\nFrom `main` to `HEAD`: **1 verdict changed**.\n\n\
         ### Verdicts changed\n\n\
         - claim `twice-as-fast`: **unverified** → **refuted** (no history note)\n"
    );
    let (changes, _) = changes_and_counts(&tracker);
    let verdict = json!({"change": "verdict", "from": "unverified", "to": "refuted", "note": null});
    assert_eq!(changes, json!([claim_change(5, verdict)]));
}

#[test]
fn an_edited_quote_shows_both_wordings_at_its_line() {
    let tracker = Tracker::new();
    tracker.edit(CLAIM_FILE, "We measured 1.4 times", "We measured 1.3 times");
    tracker.commit("Fix the quote");
    assert_eq!(
        diff(&tracker, "markdown"),
        "## Content changes\n\nFrom `main` to `HEAD`: **1 quote edited**.\n\n\
         ### Quotes edited\n\n\
         - claim `twice-as-fast`, quote from `https://example.org/press/review`: \
         “We measured 1\\.4 times as fast\\.” → “We measured 1\\.3 times as fast\\.”\n"
    );
    let (changes, counts) = changes_and_counts(&tracker);
    assert_eq!(counts, json!({"quotes_edited": 1}));
    let quote = json!({"change": "quote_edited", "evidence": "https://example.org/press/review",
        "from": "We measured 1.4 times as fast.", "to": "We measured 1.3 times as fast."});
    assert_eq!(changes, json!([claim_change(17, quote)]));
}

#[test]
fn removed_evidence_is_listed() {
    let tracker = Tracker::new();
    let citation = &CLAIM[CLAIM.find("[[citations]]").unwrap()..CLAIM.find("[[history]]").unwrap()];
    tracker.edit(CLAIM_FILE, citation, "");
    tracker.commit("Drop the press review");
    assert_eq!(
        diff(&tracker, "markdown"),
        "## Content changes\n\nFrom `main` to `HEAD`: **1 piece of evidence removed**.\n\n\
         ### Evidence removed\n\n\
         - claim `twice-as-fast`: citation of `https://example.org/press/review` (contradicts)\n"
    );
    let (changes, counts) = changes_and_counts(&tracker);
    assert_eq!(counts, json!({"evidence_removed": 1}));
    let removed = json!({"change": "citation_removed",
        "evidence": "https://example.org/press/review", "stance": "contradicts"});
    assert_eq!(changes, json!([claim_change(1, removed)]));
}

/// Renames the claim to `faster`, listing its old id in `aliases` when `alias`.
pub fn rename(tracker: &Tracker, alias: bool) {
    tracker.git(&["mv", CLAIM_FILE, "content/claims/faster.md"]);
    if alias {
        let aliased = "status = \"unverified\"\naliases = [\"twice-as-fast\"]\n";
        tracker.edit(
            "content/claims/faster.md",
            "status = \"unverified\"\n",
            aliased,
        );
    }
}

#[test]
fn a_rename_says_whether_the_old_address_is_kept() {
    for (alias, said, kept) in [
        (true, "the old address is kept as an alias", true),
        (
            false,
            "**the old address is lost**: add `aliases = [\"twice-as-fast\"]`",
            false,
        ),
    ] {
        let tracker = Tracker::new();
        rename(&tracker, alias);
        tracker.commit("Rename the claim");
        let markdown = diff(&tracker, "markdown");
        let edits = if alias { ", 1 other edit" } else { "" };
        let expected = format!(
            "## Content changes\n\nFrom `main` to `HEAD`: **1 claim renamed{edits}**.\n\n\
             ### Renamed\n\n- claim `twice-as-fast` → `faster`: {said}\n"
        );
        assert!(markdown.starts_with(&expected), "{markdown}");
        let (changes, _) = changes_and_counts(&tracker);
        assert_eq!(
            changes[0],
            json!({"kind": "claim", "id": "faster", "file": "content/claims/faster.md", "line": 1,
                "title": "Example Lab says its model answers twice as fast", "change": "renamed",
                "from": "twice-as-fast", "to": "faster", "alias_kept": kept})
        );
    }
}

#[test]
fn the_whole_json_report_is_stable() {
    let tracker = Tracker::new();
    tracker.write("content/claims/cheaper.md", NEW_CLAIM);
    tracker.commit("Add a claim");
    let text = diff(&tracker, "json");
    assert_eq!(text, diff(&tracker, "json"), "same revisions, same bytes");
    let zeros: String = [
        "claims_removed",
        "claims_renamed",
        "documents_added",
        "documents_removed",
        "documents_renamed",
        "entities_added",
        "entities_removed",
        "entities_renamed",
        "evidence_added",
        "evidence_removed",
        "files_unreadable",
        "other_edits",
        "pages_added",
        "pages_removed",
        "pages_renamed",
        "quotes_edited",
        "sources_added",
        "sources_removed",
        "sources_renamed",
        "titles_reworded",
        "values_changed",
    ]
    .iter()
    .map(|key| format!("    \"{key}\": 0,\n"))
    .collect();
    let expected = format!(
        "{{\n  \"format\": 1,\n  \"base\": \"main\",\n  \"head\": \"HEAD\",\n  \"counts\": {{\n    \"claims_added\": 1,\n{zeros}    \"verdicts_changed\": 0\n  }},\n  \"changes\": [\n    {{\n      \"kind\": \"claim\",\n      \"id\": \"cheaper\",\n      \"file\": \"content/claims/cheaper.md\",\n      \"line\": 1,\n      \"title\": \"Example Press says the model costs less to run\",\n      \"change\": \"added\"\n    }}\n  ],\n  \"unreadable\": []\n}}\n"
    );
    assert_eq!(text, expected);
}

#[test]
fn without_a_head_the_files_on_disk_are_compared() {
    let tracker = Tracker::new();
    tracker.write("content/claims/cheaper.md", NEW_CLAIM);
    let run = tracker.run(&["diff", "main"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stdout.starts_with(
            "## Content changes\n\nFrom `main` to the working tree: **1 claim added**.\n"
        ),
        "{}",
        run.stdout
    );
    let nothing = tracker.run(&["diff", "main", "HEAD"]);
    assert_eq!(
        nothing.stdout, "## Content changes\n\nFrom `main` to `HEAD`: no content changes.\n",
        "the new claim is not committed"
    );
}

#[test]
fn markup_in_a_pull_request_stays_text_in_the_summary() {
    let tracker = Tracker::new();
    let hostile = NEW_CLAIM.replace(
        "Example Press says the model costs less to run",
        "See [the proof](https://example.org/x) <img src=x onerror=alert(1)>",
    );
    tracker.write("content/claims/cheaper.md", &hostile);
    tracker.commit("Add a claim");
    let markdown = diff(&tracker, "markdown");
    assert!(
        markdown.ends_with(
            "- claim `cheaper`: See \\[the proof\\]\\(https\\://example\\.org/x\\) \\<img src=x onerror=alert\\(1\\)\\>\n"
        ),
        "{markdown}"
    );
}

#[test]
fn escape_sequences_in_a_pull_request_are_shown_not_sent() {
    let tracker = Tracker::new();
    let hostile = NEW_CLAIM.replace(
        "Example Press says the model costs less to run",
        "x \\u001bc \\u001b]8;;https://evil.example/\\u0007click \\u009b2J",
    );
    tracker.write("content/claims/cheaper.md", &hostile);
    tracker.commit("Add a claim");
    let markdown = diff(&tracker, "markdown");
    assert!(
        markdown.ends_with(
            "- claim `cheaper`: x \u{241b}c \u{241b}\\]8;;https\\://evil\\.example/\u{2407}click \u{fffd}2J\n"
        ),
        "{markdown}"
    );
    for format in ["markdown", "github"] {
        let printed = diff(&tracker, format);
        let controls: Vec<char> = (printed.chars())
            .filter(|c| c.is_control() && *c != '\n')
            .collect();
        assert!(controls.is_empty(), "{format}: {controls:?} in {printed}");
    }
}
