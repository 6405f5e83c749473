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

use super::format::date_view;
use super::pages::Job;
use super::viewer::Viewer;
use super::views::{DateView, Link};
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

/// A claim first made (`change` is `None`), or its `history[change]` verdict.
#[derive(Debug, Clone, Copy)]
struct Event<'a> {
    date: Date,
    claim: &'a Claim,
    change: Option<usize>,
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

/// Each entity's newest events (as many as a feed holds) of the claims about
/// it or any entity below it (a company's models and products). Computed
/// bottom-up: an entity's are the newest of its own claims' and of its
/// children's, so a parent chain thousands deep costs what a flat list does.
fn newest_family_events<'a>(viewer: &Viewer<'a, '_>) -> HashMap<&'a str, Vec<Event<'a>>> {
    let site = viewer.site;
    let family = &viewer.index.family;
    // The newest event is the feed's date, even when it holds no entries.
    let kept = site.config.feed_entries.max(1);
    let own: Vec<(&str, Vec<Event>)> = family
        .pre_order()
        .iter()
        .map(|&entity| {
            let mut about = viewer.index.claims_about(entity).to_vec();
            about.dedup(); // sorted: a claim naming the entity twice is next to itself
            let claims: Vec<&Claim> = about.iter().map(|&i| &site.claims[i]).collect();
            let mut events = events(&claims);
            events.truncate(kept);
            (entity, events)
        })
        .collect();
    let mut newest: HashMap<&str, Vec<Event>> = HashMap::with_capacity(own.len());
    // Backwards, every entity comes after the entities below it.
    for (entity, mut events) in own.into_iter().rev() {
        for child in family.children(entity) {
            events.extend_from_slice(newest.get(child).map_or(&[], Vec::as_slice));
        }
        sort_newest_first(&mut events);
        // A claim about an entity and one below it is in both lists.
        events.dedup_by(|a, b| std::ptr::eq(a.claim, b.claim) && a.change == b.change);
        events.truncate(kept);
        newest.insert(entity, events);
    }
    newest
}

/// Every event of `claims`, newest first; ties put a verdict before the claim it
/// follows, then go by claim id, so the order never depends on the input order.
fn events<'a>(claims: &[&'a Claim]) -> Vec<Event<'a>> {
    let mut events: Vec<Event> = Vec::new();
    for claim in claims {
        events.push(Event {
            date: claim.date,
            claim,
            change: None,
        });
        for (index, change) in claim.history.iter().enumerate() {
            if is_later_verdict(claim, index) {
                events.push(Event {
                    date: change.date,
                    claim,
                    change: Some(index),
                });
            }
        }
    }
    sort_newest_first(&mut events);
    events
}

/// Newest first; ties put a verdict before the claim it follows, then go by
/// claim id, so two events are in the same order in every list they are in.
fn sort_newest_first(events: &mut [Event]) {
    events.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| b.change.is_some().cmp(&a.change.is_some()))
            .then_with(|| a.claim.id.cmp(&b.claim.id))
            .then_with(|| b.change.cmp(&a.change))
    });
}

/// A history entry is news unless it is the verdict the claim was entered with
/// (the first one, dated on or before the claim itself).
fn is_later_verdict(claim: &Claim, index: usize) -> bool {
    index > 0
        || claim
            .history
            .first()
            .is_some_and(|first| first.date > claim.date)
}

/// The status a claim had on `date`: the last verdict up to then, or the current
/// status of a claim with no history. `None` when its first verdict came later.
fn status_on(claim: &Claim, date: Date) -> Option<&str> {
    if claim.history.is_empty() {
        return Some(&claim.status);
    }
    claim
        .history
        .iter()
        .rev()
        .find(|change| change.date <= date)
        .map(|change| change.status.as_str())
}

/// What an event is: its Atom id, kind, the status it gave and its note.
struct Happening<'a> {
    id: String,
    kind: &'static str,
    status: Option<&'a str>,
    note: Option<&'a str>,
}

fn happening<'a>(event: &Event<'a>, url: &str) -> Happening<'a> {
    let claim = event.claim;
    let Some((index, change)) = event
        .change
        .and_then(|i| claim.history.get(i).map(|change| (i, change)))
    else {
        return Happening {
            id: url.to_string(),
            kind: "claim",
            status: status_on(claim, event.date),
            note: None,
        };
    };
    // A second verdict with the same date and status gets `-2`, counted from the
    // oldest, so ids never shift as history grows.
    let repeats = claim.history[..index]
        .iter()
        .filter(|earlier| earlier.date == change.date && earlier.status == change.status)
        .count();
    let suffix = if repeats > 0 {
        format!("-{}", repeats + 1)
    } else {
        String::new()
    };
    Happening {
        id: format!("{url}#verdict-{}-{}{suffix}", change.date, change.status),
        kind: "verdict",
        status: Some(&change.status),
        note: change.note.as_deref(),
    }
}

fn entry(viewer: &Viewer, event: &Event) -> FeedEntry {
    let claim = event.claim;
    let url = viewer.urls.absolute(&format!("claims/{}/", claim.id));
    let happening = happening(event, &url);
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
        note: happening.note.map(xml_text),
        claimant: Link {
            name: xml_text(&claimant.name),
            ..claimant
        },
    }
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
