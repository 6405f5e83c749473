//! A TOML syntax error no longer hides the other problems of its file: the
//! broken statement is blanked and the rest is checked, without reporting the
//! blanked keys as missing.

use super::*;

const TEN_IN_ONE: &str = "content/claims/ten-in-one.md";

/// The nine mistakes of `ten-in-one.md` besides its impossible date.
fn the_nine_others() -> Vec<common::Flat> {
    let at = |line, column, message| error(TEN_IN_ONE, line, column, message);
    vec![
        at(4, 12, "unknown source `acme-blogg`"),
        at(
            5,
            10,
            "`status` is `supported`, but the last history entry says `unverified`",
        ),
        at(6, 13, "unknown entity `acme-corp`"),
        at(7, 1, "unknown field `summery`"),
        at(8, 9, "`draft` must be `true` or `false`, not a string"),
        at(
            12,
            7,
            "`url` uses the `javascript:` scheme; only http and https links are allowed",
        ),
        at(
            16,
            7,
            "`url` must be an absolute http(s) URL, not the relative `/press/release.html`",
        ),
        at(
            17,
            10,
            "`stance` must be one of supports, contradicts, neutral, not `suports`",
        ),
        at(
            24,
            8,
            "history is out of date order: 2026-04-01 comes after 2026-05-01",
        ),
    ]
}

#[test]
fn an_impossible_date_leaves_the_nine_other_mistakes_reported() {
    let mut expected = the_nine_others();
    expected.insert(
        0,
        error(
            TEN_IN_ONE,
            3,
            8,
            "impossible date: expected day between 01 and 28",
        ),
    );
    assert_case("syntax-and-nine", &expected);
}

#[test]
fn fixing_the_date_reveals_nothing_new() {
    let dir = site(&["invalid/syntax-and-nine"]);
    let path = dir.path().join(TEN_IN_ONE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("2026-02-30", "2026-02-28")).unwrap();
    assert_eq!(check_flat(dir.path()), the_nine_others());
}

#[test]
fn unclosed_quotes_leave_the_other_lines_checked() {
    let file = "content/claims/unclosed.md";
    // `title` and the citation's `url` are on broken lines: neither is
    // reported missing, and the citation is not said to lack a link.
    assert_case(
        "unclosed-quote-and-more",
        &[
            error(
                file,
                2,
                27,
                "invalid TOML: invalid basic string, expected `\"`",
            ),
            error(file, 5, 10, "unknown status `suported`"),
            error(file, 6, 8, "`tags` must be a list of strings, not a string"),
            error(
                file,
                10,
                29,
                "invalid TOML: invalid basic string, expected `\"`",
            ),
        ],
    );
}

#[test]
fn a_file_of_broken_lines_is_capped_not_flooded() {
    let dir = site(&[]);
    let broken = "x = = 1\n".repeat(2_000);
    let text = format!("+++\n{broken}+++\nBody.\n");
    std::fs::write(dir.path().join("content/claims/flood.md"), text).unwrap();
    let found = check_flat(dir.path());
    let syntax = found.iter().filter(|d| d.4.starts_with("invalid TOML"));
    assert_eq!(syntax.count(), 50, "the per-file cap");
    let last = found.last().unwrap();
    assert!(
        last.4.ends_with("more problems in this file are not shown"),
        "{last:?}"
    );
}

#[test]
fn word_processor_slips_are_named_with_their_fix() {
    let file = "content/claims/word-processor-quotes.md";
    assert_case(
        "word-processor-quotes",
        &[
            error(
                file,
                2,
                30,
                "invalid TOML: unexpected key or value, expected newline, `#`",
            ),
            error(
                file,
                3,
                8,
                "invalid TOML: string values must be quoted, expected literal string",
            ),
            error(
                file,
                10,
                9,
                "invalid TOML: the value starts with the curly quote `“`, not a straight `\"`",
            ),
        ],
    );
    let dir = site(&["invalid/word-processor-quotes"]);
    assert_eq!(
        hints(dir.path()),
        [
            "a `\"` inside a text ends it early: write each `\"` inside the text as `\\\"`",
            "dates are written YYYY-MM-DD, without quotes: `date = 2026-04-23`",
            "put straight double quotes (\") around the text, as a word processor or phone may have curled them; curly quotes inside the text are fine",
        ]
    );
}
