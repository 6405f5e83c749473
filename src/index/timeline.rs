//! The site's timeline: every dated event of every claim, newest first, and
//! the events of any set of claims in the same order.

use time::Date;

use crate::model::Claim;

/// What happened on a timeline date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventKind {
    /// The claim was made.
    Made,
    /// A document the claim appeared in was published (appearance index).
    Appearance(usize),
    /// A cited document was published (citation index).
    Document(usize),
    /// The verdict changed (history index).
    Verdict(usize),
}

/// One dated event about one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Event {
    /// When.
    pub date: Date,
    /// What.
    pub kind: EventKind,
    /// Index into `site.claims`.
    pub claim: usize,
}

/// Every event of a site, newest first, and where each claim's events are.
pub(crate) struct Timeline {
    events: Vec<Event>,
    /// By claim index: the places of its events in `events`.
    positions: Vec<Vec<usize>>,
}

impl Timeline {
    /// The timeline of `claims`.
    pub(crate) fn new(claims: &[Claim]) -> Self {
        let events = events(claims);
        let mut positions = vec![Vec::new(); claims.len()];
        for (position, event) in events.iter().enumerate() {
            positions[event.claim].push(position);
        }
        Timeline { events, positions }
    }

    /// Every event, newest first.
    pub(crate) fn events(&self) -> &[Event] {
        &self.events
    }

    /// The events of the claims in `claims` (indices), newest first.
    pub(crate) fn of(&self, claims: &[usize]) -> Vec<Event> {
        // Their places in the whole timeline, sorted, keep its order, without
        // a pass over every event of the site for each list.
        let mut positions: Vec<usize> = claims
            .iter()
            .flat_map(|&claim| &self.positions[claim])
            .copied()
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions.into_iter().map(|at| self.events[at]).collect()
    }
}

/// Every event of every claim, newest first.
fn events(claims: &[Claim]) -> Vec<Event> {
    let mut events: Vec<Event> = claims
        .iter()
        .enumerate()
        .flat_map(|(i, claim)| claim_events(i, claim))
        .collect();
    // Newest first; the sort is stable, so same-day events keep claim order.
    events.sort_by_key(|event| std::cmp::Reverse(event.date));
    events
}

/// The events of claim `i`, in file order: made, its appearances, its
/// evidence, its verdicts. A document from the claimant dated on the day the
/// claim was made is the claim itself, not a second event.
pub(crate) fn claim_events(i: usize, claim: &Claim) -> Vec<Event> {
    let event = |date, kind| Event {
        date,
        kind,
        claim: i,
    };
    let is_the_claim = |source: &str, date: Date| source == claim.claimant && date == claim.date;
    let mut events = vec![event(claim.date, EventKind::Made)];
    for (a, appearance) in claim.appearances.iter().enumerate() {
        match appearance.date {
            Some(date) if !is_the_claim(&appearance.source, date) => {
                events.push(event(date, EventKind::Appearance(a)));
            }
            _ => {}
        }
    }
    for (c, citation) in claim.citations.iter().enumerate() {
        match citation.date {
            Some(date) if !is_the_claim(&citation.source, date) => {
                events.push(event(date, EventKind::Document(c)));
            }
            _ => {}
        }
    }
    for (h, change) in claim.history.iter().enumerate() {
        events.push(event(change.date, EventKind::Verdict(h)));
    }
    events
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    #[test]
    fn events_of_some_claims_are_the_timeline_without_the_others() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let site = crate::check(&root, false).unwrap().site.unwrap();
        let timeline = Timeline::new(&site.claims);
        let filtered = |claims: &[usize]| -> Vec<Event> {
            let wanted: BTreeSet<usize> = claims.iter().copied().collect();
            let events = timeline.events.iter().filter(|e| wanted.contains(&e.claim));
            events.copied().collect()
        };
        let every: Vec<usize> = (0..site.claims.len()).rev().collect();
        assert_eq!(timeline.of(&every), timeline.events);
        let odd: Vec<usize> = every.iter().copied().filter(|i| i % 2 == 1).collect();
        assert_eq!(timeline.of(&odd), filtered(&odd));
        for claims in crate::index::Index::new(&site).by_entity.values() {
            assert_eq!(timeline.of(claims), filtered(claims));
        }
    }
}
