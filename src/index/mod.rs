//! Cross references and figures computed once per build: claims by entity,
//! tag, status and source; the entity tree; the timeline; tallies,
//! first-party citations, agreement rates and contested claims.
//!
//! Everything here is plain data about the model, with no URLs or HTML, so
//! the numbers readers see can be tested directly.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::config::Verdict;
use crate::ids::tag_slug;
use crate::model::{Citation, Claim, Site};
use crate::parse::Stance;

mod documents;
mod facet_keys;
mod family;
mod timeline;

pub(crate) use documents::DocumentClaims;
pub(crate) use facet_keys::FacetKeys;
pub(crate) use family::Family;
pub(crate) use timeline::{Event, EventKind, Timeline, claim_events};

/// Claims made in one month (year, month 1-12), by status id.
pub(crate) type MonthCounts<'a> = (i32, u8, BTreeMap<&'a str, usize>);

/// How a claim's citations line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub(crate) struct Tally {
    /// Citations that support the claim.
    pub supports: usize,
    /// Citations that contradict it.
    pub contradicts: usize,
    /// Neutral citations.
    pub neutral: usize,
    /// Distinct supporting sources that are neither the claimant nor first-party.
    pub independent_supporters: usize,
}

/// A source's track record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct SourceRecord {
    /// Claims it originated.
    pub originated: usize,
    /// Citations it gave.
    pub citations: usize,
    /// Its originated claims by current status.
    pub originated_by_status: BTreeMap<String, usize>,
    /// Of its supporting or contradicting citations on claims whose status is
    /// rated true or false (see [`crate::config::StatusDef::verdict`]), how many
    /// agree with the verdict.
    pub agreeing: usize,
    /// How many citations the agreement rate is computed from.
    pub judged: usize,
}

/// How many claims on each side (in time) of a claim are candidates for "related".
const RELATED_WINDOW: usize = 64;

/// `counted` (claim, count) pairs sorted by claim, with one more for each of
/// `claims` (sorted, no repeats): the merge of the two, still sorted.
fn merge_counts(
    counted: &[(usize, usize)],
    claims: impl Iterator<Item = usize>,
) -> Vec<(usize, usize)> {
    let mut merged = Vec::with_capacity(counted.len() + RELATED_WINDOW * 2);
    let mut counted = counted.iter().copied().peekable();
    for claim in claims {
        while let Some(earlier) = counted.next_if(|&(other, _)| other < claim) {
            merged.push(earlier);
        }
        let count = counted
            .next_if(|&(other, _)| other == claim)
            .map_or(0, |(_, n)| n);
        merged.push((claim, count + 1));
    }
    merged.extend(counted);
    merged
}

/// Lookups over the claims of a site; claim lists are indices into `site.claims`,
/// which is sorted newest first, so every list is newest first too.
pub(crate) struct Index<'a> {
    /// The site.
    pub site: &'a Site,
    /// Claims about each entity.
    pub by_entity: BTreeMap<&'a str, Vec<usize>>,
    /// Display name and claims of each tag slug.
    pub by_tag: BTreeMap<String, (String, Vec<usize>)>,
    /// Claims with each status.
    pub by_status: BTreeMap<&'a str, Vec<usize>>,
    /// Claims each source originated.
    pub originated: BTreeMap<&'a str, Vec<usize>>,
    /// Claims each source is cited on (as evidence).
    pub cited: BTreeMap<&'a str, Vec<usize>>,
    /// Claims each document makes and is cited in.
    pub documents: DocumentClaims<'a>,
    /// The entity tree.
    pub family: Family<'a>,
    /// Every event of every claim, newest first.
    pub timeline: Timeline,
    /// Claims with both supporting and contradicting citations, most cited first.
    pub contested: Vec<usize>,
    /// The slugs of each claim's tags, in the order the tags are written.
    pub tag_slugs: Vec<Vec<String>>,
    /// What list pages' filters count, by number.
    pub facet_keys: FacetKeys,
    /// The verdict of each status id that has one.
    verdicts: HashMap<&'a str, Verdict>,
}

