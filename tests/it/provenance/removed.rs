//! How `/changes/`, its feed and `changes.json` name a record whose file was
//! removed: by the title it had in its last readable version, whether or not
//! that title was ever reworded, and the same from the cache as from scratch.

use std::fs;

use serde_json::Value;

use super::pages::{built, feed_titles};
use super::repo::{COST, GLOBEX, GitSite};
use crate::common::html::texts;
use crate::common::{data, page, read};

const CACHE: &str = ".claimtrail/history.json";
const COST_TITLE: &str = "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1";
const ABOUT: &str = "content/pages/about.md";

/// The record `id` in `changes.json`.
fn record(site: &GitSite, id: &str) -> Value {
    let changes = data(site.root(), "changes.json");
    (changes["records"].as_array().unwrap().iter())
        .find(|record| record["id"] == id)
        .unwrap_or_else(|| panic!("no record {id}: {changes:#}"))
        .clone()
}

/// Removes the file at `path` and commits that as `subject` at `date`.
fn remove(site: &GitSite, path: &str, subject: &str, date: &str) {
    site.git(&["rm", "-q", path], date);
    site.commit(subject, date);
}

#[test]
fn a_removed_record_whose_title_never_changed_is_named_by_its_title() {
    let site = GitSite::committed();
    // A change that is not a title change, then a build that saves the walk.
    site.refute_the_cost_claim();
    site.commit("Refute the cost claim", "2026-06-10T12:00:00Z");
    site.build_into("first");
    remove(&site, COST, "Remove the cost claim", "2026-06-12T10:00:00Z");
    remove(
        &site,
        ABOUT,
        "Remove the about page",
        "2026-06-13T10:00:00Z",
    );

    let incremental = site.build_into("incremental");
    let saved = fs::read_to_string(site.root().join(CACHE)).unwrap();
    assert!(
        saved.contains(&format!("\"title\":\"{COST_TITLE}\"")),
        "the cache keeps the title: {saved}"
    );
    assert_eq!(built(&site), None);
    let log = page(site.root(), "changes/index.html");
    let named = texts(&log, ".change-record");
    assert_eq!(
        named[..2],
        [
            "About this tracker (page)".to_string(),
            format!("{COST_TITLE} (claim)")
        ]
    );
    assert!(
        !named.iter().any(|n| n.contains("acme-model-2-cost")),
        "named by its id: {named:?}"
    );
    assert_eq!(feed_titles(&site)[1], format!("{COST_TITLE}: Removed."));

    let cost = record(&site, "acme-model-2-cost");
    assert_eq!(cost["title"], COST_TITLE);
    assert_eq!(cost["removed"], true);
    assert_eq!(cost["url"], Value::Null);
    let globex = record(&site, "globex-beats-acme");
    assert_eq!(
        globex["title"],
        "Globex's model beats Acme Model 2 on every benchmark"
    );
    // Its place among the keys: after `id`, as the schema lists it.
    let text = read(site.root(), "public/changes.json");
    let after_id = text.split("\"id\": \"globex-beats-acme\",").nth(1).unwrap();
    assert!(
        after_id.trim_start().starts_with("\"title\": \"Globex"),
        "{text}"
    );
    let index = data(site.root(), "claims/globex-beats-acme/index.json");
    assert_eq!(index["changes"], globex, "the item's record is the same");

    fs::remove_file(site.root().join(CACHE)).unwrap();
    let full = site.build_into("full");
    assert!(incremental == full, "the cached and full reads differ");
}

#[test]
fn a_blank_missing_or_unreadable_title_leaves_the_last_one() {
    let site = GitSite::committed();
    site.build_into("first");
    let title_line = format!("title = \"{COST_TITLE}\"\n");
    site.edit(COST, &title_line, "title = \"  \"\n");
    site.commit("Blank the title", "2026-06-01T10:00:00Z");
    site.edit(COST, "title = \"  \"\n", "");
    site.commit("Drop the title", "2026-06-02T10:00:00Z");
    site.edit(COST, "status = \"disputed\"", "status = disputed");
    site.edit(COST, "+++", "+++\ntitle = \"Unreadable\"\n");
    site.commit("Break it", "2026-06-03T10:00:00Z");
    remove(&site, COST, "Remove the cost claim", "2026-06-04T10:00:00Z");
    // A current record keeps its title when its file breaks.
    site.edit(GLOBEX, "status = \"refuted\"", "status = refuted");
    site.edit(GLOBEX, "title = \"Globex", "title = \"Broken Globex");
    site.commit("Break the other one", "2026-06-05T10:00:00Z");
    site.edit(GLOBEX, "status = refuted", "status = \"refuted\"");
    site.edit(GLOBEX, "title = \"Broken Globex", "title = \"Globex");

    let incremental = site.build_into("incremental");
    assert_eq!(built(&site), None);
    let log = page(site.root(), "changes/index.html");
    assert_eq!(
        texts(&log, ".change-record")[0],
        format!("{COST_TITLE} (claim)")
    );
    assert_eq!(record(&site, "acme-model-2-cost")["title"], COST_TITLE);
    assert_eq!(
        record(&site, "globex-beats-acme")["title"],
        "Globex's model beats Acme Model 2 on every benchmark"
    );
    fs::remove_file(site.root().join(CACHE)).unwrap();
    assert!(incremental == site.build_into("full"));
}
