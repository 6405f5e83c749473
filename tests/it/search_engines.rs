//! What search engines and fact-check tools read: the sitemap (parsed with
//! quick-xml), robots.txt, ClaimReview JSON-LD (parsed as JSON, field by
//! field), Open Graph and Twitter card meta, 404.html and alias redirects.

use crate::common::{self, data};

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{Xml, build_site, read, tree};
use scraper::{Html, Selector};
use serde_json::Value;

fn html(root: &Path, relative: &str) -> Html {
    Html::parse_document(&read(root, relative))
}

fn attr(page: &Html, css: &str, attribute: &str) -> Option<String> {
    let selector = Selector::parse(css).unwrap();
    page.select(&selector)
        .next()
        .and_then(|e| e.value().attr(attribute).map(str::to_string))
}

/// The claim in `/claims.json` with this id.
fn claim_data(root: &Path, id: &str) -> Value {
    data(root, "claims.json")["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
        .clone()
}

/// The one ClaimReview on a claim page, parsed.
fn claim_review(root: &Path, id: &str) -> Value {
    let page = html(root, &format!("public/claims/{id}/index.html"));
    let selector = Selector::parse("script[type='application/ld+json']").unwrap();
    let scripts: Vec<String> = page.select(&selector).map(|s| s.inner_html()).collect();
    assert_eq!(scripts.len(), 1, "{id}: one JSON-LD block");
    assert!(!scripts[0].contains('<'), "{id}: script-safe");
    serde_json::from_str(&scripts[0]).unwrap()
}

#[test]
fn the_sitemap_lists_every_page_once_with_lastmod_from_content_dates() {
    let dir = build_site(&["publishing"], Some("https://user.github.io/repo"));
    let root = dir.path();
    let sitemap = Xml::parse(&read(root, "public/sitemap.xml"));
    assert_eq!(sitemap.name, "urlset");
    assert_eq!(
        sitemap.attr("xmlns"),
        "http://www.sitemaps.org/schemas/sitemap/0.9"
    );
    let locs: Vec<String> = sitemap
        .all("url")
        .map(|u| u.one("loc").text.clone())
        .collect();
    let expected: BTreeSet<String> = tree(&root.join("public"))
        .into_iter()
        .filter_map(|(path, _)| path.strip_suffix("index.html").map(str::to_string))
        .filter(|path| {
            ![
                "claims/old-formula/",
                "claims/merged-formula/",
                "claims/acme-2-cost/",
                "statuses/", // a redirect to status/
                "search/",   // no content of its own, and `noindex`
            ]
            .contains(&path.as_str())
        })
        .map(|path| format!("https://user.github.io/repo/{path}"))
        .collect();
    assert_eq!(locs.len(), expected.len(), "no page twice");
    assert_eq!(
        locs.iter().cloned().collect::<BTreeSet<_>>(),
        expected,
        "every page but redirects and the search page"
    );
    let lastmod = |loc: &str| {
        sitemap
            .all("url")
            .find(|u| u.one("loc").text == loc)
            .map(|u| u.all("lastmod").next().map(|l| l.text.clone()))
            .unwrap()
    };
    for claim in data(root, "claims.json")["claims"].as_array().unwrap() {
        let loc = claim["url"].as_str().unwrap();
        assert_eq!(
            lastmod(loc).as_deref(),
            claim["last_updated"].as_str(),
            "{loc}"
        );
    }
    assert_eq!(
        lastmod("https://user.github.io/repo/").as_deref(),
        Some("2026-07-05")
    );
    assert_eq!(
        lastmod("https://user.github.io/repo/entities/globex/").as_deref(),
        Some("2026-05-15")
    );
    assert_eq!(
        lastmod("https://user.github.io/repo/pages/about/"),
        None,
        "no content date"
    );
}

#[test]
fn robots_txt_points_at_the_sitemap() {
    let dir = build_site(&[], Some("https://user.github.io/repo/"));
    let robots = read(dir.path(), "public/robots.txt");
    assert!(
        robots
            .lines()
            .any(|line| line == "Sitemap: https://user.github.io/repo/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn claim_review_meets_the_fact_check_markup_field_by_field() {
    let dir = build_site(&["publishing"], None);
    let root = dir.path();
    let review = claim_review(root, "acme-model-2-cost");
    let page = html(root, "public/claims/acme-model-2-cost/index.html");
    assert_eq!(review["@context"], "https://schema.org");
    assert_eq!(review["@type"], "ClaimReview");
    assert_eq!(
        review["url"],
        "https://claims.example.org/claims/acme-model-2-cost/"
    );
    assert_eq!(
        review["url"].as_str(),
        attr(&page, "link[rel=canonical]", "href").as_deref(),
        "the review's url is the page"
    );
    assert_eq!(
        review["claimReviewed"],
        "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"
    );
    assert_eq!(review["datePublished"], "2026-04-23", "first verdict");
    assert_eq!(review["dateModified"], "2026-06-02");
    assert_eq!(
        review["author"],
        serde_json::json!({ "@type": "Organization", "name": "Fixture Fact Desk", "url": "https://example.org/desk/" }),
        "the publisher from site.toml"
    );
    let rating = &review["reviewRating"];
    assert_eq!(rating["@type"], "Rating");
    assert_eq!(rating["alternateName"], "Disputed", "the status label");
    assert_eq!(rating["ratingValue"], 2, "site.toml sets disputed to 2");
    assert_eq!(rating["worstRating"], 1);
    assert_eq!(rating["bestRating"], 5);
    let item = &review["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert_eq!(item["author"]["@type"], "Organization");
    assert_eq!(item["author"]["name"], "Acme Blog");
    assert_eq!(item["datePublished"], "2026-04-23");
    let launch = serde_json::json!({
        "@type": "CreativeWork",
        "author": {
            "@type": "Organization",
            "name": "Acme Blog",
            "url": "https://claims.example.org/sources/acme-blog/"
        },
        "datePublished": "2026-04-23",
        "headline": "Introducing Acme Model 2",
        "text": "Acme Model 2 is 35% cheaper per token than its predecessor.",
        "url": "https://example.org/acme-model-2-launch"
    });
    assert_eq!(item["firstAppearance"], launch);
    assert_eq!(
        item["appearance"],
        serde_json::json!([launch]),
        "where the claim was made: the press analysis is evidence, not an appearance"
    );
}

#[test]
fn ratings_follow_the_statuses_and_unverified_claims_get_no_number() {
    let dir = build_site(&[], None);
    let root = dir.path();
    let rating = |id: &str| claim_review(root, id)["reviewRating"].clone();
    assert_eq!(rating("acme-model-1-launch")["ratingValue"], 5, "supported");
    assert_eq!(rating("globex-beats-acme")["ratingValue"], 1, "refuted");
    assert_eq!(rating("acme-model-2-cost")["ratingValue"], 3, "disputed");

    let dir = build_site(&[], None);
    let claim = dir.path().join("content/claims/acme-model-2-cost.md");
    let text = fs::read_to_string(&claim).unwrap();
    let unverified = text
        .replace("status = \"disputed\"\n", "status = \"unverified\"\n")
        .replace(
            "date = 2026-06-02\nstatus = \"disputed\"",
            "date = 2026-06-02\nstatus = \"unverified\"",
        );
    fs::write(&claim, unverified).unwrap();
    claimtrail::build(&common::options(dir.path())).unwrap();
    let review = claim_review(dir.path(), "acme-model-2-cost");
    assert_eq!(
        review["reviewRating"],
        serde_json::json!({
            "@type": "Rating",
            "alternateName": "Unverified",
            "ratingExplanation": "Made, not yet confirmed or contradicted by independent evidence.",
        }),
        "a label and no number: no verdict is pretended"
    );
}

#[test]
fn claim_review_escapes_markup_and_names_people_as_people() {
    let dir = build_site(&["publishing"], None);
    let review = claim_review(dir.path(), "formula-claim");
    let claim = claim_data(dir.path(), "formula-claim");
    assert_eq!(
        review["claimReviewed"], claim["title"],
        "reads back exactly"
    );
    assert_eq!(review["itemReviewed"]["author"]["@type"], "Person");
    assert_eq!(review["itemReviewed"]["author"]["name"], "Jane Doe");
    assert_eq!(review["reviewRating"]["alternateName"], "Misleading");
    assert_eq!(review["reviewRating"]["ratingValue"], 2);
}

#[test]
fn every_page_has_open_graph_and_twitter_card_meta() {
    let dir = build_site(&[], None);
    let output = dir.path().join("public");
    let mut checked = 0;
    for (path, _) in tree(&output) {
        if !path.ends_with(".html")
            || path.starts_with("claims/acme-2-cost/")
            || path.starts_with("statuses/")
        {
            continue;
        }
        let page = html(&output, &path);
        for property in [
            "og:title",
            "og:description",
            "og:url",
            "og:type",
            "og:site_name",
        ] {
            let value = attr(&page, &format!("meta[property='{property}']"), "content");
            assert!(value.is_some_and(|v| !v.is_empty()), "{path}: {property}");
        }
        assert_eq!(
            attr(&page, "meta[name='twitter:card']", "content").as_deref(),
            Some("summary"),
            "{path}"
        );
        assert!(
            attr(&page, "meta[name='twitter:title']", "content").is_none(),
            "{path}: X reads og:title, so twitter:title is not repeated"
        );
        let description = attr(&page, "meta[name='description']", "content").unwrap_or_default();
        assert!(
            !description.is_empty() && description.chars().count() <= 160,
            "{path}: {description}"
        );
        checked += 1;
    }
    assert!(checked > 20, "{checked}");
    let claim = html(&output, "claims/acme-model-2-cost/index.html");
    assert_eq!(
        attr(&claim, "meta[property='og:type']", "content").as_deref(),
        Some("article")
    );
    assert_eq!(
        attr(&claim, "meta[property='og:description']", "content").as_deref(),
        Some("Acme says its new model is 35% cheaper per token.")
    );
}

#[test]
fn a_long_summary_is_cut_for_the_meta_description_and_kept_whole_on_the_page() {
    let dir = common::site(&[]);
    let file = dir.path().join("content/claims/acme-model-2-cost.md");
    let long = "Acme says its new model is 35% cheaper per token, ".repeat(5);
    let long = long.trim_end();
    let text = read(dir.path(), "content/claims/acme-model-2-cost.md")
        .replace("Acme says its new model is 35% cheaper per token.", long);
    std::fs::write(&file, text).unwrap();
    claimtrail::build(&common::options(dir.path())).unwrap();
    let claim = html(
        &dir.path().join("public"),
        "claims/acme-model-2-cost/index.html",
    );
    let description = attr(&claim, "meta[name='description']", "content").unwrap();
    assert!(description.chars().count() <= 160, "{description}");
    let kept = description.strip_suffix('…').unwrap();
    assert!(
        long.starts_with(kept) && long[kept.len()..].starts_with([' ', ',']),
        "cut between words: {description}"
    );
    assert_eq!(
        attr(&claim, "meta[property='og:description']", "content"),
        Some(description)
    );
    let lead = claim
        .select(&scraper::Selector::parse(".lead").unwrap())
        .next()
        .map(|lead| lead.text().collect::<String>());
    assert_eq!(
        lead.as_deref(),
        Some(long),
        "the page shows the whole summary"
    );
}

#[test]
fn a_404_page_sits_at_the_root_of_the_output() {
    let dir = build_site(&[], Some("https://user.github.io/repo/"));
    let page = html(&dir.path().join("public"), "404.html");
    assert_eq!(
        attr(&page, "a[href='/repo/']", "href").as_deref(),
        Some("/repo/"),
        "links back home under the sub-path, whatever address it is served at"
    );
}

#[test]
fn every_alias_redirects_to_its_claim_and_stays_out_of_the_sitemap() {
    let dir = build_site(
        &["publishing"],
        Some("https://user.github.io/some/sub/path/"),
    );
    let root = dir.path();
    let sitemap = read(root, "public/sitemap.xml");
    let mut redirects = 0;
    for claim in data(root, "claims.json")["claims"].as_array().unwrap() {
        for alias in claim["aliases"].as_array().unwrap() {
            let alias = alias.as_str().unwrap();
            let page = html(root, &format!("public/claims/{alias}/index.html"));
            let target = claim["url"].as_str().unwrap();
            let path = target.strip_prefix("https://user.github.io").unwrap();
            assert_eq!(
                attr(&page, "meta[http-equiv=refresh]", "content"),
                Some(format!("0; url={path}")),
                "{alias}"
            );
            assert_eq!(
                attr(&page, "link[rel=canonical]", "href").as_deref(),
                Some(target)
            );
            assert_eq!(
                attr(&page, "meta[name=robots]", "content").as_deref(),
                Some("noindex")
            );
            assert!(
                !sitemap.contains(&format!("/claims/{alias}/")),
                "{alias} in the sitemap"
            );
            redirects += 1;
        }
    }
    assert_eq!(redirects, 3, "a renamed claim and a merged one");
}
