//! The data files the list filter reads on paginated lists (`<list>/filter.json`):
//! every item of the whole list, in a shape `filter.js` can draw, with
//! hostile text kept as text; and the filter form that points to them.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::html::{attr, attrs, select, texts};
use crate::common::{self, built, page, read};

/// The data file of the list at `dir` (e.g. `claims/`), parsed.
fn list_data(root: &std::path::Path, dir: &str) -> Value {
    serde_json::from_str(&read(root, &format!("public/{dir}filter.json"))).unwrap()
}

/// Every page of the list at `dir`: page 1, then `page/2/`, ... as long as they exist.
fn list_pages(root: &std::path::Path, dir: &str) -> Vec<scraper::Html> {
    let mut pages = vec![page(root, &format!("{dir}index.html"))];
    for n in 2.. {
        let path = format!("{dir}page/{n}/index.html");
        if !root.join("public").join(&path).exists() {
            break;
        }
        pages.push(page(root, &path));
    }
    pages
}

#[test]
fn a_paged_claim_lists_data_file_holds_every_claim_of_every_page() {
    let dir = built();
    let root = dir.path();
    let pages = list_pages(root, "claims/");
    assert!(
        pages.len() > 1,
        "page_size = 2 spreads the claims over pages"
    );
    let on_pages: Vec<String> = pages
        .iter()
        .flat_map(|html| attrs(html, ".claim-list a.claim-title", "href"))
        .collect();
    let data = list_data(root, "claims/");
    let items = data["items"].as_array().unwrap();
    let in_file: Vec<String> = items
        .iter()
        .map(|item| item[4].as_str().unwrap().to_string())
        .collect();
    assert_eq!(in_file, on_pages, "the same claims, in the same order");

    // One item drawn as its card: status, entities, tags, year, claimant, dates.
    let item = items
        .iter()
        .find(|i| i[4] == "/tracker/claims/acme-model-2-cost/")
        .unwrap();
    let status = &data["statuses"][item[0].as_u64().unwrap() as usize];
    assert_eq!(status[0], "disputed");
    assert_eq!(status[1], "Disputed");
    assert!(status[2].as_str().unwrap().starts_with('#'));
    let ids = |table: &str, at: usize| -> BTreeSet<String> {
        let numbers = item[at].as_array().unwrap();
        let table = data[table].as_array().unwrap();
        (numbers.iter())
            .map(|n| {
                table[n.as_u64().unwrap() as usize]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        ids("entities", 1),
        ["acme", "acme-model-2"].map(String::from).into()
    );
    assert_eq!(
        ids("tags", 2),
        ["efficiency", "inference-cost"].map(String::from).into()
    );
    assert_eq!(item[3], 2026);
    assert_eq!(
        item[5],
        "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"
    );
    let claimant = &data["sources"][item[6].as_u64().unwrap() as usize];
    assert_eq!(claimant[1], "/tracker/sources/acme-blog/");
    assert_eq!(
        (&item[7], &item[8]),
        (&"2026-04-23".into(), &"April 23, 2026".into())
    );

    // Every page's form points to the file and offers the whole list's values.
    for html in &pages {
        let form = &select(html, "form[data-live-filter]")[0];
        assert_eq!(attr(form, "data-items"), "/tracker/claims/filter.json");
        assert_eq!(attr(form, "data-total"), in_file.len().to_string());
        let years: BTreeSet<String> = attrs(html, "select[name=year] option", "value")
            .into_iter()
            .collect();
        assert_eq!(years, ["", "2025", "2026"].map(String::from).into());
    }
}

#[test]
fn a_paged_timelines_data_file_holds_every_event_with_its_wording() {
    let dir = built();
    let root = dir.path();
    let pages = list_pages(root, "timeline/2026/");
    assert!(pages.len() > 1);
    let on_pages: Vec<(String, String)> = pages
        .iter()
        .flat_map(|html| {
            let claims = attrs(html, ".events a.event-claim", "href");
            let kinds = texts(html, ".events .event-kind");
            claims.into_iter().zip(kinds).collect::<Vec<_>>()
        })
        .collect();
    let data = list_data(root, "timeline/2026/");
    let in_file: Vec<(String, String)> = (data["items"].as_array().unwrap().iter())
        .map(|item| {
            let label = &data["labels"][item[4].as_u64().unwrap() as usize];
            let mut kind = label[1].as_str().unwrap().to_string();
            if let Some(source) = item[5].as_u64() {
                kind += &format!(
                    " · {}",
                    data["sources"][source as usize][0].as_str().unwrap()
                );
            }
            let claim = &data["claims"][item[0].as_u64().unwrap() as usize];
            (claim[3].as_str().unwrap().to_string(), kind)
        })
        .collect();
    assert_eq!(
        in_file, on_pages,
        "every event of every page, worded as the pages word it"
    );
    let labels: BTreeSet<&str> = (data["labels"].as_array().unwrap().iter())
        .map(|label| label[1].as_str().unwrap())
        .collect();
    assert!(labels.contains("Entered as"), "{labels:?}");
    assert!(
        labels.contains("Verdict changed from Unverified to"),
        "{labels:?}"
    );
    let months: Vec<&Value> = data["months"].as_array().unwrap().iter().collect();
    assert!(
        months
            .iter()
            .all(|m| m[0].as_str().unwrap().starts_with("2026-"))
    );

    // The newest events at /timeline/ filter the whole timeline.
    let latest = page(root, "timeline/index.html");
    let form = &select(&latest, "form[data-live-filter]")[0];
    assert_eq!(attr(form, "data-items"), "/tracker/timeline/filter.json");
    let all = list_data(root, "timeline/");
    let years: usize = ["2025", "2026"]
        .iter()
        .map(|y| {
            list_pages(root, &format!("timeline/{y}/"))
                .iter()
                .map(|h| select(h, ".events > li").len())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(all["items"].as_array().unwrap().len(), years);
    assert_eq!(attr(form, "data-total"), years.to_string());
}

#[test]
fn a_list_on_one_page_has_no_data_file_and_filters_itself() {
    let dir = built();
    let root = dir.path();
    assert!(!root.join("public/tags/benchmarks/filter.json").exists());
    assert!(!root.join("public/status/refuted/filter.json").exists());
    let html = page(root, "entities/globex/index.html");
    for form in select(&html, "form[data-live-filter]") {
        assert_eq!(form.value().attr("data-items"), None);
    }
}

#[test]
fn data_files_keep_hostile_text_as_text() {
    let dir = common::site(&["hostile"]);
    let toml = dir.path().join("site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("page_size = 1\n{text}")).unwrap();
    claimtrail::build(&common::options(dir.path())).unwrap();
    let claims = common::data(dir.path(), "claims.json");
    let titles: BTreeSet<&str> = (claims["claims"].as_array().unwrap().iter())
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    let mut files = 0;
    for (path, bytes) in common::tree(&dir.path().join("public")) {
        if !path.ends_with("/filter.json") {
            continue;
        }
        files += 1;
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(
            !text.contains(['<', '>', '&']),
            "{path}: markup characters escaped"
        );
        let data: Value = serde_json::from_str(text).unwrap();
        let events = !data["labels"].as_array().unwrap().is_empty();
        let (rows, at) = if events { ("claims", 4) } else { ("items", 5) };
        for row in data[rows].as_array().unwrap() {
            let title = row[at].as_str().unwrap();
            assert!(
                titles.contains(title),
                "{path}: a title as written: {title}"
            );
        }
    }
    assert!(files >= 3, "only {files} data files");
    assert!(
        titles.iter().any(|t| t.contains("<script>")),
        "the fixture's hostile title is there to test"
    );
}

#[test]
fn an_entitys_page_never_offers_the_entity_itself_as_a_filter() {
    let dir = built();
    for entity in ["acme", "acme-model-2"] {
        let html = page(dir.path(), &format!("entities/{entity}/index.html"));
        let offered = attrs(&html, "select[name=entity] option", "value");
        assert!(
            !offered.contains(&entity.to_string()),
            "{entity}: {offered:?}"
        );
        let links = attrs(&html, "[data-filter-links] a", "href");
        assert!(
            !links.contains(&format!("/tracker/entities/{entity}/")),
            "{entity}: {links:?}"
        );
    }
    // The other entities of Acme Model 2's claims stay offered.
    let html = page(dir.path(), "entities/acme-model-2/index.html");
    let offered = attrs(&html, "select[name=entity] option", "value");
    assert_eq!(offered, ["", "acme", "globex"]);
}
