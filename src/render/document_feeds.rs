//! `/documents/<id>/feed.xml`: one Atom feed per document, so readers can
//! follow the verdicts on the claims an article or paper makes.

use super::feeds::{FeedHead, claims_feed};
use super::pages::Job;
use super::viewer::Viewer;

/// One feed per document, of the claims it makes.
pub(super) fn jobs<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let documents = viewer.site.documents.values();
    documents
        .map(|document| {
            let page = format!("documents/{}/", document.id);
            let subtitle = viewer
                .t()
                .fill("feed_document_subtitle", &[("title", &document.title)]);
            let head = FeedHead::of_page(viewer, &page, &document.title, &subtitle);
            let made = viewer.index.documents.made_in(&document.id);
            claims_feed(viewer, &format!("{page}feed.xml"), head, made)
        })
        .collect()
}

/// The site path of a document's feed, for `<link rel="alternate">` on its page.
pub(super) fn feed_path(viewer: &Viewer, document_id: &str) -> String {
    viewer
        .urls
        .path(&format!("documents/{document_id}/feed.xml"))
}
