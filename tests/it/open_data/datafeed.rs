//! `/claimreview-feed.json`: the schema.org DataFeed of every claim's
//! ClaimReview, with the fields fact-check aggregators require, the same
//! ClaimReview as each page embeds, and every address under `--base-url`.

use std::path::Path;

use super::*;
use crate::common::html::texts;

/// Builds the example site (the repository's `content/`) at `base_url` and
/// returns its output folder.
fn example(base_url: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    claimtrail::build(&claimtrail::BuildOptions {
        output: Some(out.path().join("public")),
        base_url: Some(base_url.into()),
        search: false,
        ..common::options(Path::new(env!("CARGO_MANIFEST_DIR")))
    })
    .unwrap();
    out
}

/// Every string in `value` that looks like an absolute http(s) address.
fn addresses(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(s) if s.starts_with("http://") || s.starts_with("https://") => {
            found.push(s.clone())
        }
        Value::Array(items) => items.iter().for_each(|v| addresses(v, found)),
        Value::Object(map) => map.values().for_each(|v| addresses(v, found)),
        _ => {}
    }
}

#[test]
fn every_element_of_the_examples_feed_has_what_aggregators_require() {
    let out = example("https://example.org/feed-test/");
    let feed = data(out.path(), "claimreview-feed.json");
    assert_eq!(feed["@type"], "DataFeed");
    assert_eq!(feed["@context"], "https://schema.org");
    let claims = data(out.path(), "claims.json");
    let elements = list(&feed, "dataFeedElement");
    assert_eq!(elements.len(), list(&claims, "claims").len());
    for (element, claim) in elements.iter().zip(list(&claims, "claims")) {
        let id = claim["id"].as_str().unwrap();
        assert_eq!(element["@type"], "ClaimReview", "{id}");
        assert_eq!(element["claimReviewed"], claim["title"], "{id}");
        assert_eq!(element["url"], claim["url"], "{id}");
        let rating = &element["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        assert_eq!(rating["alternateName"], claim["status"]["label"], "{id}");
        if rating.get("ratingValue").is_some() {
            assert_eq!(rating["ratingValue"], claim["status"]["rating"]);
            assert_eq!(
                (rating["bestRating"].clone(), rating["worstRating"].clone()),
                (5.into(), 1.into())
            );
        }
        let author = &element["author"];
        assert_eq!(author["@type"], "Organization");
        assert_eq!(author["name"], claims["site"]["publisher"]["name"]);
        assert_eq!(author["url"], claims["site"]["publisher"]["url"]);
        assert!(
            element["datePublished"].as_str().unwrap().len() == 10,
            "{id}"
        );
        assert!(
            element["dateModified"].as_str().unwrap().len() == 10,
            "{id}"
        );
        let item = &element["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["author"]["name"], claim["claimant"]["name"], "{id}");
        assert_eq!(item["datePublished"], claim["date"]);
        let appearances = list(claim, "appearances");
        if appearances.is_empty() {
            assert!(item.get("appearance").is_none() && item.get("firstAppearance").is_none());
        } else {
            assert_eq!(list(item, "appearance").len(), appearances.len(), "{id}");
            assert!(item["firstAppearance"].is_object(), "{id}");
        }
        // The very ClaimReview the claim's page embeds.
        let page = common::page(out.path(), &format!("claims/{id}/index.html"));
        let embedded: Value =
            serde_json::from_str(&texts(&page, r#"script[type="application/ld+json"]"#).join(""))
                .unwrap();
        assert_eq!(&embedded, element, "{id}");
    }
}

#[test]
fn base_url_changes_every_address_of_the_feed() {
    let out = example("https://mirror.example.net/sub/");
    let feed = data(out.path(), "claimreview-feed.json");
    assert_eq!(feed["url"], "https://mirror.example.net/sub/");
    assert_eq!(
        feed["$schema"],
        "https://mirror.example.net/sub/schema/claimreview-feed.schema.json"
    );
    let mut found = Vec::new();
    addresses(&feed, &mut found);
    let site_toml = read(Path::new(env!("CARGO_MANIFEST_DIR")), "site.toml");
    let configured = site_toml
        .lines()
        .find_map(|l| l.strip_prefix("base_url = "))
        .unwrap()
        .trim_matches('"')
        .to_string();
    assert!(
        !found.iter().any(|a| a.starts_with(&configured)),
        "{configured} left in the feed"
    );
    let ours: Vec<&String> = found
        .iter()
        .filter(|a| a.starts_with("https://mirror.example.net/sub/"))
        .collect();
    assert!(ours.len() > list(&feed, "dataFeedElement").len() * 2);
}
