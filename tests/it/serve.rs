//! `claimtrail serve`: the real binary on a free loopback port, fetched over HTTP.
//!
//! Every wait is bounded: a test that sees no reload within the limit fails,
//! it never hangs. Nothing here times how fast a rebuild is.

use crate::common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Upper bound for anything the server must do in response to the test.
const LIMIT: Duration = Duration::from_secs(60);

const CLAIM: &str = "content/claims/acme-model-2-cost.md";
const TITLE: &str = "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1";

/// A running `claimtrail serve`, killed when dropped.
struct Server {
    child: Child,
    url: String,
    stderr: mpsc::Receiver<String>,
}

impl Server {
    fn start(root: &Path, extra: &[&str]) -> Server {
        Server::start_with(root, extra, |_| {})
    }

    /// Starts the server after `setup` adjusts its command (environment, say).
    fn start_with(root: &Path, extra: &[&str], setup: impl FnOnce(&mut Command)) -> Server {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("claimtrail"));
        command.env_remove("BROWSER");
        setup(&mut command);
        let mut child = command
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = read_lines(child.stdout.take().unwrap());
        let stderr = read_lines(child.stderr.take().unwrap());
        let mut server = Server {
            child,
            url: String::new(),
            stderr,
        };
        let line = wait_for(&stdout, "serve printed no URL", |l| {
            l.starts_with("serving ")
        });
        let url = line.split(" at ").nth(1).unwrap();
        server.url = url.split_whitespace().next().unwrap().to_string();
        server
    }

    /// The origin, e.g. `http://127.0.0.1:40123`.
    fn origin(&self) -> String {
        let after_scheme = &self.url["http://".len()..];
        let host = after_scheme.split('/').next().unwrap();
        format!("http://{host}")
    }

    /// GET a path on the origin: (status, content type, body).
    fn get(&self, path: &str) -> (u16, String, String) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(LIMIT))
            .build()
            .into();
        let response = agent
            .get(&format!("{}{path}", self.origin()))
            .call()
            .unwrap();
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let body = response.into_body().read_to_vec().unwrap();
        let body = String::from_utf8_lossy(&body).into_owned();
        (status, content_type, body)
    }

    /// Subscribes to the reload stream; returns once the server has accepted it.
    fn reloads(&self) -> mpsc::Receiver<String> {
        let url = format!("{}/__claimtrail/reload", self.origin());
        let (sender, events) = mpsc::channel();
        let (ready, is_ready) = mpsc::channel();
        std::thread::spawn(move || {
            let response = ureq::get(&url).call().unwrap();
            ready.send(()).unwrap();
            let reader = BufReader::new(response.into_body().into_reader());
            for line in reader.lines().map_while(Result::ok) {
                if let Some(event) = line.strip_prefix("event: ") {
                    let _ = sender.send(event.to_string());
                }
            }
        });
        is_ready
            .recv_timeout(LIMIT)
            .expect("the reload stream did not open");
        events
    }
}

/// The first line from `lines` that `wanted` accepts, within [`LIMIT`].
fn wait_for(lines: &mpsc::Receiver<String>, what: &str, wanted: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + LIMIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let line = lines.recv_timeout(left).expect(what);
        if wanted(&line) {
            return line;
        }
    }
}

/// Forwards each line of `stream` as it arrives, so the pipe never fills up.
fn read_lines(stream: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (sender, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let _ = sender.send(line);
        }
    });
    lines
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn expect_reload(events: &mpsc::Receiver<String>) {
    let event = events.recv_timeout(LIMIT).expect("no reload event in time");
    assert_eq!(event, "reload");
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(&path, text.replace(from, to)).unwrap();
}

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

/// Waits (bounded) until `path` has a line, and returns its first line.
fn first_line_of(path: &Path) -> String {
    let deadline = Instant::now() + LIMIT;
    loop {
        let text = fs::read_to_string(path).unwrap_or_default();
        if let Some(line) = text.lines().next().filter(|l| !l.is_empty()) {
            return line.to_string();
        }
        assert!(Instant::now() < deadline, "no browser was started");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A stand-in browser: a script that writes the URL it is given to `out`.
#[cfg(unix)]
fn fake_browser(script: &Path, out: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let text = format!(
        "#!/bin/sh\n[ -n \"$1\" ] && printf '%s\\n' \"$1\" >> '{}'\nexit 0\n",
        out.display()
    );
    fs::write(script, text).unwrap();
    fs::set_permissions(script, fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn open_starts_the_browser_named_by_browser_at_the_site() {
    let dir = common::site(&[]);
    let tools = tempfile::tempdir().unwrap();
    let (script, opened) = (tools.path().join("browser"), tools.path().join("opened"));
    fake_browser(&script, &opened);
    let server = Server::start_with(
        dir.path(),
        &[
            "--open",
            "--base-url",
            "https://example.github.io/ai-claims/",
        ],
        |command| {
            command.env("BROWSER", &script);
        },
    );
    let url = first_line_of(&opened);
    assert_eq!(url, server.url);
    assert!(url.ends_with("/ai-claims/"), "{url}");
    assert_eq!(server.get("/ai-claims/").0, 200, "the opened URL is served");
}

#[cfg(target_os = "linux")]
#[test]
fn open_without_browser_uses_the_desktop_opener() {
    let dir = common::site(&[]);
    let tools = tempfile::tempdir().unwrap();
    let opened = tools.path().join("opened");
    fake_browser(&tools.path().join("xdg-open"), &opened);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![tools.path().to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    let path = std::env::join_paths(paths).unwrap();
    let server = Server::start_with(dir.path(), &["--open"], |command| {
        command.env("PATH", &path);
    });
    assert_eq!(first_line_of(&opened), server.url);
}

#[test]
fn without_open_no_browser_starts() {
    let dir = common::site(&[]);
    let tools = tempfile::tempdir().unwrap();
    let opened = tools.path().join("opened");
    #[cfg(unix)]
    fake_browser(&tools.path().join("browser"), &opened);
    let server = Server::start_with(dir.path(), &[], |command| {
        command.env("BROWSER", tools.path().join("browser"));
    });
    assert_eq!(server.get("/").0, 200);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!opened.exists(), "a browser was started without --open");
}

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
