//! What the server answers: the site's 404 page for paths that leave the site,
//! content types, a sub-path from the base URL, and a clean stop on Ctrl-C.

use super::*;

#[test]
fn paths_that_leave_the_site_get_the_sites_404_page() {
    let dir = common::site(&[]);
    let server = Server::start(dir.path(), &[]);
    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/claims/%2E%2E/%2e%2e/site.toml",
        "/%2e%2e%2fsite.toml",
        "//etc/passwd",
        "/%2Fetc/passwd",
        "/claims/..%5c..%5csite.toml",
        "/no-such-page/",
    ] {
        let (status, content_type, body) = server.get(path);
        assert_eq!(status, 404, "{path}");
        assert_eq!(content_type, "text/html; charset=utf-8", "{path}");
        assert!(body.contains("Page not found"), "{path}: {body}");
        assert!(!body.contains("base_url"), "{path} leaked site.toml");
    }
}

#[test]
fn files_have_their_content_types_and_build_output_has_no_reload_script() {
    let dir = common::site(&[]);
    fs::create_dir_all(dir.path().join("static/img")).unwrap();
    fs::write(dir.path().join("static/img/logo.png"), b"\x89PNG\r\n").unwrap();
    let server = Server::start(dir.path(), &[]);
    for (path, expected) in [
        ("/style.css", "text/css; charset=utf-8"),
        ("/feed.xml", "text/xml; charset=utf-8"),
        ("/claims.json", "application/json; charset=utf-8"),
        ("/sitemap.xml", "text/xml; charset=utf-8"),
        ("/img/logo.png", "image/png"),
    ] {
        let (status, content_type, _) = server.get(path);
        assert_eq!((status, content_type.as_str()), (200, expected), "{path}");
    }
    let (status, _, _) = server.get("/claims/acme-model-2-cost");
    assert_eq!(status, 308, "a folder without its slash redirects");

    claimtrail::build(&common::options(dir.path())).unwrap();
    for (path, bytes) in common::tree(&dir.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__claimtrail"),
            "{path} has the reload script"
        );
    }
}

#[test]
fn a_base_url_with_a_sub_path_mounts_the_site_there() {
    let dir = common::site(&[]);
    let server = Server::start(
        dir.path(),
        &["--base-url", "https://example.github.io/ai-claims/"],
    );
    assert!(server.url.ends_with("/ai-claims/"), "{}", server.url);
    let (status, _, home) = server.get("/ai-claims/");
    assert_eq!(status, 200);
    assert!(home.contains("href=\"/ai-claims/claims/acme-model-2-cost/\""));
    assert_eq!(server.get("/ai-claims/claims/acme-model-2-cost/").0, 200);
    assert_eq!(server.get("/claims/acme-model-2-cost/").0, 404);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly_even_with_a_tab_open() {
    let dir = common::site(&[]);
    let mut server = Server::start(dir.path(), &[]);
    let _events = server.reloads();
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let deadline = Instant::now() + LIMIT;
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "serve did not stop after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
}

/// Runs `claimtrail release <version>` on the site at `root`.
fn release(root: &Path, version: &str) {
    let status = Command::new(assert_cmd::cargo::cargo_bin("claimtrail"))
        .args(["release", version, "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
}

#[test]
fn releases_are_served_as_build_publishes_them_and_new_ones_appear() {
    let dir = common::site(&[]);
    release(dir.path(), "1.0.0");
    let server = Server::start(dir.path(), &[]);
    let on_disk = fs::read_to_string(dir.path().join("data/releases/1.0.0/claims.json")).unwrap();
    let (status, content_type, body) = server.get("/data/releases/1.0.0/claims.json");
    assert_eq!(
        (status, content_type.as_str()),
        (200, "application/json; charset=utf-8")
    );
    assert_eq!(body, on_disk, "the frozen bytes, unchanged");
    let (status, _, _) = server.get("/data/releases/1.0.0/SHA256SUMS");
    assert_eq!(status, 200);

    let events = server.reloads();
    edit(dir.path(), CLAIM, TITLE, "A retitled claim");
    expect_reload(&events);
    release(dir.path(), "1.1.0");
    expect_reload(&events);
    let (status, _, body) = server.get("/data/releases/1.1.0/claims.json");
    assert_eq!(status, 200, "a release made while serving is served");
    assert!(body.contains("A retitled claim"));
}
