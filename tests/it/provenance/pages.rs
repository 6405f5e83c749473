//! What readers get from the history: the claim page's entry line, its
//! Changes section and timeline, `changes.json`, `/changes/` and its feed.

use claimtrail::build;

use super::repo::{COST, GitSite, scripted};
use crate::common::html::{attrs, texts};
use crate::common::{self, options, page, read};

/// `site` built into `<root>/public` without the search index; the build's skip note.
pub fn built(site: &GitSite) -> Option<String> {
    let report = build(&claimtrail::BuildOptions {
        search: false,
        ..options(site.root())
    })
    .unwrap();
    report.provenance_skipped
}

#[test]
fn claim_page_says_when_it_was_entered_and_changed_and_lists_its_changes() {
    let site = scripted();
    assert_eq!(built(&site), None);
    let html = page(site.root(), "claims/acme-model-2-price/index.html");
    assert_eq!(
        texts(&html, ".provenance"),
        ["Entered May 3, 2026 · last changed June 15, 2026"]
    );
    assert_eq!(
        texts(&html, ".changes summary"),
        ["3 changes recorded in the tracker's history"]
    );
    assert_eq!(
        texts(&html, ".changes .revision > time"),
        ["June 15, 2026", "June 10, 2026", "May 3, 2026"]
    );
    assert_eq!(
        texts(&html, ".changes .revision-changes li"),
        [
            "Renamed from acme-model-2-cost; the old address redirects here.",
            "Edited: former addresses.",
            "Verdict changed from Disputed to Refuted (The price sheet settles it.).",
            "Edited: history notes.",
            "Entered.",
        ]
    );
    assert_eq!(
        attrs(&html, ".changes .pull-request a", "href"),
        ["https://github.com/example/tracker/pull/4"]
    );
    let json_ld = texts(&html, "script[type='application/ld+json']").join("");
    assert!(
        json_ld.contains(r#""dateModified":"2026-06-15""#),
        "{json_ld}"
    );
    assert_eq!(
        texts(&html, ".claim-footer time"),
        ["June 15, 2026"],
        "the last update is git's last change, not the newest date in the file"
    );
    assert!(texts(&html, ".cite-text")[0].contains("Last updated June 15, 2026."));
    let sitemap = read(site.root(), "public/sitemap.xml");
    assert!(
        sitemap.contains("/claims/acme-model-2-price/</loc><lastmod>2026-06-15</lastmod>"),
        "{sitemap}"
    );
}

#[test]
fn a_verdict_change_without_a_note_shows_as_recorded_by_git() {
    let site = scripted();
    built(&site);
    let html = page(site.root(), "claims/globex-leads/index.html");
    let notes = texts(&html, ".event-verdict .note");
    assert_eq!(
        notes,
        ["as recorded by git", "as recorded by git"],
        "{notes:?}"
    );
    assert_eq!(
        texts(&html, ".event-verdict"),
        [
            "June 11, 2026 Verdict changed from Refuted to Disputed as recorded by git",
            "May 15, 2026 Entered as Refuted as recorded by git",
        ],
        "a verdict change only git recorded names the verdict before it"
    );
    assert_eq!(
        texts(&html, ".provenance"),
        ["Entered May 3, 2026 · last changed June 20, 2026"]
    );
    let lines = texts(&html, ".changes .revision-changes li");
    assert_eq!(
        lines,
        [
            "Evidence added (supports): https://example.org/press/recount.",
            "Renamed from globex-beats-acme; the old address no longer works.",
            "Quote from https://example.org/lab/benchmarks edited.",
            "Verdict changed from Refuted to Disputed (as recorded by git).",
            "Edited: history notes.",
            "Entered.",
        ]
    );
}

#[test]
fn changes_json_holds_every_record_with_its_changes() {
    let site = scripted();
    built(&site);
    let data = common::data(site.root(), "changes.json");
    let records = data["records"].as_array().unwrap();
    let cost = records
        .iter()
        .find(|r| r["id"] == "acme-model-2-price")
        .unwrap();
    assert_eq!(cost["kind"], "claim");
    assert_eq!(cost["entered"], "2026-05-03T09:00:00Z");
    assert_eq!(cost["last_changed"], "2026-06-15T08:00:00Z");
    assert_eq!(
        cost["url"],
        "https://example.org/tracker/claims/acme-model-2-price/"
    );
    let revisions = cost["revisions"].as_array().unwrap();
    assert_eq!(revisions.len(), 3);
    assert_eq!(revisions[1]["subject"], "Refute the cost claim (#4)");
    assert_eq!(revisions[1]["pull_request"], 4);
    assert_eq!(
        revisions[1]["changes"][0],
        serde_json::json!({
            "change": "verdict",
            "from": "disputed",
            "to": "refuted",
            "note": "The price sheet settles it."
        })
    );
    assert_eq!(
        revisions[2]["changes"][0],
        serde_json::json!({
            "change": "renamed",
            "from": "acme-model-2-cost",
            "to": "acme-model-2-price",
            "alias_kept": true
        })
    );
    let data_page = read(site.root(), "public/data/index.html");
    assert!(data_page.contains("changes.json"));
}

#[test]
fn the_changes_feed_parses_and_is_newest_first() {
    let site = scripted();
    built(&site);
    let feed = read(site.root(), "public/changes/feed.xml");
    let xml = roxmltree::Document::parse(&feed).unwrap();
    let entries: Vec<(String, String)> = xml
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|entry| {
            let child = |name: &str| {
                let found = entry.children().find(|c| c.has_tag_name(name)).unwrap();
                found.text().unwrap_or_default().to_string()
            };
            (child("updated"), child("title"))
        })
        .collect();
    assert_eq!(
        entries,
        [
            ("2026-06-20T08:00:00Z".into(), "Globex's model beats Acme Model 2 on every benchmark: Evidence added (supports): https://example.org/press/recount.".into()),
            ("2026-06-16T08:00:00Z".into(), "Globex's model beats Acme Model 2 on every benchmark: Renamed from globex-beats-acme; the old address no longer works.".into()),
            ("2026-06-15T08:00:00Z".into(), "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1: Renamed from acme-model-2-cost; the old address redirects here.".into()),
            ("2026-06-12T08:00:00Z".into(), "Globex's model beats Acme Model 2 on every benchmark: Quote from https://example.org/lab/benchmarks edited.".into()),
            ("2026-06-11T08:00:00Z".into(), "Globex's model beats Acme Model 2 on every benchmark: Verdict changed from Refuted to Disputed (as recorded by git).".into()),
            ("2026-06-10T12:00:00+02:00".into(), "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1: Verdict changed from Disputed to Refuted (The price sheet settles it.).".into()),
        ]
    );
    let html = page(site.root(), "changes/index.html");
    assert_eq!(texts(&html, ".change-entry").len(), 6);
    let footer = texts(&html, ".site-footer p").join(" ");
    assert!(footer.contains("Last updated June 20, 2026"), "{footer}");
}

