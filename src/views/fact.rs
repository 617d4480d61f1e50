//! One figure as a compact card: the value with its unit and qualifier, what it
//! measures, for whom and when, the claim it comes from, and its place in the article.
//! Made to be embedded (`facts/{id}/?embed=1`), and a page of its own too.

use std::sync::Arc;

use leptos::prelude::*;

use super::cite::{CiteBox, CiteTarget};
use super::parts::{bi, figure_who, locator_link};
use super::provenance::provenance;
use super::{status, Ctx};
use crate::data::Dataset;
use crate::format::{figure_value, figure_when};
use crate::i18n::tr;
use crate::url_state::View;

#[component]
pub fn FactView(data: Arc<Dataset>, id: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        let lang = ctx.lang();
        let Some(figure) = data.figure(&id) else {
            return status::not_found(&ctx, lang).into_any();
        };
        let text_lang = lang.single();
        let indicator = data.indicator(&figure.indicator).map(|i| bi(&i.name, lang));
        let when = figure_when(figure, text_lang);
        let item = data.item(&figure.item);
        let context = item.map(|i| bi(&i.title, lang));
        let locator = item.map(|i| locator_link(&ctx, &data, &i.locator, lang));
        let item_href = ctx.link(View::Item(figure.item.clone()));
        view! {
            <article class="fact-card" data-figure=figure.id.clone()>
                <h1 class="fact-indicator">{indicator}</h1>
                <p class="fact-value">{figure_value(&data, figure, text_lang)}</p>
                <p class="fact-who">
                    {figure_who(&data, figure, lang)}
                    {(!when.is_empty()).then(|| view! { <span>" · "{when}</span> })}
                </p>
                {figure.note.as_ref().map(|note| view! { <p class="fact-note muted small">{bi(note, lang)}</p> })}
                <p class="fact-context">
                    <span class="label">{tr(lang, |u| u.fact_from)}": "</span>
                    <a href=item_href>{context}</a>
                    {locator.map(|l| view! { <span class="muted">" · "{l}</span> })}
                </p>
                {provenance(&ctx, &data, figure, lang)}
                <CiteBox data=data.clone() target=CiteTarget::Figure(figure.id.clone())/>
            </article>
        }
        .into_any()
    }
}
