//! Views of what `claimtrail archive` recorded: a quote's check against the
//! archived copy of its document, documented in docs/templates.md.

use serde::Serialize;

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
