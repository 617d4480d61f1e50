//! Charts of the figures: which indicators get one, what kind, and every coordinate,
//! label and summary of it, computed without the DOM. The view only draws the result.
//!
//! Series over years become line charts (projected years dashed); values across
//! countries or groups become horizontal bars, which keep long names readable on
//! narrow screens. An indicator with a single figure stays a card.

pub mod scale;
pub mod svg;

use crate::data::{Dataset, Figure, Indicator, Qualifier, Unit};
use crate::format::{figure_value, figure_when, number, unit_name};
use crate::i18n::Lang;
use scale::{nice_ticks, Linear};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Line,
    Bar,
}

/// The figures of one country (and partner) in a chart.
#[derive(Clone, Debug)]
pub struct Series<'a> {
    pub country: String,
    pub partner: Option<String>,
    pub figures: Vec<&'a Figure>,
}

/// What to draw for one indicator.
#[derive(Clone, Debug)]
pub struct ChartSpec<'a> {
    pub indicator: &'a Indicator,
    pub kind: ChartKind,
    pub series: Vec<Series<'a>>,
}

impl<'a> ChartSpec<'a> {
    /// The chart of an indicator, if it has more than one figure.
    pub fn for_indicator(ds: &'a Dataset, indicator_id: &str) -> Option<ChartSpec<'a>> {
        let indicator = ds.indicator(indicator_id)?;
        let figures: Vec<&Figure> = ds
            .figures
            .iter()
            .filter(|f| f.indicator == indicator.id)
            .collect();
        if figures.len() < 2 {
            return None;
        }
        let mut series: Vec<Series> = Vec::new();
        for f in &figures {
            match series
                .iter_mut()
                .find(|s| s.country == f.country && s.partner == f.partner)
            {
                Some(s) => s.figures.push(f),
                None => series.push(Series {
                    country: f.country.clone(),
                    partner: f.partner.clone(),
                    figures: vec![f],
                }),
            }
        }
        let over_years =
            figures.iter().all(|f| f.year.is_some()) && series.iter().any(|s| s.figures.len() > 1);
        if over_years {
            for s in &mut series {
                s.figures.sort_by_key(|f| f.year);
            }
        }
        Some(ChartSpec {
            indicator,
            kind: if over_years {
                ChartKind::Line
            } else {
                ChartKind::Bar
            },
            series,
        })
    }

    /// Every figure in the chart, series by series.
    pub fn figures(&self) -> impl Iterator<Item = &'a Figure> + Clone + '_ {
        self.series.iter().flat_map(|s| s.figures.iter().copied())
    }
}

/// Indicators that get a chart, in dataset order.
pub fn charted_indicators(ds: &Dataset) -> Vec<&Indicator> {
    ds.indicators
        .iter()
        .filter(|i| ds.figures.iter().filter(|f| f.indicator == i.id).count() > 1)
        .collect()
}

/// Charted indicators that draw at least one of the figures `wanted` picks (for a
/// country profile, an item, the overview's headline figures).
pub fn charts_drawing(ds: &Dataset, wanted: impl Fn(&Figure) -> bool) -> Vec<&str> {
    charted_indicators(ds)
        .into_iter()
        .filter(|ind| {
            ds.figures
                .iter()
                .any(|f| f.indicator == ind.id && wanted(f))
        })
        .map(|ind| ind.id.as_str())
        .collect()
}

/// The name of a series: its country, with the partner where that tells series apart.
pub fn series_label(ds: &Dataset, spec: &ChartSpec, series: &Series, lang: Lang) -> String {
    let name = |id: &str| {
        ds.country(id)
            .map_or_else(|| id.to_string(), |c| c.name.get(lang).to_string())
    };
    let countries_differ = spec.series.iter().any(|s| s.country != series.country);
    match (&series.partner, countries_differ) {
        (Some(p), false) => name(p),
        _ => name(&series.country),
    }
}

/// The label of one bar: the series name, or what tells figures of one series apart.
fn bar_label(ds: &Dataset, spec: &ChartSpec, series: &Series, f: &Figure, lang: Lang) -> String {
    let name = series_label(ds, spec, series, lang);
    if series.figures.len() > 1 {
        let when = figure_when(f, lang);
        if spec.series.len() == 1 {
            when
        } else {
            format!("{name} · {when}")
        }
    } else {
        name
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub pos: f64,
    pub label: String,
}

/// A drawn data point or bar, with what a reader sees on hover or focus.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub series: usize,
    pub figure_id: String,
    pub x: f64,
    pub y: f64,
    /// Bar size; zero for line points.
    pub width: f64,
    pub height: f64,
    pub label: String,
    pub value: String,
    pub qualifier: Option<Qualifier>,
}

/// One stroke of a line chart; projected stretches are separate, dashed strokes.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    pub series: usize,
    pub path: String,
    pub dashed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub kind: ChartKind,
    pub width: f64,
    pub height: f64,
    /// Plot area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
    /// The value axis' title (the unit).
    pub value_axis: String,
    pub strokes: Vec<Stroke>,
    pub marks: Vec<Mark>,
    pub legend: Vec<String>,
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Lays a chart out in a `width`-wide coordinate box (the SVG's viewBox).
pub fn layout(ds: &Dataset, spec: &ChartSpec, lang: Lang, width: f64) -> Layout {
    match spec.kind {
        ChartKind::Line => line_layout(ds, spec, lang, width),
        ChartKind::Bar => bar_layout(ds, spec, lang, width),
    }
}

fn mark(series: usize, f: &Figure, label: String, lang: Lang) -> Mark {
    Mark {
        series,
        figure_id: f.id.clone(),
        x: 0.0,
        y: 0.0,
        width: 0.0,
        height: 0.0,
        label,
        value: figure_value(f, lang),
        qualifier: f.qualifier,
    }
}

fn line_layout(ds: &Dataset, spec: &ChartSpec, lang: Lang, width: f64) -> Layout {
    let height = (width * 0.6).clamp(220.0, 380.0);
    let plot = (56.0, 16.0, width - 16.0, height - 36.0);
    let years: Vec<f64> = spec
        .figures()
        .filter_map(|f| f.year)
        .map(f64::from)
        .collect();
    let values: Vec<f64> = spec
        .figures()
        .map(|f| f.value_max.unwrap_or(f.value))
        .collect();
    let (y0, y1) = (min(&years), max(&years));
    let mut low = min(&values);
    if spec.indicator.unit == Unit::Percent {
        low = low.min(0.0);
    }
    let (ticks, domain) = nice_ticks(low, max(&values), 5);
    let ys = Linear::new(domain, (plot.3, plot.1));
    let xs = Linear::new((y0, y1), (plot.0 + 12.0, plot.2 - 12.0));

    let mut strokes = Vec::new();
    let mut marks = Vec::new();
    for (si, s) in spec.series.iter().enumerate() {
        let points: Vec<(f64, f64, &Figure)> = s
            .figures
            .iter()
            .filter_map(|f| {
                f.year
                    .map(|y| (round1(xs.map(f64::from(y))), round1(ys.map(f.value)), *f))
            })
            .collect();
        // Consecutive pairs with the same dash style share one stroke.
        for pair in points.windows(2) {
            let dashed = pair
                .iter()
                .any(|(_, _, f)| f.qualifier == Some(Qualifier::Projected));
            let (ax, ay, _) = pair[0];
            let (bx, by, _) = pair[1];
            match strokes.last_mut() {
                Some(Stroke {
                    series,
                    path,
                    dashed: d,
                }) if *series == si && *d == dashed => {
                    path.push_str(&format!(" L{bx} {by}"));
                }
                _ => strokes.push(Stroke {
                    series: si,
                    path: format!("M{ax} {ay} L{bx} {by}"),
                    dashed,
                }),
            }
        }
        for (x, y, f) in points {
            let mut m = mark(
                si,
                f,
                format!(
                    "{} · {}",
                    series_label(ds, spec, s, lang),
                    figure_when(f, lang)
                ),
                lang,
            );
            m.x = x;
            m.y = y;
            marks.push(m);
        }
    }
    let mut year_ticks: Vec<u16> = spec.figures().filter_map(|f| f.year).collect();
    year_ticks.sort_unstable();
    year_ticks.dedup();
    Layout {
        kind: ChartKind::Line,
        width,
        height,
        plot,
        x_ticks: year_ticks
            .into_iter()
            .map(|y| Tick {
                pos: round1(xs.map(f64::from(y))),
                label: y.to_string(),
            })
            .collect(),
        y_ticks: ticks
            .into_iter()
            .map(|v| Tick {
                pos: round1(ys.map(v)),
                label: number(v, lang),
            })
            .collect(),
        value_axis: unit_name(spec.indicator.unit, lang).to_string(),
        strokes,
        legend: spec
            .series
            .iter()
            .map(|s| series_label(ds, spec, s, lang))
            .collect(),
        marks,
    }
}

fn bar_layout(ds: &Dataset, spec: &ChartSpec, lang: Lang, width: f64) -> Layout {
    let rows: Vec<(usize, &Series, &Figure)> = spec
        .series
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.figures.iter().map(move |f| (si, s, *f)))
        .collect();
    let band = 34.0;
    let label_width = (width * 0.3).clamp(90.0, 180.0);
    let height = 24.0 + band * rows.len() as f64 + 28.0;
    // Room on the right for the longest value printed after its bar.
    let longest = rows
        .iter()
        .map(|(_, _, f)| text_width(&figure_value(f, lang)))
        .fold(0.0, f64::max);
    let value_room = (longest + 14.0).clamp(40.0, width * 0.4);
    let plot = (label_width, 16.0, width - value_room, height - 28.0);
    let values: Vec<f64> = rows
        .iter()
        .map(|(_, _, f)| f.value_max.unwrap_or(f.value))
        .collect();
    let (ticks, domain) = nice_ticks(0.0, max(&values), 4);
    let xs = Linear::new(domain, (plot.0, plot.2));
    let marks = rows
        .iter()
        .enumerate()
        .map(|(i, (si, s, f))| {
            let mut m = mark(*si, f, bar_label(ds, spec, s, f, lang), lang);
            m.x = plot.0;
            m.y = round1(plot.1 + band * i as f64 + 6.0);
            m.width = round1(xs.map(f.value) - plot.0).max(1.0);
            m.height = band - 12.0;
            m
        })
        .collect();
    Layout {
        kind: ChartKind::Bar,
        width,
        height,
        plot,
        x_ticks: ticks
            .into_iter()
            .map(|v| Tick {
                pos: round1(xs.map(v)),
                label: number(v, lang),
            })
            .collect(),
        y_ticks: Vec::new(),
        value_axis: unit_name(spec.indicator.unit, lang).to_string(),
        strokes: Vec::new(),
        legend: Vec::new(),
        marks,
    }
}

/// About how wide a text is at the charts' 13 px font: CJK characters take a full
/// em, others a little over half.
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 13.0 } else { 7.2 })
        .sum()
}

