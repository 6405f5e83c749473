//! Errors under `serve` show an error page, first the error, then the warnings,
//! until the next good save.

use super::*;

#[test]
fn a_template_error_shows_the_error_page_on_the_pages_that_use_it() {
    let dir = common::site(&[]);
    let server = Server::start(dir.path(), &[]);
    let events = server.reloads();
    fs::create_dir_all(dir.path().join("templates")).unwrap();
    fs::write(
        dir.path().join("templates/tag.html"),
        "<p>{{ no_such_variable.field }}</p>\n",
    )
    .unwrap();
    expect_reload(&events);

    let (status, _, page) = server.get("/tags/inference-cost/");
    assert_eq!(status, 500, "{page}");
    assert!(page.contains("The site has errors"), "{page}");
    assert!(page.contains("templates/tag.html"), "{page}");
    assert!(
        page.contains("cannot render tags/inference-cost/index.html"),
        "{page}"
    );
    assert!(
        page.contains("/__claimtrail/reload"),
        "the error page must reload too"
    );
    wait_for(
        &server.stderr,
        "the terminal shows no template error",
        |l| l.contains("cannot render tags/inference-cost/index.html"),
    );
    let (status, _, claim) = server.get("/claims/acme-model-2-cost/");
    assert_eq!(status, 200, "pages without the template still work");
    assert!(claim.contains(TITLE));

    fs::remove_file(dir.path().join("templates/tag.html")).unwrap();
    expect_reload(&events);
    let (status, _, page) = server.get("/tags/inference-cost/");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(TITLE));
}

#[test]
fn a_broken_edit_shows_the_errors_until_the_next_good_save() {
    let dir = common::site(&[]);
    let server = Server::start(dir.path(), &[]);
    let events = server.reloads();

    edit(
        dir.path(),
        CLAIM,
        "status = \"disputed\"",
        "status = \"suported\"",
    );
    expect_reload(&events);
    let (status, _, page) = server.get("/claims/acme-model-2-cost/");
    assert_eq!(status, 500);
    assert!(page.contains("The site has errors"), "{page}");
    assert!(page.contains("unknown status `suported`"), "{page}");
    assert!(page.contains(CLAIM), "{page}");
    assert!(
        page.contains("/__claimtrail/reload"),
        "the error page must reload too"
    );
    let (status, _, home) = server.get("/");
    assert_eq!(status, 500, "every page shows the errors: {home}");
    wait_for(&server.stderr, "the terminal shows no errors", |l| {
        l.contains("unknown status `suported`")
    });

    edit(
        dir.path(),
        CLAIM,
        "status = \"suported\"",
        "status = \"disputed\"",
    );
    expect_reload(&events);
    let (status, _, page) = server.get("/claims/acme-model-2-cost/");
    assert_eq!(status, 200);
    assert!(page.contains(TITLE));
}

#[test]
fn the_error_page_shows_the_error_first_and_the_alike_warnings_as_one_line() {
    let dir = common::site(&["unlinked-citations"]);
    let server = Server::start(dir.path(), &[]);
    let grouped = "warning: 5 citations have no url or archive: \
                   content/claims/unlinked-a.md:7, content/claims/unlinked-b.md:7, \
                   content/claims/unlinked-c.md:7 and 2 more (show all with --verbose)";
    wait_for(
        &server.stderr,
        "the terminal shows no grouped warning",
        |l| l == grouped,
    );
    let events = server.reloads();

    // The error is in the last file, so sorted by file alone it would come after the warnings.
    edit(
        dir.path(),
        "content/claims/unlinked-e.md",
        "status = \"unverified\"",
        "status = \"suported\"",
    );
    expect_reload(&events);
    let (status, _, page) = server.get("/");
    assert_eq!(status, 500, "{page}");
    let at = |text: &str| {
        page.find(text)
            .unwrap_or_else(|| panic!("no {text:?} in {page}"))
    };
    assert!(at("<section class=\"errors\">\n<h2>1 error</h2>") < at("unknown status `suported`"));
    assert!(at("unknown status `suported`") < at("<section class=\"warnings\">"));
    assert!(at("<section class=\"warnings\">") < at(grouped));
    assert_eq!(
        page.matches("citations have no url or archive").count(),
        1,
        "{page}"
    );
}

#[test]
fn a_static_file_in_a_generated_files_place_shows_the_error_page() {
    let dir = common::site(&[]);
    fs::create_dir_all(dir.path().join("static/pagefind")).unwrap();
    fs::write(
        dir.path().join("static/pagefind/pagefind-ui.js"),
        "alert(1)",
    )
    .unwrap();
    let server = Server::start(dir.path(), &["--no-search"]);
    let (status, _, page) = server.get("/");
    assert_eq!(status, 500, "{page}");
    assert!(
        page.contains("static/pagefind/pagefind-ui.js"),
        "the error page names the file: {page}"
    );
    let (_, _, script) = server.get("/pagefind/pagefind-ui.js");
    assert!(
        !script.contains("alert(1)"),
        "the planted script was served"
    );
}
