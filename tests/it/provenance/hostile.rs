//! Commit messages are written by whoever opens a pull request (a squash
//! merge's subject is the pull request's title): the pages, the feed and the
//! data that show them keep them as text. So are commit times (any number
//! git will store) and the revisions given to `diff` and `check --base`.

use super::pages::built;
use super::repo::{COST, GitSite};
use crate::common::html::{select, texts};
use crate::common::html_safety::executable_parts_of_page;
use crate::common::{data, page, read, tree};
use crate::review::run_in;

const SUBJECT: &str =
    "</script><script>alert('subject')</script><img src=x onerror=alert(1)> ]]> {{ 7 * 7 }} & (#7)";

/// The base fixture with one verdict change committed under [`SUBJECT`].
fn site_with_a_hostile_subject() -> GitSite {
    let site = GitSite::committed();
    site.refute_the_cost_claim();
    site.commit(SUBJECT, "2026-06-10T12:00:00Z");
    site
}

#[test]
fn a_hostile_commit_subject_is_published_as_text_everywhere() {
    let site = site_with_a_hostile_subject();
    assert_eq!(built(&site), None);
    let output = site.root().join("public");
    let mut pages = 0;
    for (path, bytes) in tree(&output) {
        if path.ends_with(".html") {
            let found = executable_parts_of_page(&String::from_utf8(bytes).unwrap());
            assert!(found.is_empty(), "{path}: {found:#?}");
            pages += 1;
        }
    }
    assert!(pages > 20, "only {pages} pages");

    let claim = page(site.root(), "claims/acme-model-2-cost/index.html");
    assert_eq!(
        select(&claim, ".changes .revision .subject")
            .first()
            .map(|subject| subject.text().collect::<String>()),
        Some(SUBJECT.to_string()),
        "the claim page's Changes shows the subject as text"
    );
    let log = page(site.root(), "changes/index.html");
    assert!(
        texts(&log, "main").concat().contains("alert('subject')"),
        "the log shows the subject as text"
    );

    let feed = read(site.root(), "public/changes/feed.xml");
    let xml = roxmltree::Document::parse(&feed).expect("the feed stays well-formed XML");
    let shown: String = xml
        .descendants()
        .filter(|node| node.has_tag_name("p"))
        .filter_map(|node| node.text())
        .collect();
    assert!(shown.contains(SUBJECT), "{shown}");
    assert!(
        !xml.descendants().any(|node| node.has_tag_name("script")),
        "no element made from the subject"
    );

    let changes = data(site.root(), "changes.json");
    let revisions = changes["records"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|record| record["revisions"].as_array().unwrap().iter());
    let subject = revisions
        .filter_map(|revision| revision["subject"].as_str())
        .find(|subject| subject.contains("alert"));
    assert_eq!(subject, Some(SUBJECT), "the data keeps it exactly");
    let pull = changes["records"].as_array().unwrap().iter().find_map(|r| {
        r["revisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["subject"] == SUBJECT)
            .map(|v| v["pull_request"].clone())
    });
    assert_eq!(pull, Some(serde_json::json!(7)));
}

/// Commits what is on disk with the committer's time written as given
/// (git's `SECONDS ±HHMM`, unchecked, as `git fsck` would refuse) and `message`.
fn commit_raw(site: &GitSite, time: &str, message: &str) {
    let date = "2026-01-01T00:00:00Z";
    site.git(&["add", "-A"], date);
    let tree = site.git(&["write-tree"], date);
    let parent = site.git(&["rev-parse", "HEAD"], date);
    let who = "Editor <editor@example.org>";
    let text = format!(
        "tree {}\nparent {}\nauthor {who} {time}\ncommitter {who} {time}\n\n{message}\n",
        tree.trim(),
        parent.trim()
    );
    let id = site.object("commit", text.as_bytes());
    site.git(&["update-ref", "refs/heads/main", &id], date);
}

#[test]
fn absurd_commit_times_and_subjects_build_the_same_with_and_without_the_cache() {
    let long = "x".repeat(10 * 1024);
    let commits = [
        ("-62167219200 +0000", "Year zero", "0000-01-01T00:00:00Z"),
        (
            "253402300800 +0000",
            "Year ten thousand",
            "1970-01-01T00:00:00Z",
        ),
        ("-99999999999 -0030", "Long ago", "1970-01-01T00:00:00Z"),
        ("1780000000 +9999", "Odd offset", "2026-05-28T20:26:40Z"),
        (
            "99999999999999999999 +0000",
            "Overflow",
            "1970-01-01T00:00:00Z",
        ),
        ("1780000001 +0000", "", "2026-05-28T20:26:41Z"),
        (
            "1780000002 +0000",
            "\u{1}\u{2}\u{1b}\u{7f}",
            "2026-05-28T20:26:42Z",
        ),
        ("1780000003 +0130", &long, "2026-05-28T21:56:43+01:30"),
    ];
    let site = GitSite::committed();
    for (n, (time, subject, _)) in commits.iter().enumerate() {
        site.edit(COST, "per token.", &format!("per token ({n})."));
        commit_raw(&site, time, subject);
        site.edit(COST, &format!("per token ({n})."), "per token.");
    }
    site.edit(COST, "per token.", "per token, say.");
    site.commit("Settle the summary", "2026-06-01T00:00:00Z");

    let first = site.build_into("first");
    let cached = site.build_into("cached");
    std::fs::remove_dir_all(site.root().join(".claimtrail")).unwrap();
    let full = site.build_into("full");
    assert!(
        first == full && cached == full,
        "the cache changed the output"
    );

    let changes: serde_json::Value =
        serde_json::from_str(&read(site.root(), "full/changes.json")).unwrap();
    let record = (changes["records"].as_array().unwrap().iter())
        .find(|record| record["id"] == "acme-model-2-cost")
        .unwrap();
    let revisions = record["revisions"].as_array().unwrap();
    let shown: Vec<(&str, &str)> = (revisions[1..=commits.len()].iter())
        .map(|r| (r["time"].as_str().unwrap(), r["subject"].as_str().unwrap()))
        .collect();
    // A subject of control characters only is shown as none.
    let wanted: Vec<(&str, &str)> = (commits.iter())
        .map(|&(_, s, time)| (time, if s.starts_with('\u{1}') { "" } else { s }))
        .collect();
    assert_eq!(shown, wanted);

    let claim = read(site.root(), "full/claims/acme-model-2-cost/index.html");
    let claim = scraper::Html::parse_document(&claim);
    let subjects = texts(&claim, ".changes .revision .subject");
    let cut = subjects.iter().find(|s| s.starts_with("xxx")).unwrap();
    assert_eq!(cut.chars().count(), 201, "{cut}");
    assert!(cut.ends_with('…'), "{cut}");
}

#[test]
fn a_blob_or_a_tree_given_as_a_revision_is_refused_with_exit_code_2() {
    let site = GitSite::committed();
    let date = "2026-01-01T00:00:00Z";
    let blob = site.git(&["rev-parse", &format!("HEAD:{COST}")], date);
    let tree = site.git(&["rev-parse", "HEAD:content"], date);
    site.git(&["tag", "blob-tag", blob.trim()], date);
    for revision in [blob.trim(), &blob[..8], tree.trim(), "blob-tag"] {
        for args in [
            vec!["diff", revision, "HEAD"],
            vec!["diff", "HEAD", revision],
            vec!["check", "--base", revision],
        ] {
            let run = run_in(site.root(), &args);
            assert_eq!(run.code, Some(2), "{args:?}: {run:?}");
            let wanted = format!("error: `{revision}` is not a commit; name a branch");
            assert!(run.stderr.starts_with(&wanted), "{args:?}: {run:?}");
            assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
        }
    }
}
