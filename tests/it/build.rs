//! Building fixture sites into temp dirs and inspecting the output.

use crate::common;

use std::fs;
use std::path::Path;

use claimtrail::{BuildOptions, Error, build};
use common::{options, read, site, tree};

#[test]
fn builds_every_page_of_the_url_contract() {
    let dir = site(&[]);
    let report = build(&options(dir.path())).unwrap();
    assert_eq!(report.claims, 3, "the draft is left out");
    let out = dir.path().join("public");
    for page in [
        "index.html",
        "claims/acme-model-2-cost/index.html",
        "claims/acme-model-1-launch/index.html",
        "claims/globex-beats-acme/index.html",
        "timeline/index.html",
        "entities/index.html",
        "entities/acme/index.html",
        "entities/acme-model-2/index.html",
        "sources/index.html",
        "sources/acme-blog/index.html",
        "tags/index.html",
        "tags/inference-cost/index.html",
        "status/disputed/index.html",
        "status/outdated/index.html",
        "pages/about/index.html",
        "feed.xml",
        "sitemap.xml",
        "claims.json",
        "404.html",
        "robots.txt",
        "style.css",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    assert!(
        !out.join("claims/acme-secret-plan").exists(),
        "drafts are not published"
    );
    assert_eq!(
        report.files_written,
        tree(&out).len() - 1,
        "every file but the marker is counted"
    );
    let bytes: usize = tree(&out)
        .iter()
        .filter(|(path, _)| path != claimtrail::write::MARKER)
        .map(|(_, bytes)| bytes.len())
        .sum();
    assert_eq!(report.bytes_written, bytes as u64, "and every byte");
}

#[test]
fn bytes_written_include_static_files() {
    let dir = site(&[]);
    let before = build(&options(dir.path())).unwrap().bytes_written;
    fs::create_dir_all(dir.path().join("static/docs")).unwrap();
    fs::write(dir.path().join("static/docs/report.txt"), vec![b'x'; 4321]).unwrap();
    let after = build(&options(dir.path())).unwrap().bytes_written;
    assert_eq!(after, before + 4321);
}

#[test]
fn claim_page_shows_verdict_sources_history_and_body() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let html = read(dir.path(), "public/claims/acme-model-2-cost/index.html");
    assert!(html.contains(">Disputed</span>"), "status badge");
    assert!(
        html.contains("Credible sources conflict."),
        "status description"
    );
    assert!(
        html.contains("<a href=\"/tracker/sources/acme-blog/\">Acme Blog</a>"),
        "claimant link"
    );
    assert!(
        html.contains("Acme Model 2 is 35% cheaper per token than its predecessor."),
        "quote"
    );
    assert!(html.contains("Our price sheet comparison puts the saving at 20 to 25 percent."));
    assert!(
        html.contains("<strong>35%</strong>"),
        "quantity with its unit"
    );
    assert!(
        html.contains("Reports <strong>22.5%</strong>"),
        "a source's reported value"
    );
    assert!(
        html.contains("An independent price comparison reports a smaller saving."),
        "history note"
    );
    assert!(
        html.contains("<h2 id=\"what-would-settle-it\">"),
        "heading anchor"
    );
    assert!(html.contains("footnote"), "footnotes render");
    assert!(
        html.contains("<strong>published</strong>"),
        "Markdown emphasis"
    );
    assert!(
        html.contains(
            "https://github.com/example/tracker/edit/main/content/claims/acme-model-2-cost.md"
        ),
        "edit link from repo_url"
    );
    assert!(html.contains("\"@type\":\"ClaimReview\""), "JSON-LD");
}

#[test]
fn lists_count_and_order_claims() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let home = read(dir.path(), "public/index.html");
    assert!(home.contains("3 claims by current verdict"));
    let newest = home.find("Globex&#39;s model beats Acme Model 2").unwrap();
    let middle = home.find("Acme Model 2 cuts").unwrap();
    let oldest = home.find("Acme Model 1 is available").unwrap();
    assert!(newest < middle && middle < oldest, "newest first");
    let acme = read(dir.path(), "public/entities/acme/index.html");
    assert!(
        acme.contains("Acme Model 2") && acme.contains("Acme Model 1"),
        "children listed"
    );
    let claims: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "public/claims.json")).unwrap();
    assert_eq!(claims["schema_version"], 1);
    assert_eq!(claims["claims"].as_array().unwrap().len(), 3);
    assert_eq!(claims["claims"][1]["id"], "acme-model-2-cost");
    assert_eq!(claims["claims"][1]["claimant"]["name"], "Acme Blog");
    let timeline = read(dir.path(), "public/timeline/index.html");
    assert!(
        timeline.contains("href=\"/tracker/timeline/2026/\"")
            && timeline.contains("href=\"/tracker/timeline/2025/\"")
    );
}

