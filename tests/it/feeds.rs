//! The Atom feeds, parsed with quick-xml and checked against what RFC 4287
//! requires: one id, title and updated per feed and entry, an author, RFC 3339
//! dates, unique stable ids, escaped content.

use crate::common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{Xml, build_site, read};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

const ATOM: &str = "http://www.w3.org/2005/Atom";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

fn rfc3339(text: &str) -> OffsetDateTime {
    OffsetDateTime::parse(text, &Rfc3339).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// Parses a feed and asserts every Atom requirement; returns the root.
fn valid_atom(output: &Path, path: &str) -> Xml {
    let text = fs::read_to_string(output.join(path)).unwrap();
    assert!(
        !text
            .chars()
            .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')),
        "{path} holds a character XML forbids"
    );
    let feed = Xml::parse(&text);
    assert_eq!(feed.name, "feed", "{path}");
    assert_eq!(feed.attr("xmlns"), ATOM, "{path}");
    assert!(!feed.one("title").text.is_empty(), "{path}: feed title");
    assert!(!feed.one("id").text.is_empty(), "{path}: feed id");
    assert!(
        !feed.one("author").one("name").text.is_empty(),
        "{path}: author"
    );
    let updated = rfc3339(&feed.one("updated").text);
    let self_link = feed.all("link").find(|l| l.attr("rel") == "self").unwrap();
    assert!(self_link.attr("href").ends_with(path), "{path}: rel=self");
    let mut ids = BTreeSet::new();
    let mut previous = None;
    for entry in feed.all("entry") {
        let id = &entry.one("id").text;
        assert!(ids.insert(id.clone()), "{path}: duplicate id {id}");
        assert!(!entry.one("title").text.is_empty(), "{path}: entry title");
        assert!(!entry.one("summary").text.is_empty(), "{path}: summary");
        let when = rfc3339(&entry.one("updated").text);
        assert!(when <= updated, "{path}: entry newer than the feed");
        assert!(
            previous.is_none_or(|p| when <= p),
            "{path}: not newest first"
        );
        previous = Some(when);
        let alternate = entry.one("link");
        assert_eq!(alternate.attr("rel"), "alternate");
        let content = entry.one("content");
        assert_eq!(content.attr("type"), "xhtml");
        assert_eq!(content.one("div").attr("xmlns"), XHTML);
    }
    if let Some(newest) = feed.all("entry").next() {
        assert_eq!(
            newest.one("updated").text,
            feed.one("updated").text,
            "{path}"
        );
    }
    feed
}

fn entry_ids(feed: &Xml) -> Vec<String> {
    feed.all("entry")
        .map(|e| e.one("id").text.clone())
        .collect()
}

#[test]
fn the_site_feed_holds_new_claims_and_verdict_changes_newest_first() {
    let dir = build_site(&[], None);
    let feed = valid_atom(&dir.path().join("public"), "feed.xml");
    let claim = |id: &str| format!("https://example.org/tracker/claims/{id}/");
    assert_eq!(
        entry_ids(&feed),
        [
            format!("{}#verdict-2026-06-02-disputed", claim("acme-model-2-cost")),
            format!("{}#verdict-2026-05-15-refuted", claim("globex-beats-acme")),
            claim("globex-beats-acme"),
            claim("acme-model-2-cost"),
            format!(
                "{}#verdict-2025-03-20-supported",
                claim("acme-model-1-launch")
            ),
            claim("acme-model-1-launch"),
        ]
    );
    let updated: Vec<&str> = feed
        .all("entry")
        .map(|e| e.one("updated").text.as_str())
        .collect();
    assert_eq!(updated[0], "2026-06-02T00:00:00Z");
    assert_eq!(feed.one("updated").text, "2026-06-02T00:00:00Z");
    let verdict = feed.all("entry").next().unwrap();
    assert_eq!(
        verdict.one("title").text,
        "Disputed: Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"
    );
    assert_eq!(verdict.one("link").attr("href"), claim("acme-model-2-cost"));
    let paragraphs: Vec<&str> = verdict
        .one("content")
        .one("div")
        .all("p")
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        paragraphs[1],
        "An independent price comparison reports a smaller saving."
    );
}

#[test]
fn feed_length_comes_from_site_toml() {
    let dir = build_site(&["publishing"], None);
    let output = dir.path().join("public");
    let feed = valid_atom(&output, "feed.xml");
    let claim = |id: &str| format!("https://claims.example.org/claims/{id}/");
    assert_eq!(
        entry_ids(&feed),
        [
            format!("{}#verdict-2026-07-05-misleading-2", claim("formula-claim")),
            format!("{}#verdict-2026-07-05-misleading", claim("formula-claim")),
            claim("formula-claim"),
            format!("{}#verdict-2026-06-02-disputed", claim("acme-model-2-cost")),
        ],
        "feed_entries = 4: the four newest events"
    );
    let acme = valid_atom(&output, "entities/acme/feed.xml");
    assert_eq!(acme.all("entry").count(), 4);
}

