//! Trees a pull request can commit that no editor makes: a submodule or a
//! symbolic link named like a claim, versions too large or broken in every
//! way, names that are not UTF-8, `content` as a file, a claim moved into a
//! folder and back. The build keeps every record whole, and `diff` says what
//! it cannot read.

use std::ffi::OsStr;

use serde_json::Value;

use super::pages::built;
use super::repo::{COST, GitSite};
use crate::common::data;
use crate::review::{Run, run_in};

/// The revisions of the records `id` in `changes.json`: (subject, change kinds) of each.
fn records(site: &GitSite, id: &str) -> Vec<Vec<(String, Vec<String>)>> {
    let changes = data(site.root(), "changes.json");
    let records = changes["records"].as_array().unwrap().iter();
    (records.filter(|record| record["id"] == id))
        .map(|record| {
            let revisions = record["revisions"].as_array().unwrap().iter();
            (revisions.map(|revision| {
                let kinds = revision["changes"].as_array().unwrap().iter();
                let kinds = kinds.map(|c| c["change"].as_str().unwrap().to_string());
                (
                    revision["subject"].as_str().unwrap().to_string(),
                    kinds.collect(),
                )
            }))
            .collect()
        })
        .collect()
}

/// `(subject, kinds)` as [`records`] gives them.
fn revision(subject: &str, kinds: &[&str]) -> (String, Vec<String>) {
    let kinds = kinds.iter().map(|kind| kind.to_string()).collect();
    (subject.to_string(), kinds)
}

/// `claimtrail args` in the site, which must succeed without a panic.
fn run_ok(site: &GitSite, args: &[&str]) -> Run {
    let run = run_in(site.root(), args);
    assert_eq!(run.code, Some(0), "{args:?}: {run:?}");
    assert!(!run.stderr.contains("panicked"), "{args:?}: {run:?}");
    run
}

#[test]
fn a_submodule_or_a_link_named_like_a_claim_is_never_read_and_the_claim_keeps_its_record() {
    let site = GitSite::committed();
    let head = site.git(&["rev-parse", "HEAD"], "2026-01-01T00:00:00Z");
    site.stage("160000", head.trim(), OsStr::new(COST));
    site.stage("160000", head.trim(), OsStr::new("content/claims/sub"));
    site.commit_index("Make the claim a submodule", "2026-05-04T09:00:00Z");
    site.commit("Restore it", "2026-05-05T09:00:00Z");
    let link = site.object("blob", b"/etc/passwd");
    site.stage("120000", &link, OsStr::new(COST));
    site.commit_index("Make the claim a link", "2026-05-06T09:00:00Z");
    site.commit("Restore it again", "2026-05-07T09:00:00Z");
    assert_eq!(built(&site), None);
    assert_eq!(
        records(&site, "acme-model-2-cost"),
        [[revision("Add the first claims", &["added"])]],
        "a version that is not a file is a gap, not a removal"
    );
    let changes = data(site.root(), "changes.json").to_string();
    assert!(!changes.contains("root:"), "the link is never followed");

    for (base, head) in [("HEAD~4", "HEAD~3"), ("HEAD~2", "HEAD~1")] {
        let run = run_ok(&site, &["diff", base, head, "--format", "json"]);
        let review: Value = serde_json::from_str(&run.stdout).unwrap();
        let unreadable = &review["unreadable"];
        assert_eq!(unreadable[0]["reason"], "not_a_file", "{head}: {review:#}");
        assert_eq!(unreadable[0]["file"], COST, "{head}: {review:#}");
        assert_eq!(review["counts"]["claims_removed"], 0, "{head}: {review:#}");
    }

    // At the head, on disk: `load` refuses the link, `diff` lists it.
    std::os::unix::fs::symlink("/etc/passwd", site.root().join("content/claims/x.md")).unwrap();
    let run = run_ok(&site, &["diff", "HEAD"]);
    assert!(
        run.stdout.contains("claim `x` (`content/claims/x.md`), added: the file is a symbolic link or a submodule, not a file"),
        "{run:?}"
    );
    let run = run_in(site.root(), &["build", "--no-search"]);
    assert_eq!(run.code, Some(1), "{run:?}");
    assert!(run.stderr.contains("leads outside the site"), "{run:?}");
}

