//! `[import]` in `site.toml`: how `claimtrail import` maps the verdicts of
//! other fact-checkers (a ClaimReview's `textualRating`, a spreadsheet's
//! status column) onto this site's statuses.

use std::collections::BTreeMap;

use super::StatusDef;
use crate::diagnostic::did_you_mean;
use crate::fields::{Fields, Located, merge};

const IMPORT_KEYS: &[&str] = &["ratings"];

/// The key of `[import.ratings]` naming the status of every other rating.
pub const FALLBACK_KEY: &str = "fallback";

/// `[import]`: the rating table, keys lowercased.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSettings {
    /// Whether `site.toml` has an `[import.ratings]` table at all.
    pub has_ratings: bool,
    /// Lowercased rating text (`"mostly true"`) to status id.
    pub ratings: BTreeMap<String, String>,
    /// The status of a rating the table does not name (`fallback = "unverified"`).
    pub fallback: Option<String>,
}

impl ImportSettings {
    /// The status for `rating` (matched case-insensitively, spaces trimmed),
    /// and whether the table named it (`false`: the fallback was used).
    pub fn status_for(&self, rating: &str) -> Option<(&str, bool)> {
        let key = rating.trim().to_lowercase();
        match self.ratings.get(&key) {
            Some(status) => Some((status, true)),
            None => self.fallback.as_deref().map(|status| (status, false)),
        }
    }
}

/// Reads `[import]`, checking each status against the site's `statuses`.
pub(super) fn read_import(fields: &mut Fields, statuses: &[StatusDef]) -> ImportSettings {
    let mut settings = ImportSettings::default();
    let Some(mut import) = fields.table("import", IMPORT_KEYS) else {
        return settings;
    };
    if let Some(mut ratings) = import.table("ratings", &[]) {
        settings.has_ratings = true;
        for (key, status) in ratings.keyed_strings() {
            if !check_status(&mut ratings, &status, statuses) {
                continue;
            }
            let rating = key.value.trim().to_lowercase();
            if rating == FALLBACK_KEY {
                settings.fallback = Some(status.value);
            } else if settings.ratings.insert(rating, status.value).is_some() {
                let message = format!(
                    "the rating `{}` is in [import.ratings] twice (ratings match whatever their case)",
                    key.value
                );
                ratings.error(key.span, message, None);
            }
        }
        if settings.fallback.is_none() {
            let span = ratings.span();
            ratings.error(
                span,
                "[import.ratings] has no `fallback`: the status of a rating the table does not name".into(),
                Some(format!("add `{FALLBACK_KEY} = \"unverified\"` (or another status id) to [import.ratings]")),
            );
        }
        merge(&mut import, ratings);
    }
    merge(fields, import);
    settings
}

/// True when `status` is one of `statuses`; else reports it at its value.
fn check_status(fields: &mut Fields, status: &Located<String>, statuses: &[StatusDef]) -> bool {
    if statuses.iter().any(|s| s.id == status.value) {
        return true;
    }
    let ids: Vec<&str> = statuses.iter().map(|s| s.id.as_str()).collect();
    let hint = did_you_mean(&status.value, ids.iter().copied())
        .unwrap_or_else(|| format!("the statuses are: {}", ids.join(", ")));
    fields.error(
        status.span.clone(),
        format!("`{}` is not a status of this site", status.value),
        Some(hint),
    );
    false
}

#[cfg(test)]
mod tests {
    use crate::config::parse;
    use crate::diagnostic::Diagnostics;

    const SITE: &str = "title = \"T\"\nbase_url = \"https://example.org/\"\n";

    fn read(import: &str) -> (Option<super::ImportSettings>, Vec<String>) {
        let mut diagnostics = Diagnostics::new();
        let config = parse(&format!("{SITE}{import}"), &mut diagnostics);
        let problems = (diagnostics.sorted().into_iter())
            .map(|d| format!("{}: {} ({:?})", d.file, d.message, diagnostics.position(d)))
            .collect();
        (config.map(|c| c.import), problems)
    }

    #[test]
    fn ratings_match_whatever_their_case_and_others_fall_back() {
        let (settings, problems) = read(
            "[import.ratings]\n\"False\" = \"refuted\"\n\"mostly true\" = \"supported\"\nfallback = \"unverified\"\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let settings = settings.unwrap();
        assert_eq!(settings.status_for("FALSE"), Some(("refuted", true)));
        assert_eq!(
            settings.status_for(" Mostly True "),
            Some(("supported", true))
        );
        assert_eq!(
            settings.status_for("Pants on fire"),
            Some(("unverified", false))
        );
    }

    #[test]
    fn an_unknown_status_and_a_missing_fallback_are_located_errors() {
        let (settings, problems) = read("[import.ratings]\n\"false\" = \"refuteed\"\n");
        assert!(settings.is_none());
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`refuteed` is not a status of this site")
                    && p.contains("line: 4")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("has no `fallback`") && p.contains("line: 3")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_site_without_the_table_has_none() {
        let (settings, problems) = read("");
        assert!(problems.is_empty());
        assert!(!settings.unwrap().has_ratings);
    }
}
