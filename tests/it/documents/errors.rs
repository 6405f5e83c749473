//! Mistakes in document files and in the entries that point at them: each
//! located, with a hint.

use super::{at, claim, found, write};
use crate::common;

/// Why an appearance takes neither `stance` nor `value`.
const APPEARANCE_HINT: &str = "an appearance is the claim itself; put what others say under [[citations]]; the claimed value goes in [quantity]";

#[test]
fn a_document_files_mistakes_are_each_located_with_a_hint() {
    let dir = common::site(&[]);
    let file = "content/documents/launch.md";
    write(
        dir.path(),
        file,
        "+++\ntitel = \"Introducing Acme Model 2\"\nsource = \"acme-blg\"\ndate = \"2026-04-23\"\nurl = \"ftp://example.org/launch\"\nkind = \"model card\"\n+++\n",
    );
    assert_eq!(
        found(dir.path()),
        [
            at(
                "warning",
                file,
                0,
                0,
                "no claim uses the document `launch`",
                "point an appearance or citation at it with `document = \"launch\"`, or remove the file",
            ),
            at(
                "error",
                file,
                2,
                1,
                "unknown field `titel`",
                "did you mean `title`?"
            ),
            at(
                "error",
                file,
                3,
                10,
                "unknown source `acme-blg`",
                "did you mean `acme-blog`?"
            ),
            at(
                "error",
                file,
                4,
                8,
                "`date` must be a date, not a string",
                "write the date without quotes: `date = 2026-04-23`",
            ),
            at(
                "error",
                file,
                5,
                7,
                "`url` uses the `ftp:` scheme; only http and https links are allowed",
                "link to a web page with an `https://` address",
            ),
            at(
                "error",
                file,
                6,
                8,
                "`kind` must be one of article, paper, model-card, press-release, post, benchmark, other, not `model card`",
                "did you mean `model-card`?",
            ),
        ]
    );
}

#[test]
fn a_document_without_a_link_warns_and_a_duplicate_id_is_an_error() {
    let dir = common::site(&["documents"]);
    let file = "content/documents/2026/acme-model-2-launch.md";
    write(
        dir.path(),
        file,
        "+++\ntitle = \"Introducing Acme Model 2, again\"\nsource = \"acme-blog\"\n+++\n",
    );
    assert_eq!(
        found(dir.path()),
        [
            at(
                "warning",
                file,
                2,
                1,
                "this document has neither `url` nor `archive`, so readers cannot check it",
                "add `url = \"https://...\"` for the document, or an `archive` link",
            ),
            at(
                "error",
                "content/documents/acme-model-2-launch.md",
                1,
                1,
                "duplicate document id `acme-model-2-launch`: content/documents/2026/acme-model-2-launch.md has the same id",
                "ids are unique across sub-folders; rename one of the two files",
            ),
        ]
    );
}

#[test]
fn entries_that_point_at_a_document_take_its_details_and_no_stance_or_value() {
    let dir = common::site(&["documents"]);
    let file = "content/claims/book.md";
    let entries = "[[appearances]]\ndocument = \"acme-model-2-lunch\"\nstance = \"supports\"\nvalue = 2\n\n\
                   [[citations]]\ndocument = \"acme-model-2-launch\"\nurl = \"https://example.org/elsewhere\"\ndate = 2026-04-24\nstance = \"supports\"\n";
    write(
        dir.path(),
        file,
        &claim("Acme Model 2 reads a book", entries),
    );
    let moved =
        "a document's details are written once, in content/documents/acme-model-2-launch.md";
    assert_eq!(
        found(dir.path()),
        [
            at(
                "error",
                file,
                8,
                12,
                "unknown document `acme-model-2-lunch`",
                "did you mean `acme-model-2-launch`?",
            ),
            at(
                "error",
                file,
                9,
                10,
                "an appearance has no `stance`",
                APPEARANCE_HINT
            ),
            at(
                "error",
                file,
                10,
                9,
                "an appearance has no `value`",
                APPEARANCE_HINT
            ),
            at(
                "warning",
                file,
                13,
                12,
                "this citation is by the claimant `acme-blog`, so it is where the claim was made, not evidence for it",
                "rename this `[[citations]]` to `[[appearances]]` and remove `stance` and `value`",
            ),
            at(
                "error",
                file,
                14,
                7,
                "`url` comes from the document `acme-model-2-launch`; remove it here",
                moved,
            ),
            at(
                "error",
                file,
                15,
                8,
                "`date` comes from the document `acme-model-2-launch`; remove it here",
                moved,
            ),
        ]
    );
}

#[test]
fn a_claim_needs_an_appearance_or_a_citation() {
    let dir = common::site(&[]);
    let file = "content/claims/unsourced.md";
    write(dir.path(), file, &claim("Acme said something", ""));
    assert_eq!(
        found(dir.path()),
        [at(
            "error",
            file,
            2,
            1,
            "a claim needs at least one `[[appearances]]` or `[[citations]]` entry: a claim without a source is not a claim",
            "add an `[[appearances]]` block with `document = \"<document id>\"`, or the `url` and `title` of where the claim was made",
        )]
    );
}
