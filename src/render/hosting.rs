//! Files GitHub Pages reads from the output: `.nojekyll` and `CNAME`.

use super::OutputFile;
use crate::config::Config;

/// `.nojekyll` always (publishing from a branch would otherwise run Jekyll,
/// which hides files starting with `_` or `.`), and `CNAME` when the site sets
/// `custom_domain`.
pub fn files(config: &Config) -> Vec<OutputFile> {
    let mut files = vec![OutputFile {
        path: ".nojekyll".into(),
        bytes: Vec::new(),
    }];
    if let Some(domain) = &config.custom_domain {
        files.push(OutputFile {
            path: "CNAME".into(),
            bytes: format!("{domain}\n").into_bytes(),
        });
    }
    files
}
