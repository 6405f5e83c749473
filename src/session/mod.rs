//! A site kept in memory between rebuilds, for `serve`.
//!
//! The session holds every content file's text and parse result, the site's
//! other files, the compiled templates and the static files. After an edit it
//! re-reads only the paths that changed, through the load stage's own
//! functions and rules, re-parses only those files, and checks the site into a
//! [`Model`] through the pipeline's own last check step; pages are rendered
//! later, one at a time, as browsers ask for them, and `serve` checks the
//! static files against them with the pipeline's rule. Nothing here writes to disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;

use crate::assemble::{Parsed, status_ids};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::load::{self, Area, CONFIG_FILE, Found, Kind, RawFile, SiteFiles, StaticEntry};
use crate::model::Site;
use crate::render::Theme;
use crate::{parse, pipeline};

pub(crate) use crate::load::Statics;

#[cfg(test)]
mod tests;

/// What [`Session::model`] produced: everything a page needs, nothing rendered yet.
pub(crate) struct Model {
    /// The checked site, with the serving base URL.
    pub site: Site,
    /// The compiled templates and the assets.
    pub theme: Theme,
    /// Every file of `static/`, shared with the HTTP side.
    pub statics: Arc<Statics>,
    /// The listing of `static/`, for [`pipeline::static_collisions`], which
    /// `serve` runs with the renderer it serves with.
    pub static_entries: Vec<StaticEntry>,
    /// Warnings (the model had no errors).
    pub diagnostics: Diagnostics,
}

/// What the session knows about one path under `content/`.
enum Entry {
    /// A readable Markdown file and its parse result.
    File(Box<(RawFile, Parsed)>),
    /// A file that could not be read, or an entry that is skipped or refused.
    Problem(load::Unreadable),
}

/// Orders content like the load stage: by kind, then path component by
/// component. Entries above the kinds' folders (a linked `content/`) have no kind.
type EntryKey = (Option<Kind>, Vec<String>);

/// A site held in memory between rebuilds.
pub(crate) struct Session {
    root: PathBuf,
    drafts: bool,
    base_url: String,
    /// The site's files besides its content, or why `site.toml` was refused.
    site_files: Result<SiteFiles, String>,
    config: Option<Config>,
    /// The problems with the site's files besides its content.
    settings_diagnostics: Diagnostics,
    entries: BTreeMap<EntryKey, Entry>,
    theme: Result<Theme, Diagnostics>,
    statics: Arc<Statics>,
}

impl Session {
    /// Reads the whole site at `root`, to be published at `base_url`; refuses
    /// what `check` refuses.
    pub(crate) fn open(root: &Path, drafts: bool, base_url: &str) -> Result<Session, Error> {
        let root = std::path::absolute(root).map_err(|e| Error::io(root, e))?;
        let loaded = pipeline::load_site(&root)?;
        let mut session = Session {
            root,
            drafts,
            base_url: base_url.to_string(),
            site_files: Err(String::new()),
            config: None,
            settings_diagnostics: Diagnostics::new(),
            entries: BTreeMap::new(),
            theme: Ok(Theme::uncompiled()),
            statics: Arc::default(),
        };
        session.take_site_files(loaded.site, &Area::ALL);
        session.take_content(loaded.content);
        Ok(session)
    }

    /// The site folder, absolute.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Takes note of changed paths (absolute, as a file watcher reports them),
    /// re-reading only what they touch. Fails, as `check` would, when
    /// `site.toml` is refused; the model then reports that until it is fixed.
    pub(crate) fn update(&mut self, changed: &[PathBuf]) -> Result<(), Error> {
        let mut content: Vec<&Path> = Vec::new();
        let mut areas = Vec::new();
        for path in changed {
            let Ok(relative) = path.strip_prefix(&self.root) else {
                continue;
            };
            match Area::of(relative) {
                Some(Area::Content) => content.push(path),
                Some(area) => areas.push(area),
                None => {}
            }
        }
        let reloaded = if areas.is_empty() {
            Ok(())
        } else {
            self.reload_site_files(&areas)
        };
        for path in outermost(content) {
            let found = load::content_at(&self.root, path);
            let walked = components(&found.walked);
            self.entries
                .retain(|(_, parts), _| !parts.starts_with(&walked));
            self.take_content(found);
        }
        reloaded
    }

    /// Checks the site in memory and makes its model; renders nothing.
    pub(crate) fn model(&self) -> Result<Model, Diagnostics> {
        let site_files = match &self.site_files {
            Ok(site_files) => site_files,
            Err(refused) => return Err(refusal(refused)),
        };
        let mut diagnostics = self.settings_diagnostics.clone();
        let mut files = Vec::with_capacity(self.entries.len());
        let mut kept = Vec::with_capacity(self.entries.len());
        for entry in self.entries.values() {
            match entry {
                Entry::File(file) => {
                    files.push(&file.0);
                    kept.push(&file.1);
                }
                Entry::Problem(problem) => {
                    load::push_unreadable(&mut diagnostics, (**problem).clone())
                }
            }
        }
        // The model takes its documents by value: copy them, on every core.
        let parsed: Vec<Parsed> = kept.into_par_iter().map(Parsed::clone).collect();
        let checked = pipeline::check_parsed(
            site_files,
            self.config.clone(),
            &files,
            parsed,
            diagnostics,
            self.drafts,
        );
        let mut diagnostics = checked.diagnostics;
        let Some(mut site) = checked.site else {
            return Err(diagnostics);
        };
        site.config.set_base_url(&self.base_url);
        match &self.theme {
            Ok(theme) => Ok(Model {
                site,
                theme: theme.clone(),
                statics: Arc::clone(&self.statics),
                static_entries: site_files.statics.clone(),
                diagnostics,
            }),
            Err(problems) => {
                diagnostics.append(problems.clone());
                Err(diagnostics)
            }
        }
    }

