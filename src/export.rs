//! Downloads: figures and items as CSV (UTF-8 with a byte-order mark, so Excel shows
//! Chinese correctly), and the lines that go with every chart and file: where the
//! numbers come from, and which version of the dataset they are.

use crate::data::{Dataset, Figure, Footnote, Item, Locator, Qualifier, Reference};
use crate::format::{locator_label, plain_number};
use crate::i18n::Lang;

/// Where a set of figures comes from: the article's places that state them, and the
/// references and footnotes the article gives for them, each named once, in the order
/// the figures first name them. The page links the places; files write them as text
/// ([`FigureSources::line`]).
pub struct FigureSources<'a> {
    pub places: Vec<&'a Locator>,
    pub references: Vec<&'a Reference>,
    pub footnotes: Vec<&'a Footnote>,
}

impl<'a> FigureSources<'a> {
    pub fn of(ds: &'a Dataset, figures: impl IntoIterator<Item = &'a Figure>) -> Self {
        let mut out = Self {
            places: Vec::new(),
            references: Vec::new(),
            footnotes: Vec::new(),
        };
        for f in figures {
            if let Some(item) = ds.item(&f.item) {
                if !out.places.contains(&&item.locator) {
                    out.places.push(&item.locator);
                }
            }
            for r in f.references.iter().filter_map(|r| ds.reference(r)) {
                if !out.references.iter().any(|seen| seen.id == r.id) {
                    out.references.push(r);
                }
            }
            for n in f.footnotes.iter().filter_map(|n| ds.footnote(n)) {
                if !out.footnotes.iter().any(|seen| seen.id == n.id) {
                    out.footnotes.push(n);
                }
            }
        }
        out
    }

    /// "Source: author (year) article" in `lang`, before the places.
    pub fn lead(ds: &Dataset, lang: Lang) -> String {
        let (label, article) = match lang {
            Lang::En => ("Source", "article"),
            _ => ("来源", "论文"),
        };
        format!(
            "{label}: {} ({}) {article}",
            ds.meta.byline().get(lang),
            ds.meta.year
        )
    }

    /// The separator between the line's parts in `lang`.
    pub fn separator(lang: Lang) -> &'static str {
        match lang {
            Lang::En => "; ",
            _ => "；",
        }
    }

    /// The references and footnotes as they are written after the places.
    pub fn backing(&self, lang: Lang) -> Vec<String> {
        let references = self
            .references
            .iter()
            .map(|r| format!("[{}] {}", r.number, r.entry));
        let footnotes = self.footnotes.iter().map(|n| {
            let note = n.text.get(lang).trim_end_matches(['.', '。']);
            format!("{} {note}", n.marker)
        });
        references.chain(footnotes).collect()
    }

    /// The whole line as text, for files and the drawing's caption.
    pub fn line(&self, ds: &Dataset, lang: Lang) -> String {
        let places: Vec<String> = self
            .places
            .iter()
            .map(|l| locator_label(ds, l, lang))
            .collect();
        let mut line = format!("{} {}", Self::lead(ds, lang), places.join(", "));
        for backing in self.backing(lang) {
            line.push_str(Self::separator(lang));
            line.push_str(&backing);
        }
        line
    }
}

/// Where the figures come from, as one line of text in `lang` (see [`FigureSources`]).
pub fn sources_line<'a>(
    ds: &'a Dataset,
    figures: impl IntoIterator<Item = &'a Figure>,
    lang: Lang,
) -> String {
    FigureSources::of(ds, figures).line(ds, lang)
}

/// Where the build puts all items as CSV, below the site's root (one file per language).
pub fn items_file(lang: Lang) -> String {
    format!("data/items-{}.csv", lang.code())
}

/// Where a file or a citation the build writes names what only the browser knows, and
/// the page's loader (`src/boot.js`) fills in when a reader asks for it: the address
/// the reader found the site at (it may be served under any host and path), and the day
/// they read it. No escaping these texts use (XML, CSV, BibTeX, RIS) changes the slots.
pub const ADDRESS_SLOT: &str = "⟨address⟩";
/// See [`ADDRESS_SLOT`]: the day, filled in as `YYYY-MM-DD` or, for APA, written out.
pub const ACCESSED_SLOT: &str = "⟨accessed⟩";

