//! The reader's side of appearances and documents, rendered in memory from
//! the base fixture with its claimant citations moved to appearances by hand
//! (as parsing does with old-format files) and one document added.

use std::collections::BTreeMap;
use std::path::Path;

use scraper::{Html, Selector};
use serde_json::{Value, json};

use crate::index::Index;
use crate::model::{Citation, Document, Site};
use crate::parse::{DocumentKind, Stance};
use crate::render::{Theme, render};

/// The document acme-model-2-cost was made in.
const LAUNCH: &str = "acme-model-2-launch";

/// The base fixture with acme-model-2-cost's appearance pointing at a
/// document, which two pieces of evidence on globex-beats-acme cite too.
fn site() -> Site {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
    let mut site = crate::check(&root, false).unwrap().site.unwrap();
    for claim in &mut site.claims {
        if claim.id == "acme-model-2-cost" {
            claim.appearances[0].document = Some(LAUNCH.into());
        }
        if claim.id == "globex-beats-acme" {
            let from_launch = |stance| Citation {
                document: Some(LAUNCH.into()),
                source: "acme-blog".into(),
                stance,
                ..claim.citations[0].clone()
            };
            let citations = [
                from_launch(Stance::Contradicts),
                from_launch(Stance::Neutral),
            ];
            claim.citations.extend(citations);
        }
    }
    site.documents.insert(
        LAUNCH.into(),
        Document {
            id: LAUNCH.into(),
            file: format!("content/documents/{LAUNCH}.md"),
            title: "Introducing Acme Model 2".into(),
            source: "acme-blog".into(),
            date: Some(time::macros::date!(2026 - 04 - 23)),
            url: Some("https://example.org/acme-model-2-launch".into()),
            archive: None,
            archived: None,
            kind: DocumentKind::ModelCard,
            body: "Acme's *launch* post.".into(),
        },
    );
    site
}

/// Every file of `site`, rendered with the built-in theme, by path.
fn rendered(site: &Site) -> BTreeMap<String, String> {
    let files = render(site, Theme::builtin().unwrap(), &[]).unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    files.into_iter().map(|f| (f.path, text(f.bytes))).collect()
}

