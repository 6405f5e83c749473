//! `--open` starts the browser named by `BROWSER`, else the desktop opener;
//! without it no browser starts.

use super::*;

/// Waits (bounded) until `path` has a line, and returns its first line.
fn first_line_of(path: &Path) -> String {
    let deadline = Instant::now() + LIMIT;
    loop {
        let text = fs::read_to_string(path).unwrap_or_default();
        if let Some(line) = text.lines().next().filter(|l| !l.is_empty()) {
            return line.to_string();
        }
        assert!(Instant::now() < deadline, "no browser was started");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A stand-in browser: a script that writes the URL it is given to `out`.
#[cfg(unix)]
fn fake_browser(script: &Path, out: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let text = format!(
        "#!/bin/sh\n[ -n \"$1\" ] && printf '%s\\n' \"$1\" >> '{}'\nexit 0\n",
        out.display()
    );
    fs::write(script, text).unwrap();
    fs::set_permissions(script, fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn open_starts_the_browser_named_by_browser_at_the_site() {
    let dir = common::site(&[]);
    let tools = tempfile::tempdir().unwrap();
    let (script, opened) = (tools.path().join("browser"), tools.path().join("opened"));
    fake_browser(&script, &opened);
    let server = Server::start_with(
        dir.path(),
        &[
            "--open",
            "--base-url",
            "https://example.github.io/ai-claims/",
        ],
        |command| {
            command.env("BROWSER", &script);
        },
    );
    let url = first_line_of(&opened);
    assert_eq!(url, server.url);
    assert!(url.ends_with("/ai-claims/"), "{url}");
    assert_eq!(server.get("/ai-claims/").0, 200, "the opened URL is served");
}

#[cfg(target_os = "linux")]
#[test]
fn open_without_browser_uses_the_desktop_opener() {
    let dir = common::site(&[]);
    let tools = tempfile::tempdir().unwrap();
    let opened = tools.path().join("opened");
    fake_browser(&tools.path().join("xdg-open"), &opened);
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![tools.path().to_path_buf()];
    paths.extend(std::env::split_paths(&path));
    let path = std::env::join_paths(paths).unwrap();
    let server = Server::start_with(dir.path(), &["--open"], |command| {
        command.env("PATH", &path);
    });
    assert_eq!(first_line_of(&opened), server.url);
}

#[test]
fn without_open_no_browser_starts() {
    let dir = common::site(&[]);
    let tools = tempfile::tempdir().unwrap();
    let opened = tools.path().join("opened");
    #[cfg(unix)]
    fake_browser(&tools.path().join("browser"), &opened);
    let server = Server::start_with(dir.path(), &[], |command| {
        command.env("BROWSER", tools.path().join("browser"));
    });
    assert_eq!(server.get("/").0, 200);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!opened.exists(), "a browser was started without --open");
}
