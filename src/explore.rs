//! Faceted filtering of the items and the counts beside each facet value.
//!
//! Within one facet, values are alternatives (any may match); across facets and the
//! search, all must hold. A value's count is the number of items that would match if
//! that value were chosen too, given the other facets and the search, so counts
//! follow every other active filter.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use crate::argument::{ArgumentMap, Role};
use crate::data::{Dataset, Item, ItemKind, VoiceKind};
use crate::order::{sort_short_by_key, top};
use crate::search::{fold, Query};
pub use crate::url_state::Facet;
use crate::url_state::Filters;

/// Where the build writes [`ExploreIndex`], below the site's root.
pub const EXPLORE_INDEX_FILE: &str = "data/explore.json";

/// Explore's index of the items: what the search and the facets need, and no text to
/// show (the page holds the rows). The build writes it for Explore's island
/// (`data/explore.json`, see `islands::explore`); the app builds the same from the
/// dataset.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ExploreIndex {
    /// The items' ids, in dataset order.
    pub ids: Vec<String>,
    /// Each item's search text (see [`haystack`]), folded, in dataset order.
    pub texts: Vec<String>,
    /// In the order of [`Facet::ALL`] (a facet's position there is `facet as usize`).
    pub facets: Vec<FacetIndex>,
}

/// One facet of [`ExploreIndex`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FacetIndex {
    /// The facet's values, in display order.
    pub values: Vec<String>,
    /// For each item, the positions in `values` of the values it carries.
    pub of_item: Vec<Vec<usize>>,
}

impl ExploreIndex {
    pub fn new(ds: &Dataset) -> ExploreIndex {
        let map = ArgumentMap::new(ds);
        let facets = Facet::ALL
            .iter()
            .map(|&facet| {
                let values = facet.values(ds, &map);
                let position: HashMap<&str, usize> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (v.as_str(), i))
                    .collect();
                let of_item = ds
                    .items
                    .iter()
                    .map(|item| {
                        let mut carried: Vec<usize> = facet
                            .item_values(ds, &map, item)
                            .into_iter()
                            .filter_map(|v| position.get(v).copied())
                            .collect();
                        sort_short_by_key(&mut carried, |&v| v);
                        carried.dedup();
                        carried
                    })
                    .collect();
                FacetIndex { values, of_item }
            })
            .collect();
        ExploreIndex {
            ids: ds.items.iter().map(|item| item.id.clone()).collect(),
            texts: ds
                .items
                .iter()
                .map(|item| fold(&haystack(ds, item)))
                .collect(),
            facets,
        }
    }
}

/// What Explore works from: the index, and the last search's matches, so that a
/// keystroke costs one pass over the items, or over fewer.
pub struct SearchIndex {
    index: ExploreIndex,
    /// The last search and the items its text matched (whatever the facets), so that
    /// a search that narrows it (the next keystroke, mostly) looks only among those.
    last_search: Mutex<Option<(Query, Vec<usize>)>>,
}

impl From<ExploreIndex> for SearchIndex {
    fn from(index: ExploreIndex) -> SearchIndex {
        SearchIndex {
            index,
            last_search: Mutex::new(None),
        }
    }
}

impl SearchIndex {
    pub fn new(ds: &Dataset) -> SearchIndex {
        ExploreIndex::new(ds).into()
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.index.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.ids.is_empty()
    }

    /// The id of the item at `item` (a position in dataset order).
    pub fn id(&self, item: usize) -> Option<&str> {
        self.index.ids.get(item).map(String::as_str)
    }

