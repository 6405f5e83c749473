//! `check` and `build`: the stages in order.
//!
//! 1. [`load`] reads the site's files ([`load_site`]);
//! 2. [`config`], [`parse`] and [`validate`] check them, and
//!    [`assemble`](crate::assemble) makes the model ([`check_loaded`]);
//! 3. [`render`] compiles the theme ([`render::Theme`]);
//! 4. [`search`] indexes the model;
//! 5. [`render`] makes each page, which [`write`] writes into a staging folder
//!    that then replaces the output.
//!
//! `check` stops after step 3, once it has rendered every page in memory
//! ([`check_templates`]). `serve` runs steps 1 and 2 through the same
//! functions ([`check_parsed`]), then renders each page when it is asked for.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::assemble::{Parsed, assemble, status_ids};
use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::load::{self, CONFIG_FILE, Loaded, RawFile, SiteFiles, StaticEntry, TemplateFile};
use crate::output_file::OutputFile;
use crate::render::Renderer;
use crate::render::templates::located;
use crate::workflow::workflow_placeholders;
use crate::{archive_records, links, parse, render, search, write};

pub use crate::assemble::Checked;
pub use releases::HistoryRead;
use releases::read_provenance;
pub(crate) use releases::{data_files, release_files};

mod releases;

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
    /// How many claims the site published (drafts count only with `--drafts`).
    pub claims: usize,
    /// How many files the build wrote, copied static files included.
    pub files_written: usize,
    /// The total size of those files, in bytes.
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
    /// Why the content's git history was not read (`provenance skipped: …`),
    /// when it was not.
    pub provenance_skipped: Option<String>,
    /// How the history was read, when it was.
    pub history_read: Option<HistoryRead>,
}

/// Loads, parses and validates the site at `root`, compiles its templates and
/// renders every page in memory (writing nothing), reporting every problem:
/// it fails exactly when `build` would.
pub fn check(root: &Path, include_drafts: bool) -> Result<Checked, Error> {
    check_observing(root, include_drafts, |_, _| {})
}

/// [`check`], showing `observe` each content file with what parsing read
/// from it (`None` when the file could not be read as a document), drafts
/// included: `check --links` collects the cited URLs this way.
pub(crate) fn check_observing(
    root: &Path,
    include_drafts: bool,
    observe: impl FnMut(&RawFile, Option<&parse::Doc>),
) -> Result<Checked, Error> {
    let loaded = load_site(root)?;
    let (mut checked, site_files) = check_loaded(loaded, include_drafts, observe);
    check_templates(&site_files.templates, &mut checked);
    Ok(checked)
}

/// Builds the site: check, compile the theme, index, then render into a
/// staging folder that replaces the output.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    let started = Instant::now();
    let output = checked_output(options)?;
    let loaded = load_site(&options.root)?;
    let (checked, site_files) = check_loaded(loaded, options.drafts, |_, _| {});
    let Checked {
        site,
        mut diagnostics,
    } = checked;
    let Some(mut site) = site else {
        return Err(Error::Content(diagnostics));
    };
    if let Some(base_url) = &options.base_url {
        site.config.set_base_url(base_url);
    }
    let provenance = read_provenance(&options.root, &mut site);
    let templates = &site_files.templates;
    let theme = render::Theme::compile(templates)
        .map_err(|problems| content_error(&mut diagnostics, problems))?;
    // Before rendering, so the index's working memory is freed before the pages take theirs.
    let mut search = search::stage(
        &site,
        write::PreviousOutput::reader(&output),
        options.search,
    )
    .map_err(|problem| content_error(&mut diagnostics, located(templates, vec![problem])))?;
    search.files.extend(release_files(&site_files));
    let statics = Statics {
        folder: options.root.join(load::STATIC_FOLDER),
        entries: &site_files.statics,
    };
    let merged_bundles = search::merged_bundles(&site);
    let written = render::with_renderer(&site, theme, &merged_bundles, |renderer| {
        // A template that fails on its first page fails before the output folder is touched.
        let trial = renderer.try_templates(render::Trial::FirstOfEachTemplate);
        if !trial.is_empty() {
            return Err(render::Failure::Content(trial));
        }
        let staging =
            write::Staging::begin(&output, options.force).map_err(render::Failure::Output)?;
        render_and_write(renderer, &search.files, &statics, staging)
    })
    .map_err(|failure| match failure {
        render::Failure::Content(problems) => {
            content_error(&mut diagnostics, located(templates, problems))
        }
        render::Failure::Output(error) => error,
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
        provenance_skipped: provenance.as_ref().err().cloned(),
        history_read: provenance.ok(),
    })
}

