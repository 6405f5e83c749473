//! A quote that leaves words out with an ellipsis is found when its passages
//! are in the capture in its order, and readers get a text fragment from its
//! first words to its last.

use std::sync::Arc;

use axum::Router;
use axum::routing::get;

use super::fake::{self, Capture};
use crate::common::fake_web::FakeWeb;
use crate::common::html::{attrs, texts};
use crate::common::page;

const PAGE: &str = "<p>Intro.</p><p>Costs fell, the lab said, by a third across every region.</p>";

/// A citation of `path` with `quote`.
fn citation(origin: &str, path: &str, quote: &str) -> String {
    format!(
        "\n[[citations]]\nsource = \"fixture-press\"\nurl = \"{origin}{path}\"\nquote = \"{quote}\"\n"
    )
}

#[test]
fn a_quote_with_an_ellipsis_is_found_when_its_passages_are_in_order() {
    let origin = FakeWeb::start(
        Router::new()
            .route("/in-order", get(|| async { axum::response::Html(PAGE) }))
            .route("/swapped", get(|| async { axum::response::Html(PAGE) })),
    );
    let captures: fake::Captures = Arc::new(|_: &str| vec![Capture::html("20260101000000", PAGE)]);
    let archive = fake::archive(captures);

    let entries = [
        citation(
            "http://origin.invalid",
            "/in-order",
            "Costs fell […] by a third … every region.",
        ),
        citation(
            "http://origin.invalid",
            "/swapped",
            "by a third ... Costs fell",
        ),
    ]
    .concat();
    let dir = fake::one_claim_site("costs-fell", "Costs fell", &entries, &archive, &origin);

    let output = fake::run(dir.path(), &[]);
    assert!(output.status.success(), "{output:?}");
    let lock = fake::lock(dir.path());
    let found: Vec<(&str, bool)> = (lock.entries.iter())
        .map(|entry| (entry.url.rsplit('/').next().unwrap(), entry.quotes[0].found))
        .collect();
    assert_eq!(found, [("in-order", true), ("swapped", false)]);

    claimtrail::build(&crate::common::options(dir.path())).unwrap();
    let html = page(dir.path(), "claims/costs-fell/index.html");
    assert_eq!(
        texts(&html, ".quote-check"),
        [
            "Quote found in the archived copy of January 1, 2026 · See it in the original",
            "Quote not found in the archived copy of January 1, 2026",
        ]
    );
    let fragments: Vec<String> = attrs(&html, ".quote-check a", "href")
        .into_iter()
        .filter_map(|href| href.split_once(":~:").map(|(_, f)| f.to_string()))
        .collect();
    assert_eq!(fragments, ["text=Costs%20fell,every%20region"]);
}