#[test]
fn two_builds_of_the_same_commit_are_byte_identical() {
    let site = scripted();
    let first = site.build_into("first");
    let second = site.build_into("second");
    assert!(first.iter().any(|(path, _)| path == "changes.json"));
    assert_eq!(first, second);
}

/// A claim without `[[history]]`, entered on 3 May 2026 as unverified.
const PLAIN: &str = "content/claims/acme-opens-weights.md";

/// The base fixture plus [`PLAIN`], committed on 3 May 2026.
pub(super) fn with_a_claim_without_history() -> GitSite {
    let site = GitSite::new();
    std::fs::write(
        site.root().join(PLAIN),
        "+++\ntitle = \"Acme opens its model weights\"\ndate = 2026-05-01\nclaimant = \"example-press\"\nstatus = \"unverified\"\nentities = [\"acme\"]\n\n[[appearances]]\nurl = \"https://example.org/press/acme-weights\"\ndate = 2026-05-01\n+++\n",
    )
    .unwrap();
    site.commit("Add the first claims", "2026-05-03T09:00:00Z");
    site
}

/// Gives [`PLAIN`] its first `[[history]]` entry: refuted on 1 June 2026, with `note`.
pub(super) fn refute_the_plain_claim(site: &GitSite, note: &str) {
    site.edit(PLAIN, "status = \"unverified\"", "status = \"refuted\"");
    let entry = format!("\n[[history]]\ndate = 2026-06-01\nstatus = \"refuted\"\n{note}+++\n");
    let text = std::fs::read_to_string(site.root().join(PLAIN)).unwrap();
    let end = text.rfind("+++\n").unwrap();
    std::fs::write(site.root().join(PLAIN), format!("{}{entry}", &text[..end])).unwrap();
}

#[test]
fn a_first_history_entry_after_git_recorded_another_verdict_is_a_change_from_it() {
    let site = with_a_claim_without_history();
    refute_the_plain_claim(&site, "note = \"Acme kept the weights closed.\"\n");
    site.commit("Refute (#7)", "2026-06-01T10:00:00Z");
    built(&site);
    let html = page(site.root(), "claims/acme-opens-weights/index.html");
    assert_eq!(
        texts(&html, ".event-verdict"),
        ["June 1, 2026 Verdict changed from Unverified to Refuted Acme kept the weights closed."]
    );
}

