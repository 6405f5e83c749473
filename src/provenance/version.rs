//! One version of one content file as the history reads it: parsed, or
//! marked unreadable with the reason, and what the comparisons ask of it
//! (its aliases, its title, a document's publisher).

use super::evidence::DocumentInfo;
use super::unreadable::{Unreadable, does_not_parse, fingerprint};
use crate::doc::Doc;
use crate::load::{Kind, RawFile};
use crate::parse::parse_file;

/// One version of one content file, parsed.
#[derive(Debug, Clone)]
pub struct FileVersion {
    /// Which folder it is in.
    pub kind: Kind,
    /// Its path, `content/…`.
    pub path: String,
    /// Its id (the file name without `.md`).
    pub id: String,
    /// A fingerprint of its whole text: equal texts, equal fingerprints.
    pub fingerprint: u64,
    /// What it reads as; `None` when its frontmatter cannot be read.
    pub doc: Option<Doc>,
    /// Why it cannot be compared with another version, if it cannot: see
    /// [`Unreadable`].
    pub unreadable: Option<Unreadable>,
}

impl FileVersion {
    /// Parses `file` (its problems are `check`'s business, not the history's).
    pub fn parse(file: &RawFile, statuses: &[&str]) -> FileVersion {
        let (doc, problems) = parse_file(file, statuses);
        let unreadable =
            does_not_parse(file, doc.as_ref(), &problems).then_some(Unreadable::DoesNotParse);
        FileVersion {
            kind: file.kind,
            path: file.path.clone(),
            id: file.id.clone(),
            fingerprint: fingerprint(file.text.as_bytes()),
            doc,
            unreadable,
        }
    }

    /// A version that cannot be read at all, for `reason`; `fingerprint`
    /// tells its bytes apart from other versions'.
    pub fn unreadable(
        (kind, path, id): (Kind, String, String),
        reason: Unreadable,
        fingerprint: u64,
    ) -> FileVersion {
        FileVersion {
            kind,
            path,
            id,
            fingerprint,
            doc: None,
            unreadable: Some(reason),
        }
    }

    /// Its id and what the site shows of it, if it is a readable document.
    pub(super) fn document_info(&self) -> Option<(String, DocumentInfo)> {
        match (&self.doc, self.unreadable) {
            (Some(Doc::Document(document)), None) => {
                Some((self.id.clone(), DocumentInfo::of(document)))
            }
            _ => None,
        }
    }

    /// The ids this version names in `aliases` (claims only).
    pub(super) fn aliases(&self) -> Vec<&str> {
        match &self.doc {
            Some(Doc::Claim(claim)) => claim.aliases.iter().map(|a| a.value.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    /// What the site names it by: its title or name, when the version is
    /// readable and the title is neither missing nor blank.
    pub(super) fn shown_title(&self) -> Option<&str> {
        let title = self.title().filter(|t| !t.trim().is_empty());
        title.filter(|_| self.unreadable.is_none())
    }

    /// Its title or name, for matching a rename that kept it.
    pub(super) fn title(&self) -> Option<&str> {
        match self.doc.as_ref()? {
            Doc::Claim(claim) => claim.title.as_deref(),
            Doc::Source(source) => source.name.as_deref(),
            Doc::Entity(entity) => entity.name.as_deref(),
            Doc::Document(document) => document.title.as_deref(),
            Doc::Page(page) => page.title.as_deref(),
        }
    }
}
