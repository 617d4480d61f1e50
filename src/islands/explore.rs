//! Explore's island: the baked Explore page made live without the app. The page is
//! drawn already (the facets with their counts, the first results, the buttons); the
//! island fetches Explore's index of the items (`data/explore.json`, a fraction of the
//! dataset) and, on each use, works out the results with the same pure core as the app
//! (`crate::explore`), then changes only what differs: a box's mark and count, which
//! rows are hidden, the count of results, the buttons. Rows the page was not baked with
//! come from the row files baked beside it (`explore::rows_file`), once each.
//!
//! The address holds the selection as the app writes it: typing replaces the history
//! entry once it pauses, a box or a button adds one, and going back shows the state of
//! the address. The selection's download is the island's too: the CSV file put
//! together from parts the build wrote. If the app takes the page over (an address it
//! starts at load), the island stops: the app then draws Explore.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, Window};

use super::dom::{app_took_over, cast, elements, find, listen};
use super::highlight::{SearchHighlight, MATCHABLE};
use crate::explore::{explore, rows_file, sanitize, ExploreIndex, SearchIndex, Shown};
use crate::export::{csv_field, ADDRESS_SLOT};
use crate::i18n::{results_count, show_more, Lang};
use crate::page_address::page_route;
use crate::save::{report_failure, save_text};
use crate::search::Query;
use crate::url_state::{Facet, Filters, Route};

/// How long typing pauses before the address takes the search text (as in the app).
const SEARCH_TO_ADDRESS_MS: i32 = 300;

/// The attribute on Explore's root that says the island is live (for the loader's
/// readiness and the tests).
const LIVE: &str = "data-island-state";

/// Starts the island on the page's Explore: fetches the index, then follows the page's
/// controls. An error leaves the page as baked; the loader says so on the page.
pub async fn run() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let meta = document
        .query_selector("meta[name=island]")?
        .ok_or("no island named")?;
    let index_url = meta.get_attribute("data-index").ok_or("no index named")?;
    let index = fetch_index(&window, &index_url).await?;
    let island = Island::on_page(&window, &document, index)?;
    island.follow();
    // What the reader typed before the island was live counts; else the field shows the
    // address's search (the page was baked with none).
    let field = &island.parts.field;
    let typed = field.value();
    if typed != field.default_value() {
        island.state.borrow_mut().filters.q = typed;
        island.write_address(true);
        island.render();
    } else {
        island.from_address();
    }
    island.parts.root.set_attribute(LIVE, "live")?;
    Ok(())
}

/// A file of the site, or an error naming it if it cannot be had.
async fn fetch_ok(window: &Window, url: &str) -> Result<web_sys::Response, JsValue> {
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(format!("{url}: {}", response.status()).into());
    }
    Ok(response)
}

async fn fetch_index(window: &Window, url: &str) -> Result<SearchIndex, JsValue> {
    let response = fetch_ok(window, url).await?;
    let json = JsFuture::from(response.json()?).await?;
    let index: ExploreIndex = serde_wasm_bindgen::from_value(json)?;
    Ok(index.into())
}

/// The baked page's parts the island changes.
struct Parts {
    root: Element,
    field: HtmlInputElement,
    boxes: Vec<FacetBox>,
    count: Element,
    empty: HtmlElement,
    more: HtmlElement,
    /// The facets' "clear all", disabled while nothing is chosen.
    clear: Option<Element>,
    facets: Option<Element>,
    /// Where rows go after the last one: before the "show more" button.
    rows_end: Element,
}

/// One facet value's box, with what it last showed.
struct FacetBox {
    input: HtmlInputElement,
    item: Element,
    count: Element,
    facet: Facet,
    value: String,
    /// The position of `value` among the facet's values in the index.
    position: Option<usize>,
    shown: Cell<Option<usize>>,
}

/// What the reader has chosen.
#[derive(Default)]
struct State {
    filters: Filters,
    shown: Shown,
    /// The pending write of the search text into the address.
    pending: Option<i32>,
    composing: bool,
    /// The row whose link takes the focus once it is in the page ("show more").
    focus: Option<usize>,
}

