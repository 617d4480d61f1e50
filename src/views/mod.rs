//! Leptos components. They read the URL from [`Ctx`] and the dataset from their
//! props; what to show is decided by the pure core, the views lay it out.

mod chart;
mod countries;
mod download;
mod explore;
mod glossary;
mod item;
mod map;
mod overview;
mod parts;
mod shell;
mod sources;
mod status;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Title};
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::data::Dataset;
use crate::i18n::{tr, Lang};
use crate::url_state::{Route, View};

/// Where the dataset is served, relative to the page, so any subpath works.
const DATASET_URL: &str = "data/dataset.json";

/// What every view needs: the current route and how to link to another.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub route: Memo<Route>,
    pathname: Memo<String>,
    preferred: Lang,
    /// The router's navigation, taken once so that handlers outside the component
    /// tree (window listeners) can navigate too.
    navigate: Callback<(String, bool, bool)>,
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.route.get().lang
    }

    /// The link to a route, on this page's own path.
    pub fn href(&self, route: &Route) -> String {
        let query = route.to_query(self.preferred);
        let path = self.pathname.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}{query}")
        }
    }

    /// The full address of a route that opens the same for anyone (language included).
    pub fn shareable_url(&self, route: &Route) -> String {
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        format!(
            "{origin}{}{}",
            self.pathname.get_untracked(),
            route.to_shareable_query()
        )
    }

    /// Goes to a route; `replace` rewrites the current history entry instead of adding one.
    /// A new page starts at the top; changes within a page keep the scroll position.
    pub fn go(&self, route: &Route, replace: bool) {
        let new_page = route.view != self.route.get_untracked().view;
        self.navigate.run((self.href(route), replace, new_page));
    }
}

/// The browser's preferred language, zh or en.
fn preferred_lang() -> Lang {
    let languages: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    Lang::from_preferences(languages.iter().map(String::as_str))
}

/// Fetches a text file of the site; any failure becomes a message naming the file.
async fn fetch_text(url: &str) -> Result<String, Vec<String>> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| vec![format!("{url}: {e}")])?;
    if !response.ok() {
        return Err(vec![format!(
            "{url}: HTTP {} {}",
            response.status(),
            response.status_text()
        )]);
    }
    response
        .text()
        .await
        .map_err(|e| vec![format!("{url}: {e}")])
}

async fn fetch_dataset() -> Result<Arc<Dataset>, Vec<String>> {
    let text = fetch_text(DATASET_URL).await?;
    crate::data::load(&text)
        .map(Arc::new)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Shell/>
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    let preferred = preferred_lang();
    let search = location.search;
    let route = Memo::new(move |_| Route::parse(&search.get(), preferred));
    let pathname = location.pathname;
    let navigate = use_navigate();
    let navigate = Callback::new(move |(href, replace, scroll): (String, bool, bool)| {
        navigate(
            &href,
            NavigateOptions {
                replace,
                scroll,
                ..NavigateOptions::default()
            },
        );
    });
    let ctx = Ctx {
        route,
        pathname,
        preferred,
        navigate,
    };
    provide_context(ctx);
    focus_search_on_slash(ctx);

    let dataset = LocalResource::new(fetch_dataset);
    let lang = move || route.get().lang;
    // A page is built again only when the reader goes to another page; language,
    // theme, filters and the map's indicator update it in place, keeping focus and
    // local state (and the map's outlines, fetched once per visit to the map).
    let page_view = Memo::new(move |_| match route.get().view {
        View::Map(_) => View::Map(None),
        view => view,
    });
    let title = move || {
        let r = route.get();
        let page = match r.view {
            View::Overview => None,
            _ => Some(shell::view_title(&r.view, r.lang)),
        };
        let app = tr(r.lang, |u| u.app_name);
        match page {
            Some(page) => format!("{page} · {app}"),
            None => app,
        }
    };

    view! {
        <Html {..} lang=move || lang().html_tag() data-theme=move || route.get().theme.code()/>
        <Title text=title/>
        <a class="skip-link" href="#main" rel="external">{move || tr(lang(), |u| u.skip_to_content)}</a>
        <shell::Header/>
        <main id="main" tabindex="-1">
            {move || match dataset.get() {
                None => status::loading(lang()).into_any(),
                Some(Err(details)) => status::data_error(lang(), details).into_any(),
                Some(Ok(data)) => page(data, page_view.get()).into_any(),
            }}
        </main>
        {move || dataset.get().and_then(Result::ok).map(|data| view! { <shell::Footer data/> })}
    }
}

/// The page for a view.
fn page(data: Arc<Dataset>, view: View) -> impl IntoView {
    match view {
        View::Overview => view! { <overview::Overview data/> }.into_any(),
        View::Explore => view! { <explore::Explore data/> }.into_any(),
        View::Item(id) => view! { <item::ItemView data id/> }.into_any(),
        View::Countries => view! { <countries::Countries data/> }.into_any(),
        View::Country(id) => view! { <countries::CountryView data id/> }.into_any(),
        View::Sources => view! { <sources::Sources data/> }.into_any(),
        View::Glossary => view! { <glossary::Glossary data/> }.into_any(),
        View::Charts => view! { <chart::Charts data/> }.into_any(),
        View::Chart(id) => view! { <chart::ChartView data id/> }.into_any(),
        View::Map(_) => view! { <map::MapView data/> }.into_any(),
    }
}

/// `/` anywhere (outside a text field) goes to the search field, opening Explore if
/// another view is shown.
fn focus_search_on_slash(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if ev.key() != "/" || typing || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        let route = ctx.route.get_untracked();
        if route.view != View::Explore {
            ctx.go(&route.with_view(View::Explore), false);
        }
        // Focus once the view is on screen.
        request_animation_frame(|| {
            if let Some(field) = document().get_element_by_id(explore::SEARCH_ID) {
                if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                    let _ = field.focus();
                }
            }
        });
    });
    on_cleanup(move || handle.remove());
}
