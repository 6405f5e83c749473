//! The verdicts cache of `check --links`: a run within `ttl_hours` asks no
//! server, an expired or unreachable link is visited again, the file keeps
//! only cited links, and plain `check` and `build` never send a request.

use std::fs;

use assert_cmd::Command;

use super::origin::{self, site_citing};
use super::{CLAIM, check, hit_counts};

/// Where the cache is by default.
const CACHE: &str = ".claimtrail/links-cache.toml";

/// Links that get a verdict: live (directly, after a redirect, by GET) and dead.
const CACHEABLE: [&str; 4] = ["/live", "/missing", "/no-head", "/moved"];

#[test]
fn a_second_run_within_the_ttl_sends_no_request() {
    let web = origin::start();
    let site = site_citing(&web, &CACHEABLE, "/gone");
    let first = check(site.path(), &["--links", "--format", "github"]);
    let sent = web.count();
    assert_eq!(sent, 7, "{:?}", web.hits());
    assert!(
        first
            .stderr
            .starts_with("5 links checked, 2 dead, 0 unreachable, 0 from cache (7 requests in "),
        "{}",
        first.stderr
    );
    let second = check(site.path(), &["--links", "--format", "github"]);
    assert_eq!(web.count(), sent, "no request within the TTL");
    assert_eq!(
        second.stdout, first.stdout,
        "cached dead links are still reported"
    );
    assert_eq!(second.code, Some(0));
    assert!(
        second
            .stderr
            .starts_with("5 links checked, 2 dead, 0 unreachable, 5 from cache (0 requests in "),
        "{}",
        second.stderr
    );
}

#[test]
fn the_cache_is_sorted_toml_with_a_verdict_per_link() {
    let web = origin::start();
    let site = site_citing(&web, &CACHEABLE, "/gone");
    check(site.path(), &["--links"]);
    let text = fs::read_to_string(site.path().join(CACHE)).unwrap();
    let cache: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(cache["version"].as_integer(), Some(1));
    let links: Vec<(String, i64, String)> = cache["link"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            assert!(l["checked"].as_datetime().is_some());
            let text = |key: &str| l[key].as_str().unwrap().to_string();
            (
                text("url"),
                l["status"].as_integer().unwrap(),
                text("state"),
            )
        })
        .collect();
    let entry = |path: &str, status: i64, state: &str| (web.url(path), status, state.to_string());
    assert_eq!(
        links,
        [
            entry("/gone", 410, "dead"),
            entry("/live", 200, "live"),
            entry("/missing", 404, "dead"),
            entry("/moved", 200, "live"),
            entry("/no-head", 200, "live"),
        ]
    );
}

#[test]
fn unreachable_links_are_tried_again_on_every_run() {
    let web = origin::start();
    let site = site_citing(&web, &["/broken", "/live"], "/live");
    check(site.path(), &["--links"]);
    let run = check(site.path(), &["--links"]);
    assert_eq!(hit_counts(&web, &["/broken", "/live"]), [2, 1]);
    assert!(
        run.stderr
            .contains("2 links checked, 0 dead, 1 unreachable, 1 from cache ("),
        "{}",
        run.stderr
    );
}

#[test]
fn an_expired_verdict_is_checked_again() {
    let web = origin::start();
    let site = site_citing(&web, &["/live"], "/missing");
    check(site.path(), &["--links"]);
    let cache = site.path().join(CACHE);
    let text = fs::read_to_string(&cache).unwrap();
    let old = regex_free_replace_dates(&text, "2000-01-01T00:00:00Z");
    fs::write(&cache, &old).unwrap();
    check(site.path(), &["--links"]);
    assert_eq!(hit_counts(&web, &["/live", "/missing"]), [2, 2]);
    let renewed = fs::read_to_string(&cache).unwrap();
    assert!(!renewed.contains("2000-01-01"), "{renewed}");
    // With `ttl_hours = 0` nothing is fresh.
    let settings = site.path().join("site.toml");
    let toml = fs::read_to_string(&settings).unwrap();
    fs::write(&settings, format!("{toml}\n[links]\nttl_hours = 0\n")).unwrap();
    check(site.path(), &["--links"]);
    assert_eq!(hit_counts(&web, &["/live", "/missing"]), [3, 3]);
}

/// `text` with the value of every `checked = …` line replaced by `date`.
fn regex_free_replace_dates(text: &str, date: &str) -> String {
    text.lines()
        .map(|line| match line.strip_prefix("checked = ") {
            Some(_) => format!("checked = {date}\n"),
            None => format!("{line}\n"),
        })
        .collect()
}

#[test]
fn links_no_longer_cited_leave_the_cache() {
    let web = origin::start();
    let site = site_citing(&web, &["/live", "/missing"], "/live");
    check(site.path(), &["--links"]);
    let cache = site.path().join(CACHE);
    assert!(fs::read_to_string(&cache).unwrap().contains("/missing"));
    let claim = site.path().join(CLAIM);
    let text = fs::read_to_string(&claim)
        .unwrap()
        .replace("/missing", "/live");
    fs::write(&claim, text).unwrap();
    check(site.path(), &["--links"]);
    assert!(!fs::read_to_string(&cache).unwrap().contains("/missing"));
}

#[test]
fn plain_check_and_build_send_no_request_even_with_a_cache() {
    let web = origin::start();
    let site = site_citing(&web, &["/live", "/missing", "/broken"], "/gone");
    check(site.path(), &["--links"]);
    let sent = web.count();
    // An expired cache does not tempt them either.
    let cache = site.path().join(CACHE);
    let old =
        regex_free_replace_dates(&fs::read_to_string(&cache).unwrap(), "2000-01-01T00:00:00Z");
    fs::write(&cache, old).unwrap();
    let run = check(site.path(), &[]);
    assert_eq!(run.code, Some(0));
    assert_eq!(
        run.stderr, "0 errors, 0 warnings\n",
        "no link verdicts in a plain check"
    );
    let output = tempfile::tempdir().unwrap();
    Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["build", "--no-search", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(output.path().join("public"))
        .assert()
        .code(0);
    assert_eq!(web.count(), sent);
}

#[test]
fn a_broken_cache_is_a_warning_and_is_written_anew() {
    let web = origin::start();
    let site = site_citing(&web, &["/live"], "/live");
    let cache = site.path().join(CACHE);
    fs::create_dir_all(cache.parent().unwrap()).unwrap();
    fs::write(&cache, "version = [\n").unwrap();
    let run = check(site.path(), &["--links", "--format", "json"]);
    let found: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["file"], CACHE);
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("the link cache could not be read (")
    );
    assert_eq!(web.count(), 1);
    let text = fs::read_to_string(&cache).unwrap();
    assert!(toml::from_str::<toml::Table>(&text).is_ok(), "{text}");
}

#[test]
fn the_cache_goes_where_links_cache_says() {
    let web = origin::start();
    let site = site_citing(&web, &["/live"], "/live");
    let settings = site.path().join("site.toml");
    let toml = fs::read_to_string(&settings).unwrap();
    fs::write(
        &settings,
        format!("{toml}\n[links]\ncache = \"ci/links.toml\"\n"),
    )
    .unwrap();
    check(site.path(), &["--links"]);
    assert!(site.path().join("ci/links.toml").is_file());
    assert!(!site.path().join(".claimtrail").exists());
}
