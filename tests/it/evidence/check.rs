//! `check` with a lock file: warnings at the quotes it no longer vouches
//! for, grouped when alike, and a located error for a malformed lock file.

use std::fs;

use claimtrail::diagnostic::{HumanStyle, Warnings};

use super::{CLAIM, site};
use crate::common::{self, check_flat, check_json, error, warning};

const NOT_FOUND: &str = "this quote was not found in the archived copy of May 9, 2026 (nearest passage: “It guessed the rest of our questions correctly about a third of the time.”, 72% similar)";
const CHANGED: &str =
    "this quote changed since it was checked on December 5, 2026; run `claimtrail archive`";

#[test]
fn check_warns_at_a_quote_not_found_and_at_one_changed_since_it_was_checked() {
    let dir = site();
    assert_eq!(
        check_flat(dir.path()),
        [
            warning(CLAIM, Some((24, 9)), NOT_FOUND),
            warning(CLAIM, Some((32, 9)), CHANGED),
        ],
        "nothing for the quotes found, nor for the address never checked"
    );
    let hints: Vec<String> = check_json(dir.path())
        .iter()
        .map(|d| d["hint"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        hints,
        [
            "correct the quote to match the document word for word, or correct the document's address",
            "`claimtrail archive` checks each quote as written against the archived copy of its document",
        ]
    );
}

#[test]
fn alike_quote_warnings_print_as_one_line() {
    let dir = site();
    let claim = dir.path().join(CLAIM);
    let text = fs::read_to_string(&claim)
        .unwrap()
        .replace("every single time.'", "every time.'")
        .replace("state-of-the-art.'", "state of the art.'");
    fs::write(&claim, text).unwrap();
    let checked = claimtrail::check(dir.path(), false).unwrap();
    let style = HumanStyle {
        warnings: Warnings::Grouped,
        color: false,
    };
    let report = checked.diagnostics.render_warnings(style);
    assert!(
        report.contains(&format!(
            "warning: 3 quotes changed since `claimtrail archive` checked them: \
             {CLAIM}:12, {CLAIM}:16, {CLAIM}:32 (show all with --verbose)\n \
             = hint: `claimtrail archive` checks each quote as written against the archived copy of its document\n"
        )),
        "{report}"
    );
    assert!(
        report.contains(NOT_FOUND),
        "a lone warning in full: {report}"
    );
}

#[test]
fn without_a_lock_file_nothing_is_archived_and_nothing_is_said() {
    let dir = site();
    fs::remove_file(dir.path().join("archive.lock")).unwrap();
    assert_eq!(check_flat(dir.path()), []);
    claimtrail::build(&common::options(dir.path())).unwrap();
    let page = common::read(dir.path(), "public/claims/gizmo-4-reads-minds/index.html");
    assert!(!page.contains("quote-check"));
    assert!(!page.contains("data-versionurl"));
}

#[test]
fn a_malformed_lock_file_is_an_error_at_its_line_and_stops_the_build() {
    let dir = site();
    let lock = dir.path().join("archive.lock");
    let text = fs::read_to_string(&lock)
        .unwrap()
        .replace("status = 404", "status = \"gone\"");
    fs::write(&lock, text).unwrap();
    let found = check_flat(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    let (severity, file, line, column, message) = &found[0];
    assert_eq!(
        (severity.as_str(), file.as_str(), *line, *column),
        ("error", "archive.lock", Some(67), Some(10)),
        "{message}"
    );
    assert!(
        message.starts_with("the lock file cannot be read: "),
        "{message}"
    );
    assert!(claimtrail::build(&common::options(dir.path())).is_err());
}

#[test]
fn a_capture_that_is_not_a_web_address_is_refused_where_it_is_written() {
    let dir = site();
    let lock = dir.path().join("archive.lock");
    let text = fs::read_to_string(&lock).unwrap().replace(
        "capture = \"https://archive.example.org/web/20260512000000/",
        "capture = \"javascript:alert(1)//",
    );
    fs::write(&lock, text).unwrap();
    assert_eq!(
        check_flat(dir.path()),
        [
            error(
                "archive.lock",
                52,
                11,
                "`capture` uses the `javascript:` scheme; only http and https links are allowed"
            ),
            warning(CLAIM, Some((24, 9)), NOT_FOUND),
            warning(CLAIM, Some((32, 9)), CHANGED),
        ]
    );
}
