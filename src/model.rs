//! The model stage: validated, fully resolved content, ready to render.
//!
//! Built only from documents that passed validation, so every reference here
//! resolves and every required field is present.

use std::collections::BTreeMap;

use time::Date;

pub use crate::amount::Amount;
pub use crate::archive_records::{Archived, Capture, CheckedQuote, QuoteFinding};
use crate::config::Config;
use crate::ids::tag_slug;
use crate::parse::{
    ClaimDoc, DocumentKind, EntityDoc, EntityKind, PageDoc, SourceDoc, SourceKind, Stance,
};
use crate::validate::Docs;

mod archived;
mod entries;

use entries::{appearances_and_evidence, document_from_doc};

/// A claim, as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Id and URL slug.
    pub id: String,
    /// Source file, relative to the root.
    pub file: String,
    /// One neutral sentence stating what was claimed.
    pub title: String,
    /// When it was first made.
    pub date: Date,
    /// Source id of who made it.
    pub claimant: String,
    /// The current verdict: the id of one of `site.toml`'s statuses.
    pub status: String,
    /// Ids of the entities the claim is about, as the file lists them.
    pub entities: Vec<String>,
    /// Tags as first spelled on the site.
    pub tags: Vec<String>,
    /// Summary from frontmatter, if given.
    pub summary: Option<String>,
    /// The language of the claim's own text (`lang`), when not the site's.
    pub language: Option<String>,
    /// Whether the file says `draft = true`; such claims are only here with `--drafts`.
    pub draft: bool,
    /// Former ids, each redirecting here.
    pub aliases: Vec<String>,
    /// The measurable part, if any.
    pub quantity: Option<Quantity>,
    /// Where the claim was made: the claimant's own statements of it, in the
    /// file's order (`[[appearances]]`, and old-format `[[citations]]` from
    /// the claimant, which are moved here).
    pub appearances: Vec<Appearance>,
    /// The evidence: what other documents say about the claim, in the file's
    /// order. Never includes an appearance.
    pub citations: Vec<Citation>,
    /// Verdict changes, oldest first.
    pub history: Vec<HistoryEntry>,
    /// The Markdown after the frontmatter, unrendered.
    pub body: String,
    /// The plain text of the body's first paragraph.
    pub excerpt: String,
}

impl Claim {
    /// The newest date on the claim: made, a document published, or a verdict changed.
    pub fn last_updated(&self) -> Date {
        let appearance_dates = self.appearances.iter().filter_map(|a| a.date);
        let citation_dates = self.citations.iter().filter_map(|c| c.date);
        let history_dates = self.history.iter().map(|h| h.date);
        appearance_dates
            .chain(citation_dates)
            .chain(history_dates)
            .fold(self.date, Date::max)
    }
}

/// `[quantity]`
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// What is measured.
    pub label: String,
    /// The claimed value, as the claim states it.
    pub amount: Amount,
    /// The unit of `amount` and of each citation's `value`, as written.
    pub unit: String,
}

/// Where the claimant made the claim: one `[[appearances]]` entry (or an
/// old-format citation from the claimant).
#[derive(Debug, Clone, PartialEq)]
pub struct Appearance {
    /// Id of the document it appeared in, when the entry points at one; the
    /// fields below are then the document's.
    pub document: Option<String>,
    /// Id of the source that published it (the document's publisher, or the
    /// claimant when the entry names no source).
    pub source: String,
    /// Link to where it appeared.
    pub url: Option<String>,
    /// The title of the document it appeared in.
    pub title: Option<String>,
    /// When it appeared.
    pub date: Option<Date>,
    /// The claimant's words, copied verbatim.
    pub quote: Option<String>,
    /// Address of an archived copy (absolute http or https), as written.
    pub archive: Option<String>,
    /// What `claimtrail archive` recorded about `url` (`archive.lock`).
    pub archived: Option<Archived>,
    /// The check of `quote` against the archived copy of `url`, when the
    /// lock file has one for the quote as written.
    pub quote_check: Option<CheckedQuote>,
}

