//! Sub-path hosting: the same fixture built at the root of a domain and under
//! `/some/sub/path/` (with and without a trailing slash), every `href` and
//! `src` of every page read with a real HTML parser and resolved to a built file.

use crate::common::{self, html::selector};

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use common::{Xml, build_site, served_file, tree};
use scraper::Html;
use url::Url;

/// (base URL given to `--base-url`, the base it must be published under).
const BASES: [(&str, &str); 3] = [
    ("https://claims.test/", "https://claims.test/"),
    (
        "https://user.github.io/some/sub/path/",
        "https://user.github.io/some/sub/path/",
    ),
    (
        "https://user.github.io/some/sub/path",
        "https://user.github.io/some/sub/path/",
    ),
];

/// Every built HTML page, parsed, by path relative to the output folder.
fn pages(output: &Path) -> BTreeMap<String, Html> {
    tree(output)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| {
            (
                path,
                Html::parse_document(&String::from_utf8(bytes).unwrap()),
            )
        })
        .collect()
}

/// The address a page is served at. GitHub Pages serves `404.html` for any
/// missing address, so it is checked from deep inside the site.
fn page_url(base: &Url, path: &str) -> Url {
    match path {
        "404.html" => base.join("no/such/page/").unwrap(),
        _ => base
            .join(path.strip_suffix("index.html").unwrap_or(path))
            .unwrap(),
    }
}

/// Every `href` and `src` in a page, plus the target of a meta refresh.
fn links(html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for element in html.select(&selector("[href], [src]")) {
        for attribute in ["href", "src"] {
            found.extend(element.value().attr(attribute).map(str::to_string));
        }
    }
    for refresh in html.select(&selector("meta[http-equiv=refresh]")) {
        let content = refresh.value().attr("content").unwrap();
        found.push(content.split_once("url=").unwrap().1.to_string());
    }
    found
}

/// The `id`s in each page, to check `#fragment` links.
fn anchors(
    pages: &BTreeMap<String, Html>,
    output: &Path,
) -> BTreeMap<std::path::PathBuf, BTreeSet<String>> {
    pages
        .iter()
        .map(|(path, html)| {
            let ids = html
                .select(&selector("[id]"))
                .filter_map(|e| e.value().attr("id").map(str::to_string))
                .collect();
            (output.join(path), ids)
        })
        .collect()
}

/// Why `link` on the page `path` (served at `page`) is broken, or `None` if it resolves.
fn broken(
    link: &str,
    (path, page): (&str, &Url),
    base: &Url,
    output: &Path,
    ids: &BTreeMap<std::path::PathBuf, BTreeSet<String>>,
) -> Option<String> {
    if let Some(fragment) = link.strip_prefix('#') {
        // Same page, wherever it is served (404.html is served at any address).
        let own = &ids[&output.join(path)];
        return (!own.contains(fragment)).then(|| format!("no id=\"{fragment}\" on the page"));
    }
    let Ok(target) = page.join(link) else {
        return Some("not a URL".into());
    };
    match target.scheme() {
        "http" | "https" if target.host() != base.host() => return None, // external
        "http" | "https" => {}
        "mailto" => return None,
        other => return Some(format!("scheme {other}:")),
    }
    let Some(file) = served_file(output, base, &target) else {
        return Some("no such file under the base URL".into());
    };
    match target.fragment() {
        Some(fragment) if file.extension().is_some_and(|e| e == "html") => ids[&file]
            .contains(fragment)
            .then_some(())
            .map_or(Some(format!("no id=\"{fragment}\"")), |()| None),
        _ => None,
    }
}

