//! The dataset's types: the contract between `data/dataset.json`, the app and embedders.
//!
//! Every struct rejects unknown fields so that a typo in the data file is an error,
//! not a silently ignored value. `docs/DATASET.md` describes each field for people.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A text told in both languages. Both sides are required and must be non-empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub meta: Meta,
    pub sections: Vec<Section>,
    pub topics: Vec<Topic>,
    /// The parts countries play, in the order of the charts' groups.
    pub country_roles: Vec<CountryRole>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub country_statuses: Vec<CountryStatus>,
    pub countries: Vec<Country>,
    pub units: Vec<Unit>,
    pub indicators: Vec<Indicator>,
    pub figures: Vec<Figure>,
    pub items: Vec<Item>,
    pub references: Vec<Reference>,
    pub footnotes: Vec<Footnote>,
    pub glossary: Vec<Term>,
    /// The argument's connections between items, for the argument map.
    #[serde(default)]
    pub links: Vec<Link>,
    /// What the map shows, for `scripts/build-map.mjs`, which draws the outlines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<MapExtent>,
}

/// The map's extent and its countries: `scripts/build-map.mjs` draws their outlines
/// from Natural Earth into `map.json` beside the dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapExtent {
    /// The longitudes of the map's left and right edges and the latitudes of its
    /// bottom and top, in degrees.
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
    /// The countries drawn, each by its ISO 3166-1 numeric code (Natural Earth's id).
    pub outlines: BTreeMap<String, u16>,
}

/// The article's bibliographic data and the dataset's own version and licence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// What the site presenting the article is called (the header, every page title,
    /// the dataset's citation), and the line under that name in the header.
    pub site_name: Text,
    pub site_tagline: Text,
    /// Exact title in both languages, as printed.
    pub title: Text,
    /// The authors' names in both scripts, exact, in the printed order.
    pub authors: Vec<Text>,
    pub affiliation: Text,
    pub year: u16,
    /// Where the article was published, when the dataset knows: the journal's name,
    /// its volume and issue, the pages (`"12"` or `"12-30"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    pub doi: String,
    pub keywords: Vec<Text>,
    /// The abstract, retold in the project's own words.
    pub summary: Text,
    pub funding: Text,
    pub dataset_version: String,
    pub licence: Text,
    /// The ledes of views that should speak of this article, by the view's folder
    /// (`countries`, `map`, `argument`), in place of the code's generic ones.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub intros: BTreeMap<String, Text>,
    /// The argument map's heading for a role (`challenge`, `approach`, `problem`,
    /// `recommendation`, `evidence`) where this article's words say more than the code's
    /// generic ones.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub role_headings: BTreeMap<String, Text>,
    /// The label of an item kind (`narrative`, `actor`, …) where this article names its
    /// items more exactly than the code's generic labels.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub kind_labels: BTreeMap<String, Text>,
    /// The indicator the map shows when the address names none (`map::default_indicator`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map_indicator: Option<String>,
    /// Figure ids the overview leads with, in order (an editorial choice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headline: Vec<String>,
}

impl Meta {
    /// The authors as a byline: 王晓玲、李明 / WANG Xiao-ling, LI Ming.
    pub fn byline(&self) -> Text {
        let names = |lang: fn(&Text) -> &str, separator: &str| {
            self.authors
                .iter()
                .map(lang)
                .collect::<Vec<_>>()
                .join(separator)
        };
        Text {
            zh: names(|t| &t.zh, "、"),
            en: names(|t| &t.en, ", "),
        }
    }

    /// The pages as a first and a last (the same for a single page); `None` without
    /// pages or where they are not a page or a range of pages (`12-30`, or with an en
    /// dash).
    pub fn page_range(&self) -> Option<(&str, &str)> {
        let pages = self.pages.as_deref()?.trim();
        let (first, last) = pages.split_once(['-', '–']).unwrap_or((pages, pages));
        let page = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric());
        (page(first) && page(last)).then_some((first, last))
    }
}

/// A part of the article's outline. `paragraphs` counts the body paragraphs that stand
/// directly in this section (before any subsection), so a locator can be checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    /// The heading's numeral as printed ("一", "（二）"); none for the introduction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub paragraphs: u16,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub name: Text,
    pub description: Text,
}