#[test]
fn a_first_history_entry_without_a_note_is_a_change_as_recorded_by_git() {
    let site = with_a_claim_without_history();
    refute_the_plain_claim(&site, "");
    site.commit("Refute", "2026-06-01T10:00:00Z");
    built(&site);
    let html = page(site.root(), "claims/acme-opens-weights/index.html");
    assert_eq!(
        texts(&html, ".event-verdict"),
        ["June 1, 2026 Verdict changed from Unverified to Refuted as recorded by git"]
    );
}

#[test]
fn without_history_a_first_entry_is_still_entered_as() {
    let site = with_a_claim_without_history();
    refute_the_plain_claim(&site, "note = \"Acme kept the weights closed.\"\n");
    std::fs::remove_dir_all(site.root().join(".git")).unwrap();
    built(&site);
    let html = page(site.root(), "claims/acme-opens-weights/index.html");
    assert_eq!(
        texts(&html, ".event-verdict"),
        ["June 1, 2026 Entered as Refuted Acme kept the weights closed."]
    );
}

/// The exact text (not space-joined) of every element of `html` matching `css`.
fn exact_texts(html: &scraper::Html, css: &str) -> Vec<String> {
    crate::common::html::select(html, css)
        .into_iter()
        .map(|e| e.text().collect())
        .collect()
}

