//! Atom feeds: `/feed.xml` for the whole site and `/entities/<id>/feed.xml` for
//! each entity, so readers can follow one model or company.
//!
//! An entry is an event: a claim first made, or a later verdict on it. Dates
//! come from the content, never from the clock, so rebuilding changes nothing.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use tera::Context;
use time::Date;

use super::feed_events::{Event, Happening, events, happening, newest_family_events};
use super::format::date_view;
use super::pages::Job;
use super::viewer::Viewer;
use super::views::{DateView, Link};
use crate::load::Kind;
use crate::model::{Claim, Site};

/// The template both kinds of feed render with.
const TEMPLATE: &str = super::theme::FEED;

/// One Atom entry, as `feed.xml` sees it.
#[derive(Debug, Clone, Serialize)]
pub(super) struct FeedEntry {
    /// Stable Atom id: the claim's URL, plus `#verdict-<date>-<status>` for a verdict.
    pub id: String,
    /// `claim` (first made) or `verdict` (a later verdict).
    pub kind: &'static str,
    /// Entry title: the claim, or the new verdict and the claim.
    pub title: String,
    /// Absolute URL of the claim page.
    pub url: String,
    /// RFC 3339 date of the event.
    pub updated: String,
    /// The event's date for readers.
    pub date: DateView,
    /// The title of the claim the event belongs to.
    pub claim_title: String,
    /// Who made the claim.
    pub claimant: Link,
    /// One plain-text sentence on what happened, e.g. `Verdict on June 2, 2026: Disputed.`
    pub event: String,
    /// The claim's summary (or its body's first paragraph).
    pub summary: String,
    /// Label of the status the event gave the claim; empty when not known on that date.
    pub status: String,
    /// What that status means.
    pub status_description: String,
    /// The verdict's note, if any.
    pub note: Option<String>,
}

/// What one feed holds, besides its entries.
#[derive(Clone, Serialize)]
pub(super) struct FeedHead {
    title: String,
    subtitle: String,
    id: String,
    page_url: String,
    feed_url: String,
    updated: String,
}

/// Each entity's newest events, made when the first entity feed renders.
type FamilyEvents<'a> = Arc<OnceLock<HashMap<&'a str, Vec<Event<'a>>>>>;

/// The site feed and one feed per entity.
pub(super) fn jobs<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let site = viewer.site;
    let family_events = FamilyEvents::default();
    let mut jobs = vec![feed_job(
        viewer,
        "feed.xml",
        FeedHead {
            title: xml_text(&site.config.title),
            subtitle: xml_text(&site.config.description),
            id: site.config.base_url.clone(),
            page_url: site.config.base_url.clone(),
            feed_url: viewer.urls.absolute("feed.xml"),
            updated: String::new(),
        },
        None,
    )];
    for entity in site.entities.values() {
        let page = format!("entities/{}/", entity.id);
        let head = FeedHead::of_page(
            viewer,
            &page,
            &entity.name,
            &viewer
                .t()
                .fill("feed_entity_subtitle", &[("name", &entity.name)]),
        );
        jobs.push(feed_job(
            viewer,
            &format!("{page}feed.xml"),
            head,
            Some((&entity.id, family_events.clone())),
        ));
    }
    jobs
}

impl FeedHead {
    /// The head of the feed following the page at `page` (site-relative,
    /// ending in `/`), whose feed is `<page>feed.xml`.
    pub(super) fn of_page(viewer: &Viewer, page: &str, name: &str, subtitle: &str) -> FeedHead {
        FeedHead {
            title: xml_text(&format!("{name} · {}", viewer.site.config.title)),
            subtitle: xml_text(subtitle),
            id: viewer.urls.absolute(page),
            page_url: viewer.urls.absolute(page),
            feed_url: viewer.urls.absolute(&format!("{page}feed.xml")),
            updated: String::new(),
        }
    }
}

/// The feed of the claims `claims` (indices into the site's claims, newest
/// first) at `path`: each claim first made, and the later verdicts on it.
pub(super) fn claims_feed<'v>(
    viewer: &'v Viewer,
    path: &str,
    head: FeedHead,
    claims: &'v [usize],
) -> Job<'v> {
    Job::file(path, TEMPLATE, move || {
        let claims: Vec<&Claim> = claims.iter().map(|&i| &viewer.site.claims[i]).collect();
        feed_context(viewer, head.clone(), &events(&claims))
    })
}

/// The site path of an entity's feed, for `<link rel="alternate">` on its page.
pub(super) fn entity_feed_path(viewer: &Viewer, entity_id: &str) -> String {
    viewer.urls.path(&format!("entities/{entity_id}/feed.xml"))
}