#[test]
fn every_internal_link_resolves_at_root_and_sub_path() {
    for (given, published) in BASES {
        let dir = build_site(&["publishing"], Some(given));
        let output = dir.path().join("public");
        let base = Url::parse(published).unwrap();
        let pages = pages(&output);
        let ids = anchors(&pages, &output);
        let (mut internal, mut fragments) = (0, 0);
        let mut problems = Vec::new();
        for (path, html) in &pages {
            let page = page_url(&base, path);
            for link in links(html) {
                let target = page.join(&link).unwrap();
                if target.host() == base.host() {
                    internal += 1;
                    fragments += usize::from(target.fragment().is_some());
                }
                if let Some(why) = broken(&link, (path, &page), &base, &output, &ids) {
                    problems.push(format!("{path}: {link} ({why})"));
                }
            }
        }
        assert_eq!(problems, Vec::<String>::new(), "at {given}");
        assert!(internal > 300, "only {internal} internal links at {given}");
        assert!(fragments > 5, "only {fragments} #fragment links at {given}");
    }
}

#[test]
fn canonical_and_open_graph_urls_are_the_page_itself_under_the_base() {
    for (given, published) in BASES {
        let dir = build_site(&[], Some(given));
        let output = dir.path().join("public");
        let base = Url::parse(published).unwrap();
        for (path, html) in pages(&output) {
            if [
                "404.html",
                "claims/acme-2-cost/index.html",
                "statuses/index.html",
            ]
            .contains(&path.as_str())
            {
                continue; // served elsewhere / a redirect, checked in tests/search_engines.rs
            }
            let expected = base
                .join(path.strip_suffix("index.html").unwrap())
                .unwrap()
                .to_string();
            let canonical = html
                .select(&selector("link[rel=canonical]"))
                .next()
                .unwrap();
            assert_eq!(
                canonical.value().attr("href"),
                Some(expected.as_str()),
                "{path}"
            );
            let og_url = html
                .select(&selector("meta[property='og:url']"))
                .next()
                .unwrap();
            assert_eq!(
                og_url.value().attr("content"),
                Some(expected.as_str()),
                "{path}"
            );
        }
    }
}

#[test]
fn every_url_in_feeds_sitemap_and_data_resolves() {
    for (given, published) in BASES {
        let dir = build_site(&["publishing"], Some(given));
        let output = dir.path().join("public");
        let base = Url::parse(published).unwrap();
        let mut urls = Vec::new();
        let sitemap = Xml::parse(&fs::read_to_string(output.join("sitemap.xml")).unwrap());
        urls.extend(sitemap.all("url").map(|u| u.one("loc").text.clone()));
        for (path, bytes) in tree(&output) {
            if path.ends_with("feed.xml") {
                let feed = Xml::parse(&String::from_utf8(bytes).unwrap());
                urls.extend(feed.all("link").map(|l| l.attr("href").to_string()));
                for entry in feed.all("entry") {
                    urls.extend(entry.all("link").map(|l| l.attr("href").to_string()));
                }
            }
        }
        for file in [
            "claims.json",
            "sources.json",
            "entities.json",
            "documents.json",
        ] {
            let data: serde_json::Value =
                serde_json::from_str(&fs::read_to_string(output.join(file)).unwrap()).unwrap();
            collect_site_urls(&data, &base, &mut urls);
        }
        assert!(urls.len() > 80, "only {} URLs at {given}", urls.len());
        for url in &urls {
            let target = Url::parse(url).unwrap();
            assert!(
                served_file(&output, &base, &target).is_some(),
                "{url} is not a built file under {published}"
            );
        }
    }
}

/// Every string in the data that points into the site (starts with the base host).
fn collect_site_urls(value: &serde_json::Value, base: &Url, urls: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text)
            if Url::parse(text).is_ok_and(|u| u.host() == base.host()) =>
        {
            urls.push(text.clone());
        }
        serde_json::Value::Array(items) => {
            items.iter().for_each(|v| collect_site_urls(v, base, urls))
        }
        serde_json::Value::Object(map) => {
            map.values().for_each(|v| collect_site_urls(v, base, urls))
        }
        _ => {}
    }
}
