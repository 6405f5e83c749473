//! `claimtrail import` (ClaimReview feeds, Fact Check Tools responses,
//! spreadsheets) and `claimtrail release` (frozen, checksummed, published
//! data with a Dataset description).

mod claimreview;
mod csv;
mod release;

use std::path::Path;

use assert_cmd::Command;

/// A temp dir holding the empty fixture site that imports go into.
pub fn empty_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_tree(
        &crate::common::fixtures().join("import/empty-site"),
        dir.path(),
    );
    dir
}

/// The path of an import input fixture.
pub fn input(name: &str) -> String {
    let path = crate::common::fixtures().join("import/input").join(name);
    path.to_string_lossy().into_owned()
}

/// Runs the claimtrail binary with `args` and `--root root`.
pub fn run(root: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("claimtrail")
        .unwrap()
        .args(args)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .assert()
}

/// The standard output of a run, as text.
pub fn stdout(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

/// Checks the site at `root`: no errors, and the warnings' messages.
pub fn check_passes(root: &Path) -> Vec<String> {
    let checked = claimtrail::check(root, false).unwrap();
    assert_eq!(
        checked.diagnostics.error_count(),
        0,
        "{}",
        checked.diagnostics.render(claimtrail::Format::Human)
    );
    crate::common::flat(&checked.diagnostics)
        .into_iter()
        .map(|(_, file, _, _, message)| format!("{file}: {message}"))
        .collect()
}
