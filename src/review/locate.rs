//! Where each change of `diff` is: the file, the line of the head version
//! it shows on (for GitHub annotations), and the title a reviewer knows the
//! file by.

use std::collections::BTreeMap;

use super::report::{Entry, KINDS};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::position_of;
use crate::doc::{ClaimDoc, Doc, DocumentRef};
use crate::frontmatter;
use crate::load::RawFile;
use crate::parse::parse_file;
use crate::provenance::evidence::evidence_name;
use crate::provenance::{Change, FileChange};

/// One [`Entry`] for each change in `changes`, located in `after` (the head's
/// files), or in `before` for a removed file.
pub(crate) fn entries(
    changes: Vec<FileChange>,
    before: &[RawFile],
    after: &[RawFile],
    statuses: &[&str],
) -> Vec<Entry> {
    let by_path = |files: &'_ [RawFile]| -> BTreeMap<String, usize> {
        (files.iter().enumerate())
            .map(|(i, file)| (file.path.clone(), i))
            .collect()
    };
    let (before_at, after_at) = (by_path(before), by_path(after));
    let mut entries = Vec::new();
    for file in changes {
        let removed = file.changes.contains(&Change::Removed);
        let (files, at) = if removed {
            (before, &before_at)
        } else {
            (after, &after_at)
        };
        let raw = at.get(&file.path).and_then(|&i| files.get(i));
        let doc = raw.and_then(|raw| parse_file(raw, statuses).0);
        let kind = KINDS
            .iter()
            .find(|(_, noun, _)| *noun == file.kind)
            .map_or("file", |(_, noun, _)| noun);
        for change in file.changes {
            let line = match (raw, removed) {
                (Some(raw), false) => Some(line_of(raw, doc.as_ref(), &change)),
                _ => None,
            };
            entries.push(Entry {
                kind,
                id: file.id.clone(),
                file: file.path.clone(),
                line,
                title: doc.as_ref().and_then(title),
                change,
            });
        }
    }
    entries
}

/// The title or name of `doc`.
fn title(doc: &Doc) -> Option<String> {
    match doc {
        Doc::Claim(claim) => claim.title.clone(),
        Doc::Source(source) => source.name.clone(),
        Doc::Entity(entity) => entity.name.clone(),
        Doc::Document(document) => document.title.clone(),
        Doc::Page(page) => page.title.clone(),
    }
}

/// The line of `raw` (the head version, read as `doc`) that `change` is on:
/// the `status` of a verdict change, the entry of a piece of evidence (its
/// `quote` for an edited quote), the `value` (or `min`, `max`) of the
/// claim's `[quantity]` for a changed claimed value, else the first line.
fn line_of(raw: &RawFile, doc: Option<&Doc>, change: &Change) -> usize {
    let Some(Doc::Claim(claim)) = doc else {
        return 1;
    };
    let offset = match change {
        Change::Verdict { .. } => claim.status.as_ref().map(|s| s.span.start),
        Change::AppearanceAdded { evidence } => appearance(claim, evidence).map(|a| a.0),
        Change::CitationAdded { evidence, .. }
        | Change::ValueChanged {
            evidence: Some(evidence),
            ..
        } => citation(claim, evidence).map(|c| c.0),
        Change::ValueChanged { evidence: None, .. } => quantity_value(&raw.text),
        Change::QuoteEdited { evidence, .. } => appearance(claim, evidence)
            .or_else(|| citation(claim, evidence))
            .map(|(start, quote)| quote.unwrap_or(start)),
        _ => None,
    };
    offset.map_or(1, |offset| position_of(&raw.text, offset).line)
}

/// Where the value of the `[quantity]` table of the file `text` is: its
/// `value`, else `min`, else `max`. The claim model keeps no position for
/// it, so the frontmatter is read again, with spans.
fn quantity_value(text: &str) -> Option<usize> {
    let split = frontmatter::split(text).ok()?;
    let toml = &text[split.toml.clone()];
    let (table, _) = DeTable::parse_recoverable(toml);
    let Some(DeValue::Table(quantity)) = value_of(table.get_ref(), "quantity").map(|v| v.get_ref())
    else {
        return None;
    };
    let span = ["value", "min", "max"]
        .iter()
        .find_map(|key| value_of(quantity, key))?
        .span();
    Some(split.toml.start + span.start)
}

/// The value of `key` in `table`.
fn value_of<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    (table.iter())
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .map(|(_, value)| value)
}

/// Where the appearance of `evidence` starts, and its quote.
fn appearance(claim: &ClaimDoc, evidence: &str) -> Option<(usize, Option<usize>)> {
    let found = (claim.appearances.iter()).find(|a| names(&a.origin, evidence))?;
    Some((found.span.start, found.quote.as_ref().map(|q| q.span.start)))
}

/// Where the citation of `evidence` starts, and its quote.
fn citation(claim: &ClaimDoc, evidence: &str) -> Option<(usize, Option<usize>)> {
    let found = (claim.citations.iter()).find(|c| names(&c.origin, evidence))?;
    Some((found.span.start, found.quote.as_ref().map(|q| q.span.start)))
}

fn names(origin: &DocumentRef, evidence: &str) -> bool {
    evidence_name(origin) == evidence
}
