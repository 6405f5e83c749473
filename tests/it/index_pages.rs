//! The pages a reader reaches by walking up an address or following the
//! footer: `/data/` describing every data file, `/claims/` and `/status/`;
//! and the home chart and wording of a site with a single month of claims.

use std::fs;

use crate::common::html::{attrs, select, texts};
use crate::common::{self, built, page};

/// Site paths start with the base fixture's base path.
const BASE_PATH: &str = "/tracker/";

fn local(url: &str) -> &str {
    url.strip_prefix(BASE_PATH)
        .unwrap_or_else(|| panic!("{url}"))
}

#[test]
fn the_data_page_links_every_data_file_and_every_footer_links_it() {
    let dir = built();
    let html = page(dir.path(), "data/index.html");
    let links = attrs(&html, ".data-files dt a", "href");
    let names: Vec<&str> = links.iter().map(|url| local(url)).collect();
    assert_eq!(
        names,
        [
            "claims.json",
            "claims.csv",
            "sources.json",
            "entities.json",
            "documents.json",
            "claimreview-feed.json",
            "feed.xml"
        ]
    );
    for name in &names {
        assert!(dir.path().join("public").join(name).is_file(), "{name}");
    }
    let described = texts(&html, ".data-files dd");
    assert!(
        described.iter().all(|text| text.len() > 40),
        "{described:?}"
    );
    for path in [
        "index.html",
        "timeline/index.html",
        "claims/acme-model-2-cost/index.html",
    ] {
        let footer = attrs(&page(dir.path(), path), ".site-footer a", "href");
        assert!(
            footer.contains(&format!("{BASE_PATH}data/")),
            "{path}: {footer:?}"
        );
    }
}

#[test]
fn claims_lists_every_published_claim_across_its_pages() {
    let dir = built(); // two claims per page
    let first = page(dir.path(), "claims/index.html");
    assert_eq!(texts(&first, "h1"), ["All claims"]);
    let mut titles = texts(&first, ".claim-title");
    titles.extend(texts(
        &page(dir.path(), "claims/page/2/index.html"),
        ".claim-title",
    ));
    let published = common::data(dir.path(), "claims.json")["claims"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(titles.len(), published, "{titles:?}");
    assert!(!dir.path().join("public/claims/page/3").exists());
}

#[test]
fn status_lists_every_verdict_with_its_count_and_page() {
    let dir = built();
    let html = page(dir.path(), "status/index.html");
    let items = texts(&html, ".status-index a");
    assert_eq!(
        items,
        [
            "Unverified 0 claims",
            "Supported 1 claim",
            "Disputed 1 claim",
            "Refuted 1 claim",
            "Retracted 0 claims",
            "Outdated 0 claims"
        ]
    );
    for url in attrs(&html, ".status-index a", "href") {
        let file = dir
            .path()
            .join("public")
            .join(local(&url))
            .join("index.html");
        assert!(file.is_file(), "{url}");
    }
}

/// The base fixture's sources and entities with one claim, all of whose
/// events fall in April 2026.
fn one_month_site() -> tempfile::TempDir {
    let dir = common::site(&[]);
    let claims = dir.path().join("content/claims");
    fs::remove_dir_all(&claims).unwrap();
    fs::create_dir(&claims).unwrap();
    let claim = "+++\ntitle = \"Acme Model 2 is fast\"\ndate = 2026-04-23\nclaimant = \"acme-blog\"\n\
        status = \"unverified\"\n\n[[citations]]\nsource = \"acme-blog\"\n\
        url = \"https://example.org/a\"\ndate = 2026-04-23\n+++\nBody.\n";
    fs::write(claims.join("only-claim.md"), claim).unwrap();
    claimtrail::build(&common::options(dir.path())).unwrap();
    dir
}

#[test]
fn one_month_of_claims_is_one_bar_and_reads_in_the_singular() {
    let dir = one_month_site();
    let home = page(dir.path(), "index.html");
    assert_eq!(select(&home, ".chart svg > g").len(), 1, "no empty months");
    assert_eq!(
        texts(&home, "section[aria-label='Claims by status'] h2"),
        ["1 claim by current verdict"]
    );
    assert!(texts(&home, "a").contains(&"All 1 claim →".to_string()));
    let timeline = page(dir.path(), "timeline/index.html");
    let lead = texts(&timeline, ".lead").join(" ");
    assert!(lead.contains("The latest month is below;"), "{lead}");
}
