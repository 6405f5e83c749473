//! What the history says about one record: its revisions, each a commit's
//! changes to it. Shared by the walk ([`super::history`]) and the cache that
//! keeps the walk between builds ([`super::cache`]).

use super::compare::Change;
use super::stamp::Stamp;
use crate::load::Kind;

/// One commit's changes to one record.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Revision {
    /// The commit's full hash.
    pub commit: String,
    /// When it was committed, in the committer's time zone.
    pub time: Stamp,
    /// The commit message's first line.
    pub subject: String,
    /// The pull request the subject names (`Merge pull request #12 …`, `… (#12)`).
    pub pull_request: Option<u64>,
    /// What the commit changed in the record.
    pub changes: Vec<Change>,
}

/// The history of one record (one file, followed through renames).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Record {
    /// `claim`, `source`, `entity`, `document` or `page`.
    #[serde(deserialize_with = "kind_noun")]
    pub kind: Noun,
    /// Its id now (the last id it had, if removed).
    pub id: String,
    /// Its title or name in its last readable version that had one (a
    /// version that cannot be read, or whose title is missing or blank,
    /// leaves the one before); `None` when no version had one. What names
    /// it once it is removed.
    pub title: Option<String>,
    /// Whether the newest commit no longer has it.
    pub removed: bool,
    /// When it was first committed.
    pub entered: Stamp,
    /// When it last changed (its entry included).
    pub last_changed: Stamp,
    /// Every change, oldest first; the first is its entry.
    pub revisions: Vec<Revision>,
}

/// A kind's noun. (An alias, so that serde does not take the field for text
/// borrowed from the input.)
pub type Noun = &'static str;

/// A kind's noun read back from the cache.
fn kind_noun<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    let noun = <String as serde::Deserialize>::deserialize(deserializer)?;
    kind_of_noun(&noun)
        .map(Kind::noun)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown kind `{noun}`")))
}

/// The kind whose noun is `noun`.
pub(super) fn kind_of_noun(noun: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|kind| kind.noun() == noun)
}
