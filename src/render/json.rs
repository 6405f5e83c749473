//! ClaimReview JSON-LD for claim pages, safe to embed in a `<script>` element.

use serde_json::{Value, json};

use super::viewer::Viewer;
use crate::config::{BEST_RATING, WORST_RATING};
use crate::model::{Citation, Claim};

/// Serializes JSON for a `<script>` element: `<`, `>` and `&` become `\u003c` etc.,
/// so no string in it can close the element.
pub fn script_safe(value: &Value) -> String {
    let json = value.to_string();
    if !json.contains(['<', '>', '&']) {
        return json; // most documents: no copies to make
    }
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The schema.org ClaimReview of one claim, ready to embed with `| safe`.
pub fn claim_review(viewer: &Viewer, claim: &Claim) -> String {
    script_safe(&claim_review_value(viewer, claim))
}

/// The ClaimReview as Google's fact-check markup and the Fact Check Tools API
/// read it: the review, its rating, and the claim with who made it and where.
pub fn claim_review_value(viewer: &Viewer, claim: &Claim) -> Value {
    let publisher = &viewer.site.config.publisher;
    let published = claim.history.first().map_or(claim.date, |first| first.date);
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": viewer.urls.absolute(&format!("claims/{}/", claim.id)),
        "claimReviewed": claim.title,
        "datePublished": published.to_string(),
        "dateModified": claim.last_updated().to_string(),
        "author": {
            "@type": publisher.kind.schema_type(),
            "name": publisher.name,
            "url": publisher.url,
        },
        "reviewRating": rating(viewer, &claim.status),
        "itemReviewed": item_reviewed(viewer, claim),
    })
}

/// The verdict: its label always, and a number only for statuses that judge
/// truth. An `unverified` claim gets no `ratingValue`, since any number on a
/// false-to-true scale would pretend to a verdict nobody has reached.
fn rating(viewer: &Viewer, status_id: &str) -> Value {
    let status = viewer.status(status_id);
    let mut rating = json!({
        "@type": "Rating",
        "alternateName": status.label,
        "ratingExplanation": status.description,
    });
    let number = viewer.site.config.status(status_id).and_then(|s| s.rating);
    if let (Some(number), Some(fields)) = (number, rating.as_object_mut()) {
        fields.insert("ratingValue".into(), json!(number));
        fields.insert("bestRating".into(), json!(BEST_RATING));
        fields.insert("worstRating".into(), json!(WORST_RATING));
    }
    rating
}

/// The claim itself: who made it, when, and the documents it appears in.
fn item_reviewed(viewer: &Viewer, claim: &Claim) -> Value {
    let mut item = json!({
        "@type": "Claim",
        "author": party(viewer, &claim.claimant),
        "datePublished": claim.date.to_string(),
    });
    let appearances: Vec<Value> = claim
        .citations
        .iter()
        .filter_map(|citation| creative_work(viewer, citation))
        .collect();
    let first = first_appearance(claim).and_then(|citation| creative_work(viewer, citation));
    if let Some(fields) = item.as_object_mut() {
        if let Some(first) = first {
            fields.insert("firstAppearance".into(), first);
        }
        if !appearances.is_empty() {
            fields.insert("appearance".into(), Value::Array(appearances));
        }
    }
    item
}

/// Where the claim was first made: the claimant's earliest linked document,
/// else the earliest linked document of any source (undated ones last).
fn first_appearance(claim: &Claim) -> Option<&Citation> {
    let linked = || claim.citations.iter().filter(|c| document_url(c).is_some());
    earliest(linked().filter(|c| c.source == claim.claimant)).or_else(|| earliest(linked()))
}

/// The earliest dated citation, or the first undated one if none has a date.
fn earliest<'a>(citations: impl Iterator<Item = &'a Citation>) -> Option<&'a Citation> {
    citations.min_by_key(|c| (c.date.is_none(), c.date))
}

fn document_url(citation: &Citation) -> Option<&str> {
    citation.url.as_deref().or(citation.archive.as_deref())
}

/// A cited document as a schema.org CreativeWork; `None` when it has no link.
fn creative_work(viewer: &Viewer, citation: &Citation) -> Option<Value> {
    let mut work = json!({
        "@type": "CreativeWork",
        "url": document_url(citation)?,
        "author": party(viewer, &citation.source),
    });
    let fields = work.as_object_mut()?;
    if let Some(title) = &citation.title {
        fields.insert("headline".into(), json!(title));
    }
    if let Some(date) = citation.date {
        fields.insert("datePublished".into(), json!(date.to_string()));
    }
    Some(work)
}

/// A source as the schema.org `Person` or `Organization` behind a statement: a
/// person when the source speaks for a `person` entity.
fn party(viewer: &Viewer, source_id: &str) -> Value {
    let source = viewer.site.sources.get(source_id);
    let is_person = source
        .and_then(|s| s.entity.as_deref())
        .and_then(|id| viewer.site.entities.get(id))
        .is_some_and(|entity| entity.kind == "person");
    let mut party = json!({
        "@type": if is_person { "Person" } else { "Organization" },
        "name": viewer.source_link(source_id).name,
    });
    if let (Some(url), Some(fields)) = (source.and_then(|s| s.url.as_ref()), party.as_object_mut())
    {
        fields.insert("url".into(), json!(url));
    }
    party
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
