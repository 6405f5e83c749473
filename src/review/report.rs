//! What `claimtrail diff` reports: every semantic change between two
//! revisions, one [`Entry`] each, sorted into the categories a reviewer reads
//! them by, with their counts.

use serde::Serialize;

use crate::load::Kind;
use crate::provenance::compare::Change;
use crate::provenance::{FileChange, Unreadable};

/// The changes between two revisions of the tracker's content.
#[derive(Debug, Clone)]
pub struct Review {
    /// The base revision, as given on the command line.
    pub base: String,
    /// The head revision, as given; `None` for the files on disk (the working tree).
    pub head: Option<String>,
    /// Every change, by file kind (claims first), id, then the order
    /// [`compare_docs`](crate::provenance::compare::compare_docs) gives.
    pub entries: Vec<Entry>,
    /// The files added or changed that cannot be read at the head, so what
    /// they say there is unknown.
    pub unreadable: Vec<UnreadableFile>,
}

impl Review {
    /// The same review with every file named from the folder above the site
    /// (`folder/content/…`), for GitHub annotations; see
    /// [`annotation_folder`](crate::diagnostic::annotation_folder).
    pub fn under_folder(mut self, folder: &str) -> Review {
        for entry in &mut self.entries {
            entry.file = format!("{folder}/{}", entry.file);
        }
        for file in &mut self.unreadable {
            file.file = format!("{folder}/{}", file.file);
        }
        self
    }
}

/// A content file added or changed that cannot be read at the head.
#[derive(Debug, Clone, Serialize)]
pub struct UnreadableFile {
    /// What its folder holds: `claim`, `document`, `source`, `entity` or `page`.
    pub kind: &'static str,
    /// Its id in the head.
    pub id: String,
    /// Its path in the head.
    pub file: String,
    /// Whether the file is new (else it was changed, or moved).
    pub added: bool,
    /// Why: `does_not_parse`, `not_utf8`, `too_large` or `not_a_file`.
    pub reason: Unreadable,
}

impl UnreadableFile {
    /// What a reviewer is told: "added: the file is not UTF-8 text, …".
    pub(crate) fn explanation(&self) -> String {
        let how = if self.added { "added" } else { "changed" };
        format!("{how}: the file {}", self.reason.explanation())
    }
}

/// Takes the files that cannot be read at the head out of `changes`, as
/// [`UnreadableFile`]s; a rename of such a file stays in `changes`.
pub(crate) fn unreadable_files(changes: &mut Vec<FileChange>) -> Vec<UnreadableFile> {
    let mut found = Vec::new();
    for change in changes.iter_mut() {
        let Some(reason) = change.unreadable else {
            continue;
        };
        found.push(UnreadableFile {
            kind: (KINDS.iter())
                .find(|(_, noun, _)| *noun == change.kind)
                .map_or("file", |(_, noun, _)| noun),
            id: change.id.clone(),
            file: change.path.clone(),
            added: change.changes.contains(&Change::Added),
            reason,
        });
        change
            .changes
            .retain(|c| matches!(c, Change::Renamed { .. }));
    }
    changes.retain(|change| !change.changes.is_empty());
    found
}

/// One change to one content file, and where a reviewer finds it.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// What the file holds: `claim`, `document`, `source`, `entity` or `page`.
    pub kind: &'static str,
    /// Its id in the head (in the base, for a removal).
    pub id: String,
    /// Its path in the head (in the base, for a removal).
    pub file: String,
    /// The line of the head file the change is on (`None` for a removal).
    pub line: Option<usize>,
    /// A claim's, document's or page's title, or a source's or entity's name,
    /// in the head (in the base, for a removal).
    pub title: Option<String>,
    /// What changed.
    #[serde(flatten)]
    pub change: Change,
}

/// The headings a change is reported under, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Category {
    Added,
    Removed,
    Renamed,
    Verdict,
    EvidenceAdded,
    EvidenceRemoved,
    Quote,
    Value,
    Title,
    Edited,
}

impl Category {
    /// Every category, in report order.
    pub(crate) const ALL: [Category; 10] = [
        Category::Added,
        Category::Removed,
        Category::Renamed,
        Category::Verdict,
        Category::EvidenceAdded,
        Category::EvidenceRemoved,
        Category::Quote,
        Category::Value,
        Category::Title,
        Category::Edited,
    ];