/// One piece of evidence: a document that says something about the claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// Id of the cited document, when the citation points at one; `source`,
    /// `url`, `title`, `date` and `archive` are then the document's.
    pub document: Option<String>,
    /// Id of the source that published the document.
    pub source: String,
    /// Link to the document.
    pub url: Option<String>,
    /// The document's own title, if the citation gives it.
    pub title: Option<String>,
    /// When the document was published, if the citation gives it.
    pub date: Option<Date>,
    /// How the document stands on the claim.
    pub stance: Stance,
    /// A passage copied word for word from the document.
    pub quote: Option<String>,
    /// The value this document reports for the claim's `[quantity]`, in its unit.
    pub value: Option<Amount>,
    /// Address of an archived copy (absolute http or https), as written.
    pub archive: Option<String>,
    /// What `claimtrail archive` recorded about `url` (`archive.lock`).
    pub archived: Option<Archived>,
    /// The check of `quote` against the archived copy of `url`, when the
    /// lock file has one for the quote as written.
    pub quote_check: Option<CheckedQuote>,
}

/// One verdict change.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// The day the verdict changed.
    pub date: Date,
    /// The new status id.
    pub status: String,
    /// The reason for the change, as the file gives it.
    pub note: Option<String>,
}

/// One published document (article, paper, model card, …) from
/// `content/documents/`, which appearances and citations can point at
/// instead of repeating its details.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file name without `.md`; the document's URL slug.
    pub id: String,
    /// Source file, relative to the root.
    pub file: String,
    /// The document's own title.
    pub title: String,
    /// Id of the source that published it.
    pub source: String,
    /// When it was published, if known.
    pub date: Option<Date>,
    /// Link to it (absolute http or https).
    pub url: Option<String>,
    /// Address of an archived copy (absolute http or https), as written.
    pub archive: Option<String>,
    /// What `claimtrail archive` recorded about `url` (`archive.lock`).
    pub archived: Option<Archived>,
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// The Markdown after the frontmatter, unrendered: the description on its page.
    pub body: String,
}

/// A publisher.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The file name without `.md`; the source's URL slug.
    pub id: String,
    /// The name pages show for the source.
    pub name: String,
    /// What kind of publisher it is.
    pub kind: SourceKind,
    /// The publisher's homepage (absolute http or https).
    pub url: Option<String>,
    /// Entity this source speaks for.
    pub entity: Option<String>,
    /// The Markdown after the frontmatter, unrendered: the description on its page.
    pub body: String,
}

/// Something claims are about.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// The file name without `.md`; the entity's URL slug.
    pub id: String,
    /// The name pages show for the entity.
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Id of the entity that makes or owns this one (validation rules out loops).
    pub parent: Option<String>,
    /// The entity's homepage (absolute http or https).
    pub url: Option<String>,
    /// Other names it goes by, shown on its page (not redirects).
    pub aliases: Vec<String>,
    /// The Markdown after the frontmatter, unrendered: the description on its page.
    pub body: String,
}

/// A free page (about, methodology, …) from `content/pages/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The file name without `.md`; the page's URL slug.
    pub id: String,
    /// The page's title, as its frontmatter gives it.
    pub title: String,
    /// The Markdown after the frontmatter, unrendered.
    pub body: String,
}

/// The whole validated site.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site's settings, parsed from `site.toml`.
    pub config: Config,
    /// Published claims, newest first (ties by id).
    pub claims: Vec<Claim>,
    /// Every source, keyed (and so ordered) by id.
    pub sources: BTreeMap<String, Source>,
    /// Every entity, keyed (and so ordered) by id.
    pub entities: BTreeMap<String, Entity>,
    /// Every document, keyed (and so ordered) by id.
    pub documents: BTreeMap<String, Document>,
    /// Every free page, keyed (and so ordered) by id.
    pub pages: BTreeMap<String, Page>,
    /// What the content's git history says (`None` without history: see
    /// docs/provenance.md); `build` sets it after the model is made.
    pub provenance: Option<std::sync::Arc<crate::provenance::History>>,
    /// The releases in `data/releases/`, newest first (see docs/releases.md);
    /// the pipeline sets them after the model is made.
    pub releases: Vec<crate::releases::Release>,
}

