//! `archive.lock` at the site root, read as text. What it says is read by
//! [`crate::archive_records`]; here it is only found, size-checked and decoded.

use std::fs;
use std::path::Path;

use super::symlinks;
use super::text::decode;
use crate::diagnostic::Diagnostic;

/// The lock file `claimtrail archive` writes at the site root.
pub(crate) const ARCHIVE_LOCK_FILE: &str = "archive.lock";

/// Largest lock file accepted: room for tens of thousands of cited
/// addresses, each with its quotes and nearest passages.
const MAX_LOCK_BYTES: u64 = 32 * 1024 * 1024;

/// What the load stage found at [`ARCHIVE_LOCK_FILE`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum LockText {
    /// The site has no lock file: nothing is archived yet.
    #[default]
    Absent,
    /// The file's text.
    Text(String),
    /// The file is there but cannot be read as text: the problem, and the
    /// text to quote if there is any.
    Unreadable(Box<(Diagnostic, Option<String>)>),
}

/// Reads the lock file of the site at `root`. A link is followed only
/// within the site; the file is refused when too big or not UTF-8.
pub(crate) fn read_lock(root: &Path) -> LockText {
    let path = root.join(ARCHIVE_LOCK_FILE);
    let refuse = |message: String, hint: &str| {
        LockText::Unreadable(Box::new((
            Diagnostic::error(ARCHIVE_LOCK_FILE, message).hint(hint),
            None,
        )))
    };
    if symlinks::is_symlink(&path) && symlinks::leads_outside(root, &path) {
        return LockText::Unreadable(Box::new((symlinks::diagnostic(root, &path), None)));
    }
    if !path.is_file() {
        return LockText::Absent;
    }
    let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_LOCK_BYTES {
        let message = format!("the file is {size} bytes; it may be at most {MAX_LOCK_BYTES} bytes");
        return refuse(
            message,
            "remove entries for addresses no claim cites any more",
        );
    }
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            return refuse(
                format!("cannot read the file: {error}"),
                "check the file's permissions",
            );
        }
    };
    let binary = (
        "TOML",
        "the lock file must be text; run `claimtrail archive` to write it again".to_string(),
    );
    match decode(ARCHIVE_LOCK_FILE, bytes, binary) {
        Ok(text) => LockText::Text(text),
        Err(unreadable) => LockText::Unreadable(unreadable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_lock_is_absent_and_a_present_one_is_its_text() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_lock(dir.path()), LockText::Absent);
        fs::write(dir.path().join(ARCHIVE_LOCK_FILE), "version = 1\n").unwrap();
        assert_eq!(
            read_lock(dir.path()),
            LockText::Text("version = 1\n".into())
        );
    }

    #[test]
    fn a_lock_that_is_not_text_is_unreadable_not_absent() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(ARCHIVE_LOCK_FILE), b"version\0= 1").unwrap();
        let LockText::Unreadable(problem) = read_lock(dir.path()) else {
            panic!("a binary lock file is a problem");
        };
        assert_eq!(problem.0.file, ARCHIVE_LOCK_FILE);
        assert!(
            problem.0.message.contains("binary"),
            "{}",
            problem.0.message
        );
    }
}
