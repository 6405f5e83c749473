//! The JSON Schemas (2020-12) of every JSON file the site publishes, kept
//! in `schemas/` and served as they are from `/schema/<name>.schema.json`.
//! Each published JSON file names its schema in `$schema`.

use super::OutputFile;
use super::viewer::Viewer;

/// `(output path, text)` of the schema `name`, read from `schemas/` at compile time.
macro_rules! schema {
    ($name:literal) => {
        (
            concat!("schema/", $name, ".schema.json"),
            include_str!(concat!("../../schemas/", $name, ".schema.json")),
        )
    };
}

/// Every schema: its output path and its text.
pub(super) const SCHEMAS: &[(&str, &str)] = &[
    schema!("common"),
    schema!("claims"),
    schema!("sources"),
    schema!("entities"),
    schema!("documents"),
    schema!("changes"),
    schema!("claim"),
    schema!("source"),
    schema!("entity"),
    schema!("document"),
    schema!("claimreview-feed"),
];

/// The output paths of the schemas.
pub(super) fn paths() -> impl Iterator<Item = &'static str> {
    SCHEMAS.iter().map(|(path, _)| *path)
}

/// The absolute address of the schema `name` (e.g. `claims`) on this site.
pub(super) fn url(viewer: &Viewer, name: &str) -> String {
    viewer.urls.absolute(&format!("schema/{name}.schema.json"))
}

/// The schema at `path`, or `None` when `path` is not a schema's.
pub(super) fn file(path: &str) -> Option<OutputFile> {
    let (path, text) = SCHEMAS.iter().find(|(p, _)| *p == path)?;
    Some(OutputFile {
        path: path.to_string(),
        bytes: text.as_bytes().to_vec(),
    })
}
