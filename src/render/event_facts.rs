//! What one timeline event says, in words a person would write: the facts
//! both the pages (`Viewer::events`) and the filter's list data files
//! (`list_data`) show, worked out in one place. With git history a claim's
//! events read as on its own page: see [`GitWording`].

use super::git_verdicts::GitWording;
use crate::config::Config;
use crate::index::{Event, EventKind};
use crate::model::Claim;

/// One event's kind, wording and the ids it links to.
pub(super) struct EventFacts<'a> {
    /// `claim`, `document` or `verdict` (a CSS class).
    pub kind: &'static str,
    /// What happened, e.g. "Claim made", "Entered as" or "Verdict changed
    /// from Unverified to"; a verdict's badge follows it.
    pub label: String,
    /// The source linked after the label: the claimant or the document's source.
    pub source: Option<&'a str>,
    /// For verdicts: the status set.
    pub status: Option<&'a str>,
    /// The document's title or the verdict's note.
    pub note: Option<&'a str>,
}

/// The facts of `event`, one of the events of `claim`, with what git says
/// about the claim (`git`): a first verdict that git saw change from another
/// says so, and a verdict without a note is "as recorded by git".
pub(super) fn event_facts<'a>(
    config: &'a Config,
    claim: &'a Claim,
    event: &Event,
    git: GitWording,
) -> EventFacts<'a> {
    let document = |source: &'a str, title: Option<&'a str>| EventFacts {
        kind: "document",
        label: config.translations.text("event_document").to_string(),
        source: Some(source),
        status: None,
        note: title,
    };
    match event.kind {
        EventKind::Made => EventFacts {
            kind: "claim",
            label: config.translations.text("event_claim").to_string(),
            source: Some(&claim.claimant),
            status: None,
            note: None,
        },
        EventKind::Appearance(a) => {
            let appearance = &claim.appearances[a];
            document(&appearance.source, appearance.title.as_deref())
        }
        EventKind::Document(c) => {
            let citation = &claim.citations[c];
            document(&citation.source, citation.title.as_deref())
        }
        EventKind::Verdict(h) => {
            let change = &claim.history[h];
            let from_git = git.first_changed_from.filter(|_| h == 0);
            let recorded = git
                .recorded
                .then(|| config.translations.text("as_recorded_by_git"));
            EventFacts {
                kind: "verdict",
                label: from_git.map_or_else(
                    || verdict_label(config, claim, h),
                    |from| changed_from(config, from),
                ),
                source: None,
                status: Some(&change.status),
                note: change.note.as_deref().or(recorded),
            }
        }
    }
}

/// "Entered as" for a claim's first verdict; "Verdict changed from <previous>
/// to" for a later one ("Verdict confirmed as" when it did not change).
pub(super) fn verdict_label(config: &Config, claim: &Claim, h: usize) -> String {
    let Some(previous) = h.checked_sub(1).and_then(|p| claim.history.get(p)) else {
        return config.translations.text("event_entered_as").to_string();
    };
    if claim
        .history
        .get(h)
        .is_some_and(|c| c.status == previous.status)
    {
        return config.translations.text("event_confirmed_as").to_string();
    }
    changed_from(config, &previous.status)
}

/// "Verdict changed from <the label of `previous`> to".
fn changed_from(config: &Config, previous: &str) -> String {
    let label = config
        .status(previous)
        .map_or(previous, |s| s.label.as_str());
    config
        .translations
        .fill("event_changed_from", &[("status", label)])
}
