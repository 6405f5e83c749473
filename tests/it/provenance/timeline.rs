//! The site-wide lists of events word a claim's events as its own page does
//! when the site has git history: a first `[[history]]` entry that explains
//! git's first verdict change is a change from git's earlier verdict, and a
//! verdict without a note is "as recorded by git". Without history they read
//! as they always did.

use serde_json::Value;

use super::pages::{built, refute_the_plain_claim, with_a_claim_without_history};
use super::repo::GitSite;
use crate::common::html::texts;
use crate::common::{self, page, read};

/// The title of the claim [`with_a_claim_without_history`] adds.
const TITLE: &str = "Acme opens its model weights";

/// The site with that claim entered unverified on 3 May 2026, then refuted
/// by its first `[[history]]` entry (1 June 2026, no note), committed on 1 June.
fn refuted_after_git_saw_it_unverified() -> GitSite {
    let site = with_a_claim_without_history();
    refute(&site);
    site.commit("Refute the weights claim", "2026-06-01T10:00:00Z");
    site
}

/// The verdict events about the claim on the page at `path`, as text.
fn verdicts_on(site: &GitSite, path: &str) -> Vec<String> {
    let html = page(site.root(), path);
    let events = texts(&html, ".event-verdict");
    events.into_iter().filter(|e| e.contains(TITLE)).collect()
}

/// `[label, note]` of each event of the claim in `<list>/filter.json`.
fn filter_data_events(site: &GitSite, list: &str) -> Vec<[Value; 2]> {
    let data = common::data(site.root(), &format!("{list}/filter.json"));
    let url = "/tracker/claims/acme-opens-weights/";
    let claim = (data["claims"].as_array().unwrap().iter())
        .position(|claim| claim[3] == url)
        .unwrap();
    (data["items"].as_array().unwrap().iter())
        .filter(|item| item[0] == claim)
        .map(|item| {
            let label = &data["labels"][item[4].as_u64().unwrap() as usize];
            [label[1].clone(), item[7].clone()]
        })
        .collect()
}

/// The text of the `<p>` notes of the feed's verdict entry on the claim.
fn feed_verdict_paragraphs(site: &GitSite) -> Vec<String> {
    let feed = read(site.root(), "public/feed.xml");
    let xml = roxmltree::Document::parse(&feed).unwrap();
    let entry = (xml.descendants())
        .filter(|n| n.has_tag_name("entry"))
        .find(|entry| {
            let id = entry.children().find(|c| c.has_tag_name("id"));
            id.and_then(|id| id.text())
                .is_some_and(|id| id.contains("/claims/acme-opens-weights/#verdict-"))
        })
        .unwrap();
    let paragraphs = entry.descendants().filter(|n| n.has_tag_name("p"));
    paragraphs
        .map(|p| {
            (p.descendants().filter(|n| n.is_text()))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

/// Refutes the claim as above, with two items a page so that the lists
/// have filter data files.
fn refute(site: &GitSite) {
    refute_the_plain_claim(site, "");
    let config = site.root().join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(config, format!("{text}page_size = 2\n")).unwrap();
}

#[test]
fn the_timeline_words_a_first_verdict_git_saw_change_as_the_claim_page_does() {
    let site = refuted_after_git_saw_it_unverified();
    assert_eq!(built(&site), None);
    let expected = [format!(
        "June 1, 2026 Verdict changed from Unverified to Refuted {TITLE} as recorded by git"
    )];
    assert_eq!(verdicts_on(&site, "timeline/index.html"), &expected);
    assert_eq!(verdicts_on(&site, "timeline/2026/index.html"), &expected);
    assert_eq!(verdicts_on(&site, "entities/acme/index.html"), &expected);
    let claim_page = page(site.root(), "claims/acme-opens-weights/index.html");
    assert_eq!(
        texts(&claim_page, ".event-verdict"),
        ["June 1, 2026 Verdict changed from Unverified to Refuted as recorded by git"],
        "the claim page says the same"
    );
    assert_eq!(
        filter_data_events(&site, "timeline/2026"),
        [
            [
                "Verdict changed from Unverified to".into(),
                "as recorded by git".into()
            ],
            ["Claim made".into(), Value::Null],
        ],
        "the filter's data words it as the page"
    );
    let feed = feed_verdict_paragraphs(&site);
    assert!(
        feed.iter().any(|p| p == "as recorded by git"),
        "the feed's verdict has the note the claim page shows: {feed:?}"
    );
}

#[test]
fn without_history_the_timeline_still_says_entered_as() {
    let site = with_a_claim_without_history();
    refute(&site);
    std::fs::remove_dir_all(site.root().join(".git")).unwrap();
    built(&site);
    let expected = [format!("June 1, 2026 Entered as Refuted {TITLE}")];
    assert_eq!(verdicts_on(&site, "timeline/index.html"), &expected);
    assert_eq!(verdicts_on(&site, "entities/acme/index.html"), &expected);
    assert_eq!(
        filter_data_events(&site, "timeline/2026"),
        [
            ["Entered as".into(), Value::Null],
            ["Claim made".into(), Value::Null],
        ]
    );
    let feed = feed_verdict_paragraphs(&site);
    assert!(
        !feed.iter().any(|p| p.contains("recorded by git")),
        "{feed:?}"
    );
}
