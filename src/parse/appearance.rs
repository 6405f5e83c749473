//! The parts of a claim that name a document: its `[[appearances]]`, and the
//! keys of an appearance or citation that say which document it is about.

use super::{check_located_url, check_url};
use crate::doc::{AppearanceDoc, DocumentRef};
use crate::fields::{Fields, merge};

/// The keys of an `[[appearances]]` entry. `stance` and `value` are listed
/// so that they get their own error rather than "unknown field".
pub(super) const APPEARANCE_KEYS: &[&str] = &[
    "document", "source", "url", "title", "date", "quote", "archive", "stance", "value",
];

/// The keys that a `document` replaces: the document file gives them.
const DOCUMENT_DETAILS: [&str; 5] = ["source", "url", "title", "date", "archive"];

/// Why an appearance has no `stance` or `value`.
const APPEARANCE_IS_THE_CLAIM: &str = "an appearance is the claim itself; put what others say under [[citations]]; the claimed value goes in [quantity]";

/// Whether an entry must name its document's publisher when it gives no `document`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Publisher {
    /// A citation: `source` is required.
    Required,
    /// An appearance: without `source`, the claimant published it.
    Claimant,
}

/// Reads the `[[appearances]]` tables of a claim.
pub(super) fn read_appearances(fields: &mut Fields) -> Vec<AppearanceDoc> {
    let mut appearances = Vec::new();
    for mut entry in fields.tables("appearances", APPEARANCE_KEYS) {
        for key in ["stance", "value"] {
            if let Some(span) = entry.span_of(key) {
                let message = format!("an appearance has no `{key}`");
                entry.error(span, message, Some(APPEARANCE_IS_THE_CLAIM.into()));
            }
        }
        let origin = read_document_ref(&mut entry, Publisher::Claimant);
        appearances.push(AppearanceDoc {
            span: entry.span(),
            origin,
            quote: entry.optional_text("quote"),
        });
        merge(fields, entry);
    }
    appearances
}

/// Which document an appearance or citation `entry` is about: its
/// `document`, or the details written inline. Details written beside a
/// `document` are errors, located at each.
pub(super) fn read_document_ref(entry: &mut Fields, publisher: Publisher) -> DocumentRef {
    if let Some(document) = entry.optional_str("document") {
        for key in DOCUMENT_DETAILS {
            if let Some(span) = entry.span_of(key) {
                let id = &document.value;
                let message = format!("`{key}` comes from the document `{id}`; remove it here");
                let hint =
                    format!("a document's details are written once, in content/documents/{id}.md");
                entry.error(span, message, Some(hint));
            }
        }
        return DocumentRef {
            document: Some(document),
            ..DocumentRef::default()
        };
    }
    let source = match publisher {
        Publisher::Required => entry.required_str("source"),
        Publisher::Claimant => entry.optional_str("source"),
    };
    // A link on a broken line was given: its syntax error is reported.
    let link_given = ["url", "archive"]
        .iter()
        .any(|key| entry.has(key) || entry.unreadable(key));
    let url = entry.optional_str("url");
    let url = check_located_url(entry, "url", url);
    let archive = entry.optional_str("archive");
    DocumentRef {
        document: None,
        source,
        url,
        title: entry.optional_str("title"),
        date: entry.optional_date("date").map(|d| d.value),
        archive: check_url(entry, "archive", archive),
        link_given,
    }
}
