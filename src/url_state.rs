//! The URL is the state: which view, which language and theme, which filters.
//!
//! Routing is by query string (`?view=explore&country=KGZ~TJK`) rather than by path, so
//! the app runs from any plain static host under any subpath, and every view reloads and
//! deep-links without server rewrite rules. Parameters equal to their default are left
//! out; unknown parameters and values are ignored. Parsing never fails.

use crate::i18n::Lang;

/// Colour scheme; `Auto` follows the system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Which page is shown. Views that show one record carry its id as found in the URL;
/// the view itself says so when the id does not exist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Overview,
    Explore,
    Item(String),
    Countries,
    Country(String),
    Sources,
    Glossary,
    /// All charts.
    Charts,
    /// One indicator's chart, table and downloads.
    Chart(String),
    /// The map, coloured by an indicator (the default one when none is named).
    Map(Option<String>),
}

impl View {
    /// The navigation entry this view belongs to (an item belongs to Explore, a
    /// country profile to Countries).
    pub fn key(&self) -> &'static str {
        self.code().map_or("overview", |code| match code {
            "item" => "explore",
            other => other,
        })
    }

    fn code(&self) -> Option<&'static str> {
        match self {
            View::Overview => None,
            View::Explore => Some("explore"),
            View::Item(_) => Some("item"),
            View::Countries | View::Country(_) => Some("countries"),
            View::Sources => Some("sources"),
            View::Glossary => Some("glossary"),
            View::Charts | View::Chart(_) => Some("charts"),
            View::Map(_) => Some("map"),
        }
    }

    fn id(&self) -> Option<&str> {
        match self {
            View::Item(id) | View::Country(id) | View::Chart(id) | View::Map(Some(id)) => Some(id),
            _ => None,
        }
    }

    fn from_parts(code: &str, id: Option<String>) -> View {
        match (code, id) {
            ("explore", _) => View::Explore,
            ("item", Some(id)) => View::Item(id),
            ("countries", Some(id)) => View::Country(id),
            ("countries", None) => View::Countries,
            ("sources", _) => View::Sources,
            ("glossary", _) => View::Glossary,
            ("charts", Some(id)) => View::Chart(id),
            ("charts", None) => View::Charts,
            ("map", id) => View::Map(id),
            _ => View::Overview,
        }
    }
}

/// The Explore view's filters. Values are kept as given; the view drops those the
/// dataset does not know.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    pub q: String,
    pub topics: Vec<String>,
    pub countries: Vec<String>,
    pub kinds: Vec<String>,
    pub sections: Vec<String>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.q.is_empty()
            && self.topics.is_empty()
            && self.countries.is_empty()
            && self.kinds.is_empty()
            && self.sections.is_empty()
    }
}

/// Everything the URL says.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Route {
    pub view: View,
    pub lang: Lang,
    pub theme: Theme,
    pub filters: Filters,
    /// On a chart's own view: show its numbers as a table (`tab=table`).
    pub table: bool,
}

/// Longest search text kept from a URL; longer input is cut, not rejected.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most values kept for one facet parameter.
pub const MAX_FACET_VALUES: usize = 32;
/// Longest single id or facet value kept.
const MAX_VALUE_CHARS: usize = 64;

impl Route {
    /// The state for a query string (with or without the leading `?`). `preferred` is
    /// the language used when the URL names none.
    pub fn parse(query: &str, preferred: Lang) -> Route {
        let mut view_code = String::new();
        let mut id = None;
        let mut route = Route {
            view: View::Overview,
            lang: preferred,
            theme: Theme::Auto,
            filters: Filters::default(),
            table: false,
        };
        for (key, value) in pairs(query) {
            match key.as_str() {
                "view" => view_code = value,
                "id" if is_plain_value(&value) => id = Some(value),
                "lang" => {
                    if let Some(lang) = Lang::from_code(&value) {
                        route.lang = lang;
                    }
                }
                "theme" => {
                    if let Some(theme) = Theme::from_code(&value) {
                        route.theme = theme;
                    }
                }
                "tab" => route.table = value == "table",
                "q" => route.filters.q = value.chars().take(MAX_QUERY_CHARS).collect(),
                "topic" => route.filters.topics = list(&value),
                "country" => route.filters.countries = list(&value),
                "kind" => route.filters.kinds = list(&value),
                "section" => route.filters.sections = list(&value),
                _ => {}
            }
        }
        route.view = View::from_parts(&view_code, id);
        route
    }

