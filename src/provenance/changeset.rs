//! What changed between two sets of content files: files added, removed,
//! renamed (matched by the new file's `aliases`, by identical text, or by an
//! unchanged title) and edited, each with its semantic [`Change`]s.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::compare::{Change, compare_docs_in};
use super::evidence::{DocumentInfo, Publishers};
use super::renames::Removed;
use super::unreadable::Unreadable;
use super::version::FileVersion;
use crate::load::{Kind, RawFile};

/// The changes to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileChange {
    /// `claim`, `source`, `entity`, `document` or `page`.
    pub kind: String,
    /// The id after the change (before it, for a removed file).
    pub id: String,
    /// The path after the change (before it, for a removed file).
    pub path: String,
    /// The path before, when the file moved or was renamed.
    pub previous_path: Option<String>,
    /// What changed, in a fixed order: added/removed/renamed first.
    pub changes: Vec<Change>,
    /// Why the file cannot be read after the change, when it cannot: what
    /// it says then is unknown, so `changes` holds only its addition or
    /// rename.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<Unreadable>,
    /// The title or name of the version after the change (before it, for a
    /// removed file), when that version is readable and has a title that is
    /// not blank: what the history names the record by once it is removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl FileChange {
    /// A file moved to another path with the same id and nothing else
    /// changed (`git mv content/claims/a.md content/claims/2026/`).
    pub(super) fn is_silent_move(&self) -> bool {
        self.previous_path.is_some() && self.changes.is_empty() && self.unreadable.is_none()
    }

    /// The change with the title of `version`, the one it was made from.
    fn titled(mut self, version: &FileVersion) -> FileChange {
        self.title = version.shown_title().map(str::to_string);
        self
    }
}

/// Compares every content file of two revisions (as read by
/// [`Repo::content_at`](super::Repo::content_at)), parsing them in parallel;
/// `unreadable` holds each side's files that could not be read as text
/// ([`FileVersion::unreadable`]). Files whose text did not change are left out.
pub fn compare_content(
    before: &[RawFile],
    after: &[RawFile],
    unreadable: (Vec<FileVersion>, Vec<FileVersion>),
    statuses: &[&str],
) -> Vec<FileChange> {
    let parse = |files: &[RawFile], unreadable: Vec<FileVersion>| -> Vec<FileVersion> {
        let mut versions: Vec<FileVersion> = files
            .par_iter()
            .map(|file| FileVersion::parse(file, statuses))
            .collect();
        versions.extend(unreadable);
        versions
    };
    let (unreadable_before, unreadable_after) = unreadable;
    compare_versions(
        parse(before, unreadable_before),
        parse(after, unreadable_after),
    )
}

/// Compares two sets of file versions: the same path on both sides is an
/// edit; a path only before and one only after of the same kind are one
/// file moved or renamed when they share the id, the new file's aliases name
/// the old id, the text is identical, or the title is; the rest are
/// removed or added. Sorted by kind, then id. A citation's publisher is
/// found among the documents of its own side.
pub fn compare_versions(before: Vec<FileVersion>, after: Vec<FileVersion>) -> Vec<FileChange> {
    let mut changes = compare_versions_in(before, after, &HashMap::new());
    changes.retain(|change| !change.is_silent_move());
    changes
}

