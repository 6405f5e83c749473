//! Content files as written: every field a contributor gave, with its position,
//! before cross-file checks. Fields that could not be read are `None`, so the
//! later rules still run on the rest.

use time::Date;

use crate::amount::Amount;
use crate::fields::Located;
use crate::parse::vocabulary::{EntityKind, SourceKind, Stance};

/// A claim file as written, before cross-file checks.
#[derive(Debug, Clone)]
pub struct ClaimDoc {
    /// The file name without `.md`: the id and URL slug.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// One neutral sentence stating what was claimed; `None` when missing (reported).
    pub title: Option<String>,
    /// When the claim was first made.
    pub date: Option<Located<Date>>,
    /// Source id of who made it.
    pub claimant: Option<Located<String>>,
    /// The current verdict's status id, located so that an unknown id can be pointed at.
    pub status: Option<Located<String>>,
    /// Ids of the entities the claim is about, each located for the reference check.
    pub entities: Vec<Located<String>>,
    /// Free-form tags.
    pub tags: Vec<Located<String>>,
    /// One-sentence summary.
    pub summary: Option<String>,
    /// Skipped unless building with drafts.
    pub draft: bool,
    /// Former ids, each located; every one becomes a redirect to this claim.
    pub aliases: Vec<Located<String>>,
    /// The measurable part of the claim.
    pub quantity: Option<QuantityDoc>,
    /// The `[[citations]]` tables, in the file's order.
    pub citations: Vec<CitationDoc>,
    /// Verdict changes, oldest first.
    pub history: Vec<HistoryDoc>,
    /// The Markdown after the frontmatter, unrendered.
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
    /// The claimed value or range, as stated; `None` when it could not be read (reported).
    pub amount: Option<Amount>,
    /// Unit, e.g. `%`.
    pub unit: String,
}

/// One `[[citations]]` entry.
#[derive(Debug, Clone)]
pub struct CitationDoc {
    /// Where the entry is in the file.
    pub span: std::ops::Range<usize>,
    /// Id of the source that published the document, located for the reference check.
    pub source: Option<Located<String>>,
    /// Link to the document.
    pub url: Option<String>,
    /// The document's title.
    pub title: Option<String>,
    /// When the document was published.
    pub date: Option<Date>,
    /// How the document stands on the claim.
    pub stance: Stance,
    /// A passage copied word for word from the document.
    pub quote: Option<String>,
    /// The value or range the document reports, as it states it.
    pub value: Option<Amount>,
    /// Address of an archived copy (absolute http or https).
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
    /// The reason for the change, as the file gives it.
    pub note: Option<String>,
}

/// A source (publisher) file.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// The file name without `.md`: the id and URL slug.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// The name pages show; `None` when missing (reported).
    pub name: Option<String>,
    /// What kind of publisher it is.
    pub kind: SourceKind,
    /// The homepage (absolute http or https).
    pub url: Option<String>,
    /// The entity this source speaks for.
    pub entity: Option<Located<String>>,
    /// The Markdown after the frontmatter, unrendered: the description on its page.
    pub body: String,
}

/// An entity file.
#[derive(Debug, Clone)]
pub struct EntityDoc {
    /// The file name without `.md`: the id and URL slug.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// The name pages show; `None` when missing (reported).
    pub name: Option<String>,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Id of the entity that makes or owns this one, located for the reference and loop checks.
    pub parent: Option<Located<String>>,
    /// The homepage (absolute http or https).
    pub url: Option<String>,
    /// Other names it goes by, shown on its page.
    pub aliases: Vec<String>,
    /// The Markdown after the frontmatter, unrendered: the description on its page.
    pub body: String,
}

/// A free page file.
#[derive(Debug, Clone)]
pub struct PageDoc {
    /// The file name without `.md`: the id and URL slug.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// The page's title; `None` when missing (reported).
    pub title: Option<String>,
    /// The Markdown after the frontmatter, unrendered.
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
