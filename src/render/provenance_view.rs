//! What the content's git history adds to pages: a record's entry and last
//! change, its changes in words, and the verdict changes git recorded that no
//! `[[history]]` entry explains. Without history every function here gives
//! nothing, so the pages are as they were.

use time::Date;

use super::format::date_view;
use super::number::amount_in;
use super::subject::{parts as subject_parts, shortened};
use super::viewer::{Viewer, shared};
use super::views::{EventView, ProvenanceView, RevisionView};
use crate::i18n::Translations;
use crate::index::Event;
use crate::load::Kind;
use crate::model::{Claim, Site};
use crate::provenance::amount_words::amount_of_text;
use crate::provenance::{Change, Record, Revision};

/// When `claim` was last updated: its last change in git, or the newest date
/// in its file when that is later or git has no history of it.
pub(super) fn claim_last_changed(site: &Site, claim: &Claim) -> Date {
    let in_file = claim.last_updated();
    let committed = site
        .provenance
        .as_ref()
        .and_then(|history| history.record(Kind::Claim, &claim.id));
    committed.map_or(in_file, |record| record.last_changed.date().max(in_file))
}

impl Viewer<'_, '_> {
    /// The history of the current record of `kind` with `id`, if git has one.
    pub(super) fn record(&self, kind: Kind, id: &str) -> Option<&Record> {
        self.site.provenance.as_ref()?.record(kind, id)
    }

    /// When the claim was last updated: its last change in git, or the newest
    /// date in its file when that is later (an uncommitted edit) or git has no
    /// history of it.
    pub(super) fn last_changed(&self, claim: &Claim) -> Date {
        claim_last_changed(self.site, claim)
    }

    /// The provenance block of a claim's page.
    pub(super) fn provenance(&self, claim: &Claim) -> Option<ProvenanceView> {
        let record = self.record(Kind::Claim, &claim.id)?;
        let changed_later = record.revisions.len() > 1;
        Some(ProvenanceView {
            entered: date_view(record.entered.date()),
            last_changed: changed_later.then(|| date_view(record.last_changed.date())),
            changes: record
                .revisions
                .iter()
                .rev()
                .map(|r| self.revision(r))
                .collect(),
        })
    }

    /// One revision in words.
    pub(super) fn revision(&self, revision: &Revision) -> RevisionView {
        let repo = self.site.config.repo_url.as_deref();
        let pull_request = revision.pull_request;
        let subject = shortened(&revision.subject);
        RevisionView {
            date: date_view(revision.time.date()),
            time: revision.time.rfc3339(),
            commit: revision.commit.chars().take(7).collect(),
            commit_url: repo.map(|repo| format!("{repo}/commit/{}", revision.commit)),
            subject_parts: pull_request.and_then(|n| subject_parts(&subject, n)),
            subject,
            pull_request,
            pull_request_url: repo
                .zip(pull_request)
                .map(|(repo, n)| format!("{repo}/pull/{n}")),
            lines: revision
                .changes
                .iter()
                .map(|c| self.change_line(c))
                .collect(),
        }
    }

