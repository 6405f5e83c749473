//! Turning the model into views, with URLs under the base URL.

use std::collections::HashMap;

use rayon::prelude::*;
use time::Date;

use super::event_facts::event_facts;
use super::format::{badge_background, date_view, text_color_on};
use super::git_verdicts::{GitVerdicts, GitWording, every_claims_git_verdicts};
use super::views::*;
use crate::config::StatusDef;
use crate::i18n::Translations;
use crate::ids::tag_slug;
use crate::index::{Event, Index};
use crate::markdown::Markdown;
use crate::model::{Citation, Claim, Entity, Site, Source};

/// Turns model types into views; claim cards are computed once and shared by lists.
/// `'p` is the lifetime of the site's HTML policy.
pub(super) struct Viewer<'a, 'p> {
    /// The site.
    pub site: &'a Site,
    /// URL builder.
    pub urls: &'a Urls,
    /// Cross references and figures.
    pub index: &'a Index<'a>,
    /// Markdown renderer with the site's HTML policy.
    pub markdown: &'a Markdown<'p>,
    cards: Vec<ClaimCard>,
    card_values: Vec<SharedValue>,
    // Views that pages ask for thousands of times, made once.
    status_views: Vec<StatusView>,
    source_links: HashMap<&'a str, Link>,
    entity_links: HashMap<&'a str, Link>,
    // What every timeline event shows, made once and converted for templates.
    status_values: Vec<SharedValue>,
    source_values: HashMap<&'a str, SharedValue>,
    date_values: HashMap<Date, SharedValue>,
    // How git's verdict changes of each claim meet its `[[history]]`
    // (empty without history), worked out once for its page and every list.
    git_verdicts: Vec<Option<GitVerdicts<'a>>>,
}

impl<'a, 'p> Viewer<'a, 'p> {
    /// A viewer over `site`, computing every claim card up front.
    pub(super) fn new(
        site: &'a Site,
        urls: &'a Urls,
        index: &'a Index<'a>,
        markdown: &'a Markdown<'p>,
    ) -> Self {
        let mut viewer = Viewer {
            site,
            urls,
            index,
            markdown,
            cards: Vec::new(),
            card_values: Vec::new(),
            status_views: Vec::new(),
            source_links: HashMap::new(),
            entity_links: HashMap::new(),
            status_values: Vec::new(),
            source_values: HashMap::new(),
            date_values: HashMap::new(),
            git_verdicts: every_claims_git_verdicts(site),
        };
        let statuses = site.config.statuses.iter();
        viewer.status_views = statuses.map(|s| viewer.make_status(&s.id)).collect();
        let sources = site.sources.iter();
        viewer.source_links = sources
            .map(|(id, source)| (id.as_str(), viewer.make_link("sources", id, &source.name)))
            .collect();
        let entities = site.entities.iter();
        viewer.entity_links = entities
            .map(|(id, entity)| (id.as_str(), viewer.make_link("entities", id, &entity.name)))
            .collect();
        viewer.status_values = viewer.status_views.iter().map(shared).collect();
        let source_links = viewer.source_links.iter();
        viewer.source_values = source_links.map(|(&id, link)| (id, shared(link))).collect();
        let dates = index.timeline.events().iter().map(|event| event.date);
        viewer.date_values = dates.map(|date| (date, shared(&date_view(date)))).collect();
        let claims = site.claims.par_iter().zip(&index.tag_slugs);
        viewer.cards = claims
            .map(|(claim, slugs)| viewer.make_card(claim, slugs.clone()))
            .collect();
        viewer.card_values = viewer.cards.par_iter().map(shared).collect();
        viewer
    }