#[test]
fn aliases_redirect_to_the_claim() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let html = read(dir.path(), "public/claims/acme-2-cost/index.html");
    assert!(html.contains(
        "<meta http-equiv=\"refresh\" content=\"0; url=/tracker/claims/acme-model-2-cost/\">"
    ));
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://example.org/tracker/claims/acme-model-2-cost/\">"
    ));
}

#[test]
fn drafts_are_built_on_request() {
    let dir = site(&[]);
    let report = build(&BuildOptions {
        drafts: true,
        ..options(dir.path())
    })
    .unwrap();
    assert_eq!(report.claims, 4);
    let html = read(dir.path(), "public/claims/acme-secret-plan/index.html");
    assert!(html.contains("(draft)") || html.contains("<em>draft</em>"));
}

#[test]
fn site_templates_override_the_defaults_and_static_is_copied() {
    let dir = site(&[]);
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    fs::write(
        dir.path().join("templates/page.html"),
        "<!doctype html><title>{{ title }}</title><p class=\"custom\">{{ body_html | safe }}</p>",
    )
    .unwrap();
    fs::create_dir_all(dir.path().join("static/img")).unwrap();
    fs::write(dir.path().join("static/img/logo.txt"), "logo").unwrap();
    build(&options(dir.path())).unwrap();
    let page = read(dir.path(), "public/pages/about/index.html");
    assert!(
        page.starts_with("<!doctype html><title>About this tracker</title><p class=\"custom\">"),
        "{page}"
    );
    assert_eq!(read(dir.path(), "public/img/logo.txt"), "logo");
    let claim = read(dir.path(), "public/claims/acme-model-2-cost/index.html");
    assert!(
        claim.contains("class=\"site-header\""),
        "other pages keep the default theme"
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let before = tree(&dir.path().join("public"));
    common::copy_tree(
        &common::fixtures().join("invalid/misspelled-status"),
        dir.path(),
    );
    let Err(Error::Content(diagnostics)) = build(&options(dir.path())) else {
        panic!("a content error must fail the build");
    };
    assert_eq!(diagnostics.error_count(), 1);
    assert_eq!(tree(&dir.path().join("public")), before);
}

#[test]
fn a_broken_template_fails_the_build_and_keeps_the_output() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let before = tree(&dir.path().join("public"));
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    fs::write(dir.path().join("templates/claim.html"), "{% if %}").unwrap();
    let Err(Error::Content(diagnostics)) = build(&options(dir.path())) else {
        panic!("a template error must fail the build");
    };
    assert!(
        diagnostics
            .render(claimtrail::Format::Human)
            .contains("template")
    );
    assert_eq!(tree(&dir.path().join("public")), before);
}

#[test]
fn refuses_to_replace_a_folder_claimtrail_did_not_create() {
    let dir = site(&[]);
    let public = dir.path().join("public");
    fs::create_dir_all(&public).unwrap();
    fs::write(public.join("notes.txt"), "mine").unwrap();
    let Err(Error::Usage(message)) = build(&options(dir.path())) else {
        panic!("an unmarked output folder must be refused");
    };
    assert!(
        message.contains("was not created by claimtrail"),
        "{message}"
    );
    assert_eq!(
        fs::read_to_string(public.join("notes.txt")).unwrap(),
        "mine"
    );

    let report = build(&BuildOptions {
        force: true,
        ..options(dir.path())
    })
    .unwrap();
    let aside = report.moved_aside.expect("moved aside");
    assert_eq!(
        fs::read_to_string(aside.join("notes.txt")).unwrap(),
        "mine",
        "moved, not deleted"
    );
    assert!(public.join("index.html").is_file());
}