/// [`compare_versions`], with the documents that neither side holds in
/// `known` (by id), and with the files moved to another folder without any
/// other change ([`FileChange::is_silent_move`]): they change nothing a
/// reader sees, but the history must follow them to their new path.
pub(super) fn compare_versions_in(
    before: Vec<FileVersion>,
    after: Vec<FileVersion>,
    known: &HashMap<String, DocumentInfo>,
) -> Vec<FileChange> {
    let publishers = |versions: &[FileVersion]| -> HashMap<String, DocumentInfo> {
        (versions.iter())
            .filter_map(FileVersion::document_info)
            .collect()
    };
    let (old_docs, new_docs) = (publishers(&before), publishers(&after));
    let sides = Sides {
        old: Publishers::new(&old_docs, known),
        new: Publishers::new(&new_docs, known),
    };
    let mut removed: BTreeMap<String, FileVersion> =
        before.into_iter().map(|v| (v.path.clone(), v)).collect();
    let mut changes = Vec::new();
    let mut added = Vec::new();
    for new in after {
        match removed.remove(&new.path) {
            Some(old) if old.fingerprint == new.fingerprint => {}
            Some(old) => changes.push(edited(&old, &new, &sides).titled(&new)),
            None => added.push(new),
        }
    }
    let mut removed = Removed::new(removed.into_values().collect());
    for new in added {
        match removed.take_match(&new) {
            Some(old) => changes.push(moved(&old, &new, &sides).titled(&new)),
            None => changes.push(single(&new, Change::Added).titled(&new)),
        }
    }
    changes.extend(removed.rest().map(|old| {
        let change = FileChange {
            unreadable: None,
            ..single(&old, Change::Removed)
        };
        change.titled(&old)
    }));
    changes.retain(|change| {
        !change.changes.is_empty() || change.unreadable.is_some() || change.is_silent_move()
    });
    changes.sort_by(|a, b| (kind_order(&a.kind), &a.id).cmp(&(kind_order(&b.kind), &b.id)));
    changes
}

/// Where `kind` (a noun) comes in load order.
fn kind_order(noun: &str) -> usize {
    Kind::ALL
        .iter()
        .position(|kind| kind.noun() == noun)
        .unwrap_or(Kind::ALL.len())
}

/// Where each side's citations find their documents' publishers.
struct Sides<'a> {
    old: Publishers<'a>,
    new: Publishers<'a>,
}

/// A file edited in place.
fn edited(old: &FileVersion, new: &FileVersion, sides: &Sides) -> FileChange {
    let mut change = single(new, Change::Added);
    change.changes = semantic(old, new, sides);
    change
}

/// A file moved (same id) or renamed (new id), with what else changed.
fn moved(old: &FileVersion, new: &FileVersion, sides: &Sides) -> FileChange {
    let mut change = single(new, Change::Added);
    change.previous_path = Some(old.path.clone());
    change.changes.clear();
    if old.id != new.id {
        change.changes.push(Change::Renamed {
            from: old.id.clone(),
            to: new.id.clone(),
            alias_kept: new.aliases().contains(&old.id.as_str()),
        });
    }
    change.changes.extend(semantic(old, new, sides));
    change
}

/// The semantic changes between two readable versions. An unreadable new
/// version has none (its [`FileChange::unreadable`] says why); an unreadable
/// old one counts as an edit of the whole file.
fn semantic(old: &FileVersion, new: &FileVersion, sides: &Sides) -> Vec<Change> {
    match (&old.doc, &new.doc) {
        (_, _) if old.fingerprint == new.fingerprint => Vec::new(),
        (_, _) if new.unreadable.is_some() => Vec::new(),
        (Some(before), Some(after)) if old.unreadable.is_none() => {
            compare_docs_in((before, &sides.old), (after, &sides.new))
        }
        _ => vec![Change::Edited {
            fields: vec!["file".to_string()],
        }],
    }
}

