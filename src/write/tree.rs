//! The files of a staging folder: pruning what a reused spare tree should not
//! keep, writing over existing files, copying `static/`, fixing permissions.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::Path;

use walkdir::WalkDir;

use super::safe_join;
use crate::Error;
use crate::diagnostic::{Diagnostic, display_path};

/// The files and folders a staging folder must end up with.
#[derive(Default)]
pub(super) struct Wanted {
    pub(super) files: BTreeSet<String>,
    pub(super) folders: BTreeSet<String>,
}

impl Wanted {
    pub(super) fn file(&mut self, path: &str) {
        self.files.insert(path.to_string());
        if let Some((parent, _)) = path.rsplit_once('/') {
            self.folder(parent);
        }
    }

    /// Adds `path` and the folders above it.
    pub(super) fn folder(&mut self, path: &str) {
        let mut path = path;
        while self.folders.insert(path.to_string()) {
            match path.rsplit_once('/') {
                Some((parent, _)) => path = parent,
                None => break,
            }
        }
    }
}

/// Removes from `folder` (at `relative` inside the staging folder) every entry
/// that `wanted` does not name as the same kind: a spare folder's stale pages.
pub(super) fn prune(folder: &Path, relative: &str, wanted: &Wanted) -> Result<(), Error> {
    let entries = fs::read_dir(folder).map_err(|e| Error::io(folder, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(folder, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = if relative.is_empty() {
            name
        } else {
            format!("{relative}/{name}")
        };
        let entry_path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
        let result = if is_dir && wanted.folders.contains(&path) {
            prune(&entry_path, &path, wanted)
        } else if !is_dir && wanted.files.contains(&path) {
            Ok(())
        } else if is_dir {
            fs::remove_dir_all(&entry_path).map_err(|e| Error::io(&entry_path, e))
        } else {
            fs::remove_file(&entry_path).map_err(|e| Error::io(&entry_path, e))
        };
        result?;
    }
    Ok(())
}

/// Every entry under `static_dir`, relative, with whether it is a folder.
/// Symlinks are left out: the load stage reported them and they are never followed.
pub(super) fn static_entries(static_dir: &Path) -> Result<Vec<(String, bool)>, Error> {
    let mut entries = Vec::new();
    for entry in WalkDir::new(static_dir)
        .follow_links(false)
        .follow_root_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) if error.depth() == 0 => break, // no static/ folder
            Err(error) => return Err(Error::Usage(format!("cannot read static/: {error}"))),
        };
        let relative = display_path(static_dir, entry.path());
        let kind = entry.file_type();
        if entry.path_is_symlink() || relative.is_empty() || !(kind.is_dir() || kind.is_file()) {
            continue;
        }
        entries.push((relative, kind.is_dir()));
    }
    Ok(entries)
}

pub(super) fn create_folder(path: &Path) -> Result<(), Error> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o755);
    builder.create(path).map_err(|e| Error::io(path, e))
}

/// Writes `bytes` to `path`, reusing the file already there: writing over an
/// existing inode is much cheaper than creating one.
pub(super) fn overwrite(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o644);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)
}

pub(super) fn copy_static(
    static_dir: &Path,
    staging: &Path,
    root: &Path,
    generated: &BTreeSet<&str>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<usize, Error> {
    let mut copied = 0;
    for (relative, is_dir) in static_entries(static_dir)? {
        let target = safe_join(staging, &relative)?;
        let source = static_dir.join(&relative);
        if is_dir {
            fs::create_dir_all(&target).map_err(|e| Error::io(&target, e))?;
            continue;
        }
        if generated.contains(relative.as_str()) && relative.ends_with(".html") {
            warnings.push(Diagnostic::warning(
                display_path(root, &source),
                format!("this file replaces the generated page /{relative}"),
            ));
        }
        fs::copy(&source, &target).map_err(|e| Error::io(&source, e))?;
        copied += 1;
    }
    Ok(copied)
}

/// Folders 0755 and files 0644, as GitHub Pages artifacts require (a strict
/// umask or a copied static file can leave other modes).
#[cfg(unix)]
pub(super) fn set_permissions(staging: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    for entry in WalkDir::new(staging) {
        let entry = entry.map_err(|e| Error::Usage(format!("cannot list the new site: {e}")))?;
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        let current = entry.metadata().map(|m| m.permissions().mode() & 0o7777);
        if current.ok() != Some(mode) {
            fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode))
                .map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
pub(super) fn set_permissions(_staging: &Path) -> Result<(), Error> {
    Ok(())
}
