//! Evidence that lasts, offline: the `evidence-lock` fixture's hand-written
//! `archive.lock` read by `check` and `build`. Its one claim cites
//! addresses in every state: a quote found (original live, and original
//! gone with a 404), a quote not found (with its nearest passage), a quote
//! changed since it was checked, an address never checked, and a document
//! whose hand-written `archive` wins over the lock's capture.

mod check;
mod offline;
mod open_data;
mod pages;

use std::path::Path;

use crate::common::{self, options};

/// The fixture's claim file.
const CLAIM: &str = "content/claims/gizmo-4-reads-minds.md";

/// The fixture's claim page.
const CLAIM_PAGE: &str = "claims/gizmo-4-reads-minds/index.html";

/// The `evidence-lock` fixture copied into a temp dir.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&common::fixtures().join("evidence-lock"), dir.path());
    dir
}

/// The fixture built, output in `<dir>/public`.
fn built() -> tempfile::TempDir {
    let dir = site();
    claimtrail::build(&options(dir.path())).unwrap();
    dir
}

/// The built page of `dir` at `path`, parsed.
fn page(dir: &Path, path: &str) -> scraper::Html {
    common::page(dir, path)
}
