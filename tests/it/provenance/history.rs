//! The history pass itself: every record's entry, last change and changes.

use claimtrail::load::Kind;
use claimtrail::provenance::{Change, History, read};

use super::repo::{GitSite, scripted};

/// The history of `site`, read with the fixture's statuses.
fn history(site: &GitSite) -> History {
    read(
        site.root(),
        &["unverified", "disputed", "refuted", "supported"],
    )
    .unwrap()
    .0
}

/// Each revision of the record as (date, subject, pull request, changes).
fn revisions(history: &History, id: &str) -> Vec<(String, String, Option<u64>, Vec<Change>)> {
    let record = history.record(Kind::Claim, id).unwrap();
    record
        .revisions
        .iter()
        .map(|r| {
            (
                r.time.rfc3339(),
                r.subject.clone(),
                r.pull_request,
                r.changes.clone(),
            )
        })
        .collect()
}

#[test]
fn renamed_claim_keeps_its_entry_and_lists_each_change() {
    let site = scripted();
    let history = history(&site);
    assert_eq!(
        revisions(&history, "acme-model-2-price"),
        [
            (
                "2026-05-03T09:00:00Z".to_string(),
                "Add the first claims".to_string(),
                None,
                vec![Change::Added]
            ),
            (
                "2026-06-10T12:00:00+02:00".to_string(),
                "Refute the cost claim (#4)".to_string(),
                Some(4),
                vec![
                    Change::Verdict {
                        from: Some("disputed".into()),
                        to: Some("refuted".into()),
                        note: Some("The price sheet settles it.".into()),
                    },
                    Change::Edited {
                        fields: vec!["history".into()]
                    },
                ],
            ),
            (
                "2026-06-15T08:00:00Z".to_string(),
                "Rename the cost claim".to_string(),
                None,
                vec![
                    Change::Renamed {
                        from: "acme-model-2-cost".into(),
                        to: "acme-model-2-price".into(),
                        alias_kept: true
                    },
                    Change::Edited {
                        fields: vec!["aliases".into()]
                    },
                ],
            ),
        ]
    );
    let record = history.record(Kind::Claim, "acme-model-2-price").unwrap();
    assert_eq!(record.entered.rfc3339(), "2026-05-03T09:00:00Z");
    assert_eq!(record.last_changed.rfc3339(), "2026-06-15T08:00:00Z");
    assert!(history.record(Kind::Claim, "acme-model-2-cost").is_none());
}

#[test]
fn verdict_without_note_quote_rename_and_merge_are_recorded() {
    let site = scripted();
    let history = history(&site);
    let changes: Vec<(String, Vec<Change>)> = revisions(&history, "globex-leads")
        .into_iter()
        .skip(1)
        .map(|(time, subject, _, changes)| (format!("{time} {subject}"), changes))
        .collect();
    assert_eq!(
        changes,
        [
            (
                "2026-06-11T08:00:00Z Reopen the benchmark claim".to_string(),
                vec![
                    Change::Verdict {
                        from: Some("refuted".into()),
                        to: Some("disputed".into()),
                        note: None
                    },
                    Change::Edited {
                        fields: vec!["history".into()]
                    },
                ],
            ),
            (
                "2026-06-12T08:00:00Z Fix a quote".to_string(),
                vec![Change::QuoteEdited {
                    evidence: "https://example.org/lab/benchmarks".into(),
                    from: Some("Acme Model 2 leads on four of seven benchmarks.".into()),
                    to: Some("Acme Model 2 leads on three of seven benchmarks.".into()),
                }],
            ),
            (
                "2026-06-16T08:00:00Z Shorter id".to_string(),
                vec![Change::Renamed {
                    from: "globex-beats-acme".into(),
                    to: "globex-leads".into(),
                    alias_kept: false
                }],
            ),
            (
                "2026-06-20T08:00:00Z Merge pull request #7 from editor/evidence".to_string(),
                vec![Change::CitationAdded {
                    evidence: "https://example.org/press/recount".into(),
                    stance: "supports".into()
                }],
            ),
        ]
    );
    let merge = &history
        .record(Kind::Claim, "globex-leads")
        .unwrap()
        .revisions[4];
    assert_eq!(merge.pull_request, Some(7));
    assert_eq!(history.newest.unwrap().rfc3339(), "2026-06-20T08:00:00Z");
}

#[test]
fn every_kind_of_record_is_entered_with_the_first_commit() {
    let site = GitSite::committed();
    let history = history(&site);
    for (kind, id) in [
        (Kind::Source, "indie-lab"),
        (Kind::Entity, "acme"),
        (Kind::Page, "about"),
        (Kind::Claim, "acme-model-1-launch"),
    ] {
        let record = history.record(kind, id).unwrap();
        assert_eq!(record.entered.rfc3339(), "2026-05-03T09:00:00Z", "{id}");
        assert_eq!(record.revisions.len(), 1, "{id}");
    }
}
