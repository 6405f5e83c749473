//! Every claim's status, entities and tags as numbers, for the list pages'
//! filters: a page's facets then count numbers instead of comparing strings,
//! and list them in the same order.

use std::collections::BTreeMap;

use crate::model::Claim;

/// The numbers of every claim's status, entities and tag slugs, each given
/// once per site in the sorted order of the strings they stand for.
#[derive(Default)]
pub(crate) struct FacetKeys {
    statuses: Vec<String>,
    entities: Vec<String>,
    tags: Vec<String>,
    claims: Vec<ClaimKeys>,
}

/// One claim's numbers in [`FacetKeys`].
pub(crate) struct ClaimKeys {
    /// The number of its status.
    pub status: usize,
    /// The numbers of its entities, in the order they are written.
    pub entities: Vec<usize>,
    /// The numbers of its tag slugs, in the order the tags are written.
    pub tags: Vec<usize>,
}

impl FacetKeys {
    /// The numbers of `claims`, whose tags have the slugs `tag_slugs` (one
    /// list per claim).
    pub(crate) fn new(claims: &[Claim], tag_slugs: &[Vec<String>]) -> Self {
        let statuses = numbering(claims.iter().map(|claim| &claim.status));
        let entities = numbering(claims.iter().flat_map(|claim| &claim.entities));
        let tags = numbering(tag_slugs.iter().flatten());
        let claims = claims
            .iter()
            .zip(tag_slugs)
            .map(|(claim, slugs)| ClaimKeys {
                status: statuses[claim.status.as_str()],
                entities: claim
                    .entities
                    .iter()
                    .map(|e| entities[e.as_str()])
                    .collect(),
                tags: slugs.iter().map(|slug| tags[slug.as_str()]).collect(),
            })
            .collect();
        FacetKeys {
            statuses: statuses.into_keys().map(str::to_string).collect(),
            entities: entities.into_keys().map(str::to_string).collect(),
            tags: tags.into_keys().map(str::to_string).collect(),
            claims,
        }
    }

    /// The numbers of claim `i` (an index into `site.claims`).
    pub(crate) fn claim(&self, i: usize) -> &ClaimKeys {
        &self.claims[i]
    }

    /// The number of the status `id`, or `None` when no claim has it.
    pub(crate) fn status_number(&self, id: &str) -> Option<usize> {
        self.statuses
            .binary_search_by(|status| status.as_str().cmp(id))
            .ok()
    }

    /// The number of the entity `id`, or `None` when no claim is about it.
    pub(crate) fn entity_number(&self, id: &str) -> Option<usize> {
        self.entities
            .binary_search_by(|entity| entity.as_str().cmp(id))
            .ok()
    }

    /// The entity id numbered `number`.
    pub(crate) fn entity(&self, number: usize) -> &str {
        &self.entities[number]
    }

    /// The tag slug numbered `number`.
    pub(crate) fn tag(&self, number: usize) -> &str {
        &self.tags[number]
    }
}

/// Each distinct string of `all`, numbered in sorted order.
fn numbering<'s>(all: impl Iterator<Item = &'s String>) -> BTreeMap<&'s str, usize> {
    let mut numbers: BTreeMap<&str, usize> = all.map(|s| (s.as_str(), 0)).collect();
    for (n, number) in numbers.values_mut().enumerate() {
        *number = n;
    }
    numbers
}
