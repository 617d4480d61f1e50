//! The dataset in the browser: the part the first page is drawn from, fetched at the
//! start, and the whole, fetched once when a view needs it (which needs which:
//! [`crate::chunks::DataPart`]).
//!
//! The overview starts from the core (`data/core.json`, a third of the whole), so a
//! first visit there does not download the items no figure comes from, nor the
//! argument's links. Any other view waits for the whole, as it waits for its code.

use std::cell::RefCell;
use std::sync::Arc;

use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use super::start::{fetch_ok, read_json};
use super::Loaded;
use crate::chunks::DataPart;
use crate::data::{Dataset, CORE_FILE, DATASET_FILE, SERVED_CORE_SHA256, SERVED_SHA256};

thread_local! {
    /// The site's root path, where the data files are (set once by `start`).
    static ROOT: RefCell<String> = const { RefCell::new(String::new()) };
    /// The whole dataset's fetch, shared by everyone waiting for it.
    static WHOLE: RefCell<Option<Shared<LocalBoxFuture<'static, Loaded<Dataset>>>>> =
        const { RefCell::new(None) };
}

/// The dataset as the app has it: the core until a view needed the whole, then the
/// whole. For what outlives a page and names the page's subject (the title, the embed
/// dialog); views get their data from `page`.
#[derive(Clone, Copy)]
pub struct Latest(pub RwSignal<Option<Arc<Dataset>>>);

impl Latest {
    /// Takes the whole dataset (once a page that needs it has it): the title of an item's
    /// page then names the item, say.
    #[cfg(target_arch = "wasm32")]
    pub fn take(self, whole: &Arc<Dataset>) {
        let known = self
            .0
            .with_untracked(|data| data.as_ref().is_some_and(|d| Arc::ptr_eq(d, whole)));
        if !known {
            self.0.set(Some(whole.clone()));
        }
    }
}

/// Where the data files are: the site's root path (`/`, `/subpath/`).
pub fn set_root(root: &str) {
    ROOT.with(|r| *r.borrow_mut() = root.to_string());
}

/// The whole dataset: fetched, read and checked once, however many wait for it. A
/// failure is not kept: the next call tries again.
pub fn whole() -> impl std::future::Future<Output = Loaded<Dataset>> + Send + 'static {
    let fetch = WHOLE.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                let url = site_file(DATASET_FILE);
                async move { fetch_whole(&url).await }
                    .boxed_local()
                    .shared()
            })
            .clone()
    });
    SendWrapper::new(async move {
        let result = fetch.await;
        if result.is_err() {
            WHOLE.with(|slot| slot.borrow_mut().take());
        }
        result
    })
}

/// The whole dataset if it is here already.
#[cfg(target_arch = "wasm32")]
pub fn whole_now() -> Option<Arc<Dataset>> {
    WHOLE.with(|slot| {
        slot.borrow()
            .as_ref()
            .and_then(|fetch| fetch.peek().cloned())
            .and_then(Result::ok)
    })
}

/// The data a view is drawn from (see [`DataPart`]): for the overview the core when the
/// file is this build's, otherwise (and for every other view) the whole.
pub async fn for_view(view: &crate::url_state::View) -> Loaded<Dataset> {
    if DataPart::of(view) == DataPart::Core {
        if let Some(core) = core().await {
            return Ok(core);
        }
    }
    whole().await
}

/// The build's own core; `None` for any other file, or none, or a browser that cannot
/// tell: the caller reads the whole dataset then, which is checked by every rule.
async fn core() -> Option<Arc<Dataset>> {
    let (sha256, value) = fetch_hashed(&site_file(CORE_FILE)).await.ok()?;
    if sha256.as_deref() != Some(SERVED_CORE_SHA256) {
        return None;
    }
    crate::data::read_parsed(value).ok().map(Arc::new)
}

/// A data file's address below the site's root.
fn site_file(file: &str) -> String {
    ROOT.with(|root| format!("{}{file}", root.borrow()))
}

/// A data file parsed by the browser, and the SHA-256 of its bytes (`None` where the
/// browser cannot tell).
async fn fetch_hashed(url: &str) -> Result<(Option<String>, JsValue), Vec<String>> {
    let response = fetch_ok(url).await?;
    let sha256 = sha256_hex(&response).await;
    Ok((sha256, read_json(url, &response).await?))
}

/// Fetches and reads the whole dataset. A file other than the build's (a host that
/// changed it, or a browser that cannot say) is checked against every rule by the
/// validator, whose code is a wasm chunk of its own, fetched only then.
async fn fetch_whole(url: &str) -> Loaded<Dataset> {
    let (sha256, value) = fetch_hashed(url).await?;
    let data = crate::data::read_parsed(value)
        .map(Arc::new)
        .map_err(|problem| vec![problem.to_string()])?;
    if sha256.as_deref() == Some(SERVED_SHA256) {
        return Ok(data);
    }
    let problems = check_in_chunk(data.clone()).await?;
    if problems.is_empty() {
        Ok(data)
    } else {
        Err(problems)
    }
}

#[cfg(target_arch = "wasm32")]
async fn check_in_chunk(data: Arc<Dataset>) -> Result<Vec<String>, Vec<String>> {
    super::lazy::validation(data).await.map_err(|_| {
        vec![format!(
            "{DATASET_FILE}: not the file this build checked (or the browser cannot tell), \
             and the code that checks it could not be loaded"
        )]
    })
}

#[cfg(not(target_arch = "wasm32"))]
async fn check_in_chunk(data: Arc<Dataset>) -> Result<Vec<String>, Vec<String>> {
    Ok(super::problems(&data))
}

/// The SHA-256 of a response's body, by the browser (on a copy of the response, whose
/// own body stays unread); `None` where it cannot (`crypto.subtle` is undefined outside
/// secure contexts, and calling it throws).
async fn sha256_hex(response: &web_sys::Response) -> Option<String> {
    use std::fmt::Write as _;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let body = JsFuture::from(response.clone().ok()?.array_buffer().ok()?)
        .await
        .ok()?;
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let digest = subtle
        .digest_with_str_and_buffer_source("SHA-256", body.dyn_ref::<js_sys::Object>()?)
        .ok()?;
    let digest = JsFuture::from(digest).await.ok()?;
    let mut hex = String::with_capacity(64);
    for byte in js_sys::Uint8Array::new(&digest).to_vec() {
        let _ = write!(hex, "{byte:02x}");
    }
    Some(hex)
}
