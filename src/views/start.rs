//! The app's start in the browser: read the address, load the data, render the page
//! and put it in place of the baked one.
//!
//! The baked page is replaced in one step rather than hydrated: the app renders the
//! same components into a detached element and swaps it in, so the reader never sees a
//! blank or half-built page, and the markup is the same so nothing moves. Hydration
//! would save that one render (a few milliseconds) but needs the dataset before the
//! wasm starts and fails hard on any difference between the two renders.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::dataset::{self, Latest};
use super::navigation;
use super::{explore, Body, Ctx, Loaded, MapOutlines};
use crate::data::Dataset;
use crate::i18n::Lang;
use crate::map::{self, MapShapes};
use crate::page_address::page_route;
use crate::pages::page_title;
use crate::url_state::{Route, View};

/// Starts the app: called once by `main` in the browser.
pub fn start() {
    // Leptos sets up its own task executor when it mounts, which is later.
    wasm_bindgen_futures::spawn_local(async {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let pathname = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        let document = window.document();
        // Read while the page's base, if any, still finds `early.js` (the site's root).
        let page = document
            .as_ref()
            .and_then(|d| page_route(d, &pathname, &search));
        // Offline, the service worker may answer with another page of the language under
        // a `<base data-shell>` that found its files (see src/sw.js); from here on the
        // page's addresses are its own again.
        if let Some(base) =
            document.and_then(|d| d.query_selector("base[data-shell]").ok().flatten())
        {
            base.remove();
        }
        let preferred = preferred_lang();
        let Some((root, mut route)) = page else {
            // The site's root with an address of the first scheme (without a query the
            // root's own script has already sent the reader on): load the same view's
            // page at its new address.
            let route = Route::parse_legacy(&search, preferred);
            let _ = location.replace(&format!("{}{}", directory(&pathname), route.address()));
            return;
        };
        // The code of the page's view (when it is in a chunk) loads beside the data, and
        // is there before the take-over, so that the page is drawn whole in one step.
        dataset::set_root(&root);
        let view = route.view.clone();
        wasm_bindgen_futures::spawn_local(async move {
            super::load_for(&view).await;
        });
        let data = dataset::for_view(&route.view).await;
        // Started on a page that is whole as baked, the page stays, and says the app
        // could not start, rather than an error in its place.
        if let Err(problems) = &data {
            if started_on_a_whole_page() {
                leptos::logging::warn!("the data could not be read: {problems:?}");
                say_start_failed();
                return;
            }
        }
        let shapes = match route.view {
            View::Map(_) => Some(fetch_shapes(&root).await),
            _ => None,
        };
        // Fetched, read and checked.
        mark("data-ready");
        // Reading the data and rendering the page are two tasks, not one long one, so the
        // page answers input in between.
        next_task().await;
        // Text typed into the baked search field while the app was loading is kept.
        if let Some(typed) = baked_search_text() {
            route.filters.q = typed;
            if let Ok(history) = window.history() {
                let address = format!("{root}{}", route.address());
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
            }
        }
        // Awaits the loading started above, or finds it done (if it failed, this tries
        // once more).
        if !super::load_for(&route.view).await {
            // The baked page stays: it is whole, and its links are real addresses.
            leptos::logging::warn!("the code of this view could not be loaded");
            say_start_failed();
            return;
        }
        take_over(root, data, shapes, preferred);
    });
}

/// Whether the app started on a page that did not need it (`early.js` marks the others
/// `<html data-start="load">`).
fn started_on_a_whole_page() -> bool {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("data-start"))
        .is_some_and(|start| start != "load")
}

/// Tells the loader the app could not start (it says so on the page).
fn say_start_failed() {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-start", "failed");
    }
}

/// The folder part of a path (`/site/index.html` → `/site/`).
fn directory(pathname: &str) -> &str {
    pathname.rfind('/').map_or("/", |slash| &pathname[..=slash])
}

/// The browser's preferred language, zh or en.
fn preferred_lang() -> Lang {
    let languages: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Lang::from_preferences(languages.iter().map(String::as_str))
}