/// The `<p>` of each entry of the changes feed: date and subject.
fn feed_subjects(site: &GitSite) -> Vec<String> {
    let feed = read(site.root(), "public/changes/feed.xml");
    let xml = roxmltree::Document::parse(&feed).unwrap();
    let subjects = xml.descendants().filter(|n| n.has_tag_name("p"));
    subjects
        .map(|p| p.text().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_pull_request_number_in_the_subject_is_shown_once_and_links_to_the_pull_request() {
    let site = scripted();
    built(&site);
    let html = page(site.root(), "claims/acme-model-2-price/index.html");
    assert_eq!(
        exact_texts(&html, ".changes .subject"),
        [
            "Rename the cost claim",
            "Refute the cost claim (#4)",
            "Add the first claims"
        ]
    );
    assert_eq!(exact_texts(&html, ".changes .pull-request a"), ["#4"]);
    assert_eq!(
        attrs(&html, ".changes .pull-request a", "href"),
        ["https://github.com/example/tracker/pull/4"]
    );
    assert_eq!(
        exact_texts(&html, ".changes .subject > a"),
        [
            "Rename the cost claim",
            "Refute the cost claim",
            "Add the first claims"
        ],
        "the words link to the commit"
    );
    let log = page(site.root(), "changes/index.html");
    let subjects = exact_texts(&log, ".change-entry .subject");
    assert_eq!(subjects[0], "Merge pull request #7 from editor/evidence");
    assert_eq!(subjects[5], "Refute the cost claim (#4)");
    assert_eq!(
        attrs(&log, ".change-entry .pull-request a", "href"),
        [
            "https://github.com/example/tracker/pull/7",
            "https://github.com/example/tracker/pull/4"
        ]
    );
    let feed = feed_subjects(&site);
    assert_eq!(
        feed[0],
        "June 20, 2026: Merge pull request #7 from editor/evidence"
    );
    assert_eq!(feed[5], "June 10, 2026: Refute the cost claim (#4)");
}

#[test]
fn a_pull_request_the_subject_does_not_show_follows_it() {
    let site = GitSite::committed();
    site.refute_the_cost_claim();
    let long = format!("{} (#9)", "Refute ".repeat(40));
    site.commit(&long, "2026-06-10T12:00:00Z");
    built(&site);
    let html = page(site.root(), "claims/acme-model-2-cost/index.html");
    let shown = format!(
        "{}…",
        "Refute "
            .repeat(40)
            .chars()
            .take(200)
            .collect::<String>()
            .trim_end()
    );
    assert_eq!(
        exact_texts(&html, ".changes .subject"),
        [shown.clone(), "Add the first claims".into()]
    );
    assert_eq!(exact_texts(&html, ".changes .pull-request"), ["(#9)"]);
    assert_eq!(
        feed_subjects(&site),
        [format!("June 10, 2026: {shown} (#9)")]
    );
}

#[test]
fn a_long_subject_is_shortened_on_pages_and_kept_whole_in_changes_json() {
    let site = GitSite::committed();
    site.refute_the_cost_claim();
    let long = "é".repeat(10_000);
    site.commit(&long, "2026-06-10T12:00:00Z");
    built(&site);
    let shown = format!("{}…", "é".repeat(200));
    let html = page(site.root(), "claims/acme-model-2-cost/index.html");
    assert_eq!(exact_texts(&html, ".changes .subject")[0], shown);
    let log = page(site.root(), "changes/index.html");
    assert_eq!(
        exact_texts(&log, ".change-entry .subject"),
        vec![shown.clone()]
    );
    assert_eq!(feed_subjects(&site), [format!("June 10, 2026: {shown}")]);
    let data = common::data(site.root(), "changes.json");
    let records = data["records"].as_array().unwrap();
    let cost = records
        .iter()
        .find(|r| r["id"] == "acme-model-2-cost")
        .unwrap();
    assert_eq!(cost["revisions"][1]["subject"], long.as_str());
}

/// The title of each entry of the changes feed.
pub fn feed_titles(site: &GitSite) -> Vec<String> {
    let feed = read(site.root(), "public/changes/feed.xml");
    let xml = roxmltree::Document::parse(&feed).unwrap();
    let entries = xml.descendants().filter(|n| n.has_tag_name("entry"));
    entries
        .filter_map(|entry| entry.children().find(|c| c.has_tag_name("title")))
        .map(|title| title.text().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_removed_record_is_named_by_the_last_title_its_history_recorded() {
    let site = GitSite::committed();
    site.edit(
        super::repo::COST,
        "title = \"Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1\"",
        "title = \"Acme Model 2 costs a third less per token\"",
    );
    site.commit("Shorter title", "2026-06-01T10:00:00Z");
    site.git(&["rm", "-q", super::repo::COST], "2026-06-02T10:00:00Z");
    site.commit("Remove the cost claim", "2026-06-02T10:00:00Z");
    built(&site);
    let log = page(site.root(), "changes/index.html");
    assert_eq!(
        texts(&log, ".change-record")[0],
        "Acme Model 2 costs a third less per token (claim)"
    );
    assert_eq!(
        feed_titles(&site)[0],
        "Acme Model 2 costs a third less per token: Removed."
    );
}

/// The lines of the cost claim's Changes section after `edits` to its file
/// are committed, on a site in `language`; `changes.json` must still hold
/// each of `plain` as the file wrote it.
fn cost_change_lines(language: &str, edits: &[(&str, &str)], plain: &[&str]) -> Vec<String> {
    let site = GitSite::committed();
    for (from, to) in edits {
        site.edit(COST, from, to);
    }
    site.edit(
        "site.toml",
        "language = \"en\"",
        &format!("language = \"{language}\""),
    );
    site.commit("Edit the cost claim", "2026-06-01T10:00:00Z");
    built(&site);
    let json = read(site.root(), "public/changes.json");
    for kept in plain {
        assert!(json.contains(kept), "changes.json keeps {kept}: {json}");
    }
    let html = page(site.root(), "claims/acme-model-2-cost/index.html");
    texts(&html, ".changes .revision-changes li")
}

/// The cost claim's value raised from 35 to over 150,000, on a site in `language`.
fn value_change_lines(language: &str) -> Vec<String> {
    let raised = ("value = 35", "value = 150000\nqualifier = \"over\"");
    cost_change_lines(language, &[raised], &["\"over 150000\""])
}

#[test]
fn a_changed_value_reads_as_on_the_claim_page_in_the_sites_language() {
    let english = value_change_lines("en");
    assert!(
        english.contains(&"Claimed value changed from 35 to over 150,000.".to_string()),
        "{english:?}"
    );
    let german = value_change_lines("de");
    assert!(
        german.contains(&"Behaupteter Wert geändert von 35 zu über 150.000.".to_string()),
        "{german:?}"
    );
}

/// The cost claim's summary and notes edited, on a site in `language`.
fn edited_field_lines(language: &str) -> Vec<String> {
    let edits = [
        ("35% cheaper per token.\"", "35% cheaper.\""),
        ("## What would settle it", "## What would decide it"),
    ];
    cost_change_lines(language, &edits, &["\"summary\",", "\"body\""])
}

#[test]
fn edited_fields_are_named_in_the_sites_language() {
    let english = edited_field_lines("en");
    assert!(
        english.contains(&"Edited: summary, notes.".to_string()),
        "{english:?}"
    );
    let german = edited_field_lines("de");
    assert!(
        german.contains(&"Bearbeitet: Zusammenfassung, Anmerkungen.".to_string()),
        "{german:?}"
    );
}