#[test]
fn refuses_output_folders_that_hold_the_site() {
    let dir = site(&[]);
    for output in [".", "content", "content/claims", ".."] {
        let result = build(&BuildOptions {
            output: Some(dir.path().join(output)),
            ..options(dir.path())
        });
        assert!(
            matches!(result, Err(Error::Usage(_))),
            "--output {output} was accepted"
        );
    }
    assert!(
        dir.path()
            .join("content/claims/acme-model-2-cost.md")
            .is_file()
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let first = site(&[]);
    let second = site(&[]);
    build(&options(first.path())).unwrap();
    build(&options(second.path())).unwrap();
    build(&options(second.path())).unwrap();
    assert_eq!(
        tree(&first.path().join("public")),
        tree(&second.path().join("public"))
    );
}

#[cfg(unix)]
#[test]
fn output_permissions_suit_github_pages() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |mode| fs::Permissions::from_mode(mode);
    let dir = site(&[]);
    let private = dir.path().join("static/private");
    fs::create_dir_all(&private).unwrap();
    fs::write(private.join("notes.txt"), "copied with its mode").unwrap();
    fs::set_permissions(private.join("notes.txt"), mode(0o600)).unwrap();
    fs::set_permissions(&private, mode(0o700)).unwrap();
    build(&options(dir.path())).unwrap();
    build(&options(dir.path())).unwrap();
    // The next build writes into the spare tree: modes changed there are fixed too.
    let spare = dir.path().join(".claimtrail-spare-public");
    fs::set_permissions(
        spare.join("claims/acme-model-2-cost/index.html"),
        mode(0o600),
    )
    .unwrap();
    fs::set_permissions(spare.join("claims/acme-model-2-cost"), mode(0o700)).unwrap();
    fs::set_permissions(spare.join(".claimtrail-output"), mode(0o666)).unwrap();
    fs::set_permissions(&spare, mode(0o700)).unwrap();
    build(&options(dir.path())).unwrap();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(dir.path().join("public")) {
        let entry = entry.unwrap();
        let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
        let expected = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        assert_eq!(mode, expected, "{}", entry.path().display());
        assert!(!entry.path_is_symlink());
        checked += 1;
    }
    assert!(checked > 50, "{checked}");
    assert!(dir.path().join("public/private/notes.txt").is_file());
}

#[test]
fn the_example_site_builds_without_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = claimtrail::check(root, false).unwrap();
    assert_eq!(
        checked.diagnostics.error_count(),
        0,
        "{}",
        checked.diagnostics.render(claimtrail::Format::Human)
    );
    let site = checked.site.unwrap();
    assert!(
        site.claims.len() >= 15,
        "the seed article yields 15-20 claims"
    );
    assert!(site.claims.iter().all(|c| c.status == "unverified"));
    let out = tempfile::tempdir().unwrap();
    let report = build(&BuildOptions {
        output: Some(out.path().join("public")),
        ..common::options(root)
    })
    .unwrap();
    assert_eq!(report.claims, site.claims.len());
}

#[test]
fn site_toml_can_relabel_and_add_statuses() {
    let dir = site(&["statuses"]);
    build(&options(dir.path())).unwrap();
    let disputed = read(dir.path(), "public/claims/acme-model-2-cost/index.html");
    assert!(
        disputed.contains("style=\"--status: #9a3412; --status-text: #ffffff\">Contested</span>"),
        "relabelled and recoloured"
    );
    let added = read(dir.path(), "public/status/misleading/index.html");
    assert!(added.contains("Technically true but presented to mislead."));
}

/// Writes `bytes` to `relative` under the site's `static/`, making its folders.
fn put_static(root: &Path, relative: &str, bytes: &str) {
    let path = root.join("static").join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Asserts that `<root>/public` holds what a build into a new folder holds:
/// every file with the same bytes, and no other file.
fn assert_same_as_a_clean_build(root: &Path) {
    let fresh = root.join("fresh");
    build(&BuildOptions {
        output: Some(fresh.clone()),
        ..options(root)
    })
    .unwrap();
    assert_eq!(tree(&root.join("public")), tree(&fresh));
}

#[test]
fn static_files_may_not_take_the_place_of_generated_files() {
    let dir = site(&[]);
    let root = dir.path();
    let replaces = |path: &str| format!("this file would replace the generated file /{path}");
    let mut expected = Vec::new();
    for path in [
        "index.html",
        "claims/acme-model-2-cost/index.html",
        "feed.xml",
        "entities/acme/feed.xml",
        "sitemap.xml",
        "robots.txt",
        "style.css",
        "search.js",
        "claims.json",
        "claims.csv",
        ".nojekyll",
    ] {
        put_static(root, path, "planted");
        expected.push((format!("static/{path}"), replaces(path)));
    }
    // What is planted, the entry reported, and the message.
    for (planted, reported, message) in [
        (
            ".claimtrail-output",
            ".claimtrail-output",
            "this file would replace the output marker /.claimtrail-output",
        ),
        (
            "pagefind/pagefind-ui.js",
            "pagefind/pagefind-ui.js",
            "this file would go into /pagefind/, the search index's folder",
        ),
        (
            "tags",
            "tags",
            "this file would stand where the build writes the folder /tags/",
        ),
        (
            "404.html/inside.txt",
            "404.html",
            "this folder would replace the generated file /404.html",
        ),
    ] {
        put_static(root, planted, "planted");
        expected.push((format!("static/{reported}"), message.to_string()));
    }
    // Beside generated files and inside generated folders is fine.
    put_static(root, "img/logo.svg", "<svg/>");
    put_static(root, "claims/acme-model-2-cost/chart.png", "png");
    put_static(root, "feed.xml.txt", "notes");

    let checked = claimtrail::check(root, false).unwrap();
    assert!(
        checked.site.is_none(),
        "a site with collisions has no model"
    );
    let diagnostics = checked.diagnostics.sorted();
    let mut found: Vec<(String, String)> = diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.severity, claimtrail::Severity::Error, "{}", d.message);
            (d.file.clone(), d.message.clone())
        })
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
    let hint = |file: &str| {
        let found = diagnostics.iter().find(|d| d.file == file).unwrap();
        found.hint.clone().unwrap()
    };
    assert!(hint("static/feed.xml").contains("templates/feed.xml"));
    assert!(hint("static/claims/acme-model-2-cost/index.html").contains("templates/claim.html"));
    assert!(hint("static/claims.json").starts_with("rename or delete it"));

    let Err(Error::Content(diagnostics)) = build(&options(root)) else {
        panic!("a static file in a generated file's place must fail the build");
    };
    assert_eq!(diagnostics.error_count(), expected.len());
    assert!(!root.join("public").exists(), "nothing was written");
}

