//! The search stage: a full-text index of the site, built with Pagefind.
//!
//! [`records`] turns the model into compact records, [`engine`] indexes them
//! in process, and [`reuse`] keeps the previous build's index when the
//! records have not changed. The files go into the output's `pagefind/`
//! folder with the rest of the site, in the same atomic write.

pub(crate) mod engine;
mod record;
mod record_text;
pub mod records;
pub(crate) mod reuse;

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::output_file::OutputFile;

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
pub(crate) struct SearchStage {
    /// The files of `pagefind/`, stamp included; empty when skipped.
    pub files: Vec<OutputFile>,
    /// Indexed, reused or skipped.
    pub outcome: SearchOutcome,
}

/// The build's search stage: with `enabled`, the index of `site`, taken from
/// the previous output when its records are unchanged. `previous` reads a
/// file of the previous output by its `/`-separated path (see [`reuse::previous`]);
/// the caller opens that folder, so this stage touches no folder itself.
pub(crate) fn stage(
    site: &Site,
    previous: impl Fn(&str) -> Option<Vec<u8>>,
    enabled: bool,
) -> Result<SearchStage, Diagnostic> {
    if !enabled {
        return Ok(SearchStage {
            files: Vec::new(),
            outcome: SearchOutcome::Skipped,
        });
    }
    let records = records::records(site);
    let layout = Layout::of(site);
    let fingerprint = reuse::fingerprint(&records, &layout);
    let (files, outcome) = match reuse::previous(previous, &fingerprint) {
        Some(files) => (files, SearchOutcome::Reused),
        None => (
            fresh(records, &layout, &fingerprint)?,
            SearchOutcome::Indexed,
        ),
    };
    Ok(SearchStage { files, outcome })
}

/// The index of `site` (every file of `pagefind/`, stamp included), built
/// from scratch without reading any folder.
///
/// For `serve`, to call after a reload from a background thread, so a reload
/// never waits for indexing. It blocks while it runs (seconds at 10,000 claims,
/// docs/performance.md) and starts its own async runtime, so call it from a plain
/// thread (`std::thread::spawn`), not from inside an async task.
pub fn index_files(site: &Site) -> Result<Vec<OutputFile>, Diagnostic> {
    let records = records::records(site);
    let layout = Layout::of(site);
    let fingerprint = reuse::fingerprint(&records, &layout);
    fresh(records, &layout, &fingerprint)
}

/// The folders of the index bundles after the first, as paths from the site
/// root (`pagefind/bundle-2/`, ...): what the search page merges into the
/// first bundle's results. Empty for a site of one bundle.
pub fn merged_bundles(site: &Site) -> Vec<String> {
    let count = engine::bundle_count(records::count(site), site.config.search.bundle_records);
    (1..count).map(engine::bundle_folder).collect()
}

/// A warning about the site's own `templates/search.html` (its text, if it
/// has one) when it will not work: one from before claimtrail rendered search
/// results itself, or one that leaves out the index's other bundles. Part of
/// `check`, so `check`, `build` and `serve` all say it.
pub(crate) fn template_warning(site: &Site, search_template: Option<&str>) -> Option<Diagnostic> {
    let text = search_template?;
    outdated_template_warning(text).or_else(|| unmerged_template_warning(text, site))
}

/// The element `search.js` puts results into; a search page without it shows none.
const RESULTS_ELEMENT: &str = "ct-search-results";

/// A warning when the search page `text` lacks the results element, as a
/// page made for Pagefind's default UI does.
fn outdated_template_warning(text: &str) -> Option<Diagnostic> {
    if text.contains(RESULTS_ELEMENT) {
        return None;
    }
    let message = format!(
        "this search page has no `{RESULTS_ELEMENT}` element, so `search.js` shows no results on it"
    );
    Some(
        Diagnostic::warning("templates/search.html", message).hint(
            "start again from claimtrail's own `templates/search.html`; docs/templates.md (Search) lists the ids and classes `search.js` fills",
        ),
    )
}

/// A warning when the search page `text` leaves out the index's other
/// bundles (a template from before bundles existed).
fn unmerged_template_warning(text: &str, site: &Site) -> Option<Diagnostic> {
    let others = merged_bundles(site).len();
    if others == 0 || text.contains("merged_bundles") {
        return None;
    }
    let message = format!(
        "this search page searches only the first of the index's {} bundles",
        others + 1
    );
    Some(
        Diagnostic::warning("templates/search.html", message).hint(
            "add `data-merge=\"{{ merged_bundles | join(sep=\" \") }}\"` to the `#ct-search` element (see docs/templates.md)",
        ),
    )
}

/// What shapes the index besides its records.
pub(crate) struct Layout {
    /// Pagefind's language code (see [`engine::language_code`]).
    pub language: String,
    /// The most records a bundle holds (`[search] bundle_records`).
    pub bundle_records: usize,
}

impl Layout {
    /// The layout `site.toml` asks for.
    pub(crate) fn of(site: &Site) -> Layout {
        Layout {
            language: engine::language_code(&site.config.language),
            bundle_records: site.config.search.bundle_records,
        }
    }
}

/// A new index of `records`, with its stamp.
fn fresh(
    records: Vec<records::Record>,
    layout: &Layout,
    fingerprint: &str,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let mut files =
        engine::index(records, &layout.language, layout.bundle_records).map_err(failure)?;
    files.push(reuse::stamp(fingerprint, &files));
    Ok(files)
}

fn failure(message: String) -> Diagnostic {
    Diagnostic::error("pagefind/", format!("cannot build the search index: {message}")).hint(
        "build without search with `claimtrail build --no-search`, and report this message to claimtrail's maintainers",
    )
}
