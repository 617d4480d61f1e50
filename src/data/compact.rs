//! The dataset as the site serves it: the whole file without the whitespace between its
//! tokens, and its core, the part the overview is drawn from. Shared by `build.rs`,
//! which records each served file's SHA-256, and the bake, which writes them.
//!
//! The repository keeps `data/dataset.json` indented for people to read and review;
//! the served copy is about a quarter smaller (1.2 KB less after brotli). The core
//! (`data/core.json`, see `crate::chunks::DataPart`) is about a third of the whole
//! after brotli: a first visit to the overview needs no more.

use serde_json::Value;

/// The sections of the dataset the core leaves empty: the overview shows no glossary
/// term and no link of the argument.
const NOT_IN_CORE: [&str; 2] = ["glossary", "links"];

/// The core of a dataset (`json`, the whole file): every section as it is but the
/// items, of which it keeps those a figure comes from (each figure's provenance names
/// its item), and [`NOT_IN_CORE`], left empty. Compact JSON with the keys of each
/// object in alphabetical order; `None` if `json` is not a JSON object.
pub fn core_json(json: &str) -> Option<String> {
    let mut whole: serde_json::Map<String, Value> = serde_json::from_str(json).ok()?;
    let quoted: Vec<Value> = whole
        .get("figures")
        .and_then(Value::as_array)
        .map(|figures| {
            figures
                .iter()
                .filter_map(|f| f.get("item").cloned())
                .collect()
        })
        .unwrap_or_default();
    if let Some(Value::Array(items)) = whole.get_mut("items") {
        items.retain(|item| item.get("id").is_some_and(|id| quoted.contains(id)));
    }
    for section in NOT_IN_CORE {
        if let Some(value) = whole.get_mut(section) {
            *value = Value::Array(Vec::new());
        }
    }
    serde_json::to_string(&whole).ok()
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
    fn the_core_keeps_the_items_figures_come_from_and_empties_glossary_and_links() {
        let json = r#"{"meta":{"a":1},"figures":[{"id":"f","item":"b"}],
            "items":[{"id":"a"},{"id":"b"},{"id":"c"}],
            "glossary":[{"id":"t"}],"links":[{"from":"a","to":"b"}]}"#;
        let core: Option<Value> = core_json(json).and_then(|c| serde_json::from_str(&c).ok());
        let expected = r#"{"meta":{"a":1},"figures":[{"id":"f","item":"b"}],
            "items":[{"id":"b"}],"glossary":[],"links":[]}"#;
        assert_eq!(core, serde_json::from_str(expected).ok());
        assert_eq!(core_json("[1, 2]"), None);
    }
}