#[test]
fn each_entity_has_a_feed_of_its_own_claims_and_its_childrens() {
    let dir = build_site(&["publishing"], None);
    let output = dir.path().join("public");
    let claims_of = |path: &str| -> BTreeSet<String> {
        valid_atom(&output, path)
            .all("entry")
            .map(|e| e.one("link").attr("href").to_string())
            .collect()
    };
    let claim = |id: &str| format!("https://claims.example.org/claims/{id}/");
    assert_eq!(
        claims_of("entities/acme-model-1/feed.xml"),
        BTreeSet::from([claim("acme-model-1-launch")])
    );
    assert_eq!(
        claims_of("entities/globex/feed.xml"),
        BTreeSet::from([claim("globex-beats-acme")])
    );
    let jane = valid_atom(&output, "entities/jane/feed.xml");
    assert_eq!(jane.all("entry").count(), 0, "an entity without claims");
    assert_eq!(jane.one("updated").text, "2026-07-05T00:00:00Z");
    assert_eq!(
        jane.one("id").text,
        "https://claims.example.org/entities/jane/"
    );

    let dir = build_site(&[], None);
    let output = dir.path().join("public");
    let acme = valid_atom(&output, "entities/acme/feed.xml");
    let linked: BTreeSet<&str> = acme
        .all("entry")
        .map(|e| e.one("link").attr("href"))
        .collect();
    assert_eq!(
        linked,
        BTreeSet::from([
            "https://example.org/tracker/claims/acme-model-1-launch/",
            "https://example.org/tracker/claims/acme-model-2-cost/",
            "https://example.org/tracker/claims/globex-beats-acme/",
        ]),
        "a company's feed follows its models too"
    );
    let page = read(dir.path(), "public/entities/acme/index.html");
    let html = scraper::Html::parse_document(&page);
    let selector =
        scraper::Selector::parse("link[rel=alternate][type='application/atom+xml']").unwrap();
    let feeds: Vec<&str> = html
        .select(&selector)
        .filter_map(|l| l.value().attr("href"))
        .collect();
    assert!(
        feeds.contains(&"/tracker/entities/acme/feed.xml"),
        "{feeds:?}"
    );
}

#[test]
fn feed_text_is_escaped_and_reads_back_exactly() {
    let dir = build_site(&["publishing"], None);
    let output = dir.path().join("public");
    let feed = valid_atom(&output, "feed.xml");
    let title = "=HYPERLINK(\"https://evil.example/\",\"Acme <b>wins</b>\") & more";
    let new_claim = feed
        .all("entry")
        .find(|e| e.one("id").text == "https://claims.example.org/claims/formula-claim/")
        .unwrap();
    assert_eq!(new_claim.one("title").text, title);
    assert!(
        new_claim.one("title").children.is_empty(),
        "markup stays text"
    );
    let first = new_claim.one("content").one("div").all("p").next().unwrap();
    assert_eq!(
        first.text,
        format!("Jane Doe claimed on July 1, 2026: {title}")
    );
    assert!(first.children.is_empty(), "no <b> element was injected");
    let verdict = feed
        .all("entry")
        .find(|e| e.one("id").text.ends_with("#verdict-2026-07-05-misleading"))
        .unwrap();
    let note = verdict.one("content").one("div").all("p").nth(1).unwrap();
    assert_eq!(
        note.text, "A first look, to be reviewed.",
        "the verdict's note"
    );
}

/// (id, updated, title) of every entry.
fn entries(feed: &Xml) -> Vec<(String, String, String)> {
    feed.all("entry")
        .map(|e| {
            (
                e.one("id").text.clone(),
                e.one("updated").text.clone(),
                e.one("title").text.clone(),
            )
        })
        .collect()
}

#[test]
fn entries_stay_the_same_when_a_claim_is_added() {
    let dir = common::site(&[]);
    let output = dir.path().join("public");
    claimtrail::build(&common::options(dir.path())).unwrap();
    let before = entries(&valid_atom(&output, "feed.xml"));
    fs::write(
        dir.path().join("content/claims/new-claim.md"),
        "+++\ntitle = \"A new claim\"\ndate = 2026-08-01\nclaimant = \"example-press\"\n\
         status = \"unverified\"\n\n[[citations]]\nsource = \"example-press\"\n\
         url = \"https://example.org/press/new\"\n+++\n",
    )
    .unwrap();
    claimtrail::build(&common::options(dir.path())).unwrap();
    let after = entries(&valid_atom(&output, "feed.xml"));
    assert_eq!(after[0].0, "https://example.org/tracker/claims/new-claim/");
    assert_eq!(
        after[1..],
        before[..],
        "older entries keep their ids and dates"
    );
}
