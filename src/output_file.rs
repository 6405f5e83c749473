//! The value every producing stage hands to the write stage: one file of the
//! finished site, path and bytes, made in memory; and the output's one
//! reserved folder, which search fills and write keeps `static/` out of.

/// The folder of the output that holds the search index and Pagefind's
/// scripts, reserved whether or not the index is built.
pub(crate) const SEARCH_FOLDER: &str = "pagefind";

/// One file of the finished site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}
