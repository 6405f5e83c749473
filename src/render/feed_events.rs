//! The events feeds are made of: a claim first made, or a later verdict on
//! it; which events a list of claims has, in which order, and what each was.
//!
//! The order depends only on the content (dates, then claim ids), never on
//! the input order, so every feed lists shared events the same way.

use std::collections::HashMap;

use time::Date;

use super::viewer::Viewer;
use crate::model::Claim;

/// A claim first made (`change` is `None`), or its `history[change]` verdict.
#[derive(Debug, Clone, Copy)]
pub(super) struct Event<'a> {
    /// When it happened.
    pub(super) date: Date,
    /// The claim it happened to.
    pub(super) claim: &'a Claim,
    /// The index of the verdict in the claim's history; `None` for the claim itself.
    change: Option<usize>,
}

/// Each entity's newest events (as many as a feed holds) of the claims about
/// it or any entity below it (a company's models and products). Computed
/// bottom-up: an entity's are the newest of its own claims' and of its
/// children's, so a parent chain thousands deep costs what a flat list does.
pub(super) fn newest_family_events<'a>(
    viewer: &Viewer<'a, '_>,
) -> HashMap<&'a str, Vec<Event<'a>>> {
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
pub(super) fn events<'a>(claims: &[&'a Claim]) -> Vec<Event<'a>> {
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
pub(super) struct Happening<'a> {
    /// Stable Atom id: the claim's URL, plus `#verdict-<date>-<status>` for a verdict.
    pub(super) id: String,
    /// `claim` (first made) or `verdict` (a later verdict).
    pub(super) kind: &'static str,
    /// The status the event gave the claim; `None` when not known on that date.
    pub(super) status: Option<&'a str>,
    /// The verdict's note, if any.
    pub(super) note: Option<&'a str>,
}

/// What `event` is, for the claim page at `url` (absolute).
pub(super) fn happening<'a>(event: &Event<'a>, url: &str) -> Happening<'a> {
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
