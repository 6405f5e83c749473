//! The HTTP client (`claimtrail::net`): statuses, retries, limits and
//! politeness against a fake server.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use claimtrail::net::{Backoff, Client, NetError, NetSettings};

use crate::common::fake_web::FakeWeb;

fn settings() -> NetSettings {
    NetSettings {
        user_agent: "claimtrail-test".to_string(),
        timeout: Duration::from_secs(2),
        max_bytes: 1000,
        max_redirects: 5,
        per_host: 2,
        backoff: Backoff {
            retries: 2,
            base: Duration::from_millis(10),
            max_wait: Duration::from_secs(5),
        },
    }
}

#[test]
fn statuses_are_answers_not_errors() {
    let web = FakeWeb::start(
        Router::new()
            .route(
                "/ok",
                get(|| async {
                    (
                        [(header::CONTENT_TYPE, "text/html; charset=ISO-8859-1")],
                        "hi",
                    )
                }),
            )
            .route("/gone", get(|| async { StatusCode::GONE }))
            .route(
                "/broken",
                get(|| async { StatusCode::INTERNAL_SERVER_ERROR }),
            ),
    );
    let client = Client::new(settings());
    let ok = client.get(&web.url("/ok")).unwrap();
    assert_eq!((ok.status, ok.body.as_slice()), (200, b"hi".as_slice()));
    assert_eq!(ok.content_type.as_deref(), Some("text/html"));
    assert_eq!(ok.charset.as_deref(), Some("ISO-8859-1"));
    let statuses: Vec<u16> = ["/missing", "/gone", "/broken"]
        .map(|path| client.get(&web.url(path)).unwrap().status)
        .to_vec();
    assert_eq!(statuses, [404, 410, 500]);
    // A 500 is not retried: one request each.
    assert_eq!(web.count(), 4);
    assert_eq!(client.requests_sent(), 4);
}

#[test]
fn a_429_is_retried_after_the_wait_the_server_asks_for() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = calls.clone();
    let web = FakeWeb::start(Router::new().route(
        "/busy",
        get(move || {
            let first = counter.fetch_add(1, Ordering::SeqCst) == 0;
            async move {
                if first {
                    (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "1")]).into_response()
                } else {
                    "fine".into_response()
                }
            }
        }),
    ));
    let answer = Client::new(settings()).get(&web.url("/busy")).unwrap();
    assert_eq!(
        (answer.status, answer.body.as_slice()),
        (200, b"fine".as_slice())
    );
    let hits = web.hits();
    assert_eq!(hits.len(), 2);
    let gap = hits[1].at - hits[0].at;
    assert!(gap >= Duration::from_millis(900), "retried after {gap:?}");
}

#[test]
fn rate_limits_give_up_after_the_retries_or_a_wait_too_long() {
    let web = FakeWeb::start(
        Router::new()
            .route("/always", get(|| async { StatusCode::SERVICE_UNAVAILABLE }))
            .route(
                "/later",
                get(|| async {
                    (
                        StatusCode::TOO_MANY_REQUESTS,
                        [(header::RETRY_AFTER, "3600")],
                    )
                }),
            ),
    );
    let client = Client::new(settings());
    let error = client.get(&web.url("/always")).unwrap_err();
    assert_eq!(
        error,
        NetError::RateLimited {
            status: 503,
            wait: None
        }
    );
    assert_eq!(
        error.to_string(),
        "rate limited: still 503 after the retries"
    );
    assert_eq!(web.count(), 3, "the first attempt and two retries");
    let error = client.get(&web.url("/later")).unwrap_err();
    assert_eq!(
        error.to_string(),
        "rate limited: 429, asked to wait 3600 s, longer than max_wait_seconds"
    );
    // The host asked for an hour: no further request goes to it in this run.
    let error = client.get(&web.url("/always")).unwrap_err();
    assert!(
        matches!(
            error,
            NetError::RateLimited {
                status: 429,
                wait: Some(_)
            }
        ),
        "{error:?}"
    );
    assert_eq!(web.count(), 4);
}

#[test]
fn timeouts_loops_and_big_bodies_are_clear_errors() {
    let web = FakeWeb::start(
        Router::new()
            .route(
                "/slow",
                get(|| async {
                    tokio::time::sleep(Duration::from_secs(30)).await;
                    "late"
                }),
            )
            .route("/a", get(|| async { Redirect::temporary("/b") }))
            .route("/b", get(|| async { Redirect::permanent("/a") }))
            .route("/big", get(|| async { "x".repeat(5000) }))
            .route(
                "/stream",
                get(|| async {
                    let chunks = (0..50).map(|_| Ok::<_, std::io::Error>("y".repeat(100)));
                    Body::from_stream(tokio_stream::iter(chunks))
                }),
            ),
    );
    let client = Client::new(settings());
    let timeout = client.get(&web.url("/slow")).unwrap_err();
    assert_eq!(timeout.to_string(), "timed out after 2 s");
    let redirect_loop = client.get(&web.url("/a")).unwrap_err();
    assert_eq!(redirect_loop, NetError::RedirectLoop(web.url("/a")));
    assert_eq!(
        client.get(&web.url("/big")).unwrap_err().to_string(),
        "the body is over 1000 bytes"
    );
    assert_eq!(
        client.get(&web.url("/stream")).unwrap_err(),
        NetError::TooLarge(1000)
    );
}

#[test]
fn redirects_are_followed_to_the_final_address() {
    let web = FakeWeb::start(
        Router::new()
            .route("/old", get(|| async { Redirect::permanent("/new") }))
            .route("/new", get(|| async { "here" })),
    );
    let answer = Client::new(settings()).get(&web.url("/old")).unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.final_url, web.url("/new"));
}

#[test]
fn status_falls_back_to_get_when_head_is_refused() {
    let web = FakeWeb::start(Router::new().route(
        "/no-head",
        get(|| async { "body" }).head(|| async { StatusCode::METHOD_NOT_ALLOWED }),
    ));
    let answer = Client::new(settings())
        .status(&web.url("/no-head"))
        .unwrap();
    assert_eq!(answer.status, 200);
    let sent: Vec<(String, String)> = web
        .hits()
        .into_iter()
        .map(|hit| (hit.method, hit.target))
        .collect();
    let expected = [("HEAD", "/no-head"), ("GET", "/no-head")].map(|(m, t)| (m.into(), t.into()));
    assert_eq!(sent, expected);
}

#[test]
fn no_more_than_per_host_requests_are_in_flight() {
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let (now, peak) = (in_flight.clone(), most.clone());
    let web = FakeWeb::start(Router::new().route(
        "/page",
        get(move || {
            let (now, peak) = (now.clone(), peak.clone());
            async move {
                let running = now.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(running, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(30)).await;
                now.fetch_sub(1, Ordering::SeqCst);
                "ok"
            }
        }),
    ));
    let client = Client::new(NetSettings {
        per_host: 1,
        ..settings()
    });
    let urls: Vec<String> = (0..6).map(|n| web.url(&format!("/page?n={n}"))).collect();
    let mut statuses = Vec::new();
    claimtrail::net::for_each_parallel(
        urls,
        4,
        |url| client.get(&url).map(|a| a.status),
        |s| {
            statuses.push(s.unwrap());
        },
    );
    assert_eq!(statuses, [200; 6]);
    assert_eq!(most.load(Ordering::SeqCst), 1);
}
