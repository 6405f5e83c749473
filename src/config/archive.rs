//! `[archive]` and `[links]` in `site.toml`: where `claimtrail archive` looks
//! captures up, how politely it and `check --links` fetch, and where the link
//! check keeps its cache.

use std::time::Duration;

use super::check_url_field;
use crate::fields::{Fields, Located, merge};

const ARCHIVE_KEYS: &[&str] = &[
    "availability",
    "cdx",
    "save",
    "replay",
    "max_age_days",
    "user_agent",
    "per_host",
    "timeout_seconds",
    "max_bytes",
    "retries",
    "max_wait_seconds",
];

const LINKS_KEYS: &[&str] = &["cache", "ttl_hours"];

/// The Wayback Machine's availability API: the capture closest to a date.
pub(crate) const DEFAULT_AVAILABILITY: &str = "https://archive.org/wayback/available";
/// The Wayback Machine's CDX API: the list of captures of a URL.
pub(crate) const DEFAULT_CDX: &str = "https://web.archive.org/cdx/search/cdx";
/// Save Page Now, used only with `archive --save`.
pub(crate) const DEFAULT_SAVE: &str = "https://web.archive.org/save";
/// Where a capture is replayed: `<replay><timestamp>/<url>`.
pub(crate) const DEFAULT_REPLAY: &str = "https://web.archive.org/web/";

/// The defaults of the numeric settings.
const DEFAULT_MAX_AGE_DAYS: usize = 90;
const DEFAULT_PER_HOST: usize = 2;
const DEFAULT_TIMEOUT_SECONDS: usize = 20;
const DEFAULT_MAX_BYTES: usize = 10_000_000;
const DEFAULT_RETRIES: usize = 3;
const DEFAULT_MAX_WAIT_SECONDS: usize = 60;
const DEFAULT_LINKS_CACHE: &str = ".claimtrail/links-cache.toml";
const DEFAULT_TTL_HOURS: usize = 24;

/// `[archive]`, with defaults filled in: the endpoints `claimtrail archive`
/// uses and the politeness of every fetch (`check --links` shares the latter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveSettings {
    /// The availability API (`?url=…&timestamp=YYYYMMDD`), asked when the CDX API has no capture.
    pub availability: String,
    /// The CDX API, asked first for the newest capture not after a date.
    pub cdx: String,
    /// The Save Page Now endpoint (only with `archive --save`).
    pub save: String,
    /// The replay prefix a capture's address starts with (`<replay><timestamp>/<url>`).
    pub replay: String,
    /// Entries of `archive.lock` older than this many days are refreshed.
    pub max_age_days: u32,
    /// The `User-Agent` of every request.
    pub user_agent: String,
    /// The most requests in flight to one host.
    pub per_host: usize,
    /// How long one request may take, body included.
    pub timeout: Duration,
    /// The most bytes read of one body; a longer one is an error.
    pub max_bytes: u64,
    /// How many times a request answered 429 or 503 is retried.
    pub retries: u32,
    /// The longest wait before one retry, however long `Retry-After` asks for.
    pub max_wait: Duration,
}

impl ArchiveSettings {
    /// The defaults, with the user agent naming the site at `base_url`.
    pub(crate) fn defaults(base_url: &str) -> ArchiveSettings {
        ArchiveSettings {
            availability: DEFAULT_AVAILABILITY.to_string(),
            cdx: DEFAULT_CDX.to_string(),
            save: DEFAULT_SAVE.to_string(),
            replay: DEFAULT_REPLAY.to_string(),
            max_age_days: DEFAULT_MAX_AGE_DAYS as u32,
            user_agent: default_user_agent(base_url),
            per_host: DEFAULT_PER_HOST,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECONDS as u64),
            max_bytes: DEFAULT_MAX_BYTES as u64,
            retries: DEFAULT_RETRIES as u32,
            max_wait: Duration::from_secs(DEFAULT_MAX_WAIT_SECONDS as u64),
        }
    }
}

/// `claimtrail/<version> (+<base_url>)`: who is asking, and where to read about them.
fn default_user_agent(base_url: &str) -> String {
    format!("claimtrail/{} (+{base_url})", env!("CARGO_PKG_VERSION"))
}

