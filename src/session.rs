//! A site kept in memory between rebuilds, for `serve`.
//!
//! The session holds every content file's text and parse result, `site.toml`,
//! the compiled templates and the static files. After an edit it re-reads only
//! the paths that changed, re-parses only those files, and checks the site into
//! a [`Model`]; pages are rendered later, one at a time, as browsers ask for
//! them. Nothing here writes to disk.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use bytes::Bytes;
use rayon::prelude::*;
use tera::Tera;
use walkdir::WalkDir;

use crate::config::{self, CONFIG_FILE, Config};
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
use crate::load::{self, Kind, RawFile};
use crate::model::Site;
use crate::{Error, Parsed, parse, render};

/// The static files: output paths (`/`-separated, relative) to contents.
pub type Statics = HashMap<String, Bytes>;

/// What [`Session::model`] produced: everything a page needs, nothing rendered yet.
pub struct Model {
    /// The checked site, with the serving base URL.
    pub site: Site,
    /// The compiled templates.
    pub tera: Tera,
    /// Every file of `static/`, shared with the HTTP side.
    pub statics: Arc<Statics>,
    /// Warnings (the model had no errors).
    pub diagnostics: Diagnostics,
}

/// What the session knows about one path under `content/`.
enum Entry {
    /// A readable Markdown file and its parse result.
    File(Box<(RawFile, Parsed)>),
    /// A file that could not be read, or an entry that is skipped with a warning.
    Problem(Box<(Diagnostic, Option<String>)>),
}

/// Orders content like the load stage: by kind, then path component by component.
type EntryKey = (Kind, Vec<String>);

/// A site held in memory between rebuilds.
pub struct Session {
    root: PathBuf,
    drafts: bool,
    base_url: String,
    config: Option<Config>,
    config_diagnostics: Diagnostics,
    entries: BTreeMap<EntryKey, Entry>,
    templates: Result<Tera, Diagnostics>,
    statics: Arc<Statics>,
}

impl Session {
    /// Reads the whole site at `root`, to be published at `base_url`.
    pub fn open(root: &Path, drafts: bool, base_url: &str) -> Result<Session, Error> {
        let root = std::path::absolute(root).map_err(|e| Error::io(root, e))?;
        if !root.join(CONFIG_FILE).is_file() {
            return Err(Error::Usage(format!(
                "{} has no {CONFIG_FILE}: is this a claimtrail site? Run claimtrail in the site's folder or pass --root DIR",
                root.display()
            )));
        }
        let mut session = Session {
            templates: render::templates::load(&root),
            statics: Arc::new(read_statics(&root)),
            root,
            drafts,
            base_url: base_url.to_string(),
            config: None,
            config_diagnostics: Diagnostics::new(),
            entries: BTreeMap::new(),
        };
        session.reload_config();
        session.reload_content()?;
        Ok(session)
    }

    /// The site folder, absolute.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes note of changed paths (absolute, as a file watcher reports them),
    /// re-reading only what they touch.
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<(), Error> {
        let mut content = Vec::new();
        let (mut config, mut templates, mut statics) = (false, false, false);
        for path in changed {
            let Ok(relative) = path.strip_prefix(&self.root) else {
                continue;
            };
            match first_component(relative).as_deref() {
                Some(CONFIG_FILE) => config = true,
                Some("content") => content.push(path.clone()),
                Some("templates") => templates = true,
                Some("static") => statics = true,
                _ => {}
            }
        }
        if templates {
            self.templates = render::templates::load(&self.root);
        }
        if statics {
            self.statics = Arc::new(read_statics(&self.root));
        }
        if config && self.reload_config() {
            // New status ids change what every claim may say.
            return self.reload_content();
        }
        if content.iter().any(|path| path.is_dir()) {
            return self.reload_content();
        }
        let statuses = self.status_ids();
        let statuses: Vec<&str> = statuses.iter().map(String::as_str).collect();
        for path in content {
            self.refresh_file(&path, &statuses);
        }
        Ok(())
    }

    /// Checks the site in memory and makes its model; renders nothing.
    pub fn model(&self) -> Result<Model, Diagnostics> {
        let mut diagnostics = self.config_diagnostics.clone();
        let mut files = Vec::with_capacity(self.entries.len());
        let mut kept = Vec::with_capacity(self.entries.len());
        for entry in self.entries.values() {
            match entry {
                Entry::File(file) => {
                    files.push(&file.0);
                    kept.push(&file.1);
                }
                Entry::Problem(problem) => {
                    if let Some(text) = &problem.1 {
                        diagnostics.add_source(&problem.0.file, text);
                    }
                    diagnostics.push(problem.0.clone());
                }
            }
        }
        // The model takes its documents by value: copy them, on every core.
        let parsed: Vec<Parsed> = kept.into_par_iter().map(Parsed::clone).collect();
        let checked = crate::assemble(
            self.config.clone(),
            &files,
            parsed,
            diagnostics,
            self.drafts,
        );
        let diagnostics = checked.diagnostics;
        let Some(mut site) = checked.site else {
            return Err(diagnostics);
        };
        site.config.set_base_url(&self.base_url);
        match &self.templates {
            Ok(tera) => Ok(Model {
                site,
                tera: tera.clone(),
                statics: Arc::clone(&self.statics),
                diagnostics,
            }),
            Err(problems) => {
                let mut diagnostics = diagnostics;
                diagnostics.append(problems.clone());
                Err(diagnostics)
            }
        }
    }

