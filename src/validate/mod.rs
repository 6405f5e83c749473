//! The second half of validation: rules that span files.
//!
//! Unique ids, references that resolve, entity parents without cycles, and
//! the contract's warnings (missing links, unused sources and entities, tags
//! that merge).

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::fields::Located;
use crate::ids::tag_slug;
use crate::load::Kind;
use crate::parse::{ClaimDoc, Doc, EntityDoc, SourceDoc};
use crate::placeholders::is_placeholder;

mod parent_loops;

use parent_loops::ParentLoops;

/// Every parsed file, split by kind.
#[derive(Debug, Default, Clone)]
pub struct Docs {
    /// Claims, in path order.
    pub claims: Vec<ClaimDoc>,
    /// Sources, in path order.
    pub sources: Vec<SourceDoc>,
    /// Entities, in path order.
    pub entities: Vec<EntityDoc>,
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
        Kind::Page,
        docs.pages.iter().map(|p| (&p.id, &p.file)),
        &mut out,
    );
    let sources: BTreeSet<&str> = docs.sources.iter().map(|s| s.id.as_str()).collect();
    let entities: BTreeSet<&str> = docs.entities.iter().map(|e| e.id.as_str()).collect();
    for claim in &docs.claims {
        check_claim_references(claim, &sources, &entities, &mut out);
        check_claim_warnings(claim, &sources, &mut out);
    }
    check_aliases(&docs.claims, &mut out);
    check_tags(&docs.claims, &mut out);
    for source in &docs.sources {
        if let Some(entity) = &source.entity {
            check_reference(&source.file, entity, Kind::Entity, &entities, &mut out);
        }
    }
    check_parents(&docs.entities, &entities, &mut out);
    check_unused(docs, &mut out);
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

fn check_reference(
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
    sources: &BTreeSet<&str>,
    entities: &BTreeSet<&str>,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(claimant) = &claim.claimant {
        check_reference(&claim.file, claimant, Kind::Source, sources, out);
    }
    for citation in &claim.citations {
        if let Some(source) = &citation.source {
            check_reference(&claim.file, source, Kind::Source, sources, out);
        }
    }
    for entity in &claim.entities {
        check_reference(&claim.file, entity, Kind::Entity, entities, out);
    }
}

fn check_claim_warnings(claim: &ClaimDoc, sources: &BTreeSet<&str>, out: &mut Vec<Diagnostic>) {
    for citation in &claim.citations {
        if !citation.link_given {
            out.push(
                Diagnostic::warning(
                    &claim.file,
                    "this citation has neither `url` nor `archive`, so readers cannot check it",
                )
                .code(Code::CitationWithoutLink)
                .at(citation.span.start..citation.span.start)
                .hint("add `url = \"https://...\"` for the document, or an `archive` link"),
            );
        }
    }
    // An unknown claimant is already an error; a second message about it would be noise.
    if let Some(claimant) = claim
        .claimant
        .as_ref()
        .filter(|c| sources.contains(c.value.as_str()))
    {
        let cites_claimant = claim
            .citations
            .iter()
            .any(|c| c.source.as_ref().is_some_and(|s| s.value == claimant.value));
        if !cites_claimant && !claim.citations.is_empty() {
            out.push(
                Diagnostic::warning(
                    &claim.file,
                    format!("no citation comes from the claimant `{}`: where was the claim made?", claimant.value),
                )
                .code(Code::ClaimantNotCited)
                .at(claimant.span.clone())
                .hint(format!("add a `[[citations]]` entry with `source = \"{}\"` quoting the original statement", claimant.value)),
            );
        }
    }
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

fn check_unused(docs: &Docs, out: &mut Vec<Diagnostic>) {
    let mut used_sources = BTreeSet::new();
    let mut used_entities = BTreeSet::new();
    for claim in &docs.claims {
        used_sources.extend(claim.claimant.iter().map(|c| c.value.as_str()));
        used_sources.extend(
            claim
                .citations
                .iter()
                .filter_map(|c| c.source.as_ref())
                .map(|s| s.value.as_str()),
        );
        used_entities.extend(claim.entities.iter().map(|e| e.value.as_str()));
    }
    let parents: BTreeMap<&str, &str> = docs
        .entities
        .iter()
        .filter_map(|e| e.parent.as_ref().map(|p| (e.id.as_str(), p.value.as_str())))
        .collect();
    for id in used_entities.clone() {
        let mut current = id;
        while let Some(&parent) = parents.get(current) {
            if !used_entities.insert(parent) {
                break;
            }
            current = parent;
        }
    }
    for source in docs
        .sources
        .iter()
        .filter(|s| !used_sources.contains(s.id.as_str()))
    {
        out.push(
            Diagnostic::warning(
                &source.file,
                format!("no claim uses the source `{}`", source.id),
            )
            .code(Code::UnusedSource)
            .hint("cite it in a claim's `[[citations]]`, or remove the file"),
        );
    }
    for entity in docs
        .entities
        .iter()
        .filter(|e| !used_entities.contains(e.id.as_str()))
    {
        out.push(
            Diagnostic::warning(
                &entity.file,
                format!("no claim is about the entity `{}`", entity.id),
            )
            .code(Code::UnusedEntity)
            .hint("list it in a claim's `entities`, or remove the file"),
        );
    }
}