/// Where `build` writes, once its flags are checked: a `--base-url` must be
/// a web address, and the output folder must be one claimtrail may replace.
fn checked_output(options: &BuildOptions) -> Result<PathBuf, Error> {
    if let Some(base_url) = &options.base_url {
        links::check_web_url(base_url)
            .map_err(|problem| Error::Usage(format!("--base-url {}", problem.message)))?;
    }
    let output = output_path(options);
    write::check_output_location(&options.root, &output)?;
    Ok(output)
}

/// The output folder: `--output` as given (relative to the working folder) or `<root>/public`.
pub fn output_path(options: &BuildOptions) -> PathBuf {
    options
        .output
        .clone()
        .unwrap_or_else(|| options.root.join("public"))
}

/// Step 1: reads the site at `root`. A folder without `site.toml` is not a site.
pub(crate) fn load_site(root: &Path) -> Result<Loaded, Error> {
    if !root.is_dir() {
        return Err(Error::Usage(format!("{} is not a folder", root.display())));
    }
    let loaded = load::load(root).map_err(|e| Error::io(root, e))?;
    if loaded.site.config.is_none() {
        return Err(Error::Usage(format!(
            "{} has no {CONFIG_FILE}: is this a claimtrail site? Run claimtrail in the site's folder or pass --root DIR",
            root.display(),
        )));
    }
    Ok(loaded)
}

/// Step 2: checks what [`load_site`] read and makes the model; hands back
/// the site's other files, which the later steps use. `observe` sees each
/// content file with its parse result.
fn check_loaded(
    loaded: Loaded,
    include_drafts: bool,
    mut observe: impl FnMut(&RawFile, Option<&parse::Doc>),
) -> (Checked, SiteFiles) {
    let Loaded {
        site: site_files,
        content,
    } = loaded;
    let (config, mut diagnostics) = settings(&site_files);
    for problem in content.problems {
        load::push_unreadable(&mut diagnostics, *problem);
    }
    let files = content.files;
    let status_ids = status_ids(config.as_ref());
    let status_ids: Vec<&str> = status_ids.iter().map(String::as_str).collect();
    let parsed: Vec<Parsed> = files
        .par_iter()
        .map(|file| parse::parse_file(file, &status_ids))
        .collect();
    for (file, (doc, _)) in files.iter().zip(&parsed) {
        observe(file, doc.as_ref());
    }
    let files: Vec<&RawFile> = files.iter().collect();
    let mut checked = check_parsed(
        &site_files,
        config,
        &files,
        parsed,
        diagnostics,
        include_drafts,
    );
    if let Some(site) = &checked.site
        && !site_files.statics.is_empty()
    {
        // Only the output paths are wanted: no template is compiled or rendered.
        let theme = render::Theme::uncompiled();
        let collisions = render::with_renderer(site, theme, &[], |renderer| {
            static_collisions(renderer, &site_files.statics)
        });
        if !collisions.is_empty() {
            checked.diagnostics.extend(collisions);
            checked.site = None;
        }
    }
    (checked, site_files)
}

/// Step 3 for `check`: compiles the theme and, for a valid site, renders
/// every file a template makes, keeping none. A problem leaves `checked`
/// without its site.
fn check_templates(templates: &[TemplateFile], checked: &mut Checked) {
    let (theme, mut problems) = render::Theme::what_compiles(templates);
    if let (Some(theme), Some(site)) = (theme, &checked.site) {
        let trial = |renderer: &Renderer| renderer.try_templates(render::Trial::EveryFile);
        let bundles = search::merged_bundles(site);
        let found = render::with_renderer(site, theme, &bundles, trial);
        problems.append(located(templates, found));
    }
    if problems.has_errors() {
        checked.site = None;
    }
    checked.diagnostics.append(problems);
}

