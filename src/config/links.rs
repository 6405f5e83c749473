//! `[links]` in `site.toml`: where `claimtrail check --links` keeps what it
//! found, and how long a result holds before the link is visited again.

use std::path::{Component, Path};
use std::time::Duration;

use crate::fields::{Fields, merge};

const LINKS_KEYS: &[&str] = &["cache", "ttl_hours"];

/// Where the results are kept unless `cache` says otherwise (`init`'s
/// `.gitignore` ignores `.claimtrail/`).
pub(crate) const DEFAULT_CACHE: &str = ".claimtrail/links-cache.toml";

/// How long a result holds unless `ttl_hours` says otherwise: a day, so a CI
/// run on every pull request visits each link at most once a day.
const DEFAULT_TTL_HOURS: usize = 24;

/// The longest `ttl_hours` accepted (a year).
const MAX_TTL_HOURS: usize = 24 * 366;

/// `[links]`, with defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSettings {
    /// The results file, relative to the site root (`/`-separated, inside it).
    pub cache: String,
    /// How long a live or dead result holds; 0 visits every link on every run.
    pub ttl: Duration,
}

impl Default for LinkSettings {
    fn default() -> Self {
        LinkSettings {
            cache: DEFAULT_CACHE.to_string(),
            ttl: hours(DEFAULT_TTL_HOURS),
        }
    }
}

fn hours(count: usize) -> Duration {
    Duration::from_secs(count as u64 * 3600)
}

pub(super) fn read_links(fields: &mut Fields) -> LinkSettings {
    let Some(mut table) = fields.table("links", LINKS_KEYS) else {
        return LinkSettings::default();
    };
    let cache = table.optional_str("cache").and_then(|cache| {
        if is_inside_root(&cache.value) {
            return Some(cache.value);
        }
        let message = format!(
            "`cache` must be a file path inside the site folder, not `{}`",
            cache.value
        );
        let hint = format!("write a relative path without `..`, e.g. `{DEFAULT_CACHE}`");
        table.error(cache.span, message, Some(hint));
        None
    });
    let ttl = super::read_count(&mut table, "ttl_hours", 0..=MAX_TTL_HOURS);
    merge(fields, table);
    LinkSettings {
        cache: cache.unwrap_or_else(|| DEFAULT_CACHE.to_string()),
        ttl: hours(ttl.unwrap_or(DEFAULT_TTL_HOURS)),
    }
}

/// True for a relative path of plain names (no `..`, `.`-only or root part).
fn is_inside_root(path: &str) -> bool {
    let path = Path::new(path);
    !path.as_os_str().is_empty()
        && !path.to_string_lossy().ends_with('/')
        && path.components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::config::parse;
    use crate::diagnostic::Diagnostics;

    const SITE: &str = "title = \"T\"\nbase_url = \"https://example.org/\"\n";

    fn read(links: &str) -> (Option<super::LinkSettings>, Vec<String>) {
        let mut diagnostics = Diagnostics::new();
        let config = parse(&format!("{SITE}{links}"), &mut diagnostics);
        let messages = diagnostics
            .sorted()
            .iter()
            .map(|d| d.message.clone())
            .collect();
        (config.map(|c| c.links), messages)
    }

    #[test]
    fn defaults_to_a_day_in_the_claimtrail_folder() {
        let settings = read("").0.unwrap();
        assert_eq!(settings.cache, ".claimtrail/links-cache.toml");
        assert_eq!(settings.ttl, Duration::from_secs(24 * 3600));
    }

    #[test]
    fn reads_the_cache_path_and_the_ttl() {
        let links = "[links]\ncache = \"ci/links.toml\"\nttl_hours = 0\n";
        let settings = read(links).0.unwrap();
        assert_eq!(settings.cache, "ci/links.toml");
        assert_eq!(settings.ttl, Duration::ZERO);
    }

    #[test]
    fn refuses_a_cache_outside_the_site_and_a_bad_ttl() {
        for outside in [
            "../links.toml",
            "/tmp/links.toml",
            "",
            "a/../../b",
            "cache/",
        ] {
            let (config, messages) = read(&format!("[links]\ncache = \"{outside}\"\n"));
            assert!(config.is_none(), "{outside}");
            assert!(
                messages[0].starts_with("`cache` must be a file path inside"),
                "{messages:?}"
            );
        }
        let (config, messages) = read("[links]\nttl_hours = -1\n");
        assert!(config.is_none());
        assert!(messages[0].contains("`ttl_hours` must be a whole number from 0 to 8784"));
    }

    #[test]
    fn suggests_the_key_meant() {
        let (_, messages) = read("[links]\nttl_hour = 3\n");
        assert!(messages[0].contains("ttl_hour"), "{messages:?}");
    }
}
