//! Names for the kinds of warning a site often holds many of at once.

/// A kind of warning that a site can hold many of at once (every citation
/// without a link, say), named so that a report can print them as one line:
/// "20 citations have no url or archive". Warnings without a code are grouped
/// only with warnings of the same message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A citation with neither `url` nor `archive`.
    CitationWithoutLink,
    /// A claim none of whose citations comes from its claimant.
    ClaimantNotCited,
    /// A tag spelled differently from the first claim that uses it.
    TagSpelledTwoWays,
    /// A source that no claim cites or names as claimant.
    UnusedSource,
    /// An entity that no claim is about.
    UnusedEntity,
}

impl Code {
    /// What several warnings of this kind are, written to follow their count:
    /// "citations have no url or archive".
    pub fn plural(self) -> &'static str {
        match self {
            Code::CitationWithoutLink => "citations have no url or archive",
            Code::ClaimantNotCited => "claims cite nothing from their claimant",
            Code::TagSpelledTwoWays => "tags are spelled differently elsewhere",
            Code::UnusedSource => "sources are used by no claim",
            Code::UnusedEntity => "entities are in no claim",
        }
    }

    /// A hint that fits every warning of this kind, for a group whose
    /// members' own hints differ (they name the claimant or the tag).
    pub fn group_hint(self) -> Option<&'static str> {
        match self {
            Code::ClaimantNotCited => Some(
                "add a `[[citations]]` entry with the claimant as `source`, quoting the original statement",
            ),
            Code::TagSpelledTwoWays => Some("use one spelling for each tag"),
            Code::CitationWithoutLink | Code::UnusedSource | Code::UnusedEntity => None,
        }
    }
}
