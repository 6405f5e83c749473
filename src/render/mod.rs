//! The render stage: the model becomes a list of output files, in memory.
//!
//! Pages render in parallel; nothing here touches the output folder.

mod json;
mod pages;
pub mod templates;
pub mod views;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;
use crate::markdown::Markdown;
use crate::model::Site;
use pages::Job;
use views::{Urls, Viewer};

/// One file of the finished site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// How many entries the Atom feed holds.
const FEED_ENTRIES: usize = 50;

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    base_path: String,
    language: &'a str,
    repo_url: Option<&'a str>,
    generator: String,
    link_rel: &'a str,
    citation_rel: &'a str,
}

/// Renders every page and data file of `site` with `tera`.
pub fn render(site: &Site, mut tera: Tera) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let urls = Urls::new(&site.config.base_url);
    let markdown = Markdown::new(&site.config.html);
    let viewer = Viewer {
        site,
        urls: &urls,
        markdown: &markdown,
    };
    set_globals(&mut tera, &viewer);
    let mut jobs = pages::html_jobs(&viewer);
    let sitemap = sitemap_job(&jobs, &urls);
    jobs.push(sitemap);
    jobs.push(feed_job(&viewer));
    jobs.extend(["robots.txt", "style.css", "favicon.svg"].map(|name| Job {
        path: name.into(),
        template: name,
        context: Context::new(),
        in_sitemap: false,
    }));
    let rendered: Vec<Result<OutputFile, Diagnostic>> =
        jobs.par_iter().map(|job| render_job(&tera, job)).collect();
    let mut files = Vec::with_capacity(rendered.len() + 2);
    let mut problems = Vec::new();
    for result in rendered {
        match result {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        problems.dedup_by(|a, b| a.message == b.message);
        return Err(problems);
    }
    files.push(OutputFile {
        path: "claims.json".into(),
        bytes: json::claims_json(&viewer),
    });
    Ok(files)
}

fn set_globals(tera: &mut Tera, viewer: &Viewer) {
    let config = &viewer.site.config;
    let site = SiteView {
        title: &config.title,
        description: &config.description,
        base_url: &config.base_url,
        base_path: config.base_path(),
        language: &config.language,
        repo_url: config.repo_url.as_deref(),
        generator: format!("claimtrail {}", env!("CARGO_PKG_VERSION")),
        link_rel: &config.html.link_rel,
        citation_rel: &config.html.citation_rel,
    };
    let statuses: Vec<_> = config
        .statuses
        .iter()
        .map(|s| viewer.status(&s.id))
        .collect();
    let pages: Vec<_> = viewer
        .site
        .pages
        .values()
        .map(|p| views::Link {
            id: p.id.clone(),
            name: p.title.clone(),
            url: viewer.urls.path(&format!("pages/{}/", p.id)),
        })
        .collect();
    let globals = tera.global_context();
    globals.insert("site", &site);
    globals.insert("statuses", &statuses);
    globals.insert("nav_pages", &pages);
}

fn render_job(tera: &Tera, job: &Job) -> Result<OutputFile, Diagnostic> {
    tera.render(job.template, &job.context)
        .map(|text| OutputFile {
            path: job.path.clone(),
            bytes: text.into_bytes(),
        })
        .map_err(|error| {
            Diagnostic::error(
                format!("templates/{}", job.template),
                format!(
                    "cannot render {}: {}",
                    job.path,
                    templates::error_chain(&error)
                ),
            )
            .hint("fix the template, or delete it from templates/ to use the built-in one")
        })
}

fn sitemap_job(jobs: &[Job], urls: &Urls) -> Job {
    let mut locations: Vec<String> = jobs
        .iter()
        .filter(|job| job.in_sitemap)
        .map(|job| urls.absolute(job.url_path()))
        .collect();
    locations.sort();
    let mut context = Context::new();
    context.insert("urls", &locations);
    Job {
        path: "sitemap.xml".into(),
        template: "sitemap.xml",
        context,
        in_sitemap: false,
    }
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    updated: String,
    summary: String,
    status: String,
}

fn feed_job(viewer: &Viewer) -> Job {
    let mut claims: Vec<_> = viewer.site.claims.iter().collect();
    claims.sort_by(|a, b| {
        b.last_updated()
            .cmp(&a.last_updated())
            .then_with(|| a.id.cmp(&b.id))
    });
    let entries: Vec<FeedEntry> = claims
        .into_iter()
        .take(FEED_ENTRIES)
        .map(|claim| {
            let card = viewer.card(claim);
            FeedEntry {
                title: claim.title.clone(),
                url: viewer.urls.absolute(&format!("claims/{}/", claim.id)),
                updated: rfc3339(claim.last_updated()),
                summary: card.summary,
                status: card.status.label,
            }
        })
        .collect();
    let updated = viewer
        .site
        .claims
        .iter()
        .map(|c| c.last_updated())
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
    let mut context = Context::new();
    context.insert("entries", &entries);
    context.insert("updated", &updated);
    context.insert("feed_url", &viewer.urls.absolute("feed.xml"));
    Job {
        path: "feed.xml".into(),
        template: "feed.xml",
        context,
        in_sitemap: false,
    }
}

fn rfc3339(date: time::Date) -> String {
    format!("{date}T00:00:00Z")
}
