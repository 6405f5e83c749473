//! Hostile content. `tests/fixtures/hostile/` holds every attack a pull request
//! can carry in content claimtrail publishes; it must build into a site in
//! which a real HTML parser finds nothing executable, with no file outside the
//! output folder. `tests/fixtures/hostile-refused/` holds the inputs that must
//! be refused instead, each with its exact diagnostic. Symbolic links are made
//! by the tests, since git cannot carry them portably.

use crate::common::html_safety;
use crate::common::{self, error, warning};

use std::fs;
use std::path::{Path, PathBuf};

use claimtrail::{Error, build};
use common::{Flat, check_flat, copy_tree, fixtures, options, read, tree};
use html_safety::executable_parts_of_page;
use scraper::{Html, Selector};

/// The exact title of the hostile claim, as its frontmatter spells it.
const HOSTILE_TITLE: &str =
    "</script><script>alert('title')</script>\"><img src=x onerror=alert('title')>{{ 7 * 7 }}";

/// A temp folder holding `site/` (the base fixture with `overlays`), so that
/// anything written beside or above the site can be seen.
fn site_in_parent(overlays: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("site");
    copy_tree(&fixtures().join("base"), &root);
    for overlay in overlays {
        copy_tree(&fixtures().join(overlay), &root);
    }
    (parent, root)
}

/// Every file under `dir` except those inside `public/`.
fn tree_outside_output(dir: &Path) -> Vec<(String, Vec<u8>)> {
    tree(dir)
        .into_iter()
        .filter(|(path, _)| !path.starts_with("site/public"))
        .collect()
}

fn assert_no_executable_page(output: &Path) -> usize {
    let mut pages = 0;
    for (path, bytes) in tree(output) {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            let found = executable_parts_of_page(&html);
            assert!(found.is_empty(), "{path}: {found:#?}");
            pages += 1;
        }
    }
    pages
}

#[cfg(unix)]
mod symlinks;

/// Pathological but valid content: each of these once took minutes or hours
/// (the work grew with the cube of a parent chain's length, or with the square
/// of the `&`s in one text); now they build like any site of their size. No
/// timing is asserted (`scripts/bench.sh` times them): before the fix these
/// tests would not finish.
mod bounded_work;

mod built;
mod refused;
mod terminal;