impl<'a> Index<'a> {
    /// Computes every lookup for `site`.
    pub(crate) fn new(site: &'a Site) -> Index<'a> {
        let mut index = Index {
            site,
            by_entity: BTreeMap::new(),
            by_tag: BTreeMap::new(),
            by_status: BTreeMap::new(),
            originated: BTreeMap::new(),
            cited: BTreeMap::new(),
            documents: DocumentClaims::default(),
            family: Family::new(&site.entities),
            timeline: Timeline::new(&site.claims),
            contested: Vec::new(),
            tag_slugs: Vec::with_capacity(site.claims.len()),
            facet_keys: FacetKeys::default(),
            verdicts: verdicts(site),
        };
        for (i, claim) in site.claims.iter().enumerate() {
            index.add_claim(i, claim);
        }
        index.contested = contested(&site.claims);
        index.facet_keys = FacetKeys::new(&site.claims, &index.tag_slugs);
        index
    }

    fn add_claim(&mut self, i: usize, claim: &'a Claim) {
        for entity in &claim.entities {
            self.by_entity.entry(entity).or_default().push(i);
        }
        let slugs: Vec<String> = claim.tags.iter().map(|tag| tag_slug(tag)).collect();
        for (tag, slug) in claim.tags.iter().zip(&slugs) {
            self.by_tag
                .entry(slug.clone())
                .or_insert_with(|| (tag.clone(), Vec::new()))
                .1
                .push(i);
        }
        self.tag_slugs.push(slugs);
        self.by_status.entry(&claim.status).or_default().push(i);
        self.originated.entry(&claim.claimant).or_default().push(i);
        let sources: BTreeSet<&str> = claim.citations.iter().map(|c| c.source.as_str()).collect();
        for source in sources {
            self.cited.entry(source).or_default().push(i);
        }
        self.documents.add(i, claim);
    }

    /// Claims listing `entity`, newest first.
    pub(crate) fn claims_about(&self, entity: &str) -> &[usize] {
        self.by_entity.get(entity).map_or(&[], Vec::as_slice)
    }

    /// Whether a citation comes from a source speaking for the claim's own
    /// entity or one of that entity's parents.
    pub(crate) fn is_first_party(&self, claim: &Claim, citation: &Citation) -> bool {
        let Some(speaks_for) = self
            .site
            .sources
            .get(&citation.source)
            .and_then(|s| s.entity.as_deref())
        else {
            return false;
        };
        claim
            .entities
            .iter()
            .any(|entity| self.family.is_within(entity, speaks_for))
    }

    /// The claim's stance counts and its independent supporters.
    pub(crate) fn tally(&self, claim: &Claim) -> Tally {
        let mut tally = Tally::default();
        let mut independent = BTreeSet::new();
        for citation in &claim.citations {
            match citation.stance {
                Stance::Supports => {
                    tally.supports += 1;
                    // The claimant repeating itself, or a source speaking for the
                    // claim's subject, is not independent confirmation.
                    if citation.source != claim.claimant && !self.is_first_party(claim, citation) {
                        independent.insert(citation.source.as_str());
                    }
                }
                Stance::Contradicts => tally.contradicts += 1,
                Stance::Neutral => tally.neutral += 1,
            }
        }
        tally.independent_supporters = independent.len();
        tally
    }

    /// A source's originated claims, citations and agreement with verdicts.
    pub(crate) fn source_record(&self, source: &str) -> SourceRecord {
        let mut record = SourceRecord::default();
        for &i in self.originated.get(source).map_or(&[][..], Vec::as_slice) {
            record.originated += 1;
            *record
                .originated_by_status
                .entry(self.site.claims[i].status.clone())
                .or_default() += 1;
        }
        for &i in self.cited.get(source).map_or(&[][..], Vec::as_slice) {
            let claim = &self.site.claims[i];
            for citation in claim.citations.iter().filter(|c| c.source == source) {
                record.citations += 1;
                let verdict = self.verdicts.get(claim.status.as_str());
                let agrees = match (verdict, citation.stance) {
                    (Some(Verdict::True), Stance::Supports)
                    | (Some(Verdict::False), Stance::Contradicts) => true,
                    (Some(Verdict::True), Stance::Contradicts)
                    | (Some(Verdict::False), Stance::Supports) => false,
                    _ => continue,
                };
                record.judged += 1;
                record.agreeing += usize::from(agrees);
            }
        }
        record
    }

    /// Up to `limit` other claims sharing the most entities with claim `i`;
    /// among equals, the closest in time.
    pub(crate) fn related(&self, i: usize, limit: usize) -> Vec<usize> {
        // (claim, shared entities), by claim: each entity's candidates are a
        // sorted slice, merged in one pass, so no map is built per claim page.
        let mut shared: Vec<(usize, usize)> = Vec::new();
        for entity in &self.site.claims[i].entities {
            // Only the claims nearest in time are candidates, so an entity that
            // every claim mentions does not make this quadratic.
            let about = self.claims_about(entity);
            let at = about
                .binary_search(&i)
                .unwrap_or_else(|insert_at| insert_at);
            let window = &about
                [at.saturating_sub(RELATED_WINDOW)..(at + RELATED_WINDOW + 1).min(about.len())];
            shared = merge_counts(&shared, window.iter().copied().filter(|&other| other != i));
        }
        let rank = |a: &(usize, usize), b: &(usize, usize)| {
            b.1.cmp(&a.1)
                .then(a.0.abs_diff(i).cmp(&b.0.abs_diff(i)))
                .then(a.0.cmp(&b.0))
        };
        if shared.len() > limit {
            shared.select_nth_unstable_by(limit, rank);
            shared.truncate(limit);
        }
        shared.sort_unstable_by(rank);
        shared.into_iter().map(|(other, _)| other).collect()
    }

    /// Claims per month and status, from the first claim's month to the last's.
    pub(crate) fn monthly_counts(&self) -> Vec<MonthCounts<'a>> {
        let mut counts: BTreeMap<(i32, u8), BTreeMap<&'a str, usize>> = BTreeMap::new();
        for claim in &self.site.claims {
            let month = (claim.date.year(), u8::from(claim.date.month()));
            *counts
                .entry(month)
                .or_default()
                .entry(&claim.status)
                .or_default() += 1;
        }
        let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
            return Vec::new();
        };
        let mut months = Vec::new();
        let mut month = first;
        while month <= last {
            months.push((month.0, month.1, counts.remove(&month).unwrap_or_default()));
            month = if month.1 == 12 {
                (month.0 + 1, 1)
            } else {
                (month.0, month.1 + 1)
            };
        }
        months
    }

    /// The newest verdict changes: (claim index, history index), newest first.
    pub(crate) fn recent_verdicts(&self, limit: usize) -> Vec<(usize, usize)> {
        self.timeline
            .events()
            .iter()
            .filter_map(|e| match e.kind {
                EventKind::Verdict(h) => Some((e.claim, h)),
                _ => None,
            })
            .take(limit)
            .collect()
    }
}

/// The verdict of each of the site's statuses that has one, by id.
fn verdicts(site: &Site) -> HashMap<&str, Verdict> {
    let statuses = site.config.statuses.iter();
    statuses
        .filter_map(|status| Some((status.id.as_str(), status.verdict()?)))
        .collect()
}

fn contested(claims: &[Claim]) -> Vec<usize> {
    let mut contested: Vec<(usize, usize)> = claims
        .iter()
        .enumerate()
        .filter_map(|(i, claim)| {
            let supports = claim
                .citations
                .iter()
                .filter(|c| c.stance == Stance::Supports)
                .count();
            let contradicts = claim
                .citations
                .iter()
                .filter(|c| c.stance == Stance::Contradicts)
                .count();
            (supports > 0 && contradicts > 0).then_some((i, supports.min(contradicts)))
        })
        .collect();
    // Most balanced disagreement first, then newest.
    contested.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    contested.into_iter().map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests;