/// The site's settings, and the problems with its files besides the content
/// (load's and `site.toml`'s own).
pub(crate) fn settings(site_files: &SiteFiles) -> (Option<Config>, Diagnostics) {
    let mut diagnostics = site_files.diagnostics.clone();
    let config = match &site_files.config {
        Some(text) => config::parse(text, &mut diagnostics).map(|mut config| {
            config.translate(&site_files.translations, &mut diagnostics);
            config
        }),
        None => {
            let message = format!("cannot read the site settings: {CONFIG_FILE} is missing");
            diagnostics.push(Diagnostic::error(CONFIG_FILE, message));
            None
        }
    };
    (config, diagnostics)
}

/// The end of step 2, shared with `serve`: the rules on the site's other
/// files (theme assets, workflow, archive lock, search template) and the model made from
/// the parsed content `files`. `diagnostics` holds what came before. Only
/// [`static_collisions`] is left, since it needs the site's output paths:
/// `serve` asks the renderer it serves with, sparing a second one.
pub(crate) fn check_parsed(
    site_files: &SiteFiles,
    config: Option<Config>,
    files: &[&RawFile],
    parsed: Vec<Parsed>,
    mut diagnostics: Diagnostics,
    include_drafts: bool,
) -> Checked {
    render::theme::asset_tag_warnings(&site_files.templates, &mut diagnostics);
    if let Some(workflow) = &site_files.workflow {
        let found = workflow_placeholders(workflow);
        if !found.is_empty() {
            diagnostics.add_source(load::WORKFLOW_FILE, workflow);
            diagnostics.extend(found);
        }
    }
    for problem in crate::releases::verify(&site_files.releases) {
        load::push_unreadable(&mut diagnostics, problem);
    }
    let lock = archive_records::read(&site_files.archive_lock, &mut diagnostics);
    let mut checked = assemble(config, files, parsed, (diagnostics, &lock), include_drafts);
    if let Some(site) = &mut checked.site {
        site.releases = crate::releases::summaries(&site_files.releases);
    }
    if let Some(site) = &checked.site {
        let search_template = site_files.template_text("search.html");
        checked
            .diagnostics
            .extend(search::template_warning(site, search_template));
    }
    if checked.diagnostics.has_errors() {
        checked.site = None;
    }
    checked
}

/// One error for every entry of `static/` (the `statics` listing) that would
/// take the place of a file `renderer` makes, the output marker or the search
/// index. The last rule of step 2, for `check`, `build` and `serve`.
pub(crate) fn static_collisions(renderer: &Renderer, statics: &[StaticEntry]) -> Vec<Diagnostic> {
    write::collisions_with(statics, renderer.paths(), |path| renderer.template_of(path))
}

/// The site's `static/` folder and what of it to copy.
struct Statics<'a> {
    folder: PathBuf,
    entries: &'a [StaticEntry],
}

/// Step 5: renders every page into `staging` beside the search index's
/// files and `static/`, then swaps it in place of the output.
fn render_and_write(
    renderer: &Renderer,
    search_files: &[OutputFile],
    statics: &Statics,
    staging: write::Staging,
) -> Result<write::Written, render::Failure> {
    let search_paths = search_files.iter().map(|file| file.path.as_str());
    let generated: BTreeSet<&str> = renderer.paths().chain(search_paths).collect();
    staging
        .prepare(&generated, statics.entries)
        .map_err(render::Failure::Output)?;
    search_files
        .par_iter()
        .try_for_each(|file| staging.write(file))
        .map_err(render::Failure::Output)?;
    if let Err(failure) = renderer.render_all(|file| staging.write(&file)) {
        if matches!(failure, render::Failure::Content(_)) {
            staging.abandon();
        }
        return Err(failure);
    }
    staging
        .finish(&generated, &statics.folder, statics.entries)
        .map_err(render::Failure::Output)
}

fn content_error(diagnostics: &mut Diagnostics, problems: Diagnostics) -> Error {
    let mut all = std::mem::take(diagnostics);
    all.append(problems);
    Error::Content(all)
}
