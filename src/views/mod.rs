//! Leptos components. They read the URL from [`Ctx`] and the dataset from their
//! props; what to show is decided by the pure core, the views lay it out.
//!
//! The same components render in two places: natively at build time, where
//! [`bake_body`] turns each page into HTML (see `crate::bake`), and in the browser,
//! where [`start`] loads the dataset, renders the page the address names and puts it in
//! place of the baked one in one step. Nothing in a component body may touch the
//! browser: whatever depends on it runs in event handlers or in [`start`].

mod argument;
mod chart;
mod cite;
mod countries;
mod coverage;
mod dataset;
mod embed_dialog;
mod explore;
mod fact;
mod glossary;
mod item;
#[cfg(target_arch = "wasm32")]
mod lazy;
mod map;
mod navigation;
mod overview;
mod parts;
mod provenance;
mod read;
mod shell;
mod sources;
#[cfg(not(target_arch = "wasm32"))]
mod standalone;
mod start;
mod status;

use std::sync::Arc;

use leptos::prelude::*;

use crate::chunks::ViewChunk;
use crate::data::Dataset;
use crate::i18n::Lang;
use crate::map::MapShapes;
use crate::url_state::{Filters, Route, View};

pub use start::start;

/// The dataset as the page got it: loaded and valid, or what went wrong.
pub type Loaded<T> = Result<Arc<T>, Vec<String>>;

/// What every view needs: the current route and how to link to another.
///
/// Views read the narrowest part of the route they need ([`Ctx::lang`],
/// [`Ctx::filters`], links through [`Ctx::link`]), each a memo of its own, so that a
/// keystroke in the search redraws the results and not the header, and a theme switch
/// rewrites the links that carry the theme and nothing else.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub route: Memo<Route>,
    lang: Memo<Lang>,
    filters: Memo<Filters>,
    /// What links out of the page keep (language, theme, frame) and the page they start
    /// from (its depth): the route without the page's own filters and table tab.
    link_base: Memo<Route>,
    /// The site's root path (`/` or `/some/subpath/`), for full addresses.
    root: StoredValue<String>,
    /// Goes to an address (root-relative path and query); `replace` rewrites the
    /// current history entry; `scroll` goes to the top. A no-op when baking.
    navigate: Callback<(String, bool, bool)>,
}

impl Ctx {
    pub fn new(route: Memo<Route>, root: String, navigate: Callback<(String, bool, bool)>) -> Ctx {
        Ctx {
            route,
            lang: Memo::new(move |_| route.with(|r| r.lang)),
            filters: Memo::new(move |_| route.with(|r| r.filters.clone())),
            link_base: Memo::new(move |_| {
                route.with(|r| Route {
                    filters: Filters::default(),
                    table: false,
                    ..r.clone()
                })
            }),
            root: StoredValue::new(root),
            navigate,
        }
    }

    /// The reading language (tracked).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Explore's filters as the URL gives them (tracked).
    pub fn filters(&self) -> Filters {
        self.filters.get()
    }

    /// The link to a route from the current page (relative, so any depth and subpath
    /// works, and the baked page holds the same links as the app). Tracks the page's
    /// depth only.
    pub fn href(&self, route: &Route) -> String {
        self.link_base.with(|here| route.href_from(here))
    }

    /// The link to another view, keeping what the reader set (language, theme, frame;
    /// Explore's filters on a link to Explore). Tracks just those parts.
    pub fn link_to(&self, view: View) -> String {
        self.link_base.with(|here| {
            let mut target = here.with_view(view);
            if target.view == View::Explore {
                target.filters = self.filters.get();
            }
            target.href_from(here)
        })
    }

