//! `/data/`: every open data file the site publishes, linked and described,
//! and the index pages of `/claims/` and `/status/`, so that no folder a
//! reader walks up to is missing.

use serde::Serialize;

use super::lists::claim_list_pages;
use super::pages::{Job, context};
use super::theme;
use super::viewer::Viewer;

/// One file the data page lists; what it holds is the translation table's
/// `data_<path>` (`.` as `_`, e.g. `data_claims_json`).
#[derive(Debug, Clone, Copy, Serialize)]
pub(super) struct DataFile {
    /// Its path from the site root, e.g. `claims.json`.
    pub path: &'static str,
    /// Its format, for the reader choosing one: `JSON`, `CSV`, `Atom`.
    pub format: &'static str,
}

/// The published data files, in the order the page lists them: a new data
/// file is one more line here.
pub(super) const DATA_FILES: &[DataFile] = &[
    DataFile {
        path: "claims.json",
        format: "JSON",
    },
    DataFile {
        path: "claims.csv",
        format: "CSV",
    },
    DataFile {
        path: "sources.json",
        format: "JSON",
    },
    DataFile {
        path: "entities.json",
        format: "JSON",
    },
    DataFile {
        path: "documents.json",
        format: "JSON",
    },
    DataFile {
        path: "changes.json",
        format: "JSON",
    },
    DataFile {
        path: "claimreview-feed.json",
        format: "JSON",
    },
    DataFile {
        path: "feed.xml",
        format: "Atom",
    },
];

/// A data file with its address on this site.
#[derive(Serialize)]
struct DataFileView {
    #[serde(flatten)]
    file: DataFile,
    url: String,
    /// What it holds, in the site's language.
    what: String,
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
                    what: (viewer.t())
                        .text(&format!("data_{}", file.path.replace('.', "_")))
                        .to_string(),
                })
                .collect();
            let mut page = context("data/", viewer.t().text("open_data"));
            page.insert("files", &files);
            page.insert("releases", &super::dataset::release_views(viewer));
            let live: Vec<(&str, &str)> = (files.iter())
                .map(|view| (view.file.path, view.file.format))
                .collect();
            page.insert("json_ld", &super::dataset::dataset(viewer, &live));
            page
        }),
        Job::html("status/", theme::STATUSES, move || {
            let all: Vec<usize> = (0..viewer.site.claims.len()).collect();
            let mut page = context("status/", viewer.t().text("verdicts"));
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
        viewer.t().text("all_claims_title").to_string(),
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
