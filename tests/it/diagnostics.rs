//! One invalid fixture per contributor mistake, each pinning its exact diagnostic and location.
//!
//! Each case lays `tests/fixtures/invalid/<case>/` over the clean base fixture,
//! so the expected list is every diagnostic the check reports, not a subset.

use crate::common::{self, error, warning};

use common::{check_flat, site};

/// The hint of each diagnostic of the site at `root`, in order ("" for none).
fn hints(root: &std::path::Path) -> Vec<String> {
    common::check_json(root)
        .iter()
        .map(|d| d["hint"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn assert_case(case: &str, expected: &[common::Flat]) {
    let dir = site(&[&format!("invalid/{case}")]);
    assert_eq!(check_flat(dir.path()), expected, "case {case}");
}

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
fn duplicate_ids_across_sub_folders() {
    assert_case(
        "duplicate-id",
        &[error(
            "content/claims/acme-model-2-cost.md",
            1,
            1,
            "duplicate claim id `acme-model-2-cost`: content/claims/2026/acme-model-2-cost.md has the same id",
        )],
    );
}

#[test]
fn ids_with_capitals_spaces_or_non_ascii() {
    let rule =
        "ids use only lowercase letters a-z, digits 0-9 and `-`, and start with a letter or digit";
    assert_case(
        "id-capitals",
        &[error(
            "content/claims/Acme-Cost.md",
            1,
            1,
            &format!("`Acme-Cost` is not a valid claim id: {rule}"),
        )],
    );
    assert_case(
        "id-spaces",
        &[error(
            "content/claims/acme cost claim.md",
            1,
            1,
            &format!("`acme cost claim` is not a valid claim id: {rule}"),
        )],
    );
    assert_case(
        "id-non-ascii",
        &[error(
            "content/claims/café-claim.md",
            1,
            1,
            &format!("`café-claim` is not a valid claim id: {rule}"),
        )],
    );
}

#[test]
fn invalid_ids_suggest_a_file_name() {
    let dir = site(&["invalid/id-non-ascii"]);
    let json = common::check_json(dir.path());
    assert_eq!(json[0]["hint"], "rename the file to `cafe-claim.md`");
}

#[test]
fn ids_that_windows_reserves_warn_with_a_longer_name() {
    assert_case(
        "id-windows-reserved",
        &[warning(
            "content/claims/aux.md",
            Some((1, 1)),
            "`aux` is a device name on Windows: no file there may be called `aux.md`, \
             so the repository cannot be checked out on Windows",
        )],
    );
    let dir = site(&["invalid/id-windows-reserved"]);
    let json = common::check_json(dir.path());
    assert_eq!(
        json[0]["hint"],
        "rename the file to a longer id, such as `aux-claim.md`"
    );
}

#[test]
fn dangling_references() {
    let file = "content/claims/dangling.md";
    assert_case(
        "dangling-reference",
        &[
            error(file, 4, 12, "unknown source `acme-blogg`"),
            error(file, 6, 21, "unknown entity `initech`"),
            error(file, 9, 10, "unknown source `acme-blogg`"),
        ],
    );
    let dir = site(&["invalid/dangling-reference"]);
    let json = common::check_json(dir.path());
    assert_eq!(json[0]["hint"], "did you mean `acme-blog`?");
    assert_eq!(
        json[1]["hint"],
        "create content/entities/initech.md, or use the id of an existing entity"
    );
}

#[test]
fn impossible_dates() {
    assert_case(
        "impossible-date",
        &[error(
            "content/claims/feb-30.md",
            3,
            8,
            "impossible date: expected day between 01 and 28",
        )],
    );
}

#[test]
fn javascript_and_relative_urls() {
    assert_case(
        "javascript-url",
        &[error(
            "content/claims/js-link.md",
            9,
            7,
            "`url` uses the `javascript:` scheme; only http and https links are allowed",
        )],
    );
    assert_case(
        "relative-url",
        &[error(
            "content/claims/relative-link.md",
            9,
            7,
            "`url` must be an absolute http(s) URL, not the relative `/press/release.html`",
        )],
    );
}

#[test]
fn status_disagreeing_with_history() {
    assert_case(
        "status-history-mismatch",
        &[error(
            "content/claims/mismatch.md",
            5,
            10,
            "`status` is `supported`, but the last history entry says `disputed`",
        )],
    );
}

#[test]
fn misspelled_status_gets_a_suggestion() {
    assert_case(
        "misspelled-status",
        &[error(
            "content/claims/typo-status.md",
            5,
            10,
            "unknown status `suported`",
        )],
    );
    let dir = site(&["invalid/misspelled-status"]);
    assert_eq!(
        common::check_json(dir.path())[0]["hint"],
        "did you mean `supported`?"
    );
}

#[test]
fn misspelled_key_is_one_error_with_a_suggestion() {
    assert_case(
        "unknown-key",
        &[error(
            "content/claims/typo-key.md",
            5,
            1,
            "unknown field `staus`",
        )],
    );
    let dir = site(&["invalid/unknown-key"]);
    assert_eq!(
        common::check_json(dir.path())[0]["hint"],
        "did you mean `status`?"
    );
}

#[test]
fn missing_required_field() {
    assert_case(
        "missing-field",
        &[error(
            "content/claims/no-title.md",
            2,
            1,
            "missing required field `title`",
        )],
    );
}

#[test]
fn claim_without_citations() {
    assert_case(
        "no-citations",
        &[error(
            "content/claims/unsourced.md",
            2,
            1,
            "a claim needs at least one `[[citations]]` entry: a claim without a source is not a claim",
        )],
    );
}

#[test]
fn history_out_of_order() {
    assert_case(
        "history-order",
        &[error(
            "content/claims/history-order.md",
            16,
            8,
            "history is out of date order: 2026-05-01 comes after 2026-06-01",
        )],
    );
}

#[test]
fn citation_value_without_quantity() {
    assert_case(
        "value-without-quantity",
        &[error(
            "content/claims/stray-value.md",
            7,
            1,
            "this citation has a `value`, but the claim has no `[quantity]` to compare it with",
        )],
    );
}

#[test]
fn quoted_date() {
    assert_case(
        "quoted-date",
        &[error(
            "content/claims/quoted-date.md",
            3,
            8,
            "`date` must be a date, not a string",
        )],
    );
    let dir = site(&["invalid/quoted-date"]);
    assert_eq!(
        common::check_json(dir.path())[0]["hint"],
        "write the date without quotes: `date = 2026-04-23`"
    );
}

#[test]
fn tag_without_a_slug() {
    assert_case(
        "empty-tag",
        &[error(
            "content/claims/empty-tag.md",
            6,
            9,
            "the tag `!!!` has no letters or digits, so it has no URL",
        )],
    );
}

#[test]
fn entity_parent_loop() {
    assert_case(
        "parent-cycle",
        &[
            warning(
                "content/entities/loop-a.md",
                None,
                "no claim is about the entity `loop-a`",
            ),
            error(
                "content/entities/loop-a.md",
                3,
                10,
                "entity parents form a loop: loop-a -> loop-b -> loop-a",
            ),
            warning(
                "content/entities/loop-b.md",
                None,
                "no claim is about the entity `loop-b`",
            ),
            error(
                "content/entities/loop-b.md",
                3,
                10,
                "entity parents form a loop: loop-b -> loop-a -> loop-b",
            ),
        ],
    );
}

#[test]
fn contract_warnings() {
    assert_case(
        "warnings",
        &[
            warning(
                "content/claims/warned.md",
                Some((4, 12)),
                "no citation comes from the claimant `example-press`: where was the claim made?",
            ),
            warning(
                "content/claims/warned.md",
                Some((6, 23)),
                "the tag `Inference Cost` is spelled `inference-cost` elsewhere; both are merged into /tags/inference-cost/",
            ),
            warning(
                "content/claims/warned.md",
                Some((8, 1)),
                "this citation has neither `url` nor `archive`, so readers cannot check it",
            ),
            warning(
                "content/entities/unused-entity.md",
                None,
                "no claim is about the entity `unused-entity`",
            ),
            warning(
                "content/sources/unused-source.md",
                None,
                "no claim uses the source `unused-source`",
            ),
        ],
    );
}

#[test]
fn ten_mistakes_give_ten_located_errors_in_one_run() {
    let dir = site(&["ten-mistakes"]);
    let found = check_flat(dir.path());
    let errors: Vec<_> = found.iter().filter(|d| d.0 == "error").collect();
    assert_eq!(errors.len(), 10, "{found:#?}");
    assert!(
        errors.iter().all(|d| d.2.is_some() && d.3.is_some()),
        "{errors:#?}"
    );
    let files: std::collections::BTreeSet<_> = errors.iter().map(|d| d.1.as_str()).collect();
    assert_eq!(files.len(), 10, "one mistake per file: {files:#?}");
}

#[test]
fn alias_that_is_another_claims_id() {
    assert_case(
        "alias-taken",
        &[error(
            "content/claims/alias-thief.md",
            6,
            12,
            "the alias `globex-beats-acme` is taken: content/claims/globex-beats-acme.md uses `globex-beats-acme` as its id",
        )],
    );
}

#[test]
fn site_toml_is_checked_like_content() {
    assert_case(
        "site-toml",
        &[
            error(
                "site.toml",
                2,
                12,
                "`base_url` must be an absolute http(s) URL, not the relative `/tracker/`",
            ),
            error("site.toml", 3, 1, "unknown field `langauge`"),
            error(
                "site.toml",
                6,
                1,
                "unknown field `lable` in [statuses.disputed]",
            ),
        ],
    );
}

#[test]
fn publishing_keys_in_site_toml_are_checked() {
    assert_case(
        "publishing-keys",
        &[
            error(
                "site.toml",
                3,
                17,
                "`custom_domain` must be a bare domain name, not `https://claims.example.org/`",
            ),
            error(
                "site.toml",
                4,
                16,
                "`feed_entries` must be a whole number from 1 to 1000",
            ),
            error(
                "site.toml",
                6,
                1,
                "missing required field `name` in [publisher]",
            ),
            error("site.toml", 7, 8, "unknown publisher kind `robot`"),
            error(
                "site.toml",
                10,
                10,
                "`rating` must be a whole number from 1 (false) to 5 (true), or 0 for no rating",
            ),
        ],
    );
}

#[test]
fn invisible_characters_are_refused_where_they_can_disguise_text() {
    let claim = "content/claims/reversed-title.md";
    let entity = "content/entities/zero-width-name.md";
    let line = "contains the invisible character";
    let direction = "contains the invisible direction control";
    // Not listed: the joiner and right-to-left mark in the claim's summary and
    // in the status's description, which prose may hold.
    assert_case(
        "invisible-characters",
        &[
            error(
                claim,
                2,
                15,
                &format!("`title` {direction} U+202E RIGHT-TO-LEFT OVERRIDE"),
            ),
            error(
                claim,
                7,
                15,
                &format!("an item of `tags` {line} U+200B ZERO WIDTH SPACE"),
            ),
            error(
                claim,
                15,
                21,
                &format!("`quote` in [[citations]] #1 {direction} U+2066 LEFT-TO-RIGHT ISOLATE"),
            ),
            error(
                claim,
                21,
                26,
                &format!("the Markdown body {direction} U+202D LEFT-TO-RIGHT OVERRIDE"),
            ),
            error(
                entity,
                2,
                11,
                &format!("`name` {line} U+FEFF ZERO WIDTH NO-BREAK SPACE"),
            ),
            error(
                entity,
                4,
                17,
                &format!("an item of `aliases` {line} U+2060 WORD JOINER"),
            ),
            error(
                "site.toml",
                1,
                9,
                &format!("`title` {line} U+200B ZERO WIDTH SPACE"),
            ),
            error(
                "site.toml",
                8,
                9,
                &format!(
                    "`label` in [statuses.disputed] {direction} U+202E RIGHT-TO-LEFT OVERRIDE"
                ),
            ),
        ],
    );
}

#[test]
fn an_invisible_character_hint_says_how_it_is_written() {
    let dir = site(&["invalid/invisible-characters"]);
    let hints = hints(dir.path());
    assert_eq!(
        hints[0],
        "delete it (it is invisible: retype the text around the column shown); it can make the text display in another order than it reads"
    );
    assert_eq!(
        hints[1],
        "delete the escape `\\u200B`; it can make the text look like other text"
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
