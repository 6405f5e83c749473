//! The render stage: the model becomes a list of output files, in memory.
//!
//! Pages render in parallel; nothing here touches the output folder.

mod amount_fields;
mod api;
mod badge;
mod bounded;
mod changes;
mod charts;
mod claim_view;
mod claims_csv;
mod compile_errors;
mod data;
mod data_documents;
mod data_envelope;
mod data_evidence;
mod data_page;
mod dataset;
mod document_feeds;
mod document_pages;
mod document_view;
mod dot_plot;
mod event_facts;
mod evidence_view;
mod facets;
mod failures;
mod feed_events;
mod feeds;
mod format;
mod git_verdicts;
mod globals;
mod hosting;
mod json;
mod list_data;
mod lists;
mod number;
mod page_list;
mod pages;
mod paginate;
mod provenance_view;
mod schemas;
mod sitemap;
mod source_pages;
mod subject;
pub(crate) mod templates;
mod text_fragment;
pub(crate) mod theme;
mod viewer;
pub(crate) mod views;
mod watchdog;
mod words;

pub use crate::output_file::OutputFile;
pub use claims_csv::neutralise_formula;
pub use theme::Theme;

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::diagnostic::Diagnostic;
use crate::markdown::Markdown;
use crate::model::Site;
use failures::{Failures, PageFailure};
use pages::Job;
use viewer::Viewer;
use views::Urls;

/// Renders every page and data file of `site` with `theme`, all in memory
/// (for the fuzz target; `build` streams with [`Renderer::render_all`]).
/// `merged_bundles` is as for [`with_renderer`].
pub fn render(
    site: &Site,
    theme: Theme,
    merged_bundles: &[String],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    with_renderer(site, theme, merged_bundles, |renderer| {
        let files = std::sync::Mutex::new(Vec::with_capacity(renderer.len()));
        let sink = |file| {
            files
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(file);
            Ok(())
        };
        match renderer.render_all(sink) {
            Ok(_) => {}
            Err(Failure::Content(problems)) => return Err(problems),
            Err(Failure::Output(error)) => {
                return Err(vec![Diagnostic::error("", error.to_string())]);
            }
        }
        let mut files = files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    })
}

/// Builds the views of `site` once and hands `use_it` a [`Renderer`] over them.
///
/// The renderer borrows the views, so it lives only inside the closure.
/// `merged_bundles` are the folders of the search index's bundles after the
/// first (`pagefind/bundle-2/`, ...), which the search page merges; the
/// search stage knows them, render does not.
pub(crate) fn with_renderer<R>(
    site: &Site,
    mut theme: Theme,
    merged_bundles: &[String],
    use_it: impl FnOnce(&Renderer) -> R,
) -> R {
    let urls = Urls::new(&site.config.base_url);
    let index = crate::index::Index::new(site);
    let markdown = Markdown::new(&site.config.html);
    let viewer = Viewer::new(site, &urls, &index, &markdown);
    globals::set(&mut theme.tera, &viewer);
    let renderer = Renderer::new(&viewer, theme, merged_bundles);
    use_it(&renderer)
}

/// Why [`Renderer::render_all`] stopped.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Templates failed to render; one diagnostic per distinct problem.
    Content(Vec<Diagnostic>),
    /// The sink could not take a file.
    Output(crate::error::Error),
}

/// Every output file of a site, each made only when asked for.
pub(crate) struct Renderer<'v, 'a, 'p> {
    tera: Tera,
    assets: Vec<(&'static str, Vec<u8>)>,
    viewer: &'v Viewer<'a, 'p>,
    jobs: Vec<Job<'v>>,
    data: Vec<&'static str>,
    api: Vec<api::ApiFile<'a>>,
    positions: HashMap<String, Position>,
}

/// Where an output path's recipe is: a template job, an asset of the theme
/// (copied) or a data file.
#[derive(Clone, Copy)]
enum Position {
    Job(usize),
    Asset(usize),
    Data(usize),
    /// An item's file of the static API.
    Api(usize),
}

