//! The history kept between builds (`.claimtrail/history.json`): a build
//! reads only the commits made since the last one, and what it shows is what
//! a full read shows; an unusable cache is read past.

use std::fs;

use super::repo::GitSite;

const CACHE: &str = ".claimtrail/history.json";

/// The same site built with its cache removed first.
fn built_from_scratch(site: &GitSite, folder: &str) -> Vec<(String, Vec<u8>)> {
    let _ = fs::remove_file(site.root().join(CACHE));
    site.build_into(folder)
}

fn refute_the_cost_claim(site: &GitSite) {
    site.refute_the_cost_claim();
    site.commit("Refute the cost claim", "2026-06-10T12:00:00Z");
}

#[test]
fn a_build_after_new_commits_shows_what_a_full_read_shows() {
    let site = GitSite::committed();
    site.build_into("first");
    assert!(
        site.root().join(CACHE).is_file(),
        "the first build saves its walk"
    );
    refute_the_cost_claim(&site);
    let incremental = site.build_into("incremental");
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(site.root().join(CACHE)).unwrap()).unwrap();
    let head = site.git(&["rev-parse", "HEAD"], "2026-06-10T12:00:00Z");
    assert_eq!(
        saved["head"],
        head.trim(),
        "the cache moves to the new HEAD"
    );
    let full = built_from_scratch(&site, "full");
    assert!(incremental.iter().any(|(path, _)| path == "changes.json"));
    assert!(incremental == full, "incremental and full reads differ");
}

#[test]
fn the_saved_walk_is_what_the_next_build_starts_from() {
    let site = GitSite::committed();
    site.build_into("first");
    // Mark the saved walk: a record entered on another day. Only a build that
    // resumes from the cache can show that day.
    let path = site.root().join(CACHE);
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"entered\":\"2026-05-03T09:00:00Z\""),
        "{text}"
    );
    fs::write(
        &path,
        text.replace(
            "\"entered\":\"2026-05-03T09:00:00Z\"",
            "\"entered\":\"2026-05-01T09:00:00Z\"",
        ),
    )
    .unwrap();
    refute_the_cost_claim(&site);
    let files = site.build_into("resumed");
    let changes = files.iter().find(|(p, _)| p == "changes.json").unwrap();
    let changes = String::from_utf8(changes.1.clone()).unwrap();
    assert!(
        changes.contains("\"entered\": \"2026-05-01T09:00:00Z\""),
        "{changes}"
    );
}

#[test]
fn an_unreadable_cache_is_read_past() {
    let site = GitSite::committed();
    refute_the_cost_claim(&site);
    let full = built_from_scratch(&site, "full");
    fs::write(site.root().join(CACHE), "{ not json").unwrap();
    assert!(site.build_into("garbage") == full);
}

#[test]
fn a_cache_from_a_rewritten_history_is_read_past() {
    let site = GitSite::committed();
    refute_the_cost_claim(&site);
    site.build_into("first");
    // The commit the cache stopped at is replaced: it is on no chain now.
    site.git(
        &[
            "commit",
            "-q",
            "--amend",
            "-m",
            "Refute the cost claim (#5)",
        ],
        "2026-06-11T12:00:00Z",
    );
    let after_rewrite = site.build_into("after-rewrite");
    assert!(after_rewrite == built_from_scratch(&site, "full"));
}

/// The build line's account of the history: how many commits were read.
fn commits_read(site: &GitSite) -> String {
    let output = assert_cmd::Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["build", "--no-search", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let start = stdout.find("(git history: ").expect(&stdout);
    let end = stdout.find(" read in ").expect(&stdout);
    assert!(stdout.trim_end().ends_with(" ms)"), "{stdout}");
    stdout[start + "(git history: ".len()..end].to_string()
}

#[test]
fn the_build_line_says_how_many_commits_it_read() {
    let site = GitSite::committed();
    site.git(
        &["commit", "-q", "--allow-empty", "-m", "Second"],
        "2026-05-04T09:00:00Z",
    );
    assert_eq!(commits_read(&site), "2 commits", "a first build reads all");
    assert_eq!(commits_read(&site), "0 commits", "nothing new since");
    refute_the_cost_claim(&site);
    assert_eq!(commits_read(&site), "1 commit", "only the new one");
}

#[test]
fn a_walk_that_ends_on_a_broken_file_is_not_saved_and_the_next_build_bridges_it() {
    let site = GitSite::committed();
    site.build_into("first");
    let saved = |site: &GitSite| fs::read_to_string(site.root().join(CACHE)).unwrap();
    let before = saved(&site);
    site.edit(
        super::repo::COST,
        "status = \"disputed\"",
        "status = disputed",
    );
    site.commit("Oops, broken", "2026-06-11T10:00:00Z");
    let cache: serde_json::Value = serde_json::from_str(&before).unwrap();
    let statuses: Vec<&str> = (cache["statuses"].as_array().unwrap().iter())
        .map(|s| s.as_str().unwrap())
        .collect();
    let (history, commits) = claimtrail::provenance::read(site.root(), &statuses).unwrap();
    assert_eq!(commits, 1, "read from the saved walk");
    let record = history
        .record(claimtrail::load::Kind::Claim, "acme-model-2-cost")
        .unwrap();
    assert_eq!(record.revisions.len(), 1, "the broken version is a gap");
    assert_eq!(saved(&site), before, "a walk ending in a gap is not saved");
    site.edit(
        super::repo::COST,
        "status = disputed",
        "status = \"disputed\"",
    );
    site.refute_the_cost_claim();
    site.commit("Mend and refute", "2026-06-12T10:00:00Z");
    let incremental = site.build_into("incremental");
    assert_ne!(saved(&site), before, "a walk without a gap is saved");
    let full = built_from_scratch(&site, "full");
    assert!(incremental == full, "incremental and full reads differ");
}

#[test]
fn a_cache_of_an_earlier_format_is_read_again_once() {
    let site = GitSite::committed();
    site.build_into("first");
    let path = site.root().join(CACHE);
    let mut saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let format = saved["format"].as_u64().unwrap();
    // An earlier claimtrail's walk, marked: a record entered on another day.
    saved["format"] = (format - 1).into();
    saved["state"]["records"][0]["entered"] = "2026-05-01T09:00:00Z".into();
    fs::write(&path, saved.to_string()).unwrap();
    let files = site.build_into("again");
    let changes = files.iter().find(|(p, _)| p == "changes.json").unwrap();
    let changes = String::from_utf8(changes.1.clone()).unwrap();
    assert!(!changes.contains("2026-05-01"), "{changes}");
    assert!(changes.contains("\"entered\": \"2026-05-03T09:00:00Z\""));
    let resaved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        resaved["format"], format,
        "the walk is saved in the new format"
    );
    assert!(files == built_from_scratch(&site, "full"));
}
