//! The dataset as the site serves it: the whole file without the whitespace between its
//! tokens, and its core, the part the overview is drawn from. Shared by `build.rs`,
//! which records each served file's SHA-256, and the bake, which writes them.
//!
//! The repository keeps `data/dataset.json` indented for people to read and review;
//! the served copy is about a quarter smaller (1.2 KB less after brotli). The core
//! (`data/core.json`, see `crate::chunks::DataPart`) is about a third of the whole
//! after brotli: a first visit to the overview needs no more.

use serde_json::Value;

/// The sections of the dataset the core leaves empty: the overview names no topic and
/// shows no glossary term and no link of the argument.
const NOT_IN_CORE: [&str; 3] = ["glossary", "links", "topics"];

/// The core of a dataset (`json`, the whole file): the items a figure comes from (each
/// figure's provenance names its item), the references and footnotes those figures and
/// items cite, [`NOT_IN_CORE`] left empty, and every other section as it is. Compact
/// JSON with the keys of each object in alphabetical order; `None` if `json` is not a
/// JSON object.
pub fn core_json(json: &str) -> Option<String> {
    let mut whole: serde_json::Map<String, Value> = serde_json::from_str(json).ok()?;
    let figures = whole.get("figures").cloned().unwrap_or(Value::Null);
    let figures = figures.as_array().map(Vec::as_slice).unwrap_or_default();
    let from_figures = values_of(figures, "item");
    keep_only(&mut whole, "items", &from_figures);
    let items = whole.get("items").cloned().unwrap_or(Value::Null);
    let records: Vec<&Value> = figures
        .iter()
        .chain(items.as_array().map(Vec::as_slice).unwrap_or_default())
        .collect();
    for cited in ["references", "footnotes"] {
        let ids: Vec<Value> = records
            .iter()
            .flat_map(|r| {
                r.get(cited)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            })
            .collect();
        keep_only(&mut whole, cited, &ids);
    }
    for section in NOT_IN_CORE {
        if let Some(value) = whole.get_mut(section) {
            *value = Value::Array(Vec::new());
        }
    }
    serde_json::to_string(&whole).ok()
}

/// The values of `field` in each of `records` that has it.
fn values_of(records: &[Value], field: &str) -> Vec<Value> {
    records
        .iter()
        .filter_map(|r| r.get(field).cloned())
        .collect()
}

/// Keeps the records of `section` whose `id` is one of `ids`.
fn keep_only(whole: &mut serde_json::Map<String, Value>, section: &str, ids: &[Value]) {
    if let Some(Value::Array(records)) = whole.get_mut(section) {
        records.retain(|r| r.get("id").is_some_and(|id| ids.contains(id)));
    }
}

/// `json` with every space, tab and line break outside its strings removed. Strings,
/// escapes included, are kept as they are, so the result parses to the same value.
pub fn compact_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{compact_json, core_json};
    use serde_json::Value;

    #[test]
    fn keeps_strings_whole_and_drops_the_rest_of_the_whitespace() {
        let json = "{\n  \"a b\": [ 1, \"x \\\" y\\\\\" ],\r\n\t\"c\": \"中 文\" }";
        assert_eq!(
            compact_json(json),
            "{\"a b\":[1,\"x \\\" y\\\\\"],\"c\":\"中 文\"}"
        );
        let value = |s: &str| serde_json::from_str::<Value>(s).ok();
        assert_eq!(value(&compact_json(json)), value(json));
    }

    #[test]
    fn the_served_dataset_is_the_same_data_in_fewer_bytes() {
        let source = include_str!("../../data/dataset.json");
        let served = compact_json(source);
        let value = |s: &str| serde_json::from_str::<Value>(s).ok();
        assert!(value(source).is_some());
        assert_eq!(value(&served), value(source));
        assert!(
            served.len() * 5 < source.len() * 4,
            "{} of {} bytes",
            served.len(),
            source.len()
        );
    }

    #[test]
    fn the_core_keeps_what_figures_need_and_empties_glossary_links_and_topics() {
        let json = r#"{"meta":{"a":1},"figures":[{"id":"f","item":"b","references":["r1"]}],
            "items":[{"id":"a","footnotes":["n1"]},{"id":"b","footnotes":["n2"]},{"id":"c"}],
            "references":[{"id":"r1"},{"id":"r2"}],"footnotes":[{"id":"n1"},{"id":"n2"}],
            "topics":[{"id":"t"}],"glossary":[{"id":"g"}],"links":[{"from":"a","to":"b"}]}"#;
        let core: Option<Value> = core_json(json).and_then(|c| serde_json::from_str(&c).ok());
        let expected = r#"{"meta":{"a":1},"figures":[{"id":"f","item":"b","references":["r1"]}],
            "items":[{"id":"b","footnotes":["n2"]}],
            "references":[{"id":"r1"}],"footnotes":[{"id":"n2"}],
            "topics":[],"glossary":[],"links":[]}"#;
        assert_eq!(core, serde_json::from_str(expected).ok());
        assert_eq!(core_json("[1, 2]"), None);
    }
}