struct Island {
    window: Window,
    document: Document,
    /// The site's root path, below which the page's address is read.
    site_root: String,
    index: SearchIndex,
    lang: Lang,
    parts: Parts,
    /// The rows in the page, by the item's position in dataset order, with whether each
    /// is shown.
    rows: RefCell<BTreeMap<usize, (HtmlElement, bool)>>,
    /// The row files asked for (see `explore::rows_file`).
    asked: RefCell<BTreeSet<String>>,
    state: RefCell<State>,
    highlight: Option<SearchHighlight>,
    /// What the highlight was last painted for: the search, the rows shown, and how
    /// many rows the page had.
    painted: RefCell<Option<(Query, Vec<usize>, usize)>>,
}

impl Island {
    fn on_page(
        window: &Window,
        document: &Document,
        index: SearchIndex,
    ) -> Result<Rc<Island>, JsValue> {
        let root = find(document, "[data-island=explore]")?;
        let location = window.location();
        let (site_root, route) = page_route(document, &location.pathname()?, &location.search()?)
            .ok_or("not a page of the site")?;
        let boxes = elements(root.query_selector_all("input[data-facet]"))
            .into_iter()
            .filter_map(|input| {
                let facet = Facet::from_param(&input.get_attribute("data-facet")?)?;
                let value = input.get_attribute("value")?;
                let item = input.closest("li").ok()??;
                let count = item.query_selector(".count").ok()??;
                let position = index.facet_values(facet).iter().position(|v| *v == value);
                Some(FacetBox {
                    input: input.dyn_into().ok()?,
                    item,
                    count,
                    facet,
                    value,
                    position,
                    shown: Cell::new(None),
                })
            })
            .collect();
        let more = cast::<HtmlElement>(find(document, "[data-island=more]")?)?;
        let parts = Parts {
            field: find(document, "#search")?
                .dyn_into()
                .map_err(JsValue::from)?,
            boxes,
            count: find(document, "#results-count")?,
            empty: cast::<HtmlElement>(find(document, ".empty-results")?)?,
            clear: root.query_selector(".facet-groups [data-island=clear]")?,
            facets: root.query_selector(".facets")?,
            rows_end: more.clone().into(),
            more,
            root,
        };
        let rows = elements(parts.root.query_selector_all(".result[data-item]"))
            .into_iter()
            .filter_map(|row| {
                let at = index.position(&row.get_attribute("data-item")?)?;
                let shown = !row.has_attribute("hidden");
                Some((at, (cast::<HtmlElement>(row).ok()?, shown)))
            })
            .collect();
        let filters = sanitize(&route.filters, &index);
        Ok(Rc::new(Island {
            window: window.clone(),
            document: document.clone(),
            site_root,
            lang: route.lang,
            index,
            parts,
            rows: RefCell::new(rows),
            asked: RefCell::new(BTreeSet::new()),
            state: RefCell::new(State {
                filters,
                ..State::default()
            }),
            highlight: SearchHighlight::register(),
            painted: RefCell::new(None),
        }))
    }

    /// Whether the app has taken the page over: the island then does nothing more.
    fn gone(&self) -> bool {
        app_took_over(&self.document)
    }

