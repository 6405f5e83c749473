//! A fake Wayback Machine (CDX, availability and replay APIs) and the
//! fixture sites whose cited URLs point at fake servers.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path as UrlPath, Query};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::common::fake_web::FakeWeb;
use crate::common::{copy_tree, fixtures};

/// One archived copy.
#[derive(Clone)]
pub struct Capture {
    /// `YYYYMMDDhhmmss`.
    pub timestamp: &'static str,
    /// The `Content-Type` the replay answers with.
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Capture {
    pub fn html(timestamp: &'static str, body: impl Into<Vec<u8>>) -> Capture {
        Capture {
            timestamp,
            content_type: "text/html; charset=utf-8",
            body: body.into(),
        }
    }
}

/// The captures the archive holds for a URL, oldest first.
pub type Captures = Arc<dyn Fn(&str) -> Vec<Capture> + Send + Sync>;

/// A fake archive answering from `captures`.
pub fn archive(captures: Captures) -> FakeWeb {
    FakeWeb::start(archive_routes(captures))
}

/// The routes of a fake archive answering from `captures`.
pub fn archive_routes(captures: Captures) -> Router {
    let (cdx, available, replay) = (captures.clone(), captures.clone(), captures);
    Router::new()
        .route(
            "/cdx",
            get(
                move |Query(q): Query<HashMap<String, String>>| async move { cdx_answer(&cdx, &q) },
            ),
        )
        .route(
            "/wayback/available",
            get(move |Query(q): Query<HashMap<String, String>>| async move {
                availability_answer(&available, &q)
            }),
        )
        .route(
            "/web/{*rest}",
            get(move |UrlPath(rest): UrlPath<String>| async move { replay_answer(&replay, &rest) }),
        )
}

/// The newest capture not after `to` (the CDX server's `limit=-1`).
fn cdx_answer(captures: &Captures, query: &HashMap<String, String>) -> Response {
    let url = &query["url"];
    let to = query.get("to").map_or("99999999999999", String::as_str);
    assert_eq!(query.get("limit").map(String::as_str), Some("-1"));
    let rows: Vec<[String; 2]> = captures(url)
        .into_iter()
        .filter(|c| c.timestamp <= to)
        .map(|c| [c.timestamp.to_string(), "200".to_string()])
        .collect();
    let mut json = vec![["timestamp".to_string(), "statuscode".to_string()]];
    json.extend(rows.last().cloned());
    if json.len() == 1 {
        return "[]".into_response();
    }
    serde_json::to_string(&json).unwrap().into_response()
}

/// The capture closest to `timestamp`, before or after.
fn availability_answer(captures: &Captures, query: &HashMap<String, String>) -> Response {
    let url = &query["url"];
    let wanted: i64 = query
        .get("timestamp")
        .map_or(0, |t| format!("{t:0<14}").parse().unwrap());
    let closest = captures(url)
        .into_iter()
        .min_by_key(|c| (c.timestamp.parse::<i64>().unwrap() - wanted).abs());
    let snapshots = match closest {
        Some(c) => {
            serde_json::json!({"closest": {"available": true, "status": "200", "timestamp": c.timestamp,
            "url": format!("http://archive.invalid/web/{}/{url}", c.timestamp)}})
        }
        None => serde_json::json!({}),
    };
    serde_json::json!({"url": url, "archived_snapshots": snapshots})
        .to_string()
        .into_response()
}

/// `/web/<timestamp>id_/<url>`: the capture's bytes with its content type.
fn replay_answer(captures: &Captures, rest: &str) -> Response {
    let (stamp, url) = rest.split_once('/').unwrap();
    let stamp = stamp
        .strip_suffix("id_")
        .expect("claimtrail fetches the raw capture");
    match captures(url).into_iter().find(|c| c.timestamp == stamp) {
        Some(c) => ([(header::CONTENT_TYPE, c.content_type)], c.body).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// A copy of the fixture site `name` with the placeholder hosts replaced by
/// the fake servers.
pub fn site(name: &str, archive: &FakeWeb, origin: &FakeWeb) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join(name), dir.path());
    point_at(dir.path(), archive, origin);
    dir
}

/// The archive fixture's settings, sources and entities with one claim of
/// its own, `content/claims/<id>.md`, titled `title`, by `fixture-lab`, about
/// `fixture-model`, with `entries` (its `[[citations]]`) as its frontmatter's
/// end; the placeholder hosts replaced by the fake servers.
pub fn one_claim_site(
    id: &str,
    title: &str,
    entries: &str,
    archive: &FakeWeb,
    origin: &FakeWeb,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixtures().join("archive");
    std::fs::copy(fixture.join("site.toml"), dir.path().join("site.toml")).unwrap();
    for folder in ["content/sources", "content/entities"] {
        copy_tree(&fixture.join(folder), &dir.path().join(folder));
    }
    let claim = format!(
        "+++\ntitle = \"{title}\"\ndate = 2026-01-02\nclaimant = \"fixture-lab\"\n\
         status = \"unverified\"\nentities = [\"fixture-model\"]\n{entries}+++\n"
    );
    let claims = dir.path().join("content/claims");
    std::fs::create_dir_all(&claims).unwrap();
    std::fs::write(claims.join(format!("{id}.md")), claim).unwrap();
    point_at(dir.path(), archive, origin);
    dir
}

/// Replaces `http://archive.invalid` and `http://origin.invalid` in every file under `root`.
pub fn point_at(root: &Path, archive: &FakeWeb, origin: &FakeWeb) {
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let text = text
                .replace("http://archive.invalid", &archive.origin)
                .replace("http://origin.invalid", &origin.origin);
            std::fs::write(entry.path(), text).unwrap();
        }
    }
}

/// Runs `claimtrail archive --root <root>` with `args`.
pub fn run(root: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["archive", "--root"])
        .arg(root)
        .args(args)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap()
}

/// The lock file at `root`, parsed.
pub fn lock(root: &Path) -> claimtrail::archive_lock::ArchiveLock {
    let text = std::fs::read_to_string(root.join("archive.lock")).unwrap();
    claimtrail::archive_lock::ArchiveLock::parse(&text).unwrap()
}