impl<'v, 'a, 'p> Renderer<'v, 'a, 'p> {
    fn new(viewer: &'v Viewer<'a, 'p>, theme: Theme, merged_bundles: &[String]) -> Self {
        let mut jobs = page_list::html_jobs(viewer, merged_bundles);
        let sitemaps = sitemap::jobs(viewer, &jobs);
        jobs.extend(sitemaps);
        jobs.extend(feeds::jobs(viewer));
        jobs.extend(document_feeds::jobs(viewer));
        jobs.extend(badge::jobs(viewer));
        jobs.push(Job::file(theme::ROBOTS, theme::ROBOTS, Context::new));
        let mut data = data_paths(&viewer.site.config);
        if changes::published(viewer) {
            data.push(changes::DATA_PATH);
        }
        let jobs_at = jobs
            .iter()
            .enumerate()
            .map(|(i, job)| (job.path.clone(), Position::Job(i)));
        let assets_at = (theme.assets.iter().enumerate())
            .map(|(i, (name, _))| (name.to_string(), Position::Asset(i)));
        let data_at =
            (data.iter().enumerate()).map(|(i, path)| (path.to_string(), Position::Data(i)));
        let api = api::files(viewer.site);
        let api_at =
            (api.iter().enumerate()).map(|(i, file)| (file.path.clone(), Position::Api(i)));
        let positions = (jobs_at.chain(assets_at).chain(data_at).chain(api_at)).collect();
        Renderer {
            tera: theme.tera,
            assets: theme.assets,
            viewer,
            jobs,
            data,
            api,
            positions,
        }
    }

    /// How many files the site has.
    pub(crate) fn len(&self) -> usize {
        self.jobs.len() + self.assets.len() + self.data.len() + self.api.len()
    }

    /// Every output path, `/`-separated and relative to the output folder.
    pub(crate) fn paths(&self) -> impl Iterator<Item = &str> {
        let jobs = self.jobs.iter().map(|job| job.path.as_str());
        let assets = self.assets.iter().map(|(name, _)| *name);
        let api = self.api.iter().map(|file| file.path.as_str());
        jobs.chain(assets)
            .chain(self.data.iter().copied())
            .chain(api)
    }

