//! The value every producing stage hands to the write stage: one file of the
//! finished site, path and bytes, made in memory.

/// One file of the finished site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}
