//! The records the search index is built from, made from the model (no HTML is parsed).
//!
//! One record per claim, source, entity, free page and document: its URL, the text to
//! search, the metadata a result shows and the values the filters offer.

use rayon::prelude::*;

use crate::markdown::plain_text;
use crate::model::{Claim, Document, Entity, Page, Site, Source};

pub use super::record::Record;
use super::record::SUMMARY_CHARS;
use super::record_text::{Text, clip};

/// Every record of `site`, in a fixed order: claims (newest first), sources,
/// entities, pages, documents.
pub fn records(site: &Site) -> Vec<Record> {
    let mut records = Vec::with_capacity(count(site));
    let full_text = site.config.search.full_text;
    records.par_extend(
        site.claims
            .par_iter()
            .map(|claim| claim_record(site, claim, full_text)),
    );
    records.extend(
        site.sources
            .values()
            .map(|s| source_record(site, s, full_text)),
    );
    records.extend(
        site.entities
            .values()
            .map(|e| entity_record(site, e, full_text)),
    );
    records.extend(site.pages.values().map(|p| page_record(site, p, full_text)));
    records.extend(
        site.documents
            .values()
            .map(|d| document_record(site, d, full_text)),
    );
    records
}

/// How many records [`records`] makes of `site`, without making them.
pub(crate) fn count(site: &Site) -> usize {
    site.claims.len()
        + site.sources.len()
        + site.entities.len()
        + site.pages.len()
        + site.documents.len()
}

fn claim_record(site: &Site, claim: &Claim, full_text: bool) -> Record {
    let status = site
        .config
        .status(&claim.status)
        .map_or(claim.status.as_str(), |s| s.label.as_str());
    let claimant = source_name(site, &claim.claimant);
    let summary = claim
        .summary
        .clone()
        .unwrap_or_else(|| claim.excerpt.clone());
    // The title is indexed as metadata and shown above the excerpt, so the
    // text starts with the summary: fewer words to index, no repeated title.
    let t = &site.config.translations;
    let mut text = Text::default();
    text.sentence(&summary);
    text.sentence(&format!("{} {claimant}", t.text("claimed_by")));
    let entities: Vec<String> = claim
        .entities
        .iter()
        .map(|id| entity_with_aliases(site, id))
        .collect();
    text.list(t.text("about"), &entities);
    text.list(t.text("tags"), &claim.tags);
    let appearance_quotes = claim.appearances.iter().map(|a| (&a.source, &a.quote));
    let citation_quotes = claim.citations.iter().map(|c| (&c.source, &c.quote));
    for (source, quote) in appearance_quotes.chain(citation_quotes) {
        if let Some(quote) = quote {
            let source = source_name(site, source);
            text.sentence(&format!("{source}: “{quote}”"));
        }
    }
    if full_text {
        text.sentence(&plain_text(&claim.body));
    }
    let mut record = Record::new(
        format!("/claims/{}/", claim.id),
        text,
        &claim.title,
        (t.text("search_kind_claim"), true),
    );
    record.meta("summary", &clip(&summary, SUMMARY_CHARS));
    record.meta("status", status);
    record.meta("status_id", &claim.status);
    record.meta("date", &t.date(claim.date));
    record.meta("claimant", claimant);
    record.filter("status", [status.to_string()]);
    record.filter(
        "entity",
        claim
            .entities
            .iter()
            .map(|id| entity_name(site, id).to_string()),
    );
    record.filter("tag", claim.tags.iter().cloned());
    record.filter("year", [claim.date.year().to_string()]);
    record
}

fn source_record(site: &Site, source: &Source, full_text: bool) -> Record {
    let mut text = Text::default();
    text.sentence(&source.name);
    if let Some(entity) = &source.entity {
        let speaks_for = site.config.translations.text("speaks_for");
        let entity = entity_with_aliases(site, entity);
        text.sentence(&format!("{} {entity}", capitalised(speaks_for)));
    }
    let url = format!("/sources/{}/", source.id);
    let kind = site.config.translations.text("source");
    Record::described(url, text, &source.body, full_text, &source.name, kind)
}

fn entity_record(site: &Site, entity: &Entity, full_text: bool) -> Record {
    let mut text = Text::default();
    text.sentence(&entity_with_aliases(site, &entity.id));
    if let Some(parent) = &entity.parent {
        let part_of = site.config.translations.text("part_of");
        text.sentence(&format!("{part_of} {}", entity_name(site, parent)));
    }
    let url = format!("/entities/{}/", entity.id);
    let kind = site.config.translations.text("entity");
    Record::described(url, text, &entity.body, full_text, &entity.name, kind)
}

fn page_record(site: &Site, page: &Page, full_text: bool) -> Record {
    let mut text = Text::default();
    text.sentence(&page.title);
    let url = format!("/pages/{}/", page.id);
    let kind = site.config.translations.text("search_kind_page");
    Record::described(url, text, &page.body, full_text, &page.title, kind)
}

fn document_record(site: &Site, document: &Document, full_text: bool) -> Record {
    let mut text = Text::default();
    text.sentence(&document.title);
    let published_by = site.config.translations.text("published_by");
    let source = source_name(site, &document.source);
    text.sentence(&format!("{published_by} {source}"));
    let url = format!("/documents/{}/", document.id);
    let title = &document.title;
    let kind = site.config.translations.text("search_kind_document");
    Record::described(url, text, &document.body, full_text, title, kind)
}

