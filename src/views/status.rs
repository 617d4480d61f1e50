//! Loading, error and not-found states: always a clear message, never a blank page.

use leptos::prelude::*;

use super::Ctx;
use crate::i18n::{tr, Lang};
use crate::url_state::View;

pub fn loading(lang: Lang) -> impl IntoView {
    view! { <p class="status" role="status">{tr(lang, |u| u.loading)}</p> }
}

/// The dataset could not be fetched or is broken. Details are shown as text (Leptos
/// escapes them), so nothing in a damaged file can inject markup.
pub fn data_error(lang: Lang, details: Vec<String>) -> impl IntoView {
    view! {
        <section class="status status-error" role="alert">
            <h1>{tr(lang, |u| u.data_error_title)}</h1>
            <p>{tr(lang, |u| u.data_error_body)}</p>
            <ul class="problems">
                {details.into_iter().take(20).map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
            </ul>
        </section>
    }
}

pub fn not_found(ctx: &Ctx, lang: Lang) -> impl IntoView {
    let home = ctx.link(View::Overview);
    view! {
        <section class="status" role="alert">
            <h1>{tr(lang, |u| u.not_found_title)}</h1>
            <p>{tr(lang, |u| u.not_found_body)}</p>
            <p><a href=home>{tr(lang, |u| u.back_to_overview)}</a></p>
        </section>
    }
}
