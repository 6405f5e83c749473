//! Templates: `check` fails exactly when `build` would, a failed build touches
//! no folder, and a runaway template stops with an error.

use super::*;

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
