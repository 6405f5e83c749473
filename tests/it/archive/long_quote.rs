//! A quote as long as a content file allows, not found in a capture as long:
//! the nearest passage is found in seconds. Word-by-word comparison is
//! quadratic, so only the first words of each passage are compared; before
//! that, 4,000 words took 30 s, and these 20,000 would take over ten minutes.

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

use super::fake::{self, Capture};
use crate::common::fake_web::FakeWeb;
use crate::common::{copy_tree, fixtures};

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

    let dir = tempfile::tempdir().unwrap();
    let fixture = fixtures().join("archive");
    let settings = std::fs::read_to_string(fixture.join("site.toml")).unwrap();
    let settings = settings.replace("max_bytes = 20000", "max_bytes = 1000000");
    std::fs::write(dir.path().join("site.toml"), settings).unwrap();
    for folder in ["content/sources", "content/entities"] {
        copy_tree(&fixture.join(folder), &dir.path().join(folder));
    }
    let claim = format!(
        "+++\ntitle = \"A long quote\"\ndate = 2026-01-02\nclaimant = \"fixture-lab\"\n\
         status = \"unverified\"\nentities = [\"fixture-model\"]\n\n[[citations]]\n\
         source = \"fixture-press\"\nurl = \"http://origin.invalid/long\"\nquote = \"{}\"\n+++\n",
        words(20_000, |i| i % 97).trim()
    );
    let claims = dir.path().join("content/claims");
    std::fs::create_dir_all(&claims).unwrap();
    std::fs::write(claims.join("long-quote.md"), claim).unwrap();
    fake::point_at(dir.path(), &archive, &origin);

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
