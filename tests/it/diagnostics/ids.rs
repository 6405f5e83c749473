//! Ids: duplicates, invalid spellings, names Windows reserves, and references
//! or aliases that lead nowhere or to another claim.

use super::*;

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