    /// The category of `change`.
    pub(crate) fn of(change: &Change) -> Category {
        match change {
            Change::Added => Category::Added,
            Change::Removed => Category::Removed,
            Change::Renamed { .. } => Category::Renamed,
            Change::Verdict { .. } => Category::Verdict,
            Change::AppearanceAdded { .. } | Change::CitationAdded { .. } => {
                Category::EvidenceAdded
            }
            Change::AppearanceRemoved { .. } | Change::CitationRemoved { .. } => {
                Category::EvidenceRemoved
            }
            Change::QuoteEdited { .. } => Category::Quote,
            Change::ValueChanged { .. } => Category::Value,
            Change::Title { .. } => Category::Title,
            Change::Edited { .. } => Category::Edited,
        }
    }

    /// Whether the category is counted per kind of file ("2 claims added").
    fn per_kind(self) -> bool {
        matches!(
            self,
            Category::Added | Category::Removed | Category::Renamed
        )
    }

    /// The section heading of the Markdown report.
    pub(crate) fn heading(self) -> &'static str {
        match self {
            Category::Added => "Added",
            Category::Removed => "Removed",
            Category::Renamed => "Renamed",
            Category::Verdict => "Verdicts changed",
            Category::EvidenceAdded => "Evidence added",
            Category::EvidenceRemoved => "Evidence removed",
            Category::Quote => "Quotes edited",
            Category::Value => "Values changed",
            Category::Title => "Titles reworded",
            Category::Edited => "Other edits",
        }
    }

    /// The counted noun (one, many), what happened to it, and the JSON key
    /// (for the categories not counted per kind).
    fn counted(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Category::Added => ("", "", "added", ""),
            Category::Removed => ("", "", "removed", ""),
            Category::Renamed => ("", "", "renamed", ""),
            Category::Verdict => ("verdict", "verdicts", " changed", "verdicts_changed"),
            Category::EvidenceAdded => (
                "piece of evidence",
                "pieces of evidence",
                " added",
                "evidence_added",
            ),
            Category::EvidenceRemoved => (
                "piece of evidence",
                "pieces of evidence",
                " removed",
                "evidence_removed",
            ),
            Category::Quote => ("quote", "quotes", " edited", "quotes_edited"),
            Category::Value => ("value", "values", " changed", "values_changed"),
            Category::Title => ("title", "titles", " reworded", "titles_reworded"),
            Category::Edited => ("other edit", "other edits", "", "other_edits"),
        }
    }
}

/// The kinds of file in report order, with their JSON and headline names.
pub(crate) const KINDS: [(Kind, &str, &str); 5] = [
    (Kind::Claim, "claim", "claims"),
    (Kind::Document, "document", "documents"),
    (Kind::Source, "source", "sources"),
    (Kind::Entity, "entity", "entities"),
    (Kind::Page, "page", "pages"),
];

/// One count of the headline and of the JSON `counts`.
pub(crate) struct Count {
    /// The JSON key, e.g. `claims_added`, `verdicts_changed`.
    pub(crate) key: String,
    /// How many.
    pub(crate) n: usize,
    /// E.g. "1 claim added", "3 quotes edited".
    pub(crate) text: String,
}

impl Review {
    /// The entries under `category`, in report order.
    pub(crate) fn in_category(&self, category: Category) -> impl Iterator<Item = &Entry> {
        (self.entries.iter()).filter(move |entry| Category::of(&entry.change) == category)
    }

    /// Every count, zero or not, in report order: per kind of file for
    /// additions, removals and renames, then one for each other category.
    pub(crate) fn counts(&self) -> Vec<Count> {
        let n = self.unreadable.len();
        let mut counts = vec![Count {
            key: "files_unreadable".to_string(),
            n,
            text: format!(
                "{n} {} cannot be read",
                if n == 1 { "file" } else { "files" }
            ),
        }];
        for category in Category::ALL {
            let (one, many, done, key) = category.counted();
            if category.per_kind() {
                for (_, kind, kinds) in KINDS {
                    let n = self
                        .in_category(category)
                        .filter(|e| e.kind == kind)
                        .count();
                    let noun = if n == 1 { kind } else { kinds };
                    counts.push(Count {
                        key: format!("{kinds}_{done}"),
                        n,
                        text: format!("{n} {noun} {done}"),
                    });
                }
            } else {
                let n = self.in_category(category).count();
                let noun = if n == 1 { one } else { many };
                counts.push(Count {
                    key: key.to_string(),
                    n,
                    text: format!("{n} {noun}{done}"),
                });
            }
        }
        counts
    }
}
