//! A search's matches painted over the text with the CSS Custom Highlight API
//! (`::highlight(search)` in the stylesheet) instead of `<mark>` elements: a keystroke
//! then changes no text in the page, so the browser lays out nothing anew for it, and a
//! result drawn once stays as it is while the search changes.
//!
//! Where the API is missing (browsers before 2025 for some) the matches are not painted;
//! the results are the same. Screen readers did not announce `<mark>` either: the
//! results' count is what they hear (an `aria-live` status).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

use crate::search::{hit_spans, Query};

/// The selector of the text spans whose matches are painted (their `data-matchable`
/// attribute is written by `parts::bilingual`).
pub const MATCHABLE: &str = "[data-matchable]";

/// The name the stylesheet paints, `::highlight(search)`.
const NAME: &str = "search";

/// The page's one highlight of search matches, registered under [`NAME`] while it lives.
pub struct SearchHighlight {
    highlight: JsValue,
    /// `highlight.add`, called once a match.
    add: js_sys::Function,
    /// `CSS.highlights`, the page's registry of highlights.
    registry: JsValue,
}

impl SearchHighlight {
    /// Registers an empty highlight; `None` where the browser has no such API.
    pub fn register() -> Option<SearchHighlight> {
        let global = js_sys::global();
        let registry = get(&get(&global, "CSS")?, "highlights")?;
        let constructor = get(&global, "Highlight")?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        let highlight = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
        let add = get(&highlight, "add")?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        call(&registry, "set", &[NAME.into(), highlight.clone()])?;
        Some(SearchHighlight {
            highlight,
            add,
            registry,
        })
    }

    /// Paints the matches of `query` in the [`MATCHABLE`] spans under `root` that
    /// `selector` picks (the results shown), and nowhere else.
    pub fn paint(&self, root: &Element, selector: &str, query: &Query) {
        call(&self.highlight, "clear", &[]);
        if query.is_empty() {
            return;
        }
        let Ok(spans) = root.query_selector_all(selector) else {
            return;
        };
        for i in 0..spans.length() {
            if let Some(span) = spans.item(i) {
                self.paint_span(&span, query);
            }
        }
    }

    fn paint_span(&self, span: &Node, query: &Query) {
        let mut nodes = Vec::new();
        text_nodes(span, &mut nodes);
        let texts: Vec<String> = nodes
            .iter()
            .map(|n| n.text_content().unwrap_or_default())
            .collect();
        let pieces: Vec<&str> = texts.iter().map(String::as_str).collect();
        for (start, end) in hit_spans(&pieces, query) {
            let (Some(from), Some(to)) = (nodes.get(start.piece), nodes.get(end.piece)) else {
                continue;
            };
            let Ok(range) = web_sys::Range::new() else {
                return;
            };
            if range.set_start(from, start.offset).is_ok() && range.set_end(to, end.offset).is_ok()
            {
                let _ = self.add.call1(&self.highlight, &range);
            }
        }
    }
}

impl Drop for SearchHighlight {
    fn drop(&mut self) {
        call(&self.registry, "delete", &[NAME.into()]);
    }
}

/// The text nodes under `node`, in document order.
fn text_nodes(node: &Node, into: &mut Vec<Node>) {
    let mut child = node.first_child();
    while let Some(c) = child {
        if c.node_type() == Node::TEXT_NODE {
            into.push(c.clone());
        } else {
            text_nodes(&c, into);
        }
        child = c.next_sibling();
    }
}

/// `object[key]`, if it is there.
fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &key.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `object[method](...args)`; `None` if there is no such method or it throws.
fn call(object: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let function = get(object, method)?.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(object, &args).ok()
}
