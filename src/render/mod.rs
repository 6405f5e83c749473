//! The render stage: the model becomes a list of output files, in memory.
//!
//! Pages render in parallel; nothing here touches the output folder.

mod charts;
mod claim_view;
mod claims_csv;
mod data;
mod feeds;
mod format;
mod hosting;
mod json;
mod lists;
mod pages;
mod paginate;
mod sitemap;
pub mod templates;
mod viewer;
pub mod views;

pub use claims_csv::neutralise_formula;
pub use format::date_view;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;
use crate::markdown::Markdown;
use crate::model::Site;
use pages::Job;
use viewer::Viewer;
use views::Urls;

/// One file of the finished site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    base_path: String,
    language: &'a str,
    repo_url: Option<&'a str>,
    generator: String,
    publisher: &'a crate::config::Publisher,
    link_rel: &'a str,
    citation_rel: &'a str,
}

/// Renders every page and data file of `site` with `tera`.
pub fn render(site: &Site, mut tera: Tera) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let urls = Urls::new(&site.config.base_url);
    let index = crate::index::Index::new(site);
    let markdown = Markdown::new(&site.config.html);
    let viewer = Viewer::new(site, &urls, &index, &markdown);
    set_globals(&mut tera, &viewer);
    let mut jobs = pages::html_jobs(&viewer);
    let sitemap = sitemap::job(&viewer, &jobs);
    jobs.push(sitemap);
    jobs.extend(feeds::jobs(&viewer));
    jobs.extend(
        ["robots.txt", "style.css", "favicon.svg"]
            .map(|name| Job::file(name, name, Context::new())),
    );
    let rendered: Vec<Result<OutputFile, Diagnostic>> = jobs
        .par_iter()
        .map(|job| render_job(&tera, &viewer, job))
        .collect();
    let mut files = Vec::with_capacity(rendered.len() + 6);
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
    files.extend(data::files(&viewer));
    files.push(claims_csv::file(&viewer).map_err(|problem| vec![problem])?);
    files.extend(hosting::files(&site.config));
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
        publisher: &config.publisher,
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

fn render_job(tera: &Tera, viewer: &Viewer, job: &Job) -> Result<OutputFile, Diagnostic> {
    let rendered = match job.claim {
        Some(i) => tera.render(job.template, &pages::claim_context(viewer, i, &job.context)),
        None => tera.render(job.template, &job.context),
    };
    rendered
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
