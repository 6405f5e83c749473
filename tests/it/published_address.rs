//! Every absolute URL in the output follows `--base-url`: built under one
//! address, no file keeps a trace of another, nor of `site.toml`'s.

use crate::common::{self, build_site, tree};

/// `site.toml`'s `base_url` in the base fixture.
const CONFIGURED: &str = "https://example.org/tracker/";
const FIRST: &str = "https://first.example.net/ai-claims/";
const SECOND: &str = "https://second.example.net/";

/// The ways `url` (without its scheme and final `/`) can be written in a
/// text file: plain, with JSON's escaped slashes, or percent-encoded.
fn traces(url: &str) -> Vec<String> {
    let bare = url.trim_start_matches("https://").trim_end_matches('/');
    vec![
        bare.to_string(),
        bare.replace('/', "\\/"),
        bare.replace('/', "%2F"),
        bare.replace('/', "%2f"),
    ]
}

/// Each text file of the site built at `base_url` that mentions a trace of
/// one of `others`, with the trace.
fn leaks(base_url: &str, others: &[&str]) -> Vec<(String, String)> {
    let dir = build_site(&[], Some(base_url));
    let mut found = Vec::new();
    let mut text_files = 0;
    for (path, bytes) in tree(&dir.path().join("public")) {
        let Ok(text) = String::from_utf8(bytes) else {
            continue; // compressed search index chunks
        };
        text_files += 1;
        for trace in others.iter().flat_map(|other| traces(other)) {
            if text.contains(&trace) {
                found.push((path.clone(), trace));
            }
        }
    }
    assert!(
        text_files > 20,
        "the walk found the site: {text_files} files"
    );
    found
}

#[test]
fn a_build_under_one_address_keeps_no_trace_of_another() {
    assert_eq!(leaks(FIRST, &[CONFIGURED, SECOND]), vec![]);
    assert_eq!(leaks(SECOND, &[CONFIGURED, FIRST]), vec![]);
}

/// `site` of the built `claims.json` of a site built from `overlays` at `base_url`.
fn site_data(overlays: &[&str], base_url: &str) -> serde_json::Value {
    let dir = build_site(overlays, Some(base_url));
    common::data(dir.path(), "claims.json")["site"].clone()
}

#[test]
fn the_publisher_defaults_to_the_address_built_at() {
    let site = site_data(&[], FIRST);
    assert_eq!(site["url"], FIRST);
    assert_eq!(site["publisher"]["url"], FIRST);
    let dir = build_site(&[], Some(FIRST));
    let feed = common::read(dir.path(), "public/feed.xml");
    assert!(feed.contains(&format!("<uri>{FIRST}</uri>")), "{feed}");
}

#[test]
fn a_publisher_url_of_its_own_is_kept() {
    let site = site_data(&["publishing"], FIRST);
    assert_eq!(site["url"], FIRST);
    assert_eq!(site["publisher"]["url"], "https://example.org/desk/");
}
