//! Published releases: the frozen data files in `data/releases/<version>/`.
//!
//! [`version`] says what a release may be named; [`verify`] holds every
//! release to its `SHA256SUMS`, so `check` refuses an edit to a released
//! file; [`summaries`] describes each release for the `/data/` page.
//! `claimtrail release` (in `crate::release`) writes them.

mod checksums;
mod verify;
pub mod version;

use serde::Serialize;

pub(crate) use crate::load::ReleaseFolder;
pub use checksums::{CHECKSUMS_FILE, checksums_text};
pub(crate) use verify::verify;

/// One file of a release, for the `/data/` page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseFile {
    /// Its name, e.g. `claims.json`.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Its media type, e.g. `application/json`.
    pub media_type: &'static str,
}

/// A release, for the `/data/` page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Release {
    /// The release's name.
    pub version: String,
    /// The date of its data (the newest `last_updated` of its claims), if it has claims.
    pub date: Option<String>,
    /// Its files, by name.
    pub files: Vec<ReleaseFile>,
}

/// The releases of `folders` with valid names, newest first.
pub(crate) fn summaries(folders: &[ReleaseFolder]) -> Vec<Release> {
    let mut named: Vec<(version::Version, &ReleaseFolder)> = folders
        .iter()
        .filter_map(|folder| Some((version::parse(&folder.name).ok()?, folder)))
        .collect();
    named.sort_by(|a, b| b.0.cmp(&a.0));
    named
        .into_iter()
        .map(|(version, folder)| Release {
            version: version.name,
            date: folder
                .files
                .iter()
                .find(|(name, _)| name == "claims.json")
                .and_then(|(_, bytes)| newest_date(bytes)),
            files: folder
                .files
                .iter()
                .map(|(name, bytes)| ReleaseFile {
                    name: name.clone(),
                    bytes: bytes.len() as u64,
                    media_type: media_type(name),
                })
                .collect(),
        })
        .collect()
}

/// The newest `last_updated` of the claims of a `claims.json`: the date of
/// its data, which `CITATION.cff` gives as `date-released`.
pub fn newest_date(claims_json: &[u8]) -> Option<String> {
    let json: serde_json::Value = serde_json::from_slice(claims_json).ok()?;
    json.get("claims")?
        .as_array()?
        .iter()
        .filter_map(|claim| claim.get("last_updated")?.as_str())
        .max()
        .map(str::to_string)
}

/// The media type of a released file, by its extension.
pub fn media_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("json") => "application/json",
        Some("csv") => "text/csv",
        Some("md") => "text/markdown",
        _ => "text/plain",
    }
}
