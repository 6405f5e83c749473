//! What an edit did to one content file, read from its two parsed versions
//! rather than their text: a verdict changed, evidence added or removed, a
//! quote edited, a value changed, a title reworded. The same list serves the
//! site's change log (`changes.json`, claim pages) and `claimtrail diff`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::doc::{ClaimDoc, Doc};
use crate::fields::{Located, located_value as value};

use super::amount_words::amount_text;
use super::evidence::{Cited, Made, Paired, Publishers, as_read, evidence_name, pair_by};
use super::history_edit::history_edit;

/// One semantic change to one content file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The file first appeared.
    Added,
    /// The file was deleted (and no other file took its place).
    Removed,
    /// The file was renamed, so its id (and address) changed.
    Renamed {
        /// The id before.
        from: String,
        /// The id after.
        to: String,
        /// Whether the new file lists the old id in `aliases`, keeping the old address.
        alias_kept: bool,
    },
    /// The claim's `status` changed.
    Verdict {
        /// The status id before (`None` only from [`compare_docs`] on a claim
        /// without one: the history and `diff` never compare such versions).
        from: Option<String>,
        /// The status id after.
        to: Option<String>,
        /// The note of the `[[history]]` entry added with the change, if one was.
        note: Option<String>,
    },
    /// The claim's title, or a source's, entity's or document's name or title, was reworded.
    Title {
        /// The wording before.
        from: Option<String>,
        /// The wording after.
        to: Option<String>,
    },
    /// An `[[appearances]]` entry was added.
    AppearanceAdded {
        /// The document it names: its id, else its link, else its title.
        evidence: String,
    },
    /// An `[[appearances]]` entry was removed.
    AppearanceRemoved {
        /// The document it named.
        evidence: String,
    },
    /// A `[[citations]]` entry was added.
    CitationAdded {
        /// The document it names.
        evidence: String,
        /// `supports`, `contradicts` or `neutral`.
        stance: String,
    },
    /// A `[[citations]]` entry was removed.
    CitationRemoved {
        /// The document it named.
        evidence: String,
        /// Its stance.
        stance: String,
    },
    /// The quote of an appearance or citation was edited.
    QuoteEdited {
        /// The document the quote is from.
        evidence: String,
        /// The quote before.
        from: Option<String>,
        /// The quote after.
        to: Option<String>,
    },
    /// The claim's `[quantity]` value, or a citation's `value`, changed.
    ValueChanged {
        /// The citation's document; `None` for the claim's own quantity.
        evidence: Option<String>,
        /// The value before, as readers see it (`over 100`, `20 to 25`).
        from: Option<String>,
        /// The value after.
        to: Option<String>,
    },
    /// Other fields changed; their names, in the file's field order.
    Edited {
        /// `summary`, `body`, `tags`, `date`, … as written in the file.
        fields: Vec<String>,
    },
}

impl Change {
    /// Whether readers should hear about it in the corrections feed: a
    /// verdict change, a rename, a removal, or a change to the evidence, a
    /// quote or a value (rewording and other edits are not corrections).
    pub fn is_correction(&self) -> bool {
        !matches!(
            self,
            Change::Added | Change::Title { .. } | Change::Edited { .. }
        )
    }
}

/// What changed between two versions of one file. Versions of different
/// kinds compare as nothing in common: the caller records a removal and an
/// addition instead. Citations naming a document (not a source) are read as
/// evidence, since the document's publisher is not known here.
pub fn compare_docs(old: &Doc, new: &Doc) -> Vec<Change> {
    let none = HashMap::new();
    let publishers = Publishers::new(&none, &none);
    compare_docs_in((old, &publishers), (new, &publishers))
}

