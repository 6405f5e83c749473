//! Document pages and the document list: the claims a document makes, with
//! its scorecard, and the claims that cite it as evidence.

use super::{built, page};
use crate::common::html::{attrs, texts};

#[test]
fn a_document_page_lists_exactly_its_claims_with_their_scorecard() {
    let dir = built();
    let html = page(dir.path(), "documents/widget-3-launch/index.html");
    assert_eq!(texts(&html, "h1"), ["Introducing Widget 3"]);
    assert_eq!(texts(&html, ".document-kind"), ["Article"]);
    assert_eq!(
        texts(&html, ".document-header .meta"),
        ["Published by WidgetCo Blog on March 1, 2026"]
    );
    assert_eq!(
        attrs(&html, ".document-header .links a", "href"),
        [
            "https://example.org/widgetco/introducing-widget-3",
            "https://example.org/archive/introducing-widget-3"
        ]
    );
    assert_eq!(
        texts(&html, ".scorecard"),
        ["3 claims: 1 supported, 1 refuted, 1 disputed"]
    );
    assert_eq!(
        texts(&html, "#claims-made ~ .claim-list .claim-title"),
        [
            "Widget 3 never gives a wrong answer",
            "Widget 3 runs fully offline",
            "Widget 3 answers twice as fast as Widget 2"
        ]
    );
    assert_eq!(
        texts(&html, "#claims-made ~ .claim-list .badge"),
        ["Refuted", "Supported", "Disputed"],
        "each with its current verdict"
    );
    assert_eq!(
        texts(&html, "#cited-in ~ .claim-list .claim-title"),
        ["Widget 3 costs less per answer than Widget 2"]
    );
    assert_eq!(
        texts(&html, "#cited-in ~ .claim-list .stance"),
        ["✔ Supports"]
    );
}

#[test]
fn a_document_only_cited_as_evidence_says_it_makes_no_claim() {
    let dir = built();
    let html = page(dir.path(), "documents/open-lab-speed-report/index.html");
    assert_eq!(texts(&html, ".document-kind"), ["Paper"]);
    assert!(texts(&html, ".scorecard").is_empty());
    assert_eq!(
        texts(&html, "#claims-made ~ .empty"),
        ["No claim on this site was made in this document."]
    );
    assert_eq!(
        texts(&html, "#cited-in ~ .claim-list .claim-title"),
        ["Widget 3 answers twice as fast as Widget 2"]
    );
    assert_eq!(
        texts(&html, "#cited-in ~ .claim-list .stance"),
        ["✘ Contradicts"]
    );
    assert_eq!(
        attrs(&html, ".document-header .links a", "href"),
        ["https://example.org/archive/measuring-widget-3"],
        "an archived copy only"
    );
}

#[test]
fn the_document_list_is_newest_first_and_linked_from_every_page() {
    let dir = built();
    let html = page(dir.path(), "documents/index.html");
    assert_eq!(
        texts(&html, ".document-card .claim-title"),
        ["Measuring Widget 3", "Introducing Widget 3"]
    );
    assert_eq!(
        texts(&html, ".document-card .meta"),
        [
            "Paper · Open Lab · March 20, 2026",
            "Cited as evidence in 1 claim",
            "Article · WidgetCo Blog · March 1, 2026",
            "Makes 3 claims: 1 supported, 1 refuted, 1 disputed · Cited as evidence in 1 claim"
        ]
    );
    let home = page(dir.path(), "index.html");
    assert!(
        attrs(&home, ".site-header nav a", "href").contains(&"/evidence/documents/".to_string())
    );
}

#[test]
fn a_source_page_splits_claims_it_made_from_claims_citing_it() {
    let dir = built();
    let html = page(dir.path(), "sources/widgetco-blog/index.html");
    let lists = texts(&html, ".claim-list");
    assert_eq!(lists.len(), 2, "claims made, claims cited");
    assert_eq!(
        texts(&html, "h2 + .claim-list .claim-title"),
        [
            "Widget 3 remembers every conversation",
            "Widget 3 never gives a wrong answer",
            "Widget 3 runs fully offline",
            "Widget 3 answers twice as fast as Widget 2",
            "Widget 3 costs less per answer than Widget 2"
        ],
        "four made; the one citing its launch post as evidence listed once, as cited"
    );
    assert_eq!(
        texts(&html, ".facts dd")[1],
        "1 time",
        "cited once: its own posts are appearances, not evidence"
    );
}

#[test]
fn every_link_into_the_site_from_its_pages_finds_a_page() {
    let dir = built();
    let public = dir.path().join("public");
    let mut checked = 0;
    for (path, bytes) in crate::common::tree(&public) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = scraper::Html::parse_document(&String::from_utf8(bytes).unwrap());
        for href in attrs(&html, "a", "href") {
            let Some(inside) = href.strip_prefix("/evidence/") else {
                continue;
            };
            let inside = inside.split(['#', '?']).next().unwrap();
            let file = match inside.is_empty() || inside.ends_with('/') {
                true => public.join(inside).join("index.html"),
                false => public.join(inside),
            };
            assert!(file.is_file(), "{path}: {href}");
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} links");
}
