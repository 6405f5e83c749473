//! The second half of validation: rules that span files.
//!
//! Unique ids, references that resolve, entity parents without cycles, and
//! the contract's warnings (missing links, unused sources and entities, tags
//! that merge).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::fields::Located;
use crate::ids::tag_slug;
use crate::load::Kind;
use crate::parse::{ClaimDoc, Doc, DocumentDoc, EntityDoc, SourceDoc};
use crate::placeholders::is_placeholder;

mod appearances;
mod parent_loops;
mod quotes;
mod repeated;
mod unused;

use appearances::{Known, check_appearances, check_origin_references};
pub(crate) use appearances::{is_claimants_statement, publisher};
use parent_loops::ParentLoops;
pub(crate) use quotes::check_quotes;

/// Every parsed file, split by kind.
#[derive(Debug, Default, Clone)]
pub struct Docs {
    /// Claims, in path order.
    pub claims: Vec<ClaimDoc>,
    /// Sources, in path order.
    pub sources: Vec<SourceDoc>,
    /// Entities, in path order.
    pub entities: Vec<EntityDoc>,
    /// Documents, in path order.
    pub documents: Vec<DocumentDoc>,
    /// Pages, in path order.
    pub pages: Vec<crate::parse::PageDoc>,
}

impl Docs {
    /// Sorts a list of parsed files into their kinds.
    pub fn from_docs(docs: impl IntoIterator<Item = Doc>) -> Self {
        let mut sorted = Docs::default();
        for doc in docs {
            match doc {
                Doc::Claim(claim) => sorted.claims.push(*claim),
                Doc::Source(source) => sorted.sources.push(source),
                Doc::Entity(entity) => sorted.entities.push(entity),
                Doc::Document(document) => sorted.documents.push(document),
                Doc::Page(page) => sorted.pages.push(page),
            }
        }
        sorted
    }
}

/// Runs every cross-file rule and returns what it found.
pub fn validate(docs: &Docs) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_unique(
        Kind::Claim,
        docs.claims.iter().map(|c| (&c.id, &c.file)),
        &mut out,
    );
    check_unique(
        Kind::Source,
        docs.sources.iter().map(|s| (&s.id, &s.file)),
        &mut out,
    );
    check_unique(
        Kind::Entity,
        docs.entities.iter().map(|e| (&e.id, &e.file)),
        &mut out,
    );
    check_unique(
        Kind::Document,
        docs.documents.iter().map(|d| (&d.id, &d.file)),
        &mut out,
    );
    check_unique(
        Kind::Page,
        docs.pages.iter().map(|p| (&p.id, &p.file)),
        &mut out,
    );
    let sources: BTreeSet<&str> = docs.sources.iter().map(|s| s.id.as_str()).collect();
    let entities: BTreeSet<&str> = docs.entities.iter().map(|e| e.id.as_str()).collect();
    let documents: BTreeSet<&str> = docs.documents.iter().map(|d| d.id.as_str()).collect();
    let publishers = publishers(&docs.documents);
    let known = Known {
        sources: &sources,
        documents: &documents,
        publishers: &publishers,
    };
    for claim in &docs.claims {
        check_claim_references(claim, &known, &entities, &mut out);
        check_appearances(claim, &known, &mut out);
    }
    for document in &docs.documents {
        if let Some(source) = &document.source {
            check_reference(&document.file, source, Kind::Source, &sources, &mut out);
        }
    }
    out.extend(repeated::suggest_documents(docs));
    check_aliases(&docs.claims, &mut out);
    check_tags(&docs.claims, &mut out);
    for source in &docs.sources {
        if let Some(entity) = &source.entity {
            check_reference(&source.file, entity, Kind::Entity, &entities, &mut out);
        }
    }
    check_parents(&docs.entities, &entities, &mut out);
    unused::check_unused(docs, &mut out);
    out
}

fn check_unique<'a>(
    kind: Kind,
    items: impl Iterator<Item = (&'a String, &'a String)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut first: BTreeMap<&str, &str> = BTreeMap::new();
    for (id, file) in items {
        match first.get(id.as_str()) {
            Some(original) => out.push(
                Diagnostic::error(
                    file.as_str(),
                    format!(
                        "duplicate {} id `{id}`: {original} has the same id",
                        kind.noun()
                    ),
                )
                .at(0..0)
                .hint("ids are unique across sub-folders; rename one of the two files"),
            ),
            None => {
                first.insert(id, file);
            }
        }
    }
}

