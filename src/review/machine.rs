//! The machine formats of `claimtrail diff`: JSON for scripts, and GitHub
//! workflow commands that annotate the changed lines of a pull request.

use std::collections::BTreeMap;

use serde::Serialize;

use super::report::{Entry, Review, UnreadableFile};
use crate::diagnostic::{escape_data, escape_property};
use crate::provenance::compare::Change;

/// The version of the JSON report's shape; it grows only by new keys.
const JSON_FORMAT: u32 = 1;

/// The JSON report: `format`, `base`, `head`, `counts` (every count, zero
/// or not) and `changes` (one object per [`Entry`]). docs/review.md
/// documents each key.
pub(crate) fn json(review: &Review) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        format: u32,
        base: &'a str,
        head: Option<&'a str>,
        counts: BTreeMap<String, usize>,
        changes: &'a [Entry],
        unreadable: &'a [UnreadableFile],
    }
    let report = Report {
        format: JSON_FORMAT,
        base: &review.base,
        head: review.head.as_deref(),
        counts: (review.counts().into_iter())
            .map(|count| (count.key, count.n))
            .collect(),
        changes: &review.entries,
        unreadable: &review.unreadable,
    };
    match serde_json::to_string_pretty(&report) {
        Ok(text) => text + "\n",
        // Serialising plain strings and numbers cannot fail.
        Err(_) => String::new(),
    }
}

/// One `::warning` workflow command per file that cannot be read, then one
/// `::notice` (or `::warning`, see [`level`]) per entry, at its line of the
/// head file.
pub(crate) fn github(review: &Review) -> String {
    let mut out = String::new();
    for file in &review.unreadable {
        let title = format!("{} {}", file.kind, file.id);
        out.push_str(&format!(
            "::warning file={},title={}::{}\n",
            escape_property(&file.file),
            escape_property(&title),
            escape_data(&file.explanation())
        ));
    }
    for entry in &review.entries {
        let mut properties = format!("file={}", escape_property(&entry.file));
        if let Some(line) = entry.line {
            properties.push_str(&format!(",line={line}"));
        }
        let title = format!("{} {}", entry.kind, entry.id);
        properties.push_str(&format!(",title={}", escape_property(&title)));
        out.push_str(&format!(
            "::{} {properties}::{}\n",
            level(entry),
            escape_data(&annotation(entry))
        ));
    }
    out
}

/// `warning` for what `check --base` refuses (a claim removed outright, or
/// renamed without keeping its old address), `notice` for the rest.
fn level(entry: &Entry) -> &'static str {
    let loses_address = matches!(
        entry.change,
        Change::Removed
            | Change::Renamed {
                alias_kept: false,
                ..
            }
    );
    if entry.kind == "claim" && loses_address {
        "warning"
    } else {
        "notice"
    }
}

/// What an annotation says about one entry, in plain text.
fn annotation(entry: &Entry) -> String {
    let or_none = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none)".to_string());
    match &entry.change {
        Change::Added => format!("{} added", entry.kind),
        Change::Removed => format!("{} removed", entry.kind),
        Change::Renamed {
            from, alias_kept, ..
        } => {
            let kept = if *alias_kept {
                "the old address is kept as an alias"
            } else {
                "the old address is lost"
            };
            format!("renamed from {from}: {kept}")
        }
        Change::Verdict { from, to, note } => {
            let note = note.as_deref().unwrap_or("no history note");
            format!(
                "verdict changed from {} to {} ({note})",
                or_none(from),
                or_none(to)
            )
        }
        Change::AppearanceAdded { evidence } => format!("appearance added: {evidence}"),
        Change::AppearanceRemoved { evidence } => format!("appearance removed: {evidence}"),
        Change::CitationAdded { evidence, stance } => {
            format!("citation added ({stance}): {evidence}")
        }
        Change::CitationRemoved { evidence, stance } => {
            format!("citation removed ({stance}): {evidence}")
        }
        Change::QuoteEdited { evidence, .. } => format!("quote edited: {evidence}"),
        Change::ValueChanged { evidence, from, to } => format!(
            "value changed from {} to {}{}",
            or_none(from),
            or_none(to),
            evidence
                .as_deref()
                .map_or(String::new(), |e| format!(" in {e}"))
        ),
        Change::Title { .. } => "title reworded".to_string(),
        Change::Edited { fields } => format!("edited: {}", fields.join(", ")),
    }
}