/// A part countries play in the article (`country_roles`, in the order of the charts'
/// groups): its heading, and what the site gives the countries that play it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryRole {
    pub id: String,
    /// The heading of the role's group in charts and their tables.
    pub heading: Text,
    /// Whether its countries get a profile page (and a link on the map).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub profile: bool,
    /// Its countries are groups of countries taken together (a region, the world): no
    /// ISO code, a code of three letters or digits of their own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub group: bool,
    /// For the countries the article is about (one role at most): the heading of their
    /// block on the overview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<Text>,
    /// A note on the profile of each of its countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A standing the article gives some countries (`country_statuses`: membership in an
/// organisation, say), shown on their cards and profiles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryStatus {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// The code used everywhere else in the dataset and in URLs: ISO 3166-1 alpha-3,
    /// or, for a group of countries, a code of its own.
    pub id: String,
    /// The ISO 3166-1 alpha-3 code; none for the groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    pub name: Text,
    /// A role of `country_roles`.
    pub role: String,
    /// A status of `country_statuses`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// How figures are measured (`units`). Values are kept in the article's own unit
/// (万人, ten thousand people, say) so they stay exactly as printed; the unit says how
/// each language writes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The code indicators and figures name, and the CSV files' `unit` column.
    pub id: String,
    /// The unit's name as its values are stored: a column's or an axis's header.
    pub name: Text,
    /// How a value is written in each language, `{}` standing for the number (`{}万人`,
    /// `{} people`); none: the bare number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Text>,
    /// The power of ten the stored values count in (万 = 4, 亿 = 8). English writes
    /// such values out whole (`50.76 million people`), named by `en_scale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exponent: Option<u8>,
    /// English headers of a scaled unit's values, by their order of magnitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en_scale: Option<EnglishScale>,
    /// Values are places in a ranking (1 = first): charts draw places, maps colour the
    /// first place strongest.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ranking: bool,
    /// A line chart's value axis starts at zero (a share, say), not at the lowest value.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_zero: bool,
}

/// The English names of a scaled unit's values below a million, in millions and in
/// billions (`people`, `million people`, `billion people`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnglishScale {
    pub ones: String,
    pub millions: String,
    pub billions: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    /// A unit of `units`.
    pub unit: String,
    pub description: Text,
    pub topic: String,
}

coded! {
    id / from_id;
    /// Words the article attaches to a number; the code is its name in the data file
    /// and in the figures' CSV files.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Qualifier {
        /// 超过 / 多 / 突破: more than the value.
        MoreThan = "more-than",
        /// 约: about.
        About = "about",
        /// 预计: a projection.
        Projected = "projected",
        /// A range from `value` to `value_max`.
        Range = "range",
    }
}

/// One number from the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub indicator: String,
    /// Who the number is about (a country id).
    pub country: String,
    /// The other side, where the number is about a relation (e.g. trade partner `CHN`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// The year, only when the article states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The length of the period in years, for "over the past N years" figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_years: Option<u16>,
    /// Exactly as the article gives it, in `unit`.
    pub value: f64,
    /// The upper end, for `qualifier: "range"` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Its indicator's unit.
    pub unit: String,
    /// The item that states this number.
    pub item: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

coded! {
    id / from_id;
    /// An item's kind; its code is used in addresses, CSV files and the data file.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum ItemKind {
        Claim = "claim",
        Problem = "problem",
        Recommendation = "recommendation",
        Narrative = "narrative",
        Actor = "actor",
        Reason = "reason",
        Foundation = "foundation",
    }
}

/// Where an item stands in the article: a section and a paragraph within it (from 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locator {
    pub section: String,
    pub paragraph: u16,
}

/// A claim, problem, recommendation, narrative, actor, reason or foundation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    /// A short heading.
    pub title: Text,
    /// The point, retold in words that match its voice.
    pub text: Text,
    /// Whose statement this is.
    pub voice: Voice,
    /// The dataset's editorial note: a misprint, a corrected tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub topics: Vec<String>,
    pub countries: Vec<String>,
    pub locator: Locator,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
}

coded! {
    id / from_id;
    /// Whose statement an item is, so that an item read alone (in search results, in a
    /// CSV row) never passes an opinion or a reported story off as a neutral fact. Its
    /// code is used in addresses, CSV files and the data file.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum VoiceKind {
        /// The author's own argument, judgement or recommendation.
        Author = "author",
        /// A finding the article attributes to a cited work, person or body (`by`).
        Attributed = "attributed",
        /// A view the article reports without holding it (`by` says whose).
        Reported = "reported",
        /// A statement of fact; its source is the item's references and footnotes.
        Fact = "fact",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    pub kind: VoiceKind,
    /// Who holds the view or gave the finding: required for `attributed` and
    /// `reported`, optional for `fact`, never for `author`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Text>,
}

