use time::macros::datetime;

use super::*;

fn sample() -> ArchiveLock {
    let found = QuoteCheck {
        sha256: quote_sha256("b quote"),
        found: true,
        offset: Some(12),
        nearest: None,
        similarity: None,
    };
    let missing = QuoteCheck {
        sha256: quote_sha256("a quote"),
        found: false,
        offset: None,
        nearest: Some("a \"quoted\" passage".to_string()),
        similarity: Some(0.83),
    };
    ArchiveLock {
        version: LOCK_VERSION,
        entries: vec![
            LockEntry {
                url: "https://example.org/z".to_string(),
                checked: Timestamp(datetime!(2026-12-05 19:00:00 UTC)),
                status: Some(200),
                error: None,
                capture: Some(
                    "https://web.archive.org/web/20260512000000/https://example.org/z".into(),
                ),
                captured: Some(Timestamp(datetime!(2026-05-12 00:00:00 UTC))),
                body_sha256: Some(sha256_hex(b"body")),
                text_sha256: Some(sha256_hex(b"text")),
                quotes: vec![found, missing],
            },
            LockEntry {
                url: "https://example.org/a".to_string(),
                checked: Timestamp(datetime!(2026-12-05 19:00:01 UTC)),
                status: None,
                error: Some("timed out after 20 s".to_string()),
                capture: None,
                captured: None,
                body_sha256: None,
                text_sha256: None,
                quotes: Vec::new(),
            },
        ],
    }
}

#[test]
fn the_file_has_the_contracts_shape_sorted() {
    let text = sample().to_toml().unwrap();
    let a = quote_sha256("a quote");
    let b = quote_sha256("b quote");
    assert!(b < a, "quotes are sorted by hash: b's comes first");
    let expected = format!(
        "# Written by `claimtrail archive`. Review changes in pull requests; do not edit by hand.
version = 1

[[entry]]
url = \"https://example.org/a\"
checked = 2026-12-05T19:00:01Z
error = \"timed out after 20 s\"

[[entry]]
url = \"https://example.org/z\"
checked = 2026-12-05T19:00:00Z
status = 200
capture = \"https://web.archive.org/web/20260512000000/https://example.org/z\"
captured = 2026-05-12T00:00:00Z
body_sha256 = \"{}\"
text_sha256 = \"{}\"

[[entry.quote]]
sha256 = \"{b}\"
found = true
offset = 12

[[entry.quote]]
sha256 = \"{a}\"
found = false
nearest = 'a \"quoted\" passage'
similarity = 0.83
",
        sha256_hex(b"body"),
        sha256_hex(b"text")
    );
    assert_eq!(text, expected);
}

#[test]
fn a_written_file_reads_back_the_same() {
    let mut lock = sample();
    let text = lock.to_toml().unwrap();
    let read = ArchiveLock::parse(&text).unwrap();
    lock.sort();
    assert_eq!(read, lock);
    assert_eq!(read.to_toml().unwrap(), text);
    let entry = read.entry("https://example.org/z").unwrap();
    assert!(entry.quote("b quote").unwrap().found);
    assert!(entry.quote("c quote").is_none());
    assert!(read.entry("https://example.org/m").is_none());
}

#[test]
fn unknown_keys_are_ignored_and_bad_dates_refused() {
    let text = "version = 1\nfuture = true\n[[entry]]\nurl = \"https://x.org/\"\nchecked = 2026-12-05T20:00:00+01:00\nnew_key = 3\n";
    let lock = ArchiveLock::parse(text).unwrap();
    assert_eq!(
        lock.entries[0].checked,
        Timestamp(datetime!(2026-12-05 19:00:00 UTC))
    );
    let local = "version = 1\n[[entry]]\nurl = \"https://x.org/\"\nchecked = 2026-12-05\n";
    let error = ArchiveLock::parse(local).unwrap_err();
    assert!(
        error
            .message()
            .contains("not a date and time with an offset"),
        "{error}"
    );
    assert!(error.span().is_some());
}

#[test]
fn hashes_are_lowercase_hex_sha256() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