fn min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// A text alternative for screen readers: every value, series by series.
pub fn summary(ds: &Dataset, spec: &ChartSpec, lang: Lang) -> String {
    let name = spec.indicator.name.get(lang);
    let parts: Vec<String> = spec
        .series
        .iter()
        .map(|s| {
            let values: Vec<String> = s
                .figures
                .iter()
                .map(|f| {
                    let when = figure_when(f, lang);
                    if when.is_empty() {
                        figure_value(f, lang)
                    } else {
                        format!("{} ({when})", figure_value(f, lang))
                    }
                })
                .collect();
            let sep = if lang == Lang::En { ", " } else { "，" };
            format!("{}: {}", series_label(ds, spec, s, lang), values.join(sep))
        })
        .collect();
    match lang {
        Lang::En => format!("{name}. {}.", parts.join("; ")),
        _ => format!("{name}。{}。", parts.join("；")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    fn real() -> Dataset {
        load(include_str!("../../data/dataset.json")).expect("valid dataset")
    }

    #[test]
    fn every_indicator_with_several_figures_is_charted() {
        let ds = real();
        for ind in &ds.indicators {
            let n = ds.figures.iter().filter(|f| f.indicator == ind.id).count();
            assert_eq!(
                ChartSpec::for_indicator(&ds, &ind.id).is_some(),
                n > 1,
                "{}",
                ind.id
            );
        }
        assert!(charted_indicators(&ds).len() >= 5);
        let kgz = charts_drawing(&ds, |f| f.country == "KGZ");
        assert_eq!(kgz, ["trade-partner-rank", "poverty-rate"]);
    }

    #[test]
    fn series_over_years_are_lines_and_the_rest_bars() {
        let ds = real();
        let kind = |id: &str| ChartSpec::for_indicator(&ds, id).map(|s| s.kind);
        assert_eq!(kind("poverty-rate"), Some(ChartKind::Line));
        assert_eq!(kind("population"), Some(ChartKind::Line));
        assert_eq!(kind("terrorism-index"), Some(ChartKind::Line));
        assert_eq!(kind("trade-partner-rank"), Some(ChartKind::Bar));
        assert_eq!(kind("korea-survey-most-important"), Some(ChartKind::Bar));
        let poverty = ChartSpec::for_indicator(&ds, "poverty-rate").expect("charted");
        let countries: Vec<&str> = poverty.series.iter().map(|s| s.country.as_str()).collect();
        assert_eq!(countries, ["KGZ", "TJK"], "two countries on one chart");
    }

    #[test]
    fn projected_years_are_drawn_dashed() {
        let ds = real();
        let spec = ChartSpec::for_indicator(&ds, "population").expect("charted");
        let l = layout(&ds, &spec, Lang::En, 640.0);
        let dashed: Vec<bool> = l.strokes.iter().map(|s| s.dashed).collect();
        assert_eq!(
            dashed,
            [false, true],
            "1991–2017 solid, then projections dashed"
        );
        assert_eq!(l.marks.len(), 4);
        assert!(l
            .marks
            .iter()
            .any(|m| m.value == "more than 70 million people"));
        // Points run left to right in year order and higher values sit higher.
        assert!(l
            .marks
            .windows(2)
            .all(|w| w[0].x < w[1].x && w[0].y > w[1].y));
    }

    #[test]
    fn marks_stay_inside_the_plot() {
        let ds = real();
        for ind in charted_indicators(&ds) {
            let spec = ChartSpec::for_indicator(&ds, &ind.id).expect("charted");
            for (width, lang) in [(360.0, Lang::En), (360.0, Lang::Zh), (640.0, Lang::En)] {
                let l = layout(&ds, &spec, lang, width);
                let (left, top, right, bottom) = l.plot;
                for m in &l.marks {
                    assert!(m.x >= left && m.x + m.width <= right + 0.1, "{} x", ind.id);
                    if l.kind == ChartKind::Bar {
                        let end = m.x + m.width + 6.0 + text_width(&m.value);
                        assert!(
                            end <= width,
                            "{}: value text ends at {end} of {width}",
                            ind.id
                        );
                    }
                    assert!(
                        m.y >= top - 0.1 && m.y + m.height <= bottom + 0.1,
                        "{} y",
                        ind.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_summary_reads_every_value() {
        let ds = real();
        let spec = ChartSpec::for_indicator(&ds, "poverty-rate").expect("charted");
        let text = summary(&ds, &spec, Lang::En);
        for v in ["25.6%", "22.4%", "20.1%", "29.5%", "27.4%", "26.3%"] {
            assert!(text.contains(v), "{v} missing from {text}");
        }
        assert!(
            text.starts_with("Poverty rate. Kyrgyzstan: 25.6% (2017)"),
            "{text}"
        );
    }
}
