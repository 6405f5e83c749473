//! What the model makes of documents and appearances: details copied from
//! the document file, the claimant's own citations moved to the appearances,
//! and the evidence left alone.

use claimtrail::model::{Appearance, Citation, Claim, Site};
use claimtrail::parse::{DocumentKind, Stance};
use time::macros::date;

use super::{at, claim, found, write};
use crate::common::{self, html::texts};

/// The checked model of the site at `root`, which must have no errors.
fn model(root: &std::path::Path) -> Site {
    claimtrail::check(root, false)
        .unwrap()
        .site
        .expect("no errors")
}

fn claim_of<'a>(site: &'a Site, id: &str) -> &'a Claim {
    site.claims.iter().find(|c| c.id == id).unwrap()
}

#[test]
fn entries_pointing_at_a_document_get_its_details() {
    let dir = common::site(&["documents"]);
    assert_eq!(found(dir.path()), [], "the documents fixture is clean");
    let site = model(dir.path());
    let launch = &site.documents["acme-model-2-launch"];
    assert_eq!(launch.file, "content/documents/acme-model-2-launch.md");
    assert_eq!(launch.title, "Introducing Acme Model 2");
    assert_eq!(launch.source, "acme-blog");
    assert_eq!(launch.date, Some(date!(2026 - 04 - 23)));
    assert_eq!(launch.kind, DocumentKind::PressRelease);
    assert_eq!(launch.body.trim(), "Acme's launch post for Acme Model 2.");
    assert_eq!(site.documents.len(), 2);

    let claim = claim_of(&site, "acme-model-2-context");
    assert_eq!(
        claim.appearances,
        [Appearance {
            document: Some("acme-model-2-launch".into()),
            source: "acme-blog".into(),
            url: Some("https://example.org/acme-model-2-launch".into()),
            title: Some("Introducing Acme Model 2".into()),
            date: Some(date!(2026 - 04 - 23)),
            quote: Some("Acme Model 2 reads a whole book in one go.".into()),
            archive: None,
            archived: None,
            quote_check: None,
        }]
    );
    assert_eq!(
        claim.citations,
        [Citation {
            document: Some("lab-context-test".into()),
            source: "indie-lab".into(),
            url: None,
            title: Some("Long inputs on Acme Model 2".into()),
            date: Some(date!(2026 - 05 - 12)),
            stance: Stance::Contradicts,
            quote: Some("Past 200 pages, answers lost track of the plot.".into()),
            value: None,
            archive: Some(
                "https://web.archive.org/web/2026/https://example.org/lab/context".into()
            ),
            archived: None,
            quote_check: None,
        }]
    );
    assert_eq!(claim.last_updated(), date!(2026 - 05 - 12));
}

#[test]
fn a_claims_only_citation_by_its_claimant_is_read_as_its_appearance() {
    let dir = common::site(&["old-format"]);
    let file = "content/claims/acme-model-2-speed.md";
    assert_eq!(
        found(dir.path()),
        [at(
            "warning",
            file,
            14,
            10,
            "this citation is by the claimant `acme-blog`, so it is where the claim was made, not evidence for it",
            "rename this `[[citations]]` to `[[appearances]]` and remove `stance` and `value`",
        )]
    );
    let site = model(dir.path());
    let claim = claim_of(&site, "acme-model-2-speed");
    assert_eq!(claim.citations, [], "no evidence");
    assert_eq!(claim.appearances.len(), 1);
    let appearance = &claim.appearances[0];
    assert_eq!(appearance.source, "acme-blog");
    assert_eq!(appearance.document, None);
    assert_eq!(appearance.title.as_deref(), Some("Acme Model 2 is fast"));
    assert_eq!(
        appearance.quote.as_deref(),
        Some("Acme Model 2 answers twice as fast as Acme Model 1.")
    );

    // The site still builds, with nothing counted as support.
    claimtrail::build(&common::options(dir.path())).unwrap();
    let claims = common::data(dir.path(), "claims.json");
    let built = claims["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "acme-model-2-speed")
        .unwrap();
    assert_eq!(built["citations"], serde_json::json!([]));
    let page = common::page(dir.path(), "claims/acme-model-2-speed/index.html");
    assert_eq!(texts(&page, ".group-heading"), Vec::<String>::new());
    let tally = texts(&page, ".tally").concat();
    assert!(!tally.contains("support"), "{tally}");
}

#[test]
fn a_claimant_contradicting_its_own_claim_stays_evidence() {
    let dir = common::site(&[]);
    let entries = "[[appearances]]\nurl = \"https://example.org/acme/said\"\n\n\
                   [[citations]]\nsource = \"acme-blog\"\nurl = \"https://example.org/acme/unsaid\"\nstance = \"contradicts\"\n";
    write(
        dir.path(),
        "content/claims/walked-back.md",
        &claim("Acme walked a claim back", entries),
    );
    assert_eq!(found(dir.path()), []);
    let site = model(dir.path());
    let claim = claim_of(&site, "walked-back");
    assert_eq!(claim.appearances.len(), 1);
    assert_eq!(claim.citations.len(), 1);
    assert_eq!(claim.citations[0].stance, Stance::Contradicts);
    assert_eq!(claim.citations[0].source, "acme-blog");
}

#[test]
fn a_claim_with_evidence_but_no_appearance_asks_where_it_was_made() {
    let dir = common::site(&[]);
    let entries = "[[citations]]\nsource = \"example-press\"\nurl = \"https://example.org/press/x\"\nstance = \"supports\"\n";
    let file = "content/claims/nowhere.md";
    write(
        dir.path(),
        file,
        &claim("Acme said something somewhere", entries),
    );
    assert_eq!(
        found(dir.path()),
        [at(
            "warning",
            file,
            4,
            12,
            "the claim has no appearance: where was it made?",
            "add an `[[appearances]]` entry with the `document` (or `url` and `title`) where `acme-blog` made the claim, and its `quote`",
        )]
    );
    let site = model(dir.path());
    assert_eq!(claim_of(&site, "nowhere").appearances, []);
}
