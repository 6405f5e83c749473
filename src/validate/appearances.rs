//! The rules on where a claim was made: references to documents, old-format
//! citations by the claimant (read as appearances), and a claim with no
//! appearance at all.

use std::collections::{BTreeSet, HashMap};

use super::check_reference;
use crate::diagnostic::{Code, Diagnostic};
use crate::doc::{CitationDoc, ClaimDoc, DocumentRef};
use crate::load::Kind;
use crate::parse::Stance;

/// The ids a claim's entries may point at.
pub(super) struct Known<'a> {
    /// Source ids.
    pub sources: &'a BTreeSet<&'a str>,
    /// Document ids.
    pub documents: &'a BTreeSet<&'a str>,
    /// Each document's publisher, by document id.
    pub publishers: &'a HashMap<&'a str, &'a str>,
}

/// The source that published the document `origin` is about: its
/// document's publisher (looked up with `publisher_of`), or its inline `source`.
pub(crate) fn publisher<'a>(
    origin: &'a DocumentRef,
    publisher_of: impl Fn(&str) -> Option<&'a str>,
) -> Option<&'a str> {
    match &origin.document {
        Some(document) => publisher_of(&document.value),
        None => origin.source.as_ref().map(|s| s.value.as_str()),
    }
}

/// Whether `citation`, published by `publisher`, is an old-format statement of
/// the claim by its `claimant`: the claimant backing (or not taking sides
/// on) its own claim is where the claim was made, not evidence for it. A
/// claimant that contradicts its claim (walking it back) stays evidence.
pub(crate) fn is_claimants_statement(
    citation: &CitationDoc,
    publisher: Option<&str>,
    claimant: &str,
) -> bool {
    publisher == Some(claimant) && matches!(citation.stance, Stance::Supports | Stance::Neutral)
}

/// Every reference a claim's appearances and citations make resolves.
pub(super) fn check_origin_references(claim: &ClaimDoc, known: &Known, out: &mut Vec<Diagnostic>) {
    let appearances = claim.appearances.iter().map(|a| &a.origin);
    let citations = claim.citations.iter().map(|c| &c.origin);
    for origin in appearances.chain(citations) {
        if let Some(document) = &origin.document {
            check_reference(&claim.file, document, Kind::Document, known.documents, out);
        }
        if let Some(source) = &origin.source {
            check_reference(&claim.file, source, Kind::Source, known.sources, out);
        }
    }
}

/// The warnings about a claim's appearances and citations: entries readers
/// cannot check, claimant citations read as appearances, and no appearance.
pub(super) fn check_appearances(claim: &ClaimDoc, known: &Known, out: &mut Vec<Diagnostic>) {
    let appearances = claim
        .appearances
        .iter()
        .map(|a| (&a.origin, &a.span, &UNLINKED_APPEARANCE));
    let citations = claim
        .citations
        .iter()
        .map(|c| (&c.origin, &c.span, &UNLINKED_CITATION));
    for (origin, span, kind) in appearances.chain(citations) {
        if origin.document.is_none() && !origin.link_given {
            out.push(without_link(&claim.file, span.start, kind));
        }
    }
    // An unknown claimant is already an error; a second message about it would be noise.
    let Some(claimant) = claim
        .claimant
        .as_ref()
        .filter(|c| known.sources.contains(c.value.as_str()))
    else {
        return;
    };
    let mut migrated = 0;
    for citation in &claim.citations {
        let publisher = publisher(&citation.origin, |id| known.publishers.get(id).copied());
        if is_claimants_statement(citation, publisher, &claimant.value) {
            migrated += 1;
            out.push(read_as_appearance(&claim.file, citation, &claimant.value));
        }
    }
    if claim.appearances.is_empty() && migrated == 0 && !claim.citations.is_empty() {
        out.push(
            Diagnostic::warning(&claim.file, "the claim has no appearance: where was it made?")
                .code(Code::NoAppearance)
                .at(claimant.span.clone())
                .hint(format!(
                    "add an `[[appearances]]` entry with the `document` (or `url` and `title`) where `{}` made the claim, and its `quote`",
                    claimant.value
                )),
        );
    }
}

/// What the warning about an entry without a link says for one kind of entry.
struct Unlinked {
    noun: &'static str,
    code: Code,
    hint: &'static str,
}

const UNLINKED_APPEARANCE: Unlinked = Unlinked {
    noun: "appearance",
    code: Code::AppearanceWithoutLink,
    hint: "add `url = \"https://...\"` for where the claim was made, or an `archive` link",
};

const UNLINKED_CITATION: Unlinked = Unlinked {
    noun: "citation",
    code: Code::CitationWithoutLink,
    hint: "add `url = \"https://...\"` for the document, or an `archive` link",
};

/// The warning for an entry at byte `start` with neither a link nor a
/// document (whose file has its own warning).
fn without_link(file: &str, start: usize, kind: &Unlinked) -> Diagnostic {
    let message = format!(
        "this {} has neither `url` nor `archive`, so readers cannot check it",
        kind.noun
    );
    Diagnostic::warning(file, message)
        .code(kind.code)
        .at(start..start)
        .hint(kind.hint)
}

/// The migration warning for an old-format citation by the `claimant`,
/// located at its `source` (or `document`).
fn read_as_appearance(file: &str, citation: &CitationDoc, claimant: &str) -> Diagnostic {
    let origin = &citation.origin;
    let at = origin
        .source
        .as_ref()
        .or(origin.document.as_ref())
        .map_or(citation.span.clone(), |key| key.span.clone());
    Diagnostic::warning(
        file,
        format!("this citation is by the claimant `{claimant}`, so it is where the claim was made, not evidence for it"),
    )
    .code(Code::CitationIsAppearance)
    .at(at)
    .hint("rename this `[[citations]]` to `[[appearances]]` and remove `stance` and `value`")
}
