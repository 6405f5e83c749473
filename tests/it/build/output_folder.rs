//! Site templates and static files override the defaults; a failed build keeps
//! the previous output; folders claimtrail did not create are refused.

use super::*;

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
