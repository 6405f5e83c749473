//! How claim pages and the timeline word a claim's verdicts as a person
//! would: "Entered as", "Verdict changed from ... to", when the verdict was
//! last reviewed, a lead only for a written summary; and `/statuses/`, where
//! readers guess the verdicts' index is, sends them to `/status/`.

use crate::common::html::{attr, select, texts};
use crate::common::{built, page};

#[test]
fn a_claims_history_reads_entered_as_then_changed_from_to() {
    let dir = built();
    let html = page(dir.path(), "claims/acme-model-2-cost/index.html");
    let mut verdicts: Vec<(String, String)> = select(&html, ".events .event-verdict")
        .iter()
        .map(|e| {
            let text = |css: &str| {
                let found = e
                    .select(&crate::common::html::selector(css))
                    .next()
                    .unwrap();
                found.text().collect::<String>()
            };
            (text(".event-kind"), text(".badge"))
        })
        .collect();
    verdicts.sort();
    assert_eq!(
        verdicts,
        [
            ("Entered as".to_string(), "Unverified".to_string()),
            (
                "Verdict changed from Unverified to".to_string(),
                "Disputed".to_string()
            ),
        ]
    );
    let home = page(dir.path(), "index.html");
    let labels = texts(&home, ".event-verdict .event-kind");
    assert!(
        labels
            .iter()
            .all(|l| l == "Entered as" || l.starts_with("Verdict changed from ")),
        "{labels:?}"
    );
    assert!(!labels.iter().any(|l| l == "Verdict changed"), "{labels:?}");
}

#[test]
fn a_claim_page_says_when_its_verdict_was_last_reviewed() {
    let dir = built();
    let html = page(dir.path(), "claims/acme-model-2-cost/index.html");
    assert_eq!(
        texts(&html, ".reviewed"),
        ["Verdict last reviewed June 2, 2026"]
    );
    assert_eq!(
        attr(&select(&html, ".reviewed time")[0], "datetime"),
        "2026-06-02"
    );
    let html = page(dir.path(), "claims/acme-model-1-launch/index.html");
    assert!(select(&html, ".reviewed").len() <= 1);
}

#[test]
fn the_lead_is_the_written_summary_never_the_notes_again() {
    let dir = built();
    let with = page(dir.path(), "claims/acme-model-2-cost/index.html");
    assert_eq!(
        texts(&with, ".lead"),
        ["Acme says its new model is 35% cheaper per token."]
    );
    let without = page(dir.path(), "claims/globex-beats-acme/index.html");
    assert!(select(&without, ".lead").is_empty(), "no summary, no lead");
}

#[test]
fn statuses_redirects_to_the_verdicts_index() {
    let dir = built();
    let html = page(dir.path(), "statuses/index.html");
    assert_eq!(
        attr(&select(&html, "meta[http-equiv=refresh]")[0], "content"),
        "0; url=/tracker/status/"
    );
    assert_eq!(
        attr(&select(&html, "link[rel=canonical]")[0], "href"),
        "https://example.org/tracker/status/"
    );
    assert!(dir.path().join("public/status/index.html").exists());
    let sitemap = crate::common::read(dir.path(), "public/sitemap.xml");
    assert!(!sitemap.contains("/statuses/"));
}

#[test]
fn a_blank_quote_summary_or_note_is_no_text_on_the_page() {
    let dir = crate::common::site(&[]);
    let file = dir.path().join("content/claims/acme-model-2-cost.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let blanked = text
        .replace(
            "quote = \"Acme Model 2 is 35% cheaper per token than its predecessor.\"",
            "quote = \"  \"",
        )
        .replace(
            "summary = \"Acme says its new model is 35% cheaper per token.\"",
            "summary = \" \"",
        )
        .replace(
            "note = \"An independent price comparison reports a smaller saving.\"",
            "note = \"   \"",
        );
    assert_ne!(blanked, text);
    std::fs::write(&file, blanked).unwrap();
    claimtrail::build(&crate::common::options(dir.path())).unwrap();
    let html = page(dir.path(), "claims/acme-model-2-cost/index.html");
    assert!(
        texts(&html, "blockquote")
            .iter()
            .all(|q| !q.trim_matches(['“', '”', ' ']).is_empty()),
        "{:?}",
        texts(&html, "blockquote")
    );
    assert!(texts(&html, ".note").iter().all(|n| !n.trim().is_empty()));
    assert!(select(&html, ".appearance-quote").is_empty());
    assert!(
        select(&html, "p.lead").is_empty(),
        "no lead from a blank summary"
    );
}
