//! The rules of `check --base`: what a change to the tracker must come with,
//! judged against the tracker at the base revision.
//!
//! 1. A verdict change comes with a new `[[history]]` entry that has a note,
//!    and the entries of the base stay as they were (a public record).
//! 2. Every address a claim had at the base (its id and its aliases) is still
//!    some claim's id or alias, so no published link breaks.
//! 3. An address is never reused for a different claim: neither one that
//!    existed at the base revision (drafts excepted: they were never
//!    published) nor one of a release in `data/releases/`.
//! 4. A released address is still some claim's id or alias.
//!
//! Rules 3 and 4 for released addresses are in `review/released.rs`.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::doc::{ClaimDoc, HistoryDoc};
use crate::provenance::history_edit::history_edit;

/// A claim id at the base revision and the id it has in the head, as git's
/// rename detection found them (the file moved, its content mostly kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The id at the base revision.
    pub from: String,
    /// The id in the head.
    pub to: String,
}

/// For each id and alias of `claims`: the claim that holds it (an id before
/// any alias naming it, else the first claim listing the alias).
pub(super) fn address_holders(claims: &[ClaimDoc]) -> BTreeMap<&str, &ClaimDoc> {
    let mut holders: BTreeMap<&str, &ClaimDoc> = claims
        .iter()
        .map(|claim| (claim.id.as_str(), claim))
        .collect();
    for claim in claims {
        for alias in &claim.aliases {
            holders.entry(alias.value.as_str()).or_insert(claim);
        }
    }
    holders
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
        Versions {
            base: base.iter().map(|c| (c.id.as_str(), c)).collect(),
            head: head.iter().map(|c| (c.id.as_str(), c)).collect(),
            head_addresses: address_holders(head),
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
        // A file that now states another claim is the reuse rule's error:
        // its verdict and history are not the old claim's.
        if !is_other_claim(before, after) {
            found.extend(verdict_without_note(before, after));
            found.extend(rewritten_history(before, after));
        }
        found.extend(lost_addresses(before, after, &versions));
        found.extend(reused_id(before, after, &versions));
    }
    found
}

/// A verdict change in `after` without a new `[[history]]` entry that
/// explains it. An entry is new when the base has no entry with its date,
/// status and note and every entry of the base is still there (see
/// [`history_edit`]), the same reading `diff` gives a verdict change's note.
fn verdict_without_note(before: &ClaimDoc, after: &ClaimDoc) -> Option<Diagnostic> {
    let (from, to) = (before.status.as_ref()?, after.status.as_ref()?);
    let last = after.history.last().and_then(|entry| entry.status.as_ref());
    if from.value == to.value || last.is_some_and(|last| last.value != to.value) {
        // A history that ends elsewhere is plain `check`'s error already.
        return None;
    }
    let new_entry = (history_edit(&before.history, &after.history)
        .added
        .into_iter())
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

/// Each `[[history]]` entry of `before` that `after` changed or removed,
/// located at the entry as edited (else at the last entry, else `status`).
fn rewritten_history(before: &ClaimDoc, after: &ClaimDoc) -> Vec<Diagnostic> {
    let edit = history_edit(&before.history, &after.history);
    (edit.changed.into_iter())
        .filter_map(|changed| {
            let old = before.history.get(changed.old)?;
            let edited = changed.new.and_then(|at| after.history.get(at));
            let verb = if edited.is_some() { "changed" } else { "removed" };
            let span = (edited.or(after.history.last()))
                .and_then(entry_span)
                .or_else(|| after.status.as_ref().map(|s| s.span.clone()))
                .unwrap_or(0..0);
            let date = old.date.as_ref().map_or("?".to_string(), |d| d.value.to_string());
            let status = old.status.as_ref().map_or("?", |s| s.value.as_str());
            let message = format!(
                "a [[history]] entry of the base revision was {verb}: history entries are a public record; add a new entry instead"
            );
            let hint = format!(
                "restore the entry of {date} (`status = \"{status}\"` and its note) as the base has it, and record the change in a new [[history]] entry after it"
            );
            Some(Diagnostic::error(&after.file, message).at(span).hint(hint))
        })
        .collect()
}

/// Where a `[[history]]` entry is: its `status`, else its `date`.
fn entry_span(entry: &HistoryDoc) -> Option<std::ops::Range<usize>> {
    (entry.status.as_ref().map(|s| s.span.clone()))
        .or_else(|| entry.date.as_ref().map(|d| d.span.clone()))
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
pub(crate) fn addresses(claim: &ClaimDoc) -> impl Iterator<Item = &str> {
    std::iter::once(claim.id.as_str()).chain(claim.aliases.iter().map(|a| a.value.as_str()))
}

/// Whether `after`, holding `before`'s id, states another claim: its title,
/// claimant and date all differ.
fn is_other_claim(before: &ClaimDoc, after: &ClaimDoc) -> bool {
    Identity::of(before).is_other(&Identity::of(after))
}

/// What makes a claim the one it is, for the reuse rule: its title, its
/// claimant's id and its date (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The claim's title.
    pub title: Option<String>,
    /// The claimant's source id.
    pub claimant: Option<String>,
    /// The claim's date, as `YYYY-MM-DD`.
    pub date: Option<String>,
}

impl Identity {
    /// The identity of `claim` as written.
    pub fn of(claim: &ClaimDoc) -> Identity {
        Identity {
            title: claim.title.clone(),
            claimant: claim.claimant.as_ref().map(|l| l.value.clone()),
            date: claim.date.as_ref().map(|l| l.value.to_string()),
        }
    }

    /// Whether `other` states another claim: title, claimant and date all differ.
    pub(crate) fn is_other(&self, other: &Identity) -> bool {
        self.changed(other).len() == 3
    }

    /// Which of `title`, `claimant` and `date` differ in `other`, in that order.
    pub(crate) fn changed(&self, other: &Identity) -> Vec<&'static str> {
        [
            ("title", self.title != other.title),
            ("claimant", self.claimant != other.claimant),
            ("date", self.date != other.date),
        ]
        .into_iter()
        .filter_map(|(name, differs)| differs.then_some(name))
        .collect()
    }
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
