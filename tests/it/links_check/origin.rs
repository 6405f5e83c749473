//! The fake origin site the link checks visit: one path for each kind of
//! answer a cited page can give, and a site whose content cites them.

use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;

use crate::common::fake_web::FakeWeb;

/// How long `/slow` takes to answer: longer than the site's timeout.
const SLOW: Duration = Duration::from_secs(5);

/// Serves:
/// - `/live`: 200; `/moved`: 301 to `/live`;
/// - `/missing`: 404; `/gone`: 410;
/// - `/no-head`: 405 to HEAD, 200 to GET;
/// - `/busy`: 429 with `Retry-After: 1` the first time, then 200;
/// - `/broken`: 500; `/slow`: 200 after [`SLOW`]; `/loop`: redirects to
///   `/loop-back`, which redirects to `/loop`.
pub fn start() -> FakeWeb {
    let busy_answers = Arc::new(AtomicUsize::new(0));
    let busy = move || {
        let answers = busy_answers.clone();
        async move {
            if answers.fetch_add(1, Ordering::SeqCst) == 0 {
                (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response()
            } else {
                "ok".into_response()
            }
        }
    };
    let router = Router::new()
        .route("/live", get(|| async { "ok" }))
        .route("/moved", get(|| async { Redirect::permanent("/live") }))
        .route("/missing", get(|| async { StatusCode::NOT_FOUND }))
        .route("/gone", get(|| async { StatusCode::GONE }))
        .route(
            "/no-head",
            get(|| async { "ok" }).head(|| async { StatusCode::METHOD_NOT_ALLOWED }),
        )
        .route("/busy", get(busy))
        .route(
            "/broken",
            get(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
        )
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(SLOW).await;
                "ok"
            }),
        )
        .route("/loop", get(|| async { Redirect::temporary("/loop-back") }))
        .route("/loop-back", get(|| async { Redirect::temporary("/loop") }));
    FakeWeb::start(router)
}

/// Requests `web` received for `path`.
pub fn hits_on(web: &FakeWeb, path: &str) -> usize {
    web.hits().iter().filter(|hit| hit.target == path).count()
}

/// The site settings: a one-second timeout, the cache where `init` puts it.
const SITE_TOML: &str = "title = \"Links\"\nbase_url = \"https://example.org/\"\n\n[archive]\ntimeout_seconds = 1\nmax_wait_seconds = 5\n";

/// A site in a temp dir whose claim `content/claims/c.md` cites each of
/// `claim_paths` on `web`, one `[[citations]]` each (the `url` of the i-th
/// on line [`citation_line`]`(i)`), and appeared in the document
/// `content/documents/d.md`, whose `url` (line 4) is `document_path`.
pub fn site_citing(web: &FakeWeb, claim_paths: &[&str], document_path: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.toml", SITE_TOML);
    write(
        root,
        "content/sources/lab.md",
        "+++\nname = \"Lab\"\nkind = \"research\"\n+++\n",
    );
    write(
        root,
        "content/sources/press.md",
        "+++\nname = \"Press\"\nkind = \"press\"\n+++\n",
    );
    let document = format!(
        "+++\ntitle = \"Report\"\nsource = \"lab\"\nurl = \"{}\"\n+++\n",
        web.url(document_path)
    );
    write(root, "content/documents/d.md", &document);
    let mut claim = String::from(
        "+++\ntitle = \"A claim\"\ndate = 2026-01-01\nclaimant = \"lab\"\nstatus = \"unverified\"\n\n[[appearances]]\ndocument = \"d\"\n",
    );
    for path in claim_paths {
        let url = web.url(path);
        claim.push_str(&format!(
            "\n[[citations]]\nsource = \"press\"\nurl = \"{url}\"\nstance = \"supports\"\n"
        ));
    }
    claim.push_str("+++\nBody.\n");
    write(root, "content/claims/c.md", &claim);
    dir
}

/// The line of the `url` of the i-th (from 0) citation of the claim.
pub fn citation_line(index: usize) -> usize {
    12 + 5 * index
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}
