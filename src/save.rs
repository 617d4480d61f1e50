//! Saving text from the page as a file (a blob URL: everything stays in the browser), for
//! the app and the islands alike. A failure never panics: it is shown on the page (the
//! baked `[data-download-failed]` notice, which a chart's downloads in `src/boot.js`
//! share).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Document, HtmlAnchorElement, Url};

/// Tells the reader that a download did not happen.
pub fn report_failure(document: &Document) {
    if let Ok(Some(notice)) = document.query_selector("[data-download-failed]") {
        let _ = notice.set_attribute("role", "alert");
        let _ = notice.remove_attribute("hidden");
    }
}

/// Offers `content` as a file named `filename`; a failure is shown on the page.
pub fn save_text(content: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let saved = save(&document, content, mime, filename);
    if saved.is_err() {
        report_failure(&document);
    }
    saved
}

fn save(document: &Document, content: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    Url::revoke_object_url(&url)
}
