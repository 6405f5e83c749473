//! What readers and re-users see of appearances, evidence and documents, on
//! the `evidence` fixture: claim pages that open with where the claim was
//! made, document pages with their scorecards, and the data files.

mod claim_pages;
mod document_pages;
mod open_data;

use std::path::Path;

use claimtrail::build;

use crate::common::{self, options};

/// The `evidence` fixture built into a temp dir, output in `<dir>/public`.
fn built() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&common::fixtures().join("evidence"), dir.path());
    build(&options(dir.path())).unwrap();
    dir
}

/// The built page of `dir` at `path`, parsed.
fn page(dir: &Path, path: &str) -> scraper::Html {
    common::page(dir, path)
}