fn baked_search_text() -> Option<String> {
    let field = document().get_element_by_id(explore::SEARCH_ID)?;
    let value = field.dyn_into::<web_sys::HtmlInputElement>().ok()?.value();
    (!value.trim().is_empty()).then_some(value)
}

/// Fetches a JSON file of the site, parsed by the browser; any failure becomes a
/// message naming the file. (The browser's `fetch` and JSON parser directly: an HTTP
/// client crate and a JSON parser would cost the wasm tens of KB.)
pub async fn fetch_json(url: &str) -> Result<JsValue, Vec<String>> {
    read_json(url, &fetch_ok(url).await?).await
}

/// A successful response for a file of the site; any failure becomes a message naming
/// the file.
pub(super) async fn fetch_ok(url: &str) -> Result<web_sys::Response, Vec<String>> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or_else(|| vec![format!("{url}: no window")])?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .and_then(|r| r.dyn_into())
        .map_err(|e| vec![format!("{url}: {}", js_message(&e))])?;
    if !response.ok() {
        return Err(vec![format!(
            "{url}: HTTP {} {}",
            response.status(),
            response.status_text()
        )]);
    }
    Ok(response)
}

/// A response's body, parsed by the browser's JSON parser.
pub(super) async fn read_json(
    url: &str,
    response: &web_sys::Response,
) -> Result<JsValue, Vec<String>> {
    let failed = |e: JsValue| vec![format!("{url}: {}", js_message(&e))];
    wasm_bindgen_futures::JsFuture::from(response.json().map_err(failed)?)
        .await
        .map_err(failed)
}

/// The message of a thrown JavaScript value (an `Error`'s, or the value as text).
fn js_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "failed".to_string())
}

/// Fetches the map's outlines (the page starts on the map, or the reader went there).
pub async fn fetch_shapes(root: &str) -> Loaded<MapShapes> {
    let value = fetch_json(&format!("{root}{}", map::MAP_URL)).await?;
    map::parsed_shapes(value).map(Arc::new).map_err(|e| vec![e])
}

/// Renders the app into a new `#app` element and swaps it for the baked one, keeping
/// the focused element focused.
fn take_over(
    root: String,
    data: Loaded<Dataset>,
    shapes: Option<Loaded<MapShapes>>,
    preferred: Lang,
) {
    let document = document();
    let baked = document.get_element_by_id("app");
    let focus_path = baked.as_ref().and_then(focused_path);
    let Ok(fresh) = document.create_element("div") else {
        return;
    };
    fresh.set_id("app");
    let Ok(fresh) = fresh.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(fresh.clone(), move || {
        view! { <App root data shapes preferred/> }
    })
    .forget();
    if let Some(baked) = &baked {
        keep_open_folds(baked, &fresh);
    }
    match baked {
        Some(baked) => {
            let _ = baked.replace_with_with_node_1(&fresh);
        }
        None => {
            if let Some(body) = document.body() {
                let _ = body.append_child(&fresh);
            }
        }
    }
    if let Some(path) = focus_path {
        refocus(&fresh, &path);
    }
    // The fragment's element was replaced: navigate to it again so it is the `:target`.
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        if location.hash().is_ok_and(|h| h.len() > 1) {
            if let Ok(href) = location.href() {
                let _ = location.replace(&href);
            }
        }
    }
    // The browser resolves the icon's address again on every move to another page:
    // make it absolute, as the baked page's relative one only holds at its own depth.
    if let Some(icon) = document
        .query_selector("link[rel=icon]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlLinkElement>().ok())
    {
        icon.set_href(&icon.href());
    }
    // Tests and the benchmark wait for this: the app has taken over.
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", "live");
    }
    mark("app-ready");
}