fn source_name<'a>(site: &'a Site, id: &'a str) -> &'a str {
    site.sources.get(id).map_or(id, |s| s.name.as_str())
}

fn entity_name<'a>(site: &'a Site, id: &'a str) -> &'a str {
    site.entities.get(id).map_or(id, |e| e.name.as_str())
}

/// `Name (alias, alias)`, or the name alone.
fn entity_with_aliases(site: &Site, id: &str) -> String {
    match site.entities.get(id) {
        Some(entity) if !entity.aliases.is_empty() => {
            format!("{} ({})", entity.name, entity.aliases.join(", "))
        }
        _ => entity_name(site, id).to_string(),
    }
}

/// `text` with its first letter in upper case: "speaks for" → "Speaks for".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The filter names records use, which `search.js` and site templates rely on.
    const FILTERS: &[&str] = &["kind", "status", "entity", "tag", "year"];

    fn fixture() -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
        crate::check(&root, false).unwrap().site.unwrap()
    }

    fn find<'a>(records: &'a [Record], url: &str) -> &'a Record {
        records.iter().find(|r| r.url == url).unwrap()
    }

    #[test]
    fn a_claim_record_holds_its_people_names_and_quotes() {
        let site = fixture();
        let records = records(&site);
        let claim = find(&records, "/claims/acme-model-2-cost/");
        assert!(
            claim.content.starts_with("Acme says its new model"),
            "title only in meta"
        );
        for text in [
            "35% cheaper per token.",
            "Claimed by Acme Blog.",
            "Acme Model 2 (Roadrunner)",
            "inference-cost",
            "Example Press: “Our price sheet comparison",
        ] {
            assert!(claim.content.contains(text), "{text} in {}", claim.content);
        }
        assert!(
            !claim.content.contains("What would settle it"),
            "no body by default"
        );
        assert_eq!(
            claim.meta["title"],
            "Acme Model 2 cuts per-token inference cost by 35% versus Acme Model 1"
        );
        assert_eq!(claim.meta["status"], "Disputed");
        assert_eq!(claim.meta["status_id"], "disputed");
        assert_eq!(claim.meta["date"], "April 23, 2026");
        assert_eq!(claim.meta["claimant"], "Acme Blog");
        assert_eq!(
            claim.meta["summary"],
            "Acme says its new model is 35% cheaper per token."
        );
        assert_eq!(claim.filters["entity"], ["Acme", "Acme Model 2"]);
        assert_eq!(claim.filters["tag"], ["efficiency", "inference-cost"]);
        assert_eq!(claim.filters["year"], ["2026"]);
        assert_eq!(claim.filters["kind"], ["Claim"]);
        assert!(claim.filters.keys().all(|k| FILTERS.contains(&k.as_str())));
    }

    #[test]
    fn sources_entities_and_pages_have_records_too() {
        let site = fixture();
        let records = records(&site);
        assert_eq!(
            records.len(),
            3 + 3 + 4 + 1,
            "published claims, sources, entities, pages"
        );
        assert_eq!(count(&site), records.len());
        let entity = find(&records, "/entities/acme-model-2/");
        assert!(entity.content.contains("Roadrunner"), "{}", entity.content);
        assert!(
            entity.content.contains("Part of Acme."),
            "{}",
            entity.content
        );
        assert_eq!(entity.meta["kind"], "Entity");
        assert_eq!(
            entity.meta["summary"], "Acme Model 2 (Roadrunner). Part of Acme.",
            "an entity without a body is summed up by its names"
        );
        let source = find(&records, "/sources/acme-blog/");
        assert!(
            source.content.contains("Acme’s own blog."),
            "{}",
            source.content
        );
        assert_eq!(
            source.meta["summary"], "Acme’s own blog.",
            "its first paragraph"
        );
        assert_eq!(find(&records, "/pages/about/").filters["kind"], ["Page"]);
        assert_eq!(
            find(&records, "/pages/about/").meta["summary"],
            "A fixture."
        );
        assert!(
            records
                .iter()
                .all(|r| r.url.starts_with('/') && r.url.ends_with('/'))
        );
    }

    #[test]
    fn full_text_adds_the_bodies() {
        let mut site = fixture();
        site.config.search.full_text = true;
        let records = records(&site);
        let claim = find(&records, "/claims/acme-model-2-cost/");
        assert!(
            claim
                .content
                .contains("What would settle it Acme’s published price sheet")
        );
        assert!(
            claim.content.contains("Not yet released."),
            "{}",
            claim.content
        );
    }

    #[test]
    fn summaries_are_clipped_at_a_word() {
        assert_eq!(clip("  one\n two   three ", 20), "one two three");
        assert_eq!(
            clip("one two three", 13),
            "one two three",
            "exactly the room"
        );
        assert_eq!(clip("one two three", 12), "one two…");
        assert_eq!(clip("one two three", 8), "one two…");
        assert_eq!(clip("one two three", 7), "one…");
        assert_eq!(
            clip("unbreakable", 5),
            "unbr…",
            "a long first word is cut inside"
        );
        assert_eq!(clip("ééé ééé", 5), "ééé…", "characters, not bytes");
        let long = "word ".repeat(1000);
        assert!(clip(&long, SUMMARY_CHARS).chars().count() <= SUMMARY_CHARS);
    }
}
