//! Many cited URLs: a run killed half way keeps what it finished, and a
//! 200-URL site measured against the fake servers (docs/performance.md).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Path as UrlPath;
use axum::routing::get;

use super::fake::{self, Capture};
use crate::common::fake_web::FakeWeb;
use crate::common::{copy_tree, fixtures};

/// An origin whose every page `/p/<n>` answers after `latency`.
fn slow_origin(latency: Duration) -> FakeWeb {
    FakeWeb::start(Router::new().route(
        "/p/{n}",
        get(move |UrlPath(n): UrlPath<u32>| async move {
            tokio::time::sleep(latency).await;
            format!("page {n}")
        }),
    ))
}

/// An archive holding one capture of every page, quoting its number.
fn bulk_archive(latency: Duration) -> FakeWeb {
    let captures: fake::Captures = Arc::new(|url: &str| {
        let n = url.rsplit('/').next().unwrap_or_default();
        vec![Capture::html(
            "20260101000000",
            format!("<p>Page {n} says its passage plainly.</p>"),
        )]
    });
    let routes = fake::archive_routes(captures).layer(axum::middleware::from_fn(
        move |request: axum::extract::Request, next: axum::middleware::Next| async move {
            tokio::time::sleep(latency).await;
            next.run(request).await
        },
    ));
    FakeWeb::start(routes)
}

/// A site citing `urls` pages of `origin`, ten per claim, each with a quote.
fn bulk_site(urls: usize, archive: &FakeWeb, origin: &FakeWeb) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = fixtures().join("archive");
    std::fs::copy(fixture.join("site.toml"), dir.path().join("site.toml")).unwrap();
    for folder in ["content/sources", "content/entities"] {
        copy_tree(&fixture.join(folder), &dir.path().join(folder));
    }
    let claims = dir.path().join("content/claims");
    std::fs::create_dir_all(&claims).unwrap();
    for (claim, pages) in (0..urls).collect::<Vec<_>>().chunks(10).enumerate() {
        let mut text = format!(
            "+++\ntitle = \"Bulk claim {claim}\"\ndate = 2026-01-02\nclaimant = \"fixture-lab\"\n\
             status = \"unverified\"\nentities = [\"fixture-model\"]\n"
        );
        for n in pages {
            text.push_str(&format!(
                "\n[[citations]]\nsource = \"fixture-press\"\nurl = \"http://origin.invalid/p/{n}\"\n\
                 stance = \"supports\"\nquote = \"Page {n} says its passage plainly.\"\n"
            ));
        }
        text.push_str("+++\n");
        std::fs::write(claims.join(format!("bulk-{claim:03}.md")), text).unwrap();
    }
    fake::point_at(dir.path(), archive, origin);
    dir
}

/// Every entry is complete: a capture, its text, and its quote found.
fn assert_complete(root: &Path) -> usize {
    let lock = fake::lock(root);
    for entry in &lock.entries {
        assert_eq!(entry.status, Some(200), "{entry:?}");
        assert!(
            entry.capture.is_some() && entry.text_sha256.is_some(),
            "{entry:?}"
        );
        assert!(
            entry.quotes.len() == 1 && entry.quotes[0].found,
            "{entry:?}"
        );
    }
    lock.entries.len()
}

#[test]
fn a_killed_run_keeps_every_entry_it_saved_and_the_next_run_finishes() {
    let origin = slow_origin(Duration::from_millis(100));
    let archive = bulk_archive(Duration::ZERO);
    let site = bulk_site(60, &archive, &origin);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimtrail"))
        .args(["archive", "--concurrency", "2", "--root"])
        .arg(site.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while origin.count() < 20 {
        assert!(Instant::now() < deadline, "the run did not start");
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let kept = assert_complete(site.path());
    assert!((1..60).contains(&kept), "{kept} entries kept");
    let before = origin.count();
    let output = fake::run(site.path(), &["--concurrency", "8"]);
    assert!(output.status.success());
    assert_eq!(
        origin.count() - before,
        60 - kept,
        "only the URLs not yet saved are visited"
    );
    assert_eq!(assert_complete(site.path()), 60);
}

#[test]
fn two_hundred_urls_are_archived_once_then_left_alone() {
    // CLAIMTRAIL_FAKE_LATENCY_MS adds a delay to every answer, for docs/performance.md.
    let latency = std::env::var("CLAIMTRAIL_FAKE_LATENCY_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::ZERO, Duration::from_millis);
    let origin = slow_origin(latency);
    let archive = bulk_archive(latency);
    let site = bulk_site(200, &archive, &origin);
    let started = Instant::now();
    let output = fake::run(site.path(), &["--concurrency", "8"]);
    let first_time = started.elapsed();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let first = origin.count() + archive.count();
    assert_eq!(
        first, 600,
        "HEAD of the original, CDX lookup and capture, per URL"
    );
    assert_eq!(assert_complete(site.path()), 200);
    let started = Instant::now();
    let output = fake::run(site.path(), &["--concurrency", "8"]);
    let second_time = started.elapsed();
    assert!(output.status.success());
    assert_eq!(
        origin.count() + archive.count(),
        first,
        "the second run sends nothing"
    );
    eprintln!(
        "200 URLs, concurrency 8, latency {latency:?}: first run {first} requests in {first_time:?}, \
         second run 0 requests in {second_time:?}"
    );
}

#[test]
fn ctrl_c_saves_the_urls_under_way_and_stops() {
    let origin = slow_origin(Duration::from_millis(100));
    let archive = bulk_archive(Duration::ZERO);
    let site = bulk_site(60, &archive, &origin);
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimtrail"))
        .args(["archive", "--concurrency", "2", "--root"])
        .arg(site.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while origin.count() < 10 {
        assert!(Instant::now() < deadline, "the run did not start");
        std::thread::sleep(Duration::from_millis(5));
    }
    let interrupt = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupt.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("stopping: saving the URLs under way"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let recorded = stdout.lines().filter(|line| line.starts_with('[')).count();
    // Every URL reported done is in the lock: none is lost to the interruption.
    assert_eq!(assert_complete(site.path()), recorded);
    assert!(recorded < 60, "{stdout}");
    let left = format!("interrupted: {} URLs left for the next run", 60 - recorded);
    assert!(stderr.contains(&left), "{stderr}");
}
