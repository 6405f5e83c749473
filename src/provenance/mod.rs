//! Provenance: what the site's git history says about its content.
//!
//! - [`git`] opens the repository through gix (in process, offline), reads the
//!   content files at any revision and the changed paths between two trees;
//! - [`compare`] says what an edit did to one file, from its two parsed
//!   versions: verdict, evidence, quotes, values, title;
//! - [`evidence`] reads a claim's evidence as the site shows it (the
//!   claimant's own citations are appearances) and pairs two versions' entries;
//! - [`version`] reads one version of a content file, or says why it cannot;
//! - [`changeset`] compares two sets of files: added, removed, renamed, edited;
//! - [`tree_diff`] lists the files that changed between two trees, linearly
//!   whatever the trees;
//! - [`chain`] reads the commits that changed `content/` and their changed
//!   files, in parallel runs;
//! - [`history_edit`] says which `[[history]]` entries an edit added, and
//!   which of the earlier ones it changed;
//! - [`history`] follows each record through them once, giving it its entry
//!   date, last change and list of changes.
//!
//! `claimtrail diff` uses all three on two revisions; `build` reads the whole
//! history of `content/` once to say when each record was entered and changed.

pub(crate) mod amount_words;
mod cache;
mod chain;
pub mod changeset;
pub mod compare;
mod disk;
mod error;
pub(crate) mod evidence;
mod gaps;
pub mod git;
pub mod history;
pub mod history_edit;
mod positions;
mod record;
mod renames;
mod revision;
mod stamp;
mod tree_diff;
mod unreadable;
pub mod version;

pub use changeset::{FileChange, compare_content, compare_versions};
pub use compare::{Change, compare_docs};
pub use disk::unreadable_on_disk;
pub use error::GitError;
pub use git::{Repo, Unavailable, open};
pub use history::{History, read, read_history};
pub use record::{Noun, Record, Revision};
pub(crate) use revision::merge_base;
pub use stamp::Stamp;
pub use unreadable::Unreadable;
pub use version::FileVersion;