#[test]
fn versions_broken_every_way_in_a_row_are_one_gap_and_diff_names_each() {
    let site = GitSite::committed();
    let good = std::fs::read(site.root().join(COST)).unwrap();
    let mut too_large = good.clone();
    too_large.resize(3 * 1024 * 1024, b'a');
    let broken: [(&str, Vec<u8>, &str); 5] = [
        (
            "Garbage",
            vec![0xff, 0xfe, 0x00, 0x9c, 0x80],
            "is not UTF-8 text",
        ),
        (
            "Unclosed",
            b"+++\ntitle = \"x\"\nstatus = \"refuted\"\n".to_vec(),
            "does not parse",
        ),
        ("NUL", b"\0\0+++\n".to_vec(), "does not parse"),
        (
            "Bad TOML",
            b"+++\ntitle = [[[\n+++\n".to_vec(),
            "does not parse",
        ),
        ("Too large", too_large, "is too large to be read as content"),
    ];
    for (subject, bytes, _) in &broken {
        std::fs::write(site.root().join(COST), bytes).unwrap();
        site.commit(subject, "2026-05-10T09:00:00Z");
    }
    std::fs::write(site.root().join(COST), good).unwrap();
    site.refute_the_cost_claim();
    site.commit("Mend and refute", "2026-06-10T09:00:00Z");

    assert_eq!(built(&site), None);
    assert_eq!(
        records(&site, "acme-model-2-cost"),
        [[
            revision("Add the first claims", &["added"]),
            revision("Mend and refute", &["verdict", "edited"]),
        ]]
    );
    for (back, (subject, _, why)) in (2..=6).rev().zip(&broken) {
        let (base, head) = (format!("HEAD~{back}"), format!("HEAD~{}", back - 1));
        let run = run_ok(&site, &["diff", &base, &head]);
        assert!(
            run.stdout.contains("**1 file cannot be read**"),
            "{subject}: {run:?}"
        );
        assert!(run.stdout.contains(why), "{subject}: {run:?}");
    }
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_stay_two_files_and_content_as_a_file_is_no_folder() {
    use std::os::unix::ffi::OsStrExt;
    let site = GitSite::committed();
    let blob = site.git(
        &["rev-parse", &format!("HEAD:{COST}")],
        "2026-01-01T00:00:00Z",
    );
    let e9 = OsStr::from_bytes(b"content/claims/caf\xe9.md");
    let e8 = OsStr::from_bytes(b"content/claims/caf\xe8.md");
    site.stage("100644", blob.trim(), e9);
    site.stage("100644", blob.trim(), e8);
    site.commit_index("Two Latin-1 names", "2026-05-04T09:00:00Z");
    site.unstage(e9);
    site.commit_index("Drop one", "2026-05-05T09:00:00Z");
    let run = run_ok(&site, &["diff", "HEAD~1", "HEAD"]);
    assert!(
        run.stdout.contains("**1 claim removed**") && run.stdout.contains("claim `caf\\xE9`"),
        "{run:?}"
    );
    site.unstage(e8);
    // One commit whose `content` is a file: everything in it is removed.
    let file = site.object("blob", b"not a folder\n");
    site.git(
        &["rm", "-r", "-q", "--cached", "content"],
        "2026-01-01T00:00:00Z",
    );
    site.stage("100644", &file, OsStr::new("content"));
    site.commit_index("Content is a file", "2026-05-06T09:00:00Z");
    site.git(&["rm", "-q", "--cached", "content"], "2026-01-01T00:00:00Z");
    site.commit("Content is a folder again", "2026-05-07T09:00:00Z");

    assert_eq!(built(&site), None);
    let kept = [revision("Two Latin-1 names", &["added"])];
    assert_eq!(
        records(&site, "caf\\xE9"),
        [[kept[0].clone(), revision("Drop one", &["removed"])]]
    );
    assert_eq!(
        records(&site, "caf\\xE8"),
        [[kept[0].clone(), revision("Content is a file", &["removed"])]]
    );
    assert_eq!(
        records(&site, "acme-model-2-cost"),
        [
            vec![
                revision("Add the first claims", &["added"]),
                revision("Content is a file", &["removed"])
            ],
            vec![revision("Content is a folder again", &["added"])],
        ]
    );
}

#[test]
fn a_claim_moved_into_a_folder_renamed_by_case_and_back_keeps_one_record() {
    let site = GitSite::committed();
    std::fs::create_dir(site.root().join("content/claims/2026")).unwrap();
    let inside = "content/claims/2026/acme-model-2-cost.md";
    site.rename(COST, inside);
    site.commit("File it under 2026", "2026-05-04T09:00:00Z");
    site.edit(
        inside,
        "is 35% cheaper per token.",
        "is a third cheaper per token.",
    );
    site.commit("Reword it", "2026-05-05T09:00:00Z");
    site.rename(inside, COST);
    site.commit("Take it out again", "2026-05-06T09:00:00Z");
    let shouting = "content/claims/Acme-Model-2-Cost.md";
    site.rename(COST, shouting);
    site.commit("Shout", "2026-05-07T09:00:00Z");
    site.rename(shouting, COST);
    site.commit("Stop shouting", "2026-05-08T09:00:00Z");

    assert_eq!(built(&site), None);
    assert_eq!(
        records(&site, "acme-model-2-cost"),
        [[
            revision("Add the first claims", &["added"]),
            revision("Reword it", &["edited"]),
            revision("Shout", &["renamed"]),
            revision("Stop shouting", &["renamed"]),
        ]],
        "a move to another folder is no change, but the record follows it"
    );
    let run = run_ok(&site, &["diff", "HEAD~5", "HEAD~4"]);
    assert!(run.stdout.contains("no content changes"), "{run:?}");
}

#[test]
fn a_claim_nested_20000_folders_deep_is_read_past_in_linear_time() {
    let site = GitSite::committed();
    let deep = format!("content/claims/{}x.md", "a/".repeat(20_000));
    let claim = std::fs::read(site.root().join(COST)).unwrap();
    let mut stream = format!(
        "commit refs/heads/main\ncommitter Editor <editor@example.org> 1780000000 +0000\ndata 4\nDeep\nfrom refs/heads/main^0\nM 100644 inline {deep}\ndata {}\n",
        claim.len()
    )
    .into_bytes();
    stream.extend_from_slice(&claim);
    stream.extend_from_slice(
        b"\ncommit refs/heads/main\ncommitter Editor <editor@example.org> 1780000001 +0000\ndata 7\nShallow\nD content/claims/a\n\n",
    );
    site.git_with_input(&["fast-import", "--quiet"], &stream);

    let started = std::time::Instant::now();
    assert_eq!(built(&site), None);
    assert!(
        records(&site, "x").is_empty(),
        "a path no checkout can write is no file"
    );
    assert_eq!(records(&site, "acme-model-2-cost").len(), 1);
    let run = run_ok(&site, &["diff", "HEAD~2", "HEAD~1"]);
    assert!(run.stdout.contains("no content changes"), "{run:?}");
    let elapsed = started.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(30), "{elapsed:?}");
}
