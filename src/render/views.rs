//! Serializable views: exactly what templates see, documented in docs/templates.md.
//!
//! Templates never receive the model types, so the model can change without
//! breaking a site owner's templates.

use serde::Serialize;
use time::Date;
use time::macros::format_description;

use crate::config::StatusDef;
use crate::markdown::{self, Markdown};
use crate::model::{Claim, Entity, Site, Source};

/// Builds site-relative and absolute URLs under the base URL.
#[derive(Debug, Clone)]
pub struct Urls {
    base_path: String,
    base_url: String,
}

impl Urls {
    /// URLs for a site published at `base_url`.
    pub fn new(base_url: &str) -> Self {
        Urls {
            base_path: crate::config::base_path_of(base_url),
            base_url: base_url.to_string(),
        }
    }

    /// The path readers' browsers request, e.g. `/ai-claims/claims/x/` for `claims/x/`.
    pub fn path(&self, relative: &str) -> String {
        format!("{}{relative}", self.base_path)
    }

    /// The full URL, for feeds, sitemaps and canonical links.
    pub fn absolute(&self, relative: &str) -> String {
        format!("{}{relative}", self.base_url)
    }
}

/// A named link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Id of the thing linked to.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Site path.
    pub url: String,
}

/// A status with its label, colour, description and page.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// Status id.
    pub id: String,
    /// Label.
    pub label: String,
    /// CSS colour.
    pub color: String,
    /// Meaning.
    pub description: String,
    /// `/status/<id>/` path.
    pub url: String,
}

/// A date as ISO text and as readers see it.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `2026-04-23`
    pub iso: String,
    /// `April 23, 2026`
    pub display: String,
}

/// A claim in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimCard {
    /// Id.
    pub id: String,
    /// Site path.
    pub url: String,
    /// The claim sentence.
    pub title: String,
    /// When it was made.
    pub date: DateView,
    /// Current verdict.
    pub status: StatusView,
    /// Who made it.
    pub claimant: Link,
    /// Summary, or the body's first paragraph.
    pub summary: String,
    /// True for drafts (only built with `--drafts`).
    pub draft: bool,
}

/// A claim on its own page.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    /// The list fields.
    #[serde(flatten)]
    pub card: ClaimCard,
    /// Entities the claim is about.
    pub entities: Vec<Link>,
    /// Tags, each with its `/tags/<slug>/` path.
    pub tags: Vec<Link>,
    /// `[quantity]`, if any.
    pub quantity: Option<QuantityView>,
    /// Every citation, in file order.
    pub citations: Vec<CitationView>,
    /// Verdict changes, oldest first.
    pub history: Vec<HistoryView>,
    /// Newest date on the claim.
    pub last_updated: DateView,
    /// Sanitised HTML of the body.
    pub body_html: String,
    /// Link to edit the file on the repository host, if `repo_url` is set.
    pub edit_url: Option<String>,
}

/// `[quantity]`
#[derive(Debug, Clone, Serialize)]
pub struct QuantityView {
    /// What is measured.
    pub label: String,
    /// Claimed value.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// Value and unit as readers see them, e.g. `35%` or `2,000,000 tokens`.
    pub display: String,
}

/// One citation.
#[derive(Debug, Clone, Serialize)]
pub struct CitationView {
    /// The publisher.
    pub source: Link,
    /// The publisher's kind (official, press, ...).
    pub source_kind: String,
    /// Document link.
    pub url: Option<String>,
    /// Archive link.
    pub archive: Option<String>,
    /// Document title.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<DateView>,
    /// supports / contradicts / neutral.
    pub stance: String,
    /// Verbatim quote.
    pub quote: Option<String>,
    /// Reported value.
    pub value: Option<f64>,
    /// Reported value with the claim's unit, as readers see it.
    pub value_display: Option<String>,
}

/// One verdict change.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryView {
    /// When.
    pub date: DateView,
    /// The new status.
    pub status: StatusView,
    /// Why.
    pub note: Option<String>,
}

/// An entity in lists and on its page.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// organization, model, ...
    pub kind: String,
    /// Site path.
    pub url: String,
    /// Homepage.
    pub homepage: Option<String>,
    /// Parent entity.
    pub parent: Option<Link>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Number of claims about it.
    pub claim_count: usize,
    /// Sanitised HTML description.
    pub body_html: String,
}

/// A source in lists and on its page.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// official, press, ...
    pub kind: String,
    /// Site path.
    pub url: String,
    /// Homepage.
    pub homepage: Option<String>,
    /// The entity it speaks for.
    pub entity: Option<Link>,
    /// Claims it originated.
    pub originated_count: usize,
    /// Citations it gave.
    pub citation_count: usize,
    /// Sanitised HTML description.
    pub body_html: String,
}

/// Turns model types into views; `'p` is the lifetime of the site's HTML policy.
pub struct Viewer<'a, 'p> {
    /// The site.
    pub site: &'a Site,
    /// URL builder.
    pub urls: &'a Urls,
    /// Markdown renderer with the site's HTML policy.
    pub markdown: &'a Markdown<'p>,
}

impl Viewer<'_, '_> {
    /// A status view, by id.
    pub fn status(&self, id: &str) -> StatusView {
        let def = self
            .site
            .config
            .status(id)
            .cloned()
            .unwrap_or_else(|| StatusDef {
                id: id.to_string(),
                label: id.to_string(),
                color: "#6b7280".to_string(),
                description: String::new(),
            });
        StatusView {
            url: self.urls.path(&format!("status/{}/", def.id)),
            id: def.id,
            label: def.label,
            color: def.color,
            description: def.description,
        }
    }

