//! Faceted filtering of the items and the counts beside each facet value.
//!
//! Within one facet, values are alternatives (any may match); across facets and the
//! search, all must hold. A value's count is the number of items that would match if
//! that value were chosen too, given the other facets and the search, so counts
//! follow every other active filter.

use crate::data::{Dataset, Item, ItemKind, VoiceKind};
use crate::search::{fold, Query};
use crate::url_state::Filters;

/// Folded search text of every item, built once per dataset.
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn new(ds: &Dataset) -> SearchIndex {
        let haystacks = ds
            .items
            .iter()
            .map(|item| fold(&haystack(ds, item)))
            .collect();
        SearchIndex { haystacks }
    }
}

/// Everything a reader might search for an item by, in both languages: its own words,
/// its topics and countries, its figures' indicators, the glossary terms that point to
/// it, and the references and footnotes behind it.
fn haystack(ds: &Dataset, item: &Item) -> String {
    let mut parts: Vec<&str> = vec![
        &item.id,
        &item.title.zh,
        &item.title.en,
        &item.text.zh,
        &item.text.en,
    ];
    for t in item.topics.iter().filter_map(|id| ds.topic(id)) {
        parts.extend([t.name.zh.as_str(), t.name.en.as_str()]);
    }
    for c in item.countries.iter().filter_map(|id| ds.country(id)) {
        parts.extend([c.id.as_str(), c.name.zh.as_str(), c.name.en.as_str()]);
    }
    for f in item.figures.iter().filter_map(|id| ds.figure(id)) {
        if let Some(ind) = ds.indicator(&f.indicator) {
            parts.extend([ind.name.zh.as_str(), ind.name.en.as_str()]);
        }
    }
    for term in ds.glossary.iter().filter(|t| t.items.contains(&item.id)) {
        parts.extend([term.term.zh.as_str(), term.term.en.as_str()]);
    }
    for r in item.references.iter().filter_map(|id| ds.reference(id)) {
        parts.extend([r.entry.as_str(), r.title.en.as_str()]);
    }
    for n in item.footnotes.iter().filter_map(|id| ds.footnote(id)) {
        parts.extend([n.text.zh.as_str(), n.text.en.as_str()]);
    }
    parts.join("\n")
}

/// The facets of the Explore view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Topic,
    Country,
    Kind,
    /// Whose statement: the author's, a cited source's, a reported view, a fact.
    Voice,
    Section,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Topic,
        Facet::Country,
        Facet::Kind,
        Facet::Voice,
        Facet::Section,
    ];

    pub fn selected(self, filters: &Filters) -> &[String] {
        match self {
            Facet::Topic => &filters.topics,
            Facet::Country => &filters.countries,
            Facet::Kind => &filters.kinds,
            Facet::Voice => &filters.voices,
            Facet::Section => &filters.sections,
        }
    }

    pub fn selected_mut(self, filters: &mut Filters) -> &mut Vec<String> {
        match self {
            Facet::Topic => &mut filters.topics,
            Facet::Country => &mut filters.countries,
            Facet::Kind => &mut filters.kinds,
            Facet::Voice => &mut filters.voices,
            Facet::Section => &mut filters.sections,
        }
    }

    /// Chooses `value` if it is not chosen, and unchooses it if it is.
    pub fn toggle(self, filters: &mut Filters, value: &str) {
        let list = self.selected_mut(filters);
        match list.iter().position(|v| v == value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(value.to_string()),
        }
    }

    /// The values this facet offers, in display order.
    pub fn values(self, ds: &Dataset) -> Vec<String> {
        match self {
            Facet::Topic => ds.topics.iter().map(|t| t.id.clone()).collect(),
            Facet::Country => ds
                .countries
                .iter()
                .filter(|c| ds.items.iter().any(|i| i.countries.contains(&c.id)))
                .map(|c| c.id.clone())
                .collect(),
            Facet::Kind => ItemKind::ALL
                .into_iter()
                .filter(|k| ds.items.iter().any(|i| i.kind == *k))
                .map(|k| k.id().to_string())
                .collect(),
            Facet::Voice => VoiceKind::ALL
                .into_iter()
                .filter(|k| ds.items.iter().any(|i| i.voice.kind == *k))
                .map(|k| k.id().to_string())
                .collect(),
            Facet::Section => ds.sections.iter().map(|s| s.id.clone()).collect(),
        }
    }

    /// Whether an item carries a value of this facet. A section matches the items
    /// located in it or in any of its subsections.
    fn item_has(self, ds: &Dataset, item: &Item, value: &str) -> bool {
        match self {
            Facet::Topic => item.topics.iter().any(|t| t == value),
            Facet::Country => item.countries.iter().any(|c| c == value),
            Facet::Kind => item.kind.id() == value,
            Facet::Voice => item.voice.kind.id() == value,
            Facet::Section => ds
                .section_path(&item.locator.section)
                .iter()
                .any(|s| s.id == value),
        }
    }
}