    /// The theme's words in the site's language.
    pub(super) fn t(&self) -> &'a Translations {
        &self.site.config.translations
    }

    /// A status view, by id.
    pub(super) fn status(&self, id: &str) -> StatusView {
        let made = self.status_views.iter().find(|status| status.id == id);
        made.cloned().unwrap_or_else(|| self.make_status(id))
    }

    fn make_status(&self, id: &str) -> StatusView {
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
            color: badge_background(&def.color),
            id: def.id,
            label: def.label,
            description: def.description,
        }
    }

    /// Every status in display order.
    pub(super) fn statuses(&self) -> Vec<StatusView> {
        self.status_views.clone()
    }

    /// How many of `claims` (indices) have each status, in display order.
    pub(super) fn status_counts(&self, claims: &[usize]) -> Vec<StatusCount> {
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

    /// A link to a source, by id (named by its id if the site has no such source).
    pub(super) fn source_link(&self, id: &str) -> Link {
        let made = self.source_links.get(id).cloned();
        made.unwrap_or_else(|| self.make_link("sources", id, id))
    }

    /// A link to an entity, by id (named by its id if the site has no such entity).
    pub(super) fn entity_link(&self, id: &str) -> Link {
        let made = self.entity_links.get(id).cloned();
        made.unwrap_or_else(|| self.make_link("entities", id, id))
    }

    /// A link to the page of `id` in `folder` (`sources`, `entities`).
    fn make_link(&self, folder: &str, id: &str, name: &str) -> Link {
        link(id, name, self.urls.path(&format!("{folder}/{id}/")))
    }

    /// The card of claim `i`, borrowed.
    pub(super) fn card_ref(&self, i: usize) -> &ClaimCard {
        &self.cards[i]
    }

    /// The card of claim `i`.
    pub(super) fn card(&self, i: usize) -> ClaimCard {
        self.cards[i].clone()
    }

    /// The card of a claim of this site, found by its place in the date order.
    pub(super) fn card_of(&self, claim: &Claim) -> ClaimCard {
        let found = self
            .site
            .claims
            .binary_search_by(|c| claim.date.cmp(&c.date).then_with(|| c.id.cmp(&claim.id)));
        match found {
            Ok(i) => self.card(i),
            Err(_) => self.make_card(claim, claim.tags.iter().map(|t| tag_slug(t)).collect()),
        }
    }

    /// The card of claim `i`, ready for a template.
    pub(super) fn card_value(&self, i: usize) -> SharedValue {
        self.card_values[i].clone()
    }

    /// The cards of claims `indices`, in that order, ready for a template.
    pub(super) fn cards(&self, indices: &[usize]) -> Vec<SharedValue> {
        indices.iter().map(|&i| self.card_value(i)).collect()
    }

    /// The card of `claim`, whose tags have the slugs `tag_slugs`.
    fn make_card(&self, claim: &Claim, tag_slugs: Vec<String>) -> ClaimCard {
        ClaimCard {
            id: claim.id.clone(),
            url: self.urls.path(&format!("claims/{}/", claim.id)),
            title: claim.title.clone(),
            date: date_view(claim.date),
            status: self.status(&claim.status),
            claimant: self.source_link(&claim.claimant),
            entity_ids: claim.entities.clone(),
            filter_entities: claim.entities.join(" "),
            filter_tags: tag_slugs.join(" "),
            tag_slugs,
            summary: claim
                .summary
                .clone()
                .unwrap_or_else(|| claim.excerpt.clone()),
            draft: claim.draft,
        }
    }

    /// Timeline events as views.
    pub(super) fn events(&self, events: &[Event]) -> Vec<EventView> {
        events.iter().map(|event| self.event(event)).collect()
    }

    /// How git's verdict changes of claim `i` meet its `[[history]]`, if git
    /// has a history of it.
    pub(super) fn git_verdicts(&self, i: usize) -> Option<&GitVerdicts<'a>> {
        self.git_verdicts.get(i)?.as_ref()
    }

    /// What git says about the events of claim `i`: nothing without history.
    pub(super) fn git_wording(&self, i: usize) -> GitWording<'a> {
        GitWording::of(self.git_verdicts(i))
    }

    fn event(&self, event: &Event) -> EventView {
        let claim = &self.site.claims[event.claim];
        let git = self.git_wording(event.claim);
        let facts = event_facts(&self.site.config, claim, event, git);
        EventView {
            date: self.date_value(event.date),
            kind: facts.kind,
            kind_label: facts.label,
            claim: self.card_value(event.claim),
            source: facts.source.map(|id| self.source_value(id)),
            status: facts.status.map(|id| self.status_value(id)),
            note: facts.note.map(str::to_string),
        }
    }

    /// [`Viewer::source_link`], converted for templates.
    fn source_value(&self, id: &str) -> SharedValue {
        let made = self.source_values.get(id).cloned();
        made.unwrap_or_else(|| shared(&self.source_link(id)))
    }

    /// [`Viewer::status`], converted for templates.
    fn status_value(&self, id: &str) -> SharedValue {
        let made = self.status_views.iter().position(|status| status.id == id);
        made.map_or_else(
            || shared(&self.status(id)),
            |at| self.status_values[at].clone(),
        )
    }

    /// [`date_view`], converted for templates.
    fn date_value(&self, date: Date) -> SharedValue {
        let made = self.date_values.get(&date).cloned();
        made.unwrap_or_else(|| shared(&date_view(date)))
    }

    /// Events grouped by month, newest first.
    pub(super) fn months(&self, events: &[Event]) -> Vec<EventMonth> {
        let mut months: Vec<EventMonth> = Vec::new();
        let mut current = None;
        for event in events {
            let (year, month) = (event.date.year(), u8::from(event.date.month()));
            match months.last_mut() {
                Some(last) if current == Some((year, month)) => last.events.push(self.event(event)),
                _ => {
                    current = Some((year, month));
                    months.push(EventMonth {
                        id: format!("{year}-{month:02}"),
                        label: self.t().month_label(year, month),
                        events: vec![self.event(event)],
                    });
                }
            }
        }
        months
    }

    /// An entity view.
    pub(super) fn entity(&self, entity: &Entity) -> EntityView {
        EntityView {
            id: entity.id.clone(),
            name: entity.name.clone(),
            kind: entity.kind.as_str().to_string(),
            url: self.urls.path(&format!("entities/{}/", entity.id)),
            homepage: entity.url.clone(),
            parent: entity.parent.as_deref().map(|p| self.entity_link(p)),
            aliases: entity.aliases.clone(),
            claim_count: self.index.claims_about(&entity.id).len(),
            body_html: self.markdown.render(&entity.body),
        }
    }

    /// A source view with its track record.
    pub(super) fn source(&self, source: &Source) -> SourceView {
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
            kind: source.kind.as_str().to_string(),
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
            body_html: self.markdown.render(&source.body),
        }
    }

    /// The claims `source` cites, each with the stances it took.
    pub(super) fn cited_claims(&self, source: &str) -> Vec<CitedClaim> {
        let cited = self.index.cited.get(source).map_or(&[][..], Vec::as_slice);
        self.cited_claims_of(source, cited)
    }

    /// Claims `claims` (indices), each with the stances `source` took on it.
    pub(super) fn cited_claims_of(&self, source: &str, claims: &[usize]) -> Vec<CitedClaim> {
        self.stances_on(claims, |c| c.source == source)
    }

    /// Claims `claims` (indices), each with the stances of its citations
    /// that `counts` picks.
    pub(super) fn stances_on(
        &self,
        claims: &[usize],
        counts: impl Fn(&Citation) -> bool,
    ) -> Vec<CitedClaim> {
        claims
            .iter()
            .map(|&i| CitedClaim {
                claim: self.card_value(i),
                stances: self.site.claims[i]
                    .citations
                    .iter()
                    .filter(|c| counts(c))
                    .map(|c| c.stance.as_str().to_string())
                    .collect(),
            })
            .collect()
    }
}

/// `view` converted for templates, to be shared.
pub(super) fn shared(view: &impl serde::Serialize) -> SharedValue {
    SharedValue::from_serializable(view)
}

/// A named link.
pub(super) fn link(id: &str, name: &str, url: String) -> Link {
    Link {
        id: id.to_string(),
        name: name.to_string(),
        url,
    }
}