/// [`compare_docs`], each version with the publishers of the documents it may cite.
pub(crate) fn compare_docs_in(
    (old, old_publishers): (&Doc, &Publishers),
    (new, new_publishers): (&Doc, &Publishers),
) -> Vec<Change> {
    match (old, new) {
        (Doc::Claim(old), Doc::Claim(new)) => {
            compare_claims((old, old_publishers), (new, new_publishers))
        }
        (Doc::Source(old), Doc::Source(new)) => {
            let edited = differing(&[
                ("kind", old.kind.as_str() != new.kind.as_str()),
                ("url", old.url != new.url),
                ("entity", value(&old.entity) != value(&new.entity)),
                ("body", old.body.trim() != new.body.trim()),
            ]);
            title_change(&old.name, &new.name)
                .into_iter()
                .chain(edited)
                .collect()
        }
        (Doc::Entity(old), Doc::Entity(new)) => {
            let title = title_change(&old.name, &new.name);
            title
                .into_iter()
                .chain(differing(&[
                    ("kind", old.kind.as_str() != new.kind.as_str()),
                    ("parent", value(&old.parent) != value(&new.parent)),
                    ("url", old.url != new.url),
                    ("aliases", old.aliases != new.aliases),
                    ("body", old.body.trim() != new.body.trim()),
                ]))
                .collect()
        }
        (Doc::Document(old), Doc::Document(new)) => {
            let title = title_change(&old.title, &new.title);
            title
                .into_iter()
                .chain(differing(&[
                    ("source", value(&old.source) != value(&new.source)),
                    ("date", old.date != new.date),
                    ("url", value(&old.url) != value(&new.url)),
                    ("archive", old.archive != new.archive),
                    ("kind", old.kind.as_str() != new.kind.as_str()),
                    ("body", old.body.trim() != new.body.trim()),
                ]))
                .collect()
        }
        (Doc::Page(old), Doc::Page(new)) => {
            let title = title_change(&old.title, &new.title);
            let body = differing(&[("body", old.body.trim() != new.body.trim())]);
            title.into_iter().chain(body).collect()
        }
        _ => Vec::new(),
    }
}

/// A claim's changes: verdict, title, quantity, evidence, then other fields.
/// The evidence is compared as the site reads it: a citation by the
/// claimant is an appearance (see [`as_read`]).
fn compare_claims(
    (old, old_publishers): (&ClaimDoc, &Publishers),
    (new, new_publishers): (&ClaimDoc, &Publishers),
) -> Vec<Change> {
    let mut changes = Vec::new();
    let (old_status, new_status) = (value(&old.status), value(&new.status));
    if old_status != new_status {
        changes.push(Change::Verdict {
            from: old_status.cloned(),
            to: new_status.cloned(),
            note: added_history_note(old, new),
        });
    }
    changes.extend(title_change(&old.title, &new.title));
    let old_amount = old.quantity.as_ref().and_then(|q| q.amount);
    let new_amount = new.quantity.as_ref().and_then(|q| q.amount);
    if old_amount != new_amount {
        changes.push(Change::ValueChanged {
            evidence: None,
            from: old_amount.map(amount_text),
            to: new_amount.map(amount_text),
        });
    }
    let (old_made, old_evidence) = as_read(old, old_publishers);
    let (new_made, new_evidence) = as_read(new, new_publishers);
    compare_appearances(&old_made, &new_made, &mut changes);
    compare_citations(&old_evidence, &new_evidence, &mut changes);
    let quantity_words = |claim: &ClaimDoc| {
        claim
            .quantity
            .as_ref()
            .map(|q| (q.label.clone(), q.unit.clone()))
    };
    changes.extend(differing(&[
        ("date", value(&old.date) != value(&new.date)),
        ("claimant", value(&old.claimant) != value(&new.claimant)),
        ("entities", values(&old.entities) != values(&new.entities)),
        ("tags", values(&old.tags) != values(&new.tags)),
        ("summary", old.summary != new.summary),
        ("draft", old.draft != new.draft),
        ("aliases", values(&old.aliases) != values(&new.aliases)),
        ("quantity", quantity_words(old) != quantity_words(new)),
        ("history", history_notes(old) != history_notes(new)),
        ("body", old.body.trim() != new.body.trim()),
    ]));
    changes
}

