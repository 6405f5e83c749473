//! The positions of a list's items by key, for matching one list against
//! another in linear time (renames in [`super::renames`], gaps in
//! [`super::gaps`]).

use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

/// The positions of a list's items by a key, each position given up once
/// its item is taken; the first position first.
pub(super) struct Positions<K>(HashMap<K, BTreeSet<usize>>);

impl<K> Default for Positions<K> {
    fn default() -> Self {
        Positions(HashMap::new())
    }
}

impl<K: Hash + Eq> Positions<K> {
    /// Notes that the item at `at` has `key`.
    pub(super) fn add(&mut self, key: K, at: usize) {
        self.0.entry(key).or_default().insert(at);
    }

    /// The first position with `key`.
    pub(super) fn first(&self, key: &K) -> Option<usize> {
        self.0.get(key).and_then(|set| set.first().copied())
    }

    /// Gives up `at` under `key` (its item was taken).
    pub(super) fn forget(&mut self, key: &K, at: usize) {
        if let Some(set) = self.0.get_mut(key) {
            set.remove(&at);
        }
    }
}