pub(super) fn check_reference(
    file: &str,
    reference: &Located<String>,
    kind: Kind,
    known: &BTreeSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    // A placeholder is reported once, by the placeholder rule.
    if known.contains(reference.value.as_str()) || is_placeholder(&reference.value) {
        return;
    }
    let hint = did_you_mean(&reference.value, known.iter().copied()).unwrap_or_else(|| {
        format!(
            "create content/{}/{}.md, or use the id of an existing {}",
            kind.folder(),
            reference.value,
            kind.noun()
        )
    });
    let message = format!("unknown {} `{}`", kind.noun(), reference.value);
    out.push(
        Diagnostic::error(file, message)
            .at(reference.span.clone())
            .hint(hint),
    );
}

fn check_claim_references(
    claim: &ClaimDoc,
    known: &Known,
    entities: &BTreeSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(claimant) = &claim.claimant {
        check_reference(&claim.file, claimant, Kind::Source, known.sources, out);
    }
    check_origin_references(claim, known, out);
    for entity in &claim.entities {
        check_reference(&claim.file, entity, Kind::Entity, entities, out);
    }
}

/// Each document's publisher, by document id (the first file of an id).
fn publishers(documents: &[DocumentDoc]) -> HashMap<&str, &str> {
    let mut publishers = HashMap::with_capacity(documents.len());
    for document in documents {
        if let Some(source) = &document.source {
            publishers
                .entry(document.id.as_str())
                .or_insert(source.value.as_str());
        }
    }
    publishers
}

fn check_aliases(claims: &[ClaimDoc], out: &mut Vec<Diagnostic>) {
    let ids: BTreeMap<&str, &str> = claims
        .iter()
        .map(|c| (c.id.as_str(), c.file.as_str()))
        .collect();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for claim in claims {
        for alias in &claim.aliases {
            let clash = ids
                .get(alias.value.as_str())
                .map(|file| format!("{file} uses `{}` as its id", alias.value))
                .or_else(|| {
                    seen.get(alias.value.as_str())
                        .map(|file| format!("{file} already lists `{}` as an alias", alias.value))
                });
            match clash {
                Some(reason) => out.push(
                    Diagnostic::error(
                        &claim.file,
                        format!("the alias `{}` is taken: {reason}", alias.value),
                    )
                    .at(alias.span.clone())
                    .hint("an old URL can redirect to only one claim; remove one of them"),
                ),
                None => {
                    seen.insert(&alias.value, &claim.file);
                }
            }
        }
    }
}

fn check_tags(claims: &[ClaimDoc], out: &mut Vec<Diagnostic>) {
    let mut spellings: BTreeMap<String, &str> = BTreeMap::new();
    for claim in claims {
        for tag in &claim.tags {
            let slug = tag_slug(&tag.value);
            if slug.is_empty() {
                continue;
            }
            match spellings.get(&slug) {
                Some(first) if *first != tag.value => out.push(
                    Diagnostic::warning(
                        &claim.file,
                        format!("the tag `{}` is spelled `{first}` elsewhere; both are merged into /tags/{slug}/", tag.value),
                    )
                    .code(Code::TagSpelledTwoWays)
                    .at(tag.span.clone())
                    .hint(format!("use one spelling: `{first}`")),
                ),
                Some(_) => {}
                None => {
                    spellings.insert(slug, &tag.value);
                }
            }
        }
    }
}

fn check_parents(entities: &[EntityDoc], known: &BTreeSet<&str>, out: &mut Vec<Diagnostic>) {
    let parents: BTreeMap<&str, &str> = entities
        .iter()
        .filter_map(|e| e.parent.as_ref().map(|p| (e.id.as_str(), p.value.as_str())))
        .collect();
    let loops = ParentLoops::find(&parents);
    for entity in entities {
        let Some(parent) = &entity.parent else {
            continue;
        };
        check_reference(&entity.file, parent, Kind::Entity, known, out);
        if let Some(cycle) = loops.from(&entity.id) {
            out.push(
                Diagnostic::error(
                    &entity.file,
                    format!("entity parents form a loop: {cycle}"),
                )
                .at(parent.span.clone())
                .hint(
                    "a parent is the maker or owner; remove `parent` from one entity in the loop",
                ),
            );
        }
    }
}