/// The note of the newest `[[history]]` entry that `new` adds to `old`
/// (see [`history_edit`]) and that names `new`'s status: the reason given
/// for the verdict change.
fn added_history_note(old: &ClaimDoc, new: &ClaimDoc) -> Option<String> {
    let status = value(&new.status)?;
    history_edit(&old.history, &new.history)
        .added
        .into_iter()
        .rev()
        .find(|entry| value(&entry.status) == Some(status))
        .and_then(|entry| entry.note.clone())
}

/// The `[[history]]` entries as comparable text.
fn history_notes(claim: &ClaimDoc) -> Vec<(Option<String>, Option<&String>, Option<&String>)> {
    claim
        .history
        .iter()
        .map(|entry| {
            (
                value(&entry.date).map(|date| date.to_string()),
                value(&entry.status),
                entry.note.as_ref(),
            )
        })
        .collect()
}

/// Appearances paired by the document they name, in the file's order.
fn compare_appearances(old: &[Made], new: &[Made], changes: &mut Vec<Change>) {
    let key = |a: &Made| evidence_name(a.origin);
    for pair in pair_by(old, new, key, |a, b| a.shown.same(&b.shown)) {
        match pair {
            Paired::Removed(a) => changes.push(Change::AppearanceRemoved { evidence: key(a) }),
            Paired::Added(a) => changes.push(Change::AppearanceAdded { evidence: key(a) }),
            Paired::Both(before, after) => {
                changes.extend(quote_change(key(after), before.quote, after.quote));
            }
        }
    }
}

/// Citations paired by the document they name; a changed stance counts as
/// the old citation removed and the new one added.
fn compare_citations(old: &[Cited], new: &[Cited], changes: &mut Vec<Change>) {
    let key = |c: &Cited| evidence_name(&c.citation.origin);
    let removed = |c: &Cited| Change::CitationRemoved {
        evidence: key(c),
        stance: c.citation.stance.as_str().to_string(),
    };
    let added = |c: &Cited| Change::CitationAdded {
        evidence: key(c),
        stance: c.citation.stance.as_str().to_string(),
    };
    for pair in pair_by(old, new, key, |a, b| a.shown.same(&b.shown)) {
        match pair {
            Paired::Removed(c) => changes.push(removed(c)),
            Paired::Added(c) => changes.push(added(c)),
            Paired::Both(before, after) if before.citation.stance != after.citation.stance => {
                changes.push(removed(before));
                changes.push(added(after));
            }
            Paired::Both(before, after) => {
                let (was, now) = (before.citation, after.citation);
                changes.extend(quote_change(key(after), &was.quote, &now.quote));
                if was.value != now.value {
                    changes.push(Change::ValueChanged {
                        evidence: Some(key(after)),
                        from: was.value.map(amount_text),
                        to: now.value.map(amount_text),
                    });
                }
            }
        }
    }
}

/// A [`Change::QuoteEdited`] when the quote's words differ.
fn quote_change(
    evidence: String,
    before: &Option<Located<String>>,
    after: &Option<Located<String>>,
) -> Option<Change> {
    (value(before) != value(after)).then(|| Change::QuoteEdited {
        evidence,
        from: value(before).cloned(),
        to: value(after).cloned(),
    })
}

/// A [`Change::Title`] when the wording differs.
fn title_change(old: &Option<String>, new: &Option<String>) -> Option<Change> {
    (old != new).then(|| Change::Title {
        from: old.clone(),
        to: new.clone(),
    })
}

/// One [`Change::Edited`] naming the fields whose flag is set, or none.
fn differing(fields: &[(&str, bool)]) -> Option<Change> {
    let names: Vec<String> = fields
        .iter()
        .filter(|(_, differs)| *differs)
        .map(|(name, _)| name.to_string())
        .collect();
    (!names.is_empty()).then_some(Change::Edited { fields: names })
}

/// The values of located list entries.
fn values<T>(located: &[Located<T>]) -> Vec<&T> {
    located.iter().map(|located| &located.value).collect()
}
