//! Loops of entity parents: found in one walk, named from any member.

use std::collections::{BTreeMap, BTreeSet};

/// Most entities a loop's message names; a longer loop is shortened in the middle.
const LOOP_SHOWN: usize = 12;

/// Every loop of entity parents, found in one walk over the parent links
/// (each entity has at most one parent, so each is visited once).
pub(super) struct ParentLoops<'a> {
    /// Each loop's members in parent order.
    loops: Vec<Vec<&'a str>>,
    /// By member: its loop and its place there.
    members: BTreeMap<&'a str, (usize, usize)>,
}

impl<'a> ParentLoops<'a> {
    pub(super) fn find(parents: &BTreeMap<&'a str, &'a str>) -> Self {
        let mut found = ParentLoops {
            loops: Vec::new(),
            members: BTreeMap::new(),
        };
        // Entities already walked from an earlier start: no loop begins there again.
        let mut walked: BTreeSet<&str> = BTreeSet::new();
        for &start in parents.keys() {
            let mut path: Vec<&str> = Vec::new();
            let mut on_path: BTreeMap<&str, usize> = BTreeMap::new();
            let mut current = start;
            while walked.insert(current) {
                on_path.insert(current, path.len());
                path.push(current);
                match parents.get(current) {
                    Some(&parent) => current = parent,
                    None => break,
                }
            }
            if let Some(&at) = on_path.get(current) {
                found.add(path.split_off(at));
            }
        }
        found
    }

    fn add(&mut self, members: Vec<&'a str>) {
        let number = self.loops.len();
        for (place, &member) in members.iter().enumerate() {
            self.members.insert(member, (number, place));
        }
        self.loops.push(members);
    }

    /// The loop `entity` is in, from it back to it: `a -> b -> a`.
    pub(super) fn from(&self, entity: &str) -> Option<String> {
        let &(number, place) = self.members.get(entity)?;
        let members = &self.loops[number];
        // Step `i` of the walk around the loop, from `entity` (step 0) back to it.
        let step = |i: usize| members[(place + i) % members.len()];
        let steps = members.len() + 1;
        let names: Vec<String> = if steps <= LOOP_SHOWN {
            (0..steps).map(|i| step(i).to_string()).collect()
        } else {
            let half = LOOP_SHOWN / 2;
            let head = (0..half).map(|i| step(i).to_string());
            let more = format!("({} more)", steps - LOOP_SHOWN);
            let tail = (steps - half..steps).map(|i| step(i).to_string());
            head.chain(std::iter::once(more)).chain(tail).collect()
        };
        Some(names.join(" -> "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loops(links: &[(&'static str, &'static str)]) -> ParentLoops<'static> {
        ParentLoops::find(&links.iter().copied().collect())
    }

    #[test]
    fn each_loop_is_named_from_each_member() {
        let found = loops(&[("a", "b"), ("b", "a"), ("c", "a"), ("s", "s"), ("t", "u")]);
        assert_eq!(found.from("a").as_deref(), Some("a -> b -> a"));
        assert_eq!(found.from("b").as_deref(), Some("b -> a -> b"));
        assert_eq!(found.from("s").as_deref(), Some("s -> s"));
        assert_eq!(
            found.from("c"),
            None,
            "leads into a loop without being in it"
        );
        assert_eq!(found.from("t"), None);
    }

    #[test]
    fn a_long_loop_is_shortened_in_the_middle() {
        let ids: Vec<&'static str> = (0..20_000)
            .map(|i| &*Box::leak(format!("e{i}").into_boxed_str()))
            .collect();
        let links: Vec<(&str, &str)> = (0..ids.len())
            .map(|i| (ids[i], ids[(i + 1) % ids.len()]))
            .collect();
        let found = loops(&links);
        assert_eq!(
            found.from("e19998").as_deref(),
            Some(
                "e19998 -> e19999 -> e0 -> e1 -> e2 -> e3 -> (19989 more) -> e19993 -> e19994 -> e19995 -> e19996 -> e19997 -> e19998"
            )
        );
        assert!((0..ids.len()).all(|i| found.from(ids[i]).is_some()));
    }
}
