//! Copying text for the reader: the Clipboard API where the page may use it, and
//! otherwise the text selected in its field so the reader can copy it by hand (in a
//! sandboxed frame or an insecure context the API is missing or refuses).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Copies `text`; when that cannot be done, selects the text field `field_id`.
/// `done` hears whether the copy worked.
pub fn copy(text: String, field_id: String, done: impl Fn(bool) + 'static) {
    let clipboard = js_sys::Reflect::get(&window().navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined());
    let write = clipboard.and_then(|c| {
        let f = js_sys::Reflect::get(&c, &"writeText".into()).ok()?;
        let f: js_sys::Function = f.dyn_into().ok()?;
        f.call1(&c, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    match write {
        Some(promise) => leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            if !ok {
                select(&field_id);
            }
            done(ok);
        }),
        None => {
            select(&field_id);
            done(false);
        }
    }
}

/// Selects the text of a `<textarea>` and focuses it.
pub fn select(field_id: &str) {
    if let Some(area) = document()
        .get_element_by_id(field_id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        area.select();
        let _ = area.focus();
    }
}
