//! In the browser, the code of every view but the overview, of the embed dialog's form,
//! of the overview's citations and of the dataset's validator is in wasm chunks, fetched the first time it is needed (which is in which:
//! [`crate::chunks`]).
//!
//! Each chunk has one split point: a function marked `wasm_split` whose body, and
//! whatever only it reaches, `tools/split-wasm` moves out of the main module at build
//! time. Calling it fetches the chunk first. The native build (the bake) draws every
//! view directly and does not compile this module.

use std::cell::Cell;
use std::sync::Arc;

use futures::future::{join, FutureExt};

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::dataset::Latest;
use super::embed_dialog::{self, EmbedState};
use super::{figure_page, list_page, reading_page, Ctx};
use crate::chunks::{Chunk, ViewChunk};
use crate::data::Dataset;
use crate::i18n::{tr, Lang};
use crate::url_state::View;

/// A chunk could not be fetched or instantiated (offline, or a newer release removed
/// it from the host). The app keeps running; the view says so.
#[derive(Clone, Debug)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// Why a view or form that waited for its code and data cannot be drawn.
#[derive(Clone, Debug)]
enum NotDrawn {
    Code(ChunkFailed),
    /// The whole dataset could not be fetched or read, or breaks a rule: the messages.
    Data(Vec<String>),
}

impl From<ChunkFailed> for NotDrawn {
    fn from(failed: ChunkFailed) -> Self {
        NotDrawn::Code(failed)
    }
}

// The module names (`lists`, …) are the split points' names: they must be
// `Chunk::name`, which the bake looks up in the split's manifest (and fails the build
// when one is missing). Each calls its own chunk's views only: code reachable from two
// split points goes to a chunk they share.
#[wasm_split(lists, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_lists))]
fn lists(data: Arc<Dataset>, view: View) -> Result<AnyView, ChunkFailed> {
    Ok(list_page(data, view))
}

#[wasm_split(reading, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_reading))]
fn reading(data: Arc<Dataset>, view: View) -> Result<AnyView, ChunkFailed> {
    Ok(reading_page(data, view))
}

#[wasm_split(figures, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_figures))]
fn figures(data: Arc<Dataset>, view: View) -> Result<AnyView, ChunkFailed> {
    Ok(figure_page(data, view))
}

#[wasm_split(validation, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_validation))]
/// The problems the dataset's validator finds (none: the data is sound).
pub fn validation(data: Arc<Dataset>) -> Result<Vec<String>, ChunkFailed> {
    Ok(super::problems(&data))
}

#[wasm_split(embed, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_embed))]
fn embed(data: Arc<Dataset>, state: EmbedState) -> Result<AnyView, ChunkFailed> {
    Ok(embed_dialog::form(data, state))
}

thread_local! {
    /// The chunks loaded so far, a bit each (`1 << chunk as u8`).
    static LOADED: Cell<u8> = const { Cell::new(0) };
}

/// Whether a chunk's code is here: its split point then runs at once.
fn is_loaded(chunk: Chunk) -> bool {
    LOADED.with(|loaded| loaded.get() & (1 << chunk as u8) != 0)
}

#[wasm_split(cite, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_cite))]
fn cite(data: Arc<Dataset>, lang: Lang) -> Result<AnyView, ChunkFailed> {
    Ok(super::cite::article_citations(&data, lang))
}

/// The article's citation fields on the overview, once their chunk is loaded.
pub fn article_citations(data: Arc<Dataset>, lang: Lang) -> AnyView {
    drawn_by(Chunk::Cite, move || cite(data.clone(), lang))
}

/// Fetches and instantiates a chunk without drawing anything (a second call, or a
/// draw after it, finds it loaded; a failure is not kept, so a later call tries again).
pub async fn preload(chunk: Chunk) -> Result<(), ChunkFailed> {
    match chunk {
        Chunk::Lists => preload_lists().await,
        Chunk::Reading => preload_reading().await,
        Chunk::Figures => preload_figures().await,
        Chunk::Embed => preload_embed().await,
        Chunk::Cite => preload_cite().await,
        Chunk::Validation => preload_validation().await,
    }
    .map_err(ChunkFailed::from)?;
    LOADED.with(|loaded| loaded.set(loaded.get() | 1 << chunk as u8));
    Ok(())
}

