//! The rules of `check --base`: what a change to the tracker must come with,
//! judged against the tracker at the base revision.
//!
//! 1. A verdict change comes with a new `[[history]]` entry that has a note.
//! 2. Every address a claim had at the base (its id and its aliases) is still
//!    some claim's id or alias, so no published link breaks.
//! 3. An address is never reused for a different claim. Until releases exist,
//!    "released" means "existed at the base revision" (drafts excepted: they
//!    were never published).

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::doc::{ClaimDoc, HistoryDoc};

/// A claim id at the base revision and the id it has in the head, as git's
/// rename detection found them (the file moved, its content mostly kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The id at the base revision.
    pub from: String,
    /// The id in the head.
    pub to: String,
}

/// The claims of both revisions, by id, and who continues whom.
struct Versions<'a> {
    base: BTreeMap<&'a str, &'a ClaimDoc>,
    head: BTreeMap<&'a str, &'a ClaimDoc>,
    /// For each head id and alias: the claim that holds it.
    head_addresses: BTreeMap<&'a str, &'a ClaimDoc>,
    renames: BTreeMap<&'a str, &'a str>,
}

impl<'a> Versions<'a> {
    fn new(base: &'a [ClaimDoc], head: &'a [ClaimDoc], renames: &'a [Renamed]) -> Self {
        let mut head_addresses = BTreeMap::new();
        for claim in head {
            head_addresses.insert(claim.id.as_str(), claim);
        }
        for claim in head {
            for alias in &claim.aliases {
                head_addresses.entry(alias.value.as_str()).or_insert(claim);
            }
        }
        Versions {
            base: base.iter().map(|c| (c.id.as_str(), c)).collect(),
            head: head.iter().map(|c| (c.id.as_str(), c)).collect(),
            head_addresses,
            renames: (renames.iter().map(|r| (r.from.as_str(), r.to.as_str()))).collect(),
        }
    }

    /// The head claim that continues the base claim `id`: where git saw it
    /// renamed to, else a claim that took `id` as an alias, else the claim
    /// still called `id`.
    fn successor(&self, id: &str) -> Option<&'a ClaimDoc> {
        if let Some(to) = self.renames.get(id) {
            return self.head.get(to).copied();
        }
        let adopted = self.head_addresses.get(id).filter(|claim| claim.id != id);
        adopted.or_else(|| self.head.get(id)).copied()
    }
}

/// Every problem `check --base` finds in `head` (the working tree's claims)
/// against `base` (the claims at the base revision).
pub fn history_rules(base: &[ClaimDoc], head: &[ClaimDoc], renames: &[Renamed]) -> Vec<Diagnostic> {
    let versions = Versions::new(base, head, renames);
    let mut found = Vec::new();
    // A draft at the base was never published: it has no address to keep.
    let published = versions.base.iter().filter(|(_, claim)| !claim.draft);
    for (id, before) in published {
        let Some(after) = versions.successor(id) else {
            found.push(removed(before));
            continue;
        };
        found.extend(verdict_without_note(before, after));
        found.extend(lost_addresses(before, after, &versions));
        found.extend(reused_id(before, after, &versions));
    }
    found
}

/// A verdict change in `after` without a new `[[history]]` entry that explains it.
fn verdict_without_note(before: &ClaimDoc, after: &ClaimDoc) -> Option<Diagnostic> {
    let (from, to) = (before.status.as_ref()?, after.status.as_ref()?);
    let last = after.history.last().and_then(|entry| entry.status.as_ref());
    if from.value == to.value || last.is_some_and(|last| last.value != to.value) {
        // A history that ends elsewhere is plain `check`'s error already.
        return None;
    }
    let new_entry = after
        .history
        .iter()
        .filter(|entry| is_new(entry, &before.history))
        .rfind(|entry| entry.status.as_ref().is_some_and(|s| s.value == to.value));
    let (message, hint) = match new_entry {
        None => (
            format!(
                "the verdict changed from `{}` to `{}` without a new [[history]] entry",
                from.value, to.value
            ),
            format!(
                "add a [[history]] entry with `date`, `status = \"{}\"` and a `note` saying why the verdict changed",
                to.value
            ),
        ),
        Some(entry) if entry.note.as_deref().is_none_or(|n| n.trim().is_empty()) => (
            format!(
                "the verdict changed from `{}` to `{}`, but its [[history]] entry has no note",
                from.value, to.value
            ),
            format!(
                "add `note = \"…\"` to the [[history]] entry with `status = \"{}\"`, saying why the verdict changed",
                to.value
            ),
        ),
        Some(_) => return None,
    };
    Some(
        Diagnostic::error(&after.file, message)
            .at(to.span.clone())
            .hint(hint),
    )
}

