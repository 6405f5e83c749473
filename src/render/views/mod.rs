//! Serializable views: exactly what templates see, documented in docs/templates.md.
//!
//! Templates never receive the model types, so the model can change without
//! breaking a site owner's templates.

pub(crate) mod charts;
mod documents;
mod evidence;
mod provenance;

use serde::Serialize;

pub(crate) use super::amount_fields::AmountFields;

pub(crate) use super::format::DateView;
pub(crate) use documents::{AppearanceView, DocumentView, Scorecard};
pub(crate) use evidence::{CopyView, QuoteCheckView};
pub(crate) use provenance::{ProvenanceView, RevisionView, SubjectParts};

/// Builds site-relative and absolute URLs under the base URL.
#[derive(Debug, Clone)]
pub(crate) struct Urls {
    base_path: String,
    base_url: String,
}

impl Urls {
    /// URLs for a site published at `base_url`.
    pub(crate) fn new(base_url: &str) -> Self {
        Urls {
            base_path: crate::config::base_path_of(base_url),
            base_url: base_url.to_string(),
        }
    }

    /// The path readers' browsers request, e.g. `/ai-claims/claims/x/` for `claims/x/`.
    pub(crate) fn path(&self, relative: &str) -> String {
        format!("{}{relative}", self.base_path)
    }

    /// The full URL, for feeds, sitemaps and canonical links.
    pub(crate) fn absolute(&self, relative: &str) -> String {
        format!("{}{relative}", self.base_url)
    }
}

/// A named link.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Link {
    /// Id of the thing linked to.
    pub id: String,
    /// The name pages show.
    pub name: String,
    /// The path browsers request, base path included (e.g. `/ai-claims/claims/x/`).
    pub url: String,
}

/// A status with its label, colours, description and page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StatusView {
    /// The status id from `site.toml`.
    pub id: String,
    /// The status's label from `site.toml`, as the badge shows it.
    pub label: String,
    /// CSS colour of the badge.
    pub color: String,
    /// Text colour with enough contrast on `color`.
    pub text_color: String,
    /// What the status means, from `site.toml`; shown on its page and beside a claim's verdict.
    pub description: String,
    /// `/status/<id>/` path.
    pub url: String,
}

/// A status with a number, e.g. for counts per status.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StatusCount {
    /// The status counted.
    pub status: StatusView,
    /// How many claims have this status.
    pub count: usize,
}

/// A view already converted for templates: a claim card, a citation, or a
/// link, status or date that list items repeat. Converting each once and
/// sharing it (a cheap reference-counted clone) keeps pages cheap to build.
pub(crate) type SharedValue = tera::Value;

/// A claim in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ClaimCard {
    /// The claim's id: its file name without `.md`, and its URL slug.
    pub id: String,
    /// The path browsers request, base path included (e.g. `/ai-claims/claims/x/`).
    pub url: String,
    /// One neutral sentence stating what was claimed.
    pub title: String,
    /// When it was made.
    pub date: DateView,
    /// The claim's current status.
    pub status: StatusView,
    /// The source that made the claim, linked to its page.
    pub claimant: Link,
    /// Ids of the entities it is about, for the client-side filter.
    pub entity_ids: Vec<String>,
    /// Slugs of its tags, for the client-side filter.
    pub tag_slugs: Vec<String>,
    /// `entity_ids` separated by spaces, as the filter's `data-entities` holds them.
    pub filter_entities: String,
    /// `tag_slugs` separated by spaces, as the filter's `data-tags` holds them.
    pub filter_tags: String,
    /// Summary, or the body's first paragraph.
    pub summary: String,
    /// True for drafts (only built with `--drafts`).
    pub draft: bool,
}

/// How a claim's citations line up, with a one-line summary.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TallyView {
    /// How many citations have stance `supports`.
    pub supports: usize,
    /// How many citations have stance `contradicts`.
    pub contradicts: usize,
    /// How many citations have stance `neutral`.
    pub neutral: usize,
    /// Distinct supporting sources that are neither the claimant nor first-party.
    pub independent_supporters: usize,
    /// E.g. "2 supporting (1 independent source), 1 contradicting".
    pub text: String,
}

