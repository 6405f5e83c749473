//! Atom feeds: `/feed.xml` for the whole site and `/entities/<id>/feed.xml` for
//! each entity, so readers can follow one model or company.
//!
//! An entry is an event: a claim first made, or a later verdict on it. Dates
//! come from the content, never from the clock, so rebuilding changes nothing.

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
pub struct FeedEntry {
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
    /// The claim sentence.
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
struct FeedHead {
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

/// The site feed and one feed per entity.
pub fn jobs<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let site = viewer.site;
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
        let head = FeedHead {
            title: xml_text(&format!("{} · {}", entity.name, site.config.title)),
            subtitle: xml_text(&format!(
                "Claims about {} and what the evidence says.",
                entity.name
            )),
            id: viewer.urls.absolute(&page),
            page_url: viewer.urls.absolute(&page),
            feed_url: viewer.urls.absolute(&format!("{page}feed.xml")),
            updated: String::new(),
        };
        jobs.push(feed_job(
            viewer,
            &format!("{page}feed.xml"),
            head,
            Some(&entity.id),
        ));
    }
    jobs
}

/// The site path of an entity's feed, for `<link rel="alternate">` on its page.
pub fn entity_feed_path(viewer: &Viewer, entity_id: &str) -> String {
    viewer.urls.path(&format!("entities/{entity_id}/feed.xml"))
}

/// The feed of every claim, or of the claims about `entity` and the entities below it.
fn feed_job<'v>(
    viewer: &'v Viewer,
    path: &str,
    head: FeedHead,
    entity: Option<&'v str>,
) -> Job<'v> {
    Job::file(path, TEMPLATE, move || {
        let site = viewer.site;
        let claims = match entity {
            Some(id) => claims_about_family(viewer, id),
            None => site.claims.iter().collect(),
        };
        feed_context(viewer, head.clone(), &claims)
    })
}

fn feed_context(viewer: &Viewer, mut head: FeedHead, claims: &[&Claim]) -> Context {
    let events = events(claims);
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

/// Claims about an entity or any entity below it (a company's models and
/// products), in site order, found through the index rather than by scanning.
fn claims_about_family<'a>(viewer: &Viewer<'a, '_>, entity_id: &str) -> Vec<&'a Claim> {
    let site = viewer.site;
    let mut found: Vec<usize> = site
        .entities
        .keys()
        .filter(|id| is_within(site, id, entity_id))
        .flat_map(|id| viewer.index.claims_about(id))
        .copied()
        .collect();
    found.sort_unstable();
    found.dedup();
    found.into_iter().map(|i| &site.claims[i]).collect()
}

/// True if `id` is `ancestor` or has it as a parent, grandparent, ...
fn is_within(site: &Site, id: &str, ancestor: &str) -> bool {
    let mut current = Some(id);
    // Validation rejects parent loops; the bound keeps this finite regardless.
    for _ in 0..=site.entities.len() {
        match current {
            Some(id) if id == ancestor => return true,
            Some(id) => current = site.entities.get(id).and_then(|e| e.parent.as_deref()),
            None => return false,
        }
    }
    false
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
    events.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| b.change.is_some().cmp(&a.change.is_some()))
            .then_with(|| a.claim.id.cmp(&b.claim.id))
            .then_with(|| b.change.cmp(&a.change))
    });
    events
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
            format!("Verdict on {}: {label}.", date.display),
        ),
        _ => (
            claim.title.clone(),
            format!("Claimed by {} on {}.", claimant.name, date.display),
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

fn newest_date(site: &Site) -> Option<Date> {
    site.claims.iter().map(Claim::last_updated).max()
}

/// A content date as an RFC 3339 timestamp (midnight UTC).
pub fn rfc3339(date: Date) -> String {
    format!("{date}T00:00:00Z")
}

/// Drops characters XML 1.0 forbids even when escaped (control characters other
/// than tab, newline and carriage return), which TOML escapes can produce.
pub fn xml_text(text: &str) -> String {
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
