//! The envelope every JSON data file shares: its `$schema`, `schema_version`,
//! `generator`, `site` and `statuses`, then the file's own entries.
//!
//! The envelope is part of the public data API documented in docs/data.md;
//! [`SCHEMA_VERSION`] is bumped only on incompatible changes to any data file.

use serde::Serialize;

use super::schemas;
use super::viewer::Viewer;

/// Version of the data files' shapes; bumped only on incompatible changes.
const SCHEMA_VERSION: u32 = 1;

/// The `site` entry: what the data is about and who publishes it.
#[derive(Serialize)]
struct SiteData<'a> {
    title: &'a str,
    url: &'a str,
    description: &'a str,
    publisher: &'a crate::config::Publisher,
}

/// One entry of the `statuses` list.
#[derive(Serialize)]
struct StatusData<'a> {
    id: &'a str,
    label: &'a str,
    description: &'a str,
    rating: Option<u8>,
}

/// The entries of a data file after its header.
pub(super) trait Entries {
    /// Writes the entries into `map`.
    fn write<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// One entry: `key: value`.
struct Entry<'k, T>(&'static str, &'k T);

impl<T: Serialize> Entries for Entry<'_, T> {
    fn write<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(self.0, self.1)
    }
}

/// A data file: its `$schema` (the schema `schema`, e.g. `claims`, on this
/// site), the version, generator, site and status list, then `key: items`.
/// Serialised straight from the view structs: no intermediate JSON tree.
pub(super) fn document<T: Serialize>(
    viewer: &Viewer,
    schema: &str,
    key: &'static str,
    items: &T,
) -> Vec<u8> {
    document_with(viewer, schema, &Entry(key, items))
}

/// A data file as [`document`] makes it, with the entries `rest` writes
/// after the status list.
pub(super) fn document_with(viewer: &Viewer, schema: &str, rest: &impl Entries) -> Vec<u8> {
    use serde::ser::{SerializeMap, Serializer};
    let config = &viewer.site.config;
    let statuses: Vec<StatusData> = config
        .statuses
        .iter()
        .map(|s| StatusData {
            id: &s.id,
            label: &s.label,
            description: &s.description,
            rating: s.rating,
        })
        .collect();
    let site = SiteData {
        title: &config.title,
        url: &config.base_url,
        description: &config.description,
        publisher: &config.publisher,
    };
    let mut bytes = Vec::with_capacity(1 << 12);
    let mut serializer = serde_json::Serializer::pretty(&mut bytes);
    let written = (|| {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("$schema", &schemas::url(viewer, schema))?;
        map.serialize_entry("schema_version", &SCHEMA_VERSION)?;
        map.serialize_entry(
            "generator",
            &format!("claimtrail {}", env!("CARGO_PKG_VERSION")),
        )?;
        map.serialize_entry("site", &site)?;
        map.serialize_entry("statuses", &statuses)?;
        rest.write(&mut map)?;
        map.end()
    })();
    // Writing to memory fails only on values JSON cannot hold; the views have none.
    if written.is_err() {
        bytes.clear();
    }
    bytes.push(b'\n');
    bytes
}
