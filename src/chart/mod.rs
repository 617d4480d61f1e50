//! Charts of the figures: which indicators get one, what kind, and every coordinate,
//! label and summary of it, computed without the DOM. The view only draws the result.
//!
//! Series over years become line charts (projected years dashed); values across
//! countries or groups become horizontal bars, which keep long names readable on
//! narrow screens; positions in a ranking become ranked dots, first place furthest
//! out. An indicator with a single figure stays a card.
//!
//! Series are grouped by the part their country plays in the article (the dataset's
//! `country_roles`, in their order), and each group is drawn apart under its role's
//! heading, so a comparison never reads as one of the countries the article is about.
//!
//! Every text is placed here, with the room it needs estimated by [`text_width`], so
//! that nothing runs off the drawing at either of its widths.

pub mod file;
pub mod scale;
pub mod svg;

use std::ops::Range;

use crate::data::{CountryRole, Dataset, Figure, Indicator, Qualifier};
use crate::format::{figure_value, figure_when, scale_for, scaled_number};
use crate::i18n::Lang;
use crate::order::sort_short_by_key;
use scale::{nice_step, nice_ticks, Linear};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Values over years. A ranking over years runs first place at the top.
    Line,
    /// Values across countries or groups: horizontal bars from zero.
    Bar,
    /// Positions in a ranking (unit `rank`): one row per country, first place first,
    /// a dot on an axis that runs from the last place on the left to first place on
    /// the right, with a stem from the left, so first place reaches furthest.
    Rank,
}

/// The figures of one country (and partner) in a chart.
#[derive(Clone, Debug)]
pub struct Series<'a> {
    pub country: String,
    pub partner: Option<String>,
    /// The part the country plays in the article (none for a country the dataset does
    /// not list); it decides the series' group.
    pub role: Option<&'a CountryRole>,
    pub figures: Vec<&'a Figure>,
}

/// What to draw for one indicator.
#[derive(Clone, Debug)]
pub struct ChartSpec<'a> {
    pub indicator: &'a Indicator,
    pub kind: ChartKind,
    /// In drawing order: group by group (see [`ChartSpec::groups`]); in a ranking,
    /// first place first within each group.
    pub series: Vec<Series<'a>>,
}

/// A run of series whose countries play one role, under that role's heading.
#[derive(Clone, Debug)]
pub struct SeriesGroup<'a> {
    pub role: Option<&'a CountryRole>,
    /// Its series' places in [`ChartSpec::series`].
    pub series: Range<usize>,
}

impl SeriesGroup<'_> {
    /// The group's heading (the role's, from the dataset).
    pub fn heading(&self, lang: Lang) -> String {
        self.role
            .map_or_else(String::new, |role| role.heading.joined(lang))
    }
}

/// The place of a role among the groups: the dataset's order of roles, a country the
/// dataset does not list last.
fn group_order(ds: &Dataset, role: Option<&CountryRole>) -> usize {
    role.and_then(|r| ds.country_roles.iter().position(|x| x.id == r.id))
        .unwrap_or(ds.country_roles.len())
}

/// Sorts by a key, keeping the order of equal ones, by insertion: a chart has a few
/// rows, and this adds far less to the wasm than the standard library's sorts.
fn stable_sort<T>(items: &mut [T], key: impl Fn(&T) -> f64) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The best (smallest) value of a series: its place, in a ranking.
fn best(series: &Series) -> f64 {
    series
        .figures
        .iter()
        .map(|f| f.value)
        .fold(f64::INFINITY, f64::min)
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
                    role: ds.country(&f.country).and_then(|c| ds.role_of(c)),
                    figures: vec![f],
                }),
            }
        }
        let over_years =
            figures.iter().all(|f| f.year.is_some()) && series.iter().any(|s| s.figures.len() > 1);
        if over_years {
            for s in &mut series {
                sort_short_by_key(&mut s.figures, |f| f.year);
            }
        }
        let kind = if over_years {
            ChartKind::Line
        } else if ds.unit(&indicator.unit).ranking {
            ChartKind::Rank
        } else {
            ChartKind::Bar
        };
        if kind == ChartKind::Rank {
            for s in &mut series {
                stable_sort(&mut s.figures, |f| f.value);
            }
            stable_sort(&mut series, best);
        }
        // Dataset order (or place) within each group.
        stable_sort(&mut series, |s| group_order(ds, s.role) as f64);
        Some(ChartSpec {
            indicator,
            kind,
            series,
        })
    }

    /// Every figure in the chart, series by series.
    pub fn figures(&self) -> impl Iterator<Item = &'a Figure> + Clone + '_ {
        self.series.iter().flat_map(|s| s.figures.iter().copied())
    }

    /// The groups of series, in drawing order.
    pub fn groups(&self) -> Vec<SeriesGroup<'a>> {
        let mut groups: Vec<SeriesGroup<'a>> = Vec::new();
        for (i, s) in self.series.iter().enumerate() {
            match groups.last_mut() {
                Some(group) if group.role.map(|r| &r.id) == s.role.map(|r| &r.id) => {
                    group.series.end = i + 1
                }
                _ => groups.push(SeriesGroup {
                    role: s.role,
                    series: i..i + 1,
                }),
            }
        }
        groups
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

/// Who a series stands for: its country, or its partner where only the partner tells
/// the chart's series apart.
fn subject<'s>(spec: &ChartSpec, series: &'s Series) -> &'s str {
    let countries_differ = spec.series.iter().any(|s| s.country != series.country);
    match (&series.partner, countries_differ) {
        (Some(p), false) => p,
        _ => &series.country,
    }
}

