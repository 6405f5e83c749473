//! What the client-side filter (`filter.js`) can narrow a list by: the
//! statuses, entities, tags and years of its items, offered only where a
//! choice would hide some items of the whole list.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use super::viewer::Viewer;
use super::views::{Link, StatusView};
use crate::index::Event;

/// The facets of one paginated list: the values of the whole list, worked
/// out when its first page renders and shared by its pages, so a choice on
/// any page can reach items on the others (through the list's data file).
#[derive(Default)]
pub(super) struct ListFacets {
    facets: OnceLock<Facets>,
    /// An entity not offered: the one whose page the list is on.
    without_entity: Option<usize>,
}

impl ListFacets {
    /// Facets that never offer the entity `id` (on that entity's own page).
    pub(super) fn without_entity(viewer: &Viewer, id: &str) -> Self {
        ListFacets {
            facets: OnceLock::new(),
            without_entity: viewer.index.facet_keys.entity_number(id),
        }
    }

    /// The facets of the timeline events `all`.
    pub(super) fn of_events(&self, viewer: &Viewer, all: &[Event]) -> Facets {
        let facets = self.facets.get_or_init(|| {
            let values = Values::of_events(viewer, all);
            values.facets(viewer, self.without_entity)
        });
        facets.clone()
    }

    /// The facets of the claims `all`.
    pub(super) fn of_claims(&self, viewer: &Viewer, all: &[usize]) -> Facets {
        let facets = self.facets.get_or_init(|| {
            let values = Values::of_claims(viewer, all);
            values.facets(viewer, self.without_entity)
        });
        facets.clone()
    }
}

/// What the client-side filter (`filter.js`) can narrow a list by. A field
/// is offered (non-empty) only when one of its values would hide some items
/// of the whole list; it lists every value the list's items have.
#[derive(Serialize, Clone)]
pub(super) struct Facets {
    statuses: Vec<StatusView>,
    entities: Vec<Link>,
    tags: Vec<Link>,
    years: Vec<i32>,
}

/// The statuses, entities, tags and years among some list items, each with
/// how many items have it; all but years by their number in
/// [`crate::index::FacetKeys`].
#[derive(Default)]
struct Values<'a> {
    items: usize,
    statuses: BTreeMap<usize, usize>,
    entities: BTreeMap<usize, usize>,
    /// By slug: the tag as first written, and the count.
    tags: BTreeMap<usize, (&'a str, usize)>,
    years: BTreeMap<i32, usize>,
}

/// Which fields can narrow a list.
struct Narrows {
    statuses: bool,
    entities: bool,
    tags: bool,
    years: bool,
}

/// Whether choosing one of these values would hide some of `items` items.
fn narrows<K>(values: &BTreeMap<K, usize>, items: usize) -> bool {
    values.values().any(|&n| n < items)
}

impl<'a> Values<'a> {
    /// Values of items given as (claim index, year).
    fn of(viewer: &'a Viewer<'a, '_>, items: impl Iterator<Item = (usize, i32)>) -> Self {
        let mut values = Values::default();
        for (i, year) in items {
            let keys = viewer.index.facet_keys.claim(i);
            values.items += 1;
            *values.statuses.entry(keys.status).or_default() += 1;
            for &entity in &keys.entities {
                *values.entities.entry(entity).or_default() += 1;
            }
            for (tag, &slug) in viewer.site.claims[i].tags.iter().zip(&keys.tags) {
                values.tags.entry(slug).or_insert((tag, 0)).1 += 1;
            }
            *values.years.entry(year).or_default() += 1;
        }
        values
    }

    /// Events are dated by when they happened.
    fn of_events(viewer: &'a Viewer<'a, '_>, events: &[Event]) -> Self {
        Values::of(viewer, events.iter().map(|e| (e.claim, e.date.year())))
    }

    /// Claims are dated by when they were made.
    fn of_claims(viewer: &'a Viewer<'a, '_>, claims: &[usize]) -> Self {
        let site = viewer.site;
        Values::of(
            viewer,
            claims.iter().map(|&i| (i, site.claims[i].date.year())),
        )
    }

    /// These values as facets, keeping the fields that can narrow the items
    /// and leaving out the entity `without_entity`.
    fn facets(mut self, viewer: &Viewer, without_entity: Option<usize>) -> Facets {
        let keys = &viewer.index.facet_keys;
        if let Some(entity) = without_entity {
            self.entities.remove(&entity);
        }
        let tag_counts: BTreeMap<usize, usize> =
            self.tags.iter().map(|(slug, (_, n))| (*slug, *n)).collect();
        let list = Narrows {
            statuses: narrows(&self.statuses, self.items),
            entities: narrows(&self.entities, self.items),
            tags: narrows(&tag_counts, self.items),
            years: narrows(&self.years, self.items),
        };
        let mut entities: Vec<Link> = if list.entities {
            self.entities
                .into_keys()
                .map(|entity| viewer.entity_link(keys.entity(entity)))
                .collect()
        } else {
            Vec::new()
        };
        entities.sort_by_cached_key(|e| e.name.to_lowercase());
        let mut tags: Vec<Link> = if list.tags {
            self.tags
                .into_iter()
                .map(|(slug, (name, _))| {
                    let slug = keys.tag(slug);
                    Link {
                        url: viewer.urls.path(&format!("tags/{slug}/")),
                        id: slug.to_string(),
                        name: name.to_string(),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        tags.sort_by_cached_key(|t| t.name.to_lowercase());
        let statuses = if list.statuses {
            viewer
                .statuses()
                .into_iter()
                .filter(|s| {
                    let number = keys.status_number(&s.id);
                    number.is_some_and(|n| self.statuses.contains_key(&n))
                })
                .collect()
        } else {
            Vec::new()
        };
        let years = if list.years {
            self.years.into_keys().rev().collect()
        } else {
            Vec::new()
        };
        Facets {
            statuses,
            entities,
            tags,
            years,
        }
    }
}
