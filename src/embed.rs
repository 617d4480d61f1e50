//! Embedding a view in another site: what can be embedded from a page, and the HTML
//! snippet a site owner copies (an `<iframe>` and, for automatic height, the host
//! script). The frame's side (hiding the site, reporting its height) is
//! `public/early.js`; the host's side is `public/embed.js`.

use crate::chart::svg::escape;
use crate::data::Dataset;
use crate::url_state::{Frame, Route, View};

/// What a frame may do: run the app, read its own files, open the explorer in a new
/// tab that is not sandboxed. Without `allow-same-origin` it works too, when the site
/// is served with `Access-Control-Allow-Origin: *`.
pub const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// The host script's file, below the site's root.
pub const HOST_SCRIPT: &str = "embed.js";

/// Heights in CSS pixels a site owner may fix.
pub const MIN_HEIGHT: u32 = 120;
pub const MAX_HEIGHT: u32 = 4000;

/// What to embed from the page the reader is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The page as it is (with its filters).
    ThisView,
    /// On a chart's page: its numbers as a table.
    Table,
    /// One figure as a card.
    Fact(String),
}

/// The figures a page offers as fact cards: an item's own, a profile's, a chart's, the
/// overview's headline figures, or the card itself.
pub fn offered_facts<'a>(ds: &'a Dataset, view: &View) -> Vec<&'a str> {
    match view {
        View::Item(id) => ds
            .item(id)
            .map(|i| i.figures.iter().map(String::as_str).collect())
            .unwrap_or_default(),
        View::Country(id) => ds.figures_about(id).iter().map(|f| f.id.as_str()).collect(),
        View::Chart(id) => ds
            .figures
            .iter()
            .filter(|f| &f.indicator == id)
            .map(|f| f.id.as_str())
            .collect(),
        View::Overview => ds
            .headline_figures()
            .iter()
            .map(|f| f.id.as_str())
            .collect(),
        View::Fact(id) => ds
            .figure(id)
            .map(|f| vec![f.id.as_str()])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The route a frame opens for `target` chosen on the page of `here`.
pub fn framed_route(here: &Route, target: &Target) -> Route {
    let mut route = match target {
        Target::ThisView => here.clone(),
        Target::Table => Route {
            table: true,
            ..here.clone()
        },
        Target::Fact(id) => here.with_view(View::Fact(id.clone())),
    };
    route.frame = Frame {
        embed: true,
        transparent: here.frame.transparent,
    };
    route
}

/// A height that shows the view without a scrollbar in most cases, for hosts without
/// the script (and before the first message arrives).
pub fn default_height(view: &View) -> u32 {
    match view {
        View::Fact(_) => 260,
        View::Chart(_) => 620,
        View::Map(_) => 640,
        _ => 800,
    }
}

/// The snippet: an `<iframe>` (lazy, full width, no border, sandboxed, titled) and, with
/// `auto_height`, the host script that sizes it.
pub fn snippet(site: &str, route: &Route, title: &str, height: u32, auto_height: bool) -> String {
    let height = height.clamp(MIN_HEIGHT, MAX_HEIGHT);
    let frame = format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" sandbox=\"{SANDBOX}\" \
         style=\"width:100%;height:{height}px;border:0\"></iframe>",
        escape(&format!("{site}{}", route.address())),
        escape(title)
    );
    if auto_height {
        format!(
            "{frame}\n<script src=\"{}\" async></script>",
            escape(&format!("{site}{HOST_SCRIPT}"))
        )
    } else {
        frame
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn chart_page() -> Route {
        Route {
            view: View::Chart("poverty-rate".into()),
            ..Route::home(Lang::En)
        }
    }

    #[test]
    fn a_chart_snippet_is_a_sandboxed_lazy_frame_with_the_host_script() {
        let route = framed_route(&chart_page(), &Target::ThisView);
        let code = snippet(
            "https://example.org/cca/",
            &route,
            "Poverty rate",
            620,
            true,
        );
        assert_eq!(
            code,
            "<iframe src=\"https://example.org/cca/en/charts/poverty-rate/?embed=1\" \
             title=\"Poverty rate\" loading=\"lazy\" \
             sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" \
             style=\"width:100%;height:620px;border:0\"></iframe>\n\
             <script src=\"https://example.org/cca/embed.js\" async></script>"
        );
    }

    #[test]
    fn a_fixed_height_needs_no_script_and_stays_in_bounds() {
        let route = framed_route(&chart_page(), &Target::Table);
        let code = snippet("https://e.org/", &route, "t", 5, false);
        assert!(code.contains("?tab=table&amp;embed=1\""), "{code}");
        assert!(code.contains(&format!("height:{MIN_HEIGHT}px")));
        assert!(!code.contains("<script"));
        let code = snippet("https://e.org/", &route, "t", 100_000, false);
        assert!(code.contains(&format!("height:{MAX_HEIGHT}px")), "{code}");
    }

    #[test]
    fn titles_and_addresses_cannot_break_out_of_their_attributes() {
        let mut here = chart_page();
        here.view = View::Explore;
        here.filters.q = "\"><script>alert(1)</script>".into();
        let code = snippet(
            "https://e.org/",
            &framed_route(&here, &Target::ThisView),
            "a\"b<c>",
            300,
            false,
        );
        assert!(!code.contains("<script>alert"), "{code}");
        assert!(code.contains("title=\"a&quot;b&lt;c&gt;\""));
    }

    #[test]
    fn a_fact_card_has_its_own_address_in_the_frame() {
        let route = framed_route(&chart_page(), &Target::Fact("poverty-rate-kgz-2019".into()));
        assert_eq!(route.address(), "en/facts/poverty-rate-kgz-2019/?embed=1");
        assert_eq!(default_height(&route.view), 260);
    }
}
