//! Every wrong way to write an amount is reported at the key to change, with
//! a hint; words meant as qualifiers get "did you mean".

use std::fs;

use super::fixture;
use crate::common::check_json;

/// A claim file with `quantity` as its `[quantity]` body and `citation`
/// added to its one citation; its `[quantity]` header is on line 7 and the
/// citation's first extra key on line 15.
fn claim_file(quantity: &str, citation: &str) -> String {
    format!(
        "+++\ntitle = \"A claim with a number\"\ndate = 2026-03-01\nclaimant = \"northwind-lab\"\nstatus = \"unverified\"\n\n[quantity]\nlabel = \"Speed-up\"\n{quantity}\nunit = \"x\"\n\n[[citations]]\nsource = \"example-press\"\nurl = \"https://example.org/press/speed\"\n{citation}\n+++\n"
    )
}

/// The (line, column, message, hint) of every problem `check` finds in the
/// claim `wrong.md` written with `text`.
fn problems(text: &str) -> Vec<(u64, u64, String, String)> {
    let dir = fixture();
    let file = "content/claims/wrong.md";
    fs::write(dir.path().join(file), text).unwrap();
    check_json(dir.path())
        .into_iter()
        .filter(|d| d["file"] == file && d["severity"] == "error")
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_string();
            let number = |key: &str| d[key].as_u64().unwrap_or(0);
            (
                number("line"),
                number("column"),
                text("message"),
                text("hint"),
            )
        })
        .collect()
}

fn one(quantity: &str, citation: &str) -> (u64, u64, String, String) {
    let mut found = problems(&claim_file(quantity, citation));
    assert_eq!(found.len(), 1, "{found:?}");
    found.remove(0)
}

#[test]
fn a_value_and_a_range_together_are_refused_at_the_range() {
    let (line, column, message, hint) = one("value = 3\nmin = 2\nmax = 4", "");
    assert_eq!((line, column), (10, 7));
    assert_eq!(
        message,
        "`value` and `min`/`max` are both given: an amount is one value or a range, not both"
    );
    assert_eq!(
        hint,
        "keep `value` for one number, or `min` and `max` for a range"
    );
}

#[test]
fn half_a_range_suggests_the_other_end_or_a_bound() {
    let (line, column, message, hint) = one("min = 2", "");
    assert_eq!((line, column), (9, 7));
    assert_eq!(message, "`min` without `max`: a range needs both ends");
    assert_eq!(
        hint,
        "add `max = …`, or for an open-ended amount write `value = …` with `qualifier = \"at-least\"`"
    );
    let (line, _, message, hint) = one("max = 4", "");
    assert_eq!(line, 9);
    assert_eq!(message, "`max` without `min`: a range needs both ends");
    assert!(hint.contains("qualifier = \"at-most\""), "{hint}");
}

#[test]
fn a_range_must_run_from_low_to_high() {
    let (line, column, message, hint) = one("min = 2e25\nmax = 1e24", "");
    assert_eq!((line, column), (10, 7), "at `max`");
    assert_eq!(message, "`min` (2e25) must be less than `max` (1e24)");
    assert_eq!(hint, "swap them: `min = 1e24`, `max = 2e25`");
    let (_, _, message, hint) = one("min = 5\nmax = 5", "");
    assert_eq!(message, "`min` (5) must be less than `max` (5)");
    assert_eq!(hint, "a single number is written `value = 5`");
}

#[test]
fn a_range_cannot_be_a_bound() {
    let (line, column, message, hint) = one("min = 2\nmax = 4\nqualifier = \"over\"", "");
    assert_eq!((line, column), (11, 13));
    assert_eq!(
        message,
        "a range can be `exact` or `about`, not `over`: its ends already bound it"
    );
    assert!(
        hint.starts_with("remove `qualifier` or write `qualifier = \"about\"`"),
        "{hint}"
    );
    let in_citation = one("value = 3", "min = 1\nmax = 2\nqualifier = \"at-most\"");
    assert_eq!(in_citation.0, 17, "the citation's qualifier line");
}

#[test]
fn qualifiers_outside_the_list_get_the_word_they_probably_mean() {
    let words = [
        ("approximately", "about"),
        ("around", "about"),
        ("more than", "over"),
        ("more-than", "over"),
        ("almost", "nearly"),
        ("less-than", "under"),
        ("At Least", "at-least"),
        ("up to", "at-most"),
        ("nearley", "nearly"),
    ];
    for (word, meant) in words {
        let (line, column, message, hint) = one(&format!("value = 3\nqualifier = \"{word}\""), "");
        assert_eq!((line, column), (10, 13), "{word}");
        assert_eq!(
            message,
            format!(
                "`qualifier` must be one of exact, about, over, at-least, nearly, under, at-most, not `{word}`"
            )
        );
        assert_eq!(hint, format!("did you mean `{meant}`?"), "{word}");
    }
}

#[test]
fn numbers_must_be_finite() {
    for written in ["inf", "-inf", "nan", "1e999"] {
        let (line, column, message, hint) = one(&format!("value = {written}"), "");
        assert_eq!((line, column), (9, 9), "{written}");
        assert!(
            message.starts_with("`value` in [quantity] is not a finite number"),
            "{message}"
        );
        assert!(hint.contains("`2e25`"), "{hint}");
    }
}

#[test]
fn a_qualifier_needs_a_value_and_a_quantity_needs_one() {
    let (line, _, message, hint) = one("value = 3", "qualifier = \"over\"");
    assert_eq!(line, 15);
    assert_eq!(
        message,
        "`qualifier` says how exact a value is, but there is no `value`"
    );
    assert_eq!(hint, "add the `value` it qualifies, or remove `qualifier`");
    let (line, _, message, _) = one("qualifier = \"over\"", "");
    assert_eq!(line, 7, "at the `[quantity]` table");
    assert_eq!(message, "missing required field `value` in [quantity]");
}

#[test]
fn numbers_of_any_size_are_accepted() {
    for written in [
        "2e25",
        "0.0004",
        "-3.5",
        "100_000",
        "123456789012345678901234567890",
        "0x10",
    ] {
        let found = problems(&claim_file(
            &format!("value = {written}"),
            &format!("value = {written}"),
        ));
        assert_eq!(found, [], "{written}");
    }
    let found = problems(&claim_file(
        "min = 20\nmax = 25\nqualifier = \"about\"",
        "min = 1e-7\nmax = 2e25",
    ));
    assert_eq!(found, []);
}
