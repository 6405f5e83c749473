//! Which readable version before a commit each version it leaves unreadable
//! stands for (see `Lineages::bridge` in [`super::history`]), found through
//! indexes: a commit that breaks 10,000 files at once is matched in linear
//! time.

use std::collections::{HashMap, HashSet};

use super::positions::Positions;
use super::version::FileVersion;
use crate::load::Kind;

/// Takes out of `old` (each version before the commit, by its path then)
/// the one each of `unreadable` (versions after it) replaces: the version
/// at the same path, else the first of the same kind and id whose path no
/// version of `readable` holds now (a file moved and broken at once).
/// Returns what is left of `old`, in order, and each unreadable version's
/// path with the version it replaces.
pub(super) fn take_broken(
    old: Vec<(String, FileVersion)>,
    unreadable: Vec<FileVersion>,
    readable: &[FileVersion],
) -> (Vec<FileVersion>, Vec<(String, FileVersion)>) {
    let still_there: HashSet<&str> = readable.iter().map(|v| v.path.as_str()).collect();
    let mut by_path: HashMap<String, usize> = HashMap::with_capacity(old.len());
    let mut by_id: Positions<(Kind, String)> = Positions::default();
    for (at, (path, version)) in old.iter().enumerate() {
        by_path.insert(path.clone(), at);
        if !still_there.contains(path.as_str()) {
            by_id.add((version.kind, version.id.clone()), at);
        }
    }
    let mut old: Vec<Option<(String, FileVersion)>> = old.into_iter().map(Some).collect();
    let mut taken = Vec::new();
    for version in unreadable {
        let key = (version.kind, version.id.clone());
        let found = (by_path.get(&version.path).copied())
            .filter(|&at| old.get(at).is_some_and(Option::is_some))
            .or_else(|| by_id.first(&key));
        let Some(at) = found else { continue };
        let Some((_, last)) = old.get_mut(at).and_then(Option::take) else {
            continue;
        };
        by_id.forget(&(last.kind, last.id.clone()), at);
        taken.push((version.path, last));
    }
    (old.into_iter().flatten().map(|(_, v)| v).collect(), taken)
}
