//! `cargo package` ships what the crate needs to build and nothing else.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use super::repo_file;

/// The files `cargo package` would put in the crate.
fn packaged() -> BTreeSet<String> {
    let output = Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Every path an `include_str!("…")` or `include_bytes!("…")` with a literal
/// path in `src/` reads, relative to the repository.
fn embedded_files() -> BTreeSet<String> {
    let root = repo_file("");
    let mut found = BTreeSet::new();
    for entry in walkdir::WalkDir::new(repo_file("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for macro_name in ["include_str!(\"", "include_bytes!(\""] {
            for (at, _) in text.match_indices(macro_name) {
                let rest = &text[at + macro_name.len()..];
                let relative = &rest[..rest.find('"').unwrap()];
                let path = entry.path().parent().unwrap().join(relative);
                let path = std::path::absolute(path).unwrap();
                let normal: std::path::PathBuf =
                    path.components()
                        .fold(std::path::PathBuf::new(), |mut normal, component| {
                            match component {
                                std::path::Component::ParentDir => {
                                    normal.pop();
                                }
                                other => normal.push(other),
                            }
                            normal
                        });
                found.insert(slashed(normal.strip_prefix(&root).unwrap()));
            }
        }
    }
    found
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[test]
fn the_crate_ships_its_sources_theme_and_docs_and_no_tests_or_tooling() {
    let files = packaged();
    let embedded = embedded_files();
    assert!(embedded.contains("src/starter/site.toml"), "{embedded:?}");
    assert!(embedded.contains(".github/workflows/pages.yml"));
    for path in &embedded {
        assert!(files.contains(path), "{path} is embedded but not shipped");
    }
    // Folders embedded file by file, some through `concat!` paths the scan
    // above cannot read: the theme, the translation tables, the schemas.
    for folder in ["templates", "translations", "schemas"] {
        for entry in walkdir::WalkDir::new(repo_file(folder)) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let path = slashed(entry.path().strip_prefix(repo_file("")).unwrap());
                assert!(files.contains(&path), "{path} (embedded) not shipped");
            }
        }
    }
    for path in [
        "Cargo.toml",
        "Cargo.lock",
        "src/main.rs",
        "src/lib.rs",
        "README.md",
        "CHANGELOG.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "docs/install.md",
        "docs/content-format.md",
    ] {
        assert!(files.contains(path), "{path} not shipped");
    }
    let unwanted = [
        "tests/",
        "fuzz/",
        "scripts/",
        "vendor/",
        "content/",
        "examples/",
        "target/",
        ".ci/",
    ];
    for path in &files {
        assert!(
            !unwanted.iter().any(|prefix| path.starts_with(prefix)),
            "{path} should not ship"
        );
    }
    for path in [
        "action.yml",
        ".github/workflows/release.yml",
        "site.toml",
        "deny.toml",
    ] {
        assert!(!files.contains(path), "{path} should not ship");
    }
}

/// The relative link targets of a Markdown text, without their `#fragment`.
fn relative_links(markdown: &str) -> Vec<&str> {
    markdown
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|target| !target.contains("://") && !target.starts_with('#'))
        .map(|target| target.split('#').next().unwrap_or(target))
        .collect()
}

#[test]
fn every_relative_link_of_the_readme_points_at_a_shipped_file() {
    // crates.io shows the README of the package, not of the repository.
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let links = relative_links(&readme);
    assert!(links.contains(&"docs/install.md"), "{links:?}");
    let files = packaged();
    for link in links {
        assert!(
            files.contains(link),
            "README links {link}, which the crate does not ship"
        );
    }
}
