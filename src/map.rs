//! The map: Natural Earth outlines (prepared once by `scripts/build-map.mjs` into
//! `data/map.json`) coloured by an indicator, drawn as escaped SVG markup.

use serde::Deserialize;

use crate::chart::svg::escape;
use crate::data::{Dataset, Figure, Indicator};
use crate::format::figure_value;
use crate::i18n::Lang;
use crate::order::sort_short_by;

/// Where the outlines are served, relative to the page; fetched only by the map view.
pub const MAP_URL: &str = "data/map.json";

/// The indicator the map shows when the address names none: the dataset's choice
/// (`meta.map_indicator`), else its first indicator with values for two countries or
/// more (the fewest a map can compare).
pub fn default_indicator(ds: &Dataset) -> Option<&str> {
    if let Some(id) = &ds.meta.map_indicator {
        return Some(id);
    }
    ds.indicators
        .iter()
        .find(|i| {
            let countries: std::collections::BTreeSet<&str> = ds
                .figures
                .iter()
                .filter(|f| f.indicator == i.id)
                .map(|f| f.country.as_str())
                .collect();
            countries.len() >= 2
        })
        .map(|i| i.id.as_str())
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MapShapes {
    pub source: String,
    pub width: f64,
    pub height: f64,
    pub countries: Vec<Shape>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shape {
    pub id: String,
    /// SVG path data: only move, line and close commands with numbers.
    pub path: String,
    /// Where the country's name goes.
    pub label: [f64; 2],
}

/// Reads the outlines, refusing anything but plain path data.
pub fn parse_shapes(json: &str) -> Result<MapShapes, String> {
    let shapes: MapShapes = serde_json::from_str(json).map_err(|e| format!("{MAP_URL}: {e}"))?;
    checked_shapes(shapes)
}

/// [`parse_shapes`] for outlines the browser has already parsed.
pub fn parsed_shapes(value: wasm_bindgen::JsValue) -> Result<MapShapes, String> {
    let shapes: MapShapes =
        serde_wasm_bindgen::from_value(value).map_err(|e| format!("{MAP_URL}: {e}"))?;
    checked_shapes(shapes)
}

fn checked_shapes(shapes: MapShapes) -> Result<MapShapes, String> {
    for s in &shapes.countries {
        let plain = s
            .path
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, 'M' | 'L' | 'Z' | ' ' | '.' | '-'));
        if !plain || s.id.len() != 3 || !s.id.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!(
                "{MAP_URL}: the outline of {:?} is not plain path data",
                s.id
            ));
        }
    }
    Ok(shapes)
}

/// Each mapped country's figure for an indicator: its latest where there are several.
pub fn values<'a>(
    ds: &'a Dataset,
    shapes: &MapShapes,
    indicator: &str,
) -> Vec<(&'a str, &'a Figure)> {
    let mut out: Vec<(&str, &Figure)> = Vec::new();
    for f in ds.figures.iter().filter(|f| f.indicator == indicator) {
        if !shapes.countries.iter().any(|s| s.id == f.country) {
            continue;
        }
        match out.iter_mut().find(|(c, _)| *c == f.country) {
            Some(entry) if f.year > entry.1.year => entry.1 = f,
            Some(_) => {}
            None => out.push((f.country.as_str(), f)),
        }
    }
    out
}

/// Indicators with values for at least two countries on the map.
pub fn indicators<'a>(ds: &'a Dataset, shapes: &MapShapes) -> Vec<&'a Indicator> {
    ds.indicators
        .iter()
        .filter(|i| values(ds, shapes, &i.id).len() >= 2)
        .collect()
}

/// A sequential, colour-blind-safe blue scale, light to dark.
pub const COLOURS: [&str; 4] = ["#c6dbef", "#6baed6", "#2171b5", "#08306b"];

/// The class (0–3) of a value between the smallest and largest shown.
pub fn class_of(value: f64, min: f64, max: f64) -> usize {
    if max <= min {
        return 0;
    }
    (((value - min) / (max - min) * 4.0).floor() as usize).min(3)
}

/// The colour of a value. For ranks, first is the strongest, so the scale turns round.
fn colour(ds: &Dataset, f: &Figure, min: f64, max: f64) -> &'static str {
    let class = class_of(f.value, min, max);
    COLOURS[if ds.unit(&f.unit).ranking {
        3 - class
    } else {
        class
    }]
}

/// One legend entry: a colour and the values it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub colour: &'static str,
    pub values: Vec<String>,
}

