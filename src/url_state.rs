//! The URL is the state: which page (the path), and what the reader set on it (the
//! query string).
//!
//! Every page has its own folder under the site's root, one per reading language:
//! `en/`, `en/explore/`, `en/items/{id}/`, `en/countries/`, `en/countries/{id}/`,
//! `en/charts/`, `en/charts/{id}/`, `en/map/`, `en/map/{id}/`, `en/sources/`,
//! `en/glossary/`, …, and the same under `zh/` and under `both/` (Chinese and English
//! side by side). Each folder holds a baked `index.html`, so any plain static host
//! serves every address under any subpath, without rewrite rules. The query string
//! carries the rest: `theme=`, Explore's filters, a chart's `tab=table`, the frame;
//! parameters equal to their default are left out, unknown ones ignored. Parsing never
//! fails.
//!
//! Side-by-side reading was once `?lang=both` on a `zh/` or `en/` page. That form is
//! still read (as the same page under `both/`), and `early.js` sends a reader who
//! follows such a link to the `both/` page before it is painted.
//!
//! The first scheme addressed everything by query string at the site's root
//! (`?view=item&id=…&lang=en`); [`Route::parse_legacy`] reads it so old links still
//! open the same view at its new address.

use crate::i18n::Lang;

coded! {
    code / from_code;
    /// Colour scheme; `Auto` follows the system setting. The code is the value of the
    /// `theme` URL parameter.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Theme {
        #[default]
        Auto = "auto",
        Light = "light",
        Dark = "dark",
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
    /// One figure as a compact card, made to be embedded.
    Fact(String),
    /// The article in order, section by section, with its items and figures.
    Read,
    /// The argument map: challenges, problems, recommendations and their evidence.
    Argument,
    /// Countries × topics: how many items and figures the article has for each pair.
    Coverage,
}

impl View {
    /// The navigation entry this view belongs to (an item belongs to Explore, a
    /// country profile to Countries).
    pub fn key(&self) -> &'static str {
        match self {
            View::Item(_) | View::Fact(_) => "explore",
            other => other.folder().unwrap_or("overview"),
        }
    }

    /// The folder under the language's folder; none for the overview.
    pub fn folder(&self) -> Option<&'static str> {
        match self {
            View::Overview => None,
            View::Explore => Some("explore"),
            View::Item(_) => Some("items"),
            View::Countries | View::Country(_) => Some("countries"),
            View::Sources => Some("sources"),
            View::Glossary => Some("glossary"),
            View::Charts | View::Chart(_) => Some("charts"),
            View::Map(_) => Some("map"),
            View::Fact(_) => Some("facts"),
            View::Read => Some("read"),
            View::Argument => Some("argument"),
            View::Coverage => Some("coverage"),
        }
    }

    /// The record this view shows, if it shows one.
    fn id(&self) -> Option<&str> {
        match self {
            View::Item(id)
            | View::Country(id)
            | View::Chart(id)
            | View::Map(Some(id))
            | View::Fact(id) => Some(id),
            _ => None,
        }
    }

    /// The view at `folder` (with the record `id` where it has one).
    /// Every view's folder, as addresses spell it.
    pub const FOLDERS: [&'static str; 11] = [
        "explore",
        "items",
        "countries",
        "sources",
        "glossary",
        "charts",
        "map",
        "facts",
        "read",
        "argument",
        "coverage",
    ];

    /// The view of a folder's own page (`countries/`, `map/`), if the folder has one.
    pub fn of_folder(folder: &str) -> Option<View> {
        View::at(folder, None)
    }

    fn at(folder: &str, id: Option<String>) -> Option<View> {
        Some(match (folder, id) {
            ("explore", None) => View::Explore,
            ("items", Some(id)) => View::Item(id),
            ("countries", None) => View::Countries,
            ("countries", Some(id)) => View::Country(id),
            ("sources", None) => View::Sources,
            ("glossary", None) => View::Glossary,
            ("charts", None) => View::Charts,
            ("charts", Some(id)) => View::Chart(id),
            ("map", id) => View::Map(id),
            ("facts", Some(id)) => View::Fact(id),
            ("read", None) => View::Read,
            ("argument", None) => View::Argument,
            ("coverage", None) => View::Coverage,
            _ => return None,
        })
    }
}

/// The fragment of a paragraph in the reading view (`read/#p-s3-1-1`): every locator
/// in the explorer links there.
pub fn read_anchor(section: &str, paragraph: u16) -> String {
    format!("p-{section}-{paragraph}")
}

coded! {
    param / from_param;
    /// Explore's facets, each a URL parameter (`topic=poverty~health`, the code: part of
    /// the address contract, keep it) holding the values chosen in it, in display order.
    /// Adding a facet is a variant here and, in `explore.rs`, its values.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Facet {
        Topic = "topic",
        Country = "country",
        Kind = "kind",
        /// Whose statement: the author's, a cited source's, a reported view, a fact.
        Voice = "voice",
        /// The item's place in the argument map: a challenge, the author's approach, …
        Role = "role",
        Section = "section",
    }
}

