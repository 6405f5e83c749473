//! Views of documents and appearances: a document's page, its scorecard,
//! and where a claim was made.

use super::evidence_view::{copy_view, quote_check_view};
use super::format::date_view;
use super::viewer::{Viewer, link};
use super::views::{AppearanceView, CitedClaim, DocumentView, Link, Scorecard, StatusCount};
use crate::i18n::Translations;
use crate::model::{Appearance, Document};

impl Viewer<'_, '_> {
    /// A link to a document's page, named by its title (by its id if the
    /// site has no such document).
    pub(super) fn document_link(&self, id: &str) -> Link {
        let title = self.site.documents.get(id).map_or(id, |d| d.title.as_str());
        link(id, title, self.urls.path(&format!("documents/{id}/")))
    }

    /// One place a claim was made.
    pub(super) fn appearance(&self, appearance: &Appearance) -> AppearanceView {
        let archived = appearance.archived.as_ref();
        let (url, quote) = (appearance.url.as_deref(), appearance.quote.as_deref());
        let check = appearance.quote_check.as_ref();
        AppearanceView {
            document: appearance
                .document
                .as_deref()
                .map(|d| self.document_link(d)),
            source: self.source_link(&appearance.source),
            url: appearance.url.clone(),
            copy: copy_view(appearance.archive.as_deref(), archived, self.t()),
            quote_check: quote_check_view(check, (url, quote), archived, self.t()),
            title: appearance.title.clone(),
            date: appearance.date.map(date_view),
            quote: appearance.quote.clone(),
        }
    }

    /// A document view, with the claims it makes counted by status.
    pub(super) fn document(&self, document: &Document) -> DocumentView {
        let made = self.index.documents.made_in(&document.id);
        let archived = document.archived.as_ref();
        let verdicts = |status: &str| {
            let def = self.site.config.status(status);
            def.and_then(|s| s.verdict()).is_some()
        };
        DocumentView {
            id: document.id.clone(),
            title: document.title.clone(),
            kind: document.kind.as_str().to_string(),
            kind_label: kind_label(document.kind.as_str(), self.t()),
            url: self.urls.path(&format!("documents/{}/", document.id)),
            link: document.url.clone(),
            copy: copy_view(document.archive.as_deref(), archived, self.t()),
            date: document.date.map(date_view),
            source: self.source_link(&document.source),
            claim_count: made.len(),
            cited_count: self.index.documents.citing(&document.id).len(),
            scorecard: scorecard(self.status_counts(made), verdicts, self.t()),
            body_html: self.markdown.render(&document.body),
        }
    }

    /// The claims citing `document`, each with the stances its citations of
    /// the document take.
    pub(super) fn claims_citing(&self, document: &str) -> Vec<CitedClaim> {
        let citing = self.index.documents.citing(document);
        self.stances_on(citing, |c| c.document.as_deref() == Some(document))
    }
}

/// "model-card" as readers see it: "Model card" (`document_kind_<kind>`).
fn kind_label(kind: &str, t: &Translations) -> String {
    t.text(&format!("document_kind_{kind}")).to_string()
}

/// The scorecard of claims counted as `counts` (every status, in the site's
/// order): statuses for which `rates_truth` holds come first and are always
/// shown ("0 supported, 0 refuted" says something), the others follow only
/// when some claim has them.
fn scorecard(
    counts: Vec<StatusCount>,
    rates_truth: impl Fn(&str) -> bool,
    t: &Translations,
) -> Scorecard {
    let total = counts.iter().map(|c| c.count).sum();
    let mut counts: Vec<StatusCount> = counts
        .into_iter()
        .filter(|c| c.count > 0 || rates_truth(&c.status.id))
        .collect();
    counts.sort_by_key(|c| !rates_truth(&c.status.id));
    let parts: Vec<String> = counts
        .iter()
        .map(|c| format!("{} {}", c.count, c.status.label.to_lowercase()))
        .collect();
    let parts = parts.join(", ");
    Scorecard {
        text: t.count("scorecard", total, &[("parts", &parts)]),
        total,
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::views::StatusView;

    fn count(id: &str, label: &str, count: usize) -> StatusCount {
        let status = StatusView {
            id: id.into(),
            label: label.into(),
            color: "#000".into(),
            text_color: "#fff".into(),
            description: String::new(),
            url: String::new(),
        };
        StatusCount { status, count }
    }

    fn counts(unverified: usize, supported: usize, disputed: usize) -> Vec<StatusCount> {
        vec![
            count("unverified", "Unverified", unverified),
            count("supported", "Supported", supported),
            count("disputed", "Disputed", disputed),
            count("refuted", "Refuted", 0),
        ]
    }

    fn rates_truth(id: &str) -> bool {
        matches!(id, "supported" | "refuted")
    }

    #[test]
    fn the_scorecard_shows_verdicts_first_always_and_other_statuses_when_used() {
        let card = scorecard(counts(20, 0, 0), rates_truth, &Translations::default());
        assert_eq!(
            card.text,
            "20 claims: 0 supported, 0 refuted, 20 unverified"
        );
        let card = scorecard(counts(0, 1, 2), rates_truth, &Translations::default());
        assert_eq!(card.text, "3 claims: 1 supported, 0 refuted, 2 disputed");
        let card = scorecard(counts(1, 0, 0), rates_truth, &Translations::default());
        assert_eq!(card.text, "1 claim: 0 supported, 0 refuted, 1 unverified");
        assert_eq!(card.total, 1);
        let ids: Vec<&str> = card.counts.iter().map(|c| c.status.id.as_str()).collect();
        assert_eq!(ids, ["supported", "refuted", "unverified"]);
    }

    #[test]
    fn kinds_read_as_words() {
        let t = Translations::default();
        assert_eq!(kind_label("model-card", &t), "Model card");
        assert_eq!(kind_label("press-release", &t), "Press release");
        assert_eq!(kind_label("article", &t), "Article");
        let de = Translations::for_language("de", None, &mut crate::diagnostic::Diagnostics::new());
        assert_eq!(kind_label("model-card", &de), "Modellkarte");
    }
}