/// The legend: each colour in use with the values drawn in it.
pub fn legend(ds: &Dataset, mapped: &[(&str, &Figure)], lang: Lang) -> Vec<LegendEntry> {
    let (min, max) = bounds(mapped);
    let mut entries: Vec<LegendEntry> = Vec::new();
    let mut sorted: Vec<&Figure> = mapped.iter().map(|(_, f)| *f).collect();
    sort_short_by(&mut sorted, |a, b| a.value.total_cmp(&b.value));
    for f in sorted {
        let colour = colour(ds, f, min, max);
        let text = figure_value(ds, f, lang);
        match entries.iter_mut().find(|e| e.colour == colour) {
            Some(e) if e.values.contains(&text) => {}
            Some(e) => e.values.push(text),
            None => entries.push(LegendEntry {
                colour,
                values: vec![text],
            }),
        }
    }
    entries
}

fn bounds(mapped: &[(&str, &Figure)]) -> (f64, f64) {
    let min = mapped
        .iter()
        .map(|(_, f)| f.value)
        .fold(f64::INFINITY, f64::min);
    let max = mapped
        .iter()
        .map(|(_, f)| f.value)
        .fold(f64::NEG_INFINITY, f64::max);
    (min, max)
}

/// The map as SVG markup. Countries with a profile are links (`href_for` gives the
/// address), so they take keyboard focus and open with Enter; each has a name for
/// screen readers. Countries without a value are hatched, unlike low values.
pub fn render(
    ds: &Dataset,
    shapes: &MapShapes,
    indicator: &str,
    lang: Lang,
    no_value: &str,
    href_for: impl Fn(&str) -> String,
) -> String {
    let mapped = values(ds, shapes, indicator);
    let (min, max) = bounds(&mapped);
    let title = ds.indicator(indicator).map_or("", |i| i.name.get(lang));
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" class=\"map-svg\" role=\"group\" aria-label=\"{}\">",
        shapes.width,
        shapes.height,
        escape(title)
    );
    s.push_str(
        "<defs><pattern id=\"no-value\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect width=\"8\" height=\"8\" class=\"hatch-bg\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" class=\"hatch\"/></pattern></defs>",
    );
    for shape in &shapes.countries {
        let name = ds
            .country(&shape.id)
            .map_or_else(|| shape.id.clone(), |c| c.name.get(lang).to_string());
        let figure = mapped.iter().find(|(c, _)| *c == shape.id).map(|(_, f)| *f);
        let (fill, value) = match figure {
            Some(f) => (
                colour(ds, f, min, max).to_string(),
                figure_value(ds, f, lang),
            ),
            None => ("url(#no-value)".to_string(), no_value.to_string()),
        };
        let label = escape(&format!("{name}: {value}"));
        let body = format!(
            "<path d=\"{}\" fill=\"{fill}\" class=\"country\"/><title>{label}</title>",
            shape.path
        );
        if ds.country(&shape.id).is_some_and(|c| ds.has_profile(c)) {
            s.push_str(&format!(
                "<a href=\"{}\" data-country=\"{}\" aria-label=\"{label}\">{body}</a>",
                escape(&href_for(&shape.id)),
                shape.id
            ));
        } else {
            s.push_str(&format!("<g data-country=\"{}\">{body}</g>", shape.id));
        }
    }
    for shape in &shapes.countries {
        if let Some(c) = ds.country(&shape.id) {
            s.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" class=\"map-label\" text-anchor=\"middle\" aria-hidden=\"true\">{}</text>",
                shape.label[0],
                shape.label[1],
                escape(c.name.get(lang))
            ));
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load;
    use proptest::prelude::*;

    fn real() -> (Dataset, MapShapes) {
        let ds = load(include_str!("../data/dataset.json")).expect("valid dataset");
        let shapes = parse_shapes(include_str!("../data/map.json")).expect("valid map");
        (ds, shapes)
    }

    #[test]
    fn the_map_holds_the_five_china_and_the_named_neighbours() {
        let (ds, shapes) = real();
        let mut ids: Vec<&str> = shapes.countries.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(
            ids,
            ["AFG", "CHN", "KAZ", "KGZ", "RUS", "TJK", "TKM", "UZB"]
        );
        // The outlines are those the dataset asks `scripts/build-map.mjs` for.
        let asked: Vec<&str> = ds
            .map
            .as_ref()
            .map(|m| m.outlines.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(ids, asked);
    }

    #[test]
    fn the_maps_first_indicator_is_the_datasets_choice_or_else_one_it_can_compare() {
        let (mut ds, shapes) = real();
        assert_eq!(default_indicator(&ds), Some("trade-partner-rank"));
        ds.meta.map_indicator = None;
        let first = default_indicator(&ds).expect("an indicator with two countries");
        assert!(values(&ds, &shapes, first).len() >= 2, "{first}");
        ds.indicators.clear();
        assert_eq!(default_indicator(&ds), None);
    }

    #[test]
    fn trade_partner_standing_colours_the_five() {
        let (ds, shapes) = real();
        let chosen = default_indicator(&ds).expect("the dataset's choice");
        assert!(indicators(&ds, &shapes).iter().any(|i| i.id == chosen));
        let mapped = values(&ds, &shapes, chosen);
        assert_eq!(mapped.len(), 5);
        let svg = render(&ds, &shapes, chosen, Lang::En, "No value", |id| {
            format!("?view=countries&id={id}")
        });
        assert_eq!(
            svg.matches("<a href=").count(),
            6,
            "the five and China are links"
        );
        assert!(svg.contains("aria-label=\"Kazakhstan: No. 2\""));
        assert!(svg.contains("aria-label=\"China: No value\""));
        // First place is drawn darkest.
        let entries = legend(&ds, &mapped, Lang::En);
        assert_eq!(entries[0].values, ["No. 1"]);
        assert_eq!(entries[0].colour, COLOURS[3]);
        assert_eq!(
            svg.matches("fill=\"url(#no-value)\"").count(),
            3,
            "China, Russia, Afghanistan"
        );
    }

    #[test]
    fn latest_values_win_and_classes_span_the_range() {
        let (ds, shapes) = real();
        let poverty = values(&ds, &shapes, "poverty-rate");
        let kgz = poverty.iter().find(|(c, _)| *c == "KGZ").expect("KGZ");
        assert_eq!(kgz.1.year, Some(2019));
        assert_eq!(class_of(20.1, 20.1, 26.3), 0);
        assert_eq!(class_of(26.3, 20.1, 26.3), 3);
        assert_eq!(class_of(5.0, 5.0, 5.0), 0);
        let entries = legend(&ds, &poverty, Lang::En);
        assert_eq!(
            entries.first().map(|e| e.values.clone()),
            Some(vec!["20.1%".to_string()])
        );
    }

    /// The real outlines, as text.
    const MAP: &str = include_str!("../data/map.json");

    /// The real dataset, read once for all the cases below.
    static DATA: std::sync::LazyLock<Dataset> = std::sync::LazyLock::new(|| {
        load(include_str!("../data/dataset.json")).expect("valid dataset")
    });

    /// What the parser returns is a refusal or outlines that keep their promise (plain
    /// path data, three-letter ids) and draw without a panic.
    fn refused_or_valid(result: Result<MapShapes, String>) -> Result<(), TestCaseError> {
        let Ok(shapes) = result else {
            return Ok(());
        };
        for s in &shapes.countries {
            prop_assert!(
                s.id.len() == 3 && s.id.chars().all(|c| c.is_ascii_uppercase()),
                "{:?}",
                s.id
            );
            prop_assert!(
                s.path
                    .chars()
                    .all(|c| c.is_ascii_digit() || "MLZ .-".contains(c)),
                "{:?}",
                s.path
            );
        }
        let svg = render(
            &DATA,
            &shapes,
            default_indicator(&DATA).unwrap_or_default(),
            Lang::En,
            "-",
            |id| format!("{id}/"),
        );
        prop_assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        Ok(())
    }

    /// Any JSON value, with the outlines' own keys and value shapes among the arbitrary ones.
    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_filter_map("JSON numbers are finite", |f| {
                serde_json::Number::from_f64(f).map(Value::Number)
            }),
            any::<String>().prop_map(Value::String),
            "[A-Z]{2,4}".prop_map(Value::String),
            "[MLZCz0-9 .,-]{0,24}".prop_map(Value::String),
        ];
        let key = prop_oneof![
            prop::sample::select(vec![
                "source",
                "width",
                "height",
                "countries",
                "id",
                "path",
                "label"
            ])
            .prop_map(String::from),
            any::<String>(),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((key.clone(), inner), 0..6)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    /// JSON shaped like outlines, each part mostly of its kind and sometimes any JSON:
    /// ids of three capitals (now and then of two or four, or not capitals), path data
    /// (now and then with a command, separator or markup the checker refuses), labels
    /// of any two numbers, any width and height, and now and then a key more or one
    /// missing. About a quarter are outlines (counted while writing this).
    fn outlines_shaped() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::{json, Value};
        fn or_any(kind: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
            prop_oneof![19 => kind, 1 => any_json()].boxed()
        }
        let number = prop_oneof![
            any::<f64>().prop_filter_map("JSON numbers are finite", |f| {
                serde_json::Number::from_f64(f).map(Value::Number)
            }),
            (-10i32..2000).prop_map(Value::from),
        ]
        .boxed();
        let odd_id = prop_oneof!["[A-Z]{2}", "[A-Z]{4}", "[a-z]{3}", "[A-Z]{2}[a-z0-9<]"];
        let id = prop_oneof![6 => "[A-Z]{3}", 1 => odd_id].prop_map(Value::from);
        let plain = "[MLZ0-9 .-]{0,12}";
        let odd = (plain, "[CcQz,<>\"]", plain).prop_map(|(a, b, c)| format!("{a}{b}{c}"));
        let path = prop_oneof![3 => plain.prop_map(String::from), 1 => odd].prop_map(Value::from);
        let label = (number.clone(), number.clone()).prop_map(|(x, y)| json!([x, y]));
        let shape = (
            or_any(id.boxed()),
            or_any(path.boxed()),
            or_any(label.boxed()),
        )
            .prop_map(|(id, path, label)| json!({ "id": id, "path": path, "label": label }));
        (
            or_any("\\PC{0,12}".prop_map(Value::from).boxed()),
            or_any(number.clone()),
            or_any(number),
            prop::collection::vec(shape, 0..6),
            prop::option::weighted(0.1, prop::sample::select(vec!["source", "width", "height", "countries", "extra"])),
        )
            .prop_map(|(source, width, height, countries, odd)| {
                let mut outlines = json!({ "source": source, "width": width, "height": height, "countries": countries });
                if let (Some(key), Some(map)) = (odd, outlines.as_object_mut()) {
                    // One key too many, or one missing.
                    if map.remove(key).is_none() {
                        map.insert(key.to_string(), Value::Null);
                    }
                }
                outlines
            })
    }

    /// Every place in a JSON value, as JSON pointers (the value itself is "").
    fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Array(list) => {
                for (i, v) in list.iter().enumerate() {
                    pointers(v, format!("{at}/{i}"), out);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    pointers(v, format!("{at}/{k}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    proptest! {
        /// Any text at all.
        #[test]
        fn any_text_is_refused_or_read_as_valid_outlines(text in any::<String>()) {
            refused_or_valid(parse_shapes(&text))?;
        }

        /// Any JSON, most of it shaped like outlines, and JSON-ish text (the characters
        /// JSON is made of, in any order).
        #[test]
        fn any_json_is_refused_or_read_as_valid_outlines(
            value in prop_oneof![1 => any_json(), 3 => outlines_shaped()],
            jsonish in "[\\[\\]{}\":,0-9a-zA-Z .eE+\\\\-]{0,200}",
        ) {
            refused_or_valid(parse_shapes(&value.to_string()))?;
            refused_or_valid(parse_shapes(&jsonish))?;
        }

        /// The real outlines with any of their parts replaced by any JSON.
        #[test]
        fn the_outlines_with_any_part_replaced_are_refused_or_valid(
            edits in prop::collection::vec((any::<prop::sample::Index>(), any_json()), 1..4),
        ) {
            let mut value: serde_json::Value = serde_json::from_str(MAP).expect("the outlines are JSON");
            for (at, replacement) in edits {
                let mut places = Vec::new();
                pointers(&value, String::new(), &mut places);
                if let Some(place) = value.pointer_mut(at.get::<String>(&places)) {
                    *place = replacement;
                }
            }
            refused_or_valid(parse_shapes(&value.to_string()))?;
        }

        /// The real outlines' text with characters deleted, inserted or replaced anywhere.
        #[test]
        fn the_outlines_text_with_any_edits_is_refused_or_valid(
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..12),
        ) {
            let mut text: Vec<char> = MAP.chars().collect();
            for (at, op, c) in edits {
                let i = at.index(text.len() + 1);
                match op {
                    0 if i < text.len() => {
                        text.remove(i);
                    }
                    1 => text.insert(i, c),
                    _ if i < text.len() => text[i] = c,
                    _ => {}
                }
            }
            refused_or_valid(parse_shapes(&text.into_iter().collect::<String>()))?;
        }
    }

    #[test]
    fn outlines_must_be_plain_path_data() {
        let bad = r#"{"source":"x","width":1,"height":1,"countries":[{"id":"KAZ","path":"M0 0\"/><script>","label":[0,0]}]}"#;
        assert!(parse_shapes(bad).is_err());
        assert!(parse_shapes("not json").is_err());
    }
}