coded! {
    id / from_id;
    /// How one item stands to another in the argument; the code is its name in the data
    /// file.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Relation {
        /// A recommendation answers a problem or a challenge.
        Answers = "answers",
        /// Evidence (a claim, a figure's item, an actor…) backs a problem, a challenge, a
        /// recommendation or one of the author's claims.
        Supports = "supports",
        /// A fact or a development is the ground of one of the foundations of social
        /// cooperation or of one of the reasons for it (trade grew a hundredfold because
        /// the economies complement each other). Only a foundation or a reason is
        /// grounded.
        Grounds = "grounds",
        /// A story or a problem is one strand of a larger one: a "China threat" narrative
        /// of the framing the article reports and rejects, a subsection's problem of the
        /// kind it belongs to. Not support: the article does not endorse the whole.
        PartOf = "part-of",
        /// The author's approach (not a recommendation, which answers) is offered as the
        /// way through a problem or the article's central puzzle.
        Addresses = "addresses",
    }
}

coded! {
    id / from_id;
    /// Whether the article makes a connection itself or the dataset reads it so; the
    /// code is its name in the data file and the stylesheet's hook.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Basis {
        Stated = "stated",
        Editorial = "editorial",
    }
}

/// One connection of the argument map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub relation: Relation,
    pub basis: Basis,
    /// The place in the article that justifies the connection.
    pub locator: Locator,
    /// Why the connection holds, in one line.
    pub reason: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReferenceType {
    /// [J]: a journal article.
    J,
    /// [M]: a book.
    M,
}

/// An entry of the reference list. Names, titles and numbers are exact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: String,
    /// Its number in the article's list, from 1.
    pub number: u16,
    /// The entry exactly as printed (GB/T 7714 style).
    pub entry: String,
    pub authors: Vec<String>,
    /// `zh` exact; `en` is the project's translation of the title.
    pub title: Text,
    #[serde(rename = "type")]
    pub ref_type: ReferenceType,
    /// Journal (for [J]) or publisher (for [M]); `zh` exact.
    pub container: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    pub year: u16,
    /// The issue number, as printed in brackets after the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
}

/// A footnote of the article (a source note at the foot of a page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub id: String,
    /// The marker as printed ("①"); markers restart on every page.
    pub marker: String,
    /// What the note gives as source, retold.
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A key term, in both languages, with a short explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: Text,
    pub explanation: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Other ways the retold texts write the term ("the Belt and Road" for "Belt and
    /// Road Initiative (BRI)"), so it is found in them too.
    #[serde(default, skip_serializing_if = "Forms::is_empty")]
    pub forms: Forms,
}

/// Other wordings of a term, per language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zh: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub en: Vec<String>,
}

impl Forms {
    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each coded enum read from the data file: serde reads and writes every variant by
    /// its code, and nothing else, so the data file, the addresses and the CSV files
    /// spell a value one way.
    fn serde_spells_the_codes<T>(all: &[T], code: fn(T) -> &'static str)
    where
        T: Copy + PartialEq + std::fmt::Debug + Serialize + for<'de> Deserialize<'de>,
    {
        for &v in all {
            let json = serde_json::Value::String(code(v).to_string());
            assert_eq!(serde_json::to_value(v).ok(), Some(json.clone()), "{v:?}");
            assert_eq!(serde_json::from_value::<T>(json).ok(), Some(v), "{v:?}");
        }
        // A code in another case or form is no value.
        let other = serde_json::Value::String(code(all[0]).to_uppercase());
        assert!(serde_json::from_value::<T>(other).is_err());
    }

    #[test]
    fn the_data_files_names_are_the_codes() {
        serde_spells_the_codes(&ItemKind::ALL, ItemKind::id);
        serde_spells_the_codes(&VoiceKind::ALL, VoiceKind::id);
        serde_spells_the_codes(&Relation::ALL, Relation::id);
        serde_spells_the_codes(&Basis::ALL, Basis::id);
        serde_spells_the_codes(&Qualifier::ALL, Qualifier::id);
    }
}