    /// [`Ctx::link_to`] for an `href`: the link updates in place when the language,
    /// theme or frame changes, without redrawing what holds it.
    pub fn link(&self, view: View) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        let ctx = *self;
        move || ctx.link_to(view.clone())
    }

    /// [`Ctx::link`] to a place in another view (`read/#p-2-1`).
    pub fn link_to_place(
        &self,
        view: View,
        fragment: String,
    ) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        let link = self.link(view);
        move || format!("{}#{fragment}", link())
    }

    /// The same page with `change` applied (another language, say), as a live `href`.
    pub fn link_with(
        &self,
        change: impl Fn(&mut Route) + Clone + Send + Sync + 'static,
    ) -> impl Fn() -> String + Clone + Send + Sync + 'static {
        let ctx = *self;
        move || {
            ctx.route.with(|here| {
                let mut target = here.clone();
                change(&mut target);
                target.href_from(here)
            })
        }
    }

    /// The relative way from the current page to the site's root (`../../`), for
    /// files such as the dataset.
    pub fn root_path(&self) -> String {
        "../".repeat(self.route.get_untracked().depth())
    }

    /// The full address of a route, for files that leave the page. Reads the browser's
    /// location: call it from event handlers only.
    pub fn shareable_url(&self, route: &Route) -> String {
        format!("{}{}", self.site_url(), route.address())
    }

    /// The site's full address (origin and root), ending in `/`. Reads the browser's
    /// location: call it from event handlers and dialogs only.
    pub fn site_url(&self) -> String {
        #[cfg(target_arch = "wasm32")]
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        // Baked natively there is no window (web-sys would panic): the root alone.
        #[cfg(not(target_arch = "wasm32"))]
        let origin = "";
        format!("{origin}{}", self.root.get_value())
    }

    /// Goes to a route; `replace` rewrites the current history entry instead of adding one.
    /// A new page starts at the top; changes within a page keep the scroll position.
    pub fn go(&self, route: &Route, replace: bool) {
        let new_page = route.view != self.route.get_untracked().view;
        let href = format!("{}{}", self.root.get_value(), route.address());
        self.navigate.run((href, replace, new_page));
    }
}

/// The map's outlines, shared by every visit to the map: given up front when the page
/// starts on the map (and when baking), fetched on the first visit otherwise.
#[derive(Clone, Copy)]
pub struct MapOutlines(pub RwSignal<Option<Loaded<MapShapes>>>);

/// Everything inside the page's `#app` element: skip link, header, the page the route
/// names, footer. Baked at build time and rendered again by the app on take-over.
#[component]
pub fn Body(data: Loaded<Dataset>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = move || ctx.lang();
    // A page is built again only when the reader goes to another page; language,
    // theme, filters and the map's indicator update it in place, keeping focus and
    // local state.
    let page_view = Memo::new(move |_| match ctx.route.with(|r| r.view.clone()) {
        View::Map(_) => View::Map(None),
        view => view,
    });
    // After a move to another page the focus goes to its main region, as after a page
    // load, so Tab goes on from the new page's content rather than from the top of the
    // document. (Effects do not run when baking.)
    Effect::new(move |previous: Option<View>| {
        let view = page_view.get();
        if previous.is_some_and(|p| p != view) {
            focus_main();
        }
        view
    });
    let footer = data.clone().ok().map(|data| {
        view! {
            <embed_dialog::EmbedDialog/>
            <shell::Footer data=data.clone()/>
            <shell::EmbedSource data/>
        }
    });
    view! {
        <a class="skip-link" href="#main" rel="external">{move || crate::i18n::tr(lang(), |u| u.skip_to_content)}</a>
        <shell::Header/>
        <main id="main" tabindex="-1">
            // Shown by the loader (src/boot.js), with the role of an alert, when an
            // island or the app could not start; the page stays readable.
            <p class="notice" data-start-failed hidden>
                {move || crate::i18n::tr(lang(), |u| u.start_failed)}
            </p>
            // Shown, as an alert, when a download fails (src/boot.js for a chart's files,
            // `crate::save` for the app and the islands); its button hides it again (src/boot.js).
            <div class="download-alert">
                <p class="notice" data-download-failed hidden>
                    {move || crate::i18n::tr(lang(), |u| u.download_failed)}" "
                    <button type="button" class="button secondary" data-dismiss>
                        {move || crate::i18n::tr(lang(), |u| u.close)}
                    </button>
                </p>
            </div>
            {move || match data.clone() {
                Err(details) => status::data_error(lang(), details).into_any(),
                Ok(data) => page(data, page_view.get()).into_any(),
            }}
        </main>
        {footer}
    }
}

