//! `release`: the data frozen with release notes and checksums,
//! `CITATION.cff`, the release published with a Dataset on `/data/`, and
//! `check` refusing any edit to a released file.

use std::fs;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{empty_site, input, run, stdout};
use crate::common::{options, read};

/// An empty site with the fictional DataFeed imported: 5 claims.
fn imported_site() -> tempfile::TempDir {
    let dir = empty_site();
    run(
        dir.path(),
        &["import", "claimreview", &input("datafeed.json")],
    )
    .success();
    dir
}

/// Checks every line of a release's SHA256SUMS against its files; returns the names.
fn verified_files(folder: &Path) -> Vec<String> {
    let sums = fs::read_to_string(folder.join("SHA256SUMS")).unwrap();
    sums.lines()
        .map(|line| {
            let (hash, name) = line.split_once("  ").unwrap();
            let digest = Sha256::digest(fs::read(folder.join(name)).unwrap());
            let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(hex, hash, "{name}");
            name.to_string()
        })
        .collect()
}

#[test]
fn a_release_freezes_the_data_with_notes_checksums_and_a_citation() {
    let dir = imported_site();
    let root = dir.path();
    let assert = run(root, &["release", "1.0.0"]).success();
    let out = stdout(&assert);
    assert!(
        out.ends_with(
            "released 1.0.0: 5 claims, dated 2026-06-06 (5 added, 0 changed, 0 withdrawn)\n"
        ),
        "{out}"
    );
    let folder = root.join("data/releases/1.0.0");
    assert_eq!(
        verified_files(&folder),
        [
            "CHANGES.md",
            "claims.csv",
            "claims.json",
            "documents.json",
            "entities.json",
            "sources.json"
        ]
    );
    // The frozen claims.json is the one the build publishes.
    claimtrail::build(&options(root)).unwrap();
    assert_eq!(
        fs::read(folder.join("claims.json")).unwrap(),
        fs::read(root.join("public/claims.json")).unwrap()
    );
    let notes = read(root, "data/releases/1.0.0/CHANGES.md");
    assert!(notes.starts_with("# Imported Tracker data, release 1.0.0\n\nThe data as of 2026-06-06: 5 claims. The first release: every claim is new.\n"), "{notes}");
    assert!(
        notes
            .contains("- `acme-model-2-never-makes-mistakes`: Acme Model 2 never makes mistakes\n"),
        "{notes}"
    );

    let cff: serde_yaml_ng::Value = serde_yaml_ng::from_str(&read(root, "CITATION.cff")).unwrap();
    assert_eq!(cff["cff-version"].as_str(), Some("1.2.0"));
    assert_eq!(cff["title"].as_str(), Some("Imported Tracker"));
    assert_eq!(cff["version"].as_str(), Some("1.0.0"));
    // The date of the data (its newest claim date), not the day it was released.
    assert_eq!(cff["date-released"].as_str(), Some("2026-06-06"));
    assert_eq!(cff["authors"][0]["name"].as_str(), Some("Imported Tracker"));
}

#[test]
fn check_refuses_an_edit_to_a_released_file() {
    let dir = imported_site();
    let root = dir.path();
    run(root, &["release", "1.0.0"]).success();
    assert_eq!(
        claimtrail::check(root, false)
            .unwrap()
            .diagnostics
            .error_count(),
        0
    );
    let released = root.join("data/releases/1.0.0/claims.csv");
    let mut text = fs::read_to_string(&released).unwrap();
    text.push_str("smuggled,row\n");
    fs::write(&released, text).unwrap();
    fs::write(root.join("data/releases/1.0.0/extra.json"), "{}").unwrap();
    let flat = crate::common::check_flat(root);
    let errors: Vec<(&str, &str)> = (flat.iter())
        .filter(|d| d.0 == "error")
        .map(|d| (d.1.as_str(), d.4.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (
                "data/releases/1.0.0/claims.csv",
                "this file was released in 1.0.0 and has been edited since: its SHA-256 no longer matches SHA256SUMS"
            ),
            (
                "data/releases/1.0.0/extra.json",
                "this file is not part of release 1.0.0: SHA256SUMS does not list it"
            ),
        ]
    );
    let assert = run(root, &["check"]).code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("git checkout -- data/releases/1.0.0/claims.csv"),
        "{err}"
    );
    // A site whose release was edited can neither build nor release again.
    assert!(claimtrail::build(&options(root)).is_err());
    run(root, &["release", "1.1.0"]).code(1);
}

#[test]
fn release_names_are_validated_never_reused_and_must_increase() {
    let dir = imported_site();
    let root = dir.path();
    for bad in [
        "v1.0.0",
        "1.0",
        "latest",
        "../escape",
        "2026-02-30",
        "1.0.0+build.1",
    ] {
        let assert = run(root, &["release", bad]).code(2);
        let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(err.contains("is not a valid release name"), "{bad}: {err}");
    }
    assert!(!root.join("data").exists());
    run(root, &["release", "2026.6.0"]).success();
    let before = crate::common::tree(&root.join("data"));
    let assert = run(root, &["release", "2026.6.0"]).code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("error: release 2026.6.0 exists already (data/releases/2026.6.0/): a release is never replaced"), "{err}");
    let assert = run(root, &["release", "1.0.0"]).code(2);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("release 1.0.0 would not come after the latest release, 2026.6.0"),
        "{err}"
    );
    assert_eq!(
        crate::common::tree(&root.join("data")),
        before,
        "nothing rewritten"
    );
}

