//! The reader's views on a fixture with known numbers: counts, tallies,
//! agreement rates, ordering, pagination and the per-year timeline, read
//! from the built HTML with a real parser.

use crate::common::html::{attrs, texts};
use crate::common::{self, built};

use std::collections::BTreeSet;

use common::page;
use scraper::{Html, Selector};

#[test]
fn claim_page_compares_sources_with_tally_and_first_party_marks() {
    let dir = built();
    let html = page(dir.path(), "claims/acme-model-2-cost/index.html");
    assert_eq!(
        texts(&html, ".tally"),
        ["1 supporting (1 independent source), 1 contradicting"],
        "the claimant's own post is where the claim was made, not support"
    );
    assert_eq!(
        texts(&html, ".group-heading"),
        ["✔ Supports (1)", "✘ Contradicts (1)"]
    );
    let sources = texts(&html, ".citation-source");
    assert_eq!(sources, ["Indie Lab research", "Example Press press"]);
    assert_eq!(texts(&html, ".reported strong"), ["35%", "22.5%"]);

    let launch = page(dir.path(), "claims/acme-model-1-launch/index.html");
    assert_eq!(
        texts(&launch, ".tally"),
        ["1 supporting (1 independent source)"],
        "the claimant's launch post is an appearance"
    );
    let globex = page(dir.path(), "claims/globex-beats-acme/index.html");
    assert_eq!(
        texts(&globex, ".tally"),
        ["1 contradicting"],
        "the claimant backing its own claim is no evidence"
    );
}

#[test]
fn claim_page_draws_the_spread_and_its_own_timeline() {
    let dir = built();
    let html = page(dir.path(), "claims/acme-model-2-cost/index.html");
    assert_eq!(
        texts(&html, ".dot-plot figcaption"),
        ["Claimed 35%; 2 sources report values from 22.5% to 35%."]
    );
    assert_eq!(
        attrs(&html, ".dot-plot circle", "class"),
        ["dot dot-claimed", "dot dot-supports", "dot dot-contradicts"]
    );
    let xs: Vec<f64> = attrs(&html, ".dot-plot circle", "cx")
        .iter()
        .map(|x| x.parse().unwrap())
        .collect();
    assert!(
        xs[0] == xs[1] && xs[2] < xs[0],
        "35 twice at the right, 22.5 at the left: {xs:?}"
    );
    let kinds = texts(&html, ".events .event-kind");
    assert_eq!(
        kinds,
        [
            "Verdict changed from Unverified to",
            "Document published · Example Press",
            "Claim made · Acme Blog",
            "Entered as"
        ],
        "newest first; the claimant's own document on the day is the claim itself"
    );
    assert_eq!(texts(&html, ".events time")[0], "June 2, 2026");
    // On its own page the claim's history does not link back to it or repeat
    // its current status: a badge marks each verdict, nothing else.
    assert!(texts(&html, ".events a.event-claim").is_empty());
    assert!(attrs(&html, ".events li", "data-status").is_empty());
    assert_eq!(texts(&html, ".events .badge"), ["Disputed", "Unverified"]);
    let related = texts(&html, "section[aria-label='Related claims'] .claim-title");
    assert_eq!(
        related,
        ["Globex's model beats Acme Model 2 on every benchmark"],
        "the one claim sharing an entity"
    );
    assert!(
        attrs(
            &html,
            "section[aria-label='Related claims'] li",
            "data-status"
        )
        .is_empty(),
        "nothing filters the related claims, so they carry no filter attributes"
    );
}

/// A claim about `entities` on `date`, cited once by its claimant.
fn related_claim(date: &str, entities: &str) -> String {
    format!(
        "+++\ntitle = \"Claim of {date}\"\ndate = {date}\nclaimant = \"example-press\"\n\
         status = \"unverified\"\nentities = [{entities}]\n\n[[citations]]\n\
         source = \"example-press\"\nurl = \"https://example.org/{date}\"\ndate = {date}\n\
         stance = \"neutral\"\n+++\n"
    )
}