/// Whether `entry` is not among the base revision's `history` (same day and status).
fn is_new(entry: &HistoryDoc, history: &[HistoryDoc]) -> bool {
    let key = |e: &HistoryDoc| {
        (
            e.date.as_ref().map(|d| d.value),
            e.status.as_ref().map(|s| s.value.clone()),
        )
    };
    let wanted = key(entry);
    history.iter().all(|old| key(old) != wanted)
}

/// A base claim that no head claim continues: its address is gone.
fn removed(before: &ClaimDoc) -> Diagnostic {
    Diagnostic::error(
        &before.file,
        format!(
            "the claim `{}` was removed, and no claim keeps its address /claims/{}/",
            before.id, before.id
        ),
    )
    .hint(format!(
        "keep the file (a withdrawn claim keeps its page: change its status instead), or add `aliases = [\"{}\"]` to the claim that replaces it",
        before.id
    ))
}

/// The base addresses of `before` (its id and aliases) that no head claim holds.
fn lost_addresses(before: &ClaimDoc, after: &ClaimDoc, versions: &Versions) -> Vec<Diagnostic> {
    let lost = addresses(before).filter(|address| !versions.head_addresses.contains_key(address));
    lost.map(|address| {
        let message = if address == before.id {
            format!(
                "the claim `{address}` is now `{}`, and its old address /claims/{address}/ is not kept",
                after.id
            )
        } else {
            format!(
                "the former id `{address}` of the claim `{}` was dropped from its aliases, so /claims/{address}/ no longer leads to it",
                after.id
            )
        };
        let span = after.aliases.first().map_or(0..0, |a| a.span.clone());
        Diagnostic::error(&after.file, message)
            .at(span)
            .hint(format!(
                "add `aliases = [\"{address}\"]` to {} (or add \"{address}\" to its aliases)",
                after.file
            ))
    })
    .collect()
}

/// An address of `before` that a head claim other than its successor `after`
/// now holds, or its id when the claim holding it states another claim.
fn reused_id(before: &ClaimDoc, after: &ClaimDoc, versions: &Versions) -> Vec<Diagnostic> {
    let is_reuse = |address: &str, holder: &ClaimDoc| {
        holder.id != after.id || (holder.id == address && is_other_claim(before, holder))
    };
    (addresses(before))
        .filter_map(|address| {
            let holder = versions.head_addresses.get(address)?;
            is_reuse(address, holder).then(|| reuse(address, holder, after))
        })
        .collect()
}

/// The addresses of `claim`: its id, then its aliases.
fn addresses(claim: &ClaimDoc) -> impl Iterator<Item = &str> {
    std::iter::once(claim.id.as_str()).chain(claim.aliases.iter().map(|a| a.value.as_str()))
}

/// Whether `after`, holding `before`'s id, states another claim: its title,
/// claimant and date all differ.
fn is_other_claim(before: &ClaimDoc, after: &ClaimDoc) -> bool {
    let claimant = |c: &ClaimDoc| c.claimant.as_ref().map(|l| l.value.clone());
    let date = |c: &ClaimDoc| c.date.as_ref().map(|l| l.value);
    before.title != after.title
        && claimant(before) != claimant(after)
        && date(before) != date(after)
}

fn reuse(address: &str, holder: &ClaimDoc, successor: &ClaimDoc) -> Diagnostic {
    let span = holder
        .aliases
        .iter()
        .find(|a| a.value == address)
        .map_or(0..0, |a| a.span.clone());
    let now = if successor.id == holder.id {
        "it now states a different claim (title, claimant and date all changed)".to_string()
    } else {
        format!("that claim is now `{}`", successor.id)
    };
    Diagnostic::error(
        &holder.file,
        format!("`{address}` was published as the address of another claim: {now}; a published address is never reused"),
    )
    .at(span)
    .hint(if holder.id == address {
        "give this claim a new id (rename its file), and keep the old claim's file under its own id".to_string()
    } else {
        format!("remove \"{address}\" from this claim's aliases")
    })
}
