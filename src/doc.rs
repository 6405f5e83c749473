//! Content files as written: every field a contributor gave, with its position,
//! before cross-file checks. Fields that could not be read are `None`, so the
//! later rules still run on the rest.

use time::Date;

use crate::fields::Located;
use crate::parse::vocabulary::{EntityKind, SourceKind, Stance};

/// A claim file as written, before cross-file checks.
#[derive(Debug, Clone)]
pub struct ClaimDoc {
    /// The file stem.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// The claim sentence.
    pub title: Option<String>,
    /// When the claim was first made.
    pub date: Option<Located<Date>>,
    /// Source id of who made it.
    pub claimant: Option<Located<String>>,
    /// Current status id.
    pub status: Option<Located<String>>,
    /// Entity ids.
    pub entities: Vec<Located<String>>,
    /// Free-form tags.
    pub tags: Vec<Located<String>>,
    /// One-sentence summary.
    pub summary: Option<String>,
    /// Skipped unless building with drafts.
    pub draft: bool,
    /// Former ids.
    pub aliases: Vec<Located<String>>,
    /// The measurable part of the claim.
    pub quantity: Option<QuantityDoc>,
    /// Evidence.
    pub citations: Vec<CitationDoc>,
    /// Verdict changes, oldest first.
    pub history: Vec<HistoryDoc>,
    /// The Markdown body.
    pub body: String,
    /// The plain text of the body's first paragraph, made once when the file
    /// is read (lists and cards show it when there is no `summary`).
    pub excerpt: String,
}

/// `[quantity]`
#[derive(Debug, Clone)]
pub struct QuantityDoc {
    /// What is measured.
    pub label: Option<String>,
    /// The claimed value.
    pub value: Option<f64>,
    /// Unit, e.g. `%`.
    pub unit: String,
}

/// One `[[citations]]` entry.
#[derive(Debug, Clone)]
pub struct CitationDoc {
    /// Where the entry is in the file.
    pub span: std::ops::Range<usize>,
    /// Source id.
    pub source: Option<Located<String>>,
    /// Link to the document.
    pub url: Option<String>,
    /// The document's title.
    pub title: Option<String>,
    /// When the document was published.
    pub date: Option<Date>,
    /// How the document stands on the claim.
    pub stance: Stance,
    /// Verbatim quote.
    pub quote: Option<String>,
    /// The value the document reports.
    pub value: Option<f64>,
    /// Archived copy.
    pub archive: Option<String>,
    /// Whether `url` or `archive` was written at all (even if invalid).
    pub link_given: bool,
}

/// One `[[history]]` entry.
#[derive(Debug, Clone)]
pub struct HistoryDoc {
    /// When the verdict changed.
    pub date: Option<Located<Date>>,
    /// The new status id.
    pub status: Option<Located<String>>,
    /// Why.
    pub note: Option<String>,
}

/// A source (publisher) file.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// The file stem.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// Display name.
    pub name: Option<String>,
    /// What kind of publisher it is.
    pub kind: SourceKind,
    /// Homepage.
    pub url: Option<String>,
    /// The entity this source speaks for.
    pub entity: Option<Located<String>>,
    /// Markdown description.
    pub body: String,
}

/// An entity file.
#[derive(Debug, Clone)]
pub struct EntityDoc {
    /// The file stem.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// Display name.
    pub name: Option<String>,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Parent entity id.
    pub parent: Option<Located<String>>,
    /// Homepage.
    pub url: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Markdown description.
    pub body: String,
}

/// A free page file.
#[derive(Debug, Clone)]
pub struct PageDoc {
    /// The file stem.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// Page title.
    pub title: Option<String>,
    /// Markdown body.
    pub body: String,
}

/// One parsed file of any kind.
#[derive(Debug, Clone)]
pub enum Doc {
    /// A claim.
    Claim(Box<ClaimDoc>),
    /// A source.
    Source(SourceDoc),
    /// An entity.
    Entity(EntityDoc),
    /// A page.
    Page(PageDoc),
}
