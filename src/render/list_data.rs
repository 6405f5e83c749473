//! The data file of a paginated list (`<list>/filter.json`), which the filter
//! script (`filter.js`) reads when a reader chooses a filter, so a filtered
//! view counts and shows every matching item of the whole list rather than
//! those of one page.
//!
//! Compact: each item is an array, and the strings many items share (statuses,
//! entity ids, tag slugs, sources, months) are listed once and referred to by
//! number. The script puts every value in the page as text, never as HTML.

use std::collections::HashMap;
use std::hash::Hash;

use serde::Serialize;
use tera::Context;

use super::event_facts::event_facts;
use super::format::date_view;
use super::json::script_safe;
use super::pages::Job;
use super::theme;
use super::viewer::Viewer;
use crate::index::Event;

/// The data file's name in the list's folder.
pub(super) const FILE: &str = "filter.json";

/// A list's data file. Numbers in items index the tables; an event list
/// also has `claims`, `dates`, `labels` and `months` (empty for claim lists).
#[derive(Serialize)]
struct ListData<'a, I> {
    /// `[id, label, colour, text colour]` of each status.
    statuses: Vec<[String; 4]>,
    /// Entity ids.
    entities: Vec<&'a str>,
    /// Tag slugs.
    tags: Vec<&'a str>,
    /// `[name, url]` of each claimant or document source.
    sources: Vec<[String; 2]>,
    /// The claims events are about: status, entities, tags, url, title.
    claims: Vec<EventClaim<'a>>,
    /// `[ISO, displayed]` of each event date.
    dates: Vec<[String; 2]>,
    /// `[kind, label]` of each kind of event, e.g. `["verdict", "Entered as"]`.
    labels: Vec<[String; 2]>,
    /// `[id, label]` of each month (`2026-04`, `April 2026`).
    months: Vec<[String; 2]>,
    items: Vec<I>,
}

/// One claim card: status, entities, tags, year, url, title, claimant,
/// ISO date, displayed date, draft (1 or 0).
type ClaimItem<'a> = (
    usize,
    Vec<usize>,
    Vec<usize>,
    i32,
    &'a str,
    &'a str,
    usize,
    &'a str,
    &'a str,
    u8,
);

/// A claim of an event list: status, entities, tags, url, title.
type EventClaim<'a> = (usize, Vec<usize>, Vec<usize>, &'a str, &'a str);

/// One event: its claim, year, month, date and label, then its source (or
/// null), the verdict it set (or null) and its note (or null).
type EventItem<'a> = (
    usize,
    i32,
    usize,
    usize,
    usize,
    Option<usize>,
    Option<usize>,
    Option<&'a str>,
);

/// Numbers values in the order they are first seen.
struct Numbering<K> {
    order: Vec<K>,
    numbers: HashMap<K, usize>,
}