    /// The query string for a link that must read the same for anyone who opens it
    /// (in a downloaded file, say): the language is always written.
    pub fn to_shareable_query(&self) -> String {
        self.write_query(None)
    }

    /// The query string for this state, starting with `?` (or empty), leaving out
    /// every parameter equal to its default (`preferred` is the default language).
    /// Filters are written on Explore only.
    pub fn to_query(&self, preferred: Lang) -> String {
        self.write_query(Some(preferred))
    }

    fn write_query(&self, default_lang: Option<Lang>) -> String {
        let mut out: Vec<(&str, String)> = Vec::new();
        if let Some(code) = self.view.code() {
            out.push(("view", code.to_string()));
        }
        if let Some(id) = self.view.id() {
            out.push(("id", id.to_string()));
        }
        if Some(self.lang) != default_lang {
            out.push(("lang", self.lang.code().to_string()));
        }
        if self.theme != Theme::Auto {
            out.push(("theme", self.theme.code().to_string()));
        }
        if self.table && matches!(self.view, View::Chart(_)) {
            out.push(("tab", "table".to_string()));
        }
        if self.view == View::Explore {
            let f = &self.filters;
            if !f.q.is_empty() {
                out.push(("q", f.q.clone()));
            }
            for (key, values) in [
                ("topic", &f.topics),
                ("country", &f.countries),
                ("kind", &f.kinds),
                ("section", &f.sections),
            ] {
                if !values.is_empty() {
                    out.push((key, values.join("~")));
                }
            }
        }
        if out.is_empty() {
            return String::new();
        }
        let body: Vec<String> = out
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        format!("?{}", body.join("&"))
    }

    /// The same state on another view (filters are kept for when the reader returns;
    /// the table tab belongs to the chart it was chosen on).
    pub fn with_view(&self, view: View) -> Route {
        Route {
            view,
            table: false,
            ..self.clone()
        }
    }
}

/// An id or facet value worth keeping: short, printable, without markup characters.
fn is_plain_value(value: &str) -> bool {
    !value.is_empty()
        && value.chars().count() <= MAX_VALUE_CHARS
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A `~`-joined list: plain values only, each once, at most [`MAX_FACET_VALUES`].
fn list(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in value.split('~') {
        if is_plain_value(part) && !out.iter().any(|v| v == part) {
            out.push(part.to_string());
        }
        if out.len() == MAX_FACET_VALUES {
            break;
        }
    }
    out
}

/// Splits a query string into decoded key/value pairs.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
}