/// The name of a series: its country, with the partner where that tells series apart.
pub fn series_label(ds: &Dataset, spec: &ChartSpec, series: &Series, lang: Lang) -> String {
    let id = subject(spec, series);
    ds.country(id)
        .map_or_else(|| id.to_string(), |c| c.name.get(lang).to_string())
}

/// The label of one row: the series name, or what tells figures of one series apart.
fn row_label(ds: &Dataset, spec: &ChartSpec, series: &Series, f: &Figure, lang: Lang) -> String {
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

/// How a line or mark is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    /// Bars and rank dots: one colour for all. Their rows are named, so colour has
    /// nothing to tell there.
    Single,
    /// A country's (or partner's) own colour, the same in every chart: a slot of the
    /// palette, `0..PALETTE`.
    Slot(usize),
}

/// How many colours the palette has (`s0`…`s3` in the stylesheets).
pub const PALETTE: usize = 4;

impl Colour {
    /// The class the stylesheets colour it by.
    pub fn class(self) -> String {
        match self {
            Colour::Single => "c-one".to_string(),
            Colour::Slot(n) => format!("s{n}"),
        }
    }
}

/// Who is drawn as a line in each line chart, chart by chart.
fn line_charts(ds: &Dataset) -> Vec<Vec<String>> {
    charted_indicators(ds)
        .iter()
        .filter_map(|ind| ChartSpec::for_indicator(ds, &ind.id))
        .filter(|spec| spec.kind == ChartKind::Line)
        .map(|spec| {
            spec.series
                .iter()
                .map(|s| subject(&spec, s).to_string())
                .collect()
        })
        .collect()
}

/// Each country (or partner) drawn as a line, with its slot of the palette, the same
/// in every chart: in the order of first appearance, its place in that order, or where
/// a line it shares a chart with has that slot, the first slot none of them has. So
/// with no more countries than colours each has its own, and with more, the lines of a
/// chart are alike only where the charts a country is drawn in leave it no colour free
/// (a country beside all four colours elsewhere, say).
fn line_slots(ds: &Dataset) -> Vec<(String, usize)> {
    let charts = line_charts(ds);
    let mut slots: Vec<(String, usize)> = Vec::new();
    for id in charts.iter().flatten() {
        if slots.iter().any(|(known, _)| known == id) {
            continue;
        }
        let taken: Vec<usize> = charts
            .iter()
            .filter(|chart| chart.contains(id))
            .flatten()
            .filter_map(|other| slots.iter().find(|(known, _)| known == other))
            .map(|(_, slot)| *slot)
            .collect();
        // Its place in the order where no line of its charts has it (always, with
        // no more countries than colours: then each has its own across the site).
        let in_order = slots.len() % PALETTE;
        let slot = if taken.contains(&in_order) {
            (0..PALETTE)
                .find(|slot| !taken.contains(slot))
                .unwrap_or(in_order)
        } else {
            in_order
        };
        slots.push((id.clone(), slot));
    }
    slots
}

/// The colour of a country (or partner) drawn as a line: its own, in every chart.
pub fn country_colour(ds: &Dataset, id: &str) -> Colour {
    Colour::Slot(
        line_slots(ds)
            .iter()
            .find(|(known, _)| known == id)
            .map_or(0, |(_, slot)| *slot),
    )
}

/// Where a text's x is: its start, middle or end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// The height a line of the charts' 13 px text takes.
pub const TEXT_HEIGHT: f64 = 16.0;

/// A text placed in the chart; `y` is its vertical middle.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub text: String,
}

impl Label {
    fn new(x: f64, y: f64, anchor: Anchor, text: impl Into<String>) -> Label {
        Label {
            x: round1(x),
            y: round1(y),
            anchor,
            text: text.into(),
        }
    }

    /// The box the text takes, by [`text_width`]: left, top, right, bottom.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let w = text_width(&self.text);
        let left = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        (
            left,
            self.y - TEXT_HEIGHT / 2.0,
            left + w,
            self.y + TEXT_HEIGHT / 2.0,
        )
    }

    /// Whether two texts' boxes overlap.
    pub fn overlaps(&self, other: &Label) -> bool {
        let (l1, t1, r1, b1) = self.bounds();
        let (l2, t2, r2, b2) = other.bounds();
        l1 < r2 && l2 < r1 && t1 < b2 && t2 < b1
    }

    /// Moved sideways, if need be, to lie between the margins of a `width`-wide box.
    fn kept_within(self, width: f64) -> Label {
        let (left, _, right, _) = self.bounds();
        let shift = if right > width - MARGIN {
            width - MARGIN - right
        } else {
            0.0
        };
        let shift = if left + shift < MARGIN {
            MARGIN - left
        } else {
            shift
        };
        Label {
            x: round1(self.x + shift),
            ..self
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub pos: f64,
    pub label: Label,
}

/// A drawn data point, bar or rank dot, with what a reader sees on hover or focus.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub series: usize,
    pub colour: Colour,
    pub figure_id: String,
    /// Lines: the point (zero size). Bars: the bar. Ranks: the stem, from the left
    /// end of the axis to the dot at its right end.
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Who and when, for the tooltip.
    pub label: String,
    pub value: String,
    pub qualifier: Option<Qualifier>,
    /// The row's name, left of the plot (bars and ranks).
    pub name_label: Option<Label>,
    /// The value beside the mark.
    pub value_label: Label,
}

/// One stroke of a line chart; projected stretches are separate, dashed strokes.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    pub series: usize,
    pub colour: Colour,
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
    /// Grid lines: x1, y1, x2, y2.
    pub grid: Vec<(f64, f64, f64, f64)>,
    /// The value axis' title (the unit), in a row of its own.
    pub value_axis: Label,
    /// The headings of the groups, when a chart has more than one.
    pub headings: Vec<Label>,
    pub strokes: Vec<Stroke>,
    pub marks: Vec<Mark>,
    /// Each line's name and colour.
    pub legend: Vec<(String, Colour)>,
}

