//! In the browser, the code of every view but the overview, of the embed dialog's form
//! and of the dataset's validator is in wasm chunks, fetched the first time it is needed
//! (which is in which: [`crate::chunks`]).
//!
//! Each chunk has one split point: a function marked `wasm_split` whose body, and
//! whatever only it reaches, `tools/split-wasm` moves out of the main module at build
//! time. Calling it fetches the chunk first. The native build (the bake) draws every
//! view directly and does not compile this module.

use std::sync::Arc;

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
#[derive(Debug)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// Why a view or form that waited for its code and data cannot be drawn.
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

/// Fetches and instantiates a chunk without drawing anything (a second call, or a
/// draw after it, finds it loaded; a failure is not kept, so a later call tries again).
pub async fn preload(chunk: Chunk) -> Result<(), ChunkFailed> {
    match chunk {
        Chunk::Lists => preload_lists().await,
        Chunk::Reading => preload_reading().await,
        Chunk::Figures => preload_figures().await,
        Chunk::Embed => preload_embed().await,
        Chunk::Validation => preload_validation().await,
    }
    .map_err(ChunkFailed::from)
}

/// A view drawn through its chunk's split point (natively: `chunk_page`).
async fn draw(chunk: ViewChunk, data: Arc<Dataset>, view: View) -> Result<AnyView, ChunkFailed> {
    match chunk {
        ViewChunk::Lists => lists(data, view).await,
        ViewChunk::Reading => reading(data, view).await,
        ViewChunk::Figures => figures(data, view).await,
    }
}

/// A view of a chunk, from the whole dataset: drawn at once when both are loaded
/// already (as they are for the page the app starts on, see `start`), else once they
/// have arrived, with a message while they load and another if they cannot.
pub fn page(chunk: ViewChunk, view: View) -> AnyView {
    let latest = expect_context::<Latest>();
    once_loaded(async move {
        let data = super::dataset::whole().await.map_err(NotDrawn::Data)?;
        latest.take(&data);
        Ok(draw(chunk, data, view).await?)
    })
}

/// The embed dialog's form, once its chunk is loaded.
pub fn embed_form(data: Arc<Dataset>, state: EmbedState) -> AnyView {
    once_loaded(async move { Ok(embed(data, state).await?) })
}

/// What a chunk draws: at once if it is loaded, else a message until it is, or one
/// that says it cannot be.
fn once_loaded(
    draw: impl std::future::Future<Output = Result<AnyView, NotDrawn>> + Send + 'static,
) -> AnyView {
    let ctx = expect_context::<Ctx>();
    let lang = move || ctx.lang();
    view! {
        <Suspense fallback=move || loading(lang())>
            {Suspend::new(async move {
                match draw.await {
                    Ok(page) => page,
                    Err(NotDrawn::Code(ChunkFailed)) => code_error(lang).into_any(),
                    Err(NotDrawn::Data(details)) => {
                        (move || super::status::data_error(lang(), details.clone())).into_any()
                    }
                }
            })}
        </Suspense>
    }
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
