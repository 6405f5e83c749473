//! A claim's evidence as the site reads it, for comparing two versions: where
//! the claim was made (its appearances, and its citations by the claimant)
//! and what it cites, each with the link and title readers see of its
//! document ([`Publishers`]), and the pairing of two versions' entries
//! ([`pair_by`]). [`super::compare`] turns the pairs into changes.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::doc::{CitationDoc, ClaimDoc, DocumentDoc, DocumentRef};
use crate::fields::{Located, located_value as value};
use crate::validate::{is_claimants_statement, publisher};

/// What the site shows of a document file: who publishes it, its link and
/// its title.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) struct DocumentInfo {
    /// The source id that publishes it.
    pub source: Option<String>,
    /// Its link.
    pub url: Option<String>,
    /// Its title.
    pub title: Option<String>,
}

impl DocumentInfo {
    /// What `document` shows.
    pub(crate) fn of(document: &DocumentDoc) -> DocumentInfo {
        DocumentInfo {
            source: value(&document.source).cloned(),
            url: value(&document.url).cloned(),
            title: document.title.clone(),
        }
    }
}

/// The documents a claim's entries may name, for reading them as the site
/// does (a citation by the claimant is an appearance; an entry naming a
/// document shows its link and title): the documents of the claim's own
/// revision first, then the others known.
pub(crate) struct Publishers<'a> {
    own: &'a HashMap<String, DocumentInfo>,
    known: &'a HashMap<String, DocumentInfo>,
}

impl<'a> Publishers<'a> {
    /// The documents of `own`, then of `known`.
    pub(crate) fn new(
        own: &'a HashMap<String, DocumentInfo>,
        known: &'a HashMap<String, DocumentInfo>,
    ) -> Publishers<'a> {
        Publishers { own, known }
    }

    /// What the document `id` shows.
    fn info(&self, id: &str) -> Option<&'a DocumentInfo> {
        self.own.get(id).or_else(|| self.known.get(id))
    }

    /// The source id that publishes the document `id`.
    fn of(&self, id: &str) -> Option<&'a str> {
        self.info(id)?.source.as_deref()
    }

    /// The link and title readers see for an entry naming `origin`.
    fn shown(&self, origin: &'a DocumentRef) -> Shown<'a> {
        match &origin.document {
            Some(id) => {
                let info = self.info(&id.value);
                Shown {
                    url: info.and_then(|i| i.url.as_deref()),
                    title: info.and_then(|i| i.title.as_deref()),
                }
            }
            None => Shown {
                url: value(&origin.url).map(String::as_str),
                title: value(&origin.title).map(String::as_str),
            },
        }
    }
}

/// The link and title readers see for an appearance or citation.
#[derive(Clone, Copy)]
pub(super) struct Shown<'a> {
    url: Option<&'a str>,
    title: Option<&'a str>,
}

impl Shown<'_> {
    /// Whether two entries show the same document: the same link, or the same title.
    pub(super) fn same(&self, other: &Shown) -> bool {
        (self.url.is_some() && self.url == other.url)
            || (self.title.is_some() && self.title == other.title)
    }
}

/// Where a claim was made, as the site reads it: an `[[appearances]]`
/// entry, or a citation by the claimant.
pub(super) struct Made<'a> {
    pub origin: &'a DocumentRef,
    pub quote: &'a Option<Located<String>>,
    pub shown: Shown<'a>,
}

/// A citation that is evidence, with what readers see of its document.
pub(super) struct Cited<'a> {
    pub citation: &'a CitationDoc,
    pub shown: Shown<'a>,
}

/// A claim's appearances (its `[[appearances]]`, then its citations by the
/// claimant) and its evidence (its other citations), as the model reads them.
pub(super) fn as_read<'a>(
    claim: &'a ClaimDoc,
    publishers: &Publishers<'a>,
) -> (Vec<Made<'a>>, Vec<Cited<'a>>) {
    let claimant = value(&claim.claimant).map_or("", String::as_str);
    let mut made: Vec<Made> = (claim.appearances.iter())
        .map(|a| Made {
            origin: &a.origin,
            quote: &a.quote,
            shown: publishers.shown(&a.origin),
        })
        .collect();
    let mut evidence = Vec::new();
    for citation in &claim.citations {
        let by = publisher(&citation.origin, |id| publishers.of(id));
        let shown = publishers.shown(&citation.origin);
        if is_claimants_statement(citation, by, claimant) {
            made.push(Made {
                origin: &citation.origin,
                quote: &citation.quote,
                shown,
            });
        } else {
            evidence.push(Cited { citation, shown });
        }
    }
    (made, evidence)
}

/// An entry of the old list, the new list, or both.
pub(super) enum Paired<'a, T> {
    Removed(&'a T),
    Added(&'a T),
    Both(&'a T, &'a T),
}

/// Pairs the entries of `old` and `new` with equal keys, first with first,
/// then the rest that are `alike` (the same document named another way);
/// the rest are removed or added. Quadratic only in the entries of one file.
pub(super) fn pair_by<'a, T>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> String,
    alike: impl Fn(&T, &T) -> bool,
) -> Vec<Paired<'a, T>> {
    let mut unpaired_new: Vec<Option<&T>> = new.iter().map(Some).collect();
    let mut take = |wanted: &dyn Fn(&T) -> bool| {
        (unpaired_new.iter_mut())
            .find(|slot| slot.is_some_and(wanted))
            .and_then(Option::take)
    };
    let mut found: Vec<Option<&T>> = (old.iter())
        .map(|before| {
            let wanted = key(before);
            take(&|after| key(after) == wanted)
        })
        .collect();
    for (before, slot) in old.iter().zip(found.iter_mut()) {
        if slot.is_none() {
            *slot = take(&|after| alike(before, after));
        }
    }
    let mut pairs: Vec<Paired<'a, T>> = (old.iter().zip(found))
        .map(|(before, found)| match found {
            Some(after) => Paired::Both(before, after),
            None => Paired::Removed(before),
        })
        .collect();
    pairs.extend(unpaired_new.into_iter().flatten().map(Paired::Added));
    pairs
}

/// How a change names a piece of evidence: the document's id, else its link, else its title.
pub(crate) fn evidence_name(origin: &DocumentRef) -> String {
    value(&origin.document)
        .or(value(&origin.url))
        .or(value(&origin.title))
        .cloned()
        .unwrap_or_else(|| "(an unnamed document)".to_string())
}
