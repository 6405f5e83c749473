//! Views of what `claimtrail archive` recorded: a quote's check against the
//! archived copy of its document, documented in docs/templates.md.

use serde::Serialize;

use super::DateView;

/// A quote's check against the archived copy of its document.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct QuoteCheckView {
    /// `found` or `not-found`.
    pub state: &'static str,
    /// "Quote found in the archived copy of May 12, 2026", or "Quote not
    /// found in …".
    pub text: String,
    /// For a quote not found: the passage of the copy most like it.
    pub nearest: Option<String>,
    /// For a quote not found: how alike the nearest passage is, e.g. `72%`.
    pub similarity: Option<String>,
    /// For a quote found, when the original answered when checked: its
    /// address with a text fragment (`#:~:text=`) that takes browsers to
    /// the quote.
    pub fragment_url: Option<String>,
}

/// The archived copy readers are shown beside a document, appearance or
/// citation (its fields sit beside the others' in templates).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CopyView {
    /// Address of the archived copy readers are shown (absolute http or
    /// https): the one written in the content, else the one `claimtrail
    /// archive` found.
    pub archive: Option<String>,
    /// When that copy was captured, when known (for "Archived May 12, 2026"
    /// and the Robust Links `data-versiondate`).
    pub archived: Option<DateView>,
    /// "The original answered HTTP 404 when checked on December 5, 2026.",
    /// when it did not answer with a success.
    pub original_note: Option<String>,
}
