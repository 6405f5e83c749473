//! Views of documents and of where a claim was made, documented in docs/templates.md.

use serde::Serialize;

use super::{CopyView, DateView, Link, QuoteCheckView, StatusCount};

/// One place the claim was made (an appearance), for the claim page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AppearanceView {
    /// The document it appeared in, linked to its page on this site, when the
    /// entry points at one.
    pub document: Option<Link>,
    /// Who published it (usually the claimant), linked to its page.
    pub source: Link,
    /// The document's own address (absolute http or https).
    pub url: Option<String>,
    /// The archived copy shown, and a note when the original no longer answers.
    #[serde(flatten)]
    pub copy: CopyView,
    /// The quote's check against the archived copy, when it was checked as written.
    pub quote_check: Option<QuoteCheckView>,
    /// The title of the document it appeared in.
    pub title: Option<String>,
    /// When it appeared.
    pub date: Option<DateView>,
    /// The claimant's words, verbatim.
    pub quote: Option<String>,
}

/// A document in lists and on its page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DocumentView {
    /// The document's id: its file name without `.md`, and its URL slug.
    pub id: String,
    /// The document's own title.
    pub title: String,
    /// `article`, `paper`, `model-card`, ...
    pub kind: String,
    /// The kind as readers see it: "Article", "Model card", ...
    pub kind_label: String,
    /// The path browsers request, base path included (e.g. `/ai-claims/documents/x/`).
    pub url: String,
    /// The document's own address (absolute http or https).
    pub link: Option<String>,
    /// The archived copy shown, and a note when the original no longer answers.
    #[serde(flatten)]
    pub copy: CopyView,
    /// When it was published.
    pub date: Option<DateView>,
    /// The source that published it, linked to its page.
    pub source: Link,
    /// How many claims it makes (claims with an appearance in it).
    pub claim_count: usize,
    /// How many claims cite it as evidence.
    pub cited_count: usize,
    /// The claims it makes, by current status.
    pub scorecard: Scorecard,
    /// The body rendered from Markdown and sanitised: safe to insert as HTML.
    pub body_html: String,
}

/// The claims a document makes, counted by current status.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Scorecard {
    /// How many claims.
    pub total: usize,
    /// Statuses that rate a claim true or false always, others when some claim
    /// has them, in the site's status order.
    pub counts: Vec<StatusCount>,
    /// E.g. "20 claims: 0 supported, 0 refuted, 20 unverified".
    pub text: String,
}