/// Where the build puts all figures as CSV, below the site's root.
pub fn figures_file(lang: Lang) -> String {
    format!("data/figures-{}.csv", lang.code())
}

/// The dataset's version and the article it is drawn from, for every file.
pub fn dataset_line(ds: &Dataset, lang: Lang) -> String {
    let m = &ds.meta;
    match lang {
        Lang::En => format!(
            "Dataset version {} · drawn from {} ({}), {}, DOI {}",
            m.dataset_version,
            m.byline().en,
            m.year,
            m.title.en,
            m.doi
        ),
        _ => format!(
            "数据集版本 {} · 出自{}（{}）《{}》，DOI {}",
            m.dataset_version,
            m.byline().zh,
            m.year,
            m.title.zh,
            m.doi
        ),
    }
}

/// One CSV field: quoted when it holds a separator, quote or line break; text that a
/// spreadsheet would run as a formula is prefixed with an apostrophe.
pub fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// One CSV row, its fields quoted where needed, ended by CRLF.
fn push_row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The start of every CSV file: the byte-order mark, one line each for what the file
/// holds, where it comes from and its address, then an empty line before the table.
fn csv_preamble(lines: &[String]) -> String {
    let mut out = String::from("\u{FEFF}");
    for line in lines {
        push_row(&mut out, std::slice::from_ref(line));
    }
    push_row(&mut out, &[]);
    out
}

fn qualifier_code(q: Option<Qualifier>) -> &'static str {
    q.map_or("", Qualifier::id)
}

/// The figures as a CSV file: a title, source and address line, then one row per
/// figure with stable column names and names in the display language.
pub fn figures_csv<'a>(
    ds: &'a Dataset,
    title: &str,
    figures: impl IntoIterator<Item = &'a Figure> + Clone,
    lang: Lang,
    address: &str,
) -> String {
    let mut out = csv_preamble(&[
        title.to_string(),
        dataset_line(ds, lang),
        sources_line(ds, figures.clone(), lang),
        address.to_string(),
    ]);
    let mut row = |cells: &[String]| push_row(&mut out, cells);
    row(&[
        "figure_id",
        "indicator",
        "indicator_name",
        "country_code",
        "country",
        "partner_code",
        "year",
        "span_years",
        "value",
        "value_max",
        "qualifier",
        "unit",
        "article_locator",
    ]
    .map(String::from));
    for f in figures {
        let name = |id: &str| {
            ds.country(id)
                .map(|c| c.name.get(lang).to_string())
                .unwrap_or_default()
        };
        let locator = ds
            .item(&f.item)
            .map(|i| locator_label(ds, &i.locator, lang))
            .unwrap_or_default();
        row(&[
            f.id.clone(),
            f.indicator.clone(),
            ds.indicator(&f.indicator)
                .map(|i| i.name.get(lang).to_string())
                .unwrap_or_default(),
            f.country.clone(),
            name(&f.country),
            f.partner.clone().unwrap_or_default(),
            f.year.map(|y| y.to_string()).unwrap_or_default(),
            f.span_years.map(|y| y.to_string()).unwrap_or_default(),
            plain_number(f.value),
            f.value_max.map(plain_number).unwrap_or_default(),
            qualifier_code(f.qualifier).to_string(),
            f.unit.clone(),
            locator,
        ]);
    }
    out
}

/// Items as a CSV file: a title, the dataset line and the address, then one row per
/// item with its voice, so a row read alone still says whose statement it is.
pub fn items_csv<'a>(
    ds: &Dataset,
    title: &str,
    items: impl IntoIterator<Item = &'a Item>,
    lang: Lang,
    address: &str,
) -> String {
    let mut out = items_head(ds, title, lang, address);
    for item in items {
        out.push_str(&item_row(ds, item, lang));
    }
    out
}

/// The start of an items file: its preamble and the columns' names.
fn items_head(ds: &Dataset, title: &str, lang: Lang, address: &str) -> String {
    let mut out = csv_preamble(&[
        title.to_string(),
        dataset_line(ds, lang),
        address.to_string(),
    ]);
    push_row(
        &mut out,
        &[
            "item_id",
            "kind",
            "voice",
            "voice_by",
            "title",
            "text",
            "note",
            "topics",
            "countries",
            "figures",
            "section",
            "paragraph",
            "article_locator",
            "references",
            "footnotes",
        ]
        .map(String::from),
    );
    out
}

