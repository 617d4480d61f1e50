//! What every island does with the baked page: find its parts, and take an element as
//! the kind it is. A missing part is an error the loader shows, never a panic.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, EventTarget};

/// Whether the app has taken the page over (`<html data-app>`): an island then does
/// nothing more, the app draws the page.
pub fn app_took_over(document: &Document) -> bool {
    document
        .document_element()
        .is_some_and(|html| html.has_attribute("data-app"))
}

/// Calls `handle` on each `event` at `target` until the app takes the page over. The
/// listener (and what `handle` holds) lives as long as the page, as the island does.
pub fn listen(target: &EventTarget, event: &str, handle: impl Fn(Event) + 'static) {
    let document = web_sys::window().and_then(|w| w.document());
    let listener = Closure::<dyn Fn(Event)>::new(move |event| {
        if !document.as_ref().is_some_and(app_took_over) {
            handle(event);
        }
    });
    let _ = target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// The first element matching `selector`, or an error naming it.
pub fn find(document: &Document, selector: &str) -> Result<Element, JsValue> {
    document
        .query_selector(selector)?
        .ok_or_else(|| format!("the page has no {selector}").into())
}

/// `element` as the kind `T` (an input, a dialog), or an error.
pub fn cast<T: JsCast>(element: Element) -> Result<T, JsValue> {
    element.dyn_into().map_err(JsValue::from)
}

/// The elements of a `querySelectorAll`.
pub fn elements(list: Result<web_sys::NodeList, JsValue>) -> Vec<Element> {
    let Ok(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}
