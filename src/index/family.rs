//! The entity tree, walked once: each entity's children, and every entity in
//! pre-order (each followed by everything below it), so whether one entity is
//! below another is a constant-time question and the entities below one are
//! a slice.
//!
//! A parent chain ten thousand entities deep costs what ten thousand
//! unrelated entities cost: nothing here walks a chain once per entity.

use std::collections::{BTreeMap, HashMap};

use crate::model::Entity;

/// The parent-child tree of a site's entities.
#[derive(Debug, Default)]
pub(crate) struct Family<'a> {
    /// Every entity in pre-order, children in id order.
    order: Vec<&'a str>,
    /// By entity: its place in `order` and the end (exclusive) of the places
    /// of the entities below it.
    spans: HashMap<&'a str, (usize, usize)>,
    /// Each entity's children, in id order.
    children: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Family<'a> {
    /// The tree of `entities`. Entities whose parent is missing are roots;
    /// validation refuses parent loops, but one would still end here: its
    /// first member by id is taken as a root.
    pub(crate) fn new(entities: &'a BTreeMap<String, Entity>) -> Family<'a> {
        let mut family = Family::default();
        for entity in entities.values() {
            if let Some(parent) = entity
                .parent
                .as_deref()
                .filter(|p| entities.contains_key(*p))
            {
                family.children.entry(parent).or_default().push(&entity.id);
            }
        }
        let roots = entities
            .values()
            .filter(|e| e.parent.as_ref().is_none_or(|p| !entities.contains_key(p)));
        for root in roots {
            family.place_below(&root.id);
        }
        for id in entities.keys() {
            if !family.spans.contains_key(id.as_str()) {
                family.place_below(id);
            }
        }
        family
    }

    /// Adds `root` and everything below it to `order`, depth first, without
    /// recursion (a chain may be deeper than the stack).
    fn place_below(&mut self, root: &'a str) {
        self.enter(root);
        let mut stack: Vec<(&'a str, usize)> = vec![(root, 0)];
        while let Some((entity, next)) = stack.last_mut() {
            let child = self
                .children
                .get(*entity)
                .and_then(|c| c.get(*next))
                .copied();
            *next += 1;
            match child {
                Some(child) if !self.spans.contains_key(child) => {
                    self.enter(child);
                    stack.push((child, 0));
                }
                Some(_) => {}
                None => {
                    let end = self.order.len();
                    if let Some(span) = self.spans.get_mut(*entity) {
                        span.1 = end;
                    }
                    stack.pop();
                }
            }
        }
    }

    fn enter(&mut self, entity: &'a str) {
        self.spans
            .insert(entity, (self.order.len(), self.order.len() + 1));
        self.order.push(entity);
    }

    /// Every entity, each followed by the entities below it: read backwards,
    /// every entity comes after all of those below it.
    pub(crate) fn pre_order(&self) -> &[&'a str] {
        &self.order
    }

    /// The entities whose parent is `entity`, in id order.
    pub(crate) fn children(&self, entity: &str) -> &[&'a str] {
        self.children.get(entity).map_or(&[], Vec::as_slice)
    }

    /// True if `entity` is `ancestor` or below it (a child, grandchild, ...).
    pub(crate) fn is_within(&self, entity: &str, ancestor: &str) -> bool {
        if entity == ancestor {
            return true;
        }
        match (self.spans.get(entity), self.spans.get(ancestor)) {
            (Some(&(place, _)), Some(&(start, end))) => start < place && place < end,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(parents: &[(&str, Option<&str>)]) -> BTreeMap<String, Entity> {
        parents
            .iter()
            .map(|&(id, parent)| {
                let entity = Entity {
                    id: id.to_string(),
                    name: id.to_string(),
                    kind: crate::parse::EntityKind::Organization,
                    parent: parent.map(str::to_string),
                    url: None,
                    aliases: Vec::new(),
                    body: String::new(),
                };
                (id.to_string(), entity)
            })
            .collect()
    }

    #[test]
    fn a_tree_answers_who_is_below_whom() {
        let entities = entities(&[
            ("lab", None),
            ("model", Some("lab")),
            ("app", Some("model")),
            ("chip", Some("lab")),
            ("other", None),
            ("orphan", Some("missing")),
        ]);
        let family = Family::new(&entities);
        assert_eq!(family.children("lab"), ["chip", "model"]);
        assert_eq!(family.children("app"), [] as [&str; 0]);
        assert!(family.is_within("app", "lab") && family.is_within("app", "model"));
        assert!(family.is_within("lab", "lab") && family.is_within("unknown", "unknown"));
        assert!(!family.is_within("lab", "app") && !family.is_within("chip", "model"));
        assert!(!family.is_within("other", "lab") && !family.is_within("orphan", "lab"));
        assert_eq!(
            family.pre_order(),
            ["lab", "chip", "model", "app", "orphan", "other"]
        );
    }

    #[test]
    fn a_deep_chain_and_a_loop_are_walked_once() {
        let ids: Vec<String> = (0..50_000).map(|i| format!("e{i}")).collect();
        let mut chain: Vec<(&str, Option<&str>)> = vec![(&ids[0], None)];
        chain.extend(ids.windows(2).map(|w| (w[1].as_str(), Some(w[0].as_str()))));
        let chained = entities(&chain);
        let family = Family::new(&chained);
        assert!(family.is_within(&ids[49_999], &ids[0]));
        assert!(!family.is_within(&ids[0], &ids[49_999]));
        assert_eq!(family.pre_order().len(), 50_000);

        let looped = entities(&[("a", Some("c")), ("b", Some("a")), ("c", Some("b"))]);
        assert_eq!(Family::new(&looped).pre_order(), ["a", "b", "c"]);
    }
}