/// The filters with every value the dataset does not know dropped, so that a hand-
/// edited URL can never select something that cannot be shown or cleared.
pub fn sanitize(filters: &Filters, ds: &Dataset) -> Filters {
    let mut clean = Filters {
        q: filters.q.clone(),
        ..Filters::default()
    };
    for facet in Facet::ALL {
        let known = facet.values(ds);
        *facet.selected_mut(&mut clean) = facet
            .selected(filters)
            .iter()
            .filter(|v| known.contains(v))
            .cloned()
            .collect();
    }
    clean
}

/// The items that match, and the count beside every facet value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    /// Indexes into `Dataset::items`, in dataset order.
    pub items: Vec<usize>,
    pub counts: Vec<(Facet, Vec<(String, usize)>)>,
}

pub fn explore(ds: &Dataset, index: &SearchIndex, filters: &Filters) -> Results {
    let query = Query::new(&filters.q);
    // For each item: does it pass the search, and each facet on its own?
    let passes: Vec<(bool, [bool; Facet::ALL.len()])> = ds
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let search =
                query.is_empty() || index.haystacks.get(i).is_some_and(|h| query.matches(h));
            let facets = Facet::ALL.map(|facet| {
                let chosen = facet.selected(filters);
                chosen.is_empty() || chosen.iter().any(|v| facet.item_has(ds, item, v))
            });
            (search, facets)
        })
        .collect();

    let items = passes
        .iter()
        .enumerate()
        .filter(|(_, (search, facets))| *search && facets.iter().all(|ok| *ok))
        .map(|(i, _)| i)
        .collect();

    let counts = Facet::ALL
        .iter()
        .enumerate()
        .map(|(f, &facet)| {
            let values = facet.values(ds);
            let counted = values
                .into_iter()
                .map(|value| {
                    let n = ds
                        .items
                        .iter()
                        .zip(&passes)
                        .filter(|(item, (search, facets))| {
                            *search
                                && facets.iter().enumerate().all(|(g, ok)| g == f || *ok)
                                && facet.item_has(ds, item, &value)
                        })
                        .count();
                    (value, n)
                })
                .collect();
            (facet, counted)
        })
        .collect();

    Results { items, counts }
}

/// How much the article says about one country and one topic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub items: usize,
    pub figures: usize,
}

