//! JSON outputs: ClaimReview JSON-LD for claim pages and the `/claims.json` data file.

use serde::Serialize;
use serde_json::{Value, json};

use super::viewer::Viewer;
use crate::model::Claim;

/// Version of the `/claims.json` shape; bumped only on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

/// Serializes JSON for a `<script>` element: `<`, `>` and `&` become `\u003c` etc.,
/// so no string in it can close the element.
pub fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The schema.org ClaimReview of one claim, ready to embed.
pub fn claim_review(viewer: &Viewer, claim: &Claim) -> String {
    let url = viewer.urls.absolute(&format!("claims/{}/", claim.id));
    let status = viewer.status(&claim.status);
    let claimant = viewer.source_link(&claim.claimant);
    let config = &viewer.site.config;
    let review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.title,
        "datePublished": claim.last_updated().to_string(),
        "author": { "@type": "Organization", "name": config.title, "url": config.base_url },
        "reviewRating": { "@type": "Rating", "alternateName": status.label },
        "itemReviewed": {
            "@type": "Claim",
            "datePublished": claim.date.to_string(),
            "author": { "@type": "Organization", "name": claimant.name },
        },
    });
    script_safe(&review)
}

#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    name: String,
}

/// `/claims.json`: every published claim with names resolved.
pub fn claims_json(viewer: &Viewer) -> Vec<u8> {
    let claims: Vec<Value> = viewer
        .site
        .claims
        .iter()
        .map(|claim| claim_json(viewer, claim))
        .collect();
    let document = json!({
        "schema_version": SCHEMA_VERSION,
        "generator": format!("claimtrail {}", env!("CARGO_PKG_VERSION")),
        "site": { "title": viewer.site.config.title, "url": viewer.site.config.base_url },
        "claims": claims,
    });
    let mut bytes = serde_json::to_vec_pretty(&document).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

fn claim_json(viewer: &Viewer, claim: &Claim) -> Value {
    let status = viewer.status(&claim.status);
    json!({
        "id": claim.id,
        "url": viewer.urls.absolute(&format!("claims/{}/", claim.id)),
        "title": claim.title,
        "date": claim.date.to_string(),
        "status": { "id": status.id, "label": status.label },
        "claimant": Named { id: &claim.claimant, name: viewer.source_link(&claim.claimant).name },
        "entities": claim.entities.iter().map(|e| Named { id: e, name: viewer.entity_link(e).name }).collect::<Vec<_>>(),
        "tags": claim.tags,
        "summary": claim.summary,
        "quantity": claim.quantity.as_ref().map(|q| json!({ "label": q.label, "value": q.value, "unit": q.unit })),
        "citations": claim.citations.iter().map(|c| json!({
            "source": Named { id: &c.source, name: viewer.source_link(&c.source).name },
            "url": c.url,
            "archive": c.archive,
            "title": c.title,
            "date": c.date.map(|d| d.to_string()),
            "stance": c.stance,
            "quote": c.quote,
            "value": c.value,
        })).collect::<Vec<_>>(),
        "history": claim.history.iter().map(|h| json!({
            "date": h.date.to_string(),
            "status": h.status,
            "note": h.note,
        })).collect::<Vec<_>>(),
        "last_updated": claim.last_updated().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_safe_json_cannot_close_the_script_element() {
        let value = json!({ "title": "</script><script>alert(1)</script> & more" });
        let text = script_safe(&value);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
