//! A claim's appearances and evidence, as published: each entry that points
//! at a document gets the document's details, and old-format citations by
//! the claimant move to the appearances.

use std::collections::BTreeMap;

use time::Date;

use super::{Appearance, Citation, Document};
use crate::doc::{AppearanceDoc, CitationDoc, DocumentDoc, DocumentRef};
use crate::fields::Located;
use crate::validate::{is_claimants_statement, publisher};

/// The details of the document an entry is about: the document file's, or
/// those written inline.
struct Resolved {
    document: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
    date: Option<Date>,
    archive: Option<String>,
}

/// A claim's appearances (its own `[[appearances]]`, then its citations by
/// `claimant`) and its evidence (every other citation), in the file's
/// order. `None` for a reference that validation reported.
pub(super) fn appearances_and_evidence(
    appearances: Vec<AppearanceDoc>,
    citations: Vec<CitationDoc>,
    claimant: &str,
    documents: &BTreeMap<String, Document>,
) -> Option<(Vec<Appearance>, Vec<Citation>)> {
    let mut made = appearances
        .into_iter()
        .map(|a| appearance(resolve(a.origin, documents)?, text(a.quote), claimant))
        .collect::<Option<Vec<_>>>()?;
    let mut evidence = Vec::with_capacity(citations.len());
    for c in citations {
        let publisher = publisher(&c.origin, |id| documents.get(id).map(|d| d.source.as_str()));
        let by_claimant = is_claimants_statement(&c, publisher, claimant);
        let resolved = resolve(c.origin, documents)?;
        if by_claimant {
            made.push(appearance(resolved, text(c.quote), claimant)?);
            continue;
        }
        evidence.push(Citation {
            document: resolved.document,
            source: resolved.source?,
            url: resolved.url,
            title: resolved.title,
            date: resolved.date,
            stance: c.stance,
            quote: text(c.quote),
            value: c.value,
            archive: resolved.archive,
            archived: None,
            quote_check: None,
        });
    }
    Some((made, evidence))
}

/// A quote's text, without where it is in its file.
fn text(quote: Option<Located<String>>) -> Option<String> {
    quote.map(|q| q.value)
}

/// An appearance in the `resolved` document; the `claimant` published it
/// when the entry names no source.
fn appearance(resolved: Resolved, quote: Option<String>, claimant: &str) -> Option<Appearance> {
    Some(Appearance {
        document: resolved.document,
        source: resolved.source.unwrap_or_else(|| claimant.to_string()),
        url: resolved.url,
        title: resolved.title,
        date: resolved.date,
        quote,
        archive: resolved.archive,
        archived: None,
        quote_check: None,
    })
}

/// The details of `origin`'s document: copied from its file, or as written.
fn resolve(origin: DocumentRef, documents: &BTreeMap<String, Document>) -> Option<Resolved> {
    let Some(id) = origin.document else {
        return Some(Resolved {
            document: None,
            source: origin.source.map(|s| s.value),
            url: origin.url.map(|u| u.value),
            title: origin.title.map(|t| t.value),
            date: origin.date,
            archive: origin.archive,
        });
    };
    let document = documents.get(&id.value)?;
    Some(Resolved {
        source: Some(document.source.clone()),
        url: document.url.clone(),
        title: Some(document.title.clone()),
        date: document.date,
        archive: document.archive.clone(),
        document: Some(id.value),
    })
}

/// A document as published, keyed by its id.
pub(super) fn document_from_doc(doc: DocumentDoc) -> Option<(String, Document)> {
    let document = Document {
        id: doc.id.clone(),
        file: doc.file,
        title: doc.title?,
        source: doc.source?.value,
        date: doc.date,
        url: doc.url.map(|u| u.value),
        archive: doc.archive,
        archived: None,
        kind: doc.kind,
        body: doc.body,
    };
    Some((doc.id, document))
}
