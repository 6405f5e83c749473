//! The whole evidence loop on one site: `archive` fills the lock, `build`
//! shows the archived copies and the quote checks without a request,
//! `check --links` annotates the dead links, and a second `archive` asks
//! nothing.

use std::path::Path;

use scraper::Html;

use super::fake::{self, run};
use super::servers;
use crate::common::html::texts;

fn claimtrail(root: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("claimtrail")
        .unwrap()
        .args(args)
        .arg("--root")
        .arg(root)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap()
}

fn page(out: &Path, claim: &str) -> String {
    std::fs::read_to_string(out.join(format!("claims/{claim}/index.html"))).unwrap()
}

#[test]
fn archived_copies_and_quote_checks_reach_the_pages_and_dead_links_the_annotations() {
    let origin = servers::origin();
    let archive = fake::archive(servers::captures(&origin));
    let site = fake::site("archive", &archive, &origin);
    let archived = run(site.path(), &[]);
    assert!(archived.status.success(), "{archived:?}");

    let requests = origin.count() + archive.count();
    let out = tempfile::tempdir().unwrap();
    let output = out.path().join("public");
    let built = claimtrail(
        site.path(),
        &["build", "--no-search", "-o", output.to_str().unwrap()],
    );
    assert!(built.status.success(), "{built:?}");
    assert_eq!(
        origin.count() + archive.count(),
        requests,
        "a build sends no request"
    );

    let found = page(&output, "quotes-found");
    let states = texts(&Html::parse_document(&found), ".quote-check");
    assert_eq!(
        states.len(),
        2,
        "the appearance's quote and the Latin-1 one"
    );
    assert!(
        states
            .iter()
            .all(|s| s.starts_with("Quote found in the archived copy of")),
        "{states:?}"
    );
    assert!(
        found.contains("data-versionurl=\""),
        "Robust Links on the original"
    );

    let changed = page(&output, "changed-word");
    let states = texts(&Html::parse_document(&changed), ".quote-check");
    assert!(
        states
            .iter()
            .any(|s| s.starts_with("Quote not found in the archived copy")),
        "{states:?}"
    );
    assert!(
        changed.contains("The system answered nine of ten questions correctly"),
        "the nearest passage is offered"
    );

    let links = claimtrail(site.path(), &["check", "--links", "--format", "github"]);
    let stdout = String::from_utf8_lossy(&links.stdout);
    let dead: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("::warning") && line.contains("dead link"))
        .collect();
    assert!(
        dead.iter()
            .any(|l| l.contains("/missing answers 404 Not Found")),
        "{stdout}"
    );
    assert!(
        dead.iter().any(|l| l.contains("/gone answers 410 Gone")),
        "{stdout}"
    );

    let before = origin.count() + archive.count();
    let again = run(site.path(), &[]);
    assert!(again.status.success(), "{again:?}");
    assert_eq!(
        origin.count() + archive.count(),
        before,
        "nothing changed, so a second archive run asks nothing"
    );
}
