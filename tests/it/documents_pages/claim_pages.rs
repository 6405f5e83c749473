//! Claim pages: appearances first, then the evidence only, grouped by stance.

use serde_json::{Value, json};

use super::{built, page};
use crate::common::html::{attrs, texts};
use crate::common::read;

#[test]
fn a_claim_made_in_a_document_and_tested_by_others_shows_both_apart() {
    let dir = built();
    let html = page(dir.path(), "claims/widget-3-twice-as-fast/index.html");
    assert_eq!(
        texts(&html, ".appearance-line"),
        [
            "Claimed by WidgetCo Blog in Widget 3 FAQ , March 10, 2026 :",
            "Claimed by WidgetCo Blog in Introducing Widget 3 , March 1, 2026 :"
        ],
        "in file order"
    );
    assert_eq!(
        texts(&html, ".appearance-quote"),
        [
            "“Yes, it really is twice as fast.”",
            "“Widget 3 answers twice as fast as Widget 2.”"
        ]
    );
    assert_eq!(
        attrs(&html, ".appearance cite a", "href"),
        ["/evidence/documents/widget-3-launch/"],
        "only the entry pointing at a document links to its page"
    );
    assert_eq!(
        attrs(&html, ".appearance .links a", "href"),
        [
            "https://example.org/widgetco/widget-3-faq",
            "https://example.org/widgetco/introducing-widget-3",
            "https://example.org/archive/introducing-widget-3"
        ],
        "Read and Archived links, the document's copied into the appearance"
    );
    assert_eq!(
        texts(&html, ".tally"),
        ["1 supporting (1 independent source), 1 contradicting"]
    );
    assert_eq!(
        texts(&html, ".group-heading"),
        ["✔ Supports (1)", "✘ Contradicts (1)"]
    );
    assert_eq!(
        texts(&html, ".citation-source"),
        ["Daily Bench press", "Open Lab research"],
        "the claimant's own posts are not evidence"
    );
    assert_eq!(
        attrs(&html, ".citation .doc-title a", "href"),
        ["/evidence/documents/open-lab-speed-report/"]
    );
    assert!(texts(&html, ".no-evidence").is_empty());
}

#[test]
fn a_claim_with_only_an_appearance_says_it_has_no_evidence_yet() {
    let dir = built();
    let html = page(
        dir.path(),
        "claims/widget-3-remembers-everything/index.html",
    );
    assert_eq!(
        texts(&html, ".appearance-line"),
        ["Claimed by WidgetCo Blog in Widget 3 and memory , March 15, 2026 :"]
    );
    assert_eq!(
        texts(&html, ".no-evidence"),
        ["No evidence has been recorded for this claim yet."]
    );
    assert!(texts(&html, ".tally").is_empty(), "no tally of zeros");
    assert!(texts(&html, ".group-heading").is_empty());
    let text = read(
        dir.path(),
        "public/claims/widget-3-remembers-everything/index.html",
    );
    assert!(!text.contains("Supports"), "no empty Supports group");
}

/// The ClaimReview JSON-LD of the claim page at `path`.
fn claim_review(text: &str) -> Value {
    let open = r#"<script type="application/ld+json">"#;
    let start = text.find(open).unwrap() + open.len();
    let end = start + text[start..].find("</script>").unwrap();
    serde_json::from_str(&text[start..end]).unwrap()
}

#[test]
fn claim_review_lists_every_appearance_and_the_earliest_first() {
    let dir = built();
    let text = read(
        dir.path(),
        "public/claims/widget-3-twice-as-fast/index.html",
    );
    let review = claim_review(&text);
    let author = json!({
        "@type": "Organization",
        "name": "WidgetCo Blog",
        "url": "https://example.org/evidence/sources/widgetco-blog/"
    });
    let faq = json!({
        "@type": "CreativeWork",
        "author": author,
        "datePublished": "2026-03-10",
        "headline": "Widget 3 FAQ",
        "text": "Yes, it really is twice as fast.",
        "url": "https://example.org/widgetco/widget-3-faq"
    });
    let launch = json!({
        "@type": "CreativeWork",
        "author": author,
        "datePublished": "2026-03-01",
        "headline": "Introducing Widget 3",
        "text": "Widget 3 answers twice as fast as Widget 2.",
        "url": "https://example.org/widgetco/introducing-widget-3"
    });
    assert_eq!(review["itemReviewed"]["appearance"], json!([faq, launch]));
    assert_eq!(
        review["itemReviewed"]["firstAppearance"], launch,
        "the earliest-dated, not the first written"
    );
    let evidence_only = read(
        dir.path(),
        "public/claims/widget-3-cheaper-than-widget-2/index.html",
    );
    let review = claim_review(&evidence_only);
    let appearances = review["itemReviewed"]["appearance"].as_array().unwrap();
    assert_eq!(appearances.len(), 1, "the launch post it cites is evidence");
    assert_eq!(appearances[0]["headline"], "Widget 3 is the cheaper Widget");
    assert_eq!(appearances[0]["author"]["name"], "Daily Bench");
}

#[test]
fn the_fixture_in_the_new_format_checks_without_a_warning() {
    let root = crate::common::fixtures().join("evidence");
    assert_eq!(crate::common::check_flat(&root), []);
}