/// The Explore view's filters. Values are kept as given; the view drops those the
/// dataset does not know.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    pub q: String,
    /// The values chosen in each facet, in the order of [`Facet::ALL`].
    chosen: [Vec<String>; Facet::ALL.len()],
}

impl Filters {
    /// A search for `q` and nothing chosen.
    pub fn searching(q: String) -> Filters {
        Filters {
            q,
            ..Filters::default()
        }
    }

    /// No search and `values` chosen in `facet` only.
    pub fn only(facet: Facet, values: Vec<String>) -> Filters {
        let mut filters = Filters::default();
        *filters.chosen_mut(facet) = values;
        filters
    }

    /// The values chosen in `facet`, in the order they were chosen.
    pub fn chosen(&self, facet: Facet) -> &[String] {
        &self.chosen[facet as usize]
    }

    pub fn chosen_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        &mut self.chosen[facet as usize]
    }

    /// Chooses `value` in `facet` if it is not chosen, and unchooses it if it is.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let list = self.chosen_mut(facet);
        match list.iter().position(|v| v == value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(value.to_string()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.q.is_empty() && self.chosen.iter().all(Vec::is_empty)
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
    /// How the page is framed: in the site, or inside another site's iframe.
    pub frame: Frame,
}

/// How a page is shown: as part of the site, or embedded in another site's iframe
/// (`embed=1`: no site navigation or footer, a one-line source with a link to the full
/// view). These parameters are a contract with the sites that embed us: keep them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Frame {
    pub embed: bool,
    /// With `embed`: leave the background to the host page (`transparent=1`).
    pub transparent: bool,
}

/// Longest search text kept from a URL; longer input is cut, not rejected.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most values kept for one facet parameter.
pub const MAX_FACET_VALUES: usize = 32;
/// Longest single id or facet value kept.
const MAX_VALUE_CHARS: usize = 64;

impl Route {
    /// The overview in `lang` with nothing else set.
    pub fn home(lang: Lang) -> Route {
        Route {
            view: View::Overview,
            lang,
            theme: Theme::Auto,
            filters: Filters::default(),
            table: false,
            frame: Frame::default(),
        }
    }

    /// The page at a browser path (`location.pathname`) and its query string, where the
    /// site's root is not known. Returns the site's root path (everything before the
    /// language folder) with the route, or `None` when the path is not a page of the
    /// scheme (the site's root, say). The language folder is found from the end, so any
    /// subpath works but one that itself looks like a page's path (`…/en/charts/`): the
    /// browser code knows the root and uses [`Route::parse_address_at`].
    pub fn parse_address(pathname: &str, query: &str) -> Option<(String, Route)> {
        let path = pathname.strip_suffix("index.html").unwrap_or(pathname);
        let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        let n = segments.len();
        // Try the longest shape first: {lang}/{folder}/{id}, {lang}/{folder}, {lang}.
        [3, 2, 1]
            .into_iter()
            .filter(|depth| n > *depth)
            .find_map(|depth| {
                let root = format!("{}/", segments[..n - depth].join("/"));
                Route::parse_address_at(&root, path, query).map(|route| (root, route))
            })
    }

    /// The page at a browser path below the site's root path `root` (`/`,
    /// `/some/sub/path/`) and its query string; `None` when the rest of the path is not
    /// a page of the scheme (the root itself, say), or the path is not below `root`.
    pub fn parse_address_at(root: &str, pathname: &str, query: &str) -> Option<Route> {
        let rest = pathname.strip_prefix(root)?;
        let rest = rest.strip_suffix("index.html").unwrap_or(rest);
        let segments: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
        let lang = Lang::from_code(segments.first()?)?;
        let view = match segments.as_slice() {
            [_] => View::Overview,
            [_, folder] => View::at(folder, None)?,
            [_, folder, id] => {
                let id = decode(id);
                if !is_plain_value(&id) {
                    return None;
                }
                View::at(folder, Some(id))?
            }
            _ => return None,
        };
        let mut route = Route {
            view,
            ..Route::home(lang)
        };
        route.read_query(query);
        Some(route)
    }

    /// The state an address of the first scheme (`?view=…&id=…&lang=…` at the site's
    /// root) stood for. `preferred` is the language when the address names none.
    pub fn parse_legacy(query: &str, preferred: Lang) -> Route {
        let mut code = String::new();
        let mut id = None;
        let mut route = Route::home(preferred);
        for (key, value) in pairs(query) {
            match key.as_str() {
                "view" => code = value,
                "id" if is_plain_value(&value) => id = Some(value),
                "lang" => {
                    if let Some(lang) = Lang::from_code(&value) {
                        route.lang = lang;
                    }
                }
                _ => {}
            }
        }
        // The first scheme named items `item`; its other codes are today's folders.
        let folder = if code == "item" {
            "items"
        } else {
            code.as_str()
        };
        route.view = View::at(folder, id.clone())
            .or_else(|| View::at(folder, None))
            .unwrap_or_default();
        route.read_query(query);
        route
    }

