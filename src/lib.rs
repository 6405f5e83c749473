//! claimtrail: a static site generator for public trackers of claims about AI.
//!
//! The pipeline, one module per stage:
//! [`load`] (read files) → [`parse`] and [`validate`] (every rule, every
//! problem) → [`model`] (resolved content) → [`render`] (pages in memory) →
//! [`search`] (the search index) → [`write`] (swap the new output folder in).

pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod disk_threads;
pub mod doc;
pub mod fields;
pub mod frontmatter;
pub mod html_policy;
pub mod ids;
pub mod index;
pub mod init;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod nesting;
pub mod new;
pub mod output_file;
pub mod parse;
pub mod placeholders;
pub mod render;
pub mod search;
pub mod serve;
pub mod session;
pub mod symlinks;
pub mod validate;
pub mod write;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub use diagnostic::{Diagnostic, Diagnostics, Format, Severity};
use model::Site;
use render::templates::located;
use validate::Docs;

/// What can stop a command, besides problems in the content.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The command cannot do what was asked (bad flag, unsafe output folder, ...).
    #[error("{0}")]
    Usage(String),
    /// The content has errors; the diagnostics say which.
    #[error("the site has errors")]
    Content(Diagnostics),
}

/// Settings for [`build`].
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding `site.toml`).
    pub root: PathBuf,
    /// Output folder; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` from `site.toml`.
    pub base_url: Option<String>,
    /// Include claims marked `draft = true`.
    pub drafts: bool,
    /// Move aside an output folder that claimtrail did not create.
    pub force: bool,
    /// Build the search index (`pagefind/`); off with `--no-search`.
    pub search: bool,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Published claims.
    pub claims: usize,
    /// Files written.
    pub files_written: usize,
    /// Their bytes.
    pub bytes_written: u64,
    /// Warnings (the build had no errors).
    pub diagnostics: Diagnostics,
    /// Where the site was written.
    pub output: PathBuf,
    /// Where `--force` moved a foreign output folder, if it did.
    pub moved_aside: Option<PathBuf>,
    /// Wall time of the whole build.
    pub elapsed: Duration,
    /// Whether the search index was built, reused or skipped.
    pub search: search::SearchOutcome,
}

/// The result of checking a site: all diagnostics and, when there were no errors, the model.
#[derive(Debug)]
pub struct Checked {
    /// The validated site, if it had no errors.
    pub site: Option<Site>,
    /// Every problem found.
    pub diagnostics: Diagnostics,
}

/// Loads, parses and validates the site at `root`, compiles its templates and
/// renders every page in memory (writing nothing), reporting every problem:
/// it fails exactly when `build` would.
pub fn check(root: &Path, include_drafts: bool) -> Result<Checked, Error> {
    let mut checked = validate_site(root, include_drafts)?;
    check_templates(root, &mut checked);
    Ok(checked)
}

/// Compiles the templates and, for a valid site, renders every file a template
/// makes, keeping none; a problem leaves `checked` without its site.
fn check_templates(root: &Path, checked: &mut Checked) {
    let (tera, mut problems) = render::templates::load_what_compiles(root);
    if let (Some(tera), Some(site)) = (tera, &checked.site) {
        let trial = |r: &render::Renderer| r.try_templates(render::Trial::EveryFile);
        let bundles = search::merged_bundles(site);
        problems.append(located(
            root,
            render::with_renderer(site, tera, &bundles, trial),
        ));
    }
    if problems.has_errors() {
        checked.site = None;
    }
    checked.diagnostics.append(problems);
}

/// Loads, parses and validates the site at `root`, reporting every problem.
fn validate_site(root: &Path, include_drafts: bool) -> Result<Checked, Error> {
    if !root.is_dir() {
        return Err(Error::Usage(format!("{} is not a folder", root.display())));
    }
    let loaded = load::load(root).map_err(|e| Error::io(root, e))?;
    let mut diagnostics = loaded.diagnostics;
    let Some(config_text) = &loaded.config_text else {
        return Err(Error::Usage(format!(
            "{} has no {}: is this a claimtrail site? Run claimtrail in the site's folder or pass --root DIR",
            root.display(),
            config::CONFIG_FILE
        )));
    };
    let config = config::parse(config_text, &mut diagnostics);
    check_workflow(root, &mut diagnostics);
    let status_ids = status_ids(config.as_ref());
    let status_ids: Vec<&str> = status_ids.iter().map(String::as_str).collect();
    let parsed: Vec<Parsed> = loaded
        .files
        .par_iter()
        .map(|file| parse::parse_file(file, &status_ids))
        .collect();
    let files: Vec<&load::RawFile> = loaded.files.iter().collect();
    let mut checked = assemble(config, &files, parsed, diagnostics, include_drafts);
    if let Some(site) = &checked.site {
        checked
            .diagnostics
            .extend(search::template_warning(root, site));
        checked
            .diagnostics
            .extend(write::static_collisions(root, site)?);
    }
    if checked.diagnostics.has_errors() {
        checked.site = None;
    }
    Ok(checked)
}

