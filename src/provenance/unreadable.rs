//! Content file versions that cannot be compared: a frontmatter that does not
//! parse (or a claim whose `status` cannot be read), bytes that are not UTF-8
//! text, a file too large to load, a symbolic link or submodule. `claimtrail
//! diff` lists them; the history walk treats them as a gap, comparing the
//! next readable version with the last readable one.

use std::hash::{DefaultHasher, Hash, Hasher};

use serde::{Deserialize, Serialize};
use toml::de::DeTable;

use crate::diagnostic::{Diagnostic, Severity};
use crate::doc::Doc;
use crate::load::RawFile;

/// Why a version of a content file cannot be compared with another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unreadable {
    /// Its frontmatter does not parse, or a claim's `status` cannot be read:
    /// `claimtrail check` says why.
    DoesNotParse,
    /// Its bytes are not UTF-8 text.
    NotUtf8,
    /// It is larger than a content file may be.
    TooLarge,
    /// It is a symbolic link or a submodule with a content file's name: never
    /// followed (`load` refuses it too).
    NotAFile,
}

impl Unreadable {
    /// What a reviewer is told, after "the file …".
    pub fn explanation(self) -> &'static str {
        match self {
            Unreadable::DoesNotParse => "does not parse: run `claimtrail check`",
            Unreadable::NotUtf8 => "is not UTF-8 text, so it cannot be read",
            Unreadable::TooLarge => "is too large to be read as content",
            Unreadable::NotAFile => {
                "is a symbolic link or a submodule, not a file, so it is not read"
            }
        }
    }
}

/// Whether a parsed version reads well enough to be compared: it has a
/// document, a claim has its `status`, and its frontmatter is valid TOML
/// (checked again only when parsing reported an error, so that clean
/// versions cost nothing more).
pub(super) fn does_not_parse(file: &RawFile, doc: Option<&Doc>, problems: &[Diagnostic]) -> bool {
    match doc {
        None => return true,
        Some(Doc::Claim(claim)) if claim.status.is_none() => return true,
        Some(_) => {}
    }
    if !problems.iter().any(|p| p.severity == Severity::Error) {
        return false;
    }
    let Ok(split) = crate::frontmatter::split(&file.text) else {
        return true;
    };
    let toml = file.text.get(split.toml).unwrap_or_default();
    !DeTable::parse_recoverable(toml).1.is_empty()
}

/// A fingerprint of `bytes`, as [`FileVersion`](super::FileVersion) keeps of a text.
pub(super) fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}