impl Layout {
    /// Every text of the chart.
    pub fn labels(&self) -> impl Iterator<Item = &Label> + '_ {
        self.x_ticks
            .iter()
            .chain(&self.y_ticks)
            .map(|t| &t.label)
            .chain(std::iter::once(&self.value_axis))
            .chain(&self.headings)
            .chain(
                self.marks
                    .iter()
                    .flat_map(|m| m.name_label.iter().chain(std::iter::once(&m.value_label))),
            )
    }
}

/// Room kept free at the drawing's edges.
const MARGIN: f64 = 4.0;
/// The row of a line chart's unit, above the plot.
const TITLE_ROW: f64 = 22.0;
/// Gap between a text and what it labels.
const GAP: f64 = 8.0;
/// The radius of a rank dot.
pub const DOT_RADIUS: f64 = 6.0;

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Lays a chart out in a `width`-wide coordinate box (the SVG's viewBox).
pub fn layout(ds: &Dataset, spec: &ChartSpec, lang: Lang, width: f64) -> Layout {
    match spec.kind {
        ChartKind::Line => line_layout(ds, spec, lang, width),
        ChartKind::Bar | ChartKind::Rank => rows_layout(ds, spec, lang, width),
    }
}

/// The ticks of a ranking from first place to `last`: whole places, about `count`.
fn rank_ticks(last: f64, count: usize) -> Vec<f64> {
    let step = nice_step(last - 1.0, count).max(1.0).round();
    let mut ticks = Vec::new();
    let mut v = 1.0;
    while v <= last {
        ticks.push(v);
        v += step;
    }
    ticks
}

/// The last place on a ranking's axis: the lowest place drawn, and at least second.
fn last_place(spec: &ChartSpec) -> f64 {
    spec.figures()
        .map(|f| f.value_max.unwrap_or(f.value))
        .fold(2.0, f64::max)
        .ceil()
}

/// Drops ticks whose labels would overlap the one kept before them; the last tick
/// stays, at the expense of the one before it.
fn thin(ticks: Vec<Tick>) -> Vec<Tick> {
    let mut kept: Vec<Tick> = Vec::new();
    let count = ticks.len();
    for (i, t) in ticks.into_iter().enumerate() {
        let clashes = |k: &Vec<Tick>| k.last().is_some_and(|p| p.label.overlaps(&t.label));
        if !clashes(&kept) {
            kept.push(t);
        } else if i + 1 == count && kept.len() > 1 {
            kept.pop();
            if !clashes(&kept) {
                kept.push(t);
            }
        }
    }
    kept
}

fn mark(
    ds: &Dataset,
    series: usize,
    colour: Colour,
    f: &Figure,
    label: String,
    lang: Lang,
) -> Mark {
    Mark {
        series,
        colour,
        figure_id: f.id.clone(),
        x: 0.0,
        y: 0.0,
        width: 0.0,
        height: 0.0,
        label,
        value: figure_value(ds, f, lang),
        qualifier: f.qualifier,
        name_label: None,
        value_label: Label::new(0.0, 0.0, Anchor::Start, ""),
    }
}

fn line_layout(ds: &Dataset, spec: &ChartSpec, lang: Lang, width: f64) -> Layout {
    let unit = ds.unit(&spec.indicator.unit);
    let ranked = unit.ranking;
    let height = (width * 0.6).clamp(220.0, 380.0) + TITLE_ROW;
    let years: Vec<f64> = spec
        .figures()
        .filter_map(|f| f.year)
        .map(f64::from)
        .collect();
    let values: Vec<f64> = spec
        .figures()
        .map(|f| f.value_max.unwrap_or(f.value))
        .collect();
    // The value axis: round ticks, or whole places for a ranking.
    let (ticks, domain) = if ranked {
        let last = last_place(spec);
        (rank_ticks(last, 5), (0.5, last + 0.5))
    } else {
        let mut low = min(&values);
        if unit.from_zero {
            low = low.min(0.0);
        }
        nice_ticks(low, max(&values), 5)
    };
    let largest = ticks.iter().fold(0.0, |m: f64, v| m.max(v.abs()));
    let scale = scale_for(unit, lang, largest);
    let tick_texts: Vec<String> = ticks
        .iter()
        .map(|v| scaled_number(*v, &scale, lang))
        .collect();
    let tick_room = tick_texts.iter().map(|t| text_width(t)).fold(0.0, f64::max);
    // The unit has the top row to itself; below it, room for the value of a point at
    // the top of the plot.
    let top = TITLE_ROW + TEXT_HEIGHT + 6.0;
    let bottom = height - 28.0;
    let plot = (
        round1(MARGIN + tick_room + GAP),
        top,
        width - 2.0 * MARGIN,
        bottom,
    );
    let ys = if ranked {
        // First place at the top.
        Linear::new(domain, (plot.1, plot.3))
    } else {
        Linear::new(domain, (plot.3, plot.1))
    };
    let year_room = years
        .iter()
        .map(|y| text_width(&y.to_string()))
        .fold(0.0, f64::max);
    let pad = (year_room / 2.0 + 2.0).max(12.0);
    let (y0, y1) = (min(&years), max(&years));
    let xs = Linear::new((y0, y1), (plot.0 + pad, plot.2 - pad));

    let mut strokes = Vec::new();
    let mut marks = Vec::new();
    for (si, s) in spec.series.iter().enumerate() {
        let colour = country_colour(ds, subject(spec, s));
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
                    ..
                }) if *series == si && *d == dashed => {
                    path.push_str(&format!(" L{bx} {by}"));
                }
                _ => strokes.push(Stroke {
                    series: si,
                    colour,
                    path: format!("M{ax} {ay} L{bx} {by}"),
                    dashed,
                }),
            }
        }
        for (x, y, f) in points {
            let mut m = mark(
                ds,
                si,
                colour,
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
            // Inside the plot, towards its middle; above the point, or below it where
            // another line runs above; the other way round where that is taken.
            let w = text_width(&m.value);
            let left = if x > width / 2.0 {
                x - GAP - w
            } else {
                x + GAP
            };
            let left = left.min(width - MARGIN - w).max(plot.0);
            let another_above = spec.series.iter().enumerate().any(|(sj, t)| {
                sj != si
                    && t.figures
                        .iter()
                        .any(|g| g.year == f.year && ys.map(g.value) < y)
            });
            let (above, below) = (y - 14.0, y + 16.0);
            let order = if another_above {
                [below, above]
            } else {
                [above, below]
            };
            let fits = |cy: f64| {
                cy - TEXT_HEIGHT / 2.0 >= TITLE_ROW && cy + TEXT_HEIGHT / 2.0 <= plot.3 + 6.0
            };
            let candidate = |cy: f64| Label::new(left, cy, Anchor::Start, m.value.clone());
            let free = |l: &Label| !marks.iter().any(|o: &Mark| o.value_label.overlaps(l));
            m.value_label = order
                .iter()
                .map(|cy| candidate(*cy))
                .find(|l| fits(l.y) && free(l))
                .or_else(|| order.iter().find(|cy| fits(**cy)).map(|cy| candidate(*cy)))
                .unwrap_or_else(|| candidate(above));
            marks.push(m);
        }
    }
    let mut years_drawn: Vec<u16> = spec.figures().filter_map(|f| f.year).collect();
    sort_short_by_key(&mut years_drawn, |&y| y);
    years_drawn.dedup();
    let x_ticks = thin(
        years_drawn
            .into_iter()
            .map(|y| {
                let pos = round1(xs.map(f64::from(y)));
                Tick {
                    pos,
                    label: Label::new(pos, bottom + 16.0, Anchor::Middle, y.to_string()),
                }
            })
            .collect(),
    );
    let y_ticks: Vec<Tick> = ticks
        .iter()
        .zip(tick_texts)
        .map(|(v, text)| {
            let pos = round1(ys.map(*v));
            Tick {
                pos,
                label: Label::new(plot.0 - GAP, pos, Anchor::End, text),
            }
        })
        .collect();
    let grid = y_ticks
        .iter()
        .map(|t| (plot.0, t.pos, plot.2, t.pos))
        .collect();
    Layout {
        kind: ChartKind::Line,
        width,
        height,
        plot,
        x_ticks,
        y_ticks,
        grid,
        value_axis: Label::new(
            MARGIN,
            TITLE_ROW / 2.0,
            Anchor::Start,
            fit_text(&scale.name, width - 2.0 * MARGIN),
        ),
        headings: Vec::new(),
        strokes,
        legend: spec
            .series
            .iter()
            .map(|s| {
                (
                    series_label(ds, spec, s, lang),
                    country_colour(ds, subject(spec, s)),
                )
            })
            .collect(),
        marks,
    }
}

