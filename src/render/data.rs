//! Open data: `/claims.json`, `/sources.json` and `/entities.json`, and the
//! file and reference shapes `/documents.json` ([`super::data_documents`]) shares.
//!
//! Their shapes are a public API, documented field by field in docs/data.md:
//! fields are only ever added; removing or changing one bumps the schema
//! version every file states ([`super::data_envelope`]).

use std::collections::BTreeMap;

use serde::Serialize;

use super::OutputFile;
use super::amount_fields::AmountFields;
use super::data_envelope::document;
use super::data_evidence::{CaptureData, QuoteCheckData, capture, quote_check};
use super::viewer::Viewer;
use crate::model::{Appearance, Citation, Claim, Entity, Source};
use crate::parse::{EntityKind, SourceKind, Stance};

/// Something named, with its id and its page on the site.
#[derive(Serialize)]
pub(super) struct Named {
    id: String,
    name: String,
    url: String,
}

#[derive(Serialize)]
struct StatusRef {
    id: String,
    label: String,
    rating: Option<u8>,
}

#[derive(Serialize)]
struct QuantityData<'a> {
    label: &'a str,
    /// `value` (or `min` and `max`), `qualifier` and `display`.
    #[serde(flatten)]
    amount: AmountFields,
    unit: &'a str,
}

#[derive(Serialize)]
struct AppearanceData<'a> {
    document: Option<&'a str>,
    source: Named,
    url: Option<&'a str>,
    archive: Option<&'a str>,
    title: Option<&'a str>,
    date: Option<String>,
    quote: Option<&'a str>,
    archived: Option<CaptureData<'a>>,
    quote_check: Option<QuoteCheckData<'a>>,
}

#[derive(Serialize)]
struct CitationData<'a> {
    document: Option<&'a str>,
    source: Named,
    url: Option<&'a str>,
    archive: Option<&'a str>,
    title: Option<&'a str>,
    date: Option<String>,
    stance: Stance,
    quote: Option<&'a str>,
    /// The reported `value` (or `min` and `max`), `qualifier` and `display`.
    #[serde(flatten)]
    value: AmountFields,
    archived: Option<CaptureData<'a>>,
    quote_check: Option<QuoteCheckData<'a>>,
}

#[derive(Serialize)]
struct HistoryData<'a> {
    date: String,
    status: &'a str,
    status_label: String,
    note: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct ClaimData<'a> {
    id: &'a str,
    url: String,
    title: &'a str,
    date: String,
    status: StatusRef,
    claimant: Named,
    entities: Vec<Named>,
    tags: &'a [String],
    summary: Option<&'a str>,
    quantity: Option<QuantityData<'a>>,
    appearances: Vec<AppearanceData<'a>>,
    citations: Vec<CitationData<'a>>,
    history: Vec<HistoryData<'a>>,
    last_updated: String,
    aliases: &'a [String],
}

#[derive(Serialize)]
pub(super) struct SourceData<'a> {
    id: &'a str,
    name: &'a str,
    kind: SourceKind,
    url: String,
    homepage: Option<&'a str>,
    entity: Option<Named>,
    description: &'a str,
    originated: Vec<&'a str>,
    cited: Vec<&'a str>,
    citation_count: usize,
    track_record: BTreeMap<&'a str, usize>,
}

#[derive(Serialize)]
pub(super) struct EntityData<'a> {
    id: &'a str,
    name: &'a str,
    kind: EntityKind,
    url: String,
    homepage: Option<&'a str>,
    parent: Option<Named>,
    children: Vec<&'a str>,
    aliases: &'a [String],
    description: &'a str,
    claims: Vec<&'a str>,
}

/// The JSON data files made here.
pub(super) const PATHS: [&str; 3] = ["claims.json", "sources.json", "entities.json"];

/// The JSON data file at `path`, or `None` when `path` is not one of [`PATHS`].
pub(super) fn file(viewer: &Viewer, path: &str) -> Option<OutputFile> {
    let site = viewer.site;
    let bytes = match path {
        "claims.json" => {
            let claims: Vec<ClaimData> = site.claims.iter().map(|c| claim(viewer, c)).collect();
            document(viewer, "claims", "claims", &claims)
        }
        "sources.json" => {
            let sources: Vec<SourceData> =
                site.sources.values().map(|s| source(viewer, s)).collect();
            document(viewer, "sources", "sources", &sources)
        }
        "entities.json" => {
            let entities: Vec<EntityData> =
                site.entities.values().map(|e| entity(viewer, e)).collect();
            document(viewer, "entities", "entities", &entities)
        }
        _ => return None,
    };
    Some(OutputFile {
        path: path.into(),
        bytes,
    })
}

pub(super) fn source_ref(viewer: &Viewer, id: &str) -> Named {
    named(viewer, viewer.source_link(id), "sources")
}

fn entity_ref(viewer: &Viewer, id: &str) -> Named {
    named(viewer, viewer.entity_link(id), "entities")
}

