//! The search index in `pagefind/`: what it holds, when it is reused, and the
//! search page and header form that use it.

use crate::common;

use std::fs;
use std::io::Read;
use std::path::Path;

use claimtrail::search::SearchOutcome;
use claimtrail::{BuildOptions, build};
use common::{options, read, site, tree};
use scraper::{Html, Selector};

/// Every Pagefind fragment of the output at `public`, as JSON.
fn fragments(public: &Path) -> Vec<serde_json::Value> {
    bundle_fragments(&public.join("pagefind"))
}

/// Every fragment of the index bundle in `bundle`, as JSON.
fn bundle_fragments(bundle: &Path) -> Vec<serde_json::Value> {
    let mut found = Vec::new();
    for entry in fs::read_dir(bundle.join("fragment")).unwrap() {
        let bytes = fs::read(entry.unwrap().path()).unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap();
        let json = text
            .strip_prefix("pagefind_dcd")
            .expect("Pagefind's marker");
        found.push(serde_json::from_str(json).unwrap());
    }
    found
}

fn fragment(public: &Path, url: &str) -> serde_json::Value {
    fragments(public)
        .into_iter()
        .find(|f| f["url"] == url)
        .unwrap_or_else(|| panic!("no record for {url}"))
}

fn files_under(dir: &Path) -> Vec<String> {
    tree(dir).into_iter().map(|(path, _)| path).collect()
}

#[test]
fn the_build_writes_a_pagefind_index() {
    let dir = site(&[]);
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.search, SearchOutcome::Indexed);
    let pagefind = dir.path().join("public/pagefind");
    let files = files_under(&pagefind);
    for name in [
        "pagefind.js",
        "pagefind-ui.js",
        "pagefind-ui.css",
        "pagefind-entry.json",
        "wasm.en.pagefind",
        "claimtrail-search.hash",
    ] {
        assert!(files.iter().any(|f| f == name), "{name} in {files:?}");
    }
    for folder in ["index/", "fragment/", "filter/"] {
        assert!(
            files.iter().any(|f| f.starts_with(folder)),
            "{folder} in {files:?}"
        );
    }
    for (path, bytes) in tree(&pagefind) {
        assert!(!bytes.is_empty(), "{path} is empty");
    }
    let entry: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "public/pagefind/pagefind-entry.json")).unwrap();
    assert_eq!(entry["languages"]["en"]["page_count"], 11);
}

#[test]
fn a_claim_record_holds_its_claimant_aliases_quotes_meta_and_filters() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let claim = fragment(&dir.path().join("public"), "/claims/acme-model-2-cost/");
    let content = claim["content"].as_str().unwrap();
    for text in [
        "Claimed by Acme Blog",
        "Roadrunner",
        "35% cheaper per token than its predecessor",
    ] {
        assert!(content.contains(text), "{text} in {content}");
    }
    assert_eq!(
        claim["meta"]["title"],
        "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"
    );
    assert_eq!(claim["meta"]["status"], "Disputed");
    assert_eq!(claim["meta"]["status_id"], "disputed");
    assert_eq!(claim["meta"]["date"], "April 23, 2026");
    assert_eq!(claim["meta"]["claimant"], "Acme Blog");
    assert_eq!(
        claim["meta"]["summary"],
        "Acme says its new model is 35% cheaper per token."
    );
    assert_eq!(claim["filters"]["status"][0], "Disputed");
    assert_eq!(claim["filters"]["year"][0], "2026");
    assert_eq!(claim["filters"]["entity"][1], "Acme Model 2");
}

#[test]
fn drafts_stay_out_of_the_index() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let urls: Vec<String> = fragments(&dir.path().join("public"))
        .iter()
        .map(|f| f["url"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !urls.iter().any(|u| u.contains("acme-secret-plan")),
        "{urls:?}"
    );
}

#[test]
fn no_search_writes_no_index() {
    let dir = site(&[]);
    let report = build(&BuildOptions {
        search: false,
        ..options(dir.path())
    })
    .unwrap();
    assert_eq!(report.search, SearchOutcome::Skipped);
    let public = dir.path().join("public");
    assert!(!public.join("pagefind").exists());
    assert!(public.join("search/index.html").is_file(), "the page stays");
}

