//! `/documents.json`: every document, with the claims it makes (and their
//! verdicts counted) and the claims citing it as evidence. Documented in docs/data.md.

use std::collections::BTreeMap;

use serde::Serialize;

use super::OutputFile;
use super::data::{Named, source_ref};
use super::data_evidence::{CaptureData, capture};
use super::viewer::Viewer;
use crate::model::Document;
use crate::parse::DocumentKind;

#[derive(Serialize)]
pub(super) struct DocumentData<'a> {
    id: &'a str,
    title: &'a str,
    kind: DocumentKind,
    url: String,
    link: Option<&'a str>,
    archive: Option<&'a str>,
    archived: Option<CaptureData<'a>>,
    date: Option<String>,
    source: Named,
    description: &'a str,
    claims: Vec<&'a str>,
    cited_in: Vec<&'a str>,
    scorecard: BTreeMap<&'a str, usize>,
}

/// Where the file goes.
pub(super) const PATH: &str = "documents.json";

/// `documents.json`: every document of the site, by id.
pub(super) fn file(viewer: &Viewer) -> OutputFile {
    let documents = viewer.site.documents.values();
    let documents: Vec<DocumentData> = documents.map(|d| document(viewer, d)).collect();
    OutputFile {
        path: PATH.into(),
        bytes: super::data_envelope::document(viewer, "documents", "documents", &documents),
    }
}

pub(super) fn document<'a>(viewer: &Viewer<'a, '_>, document: &'a Document) -> DocumentData<'a> {
    let site = viewer.site;
    let ids = |claims: &[usize]| -> Vec<&'a str> {
        claims.iter().map(|&i| site.claims[i].id.as_str()).collect()
    };
    let made = viewer.index.documents.made_in(&document.id);
    let mut scorecard: BTreeMap<&str, usize> = site
        .config
        .statuses
        .iter()
        .map(|s| (s.id.as_str(), 0))
        .collect();
    for &i in made {
        if let Some(count) = scorecard.get_mut(site.claims[i].status.as_str()) {
            *count += 1;
        }
    }
    DocumentData {
        id: &document.id,
        title: &document.title,
        kind: document.kind,
        url: viewer.urls.absolute(&format!("documents/{}/", document.id)),
        link: document.url.as_deref(),
        archive: document.archive.as_deref(),
        archived: capture(document.archived.as_ref()),
        date: document.date.map(|d| d.to_string()),
        source: source_ref(viewer, &document.source),
        description: document.body.trim(),
        claims: ids(made),
        cited_in: ids(viewer.index.documents.citing(&document.id)),
        scorecard,
    }
}
