//! Pages that list claims or events: timeline, entities, sources, tags,
//! statuses and contested claims, paginated where they can grow.

use std::collections::BTreeMap;

use serde::Serialize;

use super::pages::{Job, context};
use super::paginate::paginate;
use super::viewer::Viewer;
use super::views::{EntityView, Link, StatusView};
use crate::index::Event;

/// The timeline: the newest events at `/timeline/`, then every year paginated.
pub fn timeline(viewer: &Viewer) -> Vec<Job> {
    let events = &viewer.index.events;
    let mut years: Vec<i32> = events.iter().map(|e| e.date.year()).collect();
    years.dedup();
    let year_links: Vec<Link> = years
        .iter()
        .map(|y| Link {
            id: y.to_string(),
            name: y.to_string(),
            url: viewer.urls.path(&format!("timeline/{y}/")),
        })
        .collect();
    let filters = filters(viewer);
    let page_size = viewer.site.config.page_size;
    let mut latest = context("timeline/", "Timeline");
    let newest = &events[..events.len().min(page_size)];
    latest.insert("months", &viewer.months(newest));
    let newest_values = Values::of_events(viewer, newest);
    latest.insert(
        "facets",
        &Values::of_events(viewer, newest).facets(viewer, &newest_values),
    );
    latest.insert("years", &year_links);
    latest.insert("year", "");
    latest.insert("event_total", &events.len());
    latest.insert("filters", &filters);
    let mut jobs = vec![Job::html("timeline/", "timeline.html", latest)];
    for year in years {
        let of_year: Vec<_> = events
            .iter()
            .filter(|e| e.date.year() == year)
            .copied()
            .collect();
        let dir = format!("timeline/{year}/");
        let title = format!("Timeline {year}");
        let year_values = Values::of_events(viewer, &of_year);
        jobs.extend(paginate(
            viewer.urls,
            &dir,
            "timeline.html",
            &of_year,
            page_size,
            |path, slice| {
                let mut page = context(path, &title);
                page.insert("months", &viewer.months(slice));
                page.insert(
                    "facets",
                    &Values::of_events(viewer, slice).facets(viewer, &year_values),
                );
                page.insert("years", &year_links);
                page.insert("year", &year.to_string());
                page.insert("event_total", &of_year.len());
                page.insert("filters", &filters);
                page
            },
        ));
    }
    jobs
}

/// Links that narrow the timeline to one status, entity or tag, working without JavaScript.
#[derive(Serialize)]
struct Filters {
    statuses: Vec<super::views::StatusCount>,
    entities: Vec<Link>,
    tags: Vec<Link>,
}

/// How many entities and tags the filter bar offers (the most used ones).
const FILTER_LINKS: usize = 12;

