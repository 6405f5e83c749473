//! The search stage: a full-text index of the site, built with Pagefind.
//!
//! [`records`] turns the model into compact records, [`engine`] indexes them
//! in process, and [`reuse`] keeps the previous build's index when the
//! records have not changed. The files go into the output's `pagefind/`
//! folder with the rest of the site, in the same atomic write.

pub mod engine;
pub mod records;
pub mod reuse;

use std::path::Path;
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::render::OutputFile;

/// What the search stage did in a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchOutcome {
    /// The records changed (or there was no previous index): indexed anew.
    Indexed,
    /// The previous output had an index of the same records: its files were kept.
    Reused,
    /// `--no-search`: no index was written.
    Skipped,
}

/// The search stage's files and what it did.
#[derive(Debug)]
pub struct SearchStage {
    /// The files of `pagefind/`, stamp included; empty when skipped.
    pub files: Vec<OutputFile>,
    /// Indexed, reused or skipped.
    pub outcome: SearchOutcome,
    /// How many records the index holds (0 when skipped).
    pub records: usize,
    /// Wall time of the stage.
    pub elapsed: std::time::Duration,
}

/// The build's search stage: with `enabled`, the index of `site`, taken from
/// the claimtrail output at `previous_output` when its records are unchanged.
pub fn stage(
    site: &Site,
    previous_output: &Path,
    enabled: bool,
) -> Result<SearchStage, Diagnostic> {
    let started = Instant::now();
    if !enabled {
        return Ok(SearchStage {
            files: Vec::new(),
            outcome: SearchOutcome::Skipped,
            records: 0,
            elapsed: started.elapsed(),
        });
    }
    let records = records::records(site);
    let count = records.len();
    let language = &engine::language_code(&site.config.language);
    let fingerprint = reuse::fingerprint(&records, language);
    let (files, outcome) = match reuse::previous(previous_output, &fingerprint) {
        Some(files) => (files, SearchOutcome::Reused),
        None => (
            fresh(records, language, &fingerprint)?,
            SearchOutcome::Indexed,
        ),
    };
    Ok(SearchStage {
        files,
        outcome,
        records: count,
        elapsed: started.elapsed(),
    })
}

/// The index of `site` (every file of `pagefind/`, stamp included), built
/// from scratch without reading any folder.
///
/// For `serve`, to call after a reload from a background thread, so a reload
/// never waits for indexing. It blocks while it runs (about 2.2 seconds and
/// 470 MiB at 10,000 claims on 2 cores) and starts its own async runtime, so call it from a plain
/// thread (`std::thread::spawn`), not from inside an async task.
pub fn index_files(site: &Site) -> Result<Vec<OutputFile>, Diagnostic> {
    let records = records::records(site);
    let language = &engine::language_code(&site.config.language);
    let fingerprint = reuse::fingerprint(&records, language);
    fresh(records, language, &fingerprint)
}

/// A new index of `records`, with its stamp.
fn fresh(
    records: Vec<records::Record>,
    language: &str,
    fingerprint: &str,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let mut files = engine::index(records, language).map_err(failure)?;
    files.push(reuse::stamp(fingerprint, &files));
    Ok(files)
}

fn failure(message: String) -> Diagnostic {
    Diagnostic::error("pagefind/", format!("cannot build the search index: {message}")).hint(
        "build without search with `claimtrail build --no-search`, and report this message to claimtrail's maintainers",
    )
}
