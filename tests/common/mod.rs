//! Helpers shared by the integration tests: fixture sites copied into temp dirs.

// Test code: a panic is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)] // each test binary uses a different subset

use std::fs;
use std::path::{Path, PathBuf};

use claimtrail::{BuildOptions, Format};

/// The folder holding the test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies `from` into `to`, merging folders (later copies overwrite files).
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temp dir holding the base fixture site with each named overlay laid over it.
pub fn site(overlays: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), dir.path());
    for overlay in overlays {
        copy_tree(&fixtures().join(overlay), dir.path());
    }
    dir
}

/// One diagnostic flattened for comparison: (severity, file, line, column, message).
pub type Flat = (String, String, Option<usize>, Option<usize>, String);

/// The check results of the site at `root`, as JSON values.
pub fn check_json(root: &Path) -> Vec<serde_json::Value> {
    let checked = claimtrail::check(root, false).unwrap();
    serde_json::from_str(&checked.diagnostics.render(Format::Json)).unwrap()
}

/// The check results of the site at `root`, flattened.
pub fn check_flat(root: &Path) -> Vec<Flat> {
    check_json(root)
        .into_iter()
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().map(|n| n as usize),
                d["column"].as_u64().map(|n| n as usize),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Build options for the site at `root`, writing to `root/public`.
pub fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: None,
        base_url: None,
        drafts: false,
        force: false,
    }
}

/// Reads a built file as text.
pub fn read(root: &Path, relative: &str) -> String {
    let path = root.join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (relative, fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}
