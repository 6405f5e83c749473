//! What can stop a command, besides problems in the content.

use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;

/// What can stop a command, besides problems in the content.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The command cannot do what was asked (bad flag, unsafe output folder, ...).
    #[error("{0}")]
    Usage(String),
    /// The content has errors; the diagnostics say which.
    #[error("the site has errors")]
    Content(Diagnostics),
}

impl Error {
    /// An I/O error that names its path.
    pub fn io(path: &Path, source: io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