    /// Re-reads the site's files besides its content, as the load stage reads them.
    fn reload_site_files(&mut self, areas: &[Area]) -> Result<(), Error> {
        match load::site_files(&self.root) {
            Ok(site_files) => {
                self.take_site_files(site_files, areas);
                Ok(())
            }
            Err(error) => {
                let error = Error::io(&self.root, error);
                self.site_files = Err(error.to_string());
                Err(error)
            }
        }
    }

    /// Keeps `site_files`, redoing what depends on the `areas` that changed:
    /// the settings always (new status ids change what every claim may say),
    /// the templates and the static files when they changed (or when the
    /// last read was refused, which kept none of them).
    fn take_site_files(&mut self, site_files: SiteFiles, areas: &[Area]) {
        let before = self.status_ids();
        (self.config, self.settings_diagnostics) = pipeline::settings(&site_files);
        if before != self.status_ids() {
            self.reparse_all();
        }
        let templates_changed = match &self.site_files {
            Ok(old) => old.templates != site_files.templates,
            Err(_) => true,
        };
        if templates_changed {
            self.theme = Theme::compile(&site_files.templates);
        }
        let published_changed = [Area::Static, Area::Releases]
            .iter()
            .any(|area| areas.contains(area));
        if self.site_files.is_err() || published_changed {
            self.statics = Arc::new(published_unchanged(&self.root, &site_files));
        }
        self.site_files = Ok(site_files);
    }

    /// Adds what the load stage found to the session, parsing each file.
    fn take_content(&mut self, found: Found) {
        let statuses = self.status_ids();
        let statuses: Vec<&str> = statuses.iter().map(String::as_str).collect();
        let parsed: Vec<Parsed> = found
            .files
            .par_iter()
            .map(|file| parse::parse_file(file, &statuses))
            .collect();
        for (file, parsed) in found.files.into_iter().zip(parsed) {
            let entry = Entry::File(Box::new((file, parsed)));
            self.entries.insert(key(&entry_path(&entry)), entry);
        }
        for problem in found.problems {
            let entry = Entry::Problem(problem);
            self.entries.insert(key(&entry_path(&entry)), entry);
        }
    }

    /// Parses every file again, from memory.
    fn reparse_all(&mut self) {
        let statuses = self.status_ids();
        let statuses: Vec<&str> = statuses.iter().map(String::as_str).collect();
        self.entries.par_iter_mut().for_each(|(_, entry)| {
            if let Entry::File(file) = entry {
                file.1 = parse::parse_file(&file.0, &statuses);
            }
        });
    }

    fn status_ids(&self) -> Vec<String> {
        status_ids(self.config.as_ref())
    }
}

/// The diagnostics of a session whose `site.toml` was refused.
fn refusal(refused: &str) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    diagnostics.push(Diagnostic::error(
        CONFIG_FILE,
        format!("cannot read the site settings: {refused}"),
    ));
    diagnostics
}

/// `paths` without those inside another of them, which re-reading the other covers.
fn outermost(mut paths: Vec<&Path>) -> Vec<&Path> {
    paths.sort();
    paths.dedup();
    let mut kept: Vec<&Path> = Vec::new();
    for path in paths {
        if !kept.iter().any(|outer| path.starts_with(outer)) {
            kept.push(path);
        }
    }
    kept
}

/// The site-relative path an entry is about.
fn entry_path(entry: &Entry) -> String {
    match entry {
        Entry::File(file) => file.0.path.clone(),
        Entry::Problem(problem) => problem.0.file.clone(),
    }
}

/// Where an entry at `path` (site-relative, `/`-separated) sorts.
fn key(path: &str) -> EntryKey {
    let parts = components(path);
    let kind = match parts.as_slice() {
        [content, folder, ..] if content == load::CONTENT_FOLDER => Kind::of_folder(folder),
        _ => None,
    };
    (kind, parts)
}

fn components(path: &str) -> Vec<String> {
    path.split('/').map(str::to_string).collect()
}

/// The files served as they are on disk: `static/`, and each release's files
/// under `data/releases/<version>/` as `build` publishes them.
fn published_unchanged(root: &Path, site_files: &SiteFiles) -> Statics {
    let mut files = load::read_statics(root, &site_files.statics);
    let releases = pipeline::release_files(site_files).into_iter();
    files.extend(releases.map(|file| (file.path, Bytes::from(file.bytes))));
    files
}
