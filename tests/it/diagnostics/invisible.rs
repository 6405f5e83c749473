//! Invisible characters that can disguise text are refused, with a hint that
//! says how each is written.

use super::*;

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
                14,
                21,
                &format!("`quote` in [[appearances]] #1 {direction} U+2066 LEFT-TO-RIGHT ISOLATE"),
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