/// `[links]`, with defaults filled in: the cache of `check --links`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSettings {
    /// The cache file, relative to the site root (`/`-separated, never leaving it).
    pub cache: String,
    /// How long a cached result stays fresh.
    pub ttl: Duration,
}

impl Default for LinkSettings {
    fn default() -> Self {
        LinkSettings {
            cache: DEFAULT_LINKS_CACHE.to_string(),
            ttl: Duration::from_secs(DEFAULT_TTL_HOURS as u64 * 3600),
        }
    }
}

/// `[archive]` as written; [`ArchiveDoc::finish`] fills in the defaults once the base URL is known.
#[derive(Default)]
pub(super) struct ArchiveDoc {
    endpoints: [Option<String>; 4],
    user_agent: Option<String>,
    max_age_days: Option<usize>,
    per_host: Option<usize>,
    timeout_seconds: Option<usize>,
    max_bytes: Option<usize>,
    retries: Option<usize>,
    max_wait_seconds: Option<usize>,
}

impl ArchiveDoc {
    pub(super) fn finish(self, base_url: &str) -> ArchiveSettings {
        let defaults = ArchiveSettings::defaults(base_url);
        let [availability, cdx, save, replay] = self.endpoints;
        ArchiveSettings {
            availability: availability.unwrap_or(defaults.availability),
            cdx: cdx.unwrap_or(defaults.cdx),
            save: save.unwrap_or(defaults.save),
            replay: replay.unwrap_or(defaults.replay),
            max_age_days: self
                .max_age_days
                .map_or(defaults.max_age_days, |d| d as u32),
            user_agent: self.user_agent.unwrap_or(defaults.user_agent),
            per_host: self.per_host.unwrap_or(defaults.per_host),
            timeout: self
                .timeout_seconds
                .map_or(defaults.timeout, |s| Duration::from_secs(s as u64)),
            max_bytes: self.max_bytes.map_or(defaults.max_bytes, |b| b as u64),
            retries: self.retries.map_or(defaults.retries, |r| r as u32),
            max_wait: self
                .max_wait_seconds
                .map_or(defaults.max_wait, |s| Duration::from_secs(s as u64)),
        }
    }
}

pub(super) fn read_archive(fields: &mut Fields) -> ArchiveDoc {
    let Some(mut table) = fields.table("archive", ARCHIVE_KEYS) else {
        return ArchiveDoc::default();
    };
    let endpoints = ["availability", "cdx", "save", "replay"].map(|key| {
        let url = table.optional_str(key)?;
        check_url_field(&mut table, &url, key);
        Some(url.value)
    });
    let user_agent = table.optional_str("user_agent").map(|ua| ua.value);
    let mut count = |key: &str, range: std::ops::RangeInclusive<usize>| {
        super::read_count(&mut table, key, range)
    };
    let doc = ArchiveDoc {
        endpoints,
        user_agent,
        max_age_days: count("max_age_days", 1..=36_500),
        per_host: count("per_host", 1..=64),
        timeout_seconds: count("timeout_seconds", 1..=3600),
        max_bytes: count("max_bytes", 1024..=4_000_000_000),
        retries: count("retries", 0..=10),
        max_wait_seconds: count("max_wait_seconds", 0..=3600),
    };
    merge(fields, table);
    doc
}

pub(super) fn read_links(fields: &mut Fields) -> LinkSettings {
    let Some(mut table) = fields.table("links", LINKS_KEYS) else {
        return LinkSettings::default();
    };
    let defaults = LinkSettings::default();
    let cache = table
        .optional_str("cache")
        .and_then(|path| checked_cache_path(&mut table, path));
    let ttl = super::read_count(&mut table, "ttl_hours", 0..=8760)
        .map(|hours| Duration::from_secs(hours as u64 * 3600));
    merge(fields, table);
    LinkSettings {
        cache: cache.unwrap_or(defaults.cache),
        ttl: ttl.unwrap_or(defaults.ttl),
    }
}