/// A link with its absolute URL, for the data files (`folder` is `sources` or `entities`).
fn named(viewer: &Viewer, link: super::views::Link, folder: &str) -> Named {
    Named {
        url: viewer.urls.absolute(&format!("{folder}/{}/", link.id)),
        id: link.id,
        name: link.name,
    }
}

pub(super) fn claim<'a>(viewer: &Viewer, claim: &'a Claim) -> ClaimData<'a> {
    let status = viewer.status(&claim.status);
    let unit = claim.quantity.as_ref().map_or("", |q| q.unit.as_str());
    ClaimData {
        id: &claim.id,
        url: viewer.urls.absolute(&format!("claims/{}/", claim.id)),
        title: &claim.title,
        date: claim.date.to_string(),
        status: StatusRef {
            rating: viewer
                .site
                .config
                .status(&claim.status)
                .and_then(|s| s.rating),
            id: status.id,
            label: status.label,
        },
        claimant: source_ref(viewer, &claim.claimant),
        entities: claim
            .entities
            .iter()
            .map(|e| entity_ref(viewer, e))
            .collect(),
        tags: &claim.tags,
        summary: claim.summary.as_deref(),
        quantity: claim.quantity.as_ref().map(|q| QuantityData {
            label: &q.label,
            amount: AmountFields::of(Some(&q.amount), &q.unit),
            unit: &q.unit,
        }),
        appearances: claim
            .appearances
            .iter()
            .map(|a| appearance(viewer, a))
            .collect(),
        citations: claim
            .citations
            .iter()
            .map(|c| citation(viewer, c, unit))
            .collect(),
        history: claim
            .history
            .iter()
            .map(|h| HistoryData {
                date: h.date.to_string(),
                status: &h.status,
                status_label: viewer.status(&h.status).label,
                note: h.note.as_deref(),
            })
            .collect(),
        last_updated: claim.last_updated().to_string(),
        aliases: &claim.aliases,
    }
}

fn appearance<'a>(viewer: &Viewer, appearance: &'a Appearance) -> AppearanceData<'a> {
    AppearanceData {
        document: appearance.document.as_deref(),
        source: source_ref(viewer, &appearance.source),
        url: appearance.url.as_deref(),
        archive: appearance.archive.as_deref(),
        title: appearance.title.as_deref(),
        date: appearance.date.map(|d| d.to_string()),
        quote: appearance.quote.as_deref(),
        archived: capture(appearance.archived.as_ref()),
        quote_check: quote_check(appearance.quote_check.as_ref()),
    }
}

/// `citation`, whose value is in `unit` (the claim's quantity's).
fn citation<'a>(viewer: &Viewer, citation: &'a Citation, unit: &str) -> CitationData<'a> {
    CitationData {
        document: citation.document.as_deref(),
        source: source_ref(viewer, &citation.source),
        url: citation.url.as_deref(),
        archive: citation.archive.as_deref(),
        title: citation.title.as_deref(),
        date: citation.date.map(|d| d.to_string()),
        stance: citation.stance,
        quote: citation.quote.as_deref(),
        value: AmountFields::of(citation.value.as_ref(), unit),
        archived: capture(citation.archived.as_ref()),
        quote_check: quote_check(citation.quote_check.as_ref()),
    }
}

pub(super) fn source<'a>(viewer: &Viewer<'a, '_>, source: &'a Source) -> SourceData<'a> {
    let claims = &viewer.site.claims;
    let ids = |list: Option<&Vec<usize>>| -> Vec<&'a str> {
        list.map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| claims[i].id.as_str())
            .collect()
    };
    let record = viewer.index.source_record(&source.id);
    let mut track_record: BTreeMap<&str, usize> = viewer
        .site
        .config
        .statuses
        .iter()
        .map(|s| (s.id.as_str(), 0))
        .collect();
    for (status, count) in &record.originated_by_status {
        if let Some(slot) = track_record.get_mut(status.as_str()) {
            *slot = *count;
        }
    }
    SourceData {
        id: &source.id,
        name: &source.name,
        kind: source.kind,
        url: viewer.urls.absolute(&format!("sources/{}/", source.id)),
        homepage: source.url.as_deref(),
        entity: source.entity.as_deref().map(|e| entity_ref(viewer, e)),
        description: source.body.trim(),
        originated: ids(viewer.index.originated.get(source.id.as_str())),
        cited: ids(viewer.index.cited.get(source.id.as_str())),
        citation_count: record.citations,
        track_record,
    }
}

pub(super) fn entity<'a>(viewer: &Viewer<'a, '_>, entity: &'a Entity) -> EntityData<'a> {
    let site = viewer.site;
    EntityData {
        id: &entity.id,
        name: &entity.name,
        kind: entity.kind,
        url: viewer.urls.absolute(&format!("entities/{}/", entity.id)),
        homepage: entity.url.as_deref(),
        parent: entity.parent.as_deref().map(|p| entity_ref(viewer, p)),
        children: viewer.index.family.children(&entity.id).to_vec(),
        aliases: &entity.aliases,
        description: entity.body.trim(),
        claims: viewer
            .index
            .claims_about(&entity.id)
            .iter()
            .map(|&i| site.claims[i].id.as_str())
            .collect(),
    }
}