    /// The theme file that makes the file at `path` (a template, or an asset
    /// copied as it is), or `None` when the theme does not make it (a data
    /// file) or the site has no such file.
    pub(crate) fn template_of(&self, path: &str) -> Option<&'static str> {
        match *self.positions.get(path)? {
            Position::Job(i) => Some(self.jobs[i].template),
            Position::Asset(i) => Some(self.assets[i].0),
            Position::Data(_) | Position::Api(_) => None,
        }
    }

    /// Renders the file at `path`, or `None` when the site has no such file.
    pub(crate) fn render_path(&self, path: &str) -> Option<Result<OutputFile, Diagnostic>> {
        Some(self.make(*self.positions.get(path)?))
    }

    /// Makes the file at `position`; a page that fails says so as the
    /// problem of its first page would.
    fn make(&self, position: Position) -> Result<OutputFile, Diagnostic> {
        match position {
            Position::Job(i) => self
                .render_job(&self.jobs[i])
                .map_err(|failure| failure.diagnostic(0)),
            Position::Asset(i) => Ok(self.copy_asset(i)),
            Position::Data(i) => self.render_data(self.data[i]),
            Position::Api(i) => Ok(api::render(self.viewer, &self.api[i])),
        }
    }

    /// Renders every file in parallel and hands each to `sink` as soon as it is
    /// made, so the whole site is never in memory at once. Reports every
    /// distinct template problem; stops at the first file `sink` refuses.
    pub(crate) fn render_all(
        &self,
        sink: impl Fn(OutputFile) -> Result<(), crate::error::Error> + Sync,
    ) -> Result<usize, Failure> {
        let failures = Failures::default();
        // The biggest single files first (data files, then the sitemap and
        // feeds, which follow the pages among the jobs): one left to the end
        // would run alone on one core.
        let recipes = (0..self.data.len())
            .map(Position::Data)
            .chain((0..self.jobs.len()).rev().map(Position::Job))
            .chain((0..self.api.len()).map(Position::Api))
            .chain((0..self.assets.len()).map(Position::Asset));
        let recipes: Vec<Position> = recipes.collect();
        recipes
            .par_iter()
            .try_for_each(|&position| match position {
                Position::Job(i) if failures.gave_up_on(self.jobs[i].template) => Ok(()),
                Position::Job(i) => match self.render_job(&self.jobs[i]) {
                    Ok(file) => sink(file),
                    Err(failure) => {
                        failures.page(failure);
                        Ok(())
                    }
                },
                Position::Asset(i) => sink(self.copy_asset(i)),
                Position::Api(i) => sink(api::render(self.viewer, &self.api[i])),
                Position::Data(i) => match self.render_data(self.data[i]) {
                    Ok(file) => sink(file),
                    Err(problem) => {
                        failures.other(problem);
                        Ok(())
                    }
                },
            })
            .map_err(Failure::Output)?;
        let problems = failures.into_diagnostics();
        if problems.is_empty() {
            return Ok(recipes.len());
        }
        Err(Failure::Content(problems))
    }

    /// Renders the template files, keeping none, and reports every distinct
    /// problem: `check` tries every file, so it fails exactly when `build`
    /// would; `build` tries the first file of each template before it touches
    /// the output folder. The first files go first either way, so a template
    /// that runs away on every page is stopped once, on its first page.
    pub(crate) fn try_templates(&self, trial: Trial) -> Vec<Diagnostic> {
        let mut seen = HashSet::new();
        let (first, rest): (Vec<&Job>, Vec<&Job>) =
            self.jobs.iter().partition(|job| seen.insert(job.template));
        let failures = Failures::default();
        self.try_jobs(&first, &failures);
        if trial == Trial::EveryFile {
            self.try_jobs(&rest, &failures);
        }
        failures.into_diagnostics()
    }

    fn try_jobs(&self, jobs: &[&Job], failures: &Failures) {
        jobs.par_iter().for_each(|job| {
            if failures.gave_up_on(job.template) {
                return;
            }
            if let Err(failure) = self.render_job(job) {
                failures.page(failure);
            }
        });
    }

    /// The theme's asset `i`, as it is.
    fn copy_asset(&self, i: usize) -> OutputFile {
        let (name, bytes) = &self.assets[i];
        OutputFile {
            path: name.to_string(),
            bytes: bytes.clone(),
        }
    }

    fn render_data(&self, path: &str) -> Result<OutputFile, Diagnostic> {
        match path {
            "claims.csv" => claims_csv::file(self.viewer),
            data_documents::PATH => Ok(data_documents::file(self.viewer)),
            changes::DATA_PATH => Ok(changes::data_file(self.viewer)),
            json::FEED_PATH => Ok(json::data_feed(self.viewer)),
            _ => data::file(self.viewer, path)
                .or_else(|| schemas::file(path))
                .or_else(|| hosting::file(&self.viewer.site.config, path))
                .ok_or_else(|| Diagnostic::error("", format!("no way to make {path}"))),
        }
    }

    fn render_job(&self, job: &Job) -> Result<OutputFile, PageFailure> {
        let limits = self.viewer.site.config.limits;
        let context = (job.context)();
        let _watched = watchdog::watch(job.template, &job.path, limits.render_time);
        match bounded::render(&self.tera, job.template, &context, limits) {
            Ok(bytes) => Ok(OutputFile {
                path: job.path.clone(),
                bytes,
            }),
            Err(stopped) => Err(PageFailure::new(job.template, &job.path, stopped)),
        }
    }
}

/// Which files [`Renderer::try_templates`] renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trial {
    /// Every file a template makes.
    EveryFile,
    /// The first file of each template: a quick test before writing.
    FirstOfEachTemplate,
}

/// The files made by code rather than templates: data files and hosting files.
fn data_paths(config: &crate::config::Config) -> Vec<&'static str> {
    let mut paths = data::PATHS.to_vec();
    paths.push(data_documents::PATH);
    paths.push("claims.csv");
    paths.push(json::FEED_PATH);
    paths.extend(schemas::paths());
    paths.extend(hosting::paths(config));
    paths
}

#[cfg(test)]
mod reader_tests;
#[cfg(test)]
mod status_colours_tests;
