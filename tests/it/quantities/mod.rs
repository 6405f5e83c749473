//! Quantities as AI claims state them: the `quantities` fixture has one claim
//! per form (exact, about, over, at least, nearly, under, at most, ranges,
//! `0.0004`, `2e25`, a negative number) and three dot plots (log, linear, and
//! exactly a hundredfold). These build it and pin the exact text on claim
//! pages, in the plot's text alternative and in claims.json and claims.csv;
//! `errors` checks every wrong way to write an amount.

use std::path::Path;

use crate::common::{copy_tree, fixtures, options};

mod data_files;
mod errors;
mod pages;

/// The `quantities` fixture copied into a temp dir (nothing built).
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("quantities"), dir.path());
    dir
}

/// The `quantities` fixture, built into `<dir>/public`.
fn built() -> tempfile::TempDir {
    let dir = fixture();
    claimtrail::build(&options(dir.path())).unwrap();
    dir
}

/// Each single-form claim's id and the amount as pages write it.
const FORMS: [(&str, &str); 12] = [
    ("exact", "35%"),
    ("approximate", "about 35%"),
    ("over", "over 100,000 GB200 chips"),
    ("at-least", "at least 10x"),
    ("nearly", "nearly 2 petabytes"),
    ("under", "under 500 ms"),
    ("at-most", "at most 5%"),
    ("range", "20 to 25%"),
    ("about-range", "about 20 to 25%"),
    ("tiny-price", "0.0004 USD per token"),
    ("huge-compute", "2 × 10²⁵ FLOP"),
    ("negative", "−3.5 points"),
];

/// The claim page of `id` under `root`.
fn claim_page(root: &Path, id: &str) -> scraper::Html {
    crate::common::page(root, &format!("claims/{id}/index.html"))
}
