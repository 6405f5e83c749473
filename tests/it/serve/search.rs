//! The search index is built in the background and follows edits, unless
//! search is off.

use super::*;

/// Polls `path` until it answers 200, for at most `LIMIT`.
fn eventually_served(server: &Server, path: &str) -> bool {
    let deadline = Instant::now() + LIMIT;
    while Instant::now() < deadline {
        if server.get(path).0 == 200 {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

#[test]
fn the_search_index_is_built_in_the_background_and_follows_edits() {
    let dir = common::site(&[]);
    let server = Server::start(dir.path(), &[]);
    // Pages are served at once; the index follows once the site has been quiet.
    assert_eq!(server.get("/claims/acme-model-2-cost/").0, 200);
    assert!(
        eventually_served(&server, "/pagefind/pagefind.js"),
        "no search index"
    );
    let (_, _, entry) = server.get("/pagefind/pagefind-entry.json");
    assert!(entry.contains("\"version\""), "{entry}");
    let (_, _, stamp) = server.get("/pagefind/claimtrail-search.hash");
    let events = server.reloads();
    edit(
        dir.path(),
        CLAIM,
        TITLE,
        "Acme Model 2 gets a searchable new title",
    );
    expect_reload(&events);
    let deadline = Instant::now() + LIMIT;
    while server.get("/pagefind/claimtrail-search.hash").2 == stamp {
        assert!(
            Instant::now() < deadline,
            "the index never followed the edit"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn serve_without_search_builds_no_index() {
    let dir = common::site(&[]);
    let server = Server::start(dir.path(), &["--no-search"]);
    assert_eq!(server.get("/claims/acme-model-2-cost/").0, 200);
    // Longer than the 2 s of quiet after which serve would index.
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(server.get("/pagefind/pagefind.js").0, 404);
}