/// Opens the folds (`<details>`) of the app's page that the reader had opened in the
/// baked one, before the swap, so nothing the reader opened closes. The two pages have
/// the same markup, so their folds pair up in document order; if their numbers differ,
/// the app's page stays as drawn.
fn keep_open_folds(baked: &web_sys::Element, fresh: &web_sys::Element) {
    let folds = |root: &web_sys::Element| {
        root.query_selector_all("details")
            .ok()
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|node| node.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let (before, after) = (folds(baked), folds(fresh));
    if before.len() != after.len() {
        return;
    }
    for (old, new) in before.iter().zip(&after) {
        if old.open() != new.open() {
            new.set_open(old.open());
        }
    }
}

/// Marks a moment of the start on the page's performance timeline, for the benchmark.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Resolves in a later task of the browser's event loop.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .is_some_and(|window| window.set_timeout_with_callback(&resolve).is_ok());
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Where the focused element sits inside `container`: child indexes from the top.
fn focused_path(container: &web_sys::Element) -> Option<Vec<u32>> {
    let mut node = document().active_element()?;
    let mut path = Vec::new();
    while !node.is_same_node(Some(container)) {
        let parent = node.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length()).find(|&i| {
            siblings
                .item(i)
                .is_some_and(|sibling| sibling.is_same_node(Some(&node)))
        })?;
        path.push(index);
        node = parent;
    }
    path.reverse();
    Some(path)
}

fn refocus(container: &web_sys::Element, path: &[u32]) {
    let mut node = container.clone();
    for &index in path {
        let Some(child) = node.children().item(index) else {
            return;
        };
        node = child;
    }
    if let Ok(element) = node.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// The app: the page the browser's address names, with the head kept in step.
#[component]
fn App(
    root: String,
    data: Loaded<Dataset>,
    shapes: Option<Loaded<MapShapes>>,
    preferred: Lang,
) -> impl IntoView {
    let (address, go) = navigation::install(root.clone());
    let root_here = root.clone();
    let route = Memo::new(move |_| {
        let address = address.get();
        Route::parse_address_at(&root_here, &address.path, &address.query)
            .unwrap_or_else(|| Route::parse_legacy(&address.query, preferred))
    });
    let navigate = Callback::new(move |(href, replace, to_top): (String, bool, bool)| {
        go(&href, replace, to_top);
    });
    let ctx = Ctx::new(route, root, navigate);
    provide_context(ctx);
    provide_context(MapOutlines(RwSignal::new(shapes)));
    focus_search_on_slash(ctx);

    let theme = Memo::new(move |_| route.with(|r| r.theme));
    let frame = Memo::new(move |_| route.with(|r| r.frame));
    let latest = Latest(RwSignal::new(data.clone().ok()));
    provide_context(latest);
    let title = Memo::new(move |_| {
        latest
            .0
            .with(|data| page_title(data.as_deref(), &route.get()))
    });
    // The document's own attributes and title, each kept in step with its part of the
    // route (a few lines here rather than a head-management crate in the wasm).
    let html = document().document_element();
    let set_attribute = move |name: &'static str, value: Option<&str>| {
        if let Some(html) = &html {
            let _ = match value {
                Some(value) => html.set_attribute(name, value),
                None => html.remove_attribute(name),
            };
        }
    };
    let set = set_attribute.clone();
    Effect::new(move |_| set("lang", Some(ctx.lang().html_tag())));
    let set = set_attribute.clone();
    Effect::new(move |_| set("data-theme", Some(theme.get().code())));
    let set = set_attribute;
    Effect::new(move |_| {
        let frame = frame.get();
        set("data-embed", frame.embed.then_some(""));
        set("data-transparent", frame.transparent.then_some(""));
    });
    Effect::new(move |_| document().set_title(&title.get()));
    view! { <Body data/> }
}

/// `/` anywhere (outside a text field) goes to the search field, opening Explore if
/// another view is shown.
fn focus_search_on_slash(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() != "/" || typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        let route = ctx.route.get_untracked();
        if route.view != View::Explore {
            ctx.go(&route.with_view(View::Explore), false);
        }
        super::once_drawn(View::Explore, || {
            if let Some(field) = document().get_element_by_id(explore::SEARCH_ID) {
                if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
                    let _ = field.focus();
                }
            }
        });
    });
    on_cleanup(move || handle.remove());
}