fn filters(viewer: &Viewer) -> Filters {
    let all: Vec<usize> = (0..viewer.site.claims.len()).collect();
    let mut entities: Vec<(&str, usize)> = viewer
        .index
        .by_entity
        .iter()
        .map(|(id, claims)| (*id, claims.len()))
        .collect();
    entities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut tags: Vec<(&String, &(String, Vec<usize>))> = viewer.index.by_tag.iter().collect();
    tags.sort_by(|a, b| b.1.1.len().cmp(&a.1.1.len()).then(a.0.cmp(b.0)));
    Filters {
        statuses: viewer
            .status_counts(&all)
            .into_iter()
            .filter(|s| s.count > 0)
            .collect(),
        entities: entities
            .into_iter()
            .take(FILTER_LINKS)
            .map(|(id, _)| viewer.entity_link(id))
            .collect(),
        tags: tags
            .into_iter()
            .take(FILTER_LINKS)
            .map(|(slug, (name, _))| Link {
                id: slug.clone(),
                name: name.clone(),
                url: viewer.urls.path(&format!("tags/{slug}/")),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct KindGroup {
    kind: String,
    entities: Vec<EntityView>,
}

/// `/entities/` grouped by kind, and each entity's page with its own timeline.
pub fn entities(viewer: &Viewer) -> Vec<Job> {
    let mut groups: BTreeMap<&str, Vec<EntityView>> = BTreeMap::new();
    for entity in viewer.site.entities.values() {
        groups
            .entry(kind_order(&entity.kind))
            .or_default()
            .push(viewer.entity(entity));
    }
    let groups: Vec<KindGroup> = groups
        .into_iter()
        .map(|(key, entities)| KindGroup {
            kind: key[2..].to_string(),
            entities,
        })
        .collect();
    let mut list = context("entities/", "Entities");
    list.insert("groups", &groups);
    let mut jobs = vec![Job::html("entities/", "entities.html", list)];
    for entity in viewer.site.entities.values() {
        let claims = viewer.index.claims_about(&entity.id);
        let events = viewer.index.events_of(claims);
        let children: Vec<Link> = viewer
            .site
            .entities
            .values()
            .filter(|e| e.parent.as_deref() == Some(entity.id.as_str()))
            .map(|e| viewer.entity_link(&e.id))
            .collect();
        let view = viewer.entity(entity);
        let counts = viewer.status_counts(claims);
        let dir = format!("entities/{}/", entity.id);
        let values = Values::of_events(viewer, &events);
        jobs.extend(paginate(
            viewer.urls,
            &dir,
            "entity.html",
            &events,
            viewer.site.config.page_size,
            |path, slice| {
                let mut page = context(path, &entity.name);
                page.insert("months", &viewer.months(slice));
                page.insert(
                    "facets",
                    &Values::of_events(viewer, slice).facets(viewer, &values),
                );
                page.insert("entity", &view);
                page.insert("children", &children);
                page.insert("status_counts", &counts);
                page.insert(
                    "feed_path",
                    &super::feeds::entity_feed_path(viewer, &entity.id),
                );
                page
            },
        ));
    }
    jobs
}

/// Sorts entity kinds in a reader's order, keeping the kind after a two-character prefix.
fn kind_order(kind: &str) -> &'static str {
    match kind {
        "organization" => "0 organization",
        "model" => "1 model",
        "product" => "2 product",
        "person" => "3 person",
        _ => "4 other",
    }
}

/// `/sources/` as one comparison table, and each source's track record.
pub fn sources(viewer: &Viewer) -> Vec<Job> {
    let rows: Vec<_> = viewer
        .site
        .sources
        .values()
        .map(|s| viewer.source(s))
        .collect();
    let mut list = context("sources/", "Sources");
    list.insert("sources", &rows);
    list.insert(
        "agreement_threshold",
        &viewer.site.config.agreement_threshold,
    );
    let mut jobs = vec![Job::html("sources/", "sources.html", list)];
    let page_size = viewer.site.config.page_size;
    for (source, row) in viewer.site.sources.values().zip(&rows) {
        let originated = viewer
            .index
            .originated
            .get(source.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let cited = viewer.cited_claims(&source.id);
        let cited_indices = viewer
            .index
            .cited
            .get(source.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let dir = format!("sources/{}/", source.id);
        let mut page = context(&dir, &source.name);
        page.insert("source", row);
        page.insert(
            "originated",
            &viewer.cards(&originated[..originated.len().min(page_size)]),
        );
        page.insert("cited", &cited[..cited.len().min(page_size)]);
        page.insert(
            "originated_all",
            &viewer.urls.path(&format!("{dir}claims/")),
        );
        page.insert("cited_all", &viewer.urls.path(&format!("{dir}cited/")));
        jobs.push(Job::html(&dir, "source.html", page));
        let title = format!("Claims made by {}", source.name);
        let claims_dir = format!("{dir}claims/");
        jobs.extend(claim_list_pages(
            viewer,
            &claims_dir,
            "list.html",
            originated,
            &title,
            |_| {},
        ));
        let title = format!("Claims cited by {}", source.name);
        let cited_dir = format!("{dir}cited/");
        // Paginated by position, so each page's cited claims and their indices line up.
        let positions: Vec<usize> = (0..cited.len()).collect();
        let values = Values::of_claims(viewer, cited_indices);
        jobs.extend(paginate(
            viewer.urls,
            &cited_dir,
            "cited.html",
            &positions,
            page_size,
            |path, slice| {
                let range = slice
                    .first()
                    .map_or(0..0, |&first| first..first + slice.len());
                let mut page = context(path, &title);
                page.insert("cited", &cited[range.clone()]);
                page.insert(
                    "facets",
                    &Values::of_claims(viewer, &cited_indices[range]).facets(viewer, &values),
                );
                page.insert("source", row);
                page
            },
        ));
    }
    jobs
}

#[derive(Serialize)]
struct TagView {
    name: String,
    slug: String,
    url: String,
    count: usize,
}

/// `/tags/` and one paginated list per tag.
pub fn tags(viewer: &Viewer) -> Vec<Job> {
    let list: Vec<TagView> = viewer
        .index
        .by_tag
        .iter()
        .map(|(slug, (name, claims))| TagView {
            name: name.clone(),
            slug: slug.clone(),
            url: viewer.urls.path(&format!("tags/{slug}/")),
            count: claims.len(),
        })
        .collect();
    let mut index_context = context("tags/", "Tags");
    index_context.insert("tags", &list);
    let mut jobs = vec![Job::html("tags/", "tags.html", index_context)];
    for (tag, (_, claims)) in list.iter().zip(viewer.index.by_tag.values()) {
        let dir = format!("tags/{}/", tag.slug);
        let title = format!("Claims tagged “{}”", tag.name);
        jobs.extend(claim_list_pages(
            viewer,
            &dir,
            "tag.html",
            claims,
            &title,
            |page| {
                page.insert("tag", tag);
            },
        ));
    }
    jobs
}

/// One paginated list per status.
pub fn statuses(viewer: &Viewer) -> Vec<Job> {
    let mut jobs = Vec::new();
    for status in viewer.statuses() {
        let claims = viewer
            .index
            .by_status
            .get(status.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let dir = format!("status/{}/", status.id);
        let title = format!("{} claims", status.label);
        jobs.extend(claim_list_pages(
            viewer,
            &dir,
            "status.html",
            claims,
            &title,
            |page| {
                page.insert("status", &status);
            },
        ));
    }
    jobs
}

/// `/contested/`: claims with both supporting and contradicting sources.
pub fn contested(viewer: &Viewer) -> Vec<Job> {
    let contested = &viewer.index.contested;
    claim_list_pages(
        viewer,
        "contested/",
        "contested.html",
        contested,
        "Contested claims",
        |_| {},
    )
}

/// Paginated claim cards at `dir` as `claims`; `extra` adds the template's own variables.
fn claim_list_pages(
    viewer: &Viewer,
    dir: &str,
    template: &'static str,
    claims: &[usize],
    title: &str,
    extra: impl Fn(&mut tera::Context),
) -> Vec<Job> {
    let values = Values::of_claims(viewer, claims);
    paginate(
        viewer.urls,
        dir,
        template,
        claims,
        viewer.site.config.page_size,
        |path, slice| {
            let mut page = context(path, title);
            page.insert("claims", &viewer.cards(slice));
            page.insert(
                "facets",
                &Values::of_claims(viewer, slice).facets(viewer, &values),
            );
            extra(&mut page);
            page
        },
    )
}

/// What the client-side filter (`filter.js`) can narrow one page's items by.
/// A field is offered (non-empty) only when one of its values would hide some
/// items of the whole list, so the controls stay the same from page to page;
/// it lists the values found on this page, so no single choice empties it.
#[derive(Serialize)]
struct Facets {
    statuses: Vec<StatusView>,
    entities: Vec<Link>,
    tags: Vec<Link>,
    years: Vec<i32>,
}

/// The statuses, entities, tags and years among some list items, each with
/// how many items have it.
#[derive(Default)]
struct Values<'a> {
    items: usize,
    statuses: BTreeMap<&'a str, usize>,
    entities: BTreeMap<&'a str, usize>,
    /// By slug: the tag as first written, and the count.
    tags: BTreeMap<String, (&'a str, usize)>,
    years: BTreeMap<i32, usize>,
}

/// Whether choosing one of these values would hide some of `items` items.
fn narrows<K>(values: &BTreeMap<K, usize>, items: usize) -> bool {
    values.values().any(|&n| n < items)
}

impl<'a> Values<'a> {
    /// Values of items given as (claim index, year).
    fn of(viewer: &Viewer<'a, '_>, items: impl Iterator<Item = (usize, i32)>) -> Self {
        let mut values = Values::default();
        for (i, year) in items {
            let claim = &viewer.site.claims[i];
            values.items += 1;
            *values.statuses.entry(&claim.status).or_default() += 1;
            for entity in &claim.entities {
                *values.entities.entry(entity).or_default() += 1;
            }
            for tag in &claim.tags {
                values
                    .tags
                    .entry(crate::ids::tag_slug(tag))
                    .or_insert((tag, 0))
                    .1 += 1;
            }
            *values.years.entry(year).or_default() += 1;
        }
        values
    }

    /// Events are dated by when they happened.
    fn of_events(viewer: &Viewer<'a, '_>, events: &[Event]) -> Self {
        Values::of(viewer, events.iter().map(|e| (e.claim, e.date.year())))
    }

    /// Claims are dated by when they were made.
    fn of_claims(viewer: &Viewer<'a, '_>, claims: &[usize]) -> Self {
        let site = viewer.site;
        Values::of(
            viewer,
            claims.iter().map(|&i| (i, site.claims[i].date.year())),
        )
    }

    /// This page's values as facets, keeping only the fields that can narrow `list`.
    fn facets(self, viewer: &Viewer, list: &Values) -> Facets {
        let mut entities: Vec<Link> = if narrows(&list.entities, list.items) {
            self.entities
                .into_keys()
                .map(|id| viewer.entity_link(id))
                .collect()
        } else {
            Vec::new()
        };
        entities.sort_by_key(|e| e.name.to_lowercase());
        let tag_counts: BTreeMap<&String, usize> =
            list.tags.iter().map(|(slug, (_, n))| (slug, *n)).collect();
        let mut tags: Vec<Link> = if narrows(&tag_counts, list.items) {
            self.tags
                .into_iter()
                .map(|(slug, (name, _))| Link {
                    url: viewer.urls.path(&format!("tags/{slug}/")),
                    id: slug,
                    name: name.to_string(),
                })
                .collect()
        } else {
            Vec::new()
        };
        tags.sort_by_key(|t| t.name.to_lowercase());
        let statuses = if narrows(&list.statuses, list.items) {
            viewer
                .statuses()
                .into_iter()
                .filter(|s| self.statuses.contains_key(s.id.as_str()))
                .collect()
        } else {
            Vec::new()
        };
        let years = if narrows(&list.years, list.items) {
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
