//! The fake origin and archive behind `tests/fixtures/archive`: one page per
//! case (live, gone, rate limited, slow, looping, too big, Latin-1, …).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;

use super::fake::{Capture, Captures};
use crate::common::fake_web::FakeWeb;

/// The origin site: each path answers the way its name says.
pub fn origin() -> FakeWeb {
    let busy_calls = Arc::new(AtomicUsize::new(0));
    let ok = || async { "a live page" };
    FakeWeb::start(
        Router::new()
            .route("/launch", get(ok))
            .route("/latin1", get(ok))
            .route("/changed", get(ok))
            .route("/dated", get(ok))
            .route("/late", get(ok))
            .route("/huge", get(ok))
            .route("/uncaptured", get(ok))
            .route("/gone", get(|| async { StatusCode::GONE }))
            .route(
                "/broken",
                get(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
            )
            .route(
                "/busy",
                get(move || {
                    let first = busy_calls.fetch_add(1, Ordering::SeqCst) == 0;
                    async move {
                        if first {
                            (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")])
                                .into_response()
                        } else {
                            "back again".into_response()
                        }
                    }
                }),
            )
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(30)).await;
                    "too late"
                }),
            )
            .route("/loop", get(|| async { Redirect::temporary("/loop-back") }))
            .route("/loop-back", get(|| async { Redirect::temporary("/loop") })),
    )
}

/// The archive's captures of the origin's pages.
pub fn captures(origin: &FakeWeb) -> Captures {
    let prefix = format!("{}/", origin.origin);
    Arc::new(move |url: &str| {
        let path = url.strip_prefix(&prefix).unwrap_or("not-the-origin");
        captures_of(path)
    })
}

fn captures_of(path: &str) -> Vec<Capture> {
    let old_copy = || vec![Capture::html("20260101000000", "<p>An old copy.</p>")];
    match path {
        "launch" => vec![Capture::html(
            "20260512000000",
            "<html><body><p>Fixture Lab said \u{201c}Fixture Model\u{2019}s error rate fell by half\u{201d}, \
             thanks to better hyph-\nenation.</p></body></html>",
        )],
        "latin1" => vec![Capture {
            timestamp: "20260301000000",
            content_type: "text/html; charset=ISO-8859-1",
            body: b"<p>Le caf\xe9 co\xfbte deux euros.</p>".to_vec(),
        }],
        "changed" => vec![Capture::html(
            "20260301000000",
            "<p>Other words here.</p><p>The system answered nine of ten questions correctly in the trial.</p>",
        )],
        "dated" => ["January", "March", "June"]
            .into_iter()
            .zip(["20260101000000", "20260301000000", "20260601000000"])
            .map(|(month, stamp)| {
                Capture::html(stamp, format!("<p>This page was captured in {month}.</p>"))
            })
            .collect(),
        "late" => vec![Capture::html(
            "20260901000000",
            "<p>Captured in September.</p>",
        )],
        "huge" => vec![Capture::html("20260101000000", "x".repeat(30_000))],
        "gone" | "missing" | "busy" | "broken" | "slow" | "loop" => old_copy(),
        _ => Vec::new(),
    }
}
