//! The suggestion to make a document file for a document that three or more
//! claims write out inline.

use super::{at, claim, found, write};
use crate::common;

/// Writes claims `ids` to the site at `root`, each citing `entry` inline
/// (from line 12) after an appearance of its own.
fn claims_citing(root: &std::path::Path, ids: &[&str], entry: &str) {
    for id in ids {
        let entries = format!(
            "[[appearances]]\nurl = \"https://example.org/acme/{id}\"\n\n[[citations]]\nsource = \"example-press\"\n{entry}"
        );
        write(
            root,
            &format!("content/claims/{id}.md"),
            &claim(id, &entries),
        );
    }
}

#[test]
fn a_url_written_out_in_three_claims_is_flagged_at_each_url() {
    let dir = common::site(&[]);
    let entry = "stance = \"supports\"\ntitle = \"The AI roundup\"\nurl = \"https://example.org/press/roundup\"\n";
    claims_citing(dir.path(), &["one", "three", "two"], entry);
    let hint =
        "create content/documents/the-ai-roundup.md and write `document = \"the-ai-roundup\"` here";
    let message = "this document is cited inline in 3 claims";
    assert_eq!(
        found(dir.path()),
        ["one", "three", "two"].map(|id| at(
            "warning",
            &format!("content/claims/{id}.md"),
            14,
            7,
            message,
            hint
        ))
    );
}

#[test]
fn two_claims_sharing_a_url_are_not_flagged_however_often_they_cite_it() {
    let dir = common::site(&[]);
    // Three entries, but two claims: one cites it twice.
    let entry = "url = \"https://example.org/press/roundup\"\n\n[[citations]]\nsource = \"indie-lab\"\nurl = \"https://example.org/press/roundup\"\n";
    claims_citing(dir.path(), &["one"], entry);
    claims_citing(
        dir.path(),
        &["two"],
        "url = \"https://example.org/press/roundup\"\n",
    );
    assert_eq!(found(dir.path()), []);
}

#[test]
fn without_a_url_the_title_is_compared_and_the_suggestion_named_after_it() {
    let dir = common::site(&[]);
    let entry = "title = \"Weekly notes\"\narchive = \"https://web.archive.org/web/2026/notes\"\n";
    claims_citing(dir.path(), &["one", "three", "two"], entry);
    let warnings = found(dir.path());
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    for (warning, id) in warnings.iter().zip(["one", "three", "two"]) {
        assert_eq!(
            warning,
            &at(
                "warning",
                &format!("content/claims/{id}.md"),
                12,
                9,
                "this document is cited inline in 3 claims",
                "create content/documents/weekly-notes.md and write `document = \"weekly-notes\"` here",
            )
        );
    }
}

#[test]
fn a_url_that_a_document_file_has_points_at_that_file() {
    // The base fixture's acme-model-2-cost already names the launch post inline.
    let dir = common::site(&["documents"]);
    let entry = "url = \"https://example.org/acme-model-2-launch\"\nstance = \"neutral\"\n";
    claims_citing(dir.path(), &["one", "two"], entry);
    let hint = "content/documents/acme-model-2-launch.md is this document: write `document = \"acme-model-2-launch\"` here instead";
    let flagged: Vec<(String, u64, String)> = found(dir.path())
        .into_iter()
        .map(|(_, file, line, _, message, found_hint)| {
            assert_eq!(found_hint, hint);
            (file, line, message)
        })
        .collect();
    let message = "this document is cited inline in 3 claims".to_string();
    assert_eq!(
        flagged,
        [
            (
                "content/claims/acme-model-2-cost.md".into(),
                17,
                message.clone()
            ),
            ("content/claims/one.md".into(), 12, message.clone()),
            ("content/claims/two.md".into(), 12, message),
        ]
    );
}
