//! `/claims/<id>/badge.svg`, parsed as XML for each status, and the embed
//! snippet on the claim page; hostile status labels stay text.

use std::fs;
use std::path::Path;

use super::*;
use crate::common::html::{select, texts};

const CLAIM: &str = "content/claims/acme-model-2-cost.md";

/// The badge's accessible name, its `<title>`, and its texts, in order.
fn badge(root: &Path, id: &str) -> (String, String, Vec<String>, Vec<String>) {
    let text = read(root, &format!("public/claims/{id}/badge.svg"));
    let svg = roxmltree::Document::parse(&text).unwrap();
    let root = svg.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap()
        .to_string();
    let texts = root
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    let fills = root
        .descendants()
        .filter(|n| n.is_element())
        .filter_map(|n| n.attribute("fill").map(str::to_string))
        .collect();
    let scripts = root.descendants().filter(|n| n.has_tag_name("script"));
    assert_eq!(scripts.count(), 0);
    (
        root.attribute("aria-label").unwrap().to_string(),
        title,
        texts,
        fills,
    )
}

#[test]
fn each_status_has_its_badge_with_its_label_and_colour() {
    for (id, label, colour) in [
        ("unverified", "Unverified", "#6b7280"),
        ("supported", "Supported", "#15803d"),
        ("disputed", "Disputed", "#b45309"),
        ("refuted", "Refuted", "#b91c1c"),
        ("retracted", "Retracted", "#7c3aed"),
        ("outdated", "Outdated", "#1d4ed8"),
    ] {
        let dir = common::site(&[]);
        let path = dir.path().join(CLAIM);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(
            &path,
            text.replace("status = \"disputed\"", &format!("status = \"{id}\"")),
        )
        .unwrap();
        claimtrail::build(&claimtrail::BuildOptions {
            search: false,
            ..common::options(dir.path())
        })
        .unwrap();
        let (aria, title, words, fills) = badge(dir.path(), "acme-model-2-cost");
        assert_eq!(aria, format!("verdict: {label}"));
        assert_eq!(title, aria);
        assert_eq!(words, ["verdict", label]);
        assert!(fills.iter().any(|f| f == colour), "{id}: {fills:?}");
    }
}

#[test]
fn a_hostile_status_label_stays_text_in_the_badge_and_the_snippet() {
    let dir = common::site(&[]);
    let hostile = r#"<script>alert(1)</script> & "q" ]]> 'x'"#;
    let toml = fs::read_to_string(dir.path().join("site.toml")).unwrap();
    fs::write(
        dir.path().join("site.toml"),
        format!("{toml}\n[statuses.disputed]\nlabel = '''{hostile}'''\n"),
    )
    .unwrap();
    claimtrail::build(&claimtrail::BuildOptions {
        search: false,
        ..common::options(dir.path())
    })
    .unwrap();
    let (aria, title, words, _) = badge(dir.path(), "acme-model-2-cost");
    assert_eq!(aria, format!("verdict: {hostile}"));
    assert_eq!(title, aria);
    assert_eq!(words[1], hostile);

    let page = common::page(dir.path(), "claims/acme-model-2-cost/index.html");
    let snippet = texts(&page, "textarea.embed-snippet").join("");
    let fragment = scraper::Html::parse_fragment(&snippet);
    let links = select(&fragment, "a");
    assert_eq!(links.len(), 1, "{snippet}");
    assert_eq!(
        links[0].value().attr("href"),
        Some("https://example.org/tracker/claims/acme-model-2-cost/")
    );
    let images = select(&fragment, "a > img");
    assert_eq!(
        images[0].value().attr("src"),
        Some("https://example.org/tracker/claims/acme-model-2-cost/badge.svg")
    );
    let alt = images[0].value().attr("alt").unwrap();
    assert!(alt.ends_with(&format!(": {hostile}")), "{alt}");
    assert!(select(&fragment, "script").is_empty());
}
