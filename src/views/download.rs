//! Saving files from the page: text as a download, and an SVG drawn onto a canvas as
//! PNG. Everything stays in the browser (blob URLs). A failure never panics: it is
//! shown on the page (see [`watch_failures`]) and logged.

use std::cell::Cell;

use leptos::prelude::{RwSignal, Set};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

thread_local! {
    /// The page's "download failed" notice; downloads finish in callbacks that have no
    /// reactive owner to look it up from, so it is kept here.
    static FAILED: Cell<Option<RwSignal<bool>>> = const { Cell::new(None) };
}

/// Makes `failed` the signal every failed download sets.
pub fn watch_failures(failed: RwSignal<bool>) {
    FAILED.with(|f| f.set(Some(failed)));
}

/// Tells the reader (and the console) that a download did not happen.
pub fn report_failure(what: &str, error: &JsValue) {
    leptos::logging::warn!("{what} failed: {error:?}");
    if let Some(failed) = FAILED.with(Cell::get) {
        failed.set(true);
    }
}

fn blob(content: &str, mime: &str) -> Result<Blob, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options)
}

fn save_blob(blob: &Blob, filename: &str) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let document = leptos::prelude::document();
    let link: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(filename);
    link.click();
    Url::revoke_object_url(&url)
}

/// Offers `content` as a file named `filename`.
pub fn save_text(content: &str, mime: &str, filename: &str) -> Result<(), JsValue> {
    let saved = blob(content, mime).and_then(|b| save_blob(&b, filename));
    if let Err(e) = &saved {
        report_failure("download", e);
    }
    saved
}

/// Renders a standalone SVG at twice its size onto a canvas and offers it as PNG.
pub fn save_png(svg: &str, width: f64, height: f64, filename: &str) -> Result<(), JsValue> {
    let started = start_png(svg, width, height, filename);
    if let Err(e) = &started {
        report_failure("PNG rendering", e);
    }
    started
}

fn start_png(svg: &str, width: f64, height: f64, filename: &str) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(&blob(svg, "image/svg+xml")?)?;
    let image = HtmlImageElement::new()?;
    let filename = filename.to_string();
    let loaded = image.clone();
    let svg_url = url.clone();
    let url_for_error = url.clone();
    // `once_into_js` frees each callback after its single call.
    let onload = Closure::once_into_js(move || {
        let result = (|| -> Result<(), JsValue> {
            let document = leptos::prelude::document();
            let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
            canvas.set_width((width * 2.0) as u32);
            canvas.set_height((height * 2.0) as u32);
            let context: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or_else(|| JsValue::from_str("no 2d canvas"))?
                .dyn_into()?;
            context.scale(2.0, 2.0)?;
            context.draw_image_with_html_image_element(&loaded, 0.0, 0.0)?;
            let done = Closure::once_into_js(move |png: Option<Blob>| match png {
                Some(png) => {
                    if let Err(e) = save_blob(&png, &filename) {
                        report_failure("PNG download", &e);
                    }
                }
                None => report_failure("PNG download", &JsValue::from_str("empty canvas")),
            });
            canvas.to_blob(done.unchecked_ref())?;
            Url::revoke_object_url(&svg_url)
        })();
        if let Err(e) = result {
            report_failure("PNG rendering", &e);
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let onerror = Closure::once_into_js(move || {
        report_failure("PNG rendering", &JsValue::from_str("the SVG did not load"));
        let _ = Url::revoke_object_url(&url_for_error);
    });
    image.set_onerror(Some(onerror.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