#[test]
fn an_unchanged_index_is_reused_and_a_changed_one_rebuilt() {
    let dir = site(&[]);
    let public = dir.path().join("public");
    build(&options(dir.path())).unwrap();
    let first = tree(&public.join("pagefind"));

    // A template-only change: the records, and so the index, stay the same.
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    let page = "{% extends \"base.html\" %}{% block content %}<h1>{{ title }}</h1>changed{% endblock content %}";
    fs::write(dir.path().join("templates/page.html"), page).unwrap();
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.search, SearchOutcome::Reused);
    assert!(read(dir.path(), "public/pages/about/index.html").contains("changed"));
    assert_eq!(
        tree(&public.join("pagefind")),
        first,
        "reused byte for byte"
    );

    // A content change: indexed again.
    let claim = dir.path().join("content/claims/globex-beats-acme.md");
    let text = fs::read_to_string(&claim).unwrap();
    fs::write(
        &claim,
        text.replace("every benchmark", "every public benchmark"),
    )
    .unwrap();
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.search, SearchOutcome::Indexed);
    let record = fragment(&public, "/claims/globex-beats-acme/");
    assert!(
        record["meta"]["title"]
            .as_str()
            .unwrap()
            .contains("every public benchmark")
    );

    // A damaged index is not reused.
    let stamp = read(dir.path(), "public/pagefind/claimtrail-search.hash");
    let victim = stamp.lines().nth(1).unwrap().split_once(' ').unwrap().1;
    fs::write(public.join(victim), "damaged").unwrap();
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.search, SearchOutcome::Indexed);
}

/// Sets `[search] bundle_records` in the fixture's site.toml.
fn set_bundle_records(root: &Path, records: usize) {
    let config = root.join("site.toml");
    let text = fs::read_to_string(&config).unwrap();
    let text = match text.split_once("\n[search]\nbundle_records = ") {
        Some((before, _)) => before.to_string(),
        None => text,
    };
    fs::write(
        &config,
        format!("{text}\n[search]\nbundle_records = {records}\n"),
    )
    .unwrap();
}

#[test]
fn a_big_index_is_split_into_bundles_the_search_page_merges() {
    let dir = site(&[]);
    let public = dir.path().join("public");
    build(&options(dir.path())).unwrap();
    let whole: Vec<String> = fragments(&public)
        .iter()
        .map(|f| f["url"].as_str().unwrap().to_string())
        .collect();
    let search = Html::parse_document(&read(dir.path(), "public/search/index.html"));
    assert_eq!(one(&search, "#ct-search").attr("data-merge"), Some(""));

    // 11 records, at most 4 a bundle: three bundles of 4, 4 and 3.
    set_bundle_records(dir.path(), 4);
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(
        report.search,
        SearchOutcome::Indexed,
        "a new layout is a new index"
    );
    let search = Html::parse_document(&read(dir.path(), "public/search/index.html"));
    assert_eq!(
        one(&search, "#ct-search").attr("data-merge"),
        Some("/tracker/pagefind/bundle-2/ /tracker/pagefind/bundle-3/")
    );
    let mut split = Vec::new();
    let mut sizes = Vec::new();
    for folder in ["pagefind", "pagefind/bundle-2", "pagefind/bundle-3"] {
        let bundle = public.join(folder);
        let entry: serde_json::Value =
            serde_json::from_slice(&fs::read(bundle.join("pagefind-entry.json")).unwrap()).unwrap();
        sizes.push(entry["languages"]["en"]["page_count"].as_u64().unwrap());
        split.extend(
            bundle_fragments(&bundle)
                .iter()
                .map(|f| f["url"].as_str().unwrap().to_string()),
        );
    }
    assert_eq!(sizes, [4, 4, 3]);
    assert!(!public.join("pagefind/bundle-4").exists());
    assert!(
        !public.join("pagefind/bundle-2/pagefind.js").exists(),
        "scripts once"
    );
    split.sort();
    let mut whole = whole;
    whole.sort();
    assert_eq!(split, whole, "every record in exactly one bundle");

    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.search, SearchOutcome::Reused);
    assert_eq!(report.diagnostics.warning_count(), 0);

    // A site's own search page from before bundles: warned, with the fix.
    let default =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/search.html"))
            .unwrap();
    let old = default.replace(r#" data-merge="{{ merged_bundles | join(sep=" ") }}""#, "");
    assert_ne!(old, default);
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    fs::write(dir.path().join("templates/search.html"), old).unwrap();
    let checked = claimtrail::check(dir.path(), false).unwrap();
    assert_eq!(checked.diagnostics.warning_count(), 1, "check says it too");
    let report = build(&options(dir.path())).unwrap();
    let warnings = report.diagnostics.sorted();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].file, "templates/search.html");
    assert!(
        warnings[0]
            .message
            .contains("only the first of the index's 3 bundles")
    );
    assert!(
        warnings[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("merged_bundles")
    );
    fs::remove_file(dir.path().join("templates/search.html")).unwrap();

    set_bundle_records(dir.path(), 20);
    build(&options(dir.path())).unwrap();
    assert!(
        !public.join("pagefind/bundle-2").exists(),
        "one bundle again"
    );
}