/// One item's row of an items file.
fn item_row(ds: &Dataset, item: &Item, lang: Lang) -> String {
    let refs: Vec<String> = item
        .references
        .iter()
        .filter_map(|r| ds.reference(r))
        .map(|r| format!("[{}]", r.number))
        .collect();
    let notes: Vec<String> = item
        .footnotes
        .iter()
        .filter_map(|n| ds.footnote(n))
        .map(|n| n.text.get(lang).to_string())
        .collect();
    let mut out = String::new();
    push_row(
        &mut out,
        &[
            item.id.clone(),
            item.kind.id().to_string(),
            item.voice.kind.id().to_string(),
            item.voice
                .by
                .as_ref()
                .map(|b| b.get(lang).to_string())
                .unwrap_or_default(),
            item.title.get(lang).to_string(),
            item.text.get(lang).to_string(),
            item.note
                .as_ref()
                .map(|n| n.get(lang).to_string())
                .unwrap_or_default(),
            item.topics.join(" "),
            item.countries.join(" "),
            item.figures.join(" "),
            item.locator.section.clone(),
            item.locator.paragraph.to_string(),
            locator_label(ds, &item.locator, lang),
            refs.join(" "),
            notes.join(" | "),
        ],
    );
    out
}

/// Where the build puts the parts of Explore's selection file, below the site's root.
pub fn selection_file(lang: Lang) -> String {
    format!("data/selection-{}.json", lang.single().code())
}

/// Explore's selection as CSV, in the parts Explore's island puts together in the
/// browser, where the reader's selection is: the file's start, with [`ADDRESS_SLOT`]
/// for the address that shows the selection (filled in with [`csv_field`]), and each
/// item's row, in the dataset's order. Together, the file `items_csv` writes.
#[derive(Debug, serde::Serialize)]
pub struct SelectionParts {
    pub head: String,
    pub rows: Vec<String>,
}

impl SelectionParts {
    pub fn of(ds: &Dataset, title: &str, lang: Lang) -> SelectionParts {
        let lang = lang.single();
        SelectionParts {
            head: items_head(ds, title, lang, ADDRESS_SLOT),
            rows: ds
                .items
                .iter()
                .map(|item| item_row(ds, item, lang))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{charted_indicators, ChartSpec};
    use crate::data::load;

    /// The real dataset, read once for all cases of a property.
    fn dataset() -> &'static crate::data::Dataset {
        static DATASET: std::sync::OnceLock<crate::data::Dataset> = std::sync::OnceLock::new();
        DATASET.get_or_init(|| load(include_str!("../data/dataset.json")).expect("valid"))
    }

    /// A small CSV reader for the test: fields split on commas outside quotes.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => row.push(std::mem::take(&mut cell)),
                ('\r', false) => {}
                ('\n', false) => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (c, _) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }

    #[test]
    fn every_charted_indicator_exports_exactly_its_figures() {
        let ds = load(include_str!("../data/dataset.json")).expect("valid");
        for ind in charted_indicators(&ds) {
            let spec = ChartSpec::for_indicator(&ds, &ind.id).expect("charted");
            let csv = figures_csv(
                &ds,
                ind.name.get(Lang::Zh),
                spec.figures(),
                Lang::Zh,
                "https://x.test/?view=chart",
            );
            assert!(csv.starts_with('\u{FEFF}'), "byte-order mark for Excel");
            let rows = parse_csv(csv.trim_start_matches('\u{FEFF}'));
            assert_eq!(rows[0][0], ind.name.zh);
            assert!(
                rows[1][0].contains(&ds.meta.dataset_version),
                "{:?}",
                rows[1]
            );
            assert_eq!(rows[3], ["https://x.test/?view=chart"]);
            let header = &rows[5];
            let col = |name: &str| header.iter().position(|h| h == name).expect("column");
            let data = &rows[6..];
            let expected: Vec<&Figure> = ds
                .figures
                .iter()
                .filter(|f| f.indicator == ind.id)
                .collect();
            assert_eq!(data.len(), expected.len(), "{}", ind.id);
            for f in expected {
                let r = data
                    .iter()
                    .find(|r| r[col("figure_id")] == f.id)
                    .expect("row for figure");
                assert_eq!(
                    r[col("value")].parse::<f64>().ok(),
                    Some(f.value),
                    "{}",
                    f.id
                );
                assert_eq!(r[col("country_code")], f.country);
                assert_eq!(
                    r[col("year")],
                    f.year.map(|y| y.to_string()).unwrap_or_default()
                );
                assert_eq!(r[col("qualifier")], qualifier_code(f.qualifier));
            }
        }
    }

