//! The argument map's structure, from the dataset's links: which items are challenges,
//! the author's approach, problems, recommendations and evidence, in the article's order.

use std::collections::{HashMap, HashSet};

use crate::data::{Dataset, Item, ItemKind, Link, Relation};

coded! {
    id / from_id;
    /// An item's place in the argument map; the code is used in addresses
    /// (`explore/?role=challenge`). The order is the article's order of parts:
    /// challenges in part one, the approach in part two, problems in part three,
    /// recommendations in part four, and the evidence behind them.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Role {
        Challenge = "challenge",
        Approach = "approach",
        Problem = "problem",
        Recommendation = "recommendation",
        Evidence = "evidence",
    }
}

/// The argument's nodes by role, each in the dataset's order.
///
/// - a recommendation or a problem is one by its kind;
/// - the approach is the reasons and foundations for social cooperation and whatever the
///   author offers as the way through a problem (the source of an `addresses` link);
/// - a challenge is a narrative, a strand of one (the source of a `part-of` link), or
///   anything else that is answered, addressed or has parts;
/// - evidence is whatever supports or grounds another item and is none of those.
///
/// An item is in one role at most; an item no link touches is in none.
pub struct ArgumentMap<'a> {
    /// In the order of [`Role::ALL`].
    nodes: [Vec<&'a Item>; Role::ALL.len()],
    /// Each item's role, by id.
    roles: HashMap<&'a str, Role>,
}

impl<'a> ArgumentMap<'a> {
    pub fn new(ds: &'a Dataset) -> ArgumentMap<'a> {
        // Which items are the source or the target of a link of some relations: one
        // pass over the links, so that a dataset of thousands costs little.
        let ends = |relations: &[Relation], source: bool| -> HashSet<&'a str> {
            ds.links
                .iter()
                .filter(|l| relations.contains(&l.relation))
                .map(|l| {
                    if source {
                        l.from.as_str()
                    } else {
                        l.to.as_str()
                    }
                })
                .collect()
        };
        let addresses = ends(&[Relation::Addresses], true);
        let a_strand = ends(&[Relation::PartOf], true);
        let answered = ends(
            &[Relation::Answers, Relation::Addresses, Relation::PartOf],
            false,
        );
        let backs = ends(&[Relation::Supports, Relation::Grounds], true);
        let role = |i: &Item| -> Option<Role> {
            let id = i.id.as_str();
            match i.kind {
                ItemKind::Problem => Some(Role::Problem),
                ItemKind::Recommendation => Some(Role::Recommendation),
                ItemKind::Reason | ItemKind::Foundation => Some(Role::Approach),
                _ if addresses.contains(id) => Some(Role::Approach),
                ItemKind::Narrative => Some(Role::Challenge),
                _ if a_strand.contains(id) || answered.contains(id) => Some(Role::Challenge),
                _ if backs.contains(id) => Some(Role::Evidence),
                _ => None,
            }
        };
        let mut nodes: [Vec<&'a Item>; Role::ALL.len()] = Default::default();
        let mut roles = HashMap::new();
        for item in &ds.items {
            if let Some(role) = role(item) {
                nodes[role as usize].push(item);
                roles.insert(item.id.as_str(), role);
            }
        }
        ArgumentMap { nodes, roles }
    }

    /// The items in `role`, in the dataset's order.
    pub fn nodes(&self, role: Role) -> &[&'a Item] {
        &self.nodes[role as usize]
    }

    /// The role of the item `id`, if it has one.
    pub fn role_of(&self, id: &str) -> Option<Role> {
        self.roles.get(id).copied()
    }
}

/// The links into an item of one relation (what answers, supports, grounds or
/// addresses it, what its parts are).
pub fn links_into<'a>(ds: &'a Dataset, id: &'a str, relation: Relation) -> Vec<&'a Link> {
    ds.links_to(id).filter(|l| l.relation == relation).collect()
}

/// The links out of an item of one relation (what it answers, supports, grounds or
/// addresses, what it is part of).
pub fn links_out_of<'a>(ds: &'a Dataset, id: &'a str, relation: Relation) -> Vec<&'a Link> {
    ds.links_from(id)
        .filter(|l| l.relation == relation)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    #[test]
    fn roles_follow_kinds_and_links() {
        let ds = load(include_str!("../tests/fixtures/minimal.json")).expect("valid");
        let map = ArgumentMap::new(&ds);
        let ids = |items: &[&Item]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(map.nodes(Role::Recommendation)), ["rec-poverty"]);
        // The claim is answered by a recommendation, so it is a challenge here.
        assert_eq!(ids(map.nodes(Role::Challenge)), ["claim-poverty"]);
        for role in [Role::Evidence, Role::Problem, Role::Approach] {
            assert!(map.nodes(role).is_empty());
        }
        assert_eq!(map.role_of("claim-poverty"), Some(Role::Challenge));
        assert_eq!(links_into(&ds, "claim-poverty", Relation::Answers).len(), 1);
        assert!(links_out_of(&ds, "claim-poverty", Relation::Supports).is_empty());
    }

    /// A dataset with one item of each kind the new relations join.
    fn with_links(links: serde_json::Value) -> Dataset {
        let mut value: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/minimal.json")).expect("json");
        let item = |id: &str, kind: &str, voice: &str| {
            let mut item = value["items"][0].clone();
            item["id"] = serde_json::json!(id);
            item["kind"] = serde_json::json!(kind);
            item["voice"] = match voice {
                "author" => serde_json::json!({ "kind": "author" }),
                _ => serde_json::json!({ "kind": voice, "by": { "zh": "某", "en": "Some" } }),
            };
            item.as_object_mut().expect("object").remove("figures");
            item
        };
        let extra = [
            item("thesis", "claim", "author"),
            item("reason-a", "reason", "author"),
            item("fact-a", "claim", "fact"),
            item("framing", "claim", "author"),
            item("narrative-a", "narrative", "reported"),
            item("puzzle", "claim", "author"),
        ];
        value["items"].as_array_mut().expect("items").extend(extra);
        value["links"] = links;
        load(&value.to_string()).expect("valid")
    }

    #[test]
    fn the_approach_is_the_reasons_and_what_addresses_a_puzzle() {
        let link = |from: &str, to: &str, relation: &str| {
            serde_json::json!({ "from": from, "to": to, "relation": relation, "basis": "stated",
                "locator": { "section": "s1", "paragraph": 1 },
                "reason": { "zh": "理由。", "en": "A reason." } })
        };
        let ds = with_links(serde_json::json!([
            link("reason-a", "thesis", "supports"),
            link("fact-a", "reason-a", "grounds"),
            link("thesis", "puzzle", "addresses"),
            link("narrative-a", "framing", "part-of"),
        ]));
        let map = ArgumentMap::new(&ds);
        let ids = |items: &[&Item]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(map.nodes(Role::Approach)), ["thesis", "reason-a"]);
        assert_eq!(
            ids(map.nodes(Role::Challenge)),
            ["framing", "narrative-a", "puzzle"]
        );
        assert_eq!(ids(map.nodes(Role::Evidence)), ["fact-a"]);
        assert_eq!(map.role_of("thesis"), Some(Role::Approach));
        assert_eq!(map.role_of("fact-a"), Some(Role::Evidence));
        assert_eq!(links_into(&ds, "reason-a", Relation::Grounds).len(), 1);
        assert_eq!(links_out_of(&ds, "narrative-a", Relation::PartOf).len(), 1);
    }
}
