//! The model stage: validated, fully resolved content, ready to render.
//!
//! Built only from documents that passed validation, so every reference here
//! resolves and every required field is present.

use std::collections::BTreeMap;

use time::Date;

use crate::config::Config;
use crate::ids::tag_slug;
use crate::parse::{ClaimDoc, EntityDoc, EntityKind, PageDoc, SourceDoc, SourceKind, Stance};
use crate::validate::Docs;

/// A claim, as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Id and URL slug.
    pub id: String,
    /// Source file, relative to the root.
    pub file: String,
    /// The claim sentence.
    pub title: String,
    /// When it was first made.
    pub date: Date,
    /// Source id of who made it.
    pub claimant: String,
    /// Current status id.
    pub status: String,
    /// Entity ids.
    pub entities: Vec<String>,
    /// Tags as first spelled on the site.
    pub tags: Vec<String>,
    /// Summary from frontmatter, if given.
    pub summary: Option<String>,
    /// Draft flag.
    pub draft: bool,
    /// Former ids, each redirecting here.
    pub aliases: Vec<String>,
    /// The measurable part, if any.
    pub quantity: Option<Quantity>,
    /// The evidence.
    pub citations: Vec<Citation>,
    /// Verdict changes, oldest first.
    pub history: Vec<HistoryEntry>,
    /// Markdown body.
    pub body: String,
    /// The plain text of the body's first paragraph.
    pub excerpt: String,
}

impl Claim {
    /// The newest date on the claim: made, a document published, or a verdict changed.
    pub fn last_updated(&self) -> Date {
        let citation_dates = self.citations.iter().filter_map(|c| c.date);
        let history_dates = self.history.iter().map(|h| h.date);
        citation_dates
            .chain(history_dates)
            .fold(self.date, Date::max)
    }
}

/// `[quantity]`
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// What is measured.
    pub label: String,
    /// The claimed value.
    pub value: f64,
    /// Unit.
    pub unit: String,
}

/// One cited document.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// Source id.
    pub source: String,
    /// Link to the document.
    pub url: Option<String>,
    /// Document title.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// How the document stands on the claim.
    pub stance: Stance,
    /// Verbatim quote.
    pub quote: Option<String>,
    /// Reported value.
    pub value: Option<f64>,
    /// Archived copy.
    pub archive: Option<String>,
}

/// One verdict change.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// When.
    pub date: Date,
    /// The new status id.
    pub status: String,
    /// Why.
    pub note: Option<String>,
}

/// A publisher.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What kind of publisher it is.
    pub kind: SourceKind,
    /// Homepage.
    pub url: Option<String>,
    /// Entity this source speaks for.
    pub entity: Option<String>,
    /// Markdown description.
    pub body: String,
}

/// Something claims are about.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Parent entity id.
    pub parent: Option<String>,
    /// Homepage.
    pub url: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Markdown description.
    pub body: String,
}

/// A free page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Markdown body.
    pub body: String,
}

/// The whole validated site.
#[derive(Debug, Clone)]
pub struct Site {
    /// `site.toml`.
    pub config: Config,
    /// Published claims, newest first (ties by id).
    pub claims: Vec<Claim>,
    /// Sources by id.
    pub sources: BTreeMap<String, Source>,
    /// Entities by id.
    pub entities: BTreeMap<String, Entity>,
    /// Pages by id.
    pub pages: BTreeMap<String, Page>,
}

impl Site {
    /// Builds the model. Returns `None` if any document is incomplete,
    /// which validation has already reported.
    pub fn from_docs(config: Config, docs: Docs, include_drafts: bool) -> Option<Site> {
        let mut claims = docs
            .claims
            .into_iter()
            .map(claim_from_doc)
            .collect::<Option<Vec<Claim>>>()?;
        claims.retain(|c| include_drafts || !c.draft);
        claims.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        merge_tag_spellings(&mut claims);
        Some(Site {
            config,
            claims,
            sources: collect(docs.sources, source_from_doc)?,
            entities: collect(docs.entities, entity_from_doc)?,
            pages: collect(docs.pages, page_from_doc)?,
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

fn claim_from_doc(doc: ClaimDoc) -> Option<Claim> {
    let quantity = match doc.quantity {
        Some(q) => Some(Quantity {
            label: q.label?,
            value: q.value?,
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
    let citations = doc
        .citations
        .into_iter()
        .map(|c| {
            Some(Citation {
                source: c.source?.value,
                url: c.url,
                title: c.title,
                date: c.date,
                stance: c.stance,
                quote: c.quote,
                value: c.value,
                archive: c.archive,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Claim {
        id: doc.id,
        file: doc.file,
        title: doc.title?,
        date: doc.date?.value,
        claimant: doc.claimant?.value,
        status: doc.status?.value,
        entities: doc.entities.into_iter().map(|e| e.value).collect(),
        tags: doc.tags.into_iter().map(|t| t.value).collect(),
        summary: doc.summary,
        draft: doc.draft,
        aliases: doc.aliases.into_iter().map(|a| a.value).collect(),
        quantity,
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
