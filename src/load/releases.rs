//! The release folders of `data/releases/`: the frozen data files that
//! `claimtrail release` wrote, read as bytes so that `check` can verify them
//! and `build` publish them unchanged.

use std::fs;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Where releases are kept, from the site root.
pub(crate) const RELEASES_FOLDER: &str = "data/releases";

/// The largest file of a release read (a `claims.json` of some 100,000 claims).
const MAX_RELEASE_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// One folder of `data/releases/`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ReleaseFolder {
    /// The folder's name: the release's name.
    pub name: String,
    /// Its files, by name, with their bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Every folder of `data/releases/` under `root`, sorted by name; entries
/// whose names start with a dot are skipped (a release being written), and
/// anything that is not a plain file in a release folder is a problem.
pub(crate) fn read_releases(root: &Path) -> (Vec<ReleaseFolder>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let folder = root.join(RELEASES_FOLDER);
    let mut releases = Vec::new();
    for (name, kind) in listing(&folder) {
        let display = format!("{RELEASES_FOLDER}/{name}");
        if !kind.is_dir() {
            problems.push(
                Diagnostic::error(&display, "not a release folder: data/releases/ holds only the folders `claimtrail release` writes")
                    .hint("move it out of data/releases/"),
            );
            continue;
        }
        let mut release = ReleaseFolder {
            name: name.clone(),
            files: Vec::new(),
        };
        for (file, kind) in listing(&folder.join(&name)) {
            let path = folder.join(&name).join(&file);
            let display = format!("{display}/{file}");
            let size = fs::symlink_metadata(&path).map(|m| m.len()).unwrap_or(0);
            if !kind.is_file() {
                problems.push(Diagnostic::error(
                    &display,
                    "a release holds only plain files, not folders or links",
                ));
            } else if size > MAX_RELEASE_FILE_BYTES {
                problems.push(Diagnostic::error(&display, format!("the file is {size} bytes; a released file may be at most {MAX_RELEASE_FILE_BYTES}")));
            } else {
                match fs::read(&path) {
                    Ok(bytes) => release.files.push((file, bytes)),
                    Err(error) => problems.push(Diagnostic::error(
                        &display,
                        format!("cannot read the file: {error}"),
                    )),
                }
            }
        }
        releases.push(release);
    }
    (releases, problems)
}

/// The entries of `folder` not starting with a dot, with their types (links
/// not followed), sorted by name; nothing when it cannot be read.
fn listing(folder: &Path) -> Vec<(String, fs::FileType)> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<(String, fs::FileType)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_string();
            let kind = entry.file_type().ok()?;
            (!name.starts_with('.')).then_some((name, kind))
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}
