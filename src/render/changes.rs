//! The site's corrections log, from its git history: `/changes/` (every
//! verdict change, correction, rename and removal, newest first, paginated),
//! its Atom feed `/changes/feed.xml`, and `/changes.json` (every record's
//! full history). A site whose history was not read has none of them.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use super::OutputFile;
use super::feeds::xml_text;
use super::pages::{Job, context};
use super::paginate::paginate;
use super::theme;
use super::viewer::Viewer;
use super::views::RevisionView;
use crate::provenance::{History, Record};

/// The open data file of every record's history.
pub(super) const DATA_PATH: &str = "changes.json";

/// Where the log's pages start.
const DIR: &str = "changes/";

/// One commit's corrections to one record, as the log shows it.
#[derive(Debug, Clone, Serialize)]
struct LogEntry {
    /// `claim`, `source`, `entity`, `document` or `page`.
    kind: &'static str,
    /// The record's id.
    id: String,
    /// The record's title or name (when removed, the title of its last
    /// readable version, else its id).
    title: String,
    /// The record's page, unless it was removed.
    url: Option<String>,
    /// The commit and its changes in words (one, as the revision list takes a list).
    revisions: Vec<RevisionView>,
}

/// A log entry as the feed shows it: with an absolute address and the
/// changes in words as its title and summary.
#[derive(Debug, Serialize)]
struct FeedEntry {
    #[serde(flatten)]
    entry: LogEntry,
    /// The record's page as an absolute address (the log's, when removed).
    address: String,
    /// The first change in words, for the entry's title.
    headline: String,
    /// Every change in words, for the summary.
    summary: String,
}

/// A revision in the log: record index and revision index.
type Position = (usize, usize);

/// The log's positions, newest first: the revisions with a correction.
fn positions(history: &History) -> Vec<Position> {
    let mut positions: Vec<Position> = (history.records.iter().enumerate())
        .flat_map(|(r, record)| {
            (record.revisions.iter().enumerate())
                .filter(|(_, revision)| revision.changes.iter().any(|c| c.is_correction()))
                .map(move |(v, _)| (r, v))
        })
        .collect();
    let key = |&(r, v): &Position| {
        let record = &history.records[r];
        let time = record.revisions[v].time;
        (std::cmp::Reverse(time), record.kind, record.id.clone())
    };
    positions.sort_by_cached_key(key);
    positions
}

/// Titles of the records the log names, looked up once.
struct Titles<'a> {
    claims: HashMap<&'a str, &'a str>,
}

impl<'a> Titles<'a> {
    fn new(viewer: &Viewer<'a, '_>) -> Titles<'a> {
        let claims = viewer.site.claims.iter();
        Titles {
            claims: claims.map(|c| (c.id.as_str(), c.title.as_str())).collect(),
        }
    }

    /// The record's title and its page (`claims/<id>/`, relative to the
    /// site); when it is gone, no page and the title of its last readable
    /// version, else (none had one) its id.
    fn of(&self, viewer: &Viewer, record: &Record) -> (String, Option<String>) {
        let site = viewer.site;
        let id = record.id.as_str();
        let found = match record.kind {
            "claim" => self.claims.get(id).map(|t| (t.to_string(), "claims")),
            "source" => site.sources.get(id).map(|s| (s.name.clone(), "sources")),
            "entity" => site.entities.get(id).map(|e| (e.name.clone(), "entities")),
            "document" => site
                .documents
                .get(id)
                .map(|d| (d.title.clone(), "documents")),
            "page" => site.pages.get(id).map(|p| (p.title.clone(), "pages")),
            _ => None,
        };
        match found {
            Some((title, folder)) if !record.removed => (title, Some(format!("{folder}/{id}/"))),
            _ => (record.title.as_deref().unwrap_or(id).to_string(), None),
        }
    }
}

