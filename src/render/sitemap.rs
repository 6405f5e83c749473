//! `/sitemap.xml`: every HTML page, each with `lastmod` from the content dates.
//!
//! The sitemap protocol allows at most [`MAX_URLS`] URLs in one file. A bigger
//! site gets `/sitemap-1.xml`, `/sitemap-2.xml`, ... and `/sitemap.xml` becomes
//! the sitemap index listing them, so `robots.txt` and submitted sitemap URLs
//! stay the same. The files sit at the root because a sitemap may only list
//! URLs under its own folder.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use tera::Context;
use time::Date;

use super::pages::Job;
use super::provenance_view::claim_last_changed;
use super::theme;
use super::viewer::Viewer;
use crate::ids::tag_slug;
use crate::model::Site;

/// URLs per sitemap file, the protocol's limit. Its other limit, 50 MB, is out
/// of reach: ids are at most 120 characters, so 50,000 `<url>` lines stay
/// well under it.
pub(super) const MAX_URLS: usize = 50_000;

/// One `<url>` of a sitemap, or one `<sitemap>` of the index.
#[derive(Debug, Serialize)]
struct SitemapEntry {
    /// Absolute URL.
    loc: String,
    /// `2026-04-23`: the newest content date shown on the page (or on the
    /// pages of a sitemap), if it shows any.
    lastmod: Option<String>,
}

/// The sitemap's pages, sorted, shared by every sitemap file.
struct Listing {
    /// Site-relative paths of the pages, in `loc` order.
    pages: Vec<String>,
    /// Pages per sitemap file (at least 1).
    per_file: usize,
    /// The content dates of each page, made by the first file to render.
    dates: OnceLock<BTreeMap<String, Date>>,
}

impl Listing {
    /// The pages of each sitemap file, in order.
    fn parts(&self) -> std::slice::Chunks<'_, String> {
        self.pages.chunks(self.per_file)
    }

    fn dates(&self, site: &Site) -> &BTreeMap<String, Date> {
        self.dates.get_or_init(|| page_dates(site))
    }
}

/// The sitemap jobs for the pages of `jobs`: `sitemap.xml` alone, or the index
/// and its parts. Their lists are made only when they render (`serve` builds
/// a renderer after every save and rarely shows the sitemap).
pub(super) fn jobs<'v>(viewer: &'v Viewer, jobs: &[Job<'v>]) -> Vec<Job<'v>> {
    split(viewer, jobs, MAX_URLS)
}

fn split<'v>(viewer: &'v Viewer, jobs: &[Job<'v>], per_file: usize) -> Vec<Job<'v>> {
    let mut pages: Vec<String> = jobs
        .iter()
        .filter(|job| job.in_sitemap)
        .map(|job| job.url_path().to_string())
        .collect();
    pages.sort();
    let listing = Arc::new(Listing {
        per_file: per_file.max(1),
        pages,
        dates: OnceLock::new(),
    });
    let files = listing.parts().len();
    if files <= 1 {
        return vec![urlset_job("sitemap.xml", viewer, listing, 0)];
    }
    let mut sitemap_jobs: Vec<Job<'v>> = (0..files)
        .map(|i| urlset_job(&part_path(i), viewer, Arc::clone(&listing), i))
        .collect();
    sitemap_jobs.push(index_job(viewer, listing));
    sitemap_jobs
}

/// Where part `i` (from 0) of a split sitemap is written.
fn part_path(i: usize) -> String {
    format!("sitemap-{}.xml", i + 1)
}

/// The `<urlset>` file at `path` listing the pages of part `part`.
fn urlset_job<'v>(path: &str, viewer: &'v Viewer, listing: Arc<Listing>, part: usize) -> Job<'v> {
    Job::file(path, theme::SITEMAP, move || {
        let dates = listing.dates(viewer.site);
        let pages: Vec<SitemapEntry> = listing
            .parts()
            .nth(part)
            .unwrap_or_default()
            .iter()
            .map(|path| SitemapEntry {
                loc: viewer.urls.absolute(path),
                lastmod: dates.get(path).map(Date::to_string),
            })
            .collect();
        let urls: Vec<&str> = pages.iter().map(|page| page.loc.as_str()).collect();
        let mut context = Context::new();
        context.insert("urls", &urls);
        context.insert("pages", &pages);
        context
    })
}

/// The `<sitemapindex>` at `/sitemap.xml` listing the parts, each with the
/// newest date of its pages.
fn index_job<'v>(viewer: &'v Viewer, listing: Arc<Listing>) -> Job<'v> {
    Job::file("sitemap.xml", theme::SITEMAP_INDEX, move || {
        let dates = listing.dates(viewer.site);
        let sitemaps: Vec<SitemapEntry> = listing
            .parts()
            .enumerate()
            .map(|(i, pages)| SitemapEntry {
                loc: viewer.urls.absolute(&part_path(i)),
                lastmod: pages
                    .iter()
                    .filter_map(|path| dates.get(path))
                    .max()
                    .map(Date::to_string),
            })
            .collect();
        let mut context = Context::new();
        context.insert("sitemaps", &sitemaps);
        context
    })
}