#[test]
fn a_later_release_lists_what_changed_and_the_data_page_describes_the_latest() {
    let dir = imported_site();
    let root = dir.path();
    run(root, &["release", "1.0.0"]).success();
    let claim = root.join("content/claims/acme-model-2-never-makes-mistakes.md");
    let text = fs::read_to_string(&claim)
        .unwrap()
        .replace("status = \"unverified\"", "status = \"refuted\"");
    fs::write(&claim, text).unwrap();
    fs::remove_file(root.join("content/claims/acme-model-2-reads-a-million-tokens-at-once.md"))
        .unwrap();
    let assert = run(root, &["release", "1.1.0"]).success();
    assert!(stdout(&assert).contains("(0 added, 1 changed, 1 withdrawn)"));
    let notes = read(root, "data/releases/1.1.0/CHANGES.md");
    assert!(notes.contains("Compared with release 1.0.0."), "{notes}");
    assert!(notes.contains("## Changed (1)\n\n- `acme-model-2-never-makes-mistakes`: Acme Model 2 never makes mistakes: verdict unverified → refuted\n"), "{notes}");
    assert!(notes.contains("## Withdrawn (1)\n\n- `acme-model-2-reads-a-million-tokens-at-once`: Acme Model 2 reads a million tokens at once\n"), "{notes}");
    let cff = read(root, "CITATION.cff");
    assert!(cff.contains("version: 1.1.0"), "{cff}");

    claimtrail::build(&options(root)).unwrap();
    for version in ["1.0.0", "1.1.0"] {
        let published = root.join("public/data/releases").join(version);
        assert_eq!(
            fs::read(published.join("SHA256SUMS")).unwrap(),
            fs::read(root.join("data/releases").join(version).join("SHA256SUMS")).unwrap()
        );
        verified_files(&published);
    }
    let page = read(root, "public/data/index.html");
    let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + page[start..].find("</script>").unwrap();
    let dataset: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(dataset["@type"], "Dataset");
    assert_eq!(dataset["name"], "Imported Tracker");
    assert_eq!(dataset["version"], "1.1.0");
    assert_eq!(dataset["url"], "https://example.org/imported/data/");
    let downloads = dataset["distribution"].as_array().unwrap();
    let claims = downloads
        .iter()
        .find(|d| d["name"] == "claims.json")
        .unwrap();
    assert_eq!(claims["@type"], "DataDownload");
    assert_eq!(
        claims["contentUrl"],
        "https://example.org/imported/data/releases/1.1.0/claims.json"
    );
    assert_eq!(claims["encodingFormat"], "application/json");
    assert!(page.contains("<a href=\"/imported/data/releases/1.0.0/CHANGES.md\">CHANGES.md</a>"));
    assert!(page.contains("<li id=\"release-1.0.0\">"), "{page}");
    // A reader who walks up from a released file finds the release on /data/.
    let folder = read(root, "public/data/releases/1.0.0/index.html");
    assert!(
        folder.contains("url=/imported/data/#release-1.0.0"),
        "{folder}"
    );
    let all = read(root, "public/data/releases/index.html");
    assert!(all.contains("url=/imported/data/#releases"), "{all}");
}

#[test]
fn the_dataset_cannot_leave_its_script_and_names_the_license() {
    let dir = imported_site();
    let root = dir.path();
    let site = fs::read_to_string(root.join("site.toml")).unwrap().replace(
        "description = \"A fictional site that starts from imported fact-checks.\"",
        "description = \"</script><script>alert(1)</script>\"\nlicense = \"https://creativecommons.org/licenses/by/4.0/\"",
    );
    fs::write(root.join("site.toml"), site).unwrap();
    claimtrail::build(&options(root)).unwrap();
    let page = read(root, "public/data/index.html");
    let start = page.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + page[start..].find("</script>").unwrap();
    let dataset: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(dataset["description"], "</script><script>alert(1)</script>");
    assert_eq!(
        dataset["license"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    // Without a release, the live files are the distribution.
    assert!(dataset.get("version").is_none());
    assert_eq!(
        dataset["distribution"][0]["contentUrl"],
        "https://example.org/imported/claims.json"
    );
}

#[test]
fn the_example_site_publishes_its_release() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let releases: Vec<_> = fs::read_dir(root.join("data/releases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(releases.len(), 1, "{releases:?}");
    let names = verified_files(&releases[0]);
    assert!(names.contains(&"claims.json".to_string()), "{names:?}");
    let checked = claimtrail::check(root, false).unwrap();
    let site = checked.site.unwrap();
    assert_eq!(site.releases.len(), 1);
    assert_eq!(site.releases[0].version, "2026.12.0");
    let cff: serde_yaml_ng::Value = serde_yaml_ng::from_str(&read(root, "CITATION.cff")).unwrap();
    assert_eq!(cff["version"].as_str(), Some("2026.12.0"));
}
