//! The load stage: the only code that reads the site's files.
//!
//! It finds every content file and reads it as text ([`entry`] holds the
//! per-entry rules, the same for `build`, `check` and `serve`), and reads the
//! site's other files ([`site_files`]: `site.toml`, the workflow,
//! `archive.lock` ([`lock_file`]), `templates/` and the listing of `static/`). Files that cannot be read as UTF-8 text
//! become diagnostics, never panics.

mod entry;
mod lock_file;
mod releases;
mod site_files;
pub(crate) mod symlinks;
mod text;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics, display_path};
use crate::disk_threads;
pub(crate) use entry::{CONTENT_FOLDER, Found, content_at};
pub(crate) use lock_file::{ARCHIVE_LOCK_FILE, LockText, read_lock as read_lock_text};
pub(crate) use releases::{RELEASES_FOLDER, ReleaseFolder, read_releases};
pub(crate) use site_files::{
    Area, CONFIG_FILE, STATIC_FOLDER, SiteFiles, StaticEntry, Statics, TEMPLATES_FOLDER,
    TemplateFile, WORKFLOW_FILE, read_config, read_statics, site_files,
};
use text::decode;

/// Largest content or settings file accepted. A long claim is about 10 KiB;
/// 2 MiB leaves room for thousands of citations while keeping the worst-case
/// Markdown render of one file to a few seconds.
pub(crate) const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// The kinds of content file, by the folder they live in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `content/claims/**/*.md`
    Claim,
    /// `content/sources/*.md`
    Source,
    /// `content/entities/*.md`
    Entity,
    /// `content/documents/*.md`
    Document,
    /// `content/pages/*.md`
    Page,
}

impl Kind {
    /// Every kind, in load order.
    pub const ALL: [Kind; 5] = [
        Kind::Claim,
        Kind::Source,
        Kind::Entity,
        Kind::Document,
        Kind::Page,
    ];

    /// The folder under `content/` holding this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Claim => "claims",
            Kind::Source => "sources",
            Kind::Entity => "entities",
            Kind::Document => "documents",
            Kind::Page => "pages",
        }
    }

    /// The kind whose folder under `content/` is named `folder`.
    pub fn of_folder(folder: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.folder() == folder)
    }

    /// The singular noun, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Source => "source",
            Kind::Entity => "entity",
            Kind::Document => "document",
            Kind::Page => "page",
        }
    }
}

/// One content file read as text.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// Which folder it came from.
    pub kind: Kind,
    /// Path relative to the site root, `/`-separated.
    pub path: String,
    /// The file stem, which is the content's id.
    pub id: String,
    /// The whole file as UTF-8 text, frontmatter included.
    pub text: String,
}

/// Everything the load stage found.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    /// Everything besides the content: `site.toml`, the workflow, the
    /// templates and the listing of `static/`, with their problems.
    pub site: SiteFiles,
    /// The content files, and the problems with the entries of `content/`.
    pub content: Found,
}

/// Reads the site at `root`: its files besides the content, then every
/// content file. Fails only for a `site.toml` that is refused outright.
pub(crate) fn load(root: &Path) -> std::io::Result<Loaded> {
    Ok(Loaded {
        site: site_files(root)?,
        content: content_at(root, &root.join(CONTENT_FOLDER)),
    })
}

/// Adds a file that could not be read to `diagnostics`, with its text to quote.
pub(crate) fn push_unreadable(
    diagnostics: &mut Diagnostics,
    (problem, text): (Diagnostic, Option<String>),
) {
    if let Some(text) = text {
        diagnostics.add_source(&problem.file, &text);
    }
    diagnostics.push(problem);
}

/// Reads every file of `paths` on the disk threads, in the order given.
fn read_all(root: &Path, paths: &[(Kind, PathBuf)]) -> Vec<Result<RawFile, Unreadable>> {
    if let [(kind, path)] = paths {
        // One file, as after a save under `serve`: no threads to start.
        return vec![read_file(root, *kind, path)];
    }
    disk_threads::install(|| {
        paths
            .par_iter()
            .map(|(kind, path)| read_file(root, *kind, path))
            .collect()
    })
}

/// A file that could not be read as text: the problem, and the text to quote if there is any.
pub(crate) type Unreadable = Box<(Diagnostic, Option<String>)>;

/// Reads one content file of `kind` at `path` under `root`.
pub(crate) fn read_file(root: &Path, kind: Kind, path: &Path) -> Result<RawFile, Unreadable> {
    let display = display_path(root, path);
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        let message = format!(
            "the file is {size} bytes; content files may be at most {MAX_FILE_BYTES} bytes ({} MiB)",
            MAX_FILE_BYTES / (1024 * 1024)
        );
        return Err(Box::new((
            Diagnostic::error(display, message).hint("split it or remove embedded data"),
            None,
        )));
    }
    let bytes = fs::read(path).map_err(|error| {
        Box::new((
            Diagnostic::error(&display, format!("cannot read the file: {error}")),
            None,
        ))
    })?;
    let binary = (
        "Markdown",
        format!("files in content/{}/ must be text", kind.folder()),
    );
    let text = decode(&display, bytes, binary)?;
    Ok(RawFile {
        kind,
        path: display,
        id,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// More files than read threads, in several folders, one of them not UTF-8:
    /// every file comes back with its own text, sorted by kind and path, and the
    /// bad one as a diagnostic, whichever thread read it.
    #[test]
    fn many_files_load_in_path_order_each_with_its_own_text() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut expected = Vec::new();
        let mut write = |kind: Kind, path: String| {
            let full = root.join(&path);
            fs::create_dir_all(full.parent().unwrap()).unwrap();
            fs::write(full, format!("text of {path}")).unwrap();
            expected.push((kind, path.clone(), format!("text of {path}")));
        };
        for year in ["2024", "2025"] {
            for i in 0..disk_threads::DISK_THREADS * 4 {
                write(
                    Kind::Claim,
                    format!("content/claims/{year}/claim-{i:03}.md"),
                );
            }
        }
        write(Kind::Source, "content/sources/lab.md".to_string());
        fs::write(root.join("content/sources/latin1.md"), b"caf\xe9").unwrap();

        let loaded = load(root).unwrap();

        let found: Vec<(Kind, String, String)> = loaded
            .content
            .files
            .iter()
            .map(|file| (file.kind, file.path.clone(), file.text.clone()))
            .collect();
        assert_eq!(found, expected);
        let problems: Vec<&str> = loaded
            .content
            .problems
            .iter()
            .map(|problem| problem.0.file.as_str())
            .collect();
        assert_eq!(problems, ["content/sources/latin1.md"]);
    }
}
