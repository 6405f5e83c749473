//! `/documents/` and each document's page: the claims it makes, with their
//! verdicts and its scorecard, and the claims that cite it as evidence.

use std::cmp::Reverse;

use super::pages::{Job, context};
use super::theme;
use super::viewer::Viewer;
use crate::model::Document;

/// `/documents/`, newest first, and one page per document.
pub(super) fn documents<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let mut jobs = vec![Job::html("documents/", theme::DOCUMENTS, move || {
        let rows: Vec<_> = newest_first(viewer.site.documents.values())
            .into_iter()
            .map(|d| viewer.document(d))
            .collect();
        let mut list = context("documents/", viewer.t().text("nav_documents"));
        list.insert("documents", &rows);
        list
    })];
    jobs.extend(viewer.site.documents.values().map(|document| {
        let dir = format!("documents/{}/", document.id);
        Job::html(&dir.clone(), theme::DOCUMENT, move || {
            let made = viewer.index.documents.made_in(&document.id);
            let mut page = context(&dir, &document.title);
            page.insert("document", &viewer.document(document));
            if let Some(json_path) = super::api::json_path(viewer, &dir) {
                page.insert("json_path", &json_path);
            }
            page.insert("claims", &viewer.cards(made));
            page.insert("cited", &viewer.claims_citing(&document.id));
            page.insert(
                "feed_path",
                &super::document_feeds::feed_path(viewer, &document.id),
            );
            page
        })
    }));
    jobs
}

/// `documents` newest first, undated ones last, then by id.
fn newest_first<'a>(documents: impl Iterator<Item = &'a Document>) -> Vec<&'a Document> {
    let mut sorted: Vec<&Document> = documents.collect();
    sorted.sort_by_key(|d| (d.date.is_none(), Reverse(d.date), d.id.as_str()));
    sorted
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::parse::DocumentKind;

    fn document(id: &str, date: Option<time::Date>) -> Document {
        Document {
            id: id.into(),
            file: format!("content/documents/{id}.md"),
            title: id.into(),
            source: "s".into(),
            date,
            url: None,
            archive: None,
            archived: None,
            kind: DocumentKind::Other,
            body: String::new(),
        }
    }

    #[test]
    fn documents_are_listed_newest_first_then_undated_then_by_id() {
        let documents = [
            document("undated-b", None),
            document("old", Some(date!(2025 - 01 - 01))),
            document("undated-a", None),
            document("new-b", Some(date!(2026 - 04 - 23))),
            document("new-a", Some(date!(2026 - 04 - 23))),
        ];
        let ids: Vec<&str> = newest_first(documents.iter())
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids, ["new-a", "new-b", "old", "undated-a", "undated-b"]);
    }
}