    /// Re-reads `site.toml`; true when the status ids changed.
    fn reload_config(&mut self) -> bool {
        let before = self.status_ids();
        let mut diagnostics = Diagnostics::new();
        self.config = match load::read_config(&self.root) {
            Ok(Some((text, problem))) => {
                diagnostics.extend(problem);
                config::parse(&text, &mut diagnostics)
            }
            Ok(None) => {
                let message = format!("cannot read the site settings: {CONFIG_FILE} is missing");
                diagnostics.push(Diagnostic::error(CONFIG_FILE, message));
                None
            }
            Err(error) => {
                diagnostics.push(Diagnostic::error(
                    CONFIG_FILE,
                    format!("cannot read the site settings: {error}"),
                ));
                None
            }
        };
        self.config_diagnostics = diagnostics;
        before != self.status_ids()
    }

    fn status_ids(&self) -> Vec<String> {
        crate::status_ids(self.config.as_ref())
    }

    /// Reads and parses every content file, as a cold build does.
    fn reload_content(&mut self) -> Result<(), Error> {
        let loaded = load::load(&self.root).map_err(|e| Error::io(&self.root, e))?;
        let statuses = self.status_ids();
        let statuses: Vec<&str> = statuses.iter().map(String::as_str).collect();
        let parsed: Vec<Parsed> = loaded
            .files
            .par_iter()
            .map(|file| parse::parse_file(file, &statuses))
            .collect();
        self.entries.clear();
        for (file, parsed) in loaded.files.into_iter().zip(parsed) {
            let key = (file.kind, components(&file.path));
            self.entries
                .insert(key, Entry::File(Box::new((file, parsed))));
        }
        for diagnostic in loaded.diagnostics.sorted() {
            if let Some(kind) = kind_of(Path::new(&diagnostic.file)) {
                let key = (kind, components(&diagnostic.file));
                let problem = Box::new((diagnostic.clone(), None));
                self.entries.insert(key, Entry::Problem(problem));
            }
        }
        Ok(())
    }

    /// Re-reads one changed (or removed) content file.
    fn refresh_file(&mut self, path: &Path, statuses: &[&str]) {
        let display = display_path(&self.root, path);
        let Some(kind) = kind_of(Path::new(&display)) else {
            return;
        };
        let key = (kind, components(&display));
        self.entries.remove(&key);
        let Ok(metadata) = fs::symlink_metadata(path) else {
            return; // removed
        };
        let folder = self.root.join("content").join(kind.folder());
        let entry = if is_hidden(&display) {
            // As the load stage does: skipped, with a warning if it is Markdown.
            match load::hidden_markdown(&self.root, &folder, path) {
                Some(warning) => skipped(warning),
                None => return,
            }
        } else if metadata.file_type().is_symlink() {
            skipped(
                Diagnostic::warning(
                    display,
                    "symbolic links in content/ are not followed; this entry is skipped",
                )
                .hint("copy the file into the site instead of linking to it"),
            )
        } else if path.extension().is_none_or(|e| e != "md") {
            skipped(
                Diagnostic::warning(display, "not a Markdown file, so it is ignored")
                    .hint("content files end in `.md`"),
            )
        } else {
            match load::read_file(&self.root, kind, path) {
                Ok(file) => {
                    let parsed = parse::parse_file(&file, statuses);
                    Entry::File(Box::new((file, parsed)))
                }
                Err(unreadable) => Entry::Problem(unreadable),
            }
        };
        self.entries.insert(key, entry);
    }
}

fn skipped(diagnostic: Diagnostic) -> Entry {
    Entry::Problem(Box::new((diagnostic, None)))
}

fn first_component(relative: &Path) -> Option<String> {
    match relative.components().next() {
        Some(Component::Normal(name)) => Some(name.to_string_lossy().into_owned()),
        _ => None,
    }
}

/// The kind of content at a site-relative path such as `content/claims/2025/x.md`.
fn kind_of(relative: &Path) -> Option<Kind> {
    let mut parts = relative.components();
    if parts.next() != Some(Component::Normal("content".as_ref())) {
        return None;
    }
    let folder = parts.next()?;
    parts.next()?;
    Kind::ALL
        .into_iter()
        .find(|kind| folder == Component::Normal(kind.folder().as_ref()))
}

fn components(display: &str) -> Vec<String> {
    display.split('/').map(str::to_string).collect()
}

/// Whether any part below `content/<kind>/` starts with a dot (the load stage skips those).
fn is_hidden(display: &str) -> bool {
    display.split('/').skip(2).any(|part| part.starts_with('.'))
}

/// Every regular file under `static/`, as the write stage would copy it.
fn read_statics(root: &Path) -> Statics {
    let folder = root.join("static");
    WalkDir::new(&folder)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| {
            let bytes = fs::read(entry.path()).ok()?;
            Some((display_path(&folder, entry.path()), Bytes::from(bytes)))
        })
        .collect()
}
