//! `archive.lock`'s records on the model: each document, appearance and
//! citation gets what `claimtrail archive` recorded about its address, and
//! each quote its check when the lock has one for the quote as written.

use super::Site;
use crate::archive_records::{ArchiveRecords, Archived, CheckedQuote, QuoteLookup};

impl Site {
    /// The site with `lock`'s records attached where their addresses are cited.
    pub(crate) fn with_archive(mut self, lock: &ArchiveRecords) -> Site {
        if lock.is_empty() {
            return self;
        }
        for document in self.documents.values_mut() {
            document.archived = archived(lock, document.url.as_deref());
        }
        for claim in &mut self.claims {
            for appearance in &mut claim.appearances {
                let (url, quote) = (appearance.url.as_deref(), appearance.quote.as_deref());
                appearance.archived = archived(lock, url);
                appearance.quote_check = quote_check(lock, url, quote);
            }
            for citation in &mut claim.citations {
                let (url, quote) = (citation.url.as_deref(), citation.quote.as_deref());
                citation.archived = archived(lock, url);
                citation.quote_check = quote_check(lock, url, quote);
            }
        }
        self
    }
}

/// The record of `url`, if it has one.
fn archived(lock: &ArchiveRecords, url: Option<&str>) -> Option<Archived> {
    lock.archived(url?).cloned()
}

/// The check of `quote` citing `url`, if the lock has one for it as written.
fn quote_check(
    lock: &ArchiveRecords,
    url: Option<&str>,
    quote: Option<&str>,
) -> Option<CheckedQuote> {
    match lock.quote(url?, quote?) {
        QuoteLookup::Checked(check) => Some(check),
        QuoteLookup::Unchecked | QuoteLookup::Changed { .. } => None,
    }
}