    /// The position of the item `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.ids.iter().position(|i| i == id)
    }

    /// Each facet's values in display order: the order of [`Results::counts`].
    pub fn facet_values(&self, facet: Facet) -> &[String] {
        self.facet(facet).map_or(&[], |fi| fi.values.as_slice())
    }

    fn facet(&self, facet: Facet) -> Option<&FacetIndex> {
        self.index.facets.get(facet as usize)
    }

    /// The values of `facet` that the item at `item` (a position in the dataset's items)
    /// carries, in display order.
    pub fn carried(&self, facet: Facet, item: usize) -> Vec<&str> {
        let fi = self.facet(facet);
        let positions = fi.and_then(|fi| fi.of_item.get(item));
        positions
            .into_iter()
            .flatten()
            .filter_map(|&v| fi.and_then(|fi| fi.values.get(v)).map(String::as_str))
            .collect()
    }

    /// The items whose text `query` (not empty) matches, in dataset order.
    fn matching(&self, query: &Query) -> Vec<usize> {
        let texts = &self.index.texts;
        let matcher = query.matcher();
        let matches = |&i: &usize| texts.get(i).is_some_and(|h| matcher.matches(h));
        let mut last = self
            .last_search
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let found: Vec<usize> = match last.as_ref() {
            Some((previous, found)) if query.narrows(previous) => {
                found.iter().copied().filter(matches).collect()
            }
            _ => (0..texts.len()).filter(matches).collect(),
        };
        *last = Some((query.clone(), found.clone()));
        found
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

/// Explore's facets: the URL parameters are in `url_state`, the values here.
impl Facet {
    /// The values this facet offers, in display order.
    fn values(self, ds: &Dataset, map: &ArgumentMap) -> Vec<String> {
        match self {
            Facet::Topic => ds.topics.iter().map(|t| t.id.clone()).collect(),
            Facet::Country => countries_named(ds),
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
            Facet::Role => Role::ALL
                .into_iter()
                .filter(|&r| !map.nodes(r).is_empty())
                .map(|r| r.id().to_string())
                .collect(),
            Facet::Section => ds.sections.iter().map(|s| s.id.clone()).collect(),
        }
    }

    /// The values of this facet an item carries. An item in a subsection is in each
    /// section above it too.
    fn item_values<'a>(self, ds: &'a Dataset, map: &ArgumentMap, item: &'a Item) -> Vec<&'a str> {
        match self {
            Facet::Topic => item.topics.iter().map(String::as_str).collect(),
            Facet::Country => item.countries.iter().map(String::as_str).collect(),
            Facet::Kind => vec![item.kind.id()],
            Facet::Voice => vec![item.voice.kind.id()],
            Facet::Role => map.role_of(&item.id).map(Role::id).into_iter().collect(),
            Facet::Section => ds
                .section_path(&item.locator.section)
                .iter()
                .map(|s| s.id.as_str())
                .collect(),
        }
    }
}

/// The countries some item names, in the dataset's order.
fn countries_named(ds: &Dataset) -> Vec<String> {
    ds.countries
        .iter()
        .filter(|c| ds.items.iter().any(|i| i.countries.contains(&c.id)))
        .map(|c| c.id.clone())
        .collect()
}

/// The filters with every value the dataset does not know dropped, so that a hand-
/// edited URL can never select something that cannot be shown or cleared. `index` must
/// be built from the dataset.
pub fn sanitize(filters: &Filters, index: &SearchIndex) -> Filters {
    let mut clean = Filters::searching(filters.q.clone());
    for facet in Facet::ALL {
        let known = index.facet_values(facet);
        *clean.chosen_mut(facet) = filters
            .chosen(facet)
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

/// The items that pass the search and every facet, and each facet value's count, in
/// one pass over the items.
pub fn explore(index: &SearchIndex, filters: &Filters) -> Results {
    let facets = &index.index.facets;
    const NO_VALUES: &[usize] = &[];
    let query = Query::new(&filters.q);
    // Per facet: is it in use, and which of its values (by position) are chosen.
    let active = Facet::ALL.map(|facet| !filters.chosen(facet).is_empty());
    let chosen: Vec<Vec<bool>> = Facet::ALL
        .iter()
        .zip(facets)
        .map(|(facet, fi)| {
            let selected = filters.chosen(*facet);
            fi.values.iter().map(|v| selected.contains(v)).collect()
        })
        .collect();
    let carried = |f: usize, item: usize| -> &[usize] {
        facets
            .get(f)
            .and_then(|fi| fi.of_item.get(item))
            .map_or(NO_VALUES, Vec::as_slice)
    };

    // The items the search lets through; with no search, every item.
    let searched: Vec<usize> = if query.is_empty() {
        (0..index.len()).collect()
    } else {
        index.matching(&query)
    };
    let mut items = Vec::new();
    let mut counts: Vec<Vec<usize>> = facets.iter().map(|fi| vec![0; fi.values.len()]).collect();
    for i in searched {
        let passes: [bool; Facet::ALL.len()] = std::array::from_fn(|f| {
            !active[f]
                || carried(f, i).iter().any(|&v| {
                    chosen
                        .get(f)
                        .and_then(|c| c.get(v))
                        .copied()
                        .unwrap_or(false)
                })
        });
        let failing = passes.iter().filter(|ok| !**ok).count();
        if failing == 0 {
            items.push(i);
        }
        // A value's count: the items that would match were it chosen too, that is,
        // the items with it that pass every other facet.
        for (f, counted) in counts.iter_mut().enumerate() {
            if failing == 0 || (failing == 1 && !passes[f]) {
                for &v in carried(f, i) {
                    if let Some(n) = counted.get_mut(v) {
                        *n += 1;
                    }
                }
            }
        }
    }

    let counts = Facet::ALL
        .iter()
        .zip(facets)
        .zip(counts)
        .map(|((&facet, fi), counted)| (facet, fi.values.iter().cloned().zip(counted).collect()))
        .collect();
    Results { items, counts }
}

/// Explore's result rows are baked in files of this many items each, beside Explore's
/// page (see [`rows_file`]): its island fetches those that hold the rows a selection
/// shows and the page was not baked with.
pub const ROWS_PER_FILE: usize = 100;

/// The file, beside Explore's page, with the row of the item at `item` (a position in
/// dataset order), and the positions the file holds.
pub fn rows_file(item: usize) -> (String, std::ops::Range<usize>) {
    let n = item / ROWS_PER_FILE;
    (
        format!("rows-{n}.html"),
        n * ROWS_PER_FILE..(n + 1) * ROWS_PER_FILE,
    )
}

/// Results are drawn a page at a time, so a keystroke costs the same on a dataset of
/// ten thousand items as on one of a hundred.
pub const PAGE_SIZE: usize = 25;

/// How many results the reader has asked to see for one selection: "show more" adds a
/// page, and any other selection (a keystroke, a facet) starts again at one page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    filters: Filters,
    count: usize,
}

impl Shown {
    /// How many of `matched` results to draw for `filters`.
    pub fn count(&self, filters: &Filters, matched: usize) -> usize {
        let asked = if &self.filters == filters {
            self.count.max(PAGE_SIZE)
        } else {
            PAGE_SIZE
        };
        asked.min(matched)
    }

    /// One page more than is shown now.
    pub fn more(&self, filters: &Filters, matched: usize) -> Shown {
        Shown {
            filters: filters.clone(),
            count: self.count(filters, matched) + PAGE_SIZE,
        }
    }
}

/// Explore's result rows in the page: the results shown, and results shown before and
/// hidden since. A result that comes back (a search cleared or retyped, a box unticked)
/// is shown again instead of drawn anew, which is most of what a keystroke or a click
/// costs. Hidden rows beyond [`KeptRows::LIMIT`] go, those shown longest ago first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptRows {
    /// In the dataset's order: each row's item and when it was last shown.
    rows: Vec<KeptRow>,
    /// Counts the calls of [`KeptRows::show`].
    now: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct KeptRow {
    item: usize,
    shown_at: u64,
}

impl KeptRows {
    /// Rows kept in the page at most (unless more are shown): enough for the results
    /// of a few searches, little memory.
    pub const LIMIT: usize = 200;

    /// The rows' items, in the dataset's order: the order of the rows in the page.
    pub fn items(&self) -> Vec<usize> {
        self.rows.iter().map(|row| row.item).collect()
    }

    /// The rows once `shown` (results, so in the dataset's order) are shown: these and
    /// the rows kept before. Were `shown` out of order, keeping others among them could
    /// not keep both orders: then it is `shown` alone.
    pub fn show(&self, shown: &[usize]) -> KeptRows {
        let now = self.now + 1;
        if !shown.windows(2).all(|pair| pair[0] < pair[1]) {
            let rows = shown.iter().map(|&item| KeptRow {
                item,
                shown_at: now,
            });
            return KeptRows {
                rows: rows.collect(),
                now,
            };
        }
        // Both lists are in order: merge them.
        let mut rows = Vec::with_capacity(self.rows.len() + shown.len());
        let mut kept = self.rows.iter().peekable();
        for &item in shown {
            while let Some(row) = kept.next_if(|row| row.item < item) {
                rows.push(*row);
            }
            kept.next_if(|row| row.item == item);
            rows.push(KeptRow {
                item,
                shown_at: now,
            });
        }
        rows.extend(kept);
        let excess = rows.len().saturating_sub(Self::LIMIT.max(shown.len()));
        if excess > 0 {
            let hidden = rows.iter().filter(|row| row.shown_at < now);
            let oldest = top(hidden.copied(), excess, |a, b| a.shown_at.cmp(&b.shown_at));
            rows.retain(|row| !oldest.contains(row));
        }
        KeptRows { rows, now }
    }
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
    countries_named(ds)
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
    use proptest::prelude::*;

    fn fixture() -> Dataset {
        load(include_str!("../tests/fixtures/minimal.json")).expect("valid fixture")
    }

    /// The article's dataset, read once for all tests.
    fn real() -> &'static Dataset {
        static DATASET: std::sync::LazyLock<Dataset> = std::sync::LazyLock::new(|| {
            load(include_str!("../data/dataset.json")).expect("valid dataset")
        });
        &DATASET
    }

    #[test]
    fn the_index_read_back_from_its_file_searches_and_counts_as_built() {
        let ds = real();
        let built = SearchIndex::new(ds);
        let file = serde_json::to_string(&ExploreIndex::new(ds)).expect("serializable");
        let read: ExploreIndex = serde_json::from_str(&file).expect("readable");
        let read = SearchIndex::from(read);
        assert_eq!(read.len(), ds.items.len());
        for q in ["poverty", "kgz", "教育", "e", ""] {
            let f = filters(|f| {
                f.q = q.into();
                f.chosen_mut(Facet::Kind).push("claim".into());
            });
            assert_eq!(explore(&read, &f), explore(&built, &f), "search {q:?}");
        }
        assert_eq!(read.id(0), ds.items.first().map(|i| i.id.as_str()));
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
        let r = explore(&SearchIndex::new(&ds), &Filters::default());
        assert_eq!(r.items, vec![0, 1]);
        assert_eq!(count(&r, Facet::Kind, "claim"), 1);
        assert_eq!(count(&r, Facet::Country, "KGZ"), 1);
        assert_eq!(count(&r, Facet::Country, "CA5"), 1);
    }

    #[test]
    fn counts_follow_the_other_facets_but_not_their_own() {
        let ds = fixture();
        let f = filters(|f| *f.chosen_mut(Facet::Kind) = vec!["recommendation".into()]);
        let r = explore(&SearchIndex::new(&ds), &f);
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
        let f = filters(|f| *f.chosen_mut(Facet::Country) = vec!["KGZ".into(), "CA5".into()]);
        assert_eq!(explore(&SearchIndex::new(&ds), &f).items, vec![0, 1]);
    }

    #[test]
    fn a_section_includes_its_subsections() {
        let ds = fixture();
        let f = filters(|f| *f.chosen_mut(Facet::Section) = vec!["s1".into()]);
        assert_eq!(explore(&SearchIndex::new(&ds), &f).items, vec![0, 1]);
        let f = filters(|f| *f.chosen_mut(Facet::Section) = vec!["s1-1".into()]);
        assert_eq!(explore(&SearchIndex::new(&ds), &f).items, vec![0]);
    }

    #[test]
    fn search_reaches_names_indicators_glossary_and_sources_in_both_languages() {
        let ds = fixture();
        let index = SearchIndex::new(&ds);
        let hits = |q: &str| explore(&index, &filters(|f| f.q = q.into())).items;
        assert_eq!(hits("kyrgyzstan"), vec![0], "country name, English");
        assert_eq!(hits("吉尔吉斯"), vec![0], "country name, Chinese");
        assert_eq!(hits("贫困率"), vec![0], "indicator name, Chinese");
        assert_eq!(hits("poverty rate"), vec![0], "indicator name, English");
        assert_eq!(
            hits("POVERTY ALLEVIATION"),
            vec![1],
            "glossary term, English, any case"
        );
        assert_eq!(hits("脱贫"), vec![1], "glossary term, Chinese");
        assert_eq!(hits("测试文献"), vec![0], "reference, as printed");
        assert_eq!(
            hits("a test reference"),
            vec![0],
            "reference title, English"
        );
        assert_eq!(hits("world bank"), vec![0], "footnote, English");
        assert_eq!(hits("银行数据"), vec![0], "footnote, Chinese");
        assert!(hits("nothing-like-this").is_empty());
    }

    #[test]
    fn toggling_adds_then_removes_a_value() {
        let mut f = Filters::default();
        f.toggle(Facet::Country, "KGZ");
        f.toggle(Facet::Country, "TJK");
        assert_eq!(f.chosen(Facet::Country), ["KGZ", "TJK"]);
        f.toggle(Facet::Country, "KGZ");
        assert_eq!(f.chosen(Facet::Country), ["TJK"]);
        assert!(f.chosen(Facet::Topic).is_empty());
    }

    #[test]
    fn unknown_values_are_dropped() {
        let ds = fixture();
        let f = filters(|f| {
            *f.chosen_mut(Facet::Country) = vec!["KGZ".into(), "XXX".into()];
            *f.chosen_mut(Facet::Kind) = vec!["opinion".into()];
            *f.chosen_mut(Facet::Role) = vec!["problem".into(), "challenge".into()];
        });
        let clean = sanitize(&f, &SearchIndex::new(&ds));
        assert_eq!(clean.chosen(Facet::Country), ["KGZ"]);
        assert!(clean.chosen(Facet::Kind).is_empty());
        // The fixture has a challenge and no problem.
        assert_eq!(clean.chosen(Facet::Role), ["challenge"]);
    }

    /// The fixture with a second topic: the recommendation is about both, and a
    /// health figure is about Tajikistan with Kyrgyzstan as its partner.
    #[test]
    fn coverage_counts_items_and_figures_per_country_and_topic() {
        let mut value: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/minimal.json")).expect("json");
        let mut topic = value["topics"][0].clone();
        topic["id"] = "health".into();
        value["topics"].as_array_mut().expect("topics").push(topic);
        let mut indicator = value["indicators"][0].clone();
        indicator["id"] = "clinics".into();
        indicator["topic"] = "health".into();
        value["indicators"]
            .as_array_mut()
            .expect("indicators")
            .push(indicator);
        let mut figure = value["figures"][1].clone();
        figure["id"] = "clinics-tjk-kgz".into();
        figure["indicator"] = "clinics".into();
        figure["partner"] = "KGZ".into();
        value["figures"]
            .as_array_mut()
            .expect("figures")
            .push(figure);
        value["items"][0]["figures"]
            .as_array_mut()
            .expect("the claim's figures")
            .push("clinics-tjk-kgz".into());
        value["items"][1]["topics"] = serde_json::json!(["poverty", "health"]);
        let ds = load(&value.to_string()).expect("valid");
        let cell = |items, figures| Coverage { items, figures };
        let row = |country: &str, poverty, health| {
            (
                country.to_string(),
                vec![
                    ("poverty".to_string(), poverty),
                    ("health".to_string(), health),
                ],
            )
        };
        // The claim names KGZ and TJK and is about poverty, with a poverty figure for
        // each; the recommendation names CA5 only.
        assert_eq!(
            coverage(&ds),
            [
                row("KGZ", cell(1, 1), cell(0, 1)),
                row("TJK", cell(1, 1), cell(0, 1)),
                row("CA5", cell(1, 0), cell(1, 0)),
            ]
        );
    }

    #[test]
    fn results_come_a_page_at_a_time_and_start_again_on_a_new_selection() {
        let poverty = filters(|f| f.q = "poverty".into());
        let matched = 2 * PAGE_SIZE + 3;
        let shown = Shown::default();
        assert_eq!(shown.count(&poverty, matched), PAGE_SIZE);
        assert_eq!(shown.count(&poverty, 7), 7.min(PAGE_SIZE));
        let more = shown.more(&poverty, matched);
        assert_eq!(more.count(&poverty, matched), 2 * PAGE_SIZE);
        assert_eq!(
            more.more(&poverty, matched).count(&poverty, matched),
            matched
        );
        let other = filters(|f| f.q = "povert".into());
        assert_eq!(more.count(&other, matched), PAGE_SIZE);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// A search that narrows the last one looks only among its matches: typed,
        /// deleted and retyped in any order, each search gives what a fresh index gives.
        /// The searches are what a reader's field holds, keystroke by keystroke (a few
        /// characters typed, or deleted), so most narrow or widen the one before.
        #[test]
        fn a_search_after_another_matches_as_a_first_one(
            edits in proptest::collection::vec(any_edit(), 1..16)
        ) {
            let ds = real();
            let index = SearchIndex::new(ds);
            let mut q = String::new();
            for edit in &edits {
                match edit {
                    Edit::Type(text) => q.push_str(text),
                    Edit::Delete(n) => (0..*n).for_each(|_| { q.pop(); }),
                }
                let f = filters(|f| f.q = q.clone());
                let results = explore(&index, &f);
                // In the dataset's order, which the page's kept rows rely on.
                prop_assert!(results.items.windows(2).all(|pair| pair[0] < pair[1]));
                prop_assert_eq!(
                    results,
                    explore(&SearchIndex::new(ds), &f),
                    "{:?} after {:?}", q, edits
                );
            }
        }
    }

    /// One change to the search field: some characters typed, or some deleted.
    #[derive(Clone, Debug)]
    enum Edit {
        Type(&'static str),
        Delete(usize),
    }

    fn any_edit() -> impl Strategy<Value = Edit> {
        const TYPED: [&str; 14] = [
            "p", "o", "v", "er", "ty", "e", "d", "u", " ", "kgz", "教", "育", "a", "n",
        ];
        prop_oneof![
            3 => proptest::sample::select(&TYPED[..]).prop_map(Edit::Type),
            1 => (1usize..4).prop_map(Edit::Delete),
        ]
    }

    /// Narrowing, then widening again, then a second word and back: each as fresh.
    #[test]
    fn a_search_widened_again_matches_as_a_first_one() {
        let ds = real();
        let index = SearchIndex::new(ds);
        for q in [
            "pov", "pover", "pov", "po", "po e", "po ed", "po", "", "kgz", "kgz po",
        ] {
            let f = filters(|f| f.q = q.to_string());
            assert_eq!(
                explore(&index, &f),
                explore(&SearchIndex::new(ds), &f),
                "{q:?}"
            );
        }
    }

    proptest! {
        /// Every result shown stays in the page (hidden when not shown) until the rows
        /// pass the limit, and the page's rows stay in the dataset's order.
        #[test]
        fn kept_rows_keep_what_was_shown_up_to_the_limit(
            pages in proptest::collection::vec(proptest::collection::btree_set(0usize..400, 0..40), 1..20)
        ) {
            let mut kept = KeptRows::default();
            let mut ever = std::collections::BTreeSet::<usize>::new();
            for page in &pages {
                let shown: Vec<usize> = page.iter().copied().collect();
                kept = kept.show(&shown);
                ever.extend(page.iter().copied());
                let items = kept.items();
                prop_assert!(items.windows(2).all(|pair| pair[0] < pair[1]), "{:?}", items);
                prop_assert!(shown.iter().all(|i| items.contains(i)));
                if ever.len() <= KeptRows::LIMIT {
                    prop_assert_eq!(&items, &ever.iter().copied().collect::<Vec<_>>());
                } else {
                    prop_assert_eq!(items.len(), KeptRows::LIMIT);
                }
            }
        }
    }

    #[test]
    fn kept_rows_let_go_of_those_shown_longest_ago_first() {
        let kept = KeptRows::default()
            .show(&(0..100).collect::<Vec<_>>())
            .show(&(100..200).collect::<Vec<_>>())
            .show(&(0..10).collect::<Vec<_>>())
            .show(&(200..230).collect::<Vec<_>>());
        let items = kept.items();
        // 230 rows, 30 too many: of the hidden ones, 10..40 were shown longest ago.
        let expected: Vec<usize> = (0..10).chain(40..230).collect();
        assert_eq!(items, expected);
    }

    #[test]
    fn kept_rows_keep_none_beside_results_out_of_order() {
        let kept = KeptRows::default().show(&[1, 2, 3]).show(&[9, 4]);
        assert_eq!(kept.items(), vec![9, 4]);
    }

    #[test]
    fn narrowing_is_typing_on_or_adding_a_term() {
        let narrows = |q: &str, previous: &str| Query::new(q).narrows(&Query::new(previous));
        assert!(narrows("pove", "pov"));
        assert!(narrows("poverty kgz", "poverty"));
        assert!(narrows("kgz pov", "pov"));
        assert!(!narrows("pov", "pove"), "deleting broadens");
        assert!(!narrows("kgz", "poverty kgz"), "dropping a term broadens");
        assert!(!narrows("pav", "pov"));
    }

    /// The role facet finds the argument map's nodes of each role, and nothing else: on
    /// the real dataset, every role the map has is offered, with the map's count.
    #[test]
    fn a_role_finds_the_argument_maps_nodes_of_that_role() {
        let ds = real();
        let index = SearchIndex::new(ds);
        let map = ArgumentMap::new(ds);
        let offered = index.facet_values(Facet::Role);
        assert_eq!(offered.len(), Role::ALL.len(), "every role has nodes");
        for role in Role::ALL {
            let f = Filters::only(Facet::Role, vec![role.id().to_string()]);
            let found: Vec<&str> = explore(&index, &f)
                .items
                .iter()
                .map(|&i| ds.items[i].id.as_str())
                .collect();
            let nodes: Vec<&str> = map.nodes(role).iter().map(|i| i.id.as_str()).collect();
            assert_eq!(found, nodes, "{role:?}");
            assert_eq!(
                count(
                    &explore(&index, &Filters::default()),
                    Facet::Role,
                    role.id()
                ),
                nodes.len()
            );
        }
    }

    /// On the real dataset, for filters chosen from its own values: every count beside
    /// a value is the number of results choosing that value alone in its facet (with
    /// the other facets and the search kept) would give; and every result passes.
    #[test]
    fn counts_agree_with_the_results_they_promise() {
        let ds = load(include_str!("../data/dataset.json")).expect("valid dataset");
        let index = SearchIndex::new(&ds);
        let map = ArgumentMap::new(&ds);
        let mut cases = vec![Filters::default()];
        for (i, facet) in Facet::ALL.into_iter().enumerate() {
            let values = facet.values(&ds, &map);
            for (j, value) in values.iter().enumerate().step_by(3) {
                let mut f = cases[(i + j) % cases.len()].clone();
                f.toggle(facet, value);
                if j % 2 == 0 {
                    f.q = ["poverty", "教育", "kgz", "a"][j % 4].to_string();
                }
                cases.push(f);
            }
        }
        for filters in &cases {
            let results = explore(&index, filters);
            for (facet, values) in &results.counts {
                for (value, n) in values {
                    let mut alone = filters.clone();
                    *alone.chosen_mut(*facet) = vec![value.clone()];
                    let expected = explore(&index, &alone).items.len();
                    assert_eq!(*n, expected, "{facet:?}={value} under {filters:?}");
                }
            }
            // The results are exactly the items that pass, checked item by item.
            let query = Query::new(&filters.q);
            let passing: Vec<usize> = ds
                .items
                .iter()
                .enumerate()
                .filter(|(_, item)| {
                    (query.is_empty() || query.matches(&fold(&haystack(&ds, item))))
                        && Facet::ALL.iter().all(|facet| {
                            let chosen = filters.chosen(*facet);
                            let has = facet.item_values(&ds, &map, item);
                            chosen.is_empty() || chosen.iter().any(|v| has.contains(&v.as_str()))
                        })
                })
                .map(|(i, _)| i)
                .collect();
            assert_eq!(results.items, passing, "{filters:?}");
        }
    }
}