#[test]
fn a_reused_index_equals_a_fresh_one_and_rebuilds_are_byte_identical() {
    let dir = site(&[]);
    let first = dir.path().join("first");
    let second = dir.path().join("second");
    for output in [&first, &second] {
        let report = build(&BuildOptions {
            output: Some(output.clone()),
            ..options(dir.path())
        })
        .unwrap();
        assert_eq!(report.search, SearchOutcome::Indexed);
    }
    assert_eq!(tree(&first), tree(&second), "two fresh builds");
    let report = build(&BuildOptions {
        output: Some(first.clone()),
        ..options(dir.path())
    })
    .unwrap();
    assert_eq!(report.search, SearchOutcome::Reused);
    assert_eq!(tree(&first), tree(&second), "a reused index");
}

#[test]
fn result_urls_resolve_under_a_sub_path() {
    // The fixture is published at https://example.org/tracker/.
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let public = dir.path().join("public");
    let search = Html::parse_document(&read(dir.path(), "public/search/index.html"));
    let mount = one(&search, "#ct-search");
    assert_eq!(mount.attr("data-base"), Some("/tracker/"));
    assert_eq!(mount.attr("data-bundle"), Some("/tracker/pagefind/"));
    assert!(
        public.join("pagefind/pagefind.js").is_file(),
        "the script search.js imports from data-bundle"
    );
    // Pagefind puts the base in front of each record's URL: every result is a built page.
    let records = fragments(&public);
    assert_eq!(records.len(), 11);
    for record in records {
        let page = record["url"].as_str().unwrap().trim_start_matches('/');
        assert!(
            public.join(page).join("index.html").is_file(),
            "/tracker/{page} is not a page"
        );
    }
}

#[test]
fn the_index_does_not_depend_on_the_base_url() {
    let dir = site(&[]);
    let sub = dir.path().join("sub");
    let root = dir.path().join("root");
    build(&BuildOptions {
        output: Some(sub.clone()),
        ..options(dir.path())
    })
    .unwrap();
    build(&BuildOptions {
        output: Some(root.clone()),
        base_url: Some("https://claims.example.net/".to_string()),
        ..options(dir.path())
    })
    .unwrap();
    assert_eq!(tree(&sub.join("pagefind")), tree(&root.join("pagefind")));
    let search = Html::parse_document(&fs::read_to_string(root.join("search/index.html")).unwrap());
    assert_eq!(one(&search, "#ct-search").attr("data-base"), Some("/"));
}

fn one<'a>(html: &'a Html, selector: &str) -> scraper::ElementRef<'a> {
    let parsed = Selector::parse(selector).unwrap();
    let mut found = html.select(&parsed);
    let first = found.next().unwrap_or_else(|| panic!("no {selector}"));
    assert!(found.next().is_none(), "more than one {selector}");
    first
}

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
        if !path.ends_with(".html") || path.contains("acme-2-cost") {
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
fn records_keep_markup_as_plain_text() {
    // The search page shows meta and filter values as text, so they must be
    // the text itself: neither escaped (it would show "&lt;") nor cleaned.
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&common::fixtures().join("markup"), dir.path());
    build(&options(dir.path())).unwrap();
    let public = dir.path().join("public");
    let claim = fragment(&public, "/claims/zebra-markup-claim/");
    assert_eq!(
        claim["meta"]["title"],
        r#"Zebra claim <img src=x onerror=alert('title-img')> "><svg onload=alert('title-svg')>"#
    );
    assert_eq!(
        claim["meta"]["status"],
        "Disputed <img src=x onerror=alert('status-img')>"
    );
    assert_eq!(
        claim["meta"]["claimant"],
        "Zebra Press <img src=x onerror=alert('source-name')>"
    );
    assert!(
        claim["filters"]["tag"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("<img src=x onerror=alert('tag-img')>"))
    );
    assert_eq!(
        claim["filters"]["entity"][0],
        "<img src=x onerror=alert('entity-name')> Zebra Org"
    );
    // A code span and character references in a body: text too (Markdown's
    // typography curls the quotes outside the code).
    let source = fragment(&public, "/sources/markup-press/");
    assert_eq!(
        source["meta"]["summary"],
        "Zebra press body with <script>alert('source-body-code')</script> in code and <img src=x onerror=alert(‘source-body-entity’)> as characters."
    );
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
