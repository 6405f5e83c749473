//! `[search]` in `site.toml`: what the full-text search index holds.

use crate::fields::{Fields, merge};

const SEARCH_KEYS: &[&str] = &["full_text"];

/// `[search]`, with defaults filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchSettings {
    /// Index the whole Markdown body of every claim, source, entity and page,
    /// not only the compact record (title, summary, names, tags, quotes).
    pub full_text: bool,
}

pub(super) fn read_search(fields: &mut Fields) -> SearchSettings {
    let Some(mut table) = fields.table("search", SEARCH_KEYS) else {
        return SearchSettings::default();
    };
    let full_text = table.optional_bool("full_text").unwrap_or(false);
    merge(fields, table);
    SearchSettings { full_text }
}
