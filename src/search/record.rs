//! One search record: the shape the index is built from (URL, text, result
//! metadata, filter values) and the steps that assemble one, whatever it is
//! about. Which records a site has is [`super::records`]' job.

use std::collections::BTreeMap;

use serde::Serialize;

use super::record_text::{Text, clip};
use crate::markdown::first_paragraph;

/// One searchable page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The page's path from the site root, e.g. `/claims/x/`; the search page
    /// puts the base path in front (see `templates/search.html`).
    pub url: String,
    /// The text searched and quoted in result excerpts.
    pub content: String,
    /// What a result shows, all plain text (the search page inserts it as
    /// text): `title` and `summary` for every record; `status` (the label),
    /// `status_id`, `date` and `claimant` for claims; `kind` for the rest.
    pub meta: BTreeMap<String, String>,
    /// Filter values, plain text shown as text: `kind` for every record;
    /// `status` (the label), `entity` (the name), `tag`, `year` for claims.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// The most characters of a result's `summary` meta; a longer one is cut at a
/// word and ends with `…`.
pub(super) const SUMMARY_CHARS: usize = 280;

impl Record {
    /// A record of a `kind` (its name in the site's language, and whether it
    /// is a claim).
    pub(super) fn new(url: String, text: Text, title: &str, (kind, claim): (&str, bool)) -> Record {
        let mut record = Record {
            url,
            content: text.0,
            meta: BTreeMap::new(),
            filters: BTreeMap::new(),
        };
        record.meta("title", title);
        if !claim {
            // Claims show their status and date instead.
            record.meta("kind", kind);
        }
        record.filter("kind", [kind.to_string()]);
        record
    }

    /// A record of something other than a claim: `lead` (its name and
    /// relations) then its Markdown `body` make the text; the summary is the
    /// body's first paragraph, or the lead when the body has none.
    pub(super) fn described(
        url: String,
        lead: Text,
        body: &str,
        full_text: bool,
        title: &str,
        kind: &str,
    ) -> Record {
        let first = first_paragraph(body);
        let summary = match first.trim() {
            "" => clip(&lead.0, SUMMARY_CHARS),
            first => clip(first, SUMMARY_CHARS),
        };
        let mut text = lead;
        text.body(body, full_text);
        let mut record = Record::new(url, text, title, (kind, false));
        record.meta("summary", &summary);
        record
    }

    /// Sets a meta value; an empty one is left out.
    pub(super) fn meta(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.meta.insert(key.to_string(), value.to_string());
        }
    }

    /// Adds filter values, sorted and without repeats (empty lists are left out).
    pub(super) fn filter(&mut self, key: &str, values: impl IntoIterator<Item = String>) {
        let mut values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
        values.sort();
        values.dedup();
        if !values.is_empty() {
            self.filters.insert(key.to_string(), values);
        }
    }
}
