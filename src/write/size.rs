//! The output's size: how summaries print it, and the limit GitHub Pages sets.

use std::path::Path;

use crate::diagnostic::Diagnostic;

/// The most a published GitHub Pages site may hold, in bytes ("1 GB" in
/// <https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits>;
/// counted in decimal units, the smaller reading).
const PAGES_SITE_LIMIT: u64 = 1_000_000_000;

/// A warning when a site of `bytes` is too big for GitHub Pages: its
/// deployment would fail, long after the build said nothing.
pub(super) fn pages_size_warning(bytes: u64, output: &Path) -> Option<Diagnostic> {
    (bytes > PAGES_SITE_LIMIT).then(|| {
        Diagnostic::warning(
            output.display().to_string(),
            format!(
                "the built site holds {}, more than the 1 GB GitHub Pages allows a \
                 published site; its Pages deployment may fail",
                size_text(bytes)
            ),
        )
        .hint(
            "publish the folder with a static host that takes sites this big: it is \
             plain files, which any web server can serve as they are",
        )
    })
}

/// `bytes` in decimal units, as the size summaries print them: `395.2 MB`,
/// `3.87 GB`.
pub fn size_text(bytes: u64) -> String {
    let bytes = bytes as f64;
    if bytes < 1e9 {
        format!("{:.1} MB", bytes / 1e6)
    } else {
        format!("{:.2} GB", bytes / 1e9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_megabytes_then_gigabytes() {
        assert_eq!(size_text(0), "0.0 MB");
        assert_eq!(size_text(395_215_000), "395.2 MB");
        assert_eq!(size_text(999_999_999), "1000.0 MB");
        assert_eq!(size_text(3_866_000_000), "3.87 GB");
    }

    #[test]
    fn only_a_site_over_the_pages_limit_gets_the_size_warning() {
        let output = Path::new("public");
        assert!(pages_size_warning(PAGES_SITE_LIMIT, output).is_none());
        let warning = pages_size_warning(3_866_000_000, output).unwrap();
        assert_eq!(warning.file, "public");
        assert!(
            warning
                .message
                .starts_with("the built site holds 3.87 GB, more than the 1 GB"),
            "{}",
            warning.message
        );
        assert!(pages_size_warning(PAGES_SITE_LIMIT + 1, output).is_some());
    }
}