    /// A link to a source, by id.
    pub fn source_link(&self, id: &str) -> Link {
        let name = self.site.sources.get(id).map_or(id, |s| s.name.as_str());
        link(id, name, self.urls.path(&format!("sources/{id}/")))
    }

    /// A link to an entity, by id.
    pub fn entity_link(&self, id: &str) -> Link {
        let name = self.site.entities.get(id).map_or(id, |e| e.name.as_str());
        link(id, name, self.urls.path(&format!("entities/{id}/")))
    }

    /// A claim for lists.
    pub fn card(&self, claim: &Claim) -> ClaimCard {
        ClaimCard {
            id: claim.id.clone(),
            url: self.urls.path(&format!("claims/{}/", claim.id)),
            title: claim.title.clone(),
            date: date_view(claim.date),
            status: self.status(&claim.status),
            claimant: self.source_link(&claim.claimant),
            summary: claim
                .summary
                .clone()
                .unwrap_or_else(|| markdown::first_paragraph(&claim.body)),
            draft: claim.draft,
        }
    }

    /// A claim for its own page.
    pub fn claim(&self, claim: &Claim) -> ClaimView {
        let tags = claim
            .tags
            .iter()
            .map(|t| {
                let slug = crate::ids::tag_slug(t);
                link(&slug, t, self.urls.path(&format!("tags/{slug}/")))
            })
            .collect();
        ClaimView {
            card: self.card(claim),
            entities: claim.entities.iter().map(|e| self.entity_link(e)).collect(),
            tags,
            quantity: claim.quantity.as_ref().map(|q| QuantityView {
                label: q.label.clone(),
                value: q.value,
                unit: q.unit.clone(),
                display: format_with_unit(q.value, &q.unit),
            }),
            citations: claim
                .citations
                .iter()
                .map(|c| self.citation(c, claim))
                .collect(),
            history: claim
                .history
                .iter()
                .map(|h| HistoryView {
                    date: date_view(h.date),
                    status: self.status(&h.status),
                    note: h.note.clone(),
                })
                .collect(),
            last_updated: date_view(claim.last_updated()),
            body_html: self.markdown.render(&claim.body),
            edit_url: self
                .site
                .config
                .repo_url
                .as_ref()
                .map(|repo| format!("{repo}/edit/main/{}", claim.file)),
        }
    }

    fn citation(&self, citation: &crate::model::Citation, claim: &Claim) -> CitationView {
        let unit = claim.quantity.as_ref().map_or("", |q| q.unit.as_str());
        CitationView {
            source: self.source_link(&citation.source),
            source_kind: self
                .site
                .sources
                .get(&citation.source)
                .map_or_else(String::new, |s| s.kind.clone()),
            url: citation.url.clone(),
            archive: citation.archive.clone(),
            title: citation.title.clone(),
            date: citation.date.map(date_view),
            stance: citation.stance.clone(),
            quote: citation.quote.clone(),
            value: citation.value,
            value_display: citation.value.map(|v| format_with_unit(v, unit)),
        }
    }

    /// An entity view.
    pub fn entity(&self, entity: &Entity) -> EntityView {
        EntityView {
            id: entity.id.clone(),
            name: entity.name.clone(),
            kind: entity.kind.clone(),
            url: self.urls.path(&format!("entities/{}/", entity.id)),
            homepage: entity.url.clone(),
            parent: entity.parent.as_deref().map(|p| self.entity_link(p)),
            aliases: entity.aliases.clone(),
            claim_count: self.site.claims_about(&entity.id).count(),
            body_html: self.markdown.render(&entity.body),
        }
    }

    /// A source view.
    pub fn source(&self, source: &Source) -> SourceView {
        let originated_count = self
            .site
            .claims
            .iter()
            .filter(|c| c.claimant == source.id)
            .count();
        let citation_count = self
            .site
            .claims
            .iter()
            .flat_map(|c| &c.citations)
            .filter(|c| c.source == source.id)
            .count();
        SourceView {
            id: source.id.clone(),
            name: source.name.clone(),
            kind: source.kind.clone(),
            url: self.urls.path(&format!("sources/{}/", source.id)),
            homepage: source.url.clone(),
            entity: source.entity.as_deref().map(|e| self.entity_link(e)),
            originated_count,
            citation_count,
            body_html: self.markdown.render(&source.body),
        }
    }
}

fn link(id: &str, name: &str, url: String) -> Link {
    Link {
        id: id.to_string(),
        name: name.to_string(),
        url,
    }
}

/// A number as readers see it: `35`, `22.5`, `2,000,000`.
pub fn format_number(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    let text = format!("{}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A value with its unit: `35%`, `10x`, `2,000,000 tokens`.
pub fn format_with_unit(value: f64, unit: &str) -> String {
    let number = format_number(value);
    match unit {
        "" => number,
        "%" | "x" | "×" => format!("{number}{unit}"),
        _ => format!("{number} {unit}"),
    }
}

/// A date as ISO and display text.
pub fn date_view(date: Date) -> DateView {
    let display = date
        .format(format_description!(
            "[month repr:long] [day padding:none], [year]"
        ))
        .unwrap_or_else(|_| date.to_string());
    DateView {
        iso: date.to_string(),
        display,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(35.0), "35");
        assert_eq!(format_number(22.5), "22.5");
        assert_eq!(format_number(2_000_000.0), "2,000,000");
        assert_eq!(format_number(-1234.5), "-1,234.5");
        assert_eq!(format_with_unit(35.0, "%"), "35%");
        assert_eq!(format_with_unit(2e6, "tokens"), "2,000,000 tokens");
    }
}