/// A change of one file with one entry.
fn single(version: &FileVersion, change: Change) -> FileChange {
    FileChange {
        kind: version.kind.noun().to_string(),
        id: version.id.clone(),
        path: version.path.clone(),
        previous_path: None,
        changes: vec![change],
        unreadable: version.unreadable,
        title: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(kind: Kind, id: &str, text: &str) -> FileVersion {
        let file = RawFile {
            kind,
            path: format!("content/{}/{id}.md", kind.folder()),
            id: id.to_string(),
            text: text.to_string(),
        };
        FileVersion::parse(&file, &["unverified"])
    }

    const DOCUMENT: &str = "+++\ntitle = \"Launch post\"\nsource = \"lab-blog\"\ndate = 2026-05-01\nurl = \"https://example.org/launch\"\nkind = \"article\"\n+++\n";

    fn claim(evidence: &str) -> String {
        format!(
            "+++\ntitle = \"Lab says it is fast\"\ndate = 2026-05-01\nclaimant = \"lab-blog\"\nstatus = \"unverified\"\n\n{evidence}\ndocument = \"launch\"\nquote = \"It is fast.\"\n+++\n"
        )
    }

    #[test]
    fn a_citation_of_a_document_by_the_claimant_compares_as_an_appearance() {
        let as_citation = claim("[[citations]]\nstance = \"supports\"");
        let as_appearance = claim("[[appearances]]");
        let changes = |before: &str, after: &str, known: &HashMap<String, DocumentInfo>| {
            compare_versions_in(
                vec![version(Kind::Claim, "fast", before)],
                vec![version(Kind::Claim, "fast", after)],
                known,
            )
        };
        let info = DocumentInfo {
            source: Some("lab-blog".to_string()),
            url: None,
            title: None,
        };
        let known = HashMap::from([("launch".to_string(), info)]);
        assert_eq!(changes(&as_citation, &as_appearance, &known), []);
        // The document in the same comparison tells its publisher too.
        let both = |claim: &str| {
            vec![
                version(Kind::Document, "launch", DOCUMENT),
                version(Kind::Claim, "fast", claim),
            ]
        };
        assert_eq!(
            compare_versions(both(&as_citation), both(&as_appearance)),
            []
        );
        // Without knowing the publisher, the citation is evidence.
        let unknown = changes(&as_citation, &as_appearance, &HashMap::new());
        assert_eq!(unknown.len(), 1);
        assert!(
            matches!(unknown[0].changes[0], Change::AppearanceAdded { .. }),
            "{unknown:?}"
        );
    }

    #[test]
    fn an_inline_citation_by_the_claimant_moved_to_its_document_file_is_no_change() {
        // As in the example site: the claimant's statement written inline
        // (its source and title), then as an appearance of a document file.
        let inline = claim(
            "[[citations]]\nsource = \"lab-blog\"\ntitle = \"Launch post\"\nstance = \"supports\"",
        )
        .replace("document = \"launch\"\n", "");
        let as_appearance = claim("[[appearances]]");
        let both = |claim: &str| {
            vec![
                version(Kind::Document, "launch", DOCUMENT),
                version(Kind::Claim, "fast", claim),
            ]
        };
        assert_eq!(compare_versions(both(&inline), both(&as_appearance)), []);
        let quote_edited = as_appearance.replace("It is fast.", "It is quick.");
        let changes = compare_versions(both(&inline), both(&quote_edited));
        assert_eq!(
            changes[0].changes,
            [Change::QuoteEdited {
                evidence: "launch".to_string(),
                from: Some("It is fast.".to_string()),
                to: Some("It is quick.".to_string()),
            }]
        );
    }

    #[test]
    fn a_version_whose_frontmatter_does_not_parse_is_unreadable() {
        let good = claim("[[appearances]]");
        let bare = good.replace("status = \"unverified\"", "status = unverified");
        let missing = good.replace("status = \"unverified\"\n", "");
        assert_eq!(version(Kind::Claim, "fast", &good).unreadable, None);
        for text in [bare.as_str(), missing.as_str(), "no frontmatter"] {
            let read = version(Kind::Claim, "fast", text);
            assert_eq!(read.unreadable, Some(Unreadable::DoesNotParse), "{text}");
        }
        // An unknown status is an error `check` reports, but the file reads.
        let unknown = good.replace("\"unverified\"", "\"unheard-of\"");
        assert_eq!(version(Kind::Claim, "fast", &unknown).unreadable, None);
        let changes = compare_versions(
            vec![version(Kind::Claim, "fast", &good)],
            vec![version(Kind::Claim, "fast", &bare)],
        );
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].changes, []);
        assert_eq!(changes[0].unreadable, Some(Unreadable::DoesNotParse));
    }
}