/// Flags the placeholder `init` leaves in the GitHub workflow, if the site has it.
fn check_workflow(root: &Path, diagnostics: &mut Diagnostics) {
    let Ok(text) = std::fs::read_to_string(root.join(init::WORKFLOW_FILE)) else {
        return; // no workflow, or not one to read: nothing to check
    };
    let found = init::workflow_placeholders(&text);
    if !found.is_empty() {
        diagnostics.add_source(init::WORKFLOW_FILE, &text);
        diagnostics.extend(found);
    }
}

/// One file's parse result: its document, if readable, and its own problems.
pub type Parsed = (Option<parse::Doc>, Vec<Diagnostic>);

/// The status ids content may use: the site's own, or the defaults.
pub fn status_ids(config: Option<&config::Config>) -> Vec<String> {
    config
        .map_or_else(config::default_statuses, |c| c.statuses.clone())
        .into_iter()
        .map(|s| s.id)
        .collect()
}

/// The second half of [`check`]: per-file results plus cross-file rules make the model.
///
/// `files` and `parsed` are parallel; `diagnostics` holds what came before (load, config).
pub fn assemble(
    config: Option<config::Config>,
    files: &[&load::RawFile],
    parsed: Vec<Parsed>,
    mut diagnostics: Diagnostics,
    include_drafts: bool,
) -> Checked {
    let mut docs = Vec::with_capacity(parsed.len());
    for (file, (doc, problems)) in files.iter().zip(parsed) {
        if !problems.is_empty() {
            diagnostics.add_source(&file.path, &file.text);
            diagnostics.extend(diagnostic::cap_per_file(
                &file.path,
                file.text.len(),
                problems,
            ));
        }
        docs.extend(doc);
    }
    let docs = Docs::from_docs(docs);
    let cross_file = validate::validate(&docs);
    if !cross_file.is_empty() {
        let texts: std::collections::HashMap<&str, &str> = files
            .iter()
            .map(|f| (f.path.as_str(), f.text.as_str()))
            .collect();
        for problem in &cross_file {
            if let Some(text) = texts.get(problem.file.as_str()) {
                diagnostics.add_source(&problem.file, text);
            }
        }
    }
    diagnostics.extend(cross_file);
    let site = match config {
        Some(config) if !diagnostics.has_errors() => Site::from_docs(config, docs, include_drafts),
        _ => None,
    };
    Checked { site, diagnostics }
}

/// Builds the site: check, render, then swap the new output folder in.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    let started = Instant::now();
    let root = &options.root;
    if let Some(base_url) = &options.base_url {
        links::check_web_url(base_url)
            .map_err(|problem| Error::Usage(format!("--base-url {}", problem.message)))?;
    }
    let output = output_path(options);
    write::check_output_location(root, &output)?;
    let Checked {
        site,
        mut diagnostics,
    } = validate_site(root, options.drafts)?;
    let Some(mut site) = site else {
        return Err(Error::Content(diagnostics));
    };
    if let Some(base_url) = &options.base_url {
        site.config.set_base_url(base_url);
    }
    let tera = render::templates::load(root)
        .map_err(|problems| content_error(&mut diagnostics, problems))?;
    // Before rendering, so the index's working memory is freed before the pages take theirs.
    let search = search::stage(
        &site,
        write::PreviousOutput::reader(&output),
        options.search,
    )
    .map_err(|problem| content_error(&mut diagnostics, located(root, vec![problem])))?;
    let static_dir = root.join("static");
    let had_spare = write::spare_path(&output).exists();
    let bundles = search::merged_bundles(&site);
    let written = render::with_renderer(&site, tera, &bundles, |renderer| {
        // A template that fails on its first page fails before the output folder is touched.
        let trial = renderer.try_templates(render::Trial::FirstOfEachTemplate);
        if !trial.is_empty() {
            return Err(content_error(&mut diagnostics, located(root, trial)));
        }
        let staging = write::Staging::begin(&output, options.force)?;
        let search_paths = search.files.iter().map(|file| file.path.as_str());
        let generated: BTreeSet<&str> = renderer.paths().chain(search_paths).collect();
        staging.prepare(&generated, &static_dir)?;
        search
            .files
            .par_iter()
            .try_for_each(|file| staging.write(file))?;
        match renderer.render_all(|file| staging.write(&file)) {
            Ok(_) => {}
            Err(render::Failure::Content(problems)) => {
                drop(staging);
                if !had_spare {
                    // The half-written folder would stay as a spare no build left.
                    let _ = std::fs::remove_dir_all(write::spare_path(&output));
                }
                return Err(content_error(&mut diagnostics, located(root, problems)));
            }
            Err(render::Failure::Output(error)) => return Err(error),
        }
        staging.finish(&generated, &static_dir)
    })?;
    diagnostics.extend(written.warnings);
    Ok(BuildReport {
        claims: site.claims.len(),
        files_written: written.files,
        bytes_written: written.bytes,
        diagnostics,
        output,
        moved_aside: written.moved_aside,
        elapsed: started.elapsed(),
        search: search.outcome,
    })
}

fn content_error(diagnostics: &mut Diagnostics, problems: Diagnostics) -> Error {
    let mut all = std::mem::take(diagnostics);
    all.append(problems);
    Error::Content(all)
}

/// The output folder: `--output` as given (relative to the working folder) or `<root>/public`.
pub fn output_path(options: &BuildOptions) -> PathBuf {
    options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"))
}