impl<K> Default for Numbering<K> {
    fn default() -> Self {
        Numbering {
            order: Vec::new(),
            numbers: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq + Clone> Numbering<K> {
    fn number(&mut self, value: K) -> usize {
        let next = self.order.len();
        let number = *self.numbers.entry(value.clone()).or_insert(next);
        if number == next {
            self.order.push(value);
        }
        number
    }
}

/// The tables of one data file, filled as items are added.
#[derive(Default)]
struct Tables<'a> {
    statuses: Numbering<&'a str>,
    entities: Numbering<&'a str>,
    tags: Numbering<&'a str>,
    sources: Numbering<&'a str>,
    claims: Numbering<usize>,
    dates: Numbering<time::Date>,
    labels: Numbering<(&'static str, String)>,
    months: Numbering<(i32, u8)>,
}

impl<'a> Tables<'a> {
    /// The status, entity and tag numbers of claim `i`.
    fn claim_keys(&mut self, viewer: &'a Viewer, i: usize) -> (usize, Vec<usize>, Vec<usize>) {
        let card = viewer.card_ref(i);
        let status = self.statuses.number(&card.status.id);
        let entities = (card.entity_ids.iter())
            .map(|e| self.entities.number(e))
            .collect();
        let tags = card.tag_slugs.iter().map(|t| self.tags.number(t)).collect();
        (status, entities, tags)
    }

    /// The data file of `items`, its tables written out.
    fn finish<I>(mut self, viewer: &'a Viewer, items: Vec<I>) -> ListData<'a, I> {
        let claims = std::mem::take(&mut self.claims.order);
        let claims = (claims.into_iter())
            .map(|i| {
                let (status, entities, tags) = self.claim_keys(viewer, i);
                let card = viewer.card_ref(i);
                (
                    status,
                    entities,
                    tags,
                    card.url.as_str(),
                    card.title.as_str(),
                )
            })
            .collect();
        let statuses = (self.statuses.order.iter())
            .map(|id| {
                let s = viewer.status(id);
                [s.id, s.label, s.color, s.text_color.to_string()]
            })
            .collect();
        let sources = (self.sources.order.iter())
            .map(|id| {
                let link = viewer.source_link(id);
                [link.name, link.url]
            })
            .collect();
        let dates = (self.dates.order.iter())
            .map(|&date| {
                let view = date_view(date);
                let display = viewer.t().date(date);
                [view.iso, display]
            })
            .collect();
        let labels = (self.labels.order.into_iter())
            .map(|(kind, label)| [kind.to_string(), label])
            .collect();
        let months = (self.months.order.iter())
            .map(|&(year, month)| {
                [
                    format!("{year}-{month:02}"),
                    viewer.t().month_label(year, month),
                ]
            })
            .collect();
        ListData {
            statuses,
            entities: self.entities.order,
            tags: self.tags.order,
            sources,
            claims,
            dates,
            labels,
            months,
            items,
        }
    }
}

/// The data file of the claims `claims` (indices into `site.claims`).
pub(super) fn of_claims(viewer: &Viewer, claims: &[usize]) -> String {
    let mut tables = Tables::default();
    let items: Vec<ClaimItem> = (claims.iter())
        .map(|&i| {
            let (status, entities, tags) = tables.claim_keys(viewer, i);
            let card = viewer.card_ref(i);
            let claimant = tables.sources.number(&viewer.site.claims[i].claimant);
            (
                status,
                entities,
                tags,
                card.date.year,
                card.url.as_str(),
                card.title.as_str(),
                claimant,
                card.date.iso.as_str(),
                card.date.display.as_str(),
                u8::from(card.draft),
            )
        })
        .collect();
    script_safe(&tables.finish(viewer, items))
}

/// The data file of the timeline events `events`.
pub(super) fn of_events(viewer: &Viewer, events: &[Event]) -> String {
    let mut tables = Tables::default();
    let items: Vec<EventItem> = (events.iter())
        .map(|event| {
            let claim = &viewer.site.claims[event.claim];
            let git = viewer.git_wording(event.claim);
            let facts = event_facts(&viewer.site.config, claim, event, git);
            let month = (event.date.year(), u8::from(event.date.month()));
            (
                tables.claims.number(event.claim),
                event.date.year(),
                tables.months.number(month),
                tables.dates.number(event.date),
                tables.labels.number((facts.kind, facts.label)),
                facts.source.map(|s| tables.sources.number(s)),
                facts.status.map(|s| tables.statuses.number(s)),
                facts.note,
            )
        })
        .collect();
    script_safe(&tables.finish(viewer, items))
}

/// The job writing the data file `make` makes for the list at `dir`.
pub(super) fn job<'v>(dir: &str, make: impl Fn() -> String + Send + Sync + 'v) -> Job<'v> {
    Job::file(&format!("{dir}{FILE}"), theme::LIST_DATA, move || {
        let mut context = Context::new();
        context.insert("data", &make());
        context
    })
}

/// The URL of the data file of the list at `dir`.
pub(super) fn url(viewer: &Viewer, dir: &str) -> String {
    viewer.urls.path(&format!("{dir}{FILE}"))
}
