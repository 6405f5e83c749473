//! Installing claimtrail without building it: what `cargo package` ships, the
//! release workflow and the GitHub Action (parsed and cross-checked), the
//! installer script the action runs (against a local stand-in for a release),
//! and the completions and man page.

mod action;
mod generate;
mod installer;
mod package;

use std::path::{Path, PathBuf};

/// A file of the repository, by its path from the root.
fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A YAML file of the repository, parsed.
fn yaml(path: &str) -> serde_yaml_ng::Value {
    let text = std::fs::read_to_string(repo_file(path)).unwrap();
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}
