//! Commit messages are written by whoever opens a pull request (a squash
//! merge's subject is the pull request's title): the pages, the feed and the
//! data that show them keep them as text.

use super::pages::built;
use super::repo::GitSite;
use crate::common::html::{select, texts};
use crate::common::html_safety::executable_parts_of_page;
use crate::common::{data, page, read, tree};

const SUBJECT: &str =
    "</script><script>alert('subject')</script><img src=x onerror=alert(1)> ]]> {{ 7 * 7 }} & (#7)";

/// The base fixture with one verdict change committed under [`SUBJECT`].
fn site_with_a_hostile_subject() -> GitSite {
    let site = GitSite::committed();
    site.refute_the_cost_claim();
    site.commit(SUBJECT, "2026-06-10T12:00:00Z");
    site
}

#[test]
fn a_hostile_commit_subject_is_published_as_text_everywhere() {
    let site = site_with_a_hostile_subject();
    assert_eq!(built(&site), None);
    let output = site.root().join("public");
    let mut pages = 0;
    for (path, bytes) in tree(&output) {
        if path.ends_with(".html") {
            let found = executable_parts_of_page(&String::from_utf8(bytes).unwrap());
            assert!(found.is_empty(), "{path}: {found:#?}");
            pages += 1;
        }
    }
    assert!(pages > 20, "only {pages} pages");

    let claim = page(site.root(), "claims/acme-model-2-cost/index.html");
    assert_eq!(
        select(&claim, ".changes .revision .subject")
            .first()
            .map(|subject| subject.text().collect::<String>()),
        Some(SUBJECT.to_string()),
        "the claim page's Changes shows the subject as text"
    );
    let log = page(site.root(), "changes/index.html");
    assert!(
        texts(&log, "main").concat().contains("alert('subject')"),
        "the log shows the subject as text"
    );

    let feed = read(site.root(), "public/changes/feed.xml");
    let xml = roxmltree::Document::parse(&feed).expect("the feed stays well-formed XML");
    let shown: String = xml
        .descendants()
        .filter(|node| node.has_tag_name("p"))
        .filter_map(|node| node.text())
        .collect();
    assert!(shown.contains(SUBJECT), "{shown}");
    assert!(
        !xml.descendants().any(|node| node.has_tag_name("script")),
        "no element made from the subject"
    );

    let changes = data(site.root(), "changes.json");
    let revisions = changes["records"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|record| record["revisions"].as_array().unwrap().iter());
    let subject = revisions
        .filter_map(|revision| revision["subject"].as_str())
        .find(|subject| subject.contains("alert"));
    assert_eq!(subject, Some(SUBJECT), "the data keeps it exactly");
    let pull = changes["records"].as_array().unwrap().iter().find_map(|r| {
        r["revisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["subject"] == SUBJECT)
            .map(|v| v["pull_request"].clone())
    });
    assert_eq!(pull, Some(serde_json::json!(7)));
}