    /// Reads what the query string sets on a page: side-by-side reading, theme,
    /// filters, the chart's tab. Anything else is ignored.
    fn read_query(&mut self, query: &str) {
        for (key, value) in pairs(query) {
            match key.as_str() {
                // The first form of side-by-side reading (see the module's notes).
                "lang" if value == Lang::Both.code() => self.lang = Lang::Both,
                "theme" => {
                    if let Some(theme) = Theme::from_code(&value) {
                        self.theme = theme;
                    }
                }
                "tab" => self.table = value == "table",
                "q" => self.filters.q = value.chars().take(MAX_QUERY_CHARS).collect(),
                "embed" => self.frame.embed = value == "1",
                "transparent" => self.frame.transparent = value == "1",
                key => {
                    if let Some(facet) = Facet::from_param(key) {
                        *self.filters.chosen_mut(facet) = list(&value);
                    }
                }
            }
        }
        self.frame.transparent &= self.frame.embed;
    }

    /// The page's path below the site's root, ending in `/` (`en/items/x/`): the
    /// reading language's folder, then the view's.
    pub fn path(&self) -> String {
        let mut path = format!("{}/", self.lang.code());
        if let Some(folder) = self.view.folder() {
            path.push_str(folder);
            path.push('/');
        }
        if let Some(id) = self.view.id() {
            path.push_str(&encode(id));
            path.push('/');
        }
        path
    }

    /// How many folders deep the page is below the site's root.
    pub fn depth(&self) -> usize {
        1 + usize::from(self.view.folder().is_some()) + usize::from(self.view.id().is_some())
    }

