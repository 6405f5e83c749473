//! How git's verdict changes of a claim meet its `[[history]]` entries: which
//! changes no entry explains (the claim page adds them to its timeline), and
//! which verdict the first entry changed from. Worked out once per claim, so
//! the claim page and every list of events (the site-wide timeline, entity,
//! source and tag pages, the filter's data files) word the same event alike.

use rayon::prelude::*;
use time::Date;

use crate::load::Kind;
use crate::model::{Claim, Site};
use crate::provenance::{Change, Record};

/// How git's verdict changes of a claim meet its `[[history]]` entries.
pub(super) struct GitVerdicts<'a> {
    /// The changes no entry explains: commit date and the status set.
    pub unexplained: Vec<(Date, &'a str)>,
    /// The verdict git says the claim had before its first `[[history]]`
    /// entry, when that entry explains git's first verdict change.
    pub first_changed_from: Option<&'a str>,
}

/// What git says about the events of one claim that every list shows.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct GitWording<'a> {
    /// Whether git has a history of the claim: its verdicts without a note
    /// then read "as recorded by git".
    pub recorded: bool,
    /// [`GitVerdicts::first_changed_from`].
    pub first_changed_from: Option<&'a str>,
}

/// The [`GitVerdicts`] of every claim of `site`, by index (`None` for a
/// claim git has no history of); empty when the site has no git history.
pub(super) fn every_claims_git_verdicts(site: &Site) -> Vec<Option<GitVerdicts<'_>>> {
    let Some(history) = site.provenance.as_ref() else {
        return Vec::new();
    };
    (site.claims.par_iter())
        .map(|claim| {
            let record = history.record(Kind::Claim, &claim.id)?;
            Some(git_verdicts(claim, record))
        })
        .collect()
}

impl<'a> GitWording<'a> {
    /// The wording of a claim with `verdicts` (`None`: git has no history of
    /// it, so nothing changes).
    pub(super) fn of(verdicts: Option<&GitVerdicts<'a>>) -> GitWording<'a> {
        verdicts.map_or_else(GitWording::default, |verdicts| GitWording {
            recorded: true,
            first_changed_from: verdicts.first_changed_from,
        })
    }
}

/// Matches each verdict change in `record` to the first unused `[[history]]`
/// entry of `claim` with the same status, dated up to a day after the commit.
fn git_verdicts<'a>(claim: &'a Claim, record: &'a Record) -> GitVerdicts<'a> {
    let mut unused: Vec<(usize, Date, &str)> = (claim.history.iter().enumerate())
        .map(|(h, entry)| (h, entry.date, entry.status.as_str()))
        .collect();
    let mut verdicts = GitVerdicts {
        unexplained: Vec::new(),
        first_changed_from: None,
    };
    let changes = (record.revisions.iter()).flat_map(|revision| {
        revision
            .changes
            .iter()
            .map(move |c| (revision.time.date(), c))
    });
    let mut first = true;
    for (committed, change) in changes {
        let Change::Verdict {
            from,
            to: Some(status),
            ..
        } = change
        else {
            continue;
        };
        let latest = committed.next_day().unwrap_or(committed);
        let explained = unused
            .iter()
            .position(|&(_, date, entry)| entry == status && date <= latest);
        match explained.map(|at| unused.remove(at)) {
            Some((0, ..)) if first => {
                verdicts.first_changed_from = from.as_deref().filter(|from| from != status);
            }
            Some(_) => {}
            None => verdicts.unexplained.push((committed, status.as_str())),
        }
        first = false;
    }
    verdicts
}
