//! Every URL the site cites, once, with the dates and quotes citing it:
//! documents' own URLs, claims' appearances and their evidence.

use std::collections::{BTreeMap, BTreeSet};

use time::Date;

use crate::diagnostic::did_you_mean;
use crate::model::Site;

/// One cited URL and what cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedUrl {
    /// The URL exactly as written in content.
    pub url: String,
    /// The dates of the documents, appearances and citations giving it.
    pub dates: BTreeSet<Date>,
    /// The distinct quotes taken from it.
    pub quotes: BTreeSet<String>,
    /// The ids of the claims and documents citing it.
    pub cited_by: BTreeSet<String>,
}

impl CitedUrl {
    /// The date a capture should not be after: the earliest citing date, when there is one.
    pub fn not_after(&self) -> Option<Date> {
        self.dates.first().copied()
    }
}

/// Every cited URL of `site`, sorted by URL.
pub(crate) fn collect(site: &Site) -> Vec<CitedUrl> {
    let mut urls: BTreeMap<String, CitedUrl> = BTreeMap::new();
    let mut cite = |url: &Option<String>, date: Option<Date>, quote: &Option<String>, by: &str| {
        let Some(url) = url else { return };
        let entry = urls.entry(url.clone()).or_insert_with(|| CitedUrl {
            url: url.clone(),
            dates: BTreeSet::new(),
            quotes: BTreeSet::new(),
            cited_by: BTreeSet::new(),
        });
        entry.dates.extend(date);
        entry.quotes.extend(quote.clone());
        entry.cited_by.insert(by.to_string());
    };
    for document in site.documents.values() {
        cite(&document.url, document.date, &None, &document.id);
    }
    for claim in &site.claims {
        for appearance in &claim.appearances {
            cite(
                &appearance.url,
                appearance.date,
                &appearance.quote,
                &claim.id,
            );
        }
        for citation in &claim.citations {
            cite(&citation.url, citation.date, &citation.quote, &claim.id);
        }
    }
    urls.into_values().collect()
}

/// The URLs cited by the claims and documents named in `only` (all when it
/// is empty), or the ids that name neither, each with a hint.
pub(crate) fn select(
    urls: Vec<CitedUrl>,
    only: &[String],
    site: &Site,
) -> Result<Vec<CitedUrl>, Vec<String>> {
    if only.is_empty() {
        return Ok(urls);
    }
    let claim_ids = site.claims.iter().map(|claim| claim.id.as_str());
    let known: BTreeSet<&str> = claim_ids
        .chain(site.documents.keys().map(String::as_str))
        .collect();
    let unknown: Vec<String> = only
        .iter()
        .filter(|id| !known.contains(id.as_str()))
        .map(|id| {
            let hint = did_you_mean(id, known.iter().copied())
                .map(|hint| format!("; {hint}"))
                .unwrap_or_default();
            format!("--only {id}: no claim or document has this id{hint}")
        })
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    Ok(urls
        .into_iter()
        .filter(|cited| only.iter().any(|id| cited.cited_by.contains(id)))
        .collect())
}
