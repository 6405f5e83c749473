//! Pages that list claims or events: timeline, entities, tags, statuses and
//! contested claims, paginated where they can grow (sources have
//! [`super::source_pages`]).

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use super::facets::ListFacets;
use super::list_data;
use super::pages::{Job, context};
use super::paginate::paginate;
use super::theme;
use super::viewer::Viewer;
use super::views::{EntityView, Link, StatusCount};
use crate::index::Event;
use crate::parse::EntityKind;

/// The timeline: the newest events at `/timeline/`, then every year paginated.
pub(super) fn timeline<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let events = viewer.index.timeline.events();
    let mut years: Vec<i32> = events.iter().map(|e| e.date.year()).collect();
    years.dedup();
    let year_links: Arc<[Link]> = years
        .iter()
        .map(|y| Link {
            id: y.to_string(),
            name: y.to_string(),
            url: viewer.urls.path(&format!("timeline/{y}/")),
        })
        .collect();
    let filters = Arc::new(filters(viewer));
    let page_size = viewer.site.config.page_size;
    let (links, shared_filters) = (Arc::clone(&year_links), Arc::clone(&filters));
    // The newest events; a filter there reaches every event, through the
    // whole timeline's data file.
    let truncated = events.len() > page_size;
    let latest = move || {
        let mut latest = context("timeline/", viewer.t().text("nav_timeline"));
        let newest = &events[..events.len().min(page_size)];
        latest.insert("months", &viewer.months(newest));
        latest.insert("facets", &ListFacets::default().of_events(viewer, events));
        latest.insert("filter_data", &data_url(viewer, "timeline/", truncated));
        latest.insert("years", &*links);
        latest.insert("year", "");
        latest.insert("event_total", &events.len());
        latest.insert("filters", &*shared_filters);
        latest
    };
    let mut jobs = vec![Job::html("timeline/", theme::TIMELINE, latest)];
    if truncated {
        jobs.push(list_data::job("timeline/", move || {
            list_data::of_events(viewer, events)
        }));
    }
    for year in years {
        let of_year: Arc<[Event]> = events
            .iter()
            .filter(|e| e.date.year() == year)
            .copied()
            .collect();
        let dir = format!("timeline/{year}/");
        let title = viewer
            .t()
            .fill("timeline_year_title", &[("year", &year.to_string())]);
        let total = of_year.len();
        let facets = ListFacets::default();
        let (links, filters) = (Arc::clone(&year_links), Arc::clone(&filters));
        let paged = total > page_size;
        let data = data_url(viewer, &dir, paged);
        if paged {
            let of_year = Arc::clone(&of_year);
            jobs.push(list_data::job(&dir, move || {
                list_data::of_events(viewer, &of_year)
            }));
        }
        jobs.extend(paginate(
            viewer.urls,
            &dir,
            theme::TIMELINE,
            of_year,
            page_size,
            move |path, slice, all| {
                let mut page = context(path, &title);
                page.insert("months", &viewer.months(slice));
                page.insert("facets", &facets.of_events(viewer, all));
                page.insert("filter_data", &data);
                page.insert("years", &*links);
                page.insert("year", &year.to_string());
                page.insert("event_total", &total);
                page.insert("filters", &*filters);
                page
            },
        ));
    }
    jobs
}