/// `path` when it is a relative path that stays inside the site root.
fn checked_cache_path(table: &mut Fields, path: Located<String>) -> Option<String> {
    let parts: Vec<&str> = path.value.split(['/', '\\']).collect();
    let inside = !path.value.is_empty()
        && !path.value.starts_with(['/', '\\'])
        && !path.value.contains(':')
        && parts.iter().all(|part| !part.is_empty() && *part != "..");
    if inside {
        return Some(path.value);
    }
    table.error(
        path.span,
        format!(
            "`cache` must be a path inside the site folder, not `{}`",
            path.value
        ),
        Some("write a relative path such as `.claimtrail/links-cache.toml`".to_string()),
    );
    None
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use crate::config::{Config, parse};
    use crate::diagnostic::{Diagnostic, Diagnostics};

    const SITE: &str = "title = \"T\"\nbase_url = \"https://example.org/\"\n";

    fn read(extra: &str) -> (Option<Config>, Vec<Diagnostic>) {
        let mut diagnostics = Diagnostics::new();
        let config = parse(&format!("{SITE}{extra}"), &mut diagnostics);
        let problems = diagnostics.sorted().into_iter().cloned().collect();
        (config, problems)
    }

    #[test]
    fn defaults_point_at_the_wayback_machine_and_name_the_site() {
        let config = read("").0.unwrap();
        let archive = &config.archive;
        assert_eq!(
            archive.availability,
            "https://archive.org/wayback/available"
        );
        assert_eq!(archive.cdx, "https://web.archive.org/cdx/search/cdx");
        assert_eq!(archive.replay, "https://web.archive.org/web/");
        assert_eq!(archive.max_age_days, 90);
        assert_eq!(archive.per_host, 2);
        assert_eq!(archive.timeout, Duration::from_secs(20));
        assert_eq!(archive.max_bytes, 10_000_000);
        let version = env!("CARGO_PKG_VERSION");
        let agent = format!("claimtrail/{version} (+https://example.org/)");
        assert_eq!(archive.user_agent, agent);
        assert_eq!(config.links.cache, ".claimtrail/links-cache.toml");
        assert_eq!(config.links.ttl, Duration::from_secs(24 * 3600));
    }

    #[test]
    fn every_setting_can_be_changed() {
        let (config, problems) = read(
            "[archive]\navailability = \"http://127.0.0.1:9/available\"\ncdx = \"http://127.0.0.1:9/cdx\"\n\
             save = \"http://127.0.0.1:9/save\"\nreplay = \"http://127.0.0.1:9/web/\"\nmax_age_days = 7\n\
             user_agent = \"test-agent\"\nper_host = 4\ntimeout_seconds = 3\nmax_bytes = 10_000\n\
             retries = 1\nmax_wait_seconds = 0\n[links]\ncache = \"cache/links.toml\"\nttl_hours = 0\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let config = config.unwrap();
        let archive = &config.archive;
        assert_eq!(archive.cdx, "http://127.0.0.1:9/cdx");
        assert_eq!(archive.replay, "http://127.0.0.1:9/web/");
        assert_eq!(archive.user_agent, "test-agent");
        assert_eq!(archive.max_bytes, 10_000);
        assert_eq!(archive.timeout, Duration::from_secs(3));
        assert_eq!((archive.per_host, archive.retries), (4, 1));
        assert_eq!(archive.max_wait, Duration::ZERO);
        assert_eq!(config.links.cache, "cache/links.toml");
        assert_eq!(config.links.ttl, Duration::ZERO);
    }

    #[test]
    fn an_unknown_key_gets_a_did_you_mean() {
        let (config, problems) = read("[archive]\nper_hosts = 3\n");
        assert!(config.is_none());
        assert_eq!(
            problems[0].message,
            "unknown field `per_hosts` in [archive]"
        );
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("did you mean `per_host`?")
        );
        let (_, problems) = read("[links]\nttl = 3\n");
        assert_eq!(problems[0].message, "unknown field `ttl` in [links]");
    }

    #[test]
    fn bad_values_are_located_errors() {
        let (config, problems) = read(
            "[archive]\ncdx = \"ftp://x.org/\"\nper_host = 0\n[links]\ncache = \"../outside.toml\"\n",
        );
        assert!(config.is_none());
        assert!(problems.iter().all(|p| p.span.is_some()), "{problems:?}");
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`cdx` uses the `ftp:` scheme; only http and https links are allowed",
                "`per_host` must be a whole number from 1 to 64",
                "`cache` must be a path inside the site folder, not `../outside.toml`",
            ]
        );
    }
}