/// Countries (those the Explore facet offers, in its order) × topics: the items naming
/// both, and the figures about the country whose indicator has the topic.
pub fn coverage(ds: &Dataset) -> Vec<(String, Vec<(String, Coverage)>)> {
    Facet::Country
        .values(ds)
        .into_iter()
        .map(|country| {
            let row = ds
                .topics
                .iter()
                .map(|topic| {
                    let items = ds
                        .items
                        .iter()
                        .filter(|i| i.countries.contains(&country) && i.topics.contains(&topic.id))
                        .count();
                    let figures = ds
                        .figures
                        .iter()
                        .filter(|f| {
                            (f.country == country || f.partner.as_deref() == Some(country.as_str()))
                                && ds
                                    .indicator(&f.indicator)
                                    .is_some_and(|ind| ind.topic == topic.id)
                        })
                        .count();
                    (topic.id.clone(), Coverage { items, figures })
                })
                .collect();
            (country, row)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    fn fixture() -> Dataset {
        load(include_str!("../tests/fixtures/minimal.json")).expect("valid fixture")
    }

    fn filters(edit: impl FnOnce(&mut Filters)) -> Filters {
        let mut f = Filters::default();
        edit(&mut f);
        f
    }

    fn count(results: &Results, facet: Facet, value: &str) -> usize {
        results
            .counts
            .iter()
            .find(|(f, _)| *f == facet)
            .and_then(|(_, values)| values.iter().find(|(v, _)| v == value))
            .map_or(usize::MAX, |(_, n)| *n)
    }

    #[test]
    fn no_filter_shows_everything() {
        let ds = fixture();
        let r = explore(&ds, &SearchIndex::new(&ds), &Filters::default());
        assert_eq!(r.items, vec![0, 1]);
        assert_eq!(count(&r, Facet::Kind, "claim"), 1);
        assert_eq!(count(&r, Facet::Country, "KGZ"), 1);
        assert_eq!(count(&r, Facet::Country, "CA5"), 1);
    }

    #[test]
    fn counts_follow_the_other_facets_but_not_their_own() {
        let ds = fixture();
        let f = filters(|f| f.kinds = vec!["recommendation".into()]);
        let r = explore(&ds, &SearchIndex::new(&ds), &f);
        assert_eq!(r.items, vec![1]);
        // Within the kind facet, the other kind still shows what choosing it would add.
        assert_eq!(count(&r, Facet::Kind, "claim"), 1);
        // Other facets count within the chosen kind only.
        assert_eq!(count(&r, Facet::Country, "KGZ"), 0);
        assert_eq!(count(&r, Facet::Country, "CA5"), 1);
    }

    #[test]
    fn values_in_one_facet_are_alternatives() {
        let ds = fixture();
        let f = filters(|f| f.countries = vec!["KGZ".into(), "CA5".into()]);
        assert_eq!(explore(&ds, &SearchIndex::new(&ds), &f).items, vec![0, 1]);
    }

    #[test]
    fn a_section_includes_its_subsections() {
        let ds = fixture();
        let f = filters(|f| f.sections = vec!["s1".into()]);
        assert_eq!(explore(&ds, &SearchIndex::new(&ds), &f).items, vec![0, 1]);
        let f = filters(|f| f.sections = vec!["s1-1".into()]);
        assert_eq!(explore(&ds, &SearchIndex::new(&ds), &f).items, vec![0]);
    }

    #[test]
    fn search_reaches_names_indicators_glossary_and_sources_in_both_languages() {
        let ds = fixture();
        let index = SearchIndex::new(&ds);
        let hits = |q: &str| explore(&ds, &index, &filters(|f| f.q = q.into())).items;
        assert_eq!(hits("kyrgyzstan"), vec![0], "country name, English");
        assert_eq!(hits("贫困率"), vec![0], "indicator name, Chinese");
        assert_eq!(
            hits("POVERTY ALLEVIATION"),
            vec![1],
            "glossary term, any case"
        );
        assert_eq!(hits("测试文献"), vec![0], "reference title");
        assert_eq!(hits("world bank"), vec![0], "footnote");
        assert!(hits("nothing-like-this").is_empty());
    }

    #[test]
    fn toggling_adds_then_removes_a_value() {
        let mut f = Filters::default();
        Facet::Country.toggle(&mut f, "KGZ");
        Facet::Country.toggle(&mut f, "TJK");
        assert_eq!(f.countries, ["KGZ", "TJK"]);
        Facet::Country.toggle(&mut f, "KGZ");
        assert_eq!(f.countries, ["TJK"]);
        assert!(f.topics.is_empty());
    }

    #[test]
    fn unknown_values_are_dropped() {
        let ds = fixture();
        let f = filters(|f| {
            f.countries = vec!["KGZ".into(), "XXX".into()];
            f.kinds = vec!["opinion".into()];
        });
        let clean = sanitize(&f, &ds);
        assert_eq!(clean.countries, ["KGZ"]);
        assert!(clean.kinds.is_empty());
    }

    #[test]
    fn coverage_counts_items_and_figures_per_country_and_topic() {
        let ds = load(include_str!("../tests/fixtures/minimal.json")).expect("valid");
        let grid = coverage(&ds);
        let cell = |country: &str| {
            grid.iter()
                .find(|(c, _)| c == country)
                .map(|(_, row)| row[0].1)
                .expect("row")
        };
        // One claim names KGZ and TJK; each has one poverty figure; CA5 has only the
        // recommendation.
        assert_eq!(
            cell("KGZ"),
            Coverage {
                items: 1,
                figures: 1
            }
        );
        assert_eq!(
            cell("TJK"),
            Coverage {
                items: 1,
                figures: 1
            }
        );
        assert_eq!(
            cell("CA5"),
            Coverage {
                items: 1,
                figures: 0
            }
        );
    }
}
