//! Field values: dates, URLs, statuses, keys, citations, history, tags and
//! entity parents, and many mistakes reported in one run.

use super::*;

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
fn empty_required_fields() {
    // Without this rule the claim was published with an empty title and its
    // claimant was an "unknown source ``" with a hint to create `.md`.
    let file = "content/claims/empty-fields.md";
    assert_case(
        "empty-required",
        &[
            error(file, 2, 9, "`title` is empty"),
            error(file, 4, 12, "`claimant` is empty"),
        ],
    );
    let dir = site(&["invalid/empty-required"]);
    assert_eq!(
        hints(dir.path()),
        ["write it between the quotes: this field is required"; 2]
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
            "a claim needs at least one `[[appearances]]` or `[[citations]]` entry: a claim without a source is not a claim",
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
                "the claim has no appearance: where was it made?",
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