#[test]
fn related_claims_rank_by_shared_entities_then_nearness_and_stop_at_five() {
    let dir = common::site(&[]);
    let claims = dir.path().join("content/claims");
    let both = r#""acme", "globex""#;
    let acme = r#""acme""#;
    // Newest first these are: 12-01, 07-01, 06-20, the claim (06-15), 06-10,
    // 06-01, 05-01, 01-01 and, a year before, the one sharing both entities.
    for (id, date, entities) in [
        ("focus", "2020-06-15", both),
        ("far-both", "2019-01-01", both),
        ("s-0620", "2020-06-20", acme),
        ("s-0610", "2020-06-10", acme),
        ("s-0701", "2020-07-01", acme),
        ("s-0601", "2020-06-01", acme),
        ("s-1201", "2020-12-01", acme),
        ("s-0501", "2020-05-01", acme),
        ("s-0101", "2020-01-01", acme),
    ] {
        std::fs::write(
            claims.join(format!("{id}.md")),
            related_claim(date, entities),
        )
        .unwrap();
    }
    claimtrail::build(&common::options(dir.path())).unwrap();
    let html = page(dir.path(), "claims/focus/index.html");
    let related = texts(&html, "section[aria-label='Related claims'] .claim-title");
    assert_eq!(
        related,
        [
            "Claim of 2019-01-01", // both entities, though the farthest
            "Claim of 2020-06-20", // one entity, one place away: the newer first
            "Claim of 2020-06-10",
            "Claim of 2020-07-01", // two places away
            "Claim of 2020-06-01",
        ],
        "most shared entities first, then nearest in the date order; five at most"
    );
}

#[test]
fn claim_page_offers_citation_formats_and_corrections() {
    let dir = built();
    let html = page(dir.path(), "claims/acme-model-2-cost/index.html");
    assert_eq!(
        texts(&html, ".cite-text"),
        [
            "Fixture Tracker. “Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1” Status: Disputed. Last updated June 2, 2026. https://example.org/tracker/claims/acme-model-2-cost/"
        ]
    );
    let bibtex = texts(&html, ".cite pre")[0].clone();
    assert!(bibtex.starts_with("@misc{claimtrail-acme-model-2-cost, title = {Acme Model 2 cuts per-token inference cost by 35\\% versus Acme Model 1},"), "{bibtex}");
    assert!(bibtex.contains("date = {2026-06-02}"), "{bibtex}");
    let edit = "https://github.com/example/tracker/edit/main/content/claims/acme-model-2-cost.md";
    assert_eq!(attrs(&html, ".claim-footer a", "href"), [edit, edit]);
}

#[test]
fn sources_table_counts_and_agreement_rates() {
    let dir = built();
    let html = page(dir.path(), "sources/index.html");
    let rows: Vec<String> = texts(&html, ".sources-table tbody tr");
    assert_eq!(
        rows,
        [
            "Acme Blog speaks for Acme official 2 0 Supported 1 Disputed 1 not enough data (n=0)",
            "Example Press press 1 1 Refuted 1 not enough data (n=0)",
            "Indie Lab research 0 3 none 100% (2 of 2)",
        ]
    );
}

#[test]
fn source_page_lists_stances_on_cited_claims() {
    let dir = built();
    let html = page(dir.path(), "sources/indie-lab/index.html");
    let cited = texts(&html, ".claim-list .meta .stance");
    assert_eq!(
        cited,
        ["✘ Contradicts", "✔ Supports"],
        "globex (newest), then acme-model-2-cost: a page holds two"
    );
}

#[test]
fn overview_shows_counts_chart_verdicts_and_contested() {
    let dir = built();
    let html = page(dir.path(), "index.html");
    let counts = texts(&html, ".status-grid li");
    assert_eq!(
        counts,
        [
            "0 Unverified",
            "1 Supported",
            "1 Disputed",
            "1 Refuted",
            "0 Retracted",
            "0 Outdated"
        ]
    );
    let bars = Selector::parse(".chart svg > g").unwrap();
    assert_eq!(
        html.select(&bars).count(),
        15,
        "March 2025 to May 2026, empty months included"
    );
    let rows = texts(&html, ".chart tbody tr");
    assert_eq!(
        rows,
        [
            "March 2025 0 1 0 0 0 0 1",
            "April 2026 0 0 1 0 0 0 1",
            "May 2026 0 0 0 1 0 0 1"
        ]
    );
    let verdicts = texts(
        &html,
        "section[aria-label='Recently changed verdicts'] .event-claim",
    );
    assert_eq!(verdicts.len(), 5);
    assert_eq!(
        verdicts[0],
        "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"
    );
    let contested = texts(
        &html,
        "section[aria-label='Most contested claims'] .claim-title",
    );
    assert_eq!(
        contested,
        ["Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"],
        "the only claim with evidence on both sides"
    );
}

