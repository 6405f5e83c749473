//! Files GitHub Pages reads from the output: `.nojekyll` and `CNAME`.

use super::OutputFile;
use crate::config::Config;

/// `.nojekyll` always (publishing from a branch would otherwise run Jekyll,
/// which hides files starting with `_` or `.`), and `CNAME` when the site sets
/// `custom_domain`.
pub(super) fn paths(config: &Config) -> Vec<&'static str> {
    let mut paths = vec![".nojekyll"];
    if config.custom_domain.is_some() {
        paths.push("CNAME");
    }
    paths
}

/// The hosting file at `path`, or `None` when the site has no such file.
pub(super) fn file(config: &Config, path: &str) -> Option<OutputFile> {
    let bytes = match (path, &config.custom_domain) {
        (".nojekyll", _) => Vec::new(),
        ("CNAME", Some(domain)) => format!("{domain}\n").into_bytes(),
        _ => return None,
    };
    Some(OutputFile {
        path: path.into(),
        bytes,
    })
}
