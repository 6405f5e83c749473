//! The load stage: find every content file and read it as text.
//!
//! This is the only stage that reads content from disk. Files that cannot be
//! read as UTF-8 text become diagnostics, never panics.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, display_path};

/// Largest content file accepted, so a stray huge file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// The kinds of content file, by the folder they live in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `content/claims/**/*.md`
    Claim,
    /// `content/sources/*.md`
    Source,
    /// `content/entities/*.md`
    Entity,
    /// `content/pages/*.md`
    Page,
}

impl Kind {
    /// Every kind, in load order.
    pub const ALL: [Kind; 4] = [Kind::Claim, Kind::Source, Kind::Entity, Kind::Page];

    /// The folder under `content/` holding this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Claim => "claims",
            Kind::Source => "sources",
            Kind::Entity => "entities",
            Kind::Page => "pages",
        }
    }

    /// The singular noun, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Source => "source",
            Kind::Entity => "entity",
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
    /// The whole file.
    pub text: String,
}

/// Everything the load stage found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// `site.toml`, if present.
    pub config_text: Option<String>,
    /// Readable content files, sorted by kind and path.
    pub files: Vec<RawFile>,
    /// Files that could not be read, and skipped entries.
    pub diagnostics: Diagnostics,
}

/// Reads `site.toml` and every content file under `root`.
pub fn load(root: &Path) -> std::io::Result<Loaded> {
    let mut loaded = Loaded::default();
    let config_path = root.join(crate::config::CONFIG_FILE);
    if config_path.is_file() {
        loaded.config_text = Some(fs::read_to_string(&config_path).map_err(|e| {
            std::io::Error::new(e.kind(), format!("{}: {e}", config_path.display()))
        })?);
    }
    let mut paths = Vec::new();
    for kind in Kind::ALL {
        paths.extend(find_markdown(root, kind, &mut loaded.diagnostics));
    }
    let results: Vec<Result<RawFile, Unreadable>> = paths
        .par_iter()
        .map(|(kind, path)| read_file(root, *kind, path))
        .collect();
    for result in results {
        match result {
            Ok(file) => loaded.files.push(file),
            Err(unreadable) => {
                let (diagnostic, text) = *unreadable;
                if let Some(text) = text {
                    loaded.diagnostics.add_source(&diagnostic.file, &text);
                }
                loaded.diagnostics.push(diagnostic);
            }
        }
    }
    Ok(loaded)
}

fn find_markdown(root: &Path, kind: Kind, diagnostics: &mut Diagnostics) -> Vec<(Kind, PathBuf)> {
    let folder = root.join("content").join(kind.folder());
    let mut found = Vec::new();
    let walker = WalkDir::new(&folder)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walker
        .into_iter()
        .filter_entry(|e| !is_hidden(e.path(), &folder))
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) if error.depth() == 0 => break, // the folder does not exist
            Err(error) => {
                let path = error
                    .path()
                    .map(|p| display_path(root, p))
                    .unwrap_or_default();
                diagnostics.push(Diagnostic::error(
                    path,
                    format!("cannot read this entry: {error}"),
                ));
                continue;
            }
        };
        let display = display_path(root, entry.path());
        if entry.path_is_symlink() {
            diagnostics.push(
                Diagnostic::warning(
                    display,
                    "symbolic links in content/ are not followed; this entry is skipped",
                )
                .hint("copy the file into the site instead of linking to it"),
            );
        } else if entry.file_type().is_file() {
            if entry.path().extension().is_some_and(|e| e == "md") {
                found.push((kind, entry.into_path()));
            } else {
                diagnostics.push(
                    Diagnostic::warning(display, "not a Markdown file, so it is ignored")
                        .hint("content files end in `.md`"),
                );
            }
        }
    }
    found
}

fn is_hidden(path: &Path, folder: &Path) -> bool {
    path != folder
        && path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

/// A file that could not be read as text: the problem, and the text to quote if there is any.
pub type Unreadable = Box<(Diagnostic, Option<String>)>;

/// Reads one content file of `kind` at `path` under `root` (also used by `serve` to re-read one file).
pub fn read_file(root: &Path, kind: Kind, path: &Path) -> Result<RawFile, Unreadable> {
    let display = display_path(root, path);
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        let message = format!(
            "the file is {} MiB; content files may be at most {} MiB",
            size / (1024 * 1024),
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
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let message = "this is a binary file, not Markdown text";
        let hint = format!(
            "found a NUL byte at byte {nul}; files in content/{}/ must be text",
            kind.folder()
        );
        return Err(Box::new((
            Diagnostic::error(display, message).hint(hint),
            None,
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(RawFile {
            kind,
            path: display,
            id,
            text,
        }),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let lossy_offset = String::from_utf8_lossy(&error.as_bytes()[..offset]).len();
            let diagnostic = Diagnostic::error(display, "the file is not valid UTF-8 text")
                .at(lossy_offset..lossy_offset + '\u{fffd}'.len_utf8())
                .hint("save the file with UTF-8 encoding in your editor");
            Err(Box::new((diagnostic, Some(text))))
        }
    }
}
