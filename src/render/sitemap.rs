//! `/sitemap.xml`: every HTML page, each with `lastmod` from the content dates.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::Context;
use time::Date;

use super::pages::Job;
use super::viewer::Viewer;
use crate::ids::tag_slug;
use crate::model::Site;

/// One `<url>` of the sitemap.
#[derive(Debug, Serialize)]
struct SitemapPage {
    /// Absolute URL.
    loc: String,
    /// `2026-04-23`: the newest content date shown on the page, if it shows any.
    lastmod: Option<String>,
}

/// The sitemap job, listing the pages of `jobs` that belong in it.
pub fn job<'v>(viewer: &Viewer, jobs: &[Job]) -> Job<'v> {
    let dates = page_dates(viewer.site);
    let mut pages: Vec<SitemapPage> = jobs
        .iter()
        .filter(|job| job.in_sitemap)
        .map(|job| SitemapPage {
            loc: viewer.urls.absolute(job.url_path()),
            lastmod: dates.get(job.url_path()).map(Date::to_string),
        })
        .collect();
    pages.sort_by(|a, b| a.loc.cmp(&b.loc));
    let urls: Vec<&str> = pages.iter().map(|page| page.loc.as_str()).collect();
    let mut context = Context::new();
    context.insert("urls", &urls);
    context.insert("pages", &pages);
    Job::file("sitemap.xml", "sitemap.xml", move || context.clone())
}

/// The newest content date of each page that lists claims, by site-relative path.
/// Free pages carry no date, so they get no `lastmod`.
fn page_dates(site: &Site) -> BTreeMap<String, Date> {
    let mut dates = BTreeMap::new();
    let mut bump = |path: String, date: Date| {
        let newest = dates.entry(path).or_insert(date);
        *newest = (*newest).max(date);
    };
    for claim in &site.claims {
        let date = claim.last_updated();
        for list in ["", "timeline/", "entities/", "sources/", "tags/"] {
            bump(list.to_string(), date);
        }
        bump(format!("claims/{}/", claim.id), date);
        bump(format!("status/{}/", claim.status), date);
        bump(format!("sources/{}/", claim.claimant), date);
        for citation in &claim.citations {
            bump(format!("sources/{}/", citation.source), date);
        }
        for entity in &claim.entities {
            bump(format!("entities/{entity}/"), date);
        }
        for tag in &claim.tags {
            bump(format!("tags/{}/", tag_slug(tag)), date);
        }
    }
    dates
}