    #[test]
    fn the_source_line_names_the_place_and_the_backing_sources() {
        let ds = load(include_str!("../data/dataset.json")).expect("valid");
        let spec = ChartSpec::for_indicator(&ds, "population").expect("charted");
        let line = sources_line(&ds, spec.figures(), Lang::En);
        assert!(
            line.starts_with("Source: WANG Xiao-ling (2023) article §3.1 ¶1"),
            "{line}"
        );
        assert!(line.contains("[11] "), "{line}");
    }

    #[test]
    fn every_item_is_a_row_with_its_voice_and_the_file_names_its_version() {
        let ds = load(include_str!("../data/dataset.json")).expect("valid");
        let csv = items_csv(
            &ds,
            "Items",
            &ds.items,
            Lang::En,
            "https://x.test/en/explore/",
        );
        assert!(csv.starts_with('\u{FEFF}'));
        let rows = parse_csv(csv.trim_start_matches('\u{FEFF}'));
        assert!(rows[1][0].starts_with(&format!("Dataset version {}", ds.meta.dataset_version)));
        assert!(rows[1][0].contains(&ds.meta.doi));
        let header = &rows[4];
        let col = |name: &str| header.iter().position(|h| h == name).expect("column");
        let data = &rows[5..];
        assert_eq!(data.len(), ds.items.len());
        for (row, item) in data.iter().zip(&ds.items) {
            assert_eq!(row[col("item_id")], item.id);
            assert_eq!(row[col("voice")], item.voice.kind.id());
            assert_eq!(row[col("text")], item.text.en);
            assert_eq!(
                row[col("voice_by")],
                item.voice
                    .by
                    .as_ref()
                    .map(|b| b.en.clone())
                    .unwrap_or_default()
            );
        }
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// Any selection, in any order (an empty one, one item, all of them), put together
        /// from the selection's parts as Explore's island does, is the file the app writes
        /// for it, with an address that needs quoting.
        #[test]
        fn the_selections_parts_make_the_items_file_for_any_selection(
            chosen in proptest::sample::subsequence((0..dataset().items.len()).collect::<Vec<_>>(), 0..=dataset().items.len())
                .prop_shuffle(),
            lang in proptest::prop_oneof![proptest::strategy::Just(Lang::Zh), proptest::strategy::Just(Lang::En)],
        ) {
            let ds = dataset();
            let parts = SelectionParts::of(ds, "Selection", lang);
            proptest::prop_assert_eq!(parts.rows.len(), ds.items.len());
            let address = "https://example.org/a,b/en/explore/?q=x";
            let put_together = parts.head.replace(ADDRESS_SLOT, &csv_field(address))
                + &chosen.iter().map(|&i| parts.rows[i].as_str()).collect::<String>();
            let items = chosen.iter().map(|&i| &ds.items[i]);
            proptest::prop_assert_eq!(put_together, items_csv(ds, "Selection", items, lang, address));
        }

        /// Any text, with what CSV and spreadsheets give a meaning to (commas, quotes,
        /// line breaks, a leading `=`, `+`, `-`, `@`, tab) in most cells.
        #[test]
        fn any_text_in_a_field_reads_back_as_written(cells in proptest::collection::vec(
            proptest::collection::vec(proptest::prop_oneof![
                "[,\"\r\n=+@\t-]",
                "\\PC{0,4}",
            ], 0..8).prop_map(|parts: Vec<String>| parts.concat()),
            1..5,
        )) {
            let line = cells.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",") + "\r\n";
            let rows = parse_csv(&line);
            let expected: Vec<String> = cells
                .iter()
                .map(|c| if c.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{c}") } else { c.clone() })
                .collect();
            proptest::prop_assert_eq!(rows, vec![expected]);
        }
    }
}
