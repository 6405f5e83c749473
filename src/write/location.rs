//! Where the site may be written: refusals of folders that hold something
//! else, and joining generated paths without ever leaving the output.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::Error;

/// Refuses output folders that hold something else: the root itself, a folder
/// above it, the content/templates/static/.git folders, or the home folder and
/// the folders above it.
pub fn check_output_location(root: &Path, output: &Path) -> Result<(), Error> {
    let root = absolute(root)?;
    let output = absolute(output)?;
    let refuse = |why: &str| {
        Err(Error::Usage(format!(
            "refusing to write the site to {}: {why}; choose a folder of its own, such as {}",
            output.display(),
            root.join("public").display()
        )))
    };
    if output == root || root.starts_with(&output) {
        return refuse("it holds the site itself");
    }
    for folder in ["content", "templates", "static", ".git"] {
        if output.starts_with(root.join(folder)) {
            return refuse(&format!("it is inside {folder}/"));
        }
    }
    if let Some(home) = std::env::var_os("HOME").filter(|home| !home.is_empty()) {
        let home = absolute(Path::new(&home))?;
        if home.starts_with(&output) {
            return refuse("it is your home folder or holds it");
        }
    }
    Ok(())
}

fn absolute(path: &Path) -> Result<PathBuf, Error> {
    let path = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
    // Resolve symlinks where the path exists, so two spellings of one folder compare equal.
    Ok(fs::canonicalize(&path).unwrap_or_else(|_| normalize(&path)))
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Longest file or folder name written, in bytes: the limit of common file systems.
pub const MAX_NAME_BYTES: usize = 255;

/// Joins a generated relative path, refusing anything that could leave `base`:
/// `..`, absolute paths, drive prefixes, backslashes, NUL and overlong names.
pub fn safe_join(base: &Path, relative: &str) -> Result<PathBuf, Error> {
    let path = Path::new(relative);
    let only_normal = path.components().all(|c| match c {
        Component::Normal(name) => name.len() <= MAX_NAME_BYTES,
        _ => false,
    });
    let forbidden = ['\\', '\0'];
    if relative.is_empty() || !only_normal || relative.contains(forbidden) {
        return Err(Error::Usage(format!(
            "refusing to write outside the output folder: {relative:?}"
        )));
    }
    Ok(base.join(path))
}
