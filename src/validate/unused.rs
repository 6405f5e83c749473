//! Files nothing uses: sources no claim names, entities no claim is about,
//! documents no appearance or citation points at.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::Docs;
use crate::diagnostic::{Code, Diagnostic};

pub(super) fn check_unused(docs: &Docs, out: &mut Vec<Diagnostic>) {
    let mut used_sources = BTreeSet::new();
    let mut used_entities = BTreeSet::new();
    let mut used_documents = HashSet::new();
    for claim in &docs.claims {
        used_sources.extend(claim.claimant.iter().map(|c| c.value.as_str()));
        let appearances = claim.appearances.iter().map(|a| &a.origin);
        for origin in appearances.chain(claim.citations.iter().map(|c| &c.origin)) {
            used_sources.extend(origin.source.iter().map(|s| s.value.as_str()));
            used_documents.extend(origin.document.iter().map(|d| d.value.as_str()));
        }
        used_entities.extend(claim.entities.iter().map(|e| e.value.as_str()));
    }
    // A document names its publisher; an unused document has its own warning.
    used_sources.extend(
        docs.documents
            .iter()
            .filter_map(|d| d.source.as_ref())
            .map(|s| s.value.as_str()),
    );
    let parents: BTreeMap<&str, &str> = docs
        .entities
        .iter()
        .filter_map(|e| e.parent.as_ref().map(|p| (e.id.as_str(), p.value.as_str())))
        .collect();
    for id in used_entities.clone() {
        let mut current = id;
        while let Some(&parent) = parents.get(current) {
            if !used_entities.insert(parent) {
                break;
            }
            current = parent;
        }
    }
    let unused_sources = docs
        .sources
        .iter()
        .filter(|s| !used_sources.contains(s.id.as_str()));
    for source in unused_sources {
        let message = format!("no claim uses the source `{}`", source.id);
        let hint = "cite it in a claim's `[[citations]]`, or remove the file";
        out.push(unused(&source.file, message, Code::UnusedSource, hint));
    }
    let unused_entities = docs
        .entities
        .iter()
        .filter(|e| !used_entities.contains(e.id.as_str()));
    for entity in unused_entities {
        let message = format!("no claim is about the entity `{}`", entity.id);
        let hint = "list it in a claim's `entities`, or remove the file";
        out.push(unused(&entity.file, message, Code::UnusedEntity, hint));
    }
    let unused_documents = docs
        .documents
        .iter()
        .filter(|d| !used_documents.contains(d.id.as_str()));
    for document in unused_documents {
        let id = &document.id;
        let message = format!("no claim uses the document `{id}`");
        let hint = format!(
            "point an appearance or citation at it with `document = \"{id}\"`, or remove the file"
        );
        out.push(unused(&document.file, message, Code::UnusedDocument, hint));
    }
}

/// The warning for a `file` that nothing uses.
fn unused(file: &str, message: String, code: Code, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::warning(file, message).code(code).hint(hint)
}
