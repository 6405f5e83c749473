//! `[search]` in `site.toml`: what the full-text search index holds.

use crate::fields::{Fields, merge};

const SEARCH_KEYS: &[&str] = &["full_text", "bundle_records"];

/// How many records one bundle of the index holds unless `bundle_records` says otherwise.
pub(super) const DEFAULT_BUNDLE_RECORDS: usize = 20_000;

/// The largest `bundle_records` accepted.
const MAX_BUNDLE_RECORDS: usize = 1_000_000;

/// `[search]`, with defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchSettings {
    /// Index the whole Markdown body of every claim, source, entity and page,
    /// not only the compact record (title, summary, names, tags, quotes).
    pub full_text: bool,
    /// The most records (claims, sources, entities, pages) one bundle of the
    /// index holds; a bigger site is split into bundles the search page merges.
    pub bundle_records: usize,
}

impl Default for SearchSettings {
    fn default() -> Self {
        SearchSettings {
            full_text: false,
            bundle_records: DEFAULT_BUNDLE_RECORDS,
        }
    }
}

pub(super) fn read_search(fields: &mut Fields) -> SearchSettings {
    let Some(mut table) = fields.table("search", SEARCH_KEYS) else {
        return SearchSettings::default();
    };
    let full_text = table.optional_bool("full_text").unwrap_or(false);
    let bundle_records = super::read_count(&mut table, "bundle_records", 1..=MAX_BUNDLE_RECORDS)
        .unwrap_or(DEFAULT_BUNDLE_RECORDS);
    merge(fields, table);
    SearchSettings {
        full_text,
        bundle_records,
    }
}

#[cfg(test)]
mod tests {
    use crate::config::parse;
    use crate::diagnostic::{Diagnostic, Diagnostics};

    const SITE: &str = "title = \"T\"\nbase_url = \"https://example.org/\"\n";

    fn read(search: &str) -> (Option<super::SearchSettings>, Vec<Diagnostic>) {
        let mut diagnostics = Diagnostics::new();
        let config = parse(&format!("{SITE}{search}"), &mut diagnostics);
        let problems = diagnostics.sorted().into_iter().cloned().collect();
        (config.map(|c| c.search), problems)
    }

    #[test]
    fn full_text_is_off_unless_switched_on() {
        assert!(!read("").0.unwrap().full_text);
        assert!(!read("[search]\n").0.unwrap().full_text);
        assert!(read("[search]\nfull_text = true\n").0.unwrap().full_text);
    }

    #[test]
    fn bundle_records_defaults_and_must_be_a_positive_whole_number() {
        let default = read("").0.unwrap().bundle_records;
        assert_eq!(default, super::DEFAULT_BUNDLE_RECORDS);
        let set = read("[search]\nbundle_records = 500\n").0.unwrap();
        assert_eq!(set.bundle_records, 500);
        for wrong in ["0", "2.5", "-3", "2000000"] {
            let (config, problems) = read(&format!("[search]\nbundle_records = {wrong}\n"));
            assert!(config.is_none(), "{wrong}");
            assert!(
                problems[0]
                    .message
                    .contains("`bundle_records` must be a whole number from 1 to 1000000"),
                "{problems:?}"
            );
        }
    }

    #[test]
    fn a_quoted_switch_is_an_error_with_a_hint() {
        let (config, problems) = read("[search]\nfull_text = \"true\"\n");
        assert!(config.is_none());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("`full_text` in [search]"),
            "{problems:?}"
        );
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("write it without quotes: `full_text = true`")
        );
    }

    #[test]
    fn an_unknown_key_is_an_error_with_a_hint() {
        let (config, problems) = read("[search]\nfulltext = true\n");
        assert!(config.is_none());
        assert_eq!(problems[0].message, "unknown field `fulltext` in [search]");
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `full_text`?")
        );
        let (_, problems) = read("search = 1\n");
        assert!(
            problems[0].message.contains("must be a table"),
            "{problems:?}"
        );
    }
}