/// Links that narrow the timeline to one status, entity or tag, working without JavaScript.
#[derive(Serialize)]
struct Filters {
    statuses: Vec<StatusCount>,
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
pub(super) fn entities<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let mut jobs = vec![Job::html("entities/", theme::ENTITIES, move || {
        let mut list = context("entities/", viewer.t().text("nav_entities"));
        list.insert("groups", &kind_groups(viewer));
        list
    })];
    for entity in viewer.site.entities.values() {
        let claims = viewer.index.claims_about(&entity.id);
        let events: Arc<[Event]> = viewer.index.timeline.of(claims).into();
        let facets = ListFacets::without_entity(viewer, &entity.id);
        // Made once and shared by the entity's pages: made per page, they
        // would be quadratic in the entity's claims.
        let shared = OnceLock::new();
        let dir = format!("entities/{}/", entity.id);
        let page_size = viewer.site.config.page_size;
        let data = data_url(viewer, &dir, events.len() > page_size);
        let json_path = super::api::json_path(viewer, &dir);
        if events.len() > page_size {
            let events = Arc::clone(&events);
            jobs.push(list_data::job(&dir, move || {
                list_data::of_events(viewer, &events)
            }));
        }
        jobs.extend(paginate(
            viewer.urls,
            &dir,
            theme::ENTITY,
            events,
            page_size,
            move |path, slice, all| {
                let (entity_view, children, status_counts) =
                    shared.get_or_init(|| entity_page_parts(viewer, entity, claims));
                let mut page = context(path, &entity.name);
                page.insert("months", &viewer.months(slice));
                page.insert("facets", &facets.of_events(viewer, all));
                page.insert("filter_data", &data);
                page.insert("entity", entity_view);
                if let Some(json_path) = &json_path {
                    page.insert("json_path", json_path);
                }
                page.insert("children", children);
                page.insert("status_counts", status_counts);
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

/// What every page of one entity shows: the entity, its child entities and
/// how many of its claims have each status.
fn entity_page_parts(
    viewer: &Viewer,
    entity: &crate::model::Entity,
    claims: &[usize],
) -> (EntityView, Vec<Link>, Vec<StatusCount>) {
    let children = viewer
        .index
        .family
        .children(&entity.id)
        .iter()
        .map(|child| viewer.entity_link(child))
        .collect();
    (
        viewer.entity(entity),
        children,
        viewer.status_counts(claims),
    )
}

fn kind_groups(viewer: &Viewer) -> Vec<KindGroup> {
    let mut groups: BTreeMap<EntityKind, Vec<EntityView>> = BTreeMap::new();
    for entity in viewer.site.entities.values() {
        groups
            .entry(entity.kind)
            .or_default()
            .push(viewer.entity(entity));
    }
    groups
        .into_iter()
        .map(|(kind, entities)| KindGroup {
            kind: kind.as_str().to_string(),
            entities,
        })
        .collect()
}

#[derive(Serialize)]
struct TagView {
    name: String,
    slug: String,
    url: String,
    count: usize,
}

/// `/tags/` and one paginated list per tag.
pub(super) fn tags<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let tag_view = move |slug: &String, (name, claims): &(String, Vec<usize>)| TagView {
        name: name.clone(),
        slug: slug.clone(),
        url: viewer.urls.path(&format!("tags/{slug}/")),
        count: claims.len(),
    };
    let mut jobs = vec![Job::html("tags/", theme::TAGS, move || {
        let list: Vec<TagView> = viewer
            .index
            .by_tag
            .iter()
            .map(|(slug, tag)| tag_view(slug, tag))
            .collect();
        let mut index_context = context("tags/", viewer.t().text("tags_title"));
        index_context.insert("tags", &list);
        index_context
    })];
    for (slug, tag) in &viewer.index.by_tag {
        let view = tag_view(slug, tag);
        jobs.extend(claim_list_pages(
            viewer,
            &format!("tags/{slug}/"),
            theme::TAG,
            &tag.1,
            viewer.t().fill("claims_tagged", &[("tag", &view.name)]),
            move |page| {
                page.insert("tag", &view);
            },
        ));
    }
    jobs
}

/// One paginated list per status.
pub(super) fn statuses<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let mut jobs = Vec::new();
    for status in viewer.statuses() {
        let claims = viewer
            .index
            .by_status
            .get(status.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let dir = format!("status/{}/", status.id);
        let title = viewer
            .t()
            .fill("status_claims", &[("status", &status.label)]);
        jobs.extend(claim_list_pages(
            viewer,
            &dir,
            theme::STATUS,
            claims,
            title,
            move |page| {
                page.insert("status", &status);
            },
        ));
    }
    jobs
}

/// `/contested/`: claims with both supporting and contradicting sources.
pub(super) fn contested<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    claim_list_pages(
        viewer,
        "contested/",
        theme::CONTESTED,
        &viewer.index.contested,
        viewer.t().text("contested_title").to_string(),
        |_| {},
    )
}

/// Paginated claim cards at `dir` as `claims`; `extra` adds the template's own variables.
pub(super) fn claim_list_pages<'v>(
    viewer: &'v Viewer,
    dir: &str,
    template: &'static str,
    claims: &[usize],
    title: String,
    extra: impl Fn(&mut tera::Context) + Send + Sync + 'v,
) -> Vec<Job<'v>> {
    let facets = ListFacets::default();
    let page_size = viewer.site.config.page_size;
    let claims: Arc<[usize]> = claims.into();
    let mut jobs = Vec::new();
    let data = claims_data(viewer, dir, &claims, &mut jobs);
    jobs.extend(paginate(
        viewer.urls,
        dir,
        template,
        claims,
        page_size,
        move |path, slice, all| {
            let mut page = context(path, &title);
            page.insert("claims", &viewer.cards(slice));
            page.insert("facets", &facets.of_claims(viewer, all));
            page.insert("filter_data", &data);
            extra(&mut page);
            page
        },
    ));
    jobs
}

/// Adds to `jobs` the data file of the claim list `claims` at `dir` when it
/// has more than one page, and returns its URL (empty without one).
pub(super) fn claims_data<'v>(
    viewer: &'v Viewer,
    dir: &str,
    claims: &Arc<[usize]>,
    jobs: &mut Vec<Job<'v>>,
) -> String {
    let paged = claims.len() > viewer.site.config.page_size;
    if paged {
        let claims = Arc::clone(claims);
        jobs.push(list_data::job(dir, move || {
            list_data::of_claims(viewer, &claims)
        }));
    }
    data_url(viewer, dir, paged)
}

/// The URL of the data file of the list at `dir`, or empty when the list has
/// one page (its filter reads the page itself).
fn data_url(viewer: &Viewer, dir: &str, paged: bool) -> String {
    if paged {
        list_data::url(viewer, dir)
    } else {
        String::new()
    }
}