    /// One change as a sentence for readers.
    pub(super) fn change_line(&self, change: &Change) -> String {
        let t = self.t();
        let label = |status: &Option<String>| {
            status.as_deref().map_or_else(
                || t.text("change_unreadable_status").to_string(),
                |id| self.status(id).label,
            )
        };
        let text = |value: &Option<String>| {
            value
                .as_deref()
                .unwrap_or(t.text("change_nothing"))
                .to_string()
        };
        // A value reads as on the claim page (`over 100,000`), in the page's language.
        let amount = |value: &Option<String>| {
            (value.as_deref().and_then(amount_of_text))
                .map_or_else(|| text(value), |amount| amount_in(&amount, "", Some(t)))
        };
        match change {
            Change::Added => t.text("change_added").to_string(),
            Change::Removed => t.text("change_removed").to_string(),
            Change::Renamed {
                from,
                alias_kept: true,
                ..
            } => t.fill("change_renamed_redirects", &[("from", from)]),
            Change::Renamed { from, .. } => t.fill("change_renamed_gone", &[("from", from)]),
            Change::Verdict { from, to, note } => {
                let reason = note.as_deref().unwrap_or(t.text("as_recorded_by_git"));
                let (from, to) = (label(from), label(to));
                t.fill(
                    "change_verdict",
                    &[("from", &from), ("to", &to), ("reason", reason)],
                )
            }
            Change::Title { from, .. } => t.fill("change_title", &[("from", &text(from))]),
            Change::AppearanceAdded { evidence } => {
                t.fill("change_appearance_added", &[("evidence", evidence)])
            }
            Change::AppearanceRemoved { evidence } => {
                t.fill("change_appearance_removed", &[("evidence", evidence)])
            }
            Change::CitationAdded { evidence, stance } => t.fill(
                "change_citation_added",
                &[
                    ("evidence", evidence),
                    ("stance", t.text(&stance_key(stance))),
                ],
            ),
            Change::CitationRemoved { evidence, stance } => t.fill(
                "change_citation_removed",
                &[
                    ("evidence", evidence),
                    ("stance", t.text(&stance_key(stance))),
                ],
            ),
            Change::QuoteEdited { evidence, .. } => {
                t.fill("change_quote_edited", &[("evidence", evidence)])
            }
            Change::ValueChanged {
                evidence: None,
                from,
                to,
            } => t.fill(
                "change_value",
                &[("from", &amount(from)), ("to", &amount(to))],
            ),
            Change::ValueChanged {
                evidence: Some(evidence),
                from,
                to,
            } => t.fill(
                "change_reported_value",
                &[
                    ("evidence", evidence),
                    ("from", &amount(from)),
                    ("to", &amount(to)),
                ],
            ),
            Change::Edited { fields } => {
                let names: Vec<String> = fields.iter().map(|f| field_name(t, f)).collect();
                t.fill("change_edited", &[("fields", &names.join(", "))])
            }
        }
    }

    /// Claim `i`'s timeline events (`timeline`, newest first) plus a verdict
    /// event for every verdict change git recorded that no `[[history]]` entry
    /// of the same status, dated up to a day after the commit, explains. How
    /// the events of `timeline` read with git ("as recorded by git", a first
    /// entry that changed from git's earlier verdict) is [`Viewer::events`]'.
    pub(super) fn with_git_verdicts(&self, i: usize, timeline: &[Event]) -> Vec<EventView> {
        let views = self.events(timeline);
        let Some(verdicts) = self.git_verdicts(i) else {
            return views;
        };
        let mut events: Vec<(Date, EventView)> =
            timeline.iter().map(|e| e.date).zip(views).collect();
        for &(committed, status) in &verdicts.unexplained {
            events.push((committed, self.git_verdict(i, committed, status)));
        }
        events.sort_by_key(|(date, _)| std::cmp::Reverse(*date));
        events.into_iter().map(|(_, event)| event).collect()
    }

    /// A timeline event for a verdict change only git recorded.
    fn git_verdict(&self, i: usize, date: Date, status: &str) -> EventView {
        EventView {
            date: shared(&date_view(date)),
            kind: "verdict",
            kind_label: self.t().text("event_verdict_changed_to").to_string(),
            claim: self.card_value(i),
            source: None,
            status: Some(shared(&self.status(status))),
            note: Some(self.t().text("as_recorded_by_git").to_string()),
        }
    }
}

/// A field an "Edited" change names, in the page's words (`body` is
/// "notes"), or as written in the file when the table has no word for it.
fn field_name(t: &Translations, field: &str) -> String {
    let key = format!("field_{field}");
    let word = t.text(&key);
    if word == key { field } else { word }.to_string()
}

/// The table key of a stance's word in a change line: `stance_supports`.
fn stance_key(stance: &str) -> String {
    format!("stance_{stance}")
}