/// Percent-decodes a query component (`+` is a space). Malformed escapes are kept as
/// they stand and invalid UTF-8 becomes U+FFFD, so any input decodes.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes a query value, leaving the unreserved characters (and so the `~`
/// that joins list values) readable.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(q: &str) -> Route {
        Route::parse(q, Lang::En)
    }

    #[test]
    fn empty_query_is_the_default_overview() {
        let r = parse("");
        assert_eq!(r.view, View::Overview);
        assert_eq!(r.lang, Lang::En);
        assert_eq!(r.theme, Theme::Auto);
        assert_eq!(r.to_query(Lang::En), "");
    }

    #[test]
    fn language_and_theme_are_read_and_defaults_left_out() {
        let r = parse("?lang=zh&theme=dark");
        assert_eq!((r.lang, r.theme), (Lang::Zh, Theme::Dark));
        assert_eq!(r.to_query(Lang::En), "?lang=zh&theme=dark");
        // The preferred language is the default, so it is not written.
        assert_eq!(r.to_query(Lang::Zh), "?theme=dark");
    }

    #[test]
    fn unknown_values_fall_back_silently() {
        let r = parse("lang=fr&theme=neon&view=nowhere&extra=1");
        assert_eq!(r, parse(""));
    }

    #[test]
    fn facets_are_tilde_lists_and_round_trip() {
        let r = parse("view=explore&country=KGZ~TJK&topic=poverty&q=%E8%B4%AB%E5%9B%B0");
        assert_eq!(r.view, View::Explore);
        assert_eq!(r.filters.countries, ["KGZ", "TJK"]);
        assert_eq!(r.filters.topics, ["poverty"]);
        assert_eq!(r.filters.q, "贫困");
        let q = r.to_query(Lang::En);
        assert_eq!(
            q,
            "?view=explore&q=%E8%B4%AB%E5%9B%B0&topic=poverty&country=KGZ~TJK"
        );
        assert_eq!(parse(&q), r);
    }

    #[test]
    fn markup_and_junk_in_lists_are_dropped() {
        let r = parse("view=explore&country=KGZ~<script>~KGZ~~TJK&kind=%22onload%3D");
        assert_eq!(r.filters.countries, ["KGZ", "TJK"]);
        assert!(r.filters.kinds.is_empty());
    }

    #[test]
    fn record_views_need_a_plain_id() {
        assert_eq!(parse("view=item&id=x-1").view, View::Item("x-1".into()));
        assert_eq!(parse("view=item").view, View::Overview);
        assert_eq!(parse("view=item&id=<b>").view, View::Overview);
        assert_eq!(
            parse("view=countries&id=KGZ").view,
            View::Country("KGZ".into())
        );
        assert_eq!(parse("view=countries").view, View::Countries);
    }

    #[test]
    fn shareable_links_always_name_the_language() {
        let r = parse("view=charts&id=poverty-rate");
        assert_eq!(r.to_query(Lang::En), "?view=charts&id=poverty-rate");
        assert_eq!(
            r.to_shareable_query(),
            "?view=charts&id=poverty-rate&lang=en"
        );
    }

    #[test]
    fn chart_and_map_views_round_trip() {
        let r = parse("view=charts&id=poverty-rate&tab=table");
        assert_eq!(r.view, View::Chart("poverty-rate".into()));
        assert!(r.table);
        assert_eq!(
            r.to_query(Lang::En),
            "?view=charts&id=poverty-rate&tab=table"
        );
        assert_eq!(parse("view=charts").view, View::Charts);
        assert_eq!(parse("view=map").view, View::Map(None));
        assert_eq!(
            parse("view=map&id=trade-partner-rank").view,
            View::Map(Some("trade-partner-rank".into()))
        );
        // The table tab means nothing elsewhere and is not written there.
        assert_eq!(
            parse("view=explore&tab=table").to_query(Lang::En),
            "?view=explore"
        );
    }

    #[test]
    fn decoding_survives_malformed_escapes() {
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%E8%B4"), "\u{FFFD}");
        assert_eq!(decode("a+b%20c"), "a b c");
    }

    #[test]
    fn search_text_is_capped() {
        let long = "x".repeat(1000);
        assert_eq!(parse(&format!("q={long}")).filters.q.len(), MAX_QUERY_CHARS);
    }

    proptest! {
        #[test]
        fn any_query_parses_and_its_written_form_is_stable(query in ".*") {
            let first = parse(&query);
            let written = first.to_query(Lang::En);
            let again = parse(&written);
            prop_assert_eq!(again.to_query(Lang::En), written);
        }

        #[test]
        fn any_search_text_round_trips(q in "\\PC{0,200}") {
            let route = Route { view: View::Explore, lang: Lang::Zh, theme: Theme::Light,
                filters: Filters { q: q.clone(), ..Filters::default() }, table: false };
            prop_assert_eq!(parse(&route.to_query(Lang::En)), route);
        }

        #[test]
        fn any_parameter_value_is_safe(key in "(view|id|lang|theme|q|topic|country|kind|section)", value in ".*") {
            let route = parse(&format!("{key}={}", encode(&value)));
            for v in route.filters.countries.iter().chain(&route.filters.topics) {
                prop_assert!(!v.contains('<') && !v.contains('"'));
            }
        }
    }
}
