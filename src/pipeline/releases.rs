//! What the pipeline does beside the pages: reading the content's git
//! history into the site, publishing the frozen releases of `data/releases/`,
//! and making the data files a new release freezes.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{check_loaded, load_site};
use crate::assemble::{Checked, status_ids};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::load::{self, SiteFiles};
use crate::output_file::OutputFile;
use crate::render;

/// Every file of every release in `data/releases/`, published unchanged
/// under `/data/releases/<version>/` (`check` has verified them).
pub(crate) fn release_files(site_files: &SiteFiles) -> Vec<OutputFile> {
    (site_files.releases.iter())
        .flat_map(|release| {
            release.files.iter().map(|(name, bytes)| OutputFile {
                path: format!("{}/{}/{name}", load::RELEASES_FOLDER, release.name),
                bytes: bytes.clone(),
            })
        })
        .collect()
}

/// The data files a release freezes, in the order `release` lists them.
pub(crate) const RELEASED_DATA: [&str; 6] = [
    "claims.json",
    "claims.csv",
    "sources.json",
    "entities.json",
    "documents.json",
    "changes.json",
];

/// The site at `root` as `build` would publish it (drafts left out, its
/// git history read when there is one), and its data files
/// ([`RELEASED_DATA`], `changes.json` only with history), made in memory
/// and written nowhere: what `claimtrail release` freezes. Fails as `check`
/// would on a site with errors.
pub(crate) fn data_files(root: &Path) -> Result<(crate::model::Site, Vec<OutputFile>), Error> {
    let loaded = load_site(root)?;
    let (checked, _) = check_loaded(loaded, false, |_, _| {});
    let Checked { site, diagnostics } = checked;
    let Some(mut site) = site else {
        return Err(Error::Content(diagnostics));
    };
    // Without history the release simply has no changes.json.
    let _ = read_provenance(root, &mut site);
    let theme = render::Theme::uncompiled();
    let files = render::with_renderer(&site, theme, &[], |renderer| {
        (RELEASED_DATA.iter())
            .filter_map(|path| renderer.render_path(path))
            .collect::<Result<Vec<OutputFile>, Diagnostic>>()
    });
    let files = files.map_err(|problem| {
        let mut all = diagnostics;
        all.push(problem);
        Error::Content(all)
    })?;
    Ok((site, files))
}

/// How a build read the content's git history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryRead {
    /// The commits read: all of them, or those since the history kept by the
    /// build before (`.claimtrail/history.json`).
    pub commits: usize,
    /// How long reading took.
    pub elapsed: Duration,
}

/// Reads the content's git history into `site`; when it cannot, the note
/// saying why and how to enable it (the site builds as without provenance).
pub(super) fn read_provenance(
    root: &Path,
    site: &mut crate::model::Site,
) -> Result<HistoryRead, String> {
    let started = Instant::now();
    let statuses = status_ids(Some(&site.config));
    let statuses: Vec<&str> = statuses.iter().map(String::as_str).collect();
    let (history, commits) =
        crate::provenance::read(root, &statuses).map_err(|unavailable| unavailable.note())?;
    site.provenance = Some(std::sync::Arc::new(history));
    Ok(HistoryRead {
        commits,
        elapsed: started.elapsed(),
    })
}
