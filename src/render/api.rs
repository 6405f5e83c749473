//! The static per-item API: `/claims/<id>/index.json`, and the same for each
//! document, source and entity, beside its page. Each holds what the whole-site
//! file holds of the item (the same view structs), the site header, and the
//! item's history from git (`changes`, null without it). Documented in docs/data.md.

use serde::Serialize;
use serde::ser::SerializeMap;

use super::OutputFile;
use super::changes::{RecordData, record_data};
use super::data;
use super::data_documents;
use super::data_envelope::{Entries, document_with};
use super::viewer::Viewer;
use crate::load::Kind;
use crate::model::{Document, Entity, Site, Source};

/// The file name of an item's API file, in its page's folder.
const FILE: &str = "index.json";

/// What one API file is about.
#[derive(Clone, Copy)]
enum Item<'a> {
    /// The claim at this index of the site's claims.
    Claim(usize),
    Source(&'a Source),
    Entity(&'a Entity),
    Document(&'a Document),
}

/// One API file: where it goes and what it is about.
pub(super) struct ApiFile<'a> {
    /// Its output path, e.g. `claims/<id>/index.json`.
    pub(super) path: String,
    item: Item<'a>,
}

/// Every API file of `site`: claims, documents, sources, entities; none
/// when `item_api = false`.
pub(super) fn files(site: &Site) -> Vec<ApiFile<'_>> {
    if !site.config.item_api {
        return Vec::new();
    }
    let claims = (site.claims.iter().enumerate())
        .map(|(i, claim)| api_file("claims", &claim.id, Item::Claim(i)));
    let documents =
        (site.documents.values()).map(|d| api_file("documents", &d.id, Item::Document(d)));
    let sources = (site.sources.values()).map(|s| api_file("sources", &s.id, Item::Source(s)));
    let entities = (site.entities.values()).map(|e| api_file("entities", &e.id, Item::Entity(e)));
    claims
        .chain(documents)
        .chain(sources)
        .chain(entities)
        .collect()
}

fn api_file<'a>(folder: &str, id: &str, item: Item<'a>) -> ApiFile<'a> {
    ApiFile {
        path: format!("{folder}/{id}/{FILE}"),
        item,
    }
}

/// The site path of the API file of the page in `dir` (e.g. `claims/<id>/`),
/// for the page's `<link rel="alternate" type="application/json">`; `None`
/// when the site has no API files.
pub(super) fn json_path(viewer: &Viewer, dir: &str) -> Option<String> {
    (viewer.site.config.item_api).then(|| viewer.urls.path(&format!("{dir}{FILE}")))
}

/// The entries after the header: the item under `key`, the claim's `body`,
/// then `changes`.
struct ItemEntries<'b, T> {
    key: &'static str,
    item: T,
    body: Option<&'b str>,
    changes: Option<RecordData<'b>>,
}

impl<T: Serialize> Entries for ItemEntries<'_, T> {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(self.key, &self.item)?;
        if let Some(body) = self.body {
            map.serialize_entry("body", body)?;
        }
        map.serialize_entry("changes", &self.changes)
    }
}

/// The API file `file`.
pub(super) fn render(viewer: &Viewer, file: &ApiFile) -> OutputFile {
    let bytes = match file.item {
        Item::Claim(i) => {
            let claim = &viewer.site.claims[i];
            let entries = ItemEntries {
                key: "claim",
                item: data::claim(viewer, claim),
                body: Some(claim.body.trim()),
                changes: record_data(viewer, Kind::Claim, "claims", &claim.id),
            };
            document_with(viewer, "claim", &entries)
        }
        Item::Source(source) => {
            let entries = ItemEntries {
                key: "source",
                item: data::source(viewer, source),
                body: None,
                changes: record_data(viewer, Kind::Source, "sources", &source.id),
            };
            document_with(viewer, "source", &entries)
        }
        Item::Entity(entity) => {
            let entries = ItemEntries {
                key: "entity",
                item: data::entity(viewer, entity),
                body: None,
                changes: record_data(viewer, Kind::Entity, "entities", &entity.id),
            };
            document_with(viewer, "entity", &entries)
        }
        Item::Document(document) => {
            let entries = ItemEntries {
                key: "document",
                item: data_documents::document(viewer, document),
                body: None,
                changes: record_data(viewer, Kind::Document, "documents", &document.id),
            };
            document_with(viewer, "document", &entries)
        }
    };
    OutputFile {
        path: file.path.clone(),
        bytes,
    }
}
