//! A quote as long as a content file allows, not found in a capture as long:
//! the nearest passage is found in seconds. Word-by-word comparison is
//! quadratic, so only the first words of each passage are compared; before
//! that, 4,000 words took 30 s, and these 20,000 would take over ten minutes.

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

use super::fake::{self, Capture};
use crate::common::fake_web::FakeWeb;

/// `n` words made of `pattern` applied to each word's place.
fn words(n: usize, pattern: impl Fn(usize) -> usize) -> String {
    (0..n).map(|i| format!("w{} ", pattern(i))).collect()
}

#[test]
fn a_long_quote_not_in_a_long_capture_is_compared_in_bounded_time() {
    let page = format!("<p>{}</p>", words(20_000, |i| (i * 7) % 101));
    let served = page.clone();
    let origin = FakeWeb::start(Router::new().route(
        "/long",
        get(move || {
            let page = served.clone();
            async move { axum::response::Html(page) }
        }),
    ));
    let captures: fake::Captures =
        Arc::new(move |_: &str| vec![Capture::html("20260101000000", page.clone())]);
    let archive = fake::archive(captures);

    let entries = format!(
        "\n[[citations]]\nsource = \"fixture-press\"\nurl = \"http://origin.invalid/long\"\nquote = \"{}\"\n",
        words(20_000, |i| i % 97).trim()
    );
    let dir = fake::one_claim_site("long-quote", "A long quote", &entries, &archive, &origin);
    let settings = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(text.contains("max_bytes = 20000"), "{text}");
    std::fs::write(
        &settings,
        text.replace("max_bytes = 20000", "max_bytes = 1000000"),
    )
    .unwrap();

    let output = fake::run(dir.path(), &[]);
    assert!(output.status.success(), "{output:?}");
    let lock = fake::lock(dir.path());
    let quote = &lock.entries[0].quotes[0];
    assert!(!quote.found);
    assert!(
        quote
            .nearest
            .as_deref()
            .unwrap_or_default()
            .starts_with("w")
    );
}
