//! Runs that cannot do their work: a site with errors, a damaged lock, an
//! archive that is down or rate limits, and Save Page Now without keys.

use std::time::Duration;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::routing::get;

use super::fake::{self, run};
use super::servers;
use crate::common::fake_web::FakeWeb;

#[test]
fn a_site_with_errors_is_refused_before_any_request() {
    let origin = servers::origin();
    let archive = fake::archive(servers::captures(&origin));
    let site = fake::site("archive", &archive, &origin);
    let claim = site.path().join("content/claims/changed-word.md");
    let text = std::fs::read_to_string(&claim).unwrap();
    std::fs::write(
        &claim,
        text.replace("status = \"unverified\"", "status = \"unverifed\""),
    )
    .unwrap();
    let output = run(site.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("content/claims/changed-word.md"),
        "{stderr}"
    );
    assert!(stderr.contains("unverifed"), "{stderr}");
    assert_eq!(origin.count() + archive.count(), 0);
}

#[test]
fn a_damaged_lock_is_reported_where_it_is_wrong_and_left_alone() {
    let origin = servers::origin();
    let archive = fake::archive(servers::captures(&origin));
    let site = fake::site("archive", &archive, &origin);
    let damaged =
        "version = 1\n[[entry]]\nurl = \"https://example.org/\"\nchecked = \"yesterday\"\n";
    std::fs::write(site.path().join("archive.lock"), damaged).unwrap();
    let output = run(site.path(), &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // `archive` checks the site first, as `check` does, and a damaged lock
    // is one of the errors that stop it before any request.
    assert!(stderr.contains("archive.lock:4:11"), "{stderr}");
    assert!(stderr.contains("the lock file cannot be read"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(site.path().join("archive.lock")).unwrap(),
        damaged
    );
    assert_eq!(origin.count() + archive.count(), 0);
}

#[test]
fn an_archive_that_is_down_records_nothing_and_says_so() {
    let origin = servers::origin();
    let gone = FakeWeb::start(Router::new());
    let site = fake::site("archive", &gone, &origin);
    drop(gone); // its port now refuses connections
    let output = run(site.path(), &["--only", "quotes-found"]);
    assert_eq!(output.status.code(), Some(4), "nothing could be recorded");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not archived: "), "{stderr}");
    assert!(
        stderr.contains("the availability API: could not connect"),
        "{stderr}"
    );
    assert!(stderr.contains("2 URLs could not be archived (the archive did not answer); run `claimtrail archive` again later"), "{stderr}");
    assert!(!site.path().join("archive.lock").exists());
}

#[test]
fn a_rate_limiting_archive_is_left_alone_for_the_run() {
    let origin = servers::origin();
    let archive = FakeWeb::start(Router::new().fallback(get(|| async {
        (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "3600")],
        )
    })));
    let site = fake::site("archive", &archive, &origin);
    let started = std::time::Instant::now();
    let output = run(site.path(), &["--only", "changed-word"]);
    assert_eq!(output.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("rate limited: 429, asked to wait 3600 s, longer than max_wait_seconds"),
        "{stderr}"
    );
    // The archive asked for an hour: the requests in flight when it answered
    // (per_host = 2 for three URLs), then no more in this run.
    assert!(archive.count() <= 2, "{:?}", archive.hits());
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn save_needs_keys_from_the_environment() {
    let origin = servers::origin();
    let archive = fake::archive(servers::captures(&origin));
    let site = fake::site("archive", &archive, &origin);
    let output = assert_cmd::Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["archive", "--save", "--root"])
        .arg(site.path())
        .env_remove("CLAIMTRAIL_SPN_ACCESS")
        .env_remove("CLAIMTRAIL_SPN_SECRET")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--save needs Save Page Now keys in the environment: set CLAIMTRAIL_SPN_ACCESS and CLAIMTRAIL_SPN_SECRET"), "{stderr}");
    assert_eq!(origin.count() + archive.count(), 0);
}
