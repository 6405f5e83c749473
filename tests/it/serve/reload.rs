//! An edit reloads the open tab, and every page that shows the edited claim
//! changes with it.

use super::*;

#[test]
fn an_edit_reloads_the_tab_and_changes_the_page() {
    let dir = common::site(&[]);
    let server = Server::start(dir.path(), &[]);
    let (status, content_type, page) = server.get("/claims/acme-model-2-cost/");
    assert_eq!(status, 200);
    assert_eq!(content_type, "text/html; charset=utf-8");
    assert!(page.contains(TITLE));
    assert!(page.contains("new EventSource(\"/__claimtrail/reload\")"));

    let events = server.reloads();
    edit(
        dir.path(),
        CLAIM,
        TITLE,
        "Acme Model 2 is edited while serving",
    );
    expect_reload(&events);
    let (_, _, page) = server.get("/claims/acme-model-2-cost/");
    assert!(
        page.contains("Acme Model 2 is edited while serving"),
        "{page}"
    );
    assert!(!page.contains(TITLE));
    assert!(!dir.path().join("public").exists(), "serve wrote public/");
}

#[test]
fn pages_listing_an_edited_claim_show_the_edit_too() {
    let dir = common::site(&[]);
    let server = Server::start(dir.path(), &[]);
    let lists = [
        "/",
        "/timeline/",
        "/tags/inference-cost/",
        "/status/disputed/",
        "/claims.json",
        "/feed.xml",
    ];
    // Asked for once before the edit, so an answer kept from then would show.
    for path in lists {
        let (status, _, body) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(body.contains(TITLE), "{path} does not list the claim");
    }
    let events = server.reloads();
    edit(
        dir.path(),
        CLAIM,
        TITLE,
        "Acme Model 2 renamed while listed",
    );
    expect_reload(&events);
    for path in lists {
        let (status, _, body) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(
            body.contains("Acme Model 2 renamed while listed"),
            "{path}: {body}"
        );
        assert!(!body.contains(TITLE), "{path} still shows the old title");
    }
}
