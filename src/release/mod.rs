//! `claimtrail release <version>`: freezes the site's data files into
//! `data/releases/<version>/` with release notes (`CHANGES.md`, see
//! [`changes`]) and `SHA256SUMS`, and writes or updates `CITATION.cff`
//! ([`citation`]). See docs/releases.md.

mod changes;
mod citation;

use std::fs;
use std::path::Path;

use crate::error::Error;
use crate::load::RELEASES_FOLDER;
use crate::pipeline::data_files;
use crate::releases::{CHECKSUMS_FILE, checksums_text, version};
pub use citation::CITATION_FILE;

/// The release notes' file name.
pub const CHANGES_FILE: &str = "CHANGES.md";

/// What [`release`] did.
#[derive(Debug, Clone)]
pub struct Released {
    /// Every file written, from the site root.
    pub written: Vec<String>,
    /// How many claims the release holds.
    pub claims: usize,
    /// The date of its data (`date-released`).
    pub date: String,
    /// What changed since the previous release, in a line.
    pub changes: String,
}

/// Releases the data of the site at `root` as `version`.
///
/// Refuses an invalid name, a name already released, a name that does not
/// come after the latest release, and a site with errors (an edited earlier
/// release among them). Nothing is written unless everything is ready.
pub fn release(root: &Path, version_name: &str) -> Result<Released, Error> {
    let version = version::parse(version_name).map_err(Error::Usage)?;
    let folder = root.join(RELEASES_FOLDER).join(&version.name);
    if fs::symlink_metadata(&folder).is_ok() {
        return Err(Error::Usage(format!(
            "release {} exists already ({RELEASES_FOLDER}/{}/): a release is never replaced; choose the next version",
            version.name, version.name
        )));
    }
    let (site, files) = data_files(root)?;
    let latest = site.releases.first().map(|r| r.version.clone());
    if let Some(latest) = &latest
        && version::parse(latest).is_ok_and(|latest| latest >= version)
    {
        return Err(Error::Usage(format!(
            "release {} would not come after the latest release, {latest}: name it with a later version",
            version.name
        )));
    }
    let date = (site
        .claims
        .iter()
        .map(crate::model::Claim::last_updated)
        .max())
    .unwrap_or_else(|| time::OffsetDateTime::now_utc().date())
    .to_string();
    let claims_json = files
        .iter()
        .find(|f| f.path == "claims.json")
        .map_or(&[][..], |f| f.bytes.as_slice());
    let previous = match &latest {
        Some(name) => {
            let path = root.join(RELEASES_FOLDER).join(name).join("claims.json");
            Some((
                name.as_str(),
                fs::read(&path).map_err(|e| Error::io(&path, e))?,
            ))
        }
        None => None,
    };
    let (notes, summary) = changes::notes(
        (&site.config.title, &version.name, &date),
        previous
            .as_ref()
            .map(|(name, json)| (*name, json.as_slice())),
        claims_json,
    );
    let citation_path = root.join(CITATION_FILE);
    let existing = match fs::read_to_string(&citation_path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(Error::io(&citation_path, error)),
    };
    let citation = citation::citation(existing.as_deref(), &site.config, &version.name, &date)
        .map_err(Error::Usage)?;
    let mut release: Vec<(String, Vec<u8>)> =
        files.into_iter().map(|f| (f.path, f.bytes)).collect();
    release.push((CHANGES_FILE.to_string(), notes.into_bytes()));
    release.sort();
    let sums = checksums_text(&release);
    release.push((CHECKSUMS_FILE.to_string(), sums.into_bytes()));
    write_release(root, &version.name, &release)?;
    fs::write(&citation_path, citation).map_err(|e| Error::io(&citation_path, e))?;
    let mut written: Vec<String> = (release.iter())
        .map(|(name, _)| format!("{RELEASES_FOLDER}/{}/{name}", version.name))
        .collect();
    written.push(CITATION_FILE.to_string());
    Ok(Released {
        written,
        claims: site.claims.len(),
        date,
        changes: summary,
    })
}

/// Writes the release's files into a hidden folder beside its place, then
/// renames it into place: a release folder is whole or absent.
fn write_release(root: &Path, name: &str, files: &[(String, Vec<u8>)]) -> Result<(), Error> {
    let releases = root.join(RELEASES_FOLDER);
    fs::create_dir_all(&releases).map_err(|e| Error::io(&releases, e))?;
    let staging = releases.join(format!(".release-{name}"));
    fs::create_dir(&staging).map_err(|error| match error.kind() {
        std::io::ErrorKind::AlreadyExists => Error::Usage(format!(
            "{} is left from an interrupted release of {name}; remove it and release again",
            staging.display()
        )),
        _ => Error::io(&staging, error),
    })?;
    for (file, bytes) in files {
        let path = staging.join(file);
        fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    let target = releases.join(name);
    fs::rename(&staging, &target).map_err(|e| Error::io(&target, e))
}
