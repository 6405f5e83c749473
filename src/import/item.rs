//! What every importer reads its input into: claims, with who made them,
//! where, and who reviewed them, before any file is planned.

use time::Date;

/// Someone who makes or publishes: a claimant, a fact-checker, a publisher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Party {
    /// The name, as the input gives it (one line).
    pub name: String,
    /// The homepage, when the input gives one.
    pub url: Option<String>,
}

/// Where the claim was made.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Appearance {
    /// The address of the document.
    pub url: Option<String>,
    /// The document's title; with a `url`, the appearance becomes a document file.
    pub title: Option<String>,
    /// When the document was published.
    pub date: Option<Date>,
    /// Who published it, when not the claimant.
    pub publisher: Option<Party>,
    /// The claim's words, as the document has them.
    pub quote: Option<String>,
}

/// Another fact-checker's review of the claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Review {
    /// Who reviewed it.
    pub publisher: Party,
    /// The review's address.
    pub url: Option<String>,
    /// The review's title.
    pub title: Option<String>,
    /// When it was published.
    pub date: Option<Date>,
    /// The verdict in the reviewer's words (`textualRating`, `alternateName`).
    pub rating: Option<String>,
}

/// How an item's status is decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// From the first review's rating, through `[import.ratings]`.
    FromReviews,
    /// Given in the input: a status id of the site, else a rating mapped
    /// through `[import.ratings]`.
    Given(String),
}

/// One claim to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    /// How messages name the item: `item 3`, `claims.csv:4`.
    pub label: String,
    /// The claim, in one line: the claim's title.
    pub text: String,
    /// When the claim was made.
    pub date: Date,
    /// Who made it.
    pub claimant: Party,
    /// Where it was made.
    pub appearances: Vec<Appearance>,
    /// What others concluded.
    pub reviews: Vec<Review>,
    /// How its status is decided.
    pub verdict: Verdict,
    /// Free words.
    pub tags: Vec<String>,
    /// One sentence for lists.
    pub summary: Option<String>,
}

/// Whitespace runs (line breaks included) folded into one space, trimmed:
/// every imported text is one line.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date written `YYYY-MM-DD`, or the date part of an RFC 3339 timestamp
/// (`2026-04-23T10:00:00Z`), as ClaimReview and the Fact Check Tools API write them.
pub(crate) fn date_of(text: &str) -> Option<Date> {
    let text = text.trim();
    let day = text.get(..10)?;
    if text.len() > 10 && !text[10..].starts_with(['T', 't', ' ']) {
        return None;
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(day, format)
        .ok()
        .filter(|date| (1..=9999).contains(&date.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_timestamps_give_their_day() {
        assert_eq!(
            date_of("2026-04-23").map(|d| d.to_string()),
            Some("2026-04-23".into())
        );
        assert_eq!(
            date_of("2026-04-23T10:00:00Z").map(|d| d.to_string()),
            Some("2026-04-23".into())
        );
        assert_eq!(date_of("2026-02-31"), None);
        assert_eq!(date_of("31/02/2026"), None);
        assert_eq!(date_of("2026-04-23x"), None);
        assert_eq!(date_of("é"), None);
    }

    #[test]
    fn text_becomes_one_line() {
        assert_eq!(one_line("  a\n\tb  c "), "a b c");
    }
}
