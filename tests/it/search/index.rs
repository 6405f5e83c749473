//! What the index in `pagefind/` holds: a record per claim with its claimant,
//! aliases, quotes, meta and filters, as plain text; no drafts; none with
//! `--no-search`.

use super::*;

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
