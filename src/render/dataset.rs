//! The `/data/` page's schema.org `Dataset` (JSON-LD), which dataset search
//! engines read, and its list of releases.
//!
//! The Dataset describes the latest release when there is one (its version,
//! date and files under `/data/releases/<version>/`), else the live data
//! files. Keys are declared in byte order of their JSON names.

use serde::Serialize;

use super::json::script_safe;
use super::viewer::Viewer;
use crate::load::RELEASES_FOLDER;
use crate::releases::Release;

#[derive(Serialize)]
struct Dataset<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    creator: Creator<'a>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    description: String,
    distribution: Vec<Download>,
    #[serde(rename = "isAccessibleForFree")]
    free: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    license: Option<&'a str>,
    name: &'a str,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'a str>,
}

#[derive(Serialize)]
struct Creator<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Download {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "contentUrl")]
    content_url: String,
    #[serde(rename = "encodingFormat")]
    encoding_format: &'static str,
    name: String,
}

fn download(content_url: String, encoding_format: &'static str, name: &str) -> Download {
    Download {
        kind: "DataDownload",
        content_url,
        encoding_format,
        name: name.to_string(),
    }
}

/// The Dataset JSON-LD of the site, safe to embed in a `<script>` element;
/// `live` are the data files the site publishes, each a path and a format
/// (`JSON`, `CSV`, `Atom`).
pub(super) fn dataset(viewer: &Viewer, live: &[(&str, &str)]) -> String {
    let config = &viewer.site.config;
    let latest = viewer.site.releases.first();
    let distribution = match latest {
        Some(release) => (release.files.iter())
            .map(|file| {
                download(
                    file_url(viewer, release, &file.name),
                    file.media_type,
                    &file.name,
                )
            })
            .collect(),
        None => (live.iter())
            .map(|&(path, format)| download(viewer.urls.absolute(path), media_type(format), path))
            .collect(),
    };
    let description = if config.description.is_empty() {
        format!(
            "The open data of {}: claims about AI, who made them, where, the evidence about them and their verdicts.",
            config.title
        )
    } else {
        config.description.clone()
    };
    script_safe(&Dataset {
        context: "https://schema.org",
        kind: "Dataset",
        creator: Creator {
            kind: config.publisher.kind.schema_type(),
            name: &config.publisher.name,
            url: &config.publisher.url,
        },
        date_published: latest.and_then(|r| r.date.as_deref()),
        description,
        distribution,
        free: true,
        license: config.license.as_deref(),
        name: &config.title,
        url: viewer.urls.absolute("data/"),
        version: latest.map(|r| r.version.as_str()),
    })
}

/// The absolute address of a released file.
fn file_url(viewer: &Viewer, release: &Release, name: &str) -> String {
    viewer
        .urls
        .absolute(&format!("{RELEASES_FOLDER}/{}/{name}", release.version))
}

/// A release as the `/data/` page lists it: its version, date, notes and files.
#[derive(Serialize)]
pub(super) struct ReleaseView<'a> {
    version: &'a str,
    date: Option<&'a str>,
    /// The release folder's address on this site, ending in `/`.
    url: String,
    files: Vec<ReleaseFileView<'a>>,
}

#[derive(Serialize)]
struct ReleaseFileView<'a> {
    name: &'a str,
    url: String,
    bytes: u64,
}

/// Every release, newest first, for the `/data/` page.
pub(super) fn release_views<'a>(viewer: &Viewer<'a, '_>) -> Vec<ReleaseView<'a>> {
    (viewer.site.releases.iter())
        .map(|release| ReleaseView {
            version: &release.version,
            date: release.date.as_deref(),
            url: viewer
                .urls
                .path(&format!("{RELEASES_FOLDER}/{}/", release.version)),
            files: (release.files.iter())
                .map(|file| ReleaseFileView {
                    name: &file.name,
                    url: viewer.urls.path(&format!(
                        "{RELEASES_FOLDER}/{}/{}",
                        release.version, file.name
                    )),
                    bytes: file.bytes,
                })
                .collect(),
        })
        .collect()
}

fn media_type(format: &str) -> &'static str {
    match format {
        "JSON" => "application/json",
        "CSV" => "text/csv",
        "Atom" => "application/atom+xml",
        _ => "application/octet-stream",
    }
}