/// Citations of one stance.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CitationGroup {
    /// `supports`, `contradicts` or `neutral`.
    pub stance: String,
    /// E.g. "Supports".
    pub label: String,
    /// The citations, in file order, as [`CitationView`]s.
    pub citations: Vec<SharedValue>,
}

/// A claim on its own page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ClaimView {
    /// The list fields.
    #[serde(flatten)]
    pub card: ClaimCard,
    /// Entities the claim is about.
    pub entities: Vec<Link>,
    /// Tags, each with its `/tags/<slug>/` path.
    pub tags: Vec<Link>,
    /// `[quantity]`, if any.
    pub quantity: Option<QuantityView>,
    /// Where the claim was made, in file order.
    pub appearances: Vec<AppearanceView>,
    /// Every piece of evidence, in file order, as [`CitationView`]s (shared with the groups).
    pub citations: Vec<SharedValue>,
    /// The evidence grouped by stance: supports, contradicts, neutral (empty groups left out).
    pub citation_groups: Vec<CitationGroup>,
    /// The claim's evidence counted by stance.
    pub tally: TallyView,
    /// The spread of reported values as a dot plot, when the claim has a quantity and values.
    pub spread: Option<charts::DotPlot>,
    /// Verdict changes, oldest first.
    pub history: Vec<HistoryView>,
    /// When the verdict was last reviewed: the newest history date, if any.
    pub reviewed: Option<DateView>,
    /// The claim's own `language`, set as `lang` on its text.
    pub language: Option<String>,
    /// The claim's own `summary`, shown as the page's lead (never the body's
    /// first paragraph, which the page shows anyway).
    pub lead: Option<String>,
    /// The claim's own events, newest first.
    pub events: Vec<EventView>,
    /// Newest date on the claim.
    pub last_updated: DateView,
    /// When the claim was entered and changed, from git; `None` without history.
    pub provenance: Option<ProvenanceView>,
    /// The summary cut to at most 160 characters, for the meta description
    /// and link previews.
    pub description: String,
    /// Sanitised HTML of the body.
    pub body_html: String,
    /// Link to edit the file on the repository host, if `repo_url` is set.
    pub edit_url: Option<String>,
    /// Claims sharing entities with this one, as *claim cards*.
    pub related: Vec<SharedValue>,
    /// How to cite the claim, as plain text.
    pub cite_text: String,
    /// How to cite the claim, as BibTeX.
    pub cite_bibtex: String,
}

/// `[quantity]`
#[derive(Debug, Clone, Serialize)]
pub(crate) struct QuantityView {
    /// What is measured.
    pub label: String,
    /// The claimed amount: `value` (or `min` and `max`), `qualifier`, and
    /// `display`, the amount with its unit as readers see it, e.g.
    /// `over 100,000 GB200 chips` or `about 20 to 25%`.
    #[serde(flatten)]
    pub amount: AmountFields,
    /// The unit of the amount and of each citation's value, as written.
    pub unit: String,
}

/// One piece of evidence.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CitationView {
    /// The cited document, linked to its page on this site, when the citation
    /// points at one.
    pub document: Option<Link>,
    /// The source that published the document, linked to its page.
    pub source: Link,
    /// The publisher's kind (official, press, ...).
    pub source_kind: String,
    /// True when the source speaks for the claim's entity or its parent.
    pub first_party: bool,
    /// The document's address (absolute http or https).
    pub url: Option<String>,
    /// The archived copy shown, and a note when the original no longer answers.
    #[serde(flatten)]
    pub copy: CopyView,
    /// The quote's check against the archived copy, when it was checked as written.
    pub quote_check: Option<QuoteCheckView>,
    /// The document's own title, if the citation gives it.
    pub title: Option<String>,
    /// When the document was published, if the citation gives it.
    pub date: Option<DateView>,
    /// supports / contradicts / neutral.
    pub stance: String,
    /// A passage copied word for word from the document.
    pub quote: Option<String>,
    /// The value this document reports, in the quantity's unit (`None` for
    /// a range: see `reported`).
    pub value: Option<f64>,
    /// Reported amount with the claim's unit, as readers see it:
    /// `nearly 2 petabytes`.
    pub value_display: Option<String>,
    /// The reported amount's fields (value or range, qualifier), all empty
    /// when the document reports none.
    pub reported: AmountFields,
}

