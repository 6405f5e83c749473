//! Static files may not take the place of generated files, and rebuilds after
//! static files change equal a clean build.

use super::*;

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
