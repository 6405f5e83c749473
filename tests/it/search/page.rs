//! The search page and the header form: they work without JavaScript, and no
//! script parses HTML.

use super::*;

#[test]
fn the_search_page_works_without_javascript_and_is_not_in_the_sitemap() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let html = read(dir.path(), "public/search/index.html");
    let page = Html::parse_document(&html);
    let noscript = one(&page, "noscript").inner_html();
    for link in ["/tracker/timeline/", "/tracker/tags/", "/tracker/entities/"] {
        assert!(noscript.contains(link), "{link} in {noscript}");
    }
    assert_eq!(
        one(&page, "script[src$='search.js']").attr("src"),
        Some("/tracker/search.js")
    );
    let script = read(dir.path(), "public/search.js");
    assert!(script.contains(r#"import(bundle + "pagefind.js")"#));
    assert!(script.contains("mergeIndex"));
    assert!(!read(dir.path(), "public/sitemap.xml").contains("/search/"));
    assert_eq!(
        one(&page, "meta[name=robots]").attr("content"),
        Some("noindex, follow")
    );
}

#[test]
fn every_page_has_the_search_form() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let mut pages = 0;
    for (path, bytes) in tree(&dir.path().join("public")) {
        if !path.ends_with(".html") || path.contains("acme-2-cost") || path.starts_with("statuses/")
        {
            continue; // redirect stubs have no header
        }
        pages += 1;
        let html = Html::parse_document(std::str::from_utf8(&bytes).unwrap());
        let form = one(&html, "header form.site-search[role=search]");
        assert_eq!(form.attr("action"), Some("/tracker/search/"), "{path}");
        assert_eq!(form.attr("method"), Some("get"), "{path}");
        one(&html, "form.site-search label[for=site-search-q]");
        let input = one(&html, "form.site-search input#site-search-q");
        assert_eq!(input.attr("type"), Some("search"));
        assert_eq!(input.attr("name"), Some("q"));
        one(&html, "form.site-search button[type=submit]");
    }
    assert!(pages > 20, "only {pages} pages");
}

/// What a script must not do with text from the index: parse it as HTML or run it.
const HTML_SINKS: &[&str] = &[
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "document.write",
    "DOMParser",
    "createContextualFragment",
    "srcdoc",
    "eval(",
    "new Function",
    "setTimeout(\"",
];

#[test]
fn the_search_page_renders_results_itself_and_no_script_parses_html() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let html = read(dir.path(), "public/search/index.html");
    assert!(
        !html.contains("pagefind-ui"),
        "no trace of Pagefind's default UI: {html}"
    );
    let page = Html::parse_document(&html);
    let inputs = Selector::parse("input").unwrap();
    assert_eq!(page.select(&inputs).count(), 1, "one search box");
    one(&page, "header input#site-search-q");
    one(&page, "#ct-search-count[role=status][aria-live=polite]");
    for filter in ["kind", "status", "entity", "tag", "year"] {
        one(&page, &format!(".search-filter-form select[name={filter}]"));
    }
    // One badge per verdict, the very markup claim cards use.
    let status_page = Html::parse_document(&read(dir.path(), "public/status/disputed/index.html"));
    let card_badge = status_page
        .select(&Selector::parse("li.claim-card .badge").unwrap())
        .next()
        .unwrap()
        .html();
    let template = one(&page, "template#ct-search-badges");
    let badge = template
        .select(&Selector::parse("[data-status-id=disputed]").unwrap())
        .next()
        .unwrap()
        .html();
    assert_eq!(
        badge.replace(r#" data-status-id="disputed""#, ""),
        card_badge
    );
    for script in ["public/search.js", "public/filter.js"] {
        let text = read(dir.path(), script);
        for sink in HTML_SINKS {
            assert!(!text.contains(sink), "{script} uses {sink}");
        }
    }
}

#[test]
fn a_search_page_made_for_pagefinds_own_ui_is_warned() {
    let dir = site(&[]);
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    let old = r#"{% extends "base.html" %}{% block content %}<h1>Search</h1>
<div class="search-page" id="ct-search" data-bundle="{{ site.base_path }}pagefind/" data-merge="{{ merged_bundles | join(sep=" ") }}" data-base="{{ site.base_path }}"></div>
<script src="{{ site.base_path }}pagefind/pagefind-ui.js" defer></script>
<script src="{{ site.base_path }}search.js" defer></script>{% endblock content %}"#;
    fs::write(dir.path().join("templates/search.html"), old).unwrap();
    let checked = claimtrail::check(dir.path(), false).unwrap();
    let warnings = checked.diagnostics.sorted();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, "templates/search.html");
    assert_eq!(
        warnings[0].message,
        "this search page has no `ct-search-results` element, so `search.js` shows no results on it"
    );
    assert!(
        warnings[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("docs/templates.md")
    );
    build(&options(dir.path())).unwrap();
}
