//! The per-entry rules of the load stage, in one place: which entries of the
//! site's folders are read, which are skipped with a word, and which are
//! refused. `build`, `check` and `serve`'s rebuilds all walk through here.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use super::{Kind, RawFile, Unreadable, read_all, symlinks};
use crate::diagnostic::{Diagnostic, display_path};

/// The folder under the site root that holds the content, one folder per [`Kind`].
pub(crate) const CONTENT_FOLDER: &str = "content";

/// What the load stage found at a path under `content/`.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The path that was walked, relative to the site root and `/`-separated:
    /// the path asked for, or the folder above it that is no longer a plain
    /// folder (a link, a file or gone), so everything it held is reconsidered.
    pub walked: String,
    /// Readable content files, in load order (by kind, then path).
    pub files: Vec<RawFile>,
    /// Files that could not be read and entries skipped or refused, each with
    /// the text to quote if there is one.
    pub problems: Vec<Unreadable>,
}

/// Reads the content at `path` under `root`: the `content/` folder itself, a
/// kind's folder, a folder or file below one, or a path that is gone. The
/// rules are those of a whole load, so a session that re-reads what changed
/// ends up with what a fresh load finds.
pub(crate) fn content_at(root: &Path, path: &Path) -> Found {
    let content = root.join(CONTENT_FOLDER);
    let start = walk_start(&content, path);
    let mut found = Found {
        walked: display_path(root, &start),
        ..Found::default()
    };
    let mut paths = Vec::new();
    if start == content {
        if symlinks::is_symlink(&content) {
            found
                .problems
                .push(refused(symlinks::diagnostic(root, &content)));
            return found;
        }
        for kind in Kind::ALL {
            let folder = content.join(kind.folder());
            walk_content(root, kind, &folder, &folder, &mut paths, &mut found);
        }
    } else if let Some(kind) = kind_below(&content, &start) {
        let folder = content.join(kind.folder());
        walk_content(root, kind, &folder, &start, &mut paths, &mut found);
    }
    for result in read_all(root, &paths) {
        match result {
            Ok(file) => found.files.push(file),
            Err(unreadable) => found.problems.push(unreadable),
        }
    }
    found
}

/// Where to walk for a change at `path`: the highest folder between
/// `content` (included) and `path` that is not a plain folder any more (a
/// link, a file, or gone), since what was below it is gone too; else `path`.
fn walk_start(content: &Path, path: &Path) -> PathBuf {
    let Ok(below) = path.strip_prefix(content) else {
        return content.to_path_buf();
    };
    let mut folder = content.to_path_buf();
    let mut parts = below.components().peekable();
    loop {
        let is_plain_folder = fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir());
        if !is_plain_folder {
            return folder;
        }
        match parts.next() {
            Some(part) if parts.peek().is_some() => folder.push(part),
            _ => return path.to_path_buf(),
        }
    }
}

/// The kind whose folder holds `path` (or is `path`), if any.
fn kind_below(content: &Path, path: &Path) -> Option<Kind> {
    let first = path.strip_prefix(content).ok()?.components().next()?;
    Kind::of_folder(first.as_os_str().to_str()?)
}

/// Walks `start` inside the content `folder` of `kind`, adding the Markdown
/// files to read to `paths` and every skipped or refused entry to `found`.
fn walk_content(
    root: &Path,
    kind: Kind,
    folder: &Path,
    start: &Path,
    paths: &mut Vec<(Kind, PathBuf)>,
    found: &mut Found,
) {
    for (path, outcome) in walk(root, folder, start, Rules::Content) {
        match outcome {
            Outcome::File => paths.push((kind, path)),
            Outcome::Folder => {}
            Outcome::Problem(problem) => found.problems.push(refused(problem)),
        }
    }
}

/// The entries of one of the site's other folders (`static/`, `templates/`)
/// that may be used: every file and folder below it, relative and with
/// whether it is a folder, and the problems with the others. Hidden entries
/// are kept: `static/.nojekyll` is published.
pub(super) fn other_folder(root: &Path, folder: &Path) -> (Vec<(String, bool)>, Vec<Diagnostic>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (path, outcome) in walk(root, folder, folder, Rules::Other) {
        match outcome {
            Outcome::File | Outcome::Folder if path == folder => {}
            Outcome::File => entries.push((display_path(folder, &path), false)),
            Outcome::Folder => entries.push((display_path(folder, &path), true)),
            Outcome::Problem(problem) => problems.push(problem),
        }
    }
    (entries, problems)
}

/// Which rules apply in a walked folder.
#[derive(Debug, Clone, Copy)]
enum Rules {
    /// A content folder: hidden entries are skipped, only `.md` files are read.
    Content,
    /// `static/` or `templates/`: every file and folder is used.
    Other,
}

/// What the rules make of one entry.
enum Outcome {
    /// A regular file to use.
    File,
    /// A plain folder (walked into).
    Folder,
    /// Skipped with a warning, or refused with an error.
    Problem(Diagnostic),
}

