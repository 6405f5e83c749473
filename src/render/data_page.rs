//! `/data/`: every open data file the site publishes, linked and described,
//! and the index pages of `/claims/` and `/status/`, so that no folder a
//! reader walks up to is missing.

use serde::Serialize;

use super::lists::claim_list_pages;
use super::pages::{Job, context};
use super::theme;
use super::viewer::Viewer;

/// One file the data page lists.
#[derive(Debug, Clone, Copy, Serialize)]
pub(super) struct DataFile {
    /// Its path from the site root, e.g. `claims.json`.
    pub path: &'static str,
    /// Its format, for the reader choosing one: `JSON`, `CSV`, `Atom`.
    pub format: &'static str,
    /// What it holds, in a sentence.
    pub what: &'static str,
}

/// The published data files, in the order the page lists them: a new data
/// file is one more line here.
pub(super) const DATA_FILES: &[DataFile] = &[
    DataFile {
        path: "claims.json",
        format: "JSON",
        what: "Every published claim with its claimant, entities, appearances (where it was made, with quotes), evidence (citations with quotes, stances and reported values), history and current verdict.",
    },
    DataFile {
        path: "claims.csv",
        format: "CSV",
        what: "One row per claim, for spreadsheets: title, date, claimant, verdict, entities, tags, quantity (with qualifier and range), and the number of pieces of evidence for and against.",
    },
    DataFile {
        path: "sources.json",
        format: "JSON",
        what: "Every source (publisher), with the claims it made and cited and its track record.",
    },
    DataFile {
        path: "entities.json",
        format: "JSON",
        what: "Every entity (company, model, product, person), with its parent, children and the claims about it.",
    },
    DataFile {
        path: "documents.json",
        format: "JSON",
        what: "Every document (article, paper, model card …), with its publisher, the claims it makes and the claims it is cited in as evidence, and a scorecard of their verdicts.",
    },
    DataFile {
        path: "changes.json",
        format: "JSON",
        what: "Every claim, document, source, entity and page with when it was entered and last changed, and each change git recorded: the commit, its date and subject, the pull request, and what changed (verdict, evidence, quotes, values, title, renames). Published when the site is built from its full git history.",
    },
    DataFile {
        path: "claimreview-feed.json",
        format: "JSON",
        what: "Every claim's verdict as a schema.org ClaimReview in a DataFeed, the format fact-check aggregators read. Each claim, document, source and entity also has its own JSON file beside its page (index.json), and each claim a verdict badge (badge.svg).",
    },
    DataFile {
        path: "feed.xml",
        format: "Atom",
        what: "The newest claims and verdict changes, for feed readers; each entity and each document has its own feed, linked from its page.",
    },
];

/// A data file with its address on this site.
#[derive(Serialize)]
struct DataFileView {
    #[serde(flatten)]
    file: DataFile,
    url: String,
}

/// `/data/`, `/claims/` (every claim, paginated) and `/status/` (every
/// verdict with its count).
pub(super) fn index_pages<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let mut jobs = vec![
        Job::html("data/", theme::DATA, move || {
            let files: Vec<DataFileView> = (DATA_FILES.iter())
                .filter(|file| {
                    file.path != super::changes::DATA_PATH || super::changes::published(viewer)
                })
                .map(|file| DataFileView {
                    file: *file,
                    url: viewer.urls.path(file.path),
                })
                .collect();
            let mut page = context("data/", "Open data");
            page.insert("files", &files);
            page
        }),
        Job::html("status/", theme::STATUSES, move || {
            let all: Vec<usize> = (0..viewer.site.claims.len()).collect();
            let mut page = context("status/", "Verdicts");
            page.insert("status_counts", &viewer.status_counts(&all));
            page.insert("claim_total", &all.len());
            page
        }),
    ];
    let all: Vec<usize> = (0..viewer.site.claims.len()).collect();
    jobs.extend(claim_list_pages(
        viewer,
        "claims/",
        theme::LIST,
        &all,
        "All claims".to_string(),
        |_| {},
    ));
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_the_site_writes_is_on_the_data_page() {
        let listed: Vec<&str> = DATA_FILES.iter().map(|file| file.path).collect();
        for path in super::super::data::PATHS.iter().chain(&["claims.csv"]) {
            assert!(listed.contains(path), "{path} is missing from DATA_FILES");
        }
    }
}
