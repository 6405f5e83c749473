//! The list of pages a site has: one job per output file, each with its template and context.

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::views::{ClaimCard, DateView, Viewer, date_view};
use crate::model::Claim;

/// One page to render: where it goes, with which template and data.
pub struct Job {
    /// Output path relative to the output folder, e.g. `claims/x/index.html`.
    pub path: String,
    /// Template name.
    pub template: &'static str,
    /// The page's variables.
    pub context: Context,
    /// Whether the page belongs in the sitemap.
    pub in_sitemap: bool,
}

impl Job {
    fn html(dir: &str, template: &'static str, context: Context) -> Job {
        Job {
            path: format!("{dir}index.html"),
            template,
            context,
            in_sitemap: true,
        }
    }

    /// The site-relative URL of an HTML page (its folder).
    pub fn url_path(&self) -> &str {
        self.path.strip_suffix("index.html").unwrap_or(&self.path)
    }
}

fn context(page_path: &str, title: &str) -> Context {
    let mut context = Context::new();
    context.insert("page_path", page_path);
    context.insert("title", title);
    context
}

/// Every HTML page and alias redirect of the site.
pub fn html_jobs(viewer: &Viewer) -> Vec<Job> {
    let mut jobs = vec![home(viewer), timeline(viewer), not_found()];
    jobs.extend(claim_pages(viewer));
    jobs.extend(alias_redirects(viewer));
    jobs.extend(entity_pages(viewer));
    jobs.extend(source_pages(viewer));
    jobs.extend(tag_pages(viewer));
    jobs.extend(status_pages(viewer));
    jobs.extend(free_pages(viewer));
    jobs
}

fn cards<'a>(viewer: &Viewer, claims: impl IntoIterator<Item = &'a Claim>) -> Vec<ClaimCard> {
    claims.into_iter().map(|c| viewer.card(c)).collect()
}

#[derive(Serialize)]
struct StatusCount {
    status: super::views::StatusView,
    count: usize,
}

fn status_counts(viewer: &Viewer) -> Vec<StatusCount> {
    viewer
        .site
        .config
        .statuses
        .iter()
        .map(|s| StatusCount {
            status: viewer.status(&s.id),
            count: viewer
                .site
                .claims
                .iter()
                .filter(|c| c.status == s.id)
                .count(),
        })
        .collect()
}

/// How many claims the home page lists.
const HOME_CLAIMS: usize = 20;

fn home(viewer: &Viewer) -> Job {
    let mut context = context("", &viewer.site.config.title);
    context.insert(
        "claims",
        &cards(viewer, viewer.site.claims.iter().take(HOME_CLAIMS)),
    );
    context.insert("claim_total", &viewer.site.claims.len());
    context.insert("status_counts", &status_counts(viewer));
    Job::html("", "index.html", context)
}

fn not_found() -> Job {
    Job {
        path: "404.html".into(),
        template: "404.html",
        context: context("404.html", "Page not found"),
        in_sitemap: false,
    }
}

fn claim_pages(viewer: &Viewer) -> Vec<Job> {
    viewer
        .site
        .claims
        .par_iter()
        .map(|claim| {
            let path = format!("claims/{}/", claim.id);
            let mut context = context(&path, &claim.title);
            let view = viewer.claim(claim);
            context.insert("json_ld", &super::json::claim_review(viewer, claim));
            context.insert("claim", &view);
            Job::html(&path, "claim.html", context)
        })
        .collect()
}

fn alias_redirects<'a>(viewer: &'a Viewer) -> impl Iterator<Item = Job> + 'a {
    viewer.site.claims.iter().flat_map(move |claim| {
        claim.aliases.iter().map(move |alias| {
            let path = format!("claims/{alias}/");
            let mut context = context(&path, &claim.title);
            context.insert(
                "target",
                &viewer.urls.path(&format!("claims/{}/", claim.id)),
            );
            context.insert(
                "target_absolute",
                &viewer.urls.absolute(&format!("claims/{}/", claim.id)),
            );
            Job {
                in_sitemap: false,
                ..Job::html(&path, "redirect.html", context)
            }
        })
    })
}

/// One dated event on the timeline.
#[derive(Serialize)]
struct Event {
    date: DateView,
    /// `claim`, `document` or `verdict`.
    kind: &'static str,
    claim: ClaimCard,
    /// For documents: the source; for verdicts: the new status label.
    detail: String,
    note: Option<String>,
}

#[derive(Serialize)]
struct Year {
    year: i32,
    events: Vec<Event>,
}

