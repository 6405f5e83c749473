//! A first `claimtrail archive` of the fixture: every case recorded as the
//! contract says.

use claimtrail::archive_lock::{LockEntry, quote_sha256};

use super::fake::{self, lock, run};
use super::servers;

fn entry<'a>(entries: &'a [LockEntry], origin: &str, path: &str) -> &'a LockEntry {
    let url = format!("{origin}/{path}");
    entries
        .iter()
        .find(|e| e.url == url)
        .unwrap_or_else(|| panic!("no entry for {url}"))
}

#[test]
fn every_cited_url_gets_an_entry_with_its_capture_status_and_quotes() {
    let origin = servers::origin();
    let archive = fake::archive(servers::captures(&origin));
    let site = fake::site("archive", &archive, &origin);
    let output = run(site.path(), &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("13 of 13 URLs recorded"), "{stdout}");
    let lock = lock(site.path());
    let entries = &lock.entries;
    let urls: Vec<&str> = entries.iter().map(|e| e.url.as_str()).collect();
    let mut sorted = urls.clone();
    sorted.sort_unstable();
    assert_eq!(urls, sorted, "entries are sorted by URL");
    let (o, a) = (origin.origin.as_str(), archive.origin.as_str());

    let launch = entry(entries, o, "launch");
    assert_eq!(launch.status, Some(200));
    assert_eq!(
        launch.capture.as_deref(),
        Some(format!("{a}/web/20260512000000/{o}/launch").as_str())
    );
    assert_eq!(launch.captured.unwrap().to_string(), "2026-05-12T00:00:00Z");
    assert!(launch.body_sha256.as_ref().is_some_and(|h| h.len() == 64));
    assert!(launch.text_sha256.is_some());
    // Straight quotes in content, curly ones in the page, and a word broken across lines.
    let quote = "\"Fixture Model's error rate fell by half\", thanks to better hyphenation.";
    let check = launch.quote(quote).unwrap();
    assert!(check.found);
    assert_eq!(check.offset, Some(17), "after \"Fixture Lab said \"");
    assert_eq!(check.sha256, quote_sha256(quote));

    let latin1 = entry(entries, o, "latin1")
        .quote("Le café coûte deux euros")
        .unwrap();
    assert_eq!((latin1.found, latin1.offset), (true, Some(0)));

    let changed = entry(entries, o, "changed");
    let check = changed
        .quote("The system answered eight of ten questions correctly")
        .unwrap();
    assert!(!check.found);
    assert_eq!(
        check.nearest.as_deref(),
        Some("The system answered nine of ten questions correctly")
    );
    assert_eq!(check.similarity, Some(0.92));
    assert_eq!(changed.error, None);

    // Captures of January, March and June; the citation is of April 1.
    let dated = entry(entries, o, "dated");
    assert_eq!(dated.captured.unwrap().to_string(), "2026-03-01T00:00:00Z");
    assert!(dated.quote("captured in March").unwrap().found);
    // No capture before the date: the availability API's closest one.
    let late = entry(entries, o, "late");
    assert_eq!(late.captured.unwrap().to_string(), "2026-09-01T00:00:00Z");

    let statuses: Vec<(&str, Option<u16>)> = ["gone", "missing", "broken", "busy"]
        .map(|path| (path, entry(entries, o, path).status))
        .to_vec();
    assert_eq!(
        statuses,
        [
            ("gone", Some(410)),
            ("missing", Some(404)),
            ("broken", Some(500)),
            ("busy", Some(200))
        ]
    );
    let busy_hits = origin.hits().iter().filter(|h| h.target == "/busy").count();
    assert_eq!(busy_hits, 2, "429 with Retry-After, then one retry");

    let errors: Vec<(&str, Option<&str>)> = ["slow", "loop", "huge", "uncaptured"]
        .map(|path| (path, entry(entries, o, path).error.as_deref()))
        .to_vec();
    let redirect_loop = format!("the original: redirect loop at {o}/loop");
    assert_eq!(
        errors,
        [
            ("slow", Some("the original: timed out after 2 s")),
            ("loop", Some(redirect_loop.as_str())),
            ("huge", Some("the capture: the body is over 20000 bytes")),
            (
                "uncaptured",
                Some("no capture in the archive (`claimtrail archive --save` asks for one)")
            ),
        ]
    );
    let huge = entry(entries, o, "huge");
    assert!(huge.capture.is_some() && huge.body_sha256.is_none());
    let uncaptured = entry(entries, o, "uncaptured");
    assert_eq!(
        (uncaptured.status, uncaptured.capture.as_deref()),
        (Some(200), None)
    );
    assert_eq!(entries.len(), 13);
    // One line per URL when not on a terminal.
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with('[')).count(),
        13,
        "{stdout}"
    );
}