/// The feed of every claim, or of the claims about `entity` and the entities
/// below it (`family`: those of every entity, shared by the entity feeds).
fn feed_job<'v>(
    viewer: &'v Viewer,
    path: &str,
    head: FeedHead,
    family: Option<(&'v str, FamilyEvents<'v>)>,
) -> Job<'v> {
    Job::file(path, TEMPLATE, move || match &family {
        Some((entity, all)) => {
            // Made without rayon: a thread making it must not take up
            // another feed meanwhile, which would wait for it forever.
            let all = all.get_or_init(|| newest_family_events(viewer));
            let events = all.get(entity).map_or(&[][..], Vec::as_slice);
            feed_context(viewer, head.clone(), events)
        }
        None => {
            let claims: Vec<&Claim> = viewer.site.claims.iter().collect();
            feed_context(viewer, head.clone(), &events(&claims))
        }
    })
}

/// The variables of a feed of `events` (newest first; those beyond the feed's
/// length are not needed).
fn feed_context(viewer: &Viewer, mut head: FeedHead, events: &[Event]) -> Context {
    let entries: Vec<FeedEntry> = events
        .iter()
        .take(viewer.site.config.feed_entries)
        .map(|event| entry(viewer, event))
        .collect();
    let newest = events
        .first()
        .map(|event| event.date)
        .or_else(|| newest_date(viewer.site));
    head.updated = newest.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
    let mut context = Context::new();
    context.insert("entries", &entries);
    context.insert("updated", &head.updated);
    context.insert("feed_url", &head.feed_url);
    context.insert("feed", &head);
    context
}

fn entry(viewer: &Viewer, event: &Event) -> FeedEntry {
    let claim = event.claim;
    let url = viewer.urls.absolute(&format!("claims/{}/", claim.id));
    let happening = happening(event, &url);
    let note = note(viewer, claim, &happening);
    let claimant = viewer.source_link(&claim.claimant);
    let date = date_view(event.date);
    let status = happening.status.map(|s| viewer.status(s));
    let label = status.as_ref().map_or("", |s| s.label.as_str());
    let (title, event_text) = match happening.kind {
        "verdict" => (
            format!("{label}: {}", claim.title),
            viewer.t().fill(
                "feed_verdict_on",
                &[("date", &viewer.t().date(event.date)), ("status", label)],
            ),
        ),
        _ => (
            claim.title.clone(),
            viewer.t().fill(
                "feed_claimed_by",
                &[
                    ("claimant", &claimant.name),
                    ("date", &viewer.t().date(event.date)),
                ],
            ),
        ),
    };
    FeedEntry {
        id: happening.id,
        kind: happening.kind,
        title: xml_text(&title),
        url,
        updated: rfc3339(event.date),
        date,
        claim_title: xml_text(&claim.title),
        event: xml_text(&event_text),
        summary: xml_text(&viewer.card_of(claim).summary),
        status: xml_text(label),
        status_description: xml_text(status.as_ref().map_or("", |s| s.description.as_str())),
        note: note.map(xml_text),
        claimant: Link {
            name: xml_text(&claimant.name),
            ..claimant
        },
    }
}

/// The note of a verdict: its own, else "as recorded by git" when git has a
/// history of the claim, as on the claim's page.
fn note<'a>(viewer: &Viewer<'a, '_>, claim: &Claim, happening: &Happening<'a>) -> Option<&'a str> {
    let recorded = || viewer.record(Kind::Claim, &claim.id).is_some();
    happening.note.or_else(|| {
        (happening.kind == "verdict" && recorded()).then(|| viewer.t().text("as_recorded_by_git"))
    })
}

/// The site's last update: the newest commit that changed its content, else
/// the newest date in the content.
pub(super) fn newest_date(site: &Site) -> Option<Date> {
    let committed = site.provenance.as_ref().and_then(|history| history.newest);
    committed
        .map(|stamp| stamp.date())
        .or_else(|| site.claims.iter().map(Claim::last_updated).max())
}

/// A content date as an RFC 3339 timestamp (midnight UTC).
pub(super) fn rfc3339(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// Drops characters XML 1.0 forbids even when escaped (control characters other
/// than tab, newline and carriage return), which TOML escapes can produce.
pub(super) fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
        .filter(|&c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_drops_only_characters_xml_forbids() {
        assert_eq!(xml_text("a\u{0}b\u{7}c\td\ne\u{FFFF}é"), "abc\td\neé");
    }

    #[test]
    fn dates_are_rfc_3339() {
        let date = Date::from_calendar_date(2026, time::Month::April, 3).unwrap();
        assert_eq!(rfc3339(date), "2026-04-03T00:00:00Z");
    }
}
