//! Which claims each document makes (appearances) and which cite it as
//! evidence (citations), as lists of claim indices, newest first.

use std::collections::BTreeMap;

use crate::model::Claim;

/// The claims of each document, by document id.
#[derive(Debug, Default)]
pub(crate) struct DocumentClaims<'a> {
    /// Claims made in each document: those with an appearance pointing at it.
    made: BTreeMap<&'a str, Vec<usize>>,
    /// Claims citing each document as evidence.
    cited: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> DocumentClaims<'a> {
    /// Records claim `i`'s documents; claims must come in index order.
    pub(crate) fn add(&mut self, i: usize, claim: &'a Claim) {
        let made = claim
            .appearances
            .iter()
            .filter_map(|a| a.document.as_deref());
        for document in made {
            push_once(self.made.entry(document).or_default(), i);
        }
        let cited = claim.citations.iter().filter_map(|c| c.document.as_deref());
        for document in cited {
            push_once(self.cited.entry(document).or_default(), i);
        }
    }

    /// The claims made in `document`, newest first.
    pub(crate) fn made_in(&self, document: &str) -> &[usize] {
        self.made.get(document).map_or(&[], Vec::as_slice)
    }

    /// The claims citing `document` as evidence, newest first.
    pub(crate) fn citing(&self, document: &str) -> &[usize] {
        self.cited.get(document).map_or(&[], Vec::as_slice)
    }
}

/// Adds claim `i` unless it is already last: a claim naming a document twice
/// is listed once.
fn push_once(claims: &mut Vec<usize>, i: usize) {
    if claims.last() != Some(&i) {
        claims.push(i);
    }
}