/// `/changes/` and its feed, when the history was read.
pub(super) fn jobs<'v>(viewer: &'v Viewer) -> Vec<Job<'v>> {
    let Some(history) = viewer.site.provenance.as_deref() else {
        return Vec::new();
    };
    let positions: Arc<[Position]> = positions(history).into();
    let titles = Arc::new(Titles::new(viewer));
    let entry = {
        let titles = Arc::clone(&titles);
        move |&(r, v): &Position| {
            let record = &history.records[r];
            let (title, page) = titles.of(viewer, record);
            let entry = LogEntry {
                kind: record.kind,
                id: record.id.clone(),
                title,
                url: page.as_deref().map(|page| viewer.urls.path(page)),
                revisions: vec![viewer.revision(&record.revisions[v])],
            };
            (entry, page)
        }
    };
    let entry = Arc::new(entry);
    let page_entry = Arc::clone(&entry);
    let mut jobs = paginate(
        viewer.urls,
        DIR,
        theme::CHANGES,
        Arc::clone(&positions),
        viewer.site.config.page_size,
        move |path, slice, _| {
            let mut page = context(path, viewer.t().text("changes"));
            let entries: Vec<LogEntry> = slice.iter().map(|p| page_entry(p).0).collect();
            page.insert("entries", &entries);
            page
        },
    );
    jobs.push(Job::file(
        &format!("{DIR}feed.xml"),
        theme::CHANGES_FEED,
        move || {
            let newest = positions.iter().take(viewer.site.config.feed_entries);
            let entries: Vec<FeedEntry> = newest
                .map(|p| {
                    let (entry, page) = entry(p);
                    feed_entry(viewer, entry, page.as_deref())
                })
                .collect();
            let mut feed = Context::new();
            let updated = history.newest.map(|stamp| stamp.rfc3339());
            feed.insert(
                "updated",
                &updated.unwrap_or_else(|| "1970-01-01T00:00:00Z".into()),
            );
            feed.insert("page_url", &viewer.urls.absolute(DIR));
            feed.insert("feed_url", &viewer.urls.absolute(&format!("{DIR}feed.xml")));
            feed.insert("entries", &entries);
            feed
        },
    ));
    jobs
}

/// The feed's entry for `entry`, whose record's page is `page` (none when
/// removed), with the characters XML forbids removed.
fn feed_entry(viewer: &Viewer, mut entry: LogEntry, page: Option<&str>) -> FeedEntry {
    entry.title = xml_text(&entry.title);
    for revision in &mut entry.revisions {
        revision.subject = xml_text(&revision.subject);
        revision.lines = revision.lines.iter().map(|l| xml_text(l)).collect();
    }
    let lines = entry.revisions.first().map_or(&[][..], |r| &r.lines[..]);
    FeedEntry {
        address: viewer.urls.absolute(page.unwrap_or(DIR)),
        headline: lines.first().cloned().unwrap_or_default(),
        summary: lines.join(" "),
        entry,
    }
}

/// One record's history in `/changes.json`, with its page's address.
#[derive(Serialize)]
pub(super) struct RecordData<'a> {
    #[serde(flatten)]
    record: &'a Record,
    url: Option<String>,
}

/// `/changes.json`: every record ever committed with its entry, last change
/// and every change, in the order they were entered.
pub(super) fn data_file(viewer: &Viewer) -> OutputFile {
    let titles = Titles::new(viewer);
    let records: Vec<RecordData> = viewer
        .site
        .provenance
        .as_deref()
        .map(|history| {
            (history.records.iter())
                .map(|record| RecordData {
                    record,
                    url: (titles.of(viewer, record).1).map(|page| viewer.urls.absolute(&page)),
                })
                .collect()
        })
        .unwrap_or_default();
    OutputFile {
        path: DATA_PATH.into(),
        bytes: super::data_envelope::document(viewer, "changes", "records", &records),
    }
}

/// The history of the current record of `kind` with `id`, whose page is in
/// `folder` (`claims`, `sources`, …), if git has one.
pub(super) fn record_data<'a>(
    viewer: &Viewer<'a, '_>,
    kind: crate::load::Kind,
    folder: &str,
    id: &str,
) -> Option<RecordData<'a>> {
    let record = viewer.site.provenance.as_deref()?.record(kind, id)?;
    Some(RecordData {
        record,
        url: Some(viewer.urls.absolute(&format!("{folder}/{id}/"))),
    })
}

/// Whether the site publishes the log (its git history was read).
pub(super) fn published(viewer: &Viewer) -> bool {
    viewer.site.provenance.is_some()
}