#[test]
fn a_static_file_removed_between_builds_is_gone_from_the_output() {
    let dir = site(&[]);
    let root = dir.path();
    put_static(root, "notes/removed.txt", "soon gone");
    put_static(root, "kept.txt", "stays");
    build(&options(root)).unwrap();
    assert_eq!(read(root, "public/notes/removed.txt"), "soon gone");
    fs::remove_dir_all(root.join("static/notes")).unwrap();
    // Twice: the second build writes over the spare that held the file.
    for _ in 0..2 {
        build(&options(root)).unwrap();
        assert!(
            !root.join("public/notes").exists(),
            "a removed static file survived"
        );
        assert_eq!(read(root, "public/kept.txt"), "stays");
    }
    assert_same_as_a_clean_build(root);
}

#[test]
fn a_rebuild_after_a_static_collision_is_fixed_equals_a_clean_build() {
    let dir = site(&[]);
    let root = dir.path();
    build(&options(root)).unwrap();
    // The reproducer: a planted marker, refused now.
    put_static(root, ".claimtrail-output", "planted marker");
    put_static(root, "extra.txt", "extra");
    assert!(matches!(build(&options(root)), Err(Error::Content(_))));
    fs::remove_file(root.join("static/.claimtrail-output")).unwrap();
    build(&options(root)).unwrap();
    fs::remove_file(root.join("static/extra.txt")).unwrap();
    build(&options(root)).unwrap();
    assert_same_as_a_clean_build(root);
}

#[test]
fn a_marker_planted_by_an_older_build_does_not_outlive_the_next_rebuilds() {
    let dir = site(&[]);
    let root = dir.path();
    let public = root.join("public");
    build(&options(root)).unwrap();
    let marker = fs::read(public.join(claimtrail::write::MARKER)).unwrap();
    // What copying static/.claimtrail-output used to leave in the output.
    fs::write(public.join(claimtrail::write::MARKER), "planted").unwrap();
    // The planted tree becomes the spare on the first rebuild and is written
    // over on the second; the third writes over the first's tree again.
    for rebuild in 1..=3 {
        build(&options(root)).unwrap();
        assert_eq!(
            fs::read(public.join(claimtrail::write::MARKER)).unwrap(),
            marker,
            "rebuild {rebuild} kept the planted marker"
        );
    }
    assert_same_as_a_clean_build(root);
}

// Templates: `check` fails exactly when `build` would, a failed build touches
// no folder, and a runaway template stops with an error.

/// What a build leaves beside the output: its staging and spare folders.
fn build_leftovers(root: &Path) -> Vec<String> {
    fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".claimtrail-"))
        .collect()
}

/// The base site with the fixture's small `[limits]` and `tag.html` replaced
/// by the runaway template `case` of `tests/fixtures/runaway/`.
fn runaway_site(case: &str) -> tempfile::TempDir {
    let dir = site(&[]);
    let runaway = common::fixtures().join("runaway");
    fs::copy(runaway.join("site.toml"), dir.path().join("site.toml")).unwrap();
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    fs::copy(
        runaway.join(format!("{case}.html")),
        dir.path().join("templates/tag.html"),
    )
    .unwrap();
    dir
}