/// Bars and ranked dots: a row per figure, group by group.
fn rows_layout(ds: &Dataset, spec: &ChartSpec, lang: Lang, width: f64) -> Layout {
    let ranked = spec.kind == ChartKind::Rank;
    let unit = ds.unit(&spec.indicator.unit);
    let groups = spec.groups();
    let headed = groups.len() > 1;
    let heading_row = 26.0;
    let group_gap = 10.0;

    let rows: Vec<(usize, &Series, &Figure)> = spec
        .series
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.figures.iter().map(move |f| (si, s, *f)))
        .collect();
    let names: Vec<String> = rows
        .iter()
        .map(|(_, s, f)| row_label(ds, spec, s, f, lang))
        .collect();
    let values: Vec<String> = rows
        .iter()
        .map(|(_, _, f)| figure_value(ds, f, lang))
        .collect();
    // Room on the right for the longest value, printed after its bar or dot; on the
    // left for the longest name. Where names and values leave the plot too narrow,
    // each name goes on a line of its own above its row instead.
    let dot = if ranked { DOT_RADIUS } else { 0.0 };
    let value_room = values.iter().map(|v| text_width(v)).fold(0.0, f64::max) + dot + 6.0 + MARGIN;
    let min_plot = (width * 0.3).max(80.0);
    let longest_name = names.iter().map(|n| text_width(n)).fold(0.0, f64::max);
    let names_above = longest_name > width - value_room - min_plot - MARGIN - GAP;
    let (name_room, left, band) = if names_above {
        // The plot starts in from the edge by half the first tick's label.
        (width - 2.0 * MARGIN, MARGIN + 8.0, 50.0)
    } else {
        (longest_name, round1(MARGIN + longest_name + GAP), 34.0)
    };
    let right = round1(width - value_room);

    // Rows, top down: a heading per group when there are several, then its rows.
    let mut y = 8.0;
    let mut headings = Vec::new();
    let mut segments: Vec<(f64, f64)> = Vec::new();
    let mut row_tops: Vec<f64> = Vec::new();
    for (gi, group) in groups.iter().enumerate() {
        if gi > 0 {
            y += group_gap;
        }
        if headed {
            headings.push(Label::new(
                MARGIN,
                y + heading_row / 2.0 + 2.0,
                Anchor::Start,
                fit_text(&group.heading(lang), width - 2.0 * MARGIN),
            ));
            y += heading_row;
        }
        let start = y;
        for _ in rows.iter().filter(|(si, _, _)| group.series.contains(si)) {
            row_tops.push(y);
            y += band;
        }
        segments.push((start, y));
    }
    let top = segments.first().map_or(8.0, |s| s.0);
    let bottom = y;
    let plot = (left, top, right, bottom);
    // Ticks no closer than a label's width.
    let count = (((right - left) / 56.0).floor() as usize).clamp(2, 5);
    let (ticks, xs, scale) = if ranked {
        let last = last_place(spec);
        let ticks = rank_ticks(last, count);
        // The last place a little in from the left end, so it still has a stem.
        let xs = Linear::new((last + 0.6, 1.0), (left, right));
        (ticks, xs, scale_for(unit, lang, last))
    } else {
        let largest = rows
            .iter()
            .map(|(_, _, f)| f.value_max.unwrap_or(f.value))
            .fold(0.0, f64::max);
        let (ticks, domain) = nice_ticks(0.0, largest, count);
        let top_tick = ticks.last().copied().unwrap_or(largest);
        (
            ticks,
            Linear::new(domain, (left, right)),
            scale_for(unit, lang, top_tick),
        )
    };
    let x_ticks: Vec<Tick> = ticks
        .iter()
        .map(|v| {
            let pos = round1(xs.map(*v));
            Tick {
                pos,
                label: Label::new(
                    pos,
                    bottom + 16.0,
                    Anchor::Middle,
                    scaled_number(*v, &scale, lang),
                ),
            }
        })
        .collect();
    let grid = x_ticks
        .iter()
        .flat_map(|t| segments.iter().map(move |(a, b)| (t.pos, *a, t.pos, *b)))
        .collect();
    let marks = rows
        .iter()
        .zip(names.iter().zip(values))
        .zip(row_tops)
        .map(|(((si, _, f), (name, value)), row_top)| {
            let mut m = mark(ds, *si, Colour::Single, f, name.clone(), lang);
            m.x = left;
            m.y = round1(row_top + if names_above { 22.0 } else { 6.0 });
            m.width = round1(xs.map(f.value) - left).max(1.0);
            m.height = 22.0;
            let middle = m.y + m.height / 2.0;
            m.name_label = Some(if names_above {
                Label::new(
                    MARGIN,
                    row_top + 10.0,
                    Anchor::Start,
                    fit_text(name, name_room),
                )
            } else {
                Label::new(left - GAP, middle, Anchor::End, fit_text(name, name_room))
            });
            m.value_label = Label::new(m.x + m.width + dot + 6.0, middle, Anchor::Start, value);
            m
        })
        .collect();
    Layout {
        kind: spec.kind,
        width,
        height: bottom + 50.0,
        plot,
        x_ticks: thin(x_ticks),
        y_ticks: Vec::new(),
        grid,
        // Below the tick labels, in a row of its own.
        value_axis: Label::new(
            left,
            bottom + 38.0,
            Anchor::Start,
            fit_text(&scale.name, width - 2.0 * MARGIN),
        )
        .kept_within(width),
        headings,
        strokes: Vec::new(),
        legend: Vec::new(),
        marks,
    }
}

