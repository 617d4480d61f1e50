//! Questions the views ask of the dataset, answered without the DOM so they are tested
//! natively: what is related to an item, what relies on a source, what concerns a country.

use super::{Dataset, Figure, Item, Link, Section};

impl Dataset {
    /// Items that share figures, topics or a section with `item`, most related first
    /// (a shared figure weighs most, then the same section, then each shared topic).
    pub fn related_items(&self, item: &Item, limit: usize) -> Vec<&Item> {
        let scored = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, other)| other.id != item.id)
            .map(|(order, other)| {
                let figures = other
                    .figures
                    .iter()
                    .filter(|f| item.figures.contains(f))
                    .count();
                let topics = other
                    .topics
                    .iter()
                    .filter(|t| item.topics.contains(t))
                    .count();
                let section = usize::from(other.locator.section == item.locator.section);
                (figures * 4 + section * 2 + topics, order, other)
            })
            .filter(|(score, _, _)| *score > 0);
        // Highest score first; ties in the dataset's order, as they come.
        crate::order::top(scored, limit, |a, b| b.0.cmp(&a.0))
            .into_iter()
            .map(|(_, _, i)| i)
            .collect()
    }

    /// The items retold from one paragraph of a section, in the dataset's order.
    pub fn items_at<'a>(
        &'a self,
        section: &'a str,
        paragraph: u16,
    ) -> impl Iterator<Item = &'a Item> + 'a {
        self.items
            .iter()
            .filter(move |i| i.locator.section == section && i.locator.paragraph == paragraph)
    }

    /// The argument's links that start at an item.
    pub fn links_from<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |l| l.from == id)
    }

    /// The argument's links that end at an item.
    pub fn links_to<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Link> + 'a {
        self.links.iter().filter(move |l| l.to == id)
    }

    /// Items that cite a reference or footnote, directly or through one of their figures.
    pub fn items_citing(&self, source_id: &str) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|item| {
                item.references
                    .iter()
                    .chain(&item.footnotes)
                    .any(|r| r == source_id)
                    || item.figures.iter().filter_map(|f| self.figure(f)).any(|f| {
                        f.references
                            .iter()
                            .chain(&f.footnotes)
                            .any(|r| r == source_id)
                    })
            })
            .collect()
    }

    /// Figures about a country, or about a relation it is the partner in.
    pub fn figures_about(&self, country: &str) -> Vec<&Figure> {
        self.figures
            .iter()
            .filter(|f| f.country == country || f.partner.as_deref() == Some(country))
            .collect()
    }

    /// Items that name a country.
    pub fn items_naming(&self, country: &str) -> Vec<&Item> {
        self.items
            .iter()
            .filter(|i| i.countries.iter().any(|c| c == country))
            .collect()
    }

    /// The figures the overview leads with, as the dataset's editors chose them.
    pub fn headline_figures(&self) -> Vec<&Figure> {
        self.meta
            .headline
            .iter()
            .filter_map(|id| self.figure(id))
            .collect()
    }

    /// A section and its ancestors, outermost first.
    pub fn section_path(&self, id: &str) -> Vec<&Section> {
        let mut path = Vec::new();
        let mut current = self.section(id);
        while let Some(s) = current {
            if path.iter().any(|p: &&Section| p.id == s.id) {
                break; // a cycle in a broken file must not hang the page
            }
            path.push(s);
            current = s.parent.as_deref().and_then(|p| self.section(p));
        }
        path.reverse();
        path
    }
}

#[cfg(test)]
mod tests {
    use crate::data::load;

    #[test]
    fn queries_on_the_fixture() {
        let ds = load(include_str!("../../tests/fixtures/minimal.json")).expect("valid");
        let claim = ds.item("claim-poverty").expect("exists");
        let related: Vec<&str> = ds
            .related_items(claim, 5)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(related, ["rec-poverty"]);
        let answers: Vec<&str> = ds.links_to(&claim.id).map(|l| l.from.as_str()).collect();
        assert_eq!(answers, ["rec-poverty"]);
        assert_eq!(ds.links_from("rec-poverty").count(), 1);
        let citing: Vec<&str> = ds
            .items_citing("fn-wb")
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(citing, ["claim-poverty"]);
        assert_eq!(ds.figures_about("TJK").len(), 1);
        assert_eq!(ds.items_naming("CA5").len(), 1);
        assert_eq!(ds.headline_figures().len(), 1);
        let path: Vec<&str> = ds
            .section_path("s1-1")
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(path, ["s1", "s1-1"]);
    }
}
