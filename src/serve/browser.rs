//! `serve --open`: the site in the reader's browser.
//!
//! `$BROWSER`, when set, names the program to run with the URL (as `cargo doc
//! --open` does); otherwise the system's default opener is used (`xdg-open`
//! and friends, `open` on macOS, the shell on Windows).

use std::ffi::OsString;
use std::process::{Command, Stdio};

/// Opens `url` in a browser without waiting for it to close.
pub(super) fn open(url: &str) -> std::io::Result<()> {
    match browser_from_env(std::env::var_os("BROWSER")) {
        Some(program) => Command::new(program)
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map(drop),
        None => open::that_detached(url),
    }
}

/// The program `$BROWSER` names, if it names one.
fn browser_from_env(value: Option<OsString>) -> Option<OsString> {
    value.filter(|program| !program.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_browser_variable_means_the_default_opener() {
        assert_eq!(browser_from_env(None), None);
        assert_eq!(browser_from_env(Some(OsString::new())), None);
        assert_eq!(
            browser_from_env(Some("firefox".into())),
            Some(OsString::from("firefox"))
        );
    }
}
