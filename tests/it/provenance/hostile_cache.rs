//! A `.claimtrail/history.json` that claimtrail did not write as it is: cut
//! short, of the wrong types, huge, pointing at records it does not have, at
//! an object that is not a commit or at the wrong tree, or a symbolic link.
//! Each is read past: the whole history is read again and the site is the
//! one a build without a cache makes.

use std::fs;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::repo::GitSite;

const CACHE: &str = ".claimtrail/history.json";
const DATE: &str = "2026-01-01T00:00:00Z";

/// A site built once (its cache saved at its first commit), then changed by
/// a second commit; with the saved cache and the site a full read builds.
fn site_with_a_saved_walk() -> (GitSite, Value, Vec<(String, Vec<u8>)>) {
    let site = GitSite::committed();
    site.build_into("first");
    let saved = fs::read_to_string(site.root().join(CACHE)).unwrap();
    site.refute_the_cost_claim();
    site.commit("Refute the cost claim", "2026-06-10T12:00:00Z");
    fs::remove_file(site.root().join(CACHE)).unwrap();
    let full = site.build_into("full");
    (site, serde_json::from_str(&saved).unwrap(), full)
}

#[test]
fn a_cache_edited_into_nonsense_is_read_past() {
    let (site, saved, full) = site_with_a_saved_walk();
    let text = saved.to_string();
    let by_path = saved["state"]["by_path"].as_array().unwrap();
    let cost = (by_path.iter())
        .position(|entry| entry[0] == super::repo::COST)
        .unwrap();
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut value = saved.clone();
        edit(&mut value);
        value.to_string()
    };
    let content_tree = |commit: &str| site.git(&["rev-parse", &format!("{commit}:content")], DATE);
    let variants = [
        ("cut short", text[..text.len() / 2].to_string()),
        (
            "wrong types",
            edited(&|v| v["state"]["records"] = json!("many")),
        ),
        (
            "a huge array",
            edited(&|v| {
                v["state"]["by_path"] =
                    json!(vec![json!(["content/claims/x.md", 1_000_000]); 200_000])
            }),
        ),
        (
            "an index out of range",
            edited(&|v| v["state"]["by_path"][cost][1] = json!(999)),
        ),
        (
            "a head that is a tree",
            edited(&|v| v["head"] = json!(content_tree("HEAD~1").trim())),
        ),
        (
            "the wrong tree",
            edited(&|v| v["tree"] = json!(content_tree("HEAD").trim())),
        ),
    ];
    for (what, text) in variants {
        fs::write(site.root().join(CACHE), &text).unwrap();
        let started = Instant::now();
        let built = site.build_into("again");
        assert!(built == full, "{what}: the output differs from a full read");
        assert!(started.elapsed() < Duration::from_secs(30), "{what}");
        let resaved: Value =
            serde_json::from_str(&fs::read_to_string(site.root().join(CACHE)).unwrap()).unwrap();
        let head = site.git(&["rev-parse", "HEAD"], DATE);
        assert_eq!(
            resaved["head"],
            head.trim(),
            "{what}: the walk is saved anew"
        );
    }
}

/// `claimtrail build` in the site, which must end within a minute; its output.
fn build_within_a_minute(site: &GitSite) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["build", "--no-search"])
        .current_dir(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the build did not end");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[cfg(unix)]
#[test]
fn a_cache_that_is_a_symbolic_link_is_neither_read_nor_written_through() {
    use std::os::unix::fs::symlink;
    let site = GitSite::committed();
    fs::create_dir(site.root().join(".claimtrail")).unwrap();
    symlink("/dev/zero", site.root().join(CACHE)).unwrap();
    site.git(&["add", "-f", CACHE], DATE);
    site.commit("A cache that never ends", "2026-05-04T09:00:00Z");
    let said = build_within_a_minute(&site);
    assert!(said.contains("(git history: 2 commits read"), "{said}");
    assert!(
        fs::symlink_metadata(site.root().join(CACHE))
            .unwrap()
            .is_symlink()
    );

    let outside = tempfile::tempdir().unwrap();
    fs::remove_dir_all(site.root().join(".claimtrail")).unwrap();
    symlink(outside.path(), site.root().join(".claimtrail")).unwrap();
    let said = build_within_a_minute(&site);
    assert!(said.contains("(git history: 2 commits read"), "{said}");
    let written: Vec<_> = fs::read_dir(outside.path()).unwrap().collect();
    assert!(written.is_empty(), "written outside the site: {written:?}");
}
