//! The markup the client-side list filter (`filter.js`) works from: the data
//! attributes on every listed claim and event, and the filter form, hidden
//! until the script shows it. `tests/browser/` checks the script itself in a
//! real browser; nothing here needs one.

use crate::common::html::{attr, select};
use crate::common::{self, built};

use std::collections::BTreeSet;

use common::{page, read};
use scraper::{ElementRef, Html, Selector};

/// The filter attributes each fixture claim's items must carry:
/// (claim id, status, entities, tags, year the claim was made).
const CLAIMS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "acme-model-2-cost",
        "disputed",
        "acme acme-model-2",
        "inference-cost efficiency",
        "2026",
    ),
    (
        "globex-beats-acme",
        "refuted",
        "globex acme-model-2",
        "benchmarks",
        "2026",
    ),
    (
        "acme-model-1-launch",
        "supported",
        "acme-model-1",
        "product",
        "2025",
    ),
];

#[test]
fn every_listed_claim_and_event_carries_its_claims_filter_attributes() {
    let dir = built();
    let mut checked = BTreeSet::new();
    for (path, bytes) in common::tree(&dir.path().join("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = Html::parse_document(std::str::from_utf8(&bytes).unwrap());
        for item in select(&html, "[data-status]") {
            let link = item
                .select(&Selector::parse("a.claim-title, a.event-claim").unwrap())
                .next()
                .unwrap_or_else(|| panic!("{path}: an item without its claim: {}", item.html()));
            let id = attr(&link, "href")
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap();
            let (_, status, entities, tags, claim_year) = CLAIMS
                .iter()
                .find(|c| c.0 == id)
                .unwrap_or_else(|| panic!("{path}: unknown claim {id}"));
            assert_eq!(attr(&item, "data-status"), *status, "{path}: {id}");
            assert_eq!(attr(&item, "data-entities"), *entities, "{path}: {id}");
            assert_eq!(attr(&item, "data-tags"), *tags, "{path}: {id}");
            // An event is dated by when it happened, a claim by when it was made.
            let year = if attr(&item, "class").split(' ').any(|c| c == "event") {
                let time = item
                    .select(&Selector::parse("time").unwrap())
                    .next()
                    .unwrap();
                &attr(&time, "datetime")[..4]
            } else {
                claim_year
            };
            assert_eq!(attr(&item, "data-year"), year, "{path}: {id}");
            checked.insert(path.split('/').next().unwrap().to_string());
        }
    }
    // Claim pages have no filter (their related claims carry no attributes);
    // the list of all claims at `/claims/` has.
    assert_eq!(
        checked,
        [
            "claims",
            "contested",
            "entities",
            "index.html",
            "sources",
            "status",
            "tags",
            "timeline"
        ]
        .map(String::from)
        .into(),
        "every kind of list carries the attributes"
    );
}

#[test]
fn the_filter_form_is_hidden_until_its_script_shows_it_and_offers_the_whole_lists_values() {
    let dir = built();
    let html = page(dir.path(), "timeline/2026/page/2/index.html");
    let forms = select(&html, "form[data-live-filter]");
    assert_eq!(forms.len(), 1);
    let form = forms[0].value();
    assert!(form.attr("hidden").is_some(), "hidden without JavaScript");
    assert!(form.attr("data-paged").is_some(), "one page of four");
    assert_eq!(form.attr("data-noun"), Some("events"));
    assert_eq!(
        select(&html, "script[src]")
            .iter()
            .map(|s| (attr(s, "src"), s.value().attr("defer").is_some()))
            .collect::<Vec<_>>(),
        [("/tracker/filter.js", true)]
    );

    // Each control offers the values of every page's items, after "Any".
    let pages: Vec<Html> = ["", "page/2/", "page/3/", "page/4/"]
        .iter()
        .map(|p| page(dir.path(), &format!("timeline/2026/{p}index.html")))
        .collect();
    let items: Vec<ElementRef> = pages
        .iter()
        .flat_map(|p| select(p, "[data-status]"))
        .collect();
    for (control, attribute) in [
        ("status", "data-status"),
        ("entity", "data-entities"),
        ("tag", "data-tags"),
    ] {
        let offered: BTreeSet<&str> = select(&html, &format!("select[name={control}] option"))
            .iter()
            .map(|o| attr(o, "value"))
            .collect();
        let mut expected: BTreeSet<&str> = items
            .iter()
            .flat_map(|i| attr(i, attribute).split_whitespace())
            .collect();
        expected.insert("");
        assert_eq!(offered, expected, "{control}");
    }
    assert!(
        select(&html, "select[name=year]").is_empty(),
        "every event of a year page has that year"
    );
    for label in select(&html, "form[data-live-filter] select") {
        let parent = ElementRef::wrap(label.parent().unwrap()).unwrap();
        assert_eq!(parent.value().name(), "label", "each control has its label");
    }
    assert_eq!(
        select(&html, "[data-filter-count][role=status][aria-live=polite]").len(),
        1,
        "the count is announced"
    );

    let script = read(dir.path(), "public/filter.js");
    assert!(script.contains("history.replaceState"), "{script}");
}

#[test]
fn no_filter_form_where_the_list_does_not_vary() {
    let dir = built();
    // One claim: nothing to narrow, so no form and no script.
    let html = page(dir.path(), "status/disputed/index.html");
    assert!(select(&html, "form[data-live-filter], script[src$=\"filter.js\"]").is_empty());
    // Two claims of 2026 with different statuses: a status control, no year control.
    let html = page(dir.path(), "entities/acme-model-2/index.html");
    assert_eq!(select(&html, "select[name=status]").len(), 1);
    assert!(select(&html, "select[name=year]").is_empty());
    let html = page(dir.path(), "sources/indie-lab/cited/index.html");
    assert_eq!(select(&html, "select[name=status]").len(), 1);
}

#[test]
fn pages_load_no_inline_script() {
    let dir = built();
    for (path, bytes) in common::tree(&dir.path().join("public")) {
        if path.ends_with(".html") {
            let html = Html::parse_document(std::str::from_utf8(&bytes).unwrap());
            for script in select(&html, "script:not([src])") {
                assert_eq!(
                    script.value().attr("type"),
                    Some("application/ld+json"),
                    "{path}: inline script {}",
                    script.html()
                );
            }
        }
    }
}
