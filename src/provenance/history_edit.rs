//! What an edit did to a claim's `[[history]]`: the entries it added, and the
//! entries of the earlier version it changed or removed. History entries are
//! a public record, so an entry counts as added only when every earlier entry
//! is still there, word for word: rewriting the status of the last entry adds
//! nothing. `claimtrail diff` (the note of a verdict change) and `check
//! --base` (a verdict change needs a new entry) both read it from here.

use crate::doc::HistoryDoc;

/// How the `[[history]]` of a claim's new version continues its old one.
#[derive(Debug)]
pub struct HistoryEdit<'a> {
    /// The entries of the new version the old one does not have, oldest
    /// first; none when some old entry is gone (a rewritten history adds nothing).
    pub added: Vec<&'a HistoryDoc>,
    /// The old version's entries that the new version no longer has with
    /// the same date, status and note.
    pub changed: Vec<Changed>,
}

/// An entry of the old version that the new version does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    /// Its position in the old version's history.
    pub old: usize,
    /// The position of the new version's entry in its place, when there is
    /// one that matches no old entry (the entry as edited); `None` when the
    /// entry was removed.
    pub new: Option<usize>,
}

/// Compares the `[[history]]` entries `old` and `new`, each entry matched to
/// an equal one (date, status and note, whitespace aside) at most once.
/// Quadratic only in the entries of one claim.
pub fn history_edit<'a>(old: &[HistoryDoc], new: &'a [HistoryDoc]) -> HistoryEdit<'a> {
    let mut unmatched: Vec<Option<&'a HistoryDoc>> = new.iter().map(Some).collect();
    let mut missing = Vec::new();
    for (index, before) in old.iter().enumerate() {
        let found = (unmatched.iter_mut())
            .find(|slot| slot.is_some_and(|after| same_entry(before, after)))
            .and_then(Option::take);
        if found.is_none() {
            missing.push(index);
        }
    }
    let changed: Vec<Changed> = (missing.into_iter())
        .map(|old| Changed {
            old,
            new: unmatched.get(old).copied().flatten().map(|_| old),
        })
        .collect();
    let added = if changed.is_empty() {
        unmatched.into_iter().flatten().collect()
    } else {
        Vec::new()
    };
    HistoryEdit { added, changed }
}

/// Whether two entries record the same thing: date, status and note.
fn same_entry(a: &HistoryDoc, b: &HistoryDoc) -> bool {
    let words = |note: &Option<String>| {
        (note.as_deref()).map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    a.date.as_ref().map(|d| d.value) == b.date.as_ref().map(|d| d.value)
        && a.status.as_ref().map(|s| &s.value) == b.status.as_ref().map(|s| &s.value)
        && words(&a.note) == words(&b.note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Located;

    fn entry(day: u8, status: &str, note: &str) -> HistoryDoc {
        let date = time::Date::from_calendar_date(2026, time::Month::June, day).ok();
        HistoryDoc {
            date: date.map(|value| Located { value, span: 0..0 }),
            status: Some(Located {
                value: status.to_string(),
                span: 0..0,
            }),
            note: Some(note.to_string()),
        }
    }

    #[test]
    fn an_entry_added_anywhere_is_added_and_rewrapped_notes_are_kept() {
        let old = [
            entry(1, "unverified", "Entered."),
            entry(9, "refuted", "A rerun."),
        ];
        let new = [
            entry(1, "unverified", "Entered."),
            entry(5, "disputed", "Questioned."),
            entry(9, "refuted", "A\n  rerun."),
        ];
        let edit = history_edit(&old, &new);
        assert!(edit.changed.is_empty());
        assert_eq!(edit.added.len(), 1);
        assert_eq!(edit.added[0].note.as_deref(), Some("Questioned."));
    }

    #[test]
    fn a_rewritten_or_removed_entry_adds_nothing() {
        let old = [
            entry(1, "unverified", "Entered."),
            entry(9, "refuted", "A rerun."),
        ];
        let rewritten = [
            entry(1, "unverified", "Entered."),
            entry(9, "supported", "A rerun."),
        ];
        let edit = history_edit(&old, &rewritten);
        assert_eq!(
            edit.changed,
            [Changed {
                old: 1,
                new: Some(1)
            }]
        );
        assert!(edit.added.is_empty());
        let removed = history_edit(&old, &old[1..]);
        assert_eq!(removed.changed, [Changed { old: 0, new: None }]);
    }
}
