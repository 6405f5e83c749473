//! `[limits]` in `site.toml`: how big one rendered file may grow and how long
//! its template may run, so a runaway template stops with an error instead of
//! running forever or filling the memory.

use std::time::Duration;

use crate::fields::{Fields, merge};

const LIMITS_KEYS: &[&str] = &["page_megabytes", "render_seconds"];

/// The default cap on one rendered file, in MiB: far above the biggest page of
/// a 10,000-claim site at the largest `page_size` (docs/performance.md).
pub(crate) const DEFAULT_PAGE_MEGABYTES: usize = 64;

/// The default cap on one file's render, in seconds; the biggest page of a
/// 10,000-claim site renders in well under a second.
pub(crate) const DEFAULT_RENDER_SECONDS: u64 = 10;

/// The largest `page_megabytes` accepted (1 GiB).
const MAX_PAGE_MEGABYTES: usize = 1024;

/// The largest `render_seconds` accepted (an hour).
const MAX_RENDER_SECONDS: usize = 3600;

/// Bytes in one of `page_megabytes`' megabytes (a MiB).
const MEGABYTE: usize = 1024 * 1024;

/// `[limits]`, with defaults filled in: the bounds on every file a template renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderLimits {
    /// The most bytes one rendered file may have.
    pub page_bytes: usize,
    /// The longest one file's render may take.
    pub render_time: Duration,
}

impl Default for RenderLimits {
    fn default() -> Self {
        RenderLimits {
            page_bytes: DEFAULT_PAGE_MEGABYTES * MEGABYTE,
            render_time: Duration::from_secs(DEFAULT_RENDER_SECONDS),
        }
    }
}

pub(super) fn read_limits(fields: &mut Fields) -> RenderLimits {
    let Some(mut table) = fields.table("limits", LIMITS_KEYS) else {
        return RenderLimits::default();
    };
    let defaults = RenderLimits::default();
    let page_bytes = super::read_count(&mut table, "page_megabytes", 1..=MAX_PAGE_MEGABYTES)
        .map_or(defaults.page_bytes, |megabytes| megabytes * MEGABYTE);
    let render_time = super::read_count(&mut table, "render_seconds", 1..=MAX_RENDER_SECONDS)
        .map_or(defaults.render_time, |seconds| {
            Duration::from_secs(seconds as u64)
        });
    merge(fields, table);
    RenderLimits {
        page_bytes,
        render_time,
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::RenderLimits;
    use crate::config::parse;
    use crate::diagnostic::{Diagnostic, Diagnostics};

    const SITE: &str = "title = \"T\"\nbase_url = \"https://example.org/\"\n";

    fn read(limits: &str) -> (Option<RenderLimits>, Vec<Diagnostic>) {
        let mut diagnostics = Diagnostics::new();
        let config = parse(&format!("{SITE}{limits}"), &mut diagnostics);
        let problems = diagnostics.sorted().into_iter().cloned().collect();
        (config.map(|c| c.limits), problems)
    }

    #[test]
    fn limits_default_to_64_megabytes_and_10_seconds() {
        let default = read("").0.unwrap();
        assert_eq!(default.page_bytes, 64 * 1024 * 1024);
        assert_eq!(default.render_time, Duration::from_secs(10));
        assert_eq!(read("[limits]\n").0.unwrap(), default);
    }

    #[test]
    fn limits_are_read_in_megabytes_and_seconds() {
        let set = read("[limits]\npage_megabytes = 2\nrender_seconds = 30\n")
            .0
            .unwrap();
        assert_eq!(set.page_bytes, 2 * 1024 * 1024);
        assert_eq!(set.render_time, Duration::from_secs(30));
    }

    #[test]
    fn a_limit_must_be_a_positive_whole_number_in_range() {
        for (key, wrong, range) in [
            ("page_megabytes", "0", "1 to 1024"),
            ("page_megabytes", "1.5", "1 to 1024"),
            ("page_megabytes", "4096", "1 to 1024"),
            ("render_seconds", "-1", "1 to 3600"),
            ("render_seconds", "86400", "1 to 3600"),
        ] {
            let (config, problems) = read(&format!("[limits]\n{key} = {wrong}\n"));
            assert!(config.is_none(), "{key} = {wrong}");
            let expected = format!("`{key}` must be a whole number from {range}");
            assert!(problems[0].message.contains(&expected), "{problems:?}");
        }
    }

    #[test]
    fn an_unknown_limit_is_an_error_with_a_hint() {
        let (config, problems) = read("[limits]\npage_bytes = 8\n");
        assert!(config.is_none());
        assert_eq!(
            problems[0].message,
            "unknown field `page_bytes` in [limits]"
        );
        assert!(problems[0].hint.is_some(), "{problems:?}");
    }
}
