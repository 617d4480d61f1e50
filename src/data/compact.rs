//! JSON without the whitespace between its tokens: the dataset as the site serves it.
//! The repository keeps `data/dataset.json` indented for people to read and review;
//! the served copy is about a quarter smaller (1.2 KB less after brotli). Shared
//! by `build.rs`, which records the served file's SHA-256, and the bake, which writes it.

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
    use super::compact_json;
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
}
