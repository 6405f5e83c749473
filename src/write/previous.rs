//! Reading back the previous build's output, for a stage that may reuse part
//! of it (the search index). Only plain files inside a folder claimtrail
//! wrote are read: a symbolic link planted in the old output is never followed.

use std::fs;
use std::path::{Path, PathBuf};

use super::{is_output_folder, safe_join};

/// The output folder of a previous build, open for reading.
#[derive(Debug, Clone)]
pub(crate) struct PreviousOutput {
    folder: PathBuf,
}

impl PreviousOutput {
    /// The output folder at `output`, if claimtrail wrote it (it has the marker).
    pub(crate) fn open(output: &Path) -> Option<PreviousOutput> {
        is_output_folder(output).then(|| PreviousOutput {
            folder: output.to_path_buf(),
        })
    }

    /// [`read`](Self::read) over the output at `output`, as a closure (the
    /// form the search stage takes); it reads nothing unless claimtrail wrote
    /// that folder.
    pub(crate) fn reader(output: &Path) -> impl Fn(&str) -> Option<Vec<u8>> + use<> {
        let previous = PreviousOutput::open(output);
        move |relative| previous.as_ref()?.read(relative)
    }

    /// The bytes of the file at `relative` (`/`-separated), or `None` when it
    /// is missing, unreadable, not a plain file, outside the folder, or
    /// reached through a symbolic link at any step of its path.
    pub(crate) fn read(&self, relative: &str) -> Option<Vec<u8>> {
        let full = safe_join(&self.folder, relative).ok()?;
        let mut path = self.folder.clone();
        let mut names = Path::new(relative).components().peekable();
        while let Some(name) = names.next() {
            path.push(name);
            let kind = fs::symlink_metadata(&path).ok()?.file_type();
            let expected = if names.peek().is_some() {
                kind.is_dir()
            } else {
                kind.is_file()
            };
            if !expected {
                return None;
            }
        }
        fs::read(full).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::MARKER;

    /// An output folder holding `pagefind/index/a.pf` with `index`.
    fn output() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(MARKER), "").unwrap();
        fs::create_dir_all(dir.path().join("pagefind/index")).unwrap();
        fs::write(dir.path().join("pagefind/index/a.pf"), "index").unwrap();
        dir
    }

    #[test]
    fn plain_files_of_an_output_folder_are_read() {
        let dir = output();
        let previous = PreviousOutput::open(dir.path()).unwrap();
        assert_eq!(previous.read("pagefind/index/a.pf").unwrap(), b"index");
        assert!(previous.read("pagefind/index/b.pf").is_none(), "missing");
        assert!(previous.read("pagefind/index").is_none(), "a folder");
        assert!(previous.read("../a.pf").is_none(), "outside the folder");
        assert!(previous.read("").is_none(), "no path");
    }

    #[test]
    fn a_folder_without_the_marker_is_not_opened() {
        let dir = output();
        fs::remove_file(dir.path().join(MARKER)).unwrap();
        assert!(PreviousOutput::open(dir.path()).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_anywhere_on_the_path_is_not_followed() {
        let elsewhere = tempfile::tempdir().unwrap();
        fs::create_dir_all(elsewhere.path().join("index")).unwrap();
        fs::write(elsewhere.path().join("index/a.pf"), "secret").unwrap();
        let dir = output();
        let previous = PreviousOutput::open(dir.path()).unwrap();
        let link = |target: &Path, at: &str| {
            std::os::unix::fs::symlink(target, dir.path().join(at)).unwrap();
        };
        link(
            &elsewhere.path().join("index/a.pf"),
            "pagefind/index/file.pf",
        );
        link(&elsewhere.path().join("index"), "pagefind/folder");
        link(elsewhere.path(), "linked");
        assert!(previous.read("pagefind/index/file.pf").is_none(), "a file");
        assert!(previous.read("pagefind/folder/a.pf").is_none(), "a folder");
        assert!(
            previous.read("linked/index/a.pf").is_none(),
            "the top folder"
        );
        assert_eq!(previous.read("pagefind/index/a.pf").unwrap(), b"index");
    }
}
