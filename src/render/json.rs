//! ClaimReview JSON-LD for claim pages, safe to embed in a `<script>` element.
//!
//! The document is typed structs borrowing from the model, serialized
//! straight to text, with no `serde_json::Value` maps of owned strings. Their
//! fields are declared in byte order of their JSON names, so the keys come
//! out sorted, as a `Value` map would write them.

use serde::Serialize;

use super::viewer::Viewer;
use crate::config::{BEST_RATING, WORST_RATING};
use crate::model::{Appearance, Claim};
use crate::parse::EntityKind;

/// Serializes JSON for a `<script>` element: `<`, `>` and `&` become `\u003c` etc.,
/// so no string in it can close the element.
pub(super) fn script_safe(value: &impl Serialize) -> String {
    // Plain structs, strings and numbers always serialize; empty is the
    // harmless answer should that ever change.
    let json = serde_json::to_string(value).unwrap_or_default();
    if !json.contains(['<', '>', '&']) {
        return json; // most documents: no copies to make
    }
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The schema.org ClaimReview of one claim, ready to embed with `| safe`.
pub(super) fn claim_review(viewer: &Viewer, claim: &Claim) -> String {
    script_safe(&claim_review_of(viewer, claim))
}

/// The ClaimReview as Google's fact-check markup and the Fact Check Tools API
/// read it: the review, its rating, and the claim with who made it and where.
#[derive(Serialize)]
struct ClaimReview<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Party<'a>,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: &'a str,
    #[serde(rename = "dateModified")]
    date_modified: String,
    #[serde(rename = "datePublished")]
    date_published: String,
    #[serde(rename = "itemReviewed")]
    item_reviewed: Item<'a>,
    #[serde(rename = "reviewRating")]
    review_rating: Rating,
    url: String,
}

/// The verdict: its label always, and a number only for statuses that judge
/// truth. An `unverified` claim gets no `ratingValue`, since any number on a
/// false-to-true scale would pretend to a verdict nobody has reached.
#[derive(Serialize)]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "alternateName")]
    alternate_name: String,
    #[serde(rename = "bestRating", skip_serializing_if = "Option::is_none")]
    best_rating: Option<u8>,
    #[serde(rename = "ratingExplanation")]
    rating_explanation: String,
    #[serde(rename = "ratingValue", skip_serializing_if = "Option::is_none")]
    rating_value: Option<u8>,
    #[serde(rename = "worstRating", skip_serializing_if = "Option::is_none")]
    worst_rating: Option<u8>,
}

/// The claim itself: who made it, when, and the documents it appears in.
#[derive(Serialize)]
struct Item<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    appearance: Vec<CreativeWork<'a>>,
    author: Party<'a>,
    #[serde(rename = "datePublished")]
    date_published: String,
    #[serde(rename = "firstAppearance", skip_serializing_if = "Option::is_none")]
    first_appearance: Option<CreativeWork<'a>>,
}

/// A document the claim appeared in, as a schema.org CreativeWork; `url` is
/// its address or archived copy, left out when it has neither; `text` is the
/// quote, so an importer gets the claimant's words back.
#[derive(Serialize)]
struct CreativeWork<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Author<'a>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'a str>,
    /// The claimant's words in it (the appearance's quote).
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// Who published an appearance: a [`Party`] whose `url` is its page on this site.
#[derive(Serialize)]
struct Author<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
}

/// A schema.org `Person` or `Organization` behind a statement or a review.
#[derive(Serialize)]
struct Party<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// Where the ClaimReview DataFeed goes.
pub(super) const FEED_PATH: &str = "claimreview-feed.json";

/// Every claim's ClaimReview in a schema.org `DataFeed`, the feed format
/// fact-check aggregators ingest. Keys in byte order, as in the pages' JSON-LD.
#[derive(Serialize)]
struct DataFeed<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "dataFeedElement")]
    data_feed_element: Vec<ClaimReview<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    name: &'a str,
    url: &'a str,
}

