//! The page's own address in the browser, read below the site's root, for the app and
//! the islands alike. The root is the folder of `early.js`, which every page loads from
//! there (as `public/early.js` finds it itself), so a site hosted under any path, one
//! that looks like a page's (`…/en/charts/`) too, reads its pages right.

use web_sys::{Document, Url};

use crate::url_state::Route;

/// The path of the site's root (`/`, `/some/sub/path/`), from the page's `early.js`;
/// `None` on a page without it.
pub fn site_root(document: &Document) -> Option<String> {
    let script = document.query_selector("script[src$='early.js']").ok()??;
    let src = script.get_attribute("src")?;
    let base = document.base_uri().ok()??;
    let early = Url::new_with_base(&src, &base).ok()?;
    Url::new_with_base(".", &early.href())
        .ok()
        .map(|root| root.pathname())
}

/// The site's root and the page's route at `pathname` and `query`: below the root
/// `early.js` gives, or, on a page without it, found from the end of the path.
pub fn page_route(document: &Document, pathname: &str, query: &str) -> Option<(String, Route)> {
    match site_root(document) {
        Some(root) => Route::parse_address_at(&root, pathname, query).map(|route| (root, route)),
        None => Route::parse_address(pathname, query),
    }
}