impl Site {
    /// Builds the model. Returns `None` if any document is incomplete,
    /// which validation has already reported.
    pub fn from_docs(config: Config, docs: Docs, include_drafts: bool) -> Option<Site> {
        let documents = collect(docs.documents, document_from_doc)?;
        let mut claims = docs
            .claims
            .into_iter()
            .map(|claim| claim_from_doc(claim, &documents))
            .collect::<Option<Vec<Claim>>>()?;
        claims.retain(|c| include_drafts || !c.draft);
        claims.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        merge_tag_spellings(&mut claims);
        Some(Site {
            config,
            claims,
            sources: collect(docs.sources, source_from_doc)?,
            entities: collect(docs.entities, entity_from_doc)?,
            documents,
            pages: collect(docs.pages, page_from_doc)?,
            provenance: None,
            releases: Vec::new(),
        })
    }
}

/// Makes every spelling of a tag the first one seen, so pages show one name.
fn merge_tag_spellings(claims: &mut [Claim]) {
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    for claim in claims.iter_mut() {
        for tag in claim.tags.iter_mut() {
            let spelling = first.entry(tag_slug(tag)).or_insert_with(|| tag.clone());
            tag.clone_from(spelling);
        }
        claim.tags.dedup();
    }
}

fn collect<D, T>(
    docs: Vec<D>,
    convert: fn(D) -> Option<(String, T)>,
) -> Option<BTreeMap<String, T>> {
    docs.into_iter().map(convert).collect()
}

fn claim_from_doc(doc: ClaimDoc, documents: &BTreeMap<String, Document>) -> Option<Claim> {
    let quantity = match doc.quantity {
        Some(q) => Some(Quantity {
            label: q.label?,
            amount: q.amount?,
            unit: q.unit,
        }),
        None => None,
    };
    let history = doc
        .history
        .into_iter()
        .map(|h| {
            Some(HistoryEntry {
                date: h.date?.value,
                status: h.status?.value,
                note: h.note,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let claimant = doc.claimant?.value;
    let (appearances, citations) =
        appearances_and_evidence(doc.appearances, doc.citations, &claimant, documents)?;
    Some(Claim {
        id: doc.id,
        file: doc.file,
        title: doc.title?,
        date: doc.date?.value,
        claimant,
        status: doc.status?.value,
        entities: doc.entities.into_iter().map(|e| e.value).collect(),
        tags: doc.tags.into_iter().map(|t| t.value).collect(),
        summary: doc.summary,
        language: doc.language,
        draft: doc.draft,
        aliases: doc.aliases.into_iter().map(|a| a.value).collect(),
        quantity,
        appearances,
        citations,
        history,
        body: doc.body,
        excerpt: doc.excerpt,
    })
}

fn source_from_doc(doc: SourceDoc) -> Option<(String, Source)> {
    let source = Source {
        id: doc.id.clone(),
        name: doc.name?,
        kind: doc.kind,
        url: doc.url,
        entity: doc.entity.map(|e| e.value),
        body: doc.body,
    };
    Some((doc.id, source))
}

fn entity_from_doc(doc: EntityDoc) -> Option<(String, Entity)> {
    let entity = Entity {
        id: doc.id.clone(),
        name: doc.name?,
        kind: doc.kind,
        parent: doc.parent.map(|p| p.value),
        url: doc.url,
        aliases: doc.aliases,
        body: doc.body,
    };
    Some((doc.id, entity))
}

fn page_from_doc(doc: PageDoc) -> Option<(String, Page)> {
    let page = Page {
        id: doc.id.clone(),
        title: doc.title?,
        body: doc.body,
    };
    Some((doc.id, page))
}
