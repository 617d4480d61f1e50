//! The argument map's structure, from the dataset's links: which items are challenges,
//! the author's approach, problems, recommendations and evidence, in the article's order.

use crate::data::{Dataset, Item, ItemKind, Link, Relation};

/// The argument's nodes by role, in the article's order of parts (challenges in part
/// one, the approach in part two, problems in part three, recommendations in part four).
///
/// - a recommendation or a problem is one by its kind;
/// - the approach is the reasons and foundations for social cooperation and whatever the
///   author offers as the way through a problem (the source of an `addresses` link);
/// - a challenge is a narrative, a strand of one (the source of a `part-of` link), or
///   anything else that is answered, addressed or has parts;
/// - evidence is whatever supports or grounds another item and is none of those.
pub struct ArgumentMap<'a> {
    pub challenges: Vec<&'a Item>,
    pub approach: Vec<&'a Item>,
    pub problems: Vec<&'a Item>,
    pub recommendations: Vec<&'a Item>,
    pub evidence: Vec<&'a Item>,
}

impl<'a> ArgumentMap<'a> {
    pub fn new(ds: &'a Dataset) -> ArgumentMap<'a> {
        let has = |pick: fn(&Link) -> &str, item: &Item, relations: &[Relation]| {
            ds.links
                .iter()
                .any(|l| pick(l) == item.id && relations.contains(&l.relation))
        };
        fn from(l: &Link) -> &str {
            &l.from
        }
        fn to(l: &Link) -> &str {
            &l.to
        }
        let by_kind = |i: &Item| matches!(i.kind, ItemKind::Problem | ItemKind::Recommendation);
        let of_kind = |kind: ItemKind| ds.items.iter().filter(move |i| i.kind == kind);
        let approach = ds
            .items
            .iter()
            .filter(|i| {
                matches!(i.kind, ItemKind::Reason | ItemKind::Foundation)
                    || (!by_kind(i) && has(from, i, &[Relation::Addresses]))
            })
            .collect::<Vec<_>>();
        let in_approach = |i: &Item| approach.iter().any(|a| a.id == i.id);
        let challenges = ds
            .items
            .iter()
            .filter(|i| {
                i.kind == ItemKind::Narrative
                    || (!by_kind(i)
                        && !in_approach(i)
                        && (has(from, i, &[Relation::PartOf])
                            || has(
                                to,
                                i,
                                &[Relation::Answers, Relation::Addresses, Relation::PartOf],
                            )))
            })
            .collect::<Vec<_>>();
        let evidence = ds
            .items
            .iter()
            .filter(|i| {
                !by_kind(i)
                    && !in_approach(i)
                    && !challenges.iter().any(|c| c.id == i.id)
                    && has(from, i, &[Relation::Supports, Relation::Grounds])
            })
            .collect();
        ArgumentMap {
            challenges,
            approach,
            problems: of_kind(ItemKind::Problem).collect(),
            recommendations: of_kind(ItemKind::Recommendation).collect(),
            evidence,
        }
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
        assert_eq!(ids(&map.recommendations), ["rec-poverty"]);
        // The claim is answered by a recommendation, so it is a challenge here.
        assert_eq!(ids(&map.challenges), ["claim-poverty"]);
        assert!(map.evidence.is_empty() && map.problems.is_empty() && map.approach.is_empty());
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
        assert_eq!(ids(&map.approach), ["thesis", "reason-a"]);
        assert_eq!(ids(&map.challenges), ["framing", "narrative-a", "puzzle"]);
        assert_eq!(ids(&map.evidence), ["fact-a"]);
        assert_eq!(links_into(&ds, "reason-a", Relation::Grounds).len(), 1);
        assert_eq!(links_out_of(&ds, "narrative-a", Relation::PartOf).len(), 1);
    }
}
