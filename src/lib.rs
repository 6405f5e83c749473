//! claimtrail: a static site generator for public trackers of claims about AI.
//!
//! The stages, each using only the ones above it:
//!
//! ```text
//! load            site files → text            (the only reader of the site)
//! parse/validate  text → documents + diagnostics
//! model           documents → Site (assemble, index)
//! render, search  Site → output files in memory (siblings)
//! write           output files → the output folder (the only writer)
//! pipeline        build() and check(): the stages in order
//! ```
//!
//! `net` is the HTTP client of `archive` and `check --links`; no stage of
//! `build`, `check` or `serve` uses it, so they never touch the network.
//!
//! `build` runs search before render, so the index's working memory is freed
//! before the pages take theirs. Around the pipeline: `session` and `serve`
//! (a site held in memory and served), `new` and `init` (starter files).
//! docs/architecture.md says which module owns what.

#![warn(unreachable_pub)]

// Shared by every stage.
mod amount;
mod colour;
mod dates;
pub mod diagnostic;
mod disk_threads;
mod elision;
mod error;
pub mod i18n;
mod ids;
mod links;
mod output_file;

// Load: reads the site's files.
pub mod load;

// The archive lock file: written by `archive`, read by `load`.
pub mod archive_lock;

// Parse and validate: every rule, every problem.
mod archive_records;
pub mod config;
mod doc;
pub mod fields;
mod frontmatter;
pub mod html_policy;
pub mod markdown;
mod nesting;
pub mod parse;
mod placeholders;
mod toml_recovery;
pub mod validate;

// Provenance: the content's git history (read by `build` and `diff`).
pub mod provenance;
mod workflow;

// Model: the resolved site.
mod assemble;
mod index;
pub mod model;

// Render and search: the output files, in memory.
pub mod render;
pub mod search;

// Write: the output folder.
pub mod write;

// The stages in order.
mod pipeline;

// Around the pipeline.
pub mod archive;
pub mod import;
pub mod init;
pub mod link_check;
pub mod net;
pub mod new;
pub mod release;
pub mod releases;
pub mod review;
pub mod serve;
mod session;
mod starter_workflow;

pub use diagnostic::{Diagnostic, Diagnostics, Format, Severity};
pub use error::Error;
pub use pipeline::{BuildOptions, BuildReport, Checked, HistoryRead, build, check, output_path};
