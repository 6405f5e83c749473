//! Documents and appearances: `content/documents/`, `[[appearances]]`, the
//! `document` key, and old-format citations by the claimant read as
//! appearances, each checked on the base fixture with files added.

use std::fs;
use std::path::Path;

use crate::common;

mod errors;
mod model;
mod repeated;

/// One diagnostic: (severity, file, line, column, message, hint).
type Found = (String, String, u64, u64, String, String);

/// Every diagnostic `check` reports for the site at `root`, in report order.
fn found(root: &Path) -> Vec<Found> {
    common::check_json(root)
        .into_iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
            let number = |key: &str| d[key].as_u64().unwrap_or_default();
            let (line, column) = (number("line"), number("column"));
            (
                text("severity"),
                text("file"),
                line,
                column,
                text("message"),
                text("hint"),
            )
        })
        .collect()
}

/// An expected diagnostic.
fn at(severity: &str, file: &str, line: u64, column: u64, message: &str, hint: &str) -> Found {
    (
        severity.into(),
        file.into(),
        line,
        column,
        message.into(),
        hint.into(),
    )
}

/// Writes `text` to `relative` under `root`, making its folders.
fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A claim by Acme's blog: five lines of frontmatter and a blank one, then
/// `entries` from line 7.
fn claim(title: &str, entries: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ndate = 2026-04-23\nclaimant = \"acme-blog\"\nstatus = \"unverified\"\n\n{entries}+++\n"
    )
}
