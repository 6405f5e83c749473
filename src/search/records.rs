//! The records the search index is built from, made from the model (no HTML is parsed).
//!
//! One record per claim, source, entity and free page: its URL, the text to
//! search, the metadata a result shows and the values the filters offer.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::dates::date_view;
use crate::markdown::{first_paragraph, plain_text};
use crate::model::{Claim, Entity, Page, Site, Source};

/// One searchable page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// The page's path from the site root, e.g. `/claims/x/`; the search page
    /// puts the base path in front (see `templates/search.html`).
    pub url: String,
    /// The text searched and quoted in result excerpts.
    pub content: String,
    /// What a result shows: `title`, and `status` and `date` for claims, `kind` for the rest.
    pub meta: BTreeMap<String, String>,
    /// Filter values: `kind` for every record; `status`, `entity`, `tag`, `year` for claims.
    pub filters: BTreeMap<String, Vec<String>>,
}

/// The filter names records use.
pub const FILTERS: &[&str] = &["kind", "status", "entity", "tag", "year"];

/// Every record of `site`, in a fixed order: claims (newest first), sources, entities, pages.
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
    records.extend(site.pages.values().map(|p| page_record(p, full_text)));
    records
}

/// How many records [`records`] makes of `site`, without making them.
pub fn count(site: &Site) -> usize {
    site.claims.len() + site.sources.len() + site.entities.len() + site.pages.len()
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
    let mut text = Text::default();
    text.sentence(&summary);
    text.sentence(&format!("Claimed by {claimant}"));
    let entities: Vec<String> = claim
        .entities
        .iter()
        .map(|id| entity_with_aliases(site, id))
        .collect();
    text.list("About", &entities);
    text.list("Tags", &claim.tags);
    for citation in &claim.citations {
        if let Some(quote) = &citation.quote {
            let source = source_name(site, &citation.source);
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
        "Claim",
    );
    record.meta("status", status);
    record.meta("date", &date_view(claim.date).display);
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
        text.sentence(&format!("Speaks for {}", entity_with_aliases(site, entity)));
    }
    text.body(&source.body, full_text);
    Record::new(
        format!("/sources/{}/", source.id),
        text,
        &source.name,
        "Source",
    )
}

fn entity_record(site: &Site, entity: &Entity, full_text: bool) -> Record {
    let mut text = Text::default();
    text.sentence(&entity_with_aliases(site, &entity.id));
    if let Some(parent) = &entity.parent {
        text.sentence(&format!("Part of {}", entity_name(site, parent)));
    }
    text.body(&entity.body, full_text);
    Record::new(
        format!("/entities/{}/", entity.id),
        text,
        &entity.name,
        "Entity",
    )
}

fn page_record(page: &Page, full_text: bool) -> Record {
    let mut text = Text::default();
    text.sentence(&page.title);
    text.body(&page.body, full_text);
    Record::new(format!("/pages/{}/", page.id), text, &page.title, "Page")
}

impl Record {
    fn new(url: String, text: Text, title: &str, kind: &str) -> Record {
        let mut record = Record {
            url,
            content: text.0,
            meta: BTreeMap::new(),
            filters: BTreeMap::new(),
        };
        record.meta("title", title);
        if kind != "Claim" {
            // Claims show their status and date instead.
            record.meta("kind", kind);
        }
        record.filter("kind", [kind.to_string()]);
        record
    }

    fn meta(&mut self, key: &str, value: &str) {
        self.meta.insert(key.to_string(), value.to_string());
    }

    /// Adds filter values, sorted and without repeats (empty lists are left out).
    fn filter(&mut self, key: &str, values: impl IntoIterator<Item = String>) {
        let mut values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
        values.sort();
        values.dedup();
        if !values.is_empty() {
            self.filters.insert(key.to_string(), values);
        }
    }
}

/// Record text built sentence by sentence.
#[derive(Default)]
struct Text(String);

impl Text {
    /// Appends `sentence`, ending it with a full stop unless it has one.
    fn sentence(&mut self, sentence: &str) {
        let sentence = sentence.trim();
        if sentence.is_empty() {
            return;
        }
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(sentence);
        if !sentence.ends_with(['.', '!', '?', '”', '"']) {
            self.0.push('.');
        }
    }

    /// `Label: a, b, c.`
    fn list(&mut self, label: &str, items: &[String]) {
        if !items.is_empty() {
            self.sentence(&format!("{label}: {}", items.join(", ")));
        }
    }

    /// The body's first paragraph, or all of it with `full_text`.
    fn body(&mut self, markdown: &str, full_text: bool) {
        if full_text {
            self.sentence(&plain_text(markdown));
        } else {
            self.sentence(&first_paragraph(markdown));
        }
    }
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

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
        assert_eq!(claim.meta["date"], "April 23, 2026");
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
        let source = find(&records, "/sources/acme-blog/");
        assert!(
            source.content.contains("Acme’s own blog."),
            "{}",
            source.content
        );
        assert_eq!(find(&records, "/pages/about/").filters["kind"], ["Page"]);
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
}
