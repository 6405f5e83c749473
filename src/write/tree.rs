//! The files of a staging folder: pruning what a reused spare tree should not
//! keep, writing over existing files, copying `static/`, fixing permissions.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::Path;

use rayon::prelude::*;

use super::safe_join;
use crate::error::Error;
use crate::load::StaticEntry;

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
/// Returns the wanted folders found there, which need not be made again.
/// Sibling entries are handled in parallel: a spare tree has one folder per page.
pub(super) fn prune(folder: &Path, relative: &str, wanted: &Wanted) -> Result<Vec<String>, Error> {
    let entries = fs::read_dir(folder)
        .and_then(|entries| entries.collect::<io::Result<Vec<_>>>())
        .map_err(|e| Error::io(folder, e))?;
    let kept = entries
        .par_iter()
        .map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = if relative.is_empty() {
                name
            } else {
                format!("{relative}/{name}")
            };
            let entry_path = entry.path();
            let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
            if is_dir && wanted.folders.contains(&path) {
                fix_folder_mode(&entry_path)?;
                let mut kept = prune(&entry_path, &path, wanted)?;
                kept.push(path);
                return Ok(kept);
            }
            if is_dir {
                fs::remove_dir_all(&entry_path).map_err(|e| Error::io(&entry_path, e))?;
            } else if !wanted.files.contains(&path) {
                fs::remove_file(&entry_path).map_err(|e| Error::io(&entry_path, e))?;
            }
            Ok(Vec::new())
        })
        .collect::<Result<Vec<Vec<String>>, Error>>()?;
    Ok(kept.into_iter().flatten().collect())
}

/// Makes the folder at `path` (and any missing above it) with the mode
/// GitHub Pages needs.
pub(super) fn create_folder(path: &Path) -> Result<(), Error> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, FOLDER_MODE);
    builder.create(path).map_err(|e| Error::io(path, e))?;
    // A strict umask narrows the mode given above.
    fix_folder_mode(path)
}

/// Writes `bytes` to `path`, reusing the file already there: writing over an
/// existing inode is much cheaper than creating one. The file ends up with
/// the mode GitHub Pages needs, whatever the umask or the file had before.
pub(super) fn overwrite(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    fix_file_mode(&file)
}

// Folders 0755 and files 0644, as GitHub Pages artifacts require (a strict
// umask, a copied static file or an edited spare tree can leave other modes).
// Each entry is fixed where it is made or kept, so no walk over the whole
// output is needed at the end.
const FOLDER_MODE: u32 = 0o755;
const FILE_MODE: u32 = 0o644;

/// Gives the open `file` mode 0644 if it has another.
#[cfg(unix)]
fn fix_file_mode(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if file.metadata()?.permissions().mode() & 0o7777 != FILE_MODE {
        file.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    }
    Ok(())
}

/// Gives the file at `path` mode 0644 if it has another.
fn fix_file_mode_at(path: &Path) -> Result<(), Error> {
    fix_mode_at(path, FILE_MODE)
}

/// Gives the folder at `path` mode 0755 if it has another.
pub(super) fn fix_folder_mode(path: &Path) -> Result<(), Error> {
    fix_mode_at(path, FOLDER_MODE)
}

/// Gives the entry at `path` `mode` if it has another (by path, so a static
/// file copied without read permission is fixed too).
#[cfg(unix)]
fn fix_mode_at(path: &Path, mode: u32) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    let current = fs::symlink_metadata(path)
        .map_err(|e| Error::io(path, e))?
        .permissions()
        .mode();
    if current & 0o7777 != mode {
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io(path, e))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn fix_file_mode(_file: &fs::File) -> io::Result<()> {
    Ok(())
}

#[cfg(not(unix))]
fn fix_mode_at(_path: &Path, _mode: u32) -> Result<(), Error> {
    Ok(())
}

/// Copies `entries` (relative, and whether each is a folder) from
/// `static_dir` into `staging`, each with the mode GitHub Pages needs.
/// Returns the files copied and their bytes.
pub(super) fn copy_static(
    static_dir: &Path,
    entries: &[StaticEntry],
    staging: &Path,
) -> Result<(usize, u64), Error> {
    let (mut copied, mut bytes) = (0, 0);
    for (relative, is_dir) in entries {
        let target = safe_join(staging, relative)?;
        let source = static_dir.join(relative);
        if *is_dir {
            create_folder(&target)?;
            continue;
        }
        bytes += fs::copy(&source, &target).map_err(|e| Error::io(&source, e))?;
        fix_file_mode_at(&target)?;
        copied += 1;
    }
    Ok((copied, bytes))
}