/// The newest change (git's, else the content's) of each page that lists claims, by site-relative path.
/// Free pages carry no date, so they get no `lastmod`.
fn page_dates(site: &Site) -> BTreeMap<String, Date> {
    let mut dates = BTreeMap::new();
    let mut bump = |path: String, date: Date| {
        let newest = dates.entry(path).or_insert(date);
        *newest = (*newest).max(date);
    };
    for claim in &site.claims {
        let date = claim_last_changed(site, claim);
        for list in ["", "timeline/", "entities/", "sources/", "tags/"] {
            bump(list.to_string(), date);
        }
        bump(format!("claims/{}/", claim.id), date);
        bump(format!("status/{}/", claim.status), date);
        bump(format!("sources/{}/", claim.claimant), date);
        for citation in &claim.citations {
            bump(format!("sources/{}/", citation.source), date);
        }
        let appearances = claim.appearances.iter().map(|a| &a.document);
        let citations = claim.citations.iter().map(|c| &c.document);
        for document in appearances.chain(citations).flatten() {
            bump("documents/".to_string(), date);
            bump(format!("documents/{document}/"), date);
        }
        for entity in &claim.entities {
            bump(format!("entities/{entity}/"), date);
        }
        for tag in &claim.tags {
            bump(format!("tags/{}/", tag_slug(tag)), date);
        }
    }
    for document in site.documents.values() {
        if let Some(date) = document.date {
            bump("documents/".to_string(), date);
            bump(format!("documents/{}/", document.id), date);
        }
    }
    dates
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use crate::index::Index;
    use crate::markdown::Markdown;
    use crate::render::page_list::html_jobs;
    use crate::render::templates;
    use crate::render::views::Urls;

    /// The sitemap files of the base fixture with at most `limit` URLs per
    /// file, rendered with the built-in templates, by path.
    fn rendered(limit: usize) -> BTreeMap<String, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        let site = crate::check(&root, false).unwrap().site.unwrap();
        // The base fixture has no templates/ folder: the built-in theme only.
        let tera = templates::load_what_compiles(&[]).0.unwrap();
        let urls = Urls::new(&site.config.base_url);
        let index = Index::new(&site);
        let markdown = Markdown::new(&site.config.html);
        let viewer = Viewer::new(&site, &urls, &index, &markdown);
        split(&viewer, &html_jobs(&viewer, &[]), limit)
            .iter()
            .map(|job| {
                let text = tera.render(job.template, &(job.context)()).unwrap();
                (job.path.clone(), text)
            })
            .collect()
    }

    /// `(loc, lastmod)` of each child element named `entry` of the root.
    fn entries(xml: &str, root: &str, entry: &str) -> Vec<(String, Option<String>)> {
        let document = roxmltree::Document::parse(xml).unwrap();
        assert_eq!(document.root_element().tag_name().name(), root);
        let text = |node: roxmltree::Node, name: &str| {
            node.children()
                .find(|child| child.tag_name().name() == name)
                .and_then(|child| child.text())
                .map(str::to_string)
        };
        document
            .root_element()
            .children()
            .filter(|node| node.tag_name().name() == entry)
            .map(|node| (text(node, "loc").unwrap(), text(node, "lastmod")))
            .collect()
    }

    #[test]
    fn a_site_within_the_limit_has_one_sitemap() {
        let files = rendered(MAX_URLS);
        assert_eq!(files.keys().collect::<Vec<_>>(), ["sitemap.xml"]);
        assert!(entries(&files["sitemap.xml"], "urlset", "url").len() > 4);
    }

    #[test]
    fn a_bigger_site_gets_a_sitemap_index_over_files_within_the_limit() {
        let whole = entries(&rendered(MAX_URLS)["sitemap.xml"], "urlset", "url");
        let files = rendered(4);
        let index = entries(&files["sitemap.xml"], "sitemapindex", "sitemap");
        assert_eq!(index.len(), whole.len().div_ceil(4));
        assert_eq!(files.len(), index.len() + 1, "the index and its parts only");
        let base = "https://example.org/tracker/";
        let mut listed = Vec::new();
        for (n, (loc, lastmod)) in index.iter().enumerate() {
            let name = format!("sitemap-{}.xml", n + 1);
            assert_eq!(
                *loc,
                format!("{base}{name}"),
                "at the root, beside the pages"
            );
            let part = entries(&files[&name], "urlset", "url");
            assert!(
                !part.is_empty() && part.len() <= 4,
                "{name}: {}",
                part.len()
            );
            let newest = part.iter().filter_map(|(_, date)| date.clone()).max();
            assert_eq!(*lastmod, newest, "{name}: the newest date of its pages");
            listed.extend(part);
        }
        assert_eq!(
            listed, whole,
            "every page once, in the same order, same dates"
        );
        let unique: BTreeSet<_> = listed.iter().map(|(loc, _)| loc).collect();
        assert_eq!(unique.len(), listed.len());
    }
}
