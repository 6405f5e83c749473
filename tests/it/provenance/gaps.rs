//! Revisions the history cannot read: a commit that leaves a content file
//! unparsable (or not UTF-8 text) is a gap, so the versions on either side
//! of it are compared, and nothing about the broken revision reaches the
//! claim page, `/changes/`, the feed or `changes.json`. Also what the
//! history reads as unchanged: a claimant's own citation moved to the
//! appearances, and commit subjects holding direction controls.

use serde_json::Value;

use super::pages::built;
use super::repo::{COST, GitSite};
use crate::common::html::texts;
use crate::common::{data, page, read};

/// The revisions of the record `id` in `changes.json`.
fn revisions(site: &GitSite, id: &str) -> (Value, Vec<Value>) {
    let changes = data(site.root(), "changes.json");
    let record = (changes["records"].as_array().unwrap().iter())
        .find(|record| record["id"] == id)
        .unwrap()
        .clone();
    let revisions = record["revisions"].as_array().unwrap().clone();
    (record, revisions)
}

/// Breaks the cost claim's `status` line (a bare word is not TOML).
fn break_the_cost_claim(site: &GitSite) {
    site.edit(COST, "status = \"disputed\"", "status = disputed");
}

#[test]
fn a_commit_that_breaks_a_claim_and_one_that_mends_it_change_nothing() {
    let site = GitSite::committed();
    break_the_cost_claim(&site);
    site.commit("Oops, broken", "2026-06-11T10:00:00Z");
    site.edit(COST, "status = disputed", "status = \"disputed\"");
    site.commit("Mend the claim", "2026-06-12T10:00:00Z");
    assert_eq!(built(&site), None);

    let (record, revisions) = revisions(&site, "acme-model-2-cost");
    assert_eq!(revisions.len(), 1, "only its entry: {revisions:#?}");
    assert_eq!(record["last_changed"], "2026-05-03T09:00:00Z");

    let html = page(site.root(), "claims/acme-model-2-cost/index.html");
    assert_eq!(texts(&html, ".provenance"), ["Entered May 3, 2026"]);
    let shown = texts(&html, "main").concat();
    for word in ["Oops", "Mend", "June 11", "June 12", "unreadable"] {
        assert!(!shown.contains(word), "the claim page shows {word:?}");
    }
    let json_ld = texts(&html, "script[type='application/ld+json']").join("");
    assert!(!json_ld.contains("2026-06-1"), "{json_ld}");

    let log = texts(&page(site.root(), "changes/index.html"), "main").concat();
    let feed = read(site.root(), "public/changes/feed.xml");
    for word in ["Oops", "Mend", "unreadable"] {
        assert!(!log.contains(word), "/changes/ shows {word:?}");
        assert!(!feed.contains(word), "the feed shows {word:?}");
    }
}

#[test]
fn a_verdict_changed_while_mending_a_broken_claim_is_one_change_with_both_statuses() {
    let site = GitSite::committed();
    break_the_cost_claim(&site);
    site.commit("Oops, broken", "2026-06-11T10:00:00Z");
    site.edit(COST, "status = disputed", "status = \"disputed\"");
    site.refute_the_cost_claim();
    site.commit("Mend it and refute it", "2026-06-12T10:00:00Z");
    assert_eq!(built(&site), None);

    let (record, revisions) = revisions(&site, "acme-model-2-cost");
    assert_eq!(revisions.len(), 2, "{revisions:#?}");
    assert_eq!(revisions[1]["subject"], "Mend it and refute it");
    let changes = revisions[1]["changes"].as_array().unwrap();
    assert_eq!(changes[0]["change"], "verdict");
    assert_eq!(changes[0]["from"], "disputed", "never null: {changes:#?}");
    assert_eq!(changes[0]["to"], "refuted");
    assert_eq!(record["last_changed"], "2026-06-12T10:00:00Z");
}

#[test]
fn a_claim_file_that_is_briefly_not_utf8_keeps_its_record() {
    let site = GitSite::committed();
    let full = site.root().join(COST);
    let text = std::fs::read(&full).unwrap();
    let mut broken = text.clone();
    broken.extend_from_slice(b"\xff\xfe");
    std::fs::write(&full, &broken).unwrap();
    site.commit("Bad bytes", "2026-06-11T10:00:00Z");
    std::fs::write(&full, &text).unwrap();
    site.commit("Good bytes", "2026-06-12T10:00:00Z");
    assert_eq!(built(&site), None);

    let changes = data(site.root(), "changes.json");
    let records: Vec<&Value> = (changes["records"].as_array().unwrap().iter())
        .filter(|record| record["id"] == "acme-model-2-cost")
        .collect();
    assert_eq!(
        records.len(),
        1,
        "not removed and entered again: {records:#?}"
    );
    assert_eq!(records[0]["removed"], false);
    assert_eq!(records[0]["revisions"].as_array().unwrap().len(), 1);
}

#[test]
fn moving_the_claimants_own_citation_to_the_appearances_is_no_change() {
    let site = GitSite::committed();
    // The fixture's appearance, written the old way: a supporting citation
    // by the claimant (acme-blog), which the site reads as an appearance.
    site.edit(
        COST,
        "[[appearances]]\nurl",
        "[[citations]]\nsource = \"acme-blog\"\nstance = \"supports\"\nurl",
    );
    site.commit("Write the appearance as a citation", "2026-06-04T10:00:00Z");
    site.edit(
        COST,
        "[[citations]]\nsource = \"acme-blog\"\nstance = \"supports\"\nurl",
        "[[appearances]]\nurl",
    );
    site.commit("And back", "2026-06-05T10:00:00Z");
    assert_eq!(built(&site), None);

    let (record, revisions) = revisions(&site, "acme-model-2-cost");
    assert_eq!(revisions.len(), 1, "{revisions:#?}");
    assert_eq!(record["last_changed"], "2026-05-03T09:00:00Z");
    let html = page(site.root(), "claims/acme-model-2-cost/index.html");
    let shown = texts(&html, "main").concat();
    assert!(!shown.contains("Evidence added"), "{shown}");
    assert!(!shown.contains("Appearance"), "{shown}");
}

#[test]
fn direction_controls_in_a_commit_subject_reach_no_page_feed_or_data() {
    let site = GitSite::committed();
    site.refute_the_cost_claim();
    site.commit(
        "Refute \u{202E}evil\u{202C} \u{2067}cost\u{2069}\u{200F} claim\u{7}",
        "2026-06-10T12:00:00Z",
    );
    assert_eq!(built(&site), None);
    let (_, revisions) = revisions(&site, "acme-model-2-cost");
    assert_eq!(revisions[1]["subject"], "Refute evil cost claim");
    for file in [
        "public/claims/acme-model-2-cost/index.html",
        "public/changes/index.html",
        "public/changes/feed.xml",
        "public/changes.json",
    ] {
        let text = read(site.root(), file);
        assert!(text.contains("Refute evil cost claim"), "{file}");
        for control in [
            '\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{200F}', '\u{7}',
        ] {
            assert!(
                !text.contains(control),
                "{file} holds U+{:04X}",
                u32::from(control)
            );
        }
    }
}