    /// Listens to the page's controls and to the history.
    fn follow(self: &Rc<Self>) {
        let field = self.parts.field.clone();
        self.on(&field, "compositionstart", |island, _| {
            island.state.borrow_mut().composing = true;
        });
        self.on(&field, "compositionend", |island, _| {
            island.state.borrow_mut().composing = false;
            island.typed();
        });
        self.on(&field, "input", |island, _| {
            if !island.state.borrow().composing {
                island.typed();
            }
        });
        // Leaving the field or Enter: the address takes the text at once.
        self.on(&field, "change", |island, _| island.write_search());
        for (at, facet_box) in self.parts.boxes.iter().enumerate() {
            self.on(&facet_box.input, "change", move |island, _| {
                let Some(facet_box) = island.parts.boxes.get(at) else {
                    return;
                };
                island.cancel_pending();
                island
                    .state
                    .borrow_mut()
                    .filters
                    .toggle(facet_box.facet, &facet_box.value);
                island.write_address(false);
                island.render();
            });
        }
        for clear in elements(self.parts.root.query_selector_all("[data-island=clear]")) {
            self.on(&clear, "click", |island, _| {
                island.cancel_pending();
                island.state.borrow_mut().filters = Filters::default();
                island.parts.field.set_value("");
                island.write_address(false);
                island.render();
            });
        }
        let more = self.parts.more.clone();
        self.on(&more, "click", |island, _| island.show_more());
        if let Some(toggle) = self
            .parts
            .root
            .query_selector("[data-island=facets]")
            .ok()
            .flatten()
        {
            self.on(&toggle.clone(), "click", move |island, _| {
                let Some(facets) = &island.parts.facets else {
                    return;
                };
                let open = facets.class_list().toggle("open").unwrap_or(false);
                let _ = toggle.set_attribute("aria-expanded", if open { "true" } else { "false" });
            });
        }
        if let Ok(Some(button)) = self.document.query_selector("[data-island=download]") {
            self.on(&button.clone(), "click", move |island, _| {
                wasm_bindgen_futures::spawn_local(island.clone().download(button.clone()));
            });
        }
        let window = self.window.clone();
        self.on(&window, "popstate", |island, _| island.from_address());
    }

    /// Calls `handle` on each `event` at `target`, while the island lives.
    fn on(
        self: &Rc<Self>,
        target: &web_sys::EventTarget,
        event: &str,
        handle: impl Fn(&Rc<Island>, web_sys::Event) + 'static,
    ) {
        let island = self.clone();
        listen(target, event, move |event| handle(&island, event));
    }

