//! What every island does with the baked page: find its parts, and take an element as
//! the kind it is. A missing part is an error the loader shows, never a panic.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

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
