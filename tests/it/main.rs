//! The integration tests, one module per area, linked into one test binary.
//!
//! Each area builds fixture sites from `tests/fixtures/` into temp dirs and
//! inspects the output; `common` holds the helpers they share. Run one area
//! with `cargo test --test it <area>::`, e.g. `cargo test --test it serve::`.

// Test code: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod archive;
mod atomic;
mod build;
mod claim_wording;
mod cli;
mod diagnostics;
mod documents;
mod documents_pages;
mod evidence;
mod feeds;
mod github_pages;
mod hostile;
mod import_release;
mod index_pages;
mod install;
mod languages;
mod links;
mod links_check;
mod list_filter;
mod list_filter_data;
mod open_data;
mod phones;
mod provenance;
mod published_address;
mod quantities;
mod reader_site;
mod review;
mod scaffold;
mod search;
mod search_engines;
mod serve;
