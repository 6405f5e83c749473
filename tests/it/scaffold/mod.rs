//! `claimtrail new` and `claimtrail init`: new files carry placeholders that
//! `check` flags until filled, and a new tracker builds at once.

use crate::common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use claimtrail::load::Kind;
use claimtrail::{Error, Severity};
use predicates::prelude::*;
use time::macros::date;

const TODAY: time::Date = date!(2026 - 11 - 25);

fn errors_in(root: &Path, file: &str) -> Vec<String> {
    let checked = claimtrail::check(root, false).unwrap();
    checked
        .diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Error && d.file == file)
        .map(|d| d.message.clone())
        .collect()
}

fn usage_message(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::Usage(message)) => message,
        other => panic!("expected a usage error, got {other:?}"),
    }
}

/// Replaces each `from` in the file with `to`, asserting it was there.
fn fill(path: &Path, edits: &[(&str, &str)]) {
    let mut text = fs::read_to_string(path).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "{} has no {from:?}", path.display());
        text = text.replacen(from, to, 1);
    }
    fs::write(path, text).unwrap();
}

mod init;
mod new;