/// What a split point draws, if its chunk is loaded: the split point then runs at once,
/// and its future is ready when first polled.
fn now_if_loaded<F>(chunk: Chunk, split_point: impl FnOnce() -> F) -> Option<AnyView>
where
    F: std::future::Future<Output = Result<AnyView, ChunkFailed>>,
{
    if !is_loaded(chunk) {
        return None;
    }
    split_point().now_or_never().and_then(Result::ok)
}

/// A view drawn through its chunk's split point (natively: `chunk_page`), if the chunk
/// is loaded.
fn draw_now(chunk: ViewChunk, data: Arc<Dataset>, view: View) -> Option<AnyView> {
    match chunk {
        ViewChunk::Lists => now_if_loaded(Chunk::Lists, || lists(data, view)),
        ViewChunk::Reading => now_if_loaded(Chunk::Reading, || reading(data, view)),
        ViewChunk::Figures => now_if_loaded(Chunk::Figures, || figures(data, view)),
    }
}

/// What a split point draws, from its chunk's code only (no data to wait for).
fn drawn_by<F>(chunk: Chunk, split_point: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    F: std::future::Future<Output = Result<AnyView, ChunkFailed>>,
{
    let load = async move { Ok(preload(chunk).await?) };
    once_loaded(load, move || now_if_loaded(chunk, &split_point))
}

/// A view of a chunk, from the whole dataset: drawn at once when both are loaded
/// already (as they are for the page the app starts on, see `start`), else once they
/// have arrived, with a message while they load and another if they cannot.
pub fn page(chunk: ViewChunk, view: View) -> AnyView {
    let latest = expect_context::<Latest>();
    let load = async move {
        let (code, data) = join(preload(chunk.chunk()), super::dataset::whole()).await;
        data.map_err(NotDrawn::Data)?;
        Ok(code?)
    };
    once_loaded(load, move || {
        let data = super::dataset::whole_now()?;
        latest.take(&data);
        draw_now(chunk, data, view.clone())
    })
}

/// The embed dialog's form, once its chunk is loaded.
pub fn embed_form(data: Arc<Dataset>, state: EmbedState) -> AnyView {
    drawn_by(Chunk::Embed, move || embed(data.clone(), state))
}

/// What a chunk draws (`draw`, which draws only when the code and data are here): at
/// once if they are, else a loading line while `load` fetches them, then the drawing,
/// or a message that says they cannot be had.
///
/// No `Suspense`: this is all the waiting the app does, and Leptos's suspense machinery
/// would add about 4 KB (brotli) to the main module, which every start of the app downloads.
fn once_loaded(
    load: impl std::future::Future<Output = Result<(), NotDrawn>> + 'static,
    draw: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
) -> AnyView {
    if let Some(drawn) = draw() {
        return drawn;
    }
    let ctx = expect_context::<Ctx>();
    let lang = move || ctx.lang();
    let loaded = RwSignal::new(None::<Result<(), NotDrawn>>);
    wasm_bindgen_futures::spawn_local(async move { loaded.set(Some(load.await)) });
    (move || match loaded.get() {
        None => loading(lang()).into_any(),
        Some(Ok(())) => untrack(&draw).unwrap_or_else(|| code_error(lang).into_any()),
        Some(Err(NotDrawn::Code(ChunkFailed))) => code_error(lang).into_any(),
        Some(Err(NotDrawn::Data(details))) => {
            (move || super::status::data_error(lang(), details.clone())).into_any()
        }
    })
    .into_any()
}

/// A chunk's code is on its way (see `crate::chunks`).
fn loading(lang: Lang) -> impl IntoView {
    view! { <p class="status" role="status">{tr(lang, |u| u.loading_code)}</p> }
}

/// A view's code could not be fetched: the reader is told why it may be and offered a
/// reload (which also picks up a newer release, whose pages name its own chunks).
fn code_error(lang: impl Fn() -> Lang + Copy + Send + Sync + 'static) -> impl IntoView {
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <section class="status status-error" role="alert">
            <h1>{move || tr(lang(), |u| u.code_error_title)}</h1>
            <p>{move || tr(lang(), |u| u.code_error_body)}</p>
            <p><button type="button" class="button" on:click=reload>{move || tr(lang(), |u| u.reload)}</button></p>
        </section>
    }
}