/// Every entry at or below `start` (inside `folder`) that is not skipped in
/// silence, with what the rules make of it. Links are never followed.
fn walk(root: &Path, folder: &Path, start: &Path, rules: Rules) -> Vec<(PathBuf, Outcome)> {
    let mut found = Vec::new();
    let walker = WalkDir::new(start)
        .follow_links(false)
        .follow_root_links(false)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) if error.depth() == 0 => break, // the folder does not exist
            Err(error) => {
                let path = error.path().unwrap_or(start).to_path_buf();
                let message = format!("cannot read this entry: {error}");
                let problem = Diagnostic::error(display_path(root, &path), message);
                found.push((path, Outcome::Problem(problem)));
                continue;
            }
        };
        if let Some(outcome) = classify(root, folder, &entry, rules) {
            found.push((entry.into_path(), outcome));
        }
    }
    found
}

/// The rules for one entry, in order: (1) hidden in a content folder:
/// skipped, with a warning for Markdown; (2) a symbolic link: never
/// followed, and an error when it leads outside the site; (3) a backslash in
/// the name: refused; (4) neither a file nor a folder: skipped; (5) in a
/// content folder, a file that is not `.md`: skipped with a warning.
/// `None` for an entry skipped in silence.
fn classify(root: &Path, folder: &Path, entry: &DirEntry, rules: Rules) -> Option<Outcome> {
    let path = entry.path();
    let content = matches!(rules, Rules::Content);
    if content && hidden_part(path, folder).is_some() {
        return hidden_markdown(root, folder, path).map(Outcome::Problem);
    }
    if entry.path_is_symlink() {
        return Some(Outcome::Problem(symlinks::diagnostic(root, path)));
    }
    if entry.file_name().to_string_lossy().contains('\\') {
        return Some(Outcome::Problem(backslash(root, path)));
    }
    let file_type = entry.file_type();
    if file_type.is_dir() {
        return Some(Outcome::Folder);
    }
    if !file_type.is_file() {
        return None;
    }
    if content && path.extension().is_none_or(|e| e != "md") {
        return Some(Outcome::Problem(not_markdown(root, path)));
    }
    Some(Outcome::File)
}

/// A skipped or refused entry, which has no text to quote.
fn refused(problem: Diagnostic) -> Unreadable {
    Box::new((problem, None))
}

/// A backslash is a folder separator on Windows: such a name cannot be
/// checked out there, and would write somewhere else if it were.
fn backslash(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::error(
        display_path(root, path),
        "this name contains a backslash, which Windows reads as a folder separator",
    )
    .hint("rename it using only letters, digits, `-`, `_` and `.`")
}

/// The warning for a file in a content folder that is not Markdown.
fn not_markdown(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::warning(
        display_path(root, path),
        "not a Markdown file, so it is ignored",
    )
    .hint("content files end in `.md`")
}

/// The first name below `folder` on `path` that starts with a dot, if any.
fn hidden_part<'p>(path: &'p Path, folder: &Path) -> Option<&'p str> {
    path.strip_prefix(folder)
        .ok()?
        .iter()
        .filter_map(|part| part.to_str())
        .find(|part| part.starts_with('.'))
}

/// Names that editors and operating systems leave beside a file and that are
/// never content: an Emacs lock (`.#claim.md`) and a macOS resource fork
/// (`._claim.md`). Other such files (`.claim.md.swp`, `.DS_Store`) do not end
/// in `.md`, and are skipped like every hidden file that is not Markdown.
const EDITOR_LEFTOVERS: [&str; 2] = [".#", "._"];

/// A warning for a Markdown file at `path` under the content `folder` that a
/// dot at the start of its name (or of a folder's on the way) keeps from being
/// published: such a file is skipped, but never without a word. `None` for a
/// path with no hidden part, a file that is not Markdown and an editor's
/// leftover ([`EDITOR_LEFTOVERS`]).
fn hidden_markdown(root: &Path, folder: &Path, path: &Path) -> Option<Diagnostic> {
    let hidden = hidden_part(path, folder)?;
    let name = path.file_name()?.to_str()?;
    let leftover = EDITOR_LEFTOVERS
        .iter()
        .any(|prefix| name.starts_with(prefix));
    if leftover || !name.ends_with(".md") || path.is_dir() {
        return None;
    }
    let noun = Kind::ALL
        .into_iter()
        .find(|kind| folder.ends_with(kind.folder()))
        .map_or("file", Kind::noun);
    let (message, hint) = if hidden == name {
        let id = crate::ids::suggest_id(name.trim_end_matches(".md"));
        let rename = if id.is_empty() {
            "rename it to a name of letters, digits and `-` ending in `.md`".to_string()
        } else {
            format!("rename it to `{id}.md`")
        };
        (
            format!("the name starts with a dot, so this {noun} is skipped and not published"),
            format!("{rename} to publish it, or delete it"),
        )
    } else {
        (
            format!(
                "the folder `{hidden}` starts with a dot, so this {noun} is skipped and not published"
            ),
            format!("move it out of `{hidden}/` to publish it, or delete it"),
        )
    };
    Some(Diagnostic::warning(display_path(root, path), message).hint(hint))
}
