//! What readers see: archived copies with Robust Links attributes, each
//! quote's state, nearest passages, text-fragment links and dead originals.

use super::{CLAIM_PAGE, built, page};
use crate::common::html::{attr, attrs, select, texts};

const KEYNOTE: &str = "https://example.org/gizmo/keynote";
const KEYNOTE_COPY: &str =
    "https://archive.example.org/web/20260512000000/https://example.org/gizmo/keynote";

#[test]
fn each_checked_quote_says_what_was_found_and_in_which_copy() {
    let dir = built();
    let html = page(dir.path(), CLAIM_PAGE);
    assert_eq!(
        texts(&html, ".quote-check"),
        [
            "Quote found in the archived copy of May 12, 2026 · See it in the original",
            "Quote found in the archived copy of May 2, 2026 · See it in the original",
            "Quote not found in the archived copy of May 9, 2026",
            "Quote found in the archived copy of May 11, 2026",
        ],
        "keynote and launch (appearances), then the review and the report; \
         nothing for the changed quote of the first look nor the unchecked podcast"
    );
    assert_eq!(
        attrs(&html, ".quote-check", "class"),
        [
            "quote-check quote-found",
            "quote-check quote-found",
            "quote-check quote-not-found",
            "quote-check quote-found"
        ]
    );
    for unchecked in ["gizmo-4-first-look", "gizmo-4-podcast"] {
        let citation = select(&html, ".citation")
            .into_iter()
            .find(|c| c.html().contains(unchecked))
            .unwrap();
        assert!(
            !citation.html().contains("quote-check"),
            "{}",
            citation.html()
        );
    }
}

#[test]
fn a_quote_not_found_shows_its_nearest_passage_on_request() {
    let dir = built();
    let html = page(dir.path(), CLAIM_PAGE);
    assert_eq!(
        texts(&html, ".citation details.nearest-passage summary"),
        ["Nearest passage (72% similar)"]
    );
    assert_eq!(
        texts(&html, ".citation details.nearest-passage blockquote"),
        ["It guessed the rest of our questions correctly about a third of the time."]
    );
    assert!(
        select(&html, "details.nearest-passage[open]").is_empty(),
        "closed until asked for"
    );
}

#[test]
fn found_quotes_link_to_their_place_in_a_live_original_with_a_text_fragment() {
    let dir = built();
    let html = page(dir.path(), CLAIM_PAGE);
    assert_eq!(
        attrs(&html, ".quote-check a", "href"),
        [
            // Sixteen words: the first four and the last four.
            "https://example.org/gizmo/keynote#:~:text=Gizmo%204%20knows%20what,question%2C%20every%20single%20time.",
            // Short: whole, its `,`, `&` and `-` encoded.
            "https://example.org/gizmo/introducing-gizmo-4#:~:text=Fast%2C%20cheap%20%26%20state%2Dof%2Dthe%2Dart.",
        ],
        "none for the report, whose original answered 404"
    );
    assert_eq!(
        attrs(&html, ".quote-check a", "rel"),
        [
            "nofollow noopener noreferrer",
            "nofollow noopener noreferrer"
        ]
    );
}

#[test]
fn the_archived_copy_is_linked_with_its_date_and_robust_links_attributes() {
    let dir = built();
    let html = page(dir.path(), CLAIM_PAGE);
    let keynote = select(&html, ".appearance").remove(0);
    let links: Vec<_> = keynote
        .select(&crate::common::html::selector(".links a"))
        .collect();
    assert_eq!(
        links
            .iter()
            .map(|a| a.text().collect::<String>())
            .collect::<Vec<_>>(),
        ["Read the document", "Archived May 12, 2026"]
    );
    let original = &links[0];
    assert_eq!(attr(original, "href"), KEYNOTE);
    assert_eq!(attr(original, "data-originalurl"), KEYNOTE);
    assert_eq!(attr(original, "data-versionurl"), KEYNOTE_COPY);
    assert_eq!(attr(original, "data-versiondate"), "2026-05-12");
    let copy = &links[1];
    assert_eq!(attr(copy, "href"), KEYNOTE_COPY);
    assert_eq!(attr(copy, "data-originalurl"), KEYNOTE);
    assert_eq!(attr(copy, "data-versiondate"), "2026-05-12");
    assert_eq!(
        texts(&html, ".links a[data-versionurl]").len(),
        4,
        "keynote, review, report, first look: every capture the page links, \
         not the hand-written copy nor the unchecked podcast"
    );
}

#[test]
fn an_original_that_no_longer_answers_gets_a_note() {
    let dir = built();
    let html = page(dir.path(), CLAIM_PAGE);
    let note = "The original answered HTTP 404 when checked on December 5, 2026.";
    assert_eq!(texts(&html, ".original-status"), [note]);
    let document = page(dir.path(), "documents/open-meter-report/index.html");
    assert_eq!(texts(&document, ".original-status"), [note]);
    assert_eq!(
        texts(&document, ".document-header .links a"),
        ["Read the document", "Archived May 11, 2026"]
    );
    assert_eq!(
        attrs(&document, ".document-header .links a", "data-versiondate"),
        ["2026-05-11", "2026-05-11"]
    );
}

#[test]
fn a_hand_written_archive_wins_over_the_lock_file_capture() {
    let dir = built();
    let hand_written = "https://example.org/archive/introducing-gizmo-4";
    let html = page(dir.path(), CLAIM_PAGE);
    let launch = select(&html, ".appearance").remove(1);
    let launch = scraper::Html::parse_fragment(&launch.html());
    assert_eq!(
        texts(&launch, ".links a"),
        ["Read the document", "Archived copy"]
    );
    assert_eq!(
        attrs(&launch, ".links a", "href"),
        [
            "https://example.org/gizmo/introducing-gizmo-4",
            hand_written
        ]
    );
    assert!(attrs(&launch, "a", "data-versionurl").is_empty());
    let document = page(dir.path(), "documents/gizmo-4-launch/index.html");
    assert_eq!(
        attrs(&document, ".document-header .links a", "href"),
        [
            "https://example.org/gizmo/introducing-gizmo-4",
            hand_written
        ]
    );
    let text = crate::common::read(dir.path(), "public/documents/gizmo-4-launch/index.html");
    assert!(
        !text.contains("archive.example.org"),
        "the lock's capture is not shown"
    );
}

#[test]
fn what_the_lock_file_says_reaches_pages_as_text_only() {
    let dir = super::site();
    let lock = dir.path().join("archive.lock");
    let text = std::fs::read_to_string(&lock).unwrap().replace(
        "nearest = \"It guessed",
        "nearest = \"</blockquote><script>alert(1)</script><img src=x onerror=alert(2)> It guessed",
    );
    std::fs::write(&lock, text).unwrap();
    claimtrail::build(&crate::common::options(dir.path())).unwrap();
    let text = crate::common::read(dir.path(), &format!("public/{CLAIM_PAGE}"));
    assert_eq!(
        crate::common::html_safety::executable_parts_of_page(&text),
        Vec::<String>::new()
    );
    let html = scraper::Html::parse_document(&text);
    assert!(
        texts(&html, ".nearest-passage blockquote")[0]
            .starts_with("</blockquote><script>alert(1)</script>"),
        "shown as written, as text"
    );
}