    /// The query string for this state, starting with `?` (or empty), leaving out every
    /// parameter equal to its default. Filters are written on Explore only.
    pub fn query(&self) -> String {
        let mut out: Vec<(&str, String)> = Vec::new();
        if self.theme != Theme::Auto {
            out.push(("theme", self.theme.code().to_string()));
        }
        if self.table && matches!(self.view, View::Chart(_)) {
            out.push(("tab", "table".to_string()));
        }
        if self.frame.embed {
            out.push(("embed", "1".to_string()));
        }
        if self.frame.transparent {
            out.push(("transparent", "1".to_string()));
        }
        if self.view == View::Explore {
            let f = &self.filters;
            if !f.q.is_empty() {
                out.push(("q", f.q.clone()));
            }
            for facet in Facet::ALL {
                let values = f.chosen(facet);
                if !values.is_empty() {
                    out.push((facet.param(), values.join("~")));
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

    /// The address below the site's root: path and query.
    pub fn address(&self) -> String {
        format!("{}{}", self.path(), self.query())
    }

    /// A link to this route from the page of `here`, relative, so it works at any
    /// depth under any subpath, in the app and in a baked page alike.
    pub fn href_from(&self, here: &Route) -> String {
        format!("{}{}", "../".repeat(here.depth()), self.address())
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

    /// The same page as part of the site (for the link out of an embed).
    pub fn unframed(&self) -> Route {
        Route {
            frame: Frame::default(),
            ..self.clone()
        }
    }

    /// The same page in another reading language.
    pub fn with_lang(&self, lang: Lang) -> Route {
        Route {
            lang,
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

    /// The route at a path below the root `/site/`, with a query.
    fn at(path: &str, query: &str) -> Route {
        let (base, route) = Route::parse_address(&format!("/site/{path}"), query)
            .unwrap_or_else(|| panic!("{path} is not a page"));
        assert_eq!(base, "/site/");
        route
    }

    #[test]
    fn every_view_has_a_folder_per_language_and_round_trips() {
        let views = [
            (View::Overview, ""),
            (View::Explore, "explore/"),
            (View::Item("rec-1".into()), "items/rec-1/"),
            (View::Countries, "countries/"),
            (View::Country("KGZ".into()), "countries/KGZ/"),
            (View::Sources, "sources/"),
            (View::Glossary, "glossary/"),
            (View::Charts, "charts/"),
            (View::Chart("poverty-rate".into()), "charts/poverty-rate/"),
            (View::Map(None), "map/"),
            (View::Map(Some("population".into())), "map/population/"),
            (
                View::Fact("poverty-rate-kgz-2019".into()),
                "facts/poverty-rate-kgz-2019/",
            ),
            (View::Read, "read/"),
            (View::Argument, "argument/"),
            (View::Coverage, "coverage/"),
        ];
        for lang in Lang::ALL {
            for (view, folder) in &views {
                let route = Route {
                    view: view.clone(),
                    ..Route::home(lang)
                };
                let path = format!("{}/{folder}", lang.code());
                assert_eq!(route.path(), path);
                assert_eq!(route.depth(), path.matches('/').count());
                assert_eq!(at(&path, ""), route);
                // The file itself names the same page.
                assert_eq!(at(&format!("{path}index.html"), ""), route);
            }
        }
    }

    #[test]
    fn the_root_and_strangers_are_not_pages() {
        for path in [
            "/",
            "/index.html",
            "/site/",
            "/fr/",
            "/en/nowhere/",
            "/en/items/",
            "/en/items/<b>/",
        ] {
            assert_eq!(Route::parse_address(path, ""), None, "{path}");
        }
    }

    /// Examples of what `any_page_is_found_under_any_subpath` checks in general.
    #[test]
    fn a_subpath_named_like_a_language_stays_the_root() {
        let (base, route) = Route::parse_address("/en/docs/zh/charts/", "").unwrap();
        assert_eq!(
            (base.as_str(), route.lang, route.view),
            ("/en/docs/", Lang::Zh, View::Charts)
        );
        let (base, route) = Route::parse_address("/zh/en/", "").unwrap();
        assert_eq!(
            (base.as_str(), route.lang, route.view),
            ("/zh/", Lang::En, View::Overview)
        );
        let (base, _) = Route::parse_address("/en/", "").unwrap();
        assert_eq!(base, "/");
        // Under `/zh/charts/`, the overview `en/` reads as a chart named "en" unless the
        // root is known.
        let (_, guessed) = Route::parse_address("/zh/charts/en/", "").unwrap();
        assert_eq!(guessed.view, View::Chart("en".into()));
        let known = Route::parse_address_at("/zh/charts/", "/zh/charts/en/", "").unwrap();
        assert_eq!((known.lang, known.view), (Lang::En, View::Overview));
    }

    #[test]
    fn links_are_relative_to_the_page_they_are_on() {
        let item = at("en/items/rec-1/", "");
        let explore = item.with_view(View::Explore);
        assert_eq!(explore.href_from(&item), "../../../en/explore/");
        let home = Route::home(Lang::Zh);
        assert_eq!(explore.href_from(&home), "../en/explore/");
        assert_eq!(
            item.with_lang(Lang::Zh).href_from(&item),
            "../../../zh/items/rec-1/"
        );
    }

    #[test]
    fn side_by_side_reading_has_its_own_folder_and_the_old_form_leads_there() {
        let r = at("both/items/rec-1/", "theme=dark");
        assert_eq!(
            (r.lang, r.view.clone()),
            (Lang::Both, View::Item("rec-1".into()))
        );
        assert_eq!(r.address(), "both/items/rec-1/?theme=dark");
        assert_eq!(
            r.with_lang(Lang::En).address(),
            "en/items/rec-1/?theme=dark"
        );
        // The first form: `?lang=both` on a page of either language.
        for old in ["en/items/rec-1/", "zh/items/rec-1/"] {
            let r = at(old, "lang=both&embed=1");
            assert_eq!(r.address(), "both/items/rec-1/?embed=1", "{old}");
        }
        // The folder names the language; a `lang` other than both means nothing here.
        assert_eq!(at("en/", "lang=zh").lang, Lang::En);
        assert_eq!(at("both/", "lang=en").lang, Lang::Both);
    }

    #[test]
    fn theme_is_read_and_defaults_left_out() {
        let r = at("zh/", "theme=dark");
        assert_eq!((r.lang, r.theme), (Lang::Zh, Theme::Dark));
        assert_eq!(r.address(), "zh/?theme=dark");
        assert_eq!(at("zh/", "theme=neon&extra=1").address(), "zh/");
    }

    #[test]
    fn a_facets_slot_is_its_place_in_the_list() {
        for (i, facet) in Facet::ALL.into_iter().enumerate() {
            assert_eq!(facet as usize, i, "{facet:?}");
            assert_eq!(Facet::from_param(facet.param()), Some(facet));
        }
    }

    #[test]
    fn facets_are_tilde_lists_and_round_trip() {
        let r = at(
            "en/explore/",
            "country=KGZ~TJK&topic=poverty&q=%E8%B4%AB%E5%9B%B0",
        );
        assert_eq!(r.view, View::Explore);
        assert_eq!(r.filters.chosen(Facet::Country), ["KGZ", "TJK"]);
        assert_eq!(r.filters.chosen(Facet::Topic), ["poverty"]);
        assert_eq!(r.filters.q, "贫困");
        let q = r.query();
        assert_eq!(q, "?q=%E8%B4%AB%E5%9B%B0&topic=poverty&country=KGZ~TJK");
        assert_eq!(at("en/explore/", &q), r);
    }

    #[test]
    fn markup_and_junk_in_lists_are_dropped() {
        let r = at(
            "en/explore/",
            "country=KGZ~<script>~KGZ~~TJK&kind=%22onload%3D",
        );
        assert_eq!(r.filters.chosen(Facet::Country), ["KGZ", "TJK"]);
        assert!(r.filters.chosen(Facet::Kind).is_empty());
    }

    #[test]
    fn the_chart_tab_is_written_on_a_chart_only() {
        let r = at("en/charts/poverty-rate/", "tab=table");
        assert!(r.table);
        assert_eq!(r.address(), "en/charts/poverty-rate/?tab=table");
        assert_eq!(at("en/explore/", "tab=table").address(), "en/explore/");
    }

    #[test]
    fn first_scheme_addresses_open_the_same_view_at_its_new_address() {
        let cases = [
            ("", Lang::Zh, "zh/"),
            ("lang=en", Lang::Zh, "en/"),
            ("lang=both", Lang::En, "both/"),
            ("view=item&id=x-1&lang=en", Lang::Zh, "en/items/x-1/"),
            ("view=item", Lang::En, "en/"),
            ("view=item&id=<b>", Lang::En, "en/"),
            (
                "view=explore&country=KGZ~TJK&lang=zh&theme=dark",
                Lang::En,
                "zh/explore/?theme=dark&country=KGZ~TJK",
            ),
            ("view=countries", Lang::En, "en/countries/"),
            ("view=countries&id=KGZ", Lang::En, "en/countries/KGZ/"),
            ("view=sources&lang=zh", Lang::En, "zh/sources/"),
            ("view=glossary", Lang::En, "en/glossary/"),
            ("view=charts", Lang::En, "en/charts/"),
            (
                "view=charts&id=poverty-rate&tab=table",
                Lang::En,
                "en/charts/poverty-rate/?tab=table",
            ),
            ("view=map", Lang::En, "en/map/"),
            ("view=map&id=population", Lang::En, "en/map/population/"),
            ("view=nowhere&lang=fr", Lang::En, "en/"),
        ];
        for (query, preferred, address) in cases {
            assert_eq!(
                Route::parse_legacy(query, preferred).address(),
                address,
                "{query}"
            );
        }
    }

    #[test]
    fn embedding_is_named_in_the_query_and_kept_on_the_way() {
        let r = at(
            "en/charts/poverty-rate/",
            "embed=1&transparent=1&theme=dark&tab=table",
        );
        assert_eq!(
            r.frame,
            Frame {
                embed: true,
                transparent: true
            }
        );
        assert_eq!(
            r.address(),
            "en/charts/poverty-rate/?theme=dark&tab=table&embed=1&transparent=1"
        );
        // Going to another page inside the frame stays embedded; the way out does not.
        assert!(r.with_view(View::Charts).frame.embed);
        assert_eq!(
            r.unframed().address(),
            "en/charts/poverty-rate/?theme=dark&tab=table"
        );
        // Transparency means nothing outside a frame; other values mean no.
        assert_eq!(at("en/", "transparent=1").frame, Frame::default());
        assert_eq!(at("en/", "embed=true").frame, Frame::default());
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
        assert_eq!(
            at("en/explore/", &format!("q={long}")).filters.q.len(),
            MAX_QUERY_CHARS
        );
    }

    /// Any text: any Unicode, percent-escapes of any bytes (invalid UTF-8 among them),
    /// and a mix of both.
    fn any_text() -> impl Strategy<Value = String> {
        let escapes = prop::collection::vec(any::<u8>(), 0..24).prop_map(|bytes| {
            bytes
                .iter()
                .map(|b| format!("%{b:02X}"))
                .collect::<String>()
        });
        prop_oneof![
            any::<String>(),
            escapes.clone(),
            prop::collection::vec(prop_oneof![any::<String>(), escapes], 0..4)
                .prop_map(|parts| parts.concat()),
        ]
    }

    /// Text of the characters a path is usually made of, markup and escapes among them.
    fn ascii_text() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9%<>._-]{0,12}"
    }

    const LANGS: [&str; 3] = ["zh", "en", "both"];
    /// The folders a record's id can follow.
    const RECORD_FOLDERS: [&str; 5] = ["items", "countries", "charts", "map", "facts"];

    fn one_of(names: &[&'static str]) -> impl Strategy<Value = String> {
        prop::sample::select(names.to_vec()).prop_map(String::from)
    }

    /// A plain id, as the site's are.
    fn plain_id() -> impl Strategy<Value = String> {
        prop_oneof![
            one_of(&["rec-1", "KGZ", "poverty-rate", "poverty-rate-kgz-2019"]),
            "[A-Za-z0-9_-]{1,64}",
        ]
    }

    /// An id: mostly plain, else too long or `noise` (markup, escapes, empty, …).
    fn any_id(noise: BoxedStrategy<String>) -> impl Strategy<Value = String> {
        prop_oneof![6 => plain_id(), 1 => "[a-z]{65,70}", 2 => noise]
    }

    /// A folder of a subpath: `noise`, or one of the scheme's own names (a site may
    /// live under `/en/docs/` or `/zh/charts/`).
    fn any_segment(noise: BoxedStrategy<String>) -> impl Strategy<Value = String> {
        let names: Vec<&'static str> = LANGS
            .into_iter()
            .chain(View::FOLDERS)
            .chain(["index.html", "..", ".", ""])
            .collect();
        prop_oneof![noise, one_of(&names)]
    }

    /// Paths shaped like the scheme's, below any subpath, with `noise` in any part: a
    /// subpath, then a language's overview, a list, a record or another shape, their
    /// language or id sometimes noise, ending in `/`, `/index.html` or neither. About
    /// three in five are pages, a quarter a record's (counted while writing this).
    fn any_path_with(noise: BoxedStrategy<String>) -> impl Strategy<Value = String> {
        let lang = prop_oneof![6 => one_of(&LANGS), 1 => noise.clone()];
        let folder = prop_oneof![one_of(&View::FOLDERS), noise.clone()];
        let tail = prop_oneof![
            1 => lang.clone().prop_map(|lang| vec![lang]),
            2 => (lang.clone(), one_of(&View::FOLDERS)).prop_map(|(l, f)| vec![l, f]),
            3 => (lang.clone(), one_of(&RECORD_FOLDERS), any_id(noise.clone()))
                .prop_map(|(l, f, id)| vec![l, f, id]),
            1 => (lang, folder, prop::option::of(any_id(noise.clone())))
                .prop_map(|(l, f, id)| [l, f].into_iter().chain(id).collect()),
        ];
        (
            prop::collection::vec(any_segment(noise), 0..4),
            tail,
            one_of(&["/", "/index.html", ""]),
        )
            .prop_map(|(subpath, tail, end)| {
                format!("/{}{end}", [subpath, tail].concat().join("/"))
            })
    }

    /// Query strings: the scheme's parameters with values it knows, plain lists, and
    /// `noise`, escaped or not, in any order.
    fn any_query_with(noise: BoxedStrategy<String>) -> impl Strategy<Value = String> {
        let params: Vec<&'static str> = [
            "theme",
            "tab",
            "q",
            "embed",
            "transparent",
            "lang",
            "view",
            "id",
        ]
        .into_iter()
        .chain(Facet::ALL.map(Facet::param))
        .collect();
        let key = prop_oneof![4 => one_of(&params), 1 => noise.clone()];
        let value = prop_oneof![
            3 => one_of(&["dark", "light", "table", "1", "both", "zh", "KGZ~TJK", "<b>~KGZ~KGZ", "item"]),
            1 => "[A-Za-z0-9_~-]{0,20}",
            1 => noise,
        ];
        (
            prop::collection::vec((key, value, any::<bool>()), 0..6),
            any::<bool>(),
        )
            .prop_map(|(pairs, leading)| {
                let body: Vec<String> = pairs
                    .iter()
                    .map(|(k, v, escaped)| match escaped {
                        true => format!("{}={}", encode(k), encode(v)),
                        false => format!("{k}={v}"),
                    })
                    .collect();
                format!("{}{}", if leading { "?" } else { "" }, body.join("&"))
            })
    }

    /// Any view, with a plain id where it shows a record.
    fn any_view() -> impl Strategy<Value = View> {
        let id = plain_id().boxed();
        prop_oneof![
            Just(View::Overview),
            Just(View::Explore),
            id.clone().prop_map(View::Item),
            Just(View::Countries),
            id.clone().prop_map(View::Country),
            Just(View::Sources),
            Just(View::Glossary),
            Just(View::Charts),
            id.clone().prop_map(View::Chart),
            prop::option::of(id.clone()).prop_map(View::Map),
            id.prop_map(View::Fact),
            Just(View::Read),
            Just(View::Argument),
            Just(View::Coverage),
        ]
    }

    /// A site's root path: up to four folders of any name, then, with the odds
    /// `ends_like_a_record`, a language and a record's folder (`/zh/charts/`).
    fn any_root(ends_like_a_record: f64) -> impl Strategy<Value = String> {
        (
            prop::collection::vec(
                any_segment(prop_oneof![ascii_text(), any_text()].boxed()),
                0..5,
            ),
            prop::option::weighted(
                ends_like_a_record,
                (one_of(&LANGS), one_of(&RECORD_FOLDERS)),
            ),
        )
            .prop_map(|(subpath, end)| {
                std::iter::once("/".to_string())
                    .chain(subpath.iter().map(|s| format!("{s}/")))
                    .chain(end.iter().map(|(lang, folder)| format!("{lang}/{folder}/")))
                    .collect()
            })
    }

    /// Any page in any language, a quarter of them overviews.
    fn any_page() -> impl Strategy<Value = Route> {
        let view = prop_oneof![1 => Just(View::Overview), 4 => any_view()];
        (view, prop::sample::select(Lang::ALL.to_vec())).prop_map(|(view, lang)| Route {
            view,
            ..Route::home(lang)
        })
    }

    /// The first scheme's view codes: the folder each opens today, and whether it
    /// shows a record: `Some(true)` needs an id, `Some(false)` takes one if given.
    const FIRST_SCHEME_VIEWS: [(&str, &str, Option<bool>); 11] = [
        ("item", "items", Some(true)),
        ("explore", "explore", None),
        ("countries", "countries", Some(false)),
        ("sources", "sources", None),
        ("glossary", "glossary", None),
        ("charts", "charts", Some(false)),
        ("map", "map", Some(false)),
        ("facts", "facts", Some(true)),
        ("read", "read", None),
        ("argument", "argument", None),
        ("coverage", "coverage", None),
    ];

    /// The view, id and language a generated query names, and the query.
    type FirstSchemeQuery = (Option<String>, Option<String>, Option<String>, String);

    /// A query of the first scheme: mostly a view code, an id, a language, each at most
    /// once and sometimes not one the scheme knows, among other parameters, in any
    /// order. Returns the three as given (decoded) and the query string. More than half
    /// name a view, one in five a record (counted while writing this).
    fn first_scheme_query() -> impl Strategy<Value = FirstSchemeQuery> {
        let record: Vec<&'static str> = FIRST_SCHEME_VIEWS
            .iter()
            .filter(|v| v.2.is_some())
            .map(|v| v.0)
            .collect();
        let list: Vec<&'static str> = FIRST_SCHEME_VIEWS
            .iter()
            .filter(|v| v.2.is_none())
            .map(|v| v.0)
            .collect();
        let view = prop_oneof![
            3 => one_of(&record),
            2 => one_of(&list),
            1 => one_of(&["nowhere", "", "ITEM"]),
            1 => any_text(),
        ];
        let lang = prop_oneof![3 => one_of(&LANGS), 1 => one_of(&["fr", "", "EN"])];
        let other_key = prop_oneof![
            one_of(&["theme", "tab", "q", "embed", "topic", "country"]),
            any_text().prop_filter("not a key the test follows", |k| {
                !["view", "id", "lang"].contains(&decode(k).as_str())
            }),
        ];
        let others = prop::collection::vec((other_key, any_text()), 0..3);
        (
            prop::option::weighted(0.9, view),
            prop::option::weighted(0.7, any_id(any_text().boxed())),
            prop::option::weighted(0.6, lang),
            others,
        )
            .prop_flat_map(|(view, id, lang, others)| {
                let mut pairs: Vec<(String, String)> = others;
                for (key, value) in [("view", &view), ("id", &id), ("lang", &lang)] {
                    if let Some(value) = value {
                        pairs.push((key.to_string(), value.clone()));
                    }
                }
                (Just((view, id, lang)), Just(pairs).prop_shuffle())
            })
            .prop_map(|((view, id, lang), pairs)| {
                let query: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                    .collect();
                (view, id, lang, query.join("&"))
            })
    }

    /// `written` (an address below the root) opens a page, the same as `route`.
    fn opens(written: &str, route: &Route) -> Result<(), TestCaseError> {
        let (path, query) = written.split_once('?').unwrap_or((written, ""));
        let Some((_, again)) = Route::parse_address(&format!("/{path}"), query) else {
            return Err(TestCaseError::fail(format!("{written} is no page")));
        };
        prop_assert_eq!(
            (&again.view, again.lang),
            (&route.view, route.lang),
            "{}",
            written
        );
        Ok(())
    }

    proptest! {
        /// Any path and query, of any characters: no panic, and a page found there is
        /// found again, the same, at the address it writes.
        #[test]
        fn any_unicode_address_parses_and_round_trips_through_its_address(
            path in any_path_with(any_text().boxed()),
            query in any_query_with(any_text().boxed()),
        ) {
            if let Some((base, first)) = Route::parse_address(&path, &query) {
                let written = first.address();
                let (split_path, split_query) = written.split_once('?').unwrap_or((&written, ""));
                let Some((again_base, again)) = Route::parse_address(&format!("{base}{split_path}"), split_query) else {
                    return Err(TestCaseError::fail(format!("{written} is no page")));
                };
                prop_assert_eq!(&again_base, &base);
                prop_assert_eq!(again.address(), written);
                // The query written is what this page reads: filters on Explore only,
                // the tab on a chart only.
                prop_assert_eq!(
                    (again.view, again.lang, again.theme, again.frame),
                    (first.view, first.lang, first.theme, first.frame)
                );
            }
        }

        /// The same for paths and queries of the characters they are usually made of.
        #[test]
        fn any_address_parses_and_its_written_form_is_stable(
            path in any_path_with(ascii_text().boxed()),
            query in any_query_with(ascii_text().boxed()),
        ) {
            if let Some((base, first)) = Route::parse_address(&path, &query) {
                let written = first.address();
                let (split_path, split_query) = written.split_once('?').unwrap_or((&written, ""));
                let (again_base, again) = Route::parse_address(&format!("{base}{split_path}"), split_query)
                    .expect("a written address is a page");
                prop_assert_eq!(again_base, base);
                prop_assert_eq!(again.address(), written);
            }
        }

        /// Any page under any subpath, its folders named like the scheme's or not, is
        /// found there, with the subpath as the site's root. The one exception: below a
        /// subpath ending in a language and a record's folder (`/zh/charts/`) a
        /// language's overview (`en/`) reads as that record (`zh/charts/en/`), since the
        /// longest shape is tried first. A quarter of the subpaths end so, and a quarter
        /// of the pages are overviews, so the exception comes up in one case in sixteen.
        #[test]
        fn any_page_is_found_under_any_subpath(
            base in any_root(0.25),
            route in any_page(),
            file in any::<bool>(),
        ) {
            let path = format!("{base}{}{}", route.path(), if file { "index.html" } else { "" });
            let found = Route::parse_address(&path, "");
            let folders: Vec<&str> = base.split('/').collect();
            match folders[..] {
                [.., lang, folder, ""]
                    if route.view == View::Overview
                        && LANGS.contains(&lang)
                        && RECORD_FOLDERS.contains(&folder) =>
                {
                    let view = View::at(folder, Some(route.lang.code().to_string()));
                    prop_assert_eq!(found.map(|(_, r)| Some(r.view)), Some(view));
                }
                _ => prop_assert_eq!(found, Some((base.clone(), route))),
            }
        }

        /// With the root known, as the browser code knows it, any page under any subpath
        /// is found, without the exception above: below `/zh/charts/` too.
        #[test]
        fn any_page_is_found_below_a_known_root(
            base in any_root(0.5),
            route in any_page(),
            file in any::<bool>(),
        ) {
            let path = format!("{base}{}{}", route.path(), if file { "index.html" } else { "" });
            prop_assert_eq!(Route::parse_address_at(&base, &path, ""), Some(route));
            // The root itself, and a path elsewhere, are no page.
            prop_assert_eq!(Route::parse_address_at(&base, &base, ""), None);
            prop_assert_eq!(Route::parse_address_at(&format!("{base}other/"), &path, ""), None);
        }

        /// Any text taken for a query of the first scheme, or such a query with any text
        /// around its parameters, opens a page.
        #[test]
        fn any_unicode_first_scheme_query_opens_a_page(
            query in prop_oneof![
                any_text(),
                first_scheme_query().prop_map(|q| q.3),
                (first_scheme_query(), any_text()).prop_map(|(q, noise)| format!("{noise}&{}{noise}", q.3)),
            ]
        ) {
            let route = Route::parse_legacy(&query, Lang::Zh);
            opens(&route.address(), &route)?;
        }

        /// Any query of the first scheme opens the view it names, in the language it
        /// names: a record's view only with a plain id, a list without one; an unknown
        /// view, or a record's without its id, opens the overview.
        #[test]
        fn any_first_scheme_query_opens_the_view_it_names(
            (view, id, lang, query) in first_scheme_query(),
        ) {
            let route = Route::parse_legacy(&query, Lang::En);
            let written = route.address();
            opens(&written, &route)?;
            let lang = lang.as_deref().and_then(Lang::from_code).unwrap_or(Lang::En);
            let id = id.filter(|id| is_plain_value(id));
            let named = FIRST_SCHEME_VIEWS.iter().find(|v| Some(v.0) == view.as_deref());
            let folders = match (named, id) {
                (Some((_, folder, Some(_))), Some(id)) => format!("{folder}/{id}/"),
                (Some((_, _, Some(true))), None) | (None, _) => String::new(),
                (Some((_, folder, _)), _) => format!("{folder}/"),
            };
            let path = written.split('?').next().unwrap_or_default();
            prop_assert_eq!(path, format!("{}/{folders}", lang.code()), "{}", query);
        }

        /// Any search text, with the characters a query string gives a meaning to
        /// (`&`, `=`, `+`, `%`, `~`, `#`, space) in most cases, comes back as typed.
        #[test]
        fn any_search_text_round_trips(
            q in prop::collection::vec(prop_oneof![
                "[&=+%~#?/ ]",
                "%[0-9A-Fa-f]{2}",
                prop::collection::vec(any::<char>(), 0..3).prop_map(String::from_iter),
            ], 0..60).prop_map(|parts| parts.concat()),
        ) {
            let route = Route { view: View::Explore, theme: Theme::Light,
                filters: Filters { q: q.clone(), ..Filters::default() }, ..Route::home(Lang::Zh) };
            let query = route.query();
            prop_assert_eq!(at("zh/explore/", &query), route);
        }

        /// Any value of any parameter, of plain values, markup, escapes and `~` in any
        /// mix: the facets keep only plain values of at most 64 characters, each once and
        /// at most 32, and the search at most 200 characters.
        #[test]
        fn any_parameter_value_is_safe(
            key in one_of(&["view", "id", "lang", "theme", "q", "topic", "country", "kind", "voice", "role", "section", "tab", "embed", "transparent"]),
            parts in prop::collection::vec(prop_oneof![
                4 => "[A-Za-z0-9_-]{1,6}",
                1 => "[a-z]{63,66}",
                2 => one_of(&["~", "<script>", "\"", "KGZ", "%3C", "&", "="]),
                1 => prop::collection::vec(any::<char>(), 0..4).prop_map(String::from_iter),
            ], 0..80),
        ) {
            let value = parts.join("~");
            let route = at("en/explore/", &format!("{key}={}", encode(&value)));
            prop_assert!(route.filters.q.chars().count() <= MAX_QUERY_CHARS);
            for facet in Facet::ALL {
                let values = route.filters.chosen(facet);
                prop_assert!(values.len() <= MAX_FACET_VALUES);
                for (i, v) in values.iter().enumerate() {
                    prop_assert!(
                        !v.is_empty()
                            && v.chars().count() <= MAX_VALUE_CHARS
                            && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                        "{:?}", v
                    );
                    prop_assert!(!values[..i].contains(v), "{:?} twice", v);
                }
            }
        }
    }
}
