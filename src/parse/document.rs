//! A document file's own rules: its fields, and a warning when readers
//! have no link to check it by.

use super::{DocumentKind, check_choice, check_located_url, check_url};
use crate::diagnostic::{Code, Diagnostic};
use crate::doc::{Doc, DocumentDoc};
use crate::fields::Fields;
use crate::load::RawFile;

/// The keys of a document's frontmatter.
pub(super) const DOCUMENT_KEYS: &[&str] = &["title", "source", "date", "url", "archive", "kind"];

/// Reads a document from its frontmatter `fields`.
pub(super) fn read_document(
    mut fields: Fields,
    file: &RawFile,
    body: String,
) -> (Doc, Vec<Diagnostic>) {
    let title = fields.required_str("title").map(|t| t.value);
    let source = fields.required_str("source");
    let date = fields.optional_date("date").map(|d| d.value);
    let link_given = fields.has("url") || fields.has("archive");
    let url = fields.optional_str("url");
    let url = check_located_url(&mut fields, "url", url);
    let archive = fields.optional_str("archive");
    let archive = check_url(&mut fields, "archive", archive);
    let kind = fields.optional_str("kind");
    let kind = check_choice::<DocumentKind>(&mut fields, "kind", kind);
    let start = fields.span().start;
    let mut problems = fields.finish();
    if !link_given {
        problems.push(without_link(&file.path, start));
    }
    let document = DocumentDoc {
        id: file.id.clone(),
        file: file.path.clone(),
        title,
        source,
        date,
        url,
        archive,
        kind,
        body,
    };
    (Doc::Document(document), problems)
}

/// The warning for a document with neither `url` nor `archive`, located at
/// the start of its frontmatter (byte `start`).
fn without_link(file: &str, start: usize) -> Diagnostic {
    Diagnostic::warning(
        file,
        "this document has neither `url` nor `archive`, so readers cannot check it",
    )
    .code(Code::DocumentWithoutLink)
    .at(start..start)
    .hint("add `url = \"https://...\"` for the document, or an `archive` link")
}