/// `/claimreview-feed.json`: the ClaimReview of every claim, as its page
/// embeds it, newest claim first.
pub(super) fn data_feed(viewer: &Viewer) -> super::OutputFile {
    let site = viewer.site;
    let feed = DataFeed {
        schema: super::schemas::url(viewer, "claimreview-feed"),
        context: "https://schema.org",
        kind: "DataFeed",
        data_feed_element: (site.claims.iter())
            .map(|claim| claim_review_of(viewer, claim))
            .collect(),
        date_modified: super::feeds::newest_date(site).map(|date| date.to_string()),
        name: &site.config.title,
        url: &site.config.base_url,
    };
    // Plain structs and strings always serialize; empty is the harmless
    // answer should that ever change.
    let mut bytes = serde_json::to_vec_pretty(&feed).unwrap_or_default();
    bytes.push(b'\n');
    super::OutputFile {
        path: FEED_PATH.into(),
        bytes,
    }
}

fn claim_review_of<'a>(viewer: &Viewer<'a, '_>, claim: &'a Claim) -> ClaimReview<'a> {
    let publisher = &viewer.site.config.publisher;
    let published = claim.history.first().map_or(claim.date, |first| first.date);
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        url: viewer.urls.absolute(&format!("claims/{}/", claim.id)),
        claim_reviewed: &claim.title,
        date_published: published.to_string(),
        date_modified: viewer.last_changed(claim).to_string(),
        author: Party {
            kind: publisher.kind.schema_type(),
            name: &publisher.name,
            url: Some(&publisher.url),
        },
        review_rating: rating(viewer, &claim.status),
        item_reviewed: item_reviewed(viewer, claim),
    }
}

fn rating(viewer: &Viewer, status_id: &str) -> Rating {
    let status = viewer.status(status_id);
    let number = viewer.site.config.status(status_id).and_then(|s| s.rating);
    Rating {
        kind: "Rating",
        alternate_name: status.label,
        rating_explanation: status.description,
        rating_value: number,
        best_rating: number.map(|_| BEST_RATING),
        worst_rating: number.map(|_| WORST_RATING),
    }
}

fn item_reviewed<'a>(viewer: &Viewer<'a, '_>, claim: &'a Claim) -> Item<'a> {
    Item {
        kind: "Claim",
        author: party(viewer, &claim.claimant),
        date_published: claim.date.to_string(),
        appearance: claim
            .appearances
            .iter()
            .map(|appearance| creative_work(viewer, appearance))
            .collect(),
        first_appearance: first_appearance(claim).map(|first| creative_work(viewer, first)),
    }
}

/// Where the claim was first made: the earliest-dated appearance (undated
/// ones after the dated, ties in file order).
fn first_appearance(claim: &Claim) -> Option<&Appearance> {
    claim
        .appearances
        .iter()
        .min_by_key(|a| (a.date.is_none(), a.date))
}

/// A document the claim appeared in, its author linked to the source's page
/// on this site (every source has one; not every source has a homepage).
fn creative_work<'a>(viewer: &Viewer<'a, '_>, appearance: &'a Appearance) -> CreativeWork<'a> {
    let author = party(viewer, &appearance.source);
    let source_page = format!("sources/{}/", appearance.source);
    CreativeWork {
        kind: "CreativeWork",
        url: appearance.url.as_deref().or(appearance.archive.as_deref()),
        author: Author {
            kind: author.kind,
            name: author.name,
            url: viewer.urls.absolute(&source_page),
        },
        headline: appearance.title.as_deref(),
        text: appearance.quote.as_deref(),
        date_published: appearance.date.map(|date| date.to_string()),
    }
}

/// A source as the schema.org `Person` or `Organization` behind a statement: a
/// person when the source speaks for a `person` entity.
/// Named by its id, as links to it are, if the site has no such source.
fn party<'a>(viewer: &Viewer<'a, '_>, source_id: &'a str) -> Party<'a> {
    let source = viewer.site.sources.get(source_id);
    let is_person = source
        .and_then(|s| s.entity.as_deref())
        .and_then(|id| viewer.site.entities.get(id))
        .is_some_and(|entity| entity.kind == EntityKind::Person);
    Party {
        kind: if is_person { "Person" } else { "Organization" },
        name: source.map_or(source_id, |s| s.name.as_str()),
        url: source.and_then(|s| s.url.as_deref()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

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
