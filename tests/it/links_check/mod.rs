//! `claimtrail check --links` against a fake origin on loopback: each kind
//! of answer gets its verdict, dead links are annotated at every line citing
//! them, verdicts are cached for `[links] ttl_hours`, and plain `check` and
//! `build` send no request.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

use crate::common::fake_web::FakeWeb;

mod cache;
mod origin;

use origin::{citation_line, hits_on, site_citing};

/// What one run of the binary gave: exit code, stdout, stderr.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `claimtrail check --root <root> <args>`.
fn check(root: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("claimtrail")
        .unwrap()
        .args(["check", "--root"])
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

const DEAD_HINT: &str = "if the page moved, write its new address; if it is gone, add an `archive` link to a copy of it";
const UNREACHABLE_HINT: &str =
    "this may pass: links that could not be checked are tried again on the next run";

/// The GitHub annotation for the `url` value on `line` of `file`.
fn annotation(
    command: &str,
    file: &str,
    line: usize,
    url: &str,
    message: &str,
    hint: &str,
) -> String {
    // `url = "` puts the value at column 7; the span covers the quotes.
    let end = 7 + url.len() + 2;
    format!(
        "::{command} file={file},line={line},col=7,endLine={line},endColumn={end},title=claimtrail::{message}%0Ahint: {hint}\n"
    )
}

fn dead(command: &str, file: &str, line: usize, url: &str, status: &str) -> String {
    let message = format!("dead link: {url} answers {status}");
    annotation(command, file, line, url, &message, DEAD_HINT)
}

fn unreachable(file: &str, line: usize, url: &str, reason: &str) -> String {
    let message = format!("could not check the link {url}: {reason}");
    annotation("warning", file, line, url, &message, UNREACHABLE_HINT)
}

const CLAIM: &str = "content/claims/c.md";
const DOCUMENT: &str = "content/documents/d.md";

/// Every kind of answer, `/missing` cited twice, `/gone` also by the document.
const EVERY_ANSWER: [&str; 10] = [
    "/live", "/moved", "/missing", "/gone", "/no-head", "/busy", "/broken", "/slow", "/loop",
    "/missing",
];

/// The annotations for [`EVERY_ANSWER`], dead links as `dead_command`.
fn every_answer_annotations(web: &FakeWeb, dead_command: &str) -> String {
    let url = |path: &str| web.url(path);
    [
        dead(
            dead_command,
            CLAIM,
            citation_line(2),
            &url("/missing"),
            "404 Not Found",
        ),
        dead(
            dead_command,
            CLAIM,
            citation_line(3),
            &url("/gone"),
            "410 Gone",
        ),
        unreachable(
            CLAIM,
            citation_line(6),
            &url("/broken"),
            "500 Internal Server Error",
        ),
        unreachable(
            CLAIM,
            citation_line(7),
            &url("/slow"),
            "timed out after 1 s",
        ),
        unreachable(
            CLAIM,
            citation_line(8),
            &url("/loop"),
            &format!("redirect loop at {}", url("/loop")),
        ),
        dead(
            dead_command,
            CLAIM,
            citation_line(9),
            &url("/missing"),
            "404 Not Found",
        ),
        dead(dead_command, DOCUMENT, 4, &url("/gone"), "410 Gone"),
    ]
    .concat()
}

#[test]
fn each_answer_gets_its_verdict_annotated_at_every_citing_line() {
    let web = origin::start();
    let site = site_citing(&web, &EVERY_ANSWER, "/gone");
    let run = check(site.path(), &["--links", "--format", "github"]);
    assert_eq!(run.stdout, every_answer_annotations(&web, "warning"));
    assert_eq!(run.code, Some(0), "dead links are warnings by default");
    assert!(
        run.stderr
            .starts_with("9 links checked, 2 dead, 3 unreachable, 0 from cache ("),
        "{}",
        run.stderr
    );
    // HEAD was refused, so GET; the 429 was retried after its Retry-After.
    let methods = |path: &str| -> Vec<String> {
        web.hits()
            .iter()
            .filter(|h| h.target == path)
            .map(|h| h.method.clone())
            .collect()
    };
    assert_eq!(methods("/no-head"), ["HEAD", "GET"]);
    assert_eq!(
        methods("/live"),
        ["HEAD", "HEAD"],
        "once itself, once after /moved"
    );
    let busy: Vec<_> = web
        .hits()
        .into_iter()
        .filter(|h| h.target == "/busy")
        .collect();
    assert_eq!(busy.len(), 2);
    assert!(busy[1].at - busy[0].at >= std::time::Duration::from_millis(900));
}

#[test]
fn deny_dead_links_makes_them_errors_and_fails_the_check() {
    let web = origin::start();
    let site = site_citing(&web, &EVERY_ANSWER, "/gone");
    let run = check(
        site.path(),
        &["--links", "--deny-dead-links", "--format", "github"],
    );
    assert_eq!(run.stdout, every_answer_annotations(&web, "error"));
    assert_eq!(run.code, Some(1));
}

#[test]
fn deny_warnings_fails_on_dead_links_as_on_any_warning() {
    let web = origin::start();
    let site = site_citing(&web, &["/live", "/missing"], "/live");
    let run = check(site.path(), &["--links", "--deny-warnings"]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    assert!(
        run.stderr.contains("denied by --deny-warnings"),
        "{}",
        run.stderr
    );
    let clean = site_citing(&web, &["/live"], "/moved");
    assert_eq!(
        check(clean.path(), &["--links", "--deny-warnings"]).code,
        Some(0)
    );
}

#[test]
fn the_human_report_quotes_the_citing_line() {
    let web = origin::start();
    let site = site_citing(&web, &["/gone"], "/live");
    let run = check(site.path(), &["--links", "--verbose"]);
    let url = web.url("/gone");
    let carets = "^".repeat(url.len() + 2);
    let expected = format!(
        "warning: dead link: {url} answers 410 Gone\n   --> {CLAIM}:12:7\n   |\n12 | url = \"{url}\"\n   |       {carets}\n   |\n   = hint: {DEAD_HINT}\n\n0 errors, 1 warning\n2 links checked, 1 dead, 0 unreachable, 0 from cache (2 requests in "
    );
    assert!(run.stderr.starts_with(&expected), "{}", run.stderr);
    assert_eq!(run.code, Some(0));
}

#[test]
fn links_are_not_visited_when_the_site_has_errors() {
    let web = origin::start();
    let site = site_citing(&web, &["/live"], "/live");
    let claim = site.path().join(CLAIM);
    let text = fs::read_to_string(&claim)
        .unwrap()
        .replace("unverified", "unverifed");
    fs::write(&claim, text).unwrap();
    let run = check(site.path(), &["--links"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .ends_with("links were not checked: fix the errors first\n"),
        "{}",
        run.stderr
    );
    assert_eq!(web.count(), 0);
}

#[test]
fn the_link_flags_need_links() {
    let site = tempfile::tempdir().unwrap();
    for flag in [&["--concurrency", "4"][..], &["--deny-dead-links"]] {
        let run = check(site.path(), flag);
        assert_eq!(run.code, Some(2), "{flag:?}");
        assert!(run.stderr.contains("--links"), "{}", run.stderr);
    }
    let run = check(site.path(), &["--links", "--concurrency", "0"]);
    assert_eq!(run.code, Some(2));
}

/// Requests `web` received for each of `paths`.
fn hit_counts(web: &FakeWeb, paths: &[&str]) -> Vec<usize> {
    paths.iter().map(|path| hits_on(web, path)).collect()
}
