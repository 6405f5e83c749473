//! `archive --save`: Save Page Now is asked for a capture only where the
//! archive has none, with the keys from the environment.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::http::HeaderMap;
use axum::routing::{get, post};

use super::fake::{self, Capture};
use super::servers;
use crate::common::fake_web::FakeWeb;

#[test]
fn save_page_now_makes_the_missing_capture() {
    let origin = servers::origin();
    let saved = Arc::new(AtomicBool::new(false));
    let base = servers::captures(&origin);
    let uncaptured = format!("{}/uncaptured", origin.origin);
    let is_saved = saved.clone();
    let captures: fake::Captures = Arc::new(move |url: &str| {
        if url == uncaptured && is_saved.load(Ordering::SeqCst) {
            vec![Capture::html("20261201000000", "<p>Saved just now.</p>")]
        } else {
            base(url)
        }
    });
    let authorizations = Arc::new(Mutex::new(Vec::new()));
    let (seen, flag) = (authorizations.clone(), saved.clone());
    let save_routes = Router::new()
        .route(
            "/save",
            post(move |headers: HeaderMap, body: String| async move {
                let authorization = headers["authorization"].to_str().unwrap().to_string();
                seen.lock().unwrap().push((authorization, body));
                flag.store(true, Ordering::SeqCst);
                r#"{"url": "saved", "job_id": "job-1"}"#
            }),
        )
        .route(
            "/save/status/job-1",
            get(|| async { r#"{"status": "success", "timestamp": "20261201000000"}"# }),
        );
    let archive = FakeWeb::start(fake::archive_routes(captures).merge(save_routes));
    let site = fake::site("archive", &archive, &origin);
    let output = assert_cmd::Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["archive", "--save", "--only", "troubled-links", "--root"])
        .arg(site.path())
        .env("CLAIMTRAIL_SPN_ACCESS", "access-key")
        .env("CLAIMTRAIL_SPN_SECRET", "secret-key")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let posted = authorizations.lock().unwrap().clone();
    assert_eq!(posted.len(), 1, "only the URL without a capture is saved");
    assert_eq!(posted[0].0, "LOW access-key:secret-key");
    let form: Vec<(String, String)> = url::form_urlencoded::parse(posted[0].1.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(
        form,
        [("url".to_string(), format!("{}/uncaptured", origin.origin))]
    );
    let lock = fake::lock(site.path());
    let entry = lock
        .entries
        .iter()
        .find(|e| e.url.ends_with("/uncaptured"))
        .unwrap();
    let capture = format!(
        "{}/web/20261201000000/{}/uncaptured",
        archive.origin, origin.origin
    );
    assert_eq!(
        entry.capture.as_deref(),
        Some(capture.as_str()),
        "{:?}",
        entry.error
    );
    assert_eq!(entry.error, None);
    assert!(entry.text_sha256.is_some());
}