fn timeline(viewer: &Viewer) -> Job {
    let mut events: Vec<(time::Date, Event)> = Vec::new();
    for claim in &viewer.site.claims {
        let card = viewer.card(claim);
        let event = |date, kind, detail: String, note: Option<String>| Event {
            date: date_view(date),
            kind,
            claim: card.clone(),
            detail,
            note,
        };
        events.push((
            claim.date,
            event(
                claim.date,
                "claim",
                viewer.source_link(&claim.claimant).name,
                None,
            ),
        ));
        for citation in &claim.citations {
            if let Some(date) = citation.date {
                let source = viewer.source_link(&citation.source).name;
                events.push((
                    date,
                    event(date, "document", source, citation.title.clone()),
                ));
            }
        }
        for change in &claim.history {
            let label = viewer.status(&change.status).label;
            events.push((
                change.date,
                event(change.date, "verdict", label, change.note.clone()),
            ));
        }
    }
    // Newest first; the sort is stable, so same-day events keep claim order.
    events.sort_by_key(|event| std::cmp::Reverse(event.0));
    let mut years: Vec<Year> = Vec::new();
    for (date, event) in events {
        match years.last_mut() {
            Some(year) if year.year == date.year() => year.events.push(event),
            _ => years.push(Year {
                year: date.year(),
                events: vec![event],
            }),
        }
    }
    let mut context = context("timeline/", "Timeline");
    context.insert("years", &years);
    Job::html("timeline/", "timeline.html", context)
}

fn entity_pages<'a>(viewer: &'a Viewer) -> impl Iterator<Item = Job> + 'a {
    let entities: Vec<_> = viewer
        .site
        .entities
        .values()
        .map(|e| viewer.entity(e))
        .collect();
    let mut list = context("entities/", "Entities");
    list.insert("entities", &entities);
    let index = Job::html("entities/", "entities.html", list);
    let pages = viewer.site.entities.values().map(move |entity| {
        let path = format!("entities/{}/", entity.id);
        let mut context = context(&path, &entity.name);
        context.insert("entity", &viewer.entity(entity));
        let children: Vec<_> = viewer
            .site
            .entities
            .values()
            .filter(|e| e.parent.as_deref() == Some(entity.id.as_str()))
            .map(|e| viewer.entity_link(&e.id))
            .collect();
        context.insert("children", &children);
        context.insert(
            "claims",
            &cards(viewer, viewer.site.claims_about(&entity.id)),
        );
        Job::html(&path, "entity.html", context)
    });
    std::iter::once(index).chain(pages)
}

fn source_pages<'a>(viewer: &'a Viewer) -> impl Iterator<Item = Job> + 'a {
    let sources: Vec<_> = viewer
        .site
        .sources
        .values()
        .map(|s| viewer.source(s))
        .collect();
    let mut list = context("sources/", "Sources");
    list.insert("sources", &sources);
    let index = Job::html("sources/", "sources.html", list);
    let pages = viewer.site.sources.values().map(move |source| {
        let path = format!("sources/{}/", source.id);
        let mut context = context(&path, &source.name);
        context.insert("source", &viewer.source(source));
        let originated = viewer
            .site
            .claims
            .iter()
            .filter(|c| c.claimant == source.id);
        context.insert("originated", &cards(viewer, originated));
        let cited = viewer
            .site
            .claims
            .iter()
            .filter(|c| c.citations.iter().any(|cite| cite.source == source.id));
        context.insert("cited", &cards(viewer, cited));
        Job::html(&path, "source.html", context)
    });
    std::iter::once(index).chain(pages)
}

#[derive(Serialize)]
struct TagView {
    name: String,
    slug: String,
    url: String,
    count: usize,
}

fn tag_pages(viewer: &Viewer) -> Vec<Job> {
    let tags = viewer.site.tags();
    let list: Vec<TagView> = tags
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
    for (tag, (_, claims)) in list.iter().zip(tags.values()) {
        let path = format!("tags/{}/", tag.slug);
        let mut context = context(&path, &tag.name);
        context.insert("tag", tag);
        context.insert("claims", &cards(viewer, claims.iter().copied()));
        jobs.push(Job::html(&path, "tag.html", context));
    }
    jobs
}

fn status_pages<'a>(viewer: &'a Viewer) -> impl Iterator<Item = Job> + 'a {
    viewer.site.config.statuses.iter().map(move |status| {
        let path = format!("status/{}/", status.id);
        let mut context = context(&path, &status.label);
        context.insert("status", &viewer.status(&status.id));
        let claims = viewer.site.claims.iter().filter(|c| c.status == status.id);
        context.insert("claims", &cards(viewer, claims));
        Job::html(&path, "status.html", context)
    })
}

fn free_pages<'a>(viewer: &'a Viewer) -> impl Iterator<Item = Job> + 'a {
    viewer.site.pages.values().map(|page| {
        let path = format!("pages/{}/", page.id);
        let mut context = context(&path, &page.title);
        context.insert("body_html", &viewer.markdown.render(&page.body));
        Job::html(&path, "page.html", context)
    })
}
