//! The list of pages a site has: one job per output file, each with its template and context.

use tera::Context;

use super::charts;
use super::lists;
use super::source_pages;
use super::viewer::Viewer;

/// How a page's variables are made: only when the page renders, so the
/// contexts of fourteen thousand pages are never in memory at once.
pub type Recipe<'v> = Box<dyn Fn() -> Context + Send + Sync + 'v>;

/// One page to render: where it goes, with which template and data.
pub struct Job<'v> {
    /// Output path relative to the output folder, e.g. `claims/x/index.html`.
    pub path: String,
    /// Template name.
    pub template: &'static str,
    /// Makes the page's variables.
    pub context: Recipe<'v>,
    /// Whether the page belongs in the sitemap.
    pub in_sitemap: bool,
}

impl<'v> Job<'v> {
    /// An HTML page at `dir` (ending in `/`, or empty for the home page),
    /// its variables made by `recipe` when it renders.
    pub fn html(
        dir: &str,
        template: &'static str,
        recipe: impl Fn() -> Context + Send + Sync + 'v,
    ) -> Job<'v> {
        Job {
            path: format!("{dir}index.html"),
            template,
            context: Box::new(recipe),
            in_sitemap: true,
        }
    }

    /// A file that is not an HTML page (feed, sitemap, stylesheet, 404 page).
    pub fn file(
        path: &str,
        template: &'static str,
        recipe: impl Fn() -> Context + Send + Sync + 'v,
    ) -> Job<'v> {
        Job {
            path: path.to_string(),
            template,
            context: Box::new(recipe),
            in_sitemap: false,
        }
    }

    /// The site-relative URL of an HTML page (its folder).
    pub fn url_path(&self) -> &str {
        self.path.strip_suffix("index.html").unwrap_or(&self.path)
    }
}

/// The variables every HTML page has: its path under the base URL and its title.
pub fn context(page_path: &str, title: &str) -> Context {
    let mut context = Context::new();
    context.insert("page_path", page_path);
    context.insert("title", title);
    context
}

/// Every HTML page and alias redirect of the site.
pub fn html_jobs<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let mut jobs = vec![home(viewer), not_found(), search(viewer)];
    jobs.extend(claim_pages(viewer));
    jobs.extend(alias_redirects(viewer));
    jobs.extend(lists::timeline(viewer));
    jobs.extend(lists::entities(viewer));
    jobs.extend(source_pages::sources(viewer));
    jobs.extend(lists::tags(viewer));
    jobs.extend(lists::statuses(viewer));
    jobs.extend(lists::contested(viewer));
    jobs.extend(free_pages(viewer));
    jobs
}

/// How many claims, verdicts and contested claims the home page shows.
const HOME_CLAIMS: usize = 10;
const HOME_VERDICTS: usize = 8;
const HOME_CONTESTED: usize = 5;

fn home<'v>(viewer: &'v Viewer) -> Job<'v> {
    Job::html("", "index.html", move || home_context(viewer))
}

fn home_context(viewer: &Viewer) -> Context {
    let index = viewer.index;
    let all: Vec<usize> = (0..viewer.site.claims.len()).collect();
    let mut context = context("", &viewer.site.config.title);
    context.insert("claim_total", &all.len());
    context.insert("status_counts", &viewer.status_counts(&all));
    context.insert(
        "chart",
        &charts::month_chart(
            &charts::pad_months(index.monthly_counts()),
            &viewer.statuses(),
        ),
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

fn not_found<'v>() -> Job<'v> {
    Job::file("404.html", "404.html", || {
        context("404.html", "Page not found")
    })
}

/// The search page; its results come from the index in `pagefind/` (see [`crate::search`]).
/// Left out of the sitemap: it has nothing to index until someone searches.
fn search<'v>(viewer: &'v Viewer) -> Job<'v> {
    Job {
        in_sitemap: false,
        ..Job::html("search/", "search.html", move || {
            let mut context = context("search/", "Search");
            let bundles: Vec<String> = crate::search::merged_bundles(viewer.site)
                .iter()
                .map(|folder| viewer.urls.path(folder))
                .collect();
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
            Job::html(&path.clone(), "claim.html", move || {
                let mut context = context(&path, &claim.title);
                context.insert("json_ld", &super::json::claim_review(viewer, claim));
                context.insert("claim", &viewer.claim(i));
                context
            })
        })
}

fn alias_redirects<'v>(viewer: &'v Viewer) -> impl Iterator<Item = Job<'v>> + 'v {
    viewer.site.claims.iter().flat_map(move |claim| {
        claim.aliases.iter().map(move |alias| {
            let path = format!("claims/{alias}/");
            let target = format!("claims/{}/", claim.id);
            Job {
                in_sitemap: false,
                ..Job::html(&path.clone(), "redirect.html", move || {
                    let mut context = context(&path, &claim.title);
                    context.insert("target", &viewer.urls.path(&target));
                    context.insert("target_absolute", &viewer.urls.absolute(&target));
                    context
                })
            }
        })
    })
}

fn free_pages<'v>(viewer: &'v Viewer) -> impl Iterator<Item = Job<'v>> + 'v {
    viewer.site.pages.values().map(move |page| {
        let path = format!("pages/{}/", page.id);
        Job::html(&path.clone(), "page.html", move || {
            let mut context = context(&path, &page.title);
            context.insert("body_html", &viewer.markdown.render(&page.body));
            context
        })
    })
}
