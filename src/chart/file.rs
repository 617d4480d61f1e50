//! A chart's files (SVG and CSV; PNG is the SVG drawn by the browser), written by the
//! build for each charted indicator in each language.
//!
//! A file names its source: the chart's page at the address the reader found it at,
//! which only the browser knows (a site may be served under any host and path). The
//! build writes [`ADDRESS_SLOT`] there, and the page's loader (`src/boot.js`) fills it
//! in, escaped for the file's format, when a download button asks for the file.

use crate::export::ADDRESS_SLOT;

use super::svg::{render, Captions, Drawing};
use super::{layout, summary, ChartSpec, Layout};
use crate::data::Dataset;
use crate::export::{figures_csv, FigureSources};
use crate::i18n::Lang;

/// The coordinate width of a file's chart, and of the page's wide drawing.
pub const WIDE_WIDTH: f64 = 640.0;

/// The kinds of file the build writes for a chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Svg,
    Csv,
}

impl FileKind {
    pub const ALL: [FileKind; 2] = [FileKind::Svg, FileKind::Csv];

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Svg => "svg",
            FileKind::Csv => "csv",
        }
    }
}

/// Where the build puts a chart's file, below the site's root.
pub fn path(indicator: &str, lang: Lang, kind: FileKind) -> String {
    format!(
        "data/charts/{indicator}-{}.{}",
        lang.single().code(),
        kind.extension()
    )
}

/// A chart's texts in one language: its title, the summary read out in place of the
/// drawing, and the line that names its sources.
pub struct ChartTexts {
    pub title: String,
    pub summary: String,
    pub source: String,
}

impl ChartTexts {
    pub fn of(ds: &Dataset, spec: &ChartSpec, lang: Lang) -> ChartTexts {
        let lang = lang.single();
        ChartTexts {
            title: spec.indicator.name.get(lang).to_string(),
            summary: summary(ds, spec, lang),
            source: FigureSources::of(ds, spec.figures()).line(ds, lang),
        }
    }

    /// The captions of a drawing that names `address` as its source.
    pub fn captions<'a>(&'a self, address: &'a str) -> Captions<'a> {
        Captions {
            title: &self.title,
            summary: &self.summary,
            source: &self.source,
            address,
        }
    }
}

/// The file of a charted indicator in a language, with [`ADDRESS_SLOT`] for its
/// source's address; `None` for an indicator without a chart.
pub fn file(ds: &Dataset, indicator: &str, lang: Lang, kind: FileKind) -> Option<String> {
    let spec = ChartSpec::for_indicator(ds, indicator)?;
    let lang = lang.single();
    let texts = ChartTexts::of(ds, &spec, lang);
    Some(match kind {
        FileKind::Svg => {
            let drawn: Layout = layout(ds, &spec, lang, WIDE_WIDTH);
            render(&drawn, &texts.captions(ADDRESS_SLOT), Drawing::File)
        }
        FileKind::Csv => figures_csv(ds, &texts.title, spec.figures(), lang, ADDRESS_SLOT),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::charted_indicators;
    use crate::data::load;

    #[test]
    fn each_charted_indicator_has_its_files_with_one_slot_for_the_address() {
        let ds = load(include_str!("../../data/dataset.json")).expect("valid");
        let charted = charted_indicators(&ds);
        assert!(!charted.is_empty());
        for indicator in charted {
            for lang in Lang::ALL {
                for kind in FileKind::ALL {
                    let written = file(&ds, &indicator.id, lang, kind).expect("a file");
                    assert_eq!(written.matches(ADDRESS_SLOT).count(), 1, "{}", indicator.id);
                }
                let svg = file(&ds, &indicator.id, lang, FileKind::Svg).unwrap_or_default();
                assert!(svg.contains("<style>"), "a file carries its own style");
                // The loader wraps the address as the picture's last line (src/boot.js).
                assert!(
                    svg.ends_with(&format!(">{ADDRESS_SLOT}</text></svg>")),
                    "{}",
                    indicator.id
                );
                assert!(!svg.contains("<a "), "a file links nowhere");
            }
        }
    }

    #[test]
    fn an_indicator_without_a_chart_has_no_file() {
        let ds = load(include_str!("../../data/dataset.json")).expect("valid");
        let uncharted = ds
            .indicators
            .iter()
            .find(|i| ChartSpec::for_indicator(&ds, &i.id).is_none())
            .expect("an indicator with a single figure");
        assert_eq!(file(&ds, &uncharted.id, Lang::En, FileKind::Csv), None);
        assert_eq!(
            file(&ds, "no-such-indicator", Lang::En, FileKind::Svg),
            None
        );
    }

    #[test]
    fn side_by_side_pages_offer_the_chinese_files() {
        assert_eq!(
            path("gdp", Lang::Both, FileKind::Svg),
            "data/charts/gdp-zh.svg"
        );
        assert_eq!(
            path("gdp", Lang::En, FileKind::Csv),
            "data/charts/gdp-en.csv"
        );
    }
}