/// One verdict change.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HistoryView {
    /// The day the verdict changed.
    pub date: DateView,
    /// The status the claim moved to.
    pub status: StatusView,
    /// The reason for the change, as the file gives it.
    pub note: Option<String>,
}

/// One dated event on a timeline.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EventView {
    /// When, as a *date*.
    pub date: SharedValue,
    /// `claim`, `document` or `verdict`.
    pub kind: &'static str,
    /// "Claim made", "Document published", "Entered as" or "Verdict changed
    /// from Unverified to" (the verdict's badge follows).
    pub kind_label: String,
    /// The claim the event is about, as a *claim card*.
    pub claim: SharedValue,
    /// Who: a *link* to the claimant or the document's source.
    pub source: Option<SharedValue>,
    /// For verdicts: the *status* set.
    pub status: Option<SharedValue>,
    /// The document's title or the verdict's note.
    pub note: Option<String>,
}

/// Events of one month.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EventMonth {
    /// `2026-04`, usable as an HTML id.
    pub id: String,
    /// `April 2026`.
    pub label: String,
    /// Newest first.
    pub events: Vec<EventView>,
}

/// An entity in lists and on its page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EntityView {
    /// The entity's id: its file name without `.md`, and its URL slug.
    pub id: String,
    /// The name pages show.
    pub name: String,
    /// organization, model, ...
    pub kind: String,
    /// The path browsers request, base path included (e.g. `/ai-claims/claims/x/`).
    pub url: String,
    /// The homepage (absolute http or https).
    pub homepage: Option<String>,
    /// The entity that makes or owns this one, linked to its page.
    pub parent: Option<Link>,
    /// Other names it goes by, from the entity file.
    pub aliases: Vec<String>,
    /// Number of claims about it.
    pub claim_count: usize,
    /// The body rendered from Markdown and sanitised: safe to insert as HTML.
    pub body_html: String,
}

/// A source in lists and on its page, with its track record.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SourceView {
    /// The source's id: its file name without `.md`, and its URL slug.
    pub id: String,
    /// The name pages show.
    pub name: String,
    /// official, press, ...
    pub kind: String,
    /// The path browsers request, base path included (e.g. `/ai-claims/claims/x/`).
    pub url: String,
    /// The homepage (absolute http or https).
    pub homepage: Option<String>,
    /// The entity it speaks for.
    pub entity: Option<Link>,
    /// How many published claims name this source as claimant.
    pub originated_count: usize,
    /// How many citations of published claims name this source.
    pub citation_count: usize,
    /// Its originated claims per current status (statuses with none left out).
    pub originated_by_status: Vec<StatusCount>,
    /// Agreement with verdicts, when there are enough judged citations.
    pub agreement: Option<AgreementView>,
    /// Judged citations so far (the agreement rate's n).
    pub judged: usize,
    /// The body rendered from Markdown and sanitised: safe to insert as HTML.
    pub body_html: String,
}

/// A source's agreement rate with current verdicts.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AgreementView {
    /// Rounded percentage, 0-100.
    pub percent: u32,
    /// Citations whose stance agrees with the verdict.
    pub agreeing: usize,
    /// Citations on claims now supported or refuted (n).
    pub judged: usize,
}

/// A claim a source cited, with the stance it took.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CitedClaim {
    /// The claim, as a *claim card*.
    pub claim: SharedValue,
    /// The source's stances on it, e.g. `["supports"]`.
    pub stances: Vec<String>,
}

/// One numbered page of a long list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageLink {
    /// Page number, from 1.
    pub number: usize,
    /// The path browsers request, base path included (e.g. `/ai-claims/claims/x/`).
    pub url: String,
    /// True for the page being shown.
    pub current: bool,
}

/// Where a page sits in a paginated list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pagination {
    /// This page's number, from 1.
    pub current: usize,
    /// How many pages the list has.
    pub total: usize,
    /// Number of items across all pages.
    pub items: usize,
    /// Previous page's path.
    pub prev: Option<String>,
    /// Next page's path.
    pub next: Option<String>,
    /// Links to the first, last and nearby pages.
    pub pages: Vec<PageLink>,
}
