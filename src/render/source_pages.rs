//! `/sources/` and each source's pages: its track record, the claims it made
//! and the claims citing it as evidence, with the stances it takes.

use std::sync::{Arc, OnceLock};

use super::facets::ListFacets;
use super::lists::{claim_list_pages, claims_data};
use super::pages::{Job, context};
use super::paginate::paginate;
use super::theme;
use super::viewer::Viewer;

/// `/sources/` as one comparison table, and each source's track record.
pub(super) fn sources<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let mut jobs = vec![Job::html("sources/", theme::SOURCES, move || {
        let rows: Vec<_> = viewer
            .site
            .sources
            .values()
            .map(|s| viewer.source(s))
            .collect();
        let mut list = context("sources/", viewer.t().text("nav_sources"));
        list.insert("sources", &rows);
        list.insert(
            "agreement_threshold",
            &viewer.site.config.agreement_threshold,
        );
        list
    })];
    for source in viewer.site.sources.values() {
        jobs.extend(source_pages(viewer, source));
    }
    jobs
}

/// One source's page, and the full lists of the claims it made and cited.
fn source_pages<'v>(viewer: &'v Viewer, source: &'v crate::model::Source) -> Vec<Job<'v>> {
    let page_size = viewer.site.config.page_size;
    let originated = viewer
        .index
        .originated
        .get(source.id.as_str())
        .map_or(&[][..], Vec::as_slice);
    let dir = format!("sources/{}/", source.id);
    let page_dir = dir.clone();
    // The track record counts every citation of the source, so it is made once
    // and shared by the source's page and its cited pages (made per page, a
    // big source's pages would be quadratic in its citations).
    let view = Arc::new(OnceLock::new());
    let page_view = Arc::clone(&view);
    let mut jobs = vec![Job::html(&dir, theme::SOURCE, move || {
        let cited = viewer.cited_claims(&source.id);
        let mut page = context(&page_dir, &source.name);
        page.insert("source", page_view.get_or_init(|| viewer.source(source)));
        if let Some(json_path) = super::api::json_path(viewer, &page_dir) {
            page.insert("json_path", &json_path);
        }
        page.insert(
            "originated",
            &viewer.cards(&originated[..originated.len().min(page_size)]),
        );
        page.insert("cited", &cited[..cited.len().min(page_size)]);
        page.insert(
            "originated_all",
            &viewer.urls.path(&format!("{page_dir}claims/")),
        );
        page.insert("cited_all", &viewer.urls.path(&format!("{page_dir}cited/")));
        page
    })];
    jobs.extend(claim_list_pages(
        viewer,
        &format!("{dir}claims/"),
        theme::LIST,
        originated,
        viewer.t().fill("claims_made_by", &[("name", &source.name)]),
        |_| {},
    ));
    let title = viewer.t().fill("claims_citing", &[("name", &source.name)]);
    let cited = viewer
        .index
        .cited
        .get(source.id.as_str())
        .map_or(&[][..], Vec::as_slice);
    let facets = ListFacets::default();
    let cited_dir = format!("{dir}cited/");
    let cited: Arc<[usize]> = cited.into();
    let data = claims_data(viewer, &cited_dir, &cited, &mut jobs);
    jobs.extend(paginate(
        viewer.urls,
        &cited_dir,
        theme::CITED,
        cited,
        page_size,
        move |path, slice, all| {
            let mut page = context(path, &title);
            page.insert("cited", &viewer.cited_claims_of(&source.id, slice));
            page.insert("facets", &facets.of_claims(viewer, all));
            page.insert("filter_data", &data);
            page.insert("source", view.get_or_init(|| viewer.source(source)));
            page
        },
    ));
    jobs
}
