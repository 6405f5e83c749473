//! When the index is reused and when rebuilt, bundles the search page merges,
//! and result URLs independent of the base URL.

use super::*;

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