/// The whitespace-normalised text of each element matching `css`.
fn texts(html: &str, css: &str) -> Vec<String> {
    let html = Html::parse_document(html);
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn a_claim_page_opens_with_its_appearances_and_counts_only_evidence() {
    let files = rendered(&site());
    let page = &files["claims/acme-model-2-cost/index.html"];
    assert_eq!(
        texts(page, ".appearance-line"),
        ["Claimed by Acme Blog in Introducing Acme Model 2, April 23, 2026:"]
    );
    assert_eq!(
        texts(page, ".appearance-quote"),
        ["“Acme Model 2 is 35% cheaper per token than its predecessor.”"]
    );
    assert!(page.contains(
        r#"<a href="/tracker/documents/acme-model-2-launch/">Introducing Acme Model 2</a>"#
    ));
    assert_eq!(
        texts(page, ".tally"),
        ["1 supporting (1 independent source), 1 contradicting"]
    );
    assert_eq!(
        texts(page, ".group-heading"),
        ["✔ Supports (1)", "✘ Contradicts (1)"]
    );
    assert_eq!(
        texts(page, ".citation-source a"),
        ["Indie Lab", "Example Press"],
        "the claimant's post is not evidence"
    );
    let appears = page.find("appearance-line").unwrap();
    assert!(appears < page.find(r#"id="evidence""#).unwrap());
}

#[test]
fn a_claim_without_evidence_says_so_instead_of_a_comparison() {
    let mut site = site();
    let claim = site.claims.iter_mut().find(|c| c.id == "acme-model-2-cost");
    claim.unwrap().citations.clear();
    let files = rendered(&site);
    let page = &files["claims/acme-model-2-cost/index.html"];
    assert_eq!(
        texts(page, ".no-evidence"),
        ["No evidence has been recorded for this claim yet."]
    );
    assert!(texts(page, ".tally").is_empty(), "no tally of zeros");
    assert!(texts(page, ".group-heading").is_empty());
    assert!(texts(page, ".dot-plot").is_empty());
}

#[test]
fn a_document_page_lists_the_claims_it_makes_and_those_citing_it() {
    let files = rendered(&site());
    let page = &files["documents/acme-model-2-launch/index.html"];
    assert_eq!(texts(page, "h1"), ["Introducing Acme Model 2"]);
    assert_eq!(texts(page, ".document-kind"), ["Model card"]);
    assert_eq!(
        texts(page, ".document-header .meta"),
        ["Published by Acme Blog on April 23, 2026"]
    );
    assert_eq!(texts(page, ".body em"), ["launch"]);
    assert_eq!(
        texts(page, ".scorecard"),
        ["1 claim: 0 supported, 0 refuted, 1 disputed"]
    );
    assert_eq!(
        texts(page, "#claims-made ~ .claim-list .claim-title"),
        ["Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"]
    );
    assert_eq!(
        texts(page, "#cited-in ~ .claim-list .claim-title"),
        ["Globex's model beats Acme Model 2 on every benchmark"]
    );
    assert_eq!(
        texts(page, "#cited-in ~ .claim-list .stance"),
        ["✘ Contradicts", "● Neutral"],
        "each citation's stance"
    );
    assert!(page.contains(r#"href="/tracker/documents/acme-model-2-launch/feed.xml""#));
    let feed = &files["documents/acme-model-2-launch/feed.xml"];
    assert!(feed.contains("<id>https://example.org/tracker/documents/acme-model-2-launch/</id>"));
    assert_eq!(
        feed.matches("<entry>").count(),
        2,
        "made, and the later verdict"
    );
    assert!(feed.contains("https://example.org/tracker/claims/acme-model-2-cost/"));
    assert!(
        !feed.contains("globex-beats-acme"),
        "a claim citing it is not one it makes"
    );
    let list = &files["documents/index.html"];
    assert_eq!(
        texts(list, ".document-card .claim-title"),
        ["Introducing Acme Model 2"]
    );
    assert!(files["index.html"].contains(r#"href="/tracker/documents/">Documents</a>"#));
}

#[test]
fn claim_review_names_the_appearances_and_the_first_one() {
    let mut site = site();
    let claim = site
        .claims
        .iter_mut()
        .find(|c| c.id == "acme-model-2-cost")
        .unwrap();
    let mut later = claim.appearances[0].clone();
    later.document = None;
    later.title = Some("Acme Model 2 FAQ".into());
    later.url = None;
    later.archive = Some("https://example.org/archive/faq".into());
    later.date = Some(time::macros::date!(2026 - 05 - 01));
    claim.appearances.insert(0, later);
    let files = rendered(&site);
    let page = &files["claims/acme-model-2-cost/index.html"];
    let start = page.find(r#"<script type="application/ld+json">"#).unwrap() + 35;
    let end = start + page[start..].find("</script>").unwrap();
    let review: Value = serde_json::from_str(&page[start..end]).unwrap();
    let author = json!({
        "@type": "Organization",
        "name": "Acme Blog",
        "url": "https://example.org/tracker/sources/acme-blog/"
    });
    let launch = json!({
        "@type": "CreativeWork",
        "author": author,
        "datePublished": "2026-04-23",
        "headline": "Introducing Acme Model 2",
        "text": "Acme Model 2 is 35% cheaper per token than its predecessor.",
        "url": "https://example.org/acme-model-2-launch"
    });
    let faq = json!({
        "@type": "CreativeWork",
        "author": author,
        "datePublished": "2026-05-01",
        "headline": "Acme Model 2 FAQ",
        "text": "Acme Model 2 is 35% cheaper per token than its predecessor.",
        "url": "https://example.org/archive/faq"
    });
    assert_eq!(review["itemReviewed"]["appearance"], json!([faq, launch]));
    assert_eq!(
        review["itemReviewed"]["firstAppearance"], launch,
        "the earliest"
    );
}

#[test]
fn open_data_sitemap_and_search_know_the_document() {
    let site = site();
    let files = rendered(&site);
    let documents: Value = serde_json::from_str(&files["documents.json"]).unwrap();
    let document = &documents["documents"][0];
    assert_eq!(document["id"], LAUNCH);
    assert_eq!(document["kind"], "model-card");
    assert_eq!(
        document["url"],
        "https://example.org/tracker/documents/acme-model-2-launch/"
    );
    assert_eq!(document["link"], "https://example.org/acme-model-2-launch");
    assert_eq!(document["source"]["id"], "acme-blog");
    assert_eq!(document["claims"], json!(["acme-model-2-cost"]));
    assert_eq!(document["cited_in"], json!(["globex-beats-acme"]));
    assert_eq!(document["scorecard"]["disputed"], 1);
    assert_eq!(document["scorecard"]["supported"], 0);
    let claims: Value = serde_json::from_str(&files["claims.json"]).unwrap();
    let cost = claims["claims"].as_array().unwrap().iter();
    let cost = cost
        .clone()
        .find(|c| c["id"] == "acme-model-2-cost")
        .unwrap();
    assert_eq!(cost["appearances"][0]["document"], LAUNCH);
    assert_eq!(cost["appearances"][0]["source"]["id"], "acme-blog");
    assert_eq!(
        cost["citations"].as_array().unwrap().len(),
        2,
        "evidence only"
    );
    assert_eq!(cost["citations"][0]["document"], Value::Null);
    assert!(
        files["sitemap.xml"]
            .contains("<loc>https://example.org/tracker/documents/acme-model-2-launch/</loc>")
    );
    assert!(files["sitemap.xml"].contains("<loc>https://example.org/tracker/documents/</loc>"));
    let records = crate::search::records::records(&site);
    let record = records
        .iter()
        .find(|r| r.url == "/documents/acme-model-2-launch/")
        .unwrap();
    assert_eq!(record.filters["kind"], ["Document"]);
    assert_eq!(record.meta["summary"], "Acme’s launch post.");
    let cost = records
        .iter()
        .find(|r| r.url == "/claims/acme-model-2-cost/")
        .unwrap();
    assert!(
        cost.content
            .contains("Acme Blog: “Acme Model 2 is 35% cheaper"),
        "{}",
        cost.content
    );
}

#[test]
fn contested_rankings_tallies_and_agreement_count_only_evidence() {
    let site = site();
    let index = Index::new(&site);
    let contested = index.contested.iter();
    let contested: Vec<&str> = contested.map(|&i| site.claims[i].id.as_str()).collect();
    assert_eq!(
        contested,
        ["acme-model-2-cost"],
        "globex-beats-acme is contradicted, and only its claimant's own post says otherwise"
    );
    let globex = site
        .claims
        .iter()
        .find(|c| c.id == "globex-beats-acme")
        .unwrap();
    assert_eq!(index.tally(globex).supports, 0);
    let press = index.source_record("example-press");
    assert_eq!((press.originated, press.citations), (1, 1));
    let blog = index.source_record("acme-blog");
    assert_eq!(blog.originated, 2);
    assert_eq!(
        blog.citations, 2,
        "its launch post cited on globex-beats-acme, not its own posts"
    );
}
