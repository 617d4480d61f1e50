//! Moving between the site's pages without reloading: the browser's address as a
//! signal, links to pages of the site followed in place, back and forward.
//!
//! A router crate would do this with a route table; the site's table is the address
//! scheme in `url_state`, so a link is followed in place exactly when it parses as a
//! page under the same root. Everything else (other sites, files, `rel=external`,
//! modified clicks) the browser handles as usual.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::url_state::{Route, View};

/// The browser's address: path and query string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub path: String,
    pub query: String,
}

impl Address {
    fn current() -> Address {
        let location = window().location();
        Address {
            path: location.pathname().unwrap_or_default(),
            query: location.search().unwrap_or_default(),
        }
    }
}

/// Starts following links and history; returns the address signal and a function that
/// goes to an address (`/root/en/items/x/?theme=dark`): `replace` rewrites the
/// current history entry, `to_top` scrolls to the top (a new page).
pub fn install(
    root: String,
) -> (
    ReadSignal<Address>,
    impl Fn(&str, bool, bool) + Copy + Send + Sync + 'static,
) {
    let (address, set_address) = signal(Address::current());
    let go = move |href: &str, replace: bool, to_top: bool| {
        let Ok(history) = window().history() else {
            return;
        };
        let result = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(href))
        };
        if result.is_err() {
            // The browser refused the address (another origin, say): load it instead.
            let _ = window().location().set_href(href);
            return;
        }
        set_address.set(Address::current());
        if to_top {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    };

    let follow = go;
    // Each listener below holds the root.
    let (pointer_root, focus_root) = (root.clone(), root.clone());
    let clicks = window_event_listener(leptos::ev::click, move |ev| {
        if let Some((href, fragment)) = page_link(&ev, &root) {
            ev.prevent_default();
            follow(&href, false, fragment.is_empty());
            if !fragment.is_empty() {
                // Once the new page is drawn, go to the fragment as the browser would:
                // a fragment navigation scrolls to it and makes it the `:target`,
                // replacing the entry just pushed rather than adding one.
                let full = format!("{href}{fragment}");
                let here = Address::current();
                let view = Route::parse_address_at(&root, &here.path, &here.query)
                    .map(|route| route.view)
                    .unwrap_or_default();
                super::once_drawn(view, move || {
                    let _ = window().location().replace(&full);
                });
            }
        }
    });
    let history = window_event_listener(leptos::ev::popstate, move |_| {
        set_address.set(Address::current());
    });
    // The code and data of the view a link leads to start loading when the pointer or
    // the keyboard's focus reaches the link, so that they are mostly there by the click.
    let pointed = window_event_listener(leptos::ev::pointerover, move |ev| {
        preload_linked(ev.target(), &pointer_root)
    });
    let focused = window_event_listener(leptos::ev::focusin, move |ev| {
        preload_linked(ev.target(), &focus_root)
    });
    on_cleanup(move || {
        clicks.remove();
        history.remove();
        pointed.remove();
        focused.remove();
    });
    (address, go)
}

/// Starts loading the code and data of the view a link leads to, if the element an event reached
/// is in a link to a page of the site.
fn preload_linked(target: Option<web_sys::EventTarget>, root: &str) {
    if let Some(view) = linked_view(target, root) {
        wasm_bindgen_futures::spawn_local(async move {
            super::load_for(&view).await;
        });
    }
}

/// The link to a page of the site under `root` that the element an event reached is in:
/// the link, its address and the page's route.
fn site_link(
    target: Option<web_sys::EventTarget>,
    root: &str,
) -> Option<(web_sys::Element, web_sys::Url, Route)> {
    let target: web_sys::Element = target?.dyn_into().ok()?;
    let link = target.closest("a[href]").ok()??;
    // HTML's links and SVG's alike (a chart's points, the map's countries): the address
    // as written, resolved against the page's base.
    let href = link.get_attribute("href")?;
    let base = document().base_uri().ok()??;
    let url = web_sys::Url::new_with_base(&href, &base).ok()?;
    if url.origin() != window().location().origin().ok()? {
        return None;
    }
    let route = Route::parse_address_at(root, &url.pathname(), &url.search())?;
    Some((link, url, route))
}

/// The view a link of the site leads to, for the element an event reached.
fn linked_view(target: Option<web_sys::EventTarget>, root: &str) -> Option<View> {
    site_link(target, root).map(|(_, _, route)| route.view)
}

/// The address (path and query) a click should follow in place, and its fragment
/// (`#…` or empty): a plain click on a link to a page of the site under `root` that is
/// not the page itself with a `#`.
fn page_link(ev: &web_sys::MouseEvent, root: &str) -> Option<(String, String)> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let (link, url, _) = site_link(ev.target(), root)?;
    let attribute = |name: &str| link.get_attribute(name).unwrap_or_default();
    let opens_elsewhere = !matches!(attribute("target").as_str(), "" | "_self");
    if opens_elsewhere
        || link.has_attribute("download")
        || attribute("rel").split(' ').any(|r| r == "external")
    {
        return None;
    }
    let (path, query) = (url.pathname(), url.search());
    let here = Address::current();
    let only_fragment = path == here.path && query == here.query && !url.hash().is_empty();
    (!only_fragment).then(|| (format!("{path}{query}"), url.hash()))
}
