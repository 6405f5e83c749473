//! The claim page's view: where it was made, the evidence compared, tally,
//! spread, timeline and citation formats.

use super::charts;
use super::evidence_view::{copy_view, quote_check_view};
use super::format::{bibtex_escape, bibtex_url, date_view, meta_description};
use super::viewer::{Viewer, link, shared};
use super::views::*;
use crate::i18n::Translations;
use crate::ids::tag_slug;
use crate::index::{Event, Tally};
use crate::model::{Citation, Claim};
use crate::parse::{Stance, Vocabulary};

/// How many related claims a claim page lists.
const RELATED_CLAIMS: usize = 5;

impl Viewer<'_, '_> {
    /// Claim `i` for its own page.
    pub(super) fn claim(&self, i: usize) -> ClaimView {
        let claim = &self.site.claims[i];
        let citations: Vec<(Stance, SharedValue)> = claim
            .citations
            .iter()
            .map(|c| (c.stance, shared(&self.citation(c, claim))))
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
                amount: AmountFields::of_in(Some(&q.amount), &q.unit, Some(self.t())),
                unit: q.unit.clone(),
            }),
            appearances: claim
                .appearances
                .iter()
                .map(|a| self.appearance(a))
                .collect(),
            citation_groups: group_by_stance(&citations),
            tally: tally_view(self.index.tally(claim), self.t()),
            spread: self.spread(claim),
            citations: citations.into_iter().map(|(_, c)| c).collect(),
            history: claim
                .history
                .iter()
                .map(|h| HistoryView {
                    date: date_view(h.date),
                    status: self.status(&h.status),
                    note: h.note.clone(),
                })
                .collect(),
            reviewed: claim.history.iter().map(|h| h.date).max().map(date_view),
            lead: claim.summary.clone(),
            language: claim.language.clone(),
            events: self.with_git_verdicts(i, &claim_timeline(i, claim)),
            provenance: self.provenance(claim),
            last_updated: date_view(self.last_changed(claim)),
            description: meta_description(&card.summary),
            body_html: self.markdown.render(&claim.body),
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
        let reported = AmountFields::of_in(citation.value.as_ref(), unit, Some(self.t()));
        let archived = citation.archived.as_ref();
        let (url, quote) = (citation.url.as_deref(), citation.quote.as_deref());
        CitationView {
            document: citation.document.as_deref().map(|d| self.document_link(d)),
            source: self.source_link(&citation.source),
            source_kind: self
                .site
                .sources
                .get(&citation.source)
                .map_or_else(String::new, |s| s.kind.as_str().to_string()),
            first_party: self.index.is_first_party(claim, citation),
            url: citation.url.clone(),
            copy: copy_view(citation.archive.as_deref(), archived, self.t()),
            quote_check: quote_check_view(
                citation.quote_check.as_ref(),
                (url, quote),
                archived,
                self.t(),
            ),
            title: citation.title.clone(),
            date: citation.date.map(date_view),
            stance: citation.stance.as_str().to_string(),
            quote: citation.quote.clone(),
            value: reported.value,
            value_display: reported.display.clone(),
            reported,
        }
    }

    fn spread(&self, claim: &Claim) -> Option<charts::DotPlot> {
        let quantity = claim.quantity.as_ref()?;
        let reported: Vec<charts::Reported> = claim
            .citations
            .iter()
            .filter_map(|c| {
                Some(charts::Reported {
                    source: self.source_link(&c.source).name,
                    amount: c.value?,
                    stance: c.stance.as_str().to_string(),
                })
            })
            .collect();
        charts::dot_plot(quantity.amount, &quantity.unit, &reported, self.t())
    }

    fn cite_text(&self, claim: &Claim, card: &ClaimCard) -> String {
        let url = self.urls.absolute(&format!("claims/{}/", claim.id));
        let date = self.t().date(self.last_changed(claim));
        self.t().fill(
            "cite_text",
            &[
                ("site", &self.site.config.title),
                ("title", &claim.title),
                ("status", &card.status.label),
                ("date", &date),
                ("url", &url),
            ],
        )
    }

    fn cite_bibtex(&self, claim: &Claim) -> String {
        let updated = self.last_changed(claim);
        format!(
            "@misc{{claimtrail-{id},\n  title = {{{title}}},\n  author = {{{{{site}}}}},\n  year = {{{year}}},\n  date = {{{date}}},\n  url = {{{url}}},\n  note = {{Status: {status}}}\n}}",
            id = claim.id,
            title = bibtex_escape(&claim.title),
            site = bibtex_escape(&self.site.config.title),
            year = updated.year(),
            date = updated,
            url = bibtex_url(&self.urls.absolute(&format!("claims/{}/", claim.id))),
            status = bibtex_escape(&self.status(&claim.status).label),
        )
    }
}

/// A claim's own events, newest first.
fn claim_timeline(i: usize, claim: &Claim) -> Vec<Event> {
    let mut events = crate::index::claim_events(i, claim);
    events.sort_by_key(|event| std::cmp::Reverse(event.date));
    events
}

/// `citations` (stance, view) grouped by stance.
fn group_by_stance(citations: &[(Stance, SharedValue)]) -> Vec<CitationGroup> {
    Stance::ALL
        .iter()
        .filter_map(|&stance| {
            let group: Vec<SharedValue> = citations
                .iter()
                .filter(|(of, _)| *of == stance)
                .map(|(_, citation)| citation.clone())
                .collect();
            (!group.is_empty()).then(|| CitationGroup {
                stance: stance.as_str().into(),
                label: stance.label().into(),
                citations: group,
            })
        })
        .collect()
}

/// The evidence counted in words: "2 supporting (1 independent source), 1 contradicting, 1 neutral".
/// Stances without evidence are left out; no evidence at all reads as nothing.
fn tally_view(tally: Tally, t: &Translations) -> TallyView {
    let mut parts = Vec::new();
    if tally.supports > 0 {
        let independent = t.count("tally_independent", tally.independent_supporters, &[]);
        let supporting = t.count("tally_supporting", tally.supports, &[]);
        parts.push(format!("{supporting} {independent}"));
    }
    if tally.contradicts > 0 {
        parts.push(t.count("tally_contradicting", tally.contradicts, &[]));
    }
    if tally.neutral > 0 {
        parts.push(t.count("tally_neutral", tally.neutral, &[]));
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
            tally_view(tally, &Translations::default()).text,
            "3 supporting (1 independent source), 1 contradicting, 2 neutral"
        );
        let tally = Tally {
            supports: 1,
            contradicts: 2,
            neutral: 0,
            independent_supporters: 0,
        };
        assert_eq!(
            tally_view(tally, &Translations::default()).text,
            "1 supporting (0 independent sources), 2 contradicting"
        );
        assert_eq!(
            tally_view(Tally::default(), &Translations::default()).text,
            "",
            "no tally of zeros"
        );
    }
}
