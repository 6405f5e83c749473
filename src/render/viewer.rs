//! Turning the model into views, with URLs under the base URL.

use rayon::prelude::*;

use super::charts;
use super::format::{bibtex_escape, date_view, format_with_unit, month_label, text_color_on};
use super::views::*;
use crate::config::StatusDef;
use crate::ids::tag_slug;
use crate::index::{Event, EventKind, Index, Tally};
use crate::markdown;
use crate::model::{Citation, Claim, Entity, Site, Source};

/// How many related claims a claim page lists.
const RELATED_CLAIMS: usize = 5;

/// Turns model types into views; claim cards are computed once and cloned into lists.
pub struct Viewer<'a> {
    /// The site.
    pub site: &'a Site,
    /// URL builder.
    pub urls: &'a Urls,
    /// Cross references and figures.
    pub index: &'a Index<'a>,
    cards: Vec<ClaimCard>,
}

impl<'a> Viewer<'a> {
    /// A viewer over `site`, computing every claim card up front.
    pub fn new(site: &'a Site, urls: &'a Urls, index: &'a Index<'a>) -> Self {
        let mut viewer = Viewer {
            site,
            urls,
            index,
            cards: Vec::new(),
        };
        viewer.cards = site
            .claims
            .par_iter()
            .map(|claim| viewer.make_card(claim))
            .collect();
        viewer
    }

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
                rating: None,
            });
        StatusView {
            url: self.urls.path(&format!("status/{}/", def.id)),
            text_color: text_color_on(&def.color).to_string(),
            id: def.id,
            label: def.label,
            color: def.color,
            description: def.description,
        }
    }

    /// Every status in display order.
    pub fn statuses(&self) -> Vec<StatusView> {
        self.site
            .config
            .statuses
            .iter()
            .map(|s| self.status(&s.id))
            .collect()
    }

    /// How many of `claims` (indices) have each status, in display order.
    pub fn status_counts(&self, claims: &[usize]) -> Vec<StatusCount> {
        self.statuses()
            .into_iter()
            .map(|status| {
                let count = claims
                    .iter()
                    .filter(|&&i| self.site.claims[i].status == status.id)
                    .count();
                StatusCount { status, count }
            })
            .collect()
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

    /// The card of claim `i`.
    pub fn card(&self, i: usize) -> ClaimCard {
        self.cards[i].clone()
    }

    /// The card of a claim of this site, found by its place in the date order.
    pub fn card_of(&self, claim: &Claim) -> ClaimCard {
        let found = self
            .site
            .claims
            .binary_search_by(|c| claim.date.cmp(&c.date).then_with(|| c.id.cmp(&claim.id)));
        match found {
            Ok(i) => self.card(i),
            Err(_) => self.make_card(claim),
        }
    }

    /// The cards of claims `indices`, in that order.
    pub fn cards(&self, indices: &[usize]) -> Vec<ClaimCard> {
        indices.iter().map(|&i| self.card(i)).collect()
    }

    fn make_card(&self, claim: &Claim) -> ClaimCard {
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

    /// Claim `i` for its own page.
    pub fn claim(&self, i: usize) -> ClaimView {
        let claim = &self.site.claims[i];
        let citations: Vec<CitationView> = claim
            .citations
            .iter()
            .map(|c| self.citation(c, claim))
            .collect();
        let card = self.card(i);
        ClaimView {
            entities: claim.entities.iter().map(|e| self.entity_link(e)).collect(),
            tags: claim
                .tags
                .iter()
                .map(|t| {
                    let slug = tag_slug(t);
                    link(&slug, t, self.urls.path(&format!("tags/{slug}/")))
                })
                .collect(),
            quantity: claim.quantity.as_ref().map(|q| QuantityView {
                label: q.label.clone(),
                value: q.value,
                unit: q.unit.clone(),
                display: format_with_unit(q.value, &q.unit),
            }),
            citation_groups: group_by_stance(&citations),
            tally: tally_view(self.index.tally(claim)),
            spread: self.spread(claim),
            citations,
            history: claim
                .history
                .iter()
                .map(|h| HistoryView {
                    date: date_view(h.date),
                    status: self.status(&h.status),
                    note: h.note.clone(),
                })
                .collect(),
            events: self.events(&claim_timeline(i, claim)),
            last_updated: date_view(claim.last_updated()),
            body_html: markdown::render(&claim.body),
            edit_url: self
                .site
                .config
                .repo_url
                .as_ref()
                .map(|repo| format!("{repo}/edit/main/{}", claim.file)),
            related: self.cards(&self.index.related(i, RELATED_CLAIMS)),
            cite_text: self.cite_text(claim, &card),
            cite_bibtex: self.cite_bibtex(claim),
            card,
        }
    }

    fn citation(&self, citation: &Citation, claim: &Claim) -> CitationView {
        let unit = claim.quantity.as_ref().map_or("", |q| q.unit.as_str());
        CitationView {
            source: self.source_link(&citation.source),
            source_kind: self
                .site
                .sources
                .get(&citation.source)
                .map_or_else(String::new, |s| s.kind.clone()),
            first_party: self.index.is_first_party(claim, citation),
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

    fn spread(&self, claim: &Claim) -> Option<charts::DotPlot> {
        let quantity = claim.quantity.as_ref()?;
        let reported: Vec<(String, f64, String)> = claim
            .citations
            .iter()
            .filter_map(|c| Some((self.source_link(&c.source).name, c.value?, c.stance.clone())))
            .collect();
        charts::dot_plot(quantity.value, &quantity.unit, &reported)
    }

    fn cite_text(&self, claim: &Claim, card: &ClaimCard) -> String {
        format!(
            "{}. “{}” Status: {}. Last updated {}. {}",
            self.site.config.title,
            claim.title,
            card.status.label,
            date_view(claim.last_updated()).display,
            self.urls.absolute(&format!("claims/{}/", claim.id))
        )
    }

    fn cite_bibtex(&self, claim: &Claim) -> String {
        let updated = claim.last_updated();
        format!(
            "@misc{{claimtrail-{id},\n  title = {{{title}}},\n  author = {{{{{site}}}}},\n  year = {{{year}}},\n  date = {{{date}}},\n  url = {{{url}}},\n  note = {{Status: {status}}}\n}}",
            id = claim.id,
            title = bibtex_escape(&claim.title),
            site = bibtex_escape(&self.site.config.title),
            year = updated.year(),
            date = updated,
            url = self.urls.absolute(&format!("claims/{}/", claim.id)),
            status = bibtex_escape(&self.status(&claim.status).label),
        )
    }

    /// Timeline events as views.
    pub fn events(&self, events: &[Event]) -> Vec<EventView> {
        events.iter().map(|event| self.event(event)).collect()
    }

    fn event(&self, event: &Event) -> EventView {
        let claim = &self.site.claims[event.claim];
        let (kind, kind_label, source, status, note) = match event.kind {
            EventKind::Made => (
                "claim",
                "Claim made",
                Some(self.source_link(&claim.claimant)),
                None,
                None,
            ),
            EventKind::Document(c) => {
                let citation = &claim.citations[c];
                let source = Some(self.source_link(&citation.source));
                (
                    "document",
                    "Document published",
                    source,
                    None,
                    citation.title.clone(),
                )
            }
            EventKind::Verdict(h) => {
                let change = &claim.history[h];
                (
                    "verdict",
                    "Verdict changed",
                    None,
                    Some(self.status(&change.status)),
                    change.note.clone(),
                )
            }
        };
        EventView {
            date: date_view(event.date),
            kind,
            kind_label,
            claim: self.card(event.claim),
            source,
            status,
            note,
        }
    }

    /// Events grouped by month, newest first.
    pub fn months(&self, events: &[Event]) -> Vec<EventMonth> {
        let mut months: Vec<EventMonth> = Vec::new();
        for event in events {
            let (year, month) = (event.date.year(), u8::from(event.date.month()));
            let id = format!("{year}-{month:02}");
            match months.last_mut() {
                Some(last) if last.id == id => last.events.push(self.event(event)),
                _ => months.push(EventMonth {
                    id,
                    label: month_label(year, month),
                    events: vec![self.event(event)],
                }),
            }
        }
        months
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
            claim_count: self.index.claims_about(&entity.id).len(),
            body_html: markdown::render(&entity.body),
        }
    }

    /// A source view with its track record.
    pub fn source(&self, source: &Source) -> SourceView {
        let record = self.index.source_record(&source.id);
        let agreement =
            (record.judged >= self.site.config.agreement_threshold).then(|| AgreementView {
                percent: (record.agreeing as f64 * 100.0 / record.judged as f64).round() as u32,
                agreeing: record.agreeing,
                judged: record.judged,
            });
        SourceView {
            id: source.id.clone(),
            name: source.name.clone(),
            kind: source.kind.clone(),
            url: self.urls.path(&format!("sources/{}/", source.id)),
            homepage: source.url.clone(),
            entity: source.entity.as_deref().map(|e| self.entity_link(e)),
            originated_count: record.originated,
            citation_count: record.citations,
            originated_by_status: self
                .statuses()
                .into_iter()
                .filter_map(|status| {
                    let count = *record.originated_by_status.get(&status.id)?;
                    Some(StatusCount { status, count })
                })
                .collect(),
            agreement,
            judged: record.judged,
            body_html: markdown::render(&source.body),
        }
    }

    /// The claims `source` cites, each with the stances it took.
    pub fn cited_claims(&self, source: &str) -> Vec<CitedClaim> {
        let cited = self.index.cited.get(source).map_or(&[][..], Vec::as_slice);
        cited
            .iter()
            .map(|&i| CitedClaim {
                claim: self.card(i),
                stances: self.site.claims[i]
                    .citations
                    .iter()
                    .filter(|c| c.source == source)
                    .map(|c| c.stance.clone())
                    .collect(),
            })
            .collect()
    }
}

/// A claim's own events, newest first.
fn claim_timeline(i: usize, claim: &Claim) -> Vec<Event> {
    let mut events = crate::index::claim_events(i, claim);
    events.sort_by_key(|event| std::cmp::Reverse(event.date));
    events
}

fn link(id: &str, name: &str, url: String) -> Link {
    Link {
        id: id.to_string(),
        name: name.to_string(),
        url,
    }
}

fn group_by_stance(citations: &[CitationView]) -> Vec<CitationGroup> {
    [
        ("supports", "Supports"),
        ("contradicts", "Contradicts"),
        ("neutral", "Neutral"),
    ]
    .into_iter()
    .filter_map(|(stance, label)| {
        let group: Vec<CitationView> = citations
            .iter()
            .filter(|c| c.stance == stance)
            .cloned()
            .collect();
        (!group.is_empty()).then(|| CitationGroup {
            stance: stance.into(),
            label: label.into(),
            citations: group,
        })
    })
    .collect()
}

fn tally_view(tally: Tally) -> TallyView {
    let mut parts = Vec::new();
    if tally.supports > 0 {
        let independent = match tally.independent_supporters {
            1 => " (1 independent source)".to_string(),
            n => format!(" ({n} independent sources)"),
        };
        let verb = if tally.supports == 1 {
            "supports"
        } else {
            "support"
        };
        parts.push(format!("{} {verb}{independent}", tally.supports));
    }
    if tally.contradicts > 0 {
        parts.push(format!(
            "{} contradict{}",
            tally.contradicts,
            if tally.contradicts == 1 { "s" } else { "" }
        ));
    }
    if tally.neutral > 0 {
        parts.push(format!("{} neutral", tally.neutral));
    }
    TallyView {
        supports: tally.supports,
        contradicts: tally.contradicts,
        neutral: tally.neutral,
        independent_supporters: tally.independent_supporters,
        text: parts.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_reads_as_a_sentence() {
        let tally = Tally {
            supports: 3,
            contradicts: 1,
            neutral: 2,
            independent_supporters: 1,
        };
        assert_eq!(
            tally_view(tally).text,
            "3 support (1 independent source), 1 contradicts, 2 neutral"
        );
        let tally = Tally {
            supports: 1,
            contradicts: 2,
            neutral: 0,
            independent_supporters: 0,
        };
        assert_eq!(
            tally_view(tally).text,
            "1 supports (0 independent sources), 2 contradict"
        );
    }
}