    /// The field's text: the list follows at once, the address once typing pauses.
    fn typed(self: &Rc<Self>) {
        self.state.borrow_mut().filters.q = self.parts.field.value();
        self.render();
        self.cancel_pending();
        let island = Rc::downgrade(self);
        let write = Closure::once_into_js(move || {
            if let Some(island) = island.upgrade().filter(|i| !i.gone()) {
                island.state.borrow_mut().pending = None;
                island.write_address(true);
            }
        });
        let handle = self
            .window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                write.unchecked_ref(),
                SEARCH_TO_ADDRESS_MS,
            )
            .ok();
        self.state.borrow_mut().pending = handle;
    }

    fn cancel_pending(&self) {
        if let Some(handle) = self.state.borrow_mut().pending.take() {
            self.window.clear_timeout_with_handle(handle);
        }
    }

    /// The search text into the address now, if it is not there.
    fn write_search(&self) {
        if self.state.borrow().pending.is_some() {
            self.cancel_pending();
            self.write_address(true);
        }
    }

    /// The page's address as the selection makes it: the site's root and the route.
    fn selected_route(&self) -> Option<(String, Route)> {
        let location = self.window.location();
        let (path, search) = (location.pathname().ok()?, location.search().ok()?);
        let mut route = Route::parse_address_at(&self.site_root, &path, &search)?;
        route.filters = self.state.borrow().filters.clone();
        Some((self.site_root.clone(), route))
    }

    /// The selection into the address: in place (`replace`) or as a new history entry.
    fn write_address(&self, replace: bool) {
        let (Ok(path), Some((_, route))) =
            (self.window.location().pathname(), self.selected_route())
        else {
            return;
        };
        let url = format!("{path}{}", route.query());
        let Ok(history) = self.window.history() else {
            return;
        };
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        self.link_selection(&route);
    }

    /// The page's links to this page in another form carry the selection, as the app's
    /// do: the language switch, and in a frame the link to the full view.
    fn link_selection(&self, route: &Route) {
        for link in elements(
            self.document
                .query_selector_all("[data-switch=lang] a[data-option]"),
        ) {
            let lang = link.get_attribute("data-option");
            if let Some(lang) = lang.as_deref().and_then(Lang::from_code) {
                let _ = link.set_attribute("href", &route.with_lang(lang).href_from(route));
            }
        }
        if let Ok(Some(full)) = self.document.query_selector(".embed-source a") {
            let _ = full.set_attribute("href", &route.unframed().href_from(route));
        }
    }

    /// The selection the address holds (going back or forward).
    fn from_address(self: &Rc<Self>) {
        let location = self.window.location();
        let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
            return;
        };
        let Some(route) = Route::parse_address_at(&self.site_root, &path, &search) else {
            return;
        };
        self.cancel_pending();
        self.link_selection(&route);
        let filters = sanitize(&route.filters, &self.index);
        self.parts.field.set_value(&filters.q);
        self.state.borrow_mut().filters = filters;
        self.render();
    }

    fn show_more(self: &Rc<Self>) {
        let filters = sanitize(&self.state.borrow().filters, &self.index);
        let results = explore(&self.index, &filters);
        {
            let mut state = self.state.borrow_mut();
            let first_new = state.shown.count(&filters, results.items.len());
            state.shown = state.shown.more(&filters, results.items.len());
            state.focus = results.items.get(first_new).copied();
        }
        self.render();
    }

    /// Shows the results of the selection: the boxes' marks and counts, the rows, the
    /// count of results and the buttons.
    fn render(self: &Rc<Self>) {
        let filters = sanitize(&self.state.borrow().filters, &self.index);
        let results = explore(&self.index, &filters);
        let matched = results.items.len();
        let n = self.state.borrow().shown.count(&filters, matched);
        let visible = results.items.get(..n).unwrap_or_default();

        for facet_box in &self.parts.boxes {
            let count = facet_box.position.map_or(0, |v| {
                results
                    .counts
                    .get(facet_box.facet as usize)
                    .and_then(|(_, values)| values.get(v))
                    .map_or(0, |(_, n)| *n)
            });
            let checked = filters.chosen(facet_box.facet).contains(&facet_box.value);
            facet_box.input.set_checked(checked);
            if facet_box.shown.replace(Some(count)) != Some(count) {
                facet_box.count.set_text_content(Some(&count.to_string()));
                let _ = facet_box
                    .count
                    .set_attribute("aria-label", &format!("({count})"));
            }
            let _ = facet_box
                .item
                .class_list()
                .toggle_with_force("empty", count == 0 && !checked);
        }
        let total = self.index.len();
        self.parts
            .count
            .set_text_content(Some(&results_count(matched, total, self.lang)));
        self.parts.empty.set_hidden(!visible.is_empty());
        let hidden = matched - visible.len();
        self.parts.more.set_hidden(hidden == 0);
        if hidden > 0 {
            let next = hidden.min(crate::explore::PAGE_SIZE);
            self.parts
                .more
                .set_text_content(Some(&show_more(next, hidden, self.lang)));
        }
        if let Some(clear) = &self.parts.clear {
            let _ = clear.toggle_attribute_with_force("disabled", filters.is_empty());
        }

        self.show_rows(visible);
        self.paint(&filters.q, visible);
    }

    /// Shows the rows of `visible` (ascending positions) and hides the others; fetches
    /// the files of rows not in the page yet, and shows them once they are in.
    fn show_rows(self: &Rc<Self>, visible: &[usize]) {
        let missing: BTreeSet<String> = {
            let rows = self.rows.borrow();
            visible
                .iter()
                .filter(|at| !rows.contains_key(at))
                .map(|&at| rows_file(at).0)
                .collect()
        };
        // Busy while rows to show are on their way (assistive technology waits; so do
        // the browser tests).
        let root = &self.parts.root;
        let _ = if missing.is_empty() {
            root.remove_attribute("aria-busy")
        } else {
            root.set_attribute("aria-busy", "true")
        };
        for file in missing {
            if self.asked.borrow_mut().insert(file.clone()) {
                let island = self.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match island.fetch_rows(&file).await {
                        Ok(()) => island.render(),
                        // Asked again at the next use.
                        Err(_) => {
                            island.asked.borrow_mut().remove(&file);
                        }
                    }
                });
            }
        }
        for (at, (row, shown)) in self.rows.borrow_mut().iter_mut() {
            let on = visible.binary_search(at).is_ok();
            if on != *shown {
                row.set_hidden(!on);
                if on {
                    let _ = row.remove_attribute("aria-hidden");
                } else {
                    let _ = row.set_attribute("aria-hidden", "true");
                }
                *shown = on;
            }
        }
        let focus = self.state.borrow().focus;
        if let Some(at) = focus {
            if let Some((row, _)) = self.rows.borrow().get(&at) {
                self.state.borrow_mut().focus = None;
                if let Some(link) = row
                    .query_selector(".result-title a")
                    .ok()
                    .flatten()
                    .and_then(|link| link.dyn_into::<HtmlElement>().ok())
                {
                    let _ = link.focus();
                }
            }
        }
    }

    /// The selection as a CSV file, as the app writes it: put together from the parts
    /// the build wrote (`export::SelectionParts`, the button's `data-file`), with the
    /// address that shows the selection. A failure is said on the page (`save_text`
    /// says its own).
    async fn download(self: Rc<Self>, button: Element) {
        let _ = button.set_attribute("aria-busy", "true");
        if self.save_selection(&button).await.is_err() {
            report_failure(&self.document);
        }
        let _ = button.remove_attribute("aria-busy");
    }

    async fn save_selection(&self, button: &Element) -> Result<(), JsValue> {
        let file = button.get_attribute("data-file").ok_or("no file named")?;
        let response = fetch_ok(&self.window, &file).await?;
        let parts = JsFuture::from(response.json()?).await?;
        let head = js_sys::Reflect::get(&parts, &"head".into())?
            .as_string()
            .ok_or("no head")?;
        let rows: js_sys::Array = js_sys::Reflect::get(&parts, &"rows".into())?.dyn_into()?;
        let (root, route) = self.selected_route().ok_or("not a page of the site")?;
        let address = format!(
            "{}{root}{}",
            self.window.location().origin()?,
            route.address()
        );
        let mut csv = head.replace(ADDRESS_SLOT, &csv_field(&address));
        let filters = sanitize(&route.filters, &self.index);
        for at in explore(&self.index, &filters).items {
            let row = u32::try_from(at).ok().map(|at| rows.get(at));
            csv.push_str(&row.and_then(|r| r.as_string()).ok_or("a row is missing")?);
        }
        save_text(&csv, "text/csv;charset=utf-8", "selection.csv")
    }

    /// Puts the rows of one row file in the page, each in its place, hidden until a
    /// render shows it.
    async fn fetch_rows(&self, file: &str) -> Result<(), JsValue> {
        let response = fetch_ok(&self.window, file).await?;
        let text = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        if self.gone() {
            return Ok(());
        }
        // The build's own rows, parsed inert (a template runs nothing).
        let template: web_sys::HtmlTemplateElement =
            self.document.create_element("template")?.dyn_into()?;
        template.set_inner_html(&text);
        let fresh = elements(template.content().query_selector_all(".result[data-item]"));
        let mut rows = self.rows.borrow_mut();
        for row in fresh {
            let Some(at) = row
                .get_attribute("data-item")
                .and_then(|id| self.index.position(&id))
            else {
                continue;
            };
            if rows.contains_key(&at) {
                continue;
            }
            let row = cast::<HtmlElement>(row)?;
            row.set_hidden(true);
            row.set_attribute("aria-hidden", "true")?;
            // Before the first row after it, or at the end of the list.
            let next = rows.range(at..).next().map(|(_, (next, _))| next.clone());
            let before: &Element = next.as_deref().unwrap_or(&self.parts.rows_end);
            if let Some(parent) = before.parent_node() {
                parent.insert_before(&row, Some(before))?;
            }
            rows.insert(at, (row, false));
        }
        Ok(())
    }

    /// Paints the search's matches in the rows shown.
    fn paint(&self, q: &str, visible: &[usize]) {
        let Some(highlight) = &self.highlight else {
            return;
        };
        let now = (Query::new(q), visible.to_vec(), self.rows.borrow().len());
        if self.painted.borrow().as_ref() == Some(&now) {
            return;
        }
        let selector = format!(".result:not([hidden]) {MATCHABLE}");
        highlight.paint(&self.parts.root, &selector, &now.0);
        *self.painted.borrow_mut() = Some(now);
    }
}