/// The errors of a failed build, flattened like `check_flat`'s.
fn build_errors(root: &Path) -> Vec<common::Flat> {
    let Err(Error::Content(diagnostics)) = build(&options(root)) else {
        panic!("the build must fail with content errors");
    };
    common::flat(&diagnostics)
}

/// (file, line) of each diagnostic.
fn places(found: &[common::Flat]) -> Vec<(&str, Option<usize>)> {
    found.iter().map(|d| (d.1.as_str(), d.2)).collect()
}

#[test]
fn check_reports_every_broken_template_located() {
    let dir = site(&["broken-templates"]);
    let found = common::check_flat(dir.path());
    assert_eq!(
        places(&found),
        [
            ("templates/claim.html", Some(3)),
            ("templates/entity.html", Some(3)),
            ("templates/page.html", Some(3)),
            ("templates/tags.html", Some(2)),
        ],
        "{found:#?}"
    );
    assert!(found.iter().all(|d| d.0 == "error"), "{found:#?}");
    let messages: Vec<&str> = found.iter().map(|d| d.4.as_str()).collect();
    assert!(
        messages[0].starts_with("this template does not compile: "),
        "{messages:?}"
    );
    assert!(
        messages[1]
            .starts_with("cannot render entities/acme-model-1/index.html and 3 other files: "),
        "{messages:?}"
    );
    assert_eq!(
        messages[2],
        "cannot render pages/about/index.html: this page is not ready"
    );
    assert!(
        messages[3].contains("Unknown filter `no_such_filter`"),
        "{messages:?}"
    );
}

#[test]
fn a_broken_template_fails_the_build_before_it_touches_any_folder() {
    let dir = site(&["broken-templates"]);
    assert!(!build_errors(dir.path()).is_empty());
    assert!(!dir.path().join("public").exists());
    assert_eq!(build_leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_template_failing_on_one_late_page_fails_check_and_build_alike() {
    let dir = site(&[]);
    build(&options(dir.path())).unwrap();
    let before = tree(&dir.path().join("public"));
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    // Only the last tag page fails, so a build finds it while writing.
    fs::write(
        dir.path().join("templates/tag.html"),
        "{% extends \"base.html\" %}{% block content %}\n\
         {% if tag.slug == \"product\" %}\n{{ throw(message=\"no product pages\") }}\n{% endif %}\n\
         {% endblock content %}",
    )
    .unwrap();
    let expected = vec![(
        "error".to_string(),
        "templates/tag.html".to_string(),
        Some(3),
        Some(4),
        "cannot render tags/product/index.html: no product pages".to_string(),
    )];
    assert_eq!(common::check_flat(dir.path()), expected);
    assert_eq!(build_errors(dir.path()), expected);
    assert_eq!(tree(&dir.path().join("public")), before);
    assert_eq!(build_leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_runaway_template_that_writes_stops_check_and_build() {
    let dir = runaway_site("output-loop");
    let found = common::check_flat(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].1, "templates/tag.html");
    let message = &found[0].4;
    // Stopped once, on the first tag page: the others are not tried.
    assert!(
        message.starts_with("cannot render tags/benchmarks/index.html: "),
        "{message}"
    );
    assert!(message.contains("limit (`"), "{message}");
    assert!(message.contains("in [limits] of site.toml"), "{message}");
    let built = build_errors(dir.path());
    assert_eq!(places(&built), [("templates/tag.html", None)], "{built:#?}");
    assert!(
        built[0].4.contains("in [limits] of site.toml"),
        "{built:#?}"
    );
    assert!(!dir.path().join("public").exists());
    assert_eq!(build_leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_runaway_loop_over_range_without_output_stops_check_and_build() {
    let dir = runaway_site("silent-range-loop");
    let expected = "cannot render tags/benchmarks/index.html: \
        it ran past the 1 s limit (`render_seconds` in [limits] of site.toml)";
    let found = common::check_flat(dir.path());
    // Located at the `range` call that refused to run.
    assert_eq!(places(&found), [("templates/tag.html", Some(4))]);
    assert_eq!(found[0].4, expected);
    let built = build_errors(dir.path());
    assert_eq!(places(&built), [("templates/tag.html", Some(4))]);
    assert_eq!(built[0].4, expected);
    assert!(!dir.path().join("public").exists());
}
