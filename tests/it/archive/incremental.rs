//! Later runs: nothing is fetched again unless it is new, its quotes changed
//! or its entry is old; `--only` and `--dry-run` narrow a run or send nothing.

use super::fake::{self, lock, run};
use super::servers;
use crate::common::fake_web::FakeWeb;

struct Fixture {
    origin: FakeWeb,
    archive: FakeWeb,
    site: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let origin = servers::origin();
        let archive = fake::archive(servers::captures(&origin));
        let site = fake::site("archive", &archive, &origin);
        Fixture {
            origin,
            archive,
            site,
        }
    }

    /// Requests received by both servers so far.
    fn requests(&self) -> usize {
        self.origin.count() + self.archive.count()
    }

    fn run(&self, args: &[&str]) -> String {
        let output = run(self.site.path(), args);
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            output.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        stdout
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.site.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from));
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

#[test]
fn a_second_run_sends_no_request_for_unchanged_entries() {
    let fixture = Fixture::new();
    fixture.run(&[]);
    let first = std::fs::read(fixture.site.path().join("archive.lock")).unwrap();
    let before = fixture.requests();
    assert!(before >= 13 * 3, "{before}");
    let stdout = fixture.run(&[]);
    assert_eq!(fixture.requests(), before, "{stdout}");
    assert!(
        stdout.contains("0 of 0 URLs recorded, 13 unchanged; 0 requests"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(fixture.site.path().join("archive.lock")).unwrap(),
        first
    );
}

#[test]
fn a_changed_quote_revisits_only_its_url() {
    let fixture = Fixture::new();
    fixture.run(&[]);
    let before_origin = fixture.origin.count();
    fixture.edit(
        "content/claims/changed-word.md",
        "answered eight of ten",
        "answered nine of ten",
    );
    let plan = fixture.run(&["--dry-run"]);
    let changed = format!(
        "would visit {}/changed (quotes changed)",
        fixture.origin.origin
    );
    assert!(plan.contains(&changed), "{plan}");
    assert!(
        plan.contains("would visit 1 of 13 cited URLs; 12 unchanged"),
        "{plan}"
    );
    fixture.run(&[]);
    let visited: Vec<String> = fixture.origin.hits()[before_origin..]
        .iter()
        .map(|h| h.target.clone())
        .collect();
    assert_eq!(visited, ["/changed"]);
    let url = format!("{}/changed", fixture.origin.origin);
    let entry = lock(fixture.site.path())
        .entries
        .into_iter()
        .find(|e| e.url == url)
        .unwrap();
    let check = entry
        .quote("The system answered nine of ten questions correctly")
        .unwrap();
    assert!(check.found);
    assert_eq!(entry.quotes.len(), 1, "the old quote's check is gone");
}

#[test]
fn entries_older_than_max_age_days_are_refreshed() {
    let fixture = Fixture::new();
    fixture.run(&[]);
    let lock_path = fixture.site.path().join("archive.lock");
    let text = std::fs::read_to_string(&lock_path).unwrap();
    let url = format!("url = \"{}/gone\"\nchecked = ", fixture.origin.origin);
    let at = text.find(&url).unwrap() + url.len();
    let aged = format!(
        "{}2020-01-01T00:00:00Z{}",
        &text[..at],
        &text[at + "2026-12-05T19:00:00Z".len()..]
    );
    std::fs::write(&lock_path, aged).unwrap();
    let plan = fixture.run(&["--dry-run"]);
    let stale = format!(
        "would visit {}/gone (older than max_age_days)",
        fixture.origin.origin
    );
    assert!(plan.contains(&stale), "{plan}");
    assert!(plan.contains("would visit 1 of 13"), "{plan}");
}

#[test]
fn dry_run_sends_nothing_and_writes_nothing() {
    let fixture = Fixture::new();
    let plan = fixture.run(&["--dry-run"]);
    assert_eq!(fixture.requests(), 0);
    assert!(!fixture.site.path().join("archive.lock").exists());
    let launch = format!("would visit {}/launch (new)", fixture.origin.origin);
    assert!(plan.contains(&launch), "{plan}");
    assert!(
        plan.contains("would visit 13 of 13 cited URLs; 0 unchanged; no request was sent"),
        "{plan}"
    );
}

#[test]
fn only_visits_the_urls_of_the_named_claims_and_documents() {
    let fixture = Fixture::new();
    fixture.run(&["--only", "changed-word", "--only", "launch-post"]);
    let mut urls: Vec<String> = lock(fixture.site.path())
        .entries
        .into_iter()
        .map(|e| e.url)
        .collect();
    urls.sort();
    let o = &fixture.origin.origin;
    assert_eq!(
        urls,
        ["changed", "dated", "late", "launch"].map(|p| format!("{o}/{p}"))
    );
    // Commas work too, and the rest is visited later.
    let stdout = fixture.run(&["--only", "quotes-found,troubled-links"]);
    // launch-post's URL is also quotes-found's, so it is unchanged.
    assert!(
        stdout.contains("9 of 9 URLs recorded, 1 unchanged"),
        "{stdout}"
    );
    let plan = fixture.run(&["--dry-run", "--only", "troubled-links"]);
    assert!(
        plan.contains("would visit 0 of 8 selected URLs (of 13 cited); 8 unchanged"),
        "{plan}"
    );
}

#[test]
fn an_unknown_only_id_is_refused_with_a_suggestion() {
    let fixture = Fixture::new();
    let output = run(fixture.site.path(), &["--only", "changed-wrd"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "--only changed-wrd: no claim or document has this id; did you mean `changed-word`?"
        ),
        "{stderr}"
    );
    assert_eq!(fixture.requests(), 0);
}