#[test]
fn timeline_splits_by_year_and_paginates() {
    let dir = built();
    let latest = page(dir.path(), "timeline/index.html");
    assert_eq!(
        texts(&latest, ".event time"),
        ["June 2, 2026", "June 1, 2026"],
        "page_size newest events"
    );
    assert_eq!(
        attrs(&latest, ".filters a[href$='/timeline/2025/']", "href"),
        ["/tracker/timeline/2025/"]
    );
    let mut year_2026 = Vec::new();
    for path in [
        "timeline/2026/",
        "timeline/2026/page/2/",
        "timeline/2026/page/3/",
        "timeline/2026/page/4/",
    ] {
        year_2026.extend(texts(
            &page(dir.path(), &format!("{path}index.html")),
            ".event time",
        ));
    }
    assert_eq!(
        year_2026.len(),
        7,
        "seven 2026 events over four pages of two: {year_2026:?}"
    );
    assert!(!dir.path().join("public/timeline/2026/page/5").exists());
    let months = texts(&page(dir.path(), "timeline/2026/page/3/index.html"), "h2");
    assert_eq!(
        months,
        ["May 2026", "April 2026"],
        "grouped by month within a page"
    );
    let pager = page(dir.path(), "timeline/2026/page/2/index.html");
    assert_eq!(
        attrs(&pager, ".pager a[rel=prev]", "href"),
        ["/tracker/timeline/2026/"]
    );
    assert_eq!(
        attrs(&pager, ".pager a[rel=next]", "href"),
        ["/tracker/timeline/2026/page/3/"]
    );
    assert_eq!(texts(&pager, ".pager [aria-current=page]"), ["2"]);
    let year_2025 = texts(&page(dir.path(), "timeline/2025/index.html"), ".event time");
    assert_eq!(year_2025, ["March 20, 2025", "March 20, 2025"]);
}

#[test]
fn entities_are_grouped_by_kind_with_their_own_timeline() {
    let dir = built();
    let html = page(dir.path(), "entities/index.html");
    assert_eq!(texts(&html, "main h2"), ["Organizations", "Models"]);
    let entity = page(dir.path(), "entities/acme-model-2/index.html");
    assert_eq!(
        texts(&entity, ".status-grid li"),
        ["1 Disputed", "1 Refuted"]
    );
    assert_eq!(
        texts(&entity, "main > h2")[0],
        "2 claims about Acme Model 2"
    );
    assert!(
        dir.path()
            .join("public/entities/acme-model-2/page/3/index.html")
            .is_file(),
        "6 events, 2 per page"
    );
}

#[test]
fn every_page_is_well_formed_with_unique_ids_and_no_external_requests() {
    let dir = built();
    let mut pages = 0;
    for (path, bytes) in common::tree(&dir.path().join("public")) {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let html = Html::parse_document(std::str::from_utf8(&bytes).unwrap());
        assert!(html.errors.is_empty(), "{path}: {:?}", html.errors);
        let ids = attrs(&html, "[id]", "id");
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{path}: duplicate ids in {ids:?}");
        for src in attrs(&html, "[src]", "src").into_iter().chain(attrs(
            &html,
            "link[rel=stylesheet], link[rel=icon]",
            "href",
        )) {
            assert!(
                src.starts_with('/') && !src.starts_with("//"),
                "{path}: {src} loads from another host"
            );
        }
        for action in attrs(&html, "form", "action") {
            assert!(
                action.starts_with("/tracker/"),
                "{path}: form sends to {action}"
            );
        }
        let scripts =
            Selector::parse("script:not([src]):not([type='application/ld+json'])").unwrap();
        for script in html.select(&scripts) {
            let code = script.inner_html();
            for remote in ["http:", "https:", "//", "import(", "fetch("] {
                assert!(
                    !code.contains(remote),
                    "{path}: an inline script has {remote}"
                );
            }
        }
    }
    assert!(pages > 40, "only {pages} pages");
}

#[test]
fn every_page_of_a_sources_cited_claims_names_the_source() {
    // page_size = 1, so Indie Lab's three cited claims take three pages; the
    // source's view is made once and shared by its page and every cited page.
    let dir = common::site(&["paged"]);
    let config = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("page_size = 2", "page_size = 1")).unwrap();
    claimtrail::build(&common::options(dir.path())).unwrap();
    let name = texts(&page(dir.path(), "sources/indie-lab/index.html"), "h1");
    assert_eq!(name, ["Indie Lab"]);
    for cited in [
        "sources/indie-lab/cited/index.html",
        "sources/indie-lab/cited/page/2/index.html",
        "sources/indie-lab/cited/page/3/index.html",
    ] {
        let html = page(dir.path(), cited);
        let back: Vec<String> = texts(&html, "main a[href=\"/tracker/sources/indie-lab/\"]")
            .into_iter()
            .filter(|text| text.starts_with('←'))
            .collect();
        assert_eq!(back, ["← Indie Lab"], "{cited}");
    }
}
