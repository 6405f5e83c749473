//! The list of pages a site has: one job per output file, each with its template and context.

use tera::Context;

use super::charts;
use super::data_page;
use super::document_pages;
use super::lists;
use super::pages::{Job, context};
use super::source_pages;
use super::theme;
use super::viewer::Viewer;

/// Every HTML page and alias redirect of the site. The search page merges
/// the index bundles in the folders `merged_bundles` (paths from the site
/// root, `pagefind/bundle-2/`, ...) into the first bundle's results.
pub(super) fn html_jobs<'v>(viewer: &'v Viewer, merged_bundles: &[String]) -> Vec<Job<'v>> {
    let mut jobs = vec![
        home(viewer),
        not_found(viewer),
        search(viewer, merged_bundles),
    ];
    jobs.extend(claim_pages(viewer));
    jobs.extend(alias_redirects(viewer));
    jobs.extend(lists::timeline(viewer));
    jobs.extend(lists::entities(viewer));
    jobs.extend(source_pages::sources(viewer));
    jobs.extend(document_pages::documents(viewer));
    jobs.extend(lists::tags(viewer));
    jobs.extend(lists::statuses(viewer));
    jobs.extend(lists::contested(viewer));
    jobs.extend(data_page::index_pages(viewer));
    jobs.extend(super::changes::jobs(viewer));
    jobs.extend(free_pages(viewer));
    jobs
}

/// How many claims, verdicts and contested claims the home page shows.
const HOME_CLAIMS: usize = 10;
const HOME_VERDICTS: usize = 8;
const HOME_CONTESTED: usize = 5;

fn home<'v>(viewer: &'v Viewer) -> Job<'v> {
    Job::html("", theme::HOME, move || home_context(viewer))
}

fn home_context(viewer: &Viewer) -> Context {
    let index = viewer.index;
    let all: Vec<usize> = (0..viewer.site.claims.len()).collect();
    let mut context = context("", &viewer.site.config.title);
    context.insert("claim_total", &all.len());
    context.insert("status_counts", &viewer.status_counts(&all));
    context.insert(
        "chart",
        &charts::month_chart(&index.monthly_counts(), &viewer.statuses(), viewer.t()),
    );
    context.insert("claims", &viewer.cards(&all[..all.len().min(HOME_CLAIMS)]));
    let verdicts: Vec<_> = index
        .recent_verdicts(HOME_VERDICTS)
        .into_iter()
        .map(|(claim, change)| crate::index::Event {
            date: viewer.site.claims[claim].history[change].date,
            kind: crate::index::EventKind::Verdict(change),
            claim,
        })
        .collect();
    context.insert("verdicts", &viewer.events(&verdicts));
    let contested = &index.contested[..index.contested.len().min(HOME_CONTESTED)];
    context.insert("contested", &viewer.cards(contested));
    context.insert("contested_total", &index.contested.len());
    context
}

fn not_found<'v>(viewer: &'v Viewer) -> Job<'v> {
    Job::file("404.html", theme::NOT_FOUND, move || {
        context("404.html", viewer.t().text("not_found_title"))
    })
}

/// The search page; its results come from the index in `pagefind/`, which the search stage builds.
/// Left out of the sitemap: it has nothing to index until someone searches.
fn search<'v>(viewer: &'v Viewer, merged_bundles: &[String]) -> Job<'v> {
    let bundles: Vec<String> = merged_bundles
        .iter()
        .map(|folder| viewer.urls.path(folder))
        .collect();
    Job {
        in_sitemap: false,
        ..Job::html("search/", theme::SEARCH, move || {
            let mut context = context("search/", viewer.t().text("search_title"));
            context.insert("merged_bundles", &bundles);
            context
        })
    }
}

fn claim_pages<'v>(viewer: &'v Viewer) -> impl Iterator<Item = Job<'v>> + 'v {
    viewer
        .site
        .claims
        .iter()
        .enumerate()
        .map(move |(i, claim)| {
            let path = format!("claims/{}/", claim.id);
            Job::html(&path.clone(), theme::CLAIM, move || {
                let mut context = context(&path, &claim.title);
                context.insert("json_ld", &super::json::claim_review(viewer, claim));
                context.insert("claim", &viewer.claim(i));
                if let Some(json_path) = super::api::json_path(viewer, &path) {
                    context.insert("json_path", &json_path);
                }
                if let Some(badge) = super::badge::embed(viewer, claim) {
                    context.insert("badge", &badge);
                }
                context
            })
        })
}

fn alias_redirects<'v>(viewer: &'v Viewer) -> impl Iterator<Item = Job<'v>> + 'v {
    let claims = viewer.site.claims.iter().flat_map(move |claim| {
        claim.aliases.iter().map(move |alias| {
            let target = format!("claims/{}/", claim.id);
            redirect(viewer, format!("claims/{alias}/"), target, &claim.title)
        })
    });
    // `/statuses/` is where readers guess the verdicts' index is.
    let verdicts = viewer.t().text("verdicts");
    let statuses = redirect(viewer, "statuses/".into(), "status/".into(), verdicts);
    claims
        .chain(std::iter::once(statuses))
        .chain(release_redirects(viewer))
}

/// `/data/releases/` and each `/data/releases/<version>/`, which hold only
/// the released files, send readers who walk up to them to the releases on
/// `/data/`.
fn release_redirects<'v>(viewer: &'v Viewer) -> impl Iterator<Item = Job<'v>> + 'v {
    let releases = &viewer.site.releases;
    let folder = (!releases.is_empty()).then(|| {
        let path = "data/releases/".to_string();
        redirect(
            viewer,
            path,
            "data/#releases".into(),
            viewer.t().text("releases"),
        )
    });
    let each = releases.iter().map(move |release| {
        let path = format!("data/releases/{}/", release.version);
        let target = format!("data/#release-{}", release.version);
        redirect(viewer, path, target, &release.version)
    });
    folder.into_iter().chain(each)
}

/// A page at `path` that sends readers and search engines on to `target`
/// (both site-relative folders), named `title`. Left out of the sitemap.
fn redirect<'v>(viewer: &'v Viewer, path: String, target: String, title: &'v str) -> Job<'v> {
    Job {
        in_sitemap: false,
        ..Job::html(&path.clone(), theme::REDIRECT, move || {
            let mut context = context(&path, title);
            context.insert("target", &viewer.urls.path(&target));
            context.insert("target_absolute", &viewer.urls.absolute(&target));
            context
        })
    }
}

fn free_pages<'v>(viewer: &'v Viewer) -> impl Iterator<Item = Job<'v>> + 'v {
    viewer.site.pages.values().map(move |page| {
        let path = format!("pages/{}/", page.id);
        Job::html(&path.clone(), theme::PAGE, move || {
            let mut context = context(&path, &page.title);
            context.insert("body_html", &viewer.markdown.render(&page.body));
            context
        })
    })
}