/// About how wide a text is at the charts' 13 px font, in its semibold weight. Widths
/// are those of DejaVu Sans, the widest of the common sans-serif faces (and the one
/// `system-ui` is on most Linux systems), so the estimate errs on the wide side:
/// CJK characters take a full em.
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            c if (c as u32) >= 0x2E80 => 13.0,
            'i' | 'j' | 'l' | 'I' | 'J' | '.' | ',' | ':' | ';' | '\'' | '’' | '!' | '|' | '·'
            | ' ' => 5.3,
            'f' | 'r' | 't' | '(' | ')' | '-' | '/' | '–' => 7.3,
            'm' | 'w' | 'M' | 'W' | '%' | '&' | '@' | '—' => 14.4,
            'A'..='Z' => 11.1,
            _ => 9.4,
        })
        .sum()
}

/// `text`, cut short with an ellipsis to be at most `room` wide by [`text_width`].
/// The whole text stays in the mark's tooltip, the summary and the table.
pub fn fit_text(text: &str, room: f64) -> String {
    if text_width(text) <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = text_width("…");
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

fn min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// A text alternative for screen readers: every value, series by series, group by
/// group.
pub fn summary(ds: &Dataset, spec: &ChartSpec, lang: Lang) -> String {
    let name = spec.indicator.name.get(lang);
    let (list_sep, series_sep) = if lang == Lang::En {
        (", ", "; ")
    } else {
        ("，", "；")
    };
    let series_text = |s: &Series| {
        let values: Vec<String> = s
            .figures
            .iter()
            .map(|f| {
                let when = figure_when(f, lang);
                if when.is_empty() {
                    figure_value(ds, f, lang)
                } else {
                    format!("{} ({when})", figure_value(ds, f, lang))
                }
            })
            .collect();
        format!(
            "{}: {}",
            series_label(ds, spec, s, lang),
            values.join(list_sep)
        )
    };
    let groups = spec.groups();
    let parts: Vec<String> = groups
        .iter()
        .map(|group| {
            let texts: Vec<String> = spec.series[group.series.clone()]
                .iter()
                .map(series_text)
                .collect();
            let texts = texts.join(series_sep);
            if groups.len() > 1 {
                format!("{} — {texts}", group.heading(lang))
            } else {
                texts
            }
        })
        .collect();
    match lang {
        Lang::En => format!("{name}. {}.", parts.join(". ")),
        _ => format!("{name}。{}。", parts.join("。")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;

    fn real() -> Dataset {
        load(include_str!("../../data/dataset.json")).expect("valid dataset")
    }

    /// Every chart at both drawn widths in both languages.
    fn every_layout(ds: &Dataset) -> Vec<(String, Lang, Layout)> {
        let mut out = Vec::new();
        for ind in charted_indicators(ds) {
            let spec = ChartSpec::for_indicator(ds, &ind.id).expect("charted");
            for lang in [Lang::En, Lang::Zh] {
                for width in [360.0, 640.0] {
                    out.push((ind.id.clone(), lang, layout(ds, &spec, lang, width)));
                }
            }
        }
        out
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
    fn series_over_years_are_lines_ranks_ranked_and_the_rest_bars() {
        let ds = real();
        let kind = |id: &str| ChartSpec::for_indicator(&ds, id).map(|s| s.kind);
        assert_eq!(kind("poverty-rate"), Some(ChartKind::Line));
        assert_eq!(kind("population"), Some(ChartKind::Line));
        assert_eq!(kind("terrorism-index"), Some(ChartKind::Line));
        assert_eq!(kind("trade-partner-rank"), Some(ChartKind::Rank));
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

    /// The marks of a ranking, by the place they show.
    fn stems_by_place(l: &Layout, ds: &Dataset) -> Vec<(f64, f64, f64)> {
        l.marks
            .iter()
            .map(|m| {
                let f = ds
                    .figures
                    .iter()
                    .find(|f| f.id == m.figure_id)
                    .expect("figure");
                (f.value, m.width, m.y)
            })
            .collect()
    }

    #[test]
    fn first_place_is_drawn_most_prominent() {
        let ds = real();
        let spec = ChartSpec::for_indicator(&ds, "trade-partner-rank").expect("charted");
        for lang in [Lang::En, Lang::Zh] {
            for width in [360.0, 640.0] {
                let l = layout(&ds, &spec, lang, width);
                let five: Vec<(f64, f64, f64)> =
                    stems_by_place(&l, &ds).into_iter().take(5).collect();
                // First place first, and the further out the better the place.
                let places: Vec<f64> = five.iter().map(|r| r.0).collect();
                assert_eq!(places, [1.0, 1.0, 1.0, 2.0, 3.0]);
                for pair in five.windows(2) {
                    let ((p0, w0, y0), (p1, w1, y1)) = (pair[0], pair[1]);
                    assert!(y0 < y1, "rows top down by place");
                    if p0 < p1 {
                        assert!(w0 > w1, "place {p0} reaches further than place {p1}");
                    } else {
                        assert_eq!(w0, w1, "equal places, equal stems");
                    }
                }
                // The axis runs from the last place on the left to first on the right.
                let tick = |text: &str| {
                    l.x_ticks
                        .iter()
                        .find(|t| t.label.text == text)
                        .map(|t| t.pos)
                        .expect(text)
                };
                assert!(tick("1") > tick("2") && tick("2") > tick("3"));
            }
        }
    }

    /// The article's dataset, read once for the property below.
    static REAL: std::sync::LazyLock<Dataset> = std::sync::LazyLock::new(real);

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any places (ties among them), given to the trade ranking's six rows, to a
        /// bar chart's two rows made a ranking, and over the years to a line made one:
        /// the rows run first place first within each group, a better place reaching
        /// further and an equal one as far; on the line a better place is higher and
        /// first place is the top tick.
        #[test]
        fn any_ranking_is_drawn_first_place_first(
            trade in proptest::collection::vec(1u8..12, 6),
            survey in proptest::collection::vec(1u8..12, 2),
            years in proptest::collection::vec(1u8..12, 3),
            lang in proptest::sample::select(vec![Lang::En, Lang::Zh]),
            width in proptest::sample::select(vec![360.0, 640.0]),
        ) {
            let mut ds = REAL.clone();
            let made_ranks = ["korea-survey-most-important", "terrorism-index"];
            for ind in ds.indicators.iter_mut().filter(|i| made_ranks.contains(&i.id.as_str())) {
                ind.unit = "rank".into();
            }
            let mut places = [
                ("trade-partner-rank", trade.into_iter()),
                ("korea-survey-most-important", survey.into_iter()),
                ("terrorism-index", years.into_iter()),
            ];
            for f in ds.figures.iter_mut() {
                if let Some((_, given)) = places.iter_mut().find(|(id, _)| *id == f.indicator) {
                    f.unit = "rank".into();
                    f.value = f64::from(given.next().expect("a place for every figure"));
                }
            }
            for id in ["trade-partner-rank", "korea-survey-most-important"] {
                let spec = ChartSpec::for_indicator(&ds, id).expect("charted");
                proptest::prop_assert_eq!(spec.kind, ChartKind::Rank);
                let l = layout(&ds, &spec, lang, width);
                let rows = stems_by_place(&l, &ds);
                proptest::prop_assert_eq!(rows.len(), spec.series.len(), "one row a series");
                for group in spec.groups() {
                    let places: Vec<f64> = rows[group.series].iter().map(|r| r.0).collect();
                    proptest::prop_assert!(places.windows(2).all(|p| p[0] <= p[1]), "{id}: {places:?}");
                }
                for (i, (p0, w0, y0)) in rows.iter().enumerate() {
                    for (p1, w1, y1) in &rows[i + 1..] {
                        proptest::prop_assert!(y0 < y1, "{id}: rows top down");
                        proptest::prop_assert_eq!(p0 < p1, w0 > w1, "{}: places {} {}, stems {} {}", id, p0, p1, w0, w1);
                        proptest::prop_assert_eq!(p0 == p1, w0 == w1, "{}: places {} {}", id, p0, p1);
                    }
                }
            }
            let spec = ChartSpec::for_indicator(&ds, "terrorism-index").expect("charted");
            proptest::prop_assert_eq!(spec.kind, ChartKind::Line);
            let l = layout(&ds, &spec, lang, width);
            let points = stems_by_place(&l, &ds);
            for (i, (p0, _, y0)) in points.iter().enumerate() {
                for (p1, _, y1) in &points[i + 1..] {
                    proptest::prop_assert_eq!(p0 < p1, y0 < y1, "places {} {} at {} {}", p0, p1, y0, y1);
                }
            }
            let top = l.y_ticks.iter().min_by(|a, b| a.pos.total_cmp(&b.pos)).expect("ticks");
            proptest::prop_assert_eq!(top.label.text.as_str(), "1");
        }
    }

    #[test]
    fn a_comparison_country_is_drawn_apart_from_the_five() {
        let ds = real();
        let spec = ChartSpec::for_indicator(&ds, "trade-partner-rank").expect("charted");
        let groups = spec.groups();
        let members = |i: usize| -> Vec<&str> {
            spec.series[groups[i].series.clone()]
                .iter()
                .map(|s| s.country.as_str())
                .collect()
        };
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].role.map(|r| r.id.as_str()), Some("central-asia"));
        let mut five = members(0);
        five.sort_unstable();
        assert_eq!(five, ["KAZ", "KGZ", "TJK", "TKM", "UZB"]);
        assert_eq!(groups[1].role.map(|r| r.id.as_str()), Some("other"));
        assert_eq!(members(1), ["KOR"]);
        // Drawn under headings, the comparison below all five.
        let l = layout(&ds, &spec, Lang::En, 360.0);
        let headings: Vec<&str> = l.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            headings,
            ["Central Asian states", "Other countries, for comparison"]
        );
        let kor = l
            .marks
            .iter()
            .find(|m| m.figure_id.contains("kor"))
            .expect("KOR drawn");
        assert!(l.headings[1].y < kor.y);
        assert!(l
            .marks
            .iter()
            .filter(|m| m.figure_id != kor.figure_id)
            .all(|m| m.y + m.height < l.headings[1].y));
        assert!(summary(&ds, &spec, Lang::En)
            .contains("Other countries, for comparison — South Korea: No. 1 (2021)"));
    }

    #[test]
    fn groups_follow_the_roles_in_the_data() {
        let mut ds = real();
        for c in ds.countries.iter_mut() {
            match c.id.as_str() {
                "KOR" => c.role = "central-asia".into(),
                "KAZ" => c.role = "other".into(),
                _ => {}
            }
        }
        let spec = ChartSpec::for_indicator(&ds, "trade-partner-rank").expect("charted");
        let groups = spec.groups();
        let other: Vec<&str> = spec.series[groups[1].series.clone()]
            .iter()
            .map(|s| s.country.as_str())
            .collect();
        assert_eq!(other, ["KAZ"]);
        assert!(spec.series[groups[0].series.clone()]
            .iter()
            .any(|s| s.country == "KOR"));
    }

    #[test]
    fn a_country_keeps_its_colour_from_chart_to_chart() {
        let ds = real();
        let colour_in = |id: &str, country: &str| {
            let spec = ChartSpec::for_indicator(&ds, id).expect("charted");
            let l = layout(&ds, &spec, Lang::En, 640.0);
            let si = spec
                .series
                .iter()
                .position(|s| s.country == country)
                .expect(country);
            let stroke = l.strokes.iter().find(|s| s.series == si).expect("a line");
            let points: Vec<Colour> = l
                .marks
                .iter()
                .filter(|m| m.series == si)
                .map(|m| m.colour)
                .collect();
            assert!(points.iter().all(|c| *c == stroke.colour));
            stroke.colour
        };
        assert_eq!(
            colour_in("poverty-rate", "TJK"),
            colour_in("terrorism-index", "TJK")
        );
        assert_ne!(
            colour_in("poverty-rate", "TJK"),
            colour_in("poverty-rate", "KGZ")
        );
    }

    /// The second dataset with a line chart of a fifth country beside the first:
    /// five countries drawn as lines in all, two in that chart.
    fn five_lines_in_all() -> Dataset {
        let mut ds = load(include_str!("../../examples/mekong/dataset.json")).expect("valid");
        let mut indicator = ds.indicator("rice-exports").expect("an indicator").clone();
        indicator.id = "rice-imports".into();
        let template = ds.figures[0].clone();
        for (country, year) in [("THA", 2015), ("THA", 2020), ("LAO", 2015), ("LAO", 2020)] {
            ds.figures.push(Figure {
                id: format!("imports-{country}-{year}"),
                indicator: indicator.id.clone(),
                country: country.into(),
                year: Some(year),
                ..template.clone()
            });
        }
        ds.indicators.push(indicator);
        ds
    }

    /// Lines of one chart never share a colour, in the article's charts, in one
    /// drawing three of its four lines' countries (the palette has four colours) and in
    /// a dataset drawing five countries as lines, no more than four in a chart; bars
    /// and dots have one colour, whatever the row.
    #[test]
    fn the_lines_of_a_chart_never_share_a_colour() {
        let mut three = real();
        let kgz = three
            .figures
            .iter()
            .find(|f| f.indicator == "poverty-rate" && f.country == "KGZ")
            .cloned()
            .expect("a poverty figure");
        for year in [2017, 2019] {
            three.figures.push(Figure {
                id: format!("poverty-ca5-{year}"),
                country: "CA5".into(),
                year: Some(year),
                ..kgz.clone()
            });
        }
        let lines = ChartSpec::for_indicator(&three, "poverty-rate").map(|s| s.series.len());
        assert_eq!(lines, Some(3));
        let five = five_lines_in_all();
        assert_eq!(line_slots(&five).len(), 5, "five countries drawn as lines");
        // With no more countries than colours, each has its own across the site.
        let own = line_slots(&real());
        assert!(own.len() <= PALETTE);
        for (i, (id, slot)) in own.iter().enumerate() {
            assert_eq!(*slot, i, "{id}");
        }
        for ds in [real(), three, five] {
            for (id, _, l) in every_layout(&ds) {
                let colours: Vec<Colour> = match l.kind {
                    ChartKind::Line => l.legend.iter().map(|(_, c)| *c).collect(),
                    _ => {
                        assert!(l.marks.iter().all(|m| m.colour == Colour::Single), "{id}");
                        continue;
                    }
                };
                for (i, colour) in colours.iter().enumerate() {
                    assert!(!colours[..i].contains(colour), "{id}: {colours:?}");
                }
            }
        }
    }

    #[test]
    fn english_counts_people_in_millions_and_chinese_in_wan() {
        let ds = real();
        let spec = ChartSpec::for_indicator(&ds, "population").expect("charted");
        for width in [360.0, 640.0] {
            let en = layout(&ds, &spec, Lang::En, width);
            assert_eq!(en.value_axis.text, "million people");
            let ticks: Vec<&str> = en.y_ticks.iter().map(|t| t.label.text.as_str()).collect();
            assert_eq!(ticks, ["50", "55", "60", "65", "70", "75", "80", "85"]);
            let zh = layout(&ds, &spec, Lang::Zh, width);
            assert_eq!(zh.value_axis.text, "万人");
            let ticks: Vec<&str> = zh.y_ticks.iter().map(|t| t.label.text.as_str()).collect();
            assert_eq!(
                ticks,
                ["5000", "5500", "6000", "6500", "7000", "7500", "8000", "8500"]
            );
        }
    }

    #[test]
    fn every_text_fits_inside_the_drawing() {
        let ds = real();
        for (id, lang, l) in every_layout(&ds) {
            for label in l.labels() {
                let (left, top, right, bottom) = label.bounds();
                assert!(
                    left >= 0.0 && right <= l.width,
                    "{id} {lang:?} at {}: {:?} spans {left}–{right}",
                    l.width,
                    label.text
                );
                assert!(
                    top >= 0.0 && bottom <= l.height,
                    "{id} {lang:?} at {}: {:?} spans {top}–{bottom} of {}",
                    l.width,
                    label.text,
                    l.height
                );
            }
        }
        // No name is cut short: where it does not fit beside its row it goes above.
        for (id, lang, l) in every_layout(&ds) {
            for m in &l.marks {
                let name = m.name_label.as_ref().map_or("", |n| n.text.as_str());
                assert!(!name.ends_with('…'), "{id} {lang:?} at {}: {name}", l.width);
            }
        }
        // The label that was cut off, at the narrow width, whole.
        let spec = ChartSpec::for_indicator(&ds, "trade-growth").expect("charted");
        let l = layout(&ds, &spec, Lang::En, 360.0);
        let label = l
            .marks
            .iter()
            .map(|m| &m.value_label)
            .find(|v| v.text == "more than 100-fold")
            .expect("the label");
        assert!(label.bounds().2 <= 360.0);
    }

    #[test]
    fn the_unit_the_ticks_and_the_values_never_collide() {
        let ds = real();
        for (id, lang, l) in every_layout(&ds) {
            let ticks: Vec<&Label> = l
                .x_ticks
                .iter()
                .chain(&l.y_ticks)
                .map(|t| &t.label)
                .collect();
            for t in &ticks {
                assert!(
                    !l.value_axis.overlaps(t),
                    "{id} {lang:?} at {}: the unit {:?} runs into tick {:?}",
                    l.width,
                    l.value_axis.text,
                    t.text
                );
            }
            // No two texts overlap, the values of lines included (a file shows them all).
            let all: Vec<&Label> = l.labels().collect();
            for (i, a) in all.iter().enumerate() {
                for b in &all[i + 1..] {
                    assert!(
                        !a.overlaps(b),
                        "{id} {lang:?} at {}: {:?} and {:?} overlap",
                        l.width,
                        a.text,
                        b.text
                    );
                }
            }
            // The unit has a row of its own: no other text reaches into it, however
            // far apart sideways.
            let (_, row_top, _, row_bottom) = l.value_axis.bounds();
            for other in l.labels().filter(|x| !std::ptr::eq(*x, &l.value_axis)) {
                let (_, top, _, bottom) = other.bounds();
                assert!(
                    bottom <= row_top || top >= row_bottom,
                    "{id} {lang:?} at {}: {:?} shares the unit's row",
                    l.width,
                    other.text
                );
            }
        }
    }

    #[test]
    fn marks_stay_inside_the_plot() {
        let ds = real();
        for (id, _, l) in every_layout(&ds) {
            let (left, top, right, bottom) = l.plot;
            for m in &l.marks {
                assert!(m.x >= left && m.x + m.width <= right + 0.1, "{id} x");
                assert!(m.y >= top - 0.1 && m.y + m.height <= bottom + 0.1, "{id} y");
            }
        }
    }

    #[test]
    fn long_names_are_cut_short_to_their_room() {
        assert_eq!(fit_text("Kyrgyzstan", 200.0), "Kyrgyzstan");
        let cut = fit_text("Central Asia (the five states) · over 30 years", 120.0);
        assert!(cut.ends_with('…') && text_width(&cut) <= 120.0, "{cut}");
        assert!(text_width("中亚") > text_width("ab"));
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
