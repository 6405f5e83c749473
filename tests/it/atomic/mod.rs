//! Nothing lost: a build that fails at any stage leaves the previous output
//! complete, and the output folder is never one that holds anything else.
//!
//! Failures are injected for real: a content error, a template error, a write
//! that collides with a folder, a disk that refuses to grow (a file-size limit
//! set with `ulimit -f`) and a build killed with SIGKILL while it writes.

use crate::common;

use std::fs;
use std::path::{Path, PathBuf};

use claimtrail::{BuildOptions, Error, build};
use common::{copy_tree, fixtures, options, tree};

type Tree = Vec<(String, Vec<u8>)>;

/// A temp folder holding `site/`, built once into `site/public`.
fn built_site() -> (tempfile::TempDir, PathBuf, Tree) {
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("site");
    copy_tree(&fixtures().join("base"), &root);
    build(&options(&root)).unwrap();
    let before = tree(&root.join("public"));
    (parent, root, before)
}

/// The names in `folder` that a build leaves behind when it fails to clean up.
fn leftovers(folder: &Path) -> Vec<String> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".claimtrail-staging-") || name.contains(".old-"))
        .collect()
}

fn assert_previous_output_intact(root: &Path, before: &Tree) {
    assert_eq!(
        &tree(&root.join("public")),
        before,
        "the previous output changed"
    );
    assert_eq!(leftovers(root), Vec::<String>::new());
}

#[cfg(unix)]
mod process;

mod failed_builds;
mod refused_folders;
mod spare_and_staging;
