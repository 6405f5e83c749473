//! Files that cannot be read as content: broken frontmatter, wrong encodings,
//! binary or empty files, hidden Markdown files.

use super::*;

#[test]
fn the_base_fixture_is_clean() {
    let dir = site(&[]);
    assert_eq!(check_flat(dir.path()), vec![]);
}

#[test]
fn malformed_toml() {
    assert_case(
        "malformed-toml",
        &[error(
            "content/claims/bad-toml.md",
            2,
            24,
            "invalid TOML: invalid basic string, expected `\"`",
        )],
    );
}

#[test]
fn missing_closing_delimiter() {
    assert_case(
        "missing-closing",
        &[error(
            "content/claims/no-close.md",
            1,
            1,
            "the frontmatter is never closed: no second `+++` line",
        )],
    );
}

#[test]
fn yaml_frontmatter() {
    assert_case(
        "yaml-frontmatter",
        &[error(
            "content/claims/yaml.md",
            1,
            1,
            "this file has YAML frontmatter (`---`); claimtrail reads TOML between `+++` lines",
        )],
    );
}

#[test]
fn empty_file() {
    assert_case(
        "empty-file",
        &[error("content/claims/empty.md", 1, 1, "the file is empty")],
    );
}

#[test]
fn non_utf8_bytes() {
    assert_case(
        "non-utf8",
        &[error(
            "content/claims/latin1.md",
            2,
            13,
            "the file is not valid UTF-8 text",
        )],
    );
}

#[test]
fn binary_file() {
    assert_case(
        "binary-file",
        &[(
            "error".into(),
            "content/claims/image.md".into(),
            None,
            None,
            "this is a binary file, not Markdown text".into(),
        )],
    );
}

#[test]
fn hidden_markdown_files_are_reported_and_editor_leftovers_are_not() {
    let dir = site(&[]);
    let claims = dir.path().join("content/claims");
    let claim = std::fs::read(claims.join("globex-beats-acme.md")).unwrap();
    std::fs::create_dir_all(claims.join(".drafts")).unwrap();
    for name in [
        ".hidden.md",
        "..md",
        ".drafts/next-claim.md",
        // Skipped without a word: not Markdown, or an editor's or system's leftover.
        ".gitkeep",
        ".globex-beats-acme.md.swp",
        ".#globex-beats-acme.md",
        "._globex-beats-acme.md",
        ".drafts/notes.txt",
    ] {
        std::fs::write(claims.join(name), &claim).unwrap();
    }
    std::fs::write(dir.path().join("content/sources/.lab.md"), &claim).unwrap();
    let skipped = "starts with a dot, so this";
    assert_eq!(
        check_flat(dir.path()),
        [
            warning(
                "content/claims/..md",
                None,
                &format!("the name {skipped} claim is skipped and not published"),
            ),
            warning(
                "content/claims/.drafts/next-claim.md",
                None,
                &format!("the folder `.drafts` {skipped} claim is skipped and not published"),
            ),
            warning(
                "content/claims/.hidden.md",
                None,
                &format!("the name {skipped} claim is skipped and not published"),
            ),
            warning(
                "content/sources/.lab.md",
                None,
                &format!("the name {skipped} source is skipped and not published"),
            ),
        ]
    );
    let hints = hints(dir.path());
    assert_eq!(
        hints,
        [
            "rename it to a name of letters, digits and `-` ending in `.md` to publish it, or delete it",
            "move it out of `.drafts/` to publish it, or delete it",
            "rename it to `hidden.md` to publish it, or delete it",
            "rename it to `lab.md` to publish it, or delete it",
        ]
    );
}

/// `text` in UTF-16, little- or big-endian, with or without a byte-order mark.
fn utf16(text: &str, little_endian: bool, mark: bool) -> Vec<u8> {
    let mark = mark.then_some('\u{feff}');
    mark.into_iter()
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(|unit| {
            if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn cr_only_and_utf16_files_are_named_for_what_they_are() {
    let dir = site(&[]);
    let claims = dir.path().join("content/claims");
    let claim = std::fs::read_to_string(claims.join("globex-beats-acme.md")).unwrap();
    std::fs::write(claims.join("old-mac.md"), claim.replace('\n', "\r")).unwrap();
    std::fs::write(claims.join("utf16-le.md"), utf16(&claim, true, true)).unwrap();
    std::fs::write(claims.join("utf16-be.md"), utf16(&claim, false, false)).unwrap();
    let utf16_error = |name: &str| error(name, 1, 1, "the file is UTF-16 text, not UTF-8");
    assert_eq!(
        check_flat(dir.path()),
        [
            error(
                "content/claims/old-mac.md",
                1,
                4,
                "the file's lines end in a carriage return alone (classic Mac line endings), so it reads as one line",
            ),
            utf16_error("content/claims/utf16-be.md"),
            utf16_error("content/claims/utf16-le.md"),
        ]
    );
    let hints = hints(dir.path());
    assert_eq!(
        hints[0],
        "convert its line endings to LF (or CRLF): most editors offer it in the status bar or the save dialog"
    );
    assert_eq!(hints[1], "save the file with UTF-8 encoding in your editor");
}

#[test]
fn a_site_toml_that_is_not_utf8_is_located_and_the_rest_still_checked() {
    let dir = site(&[]);
    let settings = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    let mut bytes = text
        .replace("Fixture Tracker", "Caf\u{0}Tracker")
        .into_bytes();
    // Latin-1 `é` where the NUL stands, then an unknown key below it.
    let nul = bytes.iter().position(|&b| b == 0).unwrap();
    bytes[nul] = 0xe9;
    bytes.extend_from_slice(b"colour = \"red\"\n");
    std::fs::write(&settings, &bytes).unwrap();
    assert_eq!(
        check_flat(dir.path()),
        [
            error("site.toml", 1, 13, "the file is not valid UTF-8 text"),
            error("site.toml", 6, 1, "unknown field `colour`"),
        ]
    );
    std::fs::write(&settings, utf16(&text, true, true)).unwrap();
    assert_eq!(
        check_flat(dir.path()),
        [error(
            "site.toml",
            1,
            1,
            "the file is UTF-16 text, not UTF-8"
        )],
        "read as UTF-16, the rest of the settings are fine"
    );
}
