//! Names for the kinds of warning a site often holds many of at once.

/// A kind of warning that a site can hold many of at once (every citation
/// without a link, say), named so that a report can print them as one line:
/// "20 citations have no url or archive". Warnings without a code are grouped
/// only with warnings of the same message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A citation with neither `url` nor `archive`.
    CitationWithoutLink,
    /// An appearance with neither `url` nor `archive` (nor a `document`).
    AppearanceWithoutLink,
    /// A document file with neither `url` nor `archive`.
    DocumentWithoutLink,
    /// An old-format citation by the claimant, read as an appearance.
    CitationIsAppearance,
    /// A claim with no appearance: nothing says where it was made.
    NoAppearance,
    /// An inline appearance or citation of a document that three or more
    /// claims write out, which a document file could hold once.
    RepeatedDocument,
    /// A tag spelled differently from the first claim that uses it.
    TagSpelledTwoWays,
    /// A source that no claim cites or names as claimant.
    UnusedSource,
    /// An entity that no claim is about.
    UnusedEntity,
    /// A document that no appearance or citation points at.
    UnusedDocument,
    /// A quote whose text is not the one `claimtrail archive` checked.
    QuoteChanged,
    /// A quote `claimtrail archive` did not find in the archived copy.
    QuoteNotFound,
}

impl Code {
    /// What several warnings of this kind are, written to follow their count:
    /// "citations have no url or archive".
    pub fn plural(self) -> &'static str {
        match self {
            Code::CitationWithoutLink => "citations have no url or archive",
            Code::AppearanceWithoutLink => "appearances have no url or archive",
            Code::DocumentWithoutLink => "documents have no url or archive",
            Code::CitationIsAppearance => {
                "citations are by the claimant, so they are read as appearances"
            }
            Code::NoAppearance => "claims have no appearance",
            Code::RepeatedDocument => "entries write out a document that 3 or more claims cite",
            Code::TagSpelledTwoWays => "tags are spelled differently elsewhere",
            Code::UnusedSource => "sources are used by no claim",
            Code::UnusedEntity => "entities are in no claim",
            Code::UnusedDocument => "documents are used by no claim",
            Code::QuoteChanged => "quotes changed since `claimtrail archive` checked them",
            Code::QuoteNotFound => "quotes were not found in the archived copy of their document",
        }
    }

    /// A hint that fits every warning of this kind, for a group whose
    /// members' own hints differ (they name the claimant or the tag).
    pub fn group_hint(self) -> Option<&'static str> {
        match self {
            Code::NoAppearance => Some(
                "add an `[[appearances]]` entry for where the claimant made the claim, quoting it",
            ),
            Code::RepeatedDocument => Some(
                "create a file in content/documents/ for each such document and write `document = \"<its id>\"` in the entries",
            ),
            Code::TagSpelledTwoWays => Some("use one spelling for each tag"),
            Code::UnusedDocument => Some(
                "point an appearance or citation at each with `document = \"<its id>\"`, or remove the files",
            ),
            Code::QuoteChanged => Some("run `claimtrail archive` to check them as written now"),
            Code::QuoteNotFound => Some(
                "correct each quote to match its document word for word, or correct the document's address",
            ),
            Code::CitationWithoutLink
            | Code::AppearanceWithoutLink
            | Code::DocumentWithoutLink
            | Code::CitationIsAppearance
            | Code::UnusedSource
            | Code::UnusedEntity => None,
        }
    }
}
