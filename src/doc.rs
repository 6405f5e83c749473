//! Content files as written: every field a contributor gave, with its position,
//! before cross-file checks. Fields that could not be read are `None`, so the
//! later rules still run on the rest.

use time::Date;

use crate::amount::Amount;
use crate::fields::Located;
use crate::parse::vocabulary::{DocumentKind, EntityKind, SourceKind, Stance};

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
    /// The language of the claim's own text when it differs from the site's.
    pub language: Option<String>,
    /// Skipped unless building with drafts.
    pub draft: bool,
    /// Former ids, each located; every one becomes a redirect to this claim.
    pub aliases: Vec<Located<String>>,
    /// The measurable part of the claim.
    pub quantity: Option<QuantityDoc>,
    /// The `[[appearances]]` tables, in the file's order.
    pub appearances: Vec<AppearanceDoc>,
    /// The `[[citations]]` tables, in the file's order (old-format ones from
    /// the claimant included: the model moves those to its appearances).
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

/// Which document an appearance or citation is about: a `document` id, or
/// the document's details written inline. With a `document`, the inline
/// fields are refused (reported) and left `None`.
#[derive(Debug, Clone, Default)]
pub struct DocumentRef {
    /// Id of a file in `content/documents/`, located for the reference check.
    pub document: Option<Located<String>>,
    /// Id of the source that published the document, located for the reference check.
    pub source: Option<Located<String>>,
    /// Link to the document, located for the repeated-document suggestion.
    pub url: Option<Located<String>>,
    /// The document's title, located for the repeated-document suggestion.
    pub title: Option<Located<String>>,
    /// When the document was published.
    pub date: Option<Date>,
    /// Address of an archived copy (absolute http or https).
    pub archive: Option<String>,
    /// Whether `url` or `archive` was written at all (even if invalid).
    pub link_given: bool,
}

/// One `[[appearances]]` entry: where the claimant made the claim.
#[derive(Debug, Clone)]
pub struct AppearanceDoc {
    /// Where the entry is in the file.
    pub span: std::ops::Range<usize>,
    /// The document it appeared in.
    pub origin: DocumentRef,
    /// The claimant's words, copied verbatim, located for the quote checks.
    pub quote: Option<Located<String>>,
}

/// One `[[citations]]` entry.
#[derive(Debug, Clone)]
pub struct CitationDoc {
    /// Where the entry is in the file.
    pub span: std::ops::Range<usize>,
    /// The cited document.
    pub origin: DocumentRef,
    /// How the document stands on the claim.
    pub stance: Stance,
    /// A passage copied word for word from the document, located for the quote checks.
    pub quote: Option<Located<String>>,
    /// The value or range the document reports, as it states it.
    pub value: Option<Amount>,
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

/// A document file: one article, paper, model card, … that appearances
/// and citations can point at.
#[derive(Debug, Clone)]
pub struct DocumentDoc {
    /// The file name without `.md`: the id and URL slug.
    pub id: String,
    /// Path relative to the root.
    pub file: String,
    /// The document's own title; `None` when missing (reported).
    pub title: Option<String>,
    /// Id of the source that published it, located for the reference check;
    /// `None` when missing (reported).
    pub source: Option<Located<String>>,
    /// When it was published.
    pub date: Option<Date>,
    /// Link to it (absolute http or https), located for `check --links`.
    pub url: Option<Located<String>>,
    /// Address of an archived copy (absolute http or https).
    pub archive: Option<String>,
    /// What kind of document it is.
    pub kind: DocumentKind,
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
    /// A document.
    Document(DocumentDoc),
    /// A page.
    Page(PageDoc),
}
