//! Provenance from git: scripted repositories in temp dirs, built, and the
//! claim pages, `changes.json` and `/changes/` inspected.

mod cache;
mod gaps;
mod history;
mod hostile;
mod hostile_cache;
mod hostile_tree;
mod pages;
mod removed;
pub(crate) mod repo;
mod skipped;
mod timeline;
mod workflow;
