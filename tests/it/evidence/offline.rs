//! `build` with a lock file stays offline and deterministic: the same
//! bytes every time, and not one connection to the addresses it cites.

use std::fs;
use std::net::TcpListener;
use std::path::Path;

use super::site;
use crate::common::{options, tree};

#[test]
fn two_builds_with_a_lock_file_are_byte_identical() {
    let dir = site();
    claimtrail::build(&options(dir.path())).unwrap();
    let first = tree(&dir.path().join("public"));
    claimtrail::build(&options(dir.path())).unwrap();
    let second = tree(&dir.path().join("public"));
    assert!(
        first
            .iter()
            .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("Archived May 12, 2026")),
        "the lock file was used"
    );
    assert_eq!(first, second);
}

/// Every `https://example.org/` and `https://archive.example.org/` address
/// of the site at `root` (content and lock file) moved to `origin`.
fn point_at(root: &Path, origin: &str) {
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.unwrap();
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_some_and(|e| e == "toml") {
            continue;
        }
        let text = fs::read_to_string(path).unwrap();
        let moved = text
            .replace(
                "https://archive.example.org/",
                &format!("{origin}/archive/"),
            )
            .replace("https://example.org/", &format!("{origin}/"));
        fs::write(path, moved).unwrap();
    }
}

#[test]
fn check_and_build_make_no_request_to_the_addresses_they_cite() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let dir = site();
    point_at(dir.path(), &origin);
    claimtrail::check(dir.path(), false).unwrap();
    claimtrail::build(&options(dir.path())).unwrap();
    let page = crate::common::read(dir.path(), "public/claims/gizmo-4-reads-minds/index.html");
    assert!(
        page.contains(&format!(
            "data-versionurl=\"{origin}/archive/web/20260512000000/"
        )),
        "the captures are the listener's"
    );
    let connection = listener.accept();
    assert!(
        connection
            .as_ref()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::WouldBlock),
        "a connection reached the cited addresses: {connection:?}"
    );
}

/// The modules `check` and `build` run: none may reach the network layer.
const BUILD_PATH: [&str; 16] = [
    "archive_records.rs",
    "assemble.rs",
    "config",
    "diagnostic",
    "fields",
    "index",
    "load",
    "model",
    "model.rs",
    "parse",
    "pipeline.rs",
    "render",
    "search",
    "session",
    "validate",
    "write",
];

#[test]
fn the_build_path_does_not_use_the_network_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for part in BUILD_PATH {
        for entry in walkdir::WalkDir::new(src.join(part)) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let text = fs::read_to_string(entry.path()).unwrap();
            for network in ["crate::net", "reqwest", "ureq", "TcpStream"] {
                assert!(
                    !text.contains(network),
                    "{} uses {network}",
                    entry.path().display()
                );
            }
        }
    }
}