fn focus_main() {
    use wasm_bindgen::JsCast;
    let main = document()
        .get_element_by_id("main")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

/// The page for a view: the overview at once, from `data` (the dataset's core, in the
/// browser); any other view from its chunk's code and the whole dataset (see
/// [`crate::chunks`]), which in the browser may still have to be fetched.
fn page(data: Arc<Dataset>, view: View) -> AnyView {
    match ViewChunk::of(&view) {
        None => view! { <overview::Overview data/> }.into_any(),
        #[cfg(target_arch = "wasm32")]
        Some(chunk) => lazy::page(chunk, view),
        #[cfg(not(target_arch = "wasm32"))]
        Some(chunk) => chunk_page(chunk, data, view),
    }
}

/// Loads what a view needs beyond the main module and the dataset's core (see
/// [`crate::chunks`]): its chunk's code and the whole dataset, side by side. False if
/// the code could not be fetched (the view says so when the data could not).
pub(crate) async fn load_for(view: &View) -> bool {
    match ViewChunk::of(view) {
        #[cfg(target_arch = "wasm32")]
        Some(chunk) => {
            let (code, _) =
                futures::future::join(lazy::preload(chunk.chunk()), dataset::whole()).await;
            code.is_ok()
        }
        _ => true,
    }
}

/// What the dataset's validator finds, as the data error lists it (nothing: sound).
fn problems(data: &Dataset) -> Vec<String> {
    crate::data::validate(data)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Runs `f` once the page of `view` is on screen (to focus or scroll to something in
/// it): at the next frame, after the view's code and data have arrived if they had to.
pub(crate) fn once_drawn(view: View, f: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        load_for(&view).await;
        request_animation_frame(f);
    });
}

/// A view of a chunk, drawn from that chunk's code, natively. In the browser each
/// chunk's function is called from its own split point (`lazy.rs`), so that no other
/// chunk's views are reachable from it. A view of another chunk gets nothing (the
/// bake's tests check that every page has its content).
#[cfg(not(target_arch = "wasm32"))]
fn chunk_page(chunk: ViewChunk, data: Arc<Dataset>, view: View) -> AnyView {
    match chunk {
        ViewChunk::Lists => list_page(data, view),
        ViewChunk::Reading => reading_page(data, view),
        ViewChunk::Figures => figure_page(data, view),
    }
}

fn list_page(data: Arc<Dataset>, view: View) -> AnyView {
    match view {
        View::Explore => view! { <explore::Explore data/> }.into_any(),
        View::Item(id) => view! { <item::ItemView data id/> }.into_any(),
        View::Fact(id) => view! { <fact::FactView data id/> }.into_any(),
        View::Glossary => view! { <glossary::Glossary data/> }.into_any(),
        View::Sources => view! { <sources::Sources data/> }.into_any(),
        _ => ().into_any(),
    }
}

fn reading_page(data: Arc<Dataset>, view: View) -> AnyView {
    match view {
        View::Read => view! { <read::Read data/> }.into_any(),
        View::Argument => view! { <argument::Argument data/> }.into_any(),
        _ => ().into_any(),
    }
}

fn figure_page(data: Arc<Dataset>, view: View) -> AnyView {
    match view {
        View::Charts => view! { <chart::Charts data/> }.into_any(),
        View::Chart(id) => view! { <chart::ChartView data id/> }.into_any(),
        View::Countries => view! { <countries::Countries data/> }.into_any(),
        View::Country(id) => view! { <countries::CountryView data id/> }.into_any(),
        View::Map(_) => view! { <map::MapView data/> }.into_any(),
        View::Coverage => view! { <coverage::CoverageView data/> }.into_any(),
        _ => ().into_any(),
    }
}

/// The inside of `#app` for one page, as HTML: the same components as in the browser,
/// with a fixed route and no navigation.
#[cfg(not(target_arch = "wasm32"))]
pub fn bake_body(data: Arc<Dataset>, shapes: Arc<MapShapes>, route: Route) -> String {
    baked_at(route, || {
        provide_context(MapOutlines(RwSignal::new(Some(Ok(shapes)))));
        provide_context(dataset::Latest(RwSignal::new(Some(data.clone()))));
        view! { <Body data=Ok(data)/> }.to_html()
    })
}

/// Explore's result rows for the items at `items` (positions in dataset order), as
/// Explore's page at `route` draws them: the rows its island adds to the page when a
/// selection shows items the page was not baked with (see `explore::rows_file`).
#[cfg(not(target_arch = "wasm32"))]
pub fn bake_explore_rows(
    data: Arc<Dataset>,
    route: Route,
    items: std::ops::Range<usize>,
) -> String {
    baked_at(route, || explore::bake_rows(data, items))
}

/// Runs `bake` as the app would at `route`, with a fixed route and no navigation.
#[cfg(not(target_arch = "wasm32"))]
fn baked_at(route: Route, bake: impl FnOnce() -> String) -> String {
    Owner::new().with(|| {
        provide_context(Ctx::new(
            Memo::new(move |_| route.clone()),
            String::new(),
            Callback::new(|_: (String, bool, bool)| {}),
        ));
        bake()
    })
}

/// The site's landing page (its root) and its page for unknown addresses, as HTML.
#[cfg(not(target_arch = "wasm32"))]
pub use standalone::{bake_landing, bake_not_found};
