//! The views of what the git history says about a record (see
//! `render::provenance_view`, which makes them).

use serde::Serialize;

use super::DateView;

/// A record's history on its page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ProvenanceView {
    /// When it was first committed.
    pub entered: DateView,
    /// When it last changed, if it changed after it was entered.
    pub last_changed: Option<DateView>,
    /// Its changes, newest first (its entry included, last).
    pub changes: Vec<RevisionView>,
}

/// One commit's changes to one record, in words.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RevisionView {
    /// The commit's date, in the committer's time zone.
    pub date: DateView,
    /// RFC 3339 time of the commit.
    pub time: String,
    /// The commit's hash, shortened to 7 digits.
    pub commit: String,
    /// The commit on the repository host, when `repo_url` is set.
    pub commit_url: Option<String>,
    /// The commit message's first line, shortened (see `render::subject`).
    pub subject: String,
    /// The shown subject split around the pull request's number, when it
    /// names it (`Merge pull request #12 …`, `… (#12)`); then the number is
    /// not repeated after it.
    pub subject_parts: Option<SubjectParts>,
    /// The pull request's number, if the subject names one.
    pub pull_request: Option<u64>,
    /// The pull request on the repository host, when `repo_url` is set.
    pub pull_request_url: Option<String>,
    /// Each change as a sentence, e.g. `Verdict changed from Disputed to Refuted.`
    pub lines: Vec<String>,
}

/// A subject split around the pull request number it names:
/// `link` (to the commit), `lead`, `number` (to the pull request), `tail`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SubjectParts {
    /// The words before the number, without the spaces and punctuation
    /// next to it: the commit's link text (`Merge pull request`, `Refute`).
    pub link: String,
    /// The spaces and punctuation between them and the number (` (`).
    pub lead: String,
    /// `#12`.
    pub number: String,
    /// The rest of the subject (`)`, ` from x/feature`).
    pub tail: String,
}
