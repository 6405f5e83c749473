//! What phones rely on that needs no browser to check: the sources table's
//! cells name their column, which the stylesheet shows when each source
//! becomes a card below 600 px, and the Changes lists keep a readable column
//! (the browser suite checks the layout itself).

use crate::common::built;
use crate::common::html::{select, texts};
use crate::common::page;

#[test]
fn every_sources_table_cell_names_its_column() {
    let dir = built();
    let html = page(dir.path(), "sources/index.html");
    let headers = texts(&html, ".sources-table thead th");
    assert_eq!(headers.len(), 6, "{headers:?}");
    let rows = select(&html, ".sources-table tbody tr");
    assert_eq!(rows.len(), 3);
    for row in rows {
        let labels: Vec<&str> = row
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .filter(|cell| cell.value().name() == "td")
            .map(|cell| cell.value().attr("data-label").unwrap_or_default())
            .collect();
        assert_eq!(
            labels,
            headers[1..],
            "the row's data cells, after its heading"
        );
    }
}

#[test]
fn the_stylesheet_stacks_the_sources_table_below_600_px() {
    let dir = built();
    let css = crate::common::read(dir.path(), "public/style.css");
    let narrow = css
        .split("@media (max-width: 37.5rem)")
        .nth(1)
        .expect("a rule for screens below 600 px");
    assert!(
        narrow.contains(".sources-table tr { display: block;"),
        "{narrow}"
    );
    assert!(narrow.contains("content: attr(data-label)"), "{narrow}");
}

#[test]
fn the_stylesheet_sets_off_each_change_date_and_indents_its_lists_less() {
    let dir = built();
    let css = crate::common::read(dir.path(), "public/style.css");
    // Three nested lists at the browser's 40 px each left /changes/ a column
    // of about 170 px on a 320 px phone, its dates run into the subjects.
    assert!(
        css.contains(
            ".change-log, .revisions, .revision-changes { padding-inline-start: 1.25rem; }"
        ),
        "{css}"
    );
    assert!(css.contains(".revision time { font-weight: 600;"), "{css}");
}
