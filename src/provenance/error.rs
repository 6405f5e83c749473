//! The error of reading the repository: what gix said, as text.

use std::fmt;

/// A failure to read a revision or an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitError(pub String);

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GitError {}

/// Turns any gix error into a [`GitError`].
pub(crate) fn git_error(error: impl fmt::Display) -> GitError {
    GitError(error.to_string())
}
