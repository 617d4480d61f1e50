//! The argument map's structure, from the dataset's links: which items are challenges,
//! problems, recommendations and evidence, in the article's order.

use crate::data::{Dataset, Item, ItemKind, Link, Relation};

/// The argument's nodes by role. An item is a recommendation or a problem by its kind;
/// a challenge is a narrative or anything else a recommendation answers or evidence
/// supports; evidence is whatever supports another item and is none of those.
pub struct ArgumentMap<'a> {
    pub challenges: Vec<&'a Item>,
    pub problems: Vec<&'a Item>,
    pub recommendations: Vec<&'a Item>,
    pub evidence: Vec<&'a Item>,
}

impl<'a> ArgumentMap<'a> {
    pub fn new(ds: &'a Dataset) -> ArgumentMap<'a> {
        let is_target = |item: &Item| ds.links.iter().any(|l| l.to == item.id);
        let is_support = |item: &Item| {
            ds.links
                .iter()
                .any(|l| l.from == item.id && l.relation == Relation::Supports)
        };
        let of_kind = |kind: ItemKind| ds.items.iter().filter(move |i| i.kind == kind);
        let challenges = ds
            .items
            .iter()
            .filter(|i| {
                i.kind == ItemKind::Narrative
                    || (!matches!(i.kind, ItemKind::Problem | ItemKind::Recommendation)
                        && is_target(i))
            })
            .collect::<Vec<_>>();
        let evidence = ds
            .items
            .iter()
            .filter(|i| {
                !matches!(i.kind, ItemKind::Problem | ItemKind::Recommendation)
                    && !challenges.iter().any(|c| c.id == i.id)
                    && is_support(i)
            })
            .collect();
        ArgumentMap {
            challenges,
            problems: of_kind(ItemKind::Problem).collect(),
            recommendations: of_kind(ItemKind::Recommendation).collect(),
            evidence,
        }
    }
}

/// The links into an item of one relation (what answers it, what supports it).
pub fn links_into<'a>(ds: &'a Dataset, id: &'a str, relation: Relation) -> Vec<&'a Link> {
    ds.links_to(id).filter(|l| l.relation == relation).collect()
}

/// The links out of an item of one relation (what it answers, what it supports).
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
        assert_eq!(ids(&map.recommendations), ["rec-poverty"]);
        // The claim is answered by a recommendation, so it is a challenge here.
        assert_eq!(ids(&map.challenges), ["claim-poverty"]);
        assert!(map.evidence.is_empty() && map.problems.is_empty());
        assert_eq!(links_into(&ds, "claim-poverty", Relation::Answers).len(), 1);
        assert!(links_out_of(&ds, "claim-poverty", Relation::Supports).is_empty());
    }
}
